"""Extraction on the five seed articles against the hand annotation (entities, figures, quotes, dates).

The measures are those of ``shared/tools/seedcheck.py extract``, computed here through the Python
API (``ingest.load`` -> ``clean.clean_articles`` -> ``extract.extract_articles``) with offsets into
the cleaned text, where every gold span still is:

- entity groups right: every variant written in the group's articles is a mention, and all the
  mentions written as a variant in those articles share one canonical name;
- wrong merges: ``must_not_merge`` pairs given the same canonical name;
- figures: gold reports found (a figure overlapping the span with the same value, and the same
  qualifier family where the gold gives one);
- quotes: gold quote variants found (half the span covered) with the right speaker;
- dates: gold timeline evidence found (a date overlapping the span whose value starts with the date).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from synoptic.records import Article, Extraction

TASK = "seeds"

# Qualifier families as the gold names them (same groups as seedcheck.py).
QUALIFIER_FAMILIES = {
    "more than": ["more than", "over", "above", "exceed", "overcome"],
    "at least": ["at least", "minimum"],
    "about": ["about", "around", "some", "approximately", "roughly", "nearly"],
    "almost": ["almost", "nearly", "just under", "close to"],
}


@dataclass
class SeedScores:
    """The seed measures; ``failures`` says which gold items were missed."""

    entity_groups: int = 0
    entity_groups_ok: int = 0
    wrong_merges: int = 0
    figures: int = 0
    figures_ok: int = 0
    quotes: int = 0
    quotes_ok: int = 0
    dates: int = 0
    dates_ok: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def default_shared() -> Path:
    """``../shared`` beside the checkout (or ``$SYNOPTIC_SHARED``)."""
    root = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("SYNOPTIC_SHARED", root.parent / "shared"))


def _norm(s: object) -> str:
    return re.sub(r"\W+", " ", str(s or "")).strip().lower()



def _at_gold(texts: dict[str, str], recs: dict[str, Any], article: str, span: str, kind: str,
             share: float = 0.0) -> list[Any]:
    """The records of ``kind`` (figures, quotes, dates) that overlap the first occurrence of the
    gold ``span`` in ``article`` (by more than ``share`` of its length), as seedcheck reads them."""
    s0 = texts.get(article, "").find(span)
    if s0 < 0 or article not in recs:
        return []
    s1 = s0 + len(span)
    return [r for r in getattr(recs[article], kind)
            if _overlap(r.start, r.end, s0, s1) > 0 and _overlap(r.start, r.end, s0, s1) >= share * len(span)]

def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _qualifier_ok(gold_q: str, q: str | None) -> bool:
    q = _norm(q)
    return any(w in q for w in QUALIFIER_FAMILIES.get(gold_q, [gold_q]))


def _same_person(pred: str | None, gold: str) -> bool:
    p, g = _norm(pred).split(), _norm(gold).split()
    return bool(p) and (p[-1] in g or any(x in g for x in p if len(x) > 3))


def key3(article_id: str) -> str:
    """Seed key of an article id ('000_a4a6...txt' -> '000')."""
    return os.path.basename(str(article_id))[:3]


def load_seed_articles(shared: Path) -> list[Article]:
    """The five seeds, read and cleaned as ``synoptic extract`` does."""
    from synoptic.clean import clean_articles
    from synoptic.ingest import load

    paths = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    return clean_articles([a for a in load(paths) if isinstance(a, Article)])


def score(articles: list[Article], extractions: list[Extraction], gold: dict[str, Any]) -> SeedScores:
    """Compare extractions of the seeds with the gold annotation (offsets into ``Article.text``)."""
    texts = {key3(a.id): a.text for a in articles}
    recs = {key3(e.article): e for e in extractions}
    out = SeedScores()
    canon_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, ex in recs.items():
        for m in ex.mentions:
            canon_of[(k, m.text)].add(_norm(m.entity))
    group_canon = {}
    for g in gold["entities"]:
        out.entity_groups += 1
        names: set[str] = set()
        for k in g["articles"]:
            for v in g["variants"]:
                names |= canon_of.get((k, v), set())
        present = [(k, v) for k in g["articles"] for v in g["variants"]
                   if k in texts and re.search(r"\b" + re.escape(v) + r"\b", texts[k])]
        found = {v for k, v in present if canon_of.get((k, v))}
        missed = {v for _, v in present} - found
        if not missed and len(names) == 1:
            out.entity_groups_ok += 1
            group_canon[g["canonical"]] = next(iter(names))
        else:
            out.failures.append(f"entity {g['canonical']}: names {sorted(names)[:4]}, missed {sorted(missed)[:3]}")
    for a, b in gold["must_not_merge"]:
        if a in group_canon and b in group_canon and group_canon[a] == group_canon[b]:
            out.wrong_merges += 1
            out.failures.append(f"merged {a} + {b}")
    for g in gold["figures"]:
        for rep in g["reports"]:
            out.figures += 1
            hit = [f for f in _at_gold(texts, recs, rep["article"], rep["span"], "figures")
                   if f.value == rep["value"]]
            if hit and ("qualifier" not in rep or any(_qualifier_ok(rep["qualifier"], f.qualifier) for f in hit)):
                out.figures_ok += 1
            else:
                out.failures.append(f"figure {g['id']} {rep['article']} {rep['span'][:30]!r}")
    for g in gold["quotes"]:
        for v in g["variants"]:
            out.quotes += 1
            qhit = _at_gold(texts, recs, v["article"], v["text"], "quotes", share=0.5)
            if any(_same_person(q.entity or q.speaker, g["speaker"]) for q in qhit):
                out.quotes_ok += 1
            else:
                out.failures.append(f"quote {g['id']} {v['article']}: {[q.entity or q.speaker for q in qhit][:2]}")
    for ev in gold["timeline"]:
        for e in ev["evidence"]:
            out.dates += 1
            dhit = _at_gold(texts, recs, e["article"], e["span"], "dates")
            if any(str(d.value or "").startswith(ev["date"]) for d in dhit):
                out.dates_ok += 1
            else:
                out.failures.append(f"date {ev['date']} {e['article']} {e['span']!r}: {[d.value for d in dhit]}")
    return out


def evaluate(shared: Path | None = None) -> SeedScores:
    """Extract the seeds through the Python API and score them against the gold."""
    from synoptic.extract import extract_articles

    shared = shared or default_shared()
    gold = json.loads((shared / "gold" / "kazakhstan-2022.json").read_text(encoding="utf-8"))
    articles = load_seed_articles(shared)
    t0 = time.perf_counter()
    extractions = extract_articles(articles)
    scores = score(articles, extractions, gold)
    scores.seconds = round(time.perf_counter() - t0, 3)
    return scores


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval seeds``."""
    parser.add_argument("--shared", default=None, metavar="DIR",
                        help="the shared folder holding seeds/ and gold/ (default: ../shared beside the checkout "
                        "or $SYNOPTIC_SHARED)")


def run(args: argparse.Namespace) -> int:
    """Print the table (and write --json); exit 1 when the seeds or the gold cannot be read."""
    shared = Path(args.shared) if args.shared else default_shared()
    if not (shared / "seeds").is_dir() or not (shared / "gold" / "kazakhstan-2022.json").is_file():
        print(f"synoptic eval seeds: {shared}: no seeds/ or gold/kazakhstan-2022.json there; "
              "pass --shared DIR", file=sys.stderr)
        return 1
    s = evaluate(shared)
    rows = [
        ("entity groups right", f"{s.entity_groups_ok}/{s.entity_groups}"),
        ("wrong merges", str(s.wrong_merges)),
        ("figures (value + qualifier)", f"{s.figures_ok}/{s.figures}"),
        ("quotes (right speaker)", f"{s.quotes_ok}/{s.quotes}"),
        ("dates (right value)", f"{s.dates_ok}/{s.dates}"),
        ("extraction seconds", f"{s.seconds:.2f}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for f in s.failures[:12]:
        print(f"  miss: {f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"task": TASK, **asdict(s)}, indent=2) + "\n", encoding="utf-8")
    return 0


__all__ = ["SeedScores", "TASK", "evaluate", "key3", "load_seed_articles", "score"]
