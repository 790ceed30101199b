"""Benchmark: summary speed on the Multi-News dev clusters, with and without embedding citations.

Cases (each over the clusters' cleaned documents, reference-length budget):

1. ``split``: sentence splitting alone (pysbd, the slowest step without embeddings);
2. ``tfidf``: ``summarize_story(..., use_embeddings=False)``: selection and TF-IDF citations;
3. ``embed``: ``summarize_story`` as a brief runs it: also paraphrase citations by MiniLM
   (first ``--embed-clusters`` clusters; the model load is outside the timing).

Splitting is cached per text inside a process, so every case runs in a fresh process.
Prints a table and writes ``bench/results/summarize.json``.

Usage: .venv/bin/python bench/bench_summarize.py [--clusters 100] [--embed-clusters 20]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SYNOPTIC_SHARED", ROOT.parent / "shared")).resolve()
DATA = SHARED / "eval" / "multinews-dev" / "clusters.jsonl"


def _clusters(n: int) -> list[dict[str, Any]]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines[:n]]


def case(q: mp.Queue, name: str, n: int) -> None:
    from synoptic.summarize import clean_documents, split_sentences, summarize_story

    stories = [(clean_documents(c["documents"]), len(c["summary"].split())) for c in _clusters(n)]
    words = sum(len(a.text.split()) for arts, _ in stories for a in arts)
    if name == "embed":
        from synoptic.embed import get_embedder

        get_embedder().embed(["warm up"])
    t0 = time.perf_counter()
    out_words = citations = 0
    for arts, budget in stories:
        if name == "split":
            for a in arts:
                split_sentences(a.text)
            continue
        summary = summarize_story(arts, max_words=budget, use_embeddings=name == "embed")
        out_words += sum(len(s.text.split()) for s in summary)
        citations += sum(len(s.citations) for s in summary)
    secs = time.perf_counter() - t0
    q.put({
        "case": name,
        "clusters": n,
        "input_words": words,
        "seconds": round(secs, 2),
        "clusters_per_s": round(n / secs, 2),
        "input_words_per_s": round(words / secs),
        "summary_words": out_words,
        "citations": citations,
    })


def run_case(name: str, n: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    p = ctx.Process(target=case, args=(q, name, n))
    p.start()
    result = q.get()
    p.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=100, help="clusters for split and tfidf")
    parser.add_argument("--embed-clusters", type=int, default=20, help="clusters for the embed case")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "summarize.json"))
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"bench_summarize: {DATA} not found; put ../shared beside the checkout", file=sys.stderr)
        return 1
    rows = [run_case("split", args.clusters), run_case("tfidf", args.clusters),
            run_case("embed", args.embed_clusters)]
    print(f"{'case':6} {'clusters':>8} {'seconds':>8} {'clust/s':>8} {'in words/s':>11} {'citations':>9}")
    for r in rows:
        print(f"{r['case']:6} {r['clusters']:>8} {r['seconds']:>8} {r['clusters_per_s']:>8} "
              f"{r['input_words_per_s']:>11} {r['citations']:>9}")
    figures = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                           "load": round(os.getloadavg()[0], 1)}, "cases": rows}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
