"""Benchmark: what grouping a story's figures costs against the whole brief.

Stories: the six folders of ../shared/gold/stories (the seeds, four ECB+ dev events, one Multi-News
cluster) and the ECB+ dev topics (../shared/eval/ecbplus-dev, one story per ``event``; ``--limit``
reads the first N articles). For each story, after a warm-up that loads the models:

1. extraction (``extract_articles``: NER, figures with their reading from the parse, quotes, dates);
2. of which the figures' reading (``extract.reading.read_figures``, the parse of the sentences that
   hold figures), timed on its own;
3. grouping the figures (``reconcile.fact_groups``);
4. the brief (``build_brief``: summary, fact groups, quotes, timeline, entities).

CPU seconds are reported (the machine is shared; wall time is noisier). Prints a table and writes
``bench/results/facts.json``.

Usage: .venv/bin/python bench/bench_facts.py [--limit N] [--out bench/results/facts.json]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from _common import ROOT, SHARED, cpu_seconds, ecb_stories, machine, pin_two_cores, write_json


def _stories(limit: int | None) -> dict[str, list[Any]]:
    from synoptic.pipeline import read_sources

    out: dict[str, list[Any]] = {}
    gold = SHARED / "gold" / "stories"
    for folder in sorted(p for p in gold.glob("*") if (p / "gold.json").is_file()):
        out[f"gold/{folder.name}"] = read_sources(sorted(str(p) for p in folder.glob("*.txt")))
    for event, arts in ecb_stories(limit).items():
        out[f"ecb/{event}"] = arts
    return out


def _cpu(fn: Any) -> tuple[Any, float]:
    t = cpu_seconds()
    result = fn()
    return result, cpu_seconds() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N ECB+ articles")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "facts.json"))
    args = parser.parse_args(argv)
    cores = pin_two_cores()
    from synoptic import reconcile
    from synoptic.brief import build_brief
    from synoptic.extract import extract_articles, models
    from synoptic.extract.figures import find_figures
    from synoptic.extract.reading import read_figures
    from synoptic.records import Story

    stories = _stories(args.limit)
    if not stories:
        print(f"bench_facts: no data under {SHARED}", file=sys.stderr)
        return 1
    first = next(iter(stories.values()))
    build_brief(Story(id="warm", article_ids=[a.id for a in first]), first, extract_articles(first))  # warm-up
    rows = []
    for name, arts in stories.items():
        models._parse_cache.clear()  # the reading's parse is timed, not answered from the warm-up's cache
        reading_s = 0.0
        for a in arts:
            figs = find_figures(a.text)
            reading_s += _cpu(lambda a=a, figs=figs: read_figures(a.text, figs))[1]
        models._parse_cache.clear()
        exs, extract_s = _cpu(lambda arts=arts: extract_articles(arts))
        groups, group_s = _cpu(lambda arts=arts, exs=exs: reconcile.fact_groups(arts, exs))
        story = Story(id=name, article_ids=[a.id for a in arts])
        _brief, brief_s = _cpu(lambda story=story, arts=arts, exs=exs: build_brief(story, arts, exs))
        rows.append({"story": name, "articles": len(arts), "figures": sum(len(e.figures) for e in exs),
                     "fact_groups": len(groups), "extract_cpu_s": round(extract_s, 3),
                     "reading_cpu_s": round(reading_s, 3), "group_cpu_s": round(group_s, 3),
                     "brief_cpu_s": round(brief_s, 3)})
    total = {k: round(sum(r[k] for r in rows), 3) for k in ("extract_cpu_s", "reading_cpu_s", "group_cpu_s",
                                                            "brief_cpu_s")}
    whole = total["extract_cpu_s"] + total["brief_cpu_s"]
    share = {"reading_of_extract_and_brief": round(total["reading_cpu_s"] / whole, 3) if whole else None,
             "grouping_of_extract_and_brief": round(total["group_cpu_s"] / whole, 3) if whole else None,
             "grouping_of_brief": round(total["group_cpu_s"] / total["brief_cpu_s"], 3)
             if total["brief_cpu_s"] else None}
    print(f"figures read and grouped, {len(rows)} stories on {cores} core(s), CPU seconds; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'story':<28} {'arts':>4} {'figs':>5} {'groups':>6} {'extract':>8} {'reading':>8} {'group':>7} {'brief':>7}")
    for r in rows:
        if r["story"].startswith("gold/") or len(rows) <= 20:
            print(f"{r['story']:<28} {r['articles']:>4} {r['figures']:>5} {r['fact_groups']:>6} "
                  f"{r['extract_cpu_s']:>8.3f} {r['reading_cpu_s']:>8.3f} {r['group_cpu_s']:>7.3f} "
                  f"{r['brief_cpu_s']:>7.3f}")
    print(f"{'all':<28} {sum(r['articles'] for r in rows):>4} {sum(r['figures'] for r in rows):>5} "
          f"{sum(r['fact_groups'] for r in rows):>6} {total['extract_cpu_s']:>8.3f} {total['reading_cpu_s']:>8.3f} "
          f"{total['group_cpu_s']:>7.3f} {total['brief_cpu_s']:>7.3f}")
    print(f"grouping: {share['grouping_of_brief']:.1%} of the brief, {share['grouping_of_extract_and_brief']:.1%} "
          f"of extraction + brief; the figures' reading (parse): {share['reading_of_extract_and_brief']:.1%}")
    write_json(Path(args.out), {"machine": machine(cores=cores), "model": models.model_name(), "total_cpu_s": total,
                                "shares": share, "stories": rows})
    return 0


if __name__ == "__main__":
    sys.exit(main())
