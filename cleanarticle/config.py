"""Settings that change what the cleaners do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cleanarticle.errors import ConfigError

QuoteStyle = Literal["straight", "preserve"]


@dataclass(frozen=True)
class Config:
    """How to clean.

    ``select`` (when given) keeps only these cleaners; ``ignore`` removes cleaners. Both take
    codes (``CA101``), code prefixes (``CA1``) or names (``fix-unicode``).
    """

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    quotes: QuoteStyle = "straight"
    #: Extra boilerplate patterns (``regex`` syntax, matched against a whole line).
    extra_boilerplate: tuple[str, ...] = ()
    #: Extra misspellings, ``wrong -> right``, fixed by the misspelling cleaner.
    misspellings: Mapping[str, str] = field(default_factory=dict)
    #: Words the typo cleaners must never change (names, brands).
    protected_words: frozenset[str] = frozenset()
    #: Front matter keys to leave out of the output.
    omit_keys: frozenset[str] = frozenset()
    #: Per-cleaner options: cleaner code or name -> option name -> value.
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.quotes not in ("straight", "preserve"):
            raise ConfigError(f"quotes must be 'straight' or 'preserve', not {self.quotes!r}")

    @classmethod
    def make(
        cls,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        quotes: QuoteStyle = "straight",
        extra_boilerplate: Iterable[str] = (),
        misspellings: Mapping[str, str] | None = None,
        protected_words: Iterable[str] = (),
        omit_keys: Iterable[str] = (),
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Config:
        """Build a config from plain iterables (what a CLI or a TOML file gives)."""
        return cls(
            select=None if select is None else frozenset(select),
            ignore=frozenset(ignore),
            quotes=quotes,
            extra_boilerplate=tuple(extra_boilerplate),
            misspellings=dict(misspellings or {}),
            protected_words=frozenset(protected_words),
            omit_keys=frozenset(omit_keys),
            options={k: dict(v) for k, v in (options or {}).items()},
        )


DEFAULT_CONFIG = Config()
