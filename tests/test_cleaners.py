"""Each built-in cleaner on examples that are not the seeds: other outlets, formats, languages,
and clean text that must come through untouched."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from cleanarticle import Article, Config, clean
from cleanarticle.model import Image, Related

CLEAN_ENGLISH = (
    "The city council voted on Monday to expand the tram network to the northern suburbs.\n\n"
    "Construction is expected to begin next spring, officials said, and to last three years.\n"
)
CLEAN_GERMAN = (
    "Der Stadtrat hat am Montag beschlossen, das Straßenbahnnetz zu erweitern.\n\n"
    "Die Bauarbeiten sollen im Frühjahr beginnen und drei Jahre dauern.\n"
)
CLEAN_JAPANESE = "市議会は月曜日、路面電車網の拡張を決定した。\n\n工事は来年春に始まる予定だ。\n"


def run(text: str, **config: object) -> Article:
    return clean(text, config=Config.make(**config))  # type: ignore[arg-type]


def codes(article: Article) -> set[str]:
    return {e.code for e in article.edits}


@pytest.mark.parametrize("text", [CLEAN_ENGLISH, CLEAN_GERMAN, CLEAN_JAPANESE])
def test_clean_text_passes_untouched(text: str) -> None:
    article = run(text)
    assert article.markdown == text
    assert article.edits == ()


# --- CA104 invisible-characters, CA101 fix-unicode --------------------------------------


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("The mayorâ€™s plan was approved.", "The mayor's plan was approved."),
        ("CafÃ© owners protested.", "Café owners protested."),
        ("Rates rose\u00a0by 2\u00a0percent.", "Rates rose by 2 percent."),
        ("An in\u00adcredible result.", "An incredible result."),
        ("Ｆｕｌｌｗｉｄｔｈ letters are odd.", "Fullwidth letters are odd."),
        ("e\u0301cole is decomposed.", "école is decomposed."),
        ("Zero\u200bwidth space.", "Zerowidth space."),
    ],
)
def test_fix_unicode(raw: str, fixed: str) -> None:
    article = run(raw)
    assert article.body == fixed + "\n"
    assert codes(article) & {"CA101", "CA104"}


def test_fix_unicode_keeps_dashes_ellipses_and_scripts() -> None:
    text = "Он сказал — «нет»… 北京 and Αθήνα – fine.\n"
    assert run(text).markdown == text


# --- CA102 straight-quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "straight"),
    [
        ("“We won,” she said.", '"We won," she said.'),
        ("It’s the team’s best season.", "It's the team's best season."),
        ("‘Scare quotes’ here.", "'Scare quotes' here."),
        ("„Gut“, sagte er.", '"Gut", sagte er.'),
        ("A 6′2″ player.", "A 6'2\" player."),
    ],
)
def test_straight_quotes(raw: str, straight: str) -> None:
    assert run(raw).body == straight + "\n"
    assert run(raw, quotes="preserve").body == raw + "\n"


def test_guillemets_stay() -> None:
    assert run("Il a dit « non » hier.").body == "Il a dit « non » hier.\n"


# --- CA103 collapse-whitespace --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "collapsed"),
    [
        ("Too  many   spaces here.", "Too many spaces here."),
        ("Tabs\tand\t\tspaces.", "Tabs and spaces."),
        ("Sentence one.  Sentence two.", "Sentence one. Sentence two."),
        ("## Heading  with gaps", "## Heading with gaps"),
        ("Trailing   ", "Trailing"),
    ],
)
def test_collapse_whitespace(raw: str, collapsed: str) -> None:
    assert run(raw).body == collapsed + "\n"


def test_code_blocks_keep_their_spacing() -> None:
    text = "Intro paragraph here.\n\n```\nx  =  1\n```\n"
    assert run(text).body == text


# --- CA401 boilerplate ----------------------------------------------------------------------

BODY = "The ministry said the new rules would take effect in June, after a consultation."


@pytest.mark.parametrize(
    "junk",
    [
        "Internet Explorer 11 is no longer supported. Please use a modern browser.",
        "Your browser is not supported.",
        "Download the Daily Planet app for breaking news and politics",
        "Get our free app for the latest headlines",
        "Sign up for our morning newsletter to get the news in your inbox.",
        "Subscribe now",
        "We use cookies to improve your experience. Accept all cookies",
        "Advertisement",
        "ADVERTISEMENT",
        "Anzeige",
        "Skip to main content",
        "Share | Tweet | Email",
        "Share this:",
        "Facebook · Twitter · WhatsApp · Copy link",
        "Continue reading",
        "Read more »",
        "© 2024 Example Media Group. All rights reserved.",
        "Copyright 2023 The Gazette",
        "Listen to this article · 4 min read",
        "Follow us on Facebook and Instagram",
        "Story continues below advertisement",
    ],
)
def test_boilerplate_lines_are_removed(junk: str) -> None:
    article = run(f"{BODY}\n\n{junk}\n\n{BODY}")
    assert article.body == f"{BODY}\n\n{BODY}\n"
    [edit] = [e for e in article.edits if e.code == "CA401"]
    assert edit.kind == "remove" and edit.before == junk and edit.line == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "She said she would download the app tomorrow and read it on the train.",
        "Copyright law in the European Union protects authors for 70 years.",
        "The advertisement campaign cost the company $2 million last year.",
        "Readers who subscribe to print editions have fallen by half.",
        "Share prices rose 4% on the news.",
        "Share your thoughts:",
        "Email:",
    ],
)
def test_sentences_about_the_same_words_stay(sentence: str) -> None:
    assert run(sentence).body == sentence + "\n"


def test_a_service_name_alone_is_a_heading_and_beside_buttons_a_button() -> None:
    """ "Pinterest" between two paragraphs of a guide to social media heads a section; in a
    row with "Share" it is a share button."""
    alone = run(f"{BODY}\n\nPinterest\n\nPinterest is where users come for ideas.\n")
    assert "Pinterest\n" in alone.body
    assert not any(e.code == "CA401" for e in alone.edits)
    row = run(f"{BODY}\n\nShare\n\nPinterest\n\nTwitter\n\n{BODY}\n")
    assert row.body == f"{BODY}\n\n{BODY}\n"


def test_a_word_that_starts_with_subscribe_is_no_prompt() -> None:
    line = "Subscribers, followers, events, posts, notes, engagement, everything."
    assert run(f"{BODY}\n\n{line}\n\n{BODY}").body == f"{BODY}\n\n{line}\n\n{BODY}\n"


def test_boilerplate_inside_a_block_is_removed_as_a_line() -> None:
    text = "First line of the report.\nAdvertisement\nsecond half of the sentence."
    assert "Advertisement" not in run(text).body


def test_extra_boilerplate_patterns_from_config() -> None:
    article = run(f"{BODY}\n\nMore from The Gazette", extra_boilerplate=("more from .*",))
    assert article.body == BODY + "\n"


# --- CA304 url-lines ------------------------------------------------------------------------


def test_bare_url_lines_leave_the_body() -> None:
    text = f"{BODY}\n\nhttps://news.example.org/world/2024/05/01/something-else\n\n{BODY}"
    article = run(text)
    assert article.body == f"{BODY}\n\n{BODY}\n"
    assert article.metadata.links == ("https://news.example.org/world/2024/05/01/something-else",)


@pytest.mark.parametrize(
    "lines",
    [
        "Original url: https://paper.example.com/a/1",
        "Source URL: <https://paper.example.com/a/1>",
        "**Original URL:** https://paper.example.com/a/1",
        "URL:\n\n<https://paper.example.com/a/1>",
        "Permalink: [https://paper.example.com/a/1](https://paper.example.com/a/1)",
    ],
)
def test_url_labels_give_the_articles_own_url(lines: str) -> None:
    article = run(f"{BODY}\n\n{lines}")
    assert article.metadata.url == "https://paper.example.com/a/1"
    assert article.body == BODY + "\n"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/author/jane-doe",
        "https://example.co.uk/authors/jdoe/",
        "https://example.de/autoren/max-mustermann",
        "https://example.com/profile/sam-lee",
        "https://example.com/people/ana-garcia?ref=byline",
    ],
)
def test_author_page_urls(url: str) -> None:
    assert run(f"{BODY}\n\n{url}").metadata.author_url == url


def test_urls_inside_sentences_stay() -> None:
    text = "The full report is at https://example.org/report and runs to 300 pages."
    assert run(text).body == text + "\n"


def test_label_without_url_is_kept() -> None:
    text = f"{BODY}\n\nLink:"
    assert run(text).body.endswith("Link:\n")


# --- CA201 unwrap-lines ---------------------------------------------------------------------

WRAPPED = """\
The regional government announced on Thursday that it would spend two billion euros
on new rail lines over the next decade, a plan that opposition parties called too
modest for a region of its size and ambition.

Officials said the first section, linking the two largest cities, would open in
2027. Work on the remaining lines would follow once funding had been secured from
national and European sources.

Background

The region has long complained that it receives less transport funding than others,
despite contributing more than its share of tax revenue to the national budget.
"""


def test_hard_wrapped_paragraphs_become_one_line() -> None:
    body = run(WRAPPED).body
    paragraphs = body.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The regional government") and paragraphs[0].endswith(
        "size and ambition."
    )
    assert "would open in 2027. Work on" in paragraphs[1]
    assert paragraphs[2] == "## Background"


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_unwrap_at_any_width(width: int) -> None:
    import textwrap

    paragraph = (
        "Farmers in the valley have warned that the drought could cut this year's harvest "
        "by a third, and they are asking the authorities for emergency support to cover the "
        "cost of water deliveries and feed for livestock through the summer months ahead."
    )
    wrapped = "\n".join(textwrap.wrap(paragraph, width))
    assert run(f"{wrapped}\n\n{wrapped}").body == f"{paragraph}\n\n{paragraph}\n"


def test_short_lines_are_not_glued() -> None:
    text = (
        "Storm Hits Coast\n"
        "By Sam Lee\n"
        "Published: 9 March 2021 10:30 GMT\n"
        "Heavy rain fell overnight across the coast, flooding roads and homes in three towns.\n"
    )
    article = run(text)
    assert article.metadata.title == "Storm Hits Coast"
    assert article.metadata.byline == "Sam Lee"
    assert article.metadata.date == dt.date(2021, 3, 9)
    assert article.body.startswith("Heavy rain fell")


def test_lines_that_are_separate_paragraphs_are_split() -> None:
    text = (
        "The first paragraph is long enough to be a paragraph of an article on its own.\n"
        "The second paragraph follows on the next line without a blank line in between.\n"
        "The third one ends the short article."
    )
    assert len(run(text).body.rstrip("\n").split("\n\n")) == 3


def test_mid_sentence_breaks_join_in_unwrapped_text() -> None:
    text = "This sentence was broken\nin the middle by a scraper, and continues here."
    assert (
        run(text).body
        == "This sentence was broken in the middle by a scraper, and continues here.\n"
    )


def test_nothing_is_joined_across_a_date_line_in_unwrapped_text() -> None:
    # "By Jane Doe" and "undefined mins" do not become one line with the date after them
    text = f"By Jane Doe\nOctober 8, 2025\nundefined mins\n\n{BODY}"
    got = run(text, select=["CA201"]).body
    assert got == f"By Jane Doe\n\nOctober 8, 2025\n\nundefined mins\n\n{BODY}\n"


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("develop-", "ment", "development"),
        ("inter-", "national", "international"),
        ("space-", "flight", "space-flight"),
        ("well-", "known", "well-known"),
        ("re-", "take", "re-take"),
    ],
)
def test_hyphen_at_a_wrap(left: str, right: str, joined: str) -> None:
    from cleanarticle.cleaners.unwrap import join

    assert join(f"a {left}", f"{right} plan") == f"a {joined} plan"


def test_lists_and_quotes_stay_lists_and_quotes() -> None:
    text = "Key points:\n\n- first point\n- second point\n  - a nested one\n\n> A quoted line\n"
    assert run(text).body == text


def test_wrapped_list_items_and_quotes_are_one_line_each() -> None:
    intro = (
        "The council met on Monday night and voted, after a long debate that went on\n"
        "until well past midnight, to build the new bridge over the river at last, and\n"
        "the mayor said that the work would start in the spring of the coming year.\n\n"
    )
    text = intro + (
        "- a first point that the scraper wrapped at a fixed width of seventy-eight\n"
        "columns, as it did the rest\n- a second point\n\n"
        "> A quoted line that the scraper wrapped at the same width of seventy-eight\n"
        "> columns\n>\n> and a second quoted paragraph\n"
    )
    assert run(text).body.split("\n\n")[1:] == [
        "- a first point that the scraper wrapped at a fixed width of seventy-eight columns,"
        " as it did the rest\n- a second point",
        "> A quoted line that the scraper wrapped at the same width of seventy-eight columns\n"
        ">\n> and a second quoted paragraph\n",
    ]
    dump = "- Home\n- News\nthe menu's last line, not an item's\n\nBody text follows here.\n"
    assert run(dump).body.startswith("- Home\n- News\nthe menu's")  # not hard-wrapped


# --- CA307 standfirst, CA301 title ----------------------------------------------------------


def test_standfirst_between_title_and_byline() -> None:
    text = (
        "Budget Passes After Late-Night Vote\n\n"
        "Lawmakers approved the spending plan by a single vote, ending weeks of talks.\n\n"
        "By Maria Rossi\n\n"
        "The budget, which runs to 900 pages, includes new money for schools and hospitals.\n"
    )
    article = run(text)
    assert article.metadata.title == "Budget Passes After Late-Night Vote"
    assert article.metadata.description.startswith("Lawmakers approved")
    assert article.metadata.byline == "Maria Rossi"
    assert article.body.startswith("The budget, which runs")


def test_no_standfirst_without_a_following_header_item() -> None:
    text = (
        "Budget Passes After Late-Night Vote\n\n"
        "Lawmakers approved the spending plan by a single vote, ending weeks of talks.\n\n"
        "The budget, which runs to 900 pages, includes new money for schools and hospitals.\n"
    )
    article = run(text)
    assert article.metadata.description == article.metadata.title == ""
    assert article.body == text  # no byline or date: no evidence of a head at all


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("# Floods Close Schools", "Floods Close Schools"),
        ("Floods Close Schools Across the North", "Floods Close Schools Across the North"),
        ("Is This the End of the Office?", "Is This the End of the Office?"),
        ("Analysis: What the Vote Means", "Analysis: What the Vote Means"),
        (
            "Überschwemmungen schließen Schulen im Norden",
            "Überschwemmungen schließen Schulen im Norden",
        ),
        ("# **Bold Title**", "Bold Title"),
    ],
)
def test_title(first: str, title: str) -> None:
    evidence = "" if first.startswith("# ") else "By Jane Doe\n\n"  # a heading is its own
    article = run(f"{first}\n\n{evidence}{BODY}")
    assert article.metadata.title == title
    assert article.body == BODY + "\n"


@pytest.mark.parametrize(
    "first",
    [
        "Floods Close Schools Across the North",
        "GENEVA, Switzerland",
        "What Is Square-Foot Gardening",
        "Is This the End of the Office?",
    ],
)
def test_a_headline_shaped_first_line_without_evidence_stays_in_the_body(first: str) -> None:
    """No heading, byline, date, caption or URL says it is the title: it is the body's."""
    text = f"{first}\n\n{BODY}\n"
    article = run(text)
    assert article.metadata.title == ""
    assert article.body == text
    assert not [e for e in article.edits if e.kind == "move"]


@pytest.mark.parametrize(
    "first",
    [
        "The council met on Monday. It voted to close two schools.",
        "Officials said the storm was the worst in decades.",
        "https://example.com/a-story",
    ],
)
def test_not_a_title(first: str) -> None:
    assert run(f"{first}\n\n{BODY}").metadata.title == ""


def test_title_in_front_matter_and_repeated_as_heading() -> None:
    text = f"---\ntitle: Floods Close Schools\n---\n\n# Floods Close Schools\n\n{BODY}\n"
    article = run(text)
    assert article.body == BODY + "\n"
    assert article.metadata.title == "Floods Close Schools"


# --- CA302 byline ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "byline", "authors"),
    [
        ("By Jane Doe", "Jane Doe", ("Jane Doe",)),
        (
            "By Jane Doe and John Roe, Reuters",
            "Jane Doe and John Roe, Reuters",
            ("Jane Doe", "John Roe"),
        ),
        ("By [Priya Natarajan for AP](#)", "Priya Natarajan for AP", ("Priya Natarajan",)),
        ("BY SAM O'NEILL", "SAM O'NEILL", ("SAM O'NEILL",)),
        ("source: Klaus Weber", "Klaus Weber", ("Klaus Weber",)),
        (
            "Von Anna Schmidt und Jonas Keller",
            "Anna Schmidt und Jonas Keller",
            ("Anna Schmidt", "Jonas Keller"),
        ),
        ("Par Jean-Luc Martin", "Jean-Luc Martin", ("Jean-Luc Martin",)),
        ("Por Ana García y Luis Pérez", "Ana García y Luis Pérez", ("Ana García", "Luis Pérez")),
        ("Written by J. R. Hartley", "J. R. Hartley", ("J. R. Hartley",)),
        # an organisation writes it: the byline, with no person in it
        ("By Podium Staff", "Podium Staff", ()),
        ("Autor: Multimedia Redaktion", "Multimedia Redaktion", ()),
        ("By U.S. CUSTOMS AND BORDER PROTECTION", "U.S. CUSTOMS AND BORDER PROTECTION", ()),
    ],
)
def test_byline(line: str, byline: str, authors: tuple[str, ...]) -> None:
    article = run(f"Council Backs Plan\n\n{line}\n\n{BODY}")
    assert article.metadata.byline == byline
    assert article.metadata.authors == authors
    assert article.body == BODY + "\n"


def test_byline_with_date_after_a_bar() -> None:
    article = run(f"By Jane Doe | March 9, 2021\n\n{BODY}")
    assert article.metadata.byline == "Jane Doe"
    assert article.metadata.date == dt.date(2021, 3, 9)


def test_by_in_a_sentence_is_not_a_byline() -> None:
    text = f"{BODY}\n\nBy contrast, the opposition wanted a faster timetable.\n"
    assert run(text).metadata.byline == ""
    assert "By contrast" in run(text).body


@pytest.mark.parametrize(
    ("url", "byline"),
    [
        ("https://example.com/author/jane-doe-for-afp", "Jane Doe for AFP"),
        ("https://example.com/authors/maria-de-la-cruz", "Maria de la Cruz"),
        ("https://example.com/profile/kim-lee/", "Kim Lee"),
    ],
)
def test_byline_from_author_url_slug(url: str, byline: str) -> None:
    article = run(f"{BODY} AFP reported it first.\n\n{url}")
    assert article.metadata.byline == byline
    assert article.metadata.author_url == url


def test_slug_takes_the_case_the_text_uses() -> None:
    text = f"{BODY} The dpa agency confirmed, and so did McNeil.\n\nhttps://e.com/author/joe-mcneil"
    assert run(text).metadata.byline == "Joe McNeil"


def test_single_word_slug_gives_no_byline() -> None:
    assert run(f"{BODY}\n\nhttps://e.com/authors/jdoe").metadata.byline == ""


# --- CA303 date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 09, 2021", dt.date(2021, 3, 9)),
        ("Published: 9 March 2021 10:30 GMT", dt.date(2021, 3, 9)),
        ("2021-03-09T10:00:00Z", dt.date(2021, 3, 9)),
        ("9. März 2021", dt.date(2021, 3, 9)),
        ("Publié le 9 mars 2021", dt.date(2021, 3, 9)),
        ("12 de marzo de 2021", dt.date(2021, 3, 12)),
        ("09.03.2021", dt.date(2021, 3, 9)),
        ("Tuesday, March 9, 2021", dt.date(2021, 3, 9)),
        # a reading time beside the date, with or without a separator
        ("Mar 9, 2021 2 min read", dt.date(2021, 3, 9)),
        ("March 9, 2021 // 8 min read", dt.date(2021, 3, 9)),
        ("March 9, 2021 ・ 3 min read", dt.date(2021, 3, 9)),
        ("9 Mar 2021 Reading time: 2 minutes", dt.date(2021, 3, 9)),
    ],
)
def test_date_lines(line: str, date: dt.date) -> None:
    article = run(f"Storm Hits Coast\n\n{line}\n\n{BODY}")
    assert article.metadata.date == date
    assert article.body == BODY + "\n"


@pytest.mark.parametrize(
    ("lines", "date", "updated"),
    [
        (["Updated 14 Feb 2024, 08:15"], None, dt.date(2024, 2, 14)),
        (
            ["Published 9 March 2021", "Updated: 10 March 2021"],
            dt.date(2021, 3, 9),
            dt.date(2021, 3, 10),
        ),
        (
            ["Aktualisiert am 10. März 2021", "9. März 2021"],
            dt.date(2021, 3, 9),
            dt.date(2021, 3, 10),
        ),
        # in the byline, after the names
        (["By Jane Doe ⋅ Founder ⋅ Updated March 10, 2021"], None, dt.date(2021, 3, 10)),
        (["By Jane Doe | Updated March 10, 2021 | Reviews"], None, dt.date(2021, 3, 10)),
    ],
)
def test_an_updated_date_is_kept_apart_from_the_publication_date(
    lines: list[str], date: dt.date | None, updated: dt.date
) -> None:
    head = "\n\n".join(lines)
    article = run(f"Storm Hits Coast\n\n{head}\n\n{BODY}")
    assert (article.metadata.date, article.metadata.updated) == (date, updated)
    assert article.body == BODY + "\n"


@pytest.mark.parametrize(
    ("para", "date", "rest"),
    [
        (
            "date 2024-01-05 Officials said the plan was final.",
            dt.date(2024, 1, 5),
            "Officials said the plan was final.",
        ),
        ("Published: 2024-01-05 Officials said so.", dt.date(2024, 1, 5), "Officials said so."),
        ("2024-01-05 — Officials said so.", dt.date(2024, 1, 5), "Officials said so."),
        ("Updated March 3, 2024 Officials said so.", dt.date(2024, 3, 3), "Officials said so."),
        (
            "Datum: 2024-01-05 Die Regierung sagte es.",
            dt.date(2024, 1, 5),
            "Die Regierung sagte es.",
        ),
    ],
)
def test_date_prefix(para: str, date: dt.date, rest: str) -> None:
    article = run(para)
    assert article.metadata.date == date
    assert article.body == rest + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "March 9, 2021 was the day the agreement was signed.",
        "In 2021, the two countries signed an agreement on March 9.",
        f"{BODY}\n\nMarch 2021",
        f"{BODY}\n\n03/04/2021",
    ],
)
def test_dates_that_are_not_the_publication_date(text: str) -> None:
    article = run(text)
    assert article.metadata.date is None


def test_date_in_another_articles_url_is_not_taken() -> None:
    text = f"{BODY}\n\nhttps://example.com/2019/05/01/older-story"
    assert run(text).metadata.date is None


def test_date_from_the_articles_own_url() -> None:
    text = f"{BODY}\n\nOriginal url: https://example.com/2020/07/14/the-story"
    assert run(text).metadata.date == dt.date(2020, 7, 14)


def test_date_deep_in_the_body_is_not_taken() -> None:
    text = f"{BODY}\n\n{BODY}\n\nMarch 9, 2021\n\n{BODY}"
    article = run(text)
    assert article.metadata.date is None
    assert "March 9, 2021" in article.body


# --- CA306 image-captions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "image"),
    [
        (
            "Image: Firefighters at the scene on Monday.",
            Image("Firefighters at the scene on Monday.", ""),
        ),
        (
            "Photo: Crowds outside the court.Jane Doe / Reuters",
            Image("Crowds outside the court.", "Jane Doe / Reuters"),
        ),
        ("Foto: Demonstranten vor dem Rathaus.", Image("Demonstranten vor dem Rathaus.", "")),
        ("Photo credit: Sam Lee/AP", Image("", "Sam Lee/AP")),
        (
            "Caption: The new bridge at dusk.  City of Example",
            Image("The new bridge at dusk.", "City of Example"),
        ),
    ],
)
def test_labelled_captions_anywhere(line: str, image: Image) -> None:
    article = run(f"{BODY}\n\n{line}\n\n{BODY}")
    assert article.metadata.images == (image,)
    assert article.body == f"{BODY}\n\n{BODY}\n"


def test_a_labelled_row_in_a_list_of_facts_is_no_caption() -> None:
    facts = "Sensor: 24.2MP APS-C\n\nVideo: 4K/30p with no crop\n\nWeight: 390 g with battery"
    article = run(f"{BODY}\n\n{facts}\n\n{BODY}")
    assert article.metadata.images == ()
    assert "Video: 4K/30p with no crop" in article.body
    # beside a date line or a byline, a labelled caption is still one
    dated = run(f"{BODY}\n\nPhoto: Crowds outside the court.\n\nUpdated: 9 March 2021\n\n{BODY}")
    assert dated.metadata.images == (Image("Crowds outside the court.", ""),)


@pytest.mark.parametrize(
    ("line", "image"),
    [
        (
            "Rescue workers search the rubble on Tuesday.Ana Lopez / EFE",
            Image("Rescue workers search the rubble on Tuesday.", "Ana Lopez / EFE"),
        ),
        (
            "The mayor speaks to reporters outside city hall.  Tom Brown",
            Image("The mayor speaks to reporters outside city hall.", "Tom Brown"),
        ),
        (
            "The mayor speaks to reporters outside city hall. **City Press Office**",
            Image("The mayor speaks to reporters outside city hall.", "City Press Office"),
        ),
        (
            "Smoke rises over the port. Photo: Ivan Petrov",
            Image("Smoke rises over the port.", "Ivan Petrov"),
        ),
        (
            "Smoke rises over the port.Ivan Petrov / AFP via Getty Images",
            Image("Smoke rises over the port.", "Ivan Petrov / AFP via Getty Images"),
        ),
    ],
)
def test_captions_with_credits_in_the_head(line: str, image: Image) -> None:
    article = run(f"Storm Hits Coast\n\n{line}\n\n{BODY}")
    assert article.metadata.images == (image,)
    assert article.body == BODY + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "He walked out of the meeting.  Then the vote began",
        "The vote passed. Critics were furious",
        "Rescue workers searched the rubble until late on Tuesday night.",
    ],
)
def test_body_sentences_are_not_captions(line: str) -> None:
    text = f"{BODY}\n\n{BODY}\n\n{line}\n\n{BODY}"
    assert run(text).metadata.images == ()


# --- CA305 related-teasers, CA308 pair-links ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "related"),
    [
        ("Related article: Mars Rover Finds Water", Related("Mars Rover Finds Water", "")),
        (
            "Read more: [Budget Row Deepens](https://e.com/budget-row)",
            Related("Budget Row Deepens", "https://e.com/budget-row"),
        ),
        ("**Related:** [Storm Season Begins](#)", Related("Storm Season Begins", "")),
        ("Lesen Sie auch: Neue Regeln für Mieter", Related("Neue Regeln für Mieter", "")),
        ("See also: How the vote works", Related("How the vote works", "")),
    ],
)
def test_related_teasers(line: str, related: Related) -> None:
    article = run(f"{BODY}\n\n{line}\n\n{BODY}")
    assert article.metadata.related == (related,)
    assert article.body == f"{BODY}\n\n{BODY}\n"


@pytest.mark.parametrize(
    ("label", "headline", "related"),
    [
        ("**Related article:**", "[Port Strike Ends](#)", Related("Port Strike Ends", "")),
        (
            "Lire aussi :",
            "[Le prix du TGV augmente](https://e.fr/tgv)",
            Related("Le prix du TGV augmente", "https://e.fr/tgv"),
        ),
        (
            "Read more:",
            "Budget Row Deepens in Parliament",
            Related("Budget Row Deepens in Parliament", ""),
        ),
    ],
)
def test_related_label_alone_takes_the_headline_below(
    label: str, headline: str, related: Related
) -> None:
    article = run(f"{BODY}\n\n{label}\n\n{headline}\n\n{BODY}")
    assert article.metadata.related == (related,)
    assert article.body == f"{BODY}\n\n{BODY}\n"


def test_related_label_alone_keeps_a_sentence_below() -> None:
    text = f"{BODY}\n\nRead more:\n\nThe council will meet again next week to decide.\n"
    assert run(text).body == text


def test_url_pairs_with_the_related_headline_it_spells() -> None:
    text = (
        f"{BODY}\n\nRelated article: Mars Rover Finds Water Under U.S. Desert\n\n{BODY}\n\n"
        "https://e.com/2024/01/02/mars-rover-finds-water-under-us-desert-a1234\n"
        "https://e.com/2024/01/02/something-unrelated\n"
    )
    meta = run(text).metadata
    assert meta.related == (
        Related(
            "Mars Rover Finds Water Under U.S. Desert",
            "https://e.com/2024/01/02/mars-rover-finds-water-under-us-desert-a1234",
        ),
    )
    assert meta.links == ("https://e.com/2024/01/02/something-unrelated",)
    assert meta.date is None


def test_url_that_spells_the_title_is_the_own_url() -> None:
    text = f"Floods Close Schools in the North\n\n{BODY}\n\nhttps://e.com/floods-close-schools-in-the-north"
    meta = run(text).metadata
    assert meta.url == "https://e.com/floods-close-schools-in-the-north"
    assert meta.links == ()


# --- CA202 markdown, CA203 section-headings -------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("## **Eyes on the Budget**", "## Eyes on the Budget"),
        ("## *Italic Heading*", "## Italic Heading"),
        ("# Second Level One", "## Second Level One"),
        ("### Minor **heading**", "### Minor **heading**"),
        ("See the [report](#) and [annex]().", "See the report and annex."),
        ("See the [report](https://e.com/r) now.", "See the [report](https://e.com/r) now."),
        ("Mixed [dead](#) and *kept* markup.", "Mixed dead and *kept* markup."),
    ],
)
def test_markdown(raw: str, canonical: str) -> None:
    article = run(f"{BODY}\n\n{raw}\n\n{BODY}")
    assert article.body == f"{BODY}\n\n{canonical}\n\n{BODY}\n"


@pytest.mark.parametrize(
    "heading",
    [
        "What Happens Next",
        "'A turning point'",
        "Eyes on the Budget",
        "Reaktionen",
        "2024 in numbers",
    ],
)
def test_section_headings(heading: str) -> None:
    article = run(f"{BODY}\n\n{heading}\n\n{BODY}")
    assert article.body == f"{BODY}\n\n## {heading.strip()}\n\n{BODY}\n"


def test_bold_paragraph_between_paragraphs_is_a_heading() -> None:
    assert "## The Response\n" in run(f"{BODY}\n\n**The Response**\n\n{BODY}").body


@pytest.mark.parametrize(
    "line",
    [
        "He left.",
        "Reporting by Jane Doe; editing by Joe Bloggs",
        "Officials said the decision was final, and that no appeal would be heard",
        "but the council disagreed",
    ],
)
def test_not_section_headings(line: str) -> None:
    assert "## " not in run(f"{BODY}\n\n{line}\n\n{BODY}").body


def test_short_last_line_is_not_a_heading() -> None:
    assert "## " not in run(f"{BODY}\n\nThe End").body


# --- CA501 twin-typos, CA502 doubled-possessive, CA503 misspellings -------------------------


def test_twin_typo_fixed() -> None:
    text = (
        "Engineers at Volkswagen said the new model would ship in May. "
        "A Volkswgen spokesperson declined to comment on the price."
    )
    article = run(text)
    assert "Volkswgen" not in article.body and article.body.count("Volkswagen") == 2
    [edit] = [e for e in article.edits if e.code == "CA501"]
    assert (edit.before, edit.after) == ("Volkswgen", "Volkswagen")


def test_a_rare_but_known_spelling_is_not_a_typo() -> None:
    text = "Engineers at Volkswagen said so. A Volkswagon dealer disagreed with the plan."
    assert run(text).body == text + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "Minister Kejiang met Ambassador Luzinov and the Brzezinski family in the capital.",
        "The Smiths and the Smith family met at the station on Monday, as was the plan.",
        "The agency Roskosmos and the agency Roscosmos are both spellings in the text.",
        "Der Volkswagen-Konzern und ein Volkswgen-Händler trafen sich in der Stadt.",
        "Kovalenka met Kovalenki at the ministry, where the two officials discussed the budget.",
    ],
)
def test_twin_typos_leave_names_and_other_languages(text: str) -> None:
    assert run(text).body == text + "\n"


@pytest.mark.parametrize(
    "text",
    [
        # one name spelled two ways: a doubled last letter, a transliteration, an accent
        "President Zelenskyy spoke on Monday. Later Zelensky met the envoy in the capital.",
        "Minister Dmitriy Kuleba met Dmitry Peskov, and the two men spoke about the talks.",
        "The striker Wróbel scored twice, and Wrobel said after the match it was his best.",
        # a word and its inflection are two words
        "The xenobots moved, and each xenobot was watched by the team in the laboratory.",
        "They precompiled the headers; to precompile them again took the build an hour.",
        # the same name twice, each once, neither reading more like a word: no guess
        "The Lingopie app and the Lingkpie app were both reviewed by the team this week.",
        # an identifier in prose, a handle alone on a line, a URL line
        "We add the nonnnull() attribute, as the nonnull attribute is what we want here.",
        "Contributors:\n\n- teh\n- simonlindholm\n\nThanks to the whole team for the work.",
        "Alfred Krupp and Alfried Krupp were father and son, and both ran the company.",
        # a doubled last letter: one name spelled two ways
        "Samsung said sales rose, and Samsungg shares fell on the news in Seoul that day.",
        # a first letter is never a slip; a case change is a style
        "Readers of Rauer and of Bauer met; the Sagemaker team and the SageMaker team too.",
    ],
)
def test_twin_typos_leave_spellings_that_are_no_slip(text: str) -> None:
    assert run(text).body == text + "\n"


@pytest.mark.parametrize(
    ("text", "typo", "right"),
    [
        (
            "The Kolomoisky case went on; Kolomosiky said he was innocent, as he had before.",
            "Kolomosiky",
            "Kolomoisky",
        ),  # swapped letters, the twin written more often
        (
            "Ms Okonkwo spoke first. Later Okonkow thanked the voters of the district for it.",
            "Okonkow",
            "Okonkwo",
        ),  # written as often: the twin reads more like a word
        (
            "Our guide to Bougainvillea care: water your Bougainvilla once a week in summer.",
            "Bougainvilla",
            "Bougainvillea",
        ),  # a letter dropped near the end
        (
            "He said the Bundestag would vote. The Bundesrag then met, as it does in May.",
            "Bundesrag",
            "Bundestag",
        ),  # a neighbouring key
    ],
)
def test_twin_typos_fix_slips_and_say_why(text: str, typo: str, right: str) -> None:
    article = run(text)
    assert typo not in article.body and right in article.body
    [edit] = [e for e in article.edits if e.code == "CA501"]
    assert (edit.before, edit.after) == (typo, right)
    assert "once, unknown to wordfreq" in edit.reason and right in edit.reason


def test_many_twin_typos_in_one_text() -> None:
    # a hundred distinct fixes, each recorded once, on its own line
    names = [f"Kov{chr(97 + i)}{chr(97 + j)}lenko" for i in range(26) for j in range(4)]
    text = "\n\n".join(
        f"Minister {n} spoke, and then Minister {n} and {n[:5] + n[6:]}'s aide left it."
        for n in names
    )
    article = run(text)
    fixed = [e for e in article.edits if e.code == "CA501"]
    assert len(fixed) == len(names)
    assert all(e.before == e.after[:5] + e.after[6:] for e in fixed)


def test_batch_evidence_fixes_a_word_seen_elsewhere() -> None:
    text = "The Bundestg voted on the measure late on Thursday, as had been expected by all."
    assert "Bundestag" in clean(text, evidence={"Bundestag": 40}).body
    assert "Bundestg" in clean(text).body


def test_no_twin_fix_to_a_word_that_is_itself_a_slip_of_a_third() -> None:
    """In a corpus of rare names written nearly alike (Fatfo 1, Fatfi 2, Fatri 3 times),
    fixing Fatfo to Fatfi would fix Fatfi to Fatri when the output is cleaned again: the
    chain is left alone, and the result is a fixed point. The chain's last step, whose
    target is no slip of another, is fixed."""
    text = "The council named Fatfo as its chair on Monday, after a long vote in the hall."
    chain = {"Fatfi": 2, "Fatri": 3}
    article = clean(text, evidence=chain)
    assert "Fatfo" in article.body and not any(e.code == "CA501" for e in article.edits)
    assert article.stable
    last = clean(text.replace("Fatfo", "Fatfi"), evidence=chain)
    assert "Fatri" in last.body and last.stable


def test_protected_words_are_never_fixed() -> None:
    text = "Engineers at Volkswagen said so. A Volkswgen dealer disagreed with the plan."
    assert "Volkswgen" in run(text, protected_words=frozenset({"Volkswgen"})).body


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("Elon Musks's company said it was pleased with the result.", "Elon Musk's"),
        ("Angela Merkels's cabinet met on Monday, and the official said so.", "Angela Merkel's"),
        ("The Macrons’s plan was new, as the official said.", "The Macron's"),
    ],
)
def test_doubled_possessive(raw: str, fixed: str) -> None:
    assert run(raw).body.startswith(fixed)


@pytest.mark.parametrize(
    "text",
    [
        "Serena Williams's serve was the best of the tournament, the coach said.",
        "St James's Park was full for the match on Saturday, as it was expected.",
        "Texas's governor said the state would appeal the ruling in the court.",
        "The boss's office was empty when the police arrived at the building.",
        "H. G. Wells's novels were read by the students, and it was a success.",
    ],
)
def test_possessives_that_stay(text: str) -> None:
    assert run(text).body == text + "\n"


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("The goverment said it was ready.", "The government said it was ready."),
        ("They will recieve it untill May.", "They will receive it until May."),
        ("Teh plan was approved by the council.", "The plan was approved by the council."),
        ("It was DEFINATELY the end of the era.", "It was DEFINITELY the end of the era."),
        (
            "An independant review was ordered by the board.",
            "An independent review was ordered by the board.",
        ),
    ],
)
def test_misspellings(raw: str, fixed: str) -> None:
    assert run(raw).body == fixed + "\n"


def test_misspellings_from_config_and_not_in_other_languages() -> None:
    custom = run("The reciept was late and it was odd.", misspellings={"reciept": "receipt"})
    assert custom.body == "The receipt was late and it was odd.\n"
    french = "Le goverment a dit que la réforme serait votée et appliquée cette année."
    assert run(french).body == french + "\n"


# --- house styles beyond the seeds ----------------------------------------------------------


def test_short_wrapped_paragraph_in_german() -> None:
    text = (
        "Die Bundesregierung hat am Mittwoch ein neues Klimapaket beschlossen. Es sieht\n"
        "unter anderem höhere Abgaben auf Flugreisen und mehr Geld für den Ausbau der\n"
        "Bahn vor.\n"
    )
    assert run(text).body.count("\n") == 1


def test_guardian_style_head() -> None:
    text = (
        "Thousands march in Paris against pension reform\n"
        "Protesters say the changes will force them to work until 64\n"
        "Police lines near the square on Tuesday. Photograph: Jean Dupont/AP\n"
        "Kim Willsher in Paris\n"
        "Tue 7 Mar 2023 14.32 GMT\n"
        "Hundreds of thousands of people marched across France on Tuesday, unions said.\n"
        "Unions said more than 3 million people took part in the protests.\n"
    )
    meta = run(text).metadata
    assert meta.title == "Thousands march in Paris against pension reform"
    assert meta.description.startswith("Protesters say")
    assert meta.images == (Image("Police lines near the square on Tuesday.", "Jean Dupont/AP"),)
    assert (meta.byline, meta.authors) == ("Kim Willsher in Paris", ("Kim Willsher",))
    assert meta.date == dt.date(2023, 3, 7)


def test_correspondent_shape_only_in_the_head() -> None:
    text = f"{BODY}\n\n{BODY}\n\nKim Willsher in Paris\n\n{BODY}"
    assert run(text).metadata.byline == ""


@pytest.mark.parametrize(
    ("raw", "clean_text"),
    [
        ("Advert\u200bisement", ""),  # an invisible character cannot hide boilerplate
        ("Rates\u2009rose\u202fsharply.", "Rates rose sharply."),
        ("\ufeffByte order mark at the start.", "Byte order mark at the start."),
        ("Word\u2060joiner removed here.", "Wordjoiner removed here."),
        (
            "Persian needs its zero-width non-joiner: می\u200cخواهم.",
            "Persian needs its zero-width non-joiner: می\u200cخواهم.",
        ),
    ],
)
def test_invisible_characters(raw: str, clean_text: str) -> None:
    assert run(raw).body == (clean_text + "\n" if clean_text else "")


@pytest.mark.parametrize(
    ("head", "description"),
    [
        (
            "Budget Passes\n\nLawmakers approved it by one vote.\n\nBy Maria Rossi",
            "Lawmakers approved it by one vote.",
        ),
        (
            "Budget Passes\n\nLawmakers approved it by one vote.\n\nMarch 9, 2021",
            "Lawmakers approved it by one vote.",
        ),
        (
            "# Budget Passes\n\nLawmakers approved it by one vote.\n\nImage: The chamber.",
            "Lawmakers approved it by one vote.",
        ),
        (
            "Haushalt beschlossen\n\nDer Bundestag stimmte knapp zu.\n\nVon Anna Schmidt",
            "Der Bundestag stimmte knapp zu.",
        ),
        ("Budget Passes\n\nBy Maria Rossi\n\nLawmakers approved it by one vote.", ""),
    ],
)
def test_standfirst(head: str, description: str) -> None:
    assert run(f"{head}\n\n{BODY}\n\n{BODY}").metadata.description == description


@pytest.mark.parametrize(
    ("headline", "url", "pairs"),
    [
        ("Mars Rover Finds Water", "https://e.com/2024/01/02/mars-rover-finds-water", True),
        ("Mars Rover Finds Water", "https://e.com/news/mars-rover-finds-water.html", True),
        ("Mars Rover Finds Water", "https://e.com/mars-rover-finds-water-a1b2c3d4", True),
        ("Mars Rover Finds Water", "https://e.com/2024/01/02/budget-row-deepens", False),
        ("Zinsen bleiben gleich", "https://e.de/2024/05/01/wetter-heute-sonnig", False),
    ],
)
def test_pair_links(headline: str, url: str, pairs: bool) -> None:
    meta = run(f"{BODY}\n\nRelated: {headline}\n\n{BODY}\n\n{url}").metadata
    assert (meta.related[0].url == url) is pairs
    assert (url in meta.links) is not pairs


def test_boilerplate_guard_backs_off_and_says_so() -> None:
    article_text = "\n\n".join([BODY] * 10)
    article = run(article_text, extra_boilerplate=(".*ministry.*",))
    assert article.body == article_text + "\n"
    [note] = [e for e in article.edits if e.code == "CA401"]
    assert note.kind == "note" and "guard" in note.reason and "100%" in note.reason


def test_boilerplate_guard_lets_real_junk_go_on_a_short_article() -> None:
    banner = "IE 11 is not supported. For an optimal experience visit our site on another browser."
    text = f"{banner}\n\n{BODY}"
    assert run(text).body == BODY + "\n"


# --- CA105 html-remnants ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "<p>The council met on Monday to vote on the plan.</p><p>It passed by nine votes.</p>",
            "The council met on Monday to vote on the plan.\n\nIt passed by nine votes.\n",
        ),
        (
            "Markets rose &amp; fell on Tuesday, traders said.",
            "Markets rose & fell on Tuesday, traders said.\n",
        ),
        (
            "Der Preis stieg um 5&nbsp;% auf 3&#8239;€, sagte die Sprecherin am Montag.",
            "Der Preis stieg um 5 % auf 3 €, sagte die Sprecherin am Montag.\n",
        ),
        (
            'She said <a href="https://e.org/report">in a report</a> that rents <b>rose</b>.',
            "She said [in a report](https://e.org/report) that rents rose.\n",
        ),
        (
            "Los precios subieron.<br/>El gobierno no comentó.<script>track();</script>",
            "Los precios subieron.\n\nEl gobierno no comentó.\n",
        ),
        ('<span class="dropcap">T</span>he vote was close.', "The vote was close.\n"),
    ],
)
def test_html_remnants(text: str, body: str) -> None:
    article = run(text)
    assert article.body == body
    assert "CA105" in codes(article)
    assert clean(article.markdown).markdown == article.markdown


@pytest.mark.parametrize(
    "text",
    [
        "Use the <p> tag for paragraphs and the <em> tag for emphasis, the guide says.",
        "In code, write `<br>` to break a line and `&amp;` for an ampersand.",
        "Profits at AT&T rose, and R&D spending fell; 3 < 5 and 7 > 2 still hold.",
        "&lt;b&gt; is how the page shows a bold tag as text.",
        # a void or closing tag named in prose, spaced from its words
        "The request comes from an <img> element or a <br> tag in the document.",
        "Every </p> closes a paragraph, the tutorial explains to its readers.",
    ],
)
def test_html_remnants_leave_prose_about_markup_alone(text: str) -> None:
    assert run(text).body == text + "\n"


def test_html_remnants_leave_an_article_that_shows_markup_alone() -> None:
    # examples of markup in a few lines of an article about HTML are its content
    prose = [
        f"The parser passed test {n} of the suite after the rewrite, the author reports."
        for n in range(1, 9)
    ]
    shown = [
        "The first test was a valid string, <p>Hello</p>, and it passed.",
        "The input <table></table><li><table></table> crashed it in select mode.",
        "It shows a figure of a single <img> and nothing more.",
    ]
    text = "\n\n".join(prose[:4] + shown + prose[4:])
    assert run(text).body == text + "\n"
    leaked = "\n\n".join(f"<p>{line}</p>" for line in prose)
    assert run(leaked).body == "\n\n".join(prose) + "\n"


def test_an_inline_element_around_text_is_read_wherever_it_stands() -> None:
    prose = "\n\n".join(f"Paragraph {n} of the story has no markup at all in it." for n in range(9))
    text = f"{prose}\n\nIt grew in the 19<sup>th</sup> century, <u>the records show</u>."
    assert run(text).body.endswith("It grew in the 19th century, the records show.\n")


def test_html_remnants_decode_repeatedly_and_stop() -> None:
    once = run("Tom &amp;amp; Jerry &amp;lt;3 were on the bill that night.").body
    assert once == "Tom & Jerry &lt;3 were on the bill that night.\n"
    assert run(once).body == once


def test_html_remnants_record_what_they_drop() -> None:
    article = run('Rain fell all day.<img src="x.jpg" alt="Rain"><!-- ad slot -->')
    removed = [e.before for e in article.edits if e.code == "CA105" and e.kind == "remove"]
    assert removed == ['<img alt="Rain" src="x.jpg"/>', "<!-- ad slot -->"]
    assert article.body == "Rain fell all day.\n"


def test_byline_in_text_matching_the_pages_authors_leaves_the_body() -> None:
    text = (
        "---\nbyline: Claire Dubois and Marc Lefèvre\nauthors:\n- Claire Dubois\n"
        "- Marc Lefèvre\n---\n\nPar Claire Dubois et Marc Lefèvre\n\n"
        "La SNCF a annoncé mercredi trois nouvelles lignes de nuit au départ de Paris.\n"
    )
    article = run(text)
    assert article.metadata.byline == "Claire Dubois et Marc Lefèvre"
    assert article.body.startswith("La SNCF")
    other = text.replace("Par Claire Dubois et Marc Lefèvre", "Par Jean Martin")
    assert run(other).body.startswith("Par Jean Martin")


def test_labelled_credit_in_a_text_scrape_needs_no_capitals() -> None:
    text = (
        "Rhein erreicht Höchststand in Köln\n\n"
        "Das Rheinufer in der Altstadt stand am Montag unter Wasser. Foto: Oliver Berg / dpa\n\n"
        "Der Pegel des Rheins ist am Montag auf über acht Meter gestiegen, sagte die Stadt.\n"
    )
    article = run(text)
    assert article.metadata.images == (
        Image("Das Rheinufer in der Altstadt stand am Montag unter Wasser.", "Oliver Berg / dpa"),
    )
    assert article.body.startswith("Der Pegel")


def test_head_analysis_is_reused_only_while_the_head_is_unchanged() -> None:
    from cleanarticle import head
    from cleanarticle.parse import parse

    doc = parse("Pact Signed\n\nBy Jane Doe\n\nThe deal was signed on Tuesday in the city.\n")
    first = head.analyse(doc)
    assert (first.length, first.title) == (2, 0)
    assert head.analyse(doc) is first  # asked again, nothing changed: the kept answer
    doc.blocks[1].lines[0].text = "The byline line became a sentence of the body, it seems."
    assert head.analyse(doc).length == 0  # read again: the title lost its evidence
    doc.blocks.pop(0)
    assert head.analyse(doc).title is None  # so is a removed block
    doc.set_meta(title="Pact Signed")
    doc.blocks[0].lines[0].text = "By Jane Doe"
    assert head.analyse(doc).length == 1


def test_character_cleaners_repair_front_matter_text() -> None:
    article = clean(
        "---\ntitle: Itâ€™s a “deal”\nbyline: Jane\u00a0Doe\n---\n\n"
        "The council said on Monday it would build homes.\n"
    )
    assert (article.metadata.title, article.metadata.byline) == ('It\'s a "deal"', "Jane Doe")
    assert [e.code for e in article.edits] == ["CA104", "CA101", "CA102"]
    assert all("(front matter: " in e.reason for e in article.edits)


def test_an_author_page_slug_loses_its_page_extension() -> None:
    text = f"{BODY}\n\nhttps://e.com/author/jane-doe.html\n"
    meta = run(text).metadata
    assert (meta.byline, meta.authors) == ("Jane Doe", ("Jane Doe",))


def _wrapped(paragraphs: list[str], width: int) -> str:
    import textwrap

    return "\n\n".join(
        "\n".join(textwrap.wrap(p, width, break_long_words=False, break_on_hyphens=False))
        for p in paragraphs
    )


LONG = (
    "Farmers in the valley have warned that the drought could cut this year's harvest by a "
    "third, and they are asking the authorities for emergency support to cover the cost of "
    "water deliveries and feed for livestock through the summer months ahead of them."
)


def test_a_greedy_wrap_is_found_among_many_short_lines() -> None:
    # rows of a table and one-line paragraphs hide the wrap from the median line length;
    # a sentence that ends where the next word would not fit is still a wrap
    rows = "\n".join(f"Region {n}    {n * 7} mm    {n + 2} farms" for n in range(1, 40))
    ends = "The harvest of the northern valleys was the smallest since the survey began. Rain"
    paragraph = ends + " came too late for the wheat, the growers' association said on Monday."
    width = next(w for w in range(72, 100) if "began.\nRain" in _wrapped([paragraph], w))
    text = _wrapped([LONG, LONG, paragraph, LONG], width) + "\n\n" + rows + "\n"
    assert f"\n{paragraph}\n" in run(text).body


def test_a_url_that_a_wrap_put_on_its_own_line_stays_in_its_sentence() -> None:
    sentence = (
        "The full list of the models that the team tested, with their scores and their "
        "costs, is published here: https://example.org/reports/2024/models-tested.html"
    )
    width = next(w for w in range(60, 100) if "here:\nhttps://" in _wrapped([sentence], w))
    article = run(_wrapped([LONG, sentence, LONG], width) + "\n")
    assert f"\n{sentence}\n" in article.body
    assert not article.metadata.links


def test_boilerplate_words_that_a_wrap_cut_out_of_a_paragraph_stay_in_it() -> None:
    # a wrapped line inside a paragraph that reads as a copyright notice, or a wrap's last
    # word that reads as an advertising label, is a piece of its paragraph, not chrome
    notice = (
        "The software is published under a licence that names the persons identified as the "
        "document authors. All rights reserved. This document is subject to the legal "
        "provisions of the trust in effect on the date of publication of this document."
    )
    label = (
        "Since the 1990s, digital marketing channels have evolved to include email, social "
        "media, search engines and the programmes of pay-per-click advertising."
    )

    def cut(width: int) -> bool:
        lines = _wrapped([notice], width).split("\n")
        return any("All rights reserved." in line for line in lines[1:-1])

    widths = [w for w in range(60, 100) if cut(w)]
    assert widths
    for width in widths:
        assert f"\n{notice}\n" in run(_wrapped([LONG, notice, LONG], width) + "\n").body
    widths = [w for w in range(60, 100) if _wrapped([label], w).endswith("\nadvertising.")]
    assert widths
    for width in widths:
        assert f"\n{label}\n" in run(_wrapped([LONG, label, LONG], width) + "\n").body


def test_a_short_hard_wrapped_text_is_found_wrapped() -> None:
    from cleanarticle.cleaners.unwrap import wrap_width
    from cleanarticle.parse import parse

    # one wrapped paragraph beside the short lines of an address: too few lines for the
    # median, and three full lines are enough when all the long lines are full
    lines = ["Division of Corporations", "State Records", "One Commerce Plaza"]
    address = "\n".join([*lines, "99 Washington Ave", "Suite 600", "Albany, NY 12231"])
    paragraph = (
        "Get fast and easy access to the features you use most in the new menu. Open the "
        "Customize panel to add, move or remove any button you want. Keep your favorite "
        "features, private browsing, Sync and more, one quick click away from you."
    )
    assert wrap_width(parse(f"{address}\n\n{paragraph}\n")) is None
    tested: list[int] = []
    for width in range(60, 80):
        wrapped = _wrapped([paragraph], width)
        lines = wrapped.split("\n")
        if len(lines) != 4 or sum(not line.endswith(".") for line in lines[:3]) < 2:
            continue  # most of the wrapped lines must stop mid-sentence
        tested.append(width)
        assert wrap_width(parse(f"{address}\n\n{wrapped}\n")) is not None
        assert f"\n{paragraph}\n" in run(f"{address}\n\n{wrapped}\n").body
    assert len(tested) >= 10


def test_a_list_item_that_a_wrap_cut_at_a_cell_separator_is_one_line() -> None:
    items = [
        f"{n}. Agency {n} | Year Founded: 20{n:02} | Specialty: Technical SEO for blockchain "
        f"projects | Notable Result: traffic up {n * 10}% | Price Range: $$ | Rating: 4.{n}"
        for n in range(1, 8)
    ]
    body = "\n".join(items)
    for width in range(72, 101):
        text = (
            _wrapped([LONG], width) + "\n\n" + "\n".join(_wrapped([item], width) for item in items)
        )
        assert f"\n{body}\n" in run(text + "\n").body, width


def test_a_short_line_before_a_long_url_is_a_wrap() -> None:
    sentence = (
        "I created an experiment for the new release of the linter (resulting in "
        "https://example.org/debian/developers-experiment-linter-release/ - not a link, "
        "since it will expire) and waited for the results to come in."
    )

    def short_before_url(width: int) -> bool:
        lines = _wrapped([sentence], width).split("\n")
        return any(
            a.endswith(" in") and len(a) < 0.6 * width and b.startswith("https://")
            for a, b in itertools.pairwise(lines)
        )

    width = next(w for w in range(60, 100) if short_before_url(w))
    text = _wrapped([LONG, sentence, LONG], width)
    assert f"\n{sentence}\n" in run(text + "\n").body


def test_a_dash_that_a_wrap_put_at_a_lines_start_is_no_list() -> None:
    dashed = (
        "Yes, making fresh connections to the database has a pretty expensive overhead, so I put a "
        "pooler in front of it on all of my projects by default - even when load might not "
        "call for it."
    )
    width = next(w for w in range(60, 100) if "\n- even" in _wrapped([dashed], w))
    text = _wrapped([LONG, dashed, LONG], width)  # the wrap made a "list" of "- even ..."
    assert f"\n{dashed}\n" in run(text + "\n").body


def test_a_wrapped_list_item_is_measured_with_its_marker() -> None:
    from cleanarticle.cleaners.unwrap import wrap_width
    from cleanarticle.parse import parse

    item = (
        "5. Drive carefully! You are ultimately assuming responsibility for someone else's "
        "car. Treat it with the same care you would give a friend's vehicle."
    )
    for width in range(60, 100):  # "Treat" fits on the first line only without its "5. "
        text = _wrapped([LONG, LONG, item, LONG], width) + "\n"
        first = _wrapped([item], width).split("\n")[0]
        found = wrap_width(parse(text))
        if first.endswith("car.") and found and len(first) - 3 + 6 <= found < len(first) + 6:
            break
    else:
        raise AssertionError("no such width")
    assert f"\n{item}\n" in run(text).body


def test_a_number_that_a_wrap_put_at_a_list_items_line_start_stays_in_the_item() -> None:
    # Markdown reads "2033." or "2025. You ..." at a line's start as a new ordered list
    items = [
        "- A 3% employment growth is expected for janitors and building cleaners from 2023 to "
        "2033.",
        "- Brighterly hand-picks the online tutors for kids, which makes it the best platform "
        "of 2025. You can be sure they can teach math and reading.",
        "- Janitorial services in residential areas are expected to grow at a steady rate of "
        "4.9% over the forecast period.",
    ]

    def wrapped(width: int) -> str:
        return "\n".join(_wrapped([item], width) for item in items)

    def numbers_at_a_line_start(width: int) -> bool:
        text = wrapped(width)
        return "\n2033." in text and "\n2025. You" in text

    width = next(w for w in range(60, 100) if numbers_at_a_line_start(w))
    text = _wrapped([LONG, LONG], width) + "\n\n" + wrapped(width) + "\n\n" + LONG + "\n"
    article = run(text)
    for item in items:
        assert f"\n{item}\n" in article.body
    assert clean(article.markdown).markdown == article.markdown


# --- CA309 headline ---------------------------------------------------------------------------

PROSE = (
    "The council approved the new transport budget on Monday after a debate that lasted "
    "well into the night, with several members asking for more money for buses."
)
MENU = "Home\n\nNews\n\nWorld\n\nSport\n\nSubscribe\n\n"


def test_headline_repeating_the_page_title_gives_title_and_site_name() -> None:
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        f"By Jane Doe\n\nJun 8, 2023 • 5 min read\n\n{PROSE}\n"
    )
    meta = run(text).metadata
    assert (meta.title, meta.site_name) == ("Council Backs Tram Plan", "The Daily Planet")
    assert (meta.authors, meta.date) == (("Jane Doe",), dt.date(2023, 6, 8))


def test_a_table_of_contents_is_no_page_title() -> None:
    # the first line repeats later, as a section's heading, and so does the second: the
    # document opens with its table of contents, not with the page title
    sections = ["Assess How Deep Is Your Content", "Rewrite With Content Depth In Mind"]
    intro = f"{PROSE}\n\n" * 3
    text = (
        "\n".join(sections)
        + "\n\n"
        + intro
        + "".join(f"## {heading}\n\n{PROSE}\n\n" for heading in sections)
    )
    article = run(text)
    assert not article.metadata.title
    # (CA203 may mark the second entry as a heading: it stands between paragraphs)
    assert article.body.replace("## ", "").startswith(f"{sections[0]}\n\n{sections[1]}\n\n")


def test_headline_after_menus_by_the_byline_and_date_beside_it() -> None:
    text = (
        f"Skip to content\n\n{MENU}Home › News › World\n\nCouncil Backs Tram Plan\n\n"
        f"By\n\nJane Doe\n\nPublished 19/03/2021\n\n{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    meta = article.metadata
    assert (meta.title, meta.byline, meta.date) == (
        "Council Backs Tram Plan",
        "Jane Doe",
        dt.date(2021, 3, 19),
    )
    assert "Home › News › World" in article.body  # a breadcrumb is never the title


def test_the_byline_and_date_under_a_photo_caption_and_credit() -> None:
    caption = "Research shows that fasting can come with many benefits, but not for everyone."
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        "The city will have trams again by 2030, the council says.\n\n"
        f"{caption}\n\nThea Traff/Redux\n\nBy Jane Doe\n\nPublished March 9, 2026\n\n"
        f"{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    assert (article.metadata.authors, article.metadata.date) == (("Jane Doe",), dt.date(2026, 3, 9))
    assert caption in article.body  # the caption stays in the body
    # an image's label, and the headline again, between it and the byline
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        "Image:\n\nView image credit\n\nCouncil Backs Tram Plan\n\nBy Jane Doe\n\n"
        f"June 3, 2021\n\n{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    assert (article.metadata.authors, article.metadata.date) == (("Jane Doe",), dt.date(2021, 6, 3))


def test_a_name_with_a_reading_time_under_the_headline_is_the_byline() -> None:
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        f"Kelia Losa Reinoso 15 min\n\nAugust 25, 2025\n\n{PROSE}\n\n{PROSE}\n"
    )
    meta = run(text).metadata
    assert (meta.authors, meta.date, meta.description) == (
        ("Kelia Losa Reinoso",),
        dt.date(2025, 8, 25),
        "",
    )


@pytest.mark.parametrize(
    ("label", "date", "updated"),
    [
        ("Published on", dt.date(2025, 4, 19), None),
        ("Last updated:", None, dt.date(2025, 4, 19)),
        ("Updated on", None, dt.date(2025, 4, 19)),
    ],
)
@pytest.mark.parametrize("by", ["Author", "Written by", "By"])
def test_labels_on_their_own_lines_over_the_name_and_the_date(
    by: str, label: str, date: dt.date | None, updated: dt.date | None
) -> None:
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        f"{by}\n\nIsaiah Shelton\n\n{label}\n\nApril 19, 2025\n\n{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    meta = article.metadata
    assert (meta.authors, meta.date, meta.updated) == (("Isaiah Shelton",), date, updated)
    assert label not in article.body and by not in article.body


def test_a_name_under_the_headline_whose_email_the_article_gives_is_the_byline() -> None:
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        f"Russell Miller\n\nDec 18, 2025\n\n{PROSE}\n\n"
        "Write to him at russell@example.com or @russellm on the usual networks.\n"
    )
    assert run(text).metadata.authors == ("Russell Miller",)


@pytest.mark.parametrize("label", ["Published on", "Posted on", "By Summer Swann"])
def test_a_date_label_or_a_byline_is_never_the_headline(label: str) -> None:
    # "Swann" and "summer" are words the article writes in lower case: no byline of names
    text = (
        f"Skip to content\n\n{MENU}{label}\n\nJune 12, 2025\n\n{PROSE}\n\n"
        "We swann about all summer long, and the council did too.\n"
    )
    assert run(text).metadata.title != label


def test_a_lone_by_over_an_organisation_is_the_byline_not_the_headline() -> None:
    text = (
        f"Skip to content\n\n{MENU}Council Backs Tram Plan\n\nby\n\nEcoCult Staff\n\n"
        f"June 12, 2025\n\n{PROSE}\n\n{PROSE}\n"
    )
    meta = run(text).metadata
    assert (meta.title, meta.byline, meta.authors) == (
        "Council Backs Tram Plan",
        "EcoCult Staff",
        (),
    )


def test_no_byline_or_date_past_more_than_a_caption_and_its_credit() -> None:
    lines = "\n\n".join(
        f"Line {n} of the article, which is more than a photo's caption." for n in range(4)
    )  # a standfirst, and three lines: more than a caption and its credit
    text = (
        f"Council Backs Tram Plan | The Daily Planet\n\n{MENU}Council Backs Tram Plan\n\n"
        f"{lines}\n\nMarch 9, 2026\n\n{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    assert article.metadata.date is None
    assert "March 9, 2026" in article.body


@pytest.mark.parametrize("furniture", ["5 min read", "12 comments", "3 Minute Read"])
def test_a_reading_time_or_a_count_above_a_date_is_never_the_title(furniture: str) -> None:
    article = run(f"Skip to content\n\n{furniture}\n\nMarch 9, 2021\n\n{PROSE}\n")
    assert article.metadata.title != furniture


def test_a_section_heading_that_repeats_the_first_line_stays_in_the_body() -> None:
    text = (
        f"Cybersecurity Tips for Small Businesses\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n"
        f"Cybersecurity tips for small businesses\n\n{PROSE}\n\n{PROSE}\n"
    )
    article = run(text)
    assert article.metadata.title != "Cybersecurity tips for small businesses"
    assert "Cybersecurity tips for small businesses" in article.body


def test_no_headline_after_the_articles_first_sentences() -> None:
    # a book under review, an event of a listing: its date and name below it are a list
    # entry's, not the article's head
    more = "\n\n".join([PROSE] * 8)
    review = (
        f"{PROSE}\n\nA Far Better Thing\n\nAuthor: H. G. Parry\n\nReleased:\n\n"
        f"June 17, 2025 by\n\nTor Books\n\nGenre:\n\n{more}\n"
    )
    article = run(review)
    assert not article.metadata.title and not article.metadata.authors
    assert "A Far Better Thing" in article.body and "Tor Books" in article.body


@pytest.mark.parametrize(
    "line",
    ["7 May 1856", "26 September 1907", "Jun 8, 2023", "Image", "Michael Hession/NYT Wirecutter"],
)
def test_a_date_or_a_single_word_is_no_title(line: str) -> None:
    from cleanarticle import head
    from cleanarticle.model import Block, Kind, Line

    assert not head.is_title(Block(Kind.PARAGRAPH, [Line(line, 1)]))


def test_a_photo_credit_under_the_date_is_no_title() -> None:
    text = f"Updated February 12, 2026\n\nMichael Hession/NYT Wirecutter\n\n{PROSE}\n\n{PROSE}\n"
    article = run(text)
    assert article.metadata.title != "Michael Hession/NYT Wirecutter"
    assert "Michael Hession/NYT Wirecutter" in article.body or article.metadata.images


def test_a_single_word_is_never_the_headline() -> None:
    caption = "A worker repairing cables this month in Queens, where water and salt seeped in."
    more = "\n\n".join([PROSE] * 8)
    article = run(f"{PROSE}\n\nImage\n\n{caption}\n\nFeb. 21, 2019\n\n{more}\n")
    assert article.metadata.title != "Image"


def test_a_name_under_the_headline_is_the_byline_in_english_only() -> None:
    english = f"Subscribe\n\nCouncil Backs Tram Plan\n\nSelin Romano\n\nMarch 3, 2024\n\n{PROSE}\n"
    assert run(english).metadata.authors == ("Selin Romano",)
    german = (
        "Abonnieren\n\nStadtrat beschließt neue Straßenbahn\n\nÜbersicht Projekte\n\n"
        "3. März 2024\n\nDer Stadtrat hat am Montag nach einer langen Debatte den neuen "
        "Haushalt für den Verkehr beschlossen, und viele Mitglieder forderten mehr Geld.\n"
    )
    meta = run(german).metadata
    assert meta.title == "Stadtrat beschließt neue Straßenbahn"
    assert meta.authors == () and meta.date == dt.date(2024, 3, 3)


def test_a_role_under_the_authors_name_is_no_headline() -> None:
    text = (
        f"Subscribe\n\nCouncil Backs Tram Plan\n\nSelin Romano\n\nSenior Editor\n\n"
        f"March 3, 2024\n\n{PROSE}\n"
    )
    meta = run(text).metadata
    assert (meta.title, meta.authors) == ("Council Backs Tram Plan", ("Selin Romano",))


def test_a_title_case_headline_under_a_short_line_of_buttons_is_the_headline() -> None:
    headline = "How Machine Learning Is Shaping the Shops of Every Town in the Country"
    text = f"Subscribe\n\nListen Pause Resume\n\n{headline}\n\nMarch 3, 2024\n\n{PROSE}\n"
    assert run(text).metadata.title == headline
    # a standfirst (a sentence) under a headline stays its standfirst
    dek = "The council voted on Monday for a plan that the mayor had opposed for years."
    text = f"Subscribe\n\nCouncil Backs Tram Plan\n\n{dek}\n\nMarch 3, 2024\n\n{PROSE}\n"
    meta = run(text).metadata
    assert (meta.title, meta.description) == ("Council Backs Tram Plan", dek)


def test_a_byline_of_the_documents_own_words_is_none() -> None:
    text = (
        f"Subscribe\n\nField Marketing Guide\n\nBy Event Type\n\nMarch 3, 2024\n\n"
        f"Every event type needs its own plan. {PROSE}\n"
    )
    assert run(text).metadata.authors == ()


def test_headline_evidence_is_not_looked_for_deep_in_the_body() -> None:
    """A heading and a date line far down a clean article are the body's."""
    body = "\n\n".join([PROSE] * 10)
    text = f"{body}\n\n# Notes From the Archive\n\nMarch 3, 2024\n\n{PROSE}\n"
    article = run(text)
    assert article.metadata.title == "" and article.metadata.date is None


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Published: 9 March 2021 10:30 GMT", "2021-03-09T10:30+00:00"),
        ("March 9, 2021 10:30 am EST", "2021-03-09T10:30-05:00"),
        ("9. März 2021, 10:15 Uhr", "2021-03-09T10:15"),
        ("2021-03-09T10:00:00Z", "2021-03-09T10:00+00:00"),
        ("9 March 2021", ""),
    ],
)
def test_a_time_on_the_date_line_is_kept_as_the_timestamp(line: str, stamp: str) -> None:
    article = run(f"Storm Hits Coast\n\n{line}\n\n{BODY}")
    assert (article.metadata.date, article.metadata.timestamp) == (dt.date(2021, 3, 9), stamp)
    assert clean(article.markdown).markdown == article.markdown


def test_a_closing_byline_is_the_byline_when_the_head_has_none() -> None:
    text = f"{BODY}\n\n{BODY}\n\nWritten by Lisa Greene-Lewis\n"
    article = run(text)
    assert article.metadata.authors == ("Lisa Greene-Lewis",)
    assert article.body == f"{BODY}\n\n{BODY}\n"
    # a byline in the middle of the article is someone else's (a quoted column, a letter)
    middle = f"{BODY}\n\nBy Ann Poe\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    assert run(middle).metadata.authors == ()


def _roundup(label: str, entries: list[tuple[str, str]], text: str) -> str:
    """A list article's entries: each a name, a credit line ``label + credited``, a text."""
    return "".join(f"{name}\n\n{label}{credited}\n\n{text}\n\n" for name, credited in entries)


def test_a_credit_line_repeated_under_each_entry_of_a_list_is_no_byline() -> None:
    """A roundup of games, each under its name with "Published by ..." (its publisher):
    neither the last credit nor an entry with its credit is the article's byline and
    title, in the first cleaning or when the output is cleaned again (where CA203 has made
    the entries' names ``##`` headings)."""
    games = [
        ("Chit Chat", "Helvetiq"),
        ("Jungo", "Happy Camper Games"),
        ("Vantage", "Stonemaier Games"),
    ]
    article = run(f"{BODY}\n\n{_roundup('Published by ', games, BODY)}")
    assert (article.metadata.title, article.metadata.authors) == ("", ())
    assert "Published by Stonemaier Games" in article.body
    assert "Jungo" in article.body
    assert clean(article.markdown).markdown == article.markdown
    # one such line at the end still signs the article
    assert run(f"{BODY}\n\n{BODY}\n\nPublished by Ann Poe\n").metadata.authors == ("Ann Poe",)


def test_a_labelled_credit_under_every_entry_is_no_headline_evidence() -> None:
    """A roundup of books, each its title over "Author: ...": no entry is the headline."""
    intro = "Our critics picked the novels of the season that readers should not miss."
    books = [
        ("A Far Better Thing", "Helen Parry"),
        ("The Wild Shore Road", "Anna Webber"),
        ("Nights Over the Bay", "Sloane Brooks"),
    ]
    article = run(f"{intro}\n\n{_roundup('Author: ', books, f'{BODY} {BODY}')}")
    assert (article.metadata.title, article.metadata.authors) == ("", ())
    assert "A Far Better Thing" in article.body and "Author: Helen Parry" in article.body


def test_trailing_dates_times_and_contacts_leave_the_byline() -> None:
    from cleanarticle.detect import parse_byline

    found = parse_byline("by Steven Musil January 18, 2017 11:00 PM PST")
    assert (found.authors, found.date) == (("Steven Musil",), dt.date(2017, 1, 18))
    assert parse_byline("By Grace Zokovitch | gzokovitch@example.com").authors == (
        "Grace Zokovitch",
    )


def test_a_name_in_a_place_is_a_byline_only_in_english() -> None:
    """'Kim Willsher in Paris' is a British paper's byline; 'Industrielle Entwicklung in
    Oberhausen' under a German headline is a noun phrase."""
    german = (
        "Geschichte der Stadt\n\nIndustrielle Entwicklung in Oberhausen\n\n"
        "Die Stadt wuchs mit den Zechen und den Hütten, und in wenigen Jahrzehnten kamen "
        "viele tausend Menschen, die in den neuen Werken Arbeit fanden.\n"
    )
    assert run(german).metadata.authors == ()
    english = f"Floods Close Schools\n\nKim Willsher in Paris\n\n{BODY}\n"
    assert run(english).metadata.authors == ("Kim Willsher",)


def test_a_code_line_read_as_a_heading_is_no_headline() -> None:
    text = f"{BODY}\n\n// add.c\n# include <emscripten.h>\n\nint add(int x, int y);\n\n{BODY}\n"
    assert run(text).metadata.title == ""


def test_a_byline_spelled_from_the_author_slug_keeps_its_affiliation() -> None:
    meta = run(
        f"{BODY} The AFP agency confirmed it.\n\nhttps://e.com/author/jane-doe-for-afp\n"
    ).metadata
    assert (meta.byline, meta.authors, meta.byline_affiliation) == (
        "Jane Doe for AFP",
        ("Jane Doe",),
        "AFP",
    )


def test_what_follows_a_bylines_date_is_no_name() -> None:
    from cleanarticle import detect

    found = detect.parse_byline(
        "by Jane Doe | Mar 11, 2023 | Brakes and Repair, Guides | 0 comments"
    )
    assert found is not None and found.authors == ("Jane Doe",)
    assert found.date is not None and str(found.date) == "2023-03-11"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("by Jane Doe 6 Comments", ("Jane Doe",)),  # a count glued to the names
        ("by Jane Doe —10 min read", ("Jane Doe",)),
        ("Written by by Jane Doe", ("Jane Doe",)),  # a template's doubled "by"
        ("by Jane Doe in Festivals & Events", ("Jane Doe",)),  # the section, or the place
        ("Por Ana García y Luis Pérez en Madrid", ("Ana García", "Luis Pérez")),
        # after a comma, "in" belongs to a role, which is no second author
        ("Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien", None),
        ("By Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe")),
    ],
)
def test_byline_furniture_beside_the_names(line: str, authors: tuple[str, ...] | None) -> None:
    from cleanarticle import detect

    found = detect.parse_byline(line)
    assert (found.authors if found is not None else None) == authors


@pytest.mark.parametrize(
    "line",
    ["Selin Romano • Mar 3, 2024", "Selin Romano March 3, 2024 — 7 minutes read"],
)
def test_a_name_and_a_date_on_one_line_under_the_headline(line: str) -> None:
    meta = run(f"Subscribe\n\nCouncil Backs Tram Plan\n\n{line}\n\n{PROSE}\n").metadata
    assert (meta.title, meta.authors, meta.date) == (
        "Council Backs Tram Plan",
        ("Selin Romano",),
        dt.date(2024, 3, 3),
    )


def test_a_short_standfirst_sentence_keeps_the_head_together() -> None:
    text = (
        f"Skip to content\n\n{MENU}The Best Lightweight Gaming Mice\n\nGlides like air.\n\n"
        f"By Jane Doe\n\n{PROSE}\n\n{PROSE}\n"
    )
    meta = run(text).metadata
    assert (meta.title, meta.description, meta.authors) == (
        "The Best Lightweight Gaming Mice",
        "Glides like air.",
        ("Jane Doe",),
    )


def test_by_on_its_own_line_over_the_name_is_headline_evidence() -> None:
    head = f"Skip to content\n\n{MENU}Council Backs Tram Plan\n\nBy\n\nJane Doe"
    text = f"{head}\n\n{PROSE}\n\n{PROSE}\n"
    meta = run(text).metadata
    assert (meta.title, meta.authors) == ("Council Backs Tram Plan", ("Jane Doe",))
