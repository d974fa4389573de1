"""Shallow text features of a document's lines, after boilerpipe and jusText.

A line is described by its own shape (words, word length, capitals, digits, symbols, end
punctuation, function words, links, list markup, repetition) and by the same
of its neighbours, so that a run of short link-like lines reads as a menu and a long line
between long lines as prose. No feature names a site or a phrase of one, and none reads
what a later cleaner changes (a short line that CA203 makes a ``##`` heading reads the
same either way), so that the output, cleaned again, is judged as it was.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleanarticle.markdown import plain_text
from cleanarticle.model import Document, Kind, Line
from cleanarticle.parse import LIST_MARKER

#: Blocks whose lines are judged (code and rules are kept as they are).
JUDGED_KINDS = frozenset({Kind.PARAGRAPH, Kind.HEADING, Kind.LIST, Kind.QUOTE, Kind.TABLE})

# Function words of the major European languages: a cue of running prose, not of a site.
# fmt: off
FUNCTION_WORDS = frozenset("""
a an the and or but of to in on at for with from by as is are was were be been has have had
it its this that these those he she they we you i his her their our not no if so than then
which who what when where there here will would can could should may might do does did
der die das und oder aber von zu im in auf an für mit aus bei als ist sind war waren sein hat
haben hatte es ein eine einer eines einem einen den dem des nicht kein wenn dass wie auch sich
le la les et ou mais de du des à au aux en dans sur pour avec par est sont était être a ont
un une il elle ils nous vous ce cette ces qui que ne pas plus se son sa ses leur
el los las y o pero del al con por para es son era ser ha han un una lo que se su sus no
il lo gli e di da per con su è sono era essere ha hanno un una che non si del della
o os as e ou mas do da dos das em no na com por para é são era ser tem um uma que não se
het een en of maar van te in op aan voor met uit bij als is zijn was waren heeft hebben niet
""".split())
# fmt: on

_WORD = regex.compile(r"\w+")
_URL = regex.compile(r"https?://\S+|www\.\S+")
_MD_LINK = regex.compile(r"\[([^\]]*)\]\([^)]*\)")
_SEPARATOR = regex.compile(r"[|•·›»/>\\]")
_YEAR_OR_TIME = regex.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}:\d\d\b")
#: What ends a sentence (or a line of running text: a quote, a bracket) at a line's end.
TERMINAL = frozenset(".!?。！？…\"”»')’:;")

#: Names of the features, in the order ``features`` gives them (the model file lists them
#: too, and loading checks that they agree).
OWN = (
    "log_words",
    "word_length",
    "capitalised",
    "digits",
    "symbols",
    "terminal",
    "short_lower",
    "function_words",
    "list_item",
    "link_share",
    "separators",
    "upper_letters",
    "sentences",
    "repeated",
    "year_or_time",
    "copyright_or_at",
)
NEIGHBOUR = ("log_words", "terminal", "function_words", "link_share", "list_item")
OFFSETS = (-2, -1, 1, 2)
WINDOW = 5
#: Features given relative to the document (minus their median over its prose-length lines)
#: rather than as they are, so that a language's own shape (German capitalises nouns, its
#: words are long) is not read as junk.
RELATIVE = ("word_length", "capitalised", "short_lower", "upper_letters")
NAMES: tuple[str, ...] = (
    tuple(f"{name}-doc" if name in RELATIVE else name for name in OWN)
    + tuple(f"{name}@{o:+d}" for o in OFFSETS for name in NEIGHBOUR)
    + (
        "window_log_words",
        "window_terminal",
        "window_function_words",
        "position",
        "words_before",
        "words_after",
    )
)
_MISSING = -1.0


@dataclass(frozen=True, slots=True)
class Unit:
    """One judged line: where it stands and the text a reader sees of it."""

    line: Line
    kind: Kind
    text: str


def units(doc: Document) -> list[Unit]:
    """The document's judged lines in order: every line of its prose, list, quote and table
    blocks, as plain text (inline markup and list markers removed)."""
    found = []
    for block in doc.blocks:
        if block.kind not in JUDGED_KINDS:
            continue
        for line in block.lines:
            text = line.text
            if block.kind is Kind.LIST:
                text = LIST_MARKER.sub("", text, count=1).lstrip()
            elif block.kind is Kind.QUOTE:
                text = text.lstrip("> ")
            found.append(Unit(line, block.kind, plain_text(text)))
    return found


def _own(unit: Unit, raw: str, repeats: int) -> list[float]:
    text = unit.text
    words = _WORD.findall(text)
    n = len(words) or 1
    # character classes counted by str methods mapped in C (a Python loop per character
    # cost most of the classifier's time on long paragraphs)
    spaces = sum(map(str.isspace, text))
    total = (len(text) - spaces) or 1
    letters = sum(map(str.isalpha, text))
    link_chars = sum(len(m.group(0)) for m in _MD_LINK.finditer(raw)) if "](" in raw else 0
    if "http" in text or "www." in text:
        link_chars += sum(len(m.group(0)) for m in _URL.finditer(text))
    stripped = text.rstrip()
    return [
        math.log1p(len(words)),
        sum(map(len, words)) / n,
        sum(w[0].isupper() for w in words) / n,
        sum(map(str.isdigit, text)) / total,
        (len(text) - spaces - sum(map(str.isalnum, text))) / total,
        float(bool(stripped) and stripped[-1] in TERMINAL),
        sum(len(w) <= 3 and w.islower() for w in words) / n,
        sum(w.lower() in FUNCTION_WORDS for w in words) / n,
        float(unit.kind is Kind.LIST),
        min(1.0, link_chars / max(1, len(raw))),
        float(len(_SEPARATOR.findall(text))),
        sum(map(str.isupper, text)) / letters if letters else 0.0,
        float(text.count(". ") + text.count("! ") + text.count("? ")),
        float(repeats > 1),
        float(_YEAR_OR_TIME.search(text) is not None),
        float("©" in text or "@" in text),
    ]


_INDEX = {name: i for i, name in enumerate(OWN)}
_PICK = tuple(_INDEX[name] for name in NEIGHBOUR)
_RELATIVE = tuple(_INDEX[name] for name in RELATIVE)
#: Lines of at least this many words set the document's medians (all lines, if none has).
PROSE_WORDS = 8


def _median(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def features(found: Sequence[Unit]) -> list[list[float]]:
    """One row of ``NAMES`` per unit."""
    keys = [u.text.strip().casefold() for u in found]
    counts = Counter(keys)
    own = [_own(u, u.line.text, counts[key]) for u, key in zip(found, keys, strict=True)]
    n = len(own)
    words = [math.expm1(row[0]) for row in own]
    prose = [row for row, w in zip(own, words, strict=True) if w >= PROSE_WORDS] or own
    medians = [_median([row[k] for row in prose]) for k in _RELATIVE] if own else []
    total_words = sum(words) or 1.0
    before = 0.0
    rows = []
    for i, row in enumerate(own):
        out = list(row)
        for k, median in zip(_RELATIVE, medians, strict=True):
            out[k] = row[k] - median
        for offset in OFFSETS:
            j = i + offset
            if 0 <= j < n:
                out.extend(own[j][k] for k in _PICK)
            else:
                out.extend(_MISSING for _ in _PICK)
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        window = own[lo:hi]
        out.append(sum(r[0] for r in window) / len(window))
        out.append(sum(r[5] for r in window) / len(window))
        out.append(sum(r[7] for r in window) / len(window))
        out.append(i / (n - 1) if n > 1 else 0.5)
        out.append(math.log1p(before))
        out.append(math.log1p(total_words - before - words[i]))
        before += words[i]
        rows.append(out)
    return rows
