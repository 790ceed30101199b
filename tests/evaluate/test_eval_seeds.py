"""The seed measures (entities, figures, quotes, dates against the gold), pinned as quality floors."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.evaluate import seeds as seeds_eval

# Floors: the done-when of issue 4 and seedcheck.py's bar. Raise them, never lower them silently.
FIGURES_FLOOR = 0.95
QUOTES_FLOOR = 0.90


@pytest.fixture(scope="module")
def scores(seeds_dir: Path, gold: dict) -> seeds_eval.SeedScores:
    return seeds_eval.evaluate(seeds_dir.parent)


def test_seeds_every_gold_entity_group_is_one_entity(scores: seeds_eval.SeedScores) -> None:
    assert scores.entity_groups == 17
    assert scores.entity_groups_ok == scores.entity_groups, scores.failures


def test_seeds_no_wrong_merges(scores: seeds_eval.SeedScores) -> None:
    assert scores.wrong_merges == 0, scores.failures


def test_seeds_figures_found_with_value_and_qualifier(scores: seeds_eval.SeedScores) -> None:
    assert scores.figures == 34
    assert scores.figures_ok >= math.ceil(FIGURES_FLOOR * scores.figures), scores.failures


def test_seeds_quotes_with_the_right_speaker(scores: seeds_eval.SeedScores) -> None:
    assert scores.quotes_ok >= math.ceil(QUOTES_FLOOR * scores.quotes), scores.failures


def test_seeds_dates_resolved_on_the_inferred_publication_dates(scores: seeds_eval.SeedScores) -> None:
    assert scores.dates_ok == scores.dates == 11, scores.failures


def test_seeds_score_counts_misses(seeds_dir: Path, gold: dict) -> None:
    articles = seeds_eval.load_seed_articles(seeds_dir.parent)
    from synoptic.records import Extraction

    empty = seeds_eval.score(articles, [Extraction(article=a.id) for a in articles], gold)
    assert (empty.entity_groups_ok, empty.figures_ok, empty.quotes_ok, empty.dates_ok) == (0, 0, 0, 0)
    assert len(empty.failures) == empty.entity_groups + empty.figures + empty.quotes + empty.dates


def test_eval_seeds_command_prints_table_and_writes_json(seeds_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "seeds.json"
    assert main(["eval", "seeds", "--shared", str(seeds_dir.parent), "--json", str(out_json)]) == 0
    table = capsys.readouterr().out
    assert "entity groups right" in table and "figures" in table
    figures = json.loads(out_json.read_text(encoding="utf-8"))
    assert figures["task"] == "seeds" and figures["entity_groups_ok"] == figures["entity_groups"]


def test_eval_seeds_without_data_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["eval", "seeds", "--shared", str(tmp_path)]) == 1
    assert "seeds" in capsys.readouterr().err
