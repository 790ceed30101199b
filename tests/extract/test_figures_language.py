"""Figures the language writes in ways a number pattern alone misses: below zero, a year-sized count,
a time between two events, a web address's slug; and what a temperature is."""

from __future__ import annotations

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import is_year, read_figures
from synoptic.lang.en.predicates import predicate_class
from synoptic.records import Figure


def _read(text: str):
    return read_figures(text, find_figures(text))


def _one(text: str, written: str):
    figs = [f for f in _read(text) if written in f.text]
    assert len(figs) == 1, [f.text for f in _read(text)]
    return figs[0]


def test_minus_reads_a_number_below_zero():
    assert _one("Outside it was minus 17 degrees.", "17").value == -17
    assert _one("They fought the fire in minus-20 degree temperatures.", "20").value == -20
    assert _one("The thermometer showed -20 degrees at dawn.", "20").value == -20
    # a hyphen inside a word or a range is no sign
    assert _one("COVID-19 cases were rising, with 120 new cases.", "120").value == 120
    assert not any(f.value < 0 for f in _read("Between 10-20 people were hurt in the COVID-19 ward."))


def test_about_a_number_below_zero_is_a_band_around_it():
    fig = _one("Temperatures were about minus 20 degrees overnight.", "20")
    assert fig.low is not None and fig.high is not None
    assert fig.low < -20 < fig.high


def test_a_number_said_of_a_temperature_is_one():
    for text in ("Outside temperatures were minus 20 as crews worked.",
                 "Crews fought the blaze in temperatures of minus 17 degrees.",
                 "Crews worked in minus-20 degree temperatures."):
        fig = next(f for f in _read(text) if f.value < 0)
        assert fig.dimension == "temperature", (text, fig.dimension)
    # degrees of a turn stay an angle
    assert _one("The ship turned 180 degrees in the channel.", "180").dimension == "angle"


def test_a_count_with_a_thousands_comma_or_a_qualifier_is_no_year():
    assert not is_year(_one("Voters went to more than 2,000 booths in the country.", "2,000"))
    assert not is_year(_one("The city has 2,000 booths in all.", "2,000"))
    assert is_year(Figure(text="2008", start=0, end=4, value=2008.0, low=2008.0, high=2008.0))
    assert not is_year(Figure(text="more than 2000", start=0, end=14, value=2000.0, low=2000.0, high=None,
                              qualifier="more than"))


def test_a_time_between_two_events_is_a_figure_and_ago_is_not():
    assert not _one("She left and came back 10 minutes later with a gun.", "10 minutes").when
    assert not _one("Firefighters battled it for nearly eight hours before it was out.", "eight hours").when
    assert _one("The congregation moved into the building 30 months ago.", "30 months").when


def test_numbers_in_a_web_address_slug_are_no_figures():
    text = "Source: example.com / krafts - food - shooter - named - charged - two - 6762404 . Two people died."
    assert [f.value for f in _read(text)] == [2.0]
    assert [f.text for f in _read("She shot three co - workers at the plant.")] == ["three"]


def test_a_phrasal_verb_of_killing_is_a_killing():
    assert predicate_class("gunned down") == "killed"
    assert predicate_class("mowing down") == "killed"
    assert predicate_class("took into custody") == "detained"
    fig = _one("She returned and gunned down two women at the plant.", "two")
    assert fig.predicate == "killed"


def test_a_fraction_of_a_whole_is_a_share_of_it():
    fig = _one("But more than half of the 288 candidates are from the ruling party.", "half")
    assert (fig.value, fig.dimension, fig.noun, fig.low, fig.high) == (50.0, "percent", "candidate", 50.0, None)
    fig = _one("Out of the 288 candidates running, more than half are members of the party.", "half")
    assert fig.noun == "candidate"
    assert round(_one("Two-thirds of voters backed the plan.", "Two-thirds").value, 1) == 66.7
    # a half of a period or of a measure is no share
    assert not [f for f in _read("In the first half of the year the team waited half an hour.") if f.unit == "percent"]


def test_a_share_without_an_of_phrase_is_of_the_subject_of_its_level_verb():
    fig = _one("Authorities said turnout reached 93.87 percent in the election.", "93.87")
    assert (fig.noun, fig.predicate) == ("turnout", None)
    assert _one("The commission said that turnout was almost 90%.", "90").noun == "turnout"
    assert _one("Unemployment fell to 4.5 percent in May.", "4.5").noun == "unemployment"


def test_an_adjective_the_copula_says_of_the_counted_noun_restricts_it():
    assert "eligible" in _one("Over 2.5 million Turkmens are eligible to vote.", "2.5").modifiers


def test_a_count_that_is_a_share_of_something_is_a_part_of_it():
    text = ("Some 2.44 million people, accounting for some 88.41 percent of the country's eligible voters, "
            "cast their ballots.")
    assert _one(text, "2.44").subgroup
    assert not _one("Some 2.44 million people cast their ballots.", "2.44").subgroup


def test_a_verb_said_of_a_quantifier_is_not_said_of_the_whole_after_its_of():
    assert _one("Almost all of the 2.5 million people eligible cast their votes.", "2.5").predicate is None
    assert _one("Police arrested 23 pirates on Saturday.", "23").predicate == "detained"


def test_one_as_an_item_of_a_list_of_counts_is_a_figure():
    text = "She was charged with two counts of murder, one count of attempted murder and other charges."
    assert [f.value for f in _read(text)] == [2.0, 1.0]
    assert [f.value for f in _read("Police found 3 guns, 2 knives and one grenade.")] == [3.0, 2.0, 1.0]
    # "one of", "one day" stay no figures
    assert [f.value for f in _read("Two of them left and one of the guards stayed.")] == [2.0]
    assert [f.value for f in _read("He spent two years in Rome and one day he left.")] == [2.0]


def test_a_count_of_instances_counts_what_its_of_phrase_names():
    fig = _one("She was charged with two counts of murder on Friday.", "two")
    assert (fig.noun, fig.predicate, fig.counted) == ("murder", "detained", "two counts of murder")
    assert _one("Doctors reported three cases of cholera in the camp.", "three").noun == "cholera"
    # a collection is no instance: "two groups of protesters" are two groups
    assert _one("Police saw two groups of protesters.", "two").noun == "group"


def test_an_attempt_modifies_the_compound_it_stands_before():
    fig = _one("She faces two murder charges and one attempted murder charge.", "one")
    assert {"murder", "attempted"} <= set(fig.modifiers)


def test_the_new_value_of_a_tally_counts_its_noun():
    figs = _read("The constitution will raise the number of seats from 65 to 125.")
    assert [(f.value, f.noun) for f in figs] == [(65.0, None), (125.0, "seat")]
    assert _one("They will raise the number of troops to 5,000.", "5,000").noun == "troop"


def test_a_noun_that_is_also_a_verb_of_an_event_says_no_event():
    assert _one("Voting takes place at 27 polling stations abroad.", "27").predicate != "deployed"
    assert predicate_class("stationed") == "deployed"


def test_a_share_keeps_the_name_it_stands_in_apposition_to():
    fig = _one("A vote is valid with a turnout more than 50 percent of eligible voters.", "50")
    assert (fig.noun, fig.aliases) == ("voter", ("turnout",))
    assert _one("They had a turnout of 90 percent.", "90").noun == "turnout"


def test_a_hyphened_compound_is_headed_by_its_last_word():
    fig = _one("The employee who shot three co - workers was charged.", "three")
    assert (fig.noun, "co" in fig.modifiers) == ("worker", True)
    assert _one("She saw four of her co-workers in the lounge.", "four").noun == "worker"
