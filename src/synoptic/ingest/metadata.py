"""Metadata found inside an article's own lines: headline, outlet, source URL, dates, byline.

Extracted web text often carries its metadata as lines of the body ("Source From: Stern",
"Date Of Update: 07 January 2022, 14:52", "by admin", a bare source URL). These helpers recognise
such lines one at a time; :mod:`synoptic.clean` moves them out of the body into fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

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

BREADCRUMB = re.compile(r"^\s*(home|start|accueil|inicio|startseite)\s*[»›>/|]|[»›].*[»›]", re.I)
_SENTENCE_END = re.compile(r"[.;,]$")
_OUTLET = re.compile(
    r"^(?:source(?:\s+from)?|sources?|via|published\s+by|originally\s+published\s+(?:by|in|at|on))"
    r"\s*[:\-–—]\s*(?P<value>[^\s].{0,60})$",
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
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{1,2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2}\b")
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b|\b(?:at|am|pm|a\.m|p\.m|st|nd|rd|th|[A-Z]{2,4})\b|[\d\s,./:|()-]+",
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
        is_breadcrumb(s) or parse_line(s) is not None or s.lower().startswith(("http://", "https://"))
    )


def find_title(text: str, max_lines: int = 8) -> str | None:
    """The first line among the first ``max_lines`` non-blank lines that reads as a headline.

    Falls back to the last part of a breadcrumb line (``Home » Title``) when no line qualifies.
    """
    crumb: str | None = None
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
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


@lru_cache(maxsize=4096)
def parse_date(value: str) -> datetime | None:
    """Parse a date or date-time as written ("07 January 2022, 14:52", ISO 8601, RFC 2822)."""
    s = value.strip().rstrip(".")
    if not s or len(s) > 64 or not re.search(r"\d", s):
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    return dateparser.parse(
        s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )


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
