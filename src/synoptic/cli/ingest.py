"""``synoptic ingest``: read sources into the store and regroup the stored articles into stories."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from typing import Any

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED
from synoptic.errors import StoreError
from synoptic.records import Article, Story, text_id

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    from synoptic.cli.run import add_source_arguments
    from synoptic.store import DEFAULT_DB

    parser = sub.add_parser(
        "ingest", help="read SOURCES into the store and regroup its articles into stories",
        description="Read SOURCES, clean them and store each article (one transaction per article; "
        "the same article twice is stored once, a changed text becomes a new version), then regroup every "
        "stored article into stories. Safe to run again after an interruption. Prints one summary line "
        "to stderr; exit status 3 when some inputs were skipped.")
    add_source_arguments(parser)
    parser.add_argument("--db", metavar="PATH", default=DEFAULT_DB, help=f"SQLite store (default: ./{DEFAULT_DB})")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.pipeline import RunReport, read_sources, store_articles
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


def assign_stories(store: Any) -> list[Story]:
    """Group every current article of ``store`` into stories and save them (replacing the old ones).

    Another process may add articles while this one groups: the stories are then written only
    if no article arrived in between, else grouped again (see ``SQLiteStore.put_stories``), so
    the last writer's stories always cover every stored article.
    """
    while True:
        generation = store.generation()
        stories = group_stories(store, list(store.articles()))
        if store.put_stories(stories, expect_generation=generation):
            return stories
        log.info("articles arrived while grouping; grouping again")


def group_stories(store: Any, articles: list[Article]) -> list[Story]:
    """The stories of ``articles`` (in their order), with sentence vectors cached in ``store``."""
    if importlib.util.find_spec("synoptic.cluster") is None:
        return _one_story_fallback(articles)
    from synoptic.cluster import cluster_articles
    from synoptic.embed import get_embedder

    # Vectors are cached in the store: a re-run (after an interruption, or to add a few
    # articles) embeds only the texts it has not seen.
    return cluster_articles(articles, embedder=store.cached_embedder(get_embedder()))


# TEMPORARY: until synoptic.cluster lands, every article goes into one story. Delete this function
# and the branch above that calls it once ``synoptic.cluster.cluster_articles`` exists.
def _one_story_fallback(articles: list[Article]) -> list[Story]:
    if not articles:
        return []
    ids = [a.id for a in articles]
    return [Story(id="story-" + text_id("\n".join(sorted(ids)))[:12], article_ids=ids,
                  title=next((a.title for a in articles if a.title), None))]
