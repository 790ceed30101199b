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
from typing import Any

from _common import SHARED, data_missing, default_out, machine, run_in_fresh_process, write_json

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=100, help="clusters for split and tfidf")
    parser.add_argument("--embed-clusters", type=int, default=20, help="clusters for the embed case")
    parser.add_argument("--out", default=default_out("summarize"))
    args = parser.parse_args(argv)
    if data_missing("bench_summarize", DATA):
        return 1
    sizes = [("split", args.clusters), ("tfidf", args.clusters), ("embed", args.embed_clusters)]
    rows = [run_in_fresh_process(case, name, n) for name, n in sizes]
    print(f"{'case':6} {'clusters':>8} {'seconds':>8} {'clust/s':>8} {'in words/s':>11} {'citations':>9}")
    for r in rows:
        print(f"{r['case']:6} {r['clusters']:>8} {r['seconds']:>8} {r['clusters_per_s']:>8} "
              f"{r['input_words_per_s']:>11} {r['citations']:>9}")
    write_json(args.out, {"machine": machine(load=round(os.getloadavg()[0], 1)), "cases": rows})
    return 0


if __name__ == "__main__":
    sys.exit(main())
