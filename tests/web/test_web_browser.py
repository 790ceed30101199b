"""The viewer in a real browser: Debian's Chromium driven by Playwright against the real server.

The server is uvicorn in a thread on a free loopback port, over a store built by ``synoptic run``
from the bundled sample and the seeds. Screenshots go to ``artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from synoptic.store import open_store
from synoptic.web.app import create_app
from tests.web.webutil import CHROMIUM_ARGS, SHOTS, LiveServer, chromium_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium found (/usr/bin/chromium); install it with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(str(db))) as live:
        yield live


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
          else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture(scope="module")
def store(db: Path):
    s = open_store(str(db))
    yield s
    s.close()


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def seed_story_id(store, seed_files: list[Path]) -> str:
    names = {p.name for p in seed_files}
    seed_ids = {a.id for a in store.articles() if a.source and Path(a.source).name in names}
    best = max(store.stories(), key=lambda s: len(seed_ids & set(s.article_ids)))
    assert seed_ids & set(best.article_ids)
    return best.id


def test_story_list_shows_every_story_and_searches(page, server: LiveServer, store) -> None:
    page.goto(server.url + "/")
    rows = page.locator("table.stories tbody tr")
    assert rows.count() == len(store.stories())
    shot(page, "story-list")
    page.fill("input[name=q]", "Kipchoge")
    page.click("form.search button")
    page.wait_for_load_state()
    assert "q=Kipchoge" in page.url
    titles = page.locator("a.story-link").all_inner_texts()
    assert titles and len(titles) < len(store.stories())
    assert page.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("which", ["seeds", "suez"])
def test_clicking_a_conflicting_figure_shows_its_source_sentence_highlighted(page, server: LiveServer, store,
                                                                           request, which) -> None:
    if which == "seeds":
        sid = seed_story_id(store, request.getfixturevalue("seed_files"))
    else:
        sid = next(s.id for s in store.stories()
                   if any("Suez" in (a.text or "") for a in store.articles(s.article_ids)))
    brief = store.get_brief(sid)
    conflicts = [f for f in brief["facts"] if f["verdict"] == "conflict"]
    assert conflicts, f"the {which} story has no conflicting figure"
    page.goto(f"{server.url}/stories/{sid}")
    shot(page, f"story-{which}")
    assert page.locator("table.facts tr.fact-conflict").count() == len(conflicts)
    assert page.locator(".columns .column").count() == len(brief["articles"])
    link = page.locator("tr.fact-conflict a.report").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert "#hl" in page.url
    report = next(r for f in conflicts for r in f["reports"] if f"start={r['start']}&end={r['end']}" in href)
    mark = page.locator("mark#hl")
    cited = store.get_article(report["article"]).text[report["start"]:report["end"]]
    assert mark.inner_text() == cited
    assert mark.is_visible()
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    sentence = page.locator(".hl-sentence").all_inner_texts()
    assert sentence, "the sentence around the figure is not highlighted"
    shot(page, f"figure-in-source-{which}")
    assert page.problems == []  # type: ignore[attr-defined]


def test_summary_citation_opens_the_cited_words(page, server: LiveServer, store, seed_files) -> None:
    sid = seed_story_id(store, seed_files)
    citation = store.get_brief(sid)["summary"][0]["citations"][0]
    page.goto(f"{server.url}/stories/{sid}")
    page.locator("#summary a.cite").first.click()
    page.wait_for_load_state()
    text = store.get_article(citation["article"]).text
    assert page.locator("mark#hl").inner_text() == text[citation["start"]:citation["end"]]
    shot(page, "citation-in-source")


def test_article_page_highlights_every_kind_of_extraction(page, server: LiveServer, store, seed_files) -> None:
    sid = seed_story_id(store, seed_files)
    article_id = store.get_story(sid).article_ids[0]
    extraction = store.get_extraction(article_id)
    assert extraction is not None
    page.goto(f"{server.url}/articles/{article_id}?story={sid}")
    for kind, items in (("entity", extraction.mentions), ("figure", extraction.figures),
                        ("quote", extraction.quotes), ("date", extraction.dates)):
        if items:
            assert page.locator(f".article-text .hl-{kind}").count() >= 1, kind
    assert page.locator(".article-text").inner_text().strip() == store.get_article(article_id).text.strip()
    shot(page, "article")


def test_timeline_chart_and_sources_render(page, server: LiveServer, store, seed_files) -> None:
    sid = seed_story_id(store, seed_files)
    brief = store.get_brief(sid)
    page.goto(f"{server.url}/stories/{sid}#timeline")
    if brief["timeline"]:
        assert page.locator("svg.timeline-chart circle.dot").count() >= 1
        events = [t for t in brief["timeline"] if t.get("kind") != "announced"]
        assert page.locator("ol.timeline li").count() == len(events)
        assert page.locator("ul.announced li").count() == len(brief["timeline"]) - len(events)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#timeline").screenshot(path=str(SHOTS / "timeline.png"))


def test_upload_form_adds_a_pasted_article_and_shows_it(browser, tmp_path: Path) -> None:
    text = ("Officials in Riverton said on Monday that 12 bridges were closed after the storm.\n\n"
            "The mayor, Jane Holloway, said \"we will reopen them within a week\".")
    with LiveServer(create_app(str(tmp_path / "upload.db"), allow_ingest=True)) as live:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(live.url + "/")
        page.click("text=Add articles")
        page.fill("input[name=title]", "Riverton closes 12 bridges")
        page.fill("input[name=outlet]", "Riverton Gazette")
        page.fill("textarea[name=text]", text)
        page.click("form.upload button")
        page.wait_for_load_state()
        assert page.locator(".result li").count() == 1, page.content()[-3000:]
        shot(page, "upload-result")
        page.locator(".result li a").first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Riverton closes 12 bridges"
        assert "12 bridges were closed" in page.locator(".article-text").inner_text()
        page.goto(live.url + "/")
        assert page.locator("a.story-link").count() == 1
        context.close()


# ------------------------------------------------------------------ a newcomer's first look (issue 16)

PAGE_HEIGHT_MAX = 4000  # the seed story with its folded sections closed


def _layout(page) -> dict:
    return page.evaluate("""() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        height: document.documentElement.scrollHeight,
        open: document.querySelectorAll('details[open]').length,
        fonts: [...new Set([...document.querySelectorAll('body, body *')]
                 .filter(e => e.namespaceURI === 'http://www.w3.org/1999/xhtml')
                 .map(e => getComputedStyle(e).fontFamily))],
    })""")


def _timeline_labels(page) -> list[str]:
    return [t.strip() for t in page.locator("svg.timeline-chart text.event-label").all_text_contents()]


def test_story_page_fits_1280_leads_with_what_matters_and_folds_the_rest(page, server: LiveServer, store,
                                                                        seed_files) -> None:
    from synoptic.web.views import parse_day

    sid = seed_story_id(store, seed_files)
    brief = store.get_brief(sid)
    page.goto(f"{server.url}/stories/{sid}")
    layout = _layout(page)
    shot(page, "newcomer-story-1280")
    assert layout["scrollWidth"] <= layout["clientWidth"], layout  # no horizontal overflow, no hidden column
    assert layout["open"] == 0
    assert layout["height"] < PAGE_HEIGHT_MAX, layout["height"]
    assert len(layout["fonts"]) == 1, layout["fonts"]  # one type family
    # the conflicts first, then the figure table and the top quotes, above the folds
    box = page.locator("aside.conflicts")
    assert box.is_visible() and "Where the figures disagree" in box.inner_text()
    order = page.evaluate("""() => ['aside.conflicts', 'table.facts', '#single-source', '#quotes .quote-group',
        '#more-quotes'].map(q => document.querySelector(q).getBoundingClientRect().top)""")
    assert order == sorted(order), order
    for fold in ("#single-source", "#more-quotes", "#side-by-side", "#entities details"):
        if page.locator(fold).count():
            assert page.locator(fold).evaluate("d => d.tagName") == "DETAILS" and not page.locator(fold).get_attribute("open")
    # every source's column is there, inside its fold, and the grid wraps them when opened
    page.locator("#side-by-side > summary").click()
    assert page.locator(".columns .column").count() == len(brief["articles"])
    opened = _layout(page)
    assert opened["scrollWidth"] <= opened["clientWidth"], opened
    tops = page.locator(".columns .column").evaluate_all("cs => cs.map(c => c.getBoundingClientRect().right)")
    assert max(tops) <= opened["clientWidth"]
    # the timeline chart labels every dated event
    dated = [t for t in brief["timeline"] if parse_day(t.get("date")) and t.get("kind") != "announced"]
    labels = _timeline_labels(page)
    assert len(labels) == len(dated) and all(len(label) > 3 for label in labels)
    page.locator("#timeline").screenshot(path=str(SHOTS / "newcomer-timeline.png"))
    assert page.problems == []  # type: ignore[attr-defined]


def test_home_and_article_pages_fit_1280_in_one_type_family(page, server: LiveServer, store, seed_files) -> None:
    sid = seed_story_id(store, seed_files)
    page.goto(server.url + "/")
    layout = _layout(page)
    shot(page, "newcomer-home-1280")
    assert layout["scrollWidth"] <= layout["clientWidth"], layout
    assert "undated" not in page.locator("table.stories").inner_text()
    article_id = store.get_story(sid).article_ids[0]
    page.goto(f"{server.url}/articles/{article_id}?story={sid}")
    layout = _layout(page)
    shot(page, "newcomer-article-1280")
    assert layout["scrollWidth"] <= layout["clientWidth"], layout
    assert len(layout["fonts"]) == 1, layout["fonts"]
    brief_date = next(a for a in store.get_brief(sid)["articles"] if a["id"] == article_id)["published"]
    meta = page.locator("p.meta").inner_text()
    assert "undated" not in meta and brief_date[:10] in meta  # the date the story page gives it


def test_static_story_file_is_the_same_page(page, db: Path, store, seed_files, tmp_path: Path) -> None:
    import subprocess
    import sys

    sid = seed_story_id(store, seed_files)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "synoptic", "-q", "run", "--db", str(db), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    page.goto((out / "stories" / f"{sid}.html").as_uri())
    layout = _layout(page)
    shot(page, "newcomer-static-story-1280")
    assert layout["scrollWidth"] <= layout["clientWidth"], layout
    assert page.locator("aside.conflicts").is_visible()
    assert page.locator("table.facts tr.fact-conflict").count() >= 1
    assert len(_timeline_labels(page)) >= 1
    # a citation leads to the cited source's text on the same page
    href = page.locator("#summary a.cite").first.get_attribute("href")
    assert href and href.startswith("#src-") and page.locator(href).count() == 1
    page.goto((out / "index.html").as_uri())
    assert page.locator("a.story-link").count() == len(store.stories())
    assert page.problems == []  # type: ignore[attr-defined]
