"""Extraction: entities, figures, quotes and dates, per article and across a story.

Each extractor works on a plain string and returns records with offsets into that string:

- ``entities.find_mentions(text) -> list[Mention]`` and ``entities.resolve(mentions) -> list[Entity]``
  (sets ``Mention.entity`` to the canonical name shared across all the given mentions);
- ``figures.find_figures(text) -> list[Figure]``;
- ``quotes.find_quotes(text, mentions) -> list[Quote]``;
- ``timex.find_dates(text, anchor) -> list[TimeRef]`` and ``timex.infer_published(...)``.

``extract_articles`` runs them all over a batch of cleaned articles (one story, or one run).
"""
