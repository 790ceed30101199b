"""British and American spellings of one English word, for comparing names (never for rewriting them):
"Promises Treatment Centre" is "Promises Treatment Center", "Ministry of Defence" is "Ministry of Defense",
"Labour Department" is "Labor Department".

The regular classes of the differences (Oxford/Cambridge vs Merriam-Webster): "-re"/"-er" (centre), "-our"/"-or"
(colour), "-ence"/"-ense" (defence), "-isation"/"-ization" (organisation), "-ogue"/"-og" (catalogue), "ae"/"oe"
against "e" (paediatric, manoeuvre), and the single words that differ otherwise
(programme, cheque, tyre, aluminium). A stem table is used for the classes whose endings are also
ordinary English endings elsewhere ("-our" of "four", "hour", "tour"; "-re" of "acre", "genre"). Doubled
consonants ("travelled") need no table: name keys collapse them.
"""

from __future__ import annotations

import re

#: British stems -> American stems, matched at the start of a lower-case word ("centres", "neighbourhood",
#: "honourable" too). The "-re" words, the "-our" words and the "-ence" words.
_STEMS: dict[str, str] = {
    # -re / -er
    "centre": "center", "theatre": "theater", "metre": "meter", "litre": "liter", "fibre": "fiber",
    "calibre": "caliber", "sabre": "saber", "sombre": "somber", "spectre": "specter", "lustre": "luster",
    "meagre": "meager", "mitre": "miter", "ochre": "ocher", "sceptre": "scepter", "goitre": "goiter",
    "reconnoitre": "reconnoiter", "sepulchre": "sepulcher", "saltpetre": "saltpeter", "manoeuvre": "maneuver",
    "kilometre": "kilometer", "centimetre": "centimeter", "millimetre": "millimeter",
    # -our / -or
    "ardour": "ardor", "armour": "armor", "behaviour": "behavior", "candour": "candor", "clamour": "clamor",
    "colour": "color", "demeanour": "demeanor", "endeavour": "endeavor", "favour": "favor", "fervour": "fervor",
    "flavour": "flavor", "harbour": "harbor", "honour": "honor", "humour": "humor", "labour": "labor",
    "neighbour": "neighbor", "odour": "odor", "parlour": "parlor", "rancour": "rancor", "rigour": "rigor",
    "rumour": "rumor", "saviour": "savior", "savour": "savor", "splendour": "splendor", "tumour": "tumor",
    "valour": "valor", "vapour": "vapor", "vigour": "vigor", "arbour": "arbor", "harbourside": "harborside",
    # -ence / -ense
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    # -ogue / -og
    "catalogue": "catalog", "analogue": "analog", "dialogue": "dialog", "prologue": "prolog",
    # ae, oe / e
    "paediatric": "pediatric", "orthopaedic": "orthopedic", "anaesthe": "anesthe", "haemo": "hemo",
    "haema": "hema", "gynaeco": "gyneco", "encyclopaedi": "encyclopedi", "oesophag": "esophag", "foetal": "fetal",
    "foetus": "fetus", "oestrogen": "estrogen", "leukaemia": "leukemia", "diarrhoea": "diarrhea",
    # single words (not those that are also family or place names: Grey, Storey, Tyre)
    "programme": "program", "cheque": "check", "aluminium": "aluminum", "jewellery": "jewelry",
    "sceptic": "skeptic", "moustache": "mustache", "pyjama": "pajama", "smoulder": "smolder",
    "enrolment": "enrollment", "fulfil": "fulfill", "instalment": "installment", "judgement": "judgment",
    "ageing": "aging",
}
_STEM_RE = re.compile("^(?:" + "|".join(sorted(map(re.escape, _STEMS), key=len, reverse=True)) + ")")
#: "-isation", "-ise" endings of nouns and verbs made from them ("organisation", "privatisations").
_ISATION = re.compile(r"isation(s?)$")


def american(word: str) -> str:
    """The American spelling of a lower-case English word ("centre" -> "center", "organisations" ->
    "organizations", "honourable" -> "honorable"); other words as they are."""
    word = _STEM_RE.sub(lambda m: _STEMS[m.group()], word, count=1)
    return _ISATION.sub(r"ization\1", word)


__all__ = ["american"]
