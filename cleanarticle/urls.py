"""URL helpers: bare URL lines, author pages, slugs and headline matching."""

from __future__ import annotations

import datetime as dt
import unicodedata
from urllib.parse import unquote, urlsplit

import regex

from cleanarticle.markdown import parse_inline

_BARE = regex.compile(r"^<?(?P<url>(?:https?|ftp)://[^\s<>]+?)>?[.,;]?$", regex.IGNORECASE)
_LABEL = regex.compile(
    r"^(?:\*\*|__)?(?:original|source|canonical|article|story|permanent|perma)?\s*"
    r"(?:url|link|permalink|address)\s*:?(?:\*\*|__)?\s*:?\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
_AUTHOR_PATH = regex.compile(
    r"/(?:authors?|profiles?|people|staff|by|writers?|contributors?|journalists?|reporters?"
    r"|autor(?:en)?|auteurs?)/(?P<slug>[^/?#]+)/?(?:[?#].*)?$",
    regex.IGNORECASE,
)
_DATE_PATH = regex.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/")
_SLUG_ID = regex.compile(r"(?:[-_](?:[a-z]?\d+[a-z]?\d*|[0-9a-f]{6,}))+$")
_PAGE_EXTENSION = regex.compile(r"\.(?:s?html?|php|aspx?|amp)$", regex.IGNORECASE)
_ABBREVIATION_DOT = regex.compile(r"(?<=\p{L})\.(?=\p{L}|\s|$)")  # "U.S." in a headline
_SLUG_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SLUG_SEPARATOR = regex.compile(r"[-_]+")


def bare_url(text: str) -> str | None:
    """The URL when the whole line is one (bare, ``<autolink>`` or ``[url](url)``).

    >>> bare_url("<https://example.com/a>"), bare_url("See https://example.com")
    ('https://example.com/a', None)
    """
    line = text.strip()
    match = _BARE.match(line)
    if match:
        return match.group("url")
    if line.startswith("[") and line.endswith(")"):
        tokens = parse_inline(line)
        if len(tokens) == 3 and tokens[0].type == "link_open":
            href = str(tokens[0].attrs.get("href", ""))
            if tokens[1].content.strip() in (href, href.split("://", 1)[-1]):
                return href
    return None


def url_label(text: str) -> tuple[bool, str | None]:
    """Whether the line is a ``URL:``-style label, and the URL it carries if any.

    >>> url_label("Original url:"), url_label("Source URL: <https://e.com/x>")
    ((True, None), (True, 'https://e.com/x'))
    >>> url_label("Link to the report is below")
    (False, None)
    """
    match = _LABEL.match(text.strip())
    if match is None:
        return False, None
    rest = match.group("rest").strip()
    if not rest:
        return (":" in text), None
    url = bare_url(rest)
    return (url is not None), url


def url_path(url: str) -> str:
    """The path of a URL; "" for one ``urlsplit`` refuses (``http://[not-ipv6/x``).

    >>> url_path("https://e.com/a/b?c"), url_path("http://[oops/story")
    ('/a/b', '')
    """
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def author_slug(url: str) -> str | None:
    """The slug of an author-page URL (``/author/jane-doe``), else ``None``; a page
    extension is not part of it.

    >>> author_slug("https://e.com/author/jane-doe.html"), author_slug("https://e.com/news/x")
    ('jane-doe', None)
    """
    match = _AUTHOR_PATH.search(url_path(url))
    return _PAGE_EXTENSION.sub("", unquote(match.group("slug"))) if match else None


def slug(url: str) -> str:
    """The last meaningful path segment, without extension and trailing ids.

    >>> slug("https://e.com/2021/03/09/big-pact-signed-a73187")
    'big-pact-signed'
    """
    path = url_path(url).rstrip("/")
    last = unquote(path.rsplit("/", 1)[-1]) if path else ""
    last = _PAGE_EXTENSION.sub("", last)
    return _SLUG_ID.sub("", last.lower())


def slugify(text: str) -> str:
    """A headline as a URL slug.

    >>> slugify("Russia Shuns U.S. Space Program, as Ties Fray")
    'russia-shuns-us-space-program-as-ties-fray'
    >>> slugify("Don‘t Panic: ＵＫ Vote")
    'dont-panic-uk-vote'
    """
    text = unicodedata.normalize("NFKC", text).lower()  # full-width forms, ligatures
    for apostrophe in "'’‘‛ʼ":  # "don't" is "dont" in a slug
        text = text.replace(apostrophe, "")
    text = _ABBREVIATION_DOT.sub("", text)
    return "-".join(_SLUG_WORD.findall(text))


def slug_matches(url: str, headline: str) -> bool:
    """Whether the URL's slug spells the headline (allowing a few dropped small words)."""
    url_words = [w for w in _SLUG_SEPARATOR.split(slug(url)) if w]
    head_words = slugify(headline).split("-")
    if len(url_words) < 3 or not head_words:
        return False
    if url_words == head_words:
        return True
    common = len(set(url_words) & set(head_words))
    return common / max(len(set(url_words)), len(set(head_words))) >= 0.8


def date_in_url(url: str) -> dt.date | None:
    """A ``/YYYY/MM/DD/`` date in the URL's path."""
    match = _DATE_PATH.search(url_path(url))
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
