"""The summary as a journalist reads it: bullets that stand alone, add something, cover the latest
development and cite only the articles that say what they say."""

from __future__ import annotations

from datetime import datetime

import pytest

from synoptic import summarize as S
from synoptic.records import Article

# Our own short reports of one made-up story (written for these tests).
SHOOTING_A = (
    "A city police officer was shot dead on Monday while questioning a witness outside a riverside warehouse.\n"
    "Officers searched the district through the night and arrested a 30-year-old man near the docks.\n"
    "The officer had served with the force for twelve years and leaves a wife and two children.\n"
)
SHOOTING_B = (
    "A police officer questioning a witness outside a riverside warehouse was shot dead on Monday, the police said.\n"
    "A 30-year-old man was arrested near the docks hours later and is being held at the central station.\n"
    "The mayor ordered flags on public buildings lowered to half-staff for a week.\n"
)
SHOOTING_C = (
    "The man accused of killing a city police officer outside a riverside warehouse appeared in court on Wednesday.\n"
    "Prosecutors charged him with murder and asked the judge to keep him in custody until trial.\n"
    "His lawyer did not enter a plea.\n"
)
VERDICT = (
    "A jury on Friday convicted the man who shot a city police officer outside a riverside warehouse last year.\n"
    "The judge sentenced him to life in prison without the possibility of parole.\n"
    "The officer's widow said the family could finally begin to heal.\n"
)


def _articles(*texts: str, dates: list[datetime | None] | None = None) -> list[Article]:
    dates = dates or [None] * len(texts)
    return [Article(id=f"a{i}", text=t, raw_text=t, published=d) for i, (t, d) in enumerate(zip(texts, dates, strict=True))]


# ------------------------------------------------------------------ sentences that stand alone


@pytest.mark.parametrize(
    "sentence",
    [
        "It also found that the man used a handgun in the attack.",
        "His name is Officer John Smith of the city police.",
        "But the court did not agree with the defence on that point.",
        "However, given his record, the board chose another candidate.",
        "Unfortunately, it has not worked out that way so far this season.",
        "This is the third such attack in the district this year.",
        "This wasn't a team whose record sank any chance it had.",
        "We'll know more about the injury when the team practises on Wednesday.",
        "Smith said, referring to the two witnesses who spoke at the trial.",
        "We appreciate your respect for her privacy at this time,'' her agent told reporters.",
        "``We appreciate your respect for her privacy at this time, her agent told reporters.",
        "the rest of the report follows the same line of argument here.",
    ],
)
def test_sentences_that_point_back_or_start_mid_quote_do_not_stand_alone(sentence: str) -> None:
    assert not S.stands_alone(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A city police officer was shot dead on Monday outside a riverside warehouse.",
        "This week the court ruled that the contract was void.",
        "Police said the man was 30 and lived nearby.",
        "The agent said ``she is doing well'' and asked for privacy.",
        "Officials said the new rules take effect in about 30 days.",
    ],
)
def test_news_sentences_stand_alone(sentence: str) -> None:
    assert S.stands_alone(sentence)


def test_headline_and_subtitle_above_the_date_line_are_not_candidates() -> None:
    text = (
        "Officer's killer gets life\n"
        "The man shot an officer outside a riverside warehouse last year.\n"
        "April 04, 2007\n"
        "A jury on Friday convicted the man who shot a city police officer outside a riverside warehouse.\n"
    )
    sents = S._sentences(_articles(text))
    dek = next(s for s in sents if s.text.startswith("The man shot"))
    lead = next(s for s in sents if s.text.startswith("A jury"))
    assert not dek.candidate and lead.candidate
    # without a date line the top of the text is its report
    assert S._header_end("A jury on Friday convicted the man.\nThe judge said so.\n") == 0


def test_a_sentence_that_points_back_comes_only_right_after_its_own() -> None:
    found = (
        "The jury found the man guilty of murdering a city police officer outside a riverside warehouse.\n"
        "It also found that he had lain in wait for the officer and used a stolen handgun.\n"
    )
    for budget in (20, 40, 200):
        summary = S.summarize_story(_articles(SHOOTING_A, SHOOTING_B, found), max_words=budget)
        texts = [s.text for s in summary]
        for i, t in enumerate(texts):
            if t.startswith("It also found"):
                assert i > 0 and texts[i - 1].startswith("The jury found"), texts


def test_paragraph_summaries_keep_the_old_choice() -> None:
    # a paragraph (synoptic summarize, Multi-News ROUGE) is read as a whole: no stand-alone filter
    docs = [SHOOTING_A, SHOOTING_B, "He was arrested near the docks hours after the officer was shot outside the warehouse.\n"]
    para = S.summarize_story(_articles(*docs), max_words=200, bullets=False)
    bullets = S.summarize_story(_articles(*docs), max_words=200)
    assert any(s.text.startswith("He was arrested") for s in para)
    assert not any(s.text.startswith("He was arrested") for s in bullets)


# ------------------------------------------------------------------ the latest development


def test_a_story_that_spans_days_covers_its_newest_report() -> None:
    dates = [datetime(2006, 5, 1), datetime(2006, 5, 1), datetime(2006, 5, 3), datetime(2007, 3, 2)]
    arts = _articles(SHOOTING_A, SHOOTING_B, SHOOTING_C, VERDICT, dates=dates)
    summary = S.summarize_story(arts, max_words=45)
    assert any(s.text.startswith("A jury on Friday convicted") for s in summary), [s.text for s in summary]
    # in time order: the verdict comes last
    assert summary[-1].text.startswith("A jury on Friday convicted")


def test_a_one_day_story_has_no_latest_development() -> None:
    dates = [datetime(2006, 5, 1)] * 3 + [datetime(2006, 5, 2)]
    arts = _articles(SHOOTING_A, SHOOTING_B, SHOOTING_C, VERDICT, dates=dates)
    plain = S.summarize_story(_articles(SHOOTING_A, SHOOTING_B, SHOOTING_C, VERDICT), max_words=45)
    assert [s.text for s in S.summarize_story(arts, max_words=45)] == [s.text for s in plain]


# ------------------------------------------------------------------ citations say what the bullet says


def test_a_sentence_that_shares_the_names_but_not_the_claim_is_not_cited() -> None:
    a = "The city council approved a new budget for the harbour district on Monday after a long debate.\n"
    b = "The harbour district city council met on Monday.\n"  # the names, not the budget
    c = "The city council on Monday approved a new budget for the harbour district after hours of debate.\n"
    others = [
        "Fishermen in the harbour district said the city council ignored their parking complaints.\n",
        "Shop owners in the harbour district asked the city council for more street lights.\n",
        "The harbour district has grown quickly, and the city council has struggled to keep up.\n",
    ]
    summary = S.summarize_story(_articles(a, b, c, *others), max_words=25, use_embeddings=False)
    cited = {x.article for x in summary[0].citations}
    assert summary[0].text == a.strip()
    assert cited == {"a0", "a2"}


# ------------------------------------------------------------------ restatements


def test_a_restatement_in_other_words_is_left_out() -> None:
    pytest.importorskip("onnxruntime", reason="the MiniLM embedder needs onnxruntime")
    try:
        from synoptic.embed import get_embedder

        get_embedder().embed(["probe"])
    except Exception as exc:  # no model installed here
        pytest.skip(f"no sentence embedder: {exc}")
    a = "The singer has checked herself into a rehabilitation clinic in Malibu, her spokesman said.\n" \
        "She launched a clothing line last month and will host a travel show next year.\n"
    b = "A publicist says the singer entered a Malibu rehab facility this week.\n" \
        "Her family asked the press to respect her privacy.\n"
    c = "The pop star went into a treatment centre in Malibu, according to her representative.\n" \
        "Her new album is due out in the spring.\n"
    summary = S.summarize_story(_articles(a, b, c), max_words=200)
    about_rehab = [s.text for s in summary if "Malibu" in s.text]
    assert len(about_rehab) == 1, about_rehab


# ------------------------------------------------------------------ the seeds


def test_seed_bullets_stand_alone(seed_texts: dict[str, str]) -> None:
    from synoptic.clean import clean_articles

    articles = clean_articles([Article(id=k, text=t, raw_text=t) for k, t in seed_texts.items()])
    texts = [s.text for s in S.summarize_story(articles, max_words=200)]
    assert sum(len(t.split()) for t in texts) >= 120
    for i, t in enumerate(texts):  # a sentence that points back only right after another
        assert S.stands_alone(t) or (i > 0 and S.stands_alone(t, anaphora=False)), t


# ------------------------------------------------------------------ Multi-News, as bullets


@pytest.mark.slow
def test_multinews_bullets_stand_alone_and_keep_their_rouge() -> None:
    """Over the 100 Multi-News dev clusters in the brief's form (bullets): every bullet stands
    alone or follows the sentence it points to, every other cited sentence carries
    ``SUPPORT_COVERAGE`` of what the bullet says, and ROUGE stays near what was measured
    (44.64 / 14.10 ROUGE-1 / ROUGE-2 on the summary14 branch, 44.95 / 14.26 on summary16 with
    captions cleaned away and the brief opened on the event of the leads; the paragraph form is
    pinned in tests/evaluate/test_eval_summaries.py)."""
    import json

    from rouge_score import rouge_scorer

    from tests.conftest import shared_path

    path = shared_path("eval", "multinews-dev", "clusters.jsonl")
    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1 = r2 = 0.0
    for cluster in clusters:
        articles = S.clean_documents(cluster["documents"])
        summary = S.summarize_story(articles, max_words=len(cluster["summary"].split()), use_embeddings=False)
        texts = [s.text for s in summary]
        for i, t in enumerate(texts):
            assert S.stands_alone(t) or (i > 0 and S.stands_alone(t, anaphora=False)), t
        sents = S._sentences(articles)
        matrix = S._vectors([s.text for s in sents])
        row = {(str(s.article), s.start, s.end): k for k, s in enumerate(sents)}
        for sentence in summary:
            own = next(k for k, s in enumerate(sents) if s.text == sentence.text)
            for c in sentence.citations:
                k = row[(c.article, c.start, c.end)]
                if k != own and sents[k].text != sentence.text:
                    # (the IDF here is fitted on every sentence, the summarizer's on the independent
                    # reports only: a little slack)
                    cover = matrix[own].multiply(matrix[k] > 0).sum() / matrix[own].sum()
                    assert cover >= S.SUPPORT_COVERAGE - 0.1, (sentence.text, sents[k].text)
        scores = scorer.score(cluster["summary"], " ".join(texts))
        r1 += scores["rouge1"].fmeasure
        r2 += scores["rouge2"].fmeasure
    assert 100 * r1 / len(clusters) >= 44.6 and 100 * r2 / len(clusters) >= 14.0, (r1, r2)
