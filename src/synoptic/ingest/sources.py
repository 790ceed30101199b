"""Expanding what the user named (files, directories, globs, ``-``, URLs) and reading each by format.

Formats are told by extension first (.txt, .html/.htm, .json, .jsonl/.ndjson, .xml/.rss/.atom)
and otherwise by sniffing the first bytes, so a feed saved as ``.txt`` or a page without an
extension is still read as what it is.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from synoptic.errors import InputError
from synoptic.ingest.feeds import feed_articles, looks_feed
from synoptic.ingest.html import html_article, looks_html
from synoptic.ingest.records import json_articles, jsonl_articles
from synoptic.ingest.text import MAX_FILE_BYTES, decode, looks_binary, text_article
from synoptic.records import Article

_GLOB_CHARS = set("*?[")
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXT = {".xml", ".rss", ".atom", ".rdf"}
_JSONL_EXT = {".jsonl", ".ndjson"}


def is_url(source: str) -> bool:
    """True for anything of the form ``scheme://...`` (fetching decides which schemes are allowed)."""
    head, sep, _ = source.partition("://")
    return bool(sep) and head.isalpha() and len(head) > 1


def expand(sources: Iterable[str]) -> Iterator[str | InputError]:
    """File paths (directories walked recursively, sorted; globs expanded), URLs and ``-`` in order.

    A source that names nothing readable becomes an :class:`InputError`.
    """
    for source in sources:
        if source == "-" or is_url(source):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            found = False
            walk_errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=walk_errors.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        yield os.path.join(root, name)
            for err in walk_errors:
                where = str(err.filename or source)
                yield InputError(where, f"cannot be listed ({err.strerror or err}); check its permissions")
            if not found and not walk_errors:
                yield InputError(
                    source, "is a directory with no files in it; give files or another directory"
                )
        elif path.exists():
            yield source
        elif path.is_symlink():
            yield InputError(source, "is a broken symbolic link; fix or remove it")
        elif _GLOB_CHARS & set(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield InputError(source, "matches no files; check the pattern")
            yield from expand(matches)
        else:
            yield InputError(source, "does not exist; check the path")


def read_path(path: str) -> Iterator[Article | InputError]:
    """Every article in one file (one for text and HTML, many for JSON, JSON Lines and feeds)."""
    try:
        if os.path.islink(path) and not os.path.exists(path):
            yield InputError(path, "is a broken symbolic link; fix or remove it")
            return
        if not os.path.isfile(path):
            what = "a directory" if os.path.isdir(path) else "not a regular file"
            yield InputError(path, f"is {what}; give a text, HTML, JSON or feed file")
            return
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            yield InputError(
                path,
                f"is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB cap; split it into smaller files",
            )
            return
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        yield InputError(path, f"cannot be read ({err.strerror or err}); check its permissions")
        return
    yield from read_bytes(data, path, name=os.path.basename(path))


def read_bytes(
    data: bytes,
    source: str,
    *,
    name: str | None = None,
    content_type: str = "",
    url: str | None = None,
    use_name_as_id: bool = True,
) -> Iterator[Article | InputError]:
    """Every article in ``data`` read from ``source``.

    ``name`` (a file name) gives the extension and, for one-article formats, the id
    (unless ``use_name_as_id`` is false: then the id is the text's hash).
    """
    article_id = name if use_name_as_id else None
    if len(data) > MAX_FILE_BYTES:
        yield InputError(
            source, f"is over the {MAX_FILE_BYTES // (1024 * 1024)} MB cap; split it into smaller files"
        )
        return
    ext = os.path.splitext(name or "")[1].lower()
    if not data.strip():
        yield InputError(source, "is empty; nothing to read (remove it or give a file with text)")
        return
    if looks_binary(data):
        yield InputError(source, "is not text (binary data); give a text, HTML, JSON or feed file")
        return
    kind = _kind(data, ext, content_type)
    if kind == "feed":
        yield from feed_articles(data, source)
        return
    try:
        text = decode(data, source)
    except InputError as err:
        yield err
        return
    if kind == "json":
        yield from json_articles(text, source)
    elif kind == "jsonl":
        yield from jsonl_articles(text.split("\n"), source)
    elif kind == "html":
        try:
            yield html_article(text, source, url=url, article_id=article_id)
        except InputError as err:
            yield err
    else:
        article = text_article(text, source, article_id)
        yield article.replace(url=url) if url else article


def _kind(data: bytes, ext: str, content_type: str) -> str:
    if ext in _HTML_EXT or "html" in content_type:
        return "html"
    if ext in _FEED_EXT or any(t in content_type for t in ("rss", "atom", "/xml")):
        return "feed"
    if ext in _JSONL_EXT:
        return "jsonl"
    if ext == ".json" or "json" in content_type:
        return "json"
    if looks_feed(data):
        return "feed"
    if looks_html(data):
        return "html"
    head = data.lstrip()[:1]
    if ext != ".txt" and head in (b"{", b"["):
        return "json"
    return "text"
