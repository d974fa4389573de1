"""Photo captions and credits."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from cleanarticle.detect.byline import CONNECTORS
from cleanarticle.detect.text import CLOSERS, SENTENCE_END, short_cache, words
from cleanarticle.markdown import parse_inline, plain_text

_ENDS_PUNCTUATION = regex.compile(r"[.!?:;,]$")
_CREDIT_TOKEN_START = regex.compile(r"^[\p{Lu}\p{N}(©]")
_ENDS_SENTENCE = regex.compile(rf"{SENTENCE_END}{CLOSERS}$")

_CAPTION_LABEL = regex.compile(
    r"^(?P<label>image|photo|picture|pictured|caption|photograph|photo caption|illustration"
    r"|foto|bild|imagen|légende|immagine|video)\s*(?:\d+\s*)?:\s*(?P<rest>.+)$",
    regex.IGNORECASE,
)
_CREDIT_LABEL = regex.compile(
    r"^(?:photo\s*credit|image\s*credit|credit|credits|photograph by|photo by|bildquelle"
    r"|crédit(?: photo)?)\s*:?\s+(?P<rest>.+)$",
    regex.IGNORECASE,
)
_CREDIT_LOWER_OK = frozenset(
    [
        "file",
        "via",
        "for",
        "and",
        "of",
        "de",
        "y",
        "/",
        "-",
        "|",
        "handout",
        "pool",
        "photo",
        "photos",
        "images",
    ]
)
_TRAILING_CREDIT = regex.compile(
    rf"^(?P<caption>.*\p{{Ll}}{{2}}{SENTENCE_END}{CLOSERS})(?:(?P<sep> {{2,}})|(?P<glued>))"
    r"(?P<credit>[\p{Lu}][^.!?]{0,79})$"
)
#: Words that label a photo credit, in several languages (``Photo:``, ``Foto:``, ``Crédit :``).
CREDIT_LABELS = (
    r"(?:photo(?:graph)?|image|picture|credit|illustration|foto|bild|bildquelle|quelle"
    r"|crédit|crédito|fuente|fonte)s?(?:\s+credit)?"
)
_INLINE_CREDIT = regex.compile(
    rf"^(?P<caption>.*{SENTENCE_END}{CLOSERS})\s+\(?{CREDIT_LABELS}\s*:\s*"
    r"(?P<credit>[^()]{1,80}?)\)?$",
    regex.IGNORECASE,
)
_CREDIT_LABEL_PREFIX = regex.compile(rf"^{CREDIT_LABELS}\s*:\s*", regex.IGNORECASE)


def strip_credit_label(credit: str) -> str:
    """A credit without its label.

    >>> strip_credit_label("Foto: Oliver Berg / dpa"), strip_credit_label("Jane Doe")
    ('Oliver Berg / dpa', 'Jane Doe')
    """
    return _CREDIT_LABEL_PREFIX.sub("", credit)


def _is_labelled_credit(text: str) -> bool:
    """What follows a credit label: a few words, not a sentence (``Oliver Berg / dpa``)."""
    return 1 <= len(words(text)) <= 10 and not _ENDS_PUNCTUATION.search(text)


@dataclass(frozen=True)
class Caption:
    caption: str
    credit: str
    labelled: bool


def is_credit(text: str) -> bool:
    """A photo credit: a few mostly capitalised words, no sentence punctuation.

    >>> is_credit("Jane Doe / AFP - Getty Images file"), is_credit("then he left")
    (True, False)
    """
    tokens = words(text)
    if not 1 <= len(tokens) <= 10 or len(text) > 80 or _ENDS_PUNCTUATION.search(text):
        return False
    capitals = 0
    for token in tokens:
        if _CREDIT_TOKEN_START.match(token):
            capitals += 1
        elif token.lower() not in _CREDIT_LOWER_OK and token.lower() not in CONNECTORS:
            return False
    return capitals >= 1


def parse_caption(text: str, *, labelled_only: bool = False) -> Caption | None:
    """A photo caption line: labelled (``Image: ...``), or a sentence with a credit at its end.
    (``labelled_only``: labelled captions and credits only; most lines are ruled out by
    ``could_be_labelled`` before the memo is asked.)

    >>> parse_caption("Image: Crowds gather in the square.")
    Caption(caption='Crowds gather in the square.', credit='', labelled=True)
    >>> parse_caption("Crowds gather in the square.Jane Doe / Reuters")
    Caption(caption='Crowds gather in the square.', credit='Jane Doe / Reuters', labelled=False)
    >>> parse_caption("A storm is coming.  Photo: Jane Doe")
    Caption(caption='A storm is coming.', credit='Jane Doe', labelled=False)
    >>> parse_caption("Das Ufer stand unter Wasser. Foto: Oliver Berg / dpa").credit
    'Oliver Berg / dpa'
    """
    if labelled_only and not could_be_labelled(text.strip()):
        return None
    return _parse_caption(text, labelled_only=labelled_only)


@short_cache
def _parse_caption(text: str, *, labelled_only: bool = False) -> Caption | None:
    line = text.strip()
    if len(line) > 600:
        return None
    plain = plain_text(line).strip()
    label = _CAPTION_LABEL.match(plain)
    if label:
        rest = label.group("rest").strip()
        inner = parse_caption(rest)
        if inner is not None:
            return Caption(inner.caption, inner.credit, True)
        if is_credit(rest) and "/" in rest:
            return Caption("", rest, True)
        return Caption(rest, "", True)
    credit_label = _CREDIT_LABEL.match(plain)
    if credit_label and is_credit(credit_label.group("rest").strip()):
        return Caption("", credit_label.group("rest").strip(), True)
    if labelled_only:
        return None
    bold = _bold_credit(line)
    if bold is not None:
        return bold
    candidates = (
        (_INLINE_CREDIT, _is_labelled_credit, ":" in plain),  # the label's colon
        # the credit is at the end and has no sentence end: most paragraphs are out at once
        (_TRAILING_CREDIT, is_credit, not plain.endswith((".", "!", "?"))),
    )
    for pattern, trusted, possible in candidates:
        match = pattern.match(plain) if possible else None
        if match and trusted(match.group("credit").strip()):
            caption = match.group("caption").strip()
            if len(words(caption)) >= 3:
                return Caption(caption, match.group("credit").strip(), False)
    return None


#: How the labels that can go without a colon begin (``Photo by ...``, ``Credit Jane Doe``).
COLONLESS_LABELS = ("photo", "image", "credit", "bildquelle", "crédit")


def could_be_labelled(line: str) -> bool:
    """Whether ``line`` could be a labelled caption or credit: every label has a colon,
    except ``Photo by ...`` and the like (a cheap test before ``parse_caption``).

    >>> could_be_labelled("Image: Crowds"), could_be_labelled("Photo by Jane Doe")
    (True, True)
    >>> could_be_labelled("It rained all day")
    False
    """
    start = line.lstrip("*_[ ")[:_LONGEST_LABEL]  # (no need to lower-case a whole line)
    return ":" in line or start.lower().startswith(COLONLESS_LABELS)


_LONGEST_LABEL = max(map(len, COLONLESS_LABELS))


def _bold_credit(line: str) -> Caption | None:
    """``Caption sentence. **Credit**``: a bold credit after the last sentence."""
    if not line.endswith(("**", "__")):
        return None
    tokens = [t for t in parse_inline(line) if not (t.type == "text" and not t.content)]
    if len(tokens) < 4 or tokens[-1].type != "strong_close" or tokens[-3].type != "strong_open":
        return None
    credit = tokens[-2].content.strip()
    caption = plain_text(line[: line.rfind(tokens[-3].markup, 0, len(line) - 2)]).strip()
    if not is_credit(credit) or not _ENDS_SENTENCE.search(caption):
        return None
    return Caption(caption, credit, False)
