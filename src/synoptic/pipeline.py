"""The whole job in one process: sources -> store -> stories -> extraction -> briefs -> files.

Steps of :func:`run` (numbered here and in the code):

1. ingest: read every source (bad ones are skipped and counted, never raised);
2. clean: boilerplate and metadata lines out, learned across the batch;
3. store: one transaction per article, idempotent;
4. stories: cluster all current articles of the store;
5. per story: extract (entities resolved across the story's articles, publication dates
   inferred from peers), reconcile and build the brief, store it;
6. render: per story JSON, Markdown and HTML, plus the index, written atomically.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from synoptic.errors import InputError, NothingReadable, OutputError
from synoptic.progress import progress
from synoptic.records import Article, Brief, Extraction, JSONObject, Story
from synoptic.timing import StageTimes, recording, stage

if TYPE_CHECKING:
    from synoptic.cluster import StoryClusterer
    from synoptic.embed import Embedder
    from synoptic.store.base import Store

log = logging.getLogger("synoptic")

#: Rows per row group of ``articles.parquet`` (written a group at a time).
PARQUET_ROWS = 2000


@dataclass
class RunReport:
    """What a run did: counts, the skipped inputs, and the stories it wrote."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    skipped: list[InputError] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    briefs: dict[str, Brief] = field(default_factory=dict)  # serialised at the edge (brief.to_json)
    changed: list[str] = field(default_factory=list)  # stories whose brief was (re)written
    out: str | None = None
    embedded_on_workers: int = 0  # Dask runner: texts the workers embedded (not in the store's cache)
    times: dict[str, float] = field(default_factory=dict)  # seconds per stage (synoptic.timing.STAGES)
    cpu_times: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (all threads)

    @property
    def ok(self) -> bool:
        return not self.skipped


def read_sources(sources: Iterable[str], *, fetch: bool = False, allow_private: bool = False,
                 report: RunReport | None = None, strict: bool = True) -> list[Article]:
    """Steps 1-2: load and clean. Skipped inputs are logged (one line each) and recorded in ``report``.
    With ``strict`` (commands given SOURCES), when none could be read :class:`NothingReadable` is
    raised instead (one line; a single skipped input is named in it rather than logged); ``watch``
    passes False: a round of bad files must not stop it."""
    from synoptic.clean import clean_articles
    from synoptic.ingest import load

    report = report if report is not None else RunReport()
    raw: list[Article] = []
    skipped: list[InputError] = []
    with stage("read"):
        for item in progress(load(list(sources), fetch=fetch, allow_private=allow_private), "read", unit="report"):
            # the first skip waits: if it stays alone, it becomes the error line itself
            if strict and len(skipped) == 1 and not raw:
                log.warning("skipped %s", skipped[0])
            if isinstance(item, InputError):
                if not strict or skipped or raw:
                    log.warning("skipped %s", item)
                skipped.append(item)
            else:
                raw.append(item)
    report.skipped.extend(skipped)
    if strict and not raw and skipped:
        raise NothingReadable(_nothing_readable(skipped))
    with stage("clean"):
        return clean_articles(raw)


def store_articles(store: Store, articles: list[Article], report: RunReport) -> None:
    """Step 3: one transaction per article; counts new/unchanged/updated."""
    with stage("analyse"):
        for article in progress(articles, "store", total=len(articles)):
            status = store.add_article(article)
            setattr(report, status, getattr(report, status) + 1)


def assign_stories(store: Store, embedder: Embedder | None = None, *, reuse: bool = True) -> list[Story]:
    """Step 4: group every current article of ``store`` into stories and save them (the store is
    read page by page; ``embedder`` computes the vectors its cache lacks, see :class:`StoryKeeper`).
    With ``reuse`` (the default), stored stories that cover every stored article and were grouped
    the same way (``Store.grouping``) are returned as they are.

    Another process may add articles while this one groups: the stories are then written only
    if no article arrived in between, else grouped again (see ``SQLiteStore.put_stories``), so
    the last writer's stories always cover every stored article.
    """
    return StoryKeeper(store, embedder, reuse=reuse).assign()  # a new keeper groups the whole store


class StoryKeeper:
    """Keeps an online clusterer in step with a store across batches (``watch``, ``follow``).

    When the articles stored since the last grouping are all new ones, only they are added to
    the live clusterer: new articles come last in insertion order, so the stories are exactly
    those of grouping the whole store again, at the cost of the new articles alone. Anything else
    (a new version of a stored article, or a grouping of another process written in between)
    groups the whole store again, as :func:`assign_stories` does. A new keeper over a store whose
    stories cover every article and were grouped the same way (``reuse``) starts from those.
    """

    def __init__(self, store: Store, embedder: Embedder | None = None, *, reuse: bool = True) -> None:
        self.store = store
        self.embedder = embedder
        self.reuse = reuse
        self._clusterer: StoryClusterer | None = None
        self._generation = -1
        self.added = 0  # articles the last call gave the clusterer (for logs and tests)
        self.regrouped = False  # whether the last call grouped the whole store

    def assign(self) -> list[Story]:
        """Step 4 for what was stored since the last call; the stories are saved and returned."""
        with stage("stories"):
            return self._assign()

    def _assign(self) -> list[Story]:
        from synoptic.cluster import StoryClusterer, grouping_key
        from synoptic.embed import get_embedder

        embedder = self.store.cached_embedder(self.embedder or get_embedder())
        key = grouping_key(embedder.prefix)
        while True:
            generation = self.store.generation()
            if self.reuse and self._clusterer is None and self.store.grouping() == key:
                # the stored stories cover every stored article and were grouped as this run
                # would group them: nothing to recompute (the next new article regroups)
                self._generation = generation
                self.added, self.regrouped = 0, False
                return list(self.store.stories(order="grouping"))
            new: Iterable[Article]
            if self._clusterer is not None and self.store.appended_since(self._generation):
                new = list(self.store.articles_since(self._generation))
                self.regrouped = False
            else:
                self._clusterer = StoryClusterer(embedder=embedder)
                new = self.store.articles()
                self.regrouped = True
            total = len(new) if isinstance(new, list) else self.store.count_articles()
            self.added = len(self._clusterer.add_many(new, total=total))
            stories = self._clusterer.stories()
            if self.store.put_stories(stories, expect_generation=generation, grouping=key):
                self._generation = generation
                return stories
            self._clusterer = None  # articles arrived while grouping: start again from the store
            log.info("articles arrived while grouping; grouping again")


def group_stories(store: Store, articles: Iterable[Article], total: int | None = None,
                  embedder: Embedder | None = None) -> list[Story]:
    """The stories of ``articles`` (in their order; any iterable, read once), with sentence
    vectors cached in ``store``: a re-run (after an interruption, or to add a few articles)
    embeds only new texts. ``embedder`` (default: :func:`synoptic.embed.get_embedder`) computes
    the vectors the cache lacks."""
    from synoptic.cluster import cluster_articles
    from synoptic.embed import get_embedder

    return cluster_articles(articles, embedder=store.cached_embedder(embedder or get_embedder()), total=total)


def brief_story(store: Store, story: Story, max_words: int = 200,
                extractor: Callable[[list[Article]], list[Extraction]] | None = None) -> Brief:
    """Step 5 for one story: extract, reconcile, build the brief and store it with the extractions.

    Sentence vectors (the summary's citations, quote grouping, fact nouns) come through the
    store's vector cache: a sentence is embedded once per store and model version."""
    from synoptic.embed import get_embedder, using

    with using(store.cached_embedder(get_embedder())):
        return _brief_story(store, story, max_words, extractor)


def _brief_story(store: Store, story: Story, max_words: int,
                 extractor: Callable[[list[Article]], list[Extraction]] | None) -> Brief:
    from synoptic.brief import build_brief
    from synoptic.extract import extract_articles

    with stage("extract"):
        articles = list(store.articles(story.article_ids))
        extractions = (extractor or extract_articles)(articles)
        for extraction in extractions:
            store.put_extraction(extraction)
    with stage("reconcile"):  # the summary is timed on its own inside (stage "summary")
        brief = build_brief(story, articles, extractions, max_words=max_words)
        store.put_brief(story.id, brief)
    return brief


def stored_brief(store: Store, story: Story) -> JSONObject | None:
    """The stored brief of ``story`` as its stored JSON when it covers exactly the story's
    articles; None when there is none or it is stale (for the edges that hand out that JSON)."""
    from synoptic.errors import NotFoundError

    try:
        doc = store.get_brief(story.id)
    except NotFoundError:
        return None
    articles = doc.get("articles")
    ids = {a.get("id") for a in articles if isinstance(a, dict)} if isinstance(articles, list) else set()
    if ids == set(story.article_ids):
        return doc
    return None


def ensure_brief(store: Store, story: Story, max_words: int = 200) -> Brief:
    """The stored brief of ``story`` when it covers exactly the story's articles, else a new one,
    built and stored (a store filled by ``ingest`` of an older synoptic, or regrouped since; or
    one whose stored JSON is not a brief ``synoptic.brief.from_json`` reads)."""
    from synoptic.brief import from_json

    doc = stored_brief(store, story)
    if doc is not None:
        try:
            return from_json(doc)
        except ValueError as exc:
            log.warning("story %s: the stored brief is unreadable (%s); building it again", story.id, exc)
    return brief_story(store, story, max_words=max_words)


def write_store(store: Store, out: str | os.PathLike[str], max_words: int = 200) -> RunReport:
    """``synoptic run --db STORE --out DIR`` without sources: the briefs of every story of ``store``
    (built where missing or stale) and the index, written under ``out``."""
    out_dir = prepare_out_dir(out)
    report = RunReport(out=str(out_dir))
    with recording(StageTimes()) as times:
        report.stories = _stories(store)
        if not report.stories and store.count_articles():
            report.stories = assign_stories(store)  # articles stored by a tool that did not group them
        for story in progress(report.stories, "briefs", total=len(report.stories), unit="story"):
            report.briefs[story.id] = ensure_brief(store, story, max_words=max_words)
        write_outputs(store, report.stories, report.briefs, out_dir)
    report.times, report.cpu_times = times.as_dict(), times.as_dict(cpu=True)
    return report


def process(store: Store, articles: list[Article], report: RunReport | None = None,
            max_words: int = 200, briefs: bool = True, keeper: StoryKeeper | None = None) -> RunReport:
    """Steps 3-5 on already-cleaned articles: store them, regroup stories, rewrite changed briefs.

    Only stories whose membership changed, or whose articles changed, get a new brief. With
    ``briefs=False`` it stops after the stories (for very large corpora, or to check grouping).
    With a ``keeper`` (one per store, kept across calls), new articles are added to its live
    clusterer instead of grouping the whole store again.
    """
    report = report if report is not None else RunReport()
    before = {s.id: list(s.article_ids) for s in _stories(store)}
    touched = {a.id for a in articles}
    statuses_before = report.new + report.updated
    store_articles(store, articles, report)
    changed_articles = report.new + report.updated - statuses_before
    report.stories = keeper.assign() if keeper is not None else assign_stories(store)
    for story in progress(report.stories if briefs else [], "briefs", total=len(report.stories), unit="story"):
        stale = before.get(story.id) != list(story.article_ids) or (
            changed_articles and touched.intersection(story.article_ids))
        if stale or not _has_brief(store, story.id):
            report.briefs[story.id] = brief_story(store, story, max_words=max_words)
            report.changed.append(story.id)
        else:
            report.briefs[story.id] = store.load_brief(story.id)
    return report


def run(sources: Iterable[str], out: str | os.PathLike[str], db: str | None = None, *,
        fetch: bool = False, allow_private: bool = False, max_words: int = 200,
        briefs: bool = True) -> RunReport:
    """The whole job: read ``sources`` into the store at ``db`` (default ``OUT/synoptic.db``),
    group stories, write briefs and the index under ``out`` (``briefs=False``: stories only)."""
    from synoptic.store import open_store

    existed = Path(out).exists()
    out_dir = prepare_out_dir(out)  # a bad --out fails before anything is read
    report = RunReport(out=str(out_dir))
    with recording(StageTimes()) as times:
        # 1-2. ingest and clean
        try:
            articles = read_sources(sources, fetch=fetch, allow_private=allow_private, report=report)
        except NothingReadable:
            if not existed:
                out_dir.rmdir()  # leave no empty folder behind
            raise
        store = open_store(str(db or out_dir / "synoptic.db"))
        try:
            # 3-5. store, stories, briefs
            process(store, articles, report, max_words=max_words, briefs=briefs)
            # 6. render
            write_outputs(store, report.stories, report.briefs, out_dir)
        finally:
            store.close()
    report.times, report.cpu_times = times.as_dict(), times.as_dict(cpu=True)
    return report


def prepare_out_dir(out: str | os.PathLike[str]) -> Path:
    """The output folder ``out``, created if missing and checked writable; :class:`OutputError`
    (one line naming it and saying what to do) otherwise."""
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: --out is a file, not a folder; give a folder (new or existing)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".synoptic-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the output folder ({exc.strerror or exc}); "
                          f"give an --out folder you can write to") from exc
    return out_dir


def _nothing_readable(skipped: list[InputError]) -> str:
    if len(skipped) == 1:
        return f"nothing readable: {skipped[0]}; nothing was written"
    return f"nothing readable among the {len(skipped)} sources (each is named above); nothing was written"


def write_outputs(store: Store, stories: list[Story], briefs: Mapping[str, Brief], out_dir: Path,
                  only: Iterable[str] | None = None) -> None:
    """Step 6: per story ``stories/<id>.json|.md|.html`` and ``index.json|.md|.html``, and the
    articles with their story and extractions as ``articles.parquet`` (when pyarrow is installed).

    With ``only``, just those stories' files are rewritten (the index always is). Stories without
    a brief (a stories-only run) are listed in the index only.
    """
    with stage("render"):
        _write_outputs(store, stories, briefs, out_dir, only)


def _write_outputs(store: Store, stories: list[Story], briefs: Mapping[str, Brief], out_dir: Path,
                   only: Iterable[str] | None) -> None:
    from synoptic.brief import to_json
    from synoptic.render import html as html_render
    from synoptic.render import markdown as md_render

    story_dir = out_dir / "stories"
    story_dir.mkdir(parents=True, exist_ok=True)
    index = []
    rewrite = set(only) if only is not None else None
    # what the files of each story were written from (the store's story version, this code):
    # a story whose files are there and whose version is unchanged is not rendered again
    manifest, parquet_token = _read_manifest(out_dir / RENDERED_MANIFEST)
    code = _code_digest()
    versions = store.story_versions([s.id for s in stories if s.id in briefs])
    written: dict[str, str] = {}
    for story in stories:
        brief = briefs.get(story.id)
        index.append(story_summary(story, brief))
        if brief is None:
            continue
        token = f"{code} {versions[story.id]}" if story.id in versions else ""
        paths = [story_dir / f"{story.id}.{ext}" for ext in ("json", "md", "html")]
        if (rewrite is not None and story.id not in rewrite) or (
                token and manifest.get(story.id) == token and all(p.exists() for p in paths)):
            if manifest.get(story.id):
                written[story.id] = manifest[story.id]
            continue
        articles = {a.id: _article_view(a) for a in store.articles(story.article_ids)}
        _write(paths[0], json.dumps(to_json(brief), ensure_ascii=False, indent=2))
        _write(paths[1], md_render.render(brief))
        _write(paths[2], html_render.render(brief, articles))
        if token:
            written[story.id] = token
    _write(out_dir / "index.json", json.dumps({"stories": index}, ensure_ascii=False, indent=2))
    _write(out_dir / "index.md", md_render.render_index(index))
    _write(out_dir / "index.html", html_render.render_index(index))
    table = out_dir / "articles.parquet"
    table_token = hashlib.blake2b(json.dumps([code, store.generation(), sorted(written.items()),
                                              [(s.id, s.article_ids) for s in stories]]).encode(),
                                  digest_size=16).hexdigest()
    if not (parquet_token == table_token and table.exists()) and not write_parquet(store, stories, table):
        table_token = ""
    _write(out_dir / RENDERED_MANIFEST, json.dumps({"stories": written, "parquet": table_token}, sort_keys=True))


#: In the output folder: what each story's files were rendered from (see ``write_outputs``).
RENDERED_MANIFEST = ".synoptic-rendered"  # JSON; no .json suffix: not one of the outputs


def _read_manifest(path: Path) -> tuple[dict[str, str], str]:
    """The story tokens and the Parquet table's token of a manifest (nothing when unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stories = data["stories"]
        return {str(k): str(v) for k, v in stories.items()}, str(data.get("parquet") or "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, ""


@functools.cache
def _code_digest() -> str:
    """A digest of synoptic's own files (code, templates): rendered files of another synoptic
    are rendered again."""
    digest = hashlib.blake2b(digest_size=12)
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".css", ".js", ".jinja", ".j2") and "sample" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_parquet(store: Store, stories: list[Story], path: Path) -> bool:
    """The articles with their story and extractions (JSON) as one Parquet table, written
    atomically; skipped (False) when pyarrow is not installed (``pip install 'synoptic[dask]'``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        log.debug("pyarrow not installed; no %s", path)
        return False
    from synoptic.store.sqlite import to_json

    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    columns = ("id", "story", "title", "outlet", "url", "published", "published_how", "text", "extraction")
    schema = pa.schema([(name, pa.string()) for name in columns])
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            rows: dict[str, list[Any]] = {k: [] for k in columns}
            written = False
            # every current article of a story, in store order, PARQUET_ROWS at a time: memory
            # stays bounded however big the store is
            for article in store.articles():
                if article.id not in story_of:
                    continue
                extraction = store.get_extraction(article.id)
                rows["id"].append(article.id)
                rows["story"].append(story_of[article.id])
                rows["title"].append(article.title)
                rows["outlet"].append(article.outlet)
                rows["url"].append(article.url)
                rows["published"].append(article.published.isoformat() if article.published else None)
                rows["published_how"].append(article.published_how)
                rows["text"].append(article.text)
                rows["extraction"].append(to_json(extraction) if extraction else None)
                if len(rows["id"]) >= PARQUET_ROWS:
                    writer.write_table(pa.table(rows, schema=schema))
                    rows = {k: [] for k in columns}
                    written = True
            if rows["id"] or not written:
                writer.write_table(pa.table(rows, schema=schema))
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True


def story_summary(story: Story, brief: Brief | None) -> dict[str, Any]:
    """One line of the index (JSON-ready): the story with counts taken from its brief (none for a
    stories-only run)."""
    sources = brief.articles if brief is not None else []
    facts = brief.facts if brief is not None else []
    dates = sorted(a.published for a in sources if a.published)
    return {
        "id": story.id,
        "title": (brief.title if brief is not None else None) or story.title,
        "articles": len(story.article_ids),
        "outlets": len({a.outlet for a in sources if a.outlet}),
        "outlet_names": sorted({str(a.outlet) for a in sources if a.outlet}),
        "facts": len(facts),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "conflicts": sum(1 for f in facts if f.verdict == "conflict"),
        "json": f"stories/{story.id}.json",
        "md": f"stories/{story.id}.md",
        "html": f"stories/{story.id}.html",
    }


def _article_view(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
            "text": article.text}


def file_mode() -> int:
    """The mode a new file gets under the user's umask (``0o644`` under the usual ``022``): the
    temporary files of atomic writes are created ``0o600`` and get this before their rename."""
    global _FILE_MODE
    if _FILE_MODE is None:
        mask = None
        try:  # Linux says it without changing it (no window where another thread sees umask 0)
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("Umask:"):
                    mask = int(line.split()[1], 8)
        except (OSError, ValueError):
            pass
        if mask is None:
            mask = os.umask(0o022)
            os.umask(mask)
        _FILE_MODE = 0o666 & ~mask
    return _FILE_MODE


_FILE_MODE: int | None = None


def _write(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _stories(store: Store) -> list[Story]:
    try:
        return list(store.stories())
    except Exception:  # a new store has none
        return []


def _has_brief(store: Store, story_id: str) -> bool:
    from synoptic.errors import NotFoundError

    try:
        store.get_brief(story_id)
    except NotFoundError:
        return False
    return True
