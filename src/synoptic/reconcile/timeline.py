"""The timeline: dated events merged across sources by date, in date order, each with its granularity
(a day, a month, a year) and marked as an event or as an announced date (a deadline, a forecast)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from synoptic.dating import _on_short_line, is_historic
from synoptic.extract.timex import clause_tense
from synoptic.lang.en.addresses import TIME_ZONES
from synoptic.lang.en.calendar import (
    MONTH_PREFIX_ALTERNATION,
    WEEKDAY_NAME_ALTERNATION,
    WEEKDAY_NAMES,
    month_number,
)
from synoptic.lang.en.numbers import number_value
from synoptic.reconcile._text import (
    _content_stems,
    _sentence_bounds,
)
from synoptic.records import (
    Article,
    Citation,
    Extraction,
    TimelineEntry,
    TimeRef,
)
from synoptic.util.unionfind import UnionFind

#: Longest timeline entry text, in words (the clause around the date, cut around it).
TIMELINE_WORDS = 28

#: A sentence up to this many words longer than ``TIMELINE_WORDS`` is kept whole: cutting two or
#: three words off its start ("… tugboats were now working") reads worse than a slightly long entry
#: (set by reading the bundled sample's timeline).
TIMELINE_SLACK_WORDS = 6

#: Weight of the position prior when picking the sentence that describes a date (0..1 bonus for
#: a mention at the top of its article; set by reading the seeds' timeline entries).
TIMELINE_POSITION_WEIGHT = 0.3

#: Bonus for a date written out with its month ("January 6", "6 Jan 2022", "2022-01-06") over a
#: relative one ("yesterday") when picking the sentence that describes a date.
TIMELINE_EXPLICIT_WEIGHT = 0.5

#: Two sentences of one year or month tell the same event when they share at least this part of
#: the shorter one's content words (besides the date). Fitted on ECB+ dev topics 3, 7, 8, 10, 12,
#: 13, 14 (same-event pairs as low as 0.14: "shut down for good in December 2007" / "forced it to
#: close in December 2007"; different events at 0.00-0.09: Rahman's 2005 title / Bowe's 2005 fight);
#: checked on topics 18-24 (see tests/reconcile/test_timeline.py).
TIMELINE_SAME_EVENT_SHARE = 0.12

#: Two days at most this far apart on which sources tell the same event (the same verb with the
#: same subject: "Reid checked herself in on Tuesday" / "Reid checked into Promises on Friday")
#: are one event whose day the sources dispute: one entry, on the day most sources give, that says
#: so. A week: a report a few days late misdates by days, not weeks (read from review13 rehab).
TIMELINE_CONFLICT_DAYS = 7

#: Granularities whose entries are split by event (``_events``); a day's mentions stay together:
#: a story's main event is told in many words on its day ("intercepted", "thwarted", "foiled").
TIMELINE_SPLIT_GRANULARITIES = ("month", "year")

#: A sentence with fewer content words than this besides its date is a piece of a sentence (the
#: splitter cut "3: 45 p. m. on Friday." after "p. m."), no entry text while a fuller one exists
#: (set by reading ECB+ dev 18b, 22b and 24b: 0-1 words; "Niyazov died in 2006." of review10 has 2).
TIMELINE_MIN_TOLD_WORDS = 2

#: Granularities a timeline entry can have, finest first; coarser values (weeks, quarters, "now")
#: are no point to put an event on.
TIMELINE_GRANULARITIES = ("day", "month", "year")

_VALUE = {
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
    "year": re.compile(r"(\d{4})"),
}


def _period(d: TimeRef, text_len: int) -> tuple[str, str] | None:
    """(value at its granularity, granularity) of a date a timeline can show, else None.

    A time of day counts as its day ("2022-01-07TMO"); intervals, weeks, quarters, seasons and
    references ("now") do not go on the timeline."""
    if not d.value or "/" in d.value or not (0 <= d.start < d.end <= text_len):
        return None
    gran = "day" if d.granularity == "time" else d.granularity
    if gran not in TIMELINE_GRANULARITIES:
        return None
    m = _VALUE[gran].match(d.value)
    if m is None or (gran != "day" and len(d.value) != m.end()):
        return None
    return m.group(), gran


_ZONE = "|".join(sorted(TIME_ZONES, key=len, reverse=True))

#: A clock time written right after a date on its line ("December 15th, 2008, 7: 35 am",
#: "16 December 2008 13: 45", "Nov 12, 2011, 05. 51AM IST", "August 8, 2012 - 4: 43 pm"): the
#: style of a page's time stamp. Prose puts a word between them ("on March 11 at 9 a.m.").
_CLOCK_AFTER = re.compile(
    rf"[\s,–—-]*\d{{1,2}}\s?(?::\s?\d{{2}}(?!\d)|\.\s?\d{{2}}\s?(?:[AaPp]\.?\s?[Mm]\b|(?:{_ZONE})\b))")


#: A date that is a piece of a web address's path ("…com / 2012 / 11 / 20 / arson-in-…"); a
#: slash between worded dates ("late October / early November") is no path.
_PATH_AFTER = re.compile(r"\s?/\s?\d")

#: Four digits and a time zone are a clock time ("broke out at about 2045 GMT"), not a year.
_ZONE_AFTER = re.compile(rf"\s?(?:{_ZONE})\b")


def _stamp(text: str, start: int, end: int) -> bool:
    """Whether a date is a page's stamp (its publication or update line), not an event of the
    story: it stands on a short date line (:func:`synoptic.dating._on_short_line`: "Updated:
    November 11, 2011 20: 09 IST") or a clock time follows it directly ("TNN Nov 12, 2011, 05. 51AM
    IST MUMBAI: ..."), or it is a piece of a web address ("com / 2012 / 11 / 20 / ..."): the
    sources list says when a page was written. Nor is a clock time or a measure read as a year
    ("2045 GMT", "fell around 2000ft")."""
    if re.fullmatch(r"\d{4}", text[start:end]) and (_ZONE_AFTER.match(text, end) or text[end:end + 1].isalpha()):
        return True  # "2045 GMT" is a clock time, "2000ft" a height
    return _on_short_line(text, start, end) or _CLOCK_AFTER.match(text, end) is not None \
        or (text[start:start + 1].isdigit() and text[max(0, start - 2):start].rstrip().endswith("/")) \
        or _PATH_AFTER.match(text, end) is not None


#: A date counted from another one ("the next day", "two days later", "the same day").
_ANAPHORIC = re.compile(r"\b(?:the\s+(?:next|following|same|previous|preceding|prior)|later|earlier|before|after)\b",
                        re.I)


def _misanchored(d: TimeRef, value: str, art: Article) -> bool:
    """Whether a date counted from another one was counted from the wrong one: it lies after the
    source's publication yet its clause tells it in the past ("burned so badly she died the next
    day", counted from the publication day instead of the fire's). A told event cannot come after
    the telling; the date it was counted from is not known, so the date is no point of the timeline."""
    anchor = (d.anchor or "")[: len(value)]
    return bool(anchor and value > anchor and _ANAPHORIC.search(d.text)
                and clause_tense(art.text, d.start, d.end) == "past")


#: A photo caption's date closes its sentence: at most this many words follow it (", in Pahoa,
#: Hawaii.", ", at St. Cecilia Catholic Church in Dallas."). Read from review15's captions (AP "...,
#: from The Royal Courts of Justice in London, Monday, Feb. 5, 2018.", Reuters "... in Sao Paulo
#: March 6, 2013.") and review14 koreaflag's; checked on Multi-News dev clusters 0-49 (fitted) and
#: 50-99 (held out): every date it took there a caption's (see tests/reconcile/test_timeline_events.py).
CAPTION_TAIL_WORDS = 8

_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})
#: "In this Oct. 22, 2011 file photo, ...": the date of a picture the page shows.
_PHOTO_AFTER = re.compile(r"(?i)[,\s]*(?:file\s+)?(?:photo|picture|image)\b")
#: A chronology's item: the date opens its line and a colon or a dash follows it ("24 October 2016:").
_ITEM_AFTER = re.compile(r"\s*[-–—:]\s+\S")


def _simple_present(verb: Any) -> bool:
    """Whether a verb is a finite simple present without auxiliaries ("holds", "sign"; a bare "VB"
    with its subject is a plural present the tagger took for a base form: "Park and Samoskevich
    reach for the puck")."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children))


def _present_root(text: str, d: TimeRef) -> bool:
    """Whether the sentence of a date is told in the present: its root is a verb in the simple
    present (:func:`_simple_present`), or a present passive or progressive ("Protesters are seen ..."), and
    no verb between the date and that root is past or modal ("Police say the man, who was born
    March 6, 1980, ...": the date belongs to "was born")."""
    root = _date_root(text, d)
    if root is None:
        return False
    path = [a for a in root.ancestors if a.pos_ in ("VERB", "AUX")]
    top = next((a for a in [root, *root.ancestors] if a.dep_ == "ROOT"), None)
    if top is None or top.pos_ not in ("VERB", "AUX"):
        return False
    for verb in path:
        if verb.tag_ == "VBD" or any(c.tag_ in ("VBD", "MD") for c in verb.children if c.dep_ in ("aux", "auxpass")):
            return False
    auxes = {c.lower_ for c in top.children if c.dep_ in ("aux", "auxpass")}
    return _simple_present(top) or (bool(auxes) and auxes <= _PRESENT_AUX and top.tag_ in ("VBG", "VBN"))


def _heading(text: str, d: TimeRef) -> bool:
    """Whether a date heads an item of a chronology: it opens its line, a colon or dash after it."""
    return not text[text.rfind("\n", 0, d.start) + 1:d.start].strip() and _ITEM_AFTER.match(text, d.end) is not None


def _historical_present(text: str, d: TimeRef) -> bool:
    """Whether a date written with its year is told in the present of a chronology or a caption,
    which tells what happened then: it heads a chronology's item ("24 October 2016: MPs sign a
    letter ..."), or it is a caption's (:func:`_caption`: "An employee holds circuit boards ... March
    6, 2013."). Not a present inside another clause ("Imagine that Democrats win the Senate in
    2018": a supposition) nor a schedule told with "will" or a modal."""
    return bool(_YEAR_IN.search(d.text)) and (_heading(text, d) or _caption(text, d))


def _caption(text: str, d: TimeRef) -> bool:
    """Whether a date is a photo caption's: "in this Oct. 22, 2011 file photo, ..."; or a full date
    (month, day and year) that closes a sentence told in the present (:func:`_present_root`; at most
    :data:`CAPTION_TAIL_WORDS` words after it: a place), and not after the date the source was
    anchored on (a picture shows what was: "The festival opens on June 5, 2019 in Berlin" in a 2014
    report is a schedule). The day a picture was taken is no event the story tells."""
    if not (_EXPLICIT_DATE.search(d.text) and _YEAR_IN.search(d.text)):
        return False
    if _PHOTO_AFTER.match(text, d.end) and re.search(r"(?i)\bin\s+this\s+$", text[max(0, d.start - 12):d.start]):
        return True
    if (d.anchor and (d.value or "")[:10] > d.anchor[:10]) or is_historic(text, d.start, d.end):
        return False  # a day ahead, or history the prose recalls ("the anniversary of the September 11, 2001, attacks")
    _s0, s1 = _sentence_bounds(text, d.start, d.end)
    if len(re.findall(r"[^\W_]+", text[d.end:s1])) > CAPTION_TAIL_WORDS or _heading(text, d):
        return False
    return _present_root(text, d)


def _captioned(text: str, dates: list[TimeRef]) -> set[int]:
    """Starts of the dates that belong to photo captions: a caption's date (:func:`_caption`) and
    the same date again in its paragraph (the credit line after it: "Picture taken December 28,
    2017. REUTERS/...")."""
    out: set[int] = set()
    for d in dates:
        if d.value and _caption(text, d):
            p0 = text.rfind("\n", 0, d.start) + 1
            p1 = text.find("\n", d.end)
            p1 = len(text) if p1 < 0 else p1
            out |= {o.start for o in dates if o.value == d.value and p0 <= o.start < p1}
    return out


def _surname(text: str, d: TimeRef) -> bool:
    """Whether a month read alone is a name's last word: a proper noun inside the sentence stands
    right before it, as a first name does ("Fredric March, Agnes Moorhead", "Theresa May"); prose
    puts a preposition or a determiner there ("in March", "last May"), and a weekday or a month
    before one is a date ("Friday March")."""
    if month_number(d.text.strip().rstrip(".")) is None:
        return False
    toks = _date_tokens(text, d)
    if not toks or toks[0].i < 1:
        return False
    before = toks[0].doc[toks[0].i - 1]
    return before.tag_ == "NNP" and before.text[:1].isupper() and not before.is_sent_start \
        and month_number(before.text.rstrip(".")) is None and before.text.capitalize() not in WEEKDAY_NAMES


def _first_day(value: str) -> str:
    """The first day a day, month or year value covers, as YYYY-MM-DD."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def _announced(d: TimeRef, value: str, art: Article) -> bool | None:
    """Whether the source gives the date as still to come: it lies after the date the source was
    anchored on (its publication), or on that day in a clause in the future tense ("will speak
    today"); without an anchor, the clause's tense alone decides, and a clause with no tense to read
    says nothing either way (None: "By 2017, the volume is expected to be ..." parsed without a
    tense). A date the text frames as history ("the anniversary of the September 11, 2001, attacks",
    "since March 11, 2005", a file photo's date: :func:`synoptic.dating.is_historic`), or a date
    written with its year in a time adverbial of a past clause ("In April 2007 the suspect was found
    guilty": an inferred anchor may be too early; not "was shooting for a 2011 release date"), is an
    event whatever the anchor says. A date with its year told in the simple present of a chronology
    or a caption (:func:`_historical_present`: "24 October 2016: MPs sign a letter") is no schedule:
    its tense does not make it still to come."""
    if is_historic(art.text, d.start, d.end):
        return False
    tense = clause_tense(art.text, d.start, d.end)
    if _YEAR_IN.search(d.text) and _TIME_ADVERBIAL.search(art.text, max(0, d.start - 10), d.start) \
            and tense == "past":
        return False  # "In April 2007 the suspect was found guilty": told as past, whatever the anchor
    anchor = (d.anchor or "")[: len(value)]
    if anchor and value > anchor:
        return True
    if anchor and value < anchor:
        return False
    if tense == "future":
        return not _historical_present(art.text, d)
    return False if anchor or tense == "past" else None


_RELATIVE_DAY = re.compile(r"(?i)(?:the\s+day\s+before\s+)?(?:yesterday|today|tonight|tomorrow)")
_WEEKDAY_BESIDE = re.compile(rf"\s*,?\s*(?:on\s+)?({WEEKDAY_NAME_ALTERNATION})\b")
_TIME_ADVERBIAL = re.compile(r"(?i)\b(?:in|on|during)\s+$")
_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_WORD = re.compile(rf"(?i)\b((?:{MONTH_PREFIX_ALTERNATION})[a-z]*)\.?")
_UNITS = {"day": 1, "week": 7}
_COUNTED = re.compile(
    r"(?i)^(?:(?P<n>\w+)\s+(?P<unit>day|week)s?\s+(?P<dir>earlier|before|later|after)"
    r"|the\s+(?P<rel>previous|preceding|prior|next|following)\s+day"
    r"|the\s+day\s+(?P<dir2>before|after))$")


def _day(value: str | None) -> date | None:
    m = _VALUE["day"].match(value or "")
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _narrated(text: str, dates: list[TimeRef]) -> list[TimeRef]:
    """The article's dates as its narrative places them (copies where a reading changes):

    1. a relative day beside the weekday it names ("Yesterday, on Friday") falls on that weekday:
       when the two disagree (the publication day was inferred a day off), the weekday wins, on
       the nearest such day;
    2. a month-day without its year told in a clause that is not future, which the reading put
       after the publication date, is in the year the text last gave that month ("killed June 24,
       2005 ... investigating a June 20 shooting" in a 2007 report; "in June 2005 ... was killed
       on June 24"): the narrative is back in that year, not announcing a date to come;
    3. a day counted from another ("four days earlier", "the previous day") is counted from the
       last day named before it in its sentence (the narrated event it follows), not from the
       publication day;
    4. days of one month written without their year in one sentence are in one year, the first's
       ("ballots will be mailed on January 2 and tallied on January 23": the tense read for the
       second verb may differ, the writer meant one January).
    """
    out: list[TimeRef] = []
    year_of_month: dict[int, int] = {}  # month -> the year the text last gave it with
    year_in_sentence: dict[tuple[int, int], int] = {}  # (sentence start, month) -> its first yearless day's year
    for d in sorted(dates, key=lambda r: r.start):
        new = d
        day = _day(d.value)
        anchor = _day(d.anchor)
        if day is not None and _RELATIVE_DAY.fullmatch(d.text.strip()):
            m = _WEEKDAY_BESIDE.match(text, d.end)
            if m is not None:
                want = WEEKDAY_NAMES.index(m.group(1).capitalize())
                if day.weekday() != want:
                    back = (day.weekday() - want) % 7
                    moved = day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)
                    new = replace(d, value=moved.isoformat())
        month = _MONTH_WORD.search(d.text)
        year = _YEAR_IN.search(d.text)
        if month is not None and (number := month_number(month.group(1))) is not None:
            s0, _s1 = _sentence_bounds(text, d.start, d.end)
            if year is None and day is not None and (s0, number) in year_in_sentence \
                    and year_in_sentence[(s0, number)] != day.year:
                try:  # "ballots will be mailed on January 2 and tallied on January 23": one year
                    new = replace(d, value=day.replace(year=year_in_sentence[(s0, number)]).isoformat())
                except ValueError:
                    pass
            elif year is None and day is not None:
                year_in_sentence[(s0, number)] = day.year
            if year is not None:
                year_of_month[number] = int(year.group())
            elif day is not None and anchor is not None and day > anchor and number in year_of_month \
                    and year_of_month[number] < day.year and clause_tense(text, d.start, d.end) != "future":
                try:
                    new = replace(d, value=day.replace(year=year_of_month[number]).isoformat())
                except ValueError:
                    pass
        counted = _COUNTED.match(d.text.strip())
        if counted is not None and day is not None:
            s0, _s1 = _sentence_bounds(text, d.start, d.end)
            before = [_day(o.value) for o in out if s0 <= o.start < d.start and o.granularity == "day"]
            base = next((b for b in reversed(before) if b is not None), None)
            if base is not None:
                if counted["rel"] or counted["dir2"]:
                    step, back = 1, (counted["rel"] or "").lower() in ("previous", "preceding", "prior") \
                        or (counted["dir2"] or "").lower() == "before"
                else:
                    n = number_value(counted["n"].lower()) if not counted["n"].isdigit() else int(counted["n"])
                    if n is None and counted["n"].lower() in ("a", "an"):
                        n = 1
                    step = (n or 0) * _UNITS[counted["unit"].lower()]
                    back = counted["dir"].lower() in ("earlier", "before")
                if step:
                    moved = base - timedelta(days=step) if back else base + timedelta(days=step)
                    new = replace(d, value=moved.isoformat())
        out.append(new)
    return out


_BARE_WEEKDAY = re.compile(
    rf"(?i)(?:(?:late|early)\s+)?(?P<wd>{WEEKDAY_NAME_ALTERNATION})(?:\s+(?:morning|afternoon|evening|night))?")
_SHIFT = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _written_on(text: str, dates: list[TimeRef], how: str) -> list[TimeRef]:
    """The article's weekdays read once each, from the day it was written, when its date is not its
    own (inferred, or taken from a dated caption) and it names one weekday both in a past and in a
    future clause that were read a week apart ("Gov. Ige said Thursday ..." read back to May 3,
    "the park plans to close Thursday night" read ahead to May 10, from a caption's Tuesday, May 8):
    a day told as past and as still to come is the day of writing, the one of the two nearest the
    date the article was anchored on, unless the text writes that date out itself outside a caption
    (its time stamp: the date is its own, and the weekday read a week off is a misread tense). Its
    bare weekdays and "today", "yesterday", "tomorrow" are
    read again from that day (past clauses back, future ones ahead, the others the nearest) and the
    article's dates take it as their anchor. A source's own publication date is kept as it is
    (two Thursdays a week apart can both be meant), and so is an article with two such weekdays."""
    if how == "metadata" or len(dates) < 2:
        return dates
    tenses: dict[int, dict[date, set[str | None]]] = defaultdict(lambda: defaultdict(set))
    for d in dates:
        m, day = _BARE_WEEKDAY.fullmatch(d.text.strip()), _day(d.value)
        if m is not None and day is not None:
            tenses[WEEKDAY_NAMES.index(m["wd"].capitalize())][day].add(clause_tense(text, d.start, d.end))
    split = [wd for wd, days in tenses.items() if len(days) > 1
             and any("past" in t for t in days.values()) and any("future" in t for t in days.values())]
    anchor = next((a for d in dates if (a := _day(d.anchor)) is not None), None)
    if len(split) != 1 or anchor is None:
        return dates
    captioned = _captioned(text, dates)
    if any(_day(d.value) == anchor and _EXPLICIT_DATE.search(d.text) and d.start not in captioned for d in dates):
        return dates  # the text writes out the day it is dated on (its stamp, "Sun Sep 15 2013"): its own
    written = min(tenses[split[0]], key=lambda day: (abs((day - anchor).days), day))
    out: list[TimeRef] = []
    for d in dates:
        new = replace(d, anchor=written.isoformat())
        m = _BARE_WEEKDAY.fullmatch(d.text.strip())
        rel = d.text.strip().lower()
        if m is not None and _day(d.value) is not None:
            back = (written.weekday() - WEEKDAY_NAMES.index(m["wd"].capitalize())) % 7
            tense = clause_tense(text, d.start, d.end)
            ahead = (7 - back) % 7
            if tense == "future" or (tense is None and ahead < back):
                new = replace(new, value=(written + timedelta(days=ahead)).isoformat())
            else:
                new = replace(new, value=(written - timedelta(days=back)).isoformat())
        elif rel in _SHIFT and _day(d.value) is not None:
            new = replace(new, value=(written + timedelta(days=_SHIFT[rel])).isoformat())
        out.append(new)
    return out


#: Verbs of saying: a weekday or relative day they govern is the day a source spoke ("Ketsoyan
#: said Friday that ...", "the rep confirmed to People on Friday"), not the event's; "announced
#: Thursday" stays (an announcement is an event). Their forms (the parser here gives no lemmas).
_SAYING = frozenset(f"{stem}{end}" for stem, ends in (
    ("say", ("", "s")), ("said", ("",)), ("tell", ("", "s")), ("told", ("",)), ("confirm", ("", "s", "ed")),
    ("state", ("", "s", "d")), ("add", ("", "s", "ed")), ("note", ("", "s", "d")), ("explain", ("", "s", "ed")),
) for end in ends)


def _date_tokens(text: str, d: TimeRef) -> list[Any]:
    """A date expression's tokens in its sentence's dependency parse; none without a parse."""
    from synoptic.extract.timex import _sentence_parse

    doc, s0 = _sentence_parse(text, d.start, d.end)
    if doc is None:
        return []
    return [t for t in doc if s0 + t.idx >= d.start and s0 + t.idx + len(t.text) <= d.end]


def _date_root(text: str, d: TimeRef) -> Any:
    """A date expression's own root word in its sentence's dependency parse ("Tuesday" in "checked
    in on Tuesday"; its head is the word it hangs from); None without a parse or tokens."""
    toks = _date_tokens(text, d)
    if not toks:
        return None
    return next((t for t in toks if t.head not in toks or t.head == t), toks[0])


def _reporting_day(text: str, d: TimeRef) -> bool:
    """Whether the date is the day a source spoke: a weekday or relative day (a day written with
    its month is told for itself) whose head in the dependency parse, through "on", is a verb of
    saying (:data:`_SAYING`)."""
    if _EXPLICIT_DATE.search(d.text) or _YEAR_IN.search(d.text):
        return False
    root = _date_root(text, d)
    if root is None:
        return False
    head = root.head
    if head.dep_ == "prep" and head.lower_ == "on":
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.lower_ in _SAYING and root.dep_ in ("npadvmod", "pobj")


def timeline(articles: list[Article], extractions: list[Extraction]) -> list[TimelineEntry]:
    """Dated events of the story, merged across sources by date, in date order.

    Steps:
    1. dates a timeline can show: a day, a month or a year (``_period``), with their sentence,
       not a page's time stamp (``_stamp``), a photo caption's (``_captioned``) or a month that is
       a surname (``_surname``: "Fredric March"), as the article's narrative places them
       (``_written_on``: a weekday told as past and as to come is the day of writing, when the
       article's date is not its own; ``_narrated``: a yearless day in the year the text last gave
       its month, a day counted from the day its sentence named, a weekday beside a relative day);
       a month or a year is dropped when the timeline has finer dates inside it (they tell more);
    2. merged by date; one evidence span per source, the one that names the date best
       (``_naming``: "January 6" over "Thursday" over "the next day"; the first on ties), ordered by
       article;
    3. a year or a month whose sources tell different events of it (their sentences share next to
       no words: "X retired last year", "the couple during the past year bought homes") is one
       entry per event (``_events``), the most cited first;
    3b. days within ``TIMELINE_CONFLICT_DAYS`` on which different sources tell the same event are
       one entry on the day most of them give, noting the other day (``_disputed_days``);
    4. the entry text is the clause around the date in the most central evidence sentence (the
       one sharing most words with the other evidence of that date and with the story's other
       articles; a fragment that tells nothing besides the date, "on Friday.", only when no other
       sentence has it: ``_tells``; nor the day a source spoke while another span tells the day:
       ``_reporting_day``), cut to ``TIMELINE_WORDS`` words around the date;
    5. the entry is "announced" when a source gives its date as still to come (a deadline, a
       schedule, a forecast: ``_announced``) and none gives it as past, else an "event", whose
       text then comes from a source that tells it happened, not one that announced it.
    """
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    # 1. dates with a day, month or year
    found: dict[tuple[str, str], list[tuple[int, TimeRef, Article]]] = defaultdict(list)
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        captioned = _captioned(art.text, ex.dates)
        for d in _narrated(art.text, _written_on(art.text, ex.dates, ex.published_how)):
            period = _period(d, len(art.text))
            if period and not _stamp(art.text, d.start, d.end) and not _misanchored(d, period[0], art) \
                    and d.start not in captioned and not _surname(art.text, d):
                found[period].append((order, d, art))
    days = {v for v, g in found if g == "day"}
    months = {v for v, g in found if g == "month"} | {v[:7] for v in days}
    for value, gran in list(found):
        if (gran == "month" and any(d.startswith(value) for d in days)) or \
                (gran == "year" and any(m.startswith(value) for m in months)):
            del found[(value, gran)]
    doc_words = {a.id: set(_content_stems(a.text)) for a in articles}
    out: list[TimelineEntry] = []
    groups: list[tuple[str, str, list[tuple[int, TimeRef, Article]]]] = []
    for value, gran in sorted(found, key=lambda k: (_first_day(k[0]), TIMELINE_GRANULARITIES.index(k[1]))):
        # 2. evidence, one span per source
        best_of: dict[str, tuple[int, TimeRef, Article]] = {}
        for e in sorted(found[(value, gran)], key=lambda e: (e[0], e[1].start)):
            kept = best_of.get(e[2].id)
            if kept is None or _naming(e[1].text) > _naming(kept[1].text):
                best_of[e[2].id] = e
        spans = sorted(best_of.values(), key=lambda e: (e[0], e[1].start))
        # 3. a year or a month told of different events is one entry per event (``_events``)
        events = _events(spans) if gran in TIMELINE_SPLIT_GRANULARITIES else [spans]
        groups += [(value, gran, ev) for ev in sorted(events, key=len, reverse=True)]
    own_anchor = {ex.article for ex in extractions if ex.published_how not in ("inferred", "none")}
    groups, disputed = _disputed_days(groups, own_anchor)
    for value, gran, chosen in groups:
        evidence = [Citation(art.id, d.start, d.end) for _o, d, art in chosen]
        evidence_text = [art.text[d.start:d.end] for _o, d, art in chosen]
        sentences: list[tuple[str, TimeRef, Article]] = []
        for _o, d, art in chosen:
            s0, s1 = _sentence_bounds(art.text, d.start, d.end)
            sentences.append((art.text[s0:s1], d, art))
        # 4. the entry text
        def centrality(item: tuple[str, TimeRef, Article],
                       sentences: list[tuple[str, TimeRef, Article]] = sentences) -> float:
            words = set(_content_stems(item[0]))
            if not words:
                return 0.0
            peers = [set(_content_stems(s)) for s, _d, a in sentences if a.id != item[2].id]
            others = [w for aid, w in doc_words.items() if aid != item[2].id]
            score = sum(len(words & p) / len(words) for p in peers)
            score += sum(len(words & o) / len(words) for o in others) / max(1, len(others))
            # news puts what matters first: an earlier mention in its article weighs more; a date
            # written out ("January 6") is the one the source pins the event to
            score += TIMELINE_POSITION_WEIGHT * (1 - item[1].start / max(1, len(item[2].text)))
            if _EXPLICIT_DATE.search(item[1].text):
                score += TIMELINE_EXPLICIT_WEIGHT
            return score

        # 5. announced when a source gives the date as still to come and none gives it as past
        said = {(art.id, d.start): _announced(d, value, art) for _o, d, art in chosen}
        announced = any(said.values()) and all(v is not False for v in said.values())
        told = [item for item in sentences if _tells(item[0], item[1], item[2])] or sentences
        # the day a source spoke is no text for the event of that day while another span tells it
        told = [item for item in told if not _reporting_day(item[2].text, item[1])] or told
        if not announced:  # an event's text tells it happened, not that it was to come
            told = [item for item in told if said[(item[2].id, item[1].start)] is not True] or told
        best = max(told, key=centrality)
        text = _event_text(best[2].text, best[1])
        if value in disputed:
            text += " " + disputed[value]
        out.append(TimelineEntry(date=_first_day(value), text=text,
                                 evidence=evidence, evidence_text=evidence_text, granularity=gran,
                                 kind="announced" if announced else "event"))
    return out


def _event_key(text: str, d: TimeRef) -> tuple[str, frozenset[str]] | None:
    """What a day's span tells happened on it, as the verb the date attaches to in the dependency
    parse (through "on") and its subject's nouns, as stems; None for a verb of saying (the day a
    source spoke), a date on no verb, or a verb with no subject named."""
    root = _date_root(text, d)
    if root is None:
        return None
    verb = root.head
    if verb.dep_ == "prep":
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lower_ in _SAYING:
        return None
    holder = verb
    while holder.dep_ in ("conj", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
        holder = holder.head
    # the subject's head and the parts of its name, not its modifiers: "a 36-year-old man" and
    # "a 32-year-old climber" share no subject ("year" sits in a modifier)
    heads = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    for h in heads:  # names in apposition or coordination ("actress and reporter Tara Reid")
        heads.extend(k for k in h.children if k.dep_ in ("compound", "flat", "appos", "conj"))
    subject = {w for t in heads if t.pos_ in ("PROPN", "NOUN") for w in _content_stems(t.text)}
    verb_stem = _content_stems(verb.text)
    if not subject or not verb_stem:
        return None
    return verb_stem[0], frozenset(subject)


Spans = list[tuple[int, TimeRef, Article]]


_ZONE_BEFORE = re.compile(rf"(?:{_ZONE})\s*$")


def _firm(art: Article, d: TimeRef, own_anchor: set[str]) -> bool:
    """Whether the source itself gives the day of a span: it names its month or weekday, or counts
    from the source's own publication date; not a day counted from a date synoptic inferred (a day
    off there is synoptic's error, not the source's), nor the same moment in another time zone
    ("6:41pm PST this evening (0241 GMT Friday)"), nor the day the source spoke."""
    if _ZONE_BEFORE.search(art.text, max(0, d.start - 12), d.start) or _reporting_day(art.text, d):
        return False
    return art.id in own_anchor or _naming(d.text) >= 1 and not _YEAR_IN.search(d.text) or bool(_EXPLICIT_DATE.search(d.text))


def _disputed_days(groups: list[tuple[str, str, Spans]],
                   own_anchor: set[str]) -> tuple[list[tuple[str, str, Spans]], dict[str, str]]:
    """Days within :data:`TIMELINE_CONFLICT_DAYS` on which different sources tell the same event
    (:func:`_event_key`: the same verb, a subject noun in common) folded into one entry on the day
    more sources give (the earlier on ties; a source counts for a day it gives itself, not one it
    spoke on nor one counted from a date synoptic inferred: :func:`_firm`), with a note naming the
    other day and how many sources give it (none when no source gives it itself); a source that
    gives both days tells two events, so those spans never match."""
    from datetime import date as _date

    days = [(k, _date.fromisoformat(v)) for k, (v, g, _s) in enumerate(groups) if g == "day"]
    keys: dict[int, list[tuple[str, tuple[str, frozenset[str]]]]] = {}
    for k, _day in days:
        keys[k] = [(art.id, key) for _o, d, art in groups[k][2] if (key := _event_key(art.text, d)) is not None]
    def telling(k: int) -> set[str]:
        """The sources that themselves give the day for what happened on it (:func:`_firm`)."""
        return {art.id for _o, d, art in groups[k][2] if _firm(art, d, own_anchor)}

    into: dict[int, int] = {}
    for i, (ki, di) in enumerate(days):
        for kj, dj in days[i + 1:]:
            if (dj - di).days > TIMELINE_CONFLICT_DAYS or ki in into or kj in into:
                continue
            ids_i = {art.id for _o, _d, art in groups[ki][2]}
            ids_j = {art.id for _o, _d, art in groups[kj][2]}
            told_i = {a for a, _key in keys[ki]}
            told_j = {a for a, _key in keys[kj]}
            if told_i & told_j:  # a source that tells what happened on both days tells two events
                continue
            same = any(a != b and a not in ids_j and b not in ids_i and va == vb and sa & sb
                       for a, (va, sa) in keys[ki] for b, (vb, sb) in keys[kj])
            if same:
                major, minor = (ki, kj) if len(telling(ki)) >= len(telling(kj)) else (kj, ki)
                into[minor] = major
    if not into:
        return groups, {}
    notes: dict[str, str] = {}
    out: list[tuple[str, str, Spans]] = []
    for k, (value, gran, spans) in enumerate(groups):
        if k in into:
            continue
        minors = [m for m, major in into.items() if major == k]
        if minors:
            n_all = len(telling(k).union(*(telling(m) for m in minors)))
            other = "; ".join(f"{groups[m][0]} in {len(telling(m))} of {n_all} sources" for m in minors if telling(m))
            if other:  # a day only synoptic's inferred dates gave is folded in without a word
                notes[value] = f"(sources differ on the day: {other})"
            spans = sorted(spans + [e for m in minors for e in groups[m][2]], key=lambda e: (e[0], e[1].start))
        out.append((value, gran, spans))
    return out, notes


def _other_words(text: str, d: TimeRef) -> set[str]:
    """Content stems of a date's sentence besides the date expression (and numbers)."""
    s0, s1 = _sentence_bounds(text, d.start, d.end)
    return {w for w in _content_stems(text[s0:d.start] + " " + text[d.end:s1]) if not w.isdigit()}


def _events(spans: list[tuple[int, TimeRef, Article]]) -> list[list[tuple[int, TimeRef, Article]]]:
    """The spans of one year or month grouped by the event they tell: two spans tell the same
    event when their sentences share at least ``TIMELINE_SAME_EVENT_SHARE`` of the words of the
    shorter one (besides the date), and the groups close over that (single link)."""
    words = [_other_words(art.text, d) for _o, d, art in spans]
    uf = UnionFind(len(spans))
    for i in range(len(spans)):
        for j in range(i):
            shorter = min(len(words[i]), len(words[j]))
            if spans[i][2].id == spans[j][2].id and spans[i][1].start == spans[j][1].start:
                same = True
            else:
                same = shorter > 0 and len(words[i] & words[j]) / shorter >= TIMELINE_SAME_EVENT_SHARE
            if same:
                uf.union(i, j)
    grouped: dict[int, list[tuple[int, TimeRef, Article]]] = defaultdict(list)
    for i, span in enumerate(spans):
        grouped[uf.find(i)].append(span)
    return list(grouped.values())


def _tells(sentence: str, d: TimeRef, art: Article) -> bool:
    """Whether a date's sentence tells something besides the date: at least
    ``TIMELINE_MIN_TOLD_WORDS`` content words ("on Friday." and "6 million early Monday." are
    pieces of a sentence the splitter cut, not what happened), and it starts as a sentence does, not
    in lower case ("on Saturday after he brandished a revolver": the tail of a cut sentence)."""
    if sentence.lstrip(" \t\n\"'“‘(…-–—")[:1].islower():
        return False
    return len(_other_words(art.text, d)) >= TIMELINE_MIN_TOLD_WORDS


_EXPLICIT_DATE = re.compile(rf"\b(?:{MONTH_PREFIX_ALTERNATION})[a-z]*\.?\s+\d|\d\s+"
                            rf"(?:{MONTH_PREFIX_ALTERNATION})|\d{{4}}-\d{{2}}-\d{{2}}", re.I)


_NAMED_DAY = re.compile(rf"\b(?:{WEEKDAY_NAME_ALTERNATION}|\d{{4}})\b", re.I)


def _naming(expression: str) -> int:
    """How well a date expression names its date: 2 with its month ("January 6", "2022-01-06"),
    1 with its weekday or year ("on Thursday", "in 2019"), 0 when it counts to it ("the next day")."""
    if _EXPLICIT_DATE.search(expression):
        return 2
    return 1 if _NAMED_DAY.search(expression) else 0


_CLAUSE_CUT = re.compile(r",[”\"’]?\s+|;\s+|\s[-–—]\s|:\s+")

_REPORTING = re.compile(r"\b(?:said|says|told|reported|announced|stated|added|according|quoted)\b", re.I)


def _event_text(text: str, d: TimeRef) -> str:
    """The clause around a date: its sentence when short, else the clause holding the date grown
    by neighbouring clauses up to ``TIMELINE_WORDS`` words (towards the reported words first when
    the date sits in a reporting clause: "..., his spokesman said on Saturday")."""
    s0, s1 = _sentence_bounds(text, d.start, d.end)
    sent = " ".join(text[s0:s1].split())
    if len(sent.split()) <= TIMELINE_WORDS + TIMELINE_SLACK_WORDS:
        return sent
    starts = [s0] + [m.end() for m in _CLAUSE_CUT.finditer(text, s0, s1)]
    clauses = [(st, (starts[i + 1] if i + 1 < len(starts) else s1)) for i, st in enumerate(starts)]
    k = max(i for i, (st, _en) in enumerate(clauses) if st <= d.start)

    def words(lo: int, hi: int) -> int:
        return len(text[clauses[lo][0]:clauses[hi][1]].split())

    lo = hi = k
    left_first = bool(_REPORTING.search(text[clauses[k][0]:clauses[k][1]]))
    while True:
        steps = [(lo - 1, hi), (lo, hi + 1)] if left_first else [(lo, hi + 1), (lo - 1, hi)]
        for nlo, nhi in steps:
            if nlo >= 0 and nhi < len(clauses) and words(nlo, nhi) <= TIMELINE_WORDS:
                lo, hi = nlo, nhi
                break
        else:
            break
    piece = " ".join(text[clauses[lo][0]:clauses[hi][1]].split()).rstrip(",;:–—- ")
    if left_first and lo == k and k > 0 and len(piece.split()) < TIMELINE_WORDS:
        # "X, his spokesman said on Saturday": what was said is the event; keep its start
        room = TIMELINE_WORDS - len(piece.split())
        said = " ".join(text[clauses[k - 1][0]:clauses[k - 1][1]].split()).rstrip(",;:–—- ")
        return ("… " if k > 1 else "") + " ".join(said.split()[:room]) + " … " + piece
    if len(piece.split()) > TIMELINE_WORDS:  # one long clause: cut around the date
        pre = len(" ".join(text[clauses[lo][0]:d.start].split()).split())
        ws = piece.split()
        first = max(0, min(pre - TIMELINE_WORDS // 3, len(ws) - TIMELINE_WORDS))
        more = first + TIMELINE_WORDS < len(ws) or hi < len(clauses) - 1
        piece = " ".join(ws[first:first + TIMELINE_WORDS])
        return ("… " if first > 0 or lo > 0 else "") + piece + (" …" if more else "")
    return ("… " if lo > 0 else "") + piece + (" …" if hi < len(clauses) - 1 else "")
