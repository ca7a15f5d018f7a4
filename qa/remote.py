"""Ask a running service over HTTP (`qa eval --url`), turning every failure into a message."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit

from qa.errors import QAError

ANSWER_KEYS = ("no_answer", "passages")  # what the scoring reads from every answer


def check_url(url: str) -> str | None:
    """What is wrong with a service base URL, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "give the service's address with http:// or https://, e.g. http://127.0.0.1:8000"
    return None


def unreachable(base: str, reason: str) -> QAError:
    """The error for a service that did not answer at all."""
    return QAError(
        f"cannot reach the service at {base}: {reason}; is `qa serve` running there?",
        code="service_unreachable",
        status=503,
    )


def bad_answer(base: str, what: str) -> QAError:
    """The error for a service that answered something other than an answer."""
    return QAError(
        f"the service at {base} {what}; is it the qa service?", code="bad_service_answer"
    )


def http_ask(base: str, timeout: float = 30) -> Callable[[str, int], dict]:
    """An ``ask(question, top_k)`` that posts to ``base``/api/ask and returns its JSON."""
    url = base.rstrip("/") + "/api/ask"

    def ask(question: str, top_k: int) -> dict:
        body = json.dumps({"question": question, "top_k": top_k}).encode("utf-8")
        req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            raise refusal(base, exc.code, exc.reason, exc.read()) from None
        except urllib.error.URLError as exc:  # refused, unknown host, timed out
            reason = exc.reason
            raise unreachable(base, getattr(reason, "strerror", None) or str(reason)) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:  # reset, not HTTP
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise unreachable(base, reason) from None
        return parse_answer(base, raw)

    return ask


def parse_answer(base: str, raw: bytes) -> dict:
    """The answer in a 200 response, or an error saying what came instead."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise bad_answer(base, "answered /api/ask with something that is not JSON") from None
    if not isinstance(data, dict) or any(k not in data for k in ANSWER_KEYS):
        raise bad_answer(base, "answered /api/ask with JSON that is not an answer")
    return data


def refusal(base: str, status: int, reason: str, raw: bytes) -> QAError:
    """The error for a 4xx/5xx response: the service's own error, when it sent one."""
    try:
        error = json.loads(raw.decode("utf-8"))["error"]
        said = f"{error['code']}: {error['message']}"
    except (ValueError, KeyError, TypeError):
        return bad_answer(base, f"answered /api/ask with {status} {reason}")
    return QAError(
        f"the service at {base} answered {status} {said}", code="service_error", status=502
    )
