"""Abbreviations written in English place names, for comparing names (never for rewriting them):
"Mt Sefton Bivvy" is "Mount Sefton Bivvy", "W. American Blvd." is "West American Boulevard".

Street types are the USPS Publication 28 (Appendix C1) street suffixes with their standard
abbreviations, less the abbreviations that are English words or name something else ("Is", "Via",
"Un", "Key"), plus the British and Commonwealth ones. Which word an abbreviation stands for is read
from its position: a street type ends a name ("Main St" is Main Street), "St" before a name is
Saint ("St Albans"), "Mt"/"Ft"/"Pt" before a name are Mount/Fort/Point, and a compass letter before a
name counts only in a street's name ("W. American Blvd."; "W. Bush" is a person's initial).
"""

from __future__ import annotations

import functools

#: Full street-type word -> its abbreviations (lower case, no full stop). USPS Publication 28, C1,
#: and the common British/Commonwealth ones (Cres, Tce, Gdns, Pde, Esp, Cl).
_STREET_TYPES: dict[str, tuple[str, ...]] = {
    "alley": ("aly",), "annex": ("anx",), "avenue": ("ave", "av", "avn"),
    "beach": ("bch",), "bend": ("bnd",), "bluff": ("blf",), "bottom": ("btm",),
    "boulevard": ("blvd", "boul", "bvd"), "bridge": ("brg",), "brook": ("brk",), "bypass": ("byp",),
    "canyon": ("cyn",), "causeway": ("cswy",), "center": ("ctr",), "centre": ("ctr",), "circle": ("cir",),
    "cliff": ("clf",), "close": ("cl",), "common": ("cmn",), "course": ("crse",),
    "court": ("ct",), "cove": ("cv",), "creek": ("crk",), "crescent": ("cres", "cr"), "crest": ("crst",),
    "crossing": ("xing",), "drive": ("dr", "drv"), "esplanade": ("esp",),
    "expressway": ("expy", "expwy"), "extension": ("ext",), "falls": ("fls",),
    "field": ("fld",), "flat": ("flt",), "ford": ("frd",), "forest": ("frst",), "freeway": ("fwy",),
    "garden": ("gdn",), "gardens": ("gdns",), "gateway": ("gtwy",), "glen": ("gln",), "green": ("grn",),
    "grove": ("grv",), "harbor": ("hbr",), "harbour": ("hbr",), "heights": ("hts",), "highway": ("hwy",),
    "hollow": ("holw",), "junction": ("jct",), "lane": ("ln",), "landing": ("lndg",), "meadows": ("mdws",),
    "motorway": ("mtwy",), "mountain": ("mtn",), "orchard": ("orch",), "parade": ("pde",),
    "parkway": ("pkwy", "pky"), "place": ("pl",), "plaza": ("plz",), "point": ("pt",), "ridge": ("rdg",),
    "road": ("rd",), "route": ("rte",), "square": ("sq",), "station": ("sta",), "street": ("st", "str"),
    "summit": ("smt",), "terrace": ("ter", "terr", "tce"), "trail": ("trl",), "turnpike": ("tpke",),
    "valley": ("vly",), "viaduct": ("vdct",),
}
#: Abbreviation -> the street type it ends a name with.
STREET_TYPE_ABBREVIATIONS: dict[str, str] = {a: full for full, abbrs in _STREET_TYPES.items() for a in abbrs}
#: Abbreviations that, before a capitalised name word, stand for the first word of a place's name.
NAME_START_ABBREVIATIONS: dict[str, str] = {"mt": "mount", "mtn": "mountain", "ft": "fort", "pt": "point",
                                            "st": "saint", "ste": "sainte"}
#: Compass abbreviations written before a street's name ("W. American Blvd.", "NE 5th Ave").
COMPASS_ABBREVIATIONS: dict[str, str] = {
    "n": "north", "s": "south", "e": "east", "w": "west",
    "ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest",
}
_STREET_WORDS = frozenset(_STREET_TYPES) | frozenset(STREET_TYPE_ABBREVIATIONS)


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def expand_abbreviations(words: list[str]) -> list[str]:
    """The words of a name with its place-name abbreviations written out (lower case where changed), by
    position: a street type as the last word of two or more, "Mt"/"Ft"/"Pt"/"St" before a capitalised
    word, a compass letter first in a street's name. Other words are returned as given."""
    if len(words) < 2:
        return list(words)
    out = list(words)
    last = _bare(out[-1])
    street = last in _STREET_WORDS
    if last in STREET_TYPE_ABBREVIATIONS and out[-2][:1].isupper():
        out[-1] = STREET_TYPE_ABBREVIATIONS[last]
    for i, w in enumerate(out[:-1]):
        nxt = out[i + 1]
        bare = _bare(w)
        if bare in NAME_START_ABBREVIATIONS and w[:1].isupper() and nxt[:1].isupper():
            out[i] = NAME_START_ABBREVIATIONS[bare]
    first = _bare(out[0])
    if street and len(out) >= 3 and first in COMPASS_ABBREVIATIONS and out[0][:1].isupper():
        out[0] = COMPASS_ABBREVIATIONS[first]
    return out


__all__ = ["COMPASS_ABBREVIATIONS", "NAME_START_ABBREVIATIONS", "STREET_TYPE_ABBREVIATIONS", "expand_abbreviations"]


@functools.lru_cache(maxsize=1)
def world_regions() -> frozenset[str]:
    """Lower-case English names of the world's regions and continents ("europe", "central asia", "latin
    america"): the UN M.49 regions (CLDR's numeric territory codes) as ``babel`` ships them."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    return frozenset(name.lower() for code, name in Locale("en").territories.items()
                     if code.isdigit() and code != "001")


#: The AP Stylebook's abbreviations of the US states' names (lower case, no full stop) -> the state. The
#: states AP never abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) are not here.
STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
    "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois",
    "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire",
    "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York", "n.c": "North Carolina", "n.d": "North Dakota",
    "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina",
    "s.d": "South Dakota", "tenn": "Tennessee", "vt": "Vermont", "va": "Virginia", "wash": "Washington",
    "w.va": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming",
}


@functools.cache
def territory_words() -> frozenset[str]:
    """Lower-case words of the English names of the world's countries and territories ("philippines",
    "netherlands", "islands", "states", "emirates"), from CLDR as ``babel`` ships it."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    return frozenset(w.lower() for code, name in Locale("en").territories.items() if not code.isdigit()
                     for w in name.replace("&", " ").split())


#: The US states' names (lower case), for the states AP never abbreviates as well.
US_STATES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi "
    "missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia "
    "washington wisconsin wyoming".split()
) | frozenset(s.lower() for s in STATE_ABBREVIATIONS.values())


@functools.cache
def territory_names() -> frozenset[str]:
    """Lower-case English names of the world's countries and territories ("georgia", "jordan", "chad"), from
    CLDR as ``babel`` ships it, and of the US states: a word that names one is a place's name before a person's."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return US_STATES
    return US_STATES | frozenset(name.lower() for code, name in Locale("en").territories.items() if not code.isdigit())
