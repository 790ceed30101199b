"""What several commands share: the SOURCES arguments and reading them into cleaned articles."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from synoptic.records import Article, Brief

if TYPE_CHECKING:
    from synoptic.store.base import Store

log = logging.getLogger("synoptic")


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``: a count with its noun in the right number."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def add_source_arguments(parser: argparse.ArgumentParser, required: bool = True) -> None:
    """The SOURCES arguments of every command that reads news."""
    parser.add_argument("sources", nargs="+" if required else "*", metavar="SOURCES",
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


def open_existing_store(path: str, how_to_create: str) -> Store | None:
    """The store at ``path``, or None after one line on stderr naming it and saying what to do
    (``how_to_create``: the command that makes one). Never creates an empty store file."""
    import sys
    from pathlib import Path

    from synoptic.errors import StoreError
    from synoptic.store import open_store

    if not Path(path).exists():
        print(f"synoptic: {path}: no store here; create one with `{how_to_create}`", file=sys.stderr)
        return None
    try:
        return open_store(path)
    except StoreError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return None


def print_brief(brief: Brief | Mapping[str, object]) -> None:
    """A brief on stdout: as Markdown text when piped or redirected, rendered (headings, bold,
    tables, no Markdown escapes) when stdout is a terminal."""
    import sys

    from synoptic.render import markdown

    if not sys.stdout.isatty():
        print(markdown.render(brief))
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(markdown.render(brief, cell_break=" · "), hyperlinks=False))


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``: the SQLite store, ``./synoptic.db`` unless given."""
    from synoptic.store import DEFAULT_DB

    parser.add_argument("--db", metavar="PATH", default=DEFAULT_DB, help=f"SQLite store (default: ./{DEFAULT_DB})")


def positive_int(value: str) -> int:
    """An argparse type: a whole number above zero."""
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from exc
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, not {n}")
    return n
