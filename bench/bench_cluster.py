"""Benchmark: story clustering throughput and peak memory at growing corpus sizes.

Cases:

1. ``embed``: the embedding model alone (all-MiniLM-L6-v2 int8 ONNX, the texts the clusterer
   embeds: title + lead, 128 word pieces): articles per second, and single sentences per second.
   This is the physical bound of the end-to-end figure.
2. ``cluster-N`` for each size N (default 1,000 and 10,000; ``--sizes 1000,10000,100000``):
   ``cluster_articles`` end to end (features, embeddings, online clustering) over N articles made
   from the 535 ECB+ dev articles: copy r of the corpus is the same news ``r x 200`` days later
   (``published`` set; beyond the clusterer's time window, so copies are mostly different stories
   in time; a copy dated a year or two after a year its text names may join an earlier copy's
   story as a follow-up, as a late report on an old event would), with small perturbations (a
   word dropped, a number changed, a copy tag appended) so no two texts are equal. Also reports the
   time spent outside the embedder.
3. ``online-N`` for each size in ``--online-sizes`` (default 1,000, 10,000 and 100,000): the same
   corpus, but every copy reuses the embedding of its ECB+ original (computed once, not timed),
   so the figure is the clustering alone: features, candidate search, scoring, merges. This shows
   how the online part grows with the corpus; end to end is bounded by the embedder (case 1).

Each case runs in a fresh process so its peak resident memory (``ru_maxrss``) is its own.
Prints a table and writes ``bench/results/cluster.json``.

Usage: .venv/bin/python bench/bench_cluster.py [--sizes 1000,10000] [--out bench/results/cluster.json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import re
import sys
import time
from typing import Any

from _common import (
    ECB_DATA,
    data_missing,
    default_out,
    ecb_copies,
    machine,
    peak_rss_mib,
    run_in_fresh_process,
    write_json,
)

DATA = ECB_DATA


def _drop_word(words: list[str], rng: random.Random) -> list[str]:
    if len(words) > 10:
        del words[rng.randrange(1, len(words))]
    return words


def corpus(n: int, seed: int = 7) -> list[Any]:
    """``n`` articles: perturbed (one word dropped), time-shifted copies of the ECB+ dev articles."""
    from synoptic.records import Article

    return [Article(id=d["id"], text=d["text"], published=d["published"]) for d in ecb_copies(n, seed, _drop_word)]


def case_embed(q: mp.Queue, n: int) -> None:
    from synoptic.cluster import _embed_text
    from synoptic.embed import get_embedder

    arts = corpus(n)
    emb = get_embedder()
    emb.embed(["warm up"])
    texts = [_embed_text(a) for a in arts]
    t0 = time.perf_counter()
    emb.embed(texts)
    secs = time.perf_counter() - t0
    sentences = [s for a in arts[:200] for s in re.split(r"(?<=[.!?])\s+", a.text) if len(s.split()) > 3]
    t1 = time.perf_counter()
    emb.embed(sentences)
    ssecs = time.perf_counter() - t1
    q.put(
        {
            "case": "embed",
            "articles": n,
            "seconds": round(secs, 2),
            "articles_per_s": round(n / secs, 1),
            "sentences": len(sentences),
            "sentences_per_s": round(len(sentences) / ssecs, 1),
            "peak_rss_mib": round(peak_rss_mib(), 1),
        }
    )


class _TimedEmbedder:
    """Wraps the default embedder to count the seconds spent in it."""

    def __init__(self) -> None:
        from synoptic.embed import get_embedder

        self.inner = get_embedder()
        self.name = self.inner.name
        self.dim = self.inner.dim
        self.seconds = 0.0

    def embed(self, texts: list[str]) -> Any:
        t = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - t


def _cluster_row(case: str, n: int, stories: list[Any], secs: float, **extra: Any) -> dict[str, Any]:
    """The figures of one clustering case; ``extra`` goes between the throughput and the peak memory."""
    return {
        "case": case,
        "articles": n,
        "stories": len(stories),
        "seconds": round(secs, 2),
        "articles_per_s": round(n / secs, 1),
        **extra,
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def case_cluster(q: mp.Queue, n: int) -> None:
    from synoptic.cluster import cluster_articles

    arts = corpus(n)
    emb = _TimedEmbedder()
    emb.embed(["warm up"])
    emb.seconds = 0.0
    t0 = time.perf_counter()
    stories = cluster_articles(arts, embedder=emb)
    secs = time.perf_counter() - t0
    q.put(
        _cluster_row(
            f"cluster-{n}",
            n,
            stories,
            secs,
            embed_seconds=round(emb.seconds, 2),
            cluster_seconds=round(secs - emb.seconds, 2),
            cluster_only_articles_per_s=round(n / max(secs - emb.seconds, 1e-9), 1),
        )
    )


class _ReusedVectors:
    """Gives each copy the vector of its ECB+ original (by article id prefix)."""

    name = "reused"
    dim = 384

    def __init__(self, vectors: dict[str, Any], ids: list[str]) -> None:
        self.vectors = vectors
        self.queue = list(reversed(ids))

    def embed(self, texts: list[str]) -> Any:
        import numpy as np

        return np.stack([self.vectors[self.queue.pop().rsplit("-", 1)[0]] for _ in texts])


def case_online(q: mp.Queue, n: int) -> None:
    from synoptic.cluster import _embed_text, cluster_articles
    from synoptic.embed import get_embedder
    from synoptic.records import Article

    base = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    vecs = get_embedder().embed([_embed_text(Article(id=r["id"], text=r["text"])) for r in base])
    vectors = {r["id"]: v for r, v in zip(base, vecs, strict=True)}
    arts = corpus(n)
    emb = _ReusedVectors(vectors, [a.id for a in arts])
    t0 = time.perf_counter()
    stories = cluster_articles(arts, embedder=emb)
    secs = time.perf_counter() - t0
    q.put(_cluster_row(f"online-{n}", n, stories, secs, cluster_seconds=round(secs, 2)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="end-to-end corpus sizes, comma-separated")
    parser.add_argument(
        "--online-sizes", default="1000,10000,100000", help="clustering-only corpus sizes (reused vectors)"
    )
    parser.add_argument("--embed-articles", type=int, default=1000, help="articles for the embed case")
    parser.add_argument("--out", default=default_out("cluster"))
    args = parser.parse_args(argv)
    if data_missing("bench_cluster", DATA):
        return 1
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = [run_in_fresh_process(case_embed, args.embed_articles)]
    print(
        f"{'case':14} {'articles':>9} {'stories':>8} {'seconds':>8} {'art/s':>8} {'embed s':>8} "
        f"{'cluster s':>9} {'peak MiB':>9}",
        flush=True,
    )

    def show(r: dict[str, Any]) -> None:
        print(
            f"{r['case']:14} {r['articles']:>9} {r.get('stories', ''):>8} {r['seconds']:>8} "
            f"{r['articles_per_s']:>8} {r.get('embed_seconds', r['seconds']):>8} "
            f"{r.get('cluster_seconds', ''):>9} {r['peak_rss_mib']:>9}",
            flush=True,
        )

    show(rows[0])
    print(f"{'':14} embedder alone: {rows[0]['sentences_per_s']} sentences/s", flush=True)
    for n in sizes:
        rows.append(run_in_fresh_process(case_cluster, n))
        show(rows[-1])
    for n in [int(x) for x in args.online_sizes.split(",") if x.strip()]:
        rows.append(run_in_fresh_process(case_online, n))
        show(rows[-1])
    for prefix in ("cluster-", "online-"):
        runs = [r for r in rows if r["case"].startswith(prefix)]
        if len(runs) >= 2:
            a, b = runs[0], runs[-1]
            growth = (b["cluster_seconds"] / max(a["cluster_seconds"], 1e-9)) / (
                b["articles"] / a["articles"]
            )
            print(
                f"{prefix[:-1]}: clustering seconds per article, {b['articles']} vs {a['articles']}: "
                f"x{growth:.2f} (1.0 = linear)"
            )
    write_json(args.out, {"machine": machine(), "cases": rows})
    return 0


if __name__ == "__main__":
    sys.exit(main())
