"""Flask app factory: settings, the service state, blueprints and one error shape."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, g, jsonify, request
from werkzeug.exceptions import HTTPException

from qa.errors import QAError
from qa.service import Service
from qa.settings import load_settings

log = logging.getLogger("qa.request")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(config: Mapping[str, Any] | None = None, service: Service | None = None) -> Flask:
    """Create the web app. ``config`` overrides defaults and ``QA_*`` variables."""
    app = Flask(__name__)
    settings = load_settings(config)
    app.config.from_mapping(settings)
    app.config["MAX_CONTENT_LENGTH"] = int(settings["MAX_BODY_BYTES"])
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False
    app.extensions["qa"] = service or Service(settings)

    from qa import api, web

    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)

    @app.before_request
    def _start_timer():
        g.t0 = time.perf_counter()

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
            request.path,
            resp.status_code,
            ms,
            g.get("answered", "-"),
        )
        return resp

    @app.errorhandler(QAError)
    def _qa_error(exc: QAError):
        if exc.status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return _error_response(exc.status, exc.code, exc.message)

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


def _error_response(status: int, code: str, message: str):
    """One error shape everywhere: JSON for the API, a short Chinese page for the web form."""
    if request.path.startswith("/api/") or request.is_json:
        return jsonify({"error": {"code": code, "message": message}}), status
    from qa.web import error_page

    return error_page(status, code, message)
