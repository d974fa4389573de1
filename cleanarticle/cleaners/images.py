"""Photo captions and credits move to ``images``."""

from __future__ import annotations

import regex

from cleanarticle import detect, head
from cleanarticle.cleaners._util import PARAGRAPHS, holds_any, line_texts, remove_blocks
from cleanarticle.model import Block, Document, Image, Kind
from cleanarticle.pipeline import Context, cleaner


@cleaner("CA306", "image-captions", "Move photo captions and credits to images.", group="head")
def image_captions(doc: Document, ctx: Context) -> None:
    """Captions leave the body for ``images`` with the caption and the credit split apart.

    - Anywhere: a line labelled ``Image:``, ``Photo:``, ``Caption:``, ``Foto:``, ``Credit:``.
    - In the head (and next to a labelled caption): a sentence followed by a credit, glued
      (``...station.Jane Doe / AFP``), after two spaces (``...reverse.  Agency``), in bold
      (``... **Agency**``) or labelled (``... Photo: Jane Doe``).
    - Never a row of a list of facts: a line beside another ``Key: value`` line whose key
      labels no caption (``Sensor: 24MP`` above ``Video: 4K/30p``).

    Example::

        Crowds gather in the square.Jane Doe / Reuters
        ->  images: [{caption: Crowds gather in the square., credit: Jane Doe / Reuters}]
    """
    head_blocks = {id(b) for b in head.head(doc)}
    labels_possible = _could_hold_labels(doc)
    found: list[Image] = []
    taken: list[tuple[Block, str, str]] = []
    previous_was_caption = False
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        labelled_only = not (id(block) in head_blocks or previous_was_caption)
        if labelled_only and not labels_possible:
            break  # past the head and its captions, and no line further down is labelled
        if not block.is_paragraph or len(block.lines) != 1:
            previous_was_caption = False
            continue
        caption = detect.parse_caption(block.text, labelled_only=labelled_only)
        if caption is None or _among_facts(blocks, index):
            previous_was_caption = False
            continue
        found.append(Image(detect.squash(caption.caption), detect.squash(caption.credit)))
        what = (
            "caption and credit"
            if caption.caption and caption.credit
            else ("credit" if caption.credit else "caption")
        )
        taken.append((block, "move", f"photo {what} -> images"))
        previous_was_caption = True
    remove_blocks(doc, ctx, taken)
    if found:
        doc.set_meta(images=(*doc.metadata.images, *found))


#: A row of a list of facts: a short key, a colon, a value (``Price Range: $679``).
_KEY_VALUE = regex.compile(r"^\**\p{Lu}[\p{L}’' ]{0,30}\**:\**\s+\S")


_ROWS = (Kind.PARAGRAPH, Kind.HEADING)  # a short row may have been read as a heading


def _fact_row(block: Block) -> bool:
    """Whether ``block`` is one ``Key: value`` line whose key labels no caption or credit
    (nor a date or a byline, which a caption may stand beside)."""
    if block.kind not in _ROWS or len(block.lines) != 1 or len(block.text.split()) > 16:
        return False
    text = block.text.strip()
    if not _KEY_VALUE.match(text) or detect.parse_caption(text, labelled_only=True) is not None:
        return False
    return detect.parse_date_line(text) is None and detect.parse_byline(text) is None


def _among_facts(blocks: list[Block], index: int) -> bool:
    """Whether the block at ``index`` stands beside a row of a list of facts."""
    return any(
        0 <= other < len(blocks) and _fact_row(blocks[other]) for other in (index - 1, index + 1)
    )


def _could_hold_labels(doc: Document) -> bool:
    """Whether some paragraph line could be a labelled caption or credit (``could_be_labelled``
    of a line): a colon anywhere says yes in one search in C (most articles have one);
    otherwise only the first characters of each line are read."""
    return holds_any(doc, ":", PARAGRAPHS) or any(
        detect.could_be_labelled(text.strip()) for text in line_texts(doc, PARAGRAPHS)
    )
