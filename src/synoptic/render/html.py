"""The brief as a static, self-contained HTML page (and the index page of all stories).

Everything that comes from an article is escaped by jinja2's autoescape; links are kept only when
they are http(s); the page loads nothing from outside and needs no script (a Content-Security-Policy
meta tag forbids both). With the articles' texts, each source is shown with the spans the brief cites
marked, so a reader can check every line against its source.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from synoptic.render import format_number, safe_url, source_numbers, value_text

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
    env.filters["num"] = format_number
    env.filters["value_text"] = value_text  # the same wording as the Markdown brief ("$14m a day")
    env.filters["safe_url"] = safe_url
    return env


#: When cited spans overlap, the piece is marked as the most specific kind that covers it.
MARK_PRIORITY = ("fact", "quote", "date", "summary")


def _marked(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The article text cut into pieces, each cited piece flagged with the kind of span covering it."""
    spans = [(s, e, k) for s, e, k in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces: list[dict[str, Any]] = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        kinds = [k for s0, e0, k in spans if s0 <= s and e <= e0]
        kind = min(kinds, key=lambda k: MARK_PRIORITY.index(k) if k in MARK_PRIORITY else 99) if kinds else None
        if pieces and pieces[-1]["kind"] == kind:
            pieces[-1]["text"] += text[s:e]
        else:
            pieces.append({"text": text[s:e], "kind": kind})
    return pieces


def _spans(brief: dict[str, Any]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}

    def add(article: Any, start: Any, end: Any, kind: str) -> None:
        if isinstance(start, int) and isinstance(end, int):
            out.setdefault(str(article), []).append((start, end, kind))

    for f in brief.get("facts", []):
        for r in f.get("reports", []):
            add(r.get("article"), r.get("start"), r.get("end"), "fact")
    for q in brief.get("quotes", []):
        for v in q.get("variants", []):
            add(v.get("article"), v.get("start"), v.get("end"), "quote")
    for t in brief.get("timeline", []):
        for c in t.get("evidence", []):
            add(c.get("article"), c.get("start"), c.get("end"), "date")
    for s in brief.get("summary", []):
        for c in s.get("citations", []):
            add(c.get("article"), c.get("start"), c.get("end"), "summary")
    return out


def render(brief: dict[str, Any], articles: dict[str, dict[str, Any]] | None = None) -> str:
    """The brief (its schema JSON) as one HTML page; ``articles`` (id -> {"title","outlet","url","text"})
    adds each source's text with the cited spans marked."""
    nums = source_numbers(brief)
    spans = _spans(brief)
    sources = []
    for i, a in enumerate(brief.get("articles", []), 1):
        full = (articles or {}).get(a.get("id")) or {}
        text = full.get("text")
        sources.append({**a, "n": i, "url": safe_url(a.get("url") or full.get("url")),
                        "pieces": _marked(text, spans.get(str(a.get("id")), [])) if isinstance(text, str) else None})
    dates = [t.get("date") for t in brief.get("timeline", []) if t.get("date")]
    return _env().get_template("story.html").render(
        brief=brief, nums=nums, sources=sources, timeline_span=_timeline_positions(dates))


def _timeline_positions(dates: list[str]) -> dict[str, float]:
    """Where each date sits on the timeline bar (0-100 %)."""
    from datetime import date

    parsed = {}
    for d in dates:
        try:
            parsed[d] = date.fromisoformat(str(d)[:10])
        except ValueError:
            continue
    if not parsed:
        return {}
    lo, hi = min(parsed.values()), max(parsed.values())
    width = max(1, (hi - lo).days)
    return {d: round(100 * (v - lo).days / width, 1) for d, v in parsed.items()}


def render_index(stories: list[dict[str, Any]]) -> str:
    """The index page: every story with its sources, dates and conflicts, linked to its page."""
    rows = []
    for s in stories:
        link = s.get("html")
        ok = isinstance(link, str) and ":" not in link and not link.startswith(("/", "\\")) and link.endswith(".html")
        rows.append({**s, "link": link if ok else None})
    return _env().get_template("index.html").render(stories=rows)
