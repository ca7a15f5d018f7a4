"""The JSON API: /api/ask, /api/health, /api/articles/<id>."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Blueprint, current_app, g, jsonify, request

from qa.errors import BadRequest, NotFound
from qa.index import Index
from qa.passages import unwrap
from qa.search import Result

bp = Blueprint("api", __name__, url_prefix="/api")

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,120}$")


CITATION_FIELDS = (
    "source",
    "article_id",
    "headline",
    "publication",
    "date",
    "byline",
    "char_start",
    "char_end",
)


def citation(index: Index, article_id: str, source: str, start: int, end: int) -> dict:
    art = index.articles[article_id]
    return {
        "source": source,
        "article_id": article_id,
        "headline": art.headline,
        "publication": art.publication,
        "date": art.date,
        "byline": art.byline,
        "char_start": start,
        "char_end": end,
    }


def result_to_dict(result: Result, index: Index) -> dict[str, Any]:
    """The one JSON shape of an answer, used by the API, the CLI and the evaluator."""
    answer = None
    if result.answer is not None:
        a = result.answer
        answer = {
            "text": a.text,
            "citation": citation(
                index, a.passage.article_id, a.passage.source, a.char_start, a.char_end
            ),
        }
    return {
        "question": result.question,
        "no_answer": result.no_answer,
        "answer": answer,
        "passages": [
            {
                "text": h.passage.text,
                "score": round(h.score, 6),
                "citation": citation(
                    index,
                    h.passage.article_id,
                    h.passage.source,
                    h.passage.char_start,
                    h.passage.char_end,
                ),
                "highlights": h.highlights,
            }
            for h in result.hits
        ],
        "took_ms": round(result.took_ms, 2),
    }


def validate_question(value: Any, settings: dict) -> str:
    if not isinstance(value, str):
        raise BadRequest("'question' must be a string", code="invalid_question")
    # Control characters are no part of a question (a NUL, a stray escape): read as spaces.
    question = CONTROL.sub(" ", value).strip()
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. JSON "\ud800": no model can read it
        raise BadRequest(
            "'question' is not valid Unicode text (an unpaired surrogate)",
            code="invalid_question",
        ) from None
    if not question:
        raise BadRequest("'question' is empty: type a question", code="empty_question")
    limit = int(settings["MAX_QUESTION_CHARS"])
    if len(question) > limit:
        raise BadRequest(
            f"'question' has {len(question)} characters; the limit is {limit}",
            code="question_too_long",
        )
    return question


def validate_top_k(value: Any, settings: dict) -> int:
    hi = int(settings["MAX_TOP_K"])
    if value is None:
        return int(settings["TOP_K"])
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,4}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(f"'top_k' must be an integer from 1 to {hi}", code="invalid_top_k")
    if not 1 <= value <= hi:
        raise BadRequest(f"'top_k' must be from 1 to {hi}, not {value}", code="invalid_top_k")
    return value


def _check_query_string_utf8() -> None:
    try:
        unquote_to_bytes(request.query_string).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the query string is not valid UTF-8", code="invalid_utf8") from None


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
        _check_query_string_utf8()
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
    from qa.openapi import openapi_spec

    return jsonify(openapi_spec(current_app.config))


@bp.get("/health")
def health():
    """Say whether the service has an index, and which."""
    service = current_app.extensions["qa"]
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


def article_dict(index: Index, article_id: str) -> dict:
    if not ARTICLE_ID.match(article_id) or article_id not in index.articles:
        shown = article_id if len(article_id) <= 80 else article_id[:80] + "…"
        raise NotFound(f"no article with id {shown!r}", code="unknown_article")
    art = index.articles[article_id]
    page = index.pages.get(art.source, "")
    d = art.to_dict()
    d["body"] = [
        {"char_start": a, "char_end": b, "text": unwrap(page, a, b)[0]} for a, b in art.body_spans
    ]
    return d
