"""The speed-ups that keep a result per text (or per class) give exactly what computing it again gives."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, date, datetime

from synoptic.extract import timex
from synoptic.reconcile._text import _content_stems
from synoptic.records import Extraction, Figure, Mention, TimeRef
from synoptic.store.sqlite import to_json
from synoptic.util.sentences import REGEX_CACHE_SIZE

TEXT = (
    "Police said on Tuesday that 12 people were arrested. Last week, officials had warned of unrest; "
    "the mayor says the curfew ends next Monday, March 3, 2014."
)


def _plain_by_asdict(value: object) -> object:
    """The JSON-ready form written out the long way (``dataclasses.asdict``, dates as ISO text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain_by_asdict(getattr(value, k)) for k in dataclasses.asdict(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain_by_asdict(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_by_asdict(v) for k, v in value.items()}
    return value


def test_record_json_is_the_long_way_json() -> None:
    ex = Extraction(
        article="a1",
        mentions=[Mention("Kazakhstan", "GPE", 0, 10, "a1", "Kazakhstan")],
        figures=[Figure("12 people", 28, 37, 12.0, 12.0, 12.0, category="arrested")],
        dates=[TimeRef("Tuesday", 15, 22, "2014-02-25", "day", "2014-02-27")],
        published=date(2014, 2, 27),
        published_how="metadata",
    )
    expected = json.dumps(_plain_by_asdict(ex), ensure_ascii=False, separators=(",", ":"))
    assert to_json(ex) == expected
    assert to_json(ex) == expected  # the second call goes through the kept field names
    stamp = datetime(2014, 2, 27, 9, 30, tzinfo=UTC)
    assert to_json({"at": stamp, "n": [1, 2.5, None, True]}) == \
        '{"at":"2014-02-27T09:30:00+00:00","n":[1,2.5,null,true]}'


def test_kept_rule_matches_equal_fresh_ones() -> None:
    fresh = timex._matches(TEXT)
    kept = timex._matches_of(TEXT)
    assert [(m.span(), r) for m, r in kept] == [(m.span(), r) for m, r in fresh]
    assert timex.find_dates(TEXT, date(2014, 2, 27)) == timex.find_dates(TEXT, date(2014, 2, 27))


def test_kept_stems_are_a_new_list_each_time() -> None:
    first = _content_stems(TEXT)
    first.append("changed")  # a caller's change must not reach the kept stems
    assert _content_stems(TEXT) == first[:-1]
    assert "arrest" in _content_stems(TEXT)


def test_regex_cache_holds_more_than_pythons_default() -> None:
    assert getattr(re, "_MAXCACHE", REGEX_CACHE_SIZE) >= REGEX_CACHE_SIZE


def test_predicate_class_kept_per_word_is_the_lookup() -> None:
    """``predicate_class`` is kept per word: the kept answer is the look-up's, for every word of the
    table, its inflections and phrasal forms, and words of no class, asked twice."""
    from synoptic.lang.en.predicates import PREDICATE_CLASSES, predicate_class

    words: list[str | None] = [None, "", "table", "Stationed", "gunned down", "mowing down", "nabbed", "tries"]
    for members in PREDICATE_CLASSES.values():
        for w in members:
            words += [w, w.upper(), f"{w}s", f"{w}ed", f"{w}ing", f" {w} "]
    predicate_class.cache_clear()
    for _ in range(2):
        for w in words:
            assert predicate_class(w) == predicate_class.__wrapped__(w), w
    assert predicate_class("liquidated") == "killed"
    assert predicate_class.cache_info().hits >= len(set(words))
