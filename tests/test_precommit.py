"""The pre-commit hooks, run by the real ``pre-commit`` in a throwaway git repository.

The hooks come from this checkout: a shadow clone holds its working tree (uncommitted
changes included) as one commit, and the test repository's ``.pre-commit-config.yaml``
points at it with ``repo:``/``rev:``, exactly as a user's config points at GitHub.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanarticle import clean
from tests.conftest import ROOT

pytestmark = pytest.mark.integration

MESSY = (
    "Flood Warning Issued for River Towns\n\n"
    "By Jane Doe\n\n"
    "Advertisement\n\n"
    "Officials warned on Monday that the river could burst its banks by the weekend,\n"
    "and told residents of low-lying streets to prepare to leave.\n"
)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """A shadow clone of this checkout (working tree committed), its commit, and the env."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit tests")
    base = tmp_path_factory.mktemp("precommit")
    env = {
        **os.environ,
        **GIT_ENV,
        "HOME": str(base),
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    shadow = base / "shadow"
    files = _git(ROOT, "ls-files", "-co", "--exclude-standard", "-z").split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (shadow / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, shadow / name)
    _git(shadow, "init", "-q", env=env)
    _git(shadow, "add", "-A", env=env)
    _git(shadow, "commit", "-q", "-m", "shadow of the working tree", env=env)
    return shadow, _git(shadow, "rev-parse", "HEAD", env=env), env


def _repo(base: Path, hooks: tuple[Path, str, dict[str, str]], hook_id: str) -> Path:
    shadow, rev, env = hooks
    repo = base / "articles-repo"
    repo.mkdir()
    _git(repo, "init", "-q", env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {shadow}\n  rev: {rev}\n  hooks:\n  - id: {hook_id}\n", "utf-8"
    )
    _git(repo, "add", ".pre-commit-config.yaml", env=env)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )
    return repo


def _commit(repo: Path, env: dict[str, str], *paths: str) -> subprocess.CompletedProcess[str]:
    _git(repo, "add", *paths, env=env)
    return subprocess.run(
        ["git", "commit", "-m", "add articles"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # git shows the hooks' output on stderr
        text=True,
        timeout=900,
        check=False,
    )


def test_fix_hook_rewrites_then_passes(tmp_path: Path, hooks) -> None:  # type: ignore[no-untyped-def]
    env = hooks[2]
    repo = _repo(tmp_path, hooks, "cleanarticle")
    article = repo / "story.md"
    article.write_text(MESSY, "utf-8")
    first = _commit(repo, env, "story.md")
    assert first.returncode != 0, first.stdout
    assert "files were modified by this hook" in first.stdout
    assert article.read_text("utf-8") == clean(MESSY).markdown
    second = _commit(repo, env, "story.md")
    assert second.returncode == 0, second.stdout
    assert "Passed" in second.stdout
    assert _git(repo, "show", "HEAD:story.md", env=env) + "\n" == clean(MESSY).markdown


def test_check_hook_fails_and_touches_nothing(tmp_path: Path, hooks) -> None:  # type: ignore[no-untyped-def]
    env = hooks[2]
    repo = _repo(tmp_path, hooks, "cleanarticle-check")
    article = repo / "story.txt"
    article.write_text(MESSY, "utf-8")
    result = _commit(repo, env, "story.txt")
    assert result.returncode != 0
    assert "would clean story.txt" in result.stdout
    assert article.read_text("utf-8") == MESSY
    article.write_text(clean(MESSY).markdown, "utf-8")
    assert _commit(repo, env, "story.txt").returncode == 0


def test_undecodable_file_fails_clearly_and_stays_identical(tmp_path: Path, hooks) -> None:  # type: ignore[no-untyped-def]
    env = hooks[2]
    repo = _repo(tmp_path, hooks, "cleanarticle")
    bad = repo / "scan.txt"
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    bad.write_bytes(data)
    result = _commit(repo, env, "scan.txt")
    assert result.returncode != 0
    assert "cleanarticle: error: scan.txt:" in result.stdout
    assert "Traceback" not in result.stdout
    assert bad.read_bytes() == data


def test_hook_reads_the_repositorys_pyproject(tmp_path: Path, hooks) -> None:  # type: ignore[no-untyped-def]
    env = hooks[2]
    repo = _repo(tmp_path, hooks, "cleanarticle")
    (repo / "pyproject.toml").write_text(
        '[tool.cleanarticle]\nignore = ["boilerplate"]\nomit-keys = ["authors"]\n', "utf-8"
    )
    (repo / "news").mkdir()
    article = repo / "news" / "story.md"
    article.write_text(MESSY, "utf-8")
    _commit(repo, env, "pyproject.toml", "news/story.md")
    text = article.read_text("utf-8")
    assert "\nAdvertisement\n" in text
    assert "byline: Jane Doe" in text and "authors:" not in text


NOT_ARTICLES = {
    "README.md": "# Articles\n\nThe articles of this repository.\n",
    "LICENSE.txt": "MIT License\n\nPermission is hereby granted, free of charge.\n",
    "CHANGELOG.md": "# Changes\n\n## 1.0\n\n- First release\n",
    "CONTRIBUTING.md": "Send your patches\nby email.\n",
    "requirements.txt": "flask==3.0\nrequests>=2\n",
    "CMakeLists.txt": "cmake_minimum_required(VERSION 3.10)\nproject(x)\n",
}


@pytest.mark.parametrize("hook_id", ["cleanarticle", "cleanarticle-check"])
def test_hooks_leave_the_files_that_are_not_articles_alone(tmp_path: Path, hooks, hook_id) -> None:  # type: ignore[no-untyped-def]
    env = hooks[2]
    repo = _repo(tmp_path, hooks, hook_id)
    for name, text in NOT_ARTICLES.items():
        (repo / name).write_text(text, "utf-8")
    article = repo / "story.md"
    article.write_text(MESSY, "utf-8")
    result = _commit(repo, env, *NOT_ARTICLES, "story.md")
    assert result.returncode != 0, result.stdout  # the article is not canonical
    for name, text in NOT_ARTICLES.items():
        assert (repo / name).read_text("utf-8") == text, name
        assert f"would clean {name}" not in result.stdout
    if hook_id == "cleanarticle-check":
        assert "would clean story.md" in result.stdout
        article.write_text(clean(MESSY).markdown, "utf-8")
    else:
        assert article.read_text("utf-8") == clean(MESSY).markdown
    second = _commit(repo, env, *NOT_ARTICLES, "story.md")
    assert second.returncode == 0, second.stdout
