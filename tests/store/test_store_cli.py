"""The store's commands: ``synoptic ingest``, ``synoptic stories`` and ``synoptic brief``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.cli.demo import sample_dir
from synoptic.store.sqlite import SQLiteStore


def sample_sources() -> list[str]:
    return [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "sample.db"
    assert main(["ingest", *sample_sources(), "--db", str(db)]) == 0
    return db


def test_ingest_stores_every_sample_report_in_one_story_each(sample_db: Path) -> None:
    with SQLiteStore(sample_db) as store:
        assert store.count_articles() == 9
        members = [aid for s in store.stories() for aid in s.article_ids]
        assert sorted(members) == sorted(a.id for a in store.articles())
        assert store.check() == []


@pytest.mark.skipif(importlib.util.find_spec("synoptic.cluster") is None, reason="story clustering not built yet")
def test_ingest_splits_the_sample_into_its_two_events(sample_db: Path) -> None:
    with SQLiteStore(sample_db) as store:
        sizes = sorted(len(s.article_ids) for s in store.stories())
    assert sizes == [3, 6]


def test_ingest_again_is_all_unchanged(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", *sample_sources(), "--db", str(sample_db)]) == 0
    err = capsys.readouterr().err
    assert "0 new, 9 unchanged, 0 updated, 0 skipped" in err
    with SQLiteStore(sample_db) as store:
        assert store.count_articles() == 9


def test_ingest_skips_bad_input_with_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           caplog: pytest.LogCaptureFixture) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A headline about a canal\n\n" + "The ship was stuck in the canal for six days. " * 10)
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 40)
    db = tmp_path / "s.db"
    assert main(["ingest", str(good), str(blob), "--db", str(db)]) == 3
    err = capsys.readouterr().err
    assert "1 new" in err and "1 skipped" in err
    assert "blob.bin" in caplog.text  # the one line naming the skipped input
    with SQLiteStore(db) as store:
        assert store.count_articles() == 1


def test_ingest_into_a_non_store_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database " * 200)
    assert main(["ingest", sample_sources()[0], "--db", str(db)]) == 1
    assert "notes.txt" in capsys.readouterr().err


def test_stories_table_and_json(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(sample_db)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("story\tarticles\toutlets")
    assert main(["stories", "--db", str(sample_db), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(table) - 1
    assert sum(r["articles"] for r in rows) == 9
    assert {"id", "title", "articles", "outlets", "first_seen", "last_seen"} <= set(rows[0])
    suez = max(rows, key=lambda r: r["articles"])
    assert suez["first_seen"][:10] == "2021-03-24" and suez["last_seen"][:10] == "2021-03-30"


@pytest.mark.parametrize("args, want", [
    (["--search", "Kipchoge"], 1), (["--search", '"(*'], 0), (["--search", 'NEAR("'], 2), (["--since", "2022-01-01"], 1),
    (["--until", "2021-12-31"], 1), (["--limit", "1"], 1),
])
def test_stories_filters(sample_db: Path, capsys: pytest.CaptureFixture[str], args: list[str], want: int) -> None:
    if importlib.util.find_spec("synoptic.cluster") is None:
        pytest.skip("story clustering not built yet")
    assert main(["stories", "--db", str(sample_db), "--json", *args]) == 0
    assert len(capsys.readouterr().out.splitlines()) == want


@pytest.mark.parametrize("command", [["stories"], ["brief", "s1"]])
def test_commands_on_a_missing_store_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           command: list[str]) -> None:
    db = tmp_path / "none.db"
    assert main([*command, "--db", str(db)]) == 1
    assert "none.db" in capsys.readouterr().err
    assert not db.exists()


def test_brief_prints_stored_brief_and_refuses_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "b.db"
    assert main(["ingest", *sample_sources()[:2], "--db", str(db)]) == 0
    with SQLiteStore(db) as store:
        story = store.stories()[0]
        brief = {"schema": "synoptic.brief/1", "story": story.id, "title": "Ship blocks canal",
                 "articles": [{"id": aid} for aid in story.article_ids],
                 "summary": [], "facts": [], "quotes": [], "entities": [], "timeline": []}
        store.put_brief(story.id, brief)
        other = store.stories()[-1]
    capsys.readouterr()
    assert main(["brief", story.id, "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == brief
    assert main(["brief", story.id, "--db", str(db)]) == 0
    assert "Ship blocks canal" in capsys.readouterr().out
    assert main(["brief", "no-such-story", "--db", str(db)]) == 1
    assert "no-such-story" in capsys.readouterr().err
    if other.id != story.id:  # a story without a brief gets one built and stored when asked for
        assert main(["brief", other.id, "--db", str(db), "--format", "json"]) == 0
        built = json.loads(capsys.readouterr().out)
        assert {a["id"] for a in built["articles"]} == set(other.article_ids)
        with SQLiteStore(db) as store:
            assert store.get_brief(other.id) == built


@pytest.mark.parametrize("option, value", [("--since", "last week"), ("--until", "2021-13-45"), ("--since", "")])
def test_stories_refuses_a_date_that_is_not_iso(sample_db: Path, capsys: pytest.CaptureFixture[str],
                                                option: str, value: str) -> None:
    assert main(["stories", "--db", str(sample_db), option, value]) == 2
    assert option in capsys.readouterr().err
