"""The Dask runner gives the same result as the single-process run, on a local cluster of 2 workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path

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


def test_dask_run_reports_skipped_inputs(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "ok.txt").write_text(
        "Harbour reopens after storm\n\nThe harbour reopened on Tuesday after a two-day storm, the port "
        "authority said, and 12 ships that had waited offshore came in before noon.\n")
    report = run_distributed([str(tmp_path / "in")], tmp_path / "out", client=client)
    assert len(report.skipped) == 1 and "empty.txt" in str(report.skipped[0])
    assert len(report.stories) == 1 and (tmp_path / "out" / "index.html").exists()
