"""Quotes: attribution content and speakers on PolNeAR, beside a quote-marks-and-verb baseline.

PolNeAR (brat standoff, one ``.ann`` per annotator and article under ``SPLIT/attributions``, the
text under ``SPLIT/text``) marks each attribution's Source, Cue and Content spans, tied by ``E``
lines; a Content may be discontinuous (``“A,” he said, “B.”``). Where an article has several
annotators, the first annotation file (sorted by name) is used.

Scores, each for all attributions and for those whose content holds quote marks (direct and
partial quotes; a found quote counts there when it is direct or partial or its span holds marks):

- overlap: a gold content is found when found quotes cover at least half of its characters; a
  found quote is right when at least half of its characters lie in one gold content;
- exact: the same after trimming whitespace, quote marks and edge punctuation, fragment by fragment;
- speaker accuracy: on found gold contents with a Source, the found quote that overlaps the content
  most has a speaker span (as written) that overlaps the gold Source span.

A found quote nested inside another found quote (a partial quote inside a reported clause) is not
counted on its own: the attribution is the outer one. The baseline pairs quote marks inside a
paragraph and attributes each pair to the nearest reporting verb within BASELINE_WINDOW characters
and the name or pronoun next to that verb (Europe Media Monitor's approach); pairs without a verb
are not quotes of anyone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from synoptic.extract.quotes import find_quotes

TASK = "quotes"

#: Default data folder, relative to the working directory (the checkout root).
DEFAULT_DATA = "../shared/eval/polnear-dev"
#: Baseline: how far (characters) from a quote its reporting verb may be.
BASELINE_WINDOW = 80
#: Overlap needed for a match (share of the gold content's, or of the found quote's, characters).
MIN_OVERLAP = 0.5

QUOTE_MARKS = '“”"«»„'


def _has_marks(s: str) -> bool:
    """Whether ``s`` holds a quote mark (two apostrophes count: some outlets write '' for ")."""
    return any(ch in QUOTE_MARKS for ch in s) or "''" in s


Ranges = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: content ranges, source ranges (maybe none) and cue ranges."""

    content: Ranges
    source: Ranges
    cue: Ranges
    quoted: bool


@dataclass
class Found:
    """A found quote reduced to what is scored."""

    start: int
    end: int
    speaker: tuple[int, int] | None
    quoted: bool


@dataclass
class Doc:
    """One article with its gold attributions."""

    name: str
    text: str
    gold: list[GoldAttribution] = field(default_factory=list)


@dataclass
class Counts:
    """Raw counts of one system on one subset."""

    gold: int = 0
    found: int = 0
    gold_hit: int = 0
    found_right: int = 0
    gold_exact: int = 0
    found_exact: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0

    def figures(self) -> dict[str, float | int]:
        """Precision, recall and F1 (overlap and exact) and speaker accuracy, rounded."""

        def prf(hit: int, right: int) -> tuple[float, float, float]:
            p = right / self.found if self.found else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        p, r, f = prf(self.gold_hit, self.found_right)
        ep, er, ef = prf(self.gold_exact, self.found_exact)
        return {
            "gold": self.gold,
            "found": self.found,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "exact_precision": round(ep, 4),
            "exact_recall": round(er, 4),
            "exact_f1": round(ef, 4),
            "speaker_scored": self.speaker_n,
            "speaker_accuracy": round(self.speaker_ok / self.speaker_n, 4) if self.speaker_n else 0.0,
        }


# ---------------------------------------------------------------- data


def _ranges(spec: str) -> Ranges:
    out: Ranges = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_ann(text: str, ann: str) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann`` file (T lines with Source/Cue/Content, E lines tying them)."""
    spans: dict[str, tuple[str, Ranges]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _ranges(spec))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out: list[GoldAttribution] = []
    for ev in events:
        roles = {k.rstrip("0123456789"): v for k, v in ev.items()}
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""), ("", []))[1]
        cue = spans.get(roles.get("Cue", ""), ("", []))[1]
        quoted = any(_has_marks(text[a:b]) for a, b in content[1])
        out.append(GoldAttribution(content[1], source, cue, quoted))
    return out


def load_split(folder: str | Path, split: str) -> tuple[list[Doc], list[str]]:
    """Articles of one split with their first annotator's attributions; unreadable ones are named."""
    base = Path(folder) / split
    docs: list[Doc] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        stem = ann_path.stem.rsplit("_", 1)[0]
        if stem in seen:
            continue
        text_path = base / "text" / f"{stem}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
            gold = load_ann(text, ann_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            skipped.append(f"{ann_path}: {exc}")
            continue
        seen.add(stem)
        docs.append(Doc(stem, text, gold))
    return docs, skipped


# ---------------------------------------------------------------- systems


def synoptic_found(text: str) -> list[Found]:
    """synoptic's quotes, with nested ones (a partial inside a reported clause) left out."""
    quotes = find_quotes(text, [])
    spans = [(q.start, q.end) for q in quotes]
    out: list[Found] = []
    for q in quotes:
        if any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end) for s, e in spans):
            continue
        if any(f.start == q.start and f.end == q.end for f in out):
            continue
        marks = _has_marks(text[max(0, q.start - 2) : q.end + 2])
        sp = (
            (q.speaker_start, q.speaker_end)
            if q.speaker_start is not None and q.speaker_end is not None
            else None
        )
        out.append(Found(q.start, q.end, sp, q.kind != "indirect" or marks))
    return out


_BASE_PAIR = re.compile(r"“([^”\n]{1,2000})”|\"([^\"\n]{1,2000})\"|''([^'\n]{1,2000})''")
_BASE_VERB = re.compile(r"\b(?:said|says|say|told|tells|added|adds|stated|asked|wrote|explained|noted)\b")
_BASE_NAME = re.compile(r"\b(?:[Hh]e|[Ss]he|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\b")


def baseline_found(text: str) -> list[Found]:
    """Quote marks + the nearest reporting verb + the name or pronoun nearest to that verb."""
    out: list[Found] = []
    for m in _BASE_PAIR.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        s, e = m.start(g), m.end(g)
        lo, hi = max(0, m.start() - BASELINE_WINDOW), min(len(text), m.end() + BASELINE_WINDOW)
        verbs = [v for v in _BASE_VERB.finditer(text, lo, hi) if not (m.start() <= v.start() < m.end())]
        if not verbs:
            continue
        verb = min(verbs, key=lambda v: min(abs(v.start() - m.end()), abs(m.start() - v.end())))
        names = [
            n
            for n in _BASE_NAME.finditer(text, max(0, verb.start() - 40), min(len(text), verb.end() + 40))
            if not (m.start() <= n.start() < m.end())
        ]
        speaker = None
        if names:
            near = min(names, key=lambda n: min(abs(n.end() - verb.start()), abs(n.start() - verb.end())))
            speaker = (near.start(), near.end())
        out.append(Found(s, e, speaker, True))
    return out


# ---------------------------------------------------------------- scoring


def _overlap(a: int, b: int, ranges: Ranges) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in ranges)


def _norm(text: str) -> str:
    return text.strip().strip(QUOTE_MARKS + " ,.;:!?\n\t’‘").strip()


def score_document(doc: Doc, found: list[Found], subsets: dict[str, Counts]) -> None:
    """Add one article's counts to ``subsets['all']`` and ``subsets['quoted']``."""
    text = doc.text
    for name, counts in subsets.items():
        gold = [g for g in doc.gold if name == "all" or g.quoted]
        mine = [f for f in found if name == "all" or f.quoted]
        counts.gold += len(gold)
        counts.found += len(mine)
        found_norm = {_norm(text[f.start : f.end]) for f in found}
        gold_norm = {_norm(text[a:b]) for g in doc.gold for a, b in g.content}
        for g in gold:
            size = sum(b - a for a, b in g.content)
            covered = sum(_overlap(f.start, f.end, g.content) for f in found)
            if size and covered >= MIN_OVERLAP * size:
                counts.gold_hit += 1
                if g.source:
                    best = max(found, key=lambda f: _overlap(f.start, f.end, g.content))
                    counts.speaker_n += 1
                    if best.speaker and _overlap(best.speaker[0], best.speaker[1], g.source) > 0:
                        counts.speaker_ok += 1
            if all(_norm(text[a:b]) in found_norm for a, b in g.content):
                counts.gold_exact += 1
        for f in mine:
            size = f.end - f.start
            if any(_overlap(f.start, f.end, g.content) >= MIN_OVERLAP * size for g in doc.gold):
                counts.found_right += 1
            if _norm(text[f.start : f.end]) in gold_norm:
                counts.found_exact += 1


def evaluate(docs: list[Doc]) -> dict[str, dict[str, dict[str, float | int]]]:
    """Figures by system (synoptic, baseline) and subset (all, quoted), with the seconds taken."""
    out: dict[str, dict[str, dict[str, float | int]]] = {}
    for system, fn in (("synoptic", synoptic_found), ("baseline", baseline_found)):
        subsets = {"quoted": Counts(), "all": Counts()}
        t0 = time.perf_counter()
        for doc in docs:
            score_document(doc, fn(doc.text), subsets)
        secs = round(time.perf_counter() - t0, 2)
        out[system] = {k: {**c.figures(), "seconds": secs} for k, c in subsets.items()}
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval quotes``."""
    parser.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help="the PolNeAR folder")
    parser.add_argument("--split", default="dev", help="which split folder to score (dev, train, ...)")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N articles")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        metavar="N",
        help="skip the first N articles (with --limit, a window: articles N+1 .. N+limit)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the table (and write --json); exit 1 when the split cannot be read."""
    if not (Path(args.data) / args.split / "attributions").is_dir():
        print(
            f"{args.data}: no {args.split}/attributions folder; give --data DIR and --split", file=sys.stderr
        )
        return 1
    docs, skipped = load_split(args.data, args.split)
    for s in skipped:
        print(f"skipped {s}", file=sys.stderr)
    offset = max(0, getattr(args, "offset", 0))
    docs = docs[offset : offset + args.limit] if args.limit else docs[offset:]
    if not docs:
        print(f"{args.data}: no readable articles in {args.split}", file=sys.stderr)
        return 1
    figures = evaluate(docs)
    cols = ["gold", "found", "precision", "recall", "f1", "exact_f1", "speaker_accuracy", "seconds"]
    window = f" from article {offset + 1}" if offset else ""
    print(f"PolNeAR attributions, {args.split}, {len(docs)} articles{window} ({args.data})")
    print(f"{'system':<10}{'subset':<8}" + "".join(f"{c:>18}" for c in cols))
    for system, rows in figures.items():
        for subset, row in rows.items():
            print(f"{system:<10}{subset:<8}" + "".join(f"{row[c]:>18}" for c in cols))
    if args.json:
        payload = {
            "task": TASK,
            "data": str(args.data),
            "split": args.split,
            "articles": len(docs),
            "offset": offset,
            "names": [d.name for d in docs],
            "systems": figures,
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 3 if skipped else 0


__all__ = [
    "Counts",
    "Doc",
    "Found",
    "GoldAttribution",
    "evaluate",
    "load_ann",
    "load_split",
    "score_document",
    "TASK",
]
