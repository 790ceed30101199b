"""Reconcile a story across its sources: fact groups with verdicts, quote groups, a timeline.

Three functions, each over one story's cleaned articles and their extractions, one module each:

- :func:`~synoptic.reconcile.facts.fact_groups`: the figure reports that count the same thing,
  with a verdict (agree / consistent / conflict / single-source, DESIGN rule 2) and a framing flag;
- :func:`~synoptic.reconcile.quotes.quote_groups`: versions of one utterance across sources and
  translations, one speaker, fullest version first, "direct" only where verbatim in the source;
- :func:`~synoptic.reconcile.timeline.timeline`: dated events merged across sources, in date order.
"""

from synoptic.reconcile.facts import (
    ABOUT_TOLERANCE,
    canonical_category,
    canonical_side,
    fact_groups,
    figure_interval,
    qualifier_class,
    verdict_of,
)
from synoptic.reconcile.quotes import quote_groups
from synoptic.reconcile.timeline import timeline

__all__ = [
    "ABOUT_TOLERANCE",
    "canonical_category",
    "canonical_side",
    "fact_groups",
    "figure_interval",
    "qualifier_class",
    "quote_groups",
    "timeline",
    "verdict_of",
]
