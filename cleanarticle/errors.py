"""Errors that reach the user as one clear line (exit code 2 on the command line)."""


class CleanArticleError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(CleanArticleError):
    """The input cannot be cleaned: not text, undecodable, or malformed front matter."""


class ConfigError(CleanArticleError):
    """The configuration names an unknown cleaner, a bad value or a bad pattern."""
