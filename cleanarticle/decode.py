"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding."""

from __future__ import annotations

import codecs
import contextlib

from cleanarticle.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: File signatures of formats that are sometimes passed (or served) as articles.
_SIGNATURES = (
    (b"%PDF-", "a PDF document; extract its text first (e.g. with pdftotext)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not text; pass a text, Markdown or HTML file"),
    (b"\xff\xd8\xff", "a JPEG image, not text; pass a text, Markdown or HTML file"),
    (b"GIF87a", "a GIF image, not text; pass a text, Markdown or HTML file"),
    (b"GIF89a", "a GIF image, not text; pass a text, Markdown or HTML file"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file); extract its text first"),
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
)


def sniff(data: bytes) -> str | None:
    """What a known binary format is, from its first bytes (``None`` for anything else).

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"<html>")
    ('a PDF document; extract its text first (e.g. with pdftotext)', None)
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image, not text; pass a text, Markdown or HTML file"
    return None


#: What a note says when the encoding was detected: a guess, which may be wrong.
GUESSED = "detected; the input was not UTF-8"


def guessed_encoding(note: str | None) -> str | None:
    """The encoding a decoding note (see :func:`decode`) says was guessed, or None.

    >>> guessed_encoding(decode("déjà vu, naïve café".encode("cp1252"))[1]), guessed_encoding(None)
    ('cp1252', None)
    """
    if note is None or GUESSED not in note:
        return None
    return note.removeprefix("decoded as ").split(" ", 1)[0]


def decode_as(data: bytes, encoding: str) -> tuple[str, str | None]:
    """Decode ``data`` in the ``encoding`` the caller names (no guessing); a byte order mark
    is dropped. An unknown encoding or bytes that are not valid in it are an InputError.

    >>> decode_as("café".encode("cp1252"), "cp1252")
    ('café', 'decoded as cp1252 (as given)')
    """
    binary = sniff(data)
    if binary is not None:
        raise InputError(binary)
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; name one such as cp1252") from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding} ({exc.reason} at byte {exc.start}); check --encoding"
        ) from None
    text = text.removeprefix("\ufeff")
    return _check_text(text), None if name == "utf-8" else f"decoded as {encoding} (as given)"


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a note when the encoding was not plain UTF-8.

    >>> decode("café".encode())
    ('café', None)
    >>> decode(codecs.BOM_UTF8 + b"hi")
    ('hi', 'removed a UTF-8 byte order mark')
    >>> decode("naïve café, déjà vu".encode("cp1252"))[1]
    'decoded as cp1252 (detected; the input was not UTF-8)'
    """
    binary = sniff(data)
    if binary is not None:
        raise InputError(binary)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte order mark: {exc}") from exc
            name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
            note = f"removed a {name} byte order mark" if name == "UTF-8" else f"decoded as {name}"
            return _check_text(text), note
    try:
        return _check_text(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError("binary data, not text (it contains NUL bytes); pass a text file")
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("cannot detect the text encoding; convert the file to UTF-8")
    name, text = best.encoding, str(best)
    candidates = {m.encoding for m in matches}
    if "cp1252" in candidates or name.startswith("mac_"):
        # Windows-1252 is the web's default for undeclared Western text (WHATWG); short
        # texts leave the detector torn between it and its look-alikes.
        with contextlib.suppress(UnicodeDecodeError):
            name, text = "cp1252", data.decode("cp1252")
    return _check_text(text), f"decoded as {name} ({GUESSED})"


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes: keep the UTF-8, mark each broken byte with U+FFFD.

    >>> _mostly_utf8("café naïve ".encode() + b"\\xff")
    ('café naïve \ufffd', 'replaced 1 byte(s) that are not UTF-8 with U+FFFD')
    """
    text = data.decode("utf-8", errors="surrogateescape")
    broken = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in text if ord(c) > 0x7F) - broken
    if not broken or valid < 2 * broken:
        return None  # no UTF-8 evidence: a single-byte encoding is more likely
    fixed = data.decode("utf-8", errors="replace")
    return _check_text(fixed), f"replaced {broken} byte(s) that are not UTF-8 with U+FFFD"


def _check_text(text: str) -> str:
    if "\x00" in text:
        raise InputError("binary data, not text (it contains NUL characters); pass a text file")
    return text
