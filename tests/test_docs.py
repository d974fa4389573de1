"""The docs are generated from, or checked against, the code, so that they never drift."""

from __future__ import annotations

import os
import re
import subprocess

from cleanarticle import default_pipeline
from cleanarticle.docs import rules_markdown
from tests.conftest import ROOT, console_script


def test_cleaners_md_matches_the_registry() -> None:
    expected = rules_markdown(default_pipeline())
    actual = (ROOT / "docs" / "cleaners.md").read_text(encoding="utf-8")
    assert actual == expected, "regenerate: python -m cleanarticle.docs"


def test_cli_md_shows_the_real_help() -> None:
    env = {**os.environ, "COLUMNS": "100"}
    help_text = subprocess.run(
        [*console_script(), "--help"], capture_output=True, text=True, env=env, check=True
    ).stdout
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- help:start.*?-->\n```text\n(.*?)```\n<!-- help:end -->", doc, re.S)
    assert block is not None
    assert block.group(1) == help_text, "regenerate: python -m cleanarticle.docs"


def test_format_md_names_every_front_matter_key() -> None:
    from cleanarticle.model import METADATA_KEYS

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    order = [doc.index(f"| `{key}` |") for key in METADATA_KEYS]
    assert order == sorted(order)


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", readme, re.S)
    assert "cleanarticle" in blocks[0] and "golden/inputs" in blocks[0]
    assert "pytest" in blocks[1]
