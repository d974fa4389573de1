"""Typo fixes that need strong evidence: a near twin in the text, a doubled possessive, a list."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

import regex

from cleanarticle.cleaners._util import line_texts, text_lines
from cleanarticle.evidence import Evidence, deletes
from cleanarticle.lexicon import LATIN_WORD, count_words, counts_are_english, zipf
from cleanarticle.memo import BoundedSet
from cleanarticle.model import Document
from cleanarticle.pipeline import Context, Option, cleaner

#: Shortest word the twin rule will touch; short words have too many neighbours.
MIN_TWIN_LENGTH = 5


def _prose(doc: Document) -> str:
    return "\n".join(line_texts(doc))


@lru_cache(maxsize=4)
def _words(prose: str) -> Counter[str]:
    """The prose's words, counted once for the three typo cleaners (which run in a row)."""
    return count_words(prose)


def _english(prose: str) -> bool:
    return counts_are_english(_words(prose))


def _replace_words(doc: Document, ctx: Context, fixes: dict[str, str], reason: str) -> None:
    if not fixes:
        return
    pattern = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}])(?:"
        + "|".join(map(regex.escape, fixes))
        + r")(?![\p{L}\p{M}\p{N}])"
    )
    for _, line in text_lines(doc):
        new = pattern.sub(lambda m: fixes[m.group()], line.text)
        if new != line.text:
            for wrong, right in fixes.items():
                if regex.search(
                    rf"(?<![\p{{L}}\p{{N}}]){regex.escape(wrong)}(?![\p{{L}}\p{{N}}])", line.text
                ):
                    ctx.record(
                        "replace",
                        reason.format(wrong=wrong, right=right),
                        before=wrong,
                        after=right,
                        line=line.number,
                    )
            line.text = new


def damerau1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap.

    >>> damerau1("Volkswgen", "Volkswagen"), damerau1("form", "from"), damerau1("cat", "dog")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _is_inflection(a: str, b: str) -> bool:
    short, long = sorted((a.lower(), b.lower()), key=len)
    return long in (short + "s", short + "e", short + "d") or (
        len(a) == len(b) and short[:-1] == long[:-1] and {short[-1], long[-1]} <= {"s", "y"}
    )


#: Words of texts seen so far that wordfreq knows (in any letter case): most words of a text
#: are, and asking this set is cheaper than lower-casing the word to ask wordfreq's cache.
_KNOWN_WORDS: BoundedSet[str] = BoundedSet(200_000)


def _is_known(word: str) -> bool:
    """Whether wordfreq knows ``word`` (remembered when it does)."""
    if zipf(word.lower()) == 0:
        return False
    _KNOWN_WORDS.add(word)
    return True


def twin_fixes(
    counts: Counter[str],
    protected: frozenset[str] = frozenset(),
    min_length: int = MIN_TWIN_LENGTH,
    evidence: Evidence | None = None,
) -> dict[str, str]:
    """Unknown words with exactly one near twin that is a known or a more frequent word.

    Only the unknown words (usually a handful) are indexed by their one-letter deletions;
    each word of the text is then looked up against that index once. Words of other
    documents (``evidence``) count too, found through the evidence's own index.

    >>> twin_fixes(Counter({"Volkswagen": 3, "Volkswgen": 1, "Okonjo": 1}))
    {'Volkswgen': 'Volkswagen'}
    """
    unknown = [
        w
        for w in counts
        if w not in _KNOWN_WORDS
        and len(w) >= min_length
        and not _is_known(w)
        and w.lower() not in protected
    ]
    if not unknown:
        return {}

    def total(word: str) -> int:
        return counts[word] + (evidence.get(word) if evidence is not None else 0)

    def is_twin(word: str, other: str) -> bool:
        return (
            other != word
            and other[0].isupper() == word[0].isupper()
            and damerau1(word, other)
            and not _is_inflection(word, other)
            and (zipf(other.lower()) > 0 or total(other) > total(word))
        )

    index: dict[str, list[str]] = defaultdict(list)
    for word in unknown:
        for key in deletes(word):
            index[key].append(word)
    lengths = {len(w) + d for w in unknown for d in (-1, 0, 1)}
    capitals = {w[0].isupper() for w in unknown}
    twins: dict[str, set[str]] = defaultdict(set)
    for other in counts:
        if len(other) not in lengths or other[0].isupper() not in capitals:
            continue  # cannot be one edit away from an unknown word of the same case
        for key in deletes(other):
            for word in index.get(key, ()):
                if is_twin(word, other):
                    twins[word].add(other)
    if evidence is not None:
        for word in unknown:
            twins[word].update(other for other in evidence.near(word) if is_twin(word, other))
    return {word: min(found) for word, found in twins.items() if len(found) == 1}


@cleaner(
    "CA501",
    "twin-typos",
    "Fix an unknown word one edit away from a word used elsewhere.",
    options=(Option("min-length", MIN_TWIN_LENGTH, "shortest word that can be a typo"),),
)
def twin_typos(doc: Document, ctx: Context) -> None:
    """An unknown word (not in wordfreq's English list) of five letters or more (option
    ``min-length``), one edit away from exactly one other word of the same text (or of
    documents cleaned together) that is a known word or more frequent, is that word
    misspelled. Plural and other one-letter inflections are not typos. English text only;
    protected words are never changed. Names with no near twin (``Okonjo``, ``Wróbel``)
    are left alone.

    Example::

        Volkswagen said ... a Volkswgen dealer said   ->   ... a Volkswagen dealer said
    """
    prose = _prose(doc)
    if not _english(prose):
        return
    protected = frozenset(w.lower() for w in ctx.config.protected_words)
    found = twin_fixes(_words(prose), protected, int(ctx.option("min-length")), doc.evidence)
    fixes = {w: t for w, t in found.items() if w in prose}
    _replace_words(doc, ctx, fixes, "{wrong!r} is unknown; its twin {right!r} is in the text")


_POSSESSIVE = regex.compile(
    r"(?<![\p{L}\p{M}])(?P<base>\p{Latin}{2,})s(?P<mark>['’])s(?![\p{L}\p{M}])"
)


_S_APOSTROPHE_S = re.compile(r"s['’]s")


def _possessives(prose: str) -> Iterator[regex.Match[str]]:
    """``_POSSESSIVE`` matches, found from each ``s's`` back to the start of its word (the
    pattern run over the whole text would be tried at every letter).

    >>> [m.group() for m in _possessives("Angela Merkels's cabinet and Texas’s, not s's")]
    ["Merkels's", 'Texas’s']
    """
    for hit in _S_APOSTROPHE_S.finditer(prose):
        start = hit.start()
        while start > 0 and (prose[start - 1].isalpha() or _is_mark(prose[start - 1])):
            start -= 1
        found = _POSSESSIVE.match(prose, start)
        if found is not None and found.end() == hit.end():
            yield found


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


@cleaner("CA502", "doubled-possessive", "Fix 'Xs's' when 'X' is the known word and 'Xs' is rare.")
def doubled_possessive(doc: Document, ctx: Context) -> None:
    """``Merkels's`` is ``Merkel's`` misspelled when ``merkel`` is a known word, ``merkels`` is
    rare in English and the text never writes ``Merkels`` on its own. ``Williams's``, ``James's``
    and ``Texas's`` stay: there the ``s`` belongs to the name.

    Example::

        Angela Merkels's cabinet   ->   Angela Merkel's cabinet
    """
    prose = _prose(doc)
    if ("s's" not in prose and "s’s" not in prose) or not _english(prose):
        return
    matches = list(_possessives(prose))
    if not matches:
        return
    words = _words(prose)
    possessives = Counter(m.group("base") + "s" for m in matches)
    protected = {w.lower() for w in ctx.config.protected_words}
    fixes: dict[str, str] = {}
    for match in matches:
        base = match.group("base")
        plural = base + "s"
        if plural.lower() in protected or words[plural] > possessives[plural]:
            continue
        if zipf(base.lower()) >= 2.5 and zipf(plural.lower()) < 2.0:
            fixes[match.group()] = base + match.group("mark") + "s"
    _replace_words(doc, ctx, fixes, "doubled possessive {wrong!r} -> {right!r}")


#: Common English misspellings (a short, conservative list; extend with Config.misspellings).
MISSPELLINGS: dict[str, str] = {
    "teh": "the",
    "recieve": "receive",
    "recieved": "received",
    "beleive": "believe",
    "belive": "believe",
    "seperate": "separate",
    "seperately": "separately",
    "occured": "occurred",
    "occurence": "occurrence",
    "untill": "until",
    "wich": "which",
    "thier": "their",
    "goverment": "government",
    "govermment": "government",
    "definately": "definitely",
    "accomodate": "accommodate",
    "acheive": "achieve",
    "acheived": "achieved",
    "adress": "address",
    "begining": "beginning",
    "calender": "calendar",
    "commitee": "committee",
    "concious": "conscious",
    "enviroment": "environment",
    "existance": "existence",
    "foriegn": "foreign",
    "independant": "independent",
    "millenium": "millennium",
    "neccessary": "necessary",
    "noticable": "noticeable",
    "publically": "publicly",
    "recomend": "recommend",
    "refered": "referred",
    "succesful": "successful",
    "tommorow": "tomorrow",
    "truely": "truly",
    "wierd": "weird",
    "arguement": "argument",
    "buisness": "business",
    "embarass": "embarrass",
    "harrass": "harass",
    "parliment": "parliament",
    "persue": "pursue",
    "priviledge": "privilege",
    "reccomend": "recommend",
}


class _Table:
    """A misspelling table (lower-case wrong word -> right word), its entries that are not
    one word, and the words seen in texts that are none of its entries."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.entries = entries
        #: The entries that are not one word (``can not``), sorted.
        self.phrases = tuple(sorted(k for k in entries if LATIN_WORD.fullmatch(k) is None))
        #: Asking this set is cheaper than lower-casing a word to ask the table.
        self.not_entries: BoundedSet[str] = BoundedSet(200_000)

    def entry(self, word: str) -> str | None:
        """The right word for ``word`` (any letter case), or ``None`` (remembered)."""
        right = self.entries.get(word.lower())
        if right is None:
            self.not_entries.add(word)
        return right


@lru_cache(maxsize=16)
def _table(extra: tuple[tuple[str, str], ...]) -> _Table:
    """``MISSPELLINGS`` with a config's own entries."""
    return _Table({**MISSPELLINGS, **{k.lower(): v for k, v in extra}})


@lru_cache(maxsize=16)
def _table_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """One pass over the text finds every word of the table (any letter case)."""
    alternatives = "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{M}}\p{{N}}])",
        regex.IGNORECASE,
    )


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[0].isupper():
        return word[0].upper() + word[1:]
    return word


@cleaner("CA503", "misspellings", "Fix common English misspellings from a short documented list.")
def misspellings(doc: Document, ctx: Context) -> None:
    """Words from ``MISSPELLINGS`` (plus ``Config.misspellings``) are corrected, keeping the
    word's capitalisation. English text only; protected words are never changed.

    Example::

        The goverment will recieve it.   ->   The government will receive it.
    """
    prose = _prose(doc)
    if not _english(prose):
        return
    table = _table(tuple(ctx.config.misspellings.items()))
    protected = {w.lower() for w in ctx.config.protected_words}
    fixes: dict[str, str] = {}
    not_entries = table.not_entries
    for word in _words(prose):  # single words: looked up among the counted words
        if word in not_entries:
            continue  # the usual word, told without a call
        right = table.entry(word)
        if right is not None and word.lower() not in protected:
            fixes[word] = _case_like(right, word)
    if table.phrases:  # anything else a user listed ("can not"): one regex pass finds them
        for match in _table_pattern(table.phrases).finditer(prose):
            word = match.group()
            if word.lower() not in protected:
                fixes[word] = _case_like(table.entries[word.lower()], word)
    _replace_words(doc, ctx, fixes, "common misspelling {wrong!r} -> {right!r}")
