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


def _toml_blocks(name: str) -> list[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return re.findall(r"```toml\n(.*?)```", text, re.S)


def test_config_examples_in_the_docs_are_valid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cleanarticle import load_config

    blocks = _toml_blocks("README.md") + _toml_blocks("docs/configuration.md")
    settings = [b for b in blocks if "[tool.cleanarticle]" in b]
    assert len(settings) == 2
    for i, block in enumerate(settings):
        path = tmp_path / str(i) / "pyproject.toml"
        path.parent.mkdir()
        path.write_text(block, encoding="utf-8")
        config = load_config(path)
        assert config.extra_boilerplate and config.misspellings["goverment"] == "government"


def test_precommit_hooks_file_and_readme_agree() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"]: hook for hook in hooks}
    assert set(ids) == {"cleanarticle", "cleanarticle-check"}
    assert ids["cleanarticle"]["entry"].split()[:2] == ["cleanarticle", "--write"]
    assert "--check" in ids["cleanarticle-check"]["entry"].split()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for hook_id in ids:
        assert f"id: {hook_id}" in readme
