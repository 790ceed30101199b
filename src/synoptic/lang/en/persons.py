"""English nouns that name people, and the words that make a count a total or place it in the past.

A general person noun ("people", "person", "individual") names any person, so it is the hypernym
of every noun that names people by sex, age, kinship, work or the occasion they were at ("man",
"teenager", "son", "employee", "guest"): "one man" killed and "one person" killed, "a dozen
people" at a party and "a dozen employees" there, may count the same people. Two nouns of the
specific kind ("man" / "woman") are not each other's hypernym.

General news English, not one story's: the lists below are closed classes of the language (the
general person nouns) and the common person nouns of news reports, by kind.
"""

from __future__ import annotations

#: Nouns (singular key, as :func:`synoptic.extract.reading.noun_key` writes them) that name any person.
GENERAL_PERSON_NOUNS = frozenset({"people", "person", "individual", "human", "soul", "someone", "somebody"})

#: Nouns (singular keys) that name people of one kind: by sex and age, kinship, work, status, or
#: the place or occasion they are at.
PERSON_NOUNS = frozenset({
    # sex and age
    "man", "woman", "boy", "girl", "child", "kid", "teenager", "teen", "youth", "adult", "baby", "infant",
    "toddler", "minor", "juvenile", "pensioner", "elder", "gentleman", "lady", "male", "female",
    # kinship and relation
    "mother", "father", "parent", "son", "daughter", "brother", "sister", "sibling", "husband", "wife",
    "spouse", "relative", "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather",
    "grandparent", "grandchild", "family member", "friend", "neighbour", "neighbor", "partner",
    # work
    "worker", "employee", "coworker", "co-worker", "colleague", "staff", "staffer", "staff member",
    "personnel", "labourer", "laborer", "official", "manager", "executive", "employer", "contractor",
    "volunteer", "crew", "crewman", "crew member", "sailor", "seafarer", "fisherman", "farmer", "miner",
    "driver", "pilot", "doctor", "nurse", "teacher", "journalist", "reporter", "lawyer", "firefighter",
    "rescuer", "medic", "paramedic", "guard", "officer", "policeman", "policewoman", "soldier", "troop",
    # the place or occasion they are at
    "guest", "partygoer", "attendee", "participant", "spectator", "fan", "visitor", "customer", "shopper",
    "passenger", "tourist", "pilgrim", "worshipper", "student", "pupil", "patient", "villager", "resident",
    "inhabitant", "local", "citizen", "civilian", "bystander", "passer-by", "pedestrian", "commuter",
    "victim", "survivor", "casualty", "hostage", "captive", "prisoner", "inmate", "detainee", "suspect",
    "migrant", "refugee", "immigrant", "protester", "protestor", "demonstrator", "marcher", "rioter",
    "activist", "voter", "member", "occupant", "tenant", "homeowner", "player", "athlete", "juror",
})

#: Words that make a count a total over parts ("a combined 157 games", "Overall, ... 33 homers",
#: "369 punches in all"): a total and a count without one are two counts of one noun.
TOTAL_WORDS = ("combined", "overall", "in all", "altogether", "all told", "in total", "a total of",
               "cumulative", "aggregate")

#: Words before a period noun that place what a sentence says in a period before the present one
#: ("last season", "the previous year", "earlier this month"; not "the past eight days",
#: which runs up to the present).
PAST_WORDS = ("last", "previous", "prior", "preceding", "earlier")

#: Period nouns (singular) a past word places a figure in.
PERIOD_NOUNS = ("day", "week", "weekend", "month", "year", "season", "decade", "century", "summer", "winter",
                "spring", "autumn", "fall", "quarter", "term", "campaign", "series", "round", "game", "match",
                "election")

__all__ = ["GENERAL_PERSON_NOUNS", "PAST_WORDS", "PERIOD_NOUNS", "PERSON_NOUNS", "TOTAL_WORDS"]

#: Players' positions, which news writes before a player's name as a title ("Fullback Mike Karney",
#: "Quarterback Drew Brees", "Goalkeeper Iker Casillas"): the positions of American and association
#: football, basketball, baseball, ice hockey, cricket and rugby (lower case, one word each).
POSITION_TITLES = frozenset(
    "quarterback fullback halfback tailback linebacker cornerback receiver wideout kicker punter lineman "
    "linemen tackle safety defensive offensive goalkeeper goalie keeper striker defender midfielder "
    "winger forward center centre guard pitcher catcher shortstop outfielder infielder reliever closer "
    "batsman bowler wicketkeeper all-rounder flanker fly-half scrum-half prop hooker lock fullback "
    "point-guard".split()
)
