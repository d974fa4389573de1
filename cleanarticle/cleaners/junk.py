"""Removal of site chrome (boilerplate) lines."""

from __future__ import annotations

from cleanarticle import boilerplate
from cleanarticle.cleaners._util import TEXT_KINDS, drop_empty
from cleanarticle.model import Document, Line
from cleanarticle.pipeline import Context, Option, cleaner

#: The guard: if the patterns would remove more than this share of the article's words (and
#: more than GUARD_MIN_WORDS words), they are wrong for this article and remove nothing.
GUARD_SHARE = 0.25
GUARD_MIN_WORDS = 50
#: A line that is only a service's name is a button when another chrome line (another
#: button: ``Twitter``, ``(@mozilla)``, ``Facebook``) stands within this many lines.
COMPANY_REACH = 2


@cleaner(
    "CA401",
    "boilerplate",
    "Remove whole lines of site chrome: banners, promos, widgets.",
    options=(
        Option("guard-share", GUARD_SHARE, "back off when matches hold more of the words"),
        Option("guard-words", GUARD_MIN_WORDS, "... and more words than this"),
    ),
)
def remove_boilerplate(doc: Document, ctx: Context) -> None:
    """Remove lines that belong to the website, not the article.

    Families (see ``cleanarticle.boilerplate.PATTERNS``): unsupported-browser notices, app
    promos, newsletter and subscribe prompts, cookie notices, advertisement labels, skip
    links, share/print/comment widgets, read-more links, copyright footers, audio widgets,
    follow-us lines. A line is removed only when the whole line matches, never part of a
    paragraph; a line that is only a service's name (``Pinterest``) only with another
    chrome line within two lines (a row of buttons), since alone it may be a section
    heading.
    ``Config.extra_boilerplate`` adds patterns.

    Guard: when the lines that match would hold more than 25 % of the article's words (and
    more than 50 words; options ``guard-share`` and ``guard-words``), nothing is removed
    and the report says so: patterns that match that much of a page are matching the
    article, not the site around it.

    Example::

        IE 11 is not supported. For an optimal experience visit our site on another browser.
        ->  (removed: unsupported-browser)
    """
    extra = tuple(ctx.config.extra_boilerplate)
    lines = [
        line
        for block in doc.blocks
        if block.kind in TEXT_KINDS
        for line in block.lines
        if line.text.strip()
    ]
    families = [boilerplate.line_family(line.text, extra) for line in lines]
    found: list[tuple[Line, str]] = []
    for index, (line, family) in enumerate(zip(lines, families, strict=True)):
        if family is None:
            continue
        if family == "share-widget" and boilerplate.alone_needs_company(line.text):
            near = range(max(0, index - COMPANY_REACH), min(len(lines), index + COMPANY_REACH + 1))
            if not any(families[k] for k in near if k != index):
                continue  # "Pinterest" between paragraphs: a heading, not a button
        found.append((line, family))
    if not found:
        return
    removed_words = sum(len(line.text.split()) for line, _ in found)
    share, least = float(ctx.option("guard-share")), int(ctx.option("guard-words"))
    total_words = 0
    if removed_words > least:  # only then can the guard stop the removal: count the words
        total_words = sum(
            len(line.text.split())
            for block in doc.blocks
            if block.kind in TEXT_KINDS
            for line in block.lines
        )
    if removed_words > max(least, share * total_words):
        ctx.record(
            "note",
            f"guard: boilerplate rules would remove {removed_words} of {total_words} words "
            f"({removed_words / total_words:.0%}); nothing removed, check the patterns",
        )
        return
    gone = {id(line) for line, _ in found}
    for line, family in found:
        ctx.record("remove", f"boilerplate ({family})", before=line.text, line=line.number)
    for block in doc.blocks:
        if block.kind in TEXT_KINDS:
            block.lines = [line for line in block.lines if id(line) not in gone]
    drop_empty(doc)
