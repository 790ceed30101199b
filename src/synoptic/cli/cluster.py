"""``synoptic cluster SOURCES...``: group articles into stories, print {"id","story"} per article."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED
from synoptic.cli._common import add_source_arguments, plural, read_cleaned
from synoptic.errors import SynopticError

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "cluster",
        help="group articles into stories; print one {id, story} JSON object per article",
        description="Read articles (files, directories, globs, '-' for JSON Lines on stdin with id "
        "and text), clean them and group them into stories (online, time-aware). Prints one JSON "
        "object per input article, in input order: id, story, and duplicate_of when the article is "
        "a near-copy of an earlier one. Exit status 3 when some inputs were skipped.",
    )
    add_source_arguments(parser)
    parser.add_argument(
        "--embedder",
        default=None,
        help="embedding model by name (default: $SYNOPTIC_EMBEDDER or minilm)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load, clean, cluster and print; exit 3 when an input was skipped."""
    from synoptic.cluster import cluster_articles
    from synoptic.dedupe import find_duplicates
    from synoptic.embed import get_embedder

    cleaned, skipped = read_cleaned(args)
    try:
        embedder = get_embedder(args.embedder)
        stories = cluster_articles(cleaned, embedder=embedder)
        duplicates = find_duplicates(cleaned)
    except (SynopticError, ValueError) as exc:
        log.error("%s", exc)
        return EXIT_ERROR
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    out = sys.stdout
    for article in cleaned:
        rec: dict[str, str] = {"id": article.id, "story": story_of[article.id]}
        if article.id in duplicates:
            rec["duplicate_of"] = duplicates[article.id]
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    if skipped:
        log.error("%s skipped, %s clustered", plural(skipped, "input"), plural(len(cleaned), "article"))
    return EXIT_SKIPPED if skipped else EXIT_OK
