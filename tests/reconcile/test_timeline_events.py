"""The timeline keeps a story's events and nothing else: a page's time stamps, a clock time or a
measure read as a year, a web address's path and a date counted from the wrong day are no entries;
a year told of different events is one entry per event; a cut piece of a sentence is no entry text.
Short texts written for these tests."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from synoptic.extract import extract_articles
from synoptic.reconcile.timeline import timeline
from synoptic.records import Article, TimelineEntry


def _timeline(texts: dict[str, tuple[str, datetime]]) -> list[TimelineEntry]:
    arts = [Article(id=k, text=t, published=when, published_how="metadata") for k, (t, when) in texts.items()]
    return timeline(arts, extract_articles(arts, what=["dates"]))


FRIDAY = datetime(2014, 3, 7, 12, 0)  # a Friday


def test_main_event_on_its_day_and_stamp_lines_are_no_entries() -> None:
    tl = _timeline({
        "a": ("Updated: March 7, 2014 09: 15 GMT\n"
              "The actor Tom Vale died Thursday at his home in Ohio, his family said.\n"
              "He starred in his first film in 1961.", FRIDAY),
        "b": ("March 7, 2014, 10: 40 am\n"
              "Tom Vale, the star of many westerns, died on Thursday after a long illness.", FRIDAY),
    })
    by_date = {t.date: t for t in tl}
    assert set(by_date) == {"1961-01-01", "2014-03-06"}  # no entry for the stamps' March 7
    main = by_date["2014-03-06"]
    assert main.kind == "event" and main.granularity == "day"
    assert {c.article for c in main.evidence} == {"a", "b"}
    assert "died" in main.text and "Updated" not in main.text


def test_date_with_a_clock_time_in_a_line_is_a_stamp_but_a_dated_sentence_is_not() -> None:
    tl = _timeline({
        "a": ("WIRE Mar 5, 2014, 05. 51AM IST LONDON: The council voted on Wednesday to close the library.\n"
              "The library had opened on May 2, 1990.", FRIDAY),
    })
    assert [t.date for t in tl] == ["1990-05-02", "2014-03-05"]
    assert "voted" in tl[1].text


def test_clock_time_measure_and_web_address_are_no_years() -> None:
    tl = _timeline({
        "a": ("The fire broke out on the roof at about 2045 GMT on Thursday.\n"
              "The climber fell around 2000ft near the ridge.\n"
              "Read more at example.com / 2012 / 11 / 20 / fire-story /", FRIDAY),
    })
    assert [t.date for t in tl] == ["2014-03-06"]


def test_worded_dates_around_a_slash_and_a_short_sentence_stay() -> None:
    tl = _timeline({"a": ("The old mayor died in 2006.\nThe hunting season starts in late October / early November.",
                          FRIDAY)})
    assert [(t.date, t.granularity) for t in tl] == [("2006-01-01", "year"), ("2014-10-01", "month"),
                                                      ("2014-11-01", "month")]
    assert tl[0].text == "The old mayor died in 2006."


def test_a_past_event_counted_past_publication_is_dropped() -> None:
    # "the next day" counted from the publication day lands after it, yet she died in the past
    tl = _timeline({"a": ("The fire broke out in her home and she was burned so badly she died the next day.", FRIDAY)})
    assert tl == []
    # an announced date after publication stays, as announced
    tl = _timeline({"a": ("The council will vote on the plan next Tuesday.", FRIDAY)})
    assert [(t.date, t.kind) for t in tl] == [("2014-03-11", "announced")]


def test_different_events_of_one_year_are_separate_entries() -> None:
    tl = _timeline({
        "a": ("The mayor said the hospital wing opened in 2009 with forty beds.", FRIDAY),
        "b": ("Her brother was killed in a car accident in 2009.", FRIDAY),
        "c": ("The new hospital wing, opened in 2009, now has sixty beds.", FRIDAY),
    })
    years = [t for t in tl if t.date == "2009-01-01"]
    assert len(years) == 2
    # the event most sources tell comes first
    assert {c.article for c in years[0].evidence} == {"a", "c"}
    assert [c.article for c in years[1].evidence] == ["b"]


def test_one_event_told_in_other_words_stays_one_entry() -> None:
    tl = _timeline({
        "a": ("The dairy plant was run by the state and shut down for good in December 2007.", FRIDAY),
        "b": ("Money troubles forced the state to close the dairy plant in December 2007.", FRIDAY),
    })
    assert [(t.date, t.granularity, len(t.evidence)) for t in tl] == [("2007-12-01", "month", 2)]


def test_a_cut_piece_of_a_sentence_is_no_entry_text() -> None:
    tl = _timeline({
        "a": ("Police said he bought the gun around 3: 45 p. m. on Thursday.", FRIDAY),
        "b": ("The gunman bought a shotgun at a store near his home on Thursday, police said.", FRIDAY),
    })
    assert len(tl) == 1
    assert tl[0].text.startswith("The gunman bought a shotgun")


ECBPLUS_DEV = Path("/work/shared/eval/ecbplus-dev/articles.jsonl")
#: ECB+ dev topics read for the timeline rules: 3, 7, 8, 10, 12, 13, 14 fitted them, 18-24 checked them
#: (topics 1, 2, 4, 5, 6, 9, 15, 16, 17 and 25 are held out for review). The "b" events carry dates.
DEV_TOPICS = (3, 7, 8, 10, 12, 13, 14, 18, 19, 20, 21, 22, 23, 24)
_STAMP_TEXT = re.compile(r"\d{4},?\s[-–]?\s?\d{1,2}\s?:\s?\d{2}|\d{1,2}\s?:\s?\d{2}\s?(?:[ap]m|AM|PM|GMT|IST|BST|EST)\b")


@pytest.mark.skipif(not ECBPLUS_DEV.exists(), reason="ECB+ dev articles not in /work/shared")
def test_ecbplus_dev_main_event_days_read_as_events() -> None:
    by_event: dict[str, list[Article]] = defaultdict(list)
    for line in ECBPLUS_DEV.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["topic"] in DEV_TOPICS and rec["event"].endswith("b"):
            by_event[rec["event"]].append(Article(id=rec["id"], text=rec["text"]))
    assert len(by_event) == len(DEV_TOPICS)
    stamps = told = wide = 0
    for arts in by_event.values():
        tl = timeline(arts, extract_articles(arts, what=["dates"]))
        stamps += sum(bool(_STAMP_TEXT.search(t.text)) for t in tl)
        days = [t for t in tl if t.granularity == "day" and t.kind == "event"]
        main = max(days, key=lambda t: len(t.evidence))
        wide += len(main.evidence) >= 5
        told += main.text.lstrip("…\"“ ")[:1].isupper() and len(main.text.split()) >= 8
    # measured 2026-12-07: 0 stamp texts (21 before: "July 21, 2013, 2: 21 pm BST" as the fire's
    # entry), the most cited day told by >= 5 sources in 13/14 events, its text a sentence in 13/14
    # (6/14 before; 20b's "9 hit southern Iran on Sunday": the splitter cut "magnitude 5. 9")
    assert stamps == 0
    assert wide >= 13
    assert told >= 13


MAY_2007 = datetime(2007, 5, 3, 12, 0)  # a Thursday, two years after the events it tells


def test_a_yearless_day_told_after_its_month_and_year_is_in_that_year_not_announced() -> None:
    tl = _timeline({
        "a": ("A judge on Thursday sentenced Dan Roe for the killing of a guard in June 2005.\n"
              "The guard was killed on June 24, while looking into an attack in which Roe shot a man "
              "four days earlier.", MAY_2007),
    })
    by_date = {t.date: t for t in tl}
    assert "2005-06-24" in by_date and "2005-06-20" in by_date  # the attack, four days before the killing
    assert all(t.kind == "event" for t in tl)
    assert not any(t.date.startswith("2007-06") or t.date == "2007-04-29" for t in tl)


def test_a_weekday_beside_a_relative_day_wins_when_they_disagree() -> None:
    # published on a Friday (the metadata is a day late): "Yesterday, on Friday" is the Friday
    tl = _timeline({"a": ("Yesterday, on Friday, the singer Ann Vale checked into a clinic.", datetime(2014, 3, 7, 9))})
    assert [t.date for t in tl] == ["2014-03-07"]


def test_the_day_a_source_spoke_is_no_entry_text_while_another_span_tells_the_day() -> None:
    tl = _timeline({
        "a": ("Her agent Bo Lind said Thursday that the singer Ann Vale was doing well.", FRIDAY),
        "b": ("The singer Ann Vale left the clinic on Thursday after a week.", FRIDAY),
    })
    assert [t.date for t in tl] == ["2014-03-06"]
    assert tl[0].text.startswith("The singer Ann Vale left") and len(tl[0].evidence) == 2


def test_a_past_event_with_its_year_is_no_announced_date_whatever_the_anchor() -> None:
    tl = _timeline({"a": ("In April 2016 the suspect was found guilty of the killing.", FRIDAY)})
    assert [(t.date, t.kind) for t in tl] == [("2016-04-01", "event")]


def test_one_event_told_on_two_days_is_one_entry_that_shows_the_dispute() -> None:
    sat = datetime(2014, 3, 8, 12, 0)
    tl = _timeline({
        "a": ("The singer Ann Vale checked into a clinic on Tuesday.", sat),
        "b": ("Ann Vale checked into the Hill clinic on Tuesday, her agent said.", sat),
        "c": ("The singer Ann Vale checked into a clinic on Friday.", sat),
        "d": ("Her agent Bo Lind said Friday that Ann Vale was doing well.", sat),
    })
    assert [t.date for t in tl] == ["2014-03-04"]
    assert "sources differ on the day: 2014-03-07 in 1 of 3 sources" in tl[0].text
    assert {c.article for c in tl[0].evidence} == {"a", "b", "c", "d"}


def test_different_events_on_nearby_days_stay_apart() -> None:
    tl = _timeline({
        "a": ("Protests erupted in the capital on Sunday.", FRIDAY),
        "b": ("Violence erupted in the capital on Tuesday.", FRIDAY),
        "c": ("The singer Ann Vale checked into a clinic on Tuesday. She checked out on Thursday.", FRIDAY),
    })
    assert [t.date for t in tl] == ["2014-03-02", "2014-03-04", "2014-03-06"]
    assert not any("differ" in t.text for t in tl)


def test_a_day_off_only_through_an_inferred_publication_date_is_folded_in_without_a_dispute() -> None:
    from synoptic.records import Extraction, TimeRef

    def ex(aid: str, text: str, expr: str, value: str, how: str) -> tuple[Article, Extraction]:
        at = text.index(expr)
        ref = TimeRef(expr, at, at + len(expr), value, "day", anchor="2014-03-07", article=aid)
        return Article(id=aid, text=text), Extraction(article=aid, dates=[ref], published_how=how)  # type: ignore[arg-type]

    pairs = [
        ex("a", "The actor Tom Vale died on Thursday in Ohio.", "Thursday", "2014-03-06", "metadata"),
        ex("b", "Tom Vale died in Ohio on Thursday night.", "Thursday night", "2014-03-06", "metadata"),
        # counted from a publication date synoptic inferred a day late: the source said no other day
        ex("c", "The actor Tom Vale died yesterday in Ohio.", "yesterday", "2014-03-05", "inferred"),
    ]
    tl = timeline([a for a, _e in pairs], [e for _a, e in pairs])
    assert [t.date for t in tl] == ["2014-03-06"]
    assert "differ" not in tl[0].text and {c.article for c in tl[0].evidence} == {"a", "b", "c"}


def test_two_people_dying_on_nearby_days_are_two_events_not_a_dispute() -> None:
    sat = datetime(2014, 3, 8, 12, 0)
    # "a 36-year-old man" and "a 32-year-old climber" share no subject: the age is a modifier
    tl = _timeline({
        "a": ("A 36-year-old man died on the ridge on Tuesday.", sat),
        "c": ("A 32-year-old climber died on the glacier on Friday.", sat),
    })
    assert [t.date for t in tl] == ["2014-03-04", "2014-03-07"]
    assert not any("differ" in t.text for t in tl)
    # "the climber" is shared, but a source that tells what happened on both days tells two events
    tl = _timeline({
        "a": ("The climber Ann Vale died on the ridge on Tuesday.", sat),
        "b": ("Ann Vale died on Tuesday after a fall. Bo Lind died on Friday.", sat),
        "c": ("The climber Bo Lind died on the glacier on Friday.", sat),
    })
    assert [t.date for t in tl] == ["2014-03-04", "2014-03-07"]
    assert not any("differ" in t.text for t in tl)


def _undated(texts: dict[str, str]) -> list[TimelineEntry]:
    arts = [Article(id=k, text=t) for k, t in texts.items()]
    return timeline(arts, extract_articles(arts, what=["dates"]))


def test_a_chronology_in_the_present_tells_past_events_not_announced_ones() -> None:
    tl = _undated({"a": ("The council has fought the plan for years.\n\nCase timeline\n\n"
                         "24 October 2016: MPs sign a letter asking the minister to drop the case.\n\n"
                         "14 November 2016: The minister signs the order.\n\n"
                         "The new bridge will open on 5 June 2019.")})
    kinds = {t.date: t.kind for t in tl}
    assert kinds == {"2016-10-24": "event", "2016-11-14": "event", "2019-06-05": "announced"}


def test_a_photo_caption_date_is_no_entry_and_the_lead_tells_the_day() -> None:
    tl = _timeline({
        "a": ("Ann Vale smiles as she leaves the court with her father Bo Vale, left, in London, Monday, March 3, 2014.\n\n"
              "LONDON (AP) — The singer Ann Vale won her appeal Monday against her extradition to the United States.\n\n"
              "A worker sorts bottles at a recycling plant in Lagos March 6, 2013.\n\n"
              "The festival she founded opens on June 5, 2019 in Berlin.", FRIDAY),
    })
    by_date = {t.date: t for t in tl}
    assert set(by_date) == {"2014-03-03", "2019-06-05"}  # no entry for the Lagos caption
    assert by_date["2014-03-03"].text.startswith("LONDON (AP) — The singer Ann Vale won her appeal")
    assert by_date["2014-03-03"].kind == "event" and by_date["2019-06-05"].kind == "announced"


def test_a_surname_that_is_a_month_is_no_date() -> None:
    tl = _timeline({"a": ("Stars such as Fredric March, Jane Fonda and Alan Alda have all played the role.\n"
                          "The studio cast Ann Vale in March.", FRIDAY)})
    assert [(t.date, t.granularity) for t in tl] == [("2014-03-01", "month")]
    assert "cast Ann Vale" in tl[0].text


def test_an_event_is_told_by_the_source_that_saw_it_happen_not_the_one_that_announced_it() -> None:
    tl = _timeline({
        "a": ("The judge will sentence Bo Lind on March 6 for the killing of a guard.", datetime(2014, 3, 1, 12)),
        "b": ("A judge on Thursday sentenced Bo Lind to death for the killing of a guard.", FRIDAY),
    })
    assert [(t.date, t.kind) for t in tl] == [("2014-03-06", "event")]
    assert tl[0].text.startswith("A judge on Thursday sentenced")


def test_a_weekday_told_as_past_and_as_to_come_is_the_day_of_writing() -> None:
    text = ("Gov. Ann Vale said Thursday the damage is so severe that federal help is needed.\n"
            "The park plans to close Thursday night.\n"
            "Scientists said Wednesday the risks of an eruption will rise.")
    tuesday = datetime(2014, 3, 4, 12)

    def entries(how: str, stamp: str = "") -> list[tuple[str, str]]:
        arts = [Article(id="a", text=stamp + text, published=tuesday, published_how=how)]
        exs = extract_articles(arts, what=["dates"])
        for ex in exs:  # the anchor as the pipeline keeps it: the article's date, and how it was found
            ex.published_how = how  # type: ignore[assignment]
        return [(t.date, t.kind) for t in timeline(arts, exs)]

    # dated from its text (a caption's Tuesday): written on the Thursday nearest that date
    assert entries("text") == [("2014-03-05", "event"), ("2014-03-06", "event")]
    # a publication date of its own is kept: last Thursday and the coming one can both be meant
    assert entries("metadata") == [("2014-02-26", "event"), ("2014-02-27", "event"), ("2014-03-06", "announced")]
    # so is a date the text writes out on its own stamp line
    assert entries("text", "Updated 09: 15 Tue Mar 4 2014\n") == entries("metadata")


def test_a_forecast_is_announced_when_one_source_says_nothing_of_its_tense() -> None:
    # no source is dated; "is expected to be" gives no tense to read, "will weigh" does
    tl = _undated({"a": "By 2020, the volume of waste will weigh as much as 200 towers, a new report predicts.",
                   "b": "By 2020, the volume of discarded phones worldwide is expected to be 33 per cent higher."})
    assert [(t.date, t.kind, len(t.evidence)) for t in tl] == [("2020-01-01", "announced", 2)]
    # a source that tells it as past outweighs it
    tl = _undated({"a": "By 2020, the volume of waste will weigh as much as 200 towers, a new report predicts.",
                   "b": "By 2020, the volume of discarded phones had doubled."})
    assert [(t.date, t.kind) for t in tl] == [("2020-01-01", "event")]


def test_days_of_one_month_in_one_sentence_are_in_one_year() -> None:
    tl = _timeline({
        "a": ("The union said ballots will be mailed to its members on January 2 and tallied on January 23.", FRIDAY)})
    assert [(t.date, t.kind) for t in tl] == [("2015-01-02", "announced"), ("2015-01-23", "announced")]


def test_present_prose_around_a_dated_year_is_no_caption_nor_chronology() -> None:
    tl = _undated({"a": ("Police say the suspect, who was born March 6, 1980, lives in Ohio.\n\n"
                         "Imagine for a minute that the party wins the Senate in 2030.\n\n"
                         "The rallies mark the anniversary of the September 11, 2001, attacks on the city.\n\n"
                         "FILE - In this Oct. 22, 2011 file photo, a doctor examines a patient in Ohio.")})
    kinds = {t.date: t.kind for t in tl}
    # the birth day and the anniversary stay (events); the supposition stays to come; the file photo goes
    assert kinds == {"1980-03-06": "event", "2001-09-11": "event", "2030-01-01": "announced"}


MULTINEWS_DEV = Path("/work/shared/eval/multinews-dev/clusters.jsonl")


@pytest.mark.skipif(not MULTINEWS_DEV.exists(), reason="Multi-News dev clusters not in /work/shared")
def test_multinews_dev_captions_are_found_and_prose_is_left() -> None:
    from synoptic.reconcile.timeline import _caption

    # clusters 50-99: held out when the caption rule was read (from review15, review14 and clusters 0-49)
    arts = [Article(id=f"{rec['id']}-{k}", text=t)
            for rec in map(json.loads, MULTINEWS_DEV.read_text(encoding="utf-8").splitlines()[50:100])
            for k, t in enumerate(rec["documents"])]
    texts = {a.id: a.text for a in arts}
    found = sum(_caption(texts[ex.article], d) for ex in extract_articles(arts, what=["dates"]) for d in ex.dates if d.value)
    # measured 2026-12-07: 30 dates taken, every one a photo caption's or an embedded tweet's stamp by
    # reading (31 before "the anniversary of the September 11, 2001, attacks" was left to the prose)
    assert 27 <= found <= 33
