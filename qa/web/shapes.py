"""The shapes of requests and answers: validation, and the one JSON shape of an answer.

Used by the API, the web pages, the CLI and the evaluator alike; no Flask in here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

from qa.errors import BadRequest, NotFound
from qa.passages import unwrap
from qa.search import Result, Where
from qa.store import Index

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,120}$")
# The fields of a question to /api/ask, by either method (q and question are one field).
ASK_FIELDS = ("q", "question", "top_k", "offset", "publication", "date_from", "date_to")
MAX_PUBLICATION_CHARS = 200
_INTEGRAL = re.compile(r"\s*([0-9]{1,12})(\.0*)?\s*")
_ISSUE_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


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
    if value is None:
        return int(settings["TOP_K"])
    return integral("top_k", value, 1, int(settings["MAX_TOP_K"]), code="invalid_top_k")


def integral(name: str, value: Any, lo: int, hi: int, *, code: str) -> int:
    """Read a whole number from JSON or a query string alike: 3, "3" and 3.0 are 3."""
    if isinstance(value, str) and (m := _INTEGRAL.fullmatch(value)):
        value = int(m[1])
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(f"'{name}' must be an integer from {lo} to {hi}", code=code)
    if not lo <= value <= hi:
        shown = str(value) if len(str(value)) <= 20 else "that"
        raise BadRequest(f"'{name}' must be from {lo} to {hi}, not {shown}", code=code)
    return value


@dataclass(frozen=True)
class AskRequest:
    """One question to the archive, with its paging and filters, validated."""

    question: str
    top_k: int
    offset: int = 0
    publication: str | None = None
    date_from: str | None = None  # YYYY-MM-DD: the first issue date asked for
    date_to: str | None = None  # YYYY-MM-DD: the last

    @property
    def where(self) -> Where | None:
        """The filter for the search, or None when nothing is filtered."""
        if self.publication is None and not self.date_from and not self.date_to:
            return None
        return Where(self.publication, self.date_from or "", self.date_to or "")

    def echo(self, result: Result) -> dict[str, Any]:
        """What the response states it applied: paging and filters."""
        return {
            "top_k": self.top_k,
            "offset": self.offset,
            "next_offset": result.next_offset,
            "filters": {
                "publication": self.publication,
                "date_from": self.date_from,
                "date_to": self.date_to,
            },
        }


def read_ask_request(params: Mapping[str, Any], settings: Mapping[str, Any]) -> AskRequest:
    """Validate the fields of a question (a query string's or a JSON object's) into a request."""
    for name in params:
        if name not in ASK_FIELDS:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise BadRequest(
                f"unknown field {shown!r}; the fields are " + ", ".join(ASK_FIELDS),
                code="unknown_field",
            )
    given = [params[k] for k in ("q", "question") if k in params]
    if not given:
        raise BadRequest(
            "a question is required: 'q' or 'question' (/api/ask?q=问题)", code="missing_question"
        )
    if len(given) == 2 and given[0] != given[1]:
        raise BadRequest(
            "'q' and 'question' are the same field and differ; send one",
            code="conflicting_question",
        )
    date_from = issue_date("date_from", params.get("date_from"), last=False)
    date_to = issue_date("date_to", params.get("date_to"), last=True)
    if date_from and date_to and date_from > date_to:
        raise BadRequest(
            f"'date_from' ({date_from}) is after 'date_to' ({date_to})", code="invalid_date_range"
        )
    offset = params.get("offset")
    max_offset = int(settings["MAX_OFFSET"])
    return AskRequest(
        question=validate_question(given[0], settings),
        top_k=validate_top_k(params.get("top_k"), settings),
        offset=0
        if offset is None
        else integral("offset", offset, 0, max_offset, code="invalid_offset"),
        publication=publication(params.get("publication")),
        date_from=date_from,
        date_to=date_to,
    )


def publication(value: Any) -> str | None:
    """The paper to keep to; None (or empty) keeps every paper."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_PUBLICATION_CHARS or not _utf8(value):
        raise BadRequest(
            f"'publication' must be a paper's name, at most {MAX_PUBLICATION_CHARS} characters",
            code="invalid_publication",
        )
    return CONTROL.sub(" ", value).strip() or None


def issue_date(name: str, value: Any, *, last: bool) -> str | None:
    """An issue date as YYYY-MM-DD; YYYY or YYYY-MM name the whole year or month, whose
    first day (``last`` False) or last day (``last`` True) this gives. Empty: no bound."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    m = _ISSUE_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
        day = int(day) if day else (calendar.monthrange(year, month)[1] if last else 1)
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise BadRequest(
            f"'{name}' must be an issue date: YYYY-MM-DD, or YYYY-MM or YYYY for a whole "
            "month or year",
            code="invalid_date",
        ) from None


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def single_values(args) -> dict[str, str]:
    """A query string's fields (a MultiDict) as a plain dict, refusing a field given twice."""
    for name, values in args.lists():
        if len(values) > 1:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise BadRequest(
                f"{shown!r} is given {len(values)} times; give it once", code="repeated_field"
            )
    return args.to_dict()


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
