"""Progress bars on a terminal, silence when piped (logs go to stderr either way)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], desc: str, total: int | None = None, unit: str = "art") -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar on stderr when stderr is a terminal; pass through otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, total=total, file=sys.stderr, leave=False, unit=unit)
