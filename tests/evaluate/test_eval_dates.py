"""The TimeBank scorer: format handling and the quality floors of synoptic's dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synoptic.cli import main
from synoptic.evaluate.dates import (
    Document,
    Scores,
    Timex,
    evaluate,
    extraction_errors,
    load_corpus,
    load_timeml,
    score_document,
    split_half,
)
from tests.conftest import shared_path

#: Floors (TimeBank 1.2 as shared/eval/timebank-dev). Measured on the whole: F1 0.958, value accuracy
#: 0.916 (dateparser 0.529 and 0.309); on the odd half 0.965 / 0.927, on the even half 0.951 / 0.904.
#: Rounds: odd half first (even then measured 0.867), then even; a third round on general TimeML
#: phenomena and unseen 2016 news left even, held out, at 0.891 (errors unread), and a fourth, fitted
#: on the even half (0.891 -> 0.894), left the held-out odd half at 0.905 (F1 0.962 -> 0.964). A fifth,
#: fitted on the odd half (0.907 -> 0.919), raised the held-out even half 0.894 -> 0.896; "effective
#: Feb. 1", written from odd's errors, gave odd 0.921 / even 0.898; one rule read from even's errors
#: (an earlier quarter named for comparison) took even to 0.904, odd unchanged. A sixth round, fitted
#: on odd only (0.921 -> 0.927), left even unchanged: without the rule read from its errors, even
#: held out is 0.898. A seventh round: one rule fitted on odd ("compared with a year earlier" compares
#: results only in a sentence naming them: odd 0.927 -> 0.929, 481 of 518) and rules from the TimeML
#: guidelines fitted on neither half (possessive years before quarters and halves, "two years from
#: now", "the week of Oct. 16", "the nineteen eighties", misread nouns in the parse, ...): even held
#: out unchanged, 0.904 with the rule read from its errors, 0.898 (430 of 479) without; whole 0.958 /
#: 0.917. An eighth round: two rules read from odd's errors (a time in apposition to a date, "in five
#: years" looking ahead: odd 0.9286 -> 0.9288, 483 of 520, F1 0.9646 -> 0.9665) and guideline rules
#: read from neither half (years ended on a day, SETs, "the previous quarter", "this Tuesday" ahead,
#: "next decade"): even held out unchanged, F1 0.9513 / value 0.9040 (433 of 479); whole 0.9592 /
#: 0.9169. Strict figures (``--strict``: the rules read from the half's own errors, named in
#: ``timex.RULES_READ_FROM``, switched off): even 0.8977 (430 of 479); odd 0.9188 (475 of 517, F1
#: 0.9637) with the odd rules of the fifth ("effective"), sixth and eighth rounds off (earlier odd
#: rounds are not switchable, so odd's strict figure is still an upper bound). A ninth round (dates17):
#: "Previously" opening a sentence and "the year-ago third quarter" read from odd's errors (odd 0.9288
#: -> 0.9291, 485 of 522, F1 0.9676; strict unchanged 0.9188) and guideline rules (next season, a half
#: of a month, "the September quarter", "the 1990 fiscal year", "year-end 1988", "the year before"):
#: even held out unchanged, value 0.9040 (433 of 479), strict 0.8977 (430 of 479), F1 0.9504; the
#: holiday tables completed (Labor Day, Thanksgiving, Election Day, the Easter cycle) changed neither.
MIN_F1 = 0.957
MIN_VALUE_ACCURACY = 0.915
MIN_HALF = {"odd": (0.965, 0.928), "even": (0.95, 0.902)}  # (F1, value accuracy)
#: The strict figures (rules read from the half's own errors off): (F1, value accuracy).
MIN_HALF_STRICT = {"odd": (0.962, 0.917), "even": (0.95, 0.896)}

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Sales fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> for a <TIMEX3 tid="t2" type="DURATION" value="P1W">week</TIMEX3>.</TEXT>
</TimeML>"""


def test_load_timeml_offsets_point_at_the_expression(tmp_path: Path) -> None:
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = load_timeml(path)
    assert str(doc.dct) == "1998-01-08"
    assert [(doc.text[t.start : t.end], t.type) for t in doc.timexes] == [
        ("yesterday", "DATE"),
        ("week", "DURATION"),
    ]


@pytest.mark.parametrize(
    ("found", "matched", "correct", "fp"),
    [
        ([(11, 20, "1998-01-07")], 1, 1, 0),
        ([(11, 20, "1998-01-06")], 1, 0, 0),
        ([(0, 5, None)], 0, 0, 1),
        ([(27, 31, None)], 0, 0, 0),  # overlaps the DURATION: neither right nor wrong
    ],
)
def test_score_document_counts_matches_and_values(found: list, matched: int, correct: int, fp: int) -> None:
    doc = Document(
        "x",
        "Sales fell yesterday for a week.",
        __import__("datetime").date(1998, 1, 8),
        [Timex(11, 20, "DATE", "1998-01-07", "yesterday"), Timex(27, 31, "DURATION", "P1W", "week")],
    )
    s = Scores()
    score_document(doc, found, s)
    assert (s.matched, s.value_correct, s.found - s.matched) == (matched, correct, fp)


def test_synoptic_dates_meet_floors_on_timebank_and_beat_dateparser() -> None:
    docs, skipped = load_corpus(shared_path("eval", "timebank-dev"))
    assert docs and not skipped
    figures = evaluate(docs, baseline=True)
    ours, base = figures["synoptic"], figures["dateparser"]
    assert ours["f1"] >= MIN_F1
    assert ours["value_accuracy"] >= MIN_VALUE_ACCURACY
    assert ours["f1"] > base["f1"] and ours["value_accuracy"] > base["value_accuracy"]


@pytest.mark.parametrize("half", ["odd", "even"])
def test_synoptic_dates_meet_floors_on_each_half_of_timebank(half: str) -> None:
    docs, _ = load_corpus(shared_path("eval", "timebank-dev"))
    part = split_half(docs, half)
    assert len(part) in (len(docs) // 2, (len(docs) + 1) // 2)
    ours = evaluate(part, baseline=False)["synoptic"]
    min_f1, min_value = MIN_HALF[half]
    assert ours["f1"] >= min_f1 and ours["value_accuracy"] >= min_value


@pytest.mark.parametrize("half", ["odd", "even"])
def test_synoptic_dates_meet_floors_on_each_half_held_out_from_the_rules_read_from_it(half: str) -> None:
    from synoptic.extract.timex import holding_out

    docs, _ = load_corpus(shared_path("eval", "timebank-dev"))
    part = split_half(docs, half)
    with holding_out(half):
        strict = evaluate(part, baseline=False)["synoptic"]
    plain = evaluate(part, baseline=False)["synoptic"]
    min_f1, min_value = MIN_HALF_STRICT[half]
    assert strict["f1"] >= min_f1 and strict["value_accuracy"] >= min_value
    # the rules read from a half's errors fire on it: its figure with them is at least the strict one
    assert plain["value_accuracy"] >= strict["value_accuracy"]


def test_eval_dates_strict_needs_a_half_and_names_the_rules_it_switches_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.tml").write_text(TML, encoding="utf-8")
    assert main(["eval", "dates", "--data", str(tmp_path), "--no-baseline", "--strict"]) == 2
    assert main(["eval", "dates", "--data", str(tmp_path), "--no-baseline", "--half", "odd", "--strict"]) == 0
    assert "without the rules read from it: " in capsys.readouterr().out


def test_split_half_takes_documents_by_order() -> None:
    docs = [Document(str(i), "", __import__("datetime").date(2000, 1, 1)) for i in range(5)]
    assert [d.name for d in split_half(docs, "odd")] == ["0", "2", "4"]
    assert [d.name for d in split_half(docs, "even")] == ["1", "3"]
    with pytest.raises(ValueError):
        split_half(docs, "third")


def test_eval_dates_command_prints_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = shared_path("eval", "timebank-dev")
    out = tmp_path / "dates.json"
    status = main(["eval", "dates", "--data", str(data), "--no-baseline", "--half", "even", "--limit", "5",
                   "--errors", "--json", str(out)])
    assert status == 0
    assert "even half" in capsys.readouterr().out
    payload = json.loads(out.read_text())
    assert payload["half"] == "even" and payload["systems"]["synoptic"]["gold"] > 0


def test_eval_dates_missing_folder_is_an_error(tmp_path: Path) -> None:
    assert main(["eval", "dates", "--data", str(tmp_path / "nope")]) == 1


def test_extraction_errors_name_the_missed_and_the_spurious() -> None:
    doc = Document(
        "x",
        "Sales fell yesterday, and in the quarter ahead of Christmas trees.",
        __import__("datetime").date(1998, 1, 8),
        [Timex(22, 25, "DATE", "1998", "and")],  # a gold DATE where synoptic finds nothing
    )
    errors = extraction_errors([doc])
    assert ("spurious", "x", "yesterday", "1998-01-07") in [e[:4] for e in errors]
    assert ("missed", "x", "and", "1998") in [e[:4] for e in errors]
