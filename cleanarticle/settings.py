"""Configuration files: ``[tool.cleanarticle]`` in ``pyproject.toml``, or ``cleanarticle.toml``.

The file is found like black and ruff find theirs: walking up from the files being
cleaned (their common directory; the working directory for standard input) to the first
directory with a ``cleanarticle.toml`` or ``.cleanarticle.toml`` (whole file) or a
``pyproject.toml`` that has a ``[tool.cleanarticle]`` table. Keys are kebab-case
(``protected-words``); snake_case is accepted too.

>>> settings_from_table({"ignore": ["CA5"], "protected-words": ["Okonjo"]}, "x.toml")
{'ignore': ['CA5'], 'protected_words': ['Okonjo']}
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from cleanarticle.config import Config
from cleanarticle.errors import ConfigError
from cleanarticle.model import METADATA_KEYS
from cleanarticle.pipeline import Pipeline

#: File names searched in each directory, in order of preference.
CONFIG_NAMES = ("cleanarticle.toml", ".cleanarticle.toml", "pyproject.toml")
TABLE = "[tool.cleanarticle]"


def find_config(paths: Sequence[str | os.PathLike[str]] = ()) -> Path | None:
    """The config file that applies to ``paths``, or None.

    Searching starts at the common directory of ``paths`` (the working directory when
    there are none, or for ``-``) and walks up to the filesystem root.
    """
    start = _common_directory([p for p in paths if str(p) != "-"])
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            if _tool_table(_read_toml(candidate), candidate) is not None:
                return candidate
    return None


def _common_directory(paths: Sequence[str | os.PathLike[str]]) -> Path:
    if not paths:
        return Path.cwd().resolve()
    resolved = [Path(p).resolve() for p in paths]
    dirs = [p if p.is_dir() else p.parent for p in resolved]
    return Path(os.path.commonpath([str(d) for d in dirs]))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; TOML files must be saved as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_settings(path: Path) -> tuple[dict[str, Any], str]:
    """The settings of a config file, checked, as keyword arguments for ``Config.make``,
    and how errors name the place they come from.

    A ``pyproject.toml`` is read from its ``[tool.cleanarticle]`` table; any other file is
    read whole. Every problem is a ConfigError naming the file and the key.
    """
    data = _read_toml(path)
    where = str(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path) or {}
        where = f"{path} {TABLE}"
    return settings_from_table(data, where), where


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """The ``[tool.cleanarticle]`` table of a parsed ``pyproject.toml``, or None.

    ``tool`` or ``tool.cleanarticle`` given as something other than a table (``tool = 1``)
    is a ConfigError naming the file, not a crash.
    """
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.NAME]), got {_describe(tool)}")
    table = tool.get("cleanarticle")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(
            f"{path}: tool.cleanarticle must be a table ({TABLE}), got {_describe(table)}"
        )
    return table


def _strings(where: str, key: str, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key}: expected a list of strings, got {_describe(value)}")
    return list(value)


def _regexes(where: str, key: str, value: object) -> list[str]:
    patterns = _strings(where, key, value)
    for i, pattern in enumerate(patterns):
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise ConfigError(
                f"{where}: {key}[{i}]: bad regular expression {pattern!r} ({exc}); "
                "expected a pattern in Python 'regex' syntax"
            ) from None
    return patterns


def _quotes(where: str, key: str, value: object) -> str:
    if value not in ("straight", "preserve"):
        raise ConfigError(f"{where}: {key}: expected 'straight' or 'preserve', got {value!r}")
    return str(value)


def _misspellings(where: str, key: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in value.items()
    ):
        raise ConfigError(
            f'{where}: {key}: expected a table of words, wrong = "right", got {_describe(value)}'
        )
    return dict(value)


def _omit_keys(where: str, key: str, value: object) -> list[str]:
    keys = _strings(where, key, value)
    for name in keys:
        if name not in METADATA_KEYS:
            raise ConfigError(
                f"{where}: {key}: unknown front matter key {name!r}; "
                f"expected some of: {', '.join(METADATA_KEYS)}"
            )
    return keys


def _options(where: str, key: str, value: object) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(
            f"{where}: {key}: expected tables such as [tool.cleanarticle.options.boilerplate], "
            f"got {_describe(value)}"
        )
    return {name: dict(table) for name, table in value.items()}


_Reader = Callable[[str, str, object], object]

#: Setting name (kebab-case, as written in the file) -> (Config field, reader).
SETTINGS: dict[str, tuple[str, _Reader]] = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "quotes": ("quotes", _quotes),
    "extra-boilerplate": ("extra_boilerplate", _regexes),
    "misspellings": ("misspellings", _misspellings),
    "protected-words": ("protected_words", _strings),
    "omit-keys": ("omit_keys", _omit_keys),
    "options": ("options", _options),
}


def _boolean(where: str, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {key}: expected true or false, got {_describe(value)}")
    return value


def _size(where: str, key: str, value: object) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {key}: {exc}") from None


_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 2**10, "kib": 2**10, "m": 2**20, "mb": 2**20}
_UNITS |= {"mib": 2**20, "g": 2**30, "gb": 2**30, "gib": 2**30}


def parse_size(value: object) -> int:
    """A size in bytes from an integer or a string such as ``"200MB"`` (units of 1024).

    >>> parse_size("64 MB"), parse_size(1000), parse_size("2k")
    (67108864, 1000, 2048)
    """
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        match = regex.fullmatch(r"\s*([0-9]+)\s*([A-Za-z]*)\s*", value)
        if match and match[2].lower() in _UNITS and int(match[1]) > 0:
            return int(match[1]) * _UNITS[match[2].lower()]
    raise ValueError(f"expected a size such as 100MB, 512KB or a number of bytes, got {value!r}")


#: Settings of which files are articles (``FileSelection`` fields), not of cleaning.
FILE_SETTINGS: dict[str, tuple[str, _Reader]] = {
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "force-exclude": ("force_exclude", _boolean),
    "max-size": ("max_size", _size),
}


def settings_from_table(table: Mapping[str, object], where: str) -> dict[str, Any]:
    """Check a settings table (from TOML) and turn it into ``Config.make`` arguments
    (the file selection keys are checked too, and left to :func:`file_settings`)."""
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key in FILE_SETTINGS:
            FILE_SETTINGS[key][1](where, key, value)
            continue
        if key not in SETTINGS:
            known = ", ".join([*SETTINGS, *FILE_SETTINGS])
            raise ConfigError(f"{where}: unknown key {raw_key!r}; expected one of: {known}")
        field_name, reader = SETTINGS[key]
        out[field_name] = reader(where, key, value)
    return out


def file_settings(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The file selection settings of a config file (``include``, ``exclude``,
    ``extend-exclude``, ``force-exclude``, ``max-size``) and its directory as ``root``.

    Without a file the root is the working directory and every setting is its default.
    """
    if path is None:
        return {"root": Path.cwd()}
    file = Path(path)
    data = _read_toml(file)
    where = str(file)
    if file.name == "pyproject.toml":
        data = _tool_table(data, file) or {}
        where = f"{file} {TABLE}"
    out: dict[str, Any] = {"root": file.resolve().parent}
    for raw_key, value in data.items():
        key = raw_key.replace("_", "-")
        if key in FILE_SETTINGS:
            field_name, reader = FILE_SETTINGS[key]
            out[field_name] = reader(where, key, value)
    return out


def check_against(settings: Mapping[str, Any], pipeline: Pipeline, where: str) -> None:
    """Raise ConfigError (naming ``where``) for cleaners or options the pipeline lacks."""
    for key in ("select", "ignore"):
        if key in settings:
            try:
                pipeline.matching(settings[key])
            except ConfigError as exc:
                raise ConfigError(f"{where}: {key}: {exc}") from None
    if "options" in settings:
        try:
            pipeline.check_options(settings["options"])
        except ConfigError as exc:
            raise ConfigError(f"{where}: options: {exc}") from None


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    pipeline: Pipeline | None = None,
    **overrides: Any,
) -> Config:
    """A Config from a file (``path``, or none), checked against ``pipeline``.

    ``overrides`` (``Config.make`` arguments, e.g. from the command line) win over the file.
    """
    from cleanarticle.api import default_pipeline

    settings: dict[str, Any] = {}
    if path is not None:
        file = Path(path)
        if not file.is_file():
            raise ConfigError(f"{file}: config file not found; check the --config path")
        settings, where = read_settings(file)
        check_against(settings, pipeline if pipeline is not None else default_pipeline(), where)
    settings.update({k: v for k, v in overrides.items() if v is not None})
    return Config.make(**settings)


def _describe(value: object) -> str:
    """``a list with an integer``: what a wrong value is, in TOML's words."""
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    names |= {dict: "a table", list: "a list"}
    if isinstance(value, list):
        odd = next((v for v in value if not isinstance(v, str)), None)
        return "a list" if odd is None else f"a list with {_describe(odd)}"
    return names.get(type(value), "a value")
