"""Typo fixes that need strong evidence: a near twin in the text, a doubled possessive, a list."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from cleanarticle.cleaners._util import NOT_CODE, line_texts, text_lines
from cleanarticle.evidence import Evidence
from cleanarticle.lexicon import (
    LATIN_WORD,
    commonest_words,
    count_words,
    counts_are_english,
    zipf,
)
from cleanarticle.model import Document
from cleanarticle.pipeline import Context, Option, cleaner

#: Shortest word the twin rule will touch; short words have too many neighbours.
MIN_TWIN_LENGTH = 5
#: Blocks whose words are evidence and may be fixed: every block but code.
WORD_KINDS = NOT_CODE

_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Each lower-case letter's neighbouring keys on a QWERTY keyboard, whose rows are
    staggered: beside it in its row, the two above it and the two below it."""
    rows = [dict(enumerate(row)) for row in _KEY_ROWS]
    near: dict[str, frozenset[str]] = {}
    for r, row in enumerate(_KEY_ROWS):
        for i, char in enumerate(row):
            spots = ((r, i - 1), (r, i + 1), (r - 1, i), (r - 1, i + 1), (r + 1, i - 1), (r + 1, i))
            near[char] = frozenset(
                rows[r2][i2] for r2, i2 in spots if 0 <= r2 < len(rows) and i2 in rows[r2]
            )
    return near


#: Last letters that inflect a word (plural ``-s``, past ``-d``, comparative ``-r``):
#: a word and the same word with one of them are two words, not a slip.
INFLECTIONS = frozenset("sdr")

#: A slip of the finger hits a neighbouring key: ``s`` -> ``a d w e z x``.
NEIGHBOURS = _keyboard_neighbours()


def _words(doc: Document) -> Counter[str]:
    """The document's words (every block but code, and the title), counted once for the
    three typo cleaners, which run in a row (the count is kept on the document while its
    text stays the same)."""
    prose = "\n".join([doc.metadata.title, *line_texts(doc, WORD_KINDS)])
    cached = doc.word_cache
    if cached is not None and cached[0] == prose:
        return cached[1]
    counts = count_words(prose)
    doc.word_cache = (prose, counts)
    return counts


#: Fewest words of a line whose words may all be fixed (see ``_fixable``).
PROSE_WORDS = 2


def _fixable(text: str, alone: Container[str]) -> Container[str] | None:
    """Which words of a line a typo fix may change: none in a line with a URL; in a line
    of one word, only the words of ``alone`` (a word alone on a line is a handle, a label
    or code more often than a sentence's word); else all (``None``).

    >>> _fixable("A Volkswgen dealer said so.", ()), _fixable("- teh", ())
    (None, ())
    >>> _fixable("@prefix pplan: <http://purl.org/net/p-plan#> .", ())
    ()
    """
    if "://" in text:
        return ()
    if len(LATIN_WORD.findall(text)) >= PROSE_WORDS:
        return None
    return alone


#: Characters that join a word to code: ``nonnnull()``, ``pg_duckdb``, ``$HOME``.
_CODE_BEFORE = frozenset("_/\\=<>@#$`{[.")
_CODE_AFTER = frozenset("_/\\=<>@#$`{[(")


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is joined to code characters, as an
    identifier is (``nonnnull()``): a fix would break the name, not mend a word.

    >>> _in_code("we add the nonnnull() attribute", 11, 19), _in_code("a word, here", 2, 6)
    (True, False)
    """
    return (start > 0 and text[start - 1] in _CODE_BEFORE) or (
        end < len(text) and text[end] in _CODE_AFTER
    )


#: ASCII punctuation around a word in a token (``said,`` ``(Reuters)``).
_PUNCTUATION = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())


def _tokens_with(
    fixes: dict[str, str], find: Callable[[str], Iterable[regex.Match[str]]], tokens: list[str]
) -> set[str]:
    """The distinct whitespace-separated tokens in which ``find`` finds a word to fix: a
    line none of whose tokens is one of them is not read again. A token of ASCII letters
    between punctuation is told by one look-up; other tokens go through ``find``.

    >>> sorted(_tokens_with({"Volkswgen": "Volkswagen"}, LATIN_WORD.finditer,
    ...                     "A Volkswgen, (Volkswgen-Händler) dealer".split()))
    ['(Volkswgen-Händler)', 'Volkswgen,']
    """
    needles = set()
    for token in set(tokens):
        core = token.strip(_PUNCTUATION)
        if core in fixes or (
            not (core.isascii() and core.isalpha())
            and any(match.group() in fixes for match in find(token))
        ):
            needles.add(token)
    return needles


def _replace_words(
    doc: Document,
    ctx: Context,
    fixes: dict[str, str],
    reasons: dict[str, str],
    find: Callable[[str], Iterable[regex.Match[str]]] = LATIN_WORD.finditer,
    alone: Container[str] = (),
    within_tokens: bool = True,
) -> None:
    """Replace the spans ``find`` finds (default: whole words) through one dict look-up
    each, line by line, and record one edit per fixed word and line (``_fixable`` says
    where). No pattern is built for the fixes: the time is linear in the text, however
    many fixes there are. ``within_tokens``: every span lies inside one whitespace-separated
    token (not so for phrases), so a line whose tokens hold none is skipped unread."""
    if not fixes:
        return
    lines = [line for _, line in text_lines(doc, WORD_KINDS)]
    tokens = "\n".join(line.text for line in lines).split() if within_tokens else []
    needles = _tokens_with(fixes, find, tokens)
    for line in lines:
        if within_tokens and needles.isdisjoint(line.text.split()):
            continue  # no whitespace-separated token of the line holds a word to fix
        only = _fixable(line.text, alone)
        if only is not None and not only:
            continue
        text, parts, found, end = line.text, [], [], 0
        for match in find(text):
            right = fixes.get(match.group())
            if (
                right is not None
                and (only is None or match.group() in only)
                and not _in_code(text, match.start(), match.end())
            ):
                parts += [text[end : match.start()], right]
                found.append(match.group())
                end = match.end()
        if found:
            for wrong in dict.fromkeys(found):
                ctx.record(
                    "replace", reasons[wrong], before=wrong, after=fixes[wrong], line=line.number
                )
            line.text = "".join(parts) + text[end:]


@dataclass(frozen=True)
class Slip:
    """How ``wrong`` differs from ``right`` by one slip of the finger, at letter ``at``
    (0-based) of the longer word."""

    kind: str  # "dropped", "added", "swapped" or "hit"
    at: int
    letter: str

    def describe(self) -> str:
        what = {"dropped": "drops", "added": "adds", "swapped": "swaps", "hit": "hits"}[self.kind]
        near = " (a neighbouring key)" if self.kind == "hit" else ""
        return f"{what} {self.letter!r} at letter {self.at + 1}{near}"


def slip(wrong: str, right: str) -> Slip | None:
    """How ``wrong`` is ``right`` typed with one slip, or ``None`` when it is not one:

    - never at the first letter, never a change of letter case, lower-case letters only;
    - a letter dropped, but not a doubled last letter (``Zelensky``/``Zelenskyy`` spell
      one name two ways) or an inflection's (``xenobot``/``xenobots``);
    - a letter added, not at the end (``rust``/``rustc``, ``broth``/``brothy`` are other
      words), that doubles a neighbour or is a key next to one;
    - two neighbouring letters swapped;
    - a letter hit as its neighbouring key on the keyboard (``Volkswagem``), at the last
      letter only in a capitalised word (``rebases``/``rebased`` are inflections);
      other substitutions are how one name is transliterated (``Kasparow``, ``Dmitri``/
      ``Dmitry``) or accented (``Wróbel``).

    >>> slip("Volkswgen", "Volkswagen"), slip("Kasparow", "Kasparov"), slip("rustc", "rust")
    (Slip(kind='dropped', at=6, letter='a'), None, None)
    >>> slip("Volkswagem", "Volkswagen").describe()
    "hits 'm' at letter 10 (a neighbouring key)"
    """
    if wrong[:1] != right[:1] or abs(len(wrong) - len(right)) > 1 or wrong == right:
        return None
    i = 1
    while i < min(len(wrong), len(right)) and wrong[i] == right[i]:
        i += 1
    if len(wrong) < len(right):  # a letter of right dropped
        if right[i + 1 :] != wrong[i:] or not right[i].islower():
            return None
        if i == len(right) - 1 and (right[i] == right[i - 1] or right[i] in INFLECTIONS):
            return None  # Zelensky, Zelenskyy: one name; xenobot, xenobots: one word
        return Slip("dropped", i, right[i])
    if len(wrong) > len(right):  # a letter added
        added = wrong[i]
        if wrong[i + 1 :] != right[i:] or i == len(wrong) - 1 or not added.islower():
            return None
        beside = {wrong[i - 1].lower(), wrong[i + 1].lower()}
        if added not in beside and not any(added in NEIGHBOURS.get(c, ()) for c in beside):
            return None
        return Slip("added", i, added)
    if wrong[i + 1 :] == right[i + 1 :]:  # one letter hit as another
        a, b = wrong[i], right[i]
        if not (a.islower() and b.islower()) or a not in NEIGHBOURS.get(b, ()):
            return None
        if i == len(wrong) - 1 and not wrong[0].isupper():
            return None
        return Slip("hit", i, a)
    if (
        i + 1 < len(wrong)
        and wrong[i] == right[i + 1]
        and wrong[i + 1] == right[i]
        and wrong[i + 2 :] == right[i + 2 :]
        and wrong[i].islower()
        and wrong[i + 1].islower()
    ):
        return Slip("swapped", i, wrong[i : i + 2])
    return None


def _candidates(wrong: str) -> Iterator[str]:
    """Every word that ``slip`` could find ``wrong`` a slip of (a superset: ``slip``
    decides), without an index of the corpus: the word's own letters rearranged by one
    edit, and ASCII lower-case letters inserted or substituted."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = len(wrong)
    for i in range(1, n):
        yield wrong[:i] + wrong[i + 1 :]  # wrong added a letter
        if i + 1 < n:
            yield wrong[:i] + wrong[i + 1] + wrong[i] + wrong[i + 2 :]  # swapped
        for char in NEIGHBOURS.get(wrong[i], ()):
            yield wrong[:i] + char + wrong[i + 1 :]  # hit a neighbour of the right letter
    for i in range(1, n + 1):
        for char in letters:
            yield wrong[:i] + char + wrong[i:]  # wrong dropped a letter


#: How much more word-like (mean log-probability per letter trigram) the twin must read
#: than the candidate when both are written as often and neither is a known word.
TIE_MARGIN = 0.5


@cache
def _trigrams() -> tuple[Counter[str], Counter[str]]:
    """Letter trigram and bigram counts of wordfreq's 50,000 commonest English words (each
    word once, with ``^`` and ``$`` at its ends): how English spelling strings letters."""
    trigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for word in commonest_words(50_000):
        if word.isascii() and word.isalpha():
            padded = f"^{word}$"
            for i in range(len(padded) - 2):
                trigrams[padded[i : i + 3]] += 1
                bigrams[padded[i : i + 2]] += 1
    return trigrams, bigrams


def wordlike(word: str) -> float:
    """Mean log-probability of ``word``'s letter trigrams under English spelling
    (``_trigrams``, add-0.1 smoothing): a slip of the finger usually strings letters as
    words seldom do.

    >>> wordlike("Lingopie") > wordlike("Lingkpie") + TIE_MARGIN
    False
    >>> wordlike("Erigon") > wordlike("Erigojn") + TIE_MARGIN
    True
    """
    trigrams, bigrams = _trigrams()
    padded = f"^{word.lower()}$"
    steps = len(padded) - 2
    return (
        sum(
            math.log((trigrams[padded[i : i + 3]] + 0.1) / (bigrams[padded[i : i + 2]] + 2.7))
            for i in range(steps)
        )
        / steps
    )


def _is_word(word: str) -> bool:
    return zipf(word.lower()) > 0


def twin_fixes(
    counts: Counter[str],
    protected: frozenset[str] = frozenset(),
    min_length: int = MIN_TWIN_LENGTH,
    evidence: Evidence | None = None,
) -> dict[str, tuple[str, str, bool]]:
    """Each word that is a slip of exactly one other word, with that word, the evidence,
    and whether the evidence is strong (the twin is known or written more often; weak: the
    two are written as often, and the twin reads more like a word).

    A word is a candidate when it is written once, is unknown to wordfreq (English) and is
    not protected. Its twin must have ``min_length`` letters or more, be ``slip``'s kind of
    neighbour, be written in the text or in the corpus (``evidence``), and be a known word,
    or written more often than the candidate, or as often and read more like a word
    (``wordlike``, by ``TIE_MARGIN``); and it must not be, written once, a slip of a third
    word by the same test (in a cluster of rare names, ``Fatfo`` fixed to ``Fatfi`` would
    be fixed to ``Fatri`` when the output is cleaned again). Every candidate's possible
    twins are looked up in the counts: linear in the number of distinct words, with no
    index.

    >>> twin_fixes(Counter({"Volkswagen": 3, "Volkswgen": 1, "Okonjo": 1}))["Volkswgen"][0]
    'Volkswagen'
    """

    def total(word: str) -> int:
        """How often ``word`` is written: in the document, or in the corpus (which
        holds the document when they are cleaned together), whichever is more."""
        here = counts.get(word, 0)
        return max(here, evidence.get(word)) if evidence is not None else here

    def could_be_slip(word: str, n: int) -> bool:
        return n == 1 and len(word) >= min_length - 1 and word.lower() not in protected

    def twins_of(wrong: str, wrong_total: int) -> dict[str, Slip]:
        twins: dict[str, Slip] = {}
        for right in _candidates(wrong):
            right_total = total(right)
            if right_total == 0 or right in twins or len(right) < min_length:
                continue
            how = slip(wrong, right)
            if how is not None and (
                right_total > wrong_total
                or _is_word(right)
                or (right_total == wrong_total and wordlike(right) >= wordlike(wrong) + TIE_MARGIN)
            ):
                twins[right] = how
        return twins

    fixes: dict[str, tuple[str, str, bool]] = {}
    for wrong, n in counts.items():
        if not could_be_slip(wrong, n) or _is_word(wrong):
            continue
        twins = twins_of(wrong, total(wrong))
        if len(twins) != 1:
            continue
        [(right, how)] = twins.items()
        after = counts.get(right, 0) + 1  # how often the text writes it, once fixed
        if (
            could_be_slip(right, after)
            and not _is_word(right)
            and len(twins_of(right, max(after, total(right)))) == 1
        ):
            continue  # a slip of a third word itself: fixed, the text would change again
        here, there = counts.get(right, 0), evidence.get(right) if evidence is not None else 0
        seen = f"{here}\u00d7 here" + (f", {there}\u00d7 in the corpus" if there else "")
        strong = True
        if _is_word(right):
            known = f"Zipf {zipf(right.lower()):.1f}"
        elif total(right) > 1:
            known = "unknown to wordfreq"
        else:
            strong = False
            known = f"reads more like a word: {wordlike(right):.2f} against {wordlike(wrong):.2f}"
        fixes[wrong] = (
            right,
            f"{wrong!r} (once, unknown to wordfreq) {how.describe()} of {right!r} "
            f"({seen}; {known})",
            strong,
        )
    return fixes


@cleaner(
    "CA501",
    "twin-typos",
    "Fix an unknown word one slip of the finger from a word used elsewhere.",
    options=(Option("min-length", MIN_TWIN_LENGTH, "shortest word a typo is fixed to"),),
)
def twin_typos(doc: Document, ctx: Context) -> None:
    """A word written once, unknown to wordfreq's English list, that is one slip of the
    finger from exactly one word of five letters or more (option ``min-length``) of the
    same text (or of documents cleaned together) that is known or written more often, is
    that word misspelled. When the two are written as often and neither is known, the
    twin must read more like an English word (letter trigrams), and a word alone on a
    line is left. A slip drops, adds or swaps a letter, or hits a neighbouring key,
    never at the first letter and never a change of case; a doubled or inflecting last
    letter, a letter added at the end, or a letter substituted by one that is not beside it
    on the keyboard is how names and words differ (``Zelensky``/``Zelenskyy``,
    ``xenobot``/``xenobots``, ``rust``/``rustc``, ``Kasparow``/``Kasparov``), not a slip.
    The edit states the evidence. English text only; protected words, words in code
    (``nonnnull()``), lines with a URL and words written twice are never changed.

    Example::

        Volkswagen said ... a Volkswgen dealer said   ->   ... a Volkswagen dealer said
    """
    words = _words(doc)
    if not counts_are_english(words):
        return
    protected = frozenset(w.lower() for w in ctx.config.protected_words)
    found = twin_fixes(words, protected, int(ctx.option("min-length")), doc.evidence)
    fixes = {wrong: right for wrong, (right, _, _) in found.items()}
    reasons = {wrong: why for wrong, (_, why, _) in found.items()}
    alone = {w for w, (_, _, strong) in found.items() if strong and w[0].isupper()}
    _replace_words(doc, ctx, fixes, reasons, alone=alone)


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
    words = _words(doc)
    prose = doc.word_cache[0] if doc.word_cache else ""
    if ("s's" not in prose and "s’s" not in prose) or not counts_are_english(words):
        return
    matches = list(_possessives(prose))
    if not matches:
        return
    possessives = Counter(m.group("base") + "s" for m in matches)
    protected = {w.lower() for w in ctx.config.protected_words}
    fixes: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for match in matches:
        base = match.group("base")
        plural = base + "s"
        if plural.lower() in protected or words[plural] > possessives[plural]:
            continue
        known, rare = zipf(base.lower()), zipf(plural.lower())
        if known >= 2.5 and rare < 2.0:
            fixes[match.group()] = base + match.group("mark") + "s"
            reasons[match.group()] = (
                f"doubled possessive {match.group()!r}: {base.lower()!r} is a word "
                f"(Zipf {known:.1f}), {plural.lower()!r} is rare (Zipf {rare:.1f}) "
                "and not written on its own here"
            )
    _replace_words(doc, ctx, fixes, reasons, _possessives)


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
    """A misspelling table (lower-case wrong word -> right word) and its entries that are
    not one word."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.entries = entries
        #: The entries that are not one word (``can not``), sorted.
        self.phrases = tuple(sorted(k for k in entries if LATIN_WORD.fullmatch(k) is None))


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
    words = _words(doc)
    if not counts_are_english(words):
        return
    table = _table(tuple(ctx.config.misspellings.items()))
    protected = {w.lower() for w in ctx.config.protected_words}
    fixes: dict[str, str] = {}
    entries = table.entries
    for word in words:  # single words: looked up among the counted words
        right = entries.get(word.lower())
        if right is not None and word.lower() not in protected:
            fixes[word] = _case_like(right, word)
    reasons = {w: f"common misspelling {w!r} -> {r!r} (listed)" for w, r in fixes.items()}
    _replace_words(doc, ctx, fixes, reasons, alone={w for w in fixes if w[0].isupper()})
    if table.phrases:  # anything else a user listed ("can not"): one regex pass finds them
        prose = "\n".join(line_texts(doc, WORD_KINDS))
        phrases: dict[str, str] = {}
        for match in _table_pattern(table.phrases).finditer(prose):
            phrase = match.group()
            if phrase.lower() not in protected:
                phrases[phrase] = _case_like(entries[phrase.lower()], phrase)
        reasons = {w: f"common misspelling {w!r} -> {r!r} (listed)" for w, r in phrases.items()}
        find = _table_pattern(table.phrases).finditer
        _replace_words(doc, ctx, phrases, reasons, find, within_tokens=False)
