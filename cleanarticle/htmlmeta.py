"""The metadata of an HTML page, chosen by documented rules from every signal the page gives.

``signals(tree, url)`` collects what the page says about itself: the visible ``<h1>``, the
``<title>``, ``<meta>`` tags (OpenGraph, ``article:*``, Twitter, Dublin Core, ``name=author``
and the like), ``itemprop`` microdata, JSON-LD objects (``@graph``, lists, CDATA wrappers,
HTML entities), byline elements near the headline, ``<time>`` elements and the URL's date.
``choose(signals)`` then picks each field and says which source won and why (see
docs/format.md, "HTML pages"):

- **title**: the ``<h1>`` when a metadata title agrees with it (the same, or the ``<h1>``
  with a site suffix or a short kicker); else the one ``<h1>`` of the article when it reads
  as a headline; else the metadata title with its site suffix cut (an end segment after
  ``| - – — · » :: /`` that names the site, its publisher or its host; never at ``:``);
- **authors**: people only, and no author rather than a wrong one: the byline beside the
  headline, then JSON-LD ``Person`` authors, then author meta tags, then one author box at
  the article's end (``Written by Jane Doe``, in full names); names are cut at dates,
  ``|``, e-mail addresses and URLs; the site, the publisher, JSON-LD organisations and names
  with organisation words are not authors;
- **date**: in a fixed order, the URL's date, ``article:published_time``, a ``<time>``
  beside the headline, a date printed beside it (a date-class element or a byline's
  piece; never a ``<time>`` or printed date the page labels as an update, by an "Updated"
  label before it or an ``updated``/``modified`` class), a date line beside it that the
  markup does not mark (``<p>November 2, 2022</p>``), JSON-LD ``datePublished``, the
  other publication meta tags and ``itemprop=datePublished``; each as written (the local
  day, never shifted to UTC), never a future day; a UTC timestamp a day off a local one
  gives way to the local one; with none of them, htmldate's (through trafilatura).
"""

from __future__ import annotations

import datetime as dt
import html as html_entities
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

import regex
from lxml.html import HtmlElement

from cleanarticle.detect.byline import (
    JOINING_WORDS,
    ORGANISATION_WORDS,
    parse_byline,
    split_byline,
)
from cleanarticle.detect.date import UPDATED_LABEL, is_updated, parse_date, parse_date_line
from cleanarticle.detect.text import squash
from cleanarticle.lexicon import zipf
from cleanarticle.urls import author_slug, slugify

#: Separators between a headline and the site's name in a metadata title.
_SUFFIX_SEPARATOR = regex.compile(r"\s+(?:\||-|–|—|·|»|::|/|•|~)\s+")
#: JSON-LD types of an article.
_ARTICLE_TYPE = regex.compile(r"article|posting|report|review|story|howto|recipe|webpage", regex.I)
_PERSON_TYPE = "person"
_ORGANISATION_TYPE = regex.compile(r"organi[sz]ation|corporation|newsmediaorganization", regex.I)
#: Containers whose bylines and headlines belong to other stories or to the page's chrome.
_ELSEWHERE = frozenset(
    """footer related recommended recommendations comment comments caption sidebar
    newsletter promo teaser teasers trending popular share sharing social nav navbar
    navigation menu breadcrumb breadcrumbs cookie cookies modal subscribe""".split()
)
#: Parts of a class that say it names a layout, not a box (``with-sidebar``, ``no-footer``).
_LAYOUT_PARTS = frozenset("with no has without content layout template main left right".split())
_AUTHOR_PAGE = regex.compile(
    r"/(?:authors?|by|staff|profiles?|people|writers?|contributors?|journalists?|autor(?:en)?"
    r"|auteurs?|redakteur)/[^/?#]+",
    regex.IGNORECASE,
)
_BYLINE_CLASS = regex.compile(r"byline|author|writer|contributor|reporter", regex.I)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "published_time",
    "created",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "twitter:creator",
    "byl",
)
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline", "parsely-title")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")
_URL_DATE = regex.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])(?:[/-](?P<d>0?[1-9]|[12]\d|3[01]))?(?:/|$|-)"
)


@dataclass(frozen=True)
class Byline:
    """A byline element: its text pieces, and the texts the page marks as names in it."""

    pieces: list[str]
    names: list[str]


@dataclass
class Signals:
    """What a page says about itself, each kind in document order."""

    url: str = ""
    h1: list[str] = field(default_factory=list)
    title_tag: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD article objects
    organisations: set[str] = field(default_factory=set)  # names of JSON-LD organisations
    bylines: list[Byline] = field(default_factory=list)  # byline elements beside the headline
    #: unmarked elements beside the headline that read as a byline (``Written by Jane Doe``)
    #: and links to an author page whose text is the page's name (``/authors/jane-doe``)
    by_lines: list[Byline] = field(default_factory=list)
    #: the same, further down the headline's article (an author box: ``Written by Jane Doe``)
    closing_by_lines: list[Byline] = field(default_factory=list)
    times: list[str] = field(default_factory=list)  # <time datetime> beside the headline
    #: dates printed beside the headline, in a date-class element or a byline
    printed: list[dt.date] = field(default_factory=list)
    #: unmarked elements beside the headline whose whole text is a date line
    shown_dates: list[dt.date] = field(default_factory=list)
    #: dates beside the headline that the page labels as the last change (``Updated ...``)
    updates: list[str] = field(default_factory=list)

    def first_meta(self, keys: Iterable[str]) -> tuple[str, str]:
        """The first non-empty value of these meta keys, and its key."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value, key
        return "", ""

    def site_names(self) -> set[str]:
        """Folded names the site goes by: meta site names, JSON-LD publishers and
        organisations, and the labels of its host (``ign`` and ``ign com`` for ign.com)."""
        names = {fold(v) for key in _SITE_META for v in self.meta.get(key, ())}
        names |= {fold(name) for name in self.organisations}
        for article in self.articles:
            names |= {fold(name) for name in _names(article.get("publisher"))}
        host = (urlsplit(self.url).hostname or "").removeprefix("www.")
        if host:
            labels = host.split(".")
            names |= {fold(host), fold(" ".join(labels)), *(fold(label) for label in labels[:-1])}
        return {name for name in names if name}


@dataclass(frozen=True)
class Choice:
    """A chosen field value and where it came from (for the edit report)."""

    value: Any
    source: str
    why: str = ""


def fold(text: str) -> str:
    """Text compared loosely: lower case, letters and digits only.

    >>> fold("The Writing Center!"), fold("IGN.com")
    ('the writing center', 'ign com')
    """
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", text.casefold()))


def shown(tree: HtmlElement, names: Iterable[str]) -> tuple[str, ...]:
    """Those of ``names`` that the page's visible text writes (scripts and styles aside),
    compared as ``fold`` compares."""
    texts = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    folded = f" {fold(' '.join(texts))} "
    return tuple(name for name in names if fold(name) and f" {fold(name)} " in folded)


# --- signals ---------------------------------------------------------------------------------


def signals(tree: HtmlElement, url: str = "") -> Signals:
    """Every signal of ``tree`` (an lxml tree, before trafilatura prunes it)."""
    found = Signals(url=url or "")
    for element in tree.iter("meta"):
        key = (
            element.get("property") or element.get("name") or element.get("itemprop") or ""
        ).strip()
        value = squash(html_entities.unescape(element.get("content") or ""))
        if key and value:
            found.meta.setdefault(key.lower(), []).append(value)
    for element in tree.iterfind(".//*[@itemprop]"):
        if element.tag == "meta":
            continue
        key = element.get("itemprop", "").strip().lower()
        if key in ("datepublished", "datemodified", "headline"):
            value = element.get("datetime") or element.get("content") or element.text_content()
            if squash(value):
                found.meta.setdefault(key, []).append(squash(value))
    title = tree.find(".//title")
    if title is not None:
        found.title_tag = squash(title.text_content())
    for script in tree.iterfind(".//script"):
        if "ld+json" in (script.get("type") or "").lower():
            for item in _json_ld(script.text or ""):
                kind = " ".join(_types(item))
                if _ORGANISATION_TYPE.search(kind):
                    found.organisations |= set(_names(item))
                elif _ARTICLE_TYPE.search(kind):
                    found.articles.append(item)
    # webpage objects describe the page, articles the story: the story first
    found.articles.sort(key=lambda item: "webpage" in " ".join(_types(item)).lower())
    scope = _article_scope(tree)
    headings = [h for h in scope.iter("h1") if _visible(h)] or [
        h for h in tree.iter("h1") if _visible(h)
    ]
    found.h1 = [text for text in (squash(h.text_content()) for h in headings) if text]
    anchor = headings[0] if headings else None
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    found.bylines = _bylines(elements, anchor)
    found.by_lines = _by_lines(elements, anchor)
    found.closing_by_lines = _closing_by_lines(elements, anchor)
    found.times = _times(elements, anchor)
    found.printed = _printed_dates(elements, anchor, found.bylines)
    found.shown_dates = _date_lines(elements, anchor)
    found.updates = _update_dates(elements, anchor, found.bylines)
    return found


def _json_ld(text: str) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD script: lists and ``@graph`` opened, CDATA and comments cut."""
    text = text.strip()
    text = regex.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
    text = regex.sub(r"^\s*<!--|-->\s*$", "", text)
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            if "@graph" in item:
                stack[:0] = list(item["@graph"]) if isinstance(item["@graph"], list) else []
            if "@type" in item:
                yield item
            main = item.get("mainEntity") or item.get("mainEntityOfPage")
            if isinstance(main, dict) and "@type" in main:
                stack.append(main)


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type", "")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)]


def _names(value: Any, people_only: bool = False) -> list[str]:
    """The names in a JSON-LD value: a string, an object with a name, or a list of them."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            if not people_only or not item.startswith("http"):
                out.append(squash(html_entities.unescape(item)))
        elif isinstance(item, dict):
            kind = " ".join(_types(item)).lower()
            if people_only and kind and _PERSON_TYPE not in kind:
                continue
            name = item.get("name")
            if isinstance(name, str):
                out.append(squash(html_entities.unescape(name)))
    return [name for name in out if name]


def _classes(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _elsewhere(element: HtmlElement) -> bool:
    """Whether ``element`` stands in page chrome or in another story's box: in a footer,
    aside, nav or figure, or in an element whose class or id has a word of ``_ELSEWHERE``
    (``site-footer``, ``related_posts``: see ``_chrome_class``; not ``<body>``, whose
    classes describe the page)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        if ancestor.tag in ("footer", "aside", "nav", "figcaption", "figure"):
            return True
        if any(_chrome_class(token) for token in _classes(ancestor).lower().split()):
            return True
    return False


def _chrome_class(token: str) -> bool:
    """Whether a class (or id) names a box of chrome: a word of ``_ELSEWHERE`` begins or
    ends it, in at most three parts, none of which says it is a layout.

    >>> _chrome_class("site-footer"), _chrome_class("related_posts"), _chrome_class("nav")
    (True, True, True)
    >>> _chrome_class("full-width-template-with-sidebar"), _chrome_class("elementor-widget")
    (False, False)
    """
    parts = regex.split(r"[-_]+", token.strip("-_"))
    return (
        len(parts) <= 3
        and (parts[0] in _ELSEWHERE or parts[-1] in _ELSEWHERE)
        and _LAYOUT_PARTS.isdisjoint(parts)
    )


def _visible(element: HtmlElement) -> bool:
    for node in (element, *element.iterancestors()):
        style = (node.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or node.get("hidden") is not None:
            return False
        if node.get("aria-hidden") == "true" or "sr-only" in (node.get("class") or ""):
            return False
    return not _elsewhere(element)


def _article_scope(tree: HtmlElement) -> HtmlElement:
    for path in (".//article", ".//main", ".//*[@role='main']"):
        found = tree.find(path)
        if found is not None:
            return found
    return tree


def _near(
    elements: list[HtmlElement], anchor: HtmlElement | None, span: int = 120
) -> list[HtmlElement]:
    """Of the page's ``elements``, those from a little before the headline to ``span``
    elements after it (the whole page when there is no headline)."""
    if anchor is None:
        return elements
    try:
        at = elements.index(anchor)
    except ValueError:
        return elements
    return elements[max(0, at - 30) : at + span]


def _bylines(elements: list[HtmlElement], anchor: HtmlElement | None) -> list[Byline]:
    """Byline elements (a byline or author class, ``rel=author``, ``itemprop=author``)
    beside the headline and outside chrome, the outermost of nested ones, each with its
    text pieces (its text nodes, which keep apart what markup keeps apart: ``Brian Truitt``
    and ``USA TODAY``) and the texts of its links to author pages."""
    out: list[Byline] = []
    taken: list[HtmlElement] = []
    for element in _near(elements, anchor):
        marked = (
            element.get("rel") == "author"
            or (element.get("itemprop") or "").lower() == "author"
            or _BYLINE_CLASS.search(_classes(element)) is not None
        )
        if not marked or element.tag in ("img", "meta", "script", "style", "link"):
            continue
        if any(t in element.iterancestors() for t in taken) or _elsewhere(element):
            continue
        pieces = [squash(piece) for piece in element.itertext()]
        pieces = [piece for piece in pieces if piece]
        if not pieces or sum(map(len, pieces)) > 300:
            continue
        links = [
            squash(link.text_content())
            for link in element.iter("a")
            if link.get("rel") == "author" or _AUTHOR_PAGE.search(link.get("href") or "")
        ]
        names = [
            squash(node.text_content())
            for node in element.iter()
            if isinstance(node.tag, str) and (node.get("itemprop") or "").lower() == "name"
        ]
        taken.append(element)
        out.append(Byline(pieces, [t for t in (*names, *links) if t]))
    return out


#: An element's text that starts as a byline does: a "by" in some language, or a label.
_BY_START = regex.compile(  # the label in any case, the name with a capital
    r"^(?i:(?:written|words|story|text|posted|published|article|report(?:ed|ing)?)\s+)?"
    r"(?i:by|von|par|por|door|przez|av|af)\s*:?\s+\p{Lu}"
    r"|^(?i:authors?|autor(?:in|en)?|auteure?s?|autore|written by)\s*:\s*\p{Lu}"
)


def _by_lines(elements: list[HtmlElement], anchor: HtmlElement | None) -> list[Byline]:
    """Bylines the markup does not mark, beside the headline and outside chrome: the
    innermost short element whose text starts with "By" (``Written by Jane Doe``, ``Par
    Jean Dupont``), and a link to an author page (``/authors/jane-doe``) whose text is the
    name its address spells (so the page marks it as a name); such links side by side
    (one after the other, in one parent or grandparent) are one byline. Three or more "By"
    lines are a list of other stories' bylines: none of them is taken."""
    out: list[Byline] = []
    texts = 0
    last_link: HtmlElement | None = None
    for element in _near(elements, anchor):
        if element.tag in ("script", "style", "title", "meta") or _elsewhere(element):
            continue
        text = _short_text(element, 100)
        if not text:
            continue
        if element.tag == "a" and _slug_spells(element.get("href") or "", text):
            if out and out[-1].names and _side_by_side(last_link, element):
                out[-1].pieces.extend([",", text])
                out[-1].names.append(text)
            else:
                out.append(Byline([text], [text]))
            last_link = element
        elif _BY_START.match(text) and not any(
            isinstance(child.tag, str) and _BY_START.match(_short_text(child, 100))
            for child in element
        ):
            out.append(Byline([squash(piece) for piece in element.itertext() if squash(piece)], []))
            texts += 1
    return [] if texts >= 3 else out


def _closing_by_lines(elements: list[HtmlElement], anchor: HtmlElement | None) -> list[Byline]:
    """Unmarked bylines in the headline's ``<article>`` or ``<main>`` after the stretch
    beside the headline: an author box at the article's end (``Written by Jane Doe``, a
    link to her author page)."""
    if anchor is None:
        return []
    scope = next((a for a in anchor.iterancestors() if a.tag in ("article", "main")), None)
    if scope is None:
        return []
    beside = {id(element) for element in _near(elements, anchor)}
    later = [e for e in scope.iter() if isinstance(e.tag, str) and id(e) not in beside]
    return _by_lines(later, None)


def _short_text(element: HtmlElement, limit: int) -> str:
    """The element's text, single-spaced, or ``""`` when it is longer than ``limit``
    characters (read no further than that: the page's outer boxes hold all its text)."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > 3 * limit:  # room for the spaces and newlines markup puts between words
            return ""
        pieces.append(piece)
    text = squash("".join(pieces))
    return text if len(text) <= limit else ""


def _side_by_side(first: HtmlElement | None, second: HtmlElement) -> bool:
    """Whether two elements have the same parent or the same grandparent."""
    if first is None:
        return False
    mine, theirs = islice(first.iterancestors(), 2), islice(second.iterancestors(), 2)
    return any(a is b for a, b in zip(mine, theirs, strict=False))


def _slug_spells(href: str, text: str) -> bool:
    """Whether ``href`` is an author page whose last part spells ``text`` (``/by/jane-doe``
    and ``Jane Doe``).

    >>> _slug_spells("/authors/trevor-jackins/", "Trevor Jackins")
    True
    >>> _slug_spells("/authors/trevor-jackins", "More articles")
    False
    """
    slug = author_slug(href)
    if slug is None or len(text.split()) < 2:
        return False
    return _unaccented(slug.lower().replace("_", "-")) == _unaccented(slugify(text))


def _unaccented(text: str) -> str:
    """``text`` without accents, as an address spells it (``Pérez``, ``perez``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DATE_CLASS_PARTS = frozenset("date time published posted pubdate publish timestamp dated".split())
#: Parts of a class that say its date is the last change (``date-modified``,
#: ``field--name-changed``).
_UPDATE_CLASS_PARTS = frozenset("updated modified changed update lastmod revised".split())
#: An "Updated" label that ends the text before a date (``Last updated: <time>``).
_UPDATE_BEFORE = regex.compile(rf"\b{UPDATED_LABEL}\s*[:\-–]?\s*$", regex.IGNORECASE)


def _class_parts(element: HtmlElement) -> set[str]:
    return {p for token in _classes(element).lower().split() for p in regex.split(r"[-_]+", token)}


def _labelled_update(element: HtmlElement) -> bool:
    """Whether the page says the date in ``element`` is the last change, not the
    publication: a class of it or of its parent says so (``date-modified``), or an
    "Updated" label ends the text before it in its parent (``Updated <time>``)."""
    parent = element.getparent()
    if any(
        _class_parts(node) & _UPDATE_CLASS_PARTS for node in (element, parent) if node is not None
    ):
        return True
    if parent is None:
        return False
    before: list[str] = []  # the text right before the element, read backwards
    sibling = element.getprevious()
    while sibling is not None and sum(map(len, before)) < _LABEL_SPAN:
        before.append(sibling.tail or "")
        if isinstance(sibling.tag, str):
            text = _short_text(sibling, _LABEL_SPAN)
            if not text and any(piece.strip() for piece in sibling.itertext()):
                break  # a long sibling: the label stands right before the date, not in it
            before.append(text)
        sibling = sibling.getprevious()
    else:
        if sibling is None:  # read back to the parent's own first text
            before.append(parent.text or "")
    return bool(_UPDATE_BEFORE.search(squash(" ".join(reversed(before)))[-_LABEL_SPAN:]))


#: How many characters before a date its "Updated" label may take (``Last updated on``).
_LABEL_SPAN = 40


def _after_update_label(before: str) -> bool:
    """Whether the byline piece ``before`` is an "Updated" label alone, so that the piece
    after it is the update's date (``Updated``, ``Feb. 27, 2025``)."""
    return is_updated(before) and parse_date_line(before) is None


def _printed_dates(
    elements: list[HtmlElement], anchor: HtmlElement | None, bylines: list[Byline]
) -> list[dt.date]:
    """Publication dates printed beside the headline: the text of an element whose class
    names a date (``post-date``, ``published``), or a piece of a byline, that reads as a
    date line (``March 9, 2021``, ``Published 9/3/2021 | 5 min read``); never a date the
    line labels as an update."""
    texts: list[str] = []
    for element in _near(elements, anchor, span=80):
        if element.tag in ("script", "style", "time") or _elsewhere(element):
            continue
        if _class_parts(element) & _DATE_CLASS_PARTS and not _labelled_update(element):
            whole = squash(" ".join(element.itertext()))
            if not is_updated(whole):
                texts.extend(squash(piece) for piece in element.itertext())
                texts.append(whole)
    for byline in bylines[:3]:
        texts.extend(
            piece
            for before, piece in zip(["", *byline.pieces], byline.pieces, strict=False)
            if not _after_update_label(before)
        )
    out: list[dt.date] = []
    for text in texts:
        if not text or len(text) > 80 or is_updated(text):
            continue
        day = parse_date_line(text)
        if day is not None and day not in out:
            out.append(day)
    return out


def _date_lines(elements: list[HtmlElement], anchor: HtmlElement | None) -> list[dt.date]:
    """Dates beside the headline that the markup does not mark: the innermost element
    whose whole text is a date line (``<p>November 2, 2022</p>``, ``Mar 5, 2025 | 6
    comments``), never one the page labels as an update. Read only when a headline
    anchors them: a page's other date lines are other stories'."""
    if anchor is None:
        return []
    out: list[dt.date] = []
    for element in _near(elements, anchor, span=80):
        if element.tag in ("script", "style", "time", "title", "option") or _elsewhere(element):
            continue
        text = _short_text(element, 80)
        if not text or any(
            isinstance(child.tag, str) and _short_text(child, 80) == text for child in element
        ):
            continue  # no text, or the same text in a child, which is read in its turn
        if is_updated(text) or _labelled_update(element):
            continue
        day = parse_date_line(text)
        if day is not None and day not in out:
            out.append(day)
    return out


def _update_dates(
    elements: list[HtmlElement], anchor: HtmlElement | None, bylines: list[Byline]
) -> list[str]:
    """Dates beside the headline that the page labels as the last change: a ``<time>`` or
    a date-class element after an "Updated" label or with an ``updated`` class, and a
    byline's "Updated ..." piece."""
    out: list[str] = []
    for element in _near(elements, anchor, span=80):
        if element.tag in ("script", "style") or _elsewhere(element):
            continue
        if element.tag == "time" and _labelled_update(element):
            out.append(squash(element.get("datetime") or element.text_content()))
        elif _class_parts(element) & (_DATE_CLASS_PARTS | _UPDATE_CLASS_PARTS):
            text = squash(" ".join(element.itertext()))
            if len(text) <= 80 and (is_updated(text) or _labelled_update(element)):
                day = parse_date_line(text)
                out.extend([day.isoformat()] if day else [])
    for byline in bylines[:3]:
        for before, piece in zip(["", *byline.pieces], byline.pieces, strict=False):
            if is_updated(piece) or _after_update_label(before):
                day = parse_date_line(piece)
                out.extend([day.isoformat()] if day else [])
    return [value for value in out if value]


def _times(elements: list[HtmlElement], anchor: HtmlElement | None) -> list[str]:
    out = []
    for element in _near(elements, anchor, span=80):
        if element.tag == "time" and not _elsewhere(element) and not _labelled_update(element):
            value = element.get("datetime") or element.text_content()
            if squash(value):
                out.append(squash(value))
    return out


# --- choices ---------------------------------------------------------------------------------


def choose(found: Signals, today: dt.date | None = None) -> dict[str, Choice]:
    """Each field's value and source; fields with nothing to say are left out."""
    out: dict[str, Choice] = {}
    sites = found.site_names()
    title = _title(found, sites)
    if title:
        out["title"] = title
    authors = _authors(found, sites)
    if authors:
        out["authors"] = authors
    date = _date(found, today or dt.date.today())
    if date:
        out["date"] = date
        stamp = _timestamp(date.value, found)
        if stamp:
            out["timestamp"] = Choice(stamp, date.source)
    updated = _updated(found, date.value if date else None, today or dt.date.today())
    if updated:
        out["updated"] = updated
    return out


def _metadata_titles(found: Signals) -> list[tuple[str, str]]:
    titles = [(v, k) for k in _TITLE_META for v in found.meta.get(k, ())[:1]]
    for article in found.articles[:1]:
        for key in ("headline", "name"):
            if isinstance(article.get(key), str) and article[key].strip():
                titles.append((squash(html_entities.unescape(article[key])), f"JSON-LD {key}"))
    if found.title_tag:
        titles.append((found.title_tag, "<title>"))
    return [(t, k) for t, k in titles if t]


def strip_site(title: str, sites: set[str]) -> str:
    """``title`` without the site's name at either end (after or before a separator), and
    without a section's one- or two-word name beside a headline of five words or more;
    never cut at a colon, and never down to nothing.

    >>> strip_site("Book Reviews – The Writing Center", {"the writing center"})
    'Book Reviews'
    >>> strip_site("IGN | The Best Mice in 2026", {"ign"})
    'The Best Mice in 2026'
    >>> strip_site("Daily: the day the river rose", {"daily"})
    'Daily: the day the river rose'
    >>> strip_site("How to help babies sleep | Patient Education | UC Davis", {"ucdavis"})
    'How to help babies sleep'
    >>> strip_site("Politics | St. Louis Park elects a new mayor", set())
    'St. Louis Park elects a new mayor'
    """
    parts = _SUFFIX_SEPARATOR.split(title)
    if len(parts) > 1 and _names_site(parts[-1], sites):
        parts.pop()
        # "Headline | Section | Site": a short segment before the site's name is a section
        while len(parts) > 1 and len(parts[-1].split()) <= 3 and len(parts[0].split()) >= 4:
            parts.pop()
    while len(parts) > 1 and _names_site(parts[0], sites):
        parts.pop(0)
    # a section before or after a long headline ("Politics | ...", "... | Opinion")
    if len(parts) == 2 and _section(parts[0]) and len(parts[1].split()) >= 5:
        parts.pop(0)
    elif len(parts) == 2 and _section(parts[1]) and len(parts[0].split()) >= 5:
        parts.pop()
    if len(parts) == len(_SUFFIX_SEPARATOR.split(title)):
        return title
    return _rejoin(title, parts)


def _section(segment: str) -> bool:
    """Whether a title segment reads as a section's or a site's name: one or two words of
    letters only (``Politics``, ``Local News``; not ``SW082``, ``Step-by-Step Guide`` or a
    quoted title)."""
    words = segment.split()
    return 1 <= len(words) <= 2 and all(regex.fullmatch(r"\p{L}+", w) for w in words)


def _rejoin(title: str, parts: list[str]) -> str:
    start = title.index(parts[0])
    end = title.rindex(parts[-1]) + len(parts[-1])
    return title[start:end].strip()


def _names_site(segment: str, sites: set[str]) -> bool:
    """Whether a title segment names the site: one of its names, or a host-like label."""
    folded = fold(segment)
    if not folded:
        return False
    if folded in sites or folded.replace(" ", "") in {s.replace(" ", "") for s in sites}:
        return True
    return any(
        len(site) >= 4 and (folded.startswith(site) or site in folded) for site in sites
    ) and (len(folded.split()) <= 6)


def _agrees(h1: str, title: str, sites: set[str]) -> str:
    """How a metadata title agrees with the ``<h1>`` ('' when it does not)."""
    a, b = fold(h1), fold(title)
    if not a:
        return ""
    if a == b:
        return "the same"
    if fold(strip_site(title, sites)) == a:
        return "the same but for the site's name"
    parts = _SUFFIX_SEPARATOR.split(title)
    if len(parts) > 1:
        if fold(_rejoin(title, parts[:-1])) == a and len(parts[-1].split()) <= 6:
            return "the same but for a suffix"
        if fold(_rejoin(title, parts[1:])) == a and len(parts[0].split()) <= 4:
            return "the same but for a kicker"
    return ""


def _cased(text: str) -> bool:
    """Whether text is written in mixed case (not shouted, not all lower case, as CSS may
    show a headline)."""
    letters = [c for c in text if c.isalpha()]
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters)


def _reads_as_headline(text: str, sites: set[str]) -> bool:
    words = text.split()
    return 2 <= len(words) <= 40 and not _names_site(text, sites) and len(text) <= 300


def _title(found: Signals, sites: set[str]) -> Choice | None:
    titles = _metadata_titles(found)
    for h1 in [h for h in found.h1 if not _names_site(h, sites)][:2]:  # agreement is evidence
        for title, key in titles:
            how = _agrees(h1, title, sites)
            if how == "the same" and title != h1 and _cased(title) and not _cased(h1):
                return Choice(title, key, "the <h1> in its letter case as typed")
            if how:
                return Choice(h1, "<h1>", f"{key} is {how}")
    h1s = [h for h in found.h1 if _reads_as_headline(h, sites)]
    if len(h1s) == 1 and (_cased(h1s[0]) or not titles):
        return Choice(h1s[0], "<h1>", "the article's one headline")
    for title, key in titles:
        stripped = strip_site(title, sites)
        if stripped and not _names_site(stripped, sites):
            why = "its site name cut" if stripped != title else ""
            return Choice(stripped, key, why)
    return None


def clean_name(text: str) -> str:
    """A person's name out of an author field: no ``By``, date, ``|`` part, e-mail, URL or
    handle.

    >>> clean_name("By Jane Doe | Published 3 March 2021"), clean_name("jane@example.com")
    ('Jane Doe', '')
    """
    text = squash(text)
    text = regex.split(r"\s+[|•·]\s+|\s+[-–—]\s+(?=\S)", text)[0]
    text = _NAME_LABEL.sub("", text)
    text = _NAME_TAIL.sub("", text)
    words = text.split()
    for index, word in enumerate(words[2:], start=2):
        if word.lower().strip(",.") in _ROLE_WORDS:
            text = " ".join(words[:index])
            break
    if "@" in text or "://" in text or text.startswith("www."):
        return ""
    return text.strip(" ,;:")


_NAME_LABEL = regex.compile(
    r"^(?:(?:\p{L}+\s+){1,2}(?:by|par|por|door|przez)"
    r"|(?:veröffentlicht|geschrieben|erstellt|verfasst|artikel|text|beitrag)\s+von"
    r"|by|von|par|por|di|door|av|af"
    r"|authors?|autor(?:in|en|/in|\*in)?|auteure?s?|autore)\s*:?\s+",
    regex.IGNORECASE,
)
_NAME_TAIL = regex.compile(
    r"\s*\b(?:published|updated|posted|last updated)\b.*$|\s+(?:on\s+\S|(?:am|le|el)\s+\d).*$",
    regex.IGNORECASE,
)
_NAME_PARTICLES = frozenset(
    "de van von der den da di la le du del della dos das bin binti al el ter ten".split()
)
#: A month that ends a "name" is the date after it (``Mazi December``); April, May, June
#: and August are people's names too.
_MONTH = regex.compile(
    r"^(?:(?:jan|feb|mar|sep|sept|oct|nov|dec)\.|january|february|march|july|september"
    r"|october|november|december)$",
    regex.IGNORECASE,
)
#: Words of a page's interface, never of a name (``Full Bio``, ``Read more``).
_INTERFACE_WORDS = frozenset(
    "bio biography profile more read view posts articles all see about follow contact email"
    " share written sponsored article edition".split()
)
#: Words of a job title: a name stops before them (``Mateusz Haberny Founder``).
_ROLE_WORDS = frozenset(
    """editor editors columnist columnists correspondent correspondents reporter reporters
    writer writers contributor contributors engineer director manager founder cofounder
    co-founder ceo cto coo president officer coordinator specialist analyst strategist
    consultant author lead head senior chief associate assistant guest freelance contributing
    technical marketing content managing executive deputy print digital checked reviewed
    edited fact""".split()
)


def is_person(
    name: str, sites: set[str], organisations: set[str], trusted: bool, single: bool = False
) -> bool:
    """Whether ``name`` reads as a person's name: two to five capitalised words (name
    particles aside; one, when the page marks it as a name or ``single`` says the page
    gives it as the author's: after a "By" label, or in two sources), no digit, no month at the
    end, no word of a job title or of the page's interface, not the site in capitals or a
    one-word site name, not a name with an organisation word; and, unless the page marks it
    as a name (``trusted``: an author link, ``itemprop=name``, a byline's or JSON-LD
    ``Person``), not a JSON-LD organisation's name or words too common to be a name's.

    >>> none: set[str] = set()
    >>> is_person("Jane Doe", none, none, False), is_person("USA TODAY", {"usatoday"}, none, False)
    (True, False)
    >>> is_person("Senior Director", none, none, False), is_person("News Desk", none, none, True)
    (False, False)
    """
    words = name.split()
    folded = fold(name)
    if not folded or not (1 if trusted or single else 2) <= len(words) <= 5:
        return False
    if regex.search(r"\d", name):
        return False
    names_site = folded in sites or folded.replace(" ", "") in {s.replace(" ", "") for s in sites}
    if names_site and (name.isupper() or words[0].lower() == "the" or len(words) == 1):
        return False  # the site (USA TODAY); a personal site's name is its author's
    if not trusted and folded in {fold(o) for o in organisations}:
        return False  # an organisation's, unless the page marks the name as a person's
    if any(
        w.lower() in ORGANISATION_WORDS
        or w.lower().strip(".,") in ORGANISATION_WORDS | JOINING_WORDS
        for w in words
    ):
        return False  # "Customs and Border Protection": a name joins no words
    if _MONTH.search(words[-1]) or words[-1].lower() in _NAME_PARTICLES | {"by", "von"}:
        return False  # "Mazi December": a date follows; "Veröffentlicht von": a label
    if any(w.lower().strip(".,") in _INTERFACE_WORDS | _ROLE_WORDS for w in words):
        return False
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not word[0].isupper():
            return False
    return trusted or not _common_words(name)


def _common_words(name: str) -> bool:
    """Words all too common to be a name's (``Personal Finance``); common first and last
    names (``Andrew Clark``) are less common than that."""
    scores = [zipf(w.lower()) for w in name.split() if w.lower() not in _NAME_PARTICLES]
    return bool(scores) and min(scores) >= 4.5 and sum(scores) / len(scores) >= 5.0


def _people(
    texts: Iterable[str],
    sites: set[str],
    organisations: set[str],
    trusted: bool,
    single: bool | frozenset[str] = False,
) -> tuple[str, ...]:
    """The people ``texts`` name. ``single`` allows one-word names (``Kristin``, ``Maria &
    Katerina``): all of them (``True``), or those whose folded form it holds (the names
    another source gives)."""
    names: list[str] = []
    for text in texts:
        text = clean_name(text)
        if not text:
            continue
        parsed = parse_byline(f"By {text}")
        if parsed is not None and not parsed.authors and parsed.affiliation:
            continue  # an organisation's name ("Multimedia Redaktion"): nobody's
        candidates = parsed.authors if parsed is not None else split_byline(text)[0]
        parts = tuple(_NAME_JOIN.split(text))  # one-word names, which a text byline skips
        if not candidates and (trusted or single is True or _all_in(parts, single)):
            candidates = parts
        for name in candidates or (text,):
            name = clean_name(name)
            one = single if isinstance(single, bool) else fold(name) in single
            if is_person(name, sites, organisations, trusted, one) and name not in names:
                names.append(name)
    return tuple(names)


def _all_in(parts: Iterable[str], folded: bool | frozenset[str]) -> bool:
    return isinstance(folded, frozenset) and all(fold(part) in folded for part in parts)


#: What joins the names of a byline: ``Maria & Katerina``, ``Linny and Peter``.
_NAME_JOIN = regex.compile(r"\s*(?:[,;&]|\band\b|\bund\b|\bet\b|\by\b)\s*", regex.IGNORECASE)


#: A label that names someone other than an author: the names after it are not authors.
_OTHER_ROLE = regex.compile(
    r"\b(?:reviewed|edited|checked|photos?|photographs?|photography|illustrations?|images?"
    r"|video|graphics|contributions?|reporting|produced|translated|updated)\s+(?:by|from)\b"
    r"|^(?:editor|reviewer|photographer|fact[- ]checker)s?\s*:",
    regex.IGNORECASE,
)
_AUTHOR_LABEL = regex.compile(r"^(?:(?:written|words|story|text)\s+)?by\b|^authors?\s*:", regex.I)
#: A piece that ends in "by" in some language is a label (``Veröffentlicht von``).
_LABEL_END = regex.compile(r"\b(?:by|von|par|por|door|przez|av|af)\s*:?$", regex.IGNORECASE)
_CONNECTOR = regex.compile(r"^[,;&]?\s*(?:and|und|et|y|e|&|,)?\s*[,;&]?$", regex.IGNORECASE)


def byline_people(
    byline: Byline,
    sites: set[str],
    organisations: set[str],
    confirmed: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The authors a byline element names: the first run of names, joined by ``and`` or
    commas; names after ``Edited by``, ``Reviewed by``, ``Photos by`` and the like are
    not authors, and the run ends at anything else (a role, a date, a button). A name of
    one word is taken after a "By" label or when another source gives it (``confirmed``:
    folded names).

    >>> b = Byline(["By", "Ana Souza", "and", "Luis Pérez", "Edited by", "Jo Roe"], [])
    >>> byline_people(b, set(), set())
    ('Ana Souza', 'Luis Pérez')
    >>> byline_people(Byline(["Advaita Suresh", "ET Online", "Font Size"], []), set(), set())
    ('Advaita Suresh',)
    """
    names: list[str] = []
    not_authors: set[str] = set()
    joined = False
    others = False  # after "Edited by": the names are someone else's
    labelled = False  # right after "By": the page says the name is the author's
    run_labelled = False  # the run of names began right after "By"
    for piece in byline.pieces:
        if _OTHER_ROLE.search(piece):
            others = True
            continue
        if _AUTHOR_LABEL.match(piece) or _LABEL_END.search(piece):
            others, labelled = False, True
            if _LABEL_END.search(piece) or not _AUTHOR_LABEL.sub("", piece).strip(" :"):
                continue  # the label alone; "By Jane Doe" goes on to be read
        if names and _CONNECTOR.match(piece):
            joined = True
            continue
        if piece.startswith((",", "(")):
            continue  # ", Staff Attorney": an affiliation after a name
        trusted = piece in byline.names
        one = labelled or (joined and run_labelled) or confirmed
        people = _people([piece], sites, organisations, trusted, one)
        run_labelled = run_labelled if names else labelled
        labelled = False
        if others:
            not_authors.update(people)
            continue
        if not people or (names and not joined):
            if names:
                others = True  # the run of authors ended; what follows is not theirs
            continue
        names.extend(n for n in people if n not in names)
        joined = False
    # a name the page marks (an author link, itemprop=name) over the same name split by
    # markup ("Will Knigh" + "t"); marked names alone when the text gives none
    marked = _people(byline.names, sites, organisations, trusted=True)
    marked = tuple(n for n in marked if n not in not_authors)
    whole = [next((m for m in marked if _split_word(n, m)), n) for n in names]
    return tuple(dict.fromkeys(whole)) or marked


def _split_word(piece: str, name: str) -> bool:
    """Whether ``piece`` is ``name`` cut inside a word (``Will Knigh``, ``Will Knight``)."""
    return name.startswith(piece) and len(name) > len(piece) and name[len(piece)].islower()


def _authors(found: Signals, sites: set[str]) -> Choice | None:
    orgs = found.organisations
    meta = {
        key: [v for v in found.meta.get(key, ()) if not v.startswith(("http", "@"))]
        for key in _AUTHOR_META
    }
    # names a second source gives too: one word is then a name (``Kristin`` in the byline
    # and in <meta name=author>)
    marked = [*(v for values in meta.values() for v in values)]
    marked += [n for a in found.articles[:1] for n in _names(a.get("author"), people_only=True)]
    confirmed = frozenset(
        fold(part) for text in marked for part in _NAME_JOIN.split(clean_name(text))
    )
    for byline in found.bylines[:3]:
        people = byline_people(byline, sites, orgs, confirmed)
        if people:
            return Choice(people, "byline beside the headline")
    for byline in found.by_lines[:3]:
        people = byline_people(byline, sites, orgs, confirmed)
        if people:
            return Choice(people, "a byline beside the headline that its markup does not mark")
    for article in found.articles[:1]:
        people = _people(_names(article.get("author"), people_only=True), sites, orgs, True)
        if people:
            return Choice(people, "JSON-LD author")
    shown = frozenset(fold(p) for b in (*found.bylines[:3], *found.by_lines[:3]) for p in b.pieces)
    for key in _AUTHOR_META:
        people = _people(meta[key], sites, orgs, trusted=False, single=shown)
        if people:
            return Choice(people, f"<meta {key}>")
    # far from the headline the evidence is thinner: one author box (at most two bylines,
    # naming the same people, as "Written by" and a link to the author's page), full names
    if len(found.closing_by_lines) <= 2:
        closing = {byline_people(b, sites, orgs, confirmed) for b in found.closing_by_lines}
        closing.discard(())
        people = closing.pop() if len(closing) == 1 else ()
        if people and all(len(name.split()) >= 2 for name in people):
            return Choice(people, "a byline at the article's end that its markup does not mark")
    return None


def _day(value: str) -> dt.date | None:
    """The day a date value names, as written (``2021-03-09T23:30-05:00`` is the 9th)."""
    value = value.strip()
    match = regex.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return parse_date(value) if len(value) <= 60 else None


def _candidates(found: Signals) -> Iterator[tuple[str, str]]:
    """Publication dates the page gives, in a fixed order of trust: the URL's (set when
    the article is published, never changed), ``article:published_time``, a ``<time>``
    beside the headline, a date printed beside it (in a date-class element or a byline,
    then in an element the markup does not mark: what the reader sees), JSON-LD
    ``datePublished`` (which a site's templates often fill with another day), then the
    other publication meta tags."""
    match = _URL_DATE.search(urlsplit(found.url).path)
    if match and match["d"]:
        yield f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}", "the URL"
    for value in found.meta.get("article:published_time", ())[:1]:
        yield value, "<meta article:published_time>"
    for value in found.times[:2]:
        yield value, "<time> beside the headline"
    for day in found.printed[:1]:
        yield day.isoformat(), "the date printed beside the headline"
    for day in found.shown_dates[:1]:
        yield day.isoformat(), "a date line beside the headline that its markup does not mark"
    for article in found.articles:
        for key in ("datePublished", "dateCreated"):
            if isinstance(article.get(key), str):
                yield article[key], f"JSON-LD {key}"
    for key in _DATE_META[1:]:
        for value in found.meta.get(key, ())[:1]:
            yield value, f"<meta {key}>"


def _date(found: Signals, today: dt.date) -> Choice | None:
    dated = [
        (day, value, source)
        for value, source in _candidates(found)
        if (day := _day(value)) is not None and day <= today + dt.timedelta(days=1)
    ]
    if not dated:
        return None
    day, value, source = dated[0]
    if _is_utc(value):
        for other, other_value, other_source in dated[1:]:
            if abs((other - day).days) == 1 and not _is_utc(other_value):
                return Choice(other, other_source, f"the local day; {source} is in UTC")
    return Choice(day, source)


_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")


def _updated(found: Signals, published: dt.date | None, today: dt.date) -> Choice | None:
    """The day the page says the article was last changed: an "Updated" date beside the
    headline, then JSON-LD ``dateModified``, then the modification meta tags; only a day
    after the publication (the same day says nothing more) and never a future one."""
    candidates = [(value, "the update date beside the headline") for value in found.updates]
    candidates += [
        (article["dateModified"], "JSON-LD dateModified")
        for article in found.articles[:1]
        if isinstance(article.get("dateModified"), str)
    ]
    candidates += [
        (v, f"<meta {key}>") for key in _MODIFIED_META for v in found.meta.get(key, ())[:1]
    ]
    for value, source in candidates:
        day = _day(value)
        if day is not None and day <= today + dt.timedelta(days=1):
            return Choice(day, source) if published is None or day > published else None
    return None


def _is_utc(value: str) -> bool:
    return bool(regex.search(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$", value.strip()))


def _timestamp(day: dt.date, found: Signals) -> str:
    """The publication time with its zone, when the chosen source gives one."""
    for value, _ in _candidates(found):
        match = regex.match(
            r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?$",
            value.strip(),
        )
        if match and match[1] == day.isoformat():
            zone = match[3] or ""
            zone = "+00:00" if zone == "Z" else zone
            if zone and ":" not in zone:
                zone = f"{zone[:3]}:{zone[3:]}"
            return f"{match[1]}T{match[2]}{zone}"
    return ""
