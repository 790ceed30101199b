"""``synoptic ingest``: read sources into the store and regroup the stored articles into stories."""

from __future__ import annotations

import argparse
import logging
import sys

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED
from synoptic.errors import StoreError

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    from synoptic.cli._common import add_db_argument, add_source_arguments

    parser = sub.add_parser(
        "ingest", help="read SOURCES into the store and regroup its articles into stories",
        description="Read SOURCES, clean them and store each article (one transaction per article; "
        "the same article twice is stored once, a changed text becomes a new version), then regroup every "
        "stored article into stories. Safe to run again after an interruption. Prints one summary line "
        "to stderr; exit status 3 when some inputs were skipped.")
    add_source_arguments(parser)
    add_db_argument(parser)
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.pipeline import RunReport, assign_stories, read_sources, store_articles
    from synoptic.store import open_store

    report = RunReport()
    try:  # a bad --db fails before any reading
        store = open_store(args.db)
    except StoreError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        articles = read_sources(args.sources, fetch=args.fetch, allow_private=args.allow_private, report=report)
        log.info("read %d articles; storing them in %s", len(articles), args.db)
        store_articles(store, articles, report)
        total = store.count_articles()
        log.info("stored %d new, %d updated; grouping %d articles into stories", report.new, report.updated, total)
        stories = assign_stories(store)
        total = sum(len(s.article_ids) for s in stories)
    finally:
        store.close()
    print(f"synoptic: {report.new} new, {report.unchanged} unchanged, {report.updated} updated, "
          f"{len(report.skipped)} skipped; {total} articles in {len(stories)} stories in {args.db}",
          file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK
