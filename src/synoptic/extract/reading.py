"""What a figure counts, read from the dependency parse of its sentence: the counted noun, what
happened to it, where or among whom, and when, so that reconcile compares figures without
re-reading the text.

For each figure (:func:`synoptic.extract.figures.find_figures` finds them), the sentence holding it
is parsed once (:func:`synoptic.extract.models.parse_many`, shared with the other stages) and:

1. the number's token is found and climbed to the head of its quantity ("$ 160 million" ->
   "million");
2. the counted noun is the noun the quantity modifies, through compounds ("seven AK-47 assault
   rifles" -> "rifles", with "ak-47" and "assault" as modifiers); where the number stands alone
   ("took 23 into custody", "12 are Somali") there is none, unless "of the raiders" names it;
3. the predicate is the first verb above the counted noun (or the number), or an event word in the
   noun itself ("deaths", "arrests") or in a preposition ("under arrest"); it is kept as its class
   (:mod:`synoptic.lang.en.predicates`: "nabbed" -> detained, "lost their lives" -> killed) or
   else as the verb itself;
4. the scope is the proper nouns under the prepositions of the noun and of the verb ("in Athens",
   "off Aden"); the time reference is a year or a relative period ("in 2014", "last year", "this
   year", "in November") in those same phrases; a subgroup is a figure written after "of whom",
   "among them", "including";
5. the context is the content words of the sentence (the number left out), used to tell two
   reports of one fact from two facts that share a noun;
6. the clause (:func:`read_clauses`): the casualty event it names, carried over a list ("18
   killed and 700 others injured"), who is counted (security forces, protesters, civilians,
   people) and how they are named, and what a sum of money is (losses, trade, damage ...);
7. a figure that converts the one before it, in brackets ("85 million euros ($108 million)"),
   takes that one's reading and is marked ``restates``.

Everything is set on the :class:`~synoptic.records.Figure` records in place of nothing: new fields
only (``dimension``, ``counted``, ``noun``, ``modifiers``, ``predicate``, ``scope``, ``time_ref``,
``subgroup``, ``context``, ``event``, ``side``, ``framing``, ``about``, ``restates``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from synoptic.lang.en import calendar, numbers
from synoptic.lang.en.counted import (
    CASUALTY_PREFIXES,
    DEATH_COMPOUNDS,
    EVENT_WORDS,
    FACING_VERBS,
    INSTANCE_NOUNS,
    MONEY_KIND_ADJECTIVES,
    MONEY_KINDS,
    PENALTY_NOUNS,
    SIDE_WORDS,
)
from synoptic.lang.en.currencies import currency_code
from synoptic.lang.en.nouns import GENERIC_NOUNS, NON_SUBSECTIVE
from synoptic.lang.en.persons import PERSON_NOUNS
from synoptic.lang.en.predicates import PREDICATE_CLASSES, predicate_class
from synoptic.lang.en.speech import CUE_WORDS
from synoptic.lang.en.stems import stem
from synoptic.lang.en.units import DISTANCE_COUNT_NOUNS, TEMPERATURE_NOUNS, UNIT_WORDS, restates
from synoptic.lang.en.units import dimension as unit_dimension
from synoptic.records import Figure
from synoptic.util.sentences import sentence_bounds

# How far (characters) before a number "of whom" / "including" makes it a subgroup.
SUBGROUP_CHARS = 25
# How many heads up from the counted noun the governing verb is looked for.
MAX_CLIMB = 6

_SUBGROUP_BEFORE = re.compile(r"\b(?:of\s+(?:whom|which)|among\s+(?:them|whom|those)|including|includ(?:es|ed))\b"
                              r"[^.;:!?]{0," + str(SUBGROUP_CHARS) + r"}$", re.IGNORECASE)
_MONTHS = tuple(n.lower() for n in calendar.MONTH_NAMES)
_PERIODS = ("year", "month", "week", "decade", "century")
_WEEKDAYS = frozenset(n.lower() for n in calendar.WEEKDAY_NAMES) | {"today", "yesterday", "tonight"}
_SPEECH = frozenset(("say", "said", "says", "tell", "told", "report", "reported", "reports", "add", "added",
                     "announce", "announced", "state", "stated", "claim", "claimed", "estimate", "estimated",
                     "confirm", "confirmed", "according", "accord", "show", "showed", "shows", "be", "is", "are",
                     "was", "were", "been", "have", "has", "had", "become", "became", "make", "made", "include",
                     "included", "includes", "including", "leave", "left", "remain", "remained", "bring", "brought"))
_QUANTITY_DEPS = frozenset(("nummod", "compound", "quantmod", "amod", "npadvmod", "nmod", "advmod", "det", "appos"))
_NOUNS = frozenset(("NOUN", "PROPN"))
# Dependencies only a noun phrase fills (a word the tagger mis-tags there is a noun all the same).
_NOMINAL_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))
# Relations through which the verb above is not the counted thing's verb.
_NO_CLIMB = frozenset(("appos", "npadvmod", "parataxis", "dep", "meta", "list"))
_STOP_CONTEXT = frozenset(("the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from",
                           "that", "this", "these", "those", "it", "its", "their", "his", "her", "he", "she", "they",
                           "we", "said", "says", "say", "told", "was", "were", "is", "are", "be", "been", "have", "has",
                           "had", "more", "than", "about", "some", "least", "other", "others", "also", "mr", "per"))


def dimension_of(fig: Figure) -> str:
    """What kind of quantity a figure is: money:<ISO>, percent, duration, age, a unit's dimension
    (length, mass, area, ...) or count."""
    cat, unit = fig.category, fig.unit
    if cat == "money" and unit:
        return f"money:{unit}"
    if cat == "percent":
        return "percent"
    if cat in ("duration", "age", "record"):
        return cat
    if cat == "measure" and unit:
        dim = unit_dimension(unit)
        return dim[0] if dim else f"unit:{unit}"
    return "count"


#: Durations in days.
DURATION_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0,
                 "months": 30.4375, "years": 365.25, "decades": 3652.5}


def base_value(fig: Figure, value: float | None) -> float | None:
    """``value`` of ``fig`` in its dimension's base unit (kilometres and miles both as metres,
    decades and years both as days)."""
    if value is None:
        return value
    if fig.category == "duration" and fig.unit in DURATION_DAYS:
        return value * DURATION_DAYS[fig.unit]
    if fig.category != "measure":
        return value
    dim = unit_dimension(fig.unit)
    return value * dim[1] if dim else value


# English plurals in -ves whose singular ends in -f or -fe.
_VES = {"thieves": "thief", "knives": "knife", "lives": "life", "wives": "wife", "halves": "half", "wolves": "wolf",
        "shelves": "shelf", "leaves": "leaf", "loaves": "loaf", "selves": "self", "calves": "calf", "scarves": "scarf"}


def noun_key(word: str) -> str:
    """A counted noun compared across reports: lower case, singular ("rifles" -> "rifle")."""
    w = word.lower().strip("'’\"“”")
    if w in _VES:
        return _VES[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:ches|shes|sses|xes)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")) and w not in ("this", "thus", "series"):
        return w[:-1]
    if w in ("men", "women", "children", "people", "persons"):
        return {"men": "man", "women": "woman", "children": "child", "persons": "people"}.get(w, w)
    return w


def _number_token(doc: Any, start: int, end: int) -> Any:
    """The token of the figure's number in ``doc`` (offsets relative to the sentence)."""
    inside = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not inside:
        return None
    nums = [t for t in inside if t.like_num or t.tag_ == "CD" or any(c.isdigit() for c in t.text)]
    return (nums or inside)[-1]


def _named(tok: Any) -> bool:
    """Whether a token is (part of) a name."""
    return bool(tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")


def _age_holder(tok: Any, start: int, end: int) -> str | None:
    """The common noun an age modifies ("woman" in "a 66-year-old Burnsville woman", "driver" in
    "the 36-year-old driver", "son" in "his 16-year-old son"), lower case; None when the age is a
    name's ("66-year-old LuAnn Johnson", "Johnson, 66") or the noun stands in apposition to a name
    ("Anthony LaSalle, a 36-year-old man", "the driver, Anthony LaSalle,") or after a copula whose
    subject is one ("LaSalle is a 36-year-old man"): the person is then named, and the nearest name
    says whose age it is. ``start`` and ``end`` are the figure's offsets in the sentence."""
    t, seen = tok, 0
    # up through the words of the figure itself ("66", "year", "old" of "66-year-old")
    while seen < 6 and t.head is not t and start <= t.head.idx < end:
        t, seen = t.head, seen + 1
    head = t.head
    if head is t or head.pos_ != "NOUN" or t.dep_ not in ("amod", "compound", "nummod", "npadvmod", "nmod") \
            or head.i < t.i:
        return None
    if head.dep_ == "appos" and _named(head.head) or any(c.dep_ == "appos" and _named(c) for c in head.children):
        return None
    if head.dep_ == "attr" and any(c.dep_ in ("nsubj", "nsubjpass") and _named(c) for c in head.head.children):
        return None
    return head.lower_


def _climb_quantity(tok: Any) -> Any:
    """The head of a quantity ("160" -> "million" in "$160 million")."""
    seen = 0
    while seen < 4 and tok.head is not tok and tok.dep_ in _QUANTITY_DEPS and (
            tok.head.tag_ == "CD" or tok.head.like_num or tok.head.tag_ == "$") and not _is_model(tok.head):
        # ("seven AK-47 rifles": a model's name is no part of the number)
        tok = tok.head
        seen += 1
    return tok


def _is_model(tok: Any) -> bool:
    """Whether a token is a model's name the parser may tag as a number ("AK-47", "F-16")."""
    return "-" in tok.text and any(c.isalpha() for c in tok.text) and any(c.isdigit() for c in tok.text)


def _counted_noun(anchor: Any) -> tuple[Any, bool]:
    """(the counted noun, whether it came from an "of" phrase) for a quantity's head token."""
    noun = None
    head = anchor.head
    if _is_model(head) and head.head.pos_ in _NOUNS and head.head.i > head.i and head.i > anchor.i:
        return head.head, False  # "seven AK-47 rifles", the number parsed under the model's name
    if anchor.dep_ in _QUANTITY_DEPS and anchor.head is not anchor and anchor.head.pos_ in _NOUNS \
            and anchor.head.i > anchor.i:
        noun = anchor.head
        steps = 0
        # "seven AK-47 assault rifles": AK-47 and assault are compounds of rifles
        while steps < 3 and noun.dep_ in ("compound", "nummod", "amod") and noun.head.pos_ in _NOUNS \
                and noun.head.i > noun.i:
            noun = noun.head
            steps += 1
        return noun, False
    if anchor.dep_ == "nsubj" and head.i == anchor.i + 1 and head.tag_ == "VBZ" and head.lower_.endswith("s") \
            and anchor.lower_ not in ("one", "1"):
        # "two attempts to move the ship failed": a number is never the subject of a verb in the
        # third person singular; the word after it, tagged so, is its plural noun
        return head, False
    for child in anchor.children:  # "23 of the raiders"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in _NOUNS:
                    return pobj, True
    return None, False


#: How many tokens the noun phrase after a multiple's comparison may run to its head ("the Great Pyramid").
TIMES_SPAN = 6


def _times_of(tok: Any) -> Any:
    """The thing a multiple is counted in: "about 11 times as much as the Great Pyramid of Giza", "three
    times the size of the Titanic" count pyramids and Titanics (the head of the noun phrase after "as ...
    as" or "the <noun> of"); None for any other number, and for "40 times as many workers as" (workers
    are counted)."""
    doc = tok.doc
    i = tok.i + 1
    if i >= len(doc) or doc[i].lower_ != "times":
        return None
    j = i + 1
    if j + 2 < len(doc) and doc[j].lower_ == "as" and doc[j + 2].lower_ == "as":
        start = j + 3
    elif j + 2 < len(doc) and doc[j].lower_ == "the" and doc[j + 1].pos_ == "NOUN" and doc[j + 2].lower_ == "of":
        start = j + 3
    else:
        return None
    for t in doc[start:start + TIMES_SPAN]:
        if t.pos_ in _NOUNS and t.dep_ != "compound":
            return t
        if t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "NUM"):
            return None
    return None


# Words that value a thing: "gems worth $5m", "diamonds valued at $5m", "a car priced at $5m".
_VALUE_WORDS = frozenset(("worth", "value", "valued", "priced", "estimated", "costing", "totalling", "totaling"))


def _valued_thing(tok: Any) -> Any:
    """The thing a sum of money is the value of ("gems" in "gems worth 85 million euros", "diamonds"
    in "$108 million worth of diamonds" or "$102 million in jewelry"), or None."""
    for c in tok.children:  # "$102 million in jewelry", "e85 million worth of diamonds" (right after it)
        if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i == tok.i + 1:
            pobj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if pobj is not None:
                return pobj
    h = tok.head
    if h is tok:
        return None
    if tok.dep_ == "nummod" and h.pos_ == "NOUN" and h.i < tok.i and any(
            c.lower_ in _VALUE_WORDS for c in h.children):
        return h  # "Jewellery worth more than $160 million", the sum parsed as the noun's number
    if tok.dep_ == "pobj" and h.lower_ == "at":
        h = h.head  # "valued at"
    if h.lower_ in _VALUE_WORDS and h.dep_ in ("amod", "acl", "advcl", "prep") and h.head.pos_ == "NOUN":
        return h.head  # "gems worth ...", "diamonds valued at ..."
    if h.lower_ in _VALUE_WORDS and h.dep_ in ("prep", "advmod", "advcl") and h.head.pos_ in ("VERB", "AUX"):
        # "stole paintings worth 500 million yen", the value word parsed under the verb: its object
        obj = next((c for c in h.head.children if c.dep_ == "dobj" and c.i == h.i - 1), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj
    return None


# Verbs that say their subject amounts to a sum: "traffic accounts for $5.1bn", "the deal amounted
# to $40m", "exports totalled $3bn", "the bridge is worth $5m" (not "the company paid $5m").
_AMOUNT_VERBS = re.compile(r"(?:account|amount|total|represent|equal)(?:s|ed|ing|led|ling)?|is|are|was|were|be|been",
                           re.IGNORECASE)


def _valued_subject(anchor: Any) -> Any:
    """The subject a sum is the amount of ("traffic" in "westbound traffic accounts for $5.1bn",
    "exports" in "exports totalled $3bn"), or None."""
    head = anchor.head
    if head is anchor:
        return None
    if anchor.dep_ == "pobj" and head.lower_ in ("for", "to"):
        verb = head.head  # "accounts for", "amounted to"
    elif anchor.dep_ in ("dobj", "attr"):
        verb = head  # "totalled $3bn", "is $5m"
    elif anchor.dep_ == "npadvmod" and head.lower_ == "worth":
        verb = head.head  # "is worth $5m"
    else:
        return None
    if not _AMOUNT_VERBS.fullmatch(verb.lower_):
        return None
    # (the subject, or the noun the parser hung on the verb as its compound: "Westbound traffic accounts")
    subj = next((c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "compound" and c.i == verb.i - 1)), None)
    return subj if subj is not None and subj.pos_ in _NOUNS and subj.lower_ not in _VALUE_WORDS else None


def _worth_after(doc: Any, end: int) -> Any:
    """The thing a sum is worth when a value word follows it ("e75m worth of crude oil", "$5m
    worth of gold"): the noun of the "of" phrase under the first word after the sum, or None."""
    after = next((t for t in doc if t.idx >= end), None)
    if after is None or after.lower_ not in _VALUE_WORDS:
        return None
    of = next((c for c in after.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None and pobj.pos_ == "NOUN" else None


# A count given as one that changed: "rose to 369", "the toll has climbed to 45", "now stands at".
_RISING_BEFORE = re.compile(r"\b(?:(?:rose|risen|rising|climbed|climbing|increased|grew|grown|swelled|jumped|soared|"
                            r"fell|fallen|dropped|declined)\s+to|reached|now\s+stands\s+at)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)
# Nouns of a tally whose "of" names what is counted: "the number of lorries rose to 300".
_TALLY_NOUNS = frozenset(("number", "total", "count", "tally", "figure"))
# Verbs through which a number names a part of a whole: "the apprehended included 12 Somalis".
_PART_VERBS = ("includ", "compris", "number")
# Prepositions that name the whole a number is part of: "of the 23", "out of 23", "among the dead".
_PART_PREPS = frozenset(("of", "among", "out"))


def _modifier_key(word: str) -> str:
    """A modifier compared across reports ("Somalis" -> "somali", "AK-47" -> "ak-47")."""
    return word.rstrip("s") if word[:1].isalpha() and word.endswith("is") else word


def _part_of(anchor: Any) -> tuple[Any, list[str]]:
    """(the whole a bare number is a part of, or None; the modifiers its clause gives it): "Of the
    23 pirates arrested, 12 are reported to be Somali" -> (pirates, ["somali"]); "12 are from
    Somalia" -> (None, ["somalia"]); "the apprehended included 12 Somalis" -> (apprehended, [])."""
    extra: list[str] = []
    tok = anchor
    verb = None
    for _ in range(3):
        if tok.head is tok:
            break
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj"):
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                verb = tok
                break
        else:
            break
    # a number in a list ("12 are from Somalia and 11 from Yemen") takes only its own words
    own_clause = verb is not None and anchor.dep_ != "conj"
    for c in list(anchor.children) + (list(verb.children) if own_clause and verb is not None else []):
        if c.dep_ == "prep" and c.lower_ == "from":  # "12 are from Somalia", "11 from Yemen"
            extra += [g.lower_ for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if c.dep_ in ("acomp", "attr") and c.text[:1].isupper():  # "12 are Somali"
            extra.append(_modifier_key(c.lower_))
        if c.dep_ == "xcomp":  # "12 are reported to be Somali"
            extra += [_modifier_key(g.lower_) for g in c.children if g.dep_ in ("acomp", "attr") and g.text[:1].isupper()]
    if verb is None:
        return None, extra
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _PART_PREPS and c.i < anchor.i:
            inner = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), c)  # "out of"
            pobj = next((g for g in inner.children if g.dep_ == "pobj" and g.pos_ in _NOUNS), None)
            if pobj is not None:
                return pobj, extra
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < anchor.i and verb.lower_.startswith(_PART_VERBS):
            return c, extra
    return None, extra


# Verbs whose subject a share after them measures: a copula and the verbs of a level or a change.
# (their forms as written: the parse keeps no lemmas)
_BE_FORMS = frozenset(("be", "is", "are", "was", "were", "been", "being", "'s", "’s"))
_LEVEL_VERBS = _BE_FORMS | frozenset(
    f"{base}{end}" for base in ("reach", "climb", "jump", "soar", "exceed", "surpass", "increase", "decrease",
                                "decline", "total", "top", "drop", "slip", "edge", "stand", "rise", "fall", "grow",
                                "hit")
    for end in ("", "s", "es", "ed", "d", "ing", "ped", "ping", "led")) | frozenset(
    ("rose", "risen", "rising", "fell", "fallen", "falling", "stood", "grew", "grown", "edging", "hitting"))


# Verbs that make a count a share of something ("accounting for 88 percent of", "representing").
_SHARE_VERBS = ("account", "represent", "constitut", "compris", "equal", "making up", "make up")
# Words that pick a part of the "of" phrase after them: "all of the 2.5 million", "most of the 23".
_QUANTIFIERS = frozenset(("all", "most", "some", "many", "much", "half", "none", "each", "both", "few", "majority",
                          "minority", "part", "rest", "several", "any", "one", "two", "three", "four", "five",
                          "dozens", "hundreds", "thousands", "millions", "number"))


def _hyphen_head(tok: Any) -> Any:
    """The last word of a hyphened compound the parser split at its first word ("workers" for
    "co" in "co - workers", "co-workers"), or None when ``tok`` ends no such compound."""
    doc = tok.doc
    i = tok.i
    if i + 2 < len(doc) and doc[i + 1].text in ("-", "‐", "–") and doc[i + 2].pos_ in (*_NOUNS, "ADJ") \
            and doc[i + 2].text[:1].isalpha() and doc[i + 2].head.i in (i, i + 1, i + 2, tok.head.i) \
            and not doc[i + 2].like_num and (i + 3 >= len(doc) or doc[i + 3].text not in ("-", "‐", "–")):
        return doc[i + 2]
    return None


def _share_named(share: Any) -> Any:
    """The noun a share stands in apposition to or after "of" ("turnout" in "a turnout more than
    50 percent of eligible voters", "a turnout of 90 percent"), or None."""
    head = share.head
    if head is share:
        return None
    if share.dep_ == "appos" and head.pos_ == "NOUN":
        return head
    if share.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.lower_ not in _TALLY_NOUNS:
        return head.head
    return None


def _share_holder(share: Any) -> Any:
    """The noun a share without an "of" phrase measures: the subject of the copula or the change
    verb it completes ("turnout" in "turnout reached 93.87 percent", "turnout was almost 90%",
    "sales rose to 5 percent"), or None (a pronoun or a name is no such noun)."""
    tok = share
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "by"):
        tok = tok.head  # "rose to 5 percent", "stood at 40%"
    if tok.dep_ not in ("dobj", "attr", "acomp", "npadvmod", "prep", "advmod") or tok.head is tok:
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lower_ not in _LEVEL_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _said_of(anchor: Any) -> Any:
    """The noun a bare quantity is said of: the subject of its copula ("temperatures were minus
    20") or the noun its "of" phrase stands under ("temperatures of minus 20"), or None."""
    if anchor.head.lower_ == "minus" and anchor.head is not anchor:
        anchor = anchor.head  # "were minus 20" parsed with the sign word as the head
    head = anchor.head
    if head is anchor:
        return None
    if anchor.dep_ in ("attr", "acomp", "advmod", "npadvmod") and head.lower_ in _BE_FORMS:
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj if subj is not None and subj.pos_ in _NOUNS else None
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS:
        return head.head
    return None


def _predicate(noun: Any, anchor: Any, via_of: bool = False) -> tuple[str | None, Any]:
    """(predicate class or verb, the governing verb token) of a counted noun or a bare number."""
    start = noun if noun is not None else anchor
    # an event word in the counted thing itself ("18 deaths", "86 arrests", "18 victims")
    for t in (start, anchor):
        cls = predicate_class(t.lower_) if t.pos_ in _NOUNS or t.pos_ == "ADJ" else None
        if cls:
            return cls, None
    # "damaged shops", "3 thousand under arrest", "18 dead": a participle or event word beside it
    # (a relative clause only when the verb above says no event: in "captured 23 pirates who
    # attacked a vessel" what happened to the 23 is the capture; and not the participle of a whole
    # the number is part of: in "17 of the hijacked ships are still held" it is the holding)
    relative: tuple[str, Any] | None = None
    state: tuple[str, Any] | None = None
    for t in ([] if via_of else list(start.children)) + list(anchor.children):
        if t.dep_ == "relcl" and t.i != start.i and relative is None:
            cls = predicate_class(t.lower_)
            if cls:
                relative = (cls, t)
        if t.dep_ in ("amod", "acl", "acomp") and t.i != start.i:
            cls = predicate_class(t.lower_)
            if cls:
                return cls, t
        if t.dep_ == "prep":
            for pobj in t.children:
                cls = predicate_class(pobj.lower_) if pobj.dep_ == "pobj" else None
                if cls and t.lower_ in ("under", "in", "into") and state is None:
                    # "3 thousand under arrest"; below a verb of a class, that verb says what
                    # happened to them ("rescued two merchant vessels under attack": rescued)
                    state = (cls, pobj)
    tok = start
    for _ in range(MAX_CLIMB):
        if tok.head is tok or tok.dep_ in _NO_CLIMB:
            break  # "Somalia and Yemen, two countries": an apposition is not the verb's object
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod")):
            speech = tok.lower_ in _SPEECH
            # a verb with its object names the event before the verb alone: "lost their lives" is a
            # death, "lost" alone a disappearance
            idiom = next((cls for c in tok.children if c.dep_ == "dobj"
                          if (cls := predicate_class(f"{tok.lower_} {noun_key(c.text)}"))), None)
            cls = idiom or (None if speech else predicate_class(tok.lower_))
            if cls:
                return cls, tok
            # "took ... into custody", "lost their lives", "set fire to", "made off with": the verb
            # with its particle or object (a speech verb only with its particle: "made off")
            for c in tok.children:
                if c.dep_ in ("prep", "dobj", "prt"):
                    words = [c.lower_] + [g.lower_ for g in c.children if g.dep_ in ("pobj", "dobj")]
                    for w in words:
                        cls = predicate_class(f"{tok.lower_} {w}") or (
                            predicate_class(w) if c.dep_ == "prep" and not speech else None)
                        if cls:
                            return cls, tok
            if speech:
                # "were" / "said": look at a complement or participle below it
                for c in tok.children:
                    if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and c.i != start.i:
                        cls = predicate_class(c.lower_)
                        if cls:
                            return cls, c
                if tok.lower_ in ("be", "is", "are", "was", "were", "been"):
                    continue
                return state or relative or (None, tok)
            if tok.pos_ == "ADJ":
                continue  # "12 are Somali and 11 Yemeni": an adjective says who, not what happened
            return state or relative or (noun_key(tok.lower_), tok)
    return state or relative or (None, None)


# Verbs that give a thing its name: "a craft called Salahaddin", "the boat is named the Salahaddin".
_NAMING_VERBS = frozenset(("call", "called", "name", "named", "dub", "dubbed", "christen", "christened",
                           "know", "known", "identify", "identified", "nickname", "nicknamed"))


def _other_names(thing: Any) -> tuple[str, ...]:
    """The other names a noun goes by in its sentence: the nouns in apposition with it ("the
    larger boat, a 10-metre dhow": boat; "a dhow, a traditional sailboat": sailboat) and the name
    a naming verb gives it ("a craft called Salahaddin", "the boat is named the Salahaddin")."""
    nouns = [thing]
    if thing.dep_ == "appos" and thing.head.pos_ in _NOUNS:
        nouns.append(thing.head)
    nouns += [c for c in thing.children if c.dep_ == "appos" and c.pos_ in _NOUNS]
    names: set[str] = {noun_key(n.text) for n in nouns[1:]}
    for n in nouns:
        verbs = [c for c in n.children if c.dep_ == "acl" and c.lower_ in _NAMING_VERBS]
        if n.dep_ in ("nsubj", "nsubjpass") and n.head.lower_ in _NAMING_VERBS:
            verbs.append(n.head)
        for v in verbs:
            for c in v.children:
                named = [c] if c.dep_ in ("oprd", "attr") else [g for g in c.children if g.dep_ == "pobj"] \
                    if c.dep_ == "prep" and c.lower_ == "as" else []
                names.update(g.text for g in named if g.pos_ == "PROPN")  # (a name keeps its capital)
    names.discard(noun_key(thing.text))
    return tuple(sorted(names))


# Relations of a verb's dependent that has the verb done to it: "seized two boats", "two boats were seized".
_PATIENT_DEPS = frozenset(("dobj", "obj", "nsubjpass", "dative"))


# Prepositions whose object carries or arms the subject of the verb: "the pirates, in three boats,
# were attempting", "gunmen on two motorbikes opened fire", "attacked with two rifles".
_CARRIER_PREPS = frozenset(("in", "on", "aboard", "onboard", "with"))


def _role(thing: Any, verb: Any, pred: str | None) -> str | None:
    """Whether what is counted "undergoes" its predicate or "does" it (None: neither is said).

    It undergoes an event of a class when it is its object ("seized two small boats", "recovered
    rifles, launchers, three speedboats"), the subject of its passive ("two boats were seized") or
    a participle is said of it ("the seized boats", "two boats seized"). It does what the verb
    says when it is, or stands in, the subject of an active verb that has an object or names no
    event of a class ("two boats were firing small arms", "two boats were closing in", "the pirates
    in three boats were attempting"), or the agent of a passive ("fired on by two boats"); the
    subject of an intransitive verb of a class undergoes nothing said here ("30 people died")."""
    if verb.head.i == thing.i and verb.dep_ in ("amod", "acl"):
        return "undergoes" if pred in PREDICATE_CLASSES else None
    tok = thing
    for _ in range(MAX_CLIMB):
        if tok.head is tok:
            return None
        if tok.head.i == verb.i:
            break
        tok = tok.head
    else:
        return None
    if tok.dep_ in _PATIENT_DEPS:
        return "undergoes" if pred in PREDICATE_CLASSES else None
    active = pred not in PREDICATE_CLASSES or any(c.dep_ in ("dobj", "obj") for c in verb.children)
    if tok.dep_ == "agent" or (tok.dep_ == "nsubj" and active):
        return "does"
    if tok.dep_ == "prep" and tok.lower_ in _CARRIER_PREPS and thing.head.i == tok.i and active \
            and any(c.dep_ == "nsubj" for c in verb.children):
        return "does"  # "the pirates, in three boats, were attempting": what carries the doer
    return None


def _phrases_of(tok: Any) -> list[Any]:
    """The prepositional phrases and adverbial nouns hanging from ``tok`` (not from its clauses)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "npadvmod", "advmod", "tmod", "pobj"):
            out.append(c)
    return out


def _scope_and_time(noun: Any, anchor: Any, verb: Any) -> tuple[list[str], list[str]]:
    places: list[str] = []
    times: list[str] = []
    heads = [t for t in (noun, anchor, verb) if t is not None]
    for h in heads:
        for ph in _phrases_of(h):
            toks = list(ph.subtree)
            if len(toks) > 12:
                toks = toks[:12]
            words = [t.lower_ for t in toks]
            for i, t in enumerate(toks):
                if t.tag_ == "CD" and re.fullmatch(r"(?:19|20)\d\d", t.text):
                    times.append(t.text)
                elif t.lower_ in _PERIODS and i > 0 and words[i - 1] in ("this", "last", "next", "previous", "past"):
                    times.append(f"{words[i - 1]} {t.lower_}")
                elif t.lower_ in _MONTHS:
                    times.append(t.lower_)
                elif t.pos_ == "PROPN" and t.lower_ not in _MONTHS and t.lower_ not in _WEEKDAYS:
                    places.append(t.lower_)
    return sorted(set(places)), sorted(set(times))


def _sentence_spans(text: str, figures: Sequence[Figure]) -> list[tuple[int, int]]:
    import bisect

    from synoptic.extract.figures import _sentences

    spans = _sentences(text)
    if not spans:
        return [(0, len(text)) for _ in figures]
    ends = [e for _, e in spans]
    # each figure on its own: find_figures does not return figures in text order (ranges come first)
    return [spans[min(bisect.bisect_right(ends, f.start), len(spans) - 1)] for f in figures]


#: Modals that, with a perfect ("might have been", "could have killed"), say what did not happen.
_COUNTERFACTUAL_MODALS = frozenset(("might", "could", "would", "should"))
#: Subordinators of a condition: a number inside "if ..." is said of no real occasion.
_CONDITIONS = frozenset(("if", "unless"))
#: A "when" clause in the present tense states a general case ("when one is killed, all of us lose").
_GENERIC_WHEN = frozenset(("when", "whenever"))
# An age compared with: "more motivation than a 21-year-old", "looks like a 50-year-old".
_COMPARED_BEFORE = re.compile(r"\b(?:than|like)\s+(?:an?|any|the\s+average)\s+$", re.IGNORECASE)
# A round number written with "a" and a scale word and no digits ("a million guys", "a thousand times").
ROUND_WORDS = re.compile(r"^(?:an?|one)\s+(?:hundred|thousand|million|billion)$", re.IGNORECASE)
# Quotation marks as corpora write them: straight, curly, and ECB+'s `` ... ''.
_OPEN_QUOTES = re.compile(r"“|``|\"")
_CLOSE_QUOTES = re.compile(r"”|''")
_QUOTE_MARKS = re.compile(r"“|”|``|''")


# "two sons, ages 6 and 16", "girls age 6 and 8": the ages of the plural noun before "ages".
_AGES_OF = re.compile(r"\b([a-z]{3,}s)\s*[,–—-]?\s*ages?\s+(?:\d{1,3}\s*(?:,|and|-)\s*)*$")


def _clause_verb(tok: Any) -> Any:
    """The first verb above a token (its clause's verb), or None."""
    t = tok
    for _ in range(MAX_CLIMB + 2):
        if t.head is t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            return t
    return None


def _counterfactual(tok: Any) -> bool:
    """Whether the clause of a number says what did not or may not happen, read from its verb:
    a modal with a perfect ("There might have been two people killed", "could have died") or a
    condition ("if 100 people die"). A modal alone is kept: "will take effect in 30 days", "could
    face up to 20 years" are real claims."""
    verb = _clause_verb(tok)
    if verb is None:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in kids):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _GENERIC_WHEN for c in kids) and (
            verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in kids)):
        return True  # "When one is killed, all of us lose": a general case in the present, no occasion
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _COUNTERFACTUAL_MODALS for c in kids)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in kids)
    return modal and perfect


#: How far back (characters) a quotation mark may open the quote a figure stands in: a speaker's
#: quote runs over several lines where a corpus puts one sentence a line (ECB+). Set on rehab (fit:
#: a quote of four short sentences); a mark cut off by the window counts as closed, so a longer quote
#: is missed, never invented.
QUOTE_BACK_CHARS = 400


def _in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside quotation marks opened in the ``QUOTE_BACK_CHARS`` before it
    (more opening marks than closing ones; straight marks by their parity in its paragraph)."""
    if '"' not in text[text.rfind("\n", 0, pos) + 1:pos]:
        depth = 0  # marks in order; a closing mark whose opening one is cut off closes nothing
        for m in _QUOTE_MARKS.finditer(text, max(0, pos - QUOTE_BACK_CHARS), pos):
            depth = depth + 1 if m.group() in ("“", "``") else max(0, depth - 1)
        return depth > 0
    para = text[text.rfind("\n", 0, pos) + 1:pos]
    straight = para.count('"')
    opened = len(_OPEN_QUOTES.findall(para.replace('"', ""))) + straight
    closed = len(_CLOSE_QUOTES.findall(para))
    return straight % 2 == 1 if straight else opened > closed


def _said_of_nothing(text: str, fig: Figure, tok: Any) -> bool:
    """Whether a figure is said of no real thing or occasion: a counterfactual or a condition
    (:func:`_counterfactual`), an age one is compared with ("than a 21-year-old"), a round number
    with "a" inside quotation marks, a speaker's manner of speaking ("I dated a million guys")."""
    if tok is not None and _counterfactual(tok) and not _maximum_faced(fig, tok):
        return True
    if fig.dimension == "age" and _COMPARED_BEFORE.search(text, max(0, fig.start - 30), fig.start):
        return True
    return fig.dimension == "count" and bool(ROUND_WORDS.match(fig.text.strip())) and _in_quotes(text, fig.start)


def _maximum_faced(fig: Figure, tok: Any) -> bool:
    """Whether a figure under a modal perfect is the maximum a person faced: "up to" or "a maximum of"
    (an at-most bound) said of a penalty ("could have faced up to 99 years in prison", "could have
    meant a sentence of up to 99 years", "a potential fine of up to $9 million"; lang.en.counted:
    a facing verb or a penalty noun between the number and its clause's verb, or right after it). The
    law's maximum is a real figure; "could have killed up to 100 people" stays a counterfactual."""
    from synoptic.extract.figures import qualifier_kind

    dim = fig.dimension or ""
    if qualifier_kind(fig.qualifier) != "atmost" or not (dim == "duration" or dim.startswith("money:")):
        return False
    verb = _clause_verb(tok)
    first = min(tok.i, verb.i) if verb is not None else tok.i
    return any(t.lower_ in FACING_VERBS or t.lower_ in PENALTY_NOUNS for t in tok.doc[first:tok.i + 4])


#: Adverbs that say an event verb's event did not happen ("nearly killed", "almost died").
_NEARLY = frozenset(("nearly", "almost"))
#: Verbs of trying: an event verb under one ("attempting to murder", "tried to kill") names what was
#: tried, not what happened.
_TRYING = frozenset(stem(w) for w in ("attempt", "try", "seek", "plot", "threaten", "conspire"))


def _did_not_happen(verb: Any) -> bool:
    """Whether an event verb's event did not happen: qualified by "nearly" or "almost", or the
    complement of a verb of trying ("attempting to murder at least three other people")."""
    if any(c.dep_ == "advmod" and c.lower_ in _NEARLY for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "pcomp") and stem(verb.head.lower_) in _TRYING


def _owned_by_person(tok: Any) -> bool:
    """Whether a counted noun stands in a phrase of a person ("the father of two sons", "the
    newlywed and father to two boys"): what the clause's verb says ("died") is said of that person,
    not of what the number counts. A "to" phrase under any singular noun names what it relates to;
    an "of" phrase only under a person noun (lang.en.persons: "a group of 20 protesters were
    arrested" were all arrested)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("of", "to"):
        return False
    owner = tok.head.head
    if owner.pos_ != "NOUN" or owner.tag_ != "NN" or predicate_class(owner.lower_):
        return False
    return tok.head.lower_ == "to" or noun_key(owner.text) in PERSON_NOUNS


#: Words a span of time lies before or after an event with ("married two weeks before the shooting").
_GAP_WORDS = frozenset(("before", "after", "earlier", "later"))
#: Words a count of buildings, doors or blocks is a distance with ("three doors away").
_AWAY_WORDS = frozenset(("away", "off", "down", "up"))


def _gap_of(unit: Any) -> str | None:
    """The verb a span of time separates from another event, as its lemma: "married" in "He had
    married two weeks before the shooting" and in "who married the deputy three weeks before he was
    murdered" (the span under "before", or under the verb its "before" marks); None otherwise."""
    head = unit.head
    if unit.dep_ != "npadvmod" or head is unit:
        return None
    if head.lower_ in _GAP_WORDS and head.dep_ in ("prep", "advmod") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    elif head.pos_ == "VERB" and head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _GAP_WORDS
                                                             for c in head.children):
        verb = head.head
    else:
        return None
    # the verb nearest before the span in its clause (the parser may hang a "before" clause on a
    # later verb across dashes: "Chela Ortiz - who was married three weeks before ... - sat"); a
    # span that opens its clause ("Just six weeks before Obama takes office, the administration
    # ...") dates the clause, it lies after no event
    del verb
    for t in reversed(unit.doc[unit.sent.start:unit.i]):
        if t.is_punct and t.text in ",;:-–—()":
            break
        if t.pos_ == "VERB":
            return stem(t.lower_)
    return None


def _away(noun: Any) -> bool:
    """Whether a counted noun is a distance in its own units: "arrested five buildings away", "fled
    into an apartment three doors away", "arrested ... three houses from the scene"."""
    if noun_key(noun.text) not in DISTANCE_COUNT_NOUNS:
        return False
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_ in _AWAY_WORDS:
        return True  # (the parser may take the noun for the verb's object and "away" for its adverb)
    return noun.dep_ in ("npadvmod", "appos") and (noun.head.lower_ in _AWAY_WORDS or any(
        c.dep_ == "prep" and c.lower_ == "from" for c in noun.children))


def read_figures_many(items: Sequence[tuple[str, list[Figure]]]) -> None:
    """:func:`read_figures` for many texts, their sentences parsed in one batch (faster than one
    parse call per text)."""
    from synoptic.extract.models import parse_many

    spans = [_sentence_spans(text, figs) if figs else [] for text, figs in items]
    parse_many([text[s0:s1] for (text, _figs), sp in zip(items, spans, strict=True) for s0, s1 in sp])
    for (text, figs), sp in zip(items, spans, strict=True):
        if figs:
            read_figures(text, figs, sp)


#: The predicate class whose verbs take people as their subject ("gather", "march", "rally",
#: "protest"): a bare number doing it counts people.
_PEOPLE_SUBJECT_CLASS = "gathered"


def read_figures(text: str, figures: list[Figure],
                 spans: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Steps 1-5 of the module docstring: set what each figure counts (in place; also returned)."""
    if not figures:
        return figures
    from synoptic.extract.models import parse_many

    spans = spans if spans is not None else _sentence_spans(text, figures)
    sentences = [text[s0:s1] for s0, s1 in spans]
    unique = list(dict.fromkeys(sentences))
    docs = dict(zip(unique, parse_many(unique), strict=True))
    owned: set[int] = set()  # figures whose noun stands in a person noun's phrase (_owned_by_person)
    partitive: set[int] = set()  # "N of the <noun>" figures
    for fig, (s0, _s1), sentence in zip(figures, spans, sentences, strict=True):
        fig.dimension = dimension_of(fig)
        doc = docs.get(sentence)
        before = text[max(s0, fig.start - SUBGROUP_CHARS - 20):fig.start]
        fig.rising = bool(_RISING_BEFORE.search(before))
        # a part of another count ("23 pirates, including 12 Somalis"); a length is no part
        fig.subgroup = fig.dimension == "count" and bool(_SUBGROUP_BEFORE.search(before))
        if doc is None:
            continue
        tok = _number_token(doc, fig.start - s0, fig.end - s0)  # 1
        fig.hypothetical = _said_of_nothing(text, fig, tok)
        if tok is None:
            continue
        anchor = _climb_quantity(tok)
        if fig.dimension == "age" and (holder := _age_holder(tok, fig.start - s0, fig.end - s0)) is not None:
            fig.subject = holder  # "a 66-year-old woman": the woman's age, whatever name stands near
        elif fig.dimension == "age" and (listed := _AGES_OF.search(text, max(s0, fig.start - 40), fig.start)) \
                and listed.group(1).lower() not in _FUNCTION:
            fig.subject = listed.group(1).lower()  # "two sons, ages 6 and 16": the sons' ages, not a name's near
        noun, via_of = _counted_noun(anchor)  # 2
        if (measure := _times_of(tok)) is not None:
            noun, via_of = measure, False  # "11 times as much as the Great Pyramid": 11 pyramids' worth
        if via_of and fig.dimension == "count":
            partitive.add(id(fig))  # "more than 200,000 of the comments" (see below)
        hyphened = None
        if noun is not None and (head_word := _hyphen_head(noun)) is not None:
            # "three co - workers", "four of her co-workers": a hyphened compound is headed by its last word
            hyphened, noun = noun, head_word
        if fig.category == "measure" and noun is None:
            # "fell about 200m": a unit symbol the tagger took for a verb ("m" as in "I'm") is the
            # unit still, not what happened (a word of the figure itself is never its predicate)
            noun = next((t for t in doc if fig.start - s0 <= t.idx < fig.end - s0 and t.i > tok.i
                         and unit_dimension(t.lower_) is not None), None)
            anchor = noun if noun is not None else anchor  # the verb above it is what happened
        elided = None
        first = anchor.head if anchor.dep_ in _QUANTITY_DEPS and anchor.head.i > anchor.i else None
        if first is not None and first.pos_ in ("ADJ", "PROPN"):
            # "12 Somali and 11 Yemeni nationals": the first number shares the noun of the second
            shared = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                           and any(g.like_num for g in c.children)), None)
            if shared is not None:
                noun, via_of, elided = shared, False, _modifier_key(first.lower_)
        if fig.category == "measure" and noun is not None and unit_dimension(noun.lower_) is not None:
            # "the 300-metre bridge", "a depth of 12 metres": what is measured, not the unit's word
            unit_tok = noun
            noun = None
            if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "of" and unit_tok.head.head.pos_ in _NOUNS:
                noun = unit_tok.head.head
            elif unit_tok.dep_ in ("pobj", "attr") and (unit_tok.head.lower_ == "of" or unit_tok.head.pos_ == "AUX"):
                # "the ship ... is of 200,000 tons", "the bridge is 300 metres": what the copula's subject is
                cop = unit_tok.head.head if unit_tok.head.lower_ == "of" else unit_tok.head
                subj = next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if cop.lower_ in ("is", "was", "are", "were", "be", "been") and subj is not None and subj.pos_ in _NOUNS:
                    noun = subj
            elif unit_tok.dep_ in ("compound", "amod", "nmod", "nummod") and unit_tok.head.pos_ in _NOUNS \
                    and unit_tok.head.i > unit_tok.i:
                noun = unit_tok.head
            elif unit_tok.dep_ == "npadvmod" and unit_tok.head.pos_ == "ADJ" and unit_tok.head.head.i > unit_tok.i \
                    and (unit_tok.head.head.pos_ in _NOUNS or unit_tok.head.head.dep_ in _NOMINAL_DEPS):
                # (a rare noun the tagger misses is a noun still where it stands as subject or object)
                noun = unit_tok.head.head  # "the 10-metre-long dhow": the length of the dhow
            elif unit_tok.dep_ == "npadvmod" and unit_tok.head.pos_ == "ADJ" and unit_tok.head.head.dep_ == "prep":
                # "one of the largest ships afloat at 400 metres long": what the phrase stands after
                held = unit_tok.head.head.head
                of = next((c for c in held.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                noun = inner if held.lower_ == "one" and inner is not None and inner.pos_ in _NOUNS else (
                    held if held.pos_ in _NOUNS else None)
            if noun is not None:
                fig.noun = noun_key(noun.text)
                fig.aliases = _other_names(noun)
            noun = None
            via_of = True
        if fig.category == "money":
            # "gems worth 85 million euros", "diamonds valued at $108 million", "$102 million in
            # jewelry", "e85 million worth of diamonds": a sum is the value of a thing; what is
            # counted is that thing, and what happened to it is what happened to the thing
            from synoptic.extract.figures import SCALES

            thing = _valued_thing(noun if noun is not None else anchor)
            if thing is None:  # "$5m worth of gold", the value word parsed under the sum or apart from it
                thing = _worth_after(doc, fig.end - s0)
            if thing is None and (noun is None or noun.lower_.rstrip(".") in SCALES):
                thing = _valued_subject(noun if noun is not None else anchor)  # "traffic accounts for $5.1bn"
            if thing is not None or (noun is not None and (currency_code(noun.text) or noun.lower_ in _VALUE_WORDS
                                                           or noun.lower_.rstrip(".") in SCALES)):
                # (a scale's word, "m" in "$5m", counts nothing either)
                # the currency's own word ("euros") says nothing of what the sum is; "a $35,000
                # reward" is a reward
                noun = thing
                via_of = True
        level_verb = instance = None
        if fig.category == "percent":
            # "52% of the vote", "12% of world trade": a share is of what the "of" phrase names
            if via_of and noun is not None and noun.pos_ in _NOUNS:
                # "more than half of the 288 candidates": the fraction's own "of" phrase names the whole
                fig.noun = noun_key(noun.text)
                fig.modifiers = tuple(sorted(t.lower_ for t in noun.children if t.dep_ in ("compound", "amod")))
            share = noun if noun is not None else anchor
            noun = None
            for child in share.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is None:
                        # "12% of world trade passes": the parser may hang the nouns after "of" on
                        # the verb as compounds; the share is of the last noun of the run after "of"
                        run = []
                        for t in share.doc[child.i + 1:]:
                            if t.pos_ not in (*_NOUNS, "ADJ") or t.dep_ not in ("compound", "amod"):
                                break
                            run.append(t)
                        while run and run[-1].pos_ not in _NOUNS:
                            run.pop()
                        if run:
                            fig.noun = noun_key(run[-1].text)
                            fig.modifiers = tuple(sorted(t.lower_ for t in run[:-1]))
                    elif pobj.pos_ in _NOUNS:
                        fig.noun = noun_key(pobj.text)
                        fig.modifiers = tuple(sorted(t.lower_ for t in pobj.children
                                                     if t.dep_ in ("compound", "amod")))
            if not fig.noun and (whole_of := _part_of(share)[0]) is not None and whole_of.pos_ in _NOUNS:
                fig.noun = noun_key(whole_of.text)  # "out of the 288 candidates, more than half are ..."
            if fig.noun and (named_as := _share_named(share)) is not None and noun_key(named_as.text) != fig.noun:
                # "a turnout (of) more than 50 percent of eligible voters": the share of voters the
                # story calls turnout; the name is kept as another name of what the share is of
                fig.aliases = (noun_key(named_as.text),)
            if not fig.noun and (held := _share_holder(share) or _share_named(share)) is not None:
                # "turnout reached 93.87 percent", "turnout was almost 90%", "sales rose 5 percent":
                # without an "of" phrase a share is of the subject of its copula or change verb (a
                # level, not an event: "reached" says no one moved)
                level_verb = held.head
                fig.noun = noun_key(held.text)
                fig.modifiers = tuple(sorted(t.lower_ for t in held.children if t.dep_ in ("compound", "amod")))
            via_of = True
        if fig.dimension == "angle" or (fig.dimension == "count" and fig.value < 0):
            # "temperatures were minus 20", "temperatures of minus 17 degrees", "minus-20 degree
            # temperatures": a number said of a temperature (a bare "degrees" too) is one, whatever
            # unit it leaves out
            held = noun if noun is not None else _said_of(anchor)
            if held is not None and noun_key(held.text) in TEMPERATURE_NOUNS:
                fig.noun, noun = noun_key(held.text), None
            if fig.noun in TEMPERATURE_NOUNS:
                fig.dimension, fig.category, fig.unit = "temperature", "measure", "°"
                via_of = True
        if noun is not None and not via_of and noun_key(noun.text) in INSTANCE_NOUNS:
            # "two counts of murder", "one count of attempted murder": what is counted is the murder
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ in _NOUNS), None) \
                if of is not None else None
            if inner is not None:
                instance, noun, via_of = noun, inner, True
                if fig.start <= instance.idx + s0 and inner.idx + len(inner.text) + s0 - fig.start <= 80:
                    fig.counted = text[fig.start:inner.idx + len(inner.text) + s0]  # "two counts of murder"
        named = None  # "12 Somalis": the nationality the number stands with
        if noun is not None and noun.text[:1].isupper() and noun.i > 0 and noun.tag_ in ("NNPS", "NNP", "JJ"):
            # "12 Somalis", "11 Yemeni": a nationality or a name says who they are, not what is counted
            fig.modifiers = (noun.lower_.rstrip("s"),)
            fig.noun = fig.modifiers[0]  # "12 Somalis" count Somalis (and match "12 Somali pirates")
            if not via_of and fig.start <= noun.idx + s0:
                fig.counted = text[fig.start:noun.idx + len(noun.text) + s0]
            named, noun = noun, None
        if noun is not None:
            fig.noun = noun_key(noun.text)
            if fig.category == "measure":  # "a 10-metre dhow" (the unit's word a compound of the noun)
                fig.aliases = _other_names(noun)
            compound = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1]
            if fig.noun in GENERIC_NOUNS and compound:
                # "crew members", "family members": a general head says what is counted with its compound
                fig.noun = f"{compound[0].lower_} {fig.noun}"
            # "420 passengers and crew": the number counts the union, not the first noun alone (only
            # a bare noun right after "and": "23 pirates and a cache of arms" lists two things)
            union = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i == noun.i + 2
                     and c.doc[noun.i + 1].dep_ == "cc" and not list(c.children)]
            if union:
                fig.noun = " and ".join([fig.noun, *(noun_key(c.text) for c in union)])
            mods = [t for t in noun.children  # ("AK-47", "F-16": a model name the parser tags as a number)
                    if t.dep_ in ("compound", "amod", "nmod", "nummod") and t.i != anchor.i and t.i != tok.i
                    and ((not t.like_num and t.tag_ != "CD") or (any(c.isalpha() for c in t.text) and "-" in t.text))]
            mods += [t for t in noun.children if t.dep_ == "conj" and t.pos_ == "ADJ"]
            if hyphened is not None and all(m.i != hyphened.i for m in mods):
                mods.append(hyphened)  # "co" of "co - workers"
            # "Two F-16 jets": a model's name the parser hung under the number
            mods += [t for t in anchor.children if _is_model(t) and anchor.i < t.i < noun.i]
            for m in [t for t in noun.children if t.dep_ == "amod"]:
                mods += [c for c in m.children if c.dep_ == "conj"]
            # "one attempted murder charge": the modifier of a compound modifies what is counted too
            for m in [t for t in noun.children if t.dep_ == "compound" and t.i < noun.i]:
                mods += [c for c in m.children if c.dep_ == "amod" and c.lower_ in NON_SUBSECTIVE]
            # "12 Somali and 11 Yemeni pirates": a modifier with a number of its own is another count's
            mods = [m for m in mods if not (m.i > 0 and m.doc[m.i - 1].like_num and m.doc[m.i - 1].i != tok.i)]
            keys = set()
            for m in mods:
                nxt = m.doc[m.i + 1] if m.i + 1 < len(m.doc) else None
                if nxt is not None and nxt.like_num and nxt.i != tok.i and nxt.head.i == noun.i and m.text.isupper():
                    keys.add(f"{m.lower_}-{nxt.lower_}")  # "AK 47 guns": the model "ak-47"
                else:
                    keys.add(_modifier_key(m.lower_))
            # "2.5 million Turkmens are eligible": an adjective the copula says of the counted noun
            # restricts it as one before it would ("2.5 million eligible voters")
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lower_ in _BE_FORMS:
                keys |= {c.lower_ for c in noun.head.children
                         if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.text.islower() and not predicate_class(c.lower_)}
            # "one count of attempted willful, deliberate murder": a word that says the thing is not
            # one (lang.en.nouns.NON_SUBSECTIVE) modifies it wherever the parser hangs it before the noun
            keys |= {t.lower_ for t in doc[min(anchor.i, noun.i):noun.i] if t.lower_ in NON_SUBSECTIVE}
            fig.modifiers = tuple(sorted(keys | ({elided} if elided else set())))
            # "2.44 million people, accounting for 88.41 percent of eligible voters": a count that
            # is a share of something is a part of it
            if any(c.dep_ in ("acl", "relcl", "appos") and c.lower_.startswith(_SHARE_VERBS)
                   and any(t.lower_ in ("percent", "%", "per", "cent", "percentage") for t in c.subtree)
                   for c in noun.children):
                fig.subgroup = True
            end = noun.idx + len(noun.text) + s0
            if not via_of and fig.start <= noun.idx + s0 and end - fig.start <= 80:
                fig.counted = text[fig.start:end]
        whole = None
        if noun is None and fig.dimension == "count":
            # "Of the 23 pirates arrested, 12 are Somali", "the apprehended included 12 Somalis":
            # a part of a count named beside it counts what that count counts, as a subgroup
            whole, extra = _part_of(named if named is not None else anchor)
            if whole is not None:
                fig.subgroup = True
                if whole.pos_ in _NOUNS and not fig.noun:
                    fig.noun = noun_key(whole.text)
            if extra:
                fig.modifiers = tuple(sorted(set(fig.modifiers) | set(extra)))
        # (what happened to two counts of murder is what happened to the counts: they were charged)
        pred, verb = _predicate(noun, anchor, via_of) if instance is None else _predicate(instance, anchor)  # 3
        if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
                and noun.head.head.lower_ in _QUANTIFIERS and verb is not None and verb.head.i != noun.i \
                and verb.i != noun.i and not any(a.i == noun.i for a in verb.ancestors):
            # "almost all of the 2.5 million people eligible cast their votes": the verb is said of
            # the part the quantifier picks, not of the counted whole
            pred = None
        if level_verb is not None and verb is not None and verb.i == level_verb.i:
            pred = None
        if whole is not None:
            whole_pred, _ = _predicate(whole, whole, False)
            if whole_pred in PREDICATE_CLASSES or predicate_class(whole.lower_):
                pred = predicate_class(whole.lower_) or whole_pred
        # the verb or the copula above the number whose subject is a tally ("is" in "officials say
        # the number of soldiers is less than 5,000")
        tally_verb = next((h for h in [*([verb] if verb is not None else []), *anchor.ancestors][:MAX_CLIMB]
                           if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _TALLY_NOUNS
                                  for c in h.children)), verb)
        # "raise the number of seats from 65 to 125": the new value of a tally the verb changes
        # (the parser may hang "65 to 125" on "from" as one quantity: the words before the number say)
        after_to = bool(re.search(r"\bto\s+$", text[s0:fig.start]))
        to_value = anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "from") and after_to \
            and verb is not None and anchor.head.head.i == verb.i
        changed = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ in ("from", "to") else None
        if noun is None and not fig.noun and fig.dimension == "count" and changed is not None \
                and changed.pos_ in _NOUNS and changed.dep_ == "pobj" and changed.head.lower_ == "of" \
                and changed.head.head.lower_ in _TALLY_NOUNS and after_to:
            # the same with the change parsed under the tally's noun ("seats from 65 to 125"); the
            # value it changes from is an earlier tally, left bare
            fig.noun = noun_key(changed.text)
        if noun is None and not fig.noun and fig.dimension == "count" and tally_verb is not None:
            # "the number of lorries waiting rose to 300", "the total of people arrested is 86"
            subj = next((c for c in tally_verb.children if to_value and c.dep_ == "dobj" and c.lower_ in _TALLY_NOUNS),
                        None) or next((c for c in tally_verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in _TALLY_NOUNS:
                of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                if pobj is not None and pobj.pos_ in _NOUNS:
                    fig.noun = noun_key(pobj.text)
                    inner, _ = _predicate(pobj, pobj, False)
                    pred = inner if inner in PREDICATE_CLASSES else None
        if verb is not None and _owned_by_person(noun if noun is not None else anchor):
            # "the newlywed and father to two boys died": the death is the father's
            pred = None
            owned.add(id(fig))
        elif verb is not None and _did_not_happen(verb):
            # "two nearly killed when they were shot", "attempting to murder three other people"
            pred = None
            owned.add(id(fig))
        if instance is not None and not predicate_class(noun.lower_ if noun is not None else ""):
            # "two counts of possession of a firearm": a count of charges is a count of what they
            # charge, not of the murder its sentence also names
            owned.add(id(fig))
        fig.predicate = pred
        if fig.dimension == "duration":
            unit = tok.head if tok.dep_ == "nummod" else tok
            fig.gap = _gap_of(unit)
        elif fig.dimension == "count" and noun is not None and _away(noun):
            fig.gap = "away"
        fig.role = _role(noun if noun is not None else anchor, verb, pred) if verb is not None else None
        if noun is None and not fig.noun and fig.dimension == "count" and pred == _PEOPLE_SUBJECT_CLASS \
                and verb is not None and anchor.dep_ == "nsubj" and anchor.head.i == verb.i:
            # "10,000 gathered", "5,000 marched on parliament": only people gather, march or rally
            fig.noun = "people"
            fig.counted = fig.counted or "people"
        subject = noun if noun is not None else anchor
        # "four robbers stole": what is counted did it, it was not done to them
        # (a subject is the doer only of a verb done to something: "30 people died" were killed)
        fig.agent = verb is not None and (
            (subject.dep_ == "nsubj" and subject.head.i == verb.i
             and any(c.dep_ in ("dobj", "obj") for c in verb.children))  # "four robbers stole the gems"
            or (subject.dep_ == "pobj" and subject.head.dep_ == "agent" and subject.head.head.i == verb.i))  # "by four robbers"
        places, times = _scope_and_time(noun, anchor, verb)  # 4
        fig.scope = " ".join(places) or None
        fig.time_ref = " ".join(times) or None
        lo, hi = tok.idx, tok.idx + len(tok.text)
        fig.context = tuple(sorted({t.lower_ for t in doc  # 5
                                    if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.like_num
                                    and t.lower_ not in _STOP_CONTEXT and not (lo <= t.idx < hi)
                                    and len(t.text) > 2}))
    for fig in figures:
        fig.increment = _is_increment(text, fig)
        fig.when = _is_when(text, fig)
    read_clauses(text, figures)  # 6
    for fig in figures:
        if id(fig) in owned and fig.event:
            fig.event = None  # (the clause's event word is the owner's too)
    for fig in figures:
        # "more than 200,000 of the comments opposed", the text counting the comments elsewhere
        # ("235,000 public comments"): a part of that count (not "at least 17 of the hijacked ships"
        # where no larger count of ships is given: the count of the ships still held)
        if id(fig) in partitive and fig.noun and any(
                o.noun == fig.noun and id(o) not in partitive and o.dimension == "count" and o.value > fig.value
                for o in figures):
            fig.subgroup = True
    _listed(text, figures)
    _restated(text, figures)  # 7
    return figures


#: Characters that may stand between two figures of one list ("12 are reported to be Somali and 11
#: Yemeni"). Set by hand on the pirates story; bomb, heist, kazakhstan, migrants and riots, not
#: looked at while setting it, keep their scores.
LIST_GAP_CHARS = 60
# Between two figures of one list: ends with "and", "or" or a comma, no clause break inside.
_LIST_GAP = re.compile(r"[^.;:!?()\[\]\n]*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")
# A comparison that leaves out the noun: "..., compared with 280,000 in 2014", "up from 12".
_COMPARED_GAP = re.compile(r"(?:compared\s+(?:with|to)|up\s+from|down\s+from|against|versus|vs\.?|than)\s+$",
                           re.IGNORECASE)
# A breakdown in brackets right after a count: "the 23 pirates (12 Somali and 11 Yemeni)".
_BREAKDOWN_GAP = re.compile(r"(?:\s+[A-Za-z][\w-]*){0,3}\s*[(\[]\s*$")


def _listed(text: str, figures: Sequence[Figure]) -> None:
    """Figures that count parts of what another counts.

    A breakdown in brackets ("the 23 pirates (12 Somali and 11 Yemeni)") counts parts of the count
    before it: its noun and predicate, as a subgroup. A figure listed right after another ("12 are
    reported to be Somali and 11 Yemeni") that says no noun and no event of its own counts what the
    first counts: its noun, predicate and subgroup (not its modifiers: "Somali" is the first one's).
    """
    measures = sorted((f for f in figures if f.category == "measure"), key=lambda f: f.start)
    for first, fig in zip(measures, measures[1:], strict=False):
        # "400 metres long and 220,000 tonnes": two measures of one thing
        if first.noun and not fig.noun and len(text[first.end:fig.start]) <= LIST_GAP_CHARS \
                and _LIST_GAP.fullmatch(text[first.end:fig.start]):
            fig.noun = first.noun
    ordered = sorted((f for f in figures if f.dimension == "count"), key=lambda f: f.start)
    for first, fig in zip(ordered, ordered[1:], strict=False):
        if fig.noun or fig.predicate in PREDICATE_CLASSES or fig.event != first.event:
            continue  # "18 killed, over 700 injured": a figure with an event of its own
        gap = text[first.end:fig.start]
        if first.noun and _COMPARED_GAP.search(gap) and not re.search(r"[.;:!?\n]", gap):
            # "more than 500,000 migrants this year, compared with 280,000 in 2014": the same noun
            fig.noun, fig.predicate = first.noun, first.predicate
            continue
        if first.noun and _BREAKDOWN_GAP.fullmatch(gap):
            fig.noun, fig.predicate, fig.subgroup = first.noun, first.predicate, True
        elif (first.noun or first.predicate in PREDICATE_CLASSES) and len(gap) <= LIST_GAP_CHARS \
                and _LIST_GAP.fullmatch(gap):
            fig.noun, fig.predicate = first.noun, first.predicate
            fig.subgroup = fig.subgroup or first.subgroup


# Words right after a number that make it an increment, not a total ("two more tugs", "three
# additional flights"); "another three" and "a further 20" say the same before it.
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra|further|fresh)\s+(?!than\b|(?:were|was|have|had|are|is)\b)"
                              r"[a-z]", re.I)


_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)


def _is_increment(text: str, fig: Figure) -> bool:
    """Whether a figure counts an addition rather than a total ("two more tugs", "another three")."""
    if fig.qualifier:
        return False
    return bool(_INCREMENT_AFTER.match(text, fig.end)
                or _INCREMENT_BEFORE.search(text, max(0, fig.start - 20), fig.start))


def _is_when(text: str, fig: Figure) -> bool:
    """Whether a figure says when rather than how much: "30 months ago", "1100 hrs", "1230 hours".

    Only "ago" places a figure on the calendar: it counts back from the day the article was written,
    so two articles of one story give two numbers for one moment. "Ten minutes later", "two years
    after the death", "eight hours before it was out" measure the time between two events of the
    story, a figure its sources report and may disagree on (the clock figures stay out)."""
    return bool(re.match(r"\s+ago\b", text[fig.end:fig.end + 10], re.I)
                or re.match(r"\s*(?:hrs|hours?\s+(?:ist|gmt|utc|local))\b", text[fig.end:fig.end + 12], re.I)
                or re.fullmatch(r"[012]\d[0-5]0 hours", fig.text))


def _written_unit(fig: Figure) -> str | None:
    """The unit as the figure writes it ("tons" in "nearly 54 million tons"; the table's symbol when
    the text ends otherwise)."""
    low = fig.text.lower().rstrip(". ")
    for form in UNIT_WORDS:  # longest first: "metric tons" before "tons"
        if low.endswith(form) and (len(low) == len(form) or not low[-len(form) - 1].isalpha()):
            return form
    return fig.unit


def is_conversion(text: str, before: Figure, fig: Figure) -> bool:
    """Whether ``fig`` restates ``before`` in another unit or currency, in brackets right after it
    ("85 million euros ($108 million)", "150 nautical miles (280 km)", "about 43 lbs. (20 kg)": the
    full stop of an abbreviated unit before the bracket). A measure restates a measure of the same
    dimension whatever the sizes: the writer's conversion, right or not ("1,700ft (580m)" is 518 m);
    :func:`same_size` says whether the two readings may widen one interval."""
    between = text[before.end:fig.start]
    if not re.fullmatch(r"\.?\s*[(\[]\s*(?:about|around|approx\.?|approximately|roughly|some|or|nearly|almost)?\s*",
                        between, re.I):
        return False
    kinds = {before.category, fig.category}
    if kinds == {"money"}:
        return True
    if kinds != {"measure"}:
        return False
    a, b = dimension_of(before), dimension_of(fig)
    return a == b or not before.unit or not fig.unit


def same_size(before: Figure, fig: Figure) -> bool:
    """Whether a conversion in brackets is the same size as what it converts, within
    lang.en.units.RESTATE_TOLERANCE ("54 million tons (49 million metric tons)"; not "1,700ft (580m)"):
    only then do both readings stand for the figure."""
    if not before.unit or not fig.unit or before.value is None or fig.value is None:
        return False
    a, b = _written_unit(before) or before.unit, _written_unit(fig) or fig.unit
    ends = [(float(before.value), float(fig.value))]
    if before.high is not None and fig.high is not None and before.low is not None and fig.low is not None \
            and before.high > before.low and fig.high > fig.low:
        ends.append((before.high, fig.high))  # a range restated: "a mile or two (1.8 to 3.2 km)", either end
    return any(restates(x, a, y, b) for x, y in ends)


def _restated(text: str, figures: Sequence[Figure]) -> None:
    """Step 7: a figure that converts the one before it ("85 million euros ($108 million)") counts
    what that one counts: it takes its reading, and is marked ``restates``."""
    ordered = sorted(figures, key=lambda f: f.start)
    for before, fig in zip(ordered, ordered[1:], strict=False):
        if is_conversion(text, before, fig):
            fig.restates = True
            fig.hypothetical = before.hypothetical  # "up to $9 million (£6.3m)": as real as what it converts
            fig.noun, fig.modifiers, fig.predicate = before.noun, before.modifiers, before.predicate
            fig.scope, fig.time_ref, fig.subgroup = before.scope, before.time_ref, before.subgroup
            fig.event, fig.side, fig.framing, fig.about = before.event, before.side, before.framing, before.about
            fig.context = before.context


# ---------------------------------------------------------------------------------------------
# Clause reading: who a casualty count counts and what a sum of money is, from the words of the
# figure's clause (and the figure before it in a list: "18 killed and 700 others injured").
# ---------------------------------------------------------------------------------------------

#: Words after the number searched for what it counts (stops earlier at a clause end or at the next
#: figure). Calibrated on the seeds: "18 police and National Guard personnel were killed" needs 8.
AFTER_WORDS = 9
#: Words before the number (same clause) searched when nothing follows it.
BEFORE_WORDS = 8
#: Besides the words of :data:`_BETWEEN_OK`, names and people words, at most this many other words
#: may stand between a number and the word saying what it counts ("at least 3 thousand under
#: arrest"), so that "a magnitude 7.8 earthquake that killed" does not make 7.8 a death toll.
MAX_OTHER_WORDS = 1
#: How far (characters) from a sum the words saying what it is are looked for, within its sentence.
MONEY_KIND_CHARS = 300

_BETWEEN_OK = frozenset(("were", "was", "have", "has", "had", "been", "are", "is", "be", "and", "or", "other",
                         "others", "more", "people", "persons", "reportedly", "also", "all", "later", "being"))
_KNOWN_CATEGORIES = frozenset([c for c, _ in EVENT_WORDS] + ["people", "money", "duration", "age", "percent"])
# Categories where who is counted does not split a count (everyone arrested is one count).
_SIDE_FREE = frozenset(("arrested", "evacuated", "money", "duration"))
#: The casualty events a figure's :attr:`~synoptic.records.Figure.event` may name.
EVENTS = frozenset(("killed", "injured", "arrested", "missing", "displaced", "evacuated"))
_MODIFIERS = frozenset(("security", "police", "armed", "national", "law", "riot", "other", "civilian"))
_VERBS = frozenset(("were", "was", "have", "has", "had", "are", "is", "been", "be", "killed", "injured", "died",
                    "dead", "arrested", "detained", "wounded", "landed", "will", "by", "with",
                    "in", "on", "at", "to", "from", "under", "who", "that", "which", "for", "of", "as",
                    "before", "after", "until", "since", "when", "while", "it", "its", "they", "their",
                    "he", "she", "his", "her", "them", "than", "came", "arrived", "said", "says"))
_FUNCTION = frozenset(
    "a an the and or but of to in on at for from by with as is are was were be been being it its "
    "this that these those he she they we i you his her their our my your them us him not no so "
    "said says say will would can could has have had do does did there here who whom which what "
    "than then also all any into about over after before while when where out up down if".split())
#: Quantities too vague to compare ("dozens", "hundreds of", "several").
VAGUE = re.compile(r"^\s*(?:\w+\s+)?(?:dozens|hundreds|thousands|scores|several|a few|few|many|some)\b"
                   rf"(?!\s+\d|\s+as\b|\s+(?:{numbers.CARDINAL_WORD})\b)", re.I)
# ("as many as four" is not vague: it is up to four; nor is "some two dozen homes": about 24)
_DURATION = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months",
             "year": "years", "decade": "decades"}
_CLAUSE_END = re.compile(r"[.;:!?()\n]|,\s|\s[-–—]\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _word_pattern(word: str) -> str:
    """A word-prefix pattern; a trailing ``$`` asks for the whole word (plural allowed)."""
    if word.endswith("$"):
        return r"(?<![a-z])" + re.escape(word[:-1]) + r"(?:s|es)?(?![a-z])"
    return r"(?<![a-z])" + re.escape(word)


@functools.lru_cache(maxsize=4096)
def _word_regex(word: str) -> re.Pattern[str]:
    return re.compile(_word_pattern(word))


def _find_span(window: str, words: Sequence[str]) -> tuple[int, int]:
    """``(start, end)`` of the first of ``words`` in ``window`` (word-prefix match), or (-1, -1)."""
    best = (-1, -1)
    low = window.lower()
    for w in words:
        m = next((m for m in _word_regex(w).finditer(low) if not _counts_no_one(low, m.start())), None)
        if m and (best[0] < 0 or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


# "the death penalty", "pro-death jurors": a casualty word that counts no one (lang.en.counted).
_NO_ONE_DEATH = re.compile(r"deaths?\s+(?:" + "|".join(DEATH_COMPOUNDS) + r")\b")


def _counts_no_one(low: str, at: int) -> bool:
    """Whether the event word at ``at`` of the lower-cased ``low`` is half of a compound that counts
    no one ("death penalty", "pro-death")."""
    return bool(_NO_ONE_DEATH.match(low, at)) or low[:at].endswith(CASUALTY_PREFIXES)


def _find_words(window: str, words: Sequence[str]) -> int:
    """Position of the first of ``words`` in ``window`` (word-prefix match), or -1."""
    return _find_span(window, words)[0]


def canonical_category(words: str | None) -> str | None:
    """The casualty event (or money, duration, age) a word or phrase names ("victims" -> "killed"), or None."""
    if not words:
        return None
    low = words.lower().strip()
    for cat in ("money", "duration", "age"):
        if low == cat:
            return cat
    hits = [(pos, i, cat) for i, (cat, ws) in enumerate(EVENT_WORDS)
            if (pos := _find_words(low, ws)) >= 0]
    return min(hits, key=lambda h: (h[1], h[0]))[2] if hits else None


def canonical_side(words: str | None) -> tuple[str, str] | None:
    """(side, framing) for a phrase naming who is counted ("armed criminals" -> protesters/criminals)."""
    if not words:
        return None
    best: tuple[int, str, str] | None = None
    for side, frames in SIDE_WORDS.items():
        for frame, ws in frames.items():
            pos = _find_words(words, ws)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, side, frame)
    return (best[1], best[2]) if best else None


def is_year(fig: Figure) -> bool:
    """Whether a figure is a bare year ("2008"), not a quantity: a year is written without a
    thousands separator and without a qualifier ("more than 2,000 booths" is a count)."""
    digits = re.sub(r"\D", "", fig.text)
    return (not fig.unit and not fig.category and float(fig.value).is_integer()
            and 1800 <= fig.value <= 2100 and len(digits) == 4 and not fig.qualifier
            and not re.search(r"\d,", fig.text))


@dataclass
class _Clause:
    """What :func:`_read_clause` reads around one figure."""

    category: str | None = None
    side: str | None = None
    framing: str | None = None
    label: str | None = None
    rest: list[str] = field(default_factory=list)
    dated: bool = False  # part of a time expression ("30 months ago"): not a fact
    read_after: bool = False  # the category was read from the words right after the number
    event_at: int = -1  # where the event word ("killed") starts in the words after the number


def _close_enough(between: str) -> bool:
    """Whether the words between a number and a category word still describe that number.

    "18 police and National Guard personnel were killed" and "3 thousand under arrest" do;
    "seven villages and killing" does not: a noun of its own right after the number is what it
    counts, and a verb after "and" starts another clause.
    """
    if re.search(r"\b(?:and|or|while|but)\W*$", between, re.I):
        return False  # "killing 10 people and injuring 80": the verb after "and" is another count's
    others = 0
    for i, w in enumerate(re.findall(r"[\w'’-]+", between)):
        low = w.lower()
        if low in _BETWEEN_OK or low in _MODIFIERS or w[:1].isupper() or canonical_side(low) \
                or canonical_category(low):
            continue
        if i == 0 and low not in ("under", "in", "into", "on", "at", "of", "by"):
            return False
        others += 1
    return others <= MAX_OTHER_WORDS


def _read_clause(fig: Figure, text: str, neighbours: list[Figure]) -> _Clause:
    """What a figure's clause says it counts (category), whose (side, framing), as written."""
    s0, s1 = sentence_bounds(text, fig.start, fig.end)
    next_start = min((n.start for n in neighbours if n.start >= fig.end and n is not fig), default=s1)
    # 1. the words after the number, up to the clause end, the next figure or AFTER_WORDS words
    after = text[fig.end:max(fig.end, min(s1, next_start))]
    m = _CLAUSE_END.search(after)
    if m:
        after = after[: m.start()]
    words = list(re.finditer(r"\S+", after))
    if len(words) > AFTER_WORDS:
        after = after[: words[AFTER_WORDS - 1].end()]
    low_after = after.lower()
    # 2. the words before it in its clause (after the previous figure)
    prev_end = max((n.end for n in neighbours if n.end <= fig.start and n is not fig), default=s0)
    before_all = text[max(s0, prev_end):fig.start]
    cut = [mm.end() for mm in _CLAUSE_END.finditer(before_all)]
    before = before_all[cut[-1]:] if cut else before_all
    before = " ".join(before.split()[-BEFORE_WORDS:])
    own = fig.text.lower()
    out = _Clause()
    if fig.category == "money":  # the extractor read the currency (lang.en.currencies)
        out.category = "money"
    if out.category is None:  # durations and ages are told by the word right after the number
        mm = re.search(r"(?:\d|[a-z])[\s-]+(minute|hour|day|week|month|year|decade)s?\b(-old|\s+old\b)?"
                       r"(\s+(?:ago|earlier|later|from now)\b)?", own + low_after)
        if mm and mm.group(3) and mm.start(1) <= len(own) + 2:
            out.dated = True  # "30 months ago" dates something, it counts nothing
            return out
        if mm and mm.start(1) <= len(own) + 2:
            out.category = "age" if mm.group(2) else "duration"
    if out.category is None and (fig.unit in ("%", "percent") or re.match(r"\s*(?:%|per ?cent\b)", low_after)
                                 or own.rstrip().endswith(("%", "percent"))):
        out.category = "percent"
        mm = re.match(r"\s*(?:(?:%|per ?cent)\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?([a-z][\w'-]*)"
                      r"(?:\s+([a-z][\w'-]*))?", low_after)
        if mm:
            out.label = " ".join(w for w in mm.groups() if w and w not in _FUNCTION and w not in _VERBS) or None
        else:
            content = [w for w in _WORD.findall(before) if w.lower() not in _FUNCTION and len(w) > 1]
            out.label = _WORD.findall(before)[0] if content else None
        return out
    if out.category is None and re.match(r"\s*,", text[fig.end:fig.end + 2]) and re.search(
            r"(president|leader|minister|man|woman|he|she),\s*$", text[max(s0, fig.start - 30):fig.start], re.I):
        out.category = "age"
    if out.category is None:
        found_all = [(i, _find_words(low_after, ws), cat) for i, (cat, ws) in enumerate(EVENT_WORDS)]
        found = [f for f in found_all if f[1] >= 0 and _close_enough(after[: f[1]])]
        if found:
            found.sort()
            out.category = found[0][2]
            out.read_after = True
            if out.category in EVENTS:
                out.event_at = found[0][1]
            # the other event categories of the clause, in text order ("killed and wounded")
            out.rest = [c for _, p, c in sorted(found_all, key=lambda f: f[1]) if p > found[0][1]
                        and c != out.category and c in ("killed", "injured", "arrested")]
        else:
            found = [(i, _find_words(before.lower(), ws), cat) for i, (cat, ws) in enumerate(EVENT_WORDS)]
            found = [f for f in found if f[1] >= 0]
            if found:
                found.sort()
                out.category = found[0][2]
    # 3. who is counted: the words after (before the verb: "three killed as rioters set fire"
    # does not count rioters), else the nearest such word before it in the sentence
    side = canonical_side(after[:out.event_at] if out.event_at >= 0 else after)
    out.label = _label_words(after)
    if side is not None and out.category is None:
        out.category = "people"  # a bare head count: "20,000 bandits"
    if side is None and out.category not in _SIDE_FREE and "age" not in (out.category, (fig.category or "").lower()):
        # (an age counts no side: "Police Capt. Tom Tennant and ..., both 51" is no age of the police)
        before_sent = text[s0:fig.start].lower()
        hits = []
        for sd, frames in SIDE_WORDS.items():
            for frame, ws in frames.items():
                for w in ws:
                    for mm in re.finditer(_word_pattern(w), before_sent):
                        if not _reports(before_sent, mm.end()):  # "Police allege ..." is the source
                            hits.append((mm.start(), sd, frame))
        if hits:
            pos, sd, frame = max(hits, key=lambda h: h[0])
            side = (sd, frame)
            out.label = _word_at(text[s0:fig.start], pos)
    if side:
        out.side, out.framing = side
    return out


def _reports(low: str, end: int) -> bool:
    """Whether the word ending at ``end`` is the subject of a reporting verb right after it
    ("police allege", "officials said"): it names who says so, not who is counted."""
    m = re.match(r"[a-z]*\s+([a-z]+)\b", low[end:])
    if not m:
        return False
    verb = m.group(1)
    return any(form in CUE_WORDS for form in (verb, verb + "s", verb + "d", verb + "ed"))


def _word_at(text: str, pos: int) -> str:
    """The word at ``pos`` with a modifier before it ("police officers", "security forces")."""
    m = re.match(r"[\w'’-]+", text[pos:])
    word = m.group(0) if m else text[pos:pos + 20]
    prev = re.search(r"([\w'’-]+)\s+$", text[:pos])
    if prev and prev.group(1).lower() in _MODIFIERS:
        return f"{prev.group(1)} {word}"
    return word


def _label_words(after: str) -> str | None:
    """The noun phrase right after a number, as written, without the verb ("armed criminals")."""
    words: list[str] = []
    tokens = [t.strip(",.;:!?()-") for t in after.replace("“", " ").replace("”", " ").replace('"', " ").split()]
    for i, w in enumerate(tokens):
        if not w or w.lower() in _VERBS or len(words) >= 3 or canonical_category(w) in EVENTS:
            break
        if w.lower() == "and":  # "police and National Guard", not "villages and killing"
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not (nxt[:1].isupper() or canonical_side(nxt)):
                break
        words.append(w)
    return " ".join(words) or None


def _adjective_before_noun(low: str, m: re.Match[str]) -> bool:
    """Whether a word of a kind of sum is an adjective here (MONEY_KIND_ADJECTIVES before a content
    word: "the fine reporter"), not the noun ("a fine of", "the fine imposed")."""
    if m.group().strip() not in MONEY_KIND_ADJECTIVES:
        return False
    nxt = re.match(r"\s+([a-z]+)\b", low[m.end():])
    return nxt is not None and nxt.group(1) not in _FUNCTION and nxt.group(1) not in CUE_WORDS \
        and not nxt.group(1).endswith(("ed", "ing"))


def money_kind(text: str, fig: Figure) -> str | None:
    """What a sum of money is (:data:`synoptic.lang.en.counted.MONEY_KINDS`): the first kind named
    in the figure's clause, else the one named nearest to it in its sentence; None when nothing says."""
    s0, s1 = sentence_bounds(text, fig.start, fig.end)
    # bounded around the figure: a sentence of thousands of sums stays linear
    s0, s1 = max(s0, fig.start - MONEY_KIND_CHARS), min(s1, fig.end + MONEY_KIND_CHARS)
    sent = text[s0:s1].lower()
    at0, at1 = fig.start - s0, fig.end - s0
    cuts = list(_CLAUSE_END.finditer(sent))
    c0 = max((m.end() for m in cuts if m.end() <= at0), default=0)
    c1 = min((m.start() for m in cuts if m.start() >= at1), default=len(sent))
    best: tuple[bool, int, int, str] | None = None
    for i, (kind, words) in enumerate(MONEY_KINDS):
        for w in words:
            for m in _word_regex(w).finditer(sent):
                if at0 <= m.start() < at1 or (text[s0 + m.start()].isupper() and m.start() > 0):
                    continue  # the figure itself; a word of a name ("the Greek Commerce Confederation")
                if _adjective_before_noun(sent, m):
                    continue  # "the fine reporter": an adjective, no fine
                outside = not (c0 <= m.start() < c1)
                dist = at0 - m.end() if m.end() <= at0 else m.start() - at1
                key = (outside, 0 if outside else i, dist, kind)
                if best is None or key < best:
                    best = key
    return best[3] if best else None


@dataclass
class _Prev:
    """The figure read before, for the next one in its list ("18 killed, 700 others injured")."""

    fig: Figure
    category: str
    side: str | None
    framing: str | None
    label: str | None
    rest: list[str]


def read_clauses(text: str, figures: Sequence[Figure]) -> None:
    """Set :attr:`~synoptic.records.Figure.event`, ``side``, ``framing``, ``about`` and ``label``
    of each figure from its clause (in place).

    1. the casualty event its clause names ("killed", "injured", "arrested" ...), right after the
       number or, failing that, before it;
    2. who is counted: a side named right after the number (before the event word), else the
       nearest named before it in the sentence; a casualty count with none counts "people";
    3. "About 750 others" and "18 injured" carry on the figure before them in a list;
    4. what a sum of money is (:func:`money_kind`).
    """
    figs = sorted((f for f in figures if 0 <= f.start < f.end <= len(text)), key=lambda f: f.start)
    prev: _Prev | None = None
    for fig in figs:
        fig.event = fig.side = fig.framing = fig.about = None
        if is_year(fig) or VAGUE.match(fig.text) or fig.value is None:
            continue
        clause = _read_clause(fig, text, figs)
        if clause.dated:
            continue
        category, side, framing, label = clause.category, clause.side, clause.framing, clause.label
        # the extractor's reading first, where it names something known here
        ext_cat = (fig.category.lower() if fig.category and fig.category.lower() in _KNOWN_CATEGORIES
                   else canonical_category(fig.category))
        if ext_cat and category not in ("money", "duration", "age", "percent") and not clause.read_after:
            category = ext_cat
        ext_side = canonical_side(fig.subject) or canonical_side(fig.label)
        if ext_side and side is None:
            side, framing = ext_side
            label = label or fig.subject or fig.label
        same_sentence = prev is not None and sentence_bounds(text, fig.start, fig.end)[0] <= prev.fig.start
        # 3. "About 750 others." and "18 injured" carry on the figure before them
        tail = text[fig.end:fig.end + 20].lower()
        if prev is not None and category is None and re.match(
                r"\W*(?:others\b|other\b(?!\s+[a-z])|more\b(?=\s*(?:[.,;]|were\b|was\b|have\b|had\b|are\b)))",
                tail):
            category = prev.rest[0] if prev.rest else prev.category
            side, framing = side or prev.side, framing or prev.framing
        elif prev is not None and same_sentence and side is None and category is not None \
                and category not in _SIDE_FREE and prev.side is not None:
            side, framing, label = prev.side, prev.framing, label or prev.label
        if category is None:
            prev = None
            continue
        if category == "money":
            fig.about = money_kind(text, fig)  # 4. "trade", "losses": sums of different things
            side = None
        elif category in _SIDE_FREE or category in ("age", "percent"):
            side = None
        else:
            side = side or "people"
        fig.event = category if category in EVENTS else None
        fig.side = side
        fig.framing = framing if side else None
        fig.label = label or fig.label
        prev = _Prev(fig, category, side, fig.framing, fig.label, clause.rest)


__all__ = ["EVENTS", "ROUND_WORDS", "VAGUE", "base_value", "canonical_category", "canonical_side", "dimension_of",
           "is_conversion", "is_year", "same_size", "money_kind", "noun_key", "read_clauses", "read_figures", "read_figures_many", "sentence_bounds"]
