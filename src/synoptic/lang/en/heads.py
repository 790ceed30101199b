"""Head nouns that type a name by its own last word: "Surrey Police", "Timaru Herald" and "Sam's Club"
are organisations, "Mount Cook Village" a settlement, "Mount Sefton Bivvy" a building, whatever a
model guessed. Closed classes of English common nouns (organisation designators, newspaper mastheads,
settlement, landform and building nouns), never the names of one story.
"""

from __future__ import annotations

from synoptic.lang.en import names as _names
from synoptic.lang.en import placenames as _placenames

#: Last words of organisations' names: services and bodies, clubs and teams, and the words newspaper
#: and broadcaster mastheads end with ("Herald", "Times", "Gazette", "Tribune").
ORG_HEADS = _names.UNIT_NOUNS | _names.MEDIA_NOUNS | frozenset(
    "club clubs society association federation league union council committee commission authority board "
    "trust foundation institute institution university college academy school party company corporation "
    "firm bank group church mosque temple synagogue parish diocese hospital clinic "
    "herald times news post tribune gazette journal telegraph chronicle observer courier examiner express "
    "mail star sun mirror register bulletin dispatch inquirer enquirer sentinel record review press "
    "television tv radio channel network".split()
)
#: Plural last words of names that are no team's: organisation designators, events and the plural nouns of
#: places' names ("Qatar Airways", "Texas Instruments", "London Olympics", "Golan Heights", "Palm Springs",
#: "Grand Rapids").
TEAM_NOT_HEADS = frozenset(
    "airline airlines airways industries holdings services systems partners associates brothers bros "
    "communications instruments pharmaceuticals resources sports affairs forces nations games olympics "
    "championships awards masters heights keys emirates countries territories provinces lands "
    "springs rapids woods hills lakes plains pines palms meadows shores flats gardens oaks acres groves "
    "fields sands rocks downs moors wells cliffs isles bluffs ridges falls".split()
)
#: Last words of settlements' names (GPE).
SETTLEMENT_HEADS = frozenset("village town city township borough hamlet county state province".split())
#: Last words of natural features' and parks' names (LOC), and the words that start a mountain's name.
LANDFORM_HEADS = frozenset(
    "park mount mountain mountains peak range ridge glacier valley saddle pass col summit plateau hill hills "
    "lake river creek bay beach coast island islands peninsula forest reserve canyon gorge falls".split()
)
MOUNTAIN_WORDS = frozenset({"mount", "mt", "mt."})
#: Last words of buildings' and streets' names (FAC): the street types written out, and shelters,
#: stations and works.
FACILITY_HEADS = frozenset(_placenames.STREET_TYPE_ABBREVIATIONS.values()) | frozenset(
    "street avenue road boulevard lane drive square hut huts bivvy bivouac lodge cabin shelter refuge "
    "airport station terminal bridge tunnel tower building stadium arena hall store shop mall market "
    "centre center plant factory mill mine prison jail".split()
) - LANDFORM_HEADS - SETTLEMENT_HEADS


#: Last words of laws' names (LAW): "Endangered Species Act", "Fifth Amendment". Not "law" or "code", also
#: the last words of firms' and places' names ("Morgan Law", "Area Code").
LAW_HEADS = frozenset("act acts amendment statute ordinance".split())


#: Head nouns above that are also common English family names ("Kevin Hall", "Sarah Park", "Tom Church"):
#: a name ending with one is typed by its head only when the model did not call it a person.
SURNAME_HEADS = frozenset(
    "hall hill hills park lake church mill mine star sun post mail record press wood forest banks bay "
    "brook creek ford street lane field fields bridge tower towers rivers river beach grove glen green "
    "cross burns wells marsh moore ridge dale vale bush price rice reed range peak pass house court "
    "college temple mount mountain store shop hut cabin lodge union board".split()
)


def head_type(name: str) -> str | None:
    """The type a name's own words give it: ORG, LAW, GPE, LOC or FAC, or None. Read from the last word
    (a possessive's owner is no head: "Sam's" is not typed), or a mountain word before a capitalised
    word ("Aoraki Mount Cook")."""
    words = [w for w in name.replace("-", " ").split() if w]
    if len(words) < 2:
        return None
    last = words[-1].lower().rstrip(".")
    if last.endswith(("'s", "’s")):
        return None
    last = _placenames.STREET_TYPE_ABBREVIATIONS.get(last, last) if last not in ORG_HEADS else last
    if last in ORG_HEADS:
        return "ORG"
    if last in LAW_HEADS and words[-1][:1].isupper():
        return "LAW"
    if last in SETTLEMENT_HEADS:
        return "GPE"
    if last in LANDFORM_HEADS:
        return "LOC"
    if last in FACILITY_HEADS:
        return "FAC"
    if any(w.lower() in MOUNTAIN_WORDS and nxt[:1].isupper() for w, nxt in zip(words, words[1:], strict=False)):
        return "LOC"
    return None


__all__ = ["SURNAME_HEADS", "FACILITY_HEADS", "LANDFORM_HEADS", "LAW_HEADS", "ORG_HEADS", "SETTLEMENT_HEADS", "head_type"]
