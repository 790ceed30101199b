"""``synoptic clean SOURCES...``: read and clean articles, print one JSON object per line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime
from typing import Any

from synoptic.cli import EXIT_OK, EXIT_SKIPPED
from synoptic.cli._common import add_source_arguments, plural, read_cleaned
from synoptic.records import Article

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "clean",
        help="read articles and print them cleaned, as JSON Lines",
        description="Read articles (files, directories, globs, '-' for JSON Lines on stdin, URLs with "
        "--fetch) and print one JSON object per article: id, text (cleaned), title, outlet, url, "
        "published, updated (ISO 8601, UTC, written without a zone) and the removed lines with their "
        "reasons. Exit status 3 when some inputs were skipped (each is named on stderr).",
    )
    add_source_arguments(parser)
    parser.set_defaults(func=run)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_json(article: Article) -> dict[str, Any]:
    """The JSON object ``synoptic clean`` prints for one cleaned article."""
    return {
        "id": article.id,
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": _iso(article.published),
        "published_how": article.published_how,
        "updated": _iso(article.updated),
        "byline": article.byline,
        "source": article.source,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def run(args: argparse.Namespace) -> int:
    articles, skipped = read_cleaned(args)
    out = sys.stdout
    for article in articles:
        out.write(json.dumps(article_json(article), ensure_ascii=False) + "\n")
    out.flush()
    if skipped:
        log.error("%s skipped, %s cleaned", plural(skipped, "input"), plural(len(articles), "article"))
    return EXIT_SKIPPED if skipped else EXIT_OK
