"""Typed to the edge (issue 15, step 3): after ``brief``, records stay records.

The store (``store/``), the renderers (``render/``) and the web layer (``web/``) are scanned with
``ast``: no function signature (parameters, ``*args``/``**kwargs``, return) and no class-level
field may mention ``typing.Any`` (bare, or inside ``dict[str, Any]``, ``list[Any]``, a quoted
annotation ...). JSON comes in and goes out at the edges as the ``synoptic.brief/1`` document (read
into a record at once: ``render.as_brief``, ``brief.from_json``) or as ``records.JSONValue``;
a local variable may hold the parsed JSON for the line that reads it into records.

``EDGES`` lists the functions that hand out untyped JSON on purpose, each with why; each entry must
still be there and still need it (a stale entry fails too), so the list can only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "synoptic"
#: The packages after ``brief`` that must stay typed.
SCANNED = ("store", "render", "web")

#: path -> qualified names whose signature may mention ``Any``, and why.
EDGES: dict[str, dict[str, str]] = {
    # None left: the stored brief JSON handed out unread (``Store.get_brief``, for ``synoptic brief
    # --format json`` and ``pipeline.stored_brief``) is typed as ``records.JSONObject``.
}


def _mentions_any(node: ast.expr | None) -> bool:
    """Whether an annotation names ``Any`` anywhere (``Any``, ``typing.Any``, ``"dict[str, Any]"``)."""
    if node is None:
        return False
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id == "Any":
            return True
        if isinstance(sub, ast.Attribute) and sub.attr == "Any":
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            try:
                quoted = ast.parse(sub.value, mode="eval").body
            except SyntaxError:
                continue
            if _mentions_any(quoted):
                return True
    return False


def untyped(source: str) -> list[str]:
    """Qualified names of the functions whose signature, and of the class fields whose annotation,
    mention ``Any`` in ``source``."""
    found: list[str] = []

    def visit(node: ast.AST, prefix: str, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                a = child.args
                params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(x for x in (a.vararg, a.kwarg) if x)]
                if any(_mentions_any(p.annotation) for p in params) or _mentions_any(child.returns):
                    found.append(name)
                visit(child, f"{name}.", False)
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.", True)
            elif in_class and isinstance(child, ast.AnnAssign) and _mentions_any(child.annotation):
                target = ast.unparse(child.target)
                found.append(f"{prefix}{target}")
            elif not isinstance(child, ast.ClassDef):
                visit(child, prefix, in_class and not isinstance(child, ast.FunctionDef))

    visit(ast.parse(source), "", False)
    return found


def _scanned() -> list[Path]:
    return sorted(p for package in SCANNED for p in (SRC / package).rglob("*.py"))


def test_the_checker_finds_any_in_every_place_a_signature_can_hide_it() -> None:
    source = '''
from typing import Any
import typing

def plain(x: int) -> str: ...
def bare(x: Any) -> None: ...
def nested(x: dict[str, Any]) -> None: ...
def returns() -> list[typing.Any]: ...
def quoted(x: "Mapping[str, Any]") -> None: ...
def star(*args: Any, **kwargs: int) -> None: ...
async def coro(*, key: Any = None) -> None: ...

class Record:
    fine: dict[str, object]
    field: Any

    def method(self, value: object) -> Any: ...

    def local(self) -> None:
        parsed: dict[str, Any] = {}  # a local holding parsed JSON is allowed
'''
    assert untyped(source) == ["bare", "nested", "returns", "quoted", "star", "coro", "Record.field",
                               "Record.method"]


@pytest.mark.parametrize("path", _scanned(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_any_in_signatures_after_brief(path: Path) -> None:
    rel = str(path.relative_to(SRC))
    allowed = EDGES.get(rel, {})
    found = untyped(path.read_text(encoding="utf-8"))
    unexpected = [name for name in found if name not in allowed]
    assert not unexpected, (f"{rel}: Any in the signature of {unexpected}; take and return records (or "
                            f"records.JSONValue at a JSON edge), or add the function to EDGES saying why")
    stale = [name for name in allowed if name not in found]
    assert not stale, f"{rel}: EDGES lists {stale}, which no longer mention Any; remove them from EDGES"


def test_every_edge_is_in_a_scanned_file() -> None:
    assert set(EDGES) <= {str(p.relative_to(SRC)) for p in _scanned()}
