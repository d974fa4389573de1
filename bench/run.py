"""The cleanarticle speed benchmark (not a test): ``python -m bench.run [--quick] [--output F]``.

Every target is a ratio of two things timed side by side in this one process, the order
alternating from round to round, and given as min–median–max over the rounds (these
machines are shared; a ratio of neighbours in time is what stays put):

- the pipeline (``cleanarticle.clean``) ÷ ``ftfy.fix_text`` on real article bodies (the
  devdata truth), on whole-page text dumps of other devdata pages (four converters in
  turn, ``bench.quality.convert``), and on a generated corpus (``bench.corpus``);
- 8× ÷ 1× a long document (1× is k distinct generated articles, 8× is 8k others);
- seconds per MB for hostile inputs built of distinct lines (``bench.pathological``),
  with ``ftfy.fix_text`` on the same input for reference;
- the HTML path (``clean`` on a page) ÷ ``trafilatura.extract`` on the same pages;
- ``cleanarticle small.txt`` as a subprocess, wall time, beside ``python -c pass``.

Fresh text for every timing: each corpus is cut into disjoint parts, one per round (and
one for the warm-up, one for each cleaner's share); the two sides of a round clean the
same part. Devdata pages serve one purpose each (body, dump or HTML), so that no timing
cleans lines another one already cleaned; the memo tables that outlive a document
(``cleanarticle.memo``, the line caches) answer only for lines the part itself repeats.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import inspect
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar

import ftfy

from bench import corpus, pathological
from bench.quality import convert, data
from cleanarticle import Cleaner, InputError, Pipeline, clean, default_pipeline

ROOT = Path(__file__).resolve().parent.parent
#: In --output, what follows this line is written by hand and kept across runs.
MARKER = "<!-- measured above by bench/run.py; written by hand below -->"
T = TypeVar("T")


@dataclass(frozen=True)
class Sizes:
    """How much a run measures."""

    rounds: int
    bodies: int  # article bodies per round
    dumps: int  # page dumps per round
    generated_mb: float  # generated corpus per round
    html: int  # HTML pages per round
    scaling: tuple[int, ...]  # k: the 1x document is k generated articles
    scaling_rounds: int
    hostile_scale: float  # 1: the sizes the inputs' names say
    hostile_rounds: int
    hostile_limit: float  # seconds: a round of a hostile input is stopped after this
    cli_runs: int
    share_docs: int  # documents of each real corpus for the cleaners' shares
    warm_docs: int


FULL = Sizes(5, 60, 70, 1.0, 30, (10, 50), 3, 1.0, 3, 60, 9, 60, 8)
QUICK = Sizes(3, 12, 10, 0.15, 6, (2,), 3, 0.05, 2, 20, 3, 12, 3)


# -- timing ------------------------------------------------------------------------------


def timed(func: Callable[[], object]) -> float:
    """Seconds ``func`` takes, after a garbage collection (not timed)."""
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def side_by_side(
    parts: Sequence[T], first: Callable[[T], object], second: Callable[[T], object]
) -> list[tuple[float, float]]:
    """Each part timed with ``first`` and ``second``; who goes first alternates."""
    out = []
    for number, part in enumerate(parts):
        if number % 2 == 0:
            a = timed(lambda part=part: first(part))
            b = timed(lambda part=part: second(part))
        else:
            b = timed(lambda part=part: second(part))
            a = timed(lambda part=part: first(part))
        out.append((a, b))
    return out


@dataclass(frozen=True)
class Range:
    """Figures over rounds (``stopped``: the last is a lower bound, its run was stopped)."""

    values: tuple[float, ...]
    stopped: bool = False

    @property
    def median(self) -> float:
        return max(self.values) if self.stopped else statistics.median(self.values)

    def show(self, digits: int = 2) -> str:
        """``0.93 (0.90–1.02)``: the median, then min–max."""
        if self.stopped:
            return f"> {self.median:.{digits}f} (stopped at the time limit)"
        low, high = min(self.values), max(self.values)
        return f"{self.median:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def ranged(values: Iterable[float]) -> Range:
    return Range(tuple(values))


FAILURES: dict[str, int] = defaultdict(int)


def clean_all(texts: Iterable[str], **options: Any) -> None:
    """``clean`` each text; a refused input or a crash is counted, the run goes on."""
    for text in texts:
        try:
            clean(text, **options)
        except InputError:
            FAILURES["refused (an input error)"] += 1
        except Exception as exc:  # a crash is a finding, not the end of the benchmark
            FAILURES[f"crashed: {type(exc).__name__}"] += 1


def fix_all(texts: Iterable[str]) -> None:
    for text in texts:
        ftfy.fix_text(text)


def megabytes(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


# -- corpora -----------------------------------------------------------------------------


@dataclass
class Corpus:
    """A corpus cut into a warm-up part, one part per round and a part for the shares."""

    name: str
    warm: list[str]
    rounds: list[list[str]]
    shares: list[str]

    def repeated(self) -> float:
        """The largest share of a timed part's lines that an earlier part holds too (page
        chrome such as "Advertisement" repeats across real pages)."""
        seen = {line.strip() for doc in self.warm for line in doc.split("\n")}
        worst = 0.0
        for part in self.rounds:
            lines = [s for doc in part for line in doc.split("\n") if (s := line.strip())]
            worst = max(worst, sum(s in seen for s in lines) / max(1, len(lines)))
            seen.update(lines)
        return worst


def cut(name: str, docs: list[str], sizes: Sizes, per_round: int) -> Corpus:
    """Consecutive, disjoint parts of ``docs`` (taken in their fixed order)."""
    warm, rest = docs[: sizes.warm_docs], docs[sizes.warm_docs :]
    timed_docs = rest[: per_round * sizes.rounds]
    rounds = [timed_docs[i :: sizes.rounds] for i in range(sizes.rounds)]
    shares = rest[per_round * sizes.rounds :][: sizes.share_docs]
    return Corpus(name, warm, rounds, shares)


@dataclass
class RealPages:
    """Devdata pages, each given one role: its body, its dump, or its HTML."""

    bodies: list[str]
    dumps: list[str]
    converters: dict[str, int]
    html: list[data.Page]


def real_pages(root: Path, sizes: Sizes, cache: Path | None) -> RealPages:
    """Pages in their fixed hash order; every fifth one for HTML, of the others with a body
    two in three for bodies and one for dumps, those without one (trafilatura's set) for
    dumps."""
    pages = sorted(data.load(root), key=data.stable_rank)
    want_html = sizes.html * sizes.rounds + 1
    want_dumps = sizes.dumps * sizes.rounds + sizes.warm_docs + sizes.share_docs
    html: list[data.Page] = []
    body_pages: list[data.Page] = []
    dump_pages: list[data.Page] = []
    with_body = 0
    for index, page in enumerate(pages):
        if index % 5 == 4:
            html.append(page)
        elif page.body and page.body.strip():
            with_body += 1
            (body_pages if with_body % 3 else dump_pages).append(page)
        else:
            dump_pages.append(page)
    dumps: list[str] = []
    converters: dict[str, int] = defaultdict(int)
    for page in dump_pages:
        if len(dumps) >= want_dumps:
            break
        converter = convert.CONVERTERS[len(dumps) % len(convert.CONVERTERS)]
        text = convert.dump(converter, page.html, page.raw, cache)
        if text.strip():
            dumps.append(text)
            converters[converter] += 1
    bodies = [p.body for p in body_pages if p.body]
    return RealPages(bodies, dumps, dict(converters), html[:want_html])


def generated(lines: pathological.Lines, sizes: Sizes) -> Corpus:
    """Generated articles: a small warm-up part, ``generated_mb`` MB a round, and a part
    for the shares, all drawn one after another from one random stream."""
    warm = list(lines.articles(0.05))
    rounds = [list(lines.articles(sizes.generated_mb)) for _ in range(sizes.rounds)]
    return Corpus("generated", warm, rounds, [])


def preload() -> list[str]:
    """Call cleanarticle's cached loaders that take no argument (a model, a trigram table:
    built once per process, on first need, which the warm-up text may not have had)."""
    loaded = []
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("cleanarticle") or module is None:
            continue
        for attr, obj in sorted(vars(module).items()):
            if getattr(obj, "__module__", None) != module_name or not hasattr(obj, "cache_info"):
                continue
            try:
                needed = [
                    p
                    for p in inspect.signature(obj).parameters.values()
                    if p.default is p.empty and p.kind is not p.VAR_POSITIONAL
                ]
            except (TypeError, ValueError):
                continue
            if not needed:
                obj()
                loaded.append(f"{module_name}.{attr}")
    return loaded


# -- the report --------------------------------------------------------------------------


@dataclass
class Target:
    what: str
    figure: Range
    limit: float
    unit: str = ""

    @property
    def met(self) -> bool:
        return self.figure.median <= self.limit

    def cells(self) -> tuple[str, ...]:
        return (
            self.what,
            f"≤ {self.limit:g}{self.unit}",
            f"{self.figure.show()}{self.unit}",
            str(len(self.figure.values)),
            "met" if self.met else "**NOT met**",
        )


@dataclass
class Report:
    lines: list[str] = dataclasses.field(default_factory=list)
    targets: list[Target] = dataclasses.field(default_factory=list)

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def table(self, head: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        self.say("| " + " | ".join(head) + " |")
        self.say("| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |")
        for row in rows:
            self.say("| " + " | ".join(str(cell) for cell in row) + " |")
        self.say()


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {message}", file=sys.stderr)


# -- the measurements --------------------------------------------------------------------


def against_ftfy(report: Report, corpora: Sequence[Corpus], limits: dict[str, float]) -> None:
    """The pipeline ÷ ftfy.fix_text on each corpus, round by round."""
    report.say("## The pipeline ÷ ftfy.fix_text")
    report.say()
    report.say(
        "`cleanarticle.clean(text, format='text')` with the default settings (the output is "
        "cleaned again until it is a fixed point) against `ftfy.fix_text(text)` on the same "
        "part; each round a part no timing cleaned before. s/MB: medians over the rounds. "
        "Repeated lines: the largest share of a round's lines that an earlier part held "
        "too (real pages share chrome lines); the memo tables can answer for those only."
    )
    report.say()
    rows = []
    for item in corpora:
        progress(f"pipeline vs ftfy: {item.name}")
        runs = side_by_side(item.rounds, lambda p: clean_all(p, format="text"), fix_all)
        sizes = [megabytes(part) for part in item.rounds]
        ratio = ranged(a / b for a, b in runs)
        pipeline = ranged(a / mb for (a, _), mb in zip(runs, sizes, strict=True))
        reference = ranged(b / mb for (_, b), mb in zip(runs, sizes, strict=True))
        docs = sum(map(len, item.rounds)) // len(item.rounds)
        rows.append(
            (
                item.name,
                f"{docs:,} docs, {statistics.median(sizes):.2f} MB",
                f"{pipeline.median:.2f}",
                f"{reference.median:.2f}",
                ratio.show(),
                f"{item.repeated():.1%}",
            )
        )
        report.targets.append(
            Target(f"pipeline ÷ ftfy.fix_text, {item.name}", ratio, limits[item.name])
        )
    head = ("corpus", "a round", "pipeline s/MB", "ftfy s/MB", "ratio", "repeated lines")
    report.table(head, rows)


def profiled_pipeline(totals: dict[str, float]) -> Pipeline:
    """The default pipeline with each cleaner wrapped in a timer."""

    def wrap(item: Cleaner) -> Cleaner:
        def run(doc, ctx):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            item.func(doc, ctx)
            totals[f"{item.code} {item.name}"] += time.perf_counter() - start

        return dataclasses.replace(item, func=run)

    return Pipeline(wrap(item) for item in default_pipeline())


def shares(report: Report, corpora: Sequence[Corpus]) -> None:
    """Each cleaner's share of the pipeline's time on each real corpus's share part."""
    columns: list[tuple[dict[str, float], float]] = []
    for item in corpora:
        progress(f"shares: {item.name}")
        totals: dict[str, float] = defaultdict(float)
        profiled = profiled_pipeline(totals)
        total = timed(
            lambda item=item, profiled=profiled: clean_all(
                item.shares, format="text", pipeline=profiled
            )
        )
        totals["parse, render, front matter, settling compare"] = total - sum(totals.values())
        columns.append((totals, total))
    report.say("## Each cleaner's share")
    report.say()
    described = ", ".join(
        f"{item.name} ({len(item.shares)} documents, {megabytes(item.shares):.2f} MB, "
        f"{total:.2f} s)"
        for item, (_, total) in zip(corpora, columns, strict=True)
    )
    report.say(
        f"Each cleaner timed inside the default pipeline, on parts of their own: {described}. "
        "The rest is what runs outside the cleaners."
    )
    report.say()
    names = sorted(columns[0][0], key=lambda n: -sum(t.get(n, 0) / s for t, s in columns))
    head = ["cleaner"] + [f"{item.name}: s (share)" for item in corpora]
    rows = [
        [name] + [f"{t.get(name, 0):.2f} ({t.get(name, 0) / s:.0%})" for t, s in columns]
        for name in names
    ]
    report.table(head, rows)


def _join(articles: Iterable[str]) -> str:
    return "\n\n".join(articles)


def scaling(report: Report, lines: pathological.Lines, sizes: Sizes) -> None:
    """8x ÷ 1x a long document of distinct generated articles, fresh ones each round."""
    report.say("## Scaling: 8× the document ÷ 1×")
    report.say()
    report.say(
        "1× is one document of k generated articles, 8× one of 8k other ones (every round "
        "draws new ones); the two are timed in alternating order. For reference, the same "
        "ratio for splitting the text into lines and joining them again (two loops in C, "
        "best of 5): the machine's own cost of larger strings."
    )
    report.say()
    rows = []
    for k in sizes.scaling:
        progress(f"scaling, k={k}")
        ratios, references, seconds, mbs = [], [], [], []
        for number in range(sizes.scaling_rounds):
            one = _join(lines.articles_count(k))
            eight = _join(lines.articles_count(8 * k))
            docs, got = (one, eight), [0.0, 0.0]
            for side in (0, 1) if number % 2 == 0 else (1, 0):
                got[side] = timed(partial(clean, docs[side]))
            t1, t8 = got
            ratios.append(t8 / t1)
            seconds.append(t1)
            mbs.append(megabytes([one]))

            def split(text: str) -> float:
                return min(timed(lambda: "\n".join(text.split("\n"))) for _ in range(5))

            references.append(split(eight) / split(one))
        ratio = ranged(ratios)
        rows.append(
            (
                f"k = {k}",
                f"{statistics.median(mbs):.2f}",
                f"{statistics.median(seconds):.3f}",
                ratio.show(1),
                ranged(references).show(1),
            )
        )
        report.targets.append(Target(f"8× ÷ 1× the document (1× = {k} articles)", ratio, 9))
    report.table(("1×", "1× MB", "1× s", "8× ÷ 1×", "split and join: 8× ÷ 1×"), rows)


#: Inputs larger than this get two rounds and no ftfy reference.
BIG = 10_000_000


class Overtime(BaseException):
    """A round ran past its time limit (a BaseException: no ``except Exception`` takes it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Overtime in the running code after ``seconds`` (SIGALRM: main thread, Unix)."""

    def stop(signum: int, frame: object) -> None:
        raise Overtime

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def hostile(report: Report, lines: pathological.Lines, sizes: Sizes) -> None:
    """Seconds per MB for each hostile input, a new one (new lines) each round."""
    report.say("## Hostile inputs, built of distinct lines")
    report.say()
    report.say(
        f"`clean(data)` on bytes, as a file is read; {sizes.hostile_rounds} rounds, each on "
        "an input built anew (no line of it was in an earlier one). ftfy: `ftfy.fix_text` "
        "on the same input decoded, timed in alternating order (where it is UTF-8 and at "
        f"most {BIG // 1_000_000} MB; larger inputs get two rounds). A round that runs "
        f"past {sizes.hostile_limit:g} s (or 3 s per MB) is stopped: the input takes more "
        "than that, and gets no more rounds."
    )
    report.say()
    rows = []
    for name, make in pathological.INPUTS.items():
        progress(f"hostile: {name}")
        per_mb, reference, sizes_mb = [], [], []
        rounds, number, stopped = sizes.hostile_rounds, 0, False
        while number < rounds:
            raw = make(lines, sizes.hostile_scale)
            if len(raw) > BIG:
                rounds = min(rounds, 2)  # a big one takes long enough to vary little
            try:
                text: str | None = raw.decode("utf-8") if len(raw) <= BIG else None
            except UnicodeDecodeError:
                text = None
            size = len(raw) / 1e6
            if number % 2 and text is not None:
                reference.append(timed(lambda text=text: ftfy.fix_text(text)) / size)
            limit = max(sizes.hostile_limit, 3 * size)  # a stop means over 1 s/MB
            try:
                with time_limit(limit):
                    per_mb.append(timed(lambda raw=raw: clean_all([raw])) / size)
            except Overtime:
                per_mb.append(limit / size)
                stopped = True
                rounds = 0  # no more rounds of this input
            if number % 2 == 0 and text is not None:
                reference.append(timed(lambda text=text: ftfy.fix_text(text)) / size)
            sizes_mb.append(size)
            number += 1
            del raw, text
        figure = Range(tuple(per_mb), stopped)
        label = pathological.label(name, sizes.hostile_scale)
        rows.append(
            (
                label,
                f"{statistics.median(sizes_mb):.2f}",
                figure.show(),
                ranged(reference).show() if reference else "—",
                "met" if figure.median <= 1 else "**NOT met**",
            )
        )
        report.targets.append(Target(f"hostile: {label}", figure, 1, " s/MB"))
    report.table(("input", "MB", "pipeline s/MB", "ftfy s/MB", "≤ 1 s/MB"), rows)
    lines.seen.clear()


def _clean_pages(pages: Sequence[data.Page]) -> None:
    for page in pages:
        clean_all([page.html], format="html", url=page.url or None)


def _trafilatura_pages(pages: Sequence[data.Page]) -> None:
    import trafilatura

    for page in pages:
        trafilatura.extract(
            page.html, output_format="markdown", with_metadata=True, url=page.url or None
        )


def html_path(report: Report, pages: list[data.Page], sizes: Sizes) -> None:
    """``clean`` on HTML pages ÷ ``trafilatura.extract`` on the same pages."""
    progress("HTML path")
    for page in pages:
        _ = page.html  # decoded before any timing
    warm, rest = pages[:1], pages[1:]
    _clean_pages(warm)
    _trafilatura_pages(warm)
    parts = [rest[i :: sizes.rounds] for i in range(sizes.rounds)]
    runs = side_by_side(parts, _clean_pages, _trafilatura_pages)
    ratio = ranged(a / b for a, b in runs)
    ours = ranged(a / len(p) for (a, _), p in zip(runs, parts, strict=True))
    theirs = ranged(b / len(p) for (_, b), p in zip(runs, parts, strict=True))
    report.say("## The HTML path ÷ trafilatura.extract")
    report.say()
    report.say(
        "`clean(html, format='html', url=...)` (trafilatura's extraction and metadata, our "
        "metadata choices, then the text pipeline) against "
        "`trafilatura.extract(html, output_format='markdown', with_metadata=True, url=...)` "
        f"on the same devdata pages, {len(parts[0])} a round, none of them used elsewhere "
        "in this run."
    )
    report.say()
    report.table(
        ("clean s/page", "trafilatura s/page", "ratio"),
        [(ours.show(3), theirs.show(3), ratio.show())],
    )
    report.targets.append(Target("HTML path ÷ trafilatura.extract", ratio, 1.2))


def _command() -> list[str]:
    """The installed ``cleanarticle`` command, else ``python -m cleanarticle``."""
    script = Path(sys.executable).parent / "cleanarticle"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleanarticle"]


def command_line(report: Report, lines: pathological.Lines, sizes: Sizes) -> None:
    """Wall time of the command on a small article, beside Python's own start-up."""
    progress("command line")
    small = corpus.article(lines.rng, paragraphs=(4, 8))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # the bytecode an installed package has (pip compiles it; an editable install writes
    # it on the first import): written once, before the timed runs, to a folder of the
    # benchmark's own, even where the environment says not to write bytecode
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "cleanarticle small.txt": [*_command(), "small.txt"],
        "python -c 'import cleanarticle.cli'": [sys.executable, "-c", "import cleanarticle.cli"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    times: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "small.txt").write_text(small, encoding="utf-8")
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder, "bytecode"))
        for command in commands.values():  # untimed: writes the bytecode
            subprocess.run(command, cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL)
        for number in range(sizes.cli_runs):
            names = list(commands)
            for name in names[number % 3 :] + names[: number % 3]:

                def run(name: str = name) -> None:
                    subprocess.run(
                        commands[name], cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL
                    )

                times[name].append(timed(run))
    report.say("## The command line")
    report.say()
    report.say(
        f"Wall time of each command as a subprocess ({sizes.cli_runs} runs each, the three "
        f"in rotating order, after one untimed run of each that writes the bytecode, as an "
        f"installed package has it); small.txt is one generated article of "
        f"{len(small.encode()):,} bytes."
    )
    report.say()
    report.table(("command", "seconds"), [(name, ranged(t).show(3)) for name, t in times.items()])
    report.targets.append(
        Target("`cleanarticle small.txt`, wall", ranged(times["cleanarticle small.txt"]), 0.2, " s")
    )


def memo_tables() -> list[tuple[str, str, str]]:
    """The module-level memo tables of cleanarticle that outlive a document and hold
    answers about text (more than 16 entries): name, kind and limit, what they hold now
    (and an lru_cache's hits and misses)."""
    from cleanarticle.memo import BoundedDict, BoundedSet

    found = []
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("cleanarticle") or module is None:
            continue
        for attr, obj in sorted(vars(module).items()):
            cached = obj
            cells = getattr(obj, "__closure__", None) or ()
            for cell in cells:  # a wrapper around an lru_cache (detect.text.short_cache)
                inner = cell.cell_contents
                if hasattr(inner, "cache_info") and not hasattr(obj, "cache_info"):
                    cached = inner
            where = f"`{module_name}.{attr}`"
            if isinstance(obj, (BoundedSet, BoundedDict)):
                found.append((where, f"{type(obj).__name__}({obj.limit:,})", f"{len(obj):,}"))
            elif getattr(obj, "__module__", None) != module_name:
                continue  # imported from elsewhere: listed where it is defined
            elif hasattr(cached, "cache_info") and cached.cache_info().currsize > 16:
                info = cached.cache_info()
                limit = "unbounded" if info.maxsize is None else f"{info.maxsize:,}"
                held = f"{info.currsize:,} (hits {info.hits:,}, misses {info.misses:,})"
                found.append((where, f"lru_cache({limit})", held))
    return found


def header(report: Report, options: argparse.Namespace, load: tuple[float, ...]) -> None:
    cpu = platform.processor() or "cpu"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        cpu = next((line.split(":", 1)[1].strip() for line in info if "model name" in line), cpu)
    versions = ", ".join(
        f"{name} {version(name)}" for name in ("cleanarticle", "ftfy", "trafilatura", "wordfreq")
    )
    args = " ".join(sys.argv[1:])
    report.say("# Performance")
    report.say()
    report.say(
        f"Measured by `python -m bench.run{' ' + args if args else ''}` on "
        f"{time.strftime('%Y-%m-%d')}: {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {versions}. Load average at the start "
        f"{' '.join(f'{x:.2f}' for x in load)} (another job may share the machine: every "
        "target is a ratio of neighbours in time, or a wall time with its range)."
    )
    report.say()


def write(path: Path, text: str) -> None:
    """``text``, then the marker and the hand-written part an earlier file had below it."""
    notes = ""
    if path.exists() and MARKER in path.read_text("utf-8"):
        notes = path.read_text("utf-8").split(MARKER, 1)[1]
    path.write_text(text + "\n" + MARKER + notes, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--output", type=Path, help="write the report to this Markdown file")
    parser.add_argument("--data", type=Path, default=data.DEFAULT_DATA, help="devdata folder")
    parser.add_argument(
        "--cache", type=Path, default=convert.default_cache(), help="converter dump cache"
    )
    parser.add_argument("--seed", type=int, default=1, help="of the generated text")
    options = parser.parse_args(argv)
    sizes = QUICK if options.quick else FULL
    start, load = time.perf_counter(), os.getloadavg()
    head, body = Report(), Report()
    header(head, options, load)
    if not options.data.is_dir():
        sys.exit(f"error: no devdata at {options.data}; pass --data DIR")

    progress("loading pages and converting dumps")
    lines = pathological.Lines(random.Random(options.seed))
    real = real_pages(options.data, sizes, options.cache)
    bodies = cut("article bodies", real.bodies, sizes, sizes.bodies)
    dumps = cut("page dumps", real.dumps, sizes, sizes.dumps)
    made = generated(lines, sizes)
    progress("warm-up")
    for item in (bodies, dumps, made):
        clean_all(item.warm, format="text")
        fix_all(item.warm)
    loaded = preload()
    limits = {bodies.name: 1.0, dumps.name: 1.0, made.name: 0.5}
    against_ftfy(body, (bodies, dumps, made), limits)
    converters = ", ".join(f"{n} {c}" for n, c in sorted(real.converters.items()))
    body.say(
        "Article bodies: the devdata truth texts (WCXB and Readability pages). Page dumps: "
        f"the whole text of other pages as scrapers dump it ({converters}). Generated: "
        "`bench.corpus` articles (Zipf-weighted wordfreq words, made-up names, numbers). "
        "Before any timing, the warm-up parts are cleaned and fixed, and the loaders "
        f"cleanarticle caches for the process are called ({len(loaded)}: "
        f"{', '.join(f'`{name}`' for name in loaded)})."
    )
    body.say()
    shares(body, (bodies, dumps))
    scaling(body, lines, sizes)
    hostile(body, lines, sizes)
    html_path(body, real.html, sizes)
    command_line(body, lines, sizes)

    body.say("## Memo tables that outlive a document")
    body.say()
    body.say(
        "Module-level tables of cleanarticle (what they hold at the end of this run). They "
        "remember answers by line or by word across documents; no timing above cleaned a "
        "line an earlier one cleaned, except lines its part shares with others (see "
        "repeated lines)."
    )
    body.say()
    body.table(("table", "kind", "entries at the end"), memo_tables())
    failures = ", ".join(f"{what}: {n}" for what, n in sorted(FAILURES.items())) or "none"
    body.say(
        f"Documents refused or crashed over the run: {failures}. Whole run: "
        f"{time.perf_counter() - start:.0f} s; load average at the end "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}."
    )

    head.say("## Targets")
    head.say()
    head.say(
        "Median over the rounds, then min–max; a target is met when the median is. The "
        "sections below give each side's own speed."
    )
    head.say()
    head.table(
        ("target", "limit", "measured", "rounds", "verdict"),
        [target.cells() for target in body.targets],
    )
    text = "\n".join(head.lines + body.lines)
    if options.output:
        write(options.output, text)


if __name__ == "__main__":
    main()
