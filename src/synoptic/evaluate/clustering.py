"""Story clustering: BCubed precision/recall/F1, ARI and NMI of synoptic and a TF-IDF baseline.

The data is JSON Lines with an id, a text and a gold story label (``--gold FIELD``). The
baseline is TF-IDF + average-linkage agglomerative clustering (cosine) at the distance threshold
that is best on that very data: an optimistic baseline, since it sees the gold labels to pick it.

The online clusterer depends on the order articles arrive in; ``--shuffle N`` also scores it on
N random orders of the same articles (seeds 0 to N-1), as an archive read out of date order or an
interleaved stream would give them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from synoptic.records import Article

TASK = "clustering"

#: Distance thresholds the baseline sweeps (cosine distance, average linkage).
BASELINE_THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.30, 1.00, 0.02))


@dataclass
class ClusterScores:
    """Agreement of a predicted clustering with the gold one."""

    precision: float
    recall: float
    f1: float
    ari: float
    nmi: float
    clusters: int
    gold_clusters: int


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998) of two labelings of the same items."""
    if len(pred) != len(gold):
        raise ValueError("pred and gold must label the same items")
    n = len(pred)
    if n == 0:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(pred, gold, strict=True))
    psize = Counter(pred)
    gsize = Counter(gold)
    precision = sum(c * c / psize[p] for (p, _), c in joint.items()) / n
    recall = sum(c * c / gsize[g] for (_, g), c in joint.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusterScores:
    """BCubed P/R/F1, adjusted Rand index and normalised mutual information."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    p, r, f = bcubed(pred, gold)
    pl = [str(x) for x in pred]
    gl = [str(x) for x in gold]
    return ClusterScores(
        precision=p,
        recall=r,
        f1=f,
        ari=float(adjusted_rand_score(gl, pl)),
        nmi=float(normalized_mutual_info_score(gl, pl)),
        clusters=len(set(pl)),
        gold_clusters=len(set(gl)),
    )


def baseline_labels(texts: list[str], gold: Sequence[Hashable]) -> tuple[list[int], float]:
    """TF-IDF + average-linkage agglomerative clustering at the best threshold for ``gold``.

    Returns the labels and the chosen cosine-distance threshold.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    if len(texts) < 2:
        return [0] * len(texts), 0.0
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    dist = cosine_distances(tfidf)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    best: tuple[float, list[int], float] = (-1.0, [0] * len(texts), 0.0)
    for t in BASELINE_THRESHOLDS:
        labels = [int(x) for x in fcluster(tree, t=t, criterion="distance")]
        f = bcubed(labels, gold)[2]
        if f > best[0]:
            best = (f, labels, float(t))
    return best[1], best[2]


def load_jsonl(
    path: str | Path,
    gold_field: str,
    text_field: str = "text",
    half: str | None = None,
    half_field: str = "topic",
    documents: str | None = None,
) -> tuple[list[Article], list[str]]:
    """Articles and gold labels from a JSON Lines file (records without the gold field are skipped).

    ``half`` ("odd" or "even") keeps only the records whose integer ``half_field`` is odd or even,
    so constants calibrated on one half can be checked on the other. With ``documents``, a record
    is a whole gold story: its ``documents`` field lists the texts (Multi-News clusters), each an
    article ``<id>-<k>`` labelled with the record's gold field; empty texts are left out.
    """
    articles: list[Article] = []
    gold: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if documents is not None:
                texts = rec.get(documents)
                if gold_field not in rec or not isinstance(texts, list):
                    print(f"{path}:{n}: no {gold_field!r} or no list {documents!r}; skipped", file=sys.stderr)
                    continue
                for k, text in enumerate(texts):
                    if isinstance(text, str) and text.strip():
                        articles.append(Article(id=f"{rec.get('id', n)}-{k}", text=text))
                        gold.append(str(rec[gold_field]))
                continue
            if gold_field not in rec or text_field not in rec:
                print(f"{path}:{n}: no {gold_field!r} or {text_field!r}; skipped", file=sys.stderr)
                continue
            if half is not None:
                try:
                    parity = int(rec[half_field]) % 2
                except (KeyError, TypeError, ValueError):
                    print(f"{path}:{n}: no integer {half_field!r} for --half; skipped", file=sys.stderr)
                    continue
                if parity != (1 if half == "odd" else 0):
                    continue
            articles.append(
                Article(
                    id=str(rec.get("id", n)),
                    text=str(rec[text_field]),
                    title=rec.get("title"),
                    url=rec.get("url"),
                )
            )
            gold.append(str(rec[gold_field]))
    return articles, gold


class _Memo:
    """The default embedder with the vectors of this run kept, so other orders do not embed again."""

    def __init__(self) -> None:
        from synoptic.embed import get_embedder

        self.inner = get_embedder()
        self.name, self.dim = self.inner.name, self.inner.dim
        self.vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.inner.embed(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])


def _synoptic_scores(articles: list[Article], gold: Sequence[Hashable], embedder: _Memo) -> dict[str, Any]:
    from synoptic.cluster import cluster_articles

    t0 = time.perf_counter()
    stories = cluster_articles(articles, embedder=embedder)
    secs = time.perf_counter() - t0
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    return {**asdict(score([story_of[a.id] for a in articles], gold)), "seconds": round(secs, 3)}


def evaluate(articles: list[Article], gold: Sequence[Hashable], shuffles: int = 0) -> dict[str, object]:
    """Score :func:`synoptic.cluster.cluster_articles` and the optimistic baseline on the same data;
    with ``shuffles``, synoptic also on that many random orders of the articles (seeds 0, 1, ...)."""
    embedder = _Memo()
    ours = _synoptic_scores(articles, gold, embedder)
    orders = []
    for seed in range(shuffles):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        got = _synoptic_scores([articles[i] for i in order], [gold[i] for i in order], embedder)
        orders.append({"seed": seed, **got})
    t1 = time.perf_counter()
    blabels, bthr = baseline_labels([a.text for a in articles], gold)
    bsecs = time.perf_counter() - t1
    base = score(blabels, gold)
    figures: dict[str, object] = {
        "articles": len(articles),
        "synoptic": ours,
        "baseline_tfidf_agglomerative": {**asdict(base), "threshold": bthr, "seconds": round(bsecs, 3)},
    }
    if orders:
        f1s = [float(o["f1"]) for o in orders]
        figures["synoptic_shuffled"] = {"orders": orders, "f1_min": min(f1s), "f1_mean": sum(f1s) / len(f1s)}
    return figures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval clustering``."""
    parser.add_argument("--data", required=True, metavar="FILE.jsonl", help="articles with gold labels")
    parser.add_argument("--gold", required=True, metavar="FIELD", help="record field holding the gold story")
    parser.add_argument("--text-field", default="text", metavar="FIELD", help="record field with the text")
    parser.add_argument(
        "--half",
        choices=("odd", "even"),
        help="only records whose --half-field is odd / even (calibrate on one half, check on the other)",
    )
    parser.add_argument(
        "--half-field",
        default="topic",
        metavar="FIELD",
        help="integer record field for --half (default topic)",
    )
    parser.add_argument(
        "--documents",
        metavar="FIELD",
        help="each record is one gold story whose FIELD lists its texts (Multi-News: --documents documents --gold id)",
    )
    parser.add_argument(
        "--shuffle",
        type=int,
        default=0,
        metavar="N",
        help="also score synoptic on N random orders of the articles (seeds 0..N-1)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the table (and write --json); exit 1 when the data cannot be read."""
    try:
        articles, gold = load_jsonl(
            args.data,
            args.gold,
            args.text_field,
            getattr(args, "half", None),
            getattr(args, "half_field", "topic"),
            getattr(args, "documents", None),
        )
    except (OSError, json.JSONDecodeError) as exc:
        print(f"synoptic: {args.data}: cannot read ({exc}); give a JSON Lines file", file=sys.stderr)
        return 1
    if not articles:
        print(f"synoptic: {args.data}: no record has {args.gold!r} and {args.text_field!r}", file=sys.stderr)
        return 1
    figures = evaluate(articles, gold, max(0, getattr(args, "shuffle", 0)))
    rows = [("synoptic", figures["synoptic"])]
    shuffled = figures.get("synoptic_shuffled")
    if isinstance(shuffled, dict):
        rows += [(f"synoptic, random order {o['seed']}", o) for o in shuffled["orders"]]
    rows.append(("tfidf+avg-link (best thr)", figures["baseline_tfidf_agglomerative"]))
    print(f"{len(articles)} articles, {len(set(gold))} gold stories")
    print(f"{'system':28} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'ARI':>6} {'NMI':>6} {'clusters':>8}")
    for name, f in rows:
        assert isinstance(f, dict)
        print(
            f"{name:28} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} "
            f"{f['ari']:6.3f} {f['nmi']:6.3f} {f['clusters']:8d}"
        )
    if isinstance(shuffled, dict):
        print(f"synoptic over {len(shuffled['orders'])} random orders: B3-F1 min {shuffled['f1_min']:.3f}, "
              f"mean {shuffled['f1_mean']:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


__all__ = ["ClusterScores", "bcubed", "score", "baseline_labels", "evaluate", "load_jsonl", "TASK"]
