"""Fact groups of figures read through the language: a killing told by the verb that has the number
as its object, temperatures below zero, times between two events."""

from __future__ import annotations

from synoptic.reconcile import fact_groups
from tests.reconcile.conftest import story_of


def _groups(texts: list[str]):
    return fact_groups(*story_of(texts))


def _home(groups, article: str, written: str):
    homes = [g for g in groups if any(r.article == article and written in r.text for r in g.reports)]
    assert len(homes) == 1, [[r.text for r in g.reports] for g in groups]
    return homes[0]


def test_the_verb_that_takes_the_number_says_what_happened_over_a_later_event_word():
    groups = _groups([
        "The gunman opened fire at the plant, killing two workers, police said.",
        "She found her foes in a break room and executed two of them with a single bullet each and "
        "critically wounded a third, police said.",
    ])
    assert _home(groups, "a0", "two") is _home(groups, "a1", "two of them")


def test_temperatures_below_zero_are_one_fact_and_disagree():
    groups = _groups([
        "Firefighters fought the blaze in temperatures of minus 17 degrees.",
        "Outside temperatures were minus 20 as firefighters battled the blaze.",
    ])
    group = _home(groups, "a0", "17")
    assert group is _home(groups, "a1", "20")
    assert group.verdict == "conflict"


def test_a_time_between_two_events_told_as_later_and_after_is_one_fact():
    groups = _groups([
        "She was escorted out of the building. About 10 minutes after, she returned with a gun.",
        "After being escorted from the plant, she re-entered 10 minutes later with a handgun.",
    ])
    assert _home(groups, "a0", "10 minutes") is _home(groups, "a1", "10 minutes")


def test_shares_of_two_wholes_one_sentence_counts_apart_are_two_facts():
    groups = _groups([
        "Ninety percent of the 288 candidates come from the ruling party.",
        "The 2.5 million eligible voters chose between 288 candidates for 125 seats. "
        "Officials said 90 percent of eligible voters took part.",
    ])
    assert _home(groups, "a0", "Ninety percent") is not _home(groups, "a1", "90 percent")



def test_counts_of_murder_and_of_attempted_murder_are_two_facts():
    groups = _groups([
        "Hiller is to be arraigned on two murder charges and one attempted murder charge later today.",
        "Hiller was charged with two counts of murder, one count of attempted murder and other charges.",
    ])
    murder = _home(groups, "a0", "two murder charges")
    attempted = _home(groups, "a0", "one attempted murder charge")
    assert murder is _home(groups, "a1", "two counts of murder")
    assert attempted is _home(groups, "a1", "one count of attempted murder")
    assert murder is not attempted


def test_a_number_no_one_rounds_names_one_thing_under_two_nouns():
    groups = _groups([
        "There are also 27 polling stations abroad, in embassies.",
        "Voters may cast ballots at more than 2,000 booths in the country, while there are 27 overseas booths.",
    ])
    assert _home(groups, "a0", "27 polling stations") is _home(groups, "a1", "27 overseas booths")
    groups = _groups([
        "The charity built 20 schools in the region last year.",
        "The charity opened 20 clinics in the region last year.",
    ])
    assert _home(groups, "a0", "20 schools") is not _home(groups, "a1", "20 clinics")




def test_records_group_by_their_pair() -> None:
    """Two reports of one record ("122-147") are one group, whatever words stand around them; a record is
    never grouped with a count inside its numbers ("nine titles") or with another record (18-30 / 18-11)."""
    groups = _groups([
        "The coach compiled a mark of 122-147 (.454). He won nine titles in Europe.",
        "The club fired its coach, who is 122-147 in three seasons. After an 18-30 start they went 18-11.",
    ])
    record = _home(groups, "a0", "122-147")
    assert record is _home(groups, "a1", "122-147") and record.verdict == "agree"
    assert _home(groups, "a0", "nine") is not record
    assert _home(groups, "a1", "18-30") is not _home(groups, "a1", "18-11")
