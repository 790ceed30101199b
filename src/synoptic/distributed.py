"""The Dask runner: the same pipeline as :mod:`synoptic.pipeline`, spread over a Dask cluster.

Steps of :func:`run_distributed` (numbered here and in the code):

1. expand the sources into single inputs on the client, in the order the single-process run
   reads them, and cut them into partitions;
2. learn what to clean: each worker reads its partitions and sends back only a sketch of each
   article's lines (outlet and 64-bit line digests, a few hundred bytes), from which the client
   learns the lines each outlet repeats across the whole corpus, exactly as the single-process
   run learns them from the texts;
3. prepare on the workers, partition by partition: read again (URLs fetched in step 2 are not
   fetched twice: their articles came back then), clean with what was learned, and embed what
   the store's vector cache lacks (the client broadcasts the 64-bit keys it holds, so a re-run
   or a growing store embeds only new texts), with the model loaded once per worker and its
   thread pool sized to the worker's share of the host's cores (2 workers x 2 threads on 2
   cores embedded ~1.5x slower than 2 x 1: the threads fought over the cores; same vectors);
4. store each prepared partition on the client as it arrives, in input order, with its vectors in
   the store's vector cache; at most :data:`WINDOW_PER_WORKER` partitions per worker are in flight,
   so neither the client nor a worker ever holds the corpus;
5. cluster on the client, reading the store page by page; the vectors come from the cache (any
   it lacks, such as a rare false match of a short key, are embedded on the workers); the online
   clusterer compares each article only with the live stories of its time window, so it never
   needs all pairs;
6. extract, reconcile and brief each story on the workers (the story is the unit: entities
   and publication dates are resolved across its articles), again a bounded window at a time;
7. store the extractions and briefs, write the same files as the single-process run, and the
   articles with their extractions as Parquet (written a row group at a time).

Every step is a pure function of its inputs, so the result equals the single-process run. What
the client keeps grows with the corpus only by the line sketches of step 2 and the ids the
stories are made of (bench/bench_dask.py measures it).
"""

from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from synoptic.errors import InputError, MissingDependency
from synoptic.pipeline import RunReport, store_articles, write_outputs
from synoptic.progress import progress
from synoptic.records import Article, Brief, Extraction, Story

if TYPE_CHECKING:
    from synoptic.clean import LineSketch

log = logging.getLogger("synoptic")

PARTITION_SIZE = 200  # inputs per ingest/clean task; big enough to amortise task overhead (~ms)
# Input bytes per ingest task (a bigger file goes alone): a worker then never holds more than about
# this much of the raw corpus per task, and a few large JSON Lines files still make several tasks
# (bench_dask.py: files of 500 records are ~1 MB; with inputs only capped by count, 10,000 articles
# in 20 files were one task and its worker's peak grew with the corpus).
PARTITION_BYTES = 1 << 20
EMBED_CHUNK = 256  # texts per embedding task (vectors missing from the cache)
#: Partitions (or stories) submitted and not yet read, per worker thread: enough to keep every
#: worker busy while the client stores the last result, few enough that results never pile up.
WINDOW_PER_WORKER = 2


def _client(address: str | None, workers: int | None) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependency(
            "the Dask runner needs dask.distributed: pip install 'synoptic[dask]'") from exc
    if address:
        return Client(address)
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster)


# ---------------------------------------------------------------- work done on the workers


def _read(run: _Inputs | list[Article | InputError], fetch: bool, allow_private: bool) -> list[Article | InputError]:
    """The items of a run: read from its inputs, or the items themselves when already read."""
    from synoptic.ingest import load

    if isinstance(run, _Inputs):
        return list(load(run.inputs, fetch=fetch, allow_private=allow_private))
    return list(run)


def _sketch_partition(run: _Inputs, fetch: bool, allow_private: bool) -> tuple[list[LineSketch], list[Article | InputError] | None]:
    """Step 2 for one run: the line sketches of its articles; a run with URLs also sends back what
    it read (fetched pages are not fetched again in step 3)."""
    from synoptic.clean import sketch_lines

    items = _read(run, fetch, allow_private)
    sketches = sketch_lines([a for a in items if isinstance(a, Article)])
    return sketches, (items if run.remote else None)


def _prepare_partition(run: _Inputs | list[Article | InputError], learned: dict[str, Any], fetch: bool,
                       allow_private: bool, share: int = 1, known: frozenset[int] = frozenset(),
                       key_prefix: str = "") -> tuple[list[Article | InputError], list[str], Any]:
    """Step 3 for one run: its items with the articles cleaned, and the texts the clusterer
    embeds with their vectors, but for those whose short cache key (``key_prefix``, see
    :func:`synoptic.store.sqlite.short_cache_key`) is in ``known``: the store has them."""
    from synoptic.clean import clean_batch
    from synoptic.cluster import _embed_text
    from synoptic.store.sqlite import short_cache_key

    items = _read(run, fetch, allow_private)
    cleaned = iter(clean_batch([a for a in items if isinstance(a, Article)], learned))
    items = [next(cleaned) if isinstance(x, Article) else x for x in items]
    texts = sorted({_embed_text(a) for a in items if isinstance(a, Article)})
    if known:
        texts = [t for t in texts if short_cache_key(key_prefix, t) not in known]
    return items, texts, _embed_partition(texts, share)


def _embed_partition(texts: list[str], share: int = 1) -> Any:
    """Vectors of ``texts``; the model's thread pool gets this host's cores divided by ``share``
    (the task slots on the host), so worker processes do not fight over the same cores."""
    from synoptic.embed import get_embedder

    embedder = get_embedder()
    if getattr(embedder, "threads", False) is None:  # read when the model loads, on the first chunk
        embedder.threads = max(1, (os.cpu_count() or 1) // max(1, share))  # type: ignore[attr-defined]
    return embedder.embed(texts) if texts else None


def _brief_story(story: Story, articles: list[Article], max_words: int) -> tuple[list[Extraction], Brief]:
    from synoptic.brief import build_brief
    from synoptic.extract import extract_articles

    extractions = extract_articles(articles)
    return extractions, build_brief(story, articles, extractions, max_words=max_words)


# ---------------------------------------------------------------- on the client


def _slots_per_host(client: Any) -> int:
    """The most task slots (worker threads) any one host runs: what its cores are shared by."""
    per_host: dict[str, int] = {}
    for info in client.scheduler_info().get("workers", {}).values():
        host = str(info.get("host", ""))
        per_host[host] = per_host.get(host, 0) + int(info.get("nthreads", 1) or 1)
    return max(per_host.values(), default=1)


def _slots(client: Any) -> int:
    """Task slots of the whole cluster (at least one)."""
    return max(1, sum(int(i.get("nthreads", 1) or 1)
                      for i in client.scheduler_info().get("workers", {}).values()))


class _WorkerEmbedder:
    """The default embedder's vectors, computed on the workers in chunks (for cache misses)."""

    def __init__(self, client: Any, share: int) -> None:
        from synoptic.embed import get_embedder

        local = get_embedder()  # cheap: the model loads on first use, which never comes here
        self.name = local.name
        self.dim: int = getattr(local, "dim", None) or 0
        self.max_tokens = getattr(local, "max_tokens", "")
        self.version = getattr(local, "version", "")  # part of the store's cache key
        self.client = client
        self.share = share
        self.embedded = 0

    def embed(self, texts: list[str]) -> Any:
        import numpy as np

        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim or 0), dtype=np.float32)
        chunks = [texts[i:i + EMBED_CHUNK] for i in range(0, len(texts), EMBED_CHUNK)]
        return np.concatenate(self.client.gather(
            self.client.map(_embed_partition, chunks, share=self.share, pure=False)))


def _windowed(client: Any, fn: Any, tasks: Iterable[Any], window: int, **kwargs: Any) -> Iterator[Any]:
    """``fn(task, **kwargs)`` on the cluster for each task, results in task order, with at most
    ``window`` tasks submitted and not yet read: the results never pile up on the workers."""
    pending: deque[Any] = deque()
    source = iter(tasks)
    for task in itertools.islice(source, window):
        pending.append(client.submit(fn, task, pure=False, **kwargs))
    while pending:
        future = pending.popleft()
        result = future.result()
        del future  # released on the worker once read
        for task in itertools.islice(source, 1):
            pending.append(client.submit(fn, task, pure=False, **kwargs))
        yield result


# ---------------------------------------------------------------- the runner


def run_distributed(sources: list[str], out: str | Path, db: str | None = None, *, address: str | None = None,
                    workers: int | None = None, fetch: bool = False, allow_private: bool = False,
                    max_words: int = 200, briefs: bool = True, client: Any = None) -> RunReport:
    """Run the pipeline on a Dask cluster: an existing scheduler at ``address``, a local
    cluster of ``workers`` processes, or an already-connected ``client``."""
    from synoptic.clean import learn_from_sketches, sketch_lines
    from synoptic.pipeline import assign_stories, prepare_out_dir
    from synoptic.store import open_store

    out_dir = prepare_out_dir(out)
    report = RunReport(out=str(out_dir))
    own_client = client is None
    client = client or _client(address, workers)
    try:
        # 1. expand and partition, in the single-process reading order (stdin is read here)
        runs = _partition(sources, fetch)
        window = WINDOW_PER_WORKER * _slots(client)
        share = _slots_per_host(client)
        # 2. line sketches from the workers; learn on the client
        sketches: list[LineSketch] = []
        remote = [r for r in runs if isinstance(r, _Inputs)]
        fetched = iter(_windowed(client, _sketch_partition, remote, window,
                                 fetch=fetch, allow_private=allow_private))
        for k, r in enumerate(runs):
            if isinstance(r, _Inputs):
                part, items = next(fetched)
                sketches.extend(part)
                if items is not None:  # fetched pages: keep what was read
                    runs[k] = items
            else:
                sketches.extend(sketch_lines([a for a in r if isinstance(a, Article)]))
        learned = client.scatter([learn_from_sketches(sketches)], broadcast=True)[0]
        del sketches
        store = open_store(str(db or out_dir / "synoptic.db"))
        try:
            # 3-4. prepare on the workers, store here in input order with the vectors cached
            cache = store.cached_embedder(_WorkerEmbedder(client, share))
            # the workers skip texts whose vectors the store has (a re-run, a growing store)
            known = cache.known()
            known_future = client.scatter([known], broadcast=True)[0] if known else frozenset()
            prepared = _windowed(client, _prepare_partition, runs, window, learned=learned, fetch=fetch,
                                 allow_private=allow_private, share=share, known=known_future,
                                 key_prefix=cache.prefix)
            for items, texts, vectors in progress(prepared, "partitions", total=len(runs), unit="partition"):
                for got in items:
                    if isinstance(got, InputError):
                        log.warning("skipped %s", got)
                        report.skipped.append(got)
                store_articles(store, [a for a in items if isinstance(a, Article)], report)
                if texts:
                    cache.put(texts, vectors)
                    report.embedded_on_workers += len(texts)
            runs.clear()
            # 5. cluster here, reading the store page by page, vectors from the cache
            report.stories = assign_stories(store, embedder=cache.inner)
            report.embedded_on_workers += cache.inner.embedded
            # 6. one task per story, a window at a time
            stories = report.stories if briefs else []
            jobs = ((story, list(store.articles(story.article_ids))) for story in stories)
            done = _windowed(client, _brief_job, jobs, window, max_words=max_words)
            # 7. store and write
            for story, (extractions, brief) in zip(stories, done, strict=True):
                for extraction in extractions:
                    store.put_extraction(extraction)
                store.put_brief(story.id, brief)
                report.briefs[story.id] = brief
                report.changed.append(story.id)
            write_outputs(store, report.stories, report.briefs, out_dir)
        finally:
            store.close()
    finally:
        if own_client:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return report


def _brief_job(job: tuple[Story, list[Article]], max_words: int) -> tuple[list[Extraction], Brief]:
    story, articles = job
    return _brief_story(story, articles, max_words)


@dataclass
class _Inputs:
    """A run of file or URL inputs that one worker task reads, their size in bytes, and whether
    any is fetched over the network (``remote``). Not a list: Dask would rebuild a list argument
    as a plain one."""

    inputs: list[str]
    nbytes: int = 0
    remote: bool = False


def _partition(sources: list[str], fetch: bool) -> list[_Inputs | list[Article | InputError]]:
    """Step 1: the sources as runs, in reading order: inputs for one worker task (files up to
    :data:`PARTITION_SIZE` inputs and :data:`PARTITION_BYTES`; URLs in runs of their own), or
    items already read here (stdin, and inputs that could not be expanded)."""
    from synoptic.ingest import load
    from synoptic.ingest.sources import expand

    runs: list[_Inputs | list[Article | InputError]] = []
    for item in expand(sources):
        if isinstance(item, InputError):
            runs.append([item])
        elif item == "-":
            runs.append(list(load(["-"])))
        else:
            remote = fetch and item.startswith(("http://", "https://"))
            size, last = _size(item), runs[-1] if runs else None
            if (isinstance(last, _Inputs) and last.remote == remote and len(last.inputs) < PARTITION_SIZE
                    and last.nbytes + size <= PARTITION_BYTES):
                last.inputs.append(item)
                last.nbytes += size
            else:
                runs.append(_Inputs([item], nbytes=size, remote=remote))
    return runs


def _size(item: str) -> int:
    """Bytes of a local file input (0 for a URL or anything unreadable: ingest reports those)."""
    try:
        return os.path.getsize(item) if os.path.isfile(item) else 0
    except OSError:
        return 0
