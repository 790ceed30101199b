"""One definition of each reading (issue 15, step 2): one month/weekday table
(``lang/en/calendar.py``), one number-word table (``lang/en/numbers.py``), one union-find
(``util/unionfind.py``).

The source under ``src/synoptic`` is scanned with ``ast``: a literal (a string, or a dict, set, list or
tuple of strings, or everything an assignment's right-hand side spells out) that names four or more
different months, five or more weekdays or five or more number words is a second table; so is a class
named like a union-find, or a loop that walks a parent array to its root (``while parent[i] != i``).

``PENDING`` lists the duplicates in modules other sessions are editing; each entry must still be
there (a stale entry fails too), so the list shrinks as they switch to the shared tables.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from synoptic.lang.en import calendar, numbers
from synoptic.util.unionfind import UnionFind

SRC = Path(__file__).resolve().parents[2] / "src" / "synoptic"

#: The modules that hold each definition.
HOMES = {
    "month": {"lang/en/calendar.py"},
    "weekday": {"lang/en/calendar.py"},
    "number": {"lang/en/numbers.py"},
    "union-find": {"util/unionfind.py"},
}
#: Duplicates still to be switched over, in modules being edited elsewhere: path -> kinds.
PENDING: dict[str, set[str]] = {}

# A literal naming this many different items of one table is a copy of the table.
MIN_MONTHS = 4
MIN_WEEKDAYS = 5  # four holiday names ("Good Friday", "Easter Monday" ...) are no weekday table
MIN_NUMBER_WORDS = 5

_MONTH_OF = {form: num for form, num in calendar.MONTHS.items()}
_WEEKDAY_OF = {name: num for name, num in calendar.WEEKDAYS.items()}
_WEEKDAY_OF.update({name[:3]: num for name, num in calendar.WEEKDAYS.items()})
_WEEKDAY_OF.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3, "satur": 5})
# number words from ten up: "one", "two" ... are too common in prose and regexes to count
_NUMBER_WORDS = frozenset(numbers.TEENS) | frozenset(numbers.TENS)
_UNION_FIND_CLASS = re.compile(r"(?i)union|disjoint|\bdsu\b")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (or other bare string statements)."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def _strings(node: ast.AST, skip: set[int]) -> list[str]:
    return [n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip]


def _kinds_in(words: list[str]) -> set[str]:
    found = set()
    if len({_MONTH_OF[w] for w in words if w in _MONTH_OF}) >= MIN_MONTHS:
        found.add("month")
    if len({_WEEKDAY_OF[w] for w in words if w in _WEEKDAY_OF}) >= MIN_WEEKDAYS:
        found.add("weekday")
    if len({w for w in words if w in _NUMBER_WORDS}) >= MIN_NUMBER_WORDS:
        found.add("number")
    return found


def _walks_to_root(node: ast.While) -> bool:
    """``while parent[i] != i`` (or ``self.parent[i] != i``): a union-find's find."""
    test = node.test
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.NotEq)):
        return False
    left, right = test.left, test.comparators[0]
    return (isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Name) and isinstance(right, ast.Name)
            and left.slice.id == right.id)


def tables_in(source: str) -> set[str]:
    """The kinds of table ("month", "weekday", "number", "union-find") a module's source defines."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and _UNION_FIND_CLASS.search(node.name):
            found.add("union-find")
        elif isinstance(node, ast.While) and _walks_to_root(node):
            found.add("union-find")
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            # everything the right-hand side spells out, even split over several literals
            words = re.findall(r"[a-z]+", " ".join(_strings(node.value, skip)).lower())
            found |= _kinds_in(words)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found |= _kinds_in(re.findall(r"[a-z]+", node.value.lower()))
    return found


def _modules() -> dict[str, str]:
    return {p.relative_to(SRC).as_posix(): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}


def test_each_table_has_one_definition() -> None:
    found = {path: tables_in(text) for path, text in _modules().items()}
    second = {path: kinds - {k for k, homes in HOMES.items() if path in homes} - PENDING.get(path, set())
              for path, kinds in found.items()}
    second = {path: kinds for path, kinds in second.items() if kinds}
    assert not second, f"a second table: {second}; import synoptic.lang.en.calendar / numbers, synoptic.util.unionfind"


def test_pending_duplicates_are_still_there() -> None:
    """A module that switched to the shared table leaves ``PENDING`` (so no duplicate comes back unseen)."""
    modules = _modules()
    stale = {path: kinds - tables_in(modules[path]) for path, kinds in PENDING.items() if path in modules}
    stale = {path: kinds for path, kinds in stale.items() if kinds}
    missing = set(PENDING) - set(modules)
    assert not stale and not missing, f"switched over, remove from PENDING: {stale or missing}"


def test_homes_hold_their_tables() -> None:
    modules = _modules()
    for kind, homes in HOMES.items():
        for path in homes:
            assert kind in tables_in(modules[path]), f"{path} should define the {kind} table"


def _imports(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_pysbd_splits_sentences_in_one_module_only() -> None:
    """pysbd (the slowest sentence splitter, 9 s of a run in issue 15's profile) is used by the one
    splitter alone; a stage that needs sentences takes them from there rather than split again."""
    users = {path for path, text in _modules().items() if "pysbd" in _imports(text)}
    assert users == {"util/sentences.py"}


@pytest.mark.parametrize(
    ("source", "kinds"),
    [
        ('M = {"january": 1, "february": 2, "march": 3, "april": 4}', {"month"}),
        ('R = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?)"', {"month"}),
        ('R = ("jan|feb"\n     "|mar|apr")', {"month"}),
        ('x = f(r"(?:mon|tues|wednes|thurs|fri)day")', {"weekday"}),
        ('W = "monday tuesday wednesday thursday friday".split()', {"weekday"}),
        ('H = {"good friday": -2, "holy saturday": -1, "easter sunday": 0, "easter monday": 1}', set()),
        ('N = {"thirteen": 13, "fourteen": 14, "twenty": 20, "thirty": 30, "forty": 40}', {"number"}),
        ("class _Union:\n    pass", {"union-find"}),
        ("def root(i):\n    while parent[i] != i:\n        i = parent[i]\n    return i", {"union-find"}),
        ('def f():\n    """From January to April, March and May."""', set()),
        ('X = "between March and May"', set()),
        ('Q = r"(?:first|second|third|fourth) quarter"', set()),
        ("while stack[-1] != top:\n    stack.pop()", set()),
    ],
)
def test_scanner_finds_tables(source: str, kinds: set[str]) -> None:
    assert tables_in(source) == kinds


def test_calendar_tables() -> None:
    assert calendar.MONTHS["sept"] == calendar.MONTHS["september"] == 9
    assert calendar.month_number("Jan.") == 1 and calendar.month_number("Janet") is None
    assert all(date(2024, 1, 1 + i).weekday() == calendar.WEEKDAYS[name.lower()]  # 2024-01-01 was a Monday
               for i, name in enumerate(calendar.WEEKDAY_NAMES))
    assert re.fullmatch(f"(?:{calendar.MONTH_FORM_ALTERNATION})", "september")
    assert re.match(f"(?:{calendar.MONTH_ABBREVIATION_ALTERNATION})", "Sept").group() == "Sept"


@pytest.mark.parametrize(("words", "value"), [("seven", 7), ("Thirty-five", 35), ("twenty one", 21),
                                              ("zero", 0), ("nineteen", 19), ("ninety-nine", 99),
                                              ("thirteen-two", None), ("hundred", None), ("a", None)])
def test_number_value(words: str, value: int | None) -> None:
    assert numbers.number_value(words) == value


def test_cardinal_word_pattern_reads_what_number_value_reads() -> None:
    pattern = re.compile(f"(?i){numbers.CARDINAL_WORD}")
    for n in range(1, 100):
        words = [w for w, v in numbers.CARDINALS.items() if v == n] or [
            f"{t}-{u}" for t, tv in numbers.TENS.items() for u, uv in numbers.UNITS.items() if tv + uv == n]
        assert pattern.fullmatch(words[0]) and numbers.number_value(words[0]) == n
    assert numbers.ORDINALS["thirty-first"] == 31 and len(numbers.ORDINALS) == 31


def test_union_find_names_each_set_by_its_smallest_member() -> None:
    uf = UnionFind(6)
    for a, b in [(5, 3), (3, 4), (1, 2)]:
        uf.union(a, b)
    assert uf.roots() == [0, 1, 1, 3, 3, 3]
    uf.union(4, 2)
    assert uf.roots() == [0, 1, 1, 1, 1, 1]
