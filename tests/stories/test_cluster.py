"""Stories: online, time-aware clustering; the ECB+ floor and the seeds as one story."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from synoptic.cluster import (
    StoryClusterer,
    cluster_articles,
    names,
)
from synoptic.dating import article_date, latest_year, text_dates, url_date
from synoptic.evaluate.clustering import bcubed, load_jsonl
from tests.conftest import shared_path

# Pinned quality floor on ECB+ topics 1-25 (measured 0.939 BCubed F1, P 0.945, R 0.933 with the
# constants in synoptic.cluster; the optimistic TF-IDF baseline reaches 0.883; the bar is
# 0.93). Raise it when it improves.
ECB_F1_FLOOR = 0.935
ECB_PRECISION_FLOOR = 0.94
ECB_RECALL_FLOOR = 0.93


@pytest.fixture(scope="module")
def seed_articles(seed_files: list[Path]) -> list:
    from synoptic.clean import clean_articles
    from synoptic.ingest import load

    loaded = [a for a in load([str(p) for p in seed_files]) if not isinstance(a, Exception)]
    return clean_articles(loaded)


def test_cluster_seeds_form_one_story(seed_articles: list) -> None:
    stories = cluster_articles(seed_articles)
    assert len(seed_articles) == 5
    assert len(stories) == 1
    assert stories[0].article_ids == [a.id for a in seed_articles]
    assert stories[0].title


@pytest.mark.slow
def test_cluster_ecbplus_bcubed_f1_floor() -> None:
    articles, gold = load_jsonl(shared_path("eval", "ecbplus-dev", "articles.jsonl"), "event")
    stories = cluster_articles(articles)
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    p, r, f = bcubed([story_of[a.id] for a in articles], gold)
    assert f >= ECB_F1_FLOOR, (p, r, f)
    assert p >= ECB_PRECISION_FLOOR and r >= ECB_RECALL_FLOOR, (p, r, f)


def _mini_corpus() -> list:
    from synoptic.records import Article

    texts = [
        ("q1", "A magnitude 6.1 earthquake struck Aceh province in Indonesia on Tuesday, killing 12 people."),
        ("f1", "A fire destroyed the Waitrose supermarket in Banstead, Surrey, on Friday night."),
        ("q2", "The Aceh earthquake in Indonesia killed 12 people, officials in Banda Aceh said Tuesday."),
        ("f2", "Firefighters fought a blaze at the Waitrose store in Banstead, Surrey, late on Friday."),
        ("q3", "Rescuers searched for survivors after the 6.1 quake hit Aceh, Indonesia; 12 are dead."),
    ]
    return [Article(id=i, text=t) for i, t in texts]


def test_cluster_separates_two_events_and_keeps_input_order() -> None:
    stories = cluster_articles(_mini_corpus())
    groups = sorted(sorted(s.article_ids) for s in stories)
    assert groups == [["f1", "f2"], ["q1", "q2", "q3"]]
    assert stories[0].article_ids == ["q1", "q2", "q3"]


def test_cluster_is_deterministic_same_ids() -> None:
    a = cluster_articles(_mini_corpus())
    b = cluster_articles(_mini_corpus())
    assert [(s.id, s.article_ids) for s in a] == [(s.id, s.article_ids) for s in b]
    assert all(s.id.startswith("s-") for s in a)


def test_story_clusterer_add_one_by_one_matches_batch() -> None:
    corpus = _mini_corpus()
    clusterer = StoryClusterer()
    ids = [clusterer.add(a) for a in corpus]
    assert ids[0] == ids[2] == ids[4] and ids[1] == ids[3] and ids[0] != ids[1]
    batch = cluster_articles(corpus)
    assert [s.article_ids for s in clusterer.stories()] == [s.article_ids for s in batch]


def test_cluster_dated_articles_far_apart_open_separate_stories() -> None:
    from synoptic.records import Article

    text = "A magnitude 6.1 earthquake struck Aceh province in Indonesia, killing 12 people."
    arts = [
        Article(id="a", text=text, published=datetime(2009, 1, 6, tzinfo=UTC)),
        Article(id="b", text=text + " Rescuers are searching.", published=datetime(2009, 1, 7, tzinfo=UTC)),
        Article(id="c", text=text + " Officials said.", published=datetime(2013, 7, 2, tzinfo=UTC)),
    ]
    stories = cluster_articles(arts)
    assert [s.article_ids for s in stories] == [["a", "b"], ["c"]]
    assert stories[0].first_seen == datetime(2009, 1, 6, tzinfo=UTC)
    assert stories[0].last_seen == datetime(2009, 1, 7, tzinfo=UTC)


def test_cluster_of_nothing_is_no_story() -> None:
    assert cluster_articles([]) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.foxnews.com/story/2009/11/30/armed-inmate/", (2009, 11, 30)),
        ("http://www.utsandiego.com/news/2009/dec/07/texas-prisoner/", (2009, 12, 7)),
        ("http://articles.timesofindia.indiatimes.com/2011-11-12/india/3039", (2011, 11, 12)),
        ("http://www.rediff.com/news/slide-show/20111111.htm", (2011, 11, 11)),
        ("http://www.timesledger.com/stories/2013/38/hitrun_web_2013_09_14_q.html", (2013, 9, 14)),
        ("http://www.i24news.tv/en/news/europe/130909-paris-hit-by-jewellery-heist", (2013, 9, 9)),
        ("http://www.vancouverdesi.com/sports/klitschko-stops-thompson/208622/", None),
        ("http://example.com/news/131345-not-a-date", None),
        ("http://example.com/about/", None),
    ],
)
def test_url_date(url: str, expected: tuple[int, int, int] | None) -> None:
    got = url_date(url)
    assert (got.year, got.month, got.day) == expected if expected else got is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated Saturday, December 05, 2009 8: 28 PM", (2009, 12, 5)),
        ("12 January 2010 @ 09: 29 pm", (2010, 1, 12)),
        ("Published time: 2013 - 03 - 12", (2013, 3, 12)),
        ("11 / 30 / 2009 posted", (2009, 11, 30)),
        ("Dec. 7, 2009", (2009, 12, 7)),
        ("Sunday, November 27 - 2005 at 16: 12", (2005, 11, 27)),
        ("Article posted on 08. 07. 2012", (2012, 7, 8)),
        ("11 / 28 / 05\t\tAftershocks jolt", (2005, 11, 28)),
        ("Last updated 05:00 16/09/2013", (2013, 9, 16)),
        ("Published: 2012. 08. 08 09: 01 AM", (2012, 8, 8)),
        ("'Several die' in south Iran quake\nNovemer 27, 2005", (2005, 11, 27)),
        ("Jaunary 5, 2011 - the minister said", (2011, 1, 5)),
    ],
)
def test_text_dates_finds_datelines(text: str, expected: tuple[int, int, int]) -> None:
    d = text_dates(text)[0]
    assert (d.year, d.month, d.day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a score of 1/2/3 and 3/4",
        "version 2.1.3",
        "no date at all",
        "Marco 12, 2005 is no month",  # one letter from "March", but short names are not guessed
        "Octagon 3, 2010",
    ],
)
def test_text_dates_ignore_numbers_that_are_not_dates(text: str) -> None:
    assert text_dates(text) == []


def test_article_date_prefers_metadata_then_url_then_dateline() -> None:
    from synoptic.records import Article

    pub = datetime(2022, 1, 7, tzinfo=UTC)
    assert article_date(Article(id="1", text="x", published=pub)) == (pub, "metadata")
    spaced = Article(id="2", text="http: / / gothamist. com / 2013 / 03 / 11 / riot. php\nDozens riot")
    assert article_date(spaced)[1] == "url" and article_date(spaced)[0].day == 11
    lead = Article(id="3", text="Riots in Athens\nMarch 14, 2013\nHostile crowds gathered.")
    assert article_date(lead)[0] == datetime(2013, 3, 14, tzinfo=UTC)
    assert article_date(Article(id="4", text="No date here."))[1] == "none"


def test_article_date_takes_the_day_from_the_dateline_when_the_url_names_only_a_month() -> None:
    from synoptic.records import Article

    url = "http://example.blogspot.com/2005/11/did-the-earth-move.html"
    dated = Article(id="1", text="27 NOVEMBER, 2005\nTremors were felt in Dubai today.", url=url)
    assert article_date(dated) == (datetime(2005, 11, 27, tzinfo=UTC), "url")
    other_month = Article(id="2", text="3 December, 2005\nTremors were felt.", url=url)
    assert article_date(other_month) == (datetime(2005, 11, 15, tzinfo=UTC), "url")
    assert url_date(url) == datetime(2005, 11, 15, tzinfo=UTC)


def test_article_date_ignores_a_lead_date_older_than_the_years_the_text_mentions() -> None:
    from synoptic.records import Article

    birth = Article(id="5", text="Bettie Page (born April 22, 1923) died. In 2005 she gave an interview.")
    assert article_date(birth) == (None, "none")


def test_latest_year_ignores_money_and_times() -> None:
    assert latest_year("The 2005 rampage; he won in 2008. It cost $2011 at 2045 GMT.") == 2008
    assert latest_year("nothing") == 0


def test_names_are_capitalised_words_without_function_words() -> None:
    got = names("The Indian Navy said on Saturday that INS Mysore captured 23 pirates. He said")
    assert {"indian", "navy", "ins", "mysore"} <= set(got)
    assert not {"the", "saturday", "he"} & set(got)


def test_names_skip_headline_words_the_text_also_writes_in_lower_case() -> None:
    got = names("Historic Dairy Building Burns\nThe historic dairy of Matanuska Maid burned, Jon Owen said.")
    assert {"matanuska", "maid", "jon", "owen", "building", "burns"} <= set(got)
    assert not {"historic", "dairy"} & set(got)


def _story_with(dated: int, undated: int) -> object:
    from synoptic.cluster import _Live

    day = datetime(2013, 9, 9, tzinfo=UTC)
    s = _Live(id="s", index=0, members=list(range(dated + undated)), dated=dated)
    if dated:
        s.first = s.last = day
    return s


@pytest.mark.parametrize(
    ("article_dated", "story_dated", "story_undated", "share"),
    [
        (True, 4, 0, 0.0),  # all members comparable: no unknown-time cost
        (True, 1, 3, 0.75),  # one dated member does not make an undated story dated
        (True, 0, 4, 1.0),
        (False, 0, 4, 0.0),
        (False, 1, 3, 0.25),
        (False, 4, 0, 1.0),
    ],
)
def test_unknown_time_costs_in_proportion_to_members_that_cannot_be_compared(
    article_dated: bool, story_dated: int, story_undated: int, share: float
) -> None:
    import synoptic.cluster as cluster

    date = datetime(2013, 9, 9, tzinfo=UTC) if article_dated else None
    cost = StoryClusterer._time_cost(date, 2013, _story_with(story_dated, story_undated))  # type: ignore[arg-type]
    assert cost == pytest.approx(cluster.TIME_UNKNOWN_PENALTY * share)


def _synoptic(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "synoptic", "cluster", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_cluster_seeds_one_story_as_seedcheck_reads_it(seed_files: list[Path]) -> None:
    proc = _synoptic(*[str(p) for p in seed_files])
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert [Path(r["id"]).name[:3] for r in recs] == ["000", "001", "002", "003", "004"]
    assert len({r["story"] for r in recs}) == 1


def test_cli_cluster_stdin_bad_line_is_skipped_with_exit_3() -> None:
    lines = [
        json.dumps(
            {"id": "q1", "text": "A magnitude 6.1 earthquake struck Aceh, Indonesia, killing 12 people."}
        ),
        "this is not json",
        json.dumps(
            {"id": "q2", "text": "The Aceh earthquake in Indonesia killed 12 people, officials said."}
        ),
        json.dumps(
            {"id": "q3", "text": "The Aceh earthquake in Indonesia killed 12 people, officials said."}
        ),
    ]
    proc = _synoptic("-", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 3
    assert "stdin" in proc.stderr
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in recs] == ["q1", "q2", "q3"]
    assert len({r["story"] for r in recs}) == 1
    assert recs[2]["duplicate_of"] == "q2"


def test_cli_cluster_has_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "synoptic", "cluster", "--help"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and "story" in proc.stdout


@pytest.mark.parametrize(
    ("article_year", "story_year", "penalised"),
    [
        (2012, 2005, True),  # undated, but mentions 2012: not the 2005 fight
        (2007, 2005, False),  # within the gap
        (0, 2005, False),  # the article mentions no year
        (2012, 0, False),  # the story mentions none
    ],
)
def test_undated_article_mentioning_a_much_later_year_pays_a_penalty(
    article_year: int, story_year: int, penalised: bool
) -> None:
    import synoptic.cluster as cluster
    from synoptic.cluster import _Live

    story = _Live(id="s", index=0, members=[0, 1], latest_year=story_year)
    cost = StoryClusterer._time_cost(None, article_year, story)
    assert cost == (cluster.UNDATED_YEAR_PENALTY if penalised else 0.0)


def test_story_goes_stale_once_the_stream_moves_past_its_follow_up_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import synoptic.cluster as cluster
    from synoptic.records import Article

    monkeypatch.setattr(cluster, "QUIET_ARRIVALS", 0)  # a long stream in three articles
    text = "A magnitude 6.1 earthquake struck Aceh province in Indonesia, killing 12 people."
    clusterer = StoryClusterer()
    first = clusterer.add(Article(id="a", text=text, published=datetime(2009, 1, 6, tzinfo=UTC)))
    clusterer.add(Article(id="later", text="Oscars host named.", published=datetime(2012, 6, 1, tzinfo=UTC)))
    late = clusterer.add(Article(id="b", text=text, published=datetime(2009, 1, 7, tzinfo=UTC)))
    assert late != first
    assert clusterer.story_of("a") == first


def test_old_story_fades_to_its_strongest_terms_and_can_still_be_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    import synoptic.cluster as cluster
    from synoptic.records import Article

    monkeypatch.setattr(cluster, "QUIET_ARRIVALS", 0)

    text = (
        "A magnitude 6.1 earthquake struck Aceh province in Indonesia on Tuesday, killing 12 people and "
        "injuring dozens more in Banda Aceh, Bireuen, Pidie Jaya, Lhokseumawe and Takengon, where rescuers "
        "from the Indonesian Red Cross, the national disaster agency BNPB and the army dug through "
        "collapsed mosques, schools, shops and houses while aftershocks rattled Sumatra, officials said."
    )
    clusterer = StoryClusterer()
    first = clusterer.add(Article(id="a", text=text, published=datetime(2009, 1, 6, tzinfo=UTC)))
    story = clusterer._by_id[first]
    assert len(story.words) > cluster.FADED_TERMS
    # the stream moves on past FADE_AFTER_DAYS: the story keeps only its strongest terms
    clusterer.add(Article(id="later", text="Oscars host named.", published=datetime(2009, 9, 1, tzinfo=UTC)))
    assert len(story.words) == cluster.FADED_TERMS and len(story.names) <= cluster.FADED_TERMS
    assert story.words_norm == pytest.approx(math.sqrt(sum(v * v for v in story.words.values())))
    # a late report of the same day still finds it
    late = clusterer.add(Article(id="b", text=text, published=datetime(2009, 1, 7, tzinfo=UTC)))
    assert late == first


def test_story_still_joined_recently_stays_whole_when_a_much_newer_date_comes_by() -> None:
    from synoptic.records import Article

    text = "A magnitude 6.1 earthquake struck Aceh province in Indonesia, killing 12 people."
    clusterer = StoryClusterer()
    first = clusterer.add(Article(id="a", text=text, published=datetime(2009, 1, 6, tzinfo=UTC)))
    # an archive read out of date order: a report from years later, then more on the old story
    clusterer.add(Article(id="later", text="Oscars host named.", published=datetime(2013, 6, 1, tzinfo=UTC)))
    assert clusterer.add(Article(id="b", text=text, published=datetime(2009, 1, 7, tzinfo=UTC))) == first
    assert not clusterer._faded[clusterer._by_id[first].index]


_SHOOTING = (
    "A suspended worker shot dead two colleagues at the Kraft Foods bakery in northeast Philadelphia "
    "on Thursday night and wounded a third, police commissioner Charles Ramsey said."
)
_TRIAL = (
    "The murder trial of the former Kraft Foods worker accused of shooting dead two colleagues at the "
    "company's bakery in northeast Philadelphia{ref} opened on Monday, with Charles Ramsey's officers "
    "among the first witnesses."
)


@pytest.mark.parametrize(
    ("article", "mentions", "story_years", "members_mention", "refers"),
    [
        ((2012, 9, 10), {2010, 2012}, (2010, 2010), {2010}, True),  # the trial names the year of the shooting
        ((2010, 9, 10), {2010}, (2012, 2012), {2010, 2012}, True),  # a member of the later story names 2010
        ((2012, 9, 10), {2012}, (2010, 2010), {2010}, False),  # no mention either way
        ((2015, 5, 2), {2015}, (2015, 2015), {2015}, False),  # the same year: a text's own year is no reference
        ((2016, 1, 8), {2016, 2015}, (2015, 2016), {2015}, False),  # the story already reaches the text's year
    ],
)
def test_refers_back(
    article: tuple[int, int, int],
    mentions: set[int],
    story_years: tuple[int, int],
    members_mention: set[int],
    refers: bool,
) -> None:
    from synoptic.cluster import _Live

    story = _Live(id="s", index=0, members=[0], dated=1, years=set(members_mention))
    story.first = datetime(story_years[0], 1, 20, tzinfo=UTC)
    story.last = datetime(story_years[1], 1, 2, tzinfo=UTC)
    date = datetime(*article, tzinfo=UTC)
    assert StoryClusterer._refers_back(date, mentions, story) is refers


@pytest.mark.parametrize(("ref", "joins"), [(" in September 2010", True), ("", False)])
def test_follow_up_years_later_joins_only_when_it_refers_back(ref: str, joins: bool) -> None:
    from synoptic.records import Article

    arts = [
        Article(id="shot", text=_SHOOTING, published=datetime(2010, 9, 9, tzinfo=UTC)),
        Article(id="shot2", text=_SHOOTING + " The plant was closed.", published=datetime(2010, 9, 10, tzinfo=UTC)),
        Article(id="trial", text=_TRIAL.format(ref=ref), published=datetime(2012, 9, 10, tzinfo=UTC)),
    ]
    stories = cluster_articles(arts)
    expected = [["shot", "shot2", "trial"]] if joins else [["shot", "shot2"], ["trial"]]
    assert [s.article_ids for s in stories] == expected


def test_merge_folds_the_younger_story_into_the_older_and_records_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import synoptic.cluster as cluster

    corpus = _mini_corpus()
    clusterer = StoryClusterer()
    ids = [clusterer.add(a) for a in corpus[:2]]  # an earthquake story, then a fire story
    assert ids[0] != ids[1]
    # with the bar at zero, the runner-up of the next article's scoring is folded in
    monkeypatch.setattr(cluster, "MERGE_THRESHOLD", 0.0)
    clusterer.add(corpus[2])
    stories = clusterer.stories()
    assert len(stories) == 1
    assert stories[0].id == ids[0]
    assert stories[0].merged_from == [ids[1]]
    assert stories[0].article_ids == ["q1", "f1", "q2"]
    assert clusterer.story_of("f1") == ids[0]


def test_follow_up_candidates_agree_with_the_scalar_rule() -> None:
    """The vectorised filter in _candidate_rows and _refers_back/_time_cost pick the same stories."""
    import synoptic.cluster as cluster
    from synoptic.records import Article

    events = [  # one story each, dated across 2009-2016; the odd ones name an earlier year
        "A fire destroyed the old market of Aceh on Friday.",
        "Voters in Banstead elected a new mayor, the council said. Turnout beat the 2008 vote.",
        "The Cusco orchestra toured Japan with a new violinist.",
        "A bridge collapsed in Dhaka during the monsoon. It was built in 2008.",
        "Essen football club signed a striker from Lisbon for a record fee.",
        "Farmers near Fresno lost their almond crop to frost. The last frost was in 2011.",
        "Galway hosted the sailing regatta; rain delayed the final race.",
        "Hanoi opened its first metro line after years of delays since 2012.",
    ]
    clusterer = StoryClusterer()
    for i, text in enumerate(events):
        clusterer.add(Article(id=str(i), text=text, published=datetime(2009 + i, 3 + i, 10, tzinfo=UTC)))
    assert len(clusterer.stories()) == len(events)
    probes = [  # (date, text): the text names earlier years; a story's member may name the probe's
        (datetime(2011, 1, 1, tzinfo=UTC), "Officials reviewed what happened in 2009 and 2008."),
        (datetime(2013, 1, 1, tzinfo=UTC), "Officials reviewed what happened in 2011 and 2010."),
        (datetime(2014, 1, 1, tzinfo=UTC), "Officials reviewed what happened in 2012 and 2011."),
        (datetime(2008, 6, 1, tzinfo=UTC), "Officials reviewed what happened."),  # stories 1 and 3 name 2008
        (datetime(2012, 12, 20, tzinfo=UTC), "Officials reviewed what happened in 2012."),  # its own year only
    ]
    found_any = False
    for date, text in probes:
        article = Article(id=f"probe{date.year}", text=text, published=date)
        feats = clusterer._features(article, clusterer.embedder.embed([text])[0])
        near, far = clusterer._candidate_rows(feats)
        expected = []
        for s in clusterer._stories:
            assert s.first is not None and s.last is not None
            gap = min(abs((feats.date - s.first).days), abs((feats.date - s.last).days))
            if s.first <= feats.date <= s.last or gap <= cluster.TIME_WINDOW_DAYS:
                continue
            if gap <= cluster.FOLLOW_UP_DAYS and StoryClusterer._refers_back(feats.date, feats.years, s):
                expected.append(s.index)
        assert sorted(far[0].tolist()) == expected, (date, text)
        found_any = found_any or bool(expected)
        for index in expected:
            cost = StoryClusterer._time_cost(feats.date, feats.latest_year, clusterer._stories[index], years=feats.years)
            assert cost is not None and cost >= cluster.FOLLOW_UP_PENALTY
    assert found_any  # the probes do refer back to some stories


@pytest.mark.parametrize(
    ("told", "share"),
    [
        (datetime(2013, 9, 1, tzinfo=UTC), 1.0 - 0.5),  # a week before the story's date: placed in time
        (datetime(2013, 6, 1, tzinfo=UTC), 1.0),  # beyond the window: tells nothing of the story's time
        (None, 1.0),
    ],
)
def test_undated_article_telling_a_full_date_near_the_story_pays_less_unknown_time(
    told: datetime | None, share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    import synoptic.cluster as cluster

    monkeypatch.setattr(cluster, "TOLD_DATE_WEIGHT", 0.5)
    cost = StoryClusterer._time_cost(None, 2013, _story_with(4, 0), told=told)  # type: ignore[arg-type]
    assert cost == pytest.approx(cluster.TIME_UNKNOWN_PENALTY * share)


def test_features_of_an_undated_memorial_page_carry_its_told_date_and_told_years() -> None:
    from synoptic.records import Article

    text = ("Deputy Sheriff Ann Roe\nEnd of Watch: Friday, June 24, 2005\nShe was shot at a door.\n"
            "In April 2007 the suspect was sentenced to death. A sequel is set for a 2011 release date.")
    clusterer = StoryClusterer(embedder=None)
    feats = clusterer._features(Article(id="a", text=text), vec=None)  # type: ignore[arg-type]
    assert feats.date is None
    assert feats.told == datetime(2005, 6, 24, tzinfo=UTC)
    assert feats.latest_year == 2007  # not 2011: a year that names a thing still to come
    assert feats.years == {2005, 2007, 2011}
