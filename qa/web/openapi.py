"""The OpenAPI 3 description of the JSON API, served at /api/openapi.json.

Built from the settings, so the limits it states (top_k, question length, body size) are
the ones the running service enforces. tests/test_openapi.py checks real responses against
it and fuzzes the app with schemathesis.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qa import __version__
from qa.web.shapes import CITATION_FIELDS

JSON = "application/json"


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
    ask_response = {
        "type": "object",
        "required": ["question", "no_answer", "confidence", "answer", "passages", "took_ms"],
        "properties": {
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
                    "code": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                    "message": {"type": "string", "minLength": 1},
                },
                "additionalProperties": False,
            }
        },
        "additionalProperties": False,
    }
    health = {
        "type": "object",
        "required": ["status", "index"],
        "properties": {
            "status": {
                "type": "string",
                "enum": ["ok", "degraded"],
                "description": "degraded: the current build is damaged and an older intact "
                "one is served until the next build (see fallback).",
            },
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
    limited = _error(
        "Too many requests from this address (only when QA_RATE_LIMIT is set); "
        "the Retry-After header says how many seconds to wait."
    )
    limited["headers"] = {
        "Retry-After": {"schema": {"type": "string", "pattern": "^[1-9][0-9]*$"}},
    }
    unavailable = _error(
        "No usable index: index_missing, index_corrupt or model_mismatch, "
        "with a message that says how to fix it."
    )
    bad = _error(
        "Bad input: empty_question, missing_question, invalid_question, "
        "question_too_long, invalid_top_k, invalid_json or invalid_utf8."
    )
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
                    "parameters": [
                        {"name": "q", "in": "query", "required": True, "schema": question},
                        {"name": "top_k", "in": "query", "required": False, "schema": top_k},
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
            "/api/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the service has an index, and which build.",
                    "responses": {
                        "200": {
                            "description": "Serving.",
                            "content": {JSON: {"schema": _ref("Health")}},
                        },
                        "503": unavailable,
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
                    "required": ["question"],
                    "properties": {"question": question, "top_k": top_k},
                },
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
