"""No cleaner backtracks catastrophically: each runs alone on inputs built from the
characters its patterns repeat, under a generous hang guard (not a speed test: speed is
measured by bench/run.py)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from cleanarticle import Config, clean
from cleanarticle.cleaners import BUILTIN

N = 50_000
ADVERSARIAL = {
    "spaces": "a" + " " * N + "b",
    "dots": "word" + "." * N,
    "sentence-ends": "Ab. " * (N // 4),
    "capitals": "A " * N,
    "glued-credit": "x" * N + "station.Jane Doe / Agency",
    "byline": "By " + "Jane " * (N // 5),
    "date-words": "Published: " + "9 March " * (N // 8),
    "url": "https://" + "a" * N,
    "url-label": "Original url: " + "x " * (N // 2),
    "markup": "*_[" * (N // 3),
    "links": "[a](#)" * (N // 6),
    "brackets": "[" * N,
    "hyphens": "a-\n" * (N // 3),
    "possessive": "Xs's " * (N // 5),
    "mojibake": "â€™" * (N // 3),
    "quotes": "“‘" * (N // 2),
    "emphasis": "**" * N,
    "many-short-lines": "Word\n" * (N // 5),
}


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s: a pattern may backtrack")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("code", [c.code for c in BUILTIN])
def test_each_cleaner_is_linear_on_adversarial_input(code: str) -> None:
    config = Config.make(select=[code])
    with hang_guard(60):
        for text in ADVERSARIAL.values():
            clean(text, config=config)
