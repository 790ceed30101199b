"""reconcile.facts: rows that must not be shown (a counterfactual count), real disagreements that
must be (the time since a wedding given as two and three weeks, a distance given in buildings and in
houses), and one person's age under two forms of the name ("Tara" / "Tara Reid"). Articles written
for these tests."""

from __future__ import annotations

from synoptic.reconcile import fact_groups
from tests.reconcile.conftest import story_of, story_with_people


def test_a_counterfactual_count_makes_no_row() -> None:
    arts, exs = story_of(['"There might have been two people killed," the sergeant said.',
                          '"There might have been two people killed," he told reporters.'])
    assert [g for g in fact_groups(arts, exs) if g.dimension == "count"] == []


def test_the_time_since_one_event_given_twice_is_a_conflict() -> None:
    arts, exs = story_of(["The deputy had married two weeks before the shooting, officials said.",
                          "His widow, who married the deputy three weeks before he was murdered, wept."])
    (group,) = [g for g in fact_groups(arts, exs) if g.dimension == "duration"]
    assert len(group.reports) == 2 and group.verdict == "conflict"


def test_one_distance_in_buildings_and_in_houses_is_a_conflict() -> None:
    arts, exs = story_of(["The defendant was arrested five buildings away on Main Street.",
                          "He was arrested by a SWAT team, three houses from the scene of the shooting."])
    (group,) = [g for g in fact_groups(arts, exs) if g.dimension == "distance"]
    assert len(group.reports) == 2 and group.verdict == "conflict"


def test_a_short_form_of_one_name_is_that_persons_age() -> None:
    arts, exs = story_with_people({"a": "Actress Tara Reid, 33, checked into a clinic on Tuesday.",
                                   "b": "Tara, 33, was previously linked to a singer."}, ("Tara Reid", "Tara"))
    (group,) = [g for g in fact_groups(arts, exs) if g.dimension == "age"]
    assert sorted(r.article for r in group.reports) == ["a", "b"]


def test_a_short_form_of_two_names_stays_apart() -> None:
    arts, exs = story_with_people({"a": "Jerry Ortiz, 35, was killed on Friday.",
                                   "b": "Jeremy Ortiz, 17, spoke to reporters.",
                                   "c": "Ortiz, 17, said he was relieved."},
                                  ("Jerry Ortiz", "Jeremy Ortiz", "Ortiz"))
    groups = [g for g in fact_groups(arts, exs) if g.dimension == "age"]
    assert all(g.verdict != "conflict" for g in groups)


def test_two_charges_of_one_article_are_two_rows() -> None:
    arts, exs = story_of(["He is charged with one count of murder of a peace officer. He was also charged with "
                          "one count of attempted willful, deliberate murder in another shooting."])
    counts = [g for g in fact_groups(arts, exs) if g.dimension == "count"]
    assert all(len(g.reports) == 1 for g in counts)


def test_spans_after_two_verbs_of_one_article_stay_apart() -> None:
    arts, exs = story_of(["He had married two weeks before the shooting. He boasted to inmates two weeks after "
                          "the death.",
                          "His widow, who married the deputy three weeks before he was murdered, wept."])
    durations = [g for g in fact_groups(arts, exs) if g.dimension == "duration"]
    married = [g for g in durations if any("before" in arts[0].text[r.start:r.end + 8] and r.article == "a0"
                                           for r in g.reports)]
    assert married and married[0].verdict == "conflict"
    assert all(len({r.article for r in g.reports}) == len(g.reports) for g in durations)
