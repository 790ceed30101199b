"""Follow RSS/Atom feeds politely: conditional requests, per-host spacing, back-off on errors.

Each poll of a feed sends ``If-None-Match``/``If-Modified-Since`` from the last answer, so an
unchanged feed costs a 304 and nothing else. Requests to one host are spaced by at least
``host_interval`` seconds; a feed that fails (network error, HTTP error, garbage) is logged and
retried later with an exponential back-off, without holding up the others. Entries already seen
are not processed again; new ones go through the pipeline, and only the stories they touch get a
new brief. The per-feed state (validators, seen entries) is kept in a JSON file beside the store,
written atomically, so a restart does not re-read everything.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from synoptic.errors import InputError
from synoptic.pipeline import RunReport, StoryKeeper, process, write_outputs
from synoptic.records import Article
from synoptic.store.base import Store

log = logging.getLogger("synoptic")

DEFAULT_INTERVAL = 900.0  # seconds between two polls of one feed (15 minutes: polite for news feeds)
HOST_INTERVAL = 10.0  # at least this many seconds between two requests to the same host
MAX_BACKOFF = 6 * 3600.0  # a failing feed is retried at most this far apart
SEEN_LIMIT = 5000  # entry ids remembered per feed (feeds carry tens, not thousands)


@dataclass
class FeedState:
    """What we remember about one feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    next_poll: float = 0.0
    failures: int = 0
    seen: list[str] = field(default_factory=list)
    last_status: str = ""


@dataclass
class FeedResponse:
    """One HTTP answer: status, the validators we keep, and the body (empty on 304)."""

    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    url: str = ""


Fetcher = Callable[[str, dict[str, str]], FeedResponse]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file: one per line, blank lines and ``#`` comments ignored."""
    urls = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            urls.append(line)
    return urls


class Follower:
    """Polls a list of feeds into a store. ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(self, feeds: list[str], store: Store, *, state_path: str | Path | None = None,
                 out: Path | None = None, interval: float = DEFAULT_INTERVAL,
                 host_interval: float = HOST_INTERVAL, allow_private: bool = False,
                 fetcher: Fetcher | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, max_words: int = 200) -> None:
        self.store = store
        self.out = out
        self.interval = interval
        self.host_interval = host_interval
        self.allow_private = allow_private
        self.fetcher = fetcher or self._http_fetch
        self.clock = clock
        self.sleep = sleep
        self.max_words = max_words
        self.state_path = Path(state_path) if state_path else None
        saved = self._load_state()
        self.feeds = {url: saved.get(url, FeedState(url)) for url in feeds}
        for feed in self.feeds.values():
            feed.next_poll = 0.0  # due now after a restart; the validators keep it cheap
        self.host_last: dict[str, float] = {}
        self.errors = 0
        self.keeper = StoryKeeper(store)  # the live stories, kept between rounds

    # ------------------------------------------------------------ one poll

    def poll_feed(self, feed: FeedState) -> list[Article]:
        """Fetch one feed; return its entries not seen before. Never raises for the feed's faults."""
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        now = self.clock()
        self.host_last[urlsplit(feed.url).hostname or ""] = now
        try:
            resp = self.fetcher(feed.url, headers)
            if resp.status == 304:
                return self._ok(feed, now, "304 not modified", [])
            if resp.status >= 400:
                raise InputError(feed.url, f"HTTP {resp.status}; will retry later")
            entries = self._parse(feed.url, resp.body)
            feed.etag = resp.etag or feed.etag
            feed.last_modified = resp.last_modified or feed.last_modified
        except Exception as exc:  # one feed's failure must not stop the others
            self.errors += 1
            feed.failures += 1
            delay = min(self.interval * (2 ** feed.failures), MAX_BACKOFF)
            feed.next_poll = now + delay
            feed.last_status = f"error: {_one_line(exc)}"
            why = exc.reason if isinstance(exc, InputError) else exc
            log.warning("feed %s: %s; retrying in %.0fs", feed.url, _one_line(why), delay)
            return []
        seen = set(feed.seen)
        new = [a for a in entries if a.id not in seen]
        feed.seen = (feed.seen + [a.id for a in new])[-SEEN_LIMIT:]
        return self._ok(feed, now, f"{resp.status}, {len(entries)} entries, {len(new)} new", new)

    def _ok(self, feed: FeedState, now: float, status: str, new: list[Article]) -> list[Article]:
        feed.failures = 0
        feed.next_poll = now + self.interval
        feed.last_status = status
        log.info("feed %s: %s", feed.url, status)
        return new

    def _parse(self, url: str, body: bytes) -> list[Article]:
        """The feed's entries; a feed that is garbage raises (and is retried later)."""
        from synoptic.ingest.feeds import feed_articles

        articles: list[Article] = []
        problems: list[InputError] = []
        for item in feed_articles(body, url):
            (problems if isinstance(item, InputError) else articles).append(item)  # type: ignore[arg-type]
        if not articles and problems:
            raise problems[0]
        for problem in problems:  # an entry without text: said once, the rest goes on
            log.warning("feed %s: skipped %s", url, problem)
        return articles

    def _http_fetch(self, url: str, headers: dict[str, str]) -> FeedResponse:
        from synoptic.ingest.fetch import fetch

        got = fetch(url, allow_private=self.allow_private, headers=headers)
        return FeedResponse(got.status, got.body, got.etag, got.last_modified, got.url)

    # ------------------------------------------------------------ the loop

    def due(self) -> list[FeedState]:
        """Feeds whose time has come, in the order of the feed list."""
        now = self.clock()
        return [feed for feed in self.feeds.values() if feed.next_poll <= now]

    def rested(self, feed: FeedState) -> bool:
        """Whether the feed's host has had ``host_interval`` seconds since our last request to it."""
        host = urlsplit(feed.url).hostname or ""
        return self.clock() - self.host_last.get(host, -1e18) >= self.host_interval

    def poll_once(self) -> RunReport:
        """Poll every due feed whose host has rested, then process the new entries together.

        A due feed whose host was just asked waits for a later round (it stays due).
        """
        from synoptic.clean import clean_articles

        report = RunReport(out=str(self.out) if self.out else None)
        new: list[Article] = []
        for feed in self.due():
            if self.rested(feed):
                new.extend(self.poll_feed(feed))
        if new:
            process(self.store, clean_articles(new), report, max_words=self.max_words, keeper=self.keeper)
            if self.out and report.changed:
                write_outputs(self.store, report.stories, report.briefs, self.out, only=report.changed)
        self._save_state()
        return report

    def run(self, rounds: int | None = None, tick: float = 1.0) -> None:
        """Poll until stopped (or for ``rounds`` rounds), sleeping until the next feed is due."""
        done = 0
        while rounds is None or done < rounds:
            self.poll_once()
            done += 1
            if rounds is not None and done >= rounds:
                break
            wait = min((f.next_poll for f in self.feeds.values()), default=self.interval) - self.clock()
            self.sleep(max(tick, min(wait, self.interval)))

    # ------------------------------------------------------------ state on disk

    def _load_state(self) -> dict[str, FeedState]:
        if not self.state_path or not self.state_path.exists():
            return {}
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return {d["url"]: FeedState(**d) for d in data.get("feeds", [])}
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("%s: unreadable follow state (%s); starting afresh", self.state_path, _one_line(exc))
            return {}

    def _save_state(self) -> None:
        if not self.state_path:
            return
        data = json.dumps({"feeds": [asdict(f) for f in self.feeds.values()]}, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.state_path.parent, prefix=f".{self.state_path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, self.state_path)


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:300]
