"""``synoptic run``: ingest sources, group stories, write a brief per story and an index."""

from __future__ import annotations

import argparse
import logging
import sys

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE
from synoptic.cli._common import add_source_arguments, open_existing_store, plural

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run", help="ingest SOURCES, group stories and write a brief per story into --out",
        description="Ingest SOURCES into the store, group them into stories, and write per story "
        "OUT/stories/<story>.json (brief schema), .md and .html, plus OUT/index.json, index.md and index.html. "
        "Without SOURCES, writes the briefs of the store at --db (built where missing). "
        "Exit status 3 when some inputs were skipped.")
    add_source_arguments(parser, required=False)
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the briefs and the index")
    parser.add_argument("--db", metavar="PATH", help="SQLite store (default: OUT/synoptic.db)")
    parser.add_argument("--max-words", type=int, default=200, help="summary length budget (default 200)")
    parser.add_argument("--stories-only", action="store_true",
                        help="stop after grouping stories: the index lists them, no briefs are built")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="run on a local Dask cluster of N workers (needs synoptic[dask])")
    parser.add_argument("--dask", metavar="ADDRESS", help="run on an existing Dask scheduler, e.g. tcp://HOST:8786")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    if not args.sources:
        return _from_store(args)
    if args.workers or args.dask:
        from synoptic.distributed import run_distributed

        report = run_distributed(args.sources, args.out, db=args.db, address=args.dask, workers=args.workers,
                                 fetch=args.fetch, allow_private=args.allow_private, max_words=args.max_words,
                                 briefs=not args.stories_only)
    else:
        from synoptic.pipeline import run

        report = run(args.sources, args.out, db=args.db, fetch=args.fetch, allow_private=args.allow_private,
                     max_words=args.max_words, briefs=not args.stories_only)
    print(f"synoptic: {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
          f"{len(report.skipped)} skipped; {plural(len(report.stories), 'story', 'stories')} written to {report.out}",
          file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def _from_store(args: argparse.Namespace) -> int:
    """``run --db STORE --out DIR`` without SOURCES: write the store's briefs."""
    if not args.db:
        print("synoptic: run needs SOURCES, or --db STORE to write the briefs of a store; "
              "see `synoptic run --help`", file=sys.stderr)
        return EXIT_USAGE
    from synoptic.pipeline import write_store

    store = open_existing_store(args.db, f"synoptic ingest SOURCES --db {args.db}")
    if store is None:
        return EXIT_ERROR
    try:
        report = write_store(store, args.out, max_words=args.max_words)
    finally:
        store.close()
    print(f"synoptic: {plural(len(report.stories), 'story', 'stories')} of {args.db} written to {report.out}",
          file=sys.stderr)
    return EXIT_OK
