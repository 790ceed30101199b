"""Benchmark: ingest + clean throughput and peak memory.

Cases:
1. ``seeds-10k``: the five seeds replicated to 10,000 text files with small perturbations (a
   number changed, a word dropped, the title numbered, 20 outlets each with its own footer line),
   read with ``ingest.load`` from a directory and cleaned as one batch with ``clean_articles``.
   Quality under scale is checked on the way: every gold must_keep line kept in every copy,
   every outlet footer learned and removed.
2. ``aeb``: the 181 AEB pages written out as .html files, loaded (trafilatura) and cleaned.

Each case runs in a fresh process so its peak resident memory (``ru_maxrss``) is its own.
Prints a table and writes ``bench/results/ingest.json``.

Usage: .venv/bin/python bench/bench_ingest.py [--articles 10000] [--out bench/results/ingest.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import SHARED, data_missing, default_out, peak_rss_mib, run_in_fresh_process, write_json

OUTLETS = 20


def footer(k: int) -> str:
    return f"Outlet{k} Daily, independent reporting from the region since {1900 + k}. All rights reserved."


def perturb(text: str, i: int, rng: random.Random) -> str:
    """One copy of a seed: title numbered, one number changed, one word dropped, outlet footer added."""
    lines = text.split("\n")
    first = next(n for n, ln in enumerate(lines) if ln.strip() and "»" not in ln and len(ln.split()) > 3)
    lines[first] = f"{lines[first]} (update {i})"
    body = [n for n, ln in enumerate(lines) if len(ln.split()) > 20]
    n = rng.choice(body)
    words = lines[n].split(" ")
    del words[rng.randrange(1, len(words))]
    lines[n] = " ".join(words)
    out = "\n".join(lines)
    nums = list(re.finditer(r"\b\d{2,4}\b", out))
    if nums:
        m = rng.choice(nums)
        out = out[: m.start()] + str(int(m.group()) + rng.randint(1, 9)) + out[m.end() :]
    k = (i // 5) % OUTLETS  # every outlet gets copies of all five seeds
    return f"Source From: Outlet{k} Daily\n\n{out}\n\n{footer(k)}\n"


def make_seed_corpus(folder: Path, n: int) -> None:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rng = random.Random(7)
    for i in range(n):
        name = f"{seeds[i % len(seeds)].name[:3]}_{i:05d}.txt"
        (folder / name).write_text(perturb(texts[i % len(texts)], i, rng), encoding="utf-8")


def make_aeb_corpus(folder: Path) -> None:
    for path in sorted((SHARED / "eval" / "aeb" / "html").glob("*.html.gz")):
        (folder / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))


def _case(queue: Any, name: str, articles: int) -> None:
    from synoptic.clean import clean_articles
    from synoptic.ingest import load
    from synoptic.records import Article

    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        folder = Path(tmp)
        if name == "seeds-10k":
            make_seed_corpus(folder, articles)
        else:
            make_aeb_corpus(folder)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start, cpu_start = time.perf_counter(), time.process_time()
        loaded = [a for a in load([str(folder)]) if isinstance(a, Article)]
        t_load = time.perf_counter() - start
        cleaned = clean_articles(loaded)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        result: dict[str, Any] = {
            "case": name,
            "articles": len(cleaned),
            "seconds": seconds,
            "load_seconds": t_load,
            "clean_seconds": seconds - t_load,
            "articles_per_s": len(cleaned) / seconds,
            "cpu_seconds": cpu,
            "articles_per_cpu_s": len(cleaned) / cpu,
            "peak_rss_mb": peak_rss_mib(),
            "rss_before_mb": rss_before / 1024,
        }
        if name == "seeds-10k":
            gold = json.loads((SHARED / "gold" / "kazakhstan-2022.json").read_text(encoding="utf-8"))
            keep = {k[:3]: v["must_keep"] for k, v in gold["articles"].items()}
            result["must_keep_lost"] = sum(
                1 for a in cleaned for line in keep[a.id[:3]] if line in a.raw_text and line not in a.text
            )
            result["footers_left"] = sum(1 for a in cleaned if "All rights reserved." in a.text)
            result["removed_repeated"] = sum(1 for a in cleaned for r in a.removed if r.reason == "repeated")
    queue.put(result)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="seed copies to make (default 10,000)")
    parser.add_argument("--out", default=default_out("ingest"))
    args = parser.parse_args(argv)
    if data_missing("bench_ingest", SHARED / "seeds"):
        return 1
    results = [run_in_fresh_process(_case, "seeds-10k", args.articles), run_in_fresh_process(_case, "aeb", 0)]
    print(
        f"{'case':<10} {'articles':>8} {'wall s':>7} {'load s':>7} {'clean s':>8} {'art/s':>7} "
        f"{'cpu s':>6} {'art/cpu-s':>9} {'peak MB':>8}"
    )
    for r in results:
        print(
            f"{r['case']:<10} {r['articles']:>8} {r['seconds']:>7.1f} {r['load_seconds']:>7.1f} "
            f"{r['clean_seconds']:>8.1f} {r['articles_per_s']:>7.0f} {r['cpu_seconds']:>6.1f} "
            f"{r['articles_per_cpu_s']:>9.0f} {r['peak_rss_mb']:>8.0f}"
        )
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times include contention)"
    )
    seeds = results[0]
    print(
        f"seeds-10k quality: must_keep lines lost {seeds['must_keep_lost']}, outlet footers left "
        f"{seeds['footers_left']}, repeated lines removed {seeds['removed_repeated']}"
    )
    write_json(args.out, {"bench": "ingest", "cpus": os.cpu_count(), "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
