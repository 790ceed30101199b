"""When an article was published: the one definition every stage uses.

An article's date is read from its own evidence first, in this order (:func:`article_date`):

1. metadata: ``Article.published``, from the feed, the record, the page's tags or a "Published:"
   line that cleaning took out of the text (``published_how`` says which of those);
2. its URL: a date in the address ("/2013/03/11/", "2011-11-12", "/130909-slug"); a path with a
   month only takes the day from the dateline when it names that month, else the 15th;
3. its dateline: the first full date in the first :data:`DATELINE_CHARS` characters, unless the
   text mentions a later year (then that date is one of the story's, a birth or an earlier event).

Where none of those dates it, :func:`publication_dates` infers a date from the article's own time
expressions and its story peers' dates (:func:`synoptic.extract.timex.infer_published`). The
clusterer dates each arriving article with :func:`article_date` (it sees no peers); extraction
anchors relative dates ("yesterday", "last week") on :func:`publication_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from rapidfuzz.distance import OSA

from synoptic.lang.en.calendar import MONTH_FORM_ALTERNATION, MONTHS, month_number
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


def text_dates(text: str) -> list[datetime]:
    """Full dates written in the text, in order of appearance."""
    found: list[tuple[int, datetime]] = []
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
                found.append((m.start(), date))
    found.sort(key=lambda x: x[0])
    return [d for _, d in found]


#: Characters at the top of the body where a date is taken as the publication date (dateline).
DATELINE_CHARS = 300


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
    dates = text_dates(lead)
    # a date at the top of a text that mentions later years is a date in the story (a birth, an
    # earlier event), not the publication date
    if dates and latest_year(body) <= dates[0].year + YEAR_SLACK:
        return dates[0], "text"
    return None, "none"


_YEAR_MENTION = re.compile(
    r"(?<![\d.,$£€:-])((?:19[5-9]|20[0-3])\d)(?![\d])(?!\s*(?:GMT|UTC|hrs|hours|local|IST|BST|EST|PST)\b)"
)


def mentioned_years(text: str) -> frozenset[int]:
    """The years (1950-2039) the text mentions (not times of day such as "2030 GMT")."""
    return frozenset(int(m.group(1)) for m in _YEAR_MENTION.finditer(text))


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
    from synoptic.extract.timex import infer_published  # the reading of time expressions

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
    out: list[tuple[date | None, PublishedHow]] = []
    for article, (day, how) in zip(articles, own, strict=True):
        if day is None:
            day = infer_published(article.text, peers)
            out.append((day, "inferred" if day else "none"))
        else:
            out.append((day, how))
    return out


__all__ = [
    "DATELINE_CHARS", "YEAR_SLACK", "article_date", "latest_year", "mentioned_years", "publication_dates",
    "text_dates", "url_and_body", "url_date",
]
