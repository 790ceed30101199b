"""Progress of long work: a bar on a terminal; when stderr is not one (a cron job, a CI log, a
pipe), a line every PROGRESS_SECONDS naming the stage, how much is done of how much and the rate.

Lines go through the ``synoptic`` logger at INFO, so ``-q`` silences them like every other
message but errors. A stage that ends within PROGRESS_SECONDS prints nothing at all; one that
printed progress ends with a line of its total and time (unless the last line said it already).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger("synoptic")

#: Seconds between two progress lines when stderr is not a terminal: often enough that a log shows
#: a 90-second run moving, seldom enough that a 10,000-article run writes a few dozen lines. The
#: environment variable SYNOPTIC_PROGRESS_SECONDS overrides it (the tests set it to 0).
PROGRESS_SECONDS = 5.0


def _interval() -> float:
    try:
        return float(os.environ.get("SYNOPTIC_PROGRESS_SECONDS", PROGRESS_SECONDS))
    except ValueError:
        return PROGRESS_SECONDS


class Progress:
    """Counts work done in a stage and reports it: ``update(n)`` after each piece of work."""

    def __init__(self, desc: str, total: int | None = None, unit: str = "article",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.desc = desc
        self.total = total
        self.unit = unit
        self.done = 0
        self._clock = clock
        self._start = clock()
        self._interval = _interval()
        self._next = self._start + self._interval
        self._reported = -1  # units done at the last line printed
        self._bar: Any = None
        if sys.stderr.isatty() and log.isEnabledFor(logging.INFO):
            from tqdm import tqdm

            self._bar = tqdm(desc=desc, total=total, file=sys.stderr, leave=False, unit=unit)

    def update(self, n: int = 1) -> None:
        """``n`` more units done."""
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = self._clock()
        if now >= self._next:
            self._next = now + self._interval
            self._reported = self.done
            log.info("%s", self.line(now))

    def line(self, now: float | None = None) -> str:
        """``briefs: 12/40 stories (1.3/s, 9 s)``."""
        elapsed = max((now if now is not None else self._clock()) - self._start, 1e-9)
        of = f"/{self.total:,}" if self.total is not None else ""
        unit = self.unit if self.done == 1 and self.total in (None, 1) else _plural(self.unit)
        return f"{self.desc}: {self.done:,}{of} {unit} ({self.done / elapsed:,.1f}/s, {elapsed:,.0f} s)"

    def close(self) -> None:
        """End of the stage: the last line, if any line was printed before."""
        if self._bar is not None:
            self._bar.close()
        elif 0 <= self._reported < self.done:
            log.info("%s, done", self.line())

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress(items: Iterable[T], desc: str, total: int | None = None, unit: str = "article") -> Iterator[T]:
    """Yield ``items``, reporting each one done (see :class:`Progress`)."""
    with Progress(desc, total=total, unit=unit) as bar:
        for item in items:
            yield item
            bar.update()


def _plural(unit: str) -> str:
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith("s") else unit + "s"
