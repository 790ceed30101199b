"""Words English news writes with a full stop inside a sentence: a full stop after one of them does
not end the sentence ("Vice Adm. Bill Gortney said", "Acme Corp. and", "on Jan. 6").

One table for every sentence splitter that needs it (``extract/quotes.py``, ``extract/timex.py``).
"""

from __future__ import annotations

from synoptic.lang.en.calendar import MONTH_ABBREVIATIONS

#: Titles, ranks and styles written before a name, and the suffixes written after one.
NAME_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen lt lieut col maj brig adm capt cmdr comdr sgt det pvt cpl supt insp "
    "rev fr hon jr sr".split()
)
#: Company forms, country initials and other short forms.
OTHER_ABBREVIATIONS = frozenset("inc corp co ltd bros no vs etc mt ft u.s u.k u.n".split())
#: Every word after which a full stop is not a sentence end.
ABBREVIATIONS = NAME_ABBREVIATIONS | OTHER_ABBREVIATIONS | frozenset(MONTH_ABBREVIATIONS)
