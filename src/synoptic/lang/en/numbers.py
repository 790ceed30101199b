"""English number words and the one reader of them.

The one table of number words in synoptic (``tests/project/test_one_definition.py`` fails when a second
appears in ``src``), as spaCy keeps its own in ``spacy/lang/en/lex_attrs.py``:

- ``UNITS`` ("one" ... "nine"), ``TEENS`` ("ten" ... "nineteen"), ``TENS`` ("twenty" ... "ninety") and
  ``CARDINALS`` (all of them and "zero": every one-word cardinal below a hundred);
- ``SCALES``: "hundred", "thousand", "million", "billion", "trillion" -> their value;
- ``ORDINALS``: the ordinals of the days of a month, "first" ... "thirty-first" -> 1 ... 31;
- ``DENOMINATORS``: the words of a fraction's denominator, "half", "thirds", "quarter" ... -> 2, 3, 4 ...;
- :func:`cardinal_word` gives a regex for them, ``CARDINAL_WORD`` the one with a hyphen or a space;
- :func:`number_value` reads a cardinal below a hundred written in words ("seven", "thirty-five",
  "twenty one").
"""

from __future__ import annotations

import re

#: "one" ... "nine".
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
#: "ten" ... "nineteen".
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
#: "twenty" ... "ninety": the tens that take a unit after them ("twenty-one").
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}  # fmt: skip
#: Every one-word cardinal below a hundred.
CARDINALS: dict[str, int] = {"zero": 0, **UNITS, **TEENS, **TENS}
#: The scale words of the short scale (English news): "two million" is 2e6.
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                          "trillion": 1_000_000_000_000}  # fmt: skip

_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINAL_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
#: The ordinals of the days of a month in words, "first" ... "thirty-first" -> 1 ... 31 (a date reads
#: "the ninth of January"; larger ordinals name no day).
ORDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(_ORDINAL_TEENS)},
    "twentieth": 20,
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)},
    "thirtieth": 30,
    "thirty-first": 31,
}


#: The denominators English writes as words in a fraction of a whole ("half", "a third", "two-thirds",
#: "three quarters", "a tenth"), singular and plural -> the denominator.
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    **{w: ORDINALS[w] for w in ("fifth", "sixth", "seventh", "eighth", "ninth", "tenth")},
    **{w + "s": ORDINALS[w] for w in ("fifth", "sixth", "seventh", "eighth", "ninth", "tenth")},
}


def cardinal_word(separator: str = r"[\s-]") -> str:
    """A regex for a cardinal from one to ninety-nine in words, compounds first ("thirty-five",
    "twenty one", "thirteen", "seven"), its compounds joined by ``separator`` (a regex); no group,
    no flags: the caller wraps and flags it."""
    return ("(?:(?:" + "|".join(TENS) + ")(?:" + separator + "(?:" + "|".join(UNITS) + "))?|"
            + "|".join(sorted({**UNITS, **TEENS}, key=len, reverse=True)) + ")")


#: :func:`cardinal_word` with a hyphen or a space between the parts of a compound.
CARDINAL_WORD = cardinal_word()


def number_value(words: str) -> int | None:
    """The value of a cardinal below a hundred written in words ("seven" 7, "Thirty-five" 35,
    "twenty one" 21, "zero" 0), or None when ``words`` is not one."""
    parts = re.split(r"[\s-]+", words.strip().lower())
    if len(parts) == 1:
        return CARDINALS.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None


__all__ = ["CARDINALS", "CARDINAL_WORD", "cardinal_word", "DENOMINATORS", "ORDINALS", "SCALES", "TEENS", "TENS", "UNITS", "number_value"]
