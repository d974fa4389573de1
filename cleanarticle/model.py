"""The document model: blocks of lines with their input line numbers, metadata, edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections import Counter

    from cleanarticle.evidence import Evidence


class Kind(StrEnum):
    """What a block is. Paragraphs and headings hold inline Markdown; the rest is kept raw."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    RULE = "rule"


#: Kinds whose lines are kept as written (only trailing whitespace is trimmed).
RAW_KINDS = frozenset({Kind.LIST, Kind.QUOTE, Kind.CODE, Kind.TABLE, Kind.RULE})


@dataclass(slots=True)
class Line:
    """One line of text and the input line it came from (1-based; 0 when unknown)."""

    text: str
    number: int


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list, quote, code block, table or rule."""

    kind: Kind
    lines: list[Line]
    level: int = 0

    @property
    def text(self) -> str:
        """The block's lines joined with newlines."""
        lines = self.lines
        if len(lines) == 1:  # most blocks: no join (this is asked for millions of times)
            return lines[0].text
        return "\n".join([line.text for line in lines])

    @property
    def number(self) -> int:
        """The input line number of the block's first line."""
        return self.lines[0].number if self.lines else 0

    @property
    def is_paragraph(self) -> bool:
        return self.kind is Kind.PARAGRAPH

    def set_text(self, text: str) -> None:
        """Replace the block's text with one line, keeping the first line's number."""
        self.lines = [Line(text, self.number)]


@dataclass(frozen=True)
class Image:
    """An image the article showed: its caption and its credit, either may be empty."""

    caption: str = ""
    credit: str = ""

    #: The fields that hold prose (the character cleaners repair them; URLs are left alone).
    PROSE: ClassVar[tuple[str, ...]] = ("caption", "credit")


@dataclass(frozen=True)
class Related:
    """A related article the page linked to."""

    title: str = ""
    url: str = ""

    PROSE: ClassVar[tuple[str, ...]] = ("title",)


@dataclass(frozen=True)
class FieldSpec:
    """One metadata field, as the schema table describes it.

    ``kind`` says how the value is typed, written and read back: ``text``, ``texts`` (a
    list of text), ``date`` (``YYYY-MM-DD``) or ``records`` (a list of mappings of text,
    read into ``record``). ``repaired``: the character cleaners repair its prose when it
    comes from a front matter or an HTML page (which never went through the body's
    cleaners). ``html``: which signals of an HTML page fill it.
    """

    kind: str
    what: str
    repaired: bool = False
    html: str = ""
    record: type[Image] | type[Related] | None = None

    @property
    def written_as(self) -> str:
        """The value's type as docs/format.md states it."""
        if self.record is not None:
            names = ", ".join(f.name for f in fields(self.record))
            return f"list of `{{{names}}}`"
        return {"text": "text", "texts": "list of text", "date": "`YYYY-MM-DD`"}[self.kind]


def _field(kind: str, what: str, *, repaired: bool = False, html: str = "", **spec: Any) -> Any:
    """A Metadata field with its row of the schema (in ``dataclasses.Field.metadata``)."""
    default: Any = {"text": "", "date": None}.get(kind, ())
    row = FieldSpec(kind, what, repaired, html, **spec)
    return field(default=default, metadata={"spec": row})


@dataclass(frozen=True)
class Metadata:
    """Facts about the article. Empty values are omitted from the front matter.

    Each field is one row of the schema (its ``FieldSpec``): the front matter's order and
    keys, how a value is read back, which fields the character cleaners repair and the
    table of docs/format.md all come from these rows, so that a new field is one row.

    ``extra`` keeps front matter keys this library does not know, so that they survive a
    round trip; they are written after the known keys, sorted by name.
    """

    title: str = _field(
        "text",
        "the headline",
        repaired=True,
        html="the visible `<h1>`, og:title, twitter:title, JSON-LD `headline`, `<title>`",
    )
    description: str = _field(
        "text",
        "the standfirst (the line under the headline)",
        repaired=True,
        html="trafilatura's (og:description, `<meta name=description>`)",
    )
    byline: str = _field(
        "text",
        'the byline as written, without "By"',
        repaired=True,
        html="the authors, joined",
    )
    authors: tuple[str, ...] = _field(
        "texts",
        "person names split out of the byline",
        repaired=True,
        html="the byline beside the headline (marked, or a `By` line, or author-page "
        "links), JSON-LD `Person`, author meta tags, an author box at the article's end",
    )
    byline_affiliation: str = _field(
        "text",
        "the employer or role the byline names (`Reuters`, `Staff Writer`)",
        repaired=True,
    )
    author_url: str = _field(
        "text", "the author's page", html='the first `<a rel="author">`, made absolute'
    )
    date: dt.date | None = _field(
        "date",
        "publication date",
        html="the URL's date, `article:published_time`, `<time>` and dates printed beside "
        "the headline (marked or not), JSON-LD `datePublished`, other meta tags, htmldate",
    )
    updated: dt.date | None = _field(
        "date",
        "the date the article says it was last changed (`Updated: ...`)",
        html="an `Updated` date beside the headline, JSON-LD `dateModified`, "
        "`article:modified_time`; only a day after `date`",
    )
    timestamp: str = _field(
        "text",
        "publication date and time when the text gives a time (ISO 8601 to the minute, "
        "with the UTC offset when a zone is named)",
        html="the time of the signal the date came from",
    )
    url: str = _field(
        "text",
        "the article's own address",
        html="trafilatura's (`<link rel=canonical>`, og:url), else the address given",
    )
    site_name: str = _field(
        "text", "the publication", repaired=True, html="trafilatura's (og:site_name, publisher)"
    )
    image: str = _field(
        "text", "the lead image's address (from an HTML page)", html="trafilatura's (og:image)"
    )
    images: tuple[Image, ...] = _field(
        "records",
        "photo captions and credits",
        repaired=True,
        html="`<figcaption>` in the article, with its credit element",
        record=Image,
    )
    related: tuple[Related, ...] = _field(
        "records", "related-article teasers", repaired=True, record=Related
    )
    links: tuple[str, ...] = _field("texts", "other bare URLs that stood alone on a line")
    extra: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The non-empty fields as plain data, in front matter order."""
        out: dict[str, Any] = {}
        for key, spec in SCHEMA.items():
            value = getattr(self, key)
            if not value:
                continue
            if spec.record is not None:
                value = [_compact(vars(item)) for item in value]
            elif isinstance(value, tuple):
                value = list(value)
            out[key] = value
        for key, value in sorted(self.extra):
            out[key] = value
        return out

    def replace(self, **changes: Any) -> Metadata:
        """A copy with some fields changed (as ``dataclasses.replace``, which is slow: it
        calls ``__init__`` with every field; cleaners set metadata a few times each).

        >>> meta = Metadata(title="A").replace(byline="B")
        >>> meta.title, meta.byline, meta == Metadata(title="A", byline="B")
        ('A', 'B', True)
        """
        unknown = changes.keys() - METADATA_FIELDS
        if unknown:
            raise TypeError(f"Metadata has no field {sorted(unknown)[0]!r}")
        new = object.__new__(Metadata)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new


def _compact(mapping: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in mapping.items() if v}


#: The schema: every known front matter key and its row, in the one order they are written.
SCHEMA: dict[str, FieldSpec] = {
    f.name: f.metadata["spec"] for f in fields(Metadata) if "spec" in f.metadata
}
#: Front matter keys, in the one order they are written.
METADATA_KEYS: tuple[str, ...] = tuple(SCHEMA)
METADATA_FIELDS = frozenset(f.name for f in fields(Metadata))


@dataclass(frozen=True)
class Edit:
    """One change a cleaner made: what it was, what it became, and why.

    ``kind`` is one of ``replace``, ``remove``, ``move`` (text left the body for the
    metadata), ``join``, ``split``, ``decode``, ``extract`` (a fact read from an HTML page)
    and ``note`` (nothing changed, but the
    report should say something, e.g. that a guard made a cleaner back off).
    """

    code: str
    name: str
    kind: str
    reason: str
    before: str = ""
    after: str = ""
    line: int = 0

    def describe(self) -> str:
        """One line for humans: the reason, with the text involved when it is short."""
        parts = [self.reason]
        if self.kind == "replace" and self.before and self.after:
            parts.append(f"{_short(self.before)!r} -> {_short(self.after)!r}")
        elif self.kind == "extract" and self.after:
            parts.append(repr(_short(self.after)))
        elif self.before:
            parts.append(repr(_short(self.before)))
        return ": ".join(parts)


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Document:
    """What the cleaners work on: blocks, metadata so far, and the edit report."""

    blocks: list[Block]
    metadata: Metadata = field(default_factory=Metadata)
    edits: list[Edit] = field(default_factory=list)
    #: Words seen in documents cleaned together, with their counts (batch evidence).
    evidence: Evidence | None = None
    #: Input line of each value a cleaner moved to the metadata (a URL -> its line), so that
    #: later edits about that value can point at the input.
    origins: dict[str, int] = field(default_factory=dict)
    #: The typo cleaners' word counts and the text they were counted from.
    word_cache: tuple[str, Counter[str]] | None = field(default=None, repr=False, compare=False)
    #: The last head analysis and what it was read from (see ``head.analyse``).
    head_cache: tuple[Any, Any] | None = field(default=None, repr=False, compare=False)

    def set_meta(self, **changes: Any) -> None:
        """Change metadata fields."""
        self.metadata = self.metadata.replace(**changes)
