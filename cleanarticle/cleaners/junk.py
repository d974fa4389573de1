"""Removal of site chrome (boilerplate) lines."""

from __future__ import annotations

from cleanarticle import boilerplate
from cleanarticle.cleaners._util import TEXT_KINDS, drop_empty
from cleanarticle.markdown import plain_text
from cleanarticle.model import Document
from cleanarticle.pipeline import Context, cleaner


@cleaner("CA401", "boilerplate", "Remove whole lines of site chrome: banners, promos, widgets.")
def remove_boilerplate(doc: Document, ctx: Context) -> None:
    """Remove lines that belong to the website, not the article.

    Families (see ``cleanarticle.boilerplate.PATTERNS``): unsupported-browser notices, app
    promos, newsletter and subscribe prompts, cookie notices, advertisement labels, skip
    links, share/print/comment widgets, read-more links, copyright footers, audio widgets,
    follow-us lines. A line is removed only when the whole line matches, never part of a
    paragraph. ``Config.extra_boilerplate`` adds patterns.

    Example::

        IE 11 is not supported. For an optimal experience visit our site on another browser.
        ->  (removed: unsupported-browser)
    """
    extra = tuple(ctx.config.extra_boilerplate)
    for block in doc.blocks:
        if block.kind not in TEXT_KINDS:
            continue
        kept = []
        for line in block.lines:
            family = boilerplate.match(plain_text(line.text), extra)
            if family is None:
                kept.append(line)
            else:
                ctx.record("remove", f"boilerplate ({family})", before=line.text, line=line.number)
        block.lines = kept
    drop_empty(doc)
