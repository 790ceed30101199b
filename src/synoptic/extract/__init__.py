"""Extraction: entities, figures, quotes and dates, per article and across a story.

Each extractor works on a plain string and returns records with offsets into that string:

- ``entities.find_mentions(text) -> list[Mention]`` and ``entities.resolve(mentions) -> list[Entity]``
  (sets ``Mention.entity`` to the canonical name shared across all the given mentions);
- ``figures.find_figures(text) -> list[Figure]``;
- ``quotes.find_quotes(text, mentions) -> list[Quote]``;
- ``timex.find_dates(text, anchor) -> list[TimeRef]``, anchored on each article's date from
  :func:`synoptic.dating.publication_dates` (its own, else ``timex.infer_published``); run over
  all the articles at once (``timex.find_dates_many``), so the sentences whose tense a date needs
  are parsed in one batch.

``extract_articles`` runs them all over a batch of cleaned articles (one story, or one run).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from synoptic.dating import publication_dates
from synoptic.extract import entities as _entities
from synoptic.extract import figures as _figures
from synoptic.extract import quotes as _quotes
from synoptic.extract import reading as _reading
from synoptic.extract import timex as _timex
from synoptic.records import Article, Entity, Extraction, Mention, Quote

log = logging.getLogger(__name__)

WHAT = frozenset({"entities", "figures", "quotes", "dates"})
# Names found in one article are looked for in the others when they are at least this long
# (shorter ones, "US", "Wang", are too ambiguous to spread without the model's say).
MIN_SPREAD_CHARS = 4
SPREAD_TYPES = {"PERSON", "ORG", "GPE", "LOC", "PRODUCT"}

__all__ = ["WHAT", "extract_articles", "find_all_mentions", "speaker_entity"]


def find_all_mentions(articles: list[Article]) -> list[list[Mention]]:
    """Mentions per article (offsets into each ``Article.text``, ``Mention.article`` set), with the
    names found in any of the articles also looked for in the others (the model misses some
    occurrences, "Nursultan Nazarbayev era"); not yet resolved."""
    per_article = _entities.find_mentions_many([a.text for a in articles])
    for article, ms in zip(articles, per_article, strict=True):
        for m in ms:
            m.article = article.id
    names: dict[str, str] = {}
    for ms in per_article:
        for m in ms:
            if m.type in SPREAD_TYPES and len(m.text) >= MIN_SPREAD_CHARS and m.entity is None:
                names.setdefault(m.text, m.type)
    for ms in per_article:  # a person's surname and a vessel's name are also written alone
        for m in ms:
            short = _entities.short_form(m.text, m.type)
            if short and len(short) >= MIN_SPREAD_CHARS:
                names.setdefault(short, m.type)
    for article, ms in zip(articles, per_article, strict=True):
        extra = _entities.find_known(article.text, names, ms)
        for m in extra:
            m.article = article.id
        ms.extend(extra)
        ms.sort(key=lambda m: (m.start, m.end))
    return per_article


SPEAKER_TYPES = {"PERSON", "ORG"}


@lru_cache(maxsize=65536)
def _surface_key(name: str) -> str:
    """:func:`entities.surface_key`, kept per name: each quote's speaker is compared with every
    variant of every entity of the story (ECB+ dev: 108,000 keys of a few thousand names, about
    2 CPU s of a run without this cache)."""
    return _entities.surface_key(name)


def speaker_entity(quote: Quote, mentions: list[Mention], found: list[Entity]) -> str | None:
    """The canonical entity name of a quote's speaker (``quote.speaker`` is the resolved name as
    written, "Tokayev" where the text says "he").

    1. a mention of the article written exactly as the speaker (the one at the speaker's span first);
    2. the mention at the speaker's span when it is the speaker's whole name or, for a person or an
       organisation, its head ("the Russian Defense Ministry"; not "Kazakh" in "the Kazakh
       authorities", nor "Kazakhstan" in "the President of Kazakhstan");
    3. an entity with the speaker's name as a variant, or the one person with it as family name.
    """
    speaker = (quote.speaker or "").strip()
    if not speaker:
        return None
    bare = _entities.strip_determiner(speaker)
    span = (quote.speaker_start, quote.speaker_end)
    at_span = [m for m in mentions if span[0] is not None and span[1] is not None
               and m.start < span[1] and span[0] < m.end and m.entity]
    for m in sorted(at_span, key=lambda m: m.start) + mentions:  # 1
        if m.entity and m.text in (speaker, bare):
            return m.entity
    for m in at_span:  # 2
        if m.type == "NORP":
            continue
        if m.text == bare or (m.type in SPEAKER_TYPES and span[1] is not None and m.end == span[1]
                              and bare.endswith(m.text)):
            return m.entity
    key = _surface_key(bare)  # 3
    if not key:
        return None
    for e in found:
        if e.type != "NORP" and any(_surface_key(v) == key for v in e.variants):
            return e.name
    family = key.split()[-1]
    people = [e for e in found if e.type == "PERSON"
              and any(_surface_key(v).split()[-1:] == [family] for v in e.variants)]
    return people[0].name if len(people) == 1 and " " not in key else None


def extract_articles(articles: list[Article], what: Iterable[str] | None = None) -> list[Extraction]:
    """Run every extractor over each article's cleaned text (offsets into ``Article.text``).

    1. mentions per article, names spread across the articles, then resolved across all of them
       (one canonical name per entity for the whole batch);
    2. figures per article;
    3. publication dates (:func:`synoptic.dating.publication_dates`): the article's own (metadata,
       URL, dateline), else inferred from its words and its peers' dates (``published_how ==
       "inferred"``); relative dates are anchored on it;
    4. quotes per article, each speaker mapped to its canonical entity name.

    ``what`` limits the work to some of ``entities``, ``figures``, ``quotes``, ``dates`` (all by
    default). Models are loaded once per process, on first use.
    """
    wanted = set(what) if what is not None else set(WHAT)
    unknown = wanted - WHAT
    if unknown:
        raise ValueError(f"unknown extraction {sorted(unknown)}: choose from {', '.join(sorted(WHAT))}")
    need_mentions = bool(wanted & {"entities", "quotes"})
    mentions = find_all_mentions(articles) if need_mentions else [[] for _ in articles]  # 1
    found = _entities.resolve([m for ms in mentions for m in ms]) if need_mentions else []

    dated = publication_dates(articles)  # 3: own evidence, else inferred from the text and peers
    # the dates of all the articles at once: the sentences whose tense they need parsed in one batch
    anchored = [(a.text, published) for a, (published, _how) in zip(articles, dated, strict=True)]
    dates = _timex.find_dates_many(anchored) if "dates" in wanted else [[] for _ in articles]
    out = []
    for article, ms, (published, how), refs in zip(articles, mentions, dated, dates, strict=True):
        ex = Extraction(article=article.id, published=published, published_how=how)
        if "entities" in wanted:
            ex.mentions = ms
        if "figures" in wanted:  # 2
            ex.figures = _figures.find_figures(article.text)  # read below, all articles' sentences in one parse
            for f in ex.figures:
                f.article = article.id
        if "dates" in wanted:
            ex.dates = refs
            for d in ex.dates:
                d.article = article.id
        if "quotes" in wanted:  # 4
            ex.quotes = _quotes.find_quotes(article.text, ms)
            for q in ex.quotes:
                q.article = article.id
                q.entity = speaker_entity(q, ms, found)
        out.append(ex)
    if "figures" in wanted:
        _reading.read_figures_many([(a.text, ex.figures) for a, ex in zip(articles, out, strict=True)])
    return out
