"""The brief as JSON text (the schema form, ``synoptic.brief/1``), UTF-8, indented, stable key order."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from synoptic.records import Brief
from synoptic.render import as_json


def render(brief: Brief | Mapping[str, Any]) -> str:
    """The brief (a record, or its schema JSON) as JSON text; non-ASCII kept as is, ``<``, ``>``
    and ``&`` escaped so the text can also be embedded in an HTML page safely."""
    text = json.dumps(as_json(brief), ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
