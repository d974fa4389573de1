"""The one Markdown parser every module shares (markdown-it-py, CommonMark + tables)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cleanarticle.chars import AsciiCharacters


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough.

    Indented code blocks and raw HTML are off: scraped text is often indented by accident,
    and tags in text are text until the HTML reader handles them.
    """
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable(["code", "html_block", "html_inline"])
    return md


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """The same parser without its inline pass: block structure is all ``parse`` needs, and
    markdown-it's inline pass is quadratic on some inputs (long runs of unbalanced ``[``)."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable(["code", "html_block", "html_inline"])
    md.core.ruler.disable(["inline", "text_join"])
    return md


def parse_blocks(text: str) -> list[Token]:
    """Block-level tokens of ``text`` (inline content unparsed)."""
    return _block_parser().parse(text)


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> tuple[Token, ...]:
    """The inline tokens (children) of one paragraph's text."""
    tokens = parser().parseInline(text)
    return tuple(tokens[0].children or ()) if tokens else ()


#: Longest line whose inline Markdown is parsed. Every detector that reads plain text looks
#: at short lines only, and markdown-it's inline parser is not linear on hostile input.
MAX_INLINE = 2000


def plain_text(text: str) -> str:
    """The text a reader sees: inline Markdown markup removed, link texts kept (lines longer
    than ``MAX_INLINE`` are returned as they are).

    >>> plain_text("By [Jane Doe](#) and **John Roe**")
    'By Jane Doe and John Roe'
    """
    if len(text) > MAX_INLINE or not _has_markup(text):
        return text
    parts: list[str] = []
    for token in parse_inline(text):
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(token.content)
    return "".join(parts)


_MARKUP = AsciiCharacters("*_[]<>`\\&~!")  # asked of every line


def _has_markup(text: str) -> bool:
    return _MARKUP.found_in(text)


_ESCAPABLE = regex.compile(r"([\\`*_\[\]<>!])")


def render_inline(tokens: Sequence[Token], *, drop_links: frozenset[int] = frozenset()) -> str:
    """Inline tokens back to Markdown; links whose index is in ``drop_links`` keep only text.

    Text is written as it is unless that would read back differently, in which case
    Markdown's special characters in it are escaped.

    >>> tokens = parse_inline("By [Jane *Doe*](#) at <https://e.com>")
    >>> render_inline(tokens, drop_links=frozenset({1}))
    'By Jane *Doe* at <https://e.com>'
    """
    for escape in (False, True):
        text = _render(tokens, drop_links, escape)
        if _signature(parse_inline(text)) == _signature(_without(tokens, drop_links)):
            return text
    return text


def _render(tokens: Sequence[Token], drop: frozenset[int], escape: bool) -> str:
    out: list[str] = []
    links: list[tuple[bool, Token]] = []
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "text":
            out.append(_ESCAPABLE.sub(r"\\\1", token.content) if escape else token.content)
        elif kind == "softbreak":
            out.append("\n")
        elif kind == "hardbreak":
            out.append("\\\n")
        elif kind == "code_inline":
            fence = "`" * (max((len(m) for m in regex.findall("`+", token.content)), default=0) + 1)
            pad = " " if token.content.startswith("`") or token.content.endswith("`") else ""
            out.append(f"{fence}{pad}{token.content}{pad}{fence}")
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            out.append(token.markup)
        elif kind in ("s_open", "s_close"):
            out.append("~~")
        elif kind == "link_open":
            links.append((i in drop, token))
            if i not in drop:
                out.append("<" if token.markup == "autolink" else "[")
        elif kind == "link_close":
            dropped, opener = links.pop() if links else (True, token)
            if dropped:
                continue
            if opener.markup == "autolink":
                out.append(">")
            else:
                out.append(f"]({_destination(opener)})")
        elif kind == "image":
            out.append(f"![{token.content}]({_destination(token)})")
        else:
            out.append(token.content)
    return "".join(out)


def _destination(token: Token) -> str:
    url = str(token.attrs.get("href", token.attrs.get("src", "")))
    url = f"<{url}>" if (not url or " " in url or "(" in url or ")" in url) else url
    title = token.attrs.get("title")
    return f'{url} "{title}"' if title else url


def _without(tokens: Sequence[Token], drop: frozenset[int]) -> list[Token]:
    if not drop:
        return list(tokens)
    kept, stack = [], []
    for i, token in enumerate(tokens):
        if token.type == "link_open":
            stack.append(i in drop)
            if i in drop:
                continue
        elif token.type == "link_close" and stack and stack.pop():
            continue
        kept.append(token)
    return kept


def _signature(tokens: Sequence[Token]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for token in tokens:
        attrs = str(sorted(token.attrs.items())) if token.attrs else ""
        if token.type == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + token.content, "")
        elif token.type == "text" and not token.content:
            continue
        else:
            out.append((token.type, token.content, attrs))
    return out


def dead_links(tokens: Sequence[Token]) -> frozenset[int]:
    """Indexes of links that go nowhere (empty target or ``#``)."""
    return frozenset(
        i
        for i, token in enumerate(tokens)
        if token.type == "link_open"
        and token.markup != "autolink"
        and str(token.attrs.get("href", "")).strip() in ("", "#")
    )


def unwrap_emphasis(text: str) -> str | None:
    """The inside of text that is wholly bold or italic (``**Heading**``), else ``None``.

    >>> unwrap_emphasis("**'Big news'**"), unwrap_emphasis("**Big** news")
    ("'Big news'", None)
    """
    stripped = text.strip()
    if not stripped or stripped[0] not in "*_" or stripped[-1] not in "*_":
        return None  # cannot be wholly emphasised: no need to parse
    tokens = [t for t in parse_inline(text) if not (t.type == "text" and not t.content)]
    if len(tokens) < 3:
        return None
    opener, closer = tokens[0], tokens[-1]
    if opener.type not in ("strong_open", "em_open") or closer.type != opener.type.replace(
        "_open", "_close"
    ):
        return None
    depth = 0
    for token in tokens[:-1]:
        depth += token.nesting if token.type == opener.type or token.type == closer.type else 0
        if depth == 0:
            return None
    inner = render_inline(tokens[1:-1])
    return inner.strip() or None
