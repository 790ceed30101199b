"""Benchmark: how many fact row labels a journalist would find weak, per brief.

Briefs: the seeds (../shared/seeds), the six dev stories (../shared/gold/stories/*, all briefs of
each folder) and the bundled demo sample. Each is run through the pipeline into a temporary folder
and the labels of its fact rows are read from the brief JSON.

A label is weak (a mechanical definition, issue #13 step 5) when, with any “quoted words” left out:

- it is only dimension or unit words ("number", "amount in USD", "age", "percent", "people",
  "feet", "days", "nautical miles");
- it starts with "number" or "amount in" (says nothing of what is counted: "number (saw) in X");
- a word in brackets ends as a verb form ("(accusing)", "(improved)");
- it starts with "other(s)";
- two of its words share their first five letters ("deaths killed" is caught by the next rule;
  "robbers who robbed" by this one), or two name one predicate class ("deaths killed").

A label that quotes the figure's own words (“...”) is the honest fallback for a figure nothing is
known of: it is counted apart, as quoted, not as weak.

Usage: .venv/bin/python bench/bench_labels.py [--save labels.json] [--compare labels.json]
(--compare lists, brief by brief, the labels gone (-) and new (+) since a saved run).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from _common import SHARED
from synoptic.lang.en.predicates import predicate_class
from synoptic.lang.en.units import UNITS

_DIMENSION_WORDS = ({w for form in UNITS for w in form.split()}
                    | {"number", "amount", "figure", "count", "people", "others", "duration", "percent", "total",
                       "age", "in", "per", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                       "week", "weeks", "month", "months", "year", "years", "decade", "decades", "over", "time"})


def weak(label: str) -> str | None:
    """Why ``label`` is weak by the definition above, or None."""
    if "“" in label:
        return None
    text = label.lower()
    words = re.findall(r"[\w'-]+", text)
    if not words or all(w in _DIMENSION_WORDS or (text.startswith("amount in") and len(w) == 3) for w in words):
        return "dimension only"
    if text.startswith(("number", "amount in")):
        return "number/amount"
    if any(re.fullmatch(r"\w+(?:ed|ing)", m) for m in re.findall(r"\((\w+)\)", text)):
        return "bracketed verb"
    if words[0] in ("other", "others"):
        return "others"
    stems = [w[:5] for w in words if len(w) > 3]
    if len(stems) != len(set(stems)):
        return "repeated word"
    classes = [c for w in words if (c := predicate_class(w))]
    if len(classes) != len(set(classes)):
        return "repeated meaning"
    return None


def _labels(sources: list[str]) -> list[str]:
    from synoptic.pipeline import run

    with tempfile.TemporaryDirectory(prefix="synoptic-labels-") as out:
        report = run(sources, out)
        return [f.label for s in report.stories if s.id in report.briefs for f in report.briefs[s.id].facts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", help="write the labels of every brief as JSON here")
    parser.add_argument("--compare", help="list the labels that differ from this saved run")
    args = parser.parse_args(argv)
    from synoptic.cli.demo import sample_dir

    runs: dict[str, list[str]] = {}
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        runs["seeds"] = [str(seeds)]
    for story in sorted((SHARED / "gold" / "stories").glob("*/")):
        if (story / "gold.json").exists():
            runs[story.name] = sorted(str(p) for p in story.glob("*.txt"))
    runs["demo"] = [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]
    if len(runs) == 1:
        print(f"bench_labels: {SHARED} holds no seeds or stories; only the demo is read", file=sys.stderr)
    got = {name: _labels(sources) for name, sources in runs.items()}
    old = json.loads(Path(args.compare).read_text()) if args.compare else {}
    total = quoted = 0
    for name, labels in got.items():
        bad = [(x, why) for x in labels if (why := weak(x))]
        q = sum("“" in x for x in labels)
        total += len(bad)
        quoted += q
        print(f"{name:11s} labels {len(labels):3d}  weak {len(bad):3d}  quoted {q:3d}")
        for x, why in bad:
            print(f"    weak ({why}): {x}")
        if name in old:  # rows are ordered by label too: compare the labels as multisets
            gone, new = Counter(old[name]) - Counter(labels), Counter(labels) - Counter(old[name])
            for x in sorted(gone.elements()):
                print(f"    - {x}")
            for x in sorted(new.elements()):
                print(f"    + {x}")
    print(f"all: weak {total}, quoted {quoted}")
    if args.save:
        Path(args.save).write_text(json.dumps(got, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
