"""Numeric claims: every figure in a text with its qualifier as an interval, what it counts, whose
side it counts, and who says so.

Regular expressions find numbers (digits with separators, "3 thousand", "a thousand", number words,
"six-month", "81-year-old", "88 million euros", "$9.6bn", "7½", "3 1/2-inch", ".308"); light context
rules read the words around them. Clock times (also "6: 00 p.m." with the space ECB+ writes, "1336
GMT"), dates, house numbers ("40 East Fifth Avenue") and numbers of names ("CBS 3") are no figures. No model is needed: the whole pass costs well under a millisecond per sentence.

Intervals follow DESIGN.md rule 2: "more than 740" is (740, inf); "at least 3 thousand" is
[3000, inf); "almost 750" is [0.9 x 750, 750); "about 750" is [0.9 x 750, 1.1 x 750]; "less than
5,000" is (-inf, 5000); "up to 5,000" is (-inf, 5000]; a bare number is [x, x]; a range is [low, high],
its scale and currency read once for both ends ("between 12 and 14 million dollars" is [12e6, 14e6]).
A sum counted per unit of time carries it in its unit: "$9.6bn a day" is USD/day, "$400m an hour" USD/hour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from synoptic.lang.en import calendar, numbers
from synoptic.lang.en.addresses import COMPASS, STREET_TYPES, TIME_ZONES
from synoptic.lang.en.counted import (
    CASUALTY_PREFIXES,
    DEATH_COMPOUNDS,
    MONEY_NOUNS,
    MONEY_VERBS,
    RECORD_NOUNS,
)
from synoptic.lang.en.currencies import SYMBOLS as _SYMBOLS
from synoptic.lang.en.currencies import currency_code, currency_names
from synoptic.lang.en.function_words import FUNCTION_WORDS
from synoptic.lang.en.persons import PERSON_NOUNS
from synoptic.lang.en.units import GLUED_ONLY, UNIT_WORDS, unit_of
from synoptic.lang.en.verbs import IRREGULAR_PAST
from synoptic.records import Figure
from synoptic.util.sentences import split_sentences

# "about 750": a tolerance band of +-10% (the spread between sources that the seeds' gold calls
# consistent, 700/740/750, sits inside it). "almost 750": from 90% up to, not including, 750.
ABOUT_TOLERANCE = 0.10
ALMOST_LOW = 0.90
# Words after a number that may still describe what it counts (label), at most this many.
MAX_LABEL_WORDS = 5
# How far (characters) after a number its category words ("were killed") may be.
CATEGORY_WINDOW = 70
# An age written between commas ("the former president, 81, from ...") is in this range.
AGE_RANGE = (15, 110)

WORD_NUMBERS = {**numbers.CARDINALS, "dozen": 12}
SCALES = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
          "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
# Currencies and units come from the language tables (complete for English, not one story's).
CURRENCY_SYMBOLS = dict(_SYMBOLS)
CURRENCY_WORDS = {name: code for name, code in currency_names().items() if len(name) > 2 or name.isalpha()}
# A symbol before a number: "$", "€", "HK$", "₹"; "Rs"; and "e" before a scaled sum ("e85m", "e80
# million"): the euro sign as some news feeds turn it into ASCII.
_CUR_PREFIX = (r"(?P<cur>" + "|".join(re.escape(k) for k in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
               + r"|\bRs\.?(?=\s?\d)|\be(?=\d[\d,.]*\s?(?:m|bn|million|billion)\b))")


def _currency(symbol: str) -> str:
    """ISO code of a currency prefix as written ("$", "Rs", "e")."""
    if symbol.lower() == "e":
        return "EUR"
    if symbol.lower().startswith("rs"):
        return "INR"
    return CURRENCY_SYMBOLS.get(symbol) or currency_code(symbol) or "USD"


# Vulgar fractions as written after a whole number ("7½").
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
                    "⅞": 0.875}
DURATION_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
                  "minute": "minutes", "second": "seconds", "decade": "decades"}
MONTHS = "|".join(calendar.MONTHS)

# qualifier -> (kind, the words as a regex). Longer phrases first.
QUALIFIERS = [
    ("more", r"more than|in excess of|upwards of|well over|over|above"
             r"|(?:can |could |to |will |would )?(?:exceed|surpass|overcome)(?:s|ed|ing)?(?: the)?|topp(?:ed|ing)(?: the)?"),
    ("atleast", r"at least|no fewer than|no less than|not less than|a minimum of|at a minimum"),
    # "almost as much as 200": short of 200, not at most 200 (the longer phrase first)
    ("almost", r"(?:almost|nearly|not quite) as (?:much|many) as|almost|nearly|just under|just short of|close to"
               r"|not quite"),
    ("about", r"about|around|some|approximately|roughly|an estimated|estimated|circa|approx\.|approx|~"),
    ("atmost", r"up to|at most|no more than|not more than|a maximum of|as many as|as much as"),
    ("less", r"less than|fewer than|under|below"),
]
_QUAL_RE = re.compile(
    r"(?:(?<=\W)|^)(?P<q>" + "|".join(f"(?:{words})" for _, words in QUALIFIERS) + r")\s+$", re.IGNORECASE)
_QUAL_KIND = [(kind, re.compile(f"^(?:{words})$", re.IGNORECASE)) for kind, words in QUALIFIERS]


def qualifier_kind(qualifier: str | None) -> str | None:
    """The kind of a qualifier as written ("up to" -> "atmost", "nearly" -> "almost"), or None."""
    q = " ".join((qualifier or "").split())
    return next((k for k, rx in _QUAL_KIND if rx.match(q)), None) if q else None

# "one" is a figure only before a count noun ("one person died"; not "one of the", "the one").
_ONE_NOUNS = ("person|man|woman|child|boy|girl|officer|policeman|soldier|civilian|protester|demonstrator"
              "|journalist|plane|aircraft|helicopter|vehicle|building")
# "one count of attempted murder", "one charge of fraud": one charge is a figure of a court story.
_ONE_COUNT_OF = re.compile(r"\s+(?:count|charge)\s+of\b", re.IGNORECASE)
# "a one-seat majority", "a one-person majority": "one" in a compound before a noun counts (not the
# fixed expressions "one-off", "one-time", "one-way", "one-sided", "one-on-one", nor a share).
_ONE_COMPOUND = re.compile(r"-(?!(?:off|time|way|sided|on|stop|liner|size|shot|third|half|quarter|fifth|tenth)\b)"
                           r"[a-z]+\s+[a-z]", re.IGNORECASE)
# "Dozen of warships": "dozen" is a singular count noun; without a determiner or a number before it
# ("a dozen", "the dozen", "two dozen") it is the plural "dozens" written without its s, and
# "dozens" is at least two dozen.
_BARE_DOZEN_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_DOZEN_DETERMINER = re.compile(r"\b(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|half|each|every|per|"
                               r"this|that|which|what|whole|first|last|another)\s+$|\d\s*$", re.IGNORECASE)
DOZENS_LEAST = 24.0
# "one" counts where a casualty word says what happened to it in its own clause: "at least one
# crew member was killed", "one is confirmed dead" (not "no one was hurt", "one of the guards died",
# "the one who was arrested", "one day later two were killed").
_ONE_NOT_BEFORE = re.compile(r"\b(?:no|any|the|every|each|which|that|this|someone|anyone|such|at|for)\s+$", re.IGNORECASE)
_ONE_CLAUSE = re.compile(r"(?!\s+(?:of|another|day|time|way|who|which|that)\b)"
                         r"((?:\s+[A-Za-z][\w'-]*){0,5}?)\s+(?:is|was|were|has been|had been|have been)"
                         r"(?:\s+(?:confirmed|reported|believed|feared|said to be|later|also))?(?:\s+[a-z]+ly)?\s+"
                         r"(?:killed|dead|injured|wounded|hurt|arrested|detained|missing)\b"
                         r"|(?!\s+(?:of|another|day|time|way|who|which|that)\b)((?:\s+[A-Za-z][\w'-]*){0,4}?)\s+died\b",
                         re.IGNORECASE)


def _one_casualty(text: str, start: int, end: int) -> bool:
    """Whether a "one" at ``start:end`` is counted by a casualty word of its own clause."""
    if _ONE_NOT_BEFORE.search(text[max(0, start - 12):start]):
        return False
    m = _ONE_CLAUSE.match(text, end)
    if m is None:
        return False
    between = m.group(1) or m.group(2) or ""
    return not re.search(rf"\b(?:{numbers.cardinal_word()}|and|or|but|he|she|it|they|we|you|i|him|her|them)\b|\d",
                         between, re.IGNORECASE)


# "two murder charges and one attempted murder charge", "two counts of murder, one count of
# attempted murder": "one" as an item of a list of counts, after another number and its words in its
# sentence (not "one of", "one day", "the one who").
_LIST_BEFORE = re.compile(rf"(?:\d[\d,.]*|\b(?:{numbers.CARDINAL_WORD}))\s+[A-Za-z][^.;:!?\d\n]{{0,50}}?"
                          r"(?:,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
_LISTED_ONE_AFTER = re.compile(r"\s+(?!(?:of|another|day|time|way|who|which|that|more|by|in|on|at|to|for|and|or|is|was"
                               r"|has|had|would|will|could|can|said)\b)[a-z][\w-]*", re.IGNORECASE)


def _one_listed(text: str, start: int, end: int) -> bool:
    """Whether a "one" at ``start:end`` is an item of a list of counts in its sentence."""
    return bool(_LISTED_ONE_AFTER.match(text, end) and _LIST_BEFORE.search(text[max(0, start - 80):start]))


_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
# "2, 000ft", "$380, 600": ECB+ writes a space after a thousands comma. Three-digit groups after one
# to three digits, the list going on with no other number ("1, 2, 3", "5, 100, 20", "rooms 101, 102 and
# 103" are lists); where
# the words around say it is no one number (a date, a list, a height before a weight) it is read again
# without this alternative (:func:`_spaced_thousands`).
_SPACED_THOUSANDS = r"\d{1,3}(?:,\s\d{3})+(?!\d|,\s?\d|\s(?:and|or|&)\s\d)|"
_NUMBER_PATTERN = (
    _CUR_PREFIX + r"?\s?"
    # "$37. 5 million", "£1. 7m": a decimal written with a space after its point (ECB+), before a scale word
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|<SPACED>\d+(?:\.\d+|\.\s\d+(?=\s?(?:million|billion|trillion|bn)\b|m\b))?"
    rf"|\b(?:{_WORDNUM})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b(?!-(?:one|two|three))"
    r"|an?(?=\s+(?:hundred|thousand|million|billion)\b)|\ban?\s+dozen\b(?!s)"
    # "a couple dozen", "a couple of dozen": two dozen (the multiplier is read as the scale below)
    r"|\ba\s+couple(?:\s+of)?(?=\s+dozen\b(?!s))"
    # "a week after", "for a week": one unit of time (see A_SPAN_RE)
    r"|\ban?(?=\s+(?:day|week|month|year|decade|hour|minute)\s+(?:after|before|earlier|later)\b)"
    r"|(?<=\bfor\s)an?(?=\s+(?:day|week|month|year|decade|hour|minute)(?:\s*(?:[,.;:)!?]|$)|\s+(?:with|in|at|on"
    r"|as|while|until|before|after|when|because|but|of|from|since)\b)))"
    r"(?P<half>\s+and\s+a\s+half\b)?"  # "three and a half days", "two and a half million"
    # "7½ hours", "3 1/2-inch", "2-3/4 miles": a whole number and a fraction
    r"(?P<frac>(?<=\d)\s?[½¼¾⅓⅔⅛⅜⅝⅞]|(?<=\d)[\s-][1-9]/(?:[2-9]|1[0-6])(?![\d/]))?"
    # "two dozen homes", "a couple dozen": a multiplier word after a number is read whole (24, not "dozen homes")
    r"(?:(?:\s?|-)(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|(?<=[a-z\d]\s)dozen(?!s))\b"
    r"|(?P<short>[mk])\b)?")
NUMBER_RE = re.compile(_NUMBER_PATTERN.replace("<SPACED>", _SPACED_THOUSANDS), re.IGNORECASE)
_UNSPACED_NUMBER_RE = re.compile(_NUMBER_PATTERN.replace("<SPACED>", ""), re.IGNORECASE)
# Before a spaced group that is no thousands: a list ("12, 15, 100"), a height before a weight
# ("5 - foot - 8, 135 pounds", "5'8, 165-pound", "(5 - 11, 220)").
_NOT_THOUSANDS_BEFORE = re.compile(r"\d,\s*$|\d\s*(?:-|'|’|\s)\s*(?:(?:foot|feet|ft)\s*-?\s*)?$", re.IGNORECASE)


def _money_before(before: str) -> bool:
    """Whether the word before a number makes it a sum of money ("worth 5m", "paid 5m")."""
    w = re.search(r"([A-Za-z]+)\W*$", before)
    return w is not None and w.group(1).lower() in MONEY_VERBS


#: Currency names that are also units of mass ("pound"): money only in a money context.
_MASS_CURRENCY_NAMES = frozenset(w for w in CURRENCY_WORDS if unit_of(w) is not None)


def _mass_pounds(word: str, scale: str | None, before: str, after: str) -> bool:
    """Whether a bare currency name that is also a unit of mass ("130 pounds") is the mass: it is
    money only with a scale word ("74 million pounds"), a money verb before it ("paid 10 pounds",
    lang.en.counted.MONEY_VERBS) or "sterling" after it. Measured on the dev and review stories:
    every sum in pounds there has a scale word or "£"; every weight has neither."""
    if " ".join(word.lower().split()) not in _MASS_CURRENCY_NAMES:
        return False
    return not (scale or _money_before(before) or re.match(r"\s+sterling\b", after, re.IGNORECASE))


def _millions_after(after: str) -> bool:
    """Whether the words after a glued "m" make it millions: a currency or a plural noun, maybe after
    one modifier ("5m euros", "15m people", "5m Syrian refugees"); not a function word, an adverb or a
    hyphened modifier ("600m while", "600m towards the hut", "600m onto rocks", "a 60m-high wall")."""
    m = _MILLIONS_AFTER.match(after)
    if m is None or after[:1] == "-":
        return False
    if m.group("words")[0].isupper():
        return True  # "£2m Ram-raiders", a headline: no measure read before a capitalised word
    words = [w.lower() for w in m.group("words").split()]
    for i, w in enumerate(words):
        if w in CURRENCY_WORDS or w in MONEY_NOUNS:
            return True  # "5m euros", "a 5m deal"
        if w in FUNCTION_WORDS:
            return False
        if (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "wards", "ways", "ly"))) \
                or w in NOUN_CATEGORIES or w.endswith(("men", "people", "children")):  # irregular plurals
            return True
        if i == 0 and w.endswith("ly"):
            return False
    return False


def _spaced_thousands(text: str, m: re.Match[str], masked: bytearray) -> bool:
    """Whether a number written with a spaced comma ("2, 000") is one number."""
    s = m.start("num")
    return not masked[s] and not _NOT_THOUSANDS_BEFORE.search(text, max(0, s - 20), s) \
        and not _AFTER_MONTH.search(text, max(0, s - 12), s)


def _number_matches(text: str, masked: bytearray) -> Iterator[re.Match[str]]:
    """The numbers of ``text`` in order; a spaced-comma number that is no one number read in parts."""
    for m in NUMBER_RE.finditer(text):
        if ", " not in m.group("num") or _spaced_thousands(text, m, masked):
            yield m
            continue
        for part in _UNSPACED_NUMBER_RE.finditer(text, m.start()):
            if part.start() >= m.end():
                break
            yield part
# "six-month", "81-year-old", "36-year old"; ECB+ spaces its hyphens: "26 - year - old", "three - year".
HYPHEN_UNIT_RE = re.compile(r"\s?-\s?(?P<unit>year|month|week|day|hour|minute|second|decade)s?(?P<old>\s?-\s?old|\sold)?\b",
                            re.IGNORECASE)
# Units of measure by written form -> symbol ("kilometres" -> "km"); dimension and size in lang.en.units.
MEASURE_UNITS = {form: sym for form, (sym, _dim, _f) in ((f, unit_of(f) or ("", "", 0.0)) for f in UNIT_WORDS)
                 if form not in GLUED_ONLY}
# "10in", "5t", "500g", "2l": a symbol that is a word or a letter apart is a unit glued to its number
# (lower case as the table writes it: "5G", "3D" are no grams). "600m" is read apart: "$5m" is money.
GLUED_UNIT_RE = re.compile(r"(?P<sym>" + "|".join(sorted(GLUED_ONLY - {"m"}, key=len, reverse=True)) + r")(?![\w/])")
# After "5m" a currency or a plural noun it counts makes it millions ("5m euros", "15m people");
# otherwise a glued "m" is metres ("fell 600m while climbing", "a 60m-high wall").
_MILLIONS_AFTER = re.compile(r"\s+(?P<words>[A-Za-z]+(?:\s+[A-Za-z]+)?)")
# "a 10-metre dhow", "a 6,900-tonne destroyer", "a 30-foot boat": a measure written as a compound.
# ECB+ spaces its hyphens: "a 15, 800 - square - metre building".
HYPHEN_MEASURE_RE = re.compile(r"\s?-\s?(?P<measure>" + "|".join(
    re.escape(f).replace(r"\ ", r"\s?-\s?") for f in UNIT_WORDS if len(f) > 2) + r")(?![\w])", re.IGNORECASE)
AFTER_UNIT_RE = re.compile(
    r"\s*(?:(?P<pct>%|per ?cent\b)|(?P<cur>" + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b"
    r"|(?P<dur>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b(?P<old> old)?"
    r"|(?P<measure>" + "|".join(re.escape(f) for f in sorted(MEASURE_UNITS, key=len, reverse=True)) + r")(?!\w))",
    re.IGNORECASE,
)
# Not claims: times, dates, ordinals, numbers that are part of names. A clock time or a race time
# ("10:30", "2:01:39", "1:23.4", "8:30am") is one token: none of its parts is a count. Some corpora
# (ECB+) write a space after the colon: "6: 00 p.m.", "4: 20" (an hour, then minutes 00-59). With a
# full stop ("10.30") it is a time only with a.m./p.m. or after "at": "3.25 percent", "12.50 euros"
# are figures. Four digits before a time zone ("1336 GMT") are a 24-hour clock time.
_AMPM = r"(?:\s?[ap]\.?m(?![a-z])\.?)"
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?|\.\d+)?(?!\d)" + _AMPM + "?"
                     r"|\b(?:[01]?\d|2[0-4]):\s[0-5]\d(?![\d:.,]\d|\d)" + _AMPM + "?"
                     r"|\b\d{1,2}\.\d{2}\s?(?:[ap]\.m\.|[ap]m\b)"
                     r"|(?<=\bat\s)\d{1,2}\.\d{2}\b(?!\s?(?:%|per\s?cent|percent))"
                     # "3 p.m.", "3 p. m." (ECB+ spaces the abbreviation's full stop), "3pm"
                     r"|\b\d{1,2}\s?(?:[ap]\.\s?m\b\.?|am\b|pm\b)",
                     re.IGNORECASE)
_ZONES = "|".join(sorted(TIME_ZONES, key=len, reverse=True))
CLOCK_ZONE_RE = re.compile(rf"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:{_ZONES})\b"
                           r"|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours)?\s+local\s+time\b"
                           # "struck at 1353 (1023 GMT)": the local time before the zone's
                           rf"|\b(?:[01]\d|2[0-3])[0-5]\d(?=\s?\((?:[01]\d|2[0-3])[0-5]\d\s?(?:{_ZONES})\b)")
# A calibre or gauge names a kind of weapon, it counts nothing: ".38 caliber revolver", "a. 38 -
# caliber revolver" (ECB+ spacing), "9-mm" is a length read as one; "12-gauge shotgun".
CALIBRE_RE = re.compile(r"(?:\.\s?)?\b\d{1,3}\s?(?:-\s?)?(?:caliber|calibre|gauge)\b", re.IGNORECASE)
# A height in feet and inches is one figure: "5 feet 8 inches", "5 - feet - 8 inches tall", "5 - foot
# - 8", "5-foot-11" (the inches 0-11 after the feet; not "5 feet, 80 yards").
HEIGHT_RE = re.compile(r"\b(?P<ft>[1-9])\s?(?:-\s?)?(?:feet|foot|ft\.?)(?:\s?-\s?(?P<inch>1[01]|[0-9])(?![\d.,]\d)"
                       r"|(?:\s|,\s?)(?P<inch2>1[01]|[0-9])(?=\s?(?:-\s?)?(?:inches|inch|in\.)(?!\w)|\s?(?:[,;)]|\.(?!\d)|$)"
                       r"|\s+tall\b)(?!,\s?\d{3}))(?:\s?(?:-\s?)?(?:inches|inch|in\.)(?!\w))?", re.IGNORECASE)
# A house number: "40 East Fifth Avenue", "40 East 5th Ave.", "10 Downing Street": a number before
# up to three capitalised words (or an ordinal) and a street type (lang.en.addresses), not followed
# by a plural noun it would count ("9 Supreme Court justices" has no street type; "40 Main Street
# shops" is left a count).
_STREET_TYPE = "|".join(sorted((w.capitalize() for w in STREET_TYPES), key=len, reverse=True))
_COMPASS = "|".join(sorted({w.capitalize() for w in COMPASS} | {w.upper() for w in COMPASS}, key=len, reverse=True))
STREET_NUMBER_RE = re.compile(
    rf"(?<![\w.,$€£-])\d{{1,5}}[A-Z]?(?=\s+(?:(?:{_COMPASS})\.?\s+)?(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
    rf"(?:{_STREET_TYPE})\b\.?(?!\s+(?!says\b|is\b|was\b|has\b)[a-z]+s\b)(?!\w))")
# "10-15 people" is a range; "53-3", "45-7-2" (records, scores) and "2019-2020" are not figures.
_INT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
RANGE_RE = re.compile(rf"(?<![\w.,/-]){_INT}(?:\s?[-–]\s?{_INT})+(?![\w/-])|\bbetween\s+{_INT}\s+and\s+{_INT}\b",
                      re.IGNORECASE)
# A won-lost record or a game's score written as two numbers with a dash is one figure, never a range:
# "a 9-14 start", "an 88-72 road loss" (a record noun after, one modifier allowed), "the Saints (7-7)" (alone
# in brackets), "the 0-14 Lions" (before a name), "are just 2-8 in their last ten", "stands at 284-286" (after
# a verb of being or "at", with no counted noun after). Its value is the first number (the wins, the winner's
# score); its unit says it is a record.
_RECORD_NOUN = "|".join(sorted(RECORD_NOUNS, key=len, reverse=True))
RECORD_AFTER_RE = re.compile(rf"\s*(?:[\w'’-]+\s+)?(?P<noun>{_RECORD_NOUN})\b", re.IGNORECASE)
RECORD_CUE_RE = re.compile(rf"(?:\b(?:{_RECORD_NOUN})\s+of\s+|\b(?:at|is|are|was|were|be|been|being|went|go|goes|opened|finished|improved to"
                           r"|fell to|dropped to|slipped to|moved to|now|just|only|still)\s+|\()$", re.IGNORECASE)
# "the nineteen sixties", "nineteen-fifties": the century's number word before a decade's plural (the tens
# words of numbers.TENS with -ies) is part of the decade's name.
DECADE_WORDS_RE = re.compile(r"[\s-]+(?:" + "|".join(w[:-1] + "ies" for w in numbers.TENS) + r")\b", re.IGNORECASE)
# "a week after suffering a heart attack", "a day earlier", "in a coma for a week": one unit of time between
# two events or of a state (not "a week ago", a date, nor "a day" of a rate: "twice a day").
A_SPAN_RE = re.compile(r"\s+(?:day|week|month|year|decade|hour|minute)\s+(?:after|before|earlier|later)\b", re.IGNORECASE)
A_SPAN_FOR_RE = re.compile(r"\s+(?:day|week|month|year|decade|hour|minute)(?:\s*(?:[,.;:)!?]|$)|\s+(?:with|in|at|on|as"
                           r"|while|until|before|after|when|because|but|of|from|since)\b)", re.IGNORECASE)
# "seventy-something", "forty-odd": a tens word that names the whole ten.
SOMETHING_RE = re.compile(r"-(?:something|odd)\b", re.IGNORECASE)
# "the 2008-09 season", "2007-08": a span of years, written with the second year's last two digits.
YEAR_SPAN_RE = re.compile(r"(?:1[89]|20)\d\d\s?[-–]\s?\d\d")
RECORD_NAME_RE = re.compile(r"\b(?:the|[\w’]+'s?)\s+$")
RECORD_UNIT = "record"


def _record(text: str, start: int, end: int) -> bool:
    """Whether the dashed pair text[start:end] ("9-14") is a record or a score (see RECORD_CUE_RE)."""
    before, after = text[max(0, start - 25):start], text[end:end + 40]
    am = RECORD_AFTER_RE.match(after)
    if am and not (am.group().split()[0].lower() in UNIT_WORDS and am.group().split()[0] != am.group("noun")):
        return True
    if before.endswith("(") and after.startswith(")"):
        return True
    if RECORD_NAME_RE.search(before) and re.match(r"\s+[A-Z][a-z]", after):
        return True
    if RECORD_CUE_RE.search(before):
        nxt = re.match(r"\s*(?P<p>[,.;:()—–!?]|$)|\s+(?P<w>[\w'’-]+)", after)
        return bool(nxt and (nxt.group("p") is not None or nxt.group("w").lower() in FUNCTION_WORDS))
    return False


# "three or four", "two to three", "10 or 12": a range written with "or"/"to" (numbers up to 1000;
# "from 10 to 12" is a change, not a range).
# (a decimal end only before a unit of measure: "5 to 6 lbs. (2.3 to 2.7 kg)", "1.8 to 3.2 km")
_SMALL_NUM = rf"(?:\d{{1,3}}(?:\.\d+)?|{numbers.cardinal_word('-')})"
OR_RANGE_RE = re.compile(rf"(?<![\w.,-])(?P<a>{_SMALL_NUM})\s+(?:or|to)\s+(?P<b>{_SMALL_NUM})(?![\w,:-]|\.\d)", re.IGNORECASE)
# "a mile or two", "another day or two", "an hour or two": one unit or two (or three), a range in that unit.
_RANGE_UNITS = "|".join(sorted({*(w + "s?" for w in DURATION_UNITS)} | {
    re.escape(f).replace(r"\ ", r"\s") for f in UNIT_WORDS if len(f) > 2 and f not in GLUED_ONLY}, key=len, reverse=True))
A_UNIT_OR_RE = re.compile(rf"\b(?:an?|one|another)\s+(?P<u>{_RANGE_UNITS})\s+or\s+(?P<b>two|three)\b(?![\w-])",
                          re.IGNORECASE)
# "a 24- to 30-foot dhow", "10- to 12-year-olds": a range whose unit is written once, hyphened to
# the second end.
HYPHEN_RANGE_RE = re.compile(
    rf"(?<![\w.,-])(?P<a>{_INT}(?:\.\d+)?)-\s*(?:to|or|and)\s+(?P<b>{_INT}(?:\.\d+)?)(?=-[a-z])", re.IGNORECASE)
# "between $12m and $14m", "$14m to $15m", "between 12 and 14 million dollars": a range whose ends
# carry a currency or a scale word; a scale or currency written once applies to both ends.
_SCALED = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SCALED_RANGE_RE = re.compile(
    rf"(?P<between>\bbetween\s+)?(?P<c1>[$€£¥₽])?\s?(?<![\d.,])(?P<a>{_SCALED})(?:\s?(?P<s1>hundred|thousand|million|billion"
    rf"|trillion|bn|mn|m|k)\b)?\s*(?P<join>and|to|[-–])\s*(?P<c2>[$€£¥₽])?\s?(?P<b>{_SCALED})"
    rf"(?:\s?(?P<s2>hundred|thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    r"(?:\s+(?P<cw>" + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b)?",
    re.IGNORECASE)
# A rate: "$9.6bn a day", "$14m in transit fees for each day", "$400m an hour" ("for a day" is a
# duration, not a rate). The denominator is looked for this many characters after the figure, within its clause.
RATE_WINDOW = 60
RATE_RE = re.compile(r"\b(?:(?<!for\s)(?:a|an)|per|each|every|for\s+(?:each|every))\s+(?P<per>day|hour|week|month|year|minute)\b",
                     re.IGNORECASE)
# "both" as a count of two people where a casualty word says what happened to them ("both were
# dead at the scene", "both have been arrested"); "both sides", "both 51" are not counts.
BOTH_RE = re.compile(r"\b[Bb]oth(?=\s+(?:were|are|was|had|have|has|had been|have been|were later)\b[^.;,]{0,30}?"
                     r"\b(?:killed|dead|died|injured|wounded|hurt|arrested|detained|missing)\b)")
# Long digit runs without separators are ids, phone numbers, zip codes, not counts.
MAX_PLAIN_DIGITS = 5
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
    re.IGNORECASE,
)
NUMBERING_WORDS = {"channel", "page", "number", "no", "no.", "flight", "route", "article", "section",
                   "chapter", "room", "gate", "platform", "paragraph", "line", "item", "vol", "issue",
                   "episode", "season", "resolution", "boeing", "airbus", "covid", "year", "class", "grade"}

CASUALTY_WORDS = [
    ("killed", r"killed|dead|died|die|deaths?|death toll|victims|lost their lives|perished"
               r"|fatalities|bodies|slain|murdered|shot dead"),
    ("injured", r"injured|wounded|hurt|injuries|hospitali[sz]ed"),
    ("arrested", r"arrested|detained|under arrest|in custody|arrests|detentions|apprehended|jailed"),
]
# "killed at least 12", "the death toll rose to 45", "police arrested 200": the word before the
# number, with at most three words and no "and" or comma between.
_CASUALTY_BEFORE_RE = re.compile(
    r"\b(?:(?P<killed>killed|killing|kills|death toll|toll|dead|deaths)"
    r"|(?P<injured>wounded|wounding|injured|injuring|injuries)"
    r"|(?P<arrested>arrested|arresting|detained|detaining|arrests|detentions))"
    r"(?:\s+(?!and\b)[a-z]+){0,3}\s+$")
_CASUALTY_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{c}>{w})" for c, w in CASUALTY_WORDS) + r")\b",
                          re.IGNORECASE)
# Nouns of people counted in casualty reports (general English, not one story's): what a bare
# count after a casualty word refers to, and what may follow "and" inside a label.
NOUN_CATEGORIES = {
    "people": "people", "persons": "people", "demonstrators": "people", "protesters": "people",
    "protestors": "people", "civilians": "people", "citizens": "people", "residents": "people",
    "others": "people", "police": "people", "officers": "people", "soldiers": "people", "troops": "people",
}
SECURITY_WORDS = re.compile(
    r"\b(?:police(?:men|man)?|officers?|guards?|guardsmen|national guard|security forces|security personnel"
    r"|soldiers|servicemen|troops|military|law enforcement|army|policemen|gendarmes)\b", re.IGNORECASE)
OTHER_SIDE_WORDS = re.compile(
    r"\b(?:demonstrators|protesters|protestors|rioters|criminals|bandits|militants|terrorists|insurgents"
    r"|attackers|looters|rebels|separatists|gunmen)\b", re.IGNORECASE)
CIVILIAN_WORDS = re.compile(r"\b(?:civilians|bystanders|residents|children)\b", re.IGNORECASE)
LABEL_STOP = {
    "were", "was", "have", "has", "had", "are", "is", "been", "be", "will", "would", "could", "can", "may",
    "in", "on", "at", "to", "from", "by", "of", "for", "with", "or", "that", "who", "which", "the", "a",
    "an", "as", "than", "since", "after", "before", "during", "across", "into", "while", "when", "where",
    "per", "each", "this", "these", "those", "said", "says", "according", "under", "over", "among",
    "last", "next", "overnight", "yesterday", "today", "tonight", "earlier", "later", "ago", "now", "so",
    "against", "out", "more", "less",
    "killed", "injured", "dead", "died", "wounded", "arrested", "detained", "landed",
    "did", "do", "not", "also", "reportedly", "there", "their", "its", "his", "her",
}
# Who says so: "<source> said", "according to <source>".
_NP = (r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+(?:of\s+(?:the\s+)?)?){0,6}[A-Z][\w’'.-]*(?:\s*\([^)]{1,40}\))?"
       r"|the\s+(?:ministry|government|authorities|police|organization|organisation|agency|military|army"
       r"|officials|kremlin|president|spokes(?:man|woman|person))"
       r"|(?:(?:local|state|city|hospital|health|security|government|senior|medical)\s+)?"
       r"(?:officials|police|authorities|witnesses|sources|doctors|medics|rescuers|activists|organizers|organisers)")
SAYS_RE = re.compile(
    rf"(?P<src>{_NP})\s+(?:also\s+)?(?:said|says|reported|reports|announced|announces|stated|states"
    r"|(?:added|adds)(?!\s*(?:[$€£¥₽]|\d))"  # "the EU added €1.2bn" adds money, it does not report
    r"|records|recorded|estimates|estimated|told|confirmed|confirms|claimed|claims|counted)\b")
SAID_BY_RE = re.compile(rf"\b(?:said|reported|announced|citing|quoting)\s+(?P<src>{_NP})(?=\s*[,.;:]|\s*$)")
NOT_SOURCES = re.compile(rf"^(?:(?:on\s+)?(?:{calendar.WEEKDAY_NAME_ALTERNATION}|today|yesterday"
                         rf"|{MONTHS})\b|(?:it|he|she|they|we|i)$)", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\baccording to\s+(?P<src>[^,.;:]{3,60}?)(?=[,.;:]|$)", re.IGNORECASE)
# How far before a number (characters, within its sentence) "among the police officers" may stand;
# bounds the per-figure scan so a sentence of thousands of numbers stays linear.
SUBJECT_LEAD_WINDOW = 300
SUBJECT_LEAD_RE = re.compile(r"\b(?:among|on the part of|of|from|including)\s+(?:the\s+)?(?P<np>(?:\w+\s+){0,2}\w+)",
                             re.IGNORECASE)


@dataclass
class _Raw:
    start: int  # number start (after any qualifier)
    end: int  # end of the figure text
    value: float
    qual: str | None
    qual_kind: str | None
    qual_start: int
    unit: str | None
    category: str | None
    high: float | None = None  # the upper end of a range ("10-15")


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` is the first word of a sentence (or of a line)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in "\"“‘'(":
        i -= 1
        while i >= 0 and text[i] in " \t":
            i -= 1
    return i < 0 or text[i] in ".!?:\n”\""


def _parse_number(num: str) -> float | None:
    n = re.sub(r"(?<=\d)\.\s(?=\d)", ".", re.sub(r",\s?(?=\d{3})", "", num.lower()))
    try:
        return float(n)
    except ValueError:
        pass
    if n in ("a", "an"):
        return 1.0
    if re.fullmatch(r"an?\s+couple(?:\s+of)?", n):
        return 2.0  # "a couple dozen"
    n = re.sub(r"^an?\s+", "", n)  # "a dozen"
    parts = re.split(r"[- ]", n)
    total = 0.0
    for p in parts:
        if p in WORD_NUMBERS:
            total += WORD_NUMBERS[p]
        elif p in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
            total += {"one": 1}.get(p, WORD_NUMBERS.get(p, 0))
        else:
            return None
    return total


def interval(value: float, kind: str | None, high: float | None = None) -> tuple[float | None, float | None, bool, bool]:
    """``(low, high, low_inclusive, high_inclusive)`` for a value and its qualifier kind: the one
    qualifier -> interval rule of the project (DESIGN rule 2; reconcile reads it through
    :func:`synoptic.reconcile.facts.figure_interval`). Kinds: "more", "atleast", "almost", "about",
    "atmost", "less", "range" (with ``high``), None (exact); None as a bound is open towards infinity."""
    if kind == "about" and value < 0:  # "about minus 20": the band around a number below zero
        return round(value * (1 + ABOUT_TOLERANCE), 6), round(value * (1 - ABOUT_TOLERANCE), 6), True, True
    if kind == "almost" and value < 0:  # "almost minus 20": short of it, towards zero
        return value, round(value * ALMOST_LOW, 6), False, True
    if kind == "more":
        return value, None, False, True
    if kind == "atleast":
        return value, None, True, True
    if kind == "almost":
        return round(value * ALMOST_LOW, 6), value, True, False
    if kind == "about":
        return round(value * (1 - ABOUT_TOLERANCE), 6), round(value * (1 + ABOUT_TOLERANCE), 6), True, True
    if kind == "range" and high is not None:
        return value, high, True, True
    if kind == "atmost":
        return None, value, True, True
    if kind == "less":
        return None, value, True, False
    return value, value, True, True


# A web address's slug, its words joined by hyphens (spaced in ECB+): "krafts - food - shooter - yvonne -
# hiller - charged - two - 6762404", "3-Shot-in-Nabisco-Factory": at least SLUG_WORDS words in a row
# joined so. Prose joins two or three ("co-workers", "son-in-law", "state-of-the-art" is four).
SLUG_WORDS = 5
# Possessive, and starting only where a word starts: a long run of digits or letters cannot backtrack
# through every split of itself (quadratic on "1" * 100_000).
SLUG_RE = re.compile(rf"(?<![\w.])[\w.]++(?:\s?-\s?[\w.]++){{{SLUG_WORDS - 1},}}")

# A number next to another across a slash is a date or a path, not a count ("14 / 09 / 2013").
_SLASHED_AFTER = re.compile(r"\s?/\s?\d")
_SLASHED_BEFORE = re.compile(r"\d\s?/\s?$")
_AFTER_MONTH = re.compile(rf"\b(?:{MONTHS})\.?\s+$", re.IGNORECASE)


def _masked(text: str) -> tuple[bytearray, list[_Raw]]:
    """Characters that belong to no figure (times, dates, records, ranges) and the ranges found."""
    mask = bytearray(len(text) + 1)
    for rx in (TIME_RE, DATE_RE, CLOCK_ZONE_RE, STREET_NUMBER_RE, SLUG_RE, CALIBRE_RE):
        for m in rx.finditer(text):
            if rx is TIME_RE and ": " in m.group() and _AFTER_MONTH.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Aug. 16: 40 priests confessed": a date, then a count
            mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
    ranges = []
    for m in HEIGHT_RE.finditer(text):  # "5 - foot - 8": one height, in inches
        if any(mask[m.start():m.end()]):
            continue
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start(), m.end(), 12.0 * int(m.group("ft")) + int(m.group("inch") or m.group("inch2")), None, None,
                           m.start(), "in", "measure"))
    for m in RANGE_RE.finditer(text):  # records and scores first: "stands at 284-286" is no range of any kind
        parts = [float(p.replace(",", "")) for p in re.findall(_INT, m.group())]
        if len(parts) == 2 and not all(1800 <= p <= 2100 for p in parts) and not m.group().lower().startswith(
                "between") and not YEAR_SPAN_RE.fullmatch(m.group()) and not any(mask[m.start():m.end()]) \
                and _record(text, m.start(), m.end()):
            mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
            ranges.append(_Raw(m.start(), m.end(), parts[0], None, None, m.start(), RECORD_UNIT, RECORD_UNIT))
    for m in SCALED_RANGE_RE.finditer(text):
        raw = _scaled_range(m)
        if raw is None or any(mask[m.start():m.end()]) or (
                m.group("join").lower() == "to" and re.search(r"\bfrom\s+$", text[max(0, m.start() - 6):m.start()],
                                                               re.IGNORECASE)):
            continue  # "from $10m to $15m" is a change, not a range
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(raw)
    for m in HYPHEN_RANGE_RE.finditer(text):
        if any(mask[m.start():m.end()]):
            continue
        h_low, h_high = float(m.group("a").replace(",", "")), float(m.group("b").replace(",", ""))
        hy = HYPHEN_UNIT_RE.match(text, m.end())
        hm = None if hy else HYPHEN_MEASURE_RE.match(text, m.end())
        measure = unit_of(re.sub(r"\s?-\s?", " ", hm.group("measure"))) if hm else None
        if not h_low < h_high or not (hy or measure):
            continue
        if hy:
            h_end, h_unit = hy.end(), DURATION_UNITS[hy.group("unit").lower()]
            h_cat = "age" if hy.group("old") else "duration"
        else:
            assert hm is not None and measure is not None
            h_end, h_unit, h_cat = hm.end(), measure[0], "measure"
        mask[m.start():h_end] = b"\1" * (h_end - m.start())
        ranges.append(_Raw(m.start(), h_end, h_low, None, "range", m.start(), h_unit, h_cat, high=h_high))
    for m in RANGE_RE.finditer(text):
        if any(mask[m.start():m.end()]):
            continue
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        parts = [float(p.replace(",", "")) for p in re.findall(_INT, m.group())]
        is_years = all(1800 <= p <= 2100 for p in parts)
        if len(parts) == 2 and parts[0] < parts[1] and not is_years:
            between = m.group().lower().startswith("between")
            first = m.start() + (m.group().index(re.findall(_INT, m.group())[0]) if between else 0)
            ranges.append(_Raw(first, m.end(), parts[0], "between" if between else None, "range",
                               m.start(), None, None, high=parts[1]))
    for m in OR_RANGE_RE.finditer(text):  # "three or four robbers", "10 to 12 boats"
        if any(mask[m.start():m.end()]) or re.search(r"\bfrom\s+$", text[max(0, m.start() - 6):m.start()], re.I):
            continue
        low, high = _parse_number(m.group("a")), _parse_number(m.group("b"))
        if low is None or high is None or not 0 < low < high <= 2 * low + 10 or high > 1000:
            continue
        if TIME_RE.match(text, m.start("b")) or re.match(r"\s*(?:[ap]\.?m\b|o'clock|:\d)", text[m.end():], re.I):
            continue
        end, unit, category = m.end(), None, None
        au = AFTER_UNIT_RE.match(text, m.end())
        if au and au.group("dur") and not au.group("old"):
            end, unit, category = au.end(), DURATION_UNITS[au.group("dur").lower().rstrip("s")], "duration"
        elif au and au.group("pct"):
            end, unit, category = au.end(), "percent", "percent"
        elif au and au.group("measure"):  # "5 to 6 lbs.", "1.8 to 3.2 km"
            end, unit, category = au.end(), MEASURE_UNITS[" ".join(au.group("measure").lower().split())], "measure"
        if category != "measure" and "." in m.group("a") + m.group("b"):
            continue  # "rated 7.5 or 8.2": decimals without a unit are read one by one
        mask[m.start():end] = b"\1" * (end - m.start())
        ranges.append(_Raw(m.start(), end, low, None, "range", m.start(), unit, category, high=high))
    for m in A_UNIT_OR_RE.finditer(text):  # "a mile or two": [1, 2] miles
        if any(mask[m.start():m.end()]):
            continue
        word = " ".join(m.group("u").lower().split())
        if word.rstrip("s") in DURATION_UNITS:
            unit, category = DURATION_UNITS[word.rstrip("s")], "duration"
        elif word in MEASURE_UNITS:
            unit, category = MEASURE_UNITS[word], "measure"
        else:
            continue
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start(), m.end(), 1.0, None, "range", m.start(), unit, category,
                           high=float(numbers.CARDINALS[m.group("b").lower()])))
    for m in DECADE_AGE_RE.finditer(text):  # "in her 60s", "aged in his early 30s": an age interval
        if any(mask[m.start():m.end()]):
            continue
        low, high = _decade(m.group("dec"), m.group("part"))
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start("dec"), m.end(), low, " ".join(m.group("q").split()).rstrip("-"), "range", m.start(),
                           "years", "age", high=high))
    for m in FRACTION_MEASURE_RE.finditer(text):  # "a half-liter", "half a mile", "1/2 liter"
        if any(mask[m.start():m.end()]):
            continue
        words = (m.group("w1") or m.group("w2") or "").lower()
        value = int(m.group("top")) / int(m.group("bot")) if m.group("top") else \
            FRACTION_WORDS[re.split(r"[\s-]+", words)[-1].rstrip("s")] * (3 if words.startswith("three") else 1)
        measure = unit_of(re.sub(r"[\s-]+", " ", m.group("u1") or m.group("u2") or m.group("u3")))
        if measure is None:
            continue
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start(), m.end(), value, None, None, m.start(), measure[0], "measure"))
    for m in HALF_DURATION_RE.finditer(text):  # "a half-hour show": 0.5 hours
        if any(mask[m.start():m.end()]):
            continue
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start(), m.end(), 0.5, None, None, m.start(), DURATION_UNITS[m.group("unit").lower()],
                           "duration"))
    for m in BY_FRACTION_RE.finditer(text):  # "will swell by a third", "cut by half": a change of that share
        if any(mask[m.start():m.end()]):
            continue
        top = m.group("top")
        numerator = 1 if top is None or top.lower() in ("a", "an", "one") else numbers.CARDINALS[top.lower()]
        value = round(100.0 * numerator / numbers.DENOMINATORS[m.group("den").lower()], 2)
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        # (a share in words is a round figure: "by a third" is about 33%, as "a dozen" is about twelve)
        ranges.append(_Raw(m.start(), m.end(), value, None, "about", m.start(), "percent", "percent"))
    for m in SHARE_FRACTION_RE.finditer(text):  # "more than half of the candidates", "two-thirds are"
        if any(mask[m.start():m.end()]):
            continue
        top = m.group("top")
        numerator = 1 if top is None or top.lower() in ("a", "an", "one") else numbers.CARDINALS[top.lower()]
        value = round(100.0 * numerator / numbers.DENOMINATORS[m.group("den").lower()], 2)
        qm = _QUAL_RE.search(text[max(0, m.start() - 40):m.start()])
        qual = kind = None
        qstart = m.start()
        if qm:
            qual, qstart = qm.group("q"), max(0, m.start() - 40) + qm.start("q")
            kind = next(k for k, rx in _QUAL_KIND if rx.match(qual))
        mask[m.start():m.end()] = b"\1" * (m.end() - m.start())
        ranges.append(_Raw(m.start(), m.end(), value, qual, kind, qstart, "percent", "percent"))
    return mask, ranges


def _decade(written: str, part: str | None) -> tuple[float, float]:
    """The ages of a decade of life as written ("60s" 60-69, "early 30s" 30-33, "late teens" 17-19)."""
    w = written.lower()
    if w == "teens":  # "early teens" 13-15, "mid-teens" 14-16, "late teens" 17-19
        return {"early": (13.0, 15.0), "mid": (14.0, 16.0), "late": (17.0, 19.0)}.get((part or "").lower(), (13.0, 19.0))
    else:
        low = float(w[:-1]) if w[0].isdigit() else float(numbers.TENS[w[:-3] + "y"])
        high = low + 9
    if part:
        share = DECADE_PARTS[part.lower()]
        low, high = max(low, low - low % 10 + share[0]), low - low % 10 + share[1]
    return low, high


# "in her 60s", "in his early 30s", "aged in their late teens", "in her mid-sixties": an age as a
# decade of life (after a possessive: "in the 60s" is a decade of a century or a temperature).
# The parts of a decade: early 0-3, mid 4-6, late 7-9 years into it.
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
DECADE_AGE_RE = re.compile(
    r"\b(?P<q>(?:aged\s+)?in\s+(?:his|her|their|my|our|your)\s+(?:(?P<part>early|mid|late)[\s-]*)?)"
    r"(?P<dec>[1-9]0s|(?:" + "|".join(w[:-1] for w in numbers.TENS) + r")ies|teens)\b", re.IGNORECASE)
# A fraction before a unit of measure: "a half-liter", "a quarter mile", "half a mile", "three
# quarters of a mile", "1/2 liter"; not "one and a half tonnes", read with its whole number) (units from lang.en.units, the forms that are no word apart).
FRACTION_WORDS = {"half": 0.5, "quarter": 0.25}
_FRACTION_UNITS = "|".join(re.escape(f).replace(r"\ ", r"[\s-]") for f in UNIT_WORDS if len(f) > 2 and f not in GLUED_ONLY)
FRACTION_MEASURE_RE = re.compile(
    rf"(?<!and\s)\b(?:(?:an?|one)\s+(?P<w1>half|quarter)[\s-]+(?P<u1>{_FRACTION_UNITS})"
    rf"|(?P<w2>half|a\s+quarter|three[\s-]quarters)\s+(?:of\s+)?an?\s+(?P<u2>{_FRACTION_UNITS})"
    rf"|(?<![\d/.,])(?<!\d[\s-])(?P<top>[1-9])/(?P<bot>[2-9]|1[0-6])[\s-]?(?P<u3>{_FRACTION_UNITS}))(?![\w/])",
    re.IGNORECASE)


# Half a unit of time: "a half-hour show", "half an hour", "a half day" (not "one and a half
# days", read with its whole number, nor "the first half of the day").
HALF_DURATION_RE = re.compile(r"(?<!\band\s)(?<![\w-])half(?:[\s-]+|\s+an?\s+)(?P<unit>hour|day|week|month|year|decade|minute)"
                              r"(?![\w-](?!long\b))", re.IGNORECASE)


# A fraction of a whole, a share: "half of the 288 candidates", "more than half are members",
# "two-thirds of voters", "a quarter of the homes" (not "the first half of", "half an hour", "a
# third day", "one and a half"): the fraction, then "of" or the verb it is the subject of.
SHARE_FRACTION_RE = re.compile(
    r"(?<!\band\s)(?<!\bthe\s)(?<!\bfirst\s)(?<!\bsecond\s)(?<!\blast\s)(?<!\bother\s)(?<!\blatter\s)"
    r"(?<![\w-])(?:(?P<top>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(?P<den>" + "|".join(sorted(numbers.DENOMINATORS, key=len, reverse=True)) + r")"
    r"(?=\s+(?:of\s+(?:the|them|those|these|all|its|their|his|her|our|[a-z]+s)\b|(?:are|were|is|was|have|had|will|would"
    r"|said|say|voted|support|supported)\b))",
    re.IGNORECASE)


# A change by a share of the whole: "will swell by a third in the next five years", "cut by half", "fell by
# two-thirds" (after "by", before a function word or the clause's end: not "by a third party").
BY_FRACTION_RE = re.compile(
    r"(?<=\bby\s)(?:(?P<top>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(?P<den>" + "|".join(sorted(numbers.DENOMINATORS, key=len, reverse=True)) + r")"
    r"(?!\s+of\b)(?=\s*(?:[,.;:!?)]|$)|\s+(?:" + "|".join(sorted(FUNCTION_WORDS, key=len, reverse=True)) + r")\b)",
    re.IGNORECASE)


def _scaled_range(m: re.Match[str]) -> _Raw | None:
    """A range of money or of scaled numbers ("between $12m and $14m"), or None when the match is
    not one (no currency nor scale, "and" without "between", a low end above the high end)."""
    cur_sym = m.group("c1") or m.group("c2")
    s1, s2, cw = m.group("s1"), m.group("s2"), m.group("cw")
    if not (cur_sym or s2 or cw) or (m.group("join").lower() == "and" and not m.group("between")):
        return None
    if not cur_sym and not cw and (s1 or s2 or "").lower() in ("m", "k"):
        return None  # "5m to 10m" are metres unless money is named
    low = float(m.group("a").replace(",", ""))
    high = float(m.group("b").replace(",", ""))
    if s2:
        high *= SCALES[s2.lower()]
        # "12 and 14 million": the scale written once applies to the low end too
        low *= SCALES[(s1 or s2).lower()]
    elif s1:
        low *= SCALES[s1.lower()]
    if not low < high:
        return None
    unit = _currency(cur_sym) if cur_sym else CURRENCY_WORDS[" ".join(cw.lower().split())] if cw else None
    first = m.start("c1") if m.group("c1") else m.start("a")
    return _Raw(first, m.end(), low, "between" if m.group("between") else None, "range", m.start(),
                unit, "money" if unit else None, high=high)


def rate_span(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """The time a figure ending at ``end`` is counted per ("a day", "for each day", "an hour"), in
    its clause and before ``limit``, with the offset where those words end; None when there is none."""
    window = re.split(r"[.;:!?\n]|,\s|\s[-–—]\s|\d", text[end:min(limit, end + RATE_WINDOW)], maxsplit=1)[0]
    m = RATE_RE.search(window)
    return (m.group("per").lower(), end + m.end()) if m else None


def rate_after(text: str, end: int, limit: int) -> str | None:
    """The time a figure is counted per ("day", "hour"), as :func:`rate_span` finds it, or None."""
    found = rate_span(text, end, limit)
    return found[0] if found else None


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets of ``text`` (the project's one splitter)."""
    return list(split_sentences(text))


# "the fifth day of clashes", "for the sixth straight day", "the strike entered its third week": an
# ordinal of a day, night, week, month or year counts how long something ongoing has lasted.
ORDINAL_DURATION_RE = re.compile(
    r"\b(?P<det>the|its|their)\s+(?P<ord>" + "|".join(sorted(numbers.ORDINALS, key=len, reverse=True))
    + r"|\d{1,3}(?:st|nd|rd|th))\s+(?P<straight>(?:straight|consecutive|successive)\s+)?"
    r"(?P<unit>day|night|week|month|year)\b(?P<of>\s+of\s+(?P<what>(?:[\w'-]+\s+){0,2}[\w'-]+))?",
    re.IGNORECASE)
_ENTERED_BEFORE = re.compile(r"\b(?:entered|entering|enters|enter|into|now\s+in|in)\s+$", re.IGNORECASE)


def _ongoing(text: str, m: re.Match[str]) -> bool:
    """Whether an ordinal of a period times something ongoing: "straight"/"consecutive" says so,
    as does "entered its third week"; after "of" the words must name a public event ("the fifth
    day of clashes"; not "the first day of the month", "the second day of his visit")."""
    from synoptic.lang.en.counted import DURATION_EVENTS

    if m.group("straight"):
        return True
    if m.group("det").lower() in ("its", "their") and _ENTERED_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
        return True
    if not m.group("what"):
        return False
    for w in m.group("what").lower().split():
        for _cls, stems in DURATION_EVENTS:
            for st in stems:
                if re.fullmatch(re.escape(st[:-1]) + "s?", w) if st.endswith("$") else w.startswith(st):
                    return True
    return False


# Words that open a sentence before a count ("Another 20 people", "Only 3 were found", "Fully 40
# percent"): the function words, adverbs in -ly, and these quantifying words (a closed class).
_COUNT_OPENERS = frozenset("another only just all total overall additional further extra exactly "
                           "barely nearly almost some around over under now then still already even also "
                           "aged age ages".split())
# What follows a number that is part of a name: a capitalised word, a function word ("Chopper 3 was
# over the scene", "Text 46373 To ...") or punctuation; a noun after it is what it counts.
_NAME_NUMBER_AFTER = re.compile(r"\s*(?:$|[.,;:!?)\]”\"'—–]|[A-Z]|(?P<word>[a-z]+)\b)")


def _not_a_qualifier(words: str, category: str | None, compound: bool, qstart: int, text: str,
                     found: list[_Raw]) -> bool:
    """Whether the qualifier words before a number say nothing of its size: "overcome the
    3 1/2-inch advantage" (a verb before "the" and a compound modifier: the advantage is overcome,
    not the number), "$160 million over eight years" (a sum spread over a span: "over" right after
    another figure is the span's preposition, not "more than")."""
    if compound and re.search(r"\sthe$", words, re.IGNORECASE):
        return True
    if words.lower() == "over" and category == "duration":
        return any(0 <= qstart - r.end <= 3 and not text[r.end:qstart].strip(" ,") for r in found)
    return False


def _age_close(before: str, after: str) -> bool:
    """Whether an age written after a name's comma closes with something other than a comma: a
    dash or a bracket ("Salah Shukri Abu Latyef, 22 -- who ..."), or the sentence ("killing
    Benjamin David Banky, 40."; a capitalised name before the comma, not a list "... 12, 40.")."""
    if not re.search(r"[A-Za-z’'],\s*$", before):
        return False
    return bool(re.match(r"\s*(?:--|[—–;)]|-\s)", after)
                or (re.match(r"\.(?:\s|$)", after) and re.search(r"\b[A-Z][\w’'-]*,\s*$", before)))


# "son Oscar, 8,", "daughter Ava, 3.", "a son, 8, and": a person noun, then at most a few capitalised
# words of a name, then the comma an age in apposition follows.
_PERSON_COMMA_RE = re.compile(r"\b(?P<noun>[a-z]+)(?:\s+[A-Z][\w’'-]*){0,4},\s*$")


def _young_age(before: str, after: str, num: str) -> bool:
    """Whether a small number written in digits is a child's age in apposition: after a person
    noun (the complete table of :data:`PERSON_NOUNS`) and the name it goes with, closed by a comma
    or the end of its phrase ("makes pancakes for son Oscar, 8, daughter Ava, 3, as well as"): the
    age of that person, not a count to join with "eight times"."""
    m = _PERSON_COMMA_RE.search(before)
    if not (m and num.isdigit()):
        return False
    noun = m.group("noun")
    if noun not in PERSON_NOUNS and not (noun.endswith("s") and noun[:-1] in PERSON_NOUNS):
        return False
    return bool(re.match(r"\s*,|\.(?:\s|$)", after) or _age_close(before, after))


def _fraction(written: str) -> float:
    """The value of a fraction written after a whole number: "½", " 1/2", "-3/4"."""
    w = written.strip(" -")
    if w in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[w]
    top, bottom = w.split("/")
    return int(top) / int(bottom)


# A decimal written without its leading 0 (".308", ".22-calibre") stands after a space, a
# function word (a determiner, a preposition, a copula: "a.308 average", "level was.41"), a hyphened
# modifier ("career-best.308") where a corpus dropped the space, or a mark that opens a value
# ("level:.41", "(.41", "=.41"; not a closing quote or bracket, which may end a sentence); after any other word the full stop ends a sentence ("killed.12 people").
_POINT_BEFORE = re.compile(r"(?:^|\s|(?:^|\W)(?:" + "|".join(sorted(FUNCTION_WORDS, key=len, reverse=True))
                           + r")|\w-\w+|[:;(=~<>,])\.$", re.IGNORECASE)


# A lower-case article, then the point and a space (a capital "A." is an initial).
_SPACED_POINT_BEFORE = re.compile(r"(?:^|\s)(?:a|an|the)\.\s$")


def _leading_point(text: str, s: int, num: str) -> float | None:
    """The value of ``num`` at ``s`` when a full stop before it makes it a decimal (".308"), else None."""
    if num.isdigit() and _SPACED_POINT_BEFORE.search(text, max(0, s - 8), s):
        return float("0." + num)  # "armed with a. 357 Magnum": ECB+ spaced ".357" after its article
    if not num.isdigit() or s < 1 or text[s - 1] != "." or (s >= 2 and text[s - 2].isdigit()):
        return None
    return float("0." + num) if _POINT_BEFORE.search(text[max(0, s - 20):s]) else None


def _acronym(word: str) -> bool:
    """Whether a word before a number is a name in capitals ("CBS 3", "AK 47"), not a currency code."""
    w = word.rstrip(".")
    return 2 <= len(w) <= 6 and w.isalpha() and w.isupper() and currency_code(w) is None


def _initial_name(word: str, after: str) -> bool:
    """Whether a capitalised word opening a sentence names what the number after it is part of
    ("Chopper 3 was over the scene"): a content word (no function word, quantifier, adverb or
    participle: "Another 20", "Killing 10 people"), and no noun after the number that it counts."""
    low = word.lower()
    if low in FUNCTION_WORDS or low in _COUNT_OPENERS or low.endswith(("ly", "ed", "ing")) or low in WORD_NUMBERS \
            or _CASUALTY_RE.fullmatch(word):
        return False  # "Another 20 people", "Killing 10 people", "Dead: 12"
    m = _NAME_NUMBER_AFTER.match(after)
    return m is not None and (m.group("word") is None or m.group("word") in FUNCTION_WORDS) \
        and not AFTER_UNIT_RE.match(after)


# A sign before a number: the word "minus" ("minus 17", "minus-20") or a minus sign glued to the
# digits after a space or a bracket ("-20 degrees", "(−3)"; not the hyphen of "COVID-19" or of a
# range "10-20").
_MINUS_BEFORE = re.compile(r"(?:\bminus[\s-]|(?:^|(?<=[\s(\[]))(?P<glued>[-−]))$", re.IGNORECASE)


def _numbers(text: str) -> list[_Raw]:
    """Step 1: numbers with qualifier, scale, unit; dates, times, years, ordinals and names skipped."""
    masked, found = _masked(text)
    for m in _number_matches(text, masked):
        s, e = m.start("num"), m.end()
        num = m.group("num")
        if m.group("cur"):
            s = m.start("cur")
        if masked[s]:
            continue
        before, after = text[max(0, s - 30):s], text[e:e + 40]
        # "minus 17 degrees", "minus-20 degree temperatures", "-20C": a number below zero
        sign = None if m.group("cur") else _MINUS_BEFORE.search(before)
        if sign and sign.group("glued") and not num[0].isdigit():
            sign = None  # "-one" is no number below zero
        if (re.search(r"[\w/-]$", text[max(0, s - 1):s]) and not sign or after[:1] == "/") and not m.group("cur"):
            continue  # part of a word or a code: "COVID-19", "G7"
        if _SLASHED_AFTER.match(after) or _SLASHED_BEFORE.search(before) \
                or (before.endswith(("/", "/ ")) and re.match(r"\s?/", after)):
            continue  # a date or a path with spaced slashes (ECB+): "14 / 09 / 2013", ".com / 2013 / sep / 16 / ..."
        glued = AFTER_UNIT_RE.match(text, e)
        if re.match(r"[A-Za-z]", after[:1]) and num[-1:].isdigit() and not m.group("short") \
                and not m.group("scale") and not (glued and (glued.group("measure") or glued.group("pct"))) \
                and not GLUED_UNIT_RE.match(text, e):
            continue  # "5G", "3D", "1st"
        if re.match(r"-?(?:thirds?|quarters?|halfs?|halves|fifths?|tenths?)\b", after, re.IGNORECASE):
            continue  # "two-thirds": a share, not a count
        if num.lower() in ("one", "a", "an") and not m.group("scale") and not m.group("half") and not (
                A_SPAN_RE.match(after) or (re.search(r"\bfor\s+$", before) and A_SPAN_FOR_RE.match(after))) and not (
                num.lower() == "one" and (re.match(rf"\s+(?:{_ONE_NOUNS})\b", after, re.IGNORECASE)
                                          or _ONE_COUNT_OF.match(after)
                                          or _ONE_COMPOUND.match(after) or _one_casualty(text, s, e)
                                          or _one_listed(text, s, e))):
            continue
        metres = False
        if num[0].isdigit() and m.group("short") and not m.group("cur"):
            if m.group("short") != "m" or text[m.start("short") - 1].isspace() or _millions_after(after) \
                    or _money_before(before):
                continue  # "5 m", "10k", "5m people": no measure read
            metres = True  # "fell 600m while climbing"
        if num.isdigit() and not m.group("cur") and (
                len(num) > MAX_PLAIN_DIGITS or (num[0] == "0" and len(num) > 1 and not re.match(r"\s?-", after))
                or re.match(r"\s\d{3,}", after) or re.search(r"\d{3,}\s$", before)):
            continue  # ids, phone numbers: "0845 125 2222", "story/19548736"
        value = _parse_number(num)
        if value is None:
            continue
        if DECADE_WORDS_RE.match(after) and not num[0].isdigit():
            continue  # "the nineteen sixties": a decade, not nineteen
        plural_dozen = num.lower() == "dozen" and bool(_BARE_DOZEN_AFTER.match(after)) \
            and not _DOZEN_DETERMINER.search(before)
        if plural_dozen:
            value = DOZENS_LEAST  # "Dozen of warships": "dozens" without its s, at least two dozen
        if m.group("half"):
            value += 0.5
        if m.group("frac"):
            value += _fraction(m.group("frac"))
        decimal = _leading_point(text, s, num)
        if decimal is not None:  # "a .308 average", "career-best.308": a decimal written without its 0
            # (after "a. " the figure starts at its digits: the splitter may end a sentence at "a.")
            value, s = decimal, s - (0 if text[s - 1] == " " else 1)
        scale = m.group("scale") or (None if metres else m.group("short"))
        if scale:
            value *= SCALES[scale.lower()]
        prev_word = re.search(r"([A-Za-z][\w.]*)\W*$", before)
        prev = prev_word.group(1) if prev_word else ""
        adjacent = re.search(r"[A-Za-z]\.?[\s/#:–—-]*$", before) is not None and not m.group("cur")
        if adjacent and (prev.lower().rstrip(".") in NUMBERING_WORDS or prev.lower() in NUMBERING_WORDS):
            continue  # "No. 5", "flight 17" (not "a seven-year, $161-million deal")
        sentence_start = _starts_sentence(text, s)
        prev_starts = prev_word is not None and _starts_sentence(text, s - len(before) + prev_word.start())
        if prev and prev[0].isupper() and not _QUAL_RE.search(before) and not m.group("cur") \
                and re.search(r"[A-Za-z]\s+$", before) and not re.match(rf"(?:{MONTHS})$", prev, re.I) and (
                    (not sentence_start and not prev_starts) or (num[0].isdigit() and _acronym(prev))
                    or (prev_starts and _initial_name(prev, after))):
            continue  # "Khabar 24", "Boeing 737", "CBS 3 is told", "Chopper 3 was over the scene"
        unit = category = None
        end = e
        hy = HYPHEN_UNIT_RE.match(text, e)
        au = AFTER_UNIT_RE.match(text, e)
        if m.group("cur"):
            unit, category = _currency(m.group("cur")), "money"
        elif metres:
            unit, category = "m", "measure"
            hy = au = None
        elif gu := GLUED_UNIT_RE.match(text, e):
            unit, category, end = (unit_of(gu.group("sym")) or ("", "", 0.0))[0], "measure", gu.end()
            hy = au = None
        hm = None if hy or unit else HYPHEN_MEASURE_RE.match(text, e)
        if hy:
            end = hy.end()
            unit = DURATION_UNITS[hy.group("unit").lower()]
            category = "age" if hy.group("old") else "duration"
        elif hm:
            measure = unit_of(re.sub(r"\s?-\s?", " ", hm.group("measure")))
            if measure:
                unit, category, end = measure[0], "measure", hm.end()
        elif au and not unit:
            if au.group("pct"):
                unit, category, end = "percent", "percent", au.end()
            elif au.group("cur") and _mass_pounds(au.group("cur"), scale, before, text[au.end():au.end() + 12]):
                unit, category, end = "lb", "measure", au.end()  # "weighing 130 pounds": a mass
            elif au.group("cur"):
                unit, category, end = CURRENCY_WORDS[" ".join(au.group("cur").lower().split())], "money", au.end()
            elif au.group("dur") and not (au.group("dur")[-1] != "s" and re.match(r"-[a-z]", text[au.end():au.end() + 2])):
                # ("the 2006 second-overall pick": a singular unit word hyphened on is an ordinal's compound)
                word = au.group("dur").lower().rstrip("s")
                unit, end = DURATION_UNITS[word], au.end()
                category = "age" if au.group("old") else "duration"
            elif au.group("measure"):
                unit, category, end = MEASURE_UNITS[" ".join(au.group("measure").lower().split())], "measure", au.end()
        if num.isdigit() and len(num) == 4 and 1800 <= value <= 2100 and not scale and unit is None:
            nxt = re.match(r"\s+(\w+)", after)
            if not (nxt and nxt.group(1).lower() in NOUN_CATEGORIES):
                continue  # a year
        if sign:
            value = -value
            s = s - len(before) + sign.start()
        qm = _QUAL_RE.search(text[max(0, s - 40):s])
        qual = kind = None
        qstart = s
        if qm:
            qual = qm.group("q")
            qstart = max(0, s - 40) + qm.start("q")
            kind = next(k for k, rx in _QUAL_KIND if rx.match(qual))
            qual = re.sub(r"^(?:can|could|to|will|would)\s+|\s+the$", "", qual, flags=re.IGNORECASE)
            if _not_a_qualifier(qm.group("q"), category, bool(hy or hm), qstart, text, found):
                qual = kind = None
                qstart = s
        if category is None and value == int(value) and value <= AGE_RANGE[1] and qual is None and (
                # "aged 30", "two sons, ages 6 and 16", "girls age 6 and 8": each number of the list
                re.search(r"\b(?:aged?|ages|at age|age of)\s+(?:\d{1,3}\s*(?:,|and|-)\s*)*$", before, re.IGNORECASE)
                # "She was 85.", "he is 35,": a bare number said of a person pronoun, ending its clause
                or (value >= AGE_RANGE[0] and re.search(r"\b(?:he|she)\s+(?:was|is)\s+$", before, re.IGNORECASE)
                    and re.match(r"\s*(?:[.,;]|$)", after))
                or (value >= AGE_RANGE[0] and re.search(r"\w,\s*(?:then\s+|both\s+|aged\s+)?$", before)
                    and (re.match(r"\s*,", after) or _age_close(before, after)))
                or (value < AGE_RANGE[0] and _young_age(before, after, num))):
            category, unit = "age", "years"
        if plural_dozen and kind is None:
            kind = "atleast"
        if (sm := SOMETHING_RE.match(text, end)) and kind is None and value in numbers.TENS.values():
            # "seventy-something", "thirty-odd": somewhere in that ten, not the round number
            found.append(_Raw(s, sm.end(), value, None, "range", qstart, unit, category, high=value + 9))
            continue
        found.append(_Raw(s, end, value, qual, kind, qstart, unit, category))
    for m in ORDINAL_DURATION_RE.finditer(text):  # "the fifth day of clashes": five days of them
        if masked[m.start("ord")] or not _ongoing(text, m):
            continue
        o = m.group("ord").lower()
        value = float(numbers.ORDINALS[o]) if o in numbers.ORDINALS else float(re.sub(r"\D", "", o))
        unit = DURATION_UNITS["day" if m.group("unit").lower() == "night" else m.group("unit").lower()]
        found.append(_Raw(m.start("ord"), m.end("unit"), value, None, None, m.start("ord"), unit, "duration"))
    for m in BOTH_RE.finditer(text):  # "both were dead at the scene": two people
        if not masked[m.start()]:
            found.append(_Raw(m.start(), m.end(), 2.0, None, None, m.start(), None, None))
    found.sort(key=lambda r: r.start)
    return found


_PEOPLE_AHEAD_RE = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){0,2}?\s+(?:" + "|".join(sorted(NOUN_CATEGORIES, key=len, reverse=True))
    + r"|" + SECURITY_WORDS.pattern.replace("\\b", "") + r")\b", re.IGNORECASE)


def _label(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The words right after a number that say what it counts ("armed criminals"), and their end."""
    words: list[str] = []
    pos = end
    for m in re.finditer(r"\s*([“\"‘']?)([A-Za-z][\w-]*)([”\"’']?)", text[end:limit]):
        if m.start() != pos - end:
            break
        w = m.group(2)
        if w.lower() in LABEL_STOP or len(words) >= MAX_LABEL_WORDS or _CASUALTY_RE.fullmatch(w):
            break
        if words and _verb_or_adverb(words[-1], w):
            break  # "holdouts refused", "villagers slightly injured", "holdouts how many"
        if w.lower() == "and" and not _PEOPLE_AHEAD_RE.match(text, end + m.end()):
            break  # "18 police and National Guard personnel", not "five times and found"
        words.append(w)
        pos = end + m.end()
        if m.group(3):  # closing quote ends the label
            break
    while words and words[-1].lower() in ("and", "other"):
        words.pop()
    if not words:
        return None, end
    return " ".join(words), pos


# Words that open a clause of their own after a noun ("the three holdouts how many people ...").
_CLAUSE_OPENERS = frozenset("how why whether if what whose whom along around about".split())
def _verb_or_adverb(last: str, w: str) -> bool:
    """Whether ``w`` after the label word ``last`` ends the label: a word opening a clause, or after
    a plural noun a verb in the past tense or an adverb in -ly ("holdouts refused", "jurors asked",
    "villagers slightly injured"; not "armed criminals", where the -ed word comes first)."""
    low = w.lower()
    if low in _CLAUSE_OPENERS:
        return True
    plural = last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is"))
    return plural and (low in IRREGULAR_PAST or (low.endswith(("ed", "ly")) and len(low) > 4))


# "death penalty", "pro-death": a casualty word that counts no one (lang.en.counted tables).
_NOT_A_CASUALTY = re.compile(r"deaths?\s+(?:" + "|".join(DEATH_COMPOUNDS) + r")\b", re.IGNORECASE)
# A subject pronoun after the number opens a clause of its own: "the other nine jurors that they
# would not impose death" (the casualty word is not said of the nine).
_OWN_SUBJECT = re.compile(r"\b(?:he|she|they|we|i|you)\b", re.IGNORECASE)


# "voting to put Nichols to death", "sentenced Smith to death": a death word after "<Name> to" is
# the named one's, not the counted people's.
_NAMED_TO_DEATH = re.compile(r"\b[A-Z][\w’'-]*\s+to\s+$")


def _casualties(window: str) -> list[str]:
    """The casualty categories named in the clause after a number, in order."""
    out = []
    for cm in _CASUALTY_RE.finditer(window):
        if _OWN_SUBJECT.search(window, 0, cm.start()):
            break
        if _NOT_A_CASUALTY.match(window, cm.start()) or window[:cm.start()].lower().endswith(CASUALTY_PREFIXES) \
                or _NAMED_TO_DEATH.search(window, 0, cm.start()):
            continue
        out.append(next(k for k, v in cm.groupdict().items() if v))
    return out


def _subject(words: str | None) -> str | None:
    if not words:
        return None
    if SECURITY_WORDS.search(words):
        return "security forces"
    if OTHER_SIDE_WORDS.search(words):
        return "demonstrators"
    if CIVILIAN_WORDS.search(words):
        return "civilians"
    return None


def _sources(sentence: str, offset: int) -> list[tuple[int, str]]:
    """The sources a sentence names ("<source> said", "according to <source>") with offsets."""
    cands: list[tuple[int, str]] = []
    for rx in (SAYS_RE, SAID_BY_RE, ACCORDING_RE):
        for m in rx.finditer(sentence):
            src = m.group("src").strip().rstrip(".")
            if NOT_SOURCES.match(src) or len(src) < 3:
                continue
            cands.append((offset + m.start(), src))
    return cands


def _attribution(cands: list[tuple[int, str]], at: int) -> str | None:
    """Who the sentence attributes its figures to: the source nearest before ``at``, else after."""
    if not cands:
        return None
    before = [c for c in cands if c[0] <= at]
    pick = max(before) if before else min(cands)
    return pick[1]


# How far back (characters) "the ministry" may look for the ministry it refers to.
BACK_REFERENCE_WINDOW = 3000


def _named_source(text: str, at: int, source: str) -> str:
    """A generic source ("the ministry") replaced by the last name with that head word written
    before it ("The Ministry of the Interior"); unchanged when there is none nearby."""
    m = re.fullmatch(r"the\s+(\w+)", source)
    if not m:
        return source
    head = m.group(1).capitalize()
    window = text[max(0, at - BACK_REFERENCE_WINDOW):at]
    named = list(re.finditer(
        rf"(?:[A-Z][\w’'-]*\s+){{0,4}}{head}\b(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?",
        window))
    named = [n for n in named if n.group() != head or n.start() == 0]
    return named[-1].group() if named else source


# A scale word written out or glued ("48.9 million", "$5bn", "3m"): an elided unit is read only between two of these.
_SCALE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn)\b|\d(?:m|bn|k)\b", re.IGNORECASE)


def find_figures(text: str) -> list[Figure]:
    """Every numeric claim in ``text`` (offsets into ``text``).

    1. find numbers with their qualifier, scale and unit; skip dates, times, years, ordinals and
       numbers that are parts of names ("Khabar 24");
    2. per sentence: the label right after the number ("armed criminals"), the category from the
       casualty words that follow it ("were killed"), the label's noun or the unit; the subject
       from the label or the sentence's lead ("Among the police officers ..."), carried along a
       list of casualty figures ("Eighteen guards were killed, more than 740 were injured");
    3. attribution: "<source> said", "according to <source>" in the sentence; "the ministry" is
       the ministry named last before it;
    4. interval from the qualifier (DESIGN rule 2).
    """
    raws = _numbers(text)  # 1
    figures: list[Figure] = []
    sentences = _sentences(text)
    si = 0
    prev: Figure | None = None
    prev_window_cats: list[str] = []
    prev_sentence = -1
    sources: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for i, r in enumerate(raws):
        while si < len(sentences) - 1 and sentences[si][1] <= r.start:
            si += 1
        s0, s1 = sentences[si]
        nxt = raws[i + 1].qual_start if i + 1 < len(raws) else len(text)
        limit = min(s1, nxt, r.end + CATEGORY_WINDOW)
        label, label_end = (None, r.end) if r.category in ("money", "duration", "age", "percent", "measure") \
            else _label(text, r.end, limit)  # 2
        category = r.category
        window = re.split(r"[,;:]|\s[–—-]\s", text[r.end:limit], maxsplit=1)[0]  # this clause only
        cats = _casualties(window)
        lead = _CASUALTY_BEFORE_RE.search(text, max(s0, r.qual_start - 40, raws[i - 1].end if i else 0),
                                          r.qual_start)
        if category is None and lead:
            category = next(k for k, v in lead.groupdict().items() if v)
        if category is None and cats:
            category = cats[0]
        if category is None and label:
            category = NOUN_CATEGORIES.get(label.split()[-1].lower())
        if category == RECORD_UNIT and not label:
            label = "win-loss record"  # "the Saints (7-7)", "stands at 284-286"
        subject = _subject(label)
        if label and label.lower() in ("others", "other") and not cats and prev is not None \
                and prev_sentence >= si - 1:
            later = [c for c in prev_window_cats if c != prev.category]
            category = later[0] if later else prev.category or category
            subject = subject or prev.subject
        if subject is None and category in ("killed", "injured", "arrested", "people", None):
            for lm in SUBJECT_LEAD_RE.finditer(text, max(s0, r.qual_start - SUBJECT_LEAD_WINDOW), r.qual_start):
                subject = _subject(lm.group("np")) or subject
        if subject is None and prev is not None and prev_sentence == si and category in ("killed", "injured") \
                and prev.category in ("killed", "injured") and not label:
            subject = prev.subject
        if (s0, s1) not in sources:  # once per sentence: a sentence can hold thousands of numbers
            sources[(s0, s1)] = _sources(text[s0:s1], s0)
        attribution = _attribution(sources[(s0, s1)], r.start)  # 3
        if attribution:
            attribution = _named_source(text, r.start, attribution)
        unit = r.unit
        if unit is None and category is None and not label and prev is not None and prev_sentence == si \
                and prev.category in ("measure", "money") and prev.unit and _SCALE_WORD.search(text[r.start:r.end]) \
                and _SCALE_WORD.search(prev.text) and not re.search(r"[.;:!?]", text[prev.end:r.start]):
            # "rise to 65.4 million tonnes ... from 48.9 million in 2012": a scaled number with nothing
            # after it that it counts takes the unit of the scaled measure or sum before it in its sentence
            unit, category = prev.unit, prev.category
        if category == "money" and unit and "/" not in unit:
            per = rate_after(text, r.end, s1)
            unit = f"{unit}/{per}" if per else unit  # "$9.6bn a day" is USD/day
        kind = r.qual_kind
        if kind is None and re.search(r"\bdozen\b", text[r.start:r.end], re.IGNORECASE):
            kind = "about"  # "a dozen Greek cities" is a round number: about twelve
        low, high, low_inc, high_inc = interval(r.value, kind, r.high)  # 4
        start = r.qual_start
        fig = Figure(
            text=text[start:r.end], start=start, end=r.end, value=r.value, low=low, high=high,
            qualifier=r.qual, unit=unit, category=category, subject=subject, attribution=attribution,
            label=label.strip("“”\"‘’'") if label else None, low_inclusive=low_inc, high_inclusive=high_inc,
        )
        figures.append(fig)
        prev, prev_window_cats, prev_sentence = fig, cats, si
        del label_end
    return figures
