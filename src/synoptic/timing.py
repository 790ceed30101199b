"""Where a run's time goes: seconds per pipeline stage, each counted once.

A run opens a :class:`StageTimes` with :func:`recording`; code anywhere below it marks its work
with ``with stage("summary"):``. Stages nest: while an inner stage runs, the outer one's clock is
paused, so the figures add up to the time spent inside stages (the summary's time is not also
counted in the brief around it). Without a recorder ``stage`` costs one context-variable lookup.

The stage names of ``synoptic run`` (see :data:`STAGES`): ``read`` (sources loaded), ``clean``,
``analyse`` (articles stored, and what is computed once per article version), ``stories``
(grouping), ``extract``, ``reconcile`` (facts, quotes, timeline, entities), ``summary`` and
``render`` (files written).
"""

from __future__ import annotations

import contextvars
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

log = logging.getLogger("synoptic")

#: The stages of ``synoptic run``, in pipeline order.
STAGES = ("read", "clean", "analyse", "stories", "extract", "reconcile", "summary", "render")


@dataclass
class StageTimes:
    """Wall and CPU seconds per stage (exclusive of nested stages), in the order stages were first
    entered. CPU seconds are the process's (all its threads): on a shared machine other people's
    load inflates wall time but hardly the CPU time."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    _names: list[str] = field(default_factory=list, repr=False)  # the stages open, innermost last
    _since: list[tuple[float, float]] = field(default_factory=list, repr=False)  # (wall, CPU) (re)started

    def _enter(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        if self._names:  # pause the enclosing stage
            self._add(self._names[-1], self._since[-1], now)
        self._names.append(name)
        self._since.append(now)

    def _exit(self) -> None:
        now = (time.perf_counter(), time.process_time())
        self._add(self._names.pop(), self._since.pop(), now)
        if self._since:  # resume the enclosing stage
            self._since[-1] = now

    def _add(self, name: str, since: tuple[float, float], now: tuple[float, float]) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + now[0] - since[0]
        self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + now[1] - since[1]

    def total(self) -> float:
        """Seconds spent inside any stage."""
        return sum(self.seconds.values())

    def as_dict(self, cpu: bool = False) -> dict[str, float]:
        """The wall (or ``cpu``) seconds, rounded to milliseconds, pipeline stages first."""
        figures = self.cpu_seconds if cpu else self.seconds
        order = [s for s in STAGES if s in figures] + [s for s in figures if s not in STAGES]
        return {s: round(figures[s], 3) for s in order}


_current: contextvars.ContextVar[StageTimes | None] = contextvars.ContextVar("synoptic_stage_times",
                                                                             default=None)


@contextmanager
def recording(times: StageTimes | None = None) -> Iterator[StageTimes]:
    """Record the stages entered inside the block into ``times`` (a new one by default). Where a
    recorder is already active it is kept (an outer ``run`` sees the stages of the inner calls)."""
    active = _current.get()
    if active is not None and times is None:
        yield active
        return
    rec = times if times is not None else StageTimes()
    token = _current.set(rec)
    try:
        yield rec
    finally:
        _current.reset(token)
        cpu = rec.as_dict(cpu=True)
        log.debug("stage times (wall, CPU): %s",
                  ", ".join(f"{k} {v:.2f}s {cpu[k]:.2f}s" for k, v in rec.as_dict().items()))


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time of the block to stage ``name`` of the active recorder (if any)."""
    rec = _current.get()
    if rec is None:
        yield
        return
    rec._enter(name)
    try:
        yield
    finally:
        rec._exit()
