"""``synoptic eval TASK``: measure quality on real data with the project's scorers."""

from __future__ import annotations

import argparse

from synoptic.evaluate import tasks


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="measure quality on an evaluation set (prints a table; --json writes the figures)",
        description="Measure quality on an evaluation set. Each task prints a table and, "
        "with --json PATH, writes its figures as JSON.",
    )
    tsub = parser.add_subparsers(dest="task", metavar="TASK")
    for name, module in tasks().items():
        tparser = tsub.add_parser(name, help=(module.__doc__ or name).strip().splitlines()[0])
        tparser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
        module.add_arguments(tparser)
        tparser.set_defaults(func=module.run)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])
