"""Quote groups (review9 items 9, 10): speakers shown under the story's names; a country's statement and a
person's statement kept apart unless the country's repeats the person's words."""

from __future__ import annotations

from synoptic.reconcile import quote_groups
from synoptic.reconcile.quotes import _story_name, _StoryNames
from synoptic.records import Article, Extraction, Mention, Quote


def _names(*pairs: tuple[str, str, str]) -> _StoryNames:
    ms = [Mention(text=text, type=label, start=0, end=len(text), article="a", entity=entity)
          for text, label, entity in pairs]
    return _StoryNames([Extraction(article="a", mentions=ms)])


def test_a_speaker_is_shown_under_the_story_name_of_the_body_or_person():
    names = _names(("ISNA", "ORG", "ISNA"), ("Vancouver police", "ORG", "Vancouver Police"),
                   ("TallGrass", "ORG", "TallGrass Distribution Ltd"), ("Iran", "GPE", "Iran"),
                   ("Atlanta Journal-Constitution", "ORG", "Atlanta Journal-Constitution"))
    assert _story_name("the student ISNA news agency", names) == "ISNA"
    assert _story_name("ISNA news agency", names) == "ISNA"
    assert _story_name("police", names) == "Vancouver Police"
    assert _story_name("Police", names) == "Vancouver Police"
    assert _story_name("The Journal-Constitution", names) == "Atlanta Journal-Constitution"
    assert _story_name("TallGrass, a wholesaler of natural health products,", names) == "TallGrass Distribution Ltd"
    assert _story_name("Iran's state television", names) == "Iran's state television"  # not Iran itself
    assert _story_name("Hospital officials", names) == "Hospital officials"
    assert _story_name("an ISNA spokesman", names) == "an ISNA spokesman"  # a body's voice stays one


def test_police_is_not_named_when_the_story_has_two_forces():
    names = _names(("Vancouver Police", "ORG", "Vancouver Police"), ("Ontario Provincial Police", "ORG", "OPP"))
    assert _story_name("police", names) == "police"


def _quote(aid: str, text: str, words: str, speaker: str, entity: str, etype: str) -> tuple[Article, Extraction]:
    s0, sp = text.index(words), text.index(speaker)
    q = Quote(text=words, start=s0, end=s0 + len(words), kind="indirect", speaker=speaker, speaker_start=sp,
              speaker_end=sp + len(speaker), entity=entity, cue="said", article=aid)
    m = Mention(text=speaker, type=etype, start=sp, end=sp + len(speaker), article=aid, entity=entity)
    return Article(id=aid, text=text), Extraction(article=aid, quotes=[q], mentions=[m])


PERSON_SAYS = "the protesters burned tyres because the Taliban exploited their anger over the holy book"
COUNTRY_SAYS = "the Taliban exploited their anger over the holy book because the protesters burned tyres"


def test_a_country_statement_joins_a_person_only_through_a_run_of_the_person_words():
    a, ea = _quote("a", f"Mohammad Fahim said {PERSON_SAYS}.", PERSON_SAYS, "Mohammad Fahim", "Mohammad Fahim", "PERSON")
    shuffled = "the holy book angered them, the Taliban exploited it, tyres were burned by protesters"
    b, eb = _quote("b", f"Afghanistan said {shuffled}.", shuffled, "Afghanistan", "Afghanistan", "GPE")
    groups = quote_groups([a, b], [ea, eb])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a"]]  # the country's is left out
    c, ec = _quote("c", f"Afghanistan said {COUNTRY_SAYS}.", COUNTRY_SAYS, "Afghanistan", "Afghanistan", "GPE")
    groups = quote_groups([a, c], [ea, ec])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a", "c"]]
    assert groups[0].speaker == "Mohammad Fahim"
