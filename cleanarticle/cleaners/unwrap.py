"""Rejoining hard-wrapped paragraphs; splitting blocks whose lines are separate paragraphs."""

from __future__ import annotations

import itertools

import regex

from cleanarticle import boilerplate, urls
from cleanarticle.detect import parse_date
from cleanarticle.lexicon import zipf
from cleanarticle.markdown import plain_text
from cleanarticle.model import Block, Document, Kind, Line
from cleanarticle.pipeline import Context, cleaner

#: Characters that end a sentence (or a clause a line may end with) when they end a line.
_SENTENCE_ENDERS = frozenset(".!?…:;\"'”’»)]")


def _ends_sentence(line: str) -> bool:
    return line[-1:] in _SENTENCE_ENDERS


_STARTS_LOWER = regex.compile(r"^[\p{Ll}\p{N}]")
_ENDS_LOWER = regex.compile(r"(?:^|\s)\p{Ll}[\p{L}\p{M}'’-]*[,(]?$")
_HYPHENATED = regex.compile(r"(?P<left>\p{L}+)-$")
_LEADING_WORD = regex.compile(r"^(?P<right>\p{Ll}+)")
#: The widths of hard wraps we recognise; other lines are not a fixed-width wrap.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 120


def fills(line: str, following: str, width: int) -> bool:
    """Whether ``line`` is full at ``width``: the next line's first word would not have
    fitted on it.

    >>> fills("a line that was", "cut here", 18), fills("a line", "cut", 18)
    (True, False)
    """
    return len(line) + 1 + len(following.split(" ", 1)[0]) > width


def wrap_width(doc: Document) -> int | None:
    """The width the document was hard-wrapped at, or ``None`` when it was not wrapped.

    A wrapped text has lines that are followed by another line of the same paragraph; most
    of them are about as long as each other (their median is the width, or a little under
    it; a longer line is a word that did not fit), and most of them stop mid-sentence; or
    else a greedy wrap's long lines are all full (``_greedy_width``).
    """
    inner = [
        line.text
        for block in doc.blocks
        if block.kind is Kind.PARAGRAPH
        for line in block.lines[:-1]
    ]
    if len(inner) < 2:
        return None
    lengths = sorted(len(text) for text in inner)
    width = lengths[len(lengths) // 2]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return _greedy_width(doc)
    near = sum(1 for n in lengths if 0.8 * width <= n <= 1.2 * width)
    mid_sentence = sum(1 for text in inner if not _ends_sentence(text))
    if near >= 0.6 * len(inner) and mid_sentence >= 0.5 * len(inner):
        # the median stops a word short of the wrap's width: a slack that absorbs what the
        # cleaners before took out of a line (a zero-width space, a mojibake byte); tried,
        # the exact width (the longest such line) split more wrapped paragraphs
        return width
    return _greedy_width(doc)


#: A greedy wrap's long lines: at least this many of them, ...
FULL_LINES = 8
#: ... and this share of them full (the next line's first word would not have fitted);
FULL_SHARE = 0.7
#: or, in a short text, this many long lines at least and nearly all of them full.
FEW_FULL_LINES, NEARLY_ALL = 3, 0.9


def _greedy_width(doc: Document) -> int | None:
    """The width of a greedy wrap (every line filled until the next word would not fit),
    read from the longest line with a space in it, when the text's many short lines (rows
    of a table, list-like lines, a paragraph's last lines) hide it from the median.

    The text's long lines (at least 0.6 of the width) that are followed by another line
    must be full, :data:`FULL_SHARE` of them and :data:`FULL_LINES` at least (or, in a
    short text, :data:`NEARLY_ALL` of them and :data:`FEW_FULL_LINES` at least), and most
    of them stop mid-sentence: lines that a writer broke by hand are seldom all full.
    """
    paragraphs = [block.lines for block in doc.blocks if block.kind is Kind.PARAGRAPH]
    pairs = [(a.text, b.text) for lines in paragraphs for a, b in itertools.pairwise(lines)]
    spaced = [len(x.text) for lines in paragraphs for x in lines if " " in x.text.strip()]
    if not spaced:
        return None
    width = max(spaced)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    long = [(text, nxt) for text, nxt in pairs if len(text) >= 0.6 * width]
    full = [text for text, nxt in long if fills(text, nxt, width)]
    mid_sentence = sum(1 for text in full if not _ends_sentence(text))
    enough = len(full) >= max(FULL_LINES, FULL_SHARE * len(long)) or len(full) >= max(
        FEW_FULL_LINES, NEARLY_ALL * len(long)
    )
    if enough and mid_sentence >= 0.5 * len(full):
        return width
    return None


def stands_alone(line: str, extra: tuple[str, ...] = ()) -> bool:
    """A line never glued to its neighbours: a bare URL, a ``URL:`` label, a date line, or
    boilerplate.

    >>> stands_alone("Advertisement"), stands_alone("https://e.com/a"), stands_alone("It rained")
    (True, True, False)
    """
    if ":" in line and (urls.bare_url(line) or urls.url_label(plain_text(line))[0]):
        return True  # (a URL or a URL label always has a colon)
    return boilerplate.line_family(line, extra) is not None or parse_date(line) is not None


def cut_by_wrap(line: str, following: str | None, width: int | None) -> bool:
    """Whether a hard wrap cut ``line`` off the words after it: the line is long (at least
    0.6 of the width), is no bare URL, and the next line's first word would not have fitted
    on it. Such a line is a piece of a paragraph, however it reads on its own (``... the
    document authors. All rights reserved. This document is subject to``).

    >>> cut_by_wrap("as the document authors. All rights reserved. This document is", "subject", 66)
    True
    >>> cut_by_wrap("All rights reserved.", "The next paragraph", 70)
    False
    """
    if width is None or following is None or len(line) < 0.6 * width:
        return False
    if not fills(line, following, width):
        return False
    return urls.bare_url(line.rstrip(".,;")) is None


def _inside_wrap(above: Line | None, line: Line, following: str | None, width: int | None) -> bool:
    """Whether ``line`` is the middle or the end of a hard-wrapped paragraph, however it
    reads on its own: the line right above it was cut by the wrap mid-sentence, and the
    line is cut too (``... identified`` / ``as the document authors. All rights reserved.
    This document is subject to``) or starts in lower case (``... pay-per-click`` /
    ``advertising.``). A paragraph's first line is not: a line of chrome (a cookie notice)
    that a wrap continues stays a line of its own. Only in hard-wrapped text."""
    if width is None or above is None or _ends_sentence(above.text):
        return False
    if not cut_by_wrap(above.text, line.text, width):
        return False
    return cut_by_wrap(line.text, following, width) or bool(_STARTS_LOWER.match(line.text))


def continues(line: str, following: str, width: int | None) -> bool:
    """Whether ``following`` continues the paragraph of ``line`` (the break was a wrap).

    In wrapped text, a line that stops mid-sentence continues unless it is conspicuously
    short (a heading, a dateline); a short one continues all the same when it ends in a
    lower-case word and the next line's first word (a URL) would not have fitted on it.
    A line that ends a sentence continues only when that word would not have fitted.

    >>> continues("a line that was cut", "here by the wrap", 20)
    True
    >>> continues("A heading", "The next paragraph starts.", 60)
    False
    >>> continues("One sentence ends.", "Another starts.", None)
    False
    >>> continues("(resulting in", "https://e.org/a/long/address/of/the/page - I think", 40)
    True
    >>> continues("Sources", "https://e.org/a/long/address/of/the/page", 40)
    False
    """
    if width is not None:
        full = fills(line, following, width)
        if _ends_sentence(line):
            return full
        # a short line is a wrap's when a long next word (a URL) did not fit after its
        # last word, which a sentence's is and a heading's seldom: "(resulting in"
        return len(line) >= 0.6 * width or (full and bool(_ENDS_LOWER.search(line)))
    return not _ends_sentence(line) and bool(_STARTS_LOWER.match(following))


def join(line: str, following: str) -> str:
    """Join two wrapped lines; undo a hyphen the wrap added, keep a real compound.

    >>> join("a new develop-", "ment plan"), join("a space-", "flight era")
    ('a new development plan', 'a space-flight era')
    """
    left, right = join_parts(line, following)
    return left + right


def join_parts(line: str, following: str) -> tuple[str, str]:
    """``line`` (without a wrap hyphen, if it goes) and ``following`` (with a leading space,
    unless a hyphen joins the two), so that a paragraph is built in linear time."""
    if not line.endswith("-"):
        return line, " " + following
    hyphen = _HYPHENATED.search(line[-64:])
    word = _LEADING_WORD.match(following)
    if hyphen and word:
        left, right = hyphen.group("left"), word.group("right")
        joined = zipf((left + right).lower())
        if joined >= 3.0 and joined >= min(zipf(left.lower()), zipf(right.lower())):
            return line[:-1], following
        return line, following
    return line, " " + following


_ITEM_START = regex.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_OWN_LINE = regex.compile(r"^\s*(?:>|#|```|~~~|\||<|$)")
_QUOTE_MARK = regex.compile(r"^(?P<mark>\s*(?:>\s?)+)(?P<text>.*)$")
_TABLE_DELIMITER = regex.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _wrapped_cell(above: str, line: str, width: int | None) -> bool:
    """Whether ``line``, which starts with ``|``, is the rest of the item above that a hard
    wrap cut at a cell separator (``... | Specialty: Web3 marketing`` / ``| Result: ...``)
    rather than a table's row: the source line above is cut by the wrap (and the block has
    no table delimiter row, ``|---|``, which the caller checks)."""
    return line.lstrip().startswith("|") and cut_by_wrap(above, line.strip(), width)


def join_continuations(lines: list[Line], kind: Kind, width: int | None = None) -> list[Line]:
    """The lines of a list or quote with each item's lazy continuation lines (a wrapped
    item's next lines, which Markdown reads as the same paragraph) joined to it.

    In a list, a line may continue the item above unless it starts an item, a quote, a
    heading, a fence, a table row or HTML, or the line above ends in a hard break; in a
    quote, when both have text at the same depth. It continues only when the break reads
    as a wrap (``continues``); CA201 joins them only in a hard-wrapped text (in a page
    dump, the line after a menu item is the headline, not the item's end).

    >>> def joined(*texts: str, kind: Kind = Kind.LIST) -> list[str]:
    ...     lines = [Line(text, number) for number, text in enumerate(texts, 1)]
    ...     return [line.text for line in join_continuations(lines, kind)]
    >>> joined("- a wrapped", "item", "- b", "  - nested")
    ['- a wrapped item', '- b', '  - nested']
    >>> joined("- Home", "- News", "Bridge Vote Passes")
    ['- Home', '- News', 'Bridge Vote Passes']
    >>> lines = [Line("1. Ninja | Year: 2017 | Specialty: Web3", 1), Line("| Rating: 4.4", 2)]
    >>> [line.text for line in join_continuations(lines, Kind.LIST, 40)]
    ['1. Ninja | Year: 2017 | Specialty: Web3 | Rating: 4.4']
    >>> joined("> a wrapped", "> quote", ">", "> another", kind=Kind.QUOTE)
    ['> a wrapped quote', '>', '> another']
    """
    out: list[Line] = []
    table = any(_TABLE_DELIMITER.match(line.text) for line in lines)
    for above, line in zip([None, *lines], lines, strict=False):
        previous = out[-1] if out else None
        if previous is None or previous.text.endswith(("  ", "\\")) or not line.text.strip():
            out.append(line)
            continue
        if kind is Kind.LIST:
            follows = not _ITEM_START.match(line.text) and (
                not _OWN_LINE.match(line.text)
                or (not table and above and _wrapped_cell(above.text, line.text, width))
            )
            follows = follows and bool(previous.text.strip())
            rest = line.text.strip()
        else:
            above, here = _QUOTE_MARK.match(previous.text), _QUOTE_MARK.match(line.text)
            follows = bool(
                above
                and here
                and above["mark"].strip() == here["mark"].strip()
                and above["text"].strip()
                and here["text"].strip()
                and not _ITEM_START.match(here["text"])
                and not _OWN_LINE.match(here["text"])
                and not _ITEM_START.match(above["text"])
            )
            rest = here["text"].strip() if here else ""
        # the wrap measured the whole line, its marker too
        follows = follows and continues(previous.text.rstrip(), rest, width)
        if follows and previous.text.strip() not in ("-", "*", "+"):
            out[-1] = Line(join(previous.text.rstrip(), rest), previous.number)
        else:
            out.append(line)
    return out


def _wrapped_item(above: Block | None, block: Block, done: list[Block], width: int) -> str | None:
    """The words of ``block`` as one line when it is the next words of the paragraph or
    list item right above it (no blank line between): a dash or a number that a hard wrap
    put at the start of a line (``... by default`` / ``- even when ...``, ``... from 2023
    to`` / ``2033.``), which Markdown then reads as a list, or as the prose number that the
    parser made a paragraph of (``2025. You can ...``). The line above must stop
    mid-sentence and be full (the marker did not fit on it), ``done`` must end with it,
    and the block's lines must all be one wrapped item. None when it is not such a block.
    """
    if (
        block.kind not in (Kind.LIST, Kind.PARAGRAPH)
        or above is None
        or above.kind not in (Kind.PARAGRAPH, Kind.LIST)
        or not done
        or done[-1].kind is not above.kind
        or block.lines[0].number != above.lines[-1].number + 1
    ):
        return None
    last, first = above.lines[-1].text, block.lines[0].text
    marker = _ITEM_START.match(first)
    if marker is None or first != first.lstrip() or _ends_sentence(last):
        return None
    if block.kind is Kind.PARAGRAPH and not marker[0][:1].isdigit():
        return None  # a paragraph starting with a dash is no list the parser undid
    if not done[-1].lines[-1].text.endswith(last) or len(last) < 0.6 * width:
        return None
    if len(last) + len(marker[0]) <= width:
        return None  # the marker (and its space) would have fitted
    if block.kind is Kind.LIST:
        lines = join_continuations(block.lines, block.kind, width)
        return lines[0].text.strip() if len(lines) == 1 else None
    parts = [first]
    for line, following in itertools.pairwise(block.lines):
        if not continues(line.text, following.text, width):
            return None
        parts[-1], glue = join_parts(parts[-1], following.text)
        parts.append(glue)
    return "".join(parts)


def _wrapped_url(line: str, following: str, width: int | None) -> bool:
    """Whether ``following``, a bare URL, is the end of ``line``'s paragraph that a hard wrap
    put on a line of its own (``... the list is here:`` and the URL, which did not fit).
    Joined, they read as the text wrote them; had the text broken the line there itself,
    the join keeps its words all the same, and the URL stays where the text shows it.

    >>> _wrapped_url("You can see the full list of models here:", "https://e.com/models.", 50)
    True
    >>> _wrapped_url("Sources", "https://e.com/models", 50)
    False
    >>> _wrapped_url("Website:", "https://e.com/models/a-long-address-of-the-page", 50)
    True
    >>> _wrapped_url("(as seen in", "https://e.com/models/list", 25)
    True
    """
    return (
        width is not None
        and urls.bare_url(following.rstrip(".,;")) is not None
        and len(line) + 1 + len(following) > width
    )


@cleaner("CA201", "unwrap-lines", "Rejoin hard-wrapped paragraphs; one line per paragraph.")
def unwrap_lines(doc: Document, ctx: Context) -> None:
    """Make every paragraph one line.

    When the text was wrapped at a fixed width (most lines of a paragraph end near the same
    column), a line break is a wrap if the next line's first word would not have fitted;
    otherwise it ends a paragraph, so short lines such as headings, datelines and captions
    stay separate. In text that was not wrapped, a line ends a paragraph unless it stops
    mid-sentence and the next line starts in lower case. Hyphens at a wrap are removed
    only when the joined word is a known word (``develop-`` + ``ment``), so compounds such
    as ``space-flight`` keep theirs. A line that is a bare URL, a ``URL:`` label, a date or
    boilerplate on its own is never glued to others: it becomes its own paragraph, right
    after the paragraph around it, for the URL and boilerplate cleaners to judge; but for
    a URL that a hard wrap moved off the long line whose sentence it ends. In text that
    was not wrapped, a date line stays where it stands and nothing is joined across it.

    Example::

        Russia and China unveiled plans for a joint
        station on Tuesday.
        ->  Russia and China unveiled plans for a joint station on Tuesday.
    """
    width = wrap_width(doc)
    how = f"hard wrap at {width} columns" if width else "no fixed-width wrap"
    blocks: list[Block] = []
    for block, above in zip(doc.blocks, [None, *doc.blocks], strict=False):  # above: in the source
        words = _wrapped_item(above, block, blocks, width) if width else None
        if words is not None:
            last, kind = blocks[-1].lines[-1], blocks[-1].kind
            text = f"{last.text} {words}"
            blocks[-1] = Block(kind, [*blocks[-1].lines[:-1], Line(text, last.number)])
            reason = f"a list marker that a hard wrap put at a line's start, joined to its {kind}"
            ctx.record("join", reason, before=block.text, line=block.number)
            continue
        if block.kind in (Kind.LIST, Kind.QUOTE) and len(block.lines) > 1 and width:
            lines = join_continuations(block.lines, block.kind, width)
            if len(lines) < len(block.lines):
                reason = f"{block.kind} item lines joined: {len(block.lines)} -> {len(lines)}"
                ctx.record("join", reason, before=block.text, line=block.number)
                block = Block(block.kind, lines)
            blocks.append(block)
            continue
        if block.kind is not Kind.PARAGRAPH or len(block.lines) < 2:
            blocks.append(block)
            continue
        extra = tuple(ctx.config.extra_boilerplate)
        pieces: list[tuple[int, list[str]]] = []
        held: list[tuple[int, list[str]]] = []  # lines that stand alone, after the paragraph
        previous: Line | None = None
        for index, line in enumerate(block.lines):
            following = block.lines[index + 1].text if index + 1 < len(block.lines) else None
            if width is None and parse_date(line.text) is not None:
                # not wrapped: a date line stays where it stands, and nothing is joined
                # across it ("By Jane Doe", "March 3, 2024", "5 mins" keep their order)
                pieces.extend(held)
                held = []
                pieces.append((line.number, [line.text]))
                previous = None
                continue
            if stands_alone(line.text, extra) and not (
                previous is not None and pieces and not held
                and _wrapped_url(previous.text, line.text, width)
            ) and not (
                index and previous is block.lines[index - 1]
                and _inside_wrap(previous, line, following, width)
            ):  # fmt: skip
                held.append((line.number, [line.text]))
                continue
            if previous is not None and pieces and continues(previous.text, line.text, width):
                parts = pieces[-1][1]
                parts[-1], glue = join_parts(parts[-1], line.text)
                parts.append(glue)
            else:
                pieces.extend(held)
                held = []
                pieces.append((line.number, [line.text]))
            previous = line
        pieces.extend(held)
        blocks.extend(
            Block(Kind.PARAGRAPH, [Line("".join(parts), number)]) for number, parts in pieces
        )
        kind = "join" if len(pieces) == 1 else "split"
        reason = f"{len(block.lines)} lines -> {len(pieces)} paragraph(s) ({how})"
        ctx.record(kind, reason, before=block.text, line=block.number)
    doc.blocks = blocks
