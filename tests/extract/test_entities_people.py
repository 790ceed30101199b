"""Entities: one person or body is one entity, written in full, by surname, by given name, with initials,
suffixes, nicknames, British or American spellings; different ones stay apart."""

from __future__ import annotations

import pytest

from synoptic.extract.entities import _split_surname_pairs, name_key, resolve
from synoptic.lang.en.spelling import american
from synoptic.records import Mention


def _m(text: str, type_: str, article: str, start: int = 0, entity: str | None = None) -> Mention:
    return Mention(text=text, type=type_, start=start, end=start + len(text), article=article, entity=entity)


def _groups(mentions: list[Mention]) -> dict[str, str]:
    resolve(mentions)
    return {f"{m.article}:{m.text}:{m.start}": m.entity or "" for m in mentions}


def _family_story(lone_in_a: int) -> list[Mention]:
    """Martin Vasquez named in full in articles a and c (and by surname ``lone_in_a`` times in a); his wife Elena
    and his mother Rosa in b, where "Vasquez" alone is him; "Vasquez" alone in d, which names nobody in full."""
    ms = [_m("Martin Vasquez", "PERSON", "a"), _m("Martin Vasquez", "PERSON", "c")]
    ms += [_m("Vasquez", "PERSON", "a", 100 + 20 * i) for i in range(lone_in_a)]
    ms += [_m("Elena Vasquez", "PERSON", "b"), _m("Rosa Vasquez", "PERSON", "b", 40), _m("Martin Vasquez", "PERSON", "b", 80),
           _m("Vasquez", "PERSON", "b", 120), _m("Vasquez", "PERSON", "d", 10)]
    return ms


def test_surname_of_a_family_goes_to_the_one_the_story_names_far_more_often() -> None:
    got = _groups(_family_story(lone_in_a=12))
    assert got["b:Vasquez:120"] == got["d:Vasquez:10"] == got["a:Martin Vasquez:0"] == "Martin Vasquez"
    assert got["b:Elena Vasquez:0"] == "Elena Vasquez" and got["b:Rosa Vasquez:40"] == "Rosa Vasquez"


def test_surname_of_a_family_named_about_as_often_joins_none() -> None:
    got = _groups(_family_story(lone_in_a=0))
    assert got["b:Vasquez:120"] not in ("Martin Vasquez", "Elena Vasquez", "Rosa Vasquez")
    assert got["d:Vasquez:10"] not in ("Martin Vasquez", "Elena Vasquez", "Rosa Vasquez")


def test_given_name_alone_joins_the_one_person_with_it() -> None:
    ms = [_m("Dana Whitlock", "PERSON", "a"), _m("Dana", "PERSON", "a", 50), _m("Dana", "PERSON", "b"),
          _m("Owen Pratt", "PERSON", "b", 30)]
    got = _groups(ms)
    assert got["a:Dana:50"] == got["b:Dana:0"] == "Dana Whitlock"


def test_given_name_shared_by_two_people_or_also_a_surname_joins_none() -> None:
    ms = [_m("Dana Whitlock", "PERSON", "a"), _m("Dana Mills", "PERSON", "b"), _m("Dana", "PERSON", "b", 50),
          _m("Grant Hale", "PERSON", "c"), _m("Carter Grant", "PERSON", "c", 20), _m("Grant", "PERSON", "d")]
    got = _groups(ms)
    assert got["b:Dana:50"] not in ("Dana Whitlock", "Dana Mills")
    assert got["d:Grant:0"] != "Grant Hale"


def test_given_name_the_model_typed_a_place_is_the_person_of_its_article() -> None:
    ms = [_m("Lior Mendel", "PERSON", "a"), _m("Lior", "GPE", "a", 40), _m("Lior Mendel", "PERSON", "b"),
          _m("Georgia Banks", "PERSON", "c"), _m("Georgia", "GPE", "c", 40), _m("Georgia", "GPE", "d")]
    resolve(ms)
    assert (ms[1].entity, ms[1].type) == ("Lior Mendel", "PERSON")
    assert ms[4].type == "GPE" and ms[4].entity == "Georgia"  # a country's (and a US state's) name stays a place


@pytest.mark.parametrize(
    ("full", "other"),
    [('Luis Alberto "Beto" Reyes', "Beto Reyes"), ("Luis Alberto (Beto) Reyes", "Beto Reyes"),
     ("K. Warren Dobbs", "Warren Dobbs"), ("Paul T. Grier III", "Paul Grier"), ("Paul Grier Jr.", "Paul Grier")],
)
def test_nickname_initials_and_suffix_are_one_person(full: str, other: str) -> None:
    got = _groups([_m(full, "PERSON", "a"), _m(other, "PERSON", "b")])
    assert got[f"a:{full}:0"] == got[f"b:{other}:0"]


def test_different_given_names_with_an_initial_stay_apart() -> None:
    got = _groups([_m("K. Warren Dobbs", "PERSON", "a"), _m("Keith Dobbs", "PERSON", "b"), _m("Alan Dobbs", "PERSON", "c")])
    assert got["a:K. Warren Dobbs:0"] != got["c:Alan Dobbs:0"]
    assert got["b:Keith Dobbs:0"] != got["c:Alan Dobbs:0"]


@pytest.mark.parametrize(
    ("british", "us"),
    [("centre", "center"), ("Centres", "centers"), ("neighbourhood", "neighborhood"), ("Defence", "defense"),
     ("organisations", "organizations"), ("theatre", "theater"), ("programme", "program"), ("Labour", "labor")],
)
def test_british_and_american_spellings_share_a_key(british: str, us: str) -> None:
    assert name_key(british) == name_key(us)


@pytest.mark.parametrize("word", ["four", "tour", "hour", "acre", "genre", "promise", "grey", "tyre", "storey"])
def test_words_that_only_look_british_are_kept(word: str) -> None:
    assert american(word) == word


def test_centre_and_center_are_one_organisation() -> None:
    got = _groups([_m("Lakeside Recovery Centre", "ORG", "a"), _m("Lakeside Recovery Center", "ORG", "b")])
    assert got["a:Lakeside Recovery Centre:0"] == got["b:Lakeside Recovery Center:0"]


def test_body_after_its_country_or_place_is_the_body() -> None:
    ms = [_m("U.S. Geological Survey", "ORG", "a"), _m("Geological Survey", "ORG", "b"),
          _m("Denton", "GPE", "c"), _m("Denton Hillcrest Recovery Clinic", "ORG", "c", 30),
          _m("Hillcrest Recovery Clinic", "ORG", "d")]
    got = _groups(ms)
    assert got["a:U.S. Geological Survey:0"] == got["b:Geological Survey:0"]
    assert got["c:Denton Hillcrest Recovery Clinic:30"] == got["d:Hillcrest Recovery Clinic:0"]
    assert got["c:Denton:0"] == "Denton"


def test_ministry_after_a_country_stays_apart_from_an_unqualified_one() -> None:
    got = _groups([_m("French Defence Ministry", "ORG", "a"), _m("Defence Ministry", "ORG", "b"),
                   _m("German Defence Ministry", "ORG", "c")])
    assert got["a:French Defence Ministry:0"] != got["c:German Defence Ministry:0"]


def test_committee_name_with_a_word_more_is_one_committee() -> None:
    ms = [_m("Senate Energy Committee", "ORG", "a"), _m("Senate Energy Resources Committee", "ORG", "b"),
          _m("Senate Finance Committee", "ORG", "c")]
    got = _groups(ms)
    assert got["a:Senate Energy Committee:0"] == got["b:Senate Energy Resources Committee:0"]
    assert got["c:Senate Finance Committee:0"] != got["a:Senate Energy Committee:0"]


def test_law_joins_its_acronym() -> None:
    ms = [_m("Clean Water Act", "LAW", "a"), _m("CWA", "ORG", "b"), _m("Clean Water Act", "LAW", "b", 30)]
    got = _groups(ms)
    assert got["b:CWA:0"] == got["a:Clean Water Act:0"] == "Clean Water Act"
    assert ms[0].type == "LAW"


def test_publication_title_alone_joins_its_magazine_and_website() -> None:
    ms = [_m("Glimmer magazine", "ORG", "a"), _m("Glimmer", "PERSON", "b"), _m("Glimmer.com", "ORG", "c"),
          _m("Glimmer", "PERSON", "c", 40)]
    got = _groups(ms)
    assert got["a:Glimmer magazine:0"] == got["b:Glimmer:0"] == got["c:Glimmer.com:0"] == got["c:Glimmer:40"]


def test_names_either_side_of_a_comma_are_two() -> None:
    text = "In a talk with Glimmer, Whitlock said. Dana Whitlock left. Sammy Davis, Jr. sang."
    ms = [Mention(text="Glimmer, Whitlock", type="ORG", start=15, end=32),
          Mention(text="Dana Whitlock", type="PERSON", start=39, end=52),
          Mention(text="Sammy Davis, Jr.", type="PERSON", start=59, end=75)]
    got = [m.text for m in _split_surname_pairs(text, ms)]
    assert got == ["Glimmer", "Whitlock", "Dana Whitlock", "Sammy Davis, Jr."]


def test_place_where_one_lives_is_no_person() -> None:
    from synoptic.extract.entities import _designate

    text = "The Oak Hollow resident was married. Marsh, of Oak Hollow, was a veteran. Dana Whitlock, 30, left."
    for start, name, want in ((4, "Oak Hollow", "GPE"), (47, "Oak Hollow", "GPE"), (74, "Dana Whitlock", "PERSON")):
        m = Mention(text=name, type="PERSON", start=start, end=start + len(name))
        assert text[m.start:m.end] == name
        _designate(text, m)
        assert m.type == want, name


def test_plural_title_after_a_title_word_is_no_person_name() -> None:
    from synoptic.extract.entities import _person_rest

    assert not _person_rest(["Officers", "Section"])
    assert _person_rest(["Dana", "Whitlock"])


def test_a_persons_canonical_name_does_not_start_with_an_initial() -> None:
    ms = [_m("K. Warren Dobbs", "PERSON", "a"), _m("Warren Dobbs", "PERSON", "b")]
    resolve(ms)
    assert ms[0].entity == ms[1].entity == "Warren Dobbs"


def test_given_name_of_a_title_and_a_place_read_as_a_person_stays_a_place() -> None:
    ms = [_m("Elmwood Sheriff", "PERSON", "a"), _m("Elmwood", "GPE", "a", 40), _m("Elmwood", "GPE", "b")]
    resolve(ms)
    assert ms[1].type == "GPE" and ms[1].entity == "Elmwood"


@pytest.mark.parametrize(("tag", "junk"), [("D-Wash.", True), ("R-Texas", True), ("D-W.Va.", True), ("I-Vt.", True),
                                           ("D-Day", False), ("I-90", False), ("Coca-Cola", False)])
def test_party_and_state_tag_is_no_name(tag: str, junk: bool) -> None:
    from synoptic.extract.entities import _junk

    assert _junk(tag, set()) is junk


def test_act_typed_an_organisation_is_a_law() -> None:
    ms = [_m("Clean Water Act", "ORG", "a"), _m("Clean Waters Act", "LAW", "b")]
    resolve(ms)
    assert ms[0].type == ms[1].type == "LAW" and ms[0].entity == ms[1].entity


def test_given_name_the_model_typed_a_body_is_the_person_of_its_article() -> None:
    ms = [_m("Bettina Lowe", "PERSON", "a"), _m("Bettina", "ORG", "a", 40), _m("NASA", "ORG", "a", 60),
          _m("Nasa Okoro", "PERSON", "a", 80)]
    resolve(ms)
    assert (ms[1].entity, ms[1].type) == ("Bettina Lowe", "PERSON")
    assert ms[2].type == "ORG"


def test_two_word_body_after_a_town_or_a_state_stays_apart() -> None:
    ms = [_m("Denton", "GPE", "a"), _m("Denton Superior Court", "ORG", "a", 20), _m("Superior Court", "ORG", "b"),
          _m("Nevada Supreme Court", "ORG", "c"), _m("Supreme Court", "ORG", "d")]
    got = _groups(ms)
    assert got["a:Denton Superior Court:20"] != got["b:Superior Court:0"]
    assert got["c:Nevada Supreme Court:0"] != got["d:Supreme Court:0"]


def test_a_name_and_another_read_as_one_body_are_two() -> None:
    from synoptic.extract.entities import _split_known_pairs

    ms = [Mention(text="Glimmer and Our Weekly", type="ORG", start=10, end=32),
          Mention(text="Smith and Wesson", type="ORG", start=40, end=56)]
    extra = _split_known_pairs(ms, {"Glimmer": "ORG", "Our Weekly": "ORG"})
    assert [(m.text, m.start, m.end) for m in ms + extra] == [
        ("Glimmer", 10, 17), ("Smith and Wesson", 40, 56), ("Our Weekly", 22, 32)]


def test_short_title_case_magazine_joins_its_name_and_site_not_the_country() -> None:
    ms = [_m("Us Weekly", "ORG", "a"), _m("Us", "NORP", "b"), _m("UsMagazine.com", "ORG", "c"), _m("U.S.", "GPE", "d"),
          _m("United States", "GPE", "d", 20)]
    got = _groups(ms)
    assert got["a:Us Weekly:0"] == got["b:Us:0"] == got["c:UsMagazine.com:0"]
    assert got["d:U.S.:0"] != got["a:Us Weekly:0"]


@pytest.mark.parametrize(
    ("text", "name", "work"),
    [("She starred in `` Ray Holden '' and left.", "Ray Holden", True),
     ('Her credits include "Ray Holden" and more.', "Ray Holden", True),
     ("a role in the sitcom Ray Holden last year", "Ray Holden", True),
     ("She met Ray Holden last year.", "Ray Holden", False),
     ('"Ray Holden is here," she said.', "Ray Holden", False),
     ('living in "Kabul" since', "Kabul", False),
     ("the film 'Fargo' won", "Fargo", True)],
)
def test_work_title_is_read_from_quotes_and_work_nouns(text: str, name: str, work: bool) -> None:
    from synoptic.extract.entities import _work_title

    start = text.index(name)
    kind = "GPE" if name in ("Kabul", "Fargo") else "PERSON"
    assert _work_title(text, Mention(text=name, type=kind, start=start, end=start + len(name))) is work


def test_name_listed_among_people_is_a_person() -> None:
    from synoptic.extract.entities import _fix_list_types

    text = "stars including Nora Vance, Ada Quill and Rex Hart. Goldman Fisk and Ada Quill met."
    names = [("Nora Vance", "ORG"), ("Ada Quill", "PERSON"), ("Rex Hart", "PERSON"), ("Goldman Fisk", "ORG"),
             ("Ada Quill", "PERSON")]
    ms, at = [], 0
    for name, kind in names:
        at = text.index(name, at)
        ms.append(Mention(text=name, type=kind, start=at, end=at + len(name)))
        at += len(name)
    _fix_list_types(ms, text)
    assert [m.type for m in ms] == ["PERSON", "PERSON", "PERSON", "ORG", "PERSON"]


def test_family_name_typed_a_body_is_the_person_unless_a_body_starts_with_it() -> None:
    ms = [_m("Nora Vance", "PERSON", "a"), _m("Vance", "ORG", "b"), _m("Rex Fordham", "PERSON", "c"),
          _m("Fordham", "ORG", "d"), _m("Fordham University", "ORG", "d", 30)]
    got = _groups(ms)
    assert got["b:Vance:0"] == "Nora Vance" and ms[1].type == "PERSON"
    assert ms[3].type == "ORG" and got["d:Fordham:0"] != "Rex Fordham"
