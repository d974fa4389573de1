"""The ``cleanarticle`` command, run as a real subprocess: every flag and exit code."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from cleanarticle import clean
from tests.conftest import GOLDEN, ROOT, console_script, run_cli

MESSY = (
    "Storm Closes Schools Across the North\n\n"
    "By Jane Doe\n\n"
    "Advertisement\n\n"
    "Heavy rain forced schools across the north to close on Monday, officials\n"
    "said, as rivers rose to their highest levels in a decade.\n"
)
CANONICAL = clean(MESSY).markdown


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(MESSY, encoding="utf-8")
    return path


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("cleanarticle: error:")]
    assert len(lines) == 1, err
    return lines[0]


def test_prints_the_canonical_document(messy: Path) -> None:
    result = run_cli(str(messy))
    assert result.returncode == 0
    assert result.stdout.decode() == CANONICAL
    assert messy.read_text(encoding="utf-8") == MESSY


def test_stdin(messy: Path) -> None:
    result = run_cli("-", input=MESSY.encode())
    assert result.returncode == 0 and result.stdout.decode() == CANONICAL


def test_python_dash_m() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "cleanarticle", "-"],
        input=MESSY.encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.decode() == CANONICAL


def test_write_rewrites_in_place_and_keeps_permissions(messy: Path) -> None:
    messy.chmod(0o640)
    result = run_cli("--write", str(messy))
    assert result.returncode == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert b"cleaned" in result.stderr
    assert [p.name for p in messy.parent.iterdir()] == ["story.txt"]  # no temp file left


def test_write_through_a_symlink_keeps_the_link(messy: Path) -> None:
    link = messy.parent / "link.txt"
    link.symlink_to(messy)
    assert run_cli("-w", str(link)).returncode == 0
    assert link.is_symlink() and messy.read_text(encoding="utf-8") == CANONICAL


def test_write_leaves_canonical_files_alone(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text(CANONICAL, encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert run_cli("--write", str(path)).returncode == 0
    assert path.stat().st_mtime_ns == before


def test_check(messy: Path, tmp_path: Path) -> None:
    clean_file = tmp_path / "clean.md"
    clean_file.write_text(CANONICAL, encoding="utf-8")
    result = run_cli("--check", str(messy), str(clean_file))
    assert result.returncode == 1
    assert f"would clean {messy}".encode() in result.stderr
    assert str(clean_file).encode() not in result.stderr.split(b"\n")[0]
    assert messy.read_text(encoding="utf-8") == MESSY
    assert run_cli("--check", str(clean_file)).returncode == 0


def test_diff(messy: Path) -> None:
    result = run_cli("--diff", str(messy))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert out.startswith("---") and "-Advertisement" in out and "+title: Storm Closes" in out
    assert messy.read_text(encoding="utf-8") == MESSY


def test_json(messy: Path) -> None:
    result = run_cli("--json", str(messy), str(messy))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 2
    record = records[0]
    assert record["path"] == str(messy) and record["changed"] is True
    assert record["metadata"]["title"] == "Storm Closes Schools Across the North"
    assert record["markdown"] == CANONICAL and record["body"].startswith("Heavy rain")
    assert {e["code"] for e in record["edits"]} >= {"CA401", "CA302"}


def test_explain(messy: Path) -> None:
    result = run_cli("--explain", str(messy))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert f"{messy}:5 CA401 boilerplate: boilerplate (advertisement): 'Advertisement'" in lines
    assert any(line.startswith(f"{messy}:3 CA302 byline:") for line in lines)
    assert all(line.startswith(f"{messy}:") for line in lines)


def test_explain_on_every_golden_input_lists_line_numbers() -> None:
    for path in sorted((GOLDEN / "inputs").glob("*.txt")):
        result = run_cli("--explain", str(path))
        assert result.returncode == 0
        lines = result.stdout.decode().splitlines()
        numbers = [line.split(" ", 1)[0].rsplit(":", 1)[1] for line in lines]
        assert lines and all(n.isdigit() and int(n) > 0 for n in numbers), lines


def test_select_ignore_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Advertisement\n\n“Quoted,” she said, and the meeting ended.\n", "utf-8")
    assert run_cli("--ignore", "CA401", str(path)).stdout.decode().startswith("Advertisement")
    out = run_cli("--select", "CA401,CA102", str(path)).stdout.decode()
    assert out == '"Quoted," she said, and the meeting ended.\n'
    assert "“Quoted,”" in run_cli("--quotes", "preserve", str(path)).stdout.decode()


def test_rules() -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    from cleanarticle.cleaners import BUILTIN

    assert [line.split()[0] for line in lines] == [c.code for c in BUILTIN]
    assert "fix-unicode" in lines[[c.code for c in BUILTIN].index("CA101")]
    markdown = run_cli("rules", "--markdown").stdout.decode()
    assert markdown.startswith("# Cleaners") and "## CA306 image-captions" in markdown


def test_help_and_version() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for flag in (
        "--write",
        "--check",
        "--diff",
        "--json",
        "--explain",
        "--select",
        "--ignore",
        "--quotes",
        "exit codes",
        "rules",
    ):
        assert flag in out
    assert run_cli("--version").stdout.decode().startswith("cleanarticle ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "no input"),
        (("--select", "CA999", "-"), "unknown cleaner 'CA999'"),
        (("--quotes", "curly", "-"), "invalid choice"),
        (("--write", "--check", "-"), "choose one"),
        (("--bogus",), "unrecognized arguments"),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args, input=b"")
    assert result.returncode == 2
    assert message in one_line_error(result)


def test_missing_file(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "no such file" in one_line_error(result)


def test_directory_is_expanded_and_empty_directory_reported(tmp_path: Path, messy: Path) -> None:
    result = run_cli("--check", str(tmp_path))
    assert result.returncode == 1 and b"story.txt" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("--check", str(empty))
    assert "no .md or .txt files" in one_line_error(result)


def test_several_files_to_stdout_is_a_usage_error(messy: Path) -> None:
    result = run_cli(str(messy), str(messy))
    assert result.returncode == 2 and "several files" in one_line_error(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(messy: Path) -> None:
    messy.chmod(0)
    result = run_cli(str(messy))
    assert result.returncode == 2 and "permission denied" in one_line_error(result)


def test_undecodable_input_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    path.write_bytes(data)
    result = run_cli("--write", str(path))
    assert result.returncode == 2 and "PNG image, not text" in one_line_error(result)
    assert path.read_bytes() == data


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, messy: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = run_cli("--write", str(bad), str(messy))
    assert result.returncode == 2
    assert messy.read_text(encoding="utf-8") == CANONICAL


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_failed_write_leaves_the_original(tmp_path: Path, messy: Path) -> None:
    """A write that fails (the folder refuses the temporary file) changes nothing."""
    os.chmod(tmp_path, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_cli("--write", str(messy))
        assert result.returncode == 2
        assert "the file is unchanged" in one_line_error(result)
        assert messy.read_text(encoding="utf-8") == MESSY
    finally:
        os.chmod(tmp_path, 0o755)


def _run_with_full_disk(target: Path):  # type: ignore[no-untyped-def]
    """Run the CLI with writes to temp files failing as on a full disk (ENOSPC)."""
    import subprocess
    import sys

    code = (
        "import errno, os, sys\n"
        "real = os.fsync\n"
        "def full(fd):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
        "from cleanarticle.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "--write", str(target)], capture_output=True, check=False
    )


def test_disk_full_during_write_leaves_the_original(messy: Path) -> None:
    result = _run_with_full_disk(messy)
    assert result.returncode == 2
    assert "No space left on device" in one_line_error(result)
    assert messy.read_text(encoding="utf-8") == MESSY
    assert [p.name for p in messy.parent.iterdir()] == ["story.txt"]


def test_closed_stdout_is_quiet(messy: Path) -> None:
    import subprocess

    big = messy.parent / "big.txt"
    big.write_text("\n\n".join([MESSY] * 2000), encoding="utf-8")
    command = " ".join(console_script())
    result = subprocess.run(
        f"{command} {big} | head -c 10", shell=True, capture_output=True, check=False
    )
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


def test_quiet(messy: Path) -> None:
    loud = run_cli("--check", str(messy))
    quiet = run_cli("--check", "-q", str(messy))
    assert b"would be cleaned" in loud.stderr and quiet.stderr == b""
    assert quiet.returncode == 1


def test_diff_colour(messy: Path) -> None:
    plain = run_cli("--diff", str(messy)).stdout.decode()
    assert "\x1b[" not in plain  # not a terminal: no colour
    coloured = run_cli("--diff", "--color", str(messy)).stdout.decode()
    assert "\x1b[31m-Advertisement\x1b[0m\n" in coloured
    assert "\x1b[32m+title: Storm Closes Schools Across the North\x1b[0m\n" in coloured
    assert (
        coloured.replace("\x1b[0m", "")
        .replace("\x1b[1m", "")
        .replace("\x1b[31m", "")
        .replace("\x1b[32m", "")
        .replace("\x1b[36m", "")
        == plain
    )
    forced_off = run_cli("--diff", "--no-color", str(messy)).stdout.decode()
    assert forced_off == plain


def test_diff_colour_on_a_terminal(messy: Path) -> None:
    import pty
    import subprocess

    main, child = pty.openpty()
    try:
        for extra_env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
            env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
            env.update({"TERM": "xterm", **extra_env})
            subprocess.run(
                [*console_script(), "--diff", str(messy)],
                stdout=child,
                stderr=subprocess.DEVNULL,
                env=env,
                timeout=120,
                check=False,
            )
            output = os.read(main, 1 << 16).decode()
            assert ("\x1b[31m" in output) is coloured, output
    finally:
        os.close(main)
        os.close(child)


def test_rules_code_prints_one_cleaners_documentation() -> None:
    from cleanarticle import default_pipeline
    from cleanarticle.docs import rule_markdown

    result = run_cli("rules", "CA401")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert text == rule_markdown(default_pipeline().get("CA401"))
    assert text.startswith("## CA401 boilerplate\n") and "guard-share" in text
    assert text in (ROOT / "docs" / "cleaners.md").read_text("utf-8")
    assert run_cli("rules", "boilerplate").stdout.decode() == text  # by name
    both = run_cli("rules", "CA101", "CA401").stdout.decode()
    assert both.startswith("## CA101 fix-unicode") and "## CA401 boilerplate" in both
    result = run_cli("rules", "CA999")
    assert result.returncode == 2 and b"unknown cleaner 'CA999'" in result.stderr
