"""Corpus evidence: word counts from documents cleaned together, for the typo cleaner.

A batch computes it in a first pass (map: ``words_of`` each document; reduce:
``Evidence.from_counts``) and hands the same object to every document of the second
pass, so a result depends only on (document, config, evidence): never on order or jobs.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping

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


#: The first line of a saved evidence file; the version changes when the format does.
HEADER = "cleanarticle-evidence 1"


class EvidenceError(ValueError):
    """A saved evidence file that cannot be read."""


class Evidence:
    """Word counts of a corpus: the typo cleaner looks each possible twin of a word up in
    them (no index: a dict of ``word -> count``, about 100 bytes a word).

    >>> ev = Evidence.from_counts([Counter({"Bundestag": 3}), Counter({"Bundestag": 2, "x": 9})])
    >>> ev.counts, ev.get("Bundestag"), ev.get("Bundestg")
    ({'Bundestag': 5}, 5, 0)
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

    @classmethod
    def merge(cls, parts: Iterable[Evidence]) -> Evidence:
        """The evidence of several corpora (or shards of one) together: counts added.

        >>> Evidence.merge([Evidence({"Bundestag": 2}), Evidence({"Bundestag": 3})]).counts
        {'Bundestag': 5}
        """
        total: Counter[str] = Counter()
        for part in parts:
            total.update(part.counts)
        return cls(total)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the counts to ``path``: gzip-compressed text, ``HEADER`` then one
        ``word<TAB>count`` line per word, sorted (the same evidence, the same bytes)."""
        lines = [HEADER, *(f"{w}\t{n}" for w, n in sorted(self.counts.items()))]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with open(path, "wb") as file:
            file.write(gzip.compress(data, mtime=0))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Evidence:
        """Read a file ``save`` wrote; ``EvidenceError`` says what is wrong with another."""
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError as exc:
            raise EvidenceError(f"{os.fspath(path)}: cannot read ({exc.strerror or exc})") from None
        try:
            text = gzip.decompress(data).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
            raise EvidenceError(f"{os.fspath(path)}: not an evidence file ({exc})") from None
        header, _, body = text.partition("\n")
        if header != HEADER:
            raise EvidenceError(
                f"{os.fspath(path)}: not an evidence file of this version (first line "
                f"{header[:40]!r}, expected {HEADER!r}); build it again with "
                "'cleanarticle evidence build'"
            )
        fields = body.replace("\t", "\n").split("\n")
        if fields[-1] == "":
            fields.pop()
        words, numbers = fields[0::2], fields[1::2]
        if len(words) != len(numbers) or not all(map(str.isdigit, numbers)):
            raise EvidenceError(f"{os.fspath(path)}: expected lines of 'word<TAB>count'")
        return cls(dict(zip(words, map(int, numbers), strict=True)))

    def __len__(self) -> int:
        return len(self.counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Evidence) and other.counts == self.counts

    def get(self, word: str) -> int:
        return self.counts.get(word, 0)
