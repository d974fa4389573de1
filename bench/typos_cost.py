"""What the typo cleaners cost as a document grows, and what corpus evidence costs (not a test).

``python -m bench.typos_cost [--data DIR] [--kb 200] [--words 500000] [--rounds 3]``

- **Scaling**: a long document made of real English article bodies from devdata, one
  after another, each with one slip injected into a proper noun (as ``bench.quality.typos``
  does) and, where it can, one of the listed misspellings (CA503), so that the cleaners
  have fixes to make at every size. The 1x document is the first ``--kb`` KB,
  the 8x document the first eight times as much (more articles: the vocabulary grows as a
  real corpus's does). Every round starts at another article, so no timing reads the text
  of the one before. Each typo cleaner is timed inside the default pipeline; the target
  (issue #18) is 8x the document for at most 9x the time, for each one.
- **Evidence**: the counts of ``--words`` distinct words (words of wordfreq's lists of
  several languages, then made-up names), as a batch reduces them: how long building,
  saving and loading take, how much memory the loaded evidence holds (tracemalloc), how
  large the pickle a worker receives is, and what the twin look-up costs per article with
  it. Targets: loads in under a second, at most 100 MB per worker.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import random
import statistics
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from bench.quality import data
from bench.quality.typos import KINDS, misspell, proper_nouns
from cleanarticle import Cleaner, Pipeline, clean, default_pipeline
from cleanarticle.cleaners.typos import MISSPELLINGS
from cleanarticle.evidence import Evidence
from cleanarticle.lexicon import is_english

TYPO_CODES = ("CA501", "CA502", "CA503")


def _articles(root: Path) -> list[str]:
    """English devdata bodies, in a fixed order, each with one slip in a proper noun."""
    out = []
    for page in sorted(data.load(root), key=data.stable_rank):
        body = (page.body or "").strip()
        if not body or not is_english(body):
            continue
        rng = random.Random(data.digest(page.key))
        nouns = proper_nouns(body)
        if nouns:
            word = rng.choice(nouns)
            typo = misspell(word, rng.choice(KINDS), rng)
            if typo:
                body = body.replace(word, typo, 1)
        for wrong, right in MISSPELLINGS.items():  # and one listed misspelling, for CA503
            if f" {right} " in body:
                body = body.replace(f" {right} ", f" {wrong} ", 1)
                break
        out.append(body)
    return out


def _document(articles: list[str], start: int, size: int) -> str:
    parts: list[str] = []
    length = 0
    i = start
    while length < size:
        parts.append(articles[i % len(articles)])
        length += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def _timed_pipeline(totals: dict[str, float]) -> Pipeline:
    def wrap(item: Cleaner) -> Cleaner:
        def run(doc, ctx):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            item.func(doc, ctx)
            totals[item.code] += time.perf_counter() - start

        return dataclasses.replace(item, func=run)

    return Pipeline(wrap(item) for item in default_pipeline())


def scaling(articles: list[str], kb: int, rounds: int) -> list[str]:
    times: dict[int, dict[str, list[float]]] = {1: defaultdict(list), 8: defaultdict(list)}
    step = max(1, len(articles) // (rounds + 1))
    for r in range(rounds):
        for factor in (1, 8):
            totals: dict[str, float] = defaultdict(float)
            text = _document(articles, r * step + factor, factor * kb * 1000)
            clean(text, format="text", fast=True, pipeline=_timed_pipeline(totals))
            for code in TYPO_CODES:
                times[factor][code].append(totals[code])
    lines = [
        f"document 1x = {kb} KB, 8x = {8 * kb} KB of real article bodies; {rounds} rounds "
        "(median; fresh text each)",
        "",
        "| cleaner | 1x ms | 8x ms | 8x / 1x | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for code in TYPO_CODES:
        one, eight = (statistics.median(times[f][code]) for f in (1, 8))
        ratio = eight / one if one else float("nan")
        verdict = "met" if ratio <= 9 else "NOT met"
        lines.append(
            f"| {code} | {one * 1e3:.1f} | {eight * 1e3:.1f} | {ratio:.2f} | <= 9: {verdict} |"
        )
    return lines


def _vocabulary(size: int) -> list[str]:
    from wordfreq import top_n_list

    words: dict[str, None] = {}
    for lang in ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "fi", "cs"):
        for word in top_n_list(lang, 400_000):
            if len(word) >= 4 and word.isalpha():
                words.setdefault(word, None)
                words.setdefault(word.capitalize(), None)
            if len(words) >= size:
                return list(words)[:size]
    rng = random.Random(5)
    syllables = ["ka", "lo", "mi", "ne", "ro", "sa", "ti", "vu", "zen", "dor", "bra", "ish"]
    while len(words) < size:
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        words.setdefault(name.capitalize(), None)
    return list(words)[:size]


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def evidence_cost(words: int, articles: list[str]) -> list[str]:
    vocabulary = _vocabulary(words)
    rng = random.Random(3)
    counts = {w: 2 + int(rng.paretovariate(1.2)) for w in vocabulary}
    tracemalloc.start()
    start = time.perf_counter()
    evidence = Evidence.from_counts([counts])
    built = time.perf_counter() - start
    del evidence
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "evidence.cae"
        Evidence.from_counts([counts]).save(path)
        size = path.stat().st_size
        del counts
        before = tracemalloc.get_traced_memory()[0]
        loaded = Evidence.load(path)
        held = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del loaded
        start = time.perf_counter()  # timed without tracemalloc, which slows every allocation
        loaded = Evidence.load(path)
        load_seconds = time.perf_counter() - start
    pickled = len(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    sample = articles[:200]
    totals: dict[str, float] = defaultdict(float)
    for text in sample:
        clean(text, format="text", fast=True, evidence=loaded, pipeline=_timed_pipeline(totals))
    per_article = totals["CA501"] / len(sample)
    return [
        f"evidence of {len(loaded):,} distinct words",
        "",
        "| measure | value | target |",
        "| --- | ---: | --- |",
        f"| build (reduce) | {built:.2f} s | |",
        f"| saved file | {size / 1e6:.1f} MB | |",
        f"| load | {load_seconds:.2f} s | < 1 s: {_verdict(load_seconds < 1)} |",
        f"| memory held | {held / 1e6:.0f} MB | <= 100 MB: {_verdict(held <= 100e6)} |",
        f"| pickle sent to a worker | {pickled / 1e6:.1f} MB | |",
        f"| CA501 per article with it | {per_article * 1e3:.2f} ms | |",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.typos_cost", description=__doc__)
    parser.add_argument("--data", type=Path, default=data.DEFAULT_DATA)
    parser.add_argument("--kb", type=int, default=200, help="size of the 1x document")
    parser.add_argument("--words", type=int, default=500_000, help="distinct evidence words")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)
    articles = _articles(options.data)
    lines = scaling(articles, options.kb, options.rounds)
    lines += ["", *evidence_cost(options.words, articles)]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
