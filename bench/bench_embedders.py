"""Benchmark: the registered sentence embedders side by side, cost and story-grouping quality.

For each embedder of ``synoptic.embed.available_embedders()`` whose package is installed (MiniLM,
and WordLlama with ``synoptic[wordllama]``), in this process, one thread for MiniLM (as a busy
machine gives it):

- CPU seconds to embed the sentences of ECB+ dev (``synoptic.util.sentences``, sentences of 4
  words or more, the kind of text the summary's citations and quote grouping embed),
  and the 535 articles as story grouping embeds them;
- ECB+ dev story grouping (``synoptic.cluster``, thresholds as in the code, read on MiniLM's scale):
  BCubed precision, recall, F1.

The other two uses (quote grouping, the summary's paraphrase citations) are scored by ``synoptic
eval stories`` and by the citations the briefs keep; ``synoptic.embed.WordLlamaEmbedder`` says what
those gave. Prints a table and writes ``bench/results/embedders.json``.

Usage: .venv/bin/python bench/bench_embedders.py [--sentences N] [--out bench/results/embedders.json]
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import ECB_DATA, data_missing, default_out, machine, pin_two_cores, write_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000, help="sentences embedded per embedder")
    parser.add_argument("--out", default=default_out("embedders"))
    args = parser.parse_args(argv)
    if data_missing("bench_embedders", ECB_DATA):
        return 1
    cores = pin_two_cores()
    from synoptic.cluster import _embed_text, cluster_articles
    from synoptic.embed import OnnxMiniLM, available_embedders, get_embedder
    from synoptic.errors import MissingDependency
    from synoptic.evaluate.clustering import load_jsonl, score
    from synoptic.util.sentences import split_sentences

    articles, gold = load_jsonl(str(ECB_DATA), "event")
    sentences = [a.text[s0:s1] for a in articles for s0, s1 in split_sentences(a.text)
                 if len(a.text[s0:s1].split()) >= 4][: args.sentences]
    story_texts = [_embed_text(a) for a in articles]
    rows = []
    for name in available_embedders():
        embedder = OnnxMiniLM(threads=1) if name == "minilm" else get_embedder(name)
        try:
            embedder.embed(["warm up"])  # model load outside the timings
        except MissingDependency as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        c = time.process_time()
        embedder.embed(sentences)
        sent_cpu = time.process_time() - c
        c = time.process_time()
        embedder.embed(story_texts)
        story_cpu = time.process_time() - c
        stories = cluster_articles(articles, embedder=embedder)
        story_of = {aid: s.id for s in stories for aid in s.article_ids}
        q = score([story_of[a.id] for a in articles], gold)
        rows.append({"embedder": name, "dim": embedder.dim, "sentences": len(sentences),
                     "sentences_cpu_s": round(sent_cpu, 3), "articles": len(story_texts),
                     "articles_cpu_s": round(story_cpu, 3), "ecb_bcubed_p": round(q.precision, 3),
                     "ecb_bcubed_r": round(q.recall, 3), "ecb_bcubed_f1": round(q.f1, 3)})
    print(f"ECB+ dev, {len(sentences)} sentences and {len(story_texts)} articles, {cores} core(s)")
    print(f"{'embedder':<10} {'dim':>4} {'sent CPU s':>10} {'art CPU s':>9} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}")
    for r in rows:
        print(f"{r['embedder']:<10} {r['dim']:>4} {r['sentences_cpu_s']:>10.2f} {r['articles_cpu_s']:>9.2f} "
              f"{r['ecb_bcubed_p']:>6.3f} {r['ecb_bcubed_r']:>6.3f} {r['ecb_bcubed_f1']:>6.3f}")
    write_json(args.out, {"machine": machine(cores=cores), "rows": rows})
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
