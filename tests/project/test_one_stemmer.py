"""One stemmer (issue 15, step 2): ``synoptic.lang.en.stems`` holds every English stemmer of the project.

The source under ``src/synoptic`` is scanned with ``ast``: outside ``lang/en/stems.py`` a function
named like a stemmer (``stem``, ``_stem``, ``light_stem``, ``stemmer``, ``strip_inflection`` ...) that strips suffixes
(``word.endswith(...)`` and a slice that cuts the word's end) or calls a stemming library is a second
stemmer, and so is an import of a stemming library. Lemma normalisers for a table lookup are named
for what they do (``lang/en/predicates.py``: ``_y_base_form``) and are not stemmers.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from synoptic.lang.en import stems

SRC = Path(__file__).resolve().parents[2] / "src" / "synoptic"
HOME = "lang/en/stems.py"

_STEMMER_NAME = re.compile(r"(?i)(?:^|_)(?:stem(?:s|mer|ming)?|(?:de)?inflect(?:ion|ions)?)(?:$|_)")
#: Libraries (top-level modules, or ``module.submodule``) that stem words.
_STEMMING_LIBRARIES = ("snowballstemmer", "Stemmer", "nltk.stem", "porter2stemmer", "stemming")


def _cuts_end(node: ast.AST) -> bool:
    """``w[:-k]`` or ``w[: -len(s)]`` or ``w[:len(w) - k]``: a slice that drops the word's end."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)):
        return False
    upper = node.slice.upper
    return isinstance(upper, ast.UnaryOp) and isinstance(upper.op, ast.USub) or isinstance(upper, ast.BinOp) and isinstance(
        upper.op, ast.Sub)


def _strips_suffixes(func: ast.AST) -> bool:
    nodes = list(ast.walk(func))
    endswith = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "endswith"
                   for n in nodes)
    return endswith and any(_cuts_end(n) for n in nodes)


def _library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in _STEMMING_LIBRARIES)


def _calls_library(func: ast.AST, aliases: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in aliases for n in ast.walk(func))


def stemmers_in(source: str) -> list[str]:
    """What in a module's source is a stemmer: ``def NAME`` lines and ``import LIBRARY`` lines."""
    tree = ast.parse(source)
    found: list[str] = []
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _library(alias.name):
                    found.append(f"import {alias.name}")
                    aliases.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level and _library(node.module):
            found.append(f"from {node.module} import ...")
            aliases |= {a.asname or a.name for a in node.names}
    for node in tree.body:  # a module-level name bound to the library's stemmer (``_S = lib.stemmer(...)``)
        if isinstance(node, ast.Assign) and _calls_library(node.value, aliases):
            aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    for node in ast.walk(tree):
        if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _STEMMER_NAME.search(node.name)
                and (_strips_suffixes(node) or _calls_library(node, aliases))):
            found.append(f"def {node.name}")
    return found


def test_one_stemmer_module() -> None:
    second = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel != HOME and (found := stemmers_in(path.read_text(encoding="utf-8"))):
            second[rel] = found
    assert not second, f"a second stemmer: {second}; use synoptic.lang.en.stems"


def test_the_home_is_a_stemmer() -> None:
    found = stemmers_in((SRC / HOME).read_text(encoding="utf-8"))
    assert {"import snowballstemmer", "def stem", "def strip_inflection"} <= set(found), found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('def _stem(w):\n    for s in ("ing", "ed"):\n        if w.endswith(s):\n            return w[: -len(s)]\n'
         "    return w", ["def _stem"]),
        ('def light_stem(w):\n    return w[:-1] if w.endswith("s") else w', ["def light_stem"]),
        ('def stem(w):\n    return w[:len(w) - 2] if w.endswith("ed") else w', ["def stem"]),
        ("import snowballstemmer\n_S = snowballstemmer.stemmer('english')\ndef stem(w):\n"
         "    return _S.stemWord(w)", ["import snowballstemmer", "def stem"]),
        ("from nltk.stem import PorterStemmer", ["from nltk.stem import ..."]),
        # a lemma normaliser for a table, named so, and a function merely named "stems"
        ('def _y_base_form(w):\n    return w[:-3] + "y" if w.endswith("ies") else w', []),
        ("def _content_stems(text):\n    return [stem(w) for w in text.split()]", []),
        ('def system(w):\n    return w[:-1] if w.endswith("s") else w', []),
        ('def strip_inflection(w):\n    return w[:-2] if w.endswith("ed") else w', ["def strip_inflection"]),
    ],
)
def test_scanner_finds_stemmers(source: str, found: list[str]) -> None:
    assert stemmers_in(source) == found


@pytest.mark.parametrize(
    ("word", "expected"),
    [("arrested", "arrest"), ("arrests", "arrest"), ("arresting", "arrest"), ("weapons", "weapon"),
     ("carries", "carri"), ("carry", "carri"), ("police's", "polic"), ("killed", "kill")],
)
def test_stem_is_snowball_english(word: str, expected: str) -> None:
    assert stems.stem(word) == expected


def test_stem_is_cached() -> None:
    stems.stem.cache_clear()
    stems.stem("protesters")
    stems.stem("protesters")
    info = stems.stem.cache_info()
    assert (info.hits, info.misses) == (1, 1)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("killed", "kill"), ("kills", "kill"), ("killing", "kill"), ("reportedly", "report"),
     ("bus", "bus"), ("presidential", "presidential"), ("is", "is")],
)
def test_strip_inflection_takes_one_inflection_off(word: str, expected: str) -> None:
    assert stems.strip_inflection(word) == expected
