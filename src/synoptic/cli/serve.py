"""``synoptic serve``: the web viewer and JSON API over a store (read-only unless --allow-ingest)."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import socket
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
    sock = _bind(args.host, args.port)  # a busy port fails here, before "serving" is said
    if sock is None:
        return EXIT_ERROR
    import uvicorn

    from synoptic.web.app import create_app

    app = create_app(args.db, allow_ingest=args.allow_ingest, prerender=True)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning",
                            limit_concurrency=256, timeout_keep_alive=5, server_header=False)
    server = uvicorn.Server(config)
    log.info("serving %s on http://%s:%d/ (%s)", args.db, _url_host(args.host), args.port,
             "ingest allowed" if args.allow_ingest else "read-only")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return EXIT_OK if server.started else EXIT_ERROR


def _bind(host: str, port: int) -> socket.socket | None:
    """A listening socket on ``host``:``port`` (handed to uvicorn), or None after one line on stderr."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        print(f"synoptic: --host {host}: not an address this machine knows ({exc.strerror}); "
              f"give an address such as 127.0.0.1", file=sys.stderr)
        return None
    family, _, _, _, address = infos[0]
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and the
    # accepted connections inherit it. Without it every response (headers, then body: two writes)
    # waited for the client's delayed ACK: ~40 ms per request on loopback (bench/bench_web.py).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restarts need no wait
        sock.bind(address)
        sock.listen(2048)
        sock.set_inheritable(True)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            print(f"synoptic: port {port} on {host} is already in use (another server?); "
                  f"stop it or give another --port", file=sys.stderr)
        else:
            print(f"synoptic: cannot listen on {host}:{port} ({exc.strerror or exc}); "
                  f"give another --host or --port", file=sys.stderr)
        return None
    return sock


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
