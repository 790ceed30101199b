"""One store, one truth: a store filled by `synoptic ingest` gives every reader the same briefs
(built with --briefs, or when first asked for by `brief`, the viewer or `run --db STORE --out DIR`
without SOURCES), and the viewer shows outlets, dates and briefs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from synoptic.cli.demo import sample_dir
from synoptic.store import open_store
from synoptic.web.app import create_app


def synoptic(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "synoptic", *args], capture_output=True, text=True, timeout=600)


def sample() -> list[str]:
    return [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]


def test_ingest_with_briefs_leaves_briefs_that_run_writes_and_the_viewer_shows(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    proc = synoptic("ingest", *sample(), "--db", str(db), "--briefs")
    assert proc.returncode == 0, proc.stderr
    assert "2 briefs written" in proc.stderr
    with open_store(str(db)) as store:
        stories = list(store.stories())
        briefs = {s.id: store.get_brief(s.id) for s in stories}  # raises if one is missing
    assert len(stories) == 2
    main = max(stories, key=lambda s: len(s.article_ids))

    out = tmp_path / "out"
    proc = synoptic("run", "--db", str(db), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().endswith(f"2 stories of {db} written to {out}")
    for story in stories:
        written = json.loads((out / "stories" / f"{story.id}.json").read_text())
        assert written == briefs[story.id]  # the stored briefs, not new ones
        assert (out / "stories" / f"{story.id}.html").exists()
    index = json.loads((out / "index.json").read_text())
    assert {row["id"] for row in index["stories"]} == {s.id for s in stories}
    assert all(row["outlets"] > 0 and row["first"] for row in index["stories"])

    with TestClient(create_app(str(db))) as client:
        home = client.get("/").text
        assert "undated" not in home
        api = client.get(f"/api/stories/{main.id}")
        assert api.status_code == 200 and api.json() == briefs[main.id]
        listing = client.get("/api/stories").json()["items"]
        row = next(r for r in listing if r["id"] == main.id)
        assert len(row["outlets"]) == len(main.article_ids) and row["first_seen"].startswith("2021-03")
        page = client.get(f"/stories/{main.id}").text
        assert "no brief" not in page and briefs[main.id]["title"].split()[0] in page


def test_a_plain_ingest_gives_briefs_to_whoever_asks_first(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    proc = synoptic("ingest", *sample(), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    with open_store(str(db)) as store:
        stories = sorted(store.stories(), key=lambda s: -len(s.article_ids))
    main = stories[0]
    # the list shows outlets and dates before any brief exists
    with TestClient(create_app(str(db))) as client:
        row = next(r for r in client.get("/api/stories").json()["items"] if r["id"] == main.id)
        assert len(row["outlets"]) == len(main.article_ids) and row["first_seen"].startswith("2021-03")
        assert "undated" not in client.get("/").text
    # `synoptic brief` builds and stores it; the viewer and `run --db` then show that same brief
    proc = synoptic("brief", main.id, "--db", str(db), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(proc.stdout)
    with open_store(str(db)) as store:
        assert store.get_brief(main.id) == brief
    with TestClient(create_app(str(db))) as client:
        assert client.get(f"/api/stories/{main.id}").json() == brief
        other = stories[1]
        assert client.get(f"/api/stories/{other.id}").status_code == 200  # built on this request
    out = tmp_path / "out"
    assert synoptic("run", "--db", str(db), "--out", str(out)).returncode == 0
    assert json.loads((out / "stories" / f"{main.id}.json").read_text()) == brief


def test_run_without_sources_or_store_is_a_usage_error(tmp_path: Path) -> None:
    proc = synoptic("run", "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "--db STORE" in proc.stderr
