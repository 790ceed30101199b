"""Fact row labels: what a row counts and what happened to it, in plain words, from the figure's
reading (counted noun, predicate, scope, dimension); where nothing is known of what a figure counts,
the row says so with the words around it. The sentences are written for these tests."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures
from synoptic.reconcile import fact_groups
from synoptic.reconcile.facts import _unit_name
from synoptic.records import Article, Extraction

#: A label that is weak by the mechanical test of issue #13 step 5: a bare dimension word, a word
#: in brackets ending as a verb form, or "number"/"amount in" with nothing said of what is counted.
_WEAK = re.compile(r"^(?:number|amount in \w+|figure|people|age|percent)$|^number\b|\((?:\w+(?:ed|ing))\)")


def _labels(texts: list[tuple[str, str]]) -> list[str]:
    arts, exs = [], []
    for aid, text in texts:
        arts.append(Article(id=aid, text=text, published=datetime(2024, 5, 1), published_how="metadata"))
        figs = read_figures(text, find_figures(text))
        for f in figs:
            f.article = aid
        exs.append(Extraction(article=aid, figures=figs))
    return [g.label for g in fact_groups(arts, exs)]


def test_a_figure_nothing_is_known_of_is_shown_in_its_own_words() -> None:
    (label,) = _labels([("a", "The valley, home to 40,000, sits below the dam.")])
    assert label.startswith("figure in “") and "40,000" in label, label
    assert not _WEAK.search(label)


def test_the_words_around_a_figure_stay_inside_its_clause_and_keep_a_clock_time_whole() -> None:
    (label,) = _labels([("a", "Rain fell all week; by 10:30 some 4,000 had crossed the line.")])
    assert "10:30" in label and "4,000" in label and "Rain" not in label, label
    # a race time is no figure at all (not "45" of "3:12:45")
    assert _labels([("a", "Rain fell all week; the winner crossed the line in 3:12:45 on Sunday.")]) == []


def test_people_and_what_they_did_where() -> None:
    labels = _labels([("a", "More than 3,000 people marched through Lyon on Friday."),
                      ("b", "Some 3,000 people marched in Lyon, organisers said.")])
    assert "people who marched in Lyon" in labels, labels
    # a predicate the row already names is not said twice, and a class of its own is kept
    assert _labels([("a", "About 200 residents were evacuated from Tours.")]) == ["residents evacuated"]


def test_a_verb_of_another_noun_is_not_said_of_the_people_counted() -> None:
    labels = _labels([("a", "The poll of 900 people gave the mayor a clear lead.")])
    assert labels == ["people in “The poll of 900 people gave the mayor”"], labels


def test_an_age_without_a_name_says_whose_it_is() -> None:
    labels = _labels([("a", "Her 14-year-old nephew was treated in hospital.")])
    assert labels == ["age of the nephew"], labels
    labels = _labels([("a", "Officers said the 52-year-old had left the house.")])
    assert labels and labels[0].startswith("age in “") and "52-year-old" in labels[0], labels


def test_a_share_of_people_is_a_percent_of_them() -> None:
    labels = _labels([("a", "In the survey, 41 percent of voters backed the plan.")])
    assert labels == ["percent of voters"], labels


@pytest.mark.parametrize("symbol, name", [("mm", "millimetres"), ("kn", "knots"), ("ft", "feet"),
                                          ("nmi", "nautical miles"), ("t", "tonnes"), ("km/h", "kilometres per hour")])
def test_a_unit_is_named_in_words_from_the_units_table(symbol: str, name: str) -> None:
    assert _unit_name(symbol) == name


def test_a_sum_nothing_is_known_of_quotes_its_words_not_a_bare_currency() -> None:
    labels = _labels([("a", "The league agreed on $2.5bn with its broadcasters.")])
    assert labels and all(x != "amount in USD" for x in labels), labels


def test_a_measure_of_nothing_named_quotes_its_words() -> None:
    labels = _labels([("a", "The quake struck about 40 kilometres off the coast.")])
    assert labels == ["kilometres in “The quake struck about 40 kilometres off the coast”"], labels


def test_a_share_is_of_what_the_sentence_says_and_a_noun_it_is_not_of_is_quoted() -> None:
    assert _labels([("a", "The tax brings in 9% of the state budget each year.")]) == ["percent of the state budget"]
    labels = _labels([("a", "The survey had a 2.5 percent margin of error.")])
    assert labels == ["percent in “The survey had a 2.5 percent margin of error”"], labels


def test_people_something_was_done_to_are_said_in_the_passive() -> None:
    labels = _labels([("a", "Nearly 600 people were marched out of the square by police.")])
    assert labels == ["people marched"], labels
