"""Benchmark: the Dask runner against the single-process run, throughput and peak memory.

Corpus: ``N`` articles made from the 535 ECB+ dev articles (``../shared/eval/ecbplus-dev``),
written as JSON Lines files of ``--per-file`` records (default 500) in a temporary folder. Copy
``r`` of the corpus is the same news ``r x 200`` days later (``published`` set; beyond the
clusterer's time window and retirement, so copies are different stories in time) with small
perturbations: two neighbouring words of the lead swapped and the copy number put at the end of
the first embedded line (so every text the clusterer embeds is new work, nothing is answered from
a cache), the first number of the text changed now and then, a copy tag appended. Ids are new per copy.

Configurations (each in a fresh process, so its peak memory is its own):

1. ``single``: ``synoptic.pipeline.run(files, out, briefs=...)`` in one process: wall seconds,
   CPU seconds (user + system), peak resident memory (``ru_maxrss``).
2. ``dask``: ``run_distributed(files, out, client=...)`` on a ``LocalCluster`` of 2 worker
   processes with 1 thread each. The cluster start is timed apart (``startup s``) and not counted
   in the throughput; the model loads inside the run, as in the single process. Each worker's
   resident memory is sampled every ``SAMPLE_SECONDS`` by a background thread through
   ``client.run`` (psutil), keeping the maximum; worker CPU seconds are read the same way before
   and after. The client's peak is its own ``ru_maxrss``: the scheduler of a LocalCluster runs
   in the client's process, so that figure covers both.

Modes: ``stories`` (``briefs=False``: ingest, clean, store, embed, cluster) at each of
``--sizes`` (default 1,000 and 10,000; ``--big`` adds 100,000), and ``full`` (extraction,
reconciliation and briefs too) at ``--full-sizes`` (default 1,000). Every Dask run is checked
to give the same story of every article as the single run of the same corpus (``same``).

The code measured is a snapshot of the last commit (``git archive HEAD src``, put first on
``PYTHONPATH`` of every process, workers included), so edits made to the working tree while the
benchmark runs cannot change the code between configurations; ``--live`` measures the working
tree instead.

Prints a table and writes ``bench/results/dask.json``.

Usage: .venv/bin/python bench/bench_dask.py [--sizes 1000,10000] [--full-sizes 1000] [--big]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from _common import (
    ECB_DATA,
    ROOT,
    cpu_seconds,
    data_missing,
    default_out,
    ecb_copies,
    machine,
    peak_rss_mib,
    run_in_fresh_process,
    write_json,
)

DATA = ECB_DATA
WORKERS = 2
SAMPLE_SECONDS = 1.0  # worker memory sampling period; a worker's RSS moves slowly next to a task's length
LEAD_WORDS = 60  # the swapped pair lies in the first words, inside the lead the clusterer embeds


def _swap_in_lead(words: list[str], rng: random.Random) -> list[str]:
    if len(words) > 4:
        i = rng.randrange(1, min(len(words), LEAD_WORDS) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return words


def _mark_lead(text: str, copy: str) -> str:
    """The copy number at the end of the first line the clusterer embeds (URL lines are not
    embedded), so no two copies share the text the embedder sees: with only the swap, copies
    collided often enough at 100,000 articles for the vector cache to answer (the single process
    checks its cache, the Dask workers do not)."""
    from synoptic.cluster import _URL_LINE  # the URL lines the clusterer leaves out

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _URL_LINE.match(line):
            lines[i] = f"{line} [{copy}]"
            break
    return "\n".join(lines)


def write_corpus(n: int, folder: Path, per_file: int = 500, seed: int = 7) -> list[str]:
    """Write ``n`` perturbed (two lead words swapped), time-shifted copies of the ECB+ dev articles
    as JSON Lines files of ``per_file`` records under ``folder``; returns the file paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    out = None
    for k, record in enumerate(ecb_copies(n, seed, _swap_in_lead)):
        if k % per_file == 0:
            if out is not None:
                out.close()
            path = folder / f"part-{len(files):05d}.jsonl"
            files.append(str(path))
            out = path.open("w", encoding="utf-8")
        assert out is not None
        record["text"] = _mark_lead(record["text"], record["id"].rsplit("-", 1)[1])
        record["published"] = record["published"].isoformat()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return files


def _assignment_digest(report: Any) -> str:
    """A short digest of which story every article is in (equal digests: equal grouping)."""
    pairs = sorted((aid, s.id) for s in report.stories for aid in s.article_ids)
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:16]


def _report_figures(report: Any, load: float) -> dict[str, Any]:
    """The figures every runner reports about the run itself (same keys, same order)."""
    return {
        "articles_read": report.new + report.updated + report.unchanged,
        "stories": len(report.stories),
        "briefs": len(report.briefs),
        "skipped": len(report.skipped),
        "digest": _assignment_digest(report),
        "load_1min_at_start": round(load, 2),
    }


def case_single(q: Any, files: list[str], briefs: bool, out: str) -> None:
    """One process: ``pipeline.run``."""
    import synoptic
    from synoptic.pipeline import run

    print(f"  single process runs {Path(synoptic.__file__).parent}", file=sys.stderr, flush=True)
    load = os.getloadavg()[0]
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    report = run(files, out, briefs=briefs)
    wall = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    q.put(
        {
            "runner": "single",
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu_seconds() - cpu0 + children.ru_utime + children.ru_stime, 1),
            "peak_mib": round(peak_rss_mib(), 1),
            "children_peak_mib": round(children.ru_maxrss / 1024.0, 1),
            **_report_figures(report, load),
        }
    )


def case_dask(q: Any, files: list[str], briefs: bool, out: str) -> None:
    """A LocalCluster of ``WORKERS`` processes, 1 thread each: ``run_distributed``."""
    import psutil
    from dask.distributed import Client, LocalCluster

    from synoptic.distributed import run_distributed

    def worker_rss() -> int:  # runs on each worker (pickled by value: nested)
        import psutil as ps

        return int(ps.Process().memory_info().rss)

    def worker_code() -> str:
        import synoptic

        return str(Path(synoptic.__file__).parent)

    def worker_cpu() -> float:
        import psutil as ps

        t = ps.Process().cpu_times()
        return float(t.user + t.system)

    load = os.getloadavg()[0]
    t_start = time.perf_counter()
    cluster = LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    client.wait_for_workers(WORKERS)
    startup = time.perf_counter() - t_start
    peaks: dict[str, int] = {}
    samples: list[tuple[float, int, int]] = []  # (seconds since start, max worker RSS, client RSS)
    stop = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        try:
            rss = client.run(worker_rss)
        except Exception:  # a worker busy restarting, or the cluster closing: skip this sample
            return
        for addr, value in rss.items():
            peaks[addr] = max(peaks.get(addr, 0), value)
        samples.append((time.perf_counter() - t0, max(rss.values(), default=0), me.memory_info().rss))

    def sampler() -> None:
        while not stop.wait(SAMPLE_SECONDS):
            sample()

    try:
        print(f"  dask workers run {sorted(set(client.run(worker_code).values()))}", file=sys.stderr, flush=True)
        cpu_w0 = client.run(worker_cpu)
        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        sample()
        thread = threading.Thread(target=sampler, daemon=True)
        thread.start()
        report = run_distributed(files, out, client=client, briefs=briefs)
        wall = time.perf_counter() - t0
        stop.set()
        thread.join()
        sample()
        cpu_client = cpu_seconds() - cpu0
        cpu_w1 = client.run(worker_cpu)
        worker_cpu_s = sum(cpu_w1[a] - cpu_w0.get(a, 0.0) for a in cpu_w1)
    finally:
        stop.set()
        client.close()
        cluster.close()
    mib = 1024.0 * 1024.0
    q.put(
        {
            "runner": f"dask-{WORKERS}",
            "wall_s": round(wall, 2),
            "startup_s": round(startup, 2),
            "cpu_s": round(cpu_client + worker_cpu_s, 1),
            "client_cpu_s": round(cpu_client, 1),
            "workers_cpu_s": round(worker_cpu_s, 1),
            "peak_mib": round(peak_rss_mib(), 1),
            "worker_peak_mib": [round(v / mib, 1) for v in sorted(peaks.values())],
            "memory_samples": len(samples),
            # a coarse trace: about 12 samples spread over the run (seconds, max worker MiB, client MiB)
            "trace": [(round(t, 1), round(w / mib), round(c / mib)) for t, w, c in samples[:: max(1, len(samples) // 12)]],
            **_report_figures(report, load),
        }
    )


def snapshot(folder: Path) -> str:
    """Extract ``src`` of the last commit under ``folder`` and put it first on ``PYTHONPATH`` for
    every process started from now on; returns the commit measured."""
    folder.mkdir(parents=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", "src"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    sys.path.insert(0, str(folder / "src"))  # spawned processes start from the parent's sys.path
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(folder / "src"), os.environ.get("PYTHONPATH", "")) if p)
    return f"commit {commit}"


HEADER = (
    f"{'mode':8} {'runner':7} {'articles':>8} {'stories':>7} {'wall s':>8} {'art/s':>7} {'CPU s':>7} "
    f"{'peak MiB':>8} {'workers MiB':>13} {'start s':>7} {'load':>5} {'same':>5}"
)


def show(r: dict[str, Any]) -> None:
    """One table row."""
    workers = "/".join(f"{v:.0f}" for v in r.get("worker_peak_mib", [])) or "-"
    same = {True: "yes", False: "NO", None: "-"}[r.get("same_as_single")]
    print(
        f"{r['mode']:8} {r['runner']:7} {r['articles']:>8} {r['stories']:>7} {r['wall_s']:>8} "
        f"{r['articles_per_s']:>7} {r['cpu_s']:>7} {r['peak_mib']:>8} {workers:>13} "
        f"{r.get('startup_s', '-'):>7} {r['load_1min_at_start']:>5} {same:>5}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run every configuration, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="stories-only corpus sizes, comma-separated")
    parser.add_argument("--full-sizes", default="1000", help="full-mode (briefs) corpus sizes, comma-separated")
    parser.add_argument("--big", action="store_true", help="also run stories-only at 100,000 articles")
    parser.add_argument("--per-file", type=int, default=500, help="records per JSON Lines file")
    parser.add_argument("--live", action="store_true", help="measure the working tree, not a snapshot of HEAD")
    parser.add_argument("--out", default=default_out("dask"))
    args = parser.parse_args(argv)
    if data_missing("bench_dask", DATA):
        return 1
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([100_000] if args.big else [])
    full_sizes = [int(s) for s in args.full_sizes.split(",") if s.strip()]
    plan = [("stories", n) for n in sizes] + [("full", n) for n in full_sizes]
    load_start = [round(x, 2) for x in os.getloadavg()]
    print(f"load average at start (1/5/15 min): {load_start}; cpus: {os.cpu_count()}", flush=True)
    rows: list[dict[str, Any]] = []
    t_all = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        code = "working tree"
        if not args.live:
            code = snapshot(Path(tmp) / "code")
        print(f"code measured: {code}", flush=True)
        print(HEADER, flush=True)
        corpora: dict[int, list[str]] = {}
        for mode, n in plan:
            if n not in corpora:
                corpora[n] = write_corpus(n, Path(tmp) / f"corpus-{n}", per_file=args.per_file)
            single_digest = None
            for name, target in (("single", case_single), ("dask", case_dask)):
                out = str(Path(tmp) / f"out-{mode}-{n}-{name}")
                r = run_in_fresh_process(target, corpora[n], mode == "full", out)
                r.update(mode=mode, articles=n, files=len(corpora[n]),
                         articles_per_s=round(n / max(r["wall_s"], 1e-9), 1))
                if name == "single":
                    single_digest = r["digest"]
                else:
                    r["same_as_single"] = r["digest"] == single_digest
                rows.append(r)
                show(r)
    total = time.perf_counter() - t_all
    print(f"total {total:.0f} s", flush=True)
    for mode in ("stories", "full"):
        for n in sorted({r["articles"] for r in rows if r["mode"] == mode}):
            one, two = (next(r for r in rows if r["mode"] == mode and r["articles"] == n and r["runner"] == k)
                        for k in ("single", f"dask-{WORKERS}"))
            print(f"{mode} {n}: dask/single speed x{one['wall_s'] / two['wall_s']:.2f}; CPU s "
                  f"{one['cpu_s']} vs {two['cpu_s']} (client {two['client_cpu_s']}, workers "
                  f"{two['workers_cpu_s']})", flush=True)
    figures = {
        "machine": machine(load_average_at_start=load_start),
        "workers": WORKERS,
        "threads_per_worker": 1,
        "per_file": args.per_file,
        "code": code,
        "total_s": round(total, 1),
        "cases": rows,
    }
    write_json(args.out, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
