"""Teams' names, clipped given names, position titles, state abbreviations and "Us" (not "US")."""

from __future__ import annotations

from synoptic.extract.entities import find_mentions, resolve
from synoptic.records import Mention


def _resolve(texts: list[str]) -> list:
    ms: list[Mention] = []
    for i, t in enumerate(texts):
        found = find_mentions(t)
        for m in found:
            m.article = f"a{i}"
        ms += found
    return resolve(ms)


def _group_of(entities: list, variant: str) -> set[str]:
    return next(set(e.variants) for e in entities if variant in e.variants)


def test_numbered_team_and_its_spoken_short_form() -> None:
    ents = _resolve([
        "Coach John Carter is out as Philadelphia 76ers head coach, the club said on Monday.",
        "The 76ers lost again at home. The Sixers have won only four of their last twelve games.",
    ])
    group = _group_of(ents, "Philadelphia 76ers")
    assert {"76ers", "Sixers"} <= group
    assert next(e.name for e in ents if "Sixers" in e.variants) == "Philadelphia 76ers"  # the full name


def test_the_plural_is_a_team_not_a_person_and_clipped_form_and_city_join() -> None:
    ents = _resolve([
        "The Tampa Bay Buccaneers beat the Saints on Sunday, and Tampa Bay moved up to second.",
        "Smith scored twice against the Bucs last season, he told reporters on Friday.",
    ])
    group = _group_of(ents, "Tampa Bay Buccaneers")
    assert {"Bucs", "Tampa Bay"} <= group
    assert next(e.type for e in ents if "Bucs" in e.variants) == "ORG"


def test_city_alone_stays_a_place_without_a_team_short_form() -> None:
    ents = _resolve(["The Seattle Times reported the fire. Seattle officials said the Times was wrong."])
    assert "Seattle" not in _group_of(ents, "Seattle Times")


def test_place_and_a_landform_plural_is_no_team() -> None:
    ms = find_mentions("He flew over the Golan Heights and the Virgin Islands last week with friends.")
    assert all(m.type != "ORG" for m in ms)


def test_clipped_given_name_is_the_same_person() -> None:
    ents = _resolve(["Guard Louis Williams scored 20 points on Tuesday.", "Lou Williams had a poor night."])
    assert {"Louis Williams", "Lou Williams"} <= _group_of(ents, "Louis Williams")
    ents = _resolve(["Anna Novak arrived on Tuesday.", "Ann Novak left on Friday."])
    assert "Ann Novak" not in _group_of(ents, "Anna Novak")


def test_position_before_a_name_is_a_title() -> None:
    ms = find_mentions("Fullback Mike Karney has received five weeks of treatment, the team said.")
    assert any(m.text == "Mike Karney" for m in ms)


def test_state_abbreviation_joins_the_state() -> None:
    ents = _resolve(["She was born in Nashville, Tenn., in 1923.", "Tennessee officials said she had died."])
    assert {"Tennessee"} < _group_of(ents, "Tennessee")


def test_title_case_us_never_joins_the_acronym() -> None:
    ents = _resolve(["Us Weekly reported the news. The U.S. Army said it would act.",
                     "Us is a magazine. The US economy grew in the United States."])
    for e in ents:
        assert not ({"Us", "Us Weekly"} & set(e.variants) and {"US", "U.S.", "United States"} & set(e.variants))


def test_title_word_that_is_a_named_persons_surname_is_kept() -> None:
    ents = _resolve(["The club fired president Billy King a year ago. Brand had been King's main target."])
    assert {"Billy King", "King"} <= _group_of(ents, "Billy King")


def test_surname_that_ends_like_a_demonym_is_the_person() -> None:
    ms = find_mentions("Golf champion Trevor Immelman has become the first South African to win it. `` It is "
                       "special, '' added Immelman, who thanked his coach Gary Player.")
    assert [m.type for m in ms if m.text == "Immelman"] == ["PERSON"]


def test_clipped_plural_joins_a_one_word_team() -> None:
    ents = _resolve(["They lost twice to the Cavaliers this week.", "The Cavs won the set by 24 points."])
    assert {"Cavaliers", "Cavs"} <= _group_of(ents, "Cavaliers")


def test_place_names_ending_like_plurals_stay_places() -> None:
    ms = find_mentions("She moved from Los Angeles to Buenos Aires and later to Palm Springs, friends said.")
    assert [m.type for m in ms if m.text in ("Los Angeles", "Buenos Aires", "Palm Springs")] \
        and all(m.type != "ORG" for m in ms)


def test_lone_surname_joins_the_far_more_named_person_of_that_surname() -> None:
    texts = [f"Actress Jane Page spoke on day {n}. Jane Page thanked her fans." for n in range(1, 4)]
    texts.append("Jane Page grew up in Ohio, where her father Jack Page worked. At 16, Page moved to New York with her sister.")
    ents = _resolve(texts)
    assert "Page" in _group_of(ents, "Jane Page")
    assert "Jack Page" not in _group_of(ents, "Jane Page")


def test_title_before_a_named_person_typed_org_is_that_person() -> None:
    ms = [Mention("GM Rob Varga", "ORG", 0, 12, "a1"), Mention("Rob Varga", "PERSON", 0, 9, "a2"),
          Mention("Rob Varga", "PERSON", 20, 29, "a3")]
    ents = resolve(ms)
    assert [(e.type, set(e.variants)) for e in ents] == [("PERSON", {"GM Rob Varga", "Rob Varga"})]
