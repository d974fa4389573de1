"""A datatrove pipeline step that cleans each document's text with cleanarticle.

``CleanArticle`` puts the canonical Markdown body in ``Document.text`` and the article's
metadata in ``Document.metadata["cleanarticle"]``; a document that cannot be cleaned is
dropped (or kept unchanged, with ``on_error="keep"``) and its error is in
``Document.metadata["cleanarticle_error"]``. The same step runs on datatrove's local, Slurm
and Ray executors (see docs/datatrove.md)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    LocalPipelineExecutor(
        [JsonlReader("raw/"), CleanArticle(evidence="corpus.cae"), JsonlWriter("clean/")],
        tasks=8,
        logging_dir="logs/clean",
    ).run()
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Literal

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
except ImportError as exc:  # pragma: no cover - depends on what is installed
    raise ImportError(
        f"cleanarticle.integrations.datatrove needs datatrove ({exc}); "
        "install it with: pip install 'cleanarticle[datatrove]'"
    ) from None

from cleanarticle.api import FORMATS
from cleanarticle.batch import Record, Result, clean_record
from cleanarticle.config import DEFAULT_CONFIG, Config
from cleanarticle.errors import ConfigError
from cleanarticle.evidence import Evidence

OnError = Literal["drop", "keep"]
#: Where the article's metadata goes in ``Document.metadata`` (``None``: merged into it).
METADATA_KEY = "cleanarticle"
#: Where a failed document's error goes in ``Document.metadata``.
ERROR_KEY = "cleanarticle_error"


class CleanArticle(BaseFilter):
    """Clean ``Document.text`` (text, Markdown or HTML) into canonical Markdown.

    - ``format``: ``"auto"`` (HTML when the text is a whole page), ``"text"`` or ``"html"``;
      a document whose metadata has ``format_key`` (``"format"``) says it for itself.
    - ``url_key``: the metadata key of the page's address (used when the text names none).
    - ``config``: a :class:`cleanarticle.Config` (default: the default settings).
    - ``evidence``: a saved evidence file (``cleanarticle evidence build``), loaded once per
      worker process when the step first runs, or an ``Evidence``; ``None``: none.
    - ``metadata_key``: where the metadata goes; ``None`` merges it into the document's
      metadata (its keys, such as ``url``, replace those already there).
    - ``edits_key``: when set, the edits (code, name, reason...) are stored there too.
    - ``on_error``: ``"drop"`` a document that fails (to ``exclusion_writer`` when given),
      or ``"keep"`` it with its text unchanged; either way ``ERROR_KEY`` holds the error.
    - ``fast``: do not clean each output again to settle it and check it is stable.

    Stats: ``cleaned``, ``failed`` (``failed_input``, ``failed_internal``: a bug),
    ``edits_CODE`` (edits made by each cleaner), and the filter's ``total``,
    ``forwarded`` and ``dropped``.
    """

    name = "🧹 cleanarticle"

    def __init__(
        self,
        *,
        format: str = "auto",
        format_key: str | None = "format",
        url_key: str | None = "url",
        config: Config | None = None,
        evidence: str | os.PathLike[str] | Evidence | None = None,
        metadata_key: str | None = METADATA_KEY,
        edits_key: str | None = None,
        on_error: OnError = "drop",
        fast: bool = False,
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        if format not in FORMATS:
            raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        if on_error not in ("drop", "keep"):
            raise ConfigError(f"on_error must be 'drop' or 'keep', not {on_error!r}")
        self.format = format
        self.format_key = format_key
        self.url_key = url_key
        self.config = config or DEFAULT_CONFIG
        self.metadata_key = metadata_key
        self.edits_key = edits_key
        self.on_error = on_error
        self.fast = fast
        self.evidence: Evidence | None = None
        self.evidence_path: str | os.PathLike[str] | None = None
        if isinstance(evidence, Evidence):
            self.evidence = evidence
        else:
            self.evidence_path = evidence

    def __getstate__(self) -> dict[str, Any]:
        """Evidence loaded from a file is not sent to workers: each loads it itself."""
        state = self.__dict__.copy()
        if self.evidence_path is not None:
            state["evidence"] = None
        return state

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        if self.evidence_path is not None and self.evidence is None:
            self.evidence = load_evidence(os.fspath(self.evidence_path))
        yield from super().run(data, rank, world_size)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Clean one document in place; False (with a reason) to drop a failure."""
        result = self.clean(doc)
        if result.error is not None:
            kind = "internal" if result.internal else "input"
            self.stat_update("failed", f"failed_{kind}")
            doc.metadata[ERROR_KEY] = result.error
            return (False, f"cleanarticle_{kind}") if self.on_error == "drop" else True
        self.stat_update("cleaned")
        edits = result.data["edits"]
        for code, count in sorted(Counter(edit["code"] for edit in edits).items()):
            self.stat_update(f"edits_{code}", value=count)
        doc.text = result.data["body"]
        metadata = json.loads(json.dumps(result.data["metadata"], default=str))  # dates: ISO
        if self.metadata_key is None:
            doc.metadata.update(metadata)
        else:
            doc.metadata[self.metadata_key] = metadata
        if self.edits_key is not None:
            doc.metadata[self.edits_key] = edits
        doc.metadata.pop(ERROR_KEY, None)
        return True

    def clean(self, doc: Document) -> Result:
        """The batch result of one document (see :func:`cleanarticle.batch.clean_record`)."""
        format = self.format
        if self.format_key is not None and self.format_key in doc.metadata:
            format = doc.metadata[self.format_key]
            if format not in FORMATS:
                expected = ", ".join(FORMATS)
                error = f"metadata {self.format_key!r} is {format!r}; expected one of {expected}"
                return Result(str(doc.id), error=error)
        url = doc.metadata.get(self.url_key) if self.url_key is not None else None
        record = Record(str(doc.id), doc.text, format, url=url if isinstance(url, str) else None)
        return clean_record(record, self.config, self.evidence, stable=not self.fast)


@lru_cache(maxsize=1)
def _load(path: str, signature: tuple[int, int]) -> Evidence:
    return Evidence.load(path)


def load_evidence(path: str) -> Evidence:
    """The evidence saved in ``path``, read once per process (again when the file changes)."""
    try:
        found = os.stat(path)
    except OSError:
        return Evidence.load(path)  # raises EvidenceError: cannot read
    return _load(path, (found.st_mtime_ns, found.st_size))


__all__ = ["ERROR_KEY", "METADATA_KEY", "CleanArticle", "load_evidence"]
