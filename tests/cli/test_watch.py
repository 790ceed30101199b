"""Watching a folder: new and changed files are ingested, only the briefs they touch rewritten."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from synoptic.store import open_store
from synoptic.watch import Watcher

SHIP = ("Ship still stuck in the canal\n\n"
        "Tugs failed again on Friday to free the container ship that has blocked the canal since Tuesday, "
        "the canal authority said. More than 300 vessels are now waiting to pass.\n")
SHIP_2 = ("Dredgers dig around the stuck ship\n\n"
          "Dredgers removed thousands of cubic metres of sand from around the bow of the container ship "
          "blocking the canal on Saturday, the canal authority said, as the queue grew to 369 vessels.\n")
RUN = ("Marathon world record in Berlin\n\n"
       "A Kenyan runner set a marathon world record in Berlin on Sunday, finishing in 2:01:09 and cutting "
       "30 seconds from the previous best, race organisers said.\n")


@pytest.mark.slow
def test_watch_ingests_new_and_changed_files_and_rewrites_only_changed_briefs(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "ship.txt").write_text(SHIP)
    (inbox / "run.txt").write_text(RUN)
    (inbox / ".partial.txt").write_text("a download in progress")
    store = open_store(str(tmp_path / "w.db"))
    watcher = Watcher(inbox, store, out=out)

    first = watcher.poll()
    assert first.new == 2 and store.count_articles() == 2
    assert len(first.changed) == 2 and (out / "index.json").exists()

    second = watcher.poll()  # nothing changed: nothing read, nothing rewritten
    assert second.new == second.updated == 0 and second.changed == []

    (inbox / "ship2.txt").write_text(SHIP_2)
    third = watcher.poll()
    assert third.new == 1 and store.count_articles() == 3
    run_story = next(s for s in third.stories if "run.txt" in s.article_ids)
    assert run_story.id not in third.changed  # the unrelated story's brief was left alone
    ship_story = next(s for s in third.stories if "ship2.txt" in s.article_ids)
    assert ship_story.id in third.changed

    (inbox / "ship2.txt").write_text(SHIP_2.replace("369", "370"))
    os.utime(inbox / "ship2.txt", ns=(1, 10**18))  # a different mtime even on coarse clocks
    fourth = watcher.poll()
    assert fourth.updated == 1 and store.count_articles() == 3
    index = json.loads((out / "index.json").read_text())
    assert {s["id"] for s in index["stories"]} == {s.id for s in fourth.stories}
    store.close()


def test_watch_counts_skipped_files(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("")
    (inbox / "blob.bin").write_bytes(bytes(range(256)) * 8)
    store = open_store(str(tmp_path / "w.db"))
    watcher = Watcher(inbox, store)
    report = watcher.poll()
    assert len(report.skipped) == 2 and watcher.skipped == 2
    assert store.count_articles() == 0
    store.close()
