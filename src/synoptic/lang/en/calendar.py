"""The English calendar: month and weekday names, their abbreviations, regex alternations of them, and holidays.

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
    "NAMED_WEEKDAY_DAYS",
    "month_number",
]


#: Holidays with one date everywhere the Gregorian calendar is kept: fixed days (month, day), and
#: the days of Western Easter (days from Easter Sunday). National days differ by country: left out.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "all saints' day": (11, 1), "may day": (5, 1),
    # the fixed US federal holidays (those set on a weekday: WEEKDAY_HOLIDAYS); not "Independence
    # Day", which many countries keep on their own date
    "fourth of july": (7, 4), "veterans day": (11, 11),
}  # fmt: skip
#: The movable feasts of the Easter cycle, in days from Western Easter Sunday.
EASTER_HOLIDAYS = {
    "ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3, "good friday": -2, "holy saturday": -1,
    "easter sunday": 0, "easter": 0, "easter monday": 1, "ascension day": 39, "pentecost": 49,
    "whit sunday": 49, "whit monday": 50,
}  # fmt: skip
#: The US federal holidays set on a weekday of a month, with Mother's and Father's Day and the day
#: after Thanksgiving: (month, weekday 0=Monday, which one: 1 = first ... -1 = last, days after it).
#: US Election Day (the Tuesday after the first Monday of November) is matched only capitalised
#: (``synoptic.extract.timex._ELECTION_DAY``): "election day" elsewhere is any country's. The fixed US ones are in
#: FIXED_HOLIDAYS. (A guideline rule: TimeML gives holidays their date; read from neither half.)
WEEKDAY_HOLIDAYS = {
    "martin luther king day": (1, 0, 3, 0), "martin luther king jr. day": (1, 0, 3, 0),
    "presidents' day": (2, 0, 3, 0), "presidents day": (2, 0, 3, 0), "memorial day": (5, 0, -1, 0),
    "labor day": (9, 0, 1, 0), "columbus day": (10, 0, 2, 0), "thanksgiving day": (11, 3, 4, 0),
    "thanksgiving": (11, 3, 4, 0), "black friday": (11, 3, 4, 1), "mother's day": (5, 6, 2, 0),
    "father's day": (6, 6, 3, 0), "election day": (11, 0, 1, 1),
}  # fmt: skip

#: Days English names by an epithet and a weekday, which are no reference to a weekday of the report's
#: week: the market crashes with one date ("Black Monday" 1987-10-19, "Black Tuesday" 1929-10-29,
#: "Black Thursday" 1929-10-24, as TimeML gives a named day its date), and the named days that recur
#: each year or name no one day (None: "Cyber Monday", "Giving Tuesday", "Bloody Sunday", "Blue
#: Monday"). "Black Friday" is a holiday of WEEKDAY_HOLIDAYS, the Easter cycle's in EASTER_HOLIDAYS.
#: "Super Tuesday" is left to the weekday rules: in the primaries' news it is mostly the Tuesday the
#: tense points to (on sampled PolNeAR texts 45 of 59 read right that way, 40 of them in one live
#: report of the day itself; as no date they were lost).
NAMED_WEEKDAY_DAYS: dict[str, tuple[int, int, int] | None] = {
    "black monday": (1987, 10, 19), "black tuesday": (1929, 10, 29), "black thursday": (1929, 10, 24),
    "cyber monday": None, "giving tuesday": None, "bloody sunday": None,
    "blue monday": None,
}  # fmt: skip
