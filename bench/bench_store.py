"""Benchmark of the SQLite store: storing, re-storing and searching articles.

Generated reports (our own template text with varied names and numbers) are stored through
``SQLiteStore.add_article`` (one transaction per article, versions, FTS5 kept in step), stored a
second time unchanged, then searched. The baseline, in the same run, is plain ``sqlite3``: the same
rows inserted into a bare table with an FTS5 index, one transaction per row, so the ratio shows what
versioning, hashing and integrity cost on top of SQLite itself.

    python bench/bench_store.py [--articles 5000] [--out bench/results/store.json]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import default_out, machine, peak_rss_mib, write_json
from synoptic.records import Article
from synoptic.store.sqlite import SQLiteStore

PLACES = ["Almaty", "Ismailia", "Berlin", "Lagos", "Lima", "Osaka", "Tromso", "Quito", "Hanoi", "Perth"]
THINGS = ["floods", "a strike", "a fire", "an election", "a storm", "a blackout", "a derailment"]


def reports(n: int, seed: int = 11) -> list[Article]:
    """``n`` short generated reports, about 60 events, with a unique word each for selective search."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, thing = PLACES[i % len(PLACES)], THINGS[(i // len(PLACES)) % len(THINGS)]
        text = (f"Officials in {place} said on Tuesday that {thing} had affected {rng.randint(10, 9000)} "
                f"people, and that {rng.randint(2, 90)} teams were at work. Residents described the "
                f"night as long and loud. Marker word zq{i:06d}x closes report {i}.\n")
        out.append(Article(id=f"r{i:06d}", text=text, raw_text=text, title=f"{thing} in {place}",
                           outlet=f"Outlet {i % 17}"))
    return out


def bench_synoptic(articles: list[Article], folder: Path) -> dict[str, float]:
    store = SQLiteStore(folder / "synoptic.db")
    t = time.perf_counter()
    for a in articles:
        store.add_article(a)
    new_s = time.perf_counter() - t
    t = time.perf_counter()
    for a in articles:
        store.add_article(a)
    same_s = time.perf_counter() - t
    probes = [f"zq{i:06d}x" for i in range(0, len(articles), max(1, len(articles) // 200))]
    t = time.perf_counter()
    for p in probes:
        assert len(store.search(p)) == 1
    selective_ms = (time.perf_counter() - t) / len(probes) * 1000
    t = time.perf_counter()
    for place in PLACES:
        store.search(f"officials {place}", limit=50)
    broad_ms = (time.perf_counter() - t) / len(PLACES) * 1000
    store.close()
    return {"new_per_s": len(articles) / new_s, "unchanged_per_s": len(articles) / same_s,
            "search_selective_ms": selective_ms, "search_broad_ms": broad_ms}


def bench_plain_sqlite(articles: list[Article], folder: Path) -> dict[str, float]:
    db = sqlite3.connect(folder / "plain.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE a (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(title, text, content='a', content_rowid='rowid')")
    t = time.perf_counter()
    for a in articles:
        db.execute("BEGIN")
        cur = db.execute("INSERT INTO a VALUES (?, ?, ?)", (a.id, a.title, a.text))
        db.execute("INSERT INTO f(rowid, title, text) VALUES (?, ?, ?)", (cur.lastrowid, a.title, a.text))
        db.execute("COMMIT")
    new_s = time.perf_counter() - t
    probes = [f"zq{i:06d}x" for i in range(0, len(articles), max(1, len(articles) // 200))]
    t = time.perf_counter()
    for p in probes:
        assert len(db.execute("SELECT rowid FROM f WHERE f MATCH ?", (f'"{p}"',)).fetchall()) == 1
    selective_ms = (time.perf_counter() - t) / len(probes) * 1000
    db.close()
    return {"new_per_s": len(articles) / new_s, "search_selective_ms": selective_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", default=default_out("store"))
    args = parser.parse_args(argv)
    articles = reports(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        ours = bench_synoptic(articles, Path(tmp))
        plain = bench_plain_sqlite(articles, Path(tmp))
    rows = [
        ("store new articles (articles/s)", ours["new_per_s"], plain["new_per_s"]),
        ("store unchanged again (articles/s)", ours["unchanged_per_s"], None),
        ("search, selective word (ms/query)", ours["search_selective_ms"], plain["search_selective_ms"]),
        ("search, broad words, 50 hits (ms/query)", ours["search_broad_ms"], None),
    ]
    print(f"{args.articles} articles")
    print(f"{'operation':42} {'synoptic':>10} {'plain sqlite3':>14} {'ratio':>7}")
    for name, a, b in rows:
        ratio = f"{a / b:.2f}" if b else "-"
        print(f"{name:42} {a:10.2f} {(f'{b:.2f}' if b else '-'):>14} {ratio:>7}")
    write_json(args.out, {"bench": "store", "articles": args.articles, "machine": machine(),
                          "synoptic": ours, "plain_sqlite": plain, "peak_rss_mib": peak_rss_mib()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
