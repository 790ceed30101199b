"""Entities: one body or place written two ways (its place's initials or adjective, a country's acronym typed a
nationality), a person whose family name is a month's, post-nominal letters, and the types a reader sees
(a volcano is a place, a condition is no entity, a district's name is a place's)."""

from __future__ import annotations

from synoptic.extract.entities import find_mentions, resolve, short_form
from synoptic.records import Mention


def _m(text: str, type_: str, article: str, start: int = 0) -> Mention:
    return Mention(text=text, type=type_, start=start, end=start + len(text), article=article)


def _entity_of(mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """Each mention's (entity, type) after resolving, by its text (the texts are distinct)."""
    resolve(mentions)
    return {m.text: (m.entity or "", m.type) for m in mentions}


def test_a_body_named_after_a_place_written_out_or_by_initials_is_one_body() -> None:
    got = _entity_of([_m("United States Coast Survey", "ORG", "a"), _m("U.S. Coast Survey", "ORG", "b"),
                      _m("United Nations College", "ORG", "a", 50), _m("U.N. College", "ORG", "b", 50)])
    assert got["United States Coast Survey"][0] == got["U.S. Coast Survey"][0]
    assert got["United Nations College"][0] == got["U.N. College"][0]
    assert got["United Nations College"][0] != got["U.S. Coast Survey"][0]


def test_a_body_named_after_a_place_or_its_adjective_is_one_body() -> None:
    got = _entity_of([_m("Ohio Weather Office", "ORG", "a"), _m("Ohioan Weather Office", "ORG", "b"),
                      _m("Mexico Tourism Board", "ORG", "a", 40), _m("Mexican Tourism Board", "ORG", "b", 40)])
    assert got["Ohio Weather Office"][0] == got["Ohioan Weather Office"][0]
    assert got["Mexico Tourism Board"][0] == got["Mexican Tourism Board"][0]


def test_initials_of_another_place_keep_bodies_apart() -> None:
    got = _entity_of([_m("United States Coast Survey", "ORG", "a"), _m("U.K. Coast Survey", "ORG", "b"),
                      _m("UN Coast Survey", "ORG", "b", 40)])
    assert got["United States Coast Survey"][0] != got["U.K. Coast Survey"][0]
    assert got["UN Coast Survey"][0] != got["United States Coast Survey"][0]


def test_a_country_acronym_typed_a_nationality_joins_the_country_as_a_place() -> None:
    got = _entity_of([_m("United States", "GPE", "a"), _m("U.S.", "NORP", "a", 30), _m("US", "NORP", "b"),
                      _m("UK", "NORP", "b", 20), _m("British", "NORP", "b", 40)])
    assert got["U.S."] == got["US"] == got["United States"] == ("United States", "GPE")
    assert got["UK"][0] != "United States" and got["British"][0] != "United States"


def test_post_nominal_letters_are_no_surname() -> None:
    got = _entity_of([_m("Alan Greer QC", "PERSON", "a"), _m("Greer", "PERSON", "a", 40)])
    assert got["Greer"][0] == got["Alan Greer QC"][0]
    assert short_form("Alan Greer QC", "PERSON") == "Greer"
    assert short_form("Nora May", "PERSON") is None  # a month's name is not spread as a surname


def test_a_family_name_that_is_a_month_makes_a_person_and_not_a_date() -> None:
    text = ("The minister praised Nora May for her work on the bill. Nora May, the home secretary, spoke in June. "
            "May also introduced a new rule. The vote is expected in May and the result by May 20.")
    people = [(m.text, m.start) for m in find_mentions(text) if m.type == "PERSON"]
    assert [t for t, _ in people].count("Nora May") == 2
    lone = [s for t, s in people if t == "May"]
    assert lone == [text.index("May also")]  # the dates "in May", "May 20" stay dates


def test_a_month_alone_is_no_person_without_a_full_name() -> None:
    text = "May also brought heavy rain. In May the river rose."
    assert not [m for m in find_mentions(text) if m.type == "PERSON" and "May" in m.text]


def test_a_name_before_a_condition_noun_is_no_entity() -> None:
    text = ("Tomas Berg, who has Asperger syndrome, appeared in court. His brother also has Asperger's Syndrome, "
            "said Tomas Berg.")
    assert not [m for m in find_mentions(text) if "Asperger" in m.text]


def test_a_name_before_a_natural_feature_noun_is_a_place() -> None:
    text = ("Lava poured from the Kaluakai volcano on Monday. Kaluakai has erupted often, said geologist "
            "Anna Reyes, and Kaluakai may erupt again.")
    types = {m.type for m in find_mentions(text) if m.text == "Kaluakai"}
    assert types == {"LOC"}


def test_a_word_opening_a_district_name_is_that_place() -> None:
    text = ("Residents of the lower Wakanui District were told to leave. Police in Wakanui said the road was closed, "
            "and Wakanui schools shut.")
    types = {m.type for m in find_mentions(text) if m.text == "Wakanui"}
    assert "NORP" not in types


def test_a_peer_is_named_by_style_and_family_name() -> None:
    text = "The ruling by the senior judge, Lord Hartley of Wendover, was read out. Hartley said the case was closed."
    people = [m.text for m in find_mentions(text) if m.type == "PERSON"]
    assert "Lord Hartley of Wendover" in people
    got = _entity_of([_m("Lord Hartley of Wendover", "PERSON", "a"), _m("Hartley", "PERSON", "a", 60),
                      _m("Simon Hartley", "PERSON", "b")])
    assert got["Lord Hartley of Wendover"][0] == got["Hartley"][0] == got["Simon Hartley"][0]


def test_an_acronym_typed_a_person_joins_the_long_name_with_its_initials() -> None:
    got = _entity_of([_m("Film Actors Union", "PERSON", "a"), _m("FAU", "PERSON", "a", 40), _m("FAU", "PERSON", "b"),
                      _m("XYZ", "PERSON", "b", 30)])
    assert got["FAU"][0] == got["Film Actors Union"][0]
    assert got["XYZ"][0] != got["Film Actors Union"][0]


def test_a_word_opening_a_body_name_is_no_given_name() -> None:
    """The model calls an awards ceremony a person ("Academy Awards"): the body's short form ("the Academy") must not
    become that 'person's' given name, and stays apart from the ceremony."""
    ms = [_m("Lyceum Awards", "PERSON", "a"), _m("Lyceum", "ORG", "a", 40),
          _m("Lyceum of Dramatic Arts", "ORG", "b"), _m("Lyceum", "ORG", "b", 60)]
    resolve(ms)
    assert ms[1].entity != ms[0].entity and ms[3].entity != ms[0].entity


def test_a_name_with_a_role_in_apposition_is_a_person() -> None:
    text = ("\"We need data,\" said Halvard Quist of the Nordic Data Institute and executive secretary of the project. "
            "Quist said more was needed.")
    types = {m.text: m.type for m in find_mentions(text)}
    assert types.get("Halvard Quist") == "PERSON"


def test_a_lone_surname_typed_a_place_here_and_a_person_there_is_the_person() -> None:
    got = _entity_of([_m("Halvard Quist", "PERSON", "a"), _m("Quist", "PERSON", "a", 40), _m("Quist", "GPE", "b"),
                      _m("Quist", "GPE", "b", 40)])
    assert got["Halvard Quist"][0] == "Halvard Quist"
    assert all(m == ("Halvard Quist", "PERSON") for m in got.values())


def test_back_clipped_given_names_are_one_person() -> None:
    got = _entity_of([_m("Christina Rowe", "PERSON", "a"), _m("Tina Rowe", "PERSON", "b"),
                      _m("Laurence Pike", "PERSON", "c"), _m("Larry", "PERSON", "c", 40)])
    assert got["Tina Rowe"][0] == got["Christina Rowe"][0]
    assert got["Larry"][0] == got["Laurence Pike"][0]


def test_two_women_of_one_family_with_unrelated_given_names_stay_apart() -> None:
    got = _entity_of([_m("Tina Rowe", "PERSON", "a"), _m("Marta Rowe", "PERSON", "a", 40)])
    assert got["Tina Rowe"][0] != got["Marta Rowe"][0]


def test_a_surname_one_letter_changed_is_another_name() -> None:
    got = _entity_of([_m("Jin Ho Park", "PERSON", "a"), _m("Paik", "PERSON", "a", 40)])
    assert got["Paik"][0] != got["Jin Ho Park"][0]
    got = _entity_of([_m("Jen Psaki", "PERSON", "a"), _m("Saki", "PERSON", "a", 40)])
    assert got["Saki"][0] == got["Jen Psaki"][0]  # a letter dropped: a spelling of the name


def test_a_body_name_with_and_without_an_article_after_of_is_one_body() -> None:
    got = _entity_of([_m("Friends of Rivers", "ORG", "a"), _m("Friends of the Rivers", "ORG", "b"),
                      _m("Bank of the West", "ORG", "c"), _m("Bank of West Africa", "ORG", "c", 40)])
    assert got["Friends of Rivers"][0] == got["Friends of the Rivers"][0]
    assert got["Bank of the West"][0] != got["Bank of West Africa"][0]


def test_a_name_after_the_ending_with_a_common_plural_is_no_person() -> None:
    text = ("Kim Soto will host the Harbour Awards in March. The awards are the city's oldest, and the 12th Harbour "
            "Awards will be shown live. The Chris Evans show and the Williams family sent their wishes.")
    types = {m.text: m.type for m in find_mentions(text)}
    assert types.get("Harbour Awards") != "PERSON"
    assert types.get("Kim Soto") == "PERSON" and types.get("Chris Evans", "PERSON") == "PERSON"
