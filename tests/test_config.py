"""Configuration files: discovery, every setting, CLI overrides, and every error path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanarticle import Config, ConfigError, clean, find_config, load_config
from tests.conftest import run_cli

STORY = (
    "Bridge Reopens After Repairs\n\n"
    "By Ana Souza\n\n"
    "Advertisement\n\n"
    "The bridge reopened on Monday after repairs that took the ‘whole’ summer, the city said.\n\n"
    "Residents welcomed the news, and a Volkswgen dealer said traffic was back.\n\n"
    "Volkswagen dealers in the area had lost business during the closure.\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "news" / "2024").mkdir(parents=True)
    path = tmp_path / "news" / "2024" / "story.txt"
    path.write_text(STORY, "utf-8")
    return path


def _pyproject(directory: Path, body: str) -> Path:
    path = directory / "pyproject.toml"
    path.write_text(f"[project]\nname = 'x'\n\n[tool.cleanarticle]\n{body}", "utf-8")
    return path


# --- discovery -------------------------------------------------------------------------


def test_found_by_walking_up_from_the_files(tmp_path: Path, story: Path) -> None:
    assert find_config([story]) is None
    found = _pyproject(tmp_path, "ignore = ['CA4']\n")
    assert find_config([story]) == found
    assert find_config([story.parent, story]) == found


def test_pyproject_without_the_table_is_skipped(tmp_path: Path, story: Path) -> None:
    outer = _pyproject(tmp_path, "ignore = ['CA4']\n")
    (story.parent / "pyproject.toml").write_text("[project]\nname = 'inner'\n", "utf-8")
    assert find_config([story]) == outer


def test_nearest_wins_and_cleanarticle_toml_beats_pyproject(tmp_path: Path, story: Path) -> None:
    _pyproject(tmp_path, "ignore = ['CA4']\n")
    inner = _pyproject(story.parent.parent, "ignore = ['CA5']\n")
    assert find_config([story]) == inner
    dedicated = story.parent.parent / "cleanarticle.toml"
    dedicated.write_text("ignore = ['CA1']\n", "utf-8")
    assert find_config([story]) == dedicated


def test_standard_input_uses_the_working_directory(tmp_path: Path) -> None:
    _pyproject(tmp_path, "ignore = ['boilerplate']\n")
    result = run_cli("-", input=STORY.encode(), cwd=tmp_path)
    assert "\nAdvertisement\n" in result.stdout.decode()
    plain = run_cli("--no-config", "-", input=STORY.encode(), cwd=tmp_path)
    assert "Advertisement" not in plain.stdout.decode()


# --- every setting ---------------------------------------------------------------------


def _cleaned(tmp_path: Path, story: Path, body: str, *flags: str) -> str:
    _pyproject(tmp_path, body)
    result = run_cli(*flags, str(story))
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_select_and_ignore_take_codes_prefixes_and_names(tmp_path: Path, story: Path) -> None:
    out = _cleaned(tmp_path, story, "select = ['CA3']\n")
    assert "title: Bridge Reopens" in out and "\nAdvertisement\n" in out
    out = _cleaned(tmp_path, story, "ignore = ['boilerplate', 'CA5']\n")
    assert "\nAdvertisement\n" in out and "Volkswgen" in out


def test_quotes(tmp_path: Path, story: Path) -> None:
    assert "‘whole’" in _cleaned(tmp_path, story, "quotes = 'preserve'\n")
    assert "'whole'" in _cleaned(tmp_path, story, "")


def test_extra_boilerplate(tmp_path: Path, story: Path) -> None:
    out = _cleaned(tmp_path, story, "extra-boilerplate = ['Residents welcomed .*']\n")
    assert "Residents welcomed" not in out


def test_misspellings_and_protected_words(tmp_path: Path, story: Path) -> None:
    out = _cleaned(tmp_path, story, "[tool.cleanarticle.misspellings]\nbridge = 'viaduct'\n")
    assert "The viaduct reopened" in out and "Volkswagen dealer said" in out
    out = _cleaned(tmp_path, story, "protected-words = ['Volkswgen']\n")
    assert "a Volkswgen dealer said" in out


def test_omit_keys_and_snake_case(tmp_path: Path, story: Path) -> None:
    out = _cleaned(tmp_path, story, "omit_keys = ['authors', 'byline']\n")
    assert "byline:" not in out and "authors:" not in out and "title: Bridge" in out


def test_per_cleaner_options(tmp_path: Path, story: Path) -> None:
    out = _cleaned(tmp_path, story, "[tool.cleanarticle.options.twin-typos]\nmin-length = 11\n")
    assert "Volkswgen" in out  # the word meant has ten letters: now too short to be fixed
    noisy = "Advertisement\n\nShare this article\n\nThe council met on Monday.\n"
    config = load_config(None, options={"boilerplate": {"guard-share": 0.1, "guard-words": 0}})
    guarded = clean(noisy, config=config)
    assert "Advertisement" in guarded.body
    assert any("guard" in e.reason for e in guarded.edits)
    assert "Advertisement" not in clean(noisy).body


def test_flags_override_the_file(tmp_path: Path, story: Path) -> None:
    out = _cleaned(
        tmp_path,
        story,
        "quotes = 'preserve'\nignore = ['boilerplate']\n",
        "--quotes",
        "straight",
        "--ignore",
        "CA5",
    )
    assert "'whole'" in out and "Advertisement" not in out and "Volkswgen" in out


def test_explicit_config_path_and_no_config(tmp_path: Path, story: Path) -> None:
    _pyproject(tmp_path, "ignore = ['boilerplate']\n")
    other = tmp_path / "strict.toml"
    other.write_text("quotes = 'preserve'\n", "utf-8")
    out = run_cli("--config", str(other), str(story)).stdout.decode()
    assert "‘whole’" in out and "Advertisement" not in out  # only the named file counts
    out = run_cli("--no-config", str(story)).stdout.decode()
    assert "Advertisement" not in out and "'whole'" in out


def test_library_load_config() -> None:
    assert load_config(None) == Config()
    assert load_config(None, quotes="preserve", select=None).quotes == "preserve"


# --- errors: one line naming the file and the key, exit 2, nothing touched -------------

BAD = [
    ("selct = ['CA1']\n", "unknown key 'selct'; expected one of: select, ignore"),
    ("select = ['CA999']\n", "select: unknown cleaner 'CA999'"),
    ("ignore = 4\n", "ignore: expected a list of strings, got an integer"),
    ("quotes = 'curly'\n", "quotes: expected 'straight' or 'preserve', got 'curly'"),
    ("extra-boilerplate = ['(unclosed']\n", "extra-boilerplate[0]: bad regular expression"),
    ("misspellings = ['teh']\n", "misspellings: expected a table of words"),
    (
        "protected-words = [1, 2]\n",
        "protected-words: expected a list of strings, got a list with an integer",
    ),
    ("omit-keys = ['titel']\n", "omit-keys: unknown front matter key 'titel'"),
    ("options = 3\n", "options: expected tables such as"),
    ("[tool.cleanarticle.options.CA999]\nx = 1\n", "options: unknown cleaner 'CA999'"),
    ("[tool.cleanarticle.options.boilerplate]\nshare = 1\n", "has no option 'share'"),
    (
        "[tool.cleanarticle.options.boilerplate]\nguard-words = 'many'\n",
        "option 'guard-words' of boilerplate: expected an integer, got a string",
    ),
    ("select = [\n", "not valid TOML"),
]


@pytest.mark.parametrize(("body", "message"), BAD)
def test_config_errors(tmp_path: Path, story: Path, body: str, message: str) -> None:
    config = _pyproject(tmp_path, body)
    result = run_cli("--write", str(story))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("cleanarticle: error: ")
    assert str(config) in err and message in err, err
    assert story.read_text("utf-8") == STORY


def test_missing_config_path(tmp_path: Path, story: Path) -> None:
    result = run_cli("--write", "--config", str(tmp_path / "nope.toml"), str(story))
    assert result.returncode == 2
    assert "nope.toml: config file not found" in result.stderr.decode()
    assert story.read_text("utf-8") == STORY
    both = run_cli("--config", "x.toml", "--no-config", str(story))
    assert both.returncode == 2 and "contradict" in both.stderr.decode()


def test_library_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cleanarticle.toml"
    path.write_text("quotes = 1\n", "utf-8")
    with pytest.raises(ConfigError, match=r"cleanarticle\.toml: quotes: expected"):
        load_config(path)
