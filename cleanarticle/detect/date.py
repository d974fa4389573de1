"""Dates: a calendar date that is the whole line, or glued to a paragraph's start."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from cleanarticle.chars import AsciiCharacters
from cleanarticle.detect.text import short_cache, words
from cleanarticle.markdown import plain_text

_MONTH_WORD = regex.compile(r"\p{L}{3}|[年月]")

#: Labels of the date an article was first published, in several languages.
PUBLISHED_LABEL = (
    r"(?:date|dated|published(?: on| at)?|posted(?: on)?|first published(?: on)?|datum"
    r"|veröffentlicht(?: am)?|publié(?: le)?|publicado(?: el| em)?|pubblicato(?: il)?"
    r"|gepubliceerd(?: op)?|opublikowano)"
)
#: Labels of the date it was last changed.
UPDATED_LABEL = (
    r"(?:updated(?: on| at)?|last updated(?: on)?|last modified|modified|aktualisiert(?: am)?"
    r"|mis à jour(?: le)?|actualizado(?: el)?|atualizado(?: em)?|aggiornato(?: il)?"
    r"|bijgewerkt(?: op)?)"
)
DATE_LABEL = rf"(?:{UPDATED_LABEL}|{PUBLISHED_LABEL})"
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
_SLASHED = regex.compile(r"^(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)$")
_UPDATED_PREFIX = regex.compile(rf"^{UPDATED_LABEL}\b", regex.IGNORECASE)


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
    slashed = _SLASHED.match(text)
    if slashed:
        return _unambiguous_slashed(int(slashed["a"]), int(slashed["b"]), int(slashed["y"]))
    if not _MONTH_WORD.search(text):
        return None
    english = _english_date(text)
    if english is not None:
        return english or None
    languages = dateparser_languages(text)
    if not languages:
        return None  # no language knows all its words: none can read it
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RETURN_TIME_AS_PERIOD": False,
    }
    found = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    if found is None or str(found.year) not in text:
        return None
    days = {int(d) for d in _DAY.findall(_YEAR.sub("", text))}
    return found.date() if found.day in days else None


_LETTERS = regex.compile(r"\p{L}+")
#: Entries of a dateparser language that are patterns or settings, not words of dates.
_NOT_WORDS = frozenset(
    ["name", "date_order", "relative-type-regex", "simplifications", "sentence_splitter_group"]
)


def _entry_words(info: dict[str, object]) -> Iterator[str]:
    """The words of a dateparser language's entries (month and day names, ``ago``, words
    it skips ...), its regional variants' included."""
    for key, value in info.items():
        if key in _NOT_WORDS:
            continue
        if isinstance(value, dict):
            parts = value.values() if key != "locale_specific" else ()
            for part in parts:
                for entry in part if isinstance(part, list) else ():
                    yield from _LETTERS.findall(str(entry).lower())
            if key == "locale_specific":
                for variant in value.values():
                    yield from _entry_words(variant)
        elif isinstance(value, list):
            for entry in value:
                yield from _LETTERS.findall(str(entry).lower())


@cache
def _languages_by_word() -> dict[str, frozenset[str]]:
    """Each word dateparser knows in a date, with the languages that know it."""
    from dateparser.data import language_order

    found: dict[str, set[str]] = {}
    for language in language_order:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
        for word in _entry_words(module.info):
            found.setdefault(word, set()).add(language)
    return {word: frozenset(languages) for word, languages in found.items()}


@cache
def _zone_names() -> frozenset[str]:
    """The names of time zones dateparser reads apart from the language (``EST``, ``MEZ``)."""
    from dateparser.timezones import timezone_info_list

    return frozenset(name.lower() for group in timezone_info_list for name, _ in group["timezones"])


def dateparser_languages(text: str) -> list[str]:
    """The languages dateparser can read ``text`` in, in dateparser's own order.

    dateparser reads a text in a language only when the language knows each of its words
    but the names of time zones (which it strips first). Told nothing, it tries its 200
    languages in turn and builds each one's patterns on first use: seconds for the first
    text no language reads, tens of milliseconds for each later one. So: the languages
    that know every known word that is not a zone's name (``Mart`` is one) nor one ASCII
    letter (``p.m.``); with none such, English (the first in that order) and those that know a
    zone-named word.

    >>> dateparser_languages("9. März 2021"), dateparser_languages("20.04.2018 16:22")
    (['de', 'gsw'], ['en'])
    >>> dateparser_languages("3 de mayo de 2022"), dateparser_languages("9 März mayo 2021")
    (['es'], [])
    >>> dateparser_languages("9 Mart 2021")[:3], dateparser_languages("Mar. 9, 2021 p.m. ET")[:1]
    (['en', 'tr', 'ro'], ['en'])
    """
    from dateparser.data import language_order

    known, zones = _languages_by_word(), _zone_names()
    words = _LETTERS.findall(text.lower())
    found = [w for w in words if w in known and (len(w) > 1 or not w.isascii())]
    required = [known[w] for w in found if w not in zones]
    if required:
        readers = frozenset.intersection(*required)
    else:
        readers = frozenset(["en"]).union(*(known[w] for w in found))
    return [language for language in language_order if language in readers]


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
#: The English forms most dates are written in, read without dateparser (whose first call
#: costs a fifth of a second and each later one milliseconds): ``March 9, 2021``,
#: ``Friday, 9th March 2021``, ``Sept. 9 2021``.
_ENGLISH = regex.compile(
    rf"^(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
    rf"(?:(?P<m1>{_MONTH_NAME})\.?\s+(?P<d1>\d{{1,2}}){_ORDINAL},?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>{_MONTH_NAME})\.?,?\s+(?P<y2>\d{{4}}))$",
    regex.IGNORECASE,
)


def _english_date(text: str) -> dt.date | bool | None:
    """The date of an English month-name date, ``False`` for one that names no real day
    (``February 30, 2021``), None for any other form (dateparser's to read).

    >>> _english_date("Friday, December 19, 2025"), _english_date("9th of March 2021")
    (datetime.date(2025, 12, 19), datetime.date(2021, 3, 9))
    >>> _english_date("9. März 2021") is None
    True
    """
    found = _ENGLISH.match(text)
    if found is None:
        return None
    month = _MONTHS[(found["m1"] or found["m2"]).casefold()]
    day, year = int(found["d1"] or found["d2"]), int(found["y1"] or found["y2"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return False


def _unambiguous_slashed(first: int, second: int, year: int) -> dt.date | None:
    """``19/11/2019`` is day first and ``11/19/2019`` month first; ``03/04/2021`` could be
    either, and is left alone."""
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_CLOCK = regex.compile(r"(?<!\d)[0-2]?\d[:.h][0-5]\d(?!\d)")


def parse_timestamp(text: str) -> str | None:
    """The date and time of a date line that gives a time, as ISO 8601 to the minute,
    with its UTC offset when the line names a zone (read by ``dateparser``).

    >>> parse_timestamp("Published: 9 March 2021 10:30 GMT")
    '2021-03-09T10:30+00:00'
    >>> parse_timestamp("2021-03-09T10:00:00Z"), parse_timestamp("9 March 2021")
    ('2021-03-09T10:00+00:00', None)
    """
    day = parse_date(text)
    plain = _LABEL_PREFIX.sub("", plain_text(text).strip()).strip()
    if day is None or not _CLOCK.search(plain.replace(str(day.year), "")):
        return None
    if _ISO.fullmatch(plain):
        try:
            found = dt.datetime.fromisoformat(plain)
        except ValueError:
            return None
    else:
        import dateparser

        languages = dateparser_languages(plain)
        # with its zone's offset when the line names one
        found = dateparser.parse(plain, languages=languages) if languages else None
    if found is None or found.date() != day:
        return None
    return found.isoformat(timespec="minutes")


def has_date_label(text: str) -> bool:
    """Whether a line starts with a date's label (``Published``, ``Last updated:`` ...).

    >>> has_date_label("Last updated: January 24, 2026"), has_date_label("Dates to remember")
    (True, False)
    """
    return bool(_LABEL_PREFIX.match(plain_text(text).strip())) and bool(_DIGIT.found_in(text))


def is_updated(text: str) -> bool:
    """Whether a date line gives the date the article was last changed, not published.

    >>> is_updated("Updated: 9 March 2021"), is_updated("Published 9 March 2021")
    (True, False)
    """
    return bool(_UPDATED_PREFIX.match(plain_text(text).strip()))


#: The parts of a head line: ``Jun 8, 2023 • 11 min read``, ``By Jane Doe | 9 March 2021``.
PART_SEPARATORS = regex.compile(r"\s+(?:[|•·・⋅∙]|[-–—]{1,2}|//)\s+|\s*[|•·・⋅∙]\s*")
#: What a date line may carry beside its date: a reading time, a count, a clock time.
_TRIVIA = regex.compile(
    r"^(?:\d+(?:[.,]\d+)?\s*[kK]?\s*\p{L}+(?:\s+\p{L}+)?|[0-2]?\d[:.h][0-5]\d\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,5})?)$",
    regex.IGNORECASE,
)


def is_trivia(part: str) -> bool:
    """A reading time, a comment or view count or a clock time: page furniture beside a date.

    >>> is_trivia("11 Minute Read"), is_trivia("6 comments"), is_trivia("10:30 GMT")
    (True, True, True)
    >>> is_trivia("Jane Doe")
    False
    """
    return len(part) <= 30 and bool(_TRIVIA.match(part.strip()))


#: A reading time, which a date line may carry with no separator (``Dec 18, 2025 2 min read``).
_READING_TIME = regex.compile(
    r"(?<!\s)\s+(?:reading\s+time:?\s*)?\d+\s*(?:min(?:ute)?s?\.?|hrs?\.?|hours?)"
    r"(?:\s+(?:read|reading|lesezeit|de\s+lecture|de\s+lectura))?$",
    regex.IGNORECASE,
)


def strip_reading_time(text: str) -> str:
    """``text`` without a reading time at its end (``Jane Doe 15 min`` -> ``Jane Doe``).

    >>> strip_reading_time("Kelia Losa 15 min"), strip_reading_time("15 minutes of fame")
    ('Kelia Losa', '15 minutes of fame')
    """
    reading = _READING_TIME.search(text)
    return text[: reading.start()] if reading else text


@short_cache
def parse_date_line(text: str) -> dt.date | None:
    """A line that gives a date and nothing else of the article: the date alone, or with a
    reading time, a count or a clock time beside it (split at ``|``, ``•``, ``·``, ``・``,
    a spaced dash or ``//``), or a reading time right after it.

    >>> parse_date_line("Jun 08, 2023 • 11 Minute Read")
    datetime.date(2023, 6, 8)
    >>> parse_date_line("Dec 18, 2025 2 min read"), parse_date_line("December 15, 2025 // 8 min")
    (datetime.date(2025, 12, 18), datetime.date(2025, 12, 15))
    >>> parse_date_line("Published 19/11/2019 | 3 comments")
    datetime.date(2019, 11, 19)
    >>> parse_date_line("March 3, 2024 | Jane Doe") is None
    True
    """
    found = parse_date(text)
    if found is not None or len(text) > 160 or not _DIGIT.found_in(text):
        return found
    parts = PART_SEPARATORS.split(plain_text(text).strip())
    if len(parts) < 2:
        reading = _READING_TIME.search(text)
        return parse_date(text[: reading.start()]) if reading else None
    dates = [d for d in map(parse_date, parts) if d is not None]
    others = [p for p in parts if parse_date(p) is None]
    if len(dates) == 1 and all(is_trivia(p) or not p.strip() for p in others):
        return dates[0]
    return None


_EARLIER_YEAR = regex.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")


def is_date_shaped(text: str) -> bool:
    """Whether ``text`` is a date line of any year: an article's date (``parse_date_line``),
    or a day of history (``7 May 1856``), which no article was published on.

    >>> is_date_shaped("7 May 1856"), is_date_shaped("Jun 08, 2023"), is_date_shaped("May Day")
    (True, True, False)
    """
    if parse_date_line(text) is not None:
        return True
    if not _EARLIER_YEAR.search(text):
        return False
    return parse_date_line(_EARLIER_YEAR.sub("2000", text)) is not None


#: How many words a date (with a time and zone) at the end or start of a line may take.
_TRAILING_DATE_WORDS = (7, 6, 5, 4, 3, 2, 1)


def split_trailing_date(text: str) -> tuple[str, dt.date] | None:
    """Words followed by a date: ``("Jane Doe", date)`` for ``Jane Doe Mar 5, 2025``.

    >>> split_trailing_date("Kathryn Giuffrida Mar 5, 2025")
    ('Kathryn Giuffrida', datetime.date(2025, 3, 5))
    >>> split_trailing_date("Peter Bell on August 21, 2019")
    ('Peter Bell', datetime.date(2019, 8, 21))
    >>> split_trailing_date("Jane Doe") is None
    True
    """
    split = _split_date(text, at_end=True)
    if split is None:
        return None
    rest, found = split
    return _DATE_JOIN.sub("", rest).rstrip(" ,-–—|"), found


#: What joins a name to the date after it: ``Jane Doe on March 9, 2021``.
_DATE_JOIN = regex.compile(r"\s+(?:on|am|le|el|il|em|op|at)$", regex.IGNORECASE)


def split_leading_date(text: str) -> tuple[dt.date, str] | None:
    """A date followed by words: ``(date, "Julian K. Arni")`` for ``Dec 17, 2025 Julian K.
    Arni``.

    >>> split_leading_date("Dec 17, 2025 Julian K. Arni")
    (datetime.date(2025, 12, 17), 'Julian K. Arni')
    """
    split = _split_date(text, at_end=False)
    return None if split is None else (split[1], split[0].lstrip(" ,-–—|·•"))


def _split_date(text: str, *, at_end: bool) -> tuple[str, dt.date] | None:
    """The longest date of up to seven words at one end of ``text``, and the other words."""
    if not _DIGIT.found_in(text):
        return None
    tokens = words(text)
    for size in _TRAILING_DATE_WORDS:
        if size >= len(tokens):
            continue
        date, rest = (tokens[-size:], tokens[:-size]) if at_end else (tokens[:size], tokens[size:])
        found = parse_date(" ".join(date))
        if found is not None:
            return " ".join(rest), found
    return None


_DATE_PREFIX = regex.compile(
    rf"^(?P<prefix>{DATE_LABEL}\s*:?\s*(?P<date>{_ISO.pattern}|[^\s,]+\s+[^\s,]+,?\s+(?:19|20)\d\d)"
    rf"|(?P<date>{_ISO.pattern}))"
    r"\s*[-—–|:]?\s+(?=[\"'“‘\p{Lu}\p{Lo}])"
    # an unlabelled written date, set off by a dash or a bar: "March 9, 2021 — The council"
    r"|^(?P<prefix>(?P<date>(?:\p{L}+,?\s+)?(?:[^\s,]+\s+){1,2}[^\s,]+,?\s+(?:19|20)\d\d)"
    r"\s+[-—–|]\s+)(?=[\"'“‘\p{Lu}\p{Lo}])",
    regex.IGNORECASE,
)


def split_date_prefix(text: str) -> tuple[dt.date, str, str] | None:
    """A date glued to the start of a paragraph: ``(date, prefix, rest)``.

    Only a labelled date (``date``, ``Published:`` ...), an ISO date or a date set off by a
    dash or a bar counts, so that a sentence that starts with a date ("March 9, 2021 was
    ...") is left alone.

    >>> split_date_prefix("date 2021-03-11 Rain fell.")
    (datetime.date(2021, 3, 11), 'date 2021-03-11 ', 'Rain fell.')
    >>> split_date_prefix("Tuesday, March 9, 2021 — The council met.")[1:]
    ('Tuesday, March 9, 2021 — ', 'The council met.')
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
