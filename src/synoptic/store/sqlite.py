"""The default store: one SQLite file in WAL mode, with FTS5 over the current articles.

Layout (see ``MIGRATIONS``): ``articles`` keeps every version of every article (``current`` marks
the newest), ``articles_fts`` indexes title and text of the current versions only (kept in sync by
triggers, so no code path can forget it), ``stories`` + ``story_articles`` hold the latest story
assignment, ``extractions`` hold one JSON per (article id, content hash) and ``briefs`` one JSON per
story.

Crash safety: every write is one ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction, so a process killed
at any moment leaves either the whole article or nothing; re-running the same ingest is a no-op for
what was already stored. Concurrency: WAL lets readers run while one writer writes; writers queue
on SQLite's lock for up to ``BUSY_TIMEOUT_MS``. One ``SQLiteStore`` object belongs to one thread;
open another one per thread or process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from synoptic.errors import NotFoundError, StoreError
from synoptic.records import (
    Article,
    Brief,
    Extraction,
    Figure,
    JSONObject,
    Mention,
    Quote,
    RemovedLine,
    SearchHit,
    Segment,
    Story,
    StoryOverview,
    TimeRef,
)
from synoptic.store.base import AddStatus, StoryOrder

if TYPE_CHECKING:
    import numpy as np

    from synoptic.embed import Embedder

# How long a writer waits for another writer's lock before giving up. Measured: with two ingest
# processes writing 1,000 articles each at once on a 2-core machine the longest wait was well under
# a second; 60 s leaves room for a slow disk and a long story rewrite.
BUSY_TIMEOUT_MS = 60_000
# SQLite caps host parameters per statement (32766 in 3.32+, 999 before); stay far below.
MAX_PARAMS = 500
#: Rows per query when all articles are read (``SQLiteStore.articles()``).
PAGE_ROWS = 1000
# User search text becomes at most this many quoted FTS5 terms (longer queries only slow it down).
MAX_QUERY_TERMS = 32

T = TypeVar("T")
E = TypeVar("E", bound="Embedder")  # the embedder a CachedEmbedder wraps (its own type kept: ``inner``)

# ------------------------------------------------------------------ schema and migrations

# Each migration is a list of statements applied in one transaction; its number is recorded in
# ``schema_version``. Never edit a released migration: append a new one.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE articles (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                current INTEGER NOT NULL DEFAULT 1,
                ord INTEGER NOT NULL,
                title TEXT, url TEXT, outlet TEXT,
                published TEXT, published_utc TEXT, published_how TEXT NOT NULL DEFAULT 'none',
                updated TEXT, byline TEXT, language TEXT, source TEXT,
                text TEXT NOT NULL, raw_text TEXT NOT NULL DEFAULT '', html TEXT,
                removed TEXT NOT NULL DEFAULT '[]', segments TEXT NOT NULL DEFAULT '[]',
                content_hash TEXT NOT NULL,
                added TEXT NOT NULL,
                UNIQUE (id, version)
            )""",
            "CREATE UNIQUE INDEX articles_current ON articles(id) WHERE current = 1",
            "CREATE INDEX articles_ord ON articles(ord)",
            # The index's content is the view of current versions, so FTS5's own integrity check
            # proves that exactly the current versions are indexed.
            """CREATE VIEW current_articles AS
                SELECT rowid AS rid, coalesce(title, '') AS title, text FROM articles WHERE current = 1""",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='current_articles', content_rowid='rid',
                tokenize='unicode61 remove_diacritics 2'
            )""",
            # The index holds current versions only: add on insert, drop when superseded.
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN new.current = 1 BEGIN
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
            END""",
            """CREATE TRIGGER articles_fts_retire AFTER UPDATE OF current ON articles
                WHEN old.current = 1 AND new.current = 0 BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
            END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.current = 1 BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
            END""",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT,
                first_seen TEXT, last_seen TEXT,
                first_utc TEXT, last_utc TEXT,
                merged_from TEXT NOT NULL DEFAULT '[]',
                position INTEGER NOT NULL
            )""",
            """CREATE TABLE story_articles (
                story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                article_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (story_id, article_id)
            )""",
            "CREATE INDEX story_articles_article ON story_articles(article_id)",
            """CREATE TABLE extractions (
                article_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                json TEXT NOT NULL,
                added TEXT NOT NULL,
                PRIMARY KEY (article_id, content_hash)
            )""",
            """CREATE TABLE briefs (
                story_id TEXT PRIMARY KEY,
                json TEXT NOT NULL,
                added TEXT NOT NULL
            )""",
        ],
    ),
]
MIGRATIONS.append(
    (
        2,
        [
            # Sentence vectors by (embedder, text) digest, so regrouping stories after an ingest
            # embeds only the texts it has not seen (see ``SQLiteStore.cached_embedder``).
            """CREATE TABLE embeddings (
                key TEXT PRIMARY KEY,
                dim INTEGER NOT NULL,
                vector BLOB NOT NULL
            ) WITHOUT ROWID""",
        ],
    )
)
MIGRATIONS.append(
    (
        3,
        [
            # Small facts about the store as a whole: which grouping made the stored stories and
            # the generation they cover (see ``SQLiteStore.put_stories`` and ``grouping``).
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID""",
        ],
    )
)
MIGRATIONS.append(
    (
        4,
        [
            # The vectors in a table with row ids: a 384-float vector (1.5 KB) does not fit in a
            # page of a WITHOUT ROWID table and spilled into an overflow page of its own (4.6 KB
            # per vector on ECB+ dev, 2.1 KB now; the store keeps the sentence vectors of every
            # stage, about 13 per article).
            """CREATE TABLE vectors (
                key TEXT NOT NULL UNIQUE,
                dim INTEGER NOT NULL,
                vector BLOB NOT NULL
            )""",
            "INSERT INTO vectors (key, dim, vector) SELECT key, dim, vector FROM embeddings",
            "DROP TABLE embeddings",
            "ALTER TABLE vectors RENAME TO embeddings",
        ],
    )
)
MIGRATIONS.append(
    (
        5,
        [
            # The story list's order (newest first) as an index that also holds the id: listing
            # a page, or every id in order, walks it instead of sorting the whole table per
            # request (24 ms a page at 10,000 stories before, under 1 ms after; issue 15).
            "CREATE INDEX stories_recent ON stories(last_utc IS NULL, last_utc DESC, position, id)",
        ],
    )
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Fields that make up an article's content hash: what downstream stages read. ``source`` and the
# raw inputs are left out, so the same report read from another path is still "unchanged".
HASHED_FIELDS = ("id", "title", "url", "outlet", "published", "published_how", "updated", "byline",
                 "language", "text")


# ------------------------------------------------------------------ JSON helpers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iso(value: datetime | None) -> str | None:
    """A datetime as ISO 8601 text (``None`` stays ``None``)."""
    return value.isoformat() if value is not None else None


def parse_iso(value: str | None) -> datetime | None:
    """The inverse of :func:`iso`."""
    return datetime.fromisoformat(value) if value else None


def utc_key(value: datetime | None) -> str | None:
    """A sortable key: aware datetimes converted to UTC, naive ones taken as they are."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


#: Values :func:`_plain` returns as they are (most of a record's values: checked first).
_LEAVES = (str, int, float, type(None))
#: Field names per dataclass (``dataclasses.fields`` rebuilds its tuple on every call).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: object) -> object:
    """Dataclasses, lists and datetimes as JSON-ready values."""
    if isinstance(value, _LEAVES):
        return value
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(value: object) -> str:
    """Serialise a record (or a list/dict of them) to compact JSON; datetimes as ISO text."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def _build(cls: type[T], data: Mapping[str, object]) -> T:
    """A dataclass from a dict, ignoring keys the class does not (or no longer) have."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def extraction_from_json(text: str | bytes) -> Extraction:
    """Rebuild an :class:`Extraction` from its stored JSON text (see :func:`to_json`)."""
    data: dict[str, Any] = json.loads(text)  # the JSON edge: read into records at once
    return Extraction(
        article=data["article"],
        mentions=[_build(Mention, m) for m in data.get("mentions", [])],
        figures=[_build(Figure, {**f, **{k: tuple(f[k]) for k in ("modifiers", "context", "aliases") if isinstance(f.get(k), list)}})
                 for f in data.get("figures", [])],  # JSON arrays back to the record's tuples
        quotes=[_build(Quote, q) for q in data.get("quotes", [])],
        dates=[_build(TimeRef, d) for d in data.get("dates", [])],
        published=date.fromisoformat(data["published"][:10]) if data.get("published") else None,
        published_how=data.get("published_how", "none"),
    )


def content_hash(article: Article) -> str:
    """SHA-256 over the fields of an article that later stages read (see ``HASHED_FIELDS``)."""
    payload = {name: _plain(getattr(article, name)) for name in HASHED_FIELDS}
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def fts_query(text: str) -> str | None:
    """Turn free user text into a safe FTS5 query: its words, each quoted, all required.

    Operators, column filters, quotes and brackets in the user's text lose their meaning, so no
    input can raise an FTS5 syntax error. Returns ``None`` when the text has no words.
    """
    words = re.findall(r"\w+", text or "")[:MAX_QUERY_TERMS]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _chunks(items: Sequence[T], size: int = MAX_PARAMS) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ------------------------------------------------------------------ the store

_ARTICLE_COLUMNS = ("rowid, id, version, current, title, url, outlet, published, published_how, updated, "
                    "byline, language, source, text, raw_text, html, removed, segments, content_hash")


class SQLiteStore:
    """The SQLite implementation of :class:`synoptic.store.base.Store`.

    Opening creates the file if needed and applies any pending migrations. Use as a context
    manager or call :meth:`close`.
    """

    def __init__(self, path: str | Path = "synoptic.db") -> None:
        self.path = str(path)
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a folder; give a file path for the store (--db FILE)")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc}); check the path and its permissions") from exc
        self._db.row_factory = sqlite3.Row
        # (data_version, article row id -> story id) for :meth:`story_ids`'s searches
        self._members: tuple[int, dict[int, str]] | None = None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._retry(lambda: self._db.execute("PRAGMA journal_mode = WAL"))
            # NORMAL in WAL mode: a killed process loses nothing committed; only a power cut may
            # lose the last transactions, and never corrupts the file.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a synoptic store ({exc}); give another --db path") from exc

    # -------------------------------------------------------------- plumbing

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        try:
            self._db.close()
        except sqlite3.Error:
            pass

    def _retry(self, op: Callable[[], T], attempts: int = 50) -> T:
        """Run ``op`` again while SQLite reports the file locked beyond the busy timeout's reach.

        A few statements (switching to WAL, the first write after a schema change) can fail with
        "locked" at once instead of waiting; a short back-off is enough for them.
        """
        for i in range(attempts):
            try:
                return op()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or i == attempts - 1:
                    raise
                time.sleep(0.05 * (i + 1))
        raise AssertionError("unreachable")

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn(db)`` inside one ``BEGIN IMMEDIATE`` transaction; roll back on any error."""

        def attempt() -> T:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._members = None  # this connection's own commit leaves its data_version as it was
            return result

        return self._retry(attempt)

    def schema_version(self) -> int:
        """The newest migration applied to this file."""
        row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        """Apply, in order and each in its own transaction, every migration the file lacks."""
        self._retry(lambda: self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"))
        if self.schema_version() > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer synoptic (schema {self.schema_version()}, "
                             f"this one knows {SCHEMA_VERSION}); upgrade synoptic or use another --db")
        for number, statements in MIGRATIONS:
            if number <= self.schema_version():
                continue

            def apply(db: sqlite3.Connection, number: int = number, statements: list[str] = statements) -> None:
                # Another process may have applied it while we waited for the lock.
                if db.execute("SELECT 1 FROM schema_version WHERE version = ?", (number,)).fetchone():
                    return
                for sql in statements:
                    db.execute(sql)
                db.execute("INSERT INTO schema_version VALUES (?, ?)", (number, _now()))

            self._write(apply)

    # -------------------------------------------------------------- articles

    def add_article(self, article: Article) -> AddStatus:
        """Store an article in one transaction.

        Returns ``"new"`` for an unseen id, ``"unchanged"`` when the current version has the same
        content hash, and ``"updated"`` when it differs: the new version becomes current and the
        old one is kept (see :meth:`versions`).
        """
        if not article.id:
            raise ValueError("an article needs an id to be stored")
        digest = content_hash(article)

        def write(db: sqlite3.Connection) -> AddStatus:
            row = db.execute("SELECT rowid, version, ord, content_hash FROM articles WHERE id = ? AND current = 1",
                             (article.id,)).fetchone()
            if row is not None and row["content_hash"] == digest:
                return "unchanged"
            if row is None:
                version = 1
                ord_ = db.execute("SELECT coalesce(max(ord), 0) + 1 FROM articles").fetchone()[0]
            else:
                version = db.execute("SELECT max(version) + 1 FROM articles WHERE id = ?",
                                     (article.id,)).fetchone()[0]
                ord_ = row["ord"]
                db.execute("UPDATE articles SET current = 0 WHERE rowid = ?", (row["rowid"],))
            db.execute(
                "INSERT INTO articles (id, version, current, ord, title, url, outlet, published, published_utc, "
                "published_how, updated, byline, language, source, text, raw_text, html, removed, segments, "
                "content_hash, added) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, version, ord_, article.title, article.url, article.outlet, iso(article.published),
                 utc_key(article.published), article.published_how, iso(article.updated), article.byline,
                 article.language, article.source, article.text, article.raw_text or "", article.html,
                 to_json(article.removed), to_json(article.segments), digest, _now()),
            )
            return "new" if row is None else "updated"

        return self._write(write)

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            text=row["text"],
            raw_text=row["raw_text"],
            title=row["title"],
            url=row["url"],
            outlet=row["outlet"],
            published=parse_iso(row["published"]),
            published_how=row["published_how"],
            updated=parse_iso(row["updated"]),
            byline=row["byline"],
            language=row["language"],
            source=row["source"],
            removed=[_build(RemovedLine, r) for r in json.loads(row["removed"])],
            segments=[_build(Segment, s) for s in json.loads(row["segments"])],
            html=row["html"],
        )

    def get_article(self, article_id: str) -> Article:
        """The current version of an article; raises ``NotFoundError``."""
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? AND current = 1",
                               (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id!r} is not in {self.path}; list them with `synoptic stories`")
        return self._article(row)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Current versions in insertion order (all of them when ``ids`` is None; unknown ids are skipped).

        All of them are read a page of :data:`PAGE_ROWS` at a time, each page a query of its own:
        memory stays bounded on a big store, and no statement is left open while the caller
        writes to the same connection (the stories step caches vectors as it reads).
        """
        if ids is None:
            yield from self._paged("ord", -1)
            return
        wanted = list(dict.fromkeys(ids))
        rows: list[tuple[int, sqlite3.Row]] = []
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows += [(r["ord"], r) for r in self._db.execute(
                f"SELECT ord, {_ARTICLE_COLUMNS} FROM articles WHERE current = 1 AND id IN ({marks})", chunk)]
        for _, row in sorted(rows, key=lambda pair: pair[0]):
            yield self._article(row)

    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article, oldest first (the last one is current)."""
        rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? ORDER BY version",
                                (article_id,)).fetchall()
        return [self._article(r) for r in rows]

    def count_articles(self) -> int:
        """How many articles (current versions) the store holds."""
        return int(self._db.execute("SELECT count(*) FROM articles WHERE current = 1").fetchone()[0])

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search over title and text, best match first.

        Any user text is safe (see :func:`fts_query`); text without words finds nothing.
        """
        match = fts_query(query)
        if match is None:
            return []
        rows = self._db.execute(
            "SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 12) AS snippet, "
            "(SELECT min(story_id) FROM story_articles s WHERE s.article_id = a.id) AS story "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ? OFFSET ?",
            (match, max(0, int(limit)), max(0, int(offset))),
        ).fetchall()
        return [SearchHit(id=r["id"], title=r["title"], snippet=r["snippet"], story=r["story"]) for r in rows]

    # -------------------------------------------------------------- stories

    def generation(self) -> int:
        """A number that grows whenever an article (or a version) is added: compare two readings
        to learn whether the articles changed in between."""
        return int(self._db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])

    def appended_since(self, generation: int) -> bool:
        """True when every article stored after ``generation`` (a :meth:`generation` reading) is a
        new one: none is a new version of an article stored before, so the new ones simply follow
        the old ones in insertion order."""
        return self._db.execute("SELECT 1 FROM articles WHERE rowid > ? AND version > 1 LIMIT 1",
                                (generation,)).fetchone() is None

    def articles_since(self, generation: int) -> Iterator[Article]:
        """Current versions stored after ``generation``, in insertion order, a page at a time."""
        return self._paged("rowid", generation)

    def _paged(self, key: Literal["ord", "rowid"], after: int) -> Iterator[Article]:
        """Current versions with ``key`` above ``after``, by ``key``, :data:`PAGE_ROWS` per query."""
        while True:
            page = self._db.execute(
                f"SELECT {key} AS page_key, {_ARTICLE_COLUMNS} FROM articles WHERE current = 1 AND {key} > ? "
                f"ORDER BY {key} LIMIT ?", (after, PAGE_ROWS)).fetchall()
            for row in page:
                yield self._article(row)
            if len(page) < PAGE_ROWS:
                return
            after = page[-1]["page_key"]

    def put_stories(self, stories: Iterable[Story], expect_generation: int | None = None,
                    grouping: str | None = None) -> bool:
        """Replace every story and the article-to-story assignment in one transaction.

        Missing ``first_seen``/``last_seen``/``title`` are filled from the stored articles. With
        ``expect_generation`` (a :meth:`generation` read before the stories were computed), nothing
        is written and ``False`` returned when articles were added since: another process's
        grouping must not be replaced by one made from fewer articles. Returns ``True`` when written.

        ``grouping`` names how the stories were made (the clusterer's settings and embedding
        model); given with ``expect_generation`` it is kept, and :meth:`grouping` answers it
        until an article is added: a later run with the same grouping can take the stored
        stories as they are.
        """
        stories = list(stories)

        def write(db: sqlite3.Connection) -> bool:
            if expect_generation is not None and self.generation() != expect_generation:
                return False
            if expect_generation is not None and grouping is not None:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('grouping', ?)",
                           (f"{expect_generation} {grouping}",))
            else:
                db.execute("DELETE FROM meta WHERE key = 'grouping'")
            db.execute("DELETE FROM story_articles")
            db.execute("DELETE FROM stories")
            for position, story in enumerate(stories):
                first, last, title = story.first_seen, story.last_seen, story.title
                if first is None or last is None or title is None:
                    dates = []
                    for chunk in _chunks(story.article_ids):
                        marks = ",".join("?" * len(chunk))
                        for r in db.execute(f"SELECT published, title FROM articles WHERE current = 1 "
                                            f"AND id IN ({marks}) ORDER BY ord", list(chunk)):
                            if r["published"]:
                                dates.append(datetime.fromisoformat(r["published"]))
                            title = title or r["title"]
                    if dates:
                        keyed = sorted(dates, key=lambda d: utc_key(d) or "")
                        first = first or keyed[0]
                        last = last or keyed[-1]
                db.execute(
                    "INSERT INTO stories (id, title, first_seen, last_seen, first_utc, last_utc, merged_from, "
                    "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (story.id, title, iso(first), iso(last), utc_key(first), utc_key(last),
                     json.dumps(story.merged_from), position),
                )
                db.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
                    [(story.id, aid, i) for i, aid in enumerate(story.article_ids)],
                )
            return True

        return bool(self._write(write))

    def grouping(self) -> str | None:
        """The ``grouping`` the stored stories were written with (:meth:`put_stories`) while they
        still cover every stored article (none added since); else None."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'grouping'").fetchone()
        if row is None:
            return None
        generation, _, grouping = str(row[0]).partition(" ")
        return grouping if generation == str(self.generation()) else None

    def _story(self, row: sqlite3.Row, ids: list[str] | None = None) -> Story:
        if ids is None:
            ids = [r[0] for r in self._db.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (row["id"],))]
        return Story(id=row["id"], article_ids=ids, first_seen=parse_iso(row["first_seen"]),
                     last_seen=parse_iso(row["last_seen"]), title=row["title"],
                     merged_from=json.loads(row["merged_from"]))

    def _story_rows(self, limit: int | None, offset: int, query: str | None, since: str | None,
                    until: str | None, order: StoryOrder = "recent", columns: str = "*") -> list[sqlite3.Row]:
        where: list[str] = []
        params: list[str | int] = []
        if query is not None:
            match = fts_query(query)
            if match is None:
                return []
            # from the index's matches to their articles (by row id) and stories: the index holds
            # current versions only, so no ``current`` test is needed
            where.append("id IN (SELECT s.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                         "JOIN story_articles s ON s.article_id = a.id WHERE articles_fts MATCH ?)")
            params.append(match)
        if since:  # the story was still running on or after ``since``
            where.append("coalesce(last_utc, first_utc) >= ?")
            params.append(since)
        if until:  # the story had started by the end of ``until``
            where.append("coalesce(first_utc, last_utc) <= ?")
            params.append(until + "\uffff" if len(until) <= 10 else until)
        sql = f"SELECT {columns} FROM stories"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY position" if order == "grouping" else " ORDER BY last_utc IS NULL, last_utc DESC, position"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, int(limit)), max(0, int(offset))]
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(max(0, int(offset)))
        return self._db.execute(sql, params).fetchall()

    def stories(self, limit: int | None = None, offset: int = 0, query: str | None = None,
                since: str | None = None, until: str | None = None, order: StoryOrder = "recent") -> list[Story]:
        """Stories, newest first; ``query`` keeps those with an article matching it (FTS5),
        ``since``/``until`` (ISO dates or datetimes, UTC) keep those overlapping that range.
        ``order="grouping"``: in the order they were given to :meth:`put_stories` instead."""
        rows = self._story_rows(limit, offset, query, since, until, order)
        members: dict[str, list[str]] = {r["id"]: [] for r in rows}
        for chunk in _chunks(list(members)):  # every member in one query per chunk, not one per story
            marks = ",".join("?" * len(chunk))
            for story_id, article_id in self._db.execute(
                    f"SELECT story_id, article_id FROM story_articles WHERE story_id IN ({marks}) "
                    f"ORDER BY story_id, position", list(chunk)):
                members[story_id].append(article_id)
        return [self._story(r, members[r["id"]]) for r in rows]

    def story_ids(self, query: str | None = None, since: str | None = None, until: str | None = None) -> list[str]:
        """The ids of every story :meth:`stories` would give for these filters, in its order
        (reads the list's index, no story rows).

        A search takes the full-text index's matches (article row ids) alone and maps them to
        stories in memory (:meth:`_story_of_rowid`): joining every match to its article and
        story in SQL cost ten times the match itself for a word in half the articles (40 ms
        against 4 ms at 10,000 stories, bench_web), and sorting the stories 25 ms more.
        """
        ordered = [r[0] for r in self._story_rows(None, 0, None, since, until, columns="id")]
        if query is None:
            return ordered
        match = fts_query(query)
        if match is None:
            return []
        story_of = self._story_of_rowid()
        hits = {story_of.get(rowid) for (rowid,) in self._db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (match,))}
        return [story_id for story_id in ordered if story_id in hits]

    def _story_of_rowid(self) -> dict[int, str]:
        """The story of each current article version, by its row id; read again only after a
        commit (``data_version`` for other connections', :meth:`_write` for this one's)."""
        version = self.data_version()
        if self._members is not None and self._members[0] == version:
            return self._members[1]
        names: dict[str, str] = {}  # one string per story id, shared by its articles
        members = {rowid: names.setdefault(story_id, story_id) for rowid, story_id in self._db.execute(
            "SELECT a.rowid, s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "AND a.current = 1")}
        self._members = (version, members)
        return members

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` of this connection: it changes whenever another
        connection (of this process or another) commits to the file, and only then."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def count_stories(self) -> int:
        """How many stories the store holds."""
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def story_overview(self, limit: int | None = None, offset: int = 0, query: str | None = None,
                       since: str | None = None, until: str | None = None) -> list[StoryOverview]:
        """Like :meth:`stories`, as listing rows with the member and outlet counts."""
        out = []
        for row in self._story_rows(limit, offset, query, since, until):
            counts = self._db.execute(
                "SELECT count(*), count(DISTINCT lower(a.outlet)) FROM story_articles s "
                "JOIN articles a ON a.id = s.article_id AND a.current = 1 WHERE s.story_id = ?",
                (row["id"],)).fetchone()
            out.append(StoryOverview(id=row["id"], title=row["title"], articles=int(counts[0]),
                                     outlets=int(counts[1]), first_seen=row["first_seen"],
                                     last_seen=row["last_seen"]))
        return out

    def get_story(self, story_id: str) -> Story:
        """One story; raises ``NotFoundError``."""
        row = self._db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"story {story_id!r} is not in {self.path}; list them with `synoptic stories`")
        return self._story(row)

    # -------------------------------------------------------------- extractions and briefs

    def put_extraction(self, extraction: Extraction) -> None:
        """Store an extraction under its article's current content hash (replacing an older one for it)."""
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ? AND current = 1",
                               (extraction.article,)).fetchone()
        if row is None:
            raise NotFoundError(f"article {extraction.article!r} is not in {self.path}; store it before its extraction")
        payload = to_json(extraction)

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO extractions (article_id, content_hash, json, added) VALUES (?, ?, ?, ?)",
                       (extraction.article, row["content_hash"], payload, _now()))

        self._write(write)

    def get_extraction(self, article_id: str) -> Extraction | None:
        """The extraction made from the current version of an article, or ``None`` (none yet, or stale)."""
        row = self._db.execute(
            "SELECT e.json FROM extractions e JOIN articles a ON a.id = e.article_id AND a.current = 1 "
            "AND a.content_hash = e.content_hash WHERE e.article_id = ?", (article_id,)).fetchone()
        return extraction_from_json(row[0]) if row else None

    def put_brief(self, story_id: str, brief: Brief | Mapping[str, object]) -> None:
        """Store (or replace) a story's brief: a ``Brief`` is written as its schema JSON
        (``synoptic.brief.to_json``), a mapping as it is (it is taken to be that JSON already).

        Each write gets a new row id and a microsecond stamp, so :meth:`story_versions` changes.
        """
        from synoptic.brief import to_json as brief_json

        payload = json.dumps(brief_json(brief) if isinstance(brief, Brief) else dict(brief), ensure_ascii=False)

        def write(db: sqlite3.Connection) -> None:
            # REPLACE takes a new rowid above every existing one before it drops the old row
            db.execute("INSERT OR REPLACE INTO briefs (story_id, json, added) VALUES (?, ?, ?)",
                       (story_id, payload, datetime.now(UTC).isoformat(timespec="microseconds")))

        self._write(write)

    # JSON edge (see ``Store.get_brief``): the stored document, unread
    def get_brief(self, story_id: str) -> JSONObject:
        """A story's brief as its stored schema JSON; raises ``NotFoundError``."""
        row = self._db.execute("SELECT json FROM briefs WHERE story_id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no brief for story {story_id!r} in {self.path}; "
                                f"make one with `synoptic run`, list stories with `synoptic stories`")
        result: JSONObject = json.loads(row[0])
        return result

    def load_brief(self, story_id: str) -> Brief:
        """A story's brief as a record; raises ``NotFoundError``, and ``ValueError`` (naming the
        field) when the stored JSON is not a ``synoptic.brief/1`` brief."""
        from synoptic.brief import from_json

        return from_json(self.get_brief(story_id))

    def story_versions(self, story_ids: Iterable[str]) -> dict[str, str]:
        """A token per stored story that changes whenever the story (title, dates, members), a
        member's current version (a new version is a new row) or the story's brief is rewritten.

        One query per :data:`MAX_PARAMS` ids, reading no article text and no brief JSON.
        """
        wanted = list(dict.fromkeys(story_ids))
        out: dict[str, str] = {}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT s.id, s.title, s.first_seen, s.last_seen, b.rowid, b.added, "
                "(SELECT group_concat(m, ' ') FROM (SELECT sa.article_id || '@' || coalesce(a.rowid, '') AS m "
                " FROM story_articles sa LEFT JOIN articles a ON a.id = sa.article_id AND a.current = 1 "
                " WHERE sa.story_id = s.id ORDER BY sa.position)) "
                f"FROM stories s LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id IN ({marks})", list(chunk))
            for row in rows:
                blob = "\x1f".join("" if v is None else str(v) for v in tuple(row)[1:])
                out[row[0]] = hashlib.blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        return out

    # -------------------------------------------------------------- embedding cache

    def cached_embedder(self, embedder: E) -> CachedEmbedder[E]:
        """Wrap an embedder so its vectors are kept in this store
        (one already caching into this store is returned as it is)."""
        if isinstance(embedder, CachedEmbedder) and embedder.store is self:
            return embedder
        return CachedEmbedder(self, embedder)

    def count_embeddings(self) -> int:
        """How many cached vectors the store holds."""
        return int(self._db.execute("SELECT count(*) FROM embeddings").fetchone()[0])

    # -------------------------------------------------------------- health

    def check(self) -> list[str]:
        """Problems found by a full consistency check (empty when all is well).

        Runs ``PRAGMA integrity_check``, FTS5's own check (the index equals the current
        versions), and checks that every article has exactly one current version and that every
        story member is a stored article.
        """
        problems = [r[0] for r in self._db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            self._db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        bad = self._db.execute(
            "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING sum(current) != 1)").fetchone()[0]
        if bad:
            problems.append(f"{bad} article ids without exactly one current version")
        orphans = self._db.execute(
            "SELECT count(*) FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id AND a.current = 1 "
            "WHERE a.rowid IS NULL").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} story members are not stored articles")
        indexed = self._db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        if indexed != self.count_articles():
            problems.append(f"full-text index holds {indexed} rows for {self.count_articles()} current articles")
        return problems


def cache_key(prefix: str, text: str) -> str:
    """The embedding cache's key of ``text`` for the embedder of ``prefix`` (see CachedEmbedder)."""
    return hashlib.sha256((prefix + (text or "")).encode("utf-8", "surrogatepass")).hexdigest()


def _short(key: str) -> int:
    """The first 64 bits of a cache key, as an integer."""
    return int(key[:16], 16)


def short_cache_key(prefix: str, text: str) -> int:
    """The first 64 bits of :func:`cache_key`, as in :meth:`CachedEmbedder.known`."""
    return _short(cache_key(prefix, text))


class CachedEmbedder(Generic[E]):
    """An embedder that looks vectors up in the store first and embeds only what is missing.

    Keys are SHA-256 digests of the embedder's name, its token limit, its ``version`` (where it
    has one: the model packages' versions) and the text, so a different model, model version or
    setting never reuses another's vectors. Each call writes its new vectors in one
    transaction: a process killed part-way keeps what earlier calls computed.
    """

    def __init__(self, store: SQLiteStore, embedder: E) -> None:
        self.store = store
        self.inner = embedder
        self.name: str = getattr(embedder, "name", type(embedder).__name__)
        self.dim: int = getattr(embedder, "dim", None) or 0
        self.prefix = f"{self.name}\0{getattr(embedder, 'max_tokens', '')}\0"
        version = getattr(embedder, "version", "")
        if version:
            self.prefix += f"{version}\0"
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        return cache_key(self.prefix, text)

    def known(self) -> frozenset[int]:
        """The store's cached keys cut to 64-bit integers (:func:`short_cache_key`): a compact set
        that workers elsewhere check their texts against before embedding them. A false match
        costs nothing but time: the text is then a cache miss here and embedded as such."""
        rows = self.store._db.execute("SELECT key FROM embeddings")
        return frozenset(_short(key) for (key,) in rows)

    def put(self, texts: list[str], vectors: np.ndarray | Sequence[np.ndarray]) -> None:
        """Keep vectors computed elsewhere (by the inner embedder's model, on another machine)."""
        import numpy as np

        rows = [(self._key(t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
                for t, v in zip(texts, vectors, strict=True)]

        def write(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR IGNORE INTO embeddings (key, dim, vector) VALUES (?, ?, ?)", rows)

        self.store._write(write)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts`` (one row each), from the cache where possible."""
        import numpy as np

        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for chunk in _chunks(unique):
            marks = ",".join("?" * len(chunk))
            for key, dim, blob in self.store._db.execute(
                    f"SELECT key, dim, vector FROM embeddings WHERE key IN ({marks})", list(chunk)):
                found[key] = np.frombuffer(blob, dtype=np.float32, count=dim)
        missing = [i for i, k in enumerate(keys) if k not in found]
        missing_first = list({keys[i]: i for i in reversed(missing)}.values())  # one text per key
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing_first:
            vectors = np.asarray(self.inner.embed([texts[i] for i in missing_first]), dtype=np.float32)
            rows = [(keys[i], int(v.shape[0]), v.tobytes()) for i, v in zip(missing_first, vectors, strict=True)]

            def write(db: sqlite3.Connection) -> None:
                db.executemany("INSERT OR IGNORE INTO embeddings (key, dim, vector) VALUES (?, ?, ?)", rows)

            self.store._write(write)
            for (key, _, _), v in zip(rows, vectors, strict=True):
                found[key] = v
        if not texts:
            return self.inner.embed([])
        return np.stack([found[k] for k in keys])
