"""Hostile input through the real CLI: a correct result or exit 2 with one clear line, no
traceback, and the input file byte-identical unless ``--write`` succeeded."""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path

import pytest

from tests.conftest import run_cli

ARTICLE = "The café’s owner said the naïve plan would fail, and the council agreed on Monday.\n\n"


def check(path: Path, *args: str) -> tuple[int, str, str]:
    """Run ``cleanarticle --write`` (or ``args``) on ``path``; assert the invariants."""
    before = path.read_bytes() if path.is_file() else None
    result = run_cli(*(args or ("--write",)), str(path))
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    if result.returncode == 2:
        errors = [line for line in err.splitlines() if line.startswith("cleanarticle: error:")]
        assert len(errors) == 1, err
        if before is not None:
            assert path.read_bytes() == before
    return result.returncode, result.stdout.decode("utf-8", "replace"), err


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty", b"", ""),
        ("whitespace", b"  \n\t\n \r\n", ""),
        ("utf16", codecs.BOM_UTF16_LE + (ARTICLE * 2).encode("utf-16-le"), "The café's owner said"),
        (
            "mojibake",
            "The owner said donâ€™t worry, on Monday.\n".encode(),
            "The owner said don't worry, on Monday.",
        ),
        (
            "bad-utf8-in-the-middle",
            (ARTICLE * 3).encode() + b"Broken \xff byte.\n\n" + (ARTICLE * 3).encode(),
            "Broken \ufffd byte.",
        ),
    ],
)
def test_decodable_inputs_are_cleaned(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    code, out, _ = check(path, "--json")
    assert code == 0 and expected in json.loads(out)["markdown"]
    code, _, _ = check(path)
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert expected in text
    assert run_cli("--check", str(path)).returncode == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "PNG image, not text",
        ),
        ("random.bin", random.Random(3).randbytes(5000), "binary"),
        ("nul.txt", b"Some text\x00with a NUL byte in it.\n", "binary"),
    ],
)
def test_binary_inputs_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = check(path)
    assert code == 2 and message in err


def test_random_bytes_never_crash(tmp_path: Path) -> None:
    rng = random.Random(7)
    for i in range(20):
        path = tmp_path / f"r{i}.txt"
        path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 3000))))
        code, _, _ = check(path)
        assert code in (0, 2)


def test_missing_path_and_broken_symlink(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = check(missing)
    assert code == 2 and "no such file" in err
    link = tmp_path / "broken.txt"
    link.symlink_to(tmp_path / "nowhere")
    code, _, err = check(link)
    assert code == 2 and "broken symbolic link" in err


def test_a_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    code, _, err = check(tmp_path / "dir.txt", "--check")
    assert code == 2 and "no .md or .txt files" in err


def test_read_only_file_with_write(tmp_path: Path) -> None:
    path = tmp_path / "ro.txt"
    path.write_bytes(b"Advertisement\n\nThe council met on Monday to vote on the plan.\n")
    path.chmod(0o444)
    code, _, err = check(path)
    assert code == 2 and "read-only" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_no_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"text")
    path.chmod(0)
    code, _, err = check(path)
    assert code == 2 and "permission denied" in err


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("50 MB single line", lambda: b"word " * 10_000_000),
        ("200,000 blank lines", lambda: b"Start of it.\n" + b"\n" * 200_000 + b"End of it.\n"),
        ("200,000 one-word lines", lambda: b"word\n" * 200_000),
    ],
)
def test_huge_inputs(tmp_path: Path, name: str, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.txt"
    path.write_bytes(make())
    code, _, _ = check(path)
    assert code == 0
    assert run_cli("--check", str(path)).returncode == 0  # the result is canonical


CP1252 = ("The café owner said “it’s done” — again.\n\n" * 3).encode("cp1252")


@pytest.mark.parametrize("mode", ["--write", "--check", "--diff"])
def test_a_guessed_encoding_is_never_written_back(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(CP1252)
    code, out, err = check(path, mode)
    assert code == 2 and "--encoding cp125" in err and "only a guess" in err  # or cp1250
    assert path.read_bytes() == CP1252 and out == ""


def test_a_guessed_encoding_is_printed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(CP1252)
    code, out, err = check(path, "--json")
    assert code == 0 and 'The café owner said "it\'s done" — again.' in json.loads(out)["markdown"]
    assert f"cleanarticle: warning: {path}: not UTF-8; decoded as cp125" in err and "a guess" in err


def test_a_named_encoding_is_written_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(CP1252)
    code, _, err = check(path, "--write", "--encoding", "cp1252")
    assert code == 0 and "warning" not in err
    assert 'The café owner said "it\'s done" — again.' in path.read_text("utf-8")
    assert run_cli("--check", str(path)).returncode == 0
    path.write_bytes(CP1252)
    code, _, err = check(path, "--write", "--encoding", "utf-8")
    assert code == 2 and "not valid utf-8" in err and "check --encoding" in err
    code, _, err = check(path, "--write", "--encoding", "klingon")
    assert code == 2 and "unknown encoding 'klingon'" in err
