"""English function words: the closed classes (articles, demonstratives, pronouns, prepositions,
conjunctions, auxiliaries) that never begin or end a proper name written after a common noun
("the ship On Monday", "the boat The Times saw")."""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    # articles, demonstratives, quantifiers
    "a an the this that these those each every some any no all both either neither "
    # pronouns
    "i me my you your he him his she her it its we us our they them their who whom whose which what "
    # prepositions
    "about above across after against along amid among around as at before behind below beneath beside "
    "between beyond by despite down during except for from in inside into like near of off on onto out "
    "outside over past since through throughout till to toward towards under until up upon via with "
    "within without "
    # conjunctions and complementisers
    "and but or nor so yet if because although though while whereas when where whether than "
    # auxiliaries and copulas
    "is are was were be been being am has have had do does did will would shall should can could may "
    "might must".split()
)

__all__ = ["FUNCTION_WORDS"]
