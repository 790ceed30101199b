"""Renderers of a brief: Markdown, JSON and HTML.

Each module has ``render(brief) -> str`` and, for the index pages, ``render_index(stories)``
(Markdown and HTML). The renderers read the :class:`~synoptic.records.Brief` record (its fields);
a brief given as its schema JSON (a stored brief, a file: ``synoptic.brief/1``) is read into the
record first (:func:`as_brief`, the one place JSON comes in), so both render the same.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping

from synoptic.reconcile import ABOUT_TOLERANCE
from synoptic.records import Brief, FactGroup

#: A brief as the renderers take it: the record, or its schema JSON (read with :func:`as_brief`).
BriefLike = Brief | Mapping[str, object]


def as_brief(brief: BriefLike) -> Brief:
    """The brief as a record: a record as it is, its schema JSON read by ``synoptic.brief.from_json``
    (``ValueError`` naming the field when it is not a brief)."""
    if isinstance(brief, Brief):
        return brief
    from synoptic.brief import from_json

    return from_json(dict(brief))


def source_numbers(brief: Brief) -> dict[str, int]:
    """Article id -> its number (1-based) in the brief's source list, as the renderers cite it."""
    return {a.id: i + 1 for i, a in enumerate(brief.articles)}


#: How a source's date was found, said for a reader (``published_how`` in the brief; nothing is
#: said for a date from the page's metadata, the usual case).
DATE_NOTES = {
    "text": "date read in its text",
    "inferred": "inferred from its words and the other reports",
}


def date_note(how: str | None) -> str:
    """What to say after a source's date about how it was found ("" for metadata dates)."""
    return DATE_NOTES.get(str(how), "") if how else ""


def format_number(x: object) -> str:
    """A figure for reading: 3800 -> "3,800", 2.5 -> "2.5", None -> "?" (anything else as text)."""
    if x is None:
        return "?"
    if not isinstance(x, int | float | str):
        return str(x)
    try:
        f = float(x)
    except ValueError:
        return str(x)
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.2f}".rstrip("0").rstrip(".")


_CURRENCY_SIGN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "RUB": "₽"}
_CURRENCY = re.compile(r"^(?P<code>[A-Z]{3})(?:/(?P<per>[a-z]+))?$")
_SCALE_WORDS = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def money_text(x: float | None, code: str) -> str:
    """A sum as news writes it: 9.6e9 USD -> "$9.6bn", 12e6 EUR -> "€12m", 4500 KZT -> "KZT 4,500"."""
    if x is None:
        return "?"
    sign = _CURRENCY_SIGN.get(code)
    amount = format_number(x)
    for scale, word in _SCALE_WORDS:
        if abs(x) >= scale:
            amount = f"{x / scale:.3g}{word}"
            break
    return f"{sign}{amount}" if sign else f"{code} {amount}"


# Dimensions whose reports can be worded with their stated values and the group's unit: counts,
# shares, ages and sums (never two currencies in one group). Measures may mix units (km and miles,
# compared converted), so their groups are worded from the common interval in the group's unit.
_STATED_DIMENSIONS = ("count", "percent", "age")


def _stated(fact: FactGroup) -> tuple[list[float], str] | None:
    """The values the reports of ``fact`` state (a range's two ends, else its value), lowest first,
    and their qualifier as written when every report gives the same one ("almost"); None where the
    group's own interval is to be shown instead (no reports, or several reports of a measure or
    a duration, which may differ in unit: "six months" and "180 days", "40 km" and "25 miles")."""
    reports = fact.reports
    if fact.latest:  # an update: the value is the latest report's
        reports = [r for r in reports if r.article == fact.latest][-1:] or reports
    dim = fact.dimension or "count"
    if not reports or not (dim in _STATED_DIMENSIONS or dim.startswith("money:") or len(reports) == 1):
        return None
    values: set[float] = set()
    qualifiers: set[str] = set()
    for r in reports:
        value, low, high, qual = r.value, r.low, r.high, (r.qualifier or "").strip()
        if low is not None and high is not None and low != high and qual in ("", "between"):
            values.update((float(low), float(high)))  # a range as stated: "between 12 and 14 million"
            qualifiers.add("")
        else:
            values.add(float(value))
            qualifiers.add(qual.lower())
    ordered = sorted(values)
    return ordered, (qualifiers.pop() if len(qualifiers) == 1 and len(ordered) == 1 else "")


#: An interval narrower than this share of its top is one figure's rounding band and is shown as that
#: figure (a stated "9,359,000 tonnes" met by "10.4 million tons" gives the band 9,358,999.5–9,359,000.5).
#: Not fitted: a band of "about N" is 20% wide, the narrowest stated range in the dev stories ("740–750") 1.3%.
NARROW_BAND = 0.005


def value_text(fact: FactGroup) -> str:
    """The value column of a fact group: money in news style with its rate ("$12m–$14m a day"), a
    tolerance band as the figure it is around ("about 420"), else the interval and unit ("740–750",
    "> 3,800", "6 days")."""
    unit = fact.unit or ""
    if (fact.category or "").startswith("count:"):
        unit = ""  # the label names what is counted: "tonnes (ship)"
    m = _CURRENCY.match(unit)
    fmt: Callable[[float], str]
    if m:
        per = m.group("per")
        suffix = f" {'an' if per == 'hour' else 'a'} {per}" if per else ""
        code = m.group("code")

        def fmt(x: float) -> str:
            return money_text(float(x), code)
    else:
        suffix = "%" if unit in ("%", "percent") else f" {unit}" if unit else ""
        fmt = format_number
    stated = _stated(fact)
    if stated is not None:  # the values as the sources give them: "almost 3 decades", "700–750"
        values, qualifier = stated
        if len(values) == 1:
            return f"{qualifier + ' ' if qualifier else ''}{fmt(values[0])}{suffix}"
        return f"{fmt(values[0])}–{fmt(values[-1])}{suffix}"
    low, high = fact.low, fact.high
    if low is None and high is None:
        return "?"
    if low is not None and high is not None:
        lo, hi = float(low), float(high)
        if lo == hi:
            return fmt(lo) + suffix
        if lo > 0 and math.isclose(hi / lo, (1 + ABOUT_TOLERANCE) / (1 - ABOUT_TOLERANCE), rel_tol=1e-6):
            return f"about {fmt((lo + hi) / 2)}{suffix}"  # the band of "about N" (reconcile)
        if lo > 0 and (hi - lo) / hi < NARROW_BAND:
            # the rounding band of one stated figure, often met in another unit ("9,358,999.5–9,359,000.5
            # t" is 9,359,000 t): the figure at the precision the band allows
            step = 10.0 ** math.floor(math.log10(hi - lo))
            return fmt(round((lo + hi) / 2 / step) * step) + suffix
        return f"{fmt(lo)}–{fmt(hi)}{suffix}"
    if low is not None:
        return f"> {fmt(low)}{suffix}"
    assert high is not None
    return f"< {fmt(high)}{suffix}"


def report_value_text(group: FactGroup, value: float) -> str:
    """One report's ``value`` worded as its group's range is ("$9.6bn a day", "6 months", "26")."""
    return value_text(dataclasses.replace(group, low=value, high=value, reports=[]))


def safe_url(url: object) -> str | None:
    """The URL when it is an absolute http(s) URL, else None: a ``javascript:`` or ``data:`` link,
    a relative path or a URL carrying quotes, brackets or whitespace is never output."""
    from urllib.parse import urlsplit

    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in u for c in "\"'<>` \t\n\r\x00"):
        return None
    return u
