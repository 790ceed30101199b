"""What the stages embed: only the texts that can change a result (issue 15, one pass per article)."""

from __future__ import annotations

import numpy as np

from synoptic.embed import get_embedder, using
from synoptic.extract import extract_articles
from synoptic.reconcile.quotes import quote_groups
from synoptic.records import Article


class Recording:
    """The real MiniLM embedder, keeping the texts it was asked for."""

    def __init__(self) -> None:
        self.inner = get_embedder("minilm")
        self.name, self.dim = self.inner.name, self.inner.dim
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


ONE = (
    'Police chief John Smith said: "The old bridge will stay closed to all traffic until Friday." '
    'Mayor Ann Lee said: "We are working with the engineers on every possible option for the town." '
    'Officials said: "Repairs to the bridge began this morning after the flood."'
)
TWO = (
    'Police chief John Smith said: "The old bridge will remain closed to all traffic until Friday." '
    'Officials said: "Repair work on the bridge began on Tuesday morning."'
)


def test_quote_grouping_embeds_the_sentence_of_speakers_quoted_by_two_articles_only() -> None:
    articles = [Article(id="a", text=ONE, raw_text=ONE), Article(id="b", text=TWO, raw_text=TWO)]
    extractions = extract_articles(articles)
    speakers = {q.entity or q.speaker for ex in extractions for q in ex.quotes}
    assert {"John Smith", "Ann Lee"} <= speakers, speakers  # the extraction this test is about
    recording = Recording()
    with using(recording):
        groups = quote_groups(articles, extractions)
    embedded = set(recording.texts)
    # the mayor is quoted by one article: her words are compared with the unnamed officials' (all
    # quotes are, when an unnamed source speaks), her sentence is not needed and not embedded
    assert any("every possible option" in t for t in embedded)
    assert not any(t.startswith("Mayor Ann Lee said") for t in embedded), sorted(embedded)
    # the police chief is quoted by both: his versions are compared with their sentences, and join
    assert any(t.startswith("Police chief John Smith said") for t in embedded), sorted(embedded)
    smith = [g for g in groups if g.speaker == "John Smith"]
    assert smith and len({v.article for v in smith[0].variants}) == 2
