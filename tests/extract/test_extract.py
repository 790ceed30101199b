"""extract_articles and `synoptic extract`: every extractor over a batch, offsets into the text given."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.extract import extract_articles
from synoptic.records import Article, Extraction


@pytest.fixture(scope="module")
def seed_run(seed_files: list[Path]) -> tuple[list[Article], list[Extraction]]:
    from synoptic.clean import clean_articles
    from synoptic.ingest import load

    articles = clean_articles([a for a in load([str(p) for p in seed_files]) if isinstance(a, Article)])
    return articles, extract_articles(articles)


def test_extract_one_record_per_article_with_offsets_into_clean_text(seed_run) -> None:
    articles, extractions = seed_run
    assert [e.article for e in extractions] == [a.id for a in articles]
    for article, ex in zip(articles, extractions, strict=True):
        assert ex.mentions and ex.figures and ex.dates
        for item in [*ex.mentions, *ex.figures, *ex.dates]:
            assert article.text[item.start:item.end] == item.text
            assert item.article == article.id


def test_extract_entities_share_canonical_names_across_articles(seed_run) -> None:
    _, extractions = seed_run
    names = {m.entity for ex in extractions for m in ex.mentions if m.text in ("Tokayev", "Tokaev")}
    assert names == {"Kassym-Jomart Tokayev"}


def test_extract_infers_missing_publication_dates_and_says_so(seed_run) -> None:
    articles, extractions = seed_run
    for article, ex in zip(articles, extractions, strict=True):
        if article.published is None:
            assert ex.published_how == "inferred" and ex.published is not None
            assert str(ex.published) in ("2022-01-07", "2022-01-08")


def test_extract_keeps_a_known_publication_date() -> None:
    a = Article(id="x", text="Police said on Friday that 12 people were detained in Almaty.",
                published=datetime(2022, 1, 8, 9, 0), published_how="metadata")
    (ex,) = extract_articles([a])
    assert (str(ex.published), ex.published_how) == ("2022-01-08", "metadata")
    assert any(d.value == "2022-01-07" for d in ex.dates)
    assert [f.value for f in ex.figures] == [12]


def test_extract_quote_speakers_are_canonical_names(seed_run) -> None:
    _, extractions = seed_run
    speakers = {q.entity for ex in extractions for q in ex.quotes if q.speaker and "Tok" in q.speaker}
    assert speakers <= {"Kassym-Jomart Tokayev"}


@pytest.mark.parametrize("what", [{"figures"}, {"entities"}, {"dates"}, {"figures", "dates"}])
def test_extract_what_limits_the_work(what: set[str]) -> None:
    a = Article(id="x", text="Kassym-Jomart Tokayev said on Friday that 26 people were killed.")
    (ex,) = extract_articles([a], what)
    assert bool(ex.figures) == ("figures" in what)
    assert bool(ex.mentions) == ("entities" in what)
    assert bool(ex.dates) == ("dates" in what)


def test_extract_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown extraction"):
        extract_articles([], {"sentiment"})


def test_extract_nothing_gives_nothing() -> None:
    assert extract_articles([]) == []


# ---------------------------------------------------------------- the command


def test_cli_extract_offsets_refer_to_the_raw_text(seed_files: list[Path], capsys) -> None:
    status = main(["extract", *map(str, seed_files)])
    assert status == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == len(seed_files)
    raw = {p.name: p.read_text(encoding="utf-8") for p in seed_files}
    for rec in records:
        text = raw[Path(rec["id"]).name] if Path(rec["id"]).name in raw else next(
            t for n, t in raw.items() if n.startswith(rec["id"][:3]))
        assert set(rec) >= {"id", "published", "published_how", "entities", "figures", "quotes", "dates"}
        for item in rec["entities"] + rec["figures"] + rec["dates"]:
            assert text[item["start"]:item["end"]] == item["text"]
        for q in rec["quotes"]:
            assert q["text"] in text
        for f in rec["figures"]:
            assert f["low"] is None or f["low"] <= f["value"]
            assert f["high"] is None or f["high"] >= f["value"]


def test_cli_extract_what_and_skipped_input(tmp_path: Path, capsys, caplog) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Officials said more than 700 people were injured in Almaty on Friday.\n", encoding="utf-8")
    status = main(["extract", "--what", "figures", str(good), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert status == 3
    assert "missing.txt" in err + caplog.text
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rec["entities"] == [] and rec["dates"] == []
    (fig,) = rec["figures"]
    assert (fig["value"], fig["low"], fig["high"], fig["qualifier"]) == (700, 700, None, "more than")


def test_cli_extract_bad_what_is_a_usage_error(tmp_path: Path, capsys) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Some text.\n", encoding="utf-8")
    assert main(["extract", "--what", "figures,moods", str(good)]) == 2
    assert "moods" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("speaker", "span", "expected"),
    [
        ("Tokayev", (0, 2), "Kassym-Jomart Tokayev"),  # "he" at the span, resolved name given
        ("The Interior Ministry", (10, 31), "Kazakh Ministry of the Interior"),
        ("The Kazakh authorities", (40, 62), None),
        ("the President of Kazakhstan", (70, 97), None),
        ("Nobody Known", (None, None), None),
    ],
)
def test_speaker_entity_maps_speakers_to_canonical_names(speaker: str, span: tuple, expected: str | None) -> None:
    from synoptic.extract import speaker_entity
    from synoptic.extract.entities import resolve
    from synoptic.records import Mention, Quote

    mentions = [
        Mention("Tokayev", "PERSON", 200, 207, "a"), Mention("Kassym-Jomart Tokayev", "PERSON", 300, 321, "a"),
        Mention("Interior Ministry", "ORG", 14, 31, "a"), Mention("Kazakh Ministry of the Interior", "ORG", 400, 431, "a"),
        Mention("Kazakh", "NORP", 44, 50, "a"), Mention("Kazakhstan", "GPE", 87, 97, "a"),
    ]
    found = resolve(mentions)
    quote = Quote(text="...", start=500, end=510, kind="direct", speaker=speaker,
                  speaker_start=span[0], speaker_end=span[1])
    assert speaker_entity(quote, mentions, found) == expected
