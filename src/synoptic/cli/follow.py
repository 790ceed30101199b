"""``synoptic follow FEEDS.txt``: poll RSS/Atom feeds politely and keep the stories up to date."""

from __future__ import annotations

import argparse
from pathlib import Path

from synoptic.cli import EXIT_OK, EXIT_SKIPPED
from synoptic.cli._common import add_db_argument
from synoptic.follow import DEFAULT_INTERVAL, HOST_INTERVAL


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "follow", help="poll the RSS/Atom feeds listed in a file and ingest new entries",
        description="Poll the feeds listed in FEEDS (one URL per line, # comments) with conditional "
        "requests (ETag, Last-Modified), at most one request per host every --host-interval seconds, "
        "backing off on errors; new entries go through the pipeline and only the briefs that changed "
        "are rewritten. One log line per feed per poll on stderr.")
    parser.add_argument("feeds", metavar="FEEDS", help="text file of feed URLs")
    add_db_argument(parser)
    parser.add_argument("--out", metavar="DIR", help="also keep brief files and the index here")
    parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, help="seconds between polls of a feed")
    parser.add_argument("--host-interval", type=float, default=HOST_INTERVAL,
                        help="least seconds between two requests to one host")
    parser.add_argument("--rounds", type=int, help="stop after this many rounds (default: run until stopped)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow feeds on loopback and private addresses (off by default)")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.follow import Follower, read_feed_list
    from synoptic.store import open_store

    if args.out:
        from synoptic.pipeline import prepare_out_dir

        prepare_out_dir(args.out)  # a bad --out fails now, in one line, not after the first round
    store = open_store(args.db)
    try:
        follower = Follower(read_feed_list(args.feeds), store, state_path=f"{args.db}.follow.json",
                            out=Path(args.out) if args.out else None, interval=args.interval,
                            host_interval=args.host_interval, allow_private=args.allow_private)
        follower.run(rounds=args.rounds)
    finally:
        store.close()
    return EXIT_SKIPPED if follower.errors else EXIT_OK
