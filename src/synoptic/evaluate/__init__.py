"""Scorers, one module per task, shared by ``synoptic eval``, the tests and the benchmarks.

Each module here (name not starting with ``_``) that defines ``TASK`` is a task of
``synoptic eval``; it also defines ``add_arguments(parser)`` and ``run(args) -> int``, which prints
a table to stdout and, with ``--json PATH``, writes the figures as JSON.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def tasks() -> dict[str, ModuleType]:
    """Every scorer module, by task name."""
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        task = getattr(module, "TASK", None)
        if task:
            found[task] = module
    return found
