"""Hostile inputs for the speed benchmark, built of distinct lines (deterministic).

An input that repeats one line measures the memo tables, not the cleaners: after the
first line every other is a look-up. These inputs draw their lines from generated words
and names, and never give the same line twice, in one input or in any later one built
from the same ``Lines`` (a benchmark's rounds share one, so no round re-times a line).

    >>> lines = Lines(random.Random(1))
    >>> a, b = INPUTS["title-like lines"](lines, 0.01), INPUTS["title-like lines"](lines, 0.01)
    >>> first, second = set(a.split(b"\\n\\n")), set(b.split(b"\\n\\n"))
    >>> len(first) == a.count(b"\\n\\n") + 1 and not first & second
    True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

from bench import corpus

TLDS = ("com", "co.uk", "de", "org", "net", "com.au", "fr", "io")
SECTIONS = ("news", "world", "business", "sport", "politics", "culture", "tech", "opinion")


class Lines:
    """A source of generated words, names and lines that never repeats a line it gave."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()
        self.serial = 0

    def fresh(self, make: Callable[[], str]) -> str:
        """A line from ``make`` that this source never gave before."""
        while True:
            line = make()
            if line not in self.seen:
                self.seen.add(line)
                return line

    def words(self, count: int) -> list[str]:
        words, weights = corpus.vocabulary()
        return self.rng.choices(words, cum_weights=weights, k=count)

    def word(self) -> str:
        """A common word (Zipf-weighted) or, one time in three, a made-up name."""
        if self.rng.random() < 0.33:
            return corpus.name(self.rng).lower()
        return self.words(1)[0]

    def title(self) -> str:
        return " ".join(w.capitalize() for w in self.words(self.rng.randint(3, 7)))

    def url(self) -> str:
        """A news URL with an article id, as most have: distinct by construction."""
        self.serial += 1
        rng = self.rng
        site = f"{corpus.name(rng).lower()}.{rng.choice(TLDS)}"
        slug = "-".join(self.words(rng.randint(3, 8)))
        day = f"{rng.randint(2005, 2025)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"
        return f"https://www.{site}/{rng.choice(SECTIONS)}/{day}/{slug}-{self.serial:08d}"

    def articles_count(self, count: int) -> list[str]:
        """``count`` generated articles (``bench.corpus``)."""
        return [corpus.article(self.rng) for _ in range(count)]

    def articles(self, megabytes: float) -> Iterator[str]:
        """Generated articles (``bench.corpus``) until ``megabytes`` MB."""
        size = 0
        while size < megabytes * 1e6:
            text = corpus.article(self.rng)
            size += len(text.encode())
            yield text


def typeset(text: str) -> str:
    """Straight quotes as news sites print them (curly), and an apostrophe per paragraph."""
    out = []
    for para in text.split("\n\n"):
        para = para.replace(',"', ",”").replace('"', "“")
        first, space, rest = para.partition(" ")
        prose = len(para) > 100 and first.isalpha()
        out.append(f"{first}’s{space}{rest}" if prose else para)
    return "\n\n".join(out)


def _distinct(lines: Lines, make: Callable[[], str], count: int, sep: str) -> bytes:
    return sep.join(lines.fresh(make) for _ in range(count)).encode() + b"\n"


def _one_line(lines: Lines, scale: float) -> bytes:
    """50 MB of generated words on one line, a sentence end now and then."""
    target = int(50e6 * scale)
    parts: list[str] = []
    size = 0
    while size < target:
        chunk = " ".join(lines.words(10_000)).replace(" the ", ". The ")
        parts.append(chunk)
        size += len(chunk) + 1
    return (" ".join(parts)[:target] + "\n").encode()


def _whitespace(lines: Lines, scale: float) -> bytes:
    runs = lines.rng.choices([" ", "  ", "\t", "\n", " \n", "\u00a0"], k=int(0.5e6 * scale))
    return "".join(runs).encode()


def _blank_lines(lines: Lines, scale: float) -> bytes:
    first, last = lines.fresh(lines.title), lines.fresh(lines.title)
    return (f"{first}.\n" + "\n" * int(200_000 * scale) + f"{last}.\n").encode()


def _markup(lines: Lines, scale: float) -> bytes:
    """Lines of unbalanced inline markup around words (what markdown-it is slow on)."""
    rng = lines.rng

    def make() -> str:
        return "".join(rng.choice("*_[]`(") + rng.choice(["", lines.word()]) for _ in range(40))

    return _distinct(lines, make, int(5_000 * scale), "\n")


def _mojibake(lines: Lines, scale: float) -> bytes:
    """Typeset paragraphs read as cp1252 (UTF-8 bytes decoded the wrong way), then UTF-8."""
    text = "\n\n".join(lines.articles(0.75 * scale))
    return typeset(text).encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


def _articles(lines: Lines, scale: float) -> str:
    return typeset("\n\n".join(lines.articles(scale)))


def _invalid_utf8(lines: Lines, scale: float) -> bytes:
    first, second = _articles(lines, scale / 2), _articles(lines, scale / 2)
    return first.encode() + b"\xff\xfe\xc3(" + second.encode()


def _one_word_lines(lines: Lines, scale: float) -> bytes:
    return _distinct(lines, lines.word, int(200_000 * scale), "\n")


def _one_word_paragraphs(lines: Lines, scale: float) -> bytes:
    return _distinct(lines, lines.word, int(50_000 * scale), "\n\n")


def _urls(lines: Lines, scale: float) -> bytes:
    return "\n".join(lines.url() for _ in range(int(200_000 * scale))).encode() + b"\n"


def _titles(lines: Lines, scale: float) -> bytes:
    return _distinct(lines, lines.title, int(100_000 * scale), "\n\n")


def _dots(lines: Lines, scale: float) -> bytes:
    return b"." * int(1e6 * scale)


def _cp1252(lines: Lines, scale: float) -> bytes:
    return _articles(lines, scale).encode("cp1252", "replace")


def _utf16(lines: Lines, scale: float) -> bytes:
    return _articles(lines, scale / 2).encode("utf-16")


def _nul_bytes(lines: Lines, scale: float) -> bytes:
    return _articles(lines, scale).encode().replace(b". ", b".\x00 ")


def _random_bytes(lines: Lines, scale: float) -> bytes:
    return lines.rng.randbytes(int(1e6 * scale))


def _png(lines: Lines, scale: float) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + lines.rng.randbytes(int(1e6 * scale))


#: name -> maker(lines, scale); at scale 1 each has the size its name says.
INPUTS: dict[str, Callable[[Lines, float], bytes]] = {
    "one line of generated words (50 MB)": _one_line,
    "whitespace of several kinds (1 MB)": _whitespace,
    "blank lines (200,000)": _blank_lines,
    "one-word lines": _one_word_lines,
    "one-word paragraphs": _one_word_paragraphs,
    "URL lines": _urls,
    "title-like lines": _titles,
    "lines of unbalanced markup": _markup,
    "dots (1 MB)": _dots,
    "mojibake articles (1 MB)": _mojibake,
    "articles in cp1252 (1 MB)": _cp1252,
    "articles in UTF-16 with a BOM (1 MB)": _utf16,
    "articles with invalid UTF-8 in the middle (1 MB)": _invalid_utf8,
    "articles with NUL bytes (1 MB, input error)": _nul_bytes,
    "random bytes (1 MB, input error)": _random_bytes,
    "a PNG (1 MB, input error)": _png,
}
#: How many lines (or items) the inputs named by a count have at scale 1.
COUNTS = {
    "one-word lines": 200_000,
    "one-word paragraphs": 50_000,
    "URL lines": 200_000,
    "title-like lines": 100_000,
    "lines of unbalanced markup": 5_000,
}


def label(name: str, scale: float) -> str:
    """The input's name with its count at this scale (``100,000 distinct title-like lines``)."""
    if name in COUNTS:
        return f"{int(COUNTS[name] * scale):,} distinct {name}"
    return name if scale == 1 else f"{name}, scaled ×{scale:g}"
