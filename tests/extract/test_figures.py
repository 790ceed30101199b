"""Figures: numbers with their qualifiers as intervals, what they count, whose side, who says so."""

from __future__ import annotations

import math

import pytest

from synoptic.extract.figures import ABOUT_TOLERANCE, ALMOST_LOW, find_figures
from synoptic.records import Figure

INF = math.inf


def _only(text: str) -> Figure:
    figs = find_figures(text)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


def _interval(f: Figure) -> tuple[float, float, bool, bool]:
    return (-INF if f.low is None else f.low, INF if f.high is None else f.high, f.low_inclusive, f.high_inclusive)


@pytest.mark.parametrize(
    ("text", "value", "interval"),
    [
        ("Officials said more than 740 were injured.", 740, (740, INF, False, True)),
        ("The toll rose to over 700 injured.", 700, (700, INF, False, True)),
        ("Almost 750 people were hurt.", 750, (750 * ALMOST_LOW, 750, True, False)),
        ("About 750 others were hurt.", 750, (750 * (1 - ABOUT_TOLERANCE), 750 * (1 + ABOUT_TOLERANCE), True, True)),
        ("Police held at least 3 thousand people.", 3000, (3000, INF, True, True)),
        ("The force can overcome the 2,500 men.", 2500, (2500, INF, False, True)),
        ("Some 30 people have died.", 30, (27, 33, True, True)),
        ("Fewer than 5,000 troops took part.", 5000, (-INF, 5000, True, False)),
        ("Up to 200 buses were used.", 200, (-INF, 200, True, True)),
        ("Exactly 26 people were killed.", 26, (26, 26, True, True)),
        ("More than a thousand demonstrators were injured.", 1000, (1000, INF, False, True)),
    ],
)
def test_figures_qualifier_becomes_interval(text: str, value: float, interval: tuple) -> None:
    f = _only(text)
    assert f.value == value
    got = _interval(f)
    assert got[2:] == interval[2:]
    assert got[0] == pytest.approx(interval[0]) and got[1] == pytest.approx(interval[1])


def test_figures_more_than_is_open_interval() -> None:
    f = _only("more than 740 were injured")
    assert (f.low, f.high, f.low_inclusive) == (740, None, False)
    assert f.qualifier == "more than"


@pytest.mark.parametrize(
    ("text", "value", "unit", "category"),
    [
        ("The government announced a six-month fuel price limit.", 6, "months", "duration"),
        ("The 81-year-old former leader was not seen.", 81, "years", "age"),
        ("It removed the former president, 81, from his post.", 81, "years", "age"),
        ("Damage is put at more than 88 million euros.", 88_000_000, "EUR", "money"),
        ("The deal is worth $9.6bn to the company.", 9_600_000_000, "USD", "money"),
        ("Unemployment reached 7.5% last year.", 7.5, "percent", "percent"),
        ("Nine planes with paratroopers landed.", 9, None, None),  # what is counted: Figure.noun (reading)
        ("The ministry set up 70 checkpoints across the country.", 70, None, None),
        ("More than 3,700 people have been detained.", 3700, None, "arrested"),
        ("Twenty-five people died in the fire.", 25, None, "killed"),
    ],
)
def test_figures_unit_and_category(text: str, value: float, unit: str | None, category: str) -> None:
    f = _only(text)
    assert f.value == pytest.approx(value)
    assert (f.unit, f.category) == (unit, category)


@pytest.mark.parametrize(
    "text",
    [
        "The protests began in 2022 and spread.",
        "The contingent arrived on January 6 at dawn.",
        "The update came on 07 January 2022, 14:52.",
        "He spoke on the Khabar 24 channel.",
        "Cases of COVID-19 rose again.",
        "It was the first such move and the 3rd in a row.",
        "See http://example.com/story/707597/title for more.",
        "Dozens of people gathered; no one was hurt.",
    ],
)
def test_figures_skip_years_dates_times_ordinals_and_names(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Eighteen guards were killed, more than 740 were injured.", ["security forces", "security forces"]),
        ("Among the police officers there are 18 victims and over 700 injured.", ["security forces", "security forces"]),
        ("The ministry counts 26 demonstrators killed, 18 injured.", ["demonstrators", "demonstrators"]),
        ("26 “armed criminals” were killed.", ["demonstrators"]),
    ],
)
def test_figures_subject_from_label_lead_and_list(text: str, subjects: list[str]) -> None:
    assert [f.subject for f in find_figures(text)] == subjects


def test_figures_label_keeps_the_words_as_written() -> None:
    f = _only("The Interior Ministry said 26 “armed criminals” were killed in the mayhem.")
    assert f.label == "armed criminals"
    assert f.category == "killed"
    assert f.attribution == "The Interior Ministry"


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("Seventy people were detained, according to the city police.", "the city police"),
        ("The Russian Defense Ministry said Friday that nine planes landed.", "The Russian Defense Ministry"),
        ("Nine planes landed on Friday, said the Russian Defense Ministry.", "the Russian Defense Ministry"),
        ("Nine planes landed on Friday.", None),
    ],
)
def test_figures_attribution(text: str, attribution: str | None) -> None:
    assert _only(text).attribution == attribution


def test_figures_offsets_point_at_the_text() -> None:
    text = "Officials said more than 740 were injured and 18 killed."
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text


def test_figures_others_take_the_second_casualty_word() -> None:
    figs = find_figures("The ministry added that 18 police officers were killed and wounded. About 750 others.")
    assert [(f.value, f.category, f.subject) for f in figs] == [
        (18, "killed", "security forces"), (750, "injured", "security forces")]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("Between 10 and 15 people were hurt.", 10, 15), ("Police said 10-15 people were hurt.", 10, 15)],
)
def test_figures_ranges_are_closed_intervals(text: str, low: float, high: float) -> None:
    f = _only(text)
    assert (f.low, f.high, f.value) == (low, high, low)


@pytest.mark.parametrize(
    "text",
    [
        "Klitschko improved his record to 53-3 last night.",
        "Call the police on 0845 125 2222 with information.",
        "The story id is 19548736 in the archive.",
        "She was struck at about 7 p.m. near the store.",
        "He served as mayor from 1998-2004 in the city.",
    ],
)
def test_figures_skip_records_phone_numbers_ids_and_clock_times(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [("He hosted the show five times and found it easy.", "times"),
     ("Eighteen police and National Guard personnel died.", "police and National Guard personnel")],
)
def test_figures_label_takes_and_only_inside_a_noun_phrase(text: str, label: str) -> None:
    assert _only(text).label == label


def test_figures_generic_source_named_by_the_last_mention() -> None:
    text = ("The Ministry of the Interior said that 26 people were detained, and the ministry added "
            "that 18 officers were injured.")
    assert [f.attribution for f in find_figures(text)] == ["The Ministry of the Interior"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed at least 12 people and wounded 30 others.", [(12, "killed"), (30, "injured")]),
        ("The death toll rose to 45 on Sunday.", [(45, "killed")]),
        ("Police arrested 200 protesters overnight.", [(200, "arrested")]),
        ("26 people were killed, 18 injured and at least 3 thousand under arrest.",
         [(26, "killed"), (18, "injured"), (3000, "arrested")]),
        ("One person died and one of the victims was a child.", [(1, "killed")]),
        ("Nearly two-thirds of voters backed the plan.", [(66.67, "percent")]),  # a share of a whole
        ("The quake struck 10 km north of the town.", [(10, "measure")]),
        ("The EU added €1.2bn and Britain £300m.", [(1.2e9, "money"), (3e8, "money")]),
    ],
)
def test_figures_category_from_words_before_and_after(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.category) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "attribution"),
    [("The blast killed 12 people, officials said.", "officials"),
     ("The EU added €1.2bn to the fund.", None)],
)
def test_figures_sources_lowercase_and_not_adding_money(text: str, attribution: str | None) -> None:
    assert _only(text).attribution == attribution


@pytest.mark.parametrize(
    ("text", "category", "qualifier"),
    [
        ("When he was just 20, his sister was killed in a crash.", None, None),
        ("He lost his grandfather at age 11 and left home.", "age", None),
        ("London is one of the top two financial centres.", None, None),
        ("Sales topped the 1,000 mark.", None, "topped"),
    ],
)
def test_figures_category_stays_in_its_clause(text: str, category: str | None, qualifier: str | None) -> None:
    f = _only(text)
    assert (f.category, f.qualifier) == (category, qualifier)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The firm said its profit fell to between 3 and 5 million euros.", 3e6, 5e6, "EUR"),
        ("Officials put the bill at between $2m and $3m.", 2e6, 3e6, "USD"),
        ("The repairs will cost £40m to £55m, the council said.", 40e6, 55e6, "GBP"),
        ("The region has between 2 and 3 million residents.", 2e6, 3e6, None),
    ],
)
def test_figures_range_with_scale_word_scales_both_ends(text: str, low: float, high: float, unit: str | None) -> None:
    f = _only(text)
    assert (f.low, f.high, f.value, f.unit) == (low, high, low, unit)


def test_figures_from_x_to_y_is_a_change_not_a_range() -> None:
    figs = find_figures("Sales rose from $10m to $25m last year.")
    assert [(f.value, f.low, f.high) for f in figs] == [(10e6, 10e6, 10e6), (25e6, 25e6, 25e6)]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "interval"),
    [
        # a dozen on its own is a round number: about twelve
        ("A dozen firefighters fought the blaze.", 12, None,
         (round(12 * (1 - ABOUT_TOLERANCE), 6), round(12 * (1 + ABOUT_TOLERANCE), 6), True, True)),
        ("More than a dozen boats joined the search.", 12, "More than", (12, INF, False, True)),
        ("Nearly a dozen buses were damaged.", 12, "Nearly", (12 * ALMOST_LOW, 12, True, False)),
    ],
)
def test_figures_a_dozen_is_twelve_with_its_qualifier(text: str, value: float, qualifier: str | None,
                                                      interval: tuple) -> None:
    f = _only(text)
    assert (f.value, f.qualifier, _interval(f)) == (value, qualifier, interval)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The strike costs the airline about €20m a day, or nearly €1m an hour.", ["EUR/day", "EUR/hour"]),
        ("The port loses $3m in fees for each day it stays shut.", ["USD/day"]),
        ("Farmers earn 200 dollars per week from the crop.", ["USD/week"]),
        ("The council spent £5m on the bridge; it opened every day.", ["GBP"]),
        ("He paid $40 for a day pass.", ["USD"]),
    ],
)
def test_figures_money_rate_per_time_is_part_of_the_unit(text: str, units: list[str]) -> None:
    assert [f.unit for f in find_figures(text)] == units


@pytest.mark.parametrize(("text", "values"), [
    ("The coalition holds a one-seat majority.", [1.0]),
    ("It was a one-off payment made at a one-time discount.", []),
    ("Two guards were shot; both were dead at the scene.", [2.0, 2.0]),
    ("Both sides claimed victory.", []),
    ("The store was stormed by as many as four robbers.", [4.0]),
])
def test_figures_one_in_a_compound_both_and_as_many_as(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


def test_figures_as_many_as_is_an_upper_bound() -> None:
    f = _only("Officials said as many as 300 vessels were waiting.")
    assert (f.qualifier, f.low, f.high) == ("as many as", None, 300)


@pytest.mark.parametrize(("text", "noun", "modifiers"), [
    ("The police seized seven AK-47 rifles at the port.", "rifle", ("ak-47",)),
    ("The police seized 12 AK 47 guns at the port.", "gun", ("ak-47",)),
    ("Two F-16 jets landed at the base.", "jet", ("f-16",)),
])
def test_reading_a_model_name_is_a_modifier_not_part_of_the_number(text: str, noun: str, modifiers: tuple) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert (f.noun, f.modifiers) == (noun, modifiers)


@pytest.mark.parametrize("text, noun", [
    ("Outside the town hall, 4,000 gathered to hear the mayor.", "people"),
    ("Organisers said 2,500 marched to the ministry.", "people"),
    ("The charity gathered 3,000 signatures.", "signature"),
    ("The company said 300 were laid off.", None),
])
def test_a_bare_number_that_gathers_or_marches_counts_people(text, noun):
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.noun == noun


@pytest.mark.parametrize(("text", "value", "interval"), [
    # "dozen" without a determiner or a number before it is the plural "dozens": at least two dozen
    ("Dozen of trawlers were anchored off the cape.", 24.0, (24.0, INF, True, True)),
    ("A dozen of the trawlers were anchored off the cape.", 12.0, (10.8, 13.2, True, True)),
    ("The dozen teachers interviewed agreed.", 12.0, (10.8, 13.2, True, True)),
])
def test_a_bare_dozen_of_is_dozens(text: str, value: float, interval: tuple) -> None:
    f = _only(text)
    assert (f.value, _interval(f)) == (value, interval)


@pytest.mark.parametrize(("text", "noun", "aliases"), [
    # the nouns in apposition with a measured thing, and the name a naming verb gives it
    ("The oldest barge, a 40-metre hulk, is named the Marigold.", "hulk", ("Marigold", "barge")),
    ("The ferry, a 60-metre catamaran called Sunrise, left at dawn.", "catamaran", ("Sunrise", "ferry")),
    ("A 300-metre bridge opened today.", "bridge", ()),
])
def test_reading_a_measured_thing_has_its_other_names(text: str, noun: str, aliases: tuple) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert (f.noun, f.aliases) == (noun, aliases)


@pytest.mark.parametrize(("text", "role"), [
    # what is counted undergoes an event of a class (its object, its passive subject) or does something
    ("Customs officers impounded three lorries at the border.", "undergoes"),
    ("Three lorries were impounded at the border.", "undergoes"),
    ("Three lorries were blocking the road to the border.", "does"),
    ("The smugglers, in three lorries, were trying to cross the border.", "does"),
    ("The convoy was fired on by three lorries.", "does"),
    ("Three climbers died on the mountain.", None),  # an intransitive verb of a class: not the doer
])
def test_reading_who_undergoes_and_who_does_the_event(text: str, role: str | None) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.role == role


@pytest.mark.parametrize(("text", "noun", "modifiers"), [
    ("Roughly 12% of world trade passes through the strait.", "trade", ("world",)),
    ("The party won 52% of the vote.", "vote", ()),
])
def test_reading_a_share_is_of_the_nouns_after_of(text: str, noun: str, modifiers: tuple) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert (f.noun, f.modifiers) == (noun, modifiers)


@pytest.mark.parametrize(("text", "values"), [
    # "one" counts where a casualty word of its own clause says what happened to it
    ("At least one fisherman was killed in the storm.", [1.0]),
    ("Two sailors were rescued and one is confirmed dead.", [2.0, 1.0]),
    ("One died in hospital overnight.", [1.0]),
    ("No one was hurt.", []),
    ("One of the guards was injured.", []),
    ("At one point he was arrested.", []),
    ("The one who was arrested spoke to reporters.", []),
])
def test_figures_one_with_a_casualty_word_counts(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize(("text", "predicate"), [
    # a state in a prepositional phrase ("under attack") says what happened only where the verb above
    # names no event of its own
    ("The frigate rescued two cargo ships under attack.", "rescued"),
    ("Police said 3,000 protesters under arrest.", "detained"),
])
def test_reading_the_verb_above_wins_over_a_state_phrase(text: str, predicate: str) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.predicate == predicate


@pytest.mark.parametrize(("text", "noun"), [
    # a sum is the value of what follows "worth of", however the parser hangs it; a scale's word
    # ("m") counts nothing
    ("Thieves took $5m worth of gold from the vault.", "gold"),
    ("The tanker was loaded with e75m worth of crude oil.", "oil"),
    ("The firm lost $5m last year.", None),
])
def test_reading_a_sum_worth_of_a_thing(text: str, noun: str | None) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.noun == noun


@pytest.mark.parametrize(("text", "figures"), [
    # an ordinal of a period counts how long something ongoing has lasted
    ("Strikers picketed the port for the sixth straight day.", [("sixth straight day", 6.0, "days")]),
    ("Looters struck again on the eighth day of rioting.", [("eighth day", 8.0, "days")]),
    ("The blockade entered its third week on Monday.", [("third week", 3.0, "weeks")]),
    ("They met on the first day of the month.", []),
    ("On the second day of his visit the minister spoke.", []),
])
def test_figures_an_ordinal_period_of_an_ongoing_event_is_a_duration(text: str, figures: list) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(text) if f.category == "duration"] == figures


@pytest.mark.parametrize(("text", "noun"), [
    # a sum its subject amounts to is the value of that subject; a payer is not what is paid for
    ("Eastbound freight accounts for around $2.1bn of that.", "freight"),
    ("The new stadium is worth $5m.", "stadium"),
    ("The settlement amounted to $40m.", "settlement"),
    ("The company paid $5m.", None),
])
def test_reading_a_sum_its_subject_amounts_to(text: str, noun: str | None) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.noun == noun


@pytest.mark.parametrize(("text", "predicate"), [
    # a verb with its object names the event before the verb alone
    ("Four climbers lost their lives on the ridge.", "killed"),
    ("Four climbers lost their way on the ridge.", "missing"),
])
def test_reading_a_verb_and_its_object_name_the_event(text: str, predicate: str) -> None:
    from synoptic.extract.reading import read_figures

    (f,) = read_figures(text, find_figures(text))
    assert f.predicate == predicate


@pytest.mark.parametrize(("text", "expected"), [
    ("He broke the old record of 2:01:39 set in 2018.", []),
    ("She ran 1:43.21 over 800 metres.", [800.0]),
    ("Prices rose 3.25 percent in a year.", [3.25]),
    ("Growth slowed to 2.75% in May.", [2.75]),
    ("The rate is 12.50 per cent.", [12.5]),
    ("We met at 10.30 with 20 people.", [20.0]),
    ("At 3.45 p.m. 12 people were hurt.", [12.0]),
])
def test_clock_and_race_times_are_no_figures_but_decimals_are(text: str, expected: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a space after the colon, as some corpora write a clock time
    ("The gunman surrendered just after 6: 00 p.m., and 12 people left.", [12.0]),
    ("She looked out at about 4: 20 and saw 30 officers.", [30.0]),
    ("The pileup began about 8:30am and involved 50 cars.", [50.0]),
    ("The quake struck at 1336 GMT and injured 15 people.", [15.0]),
    ("The ratio was 3: 1 in favour.", [3.0, 1.0]),
    ("Rates rose 3.25 percent while 2:01:39 stood as the record.", [3.25]),
])
def test_spaced_and_glued_clock_times_are_no_figures(text: str, expected: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police were called to an office at 40 East Fifth Avenue, where 12 people had gathered.", [12.0]),
    ("The shots were fired at 221 North 3rd St. by a man, 61, from out of town.", [61.0]),
    ("Aides at 10 Downing Street said 40 people were invited.", [40.0]),
    ("The 40 Main Street shops closed early.", [40.0]),
])
def test_house_numbers_are_no_counts(text: str, expected: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Doctors were treating one. NBC 10 is told five of the injuries are serious.", [5.0]),
    ("Crews arrived.  Skycam 6 was over the scene where at least four cars were stuck.", [4.0]),
    ("Killing 10 people, the storm moved north.", [10.0]),
    ("Another 20 people were hurt.", [20.0]),
    ("It was priced at USD 300 million.", []),
])
def test_a_name_before_a_number_is_no_count(text: str, expected: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "value", "unit", "category"), [
    ("He agreed to a five-year, $82-million deal on Tuesday.", 82e6, "USD", "money"),
    ("She signed a two-year, $12.5-million contract.", 12.5e6, "USD", "money"),
    ("The flight took 4½ hours.", 4.5, "hours", "duration"),
    ("He had a 2 1/2-inch reach advantage.", 2.5, "in", "measure"),
    ("That is bad news for the 29-year old striker.", 29.0, "years", "age"),
])
def test_hyphened_sums_fractions_and_ages(text: str, value: float, unit: str, category: str) -> None:
    fig = next(f for f in find_figures(text) if f.unit == unit)
    assert (fig.value, fig.category) == (pytest.approx(value), category)
    assert fig.qualifier is None


@pytest.mark.parametrize(("text", "value"), [
    ("She finished with a .291 average.", 0.291),
    ("She finished with a.291 average.", 0.291),
    ("It was a career-best.291 mark.", 0.291),
    ("Police killed.12 people died there.", 12.0),
])
def test_a_decimal_without_its_zero(text: str, value: float) -> None:
    assert find_figures(text)[0].value == pytest.approx(value)


def test_over_after_a_sum_is_a_span_not_more_than() -> None:
    figs = find_figures("The club offered $120 million over six years, and he has served over 10 years.")
    spans = [(f.text, f.qualifier) for f in figs if f.category == "duration"]
    assert spans == [("six years", None), ("over 10 years", "over")]


@pytest.mark.parametrize("text", [
    "The victim was named as Marta Ruiz Ortega, 27 -- who worked nearby.",
    "A gunman shot dead the firm's founder, Paul Dent, 52.",
])
def test_an_age_closed_by_a_dash_or_the_sentence(text: str) -> None:
    fig = find_figures(text)[0]
    assert (fig.category, fig.unit) == ("age", "years")


def test_a_list_ending_in_a_full_stop_is_no_age() -> None:
    assert [f.category for f in find_figures("The scores were 12, 40. Then it rained.")] == [None, None]


@pytest.mark.parametrize(("text", "ages"), [
    ("She cooks for her nephew Tom, 7, and niece Lily Rose, 4, every Sunday.", [7.0, 4.0]),
    ("The couple have a son, 9, and a daughter, 2.", [9.0, 2.0]),
])
def test_a_childs_age_in_apposition_after_a_person_noun(text: str, ages: list[float]) -> None:
    figs = find_figures(text)
    assert [(f.value, f.category, f.unit) for f in figs] == [(a, "age", "years") for a in ages]


@pytest.mark.parametrize("text", [
    "The team won 3 games, 4 draws, 5, and more.",
    "Vote counts were Smith, 8, and Jones, 3, in the ward.",
    "He did it eight times, she did it twice.",
])
def test_a_small_number_after_a_comma_is_no_age_without_a_person_noun(text: str) -> None:
    assert all(f.category != "age" for f in find_figures(text))


@pytest.mark.parametrize(("text", "label"), [
    ("The three holdouts refused to deliberate.", "holdouts"),
    ("Houses were damaged and two villagers slightly injured.", "villagers"),
    ("The nine jurors asked the holdouts how many people would be enough.", "jurors"),
    ("He said 20 armed criminals fled.", "armed criminals"),
])
def test_a_label_ends_at_its_verb_or_adverb(text: str, label: str) -> None:
    assert find_figures(text)[0].label == label


@pytest.mark.parametrize("text", [
    "The three who voted against the death penalty would not comment.",
    "The nine pro-death jurors sat apart.",
    "They were among the nine voting to put Smith to death.",
    "The holdouts told the other nine jurors that they would not impose death for any killings.",
])
def test_a_casualty_word_said_of_no_one_counted(text: str) -> None:
    assert find_figures(text)[0].category is None


def test_a_casualty_count_keeps_its_category() -> None:
    assert find_figures("Nine people were beaten to death and 3 died later.")[0].category == "killed"


def _read(text: str) -> list[Figure]:
    from synoptic.extract.reading import read_clauses

    figs = find_figures(text)
    read_clauses(text, figs)
    return figs


def test_the_subject_of_a_reporting_verb_is_no_side() -> None:
    figs = _read("Police allege John Doe, 61, opened fire at an office party, killing one man.")
    assert [(f.event, f.side) for f in figs if f.value == 1] == [("killed", "people")]


@pytest.mark.parametrize(("text", "about"), [
    ("But Jane Roe, the fine reporter who broke the story, says the club offered $90 million.", None),
    ("The court imposed a fine of $5 million.", "fines"),
    ("The fine imposed was $2 million.", "fines"),
])
def test_an_adjective_homograph_names_no_sum(text: str, about: str | None) -> None:
    assert [f.about for f in _read(text)] == [about]


def test_the_death_penalty_is_no_death_in_reading() -> None:
    figs = _read("The three who voted against the death penalty would not comment.")
    assert figs[0].event is None


@pytest.mark.parametrize(("text", "expected"), [
    ("He signed a three-year, $37. 5 million contract.", [3.0, 37.5e6]),
    ("The show was watched by 39. 9 million people.", [39.9e6]),
    ("It ended. 5 people left.", [5.0]),
    ("Timeline: Aug. 16: 40 priests confessed.", [40.0]),
    ("The quake, which struck at 1353 (1023 GMT), hurt 9 people.", [9.0]),
    ("The girl was hidden for years. Now 18, she wants to leave.", [18.0]),
    ("See article - 1. 1287452 for more.", []),
])
def test_spaced_decimals_and_what_is_no_time_or_name(text: str, expected: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == [pytest.approx(v) for v in expected]


@pytest.mark.parametrize(("text", "value", "unit", "category"), [
    ("The 26 - year - old actress checked in.", 26.0, "years", "age"),
    ("She began a 90 - day stay.", 90.0, "days", "duration"),
    ("On Friday, 36 - hour strikes began.", 36.0, "hours", "duration"),
])
def test_spaced_hyphens_of_a_compound(text: str, value: float, unit: str, category: str) -> None:
    fig = _only(text)
    assert (fig.value, fig.unit, fig.category) == (value, unit, category)
