"""The metadata schema: one row per field gives the model, the front matter and the docs."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

import pytest

from cleanarticle import clean
from cleanarticle.frontmatter import dump, split, to_metadata
from cleanarticle.model import METADATA_KEYS, SCHEMA, FieldSpec, Metadata
from tests.conftest import ROOT

MOJIBAKE, FIXED = "cafÃ© owner", "café owner"


def _value(spec: FieldSpec, text: str) -> Any:
    """A non-empty value of the field's kind, built from the schema alone."""
    if spec.kind == "date":
        return dt.date(2021, 3, 9)
    if spec.record is not None:
        return (spec.record(**{f.name: text for f in fields(spec.record)}),)
    return (text,) if spec.kind == "texts" else text


def test_every_field_but_extra_is_a_row_of_the_schema_in_front_matter_order() -> None:
    names = [f.name for f in fields(Metadata)]
    assert names[-1] == "extra"
    assert list(SCHEMA) == names[:-1] == list(METADATA_KEYS)
    for key, spec in SCHEMA.items():
        assert spec.kind in {"text", "texts", "date", "records"}, key
        assert (spec.kind == "records") == (spec.record is not None), key
        assert spec.what, key


def test_every_field_is_written_and_read_back_unchanged() -> None:
    meta = Metadata(**{key: _value(spec, f"{key} value") for key, spec in SCHEMA.items()})
    data = meta.to_dict()
    assert list(data) == list(SCHEMA)  # none is left out, none moves
    front, body, _ = split(dump(meta) + "\nBody.\n")
    assert front is not None and body == "\nBody.\n"
    assert to_metadata(front) == meta


@pytest.mark.parametrize("key", sorted(SCHEMA))
def test_the_character_cleaners_repair_exactly_the_fields_marked_repaired(key: str) -> None:
    spec = SCHEMA[key]
    if spec.kind == "date":
        pytest.skip("a date holds no prose")
    meta = Metadata(**{key: _value(spec, MOJIBAKE)})
    found = clean(dump(meta) + "\nThe body of the article, which is fine as it is.\n").metadata
    if spec.record is not None:
        [item] = getattr(found, key)
        for name in (f.name for f in fields(spec.record)):
            wanted = FIXED if spec.repaired and name in spec.record.PROSE else MOJIBAKE
            assert getattr(item, name) == wanted, name
    else:
        assert getattr(found, key) == _value(spec, FIXED if spec.repaired else MOJIBAKE)


def test_format_md_shows_the_schema() -> None:
    from cleanarticle.docs import format_markdown

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert format_markdown(doc) == doc, "regenerate: python -m cleanarticle.docs"
    for key, spec in SCHEMA.items():
        assert f"| `{key}` | {spec.written_as} | {spec.what} |" in doc
