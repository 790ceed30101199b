"""The brief as Markdown: readable in a terminal and rendered well on a forge.

Source words are escaped (no HTML, links or emphasis can come from an article); sources are cited
as ``[n]``, the number of the article in the Sources list at the end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from synoptic.lang.en.calendar import MONTH_NAMES
from synoptic.records import FactGroup, QuoteGroup, TimelineEntry
from synoptic.render import (
    BriefLike,
    as_brief,
    date_note,
    format_number,
    safe_url,
    source_numbers,
    value_text,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
VERDICT_MARK = {"agree": "agree", "consistent": "consistent", "conflict": "**CONFLICT**",
                "single-source": "single source"}


def esc(text: object) -> str:
    """Source text made inert in Markdown: one line, special characters escaped."""
    s = " ".join(str(text if text is not None else "").split())
    return _SPECIAL.sub(r"\\\1", s)


def _cite(nums: dict[str, int], article: str) -> str:
    n = nums.get(article)
    return f"[{n}]" if n else f"[{esc(article)}]"


#: Evidence spans shown per timeline date; the rest are counted ("+4 more sources").
TIMELINE_EVIDENCE_SHOWN = 3

_MONTH_NAMES = MONTH_NAMES


def date_label(date: str | None, granularity: str = "day") -> str:
    """A timeline date as its granularity says: "2022-01-07", "January 2022", "2019"."""
    d = str(date or "")
    if granularity == "year" and len(d) >= 4:
        return d[:4]
    if granularity == "month" and len(d) >= 7 and d[5:7].isdigit() and 1 <= int(d[5:7]) <= 12:
        return f"{_MONTH_NAMES[int(d[5:7]) - 1]} {d[:4]}"
    return d


def _timeline_line(nums: dict[str, int], t: TimelineEntry) -> str:
    evidence = t.evidence
    shown = "; ".join(f"{_cite(nums, c.article)} “{esc(t.evidence_text[i] if i < len(t.evidence_text) else '')}”"
                      for i, c in enumerate(evidence[:TIMELINE_EVIDENCE_SHOWN]))
    more = len(evidence) - TIMELINE_EVIDENCE_SHOWN
    if more > 0:
        shown += f"; +{more} more source{'s' if more != 1 else ''}"
    return f"- **{esc(date_label(t.date, t.granularity))}** {esc(t.text)} ({shown})"


# Order of the shared figures: disagreement first, then what merely overlaps, then agreement.
VERDICT_ORDER = {"conflict": 0, "consistent": 1, "agree": 2, "single-source": 3}


def _n_sources(fact: FactGroup) -> int:
    return len({r.article for r in fact.reports})


def _fact_table(facts: list[FactGroup], nums: dict[str, int], cell_break: str = "<br>") -> list[str]:
    """Rows of the fact table: what is counted (in plain words), verdict, value, the reports cited."""
    rows = ["| What | Verdict | Value | Reports |", "| --- | --- | --- | --- |"]
    for f in facts:
        verdict = VERDICT_MARK.get(f.verdict, esc(f.verdict))
        if f.framing_differs:
            verdict += " · framing differs"
        if f.latest:
            verdict += f" · latest {_cite(nums, f.latest)}"
        reports = cell_break.join(f"{_cite(nums, r.article)} “{esc(r.text)}”" for r in f.reports)
        rows.append(f"| {esc(f.label)} | {verdict} | {esc(value_text(f))} | {reports} |")
    return rows


def render(brief: BriefLike, cell_break: str = "<br>") -> str:
    """The brief (a record, or its schema JSON) as a Markdown document. ``cell_break`` separates
    the reports in a cell of the figure table: ``<br>`` for forges, ``" · "`` for renderers that
    drop HTML (the terminal)."""
    b = as_brief(brief)
    nums = source_numbers(b)
    out: list[str] = []
    title = b.title or f"Story {b.story}"
    out.append(f"# {esc(title)}")
    out.append("")
    n_src = len(b.articles)
    facts = b.facts
    conflicts = sum(1 for f in facts if f.verdict == "conflict")
    out.append(f"_{n_src} source{'s' if n_src != 1 else ''} · {len(facts)} figures compared · "
               f"{conflicts} in conflict · story {esc(b.story)}_")
    out.append("")
    # summary
    if b.summary:
        out.append("## Summary")
        out.append("")
        for s in b.summary:
            cites = " ".join(dict.fromkeys(_cite(nums, c.article) for c in s.citations))
            out.append(f"- {esc(s.text)} {cites}".rstrip())
        out.append("")
    # facts: given by two or more sources first, conflicts on top; single-source figures folded
    if facts:
        out.append("## Figures across sources")
        out.append("")
        shared = sorted((f for f in facts if _n_sources(f) >= 2),
                        key=lambda f: (VERDICT_ORDER.get(f.verdict, 9), -_n_sources(f)))
        alone = [f for f in facts if _n_sources(f) < 2]
        if shared:
            out.extend(_fact_table(shared, nums, cell_break))
            out.append("")
        if alone:
            out.append(f"<details><summary>{len(alone)} figure{'s' if len(alone) != 1 else ''} "
                       f"given by one source only</summary>")
            out.append("")
            out.extend(_fact_table(alone, nums, cell_break))
            out.append("")
            out.append("</details>")
            out.append("")
    # quotes
    if b.quotes:
        out.append("## Quotes")
        out.append("")
        # each speaker once, in the order of their most widely carried statement, statements under them
        by_speaker: dict[str, list[QuoteGroup]] = {}
        for q in b.quotes:
            by_speaker.setdefault(q.speaker or "unknown speaker", []).append(q)
        for speaker, statements in by_speaker.items():
            out.append(f"**{esc(speaker)}**")
            out.append("")
            for q in statements:
                arts = {v.article for v in q.variants}
                out.append(f"*{len(arts)} source{'s' if len(arts) != 1 else ''}*")
                out.append("")
                for v in q.variants:
                    kind = v.kind
                    words = f"“{esc(v.text)}”" if kind in ("direct", "partial") else esc(v.text)
                    out.append(f"> {_cite(nums, v.article)} {esc(kind)}: {words}")
                    out.append(">")
                if out[-1] == ">":
                    out.pop()
                out.append("")
    # entities
    if b.entities:
        out.append("## Who and what")
        out.append("")
        for e in b.entities:
            others = [v for v in e.variants if v != e.name]
            also = f" — also {', '.join(esc(v) for v in others)}" if others else ""
            srcs = " ".join(_cite(nums, a) for a in e.articles)
            out.append(f"- **{esc(e.name)}** ({esc(e.type)}){also} {srcs}".rstrip())
        out.append("")
    # timeline
    events = [t for t in b.timeline if t.kind != "announced"]
    announced = [t for t in b.timeline if t.kind == "announced"]
    if events:
        out.append("## Timeline")
        out.append("")
        out.extend(_timeline_line(nums, t) for t in events)
        out.append("")
    if announced:
        out.append("## Announced dates")
        out.append("")
        out.append("_Dates the sources give as still to come (deadlines, schedules, forecasts), not events._")
        out.append("")
        out.extend(_timeline_line(nums, t) for t in announced)
        out.append("")
    # sources
    out.append("## Sources")
    out.append("")
    for i, a in enumerate(b.articles, 1):
        bits = [f"{i}. {esc(a.title or a.id)}"]
        if a.outlet:
            bits.append(f"— {esc(a.outlet)}")
        if a.published:
            note = date_note(a.published_how)
            bits.append(f"· {esc(str(a.published)[:10])}{' (' + note + ')' if note else ''}")
        url = safe_url(a.url)
        if url:
            bits.append(f"· <{url}>")
        if a.removed:
            bits.append(f"· {format_number(a.removed)} lines of debris removed")
        out.append(" ".join(bits))
    out.append("")
    return "\n".join(out)


def render_index(stories: Sequence[Mapping[str, object]]) -> str:
    """The list of stories as Markdown (one row per story: title, sources, dates, conflicts);
    ``stories`` are the index's JSON rows (``pipeline.story_summary``, as ``index.json`` holds them)."""
    out = ["# Stories", ""]
    if not stories:
        out += ["_No stories yet._", ""]
        return "\n".join(out)
    out.append("| Story | Sources | Dates | Conflicts |")
    out.append("| --- | --- | --- | --- |")
    for s in stories:
        title = esc(s.get("title") or s.get("id"))
        link = s.get("md")
        if isinstance(link, str) and re.fullmatch(r"[\w./-]+", link) and ":" not in link and not link.startswith("/"):
            title = f"[{title}]({link})"
        dates = " – ".join(dict.fromkeys(esc(str(d)[:10]) for d in (s.get("first"), s.get("last")) if d))
        out.append(f"| {title} | {format_number(s.get('articles'))} | {dates} | {format_number(s.get('conflicts', 0))} |")
    out.append("")
    return "\n".join(out)
