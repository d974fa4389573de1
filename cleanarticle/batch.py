"""Cleaning whole corpora: records in, results out, in two passes, on any number of cores.

The work is split so that another engine (a cluster) can run it:

- ``read_records(inputs)`` streams ``Record``s from files, directories and JSONL;
- pass 1 maps ``vocabulary`` over the records and reduces the counts to an ``Evidence``;
- pass 2 maps ``clean_record(record, config, evidence)`` over them, a pure function.

``Engine.map`` is the only thing an engine has to provide: apply a function to chunks of
records, in order, with a context (config, evidence) delivered to each worker once.
``LocalEngine`` does it with a process pool and a bounded window of chunks in flight,
so memory stays flat however large the corpus is.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import gzip
import io
import json
import operator
import os
import pickle
import signal
import sys
import tempfile
import uuid
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol, TypeVar

import regex

from cleanarticle.api import check_stable, clean
from cleanarticle.config import Config
from cleanarticle.errors import CleanArticleError, InternalError
from cleanarticle.evidence import Evidence, words_of
from cleanarticle.files import (
    DEFAULT_MAX_SIZE,
    GitIgnore,
    gitignores_above,
    size_text,
    special_kind,
)
from cleanarticle.frontmatter import yaml_error
from cleanarticle.parquet import ParquetError, is_parquet, open_parquet, read_rows

#: File names a directory is searched for (``--include`` replaces them).
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: What a compressed JSONL file's last suffix says it is compressed with.
COMPRESSIONS = {".gz": "gzip", ".zst": "zstd"}
#: Suffixes of files that batch does not read as articles (they would be cleaned as text).
UNREADABLE_SUFFIXES = {
    ".gz": "a compressed file",
    ".zst": "a compressed file",
    ".bz2": "a compressed file",
    ".xz": "a compressed file",
    ".zip": "an archive",
    ".tar": "an archive",
    ".tgz": "an archive",
}
#: What batch reads, for the error of a file it does not.
READABLE = "batch reads articles, JSONL (.jsonl, .jsonl.gz, .jsonl.zst) and Parquet files"
STDIN = "-"
ZSTANDARD_MISSING = "reading or writing .zst needs the zstandard package: pip install zstandard"


@dataclass(frozen=True)
class JsonFields:
    """The field names of a JSONL record: its id, its text or HTML, and its address."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"


def jsonl_compression(name: str) -> str | None:
    """How a JSONL file is compressed: ``""`` (not), ``"gzip"`` or ``"zstd"``; ``None``
    for a name that is not a JSONL file's.

    >>> [jsonl_compression(n) for n in ("a.jsonl", "a.NDJSON.gz", "a.jsonl.zst", "a.gz")]
    ['', 'gzip', 'zstd', None]
    """
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return ""
    stem, dot, suffix = lower.rpartition(".")
    compression = COMPRESSIONS.get(dot + suffix)
    return compression if compression and stem.endswith(JSONL_SUFFIXES) else None


def zstandard() -> Any:
    """The zstandard module; ``ImportError`` with ``ZSTANDARD_MISSING`` without it."""
    try:
        import zstandard as module
    except ImportError:
        raise ImportError(ZSTANDARD_MISSING) from None
    return module


@dataclass(frozen=True)
class Record:
    """One document to clean. ``content`` is text or bytes; ``format`` is ``auto``, ``text``
    or ``html``; ``out`` is its relative path under an output directory; ``error`` marks a
    record that could not even be read (it is reported, never dropped)."""

    id: str
    content: str | bytes = ""
    format: str = "auto"
    url: str | None = None
    out: str = ""
    error: str | None = None


@dataclass(frozen=True)
class Result:
    """What became of a record: the canonical document, or an error."""

    id: str
    out: str = ""
    markdown: str = ""
    data: dict[str, Any] = field(default_factory=dict)  # metadata, body, edits
    error: str | None = None
    #: The error is a bug (a cleaner raised, the output is not a fixed point), not the input's.
    internal: bool = False

    def to_record(self) -> dict[str, Any]:
        """The output record: ``{"id", "markdown", "metadata", "edits"}``, or ``{"id",
        "error"}`` (a JSONL line, a Parquet row)."""
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        record = {"id": self.id, "markdown": self.markdown, **self.data}
        record.pop("body", None)
        return record

    def to_json(self) -> str:
        """The JSONL line (without its newline); always encodable as UTF-8."""
        record = self.to_record()
        line = json.dumps(record, ensure_ascii=False, default=str)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (an id from a non-UTF-8 file name)
            line = json.dumps(record, ensure_ascii=True, default=str)
        return line


# --- reading ---------------------------------------------------------------------------


def read_records(
    inputs: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    format: str = "auto",
    labels: Mapping[str, str] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    fields: JsonFields = JsonFields(),
) -> Iterator[Record]:
    """Records from files, directories (recursive), JSONL files (``-``: standard input;
    ``.jsonl.gz``, and ``.jsonl.zst`` with zstandard installed, are decompressed) and
    Parquet files (``.parquet``, ``.pq``: with pyarrow installed; a row is a JSONL record).

    ``labels`` names inputs in record ids (a spooled standard input is ``<stdin>``);
    ``fields`` names the fields of records. What cannot be read is a record with an
    error, never a silent gap: a FIFO, socket or device (read it from ``-``), a file over
    ``max_size`` bytes, an unreadable directory, a symbolic link out of its input tree or
    to a directory (not followed), a compressed file or archive that is not JSONL.
    """
    for name in inputs:
        path = Path(name)
        if name == STDIN or jsonl_compression(name) is not None:
            yield from _jsonl_records(name, (labels or {}).get(name), fields)
        elif is_parquet(name):
            yield from _parquet_records(name, (labels or {}).get(name), fields)
        elif path.suffix.lower() in UNREADABLE_SUFFIXES:
            error = f"{UNREADABLE_SUFFIXES[path.suffix.lower()]}: {READABLE}"
            yield Record(name, out=str(PurePosixPath(path.name).with_suffix(".md")), error=error)
        elif path.is_dir():
            for found, problem in _walk(path, include, exclude):
                relative = found.relative_to(path).as_posix()
                if problem is not None:
                    out = str(PurePosixPath(relative).with_suffix(".md"))
                    yield Record(str(found), out=out, error=problem)
                else:
                    yield _file_record(found, relative, format, max_size)
        else:
            yield _file_record(path, path.name, format, max_size)


def _walk(
    root: Path, include: Sequence[str], exclude: Sequence[str]
) -> list[tuple[Path, str | None]]:
    """The files under ``root`` whose names match ``include`` and not ``exclude``, sorted,
    each with None, or with why it cannot be taken (listed as a failure, never skipped
    silently). Hidden files and directories, and paths a ``.gitignore`` ignores (of the
    walked directories and of those above ``root`` up to the repository's root, as the
    main command reads them), are left out; links are not followed out of the tree, nor
    into directories."""
    out: list[tuple[Path, str | None]] = []
    top = os.path.realpath(root)
    ignores: dict[Path, list[GitIgnore]] = {}

    def ignored(path: Path, is_dir: bool) -> bool:
        return any(rule.ignores(path, is_dir) for rule in ignores[path.parent])

    def matches(path: Path, globs: Sequence[str]) -> bool:
        relative = path.relative_to(root).as_posix()
        return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(relative, g) for g in globs)

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        why = f"cannot read the directory ({error.strerror or error}); its files were skipped"
        out.append((where, why))

    for directory, dirs, files in os.walk(root, onerror=unreadable):
        base = Path(directory)
        # os.walk goes top-down: a directory's parent has its rules already
        rules = gitignores_above(root) if base == Path(root) else ignores[base.parent]
        if ".gitignore" in files:
            rules = [*rules, GitIgnore.read(base)]
        ignores[base] = rules
        for name in list(dirs):
            path = base / name
            if name.startswith(".") or ignored(path, is_dir=True):
                dirs.remove(name)
            elif path.is_symlink():
                dirs.remove(name)
                if not matches(path, exclude):
                    out.append((path, "a symbolic link to a directory, not followed"))
        for name in files:
            path = base / name
            if name.startswith(".") or not matches(path, include) or matches(path, exclude):
                continue
            if ignored(path, is_dir=False):
                continue
            out.append((path, _not_readable(path, top)))
    return sorted(out)


def _not_readable(path: Path, top: str) -> str | None:
    """Why a file found in a tree is not taken (a link out of the tree, not a regular
    file), or None; a broken link is taken, to be reported when it is read."""
    if path.is_symlink():
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return None
        if os.path.commonpath([top, target]) != top:
            return f"a symbolic link out of the input tree (to {target}), not followed"
    try:
        kind = special_kind(path.stat().st_mode)
    except OSError:
        return None
    if kind is not None:
        return f"{kind}, not a regular file; pipe it to 'cleanarticle batch -'"
    return None


def _file_record(path: Path, relative: str, format: str, max_size: int) -> Record:
    out = str(PurePosixPath(relative).with_suffix(".md"))
    try:
        kind = special_kind(path.stat().st_mode)
        if kind is not None:
            error = f"{kind}, not a regular file; pipe it to 'cleanarticle batch -'"
            if kind == "a directory":
                error = "is a directory"
            return Record(str(path), out=out, error=error)
        with path.open("rb") as handle:
            content = handle.read(max_size + 1)
        if len(content) > max_size:
            return Record(str(path), out=out, error=_too_big(max_size))
        return Record(str(path), content, format, out=out)
    except FileNotFoundError:
        if path.is_symlink():
            return Record(str(path), out=out, error="broken symbolic link; fix or remove it")
        return Record(str(path), out=out, error="no such file; check the path")
    except IsADirectoryError:
        return Record(str(path), out=out, error="is a directory")
    except OSError as exc:
        return Record(str(path), out=out, error=f"cannot read: {exc.strerror or exc}")


def _too_big(max_size: int) -> str:
    return (
        f"over the size limit of {size_text(max_size)}; raise it with --max-size "
        "(or max-size in the configuration)"
    )


def _jsonl_records(
    name: str, label: str | None = None, fields: JsonFields = JsonFields()
) -> Iterator[Record]:
    """One record per line: ``{"id": ..., "text"|"html": ..., "url"?: ...}``."""
    label = label or ("<stdin>" if name == STDIN else name)
    number = 0
    try:
        kind = None if name == STDIN else special_kind(os.stat(name).st_mode)
        if kind is not None:
            error = f"{kind}, not a regular file; pipe it to 'cleanarticle batch -'"
            yield Record(label, error="is a directory" if kind == "a directory" else error)
            return
        handle = sys.stdin.buffer if name == STDIN else open_jsonl(name)
        with handle:
            for number, raw in enumerate(handle, 1):
                if raw.strip():
                    yield _json_record(raw, f"{label}:{number}", fields)
    except ImportError as exc:  # zstandard
        yield Record(label, error=str(exc))
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        if number == 0:
            yield Record(label, error=f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        else:  # the lines before were read; what follows is lost: say so, as a failure
            why = f"cannot read past line {number} ({exc}): the file is cut short or corrupt"
            yield Record(f"{label}:{number + 1}", error=why)


def _parquet_records(
    name: str, label: str | None = None, fields: JsonFields = JsonFields()
) -> Iterator[Record]:
    """One record per row, read as a JSONL line's object is (``FILE:ROW`` when it has no
    id); only the columns ``fields`` names are read."""
    label = label or name
    try:
        kind = special_kind(os.stat(name).st_mode)
        if kind is not None:
            error = f"{kind}, not a regular file; a Parquet file must be a regular file"
            yield Record(label, error="is a directory" if kind == "a directory" else error)
            return
        file = open_parquet(name)
    except (ImportError, ParquetError) as exc:  # no pyarrow; not a Parquet file
        yield Record(label, error=str(exc))
        return
    except OSError as exc:
        yield Record(label, error=f"cannot read: {exc.strerror or exc}")
        return
    number = 0
    with contextlib.closing(file):
        try:
            columns = (fields.id, fields.text, fields.html, fields.url)
            for number, data in enumerate(read_rows(file, columns), 1):
                yield _data_record(data, f"{label}:{number}", fields)
        except ParquetError as exc:  # the rows before were read; what follows is lost
            why = f"cannot read past row {number} ({exc}): the file is cut short or corrupt"
            yield Record(f"{label}:{number + 1}", error=why)


def open_jsonl(name: str) -> IO[bytes]:
    """A JSONL file opened for reading lines of bytes, decompressed as its name says."""
    compression = jsonl_compression(name)
    if compression == "gzip":
        return gzip.open(name, "rb")
    if compression == "zstd":
        return io.BufferedReader(_ZstdReader(name))
    return open(name, "rb")


class _ZstdReader(io.RawIOBase):
    """A .zst file, decompressed frame after frame; a file cut short in a frame raises
    EOFError, as gzip does (zstandard's stream reader would end it silently)."""

    def __init__(self, name: str) -> None:
        self.module = zstandard()
        self.file = open(name, "rb")  # noqa: SIM115 (closed by close())
        self.frame: Any = None  # the decompressor of the frame being read
        self.pending = b""
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self.offset >= len(self.pending):
            chunk = self.file.read(1 << 16)
            if not chunk:
                if self.frame is not None and not self.frame.eof:
                    raise EOFError("the compressed file ended in the middle of a frame")
                return 0
            self.pending, self.offset = self._decompress(chunk), 0
        size = min(len(buffer), len(self.pending) - self.offset)
        buffer[:size] = self.pending[self.offset : self.offset + size]
        self.offset += size
        return size

    def _decompress(self, data: bytes) -> bytes:
        out = []
        try:
            while data:
                if self.frame is None or self.frame.eof:
                    self.frame = self.module.ZstdDecompressor().decompressobj()
                out.append(self.frame.decompress(data))
                data = self.frame.unused_data if self.frame.eof else b""
        except self.module.ZstdError as exc:
            raise ValueError(f"not valid zstd data ({exc})") from None
        return b"".join(out)

    def close(self) -> None:
        self.file.close()
        super().close()


def _json_record(raw: bytes, where: str, fields: JsonFields = JsonFields()) -> Record:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Record(where, error=f"not valid JSON ({exc}); expected one object per line")
    if not isinstance(data, dict):
        expected = f"'{fields.id}' and '{fields.text}' or '{fields.html}'"
        return Record(where, error=f"expected a JSON object with {expected}")
    return _data_record(data, where, fields)


def _data_record(data: Mapping[str, Any], where: str, fields: JsonFields) -> Record:
    """The record of a JSONL line's object or a Parquet row: its id (``where`` when it has
    none, or null), its HTML or else its text (a string; bytes from a Parquet binary
    column are decoded as a file's are), its url."""
    ident = data.get(fields.id)
    if isinstance(ident, bytes):
        ident = ident.decode("utf-8", errors="replace")
    ident = where if ident is None else str(ident)
    url = data.get(fields.url) if isinstance(data.get(fields.url), str) else None
    out = _safe_path(ident) + ".md"
    for key, format in ((fields.html, "html"), (fields.text, "auto")):
        value = data.get(key)
        if isinstance(value, (str, bytes)):
            return Record(ident, value, format, url=url, out=out)
    error = f"no '{fields.text}' or '{fields.html}' string in the record"
    return Record(ident, out=out, error=error)


def _safe_path(ident: str) -> str:
    """A relative file path from a record id: no absolute paths, no '..', no odd bytes."""
    parts = [p for p in PurePosixPath(ident.replace("\\", "/")).parts if p not in ("/", "..", ".")]
    cleaned = ["".join(c if c.isalnum() or c in "-_.@+=" else "_" for c in p)[:120] for p in parts]
    return "/".join(p for p in cleaned if p.strip("._")) or "record"


# --- the two passes ---------------------------------------------------------------------


def vocabulary(record: Record) -> Counter[str]:
    """Pass 1 for one record: its words (for HTML, the words of the page's text)."""
    if record.error is not None or not record.content:
        return Counter()
    text = record.content
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if record.format == "html" or (record.format == "auto" and _is_html(text)):
        text = _page_text(text)
    return words_of(text)


def _is_html(text: str) -> bool:
    from cleanarticle.html import looks_like_html

    return looks_like_html(text)


def _page_text(page: str) -> str:
    """The text of an HTML page without scripts and styles (fast: lxml, no extraction)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(tree, "script", "style", "noscript", with_tail=False)
    return str(tree.text_content())


def clean_record(
    record: Record, config: Config, evidence: Evidence | None, *, stable: bool = False
) -> Result:
    """Pass 2 for one record: a pure function of (record, config, evidence).

    With ``stable`` the result is cleaned again and must not change (an internal error
    otherwise: see :func:`cleanarticle.api.check_stable`).
    """
    if record.error is not None:
        return Result(record.id, record.out, error=record.error)
    problem = _front_matter_problem(record.content)
    if problem is not None:
        return Result(record.id, record.out, error=problem)
    try:
        article = clean(
            record.content,
            config=config,
            evidence=evidence,
            format=record.format,  # type: ignore[arg-type]
            url=record.url,
            fast=not stable,
        )
        if stable:
            check_stable(article, config=config, evidence=evidence)
    except CleanArticleError as exc:
        return Result(record.id, record.out, error=str(exc))
    except InternalError as exc:
        return Result(record.id, record.out, error=f"internal error: {exc}", internal=True)
    except Exception as exc:  # a bug must cost one record, not the batch
        error = f"internal error: {type(exc).__name__}: {exc}"
        return Result(record.id, record.out, error=error, internal=True)
    if not article.body.strip() and _has_words(record.content):
        return Result(record.id, record.out, error=LOST)
    return Result(record.id, record.out, article.markdown, article.to_dict())


#: The error of a document whose article came back empty (its content would be lost).
LOST = (
    "the article came back empty: all its text was taken out (as junk, or as metadata); "
    "see what was taken with 'cleanarticle --explain'"
)


def _has_words(content: str | bytes) -> bool:
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    return regex.search(r"\w", text) is not None


def _front_matter_problem(content: str | bytes) -> str | None:
    """The input error of front matter that is not valid YAML, or None."""
    head = content[:3]
    if head not in ("---", b"---"):
        return None
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    problem = yaml_error(text)
    if problem is None:
        return None
    return f"{problem}; the front matter is not valid YAML: fix it"


# --- engines ---------------------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Runs ``func(context, chunk)`` over chunks of items and yields the results in order."""

    def map(
        self, func: Callable[[Any, list[T]], R], items: Iterable[T], context: Any
    ) -> Iterator[R]: ...


#: The context of the worker process: ``(where it was read from, the context)``.
_CONTEXT: tuple[str | None, Any] = (None, None)


def _start_worker() -> None:
    """Worker start: leave Ctrl-C to the parent, which stops the pool (a worker
    interrupted mid-document would print a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops a worker with SIGTERM


def _call(func: Callable[[Any, list[T]], R], chunk: list[T], context: str | None) -> R:
    """Run ``func`` on a chunk in a worker, with the context kept in the file ``context``
    (read once per worker and map, however many chunks it runs)."""
    global _CONTEXT
    if context is None:
        return func(None, chunk)
    if _CONTEXT[0] != context:
        _CONTEXT = (None, None)  # the last map's context is not needed any more
        with open(context, "rb") as file:
            _CONTEXT = (context, pickle.load(file))
    return func(_CONTEXT[1], chunk)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


#: What a chunk's results become when the process cleaning it died: ``lost(chunk, why)``.
LostChunk = Callable[[list[T], str], R]

#: Why a worker's documents failed when the worker died.
WORKER_DIED = (
    "the worker process cleaning it died (killed, e.g. by the out-of-memory killer); "
    "clean it on its own to see why"
)


class LocalEngine:
    """This machine's cores: a process pool, at most ``window`` chunks in flight.

    With ``keep``, or used as a context manager (``with LocalEngine(4) as engine:``), the
    engine keeps one pool for all its maps (both passes of a batch) until it is closed;
    otherwise each map has a pool of its own. A map's context is pickled once to a
    temporary file, which each worker reads once (not once per chunk).

    A worker that dies (killed by a signal or the out-of-memory killer) breaks the pool:
    its chunks in flight are then run again one item at a time, each in a fresh pool, and
    an item that kills its worker again is given to ``lost`` (its documents become
    failures) while the others are cleaned; the run goes on. When the run is interrupted
    (Ctrl-C, SIGTERM) or its consumer stops, the workers are stopped, not waited for.
    """

    def __init__(
        self, jobs: int | None = None, chunk_size: int = 16, *, keep: bool = False
    ) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.chunk_size = chunk_size
        self.window = 4 * self.jobs
        self.peak_in_flight = 0  # largest number of chunks submitted but not yet yielded
        self.keep = keep  # one pool for every map, until the engine is closed
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        self.keep = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut the pool down (its workers are idle: no map is running)."""
        self.keep = False
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def map(
        self,
        func: Callable[[Any, list[T]], R],
        items: Iterable[T],
        context: Any,
        lost: LostChunk[T, R] | None = None,
    ) -> Iterator[R]:
        if self.jobs == 1:
            for chunk in chunks(items, self.chunk_size):
                self.peak_in_flight = max(self.peak_in_flight, 1)
                yield func(context, chunk)
            return
        where = None if context is None else _context_file(context)
        pool = self.pool or self._pool()
        self.pool = pool
        pending: deque[tuple[Future[R], list[T]]] = deque()
        try:
            for chunk in chunks(items, self.chunk_size):
                pending.append((pool.submit(_call, func, chunk, where), chunk))
                self.peak_in_flight = max(self.peak_in_flight, len(pending))
                if len(pending) >= self.window:
                    result, pool = self._next(pending, pool, func, where, lost)
                    yield result
            while pending:
                result, pool = self._next(pending, pool, func, where, lost)
                yield result
        except BaseException:
            self.pool = None
            _stop(pool)
            raise
        finally:
            if where is not None:
                with contextlib.suppress(OSError):
                    os.unlink(where)
        if not self.keep:
            self.pool = None
            pool.shutdown()

    def _pool(self, jobs: int | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs or self.jobs, initializer=_start_worker)

    def _next(
        self,
        pending: deque[tuple[Future[R], list[T]]],
        pool: ProcessPoolExecutor,
        func: Callable[[Any, list[T]], R],
        context: str | None,
        lost: LostChunk[T, R] | None,
    ) -> tuple[R, ProcessPoolExecutor]:
        """The first pending chunk's result, and the pool to go on with."""
        future = pending[0][0]
        try:
            result = future.result()
        except BrokenProcessPool:
            if lost is None:
                raise
            _stop(pool)
            suspects = list(pending)
            pending.clear()
            results = [
                f.result() if _succeeded(f) else self._isolated(func, c, context, lost)
                for f, c in suspects
            ]
            pool = self.pool = self._pool()
            for chunk_result, (_, suspect) in zip(results[1:], suspects[1:], strict=True):
                done: Future[R] = Future()
                done.set_result(chunk_result)
                pending.append((done, suspect))
            return results[0], pool
        pending.popleft()
        return result, pool

    def _isolated(
        self,
        func: Callable[[Any, list[T]], R],
        chunk: list[T],
        context: str | None,
        lost: LostChunk[T, R],
    ) -> R:
        """A chunk run again an item at a time, each in a fresh one-process pool, so that
        the item that kills its worker is the only one lost."""
        parts: list[R] = []
        for item in chunk:
            with self._pool(1) as alone:
                try:
                    parts.append(alone.submit(_call, func, [item], context).result())
                except BrokenProcessPool:
                    parts.append(lost([item], WORKER_DIED))
        return functools.reduce(operator.add, parts)  # type: ignore[no-any-return]


def _context_file(context: Any) -> str:
    """A temporary file holding ``context``, pickled, for the workers to read once."""
    prefix = f"cleanarticle-context-{uuid.uuid4().hex}-"  # a name never used before
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".pickle")
    try:
        with os.fdopen(fd, "wb") as file:
            pickle.dump(context, file, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _succeeded(future: Future[Any]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel what is queued and terminate the workers (a worker in the
    middle of a long document is not waited for)."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public API for this
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)


def vocabulary_chunk(context: Any, records: list[Record]) -> Counter[str]:
    """Map step of pass 1 for a chunk, already reduced to one count (less to send back)."""
    total: Counter[str] = Counter()
    for record in records:
        total.update(vocabulary(record))
    return total


def clean_chunk(
    context: tuple[Config, Evidence | None] | tuple[Config, Evidence | None, bool],
    records: list[Record],
) -> list[Result]:
    """Pass 2 for a chunk; the context is (config, evidence[, check stability])."""
    config, evidence, *rest = context
    stable = bool(rest and rest[0])
    return [clean_record(record, config, evidence, stable=stable) for record in records]


def gather_evidence(
    engine: Engine, records: Iterable[Record], on_chunk: Callable[[int], None] | None = None
) -> tuple[Evidence, int]:
    """Pass 1: the corpus's evidence, and how many records there are."""
    counted = 0

    def counting(items: Iterable[Record]) -> Iterator[Record]:
        nonlocal counted
        for item in items:
            counted += 1
            yield item

    if isinstance(engine, LocalEngine):
        parts = engine.map(vocabulary_chunk, counting(records), None, lost=_lost_counts)
    else:
        parts = engine.map(vocabulary_chunk, counting(records), None)

    def reported() -> Iterator[Counter[str]]:
        for part in parts:
            if on_chunk:
                on_chunk(counted)
            yield part

    return Evidence.from_counts(reported()), counted


def clean_all(
    engine: Engine,
    records: Iterable[Record],
    config: Config,
    evidence: Evidence | None,
    *,
    stable: bool = False,
) -> Iterator[Result]:
    """Pass 2: every record's result, in input order (``stable``: checked, see
    :func:`clean_record`). With a ``LocalEngine``, the documents of a worker that died
    are failures, and the others are cleaned."""
    context = (config, evidence, stable)
    if isinstance(engine, LocalEngine):
        results = engine.map(clean_chunk, records, context, lost=_lost_results)
    else:
        results = engine.map(clean_chunk, records, context)
    for chunk in results:
        yield from chunk


def _lost_results(records: list[Record], why: str) -> list[Result]:
    return [Result(r.id, r.out, error=f"internal error: {why}", internal=True) for r in records]


def _lost_counts(records: list[Record], why: str) -> Counter[str]:
    return Counter()  # pass 2 lists the document (it dies there too, or is cleaned)
