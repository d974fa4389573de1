"""The canonical format (docs/format.md), one rule at a time, and the fixed point."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanarticle import Article, Config, clean
from cleanarticle.frontmatter import dump, split, to_metadata
from cleanarticle.model import Image, Metadata, Related
from cleanarticle.validate import problems

P = "The council approved the plan on Monday after a long debate, officials said."


def test_lf_line_endings_and_one_final_newline() -> None:
    out = clean(f"{P}\r\n\r\n{P}\r\n\r\n\r\n").markdown
    assert "\r" not in out and out.endswith(".\n") and not out.endswith("\n\n")


def test_lone_cr_line_endings() -> None:
    assert clean(f"{P}\r\r{P}").body == f"{P}\n\n{P}\n"


def test_no_trailing_whitespace() -> None:
    out = clean(f"{P}   \n\n## Heading \t\n\n{P} ").markdown
    assert all(line == line.rstrip() for line in out.split("\n"))


def test_nfc() -> None:
    out = clean("Cafe\u0301 owners met in the square on Monday.").markdown
    assert unicodedata.is_normalized("NFC", out) and "Café" in out


def test_empty_input_is_an_empty_document() -> None:
    assert clean("").markdown == ""
    assert clean(" \n\n\t\n").markdown == ""


def test_blocks_separated_by_exactly_one_blank_line() -> None:
    assert clean(f"{P}\n\n\n\n\n{P}").body == f"{P}\n\n{P}\n"


def test_paragraph_is_one_line() -> None:
    body = clean(
        "A paragraph that a scraper\nbroke in the middle of a sentence for no reason."
    ).body
    assert body.count("\n") == 1


def test_section_headings_are_level_two_without_emphasis() -> None:
    body = clean(f"{P}\n\n# **Big Heading**\n\n{P}\n\n## __Other__\n\n{P}").body
    assert "## Big Heading\n" in body and "## Other\n" in body


def test_lists_and_quotes_stay() -> None:
    text = f"{P}\n\n1. one\n2. two\n\n> quoted\n\n- a\n- b\n"
    assert clean(text).body == text


def test_dead_links_keep_their_text() -> None:
    assert clean("Read [the report]() and [this](#) now.").body == "Read the report and this now.\n"


def test_straight_quotes_by_default_and_preserve_on_request() -> None:
    text = "“Yes,” she said, ‘it’s done.’"
    assert clean(text).body == "\"Yes,\" she said, 'it's done.'\n"
    assert clean(text, config=Config(quotes="preserve")).body == text + "\n"


def test_dashes_ellipses_and_non_latin_text_are_kept() -> None:
    text = "Он сказал — нет… 中国 – Ελλάδα."
    assert clean(text).body == text + "\n"


def test_title_is_in_front_matter_not_in_body() -> None:
    article = clean(f"# A Title Here\n\n{P}")
    assert article.metadata.title == "A Title Here"
    assert "# A Title Here" not in article.body


def test_paragraph_that_looks_like_markdown_is_escaped() -> None:
    article = clean("1961. That was the year Yuri Gagarin flew, the first person in space.")
    assert article.body.startswith("1961\\. That")
    assert clean(article.markdown).markdown == article.markdown


def test_reference_definitions_are_not_lost() -> None:
    text = f"{P} See [the report][r].\n\n[r]: https://example.org/report\n"
    article = clean(text)
    assert "[r]: https://example.org/report" in article.body


# --- front matter -----------------------------------------------------------------------------

FULL = Metadata(
    title="Planetary: a pact — “quoted” & 'single'",
    description="Line one: with a colon",
    byline="Jane Doe and José Núñez, Agence",
    authors=("Jane Doe", "José Núñez"),
    author_url="https://example.com/author/jane-doe",
    date=dt.date(2024, 2, 29),
    url="https://example.com/2024/02/29/story?x=1#frag",
    site_name="Example: The Paper",
    images=(
        Image("Caption: with colon.\nSecond line of a long caption.", "Credit / Agency"),
        Image("", "Only a credit"),
    ),
    related=(Related("Related: headline", "https://example.com/r"), Related("No URL", "")),
    links=("https://example.com/a", "https://example.com/b"),
    extra=(("layout", "post"), ("tags", ["a", "b"]), ("weight", 3)),
)


def test_front_matter_round_trip_every_field() -> None:
    text = dump(FULL)
    data, body, _ = split(text + "\nBody.\n")
    assert data is not None and body == "\nBody.\n"
    assert to_metadata(data) == FULL


def test_front_matter_keys_in_fixed_order_and_empty_ones_omitted() -> None:
    keys = [
        line.split(":")[0]
        for line in dump(FULL).splitlines()
        if line and not line.startswith((" ", "-"))
    ]
    assert keys == [
        "title", "description", "byline", "authors", "author_url", "date", "url",
        "site_name", "images", "related", "links", "layout", "tags", "weight",
    ]  # fmt: skip
    assert dump(Metadata(title="T")) == "---\ntitle: T\n---\n"
    assert dump(Metadata()) == ""


@pytest.mark.parametrize(
    "title",
    [
        "Pact: a deal",
        "- starts with a dash",
        "yes",
        "null",
        "2021-03-09",
        "#hash",
        "'quoted'",
        '"double"',
        "café 北京",
        "a: b: c",
        "[brackets]",
        "{braces}",
        "100%",
        "@at",
        "*star",
    ],
)
def test_values_yaml_would_misread_are_quoted(title: str) -> None:
    meta = Metadata(title=title)
    data, _, _ = split(dump(meta))
    assert data is not None and to_metadata(data) == meta


def test_date_is_written_as_iso() -> None:
    assert "date: 2021-03-09\n" in dump(Metadata(date=dt.date(2021, 3, 9)))


def test_omit_keys() -> None:
    article = clean(
        f"# Title Words\n\nBy Jane Doe\n\n{P}", config=Config(omit_keys=frozenset({"authors"}))
    )
    assert "authors" not in article.markdown and "byline: Jane Doe" in article.markdown


def test_foreign_front_matter_keys_survive() -> None:
    text = f"---\nlayout: post\ntitle: Hello World Again\ntags:\n  - x\n---\n\n{P}\n"
    article = clean(text)
    assert (
        article.markdown == f"---\ntitle: Hello World Again\nlayout: post\ntags:\n- x\n---\n\n{P}\n"
    )


def test_text_starting_with_a_rule_is_not_front_matter() -> None:
    article = clean(f"---\n\n{P}\n")
    assert article.metadata == Metadata()
    assert clean(article.markdown).markdown == article.markdown


def test_bad_front_matter_value_is_an_input_error() -> None:
    from cleanarticle import InputError

    with pytest.raises(InputError, match="date"):
        clean("---\ndate: not a date\n---\n\nBody text here.\n")


def test_from_markdown_reads_without_cleaning() -> None:
    text = dump(FULL) + "\n" + P + "\n"
    article = Article.from_markdown(text)
    assert article.metadata == FULL and article.body == P + "\n" and article.edits == ()


# --- the fixed point --------------------------------------------------------------------------

VARIED = [
    "",
    P,
    f"  {P}  \n\n\n",
    "# Title Of Story\n\nBy A. Writer | 3 May 2022\n\nBody text starts here, and goes on.",
    "Headline Without Punctuation\n\nsource: Someone Important\n\nBody of the piece goes on.",
    "date 2020-01-02 Text that follows the date, with more words than a title has.",
    "Image: A photo of a thing.\n\nText of the article, after the picture, keeps going here.",
    "Wrapped text that goes on for a\nwhile and then stops here\nat some point in time.",
    "Related: Another Story Title\n\nhttps://e.com/another-story-title\n\nBody text is here.",
    "---\ntitle: Front Matter Title\ndate: 2020-02-02\n---\n\nBody text of a canonical file.\n",
    "Ελληνικό κείμενο με τίτλο\n\nΚείμενο του άρθρου, αρκετά μακρύ για να είναι παράγραφος.",
    "中国和俄罗斯宣布建设月球站\n\n中国和俄罗斯周二宣布了联合建设国际月球科研站的计划。",
    "**Bold start** of a paragraph.\n\n* list\n* items\n\n> quote\n\n```\ncode\n```",
    "Short\n\nLine\n\nAnother\n\nOne more line here.",
    "1. numbered\n2. list\n\n10. starts at ten\n\n9. März 2021\n\nText.",
    "IE 11 is not supported.\n\nAdvertisement\n\nThe only real paragraph of this article.",
]


@pytest.mark.parametrize("text", VARIED)
def test_fixed_point_and_format(text: str) -> None:
    first = clean(text)
    assert problems(first.markdown) == [], first.markdown
    second = clean(first.markdown)
    assert second.markdown == first.markdown
    assert second.metadata == first.metadata


def test_front_matter_is_the_same_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from cleanarticle import frontmatter

    class PurePython(yaml.SafeDumper):
        pass

    PurePython.add_representer(str, frontmatter._str_representer)
    data = FULL.to_dict()
    kwargs = {"sort_keys": False, "allow_unicode": True, "default_flow_style": False}
    pure = yaml.dump(data, Dumper=PurePython, width=2**30, **kwargs)
    assert dump(FULL) == f"---\n{pure}---\n"
    monkeypatch.setattr(frontmatter, "_Dumper", PurePython)  # a machine without libyaml
    assert dump(FULL) == f"---\n{pure}---\n"


#: Text with what YAML treats specially: line breaks, indicators, quotes, spaces at the ends.
_TEXT = st.text(
    st.sampled_from("\n :-#'\"|>&*!%@[]{},?tyn0.\t\u00a0\u2028é北")
    | st.characters(blacklist_categories=("Cs",)),
    max_size=30,
)


@settings(max_examples=300)
@given(
    st.builds(
        Metadata,
        title=_TEXT | st.integers(),  # a caller's own Metadata may hold other types
        description=_TEXT,
        byline=_TEXT,
        authors=st.lists(_TEXT, max_size=3).map(tuple),
        date=st.none() | st.dates() | st.datetimes(),
        url=_TEXT,
        images=st.lists(st.builds(Image, _TEXT, _TEXT), max_size=2).map(tuple),
        related=st.lists(st.builds(Related, _TEXT, _TEXT), max_size=2).map(tuple),
        links=st.lists(_TEXT, max_size=2).map(tuple),
        extra=st.lists(
            st.tuples(st.sampled_from(["layout", "tags", "extra", "title"]), st.none() | _TEXT),
            max_size=2,
            unique_by=lambda pair: pair[0],
        ).map(tuple),
    )
)
def test_front_matter_is_what_the_yaml_representer_writes(meta: Metadata) -> None:
    import yaml

    from cleanarticle import frontmatter

    data = meta.to_dict()
    kwargs = {"sort_keys": False, "allow_unicode": True, "default_flow_style": False}
    expected = yaml.dump(data, Dumper=frontmatter._Dumper, width=2**30, **kwargs) if data else ""
    assert dump(meta) == (f"---\n{expected}---\n" if data else "")
