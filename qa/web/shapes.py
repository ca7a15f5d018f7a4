"""The shapes of requests and answers: validation, and the one JSON shape of an answer.

Used by the API, the web pages, the CLI and the evaluator alike; no Flask in here.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote_to_bytes

from qa.errors import BadRequest, NotFound
from qa.passages import unwrap
from qa.search import Result
from qa.store import Index

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,120}$")


CITATION_FIELDS = (
    "source",
    "article_id",
    "headline",
    "publication",
    "issue_date",
    "page",
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
        "headline": art.headline or None,  # unknown beats wrong: null, never a guess
        "publication": art.publication,
        "issue_date": art.issue_date,
        "page": art.page,
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
        "confidence": round(result.confidence, 4),
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


def check_query_string_utf8(query_string: bytes) -> None:
    try:
        unquote_to_bytes(query_string).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the query string is not valid UTF-8", code="invalid_utf8") from None


def article_dict(index: Index, article_id: str) -> dict:
    if not ARTICLE_ID.match(article_id) or article_id not in index.articles:
        shown = article_id if len(article_id) <= 80 else article_id[:80] + "…"
        raise NotFound(f"no article with id {shown!r}", code="unknown_article")
    art = index.articles[article_id]
    page = index.pages.get(art.source, "")
    d = art.to_dict()
    d["headline"] = art.headline or None  # as in citations: unknown, not empty
    d["body"] = [
        {"char_start": a, "char_end": b, "text": unwrap(page, a, b)[0]} for a, b in art.body_spans
    ]
    return d
