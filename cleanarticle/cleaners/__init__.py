"""The built-in cleaners, in the order they run. This list is the registry: the CLI's
``rules`` command and ``docs/cleaners.md`` are generated from it."""

from __future__ import annotations

from cleanarticle.cleaners.chrome import page_chrome
from cleanarticle.cleaners.header import byline, date, headline, standfirst, title
from cleanarticle.cleaners.images import image_captions
from cleanarticle.cleaners.junk import remove_boilerplate
from cleanarticle.cleaners.links import pair_links, related_teasers, url_lines
from cleanarticle.cleaners.remnants import html_remnants
from cleanarticle.cleaners.structure import markdown, section_headings
from cleanarticle.cleaners.typos import doubled_possessive, misspellings, twin_typos
from cleanarticle.cleaners.unicode import (
    collapse_whitespace,
    fix_unicode,
    invisible_characters,
    straight_quotes,
)
from cleanarticle.cleaners.unwrap import unwrap_lines
from cleanarticle.pipeline import Cleaner

BUILTIN: tuple[Cleaner, ...] = (
    invisible_characters,
    html_remnants,
    unwrap_lines,
    headline,  # the head, wherever it stands, before the chrome cleaners take it for chrome
    fix_unicode,  # characters first: the line-removing cleaners judge them as written
    straight_quotes,
    page_chrome,  # the article span first; then the curated patterns anywhere
    remove_boilerplate,
    url_lines,
    related_teasers,
    standfirst,
    title,
    byline,
    date,
    image_captions,
    pair_links,
    markdown,
    section_headings,
    twin_typos,
    doubled_possessive,
    misspellings,
    collapse_whitespace,
)

__all__ = ["BUILTIN"]
