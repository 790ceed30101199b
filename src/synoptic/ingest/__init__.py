"""Ingest: turn files, directories, globs, stdin records, feeds and (on request) URLs into Articles.

``load`` never raises for bad input: each input that cannot be read becomes an
:class:`~synoptic.errors.InputError` in the stream (naming the input and what to do), and the
rest is read. Every text passes the quality gate (:mod:`synoptic.ingest.quality`): one in a
mix of scripts no language writes, or too short to be an article, is skipped the same way.
Articles come out raw: ``text == raw_text ==`` the extracted text, with the
metadata the format carries; :mod:`synoptic.clean` cleans them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from synoptic.errors import FetchError, InputError
from synoptic.ingest.records import jsonl_articles
from synoptic.ingest.sources import expand, read_bytes, read_path
from synoptic.records import Article

__all__ = ["load"]


def load(
    sources: Iterable[str],
    *,
    fetch: bool = False,
    allow_private: bool = False,
    stdin: TextIO | None = None,
    quality_gate: bool = True,
) -> Iterator[Article | InputError]:
    """Yield an Article per report found in ``sources``, or an InputError per input skipped.

    ``sources`` holds file paths, directories (read recursively), glob patterns, ``-`` (JSON Lines
    records from ``stdin``, default ``sys.stdin``) and, only when ``fetch`` is true, http(s) URLs
    (non-public addresses refused unless ``allow_private``). ``quality_gate=False`` lets every
    decoded text through (to calibrate the gate).
    """
    items = _load(sources, fetch=fetch, allow_private=allow_private, stdin=stdin)
    if not quality_gate:
        yield from items
        return
    from synoptic.ingest.quality import quality_problem

    for item in items:
        if isinstance(item, Article):
            problem = quality_problem(item.text, item.language)
            if problem is not None:
                yield InputError(item.source or item.id, problem)
                continue
        yield item


def _load(sources: Iterable[str], *, fetch: bool, allow_private: bool,
          stdin: TextIO | None) -> Iterator[Article | InputError]:
    for item in expand(sources):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            yield from jsonl_articles(stdin if stdin is not None else sys.stdin, "stdin")
        elif "://" in item and not os.path.exists(item):
            yield from _load_url(item, fetch=fetch, allow_private=allow_private)
        else:
            yield from read_path(item)


def _load_url(url: str, *, fetch: bool, allow_private: bool) -> Iterator[Article | InputError]:
    from synoptic.ingest.fetch import check_url
    from synoptic.ingest.fetch import fetch as get

    if not fetch:
        scheme = url.partition("://")[0].lower()
        if scheme in ("http", "https"):
            yield InputError(url, "is a URL; pass --fetch to download it")
        else:
            yield FetchError(url, f"scheme {scheme!r} is not allowed; only http and https URLs are fetched")
        return
    try:
        check_url(url, allow_private=allow_private)
        got = get(url, allow_private=allow_private)
    except InputError as err:
        yield err
        return
    name = os.path.basename(got.url.split("?")[0].rstrip("/")) or None
    yield from read_bytes(
        got.body,
        url,
        name=name if name and "." in name else None,
        content_type=got.content_type,
        url=got.url,
        use_name_as_id=False,
    )
