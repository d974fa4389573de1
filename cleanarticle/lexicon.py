"""Word knowledge from ``wordfreq``: how common a word is in English."""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import math
from collections import Counter
from functools import cache
from pathlib import Path

import regex

#: Words that make up a large share of any English text.
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "it",
        "by",
        "at",
        "from",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "its",
        "this",
        "which",
        "be",
        "has",
        "have",
        "had",
        "are",
        "were",
        "not",
        "but",
        "or",
        "an",
        "will",
        "said",
        "would",
        "who",
        "been",
        "also",
        "after",
        "than",
        "more",
        "about",
        "into",
        "over",
    ]
)
LATIN_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Latin}[\p{Latin}\p{M}]*(?![\p{L}\p{M}\p{N}])")

#: ASCII punctuation around a word ("said," "(Reuters)"): never a letter, mark or number.
_ASCII_PUNCTUATION = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())


def _token_words(token: str) -> tuple[str, ...]:
    core = token.strip(_ASCII_PUNCTUATION)
    if core.isascii() and core.isalpha():
        words: tuple[str, ...] = (core,)  # ASCII letters between ASCII punctuation: one word
    else:
        words = tuple(LATIN_WORD.findall(token))
    return words


def count_words(text: str) -> Counter[str]:
    """The ``LATIN_WORD`` matches of ``text``, counted: the same as
    ``Counter(LATIN_WORD.findall(text))``, several times faster.

    Whitespace is not a letter, mark or number, so the pattern finds the same words in each
    whitespace-separated token as in the whole text. Tokens are counted first (in C), and
    each distinct token is read once: a run of ASCII letters with ASCII punctuation around
    it is one word as it stands; other tokens go through the pattern.

    >>> count_words("Rain, rain (and) Rain. Café «naïve» x2 über-cool 東京")
    Counter({'Rain': 2, 'rain': 1, 'and': 1, 'Café': 1, 'naïve': 1, 'über': 1, 'cool': 1})
    """
    counts: dict[str, int] = {}  # a dict, not a Counter: no Python call for a new word
    count_of = counts.get
    for token, n in Counter(text.split()).items():
        for word in _token_words(token):
            counts[word] = count_of(word, 0) + n
    return Counter(counts)


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 for unknown; 3 is about once per million
    words): ``wordfreq.zipf_frequency(word, "en")``. A word of ASCII letters, the usual
    case, is looked up in the word list itself; wordfreq reads any other (a name with an
    apostrophe, a word with accents) by its own rules.

    >>> zipf("the") > 7, zipf("qzxvbn"), zipf("Café") == zipf("café") > 3
    (True, 0.0, True)
    """
    if word.isascii() and word.isalpha():
        return english_zipf().get(word.lower(), 0.0)
    from wordfreq import zipf_frequency  # imported late: a tenth of a second to load

    return zipf_frequency(word, "en")


#: wordfreq's English word list: the words of each frequency in centibels, commonest first.
_WORD_LIST = ("data", "large_en.msgpack.gz")
_LEADING_NUMBER = regex.compile(r"\d[\d.,]+")


@cache
def _english_buckets() -> tuple[tuple[str, ...], ...]:
    """wordfreq's English word list (its "cBpack": after a header, the words ``i``
    centibels below frequency 1, for each ``i``), read from wordfreq's data file without
    importing wordfreq, whose start-up costs more than the reading; by wordfreq itself if
    the file is not where this version of wordfreq keeps it."""
    spec = importlib.util.find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0], *_WORD_LIST) if folders else None
    if path is not None and path.is_file():
        import msgpack

        pack = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False, use_list=False)
        if pack and pack[0] == {"format": "cB", "version": 1}:
            return tuple(pack[1:])
    from wordfreq import get_frequency_list

    return tuple(tuple(bucket) for bucket in get_frequency_list("en"))


def _bucket_zipf(index: int) -> float:
    """The Zipf value wordfreq gives a word ``index`` centibels below frequency 1 (its
    frequency rounded to three significant digits, then the Zipf value to two decimals).

    >>> _bucket_zipf(0), _bucket_zipf(300), _bucket_zipf(831)
    (9.0, 6.0, 0.69)
    """
    frequency = 10 ** (-index / 100)
    frequency = round(frequency, math.floor(-math.log10(frequency)) + 3)
    return round(math.log10(frequency) + 9, 2)


@cache
def english_zipf() -> dict[str, float]:
    """Each word of wordfreq's English list with its Zipf frequency (built in one pass: the
    list has some 320,000 words, and the table is read at start-up)."""
    buckets = _english_buckets()
    values = (itertools.repeat(_bucket_zipf(i), len(b)) for i, b in enumerate(buckets))
    words, zipfs = itertools.chain.from_iterable(buckets), itertools.chain.from_iterable(values)
    return dict(zip(words, zipfs, strict=True))


def commonest_words(count: int) -> list[str]:
    """The ``count`` commonest English words: ``wordfreq.top_n_list("en", count)``."""
    words = itertools.chain.from_iterable(_english_buckets())
    return list(itertools.islice((w for w in words if not _LEADING_NUMBER.match(w)), count))


def is_english(text: str) -> bool:
    """Whether ``text`` reads as English: enough of its words are English function words.

    >>> is_english("The cat sat on the mat and it was happy.")
    True
    >>> is_english("Le chat est sur le tapis et il est content.")
    False
    """
    return counts_are_english(count_words(text))


def counts_are_english(counts: Counter[str]) -> bool:
    """``is_english`` from word counts (when a text's words are counted anyway)."""
    total = sum(counts.values())
    if not total:
        return False
    hits = sum(counts[word] for word in _FUNCTION_WORD_FORMS.intersection(counts))
    return hits >= 2 and hits / total >= 0.12


def _letter_cases(word: str) -> set[str]:
    """``word`` in every mix of upper and lower case: each string whose ``lower()`` it is
    (the one other character that lowers to an ASCII letter, the Kelvin sign, lowers to a
    ``k``, which no function word has).

    >>> sorted(_letter_cases("an"))
    ['AN', 'An', 'aN', 'an']
    """
    forms = {""}
    for char in word:
        forms = {form + case for form in forms for case in {char, char.upper()}}
    return forms


#: Every string whose ``lower()`` is a function word: a text's function words are then found
#: by a set intersection (in C) instead of a look at each of its words.
_FUNCTION_WORD_FORMS = frozenset(
    form for word in ENGLISH_FUNCTION_WORDS for form in _letter_cases(word)
)
