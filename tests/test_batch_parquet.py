"""``cleanarticle batch`` with Parquet files: rows in as JSONL records, results out."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleanarticle import clean, cli_batch
from cleanarticle.batch import Result, read_records
from cleanarticle.parquet import COLUMNS, PYARROW_MISSING
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "fixtures" / "html"
NEEDS_PYARROW = "pyarrow is not installed (pip install 'cleanarticle[parquet]')"
RECORDS: list[dict[str, Any]] = [
    {"id": "a", "text": "Pact Signed\n\nBy Jane Doe\n\nThe deal was signed on Tuesday.\n"},
    {"id": "b", "html": (PAGES / "es_minimal.html").read_text("utf-8"), "url": "https://e.es/b"},
    {"id": "c", "text": "---\ntitle: [unclosed\n---\n\nThe body.\n"},  # fails
    {"id": "d"},  # neither text nor HTML: fails
    {"id": None, "text": "A row without an id is named after its place in the file."},
]
FIELDS = ("id", "text", "html", "url")


def _pa() -> Any:
    return pytest.importorskip("pyarrow", reason=NEEDS_PYARROW)


def _write_parquet(
    path: Path, rows: list[dict[str, Any]], columns: tuple[str, ...] = FIELDS, **options: Any
) -> Path:
    pa = _pa()
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in columns])
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
    pq.write_table(table, path, **options)
    return path


def _read_parquet(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    lines = (json.dumps({k: v for k, v in r.items() if v is not None}) for r in rows)
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def _as_jsonl_record(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet output row as the JSONL line of the same result."""
    record = {k: v for k, v in row.items() if v is not None}
    for key in ("metadata", "edits"):
        if key in record:
            record[key] = json.loads(record[key])
    return record


def _batch(*args: str) -> int:
    return cli_batch.main([*args, "-q", "-j", "1"])


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_parquet_to_jsonl_is_jsonl_to_jsonl(tmp_path: Path) -> None:
    source = _write_parquet(tmp_path / "in.parquet", RECORDS)
    assert _batch(str(source), "--out", str(tmp_path / "p.jsonl")) == 1
    jsonl = _jsonl(tmp_path / "in.jsonl", RECORDS)
    assert _batch(str(jsonl), "--out", str(tmp_path / "j.jsonl")) == 1
    from_parquet = (tmp_path / "p.jsonl").read_text("utf-8")
    from_jsonl = (tmp_path / "j.jsonl").read_text("utf-8")
    assert from_parquet == from_jsonl.replace("in.jsonl:5", "in.parquet:5")
    lines = [json.loads(line) for line in from_parquet.splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c", "d", f"{source}:5"]
    assert lines[1]["metadata"]["url"] == "https://e.es/b"  # the url column is read
    assert lines[3] == {"id": "d", "error": "no 'text' or 'html' string in the record"}


def test_parquet_round_trip(tmp_path: Path) -> None:
    source = _write_parquet(tmp_path / "in.parquet", RECORDS)
    out = tmp_path / "out.parquet"
    assert _batch(str(source), "--out", str(out)) == 1
    assert _batch(str(source), "--out", str(tmp_path / "out.jsonl")) == 1
    import pyarrow.parquet as pq

    schema = pq.read_schema(out)
    assert schema.names == list(COLUMNS) and {str(t) for t in schema.types} == {"string"}
    rows = _read_parquet(out)
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [_as_jsonl_record(r) for r in rows] == lines  # the JSONL output's records
    assert rows[0]["markdown"] == clean(RECORDS[0]["text"]).markdown
    assert rows[2]["markdown"] is None and "not valid YAML" in rows[2]["error"]
    assert (out.stat().st_mode & 0o777) == 0o666 & ~_umask()
    assert _leftovers(tmp_path) == []  # the temporary file became out.parquet
    again = tmp_path / "again.parquet"
    assert _batch(str(out), "--out", str(again), "--text-field", "markdown") == 1
    assert [r["id"] for r in _read_parquet(again)] == ["a", "b", "c", "d", f"{source}:5"]
    first = out.read_bytes()
    assert _batch(str(source), "--out", str(out)) == 1
    assert out.read_bytes() == first  # the same records give the same bytes


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_parquet_output_is_written_a_row_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleanarticle import parquet

    monkeypatch.setattr(parquet, "GROUP_ROWS", 4)
    rows = [
        {"id": f"r{n}", "text": f"Report {n} was filed on Monday by the clerk."} for n in range(10)
    ]
    source = _write_parquet(tmp_path / "in.parquet", rows)
    out = tmp_path / "out.parquet"
    assert _batch(str(source), "--out", str(out), "--stats", str(tmp_path / "s.json")) == 0
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(out).metadata
    assert [meta.row_group(g).num_rows for g in range(meta.num_row_groups)] == [4, 4, 2]
    assert [r["id"] for r in _read_parquet(out)] == [f"r{n}" for n in range(10)]
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["output_bytes"] == out.stat().st_size and stats["cleaned"] == 10


def test_field_names_of_parquet_rows(tmp_path: Path) -> None:
    rain, address = "Rain fell on Tuesday across the north.", "https://example.org/2021/03/09/r"
    page = (PAGES / "es_minimal.html").read_text(encoding="utf-8")
    rows = [
        {"key": "one", "body": rain, "link": address},
        {"key": "two", "page": page},
        {"key": "three", "text": "A row with the default field name."},
    ]
    source = _write_parquet(tmp_path / "in.parquet", rows, ("key", "body", "page", "link", "text"))
    out = tmp_path / "out.jsonl"
    fields = ["--text-field", "body", "--html-field", "page", "--id-field", "key"]
    assert _batch(str(source), "--out", str(out), *fields, "--url-field", "link") == 1
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["one", "two", "three"]
    assert lines[0]["markdown"] == clean(rain, url=address).markdown
    assert lines[0]["metadata"] == {"date": "2021-03-09", "url": address}
    assert lines[1]["markdown"] == clean(page, format="html").markdown
    assert lines[2]["error"] == "no 'body' or 'page' string in the record"


def test_an_integer_id_and_a_binary_text_column(tmp_path: Path) -> None:
    pa = _pa()
    import pyarrow.parquet as pq

    text = "Der Rat tagte am Montag in Köln und beschloss den Haushalt."
    table = pa.table({"id": pa.array([7], pa.int64()), "text": pa.array([text.encode()])})
    pq.write_table(table, tmp_path / "in.parquet")
    [record] = read_records([str(tmp_path / "in.parquet")])
    assert (record.id, record.content, record.format) == ("7", text.encode(), "auto")


def test_a_parquet_file_without_the_text_column_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_parquet(
        tmp_path / "in.parquet", [{"key": "1", "body": "Rain."}], ("key", "body")
    )
    assert cli_batch.main([str(source), "--out", str(tmp_path / "out.parquet")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{source}: no 'text' or 'html' column (it has key, body)" in err
    assert "--text-field" in err and not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize("content", [b"", b"PAR1 not really", b"id,text\n1,Rain.\n"])
def test_a_bad_parquet_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    _pa()
    source = tmp_path / "bad.parquet"
    source.write_bytes(content)
    out = tmp_path / "out.jsonl"
    assert cli_batch.main([str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{source}: not a Parquet file (" in err
    assert "Traceback" not in err and not out.exists() and _leftovers(tmp_path) == []
    [record] = read_records([str(source)])  # the library lists it as a failure
    assert record.id == str(source) and str(record.error).startswith("not a Parquet file (")


def test_a_damaged_row_group_is_read_up_to_the_damage(tmp_path: Path) -> None:
    rows = [{"id": str(n), "text": f"Report number {n} was filed today."} for n in range(40)]
    source = _write_parquet(tmp_path / "in.parquet", rows, row_group_size=10)
    import pyarrow.parquet as pq

    column = pq.ParquetFile(source).metadata.row_group(2).column(1)  # the text of rows 21-30
    data = bytearray(source.read_bytes())
    start = column.data_page_offset
    data[start : start + 16] = b"\xff" * 16  # its first page's header
    source.write_bytes(bytes(data))
    records = list(read_records([str(source)]))
    assert [r.id for r in records[:20]] == [str(n) for n in range(20)]
    assert all(r.error is None for r in records[:20])
    assert len(records) == 21 and records[-1].id == f"{source}:21"  # the first lost row
    assert "the file is cut short or corrupt" in str(records[-1].error)


def test_without_pyarrow_parquet_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs with or without pyarrow: its import is made to fail."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    rows = tmp_path / "in.parquet"
    rows.write_bytes(b"PAR1")
    for args in (
        [str(source), "--out", str(tmp_path / "out.parquet")],
        [str(rows), "--out", str(tmp_path / "out.jsonl")],
    ):
        assert cli_batch.main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and PYARROW_MISSING in err
        assert "pip install 'cleanarticle[parquet]'" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "in.parquet"]
    assert [r.error for r in read_records([str(rows)])] == [PYARROW_MISSING]


def test_resume_is_for_jsonl_outputs_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pa()
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    assert cli_batch.main([str(source), "--out", str(tmp_path / "o.parquet"), "--resume"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--resume needs --out FILE.jsonl" in err
    assert "a Parquet file cannot be resumed" in err


def test_an_interrupted_parquet_output_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write_parquet(tmp_path / "in.parquet", RECORDS)
    out = tmp_path / "out.parquet"
    out.write_bytes(b"an earlier run's output")
    real = cli_batch.clean_all

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Result]:
        results = real(*args, **kwargs)
        yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_batch, "clean_all", interrupted)
    assert _batch(str(source), "--out", str(out)) == 130
    assert out.read_bytes() == b"an earlier run's output"  # left as it was
    assert _leftovers(tmp_path) == []  # and the temporary file is gone


def test_a_parquet_input_is_resumed_to_a_jsonl_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        {"id": f"r{n}", "text": f"Report {n} was filed on Monday by the clerk."} for n in range(9)
    ]
    source = _write_parquet(tmp_path / "in.parquet", rows)
    whole = tmp_path / "whole.jsonl"
    assert _batch(str(source), "--out", str(whole)) == 0
    real, cleaned, stop = cli_batch.clean_all, [], [4]

    def counting(engine: Any, records: Any, *args: Any, **kwargs: Any) -> Iterator[Result]:
        def counted() -> Iterator[Any]:
            for record in records:
                cleaned.append(record.id)
                yield record

        for number, result in enumerate(real(engine, counted(), *args, **kwargs)):
            if number == stop[0]:
                raise KeyboardInterrupt  # after 4 lines
            yield result

    monkeypatch.setattr(cli_batch, "clean_all", counting)
    out = tmp_path / "out.jsonl"
    assert _batch(str(source), "--out", str(out)) == 130
    cleaned.clear()
    stop[0] = -1
    assert _batch(str(source), "--out", str(out), "--resume") == 0
    assert cleaned == [f"r{n}" for n in range(4, 9)]  # the 4 written are not cleaned again
    assert out.read_bytes() == whole.read_bytes()
