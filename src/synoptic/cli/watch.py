"""``synoptic watch DIR``: ingest new and changed files as they appear."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED
from synoptic.cli._common import add_db_argument
from synoptic.watch import DEFAULT_INTERVAL


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "watch", help="follow a folder: ingest new and changed files, rewrite the briefs that changed",
        description="Poll DIR (recursively) and put new and changed files through the pipeline: "
        "the store is updated, stories regrouped, and only the briefs that changed are rewritten "
        "(also as files under --out). Runs until interrupted, or for --rounds polls.")
    parser.add_argument("folder", metavar="DIR", help="folder to follow")
    add_db_argument(parser)
    parser.add_argument("--out", metavar="DIR", help="also keep brief files and the index here")
    parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, help="seconds between polls")
    parser.add_argument("--rounds", type=int, help="stop after this many polls (default: run until stopped)")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.store import open_store
    from synoptic.watch import Watcher

    if not Path(args.folder).is_dir():
        print(f"synoptic: {args.folder}: no such folder to watch; give an existing folder", file=sys.stderr)
        return EXIT_ERROR
    if args.out:
        from synoptic.pipeline import prepare_out_dir

        prepare_out_dir(args.out)  # a bad --out fails now, in one line, not after the first round
    store = open_store(args.db)
    try:
        watcher = Watcher(Path(args.folder), store, out=Path(args.out) if args.out else None)
        watcher.run(interval=args.interval, rounds=args.rounds)
    finally:
        store.close()
    return EXIT_SKIPPED if watcher.skipped else EXIT_OK
