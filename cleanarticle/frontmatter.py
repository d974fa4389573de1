"""YAML front matter: our own metadata written and read back without loss."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import fields
from typing import Any

import yaml

from cleanarticle.errors import InputError
from cleanarticle.model import SCHEMA, Metadata

FENCE = "---"


_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: same output, faster
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Safe dumper that writes text with newlines as ``|`` blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(metadata: Metadata, omit: frozenset[str] = frozenset()) -> str:
    """The front matter block (with its fences and a final newline), or ``""`` when empty.

    >>> import datetime
    >>> print(dump(Metadata(title="Pact: a deal", date=datetime.date(2021, 3, 9))), end="")
    ---
    title: 'Pact: a deal'
    date: 2021-03-09
    ---
    """
    data = {k: v for k, v in metadata.to_dict().items() if k not in omit}
    if not data:
        return ""
    stream = io.StringIO()
    dumper = _Dumper(
        stream, default_flow_style=False, allow_unicode=True, width=2**30, sort_keys=False
    )
    foreign = {key for key, _ in metadata.extra}  # values of any kind: the representer's
    try:  # as yaml.dump does it, with our nodes
        dumper.open()
        pairs = [
            (
                _node(key, dumper),
                dumper.represent_data(value) if key in foreign else _node(value, dumper),
            )
            for key, value in data.items()
        ]
        dumper.serialize(yaml.MappingNode(_MAP, pairs, flow_style=False))
        dumper.close()
    finally:
        dumper.dispose()
    return f"{FENCE}\n{stream.getvalue()}{FENCE}\n"


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _node(value: Any, dumper: yaml.SafeDumper) -> yaml.Node:
    """The node ``yaml.dump`` makes of a value of our own metadata (text, a date, lists of
    text or of mappings of text), built directly: PyYAML's representer, written in Python,
    cost more than libyaml's emitter. Anything else (front matter keys this library does
    not know hold any kind of value) goes through the representer.
    """
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value, style="|" if "\n" in value else None)
    if kind is dt.date:
        return yaml.ScalarNode("tag:yaml.org,2002:timestamp", value.isoformat())
    if kind is list:
        items = [_node(item, dumper) for item in value]
        return yaml.SequenceNode(_SEQ, items, flow_style=False)
    if kind is dict and all(type(key) is str for key in value):
        pairs = [(_node(key, dumper), _node(item, dumper)) for key, item in value.items()]
        return yaml.MappingNode(_MAP, pairs, flow_style=False)
    return dumper.represent_data(value)


def split(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """Split ``text`` into its front matter mapping, the body, and the body's first line number.

    Text that does not start with a ``---`` line, or whose fenced part is not a YAML mapping,
    has no front matter: ``(None, text, 1)``.
    """
    if not text.startswith(FENCE + "\n"):
        return None, text, 1
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end == -1:
        if text.endswith("\n" + FENCE):
            end = len(text) - len(FENCE) - 1
        else:
            return None, text, 1
    raw = text[len(FENCE) + 1 : end + 1]
    try:
        data = yaml.load(raw, Loader=_Loader) if raw.strip() else {}
    except yaml.YAMLError:
        return None, text, 1
    if not isinstance(data, dict):
        return None, text, 1
    body_start = end + len(FENCE) + 2
    first_line = text.count("\n", 0, min(body_start, len(text))) + 1
    return data, text[body_start:], first_line


def yaml_error(text: str) -> str | None:
    """What is wrong with the front matter of ``text`` when its fenced block is not valid
    YAML, or None (no front matter, or valid front matter).

    :func:`split` reads such a block as body text; the command line refuses it instead, so
    that a typo in a key does not move the whole front matter into the article.

    >>> yaml_error("---\\ntitle: a\\nbyline: b: c\\n---\\nBody\\n")
    'front matter line 3: mapping values are not allowed in this context'
    """
    if not text.startswith(FENCE + "\n"):
        return None
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end == -1:
        if not text.endswith("\n" + FENCE):
            return None
        end = len(text) - len(FENCE) - 1
    raw = text[len(FENCE) + 1 : end + 1]
    try:
        yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"front matter line {mark.line + 2}" if mark is not None else "front matter"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return f"{where}: {problem}"
    return None


def to_metadata(data: dict[str, Any]) -> Metadata:
    """Typed metadata from a front matter mapping; unknown keys go to ``extra``.

    >>> to_metadata({"title": "T", "date": "2021-03-09", "layout": "post"}).date
    datetime.date(2021, 3, 9)
    """
    known: dict[str, Any] = {}
    extra: list[tuple[str, Any]] = []
    for key, value in data.items():
        key = str(key)
        if key not in SCHEMA:
            extra.append((key, value))
            continue
        if value is None:
            continue
        known[key] = _coerce(key, value)
    return Metadata(**known, extra=tuple(extra))


def _coerce(key: str, value: Any) -> Any:
    spec = SCHEMA[key]
    try:
        if spec.kind == "date":
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            return dt.date.fromisoformat(str(value).strip())
        if spec.kind == "texts":
            items = value if isinstance(value, list) else [value]
            return tuple(str(item) for item in items)
        if spec.record is not None:
            names = tuple(f.name for f in fields(spec.record))
            return tuple(spec.record(**_record(item, names)) for item in _list(value))
        if isinstance(value, dict | list):
            raise TypeError("a text value")
        return str(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"front matter key {key!r} has a bad value {value!r} ({exc})") from exc


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("a list")
    return value


def _record(item: Any, keys: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(item, dict) or not set(item) <= set(keys):
        raise TypeError(f"entries with the keys {', '.join(keys)}")
    return {k: str(v) for k, v in item.items() if v is not None}
