"""The speaker a quote group shows when outlets give one statement to a body and to a person."""

from __future__ import annotations

from synoptic.reconcile.quotes import _body_over_person, _Unit, _voice_over_body


def _unit(article: str, speaker: str, body: bool, voice_of: str = "") -> _Unit:
    return _Unit(article=article, order=0, speaker=speaker, text="they had to use a Taser", start=0, end=1,
                 kind="indirect", context="", body=body, voice_of=voice_of)


TEXTS = {
    "a1": "“He was uncooperative,” said Sgt. Marty Earley.",
    "a2": "Police say they had to use a Taser.",
    "a3": "Police say they had to use a Taser on him.",
    "a4": "Police said a Taser was used.",
    "a5": "Police say Sgt. Marty Earley confirmed they had to use a Taser.",
}


def test_a_body_statement_in_articles_not_naming_the_person_stays_the_body() -> None:
    members = [_unit("a1", "Marty Earley", False), _unit("a2", "Police", True), _unit("a3", "Police", True),
               _unit("a4", "police", True)]
    assert _body_over_person("Marty Earley", members, TEXTS) == "Police"


def test_the_person_speaks_when_the_body_versions_come_from_articles_naming_them() -> None:
    members = [_unit("a1", "Marty Earley", False), _unit("a5", "Police", True), _unit("a2", "Police", True)]
    assert _body_over_person("Marty Earley", members, TEXTS) == "Marty Earley"


VOICE_TEXTS = {
    "b1": "Police spokesman Dave Gaskin said the party was ill equipped.",
    "b2": "Police said in a statement the party was ill equipped. Inspector Dave Gaskin said more.",
    "b3": "Police said the party was ill equipped.",
}


def test_a_body_statement_in_an_article_naming_its_spokesperson_is_the_spokespersons() -> None:
    members = [_unit("b1", "Dave Gaskin", True, "police"), _unit("b2", "Police", True)]
    assert _voice_over_body("Police", members, VOICE_TEXTS) == "Dave Gaskin"


def test_a_body_statement_stays_the_bodys_where_most_articles_do_not_name_the_spokesperson() -> None:
    members = [_unit("b1", "Dave Gaskin", True, "police"), _unit("b3", "Police", True), _unit("b2", "police", True),
               _unit("b4", "Police", True)]
    texts = {**VOICE_TEXTS, "b4": "Police said so."}
    assert _voice_over_body("Police", members, texts) == "Police"
