"""The Dask runner: the same pipeline as :mod:`synoptic.pipeline`, spread over a Dask cluster.

Steps of :func:`run_distributed` (numbered here and in the code):

1. expand the sources into single inputs on the client, in the order the single-process run
   reads them, and cut them into partitions;
2. ingest the partitions on the workers (parsing, HTML extraction: the costly part of reading);
3. clean: the lines each outlet repeats are learned once on the client from the whole corpus
   (cheap: sets of lines), and every partition is cleaned on the workers with what was learned,
   exactly as the single-process run cleans;
4. embed on the workers, partition by partition, with the model loaded once per worker and
   its thread pool sized to the worker's share of the host's cores (2 workers x 2 threads on 2
   cores embedded ~1.5x slower than 2 x 1: the threads fought over the cores; same vectors);
5. store the articles and cluster them on the client: the online clusterer compares each
   article only with the live stories of its time window, so it never needs all pairs;
6. extract, reconcile and brief each story on the workers (the story is the unit: entities
   and publication dates are resolved across its articles);
7. store the extractions and briefs, write the same files as the single-process run, and the
   articles with their extractions as Parquet.

Every step is a pure function of its inputs, so the result equals the single-process run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synoptic.errors import InputError, MissingDependency
from synoptic.pipeline import RunReport, store_articles, write_outputs
from synoptic.records import Article, Extraction, Story

log = logging.getLogger("synoptic")

PARTITION_SIZE = 200  # inputs per ingest/clean task; big enough to amortise task overhead (~ms)
# Input bytes per ingest task (a bigger file goes alone): a worker then never holds more than about
# this much of the raw corpus per task, and a few large JSON Lines files still make several tasks
# (bench_dask.py: files of 500 records are ~1 MB; with inputs only capped by count, 10,000 articles
# in 20 files were one task and its worker's peak grew with the corpus).
PARTITION_BYTES = 1 << 20
EMBED_CHUNK = 256  # texts per embedding task


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


def _load_partition(inputs: list[str], fetch: bool, allow_private: bool) -> list[Article | InputError]:
    from synoptic.ingest import load

    return list(load(inputs, fetch=fetch, allow_private=allow_private))


def _clean_partition(articles: list[Article], learned: dict[str, frozenset[str]]) -> list[Article]:
    from synoptic.clean import clean_batch

    return clean_batch(articles, learned)


def _embed_partition(texts: list[str], share: int = 1) -> Any:
    """Vectors of ``texts``; the model's thread pool gets this host's cores divided by ``share``
    (the task slots on the host), so worker processes do not fight over the same cores."""
    from synoptic.embed import get_embedder

    embedder = get_embedder()
    if getattr(embedder, "threads", False) is None:  # read when the model loads, on the first chunk
        embedder.threads = max(1, (os.cpu_count() or 1) // max(1, share))  # type: ignore[attr-defined]
    return embedder.embed(texts) if texts else None


def _slots_per_host(client: Any) -> int:
    """The most task slots (worker threads) any one host runs: what its cores are shared by."""
    per_host: dict[str, int] = {}
    for info in client.scheduler_info().get("workers", {}).values():
        host = str(info.get("host", ""))
        per_host[host] = per_host.get(host, 0) + int(info.get("nthreads", 1) or 1)
    return max(per_host.values(), default=1)


class _Precomputed:
    """An embedder that answers from vectors the workers computed (keyed by the embedded text)."""

    def __init__(self, vectors: dict[str, Any]) -> None:
        self.vectors = vectors
        first = next(iter(vectors.values()), None)
        self.dim = int(first.shape[-1]) if first is not None else 0
        self.name = "precomputed"

    def embed(self, texts: list[str]) -> Any:
        import numpy as np

        return np.stack([self.vectors[t] for t in texts])


def _brief_story(story: Story, articles: list[Article], max_words: int) -> tuple[list[Extraction], dict[str, Any]]:
    from synoptic.brief import build_brief, to_json
    from synoptic.extract import extract_articles

    extractions = extract_articles(articles)
    return extractions, to_json(build_brief(story, articles, extractions, max_words=max_words))


# ---------------------------------------------------------------- the runner


def run_distributed(sources: list[str], out: str | Path, db: str | None = None, *, address: str | None = None,
                    workers: int | None = None, fetch: bool = False, allow_private: bool = False,
                    max_words: int = 200, briefs: bool = True, client: Any = None) -> RunReport:
    """Run the pipeline on a Dask cluster: an existing scheduler at ``address``, a local
    cluster of ``workers`` processes, or an already-connected ``client``."""
    from synoptic.clean import learn_batch
    from synoptic.cluster import _embed_text, cluster_articles
    from synoptic.ingest import load
    from synoptic.ingest.sources import expand
    from synoptic.store import open_store

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = RunReport(out=str(out_dir))
    own_client = client is None
    client = client or _client(address, workers)
    try:
        # 1. expand and partition, in the single-process reading order (stdin is read here)
        # a run is either inputs for one worker task (_Inputs) or items already read here
        runs: list[_Inputs | list[Article | InputError]] = []
        for item in expand(sources):
            if isinstance(item, InputError):
                runs.append([item])
            elif item == "-":
                runs.append(list(load(["-"])))
            else:
                size, last = _size(item), runs[-1] if runs else None
                if (isinstance(last, _Inputs) and len(last) < PARTITION_SIZE
                        and last.nbytes + size <= PARTITION_BYTES):
                    last.append(item)
                    last.nbytes += size
                else:
                    runs.append(_Inputs([item], nbytes=size))
        # 2. ingest on the workers
        futures = {i: client.submit(_load_partition, list(r), fetch, allow_private, pure=False)
                   for i, r in enumerate(runs) if isinstance(r, _Inputs)}
        raw: list[Article] = []
        for i, r in enumerate(runs):
            items: list[Article | InputError] = futures.pop(i).result() if i in futures else r  # type: ignore[assignment]
            for got in items:
                if isinstance(got, InputError):
                    log.warning("skipped %s", got)
                    report.skipped.append(got)
                else:
                    raw.append(got)
        # 3. learn on the client from the whole corpus, clean partitions on the workers
        learned = client.scatter([learn_batch(raw)], broadcast=True)[0]  # one object, not a dict of futures
        parts = [raw[i:i + PARTITION_SIZE] for i in range(0, len(raw), PARTITION_SIZE)]
        articles = [a for part in _in_order(client.map(_clean_partition, parts, learned=learned, pure=False))
                    for a in part]
        del parts, raw  # the client keeps only the cleaned articles
        store = open_store(str(db or out_dir / "synoptic.db"))
        try:
            # 4. store; embed every current article on the workers
            store_articles(store, articles, report)
            current = list(store.articles())
            texts = sorted({_embed_text(a) for a in current})
            chunks = [texts[i:i + EMBED_CHUNK] for i in range(0, len(texts), EMBED_CHUNK)]
            vectors: dict[str, Any] = {}
            for chunk, vecs in zip(chunks, client.gather(
                    client.map(_embed_partition, chunks, share=_slots_per_host(client), pure=False)),
                                   strict=True):
                vectors.update(zip(chunk, vecs, strict=True))
            # 5. cluster on the client with the workers' vectors
            report.stories = cluster_articles(current, embedder=_Precomputed(vectors))
            store.put_stories(report.stories)
            # 6. one task per story
            by_id = {a.id: a for a in current}
            story_futures = [client.submit(_brief_story, story, [by_id[i] for i in story.article_ids],
                                           max_words, pure=False)
                             for story in (report.stories if briefs else [])]
            # 7. store and write
            for story, (extractions, brief) in zip(report.stories if briefs else [],
                                                   _in_order(story_futures), strict=True):
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


class _Inputs(list[str]):
    """A run of file or URL inputs that one worker task reads, and their size in bytes."""

    def __init__(self, inputs: list[str], nbytes: int = 0) -> None:
        super().__init__(inputs)
        self.nbytes = nbytes


def _size(item: str) -> int:
    """Bytes of a local file input (0 for a URL or anything unreadable: ingest reports those)."""
    try:
        return os.path.getsize(item) if os.path.isfile(item) else 0
    except OSError:
        return 0


def _in_order(futures: list[Any]) -> Iterator[Any]:
    """The results of ``futures`` in order, each future dropped as soon as it is read, so the
    workers release a result once the client has it instead of holding all until the end."""
    pending = list(reversed(futures))
    futures.clear()
    while pending:
        yield pending.pop().result()
