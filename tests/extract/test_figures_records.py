"""A won-lost record or a game's score written with a dash ("a 9-14 start", "an 88-72 loss") is one
figure whose value is the pair, never a numeric range that would swallow other numbers."""

from __future__ import annotations

import pytest

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures


def _figs(text: str):
    return read_figures(text, find_figures(text))


@pytest.mark.parametrize("text, written, first", [
    ("The club got off to a 9-14 start this winter.", "9-14", 9),
    ("They lost 88-72 in an ugly game, an 88-72 road loss.", "88-72", 88),
    ("The Hawks (7-7) play on Sunday.", "7-7", 7),
    ("They beat the 0-14 Lions at home.", "0-14", 0),
    ("The coach is just 2-8 in his last ten games.", "2-8", 2),
    ("His career mark stands at 284-286 (.498).", "284-286", 284),
    ("The team has a record of 5-19 and no answers.", "5-19", 5),
])
def test_a_record_or_score_is_one_figure(text: str, written: str, first: float) -> None:
    figs = [f for f in _figs(text) if f.text == written]
    assert figs, [f.text for f in _figs(text)]
    f = figs[0]
    assert f.value == first and f.low == f.high == first
    assert f.dimension == "record" and f.unit == "record"


@pytest.mark.parametrize("text, low, high", [
    ("Between 10-15 people were hurt in the crash.", 10, 15),
    ("He sold 10-15 cars last week.", 10, 15),
    ("The walk takes 10-15 minutes.", 10, 15),
])
def test_a_range_of_a_count_stays_a_range(text: str, low: float, high: float) -> None:
    f = [f for f in _figs(text) if "-" in f.text][0]
    assert (f.low, f.high) == (low, high) and f.dimension != "record"


def test_a_season_of_two_years_is_no_record() -> None:
    assert not any(f.dimension == "record" for f in _figs("It was his best year since the 2008-09 season."))


@pytest.mark.parametrize("text", [
    "In the nineteen sixties she was a star.",
    "Fans in the nineteen-fifties loved her.",
    "He was the 2006 second-overall pick.",
])
def test_a_decade_in_words_or_a_draft_place_is_no_figure(text: str) -> None:
    assert not find_figures(text), [f.text for f in find_figures(text)]


def test_seventy_something_is_that_ten() -> None:
    f = find_figures("She was seventy-something then.")[0]
    assert (f.low, f.high) == (70, 79)
    assert find_figures("It took 20 seconds.")[0].unit == "seconds"


@pytest.mark.parametrize("text, found", [
    ("She died a week after suffering a heart attack.", True),
    ("She lingered in a coma for a week.", True),
    ("He left a week ago.", False),  # a date, not a span between two events
    ("She ate twice a day.", False),
    ("He paid for a day pass.", False),
])
def test_a_week_between_two_events_is_one_week(text: str, found: bool) -> None:
    figs = [f for f in find_figures(text) if f.unit in ("weeks", "days")]
    assert bool(figs) is found, [f.text for f in find_figures(text)]
    if found:
        assert figs[0].value == 1 and figs[0].category == "duration"
