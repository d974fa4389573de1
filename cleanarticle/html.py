"""HTML pages: the article's text as Markdown and the page's metadata, with trafilatura.

trafilatura finds the main text (navigation, cookie banners, share bars, related boxes and
footers stay behind) and the page's metadata (``<title>``, ``<meta>``, Open Graph, JSON-LD,
``<time datetime>``). Figure captions, which trafilatura leaves out of the text, and the
author link are read from the same lxml tree. The result is Markdown text for the normal
cleaners and the metadata fields that fill the front matter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import regex

from cleanarticle.detect import is_credit, parse_caption, squash, strip_credit_label
from cleanarticle.errors import InputError
from cleanarticle.model import Image

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The HTML libraries log what they cannot parse; this library reports it in the edits.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: Pages with more elements than this are not one article (trafilatura's time grows faster
#: than linearly with the number of paragraphs); they give an empty article and a note.
MAX_ELEMENTS = 30_000

_PAGE_TAG = regex.compile(r"<!doctype\s+html|<(?:html|head|body)[\s>]", regex.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A whole HTML page (not text with a few stray tags): it opens with a tag, and a
    doctype or an ``<html>``, ``<head>`` or ``<body>`` tag is in its first kilobyte.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<p>A scraped paragraph</p> with a stray tag")
    False
    >>> looks_like_html("An article about the <html> element and the <body> element.")
    False
    """
    start = text[:1024].lstrip("\ufeff \t\r\n")
    return start.startswith("<") and _PAGE_TAG.search(start) is not None


@dataclass
class Extracted:
    """What a page gave: Markdown text, metadata fields, and notes for the edit report."""

    markdown: str
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: Where each metadata field came from and why (``title``: "<h1>: og:title agrees").
    sources: dict[str, str] = field(default_factory=dict)


def extract(html: str, url: str | None = None) -> Extracted:
    """The article in ``html``: Markdown text (headings, lists, emphasis and links kept) and
    metadata. A page with no article text gives empty text and a note saying why.

    >>> page = ("<html><head><title>Rain | Daily</title></head><body><article><h1>Rain</h1>"
    ...         "<p>It rained all day in the city, and the rivers rose by a metre.</p>"
    ...         "</article><footer>Privacy</footer></body></html>")
    >>> got = extract(page)
    >>> print(got.markdown, end="")
    # Rain
    <BLANKLINE>
    It rained all day in the city, and the rivers rose by a metre.
    >>> got.metadata["title"]
    'Rain'
    """
    import trafilatura  # imported here: it takes a while, and text input does not need it

    from cleanarticle import htmlmeta  # with lxml, which text input does not need either

    if html.lstrip().startswith("%PDF-"):
        raise InputError("a PDF document, not an HTML page; extract its text first")
    if not _PAGE_TAG.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # a fragment: give it a page around it
    tree = trafilatura.load_html(html)
    if tree is None:
        return Extracted("", notes=["no HTML could be parsed from the input: empty article"])
    size = sum(1 for _ in tree.iter())
    if size > MAX_ELEMENTS:  # checked first: metadata extraction is slow on such pages too
        note = f"page has {size:,} HTML elements (limit {MAX_ELEMENTS:,}): not one article"
        return Extracted("", {"url": url} if url else {}, [f"{note}; empty article"])
    # extensive=False: dates from the page's markup (<meta>, <time>, JSON-LD, the URL), not
    # guessed from free text; it is also twice as fast.
    page_signals = htmlmeta.signals(tree, url or "")
    found = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    metadata = _page_metadata(found, url)
    page_signals.url = metadata.get("url", url or "")
    sources = {key: "trafilatura" for key in metadata}
    choices = htmlmeta.choose(page_signals)
    for key, choice in choices.items():
        metadata[key] = choice.value
        sources[key] = f"{choice.source}: {choice.why}" if choice.why else choice.source
    if "date" not in choices:  # no date the page marks: htmldate's search of the whole page
        day = _searched_date(tree, metadata.get("url", ""))
        if day is not None:
            metadata["date"], sources["date"] = day, "htmldate's extensive search"
            if metadata.get("updated") and metadata["updated"] <= day:  # no later change
                del metadata["updated"], sources["updated"]
    if sources.get("authors") == "trafilatura":  # no signal of ours: people the page shows
        sites, orgs = page_signals.site_names(), page_signals.organisations
        names = (htmlmeta.clean_name(n) for n in metadata["authors"])
        people = htmlmeta.shown(
            tree, (n for n in names if htmlmeta.is_person(n, sites, orgs, False))
        )
        if people:
            metadata["authors"] = people
        else:
            del metadata["authors"], metadata["byline"]
            del sources["authors"], sources["byline"]
    if "authors" in metadata:
        names = metadata["authors"]
        metadata["byline"] = " and ".join(names) if len(names) < 3 else ", ".join(names)
        sources["byline"] = sources["authors"]
    metadata.update(_author_url(tree, metadata.get("url", "")))
    base = metadata.get("url", "")
    if base.startswith(("http://", "https://")):  # links as the page means them: absolute
        tree.make_links_absolute(base, resolve_base_href=True, handle_failures="ignore")
    images = _captions(tree)
    if images:
        metadata["images"] = images
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_comments=False,
        include_tables=True,
    )
    if document is None or document.body is None:
        return Extracted(
            "", metadata, ["no article text found in the HTML: empty article"], sources
        )
    from trafilatura.xml import xmltotxt

    text = xmltotxt(document.body, include_formatting=True)
    note = "main text extracted with trafilatura; the rest of the page was left out"
    return Extracted(text.strip() + "\n", metadata, [note], sources)


def _searched_date(tree: HtmlElement, url: str) -> dt.date | None:
    """The publication date htmldate finds by searching the whole page (its text too),
    never after today and never a 1 January, which is how it writes a year alone (a
    copyright line's); on a copy of the tree, which the search prunes."""
    import copy

    from htmldate import find_date

    today = dt.date.today().isoformat()
    try:
        found = find_date(
            copy.deepcopy(tree),
            url=url or None,
            original_date=True,
            extensive_search=True,
            max_date=today,
        )
    except (ValueError, TypeError):
        return None
    with contextlib.suppress(ValueError, TypeError):
        day = dt.date.fromisoformat(str(found)[:10]) if found else None
        return None if day is None or (day.month, day.day) == (1, 1) else day
    return None


def _page_metadata(found: Any, url: str | None) -> dict[str, Any]:
    """trafilatura's metadata as Metadata fields; empty values left out."""
    out: dict[str, Any] = {}
    for key, attr in (
        ("title", "title"),
        ("description", "description"),
        ("site_name", "sitename"),
        ("url", "url"),
        ("image", "image"),
    ):
        value = squash(getattr(found, attr, None) or "")
        if value:
            out[key] = value
    if url and "url" not in out:
        out["url"] = url
    author = squash(getattr(found, "author", None) or "")
    if author:
        names = tuple(name.strip() for name in author.split(";") if name.strip())
        out["authors"] = names
        out["byline"] = " and ".join(names) if len(names) < 3 else ", ".join(names)
    date = getattr(found, "date", None)
    if date:
        with contextlib.suppress(ValueError):
            out["date"] = dt.date.fromisoformat(str(date)[:10])
    return out


def _author_url(tree: HtmlElement, base: str) -> dict[str, str]:
    """The first ``<a rel="author">`` link, made absolute against the page URL."""
    for link in tree.iterfind(".//a[@rel='author']"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")):
            absolute = urljoin(base, href) if base else href
            if absolute.startswith(("http://", "https://")):
                return {"author_url": absolute}
    return {}


_CREDIT_CLASS = regex.compile(
    r"credit|copyright|author|source|byline|photographer|quelle|fuente|fonte|credito", regex.I
)


def _captions(tree: HtmlElement) -> tuple[Image, ...]:
    """Captions and credits of the figures in the article (in ``<article>`` or ``<main>``
    when the page has one, so that teaser images elsewhere are not taken)."""
    scope = tree.find(".//article")
    if scope is None:
        scope = tree.find(".//main")
    if scope is None:
        scope = tree
    images: list[Image] = []
    for caption in scope.iterfind(".//figcaption"):
        credit_parts = [
            squash(el.text_content())
            for el in caption.iter()
            if isinstance(el.tag, str)
            and el is not caption
            and (el.tag in ("cite", "small") or _CREDIT_CLASS.search(el.get("class") or ""))
        ]
        credit = squash(" ".join(p for p in credit_parts if p))
        text = squash(_text_without(caption, credit_parts))
        if credit:  # the page's markup says it is a credit
            credit = strip_credit_label(credit)
            if len(credit) > 120 and not is_credit(credit):
                text, credit = squash(f"{text} {credit}"), ""
        else:  # the text may say so: "... on Monday. Photo: Jane Doe / AFP"
            parsed = parse_caption(text)
            if parsed is not None and parsed.credit:
                text, credit = parsed.caption, parsed.credit
        if text or credit:
            image = Image(caption=text, credit=credit)
            if image not in images:
                images.append(image)
    return tuple(images)


def _text_without(element: HtmlElement, parts: list[str]) -> str:
    text = element.text_content()
    for part in parts:
        if part:
            text = text.replace(part, " ", 1)
    return text
