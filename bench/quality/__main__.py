"""The quality benchmark (not a test): ``python -m bench.quality [--sample] [--gate]``.

Every devdata page is turned into text by four scrapers' converters, cleaned, and scored
against the page's article text and metadata; the article texts themselves are cleaned as
clean controls; and the HTML path is scored beside ``trafilatura.extract``. See
docs/quality.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from bench.quality import data, report
from bench.quality.convert import CONVERTERS, default_cache
from bench.quality.evaluate import DocResult, evaluate

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "bench" / "quality-floors.json"
#: The fixed sample CI gates on: the first pages of each set in hash order, one per site.
SAMPLE = {"wcxb": 80, "readability": 30, "trafilatura": 60}
PARTS = ("dumps", "controls", "html")
MARKER = "<!-- measured above by bench/quality; written by hand below -->"


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=data.DEFAULT_DATA,
        help="the devdata folder (default: ../shared/devdata)",
    )
    parser.add_argument("--sets", default=",".join(data.SETS), help="comma-separated sets")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help="comma-separated: dumps, controls, html (default: all)",
    )
    parser.add_argument("--converters", default=",".join(CONVERTERS))
    pick = parser.add_mutually_exclusive_group()
    pick.add_argument(
        "--sample",
        action="store_true",
        help=f"the fixed sample CI gates on ({sum(SAMPLE.values())} pages)",
    )
    pick.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--cache",
        type=Path,
        default=default_cache(),
        help="where converter dumps are kept (default: %(default)s)",
    )
    parser.add_argument("--no-cache", action="store_true", help="convert every page afresh")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--output", type=Path, help="write the tables to this Markdown file")
    parser.add_argument(
        "--gate",
        action="store_true",
        help="exit 1 when a figure is below its floor in bench/quality-floors.json",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="raise the floors to this run's figures (never lowers one)",
    )
    parser.add_argument(
        "--allow-regression", action="store_true", help="with --update: lower floors too"
    )
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument(
        "--show-failures",
        metavar="ROW",
        help="print the worst documents of a row (e.g. html-text, control, html)",
    )
    parser.add_argument("--count", type=int, default=20, help="how many, with --show-failures")
    options = parser.parse_args(argv)
    if (options.gate or options.update) and options.limit:
        parser.error("--gate and --update need the full run or --sample, not --limit")
    return options


def _pages(options: argparse.Namespace) -> list[data.Page]:
    sets = tuple(s for s in options.sets.split(",") if s)
    unknown = set(sets) - set(data.SETS)
    if unknown:
        sys.exit(f"error: unknown set {sorted(unknown)[0]!r}; sets are {', '.join(data.SETS)}")
    if not options.data.is_dir():
        sys.exit(f"error: no devdata at {options.data}; pass --data DIR")
    pages = data.load(options.data, sets)
    if options.sample:
        pages = data.sample(pages, {s: n for s, n in SAMPLE.items() if s in sets})
    elif options.limit:
        pages = [p for s in sets for p in [p for p in pages if p.set == s][: options.limit]]
    return pages


def _work(args: tuple[data.Page, Path | None, frozenset[str], tuple[str, ...]]) -> list[DocResult]:
    page, cache, parts, converters = args
    return evaluate(page, cache, parts, converters)


def run(options: argparse.Namespace) -> list[DocResult]:
    pages = _pages(options)
    parts = frozenset(p for p in options.parts.split(",") if p)
    converters = tuple(c for c in options.converters.split(",") if c)
    cache = None if options.no_cache else options.cache
    jobs = [(page, cache, parts, converters) for page in pages]
    results: list[DocResult] = []
    start = time.monotonic()
    with ProcessPoolExecutor(max(1, options.jobs)) as pool:
        for done, found in enumerate(pool.map(_work, jobs, chunksize=2), 1):
            results.extend(found)
            if sys.stderr.isatty() or done % 50 == 0 or done == len(jobs):
                print(
                    f"\r{done}/{len(jobs)} pages, {time.monotonic() - start:.0f} s",
                    end="" if sys.stderr.isatty() and done < len(jobs) else "\n",
                    file=sys.stderr,
                    flush=True,
                )
    return results


def _meta(options: argparse.Namespace, pages: int, seconds: float) -> dict[str, object]:
    names = (
        "cleanarticle",
        "trafilatura",
        "html-text",
        "inscriptis",
        "html2text",
        "beautifulsoup4",
        "ftfy",
    )
    return {
        "date": dt.date.today().isoformat(),
        "command": "python -m bench.quality " + " ".join(sys.argv[1:]),
        "pages": pages,
        "scope": _scope(options),
        "seconds": round(seconds),
        "python": platform.python_version(),
        "versions": {n: version(n) for n in names},
    }


def _scope(options: argparse.Namespace) -> str:
    return "sample" if options.sample else "limit" if options.limit else "full"


def _section(title: str, table: dict, rows: list[str], keys: tuple[str, ...]) -> list[str]:
    return [f"## {title}", "", report.markdown_table(table, rows, keys), ""]


def render(table: dict, results: list[DocResult], meta: dict) -> str:
    rows_dump = [c for c in CONVERTERS if c in table]
    versions = ", ".join(f"{k} {v}" for k, v in meta["versions"].items())
    parts = [
        "# Cleaning quality on real pages",
        "",
        f"Measured {meta['date']} on {meta['pages']} pages ({meta['scope']}), "
        f"Python {meta['python']}, {versions}; {meta['seconds']} s.",
        "",
        f"Command: `{meta['command']}`",
        "",
    ]
    if rows_dump:
        parts += _section("Text dumps", table, rows_dump, report.DUMP_FIGURES)
    controls = [r for r in ("control", "control-wrapped") if r in table]
    if controls:
        parts += _section("Clean controls", table, controls, report.CONTROL_FIGURES)
        for row, codes in sorted(report.false_edit_codes(results).items()):
            listed = ", ".join(f"{code} {n}" for code, n in codes.most_common())
            parts.append(
                f"- {row}: articles with a false edit, by the codes that edited them: {listed}"
            )
        parts.append("")
    html = [r for r in ("html", "trafilatura") if r in table]
    if html:
        parts += _section("HTML pages", table, html, report.HTML_FIGURES)
    return "\n".join(parts)


def _write(path: Path, text: str) -> None:
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if MARKER in old:
            kept = old[old.index(MARKER) + len(MARKER) :]
    path.write_text(text + "\n" + MARKER + kept, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    start = time.monotonic()
    results = run(options)
    pages = len({r.page for r in results})
    table = report.table_figures(results)
    meta = _meta(options, pages, time.monotonic() - start)
    if options.show_failures:
        for line in report.worst(results, options.show_failures, options.count):
            print(line)
        return 0
    print(report.to_json(table, meta) if options.json else render(table, results, meta))
    if options.output:
        _write(options.output, render(table, results, meta))
    status = 0
    values = report.flat(table)
    all_floors = report.load_floors(options.floors)
    scope = _scope(options)
    if options.gate:
        failed = report.gate(values, all_floors.get(scope, {}))
        for line in failed:
            print(f"quality gate: {line}", file=sys.stderr)
        floors = len(all_floors.get(scope, {}))
        verdict = (
            f"{len(failed)} of {floors} figures below their floors"
            if failed
            else f"all {floors} figures at or above their floors"
        )
        print(f"quality gate ({scope}): {verdict}", file=sys.stderr)
        status = 1 if failed else 0
    if options.update:
        new, refused = report.updated_floors(
            values, all_floors.get(scope, {}), options.allow_regression
        )
        for line in refused:
            print(f"not lowered: {line}", file=sys.stderr)
        all_floors[scope] = new
        options.floors.write_text(report.json.dumps(all_floors, indent=1, sort_keys=True) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
