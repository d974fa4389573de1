"""The document model back to canonical Markdown."""

from __future__ import annotations

import regex

from cleanarticle import frontmatter
from cleanarticle.html import looks_like_html
from cleanarticle.model import Block, Document, Kind, Metadata
from cleanarticle.parse import parse_body

#: A paragraph starting like this would be read back as another kind of block.
_BLOCK_START = regex.compile(
    r"^(?:#{1,6}(?=\s|$)|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>|`{3}|~{3}|\[[^\]]*\]:"
    r"|(?:[-*_][ \t]*){3,}$)"
)


def render_block(block: Block) -> str:
    """One block as canonical Markdown.

    >>> from cleanarticle.model import Line
    >>> render_block(Block(Kind.PARAGRAPH, [Line("1961. A year", 1)]))
    '1961\\\\. A year'
    """
    if block.kind is Kind.HEADING:
        return "#" * block.level + " " + block.text
    if block.kind is Kind.RULE:
        return "***"
    if block.kind is Kind.PARAGRAPH:
        if len(block.lines) == 1:  # after unwrapping, nearly every paragraph
            return _escape_start(block.lines[0].text)
        return "\n".join([_escape_start(line.text) for line in block.lines])
    return block.text


def _as_read_back(blocks: list[Block]) -> list[Block]:
    """Lists, quotes and tables as a reader would now parse them.

    A cleaner that changes characters inside a raw block can change its Markdown structure
    (a lazy continuation line that becomes a list item); such a block is written as the
    blocks it now reads as, so that reading the output back gives the same blocks.
    """
    if not any(block.kind in _RAW_STRUCTURE for block in blocks):
        return blocks  # the usual body: paragraphs and headings only
    out: list[Block] = []
    for block in blocks:
        if block.kind in _RAW_STRUCTURE:
            out.extend(parse_body(block.text, block.number) or [block])
        else:
            out.append(block)
    return out


_RAW_STRUCTURE = frozenset({Kind.LIST, Kind.QUOTE, Kind.TABLE})


_BLOCK_START_CHARS = frozenset("#-+*>`~[_0123456789")


def _escape_start(text: str) -> str:
    if text[:1] not in _BLOCK_START_CHARS:
        return text  # the usual case: no pattern to try
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if text[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def render_body(blocks: list[Block]) -> str:
    """Blocks separated by one blank line, with exactly one final newline (empty: ``""``).

    A body that would read back as an HTML page (a paragraph about ``<html>`` first, with no
    front matter above it) has its first ``<`` escaped.
    """
    parts = []
    for block in _as_read_back(blocks):
        lines = block.lines
        if block.kind is Kind.PARAGRAPH and len(lines) == 1:  # nearly every block: inlined
            text = lines[0].text
            part = _escape_start(text) if text[:1] in _BLOCK_START_CHARS else text
        else:
            part = render_block(block)
        if part.strip():
            parts.append(part)
    if not parts:
        return ""
    parts[-1] += "\n"  # the final newline, without copying the whole body once more
    body = "\n\n".join(parts)
    return "\\" + body if looks_like_html(body) else body


def render_document(metadata: Metadata, body: str, omit: frozenset[str] = frozenset()) -> str:
    """Front matter, one blank line, then the body."""
    head = frontmatter.dump(metadata, omit)
    if head and body:
        return head + "\n" + body
    return head or body


def render(doc: Document, omit: frozenset[str] = frozenset()) -> str:
    """The whole canonical document."""
    return render_document(doc.metadata, render_body(doc.blocks), omit)
