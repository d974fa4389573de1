"""A deterministic generator of realistic article text, for the speed benchmarks.

Benchmarks on a vocabulary of a few dozen words measure the wrong thing: memo tables and
caches answer for almost every word. These articles draw their words from wordfreq's
40,000 most common English words with Zipf weights (as real text does), plus generated
people and place names and numbers, so that the text has about as many distinct tokens
per kilobyte as a real news article (~100):

    >>> import random
    >>> text = article(random.Random(1))
    >>> text == article(random.Random(1))
    True
    >>> 20 < len(text.split("\\n\\n")) < 80
    True

``article`` returns one document (title, often a byline and a date line, paragraphs,
sometimes a line of page chrome); ``records`` a stream of JSONL-ready records.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

VOCABULARY_SIZE = 40_000
CHROME = (
    "Advertisement",
    "Share this article",
    "Sign up for our newsletter",
    "Read more",
    "Follow us on social media",
)
_ONSETS = "b c d f g h j k l m n p r s t v w z br ch dr gr kl pr sh st tr".split()
_VOWELS = "a e i o u a e i o ai ea ie ou".split()
_CODAS = ["", "", "n", "r", "s", "l", "t", "m", "nd", "rk", "ck", "ng"]


@cache
def vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """wordfreq's most common English words (letters only) and their cumulative weights."""
    from wordfreq import top_n_list, word_frequency

    words = tuple(w for w in top_n_list("en", VOCABULARY_SIZE) if w.isalpha())
    return words, tuple(accumulate(word_frequency(w, "en") for w in words))


def name(rng: random.Random) -> str:
    """A made-up capitalised name of two or three syllables (``Brenalo``)."""
    syllables = (
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(rng.randint(2, 3))
    )
    return "".join(syllables).capitalize()


def _names(rng: random.Random, count: int) -> list[str]:
    return [name(rng) for _ in range(count)]


def sentence(rng: random.Random, people: list[str], places: list[str]) -> str:
    words, weights = vocabulary()
    tokens = rng.choices(words, cum_weights=weights, k=rng.randint(8, 30))
    for _ in range(rng.randint(0, 2)):  # names and numbers, as news text is full of them
        at = rng.randrange(len(tokens))
        roll = rng.random()
        if roll < 0.45:
            tokens[at] = f"{rng.choice(people)} {rng.choice(people)}"
        elif roll < 0.75:
            tokens[at] = rng.choice(places)
        else:
            tokens[at] = rng.choice(
                [
                    str(rng.randint(2, 999)),
                    f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%",
                    f"{rng.randint(1, 999):,}{rng.randint(0, 999):03d}",
                    str(rng.randint(1950, 2030)),
                ]
            )
    text = " ".join(tokens)
    if rng.random() < 0.25:
        cut = rng.randrange(2, len(tokens))
        text = " ".join(tokens[:cut]) + ", " + " ".join(tokens[cut:])
    end = rng.choice(".....?")
    if rng.random() < 0.1:
        return f'"{text[0].upper()}{text[1:]}," said {rng.choice(people)} {rng.choice(people)}.'
    return text[0].upper() + text[1:] + end


def article(
    rng: random.Random, wrap: bool | None = None, paragraphs: tuple[int, int] = (20, 60)
) -> str:
    """One article: a title, usually a byline and a date, 20-60 paragraphs (or as many as
    ``paragraphs`` says), sometimes chrome lines; hard-wrapped at 72-90 columns in a fifth
    of them (or as ``wrap`` says)."""
    people, places = _names(rng, 30), _names(rng, 8)
    words, weights = vocabulary()
    title = " ".join(w.capitalize() for w in rng.choices(words, cum_weights=weights, k=8))
    parts = [title]
    if rng.random() < 0.7:
        parts.append(f"By {rng.choice(people)} {rng.choice(people)}")
    if rng.random() < 0.6:
        month = rng.choice(["January", "March", "May", "July", "September", "November"])
        parts.append(f"{month} {rng.randint(1, 28)}, {rng.randint(2005, 2025)}")
    wrapped = rng.random() < 0.2 if wrap is None else wrap
    width = rng.choice([72, 80, 90])
    for _ in range(rng.randint(*paragraphs)):
        paragraph = " ".join(sentence(rng, people, places) for _ in range(rng.randint(1, 4)))
        if wrapped:
            paragraph = "\n".join(textwrap.wrap(paragraph, width))
        parts.append(paragraph)
        if rng.random() < 0.04:
            parts.append(rng.choice(CHROME))
    return "\n\n".join(parts) + "\n"


def records(
    count: int, seed: int = 1, paragraphs: tuple[int, int] = (20, 60)
) -> Iterator[dict[str, str]]:
    """``count`` records ``{"id", "text"}`` of generated articles, the same for a seed."""
    rng = random.Random(seed)
    for i in range(count):
        yield {"id": f"doc-{i:07d}", "text": article(rng, paragraphs=paragraphs)}
