"""The ``cleanarticle`` command."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import signal
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, TextIO

import regex

from cleanarticle import __version__
from cleanarticle.api import Article, check_stable, clean, default_pipeline
from cleanarticle.config import Config
from cleanarticle.decode import guessed_encoding
from cleanarticle.docs import rule_markdown, rules_markdown, rules_table
from cleanarticle.errors import (
    CleanArticleError,
    CleanerError,
    ConfigError,
    InputError,
    InternalError,
    UnstableError,
)
from cleanarticle.files import FileSelection, size_text, special_kind
from cleanarticle.frontmatter import yaml_error
from cleanarticle.html import looks_like_html
from cleanarticle.settings import file_settings, find_config, load_config, parse_size
from cleanarticle.writing import write_atomic

EXIT_OK, EXIT_CHANGED, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 123
STDIN = "-"
REPORT = "please report it with the input (--verbose shows the traceback)"

DESCRIPTION = """\
Turn scraped news articles into one canonical Markdown document: a body with one line per
paragraph and '##' section headings, and YAML front matter with the title, byline, date,
URLs, image captions and related links that were mixed into the text.

By default the canonical document is printed. With --write files are rewritten in place
(atomically); with --check nothing is written and the exit code says whether any file
would change; --diff shows how.
"""

EPILOG = """\
exit codes (the worst of all files):
  0    done; with --check: every file is already canonical
  1    with --check or --diff: some file would change
  2    usage error, unreadable or undecodable input, or a failed write
  123  internal error: a cleaner or plugin failed, or the output is not stable (a bug;
       --verbose shows the traceback)

other commands:
  cleanarticle batch INPUT... --out DIR|FILE.jsonl|FILE.parquet
                                clean a corpus (files, directories, JSONL, Parquet,
                                HTML) on every core (see 'cleanarticle batch --help')
  cleanarticle evidence build INPUT... -o FILE
                                save a corpus's word counts for the typo cleaner, to
                                clean shards with 'batch --evidence FILE' (see
                                'cleanarticle evidence --help')
  cleanarticle rules            list every cleaner (code, name, summary)
  cleanarticle rules CODE       one cleaner's documentation (e.g. rules CA401)
  cleanarticle rules --markdown the same as Markdown (docs/cleaners.md)

examples:
  cleanarticle article.txt                 print the canonical document
  cleanarticle --write articles/*.md       rewrite files in place
  cleanarticle --check --diff articles/    show what would change (CI)
  cleanarticle --explain article.txt       list each edit: path:line CODE name: what
  cleanarticle page.html > page.md         an HTML page: its article as Markdown
  cat page.txt | cleanarticle -            read standard input
"""


class UsageError(Exception):
    """A problem with the command line itself."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    cleaners = "".join(f"  {c.code}  {c.name}\n" for c in default_pipeline())
    parser = _Parser(
        prog="cleanarticle",
        description=DESCRIPTION,
        epilog=EPILOG
        + "\ncleaners, in the order they run (details: cleanarticle rules):\n"
        + cleaners,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files or directories ('-' reads standard input)",
    )
    mode = parser.add_argument_group("what to do")
    mode.add_argument(
        "-w",
        "--write",
        action="store_true",
        help="rewrite files in place (atomically; failed files are not touched)",
    )
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and name the files that are not canonical",
    )
    mode.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of what would change; write nothing",
    )
    mode.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per file: path, metadata, body, markdown, edits",
    )
    mode.add_argument(
        "--explain",
        action="store_true",
        help="print every edit as 'path:line CODE name: what changed'",
    )
    rules = parser.add_argument_group("which cleaners")
    rules.add_argument(
        "--select",
        metavar="CODES",
        default=None,
        help="run only these cleaners (codes, prefixes such as CA1, or names)",
    )
    rules.add_argument(
        "--ignore",
        metavar="CODES",
        default=None,
        help="do not run these cleaners (codes, prefixes or names)",
    )
    parser.add_argument(
        "--format",
        choices=("auto", "text", "html"),
        default="auto",
        help="read input as an HTML page, as text/Markdown, or decide from the content "
        "(default); HTML can be printed, not rewritten in place",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        default=None,
        help="the input's text encoding (e.g. cp1252); default: UTF-8, else detected, and "
        "a detected encoding is a guess that --write, --check and --diff refuse",
    )
    rules.add_argument(
        "--quotes",
        choices=("straight", "preserve"),
        default=None,
        help="straight ASCII quotes (default) or keep the input's quotes",
    )
    files = parser.add_argument_group(
        "which files",
        "Directories are searched for the 'include' names (default: *.md, *.markdown, *.txt),\n"
        "leaving out hidden paths, paths a .gitignore ignores and excluded paths. Patterns are\n"
        "gitignore patterns relative to the project root (see docs/configuration.md).",
    )
    files.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="paths to leave out (repeatable); replaces the default list of non-article "
        "files (README*, LICENSE*, requirements*.txt, ...) and the file's 'exclude'",
    )
    files.add_argument(
        "--extend-exclude",
        action="append",
        metavar="PATTERN",
        help="paths to leave out besides the default list (repeatable)",
    )
    files.add_argument(
        "--force-exclude",
        action="store_true",
        default=None,
        help="leave out excluded files even when they are named on the command line "
        "(as pre-commit names them)",
    )
    files.add_argument(
        "--max-size",
        metavar="SIZE",
        default=None,
        help="refuse inputs larger than this (e.g. 200MB; default 64MB, or max-size)",
    )
    files.add_argument(
        "--stdin-filename",
        metavar="PATH",
        default=None,
        help="the name of the file read from '-': in messages, to find the configuration "
        "and for --force-exclude",
    )
    settings = parser.add_argument_group(
        "configuration",
        "Settings are read from [tool.cleanarticle] in the nearest pyproject.toml, or from a\n"
        "cleanarticle.toml, found by walking up from the files (see docs/configuration.md).\n"
        "Command-line flags override the file.",
    )
    settings.add_argument(
        "--config", metavar="PATH", default=None, help="read settings from this file only"
    )
    settings.add_argument(
        "--no-config", action="store_true", help="ignore configuration files; use the defaults"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no summary line in --check/--write mode"
    )
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument(
        "--color",
        dest="color",
        action="store_true",
        default=None,
        help="colour the --diff output (default: on a terminal, unless NO_COLOR is set)",
    )
    colour.add_argument(
        "--no-color", dest="color", action="store_false", help="never colour the --diff output"
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="do not clean the output again to settle it and check that it is stable "
        "(cleaning it again changes nothing); about twice as fast",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print the traceback of an internal error"
    )
    parser.add_argument("--version", action="version", version=f"cleanarticle {__version__}")
    return parser


def help_text(width: int = 100) -> str:
    """``--help`` as printed on a terminal ``width`` columns wide (for docs/cli.md)."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        return build_parser().format_help()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass
class Failure:
    """A file that could not be cleaned: its name, what to do, and its exit code."""

    shown: str
    message: str
    code: int = EXIT_ERROR


@dataclass
class Outcome:
    """What a run did, file by file; failures are reported together at the end."""

    changed: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    lost: int = 0  # inputs whose article came back empty (a warning each, exit 1)

    def fail(self, shown: str, message: str, code: int = EXIT_ERROR) -> None:
        self.failures.append(Failure(shown, message, code))

    @property
    def worst(self) -> int:
        """The exit code of the worst failure (123 beats 2), or 0."""
        return max((f.code for f in self.failures), default=EXIT_OK)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    previous = _interrupt_on_sigterm()
    try:
        if args_list[:1] == ["rules"]:
            return _rules(args_list[1:])
        if args_list[:1] == ["batch"]:
            from cleanarticle.cli_batch import main as batch_main

            return batch_main(args_list[1:])
        if args_list[:1] == ["evidence"]:
            from cleanarticle.cli_evidence import main as evidence_main

            return evidence_main(args_list[1:])
        return _run(build_parser().parse_args(args_list))
    except UsageError as exc:
        _error(f"{exc} (see 'cleanarticle --help')")
        return EXIT_ERROR
    except ConfigError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:  # a bug outside any one file: still one line, exit 123
        if "-v" in args_list or "--verbose" in args_list:
            traceback.print_exc()
        _error(f"internal error ({type(exc).__name__}: {exc}); {REPORT}")
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt_on_sigterm() -> signal.Handlers | None:
    """Make SIGTERM interrupt the run as Ctrl-C does, so that temporary files are removed
    and workers stopped on the way out; return the handler it replaced (None off the main
    thread, where signals cannot be handled)."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)  # type: ignore[return-value]
    except ValueError:
        return None


def _rules(argv: list[str]) -> int:
    parser = _Parser(
        prog="cleanarticle rules",
        description="List every cleaner, or show the documentation of the ones named.",
    )
    parser.add_argument(
        "cleaners", nargs="*", metavar="CODE", help="cleaners to document (codes or names)"
    )
    parser.add_argument("--markdown", action="store_true", help="print docs/cleaners.md")
    args = parser.parse_args(argv)
    pipeline = default_pipeline()
    if args.cleaners:
        try:
            found = [pipeline.get(ref) for ref in args.cleaners]
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        sys.stdout.write("\n".join(rule_markdown(item) for item in found))
        return EXIT_OK
    sys.stdout.write(rules_markdown(pipeline) if args.markdown else rules_table(pipeline))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if not args.files:
        raise UsageError("no input: name files, directories or '-' for standard input")
    if "" in args.files:
        raise UsageError("an empty path was given; name a file or directory ('.' for this one)")
    if args.stdin_filename is not None and STDIN not in args.files:
        raise UsageError("--stdin-filename names standard input: pass '-' too")
    modes = [args.write, args.check or args.diff, args.json, args.explain]
    if sum(bool(m) for m in modes) > 1:
        raise UsageError("choose one of --write, --check/--diff, --json and --explain")
    config_path = _config_path(args)
    config = _config(args, config_path)
    default_pipeline().active(config)  # validates --select/--ignore before any file is read
    selection = _selection(args, config_path)
    outcome = Outcome()
    paths = _expand(args, selection, outcome)
    plain_print = not (args.write or args.check or args.diff or args.json or args.explain)
    if plain_print and len(paths) > 1:
        raise UsageError("several files: use --write, --check, --diff, --json or --explain")
    for path in paths:
        _one(path, args, config, selection, outcome)
    return _finish(args, outcome)


def _config_path(args: argparse.Namespace) -> Path | None:
    """The configuration file to read: ``--config``, else the one found from the files."""
    if args.config and args.no_config:
        raise UsageError("--config and --no-config contradict each other; choose one")
    if args.no_config:
        return None
    if args.config:
        return Path(args.config)
    names = [
        (getattr(args, "stdin_filename", None) or name) if name == STDIN else name
        for name in args.files
    ]
    try:
        return find_config(names)
    except ConfigError as exc:
        raise ConfigError(f"{exc} (no file was changed)") from None


def _config(args: argparse.Namespace, path: Path | None) -> Config:
    """The settings of the file at ``path`` (or the defaults), then the flags."""
    try:
        return load_config(
            path,
            select=_codes(args.select),
            ignore=_codes(args.ignore),
            quotes=args.quotes,
        )
    except ConfigError as exc:
        raise ConfigError(f"{exc} (no file was changed)") from None


def _selection(args: argparse.Namespace, config_path: Path | None) -> FileSelection:
    """Which files are articles: the file's settings, then the flags."""
    try:
        found = file_settings(config_path)
    except ConfigError as exc:
        raise ConfigError(f"{exc} (no file was changed)") from None
    if args.exclude is not None:
        found["exclude"] = args.exclude
    if args.extend_exclude:
        found["extend_exclude"] = [*found.get("extend_exclude", ()), *args.extend_exclude]
    if args.force_exclude is not None:
        found["force_exclude"] = args.force_exclude
    if args.max_size is not None:
        try:
            found["max_size"] = parse_size(args.max_size)
        except ValueError as exc:
            raise UsageError(f"--max-size: {exc}") from None
    return FileSelection(**found)


def _expand(args: argparse.Namespace, selection: FileSelection, outcome: Outcome) -> list[str]:
    """Files to clean: directories walked for articles (what cannot be read is a failure),
    and named files, unless ``--force-exclude`` leaves them out."""
    out: list[str] = []
    for name in args.files:
        path = Path(name)
        if name == STDIN:
            if args.stdin_filename and _forced_out(args, selection, Path(args.stdin_filename)):
                out.append(_EXCLUDED_STDIN)
            else:
                out.append(name)
        elif path.is_dir():
            found = []
            for item, problem in selection.walk(path):
                if problem is None:
                    found.append(str(item))
                else:
                    outcome.fail(shown_path(str(item)), problem)
            if not found:
                outcome.fail(shown_path(name), "directory has no .md or .txt files to clean")
            out.extend(sorted(found))
        elif not _forced_out(args, selection, path):
            out.append(name)
    return out


#: Standard input whose --stdin-filename is excluded: passed through unchanged.
_EXCLUDED_STDIN = "\x00excluded-stdin"


def _forced_out(args: argparse.Namespace, selection: FileSelection, path: Path) -> bool:
    """Whether ``--force-exclude`` leaves out a file named on the command line."""
    if not selection.force_exclude:
        return False
    why = selection.excluded(path)
    if why and args.verbose:
        sys.stderr.write(f"skipped {shown_path(str(path))}: {why}\n")
    return why is not None


def read_input(path: str, max_size: int) -> bytes:
    """The bytes of an input file, or of standard input for ``-``, read once.

    A FIFO, socket or device is refused (it could block, never end, or give nothing when
    read again): pipe it to ``-``. An input over ``max_size`` bytes is refused, standard
    input included (``< /dev/zero`` stops at the limit).
    """
    limit = f"over the size limit of {size_text(max_size)}; raise it with --max-size (or max-size)"
    if path == STDIN:
        data = sys.stdin.buffer.read(max_size + 1)
        if len(data) > max_size:
            raise CleanArticleError(f"is {limit}")
        return data
    try:
        info = os.stat(path)
        kind = special_kind(info.st_mode)
        if kind == "a directory":
            raise CleanArticleError("is a directory; name the files in it")
        if kind is not None:
            raise CleanArticleError(f"{kind}, not a regular file; pipe it to 'cleanarticle -'")
        if info.st_size > max_size:
            raise CleanArticleError(f"is {size_text(info.st_size)}, {limit}")
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
        if len(data) > max_size:
            raise CleanArticleError(f"is {limit}")
        return data
    except FileNotFoundError:
        if os.path.islink(path):
            raise CleanArticleError("broken symbolic link; fix or remove it") from None
        raise CleanArticleError("no such file; check the path") from None
    except IsADirectoryError:
        raise CleanArticleError("is a directory; name the files in it") from None
    except PermissionError:
        raise CleanArticleError("permission denied; check the file's permissions") from None
    except OSError as exc:
        raise CleanArticleError(f"cannot read: {exc.strerror or exc}") from None


def shown_path(path: str) -> str:
    """``path`` as messages and JSON show it: ``<stdin>`` for ``-``, and bytes of a file
    name that are not UTF-8 as ``\\xff`` escapes (printable and encodable everywhere)."""
    if path == STDIN:
        return "<stdin>"
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _one(
    path: str,
    args: argparse.Namespace,
    config: Config,
    selection: FileSelection,
    outcome: Outcome,
) -> None:
    """Clean one file and do what the mode says; a failure is recorded, never raised."""
    if path == _EXCLUDED_STDIN:  # as black and ruff do: an excluded input passes unchanged
        if not (args.check or args.diff or args.json or args.explain):
            sys.stdout.buffer.write(sys.stdin.buffer.read())
        outcome.unchanged += 1
        return
    shown = shown_path(path) if path != STDIN or not args.stdin_filename else args.stdin_filename
    try:
        _clean_one(path, shown, args, config, selection.max_size, outcome)
    except CleanArticleError as exc:
        outcome.fail(shown, str(exc))
    except CleanerError as exc:
        _traceback(args, exc)
        outcome.fail(
            shown,
            f"internal error: {exc}; the file is unchanged; {REPORT}, "
            f"or skip the cleaner with --ignore {exc.code}",
            EXIT_INTERNAL,
        )
    except UnstableError as exc:
        message = f"internal error: {exc}; the file is unchanged; please report it with the "
        outcome.fail(shown, message + "input, or skip the check with --fast", EXIT_INTERNAL)
    except InternalError as exc:
        _traceback(args, exc)
        message = f"internal error: {exc}; the file is unchanged; {REPORT}"
        outcome.fail(shown, message, EXIT_INTERNAL)
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:
        _traceback(args, exc)
        outcome.fail(
            shown,
            f"internal error ({type(exc).__name__}: {exc}); the file is unchanged; {REPORT}",
            EXIT_INTERNAL,
        )


def _traceback(args: argparse.Namespace, exc: BaseException) -> None:
    if args.verbose:
        traceback.print_exception(exc, file=sys.stderr)


def _clean_one(
    path: str,
    shown: str,
    args: argparse.Namespace,
    config: Config,
    max_size: int,
    outcome: Outcome,
) -> None:
    data = read_input(path, max_size)
    if data.startswith(b"---"):
        problem = yaml_error(data.decode("utf-8", errors="replace"))
        if problem:
            raise InputError(
                f"{problem}; the front matter is not valid YAML: fix it (or, if the first "
                "'---' line is not front matter, remove it)"
            )
    html_input = args.format == "html" or (args.format == "auto" and _is_html(data))
    if html_input and (args.write or args.check or args.diff) and path != STDIN:
        raise CleanArticleError(
            "is an HTML page, which --write/--check would replace with Markdown; "
            "print it ('cleanarticle page.html > page.md') or use 'cleanarticle batch'"
        )
    article = clean(data, config=config, format=args.format, encoding=args.encoding, fast=args.fast)
    guess = _guessed_encoding(article)
    if guess and (args.write or args.check or args.diff) and path != STDIN:
        raise CleanArticleError(
            f"not UTF-8, and {guess} is only a guess at its encoding, which is never written "
            f"back: name the encoding (--encoding {guess}, if that is right) or convert the "
            "file to UTF-8"
        )
    if guess:
        _warn(f"{shown}: not UTF-8; decoded as {guess}, a guess: check the output, or name "
              "the encoding with --encoding")  # fmt: skip
    original = data.decode("utf-8", errors="replace")
    changed = original != article.markdown
    if changed and (args.write or args.check or args.diff) and not args.fast:
        check_stable(article, config=config)  # an UnstableError: exit 123, nothing written
    if lost_article(original, article):
        outcome.lost += 1
        unchanged = "; the file is unchanged" if args.write and path != STDIN else ""
        _warn(f"{shown}: {LOST}{unchanged}")
        if args.write or args.check or args.diff:
            if path == STDIN and args.write:
                sys.stdout.write(article.markdown)
            return  # nothing is written, and there is no change to show
    out = sys.stdout
    if args.json:
        record = {
            "path": shown,
            "changed": changed,
            **article.to_dict(),
            "markdown": article.markdown,
        }
        out.write(json_line(record))
    elif args.explain:
        _explain(out, shown, article)
    elif args.check or args.diff:
        if args.diff and changed:
            lines = difflib.unified_diff(
                original.splitlines(keepends=True),
                article.markdown.splitlines(keepends=True),
                fromfile=f"{shown}\t(original)",
                tofile=f"{shown}\t(cleaned)",
            )
            out.writelines(colour_diff(lines) if _use_colour(args, out) else lines)
        if changed and not args.quiet:
            sys.stderr.write(f"would clean {shown}\n")
    elif args.write:
        if path == STDIN:
            out.write(article.markdown)
        elif changed and _read_only(path):
            raise CleanArticleError(
                "file is read-only; make it writable (chmod u+w) to clean it in place"
            )
        elif changed:
            try:
                write_atomic(Path(path), article.markdown)
            except OSError as exc:
                raise CleanArticleError(
                    f"cannot write ({exc.strerror or exc}); the file is unchanged"
                ) from None
            if not args.quiet:
                sys.stderr.write(f"cleaned {shown}\n")
    else:
        out.write(article.markdown)
    if changed:
        outcome.changed += 1
    else:
        outcome.unchanged += 1


#: What an input whose article came back empty is told.
LOST = (
    "the article came back empty: all its text was taken out (as junk, or as metadata); "
    "see what was taken with --explain, or try --format text"
)


def lost_article(original: str, article: Article) -> bool:
    """Whether an input with words in it came back with an empty body (content lost).

    >>> lost_article("<body>The council met.", clean("<body>The council met."))
    True
    >>> lost_article("", clean("")), lost_article("Met.", clean("Met."))
    (False, False)
    """
    return not article.body.strip() and regex.search(r"\w", original) is not None


_COLOURS = {"+++": "\x1b[1m", "---": "\x1b[1m", "@@": "\x1b[36m", "+": "\x1b[32m", "-": "\x1b[31m"}
_RESET = "\x1b[0m"


def colour_diff(lines: Iterable[str]) -> Iterator[str]:
    """A unified diff with ANSI colours, as git shows one: headers bold, hunks cyan,
    removed lines red, added lines green.

    >>> list(colour_diff(["-old\\n", "+new\\n", " same\\n"]))
    ['\\x1b[31m-old\\x1b[0m\\n', '\\x1b[32m+new\\x1b[0m\\n', ' same\\n']
    """
    for line in lines:
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        start = next((c for p, c in _COLOURS.items() if body.startswith(p)), None)
        yield f"{start}{body}{_RESET}{end}" if start else line


def _use_colour(args: argparse.Namespace, out: TextIO) -> bool:
    """--color/--no-color, else colour on a terminal unless NO_COLOR is set or TERM=dumb."""
    if args.color is not None:
        return bool(args.color)
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return out.isatty()


def _guessed_encoding(article: Article) -> str | None:
    """The encoding of an input that was detected (a guess), or None."""
    for edit in article.edits:
        if edit.code == "CA000" and edit.kind == "decode":
            return guessed_encoding(edit.reason)
    return None


def json_line(record: dict[str, object]) -> str:
    """One JSON line, UTF-8 encodable whatever the record holds: text with lone surrogates
    (from a file name that is not UTF-8, or a JSON input's escapes) is written with
    ``\\uXXXX`` escapes instead of failing."""
    line = json.dumps(record, ensure_ascii=False, default=str)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, default=str)
    return line + "\n"


def _is_html(data: bytes) -> bool:
    return looks_like_html(data[:4096].decode("utf-8", errors="replace"))


def _explain(out: TextIO, shown: str, article: Article) -> None:
    for edit in article.edits:
        out.write(f"{shown}:{edit.line} {edit.code} {edit.name}: {edit.describe()}\n")


def _read_only(path: str) -> bool:
    """No write bit set: renaming over the file would work, but the user said read-only."""
    return not os.stat(path).st_mode & 0o222


def _finish(args: argparse.Namespace, outcome: Outcome) -> int:
    """Every failure (one line each), the summary, and the worst exit code."""
    for failure in outcome.failures:
        _error(f"{failure.shown}: {failure.message}")
    if (args.check or args.diff or args.write) and not args.quiet:
        total = outcome.changed + outcome.unchanged
        verb = "cleaned" if args.write else "would be cleaned"
        failed = len(outcome.failures)
        sys.stderr.write(
            f"{outcome.changed} of {total + outcome.lost} file(s) {verb}"
            + (f", {outcome.lost} came back empty" if outcome.lost else "")
            + (f", {failed} failed" if failed else "")
            + "\n"
        )
    if outcome.failures:
        return outcome.worst
    if ((args.check or args.diff) and outcome.changed) or outcome.lost:
        return EXIT_CHANGED
    return EXIT_OK


def _error(message: str) -> None:
    sys.stderr.write(f"cleanarticle: error: {message}\n")


def _warn(message: str) -> None:
    sys.stderr.write(f"cleanarticle: warning: {message}\n")


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so Python's exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
