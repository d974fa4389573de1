"""Small helpers the cleaners share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from cleanarticle.chars import is_printable_ascii
from cleanarticle.model import RAW_KINDS, SCHEMA, Block, Document, Kind, Line, Metadata
from cleanarticle.parse import parse_body
from cleanarticle.pipeline import Context

#: Blocks whose text is prose (inline Markdown) that text cleaners may change.
TEXT_KINDS = frozenset({Kind.PARAGRAPH, Kind.HEADING})
#: Paragraphs only: where URL lines, teasers and captions stand.
PARAGRAPHS = frozenset({Kind.PARAGRAPH})
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
    only_odd_characters: bool = False,
) -> None:
    """Apply ``fix(text) -> (new_text, reason) | None`` to each prose line; record each change.

    ``only_odd_characters``: ``fix`` changes only lines with a character that is not
    printable ASCII; when every line is printable ASCII (checked in C, for all the lines at
    once), none is looked at.
    """
    if only_odd_characters and _printable_ascii(line_texts(doc, kinds)):
        return
    emptied = False
    changed_raw: set[int] = set()  # lists, quotes, tables whose lines changed
    for block in doc.blocks:
        if block.kind not in kinds:
            continue
        for line in block.lines:
            result = fix(line.text)
            if result is None or result[0] == line.text:
                continue
            new, reason = result
            ctx.record("replace", reason, before=line.text, after=new, line=line.number)
            line.text = new
            emptied = emptied or not new.strip()
            if block.kind in RAW_KINDS:
                changed_raw.add(id(block))
    if changed_raw:
        read_again(doc, changed_raw)
    if emptied:
        split_at_blank_lines(doc)


def read_again(doc: Document, changed: set[int]) -> None:
    """Read these raw blocks (by ``id``) again from their lines: a change to a list's or a
    quote's spacing can change what the Markdown says (a tab that made a list item's second
    paragraph becomes one space, and the paragraph leaves the list), and deciding the rest
    on the blocks as they will be read keeps the result a fixed point.

    >>> from cleanarticle.model import Line
    >>> doc = Document([Block(Kind.LIST, [Line("- a", 3), Line("", 4), Line(" b", 5)])])
    >>> read_again(doc, {id(doc.blocks[0])})
    >>> [(b.kind.value, [(line.text, line.number) for line in b.lines]) for b in doc.blocks]
    [('list', [('- a', 3)]), ('paragraph', [('b', 5)])]
    """
    blocks: list[Block] = []
    for block in doc.blocks:
        if id(block) not in changed:
            blocks.append(block)
            continue
        numbers = [line.number for line in block.lines]
        for new in parse_body("\n".join(line.text for line in block.lines), 0):
            for line in new.lines:  # parse_body numbered them from 0: their index
                line.number = numbers[line.number]
            blocks.append(new)
    doc.blocks = blocks


def split_at_blank_lines(doc: Document) -> None:
    """A line left blank (it held only invisible characters) ends its paragraph, as it will
    when the output is read again; a heading left blank goes. Deciding the rest (the title,
    the head) on the blocks as they will be read keeps the result a fixed point.

    >>> from cleanarticle.model import Line
    >>> doc = Document([Block(Kind.PARAGRAPH, [Line("A", 1), Line("", 2), Line("B", 3)])])
    >>> split_at_blank_lines(doc)
    >>> [[line.text for line in block.lines] for block in doc.blocks]
    [['A'], ['B']]
    """
    blocks: list[Block] = []
    for block in doc.blocks:
        if block.kind is Kind.HEADING and not block.text.strip():
            continue
        if block.kind is not Kind.PARAGRAPH or all(line.text.strip() for line in block.lines):
            blocks.append(block)
            continue
        run: list[Line] = []
        for line in [*block.lines, Line("", 0)]:
            if line.text.strip():
                run.append(line)
            elif run:
                blocks.append(Block(Kind.PARAGRAPH, run))
                run = []
    doc.blocks = blocks


def holds_any(doc: Document, characters: str, kinds: frozenset[Kind] = TEXT_KINDS) -> bool:
    """Whether a line of these kinds holds one of ``characters``: one join and a few
    searches in C, so that a cleaner whose every change needs one of them can return at
    once instead of visiting each block.
    """
    text = "\n".join(line_texts(doc, kinds))
    return any(char in text for char in characters)


def line_texts(doc: Document, kinds: frozenset[Kind] = TEXT_KINDS) -> list[str]:
    """The text of every line of every block of these kinds."""
    return [line.text for block in doc.blocks if block.kind in kinds for line in block.lines]


def _printable_ascii(texts: list[str]) -> bool:
    return is_printable_ascii(" ".join(texts))


#: The metadata fields whose prose the character cleaners repair, with their schema rows.
REPAIRED = tuple((key, spec) for key, spec in SCHEMA.items() if spec.repaired)


def rewrite_metadata(
    doc: Document,
    ctx: Context,
    fix: Callable[[str], tuple[str, str] | None],
    only_odd_characters: bool = False,
) -> None:
    """Apply ``fix`` to the metadata's prose (the fields the schema marks ``repaired``: the
    title, byline, captions ...; never URLs) (``only_odd_characters``: as for
    ``rewrite_lines``).

    Metadata read from an HTML page or a front matter never passed through the body's
    cleaners, so the character-level ones repair it here too.
    """
    meta = doc.metadata
    if only_odd_characters and _printable_ascii(list(_prose(meta))):
        return
    changes: dict[str, object] = {}

    def apply(key: str, text: str) -> str:
        result = fix(text) if text else None
        if result is None or result[0] == text:
            return text
        ctx.record("replace", f"{result[1]} (front matter: {key})", before=text, after=result[0])
        return result[0]

    for key, spec in REPAIRED:
        value = getattr(meta, key)
        if not value:
            continue
        if spec.kind == "text":
            new = apply(key, value)
        elif spec.record is not None:
            new = tuple(
                replace(item, **{name: apply(key, getattr(item, name)) for name in item.PROSE})
                for item in value
            )
        else:
            new = tuple(apply(key, item) for item in value)
        if new != value:
            changes[key] = new
    if changes:
        doc.set_meta(**changes)


def _prose(meta: Metadata) -> Iterator[str]:
    """The text of every repaired metadata field."""
    for key, spec in REPAIRED:
        value = getattr(meta, key)
        if spec.kind == "text":
            yield value
        elif spec.record is not None:
            yield from (getattr(item, name) for item in value for name in item.PROSE)
        else:
            yield from value


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
