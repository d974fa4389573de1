"""Shared fixtures: the golden-file update switch and a runner for the real console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite golden/expected/*.md from golden/inputs/ instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def console_script() -> list[str]:
    """The installed ``cleanarticle`` command (next to this interpreter), else ``-m``."""
    found = Path(sys.executable).with_name("cleanarticle")
    if found.exists():
        return [str(found)]
    which = shutil.which("cleanarticle")
    return [which] if which else [sys.executable, "-m", "cleanarticle"]


def run_cli(
    *args: str,
    input: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the real console script in a subprocess (``env`` adds variables)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [*console_script(), *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
