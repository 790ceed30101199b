"""Concurrency (issue 8.4): two ``synoptic ingest`` processes at once on one store, plus a reader.

The two inputs overlap: some reports are in both (identical), some only in one, and some are in
both with different texts (a corrected edition). At the end nothing is lost or duplicated: every
report is stored once, a corrected one as two versions with one current, every article is indexed
and in exactly one story; the reader never saw an error or a count going down.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from synoptic.pipeline import read_sources
from synoptic.store.sqlite import SQLiteStore
from tests.store.test_crash_safety import assert_stories_are_whole, generate

ONLY_A = range(0, 800)
BOTH = range(800, 1100)
CHANGED = range(1100, 1200)  # in both inputs, with a different text in B
ONLY_B = range(1200, 2000)
EVENTS = 20


def run_ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "synoptic", "ingest", str(src), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class Reader(threading.Thread):
    """Queries the store in a loop (its own connection) until told to stop; keeps what went wrong."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.counts: list[int] = []
        self.queries = 0

    def run(self) -> None:
        try:
            with SQLiteStore(self.db) as store:
                i = 0
                while not self.stop.is_set():
                    self.counts.append(store.count_articles())
                    ref = f"ref{(i * 37) % 2000:05d}x"
                    for hit in store.search(ref):
                        assert store.get_article(hit.id).text.count(ref) == 1
                    store.stories(limit=5, query="officials")
                    self.queries += 3
                    i += 1
        except BaseException as exc:  # reported by the test
            self.errors.append(exc)


@pytest.mark.slow
def test_two_ingests_and_a_reader_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    src_a, src_b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "store.db"
    truth = generate(src_a, range(ONLY_A.start, CHANGED.stop), k=EVENTS)
    truth |= generate(src_b, range(BOTH.start, ONLY_B.stop), k=EVENTS, changed=CHANGED)
    reader = Reader(db)
    reader.start()
    procs = [run_ingest(src_a, db), run_ingest(src_b, db)]
    errs = [p.communicate(timeout=600)[1].decode() for p in procs]
    reader.stop.set()
    reader.join(timeout=60)
    print("".join(errs), f"reader: {reader.queries} queries")  # for docs/reliability.md
    assert [p.returncode for p in procs] == [0, 0], errs
    assert reader.errors == [] and reader.queries > 0
    assert reader.counts == sorted(reader.counts), "the reader saw the article count go down"

    from_a = {a.id: a for a in read_sources([str(src_a)])}
    from_b = {a.id: a for a in read_sources([str(src_b)])}
    with SQLiteStore(db) as store:
        assert store.check() == []
        stored = {a.id: a for a in store.articles()}
        assert stored.keys() == from_a.keys() | from_b.keys() == truth.keys()
        assert store.count_articles() == len(truth) == 2000
        for aid, article in stored.items():
            i = int(aid.split("-")[1])
            versions = store.versions(aid)
            if i in CHANGED:
                assert sorted(v.text for v in versions) == sorted([from_a[aid].text, from_b[aid].text])
                assert article.text in (from_a[aid].text, from_b[aid].text)
            else:
                assert len(versions) == 1, aid
                assert article.text == (from_a.get(aid) or from_b[aid]).text
        assert_stories_are_whole(store, truth)
        for i in (0, 950, 1150, 1999):
            assert [r.id for r in store.search(f"ref{i:05d}x")] == [f"gen-{i:05d}"]
