"""``cleanarticle batch``: clean a corpus (files, directories, JSONL) on every core."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fcntl
import gzip
import hashlib
import io
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TextIO

import regex

from cleanarticle.batch import (
    DEFAULT_INCLUDE,
    STDIN,
    JsonFields,
    LocalEngine,
    Record,
    Result,
    clean_all,
    gather_evidence,
    jsonl_compression,
    read_records,
    zstandard,
)
from cleanarticle.errors import ConfigError
from cleanarticle.evidence import Evidence, EvidenceError
from cleanarticle.files import DEFAULT_MAX_SIZE
from cleanarticle.parquet import (
    ParquetError,
    ParquetResults,
    is_parquet,
    missing_columns,
    pyarrow_parquet,
)
from cleanarticle.settings import file_settings, parse_size
from cleanarticle.writing import current_umask, write_atomic

DESCRIPTION = """\
Clean a whole corpus. INPUTs are article files, directories (searched recursively),
JSONL files with one record per line: {"id": ..., "text" or "html": ..., "url": ...}
('-' reads JSONL from standard input; FILE.jsonl.gz is read, and FILE.jsonl.zst with the
zstandard package installed) and Parquet files (FILE.parquet, FILE.pq: with pyarrow
installed; a row is read as a JSONL record). --id-field and the like name other fields.

Results go to a directory of .md files mirroring the inputs (--out DIR), or to one JSONL
file with a record per input, in input order: {"id", "markdown", "metadata", "edits"},
or {"id", "error"} for a document that failed (--out FILE.jsonl, FILE.jsonl.gz,
FILE.jsonl.zst, or --out - for stdout), or to a Parquet file with those columns
(--out FILE.parquet; metadata and edits as JSON text). A JSONL file is written as
FILE.jsonl.partial until the run ends; --resume finishes the one an interrupted or
killed run left.

Documents cleaned together share evidence for the typo cleaner: a first pass counts the
words of the whole corpus, the second pass cleans each document with those counts, so
the output does not depend on the order of the inputs or on --jobs.
"""

EPILOG = """\
exit codes:
  0    every document was cleaned
  1    some documents failed (each is listed; the others are written)
  2    usage or configuration error, or the output cannot be written
  123  some document hit an internal error (a bug: a cleaner or plugin failed, or
       its output was not stable)

examples:
  cleanarticle batch scraped/ --out clean/
  cleanarticle batch pages.jsonl --out clean.jsonl --jobs 8
  cleanarticle batch pages.jsonl --out clean.jsonl --resume   # finish a killed run
  cleanarticle batch pages.parquet --out clean.parquet --html-field content
  cat pages.jsonl | cleanarticle batch - --out - | jq .metadata.title
"""


class BatchUsageError(Exception):
    """A problem with the command line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise BatchUsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleanarticle batch",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, directories, JSONL, Parquet"
    )
    parser.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="DIR|FILE.jsonl[.gz]|FILE.parquet",
        help="where results go",
    )
    parser.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help=f"file names to take from directories (default: {' '.join(DEFAULT_INCLUDE)})",
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="file names to skip"
    )
    parser.add_argument(
        "--max-size",
        metavar="SIZE",
        default=None,
        help="refuse files larger than this (e.g. 200MB; default 64MB, or max-size)",
    )
    parser.add_argument(
        "--format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read files: HTML pages, text, or decide from the content (default)",
    )
    fields = parser.add_argument_group(
        "JSONL records and Parquet rows", "the names of their fields (Parquet: columns)"
    )
    for name, default in (("text", "text"), ("html", "html"), ("id", "id"), ("url", "url")):
        fields.add_argument(
            f"--{name}-field", default=default, metavar="NAME", help=f"default: {default}"
        )
    parser.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="processes (default: all cores)"
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="do not clean each output again to settle it and check that it is stable "
        "(cleaning it again changes nothing)",
    )
    evidence = parser.add_mutually_exclusive_group()
    evidence.add_argument(
        "--no-evidence",
        action="store_true",
        help="one pass, no shared evidence: each document is cleaned on its own",
    )
    evidence.add_argument(
        "--evidence",
        metavar="FILE",
        help="one pass, with the evidence saved in FILE (by 'cleanarticle evidence build' "
        "or --save-evidence): every shard of a corpus is cleaned with the same counts",
    )
    parser.add_argument(
        "--save-evidence", metavar="FILE", help="also save the evidence of the first pass"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="finish the JSONL output of an interrupted or killed run: the documents in "
        "OUT.partial are kept, not cleaned again, and the others are added (the inputs and "
        "settings must be the same; without OUT.partial the run starts from the beginning). "
        "Without --resume, an OUT.partial left by an earlier run is replaced",
    )
    parser.add_argument(
        "--stats",
        metavar="FILE",
        help="write counts as JSON: documents, cleaned, failed (by reason), input and output "
        "bytes, edits per cleaner, seconds",
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        action="store_true",
        default=None,
        help="show progress: a status line on a terminal (the default there), elsewhere "
        "a line every 30 seconds",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show progress"
    )
    parser.add_argument(
        "--progress-every",
        type=_seconds,
        metavar="SECONDS",
        help="off a terminal (a log), print a progress line every SECONDS (default 30); "
        "implies --progress",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print the traceback of an internal error"
    )
    settings = parser.add_argument_group(
        "configuration", "as for 'cleanarticle' (found from the inputs; flags override the file)"
    )
    settings.add_argument("--config", metavar="PATH", help="read settings from this file only")
    settings.add_argument("--no-config", action="store_true", help="ignore configuration files")
    settings.add_argument("--select", metavar="CODES", help="run only these cleaners")
    settings.add_argument("--ignore", metavar="CODES", help="do not run these cleaners")
    settings.add_argument(
        "--quotes", choices=("straight", "preserve"), help="straight quotes (default) or keep"
    )
    return parser


def _seconds(text: str) -> float:
    """A number of seconds, 0 or more (``--progress-every``)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}")
    return value


def main(argv: list[str]) -> int:
    """Run ``cleanarticle batch``; return its exit code (123, one line, for a bug)."""
    from cleanarticle.cli import EXIT_INTERNAL, REPORT, _error

    try:
        return _main(argv)
    except Exception as exc:
        if "-v" in argv or "--verbose" in argv:
            traceback.print_exc()
        _error(f"internal error ({type(exc).__name__}: {exc}); {REPORT}")
        return EXIT_INTERNAL


def _main(argv: list[str]) -> int:
    from cleanarticle.cli import (
        EXIT_ERROR,
        EXIT_INTERNAL,
        UsageError,
        _config,
        _config_path,
        _error,
        _warn,
    )

    try:
        args = build_parser().parse_args(argv)
        if args.jobs is not None and args.jobs < 1:
            raise BatchUsageError("--jobs must be 1 or more")
        args.files = [i for i in args.inputs if i != STDIN]
        config_path = _config_path(args)
        config = _config(args, config_path)
        max_size = file_settings(config_path).get("max_size", DEFAULT_MAX_SIZE)
        if args.max_size is not None:
            try:
                max_size = parse_size(args.max_size)
            except ValueError as exc:
                raise BatchUsageError(f"--max-size: {exc}") from None
        from cleanarticle.api import default_pipeline

        default_pipeline().active(config)
        saved = None
        if args.evidence is not None:
            if args.save_evidence is not None:
                raise BatchUsageError("--save-evidence needs the first pass: not with --evidence")
            saved = Evidence.load(args.evidence)
        fields = JsonFields(args.id_field, args.text_field, args.html_field, args.url_field)
        for name in [*args.files, args.out]:
            try:
                if jsonl_compression(name) == "zstd":
                    zstandard()
                elif is_parquet(name):
                    pyarrow_parquet()
            except ImportError as exc:
                raise BatchUsageError(f"{name}: {exc}") from None
        _check_parquet_inputs(args.files, fields)
        if args.stats is not None and not Path(args.stats).absolute().parent.is_dir():
            raise BatchUsageError(f"--stats {args.stats}: its directory does not exist")
        output = _Output(args.out, resume=args.resume)
        inputs = _spool_stdin(args.inputs)
    except (BatchUsageError, UsageError) as exc:
        _error(f"{exc} (see 'cleanarticle batch --help')")
        return EXIT_ERROR
    except (ConfigError, EvidenceError, ResumeError, ParquetError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        _error(f"{args.out}: cannot write ({exc.strerror or exc})")
        return EXIT_ERROR
    show = _progress_mode(args)
    every = 30.0 if args.progress_every is None else args.progress_every
    if output.replaced and not args.quiet:
        _warn(f"{output.partial} of an earlier run was replaced (--resume continues one)")
    engine = LocalEngine(args.jobs, keep=True)  # one pool for both passes

    def records() -> Iterator[Record]:
        return read_records(
            inputs,
            include=args.include or DEFAULT_INCLUDE,
            exclude=args.exclude,
            format=args.format,
            labels={spooled: "<stdin>" for spooled in inputs if spooled not in args.inputs},
            max_size=max_size,
            fields=fields,
        )

    started = time.monotonic()
    results: Iterator[Result] | None = None
    summary = Summary()
    try:
        settings = _settings(args, config, max_size, fields)
        output.check_settings(settings)
        counted = not args.no_evidence and saved is None  # the first pass runs
        evidence = saved
        total = output.manifest.get("records") if output.manifest else None
        if counted:
            evidence = output.saved_evidence()
        recounted = counted and evidence is None
        if recounted:
            bar = Progress("reading", None, sys.stderr, show, every)
            evidence, total = gather_evidence(engine, records(), bar.update)
            bar.close()
        if args.save_evidence is not None:
            assert evidence is not None
            try:
                evidence.save(args.save_evidence)
            except OSError as exc:
                output.abort()
                _error(f"{args.save_evidence}: cannot write ({exc.strerror or exc})")
                return EXIT_ERROR
        if output.manifest is None or recounted:  # a resumed run's state is kept as it is
            output.save_state(settings, evidence if counted else None, total)
        bar = Progress("cleaning", total, sys.stderr, show, every)
        todo = _to_clean(records(), output, summary)
        results = clean_all(engine, todo, config, evidence, stable=not args.fast)
        for result in results:
            result = output.write(result)
            summary.add(result)
            bar.update(summary.documents, summary.resumed)
        bar.close()
        output.close()
    except ResumeError as exc:
        output.abort()
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see cleanarticle.cli.main)
        if results is not None:
            results.close()  # stops the workers
        output.abort()
        if output.partial is not None:
            _error(
                f"interrupted; the workers were stopped; the {output.lines:,} documents done "
                f"are in {output.partial}: run again with --resume to finish"
            )
        else:
            _error("interrupted; the workers were stopped")
        return 130
    except OSError as exc:
        output.abort()
        _error(f"{args.out}: cannot write ({exc.strerror or exc})")
        return EXIT_ERROR
    finally:
        output.abort()  # after close(), nothing; else a Parquet output's temporary file goes
        engine.close()
        for name in inputs:
            if name not in args.inputs:
                with contextlib.suppress(OSError):
                    os.unlink(name)
    seconds = time.monotonic() - started
    if args.stats is not None:
        stats = summary.stats(seconds, output.output_bytes())
        try:
            Path(args.stats).write_text(json.dumps(stats, indent=2) + "\n", "utf-8")
        except OSError as exc:
            _error(f"{args.stats}: cannot write ({exc.strerror or exc})")
            return EXIT_ERROR
    if not args.quiet:
        summary.report(sys.stderr, seconds, evidence)
    if summary.internal:
        return EXIT_INTERNAL
    return 1 if summary.failures else 0


def _check_parquet_inputs(names: Iterable[str], fields: JsonFields) -> None:
    """``ParquetError`` (one line) for a Parquet input that is not a Parquet file, or that
    has neither the text nor the HTML column: each of its rows would fail."""
    for name in names:
        if is_parquet(name) and os.path.isfile(name):
            try:
                problem = missing_columns(name, (fields.text, fields.html))
            except ParquetError as exc:
                raise ParquetError(f"{name}: {exc}") from None
            if problem is not None:
                raise ParquetError(f"{name}: {problem} or --html-field")


def _to_clean(records: Iterable[Record], output: _Output, summary: Summary) -> Iterator[Record]:
    """The records to clean: a resumed output's lines must be the first records' results,
    in order (``ResumeError`` otherwise); those records are counted as done and skipped."""
    iterator = iter(records)
    for number, line in enumerate(output.done_lines(), 1):
        record = next(iterator, None)
        if record is None or record.id != line["id"]:
            found = f"input record {number} is {record.id!r}" if record else "no such input"
            raise ResumeError(
                f"cannot resume {output.partial}: its line {number} is {line['id']!r}, "
                f"{found}; it was written from other inputs: give the same inputs, or run "
                "without --resume to start over"
            )
        summary.add_line(line, record)
    output.begin()
    for record in iterator:
        summary.read(record)
        yield record


def _settings(args: argparse.Namespace, config: Any, max_size: int, fields: JsonFields) -> str:
    """A digest of everything an output line depends on besides the input records."""
    from cleanarticle import __version__

    evidence = "none" if args.no_evidence else "corpus"
    if args.evidence is not None:
        digest = hashlib.sha256()
        with open(args.evidence, "rb") as file:
            while block := file.read(BLOCK):
                digest.update(block)
        evidence = digest.hexdigest()
    settings = {
        "version": __version__,
        "config": config,
        "stable": not args.fast,
        "evidence": evidence,
        "format": args.format,
        "include": list(args.include or DEFAULT_INCLUDE),
        "exclude": list(args.exclude),
        "max_size": max_size,
        "fields": dataclasses.asdict(fields),
    }
    text = json.dumps(settings, sort_keys=True, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """JSON for settings: dataclasses as dicts, sets sorted, anything else as its repr."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    return repr(value)


def _progress_mode(args: argparse.Namespace) -> str:
    """``line`` on a terminal, ``log`` when asked for elsewhere, else ``off``."""
    wanted = args.progress
    if wanted is None:
        wanted = args.progress_every is not None or _interactive(sys.stderr)
    if args.quiet or not wanted:
        return "off"
    return "line" if sys.stderr.isatty() else "log"


def _interactive(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI")


def _spool_stdin(inputs: list[str]) -> list[str]:
    """Standard input is read twice (two passes): keep it in a temporary JSONL file."""
    if STDIN not in inputs:
        return list(inputs)
    fd, path = tempfile.mkstemp(prefix="cleanarticle-stdin-", suffix=".jsonl")
    with os.fdopen(fd, "wb") as handle:
        while block := sys.stdin.buffer.read(1 << 20):
            handle.write(block)
    return [path if name == STDIN else name for name in inputs]


#: Suffixes of --out names that say a file batch does not write (not a directory).
FILE_SUFFIXES = (
    ".gz", ".zst", ".bz2", ".xz", ".zip", ".tar", ".tgz", ".arrow", ".feather", ".json",
    ".csv", ".tsv", ".md", ".markdown", ".txt", ".html", ".htm",
)  # fmt: skip
WRITABLE = "a directory, FILE.jsonl, FILE.jsonl.gz, FILE.jsonl.zst, FILE.parquet or '-'"
WRITABLE_JSONL = "FILE.jsonl, FILE.jsonl.gz or FILE.jsonl.zst"
#: Why an output cannot be resumed.
NOT_RESUMABLE = "a directory, standard output and a Parquet file cannot be resumed"


#: The suffix of the file a JSONL output is written to until the run ends.
PARTIAL = ".partial"
#: The first field of a partial output's manifest (``OUT.partial.json``).
MANIFEST = "cleanarticle batch partial 1"
#: How much of a partial output is compressed at a time when the run ends.
BLOCK = 1 << 20


#: How the error of a document that hit a bug begins (see ``clean_record``).
INTERNAL = "internal error"


def _reason(error: str) -> str:
    """A failure's reason without its particulars (names, numbers, details).

    >>> _reason("cannot read past line 12 (CRC check failed): the file is cut short")
    'cannot read past line N'
    """
    head = regex.split(r"[:;(]", error, maxsplit=1)[0].strip()
    return regex.sub(r"\d+", "N", head) or error


class ResumeError(Exception):
    """A partial output that cannot be resumed with these inputs and settings."""


class _Output:
    """A directory of .md files, stdout, one JSONL file (plain, gzip or zstd), or one
    Parquet file (written to a temporary file beside it, renamed when the run ends).

    A JSONL file is written as plain lines to ``OUT.partial``, flushed line by line, beside
    a manifest (``OUT.partial.json``: the settings, the number of records) and the first
    pass's evidence (``OUT.partial.cae``); when the run ends the lines are compressed (or
    not) into OUT, atomically, and the partial files are removed. An interrupted or killed
    run leaves them, and ``resume`` takes the partial's complete lines as done."""

    def __init__(self, target: str, *, resume: bool = False) -> None:
        self.target = target
        self.used: dict[str, str] = {}
        self.handle: IO[str] | None = None
        self.compression = jsonl_compression(target)
        self.jsonl = target == STDIN or self.compression is not None
        self.parquet = not self.jsonl and is_parquet(target)
        self.results: ParquetResults | None = None  # the Parquet output, once begun
        self.partial: str | None = None
        self.manifest: dict[str, Any] | None = None  # of the partial output resumed
        self.replaced = False  # an earlier partial output was removed
        self.kept = 0  # bytes of the resumed partial's complete lines
        self.lines = 0  # lines in the partial output
        self.bytes = 0  # bytes written to stdout or the directory
        if resume and (target == STDIN or self.compression is None):
            raise BatchUsageError(f"--resume needs --out {WRITABLE_JSONL} ({NOT_RESUMABLE})")
        if target == STDIN:
            self.handle = sys.stdout
        elif self.compression is not None or self.parquet:
            path = Path(target)
            if not path.parent.is_dir():
                raise BatchUsageError(f"{target}: directory {path.parent} does not exist")
            if path.is_dir():
                raise BatchUsageError(f"{target}: is a directory")
            if self.parquet:
                return
            self.partial = target + PARTIAL
            _not_busy(self.partial)
            if resume and os.path.lexists(self.partial):
                self.manifest = self._read_manifest()
            else:
                self.replaced = any(os.path.lexists(name) for name in self._state_files())
                self._remove_state()
        else:
            path = Path(target)
            if path.exists() and not path.is_dir():
                raise BatchUsageError(f"{target}: exists and is not a directory (or .jsonl)")
            if path.suffix.lower() in FILE_SUFFIXES and not path.is_dir():
                raise BatchUsageError(
                    f"--out {target}: batch cannot write a {path.suffix} file; give {WRITABLE}"
                )
            path.mkdir(parents=True, exist_ok=True)

    # --- the partial output ------------------------------------------------------------

    def _state_files(self) -> list[str]:
        assert self.partial is not None
        return [self.partial, self.partial + ".json", self.partial + ".cae"]

    def _remove_state(self) -> None:
        for name in self._state_files():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)

    def _read_manifest(self) -> dict[str, Any]:
        name = f"{self.partial}.json"
        try:
            with open(name, "rb") as file:
                manifest = json.load(file)
        except (OSError, ValueError) as exc:
            why = getattr(exc, "strerror", None) or exc
            raise ResumeError(
                f"cannot resume {self.partial}: cannot read {name} ({why}); "
                "run without --resume to start over"
            ) from None
        if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST:
            raise ResumeError(f"cannot resume {self.partial}: {name} is not a batch manifest")
        return manifest

    def check_settings(self, settings: str) -> None:
        """Refuse to resume a partial output written with other settings."""
        if self.manifest is not None and self.manifest.get("settings") != settings:
            raise ResumeError(
                f"cannot resume {self.partial}: it was written with other settings "
                "(configuration, --fast, evidence, fields, limits or version); give the "
                "same ones, or run without --resume to start over"
            )

    def saved_evidence(self) -> Evidence | None:
        """The first pass's evidence kept beside the resumed partial output, if any."""
        if self.manifest is None or not os.path.exists(f"{self.partial}.cae"):
            return None
        try:
            return Evidence.load(f"{self.partial}.cae")
        except EvidenceError:
            return None  # counted again: the same inputs give the same counts

    def save_state(self, settings: str, evidence: Evidence | None, records: int | None) -> None:
        """Keep what a resumed run needs: the first pass's evidence, then the manifest."""
        if self.partial is None:
            return
        if evidence is not None:
            _replace_with(f"{self.partial}.cae", evidence.save)
        manifest = {"format": MANIFEST, "settings": settings, "records": records}
        text = json.dumps(manifest, indent=1) + "\n"
        _replace_with(f"{self.partial}.json", lambda name: Path(name).write_text(text, "utf-8"))

    def done_lines(self) -> Iterator[dict[str, Any]]:
        """The complete lines of the partial output being resumed, parsed (a torn last
        line, cut by the kill, is dropped); ``ResumeError`` for one that is not a result."""
        if self.manifest is None:
            return
        assert self.partial is not None
        try:
            with open(self.partial, "rb") as file:
                for number, raw in enumerate(file, 1):
                    if not raw.endswith(b"\n"):
                        break
                    try:
                        line = json.loads(raw)
                    except (ValueError, UnicodeDecodeError):
                        line = None
                    if not isinstance(line, dict) or not isinstance(line.get("id"), str):
                        raise ResumeError(
                            f"cannot resume {self.partial}: line {number} is not a batch "
                            "result; run without --resume to start over"
                        )
                    self.kept += len(raw)
                    self.lines += 1
                    yield line
        except OSError as exc:
            raise ResumeError(
                f"cannot resume {self.partial}: cannot read ({exc.strerror or exc})"
            ) from None

    def begin(self) -> None:
        """Open the partial output: a new one, or the resumed one after its complete lines
        (or a Parquet output's temporary file)."""
        if self.parquet and self.results is None:
            self.results = ParquetResults(self.target)
        if self.partial is None or self.handle is not None:
            return
        if self.manifest is not None:
            fd = os.open(self.partial, os.O_RDWR | os.O_NOFOLLOW)
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            try:
                fd = os.open(self.partial, flags, 0o666)
            except FileExistsError:
                raise ResumeError(f"{self.partial}: {BUSY}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the run ends
        except BlockingIOError:
            os.close(fd)
            raise ResumeError(f"{self.partial}: {BUSY}") from None
        if self.manifest is not None:
            os.ftruncate(fd, self.kept)
            os.lseek(fd, 0, os.SEEK_END)
        raw = open(fd, "wb")  # noqa: SIM115 (closed by close() or abort())
        self.handle = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")

    # --- results -----------------------------------------------------------------------

    def write(self, result: Result) -> Result:
        if self.results is not None:
            self.results.write(result.to_record())
            return result
        if self.handle is not None:
            line = result.to_json() + "\n"
            self.handle.write(line)
            if self.partial is not None:
                self.handle.flush()  # a killed run keeps every line it wrote
                self.lines += 1
            else:
                self.bytes += len(line.encode("utf-8"))
            return result
        if result.error is not None:
            return result
        if result.out in self.used:
            return Result(
                result.id, result.out, error=f"output {result.out} already written for "
                f"{self.used[result.out]}; give records distinct ids or file names",
            )  # fmt: skip
        path = Path(self.target) / result.out
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if _outside(path.parent, self.target):
                return Result(
                    result.id, result.out, error=f"not written: {path.parent} leads out of "
                    "--out through a symbolic link; remove the link",
                )  # fmt: skip
            write_atomic(path, result.markdown, follow_symlinks=False)
        except OSError as exc:
            return Result(result.id, result.out, error=f"cannot write {path}: {exc.strerror}")
        self.used[result.out] = result.id
        self.bytes += len(result.markdown.encode("utf-8"))
        return result

    def close(self) -> None:
        """End the run: the partial output becomes OUT (compressed as its name says)."""
        if self.parquet:
            self.begin()  # no records at all
            assert self.results is not None
            self.results.close()
            return
        if self.partial is None:
            if self.handle is sys.stdout:
                sys.stdout.flush()
            return
        self.begin()  # no records at all
        assert self.handle is not None
        self.handle.flush()
        os.fsync(self.handle.fileno())
        if os.stat(self.partial).st_ino != os.fstat(self.handle.fileno()).st_ino:
            raise ResumeError(f"{self.partial} was removed or replaced by another run: {BUSY}")
        self.handle.close()
        if self.compression:
            _replace_with(self.target, self._compress)
        else:
            os.replace(self.partial, self.target)
        self._remove_state()

    def _compress(self, name: str) -> None:
        assert self.partial is not None and self.compression
        with open(name, "wb") as raw:
            stream = _compressor(raw, self.compression)
            with open(self.partial, "rb") as lines:
                while block := lines.read(BLOCK):
                    stream.write(block)
            stream.close()  # ends the compressed stream; the file stays open
            raw.flush()
            os.fsync(raw.fileno())

    def output_bytes(self) -> int:
        """The bytes written: the JSONL or Parquet file, the lines on stdout, the .md files."""
        if self.partial is not None or self.parquet:
            return os.path.getsize(self.target)
        return self.bytes

    def abort(self) -> None:
        """Stop writing; a partial output is kept, to be resumed (a Parquet output's
        temporary file is removed)."""
        if self.results is not None:
            self.results.abort()
        if self.handle is not None and self.handle is not sys.stdout:
            with contextlib.suppress(Exception):
                self.handle.close()


#: Why a partial output cannot be written.
BUSY = "another 'cleanarticle batch' is writing it; wait for it to end, or give another --out"


def _not_busy(partial: str) -> None:
    """``BatchUsageError`` when another run holds the lock of the partial output."""
    try:
        fd = os.open(partial, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return  # none (or a link, which is removed or refused later)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise BatchUsageError(f"{partial}: {BUSY}") from None
    finally:
        os.close(fd)  # and the lock with it


def _replace_with(target: str, write: Callable[[str], object]) -> None:
    """Make ``target`` atomically: ``write(name)`` writes a temporary file beside it,
    which then gets the umask's permissions and is renamed over it."""
    directory, base = os.path.split(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{base}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp made it 0600
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _compressor(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A stream that compresses into ``raw`` and leaves it open when closed; the same
    lines give the same bytes (no time or name in a gzip header)."""
    if compression == "gzip":
        return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0)
    writer = zstandard().ZstdCompressor().stream_writer(raw, closefd=False)
    return writer  # type: ignore[no-any-return]


def _outside(directory: Path, top: str) -> bool:
    """Whether ``directory`` (under ``top``) resolves outside it, through a symbolic link."""
    real_top = os.path.realpath(top)
    return os.path.commonpath([real_top, os.path.realpath(directory)]) != real_top


class Progress:
    """A pass's progress: done, docs/s and (when the total is known) an ETA, as one status
    line redrawn on a terminal (``mode="line"``), as a line every ``every`` seconds in a
    log (``"log"``), or not at all (``"off"``)."""

    def __init__(
        self,
        label: str,
        total: int | None,
        stream: TextIO,
        mode: str = "off",
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.total, self.stream, self.mode = label, total, stream, mode
        self.every = every if mode == "log" else 0.2
        self.clock = clock
        self.started = self.last = clock()
        self.done = self.skipped = 0

    def update(self, done: int, skipped: int = 0) -> None:
        """``done`` documents so far, ``skipped`` of them without work (resumed)."""
        self.done, self.skipped = done, skipped
        now = self.clock()
        if self.mode != "off" and now - self.last >= self.every:
            self.last = now
            self._show(now, end="")

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = (self.done - self.skipped) / elapsed
        text = f"{self.label} {self.done:,}"
        if self.total:
            text += f"/{self.total:,} docs"
            if rate > 0:
                text += f"  {rate:,.0f} docs/s  ETA {_clock((self.total - self.done) / rate)}"
        else:
            text += f" docs  {rate:,.0f} docs/s"
        return text

    def _show(self, now: float, end: str) -> None:
        if self.mode == "line":
            self.stream.write("\r" + self.line(now) + "\x1b[K" + end)
        else:
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.mode != "off":
            self._show(self.clock(), end="\n")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Summary:
    """Counts for the end-of-run report and ``--stats``; every failure is kept."""

    def __init__(self) -> None:
        self.documents = 0
        self.resumed = 0  # documents whose results a resumed partial output held
        self.input_bytes = 0
        self.edits: Counter[tuple[str, str]] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.internal = 0  # failures that are bugs (exit code 123)

    def read(self, record: Record) -> None:
        """Count a record's input bytes (its text or HTML as read)."""
        content = record.content
        if isinstance(content, str):
            self.input_bytes += len(content.encode("utf-8", errors="surrogatepass"))
        else:
            self.input_bytes += len(content)

    def add(self, result: Result) -> None:
        self.documents += 1
        if result.error is not None:
            self.failures.append((result.id, result.error))
            self.internal += result.internal
            return
        for edit in result.data.get("edits", ()):
            self.edits[(edit["code"], edit["name"])] += 1

    def add_line(self, line: dict[str, Any], record: Record) -> None:
        """Count a result already in a resumed partial output, as if cleaned now."""
        self.read(record)
        self.resumed += 1
        self.documents += 1
        error = line.get("error")
        if isinstance(error, str):
            self.failures.append((line["id"], error))
            self.internal += error.startswith(INTERNAL)
            return
        for edit in line.get("edits") or ():
            if isinstance(edit, dict):
                self.edits[(str(edit.get("code")), str(edit.get("name")))] += 1

    def stats(self, seconds: float, output_bytes: int) -> dict[str, Any]:
        """What ``--stats`` writes."""
        reasons = Counter(_reason(error) for _, error in self.failures)
        codes: Counter[str] = Counter()
        for (code, _), n in self.edits.items():
            codes[code] += n
        return {
            "documents": self.documents,
            "cleaned": self.documents - len(self.failures),
            "failed": len(self.failures),
            "internal_errors": self.internal,
            "resumed": self.resumed,
            "failures": dict(sorted(reasons.items())),
            "input_bytes": self.input_bytes,
            "output_bytes": output_bytes,
            "edits": dict(sorted(codes.items())),
            "seconds": round(seconds, 3),
        }

    def report(self, stream: TextIO, seconds: float, evidence: object) -> None:
        ok = self.documents - len(self.failures)
        rate = self.documents / seconds if seconds > 0 else 0.0
        stream.write(
            f"cleaned {ok:,} of {self.documents:,} documents in {seconds:.1f} s "
            f"({rate:,.0f} docs/s), {len(self.failures):,} failed\n"
        )
        if evidence is not None:
            stream.write(f"evidence: {len(evidence):,} words seen at least twice\n")  # type: ignore[arg-type]
        if self.edits:
            stream.write("edits per cleaner:\n")
            for (code, name), n in sorted(self.edits.items()):
                stream.write(f"  {code} {name:<22} {n:,}\n")
        if self.failures:
            stream.write("failed:\n")
            for ident, error in self.failures:
                stream.write(f"  {ident}: {error}\n")
