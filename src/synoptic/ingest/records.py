"""JSON and JSON Lines records: ``{"id", "text" | "html", "title", "url", "outlet", "published"}``.

``text`` or ``html`` is required; the other fields are optional and win over what is found in the
text. ``published`` is parsed to a datetime (``published_how="metadata"``; a value that is not a
date is dropped with a warning, the article kept). A bad record is
reported as an :class:`InputError` naming the file and line, and the other records are read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from synoptic.errors import InputError
from synoptic.ingest.html import html_article
from synoptic.ingest.metadata import parse_date
from synoptic.ingest.text import normalize_newlines, text_article
from synoptic.records import Article

log = logging.getLogger(__name__)

_STR_FIELDS = ("id", "title", "url", "outlet")


def record_article(record: Any, source: str) -> Article:
    """One record to an Article; raises :class:`InputError` naming ``source`` when it is unusable."""
    if not isinstance(record, dict):
        raise InputError(
            source, f"is a JSON {type(record).__name__}, not an object; give one object per record"
        )
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError(source, 'has no "text" or "html"; add the article text to the record')
    rid = record.get("id")
    rid = str(rid) if rid is not None and str(rid).strip() else None
    if isinstance(text, str) and text.strip():
        article = text_article(normalize_newlines(text), source, rid)
        if isinstance(html, str):
            article = article.replace(html=html)
    else:
        assert isinstance(html, str)  # checked above: text or html is a non-empty string
        article = html_article(html, source, url=record.get("url") or None, article_id=rid)
    changes: dict[str, Any] = {
        f: str(record[f]).strip()
        for f in _STR_FIELDS[1:]
        if isinstance(record.get(f), str) and record[f].strip()
    }
    published = record.get("published")
    if published not in (None, ""):
        when = parse_date(str(published))
        if when is None:  # the article is still good: keep it, undated, and say so
            log.warning(
                '%s: "published" value %r is not a date (use ISO 8601); read without a date',
                source,
                str(published)[:40],
            )
        else:
            changes.update(published=when, published_how="metadata")
    return article.replace(**changes) if changes else article


def json_articles(text: str, source: str) -> Iterator[Article | InputError]:
    """Articles from a JSON document holding one record or a list of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        # Maybe JSON Lines under a .json name.
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from jsonl_articles(text.split("\n"), source)
            return
        yield InputError(source, f"is not valid JSON (line {err.lineno}: {err.msg}); fix the file")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = source if len(records) == 1 and not isinstance(data, list) else f"{source}[{i}]"
        try:
            yield record_article(record, where)
        except InputError as err:
            yield err


def jsonl_articles(lines: Iterable[str], source: str) -> Iterator[Article | InputError]:
    """Articles from JSON Lines (one record per line; blank lines ignored)."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"is not valid JSON ({err.msg}); fix or remove that line")
            continue
        try:
            yield record_article(record, where)
        except InputError as err:
            yield err
