"""Article extraction on the Article Extraction Benchmark: synoptic's HTML path vs trafilatura.

Scores are 4-gram shingle matches (counted with multiplicity) between the extracted text and the
ground-truth body, in two ways:

- ``aeb``: the benchmark's own ``evaluate.py``: word tokens (``\\w+``), each page's TP/FP/FN
  normalised to sum to 1, precision and recall averaged over pages, F1 from the two means. This
  is the metric behind the published figure for trafilatura (F1 0.958).
- ``micro``: whitespace tokens, TP/FP/FN summed over all pages (stricter about punctuation).

synoptic's path is the HTML read as a record (trafilatura inside ``ingest``) and the whole batch
cleaned with ``clean.clean_articles``; trafilatura is ``trafilatura.extract(html)`` as the
benchmark runs it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TASK = "extraction"
SHINGLE_N = 4
_WORD = re.compile(r"\w+")

Counts = tuple[int, int, int]


def shingles(tokens: list[str], n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """The ``n``-gram shingles of ``tokens`` (one shingle holding them all when there are fewer)."""
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_counts(truth: str, predicted: str, *, words: bool = True) -> Counts:
    """(true positives, false positives, false negatives) of ``predicted`` against ``truth``.

    ``words``: tokens are ``\\w+`` runs (the benchmark's tokeniser); otherwise whitespace-split.
    """
    split = _WORD.findall if words else str.split
    t, p = shingles(split(truth or "")), shingles(split(predicted or ""))
    tp = sum((t & p).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def aeb_scores(rows: list[Counts]) -> tuple[float, float, float]:
    """Precision, recall, F1 as the benchmark's evaluate.py computes them (macro over pages)."""
    precisions, recalls = [], []
    for tp, fp, fn in rows:
        if fp == fn == 0:
            pr = rc = 1.0
        else:
            pr = tp / (tp + fp) if tp + fp else 0.0
            rc = tp / (tp + fn) if tp + fn else 0.0
        if tp + fp > 0:
            precisions.append(pr)
        if tp + fn > 0:
            recalls.append(rc)
    return _prf(
        statistics.mean(precisions) if precisions else 0.0, statistics.mean(recalls) if recalls else 0.0
    )


def micro_scores(rows: list[Counts]) -> tuple[float, float, float]:
    """Precision, recall, F1 from TP/FP/FN summed over pages."""
    tp, fp, fn = (sum(r[i] for r in rows) for i in range(3))
    return _prf(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


@dataclass
class Score:
    """One system's per-page counts (both tokenisations) and its run time."""

    words: list[Counts] = field(default_factory=list)
    spaces: list[Counts] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, truth: str, predicted: str) -> None:
        """Add one page."""
        self.words.append(shingle_counts(truth, predicted, words=True))
        self.spaces.append(shingle_counts(truth, predicted, words=False))

    @property
    def aeb(self) -> tuple[float, float, float]:
        return aeb_scores(self.words)

    @property
    def micro(self) -> tuple[float, float, float]:
        return micro_scores(self.spaces)

    def as_dict(self) -> dict[str, float]:
        """The figures as JSON-ready numbers."""
        (p, r, f), (mp, mr, mf) = self.aeb, self.micro
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "micro_precision": mp,
            "micro_recall": mr,
            "micro_f1": mf,
            "pages": len(self.words),
            "seconds": self.seconds,
        }


def load_pages(data: Path) -> list[tuple[str, str, str, str]]:
    """(id, path, html, ground-truth body) for every page of the benchmark folder ``data``."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid, item in sorted(truth.items()):
        path = data / "html" / f"{pid}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append((pid, str(path), html, item.get("articleBody") or ""))
    return pages


def synoptic_texts(pages: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """synoptic's cleaned text per page id: the HTML read as a record, then the batch cleaned."""
    from synoptic.clean import clean_articles
    from synoptic.errors import InputError
    from synoptic.ingest.records import record_article

    articles = []
    for pid, path, html, _ in pages:
        try:
            articles.append(record_article({"id": pid, "html": html}, path))
        except InputError:
            continue
    return {a.id: a.text for a in clean_articles(articles)}


def trafilatura_texts(pages: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """trafilatura 2's text per page id, called directly with its defaults."""
    import trafilatura

    return {pid: trafilatura.extract(html) or "" for pid, _, html, _ in pages}


def evaluate(data: Path) -> dict[str, Score]:
    """Score both systems on the benchmark in ``data``."""
    pages = load_pages(data)
    systems: dict[str, Callable[[list[tuple[str, str, str, str]]], dict[str, str]]] = {
        "synoptic": synoptic_texts,
        "trafilatura": trafilatura_texts,
    }
    scores: dict[str, Score] = {}
    for name, func in systems.items():
        start = time.perf_counter()
        texts = func(pages)
        score = Score(seconds=time.perf_counter() - start)
        for pid, _, _, truth in pages:
            score.add(truth, texts.get(pid, ""))
        scores[name] = score
    return scores


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", default="../shared/eval/aeb", help="benchmark folder (ground-truth.json, html/)"
    )


def run(args: argparse.Namespace) -> int:
    data = Path(args.data)
    if not (data / "ground-truth.json").exists():
        print(
            f"synoptic: {data}: no ground-truth.json here; give the AEB folder with --data", file=sys.stderr
        )
        return 1
    scores = evaluate(data)
    n = len(next(iter(scores.values())).words)
    print(f"Article extraction, {n} pages, {SHINGLE_N}-gram shingles")
    print(
        f"{'system':<12} {'P (aeb)':>8} {'R (aeb)':>8} {'F1 (aeb)':>9} {'P micro':>8} {'R micro':>8} {'F1 micro':>9} {'seconds':>8}"
    )
    for name, sc in scores.items():
        row = " ".join(f"{x:>8.3f}" for x in sc.aeb + sc.micro)
        print(f"{name:<12} {row} {sc.seconds:>8.1f}")
    print(
        "aeb: the benchmark's evaluate.py (word tokens, per-page means); micro: whitespace tokens, summed over pages"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"task": TASK, "pages": n, "systems": {k: v.as_dict() for k, v in scores.items()}}, indent=2
            )
        )
    return 0
