"""README's first command: `synoptic demo` prints a real brief of the bundled sample."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_readme_opens_with_the_demo_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert blocks[0].strip().endswith("synoptic demo")
    assert "pytest" in blocks[1]


@pytest.mark.slow
def test_demo_prints_the_sample_brief(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("synoptic")
    assert exe.exists(), "the console script is installed beside the interpreter (pip install -e .)"
    out = tmp_path / "demo"
    proc = subprocess.run([str(exe), "demo", "--out", str(out)], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path, env={**os.environ, "COLUMNS": "100"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    brief = proc.stdout
    # the main story of the sample, with its sources, reconciled figures, quotes and timeline
    assert brief.startswith("# ") and "Suez" in brief.splitlines()[0] + brief[:2000]
    assert re.search(r"(?<!\d)6 sources", brief)
    assert "CONFLICT" in brief.upper()
    assert "Rabie" in brief
    assert "2021-03-2" in brief  # dates resolved into March 2021
    # everything the run promised is on disk
    assert (out / "index.json").exists() and (out / "index.html").exists() and (out / "index.md").exists()
    stories = sorted(p.suffix for p in (out / "stories").iterdir())
    assert stories.count(".json") == stories.count(".md") == stories.count(".html") == 2
    assert "other story" in proc.stderr and "Kipchoge" in proc.stderr
