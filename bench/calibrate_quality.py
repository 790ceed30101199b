"""Calibration of the ingest quality gate (``synoptic/ingest/quality.py``): how short are real
articles, and how much of their letters are in their main script, on every evaluation set, the
seeds, the story gold folders and the bundled sample, as ingest reads them; beside random bytes
that the decoder misreads. Prints a table and writes ``bench/results/quality.json``.

    python bench/calibrate_quality.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import logging
import random
import tempfile
from pathlib import Path

from synoptic.ingest import load
from synoptic.ingest.quality import (
    MIN_SCRIPT_SHARE,
    MIN_WORDS,
    SHARED_FAMILY,
    best_language_share,
    language_families,
    quality_problem,
    script_shares,
    word_count,
)
from synoptic.ingest.text import decode
from synoptic.records import Article

ROOT = Path(__file__).resolve().parent.parent


def _main_share(text: str, language: str | None) -> float:
    """The share of letters in the scripts of the declared language, else of the best-fitting one."""
    counts = script_shares(text)
    letters = sum(counts.values()) or 1
    expected = language_families(language)
    if expected is not None:
        return sum(counts[f] for f in expected | {SHARED_FAMILY}) / letters
    return best_language_share(counts)[1]


def corpora(shared: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    """name -> [(id, text, language)] as ingest reads each set."""
    sets: dict[str, list[tuple[str, str, str | None]]] = {}

    def read(paths: list[str]) -> list[tuple[str, str, str | None]]:
        # the gate runs inside load: read without it here, to see every text
        return [(a.id, a.text, a.language) for a in load(paths, quality_gate=False) if isinstance(a, Article)]

    sets["ECB+ dev"] = read([str(shared / "eval/ecbplus-dev/articles.jsonl")])
    docs = []
    for line in open(shared / "eval/multinews-dev/clusters.jsonl", encoding="utf-8"):
        record = json.loads(line)
        docs += [(f"{record['id']}/{i}", d, None) for i, d in enumerate(record["documents"])]
    sets["Multi-News dev"] = docs
    with tempfile.TemporaryDirectory() as tmp:
        for p in glob.glob(str(shared / "eval/aeb/html/*.html.gz")):
            Path(tmp, Path(p).name[:-3]).write_bytes(gzip.open(p).read())
        sets["AEB pages"] = read([tmp])
    sets["seeds"] = read([str(shared / "seeds")])
    sets["story gold"] = read(sorted(glob.glob(str(shared / "gold/stories/*/*.txt"))))
    sets["sample"] = read([str(ROOT / "src/synoptic/sample")])
    return sets


def misread_bytes(n: int = 200) -> list[str]:
    """Random byte strings that the decoder accepts (UTF-16 guesses, single-byte code pages)."""
    texts = []
    rng = random.Random(0)
    while len(texts) < n:
        data = b"\xff\xfe" + bytes(rng.randrange(1, 256) for _ in range(rng.choice([40, 200, 1000])))
        try:
            texts.append(decode(data, "random"))
        except Exception:  # noqa: BLE001 - undecodable: refused before the gate
            continue
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    rows = {}
    for name, items in corpora(Path(args.shared)).items():
        words = sorted(word_count(t) for _, t, _ in items)
        shares = sorted(_main_share(t, lang) for _, t, lang in items)
        refused = [i for i, t, lang in items if quality_problem(t, lang)]
        rows[name] = {"texts": len(items), "fewest_words": words[:5], "p1_words": words[len(words) // 100],
                      "median_words": words[len(words) // 2], "lowest_script_share": round(shares[0], 3),
                      "refused": refused}
    junk = misread_bytes()
    shares = sorted(_main_share(t, None) for t in junk)
    rows["random bytes misread"] = {"texts": len(junk), "highest_script_share": round(shares[-1], 3),
                                    "refused": sum(1 for t in junk if quality_problem(t))}
    print(f"MIN_WORDS = {MIN_WORDS}, MIN_SCRIPT_SHARE = {MIN_SCRIPT_SHARE}")
    print(f"{'set':22} {'texts':>6} {'fewest words':>22} {'p1':>4} {'median':>6} {'script share':>12} refused")
    for name, r in rows.items():
        if "fewest_words" in r:
            print(f"{name:22} {r['texts']:>6} {str(r['fewest_words']):>22} {r['p1_words']:>4} "
                  f"{r['median_words']:>6} {r['lowest_script_share']:>12} {len(r['refused'])}")
        else:
            print(f"{name:22} {r['texts']:>6} {'':>22} {'':>4} {'':>6} {r['highest_script_share']:>12} "
                  f"{r['refused']} (max share shown)")
    out = ROOT / "bench/results/quality.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"min_words": MIN_WORDS, "min_script_share": MIN_SCRIPT_SHARE, "sets": rows},
                              indent=2) + "\n")


if __name__ == "__main__":
    main()
