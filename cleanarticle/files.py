"""Which files are articles: include and exclude patterns, ``.gitignore``, directory walks.

Patterns are gitignore patterns (as ruff's ``exclude`` and black's ``.gitignore``
handling read them), matched against the path relative to the project root: the
directory of the configuration file, else the working directory. ``README*`` matches a
file of that name in any directory; ``/drafts/`` only the root's ``drafts`` directory.

>>> selection = FileSelection(root=Path("/repo"))
>>> selection.excluded(Path("/repo/docs/README.md")), selection.excluded(Path("/repo/a.md"))
('excluded by default (README*)', None)
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

#: Inputs larger than this are refused (``max-size``, ``--max-size``): 64 MiB.
DEFAULT_MAX_SIZE = 64 * 2**20

#: File names taken from directories (``include`` replaces them).
DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")

#: Never articles: tool and dependency directories, and the well-known files of a
#: repository (``exclude`` replaces this list; ``extend-exclude`` adds to it). Matched
#: without regard to case (``readme.md`` is a README too).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    # directories of version control, environments, dependencies and builds
    ".git/", ".hg/", ".svn/", ".venv/", "venv/", ".tox/", ".nox/", "node_modules/",
    "__pycache__/", "site-packages/", "__pypackages__/", "build/", "dist/", "_build/",
    ".mypy_cache/", ".pytest_cache/", ".ruff_cache/",
    # a repository's own documents
    "README*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "AUTHORS*", "CONTRIBUTORS*",
    "CHANGELOG*", "CHANGES*", "HISTORY*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*",
    "SUPPORT*", "MAINTAINERS*", "CODEOWNERS",
    # dependency lists, build files and lock files
    "requirements*.txt", "constraints*.txt", "requirements/", "CMakeLists.txt", "Makefile",
    "GNUmakefile", "setup.cfg", "MANIFEST.in", "*.lock", "package-lock.json",
    "pnpm-lock.yaml", "go.sum", "robots.txt",
)  # fmt: skip


@dataclass
class FileSelection:
    """Which paths are articles, from ``[tool.cleanarticle]`` and the command line.

    ``exclude`` (None: :data:`DEFAULT_EXCLUDE`) and ``extend_exclude`` apply to directory
    walks, and to files named on the command line when ``force_exclude`` is set (as
    pre-commit names every file). ``.gitignore`` files apply to directory walks.
    """

    root: Path = field(default_factory=Path.cwd)
    include: Sequence[str] = DEFAULT_INCLUDE
    exclude: Sequence[str] | None = None
    extend_exclude: Sequence[str] = ()
    force_exclude: bool = False
    gitignore: bool = True
    #: Inputs larger than this many bytes are refused.
    max_size: int = DEFAULT_MAX_SIZE

    def __post_init__(self) -> None:
        self.root = Path(os.path.abspath(self.root))
        self._include = pathspec.GitIgnoreSpec.from_lines(self.include)
        default = self.exclude is None
        patterns = DEFAULT_EXCLUDE if default else tuple(self.exclude or ())
        self._defaults = default
        self._exclude = pathspec.GitIgnoreSpec.from_lines(
            [p.lower() for p in patterns] if default else patterns
        )
        self._exclude_patterns = patterns
        self._extend = pathspec.GitIgnoreSpec.from_lines(self.extend_exclude)

    def _relative(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix().lstrip("/")

    def excluded(self, path: Path, *, is_dir: bool = False) -> str | None:
        """Why ``path`` is excluded by the patterns (a short reason), or None."""
        relative = self._relative(path) + ("/" if is_dir else "")
        if relative in ("", "/", "./"):
            return None
        found = self._exclude.check_file(relative.lower() if self._defaults else relative)
        if found.include and found.index is not None:
            pattern = self._exclude_patterns[found.index]
            return f"excluded by default ({pattern})" if self._defaults else f"excluded ({pattern})"
        found = self._extend.check_file(relative)
        if found.include and found.index is not None:
            return f"excluded by extend-exclude ({self.extend_exclude[found.index]})"
        return None

    def included(self, path: Path) -> bool:
        """Whether a file found in a directory has an article's name (``include``)."""
        return bool(self._include.match_file(path.name))

    def walk(self, top: Path) -> Iterator[tuple[Path, str | None]]:
        """The files under ``top`` that are articles, in sorted order, as ``(path, None)``,
        and the paths that cannot be read as ``(path, why)`` (an unreadable directory; a
        FIFO, socket or device with an article's name): nothing is skipped silently.

        Hidden files and directories, excluded paths and paths ignored by a
        ``.gitignore`` (of ``top``, of its parents up to the repository's root, and of
        every directory walked) are left out. Symbolic links to directories are not
        followed.
        """
        ignores = gitignores_above(top) if self.gitignore else []
        yield from self._walk(top, ignores)

    def _walk(self, directory: Path, ignores: list[GitIgnore]) -> Iterator[tuple[Path, str | None]]:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield directory, f"cannot read the directory ({exc.strerror or exc}); it was skipped"
            return
        if self.gitignore and any(e.name == ".gitignore" for e in entries):
            ignores = [*ignores, GitIgnore.read(directory)]
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if self.excluded(path, is_dir=is_dir) or any(i.ignores(path, is_dir) for i in ignores):
                continue
            if is_dir:
                yield from self._walk(path, ignores)
            elif self.included(path):
                kind = _special(entry)
                if kind is None:
                    yield path, None
                else:
                    yield path, f"{kind}, not a regular file; pipe it to 'cleanarticle -'"


def _special(entry: os.DirEntry[str]) -> str | None:
    """What a non-regular file is (``a FIFO``), or None for a file or a link to one."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return None  # a broken link: reading it says so
    return special_kind(mode)


def special_kind(mode: int) -> str | None:
    """``a FIFO``, ``a socket``, ``a device``, ``a directory``, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a file"


@dataclass
class GitIgnore:
    """One ``.gitignore`` file: its patterns, matched relative to its directory."""

    base: Path
    spec: pathspec.GitIgnoreSpec

    @classmethod
    def read(cls, directory: Path) -> GitIgnore:
        try:
            lines = (directory / ".gitignore").read_text("utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        return cls(Path(os.path.abspath(directory)), pathspec.GitIgnoreSpec.from_lines(lines))

    def ignores(self, path: Path, is_dir: bool) -> bool:
        try:
            relative = Path(os.path.abspath(path)).relative_to(self.base).as_posix()
        except ValueError:
            return False
        return bool(self.spec.match_file(relative + ("/" if is_dir else "")))


def gitignores_above(top: Path) -> list[GitIgnore]:
    """The ``.gitignore`` files above ``top``, up to the repository root (a directory with
    ``.git``); none when ``top`` is not in a repository."""
    found: list[GitIgnore] = []
    directory = Path(os.path.abspath(top)).parent
    for parent in (directory, *directory.parents):
        if (parent / ".gitignore").is_file():
            found.append(GitIgnore.read(parent))
        if (parent / ".git").exists():
            return found[::-1]
    return []


def size_text(size: int) -> str:
    """``64 MiB``, ``512 KiB``, ``100 bytes``: a size as messages show it.

    >>> size_text(64 * 2**20), size_text(1536), size_text(10)
    ('64 MiB', '1.5 KiB', '10 bytes')
    """
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
