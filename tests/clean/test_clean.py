"""Cleaning: the seeds against the gold, the offset map, learned outlet lines, and no silent loss."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synoptic.clean import REPEAT_MIN_ARTICLES, SELF_REPEAT_MIN, clean_article, clean_articles
from synoptic.ingest import load
from synoptic.records import Article


@pytest.fixture(scope="module")
def cleaned(seeds_dir: Path) -> dict[str, Article]:
    articles = [a for a in load([str(seeds_dir)]) if isinstance(a, Article)]
    return {a.id[:3]: a for a in clean_articles(articles)}


def _gold_items(gold: dict, key: str) -> list[tuple[str, str]]:
    return [(name[:3], line) for name, art in gold["articles"].items() for line in art.get(key, [])]


def _gold(kind: str) -> list[tuple[str, str]]:
    import json

    from tests.conftest import SHARED

    path = SHARED / "gold" / "kazakhstan-2022.json"
    if not path.exists():
        return []
    return _gold_items(json.loads(path.read_text(encoding="utf-8")), kind)


@pytest.mark.parametrize(("seed", "line"), _gold("boilerplate") + _gold("metadata_lines"))
def test_clean_removes_gold_debris_and_metadata_lines(
    cleaned: dict[str, Article], seed: str, line: str
) -> None:
    text = cleaned[seed].text
    assert line not in text
    assert line.strip() in {r.text for r in cleaned[seed].removed}


@pytest.mark.parametrize(("seed", "line"), _gold("must_keep"))
def test_clean_keeps_gold_sentences(cleaned: dict[str, Article], seed: str, line: str) -> None:
    assert line in cleaned[seed].text


def test_clean_keeps_subheads_inside_articles(cleaned: dict[str, Article]) -> None:
    assert "spark confrontations" in cleaned["001"].text
    assert "international positions" in cleaned["001"].text


def test_clean_drops_repeated_titles_and_teaser(cleaned: dict[str, Article], gold: dict) -> None:
    for name, art in gold["articles"].items():
        text = cleaned[name[:3]].text
        if art.get("duplicate_title_lines"):
            assert text.count(art["title"]) <= 1, name
        if "truncated_teaser" in art:
            assert text.count(art["truncated_teaser"]) == 1, name
            assert "teaser" in {r.reason for r in cleaned[name[:3]].removed}


def test_clean_fills_metadata_fields_from_gold(cleaned: dict[str, Article], gold: dict) -> None:
    for name, art in gold["articles"].items():
        got = cleaned[name[:3]]
        assert got.title == art["title"], name
        if art.get("outlet"):
            assert got.outlet == art["outlet"], name
        if art.get("url"):
            assert got.url == art["url"], name
        if art.get("updated"):
            assert got.updated == datetime.fromisoformat(art["updated"]), name
    assert cleaned["000"].byline == "admin"


def test_clean_segments_map_every_character_back_to_raw(cleaned: dict[str, Article]) -> None:
    for article in cleaned.values():
        assert article.segments
        for i, ch in enumerate(article.text):
            assert article.raw_text[article.raw_offset(i)] == ch


def test_clean_keeps_raw_text_and_gives_reasons(cleaned: dict[str, Article]) -> None:
    for article in cleaned.values():
        assert len(article.raw_text) > len(article.text)
        for r in article.removed:
            assert r.reason and article.raw_text[r.start : r.start + len(r.text)] == r.text


def test_clean_returns_new_articles(seed_files: list[Path]) -> None:
    original = next(a for a in load([str(seed_files[0])]) if isinstance(a, Article))
    text = original.text
    out = clean_articles([original])
    assert out[0] is not original and original.text == text and not original.removed


OUTLET_FOOTER = "The Weekly Ledger is an independent paper owned by its readers since 1921"


def _outlet_article(i: int, outlet: str | None = "Weekly Ledger") -> Article:
    body = (
        f"Council approves budget number {i}\n\n"
        f"The town council voted {i} to 2 on Tuesday to approve the budget for year {2000 + i}.\n\n"
        f"Residents asked questions about road repairs in district {i}.\n\n{OUTLET_FOOTER}"
    )
    return Article(id=str(i), text=body, raw_text=body, outlet=outlet)


def test_clean_learns_lines_an_outlet_repeats() -> None:
    out = clean_articles([_outlet_article(i) for i in range(REPEAT_MIN_ARTICLES)])
    for article in out:
        assert OUTLET_FOOTER not in article.text
        assert ("repeated", OUTLET_FOOTER) in {(r.reason, r.text) for r in article.removed}
        assert "The town council voted" in article.text


@pytest.mark.parametrize(
    ("count", "outlet"),
    [(REPEAT_MIN_ARTICLES - 1, "Weekly Ledger"), (REPEAT_MIN_ARTICLES + 2, None)],
    ids=["too-few-articles", "no-outlet"],
)
def test_clean_does_not_learn_without_enough_evidence(count: int, outlet: str | None) -> None:
    out = clean_articles([_outlet_article(i, outlet) for i in range(count)])
    assert all(OUTLET_FOOTER in a.text for a in out)


def test_clean_keeps_reposts_of_one_story() -> None:
    text = (
        "Storm closes the coast road\n\nHeavy rain closed the coast road for the third day, officials said."
    )
    reposts = [Article(id=str(i), text=text, raw_text=text, outlet="Wire") for i in range(5)]
    assert all(a.text == text for a in clean_articles(reposts))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Leave a Reply", "comments"),
        ("Your email address will not be published. Required fields are marked *", "comments"),
        ("We use cookies to give you the best experience on our site.", "cookies"),
        ("You may also like", "related"),
        ("Back to top button", "navigation"),
        ("Video duration 02 minutes 54 seconds", "media"),
        ("-Unclear image-", "media"),
        ("Home » World » Storm closes the coast road", "breadcrumb"),
        ("Source From: Stern", "metadata"),
        ("by admin", "metadata"),
        ("Source: Gage Skidmore / Flickr", "media"),
        ("Tweet with a location", "navigation"),
        (
            "You can add location information to your Tweets, such as your city or precise location, from "
            "the web and via third-party applications.",
            "navigation",
        ),
        ("Media playback is unsupported on your device", "media"),
        ("Please enable Javascript to watch this video", "media"),
        ("Share on Facebook Share on Twitter", "navigation"),
        ("Continue Reading Below Advertisement", "navigation"),
        ("> >Follow Noah Rothman (@Noah_C_Rothman) on Twitter", "navigation"),
        ("(PHOTOS: Celebrities call for gun control)", "media"),
        ("Image copyright PA", "media"),
        ("Cookie settings | Privacy policy | Terms of use", "navigation"),
        ("About us • Contact • Advertise", "navigation"),
        ("Facebook Twitter LinkedIn Email", "navigation"),
        ("Share this article", "navigation"),
        ("Share this article:", "navigation"),
        (
            "Cookies help us deliver our services. By using our services, you agree to our use of cookies. OK",
            "cookies",
        ),
        ("We value your privacy and use cookies on this site. Accept all", "cookies"),
        ("Read also: Egypt records rise in canal revenues in 2020", "related"),
        ("Read more: Storm season starts early", "related"),
        ("Related: Bridges inspected after the flood", "related"),
        ("See also: How the valley road was built", "related"),
    ],
)
def test_clean_removes_debris_lines_with_reason(line: str, reason: str) -> None:
    body = "\n\n".join(
        [
            "Storm closes the coast road for a third day",
            "Heavy rain closed the coast road again, officials said.",
            line,
        ]
    )
    got = clean_article(Article(id="a", text=body, raw_text=body))
    assert line not in got.text.split("\n")
    assert (line, reason) in {(r.text, r.reason) for r in got.removed}


@pytest.mark.parametrize(
    "line",
    [
        "-Land of the Russian Airborne Troops-",
        "By Friday evening, the troops had reached the airport.",
        "Click here to see why the share of voters who comment online has doubled, he said.",
        "Source of the fire: a gas leak, the fire brigade said on Monday in its report.",
        "Regulators say users must be able to refuse cookies as easily as they accept.",
        "The cookie law, which sites must obey. Accept it or not, it applies from Monday.",
        "Read also the minister's letter, the union said on Tuesday.",
        "Results | 2019 | 2020",
        "Egypt - the canal reopened on Monday, officials said.",
        "You can add location information to a police report, the mayor said.",
    ],
)
def test_clean_keeps_sentences_that_look_like_debris(line: str) -> None:
    body = (
        "Storm closes the coast road for a third day\n\n" + line + "\n\nOfficials said the road would reopen."
    )
    assert line in clean_article(Article(id="a", text=body, raw_text=body)).text


_LINES = st.sampled_from(
    [
        "Leave a Reply",
        "Home » News",
        "Middle East",
        "by admin",
        "Date Of Update: 07 January 2022, 14:52",
        "Source From: Stern",
        "The minister said 26 people were detained on Friday.",
        "The minister said 26 people were detained",
        "Officials said the airport reopened.",
        "\tYou may also like\t",
        "international positions",
        "A storm closed the coast road",
        "  indented line with spaces  ",
        "A storm closed the coast road for a third day, officials said on Monday evening",
        "Gulf Maritime Daily | Shipping | Ports | Markets",
        "Nile Courier - News from Egypt and the region",
        "Cookie settings | Privacy policy | Terms of use",
        "28/03/2021 09:40",
        "Thursday, 25 March 2021",
        "Read also: Egypt records rise in canal revenues in 2020",
        "Cookies help us deliver our services. By using our services, you agree to our use of cookies. OK",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_LINES, st.sampled_from(["\n", "\n\n", "\n \n", "\n\n\n"])), min_size=1, max_size=12)
)
def test_clean_never_drops_a_line_silently_and_maps_offsets(parts: list[tuple[str, str]]) -> None:
    raw = "".join(line + sep for line, sep in parts)
    got = clean_article(Article(id="p", text=raw, raw_text=raw))
    kept = {ln.strip() for ln in got.text.split("\n") if ln.strip()}
    removed = {r.text for r in got.removed}
    for line in raw.split("\n"):
        if line.strip():
            assert line.strip() in kept or line.strip() in removed
    for i, ch in enumerate(got.text):
        assert got.raw_text[got.raw_offset(i)] == ch


def test_clean_keeps_paragraphs_shared_by_updates_of_one_story() -> None:
    lead = (
        "Heavy rain closed the coast road for the third day on Monday, officials in the valley said, "
        "as the river rose above its banks in two towns and schools stayed shut."
    )
    shared = "The army sent 40 trucks to the valley."
    updates = [
        Article(id=str(i), text=t, raw_text=t, outlet="Wire")
        for i, t in enumerate(
            f"{lead}\n\n{shared}\n\nUpdate {i}: water levels fell by {i} cm." for i in range(5)
        )
    ]
    assert all(shared in a.text for a in clean_articles(updates))


def test_clean_takes_a_date_line_at_the_top_as_publication_date() -> None:
    body = (
        "DECEMBER 16, 2008\nSox make offer to Teixeira\nThe Red Sox made an eight-year offer, a report said."
    )
    got = clean_article(Article(id="a", text=body, raw_text=body))
    assert got.published == datetime(2008, 12, 16) and got.published_how == "text"
    assert got.title == "Sox make offer to Teixeira" and not got.text.startswith("DECEMBER")


def test_clean_leaves_dates_and_links_inside_the_body() -> None:
    lines = ["Sox make offer to Teixeira"] + [
        f"Paragraph {i} of the report, with several words in it." for i in range(8)
    ]
    lines[5] = "March 28, 2012"
    lines[6] = "https://twitter.com/someone/status/750139052448362496"
    body = "\n\n".join(lines)
    got = clean_article(Article(id="a", text=body, raw_text=body))
    assert got.published is None and got.url is None and got.text == body


def test_clean_batch_with_learned_lines_matches_clean_articles() -> None:
    from synoptic.clean import clean_batch, learn_batch

    batch = [_outlet_article(i) for i in range(REPEAT_MIN_ARTICLES + 1)]
    assert clean_batch(batch[:2], learn_batch(batch)) == clean_articles(batch)[:2]


def test_learning_from_partition_sketches_equals_learning_from_the_batch() -> None:
    """What a distributed run does: sketch each partition apart, learn from all the sketches."""
    import pickle

    from synoptic.clean import clean_batch, learn_batch, learn_from_sketches, sketch_lines

    batch = [_outlet_article(i) for i in range(REPEAT_MIN_ARTICLES + 2)]
    learned = learn_from_sketches(sketch_lines(batch[:2]) + sketch_lines(batch[2:]))
    assert learned == learn_batch(batch) and learned
    shipped = pickle.loads(pickle.dumps(learned))  # as Dask sends it to the workers
    assert " ".join(OUTLET_FOOTER.split()).casefold() in shipped["weekly ledger"]
    assert "The town council voted" not in shipped["weekly ledger"]
    assert clean_batch(batch, shipped) == clean_articles(batch)


def test_clean_command_prints_one_json_object_per_article(
    seed_files: list[Path], gold: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from synoptic.cli import main

    assert main(["clean", *map(str, seed_files)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == [p.name for p in seed_files]
    for r in records:
        assert {"id", "text", "title", "outlet", "url", "published", "updated", "removed"} <= set(r)
        assert all(set(x) >= {"text", "reason"} for x in r["removed"])
    by_id = {r["id"][:3]: r for r in records}
    assert by_id["004"]["updated"].startswith(gold["articles"]["004_db150d0d2863ade0.txt"]["updated"])
    assert by_id["000"]["published"] is None


def _clean_text(body: str, **fields: object) -> Article:
    from synoptic.ingest.text import text_article

    article = text_article(body, "test.txt", "t")  # the title as ingest guesses it
    return clean_article(article.replace(**fields) if fields else article)


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("Gulf Maritime Daily | Shipping | Ports | Markets", "Gulf Maritime Daily"),
        ("Nile Courier - News from Egypt and the region", "Nile Courier"),
        ("Valley Post — Reporting the valley since 1921", "Valley Post"),
    ],
)
def test_clean_takes_masthead_out_into_outlet_and_keeps_the_real_headline(masthead: str, outlet: str) -> None:
    body = (
        f"{masthead}\nHome » News » Valley\nStorm closes the coast road for a third day\n"
        "Heavy rain closed the coast road again on Monday, officials in the valley said.\n"
    )
    if outlet == "Valley Post":  # a tagline not recognisable alone: the outlet is known from a Source line
        body += "Source: Valley Post\n"
    got = _clean_text(body)
    assert got.title == "Storm closes the coast road for a third day"
    assert got.outlet == outlet
    assert (masthead, "metadata") in {(r.text, r.reason) for r in got.removed}
    assert masthead not in got.text and "Heavy rain closed the coast road" in got.text


def test_clean_masthead_does_not_override_a_known_outlet() -> None:
    body = "Nile Courier - News from Egypt and the region\nStorm closes the coast road\nRain fell all day, they said."
    got = _clean_text(body, outlet="The Courier")
    assert got.outlet == "The Courier" and got.title == "Storm closes the coast road"


def test_clean_replaces_a_masthead_title_given_by_a_record() -> None:
    body = (
        "Gulf Maritime Daily | Shipping | Ports\nStorm closes the coast road\nRain fell all day, they said."
    )
    got = _clean_text(body, title="Gulf Maritime Daily | Shipping | Ports")
    assert got.title == "Storm closes the coast road"


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("Thursday, 25 March 2021", datetime(2021, 3, 25)),
        ("28/03/2021 09:40", datetime(2021, 3, 28, 9, 40)),
        ("03/28/2021", datetime(2021, 3, 28)),
        ("05/04/2021", datetime(2021, 4, 5)),  # ambiguous: day first
        ("26.09.2022 08:15", datetime(2022, 9, 26, 8, 15)),
    ],
)
def test_clean_uses_a_bare_date_under_masthead_and_headline_as_publication_date(
    date_line: str, expected: datetime
) -> None:
    body = (
        "Gulf Maritime Daily | Shipping | Ports | Markets\nHome » Shipping » Canals\n"
        f"Storm closes the coast road for a third day\n{date_line}\n"
        "Heavy rain closed the coast road again on Monday, officials in the valley said.\n"
    )
    got = _clean_text(body)
    assert got.published == expected and got.published_how == "text"
    assert (date_line, "metadata") in {(r.text, r.reason) for r in got.removed}
    assert date_line not in got.text


def test_clean_leaves_a_bare_date_below_the_first_paragraph() -> None:
    body = (
        "Storm closes the coast road\nHeavy rain closed the coast road again, officials said.\n"
        "Schools stayed shut in the valley.\n25 March 2021\nMore rain is due.\n"
    )
    got = _clean_text(body)
    assert got.published is None and "25 March 2021" in got.text


def test_clean_makes_publication_dates_naive_utc() -> None:
    from datetime import timedelta, timezone

    body = "Storm closes the coast road\nHeavy rain closed the coast road again, officials said.\n"
    aware = datetime(2021, 3, 27, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    got = _clean_text(body, published=aware, published_how="metadata", updated=aware)
    assert got.published == got.updated == datetime(2021, 3, 27, 12, 30)
    stamped = _clean_text("Storm closes the coast road\nPublished: 25 September 2022 12:40 CEST\nRain fell.")
    assert stamped.published == datetime(2022, 9, 25, 10, 40) and stamped.published.tzinfo is None


# The bundled sample (src/synoptic/sample/): what cleaning must find in each report.
SAMPLE_EXPECTED: dict[str, dict[str, object]] = {
    "kipchoge-berlin-sport-wire.txt": {
        "title": "Kipchoge sets new world record of 2:01:09 at the Berlin Marathon",
        "outlet": "Berlin Sport Wire",
        "published": datetime(2022, 9, 26, 8, 15),
        "gone": [
            "Berlin Sport Wire",
            "26.09.2022 08:15",
            "Cookies help us deliver our services",
            "Leave a Reply",
        ],
    },
    "kipchoge-track-and-road.txt": {
        "title": "Kipchoge lowers marathon world record to 2:01:09",
        "outlet": "Track & Road",
        "published": datetime(2022, 9, 25, 10, 40),  # 12:40 CEST
        "gone": ["Track & Road\n", "Home » Running", "Published:", "By Anna Weiss", "Share this article"],
    },
    "suez-gulf-maritime-daily.txt": {
        "title": "Evergiven grounding: salvors call in specialists as queue grows",
        "outlet": "Gulf Maritime Daily",
        "published": datetime(2021, 3, 25),
        "gone": [
            "| Shipping |",
            "Thursday, 25 March 2021",
            "Share this article",
            "Facebook Twitter LinkedIn Email",
            "Cookie settings",
            "Source:",
        ],
    },
    "suez-harbour-ledger.txt": {
        "title": "Giant container ship wedged across the Suez Canal",
        "outlet": "Harbour Ledger",
        "published": datetime(2021, 3, 24, 10, 15),
        "gone": ["We use cookies", "Leave a Reply", "Your email address", "Published:"],
    },
    "suez-nile-courier.txt": {
        "title": "Rabie: wind was not the only cause of the grounding of the Ever Given",
        "outlet": "Nile Courier",
        "published": datetime(2021, 3, 28, 9, 40),
        "gone": ["News from Egypt and the region", "28/03/2021", "Read also:", "Tags:", "Leave a Reply"],
    },
    "suez-cargo-review.html": {
        "title": "Ever Given refloated, Suez Canal reopens to traffic",
        "outlet": "The Cargo Review",
        "published": datetime(2021, 3, 29, 15, 20),  # 17:20+02:00
        "gone": ["cookies", "Share this article", "Leave a Reply"],
    },
    "suez-channel-post": {
        "title": "Canal chief says human error may have played a part in Suez blockage",
        "outlet": "Channel Post",
        "published": datetime(2021, 3, 27, 12, 30),
        "gone": ["Home » World", "Share this article", "Sign up for our newsletter"],
    },
    "suez-meridian-wire": {
        "title": "Hundreds of ships start moving through Suez after Ever Given freed",
        "outlet": "Meridian Wire",
        "published": datetime(2021, 3, 30, 8, 0),
        "gone": ["Meridian Wire\n", "30 March 2021", "Leave a Reply"],
    },
    "kipchoge-daily-meridian": {
        "title": "Kipchoge breaks his own marathon world record in Berlin",
        "outlet": "Daily Meridian",
        "published": datetime(2022, 9, 26, 5, 0),
        "gone": ["Home » Sport", "Share this article", "We use cookies"],
    },
}


@pytest.fixture(scope="module")
def sample_cleaned() -> dict[str, Article]:
    from synoptic.cli.demo import sample_dir

    sources = sorted(str(p) for p in sample_dir().iterdir() if p.name != "README.md")
    return {a.id: a for a in clean_articles([a for a in load(sources) if isinstance(a, Article)])}


@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTED))
def test_clean_sample_report_metadata_and_debris(sample_cleaned: dict[str, Article], name: str) -> None:
    want = SAMPLE_EXPECTED[name]
    got = sample_cleaned[name]
    assert (got.title, got.outlet, got.published) == (want["title"], want["outlet"], want["published"])
    assert got.published is not None and got.published.tzinfo is None
    for piece in want["gone"]:  # type: ignore[attr-defined]
        assert piece not in got.text, piece
    assert got.text.startswith(str(want["title"]))


def test_clean_sample_keeps_every_sentence(sample_cleaned: dict[str, Article]) -> None:
    assert set(sample_cleaned) == set(SAMPLE_EXPECTED)
    for article in sample_cleaned.values():
        for line in article.raw_text.split("\n"):
            line = line.strip()
            if len(line.split()) >= 8 and line.endswith((".", '"', "”", "!")) and "cookies" not in line:
                assert line in article.text, (article.id, line)


def test_clean_command_writes_sample_dates_in_utc_without_zone(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from synoptic.cli import main
    from synoptic.cli.demo import sample_dir

    sources = sorted(str(p) for p in sample_dir().iterdir() if p.name != "README.md")
    assert main(["clean", *sources]) == 0
    records = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert records["suez-channel-post"]["published"] == "2021-03-27T12:30:00"  # given as 14:30+02:00
    for record in records.values():
        assert record["published"] and datetime.fromisoformat(record["published"]).tzinfo is None


def test_clean_section_menu_at_the_top_is_navigation_not_an_outlet() -> None:
    body = "Middle East | Egypt | Gulf\nStorm closes the coast road\nRain fell all day, they said.\n"
    got = _clean_text(body)
    assert got.outlet is None and got.title == "Storm closes the coast road"
    assert ("Middle East | Egypt | Gulf", "navigation") in {(r.text, r.reason) for r in got.removed}


def test_clean_cookie_notice_above_the_headline_does_not_hide_the_date_line() -> None:
    body = (
        "Gulf Maritime Daily | Shipping | Ports\nWe use cookies to improve your experience on this site.\n"
        "Storm closes the coast road\n28/03/2021 09:40\nRain fell all day on the coast, they said.\n"
    )
    got = _clean_text(body)
    assert got.published == datetime(2021, 3, 28, 9, 40) and got.title == "Storm closes the coast road"


PROMO = "Sign in to read the river report from the valley desk every morning."


def test_clean_takes_out_a_short_line_an_article_repeats_and_not_as_title() -> None:
    body = "\n\n".join([PROMO] * SELF_REPEAT_MIN + [
        "The river rose two metres overnight and closed the old bridge, officials said.",
        "Residents were told to stay away from the banks until Friday.",
    ])
    out = clean_article(Article(id="r", text=body, raw_text=body))
    assert PROMO not in out.text
    assert [r.reason for r in out.removed] == ["repeated"] * SELF_REPEAT_MIN
    assert out.title != PROMO
    assert out.text.startswith("The river rose")


def test_clean_keeps_a_short_line_written_again_apart() -> None:
    body = "\n\n".join(f"Item {i} costs little and ships fast.\n\nSee it now: the shop" for i in range(4))
    out = clean_article(Article(id="r", text=body, raw_text=body, title="Four gifts for the garden"))
    assert out.text.count("See it now: the shop") == 4


def test_clean_keeps_a_paragraph_written_twice() -> None:
    para = "The river rose two metres overnight and closed the old bridge, officials said."
    body = "\n\n".join([para, "Residents were told to stay away.", para])
    out = clean_article(Article(id="r", text=body, raw_text=body))
    assert out.text.count(para) == 2


@pytest.mark.parametrize("line", [
    "Get breaking news alerts on your mobile device direct from the newsroom.",
    "Text 12345 To 'NEWS' To Get Breaking News Alerts From Channel 9",
    "Download the free Daily Courier app for the latest stories.",
])
def test_clean_takes_out_calls_to_action(line: str) -> None:
    body = f"{line}\n\nThe river rose two metres overnight and closed the old bridge, officials said."
    out = clean_article(Article(id="r", text=body, raw_text=body))
    assert line not in out.text and out.removed[0].reason == "navigation"


# ------------------------------------------------------------------ captions and page debris (our own lines)

_LEAD = "NORTHPORT, Maine (AP) — A ferry ran aground off the coast on Sunday, stranding its 40 passengers for hours."
_BODY = "The coast guard said nobody was hurt and that the ferry would be towed back to port at high tide."


@pytest.mark.parametrize(
    "caption",
    [
        "Passengers wait on the deck of a ferry off Northport, Maine, Sunday, June 2, 2019. The ferry... (Associated Press)",
        "A tug pulls a ferry off a sandbar near Northport, Maine, on Sunday. (AP Photo/Jane Roe)",
        "A ferry sits on a sandbar near Northport on Sunday. (Reuters/Jane Roe)",
        "A ferry sits on a sandbar near Northport on Sunday. (Photo by Jane Roe/Harbour News)",
        "Media playback is unsupported on your device Media caption Ferry passengers describe their wait",
        "Getty Images / JANE ROE / Contributor",
        "Jane Roe/AFP/Getty Images",
        "Read next Weekend briefing: ten ferries that changed the coast Weekend briefing: ten ferries",
        "Stranded at sea: a night on the ferry that ran aground Read more",
        "(GRAPHIC: Where the ferry ran aground - example.org/map)",
        "A tug pulls the ferry off a sandbar near Northport. Jane Roe/via REUTERS",
        "A tug pulls the ferry off a sandbar near Northport, June 2, 2019. JANE ROE via REUTERS",
        "Ferry routes along the coast. [ See full-size map Credit: Jane Roe, Map Artist",
        "For the coast guard's report, click here: here",
    ],
)
def test_caption_credit_and_promo_lines_are_taken_out(caption: str) -> None:
    raw = f"{caption}\n\n{_LEAD}\n\n{_BODY}\n"
    out = clean_article(Article(id="x", text=raw, raw_text=raw))
    assert caption not in out.text and _LEAD in out.text and _BODY in out.text
    assert [r.reason for r in out.removed] in (["media"], ["related"], ["navigation"])


def test_lines_above_a_wire_dateline_are_captions_but_a_headline_stays() -> None:
    caption = "Passengers wait on the deck of a stranded ferry near the harbour of Northport on a grey Sunday morning."
    headline = "Ferry runs aground off the Maine coast"
    raw = f"{headline}\n\n{caption}\n\n{_LEAD}\n\n{_BODY}\n"
    out = clean_article(Article(id="x", text=raw, raw_text=raw))
    assert caption not in out.text and _LEAD in out.text and _BODY in out.text
    assert out.title == headline
    # without a wire dateline below it, the same line is the report's first paragraph
    plain = f"{caption}\n\n{_BODY}\n"
    assert caption in clean_article(Article(id="y", text=plain, raw_text=plain)).text


@pytest.mark.parametrize(
    "line",
    [
        "The figures, first reported by the Associated Press (AP) on Monday, were confirmed by the port authority.",
        "The spill was reported to the Environmental Protection Agency (EPA)",
        "Credit card debt rose by a third last year, the bank said.",
        "He said he would read more books about the sea this year.",
        "The figures were sent to the ministry via AP.",
    ],
)
def test_a_credit_inside_a_sentence_is_not_a_caption_line(line: str) -> None:
    raw = f"{_BODY}\n\n{line}\n"
    assert line in clean_article(Article(id="x", text=raw, raw_text=raw)).text


def test_dateline_without_a_dash_is_found() -> None:
    from synoptic.clean import dateline_length

    text = "Northport (CNN) A ferry ran aground off the coast on Sunday."
    assert text[dateline_length(text):].startswith("A ferry")
    assert dateline_length("Northport Council approved the plan on Sunday.") == 0
