"""Near-duplicate detection: reposts with small edits count as one voice."""

from __future__ import annotations

from pathlib import Path

import pytest

from synoptic.dedupe import DuplicateFinder, find_duplicates, jaccard, shingles
from synoptic.records import Article


def _edits(text: str) -> dict[str, str]:
    lines = text.split("\n")
    mid = len(lines) // 2
    return {
        "new headline": "Breaking: a different headline\n" + text,
        "dropped paragraph": "\n".join(lines[:mid] + lines[mid + 1 :]),
        "read more footer": text + "\nRead more on our website. Share this article.",
        "typo fixes": text.replace(" the ", " teh ", 3),
    }


@pytest.mark.parametrize("edit", ["new headline", "dropped paragraph", "read more footer", "typo fixes"])
def test_find_duplicates_repost_with_small_edit_points_to_first_copy(
    seed_files: list[Path], edit: str
) -> None:
    originals = [Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in seed_files]
    copy = Article(id="repost", text=_edits(originals[2].text)[edit])
    dups = find_duplicates([*originals, copy])
    assert dups == {"repost": originals[2].id}


def test_find_duplicates_different_reports_of_one_event_are_not_copies(seed_files: list[Path]) -> None:
    articles = [Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in seed_files]
    assert find_duplicates(articles) == {}


def test_find_duplicates_chain_of_copies_points_to_the_first() -> None:
    base = " ".join(f"word{i}" for i in range(200))
    a = Article(id="a", text=base)
    b = Article(id="b", text=base + " extra words at the end")
    c = Article(id="c", text="start " + base + " extra words at the end")
    assert find_duplicates([a, b, c]) == {"b": "a", "c": "a"}


def test_find_duplicates_short_texts_match_only_when_equal() -> None:
    arts = [
        Article(id="1", text="Quake hits."),
        Article(id="2", text="quake  HITS"),
        Article(id="3", text="Fire"),
    ]
    assert find_duplicates(arts) == {"2": "1"}


def test_shingles_and_jaccard() -> None:
    a = shingles("one two three four five six")
    assert a == {"one two three four five", "two three four five six"}
    assert jaccard(a, a) == 1.0
    assert jaccard(set(), set()) == 0.0


def test_duplicate_finder_same_id_twice_is_not_its_own_copy() -> None:
    finder = DuplicateFinder()
    text = " ".join(f"w{i}" for i in range(50))
    assert finder.add(Article(id="x", text=text)) is None
    assert finder.add(Article(id="x", text=text)) is None


def test_lsh_params_are_those_datasketch_would_pick() -> None:
    """The bands and rows are worked out once per process (``_lsh_params``), as datasketch would
    for each index."""
    from datasketch import MinHashLSH

    from synoptic.dedupe import DUPLICATE_JACCARD, NUM_PERM, DuplicateFinder, _lsh_params

    for threshold in (DUPLICATE_JACCARD, 0.8):
        own = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        assert _lsh_params(threshold, NUM_PERM) == (own.b, own.r)
    index = DuplicateFinder()._index()
    assert (index.b, index.r) == _lsh_params(DUPLICATE_JACCARD, NUM_PERM)
