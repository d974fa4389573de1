"""The development pages and their truth, read from ``../shared/devdata`` (never copied)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

#: Where the data lies when no ``--data`` is given: beside the repository, as CI lays it.
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "devdata"
SETS = ("wcxb", "readability", "trafilatura")


@dataclass(frozen=True)
class Page:
    """One page and what is known of it. ``None`` means unknown; ``()``/``""`` means none."""

    set: str
    id: str
    site: str
    url: str
    path: Path
    body: str | None
    title: str | None
    authors: str | None
    date: str | None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    #: False when the truth has no metadata at all (then title, authors and date are unknown).
    has_meta: bool = True

    @property
    def key(self) -> str:
        return f"{self.set}/{self.id}"

    @cached_property
    def raw(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())

    @cached_property
    def html(self) -> str:
        """The page decoded as trafilatura decodes files (charset, then detection)."""
        from trafilatura.utils import decode_file

        return decode_file(self.raw)


def site_of(url: str) -> str:
    """The registrable-ish host of a URL (``www.`` dropped), for grouping pages by site."""
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


def _wcxb(root: Path) -> Iterator[Page]:
    for truth_file in sorted((root / "wcxb-dev" / "ground-truth").glob("*.json")):
        record = json.loads(truth_file.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        url = record.get("url", "")
        yield Page(
            set="wcxb",
            id=truth_file.stem,
            site=site_of(url),
            url=url,
            path=root / "wcxb-dev" / "html" / f"{truth_file.stem}.html.gz",
            body=truth.get("main_content") or None,
            title=truth.get("title") or None,
            authors=truth.get("author"),  # None: the page has no author
            date=truth.get("publish_date") or None,
            with_snippets=tuple(truth.get("with") or ()),
            without_snippets=tuple(truth.get("without") or ()),
        )


def _readability(root: Path) -> Iterator[Page]:
    for folder in sorted(p for p in (root / "readability").iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8")
        date = meta.get("publishedTime") or None
        yield Page(
            set="readability",
            id=folder.name,
            # test pages have no URL; a folder such as "bbc-1" names its site "bbc"
            site=folder.name.rstrip("0123456789").rstrip("-") or folder.name,
            url="",
            path=folder / "source.html.gz",
            body=html_body_text(expected),
            title=meta.get("title") or None,
            authors=meta.get("byline"),
            date=date[:10] if date else None,
        )


def _trafilatura(root: Path) -> Iterator[Page]:
    base = root / "trafilatura-eval"
    records = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    for url, record in sorted(records.items()):
        has_meta = "title" in record
        real_url = url.split("::", 1)[-1].strip()
        yield Page(
            set="trafilatura",
            id=record["file"],
            site=site_of(real_url) or record["file"].split(".html")[0],
            url=real_url if "://" in real_url else "",
            path=base / "html" / f"{record['file']}.gz",
            body=None,
            title=record.get("title") or None,
            authors=record.get("author") or None,
            date=record.get("date") or None,
            with_snippets=tuple(record.get("with") or ()),
            without_snippets=tuple(record.get("without") or ()),
            has_meta=has_meta,
        )


def html_body_text(html: str) -> str:
    """An article's HTML as text: one paragraph per block element, blank lines between."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def load(root: Path, sets: tuple[str, ...] = SETS) -> list[Page]:
    """Every page of the chosen sets, in a fixed order."""
    readers = {"wcxb": _wcxb, "readability": _readability, "trafilatura": _trafilatura}
    pages: list[Page] = []
    for name in sets:
        pages.extend(readers[name](root))
    return [p for p in pages if p.path.exists()]


def digest(text: str) -> str:
    """A hash that is the same on every machine (sample order, a page's wrap width)."""
    return hashlib.sha1(text.encode()).hexdigest()


def stable_rank(page: Page) -> str:
    """The order a sample is drawn in."""
    return digest(page.key)


def sample(pages: list[Page], per_set: dict[str, int]) -> list[Page]:
    """A fixed sample: the first pages of each set in hash order, at most one per site."""
    chosen: list[Page] = []
    for name, count in per_set.items():
        seen: set[str] = set()
        for page in sorted((p for p in pages if p.set == name), key=stable_rank):
            if len([c for c in chosen if c.set == name]) >= count:
                break
            if page.site in seen:
                continue
            seen.add(page.site)
            chosen.append(page)
    return sorted(chosen, key=lambda p: (SETS.index(p.set), p.id))
