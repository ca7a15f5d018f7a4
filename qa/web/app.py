"""Flask app factory: settings, the service state, blueprints and one error shape."""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Mapping
from contextlib import contextmanager
from typing import Any

from flask import Flask, g, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from qa.errors import IndexBuilding, QAError, RateLimited
from qa.service import Service
from qa.settings import load_settings
from qa.web.limits import make_limiter, retry_after_header

log = logging.getLogger("qa.request")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Cheap, and asked by monitors: never rate limited.
UNLIMITED = ("/api/health", "/api/openapi.json", "/api/docs", "/static/")
# A CORS preflight's answer: what a cross-origin page may send to the API.
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
}


def create_app(config: Mapping[str, Any] | None = None, service: Service | None = None) -> Flask:
    """Create the web app. ``config`` overrides defaults and ``QA_*`` variables."""
    app = Flask(__name__)
    settings = load_settings(config)
    app.config.from_mapping(settings)
    # Never the debugger or tracebacks in a response, whatever FLASK_DEBUG says; only an
    # explicit DEBUG=True in the mapping (a developer's own choice) turns it on.
    app.debug = settings.get("DEBUG") is True
    app.config["MAX_CONTENT_LENGTH"] = int(settings["MAX_BODY_BYTES"])
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False
    app.extensions["qa"] = service or Service(settings)

    from qa.web import api, pages

    with _no_gc():
        app.register_blueprint(api.bp)
        app.register_blueprint(pages.bp)

    limiter = make_limiter(settings)
    origins = cors_origins(settings)

    @app.before_request
    def _start_timer_and_limit():
        g.t0 = time.perf_counter()
        if origins and request.method == "OPTIONS" and is_api(request.path) and request.url_rule:
            return app.response_class(status=204, headers=PREFLIGHT)
        if limiter is None or request.path.startswith(UNLIMITED):
            return
        wait = limiter.acquire(request.remote_addr or "-")
        if wait > 0:
            raise RateLimited(
                f"too many requests from this address: the limit is {settings['RATE_LIMIT']} "
                f"a minute; retry in {retry_after_header(wait)} s",
                retry_after=int(retry_after_header(wait)),
            )

    @app.after_request
    def _headers_and_log(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        if origins and is_api(request.path):
            allow_origin(resp, origins, request.headers.get("Origin"))
        ms = (time.perf_counter() - g.get("t0", time.perf_counter())) * 1000
        # No question text at INFO: questions can be personal.
        log.info(
            "method=%s path=%s status=%d ms=%.1f answered=%s",
            request.method,
            quoted(request.path),
            resp.status_code,
            ms,
            g.get("answered", "-"),
        )
        return resp

    @app.errorhandler(QAError)
    def _qa_error(exc: QAError):
        if exc.status >= 500:
            # A first build in progress is expected, not a fault: its 503s are no errors.
            level = logging.INFO if isinstance(exc, IndexBuilding) else logging.ERROR
            log.log(level, "%s: %s (%s)", exc.code, exc.message, exc.detail or "-")
        resp = app.make_response(_error_response(exc.status, exc.code, exc.message))
        resp.headers.update(exc.headers())
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        if status == 413:
            limit = app.config["MAX_CONTENT_LENGTH"]
            return _error_response(
                413, "payload_too_large", f"the request body is over the limit of {limit} bytes"
            )
        code = (exc.name or "error").lower().replace(" ", "_")
        resp = app.make_response(_error_response(status, code, exc.description or exc.name))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            resp.headers["Allow"] = ", ".join(exc.valid_methods)  # as RFC 9110 asks of a 405
        return resp

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error")
        return _error_response(500, "internal_error", "the service hit an unexpected error")

    return app


def cors_origins(settings: Mapping[str, Any]) -> frozenset[str]:
    """The origins QA_CORS_ORIGINS lets call the API ('*': any); empty: CORS is off."""
    return frozenset(
        o.strip().rstrip("/") for o in settings["CORS_ORIGINS"].split(",") if o.strip()
    )


def allow_origin(resp, origins: frozenset[str], origin: str | None) -> None:
    """Let a page of an allowed origin read this API response."""
    resp.vary.add("Origin")
    if "*" in origins:
        resp.headers["Access-Control-Allow-Origin"] = "*"
    elif origin and origin in origins:
        resp.headers["Access-Control-Allow-Origin"] = origin


@contextmanager
def _no_gc():
    """Hold the garbage collector while werkzeug compiles the URL rules into code.

    CPython 3.11 keeps one AST recursion counter per interpreter; a finalizer the collector
    runs in the middle of that compile and that itself touches the AST breaks the count
    (SystemError: AST constructor recursion depth mismatch, python/cpython#106905). Seen
    in the test suite, where earlier tests leave garbage; a server does this once at start.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def quoted(value: str) -> str:
    """``value`` for a log line: in quotes, with quotes and control characters escaped,
    so what a client sends can never start a line of its own or forge a field."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _error_response(status: int, code: str, message: str):
    """One error shape everywhere: JSON for the API, a short Chinese page for the web form."""
    if is_api(request.path) or request.is_json:
        return jsonify({"error": {"code": code, "message": message}}), status
    from qa.web.pages import building_page, error_page

    if code == "index_building":
        return building_page()
    return error_page(status, code, message)
