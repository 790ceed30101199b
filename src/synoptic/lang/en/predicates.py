"""What happens to what a figure counts: English verbs, participles and nouns of an event, by class.

Each class holds the words that report the same outcome ("killed", "dead", "died", "lost their
lives" are one: *killed*). Two reports of one figure are compared only under one class. The words
are the language's (WordNet-style synonym sets of the news outcomes: death, injury, arrest, seizure,
theft, damage, displacement, rescue, attack, crossing, gathering), written as base forms: a word belongs
to a class when it is the base form or the base form with an inflection (``-s``, ``-ed``, ``-ing``, ``-en``).
"""

from __future__ import annotations

from functools import lru_cache

PREDICATE_CLASSES: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "killing", "dead", "die", "died", "dying", "death", "deaths", "fatality", "fatalities",
               "slay", "slain", "murder", "perish", "execute", "assassinate", "massacre", "liquidate",
               "eliminate", "victim", "toll", "lose life", "lost life", "life", "lives", "drown", "body",
               "bodies", "shoot dead", "claim life", "took life", "take life", "casualty", "gun down", "mow down"),
    "injured": ("injure", "injury", "injuries", "wound", "hurt", "hospitalise", "hospitalize", "maim",
                "wounded", "injured"),
    "detained": ("arrest", "detain", "detention", "custody", "capture", "nab", "apprehend", "jail", "imprison",
                 "hold", "held", "round up", "catch", "caught", "charge", "prisoner", "suspect",
                 "take into custody", "took into custody", "remand", "intern", "surrender"),
    "seized": ("seize", "confiscate", "recover", "find", "found", "impound", "haul", "cache", "retrieve", "discover"),
    "stolen": ("steal", "stole", "stolen", "rob", "loot", "theft", "heist", "snatch", "grab",
               "make off", "made off", "making off", "makes off"),
    "damaged": ("damage", "destroy", "burn", "torch", "smash", "vandalise", "vandalize", "raze", "gut",
                "set fire", "firebomb", "wreck", "collapse"),
    "evacuated": ("evacuate", "evacuee", "flee", "fled", "displace", "homeless", "shelter", "relocate",
                  "refugee"),
    "missing": ("missing", "unaccounted", "disappear", "lost"),
    "rescued": ("rescue", "save", "free", "release", "foil", "repulse", "thwart", "liberate"),
    "attacked": ("attack", "assault", "fire on", "fired on", "hijack", "raid", "strike", "ambush", "target"),
    "moved": ("cross", "arrive", "enter", "reach", "walk", "travel", "pass", "land", "migrate", "come"),
    "gathered": ("gather", "march", "rally", "protest", "demonstrate", "attend", "join", "turn out", "assemble"),
    "deployed": ("deploy", "send", "dispatch", "stationed", "stationing", "patrol", "mobilise", "mobilize", "airlift"),
    "offered": ("offer", "reward", "pledge", "promise", "donate", "grant", "pay", "give"),
    "sentenced": ("sentence", "convict", "condemn", "fine"),
}

#: Classes that one verb spans: "seized" is said of people (detained) and of things (seized).
_OVERLAPPING = frozenset({frozenset(("detained", "seized"))})


def same_class(a: str | None, b: str | None) -> bool:
    """Whether two predicates are one: the same class or verb, or two classes one verb spans
    ("seized 23 pirates" is a detention, "seized seven rifles" a seizure)."""
    return a is not None and (a == b or frozenset((a, b)) in _OVERLAPPING)


def _y_base_form(word: str) -> str:
    """The base form of a "-ies"/"-ied" word ("carries", "carried" -> "carry"), else the word lower-cased.

    A lemma normaliser for the lookup in :data:`PREDICATE_CLASSES` (which holds base forms), not a
    stemmer: the project's stemmer (``synoptic.lang.en.stems``) conflates too much for a class table
    ("executive" meets "execute", "living" meets "lives", "prison" meets "prisoner", "hospital"
    meets "hospitalize"): over the words of Multi-News dev, a lookup by stem gave 64 words another
    class than this lookup, nearly all wrongly.
    """
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("ied"):
        return w[:-3] + "y"
    return w


#: Words whose class is kept (a story's event words are a few hundred).
PREDICATE_CACHE_SIZE = 8192

_INDEX: dict[str, str] = {}
for _cls, _words in PREDICATE_CLASSES.items():
    for _w in _words:
        _INDEX.setdefault(_w, _cls)


@lru_cache(maxsize=PREDICATE_CACHE_SIZE)
def predicate_class(word: str | None) -> str | None:
    """The class of an event word ("liquidated" -> "killed", "nabbed" -> "detained"), or None.

    Kept per word: fact grouping asks it of both reports of every pair (ECB+ dev, 150 articles:
    53,052 calls, about 2% of a run's CPU time)."""
    if not word:
        return None
    w = _y_base_form(word.strip())
    if w in _INDEX:
        return _INDEX[w]
    # a phrasal verb inflects its verb, not its particle: "gunned down", "mowing down"
    first, _, rest = w.partition(" ")
    tail = f" {rest}" if rest else ""
    for suffix in ("s", "es", "ed", "d", "ing", "en", "n"):  # "-s", "-ed", "-ing", doubled ("nabbed")
        if first.endswith(suffix) and len(first) - len(suffix) >= 3:
            base = first[: -len(suffix)]
            for cand in (base, base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else base):
                if cand + tail in _INDEX:
                    return _INDEX[cand + tail]
    return None


__all__ = ["PREDICATE_CLASSES", "predicate_class", "same_class"]
