"""Summaries: ROUGE-1/2/L F1 of synoptic and of lead, LexRank and TextRank on Multi-News clusters.

Every system reads the same cleaned documents, split by the same sentence splitter, and fills the
same word budget with whole sentences in its own order of preference (a sentence that does not fit
is skipped, a later shorter one may fill the space). The budget is each cluster's reference length
in words (``--max-words ref``, the default) or a fixed number. ROUGE is the ``rouge-score`` package
with the Porter stemmer; figures are mean F1 x 100 over the clusters.

Baselines:
- lead: the standard Multi-News lead, the documents' leads concatenated (first sentence of every
  document, then the second of every document, ...);
- LexRank and TextRank: sumy's implementations with its English stop words and Snowball stemmer,
  over synoptic's sentence splitter (sumy's default tokenizer needs NLTK data, not available here).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synoptic.errors import InputError, MissingDependency
from synoptic.summarize import clean_documents, split_sentences, summarize_documents

TASK = "summaries"
SYSTEMS = ("synoptic", "lead", "lexrank", "textrank")
METRICS = ("rouge1", "rouge2", "rougeL")

log = logging.getLogger(__name__)
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def default_data() -> Path:
    """``../shared/eval/multinews-dev/clusters.jsonl`` beside the checkout (or under $SYNOPTIC_SHARED)."""
    root = Path(__file__).resolve().parents[3]
    shared = Path(os.environ.get("SYNOPTIC_SHARED", root.parent / "shared"))
    return shared / "eval" / "multinews-dev" / "clusters.jsonl"


@dataclass
class Cluster:
    """One evaluation cluster: its documents and the human reference summary."""

    id: str
    documents: list[str]
    summary: str


def load_clusters(path: str | Path) -> tuple[list[Cluster], list[str]]:
    """Clusters of a JSON Lines file ``{"id","documents":[...],"summary"}``; also the skip messages."""
    clusters: list[Cluster] = []
    skipped: list[str] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read it ({exc}); give a JSON Lines file of clusters") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            docs = rec.get("documents") if isinstance(rec, dict) else None
            if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
                raise TypeError('"documents" is not a list of strings')
            if not isinstance(rec.get("summary"), str):
                raise TypeError('"summary" is not a string')
            clusters.append(Cluster(str(rec.get("id", n)), docs, rec["summary"]))
        except (ValueError, KeyError, TypeError) as exc:
            skipped.append(f"{path}:{n}: skipped ({exc}); each line needs id, documents and summary")
    return clusters, skipped


# ------------------------------------------------------------------ baselines


class SentenceTokenizer:
    """The tokenizer sumy is given: synoptic's sentence splitter and a plain word pattern."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        """Sentences of a paragraph."""
        return [text[s:e] for s, e in split_sentences(text)]

    def to_words(self, sentence: str) -> list[str]:
        """Words of a sentence."""
        return _WORDS.findall(sentence)


def _fill(ranked: Iterable[str], budget: int) -> list[str]:
    """Whole sentences in the given order of preference while they fit in ``budget`` words."""
    out: list[str] = []
    used = 0
    for sentence in ranked:
        n = len(sentence.split())
        if n and used + n <= budget:
            out.append(sentence)
            used += n
    return out


def _document_sentences(documents: Sequence[str]) -> list[list[str]]:
    return [[a.text[s:e] for s, e in split_sentences(a.text)] for a in clean_documents(documents)]


def lead(documents: Sequence[str], budget: int) -> list[str]:
    """The documents' leads concatenated: first sentences of all documents, then second ones, ..."""
    per_doc = _document_sentences(documents)
    order = [doc[i] for i in range(max(map(len, per_doc), default=0)) for doc in per_doc if i < len(doc)]
    return _fill(order, budget)


def _sumy(kind: str) -> Callable[[Sequence[str], int], list[str]]:
    """A sumy graph summariser (``lexrank`` or ``textrank``) as a budgeted baseline."""
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError as exc:
        raise MissingDependency(
            f"the {kind} baseline needs sumy: pip install 'synoptic[eval]' ({exc})"
        ) from exc
    cls = LexRankSummarizer if kind == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = SentenceTokenizer()

    def run(documents: Sequence[str], budget: int) -> list[str]:
        paragraphs = [line.strip() for a in clean_documents(documents) for line in a.text.splitlines()]
        parser = PlaintextParser.from_string("\n\n".join(p for p in paragraphs if p), tokenizer)
        picked: list[str] = []

        def by_budget(infos: list[Any]) -> list[Any]:  # infos come best-rated first
            keep = set(_fill((str(i.sentence) for i in infos), budget))
            chosen = [i for i in infos if str(i.sentence) in keep and str(i.sentence) not in picked]
            picked.extend(str(i.sentence) for i in chosen)
            return chosen

        if not parser.document.sentences:
            return []
        summarizer(parser.document, by_budget)
        return picked  # in order of rating, as _fill chose them

    return run


def synoptic(documents: Sequence[str], budget: int) -> list[str]:
    """synoptic's own summary (sentences only)."""
    return [text for text, _ in summarize_documents(list(documents), budget, use_embeddings=False)]


def systems(names: Sequence[str] = SYSTEMS) -> dict[str, Callable[[Sequence[str], int], list[str]]]:
    """The named systems as ``f(documents, budget) -> sentences``."""
    table: dict[str, Callable[[Sequence[str], int], list[str]]] = {}
    for name in names:
        if name == "synoptic":
            table[name] = synoptic
        elif name == "lead":
            table[name] = lead
        elif name in ("lexrank", "textrank"):
            table[name] = _sumy(name)
        else:
            raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
    return table


# ------------------------------------------------------------------ scoring


def evaluate(
    clusters: Sequence[Cluster],
    max_words: int | None = None,
    names: Sequence[str] = SYSTEMS,
    progress: bool = False,
) -> dict[str, Any]:
    """ROUGE F1 (x100) of each system over the clusters, at each cluster's reference length when
    ``max_words`` is None. Returns ``{"clusters", "max_words", "systems": {name: {metric: F1,
    "words": mean words, "seconds": time}}, "per_cluster": {name: [rouge1 ...]}}``."""
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise MissingDependency(f"ROUGE needs rouge-score: pip install 'synoptic[eval]' ({exc})") from exc
    logging.getLogger("absl").setLevel(logging.WARNING)  # rouge-score logs "Using default tokenizer."
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    funcs = systems(names)
    sums = {n: {m: 0.0 for m in METRICS} for n in funcs}
    words = dict.fromkeys(funcs, 0)
    seconds = dict.fromkeys(funcs, 0.0)
    per_cluster: dict[str, list[float]] = {n: [] for n in funcs}
    items: Iterable[Cluster] = clusters
    if progress:
        from tqdm import tqdm

        items = tqdm(clusters, desc="summaries", unit="cluster")
    for cluster in items:
        budget = max_words or len(cluster.summary.split())
        for name, func in funcs.items():
            t0 = time.perf_counter()
            sentences = func(cluster.documents, budget)
            seconds[name] += time.perf_counter() - t0
            text = " ".join(sentences)
            words[name] += len(text.split())
            scores = scorer.score(cluster.summary, text)
            for m in METRICS:
                sums[name][m] += scores[m].fmeasure
            per_cluster[name].append(round(100 * scores["rouge1"].fmeasure, 2))
    n = max(len(clusters), 1)
    return {
        "clusters": len(clusters),
        "max_words": max_words or "ref",
        "systems": {
            name: {
                **{m: round(100 * sums[name][m] / n, 2) for m in METRICS},
                "words": round(words[name] / n, 1),
                "seconds": round(seconds[name], 2),
            }
            for name in funcs
        },
        "per_cluster": per_cluster,
    }


def table(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    head = f"{'system':<10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'words':>7} {'seconds':>8}"
    rows = [
        f"{name:<10} {s['rouge1']:>8.2f} {s['rouge2']:>8.2f} {s['rougeL']:>8.2f} {s['words']:>7.1f} "
        f"{s['seconds']:>8.2f}"
        for name, s in figures["systems"].items()
    ]
    note = f"{figures['clusters']} clusters, budget {figures['max_words']} words, F1 x 100"
    return "\n".join([head, *rows, note])


# ------------------------------------------------------------------ command


def _budget(value: str) -> int | None:
    from synoptic.cli._common import positive_int

    return None if value == "ref" else positive_int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval summaries``."""
    parser.add_argument("--data", default=None, metavar="PATH",
                        help="clusters as JSON Lines {id, documents, summary} (default: "
                        "../shared/eval/multinews-dev/clusters.jsonl)")
    parser.add_argument("--max-words", type=_budget, default=None, metavar="N|ref",
                        help="word budget of every summary; 'ref' (default): each reference's length")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma-separated systems to score (default: {','.join(SYSTEMS)})")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N clusters")


def run(args: argparse.Namespace) -> int:
    """Score the systems, print the table, write --json; exit 3 when some clusters were skipped."""
    path = args.data or default_data()
    try:
        clusters, skipped = load_clusters(path)
    except InputError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return 1
    for message in skipped:
        print(f"synoptic: {message}", file=sys.stderr)
    if args.limit:
        clusters = clusters[: args.limit]
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    try:
        figures = evaluate(clusters, args.max_words, names, progress=sys.stderr.isatty())
    except (ValueError, MissingDependency) as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    print(table(figures))
    if args.json:
        figures["data"] = str(path)
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 3 if skipped else 0
