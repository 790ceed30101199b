"""Cleaning: the seeds against the gold, the offset map, learned outlet lines, and no silent loss."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synoptic.clean import REPEAT_MIN_ARTICLES, clean_article, clean_articles
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

    from conftest import SHARED

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
        ("Share on Facebook Share on Twitter", "navigation"),
        ("Continue Reading Below Advertisement", "navigation"),
        ("> >Follow Noah Rothman (@Noah_C_Rothman) on Twitter", "navigation"),
        ("(PHOTOS: Celebrities call for gun control)", "media"),
        ("Image copyright PA", "media"),
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
