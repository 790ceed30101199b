"""What a figure counts, read from the dependency parse of its sentence: the counted noun, what
happened to it, where or among whom, and when, so that reconcile compares figures without
re-reading the text.

For each figure (:func:`synoptic.extract.figures.find_figures` finds them), the sentence holding it
is parsed once (:func:`synoptic.extract.models.parse_many`, shared with the other stages) and:

1. the number's token is found and climbed to the head of its quantity ("$ 160 million" ->
   "million");
2. the counted noun is the noun the quantity modifies, through compounds ("seven AK-47 assault
   rifles" -> "rifles", with "ak-47" and "assault" as modifiers); where the number stands alone
   ("took 23 into custody", "12 are Somali") there is none, unless "of the raiders" names it;
3. the predicate is the first verb above the counted noun (or the number), or an event word in the
   noun itself ("deaths", "arrests") or in a preposition ("under arrest"); it is kept as its class
   (:mod:`synoptic.lang.en.predicates`: "nabbed" -> detained, "lost their lives" -> killed) or
   else as the verb itself;
4. the scope is the proper nouns under the prepositions of the noun and of the verb ("in Athens",
   "off Aden"); the time reference is a year or a relative period ("in 2014", "last year", "this
   year", "in November") in those same phrases; a subgroup is a figure written after "of whom",
   "among them", "including";
5. the context is the content words of the sentence (the number left out), used to tell two
   reports of one fact from two facts that share a noun.

Everything is set on the :class:`~synoptic.records.Figure` records in place of nothing: new fields
only (``dimension``, ``counted``, ``noun``, ``modifiers``, ``predicate``, ``scope``, ``time_ref``,
``subgroup``, ``context``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from synoptic.lang.en.predicates import predicate_class
from synoptic.lang.en.units import dimension as unit_dimension
from synoptic.records import Figure

# How far (characters) before a number "of whom" / "including" makes it a subgroup.
SUBGROUP_CHARS = 25
# How many heads up from the counted noun the governing verb is looked for.
MAX_CLIMB = 6

_SUBGROUP_BEFORE = re.compile(r"\b(?:of\s+(?:whom|which)|among\s+(?:them|whom|those)|including|includ(?:es|ed))\b"
                              r"[^.;:!?]{0," + str(SUBGROUP_CHARS) + r"}$", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_PERIODS = ("year", "month", "week", "decade", "century")
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                       "yesterday", "tonight"))
_SPEECH = frozenset(("say", "said", "says", "tell", "told", "report", "reported", "reports", "add", "added",
                     "announce", "announced", "state", "stated", "claim", "claimed", "estimate", "estimated",
                     "confirm", "confirmed", "according", "accord", "show", "showed", "shows", "be", "is", "are",
                     "was", "were", "been", "have", "has", "had", "become", "became", "make", "made", "include",
                     "included", "includes", "including", "leave", "left", "remain", "remained", "bring", "brought"))
_QUANTITY_DEPS = frozenset(("nummod", "compound", "quantmod", "amod", "npadvmod", "nmod", "advmod", "det", "appos"))
_NOUNS = frozenset(("NOUN", "PROPN"))
# Relations through which the verb above is not the counted thing's verb.
_NO_CLIMB = frozenset(("appos", "npadvmod", "parataxis", "dep", "meta", "list"))
_STOP_CONTEXT = frozenset(("the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from",
                           "that", "this", "these", "those", "it", "its", "their", "his", "her", "he", "she", "they",
                           "we", "said", "says", "say", "told", "was", "were", "is", "are", "be", "been", "have", "has",
                           "had", "more", "than", "about", "some", "least", "other", "others", "also", "mr", "per"))


def dimension_of(fig: Figure) -> str:
    """What kind of quantity a figure is: money:<ISO>, percent, duration, age, a unit's dimension
    (length, mass, area, ...) or count."""
    cat, unit = fig.category, fig.unit
    if cat == "money" and unit:
        return f"money:{unit}"
    if cat == "percent":
        return "percent"
    if cat in ("duration", "age"):
        return cat
    if cat == "measure" and unit:
        dim = unit_dimension(unit)
        return dim[0] if dim else f"unit:{unit}"
    return "count"


#: Durations in days.
DURATION_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0,
                 "months": 30.4375, "years": 365.25, "decades": 3652.5}


def base_value(fig: Figure, value: float | None) -> float | None:
    """``value`` of ``fig`` in its dimension's base unit (kilometres and miles both as metres,
    decades and years both as days)."""
    if value is None:
        return value
    if fig.category == "duration" and fig.unit in DURATION_DAYS:
        return value * DURATION_DAYS[fig.unit]
    if fig.category != "measure":
        return value
    dim = unit_dimension(fig.unit)
    return value * dim[1] if dim else value


# English plurals in -ves whose singular ends in -f or -fe.
_VES = {"thieves": "thief", "knives": "knife", "lives": "life", "wives": "wife", "halves": "half", "wolves": "wolf",
        "shelves": "shelf", "leaves": "leaf", "loaves": "loaf", "selves": "self", "calves": "calf", "scarves": "scarf"}


def noun_key(word: str) -> str:
    """A counted noun compared across reports: lower case, singular ("rifles" -> "rifle")."""
    w = word.lower().strip("'’\"“”")
    if w in _VES:
        return _VES[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:ches|shes|sses|xes)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")) and w not in ("this", "thus", "series"):
        return w[:-1]
    if w in ("men", "women", "children", "people", "persons"):
        return {"men": "man", "women": "woman", "children": "child", "persons": "people"}.get(w, w)
    return w


def _number_token(doc: Any, start: int, end: int) -> Any:
    """The token of the figure's number in ``doc`` (offsets relative to the sentence)."""
    inside = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not inside:
        return None
    nums = [t for t in inside if t.like_num or t.tag_ == "CD" or any(c.isdigit() for c in t.text)]
    return (nums or inside)[-1]


def _climb_quantity(tok: Any) -> Any:
    """The head of a quantity ("160" -> "million" in "$160 million")."""
    seen = 0
    while seen < 4 and tok.head is not tok and tok.dep_ in _QUANTITY_DEPS and (
            tok.head.tag_ == "CD" or tok.head.like_num or tok.head.tag_ == "$"):
        tok = tok.head
        seen += 1
    return tok


def _counted_noun(anchor: Any) -> tuple[Any, bool]:
    """(the counted noun, whether it came from an "of" phrase) for a quantity's head token."""
    noun = None
    if anchor.dep_ in _QUANTITY_DEPS and anchor.head is not anchor and anchor.head.pos_ in _NOUNS \
            and anchor.head.i > anchor.i:
        noun = anchor.head
        steps = 0
        # "seven AK-47 assault rifles": AK-47 and assault are compounds of rifles
        while steps < 3 and noun.dep_ in ("compound", "nummod", "amod") and noun.head.pos_ in _NOUNS \
                and noun.head.i > noun.i:
            noun = noun.head
            steps += 1
        return noun, False
    for child in anchor.children:  # "23 of the raiders"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in _NOUNS:
                    return pobj, True
    return None, False


def _predicate(noun: Any, anchor: Any, via_of: bool = False) -> tuple[str | None, Any]:
    """(predicate class or verb, the governing verb token) of a counted noun or a bare number."""
    start = noun if noun is not None else anchor
    # an event word in the counted thing itself ("18 deaths", "86 arrests", "18 victims")
    for t in (start, anchor):
        cls = predicate_class(t.lower_) if t.pos_ in _NOUNS or t.pos_ == "ADJ" else None
        if cls:
            return cls, None
    # "damaged shops", "3 thousand under arrest", "18 dead": a participle or event word beside it
    # (a relative clause only when the verb above says no event: in "captured 23 pirates who
    # attacked a vessel" what happened to the 23 is the capture; and not the participle of a whole
    # the number is part of: in "17 of the hijacked ships are still held" it is the holding)
    relative: tuple[str, Any] | None = None
    for t in ([] if via_of else list(start.children)) + list(anchor.children):
        if t.dep_ == "relcl" and t.i != start.i and relative is None:
            cls = predicate_class(t.lower_)
            if cls:
                relative = (cls, t)
        if t.dep_ in ("amod", "acl", "acomp") and t.i != start.i:
            cls = predicate_class(t.lower_)
            if cls:
                return cls, t
        if t.dep_ == "prep":
            for pobj in t.children:
                cls = predicate_class(pobj.lower_) if pobj.dep_ == "pobj" else None
                if cls and t.lower_ in ("under", "in", "into"):
                    return cls, pobj
    tok = start
    for _ in range(MAX_CLIMB):
        if tok.head is tok or tok.dep_ in _NO_CLIMB:
            break  # "Somalia and Yemen, two countries": an apposition is not the verb's object
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod")):
            if tok.lower_ in _SPEECH and tok.lemma_ not in ("",):
                # "were" / "said": look at a complement or participle below it
                for c in tok.children:
                    if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and c.i != start.i:
                        cls = predicate_class(c.lower_)
                        if cls:
                            return cls, c
                if tok.lower_ in ("be", "is", "are", "was", "were", "been"):
                    continue
                return relative or (None, tok)
            cls = predicate_class(tok.lower_)
            if cls is None:
                # "took ... into custody", "lost their lives", "set fire to": the verb with its object
                for c in tok.children:
                    if c.dep_ in ("prep", "dobj", "prt"):
                        words = [c.lower_] + [g.lower_ for g in c.children if g.dep_ in ("pobj", "dobj")]
                        for w in words:
                            cls = predicate_class(f"{tok.lower_} {w}") or (predicate_class(w) if c.dep_ == "prep" else None)
                            if cls:
                                return cls, tok
                return relative or (noun_key(tok.lower_), tok)
            return cls, tok
    return relative or (None, None)


def _phrases_of(tok: Any) -> list[Any]:
    """The prepositional phrases and adverbial nouns hanging from ``tok`` (not from its clauses)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "npadvmod", "advmod", "tmod", "pobj"):
            out.append(c)
    return out


def _scope_and_time(noun: Any, anchor: Any, verb: Any) -> tuple[list[str], list[str]]:
    places: list[str] = []
    times: list[str] = []
    heads = [t for t in (noun, anchor, verb) if t is not None]
    for h in heads:
        for ph in _phrases_of(h):
            toks = list(ph.subtree)
            if len(toks) > 12:
                toks = toks[:12]
            words = [t.lower_ for t in toks]
            for i, t in enumerate(toks):
                if t.tag_ == "CD" and re.fullmatch(r"(?:19|20)\d\d", t.text):
                    times.append(t.text)
                elif t.lower_ in _PERIODS and i > 0 and words[i - 1] in ("this", "last", "next", "previous", "past"):
                    times.append(f"{words[i - 1]} {t.lower_}")
                elif t.lower_ in _MONTHS:
                    times.append(t.lower_)
                elif t.pos_ == "PROPN" and t.lower_ not in _MONTHS and t.lower_ not in _WEEKDAYS:
                    places.append(t.lower_)
    return sorted(set(places)), sorted(set(times))


def _sentence_spans(text: str, figures: Sequence[Figure]) -> list[tuple[int, int]]:
    import bisect

    from synoptic.extract.figures import _sentences

    spans = _sentences(text)
    if not spans:
        return [(0, len(text)) for _ in figures]
    ends = [e for _, e in spans]
    # each figure on its own: find_figures does not return figures in text order (ranges come first)
    return [spans[min(bisect.bisect_right(ends, f.start), len(spans) - 1)] for f in figures]


def read_figures_many(items: Sequence[tuple[str, list[Figure]]]) -> None:
    """:func:`read_figures` for many texts, their sentences parsed in one batch (faster than one
    parse call per text)."""
    from synoptic.extract.models import parse_many

    spans = [_sentence_spans(text, figs) if figs else [] for text, figs in items]
    parse_many([text[s0:s1] for (text, _figs), sp in zip(items, spans, strict=True) for s0, s1 in sp])
    for (text, figs), sp in zip(items, spans, strict=True):
        if figs:
            read_figures(text, figs, sp)


def read_figures(text: str, figures: list[Figure],
                 spans: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Steps 1-5 of the module docstring: set what each figure counts (in place; also returned)."""
    if not figures:
        return figures
    from synoptic.extract.models import parse_many

    spans = spans if spans is not None else _sentence_spans(text, figures)
    sentences = [text[s0:s1] for s0, s1 in spans]
    unique = list(dict.fromkeys(sentences))
    docs = dict(zip(unique, parse_many(unique), strict=True))
    for fig, (s0, _s1), sentence in zip(figures, spans, sentences, strict=True):
        fig.dimension = dimension_of(fig)
        doc = docs.get(sentence)
        before = text[max(s0, fig.start - SUBGROUP_CHARS - 20):fig.start]
        fig.subgroup = bool(_SUBGROUP_BEFORE.search(before))
        if doc is None:
            continue
        tok = _number_token(doc, fig.start - s0, fig.end - s0)  # 1
        if tok is None:
            continue
        anchor = _climb_quantity(tok)
        noun, via_of = _counted_noun(anchor)  # 2
        if fig.category == "measure" and noun is not None and unit_dimension(noun.lower_) is not None:
            # "the 300-metre bridge", "a depth of 12 metres": what is measured, not the unit's word
            unit_tok = noun
            noun = None
            if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ == "of" and unit_tok.head.head.pos_ in _NOUNS:
                noun = unit_tok.head.head
            elif unit_tok.dep_ in ("compound", "amod", "nmod", "nummod") and unit_tok.head.pos_ in _NOUNS \
                    and unit_tok.head.i > unit_tok.i:
                noun = unit_tok.head
            if noun is not None:
                fig.noun = noun_key(noun.text)
            noun = None
            via_of = True
        if fig.category == "percent":
            # "52% of the vote", "12% of world trade": a share is of what the "of" phrase names
            share = noun if noun is not None else anchor
            noun = None
            for child in share.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.pos_ in _NOUNS:
                        fig.noun = noun_key(pobj.text)
                        fig.modifiers = tuple(sorted(t.lower_ for t in pobj.children
                                                     if t.dep_ in ("compound", "amod")))
            via_of = True
        if noun is not None and noun.text[:1].isupper() and noun.i > 0 and noun.tag_ in ("NNPS", "NNP", "JJ"):
            # "12 Somalis", "11 Yemeni": a nationality or a name says who they are, not what is counted
            fig.modifiers = (noun.lower_.rstrip("s"),)
            if not via_of and fig.start <= noun.idx + s0:
                fig.counted = text[fig.start:noun.idx + len(noun.text) + s0]
            noun = None
        if noun is not None:
            fig.noun = noun_key(noun.text)
            # "420 passengers and crew": the number counts the union, not the first noun alone (only
            # a bare noun right after "and": "23 pirates and a cache of arms" lists two things)
            union = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i == noun.i + 2
                     and c.doc[noun.i + 1].dep_ == "cc" and not list(c.children)]
            if union:
                fig.noun = " and ".join([fig.noun, *(noun_key(c.text) for c in union)])
            mods = [t.lower_ for t in noun.children
                    if t.dep_ in ("compound", "amod", "nmod", "nummod") and t.i != anchor.i and not t.like_num
                    and t.tag_ != "CD"]
            mods += [t.lower_ for t in noun.children if t.dep_ == "conj" and t.pos_ == "ADJ"]
            for m in [t for t in noun.children if t.dep_ == "amod"]:
                mods += [c.lower_ for c in m.children if c.dep_ == "conj"]
            fig.modifiers = tuple(sorted({m.rstrip("s") if m[:1].isalpha() and m.endswith("is") else m for m in mods}))
            end = noun.idx + len(noun.text) + s0
            if not via_of and fig.start <= noun.idx + s0 and end - fig.start <= 80:
                fig.counted = text[fig.start:end]
        pred, verb = _predicate(noun, anchor, via_of)  # 3
        fig.predicate = pred
        places, times = _scope_and_time(noun, anchor, verb)  # 4
        fig.scope = " ".join(places) or None
        fig.time_ref = " ".join(times) or None
        lo, hi = tok.idx, tok.idx + len(tok.text)
        fig.context = tuple(sorted({t.lower_ for t in doc  # 5
                                    if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.like_num
                                    and t.lower_ not in _STOP_CONTEXT and not (lo <= t.idx < hi)
                                    and len(t.text) > 2}))
    return figures


__all__ = ["base_value", "dimension_of", "noun_key", "read_figures", "read_figures_many"]
