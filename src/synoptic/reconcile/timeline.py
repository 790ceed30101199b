"""The timeline: dated events merged across sources by date, in date order, each with its granularity
(a day, a month, a year) and marked as an event or as an announced date (a deadline, a forecast)."""

from __future__ import annotations

import re
from collections import defaultdict

from synoptic.dating import _on_short_line, is_historic
from synoptic.extract.timex import clause_tense
from synoptic.lang.en.addresses import TIME_ZONES
from synoptic.lang.en.calendar import MONTH_PREFIX_ALTERNATION, WEEKDAY_NAME_ALTERNATION
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


def _first_day(value: str) -> str:
    """The first day a day, month or year value covers, as YYYY-MM-DD."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def _announced(d: TimeRef, value: str, art: Article) -> bool:
    """Whether the source gives the date as still to come: it lies after the date the source was
    anchored on (its publication), or on that day in a clause in the future tense ("will speak
    today"); without an anchor, the clause's tense alone decides. A date the text frames as history
    ("the anniversary of the September 11, 2001, attacks", "since March 11, 2005", a file photo's
    date: :func:`synoptic.dating.is_historic`) is an event whatever the anchor says."""
    if is_historic(art.text, d.start, d.end):
        return False
    anchor = (d.anchor or "")[: len(value)]
    if anchor and value > anchor:
        return True
    if anchor and value < anchor:
        return False
    return clause_tense(art.text, d.start, d.end) == "future"


def timeline(articles: list[Article], extractions: list[Extraction]) -> list[TimelineEntry]:
    """Dated events of the story, merged across sources by date, in date order.

    Steps:
    1. dates a timeline can show: a day, a month or a year (``_period``), with their sentence,
       not a page's time stamp (``_stamp``);
       a month or a year is dropped when the timeline has finer dates inside it (they tell more);
    2. merged by date; one evidence span per source, the one that names the date best
       (``_naming``: "January 6" over "Thursday" over "the next day"; the first on ties), ordered by
       article;
    3. a year or a month whose sources tell different events of it (their sentences share next to
       no words: "X retired last year", "the couple during the past year bought homes") is one
       entry per event (``_events``), the most cited first;
    4. the entry text is the clause around the date in the most central evidence sentence (the
       one sharing most words with the other evidence of that date and with the story's other
       articles; a fragment that tells nothing besides the date, "on Friday.", only when no other
       sentence has it: ``_tells``), cut to ``TIMELINE_WORDS`` words around the date;
    5. the entry is "announced" when every source gives its date as still to come (a deadline, a
       schedule, a forecast: ``_announced``), else an "event".
    """
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    # 1. dates with a day, month or year
    found: dict[tuple[str, str], list[tuple[int, TimeRef, Article]]] = defaultdict(list)
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        for d in ex.dates:
            period = _period(d, len(art.text))
            if period and not _stamp(art.text, d.start, d.end) and not _misanchored(d, period[0], art):
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

        told = [item for item in sentences if _tells(item[0], item[1], item[2])] or sentences
        best = max(told, key=centrality)
        # 5. event or announced
        announced = all(_announced(d, value, art) for _o, d, art in chosen)
        out.append(TimelineEntry(date=_first_day(value), text=_event_text(best[2].text, best[1]),
                                 evidence=evidence, evidence_text=evidence_text, granularity=gran,
                                 kind="announced" if announced else "event"))
    return out


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
