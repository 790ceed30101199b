"""Text helpers and constants shared by the reconcile modules."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from synoptic.lang.en.stems import stem
from synoptic.util.sentences import sentence_bounds

INF = math.inf

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_STOP = frozenset(
    "a an the and or but of to in on at for from by with as is are was were be been being it its "
    "this that these those he she they we i you his her their our my your them us him not no so "
    "said says say will would can could has have had do does did there here who whom which what "
    "than then also all any into about over after before while when where out up down if".split()
)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``[start, end)`` (the one splitter), reaching at least ``end``.

    A quotation of several sentences is cut at its own sentence ends (``inside_quotes``): the
    sentence around a piece of "I urge talks. What a stupidity!" is the piece's own sentence, so a
    short partial quote ("nonsense") is compared with the quoted sentence it translates.
    """
    return sentence_bounds(text, start, end, cover=True, inside_quotes=True)


def _content_stems(text: str) -> list[str]:
    """The stems (the project's one stemmer) of a text's content words, in order.

    No prefix match on top: the light stripper with 6-letter truncation this replaced gave the same
    story figures (facts, quotes, names of the six dev stories) and seeds as Snowball alone.
    """
    return list(_stems_of(text))


@lru_cache(maxsize=8192)
def _stems_of(text: str) -> tuple[str, ...]:
    """:func:`_content_stems`, kept per text: the timeline compares each date's sentence with every
    other one (ECB+ dev: 10,118 calls for a few thousand texts)."""
    return tuple(stem(w.lower().replace("’", "'").strip("'-")) for w in _WORD.findall(text)
                 if w.lower() not in _STOP and len(w) > 1)
