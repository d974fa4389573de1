"""Parquet files for ``cleanarticle batch``, with pyarrow (``pip install 'cleanarticle[parquet]'``).

Input rows are read a few at a time, row group after row group, through buffered reads
that are not pre-buffered, so memory does not grow with the file nor with its row groups.
Results are written a row group at a time into a temporary file beside the output, which
is renamed to it when the run ends.

An output row has a JSONL output line's fields: ``id``, ``markdown``, ``metadata`` and
``edits``, or ``id`` and ``error``. ``metadata`` and ``edits`` are JSON text (``json.loads``
gives the JSONL line's values): a document's metadata keys depend on the document (front
matter may add any), so a struct column's type would depend on which documents came
first, and shards of one corpus would not share a schema.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO, Any

from cleanarticle.writing import current_umask

PARQUET_SUFFIXES = (".parquet", ".pq")
PYARROW_MISSING = "reading or writing Parquet needs pyarrow: pip install 'cleanarticle[parquet]'"
#: The columns of an output file: the fields of a JSONL output line, each a string.
COLUMNS = ("id", "markdown", "metadata", "edits", "error")
#: Output fields written as JSON text.
JSON_COLUMNS = ("metadata", "edits")
#: Rows read at a time: a few MB of articles, however large the file's row groups are.
READ_ROWS = 64
#: A row group of the output ends at this many rows or this many bytes of text.
GROUP_ROWS = 1000
GROUP_BYTES = 32 << 20


class ParquetError(ValueError):
    """A Parquet file that cannot be read (the message is one line)."""


def is_parquet(name: str) -> bool:
    """Whether a file name is a Parquet file's.

    >>> [is_parquet(n) for n in ("a.parquet", "b.PQ", "c.jsonl")]
    [True, True, False]
    """
    return name.lower().endswith(PARQUET_SUFFIXES)


def pyarrow_parquet() -> Any:
    """``pyarrow.parquet``; ``ImportError`` with ``PYARROW_MISSING`` without pyarrow."""
    try:
        import pyarrow.parquet as module
    except ImportError:
        raise ImportError(PYARROW_MISSING) from None
    return module


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def open_parquet(name: str) -> Any:
    """A ``pyarrow.parquet.ParquetFile`` (its footer read); ``ParquetError`` when the file
    is not one (``ImportError`` without pyarrow)."""
    pq = pyarrow_parquet()
    import pyarrow as pa

    try:
        # buffered reads, no pre-buffering: memory is bounded by a page, not a row group
        return pq.ParquetFile(name, buffer_size=1 << 20, pre_buffer=False)
    except OSError as exc:
        if exc.strerror:  # the file could not be opened
            raise ParquetError(f"cannot read: {exc.strerror}") from None
        raise ParquetError(f"not a Parquet file ({_one_line(exc)})") from None
    except (pa.ArrowException, ValueError) as exc:
        raise ParquetError(f"not a Parquet file ({_one_line(exc)})") from None


def missing_columns(name: str, wanted: Sequence[str]) -> str | None:
    """Why none of the columns ``wanted`` (the text and HTML fields) can be read from the
    Parquet file ``name``, or None. ``ParquetError`` when it is not a Parquet file."""
    with contextlib.closing(open_parquet(name)) as file:
        names = file.schema_arrow.names
    if any(column in names for column in wanted):
        return None
    have = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
    quoted = " or ".join(f"'{column}'" for column in wanted)
    return f"no {quoted} column (it has {have or 'none'}); name yours with --text-field"


def read_rows(file: Any, columns: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The rows of an open Parquet file as dicts of those of ``columns`` it has, a few at
    a time, row group after row group; ``ParquetError`` where the file is damaged."""
    import pyarrow as pa

    present = [c for c in dict.fromkeys(columns) if c in file.schema_arrow.names]
    try:
        for group in range(file.num_row_groups):  # a batch never spans two: damage costs one
            batches = file.iter_batches(
                batch_size=READ_ROWS, row_groups=[group], columns=present, use_threads=False
            )
            for batch in batches:
                yield from batch.to_pylist()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise ParquetError(_one_line(exc)) from None


def _text(value: str) -> str:
    """A string Parquet can hold (UTF-8): lone surrogates as ``\\udcXX`` escapes."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True, default=str)
    return text


def row(record: dict[str, Any]) -> dict[str, str | None]:
    """An output row from a JSONL output record (``Result.to_record()``)."""
    unknown = record.keys() - set(COLUMNS)
    if unknown:
        raise ValueError(f"no Parquet column for the field {sorted(unknown)[0]!r}")
    out: dict[str, str | None] = dict.fromkeys(COLUMNS)
    for key, value in record.items():
        if key in JSON_COLUMNS:
            out[key] = _json(value)
        elif value is not None:
            out[key] = _text(str(value))
    return out


class ParquetResults:
    """Results written to a Parquet file a row group at a time, into a temporary file
    beside ``target`` that becomes ``target`` on ``close()`` (``abort()`` removes it), so
    ``target`` is never half a file."""

    def __init__(self, target: str) -> None:
        pq = pyarrow_parquet()
        import pyarrow as pa

        self.pa = pa
        self.target = target
        self.schema = pa.schema([(name, pa.string()) for name in COLUMNS])
        directory, base = os.path.split(os.path.abspath(target))
        fd, self.tmp = tempfile.mkstemp(dir=directory, prefix=f".{base}.", suffix=".tmp")
        self.file: IO[bytes] = os.fdopen(fd, "wb")
        self.writer: Any = None
        self.rows: list[dict[str, str | None]] = []
        self.size = 0  # bytes of text in self.rows
        self.closed = False
        try:
            self.writer = pq.ParquetWriter(self.file, self.schema, compression="zstd")
        except BaseException:
            self.abort()
            raise

    def write(self, record: dict[str, Any]) -> None:
        """Add a result (``Result.to_record()``); a row group is written when one is full."""
        values = row(record)
        self.rows.append(values)
        self.size += sum(len(v) for v in values.values() if v is not None)
        if len(self.rows) >= GROUP_ROWS or self.size >= GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            batch = self.pa.RecordBatch.from_pylist(self.rows, schema=self.schema)
            self.writer.write_batch(batch, row_group_size=len(self.rows))
            self.rows, self.size = [], 0

    def close(self) -> None:
        """Write what is left and rename the file to ``target`` (synced, umask's mode)."""
        if self.closed:
            return
        self._flush()
        self.writer.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.chmod(self.tmp, 0o666 & ~current_umask())  # mkstemp made it 0600
        os.replace(self.tmp, self.target)
        self.closed = True

    def abort(self) -> None:
        """Stop writing and remove the temporary file (``target`` is left as it was)."""
        if self.closed:
            return
        self.closed = True
        if self.writer is not None:
            with contextlib.suppress(Exception):
                self.writer.close()  # else it would write its footer when collected
        with contextlib.suppress(Exception):
            self.file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)
