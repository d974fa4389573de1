"""Unicode repair, quote style and whitespace."""

from __future__ import annotations

import re
import unicodedata

import ftfy
import ftfy.badness
import ftfy.chardata
import regex

from cleanarticle.chars import (
    SPACING_CHARACTERS,
    collapse_spaces,
    is_printable_ascii,
    normalize_spacing,
)
from cleanarticle.cleaners._util import NOT_CODE, rewrite_lines, rewrite_metadata
from cleanarticle.memo import BoundedSet
from cleanarticle.model import Document
from cleanarticle.pipeline import Context, cleaner

#: ftfy repairs, it does not restyle: full-width letters, digits and punctuation (written
#: so in Chinese and Japanese text) and Latin ligatures (``ﬁ``, Dutch ``ĳ``) stay as they
#: are, as curly quotes do (CA102 owns those); ``_width_forms`` makes half-width katakana
#: full width, and full-width ASCII plain outside Chinese, Japanese and Korean text.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=True,
)
#: Half-width katakana and their sound marks (U+FF65-U+FF9F).
_HALF_WIDTH_KANA = re.compile("[\uff65-\uff9f]+")
#: Full-width ASCII (U+FF01-U+FF5E), and the scripts whose text is written with it.
_FULL_WIDTH_ASCII = re.compile("[\uff01-\uff5e]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _width_forms(text: str) -> str:
    """Half-width katakana to the usual full-width forms (voiced marks joined), and
    full-width letters, digits and punctuation to ASCII in a line with no Chinese,
    Japanese or Korean, where they are no typography but an input method's slip.

    >>> _width_forms("ｶﾞｲﾄﾞ sold out"), _width_forms("Ｆｕｌｌ width"), _width_forms("１月の童話")
    ('ガイド sold out', 'Full width', '１月の童話')
    """
    text = _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    if _FULL_WIDTH_ASCII.search(text) and not _CJK.search(text):
        text = _FULL_WIDTH_ASCII.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    return text


# Plain character classes in per-line checks use the standard library's ``re``: its calls
# cost a third of ``regex``'s, and these patterns need no Unicode properties.
_NEEDS_WORK = re.compile(r"[^\x20-\x7e]")


def _char_class(codes: set[int]) -> str:
    """A ``[...]`` class of these code points, written as ranges."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges) + "]"


#: Characters ftfy (as configured) changes outside mojibake, from ftfy's own table of
#: control characters, plus half-width katakana, C1 controls, surrogates, line and
#: paragraph separators, the replacement character and the invisible characters.
_FTFY_CHARS = re.compile(
    _char_class(
        set(range(0xFF01, 0xFF5F))
        | set(range(0xFF65, 0xFFA0))
        | set(ftfy.chardata.CONTROL_CHARS)
        | set(range(0x00, 0x09))
        | set(range(0x0B, 0x20))
        | set(range(0x7F, 0xA1))
        | set(range(0xD800, 0xE000))
        | set(range(0x200B, 0x2010))
        | {0xAD, 0x2028, 0x2029, 0x2060, 0xFEFF, 0xFFFD}
    )
)


def needs_ftfy(text: str) -> bool:
    """Whether ftfy could change ``text``: it has mojibake (ftfy's own ``badness.is_bad``),
    a character ftfy replaces, or text not in NFC. Other lines (curly quotes, dashes,
    accented or non-Latin letters in good order) are not worth ftfy's full repair.

    >>> needs_ftfy("It’s a café — “fine”"), needs_ftfy("Itâ€™s"), needs_ftfy("ｶﾀｶﾅ")
    (False, True, True)
    """
    return (
        _FTFY_CHARS.search(text) is not None
        or SPACING_CHARACTERS.search(text) is not None
        or not unicodedata.is_normalized("NFC", text)
        or looks_bad(text)
    )


#: Every sequence ftfy's badness pattern matches is at most 7 characters long and holds a
#: non-ASCII character, so it lies within this many characters of one.
_BADNESS_REACH = 7

#: Punctuation of typeset text. Alone between ASCII characters it matches none of ftfy's
#: badness sequences: each of those that could hold it needs another non-ASCII character.
_TYPOGRAPHIC = "‘’“”–—…"
_SUSPECT = f"(?:[^\\x00-\\x7f]{{2,}}|[^\\x00-\\x7f{_TYPOGRAPHIC}])"
#: Runs of non-ASCII characters worth ftfy's badness test (two or more, or one that is not
#: typographic punctuation), with the runs less than two reaches apart, whose windows
#: overlap, taken together. Found in C: a typeset line with lone curly quotes has none, a
#: line in another script is one cluster.
_SUSPECT_CLUSTER = re.compile(
    f"{_SUSPECT}(?:[\\x00-\\x7f{_TYPOGRAPHIC}]{{0,{2 * _BADNESS_REACH}}}{_SUSPECT})*"
)


def looks_bad(text: str) -> bool:
    """``ftfy.badness.is_bad``, asked only of the stretches around non-ASCII characters.

    The answer is the same (or errs towards "bad"): ftfy's pattern is a list of short
    sequences, each with a non-ASCII character. A line with a few curly quotes is checked in
    a few short windows instead of along its whole length.

    >>> looks_bad("A long line of plain prose with “curly quotes” in it, as news has."), looks_bad(
    ...     "A long line of plain prose, and then mojibake: itâ€™s here.")
    (False, True)
    """
    if len(text) <= 64:
        return ftfy.badness.is_bad(text)
    reach = _BADNESS_REACH
    return any(
        ftfy.badness.is_bad(text[max(0, found.start() - reach) : found.end() + reach])
        for found in _SUSPECT_CLUSTER.finditer(text)
    )


#: For a line with none of ``_FTFY_CHARS``: only ftfy's encoding repair (the other fixes
#: find nothing to do, and each costs a pass over the line). What the repair produces is
#: checked again, with all fixes if it needs them.
_FTFY_ENCODING_ONLY = _FTFY._replace(
    remove_terminal_escapes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
)


def _ftfy(text: str, odd: bool) -> tuple[str, list[ftfy.ExplanationStep] | None]:
    """``ftfy.fix_and_explain`` with all fixes (``odd``: the line has one of
    ``_FTFY_CHARS``) or only the encoding repair. For the latter, ftfy's encoding loop is
    called directly: when its result has none of ``_FTFY_CHARS`` and is in NFC, the second
    pass ``fix_and_explain`` makes to see that nothing changes would change nothing.
    """
    if odd:
        return ftfy.fix_and_explain(text, _FTFY)
    out, plan = ftfy.fix_encoding_and_explain(text, _FTFY_ENCODING_ONLY)
    if _FTFY_CHARS.search(out) is None and unicodedata.is_normalized("NFC", out):
        return out, plan
    more, rest = ftfy.fix_and_explain(out, _FTFY_ENCODING_ONLY)
    return more, [*(plan or []), *(rest or [])]


#: Lines with other than printable ASCII that ``repair`` found fine, remembered (a line's
#: hash is kept on the string, so asking again about an unchanged line costs a look-up).
_FINE_LINES: BoundedSet[str] = BoundedSet(8192)
_FINE_LINE_LENGTH = 5000


def repair(text: str, *, all_fixes: bool = False) -> tuple[str, str] | None:
    """Fix mojibake and odd characters in one line; ``None`` when it is fine.
    (``all_fixes``: run every ftfy fix on every pass; the result is the same, only slower.)

    >>> repair("donâ€™t")
    ('don’t', 'fixed Unicode (ftfy: encode sloppy-windows-1252, decode utf-8)')
    >>> repair("plain ASCII") is None
    True
    """
    if is_printable_ascii(text):
        return None  # the usual line, told in C without a pattern
    if not all_fixes and text in _FINE_LINES:
        return None  # judged already (CA101 runs again when CA102 changed quotes)
    if not _NEEDS_WORK.search(text) or not needs_ftfy(text):
        if len(text) <= _FINE_LINE_LENGTH:
            _FINE_LINES.add(text)
        return None
    steps: list[str] = []
    spaced = text
    for _ in range(3):  # until ftfy has nothing more to say about its own output
        odd = all_fixes or _FTFY_CHARS.search(spaced) is not None
        out, explanation = _ftfy(spaced, odd)
        fixed = out.replace("\n", " ")  # ftfy turns a stray NEL into a break: not in a line
        if _HALF_WIDTH_KANA.search(fixed) or _FULL_WIDTH_ASCII.search(fixed):
            widths = _width_forms(fixed)
            if widths != fixed:
                fixed = widths
                steps.append("width forms")
        steps += [f"{step.action} {step.parameter}" for step in explanation or []]
        before, spaced = spaced, unicodedata.normalize("NFC", normalize_spacing(fixed))
        if spaced != fixed and "normalized spaces" not in steps:
            steps.append("normalized spaces")
        if spaced == before:
            break  # nothing (more) for ftfy to do
        if spaced == out and (odd or _FTFY_CHARS.search(spaced) is None):
            break  # ftfy's own output, which its loop left as a fixed point of all its fixes
        if not needs_ftfy(spaced):
            break
    if spaced == text:
        return None
    return spaced, "fixed Unicode" + (f" (ftfy: {', '.join(steps)})" if steps else "")


def respace(text: str) -> tuple[str, str] | None:
    """Odd spaces to plain ones, invisible characters out.

    >>> respace("Rates\u00a0rose\u200b.")
    ('Rates rose.', 'odd spaces and invisible characters')
    >>> respace("Step 2:\u00c2\u00a0Appoint an agent") is None  # mojibake of a no-break space
    True
    """
    if not SPACING_CHARACTERS.search(text):
        return None
    if not text.isascii() and looks_bad(text):
        return None  # mojibake ("Â\xa0"): CA101 repairs it, then respaces the line
    return normalize_spacing(_expand_indent_tabs(text)), "odd spaces and invisible characters"


def _expand_indent_tabs(text: str) -> str:
    """Tabs in a line's indentation become spaces up to the next tab stop (every four
    columns), as CommonMark reads them: a list item's tab-indented paragraph stays in it.

    >>> _expand_indent_tabs("\\tMore about the first item.")
    '    More about the first item.'
    """
    rest = text.lstrip(" \t")
    indent = text[: len(text) - len(rest)]
    return indent.expandtabs(4) + rest if "\t" in indent else text


@cleaner("CA104", "invisible-characters", "Drop zero-width characters; odd spaces to plain spaces.")
def invisible_characters(doc: Document, ctx: Context) -> None:
    """Before any other cleaner looks at a line: non-breaking, thin and other typographic
    spaces (and tabs) become plain spaces; soft hyphens, zero-width spaces, word joiners,
    stray byte order marks and C0 control characters are removed, so that they cannot hide
    a URL, a byline or a line of boilerplate. Code blocks are left alone.

    Example::

        Advert\u200bisement   ->   Advertisement
    """
    rewrite_lines(doc, ctx, respace, NOT_CODE, only_odd_characters=True)
    rewrite_metadata(doc, ctx, respace, only_odd_characters=True)


@cleaner(
    "CA101",
    "fix-unicode",
    "Repair mojibake, control characters, odd spaces; apply NFC.",
    group="lines",
)
def fix_unicode(doc: Document, ctx: Context) -> None:
    """Repair text with ftfy: mojibake, control characters; width forms out of place.

    Non-breaking and other typographic spaces become plain spaces, soft hyphens and
    zero-width spaces are dropped, and the result is in Unicode NFC. Every block but code
    is repaired (lists and quotes too).

    ftfy runs only where the text can need it (``needs_ftfy``): a line with mojibake by
    ftfy's own badness measure, a character ftfy would replace, or text not in NFC. Plain
    ASCII, and curly quotes, dashes and letters in good order, skip it (a test checks on
    random and mojibake text that ftfy would not have changed a skipped line).

    Example::

        Itâ€™s a dealÂ â€” finally.   ->   It’s a deal — finally.
    """
    rewrite_lines(doc, ctx, repair, NOT_CODE, only_odd_characters=True)
    rewrite_metadata(doc, ctx, repair, only_odd_characters=True)


#: Typographic quotes and primes, and their ASCII stand-ins.
_QUOTES = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "′": "'",
    "″": '"',
}


def straighten(text: str) -> tuple[str, str] | None:
    """Typographic quotes and apostrophes to ASCII ones.

    >>> straighten("“It’s fine,” she said.")
    ('"It\\'s fine," she said.', 'straightened quotes')
    """
    if text.isascii():
        return None
    new = text
    for curly, straight in _QUOTES.items():  # str.replace: far faster than str.translate
        if curly in new:
            new = new.replace(curly, straight)
    return (new, "straightened quotes") if new is not text else None


@cleaner(
    "CA102",
    "straight-quotes",
    "Use straight ASCII quotes (unless quotes = preserve).",
    group="lines",  # a straightened quote can complete a mojibake sequence
)
def straight_quotes(doc: Document, ctx: Context) -> None:
    """Replace curly quotes and apostrophes with ``"`` and ``'`` so that sources converge.

    Off when the config says ``quotes = "preserve"``. Guillemets, dashes and ellipses stay.
    The front matter's text (title, captions ...) is straightened too.

    Example::

        “It’s fine,” she said.   ->   "It's fine," she said.
    """
    if ctx.config.quotes == "straight":
        rewrite_lines(doc, ctx, straighten, NOT_CODE, only_odd_characters=True)
        rewrite_metadata(doc, ctx, straighten, only_odd_characters=True)


def collapse(text: str) -> tuple[str, str] | None:
    """One space between words, none at the ends of the line.

    >>> collapse("two  spaces ")
    ('two spaces', 'collapsed whitespace')
    """
    new = collapse_spaces(text).strip()
    return (new, "collapsed whitespace") if new != text else None


@cleaner("CA103", "collapse-whitespace", "Collapse runs of spaces in prose to one space.")
def collapse_whitespace(doc: Document, ctx: Context) -> None:
    """Squeeze runs of spaces and tabs inside paragraphs and headings to one space.

    It runs last, because two spaces are evidence for other cleaners (a photo credit is
    often set off from its caption by two spaces). Lists, quotes, code and tables keep
    their spacing.

    Example::

        Rain fell.  Then  it stopped.   ->   Rain fell. Then it stopped.
    """
    rewrite_lines(doc, ctx, collapse)
