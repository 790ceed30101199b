"""The web viewer and HTTP API (FastAPI): ``create_app(db)`` builds the ASGI app over a store.

Pages are rendered on the server with Jinja2 (autoescape on) and use no JavaScript; the API is
JSON with its OpenAPI description at ``/openapi.json``. Read-only unless ``allow_ingest``.

Security (issue 8, point 7): every error has one JSON shape (``{"error": {"status", "code",
"message"}}``); every response carries a strict Content-Security-Policy and nosniff; request
bodies are capped (``MAX_REQUEST_BYTES``) before they are parsed; ids are only ever looked up in the
store and static files come only from this package's ``static/`` folder; cross-site form posts to
the ingest routes are refused.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi import HTTPException as FastAPIHTTPException
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from synoptic.errors import InputError, NotFoundError, StoreError
from synoptic.records import Article, text_id
from synoptic.web import pages, views
from synoptic.web.pages import FACT_COLUMNS_MAX, SIDE_BY_SIDE_MAX, story_context  # noqa: F401 - re-exported

log = logging.getLogger("synoptic")

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Limits. The 5 MB body cap matches DESIGN.md's "a 50 MB text gets a clear message" rule at the
# HTTP edge: one request may carry a few long articles, never a corpus (use `synoptic ingest`).
MAX_REQUEST_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_FILES = 20
MAX_TEXT_CHARS = 2_000_000
MAX_FIELD_CHARS = 500  # title, outlet, url, published of a pasted text
MAX_QUERY_CHARS = 200
MAX_ID_CHARS = 128
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_OFFSET = 1_000_000
# Entities across stories are merged from every brief; the merge is cached this long (seconds)
# and dropped at once after an ingest through this server.
ENTITY_CACHE_SECONDS = 30.0
# A story list line needs its brief parsed (for the conflict count): the line is kept this long,
# or until an ingest here or a change of the story's articles. Measured with bench/bench_web.py
# (1,000 stories, 2 shared cores): the list page went from ~30 to ~100 requests/s, search from ~90 to ~160.
ROW_CACHE_SECONDS = 10.0
ROW_CACHE_SIZE = 20_000

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
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson")

# ------------------------------------------------------------------ API models (for /openapi.json)


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class StoryItem(BaseModel):
    id: str
    title: str
    sources: int
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    conflicts: int
    facts: int


class StoryPage(BaseModel):
    items: list[StoryItem]
    limit: int
    offset: int
    next_offset: int | None


class EntityItem(BaseModel):
    name: str
    type: str
    variants: list[str]
    stories: list[str]
    articles: int


class EntityPage(BaseModel):
    items: list[EntityItem]
    total: int
    limit: int
    offset: int


class Health(BaseModel):
    status: str
    articles: int
    stories: int
    ingest: bool


class IngestedItem(BaseModel):
    id: str
    title: str | None
    status: str


class SkippedItem(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    added: list[IngestedItem]
    skipped: list[SkippedItem]
    stories: list[str]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": name.replace("_", " ")}
    for code, name in ERROR_CODES.items() if code in (400, 404, 422)
}


# ------------------------------------------------------------------ plumbing


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The one error shape of the API: ``{"error": {"status", "code", "message"}}``."""
    return {"error": {"status": status, "code": code or ERROR_CODES.get(status, "error"), "message": message}}


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` (by Content-Length, and while streaming)."""

    def __init__(self, app: Any, max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[Any], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await _send_json(send, 413, error_body(413, self._message()))
                    return
        seen = 0

        async def limited() -> Any:
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

    def __init__(self, app: Any) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[Any], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message.get("type") == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _send_json(send: Callable[[Any], Awaitable[None]], status: int, body: dict[str, Any]) -> None:
    response = JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


class StoreAccess:
    """One store connection per server thread (SQLite connections are not shared across threads)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()  # one ingest at a time
        self._entities: tuple[float, list[dict[str, Any]]] | None = None
        self._generation = 0
        self._rows: dict[str, tuple[float, list[str], views.StoryRow]] = {}
        self.story_titles: dict[str, str] = {}  # filled with the entity cache, for the entity page

    def get(self) -> Any:
        """This thread's store, opened on first use (and again after :meth:`close`)."""
        store = getattr(self._local, "store", None)
        if store is None or getattr(self._local, "generation", -1) != self._generation:
            from synoptic.store import open_store

            store = open_store(self.path)
            with self._lock:
                self._local.store, self._local.generation = store, self._generation
                self._all.append(store)
        return store

    def entities(self) -> list[dict[str, Any]]:
        """Entities merged across every stored brief (cached for ``ENTITY_CACHE_SECONDS``)."""
        cached = self._entities
        if cached is not None and time.monotonic() - cached[0] < ENTITY_CACHE_SECONDS:
            return cached[1]
        store = self.get()
        pairs = []
        titles = {}
        for story in store.stories():
            try:
                brief = store.get_brief(story.id)
            except NotFoundError:
                continue
            pairs.append((story.id, brief))
            titles[story.id] = str(brief.get("title") or story.title or story.id)
        merged = views.merge_entities(pairs)
        self._entities = (time.monotonic(), merged)
        self.story_titles = titles
        return merged

    def story_row(self, story: Any) -> views.StoryRow:
        """A story's line in the list, with counts from its brief (cached for ``ROW_CACHE_SECONDS``)."""
        now = time.monotonic()
        cached = self._rows.get(story.id)
        if cached is not None and now - cached[0] < ROW_CACHE_SECONDS and cached[1] == story.article_ids:
            return cached[2]
        store = self.get()
        try:
            brief = store.get_brief(story.id)
        except NotFoundError:
            brief = None
        if brief is not None and {a.get("id") for a in brief.get("articles") or []} != set(story.article_ids):
            brief = None  # stale: its story changed since; counted from the articles until rebuilt
        row = views.story_row(story, brief, store.articles(story.article_ids) if brief is None else ())
        if len(self._rows) >= ROW_CACHE_SIZE:
            self._rows.clear()
        self._rows[story.id] = (now, list(story.article_ids), row)
        return row

    def invalidate(self) -> None:
        """Forget cached derived data (after an ingest)."""
        self._entities = None
        self._rows = {}

    def close(self) -> None:
        """Close every connection opened so far."""
        with self._lock:
            self._generation += 1  # every thread opens a fresh connection on its next request
            for store in self._all:
                store.close()
            self._all.clear()


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json" and \
        "text/html" in request.headers.get("accept", "")


def _check_day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _ISO_DAY.match(value):
        raise FastAPIHTTPException(422, f"{name}={value!r} is not a date; give YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise FastAPIHTTPException(422, f"{name}={value!r} is not a valid date; give YYYY-MM-DD") from None
    return value


def _same_origin(request: Request) -> bool:
    """Whether a state-changing request comes from this site (or from a non-browser client)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # curl, httpx, scripts: no ambient browser credentials to abuse
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host", "")


# ------------------------------------------------------------------ the app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.access.close()  # the store connections, when the server stops


def create_app(db: str, *, allow_ingest: bool = False) -> FastAPI:
    """The ASGI app serving the store at ``db``: pages at ``/``, JSON API under ``/api/``.

    ``allow_ingest`` enables ``POST /api/ingest`` and the upload page (else they answer 403).
    The store is opened lazily, one connection per worker thread.
    """
    access = StoreAccess(db)
    env = pages.make_env(allow_ingest=allow_ingest)

    app = FastAPI(
        title="synoptic",
        version=_version(),
        description="Stories, briefs, articles and entities from a synoptic store. "
                    "Every error is `{\"error\": {\"status\", \"code\", \"message\"}}`.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the schema is at /openapi.json
        lifespan=_lifespan,
    )
    app.state.access = access
    app.state.allow_ingest = allow_ingest
    app.add_middleware(BodyLimit, max_bytes=MAX_REQUEST_BYTES)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=status_code)

    def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
                       code: str | None = None) -> Response:
        if _wants_html(request):
            return page("error.html", status, status=status, code=code or ERROR_CODES.get(status, "error"),
                        message=message, title=f"Error {status}")
        return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)

    # -------------------------------------------------------------- errors: one shape for all

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /openapi.json for the API"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store: %s", exc)
        return error_response(request, 503, "the store cannot be read; the server log names the problem")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        response = error_response(request, 500, "internal error; the server log has the details")
        response.headers.update(SECURITY_HEADERS)  # this one bypasses the header middleware
        return response

    # -------------------------------------------------------------- shared lookups

    def list_stories(q: str | None, since: str | None, until: str | None, limit: int,
                     offset: int) -> tuple[list[views.StoryRow], int | None]:
        store = access.get()
        query = q.strip() if q and q.strip() else None
        found = store.stories(limit=limit + 1, offset=offset, query=query, since=since, until=until)
        more = len(found) > limit
        return [access.story_row(story) for story in found[:limit]], (offset + limit if more else None)

    def load_article(article_id: str) -> Article:
        try:
            if len(article_id) > MAX_ID_CHARS:
                raise NotFoundError(article_id)
            return access.get().get_article(article_id)
        except NotFoundError:
            raise NotFoundError(f"article {article_id[:MAX_ID_CHARS]!r} is not in the store; "
                                f"stories list their articles at /api/stories/ID") from None

    def load_story(story_id: str) -> tuple[Any, dict[str, Any] | None]:
        store = access.get()
        try:
            if len(story_id) > MAX_ID_CHARS:
                raise NotFoundError(story_id)
            story = store.get_story(story_id)
        except NotFoundError:
            raise NotFoundError(f"story {story_id[:MAX_ID_CHARS]!r} is not in the store; "
                                f"list the stories at /api/stories") from None
        try:
            brief = store.get_brief(story_id)
        except NotFoundError:
            brief = None
        if brief is None or {a.get("id") for a in brief.get("articles") or []} != set(story.article_ids):
            brief = build_brief(story) or brief
        return story, brief

    def build_brief(story: Any) -> dict[str, Any] | None:
        """A missing or stale brief, built and stored on first request (one at a time); None when
        the store cannot take it (then the page says how to build it)."""
        from synoptic.pipeline import ensure_brief

        with access.write_lock:
            try:
                brief = ensure_brief(access.get(), story)
            except Exception as exc:  # noqa: BLE001 - a read-only store file: show what there is
                log.warning("story %s: could not build its brief (%s)", story.id, exc)
                return None
            access.invalidate()
            return brief

    # -------------------------------------------------------------- JSON API

    @app.get("/api/health", response_model=Health, tags=["api"])
    def api_health() -> dict[str, Any]:
        """Whether the store can be read, with its counts."""
        store = access.get()
        count_stories = getattr(store, "count_stories", None)
        stories = count_stories() if count_stories else len(store.stories())
        return {"status": "ok", "articles": store.count_articles(), "stories": stories, "ingest": allow_ingest}

    @app.get("/api/stories", response_model=StoryPage, responses=ERROR_RESPONSES, tags=["api"])
    def api_stories(
        q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="full-text search")] = None,
        since: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Stories, newest first; ``q`` searches the articles' full text; ``since``/``until`` filter by date."""
        rows, next_offset = list_stories(q, _check_day(since, "since"), _check_day(until, "until"), limit, offset)
        return {"items": [r.as_json() for r in rows], "limit": limit, "offset": offset, "next_offset": next_offset}

    @app.get("/api/stories/{story_id:path}", responses=ERROR_RESPONSES, tags=["api"])
    def api_story(story_id: Annotated[str, PathParam(max_length=MAX_ID_CHARS)]) -> dict[str, Any]:
        """A story's brief (schema ``synoptic.brief/1``, see docs/brief-schema.md)."""
        story, brief = load_story(story_id)
        if brief is None:
            raise NotFoundError(f"story {story_id!r} has no brief and none could be built; "
                                f"write them with `synoptic run --db STORE --out DIR`")
        return brief

    @app.get("/api/articles/{article_id:path}", responses=ERROR_RESPONSES, tags=["api"])
    def api_article(article_id: Annotated[str, PathParam(max_length=MAX_ID_CHARS)]) -> dict[str, Any]:
        """An article: raw and cleaned text, the lines cleaning removed (with reasons), its extraction."""
        article = load_article(article_id)
        extraction = access.get().get_extraction(article.id)
        return {
            "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "published_how": article.published_how, "language": article.language, "source": article.source,
            "text": article.text, "raw_text": article.raw_text,
            "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in article.removed],
            "extraction": _plain(extraction) if extraction is not None else None,
        }

    @app.get("/api/entities", response_model=EntityPage, responses=ERROR_RESPONSES, tags=["api"])
    def api_entities(
        q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="name or variant contains")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Entities across every story, with all their spellings; most widely reported first."""
        rows = access.entities()
        if q and q.strip():
            rows = [r for r in rows if views.entity_matches(r, q.strip())]
        return {"items": rows[offset:offset + limit], "total": len(rows), "limit": limit, "offset": offset}

    @app.post("/api/ingest", response_model=IngestResult, responses={
        **ERROR_RESPONSES, 403: {"model": ErrorBody, "description": "ingest not allowed"},
        413: {"model": ErrorBody, "description": "too large"}}, tags=["api"])
    async def api_ingest(
        request: Request,
        files: Annotated[list[UploadFile | str] | None, File(description="article files")] = None,
        text: Annotated[str | None, Form(description="pasted article text")] = None,
        title: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
        outlet: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
        url: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    ) -> dict[str, Any]:
        """Add articles (uploaded files and/or pasted text), regroup stories and rebuild changed briefs.

        Only when the server runs with ``--allow-ingest``; 403 otherwise.
        """
        return await ingest_request(request, files, text, title, outlet, url)

    async def ingest_request(request: Request, files: list[UploadFile | str] | None, text: str | None,
                             title: str | None, outlet: str | None, url: str | None) -> dict[str, Any]:
        if not allow_ingest:
            raise FastAPIHTTPException(403, "this server is read-only; start it with `synoptic serve --allow-ingest`")
        if not _same_origin(request):
            raise FastAPIHTTPException(403, "cross-site ingest refused; post from this server's own upload page")
        # a browser sends an empty file input as a nameless empty part, which arrives as a string
        uploads = [f for f in files or [] if not isinstance(f, str) and (f.filename or f.size)]
        if len(uploads) > MAX_UPLOAD_FILES:
            raise FastAPIHTTPException(413, f"{len(uploads)} files in one request; send at most {MAX_UPLOAD_FILES}")
        if text is not None and len(text) > MAX_TEXT_CHARS:
            raise FastAPIHTTPException(413, f"pasted text over {MAX_TEXT_CHARS:,} characters; upload it as a file")
        payload = []
        for i, f in enumerate(uploads):
            data = await f.read(MAX_REQUEST_BYTES + 1)
            payload.append((f.filename or f"upload-{i}.txt", data))
        if not payload and not (text and text.strip()):
            raise FastAPIHTTPException(422, "nothing to ingest: attach files or paste a text")
        import anyio.to_thread

        return await anyio.to_thread.run_sync(ingest_payload, payload, text, title, outlet, url)

    def ingest_payload(payload: list[tuple[str, bytes]], text: str | None, title: str | None,
                       outlet: str | None, url: str | None) -> dict[str, Any]:
        """Read uploads through the project's ingest, clean, store and brief them (one ingest at a time)."""
        from synoptic.clean import clean_articles

        skipped: list[dict[str, str]] = []
        raw: list[Article] = []
        if payload:
            from synoptic.ingest import load

            with tempfile.TemporaryDirectory(prefix="synoptic-upload-") as tmp:
                paths = []
                for i, (name, data) in enumerate(payload):
                    paths.append(_write_upload(Path(tmp), i, name, data))
                for item in load([str(p) for p in paths]):
                    if isinstance(item, InputError):
                        source = Path(item.source).name.split("_", 1)[-1] if item.source else "upload"
                        skipped.append({"source": source, "reason": item.reason})
                    else:
                        name = Path(item.source or "").name.split("_", 1)[-1]
                        raw.append(item.replace(source=f"upload:{name}" if name else "upload"))
        body = text.replace("\r\n", "\n") if text and text.strip() else ""
        if body:
            from synoptic.ingest.quality import quality_problem

            problem = quality_problem(body)  # the gate `load` applies to files
            if problem is not None:
                skipped.append({"source": "pasted text", "reason": problem})
                body = ""
        if body:
            raw.append(Article(id=text_id(body), text=body, raw_text=body, title=_field(title),
                               outlet=_field(outlet), url=_field(url), source="upload:pasted"))
        articles = clean_articles(raw) if raw else []
        from synoptic.pipeline import process

        with access.write_lock:
            store = access.get()
            statuses = {a.id: _status_probe(store, a) for a in articles}
            report = process(store, articles)  # store, regroup stories, rebuild the changed briefs
            ours = {a.id for a in articles}
            story_ids = [s.id for s in report.stories if ours.intersection(s.article_ids)]
            access.invalidate()
        added = [{"id": a.id, "title": a.title, "status": statuses.get(a.id, "new")} for a in articles]
        return {"added": added, "skipped": skipped, "stories": story_ids}

    # -------------------------------------------------------------- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_stories(
        request: Request,
        q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> HTMLResponse:
        rows, next_offset = list_stories(q, _check_day(since, "since"), _check_day(until, "until"),
                                         DEFAULT_PAGE_SIZE, offset)
        return page("stories.html", rows=rows, q=q or "", since=since or "", until=until or "",
                    offset=offset, next_offset=next_offset, prev_offset=max(0, offset - DEFAULT_PAGE_SIZE),
                    title="Stories")

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def page_story(story_id: str) -> HTMLResponse:
        story, brief = load_story(story_id)
        store = access.get()
        articles = {a.id: a for a in store.articles(story.article_ids)}
        ctx = story_context(story, brief or {}, articles)
        return page("story.html", **ctx)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(
        article_id: str,
        start: Annotated[int | None, Query(ge=0, le=100_000_000)] = None,
        end: Annotated[int | None, Query(ge=0, le=100_000_000)] = None,
        story: Annotated[str | None, Query(max_length=MAX_ID_CHARS)] = None,
    ) -> HTMLResponse:
        article = load_article(article_id)
        extraction = access.get().get_extraction(article.id)
        focus = views.clamp_span(article.text, start, end)
        sentence = views.sentence_around(article.text, *focus) if focus else None
        body = views.highlight(article.text, views.extraction_marks(extraction), focus, sentence)
        counts = {
            "entities": len(extraction.mentions) if extraction else 0,
            "figures": len(extraction.figures) if extraction else 0,
            "quotes": len(extraction.quotes) if extraction else 0,
            "dates": len(extraction.dates) if extraction else 0,
        }
        in_story = _story_of(access.get(), article.id, story)
        published, how = article.published.isoformat() if article.published else None, article.published_how
        if published is None and in_story is not None:  # the date its story inferred, as the story page says
            meta: dict[str, Any]
            try:
                meta = next((a for a in access.get().get_brief(in_story.id).get("articles") or []
                             if a.get("id") == article.id), {})
            except NotFoundError:
                meta = {}
            published, how = meta.get("published"), meta.get("published_how") or how
        return page("article.html", article=article, body=body, counts=counts, focus=focus, story=in_story,
                    published=published, published_how=how, title=article.title or f"Article {article.id}")

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def page_entities(q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse:
        rows = access.entities()
        if q and q.strip():
            rows = [r for r in rows if views.entity_matches(r, q.strip())]
        return page("entities.html", rows=rows[:MAX_PAGE_SIZE], total=len(rows), q=q or "", title="Entities",
                    story_titles=access.story_titles)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def page_upload() -> HTMLResponse:
        if not allow_ingest:
            raise FastAPIHTTPException(403, "this server is read-only; start it with `synoptic serve --allow-ingest`")
        return page("upload.html", result=None, title="Add articles", max_mb=MAX_REQUEST_BYTES // (1024 * 1024),
                    max_files=MAX_UPLOAD_FILES)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def page_upload_post(
        request: Request,
        files: Annotated[list[UploadFile | str] | None, File()] = None,
        text: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
        outlet: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
        url: Annotated[str | None, Form(max_length=MAX_FIELD_CHARS)] = None,
    ) -> HTMLResponse:
        result = await ingest_request(request, files, text, title, outlet, url)
        return page("upload.html", result=result, title="Add articles",
                    max_mb=MAX_REQUEST_BYTES // (1024 * 1024), max_files=MAX_UPLOAD_FILES)

    return app


# ------------------------------------------------------------------ page contexts


# ------------------------------------------------------------------ helpers


def _version() -> str:
    try:
        from synoptic import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover
        return "0"


def _plain(value: Any) -> Any:
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return value


def _field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value[:MAX_FIELD_CHARS] or None


def _write_upload(folder: Path, index: int, name: str, data: bytes) -> Path:
    """Save one upload under a name we choose (never the client's path), keeping a known suffix."""
    base = _SAFE_NAME.sub("-", Path(name.replace("\\", "/")).name).strip(".-")[:80] or "upload"
    if not base.lower().endswith(UPLOAD_SUFFIXES):
        base += ".txt"
    path = folder / f"{index:03d}_{base}"
    path.write_bytes(data)
    return path


def _status_probe(store: Any, article: Article) -> str:
    try:
        old = store.get_article(article.id)
    except NotFoundError:
        return "new"
    return "unchanged" if old.text == article.text else "updated"


def _story_of(store: Any, article_id: str, story_id: str | None) -> Any:
    """The story named in the link (``?story=``) when it does hold the article, else None."""
    if not story_id or len(story_id) > MAX_ID_CHARS:
        return None
    try:
        story = store.get_story(story_id)
    except NotFoundError:
        return None
    return story if article_id in story.article_ids else None
