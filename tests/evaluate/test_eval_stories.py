"""``synoptic eval stories``: the story scorer on hand-made briefs, its agreement with the outside
checker (``shared/tools/storycheck.py``) and the quality floors on the shared story gold."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.evaluate import stories as stories_eval
from tests.conftest import shared_path

# Floors on the shared story gold: figure groups right (all reports in one fact group, gold verdict),
# figure-mention BCubed F1, traps grouped at most. Measured when issue 13 landed, raised after the
# third facts round (bomb 6/6 B3 1.00, heist 4/4 1.00, kazakhstan 13/13 1.00, migrants 4/4 1.00,
# pirates 18/24 0.94, riots 13/16 0.95; riots 15/16 0.99 once durations of one event and a bare crowd group;
# pirates 24/24 0.99 once a measured thing's other names, "Dozen of", "one ... was killed", who undergoes
# or does an event and tries at an event ("two hijack attempts") are read);
# raise them, never lower them silently. The bar
# (>= 90% groups right, B3 >= 0.9, no trap) is met on bomb, heist, kazakhstan, migrants and pirates.
FLOORS = {
    "bomb": (6, 0.99, 0),
    "heist": (4, 0.99, 0),
    "kazakhstan": (13, 0.99, 0),
    "migrants": (4, 0.99, 0),
    "pirates": (24, 0.98, 0),
    "riots": (15, 0.98, 0),
}

# Floors on the name groups of the shared story gold (an entity of the brief lists min(3, n) of a gold
# group's n spellings), with no must-not-merge pair merged and no entity holding two gold groups.
# Measured after issue 14's third name round (bomb 11/11, heist 2/2, kazakhstan 9/9, migrants 5/5,
# pirates 9/9, riots 10/11: "Syntagma"/"Constitution Square" is a translation); counts, so pinned at
# the measured figure.
ENTITY_FLOORS = {"bomb": 11, "heist": 2, "kazakhstan": 9, "migrants": 5, "pirates": 9, "riots": 10}


def _fact(verdict: str, *reports: tuple[str, str]) -> dict:
    return {"verdict": verdict, "reports": [{"article": f"/data/{a}.txt", "text": t} for a, t in reports]}


GOLD = {
    "figures": [
        {"id": "pirates", "verdict": "agree", "reports": [
            {"article": "p1", "span": "captured 23 pirates"}, {"article": "p2", "span": "arrested 23 pirates"}]},
        {"id": "rifles", "verdict": "conflict", "reports": [
            {"article": "p1", "span": "seven rifles"}, {"article": "p2", "span": "nine rifles"}]},
    ],
    "must_not_group": [[{"article": "p1", "span": "two boats"}, {"article": "p2", "span": "two rifles"}]],
    "quotes": [{"id": "q", "speaker": "Jane Doe", "min_articles": 2, "variants": [
        {"article": "p1", "text": "We caught them all at sea after a long chase"},
        {"article": "p2", "text": "We caught them all at sea after a long chase"}]}],
    "entities": [{"canonical": "Jane Doe", "variants": ["Jane Doe", "Doe", "Cmdr. Jane Doe"]},
                 {"canonical": "Navy", "variants": ["Navy", "the Indian Navy"]}],
    "must_not_merge": [["Jane Doe", "John Doe"]],
}


def test_story_scorer_counts_groups_verdicts_traps_quotes_and_names() -> None:
    brief = {
        "articles": [{"id": "p1"}, {"id": "p2"}],
        "facts": [_fact("agree", ("p1", "23 pirates"), ("p2", "23 pirates")),
                  _fact("agree", ("p1", "seven rifles")),  # the conflict split: not right
                  _fact("single-source", ("p2", "nine rifles")),
                  _fact("agree", ("p1", "two boats"), ("p2", "two rifles"))],  # a trap sprung
        "quotes": [{"speaker": "Doe", "variants": [
            {"article": "p1.txt", "text": "“We caught them all at sea after a long chase,” she said"},
            {"article": "p2.txt", "text": "We caught them all at sea after a long chase"}]}],
        "entities": [{"name": "Jane Doe", "variants": ["Doe", "Cmdr. Jane Doe"]},
                     {"name": "Indian Navy", "variants": ["Navy", "the Indian Navy"]}],
    }
    s = stories_eval.score_brief(brief, GOLD, "toy", articles=2)
    assert (s.figures_right, s.figures) == (1, 2)
    assert s.traps == 1 and s.traps_grouped == 1
    assert (s.quotes_found, s.entities_found, s.entities) == (1, 2, 2)
    # mentions: pirates x2 (one group, right), rifles x2 (split: recall 1/2 each), trap sides x2
    # (lumped: precision 1/2 each)
    p, r, f1 = s.figure_mention_b3
    assert p == pytest.approx(5 / 6, abs=1e-4) and r == pytest.approx(5 / 6, abs=1e-4)
    assert f1 == pytest.approx(2 * p * r / (p + r), abs=1e-4)
    assert not s.passed and any("trap" in m for m in s.misses)


def test_story_scorer_a_name_trap_and_a_lumped_speaker() -> None:
    brief = {"articles": [{"id": "p1"}], "facts": [],
             "quotes": [{"speaker": "Jane Doe", "variants": [
                 {"article": "p1", "text": "We caught them all at sea after a long chase"},
                 {"article": "p2", "text": "Something else entirely"},
                 {"article": "p2", "text": "And another thing she said"}]}],
             "entities": [{"name": "Doe", "variants": ["Jane Doe", "John Doe", "Navy"]}]}
    s = stories_eval.score_brief(brief, GOLD, "toy", articles=2)
    assert s.quotes_found == 0  # mostly other statements: a speaker's quotes lumped together
    assert s.traps_grouped == 2  # one entity holds two gold name groups, and a must-not-merge pair


def test_story_scorer_counts_words_put_in_the_wrong_mouth() -> None:
    gold = {"quotes": [
        {"id": "q", "speaker": "Jane Doe", "min_articles": 2, "variants": [
            {"article": "p1", "text": "We caught them all at sea after a long chase"},
            {"article": "p2", "text": "We caught them all at sea after a long chase"},
            {"article": "p3", "text": "We caught them all at sea after a long chase"}]},
        {"id": "r", "speaker": "Ravi Kumar", "min_articles": 1, "variants": [
            {"article": "p1", "text": "The ship was empty when we boarded it"}]}]}
    brief = {"articles": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}], "facts": [], "entities": [],
             "quotes": [
                 # right speaker (family name), two articles: found, not misattributed
                 {"speaker": "Doe", "variants": [
                     {"article": "p1.txt", "text": "We caught them all at sea after a long chase"},
                     {"article": "p2.txt", "text": "We caught them all at sea after a long chase"}]},
                 # the same words of p2 also under a newspaper, and p3's only under a ruling
                 {"speaker": "Guardian", "variants": [
                     {"article": "p2.txt", "text": "“We caught them all at sea after a long chase,” she said"}]},
                 {"speaker": "the ruling", "variants": [
                     {"article": "p3.txt", "text": "We caught them all at sea after a long chase"},
                     {"article": "p1.txt", "text": "Some other words nobody annotated"}]},
                 # Kumar's words under Doe; a text in another article does not count
                 {"speaker": "Jane Doe", "variants": [
                     {"article": "p1.txt", "text": "The ship was empty when we boarded it, she said"},
                     {"article": "p2.txt", "text": "The ship was empty when we boarded it"}]}]}
    s = stories_eval.score_brief(brief, gold, "toy", articles=3)
    assert s.quotes_found == 1 and s.quotes == 2
    assert s.misattributed == 3  # q in p2 (also under Guardian), q in p3, r in p1
    wrong = [m for m in s.misses if m.startswith("misattributed")]
    assert len(wrong) == 3 and any('"Guardian"' in m for m in wrong) and any('"Jane Doe"' in m for m in wrong)
    assert stories_eval.score_brief(brief, {"quotes": gold["quotes"][:1]}, "toy", 3).misattributed == 2
    assert stories_eval.score_brief({"quotes": []}, gold, "toy", 3).misattributed == 0


def test_bcubed_of_identical_labelings_is_one() -> None:
    assert stories_eval.bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    assert stories_eval.bcubed([], []) == (1.0, 1.0, 1.0)


def _storycheck():
    path = shared_path("tools", "storycheck.py")
    spec = importlib.util.spec_from_file_location("storycheck", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def story_briefs() -> dict[str, tuple[dict, dict, int]]:
    root = shared_path("gold", "stories")
    out = {}
    for folder in stories_eval.story_folders([str(root)]):
        texts = sorted(folder.glob("*.txt"))
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        out[folder.name] = (stories_eval.brief_of(texts), gold, len(texts))
    return out


@pytest.mark.slow
def test_story_scorer_agrees_with_storycheck(story_briefs, capsys) -> None:
    checker = _storycheck()
    for name, (brief, gold, n) in story_briefs.items():
        ours = stories_eval.score_brief(brief, gold, name, n)
        checker.run_brief = lambda _dir, brief=brief, n=n: (brief, n, 0.0, "")
        theirs = checker.check(str(shared_path("gold", "stories", name)), 0.8)
        assert (ours.figures_right, ours.traps_grouped, ours.quotes_found, ours.entities_found) == (
            theirs["figures_right"], theirs["traps_grouped"], theirs["quotes_found"], theirs["entities_found"]), name
        assert list(ours.figure_mention_b3) == pytest.approx(theirs["figure_mention_b3"], abs=1e-4), name
        assert ours.score == pytest.approx(theirs["score"], abs=1e-4) and ours.passed == theirs["passed"], name
    capsys.readouterr()


@pytest.mark.slow
def test_story_figure_floors(story_briefs) -> None:
    for name, (right, b3, traps) in FLOORS.items():
        if name not in story_briefs:
            continue
        brief, gold, n = story_briefs[name]
        s = stories_eval.score_brief(brief, {k: gold[k] for k in ("figures", "must_not_group") if k in gold}, name, n)
        assert s.figures_right >= right, (name, s.figures_right, s.misses)
        assert s.figure_mention_b3[2] >= b3 - 1e-9, (name, s.figure_mention_b3)
        assert s.traps_grouped <= traps, (name, s.misses)
        assert math.isfinite(s.score)


#: Quote groups found per dev story (issue 14 round 6, measured bomb 7/8, kazakhstan 6/7, migrants 4/5,
#: pirates 15/18, riots 9/10; heist has no gold quotes).
QUOTE_FLOORS = {"bomb": 7, "kazakhstan": 6, "migrants": 4, "pirates": 15, "riots": 9}


@pytest.mark.slow
def test_story_quote_floors(story_briefs) -> None:
    for name, found in QUOTE_FLOORS.items():
        if name not in story_briefs:
            continue
        brief, gold, n = story_briefs[name]
        s = stories_eval.score_brief(brief, {"quotes": gold.get("quotes") or []}, name, n)
        assert s.quotes_found >= found, (name, s.quotes_found, s.misses)


#: Gold quote variants filed under another speaker, at most, per dev story (round 16, measured bomb 2: the
#: reward statement under "Oregon State Police", gold Gregg Hastings; pirates 3: the navy's words under "the
#: military" and "Defence Ministry"; riots 3: "The officer who fired the shot" for Korkoneas, "authorities" for
#: police; the others 0). Ceilings: lower them as speakers get right, never raise them silently.
MISATTRIBUTED_CEILINGS = {"bomb": 2, "heist": 0, "kazakhstan": 0, "migrants": 0, "pirates": 3, "riots": 3}


@pytest.mark.slow
def test_story_misattributed_ceilings(story_briefs) -> None:
    for name, most in MISATTRIBUTED_CEILINGS.items():
        if name not in story_briefs:
            continue
        brief, gold, n = story_briefs[name]
        s = stories_eval.score_brief(brief, {"quotes": gold.get("quotes") or []}, name, n)
        assert s.misattributed <= most, (name, s.misattributed, [m for m in s.misses if m.startswith("misattr")])


@pytest.mark.slow
def test_story_name_group_floors(story_briefs) -> None:
    for name, floor in ENTITY_FLOORS.items():
        if name not in story_briefs:
            continue
        brief, gold, n = story_briefs[name]
        names_only = {"figures": [], "entities": gold.get("entities", []), "must_not_merge": gold.get("must_not_merge", [])}
        s = stories_eval.score_brief(brief, names_only, name, n)
        assert s.entities_found >= floor, (name, s.entities_found, s.misses)
        assert s.traps_grouped == 0, (name, s.misses)


@pytest.mark.slow
def test_eval_stories_cli_prints_a_row_per_story_and_writes_json(tmp_path: Path, capsys) -> None:
    folder = shared_path("gold", "stories", "migrants")
    out = tmp_path / "stories.json"
    assert main(["eval", "stories", "--data", str(folder), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[1].startswith("migrants")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["task"] == "stories" and data["stories"][0]["story"] == "migrants"


@pytest.mark.slow
def test_eval_stories_cli_counts_misattributed_quotes(tmp_path: Path, capsys) -> None:
    story = tmp_path / "toy"
    story.mkdir()
    said = ('"We will rebuild every house that the storm destroyed in this valley," '
            "Mayor Ellen Marsh said on Monday.")
    (story / "a1.txt").write_text("A storm destroyed 40 houses in the valley town of Brenford on Sunday. "
                                  + said + " Rescue teams searched the ruins overnight.\n", encoding="utf-8")
    (story / "a2.txt").write_text("Forty houses were destroyed by a storm in Brenford on Sunday. "
                                  + said + " The county opened two shelters.\n", encoding="utf-8")
    text = "We will rebuild every house that the storm destroyed in this valley"
    gold = {"figures": [], "entities": [], "quotes": [
        {"id": "rebuild", "speaker": "Tom Quill", "min_articles": 2,
         "variants": [{"article": "a1", "text": text}, {"article": "a2", "text": text}]}]}
    (story / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "stories.json"
    assert main(["eval", "stories", "--data", str(tmp_path), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "misattr" in printed.splitlines()[0]
    assert "2 gold quote variants misattributed" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["misattributed"] == 2 and data["stories"][0]["misattributed"] == 2
    assert data["stories"][0]["quotes_found"] == 0
