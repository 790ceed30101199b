"""One store, one truth: a store filled by `synoptic ingest` has the briefs of its stories, `run
--db STORE --out DIR` without SOURCES writes them, and the viewer shows outlets, dates and briefs."""

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


def test_ingest_leaves_briefs_that_run_writes_and_the_viewer_shows(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    sample = [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]
    proc = synoptic("ingest", *sample, "--db", str(db))
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
        assert written == briefs[story.id]
        assert (out / "stories" / f"{story.id}.html").exists()
    index = json.loads((out / "index.json").read_text())
    assert {row["id"] for row in index["stories"]} == {s.id for s in stories}
    assert all(row["outlets"] > 0 and row["first"] for row in index["stories"])

    with TestClient(create_app(str(db))) as client:
        home = client.get("/").text
        assert "Outlets 0" not in home and "undated" not in home
        api = client.get(f"/api/stories/{main.id}")
        assert api.status_code == 200 and api.json() == briefs[main.id]
        listing = client.get("/api/stories").json()["items"]
        row = next(r for r in listing if r["id"] == main.id)
        assert len(row["outlets"]) == len(main.article_ids) and row["first_seen"].startswith("2021-03")
        page = client.get(f"/stories/{main.id}").text
        assert "no brief" not in page and briefs[main.id]["title"].split()[0] in page


def test_run_without_sources_or_store_is_a_usage_error(tmp_path: Path) -> None:
    proc = synoptic("run", "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "--db STORE" in proc.stderr
