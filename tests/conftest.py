"""Fixtures shared by every test. Data from ../shared is read in place, never copied."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SYNOPTIC_SHARED", ROOT.parent / "shared")).resolve()
SKIP_SHARED = "../shared (seeds, gold and evaluation data) is not beside this checkout"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{SKIP_SHARED}: {path} not found")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(shared_path("gold", "kazakhstan-2022.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts(seed_files: list[Path]) -> dict[str, str]:
    """Raw seed texts keyed by their three-digit prefix ('000' ...)."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in seed_files}
