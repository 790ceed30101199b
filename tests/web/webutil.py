"""Helpers shared by the web test modules: stores built by the real CLI and a live uvicorn server.

Imported by tests/web/test_web_api.py, test_web_browser.py and test_web_security.py (pytest's default
import mode puts tests/ on sys.path).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import synoptic

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
SAMPLE = Path(synoptic.__file__).resolve().parent / "sample"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's chromium, where installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def build_store(tmp_path_factory: pytest.TempPathFactory, name: str, sources: list[str]) -> Path:
    """A store built by the real ``synoptic run``, once per session (shared by the web test modules)."""
    base = tmp_path_factory.getbasetemp() / "web-stores"
    base.mkdir(exist_ok=True)
    db, done = base / f"{name}.db", base / f"{name}.ok"
    if done.exists():
        return db
    proc = subprocess.run([sys.executable, "-m", "synoptic", "-q", "run", *sources, "--out", str(base / name),
                           "--db", str(db)], capture_output=True, text=True, timeout=900)
    assert proc.returncode in (0, 3), proc.stderr[-3000:]
    done.write_text("ok")
    return db


def sample_and_seeds_store(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The store of the bundled sample and the seeds (the sample alone where ../shared is absent)."""
    sources = sorted(str(p) for p in SAMPLE.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    try:
        seeds = [str(p) for p in request.getfixturevalue("seed_files")]
    except pytest.skip.Exception:
        seeds = []
    return build_store(tmp_path_factory, "sample-and-seeds" if seeds else "sample", sources + seeds)


class LiveServer:
    """uvicorn serving ``app`` in a thread on a free loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
