"""Errors that reach the user as one clear line.

On the command line a ``CleanArticleError`` (bad input, bad configuration) is exit code 2;
an ``InternalError`` (a cleaner or plugin that raised, an output that is not a fixed
point) is exit code 123, as black and ruff have it: the tool is at fault, not the input.
"""

from __future__ import annotations


class CleanArticleError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(CleanArticleError):
    """The input cannot be cleaned: not text, undecodable, or malformed front matter."""


class ConfigError(CleanArticleError):
    """The configuration names an unknown cleaner, a bad value or a bad pattern."""


class InternalError(Exception):
    """A bug: cleaning failed for a reason that is not the input's or the configuration's."""


class CleanerError(InternalError):
    """A cleaner (built in or from a plugin) raised an exception while it ran."""

    def __init__(self, code: str, name: str, error: BaseException) -> None:
        self.code, self.name, self.error = code, name, error
        super().__init__(f"cleaner {code} {name} raised {type(error).__name__}: {error}")


class UnstableError(InternalError):
    """Cleaning the output again changed it: the result is not a fixed point."""
