"""Figures from per-document results, the Markdown table, and the floors CI keeps."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.quality import score
from bench.quality.evaluate import DocResult

DUMP_FIGURES = (
    "raw_f1",
    "f1",
    "precision",
    "recall",
    "kept",
    "without_gone",
    "with_kept",
    "title",
    "authors",
    "no_invented",
    "date",
    "title_shown",
    "authors_shown",
    "date_shown",
    "stable",
    "ms",
    "crashes",
)
#: The HTML rows have no dump of their own to keep from or to clean again.
HTML_FIGURES = tuple(
    f for f in DUMP_FIGURES if f not in ("raw_f1", "kept", "stable") and not f.endswith("_shown")
)
CONTROL_FIGURES = ("clean", "articles", "false", "strict", "strict_false", "ms", "crashes")
#: Figures that are timings, counts or the input's own: reported, never gated.
UNGATED = frozenset({"ms", "articles", "false", "strict_false", "raw_f1", "crashes"})
#: Rows that measure another tool: reported beside ours, never gated.
REFERENCE_ROWS = frozenset({"trafilatura"})


def _mean(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def figures(results: Iterable[DocResult]) -> dict[str, float | None]:
    results = list(results)
    out: dict[str, float | None] = {}
    matches = [r.match for r in results if r.match is not None]
    if matches:
        summary = score.summarise(matches)
        out.update(
            f1=summary.f1, precision=summary.precision, recall=summary.recall, kept=summary.kept
        )
    raws = [r.raw for r in results if r.raw is not None]
    if raws:
        out["raw_f1"] = score.summarise(raws).f1
    found = sum(r.without_found for r in results)
    out["without_gone"] = 1 - sum(r.without_left for r in results) / found if found else None
    found = sum(r.with_found for r in results)
    out["with_kept"] = sum(r.with_kept for r in results) / found if found else None
    out["title"] = _mean([r.title for r in results if r.title is not None])
    out["authors"] = _mean([r.authors for r in results if r.authors is not None])
    out["no_invented"] = _mean([not r.invented for r in results if r.invented is not None])
    out["date"] = _mean([r.date for r in results if r.date is not None])
    for name in ("title_shown", "authors_shown", "date_shown"):
        out[name] = _mean([v for r in results if (v := getattr(r, name)) is not None])
    out["stable"] = _mean([r.stable for r in results if r.stable is not None])
    controls = [r.control_ok for r in results if r.control_ok is not None]
    if controls:
        out["clean"] = _mean(controls)
        out["articles"] = len(controls)
        out["false"] = controls.count(False)
        strict = [r.control_strict for r in results if r.control_strict is not None]
        out["strict"] = _mean(strict)
        out["strict_false"] = strict.count(False)
    out["crashes"] = sum(r.crashed for r in results)
    out["ms"] = 1000 * sum(r.seconds for r in results) / len(results) if results else None
    return out


def table_figures(results: list[DocResult]) -> dict[str, dict[str, dict[str, float | None]]]:
    """{row: {set: figures}}, with an ``all`` set per row."""
    by: dict[str, dict[str, list[DocResult]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        name = r.page.split("/", 1)[0]
        by[r.row][name].append(r)
        by[r.row]["all"].append(r)
    return {row: {s: figures(rs) for s, rs in sets.items()} for row, sets in by.items()}


def flat(table: dict[str, dict[str, dict[str, float | None]]]) -> dict[str, float]:
    """``set/row/figure`` -> value, for the gate (only the gated figures with a value)."""
    return {
        f"{s}/{row}/{k}": round(v, 4)
        for row, sets in table.items()
        for s, figs in sets.items()
        for k, v in figs.items()
        if v is not None and k not in UNGATED and row not in REFERENCE_ROWS
    }


def _cell(value: float | None, key: str) -> str:
    if value is None:
        return "–"
    if key == "ms":
        return f"{value:.0f}"
    if key in ("articles", "false", "strict_false", "crashes"):
        return str(int(value))
    return f"{value:.3f}"


def markdown_table(
    table: dict[str, dict[str, dict[str, float | None]]], rows: list[str], keys: tuple[str, ...]
) -> str:
    lines = [
        "| set | row | " + " | ".join(keys) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in keys) + " |",
    ]
    order = ["wcxb", "readability", "trafilatura", "all"]
    for row in rows:
        for s in order:
            figs = table.get(row, {}).get(s)
            if figs:
                lines.append(
                    f"| {s} | {row} | " + " | ".join(_cell(figs.get(k), k) for k in keys) + " |"
                )
    return "\n".join(lines)


def false_edit_codes(results: list[DocResult]) -> dict[str, Counter[str]]:
    """Per control row: how many failing articles had edits of each cleaner code."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        if r.control_ok is False:
            out[r.row].update(set(r.codes) or {"(none)"})
    return out


# Floors -------------------------------------------------------------------------------------


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def gate(values: dict[str, float], floors: dict[str, float]) -> list[str]:
    """The figures below their floor, as lines to print (empty: the gate passes)."""
    failed = []
    for key, floor in sorted(floors.items()):
        value = values.get(key)
        if value is None:
            failed.append(f"{key}: missing (floor {floor:.4f})")
        elif value + 1e-9 < floor:
            failed.append(f"{key}: {value:.4f} is below its floor {floor:.4f}")
    return failed


def updated_floors(
    values: dict[str, float], floors: dict[str, float], allow_regression: bool
) -> tuple[dict[str, float], list[str]]:
    """Floors raised to the values (rounded down); lowered only with ``allow_regression``."""
    new = dict(floors)
    refused = []
    for key, value in values.items():
        down = math.floor(value * 1000) / 1000
        old = floors.get(key)
        if old is None or down >= old or allow_regression:
            new[key] = down
        else:
            refused.append(f"{key}: {value:.4f} < floor {old:.4f} (kept; --allow-regression)")
    return dict(sorted(new.items())), refused


def worst(results: list[DocResult], row: str, count: int) -> list[str]:
    """The worst documents of a row, one line each, for a developer to open."""
    rows = [r for r in results if r.row == row]
    lines = []
    if any(r.control_ok is not None for r in rows):
        for r in (r for r in rows if r.control_ok is False):
            lines.append(f"{r.page} ({r.site}): {r.why} [{', '.join(sorted(set(r.codes)))}]")
        return lines[:count]

    def key(r: DocResult) -> tuple[float, str]:
        if r.match is None:
            return (2.0, r.page)
        p = r.match.precision or 0.0
        f = 2 * p * r.match.recall / (p + r.match.recall) if p + r.match.recall else 0.0
        return (f, r.page)

    for r in sorted(rows, key=key)[:count]:
        m = r.match
        parts = [f"{r.page} ({r.site})"]
        if m is not None:
            parts.append(
                f"P={m.precision or 0:.2f} R={m.recall:.2f}"
                + (f" kept={m.kept / m.available:.2f}" if m.available else "")
            )
        if r.without_left:
            parts.append(f"junk snippets left {r.without_left}/{r.without_found}")
        miss = [k for k in ("title", "authors", "date") if getattr(r, k) is False]
        if r.stable is False:
            parts.append("NOT STABLE (cleaning the output again changes it)")
        if r.invented:
            miss.append("invented authors")
        if miss:
            parts.append("missed " + ", ".join(miss) + f" (found {r.found})")
        lines.append("  ".join(parts))
    return lines


def to_json(table: dict[str, Any], meta: dict[str, Any]) -> str:
    return json.dumps({"meta": meta, "figures": table}, indent=1, sort_keys=True)
