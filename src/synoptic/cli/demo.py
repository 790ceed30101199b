"""``synoptic demo``: run the whole pipeline on the sample bundled with the package."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from importlib import resources
from pathlib import Path

from synoptic.cli import EXIT_ERROR, EXIT_OK
from synoptic.cli._common import plural, print_brief


def sample_dir() -> Path:
    """The folder of the bundled sample reports (written by the synoptic authors)."""
    return Path(str(resources.files("synoptic") / "sample"))


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo", help="run the pipeline on the bundled sample and print the main story's brief",
        description="Run `synoptic run` on the sample bundled with the package (short reports written by "
        "the synoptic authors) and print the brief of its largest story in the terminal.")
    parser.add_argument("--out", metavar="DIR", help="keep the output here (default: a temporary folder)")
    parser.add_argument("--format", choices=["md", "json"], default="md", help="how to print the brief")
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from synoptic.pipeline import run

    sources = [str(p) for p in sorted(sample_dir().iterdir()) if p.name != "README.md"]
    out = args.out or tempfile.mkdtemp(prefix="synoptic-demo-")
    report = run(sources, out)
    if not report.stories:
        print("synoptic: the bundled sample gave no story; is the package installed completely?", file=sys.stderr)
        return EXIT_ERROR
    main_story = max(report.stories, key=lambda s: (len(s.article_ids), s.id))
    from synoptic.brief import to_json

    brief = to_json(report.briefs[main_story.id])
    if args.format == "json":
        print(json.dumps(brief, ensure_ascii=False, indent=2))
    else:
        print_brief(brief)
    others = [s for s in report.stories if s.id != main_story.id]
    for story in others:
        print(f"synoptic: other story {story.id}: {story.title} ({plural(len(story.article_ids), 'report')})",
              file=sys.stderr)
    print(f"synoptic: {plural(len(report.stories), 'story', 'stories')}; briefs (JSON, Markdown, HTML) in {out}",
          file=sys.stderr)
    return EXIT_OK
