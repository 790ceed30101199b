"""Load benchmark of ``synoptic serve``: story pages and the search API with 1,000 stories in the store.

Steps:

1. Build a base store with the real pipeline (``synoptic.pipeline.run``) over the bundled sample and,
   when ../shared is beside the checkout, the seeds.
2. Replicate its stories to ``--stories`` stories: every copy gets perturbed articles (new ids, a
   distinct closing line and title, shifted dates), its extractions, a story and a brief whose article
   ids and dates follow the copy; everything is written through the store.
3. Start ``synoptic serve`` in its own process on a free loopback port.
   Wait until its background pre-rendering is done (its CPU time stops growing; ``--settle``).
4. For each scenario (the first, a small static file, is the machine's floor: each p99 is also
   given as a multiple of it), ``--clients`` httpx clients (one process each) send requests for ``--duration`` s; count
   requests per second and latency percentiles (p50, p99), and every non-200 answer.
5. Print a table with the server's peak RSS and the load average, and write ``bench/results/web.json``.

Usage: ``python bench/bench_web.py [--stories 1000] [--duration 10] [--clients 4] [--db PATH] [--settle S]
[--only NAME ...]`` (issue 15's figure: ``--stories 10000``)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "web.json"
SHARED = Path(os.environ.get("SYNOPTIC_SHARED", ROOT.parent / "shared"))
SEARCH_WORDS = ["canal", "ship", "Tokayev", "marathon", "record", "airport", "troops", "salvage", "Berlin",
                "president", "protests", "tugboats", "Almaty", "wind", "dredgers", "world record"]


def sources() -> list[str]:
    """The bundled sample's reports, plus the seeds where ../shared exists."""
    import synoptic

    sample = Path(synoptic.__file__).resolve().parent / "sample"
    found = sorted(str(p) for p in sample.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    if (SHARED / "seeds").is_dir():
        found += sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    return found


def build_store(db: Path, n_stories: int, seed: int = 7) -> dict[str, Any]:
    """Steps 1-2: a store of ``n_stories`` stories with briefs. Returns what was built."""
    from synoptic.pipeline import run
    from synoptic.records import Story, text_id
    from synoptic.store import open_store

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        base_db = Path(tmp) / "base.db"
        run(sources(), Path(tmp) / "out", db=str(base_db))  # 1.
        base = open_store(str(base_db))
        templates = []
        for story in base.stories():
            arts = list(base.articles(story.article_ids))
            templates.append((story, base.get_brief(story.id), arts,
                              {a.id: base.get_extraction(a.id) for a in arts}))
        base.close()
    t_base = time.perf_counter() - t0
    rng = random.Random(seed)
    store = open_store(str(db))
    stories: list[Story] = []
    n_articles = 0
    for i in range(n_stories):  # 2.
        story, brief, arts, extractions = templates[i % len(templates)]
        shift = timedelta(days=i // len(templates))
        ids: dict[str, str] = {}
        for a in arts:
            # appending keeps every stored offset of the brief and the extraction valid
            text = f"{a.text}\n\nCopy {i} for the load benchmark, line {rng.randrange(10**6)}."
            new = replace(a, id=text_id(text), text=text, raw_text=a.raw_text + f"\nCopy {i}",
                          title=f"{a.title or 'Untitled'} ({i})",
                          published=a.published + shift if a.published else None, source=f"bench:{i}")
            ids[a.id] = new.id
            store.add_article(new)
            n_articles += 1
            ex = extractions.get(a.id)
            if ex is not None:
                store.put_extraction(replace(ex, article=new.id))
        sid = f"s-bench-{i:05d}"
        stories.append(Story(id=sid, article_ids=[ids[x] for x in story.article_ids],
                             first_seen=story.first_seen + shift if story.first_seen else None,
                             last_seen=story.last_seen + shift if story.last_seen else None,
                             title=f"{brief.get('title') or story.title} ({i})"))
        store.put_brief(sid, _retarget(brief, ids, sid, stories[-1].title, shift))
    store.put_stories(stories)
    store.close()
    return {"stories": n_stories, "articles": n_articles, "base_seconds": round(t_base, 1),
            "build_seconds": round(time.perf_counter() - t0, 1)}


def _retarget(brief: dict[str, Any], ids: dict[str, str], sid: str, title: str | None,
              shift: timedelta) -> dict[str, Any]:
    """A copy of ``brief`` whose article ids, story id, title and dates follow the replicated story."""
    from datetime import datetime

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            out = {k: walk(v) for k, v in value.items()}
            for key in ("article", "id"):
                if isinstance(out.get(key), str) and out[key] in ids:
                    out[key] = ids[out[key]]
            if isinstance(out.get("articles"), list):
                out["articles"] = [ids.get(a, a) if isinstance(a, str) else a for a in out["articles"]]
            if isinstance(out.get("published"), str):
                try:
                    out["published"] = (datetime.fromisoformat(out["published"]) + shift).isoformat()
                except ValueError:
                    pass
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    copy = walk(brief)
    copy["story"], copy["title"] = sid, title
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Step 3: ``synoptic serve`` in its own process; returns once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "synoptic", "-q", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench: the server exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("bench: the server did not answer within 60 s")


def cpu_of(pid: int) -> float:
    """User + system CPU seconds of a running process (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid: int, limit: float) -> float | None:
    """Wait until the server's CPU time grows by under 5% of a core over a second (its
    background pre-rendering is done), at most ``limit`` s; the seconds waited (None: no /proc)."""
    started = time.monotonic()
    try:
        before = cpu_of(pid)
        while time.monotonic() - started < limit:
            time.sleep(1.0)
            now = cpu_of(pid)
            if now - before < 0.05:
                break
            before = now
    except (OSError, IndexError, ValueError):
        return None
    return round(time.monotonic() - started, 1)


def peak_rss_of(pid: int) -> float | None:
    """Peak resident memory (``VmHWM``) of a running process, in MiB; None where /proc lacks it."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _client(base: str, paths: list[str], seed: int, stop_at: float) -> tuple[list[float], list[int]]:
    """One load-generating client (its own process and keep-alive connection) until ``stop_at``."""
    rng = random.Random(seed)
    latencies: list[float] = []
    bad: list[int] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.time() < stop_at:
            path = rng.choice(paths)
            t = time.perf_counter()
            status = client.get(path).status_code
            latencies.append(time.perf_counter() - t)
            if status != 200:
                bad.append(status)
    return latencies, bad


def load(base: str, paths: list[str], clients: int, duration: float) -> dict[str, Any]:
    """Step 4: ``clients`` client processes (no shared GIL with each other or the server) for ``duration`` s."""
    from concurrent.futures import ProcessPoolExecutor

    latencies: list[float] = []
    errors: list[int] = []
    with ProcessPoolExecutor(max_workers=clients) as pool:
        list(pool.map(abs, range(clients)))  # start the workers before the clock runs
        started = time.time()
        futures = [pool.submit(_client, base, paths, k, started + duration) for k in range(clients)]
        for f in futures:
            mine, bad = f.result()
            latencies.extend(mine)
            errors.extend(bad)
        elapsed = time.time() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {"requests": len(ordered), "errors": len(errors), "rps": round(len(ordered) / elapsed, 1),
            "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if ordered else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000, help="stories in the store (default 1000)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario (default 10)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes (default 4)")
    parser.add_argument("--db", type=Path, help="reuse (or build once into) this store file")
    parser.add_argument("--settle", type=float, default=600.0,
                        help="wait up to this many seconds for the server's start-up work (pre-rendering) "
                             "to finish, i.e. its CPU time to stop growing, before measuring (default 600; 0: no wait)")
    parser.add_argument("--only", nargs="*", default=[], help="run only the scenarios whose name holds one of these")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="bench-web-")
    db = args.db or Path(tmp.name) / "bench.db"
    built: dict[str, Any] = {"reused": True}
    if not db.exists():
        print(f"bench: building {args.stories} stories into {db} ...", file=sys.stderr)
        built = build_store(db, args.stories)
        built["build_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        settled = settle(server.pid, args.settle)
        items = []
        offset: int | None = 0
        while offset is not None:
            page = httpx.get(f"{base}/api/stories", params={"limit": 200, "offset": offset}, timeout=60).json()
            items += page["items"]
            offset = page["next_offset"]
        ids = [s["id"] for s in items]
        rng = random.Random(1)
        articles = [a["id"] for sid in rng.sample(ids, min(50, len(ids)))
                    for a in httpx.get(f"{base}/api/stories/{sid}", timeout=30).json()["articles"]]
        scenarios = {
            # the floor on this machine: a small static file, no store, no template
            "baseline (static)": ["/static/favicon.svg"],
            "story page": [f"/stories/{sid}" for sid in ids],
            "search API": [f"/api/stories?q={w}&limit=20" for w in SEARCH_WORDS],
            "story list page": [f"/?offset={o}" for o in range(0, len(ids), 50)],
            "article page (span)": [f"/articles/{a}?start=0&end=80" for a in articles],
            "brief API": [f"/api/stories/{sid}" for sid in ids],
        }
        results = {}
        load_before = [round(x, 2) for x in os.getloadavg()]
        for name, paths in scenarios.items():
            if args.only and not any(o in name for o in args.only):
                continue
            httpx.get(base + paths[0], timeout=30)  # warm the path
            results[name] = load(base, paths, args.clients, args.duration)
        floor = results.get("baseline (static)", {}).get("p99_ms")
        for r in results.values():
            if floor:
                r["p99_vs_baseline"] = round(r["p99_ms"] / floor, 2)
        server_rss = peak_rss_of(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    report = {
        "benchmark": "web", "stories": len(ids), "clients": args.clients, "duration_s": args.duration,
        "store": built, "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                    "platform": platform.platform(),
                                    "loadavg_before": load_before,
                                    "loadavg_after": [round(x, 2) for x in os.getloadavg()]},
        "server_settle_s": settled, "server_peak_rss_mib": server_rss, "scenarios": results,
    }
    print(f"{'scenario':<22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x floor':>8} {'requests':>9} {'errors':>7}")
    for name, r in results.items():
        print(f"{name:<22} {r['rps']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8} {r.get('p99_vs_baseline', ''):>8} "
              f"{r['requests']:>9} {r['errors']:>7}")
    print(f"server settled (pre-rendering done) after {settled} s; peak RSS {server_rss} MiB; load average after {report['machine']['loadavg_after']}")
    print(f"({len(ids)} stories, {args.clients} client processes, {args.duration:g} s each; server: one uvicorn "
          f"process; clients on the same machine)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r["errors"] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
