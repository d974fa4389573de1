"""Only articles are touched: include/exclude patterns, the default list of non-article
files, .gitignore in directory walks, --force-exclude and --stdin-filename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleanarticle import clean
from cleanarticle.files import FileSelection
from tests.conftest import run_cli

STORY = (
    "Harbour Plan Approved\n\n"
    "By Ann Lee\n\n"
    "Advertisement\n\n"
    "The council approved the harbour plan on Tuesday after a long debate.\n"
)
NOT_ARTICLES = {
    "README.md": "# Project\n\nSee docs.\n",
    "LICENSE.txt": "MIT License\n\nPermission is hereby granted.\n",
    "CHANGELOG.md": "# 1.0\n\n- first\n",
    "CONTRIBUTING.md": "Send patches.\n",
    "requirements.txt": "flask==3.0\nrequests\n",
    "requirements-dev.txt": "pytest\n",
    "CMakeLists.txt": "cmake_minimum_required(VERSION 3.10)\nproject(x)\n",
    "docs/readme.txt": "lower-case readme\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with articles beside the files every repository has."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for name, text in {**NOT_ARTICLES, "news/story.txt": STORY, "news/b.md": STORY}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    for junk in ("node_modules/pkg/README.md", "venv/lib/notes.txt", "build/out.md"):
        (root / junk).parent.mkdir(parents=True, exist_ok=True)
        (root / junk).write_text(STORY, "utf-8")
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }


def test_a_directory_walk_cleans_only_the_articles(repo: Path) -> None:
    before = _snapshot(repo)
    result = run_cli("--write", ".", cwd=repo)
    assert result.returncode == 0, result.stderr
    after = _snapshot(repo)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["news/b.md", "news/story.txt"]
    assert result.stderr.decode().splitlines()[-1] == "2 of 2 file(s) cleaned"


def test_force_exclude_applies_to_files_named_on_the_command_line(repo: Path) -> None:
    names = [*NOT_ARTICLES, "news/story.txt"]
    result = run_cli("--check", *names, cwd=repo)
    assert result.returncode == 1
    assert b"would clean README.md" in result.stderr  # named files are taken as they are
    result = run_cli("--check", "--force-exclude", "-v", *names, cwd=repo)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "would clean news/story.txt" in err and "would clean README.md" not in err
    assert "skipped requirements.txt: excluded by default (requirements*.txt)" in err
    assert "skipped docs/readme.txt: excluded by default (README*)" in err


def test_gitignore_is_honoured_in_directory_walks(repo: Path) -> None:
    (repo / ".gitignore").write_text("drafts/\n*.tmp.md\n", "utf-8")
    (repo / "news" / ".gitignore").write_text("private.txt\n", "utf-8")
    for name in ("drafts/d.md", "news/x.tmp.md", "news/private.txt"):
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text(STORY, "utf-8")
    result = run_cli("--check", ".", cwd=repo)
    err = result.stderr.decode()
    assert "2 of 2 file(s) would be cleaned" in err, err
    result = run_cli("--check", "news", cwd=repo)  # a subdirectory sees the root's .gitignore
    assert "2 of 2 file(s) would be cleaned" in result.stderr.decode()
    assert "x.tmp.md" not in result.stderr.decode()


def test_include_exclude_and_extend_exclude_from_pyproject(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.cleanarticle]\ninclude = ["*.txt"]\nextend-exclude = ["/news/old/"]\n',
        "utf-8",
    )
    (repo / "news" / "old").mkdir()
    (repo / "news" / "old" / "o.txt").write_text(STORY, "utf-8")
    result = run_cli("--check", ".", cwd=repo)
    err = result.stderr.decode()
    assert "would clean news/story.txt" in err and "b.md" not in err and "o.txt" not in err
    assert "1 of 1 file(s)" in err
    # exclude replaces the default list: README.md is taken again, node_modules too
    (repo / "pyproject.toml").write_text(
        '[tool.cleanarticle]\ninclude = ["*.md"]\nexclude = ["news/"]\n', "utf-8"
    )
    err = run_cli("--check", ".", cwd=repo).stderr.decode()
    assert "would clean node_modules/pkg/README.md" in err and "news/" not in err


def test_exclude_and_extend_exclude_flags(repo: Path) -> None:
    err = run_cli("--check", "--extend-exclude", "b.md", ".", cwd=repo).stderr.decode()
    assert "would clean news/story.txt" in err and "b.md" not in err
    err = run_cli("--check", "--exclude", "news/story.txt", ".", cwd=repo).stderr.decode()
    assert "would clean news/b.md" in err and "story.txt" not in err
    assert "would clean README.md" in err  # --exclude replaced the default list


def test_bad_file_selection_settings_are_config_errors(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.cleanarticle]\nforce-exclude = 'yes'\n", "utf-8")
    result = run_cli("--check", ".", cwd=repo)
    assert result.returncode == 2
    assert b"force-exclude: expected true or false, got a string" in result.stderr


def test_stdin_filename(repo: Path) -> None:
    (repo / "news" / "pyproject.toml").write_text(
        '[tool.cleanarticle]\nignore = ["boilerplate"]\n', "utf-8"
    )
    result = run_cli("-", "--stdin-filename", "news/s.txt", input=STORY.encode(), cwd=repo)
    assert result.returncode == 0
    assert "\nAdvertisement\n" in result.stdout.decode()  # the config found from the name
    readme = NOT_ARTICLES["README.md"].encode()
    args = ("-", "--stdin-filename", "README.md", "--force-exclude")
    result = run_cli(*args, input=readme, cwd=repo)
    assert result.returncode == 0 and result.stdout == readme  # excluded: passed through
    result = run_cli("--check", "-", "--stdin-filename", "news/s.txt", input=b"x", cwd=repo)
    assert result.returncode == 1 and b"would clean news/s.txt" in result.stderr
    result = run_cli("--stdin-filename", "a.txt", "a.txt", cwd=repo)
    assert result.returncode == 2 and b"pass '-' too" in result.stderr


def test_special_files_in_a_tree_are_listed_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_cli("--write", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'pipe.txt'}: a FIFO, not a regular file".encode() in result.stderr
    assert (tmp_path / "a.txt").read_text("utf-8") == clean(STORY).markdown


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any directory")
def test_unreadable_directories_are_listed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run_cli("--check", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2 and b"cannot read the directory" in result.stderr


def test_selection_reasons() -> None:
    selection = FileSelection(root=Path("/r"), extend_exclude=["/drafts/"])
    assert selection.excluded(Path("/r/x/LICENSE")) == "excluded by default (LICENSE*)"
    assert selection.excluded(Path("/r/drafts"), is_dir=True) == (
        "excluded by extend-exclude (/drafts/)"
    )
    assert selection.excluded(Path("/r/x/drafts"), is_dir=True) is None
    assert selection.excluded(Path("/r/news/story.md")) is None
    assert FileSelection(root=Path("/r"), exclude=[]).excluded(Path("/r/README.md")) is None
