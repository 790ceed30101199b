"""SQLiteStore: round-trips, idempotent ingest, versions, search, stories, migrations."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from synoptic.errors import NotFoundError, StoreError
from synoptic.records import (
    Article,
    Extraction,
    Figure,
    Mention,
    Quote,
    RemovedLine,
    SearchHit,
    Segment,
    Story,
    StoryOverview,
    TimeRef,
)
from synoptic.store import open_store
from synoptic.store.sqlite import SCHEMA_VERSION, SQLiteStore, fts_query


def full_article(i: int = 1, text: str | None = None) -> Article:
    """An article with every field set (non-ASCII, an aware and a naive datetime)."""
    body = text or f"Report {i}: the Ever Given, a 220,000-tonne ship, blocked the Suez Canal. Ossama Rabie spoke."
    return Article(
        id=f"art-{i}",
        text=body,
        raw_text="Home » World\n" + body + "\nLeave a Reply",
        title=f"Canal blocked ({i}) — café naïve",
        url=f"https://example.org/news/{i}",
        outlet="Harbour Ledger",
        published=datetime(2021, 3, 24, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        published_how="metadata",
        updated=datetime(2021, 3, 24, 11, 0),
        byline="R. Amin",
        language="en",
        source=f"/tmp/in/{i}.txt",
        removed=[RemovedLine("Home » World", "breadcrumb", 0), RemovedLine("Leave a Reply", "comments", 99)],
        segments=[Segment(0, 13, len(body))],
        html="<p>" + body + "</p>",
    )


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "s.db") as s:
        yield s


def test_article_round_trips_every_field(store: SQLiteStore) -> None:
    article = full_article()
    assert store.add_article(article) == "new"
    assert store.get_article(article.id) == article
    assert list(store.articles()) == [article]


def test_article_with_only_required_fields_round_trips(store: SQLiteStore) -> None:
    article = Article(id="x", text="Just text.")
    store.add_article(article)
    assert store.get_article("x") == article


def test_same_article_twice_is_one_row(store: SQLiteStore) -> None:
    article = full_article()
    assert store.add_article(article) == "new"
    assert store.add_article(article) == "unchanged"
    assert store.add_article(article.replace(source="/elsewhere/1.txt")) == "unchanged"
    assert store.count_articles() == 1
    assert len(store.versions(article.id)) == 1


def test_changed_text_is_a_new_current_version_and_old_one_kept(store: SQLiteStore) -> None:
    old = full_article()
    new = old.replace(text=old.text + " The ship was refloated on 29 March.")
    store.add_article(old)
    assert store.add_article(new) == "updated"
    assert store.count_articles() == 1
    assert store.get_article(old.id) == new
    assert [v.text for v in store.versions(old.id)] == [old.text, new.text]
    # the index follows the current version only
    assert [r.id for r in store.search("refloated")] == [old.id]
    assert store.check() == []
    # going back to the old text is another update, not "unchanged"
    assert store.add_article(old) == "updated"
    assert len(store.versions(old.id)) == 3


def test_articles_keep_insertion_order_across_updates(store: SQLiteStore) -> None:
    for i in (3, 1, 2):
        store.add_article(full_article(i))
    store.add_article(full_article(3, text="A changed report."))
    assert [a.id for a in store.articles()] == ["art-3", "art-1", "art-2"]
    assert [a.id for a in store.articles(["art-2", "art-3", "missing"])] == ["art-3", "art-2"]


def test_articles_by_many_ids_beyond_parameter_limit(store: SQLiteStore) -> None:
    for i in range(1200):
        store.add_article(Article(id=f"a{i}", text=f"text {i}"))
    got = list(store.articles([f"a{i}" for i in range(1200)]))
    assert len(got) == 1200 and got[0].id == "a0" and got[-1].id == "a1199"


def test_all_articles_are_read_page_by_page_while_the_store_is_written(
        store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import synoptic.store.sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "PAGE_ROWS", 3)
    for i in range(10):
        store.add_article(Article(id=f"a{i}", text=f"text {i}"))
    store.add_article(Article(id="a4", text="text 4, updated"))  # keeps its place
    cache = store.cached_embedder(None)
    seen = []
    for article in store.articles():  # writes between pages must neither fail nor reorder
        cache.put([article.text], np.ones((1, 2), dtype=np.float32))
        seen.append(article.id)
    assert seen == [f"a{i}" for i in range(10)]
    assert store.count_embeddings() == 10


def test_missing_article_raises_not_found(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        store.get_article("nope")


def test_extraction_round_trips_and_goes_stale_when_text_changes(store: SQLiteStore) -> None:
    article = full_article()
    store.add_article(article)
    extraction = Extraction(
        article=article.id,
        mentions=[Mention("Ossama Rabie", "PERSON", 80, 92, article.id, "Osama Rabie")],
        figures=[Figure("220,000-tonne", 33, 46, 220000.0, 220000.0, 220000.0, None, "tonnes", "weight",
                        "the ship", None, "tonne", article.id),
                 Figure("more than 400 ships", 0, 19, 400.0, 400.0, None, "more than", None, "vessels",
                        article.id, low_inclusive=False)],
        quotes=[Quote("we will work day and night", 0, 26, "direct", "Rabie", 30, 35, "Osama Rabie", "said",
                      article.id)],
        dates=[TimeRef("last Tuesday", 0, 12, "2021-03-23", "day", "2021-03-24", article.id)],
    )
    assert store.get_extraction(article.id) is None
    store.put_extraction(extraction)
    assert store.get_extraction(article.id) == extraction
    store.add_article(article.replace(text="Something else entirely."))
    assert store.get_extraction(article.id) is None


def test_extraction_for_unknown_article_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError):
        store.put_extraction(Extraction(article="ghost"))


def test_stories_round_trip_and_replace(store: SQLiteStore) -> None:
    for i in range(1, 4):
        store.add_article(full_article(i))
    first = datetime(2021, 3, 23, tzinfo=UTC)
    last = datetime(2021, 3, 29, tzinfo=UTC)
    story = Story(id="s1", article_ids=["art-2", "art-1"], first_seen=first, last_seen=last, title="Suez",
                  merged_from=["old-a", "old-b"])
    store.put_stories([story, Story(id="s2", article_ids=["art-3"])])
    assert store.get_story("s1") == story
    filled = store.get_story("s2")  # dates and title filled from the article
    assert filled.title == full_article(3).title and filled.first_seen == full_article(3).published
    store.put_stories([Story(id="s3", article_ids=["art-1", "art-2", "art-3"])])
    assert [s.id for s in store.stories()] == ["s3"]
    with pytest.raises(NotFoundError):
        store.get_story("s1")
    assert store.search("Suez")[0].story == "s3"


def test_stories_pagination_dates_and_search(store: SQLiteStore) -> None:
    days = {"a": 1, "b": 10, "c": 20}
    for key, day in days.items():
        store.add_article(Article(id=key, text=f"Report about topic{key} here.", title=f"T{key}",
                                  published=datetime(2021, 3, day, 12, tzinfo=UTC), outlet=f"O{key}"))
    store.put_stories([Story(id=f"s{k}", article_ids=[k]) for k in days])
    assert [s.id for s in store.stories()] == ["sc", "sb", "sa"]  # newest first
    assert [s.id for s in store.stories(limit=2, offset=1)] == ["sb", "sa"]
    assert [s.id for s in store.stories(offset=2)] == ["sa"]
    assert [s.id for s in store.stories(since="2021-03-10")] == ["sc", "sb"]
    assert [s.id for s in store.stories(until="2021-03-10")] == ["sb", "sa"]
    assert [s.id for s in store.stories(since="2021-03-05", until="2021-03-15")] == ["sb"]
    assert [s.id for s in store.stories(query="topicb")] == ["sb"]
    assert store.stories(query="***") == []
    assert store.story_overview(limit=1) == [StoryOverview(id="sc", title="Tc", articles=1, outlets=1,
                                                           first_seen="2021-03-20T12:00:00+00:00",
                                                           last_seen="2021-03-20T12:00:00+00:00")]
    assert store.count_stories() == 3


def test_brief_round_trips_and_missing_brief_raises(store: SQLiteStore) -> None:
    brief = {"schema": "synoptic.brief/1", "story": "s1", "title": "Canal — blocked",
             "facts": [{"label": "ships waiting", "verdict": "conflict", "low": 369, "high": None}]}
    store.put_brief("s1", brief)
    assert store.get_brief("s1") == brief
    store.put_brief("s1", {**brief, "title": "new"})
    assert store.get_brief("s1")["title"] == "new"
    with pytest.raises(NotFoundError, match="s2"):
        store.get_brief("s2")


@pytest.mark.parametrize("query", [
    '"', '""', "'", "AND", "OR NOT", "NEAR(", "NEAR(ever given, 2)", "title:ever", "ever*", "*", "^ever",
    "(ever", "ever)", "ever + given", "-given", "\x00", "Ever\x00Given", "🚢 Ever", "ever " * 500,
    "'; DROP TABLE articles; --", "{title text}: canal", "ever AND (given OR", "%_", "Ever Given\"",
])
def test_hostile_search_strings_never_raise(store: SQLiteStore, query: str) -> None:
    store.add_article(full_article())
    results = store.search(query)
    assert isinstance(results, list)
    store.stories(query=query)
    assert store.count_articles() == 1


@pytest.mark.parametrize("query, hits", [
    ("Ever Given", 1), ("ever given", 1), ("canal", 1), ("Rabie", 1), ("cafe", 1), ("(ever given)", 1), ("NEAR(ever given)", 0),
    ("Kipchoge", 0), ("", 0), ("   ", 0),
])
def test_search_finds_words_in_title_and_text(store: SQLiteStore, query: str, hits: int) -> None:
    store.add_article(full_article())
    results = store.search(query)
    assert len(results) == hits
    if hits:
        assert isinstance(results[0], SearchHit) and "[" in results[0].snippet
        assert set(results[0].as_json()) == {"id", "title", "snippet", "story"}


def test_search_pagination(store: SQLiteStore) -> None:
    for i in range(5):
        store.add_article(full_article(i))
    ids = [r.id for r in store.search("canal", limit=50)]
    assert len(ids) == 5
    assert [r.id for r in store.search("canal", limit=2, offset=2)] == ids[2:4]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('ever "given" OR') == '"ever" "given" "OR"'
    assert fts_query("!!") is None


def test_new_file_gets_every_migration_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with SQLiteStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.add_article(full_article())
    with open_store(str(path)) as s:  # reopening applies nothing and keeps the data
        assert s.schema_version() == SCHEMA_VERSION
        assert s.count_articles() == 1 and s.check() == []
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_empty_existing_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with SQLiteStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION


def test_two_stores_opening_a_new_file_at_once_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    errors: list[BaseException] = []

    def open_and_add(i: int) -> None:
        try:
            with SQLiteStore(path) as s:
                s.add_article(full_article(i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_add, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with SQLiteStore(path) as s:
        assert s.count_articles() == 4 and s.check() == []


@pytest.mark.parametrize("content, what", [
    (b"this is not a database at all, just some text " * 100, "not a synoptic store"),
])
def test_non_database_file_is_a_clear_store_error(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=what) as exc:
        SQLiteStore(path)
    assert str(path) in str(exc.value)
    assert path.read_bytes() == content  # refused, not touched


def test_folder_as_store_path_is_a_clear_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        SQLiteStore(tmp_path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer synoptic"):
        SQLiteStore(path)


def test_failed_write_rolls_back_whole_transaction(store: SQLiteStore) -> None:
    store.add_article(full_article(1))

    def half_then_fail(db: sqlite3.Connection) -> None:
        db.execute("UPDATE articles SET current = 0")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store._write(half_then_fail)
    assert store.count_articles() == 1 and store.check() == []


def test_check_reports_a_broken_index(store: SQLiteStore) -> None:
    store.add_article(full_article(1))
    store._db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                      "SELECT 'delete', rowid, title, text FROM articles")
    assert store.check() != []


def test_cached_embedder_returns_the_same_vectors_and_embeds_each_text_once(tmp_path: Path) -> None:
    import numpy as np

    from synoptic.embed import OnnxMiniLM

    texts = ["The Ever Given blocked the Suez Canal.", "Kipchoge ran 2:01:09 in Berlin.",
             "The Ever Given blocked the Suez Canal."]
    model = OnnxMiniLM()
    direct = model.embed(texts)
    with SQLiteStore(tmp_path / "e.db") as store:
        cached = store.cached_embedder(model)
        first = cached.embed(texts)
        assert np.allclose(first, direct, atol=1e-6)
        assert (cached.hits, cached.misses) == (0, 3) and store.count_embeddings() == 2
    with SQLiteStore(tmp_path / "e.db") as store:  # the vectors outlive the process's store object
        cached = store.cached_embedder(model)
        assert np.allclose(cached.embed(texts[::-1]), direct[::-1], atol=1e-6)
        assert (cached.hits, cached.misses) == (3, 0)
        other = store.cached_embedder(OnnxMiniLM(max_tokens=16))  # other settings, other vectors
        other.embed(texts[:1])
        assert other.misses == 1 and store.count_embeddings() == 3
        assert cached.embed([]).shape[0] == 0


def test_version_1_file_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    from synoptic.store.sqlite import MIGRATIONS

    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
    for sql in MIGRATIONS[0][1]:
        db.execute(sql)
    db.execute("INSERT INTO schema_version VALUES (1, 'then')")
    db.execute("INSERT INTO articles (id, version, current, ord, text, content_hash, added) "
               "VALUES ('old', 1, 1, 1, 'An article stored by version one of the schema.', 'h', 'then')")
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.get_article("old").text.startswith("An article stored")
        assert [r.id for r in store.search("version one")] == ["old"]
        assert store.count_embeddings() == 0 and store.check() == []


def test_stories_made_before_new_articles_arrived_are_not_written(store: SQLiteStore) -> None:
    store.add_article(full_article(1))
    generation = store.generation()
    assert store.put_stories([Story(id="s1", article_ids=["art-1"])], expect_generation=generation)
    store.add_article(full_article(2))  # another process adds an article meanwhile
    assert not store.put_stories([Story(id="stale", article_ids=["art-1"])], expect_generation=generation)
    assert [s.id for s in store.stories()] == ["s1"]
    assert store.put_stories([Story(id="s2", article_ids=["art-1", "art-2"])],
                             expect_generation=store.generation())
    assert [s.id for s in store.stories()] == ["s2"]


class _Fixed:
    """A stand-in model with a version: the same vector for every text (counts its texts)."""

    name = "fixed"
    dim = 2
    max_tokens = 8

    def __init__(self, version: str) -> None:
        self.version = version
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> object:
        import numpy as np

        self.texts += texts
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_a_new_model_version_misses_the_cache_and_the_same_one_hits(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "v.db") as store:
        old = _Fixed("1.0")
        store.cached_embedder(old).embed(["a sentence", "another one"])
        again = _Fixed("1.0")
        store.cached_embedder(again).embed(["a sentence", "another one"])
        assert again.texts == []  # the same model version: every vector from the store
        new = _Fixed("1.1")
        store.cached_embedder(new).embed(["a sentence"])
        assert new.texts == ["a sentence"] and store.count_embeddings() == 3


def test_a_cached_embedder_of_the_store_is_not_wrapped_twice(store: SQLiteStore) -> None:
    cached = store.cached_embedder(_Fixed("1"))
    assert store.cached_embedder(cached) is cached


def test_grouping_is_kept_with_stories_until_an_article_is_added(store: SQLiteStore) -> None:
    store.add_article(full_article(1))
    store.add_article(full_article(2))
    assert store.grouping() is None  # never grouped
    generation = store.generation()
    stories = [Story(id="s2", article_ids=["art-2"]), Story(id="s1", article_ids=["art-1"])]
    assert store.put_stories(stories, expect_generation=generation, grouping="g1")
    assert store.grouping() == "g1"
    assert [s.id for s in store.stories(order="grouping")] == ["s2", "s1"]  # as they were given
    store.add_article(full_article(2).replace(text="A new version of the second article."))
    assert store.grouping() is None  # the stories no longer cover the store
    assert store.put_stories(stories, expect_generation=store.generation(), grouping="g1")
    assert store.grouping() == "g1"
    store.put_stories(stories)  # written without a generation: nothing is claimed
    assert store.grouping() is None


def test_a_version_3_file_keeps_its_vectors_in_the_new_layout(tmp_path: Path) -> None:
    import numpy as np

    from synoptic.store.sqlite import MIGRATIONS

    path = tmp_path / "v3.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
    for number, statements in MIGRATIONS:
        if number <= 3:
            for sql in statements:
                db.execute(sql)
            db.execute("INSERT INTO schema_version VALUES (?, 'then')", (number,))
    vector = np.arange(4, dtype=np.float32)
    db.execute("INSERT INTO embeddings (key, dim, vector) VALUES ('k1', 4, ?)", (vector.tobytes(),))
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == SCHEMA_VERSION and store.count_embeddings() == 1
        assert "WITHOUT ROWID" not in store._db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'embeddings'").fetchone()[0]
        blob = store._db.execute("SELECT vector FROM embeddings WHERE key = 'k1'").fetchone()[0]
        assert np.array_equal(np.frombuffer(blob, dtype=np.float32), vector)
        cached = store.cached_embedder(_Fixed("1"))
        cached.embed(["a", "a", "b"])  # still one row per key
        assert store.count_embeddings() == 3 and store.check() == []
