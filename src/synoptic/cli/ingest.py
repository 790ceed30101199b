"""``synoptic ingest``: read sources into the store and regroup the stored articles into stories."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED
from synoptic.errors import NothingReadable, StoreError

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    from synoptic.cli._common import add_db_argument, add_source_arguments

    parser = sub.add_parser(
        "ingest", help="read SOURCES into the store and regroup its articles into stories",
        description="Read SOURCES, clean them and store each article (one transaction per article; "
        "the same article twice is stored once, a changed text becomes a new version), then regroup every "
        "stored article into stories. A story's brief is built when first asked for (`synoptic brief`, "
        "`synoptic serve`, `synoptic run --db`), or at once with --briefs. Safe to run again after an "
        "interruption. Prints one summary line to stderr; exit status 3 when some inputs were skipped.")
    add_source_arguments(parser)
    add_db_argument(parser)
    parser.add_argument("--briefs", action="store_true",
                        help="also build the briefs of the stories that changed now (else each is built when first asked for)")
    parser.add_argument("--max-words", type=int, default=200, help="summary length budget (default 200)")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.cli._common import plural
    from synoptic.pipeline import RunReport, process, read_sources
    from synoptic.store import open_store

    report = RunReport()
    new_store = not Path(args.db).exists()
    try:  # a bad --db fails before any reading
        store = open_store(args.db)
    except StoreError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        try:
            articles = read_sources(args.sources, fetch=args.fetch, allow_private=args.allow_private,
                                    report=report)
        except NothingReadable:
            if new_store:  # leave no empty store behind
                store.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{args.db}{suffix}").unlink(missing_ok=True)
            raise
        log.info("read %s; storing them in %s", plural(len(articles), "article"), args.db)
        # store and regroup; `brief`, `serve` and `run --db` build a missing or stale brief when
        # asked, so the store holds one truth either way (--briefs builds them now)
        process(store, articles, report, max_words=args.max_words, briefs=args.briefs)
        total = sum(len(s.article_ids) for s in report.stories)
    finally:
        store.close()
    print(f"synoptic: {report.new} new, {report.unchanged} unchanged, {report.updated} updated, "
          f"{len(report.skipped)} skipped; {plural(total, 'article')} in {plural(len(report.stories), 'story', 'stories')} "
          f"in {args.db}" + (f" ({plural(len(report.changed), 'brief')} written)" if args.briefs else ""),
          file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK
