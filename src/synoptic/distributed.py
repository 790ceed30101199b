"""The Dask runner: the same pipeline as :mod:`synoptic.pipeline`, spread over a Dask cluster.

Steps of :func:`run_distributed` (numbered here and in the code):

1. expand the sources into single inputs on the client, in the order the single-process run
   reads them, and cut them into partitions;
2. ingest the partitions on the workers (parsing, HTML extraction: the costly part of reading);
3. clean: the lines each outlet repeats are counted per partition on the workers, summed on the
   client, and every partition is cleaned on the workers with the summed counts, so cleaning
   learns from the whole corpus exactly as the single-process run does;
4. embed on the workers, partition by partition, with the model loaded once per worker;
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
from pathlib import Path
from typing import Any

from synoptic.errors import InputError, MissingDependency
from synoptic.pipeline import RunReport, store_articles, write_outputs
from synoptic.records import Article, Extraction, Story

log = logging.getLogger("synoptic")

PARTITION_SIZE = 200  # inputs per ingest task; big enough to amortise task overhead (~ms) on 2 cores


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


def _count_lines(articles: list[Article]) -> Any:
    from synoptic.clean import count_repeated_lines

    return count_repeated_lines(articles)


def _clean_partition(articles: list[Article], counts: Any) -> list[Article]:
    from synoptic.clean import clean_with_counts

    return clean_with_counts(articles, counts)


def _embed_partition(articles: list[Article]) -> Any:
    from synoptic.cluster import article_vectors

    return article_vectors(articles)


def _brief_story(story: Story, articles: list[Article], max_words: int) -> tuple[list[Extraction], dict[str, Any]]:
    from synoptic.brief import build_brief, to_json
    from synoptic.extract import extract_articles

    extractions = extract_articles(articles)
    return extractions, to_json(build_brief(story, articles, extractions, max_words=max_words))


# ---------------------------------------------------------------- the runner


def run_distributed(sources: list[str], out: str | Path, db: str | None = None, *, address: str | None = None,
                    workers: int | None = None, fetch: bool = False, allow_private: bool = False,
                    max_words: int = 200, client: Any = None) -> RunReport:
    """Run the pipeline on a Dask cluster: an existing scheduler at ``address``, a local
    cluster of ``workers`` processes, or an already-connected ``client``."""
    from synoptic.ingest import expand_sources
    from synoptic.store import open_store

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = RunReport(out=str(out_dir))
    own_client = client is None
    client = client or _client(address, workers)
    try:
        # 1. expand and partition, in the single-process reading order
        inputs = list(expand_sources(sources, fetch=fetch))
        parts = [inputs[i:i + PARTITION_SIZE] for i in range(0, len(inputs), PARTITION_SIZE)]
        # 2. ingest on the workers
        loaded = client.gather(client.map(_load_partition, parts, fetch=fetch, allow_private=allow_private,
                                          pure=False))
        raw_parts: list[list[Article]] = []
        for part in loaded:
            kept = []
            for item in part:
                if isinstance(item, InputError):
                    log.warning("skipped %s", item)
                    report.skipped.append(item)
                else:
                    kept.append(item)
            raw_parts.append(kept)
        # 3. clean with corpus-wide repeated-line counts
        raw_futures = client.scatter(raw_parts)
        counts = _sum_counts(client.gather(client.map(_count_lines, raw_futures)))
        counts_future = client.scatter(counts, broadcast=True)
        cleaned_parts = client.gather(client.map(_clean_partition, raw_futures, counts=counts_future))
        articles = [a for part in cleaned_parts for a in part]
        # 4. embed on the workers
        vectors = client.gather(client.map(_embed_partition, cleaned_parts))
        # 5. store and cluster on the client
        from synoptic.cluster import cluster_articles

        store = open_store(str(db or out_dir / "synoptic.db"))
        try:
            store_articles(store, articles, report)
            current = list(store.articles())
            precomputed = _join_vectors(cleaned_parts, vectors)
            report.stories = cluster_articles(current, vectors=precomputed)
            store.put_stories(report.stories)
            # 6. one task per story
            by_id = {a.id: a for a in current}
            futures = [client.submit(_brief_story, story, [by_id[i] for i in story.article_ids], max_words,
                                     pure=False) for story in report.stories]
            # 7. store and write
            for story, (extractions, brief) in zip(report.stories, client.gather(futures), strict=True):
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


def _sum_counts(parts: list[Any]) -> Any:
    from synoptic.clean import merge_line_counts

    return merge_line_counts(parts)


def _join_vectors(parts: list[list[Article]], vectors: list[Any]) -> dict[str, Any]:
    joined: dict[str, Any] = {}
    for part, vecs in zip(parts, vectors, strict=True):
        for article, vec in zip(part, vecs, strict=True):
            joined[article.id] = vec
    return joined
