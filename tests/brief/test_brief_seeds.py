"""The whole chain on the five seeds (clean -> extract -> reconcile -> brief), checked against the gold
the way ../shared/tools/seedcheck.py checks `synoptic run` from outside: every gold figure group is
one fact group holding exactly its reports with the gold verdict (and framing), every gold quote
group is one quote group of its speaker with enough articles, the timeline has every gold date with
its evidence, and the summary keeps to 200 words, every sentence cited.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from synoptic.brief import build_brief, json_schema, to_json
from synoptic.records import Article, Story
from tests.brief.test_brief import validate


def _k(article_id: str) -> str:
    return Path(str(article_id)).name[:3]


def _words(s: str) -> set[str]:
    return set(re.sub(r"\W+", " ", str(s or "")).lower().split())


def _same_person(pred: str | None, gold: str) -> bool:
    p, g = list(_words(pred)), _words(gold)
    return bool(p) and any(x in g for x in p if len(x) > 3)


@pytest.fixture(scope="module")
def seeds_brief(seed_files):
    """The brief of the seed story through the real pipeline (Python API)."""
    from synoptic.clean import clean_articles
    from synoptic.extract import extract_articles

    raw = [Article(id=p.name, text=p.read_text(encoding="utf-8"), raw_text=p.read_text(encoding="utf-8"),
                   source=str(p)) for p in seed_files]
    articles = clean_articles(raw)
    extractions = extract_articles(articles)
    story = Story(id="seeds", article_ids=[a.id for a in articles])
    brief = to_json(build_brief(story, articles, extractions, max_words=200))
    return {_k(a.id): a.text for a in articles}, brief


def _fact_homes(brief: dict, texts: dict[str, str], rep: dict) -> set[int]:
    """The fact groups holding a gold report: same article, overlapping the gold span."""
    t = texts[rep["article"]]
    s0 = t.find(rep["span"])
    assert s0 >= 0, f"cleaning lost the gold span {rep['span']!r}"
    s1 = s0 + len(rep["span"])
    return {i for i, f in enumerate(brief["facts"]) for r in f["reports"]
            if _k(r["article"]) == rep["article"] and r["start"] < s1 and s0 < r["end"]}


@pytest.mark.slow
def test_seed_brief_follows_the_schema(seeds_brief):
    _, brief = seeds_brief
    assert validate(brief, json_schema()) == []


# The gold groups of the seeds the general reading misses (issue 13): none today. "about 2,500
# personnel" and "can overcome the 2,500 men" (csto-force) join as nouns that two articles count with
# one large number and no event verb (reconcile.facts.COREFER_BARE_MIN_VALUE), not by a seed word.
SEED_MISSES: set[str] = set()


@pytest.mark.slow
def test_seed_fact_groups_match_the_gold(seeds_brief, gold):
    texts, brief = seeds_brief
    missed = []
    for g in gold["figures"]:
        if g["id"] in SEED_MISSES:
            continue
        homes = set().union(*(_fact_homes(brief, texts, rep) for rep in g["reports"]))
        if len(homes) != 1:
            missed.append(f"{g['id']}: in {len(homes)} groups")
            continue
        fact = brief["facts"][homes.pop()]
        got = sorted(_k(r["article"]) for r in fact["reports"])
        if got != sorted(r["article"] for r in g["reports"]):
            missed.append(f"{g['id']}: reports from {got}")
        if fact["verdict"] != g["verdict"]:
            missed.append(f"{g['id']}: verdict {fact['verdict']}")
        if g.get("framing_differs") and not fact["framing_differs"]:
            missed.append(f"{g['id']}: framing not flagged")
        # the checker's text rule: the report text holds the gold span or is a part of it
        for rep in g["reports"]:
            texts_here = [r["text"] for r in fact["reports"] if _k(r["article"]) == rep["article"]]
            if not any(rep["span"] in t or (t in rep["span"] and len(t) >= 4) for t in texts_here):
                missed.append(f"{g['id']}: {rep['article']} text {texts_here}")
    assert missed == []


@pytest.mark.slow
def test_seed_quote_groups_match_the_gold(seeds_brief, gold):
    _, brief = seeds_brief
    short = []
    for g in gold["quotes"]:
        best = 0
        for q in brief["quotes"]:
            if not _same_person(q["speaker"], g["speaker"]):
                continue
            arts = {_k(v["article"]) for v in q["variants"]
                    if any(v2["article"] == _k(v["article"]) and (v2["text"][:25] in v["text"] or v["text"][:25] in v2["text"])
                           for v2 in g["variants"])}
            best = max(best, len(arts))
        if best < g["min_articles"]:
            short.append(f"{g['id']}: {best} articles")
    assert short == []


@pytest.mark.slow
def test_seed_quote_groups_hold_one_version_per_article_verbatim(seeds_brief):
    texts, brief = seeds_brief
    for q in brief["quotes"]:
        arts = [_k(v["article"]) for v in q["variants"]]
        assert len(arts) == len(set(arts))
        for v in q["variants"]:
            if v["kind"] in ("direct", "partial"):
                assert texts[_k(v["article"])][v["start"]:v["end"]] == v["text"]


@pytest.mark.slow
def test_seed_timeline_has_every_gold_date_with_its_evidence(seeds_brief, gold):
    texts, brief = seeds_brief
    by_date = {t["date"]: t for t in brief["timeline"]}
    assert [t["date"] for t in brief["timeline"]] == sorted(by_date)
    missing = []
    for ev in gold["timeline"]:
        entry = by_date.get(ev["date"])
        if entry is None:
            missing.append(ev["date"])
            continue
        for e in ev["evidence"]:
            t = texts[e["article"]]
            s0 = t.find(e["span"])
            s1 = s0 + len(e["span"])
            if not any(_k(c["article"]) == e["article"] and c["start"] < s1 and s0 < c["end"] for c in entry["evidence"]):
                missing.append(f"{ev['date']} {e['article']} {e['span']!r}")
    assert missing == []


@pytest.mark.slow
def test_seed_summary_is_short_and_cited(seeds_brief):
    texts, brief = seeds_brief
    words = sum(len(s["text"].split()) for s in brief["summary"])
    assert 0 < words <= 200
    for s in brief["summary"]:
        assert s["citations"]
        for c in s["citations"]:
            assert 0 <= c["start"] < c["end"] <= len(texts[_k(c["article"])])


@pytest.mark.slow
def test_seed_entities_put_people_first_under_one_name(seeds_brief, gold):
    _, brief = seeds_brief
    names = [e["name"] for e in brief["entities"]]
    assert names[0] == "Kassym-Jomart Tokayev"
    tok = brief["entities"][0]
    assert {"Tokaev", "Kassym-Shomart Tokayev", "Kassim-Jomart Tokayev"} <= set(tok["variants"])
    assert [_k(a) for a in tok["articles"]] == ["000", "001", "002", "003", "004"]


@pytest.mark.slow
def test_seed_timeline_entries_are_told_by_their_evidence(seeds_brief):
    texts, brief = seeds_brief
    for t in brief["timeline"]:
        core = t["text"].replace("…", " ").split("  ")[0].strip()
        assert 3 <= len(t["text"].split()) <= 30
        assert any(core[:30] in " ".join(texts[_k(c["article"])].split()) for c in t["evidence"]), t


@pytest.mark.slow
def test_seed_timeline_keeps_the_deadline_apart_and_one_span_per_source(seeds_brief, gold):
    _, brief = seeds_brief
    by_date = {t["date"]: t for t in brief["timeline"]}
    # "state of emergency until January 19": announced in a January 7/8 report, not an event on the 19th
    assert by_date["2022-01-19"]["kind"] == "announced"
    for ev in gold["timeline"]:
        if ev["date"] < "2022-01-09":
            assert by_date[ev["date"]].get("kind", "event") == "event", ev["date"]
    for t in brief["timeline"]:
        articles = [c["article"] for c in t["evidence"]]
        assert len(articles) == len(set(articles)), t["date"]
        assert t.get("granularity", "day") in ("day", "month", "year")


_CALENDAR_WORD = re.compile(
    r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b|^\W*\d"
)


@pytest.mark.slow
def test_seed_brief_speakers_are_people_or_bodies_and_groups_are_statements(seeds_brief):
    """Issue 14: no country, city, date or heading as a speaker; no quote group of fewer than three words."""
    texts, brief = seeds_brief
    places = {n for e in brief["entities"] if e["type"] in ("GPE", "LOC", "NORP")
              for n in [e["name"], *e["variants"]]}
    headings = {line.strip() for t in texts.values() for line in t.splitlines()
                if line.strip() and not line.strip().endswith((".", "!", "?", "”", '"'))}
    assert brief["quotes"]
    for g in brief["quotes"]:
        speaker = g["speaker"]
        assert speaker not in places, f"a place as speaker: {speaker!r}"
        assert not _CALENDAR_WORD.search(speaker), f"a date as speaker: {speaker!r}"
        assert speaker not in headings, f"a heading as speaker: {speaker!r}"
        assert len(re.findall(r"\w+", g["text"])) >= 3, f"a fragment as a quote group: {g['text']!r}"
