"""RSS and Atom feeds: one article per entry, full content where the feed carries it.

Feeds are XML, so before feedparser sees one it is parsed by defusedxml with entity declarations
and external references forbidden: a billion-laughs bomb or an XXE probe is refused with a message
instead of being expanded or fetched.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from synoptic.errors import InputError
from synoptic.ingest.html import fragment_to_text
from synoptic.ingest.metadata import site_name
from synoptic.ingest.text import text_article
from synoptic.records import Article

_FEED_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(rss|feed|rdf:RDF)\b",
    re.I | re.S,
)


_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def looks_feed(data: bytes) -> bool:
    """True when ``data`` starts like an RSS, RDF or Atom document."""
    return bool(_FEED_SNIFF.match(data[:65536]))


def check_safe_xml(data: bytes, source: str) -> None:
    """Refuse XML that declares entities or references external resources (XML bombs, XXE)."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (
        defusedxml.EntitiesForbidden,
        defusedxml.ExternalReferenceForbidden,
        defusedxml.DTDForbidden,
    ) as err:
        raise InputError(
            source,
            f"declares XML entities or external references ({type(err).__name__}); refused as unsafe "
            "(possible XML bomb or XXE); remove the DOCTYPE",
        ) from None
    except ParseError:
        # Malformed: feedparser's lenient parser gets its chance, unless entities are declared
        # anywhere (a malformed prefix must not smuggle a bomb past the strict parser).
        if _ENTITY_DECL.search(data):
            raise InputError(
                source, "declares XML entities in malformed XML; refused as unsafe (possible XML bomb or XXE)"
            ) from None


def _when(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            # naive UTC, as every Article.published is (feedparser gives UTC struct_time)
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).replace(tzinfo=None)
    return None


def feed_articles(data: bytes, source: str) -> Iterator[Article | InputError]:
    """One Article per feed entry; a refused or unreadable feed yields one :class:`InputError`."""
    try:
        check_safe_xml(data, source)
    except InputError as err:
        yield err
        return
    import feedparser

    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except (ValueError, TypeError, OverflowError, RecursionError) as err:
        # feedparser itself can fail on hostile input, e.g. a character reference past U+10FFFF
        # (found by tests/ingest/test_fuzz_ingest.py)
        yield InputError(
            source,
            f"is not a readable RSS/Atom feed ({type(err).__name__}: "
            f"{' '.join(str(err).split())[:60]}); check the file or URL",
        )
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = " ".join(str(parsed.get("bozo_exception") or "no entries").split())[:80]
        yield InputError(source, f"is not a readable RSS/Atom feed ({why}); check the file or URL")
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    outlet = site_name(feed_title) if feed_title else None  # "X - News from Y" -> "X"
    results = list(_entries(entries, source, outlet))
    if parsed.get("bozo") and not any(isinstance(r, Article) for r in results):
        why = " ".join(str(parsed.get("bozo_exception") or "malformed").split())[:80]
        yield InputError(source, f"is not a readable RSS/Atom feed ({why}); check the file or URL")
        return
    yield from results


def _entries(entries: list[Any], source: str, outlet: str | None) -> Iterator[Article | InputError]:
    for i, entry in enumerate(entries):
        where = f"{source}#{i + 1}"
        body = ""
        content = entry.get("content") or []
        if content:
            body = "\n\n".join(c.get("value", "") for c in content if c.get("value"))
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = fragment_to_text(body) if body else ""
        title = (entry.get("title") or "").strip() or None
        if not text.strip():
            yield InputError(
                where, "feed entry has no text; the feed gives only links (fetch the pages instead)"
            )
            continue
        entry_id = entry.get("id") or entry.get("link") or None
        article = text_article(text, where, entry_id)
        published = _when(entry)
        yield article.replace(
            title=title or article.title,
            url=entry.get("link") or None,
            outlet=outlet,
            published=published,
            published_how="metadata" if published else "none",
            byline=entry.get("author") or None,
        )
