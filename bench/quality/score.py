"""The scorers: word 4-gram shingles, snippets, clean controls, metadata fields.

The shingle metric is the ScrapingHub article-extraction benchmark's: tokens are ``\\w+``
runs (case kept); per document ``tp = Σ min(count_true, count_pred)`` over 4-grams;
precision is the mean over documents with any output, recall the mean over all, and F1
is the harmonic mean of the two means.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

TOKEN = regex.compile(r"\w+")
N = 4


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def shingles(text: str, n: int = N) -> Counter[tuple[str, ...]]:
    """Word n-grams with their counts; a text shorter than n words is one shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Match:
    """One document's shingle counts against its truth."""

    tp: int
    predicted: int
    true: int
    #: body shingles the input (the dump) held, and how many of those the output kept
    available: int = 0
    kept: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float:
        return self.tp / self.true if self.true else 1.0


def match(true: str, predicted: str, source: str | None = None) -> Match:
    """Score ``predicted`` against ``true``; with ``source``, also what it kept of it."""
    t, p = shingles(true), shingles(predicted)
    tp = sum((t & p).values())
    available = kept = 0
    if source is not None:
        in_source = t & shingles(source)
        available = sum(in_source.values())
        kept = sum((in_source & p).values())
    return Match(tp, sum(p.values()), sum(t.values()), available, kept)


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    kept: float | None
    documents: int


def summarise(matches: Sequence[Match]) -> Summary:
    """Means over documents: precision over those with output, recall over all."""
    precisions = [m.precision for m in matches if m.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(m.recall for m in matches) / len(matches) if matches else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kept_docs = [m.kept / m.available for m in matches if m.available]
    kept = sum(kept_docs) / len(kept_docs) if kept_docs else None
    return Summary(precision, recall, f1, kept, len(matches))


_IMAGE = regex.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = regex.compile(r"<(?:https?|mailto):[^>\s]*>")


def reader_text(markdown: str) -> str:
    """The words a reader sees of Markdown: link and image destinations dropped, their
    texts kept. Applied alike to every output and dump before scoring, so that a URL
    written as a link destination counts as markup, not as words.

    >>> reader_text("See [the report](https://e.com/a-b) and ![a map](m.png) <https://x.y>")
    'See the report and a map '
    """
    return _AUTOLINK.sub("", _LINK.sub(r"\1", _IMAGE.sub(r"\1", markdown)))


# Snippets ---------------------------------------------------------------------------------


def folded_words(text: str) -> str:
    """Lower-cased words joined by single spaces, with spaces at both ends (for ``in``)."""
    return " " + " ".join(w.casefold() for w in tokens(text)) + " "


def present(snippet: str, haystack_words: str) -> bool:
    """Whether the snippet's words occur in order, adjacent, in the folded text."""
    words = folded_words(snippet)
    return words.strip() != "" and words in haystack_words


def snippet_counts(snippets: Iterable[str], source: str, output: str) -> tuple[int, int]:
    """Of the snippets the source holds: how many, and how many the output still holds."""
    src, out = folded_words(source), folded_words(output)
    found = [s for s in snippets if present(s, src)]
    return len(found), sum(present(s, out) for s in found)


# Clean controls ---------------------------------------------------------------------------

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")


def _fold_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).translate(_QUOTES)
    line = "".join(c for c in line if unicodedata.category(c) not in _INVISIBLE or c == "\t")
    return "" if _RULE.fullmatch(line) else _HEADING.sub("", line)


#: A thematic break (``___``, ``* * *``): markup, as a heading's ``#`` is, in any of its forms.
_RULE = regex.compile(r" {0,3}([-_*])(?:[ \t]*\1){2,}[ \t]*")


@dataclass(frozen=True)
class ControlResult:
    ok: bool
    why: str = ""


def _units(text: str, soft_breaks: bool) -> tuple[list[str], set[int], set[int]]:
    """Words of a text, and the word positions where a paragraph (hard) or a line of the
    text's own (soft) begins."""
    words: list[str] = []
    hard: set[int] = set()
    soft: set[int] = set()
    blank = True
    # a line or paragraph separator breaks the line (it is no invisible character)
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    for line in text.split("\n"):
        folded = _fold_line(line)
        line_words = tokens(folded)
        if not folded.strip():
            blank = True
            continue
        if words and line_words:
            (hard if blank else soft).add(len(words))
        if line_words:
            blank = False
        words.extend(line_words)
    return words, hard, soft if soft_breaks else set()


def check_control(original: str, output: str) -> ControlResult:
    """Whether ``output`` has the same words in the same paragraphs as ``original``.

    Forgiven: quote style, invisible characters, heading markers, how a thematic break is
    written, and a paragraph split or joined at one of the original's own line breaks.
    Nothing else.
    """
    want, want_hard, want_soft = _units(original, soft_breaks=True)
    got, got_hard, got_soft = _units(output, soft_breaks=True)
    if want != got:
        i = next((k for k, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), None)
        if i is None:
            i = min(len(want), len(got))
        return ControlResult(
            False,
            f"words differ at word {i}: "
            f"{' '.join(want[i : i + 6])!r} -> {' '.join(got[i : i + 6])!r}",
        )
    breaks = got_hard | got_soft
    lost = sorted(want_hard - breaks)
    if lost:
        return ControlResult(
            False, f"paragraphs joined before {' '.join(want[lost[0] : lost[0] + 6])!r}"
        )
    invented = sorted(breaks - want_hard - want_soft)
    if invented:
        k = invented[0]
        return ControlResult(False, f"paragraph split before {' '.join(want[k : k + 6])!r}")
    return ControlResult(True)


def hard_wrap(text: str, width: int) -> str:
    """Wrap every line of a text at ``width`` columns, as scrapers and mail clients do."""
    import textwrap

    out = []
    for line in text.split("\n"):
        out.append(
            textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
            if line.strip()
            else ""
        )
    return "\n".join(out)


# Metadata ---------------------------------------------------------------------------------

_SPACE = regex.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―"})


def fold_title(title: str | None) -> str:
    return _SPACE.sub(
        " ", unicodedata.normalize("NFKC", title or "").translate(_QUOTES).translate(_DASHES)
    ).strip()


_NAME_SPLIT = regex.compile(r"\s*(?:[,;|/&]|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", regex.I)
_BY = regex.compile(r"^(?:by|von|par|por|di|door)\s+", regex.I)


def fold_name(name: str) -> str:
    """A person's name for comparison: no accents, case or punctuation."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(tokens(name.casefold()))


def author_set(authors: str | Iterable[str] | None) -> frozenset[str]:
    """Normalised names: a string is split at commas, ``and``, ``&``, ``;`` and ``|``."""
    if not authors:
        return frozenset()
    parts: list[str] = []
    items = [authors] if isinstance(authors, str) else list(authors)
    for item in items:
        parts.extend(_NAME_SPLIT.split(_BY.sub("", item.strip())))
    if not all(item.isupper() for item in items):  # in capitals, names look like credentials
        names = [p for p in parts if not _CREDENTIALS.match(p.strip())]
        parts = names or parts
    return frozenset(f for f in (fold_name(p) for p in parts) if f)


#: Letters after a name (``MS, RD``, ``Ph.D.``, ``CFP®``, ``M.D. FACLM``): credentials, which
#: are not names (issue #17: "no job titles, credentials"), left out on either side of the
#: comparison unless there is nothing else (``JWU``).
_CREDENTIALS = regex.compile(
    r"^(?:(?:\p{Lu}{2,6}|(?:\p{Lu}\p{Ll}?\.){1,3}|Ph\.?\s?D\.?)[®™]?(?:\s+|$))+$"
)


def same_date(true: str | None, found: object) -> bool:
    return bool(true) and str(found or "")[:10] == true[:10]


#: Month names (and their common abbreviations, by their first three letters) in the
#: languages of the development pages, to tell whether a dump shows a date at all.
_MONTHS = [
    "jan feb mar apr may jun jul aug sep oct nov dec",  # English
    "jan feb mär apr mai jun jul aug sep okt nov dez",  # German
    "jan fév mar avr mai jui jui aoû sep oct nov déc",  # French
    "ene feb mar abr may jun jul ago sep oct nov dic",  # Spanish
    "gen feb mar apr mag giu lug ago set ott nov dic",  # Italian
    "jan fev mar abr mai jun jul ago set out nov dez",  # Portuguese
    "jan feb maa apr mei jun jul aug sep okt nov dec",  # Dutch
    "sty lut mar kwi maj cze lip sie wrz paź lis gru",  # Polish
]
_MONTH_WORD = regex.compile(r"\p{L}{3,}")
_NUMBER = regex.compile(r"(?<!\d)\d{1,2}(?!\d)")


def shows_date(text: str, iso: str | None) -> bool:
    """Whether ``text`` writes the date ``iso`` (YYYY-MM-DD) somewhere: its year with its
    day and its month (as a number or a name) within a few words of it."""
    if not iso or not regex.match(r"\d{4}-\d\d-\d\d", iso):
        return False
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False  # a truth date such as 2019-00-00 shows nothing
    names = {line.split()[month - 1] for line in _MONTHS}
    for found in regex.finditer(rf"(?<!\d){year}(?!\d)", text):
        window = text[max(0, found.start() - 30) : found.end() + 30].casefold()
        numbers = {int(n) for n in _NUMBER.findall(window.replace(year, " "))}
        if day not in numbers:
            continue
        months = {w[:3] for w in _MONTH_WORD.findall(window)}
        if month in numbers - {day} or names & months or (month == day and day in numbers):
            return True
    return False


def shows_title(text: str, title: str | None) -> bool:
    """Whether a line of ``text`` is the title (folded as ``fold_title``)."""
    wanted = fold_title(title).casefold()
    return bool(wanted) and any(
        fold_title(line.strip(" #*")).casefold() == wanted for line in text.splitlines()
    )


def shows_authors(text: str, authors: str | None) -> bool:
    """Whether every author name of the truth is written in ``text``."""
    names = author_set(authors)
    folded = fold_name(text)
    return bool(names) and all(name in folded for name in names)
