"""HTTP plumbing of the viewer: the one error shape, the security headers and the body cap.

Security (issue 8, point 7): every error has one JSON shape (``{"error": {"status", "code",
"message"}}``); every response carries a strict Content-Security-Policy and nosniff; request
bodies are capped (``MAX_REQUEST_BYTES``) before they are parsed.
"""

from __future__ import annotations

from fastapi import HTTPException as FastAPIHTTPException
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from synoptic.records import JSONObject

# The 5 MB body cap matches DESIGN.md's "a 50 MB text gets a clear message" rule at the HTTP
# edge: one request may carry a few long articles, never a corpus (use `synoptic ingest`).
MAX_REQUEST_BYTES = 5 * 1024 * 1024

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # no-referrer would make browsers send "Origin: null" on our own form posts
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
ERROR_CODES = {
    400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal_error", 503: "unavailable",
}

def error_body(status: int, message: str, code: str | None = None) -> JSONObject:
    """The one error shape of the API: ``{"error": {"status", "code", "message"}}``."""
    return {"error": {"status": status, "code": code or ERROR_CODES.get(status, "error"), "message": message}}


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` (by Content-Length, and while streaming)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await _send_json(send, 413, error_body(413, self._message()))
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message.get("type") == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise FastAPIHTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return (f"request body over {self.max_bytes // (1024 * 1024)} MB; send fewer or smaller files, "
                f"or load big corpora with `synoptic ingest`")


class SecurityHeaders:
    """ASGI middleware: add ``SECURITY_HEADERS`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message.get("type") == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _send_json(send: Send, status: int, body: JSONObject) -> None:
    response = JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
