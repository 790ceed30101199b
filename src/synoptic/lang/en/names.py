"""English name-shape vocabulary: the lower-case nouns that turn a place name into an area's name,
road designators, and the phrases that give a second name of one thing ("X, known as Y").

Closed classes of the language, never the names of one story.
"""

from __future__ import annotations

#: Lower-case nouns that, right after a place name, make the name of an area around or of it
#: ("the Schengen zone", "the Schengen area", "the Almaty region", "the Exarchia district"); the area
#: is named after the place.
AREA_NOUNS = frozenset("area zone region district province neighborhood neighbourhood suburb".split())

#: Words naming a road system; the road itself is named by its number ("Highway 214", "Route 66",
#: "Newberg 214 Highway", "Interstate 5", "I-5", "Oregon 214").
ROAD_WORDS = frozenset(
    "highway hwy route rte road freeway motorway expressway interstate turnpike parkway".split()
)
#: Road systems numbered apart from the others: "Interstate 5" is not "Highway 5".
ROAD_SYSTEMS = {"interstate": "I", "i": "I", "us": "US", "u.s.": "US"}

#: Phrases after a name that introduce another name of the same thing ("the National Technical
#: University of Athens, known as the Polytechnic"; "the dhow, also called ..."). Lower case.
ALIAS_CUES = (
    "known as", "also known as", "better known as", "commonly known as", "popularly known as",
    "locally known as", "widely known as", "often called", "also called", "commonly called",
    "popularly called", "nicknamed", "a.k.a.", "aka",
)

#: Nouns heading the name of an armed, police or rescue unit ("Marine Commandos", "Gang Enforcement
#: Unit", "Coast Guard"); such a name is also written in lower case ("the marine commandos").
UNIT_NOUNS = frozenset(
    "army navy force forces corps guard guards police militia commando commandos troops marines ranger "
    "rangers unit units squad squads squadron brigade battalion regiment division fleet command "
    "service services agency bureau department ministry office patrol team taskforce".split()
)

#: Nouns for newspapers and broadcasters: a name right before or after one ("the Kathimerini
#: newspaper", "the conservative daily Eleftheros Typos") is an organisation's.
MEDIA_NOUNS = frozenset("newspaper newspapers daily weekly paper magazine tabloid broadsheet broadcaster".split())

#: Nouns for settlements and divisions: a name after "<noun> of" ("the northern city of Thessaloniki",
#: "the port of Djibouti") is a place's (GPE).
PLACE_OF_NOUNS = frozenset(
    "city town village capital port suburb district province state county island municipality borough "
    "region republic kingdom emirate".split()
)

#: Words that make a name a street's or a square's: before it ("Avenue Montaigne", "Rue de Rivoli",
#: "Piazza Venezia") or after it ("Syntagma Square", "Downing Street"). Such a name is no person's.
#: Not the street words that are also family names (Lane, Plaza, Way, Quay).
STREET_BEFORE = frozenset("avenue rue boulevard calle via piazza plaza praca place platz".split())
STREET_AFTER = frozenset(
    "street avenue road boulevard square drive terrace crescent parkway promenade".split()
)

#: Lower-case nouns for a natural or administrative feature written after a place's name ("the Qeshm
#: island", "the Hormozgan province", "the Mount Pleasant neighbourhood"): written in lower case they are
#: no part of the name, which is also written bare. (A capitalised one is part of it: "Hornby Island".)
#: Not "city", "state", "county": "Quebec city", "Washington state" and "Los Angeles county" are other
#: places than "Quebec", "Washington", "Los Angeles"; nor waters and mountains, which name places after them
#: ("the Jordan river" is not Jordan).
PLACE_FEATURE_NOUNS = AREA_NOUNS | frozenset(
    "island islands isle peninsula archipelago atoll coast coastline valley basin plain plains plateau desert "
    "oasis village hamlet prefecture governorate oblast quarter precinct ward enclave border frontier outskirts".split()
)

#: Nouns heading the name of a natural feature ("Persian Gulf", "Red Sea", "Gaza Strip"): written alone and
#: capitalised ("the Gulf") they stand for the one such feature a story names.
FEATURE_HEADS = PLACE_FEATURE_NOUNS | frozenset(
    "sea seas ocean gulf bay strait straits channel canal river lake mountains range hills strip".split()
)


#: Lower-case nouns of natural features written after a feature's name ("the Kilauea volcano", "the Yangtze
#: river", "the Matterhorn mountain"): the name before one is a place's (LOC), whatever the model called it.
NATURAL_FEATURE_NOUNS = frozenset(
    "volcano volcanoes mountain mountains peak glacier crater caldera river lake lagoon reef canyon gorge "
    "waterfall falls desert forest rainforest".split()
)

#: Nouns of medical conditions written after a name they are called by ("Asperger syndrome", "Asperger's
#: syndrome", "Parkinson's disease", "Crohn's disease"): the name is a condition's, no person or body of the story.
CONDITION_NOUNS = frozenset("syndrome disease disorder palsy sarcoma".split())


def bare_place(name: str) -> str | None:
    """A place's name without the lower-case feature noun after it ("Mount Pleasant neighbourhood" ->
    "Mount Pleasant", "Qeshm island" -> "Qeshm"), or None."""
    words = name.split()
    if len(words) >= 2 and words[-1].islower() and words[-1] in PLACE_FEATURE_NOUNS \
            and all(w[:1].isupper() for w in words[:-1]):
        return " ".join(words[:-1])
    return None


#: Particles inside a family name (Arabic, Dutch, German, Romance, Celtic, Hebrew and Persian names):
#: "Abu Latyef" is the family name of "Salah Shukri Abu Latyef", "van Gogh" of "Vincent van Gogh". Lower case.
#: Not the particles that are also English given names ("Ben Banky" is Benjamin Banky).
NAME_PARTICLES = frozenset(
    "abu abou abi bin bint ibn ibni al el ul ud ould "
    "van von der den de della dei degli di da dos das du le la les zu".split()
)

__all__ = ["bare_place", "CONDITION_NOUNS", "NATURAL_FEATURE_NOUNS", "FEATURE_HEADS", "NAME_PARTICLES", "PLACE_FEATURE_NOUNS", "STREET_AFTER", "STREET_BEFORE", "MEDIA_NOUNS", "PLACE_OF_NOUNS", "ALIAS_CUES", "AREA_NOUNS", "UNIT_NOUNS", "ROAD_SYSTEMS", "ROAD_WORDS"]
