"""The timeline: dated events (day granularity) merged across sources by date, in date order."""

from __future__ import annotations

import re
from collections import defaultdict

from synoptic.reconcile._text import (
    _content_stems,
    _sentence_bounds,
)
from synoptic.records import (
    Article,
    Citation,
    Extraction,
    TimelineEntry,
    TimeRef,
)

#: Longest timeline entry text, in words (the clause around the date, cut around it).
TIMELINE_WORDS = 28

#: A sentence up to this many words longer than ``TIMELINE_WORDS`` is kept whole: cutting two or
#: three words off its start ("… tugboats were now working") reads worse than a slightly long entry
#: (set by reading the bundled sample's timeline).
TIMELINE_SLACK_WORDS = 6

#: Weight of the position prior when picking the sentence that describes a date (0..1 bonus for
#: a mention at the top of its article; set by reading the seeds' timeline entries).
TIMELINE_POSITION_WEIGHT = 0.3

#: Bonus for a date written out with its month ("January 6", "6 Jan 2022", "2022-01-06") over a
#: relative one ("yesterday") when picking the sentence that describes a date.
TIMELINE_EXPLICIT_WEIGHT = 0.5


def timeline(articles: list[Article], extractions: list[Extraction]) -> list[TimelineEntry]:
    """Dated events of the story, merged across sources by date, in date order.

    Steps:
    1. dates of day granularity (``YYYY-MM-DD``) with their sentence;
    2. merged by date; evidence ordered by article, then position;
    3. the entry text is the clause around the date in the most central evidence sentence (the
       one sharing most words with the other evidence of that date and with the story's other
       articles), cut to ``TIMELINE_WORDS`` words around the date.
    """
    by_id = {a.id: (i, a) for i, a in enumerate(articles)}
    # 1. day dates
    found: dict[str, list[tuple[int, TimeRef, Article]]] = defaultdict(list)
    for ex in extractions:
        if ex.article not in by_id:
            continue
        order, art = by_id[ex.article]
        for d in ex.dates:
            value = (d.value or "")[:10]
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or "/" in (d.value or "") or \
                    d.granularity not in ("day", "time") or not (0 <= d.start < d.end <= len(art.text)):
                continue
            found[value].append((order, d, art))
    doc_words = {a.id: set(_content_stems(a.text)) for a in articles}
    out: list[TimelineEntry] = []
    for date in sorted(found):
        # 2. evidence
        ev = sorted(found[date], key=lambda e: (e[0], e[1].start))
        seen: set[tuple[str, int, int]] = set()
        evidence: list[Citation] = []
        evidence_text: list[str] = []
        sentences: list[tuple[str, TimeRef, Article]] = []
        for _o, d, art in ev:
            key = (art.id, d.start, d.end)
            if key in seen:
                continue
            seen.add(key)
            evidence.append(Citation(art.id, d.start, d.end))
            evidence_text.append(art.text[d.start:d.end])
            s0, s1 = _sentence_bounds(art.text, d.start, d.end)
            sentences.append((art.text[s0:s1], d, art))
        # 3. the entry text
        def centrality(item: tuple[str, TimeRef, Article],
                       sentences: list[tuple[str, TimeRef, Article]] = sentences) -> float:
            words = set(_content_stems(item[0]))
            if not words:
                return 0.0
            peers = [set(_content_stems(s)) for s, _d, a in sentences if a.id != item[2].id]
            others = [w for aid, w in doc_words.items() if aid != item[2].id]
            score = sum(len(words & p) / len(words) for p in peers)
            score += sum(len(words & o) / len(words) for o in others) / max(1, len(others))
            # news puts what matters first: an earlier mention in its article weighs more; a date
            # written out ("January 6") is the one the source pins the event to
            score += TIMELINE_POSITION_WEIGHT * (1 - item[1].start / max(1, len(item[2].text)))
            if _EXPLICIT_DATE.search(item[1].text):
                score += TIMELINE_EXPLICIT_WEIGHT
            return score

        best = max(sentences, key=centrality)
        out.append(TimelineEntry(date=date, text=_event_text(best[2].text, best[1]), evidence=evidence,
                                 evidence_text=evidence_text))
    return out


_EXPLICIT_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+"
                            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}", re.I)


_CLAUSE_CUT = re.compile(r",[”\"’]?\s+|;\s+|\s[-–—]\s|:\s+")

_REPORTING = re.compile(r"\b(?:said|says|told|reported|announced|stated|added|according|quoted)\b", re.I)


def _event_text(text: str, d: TimeRef) -> str:
    """The clause around a date: its sentence when short, else the clause holding the date grown
    by neighbouring clauses up to ``TIMELINE_WORDS`` words (towards the reported words first when
    the date sits in a reporting clause: "..., his spokesman said on Saturday")."""
    s0, s1 = _sentence_bounds(text, d.start, d.end)
    sent = " ".join(text[s0:s1].split())
    if len(sent.split()) <= TIMELINE_WORDS + TIMELINE_SLACK_WORDS:
        return sent
    starts = [s0] + [m.end() for m in _CLAUSE_CUT.finditer(text, s0, s1)]
    clauses = [(st, (starts[i + 1] if i + 1 < len(starts) else s1)) for i, st in enumerate(starts)]
    k = max(i for i, (st, _en) in enumerate(clauses) if st <= d.start)

    def words(lo: int, hi: int) -> int:
        return len(text[clauses[lo][0]:clauses[hi][1]].split())

    lo = hi = k
    left_first = bool(_REPORTING.search(text[clauses[k][0]:clauses[k][1]]))
    while True:
        steps = [(lo - 1, hi), (lo, hi + 1)] if left_first else [(lo, hi + 1), (lo - 1, hi)]
        for nlo, nhi in steps:
            if nlo >= 0 and nhi < len(clauses) and words(nlo, nhi) <= TIMELINE_WORDS:
                lo, hi = nlo, nhi
                break
        else:
            break
    piece = " ".join(text[clauses[lo][0]:clauses[hi][1]].split()).rstrip(",;:–—- ")
    if left_first and lo == k and k > 0 and len(piece.split()) < TIMELINE_WORDS:
        # "X, his spokesman said on Saturday": what was said is the event; keep its start
        room = TIMELINE_WORDS - len(piece.split())
        said = " ".join(text[clauses[k - 1][0]:clauses[k - 1][1]].split()).rstrip(",;:–—- ")
        return ("… " if k > 1 else "") + " ".join(said.split()[:room]) + " … " + piece
    if len(piece.split()) > TIMELINE_WORDS:  # one long clause: cut around the date
        pre = len(" ".join(text[clauses[lo][0]:d.start].split()).split())
        ws = piece.split()
        first = max(0, min(pre - TIMELINE_WORDS // 3, len(ws) - TIMELINE_WORDS))
        more = first + TIMELINE_WORDS < len(ws) or hi < len(clauses) - 1
        piece = " ".join(ws[first:first + TIMELINE_WORDS])
        return ("… " if first > 0 or lo > 0 else "") + piece + (" …" if more else "")
    return ("… " if lo > 0 else "") + piece + (" …" if hi < len(clauses) - 1 else "")
