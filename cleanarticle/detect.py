"""Pure functions that recognise the shapes of header lines: titles, bylines, dates, captions.

They look at one line of text and nothing else, so that the cleaners built on them give the
same answer however often they run (the fixed point).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, TypeVar

import regex

from cleanarticle.chars import AsciiCharacters
from cleanarticle.markdown import parse_inline, plain_text

_F = TypeVar("_F", bound=Callable[..., Any])


def short_cache(func: _F) -> _F:
    """Memoise a pure function of one line, for lines short enough to be worth keeping."""
    cached = lru_cache(maxsize=8192)(func)

    @wraps(func)
    def wrapper(text: str, **kwargs: Any) -> Any:
        return cached(text, **kwargs) if len(text) <= 400 else func(text, **kwargs)

    return wrapper  # type: ignore[return-value]


SENTENCE_END = "[.!?…。！？]"
CLOSERS = "[\"'”’»)\\]」』]*"
_INTERNAL_SENTENCE = regex.compile(
    rf"(?:\p{{Ll}}|\p{{Lo}}{{2}}){SENTENCE_END}{CLOSERS}\s+\S|[。！？]{CLOSERS}\s*\S"
)
_WORD = regex.compile(r"\S+")
_URL_SCHEME = regex.compile(r"https?://")
_CAPITAL_START = regex.compile(r"^[\p{Lu}\p{Lt}]")
_FOR_OUTLET = regex.compile(r"\s+(?:for|with|für|pour|para|per)\s+")
_MONTH_WORD = regex.compile(r"\p{L}{3}|[年月]")
_ENDS_PUNCTUATION = regex.compile(r"[.!?:;,]$")
_CREDIT_TOKEN_START = regex.compile(r"^[\p{Lu}\p{N}(©]")
_ENDS_SENTENCE = regex.compile(rf"{SENTENCE_END}{CLOSERS}$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def squash(text: str) -> str:
    """Plain text with single spaces, as metadata values are kept.

    >>> squash("**A**  title ")
    'A title'
    """
    return " ".join(plain_text(text).split())


# --- titles -----------------------------------------------------------------------------------

_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lo}\p{N}\p{P}]{4,}")
_TITLE_START = regex.compile(r"^[\"'“‘«(\[]*[\p{Lu}\p{Lo}\p{N}]")


@short_cache
def is_title_like(text: str) -> bool:
    """A short line that reads as a headline: no sentence inside, no closing full stop.

    >>> is_title_like("Planetary Pact: Two Nations to Build a Station")
    True
    >>> is_title_like("It rained. Then it stopped.")
    False
    """
    text = plain_text(text).strip()
    if len(text) > 200 or "\n" in text:
        return False
    n = len(words(text))
    if n == 1 and _UNSPACED.fullmatch(text):
        n = len(text) // 2  # Chinese, Japanese, Thai ... write no spaces between words
    if not 2 <= n <= 30:
        return False
    core = text.rstrip("\"'”’»)]」』")
    if not _TITLE_START.match(text) or core.endswith((".", ",", ";", ":", "。", "，", "：")):
        return False
    return not _INTERNAL_SENTENCE.search(text) and not _URL_SCHEME.search(text)


# --- bylines ----------------------------------------------------------------------------------

_BYLINE = regex.compile(
    r"^(?:(?:written|words|reporting|text|story|report|photos?(?: and words)?)\s+by"
    r"|by|von|par|por|di|door|av|af|przez)\s+(?P<rest>.+)$"
    r"|^(?:authors?|byline|source|autor(?:in|en)?|auteur|writer|reporter)\s*:\s*(?P<rest>.+)$",
    regex.IGNORECASE,
)
#: Words that may stand in lower case between the names of a byline.
CONNECTORS = frozenset(
    [
        "and",
        "&",
        "for",
        "of",
        "with",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "e",
        "et",
        "und",
        "en",
        "i",
        "och",
        "og",
    ]
)
_SEPARATORS = regex.compile(r"\s+[|·•]\s+")
_AUTHOR_SPLIT = regex.compile(r"\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\sy\s)\s*")
_INITIAL = regex.compile(r"^\p{Lu}\.(?:\p{Lu}\.)*$")


@dataclass(frozen=True)
class Byline:
    """A parsed byline: the text as written and the author names split out of it."""

    text: str
    authors: tuple[str, ...]
    date: dt.date | None = None


@short_cache
def parse_byline(text: str) -> Byline | None:
    """The byline in ``text``, if the whole line is one.

    >>> parse_byline("By Jane Doe and John Roe, Reuters")
    Byline(text='Jane Doe and John Roe, Reuters', authors=('Jane Doe', 'John Roe'), date=None)
    >>> parse_byline("By contrast, the rest of the world waited.") is None
    True
    """
    line = squash(text)  # with single spaces, as CA103 will write the line
    if len(line) > 160:
        return None
    match = _BYLINE.match(line)
    if match is None:
        return _correspondent(line)
    parts = _SEPARATORS.split(match.group("rest").strip())
    names, date = [], None
    for part in parts:
        found = parse_date(part) if date is None else None
        if found is not None:
            date = found
        else:
            names.append(part)
    rest = ", ".join(names).strip()
    if not rest or not _looks_like_names(rest):
        return None
    return Byline(rest, split_authors(rest), date)


_NAME = r"\p{Lu}[\p{L}'’-]+"
_CORRESPONDENT = regex.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s+and\s+{_NAME}(?:\s+{_NAME}){{1,3}})?)"
    rf"\s+in\s+{_NAME}(?:\s+{_NAME}){{0,2}}$"
)


def _correspondent(line: str) -> Byline | None:
    """``Jane Doe in Paris``: a correspondent's byline (no "By"), as British papers write it.

    >>> _correspondent("Kim Lee in Seoul").authors, _correspondent("Protests in Paris")
    (('Kim Lee',), None)
    """
    match = _CORRESPONDENT.match(line)
    if match is None:
        return None
    return Byline(line, split_authors(match.group("names")))


def _looks_like_names(text: str) -> bool:
    tokens = words(text)
    if not 1 <= len(tokens) <= 16 or text.endswith((":", ";")):
        return False
    capitals = 0
    for token in tokens:
        bare = token.strip(",;()")
        if not bare:
            continue
        if bare.lower() in CONNECTORS:
            continue
        if not _CAPITAL_START.match(bare):
            return False
        if bare[-1] in ".!?" and not _INITIAL.match(bare) and len(bare) > 3:
            return False
        capitals += 1
    return capitals >= 1


def split_authors(text: str) -> tuple[str, ...]:
    """Person names in a byline: agencies and outlets (single words) and ``for X`` dropped.

    >>> split_authors("Jane Doe for AFP")
    ('Jane Doe',)
    >>> split_authors("Ana García y Luis Pérez")
    ('Ana García', 'Luis Pérez')
    """
    names = []
    for part in _AUTHOR_SPLIT.split(text):
        part = _FOR_OUTLET.split(part.strip(), maxsplit=1)[0]
        part = part.strip(" ,;()")
        if len(part.split()) >= 2 and part not in names:
            names.append(part)
    return tuple(names)


# --- dates ------------------------------------------------------------------------------------

DATE_LABEL = (
    r"(?:date|dated|published(?: on| at)?|updated(?: on| at)?|last updated|posted(?: on)?"
    r"|first published(?: on)?|datum|veröffentlicht(?: am)?|aktualisiert(?: am)?"
    r"|publié(?: le)?|mis à jour(?: le)?|publicado(?: el| em)?|actualizado(?: el)?"
    r"|pubblicato(?: il)?)"
)
_LABEL_PREFIX = regex.compile(rf"^{DATE_LABEL}\s*:?\s*", regex.IGNORECASE)
_ISO = regex.compile(
    r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?"
)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_DAY = regex.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)")
_DOTTED = regex.compile(r"^(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)$")
_TIME = regex.compile(
    r"(?:,?\s*(?:at\s+|um\s+|à\s+|a las\s+)?[0-2]?\d[:.h][0-5]\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*|Uhr|h))?)\s*$",
    regex.IGNORECASE,
)
_DIGIT = AsciiCharacters("0123456789", r"\d")
_DATE_CHARS = regex.compile(r"^[\p{L}\p{N}\s.,/\-年月日]+$")


@short_cache
def parse_date(text: str) -> dt.date | None:
    """A calendar date (day, month and year all present) that is the whole of ``text``.

    ISO 8601 is read with the standard library; written dates in many languages with
    ``dateparser``, but only after a shape check so that it never sees ordinary prose.

    >>> parse_date("Published: 9 March 2021 10:30 GMT")
    datetime.date(2021, 3, 9)
    >>> parse_date("9. März 2021"), parse_date("2021-03-09T10:00:00Z")
    (datetime.date(2021, 3, 9), datetime.date(2021, 3, 9))
    >>> parse_date("March 2021") is None, parse_date("03/04/2021") is None
    (True, True)
    """
    if len(text) > 400 or not _DIGIT.found_in(text):
        return None  # every date this reads has a year in digits
    text = plain_text(text).strip()
    if not text or len(text) > 80:
        return None
    text = _LABEL_PREFIX.sub("", text).strip()
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group("date"))
        except ValueError:
            return None
    text = _TIME.sub("", text).strip().rstrip(",")
    return _parse_written_date(text)


@lru_cache(maxsize=2048)
def _parse_written_date(text: str) -> dt.date | None:
    if not text or len(words(text)) > 6 or not _DATE_CHARS.match(text):
        return None
    if not _YEAR.search(text) or not _DAY.search(_YEAR.sub("", text)):
        return None
    dotted = _DOTTED.match(text)
    if dotted:
        try:
            return dt.date(int(dotted["y"]), int(dotted["m"]), int(dotted["d"]))
        except ValueError:
            return None
    if not _MONTH_WORD.search(text):
        return None  # 03/04/2021 could be either day or month first: leave it.
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RETURN_TIME_AS_PERIOD": False,
    }
    found = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    if found is None or str(found.year) not in text:
        return None
    days = {int(d) for d in _DAY.findall(_YEAR.sub("", text))}
    return found.date() if found.day in days else None


_DATE_PREFIX = regex.compile(
    rf"^(?P<prefix>{DATE_LABEL}\s*:?\s*(?P<date>{_ISO.pattern}|[^\s,]+\s+[^\s,]+,?\s+(?:19|20)\d\d)"
    rf"|(?P<date>{_ISO.pattern}))"
    r"\s*[-—–|:]?\s+(?=[\"'“‘\p{Lu}\p{Lo}])",
    regex.IGNORECASE,
)


def split_date_prefix(text: str) -> tuple[dt.date, str, str] | None:
    """A date glued to the start of a paragraph: ``(date, prefix, rest)``.

    Only a labelled date (``date``, ``Published:`` ...) or an ISO date counts, so that a
    sentence that starts with a date ("March 9, 2021 was ...") is left alone.

    >>> split_date_prefix("date 2021-03-11 Rain fell.")
    (datetime.date(2021, 3, 11), 'date 2021-03-11 ', 'Rain fell.')
    >>> split_date_prefix("March 9, 2021 was a Tuesday.") is None
    True
    """
    match = _DATE_PREFIX.match(text)
    if match is None:
        return None
    found = parse_date(match.group("date"))
    if found is None:
        return None
    return found, text[: match.end()], text[match.end() :]


# --- captions ---------------------------------------------------------------------------------

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
