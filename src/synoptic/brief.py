"""The brief of one story: what synoptic tells its user, every line pointing into the sources.

:func:`build_brief` assembles the summary, the fact table, the quote groups, the entities and the
timeline of a story; :func:`to_json` / :func:`from_json` convert it to and from its versioned JSON
form (schema ``synoptic.brief/1``, :func:`json_schema`, documented in ``docs/brief-schema.md``).
Offsets in the JSON are character offsets into each article's stored (cleaned) text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from typing import Any

from synoptic.lang.en.names import bare_place
from synoptic.records import (
    Article,
    Brief,
    Citation,
    EntitySummary,
    Extraction,
    FactGroup,
    FactReport,
    QuoteGroup,
    QuoteVariant,
    SourceInfo,
    Story,
    SummarySentence,
    TimelineEntry,
)
from synoptic.timing import stage

log = logging.getLogger("synoptic")

SCHEMA_VERSION = "synoptic.brief/1"

#: An entity is listed when it is named in at least this many articles, or at least
#: ``ENTITY_MIN_MENTIONS`` times in all (the seeds: 17 gold entities, most in >= 2 articles).
ENTITY_MIN_ARTICLES = 2
ENTITY_MIN_MENTIONS = 2
#: Entity types listed first, in this order; the others follow by how widely they are named.
ENTITY_TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’»)]*|$)")


def build_brief(story: Story, articles: list[Article], extractions: list[Extraction],
                max_words: int = 200) -> Brief:
    """The brief of ``story`` from its cleaned ``articles`` and their ``extractions``.

    Steps:
    1. sources, in the story's order, with publication dates and how they were found;
    2. summary: ``synoptic.summarize.summarize_story`` within ``max_words``, every sentence
       cited (the articles' lead sentences, cited, when no summarizer is installed);
    3. fact groups, quote groups and the timeline (``synoptic.reconcile``);
    4. entities that matter: named in >= ``ENTITY_MIN_ARTICLES`` articles or
       >= ``ENTITY_MIN_MENTIONS`` times, people and organisations first.
    """
    from synoptic import reconcile

    order = {aid: i for i, aid in enumerate(story.article_ids)}
    arts = sorted(articles, key=lambda a: order.get(a.id, len(order)))
    ids = {a.id for a in arts}
    exs = [e for e in extractions if e.article in ids]
    # 1. sources
    anchors = {e.article: e for e in exs}
    sources = [_source(a, anchors.get(a.id)) for a in arts]
    # 2. summary
    with stage("summary"):
        summary = _summary(arts, exs, max_words)
    # 3. reconcile
    facts = reconcile.fact_groups(arts, exs)
    quotes = reconcile.quote_groups(arts, exs)
    events = reconcile.timeline(arts, exs)
    # 4. entities
    entities = entity_summaries(arts, exs)
    title = _title(story, arts, summary, exs)
    return Brief(story=story.id, title=title, articles=sources, summary=summary, facts=facts,
                 quotes=quotes, entities=entities, timeline=events, schema=SCHEMA_VERSION)


def _title(story: Story, arts: list[Article], summary: list[SummarySentence],
           extractions: list[Extraction] | None = None) -> str | None:
    """The story's title: a headline of its articles, else the lead clause of its summary's first
    sentence (``synoptic.summarize.story_title``); the clusterer's title when that finds none."""
    try:
        from synoptic.summarize import story_title

        title = story_title(arts, summary, extractions)
    except ImportError:
        title = None
    return title or story.title or next((a.title for a in arts if a.title), None)


def _source_title(a: Article) -> str | None:
    """A source's title: its headline, else its lead clause (``synoptic.summarize.article_title``)."""
    try:
        from synoptic.summarize import article_title
    except ImportError:
        return a.title
    return article_title(a)


def _source(a: Article, ex: Extraction | None) -> SourceInfo:
    """A source line; the date is the article's own, else the one extraction inferred for it."""
    published: str | None = a.published.isoformat() if a.published else None
    how = a.published_how if a.published else "none"
    anchored = getattr(ex, "published", None)
    if published is None and anchored is not None:
        published, how = anchored.isoformat(), getattr(ex, "published_how", "inferred")
    return SourceInfo(id=a.id, title=_source_title(a), outlet=a.outlet, url=a.url, published=published,
                      published_how=how, removed=len(a.removed))


def _summary(articles: list[Article], extractions: list[Extraction], max_words: int) -> list[SummarySentence]:
    try:
        from synoptic.summarize import summarize_story
    except ImportError:
        return lead_summary(articles, max_words)
    try:
        sentences = summarize_story(articles, extractions, max_words=max_words)
    except Exception as e:  # one story's summary must not take the run down: fall back to the leads
        log.warning("summary of %d articles failed (%s: %s); using their lead sentences",
                    len(articles), type(e).__name__, e)
        return lead_summary(articles, max_words)
    # every sentence must stay cited and within the budget, whoever wrote the summarizer
    kept: list[SummarySentence] = []
    words = 0
    for s in sentences:
        n = len(s.text.split())
        if not s.citations or words + n > max_words:
            continue
        kept.append(s)
        words += n
    return kept


def lead_summary(articles: list[Article], max_words: int = 200) -> list[SummarySentence]:
    """The first sentence of each article (in order, within ``max_words``), each cited."""
    out: list[SummarySentence] = []
    words = 0
    for a in articles:
        for m in _SENTENCE.finditer(a.text):
            text = m.group(0).strip()
            n = len(text.split())
            if n < 6 or (a.title and text.strip() == a.title.strip()):
                continue
            if words + n <= max_words:
                start = a.text.index(text, m.start())
                out.append(SummarySentence(text=text, citations=[Citation(a.id, start, start + len(text))]))
                words += n
            break
    return out


def entity_summaries(articles: list[Article], extractions: list[Extraction]) -> list[EntitySummary]:
    """The story's entities that matter, under their canonical names, with variants and articles."""
    order = {a.id: i for i, a in enumerate(articles)}
    mentions: dict[str, list[Any]] = defaultdict(list)
    for ex in extractions:
        for m in ex.mentions:
            name = (m.entity or m.text or "").strip()
            if name:
                mentions[name].append((ex.article, m))
    out: list[tuple[tuple[int, int, int, str], EntitySummary]] = []
    for name, ms in mentions.items():
        arts = sorted({a for a, _ in ms}, key=lambda a: order.get(a, len(order)))
        if len(arts) < ENTITY_MIN_ARTICLES and len(ms) < ENTITY_MIN_MENTIONS:
            continue
        types = Counter(m.type for _, m in ms)
        etype = types.most_common(1)[0][0]
        variants = list(dict.fromkeys(" ".join(m.text.split()) for _, m in ms))
        if etype in ("GPE", "LOC", "FAC"):  # "Dargehan area" is also written "Dargehan"
            variants += [b for b in dict.fromkeys(map(bare_place, variants)) if b and b not in variants]
        rank = ENTITY_TYPE_ORDER.index(etype) if etype in ENTITY_TYPE_ORDER else len(ENTITY_TYPE_ORDER)
        # people and organisations first; within a type, the most widely named first
        key = (0 if etype in ("PERSON", "ORG") else 1, -len(arts), rank, name)
        out.append((key, EntitySummary(name=name, type=etype, variants=variants, articles=arts)))
    out.sort(key=lambda kv: kv[0])
    return [e for _, e in out]


# ---------------------------------------------------------------- JSON
def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)


def to_json(brief: Brief) -> dict[str, Any]:
    """The brief as a JSON-ready dict following :func:`json_schema` (schema ``synoptic.brief/1``)."""
    return {
        "schema": SCHEMA_VERSION,
        "story": brief.story,
        "title": brief.title,
        "articles": [{"id": s.id, "title": s.title, "outlet": s.outlet, "url": s.url,
                      "published": s.published, "published_how": s.published_how, "removed": s.removed}
                     for s in brief.articles],
        "summary": [{"text": s.text, "citations": [{"article": c.article, "start": c.start, "end": c.end}
                                                   for c in s.citations]} for s in brief.summary],
        "facts": [{"label": f.label, "verdict": f.verdict, "framing_differs": f.framing_differs,
                   "low": _num(f.low), "high": _num(f.high), "category": f.category, "subject": f.subject,
                   "unit": f.unit,
                   "reports": [{"article": r.article, "text": r.text, "start": r.start, "end": r.end,
                                "value": _num(r.value), "qualifier": r.qualifier, "label": r.label,
                                "low": _num(r.low), "high": _num(r.high)}
                               for r in f.reports],
                   "dimension": f.dimension, "noun": f.noun, "predicate": f.predicate, "scope": f.scope,
                   "time_ref": f.time_ref, "latest": f.latest} for f in brief.facts],
        "quotes": [{"speaker": q.speaker, "text": q.text,
                    "variants": [{"article": v.article, "text": v.text, "start": v.start, "end": v.end,
                                  "kind": v.kind} for v in q.variants]} for q in brief.quotes],
        "entities": [{"name": e.name, "type": e.type, "variants": list(e.variants), "articles": list(e.articles)}
                     for e in brief.entities],
        "timeline": [{"date": t.date, "granularity": t.granularity, "kind": t.kind, "text": t.text,
                      "evidence": [{"article": c.article,
                                    "text": t.evidence_text[i] if i < len(t.evidence_text) else "",
                                    "start": c.start, "end": c.end} for i, c in enumerate(t.evidence)]}
                     for t in brief.timeline],
    }


def from_json(d: dict[str, Any]) -> Brief:
    """A :class:`Brief` from its JSON form; raises ``ValueError`` naming what is wrong."""
    if not isinstance(d, dict):
        raise ValueError(f"a brief must be a JSON object, not {type(d).__name__}")
    schema = d.get("schema", SCHEMA_VERSION)
    if str(schema).split("/")[0] != SCHEMA_VERSION.split("/")[0] or str(schema) > SCHEMA_VERSION:
        raise ValueError(f"brief schema {schema!r} is not supported (this synoptic reads {SCHEMA_VERSION})")
    try:
        return Brief(
            story=str(d["story"]),
            title=d.get("title"),
            articles=[SourceInfo(id=a["id"], title=a.get("title"), outlet=a.get("outlet"), url=a.get("url"),
                                 published=a.get("published"), published_how=a.get("published_how", "none"),
                                 removed=int(a.get("removed", 0))) for a in d.get("articles", [])],
            summary=[SummarySentence(text=s["text"], citations=[Citation(c["article"], int(c["start"]), int(c["end"]))
                                                                for c in s.get("citations", [])])
                     for s in d.get("summary", [])],
            facts=[FactGroup(label=f["label"], verdict=f["verdict"], framing_differs=bool(f.get("framing_differs")),
                             low=f.get("low"), high=f.get("high"), category=f.get("category"),
                             subject=f.get("subject"), unit=f.get("unit"),
                             reports=[FactReport(article=r["article"], text=r["text"], start=int(r["start"]),
                                                 end=int(r["end"]), value=float(r["value"]),
                                                 qualifier=r.get("qualifier"), label=r.get("label"),
                                                 low=r.get("low"), high=r.get("high"))
                                      for r in f.get("reports", [])],
                             dimension=f.get("dimension"), noun=f.get("noun"), predicate=f.get("predicate"),
                             scope=f.get("scope"), time_ref=f.get("time_ref"), latest=f.get("latest"))
                       for f in d.get("facts", [])],
            quotes=[QuoteGroup(speaker=q.get("speaker"), text=q["text"],
                               variants=[QuoteVariant(article=v["article"], text=v["text"], start=int(v["start"]),
                                                      end=int(v["end"]), kind=v["kind"]) for v in q.get("variants", [])])
                    for q in d.get("quotes", [])],
            entities=[EntitySummary(name=e["name"], type=e["type"], variants=list(e.get("variants", [])),
                                    articles=list(e.get("articles", []))) for e in d.get("entities", [])],
            timeline=[TimelineEntry(date=t["date"], text=t["text"], granularity=t.get("granularity", "day"),
                                    kind=t.get("kind", "event"),
                                    evidence=[Citation(c["article"], int(c["start"]), int(c["end"]))
                                              for c in t.get("evidence", [])],
                                    evidence_text=[c.get("text", "") for c in t.get("evidence", [])])
                      for t in d.get("timeline", [])],
            schema=SCHEMA_VERSION,
        )
    except (KeyError, TypeError) as e:
        raise ValueError(f"brief of story {d.get('story')!r} is missing or has a malformed field: {e}") from e


def _obj(props: dict[str, Any], required: list[str] | None = None, doc: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props,
                           "required": required if required is not None else list(props),
                           "additionalProperties": False}
    if doc:
        out["description"] = doc
    return out


def _s(doc: str, nullable: bool = False, **extra: Any) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "description": doc, **extra}


def _n(doc: str, nullable: bool = False, kind: str = "number") -> dict[str, Any]:
    return {"type": [kind, "null"] if nullable else kind, "description": doc}


def _span_props() -> dict[str, Any]:
    return {
        "article": _s("id of the article (an `articles[].id`)"),
        "start": {"type": "integer", "minimum": 0, "description": "offset of the first character in the article's stored text"},
        "end": {"type": "integer", "minimum": 0, "description": "offset after the last character (`text[start:end]`)"},
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the brief JSON, with a description of every field."""
    citation = _obj(_span_props(), doc="a span of an article's stored text")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://synoptic.invalid/schema/brief-1.json",
        "title": "synoptic brief",
        "description": "What synoptic says about one story. Every summary sentence, fact report, quote variant "
                       "and timeline entry points into the articles' stored (cleaned) text.",
        **_obj({
            "schema": {"const": SCHEMA_VERSION, "description": "schema name and version"},
            "story": _s("story id"),
            "title": _s("story title (the story's, else its first article's)", nullable=True),
            "articles": {"type": "array", "description": "the sources, in story order", "items": _obj({
                "id": _s("article id (stable hash of the cleaned text, or the caller's id)"),
                "title": _s("headline", nullable=True),
                "outlet": _s("publisher", nullable=True),
                "url": _s("address of the article", nullable=True),
                "published": _s("publication date, ISO 8601", nullable=True),
                "published_how": {"enum": ["metadata", "text", "inferred", "none"],
                                  "description": "how the date was found: page metadata, the article's own words, "
                                                 "inferred from its story peers, or not at all"},
                "removed": {"type": "integer", "minimum": 0, "description": "lines cleaning took out (boilerplate)"},
            })},
            "summary": {"type": "array", "description": "summary sentences within the word budget",
                        "items": _obj({
                            "text": _s("the sentence"),
                            "citations": {"type": "array", "minItems": 1, "items": citation,
                                          "description": "spans that support the sentence"},
                        })},
            "facts": {"type": "array", "description": "figure reports grouped by what they count",
                      "items": _obj({
                          "label": _s("what is counted and what happened to it, in the sources' words (\"AK-47 rifles seized\"); "
                                      "where the reading does not say what a figure counts, the figure in its own words "
                                      "(figure in “...”)"),
                          "verdict": {"enum": ["agree", "consistent", "conflict", "single-source"],
                                      "description": "agree: same value; consistent: the intervals meet, or later "
                                                     "reports raise a lower bound; conflict: disjoint; single-source: "
                                                     "one article"},
                          "framing_differs": {"type": "boolean",
                                              "description": "the same count is labelled differently "
                                                             "(\"demonstrators\" vs \"armed criminals\")"},
                          "low": _n("lower end of the common interval (of the values, for a conflict); "
                                    "null: open", nullable=True),
                          "high": _n("upper end; null: open", nullable=True),
                          "category": _s("what happened to what is counted (killed, injured, detained, seized, "
                                         "damaged, ... or the sources' verb), else the figure's kind (money, "
                                         "duration, age, percent, measure)", nullable=True),
                          "subject": _s("who is counted: security forces, protesters, civilians, people (or the "
                                        "person, for an age)", nullable=True),
                          "unit": _s("EUR, months, ...", nullable=True),
                          "reports": {"type": "array", "minItems": 1,
                                      "description": "at most one report per article",
                                      "items": _obj({
                                          **_span_props(),
                                          "text": _s("the reported phrase, `text[start:end]` of the article"),
                                          "value": _n("the number as stated"),
                                          "qualifier": _s("as written: more than, about, almost, at least ...",
                                                          nullable=True),
                                          "label": _s("the words naming who or what is counted", nullable=True),
                                          "low": _n("lower end of this report's interval, in its own unit "
                                                    "(\"$14m to $15m\": 14000000; null: open)", nullable=True),
                                          "high": _n("upper end of this report's interval, in its own unit "
                                                     "(null: open)", nullable=True),
                                      }, required=["article", "start", "end", "text", "value", "qualifier", "label"])},
                          "dimension": _s("the kind of quantity: count, money:<ISO 4217 code>[/<period>], percent, "
                                          "duration, age, length, mass, area, volume, ... (reports of one group "
                                          "share it; lengths in km and miles are compared converted)", nullable=True),
                          "noun": _s("what is counted, singular (\"pirate\", \"rifle\"); for a share, what it is a "
                                     "share of", nullable=True),
                          "predicate": _s("what happened to it, as a class (killed, injured, detained, seized, "
                                          "stolen, damaged, evacuated, missing, rescued, ...) or the sources' verb",
                                          nullable=True),
                          "scope": _s("places or holders the reports name (\"athens\")", nullable=True),
                          "time_ref": _s("the year or period the reports are dated to, when it is another time "
                                         "than the story's (\"2014\", \"last year\")", nullable=True),
                          "latest": _s("for a count reported again as it grew (verdict consistent, label ends "
                                       "\"(over time)\"): the article of the latest report", nullable=True),
                      }, required=["label", "verdict", "framing_differs", "low", "high", "category", "subject",
                                   "unit", "reports"])},
            "quotes": {"type": "array", "description": "versions of one utterance across sources",
                       "items": _obj({
                           "speaker": _s("canonical name of the speaker", nullable=True),
                           "text": _s("the fullest version"),
                           "variants": {"type": "array", "minItems": 1, "items": _obj({
                               **_span_props(),
                               "text": _s("the words as the article gives them"),
                               "kind": {"enum": ["direct", "partial", "indirect"],
                                        "description": "direct and partial quotes are verbatim in the article"},
                           })},
                       })},
            "entities": {"type": "array", "description": "people, organisations and places that matter, "
                                                         "people and organisations first",
                         "items": _obj({
                             "name": _s("canonical name"),
                             "type": _s("PERSON, ORG, GPE, LOC, NORP, ..."),
                             "variants": {"type": "array", "items": {"type": "string"},
                                          "description": "spellings found in the sources"},
                             "articles": {"type": "array", "items": {"type": "string"},
                                          "description": "ids of the articles naming it"},
                         })},
            "timeline": {"type": "array", "description": "dated events and announced dates, in date order",
                         "items": _obj({
                             "date": _s("ISO date YYYY-MM-DD: the first day the date covers (read with "
                                        "granularity)", pattern=r"^\d{4}-\d{2}-\d{2}$"),
                             "granularity": {"enum": ["day", "month", "year"],
                                             "description": "what the date names: a day, a month (2022-01-01 is "
                                                            "January 2022) or a year; absent means day"},
                             "kind": {"enum": ["event", "announced"],
                                      "description": "event: it took place on that date; announced: every "
                                                     "source gives the date as still to come (a deadline, a "
                                                     "schedule, a forecast); absent means event"},
                             "text": _s("short event description: the clause around the date"),
                             "evidence": {"type": "array", "minItems": 1, "items": _obj({
                                 **_span_props(),
                                 "text": _s("the date expression as written (\"last Sunday\")"),
                             }), "description": "one span per source"},
                         }, required=["date", "text", "evidence"])},
        }),
    }
