"""Properties every extractor keeps on any text (issue: reliability).

No exception; every span lies inside its text and slices back to the reported text; intervals
are ordered; hostile runs (digits, quote marks, long lines) finish in bounded time.
"""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synoptic.extract.figures import find_figures
from synoptic.extract.quotes import find_quotes
from synoptic.extract.timex import find_dates

NEWSY = st.sampled_from([
    "more than ", "almost ", "about ", "at least ", "some ", "over ", "nearly ", "up to ", "between ",
    " and ", "3,800", "740", "2,500", "a thousand", "3 thousand", "Eighteen", "nine", "six-month",
    "81-year-old", "$9.6bn", "88 million euros", "12%", "2022", "January 6", "14:52", " killed", " injured",
    " people", " were arrested", " demonstrators", " said", "“", "”", '"', "'", ".", ",", "\n", " ",
    "-", "–", "(", ")", "the Interior Ministry said", "Tokayev", "he said.", "on Friday", "yesterday",
])
news_text = st.lists(NEWSY | st.text(max_size=8), max_size=60).map("".join)

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(news_text)
def test_figures_spans_slice_back_and_intervals_are_ordered(text: str) -> None:
    for fig in find_figures(text):
        assert 0 <= fig.start < fig.end <= len(text)
        assert text[fig.start:fig.end] == fig.text
        low = float("-inf") if fig.low is None else fig.low
        high = float("inf") if fig.high is None else fig.high
        assert low <= high
        assert low <= fig.value <= high or fig.qualifier  # open bounds sit next to the value


@SETTINGS
@given(news_text)
def test_dates_spans_slice_back(text: str) -> None:
    for ref in find_dates(text, date(2022, 1, 7)):
        assert 0 <= ref.start < ref.end <= len(text)
        assert text[ref.start:ref.end] == ref.text


@SETTINGS
@given(news_text)
def test_quotes_spans_slice_back(text: str) -> None:
    for q in find_quotes(text, []):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)


HOSTILE = {
    "digits": "1" * 100_000,
    "digit groups": "1,000," * 20_000,
    "quote marks": "“" * 50_000 + '"' * 50_000,
    "alternating quotes": "“a” " * 10_000,
    "one long line": ("more than 3 thousand people were killed, the ministry said " * 2_000),
    "nested parentheses": "(" * 30_000 + "5" + ")" * 30_000,
}
BOUND_SECONDS = 20.0  # generous for a loaded 2-core machine; the catastrophic cases take minutes


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_runs_finish_in_bounded_time(name: str) -> None:
    text = HOSTILE[name]
    for extract in (find_figures, lambda t: find_quotes(t, []), lambda t: find_dates(t, date(2022, 1, 7))):
        t0 = time.process_time()
        extract(text)
        assert time.process_time() - t0 < BOUND_SECONDS, name
