"""synoptic.dating: the one definition of an article's date, used by clustering and extraction."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

from synoptic.dating import article_date, publication_dates
from synoptic.records import Article

SRC = Path(__file__).resolve().parents[2] / "src" / "synoptic"


def test_publication_dates_take_metadata_then_url_then_dateline() -> None:
    articles = [
        Article(id="m", text="Police said on Friday.", published=datetime(2022, 1, 7, 9, 30), published_how="text"),
        Article(id="u", text="Crowds gathered.", url="https://example.com/2022/01/06/riots.html"),
        Article(id="d", text="Almaty, January 5, 2022\nProtesters stormed the mayor's office."),
    ]
    assert publication_dates(articles) == [
        (date(2022, 1, 7), "text"),  # how the metadata was found is kept
        (date(2022, 1, 6), "metadata"),  # the page's address is its metadata
        (date(2022, 1, 5), "text"),  # the dateline is its text
    ]


def test_an_article_without_a_date_of_its_own_is_inferred_from_its_peers() -> None:
    articles = [
        Article(id="a", text="Protests spread on Wednesday.", published=datetime(2022, 1, 5, 12)),
        Article(id="b", text="Today, Thursday, the president declared an emergency."),
    ]
    assert publication_dates(articles) == [(date(2022, 1, 5), "metadata"), (date(2022, 1, 6), "inferred")]
    lone = [Article(id="c", text="The president declared an emergency on Thursday.")]
    assert publication_dates(lone) == [(None, "none")]


def test_an_update_date_is_a_peer() -> None:
    articles = [
        Article(id="a", text="Yesterday, Wednesday, protests spread.", updated=datetime(2022, 1, 6, 8)),
    ]
    assert publication_dates(articles) == [(date(2022, 1, 6), "inferred")]


def test_the_clusterer_and_extraction_agree_on_a_dated_article() -> None:
    art = Article(id="u", text="Riots in Athens\nMarch 14, 2013\nHostile crowds gathered.")
    when, how = article_date(art)
    assert (when, how) == (datetime(2013, 3, 14, tzinfo=UTC), "text")
    assert publication_dates([art]) == [(date(2013, 3, 14), "text")]


def test_no_other_module_reads_a_date_from_a_url_or_a_dateline() -> None:
    """One definition: the URL and dateline readers live in synoptic.dating only."""
    defined: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("article_date", "url_date", "text_dates",
                                                                    "publication_dates", "_url_date"):
                defined.setdefault(node.name, []).append(str(path.relative_to(SRC)))
    assert all(paths == ["dating.py"] for name, paths in defined.items() if name != "article_date"), defined
    # web/service.py's article_date only shows what the store holds; it reads no date itself
    assert sorted(defined["article_date"]) == ["dating.py", "web/service.py"]
