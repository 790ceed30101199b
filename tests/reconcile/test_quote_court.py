"""A court, its judges and their ruling speak as one body (round 16): their statements are compared as one
speaker's and join a named judge's version of the same words; documents and data are no described person; a
place before a body's noun is not an organisation of the story named after the place. Sentences written for
these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from synoptic.reconcile import quote_groups
from synoptic.reconcile.quotes import _is_court, _is_described, _speaker_key, _story_name, _StoryNames
from synoptic.records import Article, Extraction, Mention, Quote

SAID = "the council must now bend its efforts to rehousing the families before the winter comes"
PROVEN = "if proven, these are grave failures of the council indeed"


def _quoted(aid: str, text: str, words: str, speaker: str, entity: str | None, etype: str | None,
            kind: str = "indirect") -> tuple[Article, Extraction]:
    s0, sp = text.index(words), text.index(speaker)
    q = Quote(text=words, start=s0, end=s0 + len(words), kind=kind, speaker=speaker, speaker_start=sp,
              speaker_end=sp + len(speaker), entity=entity, cue="said", article=aid)
    ms = [Mention(text=speaker, type=etype, start=sp, end=sp + len(speaker), article=aid, entity=entity)] if etype else []
    return Article(id=aid, text=text), Extraction(article=aid, quotes=[q], mentions=ms)


@pytest.mark.parametrize("name", ["the judges", "The High Court", "Appeal judges", "the ruling", "Their ruling",
                                  "Court of Appeal", "the justices"])
def test_court_speakers_share_one_block(name: str) -> None:
    assert _is_court(name) and _speaker_key(name) == "court"


@pytest.mark.parametrize("name", ["Ian Burnett", "the police", "the ministry", "Emma Norton", "the map"])
def test_others_are_no_court(name: str) -> None:
    assert not _is_court(name)
    assert not _is_court("Judge Mary Hale", "PERSON")


def test_judges_and_their_ruling_group_across_articles_and_join_the_named_judge() -> None:
    a, ea = _quoted("a", f"In his judgment, Burnett said {SAID}.", SAID, "Burnett", "Ian Burnett", "PERSON")
    b, eb = _quoted("b", f"The judges said {SAID}.", SAID, "The judges", None, None)
    c, ec = _quoted("c", f"Their ruling said {SAID}.", SAID, "Their ruling", None, None)
    groups = quote_groups([a, b, c], [ea, eb, ec])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a", "b", "c"]]
    assert groups[0].speaker == "Ian Burnett"
    # without a named judge: the judges speak, not their ruling
    groups = quote_groups([b, c], [eb, ec])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["b", "c"]]
    assert groups[0].speaker == "The judges"
    d, ed = _quoted("d", f"“{PROVEN},” the ruling says.", PROVEN, "the ruling", None, None, "direct")
    e, ee = _quoted("e", f"The High Court said: “{PROVEN}.”", PROVEN, "The High Court", "High Court", "ORG", "direct")
    groups = quote_groups([d, e], [ed, ee])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["d", "e"]]
    assert groups[0].speaker == "High Court"


def test_a_map_or_a_report_is_no_described_person() -> None:
    for name in ("the map", "the report", "the study", "the ruling", "the judges"):
        assert not _is_described(name)
    assert _is_described("the actress")


def test_data_does_not_join_a_person_s_statement() -> None:
    person = "a lot of states are collecting five to six pounds of old electronics per person per year"
    data = "the biggest producer of old electronics is the United States, about 29 kilograms per person per year"
    a, ea = _quoted("a", f"Jason Lind said {person}.", person, "Jason Lind", "Jason Lind", "PERSON")
    b, eb = _quoted("b", f"But {data}, according to the map.", data, "the map", None, None)
    groups = quote_groups([a, b], [ea, eb])
    assert not any({v.article for v in g.variants} == {"a", "b"} for g in groups)


def test_a_place_before_a_body_is_not_an_organisation_named_after_it() -> None:
    ms = [Mention(text=t, type="ORG", start=0, end=len(t), article="a", entity=t)
          for t in ("University of Hawaii", "ISNA", "Starland")]
    names = _StoryNames([Extraction(article="a", mentions=ms)])
    assert _story_name("Hawaii police", names) == "Hawaii police"
    assert _story_name("the student ISNA news agency", names) == "ISNA"
    # a name before a person's noun is what the person is known for, not the person
    assert _story_name("the Starland star", names) == "the Starland star"


def test_words_a_newspaper_printed_are_not_the_newspaper_s() -> None:
    text = ("In court, the family's barrister, Edward Hale QC, argued that the boy should stay at home. "
            "“There's a very real risk that he would not survive it,” The Chronicle reported at the time.")
    words = "There's a very real risk that he would not survive it,"
    s0, sp = text.index(words), text.index("The Chronicle")
    hale = text.index("Edward Hale QC")
    argued = "the boy should stay at home"
    quotes = [Quote(text=argued, start=text.index(argued), end=text.index(argued) + len(argued), kind="indirect",
                    speaker="Edward Hale QC", speaker_start=hale, speaker_end=hale + 14, entity="Edward Hale",
                    cue="argued", article="a"),
              Quote(text=words, start=s0, end=s0 + len(words), kind="direct", speaker="The Chronicle",
                    speaker_start=sp, speaker_end=sp + 13, entity="Chronicle", cue="reported", article="a")]
    ms = [Mention(text="Edward Hale QC", type="PERSON", start=hale, end=hale + 14, article="a", entity="Edward Hale"),
          Mention(text="The Chronicle", type="ORG", start=sp, end=sp + 13, article="a", entity="Chronicle")]
    groups = quote_groups([Article(id="a", text=text)], [Extraction(article="a", quotes=quotes, mentions=ms)])
    holding = [g for g in groups if any(v.text.startswith("There's") for v in g.variants)]
    assert holding and all(g.speaker == "Edward Hale" for g in holding)
    assert not any(g.speaker == "Chronicle" for g in groups)
    # alone in its paragraph, the print is no one's statement
    lone = text[text.index("“There's"):]
    q = replace(quotes[1], start=quotes[1].start - text.index("“There's"), end=quotes[1].end - text.index("“There's"),
                speaker_start=sp - text.index("“There's"), speaker_end=sp - text.index("“There's") + 13)
    m = replace(ms[1], start=q.speaker_start, end=q.speaker_end)
    assert not quote_groups([Article(id="b", text=lone)], [Extraction(article="b", quotes=[q], mentions=[m])])
    # a body that reports speaks for itself
    police = "“Two men were arrested at the scene,” police reported."
    pq = Quote(text="Two men were arrested at the scene,", start=1, end=36, kind="direct", speaker="police",
               speaker_start=police.index("police"), speaker_end=police.index("police") + 6, cue="reported", article="c")
    assert [g.speaker for g in quote_groups([Article(id="c", text=police)], [Extraction(article="c", quotes=[pq])])] \
        == ["police"]


def test_a_named_speaker_names_the_group_before_a_described_one() -> None:
    words = "I have done enough of everything for a lifetime and I am very happy now"
    a, ea = _quoted("a", f"“{words},” the Starland star said.", words, "the Starland star", None, None, "direct")
    b, eb = _quoted("b", f"“{words},” Tara Reed said.", words, "Tara Reed", "Tara Reed", "PERSON", "direct")
    groups = quote_groups([a, b], [ea, eb])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a", "b"]]
    assert groups[0].speaker == "Tara Reed"


def test_the_same_quoted_words_join_a_named_judge_s_statement() -> None:
    long = ("The council must now put its full effort into rehousing the families, with the help to be expected "
            "from the county, recognising the scale of the harm done to the families over the last ten years")
    part = "the scale of the harm done to the families"
    a, ea = _quoted("a", f"In his judgment, Burnett said: “{long}.”", long, "Burnett", "Ian Burnett", "PERSON", "direct")
    b, eb = _quoted("b", f"The judges urged the council to act because of “{part}”.", part, "The judges", None, None,
                    "partial")
    groups = quote_groups([a, b], [ea, eb])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a", "b"]]
    assert groups[0].speaker == "Ian Burnett"
    few = "harm done"  # too few words to be one statement's
    c, ec = _quoted("c", f"The judges spoke of “{few}” to the families.", few, "The judges", None, None, "partial")
    assert not any({v.article for v in g.variants} == {"a", "c"} for g in quote_groups([a, c], [ea, ec]))


def test_words_quoted_inside_a_reported_statement_join_the_direct_quote_holding_them() -> None:
    long = "The council must now bend its efforts to rehousing them, with the help to be expected from the county"
    reported = "after years of delay and three failed appeals on costs, officers must now “bend its efforts” at last"
    a, ea = _quoted("a", f"In his judgment, Burnett said: “{long}.”", long, "Burnett", "Ian Burnett", "PERSON", "direct")
    b, eb = _quoted("b", f"The judges said {reported}.", reported, "The judges", None, None)
    groups = quote_groups([a, b], [ea, eb])
    assert [sorted(v.article for v in g.variants) for g in groups] == [["a", "b"]]
    # two quoted words are no statement's own
    short = "the parking office should “bend its” rules on late fees for drivers"
    c, ec = _quoted("c", f"The judges said {short}.", short, "The judges", None, None)
    assert not any({v.article for v in g.variants} == {"a", "c"} for g in quote_groups([a, c], [ea, ec]))
