"""Bytes to text: encoding detection, binary and size checks, and plain-text articles.

A file is read as bytes, checked (empty, too large, binary) and decoded: UTF-8 first (with or
without a byte-order mark), then whatever charset-normalizer finds most plausible. Newlines are
normalised to ``\\n``; the decoded text is the article's ``raw_text``.
"""

from __future__ import annotations

import logging
import re

from synoptic.errors import InputError
from synoptic.ingest.metadata import find_title
from synoptic.records import Article, text_id

log = logging.getLogger(__name__)

# Largest input file read, in bytes. A news article is rarely over 200 kB of text; 20 MB leaves room
# for big JSON Lines dumps and feeds while refusing a 50 MB blob in a few milliseconds (checked on
# the size reported by the file system, before anything is read).
MAX_FILE_BYTES = 20 * 1024 * 1024

# Bytes looked at to decide whether a file is binary. A NUL byte in them, or more than
# BINARY_CONTROL_SHARE of C0 control characters other than tab/newline/CR/form feed, means binary.
# Calibrated on the seeds, the AEB pages (0 controls) and PNG/gzip/ELF samples (>10%).
SNIFF_BYTES = 8192
BINARY_CONTROL_SHARE = 0.05

# The most chaos charset-normalizer may report for a non-UTF-8 text we still accept
# (0 = clean text; its own default refusal threshold is 0.2).
MAX_DECODE_CHAOS = 0.2

_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def normalize_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r`` and Unicode line/paragraph separators to ``\\n``."""
    return _NEWLINES.sub("\n", text)


def looks_binary(data: bytes) -> bool:
    """True when the first bytes of ``data`` hold a NUL byte or too many control characters.

    Text in UTF-16/32 carries NUL bytes too; it is recognised by its byte-order mark and not
    called binary.
    """
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > BINARY_CONTROL_SHARE


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` to text with normalised newlines.

    Raises :class:`InputError` for empty, binary or undecodable data. A text that is not valid
    UTF-8 but decodes cleanly in another encoding is read, with one warning line naming it.
    """
    if not data.strip():
        raise InputError(source, "is empty; nothing to read (remove it or give a file with text)")
    if looks_binary(data):
        raise InputError(source, "is not text (binary data); give a text, HTML, JSON or feed file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = _detect(data, source, err)
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise InputError(source, "is empty; nothing to read (remove it or give a file with text)")
    return text


def _detect(data: bytes, source: str, err: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.chaos > MAX_DECODE_CHAOS:
        raise InputError(
            source,
            f"is not valid UTF-8 (byte {err.start}) and its encoding could not be detected; "
            "convert it to UTF-8 and try again",
        )
    log.warning("%s: not valid UTF-8 (byte %d); read as %s", source, err.start, best.encoding)
    return data.decode(best.encoding, errors="replace")


def text_article(text: str, source: str, article_id: str | None = None) -> Article:
    """A plain-text article: ``text == raw_text``; the first line that reads as a headline is the title."""
    return Article(
        id=article_id or text_id(text),
        text=text,
        raw_text=text,
        title=find_title(text),
        source=source,
    )
