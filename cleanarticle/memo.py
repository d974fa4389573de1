"""Bounded memo tables: answers remembered across documents, emptied when full, so that a
long batch does not grow them without end.

Looking an answer up is the built-in ``in`` or ``get`` (in C); only remembering a new one
goes through Python.
"""

from __future__ import annotations

from typing import TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


class BoundedSet(set[_K]):
    """A set that empties itself when an item is added to it full.

    >>> seen = BoundedSet(2)
    >>> seen.add("a"); seen.add("b"); seen.add("c")
    >>> sorted(seen)
    ['c']
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def add(self, item: _K) -> None:
        if len(self) >= self.limit:
            self.clear()
        super().add(item)


class BoundedDict(dict[_K, _V]):
    """A dict that empties itself when a key is set in it full.

    >>> answers = BoundedDict(2)
    >>> answers["a"] = 1; answers["b"] = 2; answers["c"] = 3
    >>> answers
    {'c': 3}
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: _K, value: _V) -> None:
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)
