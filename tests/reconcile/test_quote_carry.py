"""Quote groups (issue 14): unattributed copies of an attributed statement, and statements a country "makes"."""

from __future__ import annotations

from synoptic.reconcile import quote_groups
from synoptic.reconcile.quotes import CARRY_QUOTED_WORDS, CARRY_RUN_WORDS, _longest_run
from synoptic.records import Article, Extraction, Mention, Quote, QuoteGroup

SAID = "The ministry said the old bridge over the river would reopen to traffic by the end of next month after repairs."
BARE = "Officially, the old bridge over the river would reopen to traffic by the end of next month after repairs."


def _quoted(aid: str, text: str, words: str, speaker: str, entity: str, kind: str = "indirect",
            etype: str = "ORG") -> tuple[Article, Extraction]:
    s0 = text.index(words)
    sp = text.index(speaker)
    q = Quote(text=words, start=s0, end=s0 + len(words), kind=kind, speaker=speaker, speaker_start=sp,
              speaker_end=sp + len(speaker), entity=entity, cue="said", article=aid)
    m = Mention(text=speaker, type=etype, start=sp, end=sp + len(speaker), article=aid, entity=entity)
    return Article(id=aid, text=text), Extraction(article=aid, quotes=[q], mentions=[m])


def _holding(groups: list[QuoteGroup], article: str) -> QuoteGroup:
    (group,) = [g for g in groups if any(v.article == article for v in g.variants)]
    return group


def test_longest_run_counts_one_unbroken_run_of_words():
    assert _longest_run("a b c x d e".split(), "a b c d e".split()) == 3
    assert _longest_run([], ["a"]) == 0


def test_an_unattributed_sentence_repeating_an_attributed_one_joins_its_group_as_reported():
    a, ea = _quoted("a", SAID, SAID[len("The ministry said "):], "The ministry", "Transport Ministry")
    b = Article(id="b", text="Crews worked all night. " + BARE + " Drivers were told to expect delays.")
    group = _holding(quote_groups([a, b], [ea, Extraction(article="b")]), "a")
    assert {v.article for v in group.variants} == {"a", "b"}
    assert group.speaker == "Transport Ministry"
    carried = next(v for v in group.variants if v.article == "b")
    assert carried.kind == "indirect" and carried.text == BARE
    assert b.text[carried.start:carried.end] == carried.text
    assert group.text.startswith("the old bridge")  # the attributed version leads the group


def test_a_short_shared_run_or_an_attributed_sentence_is_not_carried():
    a, ea = _quoted("a", SAID, SAID[len("The ministry said "):], "The ministry", "Transport Ministry")
    short = "Rain is expected to ease by the end of next month in the valley."
    assert _longest_run(short.lower().rstrip(".").split(), SAID.lower().rstrip(".").split()) < CARRY_RUN_WORDS
    b = Article(id="b", text=short)
    c, ec = _quoted("c", "A union leader said " + BARE[len("Officially, "):], BARE[len("Officially, "):],
                    "A union leader", "Joe Bloggs", etype="PERSON")
    groups = quote_groups([a, b, c], [ea, Extraction(article="b"), ec])
    assert {v.article for v in _holding(groups, "a").variants} == {"a"}  # c has its own speaker
    assert not any(v.article == "b" for g in groups for v in g.variants)


def test_all_the_words_of_a_quoted_phrase_printed_bare_carry_the_statement():
    words = "handed over to the harbour police ashore"
    assert CARRY_QUOTED_WORDS <= len(words.split()) < CARRY_RUN_WORDS
    text = f"The statement said the men would be \u201c{words}.\u201d"
    a, ea = _quoted("a", text, words + ".", "The statement", "Coast Guard", kind="partial")
    bare = f"The men are held on the cutter and will be {words} later this week."
    b = Article(id="b", text=bare)
    group = _holding(quote_groups([a, b], [ea, Extraction(article="b")]), "a")
    assert {v.article for v in group.variants} == {"a", "b"}
    # the same words reported without quotation marks are not the speaker's own: nothing is carried
    said = f"The statement said the men would be {words}."
    a2, ea2 = _quoted("a", said, words, "The statement", "Coast Guard")
    assert {v.article for v in _holding(quote_groups([a2, b], [ea2, Extraction(article="b")]), "a").variants} == {"a"}


def test_a_country_never_names_a_group_but_its_statement_joins_the_named_speakers():
    said = "India said the suspects would be handed over to the authorities in the port city on Monday."
    a, ea = _quoted("a", said, said[len("India said "):], "India", "India", etype="GPE")
    assert quote_groups([a], [ea]) == []
    navy = "The navy said the suspects would be handed over to the authorities in the port city on Monday."
    b, eb = _quoted("b", navy, navy[len("The navy said "):], "The navy", "Indian Navy")
    (group,) = quote_groups([a, b], [ea, eb])
    assert group.speaker == "Indian Navy"
    assert {v.article for v in group.variants} == {"a", "b"}


def test_a_bare_sentence_whose_article_is_in_the_group_already_is_left_out():
    words = SAID[len("The ministry said "):]
    a, ea = _quoted("a", SAID, words, "The ministry", "Transport Ministry")
    b, eb = _quoted("b", SAID + " " + BARE, words, "The ministry", "Transport Ministry")
    groups = quote_groups([a, b], [ea, eb])
    (group,) = groups
    assert sorted(v.article for v in group.variants) == ["a", "b"]
    assert all(v.start < len(SAID) for v in group.variants if v.article == "b")
