"""``synoptic brief STORY``: print a story's stored brief."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from synoptic.cli import EXIT_ERROR, EXIT_OK
from synoptic.cli._common import add_db_argument, open_existing_store, print_brief
from synoptic.errors import NotFoundError

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:

    parser = sub.add_parser(
        "brief", help="print the stored brief of one story",
        description="Print the brief of STORY (an id from `synoptic stories`) as Markdown or as its schema "
        "JSON. A story without a brief (or whose articles changed since) gets one built and stored first.")
    parser.add_argument("story", metavar="STORY", help="story id, as listed by `synoptic stories`")
    add_db_argument(parser)
    parser.add_argument("--format", choices=["md", "json"], default="md", help="output format (default md)")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:

    store = open_existing_store(args.db, f"synoptic run SOURCES --out DIR --db {args.db}")
    if store is None:
        return EXIT_ERROR
    try:
        from synoptic.brief import from_json, to_json
        from synoptic.pipeline import brief_story, stored_brief

        story = store.get_story(args.story)
        doc = stored_brief(store, story)  # printed as stored (its documented JSON)
        record = None
        if doc is not None:
            try:
                record = from_json(doc)
            except ValueError as exc:  # not a brief this synoptic reads: built again, as the viewer does
                log.warning("story %s: the stored brief is unreadable (%s); building it again", story.id, exc)
                doc = None
        if doc is None or record is None:  # built now if missing, stale or unreadable
            record = brief_story(store, story)
            doc = to_json(record)
    except NotFoundError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        store.close()
    if args.format == "md":
        print_brief(record)
    else:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    return EXIT_OK
