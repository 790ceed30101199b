"""StoryKeeper: batches of new articles join the live clusterer (no regrouping of the store),
with exactly the stories a regrouping from scratch gives; anything else regroups."""

from __future__ import annotations

from pathlib import Path

from synoptic.evaluate.clustering import load_jsonl
from synoptic.pipeline import StoryKeeper, assign_stories, process
from synoptic.records import Article, Story
from synoptic.store import open_store
from tests.conftest import shared_path


def _ecb(n: int) -> list[Article]:
    articles, _ = load_jsonl(shared_path("eval", "ecbplus-dev", "articles.jsonl"), "event")
    return articles[:n]


def _plain(stories: list[Story]) -> dict[str, tuple[list[str], list[str]]]:
    """Each story's members and merges, by id (the store lists stories in its own order)."""
    return {s.id: (sorted(s.article_ids), sorted(s.merged_from)) for s in stories}


def test_batches_of_new_articles_join_the_live_stories_as_a_regrouping_would(tmp_path: Path) -> None:
    articles = _ecb(160)
    store = open_store(str(tmp_path / "k.db"))
    keeper = StoryKeeper(store)
    for k in range(0, len(articles), 40):
        report = process(store, articles[k:k + 40], briefs=False, keeper=keeper)
        assert keeper.added == 40 and keeper.regrouped == (k == 0)  # only the batch, after the first
        assert _plain(report.stories) == _plain(list(store.stories()))  # saved
    fresh = open_store(str(tmp_path / "fresh.db"))
    for article in articles:
        fresh.add_article(article)
    assert _plain(report.stories) == _plain(assign_stories(fresh))
    assert len(report.stories) > 5


def test_a_new_version_or_another_writer_makes_the_keeper_regroup(tmp_path: Path) -> None:
    articles = _ecb(60)
    path = str(tmp_path / "k.db")
    store = open_store(path)
    keeper = StoryKeeper(store)
    process(store, articles[:40], briefs=False, keeper=keeper)

    changed = articles[3].replace(text=articles[3].text + "\nA correction was appended.")
    report = process(store, [changed, *articles[40:50]], briefs=False, keeper=keeper)
    assert keeper.regrouped and keeper.added == 50  # a stored article changed: the whole store again
    assert _plain(report.stories) == _plain(assign_stories(open_store(path), reuse=False))

    other = open_store(path)  # another process appends articles: still only new ones to add
    for article in articles[50:]:
        other.add_article(article)
    report = process(store, [], briefs=False, keeper=keeper)
    assert not keeper.regrouped and keeper.added == 10
    assert _plain(report.stories) == _plain(assign_stories(other, reuse=False))
