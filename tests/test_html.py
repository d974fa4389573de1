"""HTML pages: extraction with trafilatura, metadata from the page, convergence with the
text scrape of the same story, and bad HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanarticle import InputError, clean
from cleanarticle.html import MAX_ELEMENTS, extract, looks_like_html
from cleanarticle.model import Image
from cleanarticle.validate import problems
from tests.conftest import GOLDEN, ROOT, run_cli

PAGES = ROOT / "tests" / "fixtures" / "html"
SEEDS = sorted(p.stem for p in (GOLDEN / "inputs").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_html_page_and_text_scrape_converge(seed: str) -> None:
    page = clean((PAGES / f"seed_{seed}.html").read_bytes())
    scrape = clean((GOLDEN / "inputs" / f"{seed}.txt").read_bytes())
    assert page.body == scrape.body
    if scrape.metadata.images:
        assert page.metadata.images == scrape.metadata.images


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_every_page_gives_a_canonical_fixed_point(page: Path) -> None:
    article = clean(page.read_bytes())
    assert article.body, "the article text was found"
    assert problems(article.markdown) == []
    again = clean(article.markdown)
    assert again.markdown == article.markdown
    assert again.metadata == article.metadata


def test_page_chrome_stays_behind() -> None:
    body = clean((PAGES / "seed_004_874f975c85c112d9.html").read_bytes()).body
    for chrome in ("IE 11", "cookies", "Share this article", "Recommended", "All rights"):
        assert chrome not in body


def test_metadata_from_a_german_page() -> None:
    meta = clean((PAGES / "de_regional.html").read_bytes()).metadata
    assert meta.title == "Rhein erreicht Höchststand in Köln"
    assert meta.authors == ("Katrin Müller",)
    assert meta.author_url == "https://www.rundschau.example.de/autoren/katrin-mueller"
    assert meta.date == dt.date(2024, 1, 8)
    assert (
        meta.url == "https://www.rundschau.example.de/koeln/hochwasser-rhein-hoechststand-100.html"
    )
    assert meta.site_name == "Rheinische Rundschau"
    assert meta.image == "https://bilder.rundschau.example.de/hochwasser-koeln.jpg"
    assert meta.description.startswith("Der Pegel des Rheins")
    assert meta.images == (
        Image(
            "Das Rheinufer in der Kölner Altstadt stand am Montag unter Wasser.",
            "Oliver Berg / dpa",
        ),
    )


def test_metadata_from_json_ld_and_the_written_byline() -> None:
    article = clean((PAGES / "fr_jsonld.html").read_bytes())
    meta = article.metadata
    assert meta.title == "La SNCF annonce de nouvelles lignes de nuit"
    assert meta.byline == "Claire Dubois et Marc Lefèvre"  # as the page writes it
    assert meta.authors == ("Claire Dubois", "Marc Lefèvre")
    assert meta.date == dt.date(2023, 5, 17)
    assert meta.images == (
        Image("Un train de nuit en gare d'Austerlitz, à Paris.", "Thomas Samson / AFP"),
    )
    assert meta.related[0].url == "https://www.quotidien-rail.example.fr/economie/tgv-prix"
    assert article.body.startswith("La SNCF a annoncé mercredi")
    assert "Par Claire Dubois" not in article.body


def test_a_minimal_page_and_the_report_of_what_came_from_html() -> None:
    article = clean((PAGES / "es_minimal.html").read_bytes(), url="https://e.es/bibliotecas")
    assert article.metadata.title == "El Ayuntamiento amplía el horario de las bibliotecas"
    assert article.metadata.url == "https://e.es/bibliotecas"
    assert article.body.count("\n\n") == 2
    extracted = {e.reason for e in article.edits if e.kind == "extract"}
    assert extracted == {  # each field says which signal won, and why
        "title from the HTML page (<h1>: <title> is the same)",
        "url from the HTML page (trafilatura)",
        "site_name from the HTML page (trafilatura)",
    }
    assert article.metadata.site_name == "e.es"  # trafilatura names a site by its host


def test_html_is_detected_or_forced() -> None:
    page = "<html><body><article><p>" + "The river rose by a metre overnight. " * 5 + "</p>"
    assert looks_like_html(page)
    assert clean(page).body.startswith("The river rose")
    fragment = "<p>" + "The river rose by a metre overnight. " * 5 + "</p>"
    assert not looks_like_html(fragment)
    assert clean(fragment).body == clean(fragment, format="html").body


# --- bad HTML ----------------------------------------------------------------------------


def test_truncated_page() -> None:
    page = (PAGES / "seed_002_865136a9cf77e020.html").read_text("utf-8")
    article = clean(page[: len(page) * 2 // 3])
    assert article.body.startswith("Russia and China on Tuesday unveiled plans")
    assert problems(article.markdown) == []


def test_page_without_a_body_is_an_empty_article_with_a_note() -> None:
    article = clean("<!DOCTYPE html><html><head><title>Nothing here</title></head></html>")
    assert article.body == ""
    assert any("no article text found" in e.reason for e in article.edits)
    assert article.metadata.title == "Nothing here"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ],
)
def test_binary_files_labelled_as_html_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        clean(data, format="html")


def test_pdf_text_forced_as_html_is_refused() -> None:
    with pytest.raises(InputError, match="PDF"):
        clean("%PDF-1.4 text that was decoded anyway", format="html")


def test_too_many_elements_is_an_empty_article_with_a_note() -> None:
    page = (
        "<html><body><article>"
        + "<p>Short line.</p>" * (MAX_ELEMENTS + 10)
        + "</article></body></html>"
    )
    found = extract(page)
    assert found.markdown == ""
    assert "not one article" in found.notes[0]


def test_twenty_megabytes_of_nested_divs() -> None:
    """lxml stops nesting at its depth limit; the page has no article text."""
    depth = 1_820_000
    page = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>"
    assert len(page) > 20_000_000
    article = clean(page)
    assert article.body == ""
    assert any("no article text" in e.reason for e in article.edits)


# --- through the command line -------------------------------------------------------------


def test_cli_prints_an_html_page_as_markdown(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / "de_regional.html").read_bytes())
    result = run_cli(str(page))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("---\ntitle: Rhein erreicht Höchststand in Köln\n")
    explain = run_cli("--explain", str(page)).stdout.decode()
    assert f"{page}:0 CA000 input: title from the HTML page" in explain


def test_cli_refuses_to_rewrite_html_in_place(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    data = (PAGES / "es_minimal.html").read_bytes()
    page.write_bytes(data)
    result = run_cli("--write", str(page))
    assert result.returncode == 2
    assert "is an HTML page" in result.stderr.decode()
    assert page.read_bytes() == data


def test_cli_format_flag(tmp_path: Path) -> None:
    fragment = tmp_path / "fragment.txt"
    fragment.write_text("<div><p>The vote was close, officials said on Monday night.</p></div>")
    as_html = run_cli("--format", "html", str(fragment)).stdout.decode()
    assert as_html == "The vote was close, officials said on Monday night.\n"


def test_a_copyright_year_is_no_publication_date() -> None:
    prose = "<p>" + "The council met on Monday and voted for the new bridge. " * 6 + "</p>"
    footer = "<footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>"
    page = f"<html><body><article><h1>Bridge</h1>{prose}</article>{footer}</body></html>"
    assert "date" not in extract(page).metadata  # htmldate reads the year as 1 January
    dated = page.replace("<h1>Bridge</h1>", "<h1>Bridge</h1><p>Posted 9 March 2021</p>")
    assert extract(dated).metadata["date"] == dt.date(2021, 3, 9)
