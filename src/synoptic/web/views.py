"""What the pages show, computed from stored records: no HTTP and no HTML here.

The templates get plain, already-computed structures (pieces of text with classes, SVG
coordinates, per-story counts) so that they only loop and escape. Every string that came from an
article stays a plain ``str`` here and is escaped by Jinja2's autoescape when rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from jinja2 import Undefined
from markupsafe import Markup, escape

from synoptic.records import Article, Brief, Extraction, Story
from synoptic.util.sentences import sentence_bounds

# Timeline chart geometry, in SVG user units (the chart scales to the page width: about 1,200 px
# at 1280, so a unit is about a pixel and the 12-unit labels read at 12-13 px).
TIMELINE_WIDTH = 1160
TIMELINE_LEFT = 24
TIMELINE_RIGHT = 24
TIMELINE_AXIS_Y = 36
TIMELINE_DOT_GAP = 12  # dots of one day stack down from the axis this far apart
TIMELINE_MIN_HEIGHT = 96
TIMELINE_LABEL_GAP = 64  # the least room between two date labels on the axis (about 8 characters)
# A gap between two dated events longer than this is drawn as a break in the axis of fixed width,
# so one far date (a background event years back, a trial next year) cannot squash the others into
# a dot: the seeds' events sit within a week, their background reaches back decades.
TIMELINE_BREAK_DAYS = 21
TIMELINE_BREAK_WIDTH = 36
TIMELINE_MIN_DAY_WIDTH = 28  # the least room between two neighbouring dates
# Event labels under the axis: the first words of the event, in lanes that never overlap.
TIMELINE_LABEL_CHARS = 52
TIMELINE_CHAR_WIDTH = 6.2  # average advance of a 12-unit sans-serif character
TIMELINE_LANE_HEIGHT = 18

# How far around a cited span the "source sentence" may reach when it is highlighted.
SENTENCE_MAX_REACH = 600

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
    """The sentence (by the one splitter, :mod:`synoptic.util.sentences`) that contains
    ``text[start:end]``, reaching at most ``SENTENCE_MAX_REACH`` characters either side of it (past
    that, the span's own end).

    Only the lines holding the span are split: the splitter cuts lines first, so their sentences are
    the ones it gives for the whole text, and a page costs one paragraph of pysbd, not the article.
    """
    line0 = text.rfind("\n", 0, start) + 1
    line1 = text.find("\n", end)
    line1 = len(text) if line1 < 0 else line1
    left, right = sentence_bounds(text[line0:line1], start - line0, end - line0, cover=True)
    left, right = left + line0, right + line0
    if left < start - SENTENCE_MAX_REACH:
        left = start
    if right > end + SENTENCE_MAX_REACH:
        right = end
    return left, max(right, end)


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


def number(value: object) -> str:
    """A figure without a useless ``.0`` and with thousands separators ("?" for none, or for a
    field a brief from elsewhere lacks)."""
    if value is None or isinstance(value, Undefined):
        return "?"
    if not isinstance(value, int | float | str):
        return str(value)
    try:
        v = float(value)
    except ValueError:
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


def _day(value: str | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()[:10]
    return str(value)[:10] or None


def story_row(story: Story, brief: Brief | None, articles: Iterable[Article] = ()) -> StoryRow:
    """Counts for the story list, from the brief when there is one, else from the story's
    ``articles`` (``Article`` records: outlets and dates without a brief yet)."""
    title = (brief.title if brief is not None else None) or story.title or f"Story {story.id}"
    sources: list[tuple[str | None, str | datetime | None]]
    if brief is None:
        sources = [(a.outlet, a.published) for a in articles]
    else:
        sources = [(a.outlet, a.published) for a in brief.articles]
    outlets = sorted({outlet for outlet, _ in sources if outlet})
    dates = sorted(d for d in (_day(published) for _, published in sources) if d)
    first = dates[0] if dates else _day(story.first_seen)
    last = dates[-1] if dates else _day(story.last_seen)
    facts = brief.facts if brief is not None else []
    conflicts = sum(1 for f in facts if f.verdict == "conflict")
    count = len(sources) or len(story.article_ids)
    return StoryRow(story.id, str(title), count, [str(o) for o in outlets], first, last, conflicts, len(facts))


# ------------------------------------------------------------------ timeline


@dataclass
class TimelinePoint:
    """A dot on the timeline chart and its label."""

    x: float
    y: float
    label: str
    index: int  # position in the brief's timeline list (anchor #t-<index>)
    text: str
    short: str = ""  # the label's words: the start of the event
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"  # SVG text-anchor of the label


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
    segments: list[tuple[float, float]] = field(default_factory=list)  # the axis, between breaks
    breaks: list[float] = field(default_factory=list)  # x of each break in the axis
    break_days: int = TIMELINE_BREAK_DAYS


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


#: Granularities of a timeline date, coarse to fine (the value's own: "2022", "2022-01", "2022-01-07").
YEAR_LEVEL, MONTH_LEVEL, DAY_LEVEL = 0, 1, 2


def value_granularity(value: str) -> int:
    """How fine an ISO date value is: YEAR_LEVEL, MONTH_LEVEL or DAY_LEVEL (an interval by its start)."""
    m = re.match(r"^\s*\d{4}(-\d{2})?(-\d{2})?", value.partition("/")[0])
    if not m or not m.group(1):
        return YEAR_LEVEL
    return DAY_LEVEL if m.group(2) else MONTH_LEVEL


def tick_label(when: date, granularity: int, with_year: bool) -> str:
    """A chart tick as fine as its date: "1989" for a year, "Jan 1989" for a month, "7 Jan 1989" for a
    day (month and day without their year when ``with_year`` is false and the axis already said it)."""
    if granularity == YEAR_LEVEL:
        return str(when.year)
    if granularity == MONTH_LEVEL:
        return when.strftime("%b %Y") if with_year else when.strftime("%b")
    return when.strftime("%-d %b %Y") if with_year else when.strftime("%-d %b")


def short_label(text: str, limit: int = TIMELINE_LABEL_CHARS) -> str:
    """The first words of ``text`` within ``limit`` characters, with an ellipsis when cut."""
    words = " ".join(str(text or "").split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0] or words[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class ChartEntry:
    """What the timeline chart places: a date value (``2022-01-07``, ``2022-01``, ``2022``, ``a/b``)
    and the event's words."""

    date: str
    text: str = ""


def timeline_chart(entries: Sequence[ChartEntry]) -> TimelineChart | None:
    """Lay the brief's timeline out on a horizontal date axis (None when nothing has a date).

    1. Parse each entry's date into the days it covers; skip the ones that do not parse.
    2. Place the distinct days: each gap is as wide as its days (at least TIMELINE_MIN_DAY_WIDTH
       apart), except a gap over TIMELINE_BREAK_DAYS, which becomes a break of fixed width; then
       scale everything to the chart's width.
    3. Stack entries of the same day down from the axis; intervals also get a bar.
    4. Label every entry under the axis with its number and first words, each in the first lane
       where it does not run into the label before it.
    """
    parsed = []
    for i, e in enumerate(entries):  # 1.
        covered = parse_day(e.date)
        if covered:
            parsed.append((i, e, covered))
    if not parsed:
        return None
    x0, x1 = TIMELINE_LEFT, TIMELINE_WIDTH - TIMELINE_RIGHT
    # 2. positions of the distinct days (interval ends included, so a bar has somewhere to end)
    days: list[int] = sorted({d.toordinal() for _, _, (a, b) in parsed for d in (a, b)})
    raw = {days[0]: 0.0}
    breaks_raw: list[float] = []
    for prev, day in zip(days, days[1:], strict=False):
        gap = day - prev
        if gap > TIMELINE_BREAK_DAYS:
            breaks_raw.append(raw[prev] + TIMELINE_BREAK_WIDTH / 2)
            raw[day] = raw[prev] + TIMELINE_BREAK_WIDTH
        else:
            raw[day] = raw[prev] + max(float(gap), 1.0)
    total = raw[days[-1]]
    # the least room between neighbours, in raw units, after scaling to the chart's width
    scale = (x1 - x0) / total if total else 0.0
    if total and min((raw[b] - raw[a]) for a, b in zip(days, days[1:], strict=False)) * scale < TIMELINE_MIN_DAY_WIDTH:
        # too many dates for their gaps: every neighbour the same room, breaks kept
        raw = {d: float(k) for k, d in enumerate(days)}
        breaks_raw = [raw[a] + 0.5 for a, b in zip(days, days[1:], strict=False) if b - a > TIMELINE_BREAK_DAYS]
        total = raw[days[-1]]
        scale = (x1 - x0) / total if total else 0.0

    def xof(day: int) -> float:
        return round((x0 + x1) / 2 if not total else x0 + raw[day] * scale, 1)

    breaks = [round(x0 + b * scale, 1) for b in breaks_raw]
    segments: list[tuple[float, float]] = []
    start = float(x0)
    for b in breaks:
        segments.append((start, b - 9))
        start = b + 9
    segments.append((start, float(x1)))
    # 3. dots
    stack: dict[int, int] = {}
    points: list[TimelinePoint] = []
    spans: list[tuple[float, float, float]] = []
    for i, e, (first_day, last_day) in parsed:
        key = first_day.toordinal()
        level = stack.get(key, 0)
        stack[key] = level + 1
        y = TIMELINE_AXIS_Y + 10 + level * TIMELINE_DOT_GAP
        points.append(TimelinePoint(xof(key), y, e.date, i, e.text))
        if last_day > first_day:
            spans.append((xof(key), xof(last_day.toordinal()), y))
    # 4. labels in lanes, left to right
    lanes_top = TIMELINE_AXIS_Y + 10 + max(stack.values()) * TIMELINE_DOT_GAP + 16
    lane_ends: list[float] = []
    for point in sorted(points, key=lambda q: (q.x, q.index)):
        point.short = short_label(point.text)
        width = (len(point.short) + len(str(point.index + 1)) + 1) * TIMELINE_CHAR_WIDTH
        left, point.anchor, point.label_x = point.x - 4, "start", point.x - 4
        if left + width > TIMELINE_WIDTH - 2:  # near the right edge: the label ends at its dot
            left, point.anchor, point.label_x = point.x + 4 - width, "end", point.x + 4
        lane = next((k for k, end in enumerate(lane_ends) if end + 10 <= left), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(left + width)
        else:
            lane_ends[lane] = left + width
        point.label_y = lanes_top + lane * TIMELINE_LANE_HEIGHT
    # date ticks above the axis: every date a tick, a label where it does not run into the last
    ticks: list[tuple[float, str]] = []
    last_label = -1e9
    first_year = date.fromordinal(days[0]).year
    finest: dict[int, int] = {}  # the finest granularity of the entries starting on each day
    for _i, e, (first_day, _last) in parsed:
        key = first_day.toordinal()
        finest[key] = max(finest.get(key, 0), value_granularity(e.date))
    for d in sorted(finest):
        x = xof(d)
        when = date.fromordinal(d)
        label = tick_label(when, finest[d], with_year=not ticks or when.year != first_year)
        room = x - last_label >= TIMELINE_LABEL_GAP
        ticks.append((x, label if room else ""))
        if room:
            last_label = x
    height = max(TIMELINE_MIN_HEIGHT, int(lanes_top + max(len(lane_ends) - 1, 0) * TIMELINE_LANE_HEIGHT + 12))
    return TimelineChart(TIMELINE_WIDTH, height, TIMELINE_AXIS_Y, x0, x1, ticks, points, spans, segments, breaks)


# ------------------------------------------------------------------ entities


@dataclass
class EntityRow:
    """One person, organisation or place across the stored stories (the entities page and API)."""

    name: str
    type: str
    variants: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # ids of the stories naming it, in first-seen order
    articles: int = 0  # articles naming it, summed over those stories


def merge_entities(briefs: Iterable[tuple[str, Brief]]) -> list[EntityRow]:
    """Entities across stories: one row per (name, type) with all variants and the stories they occur in."""
    rows: dict[tuple[str, str], EntityRow] = {}
    for story_id, brief in briefs:
        for e in brief.entities:
            name = str(e.name or "").strip()
            if not name:
                continue
            etype = str(e.type or "")
            row = rows.setdefault((name.casefold(), etype), EntityRow(name=name, type=etype))
            for v in e.variants:
                if v not in row.variants:
                    row.variants.append(v)
            if story_id not in row.stories:
                row.stories.append(story_id)
            row.articles += len(e.articles)
    return sorted(rows.values(), key=lambda r: (-len(r.stories), -r.articles, r.name.casefold()))


def entity_matches(row: EntityRow, query: str) -> bool:
    """Whether an entity row's name or one of its variants contains ``query`` (case-insensitive)."""
    q = query.casefold()
    return q in row.name.casefold() or any(q in str(v).casefold() for v in row.variants)
