"""Batch benchmark: throughput per core, flat memory, and the datatrove step beside batch.

    python -m bench.batch                      # 10,000 and 100,000 records (~10 minutes)
    python -m bench.batch --output docs/batch.md
    python -m bench.batch --quick              # a smoke run: 2,000 and 4,000 records

The corpus is ``bench.corpus.records(n, seed=1, paragraphs=(3, 8))``: generated articles
with a Zipf vocabulary of 40,000 wordfreq words, made-up names and numbers, written as
two JSONL shards (the first half and the second half), the same bytes on every run. Each
run is the real command in a child process, with a fresh output directory, while the
resident memory of its whole process tree is sampled from /proc:

- ``batch --jobs 1`` and ``--jobs 2`` on ``--records`` records (both passes: the corpus
  evidence is counted, then every document is cleaned with it);
- ``batch --jobs 2 --evidence FILE`` and the datatrove step (``CleanArticle(evidence=
  FILE)`` between datatrove's ``JsonlReader`` and ``JsonlWriter``, ``LocalPipelineExecutor``
  with tasks=2, workers=2) on the same records and the same saved evidence, so both do
  the same work: one pass, each document cleaned and checked for stability;
- ``batch --jobs 2`` on ``--memory-records`` records, for the peak memory against the
  ``--records`` run's: with both passes (the corpus evidence, and so the memory that
  holds it, grows with the corpus) and with the smaller corpus's evidence file (what the
  streaming itself costs: it should not grow).

The table (machine, load average before each run) is printed, or written into the
marked block of ``--output``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.metadata
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import records
from cleanarticle.evidence import Evidence

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPHS = (3, 8)
SEED = 1
TASKS = WORKERS = 2
SAMPLE_EVERY = 0.25  # seconds between memory samples


def write_corpus(folder: Path, count: int) -> list[Path]:
    """The first ``count`` records as two JSONL shards (first half, second half)."""
    folder.mkdir(parents=True)
    shards = [folder / "shard-0.jsonl", folder / "shard-1.jsonl"]
    half = count // 2
    handles = [shard.open("w", encoding="utf-8") for shard in shards]
    try:
        for number, record in enumerate(records(count, SEED, paragraphs=PARAGRAPHS)):
            handles[number >= half].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return shards


def _stats() -> dict[int, list[str]]:
    """Every process's /proc/PID/stat fields after its name (state, ppid, ...)."""
    found: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                found[int(entry)] = (
                    Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                )
            except (OSError, IndexError):
                continue
    return found


def _family(root: int, stats: dict[int, list[str]]) -> set[int]:
    """``root`` and all its descendants."""
    parents = {pid: int(fields[1]) for pid, fields in stats.items()}
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    return family


def tree_rss_kb(root: int, family: set[int] | None = None) -> int:
    """Resident memory of ``root`` and all its descendants (from /proc)."""
    total = 0
    for pid in family if family is not None else _family(root, _stats()):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def tree_cpu(root: int, stats: dict[int, list[str]], seen: dict[tuple[int, str], int]) -> None:
    """Record the CPU ticks (user + system) of each process of the tree in ``seen``, by
    (pid, start time): their sum at the end is the CPU time of processes that were not
    waited for (datatrove's forkserver workers), up to the last sample of each."""
    for pid in _family(root, stats):
        fields = stats.get(pid)
        if fields is not None and len(fields) > 19:
            seen[(pid, fields[19])] = int(fields[11]) + int(fields[12])


@dataclass
class Run:
    """One measured run."""

    label: str
    records: int
    corpus_bytes: int
    seconds: float
    cpu: float  # user + system seconds of the whole process tree
    peak_kb: int
    load: float  # 1-minute load average just before the run
    cores: int  # processes cleaning

    @property
    def rate(self) -> float:
        return self.records / self.seconds

    @property
    def cpu_rate(self) -> float:
        """Documents per CPU-second: what a core does, whatever else shares the cores."""
        return self.records / self.cpu


def _env() -> dict[str, str]:
    """The environment of a child: this checkout's cleanarticle and bench come first."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], log: Path) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds and peak memory (KB) of a command's process tree;
    its output goes to ``log``. The CPU time is what the tree's waited-for processes
    used (rusage), or the sum of the samples from /proc when that is more (processes
    that were not waited for)."""
    ticks: dict[tuple[int, str], int] = {}
    with log.open("wb") as output:
        cpu = _children_cpu()
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=output, stderr=output, env=_env())
        peak = 0
        while process.poll() is None:
            stats = _stats()
            tree_cpu(process.pid, stats, ticks)
            peak = max(peak, tree_rss_kb(process.pid, _family(process.pid, stats)))
            time.sleep(SAMPLE_EVERY)
        seconds = time.monotonic() - started
        sampled = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
        cpu = max(_children_cpu() - cpu, sampled)
    if process.returncode not in (0, 1, 123):  # batch: some documents failed (listed)
        tail = log.read_text("utf-8", errors="replace")[-2000:]
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    return seconds, cpu, peak


def batch(shards: list[Path], out: Path, jobs: int, *extra: str) -> list[str]:
    """The command line of a batch run."""
    inputs = [str(shard) for shard in shards]
    command = ["batch", *inputs, "--out", str(out), "--jobs", str(jobs), "-q", *extra]
    return [sys.executable, "-m", "cleanarticle", *command]


def datatrove(shards: list[Path], out: Path, evidence: Path, start: str) -> list[str]:
    """The command line of a datatrove run (this module, in a child process)."""
    folder = shards[0].parent
    child = [str(folder), str(out / "out"), str(out / "logs"), str(evidence), start]
    return [sys.executable, "-m", "bench.batch", "--datatrove-child", *child]


def run_datatrove(folder: str, out: str, logs: str, evidence: str, start: str) -> None:
    """The datatrove pipeline the benchmark measures (run in a child process); ``start``
    is how the executor starts its workers (its default is ``forkserver``)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanarticle.integrations.datatrove import CleanArticle

    LocalPipelineExecutor(
        [
            JsonlReader(folder),
            CleanArticle(evidence=evidence),
            JsonlWriter(out, output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=TASKS,
        workers=WORKERS,
        logging_dir=logs,
        start_method=start,
    ).run()


def failures(out: Path) -> dict[str, str]:
    """The documents a batch output lists as failed: id -> error."""
    return {str(r["id"]): str(r["error"]) for r in read_lines([out]) if "error" in r}


def read_lines(paths: list[Path]) -> list[dict[str, object]]:
    found = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            found.extend(json.loads(line) for line in handle)
    return found


class Bench:
    """Runs commands in fresh directories and keeps what they measured."""

    def __init__(self, scratch: Path, repeat: int) -> None:
        self.scratch = scratch
        self.repeat = repeat
        self.runs: list[Run] = []
        self.count = 0

    def fresh(self, name: str) -> Path:
        """A directory no earlier run has used."""
        self.count += 1
        path = self.scratch / f"run-{self.count:03d}-{name}"
        path.mkdir()
        return path

    def time(
        self,
        label: str,
        shards: list[Path],
        cores: int,
        command: Callable[[Path], list[str]],
        repeat: int | None = None,
    ) -> tuple[Run, Path]:
        """The best of ``repeat`` runs of ``command(fresh directory)``, and its directory."""
        count = sum(1 for shard in shards for _ in shard.open("rb"))
        size = sum(shard.stat().st_size for shard in shards)
        best: tuple[Run, Path] | None = None
        for _ in range(repeat or self.repeat):
            where = self.fresh(label.split()[0])
            load = os.getloadavg()[0]
            seconds, cpu, peak = measure(command(where), where / "log.txt")
            run = Run(label, count, size, seconds, cpu, peak, load, cores)
            print(
                f"{label}, {count:,} records: {seconds:.1f} s, {run.rate:,.0f} docs/s, "
                f"{cpu:.1f} CPU s, peak {peak / 1024:,.0f} MB (load before: {load:.2f})",
                file=sys.stderr,
            )
            if best is None or run.seconds < best[0].seconds:
                best = (run, where)
        assert best is not None
        self.runs.append(best[0])
        return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="for the throughput runs")
    parser.add_argument(
        "--memory-records",
        type=int,
        default=None,
        help="for the second memory run (default: 10 x --records)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2,000 and 4,000")
    parser.add_argument("--repeat", type=int, default=1, help="throughput runs: the best of N")
    parser.add_argument("--output", type=Path, help="write the table into this Markdown file")
    parser.add_argument("--datatrove-child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.output and "<!-- bench:start -->" not in _read(args.output):
        parser.error(f"{args.output}: no '<!-- bench:start -->' marker to write the table under")
    if args.datatrove_child:
        run_datatrove(*args.datatrove_child)
        return
    if args.quick:
        args.records, args.memory_records = 2_000, 4_000
    small, large = args.records, args.memory_records or 10 * args.records
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        bench = Bench(Path(tmp), args.repeat)
        shards = write_corpus(bench.scratch / "corpus", small)
        for jobs in (1, 2):
            command = functools.partial(lambda w, j: batch(shards, w / "out.jsonl", j), j=jobs)
            bench.time(f"batch --jobs {jobs}", shards, jobs, command)
        evidence = bench.scratch / "corpus.cae"
        build = [sys.executable, "-m", "cleanarticle", "evidence", "build", *map(str, shards)]
        built, _, _ = measure([*build, "-o", str(evidence), "-j", "2"], bench.scratch / "ev.log")
        with_file, where = bench.time(
            "batch --jobs 2 --evidence FILE",
            shards,
            2,
            lambda w: batch(shards, w / "out.jsonl", 2, "--evidence", str(evidence)),
        )
        failed = failures(where / "out.jsonl")
        cleaned = small - len(failed)
        steps = []
        for start in ("forkserver", "fork"):
            step, where = bench.time(
                f"datatrove step, tasks={TASKS} workers={WORKERS}, {start}",
                shards,
                WORKERS,
                lambda w, s=start: datatrove(shards, w, evidence, s),
            )
            steps.append(step)
            kept = len(read_lines(sorted((where / "out").glob("*.jsonl"))))
            if kept != cleaned:
                raise SystemExit(f"datatrove kept {kept:,} documents, batch cleaned {cleaned:,}")
        big = write_corpus(bench.scratch / "corpus-large", large)
        both, where = bench.time(
            "batch --jobs 2",
            big,
            2,
            lambda w: batch(big, w / "out.jsonl", 2, "--save-evidence", str(w / "ev.cae")),
            repeat=1,
        )
        failed_large = failures(where / "out.jsonl")
        words = (len(Evidence.load(evidence)), len(Evidence.load(where / "ev.cae")))
        fixed, _ = bench.time(
            "batch --jobs 2 --evidence FILE",
            big,
            2,
            lambda w: batch(big, w / "out.jsonl", 2, "--evidence", str(evidence)),
            repeat=1,
        )
    for ident, error in {**failed, **failed_large}.items():
        print(f"failed: {ident}: {error}", file=sys.stderr)
    facts = Facts(
        load_start, built, with_file, steps, (len(failed), len(failed_large)), words, both, fixed
    )
    text = table(bench.runs, args, facts)
    if args.output:
        doc = args.output.read_text("utf-8")
        start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
        head, rest = doc.split(start, 1)
        _, tail = rest.split(end, 1)
        args.output.write_text(head + start + text + end + tail, "utf-8")
    print(text)


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError:
        return ""


def _versions() -> str:
    import cleanarticle

    found = [f"Python {platform.python_version()}", f"cleanarticle {cleanarticle.__version__}"]
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        found.append(f"datatrove {importlib.metadata.version('datatrove')}")
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        found.append(f"commit {commit}")
    except (OSError, subprocess.CalledProcessError):
        pass
    return ", ".join(found)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


@dataclass
class Facts:
    """What the table says besides its rows."""

    load_start: tuple[float, float, float]
    built: float  # seconds to build the saved evidence
    with_file: Run  # batch --jobs 2 --evidence FILE on the small corpus
    steps: list[Run]  # the datatrove step: forkserver, fork
    failed: tuple[int, int]  # failed documents in the small and the large corpus
    words: tuple[int, int]  # words in the small and the large corpus's evidence
    both: Run  # batch --jobs 2 on the large corpus, both passes
    fixed: Run  # batch --jobs 2 on the large corpus with the small corpus's evidence


def table(runs: list[Run], args: argparse.Namespace, facts: Facts) -> str:
    """The Markdown the benchmark prints (and writes into ``--output``)."""
    load_start, built, with_file = facts.load_start, facts.built, facts.with_file
    command = "python -m bench.batch" + (" --quick" if args.quick else "")
    if not args.quick:
        command += f" --records {args.records}"
        if args.memory_records:
            command += f" --memory-records {args.memory_records}"
    if args.repeat > 1:
        command += f" --repeat {args.repeat}"
    first = runs[1]  # batch --jobs 2 on the small corpus
    end = os.getloadavg()
    out = [
        f"Measured {time.strftime('%Y-%m-%d')} with `{command}` on {platform.machine()}, "
        f"{os.cpu_count()} cores ({_cpu()}), {_versions()}. Load average (1, 5, 15 min): "
        f"{_loads(load_start)} at the start, {_loads(end)} at the end (another process may "
        "share the cores: the 1-minute load before each run is in the table).",
        "",
        f"Records: `bench.corpus.records(n, seed={SEED}, paragraphs={PARAGRAPHS})`, "
        f"{first.corpus_bytes / first.records / 1000:.1f} KB of JSONL each, in two shards. "
        "Evidence is on in every run: batch counts it in a first pass; the `--evidence "
        "FILE` run and the datatrove step read the same saved file (built in "
        f"{built:.1f} s by `cleanarticle evidence build -j 2`, not in their seconds). "
        "Every document is checked for stability (no `--fast`). Seconds are wall-clock, "
        "from process start to exit"
        + (f"; throughput runs are the best of {args.repeat}." if args.repeat > 1 else "."),
        "",
        "| run | records | corpus | load | seconds | docs/s | docs/s per core | CPU s "
        "| docs per CPU s | peak memory (all processes) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        out.append(
            f"| {run.label} | {run.records:,} | {run.corpus_bytes / 1e6:.1f} MB "
            f"| {run.load:.2f} | {run.seconds:.1f} | {run.rate:,.0f} "
            f"| {run.rate / run.cores:,.0f} | {run.cpu:.1f} | {run.cpu_rate:,.0f} "
            f"| {run.peak_kb / 1024:,.0f} MB |"
        )
    default, forked = facts.steps
    failed, words, scale = facts.failed, facts.words, facts.both.records // first.records
    out += [
        "",
        "The datatrove step against `batch --jobs 2 --evidence FILE`: "
        f"{default.rate / with_file.rate:.2f}x the docs/s with the executor's default "
        f"start method (forkserver; the target: 0.90x or more), "
        f'{forked.rate / with_file.rate:.2f}x with `start_method="fork"`; '
        f"{default.cpu_rate / with_file.cpu_rate:.2f}x and "
        f"{forked.cpu_rate / with_file.cpu_rate:.2f}x the docs per CPU-second. Each kept "
        f"the {first.records - failed[0]:,} documents batch cleaned. Failed documents "
        f"(listed by batch, dropped by the step): {failed[0]:,} of {first.records:,}, "
        f"{failed[1]:,} of {facts.both.records:,}.",
        "",
        f"{scale}x the records, `batch --jobs 2` with both passes: "
        f"{facts.both.peak_kb / first.peak_kb:.2f}x the peak memory, as the corpus "
        f"evidence grows from {words[0]:,} to {words[1]:,} words (held by the parent "
        f"and each worker); with the same evidence file (the {first.records:,} records'): "
        f"{facts.fixed.peak_kb / with_file.peak_kb:.2f}x.",
    ]
    return "\n".join(out) + "\n"


def _loads(loads: tuple[float, ...]) -> str:
    return ", ".join(f"{x:.2f}" for x in loads)


if __name__ == "__main__":
    main()
