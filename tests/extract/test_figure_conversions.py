"""extract.figures and extract.reading on figures written whole: a unit conversion in brackets restating
the figure before it, a multiplier word read with its number ("two dozen"), a range with a unit and
decimals, a unit elided after a scale word, a change by a share ("by a third"), "almost as much as", and
the maximum penalty a person faced under a modal perfect. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from synoptic.extract.figures import find_figures, qualifier_kind
from synoptic.extract.reading import read_figures, same_size
from synoptic.lang.en.units import restates, sizes


def _figs(text: str):
    return read_figures(text, find_figures(text))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Lava burned some two dozen homes near the road.", 24.0, "homes"),
    ("A couple dozen people waited outside.", 24.0, "people"),
    ("They bought 3 dozen eggs.", 36.0, "eggs"),
])
def test_a_multiplier_word_is_read_with_its_number(text: str, value: float, label: str) -> None:
    (f,) = find_figures(text)
    assert f.value == value and (f.label or "").split()[0] == label  # what it counts, not "dozen"
    assert f.low is not None and f.high is not None and f.low < value < f.high  # a dozen is a round number


def test_a_bare_dozen_is_still_a_dozen_and_dozens_are_vague() -> None:
    assert [f.value for f in find_figures("A dozen cars burned.")] == [12.0]
    assert [f.value for f in find_figures("Dozens of cars burned.")] == []


def test_almost_as_much_as_is_short_of_the_number() -> None:
    (f,) = find_figures("The waste weighs almost as much as 200 ocean liners.")
    assert qualifier_kind(f.qualifier) == "almost" and f.high == 200 and not f.high_inclusive
    (g,) = find_figures("The waste weighs as much as 200 ocean liners.")
    assert qualifier_kind(g.qualifier) == "atmost"


@pytest.mark.parametrize(("text", "value"), [
    ("Sales of tablets will swell by a third in the next year.", 33.33),
    ("The budget was cut by half, officials said.", 50.0),
    ("Prices fell by two-thirds.", 66.67),
])
def test_a_change_by_a_share_is_a_percentage(text: str, value: float) -> None:
    shares = [f for f in find_figures(text) if f.unit == "percent"]
    assert [f.value for f in shares] == [value]


def test_by_a_third_party_is_no_share() -> None:
    assert find_figures("The contract was signed by a third party.") == []


def test_a_range_with_decimals_and_a_unit_is_one_figure() -> None:
    figs = find_figures("Towns collect 5 to 6 lbs. (2.3 to 2.7 kg) of scrap per person.")
    assert [(f.value, f.high, f.unit) for f in figs] == [(5.0, 6.0, "lb"), (2.3, 2.7, "kg")]
    assert [(f.value, f.high) for f in find_figures("Judges rated it 7.5 or 8.2 overall.")] == [(7.5, 7.5), (8.2, 8.2)]


def test_a_unit_or_two_is_a_range_in_that_unit() -> None:
    figs = find_figures("Ash may fall for a mile or two (1.8 to 3.2 km) downwind, for a day or two.")
    assert [(f.value, f.high, f.unit) for f in figs] == [(1.0, 2.0, "mi"), (1.8, 3.2, "km"), (1.0, 2.0, "days")]


def test_a_scaled_number_takes_the_unit_elided_after_it() -> None:
    figs = find_figures("Output would rise to 65.4 million tonnes by 2030 from 48.9 million in 2020, the study said.")
    assert [(f.value, f.unit, f.category) for f in figs] == [(pytest.approx(65.4e6), "t", "measure"),
                                                             (48.9e6, "t", "measure")]
    # a noun after the number says what it counts: no unit carried over
    figs = find_figures("The plant made 5 million tonnes of steel and hired 2 million workers.")
    assert figs[1].unit is None


@pytest.mark.parametrize(("text", "one_size"), [
    ("Each resident threw away about 43 lbs. (20 kg) of gadgets.", True),
    ("The world discarded nearly 54 million tons (49 million metric tons) of gadgets.", True),
    ("The route runs 150 nautical miles (278 km) along the coast.", True),
    # the writer's conversion, wrong (1,700 ft is 518 m): still a restatement, but only the first reading counts
    ("The plane was hit at about 1,700ft (580m) on its approach.", False),
])
def test_a_conversion_in_brackets_restates_the_figure_before_it(text: str, one_size: bool) -> None:
    figs = sorted(_figs(text), key=lambda f: f.start)
    assert len(figs) == 2 and figs[1].restates
    assert same_size(figs[0], figs[1]) is one_size


def test_a_bracket_of_another_dimension_is_no_conversion() -> None:
    figs = sorted(_figs("The tower rose 300 metres (42 tonnes of steel) above the bay."), key=lambda f: f.start)
    assert not any(f.restates for f in figs)


def test_units_know_the_sizes_of_a_ton() -> None:
    assert sizes("tons") == (1000.0, pytest.approx(907.18474), pytest.approx(1016.0469088))
    assert sizes("metric tons") == (1000.0,)
    assert restates(54, "tons", 49, "metric tons")  # short tons
    assert restates(66, "lbs", 30, "kg") and restates(45, "degrees celsius", 113, "degrees fahrenheit")
    assert not restates(5, "miles", 20, "km") and not restates(5, "miles", 8, "kg")


@pytest.mark.parametrize(("text", "hypothetical"), [
    ("He could have faced up to 99 years in prison if he was extradited.", False),
    ("The charges could have meant a sentence of up to 40 years in jail.", False),
    ("She could have faced a fine of up to $9 million.", False),
    ("The blast could have killed up to 100 people.", True),
    ("The storm could have cost up to $5 million.", True),
    ("There might have been two people killed.", True),
])
def test_the_maximum_a_person_faced_is_a_real_figure(text: str, hypothetical: bool) -> None:
    figs = _figs(text)
    assert figs and figs[0].hypothetical is hypothetical


def test_a_conversion_is_as_real_as_what_it_converts() -> None:
    figs = sorted(_figs("He could have faced a fine of up to $9 million (£6.3m) if convicted."), key=lambda f: f.start)
    assert [f.hypothetical for f in figs] == [False, False] and figs[1].restates


@pytest.mark.parametrize(("text", "noun"), [
    ("That amount weighs about 11 times as much as the Great Pyramid of Giza.", "pyramid"),
    ("The new ship is three times the size of the Titanic.", "titanic"),
    ("The plant uses 40 times as many workers as the old mill.", "time"),  # the workers are compared, not counted
])
def test_a_multiple_counts_what_it_is_a_multiple_of(text: str, noun: str) -> None:
    (f,) = _figs(text)
    assert f.noun == noun


def test_a_share_in_words_is_a_round_figure() -> None:
    (f,) = find_figures("Sales of tablets will swell by a third in the next year.")
    assert f.low is not None and f.high is not None and f.low < 33 < f.high
