"""Small helpers the cleaners share."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cleanarticle.model import Block, Document, Kind, Line
from cleanarticle.pipeline import Context

#: Blocks whose text is prose (inline Markdown) that text cleaners may change.
TEXT_KINDS = frozenset({Kind.PARAGRAPH, Kind.HEADING})
#: Every block but code: characters (mojibake, quotes) are repaired in lists and quotes too.
NOT_CODE = frozenset(Kind) - {Kind.CODE}


def text_lines(doc: Document, kinds: frozenset[Kind] = TEXT_KINDS) -> Iterator[tuple[Block, Line]]:
    """Every line of every block of these kinds (default: paragraphs and headings)."""
    for block in doc.blocks:
        if block.kind in kinds:
            for line in block.lines:
                yield block, line


def rewrite_lines(
    doc: Document,
    ctx: Context,
    fix: Callable[[str], tuple[str, str] | None],
    kinds: frozenset[Kind] = TEXT_KINDS,
) -> None:
    """Apply ``fix(text) -> (new_text, reason) | None`` to each prose line; record each change."""
    for _, line in text_lines(doc, kinds):
        result = fix(line.text)
        if result is None or result[0] == line.text:
            continue
        new, reason = result
        ctx.record("replace", reason, before=line.text, after=new, line=line.number)
        line.text = new


def drop_empty(doc: Document) -> None:
    """Remove blocks whose lines were all removed."""
    doc.blocks = [b for b in doc.blocks if b.lines]


def remove_block(doc: Document, ctx: Context, block: Block, kind: str, reason: str) -> None:
    """Take a whole block out of the body and record why."""
    ctx.record(kind, reason, before=block.text, line=block.number)
    doc.blocks.remove(block)


def remove_blocks(doc: Document, ctx: Context, found: list[tuple[Block, str, str]]) -> None:
    """Take many ``(block, kind, reason)`` out at once (linear, unlike one by one)."""
    gone = set()
    for block, kind, reason in found:
        ctx.record(kind, reason, before=block.text, line=block.number)
        gone.add(id(block))
    if gone:
        doc.blocks = [b for b in doc.blocks if id(b) not in gone]
