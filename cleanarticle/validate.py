"""Check a text against the canonical format (docs/format.md). Tests share this function."""

from __future__ import annotations

import unicodedata

import regex

from cleanarticle import frontmatter
from cleanarticle.markdown import dead_links, parse_inline
from cleanarticle.model import METADATA_KEYS, Kind
from cleanarticle.parse import parse_body


def problems(text: str) -> list[str]:
    """Every way ``text`` breaks the canonical format; empty when it is canonical.

    >>> problems("---\\ntitle: T\\n---\\n\\nOne paragraph.\\n")
    []
    >>> problems("Two  \\nlines\\n\\n\\n# Title\\n")  # doctest: +NORMALIZE_WHITESPACE
    ['line 1: trailing whitespace', 'line 4: more than one blank line between blocks',
     'line 1: paragraph spans 2 lines',
     'heading level 1 in the body (the title belongs in front matter)']
    """
    found: list[str] = []
    if not text:
        return found
    if "\r" in text:
        found.append("CR line endings")
    if not text.endswith("\n") or text.endswith("\n\n"):
        found.append("not exactly one final newline")
    if unicodedata.normalize("NFC", text) != text:
        found.append("not Unicode NFC")
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line != line.rstrip():
            found.append(f"line {number}: trailing whitespace")
    data, body, first = frontmatter.split(text)
    if text.startswith("---\n"):
        found.extend(_front_matter(data, text))
    if data is not None and body and not body.startswith("\n"):
        found.append("no blank line after the front matter")
    body = body[1:] if data is not None and body.startswith("\n") else body
    offset = first + (1 if data is not None else 0)
    triple = body.find("\n\n\n")
    if triple != -1:
        found.append(
            f"line {offset + body.count(chr(10), 0, triple) + 2}: "
            "more than one blank line between blocks"
        )
    if body.startswith("\n"):
        found.append("body starts with a blank line")
    for block in parse_body(body, offset):
        found.extend(_block(block))
    return found


def _front_matter(data: dict | None, text: str) -> list[str]:
    if data is None:
        return ["front matter is not a YAML mapping"]
    found = []
    keys = [k for k in data if k in METADATA_KEYS]
    if keys != sorted(keys, key=METADATA_KEYS.index):
        found.append(f"front matter keys out of order: {keys}")
    extra = [k for k in data if k not in METADATA_KEYS]
    if extra != sorted(extra):
        found.append("unknown front matter keys are not sorted")
    if list(data)[: len(keys)] != keys:
        found.append("unknown front matter keys come before known ones")
    for key, value in data.items():
        if value in (None, "", [], {}):
            found.append(f"front matter key {key!r} is empty")
    if "date" in data and not regex.search(r"(?m)^date: \d{4}-\d\d-\d\d$", text):
        found.append("date is not written as YYYY-MM-DD")
    return found


def _block(block) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    where = f"line {block.number}"
    if block.kind is Kind.PARAGRAPH and len(block.lines) > 1:
        found.append(f"{where}: paragraph spans {len(block.lines)} lines")
    if block.kind is Kind.HEADING:
        if block.level == 1:
            found.append("heading level 1 in the body (the title belongs in front matter)")
        tokens = [t for t in parse_inline(block.text) if t.content or t.type != "text"]
        if (
            tokens
            and tokens[0].type in ("strong_open", "em_open")
            and tokens[-1].type in ("strong_close", "em_close")
        ):
            found.append(f"{where}: emphasis wrapped around a whole heading")
    text = block.text
    if (
        block.kind in (Kind.PARAGRAPH, Kind.HEADING)
        and "](" in text
        and dead_links(parse_inline(text))
    ):
        found.append(f"{where}: link with an empty or '#' target")
    return found
