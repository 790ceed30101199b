"""Fixtures shared by the web tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.webutil import sample_and_seeds_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A store built by the real CLI from the bundled sample and the seeds (the sample alone where
    ../shared is absent); one per test module. A module with a store of its own overrides it."""
    return sample_and_seeds_store(tmp_path_factory, request)
