"""The bundled sample (written by the synoptic authors) reads and has the promised shape."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from synoptic.cli.demo import sample_dir
from synoptic.ingest import load
from synoptic.records import Article

SUEZ_OUTLETS = {"Harbour Ledger", "Gulf Maritime Daily", "Nile Courier", "The Cargo Review", "Channel Post",
                "Meridian Wire"}
KIPCHOGE_OUTLETS = {"Track & Road", "Berlin Sport Wire", "Daily Meridian"}


def sample_sources() -> list[Path]:
    return sorted(p for p in sample_dir().iterdir() if p.name != "README.md")


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    items = list(load([str(p) for p in sample_sources()]))
    assert [i for i in items if not isinstance(i, Article)] == []
    return [i for i in items if isinstance(i, Article)]


def _event(article: Article) -> str:
    return "kipchoge" if "Kipchoge" in article.text else "suez"


def test_sample_has_nine_reports_of_two_events(sample_articles: list[Article]) -> None:
    assert Counter(_event(a) for a in sample_articles) == {"suez": 6, "kipchoge": 3}


def test_sample_mixes_formats() -> None:
    suffixes = Counter(p.suffix for p in sample_sources())
    assert suffixes == {".txt": 5, ".html": 1, ".jsonl": 1}
    records = [json.loads(line) for line in (sample_dir() / "reports.jsonl").read_text().splitlines() if line]
    assert len(records) == 3 and all(r.get("published") and r.get("outlet") for r in records)


def test_sample_names_six_plus_three_outlets() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sample_sources())
    for outlet in SUEZ_OUTLETS | KIPCHOGE_OUTLETS:
        assert outlet in text or outlet.replace("&", "&amp;") in text, outlet


@pytest.mark.parametrize("needle", [
    "Osama Rabie", "Ossama Rabie", "Usama Rabie", "Suez Canal Authority", "SCA", "Ever Given", "Evergiven",
    "369 vessels", "More than 400 ships", "About 420 ships", "$9.6bn", "220,000", "200,000 tons",
    "last Tuesday", "yesterday", "on Monday", "The day before yesterday, Friday", "Leave a Reply",
    "Share this article", "Home »", "Source: ", "cookies", "2:01:09", "Eliud Kipchoge",
])
def test_sample_carries_the_promised_troubles(needle: str) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sample_sources())
    assert needle in text


def test_every_sample_report_is_short(sample_articles: list[Article]) -> None:
    for article in sample_articles:
        words = len(article.raw_text.split()) if article.raw_text else len(article.text.split())
        assert 150 <= words <= 330, (article.id, words)


def test_rabie_remark_comes_in_three_translations() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sample_sources())
    variants = re.findall(r"[^.\"]*(?:technical or human)[^.\"]*", text)
    assert len({v.strip() for v in variants}) >= 3


def test_sample_readme_credits_the_authors() -> None:
    readme = (sample_dir() / "README.md").read_text(encoding="utf-8")
    assert "written by the synoptic authors" in readme


def test_sample_shares_no_sentence_with_the_seeds(seed_texts: dict[str, str]) -> None:
    def shingles(text: str) -> set[tuple[str, ...]]:
        # Prose lines only: the stock web debris ("Leave a Reply / Your email address will not be
        # published ...") is the same everywhere and is in the sample on purpose.
        out: set[tuple[str, ...]] = set()
        for line in text.splitlines():
            words = re.findall(r"\w+", line.lower())
            if len(words) >= 15:
                out |= {tuple(words[i:i + 8]) for i in range(len(words) - 7)}
        return out

    ours = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in sample_sources()))
    for key, seed in seed_texts.items():
        assert not ours & shingles(seed), key
