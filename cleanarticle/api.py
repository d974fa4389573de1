"""The library's front door: ``clean()`` and the ``Article`` it returns."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Literal

from cleanarticle import parse as parsing
from cleanarticle.cleaners import BUILTIN
from cleanarticle.config import DEFAULT_CONFIG, Config
from cleanarticle.decode import decode, decode_as
from cleanarticle.errors import ConfigError, UnstableError
from cleanarticle.evidence import Evidence
from cleanarticle.html import extract, looks_like_html
from cleanarticle.model import Document, Edit, Metadata
from cleanarticle.pipeline import Cleaner, Context, Pipeline
from cleanarticle.render import render_body, render_document

#: Entry point group through which installed packages add cleaners.
PLUGIN_GROUP = "cleanarticle.cleaners"

_registry: Pipeline | None = None


def _default() -> Pipeline:
    """The default pipeline: built-in cleaners, then installed plugins (loaded once)."""
    global _registry
    if _registry is None:
        pipeline = Pipeline(BUILTIN)
        for item in load_plugins(entry_points(group=PLUGIN_GROUP)):
            _place(pipeline, item, item.before, item.after)
        _registry = pipeline
    return _registry


def load_plugins(points: Iterable[EntryPoint]) -> list[Cleaner]:
    """The cleaners that entry points provide (a Cleaner or a list of them), by name order."""
    found: list[Cleaner] = []
    for point in sorted(points, key=lambda p: p.name):
        where = f"plugin {point.name!r} ({point.value}, entry point group {PLUGIN_GROUP})"
        try:
            obj = point.load()
        except Exception as exc:
            raise ConfigError(
                f"{where} failed to load: {type(exc).__name__}: {exc}; fix or uninstall it"
            ) from None
        items = [obj] if isinstance(obj, Cleaner) else obj
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, Cleaner) for i in items):
            raise ConfigError(f"{where} is not a Cleaner or a list of Cleaners")
        found.extend(items)
    return found


def _place(pipeline: Pipeline, item: Cleaner, before: str | None, after: str | None) -> None:
    if before is not None:
        pipeline.before(before, item)
    elif after is not None:
        pipeline.after(after, item)
    else:
        pipeline.push(item)


def default_pipeline() -> Pipeline:
    """A copy of the default pipeline (built-in cleaners, plugins and registered ones)."""
    return _default().copy()


def register(item: Cleaner, *, before: str | None = None, after: str | None = None) -> None:
    """Add a cleaner to the default pipeline: at the end, or next to another cleaner.

    Without ``before``/``after`` the cleaner's own placement (``@cleaner(before=...)``) is used.
    """
    if before is None and after is None:
        before, after = item.before, item.after
    _place(_default(), item, before, after)


def unregister(ref: str) -> None:
    """Remove a cleaner from the default pipeline (by code or name)."""
    _default().remove(ref)


@dataclass(frozen=True)
class Article:
    """A cleaned article: the canonical document, its body, its metadata, and the edits."""

    markdown: str
    body: str
    metadata: Metadata
    edits: tuple[Edit, ...] = ()
    #: cleaning ``markdown`` again gives it back (``None``: not checked, see ``clean(fast=)``)
    stable: bool | None = None

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


InputFormat = Literal["auto", "text", "html"]
_SURROGATE = re.compile("[\ud800-\udfff]")
FORMATS: tuple[str, ...] = ("auto", "text", "html")


def clean(
    text: str | bytes,
    *,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    evidence: Evidence | Mapping[str, int] | None = None,
    format: InputFormat = "auto",
    url: str | None = None,
    encoding: str | None = None,
    fast: bool = False,
) -> Article:
    """Clean one article.

    ``text`` may be bytes (decoded as ``encoding`` when given, else as UTF-8, else as a
    detected encoding, which the ``CA000`` decode edit reports: see
    :func:`cleanarticle.decode.is_guess`). ``format`` is ``"text"``
    (plain text or Markdown), ``"html"`` (a web page: its main text and metadata are
    extracted first) or ``"auto"`` (HTML when the input is a whole page). ``url`` is the
    address the article came from (used when the text does not give one). ``evidence`` is
    the word counts of documents cleaned together (an ``Evidence``, built once for a
    corpus, or a plain mapping), used by the typo cleaner.

    The result is a fixed point: the output is cleaned again, and again while that still
    changes it (at most :data:`SETTLE_ROUNDS` times; what those rounds change is in the
    edits, marked as such); when the output is the input (an article cleaned before), that
    is this very call, and is not made again. ``fast`` skips it (about twice as fast; the
    result may then change when it is cleaned again).

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
    pipeline = pipeline if pipeline is not None else _default()
    if format not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    notes: list[Edit] = []
    if isinstance(text, bytes):
        text, note = decode(text) if encoding is None else decode_as(text, encoding)
        if note:
            notes.append(Edit("CA000", "input", "decode", note))
    elif not text.isascii() and _SURROGATE.search(text):
        # A str can hold lone surrogates (from JSON escapes, or a file name read with
        # surrogateescape); they cannot be written as UTF-8, so they are marked as U+FFFD.
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        notes.append(Edit("CA000", "input", "decode", f"replaced {count} lone surrogate(s)"))
    as_html = format == "html" or (format == "auto" and looks_like_html(text))
    if as_html:
        doc = _from_html(text, url, notes)
    else:
        doc = parsing.parse(parsing.normalize_newlines(text))
        doc.edits.extend(notes)
    if evidence:
        evidence = evidence if isinstance(evidence, Evidence) else Evidence(evidence)
    unread = copy.deepcopy(doc) if url else None
    doc.evidence = evidence or doc.evidence
    pipeline.run(doc, config)
    if unread is not None and url and not doc.metadata.url:
        # The text gives no url, so the caller's is the article's: cleaning starts over
        # with it on the document, as it is when the output is cleaned again (the date
        # in such a url is then read by the cleaners, not left to a second cleaning).
        doc = unread
        doc.set_meta(url=url)
        doc.edits.append(Edit("CA000", "input", "extract", "url from the caller", after=url))
        doc.evidence = evidence or doc.evidence
        pipeline.run(doc, config)
    article = _article(doc, config)
    if fast:
        return article
    if not as_html and url is None and article.markdown == text:
        # The output is the input (an article cleaned before): cleaning it again is this
        # very call, and gives it back (black skips its assert_stable the same way).
        return dataclasses.replace(article, stable=True)
    return _settle(article, config, pipeline, evidence)


#: How many more times ``clean`` cleans its output while that still changes it.
SETTLE_ROUNDS = 2
_SETTLING = " (settling: found when the output was cleaned again)"


def _settle(
    article: Article,
    config: Config,
    pipeline: Pipeline,
    evidence: Evidence | Mapping[str, int] | None,
) -> Article:
    """The article cleaned again until that changes nothing: a cleaner that judged a line
    before another took its neighbour out sees, on the output, what it should have seen.
    The edits of those rounds name no input line (they were made on the output)."""
    edits = list(article.edits)
    for settled in range(SETTLE_ROUNDS + 1):
        again = _cleaned_again(article, config, pipeline, evidence)
        if again.markdown == article.markdown and _same_metadata(article, again, config):
            return dataclasses.replace(article, edits=tuple(edits), stable=True)
        if settled == SETTLE_ROUNDS:
            break
        edits.extend(
            dataclasses.replace(e, line=0, reason=e.reason + _SETTLING)
            for e in again.edits
            if e.code != "CA000"
        )
        article = dataclasses.replace(again, edits=tuple(edits))
    return dataclasses.replace(article, stable=False)


def _cleaned_again(
    article: Article,
    config: Config,
    pipeline: Pipeline | None,
    evidence: Evidence | Mapping[str, int] | None,
) -> Article:
    """One more pass over the canonical output, as the next run would clean it."""
    return clean(
        article.markdown,
        config=config,
        pipeline=pipeline,
        evidence=evidence,
        format="text",
        fast=True,
    )


def _same_metadata(article: Article, again: Article, config: Config) -> bool:
    """Whether reading the output back gives its metadata (keys left out of the front
    matter by ``omit_keys`` cannot come back, so they are not compared)."""
    return bool(config.omit_keys) or again.metadata == article.metadata


def check_stable(
    article: Article,
    *,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    evidence: Evidence | Mapping[str, int] | None = None,
) -> None:
    """Raise UnstableError unless cleaning ``article.markdown`` again gives it back
    unchanged, body and metadata (black's ``assert_stable``): a result that is not a
    fixed point would be changed by the next run, so it must not be written.

    >>> check_stable(clean("Pact Signed\\n\\nBy Jane Doe\\n\\nThe deal was signed.\\n"))
    """
    if article.stable:
        return  # clean() settled it and checked
    config = config or DEFAULT_CONFIG
    again = _cleaned_again(article, config, pipeline, evidence)
    if again.markdown != article.markdown:
        raise UnstableError(
            "the output is not stable: cleaning it again changes it "
            f"({_first_difference(article.markdown, again.markdown)})"
        )
    if not _same_metadata(article, again, config):
        raise UnstableError("the output is not stable: reading it back changes its metadata")


def _first_difference(first: str, second: str) -> str:
    """``line 3: 'a' -> 'b'``: where two texts first differ."""
    old, new = first.splitlines(), second.splitlines()
    for number, (a, b) in enumerate(zip(old, new, strict=False), 1):
        if a != b:
            return f"line {number}: {a[:60]!r} -> {b[:60]!r}"
    number = min(len(old), len(new)) + 1
    longer = old if len(old) > len(new) else new
    line = longer[number - 1] if number - 1 < len(longer) else ""
    return f"line {number}: {line[:60]!r} {'removed' if longer is old else 'added'}"


def _from_html(page: str, url: str | None, notes: list[Edit]) -> Document:
    """The document of an HTML page: its extracted text, and its metadata already set."""
    found = extract(page, url)
    doc = parsing.parse(parsing.normalize_newlines(found.markdown))
    doc.metadata = Metadata(**found.metadata)
    doc.edits.extend(notes)
    for key, value in doc.metadata.to_dict().items():
        shown = value if isinstance(value, str) else str(value)
        source = found.sources.get(key)
        reason = f"{key} from the HTML page" + (f" ({source})" if source else "")
        doc.edits.append(Edit("CA000", "input", "extract", reason, after=shown))
    doc.edits.extend(Edit("CA000", "input", "note", note) for note in found.notes)
    return doc


def _article(doc: Document, config: Config) -> Article:
    body = render_body(doc.blocks)
    markdown = render_document(doc.metadata, body, config.omit_keys)
    return Article(markdown, body, doc.metadata, tuple(doc.edits))


def rules(pipeline: Pipeline | None = None) -> Iterable[Cleaner]:
    """Every cleaner of the pipeline (default: the registry), in order."""
    return list(pipeline if pipeline is not None else _default())


__all__ = [
    "Article",
    "Context",
    "check_stable",
    "clean",
    "default_pipeline",
    "register",
    "rules",
    "unregister",
]
