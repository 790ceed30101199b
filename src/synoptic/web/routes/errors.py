"""One error shape for all: every failure answers ``{"error": {"status", "code", "message"}}``, or
the error page to a browser asking for HTML outside the API."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from synoptic.errors import NotFoundError, StoreError
from synoptic.web import service
from synoptic.web.http import ERROR_CODES, SECURITY_HEADERS, error_body

log = logging.getLogger("synoptic")


def wants_html(request: Request) -> bool:
    """Whether the error goes to a browser page (an HTML request outside the API)."""
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json" and \
        "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
                   code: str | None = None) -> Response:
    """The error as the API's JSON shape, or as the error page."""
    if wants_html(request):
        return service.page(request.app.state.viewer, "error.html", status, status=status,
                            code=code or ERROR_CODES.get(status, "error"), message=message, title=f"Error {status}")
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's and FastAPI's HTTP errors (404 of an unknown path, 405, ours)."""
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}; see /openapi.json for the API"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def validation_error(request: Request, exc: Exception) -> Response:
    """A request that does not fit its route's parameters: 422 naming the first few problems."""
    assert isinstance(exc, RequestValidationError)
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return error_response(request, 422, "; ".join(parts) or "invalid request")


async def not_found(request: Request, exc: Exception) -> Response:
    """An id the store does not hold: 404 with the lookup's own message."""
    return error_response(request, 404, str(exc))


async def store_error(request: Request, exc: Exception) -> Response:
    """A store that cannot be read: 503, without naming the file to the client."""
    log.error("store: %s", exc)
    return error_response(request, 503, "the store cannot be read; the server log names the problem")


async def server_error(request: Request, exc: Exception) -> Response:
    """Anything else: 500, logged with its traceback, none of it sent."""
    log.exception("internal error on %s %s", request.method, request.url.path)
    response = error_response(request, 500, "internal error; the server log has the details")
    response.headers.update(SECURITY_HEADERS)  # this one bypasses the header middleware
    return response


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(Exception, server_error)
