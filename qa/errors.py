"""One exception hierarchy; each class carries its HTTP status and a stable code."""

from __future__ import annotations


class QAError(Exception):
    """Base of every error the product reports to a user."""

    status = 500
    code = "internal_error"
    retry_after: int | None = None  # seconds: a client may ask again then (Retry-After)

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        detail: str = "",
        retry_after: int | None = None,
    ):
        super().__init__(message)
        self.message = message  # for anyone: never a server path or a library's internals
        self.detail = detail  # for the operator (logs, the CLI): paths, causes
        if code:
            self.code = code
        if status:
            self.status = status
        if retry_after is not None:
            self.retry_after = max(1, int(retry_after))  # never 0: a client would retry at once

    def to_dict(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}

    def headers(self) -> dict[str, str]:
        """Extra HTTP headers the error response carries."""
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


class BadRequest(QAError):
    status = 400
    code = "bad_request"


class NotFound(QAError):
    status = 404
    code = "not_found"


class PayloadTooLarge(QAError):
    status = 413
    code = "payload_too_large"


class RateLimited(QAError):
    status = 429
    code = "rate_limited"
    retry_after = 1


class IndexError_(QAError):
    """The index is missing, partial, corrupt or built for another model."""

    status = 503
    code = "index_unavailable"


class IndexMissing(IndexError_):
    code = "index_missing"


class IndexCorrupt(IndexError_):
    code = "index_corrupt"


class IndexBuilding(IndexError_):
    """The first index is being built: ask again after ``retry_after`` seconds."""

    code = "index_building"
    retry_after = 5


class ModelMismatch(IndexError_):
    code = "model_mismatch"


class BackendUnavailable(IndexError_):
    """The configured search backend's client is not installed, or it cannot be reached."""

    code = "backend_unavailable"


class BuildError(QAError):
    code = "build_failed"


class EngineUnavailable(QAError):
    """An optional embedding engine is not installed."""

    code = "engine_unavailable"
