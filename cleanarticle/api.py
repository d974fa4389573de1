"""The library's front door: ``clean()`` and the ``Article`` it returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from cleanarticle import parse as parsing
from cleanarticle.cleaners import BUILTIN
from cleanarticle.config import DEFAULT_CONFIG, Config
from cleanarticle.decode import decode
from cleanarticle.model import Document, Edit, Metadata
from cleanarticle.pipeline import Cleaner, Context, Pipeline
from cleanarticle.render import render_body, render_document

#: The default pipeline. ``register()`` adds cleaners to it; ``default_pipeline()`` copies it.
_REGISTRY = Pipeline(BUILTIN)


def default_pipeline() -> Pipeline:
    """A copy of the default pipeline (built-in cleaners plus registered ones)."""
    return _REGISTRY.copy()


def register(item: Cleaner, *, before: str | None = None, after: str | None = None) -> None:
    """Add a third-party cleaner to the default pipeline, at the end or next to another."""
    if before is not None:
        _REGISTRY.before(before, item)
    elif after is not None:
        _REGISTRY.after(after, item)
    else:
        _REGISTRY.push(item)


def unregister(ref: str) -> None:
    """Remove a cleaner from the default pipeline (by code or name)."""
    _REGISTRY.remove(ref)


@dataclass(frozen=True)
class Article:
    """A cleaned article: the canonical document, its body, its metadata, and the edits."""

    markdown: str
    body: str
    metadata: Metadata
    edits: tuple[Edit, ...] = ()

    @classmethod
    def from_markdown(cls, text: str) -> Article:
        """Read a canonical document (front matter + body) without cleaning it."""
        doc = parsing.parse(parsing.normalize_newlines(text))
        body = render_body(doc.blocks)
        return cls(render_document(doc.metadata, body), body, doc.metadata)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: metadata (dates as ISO strings), body and edits."""
        meta = self.metadata.to_dict()
        if "date" in meta:
            meta["date"] = meta["date"].isoformat()
        return {
            "metadata": meta,
            "body": self.body,
            "edits": [asdict(e) for e in self.edits],
        }


def clean(
    text: str | bytes,
    *,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    evidence: dict[str, int] | None = None,
) -> Article:
    """Clean one article.

    ``text`` may be bytes (decoded as UTF-8, else detected). ``evidence`` is a word count
    from documents cleaned together, used by the typo cleaner.

    >>> article = clean("Pact Signed\\n\\nBy Jane Doe\\n\\nThe deal was signed on Tuesday.\\n")
    >>> print(article.markdown, end="")
    ---
    title: Pact Signed
    byline: Jane Doe
    authors:
    - Jane Doe
    ---
    <BLANKLINE>
    The deal was signed on Tuesday.
    """
    config = config or DEFAULT_CONFIG
    pipeline = pipeline or _REGISTRY
    notes: list[Edit] = []
    if isinstance(text, bytes):
        text, note = decode(text)
        if note:
            notes.append(Edit("CA000", "input", "decode", note))
    doc = parsing.parse(parsing.normalize_newlines(text))
    doc.edits.extend(notes)
    if evidence:
        doc.evidence = dict(evidence)
    pipeline.run(doc, config)
    return _article(doc, config)


def _article(doc: Document, config: Config) -> Article:
    body = render_body(doc.blocks)
    markdown = render_document(doc.metadata, body, config.omit_keys)
    return Article(markdown, body, doc.metadata, tuple(doc.edits))


def rules(pipeline: Pipeline | None = None) -> Iterable[Cleaner]:
    """Every cleaner of the pipeline (default: the registry), in order."""
    return list(pipeline or _REGISTRY)


__all__ = ["Article", "Context", "clean", "default_pipeline", "register", "rules", "unregister"]
