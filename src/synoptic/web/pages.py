"""The pages both the server and ``synoptic run`` show: one Jinja2 environment over ``templates/``
and the context of each page, so that the served story page and the static HTML file are the
same page (``static=True`` changes only where links point and how the stylesheet comes).

Static pages carry their stylesheet inline and a Content-Security-Policy meta tag (no script, no
request anywhere); links to an article's page become links to its text further down the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from synoptic.records import (
    Article,
    Brief,
    FactGroup,
    FactReport,
    PublishedHow,
    QuoteGroup,
    QuoteVariant,
    Story,
    SummarySentence,
    TimelineEntry,
)
from synoptic.render import BriefLike, as_brief, date_note, report_value_text, safe_url, value_text
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


def report_value(group: FactGroup, report: FactReport) -> str:
    """One source's figure worded as its group's range is ("$9.6bn a day", "6 months", "26")."""
    return report_value_text(group, report.value)


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (STATIC / "style.css").read_text(encoding="utf-8")


# ------------------------------------------------------------------ what the story page shows


@dataclass(frozen=True)
class SourceView:
    """A source in the story page's list: the brief's line for it, else its stored article's."""

    n: int  # its number, as the page cites it: [n]
    id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    published_how: PublishedHow
    removed: int  # lines cleaning took out
    stored: bool  # its article is in the store (or, for a static page, was given)


@dataclass(frozen=True)
class ColumnView:
    """A source's text side by side with the others, what the brief cites from it highlighted."""

    n: int
    id: str
    title: str
    outlet: str | None
    published: str | None
    body: views.Highlighted


@dataclass(frozen=True)
class QuoteView:
    """A quote group as the page shows it: the variants worded as its text (cited on the text,
    one per article) and the others (listed under it)."""

    speaker: str | None
    text: str
    same: list[QuoteVariant]
    others: list[QuoteVariant]
    n_sources: int
    order: int  # position in the brief's quote list


@dataclass(frozen=True)
class Evidence:
    """A timeline entry's span in one source, with the date expression as written."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimelineView:
    """A timeline entry as the page lists it: its date worded as its granularity says."""

    date: str
    text: str
    kind: str
    granularity: str
    evidence: list[Evidence] = field(default_factory=list)  # the first span of each source
    label: str = ""  # "7 January 2022"-style text of the date: "2022-01-07", "January 2022", "2019"
    period: str = ""  # the ISO value of the period: "2019", "2022-01", "2022-01-07"


@dataclass
class IndexLine(views.StoryRow):
    """A line of a static index page: the story row and its page's file."""

    link: str | None = None


def story_context(story: Story, brief: Brief | None, articles: Mapping[str, Article]) -> dict[str, object]:
    """Everything the story page shows, computed from the brief (None: no brief yet) and the
    story's ``articles``; the templates get records and the small views above, and only loop
    and escape.

    1. Number the sources in the brief's order (then any story article the brief lacks).
    2. Facts: the groups several sources report lead; single-source figures fold.
    3. Side-by-side columns: each source's text with its cited figures and quotes highlighted.
    4. Quotes: the top ones (most sources) lead; the rest fold, grouped by speaker.
    5. Summary and timeline citations, one per source, and the timeline chart.
    """
    b = brief if brief is not None else Brief(story=story.id, title=None)
    # 1. sources
    order = [a.id for a in b.articles if a.id]
    order += [aid for aid in story.article_ids if aid not in order]
    info = {a.id: a for a in b.articles}
    sources: list[SourceView] = []
    for n, aid in enumerate(order, 1):
        meta = info.get(aid)
        art = articles.get(aid)
        published = (meta.published if meta is not None else None) or (
            art.published.isoformat() if art is not None and art.published else None)
        sources.append(SourceView(
            n=n, id=aid,
            title=(meta.title if meta is not None else None) or (art.title if art is not None else None)
            or f"Article {aid}",
            outlet=(meta.outlet if meta is not None else None) or (art.outlet if art is not None else None),
            url=(meta.url if meta is not None else None) or (art.url if art is not None else None),
            published=published,
            published_how=(meta.published_how if meta is not None and meta.published_how else None)
            or (art.published_how if art is not None else "none"),
            removed=meta.removed if meta is not None else (len(art.removed) if art is not None else 0),
            stored=art is not None,
        ))
    number = {s.id: s.n for s in sources}
    # 2. facts: compared across sources first, single-source ones apart
    facts = list(b.facts)
    compared = [g for g in facts if g.verdict != "single-source"]
    single = [g for g in facts if g.verdict == "single-source"]
    conflicts = sum(1 for g in facts if g.verdict == "conflict")
    # 3. texts side by side, with what the brief cites from each
    marks: dict[str, list[views.Mark]] = {}
    for g in b.facts:
        for r in g.reports:
            marks.setdefault(r.article, []).append(views.Mark(r.start, r.end, "figure", f"{g.label}: {g.verdict}"))
    for qg in b.quotes:
        for v in qg.variants:
            marks.setdefault(v.article, []).append(views.Mark(v.start, v.end, "quote", f"{v.kind} quote: {qg.speaker}"))
    columns = []
    for s in sources:
        art = articles.get(s.id)
        if art is not None:
            columns.append(ColumnView(n=s.n, id=s.id, title=s.title, outlet=s.outlet, published=s.published,
                                      body=views.highlight(art.text, marks.get(s.id, []))))
    # 4. quotes: a variant worded as the group's text is cited on the text itself
    groups = [_quote_view(i, qg) for i, qg in enumerate(b.quotes)]
    ranked = sorted(groups, key=lambda q: (-q.n_sources, q.order))
    top = ranked[:TOP_QUOTES]
    top_ids = {q.order for q in top}
    speakers: dict[str, list[QuoteView]] = {}
    for q in groups:
        if q.order not in top_ids:
            speakers.setdefault(q.speaker or "Unattributed", []).append(q)
    # 5. summary and timeline, one citation per source (the first span it gives)
    summary = [SummarySentence(text=s.text, citations=_first_per_article(s.citations)) for s in b.summary]
    # dated events on the chart and in the list, each date as its granularity says ("2019", "January
    # 2022"); dates the sources give as still to come (deadlines, schedules) listed apart
    dated = [_timeline_view(t) for t in b.timeline]
    timeline = [t for t in dated if t.kind != "announced"]
    announced = [t for t in dated if t.kind == "announced"]
    chart = views.timeline_chart([views.ChartEntry(t.period, t.text) for t in timeline])
    return {
        "story": story, "brief": brief, "title": b.title or story.title or f"Story {story.id}",
        "sources": sources, "number": number, "facts": facts, "compared": compared, "single": single,
        "conflicts": conflicts, "columns": columns, "summary": summary, "top_quotes": top,
        "speakers": sorted(speakers.items(), key=lambda kv: -len(kv[1])), "more_quotes": len(groups) - len(top),
        "quotes_shown": QUOTES_SHOWN_PER_SPEAKER, "per_source": False, "side_by_side": SIDE_BY_SIDE_MAX,
        "chart": chart, "timeline": timeline, "announced": announced, "timeline_shown": TIMELINE_SHOWN,
        "has_brief": brief is not None,
    }


def _quote_view(order: int, qg: QuoteGroup) -> QuoteView:
    same: list[QuoteVariant] = []
    others: list[QuoteVariant] = []
    for v in qg.variants:
        (same if _norm(v.text) == _norm(qg.text) else others).append(v)
    return QuoteView(speaker=qg.speaker, text=qg.text, same=_first_per_article(same), others=others,
                     n_sources=len({v.article for v in qg.variants}), order=order)


def _timeline_view(t: TimelineEntry) -> TimelineView:
    granularity = t.granularity or "day"
    evidence = [Evidence(c.article, c.start, c.end, t.evidence_text[i] if i < len(t.evidence_text) else "")
                for i, c in enumerate(t.evidence)]
    return TimelineView(date=t.date, text=t.text, kind=t.kind, granularity=t.granularity,
                        evidence=_first_per_article(evidence), label=date_label(t.date, granularity),
                        period=_period(t.date, granularity))


def static_story(brief: BriefLike, articles: Mapping[str, Mapping[str, object]] | None = None) -> str:
    """The story page of ``brief`` (a record, or its schema JSON) as one self-contained HTML file
    (``articles``: id -> {"title", "outlet", "url", "text"} adds each source's text with the
    cited spans marked)."""
    b = as_brief(brief)
    ids = [a.id for a in b.articles if a.id]
    story = Story(id=b.story or "", article_ids=ids, title=b.title)
    arts = {}
    for aid, a in (articles or {}).items():
        text = a.get("text")
        arts[aid] = Article(id=aid, text=text if isinstance(text, str) else "", title=_text_or_none(a.get("title")),
                            outlet=_text_or_none(a.get("outlet")), url=_text_or_none(a.get("url")))
    ctx = story_context(story, b, arts)
    return _static_env().get_template("story.html").render(**ctx)


def static_index(rows: Sequence[Mapping[str, object]]) -> str:
    """The index of ``synoptic run``'s stories (``pipeline.story_summary`` rows, as ``index.json``
    holds them) as one HTML file."""
    shown = []
    for s in rows:
        link = s.get("html")
        ok = isinstance(link, str) and ":" not in link and not link.startswith(("/", "\\")) and link.endswith(".html")
        first, last = s.get("first"), s.get("last")
        shown.append(IndexLine(
            str(s.get("id")), str(s.get("title") or s.get("id")), _count(s.get("articles")),
            [str(o) for o in _items(s.get("outlet_names"))],
            str(first)[:10] if first else None, str(last)[:10] if last else None,
            _count(s.get("conflicts")), _count(s.get("facts")), link=link if ok and isinstance(link, str) else None))
    return _static_env().get_template("stories.html").render(rows=shown, title="Stories", q="", since="",
                                                             until="", offset=0, next_offset=None)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _count(value: object) -> int:
    """A count of an index row (JSON): a number, or 0 when it is missing."""
    return int(value) if isinstance(value, int | float | str) and value else 0


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


@lru_cache(maxsize=1)
def _static_env() -> Environment:
    return make_env(static=True)


def _norm(text: str | None) -> str:
    return " ".join(str(text or "").split()).strip(" ,.;:").casefold()


def _period(date: str, granularity: str) -> str:
    """The ISO value of the period a timeline date stands for: "2019" for a year, "2022-01" for a month."""
    d = str(date or "")
    return d[:4] if granularity == "year" else d[:7] if granularity == "month" else d


class _Cited(Protocol):
    @property
    def article(self) -> str: ...


C = TypeVar("C", bound=_Cited)


def _first_per_article(citations: Sequence[C]) -> list[C]:
    seen: dict[str, C] = {}
    for c in citations:
        seen.setdefault(c.article, c)
    return list(seen.values())
