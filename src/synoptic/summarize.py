"""Extractive story summaries: the sentences most sources agree on, each citing every source that says it.

A summary is a short list of whole sentences copied from the articles (never rewritten), chosen for
1. centrality (close to what the story's articles say as a whole),
2. position (news puts its main facts first), and
3. corroboration (several independent articles carry a sentence like it; reposts count once),
without redundancy (maximal marginal relevance, and no restatement by TF-IDF or by sentence
embeddings) and without web debris. A sentence must read on its own: none opening on a word that
points back ("It also found ...", "His name is ...") unless it follows the sentence it points to,
none starting mid-quote, no headline or subtitle above an article's date line. A story whose
reports span days opens its selection with its newest report's lead (the latest development).
Every sentence cites its own span and the similar sentence of every other article that supports
it; a supporting sentence counts only if it carries most of what the summary sentence says (its
TF-IDF weight) and every number of it, and a sentence whose numbers are not all inside its
citations is dropped (DESIGN.md, rule 1).

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
from synoptic.lang.en.speech import CUE_WORDS
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
#: ... and from which share of the summary sentence's TF-IDF weight it also carries: a sentence that
#: shares the story's names but not what the summary sentence says about them ("His name is
#: Deputy X" for "Deputy X was looking for a career criminal ...") does not support it. Read off the
#: citations of review13's deputy and species summaries (supporting sentences 0.46-1.00, sentences
#: of the same story saying something else 0.09-0.30); checked on review12's stories.
SUPPORT_COVERAGE = 0.4
#: Sentence-embedding cosine (all-MiniLM-L6-v2) from which a sentence of another article is a
#: paraphrase that supports a summary sentence, and how many TF-IDF nearest sentences of each
#: article are embedded to look for it. Read off the five seeds (../shared/seeds): translated
#: restatements of one fact score 0.65-0.77, different facts of the same story up to 0.64.
EMBED_SUPPORT_THRESHOLD = 0.65
EMBED_SHORTLIST = 4
#: The share of the chosen sentence's TF-IDF weight a paraphrase must still carry (a paraphrase
#: shares fewer words than a copy, so the floor sits under ``SUPPORT_COVERAGE``), unless its
#: embedding cosine reaches ``EMBED_STRONG_SUPPORT``: the embedding alone (0.65-0.68) called
#: "His name is Deputy X." a paraphrase of a long sentence about X. Read off review13's deputy and
#: species (wrong paraphrase citations: coverage 0.09-0.26 at cosine 0.65-0.70) and the seeds
#: (translated restatements: coverage 0.20-0.27 at cosine 0.72-0.82).
EMBED_SUPPORT_COVERAGE = 0.3
EMBED_STRONG_SUPPORT = 0.72
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
#: Sentence-embedding cosine (all-MiniLM-L6-v2) from which a candidate restates a chosen sentence
#: in other words ("A publicist says X has checked herself into rehab" / "X entered well-known
#: Malibu rehab center ..."). Fitted by reading the summaries of review13's rehab, deputy and
#: species: restatements of one fact 0.60-0.74, sentences that add a fact 0.05-0.57 ("X, who
#: launched a fashion line, is supported by friends and family" against "X checked herself into
#: rehab": 0.57). Checked on review12's pinup, sixers and saints by reading. It costs Multi-News
#: ROUGE-1 about 0.5 (references there retell the main thread more than once).
EMBED_REDUNDANCY_CUTOFF = 0.60
#: Candidates embedded at a time for that check, best MMR gain first.
EMBED_REDUNDANCY_BATCH = 16
#: A story whose dated reports span at least this many days has developed over time: its summary
#: opens its selection with the best lead sentence (among the first ``LATEST_LEAD_SENTENCES``
#: candidates) of its newest reports (those within ``LATEST_WINDOW_DAYS`` of the newest), so the
#: latest development (a verdict, a sentence, a rising toll) is never crowded out by the many
#: reports of the first event. Dates inferred from story peers do not count. Set on review13's
#: deputy (shooting 2005, death sentence 2007, the outcome missing); one day already separates a
#: follow-up report from the first ones.
LATEST_MIN_SPAN_DAYS = 2
LATEST_WINDOW_DAYS = 1
LATEST_LEAD_SENTENCES = 1
#: A brief's summary opens on the event of the leads (otherwise on whatever sentence comes first
#: in its article, which may be a background figure or a caption above the report: review15's
#: ewaste opened on a 2010 unit count): among the first ``LEAD_EVENT_SENTENCES`` candidates of each
#: independent report, the best by its score plus its closeness to what the other reports say
#: (TF-IDF cosine to the sum of their normalised mean vectors), a lead another report corroborates
#: (else one whose figures another report gives) first. Two, because a report's first
#: candidate is often scene-setting ("Another day in Hollywood ...") and its second the news; read off review15's
#: three Multi-News stories and review14's, checked on review13's and review12's by reading.
LEAD_EVENT_SENTENCES = 2

#: Lines at the top of an article that may hold its headline and subtitle (dek): a sentence on one of
#: them that a date line follows is headline matter, not the report ("Deputy's killer gets death
#: sentence / The gang member shot ... in 2005. / April 04, 2007 / A Norwalk jury on Tuesday ...").
#: The ECB+ pages of review13 and review12 carry title, dek and date line within the first four lines
#: (after the URL line).
HEADER_LINES = 5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# A sentence must stand alone: one that opens on a word pointing back to the sentence before it
# leaves its reader asking "who?" or "what?" ("It also found ...", "His name is ...", "But the
# court ..."). The closed classes of English that do this: third-person personal and possessive
# pronouns, coordinating conjunctions and the adverb "also"; a demonstrative counts when it stands
# for a noun ("This is ...", "That was ..."), not when it modifies one ("This week ...").
_ANAPHORIC_OPENERS = frozenset(
    "he she it they him her his its their them hers theirs "
    "and but or nor yet so also".split()
)
# English conjunctive adverbs: they link a sentence to the one before it ("However, given his
# limited effectiveness ...", "Instead, she worked ...")
_CONJUNCTIVE_ADVERBS = frozenset(
    "however instead still meanwhile moreover furthermore nevertheless nonetheless therefore thus hence "
    "otherwise besides likewise similarly consequently accordingly then again indeed anyway "
    "additionally conversely subsequently".split()
)
# the writer's own voice outside a quotation (a blog's "We'll know more ...", "I guess ..."):
# first- and second-person pronouns
_WRITER_PRONOUNS = frozenset("i we you me us my our your".split())
_DEMONSTRATIVES = frozenset("this that these those".split())
_AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would shall should can could may "
    "might must 's".split()
)
_OPEN_QUOTE = re.compile(r"``|“")
_ADVERB_COMMA = re.compile(r"[A-Z][a-z]+ly\s*,")
# one to three capitalised words, a speech verb and a comma: what follows a quotation
_SPEAKER_TAIL = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}(\w+)\s*,")
_CLOSE_QUOTE = re.compile(r"''|”")

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
    follows: int | None = None  # a sentence that points back: the index (in the list) of the one before it

    @property
    def words(self) -> int:
        return len(self.text.split())


# ------------------------------------------------------------------ sentences


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text states, normalised: digits without separators and number words."""
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {w.lower() for w in _WORD.findall(text) if w.lower() in _NUMBER_WORDS}
    return frozenset(found)


def points_back(text: str) -> bool:
    """Whether a sentence opens on a word that points back to the sentence before it
    (:data:`_ANAPHORIC_OPENERS`, a demonstrative standing for a noun) or on the speaker of a
    quotation the sentence before it holds ("Hickok said, referring to ...")."""
    body = text.lstrip("\"“‘'`([ ")
    words = [w.lower() for w in _WORD.findall(body[:60])]
    if not words:
        return False
    first = words[0].split("'")[0].split("’")[0]  # "it's", "we'll"
    if first in _ANAPHORIC_OPENERS or first in _CONJUNCTIVE_ADVERBS or first in _WRITER_PRONOUNS:
        return True
    opener = _ADVERB_COMMA.match(body)  # "Unfortunately, it hasn't ..."
    if opener and len(words) > 1 and words[1].split("'")[0] in _ANAPHORIC_OPENERS | _WRITER_PRONOUNS:
        return True
    second = re.sub(r"n['’]t$", "", words[1]) if len(words) > 1 else ""  # "This wasn't ..."
    if words[0] in _DEMONSTRATIVES and second in _AUXILIARIES | {"wo", "ca"}:
        return True
    tail = _SPEAKER_TAIL.match(body)
    return bool(tail and tail.group(1).lower() in CUE_WORDS)


def stands_alone(text: str, anaphora: bool = True) -> bool:
    """Whether a sentence reads on its own, out of its article: it does not point back
    (:func:`points_back`; not checked with ``anaphora=False``), nor open in the middle of a
    quotation (quote marks that do not pair up), nor on a lower-case word."""
    body = text.lstrip("\"“‘'`([ ")
    if not body or body[0].islower() or (anaphora and points_back(text)):
        return False
    opened, closed = len(_OPEN_QUOTE.findall(text)), len(_CLOSE_QUOTE.findall(text))
    if opened != closed or text.count('"') % 2:
        return False
    return True


def _header_end(text: str) -> int:
    """Where an article's headline matter ends: after the last date line among its first
    :data:`HEADER_LINES` lines (0 when none: the text opens on its report)."""
    from synoptic.dating import text_dates

    end = 0
    pos = 0
    for _ in range(HEADER_LINES):
        nl = text.find("\n", pos)
        line = text[pos: nl if nl >= 0 else len(text)]
        stripped = line.strip()
        if stripped and len(stripped.split()) <= 12 and not stripped.endswith((".", "!", "?")) \
                and text_dates(stripped):
            end = pos + len(line)
        if nl < 0:
            break
        pos = nl + 1
    return end


def _sentences(articles: Sequence[Article], bullets: bool = True) -> list[_Sentence]:
    """1. Split every article into sentences and mark the candidates: no debris, no headline
    matter above a date line, and only sentences that stand alone."""
    out: list[_Sentence] = []
    for a, article in enumerate(articles):
        header = _header_end(article.text[:2000])
        for i, (start, end) in enumerate(split_sentences(article.text[:MAX_ARTICLE_CHARS])[:MAX_SENTENCES_PER_ARTICLE]):
            text = article.text[start:end]
            skip = dateline_length(text)
            if skip:
                start += skip
                text = article.text[start:end]
            sent = _Sentence(a, i, start, end, text, numbers=numbers_in(text))
            sent.candidate = start >= header and not is_debris(text, article.title) and (not bullets or stands_alone(text))
            prev = out[-1] if out and out[-1].article == a else None
            # a sentence that points back ("It also found ...") may follow the sentence it points to,
            # and only that one, when that one is in the summary
            if (not sent.candidate and prev is not None and points_back(text) and start >= header
                    and not is_debris(text, article.title) and stands_alone(text, anaphora=False)):
                sent.candidate = True
                sent.follows = len(out) - 1
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
    bullets: bool = True,
) -> list[SummarySentence]:
    """An extractive summary of one story within ``max_words`` words, every sentence cited.

    With ``use_embeddings`` (and ``synoptic.embed`` available), citations also take paraphrases
    that TF-IDF misses (translations, reworded reports); the choice of sentences does not depend
    on it, so ROUGE evaluations turn it off for speed.

    ``bullets`` (the brief's form: each sentence is read as a bullet of its own) keeps only
    sentences that stand alone (a sentence that points back may follow the one it points to) and
    leaves out restatements by sentence embeddings. Without it (a paragraph: ``synoptic
    summarize``, the Multi-News ROUGE evaluation) those two checks are off: on Multi-News they cost
    ROUGE-1 about 1.7 and ROUGE-2 about 2.0, because the references there retell the main thread
    with "he said" sentences (measured on the summary14 branch).

    Steps:
    1. split the articles into sentences with offsets and drop debris as candidates;
    2. TF-IDF vectors of all sentences; each article's centroid, the story centroid (copies
       of one report count once);
    3. support: for every candidate, each other article's most similar sentence, kept when it is
       above ``SUPPORT_THRESHOLD``, carries ``SUPPORT_COVERAGE`` of the candidate's term weight
       and states every number of the candidate;
    4. score = centrality + position prior + corroboration by independent articles (and, with
       ``extractions``, a little for sentences carrying the story's recurring names);
    5. greedy MMR within the budget (whole sentences only; a sentence that does not fit is
       skipped and a shorter one can fill the space), opened by the newest report's lead when
       the story spans days (``LATEST_MIN_SPAN_DAYS``); a restatement (TF-IDF
       ``REDUNDANCY_CUTOFF``, embeddings ``EMBED_REDUNDANCY_CUTOFF``) is never added, and a
       sentence that points back only right after the sentence it points to;
    6. support for the chosen sentences by sentence embeddings (paraphrases), then order them as
       the articles tell them, and check every number against the cited spans.
    """
    if max_words <= 0 or not articles:
        return []
    # 1. sentences
    sents = _sentences(articles, bullets)
    if not any(s.candidate for s in sents):  # short notes: relax the length floor, keep the rest
        for s in sents:
            s.candidate = not is_debris(s.text, articles[s.article].title, strict=False) and (
                not bullets or stands_alone(s.text))
    if not any(s.candidate for s in sents):  # nothing reads alone: a sentence that needs its context beats none
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
    for s in sents:  # a sentence that points back needs the one it points to
        if s.follows is not None and not sents[s.follows].candidate:
            s.candidate = False
    cand_idx = np.array([i for i, s in enumerate(sents) if s.candidate])
    position_of = {int(ci): k for k, ci in enumerate(cand_idx)}
    needs = np.array([position_of.get(sents[ci].follows, -1) if sents[ci].follows is not None else -1
                      for ci in cand_idx], dtype=int)
    article_of = np.array([s.article for s in sents])
    centroid = np.zeros(matrix.shape[1])
    independent = sorted(set(groups))
    means: dict[int, np.ndarray] = {}  # each independent report's normalised mean sentence vector
    for g in independent:
        rows = np.flatnonzero(article_of == g)
        if rows.size:
            mean = np.asarray(matrix[rows].sum(axis=0)).ravel()
            norm = np.linalg.norm(mean)
            if norm:
                means[g] = mean / norm
                centroid += means[g]
    norm = np.linalg.norm(centroid)
    centroid = centroid / norm if norm else centroid
    cand_matrix = matrix[cand_idx]
    centrality = np.asarray(cand_matrix @ centroid).ravel()

    # 3. support, one article at a time (memory stays candidates x one article's sentences): a
    # similar sentence with the numbers corroborates a candidate (its score); one that also carries
    # SUPPORT_COVERAGE of what it says is cited for it
    supporters: list[dict[int, int]] = [{sents[ci].article: int(ci)} for ci in cand_idx]
    cited: list[dict[int, int]] = [{sents[ci].article: int(ci)} for ci in cand_idx]
    cand_article = article_of[cand_idx]
    cand_weight = np.maximum(np.asarray(cand_matrix.sum(axis=1)).ravel(), 1e-12)
    for a in range(len(articles)):
        rows = np.flatnonzero(article_of == a)
        if not rows.size:
            continue
        block = (cand_matrix @ matrix[rows].T).toarray()  # candidates x sentences of article a
        block[cand_article == a] = 0.0
        hits = np.flatnonzero(block.max(axis=1) >= SUPPORT_THRESHOLD)
        if not hits.size:
            continue
        # the share of each candidate's term weight that the sentence also carries
        present = (matrix[rows] > 0).astype(np.float64)
        cover = (cand_matrix[hits] @ present.T).toarray() / cand_weight[hits, None]
        for h, c in enumerate(hits):
            own = sents[cand_idx[c]]
            for k in np.argsort(-block[c])[:3]:  # the best few, the first with all the numbers
                if block[c, k] < SUPPORT_THRESHOLD:
                    break
                if own.numbers <= sents[rows[k]].numbers:
                    supporters[c].setdefault(a, int(rows[k]))
                    if cover[h, k] >= SUPPORT_COVERAGE:
                        cited[c][a] = int(rows[k])
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

    # 5. MMR within the budget; restatements by TF-IDF or by sentence embeddings are left out
    chosen: list[int] = []
    used = 0
    lengths = np.array([sents[ci].words for ci in cand_idx])
    available = np.ones(len(cand_idx), dtype=bool)
    redundancy = np.zeros(len(cand_idx))  # each candidate's highest TF-IDF similarity to a chosen one
    dates = _report_dates(articles, extractions)
    latest = _latest_lead(dates, [sents[ci] for ci in cand_idx], np.array(lead_rank), score,
                          (lengths <= max_words) & (needs < 0))
    opener = None
    if latest is None and bullets:
        latest = opener = _lead_event(cand_matrix, cand_article, np.array(lead_rank), score,
                                      (lengths <= max_words) & (needs < 0), means, corroboration,
                                      _figures_shared(sents, cand_idx, groups))
    if latest is not None:
        chosen.append(latest)
        used += int(lengths[latest])
        available[latest] = False
        redundancy = (cand_matrix @ cand_matrix[latest].T).toarray().ravel()
    meaning = _MeaningRedundancy([sents[ci].text for ci in cand_idx] if bullets else [])
    while True:
        picked = ~available
        fits = (available & (lengths <= max_words - used) & (redundancy < REDUNDANCY_CUTOFF)
                & ((needs < 0) | picked[np.maximum(needs, 0)] & np.isin(needs, chosen)))
        if not fits.any():
            break
        gain = np.where(fits, score - REDUNDANCY_PENALTY * redundancy, -np.inf)
        best = int(np.argmax(gain))
        if meaning.restates(best, chosen, gain):
            available[best] = False
            continue
        chosen.append(best)
        used += int(lengths[best])
        available[best] = False
        redundancy = np.maximum(redundancy, (cand_matrix @ cand_matrix[best].T).toarray().ravel())

    # 6. paraphrase support, order and cite
    if use_embeddings and chosen:
        cover = (cand_matrix[chosen] @ (matrix > 0).astype(np.float64).T).toarray() / cand_weight[chosen, None]
        _embedding_support(sents, [int(cand_idx[r]) for r in chosen], [cited[r] for r in chosen],
                           (cand_matrix[chosen] @ matrix.T).toarray(), article_of, cover)
    chosen.sort(key=lambda r: (sents[cand_idx[r]].index, sents[cand_idx[r]].article))
    chosen = _in_time_order(chosen, [_order_date(articles[sents[cand_idx[r]].article], extractions)
                                     for r in chosen])
    if opener is not None:  # the event of the leads opens the brief
        chosen = [opener] + [r for r in chosen if r != opener]
    chosen = _followers_after_their_sentence(chosen, needs)
    summary: list[SummarySentence] = []
    for r in chosen:
        own = sents[cand_idx[r]]
        citations = [
            Citation(articles[a].id, sents[j].start, sents[j].end)
            for a, j in sorted(cited[r].items())
        ]
        sentence = SummarySentence(text=own.text, citations=citations)
        checked = check_numbers(sentence, articles)
        if checked is not None:
            summary.append(checked)
    return summary


def _followers_after_their_sentence(chosen: list[int], needs: np.ndarray) -> list[int]:
    """The order with every sentence that points back right after the sentence it points to."""
    out = [r for r in chosen if needs[r] < 0 or needs[r] not in chosen]
    pending = [r for r in chosen if r not in out]
    while pending:
        placed = False
        for r in list(pending):
            if needs[r] in out:
                out.insert(out.index(int(needs[r])) + 1, r)
                pending.remove(r)
                placed = True
        if not placed:  # cannot happen (every follower's sentence is chosen first); keep them all
            out.extend(pending)
            break
    return out


def _report_dates(articles: Sequence[Article], extractions: list[Extraction] | None) -> list[Any]:
    """Each article's publication day when its own metadata or text gives it (None otherwise,
    and for a day inferred from story peers)."""
    by_article = {e.article: e for e in extractions or []}
    out: list[Any] = []
    for a in articles:
        if a.published is not None:
            out.append(_utc_naive(a.published).date())
            continue
        ex = by_article.get(a.id)
        known = ex is not None and ex.published is not None and ex.published_how != "inferred"
        out.append(ex.published if known and ex is not None else None)
    return out


def _order_date(article: Article, extractions: list[Extraction] | None) -> Any:
    """The time a report is ordered by: its publication time, else the day its dates were
    anchored on (its text's, or one inferred from its story peers)."""
    if article.published is not None:
        return article.published
    ex = next((e for e in extractions or [] if e.article == article.id), None)
    if ex is None or ex.published is None:
        return None
    from datetime import datetime

    return datetime(ex.published.year, ex.published.month, ex.published.day)


def _latest_lead(
    dates: list[Any], cands: list[_Sentence], lead_rank: np.ndarray, score: np.ndarray, fits: np.ndarray
) -> int | None:
    """The candidate that tells a developing story's latest development, or None (step 5).

    When the dated reports span ``LATEST_MIN_SPAN_DAYS`` or more: the best-scored of the first
    ``LATEST_LEAD_SENTENCES`` candidates of the reports within ``LATEST_WINDOW_DAYS`` of the
    newest."""
    known = [d for d in dates if d is not None]
    if not known or (max(known) - min(known)).days < LATEST_MIN_SPAN_DAYS:
        return None
    newest = max(known)
    recent = {a for a, d in enumerate(dates) if d is not None and (newest - d).days <= LATEST_WINDOW_DAYS}
    pool = [k for k, s in enumerate(cands)
            if s.article in recent and lead_rank[k] < LATEST_LEAD_SENTENCES and fits[k]]
    return max(pool, key=lambda k: score[k]) if pool else None


def _figures_shared(sents: list[_Sentence], cand_idx: np.ndarray, groups: list[int]) -> np.ndarray:
    """For each candidate, whether every number it states is stated by another independent report."""
    by_report: dict[int, set[str]] = {}
    for s in sents:
        by_report.setdefault(groups[s.article], set()).update(s.numbers)
    out = np.zeros(len(cand_idx), dtype=bool)
    for k, ci in enumerate(cand_idx):
        own = groups[sents[ci].article]
        elsewhere = set().union(*(v for g, v in by_report.items() if g != own))
        out[k] = sents[ci].numbers <= elsewhere
    return out


def _lead_event(
    cand_matrix: Any, cand_article: np.ndarray, lead_rank: np.ndarray, score: np.ndarray, fits: np.ndarray,
    means: dict[int, np.ndarray], corroboration: np.ndarray, shared: np.ndarray,
) -> int | None:
    """The candidate that tells the event of the reports' leads, or None (step 5, the brief's form).

    Among the first ``LEAD_EVENT_SENTENCES`` candidates of each report, the best by its score
    plus its TF-IDF cosine to what the other independent reports say as a whole (``means``: each
    report's normalised mean sentence vector), among the leads another report corroborates when
    some are, else among those whose every figure another report also states (``shared``): a
    background figure or a caption's sentence is one report's alone; a lone report: its
    best-scored lead."""
    leads = np.flatnonzero((lead_rank < LEAD_EVENT_SENTENCES) & fits)
    if not leads.size:
        return None
    for keep in (corroboration[leads] > 0, shared[leads]):
        if keep.any():  # a lead another report also states, else one whose figures another gives
            leads = leads[keep]
            break
    if len(means) < 2:
        return int(leads[np.argmax(score[leads])])
    total = sum(means.values())
    agreement = np.zeros(leads.size)
    for i, k in enumerate(leads):
        others = total - means.get(int(cand_article[k]), 0.0)
        norm = float(np.linalg.norm(others))
        if norm:
            agreement[i] = float(np.asarray(cand_matrix[k] @ others).ravel()[0]) / norm
    return int(leads[np.argmax(agreement + score[leads])])


class _MeaningRedundancy:
    """Restatements that share few words: a candidate whose sentence embedding is at least
    ``EMBED_REDUNDANCY_CUTOFF`` cosine from a chosen sentence says the same thing again.

    Candidates are embedded lazily, ``EMBED_REDUNDANCY_BATCH`` at a time in order of MMR gain, so a
    story embeds only the few dozen sentences the selection looks at. Without an embedder nothing
    is a restatement here (the TF-IDF cutoff still applies)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.vectors: dict[int, np.ndarray] = {}
        self.embedder: Any = None
        if not texts:  # nothing to compare (a paragraph summary): no model to load
            return
        try:
            from synoptic.embed import get_embedder

            self.embedder = get_embedder()
        except Exception as exc:  # no model here: TF-IDF redundancy only
            log.debug("no sentence embeddings for redundancy (%s)", exc)

    def restates(self, candidate: int, chosen: list[int], gain: np.ndarray) -> bool:
        if self.embedder is None or not chosen:
            return False
        missing = [i for i in [candidate, *chosen] if i not in self.vectors]
        if missing:
            order = [int(i) for i in np.argsort(-gain) if np.isfinite(gain[i]) and int(i) not in self.vectors]
            batch = missing + [i for i in order if i not in missing][: max(EMBED_REDUNDANCY_BATCH - len(missing), 0)]
            try:
                rows = self.embedder.embed([self.texts[i] for i in batch])
            except Exception as exc:  # a failing model must not take the summary down
                log.debug("sentence embeddings failed (%s); TF-IDF redundancy only", exc)
                self.embedder = None
                return False
            self.vectors.update(zip(batch, rows, strict=True))
        own = self.vectors[candidate]
        return any(float(own @ self.vectors[c]) >= EMBED_REDUNDANCY_CUTOFF for c in chosen)


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
    cover: np.ndarray,
) -> None:
    """Add to ``supporters`` (in place, one dict per chosen sentence) the articles with a paraphrase.

    Each other article's ``EMBED_SHORTLIST`` sentences most similar by TF-IDF are embedded with
    the chosen sentence; the best one at or above ``EMBED_SUPPORT_THRESHOLD`` cosine that states
    every number of the chosen sentence and carries ``EMBED_SUPPORT_COVERAGE`` of its TF-IDF weight
    (``cover``: chosen sentences x all sentences), or reaches ``EMBED_STRONG_SUPPORT``, supports it. Without an embedder nothing changes.
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
            cos = [float(vectors[row[j]] @ own) if cover[k, j] >= EMBED_SUPPORT_COVERAGE
                   else float(vectors[row[j]] @ own) - (EMBED_STRONG_SUPPORT - EMBED_SUPPORT_THRESHOLD)
                   for j in rows]
            best = int(np.argmax(cos))
            if cos[best] >= EMBED_SUPPORT_THRESHOLD:  # (a low-coverage one needs EMBED_STRONG_SUPPORT)
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
    documents: list[str], max_words: int, *, use_embeddings: bool = True, bullets: bool = False
) -> list[tuple[str, list[int]]]:
    """Summarise plain documents: ``(sentence, indexes of the documents that support it)``.

    The documents are cleaned of debris first (``synoptic.clean``), then summarised as one
    story with :func:`summarize_story` (``use_embeddings`` as there).
    """
    articles = clean_documents(documents)
    summary = summarize_story(articles, max_words=max_words, use_embeddings=use_embeddings, bullets=bullets)
    return [(s.text, sorted({int(c.article) for c in s.citations})) for s in summary]


# ------------------------------------------------------------------ titles
# A title is a headline: the article's own when its text has one, else a short lead clause of the
# event without its dateline; never page debris (a caption, a player notice, a credit, a date stamp).

#: Most words of a title cut from a lead sentence: a longer clause is cut down to its main clause
#: (the seeds' headlines have 9-19 words, review13/14's own headlines, deputy and rosssequel, 4-18).
TITLE_MAX_WORDS = 20
#: Dependents of a clause's head a title leaves out: coordinated clauses, adverbial clauses,
#: parenthetical clauses, the mark of a content clause ("that"), punctuation.
_TITLE_DROP = frozenset({"conj", "cc", "advcl", "parataxis", "mark", "punct", "dep", "preconj"})
#: ... and, when the clause is still over ``TITLE_MAX_WORDS``, its relative, participial and
#: adverbial clauses and appositions ("Lauri Love, a student accused of ..., has ...").
_TITLE_DROP_LONG = frozenset({"relcl", "acl", "appos", "advcl"})
_TITLE_OBJECTS = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "dative", "agent"})
_TITLE_ENCLOSING = frozenset({",", "—", "–", "-", "--", "(", ")"})
#: ... and, before those, the head's trailing modifiers ("... announced a rule instead of ...").
_TITLE_DROP_TRAILING = frozenset({"prep", "npadvmod", "advmod"})
#: ... and what precedes the subject ("On Friday, ...", "With a month left in office, ...").
_TITLE_DROP_FRONT = frozenset({"prep", "advcl", "advmod", "npadvmod", "intj", "punct"})
#: Lead sentences tried for a source's title (a round number: the lead is one of the first few).
ARTICLE_TITLE_TRIES = 3
_SENTENCE_STOP = re.compile(r"[.!?…][\"'”’)\]»]*\s*$")


def headline(title: str | None) -> str | None:
    """``title`` when it reads as a headline (its dateline off), else None.

    Not a headline: a sentence of the body (it ends with a full stop, "!" or "?", or opens on a
    word that points back), page debris (``synoptic.clean``: captions, player notices, credits,
    menus), a metadata line ("POSTED: ..."), a fragment of fewer than
    ``metadata.HEADLINE_MIN_WORDS`` words."""
    from synoptic.clean import _CAPTION, _DEBRIS, _debris_reason
    from synoptic.ingest.metadata import HEADLINE_MAX_WORDS, is_breadcrumb, is_stamp, masthead, menu_items

    if not title:
        return None
    text = " ".join(title.split())
    text = text[dateline_length(text):].strip().rstrip(":;,|–—- ").strip()
    if not text or len(text.split()) > HEADLINE_MAX_WORDS or _SENTENCE_STOP.search(text):
        return None
    if is_stamp(text) or is_breadcrumb(text) or menu_items(text) is not None or masthead(text) is not None:
        return None
    if _debris_reason(text) is not None or _DEBRIS.search(text) or _CAPTION.search(text) or points_back(text):
        return None
    return text


def lead_clause(sentence: str) -> str | None:
    """A short title cut from a lead sentence: its dateline off and, when it is longer than
    ``TITLE_MAX_WORDS`` words, its main clause (the reported clause of "X, officials said"),
    without coordinated or adverbial clauses, what comes before the subject and, if still long,
    relative clauses and appositions (read from the dependency parse)."""
    from synoptic.ingest.metadata import HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS

    text = " ".join(sentence.split())
    text = text[dateline_length(text):].strip()
    if not text:
        return None
    limit = TITLE_MAX_WORDS
    if len(text.split()) > TITLE_MAX_WORDS:
        clause = _main_clause(text)
        if clause:  # cut as far as its grammar allows: kept up to a headline's length
            text, limit = clause, HEADLINE_MAX_WORDS
    words = text.split()
    if len(words) > limit:  # no main clause read: up to the last comma within the limit
        cut = max((n for n in range(HEADLINE_MIN_WORDS, TITLE_MAX_WORDS + 1) if words[n - 1].endswith(",")), default=0)
        text = " ".join(words[:cut]) if cut else " ".join(words[:TITLE_MAX_WORDS]).rstrip(",;:–—- ") + " …"
    text = re.sub(r"[\s,;:–—-]*[.!]?[\s]*$", "", text) if not text.endswith("…") else text
    return text[:1].upper() + text[1:] if text else None


def _main_clause(text: str) -> str | None:
    """The main clause of a sentence, read from its parse (see :func:`lead_clause`)."""
    try:
        from synoptic.extract.models import parse_many

        doc = parse_many([text])[0]
    except Exception as exc:  # no parser here: the caller cuts by words
        log.debug("no parse for a title (%s)", exc)
        return None
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    head = sent.root
    # reported speech: the reported clause ("X happened, officials said", "X, reports the Daily News"),
    # unless its subject is a pronoun (it would not say who)
    speech = head.lower_ in CUE_WORDS or head.lemma_.lower() in CUE_WORDS
    content = [c for c in head.children if c.dep_ == "ccomp" and (speech or c.i < head.i)
               and not any(g.dep_ in ("nsubj", "nsubjpass") and g.pos_ == "PRON" for g in c.children)]
    if content:
        head = content[0]
    keep = {t.i for t in head.subtree}

    def drop(token: Any) -> None:
        keep.difference_update(t.i for t in token.subtree)

    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:  # no clause with a subject here (a fragment, or a parse gone wrong)
        return None
    for child in head.children:
        if child.dep_ in _TITLE_DROP and child.i > head.i:
            drop(child)
        elif child.i < subject.i and child.dep_ in _TITLE_DROP_FRONT | {"mark"}:
            drop(child)
    # still long: its appositions, then the head's trailing modifiers (right to left), then its
    # longest relative or participial clause, each with the commas or dashes around it
    def drop_enclosed(token: Any) -> None:
        left, right = token.left_edge.i - 1, token.right_edge.i + 1
        drop(token)
        keep.difference_update(i for i in (left, right) if 0 <= i < len(doc) and doc[i].text in _TITLE_ENCLOSING)

    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for extra in subjects[1:]:  # a clause has one subject: a second is an apposition parsed as one
        drop_enclosed(extra)
    def words() -> int:
        return sum(1 for t in doc if t.i in keep and not t.is_punct)

    if words() > TITLE_MAX_WORDS:
        for t in [t for t in doc if t.i in keep and t.dep_ == "appos"]:
            if t.i in keep:
                drop_enclosed(t)
    # the first complement of a verb without an object stays ("are counting on ...", "was charged with ...")
    has_object = any(c.dep_ in _TITLE_OBJECTS for c in head.children)
    first = next((c for c in head.children if c.i > head.i and c.dep_ == "prep"), None)
    while words() > TITLE_MAX_WORDS:
        trailing = [c for c in head.children if c.i in keep and c.i > head.i and c.dep_ in _TITLE_DROP_TRAILING
                    and (has_object or first is None or c.i != first.i)]
        inner = [t for t in doc if t.i in keep and t.dep_ in _TITLE_DROP_LONG and t.i != head.i]
        if trailing:
            drop(trailing[-1])
        elif inner:
            drop_enclosed(max(inner, key=lambda t: len(list(t.subtree))))
        else:
            break
    tokens = [t for t in doc if t.i in keep]
    if not tokens or subject.i not in keep:
        return None
    if words() > TITLE_MAX_WORDS:  # still long: up to the last comma within the limit
        from synoptic.ingest.metadata import HEADLINE_MIN_WORDS

        count = 0
        for n, t in enumerate(tokens):
            count += not t.is_punct
            if count > TITLE_MAX_WORDS:
                # a kept word the sentence follows with a comma (whether or not the comma was kept)
                commas = [m for m in range(HEADLINE_MIN_WORDS - 1, n)
                          if tokens[m].i + 1 < len(doc) and doc[tokens[m].i + 1].text == ","]
                if commas:
                    tokens = tokens[: commas[-1] + 1]
                break
    kept = {t.i for t in tokens}
    out = "".join(t.text + (t.whitespace_ or (" " if t.i + 1 not in kept else "")) for t in tokens).strip()
    out = re.sub(r"\s+([,;:])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out).strip(" ,;:–—-")
    # a quotation the clause opens is closed
    if out.count("``") > out.count("''"):
        out += " ''"
    if out.count("“") > out.count("”"):
        out += "”"
    if out.count('"') % 2:
        out += '"'
    return out


def article_title(article: Article) -> str | None:
    """An article's title: its headline, else the lead clause of its first sentence that is no
    debris and reads on its own, and whose clause reads on its own and whole (among the first
    ``ARTICLE_TITLE_TRIES``; else the first one's; None when it has none)."""
    own = headline(article.title)
    if own is not None:
        return own
    first = None
    for s in [s for s in _sentences([article]) if s.candidate and s.follows is None][:ARTICLE_TITLE_TRIES]:
        clause = lead_clause(s.text)
        if clause and not clause.endswith("…") and not points_back(clause):
            return clause
        first = first or clause  # (a clause that points back once its opening went: "so it's ...")
    return first


def story_title(articles: Sequence[Article], summary: Sequence[SummarySentence],
                extractions: list[Extraction] | None = None) -> str | None:
    """A story's title: the headline of its articles closest (TF-IDF cosine) to its summary, else
    the lead clause of its summary's first sentence (the event of the leads), else the first
    article's title. A story whose dated reports span ``LATEST_MIN_SPAN_DAYS`` has developed: its
    title is a headline of its newest reports (within ``LATEST_WINDOW_DAYS`` of the newest), as its
    summary opens on their lead, when they have one."""
    dates = _report_dates(articles, extractions)
    known = [d for d in dates if d is not None]
    if known and (max(known) - min(known)).days >= LATEST_MIN_SPAN_DAYS:
        newest = max(known)
        latest = [a for a, d in zip(articles, dates, strict=True)
                  if d is not None and (newest - d).days <= LATEST_WINDOW_DAYS and headline(a.title)]
        if latest:
            articles = latest
    heads = [h for h in (headline(a.title) for a in articles) if h]
    if heads and summary:
        vectors = _vectors(heads + [" ".join(s.text for s in summary)])
        if vectors is not None:
            sims = (vectors[: len(heads)] @ vectors[len(heads)].T).toarray().ravel()
            return heads[int(np.argmax(sims))]
    if heads:
        return heads[0]
    if summary:
        return lead_clause(summary[0].text)
    return next((t for t in (article_title(a) for a in articles) if t), None)
