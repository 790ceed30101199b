"""One pass per article (issue 15): each text embedded once per store, whichever stages ask; a
second run over an unchanged store recomputes nothing and writes the same files; every run
says where its time went."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from synoptic.cli.demo import sample_dir
from synoptic.timing import STAGES, StageTimes, recording, stage


def sample() -> list[str]:
    return [str(p) for p in sorted(sample_dir().iterdir()) if p.suffix == ".txt"]


def test_nested_stages_are_counted_once() -> None:
    with recording(StageTimes()) as times:
        with stage("reconcile"):
            time.sleep(0.02)
            with stage("summary"):
                time.sleep(0.05)
            time.sleep(0.02)
    assert 0.05 <= times.seconds["summary"] < 0.09
    assert 0.04 <= times.seconds["reconcile"] < 0.08  # the summary's time is not in it
    assert abs(times.total() - sum(times.seconds.values())) < 1e-9


def test_stage_without_a_recorder_does_nothing() -> None:
    with stage("extract"):
        pass  # no recorder active: nothing to fail, nothing kept
    with recording() as times:
        pass
    assert times.as_dict() == {}


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two runs over the sample into one folder, counting what the embedding model and the
    extractors were given."""
    from synoptic import extract, pipeline
    from synoptic.embed import OnnxMiniLM

    out = tmp_path_factory.mktemp("once") / "out"
    seen: dict[str, Counter[str]] = {"first": Counter(), "second": Counter()}
    extracted = {"first": 0, "second": 0}
    phase = "first"
    embed, extract_articles = OnnxMiniLM.embed, extract.extract_articles

    def counting_embed(self: OnnxMiniLM, texts: list[str]) -> object:
        seen[phase].update(texts)
        return embed(self, texts)

    def counting_extract(articles: list, *args: object, **kwargs: object) -> object:
        extracted[phase] += len(articles)
        return extract_articles(articles, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(OnnxMiniLM, "embed", counting_embed)
    mp.setattr(extract, "extract_articles", counting_extract)
    try:
        first = pipeline.run(sample(), out)
        files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*"))
                 if p.is_file() and p.suffix in (".json", ".md", ".html")}
        stamps = {p.relative_to(out): p.stat().st_mtime_ns for p in out.glob("stories/*")}
        stamps[Path("articles.parquet")] = (out / "articles.parquet").stat().st_mtime_ns
        time.sleep(0.05)  # a file written again would get a later time
        phase = "second"
        second = pipeline.run(sample(), out)
        files_again = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*"))
                       if p.is_file() and p.suffix in (".json", ".md", ".html")}
    finally:
        mp.undo()
    stamps_again = {p: (out / p).stat().st_mtime_ns for p in stamps}
    return {"first": first, "second": second, "seen": seen, "extracted": extracted,
            "files": files, "files_again": files_again, "stamps": stamps, "stamps_again": stamps_again,
            "out": out}


def test_every_text_is_embedded_once_whichever_stages_ask(counted: dict) -> None:
    seen = counted["seen"]["first"]
    assert len(seen) > 50  # story grouping, the summary's citations, quotes and fact nouns
    assert max(seen.values()) == 1, [t for t, n in seen.items() if n > 1][:3]


def test_a_second_run_over_an_unchanged_store_recomputes_nothing(counted: dict) -> None:
    first, second = counted["first"], counted["second"]
    assert first.new == len(sample()) and second.unchanged == len(sample())
    assert counted["seen"]["second"] == Counter()  # no text embedded again, not even for grouping
    assert counted["extracted"] == {"first": len(sample()), "second": 0}
    assert second.changed == [] and [s.id for s in second.stories] == [s.id for s in first.stories]
    assert counted["files_again"] == counted["files"]  # the same briefs, index and pages
    assert counted["stamps_again"] == counted["stamps"]  # not even written again


def test_a_run_reports_its_time_per_stage(counted: dict) -> None:
    first, second = counted["first"], counted["second"]
    assert set(first.times) == set(STAGES) == set(first.cpu_times)
    assert all(v >= 0 for v in first.times.values())
    assert "extract" not in second.times and "summary" not in second.times
    assert second.times["stories"] < first.times["stories"]


def test_a_story_file_that_went_missing_is_written_again(counted: dict) -> None:
    from synoptic import pipeline

    out = counted["out"]
    page = next(out.glob("stories/*.html"))
    kept = next(p for p in out.glob("stories/*.md") if p.stem != page.stem)
    before = kept.stat().st_mtime_ns
    page.unlink()
    report = pipeline.run(sample(), out)
    assert page.read_bytes() == counted["files"][page.relative_to(out)]
    assert kept.stat().st_mtime_ns == before and report.changed == []
