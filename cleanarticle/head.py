"""The article's head: the leading blocks (title, dek, byline, date, captions) before the body.

The head ends at the first block that is none of these. Every metadata cleaner looks only at
the head, which is found from the blocks' text alone; once the head has been moved into the
metadata, what remains starts with a body paragraph, so cleaning again finds no head. That is
what keeps metadata extraction a fixed point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cleanarticle import detect
from cleanarticle.model import Block, Document, Kind

#: Bylines, date lines and captions are never longer than this.
MAX_HEADER_ITEM = 600


def is_header_item(block: Block) -> bool:
    """A block that, by its text alone, is a byline, date line or caption."""
    if block.kind is not Kind.PARAGRAPH or len(block.lines) != 1:
        return False
    return is_header_text(block.lines[0].text)


@detect.short_cache
def is_header_text(text: str) -> bool:
    """A line that is a byline, date line or caption (one memo for the three questions,
    asked of the same head lines by every cleaner of the head).

    >>> is_header_text("By Jane Doe"), is_header_text("Rain fell all day.")
    (True, False)
    """
    return len(text) <= MAX_HEADER_ITEM and (
        detect.parse_byline(text) is not None
        or detect.parse_date(text) is not None
        or detect.parse_caption(text) is not None
    )


def is_title(block: Block, item: bool | None = None) -> bool:
    """A level-1 heading, or a headline-like line that is not a byline, date or caption
    (``item``: whether it is one, when the caller knows already)."""
    if block.kind is Kind.HEADING:
        return block.level == 1
    return (
        block.is_paragraph
        and len(block.lines) == 1
        and detect.is_title_like(block.text)
        and not (is_header_item(block) if item is None else item)
    )


@dataclass(frozen=True)
class Head:
    """Where the head ends, where its title is, and where its standfirst is."""

    length: int
    title: int | None
    dek: int | None


def analyse(doc: Document) -> Head:
    """The head, in one pass over the blocks (linear in their number).

    The title is the first title block with only bylines, dates or captions above it; the
    standfirst is one short paragraph right after the title (or first, when the title is
    already known) and before another head item.

    Several cleaners ask in a row; the answer is kept on the document with what it was read
    from (the blocks up to the one after the head's end), and reused while that is the same.
    """
    kept = doc.head_cache
    if kept is not None and kept[0] == _snapshot(doc, len(kept[0][2])):
        return kept[1]  # type: ignore[no-any-return]
    found = _analyse(doc)
    doc.head_cache = (_snapshot(doc, found.length + 2), found)
    return found


def _snapshot(doc: Document, count: int) -> tuple[object, ...]:
    """What ``_analyse`` reads of the first ``count`` blocks (kind, level, and the text of a
    one-line block or else the number of lines), whether they are all the blocks, and
    whether the metadata has a title."""
    blocks = doc.blocks[:count]
    return (
        len(blocks) == len(doc.blocks),
        bool(doc.metadata.title),
        [
            (b.kind, b.level, lines[0].text if len(lines := b.lines) == 1 else len(lines))
            for b in blocks
        ],
    )


def _analyse(doc: Document) -> Head:
    blocks = doc.blocks
    if len(blocks) < 2:
        return Head(0, None, None)
    items: dict[int, bool] = {}  # is_header_item of each block, asked once

    def item_at(i: int) -> bool:
        if i not in items:
            items[i] = is_header_item(blocks[i])
        return items[i]

    title: int | None = None
    dek: int | None = None
    items_before = True  # every block above this one is a byline, date or caption
    for index, block in enumerate(blocks):
        item = item_at(index)
        if block.kind is Kind.HEADING and block.level == 1 and items_before and title is None:
            title, items_before = index, False
            continue
        if block.kind is not Kind.PARAGRAPH:
            return Head(index, title, dek)
        titled = is_title(block, item)
        if titled and items_before and title is None:
            title = index
        elif dek is None and not item and _dek_shaped(blocks, index, item_at):
            after_title = title is not None and title == index - 1
            if after_title or (bool(doc.metadata.title) and items_before):
                dek = index
        if not (item or titled or dek == index):
            return Head(index, title, dek)
        items_before = items_before and item
    return Head(len(blocks), title, dek)


def _dek_shaped(blocks: list[Block], index: int, item_at: Callable[[int], bool]) -> bool:
    block = blocks[index]
    return (
        index + 1 < len(blocks)
        and len(block.lines) == 1
        and len(block.text) <= 400
        and item_at(index + 1)
    )


def head_length(doc: Document) -> int:
    """How many leading blocks form the head (a lone block is the body, never a head)."""
    return analyse(doc).length


def head(doc: Document) -> list[Block]:
    """The head blocks, in order."""
    return doc.blocks[: head_length(doc)]
