"""Helpers shared by the reconcile tests."""

from __future__ import annotations

import re
from datetime import date

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures
from synoptic.extract.timex import find_dates
from synoptic.records import Article, Extraction, Mention


def story_with_people(texts: dict[str, str], people: tuple[str, ...]) -> tuple[list[Article], list[Extraction]]:
    """Articles (id -> text) with their figures read, and every occurrence of each name in ``people``
    marked as a PERSON mention of that entity: a story without the NER model."""
    arts = [Article(id=k, text=t) for k, t in texts.items()]
    exs = []
    for k, t in texts.items():
        ex = Extraction(article=k, figures=read_figures(t, find_figures(t)))
        ex.mentions = [Mention(text=p, type="PERSON", start=m.start(), end=m.end(), article=k, entity=p)
                       for p in people for m in re.finditer(re.escape(p), t)]
        exs.append(ex)
    return arts, exs


def story_of(texts: list[str], published: date = date(2024, 11, 20)) -> tuple[list[Article], list[Extraction]]:
    """Articles written for a test (ids a0, a1 ...), with their figures and dates as extract reads them."""
    arts, exs = [], []
    for i, text in enumerate(texts):
        aid = f"a{i}"
        arts.append(Article(id=aid, text=text))
        figs = read_figures(text, find_figures(text))
        for f in figs:
            f.article = aid
        exs.append(Extraction(article=aid, figures=figs, dates=find_dates(text, published)))
    return arts, exs
