"""Ingest: every format gives Articles with the right text, id and metadata."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from synoptic.errors import InputError
from synoptic.ingest import load
from synoptic.ingest.metadata import (
    find_title,
    is_headline,
    masthead,
    menu_items,
    outlet_from_host,
    parse_date,
    parse_line,
    site_name,
    to_naive_utc,
)
from synoptic.records import Article
from tests.conftest import shared_path

PAGE = """<!DOCTYPE html><html><head><title>Flood waters recede in the valley | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2023-03-14T08:30:00Z">
<link rel="canonical" href="https://valleypost.example/flood-waters-recede"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Flood waters recede in the valley</h1>
<p>Flood waters began to recede on Monday after three days of heavy rain across the valley, the regional
authority said in a statement, adding that 1,200 homes had been without power at the peak.</p>
<p>Engineers inspected the two main bridges and found no structural damage, according to the statement,
and the valley road is expected to reopen to traffic by Wednesday morning.</p>
<p>Volunteers handed out food and water at the town hall, where more than 300 people spent the night.</p>
</article><footer>Copyright Valley Post</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Post</title><link>https://valleypost.example/</link>
<item><title>Flood waters recede</title><link>https://valleypost.example/a</link><guid>vp-1</guid>
<pubDate>Tue, 14 Mar 2023 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Flood waters began to recede on Monday.&lt;/p&gt;&lt;p&gt;Roads reopen soon.&lt;/p&gt;</description></item>
<item><title>Bridge inspected</title><link>https://valleypost.example/b</link>
<description>Engineers found no damage to the bridge.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:vp</id><updated>2023-03-14T08:30:00Z</updated>
<entry><title>Flood waters recede</title><id>urn:vp:1</id><link href="https://valleypost.example/a"/>
<updated>2023-03-14T08:30:00Z</updated>
<content type="html">&lt;p&gt;Flood waters began to recede on Monday.&lt;/p&gt;</content></entry></feed>"""


def _articles(items: list) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def test_load_text_file_keeps_text_and_uses_file_name_as_id(seed_files: list[Path]) -> None:
    (article,) = list(load([str(seed_files[0])]))
    raw = seed_files[0].read_text(encoding="utf-8")
    assert isinstance(article, Article)
    assert article.text == article.raw_text == raw
    assert article.id == seed_files[0].name and article.source == str(seed_files[0])


def test_load_text_title_is_first_headline_line(seeds_dir: Path, gold: dict) -> None:
    for article in _articles(list(load([str(seeds_dir)]))):
        assert article.title == gold["articles"][article.id]["title"]


def test_load_walks_directories_and_globs_in_order(seeds_dir: Path, tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "x.txt").write_text("Flood waters recede in the valley\n\nThe river fell.", encoding="utf-8")
    got = _articles(list(load([str(tmp_path), str(seeds_dir / "00[12]_*.txt")])))
    assert [a.id[:3] for a in got] == ["x.t", "001", "002"]


def test_load_html_extracts_body_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article)
    assert "Engineers inspected the two main bridges" in article.text
    assert "Copyright Valley Post" not in article.text
    assert article.text == article.raw_text and article.html == PAGE
    assert article.title == "Flood waters recede in the valley"
    assert article.outlet == "Valley Post" and article.url == "https://valleypost.example/flood-waters-recede"
    assert article.published is not None and article.published.date().isoformat() == "2023-03-14"
    assert article.published_how == "metadata"


def test_load_sniffs_html_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article) and article.html is not None


def test_load_aeb_page_from_gzip_record() -> None:
    pages = sorted(shared_path("eval", "aeb", "html").glob("*.html.gz"))[:1]
    html = gzip.decompress(pages[0].read_bytes()).decode("utf-8")
    stdin = io.StringIO(json.dumps({"id": "p1", "html": html}) + "\n")
    (article,) = list(load(["-"], stdin=stdin))
    assert isinstance(article, Article) and article.id == "p1" and len(article.text) > 300


@pytest.mark.parametrize("as_list", [False, True], ids=["object", "list"])
def test_load_json_records(tmp_path: Path, as_list: bool) -> None:
    record = {
        "id": "r1",
        "text": "Flood waters recede\n\nThe river fell.",
        "title": "Flood",
        "outlet": "VP",
        "url": "https://vp.example/r1",
        "published": "2023-03-14T10:30:00+02:00",
    }
    path = tmp_path / "recs.json"
    path.write_text(json.dumps([record] if as_list else record), encoding="utf-8")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.outlet, article.url) == (
        "r1",
        "Flood",
        "VP",
        "https://vp.example/r1",
    )
    # naive UTC: +02:00 converted, the zone dropped
    assert article.published == datetime(2023, 3, 14, 8, 30) and article.published_how == "metadata"
    assert article.text == article.raw_text == record["text"]


def test_load_jsonl_from_stdin_and_file(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Report number {i} on the flood in the valley."}) for i in range(3)]
    path = tmp_path / "recs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from_file = _articles(list(load([str(path)])))
    from_stdin = _articles(list(load(["-"], stdin=io.StringIO("\n".join(lines)))))
    assert [a.id for a in from_file] == [a.id for a in from_stdin] == ["r0", "r1", "r2"]
    assert from_stdin[0].source == "stdin:1"


def test_load_record_without_id_gets_text_hash(tmp_path: Path) -> None:
    (article,) = list(load(["-"], stdin=io.StringIO(json.dumps({"text": "A short report on the flood in the valley."}))))
    assert isinstance(article, Article) and len(article.id) == 16


@pytest.mark.parametrize(("name", "body"), [("feed.xml", FEED), ("feed.txt", FEED)], ids=["xml", "sniffed"])
def test_load_rss_one_article_per_entry(tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    got = _articles(list(load([str(path)])))
    assert [a.id for a in got] == ["vp-1", "https://valleypost.example/b"]
    first = got[0]
    assert first.text == "Flood waters began to recede on Monday.\n\nRoads reopen soon."
    assert first.title == "Flood waters recede" and first.outlet == "Valley Post"
    assert first.published == datetime(2023, 3, 14, 8, 30) and first.published_how == "metadata"


def test_load_atom_full_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article)
    assert article.id == "urn:vp:1" and article.text == "Flood waters began to recede on Monday."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Überschwemmung in Köln: Die Straße bleibt gesperrt, sagt die Stadt.", "cp1252"),
        ("Наводнение в долине: вода начала отступать в понедельник, сообщили власти.", "cp1251"),
        ("Flood waters recede in the valley, officials said.", "utf-16"),
    ],
    ids=["cp1252", "cp1251", "utf-16"],
)
def test_load_detects_encodings(tmp_path: Path, data: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(((data + "\n") * 20).encode(encoding))
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article) and data in article.text


def test_load_normalises_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Flood waters recede in the valley\r\n\r\nThe river fell.\r\n")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article) and "\r" not in article.text


def test_load_urls_need_fetch() -> None:
    (err,) = list(load(["https://example.com/a"]))
    assert isinstance(err, InputError) and "--fetch" in str(err)


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Source From: Stern", "outlet", "Stern"),
        ("by admin", "byline", "admin"),
        ("Date Of Update: 07 January 2022, 14:52", "updated", datetime(2022, 1, 7, 14, 52)),
        ("Published: 2022-01-07", "published", datetime(2022, 1, 7)),
        ("https://www.gulf-times.com/story/1 Title here", "outlet", "Gulf Times"),
        ("DECEMBER 16, 2008", "published", datetime(2008, 12, 16)),
        ("Published on Friday, 27 September 2013", "published", datetime(2013, 9, 27)),
        ("Posted 04/02/07", "published", datetime(2007, 2, 4)),  # ambiguous: day first
        ("Posted 04/28/07", "published", datetime(2007, 4, 28)),  # day first impossible: month first
    ],
)
def test_metadata_lines_parse(line: str, field: str, value: object) -> None:
    meta = parse_line(line)
    assert meta is not None and getattr(meta, field) == value


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the troops had reached the airport.",
        "The source said it was over.",
        "Middle East",
        "Updated at 11:02 p.m. ET",
        "Published: Jan 5",
        "2012",
        "Source: Gage Skidmore / Flickr",
        "https://twitter.com/someone/status/750139052448362496",
        "The March 28, 2012 vote was close.",
    ],
)
def test_metadata_ignores_ordinary_lines(line: str) -> None:
    assert parse_line(line) is None


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("www.gulf-times.com", "Gulf Times"),
        ("www.bbc.co.uk", "BBC"),
        ("edition.cnn.com", "CNN"),
        ("stern.de", "Stern"),
    ],
)
def test_outlet_from_host(host: str, name: str) -> None:
    assert outlet_from_host(host) == name


def test_find_title_stops_where_the_body_starts() -> None:
    text = (
        "The council met on Monday and voted to close the old bridge to all heavy traffic.\n\nWhat comes next"
    )
    assert find_title(text + " for the town") is None


def test_find_title_skips_breadcrumbs_and_labels() -> None:
    assert find_title("Home » News\n\nMiddle East\n\nFlood waters recede in the valley\n\nText.") == (
        "Flood waters recede in the valley"
    )


def test_load_record_with_a_bad_date_is_kept_undated(caplog: pytest.LogCaptureFixture) -> None:
    record = {"id": "r1", "text": "A short report on the flood in the valley.", "published": "sometime soon"}
    (article,) = list(load(["-"], stdin=io.StringIO(json.dumps(record))))
    assert isinstance(article, Article) and article.published is None and article.published_how == "none"
    assert any("stdin:1" in r.getMessage() and "not a date" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28/03/2021 09:40", datetime(2021, 3, 28, 9, 40)),  # 28 cannot be a month: day first
        ("03/28/2021", datetime(2021, 3, 28)),  # 28 cannot be a month: month first
        ("05/04/2021", datetime(2021, 4, 5)),  # ambiguous: day first
        ("26.09.2022 08:15", datetime(2022, 9, 26, 8, 15)),
        ("3/28/21 2:05 pm", datetime(2021, 3, 28, 14, 5)),
        ("Thursday, 25 March 2021", datetime(2021, 3, 25)),
        ("Sunday 28/03/2021", datetime(2021, 3, 28)),
        ("March 24, 2021, 9:30 pm", datetime(2021, 3, 24, 21, 30)),
        ("May 2, 2013, 1: 12 PM", datetime(2013, 5, 2, 13, 12)),  # tokenised text (ECB+)
        ("24th of March 2021", datetime(2021, 3, 24)),
        ("Sept 3, 2019 12:05 am", datetime(2019, 9, 3, 0, 5)),
        ("Mayday 3, 2019", None),
        ("31/02/2021", None),
    ],
)
def test_parse_date_reads_numeric_dates_day_first_unless_impossible(
    value: str, expected: datetime | None
) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-27T14:30:00+02:00", datetime(2021, 3, 27, 12, 30)),
        ("2021-03-29T17:20:00+0200", datetime(2021, 3, 29, 15, 20)),
        ("2023-03-14T08:30:00Z", datetime(2023, 3, 14, 8, 30)),
        ("25 September 2022 12:40 CEST", datetime(2022, 9, 25, 10, 40)),
        ("24 March 2021 10:15 GMT", datetime(2021, 3, 24, 10, 15)),
        ("Jan 7, 2022 2:52 PM EST", datetime(2022, 1, 7, 19, 52)),
        ("Fri, 07 Jan 2022 14:52:00 +0300", datetime(2022, 1, 7, 11, 52)),
        ("07 January 2022, 14:52", datetime(2022, 1, 7, 14, 52)),  # no zone: taken as written
    ],
)
def test_parse_date_gives_naive_utc(value: str, expected: datetime) -> None:
    got = parse_date(value)
    assert got == expected and got is not None and got.tzinfo is None


def test_to_naive_utc_converts_aware_and_keeps_naive() -> None:
    from datetime import UTC, timedelta, timezone

    assert to_naive_utc(datetime(2021, 3, 27, 1, 0, tzinfo=timezone(timedelta(hours=2)))) == datetime(
        2021, 3, 26, 23, 0
    )
    assert to_naive_utc(datetime(2021, 3, 27, 1, 0, tzinfo=UTC)) == datetime(2021, 3, 27, 1, 0)
    assert to_naive_utc(datetime(2021, 3, 27, 1, 0)) == datetime(2021, 3, 27, 1, 0)


@pytest.mark.parametrize(
    ("line", "outlet", "name"),
    [
        ("Gulf Maritime Daily | Shipping | Ports | Markets", None, "Gulf Maritime Daily"),
        ("Nile Courier - News from Egypt and the region", None, "Nile Courier"),
        ("Valley Post – Your local paper since 1921", None, "Valley Post"),
        ("Valley Post — Reporting the valley", "Valley Post", "Valley Post"),
        ("Berlin Sport Wire", "Berlin Sport Wire", "Berlin Sport Wire"),
    ],
)
def test_masthead_names_the_outlet(line: str, outlet: str | None, name: str) -> None:
    assert masthead(line, outlet) == name
    if outlet is None:  # recognisable without knowing the outlet: never taken for the headline
        assert not is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rabie: wind was not the only cause of the grounding of the Ever Given",
        "Kipchoge - the best runner ever?",
        "Gaza - the daily toll rises",
        "Egypt - Suez Canal blocked by giant ship",
        "Home | News | Sport",
        "Berlin Sport Wire",
        "The ship - stuck since Tuesday - was freed on Monday, officials said.",
    ],
)
def test_masthead_refuses_headlines_sentences_and_plain_menus(line: str) -> None:
    assert masthead(line) is None


@pytest.mark.parametrize(
    ("line", "items"),
    [
        (
            "Cookie settings | Privacy policy | Terms of use",
            ["Cookie settings", "Privacy policy", "Terms of use"],
        ),
        ("World • Business • Sport", ["World", "Business", "Sport"]),
        ("Suez | Ship freed", None),  # two items: a headline
        ("| 2019 | 5.3 | 4.1 |", None),  # a table row
        ("Results | 2019 | 2020", None),
        ("The canal | which was closed | reopened.", None),
    ],
)
def test_menu_items(line: str, items: list[str] | None) -> None:
    assert menu_items(line) == items


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Nile Courier - News from Egypt and the region — Nile Courier", "Nile Courier"),
        ("Nile Courier - News from Egypt and the region", "Nile Courier"),
        ("Al Jazeera | Breaking News, World News and Video from Al Jazeera", "Al Jazeera"),
        ("The Cargo Review", "The Cargo Review"),
        ("BBC News", "BBC News"),
    ],
)
def test_site_name_drops_taglines_and_repeats(value: str, name: str) -> None:
    assert site_name(value) == name


def test_find_title_passes_over_mastheads_and_skipped_lines() -> None:
    text = (
        "Nile Courier - News from Egypt and the region\nHome » Economy\n"
        "Rabie: wind was not the only cause of the grounding\n28/03/2021 09:40\nThe number of ships rose."
    )
    assert find_title(text) == "Rabie: wind was not the only cause of the grounding"
    skip = frozenset({"rabie: wind was not the only cause of the grounding"})
    assert find_title(text + "\n", skip=skip) is None


PAGE_WITH_TAGLINE = PAGE.replace(
    '<meta property="og:site_name" content="Valley Post">',
    '<meta property="og:site_name" content="Valley Post - News from the valley">',
).replace("2023-03-14T08:30:00Z", "2023-03-14T10:30:00+02:00")


def test_load_html_time_from_meta_as_naive_utc_and_site_name_without_tagline(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE_WITH_TAGLINE, encoding="utf-8")
    (article,) = list(load([str(path)]))
    assert isinstance(article, Article)
    assert article.outlet == "Valley Post"
    assert article.published == datetime(2023, 3, 14, 8, 30) and article.published_how == "metadata"


def test_load_feed_outlet_without_tagline(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        FEED.replace("<title>Valley Post</title>", "<title>Valley Post - News from the valley</title>")
    )
    got = _articles(list(load([str(path)])))
    assert {a.outlet for a in got} == {"Valley Post"}
    assert all(a.published is None or a.published.tzinfo is None for a in got)


def test_load_html_whose_page_title_is_a_masthead_gives_outlet_and_headline_from_text(tmp_path: Path) -> None:
    from synoptic.clean import clean_articles

    page = PAGE.replace(
        "<title>Flood waters recede in the valley | Valley Post</title>",
        "<title>Valley Post - News from the valley</title>",
    ).replace('<meta property="og:site_name" content="Valley Post">', "")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = _articles(list(load([str(path)])))
    assert article.outlet == "Valley Post" and article.title != "Valley Post"
    (cleaned,) = clean_articles([article])
    assert cleaned.title == "Flood waters recede in the valley" and cleaned.outlet == "Valley Post"


@pytest.mark.parametrize(
    "line",
    ["POSTED: 04 / 02 / 07, 9: 00 PM PDT |", "Updated: late Tuesday night, local time", "Last updated on: the 3rd"],
)
def test_a_date_stamp_line_is_no_headline_even_when_its_date_does_not_parse(line: str) -> None:
    assert not is_headline(line)
    text = f"{line}\nFerry runs aground off the Maine coast\nA ferry ran aground off the coast on Sunday, stranding its 40 passengers.\n"
    assert find_title(text) == "Ferry runs aground off the Maine coast"
