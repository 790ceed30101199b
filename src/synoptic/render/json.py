"""The brief as JSON text (the schema form, ``synoptic.brief/1``), UTF-8, indented, stable key order."""

from __future__ import annotations

import json
from typing import Any


def render(brief: dict[str, Any]) -> str:
    """The brief JSON as text; non-ASCII kept as is, ``<``, ``>`` and ``&`` escaped so the text can
    also be embedded in an HTML page safely."""
    text = json.dumps(brief, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
