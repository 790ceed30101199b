"""Extractive story summaries: the sentences most sources agree on, each citing every source that says it.

A summary is a short list of whole sentences copied from the articles (never rewritten), chosen for
1. centrality (close to what the story's articles say as a whole),
2. position (news puts its main facts first), and
3. corroboration (several independent articles carry a sentence like it; reposts count once),
without redundancy (maximal marginal relevance) and without web debris. Every sentence cites its
own span and the similar sentence of every other article that supports it; a supporting sentence
counts only if it carries every number of the summary sentence, and a sentence whose numbers are
not all inside its citations is dropped (DESIGN.md, rule 1).

Sentence choice uses TF-IDF cosine over the story's own (lightly stemmed) sentences: it needs no
model and covers every sentence of a story in milliseconds. Embedding every sentence with MiniLM
(``synoptic.embed``) was measured too slow for that here (about 33 sentences/s on the shared
2-core machine; the 100 Multi-News dev clusters hold 7,400 sentences), so embeddings are used
only where they matter most and cost least: to find paraphrased support for the few chosen
sentences, so that translated and reworded reports are cited too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from synoptic.clean import dateline_length, is_debris
from synoptic.lang.en.numbers import CARDINALS, SCALES
from synoptic.lang.en.stems import strip_inflection
from synoptic.records import Article, Citation, Extraction, SummarySentence
from synoptic.util.sentences import split_sentences

log = logging.getLogger(__name__)

# ------------------------------------------------------------------ tuned constants
# Calibrated together on ../shared/eval/multinews-dev/clusters.jsonl (100 clusters, reference
# length budget) with `synoptic eval summaries`, checked on each half separately so that no
# value is tuned to one half only; see tests/evaluate/test_eval_summaries.py for the pinned floors.

#: Sentences and characters looked at per article (long pages are mostly debris after this many;
#: the cap also bounds the time a 50 MB text can take).
MAX_SENTENCES_PER_ARTICLE = 250
MAX_ARTICLE_CHARS = 60_000
#: TF-IDF cosine from which a sentence of another article counts as saying the same thing.
SUPPORT_THRESHOLD = 0.32
#: Sentence-embedding cosine (all-MiniLM-L6-v2) from which a sentence of another article is a
#: paraphrase that supports a summary sentence, and how many TF-IDF nearest sentences of each
#: article are embedded to look for it. Read off the five seeds (../shared/seeds): translated
#: restatements of one fact score 0.65-0.77, different facts of the same story up to 0.64.
EMBED_SUPPORT_THRESHOLD = 0.65
EMBED_SHORTLIST = 4
#: Two articles whose whole-text TF-IDF cosine reaches this are copies of one report (used when
#: synoptic.dedupe is not installed).
DUPLICATE_THRESHOLD = 0.90
#: Weights of the sentence score: centrality, position prior, corroboration.
WEIGHT_CENTRALITY = 1.0
WEIGHT_POSITION = 0.3
WEIGHT_SUPPORT = 0.25
#: Position prior: score 1 for an article's first sentence, decaying as 1 / (1 + k * index).
POSITION_DECAY = 0.15
#: With extractions: bonus for the share of a sentence's named mentions that other articles also
#: name. A tie-breaker only (Multi-News comes without extractions, so it is not tuned on ROUGE).
WEIGHT_NAMES = 0.05
#: MMR: how much similarity to an already chosen sentence costs.
REDUNDANCY_PENALTY = 0.9
#: A candidate this similar to a chosen sentence is a restatement and is never added.
REDUNDANCY_CUTOFF = 0.55

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# numbers: digits (1,000 -> 1000) and number words that name a quantity
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# (the language's tables, lang/en/numbers.py; "zero" and "one" are left out: "one" is far more often
# a pronoun or determiner, "one of the", "zero" an idiom, "zero tolerance", than a figure to check)
_NUMBER_WORDS = (
    (set(CARDINALS) - {"zero", "one"})
    | set(SCALES)
    | {f"{scale}s" for scale in SCALES}
    | {"dozen", "dozens", "half"}
)


@dataclass
class _Sentence:
    """A sentence of one article with its offsets into ``Article.text``."""

    article: int  # index into the story's articles
    index: int  # position among the article's sentences
    start: int
    end: int
    text: str
    candidate: bool = True
    numbers: frozenset[str] = field(default_factory=frozenset)

    @property
    def words(self) -> int:
        return len(self.text.split())


# ------------------------------------------------------------------ sentences


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text states, normalised: digits without separators and number words."""
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {w.lower() for w in _WORD.findall(text) if w.lower() in _NUMBER_WORDS}
    return frozenset(found)


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    """1. Split every article into sentences and mark the candidates."""
    out: list[_Sentence] = []
    for a, article in enumerate(articles):
        for i, (start, end) in enumerate(split_sentences(article.text[:MAX_ARTICLE_CHARS])[:MAX_SENTENCES_PER_ARTICLE]):
            text = article.text[start:end]
            skip = dateline_length(text)
            if skip:
                start += skip
                text = article.text[start:end]
            sent = _Sentence(a, i, start, end, text, numbers=numbers_in(text))
            sent.candidate = not is_debris(text, article.title)
            out.append(sent)
    return out


# ------------------------------------------------------------------ similarity


_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def _terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words of a text (scikit-learn's English stop words out).

    Inflections come off (``synoptic.lang.en.stems.strip_inflection``: "killed", "kills" and "killing"
    meet); the full Snowball stem measured lower ROUGE here.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [strip_inflection(w) for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def _vectors(texts: list[str], fit: list[str] | None = None) -> Any:
    """TF-IDF rows (L2-normalised, sparse) of the texts, IDF fitted on ``fit`` (default: the texts).

    None when the fitting texts hold nothing but stop words.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, norm="l2")
    try:
        if fit is None:
            return vectorizer.fit_transform(texts)
        return vectorizer.fit(fit).transform(texts)
    except ValueError:  # nothing but stop words
        return None


def _duplicate_groups(articles: Sequence[Article], doc_vectors: Any = None) -> list[int]:
    """For each article, the index of the first copy of the report it repeats (itself if none).

    Copies come from ``synoptic.dedupe``; without it (or when it fails), from the articles' TF-IDF
    rows (``doc_vectors``, computed here when not given: only then, a pass over every word)."""
    group = list(range(len(articles)))
    try:
        from synoptic import dedupe
    except ImportError:
        dedupe = None  # type: ignore[assignment]
    if dedupe is not None:
        try:
            first = dedupe.find_duplicates(list(articles))
        except Exception as exc:  # a failing helper must not take the summary down
            log.debug("dedupe failed, using TF-IDF copies: %s", exc)
        else:
            index = {a.id: i for i, a in enumerate(articles)}
            return [index.get(first.get(a.id, a.id), i) for i, a in enumerate(articles)]
    if doc_vectors is None:
        doc_vectors = _vectors([a.text for a in articles])
    if doc_vectors is None:
        return group
    sims = (doc_vectors @ doc_vectors.T).toarray()
    for i in range(len(articles)):
        for j in range(i):
            if sims[i, j] >= DUPLICATE_THRESHOLD:
                group[i] = group[j]
                break
    return group


# ------------------------------------------------------------------ the summary


def summarize_story(
    articles: list[Article],
    extractions: list[Extraction] | None = None,
    max_words: int = 200,
    *,
    use_embeddings: bool = True,
) -> list[SummarySentence]:
    """An extractive summary of one story within ``max_words`` words, every sentence cited.

    With ``use_embeddings`` (and ``synoptic.embed`` available), citations also take paraphrases
    that TF-IDF misses (translations, reworded reports); the choice of sentences does not depend
    on it, so ROUGE evaluations turn it off for speed.

    Steps:
    1. split the articles into sentences with offsets and drop debris as candidates;
    2. TF-IDF vectors of all sentences; each article's centroid, the story centroid (copies
       of one report count once);
    3. support: for every candidate, each other article's most similar sentence, kept when it is
       above ``SUPPORT_THRESHOLD`` and states every number of the candidate;
    4. score = centrality + position prior + corroboration by independent articles (and, with
       ``extractions``, a little for sentences carrying the story's recurring names);
    5. greedy MMR within the budget (whole sentences only; a sentence that does not fit is
       skipped and a shorter one can fill the space);
    6. support for the chosen sentences by sentence embeddings (paraphrases), then order them as
       the articles tell them, and check every number against the cited spans.
    """
    if max_words <= 0 or not articles:
        return []
    # 1. sentences
    sents = _sentences(articles)
    if not any(s.candidate for s in sents):  # short notes: relax the length floor, keep the rest
        for s in sents:
            s.candidate = not is_debris(s.text, articles[s.article].title, strict=False)
    if not any(s.candidate for s in sents):
        return []
    # 2. vectors; a repost is cited but neither weighs in the IDF nor offers candidates
    groups = _duplicate_groups(articles)
    for s in sents:
        s.candidate = s.candidate and groups[s.article] == s.article
    matrix = _vectors([s.text for s in sents], fit=[s.text for s in sents if groups[s.article] == s.article])
    if matrix is None:
        return []
    cand_idx = np.array([i for i, s in enumerate(sents) if s.candidate])
    article_of = np.array([s.article for s in sents])
    centroid = np.zeros(matrix.shape[1])
    independent = sorted(set(groups))
    for g in independent:
        rows = np.flatnonzero(article_of == g)
        if rows.size:
            mean = np.asarray(matrix[rows].sum(axis=0)).ravel()
            norm = np.linalg.norm(mean)
            if norm:
                centroid += mean / norm
    norm = np.linalg.norm(centroid)
    centroid = centroid / norm if norm else centroid
    cand_matrix = matrix[cand_idx]
    centrality = np.asarray(cand_matrix @ centroid).ravel()

    # 3. support, one article at a time (memory stays candidates x one article's sentences)
    supporters: list[dict[int, int]] = [{sents[ci].article: int(ci)} for ci in cand_idx]
    cand_article = article_of[cand_idx]
    for a in range(len(articles)):
        rows = np.flatnonzero(article_of == a)
        if not rows.size:
            continue
        block = (cand_matrix @ matrix[rows].T).toarray()  # candidates x sentences of article a
        block[cand_article == a] = 0.0
        for c in np.flatnonzero(block.max(axis=1) >= SUPPORT_THRESHOLD):
            own = sents[cand_idx[c]]
            for k in np.argsort(-block[c])[:3]:  # the best few, the first with all the numbers
                if block[c, k] < SUPPORT_THRESHOLD:
                    break
                if own.numbers <= sents[rows[k]].numbers:
                    supporters[c][a] = int(rows[k])
                    break
    n_groups = max(len(independent) - 1, 1)
    corroboration = np.array(
        [len({groups[a] for a in found} - {groups[sents[ci].article]}) / n_groups
         for found, ci in zip(supporters, cand_idx, strict=True)]
    )

    # 4. score
    rank: dict[int, int] = {}
    lead_rank = []  # position among the article's candidates: debris above the lead does not count
    for ci in cand_idx:
        a = sents[ci].article
        lead_rank.append(rank.get(a, 0))
        rank[a] = rank.get(a, 0) + 1
    position = 1.0 / (1.0 + POSITION_DECAY * np.array(lead_rank))
    score = WEIGHT_CENTRALITY * centrality + WEIGHT_POSITION * position + WEIGHT_SUPPORT * corroboration
    if extractions:
        score = score + WEIGHT_NAMES * _name_overlap([sents[ci] for ci in cand_idx], articles, extractions)

    # 5. MMR within the budget
    chosen: list[int] = []
    used = 0
    lengths = np.array([sents[ci].words for ci in cand_idx])
    available = np.ones(len(cand_idx), dtype=bool)
    redundancy = np.zeros(len(cand_idx))  # each candidate's highest similarity to a chosen one
    while True:
        fits = available & (lengths <= max_words - used) & (redundancy < REDUNDANCY_CUTOFF)
        if not fits.any():
            break
        gain = np.where(fits, score - REDUNDANCY_PENALTY * redundancy, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        used += int(lengths[best])
        available[best] = False
        redundancy = np.maximum(redundancy, (cand_matrix @ cand_matrix[best].T).toarray().ravel())

    # 6. paraphrase support, order and cite
    if use_embeddings and chosen:
        _embedding_support(sents, [int(cand_idx[r]) for r in chosen], [supporters[r] for r in chosen],
                           (cand_matrix[chosen] @ matrix.T).toarray(), article_of)
    chosen.sort(key=lambda r: (sents[cand_idx[r]].index, sents[cand_idx[r]].article))
    chosen = _in_time_order(chosen, [articles[sents[cand_idx[r]].article].published for r in chosen])
    summary: list[SummarySentence] = []
    for r in chosen:
        own = sents[cand_idx[r]]
        citations = [
            Citation(articles[a].id, sents[j].start, sents[j].end)
            for a, j in sorted(supporters[r].items())
        ]
        sentence = SummarySentence(text=own.text, citations=citations)
        checked = check_numbers(sentence, articles)
        if checked is not None:
            summary.append(checked)
    return summary


def _in_time_order(chosen: list[int], dates: list[Any]) -> list[int]:
    """Step 6, the order: sentences by the publication time of the report they come from (what a
    report of Monday says comes before what one of Tuesday says), as the articles tell them
    within one time. A sentence from an undated report keeps its place after the sentence before
    it; with no dated report the order is the articles' own."""
    keys = [_utc_naive(d) for d in dates]
    if not any(k is not None for k in keys):
        return chosen
    first = min(k for k in keys if k is not None)
    filled: list[Any] = []
    for k in keys:
        filled.append(k if k is not None else (filled[-1] if filled else first))
    order = sorted(range(len(chosen)), key=lambda i: (filled[i], i))
    return [chosen[i] for i in order]


def _utc_naive(value: Any) -> Any:
    """A datetime comparable with any other: aware ones in UTC without their zone."""
    if value is None:
        return None
    from datetime import UTC

    if getattr(value, "tzinfo", None) is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _embedding_support(
    sents: list[_Sentence],
    chosen: list[int],
    supporters: list[dict[int, int]],
    tfidf: np.ndarray,
    article_of: np.ndarray,
) -> None:
    """Add to ``supporters`` (in place, one dict per chosen sentence) the articles with a paraphrase.

    Each other article's ``EMBED_SHORTLIST`` sentences most similar by TF-IDF are embedded with
    the chosen sentence; the best one at or above ``EMBED_SUPPORT_THRESHOLD`` cosine that states
    every number of the chosen sentence supports it. Without an embedder nothing changes.
    """
    wanted: dict[int, list[tuple[int, list[int]]]] = {}
    for k, ci in enumerate(chosen):
        for a in np.unique(article_of):
            if int(a) in supporters[k]:
                continue
            near = np.flatnonzero(article_of == a)
            near = near[np.argsort(-tfidf[k, near])][:EMBED_SHORTLIST]
            rows = [int(j) for j in near if sents[ci].numbers <= sents[int(j)].numbers and sents[int(j)].words >= 4]
            if rows:
                wanted.setdefault(k, []).append((int(a), rows))
    if not wanted:
        return
    # only the chosen sentences that look for a paraphrase, and their shortlists, are embedded
    needed = sorted({chosen[k] for k in wanted} | {j for pairs in wanted.values() for _, rows in pairs for j in rows})
    try:
        from synoptic.embed import get_embedder

        vectors = get_embedder().embed([sents[j].text for j in needed])
    except Exception as exc:  # no model here: TF-IDF citations stand
        log.debug("no sentence embeddings for citations (%s); TF-IDF support only", exc)
        return
    row = {j: n for n, j in enumerate(needed)}
    for k, pairs in wanted.items():
        own = vectors[row[chosen[k]]]
        for a, rows in pairs:
            cos = [float(vectors[row[j]] @ own) for j in rows]
            best = int(np.argmax(cos))
            if cos[best] >= EMBED_SUPPORT_THRESHOLD:
                supporters[k][a] = rows[best]


def _name_overlap(
    sents: list[_Sentence], articles: Sequence[Article], extractions: list[Extraction]
) -> np.ndarray:
    """Share of a sentence's named mentions whose name recurs in other articles (0..1)."""
    by_article = {e.article: e for e in extractions}
    names_in: dict[str, set[int]] = {}
    for a, article in enumerate(articles):
        ext = by_article.get(article.id)
        for m in ext.mentions if ext else []:
            names_in.setdefault((m.entity or m.text).lower(), set()).add(a)
    out = np.zeros(len(sents))
    for k, s in enumerate(sents):
        ext = by_article.get(articles[s.article].id)
        inside = [m for m in (ext.mentions if ext else []) if s.start <= m.start and m.end <= s.end]
        if inside:
            out[k] = sum(len(names_in.get((m.entity or m.text).lower(), ())) > 1 for m in inside) / len(inside)
    return out


def check_numbers(sentence: SummarySentence, articles: Sequence[Article]) -> SummarySentence | None:
    """The sentence with only the citations whose span states every number it states.

    Returns None when no citation is left: a number in a summary must appear in a cited span.
    """
    texts = {a.id: a.text for a in articles}
    needed = numbers_in(sentence.text)
    kept = [
        c for c in sentence.citations
        if c.article in texts and needed <= numbers_in(texts[c.article][c.start:c.end])
    ]
    if not kept:
        log.debug("summary sentence dropped, its numbers are in no cited span: %s", sentence.text[:80])
        return None
    return SummarySentence(text=sentence.text, citations=kept)


# ------------------------------------------------------------------ plain documents


def clean_documents(documents: Sequence[str]) -> list[Article]:
    """Plain documents as articles (id = their index), debris cleaned when synoptic.clean exists."""
    articles = [Article(id=str(i), text=doc, raw_text=doc) for i, doc in enumerate(documents)]
    try:
        from synoptic.clean import clean_article
    except ImportError:
        return articles
    cleaned: list[Article] = []
    for article in articles:
        try:
            cleaned.append(clean_article(article))
        except Exception as exc:  # keep the document as given rather than lose it
            log.warning("document %s: cleaning failed (%s); summarising it as given", article.id, exc)
            cleaned.append(article)
    return cleaned


def summarize_documents(
    documents: list[str], max_words: int, *, use_embeddings: bool = True
) -> list[tuple[str, list[int]]]:
    """Summarise plain documents: ``(sentence, indexes of the documents that support it)``.

    The documents are cleaned of debris first (``synoptic.clean``), then summarised as one
    story with :func:`summarize_story` (``use_embeddings`` as there).
    """
    articles = clean_documents(documents)
    summary = summarize_story(articles, max_words=max_words, use_embeddings=use_embeddings)
    return [(s.text, sorted({int(c.article) for c in s.citations})) for s in summary]
