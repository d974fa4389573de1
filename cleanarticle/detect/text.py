"""What every recogniser shares: one line's words, its squashed form, a memo for pure
functions of one line, and the sentence punctuation of many scripts."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

import regex

from cleanarticle.markdown import plain_text

_F = TypeVar("_F", bound=Callable[..., Any])


def short_cache(func: _F) -> _F:
    """Memoise a pure function of one line, for lines short enough to be worth keeping."""
    cached = lru_cache(maxsize=8192)(func)

    @wraps(func)
    def wrapper(text: str, **kwargs: Any) -> Any:
        return cached(text, **kwargs) if len(text) <= 400 else func(text, **kwargs)

    return wrapper  # type: ignore[return-value]


SENTENCE_END = "[.!?…。！？]"
CLOSERS = "[\"'”’»)\\]」』]*"
_WORD = regex.compile(r"\S+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def squash(text: str) -> str:
    """Plain text with single spaces, as metadata values are kept.

    >>> squash("**A**  title ")
    'A title'
    """
    return " ".join(plain_text(text).split())
