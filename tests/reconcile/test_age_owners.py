"""reconcile.facts and extract.reading: whose an age is. An age belongs to the noun it modifies
("a 66-year-old woman", "the 36-year-old driver", read from the parse) or to a named person, never
to the nearest name when that name is a shop or a place standing near (even one a tagger typed
PERSON); and the ages of one named person that disagree are one fact, a conflict. Also a reading
fix for measures grouped beside them ("fell about 200m": the glued symbol is no verb). The articles
are written for these tests."""

from __future__ import annotations

from synoptic.extract.figures import find_figures
from synoptic.extract.reading import read_figures
from synoptic.reconcile import fact_groups
from synoptic.records import Article, Extraction, FactGroup, Figure
from tests.reconcile.conftest import story_with_people

# "Dale's Market" typed PERSON on purpose: the age must not be read as the shop's
_NAMES = ("Mary Stone", "Dale's Market", "Tom Reed", "Paul Vance", "John Reed")


def _story(texts: dict[str, str]) -> tuple[list[Article], list[Extraction]]:
    return story_with_people(texts, _NAMES)


def _ages(texts: dict[str, str]) -> list[FactGroup]:
    return [g for g in fact_groups(*_story(texts)) if g.dimension == "age"]


def _age_of(text: str, value: int) -> Figure:
    (fig,) = [f for f in read_figures(text, find_figures(text)) if f.value == value and f.dimension == "age"]
    return fig


def test_the_noun_an_age_modifies_is_read_from_the_parse() -> None:
    assert _age_of("Police said a 66-year-old woman was hurt outside Dale's Market.", 66).subject == "woman"
    assert _age_of("Police stopped the 36-year-old driver a few blocks away.", 36).subject == "driver"
    assert _age_of("The crash killed a 66-year-old Burnsville woman.", 66).subject == "woman"


def test_a_named_persons_age_has_no_common_noun() -> None:
    assert _age_of("Police said 66-year-old Mary Stone was hurt.", 66).subject is None
    assert _age_of("Tom Reed, a 36-year-old man, was arrested.", 36).subject is None


def test_an_age_near_a_shop_is_not_the_shops() -> None:
    groups = _ages({"a": "Police said a 66-year-old woman was hurt outside Dale's Market on Friday.",
                    "b": "Mary Stone, 66, was hurt on Friday."})
    assert len(groups) == 1
    assert "Dale" not in groups[0].label and "Mary Stone" in groups[0].label
    assert {r.article for r in groups[0].reports} == {"a", "b"}


def test_two_people_of_two_ages_stay_apart() -> None:
    groups = _ages({"a": "Police said 36-year-old Tom Reed hit 66-year-old Mary Stone.",
                    "b": "Tom Reed, 36, was charged. Mary Stone, 66, died."})
    assert len(groups) == 2


def test_one_persons_ages_that_disagree_are_one_conflict() -> None:
    groups = _ages({"a": "The climber, 31-year-old Paul Vance, fell on Sunday.",
                    "b": "Paul Vance, 32, fell on Sunday.",
                    "c": "The body of Paul Vance, 32, was found on Monday."})
    assert len(groups) == 1
    assert groups[0].verdict == "conflict"
    assert len(groups[0].reports) == 3


def test_a_name_after_the_is_no_persons() -> None:
    # a bare age beside a name the tagger typed PERSON, written with "the": a shop's, not its age
    groups = _ages({"a": "The victim, 66, was outside the Dale's Market on Friday.",
                    "b": "Mary Stone, 66, was hurt on Friday."})
    assert all("Dale" not in g.label for g in groups)


def test_a_glued_unit_symbol_is_no_predicate() -> None:
    # "200m": the tagger may take the symbol "m" for a verb ("I'm"); it is the figure's unit
    text = "He slipped and fell about 200m down a steep icy gully."
    start = text.index("about")
    fig = Figure(text="about 200m", start=start, end=start + len("about 200m"), value=200.0, low=180.0,
                 high=220.0, qualifier="about", unit="m", category="measure")
    read_figures(text, [fig])
    assert fig.dimension == "length" and fig.predicate != "m"


def test_two_people_of_one_surname_keep_their_own_ages() -> None:
    groups = _ages({"a": "Tom Reed, 20, was taken to hospital.",
                    "b": "John Reed, 45, was taken to hospital."})
    assert len(groups) == 2 and all(g.verdict == "single-source" for g in groups)
