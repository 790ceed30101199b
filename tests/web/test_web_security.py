"""Security of ``synoptic serve``: headers, limits, traversal, hostile articles rendered inert, fuzzing.

Hostile articles go in through the real ingest route (``--allow-ingest``) and are looked at in
Debian's Chromium; schemathesis fuzzes every operation of ``/openapi.json`` through the ASGI app.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from synoptic.store import open_store
from synoptic.web.app import MAX_REQUEST_BYTES, MAX_UPLOAD_FILES, SECURITY_HEADERS, create_app
from tests.web.webutil import CHROMIUM_ARGS, SHOTS, LiveServer, chromium_path

CSP_PARTS = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
             "frame-ancestors 'none'"]

# Each payload would set window.pwned or open a dialog if it ever ran.
XSS_TITLE = '<script>window.pwned="title"</script><img src=x onerror="window.pwned=\'img\';alert(1)">'
XSS_OUTLET = '<svg onload="window.pwned=\'svg\'"></svg>"><b onmouseover=alert(2)>Outlet'
XSS_URL = "javascript:window.pwned='url';alert(3)"
XSS_TEXT = (
    "Officials in Riverton said on Monday that 12 bridges were closed after the storm. "
    '<script>window.pwned="text";alert(4)</script> The mayor, Jane Holloway, said "we will reopen '
    'them within a week". <img src=x onerror="window.pwned=\'text-img\';console.log(\'pwned\')"> '
    '<a href="javascript:alert(5)">click here</a> "><iframe src="javascript:alert(6)"></iframe> '
    "Engineers counted more than 40 damaged roads in the district. {{ 7*7 }} ${7*7}\n\n"
    "The storm brought 150 millimetres of rain in two days, the weather office said."
)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        yield c


# ------------------------------------------------------------------ headers, limits, traversal


@pytest.mark.parametrize(("url", "headers"), [
    ("/", {"accept": "text/html"}),
    ("/entities", {"accept": "text/html"}),
    ("/api/health", {}),
    ("/api/stories", {}),
    ("/openapi.json", {}),
    ("/static/style.css", {}),
    ("/no-such-page", {"accept": "text/html"}),
    ("/api/no-such-route", {}),
    ("/api/stories?limit=0", {}),
])
def test_every_response_carries_csp_and_nosniff(client: TestClient, url: str, headers: dict) -> None:
    response = client.get(url, headers=headers)
    csp = response.headers["content-security-policy"]
    for part in CSP_PARTS:
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", [
    "/static/../app.py",
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2f%2e%2e%2ferrors.py",
    "/static/....//app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/stories/..%2f..%2fetc%2fpasswd",
    "/articles/%2e%2e%2fapp.py",
    "/api/articles/..%2f..%2fetc%2fpasswd",
])
def test_no_route_reads_files_outside_the_static_folder(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (404, 422)
    assert "root:" not in response.text and "create_app" not in response.text


def test_static_serves_only_the_package_stylesheet(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")


def test_pages_carry_no_inline_script_or_handler(client: TestClient, db: Path) -> None:
    with open_store(str(db)) as s:
        story = s.stories()[0]
        urls = ["/", "/entities", f"/stories/{story.id}", f"/articles/{story.article_ids[0]}?start=0&end=10"]
    import re

    for url in urls:
        html = client.get(url).text
        assert "<script" not in html.lower()
        assert not re.search(r"\son[a-z]+\s*=", html), url
        assert "javascript:" not in html.lower()
        assert 'style="' not in html  # inline styles would need 'unsafe-inline' under the CSP


def test_read_only_server_refuses_ingest_even_small(client: TestClient) -> None:
    response = client.post("/api/ingest", data={"text": "A short report."})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


@pytest.fixture()
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(tmp_path / "ingest.db"), allow_ingest=True), raise_server_exceptions=False) as c:
        yield c


def test_upload_over_the_size_limit_is_refused_before_parsing(ingest_client: TestClient) -> None:
    big = b"word " * (MAX_REQUEST_BYTES // 5 + 10)
    response = ingest_client.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "MB" in response.json()["error"]["message"]


def test_chunked_body_over_the_limit_is_refused(ingest_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_REQUEST_BYTES // 65536 + 2):
            yield b"x" * 65536

    response = ingest_client.post("/api/ingest", content=chunks(),
                                  headers={"content-type": "multipart/form-data; boundary=zzz"})
    assert response.status_code == 413


def test_too_many_files_are_refused(ingest_client: TestClient) -> None:
    files = [("files", (f"a{i}.txt", b"Some words.", "text/plain")) for i in range(MAX_UPLOAD_FILES + 1)]
    response = ingest_client.post("/api/ingest", files=files)
    assert response.status_code == 413
    assert str(MAX_UPLOAD_FILES) in response.json()["error"]["message"]


def test_cross_site_form_post_to_ingest_is_refused(ingest_client: TestClient) -> None:
    response = ingest_client.post("/api/ingest", data={"text": XSS_TEXT}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403
    assert ingest_client.get("/api/health").json()["articles"] == 0


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\evil.txt", "/abs/path.txt", "a\x00b.txt", "..."])
def test_upload_file_names_never_leave_the_upload_folder(ingest_client: TestClient, tmp_path: Path,
                                                         name: str) -> None:
    body = b"Officials in Riverton said on Monday that 12 bridges were closed after the storm.\n"
    response = ingest_client.post("/api/ingest", files={"files": (name, body, "text/plain")})
    assert response.status_code == 200, response.text
    assert len(response.json()["added"]) + len(response.json()["skipped"]) == 1
    assert not (tmp_path / "evil.txt").exists()


# ------------------------------------------------------------------ hostile articles in a real browser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A live ingest-enabled server holding articles whose every field carries script payloads."""
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with LiveServer(create_app(str(db), allow_ingest=True)) as live:
        record = {"id": "hostile-jsonl", "title": XSS_TITLE, "outlet": XSS_OUTLET, "url": XSS_URL,
                  "published": "2024-03-04", "text": XSS_TEXT.replace("Riverton", "Riverton town")}
        r1 = httpx.post(live.url + "/api/ingest", data={"text": XSS_TEXT, "title": XSS_TITLE,
                                                        "outlet": XSS_OUTLET, "url": XSS_URL}, timeout=300)
        r2 = httpx.post(live.url + "/api/ingest", timeout=300,
                        files={"files": ("hostile.jsonl", json.dumps(record).encode(), "application/json")})
        assert r1.status_code == 200, r1.text
        assert r2.status_code == 200, r2.text
        ids = [a["id"] for a in r1.json()["added"] + r2.json()["added"]]
        assert len(ids) == 2
        yield live.url, ids


def test_hostile_article_fields_render_inert_in_chromium(hostile) -> None:
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium found (/usr/bin/chromium); install it with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    url, ids = hostile
    stories = httpx.get(url + "/api/stories").json()["items"]
    assert stories, "the hostile articles made no story"
    pages = ["/", "/entities", *(f"/stories/{s['id']}" for s in stories),
             *(f"/articles/{i}?start=0&end=40" for i in ids)]
    events: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("console", lambda m: events.append(f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda e: events.append(f"page error: {e}"))
        for i, target in enumerate(pages):
            page.goto(url + target)
            page.mouse.move(300, 200)  # would fire mouseover handlers, were there any
            page.wait_for_timeout(150)
            assert page.evaluate("typeof window.pwned") == "undefined", target
            assert page.evaluate("document.querySelectorAll('script, iframe, img, svg:not(.timeline-chart), "
                                 "[onerror], [onload], [onmouseover]').length") == 0, target
            assert page.evaluate("[...document.querySelectorAll('a[href]')].filter(a => "
                                 "!/^(https?:|\\/|#)/.test(a.getAttribute('href'))).length") == 0, target
            if target.startswith(("/stories/", "/articles/")):
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"hostile-{i}.png"), full_page=True)
        page.goto(f"{url}/articles/{ids[0]}")
        assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
        assert "onerror=" in page.locator(".article-text").inner_text()
        browser.close()
    assert events == []


def test_hostile_url_is_never_a_link(hostile) -> None:
    url, ids = hostile
    for article_id in ids:
        html = httpx.get(f"{url}/articles/{article_id}").text
        assert 'href="javascript:' not in html
        assert '<span class="unsafe-url" title="not a web link">javascript:' in html


# ------------------------------------------------------------------ fuzzing the API


# The schema does not depend on the store (the app opens it on the first request), so it is read
# once at import; each test sends its cases to an app over a real store.
SCHEMA = schemathesis.openapi.from_dict(create_app("never-opened.db").openapi())


@pytest.fixture(scope="module")
def fuzz_app(db: Path):
    return create_app(str(db))


@pytest.fixture(scope="module")
def fuzz_ingest_app(tmp_path_factory: pytest.TempPathFactory):
    return create_app(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"), allow_ingest=True)


@SCHEMA.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_never_get_a_server_error(case, fuzz_app) -> None:
    response = case.call(app=fuzz_app)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
    if response.status_code >= 400:
        assert set(response.json()["error"]) == {"status", "code", "message"}
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name.lower()) in (value, [value])


@SCHEMA.include(method="POST").parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.slow
def test_fuzzed_ingest_never_gets_a_server_error(case, fuzz_ingest_app) -> None:
    response = case.call(app=fuzz_ingest_app)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
