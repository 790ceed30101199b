"""One sentence splitter (issue 15, step 2): ``synoptic.util.sentences``.

The source under ``src/synoptic`` is scanned with ``ast``: a regular expression assigned to a name
like ``SENT``/``SENTENCE`` (``_SENT_END``, ``SENTENCE_BREAK`` ...) that breaks "It rained. Then it
stopped." after the full stop is a second sentence splitter; so is a module other than
``util/sentences.py`` that imports pysbd (``test_one_definition``).

``PENDING`` lists the splitters not switched yet, each with the figure that dropped when it was
tried; an entry must still be there (a stale entry fails too), so the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from synoptic.util.sentences import sentence_bounds, split_sentences

SRC = Path(__file__).resolve().parents[2] / "src" / "synoptic"
HOME = "util/sentences.py"

#: Splitters still to switch: path -> why the switch was kept back (what dropped when it was tried).
PENDING: dict[str, str] = {}

_NAME = re.compile(r"(?i)sent")
_PROBE = "It rained. Then it stopped."
_BREAK = _PROBE.index(" Then")


def _is_compile(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re")


def splitters_in(source: str) -> set[str]:
    """The names of the sentence-splitting regular expressions a module's source assigns."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None or not _is_compile(node.value):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name) and _NAME.search(t.id)]
        args = node.value.args  # type: ignore[attr-defined]
        if not names or not args or not isinstance(args[0], ast.Constant) or not isinstance(args[0].value, str):
            continue
        m = re.compile(args[0].value).search(_PROBE)
        if m and _BREAK - 1 <= m.start() <= _BREAK + 1:
            found.update(names)
    return found


def _modules() -> dict[str, str]:
    return {p.relative_to(SRC).as_posix(): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}


def test_sentences_are_split_in_one_module() -> None:
    second = {path: found for path, text in _modules().items()
              if path != HOME and path not in PENDING and (found := splitters_in(text))}
    assert not second, f"a second sentence splitter: {second}; use synoptic.util.sentences"


def test_pending_splitters_are_still_there() -> None:
    """A module that switched to the one splitter leaves ``PENDING``."""
    modules = _modules()
    stale = {path for path in PENDING if path not in modules or not splitters_in(modules[path])}
    assert not stale, f"switched over, remove from PENDING: {stale}"


@pytest.mark.parametrize(
    ("source", "found"),
    [
        (r'_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")', {"_SENT_END"}),
        (r'SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")', {"SENTENCE_BREAK"}),
        (r'_CLAUSE_END = re.compile(r"[.;:!?]")', set()),  # a clause splitter, not named a sentence one
        (r'_SENT_WORD = re.compile(r"\w+")', set()),  # named so, but it breaks no sentence
    ],
)
def test_scanner_finds_splitters(source: str, found: set[str]) -> None:
    assert splitters_in(source) == found


def test_split_sentences_gives_exact_offsets() -> None:
    text = "Dr. Smith arrived at 5 p.m. on Monday. He left.\n\n  A new line  \nNo mark here"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Dr. Smith arrived at 5 p.m. on Monday.", "He left.", "A new line", "No mark here"]


def test_sentence_bounds_around_a_span() -> None:
    text = "One fell. Two rose, said Capt. Lee. Three ran."
    two = text.index("Two")
    assert text[slice(*sentence_bounds(text, two, two + 3))] == "Two rose, said Capt. Lee."
    gap = text.index(" Two")  # white space between two sentences belongs to the next
    assert sentence_bounds(text, gap, gap)[1] == text.index("Lee.") + 4
    across = sentence_bounds(text, two, text.index("Three") + 5)  # a span over a sentence end
    assert text[slice(*across)].endswith("Three ran.")
    assert sentence_bounds("", 0, 3, cover=True) == (0, 3)


def test_a_quotation_of_several_sentences_is_cut_inside_only_when_asked() -> None:
    text = 'He spoke. "We asked for talks. What folly! Can one talk to thieves?" Then he left.'
    whole = [text[s:e] for s, e in split_sentences(text)]
    assert whole == ["He spoke.", '"We asked for talks. What folly! Can one talk to thieves?"', "Then he left."]
    cut = [text[s:e] for s, e in split_sentences(text, inside_quotes=True)]
    assert cut == ["He spoke.", '"We asked for talks.', "What folly!", 'Can one talk to thieves?"', "Then he left."]
    folly = text.index("folly")
    assert text[slice(*sentence_bounds(text, folly, folly + 5, inside_quotes=True))] == "What folly!"
    assert text[slice(*sentence_bounds(text, folly, folly + 5))] == whole[1]
    one = 'She called it “nonsense.” Then she left.'  # one quoted word: nothing to cut inside
    assert split_sentences(one, inside_quotes=True) == split_sentences(one)


def test_the_viewer_highlights_the_one_splitters_sentence() -> None:
    from synoptic.web.views import sentence_around

    text = "Title\nOne fell. Police Capt. Lee, 51, died at 5 p.m. on Monday. Two rose.\nNext line"
    at = text.index("51")
    assert text[slice(*sentence_around(text, at, at + 2))] == "Police Capt. Lee, 51, died at 5 p.m. on Monday."


def test_sentence_bounds_splits_each_text_once() -> None:
    """pysbd is the slowest step: the figures' split and the bounds around a figure share one."""
    text = "A unique text for the cache test. It has two sentences."
    split_sentences.cache_clear()
    split_sentences(text)
    sentence_bounds(text, 0, 3)
    sentence_bounds(text, 40, 45, cover=True)
    assert split_sentences.cache_info().misses == 1


def test_fragments_that_cannot_stand_alone_are_joined_when_asked() -> None:
    text = ("“It is over,” Senate leader Ann Roe, R-Ky., said Tuesday. He left.\n"
            "Her rival, then-Sen. Bob Lee, spoke. ''It is not worse.''\n"
            "It was read by police spokesman Const.\nTim Ford on Monday.\n\nNext line.")
    joined = [text[s:e] for s, e in split_sentences(text, join_fragments=True)]
    assert joined == ["“It is over,” Senate leader Ann Roe, R-Ky., said Tuesday.", "He left.",
                      "Her rival, then-Sen. Bob Lee, spoke.", "''It is not worse.''",
                      "It was read by police spokesman Const.\nTim Ford on Monday.", "Next line."]
    # off by default: the other stages' sentences are pysbd's
    assert len(split_sentences(text)) > len(joined)
