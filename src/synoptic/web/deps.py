"""What the routes depend on (FastAPI dependencies): the settings, the store, the viewer's state.

``create_app`` puts one :class:`Viewer` on ``app.state``; routes declare what they need with the
``Annotated`` aliases below (``StoreDep``, ``SettingsDep``, ``ViewerDep``) instead of reaching
into a closure. The store dependency lends each request one connection of a pool for the whole
request (SQLite connections are not shared by two requests at once) and takes it back after.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from jinja2 import Environment

from synoptic.store.base import Store
from synoptic.web.cache import LRUCache
from synoptic.web.views import EntityRow, StoryRow

log = logging.getLogger("synoptic")

# Entities across stories are merged from every brief; the merge is cached this long (seconds)
# and dropped at once after an ingest through this server.
ENTITY_CACHE_SECONDS = 30.0
# Story list lines kept (one per story version, a few hundred bytes each).
ROW_CACHE_SIZE = 20_000
# Story id lists kept (the list's order, each search's matches): 64 bytes an id, so 8 MiB holds
# the whole list of ~130,000 stories, or a few hundred searches at 10,000 stories.
LIST_CACHE_BYTES = 8 * 1024 * 1024
LIST_ID_BYTES = 64


@dataclass(frozen=True)
class Settings:
    """How this server was started."""

    db: str
    allow_ingest: bool = False
    prerender: bool = False  # render the stored stories' pages in the background from the start


class StorePool:
    """Open stores, lent to one request at a time; opened on demand, closed together on shutdown."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._idle: list[Store] = []
        self._all: list[Store] = []
        self._watcher: Store | None = None
        self._lock = threading.Lock()

    def acquire(self) -> Store:
        """An idle store, or a newly opened one."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        from synoptic.store import open_store

        store = open_store(self.path)
        with self._lock:
            self._all.append(store)
        return store

    def watcher(self) -> Store:
        """A connection of its own that no request uses, for :meth:`Viewer.stamp`: its
        ``data_version`` changes whenever any other connection (a request's, another process's)
        commits to the file."""
        with self._lock:
            if self._watcher is not None:
                return self._watcher
        from synoptic.store import open_store

        store = open_store(self.path)
        with self._lock:
            if self._watcher is None:
                self._watcher = store
                self._all.append(store)
                return store
        store.close()
        return self._watcher

    def release(self, store: Store) -> None:
        """Give ``store`` back for the next request (unless the pool was closed meanwhile)."""
        with self._lock:
            if any(s is store for s in self._all):
                self._idle.append(store)

    def close(self) -> None:
        """Close every store opened so far; later requests open fresh ones."""
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
            self._idle.clear()
            self._watcher = None


@dataclass
class Viewer:
    """The state one app keeps: settings, the store pool, the page environment and the caches."""

    settings: Settings
    env: Environment
    pool: StorePool
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest or brief build at a time
    pages: LRUCache = field(default_factory=LRUCache)  # rendered bodies by (kind, story id, version)
    rows: dict[str, tuple[str, StoryRow]] = field(default_factory=dict)  # story id -> (version, list line)
    entities: tuple[float, list[EntityRow], dict[str, str]] | None = None  # (when, rows, story titles)
    # story id lists of the list and of searches, by (query, since, until, stamp): see ``stamp``
    lists: LRUCache = field(default_factory=lambda: LRUCache(LIST_CACHE_BYTES))
    epoch: int = 0  # counts this server's own writes (``invalidate``)
    _stamp_lock: threading.Lock = field(default_factory=threading.Lock)

    def stamp(self) -> tuple[int, int]:
        """A token that changes whenever the store file may have changed: a commit by any
        connection but the pool's watcher (``PRAGMA data_version``, one call, no table read), or
        a write through this server (``invalidate``). What is kept under an older token is stale."""
        watcher = self.pool.watcher()
        with self._stamp_lock:  # one connection, shared by the request threads
            return self.epoch, watcher.data_version()

    def row(self, story_id: str, version: str) -> StoryRow | None:
        """The cached list line of ``story_id`` at ``version``, or ``None``."""
        cached = self.rows.get(story_id)
        return cached[1] if cached is not None and cached[0] == version else None

    def keep_row(self, story_id: str, version: str, row: StoryRow) -> None:
        """Remember a story's list line at ``version``."""
        if len(self.rows) >= ROW_CACHE_SIZE:
            self.rows = {}
        self.rows[story_id] = (version, row)

    def fresh_entities(self) -> tuple[list[EntityRow], dict[str, str]] | None:
        """The merged entities and story titles, while younger than ``ENTITY_CACHE_SECONDS``."""
        cached = self.entities
        if cached is not None and time.monotonic() - cached[0] < ENTITY_CACHE_SECONDS:
            return cached[1], cached[2]
        return None

    def invalidate(self) -> None:
        """Forget what is not keyed by a story version (after an ingest or a brief build here)."""
        self.entities = None
        self.epoch += 1


# The dependencies are coroutines although they never await: FastAPI runs a plain function in
# its thread pool, two thread hops per request for the store (lend and take back) that cost more
# than the look-up they wrap. Opening a store (the first requests only) blocks the loop briefly.


async def get_viewer(request: Request) -> Viewer:
    """The app's :class:`Viewer`."""
    viewer: Viewer = request.app.state.viewer
    return viewer


async def get_settings(viewer: Annotated[Viewer, Depends(get_viewer)]) -> Settings:
    """How the server was started."""
    return viewer.settings


async def get_store(viewer: Annotated[Viewer, Depends(get_viewer)]) -> AsyncIterator[Store]:
    """A store connection for this request, returned to the pool when the request is done."""
    store = viewer.pool.acquire()
    try:
        yield store
    finally:
        viewer.pool.release(store)


ViewerDep = Annotated[Viewer, Depends(get_viewer)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
