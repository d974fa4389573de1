"""Third-party cleaners: a real plugin package, installed with pip, found by entry point.

The example plugin (tests/plugins/example_plugin) is built and installed into a
temporary directory; the real ``cleanarticle`` command runs with that directory on its
path, so the plugin is discovered exactly as an installed package would be.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.integration

PLUGIN = ROOT / "tests" / "plugins" / "example_plugin"
STORY = (
    "Port Strike Ends After Two Weeks\n\n"
    "By Jane Roe\n\n"
    "Dock workers returned to work on Friday after the union accepted a new pay offer.\n\n"
    "(Reporting by Jane Roe in Lagos; Editing by John Smith)\n"
)


def _pip_install(source: Path, target: Path) -> None:
    """``pip install`` a package from a copy of ``source`` (the checkout stays clean)."""
    build = target.parent / f"src-{source.name}"
    shutil.copytree(source, build)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(build),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    target = tmp_path_factory.mktemp("plugin") / "site"
    _pip_install(PLUGIN, target)
    assert list(target.glob("cleanarticle_credits-*.dist-info/entry_points.txt"))
    return {"PYTHONPATH": str(target)}


def test_plugin_is_listed_in_its_place(plugin_path: dict[str, str]) -> None:
    result = run_cli("rules", env=plugin_path)
    assert result.returncode == 0, result.stderr
    codes = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert codes[codes.index("CA306") + 1] == "CRD101"
    assert "CRD101" in run_cli("--help", env=plugin_path).stdout.decode()
    assert "CRD101" not in run_cli("rules").stdout.decode()  # not installed: not there


def test_plugin_cleans_and_records(tmp_path: Path, plugin_path: dict[str, str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    result = run_cli(str(story), env=plugin_path)
    out = result.stdout.decode()
    assert "credits: Reporting by Jane Roe in Lagos; Editing by John Smith\n" in out
    assert "(Reporting by" not in out
    explain = run_cli("--explain", str(story), env=plugin_path).stdout.decode()
    assert f"{story}:7 CRD101 end-credits: wire credit moved to 'credits'" in explain
    story.write_text(out, "utf-8")
    again = run_cli("--check", str(story), env=plugin_path)
    assert again.returncode == 0, again.stderr  # a fixed point, plugin included


def test_plugin_obeys_select_ignore_and_options(
    tmp_path: Path, plugin_path: dict[str, str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    ignored = run_cli("--ignore", "CRD101", str(story), env=plugin_path).stdout.decode()
    assert "(Reporting by Jane Roe" in ignored and "credits:" not in ignored
    selected = run_cli("--select", "CRD", str(story), env=plugin_path).stdout.decode()
    assert "credits:" in selected and "title:" not in selected
    (tmp_path / "cleanarticle.toml").write_text(
        "[options.end-credits]\nkeep-in-body = true\n", "utf-8"
    )
    kept = run_cli(str(story), env=plugin_path).stdout.decode()
    assert "credits:" in kept and "(Reporting by Jane Roe" in kept
    (tmp_path / "cleanarticle.toml").write_text("[options.CRD101]\nkeep-in-body = 1\n", "utf-8")
    bad = run_cli(str(story), env=plugin_path)
    assert bad.returncode == 2
    assert "option 'keep-in-body' of end-credits: expected true or false" in bad.stderr.decode()


def test_broken_plugin_is_one_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "broken"
    (source / "broken_cleaner").mkdir(parents=True)
    (source / "broken_cleaner" / "__init__.py").write_text("import no_such_module\n", "utf-8")
    (source / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "broken-cleaner"\nversion = "0"\n'
        '[project.entry-points."cleanarticle.cleaners"]\nbroken = "broken_cleaner:thing"\n'
        '[tool.setuptools]\npackages = ["broken_cleaner"]\n',
        "utf-8",
    )
    target = tmp_path / "site"
    _pip_install(source, target)
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    result = run_cli("--write", str(story), env={"PYTHONPATH": str(target)})
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert "plugin 'broken' (broken_cleaner:thing" in err and "ModuleNotFoundError" in err
    assert story.read_text("utf-8") == STORY
