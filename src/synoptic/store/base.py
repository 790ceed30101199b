"""The storage protocol. SQLite (``synoptic.store.sqlite``) is the default implementation.

Articles are stored cleaned, with their raw text and what cleaning removed. Re-adding the same
article is a no-op; adding a changed text under the same id stores a new version (the newest one
is current). Extractions, stories and briefs are derived data and can be rewritten at will.

Briefs go in and come out as :class:`synoptic.records.Brief` records (``put_brief``,
``load_brief``); the store keeps them as their documented JSON (``synoptic.brief/1``), which
``get_brief`` hands out unparsed-to-records for the edges that want exactly that JSON (the CLI).
Searches and the story listing come as small records (:class:`~synoptic.records.SearchHit`,
:class:`~synoptic.records.StoryOverview`); they become JSON only where they are printed.
``story_versions`` gives readers (the web viewer) a cheap token to cache what they derive from
a story and its brief.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from synoptic.records import Article, Brief, Extraction, JSONObject, SearchHit, Story, StoryOverview

if TYPE_CHECKING:
    from synoptic.embed import Embedder
    from synoptic.store.sqlite import CachedEmbedder

E = TypeVar("E", bound="Embedder")
AddStatus = Literal["new", "unchanged", "updated"]
#: ``Store.stories``: newest first, or in the order the grouping gave them.
StoryOrder = Literal["recent", "grouping"]


class Store(Protocol):
    """What every store offers. All writes are atomic: one transaction per call."""

    path: str

    def add_article(self, article: Article) -> AddStatus:
        """Store an article (idempotent by id and text); say whether it was new."""
        ...

    def get_article(self, article_id: str) -> Article:
        """The current version of an article; raises ``NotFoundError``."""
        ...

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Current versions, in insertion order (all of them when ``ids`` is None)."""
        ...

    def count_articles(self) -> int: ...

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search (FTS5) over title and text, best match first."""
        ...

    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article, oldest first (the last one is current)."""
        ...

    def generation(self) -> int:
        """A number that grows whenever an article or a version is added."""
        ...

    def appended_since(self, generation: int) -> bool:
        """True when every article stored after ``generation`` is new (no new version of an older one)."""
        ...

    def articles_since(self, generation: int) -> Iterator[Article]:
        """Current versions stored after ``generation``, in insertion order."""
        ...

    def put_stories(self, stories: Iterable[Story], expect_generation: int | None = None,
                    grouping: str | None = None) -> bool:
        """Replace the stories (and the article-to-story assignment) in one transaction.

        With ``expect_generation`` (read before grouping), write nothing and return ``False``
        when articles were added meanwhile, so that stories always cover every stored article.
        ``grouping`` (with ``expect_generation``) names how they were made, see :meth:`grouping`.
        """
        ...

    def grouping(self) -> str | None:
        """The ``grouping`` given with the stored stories while they cover every stored article
        (no article added since); None otherwise. A run with the same grouping reuses them."""
        ...

    def count_stories(self) -> int: ...

    def story_ids(self, query: str | None = None, since: str | None = None, until: str | None = None) -> list[str]:
        """The ids ``stories`` would give for these filters, in its order."""
        ...

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the store."""
        ...

    def story_overview(self, limit: int | None = None, offset: int = 0, query: str | None = None,
                       since: str | None = None, until: str | None = None) -> list[StoryOverview]:
        """Like ``stories``, as listing rows with counts (no brief needed)."""
        ...

    def stories(self, limit: int | None = None, offset: int = 0, query: str | None = None,
                since: str | None = None, until: str | None = None, order: StoryOrder = "recent") -> list[Story]:
        """Stories, newest first (``order="grouping"``: as given to ``put_stories``); ``query``
        filters through FTS5, ``since``/``until`` by ISO date."""
        ...

    def get_story(self, story_id: str) -> Story: ...

    def put_extraction(self, extraction: Extraction) -> None: ...

    def get_extraction(self, article_id: str) -> Extraction | None: ...

    def put_brief(self, story_id: str, brief: Brief | Mapping[str, object]) -> None:
        """Store (or replace) a story's brief: a ``Brief`` is kept as its schema JSON
        (``synoptic.brief.to_json``); a mapping is taken to be that JSON already."""
        ...

    def load_brief(self, story_id: str) -> Brief:
        """A story's brief as a record; raises ``NotFoundError``, and ``ValueError`` when the
        stored JSON is not a brief (``synoptic.brief.from_json``)."""
        ...

    # JSON edge: the stored document as it is, for the callers that print or check exactly that
    # JSON (``synoptic brief --format json``, ``pipeline.stored_brief``); every reader that
    # works with a brief uses ``load_brief``.
    def get_brief(self, story_id: str) -> JSONObject:
        """A story's brief as its stored schema JSON; raises ``NotFoundError``."""
        ...

    def story_versions(self, story_ids: Iterable[str]) -> dict[str, str]:
        """A token per stored story among ``story_ids`` that changes whenever anything a brief or
        a story page is made of changes: the story (title, dates, members), a member's current
        version, or the stored brief. Unknown ids are left out."""
        ...

    def cached_embedder(self, embedder: E) -> CachedEmbedder[E]:
        """``embedder`` with its vectors kept in this store: it embeds only the texts it has not seen."""
        ...

    def count_embeddings(self) -> int: ...

    def check(self) -> list[str]:
        """Problems found by a full consistency check (empty when all is well)."""
        ...

    def close(self) -> None: ...
