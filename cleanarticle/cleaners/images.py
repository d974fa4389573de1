"""Photo captions and credits move to ``images``."""

from __future__ import annotations

from cleanarticle import detect, head
from cleanarticle.cleaners._util import PARAGRAPHS, holds_any, line_texts, remove_blocks
from cleanarticle.model import Block, Document, Image
from cleanarticle.pipeline import Context, cleaner


@cleaner("CA306", "image-captions", "Move photo captions and credits to images.", group="head")
def image_captions(doc: Document, ctx: Context) -> None:
    """Captions leave the body for ``images`` with the caption and the credit split apart.

    - Anywhere: a line labelled ``Image:``, ``Photo:``, ``Caption:``, ``Foto:``, ``Credit:``.
    - In the head (and next to a labelled caption): a sentence followed by a credit, glued
      (``...station.Jane Doe / AFP``), after two spaces (``...reverse.  Agency``), in bold
      (``... **Agency**``) or labelled (``... Photo: Jane Doe``).

    Example::

        Crowds gather in the square.Jane Doe / Reuters
        ->  images: [{caption: Crowds gather in the square., credit: Jane Doe / Reuters}]
    """
    head_blocks = {id(b) for b in head.head(doc)}
    labels_possible = _could_hold_labels(doc)
    found: list[Image] = []
    taken: list[tuple[Block, str, str]] = []
    previous_was_caption = False
    for block in doc.blocks:
        labelled_only = not (id(block) in head_blocks or previous_was_caption)
        if labelled_only and not labels_possible:
            break  # past the head and its captions, and no line further down is labelled
        if not block.is_paragraph or len(block.lines) != 1:
            previous_was_caption = False
            continue
        caption = detect.parse_caption(block.text, labelled_only=labelled_only)
        if caption is None:
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


def _could_hold_labels(doc: Document) -> bool:
    """Whether some paragraph line could be a labelled caption or credit (``could_be_labelled``
    of a line): a colon anywhere says yes in one search in C (most articles have one);
    otherwise only the first characters of each line are read."""
    return holds_any(doc, ":", PARAGRAPHS) or any(
        detect.could_be_labelled(text.strip()) for text in line_texts(doc, PARAGRAPHS)
    )
