"""reconcile.facts: an age said of several people at once ("A and B, both 40") is each one's age,
so the reports of that age of any of them are one fact; without such a report, two people's ages
stay two facts. The articles are written for these tests."""

from __future__ import annotations

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures
from synoptic.reconcile import fact_groups
from synoptic.records import Article, Extraction
from tests.reconcile.conftest import story_with_people

_PEOPLE = ("Ann Lee", "Bob Cole")


def _story(texts: dict[str, str]) -> tuple[list[Article], list[Extraction]]:
    return story_with_people(texts, _PEOPLE)


def _age_groups(texts: dict[str, str]) -> list[set[tuple[str, int]]]:
    groups = fact_groups(*_story(texts))
    return [{(r.article, r.start) for r in g.reports} for g in groups if g.dimension == "age"]


_SEPARATE = ("The police named the first victim as 40-year-old Sergeant Bob Cole.\n"
             "The second was 40-year-old Officer Ann Lee.")


def test_an_age_said_of_two_people_joins_each_ones_age() -> None:
    groups = _age_groups({"a": "Officer Ann Lee and Sergeant Bob Cole, both 40, died in the blast.",
                          "b": _SEPARATE})
    assert len(groups) == 1
    assert {a for a, _ in groups[0]} == {"a", "b"} and len(groups[0]) == 3


def test_two_peoples_ages_stay_apart_without_it() -> None:
    groups = _age_groups({"a": "Officer Ann Lee, 40, died in the blast.", "b": _SEPARATE})
    assert len(groups) == 2


def test_an_age_takes_no_side_word_from_its_sentence() -> None:
    text = "Police Capt. Ann Lee and Sergeant Bob Cole, both 40, died at the scene."
    (age,) = [f for f in read_figures(text, find_figures(text)) if f.value == 40]
    assert age.side is None and (age.label or "").lower() != "police"
