"""reconcile.facts on a figure written in two units ("nearly 54 million tons (49 million metric tons)"): one
report that meets another source's figure through either reading, not two rows; on figures of two people
("He faced up to 60 years" after one man's name, "She faces up to 99 years" after another's): two facts;
on a multiplier word ("some two dozen homes"): the whole number. The articles are written for these tests."""

from __future__ import annotations

from synoptic.reconcile import fact_groups
from synoptic.records import FactGroup
from tests.reconcile.conftest import story_with_people


def _groups(texts: dict[str, str], people: tuple[str, ...] = ()) -> list[FactGroup]:
    return list(fact_groups(*story_with_people(texts, people)))


def _reports(groups: list[FactGroup]) -> list[list[tuple[str, str]]]:
    return [sorted((r.article, r.text) for r in g.reports) for g in groups]


def test_a_conversion_in_brackets_is_one_report_that_meets_either_reading() -> None:
    groups = _groups({
        "a": "The world produced 72 million tons (65 million metric tons) of electronic waste in 2017, the report said.",
        "b": "The volume of electronic waste produced worldwide was 65.4 million tonnes in 2017, the report said."})
    mass = [g for g in groups if g.dimension == "mass"]
    assert _reports(mass) == [[("a", "72 million tons"), ("b", "65.4 million tonnes")]]
    assert mass[0].verdict in ("consistent", "agree")


def test_a_conversion_after_an_abbreviated_unit_is_no_row_of_its_own() -> None:
    groups = _groups({"a": "Each American threw away about 66 lbs. (30 kg) of gadgets in 2012, the report said.",
                      "b": "Americans threw away about 29 kilograms of gadgets per person in 2012, the report said."})
    mass = [g for g in groups if g.dimension == "mass"]
    assert not any(r.text == "30 kg" for g in mass for r in g.reports)
    assert _reports(mass) == [[("a", "about 66 lbs"), ("b", "about 29 kilograms")]]


def test_a_conversion_of_another_size_is_no_row_and_does_not_widen_the_figure() -> None:
    """The writer's own conversion slipped (1,700 ft is 518 m, not 580 m): still no row of its own."""
    groups = _groups({"a": "Police said the plane was struck at about 1,700ft (580m) as it came in to land.",
                      "b": "Police said the plane was hit 1,700 feet in the air as it came in to land."})
    length = [g for g in groups if g.dimension == "length"]
    assert not any(r.text == "580m" for g in length for r in g.reports)
    assert _reports(length) == [[("a", "about 1,700ft"), ("b", "1,700 feet")]]


def test_the_terms_two_people_faced_are_two_facts() -> None:
    groups = _groups({
        "a": "Investigators said Gary Holt was arrested in London in 2012 after a long battle. "
             "He faced up to 60 years in jail if convicted of fraud.",
        "b": "Prosecutors want Ann Carter to face trial in Texas. She faces up to 99 years in prison if convicted of fraud."},
        ("Gary Holt", "Ann Carter"))
    spans = [g for g in groups if g.dimension == "duration"]
    assert sorted(_reports(spans)) == [[("a", "up to 60 years")], [("b", "up to 99 years")]]


def test_one_persons_term_told_twice_is_one_fact() -> None:
    groups = _groups({
        "a": "Prosecutors want Ann Carter to face trial in Texas. She faces up to 99 years in prison if convicted of fraud.",
        "b": "Ann Carter, who denies fraud, could face up to 99 years in prison if she is convicted in Texas."},
        ("Ann Carter",))
    spans = [g for g in groups if g.dimension == "duration"]
    assert _reports(spans) == [[("a", "up to 99 years"), ("b", "up to 99 years")]]


def test_some_two_dozen_homes_are_about_24() -> None:
    groups = _groups({"a": "Lava burned some two dozen homes in the town on Friday.",
                      "b": "Officials said 24 homes burned in the town on Friday."})
    (g,) = [g for g in groups if g.dimension == "count"]
    assert _reports([g]) == [[("a", "some two dozen homes"), ("b", "24 homes")]]
    assert g.verdict != "conflict"


def test_one_line_written_twice_in_an_article_is_one_report() -> None:
    line = "Read next: details of 150 million shopper accounts stolen in a breach."
    groups = _groups({"a": f"The court ruled on Monday. {line} {line} The case goes on.",
                      "b": "The court ruled on Monday, and the case goes on."})
    assert sum(r.text.startswith("150 million") for g in groups for r in g.reports) == 1


def test_a_paragraph_pasted_twice_is_read_once() -> None:
    para = "The city recorded about 258 million visits in 2010, the council said."
    groups = _groups({"a": f"{para}\n\nThe mayor spoke on Monday.\n\n{para}", "b": "The mayor spoke on Monday."})
    assert sum(r.text.startswith("about 258 million") for g in groups for r in g.reports) == 1
