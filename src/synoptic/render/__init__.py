"""Renderers of a brief (its schema JSON, ``synoptic.brief.to_json``): Markdown, JSON and HTML.

Each module has ``render(brief: dict) -> str`` and, for the index pages, ``render_index(stories)``
(Markdown and HTML). They read only the brief's JSON form, so a stored brief renders the same.
"""

from __future__ import annotations

from typing import Any


def source_numbers(brief: dict[str, Any]) -> dict[str, int]:
    """Article id -> its number (1-based) in the brief's source list, as the renderers cite it."""
    return {a.get("id"): i + 1 for i, a in enumerate(brief.get("articles", []))}


def format_number(x: Any) -> str:
    """A figure for reading: 3800 -> "3,800", 2.5 -> "2.5", None -> "?"."""
    if x is None:
        return "?"
    try:
        f = float(x)
    except (TypeError, ValueError):
        return str(x)
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.2f}".rstrip("0").rstrip(".")


def interval_text(fact: dict[str, Any]) -> str:
    """The common value or interval of a fact group: "18", "740–750", "≥ 3,800", "9–75"."""
    low, high = fact.get("low"), fact.get("high")
    if low is None and high is None:
        return "?"
    if low is not None and high is not None:
        if float(low) == float(high):
            return format_number(low)
        return f"{format_number(low)}–{format_number(high)}"
    if low is not None:
        return f"> {format_number(low)}"
    return f"< {format_number(high)}"


def safe_url(url: Any) -> str | None:
    """The URL when it is http(s), else None (a ``javascript:`` or ``data:`` link is never output)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    low = u.lower()
    if (low.startswith("http://") or low.startswith("https://")) and not any(c in u for c in "\"'<>` \t\n\r"):
        return u
    return None
