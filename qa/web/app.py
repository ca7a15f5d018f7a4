"""Flask app factory: settings, the service state, blueprints and one error shape."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, g, jsonify, request
from werkzeug.exceptions import HTTPException

from qa.errors import QAError, RateLimited
from qa.service import Service
from qa.settings import load_settings
from qa.web.limits import make_limiter, retry_after_header

log = logging.getLogger("qa.request")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Cheap, and asked by monitors: never rate limited.
UNLIMITED = ("/api/health", "/api/openapi.json", "/static/")


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

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)

    limiter = make_limiter(settings)

    @app.before_request
    def _start_timer_and_limit():
        g.t0 = time.perf_counter()
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
            log.error("%s: %s (%s)", exc.code, exc.message, exc.detail or "-")
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
        return _error_response(status, code, exc.description or exc.name)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error")
        return _error_response(500, "internal_error", "the service hit an unexpected error")

    return app


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
