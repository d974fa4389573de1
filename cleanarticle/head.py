"""The article's head: the leading blocks (title, dek, byline, date, captions) before the body.

The head ends at the first block that is none of these. Every metadata cleaner looks only at
the head, which is found from the blocks' text alone; once the head has been moved into the
metadata, what remains starts with a body paragraph, so cleaning again finds no head. That is
what keeps metadata extraction a fixed point.
"""

from __future__ import annotations

from cleanarticle import detect
from cleanarticle.model import Block, Document, Kind

#: Bylines, date lines and captions are never longer than this.
MAX_HEADER_ITEM = 600


def is_header_item(block: Block) -> bool:
    """A block that, by its text alone, is a byline, date line or caption."""
    if block.kind is not Kind.PARAGRAPH or len(block.lines) != 1:
        return False
    text = block.text
    if len(text) > MAX_HEADER_ITEM:
        return False
    return (
        detect.parse_byline(text) is not None
        or detect.parse_date(text) is not None
        or detect.parse_caption(text) is not None
    )


def is_title(block: Block) -> bool:
    """A level-1 heading, or a headline-like line that is not a byline, date or caption."""
    if block.kind is Kind.HEADING:
        return block.level == 1
    return (
        block.is_paragraph
        and len(block.lines) == 1
        and detect.is_title_like(block.text)
        and not is_header_item(block)
    )


def title_index(doc: Document) -> int | None:
    """Where the title is: the first title block, with only bylines, dates or captions above."""
    for index, block in enumerate(doc.blocks[: head_length(doc)]):
        if is_title(block):
            return index
        if not is_header_item(block):
            return None
    return None


def is_dek(doc: Document, index: int) -> bool:
    """A standfirst: one short paragraph right after the title and before other head items."""
    blocks = doc.blocks
    if index + 1 >= len(blocks) or not blocks[index].is_paragraph:
        return False
    if len(blocks[index].lines) != 1 or len(blocks[index].text) > 400:
        return False
    if is_header_item(blocks[index]) or not is_header_item(blocks[index + 1]):
        return False
    if index > 0 and _title_at(doc, index - 1):
        return True
    return bool(doc.metadata.title) and all(is_header_item(b) for b in blocks[:index])


def _title_at(doc: Document, index: int) -> bool:
    blocks = doc.blocks
    return is_title(blocks[index]) and all(is_header_item(b) for b in blocks[:index])


def head_length(doc: Document) -> int:
    """How many leading blocks form the head (a lone block is the body, never a head)."""
    if len(doc.blocks) < 2:
        return 0
    for index, block in enumerate(doc.blocks):
        if block.kind is Kind.HEADING and block.level == 1 and _title_at(doc, index):
            continue
        if block.kind is not Kind.PARAGRAPH:
            return index
        if is_header_item(block) or is_title(block) or is_dek(doc, index):
            continue
        return index
    return len(doc.blocks)


def head(doc: Document) -> list[Block]:
    """The head blocks, in order."""
    return doc.blocks[: head_length(doc)]
