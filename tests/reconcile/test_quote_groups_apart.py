"""Quote groups: one speaker's two statements on one topic, each carried by two outlets, stay two groups."""

from __future__ import annotations

import pytest

from synoptic.reconcile import quote_groups
from synoptic.reconcile import quotes as _quotes
from synoptic.records import Article, Extraction, Mention, Quote

SPEAKER = "Tom Reed"
# (article, sentence, the words said, kind): two statements, two outlets each
VERSIONS = [
    ("a", "Fire chief Tom Reed said the department was treating the fire as suspicious and as potential arson "
          "at this point.", "the department was treating the fire as suspicious and as potential arson at this point",
     "indirect"),
    ("b", "Fire chief Tom Reed said investigators were treating it as suspicious and as potential arson for now.",
     "investigators were treating it as suspicious and as potential arson for now", "indirect"),
    ("c", "Fire chief Tom Reed said the blaze was being investigated as an arson but that he knew of no recent "
          "threats to the hall.", "the blaze was being investigated as an arson but that he knew of no recent threats "
                                  "to the hall", "indirect"),
    ("d", "Fire chief Tom Reed said the blaze was being examined as a case of arson though he had heard of no "
          "threats made against the hall.", "the blaze was being examined as a case of arson though he had heard of "
                                           "no threats made against the hall", "indirect"),
]


def _story() -> tuple[list[Article], list[Extraction]]:
    arts, exs = [], []
    for aid, text, words, kind in VERSIONS:
        s0, sp = text.index(words), text.index(SPEAKER)
        q = Quote(text=words, start=s0, end=s0 + len(words), kind=kind, speaker=SPEAKER, speaker_start=sp,
                  speaker_end=sp + len(SPEAKER), entity=SPEAKER, cue="said", article=aid)
        m = Mention(text=SPEAKER, type="PERSON", start=sp, end=sp + len(SPEAKER), article=aid, entity=SPEAKER)
        arts.append(Article(id=aid, text=text))
        exs.append(Extraction(article=aid, quotes=[q], mentions=[m]))
    return arts, exs


def _grouping() -> set[frozenset[str]]:
    return {frozenset(v.article for v in g.variants) for g in quote_groups(*_story())}


def test_two_statements_on_one_topic_stay_apart() -> None:
    assert _grouping() == {frozenset("ab"), frozenset("cd")}


def test_the_rule_is_what_keeps_them_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        from synoptic.embed import get_embedder

        get_embedder()
    except Exception as e:  # the TF-IDF fallback scores these pairs on another scale
        pytest.skip(f"the sentence-embedding model is not installed ({e})")
    monkeypatch.setattr(_quotes, "GROUP_MEAN_MARGIN", 9.0)  # the rule off: the two statements chain into one
    assert _grouping() == {frozenset("abcd")}
