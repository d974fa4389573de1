"""The HTML metadata picker: signals from real page shapes, fields by documented rules."""

from __future__ import annotations

import datetime as dt

import pytest
import trafilatura

from cleanarticle import clean, htmlmeta

TODAY = dt.date(2026, 12, 1)


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _choose(page: str, url: str = "https://news.example.com/a") -> dict[str, htmlmeta.Choice]:
    tree = trafilatura.load_html(page)
    return htmlmeta.choose(htmlmeta.signals(tree, url), today=TODAY)


ARTICLE = "<p>" + "The council met on Monday and voted for the new bridge. " * 6 + "</p>"


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Bridge vote passes | Example News", "Bridge vote passes", "Bridge vote passes"),
        ("Opinion | Bridge vote passes", "Bridge vote passes", "Bridge vote passes"),
        # the h1 differs from a metadata title: the article's one headline
        (
            "Council says yes",
            "Bridge vote passes after a long night",
            "Bridge vote passes after a long night",
        ),
        # no h1: the metadata title without its site suffix, never cut at a colon
        ("Bridge: the vote that passed – Example News", "", "Bridge: the vote that passed"),
        # a shouted h1 (CSS capitals) in the letter case the metadata types
        ("Bridge vote passes", "BRIDGE VOTE PASSES", "Bridge vote passes"),
        # the h1 that is the site's logo is not the headline
        ("Bridge vote passes - Example News", "Example News", "Bridge vote passes"),
    ],
)
def test_title_is_the_headline_as_the_page_shows_it(title: str, h1: str, expected: str) -> None:
    head = f"<title>{title}</title><meta property='og:site_name' content='Example News'>"
    body = f"<article>{f'<h1>{h1}</h1>' if h1 else ''}{ARTICLE}</article>"
    assert _choose(_page(head, body))["title"].value == expected


def test_json_ld_in_a_graph_with_cdata_and_entities() -> None:
    script = """<script type="application/ld+json">//<![CDATA[
    {"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "name": "Example News"},
      {"@type": "NewsArticle", "headline": "Bridge vote passes",
       "author": [{"@type": "Person", "name": "Ana Souza"},
                  {"@type": "Organization", "name": "Example News"}],
       "datePublished": "2021-03-09T23:30:00-05:00", "dateModified": "2021-03-11"}]}
    //]]></script>"""
    chosen = _choose(_page(script, f"<article>{ARTICLE}</article>"))
    assert chosen["authors"].value == ("Ana Souza",)  # the organisation is no author
    assert chosen["date"].value == dt.date(2021, 3, 9)  # the day as written, not in UTC
    assert chosen["timestamp"].value == "2021-03-09T23:30-05:00"
    assert chosen["date"].source == "JSON-LD datePublished"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            '<p class="byline">By <a href="/author/ana-souza">Ana Souza</a> and '
            '<a href="/author/luis-perez">Luis Pérez</a></p>',
            ("Ana Souza", "Luis Pérez"),
        ),
        (
            '<div class="author-info"><span>Written by</span><span>Ana Souza</span>'
            "<span>Edited by</span><span>Jo Roe</span></div>",
            ("Ana Souza",),
        ),
        (
            '<div class="byline"><span>Ana Souza</span><span>Senior Reporter</span>'
            "<span>Updated March 9, 2021</span></div>",
            ("Ana Souza",),
        ),
        ('<div class="byline"><span>Example News Staff</span></div>', ()),
    ],
)
def test_authors_from_the_byline_beside_the_headline(byline: str, authors: tuple[str, ...]) -> None:
    body = f"<article><h1>Bridge vote passes</h1>{byline}{ARTICLE}</article>"
    chosen = _choose(_page("<meta property='og:site_name' content='Example News'>", body))
    assert (chosen["authors"].value if "authors" in chosen else ()) == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # no byline class: a short element that starts as a byline does
        ("<p>Written by Ana Souza</p>", ("Ana Souza",)),
        ("<div><span>Par</span> <span>Jean Dupont</span></div>", ("Jean Dupont",)),
        ("<p>Autorin: Uta Meier</p>", ("Uta Meier",)),
        # a link to an author page whose address spells its text; links side by side
        ('<div><a href="/authors/trevor-jackins/">Trevor Jackins</a></div>', ("Trevor Jackins",)),
        (
            '<div><strong><a href="/authors/ana-souza">Ana Souza</a></strong>'
            '<strong><a href="/authors/luis-perez">Luis Pérez</a></strong></div>',
            ("Ana Souza", "Luis Pérez"),
        ),
        # a link whose text is not the name its address spells; "By" and a small word
        ('<div><a href="/authors/trevor-jackins">More articles</a></div>', ()),
        ('<p>By clicking "Submit" you agree to the Privacy Policy</p>', ()),
        # an organisation's name joins words ("and", "of"): not a person
        ("<p>By U.S. CUSTOMS AND BORDER PROTECTION</p>", ()),
        # three or more "By" lines: a list of other stories' bylines
        ("<p>By Ana Souza</p><p>By Luis Pérez</p><p>By Jo Roe</p>", ()),
    ],
)
def test_authors_from_a_byline_its_markup_does_not_mark(
    byline: str, authors: tuple[str, ...]
) -> None:
    body = f"<article><h1>Bridge vote passes</h1>{byline}{ARTICLE}</article>"
    chosen = _choose(_page("", body))
    assert (chosen["authors"].value if "authors" in chosen else ()) == authors


LONG_ARTICLE = "".join(
    f"<p>Paragraph {n} of the story about the bridge vote.</p>" for n in range(150)
)


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        ("<p>Written by John Crenshaw</p><h5>More from John Crenshaw</h5>", ("John Crenshaw",)),
        (
            "<p>Written by <span>Moses Kim and Kate Shokurova</span></p>"
            '<a href="/blog/author/moses-kim-and-kate-shokurova">Moses Kim and Kate Shokurova</a>',
            ("Moses Kim", "Kate Shokurova"),
        ),
        ("<div>Autor: Petra Ruland</div>", ("Petra Ruland",)),
        # teasers of other stories by one author, each with a link to her page
        (
            "<ul>"
            + '<li><div><a href="/autor/ana-souza">Ana Souza</a></div><p>Another story</p></li>' * 4
            + "</ul>",
            (),
        ),
        # two bylines that disagree, and a one-word name (a widget's "by Taboola")
        ("<p>By Ana Souza</p><p>By Luis Pérez</p>", ()),
        ("<div>by Taboola</div>", ()),
    ],
)
def test_a_byline_at_the_articles_end_when_the_page_gives_no_other(
    closing: str, authors: tuple[str, ...]
) -> None:
    body = f"<article><h1>Bridge vote passes</h1>{LONG_ARTICLE}{closing}</article>"
    chosen = _choose(_page("", body))
    assert (chosen["authors"].value if "authors" in chosen else ()) == authors
    if authors:
        assert chosen["authors"].source == (
            "a byline at the article's end that its markup does not mark"
        )
        # any other source comes first
        head = "<meta name='author' content='Jane Doe'>"
        assert _choose(_page(head, body))["authors"].value == ("Jane Doe",)


def test_bylines_of_other_stories_and_footers_are_not_authors() -> None:
    body = (
        f"<article><h1>Bridge vote passes</h1>{ARTICLE}</article>"
        '<aside class="related"><p class="byline">By John Roe</p></aside>'
        '<footer><span class="author">Jane Doe</span></footer>'
    )
    assert "authors" not in _choose(_page("", body))


def test_no_author_rather_than_a_publisher_from_the_meta_tags() -> None:
    head = (
        "<meta name='author' content='Example News'>"
        "<meta property='og:site_name' content='Example News'>"
    )
    assert "authors" not in _choose(_page(head, f"<article>{ARTICLE}</article>"))
    page = _page(head, f"<article><h1>Bridge vote passes</h1>{ARTICLE}</article>")
    assert clean(page, format="html").metadata.authors == ()  # trafilatura's pick is checked too


def test_a_utc_timestamp_a_day_off_gives_way_to_the_local_day() -> None:
    head = "<meta property='article:published_time' content='2021-03-10T02:00:00Z'>"
    time = "<time datetime='2021-03-09T21:00-05:00'>March 9</time>"
    body = f"<article><h1>Bridge vote passes</h1>{time}{ARTICLE}</article>"
    chosen = _choose(_page(head, body))
    assert chosen["date"].value == dt.date(2021, 3, 9)
    assert "UTC" in chosen["date"].why


def test_the_urls_date_first_and_never_a_future_day() -> None:
    head = "<meta property='article:published_time' content='2030-01-01'>"
    page = _page(head, f"<article>{ARTICLE}</article>")
    assert "date" not in _choose(page)
    chosen = _choose(page, url="https://news.example.com/2021/03/09/bridge-vote")
    assert (chosen["date"].value, chosen["date"].source) == (dt.date(2021, 3, 9), "the URL")


def test_the_edit_report_says_which_signal_won() -> None:
    head = "<title>Bridge vote passes | Example News</title>"
    article = clean(_page(head, f"<article><h1>Bridge vote passes</h1>{ARTICLE}</article>"))
    [edit] = [e for e in article.edits if e.kind == "extract" and e.reason.startswith("title")]
    assert "(<h1>: <title> is the same but for a suffix)" in edit.reason


def test_links_are_made_absolute_against_the_page_address() -> None:
    links = '<a href="/2021/03/other">the other story</a> and <a href="details.html">details</a>'
    page = _page("", f"<article><h1>Bridge vote passes</h1>{ARTICLE}<p>See {links}.</p></article>")
    body = clean(page, format="html", url="https://news.example.com/2021/03/09/bridge").body
    assert "(https://news.example.com/2021/03/other)" in body
    assert "(https://news.example.com/2021/03/09/details.html)" in body  # beside the page


def test_the_date_printed_beside_the_headline_and_not_the_update() -> None:
    printed = (
        '<div class="post-meta"><span class="updated">Updated: 12 March 2021</span>'
        '<span class="post-date">Published 9 March 2021 | 5 min read</span></div>'
    )
    chosen = _choose(_page("", f"<article><h1>Bridge vote passes</h1>{printed}{ARTICLE}</article>"))
    assert chosen["date"].value == dt.date(2021, 3, 9)
    assert chosen["date"].source == "the date printed beside the headline"


LD_PUBLISHED = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge",'
    ' "datePublished": "2025-06-12T09:00:00+00:00"}</script>'
)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("<p>November 2, 2022</p>", dt.date(2022, 11, 2)),
        ('<div class="meta"><span>Mar 5, 2025 | 6 comments</span></div>', dt.date(2025, 3, 5)),
        ("<div><div>Mittwoch, 26.01.2022 - 14:30</div></div>", dt.date(2022, 1, 26)),
        ("<p>Published Apr 26, 2023</p>", dt.date(2023, 4, 26)),
    ],
)
def test_a_date_line_under_the_headline_that_the_markup_does_not_mark(
    shown: str, expected: dt.date
) -> None:
    # what the reader sees under the headline, over a JSON-LD day the templates filled in
    page = _page(LD_PUBLISHED, f"<article><h1>Bridge vote passes</h1>{shown}{ARTICLE}</article>")
    chosen = _choose(page)
    assert chosen["date"].value == expected
    assert chosen["date"].source == "a date line beside the headline that its markup does not mark"


@pytest.mark.parametrize(
    "body",
    [
        # labelled as the last change, in the element or before it
        "<article><h1>Bridge vote passes</h1><p>Updated November 2, 2022</p>{}</article>",
        "<article><h1>Bridge vote passes</h1><div><b>Last updated:</b> <span>November 2, 2022"
        "</span></div>{}</article>",
        # no headline to be beside: the date lines of a page of other stories
        "<div><p>November 2, 2022</p>{}</div>",
        # a date inside a sentence is no date line
        "<article><h1>Bridge vote passes</h1><p>Work starts on November 2, 2022.</p>{}</article>",
    ],
)
def test_no_date_line_beside_the_headline(body: str) -> None:
    chosen = _choose(_page(LD_PUBLISHED, body.format(ARTICLE)))
    assert chosen["date"].value == dt.date(2025, 6, 12)
    assert chosen["date"].source == "JSON-LD datePublished"


@pytest.mark.parametrize(
    "update",
    [
        # an "Updated" label in the text before the <time>
        '<p>Updated <time datetime="2021-03-12">12 March 2021</time></p>',
        '<span><span class="label">Last updated:</span><time datetime="2021-03-12">x</time></span>',
        # a class that names the last change
        '<div class="field field--name-changed"><time datetime="2021-03-12">12 March</time></div>',
        # a date-class element whose label sits in another element
        '<span class="post-date"><span>Last Updated</span> <span class="date">Mar 12, 2021</span>'
        "</span>",
        # a byline piece after an "Updated" label
        '<div class="byline">By <a href="/author/jane">Jane Doe</a> <b>Updated</b> '
        "<span>March 12, 2021</span></div>",
    ],
)
def test_an_update_date_is_kept_apart_from_the_publication_date(update: str) -> None:
    head = "<meta property='article:published_time' content='2021-03-09'>"
    page = _page(head, f"<article><h1>Bridge vote passes</h1>{update}{ARTICLE}</article>")
    chosen = _choose(page)
    assert chosen["date"].value == dt.date(2021, 3, 9)
    assert chosen["updated"].value == dt.date(2021, 3, 12)
    # without the meta tag the update is still not the publication date
    alone = _choose(_page("", f"<article><h1>Bridge vote passes</h1>{update}{ARTICLE}</article>"))
    assert alone.get("date") is None or alone["date"].value != dt.date(2021, 3, 12)


def test_an_update_before_the_publication_is_no_update() -> None:
    head = (
        "<meta property='article:published_time' content='2021-03-09'>"
        "<meta property='article:modified_time' content='2021-03-09T18:00:00Z'>"
    )
    assert "updated" not in _choose(_page(head, f"<article><h1>Bridge</h1>{ARTICLE}</article>"))
    later = head.replace("2021-03-09T18", "2021-04-01T18")
    chosen = _choose(_page(later, f"<article><h1>Bridge</h1>{ARTICLE}</article>"))
    assert (chosen["updated"].value, chosen["updated"].source) == (
        dt.date(2021, 4, 1),
        "<meta article:modified_time>",
    )


@pytest.mark.parametrize(
    ("byline", "head", "expected"),
    [
        # one word after a "By" label, or given by a second source, is a name
        ('<div class="byline">Written by <span>Kristin</span></div>', "", ("Kristin",)),
        ('<div class="author">Sarah</div>', '<meta name="author" content="Sarah">', ("Sarah",)),
        (
            '<div class="byline">Written By <span>Linny and Peter</span></div>',
            "",
            ("Linny", "Peter"),
        ),
        # one word with no label and no second source is not
        ('<div class="author">Sarah</div>', "", ()),
        # the label's run ends at the first piece that is not a name: a category is not one
        (
            '<div class="byline"><span>von</span> <a>freeman1984</a> <span>in</span> '
            "<a>Uncategorized</a></div>",
            "",
            (),
        ),
    ],
)
def test_one_word_names_need_a_label_or_a_second_source(
    byline: str, head: str, expected: tuple[str, ...]
) -> None:
    page = _page(head, f"<article><h1>Bridge vote passes</h1>{byline}{ARTICLE}</article>")
    chosen = _choose(page)
    assert (chosen["authors"].value if "authors" in chosen else ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audiophile On", "Audiophile On"),  # "On" ends no name by itself
        ("Jane Doe on March 9, 2021", "Jane Doe"),
        ("Loïc Le Clerc", "Loïc Le Clerc"),  # a particle, not "le 9 mars"
        ("Loïc Le Clerc le 9 mars 2021", "Loïc Le Clerc"),
        ("Autor/in: Korinna Hennig", "Korinna Hennig"),
    ],
)
def test_clean_name_cuts_dates_and_labels_not_particles(text: str, expected: str) -> None:
    assert htmlmeta.clean_name(text) == expected


@pytest.mark.parametrize(
    "name", ["Co. KG", "Kneib Dentistry PC", "Webmaster", "Super User", "Www Example Com"]
)
def test_organisation_and_account_names_are_not_people(name: str) -> None:
    assert not htmlmeta.is_person(name, set(), set(), trusted=True)


def test_trafilaturas_author_only_when_the_page_shows_it() -> None:
    head = '<meta name="author" content="Jane Doe">'
    hidden = _page(head, f"<article><h1>Bridge vote passes</h1>{ARTICLE}</article>")
    tree = trafilatura.load_html(hidden)
    assert htmlmeta.shown(tree, ["Jane Doe"]) == ()
    visible = hidden.replace("<article>", "<article><p>A story by Jane Doe.</p>")
    assert htmlmeta.shown(trafilatura.load_html(visible), ["Jane Doe", "John Roe"]) == ("Jane Doe",)
