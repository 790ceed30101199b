"""Quotes: kinds, cues, speakers (names, pronouns, descriptions), seeds, robustness."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import JaroWinkler

from synoptic.extract.quotes import find_quotes
from synoptic.records import Mention, Quote


def _only(quotes: list[Quote], text: str) -> Quote:
    hit = [q for q in quotes if q.text == text]
    assert hit, [q.text for q in quotes]
    return hit[0]


def _starting(quotes: list[Quote], prefix: str) -> Quote:
    hit = [q for q in quotes if q.text.startswith(prefix)]
    assert hit, [q.text for q in quotes]
    return hit[0]


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker", "as_written", "cue"),
    [
        (
            "“We will win,” said Marie Struthers, director of Amnesty.",
            "We will win,",
            "direct",
            "Marie Struthers",
            "Marie Struthers",
            "said",
        ),
        ("“We will win,” Blinken told reporters.", "We will win,", "direct", "Blinken", "Blinken", "told"),
        (
            "Foreign Ministry spokesman Wang Wenbin said, “China supports all efforts.”",
            "China supports all efforts.",
            "direct",
            "Wang Wenbin",
            "Wang Wenbin",
            "said",
        ),
        (
            "Anna Berg spoke first. “It is over,” she said.",
            "It is over,",
            "direct",
            "Anna Berg",
            "she",
            "said",
        ),
        (
            "President Kassym-Jomart Tokayev spoke. He ridiculed the idea as “nonsense.”",
            "nonsense.",
            "partial",
            "Kassym-Jomart Tokayev",
            "He",
            "ridiculed",
        ),
        (
            "Karl Ober, the head of state, spoke on TV. The head of state described the calls as “absurd”.",
            "absurd",
            "partial",
            "Karl Ober",
            "The head of state",
            "described",
        ),
        (
            "“Peace is near,” said the first deputy head of the administration, Dauen Abaev, on TV.",
            "Peace is near,",
            "direct",
            "Dauen Abaev",
            "Dauen Abaev",
            "said",
        ),
        ("“Is it over?” Graham asked. “Nobody knows.”", "Is it over?", "direct", "Graham", "Graham", "asked"),
        (
            "“It works,” Sen. Claire McCaskill (D-Mo.) said.",
            "It works,",
            "direct",
            "Claire McCaskill",
            "Claire McCaskill",
            "said",
        ),
        ("Mr. Tokaev said it was “a plot” by foreigners.", "a plot", "partial", "Tokaev", "Tokaev", "said"),
    ],
)
def test_find_quotes_cue_and_speaker(
    text: str, quote: str, kind: str, speaker: str, as_written: str, cue: str
) -> None:
    q = _only(find_quotes(text, []), quote)
    assert (q.kind, q.speaker, q.cue) == (kind, speaker, cue)
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start : q.speaker_end] == as_written
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“It holds,” Mitch McConnell, R-Ky., said Tuesday.", "It holds,", "Mitch McConnell"),
        (
            "Kerr Putney, the police chief, said the video did not give “definitive evidence.”",
            "definitive evidence.",
            "Kerr Putney",
        ),
        (
            "“It is clear,” Malkia Cyril, the executive director at the Center of Media Justice, said.",
            "It is clear,",
            "Malkia Cyril",
        ),
        ("Trump attacked Clinton over Libya, saying, “She is unstable.”", "She is unstable.", "Trump"),
        (
            "''The lack of reciprocity is deplorable,'' said Elez Biberaj.",
            "The lack of reciprocity is deplorable,",
            "Elez Biberaj",
        ),
        (
            "Japan branded it an “outlaw nation.” Russia insisted that it “stop now.”",
            "outlaw nation.",
            "Japan",
        ),
    ],
)
def test_find_quotes_appositions_participles_and_new_sentences(text: str, quote: str, speaker: str) -> None:
    assert _only(find_quotes(text, []), quote).speaker == speaker


def test_find_quotes_mid_sentence_said_insertion_is_reported_speech() -> None:
    text = "The latest test, North Korea said, was its biggest yet."
    q = _only(find_quotes(text, []), "The latest test, North Korea said, was its biggest yet")
    assert (q.kind, q.speaker) == ("indirect", "North Korea")


def test_find_quotes_indirect_speech_gives_the_reported_clause() -> None:
    text = "Russian Deputy Foreign Minister Alexander Grushko said on Friday that his country was confident."
    q = _only(find_quotes(text, []), "that his country was confident")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Alexander Grushko", "said")


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("The Tax Policy Center says it would depress revenue in the early years.",
         "it would depress revenue in the early years", "The Tax Policy Center"),
        ("Many lawmakers say there are also national security concerns.",
         "there are also national security concerns", "Many lawmakers"),
    ],
)
def test_find_quotes_bare_clause_with_a_dummy_subject(text: str, clause: str, speaker: str) -> None:
    q = _only(find_quotes(text, []), clause)
    assert (q.kind, q.speaker) == ("indirect", speaker)


@pytest.mark.parametrize("text", ["The minister said it again and again.", "She said it with a smile on Monday."])
def test_find_quotes_it_as_an_object_is_no_clause(text: str) -> None:
    assert [q for q in find_quotes(text, []) if q.kind == "indirect"] == []


def test_find_quotes_clause_then_source_is_indirect() -> None:
    text = "Secret Service protocol called for a trauma center, sources said."
    q = _only(find_quotes(text, []), "Secret Service protocol called for a trauma center")
    assert (q.kind, q.speaker) == ("indirect", "sources")


def test_find_quotes_partial_inside_reported_clause_shares_its_speaker() -> None:
    text = "Tokayev added that he had authorized the police to open fire “without warning”."
    quotes = find_quotes(text, [])
    assert {q.kind for q in quotes} == {"indirect", "partial"}
    assert {q.speaker for q in quotes} == {"Tokayev"}


def test_find_quotes_quote_without_cue_takes_previous_speaker_in_paragraph() -> None:
    text = "Ann Lee said order was “largely restored”. Still, the “rebels are armed” and fighting goes on."
    assert _only(find_quotes(text, []), "rebels are armed").speaker == "Ann Lee"


def test_find_quotes_scare_quotes_without_any_speaker_are_left_out() -> None:
    assert find_quotes("The so-called “reform” failed.\n\nMarkets fell.", []) == []


def test_find_quotes_continues_across_paragraphs_and_keeps_inner_quotes() -> None:
    # each paragraph of a statement over several is its own quote, with the one speaker
    text = "John Smith said:\n\n“First part, with ‘inner words’ here.\n\n“Second part.”\n\nThe end."
    quotes = find_quotes(text, [])
    first = _starting(quotes, "First part")
    assert first.text.endswith("here.") and "‘inner words’" in first.text
    assert first.speaker == "John Smith"
    assert _starting(quotes, "Second part").speaker == "John Smith"


def test_find_quotes_paragraph_continuing_a_quote_takes_its_speaker_from_either_side() -> None:
    before = "Police later spoke.\nMr Gaskin said: “There was a lot of snow.\n“It appears the party were ill equipped.”"
    assert _starting(find_quotes(before, []), "It appears").speaker == "Gaskin"
    after = "Police later spoke.\n“There was a lot of snow.\n“It appears the party were ill equipped,” Mr Gaskin said."
    assert _starting(find_quotes(after, []), "There was a lot").speaker == "Gaskin"


def test_find_quotes_pronoun_walks_back_over_sentences_with_the_same_pronoun() -> None:
    text = ("“He was shaken,” said Sergeant Mark Earl.\nGallagher was back at work the next day.\n"
            "He had only one thing to say.\n“Our prayers go out to the family,” he said.")
    assert _starting(find_quotes(text, []), "Our prayers").speaker == "Gallagher"


def test_find_quotes_missing_closing_comma_of_an_apposition() -> None:
    text = "Peter Guest, Assistant Chief Fire Officer at Surrey Fire and Rescue Service says the building is lost."
    assert _starting(find_quotes(text, []), "the building is lost").speaker == "Peter Guest"


def test_find_quotes_clause_begun_before_an_inner_that() -> None:
    text = "Inspector Dave Gaskin said the deaths were a reminder that climbers needed to take care."
    assert find_quotes(text, [])[0].text.startswith("the deaths were a reminder")
    text = "He said they come as a reminder that climbers need to take care."
    assert find_quotes(text, [])[0].text.startswith("they come as")


def test_find_quotes_inverted_cue_with_a_role_before_the_name() -> None:
    text = "The driver gunned the engine and drove off, said witness Angela Benson, who was nearby."
    q = _starting(find_quotes(text, []), "The driver gunned")
    assert q.speaker == "Angela Benson" and q.text.endswith("drove off")


def test_find_quotes_clause_after_in_a_statement() -> None:
    text = "Police said in a statement it appeared the group was poorly equipped for the climb."
    assert _starting(find_quotes(text, []), "it appeared the group").speaker == "Police"


def test_find_quotes_place_and_body_noun_is_the_body() -> None:
    text = "A statement from Surrey police said the blaze was being treated as suspicious."
    ms = [Mention(text="Surrey", start=17, end=23, type="PERSON")]
    assert _starting(find_quotes(text, ms), "the blaze").speaker == "Surrey police"


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"'), ("«", "»")])
def test_find_quotes_accepts_curly_straight_and_guillemet_marks(marks: tuple[str, str]) -> None:
    o, c = marks
    text = f"{o}We are ready,{c} said Paul Durand."
    assert _only(find_quotes(text, []), "We are ready,").speaker == "Paul Durand"


def test_find_quotes_uses_given_person_mentions_for_pronouns() -> None:
    text = "Officials met Kim Song today. “We agree,” he said."
    at = text.index("Kim Song")
    mentions = [Mention("Kim Song", "PERSON", at, at + len("Kim Song"))]
    assert _only(find_quotes(text, mentions), "We agree,").speaker == "Kim Song"


def _same_person(pred: str | None, gold: str) -> bool:
    """seedcheck's word test, tolerant of transliteration (Tokaev ~ Tokayev): the other engineer's
    entity resolution maps spellings to one canonical name before seedcheck compares words."""
    p = re.sub(r"\W+", " ", str(pred or "")).lower().split()
    g = re.sub(r"\W+", " ", gold).lower().split()
    return any(JaroWinkler.similarity(a, b) >= 0.9 for a in p for b in g if len(a) > 3)


def test_seed_gold_quotes_found_with_their_speakers(seed_texts: dict[str, str], gold: dict) -> None:
    found = {k: find_quotes(t, []) for k, t in seed_texts.items()}
    ok = total = 0
    missed = []
    for group in gold["quotes"]:
        for v in group["variants"]:
            total += 1
            text = seed_texts[v["article"]]
            s0 = text.find(v["text"])
            s1 = s0 + len(v["text"])
            hit = [q for q in found[v["article"]] if min(q.end, s1) - max(q.start, s0) >= 0.5 * (s1 - s0)]
            if any(_same_person(q.speaker, group["speaker"]) for q in hit):
                ok += 1
            else:
                missed.append((group["id"], v["article"], [q.speaker for q in hit]))
    assert ok == total, missed  # 14/14 measured; seedcheck's bar is 90%


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”\"«»‘’' ,.:\nabcHeSaidsaidtoldMr.Tom")), max_size=300))
def test_find_quotes_spans_always_match_the_text(text: str) -> None:
    for q in find_quotes(text, []):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_find_quotes_never_raises(text: str) -> None:
    find_quotes(text, [])


@pytest.mark.parametrize("chunk", ['"', "“", "”", "‘", "1", "said ", "“a” said ", "Mr. ", ", he said, "])
def test_find_quotes_is_fast_on_long_repetitive_input(chunk: str) -> None:
    text = chunk * (20000 // len(chunk))
    t0 = time.process_time()
    find_quotes(text, [Mention("x", "ORG", 0, 1)])  # a mention, so no NER model is loaded here
    assert time.process_time() - t0 < 20.0  # CPU seconds, not wall: the machine is shared


# ---------------------------------------------------------------- issue 14: who said what


def _said(text: str) -> list[tuple[str, str, str | None, str]]:
    qs = find_quotes(text, [])
    return [(q.kind, q.text, q.speaker, text[q.speaker_start:q.speaker_end]) for q in qs
            if q.speaker_start is not None and q.speaker_end is not None]


def test_quotes_ptb_marks_are_paired() -> None:
    text = "`` We will find whoever did this, '' said Sheriff Maya Lund of the county police."
    got = _said(text)
    assert any(t.startswith("We will find whoever did this") and sp == "Maya Lund" for _, t, sp, _ in got)


def test_quotes_colon_introduced_quote_across_a_line_break() -> None:
    text = "The harbour master denied the ferry was overloaded:\n\"It carried 80 people, well under its limit.\""
    got = _said(text)
    assert any(t.startswith("It carried 80 people") and sp == "The harbour master" for _, t, sp, _ in got)


def test_quotes_pronoun_after_a_title_goes_to_the_titled_person() -> None:
    text = ("Secretary-General Rosa Almeida arrived in the port on Monday. The mayor, Tomas Greve, met her.\n"
            "The Secretary-General said the convoy must pass. Later she said the crossing must stay open.")
    got = _said(text)
    assert [(sp, written) for _, _, sp, written in got] == [
        ("Rosa Almeida", "The Secretary-General"), ("Rosa Almeida", "she")]


def test_quotes_description_without_a_named_holder_stays_as_written() -> None:
    got = _said("Karl Ober spoke on TV. The head of state described the calls as “absurd”.")
    assert ("partial", "absurd", "The head of state", "The head of state") in got


def test_quotes_unnamed_source_stays_unnamed() -> None:
    text = ("Greta Holm said the talks would go on. "
            "The Norwegian Foreign Ministry spokesman said Norway backs the mediation.")
    got = _said(text)
    assert got[-1][2] == "The Norwegian Foreign Ministry spokesman"


def test_quotes_saying_after_a_comma_reports_the_subjects_words() -> None:
    text = "The coast guard defended its crew, saying they had fired only warning shots.\nThe storm passed."
    got = _said(text)
    assert any(t == "they had fired only warning shots" and sp == "The coast guard" for _, t, sp, _ in got)


def test_quotes_partial_quote_stands_inside_its_reported_clause() -> None:
    text = "Okafor testified “hundreds” of files had never been handed over to the committee."
    got = _said(text)
    assert ("partial", "hundreds", "Okafor", "Okafor") in got
    assert any(k == "indirect" and t.startswith("“hundreds” of files") for k, t, _, _ in got)


def test_quotes_run_on_over_lines_to_their_closing_mark() -> None:
    text = ("The market was hit again.\n`` We sweep the glass every morning.\nThen it starts again at night. '' "
            "said Nikos Arvan, who owns a bakery.\n\nThe police made arrests.")
    got = _said(text)
    assert any(t.startswith("We sweep the glass") and t.endswith("again at night.") and sp == "Nikos Arvan"
               for _, t, sp, _ in got)


def test_quotes_do_not_run_on_over_a_paragraph_break() -> None:
    text = "He called it “a farce.\n\nVoters went to the polls” on Sunday, officials said."
    assert not any(t.startswith("a farce") for _, t, _, _ in _said(text))


def test_quotes_commitments_are_reported_with_their_verb() -> None:
    text = "Mayor Ilse Brandt has pledged to reopen the bridge by spring, but engineers doubt it."
    got = _said(text)
    assert any(k == "indirect" and t == "has pledged to reopen the bridge by spring" and sp == "Ilse Brandt"
               for k, t, sp, _ in got)


def test_quotes_speaker_from_a_place_is_the_person() -> None:
    text = "Late arrivals, Samira from Eritrea, told reporters: \"They sent us back to the other crossing.\""
    got = _said(text)
    assert any(sp == "Samira" for _, _, sp, _ in got)


def test_quotes_the_object_of_a_transitive_cue_is_not_the_speaker() -> None:
    text = "At the rally the senator described his rival’s plan as “a fantasy for the rich.”"
    got = _said(text)
    assert not any(written.startswith(("his rival", "rival")) for _, _, _, written in got)


def test_quotes_dateline_is_not_the_subject() -> None:
    text = "Lisbon (Reuters) – Minister Ana Prado defended the budget, saying it would cut the deficit by half."
    got = _said(text)
    assert any(sp == "Ana Prado" for _, _, sp, _ in got)
    assert not any(sp == "Lisbon" for _, _, sp, _ in got)


def test_quotes_an_aside_between_commas_describes_the_name_before_it() -> None:
    text = "Moreno, speaking to reporters on a flight to Denver, said: \"The audit cleared every account.\""
    got = _said(text)
    assert any(t.startswith("The audit cleared") and sp == "Moreno" for _, t, sp, _ in got)


def test_quotes_a_date_is_not_the_subject_of_a_saying_clause() -> None:
    text = "In a statement released Thursday, Senator Lia Moreau reacted to the ruling, saying: “It is a dark day.”"
    got = _said(text)
    assert got and all(sp != "Thursday" for _, _, sp, _ in got)


def test_quotes_in_one_sentence_share_the_cue_after_the_last() -> None:
    text = "Analysts were wary. \"They are painful\" but necessary \"for the long run,\" the chief executive said."
    got = _said(text)
    assert [sp for _, _, sp, _ in got] == ["the chief executive", "the chief executive"]


def test_quotes_the_object_of_since_is_not_the_speaker() -> None:
    text = "Farmers who have marched daily since the mill's closure have vowed to block the road until it reopens."
    got = _said(text)
    assert got and got[0][2] == "Farmers"


def test_quotes_a_relative_pronoun_speaker_stands_for_the_name_before_it() -> None:
    text = "The vote drew a rebuke from Governor Ada Kwan, who called the bill “a gift to polluters.”"
    got = _said(text)
    assert ("partial", "a gift to polluters.", "Ada Kwan", "who") in got


def test_quotes_a_participle_after_the_attribution_is_the_reporters() -> None:
    text = "A fire at the depot destroyed six buses, officials said Sunday, urging drivers to avoid the area."
    got = _said(text)
    assert ("indirect", "A fire at the depot destroyed six buses", "officials", "officials") in got


def test_quotes_the_name_before_an_apposition_chain_is_the_speaker() -> None:
    text = "Marta Ilic, the editor of the city's oldest daily, Vjesnik Danas, said the paper would close."
    got = _said(text)
    assert got and got[0][2] == "Marta Ilic"


def test_quotes_a_colon_before_the_mark_introduces_the_quote() -> None:
    text = "The debate turned sour. Later, Mayor Ines Cardoso posted: \"We will not be intimidated.\""
    got = _said(text)
    assert any(t.startswith("We will not be intimidated") and sp == "Ines Cardoso" for _, t, sp, _ in got)


def test_find_quotes_said_it_with_a_past_verb_is_a_reported_clause() -> None:
    text = "The Indian navy said it arrested 23 pirates who threatened a merchant vessel in the Gulf of Aden."
    q = _only(find_quotes(text, []), "it arrested 23 pirates who threatened a merchant vessel in the Gulf of Aden")
    assert (q.kind, q.speaker) == ("indirect", "The Indian navy")
    assert not find_quotes("He said it again and again to the crowd.", [])


@pytest.mark.parametrize("text", ["The Indian Navy in November said it had sunk the ship.",
                                  "The Indian Navy on Friday said it had sunk the ship."])
def test_find_quotes_speaker_before_a_time_and_the_cue(text: str) -> None:
    q = _only(find_quotes(text, []), "it had sunk the ship")
    assert q.speaker == "The Indian Navy"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Trump at the time said he had asked his people to look into paying the fees.", "Trump"),
    ("Police this morning said the bomb was the biggest in years.", "Police"),
    ("Hours later, Trump returned the compliment, telling Reuters, “We have been friends for a long time.”",
     "Trump"),
])
def test_find_quotes_time_phrases_and_fronted_phrases_are_not_speakers(text: str, speaker: str) -> None:
    quotes = [q for q in find_quotes(text, []) if q.kind != "partial"]
    assert quotes and all(q.speaker == speaker for q in quotes)


def test_find_quotes_words_before_a_participle_are_its_object_not_the_speaker() -> None:
    text = ("Secretary of State Condoleezza Rice will present a draft Security Council resolution next week asking "
            "the United Nations to authorize `` all necessary measures '' against piracy from Somalia.")
    assert {q.speaker for q in find_quotes(text, [])} == {"Condoleezza Rice"}


def test_find_quotes_statement_before_said_adding_is_reported_too() -> None:
    text = "Prices rose sharply in May, the ministry said, adding that inflation would ease."
    got = {(q.text, q.speaker) for q in find_quotes(text, [])}
    assert ("Prices rose sharply in May", "the ministry") in got
    assert ("that inflation would ease", "the ministry") in got


def test_find_quotes_it_said_is_the_body_that_spoke_before() -> None:
    text = ("The ministry said it had captured 23 pirates. The pirates would be handed over to the "
            "authorities, it said, adding that the ship would return to patrol.")
    q = _only(find_quotes(text, []), "The pirates would be handed over to the authorities")
    assert q.speaker == "The ministry"


def test_find_quotes_reported_clause_ends_at_a_direct_quote_with_its_own_attribution() -> None:
    text = ("Warren noted that the banker had paid no bonus for years ― Smith boasted, “That makes me rich.” "
            "The room went quiet.")
    quotes = find_quotes(text, [])
    direct = _only(quotes, "That makes me rich.")
    assert direct.speaker == "Smith"
    reported = [q for q in quotes if q.kind == "indirect"]
    assert reported and all(q.end <= text.index("Smith boasted") for q in reported)
    assert {q.speaker for q in reported} == {"Warren"}


def test_find_quotes_relative_clause_between_name_and_cue_names_the_speaker() -> None:
    text = ("Rucker Culpepper, who runs the campaign's effort for military veterans' families, said, "
            "\"Nobody has done more for our veterans.\"")
    q = _only(find_quotes(text, []), "Nobody has done more for our veterans.")
    assert q.speaker == "Rucker Culpepper"


def test_find_quotes_second_attribution_inside_a_reported_clause_is_its_own_statement() -> None:
    text = ("The coast guard said it had sunk a smugglers' ``mother ship'', though a maritime watchdog later "
            "said the vessel was actually a fishing boat that had been seized.")
    got = {(q.text, q.speaker, q.kind) for q in find_quotes(text, [])}
    assert ("mother ship", "The coast guard", "partial") in got
    assert ("the vessel was actually a fishing boat that had been seized", "a maritime watchdog", "indirect") in got
    navy = [q for q in find_quotes(text, []) if q.kind == "indirect" and q.speaker == "The coast guard"]
    assert navy and all("watchdog" not in q.text for q in navy)


@pytest.mark.parametrize("verb", ["demanded", "yells", "snapped", "wondered"])
def test_find_quotes_more_speech_verbs_after_the_quote(verb: str) -> None:
    text = f"The hearing ran late. “Why is this bank still so big?” Senator Vitter {verb}."
    q = _only(find_quotes(text, []), "Why is this bank still so big?")
    assert q.speaker == "Vitter"


def test_reported_statement_is_cut_where_two_clauses_with_their_own_subjects_join() -> None:
    from synoptic.reconcile.quotes import _split_clauses

    text = "A fire at the plant killed two workers, and the county police did not have any suspects"
    assert [text[a:b] for a, b in _split_clauses(text, 0, len(text))] == [
        "A fire at the plant killed two workers", "the county police did not have any suspects"]
    one = "The plant was closed for a week and reopened, and more"  # no clause of its own after the joint
    assert _split_clauses(one, 0, len(one)) == [(0, len(one))]


def test_find_quotes_noun_like_cues_only_before_a_clause() -> None:
    text = "A local station is reporting that the coast guard claims they have rescued 40 sailors near the reef."
    got = {(q.text, q.speaker) for q in find_quotes(text, [])}
    assert ("they have rescued 40 sailors near the reef", "the coast guard") in got
    assert find_quotes("The claims of the coast guard were checked twice by the reporters.", []) == []


def test_find_quotes_outlet_possessive_before_an_aside_is_not_the_speaker() -> None:
    text = "The Tribune's Anna Berg, at the scene, reports that the crowd threw bottles at the police."
    q = _only(find_quotes(text, []), "that the crowd threw bottles at the police")
    assert q.speaker == "Anna Berg"


def test_find_quotes_he_added_takes_the_unattributed_sentence_before_it() -> None:
    text = ("The coast guard sent two boats to the reef and rescued the crew. The trawler was later towed to "
            "port, he added.\nThe storm passed by noon. Roads reopened, officials said.")
    got = {(q.text, q.speaker) for q in find_quotes(text, [])}
    assert ("The coast guard sent two boats to the reef and rescued the crew. The trawler was later towed to port",
            "he") in got
    assert ("Roads reopened", "officials") in got  # only "added" reaches back


def test_find_quotes_transcript_label_in_capitals_is_the_speaker() -> None:
    text = 'The interview went on.\n\n"JONES: Well, look, the plan is sound and the voters know it."\n'
    q = _only(find_quotes(text, []), "JONES: Well, look, the plan is sound and the voters know it.")
    assert text[q.speaker_start:q.speaker_end] == "JONES"


def test_find_quotes_a_document_that_reads() -> None:
    text = "“The plant will close by June and move its work abroad,” the memo read."
    q = _only(find_quotes(text, []), "The plant will close by June and move its work abroad,")
    assert q.speaker == "the memo"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Police in the northern city said the crowd had dispersed by midnight.", "Police"),
        ("Banners in the main square read: “Bread, work, freedom” and “No more lies”.", "Banners"),
    ],
)
def test_find_quotes_the_noun_before_a_place_is_the_speaker(text: str, speaker: str) -> None:
    assert {q.speaker for q in find_quotes(text, [])} == {speaker}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("But Ana Ruiz, a nursing student there who has joined the protests, says the mood is angry but calm.",
         "the mood is angry but calm", "Ana Ruiz"),
        ("The family watched the videos on Thursday, according to their lawyers, and then left the building.",
         "The family watched the videos on Thursday", "their lawyers"),
    ],
)
def test_find_quotes_attributions_inside_the_sentence(text: str, quote: str, speaker: str) -> None:
    assert _only(find_quotes(text, []), quote).speaker == speaker


def test_find_quotes_an_answer_after_the_cue_is_not_a_speaker() -> None:
    assert all(q.speaker != "yes" for q in find_quotes("Asked whether prices would fall, most responded yes.", []))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("The numbers are staggering, said Ana Ruiz, a geographer at the state university.",
         "The numbers are staggering", "Ana Ruiz"),
        ("Tom Hale, a 55-year-old farmer from the valley, said Ruiz will win the county easily.",
         "Ruiz will win the county easily", "Tom Hale"),
    ],
)
def test_find_quotes_inverted_attribution_after_a_comma(text: str, quote: str, speaker: str) -> None:
    assert _only(find_quotes(text, []), quote).speaker == speaker


def test_find_quotes_inverted_attribution_with_a_rank_before_the_name() -> None:
    text = "The girls were taken to motels off the highway, said county police Detective Rita Moreno."
    q = _only(find_quotes(text, []), "The girls were taken to motels off the highway")
    assert q.speaker == "Rita Moreno"


def test_find_quotes_a_place_inside_a_relative_clause_is_not_the_speaker() -> None:
    text = "His sister Ida, a nurse who lives in Seattle, says she has never been stopped at a border."
    q = _only(find_quotes(text, []), "she has never been stopped at a border")
    assert q.speaker not in ("Seattle", "a nurse who lives")


def test_find_quotes_professed_ignorance_reports_a_question_clause() -> None:
    text = "Inspector Maria Lopez did not know why the guards left the gate open. The cook did not know the recipe."
    found = find_quotes(text, [])
    q = _only(found, "why the guards left the gate open")
    assert (q.kind, q.speaker) == ("indirect", "Maria Lopez")
    assert not any("recipe" in x.text for x in found)  # a bare object is not a statement


def _mention_all(text: str, names: dict[str, tuple[str, str]]) -> list[Mention]:
    return [Mention(text=n, type=t, start=m.start(), end=m.end(), entity=e)
            for n, (t, e) in names.items() for m in re.finditer(re.escape(n), text)]


@pytest.mark.parametrize(("text", "compared"), [
    pytest.param("Ruritania's foreign minister, Ana Ruiz, promised that visitors could cross her country freely.",
                 "visitors could cross Ruritania freely", id="the_country_her_title_names"),
    pytest.param("Ruritania's President Max Berg praised Ana Ruiz, who promised that visitors could cross her "
                 "country freely.", "", id="not_the_country_of_another_person_named_between"),
])
def test_reported_his_or_her_country_is_compared_as_the_speakers_country(text: str, compared: str) -> None:
    from synoptic.reconcile.quotes import _quote_units
    from synoptic.records import Article, Extraction

    words = "that visitors could cross her country freely"
    s0, sp = text.index(words), text.index("Ana Ruiz")
    q = Quote(text=words, start=s0, end=s0 + len(words), kind="indirect", speaker="Ana Ruiz", speaker_start=sp,
              speaker_end=sp + 8, entity="Ana Ruiz", cue="promised")
    ex = Extraction(article="a", quotes=[q], mentions=_mention_all(text, {
        "Ruritania": ("GPE", "Ruritania"), "Ana Ruiz": ("PERSON", "Ana Ruiz"), "Max Berg": ("PERSON", "Max Berg")}))
    (unit,) = _quote_units([Article(id="a", text=text)], [ex])
    assert (unit.text, unit.compare) == (words.removeprefix("that "), compared)  # compared without "that"


@pytest.mark.parametrize(("text", "body"), [
    pytest.param("The raid was over, navy spokesman Commander Ann Lee said.", "navy", id="title_before"),
    pytest.param("“We fired back,” Ann Lee, a navy spokesman, told reporters.", "navy", id="apposition_after"),
    pytest.param("His spokesman Ann Lee said the raid was over.", None, id="not_a_possessive"),
    pytest.param("Ann Lee, a fisherman, said the raid was over.", None, id="not_another_role"),
])
def test_a_named_spokesperson_speaks_for_the_body_named_with_the_title(text: str, body: str | None) -> None:
    from synoptic.reconcile.quotes import _voices

    assert _voices(text, _mention_all(text, {"Ann Lee": ("PERSON", "Ann Lee")})).get("Ann Lee") == body


@pytest.mark.parametrize(("text", "speaker"), [
    pytest.param("> More: Further apology from station manager Tom Raponi: “We sincerely regret the error.”",
                 "Tom Raponi", id="a_page_label_before_the_colon_is_no_speaker"),
    pytest.param("A statement from the Interior Ministry: “All is calm in the capital.”", "Interior Ministry",
                 id="the_source_after_from"),
])
def test_find_quotes_colon_intro_speaker_is_the_source_not_a_label(text: str, speaker: str) -> None:
    (q,) = find_quotes(text, [])
    assert q.speaker is not None and q.speaker.endswith(speaker)


def test_a_spokesperson_named_before_a_clause_is_not_the_person_after_it() -> None:
    from synoptic.reconcile.quotes import _voices

    text = "A navy spokesman said that Ann Lee had left."
    assert _voices(text, _mention_all(text, {"Ann Lee": ("PERSON", "Ann Lee")})) == {}


@pytest.mark.parametrize("frame", ["is set to", "was expected to", "plans to", "was to"])
def test_find_quotes_speaker_before_a_planned_speech_act(frame: str) -> None:
    text = f"Foreign Minister Ann Lee {frame} ask the council to approve “all lawful means” against smugglers."
    q = _only(find_quotes(text, []), "all lawful means")
    assert (q.kind, q.speaker) == ("partial", "Ann Lee")


def test_a_sentence_adverb_before_an_inserted_attribution_is_not_the_statement() -> None:
    from synoptic.reconcile.quotes import _quote_units
    from synoptic.records import Article, Extraction

    text = "Instead, harbour officials said, the ferries sailed on to the northern port."
    sp = text.index("harbour officials")
    q = Quote(text=text[:-1], start=0, end=len(text) - 1, kind="indirect", speaker="harbour officials",
              speaker_start=sp, speaker_end=sp + 17, cue="said")
    (unit,) = _quote_units([Article(id="a", text=text)], [Extraction(article="a", quotes=[q])])
    assert unit.text == "the ferries sailed on to the northern port"


def test_find_quotes_colon_intro_with_an_unnamed_subject_names_no_one_further_on() -> None:
    text = "His supporters gathered outside the Royal Courts of Justice carrying placards declaring: “Free him now.”"
    assert all(q.speaker != "Royal Courts of Justice" and q.speaker != "His" for q in find_quotes(text, []))


def test_find_quotes_colon_intro_subject_after_a_connective() -> None:
    text = "But Finley, who came to the Daily Ledger from Ohio in 2016, felt compelled to respond: “Awesome news.”"
    (q,) = find_quotes(text, [])
    assert q.speaker == "Finley"


@pytest.mark.parametrize(("name", "key"), [("the release", "release"), ("a Navy spokesman", "navy"),
                                           ("the Indian navy", "navy"), ("The Ministry", "ministry")])
def test_speaker_block_key_is_never_an_article(name: str, key: str) -> None:
    from synoptic.reconcile.quotes import _speaker_key

    assert _speaker_key(name) == key


# ---------------------------------------------------------------- issue 14, round 5: what a reader sees
def test_find_quotes_a_relative_that_after_the_cue_is_not_reported_speech() -> None:
    text = "Nobody will be spared, she warned in a long broadcast that seems to promise more arrests. Then she left."
    assert not [q for q in find_quotes(text, []) if q.kind == "indirect" and q.text.startswith("that seems")]


def test_find_quotes_a_that_clause_after_an_adverbial_is_still_reported() -> None:
    text = "The mayor said on Friday that the storm had passed."
    assert [q.text for q in find_quotes(text, []) if q.kind == "indirect"] == ["that the storm had passed"]


def test_find_quotes_a_reported_clause_cut_short_is_not_a_statement() -> None:
    text = "Local papers say the crowd was smaller than 5,000. He said it was expected to be. The mayor left."
    assert not [q for q in find_quotes(text, []) if q.text.endswith("to be")]


def test_find_quotes_a_quoted_title_after_an_article_is_not_a_partial_quote() -> None:
    text = 'The senator spoke at a "Future Cities Summit" held in Lyon and said the plan would work.'
    assert not [q for q in find_quotes(text, []) if q.kind == "partial"]


def _berg_said(text: str, words: str, speaker: str, kind: str = "indirect", cue: str = "said") -> Quote:
    s0 = text.index(words)
    sp = text.index(speaker)
    return Quote(text=words, start=s0, end=s0 + len(words), kind=kind,  # type: ignore[arg-type]
                 speaker=speaker, speaker_start=sp, speaker_end=sp + len(speaker), entity="Anna Berg", cue=cue)


def _shown(texts: dict[str, str], quotes: dict[str, list[Quote]]) -> list:
    from synoptic.reconcile.quotes import quote_groups
    from synoptic.records import Article, Extraction

    arts = [Article(id=k, text=t) for k, t in texts.items()]
    return quote_groups(arts, [Extraction(article=k, quotes=qs) for k, qs in quotes.items()])


def test_reported_content_is_shown_from_after_the_cue_and_that() -> None:
    a = "The minister Anna Berg said that the new bridge across the river would open in May next year."
    b = "Anna Berg said the new bridge across the river would open in May next year, after long delays."
    groups = _shown({"a": a, "b": b}, {
        "a": [_berg_said(a, "that the new bridge across the river would open in May next year", "Anna Berg")],
        "b": [_berg_said(b, "the new bridge across the river would open in May next year, after long delays",
                    "Anna Berg")]})
    texts = sorted(v.text for g in groups for v in g.variants)
    assert texts[0].startswith("the new bridge") and texts[1].startswith("the new bridge"), texts


def test_reported_content_led_by_a_pronoun_or_a_denial_keeps_its_cue() -> None:
    a = "Anna Berg said it had closed the old bridge across the river for repairs until the summer."
    b = "Anna Berg denied that the old bridge across the river had been closed for repairs until the summer."
    groups = _shown({"a": a, "b": b}, {
        "a": [_berg_said(a, "it had closed the old bridge across the river for repairs until the summer", "Anna Berg")],
        "b": [_berg_said(b, "that the old bridge across the river had been closed for repairs until the summer",
                    "Anna Berg", cue="denied")]})
    shown = {v.article: v.text for g in groups for v in g.variants}
    assert shown["a"].startswith("Anna Berg said it had closed"), shown
    assert shown["b"].startswith("denied that the old bridge"), shown


def test_a_short_partial_joins_the_version_holding_its_words_not_a_quote_beside_it() -> None:
    a = ("“The town is calm again and the shops have reopened,” said Anna Berg, who added that the riots "
         "had been planned by “hired thugs from the capital”.")
    c = "Anna Berg blamed “thugs from the capital” for the night of violence in the town."
    groups = _shown({"a": a, "c": c}, {
        "a": [_berg_said(a, "The town is calm again and the shops have reopened,", "Anna Berg", "direct"),
              _berg_said(a, "the riots had been planned by “hired thugs from the capital”", "Anna Berg",
                         cue="added")],
        "c": [_berg_said(c, "thugs from the capital", "Anna Berg", "partial", cue="blamed")]})
    (g,) = [g for g in groups if any(v.article == "c" for v in g.variants)]
    assert sorted((v.article, v.kind) for v in g.variants) == [("a", "indirect"), ("c", "partial")], g.variants


def test_reported_content_cut_with_its_speaker_is_shown_from_after_the_cue() -> None:
    a = "Anna Berg said the new bridge across the river would open in May next year."
    q = Quote(text=a[:-1], start=0, end=len(a) - 1, kind="indirect", speaker="Anna Berg", speaker_start=0,
              speaker_end=9, entity="Anna Berg", cue="said")
    b = "Anna Berg told reporters the new bridge across the river would open in May next year."
    groups = _shown({"a": a, "b": b}, {
        "a": [q], "b": [_berg_said(b, "the new bridge across the river would open in May next year", "Anna Berg",
                                   cue="told")]})
    assert {v.text for g in groups for v in g.variants} == {"the new bridge across the river would open in May next year"}


def _speaker_of(text: str, content_start: str) -> str | None:
    hit = [q for q in find_quotes(text, []) if q.text.startswith(content_start)]
    assert hit, [q.text for q in find_quotes(text, [])]
    return hit[0].speaker


def test_an_unnamed_role_speaker_takes_the_one_person_named_with_that_role_next_door() -> None:
    # the next sentence introduces the spokesman by title before his name
    text = ("A coast guard spokesman said the ferry had been towed to harbour. "
            "Coast guard spokesman Lieutenant Marek Dolan said the crew was safe.")
    assert _speaker_of(text, "the ferry had been towed") == "Marek Dolan"
    # the sentence before, by apposition; and an abbreviated rank does not end the sentence
    text = ("Rear Adm. Tilda Varga, the fleet commander, visited the port on Monday. "
            "A senior naval commander said the patrols would continue.")
    assert _speaker_of(text, "the patrols would continue") == "Tilda Varga"
    # "the commander of …": the role is the head before "of"
    text = ("The commander of the northern squadron said the base would reopen. "
            "Vice Adm. Oskar Lindqvist said repairs had begun.")
    assert _speaker_of(text, "the base would reopen") == "Oskar Lindqvist"


def test_an_unnamed_role_speaker_stays_unnamed_when_no_one_or_two_people_fit() -> None:
    # a name further away than the adjacent sentence is not taken
    text = ("Spokesman Pavel Novak opened the briefing. The harbour was closed all day. "
            "Ships waited outside. A navy spokesman said the channel was blocked.")
    assert _speaker_of(text, "the channel was blocked") == "A navy spokesman"
    # two spokespeople next door: ambiguous, stays as written
    text = ("Army spokesman Ivo Brandt and police spokeswoman Lena Holt met reporters. "
            "A spokesman said the road would reopen on Friday.")
    assert _speaker_of(text, "the road would reopen") != "Ivo Brandt"
    assert _speaker_of(text, "the road would reopen") != "Lena Holt"
    # a person named nearby without that role is not the speaker
    text = ("Farmer Ruth Okafor lost her barn in the storm. "
            "A county spokesman said the storm damaged 40 homes.")
    assert _speaker_of(text, "the storm damaged") != "Ruth Okafor"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Meanwhile the harbour master expressed doubt on Monday about the plan to dredge the channel twice.",
         "expressed doubt on Monday about the plan to dredge the channel twice", "the harbour master"),
        ("The union has voiced serious concerns that the new rota will leave wards without nurses.",
         "has voiced serious concerns that the new rota will leave wards without nurses", "The union"),
    ],
)
def test_quotes_an_expressive_act_with_an_attitude_noun_is_a_statement(text: str, clause: str, speaker: str) -> None:
    got = _said(text)
    assert ("indirect", clause, speaker, speaker) in got


def test_quotes_an_event_that_raises_fears_is_no_speaker() -> None:
    assert _said("The flood raised fears of disease in the low-lying villages along the river.") == []


def test_quotes_a_possessed_noun_of_saying_gives_its_clause_to_the_possessor() -> None:
    text = "The inquiry will test Ms Orwin's claim that the valve had been closed before the fire started."
    got = _said(text)
    assert got and got[0][:3] == ("indirect", "the valve had been closed before the fire started", "Orwin")


def test_quotes_the_fact_that_is_no_saying() -> None:
    assert _said("Nobody disputed the fact that the valve had been closed before the fire started.") == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Captain Oduya declined to name the ship but indicated it was carrying grain.",
         "declined to name the ship but indicated it was carrying grain", "Oduya"),
        ("The council had no budget for the hall and could offer no date other than to say it would open in spring.",
         "could offer no date other than to say it would open in spring", "The council"),
    ],
)
def test_quotes_a_refusal_then_a_saying_is_one_statement(text: str, clause: str, speaker: str) -> None:
    got = _said(text)
    assert got and got[0][:3] == ("indirect", clause, speaker)


def test_quotes_a_refusal_without_a_saying_after_it_is_no_statement() -> None:
    assert _said("The striker did not give up, but scored twice in the second half.") == []


def test_quotes_a_document_speaks_for_the_body_that_issued_it() -> None:
    text = ("The rail line will reopen on Monday, a Transport Ministry statement said.\n"
            "Repairs to the bridge cost more than planned, the statement added.\n"
            "The plant will shut in May, the firm said in a statement.\n"
            "About 300 jobs will go by the end of the year, the release said.")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["The rail line will reopen on Monday"] == "Transport Ministry"
    assert got["Repairs to the bridge cost more than planned"] == "Transport Ministry"
    assert got["About 300 jobs will go by the end of the year"] == "the firm"


def test_quotes_a_document_with_no_issuer_stays_as_written() -> None:
    got = find_quotes("The vote will be held again in March, the statement said.", [])
    assert got and got[0].speaker == "the statement"


def test_quotes_the_possessor_is_the_noun_phrase_not_the_clause_before_it() -> None:
    got = _said("The judge dismissed a neighbour's claim that the fence had been moved during the night.")
    assert got and got[0][:3] == ("indirect", "the fence had been moved during the night", "a neighbour")


def test_quotes_a_directive_given_or_issued_is_a_statement() -> None:
    got = _said("The ministry issued instructions to close every school in the province until Monday.")
    assert got and got[0][:3] == ("indirect", "instructions to close every school in the province until Monday",
                                  "The ministry")


def test_quotes_a_judgement_aloud_gives_the_quoted_words_a_speaker() -> None:
    got = _said("The mayor condemned the vandalism as “a disgrace to the whole town.”")
    assert any(kind == "partial" and sp == "The mayor" for kind, _, sp, _ in got)


def test_quotes_a_progressive_cue_has_its_subject_for_speaker_and_a_passive_one_none() -> None:
    got = _said("The governor is telling farmers that the new dam will be “finished by spring.”")
    assert any(kind == "indirect" and sp == "The governor" for kind, _, sp, _ in got)
    assert _said("He was told that the plant would close within the year.") == []


def test_quotes_a_source_relayed_by_another_keeps_its_own_statement() -> None:
    text = "The local radio is reporting that the coast guard says two fishermen were rescued near the harbour."
    got = {(q.text, q.speaker) for q in find_quotes(text, [])}
    assert ("two fishermen were rescued near the harbour", "the coast guard") in got
    assert any(sp == "The local radio" for _, sp in got)


def test_quotes_a_body_named_with_of_keeps_its_whole_name() -> None:
    got = _said("On Monday the Federation of Small Businesses expressed concern about the rise in energy prices.")
    assert got and got[0][2] == "Federation of Small Businesses"


def test_quotes_one_sentence_a_line_carries_a_long_quote_but_not_a_scare_quote() -> None:
    text = ("The coast guard said it had rescued nine sailors off the cape.\n"
            "The storm had lasted two days.\n"
            "They had `` no food and no water left on board for the last day. ''\n"
            "The boat was later called the `` lucky one ''.\n")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got.get("no food and no water left on board for the last day.") == "The coast guard"
    assert "lucky one" not in got


def test_quotes_paragraphs_parted_by_blank_lines_with_spaces_are_still_paragraphs() -> None:
    text = ("The coast guard said it had rescued nine sailors off the cape. \n \n"
            "The storm had lasted two days. \n \n"
            "They had `` no food and no water left on board for the last day. ''\n")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert "no food and no water left on board for the last day." not in got


# ---------------------------------------------------------------- review 9: ranks, asides, owners, pronouns


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Halifax police Const. Mara Jensen said the driver was taken to hospital.", "Mara Jensen"),
        ("The driver was taken to hospital, according to Halifax Police spokesperson Const. Mara Jensen.",
         "Mara Jensen"),
        ("Police Constable Mara Jensen said the driver was taken to hospital.", "Mara Jensen"),
        ("RCMP Cst. Mara Jensen said the driver was taken to hospital.", "Mara Jensen"),
        ("Army Pfc. Dale Ortiz said the convoy was attacked at dawn.", "Dale Ortiz"),
        ("Navy Lt. Cmdr. Dale Ortiz said the convoy was attacked at dawn.", "Dale Ortiz"),
        ("Asst. Supt. Dale Ortiz said the convoy was attacked at dawn.", "Dale Ortiz"),
    ],
)
def test_quotes_a_rank_and_its_short_form_before_a_name_leave_the_person_as_speaker(text: str, speaker: str) -> None:
    got = _said(text)
    assert got and got[0][0] == "indirect" and got[0][2] == speaker, got


def test_quotes_a_name_cut_from_its_rank_by_a_line_break_is_joined_again() -> None:
    text = ("At a news conference, city police spokesman Const.\n"
            "Mara Jensen said the driver had been drinking before the crash.\n"
            "`` Nobody else was hurt, '' Halifax police Const.\n"
            "Mara Jensen told reporters.\n")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got.get("the driver had been drinking before the crash") == "Mara Jensen"
    assert got.get("Nobody else was hurt,") == "Mara Jensen"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Oskar Lind, who runs a bakery out of a converted barn at 12 Elm Road, said he heard two shots.",
         "Oskar Lind", "he heard two shots"),
        ("Oskar Lind, head of design for Brightwater Studios, said the staff were sent home.",
         "Oskar Lind", "the staff were sent home"),
        ("Oskar Lind, head of design for Brightwater Studios, located across the road, said the staff were sent "
         "home.", "Oskar Lind", "the staff were sent home"),
        ("Oskar Lind, another retired teacher who knew the family from their years living in Leeds, said the boys "
         "were close.", "Oskar Lind", "the boys were close"),
        ("The coast guard, however, said Oskar Lind was a passenger.", "The coast guard", "Oskar Lind was a passenger"),
        ("Oskar Lind of Harbour Public Relations, which is working for the owners, said the family is grieving.",
         "Oskar Lind", "the family is grieving"),
    ],
)
def test_quotes_words_between_the_name_and_its_cue_leave_the_name_as_speaker(
        text: str, speaker: str, content: str) -> None:
    got = [(k, t, sp) for k, t, sp, _ in _said(text)]
    assert ("indirect", content, speaker) in got, got


def test_quotes_an_owner_is_not_the_speaker_of_what_the_owned_one_says() -> None:
    text = "Tomas Brandt died on Monday.\n“He loved that farm,” Brandt's cousin said."
    mentions = [Mention("Tomas Brandt", "PERSON", 0, 12), Mention("Brandt", "PERSON", 51, 57)]
    assert text[51:57] == "Brandt"
    got = {q.text: q.speaker for q in find_quotes(text, mentions)}
    assert got.get("He loved that farm,") == "Brandt's cousin"


def test_quotes_the_one_quoted_in_a_passive_attribution_speaks() -> None:
    got = _said("“Two farmers were hurt,” district governor Amir Tavassoli was quoted as saying.")
    assert got and got[0][2] == "Amir Tavassoli"
    got = _said("A second agency quoted the governor as saying four homes had collapsed in the village.")
    assert ("indirect", "four homes had collapsed in the village", "the governor") in [g[:3] for g in got]


def test_quotes_an_apposition_before_a_final_attribution_names_the_speaker() -> None:
    text = "Several barns were damaged and two farmers were hurt, the governor of the island, Amir al-Tavassoli, told IRNA."
    got = _said(text)
    assert got and got[0][1] == "Several barns were damaged and two farmers were hurt"
    assert got[0][2] == "Amir al-Tavassoli"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The club has offered a five-year deal to the striker, manager Hal Berg said Friday night.",
         "The club has offered a five-year deal to the striker"),
        ("The club has offered a five-year deal to the striker, Hal Berg said Saturday after the match.",
         "The club has offered a five-year deal to the striker"),
        ("Hal Berg said Monday the club had offered a five-year deal.", "the club had offered a five-year deal"),
    ],
)
def test_quotes_a_time_after_the_cue_is_not_what_was_said(text: str, content: str) -> None:
    got = _said(text)
    assert got and got[0][1] == content, got


def test_quotes_a_pronoun_stands_for_the_person_subject_before_it() -> None:
    text = ("The prosecutor Ruth Kemp spoke to the jury.\n"
            "Leaving the courthouse, the defendant's mother thanked the jurors.\n"
            "`` We want to go home now, '' she said.\n"
            "Carl Ames took the truck, where he said he found a map.\n")
    mentions = [Mention("Ruth Kemp", "PERSON", 15, 24), Mention("Carl Ames", "PERSON", 151, 160)]
    assert text[15:24] == "Ruth Kemp" and text[151:160] == "Carl Ames"
    got = {q.text: q.speaker for q in find_quotes(text, mentions)}
    assert got.get("We want to go home now,") == "the defendant's mother"
    assert got.get("he found a map") == "Carl Ames"


def test_quotes_a_name_ending_in_ly_is_not_an_adverb() -> None:
    got = _said("“Traffic is at a standstill,” said radio traffic reporter Bob Kelly.")
    assert got and got[0][2] == "Bob Kelly"
    got = _said("Radio traffic reporter Bob Kelly called it “the worst pileup in years.”")
    assert any(sp == "Bob Kelly" for _, _, sp, _ in got)


def test_quotes_told_someone_then_a_clause_reports_the_clause() -> None:
    got = _said("Sergeant Ada Moss told a news conference today a man walked into the shop with a rifle.")
    assert ("indirect", "a man walked into the shop with a rifle", "Ada Moss") in [g[:3] for g in got]
    assert _said("The minister told him to leave the room at once.") == []


def test_quotes_characterizing_in_quotes_is_a_judgement_aloud() -> None:
    got = _said("Mayor Ines Duarte characterized the flood a “once in a century disaster” for the valley.")
    assert any(kind == "partial" and sp == "Ines Duarte" for kind, _, sp, _ in got), got


def test_quotes_a_mid_sentence_attribution_before_a_clause_with_its_own_cue_keeps_the_first_clause() -> None:
    text = "The driver was fired last week, Moss said, but she did not know how long he had worked there."
    got = [g[:3] for g in _said(text)]
    assert ("indirect", "The driver was fired last week", "Moss") in got, got
    text = "The sailors boarded the ship, the navy said, and the crew surrendered peacefully."
    got = [g[:3] for g in _said(text)]
    assert got == [("indirect", "The sailors boarded the ship, the navy said, and the crew surrendered peacefully",
                    "the navy")], got


def test_quotes_a_quoted_paragraph_cut_into_lines_runs_on_to_its_reopening_mark() -> None:
    text = ("The chief spoke first, Sergeant Ada Moss told reporters.\n"
            "`` There were at least ten people inside.\n"
            "They all got out.\n"
            "`` Our team talked to him for an hour. ''\n"
            "`` It was late, `` Moss told the radio.\n"
            "He then left the scene.\n"
            "`` We are done here. ''\n")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    merged = "There were at least ten people inside.\nThey all got out.\n`` Our team talked to him for an hour."
    assert got.get(merged) == "Ada Moss", got
    assert not any("He then left the scene" in t for t in got)  # a line after the reporter's cue is his own


def test_find_quotes_cue_coordinated_with_the_subjects_verb() -> None:
    text = "Police pulled him over a few blocks away and say they had to use a Taser to get him out of the car."
    assert _starting(find_quotes(text, []), "they had to use a Taser").speaker == "Police"


def test_a_closed_quote_paragraph_does_not_take_the_speaker_of_a_later_continued_one() -> None:
    # the third paragraph's quote goes on from a dropped paragraph, not from the second one's
    text = ("`` Nothing will change, '' Anna Berg, who heads a rights group, said by phone.\n"
            "`` The hopes people had are gone. ''\n"
            "The vote was held on Sunday.\n"
            "`` It does not matter who wins.\n"
            "The leader decides ``\n"
            "`` Turnout was high and the mood calm, '' an election official told reporters.\n")
    at = text.index("Anna Berg")
    quotes = find_quotes(text, [Mention(text="Anna Berg", type="PERSON", start=at, end=at + 9, article="")])
    hopes = [q for q in quotes if "hopes" in q.text]
    assert hopes and hopes[0].speaker != "an election official"


def test_quotes_a_description_then_the_name_after_the_cue_names_the_speaker() -> None:
    text = ("Nobody was hurt in the blaze on Friday night, said the Lake County fire chief, Tom Reyes.\n"
            "The roof fell in before midnight, according to the town's fire marshal, Ann Wells.\n"
            "“We are treating it as arson,” said Fire Chief Tom Reyes.")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["Nobody was hurt in the blaze on Friday night"] == "Tom Reyes"
    assert got["The roof fell in before midnight"] == "Ann Wells"
    assert got["We are treating it as arson,"] == "Tom Reyes"


def test_quotes_the_company_and_its_statement_speak_for_the_company_the_article_names() -> None:
    text = ("A worker opened fire at an Acme Foods plant on Friday, police said.\n"
            "Acme Foods said the plant would stay closed.\n"
            "\"This is a sad day for the Acme family, '' the company said in a statement.\n\n"
            "Acme Foods issued a statement on Saturday morning.\n"
            "The statement expresses condolences to the families, saying, “This is a tragic loss for us all.”")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["This is a sad day for the Acme family,"] == "Acme Foods"  # '"' closed by two apostrophes
    assert got["This is a tragic loss for us all."] == "Acme Foods"


def test_quotes_a_refusal_to_answer_a_question_is_the_speakers_answer() -> None:
    text = ("The chapel's vicar, Paul Marsh, declined to say whether the chapel had been attacked before.\n"
            "Police declined to comment on the fire.")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got == {"declined to say whether the chapel had been attacked before": "Paul Marsh"}


def test_quotes_a_clause_may_open_with_a_comparative_quantity() -> None:
    text = "It was the worst fire in years, and Reyes said as many as 30 volunteers came to fight the blaze."
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got == {"as many as 30 volunteers came to fight the blaze": "Reyes"}


def test_quotes_a_quoted_subhead_is_no_statement_of_the_speaker_before_it() -> None:
    text = ("The council will vote on the budget in March, Wells said.\n\n"
            "“We need more time to read it,” Wells said.\n\n"
            "‘A LONG ROAD AHEAD’\n\n"
            "Rival councillors met on Tuesday to discuss the plan.")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["We need more time to read it,"] == "Wells"
    assert "A LONG ROAD AHEAD" not in got
    # a quoted line that is a sentence still carries the speaker before it
    text = ("“We need more time to read it,” Wells said.\n\n"
            "“We will not be rushed.”\n\n")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["We will not be rushed."] == "Wells"


def test_quotes_an_absolute_with_clause_names_its_own_speaker() -> None:
    text = ("“Talks will go on,” the minister, Tom Reyes, said on Monday.\n"
            "A petition against the plan has 9,000 signatures, with one resident writing: “Nobody asked us.”")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert got["Talks will go on,"] == "Tom Reyes"
    assert got["Nobody asked us."] == "one resident"


def test_quotes_a_title_after_an_article_is_no_direct_quote() -> None:
    text = ("The paper reported the talks had stalled.\n"
            "Fans launched the “Keep The Coach Here” campaign online, and the club's owner said nothing.\n"
            "Others joined a group called the “Save Our Club Trust.”")
    got = {q.text: q.speaker for q in find_quotes(text, [])}
    assert "Keep The Coach Here" not in got  # a campaign's name, not the paper's words
    assert "Save Our Club Trust." in got  # what the group calls itself is its words (as PolNeAR counts them)
