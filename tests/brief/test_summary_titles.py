"""Titles a journalist reads first: a headline, else a short lead clause without its dateline, never
page debris; and a brief's summary that opens on the event of the reports' leads.

Every sentence here is our own, written for these tests."""

from __future__ import annotations

import pytest

from synoptic import summarize as S
from synoptic.records import Article, Citation, SummarySentence


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferry runs aground off the Maine coast", "Ferry runs aground off the Maine coast"),
        ("NORTHPORT, Maine (AP) — The Latest on a stranded ferry (all times local):", "The Latest on a stranded ferry (all times local)"),
        # a sentence of the body, not a headline
        ("Another weekend on the coast; another ferry on the rocks.", None),
        ("Oh, it has been so long since a ferry ran aground here!", None),
        ("It sails, it sinks, and it's the `` Unluckiest Boat Afloat. ''", None),
        # page debris and metadata
        ("Media playback is unsupported on your device Media caption Passengers describe the wait", None),
        ("Getty Images / JANE ROE / Contributor", None),
        ("POSTED: 04 / 02 / 07, 9: 00 PM PDT |", None),
        ("Bridges", "Bridges"),  # a short title from the feed or page metadata stays
        (None, None),
    ],
)
def test_headline(title: str | None, expected: str | None) -> None:
    assert S.headline(title) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # short: the sentence without its dateline and full stop
        ("NORTHPORT, Maine (AP) — A ferry ran aground off the coast on Sunday.", "A ferry ran aground off the coast on Sunday"),
        ("Northport (CNN) A ferry ran aground off the coast on Sunday.", "A ferry ran aground off the coast on Sunday"),
        # a coordinated clause goes
        ("OSLO (Reuters) - Flood waters forced thousands of families from their homes in the north of the country "
         "on Monday, and officials warned that more rain was expected later in the week.",
         "Flood waters forced thousands of families from their homes in the north of the country on Monday"),
        # reported speech: the reported clause
        ("Prices of wheat and rice rose sharply across the whole region in the first half of the year, pushing "
         "millions of families into hunger, the food agency said on Tuesday.",
         "Prices of wheat and rice rose sharply across the whole region in the first half of the year"),
        # reported speech with the speaker after its verb
        ("Investigators believe a faulty heater started the blaze that gutted the old village hall on Sunday night, "
         "reports the county's morning paper.",
         "Investigators believe a faulty heater started the blaze that gutted the old village hall on Sunday night"),
        # a quotation the clause opens is closed
        ("A spokesman for the harbour authority said the leak in the hull of the cargo ship was being described as "
         "`` minor and under control ''.",
         "The leak in the hull of the cargo ship was being described as `` minor and under control ''"),
        # what comes before the subject goes
        ("With only a week left before the vote, the city council approved a new budget for schools, roads and "
         "parks that raises spending by a tenth.",
         "The city council approved a new budget for schools, roads and parks that raises spending by a tenth"),
    ],
)
def test_lead_clause(sentence: str, expected: str) -> None:
    clause = S.lead_clause(sentence)
    assert clause == expected
    assert clause is not None and len(clause.split()) <= S.TITLE_MAX_WORDS


def _article(aid: str, text: str, title: str | None = None) -> Article:
    return Article(id=aid, text=text, raw_text=text, title=title)


def _cited(text: str) -> SummarySentence:
    return SummarySentence(text=text, citations=[Citation("a", 0, len(text))])


def test_story_title_prefers_the_headline_closest_to_the_summary() -> None:
    arts = [
        _article("a", "x", title="Weekend weather: rain spreads north"),
        _article("b", "x", title="Ferry runs aground off the Maine coast"),
        _article("c", "x", title="Media playback is unsupported on your device"),
    ]
    summary = [_cited("A ferry ran aground off the Maine coast on Sunday, stranding its passengers for hours.")]
    assert S.story_title(arts, summary) == "Ferry runs aground off the Maine coast"


def test_a_developing_story_is_titled_by_its_newest_reports_headline() -> None:
    """Reports three days apart: the title is the newest report's headline (the latest development),
    even where an older headline shares more words with the summary."""
    from datetime import UTC, datetime

    def dated(aid: str, title: str, day: int) -> Article:
        art = _article(aid, "x", title=title)
        art.published = datetime(2021, 3, day, 12, tzinfo=UTC)
        return art

    arts = [dated("a", "Ferry runs aground off the Maine coast, passengers stranded", 21),
            dated("b", "Stranded ferry refloated after three days", 24)]
    summary = [_cited("A ferry ran aground off the Maine coast on Sunday, stranding its passengers for hours.")]
    assert S.story_title(arts, summary) == "Stranded ferry refloated after three days"
    arts[1].published = datetime(2021, 3, 21, 18, tzinfo=UTC)  # the same day: the closest headline
    assert S.story_title(arts, summary) == "Ferry runs aground off the Maine coast, passengers stranded"


def test_story_title_without_headlines_is_the_lead_clause_of_the_summary() -> None:
    arts = [_article("a", "x", title="Media playback is unsupported on your device"), _article("b", "x")]
    summary = [_cited("NORTHPORT, Maine (AP) — A ferry ran aground off the coast on Sunday.")]
    assert S.story_title(arts, summary) == "A ferry ran aground off the coast on Sunday"


def test_article_title_is_never_debris() -> None:
    text = ("Getty Images / JANE ROE / Contributor\n"
            "A ferry ran aground off the coast of Maine on Sunday, stranding its forty passengers for several hours.\n"
            "The coast guard said nobody was hurt and that the ferry would be towed back to port at high tide.\n")
    art = _article("a", text, title="Getty Images / JANE ROE / Contributor")
    assert S.article_title(art) == (
        "A ferry ran aground off the coast of Maine on Sunday, stranding its forty passengers for several hours")


# a story whose first report opens on a background figure that only it gives
BACKGROUND = (
    "The region recorded 1,234 ferry crossings in 2009, 456 of them at night, according to an older survey.\n"
    "A ferry carrying forty passengers ran aground off the Maine coast on Sunday, the coast guard said.\n"
    "Tugs pulled the ferry off the sandbar at high tide and towed it back to the harbour.\n"
)
EVENT_B = (
    "Forty passengers were stranded for hours when their ferry ran aground off the Maine coast on Sunday.\n"
    "Nobody was hurt, and the passengers were taken ashore by lifeboat before the ferry was towed.\n"
)
EVENT_C = (
    "A passenger ferry ran aground on a sandbar off the Maine coast on Sunday, stranding forty people.\n"
    "The operator said it would inspect the hull before the ferry returned to service.\n"
)


def test_the_brief_opens_on_the_event_of_the_leads_not_on_a_background_figure() -> None:
    arts = [_article("a", BACKGROUND), _article("b", EVENT_B), _article("c", EVENT_C)]
    bullets = S.summarize_story(arts, max_words=80, use_embeddings=False)
    assert bullets and "ran aground" in bullets[0].text and "1,234" not in bullets[0].text
    # the paragraph form (ROUGE) keeps the articles' own order
    paragraph = S.summarize_story(arts, max_words=80, use_embeddings=False, bullets=False)
    assert paragraph
