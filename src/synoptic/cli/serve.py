"""``synoptic serve``: the web viewer and JSON API over a store (read-only unless --allow-ingest)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from pathlib import Path

from synoptic.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from synoptic.cli._common import add_db_argument

log = logging.getLogger("synoptic")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve", help="serve the web viewer and the JSON API over a store",
        description="Serve the story list, story pages, article pages and the JSON API (OpenAPI at "
        "/openapi.json) over the store at --db. Read-only unless --allow-ingest.")
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--allow-ingest", action="store_true",
                        help="enable POST /api/ingest and the upload page (anyone who can reach the server can add articles)")
    parser.set_defaults(func=main)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(args: argparse.Namespace) -> int:
    """Check the store opens, then run uvicorn until interrupted."""
    if not 0 < args.port < 65536:
        print(f"synoptic: --port {args.port} is not a port; give 1-65535", file=sys.stderr)
        return EXIT_USAGE
    if not Path(args.db).exists() and not args.allow_ingest:
        print(f"synoptic: {args.db}: no such store; build one with `synoptic run SOURCES --out DIR --db {args.db}` "
              f"or start with --allow-ingest to fill it from the browser", file=sys.stderr)
        return EXIT_ERROR
    from synoptic.errors import StoreError
    from synoptic.store import open_store

    try:
        open_store(args.db).close()  # fail now, with the store's own message, not on the first request
    except StoreError as exc:
        print(f"synoptic: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.allow_ingest and not _is_loopback(args.host):
        log.warning("ingest is allowed and the server listens on %s: anyone who reaches it can add articles",
                    args.host)
    import uvicorn

    from synoptic.web.app import create_app

    app = create_app(args.db, allow_ingest=args.allow_ingest)
    log.info("serving %s on http://%s:%d/ (%s)", args.db, args.host, args.port,
             "ingest allowed" if args.allow_ingest else "read-only")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                limit_concurrency=256, timeout_keep_alive=5, server_header=False)
    return EXIT_OK
