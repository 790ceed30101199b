"""Fact groups: the figure reports of a story that count the same thing, with a verdict (DESIGN rule 2).

What a figure counts is read once, in extract (:mod:`synoptic.extract.reading`: dimension, counted
noun, predicate, scope, time reference, subgroup, context). Here two reports are linked by the
evidence that they count one thing (:func:`link_score`: meeting intervals, one noun or nouns whose
embeddings are close, one predicate class, the same casualty event and side as the clause says,
shared words; against: another dimension or currency, another place, period, person or subgroup)
and clustered by average link (:func:`fact_groups`). The clause reader kept from before
(:func:`_readings`) only says who a casualty count counts (security forces / protesters /
civilians) and what a sum of money is (losses, trade, damage ...).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from synoptic.extract.figures import MEASURE_UNITS, rate_after, rate_span
from synoptic.lang.en.nouns import GENERIC_NOUNS
from synoptic.lang.en.predicates import PREDICATE_CLASSES, predicate_class
from synoptic.reconcile._text import (
    _STOP,
    _WORD,
    INF,
    _content_stems,
    _sentence_bounds,
)
from synoptic.records import (
    Article,
    Extraction,
    FactGroup,
    FactReport,
    Figure,
    Verdict,
)

#: Half-width of the tolerance band of "about N" (relative). Calibrated on the seeds: "about 750"
#: must meet "more than 740" and "almost 750"; "about 2,500" must meet "more than 2,500". 10% is
#: the usual reading of a rounded news figure.
ABOUT_TOLERANCE = 0.10

#: Half-width of the band of a bare round figure given with a scale word ("$1 million", "2 billion
#: euros"): news rounds them. Set on ECB+ topic 13, where "$1 million" and "more than $1 million"
#: describe one damage estimate.
ROUNDED_TOLERANCE = 0.05

#: Width below N of "almost N" (relative): "almost 750" is [675, 750).
ALMOST_SPAN = 0.10

#: Words after the number searched for what it counts (stops earlier at a clause end or at the next
#: figure). Calibrated on the seeds: "18 police and National Guard personnel were killed" needs 8.
AFTER_WORDS = 9

#: Words before the number (same clause) searched when nothing follows it.
BEFORE_WORDS = 8

#: An age belongs to the nearest person named within this many characters in its sentence (seed
#: 004: "Nursultan Nazarbayev era - to throw the former president, 81" is 38).
AGE_PERSON_CHARS = 60

#: Link weights of :func:`link_score` and the threshold a group's average link must reach.
#: Set by hand while reading the misses of the six story folders of ../shared/gold/stories (so no
#: story is strictly held out), then checked by a coordinate search over every constant below, the
#: objective being the mean over stories of min(share of gold figure groups right, figure-mention
#: BCubed F1) - 0.3 x traps grouped: fitted on heist + pirates + riots the search raises that half
#: from 0.13 to 0.42 but drops the other half (bomb + migrants + kazakhstan) from 0.76 to 0.42;
#: fitted on bomb + migrants + kazakhstan it finds no better point (0.76; the other half stays 0.13).
#: The hand values are kept: tuned values do not carry to the stories they were not fitted on.
W_VALUE_MEETS = 2.0  # the two intervals meet
CONFLICT_SHARE = 0.5  # share of W_VALUE_APART left when the reports name one thing
VALUE_FAR = 2.0  # two values further apart than this ratio meet only through an open bound
W_VALUE_APART = 4.0  # they do not (a conflict needs the rest of the evidence to agree)
W_NOUN_SAME = 4.0  # the same counted noun ("rifles"/"rifle")
GENERIC_NOUN_SHARE = 0.25  # share of W_NOUN_SAME two equal generic nouns ("people"/"people") earn
W_NOUN_DIFF = 4.0  # two different counted nouns
W_MODIFIER = 0.5  # per shared modifier of the noun ("ak-47", "outboard"), at most two
W_PRED_SAME = 2.0  # the same predicate class ("captured"/"arrested": detained)
W_PRED_DIFF = 2.0  # two different predicates
W_PRED_VERB = 0.5  # two different verbs outside the classes ("surrounded"/"closing")
W_SIDE_DIFF = 0.75  # who is counted differs (security forces / protesters / civilians)
W_CONTEXT = 2.0  # times the Jaccard overlap of the two sentences' content words
W_SCOPE_DIFF = 1.5  # both name places or holders, and none in common
W_TIME_DIFF = 0.5  # both dated, to different years or periods
W_TIME_ONE = 1.0  # one is dated to another period, the other is not dated
W_SUBGROUP = 1.75  # one is a subgroup ("of whom 12"), the other is not
W_PERSON_DIFF = 4.5  # two ages of different people
W_CLAUSE_SAME = 1.0  # two casualty counts of one event and side read from their clauses
W_CLAUSE_DIFF = 50.0  # two casualty counts of different events or sides
LINK_THRESHOLD = 1.0  # average link two groups need to merge
#: Two different counted nouns whose word embeddings (the shipped MiniLM) are at least this similar
#: count the same things ("rifles"/"guns" 0.81, "planes"/"aircraft" 0.84, "boats"/"ships" 0.60);
#: below ``NOUN_SIM_DIFF`` they count different things ("shops"/"banks" 0.35, "pirates"/"rifles" 0.28).
NOUN_SIM_SAME = 0.6
NOUN_SIM_DIFF = 0.45

#: Two nouns corefer in a story when two articles count them with the same distinctive number
#: (at least this) under the same predicate class ("captured 23 pirates", "nabbed 23 sea brigands").
COREFER_MIN_VALUE = 10
W_NOUN_COREFER = 2.0  # link weight of two coreferent nouns
#: Without an event verb on either side, two nouns corefer only over a number at least this large
#: (a small count such as "20 schools" / "20 clinics" is shared by chance). Set by hand on
#: kazakhstan ("about 2,500 personnel" / "the 2,500 men", the only pair it joins there); on bomb,
#: heist, migrants, pirates and riots, not looked at while setting it, the scores are the same at 10
#: and at 100 and no trap is grouped.
COREFER_BARE_MIN_VALUE = 100
#: Two bounds on one side ("at least 2", "at least 70") further apart than this ratio are two counts
#: (an incident and the whole), not one count that grew. Fitted on riots ("at least two people"
#: injured in one clash vs "at least 70", ratio 35: a trap) and migrants ("more than 150" then "more
#: than 600" crossed, ratio 4: one rising count); bomb, heist, kazakhstan and pirates, not looked at
#: while fitting, keep their scores (no pair of theirs is affected).
MINIMUMS_FAR = 10.0
SMALL_VALUE_SHARE = 0.25
#: Share of W_VALUE_MEETS a point and a bound earn when they meet only through the bound ("took 23
#: into custody" and "at least 17 of the hijacked ships"). Fitted on pirates (10/24, B3 0.88 at any
#: value from 0 to 0.75; 1.0 gives 9/24, B3 0.85); bomb, heist, kazakhstan, migrants and riots, not
#: looked at while fitting, score the same at 0, 0.25, 0.5 and 0.75.
OPEN_SHARE = 0.5


_ROUNDED = re.compile(r"(?<![\d.,])(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s*"
                      r"(?:million|billion|trillion|bn)\b", re.I)


# What is counted. Priority order: events first (a number of people *killed* is a death toll even
# when the clause also says "personnel"), then things, then bare head counts.
_CATEGORY_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("killed", ("kill", "dead$", "death", "die$", "died$", "victim", "fatalit", "slain",
                "murder", "eliminat", "perish", "lost their lives", "toll$")),
    ("injured", ("injur", "wound", "hurt", "hospitali")),
    ("arrested", ("arrest", "detain", "detention", "custody", "jail", "imprison", "under arrest")),
    ("evacuated", ("evacuat",)),
    ("missing", ("missing", "unaccounted")),
    ("displaced", ("displac", "homeless", "evacuee", "refugee")),
]

KNOWN_CATEGORIES = frozenset([c for c, _ in _CATEGORY_WORDS] + ["people", "money", "duration", "age", "percent"])

#: Words that may stand between a number and the word saying what it counts ("18 police and
#: National Guard personnel were killed"); besides these, names and people words, at most
#: ``MAX_OTHER_WORDS`` others ("at least 3 thousand under arrest"), so that "a magnitude 7.8
#: earthquake that killed" does not make 7.8 a death toll.
_BETWEEN_OK = frozenset(("were", "was", "have", "has", "had", "been", "are", "is", "be", "and", "or", "other",
                         "others", "more", "people", "persons", "reportedly", "also", "all", "later", "being"))


MAX_OTHER_WORDS = 1

# Categories where who is counted does not split the group (everyone arrested is one count).
_SIDE_FREE = {"arrested", "evacuated", "money", "duration"}

# What a sum of money is, from the words of its clause (else its sentence): subject -> words. A
# loss word comes first: "lost revenue" and "lost $14m in fees" are losses, "revenue" alone is not.
# Set by reading the money figures of the bundled sample and of ECB+ topics 8 and 13.
_MONEY_SUBJECTS: list[tuple[str, tuple[str, ...]]] = [
    ("losses", ("lose$", "loses", "lost$", "losing", "loss", "forgone", "forgo")),
    ("trade", ("trade$", "goods", "cargo", "commerce", "shipment", "deliveries", "exports$", "imports$",
               "freight")),
    ("revenue", ("revenue", "fee$", "income", "earning", "receipts", "sales")),
    ("damage", ("damage",)),
    ("cost", ("cost$", "costs", "costing", "bill$", "spend", "spent", "budget")),
    ("aid", ("aid$", "assistance", "donat", "relief")),
    ("fines", ("fine$", "fined", "penalt")),
    ("price", ("price$", "prices", "priced")),
]

#: How far (characters) from a sum its subject words are looked for, within its sentence.
MONEY_SUBJECT_CHARS = 300



# Counted nouns that name the same things: "369 vessels" and "about 420 ships" count ships.
_NOUN_SYNONYMS = {"vessel": "ship", "boat": "ship", "tugboat": "tug", "ton": "tonne", "meter": "metre",
                  "liter": "litre", "kilometer": "kilometre"}


# Words right after a number that make it an increment, not a total ("two more tugs", "three
# additional flights"); "another three" and "a further 20" say the same before it.
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra|further|fresh)\s+(?!than\b|(?:were|was|have|had|are|is)\b)"
                              r"[a-z]", re.I)


_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)

# Who is counted: side -> {framing -> words}.
_SIDE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "security forces": {
        "security": ("police", "officer", "guard$", "guardsm", "security force", "security personnel", "soldier",
                     "servicem", "troops", "law enforcement", "army$", "national guard",
                     "policem"),
    },
    "protesters": {
        "protesters": ("demonstrator", "protester", "protestor", "activist"),
        "criminals": ("criminal", "bandit", "terrorist", "militant", "rioter", "looter", "extremist",
                      "insurgent", "gunmen", "thug"),
    },
    "civilians": {
        "civilians": ("civilian", "bystander", "resident", "passer"),
    },
    "people": {
        "people": ("people$", "person$", "citizen"),
    },
}

_VAGUE = re.compile(r"^\s*(?:\w+\s+)?(?:dozens|hundreds|thousands|scores|several|a few|few|many|some)\b"
                    r"(?!\s+\d)", re.I)


_DURATION = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months",
             "year": "years", "decade": "decades"}


_CLAUSE_END = re.compile(r"[.;:!?()\n]|,\s|\s[-–—]\s")


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
        m = _word_regex(w).search(low)
        if m and (best[0] < 0 or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def _find_words(window: str, words: Sequence[str]) -> int:
    """Position of the first of ``words`` in ``window`` (word-prefix match), or -1."""
    return _find_span(window, words)[0]


def canonical_category(words: str | None) -> str | None:
    """The category this module groups by for a word or phrase ("victims" -> "killed"), or None."""
    if not words:
        return None
    low = words.lower().strip()
    for cat in ("money", "duration", "age"):
        if low == cat:
            return cat
    hits = [(pos, i, cat) for i, (cat, ws) in enumerate(_CATEGORY_WORDS)
            if (pos := _find_words(low, ws)) >= 0]
    return min(hits, key=lambda h: (h[1], h[0]))[2] if hits else None


def canonical_side(words: str | None) -> tuple[str, str] | None:
    """(side, framing) for a phrase naming who is counted ("armed criminals" -> protesters/criminals)."""
    if not words:
        return None
    best: tuple[int, str, str] | None = None
    for side, frames in _SIDE_WORDS.items():
        for frame, ws in frames.items():
            pos = _find_words(words, ws)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, side, frame)
    return (best[1], best[2]) if best else None


@dataclass
class _Reading:
    """What one figure counts, as read from its clause."""

    figure: Figure
    article: str
    order: int  # position of the article in the story
    category: str | None
    side: str | None
    framing: str | None
    label: str | None  # the words saying who/what is counted, as written
    unit: str | None
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    rest: list[str] = field(default_factory=list)  # categories left in the clause ("killed and wounded")
    published: datetime | None = None
    published_sure: bool = False
    end: int = -1  # end of the reported phrase ("26 armed criminals were killed")
    apart: str = ""  # set when the figure cannot be compared with other articles' (see _apart)
    increment: bool = False  # counts an addition ("two more tugs"), compared only with additions
    measured: str | None = None  # what a measure measures: "ship" in "a 400-metre ship", "depth"
    start: int = -1  # start of the reported phrase, when it starts before the figure ("Alexis Grigoropoulos, 15")
    base: float | None = None  # the value in its dimension's base unit (metres, days), when converted


def qualifier_class(qualifier: str | None) -> str:
    """The kind of bound a qualifier makes: more, atleast, less, atmost, almost, about, exact."""
    q = (qualifier or "").lower()
    if not q.strip():
        return "exact"
    table = [
        ("atleast", ("at least", "minimum", "no fewer than", "no less than", "not less than")),
        ("atmost", ("at most", "up to", "no more than", "maximum", "not more than")),
        ("almost", ("almost", "nearly", "just under", "close to", "short of", "approaching")),
        ("more", ("more than", "over", "above", "exceed", "overcome", "upwards of", "in excess of",
                  "greater than", "beyond", "plus")),
        ("less", ("less than", "fewer than", "under", "below")),
        ("about", ("about", "around", "some", "approximately", "roughly", "estimated", "~", "circa",
                   "approx", "or so")),
    ]
    for cls, words in table:
        if any(re.search(r"(?<![a-z])" + re.escape(w), q) for w in words):
            return cls
    return "exact"


def figure_interval(value: float, qualifier: str | None, low: float | None = None,
                    high: float | None = None) -> tuple[float, float, bool, bool]:
    """``(low, high, low_open, high_open)`` of a figure (DESIGN rule 2).

    "more than 740" is (740, inf); "at least 3000" is [3000, inf); "almost 750" is [675, 750);
    "about 750" is the band 750 ± ``ABOUT_TOLERANCE``. An unknown qualifier keeps the extractor's
    ``low``/``high`` (None is open towards infinity).
    """
    cls = qualifier_class(qualifier)
    if cls == "more":
        return value, INF, True, True
    if cls == "atleast":
        return value, INF, False, True
    if cls == "less":
        return -INF, value, True, True
    if cls == "atmost":
        return -INF, value, True, False
    if cls == "almost":
        return value * (1 - ALMOST_SPAN), value, False, True
    if cls == "about":
        return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE), False, False
    if low is not None and high is not None and low < high and not qualifier:
        return low, high, False, False  # a range written without "between": "$14m to $15m"
    if qualifier and (low is not None or high is not None) and (low, high) != (value, value):
        lo = -INF if low is None else low
        hi = INF if high is None else high
        return lo, hi, low is None, high is None
    return value, value, False, False


def _is_year(fig: Figure) -> bool:
    digits = re.sub(r"\D", "", fig.text)
    return (not fig.unit and not fig.category and float(fig.value).is_integer()
            and 1800 <= fig.value <= 2100 and len(digits) == 4)


@dataclass
class _Clause:
    """What :func:`_read_figure` reads around one figure."""

    category: str | None = None
    side: str | None = None
    framing: str | None = None
    label: str | None = None
    unit: str | None = None
    rest: list[str] = field(default_factory=list)
    phrase_end: int = -1  # end of the words saying what is counted, right after the number
    noun: str | None = None  # the noun phrase right after the number, as written
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


def _word_end(text: str, pos: int) -> int:
    m = re.match(r"[\w'’-]*", text[pos:])
    return pos + (m.end() if m else 0)


def _read_figure(fig: Figure, text: str, neighbours: list[Figure]) -> _Clause:
    """Steps 1-3 of reading a figure: what it counts (category), whose (side, framing), as written."""
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
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
    out = _Clause(unit=fig.unit)
    # money, durations and ages are told by the unit or the word right after the number
    if fig.category == "money":  # the extractor read the currency (lang.en.currencies)
        out.category = "money"
    if out.category == "money" and out.unit and "/" not in out.unit:
        per = rate_after(text, fig.end, s1)  # "12 dollars a day": money per day, as the extractor reads it
        out.unit = f"{out.unit}/{per}" if per else out.unit
    if out.category is None:
        combined = own + low_after
        mm = re.search(r"(?:\d|[a-z])[\s-]+(minute|hour|day|week|month|year|decade)s?\b(-old|\s+old\b)?"
                       r"(\s+(?:ago|earlier|later|from now)\b)?", combined)
        if mm and mm.group(3) and mm.start(1) <= len(own) + 2:
            out.dated = True  # "30 months ago" dates something, it counts nothing
            return out
        if mm and mm.start(1) <= len(own) + 2:
            out.category = "age" if mm.group(2) else "duration"
            if not mm.group(2):
                out.unit = out.unit or _DURATION[mm.group(1)]
            if mm.end() > len(own):
                out.phrase_end = fig.end + mm.end() - len(own)
    if out.category is None and (fig.unit in ("%", "percent") or re.match(r"\s*(?:%|per ?cent\b)", low_after)
                                 or own.rstrip().endswith(("%", "percent"))):
        out.category, out.unit = "percent", "%"
        sign = re.match(r"\s*(?:%|per ?cent\b)", low_after)
        if sign:
            out.phrase_end = fig.end + sign.end()
        mm = re.match(r"\s*(?:(?:%|per ?cent)\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?([a-z][\w'-]*)"
                      r"(?:\s+([a-z][\w'-]*))?", low_after)
        what = mm.group(1) if mm else next(iter(_content_stems(before)), None)
        out.label = (" ".join(w for w in mm.groups() if w and w not in _STOP and w not in _VERBS) or None) if mm \
            else (_WORD.findall(before)[0] if what and _WORD.findall(before) else None)
        out.noun = f"percent:{_noun_key(what)}" if what else "percent"
        return out
    if out.category is None and re.match(r"\s*,", text[fig.end:fig.end + 2]) and re.search(
            r"(president|leader|minister|man|woman|he|she),\s*$", text[max(s0, fig.start - 30):fig.start], re.I):
        out.category = "age"
    if out.category is None:
        found_all = [(i, _find_words(low_after, ws), cat) for i, (cat, ws) in enumerate(_CATEGORY_WORDS)]
        found = [f for f in found_all if f[1] >= 0 and _close_enough(after[: f[1]])]
        if found:
            found.sort()
            out.category = found[0][2]
            out.read_after = True
            if out.category in _EVENTS:
                out.event_at = found[0][1]
            span_end = _find_span(low_after, dict(_CATEGORY_WORDS)[out.category])[1]
            out.phrase_end = _word_end(text, fig.end + span_end)
            # the other event categories of the clause, in text order ("killed and wounded")
            out.rest = [c for _, p, c in sorted(found_all, key=lambda f: f[1]) if p > found[0][1]
                        and c != out.category and c in ("killed", "injured", "arrested")]
        else:
            found = [(i, _find_words(before.lower(), ws), cat) for i, (cat, ws) in enumerate(_CATEGORY_WORDS)]
            found = [f for f in found if f[1] >= 0]
            if found:
                found.sort()
                out.category = found[0][2]
    # 3. who is counted: the words after (before the verb: "three killed as rioters set fire"
    # does not count rioters), else the nearest such word before it in the sentence
    side = canonical_side(after[:out.event_at] if out.event_at >= 0 else after)
    out.label = out.noun = _label_words(after)
    if side is not None:
        pos = _find_words(low_after, [w for fr in _SIDE_WORDS[side[0]].values() for w in fr])
        if pos >= 0:
            out.phrase_end = max(out.phrase_end, _word_end(text, fig.end + pos))
        if out.category is None:
            out.category = "people"  # a bare head count: "20,000 bandits"
    elif out.label and out.phrase_end < 0 and out.category not in (None, "money", "duration", "age"):
        out.phrase_end = fig.end + low_after.find(out.label.lower()) + len(out.label)
    if side is None and out.category not in _SIDE_FREE:
        before_sent = text[s0:fig.start].lower()
        hits = []
        for sd, frames in _SIDE_WORDS.items():
            for frame, ws in frames.items():
                for w in ws:
                    for mm in re.finditer(_word_pattern(w), before_sent):
                        hits.append((mm.start(), sd, frame))
        if hits:
            pos, sd, frame = max(hits, key=lambda h: h[0])
            side = (sd, frame)
            out.label = _word_at(text[s0:fig.start], pos)
    if side:
        out.side, out.framing = side
    return out


_EVENTS = frozenset(("killed", "injured", "arrested", "missing", "displaced", "evacuated"))

_MODIFIERS = frozenset(("security", "police", "armed", "national", "law", "riot", "other", "civilian"))


def _word_at(text: str, pos: int) -> str:
    """The word at ``pos`` with a modifier before it ("police officers", "security forces")."""
    m = re.match(r"[\w'’-]+", text[pos:])
    word = m.group(0) if m else text[pos:pos + 20]
    prev = re.search(r"([\w'’-]+)\s+$", text[:pos])
    if prev and prev.group(1).lower() in _MODIFIERS:
        return f"{prev.group(1)} {word}"
    return word


_VERBS = frozenset(("were", "was", "have", "has", "had", "are", "is", "been", "be", "killed", "injured", "died",
                    "dead", "arrested", "detained", "wounded", "landed", "will", "by", "with",
                    "in", "on", "at", "to", "from", "under", "who", "that", "which", "for", "of", "as",
                    "before", "after", "until", "since", "when", "while", "it", "its", "they", "their",
                    "he", "she", "his", "her", "them", "than", "came", "arrived", "said", "says"))


def _label_words(after: str) -> str | None:
    """The noun phrase right after a number, as written, without the verb ("armed criminals")."""
    words: list[str] = []
    tokens = [t.strip(",.;:!?()-") for t in after.replace("“", " ").replace("”", " ").replace('"', " ").split()]
    for i, w in enumerate(tokens):
        if not w or w.lower() in _VERBS or len(words) >= 3 or canonical_category(w) in _EVENTS:
            break
        if w.lower() == "and":  # "police and National Guard", not "villages and killing"
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not (nxt[:1].isupper() or canonical_side(nxt)):
                break
        words.append(w)
    return " ".join(words) or None


def _readings(articles: Sequence[Article], extractions: Sequence[Extraction]) -> list[_Reading]:
    """Read every usable figure of the story (years and vague quantities are left out)."""
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    out: list[_Reading] = []
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        figs = sorted((f for f in ex.figures if 0 <= f.start < f.end <= len(art.text)), key=lambda f: f.start)
        prev: _Reading | None = None
        for fig in figs:
            if _is_year(fig) or _VAGUE.match(fig.text) or fig.value is None:
                continue
            clause = _read_figure(fig, art.text, figs)
            if clause.dated:
                continue
            category, side, framing, label = clause.category, clause.side, clause.framing, clause.label
            unit, rest = clause.unit, clause.rest
            # the extractor's reading first, where it names something known here
            ext_cat = (fig.category.lower() if fig.category and fig.category.lower() in KNOWN_CATEGORIES
                       else canonical_category(fig.category))
            if ext_cat and category not in ("money", "duration", "age", "percent") and not clause.read_after:
                category = ext_cat
            if category == "percent":
                category = clause.noun if clause.noun and clause.noun.startswith("percent") else "percent"
            ext_side = canonical_side(fig.subject) or canonical_side(fig.label)
            if ext_side and side is None:
                side, framing = ext_side
                label = label or fig.subject or fig.label
            same_sentence = prev is not None and _sentence_bounds(art.text, fig.start, fig.end)[0] <= prev.figure.start
            # 4. "About 750 others." and "18 injured" carry on the figure before them
            tail = art.text[fig.end:fig.end + 20].lower()
            if prev is not None and category is None and re.match(
                    r"\W*(?:others\b|other\b(?!\s+[a-z])|more\b(?=\s*(?:[.,;]|were\b|was\b|have\b|had\b|are\b)))",
                    tail):
                category = prev.rest[0] if prev.rest else prev.category
                side, framing = side or prev.side, framing or prev.framing
            elif prev is not None and same_sentence and side is None and category is not None \
                    and category not in _SIDE_FREE and prev.side is not None:
                side, framing, label = prev.side, prev.framing, label or prev.label
            measured = None
            if category is None and fig.category == "measure" and fig.unit:
                # "200,000 tons", "18 meters": a measure counted in its unit's own word
                word = _WORD.findall(fig.text)[-1:] or [fig.unit]
                category, label, measured = f"count:{_noun_key(word[0])}", word[0], _measured_thing(art.text, fig)
            if category is None:
                category, unit, label = _own_noun(art.text, fig, clause, unit, label)
                last = (label or "").split()[-1:]
                if category is not None and (re.match(r"-[a-z]", art.text[fig.end:fig.end + 2])
                                             or (last and last[0].lower() in MEASURE_UNITS)):
                    measured = _measured_thing(art.text, fig)
            if category is None:
                prev = None
                continue
            if category == "money":
                side_key = _money_subject(art.text, fig)  # "trade", "losses": sums of different things
                framing = None
            elif category in _SIDE_FREE or category.startswith(("count:", "percent")):
                side_key = None
            elif category == "age":
                side_key = _nearest_person(fig, ex, art.text) or fig.subject
            else:
                side_key = side or "people"
            if category == "age" and side_key is None:
                prev = None  # an age is compared only when we know whose it is
                continue
            lo, hi, lo_open, hi_open = figure_interval(float(fig.value), fig.qualifier, fig.low, fig.high)
            if (lo, hi) == (fig.value, fig.value) and _ROUNDED.search(fig.text):
                # "$1 million" is a rounded figure: it meets "more than $1 million"
                lo, hi = fig.value * (1 - ROUNDED_TOLERANCE), fig.value * (1 + ROUNDED_TOLERANCE)
            published, sure = _published(art, ex)
            reading = _Reading(fig, art.id, order, category, side_key, framing if side_key else None,
                               label or fig.label, unit, lo, hi, lo_open, hi_open, rest, published, sure)
            reading.end = _phrase_end(art.text, fig, clause)
            reading.measured = measured
            if category == "money" and unit and "/" in unit:
                per = rate_span(art.text, fig.end, _sentence_bounds(art.text, fig.start, fig.end)[1])
                if per:  # the phrase runs to its rate: "$9.6bn of goods each day"
                    reading.end = max(reading.end, per[1])
            if fig.category == "measure" and fig.unit and category.startswith("count:"):
                reading.end = fig.end  # the unit ends the phrase: "about 220,000 tonnes"
            reading.increment = category not in ("money", "duration", "age", "percent") \
                and not category.startswith("percent") and _is_increment(art.text, fig)
            if category == "percent" or (category == "people" and side_key == "people"):
                # a share of we do not know what, a bare "four people": compared with nothing
                reading.apart = f"{art.id}:{fig.start}"
            out.append(reading)
            prev = reading
    return out


def _published(art: Article, ex: Extraction) -> tuple[datetime | None, bool]:
    """The article's publication date (else the one extraction anchored on) and whether it is known
    rather than inferred (only known dates can make a later report an update)."""
    if art.published is not None:
        when = art.published
        if when.tzinfo is not None:  # compare aware and naive dates alike: as naive UTC
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when, art.published_how in ("metadata", "text")
    anchored = getattr(ex, "published", None)
    if anchored is None:
        return None, False
    when = anchored if isinstance(anchored, datetime) else datetime(anchored.year, anchored.month, anchored.day)
    return when, getattr(ex, "published_how", "none") in ("metadata", "text")


def _own_noun(text: str, fig: Figure, clause: _Clause, unit: str | None,
              label: str | None) -> tuple[str | None, str | None, str | None]:
    """What no lexicon knows is counted in the source's own noun: "two more tugs" counts tugs,
    "a 400-metre ship" measures metres. Returns (category, unit, label) or Nones."""
    m = re.match(r"-([a-z]+)\b", text[fig.end:fig.end + 20])
    if m and m.group(1) not in ("old",):
        return f"count:{_noun_key(m.group(1))}", unit or m.group(1), m.group(1)
    if not clause.noun or _VAGUE.match(clause.noun):
        return None, unit, label
    words = clause.noun.split()
    for i, w in enumerate(words):
        if len(w) > 3 and w.endswith("s") and w[:1].islower() and w.lower() not in _STOP:
            key = _noun_key(w)
            if i and words[i - 1].lower() in ("cubic", "square"):
                key = f"{words[i - 1].lower()} {key}"  # "27,000 cubic metres" is a volume, not a length
            return f"count:{key}", unit, " ".join(words[: i + 1])
    return None, unit, label


def _noun_key(word: str) -> str:
    """Singular and plural of a counted noun alike: "tonnes"/"tonne", "tugs"/"tug"; synonyms
    (:data:`_NOUN_SYNONYMS`) alike: "vessels"/"ships"."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return _NOUN_SYNONYMS.get(w, w)


def _money_subject(text: str, fig: Figure) -> str | None:
    """What a sum of money is (:data:`_MONEY_SUBJECTS`): the first subject named in the figure's
    clause, else the one named nearest to it in its sentence; None when nothing says."""
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
    # bounded around the figure: a sentence of thousands of sums stays linear
    s0, s1 = max(s0, fig.start - MONEY_SUBJECT_CHARS), min(s1, fig.end + MONEY_SUBJECT_CHARS)
    sent = text[s0:s1].lower()
    at0, at1 = fig.start - s0, fig.end - s0
    cuts = list(_CLAUSE_END.finditer(sent))
    c0 = max((m.end() for m in cuts if m.end() <= at0), default=0)
    c1 = min((m.start() for m in cuts if m.start() >= at1), default=len(sent))
    best: tuple[bool, int, int, str] | None = None
    for i, (subject, words) in enumerate(_MONEY_SUBJECTS):
        for w in words:
            for m in re.finditer(_word_pattern(w), sent):
                if at0 <= m.start() < at1:
                    continue
                outside = not (c0 <= m.start() < c1)
                dist = at0 - m.end() if m.end() <= at0 else m.start() - at1
                key = (outside, 0 if outside else i, dist, subject)
                if best is None or key < best:
                    best = key
    return best[3] if best else None


def _measured_thing(text: str, fig: Figure) -> str | None:
    """What a measure measures: the noun after "400-metre" ("ship"), or the one before "of" in "a
    depth of 18 metres"; None when the words do not say."""
    m = re.match(r"-[a-z]+\s+([a-z]+)", text[fig.end:fig.end + 40])
    if m and m.group(1) not in _STOP:
        return _noun_key(m.group(1))
    m = re.search(r"\b([a-z]+)\s+of\s+(?:about\s+|some\s+|around\s+)?$", text[max(0, fig.start - 40):fig.start])
    if m and m.group(1) not in _STOP:
        return _noun_key(m.group(1))
    return None



def _is_increment(text: str, fig: Figure) -> bool:
    """Whether a figure counts an addition rather than a total ("two more tugs", "another three")."""
    if fig.qualifier:
        return False
    return bool(_INCREMENT_AFTER.match(text, fig.end)
                or _INCREMENT_BEFORE.search(text, max(0, fig.start - 20), fig.start))


_MONEY_WORDS = frozenset(("million", "billion", "thousand", "trillion", "dollars", "dollar", "euros", "euro",
                          "pounds", "pound", "roubles", "rubles", "yuan", "bn", "m", "us", "every", "per",
                          "a", "an", "each"))


_DURATION_WORDS = frozenset([*_DURATION, *_DURATION.values(), "month-long", "year-long", "long", "old"])


def _phrase_end(text: str, fig: Figure, clause: _Clause) -> int:
    """Where the reported phrase ends: after what is counted, or after the label right after it."""
    if clause.phrase_end > fig.end:
        return clause.phrase_end
    if clause.label:
        at = text.find(clause.label, fig.end, fig.end + 40)
        if at >= 0 and not text[fig.end:at].strip(" “”\"'-"):
            return at + len(clause.label)
    return fig.end


# A word that opens another clause: a name on its far side is not the one an age belongs to ("the
# neighbourhood of Exarchia, where the 15-year-old was killed").
_CLAUSE_WORD = re.compile(r"\b(?:where|which|when|while|whose|because|although|after|before)\b", re.I)


def _nearest_person(fig: Figure, ex: Extraction, text: str) -> str | None:
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
    people = [m for m in ex.mentions if m.type == "PERSON" and s0 <= m.start < s1
              and not _CLAUSE_WORD.search(text[min(m.end, fig.end):max(m.start, fig.start)])]
    if not people:
        return None
    m = min(people, key=lambda m: min(abs(m.start - fig.end), abs(fig.start - m.end)))
    if min(abs(m.start - fig.end), abs(fig.start - m.end)) > AGE_PERSON_CHARS:
        return None
    return m.entity or m.text


def _meets(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> tuple[float, float, bool, bool] | None:
    """The intersection of two intervals, or None when they are disjoint."""
    if a[0] > b[0] or (a[0] == b[0] and a[2]):
        lo, lo_open = a[0], a[2]
    else:
        lo, lo_open = b[0], b[2]
    if a[1] < b[1] or (a[1] == b[1] and a[3]):
        hi, hi_open = a[1], a[3]
    else:
        hi, hi_open = b[1], b[3]
    if lo > hi or (lo == hi and (lo_open or hi_open)):
        return None
    return lo, hi, lo_open, hi_open


def _interval(r: _Reading) -> tuple[float, float, bool, bool]:
    return r.low, r.high, r.low_open, r.high_open


def _contains(iv: tuple[float, float, bool, bool], v: float) -> bool:
    lo, hi, lo_open, hi_open = iv
    return (lo < v or (lo == v and not lo_open)) and (v < hi or (v == hi and not hi_open))


def verdict_of(reports: Sequence[_Reading]) -> tuple[Verdict, tuple[float, float] | None]:
    """The verdict of a group and its common interval (DESIGN rule 2).

    1. one article: single-source;
    2. one value that every report's interval holds: agree;
    3. all intervals meet: consistent (the common interval is returned);
    4. in publication order (dates known, not inferred), each report meets the one before it, or
       comes on a later day open upwards from above it
       ("369 vessels" on the 28th, "more than 400 ships" on the 29th): consistent, an update, and
       the latest report's interval is returned;
    5. otherwise: conflict (the range of the values is returned).
    """
    if len({r.article for r in reports}) <= 1:
        r = reports[0]
        return "single-source", (r.low, r.high)
    values = {r.base if r.base is not None else float(r.figure.value) for r in reports}
    if len(values) == 1:
        v = next(iter(values))
        # the same number, each report holding it or all bounding it alike ("more than 500,000" twice)
        if all(_contains(_interval(r), v) for r in reports) or \
                len({qualifier_class(r.figure.qualifier) for r in reports}) == 1:
            return "agree", (v, v)
    common: tuple[float, float, bool, bool] | None = _interval(reports[0])
    for r in reports[1:]:
        common = _meets(common, _interval(r)) if common else None
    if common is not None:
        return "consistent", (common[0], common[1])
    if all(r.published_sure and r.published for r in reports):
        ordered = sorted(reports, key=lambda r: r.published)  # type: ignore[arg-type,return-value]
        ok = True
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            raised = (later.published and earlier.published and later.published.date() > earlier.published.date()
                      and later.high == INF and later.low >= earlier.high)
            # each step either meets the report before it or raises its lower bound
            if not (raised or _meets(_interval(earlier), _interval(later))):
                ok = False
                break
        if ok:
            return "consistent", (ordered[-1].low, ordered[-1].high)
    vals = sorted(values)
    return "conflict", (vals[0], vals[-1])


def _common(reports: Sequence[_Reading]) -> tuple[float, float, bool, bool] | None:
    """The interval every report's interval holds, or None when they do not all meet."""
    common: tuple[float, float, bool, bool] | None = _interval(reports[0])
    for r in reports[1:]:
        common = _meets(common, _interval(r)) if common else None
    return common









def _apart(readings: list[_Reading]) -> list[_Reading]:
    """Keep a total that is smaller than its own article's parts away from other articles' totals.

    A count of "people" killed (or injured) is a total; when the same article counts more than
    that for the sides it names (26 demonstrators and 18 police killed, but "three deaths"), the
    figure is not that story's total (a garbled translation, a different event) and is shown on
    its own rather than set against other sources' totals.
    """
    parts: dict[tuple[str, str | None], float] = defaultdict(float)
    for r in readings:
        if r.side not in (None, "people"):
            parts[(r.article, r.category)] += float(r.figure.value)
    for r in readings:
        if r.side == "people" and r.category in ("killed", "injured", "arrested") \
                and parts.get((r.article, r.category), 0.0) > r.high:
            r.apart = r.article
    return readings



# ---------------------------------------------------------------------------------------------
# Grouping by meaning: figures read once in extract (extract.reading), compared pairwise.
# ---------------------------------------------------------------------------------------------

# Unit vectors of counted nouns, kept per process (nouns recur across stories).
_NOUN_VECTORS: dict[str, Any] = {}
NOUN_VECTOR_CACHE = 50_000

# Similarities of the counted nouns of the story being grouped (set by :func:`_noun_similarities`).
_NOUN_SIMILARITY: dict[tuple[str, str], float] = {}
# Noun pairs that corefer in the story being grouped (set by :func:`_coreferent_nouns`).
_NOUN_COREFER: set[tuple[str, str]] = set()


@dataclass
class _Read:
    """One figure report as the grouping sees it."""

    reading: _Reading
    dim: str
    noun: str | None
    mods: frozenset[str]
    pred: str | None
    side: str | None
    scope: frozenset[str]
    time: str | None
    subgroup: bool
    context: frozenset[str]
    person: str | None = None
    clause: tuple[str, str] | None = None  # (event, side) of a casualty count read from its clause


# The clause reading's event categories as predicate classes.
_EVENT_CLASSES = {"killed": "killed", "injured": "injured", "arrested": "detained", "evacuated": "evacuated",
                  "missing": "missing", "displaced": "evacuated"}


def _base(fig: Figure, v: float) -> float:
    from synoptic.extract.reading import base_value

    if v in (INF, -INF):
        return v
    out = base_value(fig, v)
    return v if out is None else out


def _reads(articles: Sequence[Article], extractions: Sequence[Extraction]) -> list[_Read]:
    """Every usable figure of the story as a :class:`_Read` (years, vague quantities, dates and
    times of day are left out)."""
    from synoptic.extract.reading import dimension_of, read_figures

    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    for ex in extractions:
        if ex.article in by_id and any(f.dimension is None for f in ex.figures):  # extracted before reading existed
            read_figures(by_id[ex.article][1].text, ex.figures)
    # the clause reading: who is counted (security forces, protesters ...) and the event words
    # that the sentence spreads over a list ("18 killed and 700 others injured")
    clause = {(r.article, r.figure.start): r for r in _apart(_readings(articles, extractions))}
    out: list[_Read] = []
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        figs = sorted((f for f in ex.figures if 0 <= f.start < f.end <= len(art.text)), key=lambda f: f.start)
        prev_fig: Figure | None = None
        for fig in figs:
            if _is_year(fig) or _VAGUE.match(fig.text) or fig.value is None or fig.category == "time":
                continue
            if prev_fig is not None and _is_conversion(art.text, prev_fig, fig):
                continue  # "200 million euros ($265.3 million)": the same sum converted, not a claim
            prev_fig = fig
            if re.match(r"\s+(?:ago|earlier|before|later)\b", art.text[fig.end:fig.end + 10], re.I):
                continue  # "30 months ago": when, not how much
            if re.match(r"\s*(?:hrs|hours?\s+(?:ist|gmt|utc|local))\b", art.text[fig.end:fig.end + 12], re.I) \
                    or re.fullmatch(r"[012]\d[0-5]0 hours", fig.text):
                continue  # "1100 hrs", "1230 hours": a time of day
            dim = fig.dimension or dimension_of(fig)
            lo, hi, lo_open, hi_open = figure_interval(float(fig.value), fig.qualifier, fig.low, fig.high)
            if (lo, hi) == (fig.value, fig.value) and _ROUNDED.search(fig.text):
                lo, hi = fig.value * (1 - ROUNDED_TOLERANCE), fig.value * (1 + ROUNDED_TOLERANCE)
            lo, hi = _base(fig, lo), _base(fig, hi)
            base = _base(fig, float(fig.value))
            published, sure = _published(art, ex)
            old = clause.get((art.id, fig.start))
            side = (old.side, old.framing) if old is not None and old.side else canonical_side(fig.counted or fig.label)
            label = (old.label if old is not None else None) or fig.counted or fig.label
            r = _Reading(fig, art.id, order, fig.predicate, side[0] if side else None, side[1] if side else None,
                         label, fig.unit, lo, hi, lo_open, hi_open, [], published, sure)
            if old is not None and old.apart and old.apart == art.id:
                r.apart = old.apart
            r.base = base
            r.end = _report_end(art.text, fig)
            if dim == "age":
                r.end = max(r.end, _person_after(art.text, fig, ex))
            r.start = _report_start(art.text, fig, ex)
            r.increment = _is_increment(art.text, fig)
            person = _nearest_person(fig, ex, art.text) if dim == "age" else None
            # a unit's own word ("euros", "miles", "per cent") says nothing of what is counted
            if dim not in ("count", "percent", "duration", "age") and not dim.startswith("money:") and fig.noun:
                r.measured = fig.noun  # "the 300-metre bridge": a measure of the bridge
            noun = fig.noun if dim in ("count", "percent") else None
            mods = frozenset(fig.modifiers) if dim in ("count", "percent") else frozenset()
            if dim.startswith("money:") and fig.unit and "/" in fig.unit:
                dim = f"money:{fig.unit}"  # a sum per day is not compared with a sum per hour
            pred = None if dim in ("age", "duration") else fig.predicate
            clause_key = None
            if dim.startswith("money:") and old is not None and old.side:
                clause_key = ("money", old.side)  # what the sum is: losses, trade, damage, aid ...
            if old is not None and old.category in _EVENT_CLASSES and (pred not in PREDICATE_CLASSES
                                                                     or fig.noun is None):
                # the clause reading carries an event word over a list ("18 killed, 700 others injured")
                pred = _EVENT_CLASSES[old.category]
                clause_key = (pred, old.side or "people")
            elif old is not None and old.category in _EVENT_CLASSES and pred == _EVENT_CLASSES[old.category]:
                clause_key = (pred, old.side or "people")
            out.append(_Read(r, dim, noun, mods, pred, r.side,
                             frozenset((fig.scope or "").split()), fig.time_ref, fig.subgroup,
                             frozenset(fig.context), person, clause_key))
    return out


def _is_conversion(text: str, before: Figure, fig: Figure) -> bool:
    """Whether ``fig`` restates ``before`` in another unit, in brackets right after it."""
    between = text[before.end:fig.start]
    if not re.fullmatch(r"\s*[(\[]\s*(?:about|around|approx\.?|approximately|roughly|some|or|nearly|almost)?\s*",
                        between, re.I):
        return False
    kinds = {before.category, fig.category}
    return kinds == {"money"} or kinds == {"measure"}


def _report_start(text: str, fig: Figure, ex: Extraction) -> int:
    """Where a report's phrase starts: at the name an age follows ("Alexis Grigoropoulos, 15"),
    else at the figure."""
    if fig.category == "age":
        for m in ex.mentions:
            if m.type == "PERSON" and m.end <= fig.start and re.fullmatch(r",\s*(?:both\s+|aged\s+)?",
                                                                          text[m.end:fig.start]):
                return m.start
    return fig.start


def _person_after(text: str, fig: Figure, ex: Extraction) -> int:
    """The end of the name an age stands before ("15-year-old, Michalis Kaltezas"), else -1: the
    report then says whose age it is."""
    for m in ex.mentions:
        if m.type == "PERSON" and m.start >= fig.end and re.fullmatch(r"[\w-]*,?\s*", text[fig.end:m.start]):
            return m.end
    return -1


def _report_end(text: str, fig: Figure) -> int:
    """Where a report's phrase ends: after the counted noun when it follows the number closely
    (and no other number stands between), else after an event word right after it ("18 injured"),
    else at the end of the figure."""
    if fig.category == "money" and fig.unit and "/" in fig.unit:
        per = rate_span(text, fig.end, _sentence_bounds(text, fig.start, fig.end)[1])
        if per:  # the phrase runs to its rate: "$9.6bn of goods each day"
            return per[1]
    if not fig.counted:
        m = re.match(r"\s+([a-z]+)\b", text[fig.end:fig.end + 30])
        if m and predicate_class(m.group(1)):
            return fig.end + m.end()
    if fig.counted and fig.counted.startswith(fig.text[:1]) and text.startswith(fig.counted, fig.start):
        end = fig.start + len(fig.counted)
        between = text[fig.end:end]
        cut = re.search(r"\s+(?:and|or|,)?\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
                        between, re.I)
        if cut:
            end = fig.end + cut.start()
        return max(end, fig.end)
    return fig.end


def _base_of(r: _Read) -> float:
    """A report's value in its dimension's base unit (metres, days), else as written."""
    return r.reading.base if r.reading.base is not None else float(r.reading.figure.value)


def _same_side(a: _Read, b: _Read) -> bool:
    """Whether two reports are both open upwards ("at least") or both open downwards ("up to")."""
    return a.reading.high == b.reading.high == INF or a.reading.low == b.reading.low == -INF


def link_score(a: _Read, b: _Read) -> float | None:
    """How much the evidence says two reports count the same thing (positive: the same; None:
    never, another dimension or currency)."""
    if a.dim != b.dim or a.reading.increment != b.reading.increment:
        return None
    va, vb = _base_of(a), _base_of(b)  # in base units: "two decades" and "20 years" are one value
    if not _meets(_interval(a.reading), _interval(b.reading)):
        # numbers that disagree count against less where the reports say they count one thing
        # (one specific noun, or one casualty event and side): that is what a conflict looks like
        same_thing = (a.clause is not None and a.clause == b.clause) or (
            a.dim == "count" and a.noun is not None and b.noun is not None and a.noun not in GENERIC_NOUNS
            and (a.noun == b.noun or _NOUN_SIMILARITY.get((a.noun, b.noun), 0.0) >= NOUN_SIM_SAME)
            and not (a.pred in PREDICATE_CLASSES and b.pred in PREDICATE_CLASSES and a.pred != b.pred))
        s = -W_VALUE_APART * (CONFLICT_SHARE if same_thing else 1.0)
    elif min(va, vb) > 0 and (max(va, vb) / min(va, vb) > VALUE_FAR or (
            max(va, vb) / min(va, vb) == VALUE_FAR and not _same_side(a, b))):
        # (at exactly VALUE_FAR, "less than 5,000" says nothing of "about 2,500"; two minimums
        # "more than 200" then "more than 400" arrested are one count that grew)
        if max(va, vb) / min(va, vb) > MINIMUMS_FAR and _same_side(a, b):
            # "at least two people injured" and "at least 70": two minimums that far apart are two
            # counts (an incident and the whole), not one count twice
            s = -W_VALUE_APART
        else:
            s = 0.0  # "less than 5,000" holds 75, but says nothing of it
    elif va != vb and INF in (a.reading.high, b.reading.high, -a.reading.low, -b.reading.low) \
            and not _same_side(a, b):
        s = W_VALUE_MEETS * OPEN_SHARE  # "at least 17" holds 23, but a number written twice says more
    else:
        s = W_VALUE_MEETS
    if a.noun and b.noun:
        if a.noun == b.noun:
            s += W_NOUN_SAME * (GENERIC_NOUN_SHARE if a.noun in GENERIC_NOUNS else 1.0)
        elif a.noun.startswith(b.noun + " and ") or b.noun.startswith(a.noun + " and "):
            s -= W_NOUN_DIFF  # "passengers and crew" is a union: not the passengers alone
        elif a.noun in b.mods or b.noun in a.mods:
            s += W_NOUN_SAME / 2
        elif (a.noun, b.noun) in _NOUN_COREFER:
            s += W_NOUN_COREFER
        else:
            sim = _NOUN_SIMILARITY.get((a.noun, b.noun), 0.0)
            if sim >= NOUN_SIM_SAME and (min(va, vb) >= COREFER_MIN_VALUE or a.context & b.context):
                s += W_NOUN_SAME * sim
            elif sim >= NOUN_SIM_SAME and s > 0:
                # "two teenaged children", "two daughters": a small number, two related nouns and
                # sentences with nothing else in common are two families; the number agrees by chance
                s *= SMALL_VALUE_SHARE
            elif sim < NOUN_SIM_DIFF:
                s -= W_NOUN_DIFF
    s += W_MODIFIER * min(2, len(a.mods & b.mods))
    if a.pred and b.pred:
        if a.pred == b.pred:
            s += W_PRED_SAME
        elif a.pred in PREDICATE_CLASSES and b.pred in PREDICATE_CLASSES:
            s -= W_PRED_DIFF
        else:
            s -= W_PRED_VERB
    if a.side and b.side and a.side != b.side and "people" not in (a.side, b.side):
        s -= W_SIDE_DIFF
    if a.context or b.context:
        s += W_CONTEXT * len(a.context & b.context) / max(1, len(a.context | b.context))
    if a.scope and b.scope and not (a.scope & b.scope):
        s -= W_SCOPE_DIFF
    if a.time and b.time and a.time != b.time:
        s -= W_TIME_DIFF
    elif bool(a.time) != bool(b.time) and re.search(r"\d{4}|last", (a.time or b.time or "")):
        s -= W_TIME_ONE
    if a.subgroup != b.subgroup:
        s -= W_SUBGROUP
    if a.clause and b.clause:
        s += W_CLAUSE_SAME if a.clause == b.clause else -W_CLAUSE_DIFF
    if a.reading.measured and b.reading.measured and a.reading.measured != b.reading.measured \
            and _NOUN_SIMILARITY.get((a.reading.measured, b.reading.measured), 0.0) < NOUN_SIM_DIFF:
        s -= W_NOUN_DIFF  # the length of a bridge and the depth of a river
    if a.reading.apart or b.reading.apart:
        s -= W_SIDE_DIFF
    if a.dim == "age" and a.person and b.person and a.person.split()[-1] != b.person.split()[-1]:
        s -= W_PERSON_DIFF
    return s


def _other_nouns(a: _Read, b: _Read) -> bool:
    """Whether two reports name different counted nouns: in one article that is two things
    ("a wife and two children" ... "two grown daughters"), not the figure repeated."""
    return a.noun is not None and b.noun is not None and a.noun != b.noun


def _cluster(reads: list[_Read]) -> list[list[_Read]]:
    """Average-link agglomerative clustering, per dimension: the two groups with the best average
    link merge first, while it reaches ``LINK_THRESHOLD``. Two reports of one article share a group
    only as a repeat of one figure (the same value, linked above the threshold)."""
    import heapq

    by_dim: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reads):
        by_dim[r.dim].append(i)
    out: list[list[_Read]] = []
    for idx in by_dim.values():
        members: dict[int, list[int]] = {i: [i] for i in idx}
        sums: dict[tuple[int, int], float] = {}
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                sc = link_score(reads[i], reads[j])
                ri, rj = reads[i].reading, reads[j].reading
                if sc is None or (ri.article == rj.article and (ri.figure.value != rj.figure.value
                                                                 or sc < LINK_THRESHOLD
                                                                 or _other_nouns(reads[i], reads[j]))):
                    sc = -INF
                sums[(i, j)] = sc
        heap = [(-sc, i, j) for (i, j), sc in sums.items() if sc >= LINK_THRESHOLD]
        heapq.heapify(heap)
        while heap:
            neg, g, h = heapq.heappop(heap)
            if g not in members or h not in members:
                continue
            avg = sums[(g, h)] / (len(members[g]) * len(members[h]))
            if abs(avg + neg) > 1e-9:
                continue  # stale
            # merge h into g; the sum of links to every other group adds up
            for k in list(members):
                if k in (g, h):
                    continue
                gk = sums.pop((min(g, k), max(g, k)), -INF)
                hk = sums.pop((min(h, k), max(h, k)), -INF)
                total = gk + hk
                sums[(min(g, k), max(g, k))] = total
            sums.pop((g, h), None)
            members[g].extend(members.pop(h))
            for k in members:
                if k == g:
                    continue
                key = (min(g, k), max(g, k))
                a = sums[key] / (len(members[g]) * len(members[k]))
                if a >= LINK_THRESHOLD:
                    heapq.heappush(heap, (-a, key[0], key[1]))
        out.extend([reads[i] for i in sorted(ms)] for ms in members.values())
    return out


#: Predicate classes named in a label after what is counted ("AK-47 rifles seized").
_LABEL_PREDICATES = frozenset(("killed", "injured", "detained", "missing", "evacuated", "seized", "stolen",
                               "damaged", "rescued"))
_MONEY_LABEL = {"losses": "losses", "trade": "value of trade", "revenue": "revenue", "damage": "damage",
                "cost": "cost", "aid": "aid", "fines": "fines", "price": "price"}
_UNIT_NAMES = {"km": "kilometres", "m": "metres", "mi": "miles", "nmi": "nautical miles", "ft": "feet",
               "t": "tonnes", "kg": "kilograms", "ha": "hectares", "l": "litres"}


def _counted_words(r: _Read) -> str | None:
    """The counted phrase of a report without its number and qualifier ("AK-47 assault rifles")."""
    c = r.reading.figure.counted
    if not c or r.reading.figure.text not in c:
        return None
    rest = c[c.index(r.reading.figure.text) + len(r.reading.figure.text):].strip(" -“”\"'")
    rest = re.sub(r"^(?:more|additional|extra|further|fresh|other)\s+", "", rest, flags=re.I)
    return " ".join(rest.split()) or None


def _label_of(group: list[_Read]) -> str:
    """What a group counts in plain words, from the sources' own words: "AK-47 assault rifles
    seized", "pirates detained", "losses per day", "percent (vote)", "metres (bridge)", "age of X"."""
    first = group[0]
    dim = first.dim
    if dim.startswith("money:"):
        unit = dim.split(":", 1)[1]
        per = f" per {unit.split('/', 1)[1]}" if "/" in unit else ""
        subject = next((r.clause[1] for r in group if r.clause and r.clause[0] == "money"), None)
        return f"{_MONEY_LABEL.get(subject, subject)}{per}" if subject else f"amount in {unit.split('/')[0]}{per}"
    if dim == "age":
        person = Counter(r.person for r in group if r.person).most_common(1)
        return f"age of {person[0][0]}" if person else "age"
    if dim == "percent":
        noun = Counter(" ".join([*sorted(r.mods), r.noun]) for r in group if r.noun).most_common(1)
        return f"percent ({noun[0][0]})" if noun else "percent"
    if dim == "duration":
        return "duration"
    if dim != "count":
        unit = first.reading.figure.unit or dim
        thing = Counter(r.reading.measured for r in group if r.reading.measured).most_common(1)
        name = _UNIT_NAMES.get(unit, unit)
        return f"{name} ({thing[0][0]})" if thing else name
    phrases = Counter(w.lower() for r in group if (w := _counted_words(r)))
    what = phrases.most_common(1)[0][0] if phrases else (first.noun or "")
    side = Counter(r.side for r in group if r.side and r.side != "people").most_common(1)
    if not phrases and side:
        what = side[0][0]
    pred = Counter(r.pred for r in group if r.pred in _LABEL_PREDICATES).most_common(1)
    label = f"{what} {pred[0][0]}" if pred and pred[0][0] not in what.split() else what
    label = label.strip() or "number"
    return ("additional " + label) if first.reading.increment else label


def fact_groups(articles: list[Article], extractions: list[Extraction]) -> list[FactGroup]:
    """The figure reports of a story grouped by meaning, each group with its verdict.

    Steps:
    1. read each figure once (extract.reading: dimension, counted noun, predicate, scope, time);
    2. link every two reports of one dimension (:func:`link_score`) and cluster them
       (:func:`_cluster`);
    3. verdict per group (:func:`verdict_of`); framing_differs when one count carries labels of
       different framings ("demonstrators" vs "armed criminals");
    4. order: groups given by two or more sources first, conflicts on top, then by support.
    """
    return _fact_groups_of(_reads(articles, extractions), articles)  # 1


group_figures = fact_groups


def _most(values: Iterable[str | None]) -> str | None:
    """The most frequent of ``values`` that is set, or None."""
    common = Counter(v for v in values if v).most_common(1)
    return common[0][0] if common else None


def _start(r: _Reading) -> int:
    return r.start if 0 <= r.start < r.figure.start else r.figure.start


def _noun_similarities(reads: list[_Read]) -> dict[tuple[str, str], float]:
    """Cosine similarity of every two counted nouns of a story, from the shipped sentence
    embedder (empty when none is installed: then only equal nouns match)."""
    nouns = sorted({r.noun for r in reads if r.noun} | {r.reading.measured for r in reads if r.reading.measured})
    if len(nouns) < 2:
        return {}
    try:
        import numpy as np

        from synoptic.embed import get_embedder

        todo = [n for n in nouns if n not in _NOUN_VECTORS]
        if todo:
            if len(_NOUN_VECTORS) > NOUN_VECTOR_CACHE:
                _NOUN_VECTORS.clear()
            for n, v in zip(todo, np.asarray(get_embedder().embed(todo), dtype=float), strict=True):
                _NOUN_VECTORS[n] = v / max(float(np.linalg.norm(v)), 1e-12)
        vecs = np.stack([_NOUN_VECTORS[n] for n in nouns])
    except Exception:  # no embedder: nouns compare by spelling only
        return {}
    sims = vecs @ vecs.T
    return {(a, b): float(sims[i, j]) for i, a in enumerate(nouns) for j, b in enumerate(nouns) if i != j}


def _coreferent_nouns(reads: list[_Read]) -> set[tuple[str, str]]:
    """Noun pairs two articles count with the same distinctive number under one predicate class."""
    seen: dict[tuple[str, float, str], set[tuple[str, str]]] = defaultdict(set)
    for r in reads:
        v = float(r.reading.figure.value)
        if r.noun and v >= COREFER_MIN_VALUE and r.dim == "count":
            # one predicate class ("captured" / "nabbed"), or no event verb on either side ("a force
            # of 2,500 personnel" / "can overcome the 2,500 men"): the number names the same group
            pred = r.pred if r.pred in PREDICATE_CLASSES else ""
            if pred or v >= COREFER_BARE_MIN_VALUE:
                seen[(r.dim, v, pred)].add((r.noun, r.reading.article))
    out: set[tuple[str, str]] = set()
    for items in seen.values():
        # two nouns one article counts with the same number are two things ("20 schools and 20 clinics")
        apart = {(n1, n2) for n1, a1 in items for n2, a2 in items if a1 == a2 and n1 != n2}
        for n1, a1 in items:
            for n2, a2 in items:
                if n1 != n2 and a1 != a2 and (n1, n2) not in apart:
                    out.add((n1, n2))
    return out


def _fact_groups_of(reads: list[_Read], articles: Sequence[Article]) -> list[FactGroup]:
    """Steps 2-4 of :func:`fact_groups`."""
    _NOUN_SIMILARITY.clear()
    _NOUN_SIMILARITY.update(_noun_similarities(reads))
    _NOUN_COREFER.clear()
    _NOUN_COREFER.update(_coreferent_nouns(reads))
    out: list[FactGroup] = []
    text_of = {a.id: a.text for a in articles}
    for cluster in _cluster(reads):  # 2
        group = [r.reading for r in cluster]
        group.sort(key=lambda r: (r.order, r.figure.start))
        verdict, bounds = verdict_of(group)  # 3
        update = verdict == "consistent" and _common(group) is None
        if update:
            group.sort(key=lambda r: (r.published or datetime.min, r.order, r.figure.start))
        # framing differs where one side is named in two ways ("demonstrators" / "armed criminals")
        frames: dict[str, set[str]] = defaultdict(set)
        for r in group:
            if r.side and r.framing and r.side != "people":
                frames[r.side].add(r.framing)
        # bounds are compared in base units (metres, kilograms, days); they are shown in the unit
        # each report gives (its own) and the group's unit (its first report's)
        reports = [FactReport(article=r.article,
                              text=text_of[r.article][_start(r):max(r.end, r.figure.end)],
                              start=_start(r), end=max(r.end, r.figure.end), value=float(r.figure.value),
                              qualifier=r.figure.qualifier, label=r.label,
                              low=None if r.low == -INF else r.low / _base(r.figure, 1.0),
                              high=None if r.high == INF else r.high / _base(r.figure, 1.0))
                   for r in group]
        first = cluster[0].reading.figure
        lo, hi = (b / _base(first, 1.0) for b in bounds) if bounds else (None, None)
        preds = Counter(r.pred for r in cluster if r.pred)
        sides = Counter(r.side for r in cluster if r.side)
        out.append(FactGroup(
            label=_label_of(cluster) + (" (over time)" if update else ""), verdict=verdict,
            framing_differs=any(len(f) > 1 for f in frames.values()),
            low=None if lo is None or lo == -INF else lo, high=None if hi is None or hi == INF else hi,
            category=preds.most_common(1)[0][0] if preds else first.category,
            subject=sides.most_common(1)[0][0] if sides else None, unit=first.unit,
            dimension=cluster[0].dim, noun=_most(r.noun for r in cluster), predicate=_most(r.pred for r in cluster),
            scope=_most(" ".join(sorted(r.scope)) for r in cluster), time_ref=_most(r.time for r in cluster),
            latest=group[-1].article if update else None,
            reports=reports))
    rank = {"conflict": 0, "consistent": 1, "agree": 2, "single-source": 3}  # 4
    out.sort(key=lambda g: (len({r.article for r in g.reports}) < 2, rank[g.verdict], -len(g.reports), g.label))
    return out
