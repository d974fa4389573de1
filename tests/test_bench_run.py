"""The speed benchmark's own machinery (bench/run.py, bench/pathological.py): fresh text for
every timing, deterministic inputs of distinct lines, the report file. No timing here."""

from __future__ import annotations

import random
from pathlib import Path

from bench import pathological, run


def _lines(data: bytes, sep: bytes) -> list[bytes]:
    return [line for line in data.split(sep) if line.strip()]


def test_hostile_inputs_are_deterministic() -> None:
    for name in ("title-like lines", "URL lines", "one-word lines", "mojibake articles (1 MB)"):
        make = pathological.INPUTS[name]
        first = make(pathological.Lines(random.Random(3)), 0.002)
        again = make(pathological.Lines(random.Random(3)), 0.002)
        assert first == again, name


def test_no_line_comes_twice_in_one_source() -> None:
    lines = pathological.Lines(random.Random(1))
    seen: set[bytes] = set()
    for name, sep in (
        ("one-word lines", b"\n"),
        ("one-word paragraphs", b"\n\n"),
        ("title-like lines", b"\n\n"),
        ("URL lines", b"\n"),
        ("title-like lines", b"\n\n"),  # a second round of the same input
    ):
        got = [line.strip() for line in _lines(pathological.INPUTS[name](lines, 0.005), sep)]
        assert len(got) == len(set(got)), name
        assert not seen & set(got), name
        seen |= set(got)


def test_labels_give_the_count() -> None:
    assert pathological.label("title-like lines", 1) == "100,000 distinct title-like lines"
    assert pathological.label("dots (1 MB)", 0.5) == "dots (1 MB), scaled ×0.5"


def test_corpus_parts_are_disjoint() -> None:
    docs = [f"document {i}\n" for i in range(100)]
    sizes = run.QUICK
    item = run.cut("test", docs, sizes, per_round=10)
    parts = [item.warm, *item.rounds, item.shares]
    flat = [doc for part in parts for doc in part]
    assert len(flat) == len(set(flat))
    assert [len(part) for part in item.rounds] == [10] * sizes.rounds
    assert item.repeated() == 0.0


def test_ranges_and_targets() -> None:
    figure = run.Range((1.0, 3.0, 2.0))
    assert figure.show() == "2.00 (1.00–3.00)"
    assert run.Target("t", figure, 2).met
    stopped = run.Range((4.0,), stopped=True)
    assert stopped.show().startswith("> 4.00")
    assert not run.Target("t", stopped, 1).met


def test_the_report_keeps_the_hand_written_part(tmp_path: Path) -> None:
    path = tmp_path / "performance.md"
    path.write_text(f"old figures\n{run.MARKER}\nnotes by hand\n", encoding="utf-8")
    run.write(path, "new figures")
    assert path.read_text(encoding="utf-8") == f"new figures\n{run.MARKER}\nnotes by hand\n"
