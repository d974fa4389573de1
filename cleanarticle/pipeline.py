"""Cleaners and the ordered pipeline that runs them (after markdown-it-py's ``Ruler``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from cleanarticle.config import Config
from cleanarticle.errors import CleanArticleError, CleanerError, ConfigError
from cleanarticle.model import Document, Edit

_CODE = regex.compile(r"^[A-Z]{1,5}[0-9]{3}$")
_NAME = regex.compile(r"^[a-z][a-z0-9-]*$")


@dataclass
class Context:
    """What a running cleaner gets besides the document: the config and the edit recorder."""

    config: Config
    doc: Document
    cleaner: Cleaner | None = None

    def record(
        self, kind: str, reason: str, *, before: str = "", after: str = "", line: int = 0
    ) -> None:
        """Add an edit to the report, signed with the running cleaner's code and name."""
        code = self.cleaner.code if self.cleaner else "CA000"
        name = self.cleaner.name if self.cleaner else "input"
        self.doc.edits.append(Edit(code, name, kind, reason, before, after, line))

    def option(self, name: str) -> Any:
        """The running cleaner's option ``name``: the config's value, else the default."""
        assert self.cleaner is not None, "option() is for a running cleaner"
        return option_value(self.cleaner, self.config.options, name)


CleanerFunc = Callable[[Document, Context], None]
OptionValue = bool | int | float | str


@dataclass(frozen=True)
class Option:
    """A setting of one cleaner; its type is the type of its default."""

    name: str
    default: OptionValue
    help: str

    def check(self, value: object) -> str | None:
        """What is wrong with ``value`` for this option, or None."""
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return None
        if type(value) is not expected:
            got = _TYPE_NAMES.get(type(value), f"a {type(value).__name__}")
            return f"expected {_TYPE_NAMES[expected]}, got {got}"
        return None


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}


def option_value(item: Cleaner, options: Mapping[str, Mapping[str, Any]], name: str) -> Any:
    """Option ``name`` of ``item`` under ``options`` (keyed by cleaner code or name)."""
    for spec in item.options:
        if spec.name == name:
            for key in (item.name, item.code):
                if key in options and name in options[key]:
                    return options[key][name]
            return spec.default
    raise KeyError(f"{item.code} {item.name} has no option {name!r}")


@dataclass(frozen=True)
class Cleaner:
    """A named, coded cleaning rule: ``func(doc, ctx)`` changes ``doc`` and records edits."""

    code: str
    name: str
    summary: str
    func: CleanerFunc = field(repr=False, compare=False)
    #: Settings users may change (``[tool.cleanarticle.options.NAME]``).
    options: tuple[Option, ...] = ()
    #: Where a plugin's cleaner runs: just before or just after this cleaner (code or name).
    before: str | None = None
    after: str | None = None
    #: Cleaners that run next to each other with the same group run again, as a group,
    #: until a round of them records no edit (see :meth:`Pipeline.run`).
    group: str | None = None

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ConfigError(f"cleaner code {self.code!r} must look like 'CA101' or 'XYZ001'")
        if not _NAME.match(self.name):
            raise ConfigError(f"cleaner name {self.name!r} must be lower-case-with-dashes")

    @property
    def doc(self) -> str:
        """The cleaner's docstring (what it does, with an example)."""
        return inspect.cleandoc(self.func.__doc__ or self.summary)

    def __call__(self, doc: Document, ctx: Context) -> None:
        """Run the cleaner; an exception it did not mean (a bug) becomes a CleanerError
        that names it, so that a failing file says which cleaner to report or ignore."""
        try:
            self.func(doc, ctx)
        except (CleanArticleError, CleanerError):
            raise
        except Exception as exc:
            raise CleanerError(self.code, self.name, exc) from exc


def cleaner(
    code: str,
    name: str,
    summary: str,
    *,
    options: Iterable[Option] = (),
    before: str | None = None,
    after: str | None = None,
    group: str | None = None,
) -> Callable[[CleanerFunc], Cleaner]:
    """Decorator that turns ``func(doc, ctx)`` into a :class:`Cleaner`.

    ``before``/``after`` say where a third-party cleaner runs when it is registered;
    ``group`` names the group it settles with (see :meth:`Pipeline.run`).
    """

    def wrap(func: CleanerFunc) -> Cleaner:
        return Cleaner(code, name, summary, func, tuple(options), before, after, group)

    return wrap


class Pipeline:
    """An ordered list of cleaners; each can be disabled, and new ones placed before or after.

    >>> p = Pipeline([Cleaner("XY001", "first", "1", lambda d, c: None)])
    >>> p.after("first", Cleaner("XY002", "second", "2", lambda d, c: None)).codes
    ['XY001', 'XY002']
    """

    def __init__(self, cleaners: Iterable[Cleaner] = ()) -> None:
        self._cleaners: list[Cleaner] = []
        self._disabled: set[str] = set()
        for item in cleaners:
            self.push(item)

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._cleaners)

    def __len__(self) -> int:
        return len(self._cleaners)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self._cleaners]

    def copy(self) -> Pipeline:
        new = Pipeline(self._cleaners)
        new._disabled = set(self._disabled)
        return new

    def get(self, ref: str) -> Cleaner:
        """The cleaner with this code or name."""
        return self._cleaners[self._index(ref)]

    def _index(self, ref: str) -> int:
        for i, item in enumerate(self._cleaners):
            if ref in (item.code, item.name):
                return i
        raise ConfigError(f"unknown cleaner {ref!r}; `cleanarticle rules` lists them")

    def _check_new(self, item: Cleaner) -> None:
        for other in self._cleaners:
            if item.code == other.code or item.name == other.name:
                raise ConfigError(
                    f"cleaner {item.code} {item.name} clashes with {other.code} {other.name}"
                )

    def push(self, item: Cleaner) -> Pipeline:
        """Add a cleaner at the end."""
        self._check_new(item)
        self._cleaners.append(item)
        return self

    def before(self, ref: str, item: Cleaner) -> Pipeline:
        """Add a cleaner just before the one named ``ref``."""
        self._check_new(item)
        self._cleaners.insert(self._index(ref), item)
        return self

    def after(self, ref: str, item: Cleaner) -> Pipeline:
        """Add a cleaner just after the one named ``ref``."""
        self._check_new(item)
        self._cleaners.insert(self._index(ref) + 1, item)
        return self

    def remove(self, ref: str) -> Pipeline:
        del self._cleaners[self._index(ref)]
        return self

    def matching(self, refs: Iterable[str]) -> set[str]:
        """Codes of the cleaners that ``refs`` name: codes, code prefixes (``CA1``) or names."""
        codes: set[str] = set()
        for ref in refs:
            hits = {
                c.code
                for c in self._cleaners
                if ref == c.name or (ref.upper() == ref and c.code.startswith(ref))
            }
            if not hits:
                raise ConfigError(f"unknown cleaner {ref!r}; `cleanarticle rules` lists them")
            codes |= hits
        return codes

    def enable(self, refs: str | Iterable[str]) -> Pipeline:
        self._disabled -= self.matching([refs] if isinstance(refs, str) else refs)
        return self

    def disable(self, refs: str | Iterable[str]) -> Pipeline:
        self._disabled |= self.matching([refs] if isinstance(refs, str) else refs)
        return self

    def check_options(self, options: Mapping[str, Mapping[str, Any]]) -> None:
        """Raise ConfigError unless every option names a cleaner, an option and a valid value."""
        for ref, values in options.items():
            item = self.get(ref)
            specs = {spec.name: spec for spec in item.options}
            for name, value in values.items():
                if name not in specs:
                    known = ", ".join(specs) or "none"
                    raise ConfigError(
                        f"{item.code} {item.name} has no option {name!r} (its options: {known})"
                    )
                problem = specs[name].check(value)
                if problem:
                    raise ConfigError(f"option {name!r} of {item.name}: {problem}")

    def active(self, config: Config) -> list[Cleaner]:
        """The cleaners that run under ``config``, in order."""
        if config.options:
            self.check_options(config.options)
        selected = None if config.select is None else self.matching(config.select)
        ignored = self.matching(config.ignore)
        return [
            c
            for c in self._cleaners
            if c.code not in self._disabled
            and c.code not in ignored
            and (selected is None or c.code in selected)
        ]

    def run(self, doc: Document, config: Config) -> None:
        """Run every active cleaner over ``doc``, in order.

        Active cleaners that stand next to each other with the same ``group`` settle
        together: they run in turn, going round again, until every one of them has run
        once since the last edit and recorded none (at most :data:`MAX_ROUNDS` rounds).
        What one of them takes out can give another something to take (once the title has
        moved to the metadata, the line under it is the standfirst); settling here is what
        makes cleaning the output again change nothing. Those that ran after the last edit
        are not run again: they have seen the document as it stays.
        """
        ctx = Context(config, doc)
        for step in _steps(self.active(config)):
            if len(step) == 1 and not step[0].group:
                ctx.cleaner = step[0]
                step[0](doc, ctx)
                continue
            quiet = 0  # runs in a row that recorded no edit
            for run in range(MAX_ROUNDS * len(step)):
                item = step[run % len(step)]
                edits = len(doc.edits)
                ctx.cleaner = item
                item(doc, ctx)
                quiet = quiet + 1 if len(doc.edits) == edits else 0
                if quiet == len(step):
                    break


#: A group of cleaners stops after this many rounds even when it still edits (the built-in
#: head cleaners each take every item of their kind at once, so they settle in two).
MAX_ROUNDS = 8


def _steps(cleaners: list[Cleaner]) -> list[list[Cleaner]]:
    """The cleaners cut into steps: a run of neighbours of one group, or one cleaner."""
    steps: list[list[Cleaner]] = []
    for item in cleaners:
        if steps and item.group and steps[-1][0].group == item.group:
            steps[-1].append(item)
        else:
            steps.append([item])
    return steps
