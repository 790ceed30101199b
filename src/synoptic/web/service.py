"""What the API and the pages share: looking stories, briefs and articles up, the story list, the
cached story bodies and the ingest of uploads. Every function takes the request's store and the
app's :class:`~synoptic.web.deps.Viewer` as arguments (the routes get them as dependencies).

Briefs stay :class:`~synoptic.records.Brief` records here, and the story page's template gets
records too (``pages.story_context``); a brief becomes the documented JSON
(``synoptic.brief.to_json``) only where the brief API writes its answer, and the other answers
are built from records by the routes (``routes.api``).

Speed (issue 15, item 5): the story page, the brief API and the story list answer from bodies
and lines kept under the story's version (``Store.story_versions``, one query that reads no text):
a request for an unchanged story costs that query and a dictionary look-up; a rewritten brief, a
regrouped story or a new article version gives a new version, so nothing stale is ever served.
The story list and searches answer from id lists and list pages kept under the store's stamp
(``Viewer.stamp``: SQLite's ``data_version``, which any commit changes), so paging reads no
story rows and a search runs its full-text query once per store change.
"""

from __future__ import annotations

import gc
import json
import logging
import re
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import HTTPException as FastAPIHTTPException
from fastapi import Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from synoptic.errors import InputError, NotFoundError
from synoptic.records import Article, Brief, JSONObject, JSONValue, PublishedHow, Story, text_id
from synoptic.store.base import Store
from synoptic.web import views
from synoptic.web.cache import Compressed
from synoptic.web.deps import LIST_ID_BYTES, Viewer
from synoptic.web.http import MAX_REQUEST_BYTES
from synoptic.web.pages import story_context

log = logging.getLogger("synoptic")

MAX_UPLOAD_FILES = 20
MAX_TEXT_CHARS = 2_000_000
MAX_FIELD_CHARS = 500  # title, outlet, url, published of a pasted text
MAX_QUERY_CHARS = 200
MAX_ID_CHARS = 128
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_OFFSET = 1_000_000

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson")
# Pre-rendering reads this many stories per query and stops when the page cache is this full
# (the rest of the room is for pages visited later, briefs and list pages).
PRERENDER_BATCH = 200
PRERENDER_SHARE = 0.75
ROW_BYTES = 512  # a list line kept in ``Viewer.lists``, roughly (title, outlets, ids)
HTML = "text/html; charset=utf-8"
JSON = "application/json"
READ_ONLY = "this server is read-only; start it with `synoptic serve --allow-ingest`"


# ------------------------------------------------------------------ request helpers


def check_day(value: str | None, name: str) -> str | None:
    """``value`` when it is a valid ``YYYY-MM-DD`` day, ``None`` when empty; else a 422."""
    if value is None or value == "":
        return None
    if not _ISO_DAY.match(value):
        raise FastAPIHTTPException(422, f"{name}={value!r} is not a date; give YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise FastAPIHTTPException(422, f"{name}={value!r} is not a valid date; give YYYY-MM-DD") from None
    return value


def same_origin(request: Request) -> bool:
    """Whether a state-changing request comes from this site (or from a non-browser client)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # curl, httpx, scripts: no ambient browser credentials to abuse
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host", "")


def page(viewer: Viewer, template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    """A server-rendered page."""
    return HTMLResponse(viewer.env.get_template(template).render(**context), status_code=status_code)


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00"):
            return True
    return False


def send(request: Request, body: Compressed) -> Response:
    """A kept body: as it is kept (gzip) when the client takes gzip, else uncompressed."""
    if _accepts_gzip(request):
        return Response(body.gz, media_type=body.media_type,
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(body.plain(), media_type=body.media_type, headers={"Vary": "Accept-Encoding"})


# ------------------------------------------------------------------ lookups


def load_article(store: Store, article_id: str) -> Article:
    """The current version of an article; a ``NotFoundError`` that says where ids are listed."""
    try:
        if len(article_id) > MAX_ID_CHARS:
            raise NotFoundError(article_id)
        return store.get_article(article_id)
    except NotFoundError:
        raise NotFoundError(f"article {article_id[:MAX_ID_CHARS]!r} is not in the store; "
                            f"stories list their articles at /api/stories/ID") from None


def _missing_story(story_id: str) -> NotFoundError:
    return NotFoundError(f"story {story_id[:MAX_ID_CHARS]!r} is not in the store; list the stories at /api/stories")


def story_version(store: Store, story_id: str) -> str:
    """The story's version token (``Store.story_versions``); ``NotFoundError`` when there is no such story."""
    version = store.story_versions([story_id]).get(story_id) if len(story_id) <= MAX_ID_CHARS else None
    if version is None:
        raise _missing_story(story_id)
    return version


def covers(brief: Brief, story: Story) -> bool:
    """Whether ``brief`` was made from exactly the story's articles (else it is stale)."""
    return {a.id for a in brief.articles} == set(story.article_ids)


def load_story(viewer: Viewer, store: Store, story_id: str) -> tuple[Story, Brief | None, bool]:
    """The story, its brief (built and stored first when missing or stale) and whether that
    brief was already stored and current (only then may what is made from it be kept)."""
    try:
        if len(story_id) > MAX_ID_CHARS:
            raise NotFoundError(story_id)
        story = store.get_story(story_id)
    except NotFoundError:
        raise _missing_story(story_id) from None
    try:
        brief: Brief | None = store.load_brief(story_id)
    except NotFoundError:
        brief = None
    if brief is not None and covers(brief, story):
        return story, brief, True
    return story, build_brief(viewer, store, story) or brief, False


def build_brief(viewer: Viewer, store: Store, story: Story) -> Brief | None:
    """A missing or stale brief, built and stored on first request (one at a time); None when
    the store cannot take it (then the page says how to build it)."""
    from synoptic.pipeline import ensure_brief

    with viewer.write_lock:
        try:
            brief = ensure_brief(store, story)
        except Exception as exc:  # noqa: BLE001 - a read-only store file: show what there is
            log.warning("story %s: could not build its brief (%s)", story.id, exc)
            return None
        viewer.invalidate()
        return brief


def _kept_story_body(viewer: Viewer, store: Store, story_id: str, kind: str,
                     make: Callable[[Story, Brief | None], Compressed]) -> Compressed:
    """A body made from a story and its brief, kept per story version (kept only when the brief
    is current: a brief that could not be rebuilt is shown, not remembered)."""
    key = (kind, story_id, story_version(store, story_id))
    kept = viewer.pages.get(key)
    if isinstance(kept, Compressed):
        return kept
    story, brief, fresh = load_story(viewer, store, story_id)
    body = make(story, brief)
    if fresh:
        viewer.pages.put(key, body, len(body.gz))
    return body


def brief_body(viewer: Viewer, store: Store, story_id: str) -> Compressed:
    """The brief API's body (schema ``synoptic.brief/1``), kept per story version."""
    from synoptic.brief import to_json

    def make(_story: Story, brief: Brief | None) -> Compressed:
        if brief is None:
            raise NotFoundError(f"story {story_id!r} has no brief and none could be built; "
                                f"write them with `synoptic run --db STORE --out DIR`")
        text = json.dumps(to_json(brief), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return Compressed(text.encode("utf-8"), JSON)

    return _kept_story_body(viewer, store, story_id, "brief", make)


def story_page_body(viewer: Viewer, store: Store, story_id: str) -> Compressed:
    """The story page, rendered once per story version and kept."""
    return _kept_story_body(viewer, store, story_id, "page",
                            lambda story, brief: render_story_page(viewer, store, story, brief))


def render_story_page(viewer: Viewer, store: Store, story: Story, brief: Brief | None) -> Compressed:
    """The story page of ``story`` and its brief, rendered."""
    articles = {a.id: a for a in store.articles(story.article_ids)}
    html = viewer.env.get_template("story.html").render(**story_context(story, brief, articles))
    return Compressed(html.encode("utf-8"), HTML)


def prerender(viewer: Viewer, stop: threading.Event) -> int:
    """Render the story pages of every stored story whose brief is current, newest first, into the
    page cache, until ``stop`` is set or the cache is ``PRERENDER_SHARE`` full, and keep every such
    story's list line (beyond that share too); returns how many pages.

    Run in a background thread by the server (``Settings.prerender``), so that a first visit
    finds its page rendered. It writes nothing: a story whose brief is missing or stale is left
    to its first request, which builds the brief.
    """
    done = 0
    store = viewer.pool.acquire()
    try:
        offset = 0
        while not stop.is_set():
            batch = store.stories(limit=PRERENDER_BATCH, offset=offset)
            if not batch:
                break
            offset += len(batch)
            versions = store.story_versions(s.id for s in batch)
            for story in batch:
                if stop.is_set():
                    return done
                key = ("page", story.id, versions.get(story.id))
                room = viewer.pages.filled() < PRERENDER_SHARE
                if key[2] is None:
                    continue
                if (key in viewer.pages or not room) and viewer.row(story.id, key[2]) is not None:
                    continue  # nothing left to make for it
                try:
                    brief = store.load_brief(story.id)
                except (NotFoundError, ValueError):
                    continue
                if not covers(brief, story):
                    continue
                viewer.keep_row(story.id, key[2], views.story_row(story, brief))
                if key in viewer.pages or not room:
                    continue  # the page is kept, or there is no room left: its list line only
                body = render_story_page(viewer, store, story, brief)
                viewer.pages.put(key, body, len(body.gz))
                done += 1
                time.sleep(0)  # hand the interpreter to a request that waits
    except Exception as exc:  # noqa: BLE001 - the store closed under it (shutdown) or broke: pages render on demand
        log.debug("pre-rendering stopped after %d pages: %s", done, exc)
    finally:
        viewer.pool.release(store)
    if not stop.is_set():
        # What was made so far (the kept pages and lines, the loaded modules) lives as long as
        # the server: keep the collector from walking it again and again. A full collection
        # over it paused requests for up to 275 ms (bench_web at 10,000 stories, story page
        # p99 41 ms in one process, 3 ms with this). One collection first, so no garbage is frozen.
        gc.collect()
        gc.freeze()
    return done


def story_row(viewer: Viewer, store: Store, story: Story, version: str | None) -> views.StoryRow:
    """A story's line in the list, with counts from its brief (kept per story version)."""
    if version is not None:
        kept = viewer.row(story.id, version)
        if kept is not None:
            return kept
    try:
        brief: Brief | None = store.load_brief(story.id)
    except NotFoundError:
        brief = None
    except ValueError as exc:  # a stored JSON that is not a brief: the line is counted from the articles
        log.warning("story %s: its stored brief is unreadable (%s)", story.id, exc)
        brief = None
    if brief is not None and not covers(brief, story):
        brief = None  # stale: its story changed since; counted from the articles until rebuilt
    row = views.story_row(story, brief, store.articles(story.article_ids) if brief is None else ())
    if version is not None:
        viewer.keep_row(story.id, version, row)
    return row


def story_ids(viewer: Viewer, store: Store, query: str | None, since: str | None,
              until: str | None) -> tuple[str, ...]:
    """Every story id of the list (or of a search) in its order, kept until the store changes
    (:meth:`~synoptic.web.deps.Viewer.stamp`): paging through a list or a search reads its ids
    once, and the full-text query (every match of a common word) runs once per store change."""
    key = ("ids", query or "", since or "", until or "", viewer.stamp())
    kept = viewer.lists.get(key)
    if isinstance(kept, tuple):
        return kept
    ids = tuple(store.story_ids(query, since, until))
    viewer.lists.put(key, ids, LIST_ID_BYTES * (len(ids) + 1))
    return ids


def list_stories(viewer: Viewer, store: Store, q: str | None, since: str | None, until: str | None,
                 limit: int, offset: int) -> tuple[list[views.StoryRow], int | None, tuple[str, ...]]:
    """A page of the story list: its lines, the next offset (None at the end) and the stories'
    versions (a key for what is made of the page)."""
    query = q.strip() if q and q.strip() else None
    # a whole page, kept under the store's stamp: no commit since means no story version changed,
    # so not even the versions need reading again (they cost more than the rest of a kept page)
    key = ("rows", query or "", since or "", until or "", limit, offset, viewer.stamp())
    kept = viewer.lists.get(key)
    if isinstance(kept, tuple):
        return kept
    made = _list_stories(viewer, store, query, since, until, limit, offset)
    viewer.lists.put(key, made, ROW_BYTES * (len(made[0]) + 1))
    return made


def _list_stories(viewer: Viewer, store: Store, query: str | None, since: str | None, until: str | None,
                  limit: int, offset: int) -> tuple[list[views.StoryRow], int | None, tuple[str, ...]]:
    ids = story_ids(viewer, store, query, since, until)
    listed = ids[offset:offset + limit]
    more = len(ids) > offset + limit
    versions = store.story_versions(listed)
    rows = []
    for story_id in listed:
        version = versions.get(story_id)
        if version is None:
            continue  # removed since the ids were read
        row = viewer.row(story_id, version)
        if row is None:
            try:
                story = store.get_story(story_id)
            except NotFoundError:
                continue
            row = story_row(viewer, store, story, version)
        rows.append(row)
    stamp = tuple(f"{s}\x1f{versions.get(s, '')}" for s in listed)
    return rows, (offset + limit if more else None), stamp


def story_list_body(viewer: Viewer, store: Store, q: str | None, since: str | None, until: str | None,
                    offset: int) -> Compressed:
    """The story list page, rendered once per set of listed story versions and kept."""
    rows, next_offset, stamp = list_stories(viewer, store, q, since, until, DEFAULT_PAGE_SIZE, offset)
    key = ("list", q or "", since or "", until or "", offset, next_offset, stamp)
    kept = viewer.pages.get(key)
    if isinstance(kept, Compressed):
        return kept
    html = viewer.env.get_template("stories.html").render(
        rows=rows, q=q or "", since=since or "", until=until or "", offset=offset, next_offset=next_offset,
        prev_offset=max(0, offset - DEFAULT_PAGE_SIZE), title="Stories")
    body = Compressed(html.encode("utf-8"), HTML)
    viewer.pages.put(key, body, len(body.gz))
    return body


def entities(viewer: Viewer, store: Store) -> tuple[list[views.EntityRow], dict[str, str]]:
    """Entities merged across every stored brief, and story titles by id (cached for
    ``ENTITY_CACHE_SECONDS``)."""
    cached = viewer.fresh_entities()
    if cached is not None:
        return cached
    pairs: list[tuple[str, Brief]] = []
    titles: dict[str, str] = {}
    for story in store.stories():
        try:
            brief = store.load_brief(story.id)
        except NotFoundError:
            continue
        except ValueError as exc:
            log.warning("story %s: its stored brief is unreadable (%s)", story.id, exc)
            continue
        pairs.append((story.id, brief))
        titles[story.id] = str(brief.title or story.title or story.id)
    merged = views.merge_entities(pairs)
    viewer.entities = (time.monotonic(), merged, titles)
    return merged, titles


def story_of(store: Store, article_id: str, story_id: str | None) -> Story | None:
    """The story named in the link (``?story=``) when it does hold the article, else None."""
    if not story_id or len(story_id) > MAX_ID_CHARS:
        return None
    try:
        story = store.get_story(story_id)
    except NotFoundError:
        return None
    return story if article_id in story.article_ids else None


def article_date(store: Store, article: Article, story: Story | None) -> tuple[str | None, PublishedHow]:
    """The article's date and how it was found; without one, the date its story's brief inferred
    (as the story page says)."""
    published, how = article.published.isoformat() if article.published else None, article.published_how
    if published is None and story is not None:
        try:
            brief = store.load_brief(story.id)
        except (NotFoundError, ValueError):
            return published, how
        source = next((a for a in brief.articles if a.id == article.id), None)
        if source is not None:
            published, how = source.published, source.published_how or how
    return published, how


# ------------------------------------------------------------------ ingest


@dataclass(frozen=True)
class Ingested:
    """An article an ingest request read: its id and title, and whether it was new to the store."""

    id: str
    title: str | None
    status: str  # new, unchanged, updated


@dataclass(frozen=True)
class Skipped:
    """A source an ingest request could not use, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What an ingest request did: the articles read, the sources skipped, the stories they are in."""

    added: list[Ingested] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)


async def ingest_request(request: Request, viewer: Viewer, files: list[UploadFile | str] | None,
                         text: str | None, title: str | None, outlet: str | None,
                         url: str | None) -> IngestReport:
    """Check an ingest request (allowed, same origin, within limits), read its uploads and ingest
    them with a store of the pool (taken only once the request passed its checks)."""
    if not viewer.settings.allow_ingest:
        raise FastAPIHTTPException(403, READ_ONLY)
    if not same_origin(request):
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

    store = viewer.pool.acquire()
    try:
        return await anyio.to_thread.run_sync(ingest_payload, viewer, store, payload, text, title, outlet, url)
    finally:
        viewer.pool.release(store)


def ingest_payload(viewer: Viewer, store: Store, payload: list[tuple[str, bytes]], text: str | None,
                   title: str | None, outlet: str | None, url: str | None) -> IngestReport:
    """Read uploads through the project's ingest, clean, store and brief them (one ingest at a time)."""
    from synoptic.clean import clean_articles

    skipped: list[Skipped] = []
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
                    skipped.append(Skipped(source=source, reason=item.reason))
                else:
                    name = Path(item.source or "").name.split("_", 1)[-1]
                    raw.append(item.replace(source=f"upload:{name}" if name else "upload"))
    body = text.replace("\r\n", "\n") if text and text.strip() else ""
    if body:
        from synoptic.ingest.quality import quality_problem

        problem = quality_problem(body)  # the gate `load` applies to files
        if problem is not None:
            skipped.append(Skipped(source="pasted text", reason=problem))
            body = ""
    if body:
        raw.append(Article(id=text_id(body), text=body, raw_text=body, title=_field(title),
                           outlet=_field(outlet), url=_field(url), source="upload:pasted"))
    articles = clean_articles(raw) if raw else []
    from synoptic.pipeline import process

    with viewer.write_lock:
        statuses = {a.id: _status_probe(store, a) for a in articles}
        report = process(store, articles)  # store, regroup stories, rebuild the changed briefs
        ours = {a.id for a in articles}
        story_ids = [s.id for s in report.stories if ours.intersection(s.article_ids)]
        viewer.invalidate()
    added = [Ingested(id=a.id, title=a.title, status=statuses.get(a.id, "new")) for a in articles]
    return IngestReport(added=added, skipped=skipped, stories=story_ids)


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


def _status_probe(store: Store, article: Article) -> str:
    try:
        old = store.get_article(article.id)
    except NotFoundError:
        return "new"
    return "unchanged" if old.text == article.text else "updated"


def plain(value: object) -> JSONValue:
    """Records (dataclasses), lists and dates as JSON values (NaN and infinities as null): what the
    HTTP edge writes."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def article_json(article: Article, extraction: JSONValue) -> JSONObject:
    """The article API's answer: raw and cleaned text, what cleaning removed, its extraction."""
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_how": article.published_how, "language": article.language, "source": article.source,
        "text": article.text, "raw_text": article.raw_text,
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in article.removed],
        "extraction": extraction,
    }
