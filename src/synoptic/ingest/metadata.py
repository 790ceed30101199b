"""Metadata found inside an article's own lines: headline, outlet, source URL, dates, byline.

Extracted web text often carries its metadata as lines of the body ("Source From: Stern",
"Date Of Update: 07 January 2022, 14:52", "by admin", a bare source URL). These helpers recognise
such lines one at a time; :mod:`synoptic.clean` moves them out of the body into fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from synoptic.lang.en.calendar import MONTH_PREFIX_ALTERNATION, MONTHS, WEEKDAY_PREFIX_ALTERNATION

# A headline has between HEADLINE_MIN_WORDS and HEADLINE_MAX_WORDS words and at most
# HEADLINE_MAX_CHARS characters (the seeds' titles have 9-20 words; section labels such as
# "Middle East" have 1-2, subheads such as "spark confrontations" 2).
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
# A line of at least BODY_MIN_WORDS words ending like a sentence is body text: the title is above it.
BODY_MIN_WORDS = 12
# A byline names at most this many words ("by admin", "By Jane Q. Smith and Bob Lee").
BYLINE_MAX_WORDS = 6
# A date stamp line carries at most this many characters after its label.
DATE_STAMP_MAX_CHARS = 48
# A menu line ("Gulf Maritime Daily | Shipping | Ports | Markets") has at least MENU_MIN_ITEMS items
# of at most MENU_ITEM_MAX_WORDS words each (the sample's mastheads and footers have 3-4 items of
# 1-3 words; a headline with one pipe, "Suez | Ship freed", is not a menu).
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 4
# A masthead's name part ("Nile Courier" in "Nile Courier - News from Egypt") has at most this many words.
MASTHEAD_NAME_MAX_WORDS = 5

BREADCRUMB = re.compile(r"^\s*(home|start|accueil|inicio|startseite)\s*[»›>/|]|[»›].*[»›]", re.I)
_SENTENCE_END = re.compile(r"[.;,]$")
_OUTLET = re.compile(
    r"^(?:source(?:\s+from)?|sources?|via|published\s+by|originally\s+published\s+(?:by|in|at|on))"
    r"\s*[:\-–—]\s*(?P<value>[^\s].{0,60})$",
    re.I,
)
# a date stamp's label, whatever follows it ("POSTED: 04 / 02 / 07, 9: 00 PM PDT |"): not a headline
_STAMP_LABEL = re.compile(
    r"^(?:posted|published|updated|last\s+updated|last\s+modified|modified|filed|created|date)(?:\s+(?:on|at))?\s*:",
    re.I,
)
_URL_LINE = re.compile(r"^(?P<url>https?://[^\s<>\"]+)(?:\s+(?P<rest>.*))?$", re.I)
_UPDATED = re.compile(
    r"^(?:date\s+of\s+(?:the\s+)?update|last\s+updated?|updated?(?:\s+on|\s+at)?|last\s+modified|modified(?:\s+on)?)"
    r"\s*[:\-–—]?\s*(?P<value>.+)$",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:date\s+of\s+publication|publication\s+date|published(?:\s+on|\s+at)?|posted(?:\s+on|\s+at)?|date)"
    r"\s*[:\-–—]?\s*(?P<value>.+)$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written\s+by|posted\s+by|author)\s*:?\s+(?P<value>[^\d.,;:!?\"“”]+)$", re.I)
_CREDIT = re.compile(
    r"/|\b(?:flickr|wikimedia|wikipedia|getty|shutterstock|istock|unsplash|photo|image)\b", re.I
)
# A date to the day: a month name next to a day number, or numeric d/m/y or ISO y-m-d.
_HAS_DATE = re.compile(
    rf"\b(?:{MONTH_PREFIX_ALTERNATION})[a-z]*\.?,?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_PREFIX_ALTERNATION})|"
    r"\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2}\b")
_DATE_WORDS = re.compile(
    rf"\b(?:{MONTH_PREFIX_ALTERNATION})[a-z]*\b|"
    rf"\b(?:{WEEKDAY_PREFIX_ALTERNATION})[a-z]*\b|"
    r"\b(?:at|am|pm|a\.m|p\.m|st|nd|rd|th|[A-Z]{2,4})\b|[\d\s,./:|()-]+",
    re.I,
)
# Dates without a zone read here without dateparser (about 5 ms a call): numeric dates (28/03/2021,
# 03/28/2021, 26.09.2022 08:15, 5-4-21) and worded ones ("Thursday, 25 March 2021", "March 24, 2021,
# 9:30 pm"), each optionally with a time and am/pm. Anything else (zones, other shapes) goes to dateparser.
_WEEKDAY = rf"(?:(?:{WEEKDAY_PREFIX_ALTERNATION})[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:\s*[,\s]\s*(?:at\s+)?(?P<h>\d{1,2})[:.]\s?(?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_NUMERIC_DATE = re.compile(
    r"^"
    + _WEEKDAY
    + r"(?P<a>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})"
    + _TIME
    + r"$",
    re.I,
)
_WORDED_DATE = re.compile(
    r"^" + _WEEKDAY + r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]{3,9})\.?"
    r"|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\s*,?\s+(?P<y>\d{4})" + _TIME + r"$",
    re.I,
)
_MENU_SPLIT = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_MENU_ITEM = re.compile(r"^[^\W\d_][\w&'’.\- ]*$")
_NAME_SEPARATORS = re.compile(r"\s+[-–—|:]+\s+|\s*[|]\s*")
# Words that are navigation, never an outlet's name, when they open a menu line.
_NAV_WORDS = {
    "home",
    "menu",
    "search",
    "login",
    "log in",
    "sign in",
    "subscribe",
    "news",
    "latest",
    "top",
    "cookie settings",
    "cookies",
    "privacy",
    "privacy policy",
    "terms",
    "terms of use",
    "contact",
    "about",
    "about us",
    "world",
    "politics",
    "business",
    "sport",
    "sports",
    "opinion",
}
# The second part of "Name - tagline" lines and site names ("News from Egypt and the region").
_TAGLINE = re.compile(
    r"^(?:(?:the\s+)?(?:latest\s+|breaking\s+|daily\s+|independent\s+|online\s+|local\s+|world\s+)?news\b|"
    r"your\s|the\s+voice\s+of\b|the\s+home\s+of\b|since\s+\d{4}\b|"
    r"independent\s+(?:news|journalism|newspaper)\b|online\s+(?:news|edition|newspaper)\b|"
    r"(?:the|an?)\s+(?:\w+\s+)?(?:newspaper|news\s+site|news\s+portal|news\s+magazine)\b)"
    r"(?!.*\?$)",
    re.I,
)
_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
# Hosts whose links are embeds or shop links inside an article, never the article's own address.
_NOT_OUTLET_HOSTS = {
    "twitter.com",
    "x.com",
    "t.co",
    "facebook.com",
    "instagram.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "amazon.com",
    "bit.ly",
    "goo.gl",
    "flickr.com",
    "wikipedia.org",
    "archive.org",
}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
_HOST_PREFIXES = {"www", "www1", "www2", "m", "amp", "mobile", "edition", "en", "english"}


@dataclass(frozen=True)
class LineMeta:
    """What one metadata line says (only the fields it carries are set)."""

    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    byline: str | None = None
    bare_date: bool = False  # the line is nothing but a date (trusted only at the top)


def is_breadcrumb(line: str) -> bool:
    """True for a navigation trail such as ``Home » World » Title``."""
    return bool(BREADCRUMB.search(line.strip()))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def menu_items(line: str) -> list[str] | None:
    """The items of a menu line (``Shipping | Ports | Markets``, ``Cookie settings • Privacy``), or None.

    A menu has at least MENU_MIN_ITEMS items separated by ``|`` (or spaced bullets), each a
    capitalised label of at most MENU_ITEM_MAX_WORDS words. Table rows (``| 2019 | 5.3 |``) are not menus.
    """
    s = line.strip()
    if len(s) > 300 or s.startswith(("|", "•", "·")) or s.endswith(("|", "•", "·")):
        return None
    if "|" not in s and not re.search(r"\s[•·]\s", s):
        return None
    items = [item.strip() for item in _MENU_SPLIT.split(s)]
    if len(items) < MENU_MIN_ITEMS:
        return None
    for item in items:
        if (
            not _MENU_ITEM.match(item)
            or len(item.split()) > MENU_ITEM_MAX_WORDS
            or not item[0].isupper()
            or item.endswith((".", "?", "!"))
        ):
            return None
    return items


def _is_name(text: str) -> bool:
    """A short capitalised name ("Nile Courier", "The Cargo Review", "Track & Road")."""
    words = text.split()
    return (
        0 < len(words) <= MASTHEAD_NAME_MAX_WORDS
        and text[0].isupper()
        and not text.endswith((".", "?", "!", ","))
        and all(w[0].isupper() or not w[0].isalpha() or w in {"of", "the", "and", "de", "al"} for w in words)
    )


def masthead(line: str, outlet: str | None = None) -> str | None:
    """The outlet name a masthead line shows, or None when the line is not a masthead.

    Mastheads: a menu whose first item is a name (``Gulf Maritime Daily | Shipping | Ports``);
    ``Name - tagline`` where the name is the known ``outlet`` or the rest reads as a tagline
    (``Nile Courier - News from Egypt and the region``); the outlet's name alone on its line.
    """
    s = line.strip()
    if not s or len(s) > 200:
        return None
    if outlet and _norm(s) == _norm(outlet):
        return s
    items = menu_items(s)
    if items is not None:
        first = items[0]
        return first if _is_name(first) and _norm(first) not in _NAV_WORDS else None
    parts = re.split(r"\s+[-–—|]+\s+", s, maxsplit=1)
    if len(parts) != 2:
        return None
    name, rest = parts[0].strip(), parts[1].strip()
    if not _is_name(name) or _norm(name) in _NAV_WORDS:
        return None
    if outlet and _norm(name) == _norm(outlet):
        return name
    return name if _TAGLINE.match(rest) and len(rest.split()) <= 12 else None


def site_name(value: str) -> str:
    """An outlet name without tagline or repeats: ``Nile Courier - News from Egypt — Nile Courier`` -> ``Nile Courier``."""
    s = " ".join(value.split())
    parts = [p.strip() for p in _NAME_SEPARATORS.split(s) if p.strip()]
    if len(parts) < 2:
        return s
    counts: dict[str, int] = {}
    for part in parts:
        counts[_norm(part)] = counts.get(_norm(part), 0) + 1
    repeated = [p for p in parts if counts[_norm(p)] > 1]
    if repeated:
        return repeated[0]
    names = [p for p in parts if not _TAGLINE.match(p) and _is_name(p)]
    return names[0] if len(names) == 1 or (names and len(names) < len(parts)) else s


def is_headline(line: str) -> bool:
    """True when a line reads as a headline: a few words, capitalised, no closing full stop."""
    s = line.strip()
    if not s or len(s) > HEADLINE_MAX_CHARS or not (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'"):
        return False
    words = s.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if _SENTENCE_END.search(s) and not s.endswith("..."):
        return False
    return not (
        is_breadcrumb(s)
        or is_stamp(s)
        or s.lower().startswith(("http://", "https://"))
        or menu_items(s) is not None
        or masthead(s) is not None
    )


def is_stamp(line: str) -> bool:
    """Whether a line is metadata: a date stamp (its label is enough: "POSTED: 04 / 02 / 07 |"),
    an outlet, URL or byline line (:func:`parse_line`)."""
    s = line.strip()
    return _STAMP_LABEL.match(s) is not None or parse_line(s) is not None


def find_title(text: str, max_lines: int = 8, skip: frozenset[str] = frozenset()) -> str | None:
    """The first line among the first ``max_lines`` non-blank lines that reads as a headline.

    Lines whose whitespace-normalised, casefolded text is in ``skip`` (lines cleaning took out as
    mastheads or metadata) are passed over. Falls back to the last part of a breadcrumb line
    (``Home » Title``) when no line qualifies.
    """
    crumb: str | None = None
    seen = 0
    for line in text.split("\n"):
        if not line.strip() or (skip and _norm(line) in skip):
            continue
        seen += 1
        if seen > max_lines:
            break
        if is_breadcrumb(line):
            last = re.split(r"\s*[»›>/|]\s*", line.strip())[-1]
            crumb = crumb or (last if len(last.split()) >= HEADLINE_MIN_WORDS else None)
            continue
        if is_headline(line):
            return line.strip()
        if _is_body(line):
            break  # the body has started: a headline further down is a subhead
    return crumb


def _is_body(line: str) -> bool:
    s = line.strip()
    return len(s.split()) >= BODY_MIN_WORDS and s.endswith((".", "!", "?", "”", '"', "»"))


def outlet_from_host(host: str) -> str | None:
    """A readable outlet name from a host name: ``www.gulf-times.com`` -> ``Gulf Times``."""
    labels = [p for p in host.lower().split(":")[0].strip(".").split(".") if p]
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        name = labels[-3]
    elif len(labels) >= 2:
        name = labels[-2]
    elif labels:
        name = labels[0]
    else:
        return None
    words = [w for w in re.split(r"[-_]+", name) if w]
    if not words:
        return None
    if len(words) == 1 and len(words[0]) <= 3:
        return words[0].upper()
    return " ".join(w.capitalize() for w in words)


def to_naive_utc(value: datetime) -> datetime:
    """``value`` as naive UTC: an aware datetime converted to UTC with its zone dropped; a naive one as is.

    Every ``Article.published`` and ``updated`` is naive UTC, so all stages compare them safely. A
    naive value (a date line without a zone) is taken to be UTC already: its zone is unknown.
    """
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(tzinfo=None)


def _plain_date(s: str) -> datetime | None:
    """A date without a zone in a common shape (see ``_NUMERIC_DATE``, ``_WORDED_DATE``), or None."""
    m = _NUMERIC_DATE.match(s)
    if m is not None:
        a, b = int(m.group("a")), int(m.group("b"))
        # Day first (28/03/2021, 26.09.2022: most of the world's order) unless that is impossible and
        # month first is not (03/28/2021, the US order). An ambiguous date (05/04/2021) is read day
        # first: outlets that write numeric dates are mostly outside the US (US outlets mostly write
        # the month's name); checked on ECB+, where this gains 7 dates and loses 1 (a US "05 / 02 /
        # 2013"). Dotted dates are always day first.
        day, month = (b, a) if b > 12 >= a and m.group("sep") != "." else (a, b)
    else:
        m = _WORDED_DATE.match(s)
        if m is None:
            return None
        month_name = (m.group("m1") or m.group("m2")).lower()
        if month_name not in MONTHS:
            return None
        day, month = int(m.group("d1") or m.group("d2")), MONTHS[month_name]
    year = int(m.group("y"))
    year += 2000 if year < 100 else 0
    hour = int(m.group("h") or 0)
    ampm = re.sub(r"[.\s]", "", m.group("ampm") or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, int(m.group("mi") or 0), int(m.group("s") or 0))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_date(value: str) -> datetime | None:
    """Parse a date or date-time as written ("07 January 2022, 14:52", ISO 8601, RFC 2822, 28/03/2021).

    Returns naive UTC (see :func:`to_naive_utc`): "25 September 2022 12:40 CEST" is 10:40.
    Numeric dates are read day first unless impossible (see :func:`_plain_date`).
    """
    s = value.strip().rstrip(".")
    if not s or len(s) > 64 or not re.search(r"\d", s):
        return None
    try:
        return to_naive_utc(datetime.fromisoformat(s.replace("Z", "+00:00")))
    except ValueError:
        pass
    plain = _plain_date(s)
    if plain is not None:
        return plain
    import dateparser

    when = dateparser.parse(
        s,
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "DMY",
            "TIMEZONE": "UTC",  # a time without a zone is taken as written
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PARSERS": ["absolute-time"],  # "2 days ago" and timestamps are not publication dates
        },
    )
    return to_naive_utc(when) if when is not None else None


def _dated(value: str) -> bool:
    """True when ``value`` names a day with its year (a bare time or "Jan 5" is not enough)."""
    return bool(_HAS_DATE.search(value) and _YEAR.search(value))


def parse_line(line: str) -> LineMeta | None:
    """What a metadata line says, or None when the line is not one.

    Recognised: outlet lines ("Source From: Stern"), a source URL line (optionally followed by the
    title), update and publication stamps ("Date Of Update: 07 January 2022, 14:52") and bylines
    ("by admin").
    """
    s = line.strip()
    if not s or len(s) > 400:
        return None
    m = _URL_LINE.match(s)
    if m:
        url = m.group("url")
        host = (urlsplit(url).hostname or "").lower()
        bare = host.removeprefix("www.").removeprefix("m.").removeprefix("mobile.")
        if not _HOST.match(host) or bare in _NOT_OUTLET_HOSTS or bare.split(".")[-2:-1] == ["amazon"]:
            return None
        rest = (m.group("rest") or "").strip() or None
        return LineMeta(outlet=outlet_from_host(host), url=url, title=rest)
    m = _OUTLET.match(s)
    if m and len(m.group("value").split()) <= 6 and not _CREDIT.search(m.group("value")):
        return LineMeta(outlet=m.group("value").strip())
    for pattern, is_update in ((_UPDATED, True), (_PUBLISHED, False)):
        m = pattern.match(s)
        if m and len(m.group("value")) <= DATE_STAMP_MAX_CHARS and _dated(m.group("value")):
            when = parse_date(m.group("value"))
            if when is not None:
                return LineMeta(updated=when) if is_update else LineMeta(published=when)
    if len(s) <= DATE_STAMP_MAX_CHARS and _dated(s) and not _DATE_WORDS.sub("", s).strip():
        when = parse_date(s)
        if when is not None:
            return LineMeta(published=when, bare_date=True)
    m = _BYLINE.match(s)
    if m and len(m.group("value").split()) <= BYLINE_MAX_WORDS:
        return LineMeta(byline=m.group("value").strip())
    return None
