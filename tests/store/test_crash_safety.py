"""Crash safety (issue 8.3): ``synoptic ingest`` killed with SIGKILL at random moments, then run again.

After every kill the store must be consistent (SQLite's integrity check, the full-text index equal
to the current articles, one current version per article); after the final run it must hold exactly
the generated articles, each equal to what reading and cleaning its source gives, grouped into
exactly the stories an uninterrupted grouping gives (none mixing two generated events).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from synoptic.store.sqlite import SQLiteStore

N_ARTICLES = 5000
N_STORIES = 50
KILLS = 6
SEED = 20210323

PLACES = ["Aldenport", "Brenvik", "Caldora", "Dunmarsh", "Elsworth", "Farrowdale", "Glenmoor", "Harwick",
          "Ivybridge", "Jorvale", "Kestrel Bay", "Lindqvist", "Marrowgate", "Northolm", "Oakhaven", "Pellham",
          "Quarrymoor", "Ravensby", "Saltmere", "Thornbury", "Umberlee", "Varnholt", "Westerby", "Yarrowfield",
          "Zellmoor"]
EVENTS = [("flood", "river banks", "homes were evacuated", "rescue boats"),
          ("forest fire", "hills", "hectares burned", "firefighters"),
          ("dock strike", "port", "workers walked out", "union leaders"),
          ("earthquake", "old town", "buildings were damaged", "engineers"),
          ("bridge collapse", "ring road", "cars were trapped", "divers")]
LEAD_WORDS = 220
FILLER = ["calm", "rain", "wind", "crowds", "roads", "power", "schools", "markets", "trains", "clinics"]


def generate(path: Path, ids: range = range(N_ARTICLES), k: int = N_STORIES, seed: int = SEED,
             changed: range = range(0)) -> dict[str, int]:
    """Write reports number ``ids`` of ``k`` events as JSON Lines; return each id's event number.

    Report ``i`` is always the same record (whatever else is in the file), except for those in
    ``changed``, whose text gets one more sentence. Events are months apart (beyond the
    clustering's time window) in different places, so the right grouping is not in doubt. The
    reports of one event share their title and a lead of LEAD_WORDS words (wire copy with
    different endings): the clustering model then sees only ``k`` distinct texts, which the
    store's embedding cache computes once, and the test stays short.
    """
    truth: dict[str, int] = {}
    leads = []
    for e in range(k):
        rng = random.Random(seed * 1000 + e)
        place = PLACES[e % len(PLACES)] + ("" if e < len(PLACES) else " Heights")
        kind, where, what, who = EVENTS[e % len(EVENTS)]
        day = datetime(2015, 1, 5) + timedelta(days=97 * e)
        lead = f"A {kind} hit the {where} of {place} on {day:%d %B %Y}. " + " ".join(
            rng.choice(FILLER) for _ in range(LEAD_WORDS)) + "."
        leads.append((f"{kind.capitalize()} in {place}", lead, day, what, who))
    with path.open("w", encoding="utf-8") as out:
        for i in ids:
            e = i % k
            title, lead, day, what, who = leads[e]
            count = random.Random(seed * 7919 + i).randint(10, 900)
            text = f"{title}\n\n{lead}\n\nReference ref{i:05d}x: {count} {what}, officials said; {who} were at work."
            if i in changed:
                text += " A later edition corrected the figure."
            record = {"id": f"gen-{i:05d}", "title": title, "outlet": f"Outlet {i % 37}", "text": text,
                      "published": (day + timedelta(hours=i % 40)).isoformat() + "+00:00"}
            out.write(json.dumps(record) + "\n")
            truth[record["id"]] = e
    return truth


def ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "synoptic", "ingest", str(src), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


@pytest.mark.slow
def test_ingest_killed_at_random_moments_then_rerun_loses_nothing(tmp_path: Path) -> None:
    src, db = tmp_path / "articles.jsonl", tmp_path / "store.db"
    truth = generate(src)
    rng = random.Random(SEED)
    kills: list[tuple[int, int, int, int]] = []
    for n in range(KILLS):
        # the first half of the runs die while storing, the second half while regrouping stories
        marker, longest = (b"storing", 1.5) if n < KILLS // 2 else (b"grouping", 10.0)
        proc = ingest(src, db)
        assert proc.stderr is not None
        for line in proc.stderr:
            if marker in line:
                break
        time.sleep(rng.uniform(0.0, longest))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        with SQLiteStore(db) as store:
            assert store.check() == []
            kills.append((proc.returncode, store.count_articles(), store.count_embeddings(),
                          store.count_stories()))
    proc = ingest(src, db)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()[-500:]
    print("kills (status, articles, vectors, stories):", kills)  # for docs/reliability.md
    assert any(k[0] == -signal.SIGKILL for k in kills)

    from synoptic.pipeline import read_sources

    expected = {a.id: a for a in read_sources([str(src)])}
    with SQLiteStore(db) as store:
        assert store.check() == []
        assert store.count_articles() == N_ARTICLES
        stored = {a.id: a for a in store.articles()}
        assert stored.keys() == expected.keys() == truth.keys()
        for aid, article in expected.items():  # no partial or stale article
            got = stored[aid]
            assert (got.text, got.title, got.outlet, got.published, got.raw_text) == (
                article.text, article.title, article.outlet, article.published, article.raw_text), aid
            assert len(store.versions(aid)) == 1
        for i in random.Random(SEED).sample(range(N_ARTICLES), 25):  # every article is findable
            assert [r.id for r in store.search(f"ref{i:05d}x")] == [f"gen-{i:05d}"]
        assert_stories_are_whole(store, truth)


def assert_stories_are_whole(store: SQLiteStore, truth: dict[str, int]) -> None:
    """The stored stories are exactly those an uninterrupted grouping of the stored articles gives,
    every article is in one story, and no story mixes two generated events."""
    from synoptic.pipeline import group_stories

    stories = store.stories()
    members = [aid for s in stories for aid in s.article_ids]
    assert sorted(members) == sorted(truth), "every article in exactly one story"
    fresh = group_stories(store, list(store.articles()))
    assert sorted(sorted(s.article_ids) for s in stories) == sorted(sorted(s.article_ids) for s in fresh)
    assert all(len({truth[aid] for aid in s.article_ids}) == 1 for s in stories), "a story mixes events"
    print(f"{len(stories)} stories for {len(set(truth.values()))} generated events")
