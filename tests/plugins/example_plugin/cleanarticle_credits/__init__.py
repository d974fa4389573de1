"""An example cleanarticle plugin: wire-service end credits leave the body for the metadata.

Agencies end stories with a credit line such as::

    (Reporting by Jane Roe in Lagos; Editing by John Smith)

It is not part of the story, but it is a fact about it: this cleaner moves it to a
``credits`` front matter key, so nothing is lost.
"""

from __future__ import annotations

import regex

from cleanarticle import Context, cleaner
from cleanarticle.model import Document, Kind
from cleanarticle.pipeline import Option

#: A whole paragraph of "<Role> by <names>" parts separated by semicolons, maybe in brackets.
_PART = r"(?:Reporting|Writing|Additional reporting|Editing|Compiled)(?: by)? [^;()\n]{2,80}"
CREDIT_LINE = regex.compile(rf"^\(?\s*{_PART}(?:;\s*{_PART})*\s*\)?\.?$", regex.IGNORECASE)


@cleaner(
    "CRD101",
    "end-credits",
    "Move a closing 'Reporting by ...; Editing by ...' line to the 'credits' key.",
    after="image-captions",
    options=(Option("keep-in-body", False, "record the credit but leave the line in the body"),),
)
def end_credits(doc: Document, ctx: Context) -> None:
    """The last paragraph, when it is a wire credit line, moves to the ``credits`` key.

    Example::

        (Reporting by Jane Roe; Editing by John Smith)   ->   credits: Reporting by ...
    """
    paragraphs = [b for b in doc.blocks if b.kind is Kind.PARAGRAPH]
    if not paragraphs:
        return
    last = paragraphs[-1]
    if not CREDIT_LINE.match(last.text):
        return
    credit = last.text.strip().strip("().").strip()
    extra = dict(doc.metadata.extra)
    if "credits" in extra:
        return
    doc.set_meta(extra=tuple(sorted({**extra, "credits": credit}.items())))
    if ctx.option("keep-in-body"):
        ctx.record("note", "wire credit copied to 'credits'", before=last.text, line=last.number)
        return
    ctx.record("move", "wire credit moved to 'credits'", before=last.text, line=last.number)
    doc.blocks.remove(last)
