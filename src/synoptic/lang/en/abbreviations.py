"""Words English news writes with a full stop inside a sentence: a full stop after one of them does
not end the sentence ("Vice Adm. Bill Gortney said", "Acme Corp. and", "on Jan. 6").

One table for every sentence splitter that needs it (``extract/quotes.py``, ``extract/timex.py``).
"""

from __future__ import annotations

from synoptic.lang.en.calendar import MONTH_ABBREVIATIONS

#: Titles, ranks and styles written before a name, and the suffixes written after one.
NAME_ABBREVIATIONS = frozenset(
    # courtesy titles and name suffixes
    "mr mrs ms messrs mmes dr prof st hon jr sr esq "
    # civil offices ("Gov.", "Atty. Gen.", "Dist. Atty.", "Supt.", "Asst. Sec.", "Amb.", "Pres.", "Cllr.", "Ald.", "Commr.")
    "sen rep gov pres amb atty dist dep asst supt cllr ald commr comm "
    # military ranks, Army/Navy/Air Force/Marines ("Pfc.", "Spc.", "Sgt. Maj.", "Lt. Cmdr.", "Cmdre.", "Ens.")
    "pvt pfc spc cpl sgt ssgt msgt sfc cwo lt lieut capt cpt maj col brig gen adm cmdr comdr cdr lcdr cmdre "
    "ens "
    # police ranks (Canada's "Const."/"Cst.", "Insp.", "Det.", "Ofc.")
    "const cst insp det ofc "
    # clerical styles ("Rev.", "Fr.", "Msgr.")
    "rev fr msgr".split()
)
#: Company forms, country initials and other short forms.
OTHER_ABBREVIATIONS = frozenset("inc corp co ltd bros no vs etc mt ft u.s u.k u.n".split())
#: Every word after which a full stop is not a sentence end.
ABBREVIATIONS = NAME_ABBREVIATIONS | OTHER_ABBREVIATIONS | frozenset(MONTH_ABBREVIATIONS)
