"""The OpenAPI 3 description of the JSON API, served at /api/openapi.json.

Built from the settings, so the limits it states (top_k, question length, body size) are
the ones the running service enforces. tests/test_openapi.py checks real responses against
it and fuzzes the app with schemathesis.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qa import __version__
from qa.web.shapes import ASK_FIELDS, CITATION_FIELDS, MAX_PUBLICATION_CHARS

JSON = "application/json"

# Every error code the API answers with: its HTTP status and when. The README lists the
# same codes; tests/test_error_codes.py finds the codes in the code and checks both.
ERROR_CODES: dict[str, tuple[int, str]] = {
    "missing_question": (400, "No 'q' or 'question' field."),
    "empty_question": (400, "The question is empty or blank (control characters read as spaces)."),
    "invalid_question": (400, "The question is not a string, or not valid Unicode text."),
    "conflicting_question": (400, "Both 'q' and 'question' are given, and they differ."),
    "question_too_long": (400, "The question is over the length limit."),
    "invalid_top_k": (400, "'top_k' is not a whole number in range."),
    "invalid_offset": (400, "'offset' is not a whole number in range."),
    "invalid_publication": (400, "'publication' is not a string, or too long."),
    "invalid_date": (400, "'date_from' or 'date_to' is not YYYY-MM-DD, YYYY-MM or YYYY."),
    "invalid_date_range": (400, "'date_from' is after 'date_to'."),
    "unknown_field": (
        400,
        "A field the request does not take; the message names the accepted ones.",
    ),
    "repeated_field": (400, "A query-string field given more than once."),
    "invalid_json": (400, "The body is not JSON, not an object, or nested too deeply."),
    "invalid_utf8": (400, "The body or the query string is not valid UTF-8."),
    "bad_request": (400, "A request the HTTP server cannot parse."),
    "not_found": (404, "No such path."),
    "unknown_article": (404, "No article with that id."),
    "method_not_allowed": (405, "The path does not take that method."),
    "payload_too_large": (413, "The body is over the size limit."),
    "rate_limited": (429, "Too many requests from one address (QA_RATE_LIMIT); see Retry-After."),
    "too_many_connections": (429, "Too many open connections from one address."),
    "header_too_large": (431, "The request's headers are too large."),
    "internal_error": (500, "An unexpected failure; logged, never detailed in the response."),
    "build_failed": (500, "A build of the index failed."),
    "engine_unavailable": (500, "The configured embedding engine is not installed."),
    "not_implemented": (501, "A request the HTTP server does not implement."),
    "index_unavailable": (503, "The index cannot be used."),
    "index_missing": (503, "No index has been built: run `qa build`."),
    "index_building": (
        503,
        "The first index is being built by the service itself; see Retry-After and "
        "/api/health for the progress.",
    ),
    "index_corrupt": (503, "The index is damaged: rebuild it."),
    "model_mismatch": (503, "The index was built with another model than the configured one."),
    "backend_unavailable": (503, "The search backend (Milvus) cannot be reached."),
}


def codes_of(status: int) -> str:
    """The codes of one status, for a response's description."""
    return ", ".join(c for c, (s, _) in ERROR_CODES.items() if s == status)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": _ref("Error")}}}


def _int(minimum: int | None = None, **extra) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer", **extra}
    if minimum is not None:
        out["minimum"] = minimum
    return out


def openapi_spec(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The OpenAPI 3.0 document for the API as configured by ``settings``."""
    max_k = int(settings["MAX_TOP_K"])
    max_q = int(settings["MAX_QUESTION_CHARS"])
    max_body = int(settings["MAX_BODY_BYTES"])
    top_k = {
        "type": "integer",
        "minimum": 1,
        "maximum": max_k,
        "default": int(settings["TOP_K"]),
        "description": f"How many passages to return, 1–{max_k}.",
    }
    # Leading and trailing whitespace is stripped before the length and emptiness checks;
    # the pattern asks for no surrounding whitespace so the schema and the service agree.
    question = {
        "type": "string",
        "minLength": 1,
        "maxLength": max_q,
        "pattern": r"^\S([\s\S]*\S)?$",
        "description": f"The question, 1–{max_q} characters after stripping whitespace.",
    }
    max_offset = int(settings["MAX_OFFSET"])
    offset = {
        "type": "integer",
        "minimum": 0,
        "maximum": max_offset,
        "default": 0,
        "description": "How many hits to skip: the next page starts at the last response's "
        "next_offset. The answer is the same on every page.",
    }
    publication = {
        "type": "string",
        "maxLength": MAX_PUBLICATION_CHARS,
        "description": "Keep to this paper (as /api/archive names it); empty: every paper. "
        "A paper the archive does not hold gives no hits and no_answer true, not an error.",
    }
    date_pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

    def date(which: str, edge: str) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": date_pattern,
            "description": f"The {which} issue date to keep (inclusive): YYYY-MM-DD, or YYYY-MM / "
            f"YYYY meaning that month's or year's {edge} day; empty: no bound.",
        }

    ask_fields = {
        "q": {**question, "description": "The question (the same field as 'question')."},
        "question": question,
        "top_k": top_k,
        "offset": offset,
        "publication": publication,
        "date_from": date("first", "first"),
        "date_to": date("last", "last"),
    }
    assert tuple(ask_fields) == ASK_FIELDS
    citation = {
        "type": "object",
        "required": list(CITATION_FIELDS),
        "properties": {
            "source": {"type": "string", "description": "Page file name."},
            "article_id": {"type": "string"},
            "headline": {
                "type": "string",
                "nullable": True,
                "description": "The article's headline; null when none was recognised.",
            },
            "publication": {"type": "string", "description": "The paper, or empty."},
            "issue_date": {
                "type": "string",
                "description": "The issue date (YYYY-MM-DD) from the catalogue or the page's "
                "furniture, or empty.",
            },
            "page": {"type": "string", "description": "The page (版次), or empty."},
            "date": {
                "type": "string",
                "description": "The event date the article's text gives, or empty.",
            },
            "byline": {"type": "string"},
            "char_start": _int(0),
            "char_end": _int(0),
        },
        "additionalProperties": False,
    }
    passage = {
        "type": "object",
        "required": ["text", "score", "citation", "highlights"],
        "properties": {
            "text": {"type": "string"},
            "score": {"type": "number"},
            "citation": _ref("Citation"),
            "highlights": {
                "type": "array",
                "description": "[start, end) spans in the passage text.",
                "items": {"type": "array", "items": _int(0), "minItems": 2, "maxItems": 2},
            },
        },
        "additionalProperties": False,
    }
    answer = {
        "type": "object",
        "nullable": True,
        "required": ["text", "citation"],
        "properties": {"text": {"type": "string"}, "citation": _ref("Citation")},
        "additionalProperties": False,
    }
    nullable_date = {"type": "string", "format": "date", "nullable": True}
    filters = {
        "type": "object",
        "description": "The filters applied (dates as YYYY-MM-DD, a month or year widened to "
        "its days); null: not filtered.",
        "required": ["publication", "date_from", "date_to"],
        "properties": {
            "publication": {"type": "string", "nullable": True},
            "date_from": nullable_date,
            "date_to": nullable_date,
        },
        "additionalProperties": False,
    }
    ask_response = {
        "type": "object",
        "required": [
            "question",
            "no_answer",
            "confidence",
            "answer",
            "passages",
            "took_ms",
            "top_k",
            "offset",
            "next_offset",
            "filters",
        ],
        "properties": {
            "top_k": {**_int(1), "description": "The page size applied."},
            "offset": {**_int(0), "description": "The offset applied."},
            "next_offset": {
                **_int(1),
                "nullable": True,
                "description": "The offset of the next page of hits; null when there are no more.",
            },
            "filters": _ref("Filters"),
            "question": {"type": "string"},
            "no_answer": {"type": "boolean"},
            "confidence": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "How likely the archive answers the question (0-1). With "
                "QA_NO_ANSWER_MODE=calibrated and the bundled model, a probability fitted on "
                "held-out questions; otherwise the uncalibrated evidence score.",
            },
            "answer": _ref("Answer"),
            "passages": {"type": "array", "items": _ref("Passage"), "maxItems": max_k},
            "took_ms": {"type": "number", "minimum": 0},
        },
        "additionalProperties": False,
    }
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {
                        "type": "string",
                        "pattern": "^[a-z0-9_]+$",
                        "description": "A stable code: "
                        + "; ".join(f"{c} ({st}): {why}" for c, (st, why) in ERROR_CODES.items()),
                    },
                    "message": {"type": "string", "minLength": 1},
                },
                "additionalProperties": False,
            }
        },
        "additionalProperties": False,
    }
    build = {
        "type": "object",
        "description": "The progress of the first build, run by the service while it listens.",
        "required": ["stage", "pages_done", "pages_total", "passages_embedded", "eta_s"],
        "properties": {
            "stage": {
                "type": "string",
                "enum": ["starting", "pages", "training", "vectors"],
                "description": "pages: reading, segmenting and embedding; training and "
                "vectors: making an approximate vector index (large archives only).",
            },
            "pages_done": _int(0),
            "pages_total": _int(0),
            "passages_embedded": _int(0),
            "stage_done": _int(0),
            "stage_total": _int(0),
            "elapsed_s": {"type": "number", "minimum": 0},
            "eta_s": {
                "type": ["number", "null"],
                "minimum": 0,
                "description": "Seconds left in the current stage at its rate so far.",
            },
            "failed": {"type": "boolean"},
        },
    }
    health = {
        "type": "object",
        "required": ["status"],
        "properties": {
            "status": {
                "type": "string",
                "enum": ["ok", "degraded", "building", "build_failed"],
                "description": "ok: serving (index says which build). degraded: the current "
                "build is damaged and an older intact one is served until the next build (see "
                "fallback). building: no index yet, the first build runs (see build; 200). "
                "build_failed: the first build failed (503; the service's log says why).",
            },
            "build": build,
            "fallback": {
                "type": "object",
                "required": ["current", "serving", "reason"],
                "properties": {
                    "current": {"type": "string"},
                    "serving": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
            "index": {
                "type": "object",
                "description": "The manifest of the build being served.",
                "required": ["id", "built_at", "model", "engine", "dim", "counts"],
                "properties": {
                    "id": {"type": "string"},
                    "built_at": {"type": "string", "format": "date-time"},
                    "model": {"type": "string"},
                    "engine": {"type": "string"},
                    "dim": _int(1),
                    "counts": {"type": "object", "additionalProperties": _int(0)},
                },
            },
        },
    }
    article = {
        "type": "object",
        "required": ["id", "source", "kind", "headline", "byline", "date", "body"],
        "properties": {
            "id": {"type": "string"},
            "source": {"type": "string"},
            "seq": _int(0),
            "kind": {"type": "string"},
            "headline": {"type": "string", "nullable": True},
            "subheadlines": {"type": "array", "items": {"type": "string"}},
            "byline": {"type": "string"},
            "publication": {"type": "string"},
            "issue_date": {"type": "string"},
            "page": {"type": "string"},
            "date": {"type": "string"},
            "char_start": _int(0),
            "char_end": _int(0),
            "body_spans": {
                "type": "array",
                "items": {"type": "array", "items": _int(0), "minItems": 2, "maxItems": 2},
            },
            "body": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["char_start", "char_end", "text"],
                    "properties": {
                        "char_start": _int(0),
                        "char_end": _int(0),
                        "text": {"type": "string"},
                    },
                },
            },
        },
    }
    count = _int(0)
    archive = {
        "type": "object",
        "required": ["publications", "issue_dates", "counts", "build", "examples"],
        "properties": {
            "publications": {
                "type": "array",
                "description": "The papers named in the archive, most articles first.",
                "items": {
                    "type": "object",
                    "required": ["name", "articles", "pages"],
                    "properties": {"name": {"type": "string"}, "articles": count, "pages": count},
                },
            },
            "issue_dates": {
                "type": "object",
                "nullable": True,
                "description": "The first and last issue dates known; null when none is.",
                "required": ["first", "last"],
                "properties": {
                    "first": {"type": "string", "format": "date"},
                    "last": {"type": "string", "format": "date"},
                },
            },
            "counts": {
                "type": "object",
                "required": ["pages", "articles", "passages"],
                "properties": {"pages": count, "articles": count, "passages": count},
            },
            "build": {
                "type": "object",
                "required": ["id", "built_at"],
                "properties": {
                    "id": {"type": "string"},
                    "built_at": {"type": "string", "format": "date-time", "nullable": True},
                },
            },
            "examples": {
                "type": "array",
                "maxItems": 5,
                "items": {"type": "string"},
                "description": "Example questions made from the archive's own headlines.",
            },
        },
    }
    limited = _error(
        "Too many requests from this address (only when QA_RATE_LIMIT is set); "
        "the Retry-After header says how many seconds to wait."
    )
    limited["headers"] = {
        "Retry-After": {"schema": {"type": "string", "pattern": "^[1-9][0-9]*$"}},
    }
    unavailable = _error(
        "No usable index or backend: " + codes_of(503) + ", with a message that says how to fix it."
    )
    bad = _error("Bad input: " + codes_of(400) + ".")
    too_large = _error(f"The body is over {max_body} bytes (payload_too_large).")
    ask_responses = {
        "200": {"description": "The answer.", "content": {JSON: {"schema": _ref("AskResponse")}}},
        "400": bad,
        "413": too_large,
        "429": limited,
        "503": unavailable,
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "报纸档案问答 — newspaper archive question answering",
            "version": __version__,
            "description": (
                "Ask a question in Chinese; get the best passages with exact citations. "
                'Every error has one shape: {"error": {"code", "message"}}.'
            ),
        },
        "paths": {
            "/api/ask": {
                "get": {
                    "operationId": "askGet",
                    "summary": "Answer a question given in the query string.",
                    "description": "Give the question as q or question; the other fields as in "
                    "the POST body.",
                    "parameters": [
                        {
                            "name": name,
                            "in": "query",
                            "required": False,
                            "schema": schema,
                            "description": schema["description"],
                        }
                        for name, schema in ask_fields.items()
                    ],
                    "responses": ask_responses,
                },
                "post": {
                    "operationId": "askPost",
                    "summary": "Answer a question given as a JSON object.",
                    "requestBody": {
                        "required": True,
                        "content": {JSON: {"schema": _ref("AskRequest")}},
                    },
                    "responses": ask_responses,
                },
            },
            "/api/archive": {
                "get": {
                    "operationId": "archive",
                    "summary": "What the archive holds: papers, issue dates, counts, the build, "
                    "example questions.",
                    "responses": {
                        "200": {
                            "description": "The summary.",
                            "content": {JSON: {"schema": _ref("Archive")}},
                        },
                        "429": limited,
                        "503": unavailable,
                    },
                }
            },
            "/api/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the service has an index, and which build.",
                    "responses": {
                        "200": {
                            "description": "Serving, or building its first index.",
                            "content": {JSON: {"schema": _ref("Health")}},
                        },
                        "503": {
                            "description": "No usable index: an error, or a first build "
                            "that failed (status build_failed).",
                            "content": {
                                JSON: {"schema": {"oneOf": [_ref("Error"), _ref("Health")]}}
                            },
                        },
                    },
                }
            },
            "/api/articles/{article_id}": {
                "get": {
                    "operationId": "article",
                    "summary": "One whole article, for checking a citation.",
                    "parameters": [
                        {
                            "name": "article_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "minLength": 1},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The article.",
                            "content": {JSON: {"schema": _ref("Article")}},
                        },
                        "404": _error("No such article (unknown_article)."),
                        "429": limited,
                        "503": unavailable,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "AskRequest": {
                    "type": "object",
                    "description": "The question as question (or q); every other field is "
                    "optional. A field not listed here is refused (unknown_field).",
                    "anyOf": [{"required": ["question"]}, {"required": ["q"]}],
                    "properties": ask_fields,
                    "additionalProperties": False,
                },
                "Filters": filters,
                "Archive": archive,
                "AskResponse": ask_response,
                "Answer": answer,
                "Passage": passage,
                "Citation": citation,
                "Health": health,
                "Article": article,
                "Error": error,
            }
        },
    }
