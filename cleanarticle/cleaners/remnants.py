"""HTML left in text scrapes: stray tags (read with beautifulsoup4) and character entities."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

import regex

from cleanarticle.cleaners._util import holds_any
from cleanarticle.model import Block, Document, Kind, Line
from cleanarticle.pipeline import Context, cleaner

_ELEMENTS = (
    "a|abbr|article|aside|b|big|blockquote|br|center|cite|code|dd|del|div|dl|dt|em|figcaption|"
    "figure|font|footer|h[1-6]|header|hr|i|iframe|img|ins|li|main|mark|nav|noscript|ol|p|pre|"
    "q|s|script|section|small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|"
    "time|tr|tt|u|ul|wbr"
)
#: A tag of a known HTML element (attributes up to 400 characters, no nested brackets).
_TAG = regex.compile(rf"</?(?:{_ELEMENTS})(?:\s[^<>]{{0,400}})?\s*/?>", regex.IGNORECASE)
_ATTRIBUTES = regex.compile(r"\s\w")
#: A character reference: numeric, or named and ending with ';' (``&copy`` alone is text).
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Entities kept as written: decoded, they would read as markup.
_KEEP = frozenset({"&lt;", "&gt;"})

_DROP = frozenset({"script", "style", "noscript", "iframe", "template"})
_LINE_BREAK = frozenset({"br", "hr"})
_PARAGRAPH_BREAK = frozenset(
    {
        "p", "div", "article", "section", "header", "footer", "main", "nav", "aside",
        "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li",
        "ul", "ol", "dl", "dt", "dd", "table", "tr", "pre", "center",
    }
)  # fmt: skip
_PARA, _LINE = "\x00para", "\x00line"

if TYPE_CHECKING:
    from bs4 import PageElement, Tag


def decode_entities(text: str) -> str:
    """Character references decoded (``&lt;`` and ``&gt;`` kept), repeated until stable.

    >>> decode_entities("AT&amp;T said &#8220;no&#8221; &lt;b&gt; &copy 2024 &amp;amp;")
    'AT&T said “no” &lt;b&gt; &copy 2024 &'
    """
    for _ in range(8):
        new = _ENTITY.sub(lambda m: m[0] if m[0].lower() in _KEEP else html.unescape(m[0]), text)
        if new == text:
            break
        text = new
    return text


def stray_tags(text: str) -> bool:
    """Whether ``text`` holds tags left over from HTML (not a tag named in prose).

    A tag counts when it has attributes or touches the text: ``word<br>``, ``text</p>``,
    ``<p>Text``, ``<span class="x">``, or when the line is tags alone (``</div>``). A bare
    tag with a space between it and the words is named in prose (``the <img> tag``,
    ``Single <img>``), even a line break's or a closing one.

    >>> stray_tags("First line<br>second line"), stray_tags("Use the <p> tag for that.")
    (True, False)
    >>> stray_tags("Put an <img> element in it"), stray_tags('See <img src="a.png"> here')
    (False, True)
    >>> stray_tags("</div>"), stray_tags("A list of <figure>")
    (True, False)
    """
    if "<" not in text or "`" in text:
        return False
    if not _TAG.sub("", text).strip():
        return True
    for match in _TAG.finditer(text):
        start, end = match.span()
        touching = (start > 0 and not text[start - 1].isspace()) or (
            end < len(text) and not text[end].isspace()
        )
        if touching or _ATTRIBUTES.search(match[0]):
            return True
    return False


#: Tags are read as leaked markup only when at least this share of the text's lines hold
#: some: a scraper that leaks markup leaks it all through the page, while an article that
#: shows markup (an example in a sentence, a listing) holds it in a few lines.
LEAKED_SHARE = 0.25
#: ... or when an inline element wraps text (``19<sup>th</sup>``, ``<u>Note</u>``): what
#: a converter leaves of the page's formatting, which an article seldom shows.
_INLINE_PAIR = regex.compile(
    r"<(sup|sub|u|b|i|em|strong|small|mark|s|del|ins|span|font|abbr|cite|q|tt|big|strike)"
    r"(?:\s[^<>]{0,400})?>[^<>]+</\1\s*>",
    regex.IGNORECASE,
)


def wraps_text(text: str) -> bool:
    """Whether an inline element of ``text`` (outside backticks) wraps some of its text.

    >>> wraps_text("the 19<sup>th</sup> century"), wraps_text("a valid string <p>Hello</p>")
    (True, False)
    """
    return "</" in text and "`" not in text and _INLINE_PAIR.search(text) is not None


def leaked_markup(blocks: list[Block]) -> bool:
    """Whether the prose and heading lines of ``blocks`` hold stray tags in at least
    :data:`LEAKED_SHARE` of them.

    >>> prose = [Block(Kind.PARAGRAPH, [Line(f"Line {n} of the story.", n)]) for n in range(9)]
    >>> shown = Block(Kind.PARAGRAPH, [Line("The input <table></table> made it crash.", 9)])
    >>> leaked_markup([*prose, shown]), leaked_markup([*prose[:2], shown])
    (False, True)
    """
    lines = [
        line.text
        for block in blocks
        if block.kind in (Kind.PARAGRAPH, Kind.HEADING)
        for line in block.lines
        if line.text.strip()
    ]
    tagged = sum(1 for text in lines if "<" in text and stray_tags(text))
    return bool(lines) and tagged >= LEAKED_SHARE * len(lines)


def _pieces(root: Tag, out: list[str], dropped: list[str]) -> None:
    """The text pieces and paragraph/line marks of ``root``'s children, appended to ``out``.

    The tree is walked with an explicit stack, not by recursion: inline tags nested
    thousands deep (``<b><b><b>...``) must not exhaust Python's recursion limit.
    """
    from bs4 import Comment, NavigableString, Tag

    # frames: the children still to read, where their pieces go, what to do after them
    stack: list[tuple[Iterator[PageElement], list[str], Callable[[], None] | None]] = [
        (iter(root.children), out, None)
    ]
    while stack:
        children, target, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if after is not None:
                after()
            continue
        if isinstance(child, Comment):
            dropped.append(f"<!--{child}-->")
        elif isinstance(child, NavigableString):
            target.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _DROP or name == "img":
                dropped.append(str(child))
            elif name in _LINE_BREAK:
                target.append(_LINE)
            elif name == "a":
                inner: list[str] = []
                stack.append((iter(child.children), inner, partial(_link, child, inner, target)))
            elif name in _PARAGRAPH_BREAK:
                target.append(_PARA)
                stack.append((iter(child.children), target, partial(target.append, _PARA)))
            else:
                stack.append((iter(child.children), target, None))


def _link(tag: Tag, inner: list[str], out: list[str]) -> None:
    """``<a href="https://...">text</a>`` as a Markdown link when both are plain, else the
    link's own pieces (``inner``)."""
    href = str(tag.get("href") or "").strip()
    text = " ".join("".join(p for p in inner if not p.startswith("\x00")).split())
    if text and regex.match(r"^https?://[^\s()<>]+$", href) and not regex.search(r"[\[\]]", text):
        out.append(f"[{text}]({href})")
    else:
        out.extend(inner)


def _escape_tags(text: str) -> str:
    """Tag-like text that came from decoded entities stays text: its ``<`` is escaped."""
    return _TAG.sub(lambda m: "&lt;" + m[0][1:], text)


def convert(text: str) -> tuple[list[list[tuple[int, str]]], list[str]]:
    """Text with stray tags as paragraphs of ``(source row, line)``, and what was dropped
    (scripts, styles, comments, images). Newlines in the text keep lines apart.

    >>> convert('<p>One<br/>two</p>\\n<p>Three <b>bold</b> <img src="x.png"></p>')
    ([[(0, 'One'), (0, 'two')], [(1, 'Three bold')]], ['<img src="x.png"/>'])
    """
    from bs4 import BeautifulSoup  # only for text with tags: a text run does not load it

    soup = BeautifulSoup(text, "html.parser")
    out: list[str] = []
    dropped: list[str] = []
    _pieces(soup, out, dropped)
    paragraphs: list[list[tuple[int, str]]] = [[]]
    line: list[str] = []
    row = start = 0

    def end_line() -> None:
        joined = " ".join(_escape_tags(decode_entities("".join(line))).split())
        if joined:
            paragraphs[-1].append((start, joined))
        line.clear()

    for piece in out:
        if piece == _LINE:
            end_line()
        elif piece == _PARA:
            end_line()
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            for k, part in enumerate(piece.split("\n")):
                if k:
                    end_line()
                    row += 1
                if not line:
                    start = row
                line.append(part)
    end_line()
    return [p for p in paragraphs if p], dropped


@cleaner("CA105", "html-remnants", "Convert stray HTML tags and character entities in text.")
def html_remnants(doc: Document, ctx: Context) -> None:
    """Text scrapes often keep bits of the page's HTML: ``<p>`` and ``<br>`` where
    paragraphs and lines broke, ``<b>`` or ``<span class=...>`` around words, and
    entities such as ``&amp;``, ``&#8217;`` or ``&nbsp;``. Lines with such tags are read with
    beautifulsoup4: paragraph tags split paragraphs, ``<br>`` splits lines, links with a
    web address become Markdown links, inline tags leave their text, and scripts, styles,
    comments and images are dropped (the report keeps them). Entities are decoded, except
    ``&lt;`` and ``&gt;``, which would turn text into markup. A tag named in prose ("the
    ``<p>`` tag") and anything inside backticks or code blocks are left alone, and so are
    all tags unless a quarter of the text's lines hold some (``LEAKED_SHARE``): markup
    that a scraper leaked runs through the page; an article about HTML shows a few
    examples and listings, which are its content. An inline element around text
    (``19<sup>th</sup>``), what a converter leaves of the page's formatting, is read
    wherever it stands.

    Example::

        <p>Markets rose &amp; fell.<br>Oil was flat.</p>   ->   Markets rose & fell.
                                                               Oil was flat.
    """
    if not holds_any(doc, "<&"):
        return  # no tag and no entity anywhere
    leaked = leaked_markup(doc.blocks)
    new_blocks: list[Block] = []
    changed = False
    for block in doc.blocks:
        if block.kind not in (Kind.PARAGRAPH, Kind.HEADING) or (
            len(block.lines) == 1
            and "<" not in block.lines[0].text
            and "&" not in block.lines[0].text
        ):
            new_blocks.append(block)  # nothing that could be HTML
            continue
        if any((leaked and stray_tags(line.text)) or wraps_text(line.text) for line in block.lines):
            new_blocks.extend(_convert_block(block, ctx))
            changed = True
            continue
        for line in block.lines:
            if "&" in line.text and "`" not in line.text:
                new = decode_entities(line.text)
                if new != line.text:
                    ctx.record(
                        "replace", "HTML entities decoded", before=line.text, after=new,
                        line=line.number,
                    )  # fmt: skip
                    line.text = new
        new_blocks.append(block)
    if changed:
        doc.blocks = new_blocks


def _convert_block(block: Block, ctx: Context) -> list[Block]:
    """The block read as HTML: one block per paragraph its tags make."""
    paragraphs, dropped = convert(block.text)
    for item in dropped:
        ctx.record("remove", "HTML element dropped", before=item, line=block.number)
    after = "\n\n".join("\n".join(text for _, text in p) for p in paragraphs)
    ctx.record("replace", "HTML tags read", before=block.text, after=after, line=block.number)
    numbers = [line.number for line in block.lines]
    last = len(numbers) - 1
    if block.kind is Kind.HEADING:
        text = " ".join(text for p in paragraphs for _, text in p)
        return [Block(Kind.HEADING, [Line(text, block.number)], block.level)] if text else []
    return [
        Block(Kind.PARAGRAPH, [Line(text, numbers[min(row, last)]) for row, text in p])
        for p in paragraphs
    ]
