"""Character tables shared by the cleaners: spaces that are not plain, characters not seen."""

from __future__ import annotations

import re

#: Typographic and non-breaking spaces (and tabs) become a plain space.
ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t"
)
#: Soft hyphens, zero-width spaces and word joiners, byte order marks: removed. (Zero-width
#: joiners and non-joiners stay: Persian, Indic scripts and emoji need them.)
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
#: C0 control characters (not tab or newline): never text. C1 controls are left to ftfy,
#: which needs them to repair mojibake such as ``â€\x9d``.
C0_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

SPACING = {
    **dict.fromkeys(map(ord, ODD_SPACES), " "),
    **dict.fromkeys(map(ord, INVISIBLE + C0_CONTROLS), None),
}


_SPACE_RUNS = re.compile(r"[ \t]{2,}")


def collapse_spaces(text: str) -> str:
    """Each run of spaces and tabs made one space, as CA103 leaves a line.

    >>> collapse_spaces("two  spaces,\\t\\ttwo tabs")
    'two spaces, two tabs'
    """
    if "  " in text or "\t" in text:  # what the pattern needs: rare, so checked first
        return _SPACE_RUNS.sub(" ", text)
    return text


#: Any character ``SPACING`` changes.
SPACING_CHARACTERS = re.compile("[" + re.escape(ODD_SPACES + INVISIBLE + C0_CONTROLS) + "]")


def normalize_spacing(text: str) -> str:
    """Odd spaces to plain spaces, invisible characters removed.

    >>> normalize_spacing("a\\u00a0b\\u200bc")
    'a bc'
    """
    # The usual line has none: a search in C, ten times faster than translating a line with
    # other than ASCII in it (which looks each character up in a dict).
    if SPACING_CHARACTERS.search(text) is None:
        return text
    return text.translate(SPACING)


class AsciiCharacters:
    """A set of ASCII characters to look for in a line, fast.

    In an ASCII line (which ``str.isascii`` knows without reading it) the line's bytes are
    searched with ``bytes.translate``, a table look-up per byte in C, three times faster
    than a pattern; other lines go through ``pattern`` (by default, the characters as a
    class; give one when non-ASCII characters count too, such as ``\\d``).

    >>> digits = AsciiCharacters("0123456789", r"\\d")
    >>> digits.found_in("March 9, 2021"), digits.found_in("No date"), digits.found_in("٣ مارس")
    (True, False, True)
    """

    def __init__(self, characters: str, pattern: str | None = None) -> None:
        self._bytes = characters.encode("ascii")
        self._pattern = re.compile(pattern or f"[{re.escape(characters)}]")

    def found_in(self, text: str) -> bool:
        if text.isascii():
            data = text.encode("ascii")
            return len(data.translate(None, self._bytes)) != len(data)
        return self._pattern.search(text) is not None


#: ASCII control characters (tab and newline included): what makes ASCII text unprintable.
ASCII_CONTROLS = AsciiCharacters("".join(map(chr, [*range(0x20), 0x7F])))


def is_printable_ascii(text: str) -> bool:
    """Whether every character of ``text`` is printable ASCII (a space to a tilde).

    >>> is_printable_ascii("Text ~"), is_printable_ascii("Tab\\there"), is_printable_ascii("é")
    (True, False, False)
    """
    return text.isascii() and not ASCII_CONTROLS.found_in(text)
