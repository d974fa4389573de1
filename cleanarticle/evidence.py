"""Corpus evidence: word counts from documents cleaned together, for the typo cleaner.

A batch computes it in a first pass (map: ``words_of`` each document; reduce:
``Evidence.from_counts``) and hands the same object to every document of the second
pass, so a result depends only on (document, config, evidence): never on order or jobs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from cleanarticle.lexicon import count_words

#: Words shorter than this are not kept (the twin rule does not touch them).
MIN_LENGTH = 4
#: A word seen once in the whole corpus decides nothing (a twin must be more frequent).
MIN_COUNT = 2


def words_of(text: str) -> Counter[str]:
    """The Latin-script words of ``text`` (the typo cleaner's tokens), counted.

    >>> words_of("Rain, rain and Rain.")
    Counter({'Rain': 2, 'rain': 1, 'and': 1})
    """
    return count_words(text)


def deletes(word: str) -> set[str]:
    """``word`` and every string one deletion away from it (symmetric-delete keys)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class Evidence:
    """Word counts of a corpus, with an index that finds a word's near twins quickly.

    >>> ev = Evidence.from_counts([Counter({"Bundestag": 3}), Counter({"Bundestag": 2, "x": 9})])
    >>> ev.counts, sorted(ev.near("Bundestg"))
    ({'Bundestag': 5}, ['Bundestag'])
    """

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts: dict[str, int] = dict(counts)

    @classmethod
    def from_counts(
        cls, parts: Iterable[Mapping[str, int]], *, min_count: int = MIN_COUNT
    ) -> Evidence:
        """Reduce: add up the documents' counts, keep words that can decide something."""
        total: Counter[str] = Counter()
        for part in parts:
            total.update(part)
        return cls({w: n for w, n in total.items() if n >= min_count and len(w) >= MIN_LENGTH})

    def __len__(self) -> int:
        return len(self.counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Evidence) and other.counts == self.counts

    def get(self, word: str) -> int:
        return self.counts.get(word, 0)

    @cached_property
    def _index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for word in sorted(self.counts):
            for key in deletes(word):
                index.setdefault(key, []).append(word)
        return index

    def near(self, word: str) -> set[str]:
        """Corpus words that share a one-deletion key with ``word`` (candidates only)."""
        found: set[str] = set()
        for key in deletes(word):
            found.update(self._index.get(key, ()))
        found.discard(word)
        return found

    def __getstate__(self) -> dict[str, Any]:
        return {"counts": self.counts}  # the index is rebuilt where it is needed

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.counts = state["counts"]
