"""Text to the document model: front matter, then Markdown block structure with line numbers."""

from __future__ import annotations

import re

import regex

from cleanarticle import frontmatter
from cleanarticle.chars import normalize_spacing
from cleanarticle.detect import parse_date
from cleanarticle.markdown import parse_blocks
from cleanarticle.model import Block, Document, Kind, Line

_CONTAINERS = {
    "bullet_list_open": Kind.LIST,
    "ordered_list_open": Kind.LIST,
    "blockquote_open": Kind.QUOTE,
    "table_open": Kind.TABLE,
}


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; Unicode's line and paragraph separators (U+2028, U+2029)
    become a line break and a paragraph break.

    >>> normalize_newlines("a\\r\\nb\\u2028c\\u2029d")
    'a\\nb\\nc\\n\\nd'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text


def parse(text: str) -> Document:
    """Parse ``text`` (LF newlines) into a document.

    >>> doc = parse("---\\ntitle: T\\n---\\n# Head\\n\\nOne\\ntwo\\n")
    >>> doc.metadata.title, [(b.kind.value, b.text, b.number) for b in doc.blocks]
    ('T', [('heading', 'Head', 4), ('paragraph', 'One\\ntwo', 6)])
    """
    data, body, first_line = frontmatter.split(text)
    doc = Document(blocks=parse_body(body, first_line))
    if data is not None:
        doc.metadata = frontmatter.to_metadata(data)
    return doc


def parse_body(body: str, first_line: int = 1) -> list[Block]:
    """Blocks of a Markdown body; ``first_line`` is the input line number of its first line."""
    source = body.split("\n")
    if not _may_hold_markdown_blocks(source, body):
        return _plain_blocks(source, first_line)
    return _markdown_blocks(source, body, first_line)


def _markdown_blocks(source: list[str], body: str, first_line: int) -> list[Block]:
    """Blocks of a Markdown body, read by markdown-it."""
    found: list[tuple[int, Block]] = []
    covered = [False] * len(source)
    tokens = parse_blocks(body)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level != 0 or token.map is None or token.nesting == -1:
            i += 1
            continue
        start, end = token.map
        for n in range(start, min(end, len(source))):
            covered[n] = True
        block = _block(token, tokens, i, source, start, end, first_line)
        if block is not None:
            found.append((start, block))
        i += 1
    found.extend(_uncovered(source, covered, first_line))
    found.sort(key=lambda item: item[0])
    return [block for _, block in found]


#: What a line that starts a Markdown block other than a paragraph or an ATX heading (or a
#: reference link) begins with, after its indentation.
_BLOCK_STARTS = frozenset(">*+-_=|[`~")
_ORDERED_ITEM = re.compile(r" *\d{1,9}[.)](?:\s|$)")


def _may_hold_markdown_blocks(source: list[str], body: str) -> bool:
    """Whether a line could start a Markdown block other than a paragraph or an ATX heading
    (``## Title``), or the text has a tab or a NUL. It may say yes wrongly (markdown-it then
    decides), never no wrongly.

    >>> _may_hold_markdown_blocks(["# Title", "Plain text", "2021 was a year."], "")
    False
    >>> _may_hold_markdown_blocks(["Text", "  - item"], "")
    True
    >>> _may_hold_markdown_blocks(["1. one"], "")
    True
    """
    if "\t" in body or "\x00" in body:
        return True
    for line in source:
        start = line.lstrip(" ")[:1]
        if start and start in _BLOCK_STARTS:
            return True
        if start.isdigit() and _ORDERED_ITEM.match(line):
            return True
    return False


def atx_heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` of an ATX heading line, read as markdown-it reads it.

    >>> atx_heading("## Rain, again ##"), atx_heading("#hashtag"), atx_heading("    # code")
    ((2, 'Rain, again'), None, None)
    >>> atx_heading("# #"), atx_heading("### C# ###")
    ((1, ''), (3, 'C#'))
    """
    text = line.lstrip(" ")
    if len(line) - len(text) > 3 or not text.startswith("#"):
        return None
    level = len(text) - len(text.lstrip("#"))
    rest = text[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    rest = rest.rstrip(" \t")
    before_closing = rest.rstrip("#")  # a closing run of #s goes when a space precedes it
    if before_closing and before_closing[-1] in " \t":
        rest = before_closing
    return level, rest.strip()


def _plain_blocks(source: list[str], first_line: int) -> list[Block]:
    """Text whose only Markdown block syntax is ATX headings: paragraphs are runs of lines
    that are not blank (spaces only) and not headings.

    This is what markdown-it-py would produce for such text, without its cost (a property
    test compares the two).
    """
    blocks: list[Block] = []
    in_paragraph = False
    lines: list[Line] | None = None  # the lines of the paragraph being read, once it has one
    for number, text in enumerate(source, first_line):
        if not text:
            in_paragraph = False  # the usual blank line
            continue
        if text[0] in " #" and _blank_or_heading(text, number, blocks):
            in_paragraph = False
            continue
        if not in_paragraph:
            in_paragraph, lines = True, None
        stripped = text.strip()
        if not stripped:
            continue  # only other white space: the paragraph goes on, without this line
        if lines is None:
            lines = [Line(stripped, number)]
            blocks.append(Block(Kind.PARAGRAPH, lines))
        else:
            lines.append(Line(stripped, number))
    return blocks


def _blank_or_heading(text: str, number: int, blocks: list[Block]) -> bool:
    """Whether a line starting with a space or a ``#`` is blank (spaces only) or an ATX
    heading (added to ``blocks`` when it has text): either ends a paragraph."""
    if not text.strip(" "):
        return True
    if text.lstrip(" ").startswith("#"):
        heading = atx_heading(text)
        if heading is not None:
            level, content = heading
            if content:
                blocks.append(Block(Kind.HEADING, [Line(content, number)], level=level))
            return True
    return False


def _block(token, tokens, i, source, start, end, first_line):  # type: ignore[no-untyped-def]
    if token.type == "paragraph_open":
        lines = [
            Line(source[n].strip(), first_line + n) for n in range(start, end) if source[n].strip()
        ]
        return Block(Kind.PARAGRAPH, lines) if lines else None
    if token.type == "heading_open":
        # a setext heading's text can run over several lines; a heading is one line
        content = " ".join(part.strip() for part in tokens[i + 1].content.split("\n")).strip()
        if not content:
            return None
        return Block(Kind.HEADING, [Line(content, first_line + start)], level=int(token.tag[1]))
    kind = _CONTAINERS.get(token.type)
    filled = [n for n in range(start, min(end, len(source))) if source[n].strip()]
    if (
        kind is Kind.LIST
        and _is_prose_number(source[start])
        and not any(LIST_MARKER.match(source[n]) for n in filled[1:])
    ):  # '9. März 2021' and the lines after it: prose that CommonMark reads as a list
        return Block(Kind.PARAGRAPH, [Line(source[n].strip(), first_line + n) for n in filled])
    if token.type == "fence":
        kind = Kind.CODE
    elif token.type == "hr":
        kind = Kind.RULE
    if kind is None:
        return None
    lines: list[Line] = []
    for n in range(start, end):
        text = source[n].rstrip(" \t")  # as Markdown trims: a no-break space is text
        if text or kind is Kind.CODE or (lines and lines[-1].text):
            lines.append(Line(text, first_line + n))  # one blank line at most, outside code
    while lines and not lines[-1].text.strip():
        lines.pop()
    return Block(kind, lines) if lines else None


_DOTTED_DAY = regex.compile(r"^\s*(?:0?[1-9]|[12]\d|3[01])\.\s+\p{L}")
#: A list item's marker at the start of a line (``-``, ``*``, ``+``, ``1.``, ``1)``).
LIST_MARKER = regex.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)")
_YEAR_START = regex.compile(r"^\s*\d{3,9}[.)]\s")


def _is_prose_number(line: str) -> bool:
    """A one-line "ordered list" that is really prose: ``1961. That year ...`` or a date such
    as ``9. März 2021``, which CommonMark reads as a list item."""
    line = normalize_spacing(line)  # decide as the cleaned text would be decided
    if _YEAR_START.match(line):
        return True
    return bool(_DOTTED_DAY.match(line)) and parse_date(line) is not None


def _uncovered(source: list[str], covered: list[bool], first_line: int) -> list[tuple[int, Block]]:
    """Lines the parser consumed without a block (link reference definitions): kept as text."""
    out: list[tuple[int, Block]] = []
    run: list[Line] = []
    start = 0
    for n, text in enumerate(source):
        if not covered[n] and text.strip():
            if not run:
                start = n
            run.append(Line(text.strip(), first_line + n))
        elif run:
            out.append((start, Block(Kind.PARAGRAPH, run)))
            run = []
    if run:
        out.append((start, Block(Kind.PARAGRAPH, run)))
    return out
