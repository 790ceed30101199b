"""The extractive story summary and ``synoptic summarize``: budget, citations, numbers, debris, faithfulness."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from synoptic import summarize as S
from synoptic.cli import main
from synoptic.records import Article, Citation, SummarySentence
from tests.conftest import shared_path

# Our own short reports of one made-up event (written for these tests).
FLOOD_A = (
    "Flood waters rose across the river valley on Tuesday after three days of heavy rain.\n"
    "Officials said 26 people were killed and about 400 homes were damaged in the valley towns.\n"
    "Rescue teams worked through the night to reach villages cut off by the water.\n"
    "The regional governor declared a state of emergency and asked the army for help.\n"
)
FLOOD_B = (
    "Heavy rain for three days sent flood waters across the river valley on Tuesday.\n"
    "The regional governor declared a state of emergency and asked the army for help with rescues.\n"
    "Officials said 30 people were killed and about 400 homes were damaged in the valley towns.\n"
    "Schools in the area will stay closed until the end of the week, the education office said.\n"
)
FLOOD_C = (
    "Aid groups began handing out food and blankets in the flooded river valley on Wednesday.\n"
    "The regional governor declared a state of emergency on Tuesday and asked the army for help.\n"
    "Forecasters expect more rain over the weekend, which could push the river higher again.\n"
)


def _articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t, raw_text=t) for i, t in enumerate(texts)]


def _words(summary: list[SummarySentence]) -> int:
    return sum(len(s.text.split()) for s in summary)


# ------------------------------------------------------------------ sentences, numbers, debris


@pytest.mark.parametrize(
    "text",
    [
        "One sentence here. Another one there.\nA third on its own line.",
        "Repeated words. Repeated words. Repeated words.",
        "  Leading space and Dr. Smith said so.  \n\n  Next paragraph follows here.  ",
        "The U.S. economy grew 2.5 percent in 2021. Growth slowed after that.",
    ],
)
def test_split_sentences_offsets_are_exact(text: str) -> None:
    spans = S.split_sentences(text)
    assert spans
    last = 0
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip() and piece
        assert start >= last
        last = end
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == "".join(text.split())


def _pysbd_spans(text: str) -> tuple[tuple[int, int], ...]:
    """What pysbd alone makes of ``text``, line by line (the reference of the fast paths)."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        cursor = 0
        for piece in segmenter.segment(line.group()):
            piece = piece.strip()
            if piece:
                at = line.group().find(piece, cursor)
                spans.append((line.start() + at, line.start() + at + len(piece)))
                cursor = at + len(piece)
    return tuple(spans)


@pytest.mark.parametrize(
    "text",
    [
        "  A line with no mark at all  \nWASHINGTON — The president spoke on Monday\n\n",
        "One line without marks\nAnother with two sentences. Here is the second one.",
        "Items: • one • two • three\nfirst; second thing here\n1) one thing 2) two things",
        '"My client is in that facility right now, " Heller argued\nHe said: no way',
        "Last line ends with a mark!\nA line ending with a bracket (see above)",
        "He said: “Yes. Yes.” Then he left. He left. He left.\nDr. Smith arrived in the U.S. on Monday.",
        "Same words. Same words.   Same words.\t\tAnd again?! Yes… no.",
    ],
)
def test_split_sentences_gives_the_spans_of_pysbd_alone(text: str) -> None:
    S.split_sentences.cache_clear()
    assert S.split_sentences(text) == _pysbd_spans(text)


def test_split_sentences_keeps_abbreviations_together() -> None:
    text = "Dr. Smith arrived in the U.S. on Monday. He left on Friday."
    assert [text[s:e] for s, e in S.split_sentences(text)] == [
        "Dr. Smith arrived in the U.S. on Monday.",
        "He left on Friday.",
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("more than 3,000 were arrested", {"3000"}),
        ("26 armed criminals", {"26"}),
        ("more than a thousand demonstrators", {"thousand"}),
        ("at 2.5 percent, two years running.", {"2.5", "two"}),
        ("no figures at all", set()),
    ],
)
def test_numbers_in_normalises_digits_and_number_words(text: str, numbers: set[str]) -> None:
    assert S.numbers_in(text) == numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "Image copyright Reuters Image caption Migrants are crossing into Croatia where they wait.",
        "JFK's Nephew Christopher Lawford Dead at 63 After Yoga Studio Emergency",
        "Too short to say anything.",
        "\"We will never give up, not now and not ever, whatever they try to do to us.\"",
        "Click here to sign up for our newsletter and get the news every morning.",
        "what followed was a long series of meetings between the two sides in the capital.",
        "Will the government survive the vote of no confidence planned for next week?",
        "Photo: Tomassio Boddi (Getty Images) shows the rapper at the ceremony on Monday.",
        "You can add location information to your Tweets, such as your city or precise location.",
        "Lauri Love smiles as he leaves with parents Alexander Love, left, and girlfriend Sylvia Mann.",
        "Huntsman to skip Nevada debate in protest By Justin Sink - Tweet Jon Huntsman announced it.",
        "Actor Christopher Lawford, the son of Peter Lawford and Patricia Kennedy, has died ...",
        "In this Thursday, Feb. 17, 2011 picture, Ida and Larry Washington sit together in their home.",
        "Associated Press writer Dusan Stojanovic contributed to this report from the capital.",
        "Get breaking news alerts on your mobile device direct from the news desk every day.",
        "Find more details about cabin availability and prices for the summer camp here.",
    ],
)
def test_debris_is_not_a_candidate(sentence: str) -> None:
    assert S.is_debris(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said 26 people were killed and about 400 homes were damaged in the valley towns.",
        "\"We will rebuild every house,\" the governor told reporters in the regional capital.",
        "The regional governor declared a state of emergency and asked the army for help.",
        "\"If you are going to boycott something, boycott it,\" Huntsman said to the station.",
        "The man was stopped by Officer Jane Miller after a short chase through the market.",
    ],
)
def test_news_sentences_are_candidates(sentence: str) -> None:
    assert not S.is_debris(sentence)


def test_headline_of_the_article_is_not_a_candidate() -> None:
    title = "Governor declares state of emergency as flood waters rise in the valley"
    assert S.is_debris(title + ", officials said on Tuesday.", title=title)


def test_dateline_is_left_out_of_the_sentence() -> None:
    text = "WASHINGTON (AP) — The Senate passed the spending bill late on Friday after a long debate.\n"
    sents = S._sentences(_articles(text))
    assert sents[0].text.startswith("The Senate passed")
    assert text[sents[0].start : sents[0].end] == sents[0].text


# ------------------------------------------------------------------ the story summary


@pytest.mark.parametrize("budget", [15, 30, 60, 200])
def test_summary_stays_within_the_word_budget(budget: int) -> None:
    summary = S.summarize_story(_articles(FLOOD_A, FLOOD_B, FLOOD_C), max_words=budget)
    assert _words(summary) <= budget
    assert summary, "a budget of 15 words or more fits at least one sentence here"


@pytest.mark.parametrize("budget", [0, -5])
def test_no_budget_no_summary(budget: int) -> None:
    assert S.summarize_story(_articles(FLOOD_A), max_words=budget) == []


def test_no_articles_no_summary() -> None:
    assert S.summarize_story([], max_words=100) == []


@pytest.mark.parametrize(
    "junk",
    ["", "word " * 400_000, "\x00\x01\x02\xff" * 50_000, "A. " * 100_000, "Short line here.\n" * 20_000],
    ids=["empty", "no-punctuation", "binary", "initials", "repeated-lines"],
)
def test_junk_articles_do_not_take_the_story_down(junk: str) -> None:
    articles = [Article(id="junk", text=junk), *_articles(FLOOD_A, FLOOD_B)]
    summary = S.summarize_story(articles, max_words=40, use_embeddings=False)
    assert summary and all(c.article != "junk" for s in summary for c in s.citations)


def test_a_story_of_short_notes_still_gets_a_summary() -> None:
    notes = _articles("Flood waters rose on Tuesday.\nThe governor declared an emergency.\n",
                      "The governor declared an emergency on Tuesday.\n")
    summary = S.summarize_story(notes, max_words=40, use_embeddings=False)
    assert summary and all(s.citations for s in summary)
    assert any(len({c.article for c in s.citations}) == 2 for s in summary)


def test_every_sentence_is_verbatim_and_cites_itself() -> None:
    articles = _articles(FLOOD_A, FLOOD_B, FLOOD_C)
    texts = {a.id: a.text for a in articles}
    for sentence in S.summarize_story(articles, max_words=200):
        assert any(texts[c.article][c.start : c.end] == sentence.text for c in sentence.citations)


def test_corroborated_sentence_cites_every_supporting_article() -> None:
    articles = _articles(FLOOD_A, FLOOD_B, FLOOD_C)
    summary = S.summarize_story(articles, max_words=200)
    governor = [s for s in summary if "state of emergency" in s.text]
    assert len(governor) == 1, "the three reports of the emergency are one sentence in the summary"
    assert {c.article for c in governor[0].citations} == {"a0", "a1", "a2"}


def test_a_supporting_sentence_with_other_numbers_is_not_cited() -> None:
    articles = _articles(FLOOD_A, FLOOD_B, FLOOD_C)
    texts = {a.id: a.text for a in articles}
    summary = S.summarize_story(articles, max_words=200)
    killed = [s for s in summary if "were killed" in s.text]
    assert killed
    for sentence in killed:
        for c in sentence.citations:  # 26 killed and 30 killed do not support each other
            assert S.numbers_in(sentence.text) <= S.numbers_in(texts[c.article][c.start : c.end])


def test_check_numbers_drops_citations_without_the_numbers() -> None:
    articles = _articles(FLOOD_A, FLOOD_B)
    a, b = articles
    start_a = a.text.index("Officials")
    start_b = b.text.index("Officials")
    sentence = SummarySentence(
        text=a.text[start_a : a.text.index("\n", start_a)],
        citations=[
            Citation("a0", start_a, a.text.index("\n", start_a)),
            Citation("a1", start_b, b.text.index("\n", start_b)),
        ],
    )
    checked = S.check_numbers(sentence, articles)
    assert checked is not None and [c.article for c in checked.citations] == ["a0"]
    orphan = SummarySentence(text=sentence.text, citations=[sentence.citations[1]])
    assert S.check_numbers(orphan, articles) is None


def test_a_repost_does_not_change_the_summary() -> None:
    articles = _articles(FLOOD_A, FLOOD_B, FLOOD_C)
    repost = Article(id="copy", text=FLOOD_A + "Read more about the floods on our site.\n")
    alone = S.summarize_story(articles, max_words=60)
    with_copy = S.summarize_story([*articles, repost], max_words=60)
    assert [s.text for s in with_copy] == [s.text for s in alone]
    texts = [s.text for s in with_copy]
    assert len(texts) == len(set(texts))


def test_copies_are_found_by_tfidf_when_dedupe_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles' TF-IDF rows are worked out only for this fallback; it still finds the copy."""
    from synoptic import dedupe

    def broken(articles: object) -> dict[str, str]:
        raise RuntimeError("no index")

    articles = [*_articles(FLOOD_A, FLOOD_B, FLOOD_C), Article(id="copy", text=FLOOD_A + "Read more on our site.\n")]
    assert S._duplicate_groups(articles) == [0, 1, 2, 0]  # by synoptic.dedupe
    monkeypatch.setattr(dedupe, "find_duplicates", broken)
    assert S._duplicate_groups(articles) == [0, 1, 2, 0]  # by TF-IDF cosine


def test_summary_has_no_restatements() -> None:
    summary = S.summarize_story(_articles(FLOOD_A, FLOOD_B, FLOOD_C), max_words=200)
    texts = [s.text for s in summary]
    vectors = S._vectors(texts)
    sims = (vectors @ vectors.T).toarray()
    np.fill_diagonal(sims, 0)
    assert sims.max() < S.REDUNDANCY_CUTOFF


def test_summarize_documents_gives_document_indexes() -> None:
    out = S.summarize_documents([FLOOD_A, FLOOD_B, FLOOD_C], 60)
    assert out and all(isinstance(t, str) and t for t, _ in out)
    assert all(sources and sources == sorted(sources) and set(sources) <= {0, 1, 2} for _, sources in out)
    assert any(len(sources) == 3 for _, sources in out)


# ------------------------------------------------------------------ the seeds


def test_seed_summary_is_cited_within_200_words(seed_texts: dict[str, str]) -> None:
    from synoptic.clean import clean_articles

    articles = clean_articles([Article(id=k, text=t, raw_text=t) for k, t in seed_texts.items()])
    texts = {a.id: a.text for a in articles}
    summary = S.summarize_story(articles, max_words=200)
    assert 100 <= _words(summary) <= 200
    assert any(len({c.article for c in s.citations}) > 1 for s in summary)
    for sentence in summary:
        assert sentence.citations
        for c in sentence.citations:
            assert S.numbers_in(sentence.text) <= S.numbers_in(texts[c.article][c.start : c.end])
        assert not any(word in sentence.text for word in ("cookie", "Leave a Reply", "Subscribe"))


def test_seed_summary_with_extractions_favours_shared_names(seed_texts: dict[str, str]) -> None:
    from synoptic.clean import clean_articles
    from synoptic.extract import extract_articles

    articles = clean_articles([Article(id=k, text=t, raw_text=t) for k, t in seed_texts.items()])
    extractions = extract_articles(articles, what=["entities"])
    sents = [s for s in S._sentences(articles) if s.candidate]
    overlap = S._name_overlap(sents, articles, extractions)
    assert overlap.min() >= 0 and overlap.max() <= 1
    tokayev = [k for k, s in enumerate(sents) if "Tokayev" in s.text]
    assert tokayev and all(overlap[k] > 0 for k in tokayev), "Tokayev is named by several seeds"
    summary = S.summarize_story(articles, extractions, max_words=200, use_embeddings=False)
    assert 0 < _words(summary) <= 200 and all(s.citations for s in summary)


def test_seed_paraphrases_are_cited_by_embedding_support(seed_texts: dict[str, str]) -> None:
    """Translated restatements that TF-IDF misses are cited; each extra citation is a paraphrase."""
    from synoptic.clean import clean_articles
    from synoptic.embed import get_embedder

    articles = clean_articles([Article(id=k, text=t, raw_text=t) for k, t in seed_texts.items()])
    texts = {a.id: a.text for a in articles}
    plain = S.summarize_story(articles, max_words=200, use_embeddings=False)
    rich = S.summarize_story(articles, max_words=200)
    assert [s.text for s in rich] == [s.text for s in plain], "embeddings change citations, not choices"
    extra = [
        (s.text, c) for s, p in zip(rich, plain, strict=True) for c in s.citations if c not in p.citations
    ]
    assert len(extra) >= 2
    vectors = get_embedder().embed([t for t, _ in extra] + [texts[c.article][c.start : c.end] for _, c in extra])
    n = len(extra)
    for k in range(n):
        assert float(vectors[k] @ vectors[n + k]) >= S.EMBED_SUPPORT_THRESHOLD - 1e-4


# ------------------------------------------------------------------ faithfulness on Multi-News


@pytest.mark.slow
def test_multinews_summaries_are_faithful() -> None:
    """Over all 100 dev clusters: every summary sentence is a sentence of its (cleaned) source,
    and every other cited source has a sentence above the support threshold with its numbers."""
    path = shared_path("eval", "multinews-dev", "clusters.jsonl")
    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(clusters) == 100
    sentences = cited = 0
    for cluster in clusters:
        articles = S.clean_documents(cluster["documents"])
        summary = S.summarize_story(articles, max_words=len(cluster["summary"].split()), use_embeddings=False)
        assert _words(summary) <= len(cluster["summary"].split())
        by_id = {a.id: a for a in articles}
        sents = S._sentences(articles)
        row = {(s.article, s.start, s.end): k for k, s in enumerate(sents)}
        groups = S._duplicate_groups(articles, S._vectors([a.text for a in articles]))
        matrix = S._vectors([s.text for s in sents], fit=[s.text for s in sents if groups[s.article] == s.article])
        for sentence in summary:
            sentences += 1
            own = [c for c in sentence.citations if by_id[c.article].text[c.start : c.end] == sentence.text]
            assert own, f"{cluster['id']}: not a source sentence: {sentence.text[:80]}"
            assert not S.is_debris(sentence.text)
            k_own = row[(int(own[0].article), own[0].start, own[0].end)]
            for c in sentence.citations:
                span = by_id[c.article].text[c.start : c.end]
                assert S.numbers_in(sentence.text) <= S.numbers_in(span)
                if c in own:
                    continue
                cited += 1
                k = row[(int(c.article), c.start, c.end)]
                assert (matrix[k_own] @ matrix[k].T).toarray()[0, 0] >= S.SUPPORT_THRESHOLD
    assert sentences > 400 and cited > 20


# ------------------------------------------------------------------ the command


def test_summarize_command_writes_one_line_per_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "clusters.jsonl"
    src.write_text(
        json.dumps({"id": "flood", "documents": [FLOOD_A, FLOOD_B, FLOOD_C]}) + "\n"
        + json.dumps({"id": "empty", "documents": []}) + "\n",
        encoding="utf-8",
    )
    assert main(["summarize", str(src), "--max-words", "50"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in lines] == ["flood", "empty"]
    flood = lines[0]
    assert flood["summary"] == " ".join(s["text"] for s in flood["sentences"])
    assert 0 < len(flood["summary"].split()) <= 50
    assert all(s["sources"] for s in flood["sentences"])
    assert lines[1]["sentences"] == []


@pytest.mark.parametrize(
    "bad_line",
    ["not json", json.dumps({"id": "x"}), json.dumps({"id": "x", "documents": "text"}), json.dumps([1, 2])],
)
def test_summarize_command_skips_bad_lines_and_goes_on(
    bad_line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(bad_line + "\n" + json.dumps({"id": "ok", "documents": [FLOOD_A]}) + "\n", encoding="utf-8")
    assert main(["summarize", str(src), str(tmp_path / "missing.jsonl")]) == 3
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["ok"]
    assert "mixed.jsonl:1" in captured.err and "missing.jsonl" in captured.err


def test_summarize_command_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    line = json.dumps({"id": "flood", "documents": [FLOOD_A, FLOOD_B]})
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))
    assert main(["summarize", "-", "--max-words", "40", "--no-embeddings"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "flood"


@pytest.mark.parametrize("budget", ["0", "-3", "many"])
def test_summarize_command_rejects_a_bad_budget(budget: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["summarize", "-", "--max-words", budget])
    assert exc.value.code == 2


def test_sentence_splitting_is_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Report {i} opens here. It adds line {i} after that. Dr. Lee said so on day {i}." for i in range(40)]
    S.split_sentences.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(S.split_sentences, texts))
    for text, spans in zip(texts, results, strict=True):
        assert [text[a:b] for a, b in spans][-1].startswith("Dr. Lee said so")
        assert len(spans) == 3
