"""What the viewer keeps between requests: pages and list lines, each under its story's version.

A story's version is ``Store.story_versions``: a token that changes when the story, one of its
articles or its brief is rewritten (by this server or by another process writing the same file).
Entries are looked up by (what, story id, token), so a changed brief is never served from here:
its token is new, the old entry is simply never asked for again and ages out of the LRU.
Pages are kept gzip-compressed (a story page is ~30 KB of HTML, ~6 KB compressed).
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Hashable

# Memory bound of the page cache (compressed bytes). Story pages of the load benchmark average
# ~12 KB compressed (bench_web at 10,000 stories; 64 MiB kept only ~5,000 of them after
# pre-rendering, and every other visit rendered its page): 192 MiB holds ~16,000, so
# pre-rendering (which stops at ``service.PRERENDER_SHARE`` of this) keeps all 10,000.
PAGE_CACHE_BYTES = 192 * 1024 * 1024
# zlib level 1: ~0.2 ms for a 30 KB page and 5x smaller; higher levels gain little on HTML.
GZIP_LEVEL = 1


class Compressed:
    """A response body kept gzip-compressed, with its media type."""

    __slots__ = ("gz", "media_type")

    def __init__(self, body: bytes, media_type: str) -> None:
        self.gz = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        self.media_type = media_type

    def plain(self) -> bytes:
        """The body uncompressed (for a client that does not accept gzip)."""
        return gzip.decompress(self.gz)


class LRUCache:
    """A thread-safe least-recently-used map bounded by the summed ``size`` of its values."""

    def __init__(self, max_bytes: int = PAGE_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[int, object]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> object | None:
        """The value under ``key`` (now the most recently used), or ``None``."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[1]

    def put(self, key: Hashable, value: object, size: int) -> None:
        """Keep ``value`` (``size`` bytes) under ``key``, dropping the least recently used beyond the bound."""
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[0]
            self._items[key] = (size, value)
            self._bytes += size
            while self._bytes > self.max_bytes and self._items:
                _, (dropped, _) = self._items.popitem(last=False)
                self._bytes -= dropped

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def filled(self) -> float:
        """The share of ``max_bytes`` in use (0 to 1)."""
        return self._bytes / self.max_bytes if self.max_bytes else 1.0

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)
