"""extract.figures and extract.reading: what a number is (a clock time, a calibre, a height, a
weight in pounds, half an hour, the ages of a list) and whether it is said of a real occasion (a
counterfactual, a condition, a compared age, a round figure of speech in a quote), what it counts
under (the noun it stands with, not a verb said of another noun), and the spans a story compares
(the time between two events, a distance counted in doors or buildings). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures
from synoptic.records import Figure


def _read(text: str) -> list[Figure]:
    return sorted(read_figures(text, find_figures(text)), key=lambda f: f.start)


def _one(text: str, value: float) -> Figure:
    (fig,) = [f for f in _read(text) if f.value == value]
    return fig


@pytest.mark.parametrize("text", [
    "He spotted the man shortly after 3 p. m. and chased him.",
    "Gunfire was reported at about 3 p.m. on Friday.",
    "A. 38 - caliber revolver was recovered.",
    "Police found a .38 caliber gun and a 12-gauge shotgun.",
])
def test_clock_times_and_calibres_count_nothing(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("He is 5 - feet - 8 inches tall.", 68),
    ("Deputies said he is 5 - foot - 8, 135 pounds.", 68),
    ("The 5-foot-11 guard scored.", 71),
    ("a 5 foot, 8 inch man", 68),
])
def test_a_height_in_feet_and_inches_is_one_figure(text: str, value: int) -> None:
    heights = [f for f in find_figures(text) if f.unit == "in"]
    assert [f.value for f in heights] == [value]
    assert all(f.value != 8 or f.unit for f in find_figures(text))  # the inches are no count of their own


@pytest.mark.parametrize(("text", "unit", "category"), [
    ("He is 5 - feet - 8 inches tall, weighing 130 pounds.", "lb", "measure"),
    ("The suspect, a 200 - pound man, fled.", "lb", "measure"),
    ("Police seized 1,200 pounds of marijuana.", "lb", "measure"),
    ("The chocolate brought in 40 million pounds in a decade.", "GBP", "money"),
    ("Bettors had to wager 10 pounds to win.", "GBP", "money"),
    ("He was fined 200 pounds.", "GBP", "money"),
    ("It cost 500 pounds sterling.", "GBP", "money"),
])
def test_pounds_are_money_only_with_a_scale_a_money_verb_or_sterling(text: str, unit: str, category: str) -> None:
    (fig,) = [f for f in find_figures(text) if "pound" in f.text]
    assert (fig.unit, fig.category) == (unit, category)


def test_half_an_hour_is_a_duration() -> None:
    (fig,) = find_figures("She hosts a half-hour show on cable.")
    assert (fig.value, fig.unit, fig.category) == (0.5, "hours", "duration")
    assert [(f.value, f.unit) for f in find_figures("It took half an hour.")] == [(0.5, "hours")]
    assert find_figures("In the first half of the day nothing moved.") == []


def test_the_ages_of_a_list_are_ages_of_its_noun() -> None:
    figs = _read("He is survived by two sons, ages 6 and 16.")
    ages = [f for f in figs if f.dimension == "age"]
    assert [(f.value, f.subject) for f in ages] == [(6, "sons"), (16, "sons")]
    assert _one("She was 85.", 85).dimension == "age"


@pytest.mark.parametrize(("text", "value"), [
    ('"There might have been two people killed," he said.', 2),
    ("The crash could have killed 40 passengers.", 40),
    ("If 100 people die, the law changes.", 100),
    ('"He had more motivation than a 21-year-old just starting," he said.', 21),
    ('"I dated a million guys," she said.', 1_000_000),
])
def test_figures_said_of_no_real_occasion(text: str, value: float) -> None:
    assert _one(text, value).hypothetical


@pytest.mark.parametrize(("text", "value"), [
    ("Two people were killed in the crash.", 2),
    ("The rules will take effect in 30 days.", 30),
    ("He could face up to 20 years in prison.", 20),
    ("The company sold a million copies.", 1_000_000),
    ("The 21-year-old driver was arrested.", 21),
])
def test_real_claims_are_not_hypothetical(text: str, value: float) -> None:
    assert not _one(text, value).hypothetical


def test_a_count_in_a_persons_phrase_is_not_what_the_verb_says() -> None:
    fig = _one("The newlywed and father to two boys died almost immediately.", 2)
    assert fig.noun == "boy"
    assert fig.event is None and fig.predicate != "killed"
    assert _one("Two boys died in the fire.", 2).event == "killed"


def test_the_span_between_two_events_is_read_with_its_verb() -> None:
    a = _one("He had married two weeks before the shooting, and had won a medal.", 2)
    b = _one("His widow, who married the deputy three weeks before he was murdered, spoke.", 3)
    c = _one("He boasted about it to inmates two weeks after the death.", 2)
    assert a.gap and a.gap == b.gap
    assert c.gap != a.gap


@pytest.mark.parametrize("text", [
    "The defendant was arrested five buildings away on Main Street.",
    "The man then fled into an apartment three doors away.",
])
def test_a_count_of_buildings_away_is_a_distance(text: str) -> None:
    (fig,) = _read(text)
    assert fig.gap == "away"


def test_a_part_of_a_count_given_elsewhere_is_a_subgroup() -> None:
    text = ("The agency received nearly 235,000 comments. Officials said more than 200,000 of the comments "
            "opposed the rule.")
    figs = _read(text)
    assert [f.subgroup for f in figs] == [False, True]
    (held,) = _read("At least 17 of the hijacked ships are still held.")
    assert not held.subgroup  # no count of the ships to be a part of


@pytest.mark.parametrize("text", [
    "Prosecutors say he intimidated victims, including two nearly killed when they were shot.",
    "He murdered the deputy, in addition to attempting to murder at least three other people.",
])
def test_an_event_that_did_not_happen_is_no_casualty(text: str) -> None:
    (fig,) = [f for f in _read(text) if f.value in (2, 3)]
    assert fig.event is None and fig.predicate != "killed"


def test_one_count_of_a_charge_is_a_figure_and_attempted_modifies_it() -> None:
    figs = _read("He was charged with one count of attempted willful, deliberate, premeditated murder.")
    (one,) = [f for f in figs if f.value == 1]
    assert one.noun == "murder" and "attempted" in one.modifiers
    (two,) = [f for f in _read("He was convicted of two counts of possession of a firearm.") if f.value == 2]
    assert two.event is None  # a count of charges of possession, whatever the sentence says of murder


def test_a_general_case_in_the_present_is_no_occasion() -> None:
    assert _one("When one is killed, all of us lose.", 1).hypothetical
    assert not _one("When police arrived, 12 people were dead.", 12).hypothetical


def test_a_round_figure_in_a_quote_over_several_lines_is_a_manner_of_speaking() -> None:
    text = ("Asked about it, the star said, `` I've done enough of everything!\nI partied.\nI had fun.\n"
            "I dated a million guys, but I'm happy now.\nI don't need any of that. ''\n"
            "The label sold a million records last year.")
    figs = [f for f in _read(text) if f.value == 1_000_000]
    assert [f.hypothetical for f in figs] == [True, False]
