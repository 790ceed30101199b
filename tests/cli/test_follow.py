"""Following feeds against a real HTTP server on loopback whose feeds change between polls."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from synoptic.follow import Follower, read_feed_list
from synoptic.store import open_store


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """A small RSS 2.0 document; items are (guid, title, body). The texts are ours."""
    parts = [f"<item><guid>{g}</guid><title>{t}</title><description>{b}</description>"
             f"<pubDate>Mon, 29 Mar 2021 10:00:00 GMT</pubDate></item>" for g, t, b in items]
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Wire</title>"
            + "".join(parts) + "</channel></rss>").encode()


ITEM_1 = ("a1", "Stuck ship partly refloated",
          "Tugs moved the stern of the grounded container ship on Monday morning, the canal authority said. "
          "Engineers hope to free the bow at high tide later in the day.")
ITEM_2 = ("a2", "Canal traffic to resume",
          "The canal authority said convoys would resume once the container ship was towed to the lake. "
          "More than 400 vessels were waiting at both ends of the waterway.")
ITEM_3 = ("a3", "Backlog of ships starts to clear",
          "The first convoys crossed the canal overnight after the container ship was freed on Monday. "
          "The authority expects the backlog of waiting vessels to clear within four days.")
ITEM_4 = ("b1", "Marathon record falls in Berlin",
          "A Kenyan runner broke the marathon world record in Berlin on Sunday, finishing in two hours, "
          "one minute and nine seconds, thirty seconds faster than the old mark.")


class FeedServer:
    """Serves /<name>.xml from a dict; honours If-None-Match; logs (path, status) of every request."""

    def __init__(self) -> None:
        self.feeds: dict[str, tuple[int, bytes, str]] = {}  # path -> (status, body, etag)
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                status, body, etag = server.feeds.get(self.path, (404, b"not here", ""))
                if status == 200 and etag and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                server.log.append((self.path, status))
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def statuses(self, path: str) -> list[int]:
        return [s for p, s in self.log if p == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    srv = FeedServer()
    yield srv
    srv.close()


@pytest.mark.slow
def test_follow_ingests_new_entries_once_uses_304_and_backs_off(server: FeedServer, tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    server.feeds["/ship.xml"] = (200, rss([ITEM_1, ITEM_2]), '"v1"')
    server.feeds["/sport.xml"] = (200, rss([ITEM_4]), '"s1"')
    server.feeds["/garbage.xml"] = (200, b"\x00\x01 this is not a feed at all", "")
    server.feeds["/broken.xml"] = (500, b"server error", "")
    feeds = [server.url(p) for p in ("/ship.xml", "/garbage.xml", "/broken.xml", "/sport.xml")]
    now = [0.0]
    store = open_store(str(tmp_path / "f.db"))
    follower = Follower(feeds, store, state_path=tmp_path / "f.db.follow.json", interval=60, host_interval=0,
                        allow_private=True, clock=lambda: now[0], sleep=lambda s: None)
    caplog.set_level(logging.INFO, logger="synoptic")

    # round 1: the good feeds are read, the bad ones logged without stopping the others
    follower.poll_once()
    assert store.count_articles() == 3
    assert follower.errors == 2
    logged = caplog.text
    assert server.url("/garbage.xml") in logged and server.url("/broken.xml") in logged

    # round 2: nothing changed -> the good feeds cost a 304; the failing ones are backing off
    now[0] = 61
    follower.poll_once()
    assert server.statuses("/ship.xml") == [200, 304]
    assert server.statuses("/sport.xml") == [200, 304]
    assert server.statuses("/garbage.xml") == [200] and server.statuses("/broken.xml") == [500]
    assert store.count_articles() == 3
    assert follower.errors == 2  # a 304 is an answer, not an error
    assert follower.feeds[server.url("/ship.xml")].last_status == "304 not modified"

    # round 3: one feed gains an entry, the garbage feed is repaired, the broken one still fails
    server.feeds["/ship.xml"] = (200, rss([ITEM_1, ITEM_2, ITEM_3]), '"v2"')
    server.feeds["/garbage.xml"] = (200, rss([ITEM_3]), '"g1"')
    now[0] = 125
    follower.poll_once()
    assert server.statuses("/ship.xml") == [200, 304, 200]
    assert server.statuses("/broken.xml") == [500, 500]
    ids = sorted(a.id for a in store.articles())
    assert len(ids) == len(set(ids)) == 4 + 1 - 1  # a1 a2 a3 b1, and a3 again from the repaired feed is one
    assert follower.feeds[server.url("/broken.xml")].failures == 2
    assert follower.feeds[server.url("/garbage.xml")].failures == 0

    # a restart keeps the validators: the first poll of an unchanged feed is a 304
    store.close()
    store = open_store(str(tmp_path / "f.db"))
    again = Follower(feeds[:1], store, state_path=tmp_path / "f.db.follow.json", interval=60, host_interval=0,
                     allow_private=True, clock=lambda: now[0], sleep=lambda s: None)
    again.poll_once()
    assert server.statuses("/ship.xml")[-1] == 304
    assert store.count_articles() == 4
    store.close()


def test_follow_refuses_loopback_without_allow_private(server: FeedServer, tmp_path: Path) -> None:
    server.feeds["/ship.xml"] = (200, rss([ITEM_1]), '"v1"')
    store = open_store(str(tmp_path / "f.db"))
    follower = Follower([server.url("/ship.xml")], store, interval=60, host_interval=0)
    follower.poll_once()
    assert server.log == []  # never asked
    assert follower.errors == 1 and "non-public" in follower.feeds[server.url("/ship.xml")].last_status
    store.close()


def test_host_interval_spaces_requests_to_one_host(server: FeedServer, tmp_path: Path) -> None:
    server.feeds["/ship.xml"] = (200, rss([ITEM_1]), '"v1"')
    server.feeds["/sport.xml"] = (200, rss([ITEM_4]), '"s1"')
    now = [0.0]
    store = open_store(str(tmp_path / "f.db"))
    follower = Follower([server.url("/ship.xml"), server.url("/sport.xml")], store, interval=60,
                        host_interval=30, allow_private=True, clock=lambda: now[0], sleep=lambda s: None)
    follower.poll_once()
    assert [p for p, _ in server.log] == ["/ship.xml"]  # the second feed waits: same host
    now[0] = 31
    follower.poll_once()
    assert [p for p, _ in server.log] == ["/ship.xml", "/sport.xml"]
    store.close()


def test_read_feed_list_skips_comments_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text("# news\nhttps://example.org/a.xml\n\n  https://example.org/b.xml  # second\n")
    assert read_feed_list(path) == ["https://example.org/a.xml", "https://example.org/b.xml"]
