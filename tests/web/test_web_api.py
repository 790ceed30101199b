"""The JSON API and the pages of ``synoptic serve`` over a store built by the real CLI.

The store is built once per test session with ``synoptic run`` over the bundled sample and the
seeds (../shared, read in place); the app is driven in-process through Starlette's TestClient.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from synoptic.records import Extraction, Figure, Mention, Quote, TimeRef
from synoptic.store import open_store
from synoptic.web import views
from synoptic.web.app import MAX_PAGE_SIZE, MAX_REQUEST_BYTES, create_app

ERROR_KEYS = {"status", "code", "message"}


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def store(db: Path):
    s = open_store(str(db))
    yield s
    s.close()


def seed_story(store, seed_files: list[Path]) -> str:
    """The id of the story holding most seed articles (looked up through their stored titles)."""
    seed_ids = {a.id for a in store.articles() if a.source and any(a.source.endswith(p.name) for p in seed_files)}
    best = max(store.stories(), key=lambda s: len(seed_ids & set(s.article_ids)))
    assert seed_ids & set(best.article_ids), "no story holds the seed articles"
    return best.id


# ------------------------------------------------------------------ API


def test_health_reports_the_store_counts(client: TestClient, store) -> None:
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "articles": store.count_articles(), "stories": len(store.stories()),
                    "ingest": False}


def test_stories_list_every_story_with_counts_from_the_brief(client: TestClient, store) -> None:
    body = client.get("/api/stories", params={"limit": MAX_PAGE_SIZE}).json()
    assert {s["id"] for s in body["items"]} == {s.id for s in store.stories()}
    assert body["next_offset"] is None
    for item in body["items"]:
        brief = store.get_brief(item["id"])
        assert item["sources"] == len(brief["articles"])
        assert item["conflicts"] == sum(f["verdict"] == "conflict" for f in brief["facts"])
        assert item["title"]


def test_stories_paginate_with_limit_and_offset(client: TestClient, store) -> None:
    total = len(store.stories())
    assert total >= 2
    seen = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/stories", params={"limit": 1, "offset": offset}).json()
        assert len(page["items"]) == 1
        seen.append(page["items"][0]["id"])
        offset = page["next_offset"]
    assert seen == [s.id for s in store.stories()]
    assert client.get("/api/stories", params={"offset": total}).json()["items"] == []


@pytest.mark.parametrize(("query", "must_find"), [
    ("Tokayev", "seeds"),
    ("Ever Given", "suez"),
    ("Kipchoge Berlin", "kipchoge"),
])
def test_story_search_finds_the_story_whose_articles_match(client: TestClient, store, request, query,
                                                           must_find) -> None:
    seed_files = request.getfixturevalue("seed_files") if must_find == "seeds" else []
    items = client.get("/api/stories", params={"q": query}).json()["items"]
    assert items, f"no story for {query!r}"
    texts = " ".join(a.text for a in store.articles(store.get_story(items[0]["id"]).article_ids))
    if must_find == "seeds":
        assert items[0]["id"] == seed_story(store, seed_files)
    else:
        assert must_find in texts.lower().replace(" ", "")


@pytest.mark.parametrize("query", ["zzqxwv", "\"", "NEAR(zzqxwv", "*", "title:zzqxwv OR", "zzqxwv'; DROP TABLE stories; --"])
def test_story_search_with_no_match_or_operator_text_is_empty_not_an_error(client: TestClient, query) -> None:
    response = client.get("/api/stories", params={"q": query})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_date_filter_keeps_stories_overlapping_the_range(client: TestClient, store) -> None:
    everything = client.get("/api/stories", params={"limit": MAX_PAGE_SIZE}).json()["items"]
    dated = [s for s in everything if s["first_seen"]]
    assert dated
    newest = max(s["first_seen"] for s in dated)
    kept = client.get("/api/stories", params={"since": newest, "limit": MAX_PAGE_SIZE}).json()["items"]
    assert kept and all((s["last_seen"] or s["first_seen"] or "9999") >= newest for s in kept)
    assert len(kept) < len(everything)
    assert client.get("/api/stories", params={"until": "1990-01-01"}).json()["items"] == []


def test_story_route_returns_the_stored_brief(client: TestClient, store, seed_files) -> None:
    sid = seed_story(store, seed_files)
    body = client.get(f"/api/stories/{sid}").json()
    assert body == store.get_brief(sid)
    assert body["schema"] == "synoptic.brief/1"


def test_article_route_gives_raw_and_clean_text_removed_lines_and_extraction(client: TestClient, store,
                                                                            seed_files) -> None:
    sid = seed_story(store, seed_files)
    with_removed = [a for a in store.articles(store.get_story(sid).article_ids) if a.removed]
    assert with_removed, "cleaning removed nothing from the seeds"
    article = with_removed[0]
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text and body["raw_text"] == article.raw_text
    assert body["removed"] and all(r["text"] and r["reason"] for r in body["removed"])
    assert all(r["text"] not in body["text"] or r["text"] in body["raw_text"] for r in body["removed"])
    assert body["extraction"] is not None
    assert body["extraction"]["article"] == article.id
    for m in body["extraction"]["mentions"]:
        assert body["text"][m["start"]:m["end"]] == m["text"]


def test_entities_merge_across_stories_and_filter_by_spelling(client: TestClient, store) -> None:
    body = client.get("/api/entities", params={"limit": MAX_PAGE_SIZE}).json()
    assert body["total"] >= 5
    names = {(e["name"], e["type"]) for e in body["items"]}
    assert len(names) == len(body["items"]), "an entity is listed twice"
    briefed = {e["name"] for s in store.stories() for e in store.get_brief(s.id)["entities"]}
    assert {e["name"] for e in body["items"]} <= briefed
    target = body["items"][0]
    spelling = (target["variants"] or [target["name"]])[-1]
    found = client.get("/api/entities", params={"q": spelling.lower()}).json()["items"]
    assert target["name"] in {e["name"] for e in found}
    assert all(views.entity_matches(views.EntityRow(**e), spelling) for e in found)


# ------------------------------------------------------------------ one error shape


def _assert_error(response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] and body["error"]["message"]


@pytest.mark.parametrize(("method", "url", "status"), [
    ("GET", "/api/no-such-route", 404),
    ("GET", "/no-such-page", 404),
    ("GET", "/api/stories/no-such-story", 404),
    ("GET", "/api/articles/no-such-article", 404),
    ("GET", "/api/articles/" + "x" * 500, 422),
    ("GET", "/static/no-such-file.css", 404),
    ("POST", "/api/stories", 405),
    ("DELETE", "/api/health", 405),
    ("GET", "/api/stories?limit=0", 422),
    ("GET", "/api/stories?limit=abc", 422),
    ("GET", "/api/stories?offset=-1", 422),
    ("GET", "/api/stories?since=yesterday", 422),
    ("GET", "/api/stories?until=2022-13-45", 422),
    ("POST", "/api/ingest", 403),
])
def test_every_error_has_one_json_shape(client: TestClient, method: str, url: str, status: int) -> None:
    _assert_error(client.request(method, url), status)


def test_oversized_body_is_refused_with_the_error_shape(client: TestClient) -> None:
    response = client.post("/api/ingest", content=b"x" * (MAX_REQUEST_BYTES + 1),
                           headers={"content-type": "text/plain"})
    _assert_error(response, 413)


def test_server_error_has_the_error_shape_and_html_pages_get_an_error_page(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with open_store(str(path)) as s:
        from synoptic.records import Story

        s.put_stories([Story(id="s-broken", article_ids=[])])
        s.put_brief("s-broken", {"schema": "synoptic.brief/1", "facts": [{"reports": 5}]})  # not a brief
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        response = c.get("/stories/s-broken")
        _assert_error(response, 500)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        page = c.get("/stories/s-broken", headers={"accept": "text/html"})
        assert page.status_code == 500 and "<h1>500" in page.text
        assert "Traceback" not in page.text


def test_ids_with_slashes_and_stories_without_brief_are_served(tmp_path: Path) -> None:
    """A story stored without a brief gets one built and stored on its first request."""
    from synoptic.records import Article, Story

    text = "Officials in Riverton said on Monday that 12 bridges were closed after the storm."
    path = tmp_path / "ids.db"
    with open_store(str(path)) as s:
        s.add_article(Article(id="https://example.org/news/1", text=text, raw_text=text, title="Bridges"))
        s.put_stories([Story(id="story/with/slashes", article_ids=["https://example.org/news/1"])])
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        listing = c.get("/").text
        assert 'href="/stories/story%2Fwith%2Fslashes"' in listing
        page = c.get("/stories/story%2Fwith%2Fslashes")
        assert page.status_code == 200 and "no brief" not in page.text
        assert 'href="/articles/https%3A%2F%2Fexample.org%2Fnews%2F1?story=' in page.text
        article = c.get("/api/articles/https%3A%2F%2Fexample.org%2Fnews%2F1").json()
        assert article["text"] == text and article["extraction"] is not None  # stored with the brief
        brief = c.get("/api/stories/story%2Fwith%2Fslashes").json()
        assert [a["id"] for a in brief["articles"]] == ["https://example.org/news/1"]
    with open_store(str(path)) as s:
        assert s.get_brief("story/with/slashes") == brief


def test_serve_command_serves_the_store(db: Path) -> None:
    import socket
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "synoptic", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "synoptic serve did not answer"
                time.sleep(0.2)
        assert health.json()["status"] == "ok" and health.json()["ingest"] is False
        assert httpx.post(f"http://127.0.0.1:{port}/api/ingest", data={"text": "x"}).status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# ------------------------------------------------------------------ pages


def test_story_list_page_shows_each_story_with_its_counts(client: TestClient, store) -> None:
    html = client.get("/").text
    for s in store.stories():
        assert f'href="/stories/{s.id}"' in html


def test_story_page_links_every_citation_to_its_span(client: TestClient, store, seed_files) -> None:
    sid = seed_story(store, seed_files)
    brief = store.get_brief(sid)
    html = client.get(f"/stories/{sid}").text
    for sentence in brief["summary"]:
        first = {}
        for c in sentence["citations"]:
            first.setdefault(c["article"], c)  # one link per source and sentence: its first span
        for c in first.values():
            assert f'/articles/{c["article"]}?story={sid}&amp;start={c["start"]}&amp;end={c["end"]}#hl' in html
    for group in brief["facts"]:
        for r in group["reports"]:
            assert f'start={r["start"]}&amp;end={r["end"]}#hl' in html
    assert html.count('class="column"') == len(brief["articles"])
    conflicting = [r for g in brief["facts"] if g["verdict"] == "conflict" for r in g["reports"]]
    assert conflicting, "the seed story shows no conflicting figure"
    assert html.count('class="conflict-value"') == len(conflicting)
    assert "<svg" in html or not brief["timeline"]


def test_article_page_marks_the_requested_span(client: TestClient, store, seed_files) -> None:
    sid = seed_story(store, seed_files)
    citation = store.get_brief(sid)["summary"][0]["citations"][0]
    article = store.get_article(citation["article"])
    html = client.get(f"/articles/{article.id}",
                      params={"start": citation["start"], "end": citation["end"], "story": sid}).text
    inside = html.split('<mark id="hl">', 1)[1].split("</mark>", 1)[0]
    plain = views_text(inside)
    assert plain == article.text[citation["start"]:citation["end"]]
    assert f'href="/stories/{sid}"' in html


@pytest.mark.parametrize(("start", "end"), [(None, None), (5, 2), (0, 10**8), (10**7, 10**7 + 5)])
def test_article_page_tolerates_any_span(client: TestClient, store, start, end) -> None:
    article = next(iter(store.articles()))
    params = {k: v for k, v in (("start", start), ("end", end)) if v is not None}
    response = client.get(f"/articles/{article.id}", params=params)
    assert response.status_code == 200


def views_text(html: str) -> str:
    """The text of a fragment of our own markup (tags dropped, entities decoded)."""
    import html as htmllib
    import re

    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


# ------------------------------------------------------------------ the pieces behind the pages


def test_highlight_keeps_every_class_where_spans_overlap() -> None:
    text = "President Tokayev said 26 people died on Friday."
    marks = [views.Mark(0, 17, "entity"), views.Mark(10, 25, "quote"), views.Mark(23, 25, "figure"),
             views.Mark(41, 47, "date")]
    out = views.highlight(text, marks, focus=(23, 25))
    pieces = out.before + out.focus + out.after
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in out.focus] == ["26"]
    assert set(out.focus[0].classes) == {"quote", "figure"}
    by_text = {p.text: set(p.classes) for p in pieces}
    assert by_text["Tokayev"] == {"entity", "quote"}
    assert by_text["Friday"] == {"date"}


def test_highlight_ignores_spans_outside_the_text() -> None:
    out = views.highlight("short", [views.Mark(2, 99, "entity"), views.Mark(-1, 2, "figure")])
    assert [(p.text, p.classes) for p in out.before] == [("short", ())]


@pytest.mark.parametrize(("text", "span", "sentence"), [
    ("One. The army fired at 26 people. Three.", (23, 25), "The army fired at 26 people."),
    ("Title line\nThe army fired at 26 people\nNext", (29, 31), "The army fired at 26 people"),
    ("26 at the start. Then more.", (0, 2), "26 at the start."),
])
def test_sentence_around_a_span(text: str, span: tuple[int, int], sentence: str) -> None:
    start, end = views.sentence_around(text, *span)
    assert text[start:end] == sentence


@pytest.mark.parametrize(("low", "high", "shown"), [
    (740, 740, "740"), (740, None, "≥ 740"), (None, 750, "≤ 750"), (700, 750, "700–750"),
    (1500.5, 1500.5, "1,500.5"), (None, None, "?"), (9.6e9, 9.6e9, "9.6 billion"),
    (12e6, 14e6, "12 million–14 million"), (3000, float("inf"), "≥ 3,000"),
])
def test_interval_text(low, high, shown) -> None:
    assert views.interval_text(low, high) == shown


def test_timeline_chart_places_days_in_order_and_stacks_the_same_day() -> None:
    entries = [{"date": "2022-01-07", "text": "b"}, {"date": "2022-01-02", "text": "a"},
               {"date": "2022-01-07", "text": "c"}, {"date": "2022-01-03/2022-01-05", "text": "span"},
               {"date": "sometime", "text": "skipped"}]
    chart = views.timeline_chart([views.ChartEntry(**e) for e in entries])
    assert chart is not None
    x = {p.text: p for p in chart.points}
    assert x["a"].x < x["span"].x < x["b"].x == x["c"].x
    assert x["b"].y != x["c"].y
    assert "skipped" not in x and len(chart.spans) == 1
    assert views.timeline_chart([views.ChartEntry("never")]) is None


def test_timeline_chart_breaks_the_axis_so_a_far_date_cannot_squash_the_others() -> None:
    entries = [{"date": "1991-12-16", "text": "Independence"}]
    entries += [{"date": f"2022-01-0{d}", "text": f"day {d}"} for d in range(2, 9)]
    chart = views.timeline_chart([views.ChartEntry(**e) for e in entries])
    assert chart is not None and len(chart.breaks) == 1
    xs = [p.x for p in sorted(chart.points, key=lambda p: p.index)]
    assert xs == sorted(xs)
    gaps = [b - a for a, b in zip(xs[1:], xs[2:], strict=False)]
    assert min(gaps) >= views.TIMELINE_MIN_DAY_WIDTH  # the week still spreads over the chart
    assert xs[-1] - xs[1] > (chart.x1 - chart.x0) / 2
    # every event has its label, none overlapping another in its lane
    assert all(p.short for p in chart.points)
    lanes: dict[float, list[tuple[float, float]]] = {}
    for p in chart.points:
        width = (len(p.short) + 2) * views.TIMELINE_CHAR_WIDTH
        left = p.label_x if p.anchor == "start" else p.label_x - width
        lanes.setdefault(p.label_y, []).append((left, left + width))
    for spans in lanes.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_serve_command_refuses_a_missing_store(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "synoptic", "serve", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "none.db" in proc.stderr and "synoptic run" in proc.stderr
    assert not (tmp_path / "none.db").exists()


def test_serve_command_has_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "synoptic", "serve", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and "--allow-ingest" in proc.stdout


def test_extraction_marks_cover_every_kind() -> None:
    extraction = Extraction(
        article="a",
        mentions=[Mention("Tokayev", "PERSON", 0, 7, entity="Kassym-Jomart Tokayev")],
        figures=[Figure("26", 10, 12, 26.0, 26.0, 26.0, category="killed")],
        quotes=[Quote("order", 20, 25, "direct", speaker="he")],
        dates=[TimeRef("Friday", 30, 36, "2022-01-07")],
    )
    kinds = {m.kind: m for m in views.extraction_marks(extraction)}
    assert set(kinds) == {"entity", "figure", "quote", "date"}
    assert "Kassym-Jomart Tokayev" in kinds["entity"].note
    assert "2022-01-07" in kinds["date"].note
    assert json.dumps([m.note for m in kinds.values()])


def test_story_with_many_sources_lists_reports_in_one_column(tmp_path: Path) -> None:
    from synoptic.records import Article, Story
    from synoptic.web.app import FACT_COLUMNS_MAX, SIDE_BY_SIDE_MAX

    n = max(FACT_COLUMNS_MAX, SIDE_BY_SIDE_MAX) + 2
    path = tmp_path / "many.db"
    ids = [f"a{i}" for i in range(n)]
    reports = []
    with open_store(str(path)) as s:
        for i, aid in enumerate(ids):
            text = f"Officials said {10 + i} bridges were closed after the storm."
            s.add_article(Article(id=aid, text=text, raw_text=text, title=f"Report {i}"))
            reports.append({"article": aid, "text": f"{10 + i} bridges", "start": 14, "end": 14 + len(f"{10 + i} bridges"),
                            "value": 10 + i, "qualifier": None, "label": "bridges"})
        s.put_stories([Story(id="s-many", article_ids=ids)])
        s.put_brief("s-many", {"schema": "synoptic.brief/1", "story": "s-many", "title": "Bridges",
                               "articles": [{"id": a, "title": a} for a in ids], "summary": [],
                               "facts": [{"label": "bridges closed", "verdict": "conflict", "framing_differs": False,
                                          "low": 10, "high": 10 + n - 1, "reports": reports}],
                               "quotes": [], "entities": [], "timeline": []})
    with TestClient(create_app(str(path))) as c:
        html = c.get("/stories/s-many").text
    assert html.count('class="src"') == 0 and 'class="report-cell report-list"' in html
    assert html.count('class="report"') == n
    assert html.count('class="column"') == SIDE_BY_SIDE_MAX


def test_unreadable_store_answers_503_without_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "not-a-store.db"
    path.write_bytes(b"not sqlite at all " * 200)
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        response = c.get("/api/health")
        _assert_error(response, 503)
        assert str(tmp_path) not in response.text


def test_story_page_shows_dates_at_their_granularity_and_announced_dates_apart() -> None:
    from synoptic.web.pages import static_story

    cite = {"article": "a", "start": 0, "end": 4, "text": "1989"}
    brief = {"story": "s-1", "title": "Dam", "articles": [{"id": "a", "title": "Dam report"}],
             "timeline": [
                 {"date": "1989-01-01", "granularity": "year", "text": "The dam was finished.", "evidence": [cite]},
                 {"date": "2023-05-08", "text": "The dam burst.", "evidence": [cite]},
                 {"date": "2023-05-12", "kind": "announced", "text": "The curfew ends.", "evidence": [cite]},
             ]}
    html = static_story(brief, {})
    events, announced = html.split('id="announced"', 1)
    assert "The dam burst." in events and "The curfew ends." not in events
    assert "The curfew ends." in announced and "2023-05-12" in announced
    assert '<span class="date">1989</span>' in events and "1989-01-01" not in html


def test_timeline_chart_ticks_are_as_fine_as_their_dates() -> None:
    # a year reads "1989", a month "Jan 1989", a day "7 Mar"; the year is said on the first tick and
    # whenever it changes; a day that is also a month's start is shown as its finest date
    entries = [{"date": "1990-01", "text": "a month"}, {"date": "1990-03-07", "text": "a day"},
               {"date": "1990-05", "text": "a later month"}, {"date": "1991", "text": "a year"},
               {"date": "1991-01-01", "text": "new year's day"}]
    chart = views.timeline_chart([views.ChartEntry(**e) for e in entries])
    assert chart is not None
    labels = [label for _x, label in chart.ticks]
    assert labels == ["Jan 1990", "7 Mar", "May", "1 Jan 1991"]
    chart = views.timeline_chart([views.ChartEntry("1989", "a year"), views.ChartEntry("1990-06", "a month")])
    assert chart is not None and [label for _x, label in chart.ticks] == ["1989", "Jun 1990"]
