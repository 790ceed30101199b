"""Benchmark: extraction throughput (words per second) and what each step costs.

Corpora:
1. ``seeds``: the five seed articles, read and cleaned as ``synoptic extract`` does;
2. ``ecbplus``: the ECB+ dev articles (535 news texts) from ../shared/eval/ecbplus-dev, extracted
   story by story (its ``event`` field) as the pipeline does, so names are resolved per story.

Steps timed separately on the same texts (each after a warm-up that loads the models):
spaCy NER (``models.annotate_many``, batched per story), the mention rules run on its output,
resolution (``entities.resolve``), figures, quotes, dates (``timex.find_dates`` +
``infer_published``); then the full ``extract_articles`` end to end.

The process is pinned to at most 2 cores (``os.sched_setaffinity``) to match the project's
machines. Prints a table and writes ``bench/results/extract.json``.

Usage: .venv/bin/python bench/bench_extract.py [--limit N] [--out bench/results/extract.json]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from _common import ROOT, SHARED, ecb_stories, pin_two_cores, write_json


def load_corpora(limit: int | None) -> dict[str, list[list[Any]]]:
    """Corpus name -> stories (lists of Articles)."""
    from synoptic.clean import clean_articles
    from synoptic.ingest import load
    from synoptic.records import Article

    corpora: dict[str, list[list[Any]]] = {}
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    if seeds:
        corpora["seeds"] = [clean_articles([a for a in load(seeds) if isinstance(a, Article)])]
    stories = ecb_stories(limit)
    if stories:
        corpora["ecbplus"] = list(stories.values())
    return corpora


class _Clock:
    """Wall and CPU seconds per step (CPU time is this process's, all threads: the machines are
    shared, so wall time alone mixes in other people's load)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def __call__(self, name: str, fn: Any) -> Any:
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w
        self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c
        return result


def time_steps(stories: list[list[Any]]) -> _Clock:
    """Seconds per step over all the stories' articles."""
    from synoptic.extract import entities, extract_articles, figures, models, quotes, timex

    clock = _Clock()
    texts = [a.text for story in stories for a in story]
    chunks = [clock("spacy ner", lambda story=story: models.annotate_many([a.text for a in story]))
              for story in stories]
    per_story = []
    for story, story_chunks in zip(stories, chunks, strict=True):
        ms = clock("mention rules", lambda story=story, sc=story_chunks: [
            entities._from_chunks(a.text, c) for a, c in zip(story, sc, strict=True)])
        for a, article_ms in zip(story, ms, strict=True):
            for m in article_ms:
                m.article = a.id
        per_story.append(ms)
    for ms in per_story:
        clock("resolve", lambda ms=ms: entities.resolve([m for article_ms in ms for m in article_ms]))
    clock("figures", lambda: [figures.find_figures(t) for t in texts])
    clock("quotes", lambda: [quotes.find_quotes(a.text, ms) for story, sms in zip(stories, per_story, strict=True)
                             for a, ms in zip(story, sms, strict=True)])
    clock("dates", lambda: [timex.find_dates(t, timex.infer_published(t, [])) for t in texts])
    for story in stories:
        clock("full extract_articles", lambda story=story: extract_articles(story))
    return clock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N ECB+ articles")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extract.json"))
    args = parser.parse_args(argv)
    cores = pin_two_cores()
    from synoptic.extract import models

    t = time.perf_counter()
    models.get_model()
    load_s = time.perf_counter() - t
    corpora = load_corpora(args.limit)
    if not corpora:
        print(f"bench_extract: no data under {SHARED} (seeds/, eval/ecbplus-dev/)", file=sys.stderr)
        return 1
    results: dict[str, Any] = {"cores": cores, "model": models.model_name(), "model_load_s": round(load_s, 3),
                               "corpora": {}}
    for name, stories in corpora.items():
        time_steps(stories[:1])  # warm-up
        words = sum(len(a.text.split()) for story in stories for a in story)
        n = sum(len(story) for story in stories)
        clock = time_steps(stories)
        full_w, full_c = clock.wall["full extract_articles"], clock.cpu["full extract_articles"]
        results["corpora"][name] = {
            "articles": n, "stories": len(stories), "words": words,
            "words_per_s_wall": round(words / full_w, 1), "words_per_s_cpu": round(words / full_c, 1),
            "steps_wall_s": {k: round(v, 4) for k, v in clock.wall.items()},
            "steps_cpu_s": {k: round(v, 4) for k, v in clock.cpu.items()},
            "steps_cpu_share_of_full": {k: round(v / full_c, 3) for k, v in clock.cpu.items()},
        }
    print(f"extraction on {cores} core(s), model {results['model']} (load {load_s:.2f} s); "
          f"load average {os.getloadavg()[0]:.1f} (shared machine: CPU seconds are the fairer measure)")
    for name, r in results["corpora"].items():
        print(f"\n{name}: {r['articles']} articles in {r['stories']} stories, {r['words']} words; end to end "
              f"{r['words_per_s_wall']:,.0f} words/s wall, {r['words_per_s_cpu']:,.0f} words/CPU-s")
        print(f"  {'step':<22} {'wall s':>8} {'CPU s':>8} {'CPU share':>10} {'words/CPU-s':>12}")
        for step, secs in r["steps_cpu_s"].items():
            wps = f"{r['words'] / secs:,.0f}" if secs else "-"
            print(f"  {step:<22} {r['steps_wall_s'][step]:>8.3f} {secs:>8.3f} "
                  f"{r['steps_cpu_share_of_full'][step]:>10.1%} {wps:>12}")
    write_json(args.out, results)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
