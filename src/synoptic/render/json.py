"""The brief as JSON text (the schema form, ``synoptic.brief/1``), UTF-8, indented, stable key order."""

from __future__ import annotations

import json

from synoptic.render import BriefLike, as_brief


def render(brief: BriefLike) -> str:
    """The brief (a record, or its schema JSON, read into the record first) as its schema JSON
    text (``synoptic.brief.to_json``); non-ASCII kept as is, ``<``, ``>`` and ``&`` escaped so the
    text can also be embedded in an HTML page safely."""
    from synoptic.brief import to_json

    text = json.dumps(to_json(as_brief(brief)), ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
