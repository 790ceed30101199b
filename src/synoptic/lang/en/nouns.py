"""English nouns that count without saying what: "people", "others", "those", "persons".

Two reports that count "people" may count different people (the injured, the marchers, the
arrested); only a noun that says more ("pirates", "shops", "rifles") is evidence of one count.
"""

from __future__ import annotations

#: Nouns (singular key, as :func:`synoptic.extract.reading.noun_key` writes them) that name people
#: or things in general: pronoun-like heads and the most general person and thing nouns.
GENERIC_NOUNS = frozenset({
    "people", "person", "other", "one", "those", "these", "individual", "man", "woman", "child", "adult",
    "resident", "citizen", "member", "thing", "item", "case", "time", "unit", "number", "total", "figure",
    "some", "many", "most", "all", "both", "each", "several", "few", "dozen", "hundred", "thousand",
})

#: Adjectives that make their noun name something else than the noun alone (non-subsective: an
#: attempted murder is no murder, a former employee no employee): a count with one of them on one side
#: only counts another thing. Not the hedges ("suspected pirates", "alleged victims" are counted as
#: the pirates and the victims).
NON_SUBSECTIVE = frozenset({"attempted", "failed", "foiled", "thwarted", "aborted", "planned", "would-be", "former",
                            "ex", "fake", "mock", "fictitious", "imaginary", "counterfeit"})

__all__ = ["GENERIC_NOUNS", "NON_SUBSECTIVE"]
