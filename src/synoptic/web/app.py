"""The web viewer and HTTP API (FastAPI): ``create_app(db)`` builds the ASGI app over a store.

Pages are rendered on the server with Jinja2 (autoescape on) and use no JavaScript; the API is
JSON with its OpenAPI description at ``/openapi.json``. Read-only unless ``allow_ingest``.

The app is put together from parts: routers (``routes.api``, ``routes.pages``), the error
handlers (``routes.errors``: one JSON error shape), the middleware (``http``: security headers, body
cap) and the dependencies the routes declare (``deps``: settings, the store, the viewer's state).
Ids are only ever looked up in the store and static files come only from this package's
``static/`` folder; cross-site form posts to the ingest routes are refused (``service``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from synoptic.web import pages, service
from synoptic.web.deps import Settings, StorePool, Viewer
from synoptic.web.http import MAX_REQUEST_BYTES, SECURITY_HEADERS, BodyLimit, SecurityHeaders, error_body
from synoptic.web.pages import FACT_COLUMNS_MAX, SIDE_BY_SIDE_MAX, story_context
from synoptic.web.routes import api, errors
from synoptic.web.routes import pages as page_routes
from synoptic.web.service import (
    DEFAULT_PAGE_SIZE,
    MAX_ID_CHARS,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_FILES,
)

__all__ = ["DEFAULT_PAGE_SIZE", "FACT_COLUMNS_MAX", "MAX_ID_CHARS", "MAX_PAGE_SIZE", "MAX_QUERY_CHARS",
           "MAX_REQUEST_BYTES", "MAX_TEXT_CHARS", "MAX_UPLOAD_FILES", "SECURITY_HEADERS", "SIDE_BY_SIDE_MAX",
           "create_app", "error_body", "story_context"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    viewer: Viewer = app.state.viewer
    stop = threading.Event()
    worker = None
    if viewer.settings.prerender:
        worker = threading.Thread(target=service.prerender, args=(viewer, stop), name="synoptic-prerender",
                                  daemon=True)
        worker.start()
    yield
    stop.set()
    if worker is not None:
        worker.join(timeout=5)
    viewer.pool.close()  # the store connections, when the server stops


def create_app(db: str, *, allow_ingest: bool = False, prerender: bool = False) -> FastAPI:
    """The ASGI app serving the store at ``db``: pages at ``/``, JSON API under ``/api/``.

    ``allow_ingest`` enables ``POST /api/ingest`` and the upload page (else they answer 403).
    ``prerender`` renders the stored stories' pages in a background thread from the start
    (``service.prerender``), so that first visits find them ready (``synoptic serve`` does).
    Stores are opened lazily, one per request in flight at most (``deps.StorePool``).
    """
    app = FastAPI(
        title="synoptic",
        version=_version(),
        description="Stories, briefs, articles and entities from a synoptic store. "
                    "Every error is `{\"error\": {\"status\", \"code\", \"message\"}}`.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the schema is at /openapi.json
        lifespan=_lifespan,
    )
    app.state.viewer = Viewer(settings=Settings(db=db, allow_ingest=allow_ingest, prerender=prerender),
                              env=pages.make_env(allow_ingest=allow_ingest), pool=StorePool(db))
    app.add_middleware(BodyLimit, max_bytes=MAX_REQUEST_BYTES)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    errors.install(app)
    app.include_router(api.router)
    app.include_router(page_routes.router)
    return app


def _version() -> str:
    try:
        from synoptic import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover
        return "0"
