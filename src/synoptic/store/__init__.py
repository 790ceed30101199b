"""Storage: a small protocol (``base.Store``) with SQLite as the default."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from synoptic.store.sqlite import SQLiteStore

DEFAULT_DB = "synoptic.db"


def open_store(path: str = DEFAULT_DB) -> SQLiteStore:
    """Open (creating or migrating as needed) the SQLite store at ``path``."""
    from synoptic.store.sqlite import SQLiteStore

    return SQLiteStore(path)
