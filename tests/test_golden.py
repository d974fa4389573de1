"""The golden files: the five real scraped inputs and their canonical outputs.

Update them deliberately with ``pytest tests/test_golden.py --update-goldens`` and read
every changed line (``git diff golden/expected``) before committing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cleanarticle import Article, clean
from cleanarticle.validate import problems
from tests.conftest import GOLDEN

INPUTS = sorted((GOLDEN / "inputs").glob("*.txt"))
IDS = [p.stem for p in INPUTS]


def expected_path(stem: str):  # type: ignore[no-untyped-def]
    return GOLDEN / "expected" / f"{stem}.md"


def test_there_are_five_inputs() -> None:
    assert len(INPUTS) == 5


@pytest.mark.parametrize("source", INPUTS, ids=IDS)
def test_golden(source, update_goldens: bool) -> None:  # type: ignore[no-untyped-def]
    output = clean(source.read_bytes()).markdown
    target = expected_path(source.stem)
    if update_goldens:
        target.write_text(output, encoding="utf-8", newline="\n")
    assert target.exists(), "run: pytest tests/test_golden.py --update-goldens"
    assert output == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", INPUTS, ids=IDS)
def test_expected_is_canonical_and_a_fixed_point(source) -> None:  # type: ignore[no-untyped-def]
    expected = expected_path(source.stem).read_text(encoding="utf-8")
    assert problems(expected) == []
    again = clean(expected)
    assert again.markdown == expected
    assert again.metadata == Article.from_markdown(expected).metadata
    assert [e for e in again.edits if e.kind != "note"] == []


def _source(prefix: str) -> str:
    return next(p for p in INPUTS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def _golden(prefix: str) -> Article:
    [path] = [p for p in INPUTS if p.name.startswith(prefix)]
    return clean(path.read_bytes())


def test_000_hard_wrapped_plain_text() -> None:
    article = _golden("000")
    body, meta = article.body, article.metadata
    assert "## 'Big deal'\n" in body and "## Eyes on Mars\n" in body
    assert "http" not in body
    assert meta.byline == "Anastasia Clark for AFP"
    assert meta.author_url.endswith("/author/anastasia-clark-for-afp")
    [related] = meta.related
    assert related.title.startswith("Russia Shuns U.S. Lunar Program")
    assert related.url.endswith("russia-shuns-us-lunar-program-as-space-cooperation-under-threat")
    assert meta.date is None  # the only dated URL is another article's
    [image] = meta.images
    assert image.caption.endswith("a trend it seeks to reverse.") and image.credit
    assert "Roscomos" not in body and "Musks's" not in body and "Musk's" in body
    assert all(len(line) < 400 for line in body.splitlines())


def test_001_markdown_converges_with_000() -> None:
    plain, markdown = _golden("000"), _golden("001")
    assert markdown.body == plain.body
    meta = markdown.metadata
    assert meta.title.startswith("Planetary Pact")
    assert meta.byline == plain.metadata.byline
    assert meta.date == dt.date(2021, 3, 9)
    assert meta.url.endswith("-a73187")
    assert meta.images == plain.metadata.images
    assert [r.title for r in meta.related] == [r.title for r in plain.metadata.related]
    assert "](#)" not in markdown.markdown and "## **" not in markdown.body


def test_002_date_prefix() -> None:
    article = _golden("002")
    assert article.metadata.date == dt.date(2021, 3, 11)
    assert article.body.startswith("Russia and China on Tuesday unveiled plans")
    assert "(張克儉)" in article.body
    source = _source("002")
    expected = source.replace("date 2021-03-11 ", "").translate(
        str.maketrans({"’": "'", "“": '"', "”": '"'})
    )
    paragraphs = [line.strip() for line in expected.splitlines() if line.strip()]
    assert article.body.rstrip("\n").split("\n\n") == paragraphs


def test_003_title_and_source() -> None:
    article = _golden("003")
    source = _source("003")
    paragraphs = source.split("\n\n")
    assert article.metadata.title == paragraphs[0]
    assert article.metadata.byline == "Dieter Pelz"
    expected = [p.strip().replace("Roscomos", "Roscosmos") for p in paragraphs[2:]]
    assert article.body.rstrip("\n").split("\n\n") == expected


def test_004_site_chrome_and_captions() -> None:
    article = _golden("004")
    body, meta = article.body, article.metadata
    assert "IE 11" not in article.markdown and " app " not in body
    assert meta.title.startswith("Russia and China unveil plans")
    assert body.startswith("MOSCOW — Russia and China have agreed")
    assert any(i.caption.startswith("Russia and China on March 9, 2021") for i in meta.images)
    assert any(i.credit == "Ye Aung Thu / AFP - Getty Images file" for i in meta.images)
    source = _source("004")
    straight = source.translate(str.maketrans({"’": "'", "“": '"', "”": '"'}))
    start = straight.index("MOSCOW")
    kept = [p for p in straight[start:].split("\n\n") if "app for breaking news" not in p]
    assert body.rstrip("\n").split("\n\n") == [p.strip() for p in kept]
