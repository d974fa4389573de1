"""URL lines, related-article teasers, and pairing URLs with the headlines they spell."""

from __future__ import annotations

from cleanarticle import urls
from cleanarticle.cleaners._util import PARAGRAPHS, drop_empty, holds_any, remove_blocks
from cleanarticle.detect import TEASER, is_title_like
from cleanarticle.markdown import parse_inline, plain_text
from cleanarticle.model import Block, Document, Kind, Line, Related
from cleanarticle.pipeline import Context, cleaner


@cleaner("CA304", "url-lines", "Move lines that are only a URL, or a 'URL:' label, to metadata.")
def url_lines(doc: Document, ctx: Context) -> None:
    """Take lines that are nothing but a URL out of the body.

    - ``Original url: <...>`` (or a ``URL:`` label with the URL on the next line) is the
      article's own address: ``url``.
    - An author-page URL (``/author/jane-doe``, ``/authors/``, ``/profile/``, ``/people/`` ...)
      is ``author_url``.
    - Any other bare URL goes to ``links``; a later cleaner pairs it with a headline.

    URLs inside sentences stay where they are.

    Example::

        https://example.com/author/jane-doe   ->   author_url: https://example.com/author/jane-doe
    """
    if not holds_any(doc, ":", PARAGRAPHS):
        return  # every URL and every URL label has a colon
    waiting_label: Line | None = None
    links = dict.fromkeys(doc.metadata.links)  # in order; set once, not a tuple per URL
    for block in doc.blocks:
        if block.kind is not Kind.PARAGRAPH:
            continue
        kept: list[Line] = []
        for line in block.lines:
            has_colon = ":" in line.text  # every URL and every URL label has one
            is_label, labelled_url = (
                urls.url_label(plain_text(line.text)) if has_colon else (False, None)
            )
            if is_label and labelled_url is None:
                waiting_label = line
                ctx.record(
                    "remove", "URL label; the URL follows", before=line.text, line=line.number
                )
                continue
            url = labelled_url or (urls.bare_url(line.text) if has_colon else None)
            if url is None:
                if waiting_label is not None:
                    kept.extend(_restore(ctx, waiting_label))
                    waiting_label = None
                kept.append(line)
                continue
            _place(doc, ctx, url, line, links, own=is_label or waiting_label is not None)
            waiting_label = None
        block.lines = kept
    if waiting_label is not None:  # a label with nothing after it: keep the text
        doc.blocks.append(_label_block(ctx, waiting_label))
    if len(links) != len(doc.metadata.links):
        doc.set_meta(links=tuple(links))
    drop_empty(doc)


def _restore(ctx: Context, label: Line) -> list[Line]:
    ctx.record("note", "URL label kept: no URL followed it", before=label.text, line=label.number)
    return [label]


def _label_block(ctx: Context, label: Line) -> Block:
    _restore(ctx, label)
    return Block(Kind.PARAGRAPH, [label])


def _place(
    doc: Document, ctx: Context, url: str, line: Line, links: dict[str, None], *, own: bool
) -> None:
    meta = doc.metadata
    if own and not meta.url:
        doc.set_meta(url=url)
        field = "url"
    elif own and meta.url == url:
        field = "url (again)"
    elif urls.author_slug(url) and not meta.author_url:
        doc.set_meta(author_url=url)
        field = "author_url"
    else:
        links.setdefault(url)
        field = "links"
    doc.origins.setdefault(url, line.number)
    ctx.record("move", f"URL line -> {field}", before=line.text, after=url, line=line.number)


@cleaner("CA305", "related-teasers", "Move 'Related article: <headline>' teasers to related.")
def related_teasers(doc: Document, ctx: Context) -> None:
    """Teasers for other articles leave the body for ``related`` (title, and url if linked).

    Labels in several languages: ``Related article:``, ``Read more:``, ``See also:``,
    ``Lire aussi :``, ``Lesen Sie auch:``, ``Leer más:`` ... A dead link (``[text](#)``)
    keeps its text as the title. A label alone in its paragraph takes the next paragraph
    when that is one headline or one link (how HTML pages lay teasers out).

    Example::

        Related article: Mars Rover Finds Water   ->   related: [{title: Mars Rover Finds Water}]
    """
    if not holds_any(doc, ":", PARAGRAPHS):
        return  # every teaser label ends with a colon
    taken: list[tuple[Block, str, str]] = []
    found: list[Related] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind is not Kind.PARAGRAPH or len(block.lines) != 1 or len(block.text) > 400:
            continue
        if ":" not in block.text:
            continue  # every teaser label ends with one
        match = TEASER.match(plain_text(block.text).strip())
        if match is None:
            continue
        if match.group("title"):
            title, url = match.group("title").strip(), _first_link(block.text)
        else:
            headline = blocks[i + 1] if i + 1 < len(blocks) else None
            if headline is None or not _is_headline(headline):
                continue
            title, url = plain_text(headline.text).strip(), _first_link(headline.text)
            taken.append((headline, "move", "related-article headline -> related"))
        found.append(Related(title=title, url=url))
        taken.append((block, "move", "related-article teaser -> related"))
    remove_blocks(doc, ctx, taken)
    if found:
        doc.set_meta(related=(*doc.metadata.related, *found))


def _is_headline(block: Block) -> bool:
    """One line that is a headline, or wholly one link."""
    if block.kind is not Kind.PARAGRAPH or len(block.lines) != 1:
        return False
    tokens = parse_inline(block.text)
    whole_link = (
        len(tokens) >= 3 and tokens[0].type == "link_open" and tokens[-1].type == "link_close"
    )
    return whole_link or is_title_like(block.text)


def _first_link(text: str) -> str:
    for token in parse_inline(text):
        if token.type == "link_open":
            href = str(token.attrs.get("href", "")).strip()
            if href and href != "#":
                return href
    return ""


@cleaner("CA308", "pair-links", "Give collected URLs to the headlines their slugs spell.")
def pair_links(doc: Document, ctx: Context) -> None:
    """A bare URL whose slug spells a related headline becomes that teaser's ``url``; one
    whose slug spells the article's title becomes ``url``. Others stay in ``links``.

    Example::

        Related article: Mars Rover Finds Water
        https://example.com/2024/01/02/mars-rover-finds-water
        ->  related: [{title: Mars Rover Finds Water, url: https://example.com/2024/...}]
    """
    meta = doc.metadata
    links = list(meta.links)
    related = list(meta.related)
    for i, item in enumerate(related):
        if not item.url:
            url = _take_spelling(doc, ctx, links, item.title, "the related headline it spells")
            related[i] = Related(item.title, url)
    url = meta.url
    if not url and meta.title:
        url = _take_spelling(doc, ctx, links, meta.title, "the title: the article's own url")
    doc.set_meta(links=tuple(links), related=tuple(related), url=url)


def _take_spelling(doc: Document, ctx: Context, links: list[str], headline: str, what: str) -> str:
    """Remove from ``links`` and return the first URL whose slug spells ``headline``."""
    for url in links:
        if urls.slug_matches(url, headline):
            links.remove(url)
            ctx.record(
                "move",
                f"URL paired with {what}",
                before=url,
                after=headline,
                line=doc.origins.get(url, 0),
            )
            return url
    return ""
