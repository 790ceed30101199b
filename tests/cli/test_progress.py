"""Progress when stderr is not a terminal: a line every few seconds of long work naming the stage,
done/total and the rate; nothing with -q; nothing for work shorter than the interval."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from synoptic.cli.demo import sample_dir
from synoptic.progress import PROGRESS_SECONDS, Progress


def ingest(tmp_path: Path, *flags: str, seconds: str) -> subprocess.CompletedProcess[str]:
    sample = [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]
    env = {**os.environ, "SYNOPTIC_PROGRESS_SECONDS": seconds}
    return subprocess.run([sys.executable, "-m", "synoptic", *flags, "ingest", *sample, "--db", str(tmp_path / "s.db"),
                           "--briefs"],
                          capture_output=True, text=True, timeout=600, env=env)


def test_piped_run_reports_each_stage(tmp_path: Path) -> None:
    proc = ingest(tmp_path, seconds="0")  # every step is "a few seconds" late
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    for stage, total, unit in [("store", 9, "articles"), ("stories", 9, "articles"), ("briefs", 2, "stories")]:
        pattern = rf"^synoptic: {stage}: {total}/{total} {unit} \([\d.,]+/s, \d+ s\)"
        assert any(re.match(pattern, line) for line in lines), (stage, lines)
    assert any(re.match(r"^synoptic: read: \d+ reports \(", line) for line in lines)


def test_quiet_silences_progress(tmp_path: Path) -> None:
    proc = ingest(tmp_path, "-q", seconds="0")
    assert proc.returncode == 0
    assert len(proc.stderr.splitlines()) == 1 and "9 new" in proc.stderr  # the result line alone


def test_short_work_prints_no_progress(caplog: pytest.LogCaptureFixture) -> None:
    assert PROGRESS_SECONDS >= 1
    clock = iter([0.0, 0.5, 1.0, 1.5]).__next__
    caplog.set_level(logging.INFO, logger="synoptic")
    with Progress("briefs", total=3, unit="story", clock=clock) as bar:
        for _ in range(3):
            bar.update()
    assert caplog.records == []


def test_long_work_prints_stage_count_and_rate(caplog: pytest.LogCaptureFixture) -> None:
    ticks = iter([0.0, 2.0, 6.0, 8.0, 9.0, 14.0])
    caplog.set_level(logging.INFO, logger="synoptic")
    with Progress("briefs", total=4, unit="story", clock=lambda: next(ticks)) as bar:
        for _ in range(4):
            bar.update()
    assert [r.getMessage() for r in caplog.records] == [
        "briefs: 2/4 stories (0.3/s, 6 s)",  # then nothing until 5 s later
        "briefs: 4/4 stories (0.3/s, 14 s), done",
    ]
