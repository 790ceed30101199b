"""When an article was published: the one definition every stage uses.

An article's date is read from its own evidence first, in this order (:func:`article_date`):

1. metadata: ``Article.published``, from the feed, the record, the page's tags or a "Published:"
   line that cleaning took out of the text (``published_how`` says which of those);
2. its URL: a date in the address ("/2013/03/11/", "2011-11-12", "/130909-slug"); a path with a
   month only takes the day from the dateline when it names that month, else the 15th;
3. its dateline: the first full date in the first :data:`DATELINE_CHARS` characters that stands
   on a short line of its own or with its weekday (:data:`DATELINE_LINE_WORDS`), unless the text
   mentions a later year (then that date is one of the story's, a birth or an earlier event).

Where none of those dates it, :func:`publication_dates` infers a date from the article's own time
expressions and its story peers' dates (:func:`infer_published`). A full date in the text is a
lower bound (the article tells of it, so it was written after it), not its date: only a date the
text pins to the day it tells of (written with its weekday, or the weekday of its lead) is an
anchor, and an anniversary's or an archive photo's date never is. The clusterer dates each
arriving article with :func:`article_date` (it sees no peers); extraction anchors relative dates
("yesterday", "last week") on :func:`publication_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from rapidfuzz.distance import OSA

from synoptic.lang.en.calendar import (
    MONTH_FORM_ALTERNATION,
    MONTHS,
    WEEKDAY_NAME_ALTERNATION,
    WEEKDAY_NAMES,
    month_number,
)
from synoptic.records import Article, PublishedHow

#: A text is taken to be written no earlier than the latest year it mentions, less this slack (a
#: year for events announced ahead). The clusterer uses it too (a text mentioning a year later than
#: a story's dates cannot be in it). A round number, not fitted.
YEAR_SLACK = 1

_MONTH_RE = rf"({MONTH_FORM_ALTERNATION})\.?"
_YEAR_RE = r"((?:19|20)\d\d)"
_URL_DATE_PATTERNS = [
    re.compile(r"/" + _YEAR_RE + r"/(\d{1,2}|[a-z]{3,9})/(\d{1,2})(?:/|$|[^\d])", re.I),
    re.compile(_YEAR_RE + r"[-_](\d{1,2})[-_](\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)" + _YEAR_RE + r"(\d\d)(\d\d)(?!\d)"),
    re.compile(r"/" + _YEAR_RE + r"/(\d{1,2}|[a-z]{3,9})/", re.I),
    # "/130909-paris-hit-by...": a two-digit year, month and day opening a slug
    re.compile(r"/((?:0\d|1\d|2\d))(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-[a-z]", re.I),
]
_TEXT_DATE_PATTERNS = [
    # "May 03, 2013", "Dec. 7, 2009", "Saturday December 13 2008", "November 27 - 2005"
    (
        re.compile(
            r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[,\-]\s*|\s+)" + _YEAR_RE + r"\b", re.I
        ),
        "mdy",
    ),
    # "12 January 2010"
    (re.compile(r"\b(\d{1,2})\s+" + _MONTH_RE + r"\s*,?\s+" + _YEAR_RE + r"\b", re.I), "dmy"),
    # "2011-11-12", "2011 - 11 - 12", "2012. 08. 08"
    (re.compile(r"\b" + _YEAR_RE + r"\s?([-.])\s?(\d{1,2})\s?\2\s?(\d{1,2})\b"), "ymd"),
    # "11 / 30 / 2009" (month first, as in US datelines; "16/09/2013" is read day first)
    (re.compile(r"\b(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?" + _YEAR_RE + r"\b"), "mdy_num"),
    # "11 / 28 / 05": a two-digit year, only in this slashed form
    (re.compile(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d\d)(?![\d/])"), "mdy_num2"),
    # "08. 07. 2012", "08.07.2012": day first
    (re.compile(r"\b(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?" + _YEAR_RE + r"\b"), "dmy_num"),
    # "Novemer 27, 2005": a long month name with one letter wrong, missing or extra
    (re.compile(r"\b([A-Za-z]{6,10})\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[,\-]\s*|\s+)" + _YEAR_RE + r"\b"), "mdy_typo"),
]
# a line that starts with a URL is taken whole as the URL (some corpora space out its characters)
_URL_LINE = re.compile(r"^\s*(?:https?\s*:\s*/\s*/|www\s*\.)", re.I)


def url_and_body(article: Article) -> tuple[str, str]:
    """The article's URL (its own, or a URL line at the top of the text) and the rest of the text."""
    text = article.text or ""
    url = article.url or ""
    lines = text.split("\n")
    while lines and _URL_LINE.match(lines[0]):
        if not url:
            url = re.sub(r"\s+", "", lines[0])
        lines = lines[1:]
    return url, "\n".join(lines)


def _mk_date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


#: Month names long enough that one letter wrong still names the month without doubt.
_LONG_MONTHS = {name: num for name, num in MONTHS.items() if len(name) >= 7}


def _misspelt_month(token: str) -> int | None:
    """The month a long month name with one typo names ("Novemer"); None for a correct name
    (the ordinary patterns read those) or any other word."""
    word = token.lower()
    if word in MONTHS:
        return None
    # one letter changed, added or dropped, or two neighbours swapped: an optimal-string-alignment
    # distance of one
    return next((num for name, num in _LONG_MONTHS.items() if OSA.distance(word, name) == 1), None)


def _month(token: str) -> int | None:
    if token.isdigit():
        m = int(token)
        return m if 1 <= m <= 12 else None
    return month_number(token)


#: The pattern of :data:`_URL_DATE_PATTERNS` that gives a month only ("/2005/11/").
_URL_MONTH_ONLY = 3


def _url_date(url: str) -> tuple[datetime, bool] | None:
    """A date in a URL path, and whether it names the day (else the 15th of its month is given)."""
    if not url:
        return None
    for n, pat in enumerate(_URL_DATE_PATTERNS):
        for m in pat.finditer(url):
            month = _month(m.group(2))
            if month is None:
                continue
            day = int(m.group(3)) if n != _URL_MONTH_ONLY else 15
            year = int(m.group(1))
            d = _mk_date(year + 2000 if year < 100 else year, month, day)
            if d is not None:
                return d, n != _URL_MONTH_ONLY
    return None


def url_date(url: str) -> datetime | None:
    """A date written in a URL path ("/2013/03/11/", "2011-11-12", "2013_09_14", "20111111",
    "/2009/dec/07/", "/130909-slug"); a path with a month only ("/2005/11/") gives its 15th."""
    found = _url_date(url)
    return found[0] if found else None


#: A page's retrieval note ("[downloaded on 2 October 2013]", "Accessed: 12 March 2012",
#: "Retrieved 5 May 2010"): the words that say a copy of the page was taken, right before a date.
#: The date is when someone saved the page, after it was published and outside its story, so it is
#: no date of the text at all (neither its dateline nor a date it tells of, nor a year it mentions).
#: A note sits in brackets, opens its line, or stands on a date line (:func:`_on_short_line`); in a
#: sentence the same verbs tell of events ("the bodies were retrieved on March 3, 2010."). The
#: English verbs of web archiving and citation, complete for that use; not fitted.
_RETRIEVAL_BEFORE = re.compile(
    r"(?i)(?P<open>[\[(]\s*|^\s*)?\b(?:downloaded|accessed|retrieved|archived|crawled|fetched"
    r"|last\s+(?:accessed|visited|checked|viewed))(?:\s+(?:on|at))?\s*:?\s*$",
    re.M,
)


def is_retrieval_note(text: str, start: int, end: int) -> bool:
    """Whether the date at ``[start, end)`` is a page's retrieval note (:data:`_RETRIEVAL_BEFORE`)."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _RETRIEVAL_BEFORE.search(text, max(line_start, start - 40), start)
    return m is not None and (m.group("open") is not None or _on_short_line(text, start, end))


def _retrieval_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the dates of :func:`is_retrieval_note` (cheap: only where a retrieval verb occurs)."""
    if not _RETRIEVAL_WORD.search(text):
        return []
    return [(s, e) for s, e, _d in _all_date_spans(text) if is_retrieval_note(text, s, e)]


_RETRIEVAL_WORD = re.compile(r"(?i)\b(?:downloaded|accessed|retrieved|archived|crawled|fetched|visited|checked|viewed)\b")


def _date_spans(text: str) -> list[tuple[int, int, datetime]]:
    """Full dates written in the text, with their character spans, in order of appearance; a
    retrieval note's date (:func:`is_retrieval_note`) is none of the text's."""
    found = _all_date_spans(text)
    if not _RETRIEVAL_WORD.search(text):
        return found
    return [(s, e, d) for s, e, d in found if not is_retrieval_note(text, s, e)]


def _all_date_spans(text: str) -> list[tuple[int, int, datetime]]:
    found: list[tuple[int, int, datetime]] = []
    for pat, kind in _TEXT_DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groups()
            if kind == "mdy":
                y, mo, d = int(g[2]), _month(g[0]), int(g[1])
            elif kind == "dmy":
                y, mo, d = int(g[2]), _month(g[1]), int(g[0])
            elif kind == "ymd":
                y, mo, d = int(g[0]), int(g[2]), int(g[3])
            elif kind == "mdy_typo":
                y, mo, d = int(g[2]), _misspelt_month(g[0]), int(g[1])
            elif kind == "dmy_num":
                y, mo, d = int(g[2]), int(g[1]), int(g[0])
            else:
                y, mo, d = int(g[2]), int(g[0]), int(g[1])
                if kind == "mdy_num2":
                    y += 2000 if y < 40 else 1900
                if mo > 12 >= d:  # day first
                    mo, d = d, mo
            if mo is None:
                continue
            date = _mk_date(y, mo, d)
            if date is not None:
                found.append((m.start(), m.end(), date))
    found.sort(key=lambda x: x[0])
    return found


def text_dates(text: str) -> list[datetime]:
    """Full dates written in the text, in order of appearance."""
    return [d for _s, _e, d in _date_spans(text)]


_WEEKDAY_AT = re.compile(rf"(?i)({WEEKDAY_NAME_ALTERNATION})\b")
_WEEKDAY_BEFORE = re.compile(rf"(?i)\b({WEEKDAY_NAME_ALTERNATION})\.?,?\s*$")


def names_its_weekday(text: str, start: int, when: date) -> bool:
    """Whether the date at ``start`` (or its span opening with the weekday) is written with its own weekday ("Wednesday, Sept. 15, 2010",
    "Saturday December 13 2008"): a writer who gives both pins the day ("Sunday, Sept. 12" in a
    text about 2001 would name a different weekday)."""
    m = _WEEKDAY_AT.match(text, start) or _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    return m is not None and WEEKDAY_NAMES[when.weekday()].lower() == m.group(1).lower()


#: A full date is an earlier event, never the article's date, when an anniversary, a "since" or an
#: archive photo frames it ("the anniversary of the September 11, 2001, attacks", "FILE - In this
#: Thursday, April 26, 2018, file photo"): complete English conventions, not fitted.
_HISTORIC_BEFORE = re.compile(r"(?i)\b(?:anniversary\s+of|since)\s+(?:the\s+)?$")
_HISTORIC_AFTER = re.compile(r"(?i)^[, \t]*(?:file\s+)?(?:photo|picture|image)\b")


def is_historic(text: str, start: int, end: int) -> bool:
    """Whether the full date at ``[start, end)`` is framed as an earlier event (:data:`_HISTORIC_BEFORE`)."""
    return bool(
        _HISTORIC_BEFORE.search(text, max(0, start - 30), start)
        or _HISTORIC_AFTER.match(text[end : end + 30])
    )


#: A photo caption, a picture credit or a media player's label is page furniture around a picture,
#: not the article's text: a date on such a line is the day the picture was taken (on or before
#: the article, often days before; "Evacuee Jon Warner, left, walks ... Tuesday, May 8, 2018, in
#: Pahoa, Hawaii. \"We've... (Associated Press)" over a report of the Thursday after), so it is no
#: dateline and no page stamp, and the line is no part of the lead. A line is furniture when it
#: carries the English conventions of captions and credits, complete for that use (not fitted):
#: a label ("Image caption", "Media caption", "Image copyright", "Photo: ...", "(Credit: ...)",
#: "(Photo by ...)");
#: the people's places in the picture (", left,", ", second right,", "(center)", "from left",
#: "pictured"); or a credit closing it after its last sentence, in brackets ("... (Associated
#: Press)", "(AP Photo/Evan Vucci)") or as names with a capitalised agency or a slash ("WXCHASING
#: via REUTERS", "REUTERS/Steve Dipaola"). Brackets holding a figure or a sentence ("(Published
#: Monday, Nov. 19, 2018)", "(He says he is not related.)") are no credit.
_CAPTION_LABEL = re.compile(
    r"(?i)\b(?:image|media|photo|picture|video)\s+(?:caption|copyright|credit)s?\b"
    r"|(?:^|[(\[])\s*(?:photo(?:graph)?|picture|image|caption|credit|pictured)s?\s*:"
    r"|[(\[]\s*(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy|credit)\b"
)
_CAPTION_POSITION = re.compile(
    r"(?i),\s+(?:(?:second|third|far|top|bottom|front|back)\s+)?(?:left|right|center|centre)\s*,"
    r"|\((?:left|right|center|centre|from\s+left)\)|\bfrom\s+left\b|\bleft\s+to\s+right\b|\bpictured\b"
)
#: A credit is short: at most CREDIT_MAX_CHARS characters in brackets or after the last sentence,
#: at most CREDIT_MAX_WORDS names. Read from the credits of the Multi-News dev texts (the longest,
#: "(Photo: Juan Figueroa/The Dallas Morning News)", 46 characters; "Frederick M. Brown/Getty
#: Images Entertainment/Getty Images", 7 names), with room; checked on ECB+ dev, where no line
#: with a date reads as a caption, and on the CHECK stories (no score moved).
CREDIT_MAX_CHARS = 80
CREDIT_MAX_WORDS = 8
_CAPTION_BRACKET_CREDIT = re.compile(
    r"(?:[.!?)]|…)[\"'”’]*\s*\((?=[^()\n]*[A-Za-z])[^()\d\n.!?]{2," + str(CREDIT_MAX_CHARS) + r"}\)\s*$"
)
_CAPTION_TRAILING = re.compile(r"[.!?][\"'”’]*\s+(?P<credit>[^.!?:\n\"“”]{2,"
                               + str(CREDIT_MAX_CHARS) + r"}?)\s*$")
_CREDIT_JOINERS = frozenset({"via", "for", "and", "of", "the", "/", "-", "–", "—", "|"})


def _trailing_credit(line: str) -> bool:
    """Whether the line closes with a credit after its last sentence: names only (capitalised
    words, "via", a slash), one of them a capitalised agency of three letters or more, or a slash."""
    m = _CAPTION_TRAILING.search(line)
    if m is None:
        return False
    credit = m.group("credit")
    tokens = re.findall(r"[^\s/]+|/", credit)
    if not tokens or len([t for t in tokens if t not in _CREDIT_JOINERS]) > CREDIT_MAX_WORDS:
        return False
    if not all(t in _CREDIT_JOINERS or t[:1].isupper() for t in tokens):
        return False
    return "/" in tokens or any(len(t) >= 3 and t.isupper() and t.isalpha() for t in tokens)


def is_caption_line(line: str) -> bool:
    """Whether a line is a photo caption, a picture credit or a media label (:data:`_CAPTION_LABEL`)."""
    return bool(_CAPTION_LABEL.search(line) or _CAPTION_POSITION.search(line)
                or _CAPTION_BRACKET_CREDIT.search(line) or _trailing_credit(line))


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end >= 0 else len(text)


def in_caption(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` stands on a caption or credit line (:func:`is_caption_line`)."""
    start, end = _line_at(text, pos)
    return is_caption_line(text[start:end])


def lead_end(text: str, chars: int) -> int:
    """Where the text's first ``chars`` characters end when caption and credit lines are not counted
    (:func:`is_caption_line`): the lead is the article's own words, not the furniture above them."""
    counted = at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end + 1
        if not is_caption_line(text[at:end]):
            if counted + end - at >= chars:
                return at + chars - counted
            counted += end - at
        at = end
    return len(text)


#: Characters at the top of the body where a date is taken as the publication date (dateline).
DATELINE_CHARS = 300

#: A full date in the lead is the dateline when it stands on a date line (one that does not end
#: like a sentence, of at most this many words: "Updated: May 24, 2005, 3: 23 PM ET", "Posted: Nov
#: 27, 2005 8: 20 AM ET Last Updated: ...", a headline with its time stamp) or when it is written
#: with its weekday; in a sentence it is an event of the story ("the crimes he committed on March
#: 11, 2005, that stunned ..."). Set on the leads of the 535 ECB+ dev and 264 Multi-News dev texts
#: (every date line there kept, the longest 17 words); checked on the review9 stories (3a).
DATELINE_LINE_WORDS = 24


_CHRONOLOGY_ITEM = re.compile(r"\s*[-–—:]\s*(?:\S+\s+){2}\S")
_SENTENCE_END = re.compile(r"[.!?][\s\"'”’)`]*$")


def _on_short_line(text: str, start: int, end: int) -> bool:
    """Whether the span stands on a date line: one that does not end like a sentence and has at
    most :data:`DATELINE_LINE_WORDS` words, and is no item of a chronology (a date opening a line,
    a dash and the event)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not text[line_start:start].strip() and _CHRONOLOGY_ITEM.match(text, end):
        return False  # "28 November 2015 - A drone flew ...": an item of a chronology, an event
    return len(line.split()) <= DATELINE_LINE_WORDS and not _SENTENCE_END.search(line)


def _dateline(body: str) -> datetime | None:
    """The first full date of the lead that reads as its dateline (:data:`DATELINE_LINE_WORDS`)."""
    lead = body[:lead_end(body, DATELINE_CHARS)]
    for start, end, when in _date_spans(lead):
        if is_historic(body, start, end) or in_caption(body, start):
            continue  # an earlier event, or the day a picture was taken
        if _on_short_line(body, start, end) or names_its_weekday(body, start, when.date()):
            return when
    return None


def article_date(article: Article) -> tuple[datetime | None, str]:
    """The date used for time: ``published``, else a date in the URL, else one in the dateline.

    Returns the date (UTC) and how it was found: "metadata", "url", "text" or "none".
    """
    if article.published is not None:
        pub = article.published
        return (pub if pub.tzinfo is not None else pub.replace(tzinfo=UTC)), "metadata"
    url, body = url_and_body(article)
    lead = body[:DATELINE_CHARS]
    from_url = _url_date(url)
    if from_url is not None:
        found, has_day = from_url
        if not has_day:  # a month-only path: the dateline may name the day
            day = next((d for d in text_dates(lead) if (d.year, d.month) == (found.year, found.month)), None)
            found = day or found
        return found, "url"
    dateline = _dateline(body)
    # a date at the top of a text that mentions later years is a date in the story (a birth, an
    # earlier event), not the publication date
    if dateline is not None and latest_year(body) <= dateline.year + YEAR_SLACK:
        return dateline, "text"
    return None, "none"


def told_date(body: str) -> datetime | None:
    """The latest full date (day, month and year) an undated text tells of, not framed as history
    (:func:`is_historic`): the text was written on or after it, so it places the text in time
    without being its date (a memorial page that also reports the sentence two years on)."""
    told = [when for start, end, when in _date_spans(body) if not is_historic(body, start, end)]
    return max(told, default=None)


_YEAR_MENTION = re.compile(
    r"(?<![\d.,$£€:-])((?:19[5-9]|20[0-3])\d)(?![\d])(?!\s*(?:GMT|UTC|hrs|hours|local|IST|BST|EST|PST)\b)"
)


def mentioned_years(text: str) -> frozenset[int]:
    """The years (1950-2039) the text mentions (not times of day such as "2030 GMT")."""
    notes = _retrieval_spans(text)
    return frozenset(int(m.group(1)) for m in _YEAR_MENTION.finditer(text)
                     if not any(s <= m.start() < e for s, e in notes))


#: A year that names a thing by it ("a 2011 release date", "the 2012 election": a determiner, the
#: year, a noun) may be one still to come: it does not say when the text was written.
#: A year naming a thing still to be had ("a 2011 release date", "next 2010 season"); a definite
#: one names a thing the text tells of ("The 2008 telecast delivered 32 million viewers"), which
#: dates the text no earlier than that year (a definite one still to come reads ahead: "will host
#: the 2012 Games")
_YEAR_AS_NAME = re.compile(r"(?i)\b(?:a|an|next)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def told_years(text: str) -> frozenset[int]:
    """The years the text mentions as times it tells of (:func:`mentioned_years`), less those it
    gives as still to come (words before them that look ahead: "He'll be a top back in 2009") or
    uses to name a thing (:data:`_YEAR_AS_NAME`): a text is written no earlier than these, give or
    take YEAR_SLACK."""
    from synoptic.extract.timex import _looks_ahead

    out = set()
    notes = _retrieval_spans(text)
    for m in _YEAR_MENTION.finditer(text):
        if any(s <= m.start() < e for s, e in notes):
            continue  # a page's retrieval date is no time the text tells of
        if _YEAR_AS_NAME.search(text, max(0, m.start() - 8), m.start()) and _NOUN_AFTER.match(text, m.end()):
            continue
        if _looks_ahead(text, m.start()):
            continue
        out.add(int(m.group(1)))
    return frozenset(out)


def latest_year(text: str) -> int:
    """The latest year (1950-2039) the text mentions, 0 when none: a lower bound on when it was written,
    give or take a year for events announced ahead."""
    return max(mentioned_years(text), default=0)


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo is not None else when


def publication_dates(articles: Sequence[Article]) -> list[tuple[date | None, PublishedHow]]:
    """The day each article of a batch (one story, or one run) was published, and how it was found.

    1. Its own evidence (:func:`article_date`): metadata as ``published_how`` says ("metadata" or
       "text" for a date line cleaning read); a date in the URL counts as the page's metadata (its
       address), one in the dateline as its text.
    2. Else inferred from its time expressions and its peers' dates ("inferred"): the peers are the
       other articles' own dates and their update dates (an article is published on or before its
       update; seed 004 only carries "Date Of Update").
    """
    own: list[tuple[date | None, PublishedHow]] = []
    for article in articles:
        when, how = article_date(article)
        if when is None:
            own.append((None, "none"))
        elif how == "metadata" and article.published is not None:
            known: PublishedHow = article.published_how if article.published_how != "none" else "metadata"
            own.append((article.published.date(), known))
        else:
            own.append((_naive_utc(when).date(), "metadata" if how == "url" else "text"))
    peers = [d for d, how in own if d is not None]
    peers += [a.updated.date() for a in articles if a.updated is not None]
    inferred_how: PublishedHow = "inferred"
    out = [(infer_published(article.text, peers), inferred_how) if day is None else (day, how)
           for article, (day, how) in zip(articles, own, strict=True)]
    # 3. an article its own words and the dated peers leave undated takes the inferred ones as
    #    peers too (a story whose articles carry no metadata, one of them a captioned weekday date)
    inferred = [d for d, how in out if d is not None and how == "inferred"]
    if inferred and any(d is None for d, _how in out):
        out = [(infer_published(article.text, peers + inferred), how) if day is None else (day, how)
               for article, (day, how) in zip(articles, out, strict=True)]
    # 4. a story none of whose articles its own words or peers date: a month-day the texts write
    #    without its year, on the weekday most of them name, dates the story's shared weekday
    if all(d is None for d, _how in out):
        pinned = story_day([a.text for a in articles])
        if pinned is not None:
            out = [(infer_published(article.text, [pinned]), inferred_how) for article in articles]
    none: PublishedHow = "none"
    return [(day, how if day is not None else none) for day, how in out]


#: story_day: the weekday the story's articles name must be named by at least this many of them
#: (one text's weekday is its own news, not the story's), and the year of the month-day is looked
#: for from the latest year the texts tell of up to this many years on (a weekday falls on the same
#: month-day again after 5, 6 or 11 years: the first fit is taken). Read from review13 species (no
#: article dated; "Dec. 11" in one lead, "Thursday" in eight, 2005 the latest year told): Dec. 11,
#: 2008; checked on ECB+ 3a (a "Sept. 22" deep in one text of a story about a sentencing, no
#: lead month-day: stays undated) and the seeds (all dated: it never acts).
STORY_WEEKDAY_MIN_ARTICLES = 2
STORY_DAY_YEARS_AHEAD = 6

_MONTH_DAY = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d:])", re.I)


def story_day(texts: Sequence[str]) -> date | None:
    """The day of a story whose texts carry no date: its shared weekday (the weekday named, not
    looking ahead, in most of its texts, at least :data:`STORY_WEEKDAY_MIN_ARTICLES`) pinned by a
    month-day one text's lead (:data:`LEAD_CHARS`) writes without its year, not in a future clause
    ("reported Dec. 11"; not "must be
    finalized by Dec. 19"), in the first year from the
    latest year the texts tell of (:func:`told_years`) on which that month-day falls on that
    weekday; the earliest such day over the month-days written. None when the texts name no
    weekday in common, no year, or no month-day that fits."""
    from synoptic.extract.timex import _looks_ahead, clause_tense

    named: dict[int, int] = {}
    for text in texts:
        days = {WEEKDAY_NAMES.index(m["wd"]) for m in _WD_MENTION.finditer(text) if not _looks_ahead(text, m.start())}
        for wd in days:
            named[wd] = named.get(wd, 0) + 1
    ranked = sorted(named.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < STORY_WEEKDAY_MIN_ARTICLES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    weekday = ranked[0][0]
    year = max((y for text in texts for y in told_years(text)), default=0)
    if not year:
        return None
    best: date | None = None
    for text in texts:
        for m in _MONTH_DAY.finditer(text):
            month = _month(m.group(1))
            if m.start() >= LEAD_CHARS:
                break  # the lead tells the story's newest event
            if month is None or _looks_ahead(text, m.start()) or clause_tense(text, m.start(), m.end()) == "future":
                continue  # a day ahead ("must be finalized by Dec. 19") is no day the story tells of
            for y in range(year, year + STORY_DAY_YEARS_AHEAD + 1):
                when = _mk_date(y, month, int(m.group(2)))
                if when is not None and when.weekday() == weekday:
                    best = when.date() if best is None or when.date() < best else best
                    break
    return best


#: infer_published: candidates run from CANDIDATE_DAYS_BEFORE before the earliest reference date to
#: CANDIDATE_DAYS_AFTER after the latest one; peers' dates further than PEER_WINDOW_DAYS from the
#: peers' median are ignored. Chosen on the seeds (gold "published" of shared/gold/kazakhstan-2022.json).
CANDIDATE_DAYS_AFTER = 7
CANDIDATE_DAYS_BEFORE = 3
PEER_WINDOW_DAYS = 45

#: The weekday the lead tells of (the first weekday in the first LEAD_CHARS characters, not looking
#: ahead) is the day of the story's newest event: news is published on that day or up to
#: LEAD_LAG_DAYS after it (wire copy filed overnight). It acts only beside an anchor of the text's
#: own. Set by reading review9's mn071 (a lead "on Wednesday" over captions dated Wednesday, Sept.
#: 15, 2010, and last week's "Friday" and "Sunday"); checked on the ECB+ and Multi-News dev texts
#: (dates it sets read by hand and plausible: ECB+ 1a Dec. 9, 2008, mn014, mn061, mn071, mn085).
LEAD_CHARS = 300
LEAD_LAG_DAYS = 1

_WD_ANCHOR = re.compile(
    rf"(?i:(?<![\w-])(?P<rel>the\sday\sbefore\syesterday|yesterday|today|tonight|tomorrow)),\s"
    rf"(?P<wd>{WEEKDAY_NAME_ALTERNATION})\b"
)
_WD_SHIFT = {"the day before yesterday": 2, "yesterday": 1, "today": 0, "tonight": 0, "tomorrow": -1}
_WD_MENTION = re.compile(rf"(?<!\w)(?P<wd>{WEEKDAY_NAME_ALTERNATION})(?!\w)")
_WD_AHEAD = re.compile(r"(?i)(?:next|coming|until|till)\s*$")
_WD_RELATIVE = re.compile(r"(?i)(?:yesterday|today|tomorrow),\s*$")


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def infer_published(text: str, peers: Sequence[date | datetime]) -> date | None:
    """Guess an article's publication date from its own words and its story peers' dates.

    1. What the text says: "today, Friday" / "yesterday, Thursday" fix the weekday of publication;
       full dates not looking ahead are lower bounds (it tells of them, so it was written after
       them); of those, the ones it pins to the day it tells of are anchors: written with their
       weekday ("Wednesday, Sept. 15, 2010"), or falling on its lead's weekday (the lead tells the
       newest event: "Police fired ... on Wednesday"), and not historic (:func:`is_historic`, or
       a text mentioning a year later than the anchor's, give or take YEAR_SLACK).
       Weekdays its clause reads as past (:func:`synoptic.extract.timex.clause_tense`), or with
       no reading in the lead, and with no forward-looking cue, are days on or before
       publication; others say nothing ("Rain is forecast for today and Friday", "by Saturday
       morning the winds should return": days ahead a report of Thursday names).
    2. Peers: the dates within PEER_WINDOW_DAYS of their median, with the text's own date lines
       further down ("Date Of Update: 07 January 2022, 14:52": the page's stamp); anchors and
       bounds outside that window are dropped (an earlier event, a misread).
    3. With anchors: the first day from the latest anchor (and bound) on that keeps the weekday
       constraints and lies within LEAD_LAG_DAYS after the lead's weekday (the latest plausible
       anchor wins).
    4. Else, with peers: candidates from CANDIDATE_DAYS_BEFORE before the earliest peer to
       CANDIDATE_DAYS_AFTER after the latest peer or bound, none before a bound nor breaking a
       weekday constraint; the one that makes the article's dates most compact wins (smallest
       spread of the candidate, its resolved weekday mentions and the peers), on ties one within
       LEAD_LAG_DAYS after its lead's weekday, then the one nearest the peers' median (a report is published with its peers, not days before on a weekday
       it names), then the earliest; with a lead weekday, its day is the newest event (see
       :func:`_inferred`).
    5. Else None: a date the text tells of is no date of publication. None too for a day before
       the first of the latest year the text tells of (:func:`told_years`).
    """
    from synoptic.extract.timex import _looks_ahead, clause_tense, find_dates  # reading time expressions

    peers = [p.date() if isinstance(p, datetime) else p for p in peers]
    # 1. what the text says
    fixed_wd = {(WEEKDAY_NAMES.index(m["wd"].capitalize()) + _WD_SHIFT[" ".join(m["rel"].lower().split())]) % 7
                for m in _WD_ANCHOR.finditer(text)}
    full: list[tuple[date, int, int]] = []
    for ref in find_dates(text, None):
        # a date written in full, with its year ("the next day" after one is resolved from it)
        if ref.value and ref.granularity == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", ref.value) and \
                ref.value[:4] in ref.text:
            written = _mk_date(*map(int, ref.value.split("-")))
            if written is not None and not _looks_ahead(text, ref.start) \
                    and not is_retrieval_note(text, ref.start, ref.end):
                full.append((written.date(), ref.start, ref.end))
    past_wds: list[tuple[int, int]] = []
    lead_stop = lead_end(text, LEAD_CHARS)
    for m in _WD_MENTION.finditer(text):
        if any(s <= m.start() < e for _d, s, e in full):
            continue  # the weekday of a full date ("Wednesday, Sept. 15, 2010") is that date
        before = text[max(0, m.start() - 40) : m.start()]
        if _WD_AHEAD.search(before) or _WD_RELATIVE.search(before) or _looks_ahead(text, m.start()):
            continue
        # past by its clause, or in the lead (the newest event: "died after a shooting Friday
        # afternoon"); elsewhere a weekday no clause reads as past may be a day ahead ("by late
        # Friday night or Saturday morning, tradewinds should be back")
        reading = clause_tense(text, m.start(), m.end())
        if reading == "future" or (reading is None and (m.start() >= lead_stop or in_caption(text, m.start()))):
            continue
        past_wds.append((WEEKDAY_NAMES.index(m["wd"]), m.start()))
    lead_wd = next((wd for wd, at in past_wds if at < lead_stop and not in_caption(text, at)), None)
    bounds = [d for d, _s, _e in full]
    # (a text that mentions a later year tells of the anchor's day as history: YEAR_SLACK)
    anchors = [d for d, s, e in full if not is_historic(text, s, e) and d.year + YEAR_SLACK >= latest_year(text)
               and (names_its_weekday(text, s, d) or d.weekday() == lead_wd)]
    # a date line further down ("Date Of Update: 07 January 2022, 14:52") stamps the page: a peer
    stamps = [d for d, s, e in full if not is_historic(text, s, e) and _on_short_line(text, s, e)
              and not in_caption(text, s)]  # (a caption's date is the picture's: "in Puna, May 6, 2018. X via Y")
    # 2. peers
    refs = sorted([*peers, *stamps])
    if refs:
        median = refs[len(refs) // 2]
        refs = [d for d in refs if abs((d - median).days) <= PEER_WINDOW_DAYS]
        anchors = [d for d in anchors if abs((d - median).days) <= PEER_WINDOW_DAYS]
        bounds = [d for d in bounds if abs((d - median).days) <= PEER_WINDOW_DAYS]

    def keeps(day: date, lead: bool = True) -> bool:
        if fixed_wd and day.weekday() not in fixed_wd:
            return False
        return not lead or lead_wd is None or (day - _weekday_on_or_before(day, lead_wd)).days <= LEAD_LAG_DAYS

    # a text is written no earlier than the first day of the latest year it tells of (not one it
    # announces): "In April 2007 the suspect was found guilty" is no report of June 2005
    floor = max(told_years(text), default=0)
    if (found := _inferred(anchors, bounds, refs, keeps, past_wds, lead_wd)) is not None and found.year < floor:
        return None
    return found


def _inferred(anchors: list[date], bounds: list[date], refs: list[date], keeps: Callable[..., bool],
              past_wds: list[tuple[int, int]], lead_wd: int | None = None) -> date | None:
    """Steps 3 and 4 of :func:`infer_published`."""
    # 3. the latest anchor
    if anchors:
        first = max(anchors + bounds)
        days = [first + timedelta(days=k) for k in range(CANDIDATE_DAYS_AFTER + 1)]
        return next((d for d in days if keeps(d)), next((d for d in days if keeps(d, lead=False)), first))
    if not refs:
        return None
    # 4. the peers
    low = max(bounds, default=refs[0] - timedelta(days=CANDIDATE_DAYS_BEFORE))
    best: tuple[tuple[bool, int, bool, int], date] | None = None
    day = max(low, refs[0] - timedelta(days=CANDIDATE_DAYS_BEFORE))
    while day <= max([refs[-1], *bounds]) + timedelta(days=CANDIDATE_DAYS_AFTER):
        if keeps(day, lead=False):
            # the lead tells the newest event: the text's other weekdays are on or before its day,
            # and its day is on or after every date the text tells of (a lead "on Thursday" over a
            # picture of Sunday, May 6 is Thursday, May 10, not May 3: no candidate puts it earlier
            # when another keeps it)
            newest = day if lead_wd is None else _weekday_on_or_before(day, lead_wd)
            points = [day, *refs, newest, *(_weekday_on_or_before(newest, wd) for wd, _at in past_wds)]
            before_told = bool(bounds) and newest < max(bounds)
            spread = (max(points) - min(points)).days
            # on ties: a day the lead's event was reported on (LEAD_LAG_DAYS), then the peers' day
            off_lead = (day - newest).days > LEAD_LAG_DAYS
            key = (before_told, spread, off_lead, abs((day - refs[len(refs) // 2]).days))
            if best is None or key < best[0]:
                best = (key, day)
        day += timedelta(days=1)
    return best[1] if best else None


__all__ = [
    "DATELINE_CHARS", "DATELINE_LINE_WORDS", "YEAR_SLACK", "article_date", "infer_published", "is_historic",
    "latest_year", "mentioned_years", "names_its_weekday", "publication_dates", "text_dates", "url_and_body",
    "url_date",
]
