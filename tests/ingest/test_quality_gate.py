"""The ingest quality gate: bytes decoded into a mix of scripts, and texts too short to be an
article, are skipped with a reason (exit status 3) and never become stories; every text of the
evaluation sets, the seeds, the story gold and the bundled sample passes."""

from __future__ import annotations

import glob
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from synoptic.cli import EXIT_SKIPPED
from synoptic.errors import InputError
from synoptic.ingest import load
from synoptic.ingest.quality import MIN_WORDS, quality_problem, word_count
from synoptic.ingest.text import decode
from synoptic.records import Article
from tests.conftest import SHARED  # noqa: E402

ARTICLE = ("The council voted on Tuesday to close the old harbour bridge for repairs, and the work is "
           "expected to last until the spring, the mayor told reporters at the town hall.\n") * 3


def misread_bytes() -> bytes:
    """200 random bytes after a UTF-16 byte-order mark that the decoder accepts and reads as UTF-16
    (a mix of Han, Hangul, private use and more), as in the report of issue 16."""
    rng = random.Random(0)
    while True:
        data = b"\xff\xfe" + bytes(rng.randrange(1, 256) for _ in range(rng.choice([40, 200, 1000])))
        try:
            text = decode(data, "x")
        except InputError:
            continue
        if len(data) > 100:
            assert any(0x3400 <= ord(c) <= 0xD7AF for c in text)
            return data


def test_bytes_read_as_utf16_are_refused() -> None:
    problem = quality_problem(decode(misread_bytes(), "x"))
    assert problem is not None and "mix of scripts" in problem and "UTF-8" in problem


@pytest.mark.parametrize("text", ["hello", "test note", "Page not found", "<b>hello</b> world"])
def test_a_note_is_too_short_to_be_an_article(text: str) -> None:
    problem = quality_problem(text)
    assert problem is not None and "too few to be an article" in problem


def test_a_one_sentence_lede_is_an_article() -> None:
    assert quality_problem("The parliament election is over in the capital.") is None
    assert word_count("The parliament election is over in the capital.") >= MIN_WORDS


@pytest.mark.parametrize("text,language", [
    ("Президент подписал указ о введении режима чрезвычайного положения в столице страны.", "ru"),
    ("東京の中心部で大規模な火災が発生し、消防当局によると三人が負傷した。ＮＨＫが伝えた。", "ja"),
    ("北京市政府周二宣布，由于暴雨，全市所有学校将停课两天，地铁部分线路暂停运营。", None),
    ("서울 시내에서 대규모 화재가 발생해 소방 당국이 진화 작업을 벌이고 있다고 밝혔다.", "ko"),
])
def test_texts_in_their_own_script_pass(text: str, language: str | None) -> None:
    assert quality_problem(text, language) is None


def test_a_declared_language_in_another_script_is_refused() -> None:
    russian = "Президент подписал указ о введении режима чрезвычайного положения в столице страны."
    problem = quality_problem(russian, "en")
    assert problem is not None and "declared as language 'en'" in problem


def test_skipped_inputs_exit_3_and_never_become_articles(tmp_path: Path) -> None:
    (tmp_path / "garbled.txt").write_bytes(misread_bytes())
    (tmp_path / "note.txt").write_text("hello\n")
    (tmp_path / "tiny.html").write_text("<html><head><title>hello</title></head><body><p>hello</p></body></html>")
    (tmp_path / "report.txt").write_text(ARTICLE)
    proc = subprocess.run([sys.executable, "-m", "synoptic", "clean", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_SKIPPED, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == ["report.txt"]
    lines = [line for line in proc.stderr.splitlines() if line.startswith("synoptic: skipped ")]
    assert len(lines) == 3
    assert any("garbled.txt" in line and "mix of scripts" in line for line in lines)
    assert any("note.txt" in line and "has 1 word," in line for line in lines)
    assert any("tiny.html" in line and "too few to be an article" in line for line in lines)


def _texts() -> list[tuple[str, str, str | None]]:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent (the evaluation sets)")
    paths = [str(SHARED / "eval/ecbplus-dev/articles.jsonl"), str(SHARED / "seeds"),
             *sorted(glob.glob(str(SHARED / "gold/stories/*/*.txt"))),
             str(Path(__file__).resolve().parents[2] / "src/synoptic/sample")]
    texts = [(a.id, a.text, a.language) for a in load(paths, quality_gate=False) if isinstance(a, Article)]
    for line in open(SHARED / "eval/multinews-dev/clusters.jsonl", encoding="utf-8"):
        record = json.loads(line)
        texts += [(f"{record['id']}/{i}", d, None) for i, d in enumerate(record["documents"])]
    return texts


def test_every_real_text_passes_the_gate() -> None:
    texts = _texts()
    assert len(texts) > 800
    refused = [(i, quality_problem(t, lang)) for i, t, lang in texts if quality_problem(t, lang)]
    assert refused == []
