"""One page through every row of the benchmark: the per-document results, no aggregation."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.quality import score, verdicts
from bench.quality.convert import CONVERTERS, dump
from bench.quality.data import Page, digest

#: Edit kinds that change the text (a note, a decode or an HTML extraction changes nothing).
CHANGING = frozenset({"replace", "remove", "move", "join", "split"})


@dataclass
class DocResult:
    """What one row made of one page; ``None`` where the page has no truth for a figure."""

    page: str
    site: str
    row: str
    seconds: float = 0.0
    match: score.Match | None = None
    raw: score.Match | None = None
    without_found: int = 0
    without_left: int = 0
    with_found: int = 0
    with_kept: int = 0
    title: bool | None = None
    authors: bool | None = None
    invented: bool | None = None
    date: bool | None = None
    #: the same three, only on pages whose dump shows the truth's value
    title_shown: bool | None = None
    authors_shown: bool | None = None
    date_shown: bool | None = None
    #: judged: no false edit once the text's own defects and its metadata are accounted
    #: for (``verdicts``); strict: the same words as the text as it is, nothing moved
    control_ok: bool | None = None
    control_strict: bool | None = None
    #: the output, cleaned again, came back the same (metadata included)
    stable: bool | None = None
    #: ``clean()`` raised (not an input error): the document counts as an empty output
    crashed: bool = False
    why: str = ""
    codes: tuple[str, ...] = ()
    found: dict[str, Any] = field(default_factory=dict)


def _metadata(
    result: DocResult, page: Page, title: str, authors: Any, date: Any, shown_in: str = ""
) -> None:
    result.found = {"title": title, "authors": list(authors or ()), "date": str(date or "")}
    if not page.has_meta:
        return
    if page.title:
        result.title = score.fold_title(title) == score.fold_title(page.title)
    truth = score.author_set(page.authors)
    if truth:
        result.authors = score.author_set(list(authors or ())) == truth
    else:
        result.invented = bool(score.author_set(list(authors or ())))
    if page.date:
        result.date = score.same_date(page.date, date)
    if shown_in:  # a dump: the figures again, where the dump shows the truth at all
        if result.title is not None and score.shows_title(shown_in, page.title):
            result.title_shown = result.title
        if result.authors is not None and score.shows_authors(shown_in, page.authors):
            result.authors_shown = result.authors
        if result.date is not None and score.shows_date(shown_in, page.date):
            result.date_shown = result.date


def _snippets(result: DocResult, page: Page, source: str, output: str) -> None:
    result.without_found, result.without_left = score.snippet_counts(
        page.without_snippets, source, output
    )
    result.with_found, result.with_kept = score.snippet_counts(page.with_snippets, source, output)


def _timed_clean(text: str, **options: Any) -> tuple[Any, float, str]:
    import cleanarticle

    start = time.perf_counter()
    try:
        article = cleanarticle.clean(text, **options)
    except cleanarticle.InputError as exc:  # a refused input is an empty output, not a crash
        return None, time.perf_counter() - start, f"refused: {exc}"
    except Exception as exc:  # a crash is a failed document, counted, and the run goes on
        return None, time.perf_counter() - start, f"crash: {type(exc).__name__}: {exc}"
    return article, time.perf_counter() - start, ""


def dump_rows(page: Page, cache: Path | None, converters: tuple[str, ...]) -> list[DocResult]:
    results = []
    for converter in converters:
        dumped = dump(converter, page.html, page.raw, cache)
        article, seconds, error = _timed_clean(dumped, format="text")
        body = score.reader_text(article.body) if article else ""
        text = score.reader_text(dumped)
        result = DocResult(
            page.key, page.site, converter, seconds, why=error, crashed=error.startswith("crash")
        )
        if page.body is not None:
            result.raw = score.match(page.body, text)
            result.match = score.match(page.body, body, source=text)
        _snippets(result, page, text, body)
        if article:
            meta = article.metadata
            _metadata(result, page, meta.title, meta.authors, meta.date, shown_in=dumped)
            result.codes = tuple(e.code for e in article.edits if e.kind in CHANGING)
            again, _, _ = _timed_clean(article.markdown, format="text")  # not timed
            result.stable = again is not None and again.markdown == article.markdown
        results.append(result)
    return results


def control_rows(page: Page) -> list[DocResult]:
    if page.body is None:
        return []
    width = 72 + int(digest(page.key)[:8], 16) % 29  # 72 to 100 columns, fixed per page
    results = []
    for row, text in (
        ("control", page.body),
        ("control-wrapped", score.hard_wrap(page.body, width)),
    ):
        article, seconds, error = _timed_clean(text, format="text")
        result = DocResult(page.key, page.site, row, seconds, crashed=error.startswith("crash"))
        if article is None:
            result.control_ok, result.control_strict, result.why = False, False, error
        else:
            out = article.body
            check = score.check_control(page.body, out)
            moved = [e for e in article.edits if e.kind == "move"]
            result.control_strict = check.ok and not moved
            edits = [
                verdicts.Edit(e.code, e.kind, e.reason, e.before, e.after) for e in article.edits
            ]
            judged = verdicts.judge(page, out, edits)
            result.control_ok = judged.ok
            result.why = judged.why
            result.codes = tuple(e.code for e in article.edits if e.kind in CHANGING)
            result.found = article.metadata.to_dict()
        results.append(result)
    return results


def _trafilatura(html: str, url: str) -> tuple[str, dict[str, str], float]:
    import trafilatura

    start = time.perf_counter()
    out = trafilatura.extract(html, output_format="markdown", with_metadata=True, url=url or None)
    seconds = time.perf_counter() - start
    meta: dict[str, str] = {}
    body = out or ""
    if body.startswith("---\n"):
        head, sep, rest = body[4:].partition("\n---\n")
        if sep:
            body = rest
            for line in head.split("\n"):
                key, _, value = line.partition(": ")
                meta[key] = value.strip().strip('"')
    return score.reader_text(body), meta, seconds


def html_rows(page: Page, cache: Path | None) -> list[DocResult]:
    source = dump("html-text", page.html, page.raw, cache)
    results = []
    article, seconds, error = _timed_clean(page.html, format="html", url=page.url or None)
    ours = DocResult(
        page.key, page.site, "html", seconds, why=error, crashed=error.startswith("crash")
    )
    body = score.reader_text(article.body) if article else ""
    if article:
        meta = article.metadata
        _metadata(ours, page, meta.title, meta.authors, meta.date)
    results.append(ours)
    text, meta_t, seconds_t = _trafilatura(page.html, page.url)
    theirs = DocResult(page.key, page.site, "trafilatura", seconds_t)
    authors = [a.strip() for a in meta_t.get("author", "").split(";") if a.strip()]
    _metadata(theirs, page, meta_t.get("title", ""), authors, meta_t.get("date", ""))
    results.append(theirs)
    for result, output in ((ours, body), (theirs, text)):
        if page.body is not None:
            result.match = score.match(page.body, output)
        _snippets(result, page, source, output)
    return results


def evaluate(
    page: Page, cache: Path | None, parts: frozenset[str], converters: tuple[str, ...] = CONVERTERS
) -> list[DocResult]:
    results: list[DocResult] = []
    if "dumps" in parts:
        results.extend(dump_rows(page, cache, converters))
    if "controls" in parts:
        results.extend(control_rows(page))
    if "html" in parts:
        results.extend(html_rows(page, cache))
    return results
