"""``cleanarticle batch``: clean a corpus (files, directories, JSONL) on every core."""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

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
from cleanarticle.settings import file_settings, parse_size
from cleanarticle.writing import current_umask, write_atomic

DESCRIPTION = """\
Clean a whole corpus. INPUTs are article files, directories (searched recursively) and
JSONL files with one record per line: {"id": ..., "text" or "html": ..., "url": ...}
('-' reads JSONL from standard input; FILE.jsonl.gz is read, and FILE.jsonl.zst with the
zstandard package installed; --id-field and the like name other fields).

Results go to a directory of .md files mirroring the inputs (--out DIR), or to one JSONL
file with a record per input, in input order: {"id", "markdown", "metadata", "edits"},
or {"id", "error"} for a document that failed (--out FILE.jsonl, FILE.jsonl.gz,
FILE.jsonl.zst, or --out - for stdout).

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
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, JSONL")
    parser.add_argument(
        "-o", "--out", required=True, metavar="DIR|FILE.jsonl[.gz]", help="where results go"
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
    fields = parser.add_argument_group("JSONL records", "the names of their fields")
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
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress", action="store_true", default=None, help="show progress (default: on a tty)"
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show progress"
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
            if jsonl_compression(name) == "zstd":
                try:
                    zstandard()
                except ImportError as exc:
                    raise BatchUsageError(f"{name}: {exc}") from None
        inputs = _spool_stdin(args.inputs)
        output = _Output(args.out)
    except (BatchUsageError, UsageError) as exc:
        _error(f"{exc} (see 'cleanarticle batch --help')")
        return EXIT_ERROR
    except (ConfigError, EvidenceError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        _error(f"{args.out}: cannot write ({exc.strerror or exc})")
        return EXIT_ERROR
    show = not args.quiet and (
        args.progress if args.progress is not None else _interactive(sys.stderr)
    )
    engine = LocalEngine(args.jobs)

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
    try:
        evidence, total = saved, None
        if not args.no_evidence and saved is None:
            bar = Progress("reading", None, sys.stderr, show)
            evidence, total = gather_evidence(engine, records(), bar.update)
            bar.close()
            if args.save_evidence is not None:
                try:
                    evidence.save(args.save_evidence)
                except OSError as exc:
                    output.abort()
                    _error(f"{args.save_evidence}: cannot write ({exc.strerror or exc})")
                    return EXIT_ERROR
        bar = Progress("cleaning", total, sys.stderr, show)
        summary = Summary()
        results = clean_all(engine, records(), config, evidence, stable=not args.fast)
        for result in results:
            result = output.write(result)
            summary.add(result)
            bar.update(summary.documents)
        bar.close()
        output.close()
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see cleanarticle.cli.main)
        if results is not None:
            results.close()  # stops the workers
        output.abort()
        _error("interrupted; the workers were stopped and nothing was written to a JSONL output")
        return 130
    except OSError as exc:
        output.abort()
        _error(f"{args.out}: cannot write ({exc.strerror or exc})")
        return EXIT_ERROR
    finally:
        for name in inputs:
            if name not in args.inputs:
                with contextlib.suppress(OSError):
                    os.unlink(name)
    if not args.quiet:
        summary.report(sys.stderr, time.monotonic() - started, evidence)
    if summary.internal:
        return EXIT_INTERNAL
    return 1 if summary.failures else 0


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
    ".gz", ".zst", ".bz2", ".xz", ".zip", ".tar", ".tgz", ".parquet", ".pq", ".arrow",
    ".feather", ".json", ".csv", ".tsv", ".md", ".markdown", ".txt", ".html", ".htm",
)  # fmt: skip
WRITABLE = "a directory, FILE.jsonl, FILE.jsonl.gz, FILE.jsonl.zst or '-'"


class _Output:
    """A directory of .md files, or one JSONL file (plain, gzip or zstd) written
    atomically (or stdout)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.used: dict[str, str] = {}
        self.handle: IO[str] | None = None
        self.raw: IO[bytes] | None = None
        self.tmp: str | None = None
        compression = jsonl_compression(target)
        self.jsonl = target == STDIN or compression is not None
        if target == STDIN:
            self.handle = sys.stdout
        elif compression is not None:
            path = Path(target)
            if not path.parent.is_dir():
                raise BatchUsageError(f"{target}: directory {path.parent} does not exist")
            fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            self.raw = os.fdopen(fd, "wb")
            self.handle = io.TextIOWrapper(
                _compressor(self.raw, compression), encoding="utf-8", newline="\n"
            )
        else:
            path = Path(target)
            if path.exists() and not path.is_dir():
                raise BatchUsageError(f"{target}: exists and is not a directory (or .jsonl)")
            if path.suffix.lower() in FILE_SUFFIXES and not path.is_dir():
                raise BatchUsageError(
                    f"--out {target}: batch cannot write a {path.suffix} file; give {WRITABLE}"
                )
            path.mkdir(parents=True, exist_ok=True)

    def write(self, result: Result) -> Result:
        if self.handle is not None:
            self.handle.write(result.to_json() + "\n")
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
        return result

    def close(self) -> None:
        if self.handle is None or self.handle is sys.stdout:
            if self.handle is sys.stdout:
                sys.stdout.flush()
            return
        assert self.raw is not None and self.tmp is not None
        self.handle.close()  # ends the compressed stream; the file stays open
        self.raw.flush()
        os.fsync(self.raw.fileno())
        os.chmod(self.raw.fileno(), 0o666 & ~current_umask())  # mkstemp made it 0600
        self.raw.close()
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        if self.tmp is not None and self.raw is not None:
            with contextlib.suppress(Exception):
                self.raw.close()
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def _compressor(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A stream that compresses into ``raw`` and leaves it open when closed; the same
    records give the same bytes (no time or name in a gzip header)."""
    if compression == "gzip":
        return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0)
    if compression == "zstd":
        writer = zstandard().ZstdCompressor().stream_writer(raw, closefd=False)
        return writer  # type: ignore[no-any-return]
    return _Unclosed(raw)


class _Unclosed(io.BufferedIOBase):
    """``raw`` for a TextIOWrapper that must not close it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw_file = raw

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self.raw_file.write(data)

    def flush(self) -> None:
        self.raw_file.flush()

    def close(self) -> None:
        self.flush()
        super().close()


def _outside(directory: Path, top: str) -> bool:
    """Whether ``directory`` (under ``top``) resolves outside it, through a symbolic link."""
    real_top = os.path.realpath(top)
    return os.path.commonpath([real_top, os.path.realpath(directory)]) != real_top


class Progress:
    """One status line on a terminal: done, docs/s and (when the total is known) an ETA."""

    def __init__(self, label: str, total: int | None, stream: TextIO, enabled: bool) -> None:
        self.label, self.total, self.stream, self.enabled = label, total, stream, enabled
        self.started = self.last = time.monotonic()
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.2:
            self.last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.label} {self.done:,}"
        if self.total:
            text += f"/{self.total:,} docs"
            if rate > 0:
                text += f"  {rate:,.0f} docs/s  ETA {_clock((self.total - self.done) / rate)}"
        else:
            text += f" docs  {rate:,.0f} docs/s"
        return text

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line(time.monotonic()) + "\x1b[K\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Summary:
    """Counts for the end-of-run report; every failure is kept."""

    def __init__(self) -> None:
        self.documents = 0
        self.edits: Counter[tuple[str, str]] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.internal = 0  # failures that are bugs (exit code 123)

    def add(self, result: Result) -> None:
        self.documents += 1
        if result.error is not None:
            self.failures.append((result.id, result.error))
            self.internal += result.internal
            return
        for edit in result.data.get("edits", ()):
            self.edits[(edit["code"], edit["name"])] += 1

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
