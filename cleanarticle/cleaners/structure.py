"""Markdown normalisation and section headings."""

from __future__ import annotations

import regex

from cleanarticle import detect
from cleanarticle.markdown import (
    dead_links,
    parse_inline,
    plain_text,
    render_inline,
    unwrap_emphasis,
)
from cleanarticle.model import Block, Document, Kind
from cleanarticle.pipeline import Context, cleaner


@cleaner("CA202", "markdown", "Unwrap dead links, plain '## Heading' markup, no level-1 in body.")
def markdown(doc: Document, ctx: Context) -> None:
    """Normalise Markdown that came in, using the markdown-it-py parse of each block:

    - a link whose target is empty or ``#`` keeps only its text;
    - a heading wholly in bold or italic loses the emphasis (``## **Eyes on Mars**``);
    - a level-1 heading in the body becomes a level-2 section heading (the title lives in
      the front matter).

    Example::

        ## **Eyes on Mars**       ->   ## Eyes on Mars
        By [Jane Doe](#)         ->   By Jane Doe
    """
    for block in doc.blocks:
        if block.kind not in (Kind.PARAGRAPH, Kind.HEADING):
            continue
        for line in block.lines:
            if "](" not in line.text:
                continue
            tokens = parse_inline(line.text)
            dead = dead_links(tokens)
            if dead:
                new = render_inline(tokens, drop_links=dead)
                ctx.record(
                    "replace",
                    "dead link: kept its text",
                    before=line.text,
                    after=new,
                    line=line.number,
                )
                line.text = new
        if block.kind is Kind.HEADING:
            inner = unwrap_emphasis(block.text)
            if inner is not None:
                ctx.record(
                    "replace",
                    "emphasis around a whole heading",
                    before=block.text,
                    after=inner,
                    line=block.number,
                )
                block.set_text(inner)
            if block.level == 1:
                ctx.record(
                    "replace",
                    "level-1 heading in the body -> level 2",
                    before=block.text,
                    line=block.number,
                )
                block.level = 2


_MAX_HEADING_WORDS = 12
_ENDS_PUNCT = regex.compile(r"[.,;:!?…。！？]$")
_STARTS_CAPITAL = regex.compile(r"^[\p{Lu}\p{Lo}\p{N}]")
_NOT_HEADING = regex.compile(r"https?://|[.!?]\s|;")
_LOWER_START = regex.compile(r"^\p{Ll}")


def is_heading_text(text: str) -> bool:
    """A short line that can stand as a section heading.

    >>> is_heading_text("'Big deal'"), is_heading_text("Eyes on Mars")
    (True, True)
    >>> is_heading_text("He left."), is_heading_text("Reporting by Jane Doe; editing by Joe")
    (False, False)
    """
    plain = plain_text(text).strip()
    core = plain.strip("\"'“”‘’«»*_")
    if len(plain) > 80 or not core or not _STARTS_CAPITAL.match(core) or _ENDS_PUNCT.search(core):
        return False  # the cheap checks first: most lines fail them
    if not 1 <= len(detect.words(plain)) <= _MAX_HEADING_WORDS:
        return False
    if _NOT_HEADING.search(core) or detect.parse_byline(plain) is not None:
        return False
    return detect.parse_caption(plain) is None and detect.parse_date(plain) is None


def _is_prose(block: Block | None) -> bool:
    return block is not None and block.kind in (Kind.PARAGRAPH, Kind.LIST, Kind.QUOTE)


@cleaner("CA203", "section-headings", "Make short lines standing between paragraphs '##' headings.")
def section_headings(doc: Document, ctx: Context) -> None:
    """A short line (at most 12 words) without sentence punctuation, standing alone between
    two paragraphs, is a section heading; so is a paragraph that is wholly bold and short.

    Example::

        ...end of a paragraph.

        Eyes on Mars

        Next paragraph...
        ->  ## Eyes on Mars
    """
    blocks = doc.blocks
    for i in range(1, len(blocks) - 1):
        block = blocks[i]
        if block.kind is not Kind.PARAGRAPH or len(block.lines) != 1:
            continue
        line = block.lines[0].text
        first = line.lstrip("*_\"'“”‘’«» ")[:1]
        if len(line) > 120 or not first.isalnum() or first.islower():
            continue  # a heading starts with a capital, a digit or a caseless letter
        if not (_is_prose(blocks[i - 1]) and blocks[i + 1].is_paragraph):
            continue
        inner = unwrap_emphasis(line)
        if inner is not None:
            text = inner
        elif line.strip() == plain_text(line).strip():
            text = line.strip()
        else:
            continue
        if not is_heading_text(text) or _is_sentence_fragment(blocks[i + 1].text):
            continue
        ctx.record(
            "replace",
            "short line between paragraphs -> section heading",
            before=block.text,
            after="## " + text,
            line=block.number,
        )
        block.kind, block.level = Kind.HEADING, 2
        block.set_text(text)


def _is_sentence_fragment(following: str) -> bool:
    """The next paragraph starts in lower case: the short line was part of its sentence."""
    return bool(_LOWER_START.match(following))
