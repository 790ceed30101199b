"""The pages both the server and ``synoptic run`` show: one Jinja2 environment over ``templates/``
and the context of each page, so that the served story page and the static HTML file are the
same page (``static=True`` changes only where links point and how the stylesheet comes).

Static pages carry their stylesheet inline and a Content-Security-Policy meta tag (no script, no
request anywhere); links to an article's page become links to its text further down the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from synoptic.brief import to_json as brief_json
from synoptic.records import Brief, Story
from synoptic.render import date_note, safe_url, value_text
from synoptic.render.markdown import date_label
from synoptic.web import views

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Layout of the story page. Above FACT_COLUMNS_MAX sources the figure table lists each source's
# reports in one column (it always does now: chips that wrap, so no source hides behind a
# horizontal scroll at 1280 px); above SIDE_BY_SIDE_MAX sources only the first are shown side by side.
FACT_COLUMNS_MAX = 8
SIDE_BY_SIDE_MAX = 12
# The quotes the page leads with: the groups reported by the most sources (then the longest),
# TOP_QUOTES of them; every other quote folds under "more quotes", by speaker.
TOP_QUOTES = 3
QUOTES_SHOWN_PER_SPEAKER = 4  # inside the fold, a speaker's first quotes; the rest fold again
# Timeline entries listed under the chart before the rest fold away.
TIMELINE_SHOWN = 12
STATIC_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'")


def make_env(*, static: bool = False, allow_ingest: bool = False) -> Environment:
    """The Jinja2 environment of every page (autoescape on); ``static`` for files written to disk."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = views.number
    env.filters["value_text"] = value_text  # a fact's value worded as in the brief ("$14m a day")
    env.filters["pathseg"] = lambda value: quote(str(value), safe="")
    env.filters["day"] = lambda value: str(value or "")[:10]
    env.filters["pieces_html"] = views.pieces_html
    env.filters["date_note"] = date_note
    env.globals["report_value"] = report_value
    env.globals["safe_url"] = safe_url
    env.globals["allow_ingest"] = allow_ingest
    env.globals["static"] = static
    if static:
        env.globals["inline_css"] = _stylesheet()
        env.globals["csp"] = STATIC_CSP
    return env


def report_value(group: Mapping[str, Any], report: Mapping[str, Any]) -> str:
    """One source's figure worded as its group's range is ("$9.6bn a day", "6 months", "26")."""
    value = report.get("value")
    if not isinstance(value, int | float):
        return views.number(value)
    return value_text({**group, "low": value, "high": value, "reports": []})


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (STATIC / "style.css").read_text(encoding="utf-8")


def story_context(story: Story, brief: Brief | Mapping[str, Any] | None,
                  articles: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the story page shows, computed from the brief and the story's articles
    (``Article`` records, or for static pages plain objects with the same attributes).

    The brief is a ``Brief`` record (the server), or its schema JSON (static pages written from
    stored JSON), or None (no brief yet). The page is an edge like the API: the templates read
    the brief in its documented JSON form, so a record is turned into it here, once per render.

    1. Number the sources in the brief's order (then any story article the brief lacks).
    2. Facts: the groups several sources report lead; single-source figures fold.
    3. Side-by-side columns: each source's text with its cited figures and quotes highlighted.
    4. Quotes: the top ones (most sources) lead; the rest fold, grouped by speaker.
    5. Summary and timeline citations, one per source, and the timeline chart.
    """
    if isinstance(brief, Brief):
        brief = brief_json(brief)
    brief = brief or {}
    # 1. sources
    order = [a.get("id") for a in brief.get("articles") or [] if a.get("id")]
    order += [aid for aid in story.article_ids if aid not in order]
    info = {a.get("id"): a for a in brief.get("articles") or []}
    sources = []
    for n, aid in enumerate(order, 1):
        meta = info.get(aid, {})
        art = articles.get(aid)
        published = meta.get("published") or (art.published.isoformat() if art and art.published else None)
        sources.append({
            "n": n, "id": aid,
            "title": meta.get("title") or (art.title if art else None) or f"Article {aid}",
            "outlet": meta.get("outlet") or (art.outlet if art else None),
            "url": meta.get("url") or (art.url if art else None),
            "published": published,
            "published_how": meta.get("published_how") or (art.published_how if art else "none"),
            "removed": meta.get("removed", len(art.removed) if art else 0),
            "stored": art is not None,
        })
    number = {s["id"]: s["n"] for s in sources}
    # 2. facts: compared across sources first, single-source ones apart
    facts = []
    for g in brief.get("facts") or []:
        cells: dict[str, list[dict[str, Any]]] = {}
        for r in g.get("reports") or []:
            cells.setdefault(r.get("article"), []).append(r)
        facts.append({**g, "cells": [cells.get(s["id"], []) for s in sources]})
    compared = [g for g in facts if g.get("verdict") != "single-source"]
    single = [g for g in facts if g.get("verdict") == "single-source"]
    conflicts = sum(1 for g in facts if g.get("verdict") == "conflict")
    # 3. texts side by side, with what the brief cites from each
    marks: dict[str, list[views.Mark]] = {}
    for g in brief.get("facts") or []:
        for r in g.get("reports") or []:
            marks.setdefault(r.get("article"), []).append(views.Mark(
                int(r.get("start", 0)), int(r.get("end", 0)), "figure", f"{g.get('label')}: {g.get('verdict')}"))
    for qg in brief.get("quotes") or []:
        for v in qg.get("variants") or []:
            marks.setdefault(v.get("article"), []).append(views.Mark(
                int(v.get("start", 0)), int(v.get("end", 0)), "quote", f"{v.get('kind')} quote: {qg.get('speaker')}"))
    columns = []
    for s in sources:
        art = articles.get(s["id"])
        if art is not None and isinstance(getattr(art, "text", None), str):
            columns.append({**s, "body": views.highlight(art.text, marks.get(s["id"], []))})
    # 4. quotes: a variant worded as the group's text is cited on the text itself
    groups = []
    for i, qg in enumerate(brief.get("quotes") or []):
        same: list[dict[str, Any]] = []
        others: list[dict[str, Any]] = []
        for v in qg.get("variants") or []:
            (same if _norm(v.get("text")) == _norm(qg.get("text")) else others).append(v)
        n_sources = len({v.get("article") for v in qg.get("variants") or []})
        groups.append({**qg, "same": _first_per_article(same), "others": others, "n_sources": n_sources,
                       "order": i})
    ranked = sorted(groups, key=lambda g: (-g["n_sources"], g["order"]))
    top = ranked[:TOP_QUOTES]
    top_ids = {g["order"] for g in top}
    speakers: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        if g["order"] not in top_ids:
            speakers.setdefault(g.get("speaker") or "Unattributed", []).append(g)
    # 5. summary and timeline, one citation per source (the first span it gives)
    summary = [{**s, "citations": _first_per_article(s.get("citations") or [])} for s in brief.get("summary") or []]
    # dated events on the chart and in the list, each date as its granularity says ("2019", "January
    # 2022"); dates the sources give as still to come (deadlines, schedules) listed apart
    dated = [{**t, "evidence": _first_per_article(t.get("evidence") or []),
              "label": date_label(t.get("date"), t.get("granularity") or "day"),
              "period": _period(t.get("date"), t.get("granularity") or "day")}
             for t in brief.get("timeline") or []]
    timeline = [t for t in dated if t.get("kind") != "announced"]
    announced = [t for t in dated if t.get("kind") == "announced"]
    chart = views.timeline_chart([{**t, "date": t["period"]} for t in timeline])
    return {
        "story": story, "brief": brief, "title": brief.get("title") or story.title or f"Story {story.id}",
        "sources": sources, "number": number, "facts": facts, "compared": compared, "single": single,
        "conflicts": conflicts, "columns": columns, "summary": summary, "top_quotes": top,
        "speakers": sorted(speakers.items(), key=lambda kv: -len(kv[1])), "more_quotes": len(groups) - len(top),
        "quotes_shown": QUOTES_SHOWN_PER_SPEAKER, "per_source": False, "side_by_side": SIDE_BY_SIDE_MAX,
        "chart": chart, "timeline": timeline, "announced": announced, "timeline_shown": TIMELINE_SHOWN, "has_brief": bool(brief),
    }


def static_story(brief: Brief | Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The story page of ``brief`` (a record, or its schema JSON) as one self-contained HTML file
    (``articles``: id -> {"title", "outlet", "url", "text"} adds each source's text with the
    cited spans marked)."""
    if isinstance(brief, Brief):
        brief = brief_json(brief)
    ids = [str(a.get("id")) for a in brief.get("articles") or [] if a.get("id")]
    story = Story(id=str(brief.get("story") or ""), article_ids=ids, title=brief.get("title"))
    arts = {}
    for aid, a in (articles or {}).items():
        arts[aid] = SimpleNamespace(title=a.get("title"), outlet=a.get("outlet"), url=a.get("url"),
                                    published=None, published_how="none", removed=[], text=a.get("text"))
    ctx = story_context(story, brief, arts)
    return _static_env().get_template("story.html").render(**ctx)


def static_index(rows: list[dict[str, Any]]) -> str:
    """The index of ``synoptic run``'s stories (``pipeline.story_summary`` rows) as one HTML file."""
    shown = []
    for s in rows:
        link = s.get("html")
        ok = isinstance(link, str) and ":" not in link and not link.startswith(("/", "\\")) and link.endswith(".html")
        row = views.StoryRow(
            str(s.get("id")), str(s.get("title") or s.get("id")), int(s.get("articles") or 0),
            [str(o) for o in s.get("outlet_names") or []],
            str(s["first"])[:10] if s.get("first") else None, str(s["last"])[:10] if s.get("last") else None,
            int(s.get("conflicts") or 0), int(s.get("facts") or 0))
        shown.append({**row.__dict__, "link": link if ok else None})
    return _static_env().get_template("stories.html").render(rows=shown, title="Stories", q="", since="",
                                                             until="", offset=0, next_offset=None)


@lru_cache(maxsize=1)
def _static_env() -> Environment:
    return make_env(static=True)


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).strip(" ,.;:").casefold()


def _period(date: Any, granularity: str) -> str:
    """The ISO value of the period a timeline date stands for: "2019" for a year, "2022-01" for a month."""
    d = str(date or "")
    return d[:4] if granularity == "year" else d[:7] if granularity == "month" else d


def _first_per_article(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[Any, dict[str, Any]] = {}
    for c in citations:
        seen.setdefault(c.get("article"), c)
    return list(seen.values())
