"""Bounded fuzzing of every ingest parser (text, HTML, JSON, JSON Lines, RSS/Atom) and the cleaner.

Hypothesis at volume with a fixed number of examples per parser (FUZZ_EXAMPLES, raised with the
SYNOPTIC_FUZZ_EXAMPLES environment variable for a longer run). Inputs are built from the
fragments that break parsers: markup, quote marks, entities, numbers, control characters,
invalid UTF-8 and truncation. The property: every input yields Articles or InputErrors (one
line, naming the input), never an exception, and every Article has text.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synoptic.clean import clean_articles
from synoptic.errors import InputError
from synoptic.ingest.sources import read_bytes
from synoptic.records import Article

FUZZ_EXAMPLES = int(os.environ.get("SYNOPTIC_FUZZ_EXAMPLES", "300"))

FRAGMENTS = [
    "<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "<script>alert(1)</script>", "<!--", "-->",
    "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>",
    "<title>", "</title>", "&#x110000;", "&#99999999999;", "<description>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>",
    "<content type='html'>", "&amp;", "&lt;p&gt;", "&#0;", "&#x110000;", "&nbsp;", "{", "}", "[", "]",
    '"text": ', '"id": ', '"html": ', '"published": "2022-01-07"', '"published": 5', "null", ",", ":",
    "\n", "\r\n", "\t", " ", "“", "”", '"', "'", "«", "»", "Leave a Reply", "Home » World",
    "Source From: X", "Date Of Update: 07 January 2022, 14:52", "http://example.org/a", "by admin",
    "more than 3,000", "almost 750", "Eighteen", "\u200b", "\ufeff", "\x00", "\x1b", "é", "汉字", "🙂",
]

fragment_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), max_size=40).map("".join)
raw_bytes = st.one_of(
    fragment_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    fragment_text.map(lambda s: s.encode("utf-8", "surrogatepass")[:-1]),  # truncated mid-character
    st.binary(max_size=400),
    fragment_text.map(lambda s: s.encode("latin-1", "replace")),
)

SETTINGS = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read(data: bytes, name: str) -> list[Article | InputError]:
    items = list(read_bytes(data, f"fuzz/{name}", name=name))
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
        else:
            assert "\n" not in str(item) and f"fuzz/{name}" in str(item)
    return items


@SETTINGS
@given(raw_bytes)
def test_fuzz_text_parser(data: bytes) -> None:
    _read(data, "a.txt")


@SETTINGS
@given(raw_bytes)
def test_fuzz_html_parser(data: bytes) -> None:
    _read(b"<html><body><p>" + data + b"</p></body></html>", "a.html")
    _read(data, "b.html")


@SETTINGS
@given(raw_bytes)
def test_fuzz_json_and_jsonl_parsers(data: bytes) -> None:
    _read(data, "a.json")
    _read(data, "a.jsonl")
    _read(b'{"id": "x", "text": "' + data.replace(b'"', b"") + b'"}\n' + data, "b.jsonl")


@SETTINGS
@given(raw_bytes)
def test_fuzz_feed_parser(data: bytes) -> None:
    body = data.replace(b"<", b"&lt;")
    _read(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><guid>1</guid>"
          b"<description>" + body + b"</description></item></channel></rss>", "a.xml")
    _read(b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id><content>" + data + b"</content>"
          b"</entry></feed>", "b.atom")


@SETTINGS
@given(st.lists(fragment_text, min_size=1, max_size=4))
def test_fuzz_cleaner_keeps_every_line_or_reports_it(texts: list[str]) -> None:
    articles = [Article(id=f"a{i}", text=t, raw_text=t) for i, t in enumerate(texts) if t.strip()]
    for before, after in zip(articles, clean_articles(articles), strict=True):
        removed = [r.text.strip() for r in after.removed]
        for line in before.text.split("\n"):  # the cleaner's lines: \r, \x1e or \u2028 end none
            line = line.strip()
            assert not line or line in after.text or line in removed
