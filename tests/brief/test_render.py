"""render: Markdown, JSON and HTML of a brief; nothing from an article can become markup or script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from synoptic.brief import from_json, to_json
from synoptic.records import (
    Brief,
    Citation,
    FactGroup,
    FactReport,
    QuoteGroup,
    QuoteVariant,
    SourceInfo,
    TimelineEntry,
)
from synoptic.render import as_brief, html, markdown, safe_url
from synoptic.render import json as json_render
from synoptic.render.markdown import value_text

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "</title><script>alert(2)</script>",
    "{{ 7*7 }} [x](javascript:alert(1)) | cell",
]


def _brief(evil: str = "", url: str | None = "https://example.org/a") -> dict[str, Any]:
    """A small brief in the schema's shape, written for these tests; ``evil`` goes in every text field."""
    text = f"Officials said 12 people were killed. {evil}"
    return {
        "schema": "synoptic.brief/1", "story": f"s1{evil}", "title": f"Flood in the valley {evil}",
        "articles": [
            {"id": "a1", "title": f"Flood kills 12 {evil}", "outlet": f"Valley News {evil}", "url": url,
             "published": "2023-03-01T00:00:00", "published_how": "metadata", "removed": 2},
            {"id": "a2", "title": "Death toll rises", "outlet": None, "url": evil or None,
             "published": None, "published_how": "none", "removed": 0},
        ],
        "summary": [{"text": f"Officials said 12 people were killed. {evil}",
                     "citations": [{"article": "a1", "start": 0, "end": 37}]}],
        "facts": [{"label": f"people killed {evil}", "verdict": "conflict", "framing_differs": True,
                   "low": 12, "high": 40, "category": "killed", "subject": "people", "unit": None,
                   "reports": [{"article": "a1", "text": "12 people were killed", "start": 15, "end": 36,
                                "value": 12, "qualifier": None, "label": f"people {evil}"},
                               {"article": "a2", "text": f"40 {evil}", "start": 0, "end": 2, "value": 40,
                                "qualifier": None, "label": None}]},
                  {"label": "arrested or detained", "verdict": "consistent", "framing_differs": False,
                   "low": 3800, "high": None, "category": "arrested", "subject": None, "unit": None,
                   "reports": [{"article": "a1", "text": "more than 3,800", "start": 0, "end": 4, "value": 3800,
                                "qualifier": "more than", "label": None}]}],
        "quotes": [{"speaker": f"Ann Lee {evil}", "text": f"We will rebuild {evil}",
                    "variants": [{"article": "a1", "text": f"We will rebuild {evil}", "start": 0, "end": 5,
                                  "kind": "direct"},
                                 {"article": "a2", "text": "they would rebuild", "start": 0, "end": 5,
                                  "kind": "indirect"}]}],
        "entities": [{"name": f"Ann Lee {evil}", "type": "PERSON", "variants": ["Ann Lee", f"A. Lee {evil}"],
                      "articles": ["a1", "a2"]}],
        "timeline": [{"date": "2023-02-27", "text": f"The river burst its banks {evil}",
                      "evidence": [{"article": "a1", "text": f"on Monday {evil}", "start": 0, "end": 9}]},
                     {"date": "2023-03-01", "text": "Rescue teams arrived",
                      "evidence": [{"article": "a2", "text": "Wednesday", "start": 0, "end": 9}]}],
        "_text": text,
    }


class _Audit(HTMLParser):
    """Collects what would run or load in a browser: script elements, on* handlers, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("script", "iframe", "object", "embed", "svg", "img", "link", "base", "form"):
            # the one inline SVG a page may carry is its own timeline chart (no script, no handler)
            if not (tag == "svg" and ("class", "timeline-chart") in attrs):
                self.scripts += 1
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(name)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                self.urls.append(value or "")


def _audit(page: str) -> _Audit:
    a = _Audit()
    a.feed(page)
    return a


@pytest.mark.parametrize("evil", PAYLOADS)
def test_html_story_page_has_nothing_executable(evil):
    brief = _brief(evil, url=evil)
    page = html.render(brief, {"a1": {"id": "a1", "text": brief["_text"]}, "a2": {"id": "a2", "text": evil}})
    audit = _audit(page)
    assert audit.scripts == 0 and audit.handlers == []
    assert all(u.startswith(("#", "https://", "http://")) for u in audit.urls), audit.urls
    assert "javascript:" not in " ".join(audit.urls)
    assert "49" not in page or "{{ 7*7 }}" in page  # no template evaluation of article text


@pytest.mark.parametrize("evil", PAYLOADS)
def test_html_index_has_nothing_executable(evil):
    stories = [{"id": f"s1{evil}", "title": f"Flood {evil}", "articles": 2, "outlets": 1, "first": "2023-03-01",
                "last": "2023-03-02", "conflicts": 1, "html": evil or "stories/s1.html"},
               {"id": "s2", "title": "Quiet", "articles": 1, "outlets": 1, "first": None, "last": None,
                "conflicts": 0, "html": "stories/s2.html"}]
    audit = _audit(html.render_index(stories))
    assert audit.scripts == 0 and audit.handlers == []
    assert all(u.startswith("stories/") for u in audit.urls), audit.urls


def test_html_page_is_self_contained_and_marks_verdicts_and_framing():
    brief = _brief()
    page = html.render(brief, {"a1": {"id": "a1", "text": brief["_text"]}})
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<link" not in page and "@import" not in page and "<script" not in page
    assert '<tr class="fact fact-conflict">' in page and '<tr class="fact fact-consistent">' in page
    assert "framing differs" in page and "Where the figures disagree" in page
    # the cited span of the source text is marked, and citations point to it on the page
    assert re.search(r'<span class="hl-figure"[^>]*>12 people were killed</span>', page)
    assert 'id="src-1"' in page and 'href="#src-1"' in page
    assert 'class="timeline-chart"' in page and page.count('class="event-label"') == 2
    for section in ("summary", "facts", "quotes", "entities", "timeline", "sources"):
        assert f'id="{section}"' in page


def test_html_renders_without_article_texts():
    page = html.render(_brief())
    assert "Valley News" in page and 'class="text"' not in page


@pytest.mark.parametrize("evil", PAYLOADS)
def test_markdown_escapes_source_text(evil):
    page = markdown.render(_brief(evil, url=evil))
    # only escaped (\<, \]) forms may remain: no raw tag, no link or autolink to a script
    assert not re.search(r"(?<!\\)<(?:script|img|svg|/title)", page)
    assert not re.search(r"(?<!\\)\]\(javascript:", page) and "<javascript:" not in page
    assert "`" not in page.replace("\\`", "")
    # every table row keeps its four cells
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
    assert all(line.replace("\\|", "").count("|") == 5 for line in rows), rows


def test_markdown_reads_as_a_brief():
    page = markdown.render(_brief())
    assert page.startswith("# Flood in the valley")
    assert "**CONFLICT** · framing differs" in page
    assert "| people killed | **CONFLICT** · framing differs | 12–40 |" in page
    assert "| more than 3,800 |" in page  # the value as the source words it, its interval in the JSON
    assert "- **2023-02-27** The river burst its banks ([1] “on Monday”)" in page
    assert "1. Flood kills 12 — Valley News · 2023-03-01 · <https://example.org/a> · 2 lines of debris removed" in page


def test_markdown_index_links_only_relative_pages():
    page = markdown.render_index([
        {"id": "s1", "title": "Flood", "articles": 2, "first": "2023-03-01", "last": "2023-03-02", "conflicts": 1,
         "md": "stories/s1.md"},
        {"id": "s2", "title": "Evil", "articles": 1, "first": None, "last": None, "conflicts": 0,
         "md": "javascript:alert(1)"},
    ])
    assert "[Flood](stories/s1.md)" in page and "javascript" not in page
    assert markdown.render_index([]).startswith("# Stories")


@pytest.mark.parametrize("evil", PAYLOADS)
def test_json_render_is_the_brief_and_safe_to_embed(evil):
    brief = _brief(evil)
    text = json_render.render(brief)
    # the schema form of the record the JSON reads as: every field the schema has, nothing else
    assert json.loads(text) == to_json(from_json(brief))
    assert json.loads(text)["facts"][0]["reports"][1]["text"] == f"40 {evil}"
    assert "_text" not in json.loads(text)
    assert "<" not in text and ">" not in text


def test_a_record_and_its_schema_json_render_the_same():
    """The renderers read the record; a stored brief (its JSON) is read into one first."""
    record = from_json(_brief("<b>x</b>"))
    doc = to_json(record)
    assert isinstance(as_brief(doc), Brief) and as_brief(record) is record
    assert markdown.render(record) == markdown.render(doc)
    assert html.render(record) == html.render(doc)
    assert json_render.render(record) == json_render.render(doc)
    with pytest.raises(ValueError, match="malformed field"):  # not a brief: said, not half rendered
        markdown.render({"schema": "synoptic.brief/1", "story": "s", "facts": [{"label": "x", "reports": 5}]})


def _group(reports: tuple[dict[str, Any], ...] = (), **fields: Any) -> FactGroup:
    """A fact group of these fields (a label and verdict of no matter when not given), its reports
    cited in articles a0, a1, ..."""
    fields.setdefault("label", "counted")
    fields.setdefault("verdict", "agree")
    return FactGroup(**fields, reports=[FactReport(article=f"a{i}", text="", start=0, end=1, **r)
                                        for i, r in enumerate(reports)])


@pytest.mark.parametrize("fact, expected", [
    ({"low": 18, "high": 18}, "18"), ({"low": 740, "high": 750}, "740–750"), ({"low": 3800, "high": None}, "> 3,800"),
    ({"low": None, "high": 5000}, "< 5,000"), ({"low": None, "high": None}, "?"), ({"low": 2.5, "high": 2.5}, "2.5"),
])
def test_value_text_of_plain_intervals(fact, expected):
    assert value_text(_group(**fact)) == expected


@pytest.mark.parametrize("url, ok", [("https://a.org/x", True), ("HTTP://a.org", True), ("javascript:alert(1)", False),
                                     ("data:text/html,x", False), ("//evil.org", False), ('https://a.org/"x', False),
                                     (None, False)])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


@pytest.mark.parametrize("fact, expected", [
    ({"low": 9.6e9, "high": 9.6e9, "unit": "USD/day"}, "$9.6bn a day"),
    ({"low": 12e6, "high": 14e6, "unit": "EUR/hour"}, "€12m–€14m an hour"),
    ({"low": 88e6, "high": None, "unit": "EUR"}, "> €88m"),
    ({"low": 4500, "high": 4500, "unit": "KZT"}, "KZT 4,500"),
    ({"low": 360e6, "high": 440e6, "unit": "USD/hour"}, "about $400m an hour"),
    ({"low": 378, "high": 462, "unit": None}, "about 420"),
    ({"low": 700, "high": 750, "unit": None}, "700–750"),
    ({"low": 10.8, "high": 13.2, "unit": "%"}, "about 12%"),
    ({"low": 6, "high": 6, "unit": "days"}, "6 days"),
    ({"low": 200000, "high": 220000, "unit": "tonne", "category": "count:tonne"}, "200,000–220,000"),
    ({"low": 9358999.5, "high": 9359000.5, "unit": "t"}, "9,359,000 t"),  # one figure's rounding band
    ({"low": 65.59, "high": 65.81, "unit": "lb"}, "65.7 lb"),
    ({"low": 99, "high": 100, "unit": None}, "99–100"),  # a stated range stays one
])
def test_markdown_value_reads_money_rates_and_bands_as_news_writes_them(fact, expected):
    assert value_text(_group(**fact)) == expected


def test_markdown_timeline_shows_granularity_announced_dates_apart_and_caps_evidence():
    from synoptic.render.markdown import TIMELINE_EVIDENCE_SHOWN, render

    ev = [Citation(f"s{i}", 0, 6) for i in range(TIMELINE_EVIDENCE_SHOWN + 2)]
    said = ["Monday"] * len(ev)
    brief = Brief(story="x", title="Flood", articles=[_source(f"s{i}") for i in range(5)], timeline=[
        TimelineEntry("2019-01-01", "The dam was built.", ev[:1], said[:1], granularity="year"),
        TimelineEntry("2023-03-01", "Cracks appeared.", ev[:1], said[:1], granularity="month"),
        TimelineEntry("2023-05-08", "The dam burst.", ev, said),
        TimelineEntry("2023-05-12", "The curfew ends.", ev[:1], said[:1], kind="announced"),
    ])
    md = render(brief)
    timeline, announced = md.split("## Timeline", 1)[1].split("## Announced dates", 1)
    assert "**2019** The dam was built." in timeline and "**March 2023** Cracks appeared." in timeline
    assert "2023-03-01" not in md and "The curfew ends." not in timeline
    assert "**2023-05-12** The curfew ends." in announced
    burst = next(line for line in timeline.splitlines() if "The dam burst." in line)
    assert burst.count("“Monday”") == TIMELINE_EVIDENCE_SHOWN and burst.endswith("+2 more sources)")


def test_markdown_names_each_speaker_once_with_their_statements_under_them() -> None:
    from synoptic.render.markdown import render as render_markdown

    def variant(article: str, text: str, kind: str = "direct") -> QuoteVariant:
        return QuoteVariant(article, text, 0, len(text), kind)  # type: ignore[arg-type]

    brief = Brief(story="s", title="t", articles=[_source("a", "A"), _source("b", "B")], quotes=[
        QuoteGroup("Ann Lee", "We will rebuild the bridge", [variant("a", "We will rebuild the bridge"),
                                                             variant("b", "We will rebuild the bridge")]),
        QuoteGroup("Bo Chan", "The money is there", [variant("a", "The money is there")]),
        QuoteGroup("Ann Lee", "The work starts in May", [variant("b", "the work starts in May", "indirect")]),
    ])
    md = render_markdown(brief)
    assert md.count("**Ann Lee**") == 1
    assert md.index("**Ann Lee**") < md.index("the work starts in May")
    assert md.index("the work starts in May") < md.index("**Bo Chan**")


def test_markdown_fact_table_puts_shared_figures_first_conflicts_on_top_and_folds_single_sources():
    from synoptic.render import markdown

    def fact(label, verdict, articles):
        return FactGroup(label, verdict, low=1, high=1,
                         reports=[FactReport(a, f"{label} in {a}", 0, 1, 1) for a in articles])

    brief = Brief(story="s", title="T", articles=[_source(a) for a in "abc"],
                  facts=[fact("alone one", "single-source", ["a"]), fact("rifles seized", "agree", ["a", "b"]),
                         fact("boats", "conflict", ["a", "c"]), fact("alone two", "single-source", ["c"])])
    md = markdown.render(brief)
    table, folded = md.split("<details>", 1)
    assert table.index("boats") < table.index("rifles seized")  # the conflict on top
    assert "alone" not in table and "2 figures given by one source only" in folded
    assert folded.index("alone one") < folded.index("</details>")


@pytest.mark.parametrize("fact, expected", [
    ({"low": 27, "high": 30, "unit": "decades", "dimension": "duration",
      "reports": [{"value": 3, "low": 2.7, "high": 3, "qualifier": "almost"}]}, "almost 3 decades"),
    ({"low": 2500, "high": 2500, "dimension": "count",
      "reports": [{"value": 2500, "low": 2250, "high": 2750, "qualifier": "about"},
                  {"value": 2500, "low": 2500, "high": 2500, "qualifier": None}]}, "2,500"),
    ({"low": 700, "high": 750, "dimension": "count",
      "reports": [{"value": 700, "low": 700, "high": None, "qualifier": "over"},
                  {"value": 750, "low": 675, "high": 750, "qualifier": "almost"}]}, "700–750"),
    ({"low": 12e6, "high": 14e6, "unit": "USD/day", "dimension": "money:USD/day",
      "reports": [{"value": 14e6, "low": 12e6, "high": 14e6, "qualifier": "between"}]}, "$12m–$14m a day"),
    ({"low": 64000, "high": 64000, "unit": "m", "dimension": "length",  # measures: the group's interval
      "reports": [{"value": 64, "low": 64, "high": 64, "qualifier": None},
                  {"value": 40, "low": 40, "high": 40, "qualifier": None}]}, "64,000 m"),
    ({"low": None, "high": 40, "unit": "kn", "dimension": "speed",  # one report: as it says it
      "reports": [{"value": 40, "low": None, "high": 40, "qualifier": "up to"}]}, "up to 40 kn"),
])
def test_value_text_words_a_group_as_its_sources_do(fact, expected):
    # issue 16: "almost three decades" is not "2.7–3 decades"; "about 2,500" and "2,500" are not "2,500–2,750"
    assert value_text(_group(reports=tuple(fact.pop("reports")), **fact)) == expected


def _source(article_id: str, title: str | None = None) -> SourceInfo:
    return SourceInfo(id=article_id, title=title, outlet=None, url=None, published=None)
