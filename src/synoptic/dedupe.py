"""Near-duplicates: reposts and syndicated copies with small edits, so a brief counts them as one voice.

Each article's text becomes a set of word 5-shingles, hashed into a MinHash signature; a MinHash
LSH index (datasketch) finds earlier articles whose estimated Jaccard similarity reaches
:data:`DUPLICATE_JACCARD`, and the exact Jaccard of the shingle sets confirms it. Work per
article is one signature and one LSH query, so the whole corpus is never compared pairwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from synoptic.records import Article

# Calibrated on hand-made edits of the five seeds (../shared/seeds): a repost with a changed
# headline, a dropped paragraph or an added "Read more" line keeps Jaccard >= 0.6 of 5-shingles;
# different outlets' reports of the same event stay below 0.2.
#: Estimated Jaccard of word 5-shingles from which two texts are copies.
DUPLICATE_JACCARD = 0.6
#: Words per shingle.
SHINGLE_WORDS = 5
#: MinHash permutations (more: a finer estimate, slower).
NUM_PERM = 128
#: Texts with fewer words than this are compared as whole (lower-cased) strings only.
MIN_WORDS = 8

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word k-shingles of a text (the whole text as one shingle when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@cache
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The bands and rows datasketch's ``MinHashLSH`` picks for ``threshold`` and ``num_perm`` (its
    default weights), worked out once per process: datasketch integrates them anew for each index,
    and a run makes one index per story (ECB+ dev: 56 indexes, 1.9 s of a cProfile run of 155 s)."""
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


class DuplicateFinder:
    """Incremental near-duplicate detection: :meth:`add` articles in order, each one is checked
    against all earlier ones through the LSH index."""

    def __init__(self, threshold: float = DUPLICATE_JACCARD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = None
        self._shingles: dict[str, set[str]] = {}
        self._first: dict[str, str] = {}  # article id -> id of the first copy
        self._short: dict[str, str] = {}  # normalised short text -> first id

    def _index(self):  # datasketch is imported on first use
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm,
                                   params=_lsh_params(self.threshold, self.num_perm))
        return self._lsh

    def add(self, article: Article) -> str | None:
        """Index one article; returns the id of the earlier article it copies, or None."""
        from datasketch import MinHash

        if article.id in self._shingles or article.id in self._first:
            return self._first.get(article.id)
        text = article.text or ""
        words = _WORD.findall(text.lower())
        if len(words) < MIN_WORDS:
            key = " ".join(words)
            first = self._short.setdefault(key, article.id) if key else article.id
            if first != article.id:
                self._first[article.id] = first
                return first
            self._shingles[article.id] = set()
            return None
        sh = shingles(text)
        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch([s.encode("utf-8") for s in sh])
        lsh = self._index()
        best: tuple[float, int, str] | None = None
        order = {aid: n for n, aid in enumerate(self._shingles)}
        for cand in lsh.query(mh):
            j = jaccard(sh, self._shingles[cand])
            if j >= self.threshold and (best is None or (-j, order[cand]) < (-best[0], best[1])):
                best = (j, order[cand], cand)
        self._shingles[article.id] = sh
        lsh.insert(article.id, mh)
        if best is not None:
            first = self._first.get(best[2], best[2])
            self._first[article.id] = first
            return first
        return None

    def duplicates(self) -> dict[str, str]:
        """Article id -> id of the first copy, for every article that copies an earlier one."""
        return dict(self._first)


def find_duplicates(articles: Iterable[Article], threshold: float = DUPLICATE_JACCARD) -> dict[str, str]:
    """Near-duplicates among ``articles``: {article id: id of the first copy (in input order)}.

    Articles that copy nothing are absent from the result.
    """
    finder = DuplicateFinder(threshold=threshold)
    for article in articles:
        finder.add(article)
    return finder.duplicates()
