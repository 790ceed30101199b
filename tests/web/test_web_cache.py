"""The viewer keeps story pages, briefs and list lines per story version and never serves a stale one.

A real SQLite store file; writes come through a second store connection, as from another process
(``synoptic run`` or ``watch`` writing while ``serve`` reads); the app is driven through
Starlette's TestClient.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from synoptic.records import Article, Brief, FactGroup, FactReport, SourceInfo, Story
from synoptic.store import open_store
from synoptic.web.app import create_app

TEXT = "Officials in Riverton said on Monday that 12 bridges were closed after the storm."


def brief(title: str, value: float = 12, article_id: str = "a1") -> Brief:
    """A small brief of story s1 with one figure."""
    report = FactReport(article=article_id, text=f"{value:g} bridges", start=42, end=52, value=value)
    return Brief(story="s1", title=title,
                 articles=[SourceInfo(id=article_id, title="Bridges", outlet="Riverton Post", url=None,
                                      published="2024-03-04")],
                 facts=[FactGroup(label="bridges closed", verdict="single-source", low=value, high=value,
                                  reports=[report])])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cache.db"
    with open_store(str(path)) as s:
        s.add_article(Article(id="a1", text=TEXT, raw_text=TEXT, title="Bridges", outlet="Riverton Post"))
        s.put_stories([Story(id="s1", article_ids=["a1"])])
        s.put_brief("s1", brief("Bridges closed"))
    return path


def test_put_brief_takes_a_record_and_load_brief_gives_it_back(db: Path) -> None:
    from synoptic.brief import to_json

    with open_store(str(db)) as s:
        assert to_json(s.load_brief("s1")) == to_json(brief("Bridges closed"))
        assert s.get_brief("s1") == to_json(brief("Bridges closed"))  # stored as the schema JSON


@pytest.mark.parametrize("change", ["brief", "story", "article version"])
def test_story_version_changes_with_the_brief_the_story_and_an_article_version(db: Path, change: str) -> None:
    with open_store(str(db)) as s:
        before = s.story_versions(["s1", "nope"])
        assert set(before) == {"s1"}
        assert s.story_versions(["s1"]) == before  # reading changes nothing
        if change == "brief":
            s.put_brief("s1", brief("Bridges closed"))  # same content, written again: a new version all the same
        elif change == "story":
            s.put_stories([Story(id="s1", article_ids=["a1"], title="Renamed")])
        else:
            s.add_article(Article(id="a1", text=TEXT + " Two reopened.", raw_text=TEXT, title="Bridges"))
        assert s.story_versions(["s1"]) != before


def test_story_page_brief_and_list_follow_a_brief_rewritten_by_another_process(db: Path) -> None:
    with TestClient(create_app(str(db))) as c:
        assert "Bridges closed" in c.get("/stories/s1").text
        assert c.get("/api/stories/s1").json()["title"] == "Bridges closed"
        assert "Bridges closed" in c.get("/").text
        assert c.get("/api/stories").json()["items"][0]["title"] == "Bridges closed"
        assert "Bridges closed" in c.get("/stories/s1").text  # now served as kept
        with open_store(str(db)) as writer:
            writer.put_brief("s1", brief("Tunnels closed", value=14))
        page = c.get("/stories/s1").text
        assert "Tunnels closed" in page and "Bridges closed" not in page and "14 bridges" in page
        assert c.get("/api/stories/s1").json()["title"] == "Tunnels closed"
        assert "Tunnels closed" in c.get("/").text
        assert c.get("/api/stories").json()["items"][0]["title"] == "Tunnels closed"


def test_story_page_follows_a_new_version_of_its_article(db: Path) -> None:
    with TestClient(create_app(str(db))) as c:
        assert "after the storm" in c.get("/stories/s1").text
        with open_store(str(db)) as writer:
            writer.add_article(Article(id="a1", text=TEXT.replace("storm", "flood"), raw_text=TEXT, title="Bridges"))
        assert "after the flood" in c.get("/stories/s1").text


def test_kept_pages_go_gzip_to_clients_that_take_it_and_plain_to_others(db: Path) -> None:
    with TestClient(create_app(str(db))) as c:
        for path in ("/stories/s1", "/stories/s1", "/", "/api/stories/s1"):  # the second: from the cache
            zipped = c.get(path, headers={"accept-encoding": "gzip"})
            assert zipped.headers["content-encoding"] == "gzip" and zipped.headers["vary"] == "Accept-Encoding"
            assert "default-src 'self'" in zipped.headers["content-security-policy"]
            plain = c.get(path, headers={"accept-encoding": "identity"})
            assert "content-encoding" not in plain.headers
            assert plain.content == zipped.content and plain.content  # httpx decoded the first


def test_an_unchanged_story_is_rendered_once_and_then_served_as_kept(db: Path) -> None:
    app = create_app(str(db))
    with TestClient(app) as c:
        first = c.get("/stories/s1").text
        kept = app.state.viewer.pages
        hits = kept.hits
        assert [c.get("/stories/s1").text for _ in range(3)] == [first] * 3
        assert kept.hits == hits + 3


def test_prerendering_server_has_current_pages_ready_and_leaves_stale_ones_to_their_request(db: Path) -> None:
    import time

    with open_store(str(db)) as s:
        s.add_article(Article(id="a2", text=TEXT, raw_text=TEXT, title="Second"))
        s.put_stories([Story(id="s1", article_ids=["a1"]), Story(id="s2", article_ids=["a2"])])
        s.put_brief("s2", Brief(story="s2", title="Stale", articles=[]))  # covers none of its articles
    app = create_app(str(db), prerender=True)
    with TestClient(app) as c:
        kept = app.state.viewer.pages
        deadline = time.monotonic() + 30
        while not len(kept) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(kept) == 1  # s1's page; s2's brief is stale and pre-rendering writes nothing
        hits = kept.hits
        assert "Bridges closed" in c.get("/stories/s1").text
        assert kept.hits == hits + 1
        with open_store(str(db)) as s:
            assert s.get_brief("s2")["title"] == "Stale"
        assert c.get("/stories/s2").status_code == 200  # built on this request


def test_prerendering_keeps_list_lines_beyond_the_room_for_pages(db: Path) -> None:
    import dataclasses
    import threading

    from synoptic.web import service

    with open_store(str(db)) as s:
        for i in range(2, 6):
            s.add_article(Article(id=f"a{i}", text=f"{TEXT} Case {i}.", raw_text=TEXT, title=f"Case {i}"))
        stories = [Story(id="s1", article_ids=["a1"])] + [Story(id=f"s{i}", article_ids=[f"a{i}"]) for i in range(2, 6)]
        s.put_stories(stories)
        for i in range(2, 6):
            s.put_brief(f"s{i}", dataclasses.replace(brief(f"Case {i}", article_id=f"a{i}"), story=f"s{i}"))
        versions = s.story_versions(st.id for st in stories)
    app = create_app(str(db))
    with TestClient(app):
        viewer = app.state.viewer
        viewer.pages.max_bytes = 1000
        viewer.pages.put("filler", b"", 1000)  # no room left for pages
        assert service.prerender(viewer, threading.Event()) == 0
        assert list(viewer.pages._items) == ["filler"]
        for story in stories:  # every line is kept all the same, under the story's version
            row = viewer.row(story.id, versions[story.id])
            assert row is not None and row.title == ("Bridges closed" if story.id == "s1" else f"Case {story.id[1:]}")
