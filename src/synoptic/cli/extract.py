"""``synoptic extract SOURCES...``: entities, figures, quotes and dates as JSON Lines, one per article."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE
from synoptic.cli._common import add_source_arguments, plural, read_cleaned
from synoptic.errors import SynopticError
from synoptic.records import Article, Extraction

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "extract",
        help="extract entities, figures, quotes and dates; print JSON Lines",
        description="Read articles (as for `synoptic clean`: files, directories, globs, '-' for JSON Lines "
        "on stdin, URLs with --fetch), clean them, and print one JSON object per article: id, published "
        "(with published_how: metadata, text, inferred from the text and the other articles' dates, or "
        "none), entities, figures, quotes and dates. Entity and speaker names are canonical names shared "
        "by all the articles of the run. All start/end offsets refer to the text AS GIVEN (the raw input, "
        "before cleaning; for HTML, the text extracted from it). Exit status 3 when some inputs were "
        "skipped (each is named on stderr).",
    )
    add_source_arguments(parser)
    parser.add_argument(
        "--what",
        default="entities,figures,quotes,dates",
        metavar="LIST",
        help="comma-separated parts to extract: entities, figures, quotes, dates (default: all)",
    )
    parser.set_defaults(func=run)


class _Offsets:
    """Maps spans of an article's cleaned text to the raw text it was given as."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.raw = article.raw_text or article.text

    def span(self, start: int, end: int) -> tuple[int, int]:
        a = self.article
        if not a.segments or end <= start:
            return start, end
        # map the first and last characters (a boundary offset belongs to two segments)
        s = a.raw_offset(start + 1) - 1
        e = a.raw_offset(end - 1) + 1
        if self.raw[s:e] != a.text[start:end]:  # a span across removed text: map the ends alone
            s, e = a.raw_offset(start), a.raw_offset(end)
        return s, e


def extraction_json(article: Article, ex: Extraction) -> dict[str, Any]:
    """The JSON object ``synoptic extract`` prints for one article (offsets into the raw text)."""
    om = _Offsets(article)

    def at(start: int, end: int) -> dict[str, int]:
        s, e = om.span(start, end)
        return {"start": s, "end": e}

    quotes = []
    for q in ex.quotes:
        item: dict[str, Any] = {"text": q.text, **at(q.start, q.end), "kind": q.kind,
                                "speaker": q.entity or q.speaker, "speaker_text": q.speaker,
                                "speaker_start": None, "speaker_end": None, "cue": q.cue}
        if q.speaker_start is not None and q.speaker_end is not None:
            item["speaker_start"], item["speaker_end"] = om.span(q.speaker_start, q.speaker_end)
        quotes.append(item)
    return {
        "id": article.id,
        "published": ex.published.isoformat() if ex.published else None,
        "published_how": ex.published_how,
        "entities": [{"text": m.text, "type": m.type, **at(m.start, m.end), "entity": m.entity}
                     for m in ex.mentions],
        "figures": [{"text": f.text, **at(f.start, f.end), "value": f.value, "low": f.low, "high": f.high,
                     "low_inclusive": f.low_inclusive, "high_inclusive": f.high_inclusive,
                     "qualifier": f.qualifier, "unit": f.unit, "category": f.category, "subject": f.subject,
                     "label": f.label, "attribution": f.attribution} for f in ex.figures],
        "quotes": quotes,
        "dates": [{"text": d.text, **at(d.start, d.end), "value": d.value, "granularity": d.granularity,
                   "anchor": d.anchor} for d in ex.dates],
    }


def run(args: argparse.Namespace) -> int:
    from synoptic.extract import WHAT, extract_articles

    what = {w.strip() for w in args.what.split(",") if w.strip()}
    if not what or what - WHAT:
        print(f"synoptic extract: --what {args.what!r}: choose from {', '.join(sorted(WHAT))}", file=sys.stderr)
        return EXIT_USAGE
    cleaned, skipped = read_cleaned(args)
    try:
        extractions = extract_articles(cleaned, what)
    except SynopticError as exc:
        log.error("%s", exc)
        return EXIT_ERROR
    out = sys.stdout
    for article, ex in zip(cleaned, extractions, strict=True):
        out.write(json.dumps(extraction_json(article, ex), ensure_ascii=False) + "\n")
    out.flush()
    if skipped:
        log.error("%s skipped, %s extracted", plural(skipped, "input"), plural(len(cleaned), "article"))
    return EXIT_SKIPPED if skipped else EXIT_OK
