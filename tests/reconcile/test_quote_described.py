"""A singular person described without a name ("the star") is an unnamed source whose statement joins the named
speaker's group it repeats nearly word for word; possessed, plural, body and title descriptions are not."""

from __future__ import annotations

import pytest

from synoptic.reconcile.quotes import _is_described


@pytest.mark.parametrize("name", ["the star", "the Taradise star", "the actress"])
def test_described_people(name: str) -> None:
    assert _is_described(name)


@pytest.mark.parametrize(
    "name", ["the ship's owner", "the navy", "the officials", "the Navy chief", "Tara Reid", "the Indian Navy",
             "a friend of the actress", "the helicopter flew overhead"],
)
def test_not_described_people(name: str) -> None:
    assert not _is_described(name)
