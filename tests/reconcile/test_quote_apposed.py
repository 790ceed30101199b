"""Quote groups: a speaker given by role words with the person's name in apposition after them."""

from __future__ import annotations

from synoptic.reconcile import quote_groups
from synoptic.records import Article, Extraction, Mention, Quote

WORDS = "No one was hurt in the fire although a handful of people were inside the hall"


def _article(aid: str, text: str, speaker: str, person: str, entity: str | None) -> tuple[Article, Extraction]:
    s0, sp, pp = text.index(WORDS), text.index(speaker), text.index(person)
    q = Quote(text=WORDS, start=s0, end=s0 + len(WORDS), kind="indirect", speaker=speaker, speaker_start=sp,
              speaker_end=sp + len(speaker), entity=entity, cue="said", article=aid)
    m = Mention(text=person, type="PERSON", start=pp, end=pp + len(person), article=aid, entity="Tom Reed")
    return Article(id=aid, text=text), Extraction(article=aid, quotes=[q], mentions=[m])


def test_role_words_then_the_name_give_the_statement_to_the_person() -> None:
    a = _article("a", f"{WORDS}, said the town's fire chief, Tom Reed.", "the town's fire chief", "Tom Reed", None)
    b = _article("b", f"Fire Chief Tom Reed said {WORDS}.", "Tom Reed", "Tom Reed", "Tom Reed")
    (group,) = quote_groups([a[0], b[0]], [a[1], b[1]])
    assert group.speaker == "Tom Reed"
    assert {v.article for v in group.variants} == {"a", "b"}


def test_a_source_then_a_name_is_no_apposition() -> None:
    text = f"{WORDS}, according to police, Tom Reed, 36, was arrested later."
    a = _article("a", text, "police", "Tom Reed", None)
    (group,) = quote_groups([a[0]], [a[1]])
    assert group.speaker != "Tom Reed"
