"""brief: assembly, the versioned JSON form, its JSON Schema and round trip."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest

from synoptic.brief import (
    SCHEMA_VERSION,
    build_brief,
    entity_summaries,
    from_json,
    json_schema,
    lead_summary,
    to_json,
)
from synoptic.records import Article, Extraction, Mention, RemovedLine, Story
from tests.reconcile.test_reconcile import _gold_dates, _gold_extractions, _gold_quotes


def validate(instance: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """The subset of JSON Schema that json_schema() uses (type, const, enum, properties, required,
    additionalProperties, items, minItems, minimum, pattern): a list of errors, empty when valid."""
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        py = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
              "boolean": bool, "null": type(None)}
        ok = any(isinstance(instance, py[t]) and not (t in ("integer", "number") and isinstance(instance, bool))
                 for t in names)
        if not ok:
            return [f"{path}: {instance!r} is not {names}"]
    if "const" in schema and instance != schema["const"]:
        errors.append(f"{path}: {instance!r} != {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{path}: {instance!r} not in {schema['enum']}")
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in instance:
                errors.append(f"{path}: missing {key}")
        for key, value in instance.items():
            if key in props:
                errors += validate(value, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        for i, item in enumerate(instance):
            errors += validate(item, schema.get("items", {}), f"{path}[{i}]")
    if isinstance(instance, (int, float)) and "minimum" in schema and instance < schema["minimum"]:
        errors.append(f"{path}: {instance} < {schema['minimum']}")
    if isinstance(instance, str) and "pattern" in schema and not re.search(schema["pattern"], instance):
        errors.append(f"{path}: {instance!r} does not match {schema['pattern']}")
    return errors


@pytest.fixture(scope="module")
def seed_brief(seed_texts, gold):
    """A brief of the seeds from records built by hand at the gold's offsets."""
    articles = [Article(id=k, text=t, title=gold["articles"][next(f for f in gold["articles"] if f[:3] == k)]["title"],
                        outlet=None, published=datetime(2022, 1, 7) if k == "001" else None,
                        published_how="text" if k == "001" else "none",
                        removed=[RemovedLine("Leave a Reply", "boilerplate")] if k in ("001", "003") else [])
                for k, t in sorted(seed_texts.items())]
    figs = _gold_extractions(seed_texts, gold)
    quotes = _gold_quotes(seed_texts, gold)
    dates = _gold_dates(seed_texts, gold)
    exs = []
    for f, q, d in zip(figs, quotes, dates, strict=True):
        mentions = list(f.mentions)
        for ent in gold["entities"]:
            for v in ent["variants"]:
                for m in re.finditer(r"\b" + re.escape(v) + r"\b", seed_texts[f.article]):
                    mentions.append(Mention(text=v, type=ent["type"], start=m.start(), end=m.end(),
                                            article=f.article, entity=ent["canonical"]))
        exs.append(Extraction(article=f.article, mentions=mentions, figures=f.figures, quotes=q.quotes, dates=d.dates))
    story = Story(id="kz", article_ids=[a.id for a in articles])
    return articles, build_brief(story, articles, exs, max_words=120)


def test_brief_json_follows_its_schema(seed_brief):
    _, brief = seed_brief
    d = to_json(brief)
    assert d["schema"] == SCHEMA_VERSION == "synoptic.brief/1"
    assert validate(d, json_schema()) == []
    json.dumps(d, allow_nan=False)  # plain JSON: no NaN or infinity


def test_schema_check_catches_a_bad_brief(seed_brief):
    d = to_json(seed_brief[1])
    d["facts"][0]["verdict"] = "maybe"
    del d["quotes"][0]["variants"][0]["start"]
    errors = validate(d, json_schema())
    assert any("verdict" in e for e in errors) and any("missing start" in e for e in errors)


def test_json_round_trip(seed_brief):
    d = to_json(seed_brief[1])
    assert to_json(from_json(json.loads(json.dumps(d)))) == d


@pytest.mark.parametrize("bad, message", [
    ({"schema": "synoptic.brief/9", "story": "x"}, "not supported"),
    ({"schema": "other/1", "story": "x"}, "not supported"),
    ({"schema": SCHEMA_VERSION, "story": "x", "facts": [{"verdict": "agree"}]}, "malformed"),
    ([], "JSON object"),
])
def test_from_json_refuses_what_it_cannot_read(bad, message):
    with pytest.raises(ValueError, match=message):
        from_json(bad)


def test_every_span_of_the_brief_points_at_its_words(seed_brief):
    articles, brief = seed_brief
    texts = {a.id: a.text for a in articles}
    d = to_json(brief)
    for f in d["facts"]:
        for r in f["reports"]:
            assert texts[r["article"]][r["start"]:r["end"]] == r["text"]
    for q in d["quotes"]:
        for v in q["variants"]:
            if v["kind"] in ("direct", "partial"):
                assert texts[v["article"]][v["start"]:v["end"]] == v["text"]
    for t in d["timeline"]:
        for c in t["evidence"]:
            assert texts[c["article"]][c["start"]:c["end"]] == c["text"]
    for s in d["summary"]:
        assert s["citations"]
        for c in s["citations"]:
            assert 0 <= c["start"] < c["end"] <= len(texts[c["article"]])


def test_summary_keeps_the_word_budget(seed_brief):
    _, brief = seed_brief
    assert 0 < sum(len(s.text.split()) for s in brief.summary) <= 120


def test_sources_carry_dates_and_removed_lines(seed_brief):
    _, brief = seed_brief
    by_id = {s.id: s for s in brief.articles}
    assert [s.id for s in brief.articles] == ["000", "001", "002", "003", "004"]
    assert by_id["001"].published == "2022-01-07T00:00:00" and by_id["001"].published_how == "text"
    assert by_id["003"].removed == 1 and by_id["000"].removed == 0


def test_entities_that_matter_people_and_orgs_first(seed_brief, gold):
    _, brief = seed_brief
    names = [e.name for e in brief.entities]
    # Karim Massimov is named once in one article: left out; Tokayev, in all five, is first
    assert "Karim Massimov" not in names
    assert names[0] == "Kassym-Jomart Tokayev"
    types = [e.type for e in brief.entities]
    first_place = next(i for i, t in enumerate(types) if t not in ("PERSON", "ORG"))
    assert all(t not in ("PERSON", "ORG") for t in types[first_place:])
    tok = brief.entities[0]
    assert {"Tokaev", "Kassym-Shomart Tokayev", "Kassim-Jomart Tokayev"} <= set(tok.variants)
    assert tok.articles == ["000", "001", "002", "003", "004"]


def test_entity_summaries_keep_one_off_names_out():
    arts = [Article(id="a", text="Ann Lee met Bo Chan. Ann Lee left."), Article(id="b", text="Bo Chan spoke.")]
    exs = [Extraction(article="a", mentions=[Mention("Ann Lee", "PERSON", 0, 7, "a", "Ann Lee"),
                                             Mention("Bo Chan", "PERSON", 12, 19, "a", "Bo Chan"),
                                             Mention("Ann Lee", "PERSON", 21, 28, "a", "Ann Lee")]),
           Extraction(article="b", mentions=[Mention("Bo Chan", "PERSON", 0, 7, "b", "Bo Chan")])]
    assert [(e.name, e.articles) for e in entity_summaries(arts, exs)] == [("Bo Chan", ["a", "b"]),
                                                                          ("Ann Lee", ["a"])]


def test_lead_summary_cites_each_lead_within_the_budget():
    arts = [Article(id="a", text="Title line\n\nThe council approved the new budget on Monday after a long debate. More."),
            Article(id="b", text="Officials said the budget adds twelve new bus routes across the city. Then.")]
    out = lead_summary(arts, max_words=30)
    assert [s.citations[0].article for s in out] == ["a", "b"]
    for s, a in zip(out, arts, strict=True):
        c = s.citations[0]
        assert a.text[c.start:c.end] == s.text
    assert lead_summary(arts, max_words=12)[0].text.startswith("The council")
    assert len(lead_summary(arts, max_words=12)) == 1


def test_documented_schema_is_the_one_the_code_uses():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "brief-schema.md").read_text(encoding="utf-8")
    block = doc.split("## JSON Schema", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    assert json.loads(block) == json_schema()
    for field in ("framing_differs", "published_how", "verdict", "evidence"):
        assert f"`{field}`" in doc or f"].{field}`" in doc


def test_an_empty_story_gives_an_empty_brief_that_renders():
    from synoptic.render import html, markdown
    from synoptic.render import json as json_render

    d = to_json(build_brief(Story(id="empty"), [], []))
    assert d["articles"] == d["facts"] == d["quotes"] == d["summary"] == d["timeline"] == []
    assert validate(d, json_schema()) == []
    assert markdown.render(d).startswith("# Story empty")
    assert "<h1>Story empty</h1>" in html.render(d)
    assert json.loads(json_render.render(d)) == d


def test_records_pointing_outside_their_article_are_left_out():
    from synoptic.records import Figure, Quote, TimeRef

    art = Article(id="a", text="Officials said 12 people were killed on 2023-03-01.")
    ex = Extraction(article="a",
                    figures=[Figure(text="12", start=500, end=502, value=12, low=12, high=12, category="killed")],
                    quotes=[Quote(text="x", start=-3, end=90, kind="direct", speaker="Ann Lee", entity="Ann Lee")],
                    dates=[TimeRef(text="2023-03-01", start=900, end=910, value="2023-03-01")])
    brief = build_brief(Story(id="s", article_ids=["a"]), [art], [ex, Extraction(article="not-in-story")])
    assert brief.facts == [] and brief.quotes == [] and brief.timeline == []
    assert [s.id for s in brief.articles] == ["a"]


def test_a_failing_summarizer_falls_back_to_cited_leads(monkeypatch):
    import synoptic.summarize

    def broken(*args, **kwargs):
        raise RuntimeError("model missing")

    monkeypatch.setattr(synoptic.summarize, "summarize_story", broken)
    art = Article(id="a", text="The council approved the new budget on Monday after a long debate.")
    brief = build_brief(Story(id="s", article_ids=["a"]), [art], [Extraction(article="a")])
    assert [s.text for s in brief.summary] == [art.text]
    assert brief.summary[0].citations[0].end == len(art.text)
