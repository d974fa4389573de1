"""Batch benchmark: memory stays flat and throughput on a corpus of small records.

    python bench/batch.py --records 100000 --output docs/batch.md

Generates a deterministic JSONL corpus of small article-like records, runs the real
``cleanarticle batch`` command on the first 10 % and on all of it, samples the resident
memory of the whole process tree while it runs, and prints (or writes into the marked
block of ``--output``) a table: records, seconds, docs/s and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "the council voted on monday to expand the tram network after a long debate officials "
    "said rents rose sharply in the city while wages stayed flat according to new figures "
    "river levels fell overnight and schools reopened as the storm moved east"
).split()
JUNK = ["Advertisement", "Share this article", "Read more »", "Sign up for our newsletter"]


def record(i: int, rng: random.Random) -> dict[str, str]:
    title = " ".join(w.capitalize() for w in rng.sample(WORDS, 6))
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."
        for _ in range(rng.randint(2, 5))
    ]
    if rng.random() < 0.3:
        paragraphs.insert(1, rng.choice(JUNK))
    text = f"{title}\n\nBy Reporter {i % 97}\n\n" + "\n\n".join(paragraphs) + "\n"
    return {"id": f"doc-{i:06d}", "text": text}


def write_corpus(path: Path, n: int) -> int:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps(record(i, rng)) + "\n")
    return path.stat().st_size


def tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    total = 0
    for pid in family:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def run(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    command = [sys.executable, "-m", "cleanarticle", "batch", str(corpus), "--out", str(out)]
    started = time.monotonic()
    process = subprocess.Popen([*command, "--jobs", str(jobs), "-q"])
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.5)
    if process.returncode != 0:
        raise SystemExit(f"batch failed with exit code {process.returncode}")
    return time.monotonic() - started, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--output", type=Path, help="write the table into this Markdown file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.records // 10, args.records):
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            size = write_corpus(corpus, n)
            seconds, peak_kb = run(corpus, Path(tmp) / f"out-{n}.jsonl", args.jobs)
            rows.append((n, size, seconds, peak_kb))
            print(f"{n} records: {seconds:.1f} s, peak {peak_kb / 1024:.0f} MB", file=sys.stderr)
    import cleanarticle

    table = [
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/batch.py --records "
        f"{args.records}` on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, cleanarticle {cleanarticle.__version__}, "
        f"--jobs {args.jobs}, both passes (evidence on).",
        "",
        "| records | corpus | seconds | docs/s | peak memory (all processes) |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, size, seconds, peak_kb in rows:
        table.append(
            f"| {n:,} | {size / 1e6:.1f} MB | {seconds:.1f} | {n / seconds:,.0f} "
            f"| {peak_kb / 1024:,.0f} MB |"
        )
    growth = rows[1][3] / rows[0][3]
    table += ["", f"10x the records: {growth:.2f}x the peak memory."]
    text = "\n".join(table) + "\n"
    if args.output:
        doc = args.output.read_text("utf-8")
        start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
        head, rest = doc.split(start, 1)
        _, tail = rest.split(end, 1)
        args.output.write_text(head + start + text + end + tail, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
