"""``synoptic summarize``: extractive summaries of document clusters, JSON Lines in and out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO

from synoptic.cli import EXIT_OK, EXIT_SKIPPED
from synoptic.cli._common import positive_int
from synoptic.summarize import summarize_documents

DEFAULT_MAX_WORDS = 200


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``summarize`` command."""
    parser = sub.add_parser(
        "summarize",
        help="summarise clusters of documents (JSON Lines in, JSON Lines out)",
        description="Read clusters as JSON Lines {\"id\", \"documents\": [text, ...]} from files or "
        "'-' (stdin) and write one line per cluster: {\"id\", \"summary\", \"sentences\": "
        "[{\"text\", \"sources\": [document indexes]}]}. Sentences are copied whole from the "
        "documents (after removing web debris); sources lists every document that says the same.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="JSON Lines file, or '-' for stdin")
    parser.add_argument("--max-words", type=positive_int, default=DEFAULT_MAX_WORDS, metavar="N",
                        help=f"word budget of each summary (default {DEFAULT_MAX_WORDS})")
    parser.add_argument("--no-embeddings", action="store_true",
                        help="cite supporting documents by TF-IDF only (faster; paraphrases are missed)")
    parser.set_defaults(func=run)


def _records(source: str, skipped: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The clusters of one source; unreadable sources and bad lines are reported and skipped."""
    try:
        stream: IO[str] = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        skipped.append(f"{source}: cannot open it ({exc.strerror or exc}); check the path")
        return
    name = "stdin" if source == "-" else source
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise TypeError("not a JSON object")
                docs = rec.get("documents")
                if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
                    raise TypeError('"documents" is not a list of strings')
            except (ValueError, KeyError, TypeError) as exc:
                skipped.append(f"{name}:{n}: skipped ({exc}); each line must be "
                               '{"id": ..., "documents": [text, ...]}')
                continue
            yield str(rec.get("id", f"{name}:{n}")), docs
    except UnicodeDecodeError as exc:
        skipped.append(f"{name}: not UTF-8 text ({exc.reason}); convert it to UTF-8")
    finally:
        if stream is not sys.stdin:
            stream.close()


def run(args: argparse.Namespace) -> int:
    """Summarise every cluster of every source and print one JSON line per cluster.

    Exit 0 when all went well, 3 when some source or line was skipped (one message each).
    """
    skipped: list[str] = []
    for source in args.sources:
        for cid, documents in _records(source, skipped):
            sentences = summarize_documents(documents, args.max_words, use_embeddings=not args.no_embeddings)
            record = {
                "id": cid,
                "summary": " ".join(text for text, _ in sentences),
                "sentences": [{"text": text, "sources": sources} for text, sources in sentences],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    for message in skipped:
        print(f"synoptic: {message}", file=sys.stderr)
    return EXIT_SKIPPED if skipped else EXIT_OK
