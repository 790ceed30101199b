"""Briefs of real stories against a hand annotation of each (``shared/gold/stories/<name>/gold.json``).

A story folder holds its articles as ``<key>.txt`` and ``gold.json`` (format in
``shared/gold/stories/README.md``). Each story is run as ``synoptic run`` runs it (read, clean,
group into stories, brief), in this process; the brief holding the most articles is scored:

1. figure groups right: every report of a gold fact group lands in one fact group of the brief, and
   that group has the gold verdict;
2. figure-mention BCubed (precision, recall, F1) over every annotated figure mention (the gold
   groups' reports and the traps' two sides), labelled by the brief's fact group holding it (the
   first one, in the brief's order) or by nothing;
3. traps: ``must_not_group`` pairs whose reports share a fact group; ``must_not_merge`` name pairs
   in one entity; an entity of the brief holding spellings of two gold name groups;
4. quote groups found: a quote group of the brief with the gold speaker, at least half of whose
   variants are the gold statement, carries it from ``min_articles`` articles; and words put in
   the wrong mouth: a gold quote variant found (same text match) in a quote group of the brief
   whose speaker is not the gold speaker counts as misattributed (once per gold variant; not part
   of the score, and not measured by storycheck);
5. name groups found: one entity lists at least min(3, n) of the n spellings (leading titles dropped);
6. score: the mean of (figure groups right, at most the BCubed F1), quote groups found, name
   groups found, over the parts the gold has; a story passes at ``PASS_SCORE`` with no trap
   grouped, BCubed F1 >= ``PASS_B3`` and every article in the main story.

A brief's report stands for a gold span when one of the two texts contains the other, in the same
article (the brief shows phrases, the gold annotates phrases; offsets need not agree). These are
the measures of ``shared/tools/storycheck.py``; ``tests/evaluate/test_eval_stories.py`` checks that both
say the same on the shared stories.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TASK = "stories"

#: A story passes at this score (with no trap grouped and every article in its main story).
PASS_SCORE = 0.8
#: ... and at this figure-mention BCubed F1: lumping every figure together must fail.
PASS_B3 = 0.8
#: A quote group of the brief counts for a gold statement when at least this share of its
#: variants are that statement (a speaker's quotes lumped into one group do not count).
QUOTE_SHARE = 0.5
#: A quote variant is the gold statement when the gold text's first this many characters are in it.
QUOTE_PREFIX = 25
#: A name group is found when one entity lists min(this, n) of its n spellings.
NAME_SPELLINGS = 3

# Leading titles and roles that do not make a spelling of a name different ("Vice Adm. Bill
# Gortney" is "Bill Gortney"): English honorifics, offices and ranks.
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sir|prof|doctor|president|prime minister|minister|secretary of state|secretary"
    r"|deputy|crown|prince|princess|king|queen|sheikh|emir|interior|foreign|defence|defense|finance|senator|sen"
    r"|governor|gov|mayor|judge|commander|commodore|admiral|adm|vice|rear|general|gen|lt|lieutenant|col|colonel"
    r"|capt|captain|sgt|sergeant|senior|trooper|officer|inspector|chief|police|spokesman|spokeswoman|navy"
    r"|u s|us|uk)\s+)+")


@dataclass
class StoryScore:
    """The measures of one story; ``misses`` says which gold items were missed or which traps sprung."""

    story: str
    articles: int = 0
    articles_in_main_story: int = 0
    figures: int = 0
    figures_right: int = 0
    figure_mention_b3: tuple[float, float, float] = (1.0, 1.0, 1.0)
    traps: int = 0
    traps_grouped: int = 0
    quotes: int = 0
    quotes_found: int = 0
    misattributed: int = 0
    entities: int = 0
    entities_found: int = 0
    score: float = 0.0
    passed: bool = False
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def article_key(article_id: object) -> str:
    """The gold's key of a brief's article id: its file name without the extension ("b01.txt" -> "b01")."""
    name = re.split(r"[\\/]", str(article_id))[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def name_key(name: object) -> str:
    """A spelling compared by its words, lower case, leading titles dropped."""
    words = re.sub(r"\W+", " ", str(name or "")).strip().lower()
    return _TITLES.sub("", words)


def _same_speaker(found: object, gold: str) -> bool:
    """Whether a brief's speaker names the gold speaker (the family name, or a long word of it)."""
    p, g = name_key(found).split(), name_key(gold).split()
    return bool(p) and (p[-1] in g or any(w in g for w in p if len(w) > 3))


def _variant_holds(variant: dict[str, Any], gold_variant: dict[str, Any]) -> bool:
    """Whether a brief's quote variant is the gold variant: same article, the gold text's start in it."""
    return (gold_variant["article"] == article_key(variant.get("article"))
            and gold_variant["text"][:QUOTE_PREFIX].strip(" ,") in str(variant.get("text")))


def _misattributed(brief: dict[str, Any], gold: dict[str, Any], misses: list[str] | None = None) -> int:
    """How many gold quote variants the brief files under a speaker who is not the gold speaker.

    A gold variant counts once, however many of the brief's quote groups hold it, when one of them
    is under another speaker (even if a group of the right speaker holds it too). Each is noted in
    ``misses``.
    """
    n = 0
    for g in gold.get("quotes") or []:
        for gv in g.get("variants") or []:
            wrong = [str(q.get("speaker")) for q in brief.get("quotes") or []
                     if not _same_speaker(q.get("speaker"), g["speaker"])
                     and any(_variant_holds(v, gv) for v in q.get("variants") or [])]
            if wrong:
                n += 1
                if misses is not None:
                    misses.append(f'misattributed: quote {g["id"]} ({gv["article"]}, {g["speaker"]}) '
                                  f'under "{wrong[0]}"')
    return n


def _holders(brief: dict[str, Any], article: str, span: str) -> list[int]:
    """Indexes of the brief's fact groups with a report standing for ``span`` of ``article``."""
    out = []
    for i, fact in enumerate(brief.get("facts") or []):
        for rep in fact.get("reports") or []:
            text = str(rep.get("text") or "")
            if article_key(rep.get("article")) == article and len(text) >= 2 and (span in text or text in span):
                out.append(i)
                break
    return out


def bcubed(gold: list[str], found: list[str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of ``found`` against ``gold`` (two labels per item)."""
    n = len(gold)
    if n == 0:
        return 1.0, 1.0, 1.0
    by_gold: dict[str, set[int]] = {}
    by_found: dict[str, set[int]] = {}
    for i, (g, f) in enumerate(zip(gold, found, strict=True)):
        by_gold.setdefault(g, set()).add(i)
        by_found.setdefault(f, set()).add(i)
    p = sum(len(by_gold[gold[i]] & by_found[found[i]]) / len(by_found[found[i]]) for i in range(n)) / n
    r = sum(len(by_gold[gold[i]] & by_found[found[i]]) / len(by_gold[gold[i]]) for i in range(n)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_brief(brief: dict[str, Any], gold: dict[str, Any], story: str = "", articles: int | None = None) -> StoryScore:
    """Steps 1-6 of the module docstring for one brief (its JSON form) against one gold."""
    out = StoryScore(story=story)
    out.articles = articles if articles is not None else len(brief.get("articles") or [])
    out.articles_in_main_story = len(brief.get("articles") or [])
    facts = brief.get("facts") or []
    # 1-2. figure groups and the mentions' labels
    mentions: dict[tuple[str, str], int] = {}
    gold_label: list[str] = []
    found_label: list[str] = []

    def mention(article: str, span: str, label: str, again: bool) -> list[int]:
        holders = _holders(brief, article, span)
        if again or (article, span) not in mentions:  # a gold report is counted each time it is listed
            mentions[(article, span)] = len(gold_label)
            gold_label.append(label)
            found_label.append(f"fact:{holders[0]}" if holders else f"alone:{len(gold_label)}")
        return holders

    for g in gold.get("figures") or []:
        out.figures += 1
        homes: set[int] = set()
        for rep in g["reports"]:
            homes.update(mention(rep["article"], rep["span"], f"gold:{g['id']}", True))
        if len(homes) != 1:
            out.misses.append(f"figure {g['id']}: its {len(g['reports'])} reports are in {len(homes)} fact groups")
            continue
        verdict = str(facts[homes.pop()].get("verdict"))
        if verdict == g["verdict"]:
            out.figures_right += 1
        else:
            out.misses.append(f"figure {g['id']}: verdict {verdict}, gold {g['verdict']}")
    # 3. traps (figures)
    for n, (a, b) in enumerate(gold.get("must_not_group") or []):
        out.traps += 1
        ha = set(mention(a["article"], a["span"], f"trap:{n}:a", False))
        hb = set(mention(b["article"], b["span"], f"trap:{n}:b", False))
        if ha & hb:
            out.traps_grouped += 1
            out.misses.append(f'trap: "{a["span"]}" ({a["article"]}) grouped with "{b["span"]}" ({b["article"]})')
    p, r, f1 = bcubed(gold_label, found_label)
    out.figure_mention_b3 = (round(p, 4), round(r, 4), round(f1, 4))
    # 4. quotes
    out.misattributed = _misattributed(brief, gold, out.misses)
    for g in gold.get("quotes") or []:
        out.quotes += 1
        best = 0
        for q in brief.get("quotes") or []:
            if not _same_speaker(q.get("speaker"), g["speaker"]):
                continue
            variants = q.get("variants") or []
            hits = [v for v in variants if any(_variant_holds(v, gv) for gv in g["variants"])]
            if len(hits) < QUOTE_SHARE * len(variants):
                continue
            best = max(best, len({article_key(v.get("article")) for v in hits}))
        if best >= g["min_articles"]:
            out.quotes_found += 1
        else:
            out.misses.append(f"quote {g['id']} ({g['speaker']}): best group has it from {best} of {g['min_articles']} articles")
    # 5. names, and 3. name traps
    entity_names = [{name_key(v) for v in e.get("variants") or []} | {name_key(e.get("name"))}
                    for e in brief.get("entities") or []]
    groups = []
    for g in gold.get("entities") or []:
        want = {name_key(v) for v in g["variants"]} - {""}
        groups.append((want, g["canonical"]))
        if len(want) < 2:
            continue
        out.entities += 1
        need = min(NAME_SPELLINGS, len(want))
        best = max((len(want & got) for got in entity_names), default=0)
        if best >= need:
            out.entities_found += 1
        else:
            out.misses.append(f"entity {g['canonical']}: best entity lists {best} of the {need} spellings needed")
    for e, got in zip(brief.get("entities") or [], entity_names, strict=True):
        hit = [c for want, c in groups if want & got]
        if len(hit) > 1:
            out.traps_grouped += 1
            out.misses.append(f'trap: entity "{e.get("name")}" merges {" and ".join(hit[:3])}')
    for a, b in gold.get("must_not_merge") or []:
        if any(name_key(a) in got and name_key(b) in got for got in entity_names):
            out.traps_grouped += 1
            out.misses.append(f"trap: one entity merges {a} and {b}")
    # 6. score
    parts = []
    if out.figures:
        parts.append(min(out.figures_right / out.figures, out.figure_mention_b3[2]))
    if out.quotes:
        parts.append(out.quotes_found / out.quotes)
    if out.entities:
        parts.append(out.entities_found / out.entities)
    out.score = round(sum(parts) / len(parts), 4) if parts else 0.0
    out.passed = (out.score >= PASS_SCORE and out.traps_grouped == 0 and out.figure_mention_b3[2] >= PASS_B3
                  and out.articles_in_main_story == out.articles)
    return out


def brief_of(texts: list[Path]) -> dict[str, Any]:
    """The brief ``synoptic run`` writes for these files' main story (the one with most articles)."""
    from synoptic.brief import to_json
    from synoptic.pipeline import run as run_pipeline

    with tempfile.TemporaryDirectory(prefix="synoptic-eval-stories-") as out:
        report = run_pipeline([str(t) for t in texts], out)
        briefs = [to_json(b) for b in report.briefs.values()]
    return max(briefs, key=lambda b: len(b.get("articles") or [])) if briefs else {}


def evaluate_story(folder: Path) -> StoryScore:
    """Run one story folder through the pipeline and score its main brief against its gold."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = sorted(folder.glob("*.txt"))
    t0 = time.perf_counter()
    brief = brief_of(texts)
    out = score_brief(brief, gold, story=folder.name, articles=len(texts))
    out.seconds = round(time.perf_counter() - t0, 2)
    return out


def story_folders(paths: list[str]) -> list[Path]:
    """The story folders among ``paths``: a folder with gold.json, or the folders with one inside it."""
    out: list[Path] = []
    for p in map(Path, paths):
        if (p / "gold.json").is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(d for d in p.iterdir() if (d / "gold.json").is_file()))
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``synoptic eval stories``."""
    parser.add_argument("--data", nargs="+", required=True, metavar="DIR",
                        help="story folders (each with <key>.txt articles and gold.json), or folders holding them")
    parser.add_argument("--misses", type=int, default=12, metavar="N",
                        help="print at most N misses per story (default 12)")


def run(args: argparse.Namespace) -> int:
    """Print one row per story (and write --json); exit 1 when no story folder is found."""
    folders = story_folders(args.data)
    if not folders:
        print(f"synoptic eval stories: no folder with gold.json in {' '.join(args.data)}", file=sys.stderr)
        return 1
    results = [evaluate_story(f) for f in folders]
    head = (f"{'story':<12} {'articles':>8} {'figures':>8} {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5} {'traps':>6} "
            f"{'quotes':>7} {'misattr':>7} {'names':>6} {'score':>5}  pass")
    print(head)
    for s in results:
        print(f"{s.story:<12} {s.articles_in_main_story:>3}/{s.articles:<4} {s.figures_right:>3}/{s.figures:<4} "
              f"{s.figure_mention_b3[0]:>5.2f} {s.figure_mention_b3[1]:>5.2f} {s.figure_mention_b3[2]:>5.2f} "
              f"{s.traps_grouped:>2}/{s.traps:<3} {s.quotes_found:>3}/{s.quotes:<3} {s.misattributed:>7} "
              f"{s.entities_found:>2}/{s.entities:<3} "
              f"{s.score:>5.2f}  {'yes' if s.passed else 'no'}")
    for s in results:
        for m in s.misses[: args.misses]:
            print(f"  {s.story}: {m}")
    n_pass = sum(s.passed for s in results)
    mean = sum(s.score for s in results) / len(results)
    misattributed = sum(s.misattributed for s in results)
    print(f"stories: {n_pass}/{len(results)} pass; mean score {mean:.2f}; "
          f"{misattributed} gold quote variants misattributed")
    if args.json:
        Path(args.json).write_text(json.dumps({"task": TASK, "pass_score": PASS_SCORE, "mean_score": round(mean, 4),
                                               "misattributed": misattributed,
                                               "stories": [asdict(s) for s in results]}, indent=1) + "\n",
                                   encoding="utf-8")
    return 0


__all__ = ["TASK", "StoryScore", "bcubed", "brief_of", "evaluate_story", "score_brief", "story_folders"]
