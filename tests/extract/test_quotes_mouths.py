"""Words in the right mouth (round 16): connectives, modals that are family names, rulings, plural bodies,
intransitive verbs of speaking and initialisms in speaker phrases. Sentences written for these tests."""

from __future__ import annotations

from synoptic.extract.quotes import find_quotes
from synoptic.records import Mention, Quote


def _of(quotes: list[Quote], prefix: str) -> Quote:
    hit = [q for q in quotes if q.text.startswith(prefix)]
    assert hit, [(q.text, q.speaker) for q in quotes]
    return hit[0]


def _persons(text: str, *names: str) -> list[Mention]:
    out = []
    for name in names:
        at = text.index(name)
        out.append(Mention(text=name, type="PERSON", start=at, end=at + len(name), article="a", entity=name))
    return out


def test_a_connective_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    text = "The board met on Monday. However the chairman said the plan “will go ahead as agreed” next year."
    q = _of(find_quotes(text, []), "the plan")
    assert q.speaker == "the chairman"
    text = "Meanwhile Grant said the plant would reopen in spring."
    assert _of(find_quotes(text, _persons(text, "Grant")), "the plant").speaker == "Grant"


def test_a_family_name_that_is_a_modal_is_the_speaker() -> None:
    text = "The rules changed in 2012. “Courts will decide where a trial is held,” Theresa May said at the time."
    assert _of(find_quotes(text, []), "Courts will").speaker == "Theresa May"
    text = "Theresa May said the courts would decide where a trial is held."
    assert _of(find_quotes(text, []), "the courts").speaker == "Theresa May"
    text = "Later Grant said the courts would “decide where a trial is held” from now on."
    assert _of(find_quotes(text, []), "the courts").speaker == "Grant"


def test_a_ruling_speaks_for_the_one_whose_ruling_it_is() -> None:
    text = ("Judge Mary Hale ruled in March that the tenants must leave. Hale's ruling said the landlord had "
            "“acted in bad faith” and owed them money.")
    q = _of(find_quotes(text, _persons(text, "Mary Hale", "Hale's")), "the landlord")
    assert q.speaker in ("Hale", "Mary Hale")
    assert text[q.speaker_start:q.speaker_end] == "Hale's ruling"  # the span stays the phrase as written


def test_they_after_a_plural_body_is_that_body() -> None:
    text = ("The judges urged the council to act because of “the scale of the harm done to the families”. "
            "They added: “If proven, these are grave failures indeed.”")
    assert _of(find_quotes(text, []), "If proven").speaker == "The judges"
    # a person spoke after the body: "they" is not given to the body
    text = ("The judges urged the council to act. “We will appeal,” said Ann Cole, the council leader. "
            "They added: “The costs will be paid by the families.”")
    quotes = find_quotes(text, _persons(text, "Ann Cole"))
    assert _of(quotes, "The costs").speaker != "The judges"


def test_a_court_ruling_that_is_reported() -> None:
    text = "The judges ruled that the eviction would be “unlawful” and ordered the council to pay costs."
    q = _of(find_quotes(text, []), "that the eviction")
    assert q.speaker == "The judges" and q.kind == "indirect"
    assert not find_quotes("The party ruled out a coalition with the Greens.", [])


def test_one_who_spoke_before_a_quote_in_the_paragraph_said_it() -> None:
    text = ("“We are delighted with the ruling,” Emma Norton said.\n\nAfter the vote, Brown spoke outside the hall. "
            "“I'm very grateful for all the help we got along the way.”\n")
    quotes = find_quotes(text, _persons(text, "Emma Norton", "Brown"))
    assert _of(quotes, "I'm very grateful").speaker == "Brown"
    assert _of(quotes, "We are delighted").speaker == "Emma Norton"


def test_a_pronoun_after_a_family_name_the_tagger_missed() -> None:
    text = ("In 2012 Theresa May blocked the move. Judge Mary Hale ruled on it later, and she said so.\n\n"
            "May also introduced a forum bar. “This will mean that the courts decide,” she said at the time.\n")
    q = _of(find_quotes(text, _persons(text, "Mary Hale")), "This will mean")
    assert q.speaker == "Theresa May"


def test_an_initialism_with_full_stops_is_one_word_of_a_name() -> None:
    text = "Acid rain is rain made acidic by pollutants, according to the U.S. Environmental Protection Agency."
    q = _of(find_quotes(text, []), "Acid rain")
    assert q.speaker == "U.S. Environmental Protection Agency"


def test_quoted_words_are_never_a_speaker() -> None:
    text = ("`` We are going back to the old days a little bit, '' said the show's producer Ann Cole, explaining "
            "that the choice of host was made to change the feel of past programs.\n")
    quotes = find_quotes(text, _persons(text, "Ann Cole"))
    assert not any("old days" in (q.speaker or "") for q in quotes), [(q.text, q.speaker) for q in quotes]
    assert _of(quotes, "We are going back").speaker == "Ann Cole"


def test_a_place_s_title_is_the_holder_the_article_names_later() -> None:
    text = ("Ruritania’s governor has warned that more towns may be evacuated as the river rises.\n\n"
            "Officials closed two bridges.\n\nRuritania Governor Paul Okoro has asked for federal help.\n")
    q = _of(find_quotes(text, _persons(text, "Paul Okoro")), "that more towns")
    assert q.speaker == "Paul Okoro"
    # another place's governor named later is not the holder
    text = ("Ruritania’s governor has warned that more towns may be evacuated.\n\nOfficials closed two bridges.\n\n"
            "Ohio Governor Ann Dale has sent help.\n")
    q = _of(find_quotes(text, _persons(text, "Ann Dale")), "that more towns")
    assert q.speaker == "Ruritania’s governor"
