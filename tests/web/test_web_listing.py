"""The story list and the search at many stories: every story once, in the store's order, across
pages; searches find exactly the stories with a matching article; the kept id lists follow a
store rewritten by another process; the list's order is read from its index, not sorted.

A real SQLite store file of 260 stories (briefless, so lines are counted from the articles),
driven through Starlette's TestClient.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from synoptic.records import Article, Story
from synoptic.store import open_store
from synoptic.web.app import create_app

N_STORIES = 260  # more than one page of the largest page size (200)
COLOURS = ["amber", "cobalt", "crimson", "olive", "teal"]
START = datetime(2024, 1, 1, tzinfo=UTC)


def article_text(i: int, k: int) -> str:
    """Story ``i``'s article ``k``: one colour word per story (``i % 5``), a ferry word for every
    seventh story's second article only, and a word no other story has."""
    extra = " The ferry was late." if i % 7 == 0 and k == 1 else ""
    return f"Report {k} on case {i}: the {COLOURS[i % 5]} warehouse opened{extra} Marker uniq{i}x."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "many.db"
    stories = []
    with open_store(str(path)) as s:
        for i in range(N_STORIES):
            ids = []
            for k in range(2):
                text = article_text(i, k)
                # dates out of id order, and some stories share a day (ties go by position)
                day = START + timedelta(days=(i * 37) % 101, hours=k)
                s.add_article(Article(id=f"a{i}-{k}", text=text, raw_text=text, title=f"Case {i} report {k}",
                                      outlet=f"Outlet {k}", published=day))
                ids.append(f"a{i}-{k}")
            stories.append(Story(id=f"s{i:03d}", article_ids=ids))
        s.put_stories(stories)
    return path


def all_pages(c: TestClient, **params: str | int) -> list[str]:
    ids: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = c.get("/api/stories", params={**params, "offset": offset}).json()
        ids += [item["id"] for item in page["items"]]
        offset = page["next_offset"]
    return ids


def test_every_story_is_listed_once_in_the_store_order_across_pages(db: Path) -> None:
    with open_store(str(db)) as s:
        expected = [story.id for story in s.stories()]
        assert s.story_ids() == expected
        last = [story.last_seen for story in s.stories()]
    assert len(expected) == N_STORIES
    assert last == sorted(last, reverse=True)  # newest first
    with TestClient(create_app(str(db))) as c:
        for limit in (7, 50, 200):
            assert all_pages(c, limit=limit) == expected
        assert c.get("/api/stories", params={"offset": N_STORIES}).json() == {
            "items": [], "limit": 50, "offset": N_STORIES, "next_offset": None}
        # the HTML list pages show the same stories, 50 a page, with links to the next page
        shown = []
        for offset in range(0, N_STORIES, 50):
            html = c.get("/", params={"offset": offset}).text
            shown += re.findall(r'href="/stories/(s\d+)"', html)
            assert (f"offset={offset + 50}" in html) == (offset + 50 < N_STORIES)
        assert list(dict.fromkeys(shown)) == expected


@pytest.mark.parametrize("query", ["cobalt", "ferry", "uniq133x", "warehouse opened", "ferry cobalt", "nothing"])
def test_search_finds_exactly_the_stories_with_a_matching_article(db: Path, query: str) -> None:
    words = query.split()
    matching = {f"s{i:03d}" for i in range(N_STORIES)
                if any(all(re.search(rf"\b{w}\b", article_text(i, k), re.I) for w in words) for k in range(2))}
    with open_store(str(db)) as s:
        in_order = [story.id for story in s.stories() if story.id in matching]
        assert s.story_ids(query=query) == in_order
    with TestClient(create_app(str(db))) as c:
        for limit in (3, 50):
            assert all_pages(c, q=query, limit=limit) == in_order
    if query == "cobalt":
        assert len(in_order) == N_STORIES // 5
    if query == "ferry cobalt":  # i % 7 == 0 and i % 5 == 1
        assert in_order and len(in_order) == len([i for i in range(N_STORIES) if i % 35 == 21])


def test_date_filters_page_like_the_store(db: Path) -> None:
    with open_store(str(db)) as s:
        expected = [story.id for story in s.stories(since="2024-02-01", until="2024-03-15")]
        assert s.story_ids(since="2024-02-01", until="2024-03-15") == expected
        searched = [story.id for story in s.stories(query="teal", since="2024-02-01", until="2024-03-15")]
        assert s.story_ids(query="teal", since="2024-02-01", until="2024-03-15") == searched
    assert 0 < len(expected) < N_STORIES
    assert 0 < len(searched) < len(expected)
    with TestClient(create_app(str(db))) as c:
        assert all_pages(c, since="2024-02-01", until="2024-03-15", limit=9) == expected
        assert all_pages(c, q="teal", since="2024-02-01", until="2024-03-15", limit=4) == searched


def test_the_list_order_is_read_from_its_index(db: Path) -> None:
    with open_store(str(db)) as s:
        plan = " ".join(str(tuple(r)) for r in s._db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM stories ORDER BY last_utc IS NULL, last_utc DESC, position"))
    assert "COVERING INDEX stories_recent" in plan and "TEMP B-TREE" not in plan


def test_kept_lists_and_searches_follow_stories_rewritten_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "change.db"
    with open_store(str(path)) as s:
        for i in range(3):
            text = article_text(i, 0)
            s.add_article(Article(id=f"a{i}", text=text, raw_text=text, title=f"Case {i}",
                                  published=START + timedelta(days=i)))
        s.put_stories([Story(id=f"s{i}", article_ids=[f"a{i}"]) for i in range(3)])
    with TestClient(create_app(str(path))) as c:
        assert all_pages(c) == ["s2", "s1", "s0"]
        assert all_pages(c, q="amber") == ["s0"]
        with open_store(str(path)) as writer:
            text = "A new amber warehouse report."
            writer.add_article(Article(id="a9", text=text, raw_text=text, title="New",
                                       published=START + timedelta(days=9)))
            writer.put_stories([Story(id="s9", article_ids=["a9"])]
                               + [Story(id=f"s{i}", article_ids=[f"a{i}"]) for i in range(2)])
        assert all_pages(c) == ["s9", "s1", "s0"]  # s2 is gone, s9 is new and newest
        assert all_pages(c, q="amber") == ["s9", "s0"]
        assert 'href="/stories/s9"' in c.get("/").text


def test_data_version_changes_only_with_another_connections_commit(tmp_path: Path) -> None:
    path = tmp_path / "dv.db"
    with open_store(str(path)) as reader, open_store(str(path)) as writer:
        before = reader.data_version()
        assert reader.data_version() == before
        writer.put_stories([Story(id="s1", article_ids=[], title="One")])
        after = reader.data_version()
        assert after != before
        reader.put_stories([Story(id="s1", article_ids=[], title="Two")])  # its own commit
        assert reader.data_version() == after
