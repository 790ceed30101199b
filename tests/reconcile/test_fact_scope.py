"""Fact groups and what a figure is of: its occasion, whether it is a total or a part, and person
nouns that name the same people ("one man" / "one person")."""

from __future__ import annotations

import pytest

from synoptic.reconcile import fact_groups
from synoptic.reconcile.facts import _person_hypernym
from tests.reconcile.conftest import story_of


def _groups_with(groups, *spans):
    """The groups holding a report whose text contains each of ``spans``."""
    return [g for g in groups if any(any(s in r.text for s in spans) for r in g.reports)]


def test_a_figure_of_an_earlier_month_is_no_conflict_with_the_weekday_event():
    arts, exs = story_of([
        "A 5.6 magnitude earthquake hit the island on Sunday, damaging buildings.",
        "A 5.6 magnitude earthquake struck the island on Sunday. The same island was hit by a 6.1 magnitude "
        "earthquake in September.",
    ])
    groups = _groups_with(fact_groups(arts, exs), "5.6", "6.1")
    assert all(g.verdict != "conflict" for g in groups)
    five = next(g for g in groups if any(r.value == 5.6 for r in g.reports))
    assert {r.article for r in five.reports} == {"a0", "a1"} and all(r.value == 5.6 for r in five.reports)


def test_tolls_on_two_weekdays_are_two_facts_and_one_weekday_keeps_the_conflict():
    apart = story_of(["Police fired on protesters on Wednesday, and one person was killed.",
                    "Hundreds protested on Sunday, and two people were killed in that unrest."])
    assert all(g.verdict != "conflict" for g in fact_groups(*apart))
    one_day = story_of(["Police fired on protesters on Wednesday, and one person was killed.",
                      "Police fired on protesters on Wednesday, and two people were killed."])
    assert any(g.verdict == "conflict" for g in fact_groups(*one_day))


def test_a_total_and_a_part_are_two_counts_not_a_conflict():
    arts, exs = story_of([
        "He hit 13 homers in 54 games with the Angels after the trade.",
        "Playing in a combined 157 games with both teams, he had 33 homers.",
        "After the trade he played 54 games for the Angels.",
    ])
    groups = fact_groups(arts, exs)
    assert all(g.verdict != "conflict" for g in groups)
    games = _groups_with(groups, "54 games")
    assert len(games) == 1 and {r.value for r in games[0].reports} == {54.0}


def test_a_count_confined_to_a_round_is_not_the_whole_fight():
    arts, exs = story_of(["The champion landed 178 of 369 punches thrown in the fight.",
                        "The champion landed 28 of his 68 punches thrown during the round."])
    punches = _groups_with(fact_groups(arts, exs), "369 punches", "68 punches")
    assert all(g.verdict != "conflict" for g in punches)


def test_a_general_person_noun_groups_with_the_people_it_names():
    arts, exs = story_of([
        "The gunman opened fire at the office party, killing one man, police said.",
        "A former employee opened fire at an office party on Friday, killing one person.",
        "One man was shot and killed, and at least a dozen people were at the party.",
        "At least a dozen employees had been at the party when the gunman came in.",
    ])
    groups = fact_groups(arts, exs)
    killed = _groups_with(groups, "one man", "One man", "one person")
    assert len(killed) == 1 and {r.article for r in killed[0].reports} == {"a0", "a1", "a2"}
    dozen = _groups_with(groups, "dozen")
    assert len(dozen) == 1 and {r.article for r in dozen[0].reports} == {"a2", "a3"}


@pytest.mark.parametrize("x, y, related", [
    ("person", "man", True), ("people", "employee", True), ("people", "villager", True),
    ("people", "protester", True), ("man", "person", True),
    ("man", "woman", False), ("people", "village", False), ("employee", "worker", False),
    ("people", "game", False),
])
def test_person_hypernyms(x, y, related):
    assert _person_hypernym(x, y) is related


def test_a_toll_that_rose_on_another_day_is_still_one_toll():
    arts, exs = story_of(["Twelve people were killed in the floods on Monday.",
                        "The death toll from the floods rose to 40 on Wednesday."])
    groups = _groups_with(fact_groups(arts, exs), "12", "Twelve", "40")
    assert len(groups) == 1 and {r.article for r in groups[0].reports} == {"a0", "a1"}


def test_people_and_civilians_are_one_toll_but_police_are_a_part():
    arts, exs = story_of(["The quake injured five people in the town.",
                        "Two villagers were injured by the quake in the town."])
    (group,) = _groups_with(fact_groups(arts, exs), "five", "Two")
    assert group.verdict == "conflict" and {r.article for r in group.reports} == {"a0", "a1"}
    arts, exs = story_of(["The clashes killed 225 people across the country.",
                        "The clashes killed 18 police officers across the country."])
    assert len(_groups_with(fact_groups(arts, exs), "225", "18")) == 2


def test_a_place_one_report_names_is_not_the_label_of_all():
    arts, exs = story_of(["The quake injured five people on the island.",
                        "The quake injured five people, officials said.",
                        "Five people from Zinbi were injured in the quake."])
    (group,) = _groups_with(fact_groups(arts, exs), "five", "Five")
    assert len(group.reports) == 3 and "Zinbi" not in group.label


def test_a_count_whose_event_comes_from_its_clause_groups_with_the_same_toll():
    arts, exs = story_of(["An earthquake hit the island on Sunday, injuring five people.",
                        "The governor said five people had received treatment after being injured by the quake."])
    groups = _groups_with(fact_groups(arts, exs), "five")
    assert len(groups) == 1 and {r.article for r in groups[0].reports} == {"a0", "a1"}
    assert "who" not in groups[0].label


def test_a_small_number_of_two_unrelated_nouns_is_two_facts():
    arts, exs = story_of(["The team lost the series in four games last month.",
                        "The team is one of four teams pursuing the player."])
    groups = _groups_with(fact_groups(arts, exs), "four games", "four teams")
    assert all(len({r.article for r in g.reports}) == 1 for g in groups)


def test_a_bound_of_last_season_is_not_a_bound_of_now():
    arts, exs = story_of(["The team offered at least $160 million for the player.",
                        "The offer would be the biggest, surpassing the $90 million deal the team gave "
                        "another player last season."])
    groups = _groups_with(fact_groups(arts, exs), "$160 million", "$90 million")
    assert all(len({r.article for r in g.reports}) == 1 for g in groups)


def test_a_class_said_of_the_doers_phrase_is_not_the_label_of_what_is_counted():
    arts, exs = story_of(["Singers from the two towns will hold a joint concert in the valley.",
                        "Talks between the two towns began last week."])
    groups = _groups_with(fact_groups(arts, exs), "two towns")
    assert groups and all("detained" not in g.label for g in groups)
