"""Page to text the way scrapers do it: four common converters, pinned in the ``eval`` extra.

Dumps are cached on disk by converter version and page hash (``--cache``); only the
cleaning is timed, so the cache changes no figure, it only spares the conversion.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

CONVERTERS = ("html-text", "inscriptis", "html2text", "get_text")
_DISTRIBUTION = {
    "html-text": "html-text",
    "inscriptis": "inscriptis",
    "html2text": "html2text",
    "get_text": "beautifulsoup4",
}


def _html_text(html: str) -> str:
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def _inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


def _html2text(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 78  # the default: Markdown hard-wrapped, as it is usually run
    return converter.handle(html)


def _get_text(html: str) -> str:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # scrapers do not ask
        return BeautifulSoup(html, "lxml").get_text("\n")


FUNCTIONS: dict[str, Callable[[str], str]] = {
    "html-text": _html_text,
    "inscriptis": _inscriptis,
    "html2text": _html2text,
    "get_text": _get_text,
}


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleanarticle-bench" / "dumps"


def dump(converter: str, html: str, raw: bytes, cache: Path | None) -> str:
    """The text ``converter`` makes of a page ("" when it fails on it)."""
    path = None
    if cache is not None:
        tag = f"{converter}-{version(_DISTRIBUTION[converter])}"
        path = cache / tag / f"{hashlib.sha1(raw).hexdigest()}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8", errors="surrogatepass")
    try:
        text = FUNCTIONS[converter](html)
    except (RecursionError, ValueError, AssertionError, IndexError):
        text = ""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8", errors="surrogatepass")
        tmp.replace(path)
    return text
