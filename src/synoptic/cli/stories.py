"""``synoptic stories``: list the stories in the store."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from synoptic.cli._common import add_db_argument, open_existing_store


def register(sub: argparse._SubParsersAction) -> None:

    parser = sub.add_parser(
        "stories", help="list the stories in the store",
        description="List the stories in the store, newest first: id, title, number of articles and of "
        "outlets, and the date range of their reports. With --json, one JSON object per line.")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    parser.add_argument("--search", metavar="WORDS", help="only stories with an article matching these words")
    parser.add_argument("--since", metavar="DATE", help="only stories still running on or after this ISO date")
    parser.add_argument("--until", metavar="DATE", help="only stories begun on or before this ISO date")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N stories")
    parser.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N stories")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:

    for name in ("since", "until"):
        value = getattr(args, name)
        try:
            if value is not None:
                datetime.fromisoformat(value)
        except ValueError:
            print(f"synoptic: --{name} {value!r} is not an ISO date; write it like 2021-03-23", file=sys.stderr)
            return EXIT_USAGE
    store = open_existing_store(args.db, f"synoptic ingest SOURCES --db {args.db}")
    if store is None:
        return EXIT_ERROR
    try:
        rows = store.story_overview(limit=args.limit, offset=args.offset, query=args.search,
                                    since=args.since, until=args.until)
    finally:
        store.close()
    if args.json:
        for row in rows:
            print(json.dumps(row.as_json(), ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("synoptic: no stories", file=sys.stderr)
        return EXIT_OK
    print("story\tarticles\toutlets\tfrom\tto\ttitle")
    for row in rows:
        print(f"{row.id}\t{row.articles}\t{row.outlets}\t{_day(row.first_seen)}\t"
              f"{_day(row.last_seen)}\t{row.title or ''}")
    return EXIT_OK


def _day(value: str | None) -> str:
    return value[:10] if value else "-"
