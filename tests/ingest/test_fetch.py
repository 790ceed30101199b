"""Fetching URLs: scheme, address, size, time and redirect limits against a real local server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from synoptic.errors import FetchError, InputError
from synoptic.ingest import load
from synoptic.ingest.fetch import MAX_REDIRECTS, check_url, fetch
from synoptic.records import Article

PAGE = b"""<html><head><title>Flood waters recede in the valley</title></head><body><article>
<h1>Flood waters recede in the valley</h1>
<p>Flood waters began to recede on Monday after three days of heavy rain across the valley, the regional
authority said in a statement, adding that 1,200 homes had been without power at the peak.</p>
<p>Engineers inspected the two main bridges and found no structural damage, according to the statement.</p>
</article></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Flood waters recede</title><link>https://valleypost.example/a</link><guid>vp-1</guid>
<description>Flood waters began to recede on Monday.</description></item></channel></rss>"""
SLOW_S = 2.0


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(
        self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        try:
            if path == "/page.html":
                self._send(200, PAGE)
            elif path == "/host":
                self._send(200, (self.headers.get("Host") or "").encode(), "text/plain")
            elif path == "/feed":
                self._send(200, FEED, "application/rss+xml")
            elif path == "/big":
                self._send(200, b"x" * 200_000, "text/plain")
            elif path == "/slow":
                time.sleep(SLOW_S)
                self._send(200, PAGE)
            elif path.startswith("/hop"):
                n = int(path[4:] or 0)
                self._send(302, Location=f"/hop{n + 1}")
            elif path == "/to-page":
                self._send(301, Location="/page.html")
            elif path == "/to-file":
                self._send(302, Location="file:///etc/passwd")
            else:
                self._send(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_fetch_reads_a_page_from_an_allowed_local_server(server: str) -> None:
    (article,) = list(load([f"{server}/page.html"], fetch=True, allow_private=True))
    assert isinstance(article, Article)
    assert "Engineers inspected the two main bridges" in article.text
    assert article.url == f"{server}/page.html" and article.html is not None


def test_fetch_reads_a_feed_by_its_content_type(server: str) -> None:
    (article,) = list(load([f"{server}/feed"], fetch=True, allow_private=True))
    assert isinstance(article, Article) and article.id == "vp-1" and article.outlet == "Valley Post"


def test_fetch_connects_to_the_checked_address_and_names_the_host(server: str) -> None:
    url = server.replace("127.0.0.1", "localhost") + "/host"
    got = fetch(url, allow_private=True)
    assert got.body.decode() == url.split("/")[2] and got.url == url


def test_fetch_follows_a_redirect_and_records_the_final_url(server: str) -> None:
    got = fetch(f"{server}/to-page", allow_private=True)
    assert got.url.endswith("/page.html") and got.body == PAGE and got.content_type == "text/html"


@pytest.mark.parametrize("url", ["ftp://example.com/a.txt", "file:///etc/passwd", "gopher://example.com/"])
def test_fetch_refuses_other_schemes(url: str) -> None:
    (err,) = list(load([url], fetch=True))
    assert isinstance(err, FetchError) and url in str(err) and "only http and https" in str(err)


def test_fetch_refuses_loopback_without_allow_private(server: str) -> None:
    (err,) = list(load([f"{server}/page.html"], fetch=True))
    assert isinstance(err, FetchError) and "non-public address" in str(err) and "--allow-private" in str(err)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://localhost/",
        "http://[::ffff:127.0.0.1]/",
        "http://240.0.0.1/",
    ],
)
def test_check_url_refuses_non_public_addresses(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        check_url(url)


def test_fetch_rechecks_each_redirect(server: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"{server}/to-file", allow_private=True)


def test_fetch_stops_at_the_size_cap(server: str) -> None:
    with pytest.raises(FetchError, match="byte cap"):
        fetch(f"{server}/big", allow_private=True, max_bytes=50_000)


def test_fetch_times_out(server: str) -> None:
    start = time.perf_counter()
    with pytest.raises(FetchError, match="timed out|longer than"):
        fetch(f"{server}/slow", allow_private=True, timeout=0.5)
    assert time.perf_counter() - start < SLOW_S


def test_fetch_gives_up_after_too_many_redirects(server: str) -> None:
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch(f"{server}/hop0", allow_private=True)


def test_fetch_reports_http_errors(server: str) -> None:
    (err,) = list(load([f"{server}/missing"], fetch=True, allow_private=True))
    assert isinstance(err, InputError) and "HTTP 404" in str(err)


def test_fetch_tries_the_next_checked_address_when_one_refuses(server: str) -> None:
    import contextlib

    import httpx

    from synoptic.ingest.fetch import _open

    port = server.rsplit(":", 1)[1]
    with (
        httpx.Client() as client,
        contextlib.closing(
            _open(client, f"http://localhost:{port}/page.html", ["::1", "127.0.0.1"], None)
        ) as resp,
    ):
        assert resp.status_code == 200 and resp.read() == PAGE
