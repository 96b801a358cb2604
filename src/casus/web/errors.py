"""One JSON error shape for the HTTP API: ``{"error": {"kind", "message", "suggestions"}}``.

Every :class:`~casus.errors.CasusError` keeps its ``kind`` and message; the HTTP status says which family it
belongs to. Request validation errors and unknown routes get the same shape, and an unexpected exception
becomes a 500 with a generic message: a client never sees a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus.errors import (
    CasusError,
    CoverageError,
    DataUnavailableError,
    InvalidInputError,
    MissingExtraError,
    SourceFormatError,
    StoreError,
    UnknownEntityError,
)

log = logging.getLogger("casus.web")

#: HTTP status of each error family; the first ``isinstance`` match wins, so children come first.
STATUS: tuple[tuple[type[CasusError], int], ...] = (
    (UnknownEntityError, 404),  # also AmbiguousEntityError: the name identifies no single entity
    (DataUnavailableError, 404),  # a dataset that is not on this machine (e.g. the map)
    (InvalidInputError, 422),  # also ScenarioError
    (CoverageError, 409),  # the answer is "unknown", not "nothing"
    (MissingExtraError, 501),
    (SourceFormatError, 500),
    (StoreError, 500),
)


def status_of(err: CasusError) -> int:
    """The HTTP status for a casus error (400 for a kind not listed in :data:`STATUS`)."""
    return next((code for cls, code in STATUS if isinstance(err, cls)), 400)


def error_body(kind: str, message: str, suggestions: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    """The error shape: ``{"error": {"kind": ..., "message": ..., "suggestions": [...]}}``."""
    return {"error": {"kind": kind, "message": message, "suggestions": list(suggestions)}}


def _casus_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CasusError)
    suggestions = exc.suggestions if isinstance(exc, UnknownEntityError) else ()
    return JSONResponse(error_body(exc.kind, str(exc), suggestions), status_code=status_of(exc))


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return JSONResponse(error_body(InvalidInputError.kind, "; ".join(parts) or "invalid request"), status_code=422)


def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kind = "not_found" if exc.status_code == 404 else "http_error"
    message = "no such endpoint; see /docs" if exc.status_code == 404 else str(exc.detail)
    return JSONResponse(error_body(kind, message), status_code=exc.status_code, headers=exc.headers)


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(error_body("internal", "internal error; the server log has the details"), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Map casus errors, validation errors, unknown routes and unexpected exceptions to the error shape."""
    app.add_exception_handler(CasusError, _casus_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
