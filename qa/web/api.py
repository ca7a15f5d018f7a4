"""The JSON API: /api/ask, /api/archive, /api/health, /api/articles/<id>, and its docs."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, g, jsonify, render_template, request

from qa.errors import BadRequest
from qa.web.archive import archive_summary
from qa.web.openapi import openapi_spec
from qa.web.shapes import (
    article_dict,
    check_query_string_utf8,
    read_ask_request,
    result_to_dict,
    single_values,
)

bp = Blueprint("api", __name__, url_prefix="/api")


def _json_body() -> dict:
    raw = request.get_data(cache=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not valid UTF-8", code="invalid_utf8") from None
    try:
        body = json.loads(text)
    except RecursionError:
        raise BadRequest(
            'the request body nests too deeply; send {"question": "...", "top_k": 5}',
            code="invalid_json",
        ) from None
    except ValueError:
        raise BadRequest(
            'the request body is not JSON; send {"question": "...", "top_k": 5}',
            code="invalid_json",
        ) from None
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object", code="invalid_json")
    return body


def _query_params() -> dict[str, str]:
    check_query_string_utf8(request.query_string)
    return single_values(request.args)


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    """Answer a question: POST a JSON object, or GET ?q=...; the same fields either way."""
    params = _json_body() if request.method == "POST" else _query_params()
    req = read_ask_request(params, current_app.config)
    searcher = current_app.extensions["qa"].searcher()
    result = searcher.search(req.question, req.top_k, where=req.where, offset=req.offset)
    g.answered = not result.no_answer
    return jsonify({**result_to_dict(result, searcher.index), **req.echo(result)})


@bp.get("/archive")
def archive():
    """What the archive holds: papers, issue dates, counts, the build, example questions."""
    return jsonify(archive_summary(current_app.extensions["qa"].searcher().index))


@bp.get("/docs")
def docs():
    """The interactive API docs: a page that reads /api/openapi.json and tries requests."""
    return render_template("docs.html")


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API, with the limits this service enforces."""
    return jsonify(openapi_spec(current_app.config))


@bp.get("/health")
def health():
    """Say whether the service has an index, and which."""
    service = current_app.extensions["qa"]
    build = service.build
    if build is not None and not service.ready:  # the first index is being made
        if build.error is not None:
            return jsonify({"status": "build_failed", "build": build.snapshot()}), 503
        if not build.finished:
            return jsonify({"status": "building", "build": build.snapshot()})
    searcher = service.searcher()
    if service.fallback:  # serving an older build: the current one is damaged
        return jsonify(
            {"status": "degraded", "index": searcher.index.manifest, "fallback": service.fallback}
        )
    return jsonify({"status": "ok", "index": searcher.index.manifest})


@bp.get("/articles/<article_id>")
def article(article_id: str):
    """One whole article with its text, for checking a citation."""
    searcher = current_app.extensions["qa"].searcher()
    return jsonify(article_dict(searcher.index, article_id))
