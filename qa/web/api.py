"""The JSON API: /api/ask, /api/health, /api/articles/<id>."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, g, jsonify, request

from qa.errors import BadRequest
from qa.web.openapi import openapi_spec
from qa.web.shapes import (
    article_dict,
    check_query_string_utf8,
    result_to_dict,
    validate_question,
    validate_top_k,
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


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    """Answer a question: POST a JSON object, or GET ?q=...&top_k=..."""
    settings = current_app.config
    if request.method == "POST":
        body = _json_body()
        if "question" not in body:
            raise BadRequest("'question' is required", code="missing_question")
        question = validate_question(body["question"], settings)
        top_k = validate_top_k(body.get("top_k"), settings)
    else:
        check_query_string_utf8(request.query_string)
        if "q" not in request.args:
            raise BadRequest("'q' is required: /api/ask?q=问题", code="missing_question")
        question = validate_question(request.args.get("q"), settings)
        top_k = validate_top_k(request.args.get("top_k"), settings)
    searcher = current_app.extensions["qa"].searcher()
    result = searcher.search(question, top_k)
    g.answered = not result.no_answer
    return jsonify(result_to_dict(result, searcher.index))


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
