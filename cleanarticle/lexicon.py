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
    return counts_are_english(Counter(LATIN_WORD.findall(text)))


def counts_are_english(counts: Counter[str]) -> bool:
    """``is_english`` from word counts (when a text's words are counted anyway)."""
    total = sum(counts.values())
    if not total:
        return False
    hits = sum(n for w, n in counts.items() if w.lower() in ENGLISH_FUNCTION_WORDS)
    return hits >= 2 and hits / total >= 0.12
