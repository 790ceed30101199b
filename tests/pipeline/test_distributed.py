"""The Dask runner gives the same result as the single-process run, on a local cluster of 2 workers."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import shared_path

pytest.importorskip("dask.distributed", reason="the Dask runner needs synoptic[dask]")

from synoptic.distributed import run_distributed  # noqa: E402
from synoptic.pipeline import run  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _assignment(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {aid: s.id for s in report.stories for aid in s.article_ids}


@pytest.mark.slow
def test_dask_stories_equal_single_process_on_ecbplus(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = str(shared_path("eval", "ecbplus-dev", "articles.jsonl"))
    single = run([data], tmp_path / "one", briefs=False)
    spread = run_distributed([data], tmp_path / "two", client=client, briefs=False)
    assert len(_assignment(single)) == 535
    assert _assignment(spread) == _assignment(single)
    assert [s.id for s in spread.stories] == [s.id for s in single.stories]


@pytest.mark.slow
def test_dask_briefs_and_parquet_equal_single_process_on_seeds(client, seed_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    sources = [str(p) for p in seed_files]
    single = run(sources, tmp_path / "one")
    spread = run_distributed(sources, tmp_path / "two", client=client)
    assert single.briefs == spread.briefs and len(single.briefs) == 1
    for name in ("index.json",):
        assert json.loads((tmp_path / "one" / name).read_text()) == json.loads((tmp_path / "two" / name).read_text())
    one = pq.read_table(tmp_path / "one" / "articles.parquet").to_pylist()
    two = pq.read_table(tmp_path / "two" / "articles.parquet").to_pylist()
    assert one == two and len(one) == 5
    assert all(row["extraction"] and json.loads(row["extraction"])["mentions"] for row in one)


@pytest.mark.slow
def test_dask_rerun_embeds_only_what_the_store_lacks(client, seed_files, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = [str(p) for p in seed_files]
    db = tmp_path / "kept.db"
    first = run_distributed(sources[:3], tmp_path / "a", db=str(db), client=client, briefs=False)
    assert first.embedded_on_workers == 3
    again = run_distributed(sources, tmp_path / "b", db=str(db), client=client, briefs=False)
    assert again.embedded_on_workers == 2  # the two new reports; the first three come from the cache
    assert (again.unchanged, again.new) == (3, 2)
    fresh = run(sources, tmp_path / "c", briefs=False)
    assert _assignment(again) == _assignment(fresh)


def test_dask_run_reports_skipped_inputs(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "ok.txt").write_text(
        "Harbour reopens after storm\n\nThe harbour reopened on Tuesday after a two-day storm, the port "
        "authority said, and 12 ships that had waited offshore came in before noon.\n")
    report = run_distributed([str(tmp_path / "in")], tmp_path / "out", client=client)
    assert len(report.skipped) == 1 and "empty.txt" in str(report.skipped[0])
    assert len(report.stories) == 1 and (tmp_path / "out" / "index.html").exists()


_PAGES = {
    f"/news/{i}.html": (
        f"<html><head><title>Ferry service resumes on line {i}</title></head><body><article>"
        f"<h1>Ferry service resumes on line {i}</h1>"
        f"<p>The ferry on line {i} sailed again on Monday after repairs to its engine, the operator "
        f"said, and {20 + i} passengers made the first crossing of the morning.</p>"
        "<p>The operator said the timetable would be back to normal by the end of the week.</p>"
        "</article></body></html>"
    )
    for i in range(3)
}


@pytest.fixture()
def pages() -> Iterator[tuple[str, Counter[str]]]:
    """A loopback server of three news pages that counts the requests for each."""
    hits: Counter[str] = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            hits[self.path] += 1
            body = _PAGES.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "no such page").encode())

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", hits
    httpd.shutdown()
    httpd.server_close()


def test_dask_run_fetches_each_url_once_and_equals_single_process(client, pages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, hits = pages
    urls = [base + path for path in _PAGES]
    spread = run_distributed(urls, tmp_path / "two", client=client, fetch=True, allow_private=True, briefs=False)
    assert hits == Counter({path: 1 for path in _PAGES})  # read once in step 2, not again in step 3
    single = run(urls, tmp_path / "one", fetch=True, allow_private=True, briefs=False)
    assert _assignment(spread) == _assignment(single) and len(_assignment(single)) == 3


def test_parquet_is_written_a_row_group_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import synoptic.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PARQUET_ROWS", 2)
    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"id": f"r{i}", "text": text}) + "\n"
                               for i, text in enumerate(page for page in _PAGES.values())))
    report = run([str(records)], tmp_path / "out", briefs=False)
    table = pq.ParquetFile(tmp_path / "out" / "articles.parquet")
    assert table.metadata.num_row_groups == 2
    rows = table.read().to_pylist()
    assert [r["id"] for r in rows] == ["r0", "r1", "r2"]
    assert {r["story"] for r in rows} == {s.id for s in report.stories}
