"""What a newcomer sees: the brief rendered for a terminal (no Markdown escapes), Markdown when
piped, how a source's date was found said in words, counts with their plural, and output files
with the user's umask."""

from __future__ import annotations

import os
import pty
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from synoptic.records import Article, Story
from synoptic.render import markdown
from synoptic.store import open_store

TEXT = ("Winds of up to 40 knots pushed the ship against the bank, the port authority said on Tuesday, "
        "and more than 3,800 containers were still waiting to be unloaded.")


def brief() -> dict[str, Any]:
    return {
        "schema": "synoptic.brief/1", "story": "s-1", "title": "Ship against the bank",
        "articles": [{"id": "a1", "title": "Ship against the bank", "outlet": "Port News",
                      "published": "2021-03-24T10:00:00", "published_how": "text", "url": None, "removed": 1}],
        "summary": [{"text": TEXT, "citations": [{"article": "a1", "start": 0, "end": len(TEXT)}]}],
        "facts": [
            {"label": "knots", "verdict": "single-source", "low": None, "high": 40, "unit": "",
             "category": "speed", "reports": [{"article": "a1", "text": "up to 40 knots", "start": 9, "end": 23, "value": 40,
                          "qualifier": "up to"}]},
            {"label": "containers <20 ft> long", "verdict": "conflict", "low": 3800, "high": None, "unit": "",
             "category": "count:containers",
             "reports": [{"article": "a1", "text": "more than 3,800 containers", "start": 100, "end": 126,
                          "value": 3800, "qualifier": "more than"},
                         {"article": "a1", "text": "3,800 containers", "start": 110, "end": 126, "value": 3800}]},
        ],
        "quotes": [], "entities": [], "timeline": [],
    }


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with open_store(str(path)) as store:
        store.add_article(Article(id="a1", text=TEXT, raw_text=TEXT, title="Ship against the bank",
                                  outlet="Port News", published=datetime(2021, 3, 24, 10), published_how="text"))
        store.put_stories([Story(id="s-1", article_ids=["a1"], title="Ship against the bank")])
        store.put_brief("s-1", brief())
    return path


def run_on_a_terminal(args: list[str]) -> str:
    """The output of the real CLI with stdout on a pseudo-terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "synoptic", *args], stdout=follower, stderr=subprocess.PIPE,
                            env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    return b"".join(chunks).decode("utf-8", "replace")


def test_brief_on_a_terminal_has_no_markdown_escapes(db: Path) -> None:
    shown = run_on_a_terminal(["brief", "s-1", "--db", str(db)])
    assert "up to 40" in shown and "3,800" in shown and "<20 ft>" in shown and "\\>" not in shown and "\\<" not in shown
    assert "\\<" not in shown and "\\>" not in shown and "## " not in shown and "<br>" not in shown
    assert "CONFLICT" in shown and "Ship against the bank" in shown


def test_brief_piped_is_markdown(db: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "synoptic", "brief", "s-1", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("# Ship against the bank")
    assert "## Figures across sources" in proc.stdout


def test_source_dates_say_how_they_were_found() -> None:
    text = markdown.render(brief())
    assert "(text)" not in text
    assert "2021-03-24 (date read in its text)" in text
    inferred = brief()
    inferred["articles"][0]["published_how"] = "inferred"
    assert "inferred from its words and the other reports" in markdown.render(inferred)


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640)])
def test_output_files_follow_the_umask_and_counts_their_plural(db: Path, tmp_path: Path, umask: int,
                                                                mode: int) -> None:
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "synoptic", "run", "--db", str(db), "--out", str(out)],
                          capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(umask))
    assert proc.returncode == 0, proc.stderr
    assert f"1 story of {db}" in proc.stderr
    files = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".json", ".md", ".html")]
    assert len(files) == 6  # the story's three and the index's three
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
