"""The ``synoptic`` command: a thin dispatcher over one module per subcommand.

Each module in this package (name not starting with ``_``) defines ``register(subparsers)``,
which adds its parser and sets ``func`` to a callable taking the parsed args and returning an
exit status. Exit statuses: 0 all went well, 1 error, 2 usage error, 3 some inputs were skipped.

Every error a user can cause ends as one line on stderr that names the thing and says what to do;
a traceback is printed only with ``-v``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every command module registered."""
    from synoptic import __version__

    parser = argparse.ArgumentParser(
        prog="synoptic",
        description="Read many news reports of the same events and say what they agree on, "
        "where they conflict, who said what, and when.",
    )
    parser.add_argument("--version", action="version", version=f"synoptic {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="log only errors to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="synoptic: %(message)s", stream=sys.stderr)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # `synoptic clean ... | head`
        return EXIT_OK
    except KeyboardInterrupt:
        print("synoptic: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns any failure into one line
        return _report_error(exc, verbose=args.verbose)


def _report_error(exc: Exception, verbose: bool) -> int:
    """One line on stderr for ``exc`` (the traceback too with ``-v``); the exit status 1."""
    import traceback

    from synoptic.errors import SynopticError

    if verbose:
        traceback.print_exc(file=sys.stderr)
    if isinstance(exc, SynopticError):
        message = str(exc)
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}; check the path and its permissions"
    else:
        message = f"unexpected error ({type(exc).__name__}: {exc}); rerun with -v for the details and report it"
    print(f"synoptic: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
