"""Follow a folder: ingest new and changed files as they appear, rewrite only the briefs that changed.

Polling (a snapshot of path -> (mtime, size) per round) rather than inotify: it works the same on
every filesystem, network mounts included, and needs no extra package. A file that is still being
written shows a new size on the next round and is read again then; the store's idempotence makes
re-reading an unchanged file free.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from synoptic.pipeline import RunReport, StoryKeeper, process, read_sources, write_outputs
from synoptic.store.base import Store

log = logging.getLogger("synoptic")

DEFAULT_INTERVAL = 5.0  # seconds between two looks at the folder
IGNORED_PREFIXES = (".", "~")  # editor swap files, partial downloads, our own temporary files


@dataclass
class Watcher:
    """Polls ``folder`` and feeds what changed through the pipeline into ``store``."""

    folder: Path
    store: Store
    out: Path | None = None
    max_words: int = 200
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    skipped: int = 0
    keeper: StoryKeeper | None = None  # the live stories, kept between rounds

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Every regular file under the folder with its (mtime_ns, size)."""
        found: dict[str, tuple[int, int]] = {}
        for root, dirs, files in os.walk(self.folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith(IGNORED_PREFIXES))
            for name in sorted(files):
                if name.startswith(IGNORED_PREFIXES):
                    continue
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # vanished between listing and stat
                found[path] = (st.st_mtime_ns, st.st_size)
        return found

    def poll(self) -> RunReport:
        """One round: read the new and changed files, update stories and briefs."""
        now = self.snapshot()
        changed = [p for p, sig in now.items() if self.seen.get(p) != sig]
        report = RunReport(out=str(self.out) if self.out else None)
        if changed:
            articles = read_sources(changed, report=report, strict=False)
            self.keeper = self.keeper or StoryKeeper(self.store)
            process(self.store, articles, report, max_words=self.max_words, keeper=self.keeper)
            self.skipped += len(report.skipped)
            if self.out and report.changed:
                write_outputs(self.store, report.stories, report.briefs, self.out, only=report.changed)
            from synoptic.cli._common import plural

            log.info("watch %s: %s changed, %d new, %d updated, %d skipped, %s rewritten", self.folder,
                     plural(len(changed), "file"), report.new, report.updated, len(report.skipped),
                     plural(len(report.changed), "brief"))
        self.seen = now
        return report

    def run(self, interval: float = DEFAULT_INTERVAL, rounds: int | None = None,
            sleep: Callable[[float], None] = time.sleep) -> None:
        """Poll every ``interval`` seconds, ``rounds`` times (forever when None)."""
        done = 0
        while rounds is None or done < rounds:
            self.poll()
            done += 1
            if rounds is None or done < rounds:
                sleep(interval)
