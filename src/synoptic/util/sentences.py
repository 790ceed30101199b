"""The project's one sentence splitter (issue 15, step 2).

:func:`split_sentences` gives the sentence offsets ``(start, end)`` of a text: lines first, then
pysbd within each line that holds a mark it could split at. :func:`sentence_bounds` gives the
sentence around a span, from the same offsets. Every stage that needs sentences asks here;
``tests/project/test_one_definition.py`` fails when a second splitter appears elsewhere.

Options for stages that split something other than plain prose:

- ``sentence_bounds(..., cover=True)``: the sentence is widened to the end of the span when the
  span runs over a sentence end (a quotation or a figure read across two sentences).
- ``split_sentences(text, inside_quotes=True)`` (and ``sentence_bounds(..., inside_quotes=True)``):
  a quotation of several sentences is cut at its own sentence ends too. pysbd keeps a quoted
  passage whole ('"I urge talks. What a stupidity! Is it possible?"' is one sentence); a stage that
  compares what one quoted sentence says (the sentence around a quote piece in reconcile) asks for
  the sentences inside it. The cuts are pysbd's, on the text between the quote marks.
- ``split_sentences(text, join_fragments=True)``: a piece pysbd cuts off that cannot stand as a
  sentence is joined to the one before it on its line: closing quote marks alone (``… worse.''``
  gives ``''``) or before the words after the quote (``got a gun!`` | ``'' Vanore said.``), a piece opening with a comma or semicolon after a short form taken for a sentence
  end (``Mitch McConnell, R-Ky.`` | ``, said Tuesday.``), a name after a hyphenated title
  (``then-Sen.`` | ``Barack Obama``), a number after a lone lowercase letter (``with a.`` | ``357 Magnum``),
  also over a line break (texts one sentence a line are cut there:
  ``spokesman Const.⏎Tim Fanning said``). Off by default: the other stages' sentences stay as they were.
"""

from __future__ import annotations

import bisect
import re
import threading
from functools import cache, lru_cache
from typing import Any

from synoptic.lang.en.abbreviations import NAME_ABBREVIATIONS

_LOCAL = threading.local()

#: A piece that cannot open a sentence: only closing marks and end punctuation, a comma or semicolon
#: first, or a closing mark and a space first (``'' Vanore said.``: the mark closes the quote before).
_FRAGMENT = re.compile(r"[”’\"'»)\].!?…]+$|[,;]|(?:''|[”’»])\s")
#: A title's short form ending a piece ("then-Sen.", "spokesperson Const."): the name follows it. Short
#: forms written after a name or ending a street's name ("Jr.", "St.") may end a sentence and are left out.
_TITLE_END = re.compile(r"(?i)(?<![\w.])(?:" + "|".join(sorted(NAME_ABBREVIATIONS - {"jr", "sr", "esq", "st"}, key=len,
                                                              reverse=True)) + r")\.$")
#: A lone lowercase letter and a full stop ending a piece ends no sentence: a word cut from a number by
#: tokenised text ("returned with a. 357 Magnum", ".357" written apart).
_LONE_LETTER = re.compile(r"(?<![\w.])[a-z]\.$")

#: Compiled regular expressions Python keeps (its own default is 512). pysbd builds expressions
#: around each abbreviation it meets, and a few stages build some around a name, so a default cache
#: was flushed over and over: on 150 ECB+ dev articles a ``synoptic run`` compiled 2,991 expressions,
#: 1,520 with this size (the rest were the same ones compiled again, about 0.3 ms each). The
#: expressions and what they match are the same; only their recompilation is saved.
REGEX_CACHE_SIZE = 4096
if getattr(re, "_MAXCACHE", REGEX_CACHE_SIZE) < REGEX_CACHE_SIZE:  # CPython's ``re`` module cache
    setattr(re, "_MAXCACHE", REGEX_CACHE_SIZE)  # noqa: B010 (a private name mypy does not know)


def _segmenter() -> Any:
    """pysbd's segmenter, one per thread: it keeps the text being split on the instance."""
    seg = getattr(_LOCAL, "segmenter", None)
    if seg is None:
        seg = _LOCAL.segmenter = _segmenter_class()(language="en", clean=False)
    return seg


@cache
def _segmenter_class() -> Any:
    """pysbd's ``Segmenter`` with its sentences found back in the text by ``str.find`` instead of
    a regular expression compiled for each sentence (the escaped sentence and white space): the same
    spans (checked on the 16,092 lines of ECB+ dev, Multi-News dev, PolNeAR dev and the gold
    stories), in 4.8 instead of 8.2 CPU seconds, and Python's cache of compiled expressions is not
    flushed for the other stages once per sentence."""
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
            text = self.original_text
            spans = []
            prior = 0  # each sentence is the first occurrence ending after the one before
            for sent in sentences:
                pos = 0
                while (at := text.find(sent, pos)) >= 0:
                    end = at + len(sent)
                    while end < len(text) and text[end].isspace():  # the white space after it
                        end += 1
                    if end > prior:
                        spans.append(TextSpan(text[at:end], at, end))
                        prior = end
                        break
                    pos = end if end > at else at + 1
            return spans

    return Segmenter


#: The marks pysbd splits a line at or reads for that (sentence ends, quote marks, brackets): a line
#: without one of them before its last character is one sentence, and pysbd is not asked (it costs
#: about 1 ms a line). Checked against pysbd on every line of ECB+ dev and Multi-News dev (799
#: texts): the same spans, in 4.0 instead of 7.3 CPU seconds.
_MAY_SPLIT = re.compile(r'[.!?…"“”‘()]')
_LINE = re.compile(r"[^\n]+")
#: A quoted passage within one line: straight, curly or angle quote marks around it.
_QUOTED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»')
#: A sentence end inside a quoted passage, before its last character: only then is it split.
_INNER_END = re.compile(r"[.!?…]")


def _segment(chunk: str) -> list[tuple[int, int]]:
    """pysbd's sentences of one line, as offsets in it (stripped of white space)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(chunk):
        piece = piece.strip()
        if not piece:
            continue
        at = chunk.find(piece, cursor)
        if at < 0:  # pysbd changed the text: the rest of the line is one sentence
            piece = chunk[cursor:].strip()
            if piece:
                at = chunk.index(piece, cursor)
                spans.append((at, at + len(piece)))
            break
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def _cut_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut at the sentence ends inside its quoted passages."""
    cuts: list[int] = []
    for m in _QUOTED.finditer(text, start, end):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        q0, q1 = m.span(g)
        inner = text[q0:q1]
        if not _INNER_END.search(inner.rstrip(), 0, len(inner.rstrip()) - 1):
            continue
        cuts.extend(q0 + s for s, _ in _segment(inner)[1:])
    if not cuts:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        piece = text[a:b]
        body = piece.strip()
        if body:
            at = a + len(piece) - len(piece.lstrip())
            out.append((at, at + len(body)))
    return out


def _join_fragments(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` with the pieces that cannot stand as a sentence joined to the one before (see the module
    docstring)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        gap = text[out[-1][1] : s] if out else "\n\n"
        if ("\n" not in gap and (_FRAGMENT.match(text, s, e) or _LONE_LETTER.search(text, out[-1][0], out[-1][1]))) or (
                gap.count("\n") <= 1 and text[s : s + 1].isupper() and _TITLE_END.search(text, out[-1][0], out[-1][1])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


@lru_cache(maxsize=4096)
def split_sentences(text: str, inside_quotes: bool = False, join_fragments: bool = False
                    ) -> tuple[tuple[int, int], ...]:
    """Sentence offsets ``(start, end)`` in ``text``: lines first, then pysbd within each line that
    holds a mark it could split at (:data:`_MAY_SPLIT`). With ``inside_quotes``, a quoted passage
    of several sentences is cut at their ends as well; with ``join_fragments``, pieces that cannot
    stand as a sentence are joined to the one before (see the module docstring).

    Offsets are exact: ``text[start:end]`` is the sentence without surrounding white space.
    Cached per text: pysbd is the slowest step of a summary and the evaluation splits each
    document once per system.
    """
    if join_fragments:
        return _join_fragments(text, split_sentences(text, inside_quotes))
    if inside_quotes:
        return tuple(piece for s, e in split_sentences(text) for piece in _cut_quotations(text, s, e))
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        chunk = line.group()
        body = chunk.strip()
        if not body:
            continue
        if not _MAY_SPLIT.search(body, 0, len(body) - 1):  # one sentence: pysbd has nothing to split at
            at = line.start() + len(chunk) - len(chunk.lstrip())
            spans.append((at, at + len(body)))
            continue
        spans.extend((line.start() + a, line.start() + b) for a, b in _segment(chunk))
    return tuple(spans)


def _spans(text: str, inside_quotes: bool) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences`, called the way the other stages call it (``split_sentences(text)``)
    when ``inside_quotes`` is off, so that its cache holds each text once, not once per spelling."""
    return split_sentences(text, True) if inside_quotes else split_sentences(text)


@lru_cache(maxsize=256)
def _ends(text: str, inside_quotes: bool = False) -> tuple[int, ...]:
    return tuple(e for _, e in _spans(text, inside_quotes))


def sentence_bounds(text: str, start: int, end: int, *, cover: bool = False,
                    inside_quotes: bool = False) -> tuple[int, int]:
    """The sentences of ``text`` (by :func:`split_sentences`) from the one that holds ``start`` to
    the one that holds the last character of ``[start, end)``.

    Between two sentences (white space) the next one is taken. With ``cover`` the end is at least
    ``end``; ``inside_quotes`` is passed on to :func:`split_sentences`.
    """
    spans = _spans(text, inside_quotes)
    if not spans:
        return 0, (max(len(text), end) if cover else len(text))
    ends = _ends(text, inside_quotes)
    i = min(bisect.bisect_right(ends, start), len(spans) - 1)
    j = min(bisect.bisect_right(ends, max(start, end - 1)), len(spans) - 1)
    s0, s1 = min(spans[i][0], start), spans[j][1]
    return s0, (max(s1, end) if cover else s1)
