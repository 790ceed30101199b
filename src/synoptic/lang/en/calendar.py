"""The English calendar: month and weekday names, their abbreviations, and regex alternations of them.

The one table of months and weekdays in synoptic (``tests/project/test_one_definition.py`` fails when a second
appears in ``src``). Stages import the names or the ready-made alternations below instead of writing
their own lists:

- ``MONTHS``: every written form of a month, lower case (full name, three-letter abbreviation, "sept")
  -> month number 1-12; ``MONTH_NAMES`` the twelve full names in order ("January" ... "December");
  ``MONTH_ABBREVIATIONS`` their abbreviations in order ("jan" ... "dec", "sept" after "sep");
- ``WEEKDAYS``: weekday name, lower case -> ``date.weekday()`` number (Monday 0);
  ``WEEKDAY_NAMES`` the seven names in order ("Monday" ... "Sunday");
- alternations for regular expressions (no group, no flags: the caller wraps and flags them).
"""

from __future__ import annotations

#: The twelve month names, in calendar order.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
#: The seven weekday names, Monday first (``date.weekday()`` order).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: The short forms English writes for months, lower case, in calendar order ("may" has none:
#: it is already three letters; September has two, "sep" and "sept").
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
#: The three letters every written form of a month begins with ("jan" ... "dec", "may" included).
MONTH_PREFIXES = tuple(name[:3].lower() for name in MONTH_NAMES)
#: The three letters every written form of a weekday begins with ("mon" ... "sun").
WEEKDAY_PREFIXES = tuple(name[:3].lower() for name in WEEKDAY_NAMES)

#: Every written form of a month, lower case -> its number (1-12).
MONTHS: dict[str, int] = {
    **{name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    **{abbr: MONTH_PREFIXES.index(abbr[:3]) + 1 for abbr in MONTH_ABBREVIATIONS},
}
#: Weekday name, lower case -> ``date.weekday()`` (Monday 0 ... Sunday 6).
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

#: The full month names, capitalised, as one alternation: "January|February|...|December".
MONTH_NAME_ALTERNATION = "|".join(MONTH_NAMES)
#: The month abbreviations, capitalised, as one alternation, longer before shorter ("Sept|Sep").
MONTH_ABBREVIATION_ALTERNATION = "|".join(
    a.capitalize() for a in sorted(MONTH_ABBREVIATIONS, key=lambda a: (MONTHS[a], -len(a)))
)
#: The weekday names, capitalised, as one alternation: "Monday|Tuesday|...|Sunday".
WEEKDAY_NAME_ALTERNATION = "|".join(WEEKDAY_NAMES)
#: The three-letter month prefixes as one alternation ("jan|feb|...|dec"); followed by ``[a-z]*`` it
#: takes every written form ("Sept", "Sept.", "September").
MONTH_PREFIX_ALTERNATION = "|".join(MONTH_PREFIXES)
#: The three-letter weekday prefixes as one alternation ("mon|tue|...|sun").
WEEKDAY_PREFIX_ALTERNATION = "|".join(WEEKDAY_PREFIXES)
#: Every written form of a month, lower case, longest first, as one alternation (a regex tries
#: alternatives in order, so "september" is tried before "sept" and "sep").
MONTH_FORM_ALTERNATION = "|".join(sorted(MONTHS, key=lambda f: (-len(f), f)))

#: Month and weekday names in lower case, full forms only ("monday", "may"). Some are also names
#: ("May", "August"): what a capitalised one stands for is the caller's to decide.
CALENDAR_NAMES = frozenset(n.lower() for n in MONTH_NAMES + WEEKDAY_NAMES)


def month_number(word: str) -> int | None:
    """The month a written form names ("Jan.", "sept", "March" -> 3), or None for any other word."""
    return MONTHS.get(word.lower().rstrip("."))


__all__ = [
    "CALENDAR_NAMES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_ABBREVIATION_ALTERNATION",
    "MONTH_FORM_ALTERNATION",
    "MONTH_NAMES",
    "MONTH_NAME_ALTERNATION",
    "MONTH_PREFIXES",
    "MONTH_PREFIX_ALTERNATION",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "WEEKDAY_NAME_ALTERNATION",
    "WEEKDAY_PREFIXES",
    "WEEKDAY_PREFIX_ALTERNATION",
    "month_number",
]
