"""Quote groups: versions of one utterance across sources and translations, one speaker, fullest first."""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from synoptic.lang.en import calendar as _calendar
from synoptic.lang.en import numbers as _numbers
from synoptic.lang.en import speech as _speech
from synoptic.lang.en import titles as _titles
from synoptic.lang.en.function_words import FUNCTION_WORDS
from synoptic.lang.en.names import MEDIA_NOUNS
from synoptic.lang.en.speech import SOURCE_NOUNS, VOICE_WORDS
from synoptic.reconcile._text import (
    INF,
    _content_stems,
    _sentence_bounds,
)
from synoptic.records import (
    Article,
    Extraction,
    Quote,
    QuoteGroup,
    QuoteVariant,
)
from synoptic.util.sentences import split_sentences
from synoptic.util.unionfind import UnionFind

#: Quotes shorter than this (in words) are compared through the sentence around them as well:
#: a partial quote such as "nonsense." says little on its own.
SHORT_QUOTE_WORDS = 6

#: Similarity (cosine, 0..1) above which two quotes of one speaker are versions of one utterance.
#: With MiniLM embeddings, calibrated on the seeds' gold quote groups (versions across translations
#: score 0.45-0.8, different statements of the same speaker 0.1-0.4); with the TF-IDF fallback
#: the scale is lower, hence a separate constant.
QUOTE_SIM_EMBED = 0.50

QUOTE_SIM_TFIDF = 0.30

#: An indirect (reported) statement links with another version only at this multiple of the
#: threshold: two reported statements of one speaker share the story's words ("ship", "canal")
#: without being one utterance. Bundled sample: different statements 0.54-0.56, one statement
#: reported twice ("an inquiry would follow" / "the investigation will show") 0.68; the seeds'
#: gold quote groups keep their versions.
QUOTE_INDIRECT_FACTOR = 1.15

#: A quote joins a group only with a link at most this far below its best link (seeds: the second
#: choices of a quote kept from its best group score 0.15-0.2 lower).
QUOTE_MARGIN = 0.10

#: Two groups of several versions each merge only when their best link is at most this far below the
#: weakest link inside each of them. Fitted on pirates (the "speed boats" statement of three outlets
#: chained to the navy's "captured 23" statement at 0.62 against 0.8 and more inside each); on the stories
#: not looked at while fitting it (bomb, riots, kazakhstan, migrants, the seeds) quote groups stay
#: 4/8, 7/10, 6/7, 3/5, 7/7. No held-out story was available: check it on the next annotated ones.
#: Issue 14 round 3: the tighter group sets the bar (it was the looser one), so a near-verbatim pair does
#: not take in a loose group of another statement; fitted on pirates with the entity merging now on main
#: (its "fired at the merchant vessel" pair joined the "handed over" group: quote groups 7/18 -> 5/18, back
#: to 7/18); bomb, kazakhstan, migrants, riots and the seeds unchanged, with and without that merging.
GROUP_JOIN_MARGIN = 0.15

#: A version joins a group of several only when its mean similarity to the group's versions reaches this
#: multiple of the linking threshold (0.4 cosine with MiniLM; times QUOTE_INDIRECT_FACTOR when a reported
#: version takes part, as for single links). Fitted on pirates, bomb and riots (swept 0.7-1.1: pirates quote
#: groups 4/18 -> 5/18 from 0.8, its "fired at the merchant vessel" statement no longer lumped with the
#: navy's other ones; with the reported-speech factor 6/18 -> 7/18; bomb and riots unchanged); held out
#: kazakhstan, migrants and the seeds: 6/7, 3/5, 7/7 unchanged at 0.8, kazakhstan 5/7 from 0.9 (1.0
#: without the reported-speech factor).
GROUP_MEAN_FACTOR = 0.8

#: Two groups of several versions each join only when their versions' mean similarity across the two is at most
#: this far below the weakest link inside the tighter group, or when some version of each shares a run of three
#: content words (:func:`_grams`) or a number (:func:`_counts`) with the other's. Fitted on ECB+ review 11 (13a:
#: one fire chief's "treating it as suspicious and as potential arson" group of two outlets chained at 0.67 to his
#: "investigated as an arson, but he did not know of any threats" group, mean across 0.60 against 0.81 inside)
#: and the six dev stories: from 0.05 to 0.2 it holds back that join and one in pirates (the navy's "repulsed the
#: pirates" / "sunk the mother vessel", 0.51 against 0.74, two statements); quote groups 13a 6/13 -> 8/13, every
#: other story unchanged.
#: Set at GROUP_JOIN_MARGIN's value, mid-range. Held out (ECB+ 18a, 20a, 14, 21, 23): nothing held back,
#: quote groups unchanged. Without the shared-run exception it would also part 23's "insufficiently equipped"
#: statement (mean 0.58 against 0.82, one statement paraphrased); without the shared number, ECB+ 13b's "the
#: fire call came in at 3:30 a.m." (no gold; mean 0.60 against 0.78), found by a sweep over ECB+ dev.
GROUP_MEAN_MARGIN = 0.15

#: A content stem standing in at most this share of a story's versions is rare enough that two bodies'
#: versions stating one count and sharing it are one statement ("the 23 suspects surrendered peacefully" /
#: "Twenty-three personnel … surrendered on boarding", cosine 0.60 under the body bar). Fitted on pirates
#: (0.01: 11/18 quote groups; 0.02-0.04: 12/18; set mid-range); on bomb, heist, kazakhstan, migrants, riots
#: and the seeds nothing changes over 0.01-0.04. At 0.03 it links three pairs in all six stories, each one
#: statement (kazakhstan "26 armed criminals", pirates "cache of arms", "surrendered").
#: Issue 14 round 6 (with carried sentences and countries' statements): swept 0-0.1 on all six stories; pirates
#: (fitted) 15/18 over 0-0.06, 12/18 at 0.1; held out, bomb 7/8, kazakhstan 6/7, migrants 4/5, riots 9/10 and
#: heist the same over 0-0.1 (the floor of two versions does the work there): no held-out story needs it.
RARE_STEM_SHARE = 0.03

#: A link of two pieces (neither short) under this multiple of its bar is weak: it holds only when the two
#: share at least MIN_WEAK_OVERLAP of the content words of the shorter (overlap coefficient of stems). One
#: speaker's different statements on one topic match at 0.59-0.68 cosine with MiniLM sharing a word or
#: none ("the incident was extremely traumatic for witnesses" / "couldn't say if anyone else was in the
#: building"). Fitted on the ECB+ review stories 18a and 3a (weak links of different statements overlap 0-0.18;
#: weak links within their hand-gold groups 0.29 and up); checked on the six dev stories and the seeds, not
#: looked at while fitting: unchanged at 0.2 (quote groups 7/8, 6/7, 4/5, 15/18, 9/10, seeds 7/7), while 0.3
#: loses pirates 15 -> 13/18 and riots 9 -> 8/10. The factor is not swept (1.3: the weak links seen end
#: below 0.75 cosine, 1.3 times the reported-speech bar). Tried and dropped: the overlap weighted by the
#: stems' rarity in the story (it would also part 18a's "pointed the gun" / "entered the party around 4 p.m."),
#: which loses pirates 15 -> 13/18 at 0.2 and 0.25.
WEAK_LINK_FACTOR = 1.3
MIN_WEAK_OVERLAP = 0.2

#: Share of a reported statement that quoted pieces inside it must cover to stand for it (seeds: a
#: statement made of two quoted sentences is the sentences; "open fire “without warning”" is the
#: statement).
NESTED_COVER = 0.5

log = logging.getLogger("synoptic")


@dataclass
class _Unit:
    article: str
    order: int
    speaker: str
    text: str
    start: int
    end: int
    kind: str
    context: str
    qid: int = -1  # the extracted quote this piece was cut from
    shown: int = -1  # where the shown variant starts: its cue (CONTENT_CUES) or reporting clause (_PRONOUN_LEAD)
    body: bool = False  # the speaker is a body or an unnamed voice, not a named person (see _is_body)
    compare: str = ""  # the words compared with other versions, when they differ from ``text`` (see _homes)
    voice_of: str = ""  # the body a named spokesperson speaks for ("navy" for "X, a navy spokesman"; _voices)
    proxy: bool = False  # said by a country or nationality ("India said", "The Indians say"): see STAND_IN_TYPES
    carried: bool = False  # an unattributed sentence repeating an attributed one word for word (_carry)
    court: bool = False  # said by a court, its judges or its ruling, no judge named (see _is_court)

    @property
    def key(self) -> str | None:
        return self.voice_of or _speaker_key(self.speaker)

    @property
    def words(self) -> str:
        return self.compare or self.text


#: "Croatia's Prime Minister Zoran Milanovic", "Croatia’s prime minister, Zoran Milanovic": a place in the
#: possessive, then at most a few title words, then the person (or the person, then ", Croatia's …").
_HOME_BEFORE = re.compile(r"^['’]s\s+(?:[\w.-]+\s+){0,4}?[\w.-]*,?\s*$")
_HOME_AFTER = re.compile(r"^,?\s*$")
#: How far (characters) a place in the possessive may stand before the person its title words lead to
#: ("Croatia's Prime Minister " is 25): a few title words, as ``_HOME_BEFORE`` allows. Not fitted: the
#: regular expression bounds it; on the dev stories it finds 4 people (migrants, kazakhstan, riots), all right.
HOME_TITLE_CHARS = 40
#: The possessive a reported statement puts where the speaker said "our country", "my country".
_THEIR_COUNTRY = re.compile(r"(?i)\b(?:his|her|their)\s+(?:country|nation|homeland)\b")


#: "navy spokesman Commander X", "X, a navy spokesman,": the body word before the spokesperson noun.
_SPOKES_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+[Ss]pokes(?:man|woman|person)\s+(?:[A-Z][\w.]*\s+){0,2}$")
_SPOKES_AFTER = re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?([A-Za-z][\w-]*)\s+[Ss]pokes(?:man|woman|person)\b")


def _voices(text: str, mentions: Sequence[Any]) -> dict[str, str]:
    """Person -> the body the article names them spokesperson of, by its last word ("navy spokesman
    Commander Nirad Sinha" -> "navy"): what a spokesperson says, outlets give to the body ("the navy said")."""
    out: dict[str, str] = {}
    for p in mentions:
        if p.type != "PERSON" or not p.entity or p.entity in out:
            continue
        m = _SPOKES_BEFORE.search(text, max(0, p.start - ROLE_PAIR_CHARS), p.start) \
            or _SPOKES_AFTER.match(text[p.end:p.end + ROLE_PAIR_CHARS])
        if m and m.group(1).lower() not in ("a", "an", "the", "his", "her", "its", "their", "our", "my", "chief", "senior", "deputy"):
            out[p.entity] = m.group(1).lower()
    return out


def _homes(text: str, mentions: Sequence[Any]) -> dict[str, str]:
    """Person -> the country an article makes theirs by its title ("Croatia's prime minister, Zoran
    Milanovic"): reported speech turns the speaker's "our country" into "his country", which another
    outlet's direct quote names ("pass through Croatia")."""
    places = [m for m in mentions if m.type == "GPE"]
    people = [m for m in mentions if m.type == "PERSON"]
    out: dict[str, str] = {}
    for p in people:
        if not p.entity or p.entity in out:
            continue
        for g in places:
            if 0 <= p.start - g.end <= HOME_TITLE_CHARS and _HOME_BEFORE.match(text[g.end:p.start]) \
                    and not any(g.end <= o.start and o.end <= p.start for o in people):  # "China's Xi praised Tokaev"
                out[p.entity] = g.entity or g.text
                break
            if 0 <= g.start - p.end <= 3 and _HOME_AFTER.match(text[p.end:g.start]) \
                    and re.match(r"['’]s\s", text[g.end:g.end + 3]):
                out[p.entity] = g.entity or g.text
                break
    return out


#: An unnamed source's statement joins a named speaker's group when they are this close (a multiple of
#: the linking threshold; 0.7 cosine with MiniLM): nearly the same words. Fitted on bomb, riots and
#: kazakhstan (quote groups 3/8, 7/10, 6/7 the same from 1.2 to 1.6; on heist, which has no gold
#: quotes, two versions of the robbery sentence join below 1.6), checked on pirates and migrants
#: (3/18, 3/5, unchanged); it moves
#: "officials said" versions into the named speaker's group (bomb: the reward statement, 1 -> 3 articles).
GENERIC_JOIN_FACTOR = 1.4

#: Two bodies' statements in different blocks ("the navy said" / "a Defence Ministry statement said") link
#: at this multiple of the linking threshold (0.7 cosine with MiniLM), reported or quoted alike, the value
#: GENERIC_JOIN_FACTOR has. Swept 1.1-1.4 on all six dev stories (no held-out split for this one): only
#: pirates and riots move (below 1.4 pirates' different navy statements chain: quote groups 4/18 -> 2/18;
#: at 1.4 riots 7/10 -> 8/10, the forensic experts' words that one outlet gives to "court sources");
#: bomb, kazakhstan, migrants and the seeds unchanged (4/8, 6/7, 3/5, 7/7). Check it on new stories.
BODY_JOIN_FACTOR = 1.4


_CARDINAL = re.compile(rf"(?i)\b(?:\d[\d,]*|{_numbers.CARDINAL_WORD})\b")


def _counts(text: str) -> set[int]:
    """The whole numbers a text states, in figures or words ("23", "Twenty-three"), two and up."""
    out: set[int] = set()
    for m in _CARDINAL.finditer(text):
        w = m.group(0).replace(",", "")
        v = int(w) if w.isdigit() else _numbers.number_value(w)
        if v is not None and v >= 2:
            out.add(v)
    return out


def _is_named(name: str | None) -> bool:
    """A speaker with a name: a capitalised word after the first ("Oregon State Police", "the
    Interior Ministry") or one capitalised word ("Tokayev"); not "the boy's father"."""
    words = re.findall(r"[\w'’-]+", name or "")
    return (len(words) == 1 and words[0][:1].isupper()) or any(w[:1].isupper() for w in words[1:])


def _is_generic(name: str | None) -> bool:
    """An unnamed plural or collective source: "officials", "the police", "Federal authorities"."""
    words = re.findall(r"[\w'’-]+", name or "")
    return (0 < len(words) <= 3 and words[-1].lower() in SOURCE_NOUNS
            and all(w[:1].islower() for w in words[1:]))


def _is_described(name: str | None) -> bool:
    """A singular person the article describes without naming ("the star", "the Taradise star", "the actress"): a
    statement of theirs that another outlet gives, nearly word for word, to a named person joins that group (3b)."""
    words = re.findall(r"[\w'’-]+", name or "")
    if not 2 <= len(words) <= 3 or words[0].lower() != "the" or not words[-1].islower():
        return False
    head = words[-1]
    # a title or role ("the Navy chief") has holders of its own (extract/quotes resolves them)
    # one described by whose they are ("the ship's owner") is no one person of the story
    # nor a document or data ("the map", "the study"): what it says is no person's
    return not (any(w.endswith(("'s", "’s")) for w in words) or head in SOURCE_NOUNS or head in VOICE_WORDS or head in _titles.TITLES
                or head in _speech.BODY_NOUNS or head in _speech.RECORD_NOUNS or head in _speech.COURT_NOUNS
                or head.endswith("s") and not head.endswith("ss"))


def _is_court(name: str | None, etype: str | None = None) -> bool:
    """A court, its judges or their ruling as a speaker ("the High Court", "Appeal judges", "the ruling",
    "Court of Appeal"), not a named judge: they speak as one body (``_speaker_key`` puts them in one block)."""
    if not name or etype == "PERSON":
        return False
    return any(w in _speech.COURT_NOUNS or w in _speech.RULING_NOUNS for w in re.findall(r"[\w'’-]+", name.lower()))


def _is_ruling(name: str | None) -> bool:
    """A ruling as a speaker ("the ruling", "their judgment"): it speaks for the judges who wrote it."""
    words = re.findall(r"[\w'’-]+", (name or "").lower())
    return bool(words) and words[-1] in _speech.RULING_NOUNS


def _is_body(name: str | None, etype: str | None) -> bool:
    """A speaker that is a body, or a voice or group without a name ("the Indian Navy", "a Defence
    Ministry statement", "court sources", "Greek youths"), not a person: outlets give one statement of a
    body to different parts of it ("the navy", "the ministry", "the military", "the statement")."""
    if etype == "PERSON" or not name:
        return False
    if etype is not None or _is_court(name):
        return True
    words = re.findall(r"[\w'’-]+", name)
    low = [w.lower() for w in words]
    if _is_generic(name) or any(w in VOICE_WORDS for w in low) or (low and low[-1] in _speech.BODY_NOUNS):
        return True  # "the Indian government", "the military": a body by its head noun
    return bool(words) and not _is_named(name) and low[-1].endswith("s")  # "forensic experts", "young protesters"


def _is_voice(name: str) -> bool:
    """An unnamed voice of a body: "a Navy spokesman", "the statement", "Navy sources"."""
    return any(w.lower() in VOICE_WORDS for w in re.findall(r"[\w'’-]+", name))


def _speaker_key(name: str | None) -> str | None:
    """The block a speaker's quotes are compared in: a person's surname, or the body a voice speaks
    for ("a navy spokesman", "Navy sources", "the Indian navy" -> "navy")."""
    if not name:
        return None
    if _is_court(name):
        return "court"  # "the judges", "the High Court", "their ruling": one court speaking
    name = re.split(r"(?i)\s+(?:who|which|that|whose)\s", name, maxsplit=1)[0]  # "the officer who fired the shot"
    words = [w for w in re.findall(r"[\w'’-]+", name.lower()) if len(w) > 1 and w not in ("the", "an")]
    body = [w for w in words if w not in VOICE_WORDS]
    if body and len(body) < len(words):
        return body[-1]
    return words[-1] if words else None


_HEAD_ROLE = (r"head|chairman|chairwoman|chairperson|chair|chief|director|director-general|president|leader"
              r"|boss|ceo|governor|mayor|secretary-general")


#: "the head of the Suez Canal Authority said": the speaker is the organisation's head, not the
#: organisation; other roles ("a spokesman for") name someone else.
_ROLE_OF = re.compile(rf"\b(?P<role>{_HEAD_ROLE}|spokes(?:man|woman|person)|spokes|official)s?\s+(?:of|for|at)\s+"
                      r"(?:the\s+)?$", re.I)


_HEAD_NEAR = re.compile(rf"\b(?:{_HEAD_ROLE}|heads|headed|leads|led|runs|chairs)\b", re.I)

#: How far apart (characters) a person and an organisation may be named for a role word between or
#: around them to make the person its head ("SCA chairman Osama Rabie", "Ossama Rabie, who heads the
#: Suez Canal Authority", "the head of the Suez Canal Authority, Usama Rabie").
ROLE_PAIR_CHARS = 60

# A reporting clause inside a reported statement: "Dredgers worked all night, the SCA said, but ...".
_SAID_INSIDE = re.compile(r",\s+(?:[\w'’.-]+\s+){1,5}(?:said|says|added|reported|stated|announced)\s*,", re.I)

#: The comma between a speaker's role words and the person's name in apposition ("the fire chief, James Steele").
_APPOSED_NAME = re.compile(r",\s*")

# "the 37-year-old", "the 81-year-old former president": a speaker named by age refers back.
_AGE_DESCRIPTOR = re.compile(r"(?:the\s+)?(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b", re.I)

#: How far back (characters) the person an age descriptor refers to may be named.
AGE_DESCRIPTOR_CHARS = 1500


def _heads(articles: Sequence[Article], extractions: Sequence[Extraction]) -> dict[str, str]:
    """Organisation -> the person the story's articles name as its head (most often named so)."""
    texts = {a.id: a.text for a in articles}
    pairs: Counter[tuple[str, str]] = Counter()
    for ex in extractions:
        text = texts.get(ex.article)
        if text is None:
            continue
        people = [m for m in ex.mentions if m.type == "PERSON"]
        orgs = sorted((m for m in ex.mentions if m.type == "ORG"), key=lambda m: m.start)
        starts = [o.start for o in orgs]
        for p in people:
            near = bisect.bisect_left(starts, p.start - 2 * ROLE_PAIR_CHARS - 200)
            for o in orgs[near:bisect.bisect_right(starts, p.end + 2 * ROLE_PAIR_CHARS + 200)]:
                lo, hi = min(p.start, o.start), max(p.end, o.end)
                if hi - lo > ROLE_PAIR_CHARS + len(p.text) + len(o.text) or re.search(r"[.!?\n]", text[lo:hi]):
                    continue
                if _HEAD_NEAR.search(text, max(0, lo - 20), min(len(text), hi + 5)):
                    pairs[(o.entity or o.text, p.entity or p.text)] += 1
    heads: dict[str, str] = {}
    for (org, person), _n in pairs.most_common():
        heads.setdefault(org, person)
    return heads


#: Entity types that never speak: a country, a city, a region, a nationality ("Kazakhstan said" is
#: its government, which the text names elsewhere; the brief does not guess which).
NON_SPEAKER_TYPES = {"GPE", "LOC", "NORP", "FAC", "PRODUCT", "DATE", "TIME"}
#: Of those, the types that stand for a government when they "say" ("India said", "The Indians say"): such a
#: statement is never a group of its own nor named by the country; it joins the group of the named speaker
#: whose statement it nearly repeats (as an unnamed source does, ``GENERIC_JOIN_FACTOR``), else it is left out.
STAND_IN_TYPES = {"GPE", "NORP"}
_CALENDAR = re.compile(
    r"(?i)^(?:the\s+)?(?:" + _calendar.WEEKDAY_NAME_ALTERNATION + r"|today|yesterday|tomorrow|tonight|"
    + _calendar.MONTH_FORM_ALTERNATION + r"|\d[\d\s/.,:-]*)\.?(?:\s+\d+)?$"
)


def _can_speak(speaker: str, etype: str | None, text: str, start: int | None, end: int | None) -> bool:
    """Whether a quote's speaker may stand as one: not a place or nationality, not a date, not a heading
    (a line of its own, or a speaker span that runs across a line break)."""
    if etype in NON_SPEAKER_TYPES or _CALENDAR.match(speaker.strip()):
        return False
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return True
    if "\n" in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    return not (line and line == text[start:end].strip())


#: A quote group whose fullest version has fewer words than this is a fragment ("destroyed", "in
#: particular"): it stays in its article's view and is not listed as a statement of its own.
MIN_GROUP_WORDS = 3

#: A short piece (under SHORT_QUOTE_WORDS) is read with its sentence against a longer version when that
#: version, or no other version in its sentence, holds at least this share of its content words. Set on the seeds (the "20,000 bandits" partial joined the
#: direct quote next to it, which holds none of its words; "so-called free media" / "the free media and
#: certain people abroad" hold 2 of 3); checked on the six dev stories (quote groups unchanged or up).
HELD_WORDS_SHARE = 0.5

#: A saying verb right after the speaker a reported clause was cut with ("Rabie said …", "The ministry, in a
#: statement, said …"): the content starts after it.
_OWN_CUE = re.compile(r"(?:\s*,[^,]{0,60},)?\s*(" + "|".join(sorted(_speech.BARE_CLAUSE_CUES, key=len, reverse=True))
                      + r")\b\s*")

#: The complementiser a reported clause may be cut with ("said that X"): shown and compared without it.
_THAT_LEAD = re.compile(r"(?i)that\s+")


#: Verbs by which a news outlet prints words it quotes ("…,” The Hill reported", "the Times wrote").
_OUTLET_CUES = frozenset("reported reports reporting wrote writes".split())

#: How far after the quote before it (characters) an outlet's print of someone's words still gives them to that
#: quote's speaker: a paragraph of news prose (CARRY_CHARS of extract/quotes). Not fitted.
OUTLET_CARRY_CHARS = 700


def _outlet_print(q: Quote, speaker: str, etype: str | None) -> bool:
    """Words in quotation marks that a news outlet "reported" or "wrote": the outlet prints them, it did not say
    them ("“…,” The Guardian reported"). An outlet is an organisation named as such, or a newspaper noun ("the
    paper reported"); a body that reports (police, a ministry, officials) speaks for itself."""
    if q.kind not in ("direct", "partial") or (q.cue or "").strip().lower() not in _OUTLET_CUES:
        return False
    if etype == "PERSON":
        return False
    words = re.findall(r"[\w'’-]+", speaker.lower())
    if not words:
        return False
    head = words[-1]
    if head in MEDIA_NOUNS:
        return True
    return etype == "ORG" and not (head in _speech.BODY_NOUNS or head in SOURCE_NOUNS or head in VOICE_WORDS
                                   or _is_court(speaker))


def _headline_end(art: Article) -> int:
    """Where the article's headline line ends when its text opens with it (else 0): words quoted in
    a headline ("Canal chief says ...") restate the body and are not a statement of their own."""
    title = (art.title or "").strip()
    first = art.text.lstrip().split("\n", 1)[0].strip()
    if title and first == title:
        return art.text.index(first) + len(first)
    return 0


def _quote_units(articles: Sequence[Article], extractions: Sequence[Extraction]) -> list[_Unit]:
    """Quotes cut at sentence ends (each piece still verbatim), with their speaker and context."""
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    heads = _heads(articles, extractions)
    homes: dict[str, str] = {}  # a person's country, as any article of the story gives it
    voices: dict[str, str] = {}  # the body a person is spokesperson of, as any article gives it
    for ex in extractions:
        if ex.article in by_id:
            for person, place in _homes(by_id[ex.article][1].text, ex.mentions).items():
                homes.setdefault(person, place)
            for person, body in _voices(by_id[ex.article][1].text, ex.mentions).items():
                voices.setdefault(person, body)
    units: list[_Unit] = []
    qid = 0
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        headline = _headline_end(art)
        types = {m.entity: m.type for m in ex.mentions if m.entity}
        said_before: Quote | None = None  # the last quote with a speaker, outlets' prints aside
        for q in sorted(ex.quotes, key=lambda q: q.start):
            qid += 1
            speaker = q.entity or (q.speaker if q.speaker and q.speaker.lower() not in
                                   ("he", "she", "they", "it", "we", "i") else None)
            if speaker and _outlet_print(q, speaker, types.get(q.entity or "")):
                # "“There's a very real risk …,” The Guardian reported": a newspaper printed someone's words; they
                # are the words of the one the paragraph quoted just before (the barrister), else of no one known
                prev = said_before
                if prev is None or "\n\n" in art.text[prev.end:q.start] or q.start - prev.end > OUTLET_CARRY_CHARS:
                    continue
                q = replace(q, speaker=prev.speaker, entity=prev.entity, speaker_start=prev.speaker_start,
                            speaker_end=prev.speaker_end)
                speaker = q.entity or q.speaker
            elif speaker:
                said_before = q
            if not speaker or not (0 <= q.start < q.end <= len(art.text)) or q.start < headline:
                continue
            etype = types.get(q.entity or "")
            proxy = etype in STAND_IN_TYPES and _can_speak(speaker, None, art.text, q.speaker_start, q.speaker_end)
            if not proxy and not _can_speak(speaker, etype, art.text, q.speaker_start, q.speaker_end):
                continue
            if not q.entity and q.speaker_end is not None and speaker.split()[-1][:1].islower() \
                    and not _is_body(speaker, None):
                # "said the city's fire chief, James Steele": the person named right after one person's role
                # words (not after a source, "according to police, Anthony LaSalle, 36, ...")
                after = _APPOSED_NAME.match(art.text, q.speaker_end)
                named = [m for m in ex.mentions if after and m.type == "PERSON" and m.start == after.end()
                         and " " in m.text.strip()]
                if named:
                    speaker = named[0].entity or named[0].text
            if not q.entity and _AGE_DESCRIPTOR.match(speaker):
                # "the 37-year-old said": the person last named before, as news refers back to them
                named = [m for m in ex.mentions if m.type == "PERSON" and m.end <= q.start
                         and q.start - m.end <= AGE_DESCRIPTOR_CHARS]
                if named:
                    last = max(named, key=lambda m: m.end)
                    speaker = last.entity or last.text
            role = _ROLE_OF.search(art.text, max(0, q.speaker_start - 40), q.speaker_start) \
                if q.speaker_start is not None and q.speaker_start > 0 else None
            if role:  # "the head of the Suez Canal Authority" is its head, named elsewhere in the story
                head = heads.get(speaker) if re.fullmatch(_HEAD_ROLE, role.group("role"), re.I) else None
                speaker = head or f"{role.group('role').lower()} of {speaker}"
            verbatim = art.text[q.start:q.end] == q.text
            kind = q.kind if (verbatim or q.kind == "indirect") else "indirect"
            pieces = (_split_quote(art.text, q.start, q.end) if verbatim and q.kind in ("direct", "partial")
                      else [(q.start, q.end)])
            if verbatim and kind == "indirect":
                said = _SAID_INSIDE.search(art.text, q.start, q.end)
                if said and said.start() > q.start:  # "X happened, the SCA said, but Y": X is what was said,
                    pieces = [(q.start, said.start())]
                    rest = re.match(r"\s*(?:and\s+)?", art.text[said.end():q.end])
                    r0 = said.end() + (rest.end() if rest else 0)
                    if len(art.text[q.start:said.start()].split()) < MIN_CLAUSE_WORDS:
                        pieces = [(r0, q.end)]  # "Instead, navy sources said, they tied …": the clause after
                    elif len(art.text[r0:q.end].split()) >= MIN_CLAUSE_WORDS \
                            and re.match(r"\s*and\s", art.text[said.end():q.end]):
                        pieces.append((r0, q.end))  # "…, the military said, and Y": Y too
                else:  # "X killed two, and state police did not have any suspects": two statements
                    pieces = _split_clauses(art.text, q.start, q.end)
                aside = _DASH_ASIDE.search(art.text, pieces[-1][0], pieces[-1][1])
                if aside and len(art.text[pieces[-1][0]:aside.start()].split()) >= MIN_CLAUSE_WORDS:
                    pieces[-1] = (pieces[-1][0], aside.start())  # "… the country — comments that …": the reporter's
            for p0, p1 in pieces:
                if kind == "indirect" and verbatim:  # "said that X": the reported content is X
                    ss = q.speaker_start
                    own = _OWN_CUE.match(art.text, q.speaker_end, p1) \
                        if ss is not None and q.speaker_end is not None and p0 <= ss <= p0 + 4 else None
                    if own and p1 - own.end() >= 12 and own.group(1).lower() not in _speech.CONTENT_CUES:
                        p0 = own.end()  # "Rabie said 14 tugboats …" cut with its speaker: the content after
                    that = _THAT_LEAD.match(art.text, p0, p1)
                    if that and p1 - that.end() >= 12:
                        p0 = that.end()
                text = art.text[p0:p1] if verbatim else _THAT_LEAD.sub("", q.text, count=1)
                s0, s1 = _sentence_bounds(art.text, p0, p1)
                shown = _content_cue_start(art.text, q.cue, s0, p0) if verbatim and kind == "indirect" else -1
                if shown < 0 and verbatim and kind == "indirect" and _PRONOUN_LEAD.match(art.text, p0, p1):
                    shown = _reporting_lead(art.text, q, s0, p0)  # "the navy said it had sunk …": "it" reads
                home = homes.get(q.entity or "")
                units.append(_Unit(art.id, order, speaker, text, p0, p1, kind, art.text[s0:s1], qid, shown,
                                   _is_body(speaker, types.get(q.entity or "")),
                                   _THEIR_COUNTRY.sub(home, text) if home and kind == "indirect" else ""))
                if units[-1].compare == text:
                    units[-1].compare = ""
                if speaker in voices:  # a body's spokesperson: compared with the body's statements
                    units[-1].voice_of, units[-1].body = voices[speaker], True
                units[-1].proxy = proxy
                units[-1].court = _is_court(speaker, types.get(q.entity or ""))
    return units


#: How far before a reported clause its cue may stand to be shown with it ("did not know why …"): one
#: reporting clause. Display only, no group moves with it.
CUE_LEAD_CHARS = 40


def _content_cue_start(text: str, cue: str | None, s0: int, p0: int) -> int:
    """Where a cue that is part of the statement starts, right before the reported clause at ``p0`` ("he
    denied that …", "did not know why …"), or -1 (a saying verb: the clause is shown alone)."""
    word = re.sub(r"\s+", " ", (cue or "").strip().lower())
    if word not in _speech.CONTENT_CUES:
        return -1
    lo = max(s0, p0 - CUE_LEAD_CHARS)
    at = text.lower().rfind(word, lo, p0)
    if at < 0 or "\n" in text[at:p0]:
        return -1
    return at


#: A reported clause whose subject is a personal pronoun ("it had sunk …", "he would resign") or that has
#: none ("what the navy said was a mother vessel"): shown with its reporting clause, where the subject
#: is ("the navy said it had sunk …"); a clause with a subject of its own is shown from its first word
#: ("113 vessels were expected …").
_PRONOUN_LEAD = re.compile(r"(?:it|he|she|they|we|I|was|were|is|are|had|has|have|will|would)\s", re.I)

#: How far before a reported clause its speaker and cue may start to be shown with it ("India's navy
#: said it had sunk …", "The Indian Navy in November said it had …"): one reporting clause, not a sentence.
#: Set from pirates (leads of 9-40 characters); display only, no group moves with it.
REPORTING_LEAD_CHARS = 80


def _reporting_lead(text: str, q: Quote, s0: int, p0: int) -> int:
    """Where the reporting clause right before a reported statement starts, or -1: the speaker written
    in the same sentence just before the statement, with the cue word between them; else the cue alone."""
    lo = max(s0, p0 - REPORTING_LEAD_CHARS)
    head = text[lo:p0]
    cue = (q.cue or "").strip()
    if not cue or "\n" in head.strip():
        return -1
    at = head.lower().rfind(cue.lower())
    if at < 0 or not re.fullmatch(r"\s*(?:that\s*)?", head[at + len(cue):]):
        return -1
    ss = q.speaker_start
    if ss is not None and lo <= ss < lo + at and q.speaker_end is not None and q.speaker_end <= lo + at:
        det = re.search(r"(?i)\b(?:the|a|an)\s+$", text[lo:ss])  # the speaker as an entity: "the" before it
        return lo + det.start() if det else ss
    return lo + at


def _nest(units: list[_Unit]) -> list[_Unit]:
    """One reading of words quoted inside a reported statement (step 1).

    When a reported statement holds quoted pieces, the pieces stand for it if they make up at least
    ``NESTED_COVER`` of it ("he said that “...” and “...”"); else the statement stands for them ("he
    ordered them to open fire “without warning”").
    """
    drop: set[int] = set()
    order = sorted(range(len(units)), key=lambda i: -(units[i].end - units[i].start))
    for i in order:
        if i in drop:
            continue
        u = units[i]
        inner = [j for j in range(len(units)) if j != i and j not in drop and units[j].article == u.article
                 and units[j].qid != u.qid and min(u.end, units[j].end) - max(u.start, units[j].start)
                 >= 0.8 * (units[j].end - units[j].start)]
        if not inner:
            continue
        covered = sum(units[j].end - units[j].start for j in inner)
        if covered >= NESTED_COVER * (u.end - u.start):
            drop.add(i)
        else:
            drop.update(inner)
    return [u for i, u in enumerate(units) if i not in drop]


def _split_quote(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence pieces of a quote (offsets), so each statement can be matched on its own."""
    pieces = []
    p = start
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", text[start:end]):
        if len(text[p:start + m.start()].split()) >= 3:
            pieces.append((p, start + m.start()))
            p = start + m.end()
    pieces.append((p, end))
    if len(pieces) > 1 and len(text[pieces[-1][0]:pieces[-1][1]].split()) < 3:
        last = pieces.pop()
        pieces[-1] = (pieces[-1][0], last[1])
    return pieces


#: ", and" or ", but" before a clause with a subject of its own: the words before the auxiliary verb
#: are its subject ("…, and state police did not have …", "…, but the ministry has denied …").
_CLAUSE_JOINT = re.compile(
    r",\s+(?:and|but)\s+(?=(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}(?:is|was|were|are|did|does|do|had|has|have|"
    r"would|will|could|can|may|might|should|must)\b)")

#: A spaced dash after a reported statement opens the reporter's aside ("… to transit the country — comments
#: that rocketed through social media").
_DASH_ASIDE = re.compile(r"\s(?:[—–]|--)\s")

#: Each side of such a joint has at least this many words to stand as a statement of its own.
MIN_CLAUSE_WORDS = 4


def _split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A reported statement cut where ", and" / ", but" join two clauses with subjects of their own."""
    pieces = []
    p = start
    for m in _CLAUSE_JOINT.finditer(text, start, end):
        if len(text[p:m.start()].split()) >= MIN_CLAUSE_WORDS and len(text[m.end():end].split()) >= MIN_CLAUSE_WORDS \
                and not re.search(r"[“”\"]|``|''", text[p:m.start()].split(",")[-1]):
            pieces.append((p, m.start()))
            p = m.end()
    pieces.append((p, end))
    return pieces


def _vectors(texts: list[str]) -> tuple[Any, float]:
    """Row-normalised vectors of ``texts`` and the matching threshold: sentence embeddings when
    ``synoptic.embed`` has a model, else TF-IDF of stems."""
    try:
        from synoptic.embed import get_embedder

        return get_embedder().embed(texts), QUOTE_SIM_EMBED
    except Exception as e:  # the optional model is missing or failed: TF-IDF is the documented fallback
        log.debug("quote grouping falls back to TF-IDF: %s", e)
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(_content_stems(t)) or "_" for t in texts]
    return TfidfVectorizer(token_pattern=r"\S+").fit_transform(docs), QUOTE_SIM_TFIDF


def _block(vectors: Any, rows: list[int]) -> np.ndarray:
    """Cosine similarities among some rows (dense or sparse vectors)."""
    sub = vectors[rows]
    m = sub @ sub.T
    return np.asarray(m.toarray() if hasattr(m, "toarray") else m)


class _StoryNames:
    """The names of a story's people and organisations, to show a speaker as written ("the student ISNA
    news agency", "police", "TallGrass, a wholesaler of natural health products,") under the story's name
    for it ("ISNA", "Vancouver Police", "TallGrass Distribution Ltd")."""

    def __init__(self, extractions: Sequence[Extraction]) -> None:
        self.by_text: dict[str, set[str]] = defaultdict(set)  # a variant, lower case -> entity names
        self.by_tail: dict[str, set[str]] = defaultdict(set)  # the last words of an organisation's name
        for ex in extractions:
            for m in ex.mentions:
                if not m.entity or m.type not in ("PERSON", "ORG"):
                    continue
                for name in (m.text, m.entity):
                    self.by_text[" ".join(name.split()).lower()].add(m.entity)
                    words = name.split()
                    if m.type == "ORG" and len(words) >= 2:
                        for k in range(1, len(words)):
                            self.by_tail[" ".join(words[k:]).lower()].add(m.entity)

    def find(self, name: str, tails: bool = True) -> str | None:
        low = " ".join(name.split()).lower()
        for table in (self.by_text, self.by_tail) if tails else (self.by_text,):
            hit = table.get(low, set())
            if len(hit) == 1:
                return next(iter(hit))
        return None


#: An appositive after a speaker's name ("TallGrass, a wholesaler of natural health products,").
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s.*$", re.S)
_DETERMINER = re.compile(r"(?i)^(?:the|a|an)\s+")


def _story_name(speaker: str, names: _StoryNames) -> str:
    """``speaker`` as the story names it (see :class:`_StoryNames`): the speaker without an appositive, a
    determiner or lower-case descriptors around the name ("the student ISNA news agency" -> "ISNA"), or
    an unnamed body ("police") as the one organisation of the story whose name ends with it ("Vancouver
    Police"); else ``speaker`` unchanged. Never through a possessive ("Iran's state television")."""
    bare = _DETERMINER.sub("", _APPOSITIVE.sub("", speaker).strip(" ,"))
    if not bare or re.search(r"['’]s\b", bare):
        return speaker
    found = names.find(bare)
    if found:
        return found
    words = bare.split()
    upper = [i for i, w in enumerate(words) if w[:1].isupper()]
    if upper and upper == list(range(upper[0], upper[-1] + 1)) and len(upper) < len(words) \
            and not any(w.lower() in FUNCTION_WORDS or w.lower() in VOICE_WORDS for w in words) \
            and (upper[-1] == len(words) - 1 or words[-1].lower() in _speech.BODY_NOUNS | MEDIA_NOUNS):
        # a name before a lower-case head names it only when the head is a body's ("the ISNA news agency"); before
        # a person's ("the Taradise star", "the Oscar producer") it is what the person is known for
        # not "spokesman of Port Board", nor a body's voice ("an IDF spokesman", "Hamas security sources")
        # lower-case words around a name, as the story writes it ("Hawaii police" is not the University of Hawaii)
        found = names.find(" ".join(words[upper[0]:upper[-1] + 1]), tails=False)
    return found or (bare if bare != speaker.strip() and _is_named(bare) else speaker)


def _body_over_person(speaker: str, members: list[_Unit], texts: dict[str, str]) -> str:
    """The group's speaker when a person was chosen but most versions give the statement to a body in
    articles that never name that person ("Police say they had to Taser him" in five articles, the
    sergeant quoted in one): a body's statement stays the body's unless its own article names the
    spokesperson; the body's most used wording then speaks."""
    said = [u for u in members if not u.proxy and not u.carried]
    if not any(u.speaker == speaker and not u.body for u in said):
        return speaker
    surname = speaker.split()[-1]
    if not surname[:1].isupper():
        return speaker
    named_in = {a for a, t in texts.items() if surname in t and re.search(rf"\b{re.escape(surname)}\b", t)}
    theirs = sum(1 for u in said if u.speaker == speaker or u.article in named_in)
    # a court's statements do not outvote the judge who gave its ruling: the judge speaks for the court
    bodies = Counter(u.speaker for u in said if u.body and not u.court and u.article not in named_in)
    if sum(bodies.values()) <= theirs:
        return speaker
    return max(bodies, key=lambda s: (bodies[s], _is_named(s), len(s)))


def _voice_over_body(speaker: str, members: list[_Unit], texts: dict[str, str]) -> str:
    """The group's named spokesperson when a body was chosen but most versions are the spokesperson's, or
    the body's in articles that name that spokesperson ("Police said in a statement …" in an article
    quoting "Police spokesman Dave Gaskin"): there the body's words are the spokesperson's."""
    said = [u for u in members if not u.proxy and not u.carried]
    if any(u.speaker == speaker and (u.voice_of or not u.body) for u in said):
        return speaker  # the chosen speaker is a person
    best, best_n = speaker, 0
    for person, body in {(u.speaker, u.voice_of) for u in said if u.voice_of}:
        surname = person.split()[-1]
        named_in = {a for a, t in texts.items() if surname in t and re.search(rf"\b{re.escape(surname)}\b", t)}
        theirs = sum(1 for u in said if u.speaker == person
                     or (u.body and not u.voice_of and u.key == body and u.article in named_in))
        rest = sum(1 for u in said if u.body and not u.voice_of and not (u.key == body and u.article in named_in))
        if theirs > rest and theirs > best_n:
            best, best_n = person, theirs
    return best


def quote_groups(articles: list[Article], extractions: list[Extraction]) -> list[QuoteGroup]:
    """Versions of one utterance across sources and translations, one speaker per group.

    Steps:
    1. quotes with a known speaker, cut into sentence pieces; a quote not verbatim in its source is
       downgraded to indirect; quoted words inside a reported statement are read once (:func:`_nest`);
    2. each piece is compared as its words, and (when short, e.g. a one-word partial quote) as the
       sentence around it, unless another version in the other's sentence holds its words (it joins
       that one, see ``HELD_WORDS_SHARE``): sentence embeddings when ``synoptic.embed`` has a model,
       else TF-IDF;
    3. groups of the same speaker (by surname, or by the body a voice speaks for) are merged, most
       similar pair first, while their closest versions are above the threshold (a shared run of three content words counts as a
       match), never two statements of one article in a group: the constraint keeps single links
       from chaining a speaker's different statements together (tried on the seeds: average
       linkage splits the translations "nonsense" / "absurd" / "What a stupidity!" apart);
       3c. a sentence no quote of its article touches that repeats a version of another article word for
       word (``CARRY_RUN_WORDS``, or all the words of a quote in quotation marks, ``CARRY_QUOTED_WORDS``)
       joins that version's group as a reported version;
       3b. a group of an unnamed source ("officials said") or of a country ("India said",
       ``STAND_IN_TYPES``) joins the named speaker's group it nearly repeats (``GENERIC_JOIN_FACTOR``),
       and the group takes the named speaker;
    4. each group: the fullest direct version first (a bare sentence of step 3c last, and it does not
       choose the speaker); groups quoted by most articles first; a group of fewer than
       ``MIN_GROUP_WORDS`` words is a fragment and is left out, and so is a group of a country's
       statements or bare sentences only (dates and headings, which cannot speak, were left out in step 1).
    """
    units = _nest(_quote_units(articles, extractions))
    if not units:
        return []
    carried = _carried(articles, extractions, units)  # step 3c: unattributed copies, joined after step 3
    source = {len(units) + k: i for k, (i, _u) in enumerate(carried)}
    units += [u for _i, u in carried]
    # 2. similarities
    n = len(units)
    by_speaker: dict[str | None, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        if not u.proxy and not u.carried:  # a country's statement is compared only with named groups (step 3b)
            by_speaker[u.key].append(i)
    # only speakers quoted by two articles or more need comparing; each distinct text is embedded once
    compared = [i for idx in by_speaker.values() if len({units[i].article for i in idx}) > 1 for i in idx]
    within = set(compared)  # units compared with their own speaker's: they need their sentence too
    # a court's statements (its judges', its ruling's) join a named judge's group as an unnamed source's do
    generic = [u.proxy or _is_generic(u.speaker) or _is_described(u.speaker) or u.court for u in units]
    if any(generic):  # an unnamed source's statement is compared with everyone's (step 3b)
        compared = list(range(n))
    elif sum(u.body for u in units) > 1:  # bodies are compared across blocks (step 3a)
        compared = sorted(set(compared) | {i for i, u in enumerate(units) if u.body})
    distinct: dict[str, int] = {}
    row_of_text: dict[int, int] = {}
    row_of_context: dict[int, int] = {}
    row_of_own: dict[int, int] = {}
    for i in compared:
        u = units[i]
        row_of_text[i] = distinct.setdefault(u.words if len(u.text.split()) >= SHORT_QUOTE_WORDS else u.context,
                                             len(distinct))
        if i in within:
            row_of_context[i] = distinct.setdefault(u.context, len(distinct))
    for i in compared:  # a short piece's own words, for pairs where its sentence does not count
        if i in within:
            row_of_own[i] = distinct.setdefault(units[i].words, len(distinct)) \
                if len(units[i].text.split()) < SHORT_QUOTE_WORDS else row_of_text[i]
    vectors, threshold = _vectors(list(distinct)) if distinct else (None, QUOTE_SIM_TFIDF)
    uf = UnionFind(n)
    find = uf.find

    # 3. join: best-first single links (Kruskal order), one version per article in a group
    links: list[tuple[float, int, int]] = []
    pair: dict[tuple[int, int], float] = {}  # every pair compared, linked or not
    grams = [_grams(u.words) for u in units]
    stems = [set(_content_stems(u.words)) for u in units]
    for idx in by_speaker.values():
        if len(idx) < 2 or idx[0] not in row_of_context:  # one article's statements only: no pair to link
            continue
        words = _block(vectors, [row_of_text[i] for i in idx])
        around = _block(vectors, [row_of_context[i] for i in idx])
        own = _block(vectors, [row_of_own[i] for i in idx])
        short = np.array([len(units[i].text.split()) < SHORT_QUOTE_WORDS for i in idx])
        either_short = short[:, None] | short[None, :]
        # long quotes are compared by their words; the sentence around them may add at most 0.1
        # a short piece is read with its sentence against another short piece only when they share a
        # word, and against a longer version unless another version in that version's sentence holds the
        # piece's words ("20,000 bandits" joins "attacked by 20,000 bandits", not the other statement
        # quoted in the same sentence; "nonsense" still joins "What a stupidity!", its translation)
        m = len(idx)
        has_words = np.zeros((m, m), dtype=bool)  # [a, b]: version b holds most words of short piece a
        shares = np.zeros((m, m), dtype=bool)  # [a, b]: short pieces a and b share a word
        for pa in map(int, np.flatnonzero(short)):
            for pb in range(m):
                has_words[pa, pb] = _holds_words(stems[idx[pb]], stems[idx[pa]])
                shares[pa, pb] = bool(stems[idx[pa]] & stems[idx[pb]])
        place = [(units[i].article, units[i].context) for i in idx]
        beside = np.array([[pb != pc and place[pb] == place[pc] for pc in range(m)] for pb in range(m)])
        other_has = (has_words.astype(int) @ beside.T.astype(int)) > 0  # [a, b]: one beside b holds a's words
        holds = ~short[:, None] | np.where(short[None, :], shares, has_words | ~other_has)
        in_context = either_short & holds & holds.T
        score = np.where(in_context, np.maximum(words, around),
                         np.where(either_short, own, np.maximum(words, np.minimum(around, words + 0.1))))
        article = np.array([units[i].article for i in idx], dtype=object)
        score[article[:, None] == article[None, :]] = -INF  # one article's statements are not versions
        for a, b in zip(*np.triu_indices(len(idx), 1), strict=True):
            sim = float(score[a, b])
            if sim == -INF:
                continue
            # a paraphrase ("indirect") says less about its words: it links only when closer
            bar = threshold * (QUOTE_INDIRECT_FACTOR if "indirect" in (units[idx[a]].kind, units[idx[b]].kind) else 1)
            if sim < bar and grams[idx[a]] & grams[idx[b]]:
                sim = bar  # a shared run of content words
            if bar <= sim < bar * WEAK_LINK_FACTOR and not either_short[a, b]:
                sa, sb = stems[idx[a]], stems[idx[b]]
                shared = len(sa & sb) / max(1, min(len(sa), len(sb)))
                log.debug("weak link %.2f overlap %.2f: %r / %r", sim, shared, units[idx[a]].text[:50], units[idx[b]].text[:50])
                if shared < MIN_WEAK_OVERLAP:
                    sim = min(sim, bar - 1e-6)  # a weak match sharing few words: two statements on one topic
            pair[(idx[a], idx[b])] = pair[(idx[b], idx[a])] = sim
            if sim >= bar:
                links.append((sim, idx[a], idx[b]))
    # 3a. a body's statement carried by outlets that give it to different parts of the body or to an
    # unnamed voice ("the navy said" / "a Defence Ministry statement said" / "the military said"): bodies
    # of different blocks link when their versions are nearly the same words (GENERIC_JOIN_FACTOR)
    bodies = [i for i in range(n) if units[i].body and not units[i].proxy and not units[i].carried
              and i in row_of_text]
    df = Counter(w for st in stems for w in st)  # in how many versions each content stem stands
    if len(bodies) > 1 and vectors is not None:
        sims_b = _block(vectors, [row_of_text[i] for i in bodies])
        keys = [units[i].key for i in bodies]
        for a, b in zip(*np.triu_indices(len(bodies), 1), strict=True):
            i, j = bodies[a], bodies[b]
            if keys[a] == keys[b] or units[i].article == units[j].article:
                continue
            bar = threshold * BODY_JOIN_FACTOR
            sim = float(sims_b[a, b])
            ca, cb = _counts(units[i].words), _counts(units[j].words)
            if ca and cb and not ca & cb:
                continue  # two bodies giving different counts ("23 pirates" / "22 fishermen") say different things
            if sim < bar and grams[i] & grams[j]:
                sim = bar  # the same words quoted ("a substantial cache of arms"), as within one speaker's block
            rare = max(2.0, RARE_STEM_SHARE * n)  # in a story of few versions, a word two of them share
            if threshold <= sim < bar and ca & cb and any(df[w] <= rare for w in stems[i] & stems[j] if not w.isdigit()):
                sim = bar  # one count and a word few versions use: "23 suspects surrendered" / "Twenty-three … surrendered"
                log.debug("rare-stem link: %r / %r", units[i].text[:60], units[j].text[:60])
            pair[(i, j)] = pair[(j, i)] = sim
            if sim >= bar:
                links.append((sim, i, j))
    arts: dict[int, set[str]] = {i: {u.article} for i, u in enumerate(units)}
    held: dict[int, list[int]] = {i: [i] for i in range(n)}  # each group's versions
    counts = [_counts(u.words) for u in units]
    weak: dict[int, float] = {}  # a group's weakest link so far
    best: dict[int, float] = defaultdict(lambda: -INF)
    for sim, i, j in links:
        best[i], best[j] = max(best[i], sim), max(best[j], sim)
    if any(generic) and vectors is not None:
        # a named version's best match may be an unnamed source's version of the same words in another
        # article ("officials said", joined in 3b): it is kept for that rather than go to a lesser
        # match among its own speaker's statements
        all_sims = _block(vectors, [row_of_text[i] for i in range(n)])
        bar = threshold * GENERIC_JOIN_FACTOR
        for i in range(n):
            if generic[i]:
                continue
            for j in range(n):
                if generic[j] and units[j].article != units[i].article and all_sims[i, j] >= bar:
                    best[i] = max(best[i], float(all_sims[i, j]))
    for sim, i, j in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        ri, rj = find(i), find(j)
        if ri == rj or arts[ri] & arts[rj]:
            continue
        # a quote still on its own joins only a group close to its best match: kept from its best
        # group (one version per article), it stays alone rather than go to its second choice
        if any(len(arts[r]) == 1 and sim < best[k] - QUOTE_MARGIN for r, k in ((ri, i), (rj, j))):
            continue
        # two groups that each hold several versions join only about as closely as their own versions
        # match: a weak link between two statements' groups is the chaining the constraint above misses
        if len(arts[ri]) > 1 and len(arts[rj]) > 1 and sim < max(weak[ri], weak[rj]) - GROUP_JOIN_MARGIN:
            continue
        # a version joining a group of several must be close to the group as a whole, not to one member
        # only: single links chain one speaker's different statements through their shared words
        if len(held[ri]) + len(held[rj]) > 2:
            cross = [pair[(a, b)] for a in held[ri] for b in held[rj] if (a, b) in pair]
            reported = any(units[k].kind == "indirect" for k in held[ri] + held[rj])
            if cross and sum(cross) / len(cross) < threshold * GROUP_MEAN_FACTOR * (
                    QUOTE_INDIRECT_FACTOR if reported else 1):
                continue
            # two groups of several versions each, as a whole far less alike than the tighter one's versions,
            # and no run of content words shared across them: two statements on one topic ("treating it as
            # suspicious and as potential arson" / "being investigated as an arson but he did not know of threats")
            if cross and len(arts[ri]) > 1 and len(arts[rj]) > 1 \
                    and sum(cross) / len(cross) < max(weak[ri], weak[rj]) - GROUP_MEAN_MARGIN \
                    and not any(grams[a] & grams[b] or counts[a] & counts[b] for a in held[ri] for b in held[rj]):
                log.debug("group join held back: link %.2f, mean %.2f, weakest inside %.2f / %.2f: %r / %r", sim,
                          sum(cross) / len(cross), weak[ri], weak[rj], units[i].text[:40], units[j].text[:40])
                continue
        log.debug("quote link %.2f: %r / %r", sim, units[i].text[:50], units[j].text[:50])
        uf.union(ri, rj)
        root = find(ri)
        held[root] = held.pop(ri) + held.pop(rj)
        arts[root] = arts.pop(ri) | arts.pop(rj)
        weak[root] = min(weak.pop(ri, INF), weak.pop(rj, INF), sim)
    # 3c. a sentence no article attributes that repeats an attributed version word for word joins its group
    for c, i in source.items():
        rc, ri = find(c), find(i)
        if rc != ri and not arts[ri] & arts[rc]:
            uf.union(rc, ri)
            root = find(ri)
            held[root] = held.pop(ri) + held.pop(rc)
            arts[root] = arts.pop(ri) | arts.pop(rc)
    # 3b. a statement of an unnamed source ("officials said") that another outlet gives, nearly word
    # for word, to a named person or body joins that group: outlets attribute one wire sentence differently
    if any(generic) and vectors is not None:
        rows = [row_of_text[i] for i in range(n)]
        sims = _block(vectors, rows)
        roots: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            roots[find(i)].append(i)
        unnamed = [r for r, idx in sorted(roots.items()) if all(generic[i] for i in idx)]
        named = {r: idx for r, idx in roots.items()
                 if not any(generic[i] for i in idx) and any(_is_named(units[i].speaker) for i in idx)}
        for r in unnamed:
            idx = roots[r]
            best_root, best_sim = None, threshold * GENERIC_JOIN_FACTOR
            stand_in = all(units[i].proxy for i in idx)
            for r2, idx2 in named.items():
                if arts.get(r2, set()) & arts.get(r, set()):
                    continue
                if stand_in and not any(units[i].body for i in idx2) \
                        and not any(grams[i] & grams[j] for i in idx for j in idx2):
                    continue  # a country's word given to a person only in the person's words (a run of content words)
                sim = float(sims[np.ix_(idx, idx2)].max())
                if sim < best_sim and any(_quoted_in(units[i], units[j]) for i in idx for j in idx2):
                    sim = best_sim  # the same words in quotation marks: "the gravity of the allegations …" both quote
                if sim >= best_sim:
                    best_root, best_sim = r2, sim
            if best_root is not None:
                uf.union(r, best_root)
                root = find(r)
                arts[root] = arts.pop(best_root, set()) | arts.pop(r, set())
                named[root] = named.pop(best_root) + idx
    # a piece that joined nothing else goes back to the other pieces of its quote
    pieces: dict[int, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        pieces[u.qid].append(i)
    size = Counter(find(i) for i in range(n))
    for idx in pieces.values():
        if len(idx) < 2:
            continue
        linked = [i for i in idx if size[find(i)] > sum(1 for k in idx if find(k) == find(i))]
        anchor = linked[0] if linked else idx[0]
        for i in idx:
            if size[find(i)] == sum(1 for k in idx if find(k) == find(i)):
                uf.union(find(i), find(anchor))
        size = Counter(find(i) for i in range(n))
    clusters: dict[int, list[_Unit]] = defaultdict(list)
    for i, u in enumerate(units):
        clusters[find(i)].append(u)
    # 4. order
    groups: list[QuoteGroup] = []
    story_names = _StoryNames(extractions)
    texts_by_id = {a.id: a.text for a in articles}
    for members in clusters.values():
        if all(u.proxy or u.carried for u in members):
            continue  # a country's statement that joined no named speaker's (the country is not a speaker), or a
            # bare sentence that could not join its attributed version's group (one article each)
        members = _dedupe_units(_rejoin(members, texts_by_id))
        members.sort(key=lambda u: (u.carried, u.kind != "direct", -len(u.text), u.order))
        # the versions that name their speaker choose it: not a country's, not a bare sentence's (it has none)
        names = Counter(u.speaker for u in members if not u.proxy and not u.carried) \
            or Counter(u.speaker for u in members)
        # a name first ("Oregon State Police", not "Federal authorities"), else the wording most outlets use
        # a named spokesperson speaks for a body too: among the body's voices, the wording most versions use
        voiced = {u.speaker for u in members if u.voice_of}
        # a named judge before the court, its judges before their ruling
        speaker = max(names, key=lambda s: (_is_named(s) and not _is_voice(s) and s not in voiced
                                            and not _is_described(s), not _is_court(s),
                                            not _is_ruling(s), names[s], not _is_generic(s), len(s)))
        speaker = _body_over_person(speaker, members, texts_by_id)
        speaker = _voice_over_body(speaker, members, texts_by_id)
        speaker = _story_name(speaker, story_names)
        groups.append(QuoteGroup(speaker=speaker, text=members[0].text, variants=[
            QuoteVariant(article=u.article, text=texts_by_id[u.article][u.shown:u.end] if u.shown >= 0 else u.text,
                         start=u.shown if u.shown >= 0 else u.start, end=u.end, kind=u.kind)  # type: ignore[arg-type]
            for u in members]))
    groups = [g for g in groups if len(re.findall(r"\w+", g.text)) >= MIN_GROUP_WORDS]
    groups.sort(key=lambda g: (-len({v.article for v in g.variants}), -len(g.text)))
    return groups


#: A sentence that no speech verb attributes in its article is the statement an attributed version in another
#: article of the story makes when the two share a run of at least this many words, word for word (wire copy
#: that one outlet attributes and another prints bare). Words are runs of letters and digits ("AK-47" is two).
#: Fitted on pirates: its two gold statements printed bare (the IMB's "Thai fishing trawler", the "pirates were
#: from Somalia and Yemen" of "The Indians say") share runs of 14 and 15 words with an attributed version, and
#: the longest wrong pair ("on anti-piracy patrol in the Gulf of Aden") 9; the right ones at 9 (two outlets'
#: "captured 23 pirates who threatened a merchant vessel") are groups already found. Checked on bomb, riots,
#: kazakhstan, migrants and heist (not looked at while fitting): at 10-12 two sentences are carried, both the
#: statement ("a multi-agency investigation involving federal, state, county and city police agencies", "attacked a
#: police station, stores and banks and fought running battles"); at 9 two wrong ones join (migrants, heist).
CARRY_RUN_WORDS = 10

#: ... or when it holds every word of a quote in quotation marks of at least this many words, in order: quotation
#: marks give the speaker's own words, and an outlet printing all of them bare prints the statement. Fitted on
#: pirates: from 3 to 6 words it carries the two outlets that print "handed over to appropriate authorities
#: ashore" bare (gold); at 3 also Rice's "all necessary measures" from a sentence with no speech verb. Held out
#: (bomb, heist, kazakhstan, migrants, riots, the seeds): nothing is carried at any value from 3, so no check.
CARRY_QUOTED_WORDS = 5

_WORD = re.compile(r"\w+")


def _longest_run(a: list[str], b: list[str]) -> int:
    """The most words ``a`` and ``b`` share in one unbroken run."""
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def _carried(articles: Sequence[Article], extractions: Sequence[Extraction],
             units: list[_Unit]) -> list[tuple[int, _Unit]]:
    """Unattributed sentences that repeat an attributed version (step 3c): (the version's index, the sentence as a
    reported version of the same speaker). A sentence is unattributed when no quote of its article, of any
    speaker, touches it; it is carried by the version of another article it shares the longest run of words
    with, at least ``CARRY_RUN_WORDS``; it is never shown as a direct quote."""
    k = min(CARRY_RUN_WORDS, CARRY_QUOTED_WORDS)
    words = [_WORD.findall(u.text.lower()) for u in units]
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, w in enumerate(words):
        for g in range(len(w) - k + 1):
            index[tuple(w[g:g + k])].add(i)

    def enough(run: int, i: int) -> bool:
        return run >= CARRY_RUN_WORDS or (units[i].kind != "indirect" and run == len(words[i]) >= CARRY_QUOTED_WORDS)
    if not index:
        return []
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ex in extractions:
        for q in ex.quotes:
            spans[ex.article].append((min(q.start, q.speaker_start if q.speaker_start is not None else q.start),
                                      max(q.end, q.speaker_end if q.speaker_end is not None else q.end)))
    out: list[tuple[int, _Unit]] = []
    for order, art in enumerate(articles):
        headline = _headline_end(art)
        for s0, s1 in split_sentences(art.text):
            if s0 < headline or any(a < s1 and s0 < b for a, b in spans.get(art.id, ())):
                continue
            sw = _WORD.findall(art.text[s0:s1].lower())
            cands = {i for g in range(len(sw) - k + 1) for i in index.get(tuple(sw[g:g + k]), ())
                     if units[i].article != art.id}
            if not cands:
                continue
            runs = [(_longest_run(sw, words[i]), i) for i in sorted(cands)]
            runs = [(r, i) for r, i in runs if enough(r, i)]
            if not runs:
                continue
            run, i = max(runs)
            src = units[i]
            text = art.text[s0:s1].strip()
            t0 = s0 + art.text[s0:s1].index(text[:1]) if text else s0
            out.append((i, _Unit(art.id, order, src.speaker, text, t0, t0 + len(text), "indirect", text, -2 - len(out), -1,
                                 src.body, proxy=src.proxy, carried=True)))
    return out


def _rejoin(units: list[_Unit], texts: dict[str, str]) -> list[_Unit]:
    """Pieces of one quote that ended in the same group become one variant again."""
    by_q: dict[int, list[_Unit]] = defaultdict(list)
    for u in units:
        by_q[u.qid].append(u)
    out = []
    for qs in by_q.values():
        if len(qs) == 1:
            out.extend(qs)
            continue
        qs.sort(key=lambda u: u.start)
        first, last = qs[0], qs[-1]
        text = texts[first.article][first.start:last.end]  # pieces are cut only from verbatim quotes
        out.append(_Unit(first.article, first.order, first.speaker, text, first.start, last.end, first.kind,
                         first.context, first.qid, first.shown, first.body, proxy=first.proxy, carried=first.carried))
    return out


#: Words in quotation marks, at least this many, that another outlet's direct quote holds word for word make the
#: two one statement (:func:`_quoted_in`): "bend its endeavours" quoted inside a reported statement is the judge's
#: "must now bend its endeavours to his prosecution". Three: the fewest that are a phrase of the speaker's own
#: rather than a name or a set phrase of two words. Fitted on review15 extradition; checked on the six dev stories,
#: the seeds and the CHECK stories of round 16.
QUOTED_JOIN_WORDS = 3
_QUOTED_SEGMENT = re.compile(r"[“\"‘«]([^“”\"‘’«»]+)[”\"’»]")


def _quoted_in(piece: _Unit, whole: _Unit) -> bool:
    """Whether words ``piece`` gives in quotation marks (all of a direct or partial quote, or a quoted segment of a
    reported statement) are held word for word by ``whole``, a direct quote: two outlets quoting the same words
    quote one statement, whoever they give it to. Five words do it anywhere in ``whole`` (``CARRY_QUOTED_WORDS``);
    ``QUOTED_JOIN_WORDS`` when ``whole`` is a direct quote."""
    segments = [piece.text] if piece.kind != "indirect" else _QUOTED_SEGMENT.findall(piece.text)
    hold = f" {' '.join(w.lower() for w in _WORD.findall(whole.text))} "
    for seg in segments:
        words = [w.lower() for w in _WORD.findall(seg)]
        need = QUOTED_JOIN_WORDS if whole.kind == "direct" else CARRY_QUOTED_WORDS
        if len(words) >= need and f" {' '.join(words)} " in hold:
            return True
    return False


def _holds_words(whole: set[str], piece: set[str]) -> bool:
    """Whether a version holds most content words of a short piece (stemmed; "so-called free media" /
    "the free media and …": a translation may differ by a word)."""
    return bool(piece) and len(piece & whole) >= HELD_WORDS_SHARE * len(piece)


def _grams(text: str, n: int = 3) -> set[tuple[str, ...]]:
    """Runs of ``n`` content words (stemmed): two quotes sharing one share distinctive wording."""
    stems = _content_stems(text)
    return {tuple(stems[i:i + n]) for i in range(len(stems) - n + 1)}


def _dedupe_units(units: list[_Unit]) -> list[_Unit]:
    """Drop a piece that lies inside another piece of the same article."""
    keep: list[_Unit] = []
    for u in sorted(units, key=lambda u: -(u.end - u.start)):
        if any(k.article == u.article and k.start <= u.start and u.end <= k.end for k in keep):
            continue
        keep.append(u)
    return keep
