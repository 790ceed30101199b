"""The typed records that flow between synoptic's stages (the nouns of DESIGN.md).

Every stage takes records and returns new ones; nothing here does work beyond small helpers.
Offsets (``start``/``end``) are character offsets into the text the stage was given: for an
:class:`Article` that is its cleaned ``text`` unless a field says otherwise.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, TypeAlias

PublishedHow = Literal["metadata", "text", "inferred", "none"]
QuoteKind = Literal["direct", "partial", "indirect"]
Verdict = Literal["agree", "consistent", "conflict", "single-source"]


def text_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class RemovedLine:
    """A line that cleaning took out of an article, kept for audit."""

    text: str
    reason: str
    start: int = -1  # offset of the line in the raw text, -1 when unknown


@dataclass(frozen=True)
class Segment:
    """A run of cleaned text copied verbatim from the raw text.

    ``clean_start`` is the offset in ``Article.text``, ``raw_start`` the offset in
    ``Article.raw_text``; ``length`` characters are identical in both.
    """

    clean_start: int
    raw_start: int
    length: int


@dataclass
class Article:
    """One news report after ingest (and, once cleaned, with ``text`` cleaned)."""

    id: str
    text: str
    raw_text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # naive UTC: aware values converted, zone dropped
    published_how: PublishedHow = "none"
    updated: datetime | None = None
    byline: str | None = None
    language: str | None = None
    source: str | None = None  # where it came from: a path, a URL, "stdin:3"
    removed: list[RemovedLine] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # cleaned -> raw offset map
    html: str | None = None  # the HTML it was extracted from, when it was HTML

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to the same character in ``raw_text``.

        Returns the offset unchanged when there is no segment map (the text was not
        cleaned, or came from HTML where the raw text is not the extracted text).
        """
        if not self.segments:
            return clean_offset
        for seg in self.segments:
            if seg.clean_start <= clean_offset <= seg.clean_start + seg.length:
                return seg.raw_start + (clean_offset - seg.clean_start)
        last = self.segments[-1]
        return last.raw_start + last.length

    def replace(self, **changes: Any) -> Article:
        """A copy with some fields changed (stages return new records)."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text[start:end]``."""

    article: str
    start: int
    end: int


@dataclass
class Mention:
    """A named-entity mention in one article."""

    text: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, ...
    start: int
    end: int
    article: str = ""
    entity: str | None = None  # canonical name once resolved


@dataclass
class Entity:
    """One person, organisation or place, under all the names the sources give it."""

    name: str
    type: str
    variants: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """Ids of the articles that mention it, in first-seen order."""
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.article, None)
        return list(seen)


@dataclass
class Figure:
    """A numeric claim: a value with its qualifier as an interval, what it counts, and where."""

    text: str
    start: int
    end: int
    value: float
    low: float | None  # None: open towards minus infinity
    high: float | None  # None: open towards infinity
    qualifier: str | None = None  # as written: "more than", "almost", "some"
    unit: str | None = None  # "EUR", "months", ...
    category: str | None = None  # killed, injured, arrested, money, duration, age, percent, measure ...
    subject: str | None = None  # "security forces", "demonstrators"
    attribution: str | None = None  # "the Interior Ministry"
    label: str | None = None  # the words that say what is counted, as written
    article: str = ""
    low_inclusive: bool = True
    high_inclusive: bool = True
    # What it counts, read from the parse of its sentence (extract.reading):
    dimension: str | None = None  # "count", "money:EUR", "percent", "length", "mass", "duration", "age" ...
    counted: str | None = None  # the counted phrase as written, from the number ("23 Somali pirates")
    noun: str | None = None  # the counted noun, singular lower case ("pirate"); None for a bare number
    modifiers: tuple[str, ...] = ()  # its modifiers ("ak-47", "assault")
    aliases: tuple[str, ...] = ()  # other names of a measured thing in its sentence ("boat", "salahaddin")
    predicate: str | None = None  # what happened to it: a class ("killed", "detained") or the verb
    scope: str | None = None  # places or holders named in its phrases ("athens", "aden")
    time_ref: str | None = None  # a year or period it is dated to ("2014", "last year", "november")
    subgroup: bool = False  # written after "of whom", "including": part of another count
    context: tuple[str, ...] = ()  # content words of its sentence, the number left out
    side: str | None = None  # who is counted: "security forces", "protesters", "civilians", "people"
    framing: str | None = None  # how that side is named: "protesters" / "criminals" (one side, two framings)
    event: str | None = None  # the casualty event its clause names, carried over a list ("18 killed, 700 injured")
    about: str | None = None  # what a sum of money is: "losses", "trade", "revenue", "damage", "cost" ...
    restates: bool = False  # the figure before it converted, in brackets ("85 million euros ($108 million)")
    rising: bool = False  # given as a count that changed ("rose to 369", "the toll has climbed to 45")
    increment: bool = False  # counts an addition, not a total ("two more tugs", "another three")
    when: bool = False  # says when, not how much ("30 months ago", "1100 hrs")
    role: str | None = None  # "undergoes" its predicate ("seized two boats") or "does" it ("two boats were firing")
    agent: bool = False  # what is counted did what the predicate says ("four robbers stole"), not had it done
    gap: str | None = None  # what a span lies between: the verb of "married two weeks before the shooting"; "away"
    hypothetical: bool = False  # said of no real occasion: "there might have been two killed", "than a 21-year-old"


@dataclass
class Quote:
    """Words attributed to a speaker."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # the speaker as written ("he", "Tokayev")
    speaker_start: int | None = None
    speaker_end: int | None = None
    entity: str | None = None  # canonical speaker name once resolved
    cue: str | None = None
    article: str = ""


@dataclass
class TimeRef:
    """A time expression with its normalized value."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date "2022-01-07", month "2022-01", interval "2022-01-07/2022-01-19"
    granularity: str = "day"  # day, month, year, week, quarter, half, season, decade, century, ref, time
    anchor: str | None = None  # the date it was resolved against
    article: str = ""


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: str
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[TimeRef] = field(default_factory=list)
    published: date | None = None  # the date dates were anchored on (the article's, or inferred)
    published_how: PublishedHow = "none"  # how it was found; "inferred" from the text and story peers


@dataclass
class Story:
    """Articles about one event."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    title: str | None = None
    merged_from: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the brief


@dataclass(frozen=True)
class Citation:
    """A pointer into an article's stored (cleaned) text."""

    article: str
    start: int
    end: int


@dataclass
class SummarySentence:
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class FactReport:
    article: str
    text: str
    start: int
    end: int
    value: float
    qualifier: str | None = None
    label: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass
class FactGroup:
    label: str
    verdict: Verdict
    framing_differs: bool = False
    low: float | None = None
    high: float | None = None
    category: str | None = None
    subject: str | None = None
    unit: str | None = None
    reports: list[FactReport] = field(default_factory=list)
    dimension: str | None = None  # count, money:<ISO>, percent, length, mass, duration, age, ...
    noun: str | None = None  # what is counted, singular ("pirate"); for a share, what it is a share of
    predicate: str | None = None  # what happened to it: killed, injured, detained, seized, ... or the verb
    scope: str | None = None  # places or holders the reports name ("athens")
    time_ref: str | None = None  # the year or period the reports are dated to ("2014", "this year")
    latest: str | None = None  # for a count that grew over time: the article of the latest report


@dataclass
class QuoteVariant:
    article: str
    text: str
    start: int
    end: int
    kind: QuoteKind


@dataclass
class QuoteGroup:
    speaker: str | None
    text: str
    variants: list[QuoteVariant] = field(default_factory=list)


@dataclass
class EntitySummary:
    name: str
    type: str
    variants: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry:
    """A date of the story with what happened (or is announced) on it and the spans that give it."""

    date: str  # the first day the date covers, YYYY-MM-DD (sortable); read it with ``granularity``
    text: str
    evidence: list[Citation] = field(default_factory=list)  # one span per source
    evidence_text: list[str] = field(default_factory=list)
    granularity: str = "day"  # day, month or year: "2022-01-01" with "month" is January 2022
    kind: str = "event"  # "event": it took place; "announced": a date still ahead when every source wrote


@dataclass
class SourceInfo:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_how: PublishedHow = "none"
    removed: int = 0  # lines cleaning took out


@dataclass
class Brief:
    """What synoptic tells its user about one story (see ``synoptic.brief`` for the schema)."""

    story: str
    title: str | None
    articles: list[SourceInfo] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[FactGroup] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    entities: list[EntitySummary] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    schema: str = "synoptic.brief/1"


# ---------------------------------------------------------------- what the store lists

#: A JSON value as the edges write it (HTTP answers, files): what ``json.dumps`` takes.
JSONValue: TypeAlias = "str | int | float | bool | None | list[JSONValue] | dict[str, JSONValue]"
JSONObject: TypeAlias = "dict[str, JSONValue]"


@dataclass(frozen=True)
class SearchHit:
    """An article the full-text search found, best match first (``Store.search``)."""

    id: str
    title: str | None
    snippet: str  # the matching words in ``[`` ``]``, cut with ``…``
    story: str | None  # the (first) story holding it; None before stories are grouped

    def as_json(self) -> JSONObject:
        return {"id": self.id, "title": self.title, "snippet": self.snippet, "story": self.story}


@dataclass(frozen=True)
class StoryOverview:
    """A story as the listing shows it (``Store.story_overview``): counts read from the store,
    no brief needed."""

    id: str
    title: str | None
    articles: int  # current member articles
    outlets: int  # distinct outlets among them (case-insensitive)
    first_seen: str | None  # ISO 8601 as stored
    last_seen: str | None

    def as_json(self) -> JSONObject:
        """The row as ``synoptic stories --json`` prints it."""
        return {"id": self.id, "title": self.title, "articles": self.articles, "outlets": self.outlets,
                "first_seen": self.first_seen, "last_seen": self.last_seen}
