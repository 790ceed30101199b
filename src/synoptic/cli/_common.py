"""What several commands share: the SOURCES arguments and reading them into cleaned articles."""

from __future__ import annotations

import argparse
import logging

from synoptic.records import Article

log = logging.getLogger("synoptic")


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """The SOURCES arguments of every command that reads news."""
    parser.add_argument("sources", nargs="+", metavar="SOURCES",
                        help="files, directories (recursive), globs, '-' for JSON Lines records on stdin, "
                             "or http(s) URLs with --fetch")
    parser.add_argument("--fetch", action="store_true", help="fetch http(s) URLs given as sources")
    parser.add_argument("--allow-private", action="store_true",
                        help="let --fetch reach loopback and private addresses (off by default)")


def read_cleaned(args: argparse.Namespace) -> tuple[list[Article], int]:
    """The cleaned articles of ``args.sources`` and how many inputs were skipped (each is logged
    in one line naming it; the caller exits 3 when any was)."""
    from synoptic.pipeline import RunReport, read_sources

    report = RunReport()
    articles = read_sources(args.sources, fetch=getattr(args, "fetch", False),
                            allow_private=getattr(args, "allow_private", False), report=report)
    return articles, len(report.skipped)
