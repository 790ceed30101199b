"""HTML pages and fragments to text.

Pages go through trafilatura (main text, title, site name, canonical URL; the date through
htmldate, which trafilatura calls). Feed entry fragments are small and already the article, so
they are flattened by :func:`fragment_to_text` without boilerplate removal.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from html import unescape
from typing import Any

from synoptic.errors import InputError
from synoptic.ingest.metadata import masthead, menu_items, outlet_from_host, parse_date, site_name
from synoptic.records import Article, text_id

log = logging.getLogger(__name__)

# Largest HTML page handed to trafilatura, in characters. Extraction costs about 3 s per MB here
# (2 shared cores; a 2.2 MB page took 6.5 s) and news pages are rarely over 1 MB, so 5 MB bounds a
# hostile page to ~15 s while every AEB page (largest 1.5 MB) passes.
MAX_HTML_CHARS = 5_000_000

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Publication times the page states in its head (meta tags, JSON-LD): htmldate prefers a date in the
# URL (day only), so the time of day is taken from here when it names the same day.
_TIME_KEYS = (
    r"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate|dc\.date\.issued)"
)
_META_TIME = re.compile(
    r"<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*[\"']"
    + _TIME_KEYS
    + r"[\"'][^>]*?content\s*=\s*[\"']([^\"']{8,40})[\"']"
    + r"|<meta\s[^>]*?content\s*=\s*[\"']([^\"']{8,40})[\"'][^>]*?(?:property|name|itemprop)\s*=\s*[\"']"
    + _TIME_KEYS
    + r"[\"']"
    + r"|\"datePublished\"\s*:\s*\"([^\"]{8,40})\"",
    re.I,
)
_HOST_NAME = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.I)
_PAGE_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
}


def looks_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML document."""
    return bool(_HTML_SNIFF.match(data[:4096]))


def _date_params() -> dict[str, Any]:
    """trafilatura's own date settings, asking htmldate for the time and zone as well as the day."""
    from trafilatura.settings import set_date_params

    return {**set_date_params(), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _extract(html: str, url: str | None) -> Any:
    import trafilatura

    # trafilatura logs its own lines without naming the input; ours name it.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, date_extraction_params=_date_params()
        )
    except (
        RecursionError,
        ValueError,
        TypeError,
        AttributeError,
    ) as err:  # lxml/trafilatura on hostile markup
        log.debug("trafilatura failed: %s", err)
        return None


def html_article(html: str, source: str, *, url: str | None = None, article_id: str | None = None) -> Article:
    """An article from an HTML page: ``text == raw_text ==`` the extracted main text; ``html`` kept.

    Raises :class:`InputError` when no article text can be found in the page.
    """
    if len(html) > MAX_HTML_CHARS:
        raise InputError(
            source,
            f"is a {len(html) / 1e6:.0f} MB HTML page, over the {MAX_HTML_CHARS // 1_000_000} MB HTML cap; "
            "save the article page alone or give its text",
        )
    doc = _extract(html, url)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(
            source, "no article text found in this HTML page; check that it is a news article page"
        )
    page_url = getattr(doc, "url", None) or url
    sitename = getattr(doc, "sitename", None)
    outlet = site_name(sitename) if sitename else None  # "X - tagline — X" -> "X"
    # trafilatura falls back on the host name ("valleypost.example") when the page names no site
    # (a site named after its domain writes it with capitals: "Space.com", "CBSSports.com")
    from_host = bool(outlet and outlet == outlet.lower() and _HOST_NAME.match(outlet))
    title = getattr(doc, "title", None) or None
    found = _PAGE_TITLE.search(html[:300_000])
    page_title = unescape(found.group(1)) if found else ""
    # a menu-like page title ("Headline | Site | Section") starts with the headline, not the outlet
    shown = masthead(page_title, outlet) if page_title and menu_items(page_title) is None else None
    if shown is not None:
        # the page's title is its masthead ("Nile Courier - News from Egypt"): it names the outlet, and
        # when trafilatura took it (or its first part) for the headline, cleaning finds the headline
        if from_host or not outlet:
            outlet = shown
        if title and _norm(title) in (_norm(shown), _norm(page_title)):
            title = None
    if not outlet and page_url:
        from urllib.parse import urlsplit

        outlet = outlet_from_host(urlsplit(page_url).hostname or "")
    published = _published(html, str(doc.date) if getattr(doc, "date", None) else None)
    return Article(
        id=article_id or text_id(text),
        text=text,
        raw_text=text,
        title=title,
        url=page_url,
        outlet=outlet,
        published=published,
        published_how="metadata" if published else "none",
        byline=getattr(doc, "author", None) or None,
        language=getattr(doc, "language", None) or None,
        source=source,
        html=html,
    )


def _norm(text: str) -> str:
    return " ".join(unescape(text).split()).casefold()


def _published(html: str, found: str | None) -> datetime | None:
    """The page's publication time (naive UTC): htmldate's ``found`` date, with the time of day from
    the page's own meta tags when they name the same day (or when htmldate found nothing)."""
    m = _META_TIME.search(html[:300_000])
    stated = next((g for g in m.groups() if g), None) if m else None
    if stated and (found is None or stated.strip()[:10] == found[:10]):
        when = parse_date(stated)
        if when is not None:
            return when
    return parse_date(found) if found else None


def fragment_to_text(fragment: str) -> str:
    """Flatten an HTML fragment (a feed entry's content) to text, one block per paragraph."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                parts.append("\n")
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n\n".join(ln for ln in lines if ln)
