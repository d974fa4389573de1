"""``cleanarticle batch``: directories, JSONL, order, jobs, evidence, failures, streaming."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanarticle import Config, clean
from cleanarticle.batch import LocalEngine, Record, clean_all, gather_evidence
from tests.conftest import GOLDEN, ROOT, run_cli

PAGES = ROOT / "tests" / "fixtures" / "html"
TYPO_DOC = "Lawmakers in the Bundestg voted on Thursday to extend the programme by a year."
RIGHT_DOCS = [
    f"The Bundestag debated the bill for a {n} time on Wednesday, and a vote is due soon."
    for n in ("first", "second", "third")
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "pages").mkdir(parents=True)
    for source in sorted((GOLDEN / "inputs").glob("*.txt")):
        shutil.copy(source, root / source.name)
    for page in ("de_regional.html", "es_minimal.html"):
        shutil.copy(PAGES / page, root / "pages" / page)
    (root / "pages" / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01binary")
    (root / "notes.csv").write_text("a,b\n")
    (root / ".hidden.txt").write_text("Hidden files are not articles.")
    return root


def _jsonl(path: Path, records: list[dict[str, object]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, "utf-8")
    return path


def _read_jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_directory_to_directory(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("batch", str(corpus), "--out", str(out))
    assert result.returncode == 1  # one document failed
    err = result.stderr.decode()
    assert "cleaned 7 of 8 documents" in err
    assert f"{corpus / 'pages' / 'scan.txt'}: a PDF document" in err
    assert "CA301 title" in err  # edits per cleaner
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == [
        *(f"{p.stem}.md" for p in sorted((GOLDEN / "inputs").glob("*.txt"))),
        "pages/de_regional.md",
        "pages/es_minimal.md",
    ]
    seed = sorted((GOLDEN / "expected").glob("*.md"))[2]
    assert (out / seed.name).read_text("utf-8") == seed.read_text("utf-8")
    assert (out / "pages/de_regional.md").read_text("utf-8").startswith("---\ntitle: Rhein")


def test_unreadable_entries_are_listed_not_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    result = run_cli("batch", str(corpus), "--out", str(tmp_path / "out"), "-j", "1")
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"{corpus / 'gone.txt'}: broken symbolic link; fix or remove it" in err
    assert "cleaned 7 of 9 documents" in err


def test_include_and_exclude(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("--include", "*.html", "--exclude", "es_*", "-q")
    assert run_cli("batch", str(corpus), "--out", str(out), *args).returncode == 0
    assert [p.name for p in out.rglob("*.md")] == ["de_regional.md"]


def test_jsonl_in_order_with_every_failure_listed(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "First Story Headline\n\nBy Ana Ruiz\n\nThe first story's text."},
        {
            "id": "b",
            "html": (PAGES / "es_minimal.html").read_text("utf-8"),
            "url": "https://e.es/b",
        },
        {"id": "c"},
        {"id": "d", "text": "The last story's text, which is short but fine."},
    ]
    source = _jsonl(tmp_path / "in.jsonl", records, extra="{not json\n")
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(source), "--out", str(out), "--jobs", "2")
    assert result.returncode == 1
    got = _read_jsonl(out.read_text("utf-8"))
    assert [r["id"] for r in got] == ["a", "b", "c", "d", f"{source}:5"]
    assert got[0]["metadata"] == {
        "title": "First Story Headline",
        "byline": "Ana Ruiz",
        "authors": ["Ana Ruiz"],
    }
    assert got[0]["markdown"] == clean(records[0]["text"]).markdown  # type: ignore[arg-type]
    assert got[1]["metadata"]["url"] == "https://e.es/b"  # type: ignore[index]
    assert any(e["kind"] == "extract" for e in got[1]["edits"])  # type: ignore[union-attr]
    assert got[2] == {"id": "c", "error": "no 'text' or 'html' string in the record"}
    assert "not valid JSON" in got[4]["error"]  # type: ignore[operator]
    err = result.stderr.decode()
    assert "2 failed" in err and "  c: no 'text'" in err and f"  {source}:5: not valid JSON" in err


def test_stdin_to_stdout(tmp_path: Path) -> None:
    records = [
        {"id": str(i), "text": f"Story number {i} is about the weather on day {i}."}
        for i in range(5)
    ]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    result = run_cli("batch", "-", "--out", "-", input=data)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in _read_jsonl(result.stdout.decode())] == ["0", "1", "2", "3", "4"]


def test_corpus_evidence_fixes_a_typo_seen_right_elsewhere(tmp_path: Path) -> None:
    records = [{"id": "typo", "text": TYPO_DOC}] + [
        {"id": f"ok{i}", "text": t} for i, t in enumerate(RIGHT_DOCS)
    ]
    source = _jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(source), "--out", str(out), "-q").returncode == 0
    fixed = _read_jsonl(out.read_text("utf-8"))[0]
    assert "the Bundestag voted" in fixed["markdown"]  # type: ignore[operator]
    assert run_cli("batch", str(source), "--out", str(out), "-q", "--no-evidence").returncode == 0
    alone = _read_jsonl(out.read_text("utf-8"))[0]
    assert "the Bundestg voted" in alone["markdown"]  # type: ignore[operator]
    assert clean(TYPO_DOC).body == alone["markdown"]


def test_same_output_for_any_job_count_and_any_order(tmp_path: Path) -> None:
    texts = [p.read_text("utf-8") for p in sorted((GOLDEN / "inputs").glob("*.txt"))]
    records = [
        {"id": f"r{i}", "text": t} for i, t in enumerate([*texts, TYPO_DOC, *RIGHT_DOCS] * 3)
    ]
    source = _jsonl(tmp_path / "in.jsonl", records)
    outputs = []
    for jobs in ("1", "4"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert run_cli("batch", str(source), "--out", str(out), "-j", jobs, "-q").returncode == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    reverse = _jsonl(tmp_path / "rev.jsonl", records[::-1])
    out = tmp_path / "rev-out.jsonl"
    assert run_cli("batch", str(reverse), "--out", str(out), "-j", "3", "-q").returncode == 0
    by_id = {r["id"]: r for r in _read_jsonl(out.read_text("utf-8"))}
    assert [by_id[r["id"]] for r in _read_jsonl(outputs[0].decode())] == _read_jsonl(
        outputs[0].decode()
    )


def test_progress_on_request_and_quiet_in_pipes(tmp_path: Path) -> None:
    records = [{"id": str(n), "text": f"Story {n} is about the rain."} for n in range(3)]
    source = _jsonl(tmp_path / "in.jsonl", records)
    out = str(tmp_path / "out.jsonl")
    piped = run_cli("batch", str(source), "--out", out).stderr.decode()
    assert "reading" not in piped and "cleaning" not in piped and "cleaned 3 of 3" in piped
    logged = run_cli("batch", str(source), "--out", out, "--progress-every", "0").stderr.decode()
    lines = logged.splitlines()
    assert "\r" not in logged and "\x1b" not in logged  # a log gets lines, not a redrawn one
    assert [line.split("  ")[0] for line in lines[:6]] == [
        "reading 3 docs",  # after the first pass's only chunk
        "reading 3 docs",  # at its end
        "cleaning 1/3 docs",  # every 0 seconds: at each document
        "cleaning 2/3 docs",
        "cleaning 3/3 docs",
        "cleaning 3/3 docs",  # at the end
    ]
    assert lines[6].startswith("cleaned 3 of 3 documents")
    assert run_cli("batch", str(source), "--out", out, "--progress-every", "-1").returncode == 2


def test_progress_is_redrawn_on_a_terminal_and_printed_every_n_seconds_in_a_log() -> None:
    import io

    from cleanarticle.cli_batch import Progress

    now = [0.0]
    at_31, at_45, at_62 = (
        f"cleaning {n}/6 docs  0 docs/s  ETA 0:00:{eta}" for n, eta in ((3, 31), (4, 22), (5, 12))
    )
    for mode, expected in [
        ("line", "".join(f"\r{line}\x1b[K" for line in (at_31, at_45, at_62, at_62)) + "\n"),
        ("log", f"{at_31}\n{at_62}\n{at_62}\n"),  # every 30 s, then the end
        ("off", ""),
    ]:
        stream, now[0] = io.StringIO(), 0.0
        bar = Progress("cleaning", 6, stream, mode, every=30.0, clock=lambda: now[0])
        for done, at in ((1, 0.1), (3, 31.0), (4, 45.0), (5, 62.0)):
            now[0] = at
            bar.update(done)
        bar.close()
        assert stream.getvalue() == expected
    bar = Progress("cleaning", 1000, io.StringIO(), "log", clock=lambda: 10.0)
    bar.started = 0.0
    bar.update(600, skipped=500)  # resumed documents are not counted in the rate
    assert bar.line(10.0) == "cleaning 600/1,000 docs  10 docs/s  ETA 0:00:40"


def test_duplicate_output_names_fail_the_second_record(tmp_path: Path) -> None:
    records = [{"id": "same", "text": "One text about rain."}, {"id": "same", "text": "Another."}]
    source = _jsonl(tmp_path / "in.jsonl", records)
    result = run_cli("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "output same.md already written for same" in result.stderr.decode()
    assert (tmp_path / "out" / "same.md").read_text() == "One text about rain.\n"


def test_record_ids_cannot_escape_the_output_directory(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "../../etc/passwd", "text": "Rain fell."}])
    assert run_cli("batch", str(source), "--out", str(tmp_path / "out"), "-q").returncode == 0
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")] == [
        "out/etc/passwd.md"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("in.jsonl",), "the following arguments are required: -o/--out"),
        (("in.jsonl", "--out", "o.jsonl", "--jobs", "0"), "--jobs must be 1 or more"),
        (("in.jsonl", "--out", "file.txt"), "exists and is not a directory"),
        (("in.jsonl", "--out", "missing/o.jsonl"), "does not exist"),
        (("in.jsonl", "--out", "o", "--select", "CA999"), "unknown cleaner 'CA999'"),
    ],
)
def test_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    _jsonl(tmp_path / "in.jsonl", [{"id": "1", "text": "Rain."}])
    (tmp_path / "file.txt").write_text("not a directory")
    result = run_cli("batch", *args, cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


# --- the engine ----------------------------------------------------------------------------


def test_engine_streams_with_a_bounded_window() -> None:
    """Records are read only a bounded distance ahead of the results: memory stays flat."""
    read = 0

    def records() -> Iterator[Record]:
        nonlocal read
        for i in range(3000):
            read += 1
            yield Record(str(i), f"Item {i} says the river rose overnight.")

    engine = LocalEngine(jobs=2, chunk_size=8)
    seen = 0
    ahead = 0
    for result in clean_all(engine, records(), Config(), None):
        assert result.id == str(seen)
        seen += 1
        ahead = max(ahead, read - seen)
    assert seen == 3000
    assert engine.peak_in_flight <= engine.window
    assert ahead <= (engine.window + 1) * engine.chunk_size


def test_gather_evidence_counts_and_keeps_repeated_words(tmp_path: Path) -> None:
    records = [Record(str(i), text) for i, text in enumerate([TYPO_DOC, *RIGHT_DOCS])]
    evidence, total = gather_evidence(LocalEngine(jobs=1), records)
    assert total == 4
    assert evidence.get("Bundestag") == 3 and evidence.get("Bundestg") == 0  # seen once: dropped


def test_saved_evidence_cleans_a_shard_as_the_whole_corpus_would(tmp_path: Path) -> None:
    records = [{"id": "typo", "text": TYPO_DOC}] + [
        {"id": f"ok{i}", "text": t} for i, t in enumerate(RIGHT_DOCS)
    ]
    whole = _jsonl(tmp_path / "whole.jsonl", records)
    shard = _jsonl(tmp_path / "shard.jsonl", records[:1])  # the typo's document alone
    others = _jsonl(tmp_path / "others.jsonl", records[1:])
    built, a, b, merged = (tmp_path / n for n in ("all.cae", "a.cae", "b.cae", "merged.cae"))
    assert run_cli("evidence", "build", str(whole), "-o", str(built)).returncode == 0
    assert run_cli("evidence", "build", str(shard), "-o", str(a)).returncode == 0
    assert run_cli("evidence", "build", str(others), "-o", str(b)).returncode == 0
    assert run_cli("evidence", "merge", str(a), str(b), "-o", str(merged)).returncode == 0
    out = tmp_path / "out.jsonl"
    for evidence in (built, merged):
        done = run_cli("batch", str(shard), "--evidence", str(evidence), "--out", str(out), "-q")
        assert done.returncode == 0, done.stderr
        assert "the Bundestag voted" in _read_jsonl(out.read_text("utf-8"))[0]["markdown"]  # type: ignore[operator]
    saved = tmp_path / "saved.cae"
    assert run_cli("batch", str(whole), "--save-evidence", str(saved), "--out", str(out), "-q")
    assert saved.read_bytes() == built.read_bytes()  # the same counts, the same bytes
    shown = run_cli("evidence", "show", str(built))
    assert shown.returncode == 0 and b"Bundestag" in shown.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"not gzip", "not an evidence file"),
        (gzip.compress(b"something else 1\nword\t2\n"), "not an evidence file of this version"),
        (gzip.compress(b"cleanarticle-evidence 1\nword\n"), "expected lines of 'word<TAB>count'"),
    ],
)
def test_a_bad_evidence_file_is_a_one_line_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "evidence.cae"
    if content is not None:
        path.write_bytes(content)
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TYPO_DOC}])
    out = tmp_path / "out"
    done = run_cli("batch", str(source), "--evidence", str(path), "--out", str(out))
    assert done.returncode == 2 and message in done.stderr.decode()
    assert len(done.stderr.decode().strip().splitlines()) == 1 and not out.exists()


# --- compressed JSONL, field names, output names ----------------------------------------

RECORDS: list[dict[str, object]] = [
    {"id": "a", "text": "Pact Signed\n\nBy Jane Doe\n\nThe deal was signed on Tuesday.\n"},
    {"id": "b", "html": (PAGES / "es_minimal.html").read_text(encoding="utf-8")},
    {"id": "c", "text": "---\ntitle: [unclosed\n---\n\nThe body.\n"},
]


def _compress(data: bytes, compression: str) -> bytes:
    if compression == "gz":
        return gzip.compress(data, mtime=0)
    zstandard = pytest.importorskip("zstandard", reason="zstandard is not installed")
    return bytes(zstandard.ZstdCompressor().compress(data))


def _decompress(data: bytes, compression: str) -> bytes:
    if compression == "gz":
        return gzip.decompress(data)
    zstandard = pytest.importorskip("zstandard", reason="zstandard is not installed")
    return bytes(zstandard.ZstdDecompressor().stream_reader(data).read())


@pytest.mark.parametrize("compression", ["gz", "zst"])
def test_compressed_jsonl_in_and_out(tmp_path: Path, compression: str) -> None:
    plain = _jsonl(tmp_path / "in.jsonl", RECORDS)
    packed = tmp_path / f"in.jsonl.{compression}"
    packed.write_bytes(_compress(plain.read_bytes(), compression))
    expected = run_cli("batch", str(plain), "--out", str(tmp_path / "plain.jsonl"), "-q")
    assert expected.returncode == 1  # record c fails, and is listed
    out = tmp_path / f"out.jsonl.{compression}"
    done = run_cli("batch", str(packed), "--out", str(out), "-q")
    assert done.returncode == 1 and done.stderr == b""
    text = (tmp_path / "plain.jsonl").read_bytes().replace(b"in.jsonl", packed.name.encode())
    assert _decompress(out.read_bytes(), compression) == text
    first = out.read_bytes()
    run_cli("batch", str(packed), "--out", str(out), "-q")
    assert out.read_bytes() == first  # the same records give the same bytes
    assert [r["id"] for r in _read_jsonl(text.decode())] == ["a", "b", "c"]


def test_a_truncated_gzip_input_is_read_up_to_the_cut_and_the_rest_is_a_failure(
    tmp_path: Path,
) -> None:
    records = [{"id": str(n), "text": f"Report number {n} was filed today."} for n in range(400)]
    data = gzip.compress(_jsonl(tmp_path / "in.jsonl", records).read_bytes(), mtime=0)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    done = run_cli("batch", str(cut), "--out", "-", "-q")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    lines = _read_jsonl(done.stdout.decode())
    assert [r["id"] for r in lines[:-1]] == [str(n) for n in range(len(lines) - 1)]
    assert all("error" not in r for r in lines[:-1]) and 0 < len(lines) - 1 < 400
    assert lines[-1]["id"] == f"{cut}:{len(lines)}"
    assert "the file is cut short or corrupt" in str(lines[-1]["error"])


def test_field_names_of_jsonl_records(tmp_path: Path) -> None:
    rain, address = "Rain fell on Tuesday across the north.", "https://example.org/2021/03/09/r"
    page = (PAGES / "es_minimal.html").read_text(encoding="utf-8")
    records: list[dict[str, object]] = [
        {"key": "one", "body": rain, "link": address},
        {"key": "two", "page": page},
        {"key": "three", "text": "A record with the default field name."},
    ]
    source = _jsonl(tmp_path / "in.jsonl", records)
    fields = ["--text-field", "body", "--html-field", "page", "--id-field", "key"]
    done = run_cli("batch", str(source), "--out", "-", "-q", *fields, "--url-field", "link")
    lines = _read_jsonl(done.stdout.decode())
    assert done.returncode == 1
    assert [r["id"] for r in lines] == ["one", "two", "three"]
    assert lines[0]["markdown"] == clean(rain, url=address).markdown
    assert lines[0]["metadata"] == {"date": "2021-03-09", "url": address}
    assert lines[1]["markdown"] == clean(page, format="html").markdown
    assert lines[2]["error"] == "no 'body' or 'page' string in the record"


@pytest.mark.parametrize("name", ["x.arrow", "x.gz", "notes.csv.gz", "x.json", "x.md", "x.zip"])
def test_an_output_name_batch_cannot_write_is_a_usage_error(tmp_path: Path, name: str) -> None:
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    done = run_cli("batch", str(source), "--out", name, cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1
    assert f"--out {name}: batch cannot write a {Path(name).suffix} file" in err
    assert not (tmp_path / name).exists()


def test_an_existing_directory_with_a_file_suffix_is_still_a_directory(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    (tmp_path / "clean.md").mkdir()
    assert run_cli("batch", str(source), "--out", "clean.md", "-q", cwd=tmp_path).returncode == 0
    assert (tmp_path / "clean.md" / "a.md").is_file()


def test_a_compressed_file_that_is_not_jsonl_is_a_listed_failure(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(b"<html><body><p>Rain.</p></body></html>"))
    done = run_cli("batch", str(page), "--out", "-", "-q")
    [line] = _read_jsonl(done.stdout.decode())
    assert done.returncode == 1
    assert line == {
        "id": str(page),
        "error": "a compressed file: batch reads articles, JSONL (.jsonl, .jsonl.gz, "
        ".jsonl.zst) and Parquet files",
    }


def test_zst_without_zstandard_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from cleanarticle import cli_batch
    from cleanarticle.batch import ZSTANDARD_MISSING, read_records

    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard now fails
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    packed = tmp_path / "in.jsonl.zst"
    packed.write_bytes(b"\x28\xb5\x2f\xfd")
    for args in (
        [str(source), "--out", str(tmp_path / "o.jsonl.zst")],
        [str(packed), "--out", "-"],
    ):
        assert cli_batch.main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ZSTANDARD_MISSING in err
    assert not (tmp_path / "o.jsonl.zst").exists()
    assert [r.error for r in read_records([str(packed)])] == [ZSTANDARD_MISSING]


# --- resuming, stats ----------------------------------------------------------------------


def _corpus_jsonl(path: Path, count: int) -> Path:
    texts = [p.read_text("utf-8") for p in sorted((GOLDEN / "inputs").glob("*.txt"))]
    records: list[dict[str, object]] = [
        {"id": f"r{n}", "text": texts[n % len(texts)].replace("the", f"the {n}", 1)}
        for n in range(count)
    ]
    records[7] = {"id": "r7"}  # a failure is a line too
    return _jsonl(path, records)


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_a_killed_run_is_resumed_to_the_same_bytes_without_cleaning_anything_twice(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import random
    import signal
    import subprocess
    import time

    from cleanarticle import batch, cli_batch
    from tests.conftest import console_script

    source = _corpus_jsonl(tmp_path / "in.jsonl", 300)
    whole = tmp_path / f"whole{suffix}"
    assert run_cli("batch", str(source), "--out", str(whole), "-q").returncode == 1
    out = tmp_path / f"out{suffix}"
    partial = Path(f"{out}.partial")
    wanted = random.Random(f"resume{suffix}").randrange(1, 120)  # lines before the kill
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [*console_script(), "batch", str(source), "--out", str(out), "-j", "2", "-q"]
    process = subprocess.Popen(command, env=env, start_new_session=True)  # workers: one group
    try:
        while _lines(partial) < wanted and process.poll() is None:
            time.sleep(0.002)
        assert process.poll() is None, "the run ended before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert not out.exists() and Path(f"{out}.partial.json").exists()
    done = partial.read_bytes()
    kept = done.count(b"\n")
    assert kept >= wanted
    partial.write_bytes(done[: done.rindex(b"\n") + 1] + b'{"id": "r')  # a torn last line

    cleaned: list[str] = []
    real = batch.clean_record

    def counting(record: batch.Record, *args: object, **kwargs: object) -> batch.Result:
        cleaned.append(record.id)
        return real(record, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean_record", counting)  # -j 1 cleans in this process

    def recount(*args: object, **kwargs: object) -> None:
        raise AssertionError("the first pass ran again: its evidence was kept beside the partial")

    monkeypatch.setattr(cli_batch, "gather_evidence", recount)
    stats = tmp_path / "stats.json"
    args = [str(source), "--out", str(out), "-q", "-j", "1", "--resume", "--stats", str(stats)]
    assert cli_batch.main(args) == 1  # r7 failed, in the first run or in this one
    assert out.read_bytes() == whole.read_bytes()
    assert cleaned == [f"r{n}" for n in range(kept, 300)]  # the rest, each once
    counts = json.loads(stats.read_text())
    assert (counts["documents"], counts["resumed"], counts["failed"]) == (300, kept, 1)
    assert not any(tmp_path.glob("out*.partial*"))  # the partial files are gone


def test_stats_of_a_jsonl_run_and_resume_without_a_partial(tmp_path: Path) -> None:
    source = _corpus_jsonl(tmp_path / "in.jsonl", 12)
    out = tmp_path / "out.jsonl"
    first = run_cli(
        "batch", str(source), "--out", str(out), "-q", "--stats", "s.json", cwd=tmp_path
    )
    assert first.returncode == 1
    expected = out.read_bytes()
    stats = json.loads((tmp_path / "s.json").read_text())
    assert stats["documents"] == 12 and stats["cleaned"] == 11 and stats["resumed"] == 0
    assert stats["failures"] == {"no 'text' or 'html' string in the record": 1}
    assert stats["input_bytes"] == sum(
        len(str(r.get("text", "")).encode()) for r in _read_jsonl(source.read_text())
    )
    assert stats["output_bytes"] == len(expected)
    assert stats["edits"] and all(k.startswith("CA") for k in stats["edits"])
    # --resume with nothing to resume: a run from the beginning, the same bytes
    assert run_cli("batch", str(source), "--out", str(out), "-q", "--resume").returncode == 1
    assert out.read_bytes() == expected


def _interrupted(tmp_path: Path, source: Path, out: Path) -> None:
    """Leave ``out``'s partial files as a run stopped by SIGTERM after its first pass."""
    import os
    import signal
    import subprocess
    import time

    from tests.conftest import console_script

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [*console_script(), "batch", str(source), "--out", str(out), "-j", "1"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    while _lines(Path(f"{out}.partial")) < 2 and process.poll() is None:
        time.sleep(0.002)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate()
    assert process.returncode == 130, err
    assert b"run again with --resume to finish" in err and b"Traceback" not in err


def test_sigterm_keeps_the_partial_and_a_mismatch_is_a_one_line_error(tmp_path: Path) -> None:
    source = _corpus_jsonl(tmp_path / "in.jsonl", 200)
    out = tmp_path / "out.jsonl"
    _interrupted(tmp_path, source, out)
    partial = Path(f"{out}.partial")
    before = partial.read_bytes()
    assert before and not out.exists()

    other = _jsonl(tmp_path / "other.jsonl", [{"id": "x", "text": "Rain fell."}])
    for args, message in [
        ((str(other),), "its line 1 is 'r0', input record 1 is 'x'"),
        ((str(source), "--fast"), "it was written with other settings"),
        ((str(source), "--select", "CA1"), "it was written with other settings"),
    ]:
        done = run_cli("batch", *args, "--out", str(out), "--resume")
        err = done.stderr.decode()
        assert done.returncode == 2 and err.count("\n") == 1 and message in err, err
        assert partial.read_bytes() == before and not out.exists()

    short = _jsonl(tmp_path / "short.jsonl", _read_jsonl(source.read_text())[:1])
    done = run_cli("batch", str(short), "--out", str(out), "--resume")
    assert done.returncode == 2 and "its line 2 is 'r1', no such input" in done.stderr.decode()

    Path(f"{out}.partial.cae").unlink()  # without the saved evidence: counted again
    assert run_cli("batch", str(source), "--out", str(out), "--resume", "-q").returncode == 1
    assert not partial.exists() and not Path(f"{out}.partial.json").exists()
    resumed = out.read_bytes()
    assert resumed.startswith(before)
    assert run_cli("batch", str(source), "--out", str(out), "-q").returncode == 1
    assert out.read_bytes() == resumed


def test_without_resume_a_partial_is_replaced(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Rain fell on Tuesday."}])
    out = tmp_path / "out.jsonl"
    Path(f"{out}.partial").write_text('{"id": "old"}\n')
    done = run_cli("batch", str(source), "--out", str(out))
    assert done.returncode == 0
    assert f"{out}.partial of an earlier run was replaced" in done.stderr.decode()
    assert [r["id"] for r in _read_jsonl(out.read_text())] == ["a"]
    assert not Path(f"{out}.partial").exists()


@pytest.mark.parametrize("resume", [(), ("--resume",)])
def test_a_partial_another_run_is_writing_is_left_alone(
    tmp_path: Path, resume: tuple[str, ...]
) -> None:
    import fcntl

    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Rain fell on Tuesday."}])
    out = tmp_path / "out.jsonl"
    partial = Path(f"{out}.partial")
    partial.write_text('{"id": "a", "markdown": "Being written."}\n')
    with partial.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running batch holds it
        done = run_cli("batch", str(source), "--out", str(out), *resume)
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1
    assert "another 'cleanarticle batch' is writing it" in err
    assert partial.read_text() == '{"id": "a", "markdown": "Being written."}\n'
    assert not out.exists()


@pytest.mark.parametrize("target", ["out", "-"])
def test_resume_needs_a_jsonl_file(tmp_path: Path, target: str) -> None:
    source = _jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    done = run_cli("batch", str(source), "--out", target, "--resume", cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1 and "--resume needs --out FILE" in err


def test_stats_of_a_directory_output(corpus: Path, tmp_path: Path) -> None:
    out, stats = tmp_path / "out", tmp_path / "stats.json"
    assert run_cli("batch", str(corpus), "--out", str(out), "--stats", str(stats)).returncode == 1
    counts = json.loads(stats.read_text())
    assert (counts["documents"], counts["cleaned"], counts["failed"]) == (8, 7, 1)
    assert counts["failures"] == {"a PDF document": 1}
    assert counts["output_bytes"] == sum(p.stat().st_size for p in out.rglob("*.md"))
    sources = [p for p in corpus.rglob("*") if p.suffix in (".txt", ".html")]
    assert counts["input_bytes"] == sum(p.stat().st_size for p in sources if "hidden" not in p.name)
    assert counts["edits"]["CA301"] >= 1 and isinstance(counts["seconds"], float)
    done = run_cli("batch", str(corpus), "--out", str(out), "--stats", "nowhere/s.json")
    assert done.returncode == 2 and "its directory does not exist" in done.stderr.decode()


def _pid(context: object, chunk: list[Record]) -> list[tuple[int, object]]:
    import os

    return [(os.getpid(), context) for _ in chunk]


def test_one_pool_for_both_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from cleanarticle import batch, cli_batch

    pools: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            pools.append(1)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Counted)
    records = [Record(str(n), f"Item {n} says the river rose overnight.") for n in range(64)]
    with LocalEngine(jobs=2, chunk_size=4) as engine:
        first = [p for part in engine.map(_pid, records, None) for p, _ in part]
        second = list(engine.map(_pid, records, {"evidence": 1}))
    assert len(pools) == 1
    # the same two workers (not two pools of two): which of them took the first pass's
    # chunks depends on the machine's load
    assert len(set(first) | {p for part in second for p, _ in part}) <= 2
    assert all(context == {"evidence": 1} for part in second for _, context in part)
    assert engine.pool is None  # shut down at the end

    pools.clear()  # the command: both passes in one pool, the same output as -j 1
    source = _jsonl(
        tmp_path / "in.jsonl",
        [{"id": "typo", "text": TYPO_DOC}]
        + [{"id": f"ok{i}", "text": t} for i, t in enumerate(RIGHT_DOCS * 4)],
    )
    outputs = []
    for jobs in ("2", "1"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert cli_batch.main([str(source), "--out", str(out), "-q", "-j", jobs]) == 0
        outputs.append(out.read_bytes())
    assert len(pools) == 1 and outputs[0] == outputs[1]
    assert b"the Bundestag voted" in outputs[0]  # pass 2 had pass 1's evidence


def test_directory_walks_leave_out_what_gitignore_ignores(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # a repository: .gitignore files above the input count too
    (tmp_path / ".gitignore").write_text("drafts/\n", "utf-8")
    corpus = tmp_path / "corpus"
    for name in ("a.txt", "skip-me.txt", "node_modules/x.txt", "drafts/d.txt", "sub/b.txt"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(RIGHT_DOCS[0], "utf-8")
    (corpus / ".gitignore").write_text("node_modules/\nskip-*.txt\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(corpus), "--out", str(out), "-q").returncode == 0
    ids = [str(r["id"]).rsplit("corpus/", 1)[-1] for r in _read_jsonl(out.read_text("utf-8"))]
    assert ids == ["a.txt", "sub/b.txt"]
