"""Time expressions: normalisation against the publication date, inference of that date, robustness."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synoptic.extract import models
from synoptic.extract.timex import clause_tense, find_dates, find_dates_many, infer_published

FRIDAY = date(2022, 1, 7)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("He spoke today, Friday, on television.", "today, Friday", "2022-01-07"),
        (
            "Protests escalated the day before yesterday, Wednesday, in Almaty.",
            "the day before yesterday, Wednesday",
            "2022-01-05",
        ),
        ("Violence erupted late Tuesday when police fired tear gas.", "late Tuesday", "2022-01-04"),
        ("Protests erupted last Sunday over fuel prices.", "last Sunday", "2022-01-02"),
        (
            "Flights are cancelled until Sunday, the ninth of January.",
            "Sunday, the ninth of January",
            "2022-01-09",
        ),
        ("Talks are scheduled for next Monday.", "next Monday", "2022-01-10"),
        ("The first contingent arrived on January 6.", "January 6", "2022-01-06"),
        ("The state of emergency lasts until January 19.", "January 19", "2022-01-19"),
        ("The order was given yesterday.", "yesterday", "2022-01-06"),
        ("He was arrested on Thursday.", "Thursday", "2022-01-06"),
        ("The president will speak on Saturday.", "Saturday", "2022-01-08"),
        ("He resigned in 2019 after decades in power.", "2019", "2019"),
        ("Prices rose this week.", "this week", "2022-W01"),
        ("Prices fell last month.", "last month", "2021-12"),
        ("Snow fell on December 28.", "December 28", "2021-12-28"),
        ("Updated 07 January 2022, 14:52.", "07 January 2022", "2022-01-07"),
        ("Profit fell in the third quarter.", "the third quarter", "2021-Q3"),
        ("Profit rose from a year earlier.", "a year earlier", "2021"),
        ("Five years ago the city was calm.", "Five years ago", "2017"),
        ("It is calm now.", "now", "PRESENT_REF"),
        ("Born in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("Prices soared in the late 1970s.", "the late 1970s", "197"),
        ("Profit fell in the current fiscal year.", "the current fiscal year", "2022"),
    ],
)
def test_find_dates_normalises_against_anchor(sentence: str, expression: str, value: str) -> None:
    refs = find_dates(sentence, FRIDAY)
    hit = [r for r in refs if r.text == expression]
    assert hit, [r.text for r in refs]
    assert hit[0].value == value
    assert sentence[hit[0].start : hit[0].end] == expression
    assert hit[0].anchor == "2022-01-07"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("On January 6, 2022 troops landed.", "2022-01-06"),
        ("It happened yesterday.", None),
        ("In August 1988.", "1988-08"),
    ],
)
def test_find_dates_without_anchor_keeps_only_what_the_text_gives(sentence: str, value: str | None) -> None:
    refs = find_dates(sentence, None)
    assert refs and refs[0].value == value


def test_find_dates_ignores_numbers_that_are_not_years() -> None:
    assert find_dates("Some 2,500 troops and 1999 people; 2019.5 percent.", FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "peers", "expected"),
    [
        (
            "State television quoted him today, Friday, as saying order was restored.",
            [date(2022, 1, 8)],
            date(2022, 1, 7),
        ),
        (  # the lead tells the newest event (dating._inferred): its Saturday, not the peer's Friday
            "His spokesman said on Saturday that he backs him. He spoke on Friday.",
            [date(2022, 1, 7)],
            date(2022, 1, 8),
        ),
        (  # ... so a later sentence's weekday is on or before the lead's, not after it
            "He spoke on Friday. His spokesman said on Saturday that he backs him.",
            [date(2022, 1, 7)],
            date(2022, 1, 7),
        ),
        ("Nothing dated here.", [], None),
        ("Nothing dated here.", [date(2022, 1, 7)], date(2022, 1, 7)),
    ],
)
def test_infer_published_from_text_and_peers(text: str, peers: list[date], expected: date | None) -> None:
    assert infer_published(text, peers) == expected


def _seed_anchors(seed_texts: dict[str, str]) -> dict[str, date | None]:
    """Publication dates as the pipeline infers them: peers are the other seeds' explicit dates."""
    explicit = {
        k: [date.fromisoformat(r.value) for r in find_dates(t, None) if r.value and r.granularity == "day"]
        for k, t in seed_texts.items()
    }
    return {
        k: infer_published(t, [d for j, ds in explicit.items() if j != k for d in ds])
        for k, t in seed_texts.items()
    }


def test_infer_published_matches_gold_on_seeds(seed_texts: dict[str, str], gold: dict) -> None:
    anchors = _seed_anchors(seed_texts)
    for name, article in gold["articles"].items():
        assert str(anchors[name[:3]]) in article["published"]["acceptable"], name


def test_every_gold_timeline_span_gets_its_date_on_seeds(seed_texts: dict[str, str], gold: dict) -> None:
    anchors = _seed_anchors(seed_texts)
    missed = []
    for event in gold["timeline"]:
        for ev in event["evidence"]:
            text = seed_texts[ev["article"]]
            s0 = text.find(ev["span"])
            s1 = s0 + len(ev["span"])
            refs = [r for r in find_dates(text, anchors[ev["article"]]) if r.start < s1 and s0 < r.end]
            if not any(str(r.value).startswith(event["date"]) for r in refs):
                missed.append((ev["article"], ev["span"], [r.value for r in refs]))
    assert missed == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/Januaryfrido\n'sthMonday")), max_size=300))
def test_find_dates_spans_always_match_the_text(text: str) -> None:
    for r in find_dates(text, FRIDAY):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_find_dates_and_infer_never_raise(text: str) -> None:
    find_dates(text, None)
    find_dates(text, FRIDAY)
    infer_published(text, [FRIDAY])


@pytest.mark.parametrize("chunk", ["1", "2022 ", "January ", "the day before ", "Friday, ", "-", "'90s "])
def test_find_dates_is_fast_on_long_repetitive_input(chunk: str) -> None:
    text = chunk * (20000 // len(chunk))
    t0 = time.process_time()
    find_dates(text, FRIDAY)
    infer_published(text[:5000], [FRIDAY])
    assert time.process_time() - t0 < 20.0  # CPU seconds: catastrophic backtracking takes minutes


def test_find_dates_and_infer_accept_datetimes() -> None:
    from datetime import datetime

    moment = datetime(2022, 1, 7, 14, 52)
    assert find_dates("It happened yesterday.", moment)[0].value == "2022-01-06"
    assert infer_published("He spoke on Friday.", [moment]) == FRIDAY


@pytest.mark.parametrize("sentence, value", [
    ("Engineers hope to use the high tide expected on Sunday to move it.", "2021-03-28"),
    ("The talks will resume on Monday, the ministry said.", "2021-03-29"),
    ("The next attempt is due on Monday.", "2021-03-29"),
    ("The ship ran aground on Tuesday.", "2021-03-23"),
    ("The port reopened on Sunday, and more ships will follow.", "2021-03-21"),
])
def test_a_weekday_spoken_of_as_coming_is_the_next_one(sentence: str, value: str) -> None:
    # a Saturday report: a weekday in a clause about what is coming lies ahead, else behind
    (ref,) = [d for d in find_dates(sentence, date(2021, 3, 27)) if d.granularity == "day"]
    assert ref.value == value


@pytest.mark.parametrize("sentence, expression, value", [
    # past tense: the month behind, though next January is nearer to an October report
    ("The fund was set up in January by two brothers.", "January", "2022-01"),
    # an infinitive looks ahead of its governor
    ("The group agreed to sell the unit in February for $5 million.", "February", "2023-02"),
    # "lower-than-expected" is no future: the clause is in the past
    ("Shares closed lower on Wednesday after a lower-than-expected forecast.", "Wednesday", "2022-10-26"),
    ("In the fiscal year ended Jan. 31, sales rose 4%.", "Jan. 31", "2022-01-31"),
    # a near date in a past clause is a deadline set in the past, not last year's
    ("The board declared a dividend payable Dec. 7 to holders of record.", "Dec. 7", "2022-12-07"),
    ("Inspectors have worked there since March.", "March", "2022-03"),
    ("The minister will visit the region in March.", "March", "2023-03"),
])
def test_a_bare_month_or_weekday_reads_the_tense_of_its_clause(sentence: str, expression: str, value: str) -> None:
    # a Friday report, 28 October 2022
    refs = {d.text: d.value for d in find_dates(sentence, date(2022, 10, 28))}
    assert refs[expression] == value


@pytest.mark.parametrize("text, expression, value", [
    # TimeML reference time: counted from the last date given in full, not from the report's date
    ("The dam broke on March 3, 2019. The following day, rescuers reached the valley.", "The following day",
     "2019-03-04"),
    ("The plant opened in June 2015. Two months later, it closed.", "Two months later", "2015-08"),
    ("He was elected in 2011. That year, the economy shrank.", "That year", "2011"),
    # a date after "since" starts a state, it is no event time to count from
    ("In May 2010 students rebelled against a junta in power since 1997. It fell a year later.", "a year later",
     "2011"),
    # without a date before it, the report's own date is the reference
    ("The following day, rescuers reached the valley.", "The following day", "2022-10-29"),
    # vague amounts are no calendar point
    ("Support stood at 35 percent several years ago.", "several years ago", "PAST_REF"),
    # results speak of the reporting quarter named before, and compare with it a year earlier
    ("Acme's third-quarter profit rose 8%. In the quarter, sales grew, compared with a loss last year.",
     "the quarter", "2022-Q3"),
    ("Acme's third-quarter profit rose 8%. Sales grew, compared with the year-ago quarter.",
     "the year-ago quarter", "2021-Q3"),
    ("Acme's third-quarter profit rose 8%, but the fourth quarter will be weak. The quarter's sales grew.",
     "The quarter", "2022-Q3"),
    ("Turnout in last year's election was low.", "last year's", "2021"),
])
def test_anaphoric_and_period_expressions_take_their_reference(text: str, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(text, date(2022, 10, 28))}
    assert refs[expression] == value


@pytest.mark.parametrize("text, expression, value", [
    ("Printing changed little in the 15th century.", "the 15th century", "14"),
    ("Crime fell through the nineties.", "the nineties", "199"),
    ("Wages lagged inflation in the last decade.", "the last decade", "201"),
    ("The deal should close by year-end.", "year-end", "2022"),
    ("Rates may rise in coming months.", "coming months", "FUTURE_REF"),
    ("Rates have fallen in the last few months.", "the last few months", "PAST_REF"),
    ("He will answer as soon as possible.", "as soon as possible", "FUTURE_REF"),
    ("The talks are due to end by May.", "by May", "2023-05"),
    ("On March 3, 2019, he landed; later in the day he spoke.", "later in the day", "2019-03-03"),
])
def test_granularity_words_and_vague_times(text: str, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(text, date(2022, 10, 28))}
    assert refs[expression] == value


@pytest.mark.parametrize("text", [
    "Shares will be bought as soon as trading opens.",
    "He was released soon after the talks.",
    'Now, he says, "the plan failed."',
])
def test_conjunctions_and_discourse_markers_are_no_time(text: str) -> None:
    assert [d.text for d in find_dates(text, date(2022, 10, 28)) if d.granularity == "ref"] == []


@pytest.mark.parametrize("text, expression, value", [
    # from the reference time: the Friday before the one the report is about
    ("Shares fell on Friday, down 4% from the previous Friday.", "the previous Friday", "2022-10-21"),
    ("Sales in the latest fiscal year rose.", "the latest fiscal year", "2021"),
    ("Sales were flat in the last half of the '80s.", "the last half of the '80s", "198"),
])
def test_reference_weekdays_last_fiscal_year_and_halves_of_decades(text: str, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(text, date(2022, 10, 31))}
    assert refs[expression] == value


def test_the_quarter_a_year_ago_and_the_first_two_quarters() -> None:
    text = "Acme posted third-quarter net. For the quarter a year ago, it lost money. Growth will lag in the " \
           "first two quarters of 2023."
    refs = {d.text: d.value for d in find_dates(text, date(2022, 10, 31))}
    assert refs["the quarter a year ago"] == "2021-Q3"
    assert refs["the first two quarters of 2023"] == "2023-H1"


@pytest.mark.parametrize("sentence, expression, value", [
    ("The company said Monday it would cut jobs.", "Monday", "2024-05-13"),
    ("The talks, which begin Monday, will last a week.", "Monday", "2024-05-20"),
    ("He is expected to testify Thursday.", "Thursday", "2024-05-16"),
    ("The vote, set for Friday, could be delayed.", "Friday", "2024-05-17"),
    ("The minister arrives in Paris on Friday.", "Friday", "2024-05-17"),
    ("The minister arrived in Paris on Friday.", "Friday", "2024-05-10"),
    ("Inflation peaked in November.", "November", "2023-11"),
    ("Elections are due in November.", "November", "2024-11"),
    ("He had been missing since Saturday.", "Saturday", "2024-05-11"),
    ("The ceasefire holds until Saturday.", "Saturday", "2024-05-18"),
    ("Rescuers found two survivors on Monday, officials said Tuesday.", "Monday", "2024-05-13"),
])
def test_news_weekdays_and_months_read_past_or_future_from_their_clause(
    sentence: str, expression: str, value: str
) -> None:
    # a Wednesday report, 15 May 2024
    refs = {d.text: d.value for d in find_dates(sentence, date(2024, 5, 15))}
    assert refs[expression] == value


def test_last_night_is_the_day_before_for_the_timeline() -> None:
    (ref,) = find_dates("Police fired tear gas last night.", date(2024, 5, 15))
    assert (ref.text, ref.value) == ("last night", "2024-05-14")


@pytest.mark.parametrize("sentence, expression, value", [
    # a period "of" a year named relative to the report is one expression, in that year
    ("Prices rose in the fourth quarter of last year.", "the fourth quarter of last year", "1997-Q4"),
    ("The first quarter of next year will be hard.", "The first quarter of next year", "1999-Q1"),
    ("Exports rose in the second half of last year.", "the second half of last year", "1997-H2"),
    ("Exports rose in the first half of this year.", "the first half of this year", "1998-H1"),
    ("Orders fell in the spring of last year.", "the spring of last year", "1997-SP"),
    ("Output fell in the third quarter of fiscal 1997.", "the third quarter of fiscal 1997", "1997-Q3"),
    # a quarter that has not begun: last year's in a report of results, this year's when still to come
    ("It posted a loss in the fourth quarter.", "the fourth quarter", "1997-Q4"),
    ("The company expects sales to rise in the fourth quarter.", "the fourth quarter", "1998-Q4"),
    # a season with early/late/mid and no year; its clause's tense moves it across the year
    ("Demand picked up in early summer.", "early summer", "1998-SU"),
    ("Work will resume in the late spring.", "the late spring", "1999-SP"),
    ("Sales slumped during the winter.", "the winter", "1997-WI"),
    ("The index showed a late fall in prices.", None, None),
    # the year 2000 is the year; centuries relative to the report
    ("Computers may fail in the year 2000.", "the year 2000", "2000"),
    ("Next century, things will change.", "Next century", "20"),
    ("By the end of the century, output will double.", "the century", "19"),
    # amounts not counted are PAST_REF; "the past two years" is a duration, not "the past"
    ("Years ago, the firm grew.", "Years ago", "PAST_REF"),
    ("Some months ago, the firm grew.", "Some months ago", "PAST_REF"),
    ("Prices rose over the past 12 months.", None, None),
])
def test_periods_of_a_relative_year_seasons_centuries_and_uncounted_amounts(
    sentence: str, expression: str | None, value: str | None
) -> None:
    # a Friday report, 7 August 1998
    refs = {d.text: d.value for d in find_dates(sentence, date(1998, 8, 7))}
    if expression is None:
        assert refs == {}
    else:
        assert refs[expression] == value


def test_a_half_not_begun_in_a_past_clause_is_last_years() -> None:
    refs = {d.text: d.value for d in find_dates("Profits rose in the second half.", date(1998, 2, 6))}
    assert refs["the second half"] == "1997-H2"
    refs = {d.text: d.value for d in find_dates("Profits will rise in the second half.", date(1998, 2, 6))}
    assert refs["the second half"] == "1998-H2"


@pytest.mark.parametrize("sentence, anchor, expression, value", [
    # "Wednesday night": the clause of the phrase's head, not the fallback on "until" before it
    ("They had to wait only until he spoke in Phoenix on Wednesday night.", date(2016, 9, 1),
     "Wednesday night", "2016-08-31"),
    # a bare infinitive takes its governor's tense ("could help sail ... into the primary on March 1")
    ("That could help sail him into the primary on March 1 that includes Texas.", date(2015, 11, 20),
     "March 1", "2016-03-01"),
    # the simple present of a stative verb is no schedule
    ("He clashed with senators who oppose him on Thursday.", date(2016, 7, 8), "Thursday", "2016-07-07"),
    # "this weekend" in a weekday's report is the coming one; "over the weekend" the one just past
    ("Cruz is set for another rout this weekend.", date(2016, 4, 15), "this weekend", "2016-W15-WE"),
    ("Over the weekend, rebels attacked.", date(2016, 4, 13), "the weekend", "2016-W14-WE"),
    ("He said Monday night it would close.", date(2016, 4, 15), "Monday night", "2016-04-11"),
])
def test_the_clause_of_news_dates_from_unseen_text(sentence: str, anchor: date, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(sentence, anchor)}
    assert refs[expression] == value


def test_an_amount_of_time_after_an_event_is_no_date() -> None:
    # TimeML: "two days" is a DURATION in "two days after Obama spoke"; alone after a date it is anaphoric
    assert find_dates("The debate came two days after Obama delivered his speech.", date(2016, 1, 15)) == []
    assert find_dates("The vote came a week before the riot.", date(2016, 1, 15)) == []
    refs = {d.text: d.value for d in find_dates("On March 3 he was arrested. Two days after, he was freed.",
                                                 date(2016, 4, 15))}
    assert refs["Two days after"] == "2016-03-05"


def test_words_that_are_no_date_in_their_context() -> None:
    anchor = date(2016, 6, 10)
    # a bare "the period" outside results; "the week before" an event; a month abbreviation as a name
    assert find_dates("Clinton spoke of the period before the ruling.", anchor) == []
    assert find_dates("In the week before the convention, delegates met.", anchor) == []
    assert find_dates("The email came from her friend Jan Piercy.", anchor) == []
    # in results the period is the quarter reported; "the year before." closes its clause: anaphoric
    refs = {d.text: d.value for d in find_dates("Profit rose in the third quarter. In the period, sales fell.",
                                                 date(1989, 10, 30))}
    assert refs["the period"] == "1989-Q3"
    assert {d.text for d in find_dates("Jan. and Feb. were cold.", anchor)} == {"Jan.", "Feb."}


def test_earlier_counts_from_the_reference_time_and_ago_from_now() -> None:
    text = "The plant opened in March 1990. Two years earlier, the site was a field. Two years ago it closed."
    refs = {d.text: d.value for d in find_dates(text, date(2016, 6, 10))}
    assert refs["Two years earlier"] == "1988"
    assert refs["Two years ago"] == "2014"


@pytest.mark.parametrize("text, anchor, expression, value", [
    # a typographic apostrophe is still the verb be: no schedule
    ("That’s a rise for him from December, when 54 percent liked him.", date(2016, 2, 18), "December", "2015-12"),
    # "between now and March": the end of a span that starts today
    ("He can make the case between now and March.", date(2015, 11, 23), "March", "2016-03"),
    # a date still to come is no reference time for "a day earlier"
    ("He holds a rally before next Tuesday's vote. A day earlier, six were arrested.", date(2016, 3, 30),
     "A day earlier", "2016-03-29"),
    # the noun march is no month, and so no reference time for "later in the month"
    ("He was at the March on Washington in 1963. She speaks later in the month.", date(2016, 2, 17),
     "later in the month", "2016-02"),
])
def test_reference_times_and_readings_on_unseen_news(text: str, anchor: date, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(text, anchor)}
    assert refs[expression] == value
    assert "March" not in refs or expression != "later in the month"


def test_a_quarter_named_by_its_months() -> None:
    anchor = date(1998, 8, 7)
    refs = {d.text: d.value for d in find_dates("GDP grew 2 percent in the April-June quarter.", anchor)}
    assert refs == {"the April-June quarter": "1998-Q2"}
    refs = {d.text: d.value for d in find_dates("GDP fell in the October-December quarter.", anchor)}
    assert refs == {"the October-December quarter": "1997-Q4"}


@pytest.mark.parametrize("sentence, anchor, value", [
    ("He was born on Christmas Day 1950.", date(1998, 8, 7), "1950-12-25"),
    ("Stores will be busy before Christmas.", date(1998, 8, 7), "1998-12-25"),
    ("Sales were weak at Christmas.", date(1998, 8, 7), "1997-12-25"),
    ("On New Year’s Eve, fireworks lit the sky.", date(1999, 1, 2), "1998-12-31"),
    ("The bombing on Good Friday killed three.", date(1998, 4, 20), "1998-04-10"),  # Easter 1998: 12 April
    ("Shops sold eggs for Easter.", date(2024, 3, 20), "2024-03-31"),
    ("Christmas trees sold out.", date(1998, 12, 20), None),
])
def test_holidays_of_the_gregorian_calendar(sentence: str, anchor: date, value: str | None) -> None:
    assert [d.value for d in find_dates(sentence, anchor)] == ([value] if value else [])


def test_a_year_ago_is_a_quarter_only_where_results_are_compared() -> None:
    text = "Her net rating is down from her first-quarter average. It is doubtful she imagined a year ago " \
           "that the contest would be so bruising."
    refs = {d.text: d.value for d in find_dates(text, date(2016, 4, 20))}
    assert refs["a year ago"] == "2015"
    text = "Acme said third-quarter profit rose 19% from a year ago."
    assert {d.text: d.value for d in find_dates(text, date(1989, 10, 30))}["a year ago"] == "1988-Q3"


@pytest.mark.parametrize("sentence, value", [
    ("The last week of February was busy.", "2013-W09"),
    ("We will meet in the first week of May.", "2013-W18"),
    ("He would not campaign in the last week of the race.", None),
])
def test_the_first_or_last_week_of_a_month(sentence: str, value: str | None) -> None:
    assert [d.value for d in find_dates(sentence, date(2013, 3, 21))] == ([value] if value else [])


@pytest.mark.parametrize("sentence, anchor, expression, value", [
    # a participle after its noun tells what was done
    ("The index is within 70 points of its record high set on Aug. 6.", date(1998, 2, 6), "Aug. 6", "1997-08-06"),
    ("The vote, set for Aug. 6, may slip.", date(1998, 2, 6), "Aug. 6", "1998-08-06"),
    # "last February" in a March report: the month just past would be "last month"
    ("Two helicopters crashed last February.", date(1998, 3, 1), "last February", "1997-02"),
    ("The plant closed last April.", date(1989, 10, 27), "last April", "1989-04"),
    ("His campaign was throttled in Colorado this past weekend.", date(2016, 4, 15), "this past weekend",
     "2016-W14-WE"),
])
def test_participles_last_month_names_and_past_weekends(sentence: str, anchor: date, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(sentence, anchor)}
    assert refs[expression] == value


@pytest.mark.parametrize("text, expected", [
    # a relative expression in title case after a possessive, a quote or a name is a title
    ("James Baker said on ABC's \"This Week With David Brinkley\" that it would end.", []),
    ("This is VOA Today.", []),
    ("This week, prices rose.", [("This week", "1991-W09")]),
    ('He said: "Today we act."', [("Today", "1991-02-25")]),
    # "the future of X" is what becomes of it; "or so" and "several" keep the expression
    ("That is very important to the future of our peoples.", []),
    ("Weakness over the past several quarters hurt.", [("the past several quarters", "PAST_REF")]),
    ("Then, a week or so ago, the general left.", [("a week or so ago", "1991-W08")]),
])
def test_titles_and_the_future_of_are_no_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, date(1991, 2, 25))] == expected


def test_the_year_period_compared_with_months_is_the_year() -> None:
    text = "Acme posted third-quarter net. For the first nine months, net was $306 million, compared with a " \
           "loss in the 1988 period. In the quarter, sales rose from the 1988 period."
    refs = [(d.text, d.value) for d in find_dates(text, date(1989, 10, 30))]
    assert ("the 1988 period", "1988") in refs and ("the 1988 period", "1988-Q3") in refs


@pytest.mark.parametrize("sentence, anchor, expression, value", [
    # counts in words past twelve, and in three digits
    ("''Thirty years ago, it was booming,'' she said.", date(2016, 4, 27), "Thirty years ago", "1986"),
    ("150 years ago the town was founded.", date(2016, 4, 27), "150 years ago", "1866"),
    # a gerund takes the tense of the verb it depends on; the perfect progressive is past
    ("Clinton has been cooperating with the inquiry, including offering in August to meet them.",
     date(2016, 3, 3), "August", "2015-08"),
    # "looking ahead to the fall" looks ahead whatever the tense around it
    ("Looking ahead to the fall, Mr. Manafort was joined by Rick Wiley.", date(2016, 4, 23), "the fall", "2016-FA"),
])
def test_counts_gerunds_and_looking_ahead(sentence: str, anchor: date, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(sentence, anchor)}
    assert refs[expression] == value


@pytest.mark.parametrize("text, expression, value", [
    ("Fiorina took over HP in 1999. One big obstacle disappeared that spring.", "that spring", "1999-SP"),
    ("The layoffs came in September 2015. That same month, the PAC spent $1 million.", "That same month", "2015-09"),
    ("We met in 2010. The following summer we married.", "The following summer", "2011-SU"),
])
def test_seasons_and_months_from_the_reference_time(text: str, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(text, date(2016, 1, 20))}
    assert refs[expression] == value


@pytest.mark.parametrize("sentence, anchor, expression, value", [
    # "could not be reached for comment Saturday": no plan, the day just past
    ("Representatives for Trump could not be reached for comment Saturday.", date(2016, 5, 29), "Saturday",
     "2016-05-28"),
    ("The deal could close Friday.", date(2016, 5, 29), "Friday", "2016-06-03"),
    # a quotation before the date is another clause: its "will" says nothing of the date
    ('"Voters would not have the right to say who the next president will be," he said at Tuesday\'s rally.',
     date(2016, 5, 19), "Tuesday", "2016-05-17"),
    ('That was "an assessment the voters are going to make" ahead of Tuesday\'s primary.', date(2016, 2, 7),
     "Tuesday", "2016-02-09"),
])
def test_negated_could_quotations_and_ahead_of(sentence: str, anchor: date, expression: str, value: str) -> None:
    refs = {d.text: d.value for d in find_dates(sentence, anchor)}
    assert refs[expression] == value


def test_a_weekday_between_its_subject_and_a_past_verb_is_past() -> None:
    text = "In an effort to clarify her statements about her use of a private server, Clinton on Friday only " \
           "further muddled a controversy."
    assert [(d.text, d.value) for d in find_dates(text, date(2016, 8, 6))] == [("Friday", "2016-08-05")]
    assert [d.value for d in find_dates("Until Friday, prices rose.", date(2016, 8, 3))] == ["2016-08-05"]


@pytest.mark.parametrize("sentence, expected", [
    ("Crowds watched the fall of the towers.", []),
    ("News Corp. and 21st Century Fox moved downtown.", []),
    ("It happened in the fall of 2011.", [("the fall of 2011", "2011-FA")]),
])
def test_the_noun_fall_and_century_in_a_name(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, date(2015, 12, 12))] == expected


def test_a_quotation_opening_on_a_capitalised_time_word_keeps_it() -> None:
    refs = [(d.text, d.value) for d in find_dates('He said "Today is the day we act."', date(1991, 2, 25))]
    assert refs == [("Today", "1991-02-25")]


def test_an_infinitive_after_a_participle_of_its_noun_is_no_plan() -> None:
    text = "The Associated Press reported that she had reached the 2,383 nominees needed to secure the nomination " \
           "on Monday evening."
    assert [d.value for d in find_dates(text, date(2016, 6, 9))] == ["2016-06-06"]
    assert [d.value for d in find_dates("The company agreed to buy the unit in February.", date(2016, 6, 9))] == [
        "2017-02"
    ]


def test_a_plan_held_now_looks_ahead() -> None:
    text = "On Friday, the New York businessman has a speech scheduled before a meeting of the Faith & Freedom Coalition."
    assert [d.value for d in find_dates(text, date(2016, 6, 9))] == ["2016-06-10"]


def test_a_month_day_just_gone_by_stays_behind_whatever_the_clause() -> None:
    text = 'In Jeff Sessions\' column on Aug. 10, "The piling on must stop," the senator seems to be doing the same.'
    assert [d.value for d in find_dates(text, date(2016, 8, 16))] == ["2016-08-10"]
    assert [d.value for d in find_dates("The new rules will take effect Jan. 1.", date(2016, 3, 16))] == ["2017-01-01"]


def test_since_the_month_of_an_event_is_past() -> None:
    text = "Close to 19,000 members have helped campaign for Clinton since the October endorsement."
    assert [d.value for d in find_dates(text, date(2016, 4, 6))] == ["2015-10"]


@pytest.mark.parametrize("sentence, value", [
    ("Both candidates sought to appeal to younger African Americans on Tuesday.", "2016-02-16"),
    ("He tried to call her on Friday.", "2016-02-12"),
    ("He will try to reach a deal on Friday.", "2016-02-19"),
])
def test_an_infinitive_after_an_attempt_takes_its_tense(sentence: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, date(2016, 2, 17))] == [value]


def test_a_gerund_does_not_inherit_a_future_reading() -> None:
    text = "Packer said the increased focus on Trump is taking a toll on the front-runner, pointing to Cruz's " \
           "victories Tuesday in Texas, Oklahoma and Alaska."
    assert [d.value for d in find_dates(text, date(2016, 3, 3))] == ["2016-03-01"]


def test_a_year_ago_compared_with_nine_months_is_the_year_before() -> None:
    text = ("Net for the third quarter rose 12% to $40 million from $36 million a year earlier. For the nine "
            "months, net was $110 million, compared with $95 million a year earlier.")
    values = [d.value for d in find_dates(text, date(1989, 10, 26)) if "year" in d.text]
    assert values == ["1988-Q3", "1988"]


def test_the_year_ago_results_after_the_nine_months_are_the_year_before() -> None:
    text = ("In the first nine months, profit was $30 million, compared with $20 million in the 1988 period. "
            "The year-ago results included a one-time charge.")
    refs = find_dates(text, date(1989, 11, 2))
    assert [(d.text, d.value) for d in refs if "year-ago" in d.text] == [("The year-ago", "1988")]


def test_the_quarter_ended_a_date_is_the_calendar_quarter_of_most_of_its_months() -> None:
    text = "In the quarter ended July 31, the retailer had an average of 5.6 million shares outstanding."
    assert find_dates(text, date(1989, 10, 30))[0].value == "1989-Q2"
    text = "For the quarter ended Sept. 30, the airline posted net income of $133 million."
    assert find_dates(text, date(1989, 10, 26))[0].value == "1989-Q3"


def test_a_fiscal_quarter_reported_before_the_calendar_one_ends_is_the_reporting_period() -> None:
    text = ("The maker of pet food reported a 47% decline in fourth-quarter earnings.\n\n"
            "Sales in the latest period were $1.76 billion.")
    refs = find_dates(text, date(1989, 11, 2))
    assert [(d.text, d.value) for d in refs] == [("fourth-quarter", "1989-Q4"), ("the latest period", "1989-Q4")]


def test_an_earlier_quarter_named_for_comparison_keeps_the_reporting_period() -> None:
    text = ("The paper maker posted a 20% gain in third-quarter net income. After a flat second quarter, the "
            "company attributed the gain to its consumer businesses. In the 1989 period, interest expense "
            "was lower.")
    refs = find_dates(text, date(1989, 11, 1))
    assert [d.value for d in refs] == ["1989-Q3", "1989-Q2", "1989-Q3"]
    # a fiscal quarter is a new reporting period whatever its number
    text = ("The maker posted a gain in third-quarter net. Separately, a textile maker posted net income for "
            "the fiscal first quarter ended Sept. 30. The latest period included a gain.")
    assert find_dates(text, date(1989, 10, 26))[-1].value == "1989-Q1"


@pytest.mark.parametrize("sentence, value", [
    ("The bank also created a four-member office of the chairman, effective Feb. 1.", "1990-02-01"),
    ("Costs rose under the new labor pact effective June 1.", "1990-06-01"),
    ("The labor pact became effective June 1.", "1989-06-01"),
])
def test_the_day_a_change_takes_effect_lies_ahead(sentence: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, date(1989, 10, 26))] == [value]


def test_then_current_is_a_past_reference() -> None:
    refs = find_dates("Holders may buy shares at 50% of the then current market price.", date(1989, 10, 26))
    assert [d.value for d in refs] == ["PAST_REF"]
    assert [d.value for d in find_dates("The current system works.", date(1989, 10, 26))] == ["PRESENT_REF"]


def test_a_fronted_time_adverbial_takes_the_tense_of_the_clause_after_it() -> None:
    text = "Fearful that the revolt would spread, on Nov. 17 the national police moved in with tanks."
    assert [d.value for d in find_dates(text, date(2008, 12, 13))] == ["2008-11-17"]


def test_a_day_of_the_month_just_named_with_its_year_is_in_that_month() -> None:
    text = ("In November 1973, students barricaded themselves inside the school. Fearful that the revolt "
            "would spread, on Nov. 17 the national police moved in with tanks.")
    assert [d.value for d in find_dates(text, date(2008, 12, 13))] == ["1973-11", "1973-11-17"]
    # a month-year modifying a noun names an event's time, not the narrative's
    text = "He accepted the treaty after the August 1988 cease-fire. Iraq invaded Kuwait on Aug. 2."
    assert [d.value for d in find_dates(text, date(1990, 8, 15))] == ["1988-08", "1990-08-02"]


@pytest.mark.parametrize("sentence, value", [
    ("Until Friday, however, the department had declined to concur with the finding.", "2016-01-29"),
    ("The company extended the offer until Friday.", "2016-02-05"),  # a deadline set: ahead
    ("The offer remains open until Friday.", "2016-02-05"),
])
def test_until_a_day_looks_ahead_unless_the_past_perfect_ended_the_span(sentence: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, date(2016, 1, 31))] == [value]


def test_last_year_after_a_figure_of_quarterly_results_is_the_quarter_a_year_before() -> None:
    third = "The insurer's third-quarter net income rose 11%. "
    refs = find_dates(third + "Its health unit earned $24 million, compared with a loss of $3 million last year.",
                      date(1989, 11, 2))
    assert [d.value for d in refs] == ["1989-Q3", "1988-Q3"]
    # a longer period compared, no figure right before it, or no quarter spoken of: the year
    text = third + "In the first nine months, net was $306 million, up from $250 million, or $2.10 a share, last year."
    assert find_dates(text, date(1989, 11, 2))[-1].value == "1988"
    assert find_dates(third + "Last year, the company earned $480 million.", date(1989, 11, 2))[-1].value == "1988"
    assert [d.value for d in find_dates("Trade fell to $14 billion last year.", date(1998, 2, 27))] == ["1997"]


def test_last_years_results_are_those_of_the_period_compared() -> None:
    head = "The food maker reported a decline in fourth-quarter earnings.\n\n"
    text = head + "Sales in the latest period were $1.76 billion, a 13% increase from last year's $1.55 billion."
    assert find_dates(text, date(1989, 11, 2))[-1].value == "1988-Q4"
    assert find_dates(head + "Last year's results were hurt by charges.", date(1989, 11, 2))[-1].value == "1988-Q4"
    assert find_dates(head + "Last year's election was close.", date(1989, 11, 2))[-1].value == "1988"


def test_the_running_quarter_named_after_the_one_reported_is_not_the_reporting_period() -> None:
    text = ("The insurer's third-quarter net income fell 22%. It has no estimate of the impact of the earthquake "
            "on fourth-quarter results.\n\nIn the latest quarter, its auto line lost $23 million.")
    refs = find_dates(text, date(1989, 10, 30))
    assert [d.value for d in refs] == ["1989-Q3", "1989-Q4", "1989-Q3"]
    # named first, a running quarter whose results are reported is a fiscal one that has ended
    text = "The food maker reported a decline in fourth-quarter earnings.\n\nIn the latest quarter, sales rose."
    assert find_dates(text, date(1989, 11, 2))[-1].value == "1989-Q4"


@pytest.mark.parametrize("sentence, values", [
    ("Analysts say the language will one day be the most widely spoken.", ["FUTURE_REF"]),
    ("She hopes she could someday return.", ["FUTURE_REF"]),
    ("The delay cost one day of trading.", []),
    ("One day in 1990, he left.", ["1990"]),
])
def test_a_day_not_named_after_a_modal_is_a_future_reference(sentence: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(sentence, date(1998, 3, 3))] == values


class _CountingParser:
    """The real parsing pipeline, counting the calls made to it (one ``pipe`` call per batch)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.pipe_calls: list[int] = []  # texts per nlp.pipe call
        self.single_calls = 0

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        batch = list(texts)
        self.pipe_calls.append(len(batch))
        return self.nlp.pipe(batch, **kwargs)

    def __call__(self, text: str) -> Any:
        self.single_calls += 1
        return self.nlp(text)


@pytest.fixture
def counting_parser(monkeypatch: pytest.MonkeyPatch) -> _CountingParser:
    """The real parser behind a counter, with an empty sentence cache (restored afterwards)."""
    counting = _CountingParser(models.get_parser())
    monkeypatch.setattr(models, "_parser", counting)
    monkeypatch.setattr(models, "_parse_cache", {})
    return counting


#: Bare weekdays whose direction only the tense of their clause tells, one per sentence.
_TENSED = ("Police arrested him on Thursday. Officials said talks resumed Monday morning. "
           "The president will speak on Saturday.")


def test_the_sentences_dates_need_are_parsed_in_one_batch(counting_parser: _CountingParser) -> None:
    refs = find_dates(_TENSED, FRIDAY)
    assert [(r.text, r.value) for r in refs] == [
        ("Thursday", "2022-01-06"), ("Monday morning", "2022-01-03"), ("Saturday", "2022-01-08")]
    # three sentences asked about, one model run (not one nlp() call per sentence)
    assert counting_parser.pipe_calls == [3]
    assert counting_parser.single_calls == 0


def test_many_texts_share_one_parse_batch_and_read_as_one_at_a_time(counting_parser: _CountingParser) -> None:
    second = "The court ruled on Tuesday. The team will return on Sunday."
    items = [(_TENSED, FRIDAY), (second, FRIDAY), ("No date here.", FRIDAY)]
    batched = find_dates_many(items)
    assert counting_parser.pipe_calls == [5]
    assert counting_parser.single_calls == 0
    assert batched == [find_dates(text, anchor) for text, anchor in items]
    assert [r.value for r in batched[1]] == ["2022-01-04", "2022-01-09"]
    # the public clause_tense (the timeline's) reads the parse the batch left in the cache
    thursday = batched[0][0]
    assert clause_tense(_TENSED, thursday.start, thursday.end) == "past"
    assert counting_parser.pipe_calls == [5]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Profit will rise in next year's first half.", "next year's first half", "1990-H1"),
        ("Sales fell in fiscal 1990's first quarter.", "fiscal 1990's first quarter", "1990-Q1"),
        ("It expects 1990's first-half results to improve.", "1990's first-half", "1990-H1"),
    ],
)
def test_a_possessive_year_before_a_quarter_or_half_is_one_expression(
    sentence: str, expression: str, value: str
) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, date(1989, 11, 1))] == [(expression, value)]


def test_compared_with_a_year_earlier_is_a_quarter_only_where_results_are_named() -> None:
    quarter = "Its net loss for the slow third quarter narrowed from a year earlier."
    assert find_dates(quarter, date(1989, 10, 26))[-1].value == "1988-Q3"
    cause = ("Net dropped 3.1% in the third quarter. The unit attributed the decline to higher borrowing "
             "costs compared with a year earlier.")
    assert find_dates(cause, date(1989, 10, 26))[-1].value == "1988"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The deal will close two years from now.", "two years from now", "1991"),
        ("It will be done six months from today.", "six months from today", "1990-05"),
        ("Prices will double a few years from now.", "a few years from now", "FUTURE_REF"),
        ("It rose on Oct. 2, 1989, and fell the week after.", "the week after", "1989-W41"),
        ("The plant closed in the summer of 1987. That summer, rates rose.", "That summer", "1987-SU"),
    ],
)
def test_counts_from_now_and_anaphora_after_the_reference_time(sentence: str, expression: str, value: str) -> None:
    assert {d.text: d.value for d in find_dates(sentence, date(1989, 11, 1))}[expression] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The company's current fiscal year ends June 30.", "current fiscal year", "1989"),
        ("The stock rose in the final quarter of 1988.", "the final quarter of 1988", "1988-Q4"),
        ("In the latter half of 1988, sales rose.", "the latter half of 1988", "1988-H2"),
        ("Earnings for the year's first half fell.", "the year's first half", "1989-H1"),
        ("Sales in the year's third quarter rose.", "the year's third quarter", "1989-Q3"),
    ],
)
def test_possessive_current_final_and_latter_periods(sentence: str, expression: str, value: str) -> None:
    assert {d.text: d.value for d in find_dates(sentence, date(1989, 11, 1))}[expression] == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Housing starts in September rose 5%.", "1989-09"),  # "starts" misread as a verb
        ("The notes, due in April, were sold.", "1990-04"),
        ("The payment was due in April.", "1989-04"),
    ],
)
def test_a_misread_noun_is_no_clause_and_due_sets_a_date_ahead(sentence: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, date(1989, 11, 1))] == [value]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Stocks fell in the week of Oct. 16.", [("the week of Oct. 16", "1989-W42")]),
        ("Sales rose in the month of September.", [("the month of September", "1989-09")]),
        ("The index fell 5% in the week ended Oct. 27.", [("the week", "1989-W43"), ("Oct. 27", "1989-10-27")]),
        ("In the month ended Sept. 30, sales rose.", [("the month", "1989-09"), ("Sept. 30", "1989-09-30")]),
        ("Prices rose in the second week of October.", [("the second week of October", "1989-W41")]),
        ("In the nineteen eighties, the economy grew.", [("the nineteen eighties", "198")]),
    ],
)
def test_weeks_and_months_named_by_a_day_and_spoken_decades(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, date(1989, 11, 1))] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Profit rose in the 1989 first half.", [("the 1989 first half", "1989-H1")]),
        ("Sales fell in the first half of fiscal 1990.", [("the first half of fiscal 1990", "1990-H1")]),
        ("Sales fell on Wednesday of last week.", [("Wednesday of last week", "1989-10-25")]),
        ("They meet Friday of next week.", [("Friday of next week", "1989-11-10")]),
    ],
)
def test_halves_with_their_year_and_a_weekday_of_a_week_named(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, date(1989, 11, 1))] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "remarks" taken for a verb without a subject: the clause is "did not revisit", past
        ("The senator did not revisit her Wall Street remarks in a speech to Iowa voters on Sunday, where she "
         "was joined by her husband.", [("Sunday", "2015-11-15")]),
        # a present with its subject still reads ahead
        ("On Saturday, Alaska, Hawaii and Washington hold caucuses.", [("Saturday", "2015-11-21")]),
        # "last week's" belongs to the noun after it, not to the weekday
        ("Police released video on Monday of last week's shooting.", [("Monday", "2015-11-16"),
                                                                      ("last week", "2015-W46")]),
    ],
)
def test_a_subjectless_verb_in_s_is_a_noun_and_a_weekday_keeps_its_own_week(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, date(2015, 11, 16))] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Kasich is coming off a strong debate Thursday night, when many commentators called him the winner.",
         "2016-03-03"),
        ("She will reach that number on Tuesday, when voters cast ballots in California.", "2016-03-08"),
    ],
)
def test_a_past_relative_clause_on_the_date_tells_its_time_unless_its_clause_is_planned(
    sentence: str, value: str
) -> None:
    assert [d.value for d in find_dates(sentence, date(2016, 3, 4))] == [value]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # "that November": the month of the reference time's year
        ("Nixon won in 1968. Street riots contributed to Humphrey's loss that November.", date(2016, 6, 23),
         "1968-11"),
        # "come November": when that time comes
        ("She is the favorite to win the election come November.", date(2016, 6, 15), "2016-11"),
        # a possessive date right after a past verb modifies its noun, not the verb
        ("Cross called November's general election a citizenship election.", date(2016, 8, 17), "2016-11"),
        # a past relative clause on the date, without a comma
        ("The clash echoes a controversy in June when Mr. Trump assailed a judge.", date(2016, 8, 1), "2016-06"),
    ],
)
def test_that_month_come_month_possessive_months_and_relative_clauses(
    sentence: str, anchor: date, value: str
) -> None:
    assert find_dates(sentence, anchor)[-1].value == value


def test_until_an_event_in_a_month_looks_ahead() -> None:
    text = "The race could go on through June 7, and perhaps until the party's convention in July."
    assert find_dates(text, date(2016, 4, 28))[-1].value == "2016-07"


def test_that_quarter_with_no_quarter_named_before_is_the_last_full_one() -> None:
    # "that quarter" reaches the quarter rule without the year group the other patterns carry
    (ref,) = find_dates("Profit fell in that quarter.", date(1990, 1, 5))
    assert (ref.value, ref.granularity) == ("1989-Q4", "quarter")
    (undated,) = find_dates("Profit fell in that quarter.", None)
    assert undated.value is None


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # fiscal years are named by the year they end in (TimeML: the year of the period)
        ("Profit for the fiscal year ended June 30 rose.", "the fiscal year", "1997"),
        ("Profit in the year ended Dec. 31 rose.", "the year", "1997"),
        ("The firm expects a loss in the year ending June 30, 1999.", "the year", "1999"),
        ("The firm expects a loss in the fiscal year ending Sept. 30.", "the fiscal year", "1998"),
        # with no end day the report's year stays
        ("The firm reported a loss for the year.", "the year", "1998"),
        # a week ended on a day given with its year is that day's week
        ("Sales for the week ended Feb. 27, 1997, rose.", "the week", "1997-W09"),
    ],
)
def test_a_year_ended_on_a_day_is_the_year_it_ended_in(sentence: str, expression: str, value: str) -> None:
    refs = {r.text: r.value for r in find_dates(sentence, date(1998, 3, 4))}
    assert refs[expression] == value


@pytest.mark.parametrize(
    "sentence",
    ["The board meets every Tuesday.", "The fair opens each March.", "They meet every other Friday.",
     "Every Christmas the family gathers."],
)
def test_a_recurring_time_is_a_set_not_a_date(sentence: str) -> None:
    assert find_dates(sentence, date(1998, 3, 4)) == []


def test_a_weekday_after_every_elsewhere_in_the_sentence_is_still_a_date() -> None:
    assert [r.value for r in find_dates("The board met Tuesday, as it does every week.", date(1998, 3, 4))] == [
        "1998-03-03"
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # counted from the last quarter named (anaphoric "previous"/"following")
        ("Profit rose in the third quarter, up 5% from the previous quarter.", "1997-Q2"),
        ("Sales in the fourth quarter rose from the preceding quarter.", "1997-Q3"),
        ("Profit rose in the first quarter. In the following quarter it fell.", "1998-Q2"),
        # with no quarter named, from the document time's quarter
        ("Profit fell from the prior quarter.", "1997-Q4"),
    ],
)
def test_the_previous_quarter_is_counted_from_the_quarter_named(sentence: str, value: str) -> None:
    assert find_dates(sentence, date(1998, 3, 4))[-1].value == value


def test_holding_out_a_half_switches_off_only_the_rules_read_from_it() -> None:
    from synoptic.extract.timex import RULES_READ_FROM, holding_out

    assert set(RULES_READ_FROM.values()) <= {"odd", "even"}
    # "comparison-names-results" (read from odd): a cause compared with a year earlier is the year
    text = "Net fell 5% in the third quarter. The unit blamed higher costs compared with a year earlier."
    anchor = date(1989, 10, 26)
    assert find_dates(text, anchor)[-1].value == "1988"
    with holding_out("even"):
        assert find_dates(text, anchor)[-1].value == "1988"
    with holding_out("odd"):
        assert find_dates(text, anchor)[-1].value == "1988-Q3"
    assert find_dates(text, anchor)[-1].value == "1988"
    with pytest.raises(ValueError):
        with holding_out("third"):
            pass


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a time set beside the date just named is that date
        ("Prices fell after Oct. 12, the day before the crash, and recovered.", ["1997-10-12", "1997-10-12"]),
        ("Prices fell in 1987, the year before the crash.", ["1987", "1987"]),
        # without a date beside it, "the day before" an event is no date
        ("Prices fell the day before the crash.", []),
    ],
)
def test_a_time_in_apposition_to_a_date_is_that_date(sentence: str, values: list[str]) -> None:
    assert [r.value for r in find_dates(sentence, date(1998, 3, 4))] == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("The bonds would be redeemed in five years.", ["2003"]),
        ("The plant will close in three months.", ["1998-06"]),
        # a duration in a past clause, a vague count, a count with its own anchor: no point ahead
        ("Sales doubled in five years.", []),
        ("He will return in a few years.", []),
        ("The firm will be profitable in two years' time.", []),
        # since a record: a span reaching back from now, not a point ahead
        ("The army is expanding for the first time in 25 years.", []),
        ("Sales will hit their lowest level in five years.", []),
        # counted from a past pledge, not from now
        ("He pledged to create 700,000 jobs in seven years.", []),
        ("Officials expect the talks to resume in two weeks.", ["1998-W12"]),
    ],
)
def test_in_a_count_looking_ahead_is_the_point_that_far_on(sentence: str, values: list[str]) -> None:
    assert [r.value for r in find_dates(sentence, date(1998, 3, 4))] == values


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He will come this Tuesday.", "1998-03-10"),  # already gone by this week: the coming one
        ("He came this Tuesday.", "1998-03-03"),
        ("He will come this Friday.", "1998-03-06"),
    ],
)
def test_this_weekday_gone_by_in_a_clause_looking_ahead_is_the_coming_one(sentence: str, value: str) -> None:
    assert [r.value for r in find_dates(sentence, date(1998, 3, 4))] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Sales rose in the past decade.", ["198"]), ("Sales rose this decade.", ["199"]),
     # the coming ten years, a duration, not the decade after this one
     ("The tax would raise $1 trillion over the next decade.", [])],
)
def test_a_decade_named_from_the_report_year(sentence: str, value: list[str]) -> None:
    assert [r.value for r in find_dates(sentence, date(1998, 3, 4))] == value


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # results of the quarter just ended, reported or judged ahead: that quarter
        ("The firm will report fourth-quarter results next week.", date(1998, 1, 20), "1997-Q4"),
        ("Analysts expect fourth-quarter earnings of $1 a share.", date(1998, 1, 20), "1997-Q4"),
        # a quarter itself looked ahead to: the coming one
        ("Profit will rise in the fourth quarter.", date(1998, 1, 20), "1998-Q4"),
        # the running quarter stays
        ("The firm expects fourth-quarter earnings to rise.", date(1989, 10, 26), "1989-Q4"),
    ],
)
def test_results_of_the_quarter_just_ended_reported_ahead_are_that_quarter(
    sentence: str, anchor: date, value: str
) -> None:
    assert find_dates(sentence, anchor)[0].value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The firm announced the deal last month. The month before, its shares rose.", "1998-01"),
        ("The firm announced the deal last year. A year later, its shares rose.", "1998"),
        ("The firm was founded two years ago. The following year, its shares rose.", "1997"),
        # "the year" of a report is no reference time: the full date before it stays
        ("The firm said on March 1, 1990, that profit for the year rose. The next day, its shares fell.",
         "1990-03-02"),
    ],
)
def test_a_deictic_month_or_year_is_the_reference_time_of_the_anaphora_after_it(sentence: str, value: str) -> None:
    assert find_dates(sentence, date(1998, 3, 4))[-1].value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Profit rose in FY1997.", "FY1997", "1997"),
        ("Profit rose in FY97.", "FY97", "1997"),
        ("Profit rose in fiscal '97.", "fiscal '97", "1997"),
        ("Profit will rise in FY 2001.", "FY 2001", "2001"),
    ],
)
def test_fiscal_years_written_short(sentence: str, expression: str, value: str) -> None:
    assert [(r.text, r.value) for r in find_dates(sentence, date(1998, 3, 4))] == [(expression, value)]


def test_fy_inside_a_word_is_no_fiscal_year() -> None:
    assert find_dates("The FYI column was short.", date(1998, 3, 4)) == []


@pytest.mark.parametrize(
    ("sentence", "anchor", "expression", "value"),
    [
        # "next fall" said in the fall is the year after's; before it begins, this year's
        ("Sales will rise next fall.", date(1989, 10, 30), "next fall", "1990-FA"),
        ("Sales will rise next fall.", date(1989, 4, 3), "next fall", "1989-FA"),
        ("The deal closed last fall.", date(1989, 10, 30), "last fall", "1988-FA"),
        # a half of a month is the month; of a year, the half-year
        ("The conventions fall in the second half of July.", date(2015, 12, 21), "the second half of July", "2016-07"),
        ("They met in the first half of Jan. 1990.", date(1991, 3, 4), "the first half of Jan. 1990", "1990-01"),
        ("The first half of 1990 will be hard.", date(1989, 10, 30), "The first half of 1990", "1990-H1"),
        # a quarter named after the month that ends it
        ("Sales rose in the September quarter.", date(1989, 10, 30), "the September quarter", "1989-Q3"),
        ("Net fell in the June quarter of 1988.", date(1989, 10, 30), "the June quarter of 1988", "1988-Q2"),
        # fiscal and year-end years given with their year are one expression
        ("Profit rose in the 1990 fiscal year.", date(1990, 11, 2), "the 1990 fiscal year", "1990"),
        ("The rate was 5% at year-end 1988.", date(1989, 10, 30), "year-end 1988", "1988"),
        ("Sales were $1 billion in its latest fiscal year.", date(1989, 10, 30), "latest fiscal year", "1988"),
    ],
)
def test_granularity_of_seasons_halves_quarters_and_years(sentence: str, anchor: date, expression: str,
                                                          value: str) -> None:
    assert [(r.text, r.value) for r in find_dates(sentence, anchor)] == [(expression, value)]


def test_the_year_before_at_a_clause_end_counts_from_the_reference_time() -> None:
    text = "The company lost money in 1987. The year before, it earned $5 million."
    assert [(r.text, r.value) for r in find_dates(text, date(1989, 10, 30))] == [
        ("1987", "1987"), ("The year before", "1986")]
    # results compared: the same period a year before, as "a year earlier"
    text = "Third-quarter net was $5 million, compared with $3 million the year before."
    assert find_dates(text, date(1989, 10, 30))[-1].value == "1988-Q3"


def test_odd_read_rules_of_the_dates17_round_switch_off() -> None:
    from synoptic.extract.timex import RULES_READ_FROM, holding_out

    assert RULES_READ_FROM["previously-past-ref"] == RULES_READ_FROM["year-ago-named-quarter"] == "odd"
    text = "It bid $14 a share. Previously, it offered $13.65. A previously announced plan stays."
    assert [(r.text, r.value) for r in find_dates(text, date(1989, 11, 2))] == [("Previously", "PAST_REF")]
    with holding_out("odd"):
        assert find_dates(text, date(1989, 11, 2)) == []
    text = "Net fell. In the year-ago third quarter, it earned $22.5 million."
    assert [(r.text, r.value) for r in find_dates(text, date(1990, 1, 30))] == [
        ("the year-ago third quarter", "1988-Q3")]


@pytest.mark.parametrize(
    ("sentence", "anchor", "expression", "value"),
    [
        # US holidays set on a weekday of a month, and the rest of the Easter cycle
        ("The rally was held on Labor Day.", date(2016, 9, 7), "Labor Day", "2016-09-05"),
        ("Stores opened early on Black Friday.", date(2015, 12, 4), "Black Friday", "2015-11-27"),
        ("Sales will rise over Thanksgiving.", date(1989, 10, 30), "Thanksgiving", "1989-11-23"),
        ("The memo came out on Memorial Day 1988.", date(1989, 10, 30), "Memorial Day 1988", "1988-05-30"),
        ("The office closed on Presidents Day.", date(1990, 3, 1), "Presidents Day", "1990-02-19"),
        ("They met before Ash Wednesday.", date(1998, 3, 4), "Ash Wednesday", "1998-02-25"),
        ("The parade is on the Fourth of July.", date(1998, 6, 1), "Fourth of July", "1998-07-04"),
        # the US Election Day (capitalised) ahead, or just held
        ("Voters will go to the polls on Election Day.", date(2016, 9, 4), "Election Day", "2016-11-08"),
        ("Turnout was high on Election Day.", date(2016, 11, 20), "Election Day", "2016-11-08"),
    ],
)
def test_holidays_of_the_calendar_tables(sentence: str, anchor: date, expression: str, value: str) -> None:
    assert [(r.text, r.value) for r in find_dates(sentence, anchor)] == [(expression, value)]


def test_an_election_day_long_gone_or_not_capitalised_is_no_date() -> None:
    # a past Election Day months back names an election the text must tell
    assert find_dates("Soon after Election Day, the president spoke about the climate.", date(2016, 9, 8)) == []
    # lower case it may be any country's polling day
    assert find_dates("The election day in Greece was calm.", date(2016, 9, 8)) == []


def test_the_future_perfect_looks_ahead() -> None:
    # "will have" + participle: the time lies ahead ("would have", "may have" look back)
    refs = find_dates("By a year from now, on Election Day, the situation will have changed.", date(2015, 11, 18))
    assert [r.value for r in refs if r.text == "Election Day"] == ["2016-11-08"]
    assert clause_tense("The deal will have closed on Friday.", 27, 33) == "future"
    assert clause_tense("The deal would have closed on Friday.", 28, 34) == "past"


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # an infinitive after an adjective of prospect with a present copula is still to come
        ("The company is likely to report results Tuesday.", date(1989, 11, 2), "1989-11-07"),
        ("The company is about to report results Tuesday.", date(1989, 11, 2), "1989-11-07"),
        ("He is ready to sign the bill Friday.", date(1989, 11, 8), "1989-11-10"),
        # a past copula says nothing of the infinitive's time: the nearest Tuesday
        ("The company was likely to report results Tuesday.", date(1989, 11, 2), "1989-10-31"),
        # "Let's" proposes what is still to come, whatever the reporting verb
        ("\"Let's defeat her in November,\" he said.", date(2016, 7, 21), "2016-11"),
    ],
)
def test_prospect_adjectives_and_lets_look_ahead(sentence: str, anchor: date, value: str) -> None:
    assert [r.value for r in find_dates(sentence, anchor)] == [value]


def test_the_next_year_over_a_span_not_past_counts_from_now() -> None:
    anchor = date(2015, 11, 17)
    text = "In 1939, few came. Now 10,000 are expected over the next year."
    assert [(r.text, r.value) for r in find_dates(text, anchor) if "next" in r.text] == [("the next year", "2016")]
    # in a past narrative "the next year" is counted from the reference time
    text = "In 1980 he founded the company. Over the next year, he built it."
    assert [r.value for r in find_dates(text, anchor) if "next" in r.text] == ["1981"]
    text = "He arrived on March 3. He left the next day."
    assert [r.value for r in find_dates(text, anchor) if "next" in r.text] == ["2015-03-04"]


def test_days_named_by_an_epithet_and_a_weekday() -> None:
    anchor = date(1989, 10, 30)
    assert [(r.text, r.value) for r in find_dates("After Black Monday, prices fell.", anchor)] == [
        ("Black Monday", "1987-10-19")]
    assert find_dates("Stores expect record sales on Cyber Monday.", date(2016, 11, 20)) == []
    # not capitalised: an ordinary Monday
    assert [r.value for r in find_dates("It was a black Monday for the market.", anchor)] == ["1989-10-30"]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The company was acquired two and a half years ago.", "two and a half years ago", "1987"),
        ("The company was acquired a year and a half ago.", "a year and a half ago", "1988"),
        ("The company was acquired 2 1/2 years ago.", "2 1/2 years ago", "1987"),
        ("The plant opened two and a half months ago.", "two and a half months ago", "1989-08"),
        ("Sales will double by the end of the decade.", "the end of the decade", "198"),
        ("The rate for the week ending Nov. 3 was 8%.", "the week", "1989-W44"),
    ],
)
def test_halves_of_a_count_the_decade_and_a_week_ending_ahead(sentence: str, expression: str, value: str) -> None:
    refs = find_dates(sentence, date(1989, 11, 2))
    assert [(r.text, r.value) for r in refs if r.text == expression] == [(expression, value)]


def test_a_half_of_a_century_is_that_century() -> None:
    text = "As the South industrialized in the second half of the 20th century, wages rose."
    assert [(r.text, r.value) for r in find_dates(text, date(2016, 4, 27))] == [
        ("the second half of the 20th century", "19")]


def test_a_record_in_apposition_counts_back() -> None:
    # "the first such report in 10 years" beside the noun "in" hangs on: a span back to now, no date
    text = "Now, a new strategy document, the first such ''White Book'' in 10 years, is being prepared."
    assert [r.text for r in find_dates(text, date(2016, 6, 7)) if "years" in r.text] == []
    text = "He is likely to run for reelection as a senator in two years when his term expires."
    assert [(r.text, r.value) for r in find_dates(text, date(2016, 4, 21))] == [("two years", "2018")]


def test_a_bare_infinitive_under_a_gerund_takes_the_tense_above_it() -> None:
    text = "It earned $40.8 million for helping Pharmacyclics sell itself to AbbVie in March."
    assert [r.value for r in find_dates(text, date(2016, 1, 7))] == ["2015-03"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Stocks plunged on Friday the 13th.", "1989-10-13"),
        ("The Friday-the-13th plunge hurt.", "1989-10-13"),
        ("The meeting will be on Tuesday the 7th.", "1989-11-07"),
        ("The meeting was on Tuesday the 7th.", "1989-03-07"),
    ],
)
def test_a_weekday_the_nth_is_the_day_of_a_month_on_that_weekday(sentence: str, value: str) -> None:
    assert [r.value for r in find_dates(sentence, date(1989, 10, 30))] == [value]
