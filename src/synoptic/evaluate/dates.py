"""Dates: DATE expressions found and normalised on TimeBank 1.2, beside dateparser's search_dates.

The data is TimeML (``*.tml``): the text with inline ``TIMEX3`` tags. Each document is anchored on
its creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``, which sits outside the
``TEXT`` element and is not scored). Only ``type="DATE"`` expressions are gold:

- extraction: relaxed span match (a found expression that overlaps a gold DATE counts, one-to-one);
  found expressions that overlap a gold TIME, DURATION or SET are left out of the count (a type
  question, not a date question) and reported as ``other_type``;
- normalisation: on matched DATEs, the found value equals the gold TIMEX3 value.

The baseline is ``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = the creation time and
``PREFER_DATES_FROM='current_period'``; its values are the day it returns (``YYYY-MM-DD``), so it is
only right on day-valued gold (its accuracy on those is shown separately).

Held-out halves: ``--half odd`` keeps the 1st, 3rd, 5th ... document (sorted by file name),
``--half even`` the 2nd, 4th ...; rules are fitted by reading the errors (``--errors``) of one half
and measured on the other, so that the figure of the other half says how they hold on unseen text.
``--strict`` with ``--half H`` switches off the rules read from H's errors (those named in
``synoptic.extract.timex.RULES_READ_FROM``): the figure of H held out from them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from synoptic.extract.timex import RULES_READ_FROM, find_dates, holding_out

TASK = "dates"

#: Default data folder, relative to the working directory (the checkout root).
DEFAULT_DATA = "../shared/eval/timebank-dev"


@dataclass
class Timex:
    """A gold TIMEX3 in a document's text."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Document:
    """One TimeML document: its plain text, creation date and gold expressions."""

    name: str
    text: str
    dct: date
    timexes: list[Timex] = field(default_factory=list)


@dataclass
class Scores:
    """Extraction and normalisation figures of one system over a set of documents."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    other_type: int = 0
    value_correct: int = 0
    day_gold_matched: int = 0
    day_value_correct: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.matched if self.matched else 0.0

    @property
    def day_value_accuracy(self) -> float:
        return self.day_value_correct / self.day_gold_matched if self.day_gold_matched else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures, rounded, for JSON."""
        return {
            "gold": self.gold,
            "found": self.found,
            "matched": self.matched,
            "other_type": self.other_type,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "day_value_accuracy": round(self.day_value_accuracy, 4),
            "seconds": round(self.seconds, 2),
        }


def load_timeml(path: Path) -> Document:
    """Parse a TimeML file into its TEXT (tags removed) with the TIMEX3 offsets and the DCT."""
    root = ET.parse(path).getroot()
    dct_value = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct_value = tx.get("value")
            break
    if not dct_value:
        raise ValueError("no CREATION_TIME TIMEX3")
    dct = date.fromisoformat(dct_value[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError("no TEXT element")
    parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(
                Timex(start, pos, el.get("type", ""), el.get("value", ""), "".join(parts)[start:pos])
            )

    walk(text_el)
    return Document(path.stem, "".join(parts), dct, timexes)


def load_corpus(folder: str | Path) -> tuple[list[Document], list[str]]:
    """Every ``*.tml`` under ``folder``; unreadable files are named in the second list."""
    docs: list[Document] = []
    skipped: list[str] = []
    for path in sorted(Path(folder).rglob("*.tml")):
        try:
            docs.append(load_timeml(path))
        except (ET.ParseError, ValueError, OSError) as exc:
            skipped.append(f"{path}: {exc}")
    return docs, skipped


Found = list[tuple[int, int, str | None]]


def score_document(doc: Document, found: Found, scores: Scores) -> None:
    """Add one document's counts to ``scores`` (greedy one-to-one matching by overlap, then order)."""
    gold = [t for t in doc.timexes if t.type == "DATE"]
    others = [t for t in doc.timexes if t.type != "DATE"]
    scores.gold += len(gold)
    used: set[int] = set()
    for start, end, value in found:
        best, best_ov = None, 0
        for i, g in enumerate(gold):
            ov = min(end, g.end) - max(start, g.start)
            if i not in used and ov > best_ov:
                best, best_ov = i, ov
        if best is None:
            if any(min(end, o.end) > max(start, o.start) for o in others):
                scores.other_type += 1
                continue
            scores.found += 1
            continue
        used.add(best)
        scores.found += 1
        scores.matched += 1
        g = gold[best]
        if value is not None and value == g.value:
            scores.value_correct += 1
        if len(g.value) == 10 and g.value[4] == "-":
            scores.day_gold_matched += 1
            if value is not None and value[:10] == g.value:
                scores.day_value_correct += 1


def synoptic_found(doc: Document) -> Found:
    """Expressions synoptic finds, anchored on the document's creation date."""
    return [(r.start, r.end, r.value) for r in find_dates(doc.text, doc.dct)]


def dateparser_found(doc: Document) -> Found:
    """Expressions ``dateparser.search.search_dates`` finds (same anchor), located in the text in order."""
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": datetime(doc.dct.year, doc.dct.month, doc.dct.day),
        "PREFER_DATES_FROM": "current_period",
    }
    found: Found = []
    try:
        results = search_dates(doc.text, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd text; the baseline then finds nothing
        results = []
    pos = 0
    for phrase, when in results:
        at = doc.text.find(phrase, pos)
        if at < 0:
            at = doc.text.find(phrase)
            if at < 0:
                continue
        else:
            pos = at + len(phrase)
        found.append((at, at + len(phrase), when.date().isoformat()))
    return found


def split_half(docs: list[Document], half: str) -> list[Document]:
    """The documents of one half by their order: ``odd`` = 1st, 3rd, ...; ``even`` = 2nd, 4th, ..."""
    if half not in ("odd", "even"):
        raise ValueError(f"half must be 'odd' or 'even', not {half!r}")
    return docs[0::2] if half == "odd" else docs[1::2]


def value_errors(docs: list[Document]) -> list[tuple[str, str, str, str | None, str]]:
    """Matched DATE expressions whose value synoptic gets wrong: (document, gold text, gold value,
    found value, found text), for reading the errors of the half the rules are fitted on."""
    out: list[tuple[str, str, str, str | None, str]] = []
    for doc in docs:
        gold = [t for t in doc.timexes if t.type == "DATE"]
        used: set[int] = set()
        for ref in find_dates(doc.text, doc.dct):
            best, best_ov = None, 0
            for i, g in enumerate(gold):
                ov = min(ref.end, g.end) - max(ref.start, g.start)
                if i not in used and ov > best_ov:
                    best, best_ov = i, ov
            if best is None:
                continue
            used.add(best)
            g = gold[best]
            if ref.value != g.value:
                out.append((doc.name, g.text, g.value, ref.value, ref.text))
    return out


def extraction_errors(docs: list[Document]) -> list[tuple[str, str, str, str | None, str]]:
    """DATE expressions synoptic misses and those it finds where no gold TIMEX3 is: ("missed" or
    "spurious", document, text, value, the words around it), for reading the half fitted on."""
    out: list[tuple[str, str, str, str | None, str]] = []
    for doc in docs:
        found = find_dates(doc.text, doc.dct)

        def around(start: int, end: int, text: str = doc.text) -> str:
            return " ".join(text[max(0, start - 60) : end + 30].split())

        for ref in found:
            if not any(min(ref.end, t.end) > max(ref.start, t.start) for t in doc.timexes):
                out.append(("spurious", doc.name, ref.text, ref.value, around(ref.start, ref.end)))
        for g in doc.timexes:
            if g.type == "DATE" and not any(min(r.end, g.end) > max(r.start, g.start) for r in found):
                out.append(("missed", doc.name, g.text, g.value, around(g.start, g.end)))
    return out


def evaluate(docs: list[Document], baseline: bool = True) -> dict[str, dict[str, float | int]]:
    """Scores of synoptic (and of the dateparser baseline) over ``docs``."""
    systems = {"synoptic": synoptic_found}
    if baseline:
        systems["dateparser"] = dateparser_found
    out: dict[str, dict[str, float | int]] = {}
    for name, fn in systems.items():
        scores = Scores()
        t0 = time.perf_counter()
        for doc in docs:
            score_document(doc, fn(doc), scores)
        scores.seconds = time.perf_counter() - t0
        out[name] = scores.as_dict()
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval dates``."""
    parser.add_argument("--data", default=DEFAULT_DATA, metavar="DIR", help="folder of TimeML .tml files")
    parser.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline (slow)")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N documents")
    parser.add_argument(
        "--half",
        choices=("odd", "even"),
        help="only one half of the documents by their order (odd: 1st, 3rd, ...; even: 2nd, 4th, ...): "
        "fit on one half, measure on the other",
    )
    parser.add_argument(
        "--strict", action="store_true",
        help="with --half: switch off the rules read from that half's errors (the named rules of "
        "synoptic.extract.timex.RULES_READ_FROM), so its figure is held out from them",
    )
    parser.add_argument(
        "--errors", action="store_true",
        help="also list on stderr the wrong values (document, gold, found), then the DATEs missed and the "
        "expressions found where no TIMEX3 is",
    )


def run(args: argparse.Namespace) -> int:
    """Print the table (and write --json); exit 1 when there is no data."""
    if not Path(args.data).is_dir():
        print(f"{args.data}: no such folder; give --data DIR with TimeML .tml files", file=sys.stderr)
        return 1
    docs, skipped = load_corpus(args.data)
    for s in skipped:
        print(f"skipped {s}", file=sys.stderr)
    if args.half:
        docs = split_half(docs, args.half)
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print(f"{args.data}: no readable .tml files", file=sys.stderr)
        return 1
    strict = getattr(args, "strict", False)
    if strict and not args.half:
        print("--strict needs --half odd|even", file=sys.stderr)
        return 2
    with holding_out(args.half if strict else None):
        return _report(args, docs, skipped, strict)


def _report(args: argparse.Namespace, docs: list[Document], skipped: list[str], strict: bool) -> int:
    """The table, the JSON and the errors of ``run`` (inside its held-out block)."""
    figures = evaluate(docs, baseline=not args.no_baseline)
    cols = ["gold", "found", "matched", "other_type", "precision", "recall", "f1", "value_accuracy",
            "day_value_accuracy", "seconds"]  # fmt: skip
    half = f", {args.half} half" if args.half else ""
    if strict:
        off = sorted(name for name, h in RULES_READ_FROM.items() if h == args.half)
        half += f", without the rules read from it: {', '.join(off) or 'none'}"
    print(f"TimeBank DATE expressions, {len(docs)} documents ({args.data}{half})")
    print(f"{'system':<12}" + "".join(f"{c:>19}" for c in cols))
    for name, row in figures.items():
        print(f"{name:<12}" + "".join(f"{row[c]:>19}" for c in cols))
    if args.json:
        payload = {"task": TASK, "data": str(args.data), "half": args.half or "all", "documents": len(docs),
                   "strict": strict, "systems": figures}
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        for name, gtext, gvalue, value, text in value_errors(docs):
            print(f"{name}\t{gtext!r}\t{gvalue}\t{value}\t{text!r}", file=sys.stderr)
        for kind, name, text, value, context in extraction_errors(docs):
            print(f"{kind}\t{name}\t{text!r}\t{value}\t{context!r}", file=sys.stderr)
    return 3 if skipped else 0


__all__ = ["Document", "Scores", "Timex", "evaluate", "extraction_errors", "load_corpus", "load_timeml", "score_document",
           "split_half", "value_errors", "TASK"]
