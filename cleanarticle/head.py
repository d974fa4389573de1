"""The article's head: the leading blocks (title, dek, byline, date, captions) before the body.

The head ends at the first block that is none of these. Every metadata cleaner looks only at
the head, which is found from the blocks' text alone; once the head has been moved into the
metadata, what remains starts with a body paragraph, so cleaning again finds no head. That is
what keeps metadata extraction a fixed point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from cleanarticle import detect, urls
from cleanarticle.detect.byline import ORGANISATION_WORDS
from cleanarticle.lexicon import is_english, zipf
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
        or detect.parse_date_line(text) is not None
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
        and _reads_as_headline(block.text)
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
        if title == index - 1 and not item and _longer_headline(block, blocks[title]):
            title = index  # the short line above is furniture (``Listen Pause Resume``)
            continue
        if titled and items_before and title is None:
            if not _title_evidence(doc, index, item_at):
                return Head(index, None, dek)  # a headline without evidence is the body's
            title = index
        elif dek is None and not item and _dek_shaped(blocks, index, item_at):
            after_title = title is not None and title == index - 1
            if after_title or (bool(doc.metadata.title) and items_before):
                dek = index
        if not (item or titled or dek == index):
            return Head(index, title, dek)
        items_before = items_before and item
    return Head(len(blocks), title, dek)


def _title_evidence(doc: Document, index: int, item_at: Callable[[int], bool]) -> bool:
    """Whether a headline-shaped first line is the title: it is the known title, the URL
    (or a URL line taken to ``links``) spells it, a byline or date stands above it, or a
    byline, date or caption below it (after a standfirst)."""
    blocks = doc.blocks
    text = blocks[index].text
    if doc.metadata.title:
        return fold(text) == fold(doc.metadata.title)
    own = [doc.metadata.url] if doc.metadata.url else doc.metadata.links
    if any(urls.slug_matches(url, detect.squash(text)) for url in own):
        return True
    if any(is_dated_or_signed(b) for b in blocks[:index]):
        return True
    if index + 1 < len(blocks) and item_at(index + 1):
        return True
    return index + 2 < len(blocks) and _dek_shaped(blocks, index + 1, item_at)


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


# --- the headline of a page dump, wherever it stands -------------------------------------------

#: How many leading blocks are searched for the headline: a page dump puts it after
#: hundreds of lines of menus. Nothing past this is read as the head.
HEAD_SCAN = 400
#: How many blocks around the headline its head may span (standfirst, byline, date, share
#: buttons between them).
HEAD_WINDOW = 12
#: A headline proved only by the byline or date beside it must stand where the article
#: starts: less than this share of the document's prose above it.
PROSE_ABOVE = 0.2
#: A byline or date that proves a headline stands within this many blocks below it.
ITEM_REACH = 4
#: A line of capitalised words is no name when their mean ``wordfreq`` Zipf frequency in
#: English is this high (``Field Marketing Guide`` 5.0; ``Jonathan Jones`` 4.3).
COMMON_NAME_ZIPF = 4.5
#: A standfirst has at least this many words (``Solutions`` under a headline is a menu),
#: or is a sentence (``Glides like air.``).
DEK_WORDS = 5
#: A prose paragraph has at least this many words.
PROSE_WORDS = 12
#: How many one-line paragraphs (a photo's caption and credit) the head may pass over
#: between the headline and a byline or date right under them.
CAPTION_LINES = 2

#: The evidence that the headline repeats the first line, the page title.
PAGE_TITLE = "repeats the page title"
_TITLE_SEPARATORS = regex.compile(r"\s+(?:[|–—·•»:]|-|::)\s+")
_NAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}\.)$")
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}[\p{Ll}'’-]*")


@dataclass(frozen=True)
class Anchor:
    """The headline found in a page dump, the evidence for it, and its head: the blocks from
    ``start`` to ``end`` (a date or byline above it, its standfirst, byline and date below)."""

    title: int
    evidence: str
    start: int
    end: int
    dek: int | None


def fold(text: str) -> str:
    """A line as it is compared with another: plain, single-spaced, case-folded."""
    return detect.squash(text).casefold()


def find_anchor(doc: Document) -> Anchor | None:
    """The headline, by evidence, in the first :data:`HEAD_SCAN` blocks.

    The evidence, strongest first: the line repeats the page title (the first line of the
    dump, often ``Headline | Site``); the article's URL spells it; it is the level-1
    heading; a byline or date stands beside it, where the article starts. Without evidence
    there is no headline (a body line never moves to the metadata on its shape alone).
    Nothing is looked for once the title is known, and a headline that the document
    starts with (below only bylines, dates or captions) is left to the head cleaners.
    """
    if doc.metadata.title:
        return None
    blocks = doc.blocks[:HEAD_SCAN]
    lower = lower_case_words(doc)
    found = _by_page_title(blocks, lower)
    if found is None:  # the weaker evidence counts where the article's prose starts
        opening = blocks[: _opening(blocks)]
        found = (
            _by_url(opening, _own_url_candidates(doc))
            or _by_heading(opening)
            # a document that opens with prose has its head at the top, or none
            or _by_items(
                opening if not _opens_with_prose(opening) else [], lower, credit_rows(blocks)
            )
        )
    if found is None:
        return None
    index, evidence = found
    if all(is_header_item(b) for b in blocks[:index]):
        return None  # the head the document starts with is the head cleaners' (CA301 ...)
    return _head_around(blocks, index, evidence, lower)


def _one_line(block: Block) -> bool:
    return block.kind in (Kind.PARAGRAPH, Kind.HEADING) and len(block.lines) == 1


_MENU_MARK = regex.compile(r"[→›»>|/•·]|\s-\s")
_SHOUTED = regex.compile(r"[^\p{Ll}]*\p{Lu}{2}[^\p{Ll}]*")  # a kicker in capitals


def _menu_like(text: str) -> bool:
    return len(_MENU_MARK.findall(text)) >= 2


def _headline_shaped(block: Block) -> bool:
    """A one-line heading or headline-like line that is not a menu or breadcrumb trail
    (``Home › News › World``: two or more of its marks)."""
    if not _one_line(block):
        return False
    text = block.text
    if not _reads_as_headline(text):
        return False
    return (block.kind is Kind.HEADING and block.level <= 2) or detect.is_title_like(text)


#: A photo credit: a person's name (two capitalised words), a slash, an agency.
_NAME_SLASH_AGENCY = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)) ?/ ?\p{Lu}\S*(?: \S+){0,3}$"
)


def _photo_credit(text: str) -> bool:
    """``Name Name/Agency``, the name's words no common English words (``COMMON_NAME_ZIPF``).

    >>> _photo_credit("Michael Hession/NYT Wirecutter"), _photo_credit("Biden Wins Ohio/Iowa")
    (True, False)
    """
    found = _NAME_SLASH_AGENCY.match(text)
    if found is None:
        return False
    scores = [zipf(word.lower()) for word in found["name"].split()]
    return sum(scores) / len(scores) < COMMON_NAME_ZIPF


def _reads_as_headline(text: str) -> bool:
    """Not a menu or breadcrumb trail, a kicker in capitals, a reading time or a count, a
    teaser for another article, a single word, a date or a photo credit: lines of those
    shapes are never the title."""
    if _menu_like(text) or _SHOUTED.fullmatch(detect.squash(text)) or detect.is_trivia(text):
        return False  # "5 min read", "3 comments": furniture beside a date
    if ":" in text and detect.is_teaser(text):
        return False
    if detect.word_count(detect.squash(text)) < 2 or detect.is_date_shaped(text):
        return False  # "Image" over a caption; a date ("7 May 1856") in a table
    if "/" in text and _photo_credit(detect.squash(text)):
        return False  # a photo credit: "Michael Hession/NYT Wirecutter", "Jane Doe / AP"
    if _BY_NAME.match(text) or is_date_label(text):
        return False  # "By Summer Swann" (names the page writes in lower case); "Posted on"
    return not detect.has_date_label(text)


#: "By" and a name, nothing else: a byline's shape (not "By 2030, cities will ...").
_BY_NAME = regex.compile(
    r"^(?i:(?:written\s+|posted\s+)?by):?\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}$"
)


def is_date_label(text: str, updated: bool = False) -> bool:
    """A line that is only a date's label (``Published on``, ``Last updated:``), the date
    on the line below; with ``updated``, an "Updated" one only.

    >>> is_date_label("Published on"), is_date_label("Published on", updated=True)
    (True, False)
    """
    labelled = f"{text} 1 January 2000"  # the label, as it reads before a date
    return (
        len(text.split()) <= 4
        and detect.has_date_label(labelled)
        and (detect.is_updated(labelled) or not updated)
        and detect.parse_date(text) is None
    )


def _table_of_contents(blocks: Sequence[Block]) -> bool:
    """Whether the document opens with a table of contents: its first two lines are each
    repeated later, in the same order, as lines of their own (the sections' headings). A
    page title is one line that the headline repeats; the line after it is no heading.

    >>> from cleanarticle.parse import parse
    >>> toc = "\\n\\n".join(["Assess It", "Rewrite It", "Text.", "Assess It", "Rewrite It"])
    >>> _table_of_contents(parse(toc).blocks), _table_of_contents(parse(toc[11:]).blocks)
    (True, False)
    """
    if len(blocks) < 4 or not (_one_line(blocks[0]) and _one_line(blocks[1])):
        return False
    first, second = fold(blocks[0].text), fold(blocks[1].text)
    if len(second.split()) < 2 or first == second:
        return False
    later = [fold(b.text) if _one_line(b) else "" for b in blocks[2:]]
    if first not in later:
        return False
    return second in later[later.index(first) + 1 :]


def _opens_body(blocks: Sequence[Block]) -> bool:
    """Whether the line after the first is the body's: prose, or the first line and it
    open a table of contents."""
    return _is_prose(blocks[1]) or _table_of_contents(blocks)


def _by_page_title(
    blocks: Sequence[Block], lower: DocWords | frozenset[str]
) -> tuple[int, str] | None:
    """A later line that is the first line, or the headline part of it (``Headline | Site``);
    of several such lines, the first with a byline or date near it. When prose (or a table
    of contents) follows the first line and more than two paragraphs of prose stand above
    the repeat, only one with a byline or date near it: the first line was the article's
    own title or the first entry of its contents, and a heading among its paragraphs that
    repeats it is a section's."""
    if len(blocks) < 3 or not _one_line(blocks[0]) or len(blocks[0].text) > 300:
        return None
    page_title = detect.squash(blocks[0].text)
    parts = page_title_parts(page_title)
    wanted = []
    if len(parts) > 1:  # the headline part, before the site's name (or the longest part)
        wanted = [parts[0].casefold(), max(parts, key=len).casefold()]
    wanted.append(page_title.casefold())
    for target in wanted:
        if len(target.split()) < 2:
            continue
        found = [
            index
            for index in range(1, len(blocks))
            if fold(blocks[index].text) == target and _page_title_shaped(blocks[index])
        ]
        for index in found:
            near = blocks[max(0, index - ITEM_REACH) : index + 1 + ITEM_REACH]
            if any(is_dated_or_signed(b, lower) for b in near):
                return index, PAGE_TITLE
        if found and not (_opens_body(blocks) and _prose_above(blocks, found[0]) > 2):
            return found[0], PAGE_TITLE
    return None


def _page_title_shaped(block: Block) -> bool:
    """A line that could be a headline repeated by the page title: short, no full stop at
    its end, not a menu (its inner punctuation is allowed: the repeat is the evidence)."""
    if not _one_line(block) or _menu_like(block.text):
        return False
    text = detect.squash(block.text)
    if len(text.split()) > 30 or text.endswith((".", ",", ";", ":")):
        return False
    return not detect.has_inner_sentence(text)


def page_title_parts(text: str) -> list[str]:
    """A page title cut where sites join the headline and their name.

    >>> page_title_parts("Rain Falls | Daily Planet"), page_title_parts("Mars: A Plan")
    (['Rain Falls', 'Daily Planet'], ['Mars: A Plan'])
    """
    return _TITLE_SEPARATORS.split(text)


def _own_url_candidates(doc: Document) -> list[str]:
    """The article's URL, or else the URLs that stand alone on a line (one may be its own)."""
    if doc.metadata.url:
        return [doc.metadata.url]
    found = []
    for block in doc.blocks:
        if block.is_paragraph and len(block.lines) == 1 and "://" in block.text:
            url = urls.bare_url(block.text)
            if url is not None:
                found.append(url)
    return found


def _by_url(blocks: Sequence[Block], candidates: Sequence[str]) -> tuple[int, str] | None:
    for index, block in enumerate(blocks) if candidates else ():
        text = detect.squash(block.text) if _headline_shaped(block) else ""
        if text and any(urls.slug_matches(url, text) for url in candidates):
            return index, "a URL in the text spells it"
    return None


def _by_heading(blocks: Sequence[Block]) -> tuple[int, str] | None:
    """The first level-1 heading that reads as a headline (in a text dump, ``# include
    <stdio.h>`` of a code sample is a level-1 heading too)."""
    for index, block in enumerate(blocks):
        heading = block.kind is Kind.HEADING and block.level == 1 and _one_line(block)
        if heading and detect.is_title_like(block.text) and _reads_as_headline(block.text):
            return index, "level-1 heading"
    return None


def _opening(blocks: Sequence[Block]) -> int:
    """How many blocks stand before :data:`PROSE_ABOVE` of the document's prose."""
    prose = [_prose_words(b) for b in blocks]
    limit = PROSE_ABOVE * sum(prose)
    above = 0
    for index, words in enumerate(prose):
        if above > limit:
            return index
        above += words
    return len(blocks)


#: A paragraph of this many words or more that ends a sentence is prose: the article's, or
#: a teaser's, a banner's. A document that opens with one has its head at the top or none:
#: a byline or date below a later line is a list entry's (an event, a book under review).
SENTENCE_WORDS = 15
_SENTENCE_END = regex.compile(f"{detect.SENTENCE_END}{detect.CLOSERS}$")


def _is_prose(block: Block) -> bool:
    return (
        block.kind is Kind.PARAGRAPH
        and _SENTENCE_END.search(block.text.rstrip()) is not None
        and len(detect.words(block.text)) >= SENTENCE_WORDS
    )


def _prose_above(blocks: Sequence[Block], index: int) -> int:
    """How many paragraphs of prose stand above ``blocks[index]``."""
    return sum(1 for block in blocks[:index] if _is_prose(block))


def _opens_with_prose(blocks: Sequence[Block]) -> bool:
    return bool(blocks) and _is_prose(blocks[0])


def _by_items(
    blocks: Sequence[Block], lower: DocWords | frozenset[str], credits: set[int]
) -> tuple[int, str] | None:
    """The first headline-shaped line with a byline or date beside it; of several above
    one byline or date (``Skip to content``, ``World``, the headline), the nearest. A
    credit row (``credits``, see ``credit_rows``) is no byline."""
    for index in range(len(blocks)):
        if not _candidate(blocks, index, lower):
            continue
        if _dated_above(blocks, index, lower):
            return index, "a byline or date above it"
        # the evidence is a byline or date beside it: not one past a caption
        anchor = _head_around(blocks, index, "", lower, captions=0)
        reach = min(anchor.end, index + 1 + ITEM_REACH)
        items = [
            k
            for k in range(index + 1, reach)
            if id(blocks[k]) not in credits
            and (
                is_dated_or_signed(blocks[k], lower)
                or _name_over_date(blocks, k, lower)
                or _by_over_name(blocks, k, lower)
            )
        ]
        if items:
            nearer = [
                k
                for k in range(index + 1, items[0])
                if k != anchor.dek and _candidate(blocks, k, lower)
            ]
            return (nearer[-1] if nearer else index), "a byline or date below it"
    return None


#: The words that open a labelled credit line: ``Published by``, ``Author:`` (not a bare
#: ``By``, which the article's byline shares with the teasers of other stories).
_CREDIT_LEAD = regex.compile(r"^\p{L}+\s+(?:by|von|par|por|door|di)\b|^\p{L}+\s*:", regex.I)
#: A labelled credit line whose lead opens this many lines of the head credits each entry
#: of a list (``Author: ...`` under every book of a roundup): none is the article's.
CREDIT_ROWS = 3


def credit_rows(blocks: Sequence[Block]) -> set[int]:
    """The one-line paragraphs (by ``id``) whose labelled lead opens :data:`CREDIT_ROWS`
    or more of them, each crediting someone else: rows of a list's entries (``Published
    by ...`` under every game of a roundup), not the article's byline."""
    leads: dict[str, dict[str, list[int]]] = {}
    for block in blocks:
        if not _one_line(block) or block.kind is not Kind.PARAGRAPH:
            continue
        text = detect.squash(block.text)
        lead = _CREDIT_LEAD.match(text)
        if lead is None or detect.parse_date_line(text) is not None:
            continue  # "Published: 3 May 2024": a date, the article's among teasers
        credited = leads.setdefault(lead.group(0).casefold().rstrip(" :"), {})
        credited.setdefault(text.casefold(), []).append(id(block))
    return {
        ident
        for credited in leads.values()
        if len(credited) >= CREDIT_ROWS
        for idents in credited.values()
        for ident in idents
    }


def _candidate(blocks: Sequence[Block], index: int, lower: DocWords | frozenset[str]) -> bool:
    block = blocks[index]
    if not _headline_shaped(block) or is_header_item(block):
        return False
    # a name over a date is the byline (a byline never opens a document)
    return not (index and bare_name(block.text, lower))


#: A line that says it is a byline: "By ...", "Written by ...", "Posted by ..." (not a
#: bare name, which a teaser or a caption may be too).
SAYS_BY = regex.compile(r"^(?:written|posted|published|words|text|story)\s+by\b|^by\b", regex.I)
#: "By" in some language, alone on its line (pages that link the name write it so).
LONE_BY = frozenset(["by", "von", "par", "por", "door", "di", "av", "af", "przez"])
#: A label alone on its line over the author's name: "Written by", "Author".
LONE_LABELS = LONE_BY | {"written by", "posted by", "words by", "verfasst von"}
LONE_NOUNS = frozenset(["author", "authors", "autor", "autorin", "auteur", "autore"])


def lone_by(block: Block) -> bool:
    """``By`` (``Written by``, ``Author``) on a line of its own, the name on the next."""
    label = detect.squash(block.text).strip(" :").lower()
    return len(block.lines) == 1 and (label in LONE_LABELS or label in LONE_NOUNS)


def by_and_name(label: Block, name: Block) -> str:
    """A lone label and the name under it as one byline (``Author: Jane Doe``)."""
    text = detect.squash(label.text).strip(" :")
    joint = ": " if text.lower() in LONE_NOUNS else " "
    return f"{text}{joint}{detect.squash(name.text)}"


def _by_over_name(blocks: Sequence[Block], index: int, lower: DocWords | frozenset[str]) -> bool:
    """A lone ``By`` over a line of names: a byline written on two lines."""
    if not lone_by(blocks[index]) or index + 1 >= len(blocks) or not _one_line(blocks[index + 1]):
        return False
    found = detect.parse_byline(by_and_name(blocks[index], blocks[index + 1]))
    return (
        found is not None
        and bool(found.authors or found.affiliation)  # people, or whom they write for
        and not not_people(found, lower)
    )


def _name_over_date(blocks: Sequence[Block], index: int, lower: DocWords | frozenset[str]) -> bool:
    """A line that is only a name (``bare_name``, on an English page) with a date line
    right under it or under one short line (``Chirag Bhardwaj`` / ``VP - Technology`` /
    ``November 14, 2025``): the byline, so a line between it and the date (the author's
    role) is no headline."""
    if not getattr(lower, "english", True) or not _one_line(blocks[index]):
        return False
    if not bare_name(blocks[index].text, lower):
        return False
    for below in range(index + 1, min(len(blocks), index + 3)):
        if _one_line(blocks[below]) and detect.parse_date_line(blocks[below].text) is not None:
            return True
        if not _one_line(blocks[below]) or len(blocks[below].text.split()) > 6:
            return False
    return False


def name_and_date(text: str) -> tuple[dt.date | None, str]:
    """The date at either end of a line (reading times and counts beside it left out) and
    the words beside it; no date: ``(None, text)``, without a reading time at its end.

    >>> name_and_date("Jane Doe • Mar 3, 2024 • 5 min read")
    (datetime.date(2024, 3, 3), 'Jane Doe')
    >>> name_and_date("Kelia Losa Reinoso 15 min")
    (None, 'Kelia Losa Reinoso')
    """
    parts = [p for p in detect.PART_SEPARATORS.split(text) if p.strip()]
    kept = detect.strip_reading_time(" ".join(p for p in parts if not detect.is_trivia(p)))
    leading = detect.split_leading_date(kept)
    if leading is not None:
        return leading
    trailing = detect.split_trailing_date(kept)
    return (trailing[1], trailing[0]) if trailing is not None else (None, kept)


def _dated_above(blocks: Sequence[Block], index: int, lower: DocWords | frozenset[str]) -> bool:
    """A byline or date right above, or above a short line of furniture (``Share``)."""
    for above in range(index - 1, max(-1, index - 3), -1):
        if is_dated_or_signed(blocks[above], lower):
            return True
        if not _furniture(blocks[above]):
            return False
    return False


def _prose_words(block: Block) -> int:
    if block.kind is not Kind.PARAGRAPH:
        return 0
    count = len(detect.words(block.text))
    return count if count >= PROSE_WORDS else 0


def is_dated_or_signed(block: Block, lower: DocWords | frozenset[str] = frozenset()) -> bool:
    """A one-line paragraph that is a byline or a date line (``lower``: the words the
    document writes in lower case; a byline of those is not one, see ``are_words``)."""
    if not _one_line(block) or block.kind is not Kind.PARAGRAPH:
        return False
    text = block.text
    if detect.parse_date_line(text) is not None:
        return True
    if detect.could_be_labelled(text) and detect.parse_caption(text) is not None:
        return False  # "Photo by Jane Doe" credits a photo, not the article
    found = detect.parse_byline(text)
    if found is not None:
        return not not_people(found, lower)
    if not getattr(lower, "english", True):
        return False  # German capitalises every noun: a capitalised pair is no name there
    day, rest = name_and_date(text)  # "Jane Doe • Mar 3, 2024"
    return day is not None and bool(rest) and bool(bare_name(rest, lower))


def _head_around(
    blocks: Sequence[Block],
    index: int,
    evidence: str,
    lower: DocWords | frozenset[str],
    captions: int = CAPTION_LINES,
) -> Anchor:
    """The head around a headline: bylines and dates right above it; below it, its
    standfirst, repeats, bylines, dates and the short lines of page furniture between them,
    up to the first paragraph of prose (at most :data:`HEAD_WINDOW` blocks). A photo's
    caption and credit (up to ``captions`` one-line paragraphs) may stand between the
    headline and the byline or date right under them; they stay in the body."""
    start = above = index
    while above > max(0, index - 3) and (
        is_dated_or_signed(blocks[above - 1], lower) or _furniture(blocks[above - 1])
    ):
        above -= 1
        if is_dated_or_signed(blocks[above], lower):
            start = above
    title = fold(blocks[index].text)
    end = index + 1
    last = index + 1  # one past the last block that belongs to the head
    dek = None
    passed = 0  # one-line paragraphs passed over on the way to a byline or date
    limit = min(len(blocks), index + HEAD_WINDOW)
    while end < limit:
        block = blocks[end]
        if is_dated_or_signed(block, lower) or (_one_line(block) and fold(block.text) == title):
            last = end + 1
        elif _by_over_name(blocks, end, lower):
            last = end + 2  # "By", then the names
            end += 1
        elif (
            dek is None
            and end == index + 1
            and block.is_paragraph
            and len(block.lines) == 1
            and len(block.text) <= 400
            and (len(block.text.split()) >= DEK_WORDS or _sentence(block.text))
            and not _longer_headline(block, blocks[index])
            and not bare_name(name_and_date(block.text)[1], lower)  # "Jane Doe 15 min"
            and any(is_dated_or_signed(b, lower) for b in blocks[end + 1 : limit])
        ):
            dek = end
            last = end + 1
        elif _longer_headline(block, blocks[index]):
            break
        elif not (_furniture(block) or is_caption(block)):
            if passed == captions or not _over_item(blocks, end, limit, lower, title):
                break
            passed += 1
        end += 1
    return Anchor(index, evidence, start, last, dek)


def _over_item(
    blocks: Sequence[Block],
    index: int,
    limit: int,
    lower: DocWords | frozenset[str],
    title: str,
) -> bool:
    """Whether a one-line paragraph stands over a byline or date, right under it or under
    one more such line (a photo's caption, then its credit, then the byline), a repeat of
    the headline (``title``, folded) aside."""
    if not (_one_line(blocks[index]) and blocks[index].is_paragraph):
        return False
    between = 0
    for below in range(index + 1, limit):
        block = blocks[below]
        if is_dated_or_signed(block, lower):
            return True
        if _one_line(block) and fold(block.text) == title:
            continue
        if not (_one_line(block) and block.is_paragraph) or between == 1:
            return False
        between += 1
    return False


#: A headline this short over a longer headline-shaped line is a menu item.
MENU_ITEM_WORDS = 3


def _sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (a menu item never does; ``Search this
    website...`` trails off)."""
    end = detect.squash(text).rstrip("\"'”’»)")
    return end.endswith((".", "!", "?")) and not end.endswith(("..", "…"))


def _longer_headline(block: Block, title: Block) -> bool:
    """A headline-shaped line under a line of a few words (``Toggle navigation``), or in
    title case and twice as long (``Generate Audio Pause Resume`` over the headline): that
    one is page furniture, this one the headline, not its standfirst (which is a
    sentence)."""
    short, long = len(title.text.split()), len(block.text.split())
    if not _headline_shaped(block) or long <= short:
        return False
    return short <= MENU_ITEM_WORDS or (long >= 2 * short and _title_case(block.text))


def _title_case(text: str) -> bool:
    """Whether three in four of the longer words (four letters or more) are capitalised,
    as in a headline written in title case, not a standfirst's sentence.

    >>> _title_case("How Machine Learning Is Shaping the Shops of Every Town")
    True
    >>> _title_case("A guide to common services and their price ranges")
    False
    """
    longer = [w for w in detect.words(text) if len(w) >= 4 and w.isalpha()]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.75 * len(longer)


def is_caption(block: Block) -> bool:
    """A one-line paragraph that is a photo caption or credit (left to CA306)."""
    return _one_line(block) and block.is_paragraph and detect.parse_caption(block.text) is not None


def _furniture(block: Block) -> bool:
    """A short line between the headline and the article (``Share``, ``5 min read``)."""
    if not _one_line(block) or block.kind is not Kind.PARAGRAPH:
        return False
    text = detect.squash(block.text)
    return len(text.split()) <= 6 and not text.endswith((".", "!", "?", ":"))


@dataclass(frozen=True)
class DocWords:
    """What the head cleaners know of the document's words: those it writes in lower case
    somewhere (a name's words are not; ``word in words`` asks), and whether its prose is
    English (capitals tell names only there: German capitalises every noun)."""

    lower: DocWords | frozenset[str]
    english: bool

    def __contains__(self, word: object) -> bool:
        return word in self.lower


#: What is written in lower case whatever the words: e-mail addresses, handles, URLs
#: (``russell@example.com``, ``@russellm``: a name's words are no less a name's for them).
_NOT_PROSE = regex.compile(r"(?<![^\s(<\[\"'])[^\s@(<\[\"']+@\S+|@\w+|(?:https?://|www\.)\S+")


def lower_case_words(doc: Document) -> DocWords:
    """The document's :class:`DocWords` (its prose read once: linear)."""
    tokens: set[str] = set()
    prose: list[str] = []
    for block in doc.blocks:
        if block.kind in (Kind.PARAGRAPH, Kind.HEADING, Kind.LIST, Kind.QUOTE):
            text = block.text
            if "@" in text or "http" in text or "www." in text:
                text = _NOT_PROSE.sub(" ", text)
            tokens.update(text.split())
            if block.is_paragraph and len(prose) < 50 and block.text.count(" ") >= 7:
                prose.append(block.text)
    return DocWords(frozenset(_lower_words(tokens)), is_english(" ".join(prose)))


def _lower_words(tokens: set[str]) -> set[str]:
    """The ``_LOWER_WORD`` matches of the tokens (no match spans whitespace, so each
    distinct token is read once; a word of lower-case ASCII letters, bare or before a
    closing punctuation mark, is its own match).

    >>> sorted(_lower_words({"rain,", "Rain", "(and)", "e-mail", "don't", "McDonald", "x2"}))
    ['and', "don't", 'e-mail', 'rain', 'x']
    """
    found: set[str] = set()
    for token in tokens:
        if token.isascii():
            if token.isalpha():
                if token.islower():
                    found.add(token)
                    continue
            elif token[-1] in ".,;:!?)" and token[:-1].isalpha() and token[:-1].islower():
                found.add(token[:-1])
                continue
        found.update(_LOWER_WORD.findall(token))
    return found


def not_people(found: detect.Byline, lower: DocWords | frozenset[str]) -> bool:
    """Whether a byline names words, not people: all its words are ones the document writes
    in lower case (``By Event Type``); for one read from its shape alone (``X Y in Z``),
    any of them (``Natürliche Strahlung in Deutschland``: German writes the adjective in
    lower case elsewhere; a name never is).

    >>> from cleanarticle.detect import parse_byline
    >>> not_people(parse_byline("Natürliche Strahlung in Deutschland"), frozenset({"natürliche"}))
    True
    >>> not_people(parse_byline("Kim Willsher in Paris"), frozenset({"in", "paris"}))
    False
    """
    names = found.authors or (found.text,)
    if not found.correspondent:
        return are_words(names, lower)
    if not getattr(lower, "english", True):
        return True  # "X Y in Z" is a British paper's byline, not a German noun phrase
    tokens = [t.lower() for name in names for t in name.split()]
    return any(t in lower for t in tokens)


def are_words(names: Sequence[str], lower: DocWords | frozenset[str]) -> bool:
    """Whether every word of these names is one the document writes in lower case: then
    they are words (``By Event Type``), not names.

    >>> are_words(["Event Type"], frozenset({"event", "type"}))
    True
    >>> are_words(["Will Smith"], frozenset({"will"}))
    False
    """
    tokens = [t.lower() for name in names for t in name.split() if not t.endswith(".")]
    return bool(tokens) and all(t in lower or t in detect.CONNECTORS for t in tokens)


#: Words that label a name, never part of one.
_LABEL_WORDS = LONE_BY | LONE_NOUNS | {"written", "posted", "photo"}


def bare_name(text: str, lower: DocWords | frozenset[str]) -> tuple[str, ...]:
    """A line that is only a person's name (``Selin Romano``): two to four capitalised
    words, none of which the document writes in lower case anywhere.

    >>> bare_name("Selin Romano", frozenset({"on", "the"}))
    ('Selin Romano',)
    >>> bare_name("Post Tags", frozenset({"post", "tags"})), bare_name("Share this", frozenset())
    ((), ())
    >>> bare_name("Field Marketing Guide", frozenset()), bare_name("Author Jo Roe", frozenset())
    ((), ())
    """
    tokens = detect.squash(text).split()
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return ()
    if any(t.lower() in ORGANISATION_WORDS for t in tokens):
        return ()  # ``Staff Consortium``, ``Newsroom Desk``
    if any(t.lower() in _LABEL_WORDS for t in tokens):
        return ()  # ``Author Tuhin Bhatt``: an avatar's text, which the name line repeats
    if any(t.lower() in lower for t in tokens if not t.endswith(".")):
        return ()
    scores = [zipf(t.lower()) for t in tokens if not t.endswith(".")]
    if scores and sum(scores) / len(scores) >= COMMON_NAME_ZIPF:
        return ()  # ``Field Marketing Guide``: words too common to make a name
    return (" ".join(tokens),)
