"""Word knowledge from ``wordfreq``: how common a word is in English."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex
from wordfreq import zipf_frequency

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


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 for unknown; 3 is about once per million words).

    >>> zipf("the") > 7, zipf("qzxvbn")
    (True, 0.0)
    """
    return zipf_frequency(word, "en")


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
