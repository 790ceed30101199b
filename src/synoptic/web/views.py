"""What the pages show, computed from stored records: no HTTP and no HTML here.

The templates get plain, already-computed structures (pieces of text with classes, SVG
coordinates, per-story counts) so that they only loop and escape. Every string that came from an
article stays a plain ``str`` here and is escaped by Jinja2's autoescape when rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from synoptic.records import Extraction, Story

# Timeline chart geometry, in SVG user units (the chart scales to the page width).
TIMELINE_WIDTH = 760
TIMELINE_LEFT = 40
TIMELINE_RIGHT = 40
TIMELINE_AXIS_Y = 36
TIMELINE_DOT_GAP = 16
TIMELINE_MIN_HEIGHT = 96
TIMELINE_LABEL_GAP = 64  # the least room between two date labels on the axis (about 8 characters)

# How far around a cited span the "source sentence" may reach when it is highlighted.
SENTENCE_MAX_REACH = 600
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s|\n")

# Link schemes a page may turn into an href; anything else (javascript:, data:, ...) is shown as text.


@dataclass(frozen=True)
class Mark:
    """A highlight over ``text[start:end]`` of one article."""

    start: int
    end: int
    kind: str  # entity, figure, quote, date, cited
    note: str = ""


@dataclass
class Piece:
    """A run of text that carries the same set of highlights."""

    text: str
    classes: tuple[str, ...] = ()
    note: str = ""

    @property
    def css(self) -> str:
        """The CSS classes of this piece, space-separated (class names are ours, never article text)."""
        return " ".join(["hl-" + c for c in self.classes])


def pieces_html(pieces: Iterable[Piece]) -> Markup:
    """Pieces as HTML: each highlighted run in a ``<span class="hl-...">``, every text escaped.

    Done in Python rather than in a template loop: an article has hundreds of pieces, and this is
    the hot path of the story and article pages.
    """
    out: list[str] = []
    for p in pieces:
        text = escape(p.text)
        if not p.classes:
            out.append(text)
        elif p.note:
            out.append(f'<span class="{p.css}" title="{escape(p.note)}">{text}</span>')
        else:
            out.append(f'<span class="{p.css}">{text}</span>')
    return Markup("".join(out))


@dataclass
class Highlighted:
    """An article text cut into pieces: before the focus span, the focus span, after it."""

    before: list[Piece] = field(default_factory=list)
    focus: list[Piece] = field(default_factory=list)
    after: list[Piece] = field(default_factory=list)
    has_focus: bool = False


def clamp_span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """A valid ``(start, end)`` inside ``text``, or None when the span is missing or empty."""
    if start is None or end is None:
        return None
    start = max(0, min(int(start), len(text)))
    end = max(0, min(int(end), len(text)))
    if end <= start:
        return None
    return start, end


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) that contains ``text[start:end]``, within ``SENTENCE_MAX_REACH``.

    1. Walk back from ``start`` to just after the previous sentence end or line break.
    2. Walk forward from ``end`` to the next sentence end or line break.
    """
    # 1. backwards
    lo = max(0, start - SENTENCE_MAX_REACH)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    if left == lo and lo > 0:
        left = start
    # 2. forwards
    hi = min(len(text), end + SENTENCE_MAX_REACH)
    stop = _SENTENCE_END.search(text, max(end - 1, 0), hi)
    right = stop.start() + 1 if stop else (hi if hi == len(text) else end)
    if stop and text[stop.start()] == "\n":
        right = stop.start()
    right = max(right, end)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def extraction_marks(extraction: Extraction | None) -> list[Mark]:
    """Highlights for everything extracted from one article (entities, figures, quotes, dates)."""
    if extraction is None:
        return []
    marks: list[Mark] = []
    for m in extraction.mentions:
        name = f" = {m.entity}" if m.entity and m.entity != m.text else ""
        marks.append(Mark(m.start, m.end, "entity", f"{m.type}{name}"))
    for f in extraction.figures:
        what = " ".join(x for x in (f.category, f.subject) if x)
        marks.append(Mark(f.start, f.end, "figure", f"figure {interval_text(f.low, f.high)} {what}".strip()))
    for q in extraction.quotes:
        who = q.entity or q.speaker or "unknown speaker"
        marks.append(Mark(q.start, q.end, "quote", f"{q.kind} quote: {who}"))
    for d in extraction.dates:
        marks.append(Mark(d.start, d.end, "date", f"date {d.value or '?'}"))
    return marks


def highlight(text: str, marks: Iterable[Mark], focus: tuple[int, int] | None = None,
              sentence: tuple[int, int] | None = None) -> Highlighted:
    """Cut ``text`` into pieces so that overlapping highlights each keep their class.

    1. Collect every boundary (mark starts and ends, the focus and sentence bounds).
    2. Between two neighbouring boundaries the set of covering marks is constant: one piece.
    3. Pieces inside the focus span go to ``focus`` (rendered inside one ``<mark id="hl">``).
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    if sentence is not None:
        valid.append(Mark(sentence[0], sentence[1], "sentence"))
    # 1. boundaries
    cuts = {0, n}
    for m in valid:
        cuts.add(m.start)
        cuts.add(m.end)
    if focus is not None:
        cuts.update(focus)
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out = Highlighted(has_focus=focus is not None)
    # 2. one piece per stretch between boundaries
    for a, b in zip(points, points[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        if b <= a:
            continue
        classes = tuple(sorted({m.kind for m in active}))
        note = " · ".join(dict.fromkeys(m.note for m in active if m.note))
        piece = Piece(text[a:b], classes, note)
        # 3. where it goes
        if focus is None or b <= focus[0]:
            out.before.append(piece)
        elif a >= focus[1]:
            out.after.append(piece)
        else:
            out.focus.append(piece)
    return out


def interval_text(low: float | None, high: float | None) -> str:
    """An interval as people read it: ``740``, ``> 740``, ``< 750``, ``700–750``."""
    low = None if low is not None and low in (float("-inf"), float("inf")) else low  # open ends
    high = None if high is not None and high in (float("-inf"), float("inf")) else high
    if low is None and high is None:
        return "?"
    if low is not None and high is not None:
        return number(low) if low == high else f"{number(low)}–{number(high)}"
    if low is not None:
        return f"≥ {number(low)}"
    return f"≤ {number(high)}"


def number(value: Any) -> str:
    """A figure without a useless ``.0`` and with thousands separators."""
    if value is None:
        return "?"
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if v != v or v in (float("inf"), float("-inf")):
        return "∞" if v > 0 else "-∞" if v < 0 else "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:  # 9,600,000,000 reads as "9.6 billion"
            return f"{v / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------ stories


@dataclass
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    sources: int
    outlets: list[str]
    first: str | None
    last: str | None
    conflicts: int
    facts: int

    def as_json(self) -> dict[str, Any]:
        """The API's view of a story in a list."""
        return {
            "id": self.id, "title": self.title, "sources": self.sources, "outlets": self.outlets,
            "first_seen": self.first, "last_seen": self.last, "conflicts": self.conflicts,
            "facts": self.facts,
        }


def _day(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10] or None


def story_row(story: Story, brief: dict[str, Any] | None) -> StoryRow:
    """Counts for the story list, from the brief when there is one, else from the story."""
    title = (brief or {}).get("title") or story.title or f"Story {story.id}"
    articles = (brief or {}).get("articles") or []
    outlets = sorted({a.get("outlet") for a in articles if a.get("outlet")})
    dates = sorted(d for d in (_day(a.get("published")) for a in articles) if d)
    first = dates[0] if dates else _day(story.first_seen)
    last = dates[-1] if dates else _day(story.last_seen)
    facts = (brief or {}).get("facts") or []
    conflicts = sum(1 for f in facts if f.get("verdict") == "conflict")
    sources = len(articles) or len(story.article_ids)
    return StoryRow(story.id, str(title), sources, [str(o) for o in outlets], first, last, conflicts, len(facts))


# ------------------------------------------------------------------ timeline


@dataclass
class TimelinePoint:
    """A dot on the timeline chart."""

    x: float
    y: float
    label: str
    index: int  # position in the brief's timeline list (anchor #t-<index>)
    text: str


@dataclass
class TimelineChart:
    """The timeline as SVG geometry."""

    width: int
    height: int
    axis_y: int
    x0: int
    x1: int
    ticks: list[tuple[float, str]]
    points: list[TimelinePoint]
    spans: list[tuple[float, float, float]]  # interval bars: x_from, x_to, y


def parse_day(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value covers: ``2022-01-07``, ``2022-01``, ``2022``, ``a/b``."""
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        pa, pb = parse_day(a), parse_day(b)
        if pa and pb:
            return pa[0], max(pa[1], pb[1])
        return pa or pb
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            first = date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def timeline_chart(entries: Sequence[dict[str, Any]]) -> TimelineChart | None:
    """Lay the brief's timeline out on a horizontal date axis (None when nothing has a date).

    1. Parse each entry's date into the days it covers; skip the ones that do not parse.
    2. Scale days to x between the margins; a single day sits in the middle.
    3. Stack entries of the same day upwards from the axis; intervals also get a bar.
    """
    parsed = []
    for i, e in enumerate(entries):  # 1.
        days = parse_day(str(e.get("date") or ""))
        if days:
            parsed.append((i, e, days))
    if not parsed:
        return None
    lo = min(p[2][0] for p in parsed).toordinal()
    hi = max(p[2][1] for p in parsed).toordinal()
    x0, x1 = TIMELINE_LEFT, TIMELINE_WIDTH - TIMELINE_RIGHT

    def xof(day: int) -> float:  # 2.
        if hi == lo:
            return (x0 + x1) / 2
        return x0 + (x1 - x0) * (day - lo) / (hi - lo)

    stack: dict[int, int] = {}
    points: list[TimelinePoint] = []
    spans: list[tuple[float, float, float]] = []
    for i, e, (a, b) in parsed:  # 3.
        key = a.toordinal()
        level = stack.get(key, 0)
        stack[key] = level + 1
        y = TIMELINE_AXIS_Y + 14 + level * TIMELINE_DOT_GAP
        points.append(TimelinePoint(round(xof(key), 1), y, str(e.get("date")), i, str(e.get("text") or "")))
        if b > a:
            spans.append((round(xof(a.toordinal()), 1), round(xof(b.toordinal()), 1), y))
    ticks: list[tuple[float, str]] = []
    last_label = -1e9
    for d in sorted({p[2][0].toordinal() for p in parsed}):
        x = xof(d)
        day = date.fromordinal(d)
        label = day.strftime("%-d %b") if ticks else day.strftime("%-d %b %Y")
        if day.year != date.fromordinal(lo).year:
            label = day.strftime("%-d %b %Y")
        # every date gets a tick; a label only where it does not run into the previous one
        ticks.append((round(x, 1), label if x - last_label >= TIMELINE_LABEL_GAP else ""))
        if x - last_label >= TIMELINE_LABEL_GAP:
            last_label = x
    height = max(TIMELINE_MIN_HEIGHT, TIMELINE_AXIS_Y + 30 + max(stack.values()) * TIMELINE_DOT_GAP)
    return TimelineChart(TIMELINE_WIDTH, height, TIMELINE_AXIS_Y, x0, x1, ticks, points, spans)


# ------------------------------------------------------------------ entities


def merge_entities(briefs: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Entities across stories: one row per (name, type) with all variants and the stories they occur in."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for story_id, brief in briefs:
        for e in brief.get("entities") or []:
            name = str(e.get("name") or "").strip()
            if not name:
                continue
            etype = str(e.get("type") or "")
            row = rows.setdefault((name.casefold(), etype), {
                "name": name, "type": etype, "variants": [], "stories": [], "articles": 0})
            for v in e.get("variants") or []:
                if v not in row["variants"]:
                    row["variants"].append(v)
            if story_id not in row["stories"]:
                row["stories"].append(story_id)
            row["articles"] += len(e.get("articles") or [])
    return sorted(rows.values(), key=lambda r: (-len(r["stories"]), -r["articles"], r["name"].casefold()))


def entity_matches(row: dict[str, Any], query: str) -> bool:
    """Whether an entity row's name or one of its variants contains ``query`` (case-insensitive)."""
    q = query.casefold()
    return q in row["name"].casefold() or any(q in str(v).casefold() for v in row["variants"])
