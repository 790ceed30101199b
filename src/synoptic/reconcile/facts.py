"""Fact groups: the figure reports of a story that count the same thing, with a verdict (DESIGN rule 2).

What a figure counts is read once, in extract (:mod:`synoptic.extract.reading`: dimension, counted
noun, predicate, scope, time reference, subgroup, context; from its clause the casualty event, who
is counted and what a sum of money is). This module reads nothing: two reports are linked by the
evidence that they count one thing (:func:`link_score`: meeting intervals, one noun or nouns whose
embeddings are close, one predicate class, the same casualty event and side, shared words;
against: another dimension or currency, another place, period, person or subgroup; numbers that
disagree because their sentences place them on two occasions or make one a total and the other a
part), clustered by
average link (:func:`fact_groups`) and judged (:func:`verdict_of`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from synoptic.extract.figures import ABOUT_TOLERANCE, interval, rate_span  # noqa: F401 (ABOUT_TOLERANCE re-exported)
from synoptic.extract.reading import (  # noqa: F401 (re-exported)
    ROUND_WORDS,
    VAGUE,
    canonical_category,
    canonical_side,
    is_year,
    noun_key,
    same_size,
)
from synoptic.extract.reading import sentence_bounds as _sentence_bounds
from synoptic.lang.en import numbers
from synoptic.lang.en.calendar import MONTHS, WEEKDAYS
from synoptic.lang.en.counted import DURATION_EVENTS, RECORD_NOUNS, RESULT_NOUNS
from synoptic.lang.en.nouns import GENERIC_NOUNS, NON_SUBSECTIVE
from synoptic.lang.en.persons import GENERAL_PERSON_NOUNS, PAST_WORDS, PERIOD_NOUNS, PERSON_NOUNS, TOTAL_WORDS
from synoptic.lang.en.predicates import PREDICATE_CLASSES, predicate_class, same_class
from synoptic.lang.en.units import UNITS
from synoptic.reconcile._text import INF
from synoptic.records import (
    Article,
    Extraction,
    FactGroup,
    FactReport,
    Figure,
    Verdict,
)

# The band of "about N" and the span of "almost N" are extract's (extract.figures: one qualifier ->
# interval rule for the project); ABOUT_TOLERANCE is re-exported for the renderer.

#: Largest half-width (relative) of the band of a bare figure given with a scale word ("$1 million",
#: "2 billion euros"): it is known to half a unit of its last written digit ("85 million" is
#: 84.5-85.5 million), at most this much ("$1 million" is 0.95-1.05 million). Set on ECB+ topic 13,
#: where "$1 million" and "more than $1 million" describe one damage estimate; the half-digit rule
#: keeps "e80 million" and "85 million euros" apart, a conflict in the heist gold.
ROUNDED_TOLERANCE = 0.05

#: A bare number's report runs over at most this many characters of its clause after it ("12 are
#: reportedly from Somalia"), so that a reader sees what it counts.
BARE_TAIL_CHARS = 40

# A figure that is a number alone, in digits or words ("12", "two", "twenty-one").
_BARE_NUMBER = re.compile(rf"[\d.,]+|{numbers.CARDINAL_WORD}", re.I)

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
#: A small count of one thing under two events is two facts: one report's thing had an event of a
#: class done to it and the other's did something ("seized two small boats" / "two boats were closing
#: in"), or it underwent events of two classes ("attacked two boats" / "seized two small boats"). It
#: outweighs all that a small number and a noun phrase share (value, noun, two modifiers, context).
#: Only below COREFER_MIN_VALUE: a distinctive number names one group whatever each source says it
#: did ("20,000 bandits"). Not a fitted weight, checked by a sweep: pirates (the story it was read
#: on) scores 23/24 at 2, 22/24 at 4 and 24/24 from 6 to 50; bomb, heist, kazakhstan, migrants, riots
#: and the seeds (held out) score the same at every value from 2 to 50.
W_ROLE_DIFF = W_VALUE_MEETS + W_NOUN_SAME + 2 * W_MODIFIER + W_CONTEXT
W_SCOPE_DIFF = 1.5  # both name places or holders, and none in common
W_TIME_DIFF = 0.5  # both dated, to different years or periods
W_TIME_ONE = 1.0  # one is dated to another period, the other is not dated
W_SUBGROUP = 1.75  # one is a subgroup ("of whom 12"), the other is not
W_PERSON_DIFF = 4.5  # two ages of different people
#: Two ages of one named person: one fact, whatever the numbers ("31-year-old Robert Buckley" /
#: "Robert Buckley, 32", a conflict). As W_PERSON_DIFF, by symmetry; it must outweigh the share of
#: W_VALUE_APART a conflict of one thing costs (CONFLICT_SHARE x 4 = 2) so that the pair links.
#: Not fitted: the six dev stories and the seeds keep their scores; the review story g23 (held
#: out) gets its one person's 31 and 32 into one group.
W_PERSON_SAME = 4.5
W_CLAUSE_SAME = 1.0  # two casualty counts of one event and side read from their clauses
W_CLAUSE_DIFF = 50.0  # two casualty counts of different events or sides
LINK_THRESHOLD = 1.0  # average link two groups need to merge
#: Two sums of one currency for one thing (same_thing) whose values are within this ratio are one
#: sum told two ways: their disagreement costs nothing (the verdict still says conflict). Set on
#: heist ("e80 million" stolen / "85 million euros" of gems stolen, ratio 1.06).
MONEY_NEAR = 1.25
#: Two reports that write one exact number of at least COREFER_MIN_VALUE as it stands ("68 per
#: cent" / "68 percent"): more than two intervals that meet ("some 62 percent" holds 68 too). Set by
#: hand on riots (12 -> 13/16 from 0.5 on); on bomb, heist and pirates, not looked at while setting
#: it, any value from 0.5 to 2 scores the same (pirates B3 0.925 -> 0.929), kazakhstan and
#: migrants too.
W_SAME_NUMBER = 1.0
#: Two reports of one won-lost record or score (the same pair, "122-147"): a pair of numbers is specific
#: enough to name one thing; this is above LINK_THRESHOLD (no fit: any value over it links them).
W_RECORD_SAME = 2 * LINK_THRESHOLD
#: Two different counted nouns whose word embeddings (the shipped MiniLM) are at least this similar
#: count the same things ("rifles"/"guns" 0.81, "planes"/"aircraft" 0.84, "boats"/"ships" 0.60);
#: below ``NOUN_SIM_DIFF`` they count different things ("shops"/"banks" 0.35, "pirates"/"rifles" 0.28).
NOUN_SIM_SAME = 0.6
NOUN_SIM_DIFF = 0.45
#: Two things measured in one unit name one thing from this similarity on: a story seldom measures
#: two different things of one kind ("ship"/"vessel" 0.53, "boat"/"tugboat" 0.69; "bridge"/"river"
#: stay apart). Set on the bundled sample (the Ever Given's tonnage as "ship" and "vessel"); the
#: six story folders, not looked at while setting it, keep their scores.
MEASURED_SIM_SAME = 0.5

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
#: A number that is not a multiple of this is one no one rounds ("27"): from COREFER_MIN_VALUE on it
#: is as distinctive as a large one, and two nouns counted with it (no qualifier) corefer. Not fitted:
#: the step of the round numbers English writes ("20 schools", "about 25"); read on review11 g11 ("27
#: polling stations abroad" / "27 overseas booths"); the six gold stories and the seeds keep their
#: scores, the review stories g18a g20a g14 g21 g23 (held out) gain no trap.
ROUND_STEP = 5
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
#: Two reports whose numbers disagree and whose sentences place them on different occasions (one
#: "on Sunday", the other "on Wednesday"; one "in September", the other on a weekday, which news
#: English uses only within the week; one "last season", the other in no past period) count two
#: things: a figure of an earlier or separate event, not a conflict. It outweighs what one casualty
#: toll's reports share when their numbers disagree (half W_VALUE_APART off, noun, predicate, clause
#: and context: about 3). Such a pair also loses the half share of W_VALUE_APART a conflict of one
#: thing gets. Set by hand on ECB+ 20a and Multi-News mn071 (review9 stories); a sweep of this and
#: W_PART_WHOLE together over 0, 1, 4 and 8 leaves the review stories' groups (fit: 20a, mn071;
#: held out: 10a, 7a, 18a, 3a) and the six gold stories (held out) the same: the full W_VALUE_APART
#: does the work, this weight is a margin.
W_OCCASION_DIFF = 4.0
#: Two reports whose numbers disagree and of which one is a total ("a combined 157 games",
#: "Overall, ... 33 homers") or confined to a part of the event ("68 punches thrown during the
#: round") and the other not: a part and the whole, two counts of one noun. As much as the same
#: noun earns. Set on ECB+ 10a and 7a (review9); the gold stories, held out, keep their scores at
#: 0, 1, 4 and 8 (see W_OCCASION_DIFF).
W_PART_WHOLE = W_NOUN_SAME


_ROUNDED = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a)[\s-]*"
                      r"(?:million|billion|trillion|bn|m)\b", re.I)


def _rounded_band(fig: Figure) -> tuple[float, float] | None:
    """The band of a bare figure given with a scale word: half a unit of its last written digit,
    at most ``ROUNDED_TOLERANCE`` (None when the figure is not one)."""
    m = _ROUNDED.search(fig.text)
    if not m:
        return None
    n = m.group("n")
    written = float(n) if n[0].isdigit() else None
    tol = ROUNDED_TOLERANCE
    if written:
        decimals = len(n.split(".")[1]) if "." in n else 0
        tol = min(tol, 0.5 * 10 ** -decimals / written)
    v = float(fig.value)
    return v * (1 - tol), v * (1 + tol)



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
        ("almost", ("almost as", "nearly as", "not quite as")),  # "almost as much as 200": short of it
        ("atleast", ("at least", "minimum", "no fewer than", "no less than", "not less than")),
        ("atmost", ("at most", "up to", "no more than", "maximum", "not more than", "as many as", "as much as")),
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
    if cls != "exact":  # extract's rule, its bounds as (low, high, low_open, high_open)
        lo, hi, lo_inc, hi_inc = interval(value, cls)
        return (-INF if lo is None else lo, INF if hi is None else hi,
                lo is None or not lo_inc, hi is None or not hi_inc)
    if low is not None and high is not None and low < high and not qualifier:
        return low, high, False, False  # a range written without "between": "$14m to $15m"
    if low is not None and high is None and not qualifier:
        return low, INF, False, True  # a bound the words themselves make: "Dozen of warships" (dozens)
    if qualifier and (low is not None or high is not None) and (low, high) != (value, value):
        lo = -INF if low is None else low
        hi = INF if high is None else high
        return lo, hi, low is None, high is None
    return value, value, False, False


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




# A word that opens another clause: a name on its far side is not the one an age belongs to ("the
# neighbourhood of Exarchia, where the 15-year-old was killed").
_CLAUSE_WORD = re.compile(r"\b(?:where|which|when|while|whose|because|although|after|before)\b", re.I)


#: A definite article right before a name: a person's name takes none, a shop's, a place's or a
#: body's does ("outside the Sam's Club", "the White House"), whatever type a tagger gave it.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _nearest_person(fig: Figure, ex: Extraction, text: str) -> str | None:
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
    people = [m for m in ex.mentions if m.type == "PERSON" and s0 <= m.start < s1
              and not _THE_BEFORE.search(text, max(0, m.start - 5), m.start)
              and not _CLAUSE_WORD.search(text[min(m.end, fig.end):max(m.start, fig.start)])]
    if not people:
        return None
    m = min(people, key=lambda m: min(abs(m.start - fig.end), abs(fig.start - m.end)))
    if min(abs(m.start - fig.end), abs(fig.start - m.end)) > AGE_PERSON_CHARS:
        return None
    return m.entity or m.text


_HE_SHE = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)
#: A name followed by a verb of saying (within two words) or after "according to" is the speaker of the
#: sentence, not whose span or sum it tells ("Jones said the fine was $5m" names nobody's fine). The
#: plain verbs of saying only (not lang.en.speech's "charged", "accused": "McKinnon was charged").
_SPEAKER_AFTER = re.compile(r"\W{0,3}(?:[\w'’-]+\s+){0,2}?(?:said|says|say|told|tells|added|adds|stated|states"
                            r"|explained|explains|wrote|writes|saying|adding|telling)\b", re.I)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+$", re.I)


def _holders(fig: Figure, ex: Extraction, text: str) -> frozenset[str]:
    """Whose a span or a sum may be: the person named last before it in its sentence ("Mr Love to face
    trial ... could have meant a sentence of up to 99 years"); where the sentence has only "he" or "she",
    the people named in the sentence before ("... the extradition of McKinnon ... . He faced up to 60
    years": May or McKinnon, not Love); speakers left out. Empty when no person is named there."""
    s0 = _sentence_bounds(text, fig.start, fig.end)[0]
    k = s0 - 1
    while k > 0 and text[k].isspace():
        k -= 1
    p0 = _sentence_bounds(text, k, k + 1)[0] if k > 0 else s0
    people = [m for m in ex.mentions if m.type == "PERSON" and p0 <= m.start and m.end <= fig.start
              and not _THE_BEFORE.search(text, max(0, m.start - 5), m.start)
              and not _SPEAKER_AFTER.match(text, m.end, m.end + 30)
              and not _ACCORDING_BEFORE.search(text, max(0, m.start - 15), m.start)]
    inside = [m for m in people if m.start >= s0]
    if inside:
        m = max(inside, key=lambda m: m.start)
        return frozenset((m.entity or m.text,))
    if _HE_SHE.search(text, s0, fig.start):
        return frozenset(m.entity or m.text for m in people)
    return frozenset()


def _holders_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of possible holders name no one in common (by a name word: "Lauri Love" / "Love")."""
    return bool(a and b) and not any(_name_words(x) & _name_words(y) for x in a for y in b)


#: The words before an age said of several people at once ("Tom Tennant and William Hakim, both 51",
#: "..., all aged 30"): it is the age of each of them.
_SHARED_AGE = re.compile(r"\b(?:both|all|each)(?:\s+aged)?\s+$", re.I)


def _people_sharing(fig: Figure, ex: Extraction, text: str) -> frozenset[str]:
    """The people an age is said of together (:data:`_SHARED_AGE`): those named before it in its
    clause; empty unless two or more."""
    if not _SHARED_AGE.search(text, max(0, fig.start - 20), fig.start):
        return frozenset()
    s0 = _sentence_bounds(text, fig.start, fig.end)[0]
    names = frozenset(m.entity or m.text for m in ex.mentions if m.type == "PERSON" and s0 <= m.start
                      and m.end <= fig.start and not _CLAUSE_WORD.search(text[m.end:fig.start]))
    return names if len(names) > 1 else frozenset()


def _shared_ages(reads: list[_Read], shared: list[tuple[float, frozenset[str]]]) -> None:
    """An age said of several people together ("A and B, both 51") makes the reports of that age of
    any of them one fact: each such report is read as the age of them all (person and side), so
    that "51-year-old ... Hakim" and "51-year-old Capt. Tom Tennant" are not two people's ages."""
    for value, names in shared:
        surnames = {n.split()[-1] for n in names}
        key = " and ".join(sorted(names))
        for r in reads:
            if r.dim == "age" and r.person and r.person.split()[-1] in surnames \
                    and float(r.reading.figure.value) == value:
                r.person = r.side = r.reading.side = key


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


def _closed(iv: tuple[float, float, bool, bool]) -> tuple[float, float, bool, bool]:
    return iv[0], iv[1], False, False


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
       ("369 vessels" on the 28th, "more than 400 ships" on the 29th), or a source gives the count
       as one that changes ("rose to 369") and the reports come on different days: consistent, an
       update, and the latest report's interval is returned;
    5. otherwise: conflict (the range of the values is returned).
    """
    if len({r.article for r in reports}) <= 1:
        r = reports[0]
        return "single-source", (r.low, r.high)
    values = {r.base if r.base is not None else float(r.figure.value) for r in reports}
    if len(values) == 1:
        v = next(iter(values))
        # the same number, each report holding it or all bounding it alike ("more than 500,000" twice)
        # ("almost 100" is 100 as a round figure: it agrees with "about 100" and "up to 100")
        if all(_contains(_interval(r), v) or (qualifier_class(r.figure.qualifier) == "almost" and r.high == v)
               for r in reports) or \
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
        # a count the sources give as one that changes ("rose to 369") is reported again as it
        # changes: on different days, the reports are an update and the latest holds
        changing = any(r.figure.rising for r in reports) and len({r.published.date() for r in ordered}) > 1  # type: ignore[union-attr]
        if ok or changing:
            return "consistent", (ordered[-1].low, ordered[-1].high)
    vals = sorted(values)
    return "conflict", (vals[0], vals[-1])


def _common(reports: Sequence[_Reading]) -> tuple[float, float, bool, bool] | None:
    """The interval every report's interval holds, or None when they do not all meet."""
    common: tuple[float, float, bool, bool] | None = _interval(reports[0])
    for r in reports[1:]:
        common = _meets(common, _interval(r)) if common else None
    return common









def _apart(reads: list[_Read]) -> None:
    """Keep a total that is smaller than its own article's parts away from other articles' totals.

    A count of "people" killed (or injured) is a total; when the same article counts more than
    that for the sides it names (26 demonstrators and 18 police killed, but "three deaths"), the
    figure is not that story's total (a garbled translation, a different event) and is shown on
    its own rather than set against other sources' totals.
    """
    parts: dict[tuple[str, str | None], float] = defaultdict(float)
    for r in reads:
        fig = r.reading.figure
        if fig.side not in (None, "people") and fig.event:
            parts[(r.reading.article, fig.event)] += float(fig.value)
    for r in reads:
        fig = r.reading.figure
        if fig.side == "people" and fig.event in ("killed", "injured", "arrested") \
                and parts.get((r.reading.article, fig.event), 0.0) > r.reading.high:
            r.reading.apart = r.reading.article


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
#: Noun pairs one sentence of the story counts side by side (:func:`_nouns_apart`): as the wholes of
#: two shares ("90 percent of the candidates" / "90 percent of eligible voters") two things. (Not
#: for counts: "seven AK-47 rifles and two other guns" counts two things in one sentence, and "12 AK
#: 47 guns" in another article the first of them; pirates drops from 24/24 to 22/24 so.)
_WHOLES_APART: set[tuple[str, str]] = set()
#: Noun pairs a share of the story names both ("a turnout more than 50 percent of eligible voters":
#: turnout / voter): shares of the one and of the other are one thing, and disagree as one thing does.
_SHARE_NAMES: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class _Occasion:
    """When a figure's sentence places what it says: the weekdays it names, the months it names
    without a day ("in September"), and whether it names a past period ("last season")."""

    weekdays: frozenset[int] = frozenset()
    months: frozenset[int] = frozenset()
    past: bool = False

    def __bool__(self) -> bool:
        return bool(self.weekdays or self.months or self.past)


_PAST_PERIOD = re.compile(rf"\b(?:{'|'.join(PAST_WORDS)})\s+(?:[\w'-]+\s+){{0,2}}?(?:{'|'.join(PERIOD_NOUNS)})s?\b",
                          re.I)
_TOTAL = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in TOTAL_WORDS)})\b", re.I)
# A count confined to a part of the event it is of: "during the round", "in the first half",
# "over those three minutes" (the parts of a match, a day or a race: a closed class of English).
_PART = re.compile(r"\b(?:during|in|over|within)\s+(?:the|that|this|one|a|each|its|his|her|their|those)\s+"
                   r"(?:[\w'-]+\s+){0,2}?(?:round|half|halves|quarter|period|inning|innings|set|lap|minute|hour|"
                   r"stage|leg)s?\b", re.I)
#: How far after a figure, inside its clause, the phrase that confines it to a part of its event may
#: end ("68 punches thrown during the round" is 24). Set by reading ECB+ 7a (review9).
PART_TAIL_CHARS = 40
_WEEKDAY_WORD = re.compile(r"[A-Za-z]+")


def _occasion(text: str, fig: Figure, ex: Extraction) -> _Occasion:
    """Where the sentence of ``fig`` places it in time, from the time expressions extract found in
    it (weekday names; month names without a day) and a past period it names ("last season")."""
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
    days: set[int] = set()
    months: set[int] = set()
    past = bool(_PAST_PERIOD.search(text, s0, s1))
    for t in ex.dates:
        if not (s0 <= t.start < s1) or fig.start <= t.start < fig.end:
            continue
        words = [w.lower() for w in _WEEKDAY_WORD.findall(t.text)]
        days |= {WEEKDAYS[w] for w in words if w in WEEKDAYS}
        if t.granularity == "month":
            months |= {MONTHS[w] for w in words if w in MONTHS}
    return _Occasion(frozenset(days), frozenset(months), past)


def _occasions_differ(a: _Occasion | None, b: _Occasion | None) -> bool:
    """Whether two sentences place their figures on different occasions: other weekdays, other
    months, a month named bare beside a weekday (news English names the weekday within the week,
    the month beyond it), or a past period on one side only."""
    if not a or not b:
        return bool(a) != bool(b) and bool((a and a.past) or (b and b.past))
    if a.weekdays and b.weekdays:
        return not a.weekdays & b.weekdays
    if a.months and b.months:
        return not a.months & b.months
    if (a.months and b.weekdays) or (b.months and a.weekdays):
        return True
    return a.past != b.past


def _whole(text: str, fig: Figure) -> str:
    """The kind of count ``fig`` is: "total" when its sentence makes it a total over parts ("a combined 157 games"),
    "part" when it confines it to a part of its event ("during the round"), else ""."""
    s0, s1 = _sentence_bounds(text, fig.start, fig.end)
    if _TOTAL.search(text, s0, s1):
        return "total"
    # the part is said of the figure in its own phrase, after it ("68 punches thrown during the
    # round"), not of another verb of its sentence ("47 KO's, dismantled Rahman in the seventh round")
    tail = re.match(rf"[^,;:.!?()\n]{{0,{PART_TAIL_CHARS}}}", text[fig.end:s1])
    return "part" if tail and _PART.search(tail.group()) else ""


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
    occasion: _Occasion | None = None  # when its sentence places it (weekdays, bare months, a past period)
    whole: str = ""  # "total" (a total over parts), "part" (confined to a part of the event), else ""
    own_verb: bool = True  # its predicate is its own verb's, not its clause's event ("had received
    # treatment after being injured": the role and agency read from "received" say nothing of "injured")
    sentence: int = -1  # where its sentence starts in its article
    holders: frozenset[str] = frozenset()  # whose span or sum it may be ("He faced up to 60 years": McKinnon)


# The clause reading's event categories as predicate classes.
_EVENT_CLASSES = {"killed": "killed", "injured": "injured", "arrested": "detained", "evacuated": "evacuated",
                  "missing": "missing", "displaced": "evacuated"}


def _base(fig: Figure, v: float) -> float:
    from synoptic.extract.reading import base_value

    if v in (INF, -INF):
        return v
    out = base_value(fig, v)
    return v if out is None else out


#: Clause keys of spans: the time between two events ("gap", the verb of the first) and a distance
#: counted in buildings, doors or houses ("away").
_GAP, _AWAY = "gap", "away"
#: Weight of two spans of one verb ("married two weeks before" / "married ... three weeks before"), or
#: two distances "away" in one story: as strong as one counted noun (W_NOUN_SAME), so that two
#: values apart make a conflict. Set on deputy (fit: 7/13 fact groups right at 1.0, 8/13 from 2.0 to 6.0);
#: held out: pinup 2/9 and species 5/8 at every value tried, the eight CHECK stories and the six dev
#: stories score as without it at 4.0.
W_SPAN_SAME = 4.0
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _NAME_WORD.findall(name))


def _one_name_each(reads: list[_Read], extractions: Sequence[Extraction]) -> None:
    """The owners of ages named by a short form of one person's name ("Tara, 33" beside "Tara Reid,
    33"; "Jerry was 35" beside "Jerry Ortiz, 35") read as that person's full name: a name whose words
    are all in the names of one person only among the story's person names (the names the entity
    layer gives, longest forms). A short form that fits two people ("Ortiz": Jerry Ortiz, Jeremy
    Ortiz) is left as it is."""
    names = {m.entity or m.text for ex in extractions for m in ex.mentions if m.type == "PERSON"}
    names |= {r.person for r in reads if r.person}
    words = {n: _name_words(n) for n in names if _name_words(n)}
    longest = [n for n, w in words.items() if not any(w < v for v in words.values())]
    for r in reads:
        if not r.person or r.person not in words:
            continue
        mine = words[r.person]
        owners = {n for n in longest if mine <= words[n]}
        if len(owners) == 1 and (full := next(iter(owners))) != r.person:
            if r.side == r.person:
                r.side = r.reading.side = full  # (an age's side is whose age it is)
            r.person = full


#: Characters on each side of a figure that, repeated with it in one article, make it one report written
#: twice (a teaser line of page debris doubled; a whole sentence repeated is one too: a paragraph pasted
#: twice). Prose repeats a number with its words around only where it repeats itself; set on extradition
#: (fit, review15: a "Read next" line twice), ewaste's pasted paragraph read by the sentence.
REPEAT_CHARS = 20


def _reads(articles: Sequence[Article], extractions: Sequence[Extraction]) -> list[_Read]:
    """Every usable figure of the story as a :class:`_Read` (years, vague quantities, dates and
    times of day are left out)."""
    from synoptic.extract.reading import dimension_of, read_figures

    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    for ex in extractions:
        if ex.article in by_id and any(f.dimension is None for f in ex.figures):  # extracted before reading existed
            read_figures(by_id[ex.article][1].text, ex.figures)
    out: list[_Read] = []
    read_of: dict[int, _Read] = {}  # figure id -> its report
    restated: list[tuple[_Read, _Read]] = []  # a measure and its conversion in brackets
    shared: list[tuple[float, frozenset[str]]] = []  # ages said of several people at once
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        figs = sorted((f for f in ex.figures if 0 <= f.start < f.end <= len(art.text)), key=lambda f: f.start)
        # the words of the places the article names (its entities of a place type), when it has them
        places = frozenset(w.lower() for m in ex.mentions if m.type in _PLACE_TYPES
                           for w in re.findall(r"[\w'-]+", m.text)) if ex.mentions else None
        prev_fig: Figure | None = None
        seen: set[str] = set()  # the words around each figure: page debris repeats a line ("Read next ...")
        for fig in figs:
            pred_fig, prev_fig = prev_fig, fig
            around = art.text[max(0, fig.start - REPEAT_CHARS):fig.end + REPEAT_CHARS]
            w0, w1 = _sentence_bounds(art.text, fig.start, fig.end)
            sentence = f"{fig.start - w0}:{art.text[w0:w1]}"  # its sentence and where in it
            if (len(around) == fig.end - fig.start + 2 * REPEAT_CHARS and around in seen) or sentence in seen:
                continue  # the same words twice in one article (a line or a paragraph pasted twice): one report
            seen.update((around, sentence))
            if is_year(fig) or VAGUE.match(fig.text) or fig.value is None or fig.category == "time":
                continue
            if fig.when:
                continue  # "30 months ago", "1100 hrs": when, not how much
            if fig.hypothetical:
                continue  # "there might have been two people killed": no real occasion
            if fig.dimension == "count" and ROUND_WORDS.match(fig.text.strip()) and any(
                    q.start <= fig.start < q.end for q in ex.quotes):
                continue  # "I dated a million guys" in a quote spanning lines: a manner of speaking
            dim = fig.dimension or dimension_of(fig)
            restating = fig.restates and not dim.startswith("money:")
            if restating and (pred_fig is None or id(pred_fig) not in read_of):
                continue  # "150 nautical miles (277 km)": the same length, compared in metres already
            lo, hi, lo_open, hi_open = figure_interval(float(fig.value), fig.qualifier, fig.low, fig.high)
            if (lo, hi) == (fig.value, fig.value) and (band := _rounded_band(fig)):
                lo, hi = band  # "$1 million" is a rounded figure: it meets "more than $1 million"
            lo, hi = _base(fig, lo), _base(fig, hi)
            published, sure = _published(art, ex)
            # the common noun an age modifies ("a 66-year-old woman", read from the parse): hers, not
            # the nearest name's ("... outside the Sam's Club"); it links to a named report by value
            holder = dim == "age" and bool(fig.subject) and (fig.subject or "").islower()
            person = _nearest_person(fig, ex, art.text) if dim == "age" and not holder else None
            if dim == "age" and (sharing := _people_sharing(fig, ex, art.text)):
                shared.append((float(fig.value), sharing))
            if dim == "age" and (person or fig.subject) and not holder:
                side: tuple[str, str | None] | None = (person or fig.subject or "", None)  # whose age
            elif dim.startswith("money:") and fig.about:
                side = (fig.about, None)  # what the sum is: losses, trade, damage ...
            elif fig.side:
                side = (fig.side, fig.framing)
            else:
                side = canonical_side(fig.counted or fig.label)
            r = _Reading(fig, art.id, order, fig.predicate, side[0] if side else None, side[1] if side else None,
                         fig.label or fig.counted, fig.unit, lo, hi, lo_open, hi_open, [], published, sure)
            r.base = _base(fig, float(fig.value))
            r.end = _report_end(art.text, fig)
            if dim == "age":
                r.end = max(r.end, _person_after(art.text, fig, ex))
            r.start = _report_start(art.text, fig, ex)
            r.increment = fig.increment
            # a unit's own word ("euros", "miles", "per cent") says nothing of what is counted
            if dim not in ("count", "percent", "duration", "age") and not dim.startswith("money:") and fig.noun:
                r.measured = fig.noun  # "the 300-metre bridge": a measure of the bridge
            # what a count or share counts; what a sum is the value of ("gems worth 85 million euros")
            noun = fig.noun if dim in ("count", "percent") or dim.startswith("money:") else None
            mods = frozenset(fig.modifiers) if dim in ("count", "percent") else frozenset()
            if dim.startswith("money:") and fig.unit and "/" in fig.unit:
                dim = f"money:{fig.unit}"  # a sum per day is not compared with a sum per hour
            if dim == "record":  # a won-lost record or a score is the pair: 18-30 is another record than 18-11
                dim = "record:" + "-".join(re.findall(r"\d+", fig.text))
            pred = None if dim in ("age", "duration") else fig.predicate
            clause_key = None
            if dim.startswith("money:") and fig.about:
                clause_key = ("money", fig.about)  # what the sum is: losses, trade, damage, aid ...
            event = _EVENT_CLASSES.get(fig.event or "")
            parsed = pred in PREDICATE_CLASSES and fig.role == "undergoes"
            if event and (pred not in PREDICATE_CLASSES or (fig.noun is None and not parsed)):
                # the clause reading carries an event word over a list ("18 killed, 700 others injured");
                # not over the verb the parse gives the number as its object ("executed two of them
                # ... and wounded a third": two killed)
                pred = event
                clause_key = (pred, fig.side or "people")
            elif event and pred == event:
                clause_key = (pred, fig.side or "people")
            if dim == "duration" and (lasted := duration_event(art.text, fig.start, fig.end)):
                # "killing sparked five days of rioting": how long the unrest lasted, not a toll
                clause_key, pred = ("lasted", lasted), None
            elif dim == "duration" and fig.gap:
                clause_key = (_GAP, fig.gap)  # "married two weeks before the shooting": the span since the wedding
            if dim == "count" and fig.gap == _AWAY:
                # "arrested five buildings away", "three doors away": a distance counted in buildings,
                # doors or houses (the unit's noun is no counted thing), compared as one distance
                dim, noun, mods, pred, clause_key = "distance", None, frozenset(), None, (_AWAY, "")
            scope = frozenset((fig.scope or "").split())
            if places is not None:
                scope = scope & places  # where, not whose: "Paris" and "Harry Winston" are no two places
            out.append(_Read(r, dim, noun, mods, pred, r.side, scope, fig.time_ref, fig.subgroup,
                             frozenset(fig.context), person, clause_key, _occasion(art.text, fig, ex),
                             _whole(art.text, fig), pred is None or fig.predicate is None
                             or same_class(fig.predicate, pred), sentence=_sentence_bounds(art.text, fig.start, fig.end)[0]))
            read_of[id(fig)] = out[-1]
            if dim == "duration" or dim.startswith("money:"):
                out[-1].holders = _holders(fig, ex, art.text)
            if restating and pred_fig is not None:
                restated.append((read_of[id(pred_fig)], out[-1]))
    _shared_ages(out, shared)
    _one_name_each(out, extractions)
    _apart(out)
    _unit_bands(out)
    return _one_of_each_conversion(out, restated)


def _one_of_each_conversion(reads: list[_Read], restated: list[tuple[_Read, _Read]]) -> list[_Read]:
    """A measure and its conversion in brackets ("nearly 54 million tons (49 million metric tons)", "about
    43 lbs. (20 kg)") are one report: the first keeps both readings, its interval the span of the two
    (another source's "48.9 million tonnes" meets it through either), and the conversion is no report of
    its own."""
    gone: set[int] = set()
    for first, conv in restated:
        a, b = first.reading, conv.reading
        gone.add(id(conv))
        if not same_size(a.figure, b.figure):
            continue  # "about 1,700ft (580m)": a slip of the writer's conversion, the figure is the first
        if (b.low, b.low_open) < (a.low, a.low_open):
            a.low, a.low_open = b.low, b.low_open
        if (b.high, not b.high_open) > (a.high, not a.high_open):
            a.high, a.high_open = b.high, b.high_open
    return [r for r in reads if id(r) not in gone]


# "five days of (the worst) riots": the words after "of" a duration may skip to its event noun.
# Set on riots (fit); bomb, heist, kazakhstan, migrants, pirates and the seeds (held out) keep their scores.
DURATION_OF_WORDS = 3
# "the protests over the past eight days", "the clashes, now in their fifth day": how far back (in
# words) the event a duration is of may stand. Set on riots (fit); the other dev stories and the seeds
# (held out) keep their scores.
DURATION_BACK_WORDS = 5
_DURATION_OF = re.compile(rf"\s*(?:-?\s*long\s+)?of\s+((?:[\w'-]+\s+){{0,{DURATION_OF_WORDS - 1}}}[\w'-]+)", re.I)
_DURATION_BACK = re.compile(rf"((?:[\w'-]+[\s,]+){{1,{DURATION_BACK_WORDS}}})(?:(?:over|in|for|during)\s+the\s+"
                            r"(?:past|last)|(?:entered|entering|enters|into)\s+(?:its|their|a)|now\s+in\s+(?:its|their))\s+$",
                            re.I)


def _event_class(word: str) -> str | None:
    """The event class of one word that names a public event ("riots": unrest), or None."""
    w = word.lower()
    for cls, stems in DURATION_EVENTS:
        for st in stems:
            if re.fullmatch(re.escape(st[:-1]) + "s?", w) if st.endswith("$") else w.startswith(st):
                return cls
    return None


def duration_event(text: str, start: int, end: int) -> str | None:
    """What a duration times, as an event class: "five days of rioting", "eight days of clashes",
    "the protests over the past eight days", "the strike entered its third day" (None when it
    times no public event: "a six-month price control", "two years in prison")."""
    if m := _DURATION_OF.match(text, end):
        # the event noun heads the phrase after "of": "the worst riots", "rioting and looting"
        return next((c for w in m.group(1).split() if (c := _event_class(w)) is not None), None)
    if m := _DURATION_BACK.search(text[max(0, start - 120):start]):
        # the noun just before: "the protests over the past eight days", "the strike entered its third day"
        return _event_class(re.findall(r"[\w'-]+", m.group(1))[-1])
    if _STRAIGHT.search(text[start:end]):
        # "protests continued for the seventh straight day": an unbroken run of days of what its
        # sentence names before it (the nearest event word)
        s0 = _sentence_bounds(text, start, end)[0]
        return next((c for w in reversed(re.findall(r"[\w'-]+", text[s0:start])) if (c := _event_class(w)) is not None),
                    None)
    return None


_STRAIGHT = re.compile(r"\b(?:straight|consecutive|successive)\b", re.IGNORECASE)


# Entity types that name places: a scope of these is where a figure holds.
_PLACE_TYPES = frozenset(("GPE", "LOC", "FAC"))


def _unit_bands(reads: list[_Read]) -> None:
    """Where a story gives one kind of measure in two units ("12 miles", "19 km"), an exact figure
    is known to half a unit of its last written digit ("12 miles" is 11.5 to 12.5 miles), so that
    a conversion's rounding is no conflict; within one unit, 12 and 13 stay apart (half-open)."""
    units: dict[str, set[str | None]] = defaultdict(set)
    for r in reads:
        if r.reading.figure.category == "measure":
            units[r.dim].add(r.reading.figure.unit)
    for r in reads:
        fig, rd = r.reading.figure, r.reading
        if fig.category != "measure" or len(units[r.dim]) < 2 or rd.low != rd.high:
            continue
        digits = re.search(r"\d[\d,]*(?:\.(\d+))?", fig.text)
        if not digits:
            continue
        half = 0.5 * 10 ** -len(digits.group(1) or "")
        rd.low, rd.high = _base(fig, float(fig.value) - half), _base(fig, float(fig.value) + half)
        rd.low_open, rd.high_open = False, True


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
    if fig.dimension == "count" and not fig.counted and _BARE_NUMBER.fullmatch(fig.text):
        # a bare number with the "of" phrase that says what it counts: "two of them", "23 of the
        # raiders", "two of my closest friends" (a reader sees whose two)
        after = text[fig.end:fig.end + BARE_TAIL_CHARS + 10]
        of = re.match(r"\s+(?:out\s+)?of\s+(?:them|us|you|those|these|whom)\b", after, re.I)
        if of is None and fig.noun:
            of = re.match(rf"\s+(?:out\s+)?of\s+[^,;:.!?()\n\d]{{0,{BARE_TAIL_CHARS}}}?\b{re.escape(fig.noun)}\w*", after, re.I)
        if of is not None:
            return fig.end + of.end()
    if fig.dimension == "count" and not re.search(r"[A-Za-z]", fig.text):
        # a bare number ("12 are reportedly from Somalia and 11 from Yemen"): the words of its
        # clause after it, up to the next number or clause break, say what it is
        tail = re.match(rf"[^,;:.!?()\n\d]{{1,{BARE_TAIL_CHARS}}}", text[fig.end:])
        if tail:
            words = re.split(r"\s+(?:and|or|but|while)\s+", tail.group(), maxsplit=1)[0].rstrip()
            if words.strip():
                return fig.end + len(words)
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
    if a.dim.startswith("record:"):
        return W_RECORD_SAME  # one won-lost record or score written twice ("9-14"): the pair names it
    va, vb = _base_of(a), _base_of(b)  # in base units: "two decades" and "20 years" are one value
    if not _meets(_interval(a.reading), _interval(b.reading)):
        # numbers that disagree count against less where the reports say they count one thing
        # (one specific noun, or one casualty event and side): that is what a conflict looks like
        rival_preds = a.pred in PREDICATE_CLASSES and b.pred in PREDICATE_CLASSES and not same_class(a.pred, b.pred)
        # a model or a kind written with a number ("AK-47") on one side only: another subset ("nine
        # assault rifles" / "seven AK-47 assault rifles")
        one_model = bool({m for m in a.mods ^ b.mods if any(ch.isdigit() for ch in m)})
        same_thing = (a.clause is not None and a.clause == b.clause) or _one_person(a, b) or not one_model and (
            # the same thing measured twice: "a 10-metre dhow" / "a 24- to 30-foot dhow"
            a.reading.measured is not None and b.reading.measured is not None
            and _measured_similarity(a, b) >= MEASURED_SIM_SAME) or (
            (a.dim == "count" or a.dim.startswith("money:")) and a.noun is not None and b.noun is not None
            and a.noun not in GENERIC_NOUNS
            and (a.noun == b.noun or _noun_similarity(a, b) >= NOUN_SIM_SAME or (a.noun, b.noun) in _SHARE_NAMES
                 or a.noun in b.mods or b.noun in a.mods)  # "seven AK-47s" / "12 AK 47 guns"
            and not rival_preds) or (
            # two sums of one currency that one event moved ("steal e80 million", "gems worth 85
            # million euros" stolen), nothing naming two different things
            a.dim.startswith("money:") and same_class(a.pred, b.pred) and a.pred in PREDICATE_CLASSES
            and not (a.noun and b.noun and _NOUN_SIMILARITY.get((a.noun, b.noun), 1.0) < NOUN_SIM_DIFF))
        # values more than MINIMUMS_FAR apart are two counts ("eight pirates" captured by one ship,
        # "an estimated 1,500 pirates" in Somalia), whatever else they share
        # (unless their clauses name one casualty event and side: a toll is a toll)
        far = min(va, vb) > 0 and max(va, vb) / min(va, vb) > MINIMUMS_FAR
        one_toll = _one_toll(a, b)
        # "more than 10,000" and "10,000": apart only at an open bound, the same number written twice
        touching = _meets(_closed(_interval(a.reading)), _closed(_interval(b.reading))) is not None
        s = -W_VALUE_APART * (CONFLICT_SHARE if one_toll or touching or (same_thing and not far) else 1.0)
        if _one_event_lasted(a, b):
            s = 0.0  # how long one event had lasted, reported on different days: an update
        if one_model:
            s -= W_SUBGROUP  # a model on one side and another number: a subset of its own
        if a.dim.startswith("money:") and same_thing and min(va, vb) > 0 and max(va, vb) / min(va, vb) <= MONEY_NEAR:
            s = 0.0  # two sums of one thing that nearly agree ("e80 million", "85 million euros"): a conflict
        # the numbers disagree because the reports are of two things: not a conflict of one thing
        # (a duration's weekday dates where it starts or ends: "the shooting on Saturday sparked five
        # days of riots", "eight days of riots" on Sunday are one span, told on two days)
        # (a count given as one that changes, "the toll rose to 45 on Thursday", is told again on
        # each day it changes: an update, not another event)
        timed = a.dim not in ("duration", "age")
        rising = a.reading.figure.rising or b.reading.figure.rising
        if timed and not rising and _occasions_differ(a.occasion, b.occasion):
            s = min(s, -W_VALUE_APART) - W_OCCASION_DIFF  # "a 6.1 quake in September" / "a 5.6 quake on Sunday"
        if timed and a.whole != b.whole:
            s = min(s, -W_VALUE_APART) - W_PART_WHOLE  # "a combined 157 games" / "54 games with the Angels"
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
        if va == vb and not a.reading.figure.qualifier and not b.reading.figure.qualifier \
                and va >= COREFER_MIN_VALUE:
            s += W_SAME_NUMBER  # one number written twice as it stands ("68 percent", "83.3 percent")
    if va != vb and _meets(_interval(a.reading), _interval(b.reading)) and a.dim not in ("duration", "age") \
            and not (a.reading.figure.rising or b.reading.figure.rising) and _occasions_differ(a.occasion, b.occasion):
        # two numbers that meet only as bounds, on two occasions: "surpassing the $90 million deal
        # ... last season" is not "at least $160 million" now
        s -= W_OCCASION_DIFF
    if a.noun and b.noun:
        if a.noun == b.noun:
            s += W_NOUN_SAME * (GENERIC_NOUN_SHARE if a.noun in GENERIC_NOUNS else 1.0)
        elif (a.noun.startswith(b.noun + " and ") or b.noun.startswith(a.noun + " and ")) and a.dim == "count":
            s -= W_NOUN_DIFF  # "passengers and crew" is a union: not the passengers alone
        elif a.noun in b.mods or b.noun in a.mods:
            s += W_NOUN_SAME / 2
        elif _person_hypernym(a.noun, b.noun):
            s += W_NOUN_SAME * GENERIC_NOUN_SHARE  # "one man" / "one person": as "people" / "people"
        elif (a.noun, b.noun) in _NOUN_COREFER:
            s += W_NOUN_COREFER
        elif a.clause is not None and a.clause == b.clause and a.clause[0] == "money":
            pass  # "goods" / "trade" held up: words of one kind of sum (lang.en.counted.MONEY_KINDS)
        elif _counts_events(a) != _counts_events(b) and a.pred in PREDICATE_CLASSES and same_class(a.pred, b.pred):
            pass  # "foiled two hijack attempts" / "rescued two vessels": one event per thing, nouns apart
        else:
            sim = _noun_similarity(a, b)
            if sim >= NOUN_SIM_SAME and (min(va, vb) >= COREFER_MIN_VALUE or a.context & b.context):
                s += W_NOUN_SAME * sim
            elif sim >= NOUN_SIM_SAME and s > 0:
                # "two teenaged children", "two daughters": a small number, two related nouns and
                # sentences with nothing else in common are two families; the number agrees by chance
                s *= SMALL_VALUE_SHARE
            elif sim < NOUN_SIM_DIFF:
                s -= W_NOUN_DIFF
            elif min(va, vb) < COREFER_MIN_VALUE and s > 0:
                # "four games" / "four teams": two nouns neither alike nor apart and a small number
                # that agrees by chance (as for two related nouns without shared words)
                s *= SMALL_VALUE_SHARE
    s += W_MODIFIER * min(2, len(a.mods & b.mods))
    if (a.mods ^ b.mods) & NON_SUBSECTIVE:
        # "one attempted murder charge" / "one murder charge": an attempted murder is no murder, whatever
        # else the two share (one number, one verb, one article's words)
        s -= W_CLAUSE_DIFF
    if ("other" in a.mods) != ("other" in b.mods) and (a.mods | b.mods) - {"other"} and not (a.mods & b.mods):
        # "two other rifles" are besides the ones named ("seven AK-47 rifles"): another count
        s -= W_SUBGROUP
    if a.pred and b.pred:
        if _roles_differ(a, b) and min(va, vb) < COREFER_MIN_VALUE:
            s -= W_ROLE_DIFF
        elif same_class(a.pred, b.pred):
            s += W_PRED_SAME
        elif a.pred in PREDICATE_CLASSES and b.pred in PREDICATE_CLASSES:
            # a small count of one noun that underwent two events is two facts ("attacked two boats",
            # "seized two small boats"); doers of two acts are one group ("four robbers entered",
            # "four robbers stole")
            both_undergo = _role(a) == _role(b) == "undergoes"
            s -= W_ROLE_DIFF if both_undergo and min(va, vb) < COREFER_MIN_VALUE else W_PRED_DIFF
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
    if a.clause and a.clause == b.clause and a.clause[0] in (_GAP, _AWAY):
        s += W_SPAN_SAME  # the span since one event, or one distance, given twice
    if a.clause and b.clause:
        if a.clause == b.clause or (a.clause[0] == b.clause[0] and {a.clause[1], b.clause[1]} == {"people", "civilians"}):
            s += W_CLAUSE_SAME  # (civilians are people: "almost 50 injured" civilians / "injuring 40" people)
        elif a.clause[0] == b.clause[0] == _GAP:
            # spans after two verbs in two articles ("died two days after ..." / "was buried two days
            # after ..."): the value and the words say (in one article they are two: see _cluster)
            pass
        elif _one_toll(a, b):
            # one event, one side named as "people" (the hypernym of every side) and one number:
            # "two people injured" / "two villagers injured"
            s -= W_SIDE_DIFF
        else:
            s -= W_CLAUSE_DIFF
    elif a.dim == "duration" and (_times_a_thing(a) and b.clause or _times_a_thing(b) and a.clause):
        s -= W_CLAUSE_DIFF  # "seventh straight day" of the protests / "one-week anniversary": two things timed
    if a.reading.measured and b.reading.measured:
        sim = _measured_similarity(a, b)
        if sim >= MEASURED_SIM_SAME:
            s += W_NOUN_SAME * sim  # the length of one thing ("ship" / "vessel"), measured twice
        elif sim < NOUN_SIM_DIFF:
            s -= W_NOUN_DIFF  # the length of a bridge and the depth of a river
    if a.reading.apart or b.reading.apart:
        s -= W_SIDE_DIFF
    if a.dim == "age" and a.person and b.person and a.person.split()[-1] != b.person.split()[-1]:
        s -= W_PERSON_DIFF
    elif _holders_differ(a.holders, b.holders):
        s -= W_PERSON_DIFF  # Love's "up to 99 years" / McKinnon's "up to 60 years": two people's terms
    elif _one_person(a, b):
        s += W_PERSON_SAME
    return s


def _noun_similarity(a: _Read, b: _Read) -> float:
    """How alike two reports' counted nouns are (embeddings); the wholes of two shares that one
    sentence of the story counts side by side are not alike at all."""
    if a.dim == "percent" and (a.noun, b.noun) in _WHOLES_APART:
        return 0.0
    return _NOUN_SIMILARITY.get((a.noun or "", b.noun or ""), 0.0)


def _one_person(a: _Read, b: _Read) -> bool:
    """Whether two ages are both said of one named person (one resolved entity): "31-year-old
    Robert Buckley" and "Robert Buckley, 32" are one fact, and its sources disagree; "John Reed,
    45" and his son "Tom Reed, 20" share only a surname."""
    return a.dim == b.dim == "age" and bool(a.person) and a.person == b.person


def _one_toll(a: _Read, b: _Read) -> bool:
    """Whether two casualty counts read from their clauses are of one event and side, or of one
    event with one side named as "people", the hypernym of every side: when the other side is
    civilians ("five people injured" / "two villagers injured") or the numbers meet ("killing one
    man" / "one person killed"). A count of people and a different count of security forces or
    protesters are a total and a part ("225 people killed" / "18 police killed")."""
    if a.clause is None or b.clause is None or a.clause[0] != b.clause[0]:
        return False
    if a.clause[1] == b.clause[1]:
        return True
    sides = {a.clause[1], b.clause[1]}
    return a.clause[0] != "money" and "people" in sides and (
        sides == {"people", "civilians"} or _meets(_interval(a.reading), _interval(b.reading)) is not None)


def _measured_similarity(a: _Read, b: _Read) -> float:
    """How alike two measured things are named: 1 when they share a name ("a 10-metre craft called
    Salahaddin", "a 10-metre dhow ... named the Salahaddin") or a noun, else the best similarity of
    the nouns each goes by in its sentence ("the larger boat, a 10-metre dhow": dhow or boat)."""
    na = {a.reading.measured, *a.reading.figure.aliases} - {None}
    nb = {b.reading.measured, *b.reading.figure.aliases} - {None}
    if na & nb:
        return 1.0
    return max((_NOUN_SIMILARITY.get((x, y), 0.0) for x in na if x and x.islower()
                for y in nb if y and y.islower()), default=0.0)


def _counts_events(r: _Read) -> bool:
    """Whether a count counts tries at an event rather than things: its noun has an event word as
    its compound ("two hijack attempts", "three rescue bids"; a participle such as "damaged" or
    "stolen" says what happened to the things, it names no event). (An event noun alone, "86
    arrests", is read as its predicate and compared as a noun.)"""
    return bool(r.noun) and not predicate_class(r.noun) and any(
        predicate_class(m) and m.isalpha() and not m.endswith(("ed", "en", "ing")) for m in r.mods)


def _times_a_thing(r: _Read) -> bool:
    """Whether a duration says what it times with a noun of its own that names no event ("a
    one-week anniversary", "a six-month price control"), so that it times no public event."""
    noun = r.reading.figure.noun
    return r.clause is None and bool(noun) and noun_key(noun or "") not in _DURATION_WORDS


def _roles_differ(a: _Read, b: _Read) -> bool:
    """Whether one report's thing had an event done to it ("seized two small boats", "attacked two
    boats") and the other's did something ("two boats were closing in", "fired on by two boats"):
    what happened to them differs, so they are two facts."""
    return {_role(a), _role(b)} == {"undergoes", "does"}


def _role(r: _Read) -> str | None:
    """Whether a report's thing underwent its predicate or did it, when the predicate is its own
    verb's (None when the predicate is its clause's event word)."""
    return r.reading.figure.role if r.own_verb else None


def _other_nouns(a: _Read, b: _Read) -> bool:
    """Whether two reports name different counted nouns: in one article that is two things
    ("a wife and two children" ... "two grown daughters"), not the figure repeated ("one man" ...
    "one person": a general person noun names any person)."""
    return a.noun is not None and b.noun is not None and a.noun != b.noun and (a.noun, b.noun) not in _NOUN_COREFER \
        and not _person_hypernym(a.noun, b.noun)


def _person_hypernym(x: str, y: str) -> bool:
    """Whether one of two different counted nouns is a general person noun ("people", "person")
    and the other names people ("man", "employee", "villager"; lang.en.persons): the first may
    count what the second counts."""
    return (x in GENERAL_PERSON_NOUNS and (y in PERSON_NOUNS or canonical_side(y) is not None)) or \
        (y in GENERAL_PERSON_NOUNS and (x in PERSON_NOUNS or canonical_side(x) is not None))


def _one_event_lasted(a: _Read, b: _Read) -> bool:
    """Whether two durations time one public event ("five days of rioting", "four days of riots"):
    one article may give two of them (a lede updated, a paragraph not), and they are one figure."""
    return a.dim == "duration" and a.clause is not None and a.clause == b.clause and a.clause[0] == "lasted"


def _two_gaps(a: _Read, b: _Read) -> bool:
    """Whether two reports are spans of time after two different verbs."""
    return a.clause is not None and b.clause is not None and a.clause[0] == b.clause[0] == _GAP \
        and a.clause != b.clause


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
                # (two figures of one sentence are two items of it: "one count of murder and one
                # count of attempted murder"; a conversion in brackets is left out before)
                same_article = ri.article == rj.article
                # (and two spans in one article after two verbs: "married two weeks before the
                # shooting", "boasted ... two weeks after his death")
                apart = reads[i].sentence == reads[j].sentence or _two_gaps(reads[i], reads[j]) or (
                    ri.figure.value != rj.figure.value and not _one_event_lasted(reads[i], reads[j])) \
                    or (sc is not None and sc < LINK_THRESHOLD) or _other_nouns(reads[i], reads[j])
                if sc is None or (same_article and apart):
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
_DURATION_WORDS = frozenset(("second", "minute", "hour", "day", "week", "month", "year", "decade", "century"))
#: A year or a number in the words read as whose age a figure is ("37-year"): not a name.
_YEARISH = re.compile(r"\d|\byears?\b", re.I)
#: Words either side of a figure quoted in a label when nothing is known of what it counts (chosen
#: by reading the seed, dev-story and demo briefs; it sets only how much of the sentence is shown).
AROUND_WORDS = 4
#: Words a clause-splitting punctuation mark ends a quoted window at.
_WINDOW_STOP = re.compile(r"[;()\[\]“”\"]|:(?!\d)|\s[-–—]\s")


def _unit_name(symbol: str) -> str:
    """A unit symbol in plain words, from the complete units table: "mm" -> "millimetres",
    "kn" -> "knots", "nmi" -> "nautical miles" (the symbol itself when the table lacks it)."""
    forms = [f for f, (sym, _dim, _factor) in UNITS.items() if sym == symbol and f != symbol.lower()]
    written = [f for f in forms if len(f) > 3 and f.isalpha() or " " in f]
    plural = [f for f in written if f.endswith("s") or " per " in f]
    # the table lists a singular before its plural ("foot", "feet")
    return plural[0] if plural else written[-1] if written else symbol


# A number word or figure inside a counted phrase: "12 Somali and 11 Yemeni pirates" stops at "11".
_NEXT_NUMBER = re.compile(rf"(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:\d|(?:{numbers.cardinal_word()}|hundred|thousand|dozen)\b)", re.I)
# Predicate classes said of what is counted in a label ("AK-47 rifles seized", "people injured");
# classes in which what is counted is the doer are said of it as a verb ("robbers who stole").
_DOER_VERBS = {"stolen": "stole", "attacked": "attacked", "damaged": "damaged", "rescued": "rescued",
               "seized": "seized", "detained": "detained", "killed": "killed", "injured": "injured"}


def _counted_words(r: _Read) -> str | None:
    """The counted phrase of a report without its number and qualifier ("AK-47 assault rifles"),
    as written, up to the next number ("12 Somali and 11 Yemeni pirates" -> "Somali")."""
    c = r.reading.figure.counted
    if not c or r.reading.figure.text not in c:
        return None
    rest = c[c.index(r.reading.figure.text) + len(r.reading.figure.text):].strip(" -“”\"'")
    cut = _NEXT_NUMBER.search(rest)
    if cut:
        rest = rest[:cut.start()]
    rest = re.sub(r"^(?:more|additional|extra|further|fresh|other)\s+", "", rest, flags=re.I)
    rest = " ".join(rest.split())
    return None if rest.lower() in ("", "other", "others", "more") else rest


def _as_written(group: list[_Read], noun: str) -> str:
    """A counted noun as the reports write it ("pirates" for the key "pirate"; "diamonds and
    jewels" for "diamond and jewel"), else in the plural."""

    if " and " in noun:
        return " and ".join(_as_written(group, n) for n in noun.split(" and "))
    for r in group:
        for w in re.findall(r"[\w'-]+", r.reading.figure.counted or ""):
            if noun_key(w) == noun:
                return w.lower() if not w.isupper() else w
    # as the sentences write it: a plural ("diamonds"), or the singular of a thing a sum is the value
    # of ("e75m worth of crude oil": oil, not "oils")
    forms = {w for r in group for w in r.reading.figure.context if noun_key(w) == noun}
    plurals = sorted(w for w in forms if w != noun)
    if plurals:
        return plurals[0]
    if noun in forms and group[0].dim.startswith("money:"):
        return noun
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _words_around(group: list[_Read], texts: dict[str, str] | None) -> str | None:
    """The figure of the group's first report with up to ``AROUND_WORDS`` words either side, inside
    its sentence and clause ("attacked nearly 40 ships in the"), or None without the article text."""
    for r in group:
        f = r.reading.figure
        text = (texts or {}).get(r.reading.article)
        if not text or not 0 <= f.start < f.end <= len(text):
            continue
        s0, s1 = _sentence_bounds(text, f.start, f.end)
        s1 = max(s1, f.end)
        # (a stop is looked for with the figure's first character after it: "2:06:28" is one time)
        stops = [m for m in _WINDOW_STOP.finditer(text[s0:f.start + 1]) if m.end() <= f.start - s0]
        lo = s0 + stops[-1].end() if stops else s0
        stop = _WINDOW_STOP.search(text, f.end, s1)
        hi = stop.start() if stop else s1
        before = list(re.finditer(r"\S+", text[lo:f.start]))[-AROUND_WORDS:]
        after = list(re.finditer(r"\S+", text[f.end:hi]))[:AROUND_WORDS]
        lo = lo + before[0].start() if before else f.start
        hi = f.end + after[-1].end() if after else f.end
        return " ".join(text[lo:hi].split()).strip(" ,.")
    return None


def _unknown(head: str, group: list[_Read], texts: dict[str, str] | None) -> str:
    """A label for a figure whose reading says nothing of what it counts: the words around it
    ("figure in “attacked nearly 40 ships”"), else that it is not said."""
    around = _words_around(group, texts)
    return f"{head} in “{around}”" if around else f"{head} (what it counts is not said)"


#: The words that say who a person's age is given for ("son", "Tsikala Stephania", "civil war").
#: A name (two to four capitalised words: one may only open a sentence, "Officers said the
#: 52-year-old") or one or two lowercase words ("son", "civil war"); else a clause, not whose age.
_AGE_OF = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,3}|[a-z][a-z'’-]*(?: [a-z][a-z'’-]*)?")


def _cased(word: str, group: list[_Read], texts: dict[str, str] | None) -> str:
    """``word`` as the articles write it ("greeks" -> "Greeks"), else as given."""
    for r in group:
        m = re.search(rf"\b{re.escape(word)}\b", (texts or {}).get(r.reading.article, ""), re.I)
        if m:
            return m.group(0)
    return word


#: English auxiliaries and relative words that may stand between a subject and its verb (a closed class).
_AUXILIARIES = "|".join(("who", "that", "which", "have", "has", "had", "having", "been", "be", "being", "was",
                         "were", "is", "are", "am", "will", "would", "shall", "should", "can", "could", "may",
                         "might", "must", "do", "does", "did", "also", "then", "reportedly", "allegedly"))


#: Words read after "of" for what a share is a share of ("of the popular vote"); set by reading
#: the dev briefs, not fitted (a longer phrase is a clause, not a noun phrase).
SHARE_OF_WORDS = 4


def _share_of(group: list[_Read], noun: str, texts: dict[str, str] | None) -> str | None:
    """What a share is "of", as written up to its noun ("12% of world trade" -> "world trade",
    "52% of the vote" -> "the vote"), from the first report that writes it so."""
    for r in group:
        text = (texts or {}).get(r.reading.article, "")
        m = re.match(r"\s+of\s+", text[r.reading.figure.end:])
        if not m:
            continue
        words = text[r.reading.figure.end + m.end():].split(maxsplit=SHARE_OF_WORDS)[:SHARE_OF_WORDS]
        for i, w in enumerate(words):
            bare = w.strip(".,;:!?\"'”’)")
            if noun_key(bare) == noun or bare.lower() == noun:
                return " ".join([*words[:i], bare])
            if bare != w:
                break  # the phrase ended before its noun
    return None


#: Forms of "be" that make the verb after them passive ("two banks were attacked").
_BE = frozenset(("was", "were", "is", "are", "am", "be", "been", "being"))


def _said_verb(group: list[_Read], texts: dict[str, str] | None) -> tuple[str, bool] | None:
    """The most frequent verb of the group's reports that their own sentences write, as it is
    written, right after what is counted ("people gathered"; not a lemma such as "leaf" for
    "leaves", nor the verb of another subject), and whether it is passive ("banks were attacked")."""
    said: list[tuple[str, bool]] = []
    for r in group:
        text = (texts or {}).get(r.reading.article)
        verb = r.pred
        if not text or not verb or not verb.isalpha():
            continue
        f = r.reading.figure
        end = f.start + len(f.counted) if f.counted and text.startswith(f.counted, f.start) else f.end
        # the verb right after what is counted, with only auxiliaries between ("10,000 people had
        # gathered"): they did it ("the poll of 1,000 people for the paper gave" is the poll's verb)
        # ("a poll of 1,000 people gave": what is counted is inside another noun's phrase)
        inside = re.search(r"\bof\s*$", text[max(0, f.start - 4):f.start], re.I)
        m = None if inside else re.match(rf"((?:\s+(?:{_AUXILIARIES}))*)\s+([a-z]+)\b(?!\s+to\b)", text[end:], re.I)
        # the verb as written when it is the reading's predicate or of its class ("marched": gathered)
        if m and (m.group(2).lower() == verb or predicate_class(m.group(2).lower()) == verb):
            passive = bool(_BE & set(m.group(1).lower().split())) and not m.group(2).lower().endswith("ing")
            said.append((m.group(2).lower(), passive))
    common = Counter(said).most_common(1)
    return common[0][0] if common else None


def _label_of(group: list[_Read], texts: dict[str, str] | None = None) -> str:
    """What a group counts in plain words, from the sources' own words: "AK-47 assault rifles
    seized", "Somali pirates detained", "robbers who stole", "value of diamonds stolen", "losses
    per day", "percent of respondents", "metres (bridge)", "age of X", "people injured in Athens";
    with ``texts`` (article id -> text), a figure nothing is known of is shown in its own words
    ("figure in “attacked nearly 40 ships”")."""
    first = group[0]
    dim = first.dim
    # a class said of what is counted: not by a report in which it only stands in the doer's phrase
    # of a verb done to something else ("performers from the two countries will hold an event":
    # the holding is of the event, no country is detained)
    pred = _most(r.pred for r in group if r.pred in PREDICATE_CLASSES
                 and not (r.reading.figure.role == "does" and not r.reading.figure.agent))
    agent = sum(r.reading.figure.agent and r.own_verb for r in group) * 2 >= len(group)
    if dim.startswith("money:"):
        unit = dim.split(":", 1)[1]
        per = f" per {unit.split('/', 1)[1]}" if "/" in unit else ""
        own = _most(w for r in group if (w := _counted_words(r)))
        if own:  # "a $35,000 reward": the sum is a reward ("$1 million damage" says what happened itself)
            said = same_class(predicate_class(own.split()[-1]), pred)
            return f"{own}{' ' + pred if pred and pred in _LABEL_PREDICATES and not said else ''}{per}"
        subject = next((r.clause[1] for r in group if r.clause and r.clause[0] == "money"), None)
        if subject:
            return f"{_MONEY_LABEL.get(subject, subject)}{per}"
        noun = _most(r.noun for r in group)
        if noun:  # "gems worth 85 million euros" stolen
            return f"value of {_as_written(group, noun)}{' ' + pred if pred in _LABEL_PREDICATES else ''}{per}"
        return _unknown(f"sum{per}", group, texts) if texts else f"amount in {unit.split('/')[0]}{per}"
    if dim.startswith("record:"):  # "score 88-72 (loss)", "won-lost record 9-14"
        pair = dim.split(":", 1)[1]
        noun = _most(w for r in group if r.reading.label and (w := r.reading.label.split()[-1].lower()) in RECORD_NOUNS)
        if noun in RESULT_NOUNS:
            return f"score {pair} ({noun})"
        return f"won-lost record {pair}"
    if dim == "age":
        named = Counter(r.person for r in group if r.person).most_common(1)
        if named:
            return f"age of {named[0][0]}"
        # whose age the sentence says ("a 16-year-old son"), when it is words, not the number's own
        whose = _most(r.reading.label for r in group if r.reading.label and _AGE_OF.fullmatch(r.reading.label)
                      and not _YEARISH.search(r.reading.label))
        if whose:
            return f"age of {'the ' if whose[0].islower() else ''}{whose}"
        return _unknown("age", group, texts)
    if dim == "percent":
        share = Counter(" ".join([*sorted(r.mods), r.noun]) for r in group if r.noun).most_common(1)
        if not share:
            return _unknown("percent", group, texts)
        # a share of people counted in the plural ("62 percent of respondents"), else of a thing
        noun = share[0][0].split()[-1]
        of = _share_of(group, noun, texts)
        if of:  # as the sources write it: "percent of the vote", "percent of world trade"
            return f"percent of {of}"
        plural = _most(w for r in group for w in re.findall(r"[\w'-]+", r.reading.label or "")
                       if noun_key(w) == noun and w.lower() != noun)
        if plural:
            return f"percent of {share[0][0].rsplit(' ', 1)[0] + ' ' if ' ' in share[0][0] else ''}" \
                f"{_cased(plural, group, texts)}"
        # a noun the share is not "of" ("a 3.1 percent margin of error"): the words say what it is
        return _unknown("percent", group, texts) if texts else f"percent ({share[0][0]})"
    if dim == "duration":
        # "eight-year offer", "five days of rioting": the unit, and what lasts it where the sources say
        span = _most(r.reading.figure.unit for r in group) or "duration"
        lasts = _most(r.reading.figure.noun for r in group
                      if r.reading.figure.noun and r.reading.figure.noun.rstrip("s") not in _DURATION_WORDS)
        return f"{span} ({lasts})" if lasts else _unknown(span, group, texts)
    if dim != "count":
        unit = first.reading.figure.unit or dim
        thing = Counter(r.reading.measured for r in group if r.reading.measured).most_common(1)
        name = _unit_name(unit)
        return f"{name} ({thing[0][0]})" if thing else _unknown(name, group, texts)
    phrases: Counter[str] = Counter()
    written: dict[str, str] = {}
    for r in group:
        w = _counted_words(r)
        if w:
            phrases[w.lower()] += 1
            written.setdefault(w.lower(), w)
    what = written[phrases.most_common(1)[0][0]] if phrases else ""
    # a nationality alone ("12 Somali") says what it counts with the group's noun ("Somali pirates")
    nouns = Counter(r.noun for r in group if r.noun and r.noun not in r.mods and r.noun not in GENERIC_NOUNS)
    if nouns and what.lower() in {m for r in group for m in r.mods} | {""}:
        noun = nouns.most_common(1)[0][0]
        what = f"{what} {_as_written(group, noun)}".strip() if what.lower() != noun else _as_written(group, noun)
    side = _most(r.side for r in group if r.side and r.side != "people")
    top = phrases.most_common(2)
    if side and len(top) == 2 and top[0][1] == top[1][1]:
        # the sources name it each in their own words ("18 police", "Eighteen guards", "18 victims"):
        # the side they agree on says it plainly ("security forces")
        what = side
    if not what and side:
        what = side
    if not what and pred in ("killed", "injured", "detained", "missing", "evacuated", "rescued"):
        what = "people"
    if not what:
        return ("additional " if first.reading.increment else "") + _unknown("figure", group, texts)
    someone = any(r.side for r in group)  # who is counted are people: "who", not "that"
    generic = noun_key(what.split()[-1]) in GENERIC_NOUNS or what.lower() in ("people", "others")
    if generic and pred not in _LABEL_PREDICATES:
        # "people" alone says nothing: what they did or what was done to them, as the sources say
        # it ("people who gathered", "people were moved": "people moved"). (Said of every noun, the
        # verb is too often half a phrase: "countries accounted [for]", "pirates based [in]".)
        said_verb = _said_verb(group, texts)
        if said_verb:
            verb, passive = said_verb
            what = f"{what} {verb}" if passive or verb.endswith("ing") \
                else f"{what} {'who' if someone else 'that'} {verb}"
    agent = agent and pred in _DOER_VERBS
    # an event noun says what happened itself: "deaths", "arrests", "injuries" (not "deaths killed")
    said = bool(what.split()) and same_class(predicate_class(what.split()[-1]), pred)
    if pred and not said and pred not in what.lower().split() and (pred in _LABEL_PREDICATES or agent):
        label = f"{what} {'who' if someone else 'that'} {_DOER_VERBS.get(pred, pred)}" if agent else f"{what} {pred}"
    else:
        label = what
    scope = _most(" ".join(sorted(r.scope)) for r in group) if generic else None
    # where the people were ("people injured in Athens"), when most reports say it: one report's
    # village is not where all the others' people were
    held = sum(" ".join(sorted(r.scope)) == scope for r in group)
    if scope and len(scope.split()) == 1 and 2 * held >= len(group):
        label = f"{label} in {scope.title()}"
    if generic and label == what and what.lower() in GENERIC_NOUNS | {"people", "others"}:
        # "people" and nothing else known of them: the words around the figure say who
        label = _unknown(what, group, texts) if _words_around(group, texts) else label
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
    nouns = sorted({r.noun for r in reads if r.noun} | {r.reading.measured for r in reads if r.reading.measured}
                   | {n for r in reads if r.reading.measured for n in r.reading.figure.aliases if n.islower()})
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


def _nouns_apart(reads: list[_Read]) -> set[tuple[str, str]]:
    """Noun pairs one sentence counts side by side with two numbers ("2.5 million eligible voters
    picking between 288 candidates for 125 seats"): two things in this story, whatever their words'
    embeddings say ("voters" / "candidates" are 0.60 alike). A part and its whole ("of whom 12")
    are no such pair."""
    by_sentence: dict[tuple[str, frozenset[str]], list[tuple[str, float]]] = defaultdict(list)
    for r in reads:
        if r.noun and r.dim in ("count", "percent") and not r.subgroup and r.noun not in GENERIC_NOUNS:
            by_sentence[(r.reading.article, r.context)].append((r.noun, float(r.reading.figure.value)))
    out: set[tuple[str, str]] = set()
    for counted in by_sentence.values():
        for n1, v1 in counted:
            for n2, v2 in counted:
                if n1 != n2 and v1 != v2 and n1 not in n2.split() and n2 not in n1.split():
                    out.add((n1, n2))
    return out


def _coreferent_nouns(reads: list[_Read]) -> set[tuple[str, str]]:
    """Noun pairs two articles count with the same distinctive number under one predicate class."""
    seen: dict[tuple[str, float, str], set[tuple[str, str, frozenset[str]]]] = defaultdict(set)
    for r in reads:
        v = float(r.reading.figure.value)
        if r.noun and v >= COREFER_MIN_VALUE and r.dim == "count" and not (
                v < COREFER_BARE_MIN_VALUE and qualifier_class(r.reading.figure.qualifier) == "about"):
            # (a small round number given as one: "about a dozen ships" and "12 Somalis" share it by chance)
            # one predicate class ("captured" / "nabbed"), or no event verb on either side ("a force
            # of 2,500 personnel" / "can overcome the 2,500 men"): the number names the same group
            pred = r.pred if r.pred in PREDICATE_CLASSES else ""
            if pred or v >= COREFER_BARE_MIN_VALUE or (v % ROUND_STEP and not r.reading.figure.qualifier):
                # (a number no one rounds, "27 polling stations abroad" / "27 overseas booths", is
                # as distinctive as a large one)
                seen[(r.dim, v, pred)].add((r.noun, r.reading.article, r.context))
    # two nouns one article counts with one number are two things when one sentence counts both
    # ("20 schools and 20 clinics") or two events ("recovered 12 AK 47 guns" / "12 are from
    # Somalia", arrested); one article may name one group twice ("23 pirates" ... "Twenty-three
    # personnel", both detained)
    by_value: dict[tuple[str, float], list[tuple[str, str, frozenset[str], str | None]]] = defaultdict(list)
    for r in reads:
        if r.noun and r.dim == "count":
            by_value[(r.dim, float(r.reading.figure.value))].append((r.noun, r.reading.article, r.context, r.pred))
    apart_all: set[tuple[str, str]] = set()
    for mentions in by_value.values():
        for n1, a1, c1, p1 in mentions:
            for n2, a2, c2, p2 in mentions:
                if a1 == a2 and n1 != n2 and (c1 == c2 or p1 != p2):
                    apart_all.add((n1, n2))
    out: set[tuple[str, str]] = set()
    for items in seen.values():
        apart = apart_all
        for n1, a1, _c1 in items:
            for n2, a2, _c2 in items:
                if n1 != n2 and a1 != a2 and (n1, n2) not in apart:
                    out.add((n1, n2))
    return out


def _fact_groups_of(reads: list[_Read], articles: Sequence[Article]) -> list[FactGroup]:
    """Steps 2-4 of :func:`fact_groups`."""
    _NOUN_SIMILARITY.clear()
    _NOUN_SIMILARITY.update(_noun_similarities(reads))
    _WHOLES_APART.clear()
    _WHOLES_APART.update(_nouns_apart(reads))
    _NOUN_COREFER.clear()
    _NOUN_COREFER.update(_coreferent_nouns(reads))
    _SHARE_NAMES.clear()
    for share in reads:  # "a turnout more than 50 percent of eligible voters": turnout is a share of voters here
        if share.dim == "percent" and share.noun:
            for other in share.reading.figure.aliases:
                _SHARE_NAMES.update({(share.noun, other), (other, share.noun)})
    _NOUN_COREFER.update(_SHARE_NAMES)
    out: list[FactGroup] = []
    text_of = {a.id: a.text for a in articles}
    for cluster in _cluster(reads):  # 2
        if all(r.reading.figure.restates for r in cluster):
            continue  # a conversion no other source gives in its unit adds nothing to the table
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
                              # the report's own interval as its figure states it ("$14m to $15m"),
                              # not the band it is compared with ("$4.5bn" is known to $0.05bn)
                              low=r.figure.low, high=r.figure.high)
                   for r in group]
        first = cluster[0].reading.figure
        lo, hi = (b / _base(first, 1.0) for b in bounds) if bounds else (None, None)
        preds = Counter(r.pred for r in cluster if r.pred)
        sides = Counter(r.side for r in cluster if r.side)
        out.append(FactGroup(
            label=_label_of(cluster, text_of) + (" (over time)" if update else ""), verdict=verdict,
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
