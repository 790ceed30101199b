"""Measuring pieces shared by the benchmarks: paths, peak memory, CPU time, fresh processes, JSON.

Each bench script imports this as ``_common`` (``python bench/bench_x.py`` puts ``bench/`` first on
``sys.path``, and spawned children inherit that path).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import re
import resource
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SYNOPTIC_SHARED", ROOT.parent / "shared")).resolve()


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux ``ru_maxrss`` is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def run_in_fresh_process(target: Callable[..., None], *args: Any) -> dict[str, Any]:
    """Run ``target(queue, *args)`` in a spawned process and return the dict it puts on ``queue``.

    A fresh process per case keeps each case's peak memory and caches its own.
    """
    ctx = mp.get_context("spawn")
    q: Any = ctx.Queue()
    p = ctx.Process(target=target, args=(q, *args))
    p.start()
    result = q.get()
    p.join()
    return dict(result)


def machine(**extra: Any) -> dict[str, Any]:
    """The machine the figures were taken on: CPU count and Python version, plus ``extra``."""
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], **extra}


def write_json(path: str | Path, figures: dict[str, Any]) -> None:
    """Write ``figures`` as indented JSON to ``path``, creating its folder."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def default_out(name: str) -> str:
    """The default ``--out`` of a bench: ``bench/results/NAME.json``."""
    return str(ROOT / "bench" / "results" / f"{name}.json")


def data_missing(bench: str, path: Path) -> bool:
    """True, with a one-line message on stderr, where the data a bench reads is absent."""
    if path.exists():
        return False
    print(f"{bench}: {path} not found; put ../shared beside the checkout", file=sys.stderr)
    return True


#: ECB+ dev, the real texts the speed benchmarks replicate.
ECB_DATA = SHARED / "eval" / "ecbplus-dev" / "articles.jsonl"
#: Copy r of the corpus is dated 60 r days (plus 0-2) after this, so copies are separate news.
EPOCH = datetime(2005, 1, 1, tzinfo=UTC)


def ecb_copies(n: int, seed: int, perturb: Callable[[list[str], random.Random], list[str]]) -> Iterator[dict[str, Any]]:
    """``n`` records ``{"id", "text", "published"}``: perturbed, time-shifted copies of the ECB+
    dev articles in file order. ``perturb`` edits a text's words (with the shared generator);
    then one number may go up by one and the copy is marked, so every copy is new work."""
    base = [json.loads(line) for line in ECB_DATA.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    made = 0
    r = 0
    while made < n:
        for rec in base:
            if made >= n:
                break
            text = " ".join(perturb(rec["text"].split(" "), rng))
            text = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + rng.choice((0, 0, 1))), text, count=1)
            text += f"\n(copy {r})"
            published = EPOCH + timedelta(days=200 * r + rng.randrange(0, 3))
            yield {"id": f"{rec['id']}-{r}", "text": text, "published": published}
            made += 1
        r += 1


def pin_two_cores() -> int:
    """Pin this process to (at most) two cores, as the development machines have; returns how many."""
    try:
        cores = sorted(os.sched_getaffinity(0))[:2]
        os.sched_setaffinity(0, cores)
        return len(cores)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def ecb_stories(limit: int | None = None) -> dict[str, list[Any]]:
    """The first ``limit`` ECB+ dev articles (all by default) as ``Article`` records grouped by their
    gold event; empty where ``../shared`` is absent."""
    from collections import defaultdict

    from synoptic.records import Article

    stories: dict[str, list[Any]] = defaultdict(list)
    if not ECB_DATA.is_file():
        return {}
    with ECB_DATA.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            stories[str(rec.get("event") or rec["id"])].append(Article(id=str(rec["id"]), text=rec["text"]))
    return dict(stories)
