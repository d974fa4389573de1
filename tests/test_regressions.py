"""Failures Hypothesis found, kept as plain tests (see tests/test_properties.py)."""

from __future__ import annotations

import pytest

from cleanarticle import Config, clean
from cleanarticle.validate import problems


@pytest.mark.parametrize(
    "text",
    [
        "1A/2000\nA 0\n:",  # dateparser read '1A/2000' as a date unrelated to the text
        "dATE2000-01-01 A 0\n:",  # the rest of a date prefix looked like a title
        "0 0\n:\nRELATED ARTICLE:0\nBY A",  # a teaser removed after the head was read
        "Â\n0",  # ftfy judged a line, then unwrap joined it to the next
        "Â  0",  # ftfy's output is itself repaired until stable
        "ADV\u200bERTISEMENT",  # boilerplate is matched through invisible characters
        "- 0\n\n\n-",  # runs of blank lines inside a list
        "IE:IS NOT\rsUPPORTED",  # two lines that unwrap joins into a boilerplate line
        "I\x1fE:IS NOT\rsUPPORTED",  # a control character hid the boilerplate until ftfy ran
        ">0\n-\xa0",  # a fix inside a quote turned its lazy line into a list item
        "1. KAI 2000\u200b",  # list-or-date decided on text with an invisible character
        "Head Line Here\nIMAGE:0\nHead Line Here\n:",  # the title, repeated below a caption
        "Head Line Here\nImage:0\nHead  Line Here\n:",  # ... with other spacing
        "Body text here.\n\n<https://example.org/author/jane-doe>\u200b",  # hidden URL line
        # found by fuzzing for issue #15: each once changed again on a second cleaning
        "Use \\`code\\` and `a \\` b` in the text, as the manual says to do.",  # escaped `
        "## The hash sign #\n\nText under the heading, as it was written.",  # heading ends '#'
        "## C# and F#\n\nText under the heading, as it was written.",
        "He said “it’s ‘fine’” and left.\n\n“Quote” ‘mark’ ‹x› «y»",  # quotes straightened
        "Title “In Quotes”\n\nBy Jane Doe\n\nHe said “yes” to it, as expected.",  # ... in metadata
        "A &amp;amp;amp;amp;amp;amp; B, as the page encoded it many times over.",  # entities
    ],
)
def test_fixed_point(text: str) -> None:
    first = clean(text)
    assert problems(first.markdown) == []
    second = clean(first.markdown)
    assert (second.markdown, second.metadata) == (first.markdown, first.metadata)


@pytest.mark.parametrize(
    "text",
    [
        # '。' ends a sentence: a Chinese paragraph is not a headline
        "市议会市议会。 市议会市议会。\n\n## The\n\n市议会市议会市议会市议会。\n",
        # Arabic letters are neither upper nor lower case; two sentences are not a headline
        "قال قال قال قال. قال قال قال قال.\n\nقال قال قال قال?\n\nقال قال قال قال.\n",
        # a sentence may end in a one-letter word
        "Совет совет совет у. Совет совет совет совет?\n\n## The\n\nСовет совет совет совет.\n",
    ],
)
def test_clean_text_is_untouched(text: str) -> None:
    article = clean(text)
    assert article.body == text
    assert article.edits == ()


def test_mojibake_in_a_list_item_is_repaired() -> None:
    body = clean("Intro paragraph.\n\n- Council councâ€™il said.\n").body
    assert body == "Intro paragraph.\n\n- Council counc'il said.\n"


def test_the_date_must_be_in_the_text() -> None:
    from cleanarticle.detect import parse_date

    assert parse_date("1A/2000") is None


def test_junk_line_inside_a_wrapped_paragraph_keeps_the_paragraph_whole() -> None:
    text = "The report was long and it said that\nAdvertisement\nthe plan would go ahead."
    assert clean(text).body == "The report was long and it said that the plan would go ahead.\n"


def test_german_date_line_followed_by_text_is_not_a_list() -> None:
    text = "Klimapaket beschlossen\n9. März 2021\nDie Regierung hat am Mittwoch entschieden.\n"
    article = clean(text)
    assert str(article.metadata.date) == "2021-03-09"
    assert article.body == "Die Regierung hat am Mittwoch entschieden.\n"


def test_a_tiny_html_page_reports_that_the_rest_of_the_page_was_left_out() -> None:
    """Found by Hypothesis: markup words (html, body, p) left without an edit saying why."""
    article = clean("<html><body><p>قال قال قال قال.</p></body></html>")
    assert article.body == "قال قال قال قال.\n"
    notes = [e.reason for e in article.edits if e.kind == "note"]
    assert notes == ["main text extracted with trafilatura; the rest of the page was left out"]
    assert clean(article.markdown).markdown == article.markdown


def test_unicode_line_separators_are_line_breaks() -> None:
    """Found by Hypothesis: ftfy turned U+2028 into a newline inside one line."""
    first = clean("0\u20280")
    assert clean(first.markdown).markdown == first.markdown
    assert clean("One.\u2029Two.").body == "One.\n\nTwo.\n"
    nel = clean("Alpha beta\u0085gamma delta.")
    assert "\n" not in nel.body.rstrip("\n")
    assert clean(nel.markdown).markdown == nel.markdown


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("ｶﾀｶﾅ sold out.", "カタカナ sold out."),  # half-width katakana
        ("Rates\u206a rose.", "Rates rose."),  # a deprecated format character
        ("Shares\ufff9 fell.", "Shares fell."),  # an interlinear annotation mark
    ],
)
def test_characters_in_ftfys_tables_are_not_skipped_by_the_gate(text: str, fixed: str) -> None:
    """The ftfy gate's character list was written by hand and missed these; it is now
    built from ftfy's own tables."""
    assert clean(text, config=Config.make(select=["CA101"])).body == fixed + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "１月のイソップ童話：欲張りなイヌ（ひらがな）？",  # full-width digits and punctuation
        "他说，“今天很好。”",  # a full-width comma in Chinese
        "The ligature 'ﬃ' U+FB03 case-folds into \"ffi\".",  # a text about ligatures
        "De ĳssel is een rivier in Nederland.",  # Dutch ĳ
    ],
)
def test_ftfy_repairs_but_does_not_restyle_characters(text: str) -> None:
    """Full-width forms and Latin ligatures are how these texts are written, not damage:
    CA101 used to make them ASCII."""
    assert clean(text, config=Config.make(select=["CA101"])).body == text + "\n"


def test_a_line_of_only_invisible_characters_ends_its_paragraph() -> None:
    """Found by Hypothesis (thorough profile): CA104 emptied the line, unwrapping made an
    empty paragraph of it, and the title below it was found only when cleaning again.
    (Nothing says ``A! 0`` is a title now, so it stays in the body either way.)"""
    first = clean("HTTP://0\n\u200b\nA! 0\n:")
    assert (first.metadata.title, first.body) == ("", "A! 0\n\n:\n")
    assert clean(first.markdown).markdown == first.markdown


def test_a_date_glued_to_the_standfirst_is_read_before_the_caption_below_leaves() -> None:
    """Found by Hypothesis (thorough profile): a caption below the first paragraph made it
    a standfirst candidate, so the date glued to it was found only when cleaning again.
    (Nothing says ``0 0`` is a title now: no head, and the three lines stay the body's.)"""
    first = clean("0 0\nA ?\ndATE2000-01-01 A\nIMAGE:0")
    assert (first.metadata.title, first.metadata.date) == ("", None)
    assert first.body == "0 0\n\nA ?\n\ndATE2000-01-01 A\n"
    assert clean(first.markdown).markdown == first.markdown


@pytest.mark.parametrize(
    "text",
    [
        "0000\nؠ000\n:\nBY A0\nBY A",  # a second headline-like line under the title
        "ؠ000\nؠ000\n:\nBY A0\nBY A",  # the title repeated
    ],
)
def test_a_head_item_left_in_the_body_does_not_make_a_standfirst_on_cleaning_again(
    text: str,
) -> None:
    """Found by Hypothesis (thorough profile): the second byline stays in the body, and
    once the title had moved out it made the short line above it a standfirst, which the
    standfirst cleaner (run before the title cleaner) saw only on a second cleaning. The
    head cleaners now run as a group until they change nothing. (Nothing says the first
    line is a title now, so there is no head and nothing moves.)"""
    first = clean(text)
    assert first.metadata.description == first.metadata.title == ""
    assert clean(first.markdown).markdown == first.markdown


def test_boilerplate_is_matched_as_its_spaces_will_be_written() -> None:
    """Found by Hypothesis (thorough profile): a tab inside a promo became two spaces, the
    promo pattern (one space) missed it, CA103 then wrote one space, and the line was
    removed only when the output was cleaned again."""
    first = clean("SIGN \tUP:NEWSLETTER")
    assert first.body == ""
    assert [e.reason for e in first.edits if e.code == "CA401"] == ["boilerplate (newsletter)"]
    assert clean(first.markdown).markdown == first.markdown


def test_a_byline_is_read_as_its_spaces_will_be_written() -> None:
    """Found by Hypothesis (thorough profile): a repeated byline with a tab inside was
    taken for someone else's byline (two spaces), and removed as the same byline only when
    the output, its spaces collapsed by CA103, was cleaned again."""
    text = "Rain Returns\nBY Jane Doe\nBY Jane \tDoe\nA 0"
    first = clean(text)
    assert first.metadata.byline == "Jane Doe"
    assert [e.code for e in first.edits].count("CA302") == 2
    assert clean(first.markdown).markdown == first.markdown


def test_a_tab_indenting_a_list_items_paragraph_keeps_it_in_the_list() -> None:
    """Found by Hypothesis (thorough profile): CA104 made the tab one space, the paragraph
    left the list when the output was read again, and was removed then as boilerplate. A
    tab in the indentation now counts to the next tab stop, as CommonMark reads it."""
    first = clean("- 0\n\n\tADVERTISEMENT")
    assert first.body == "- 0\n\n    ADVERTISEMENT\n"
    assert clean(first.markdown).markdown == first.markdown


def test_a_quote_split_by_a_character_cleaner_is_read_again_at_once() -> None:
    """A zero-width line inside a quote became blank: the line below leaves the quote when
    the output is read again, so it is read as a paragraph in the same cleaning (here a
    line of boilerplate, removed at once)."""
    first = clean("> A quote that stands here.\n\u200b\nAdvertisement")
    assert first.body == "> A quote that stands here.\n"
    assert clean(first.markdown).markdown == first.markdown


def test_a_no_break_space_line_in_a_list_is_text_until_it_is_respaced() -> None:
    """Found by Hypothesis (thorough profile): the parser trimmed a line of only a no-break
    space to nothing (Python's ``rstrip``), though Markdown reads it as text that keeps the
    next line in the list item; once written, that line left the list and was removed as
    boilerplate on a second cleaning. Raw lines are now trimmed of spaces and tabs only."""
    first = clean("- 0\n\u00a0\nADVERTISEMENT")
    assert first.body == "- 0\n"
    assert clean(first.markdown).markdown == first.markdown


def test_a_setext_heading_over_two_lines_is_one_heading_line() -> None:
    """Found by Hypothesis (thorough profile): a setext heading's two lines were kept as
    one heading's text and written as '## 0' over '0', which reads back as a heading and a
    paragraph. A heading's lines are now joined with a space when it is read."""
    first = clean("Rain fell.\n\nA Long Heading\nThat Runs On\n---\n\nMore text.")
    assert first.body == "Rain fell.\n\n## A Long Heading That Runs On\n\nMore text.\n"
    assert clean(first.markdown).markdown == first.markdown
    assert clean("0\n0\n=").body == "## 0 0\n"


def test_a_line_repaired_by_ftfy_is_judged_as_boilerplate_in_the_same_cleaning() -> None:
    """Found by Hypothesis (thorough profile): CA101 made a C1 control a bullet after the
    boilerplate cleaner had looked at the line, which was removed as a share widget only
    on a second cleaning. The character cleaners now run before the line-removing ones.
    (A service's name alone, ``X``, is since kept as a possible heading; ``Share`` is
    still a widget.)"""
    first = clean("Rain fell on the town all day.\n\nShare\x95")
    assert first.body == "Rain fell on the town all day.\n"
    assert clean(first.markdown).markdown == first.markdown
    alone = clean("Rain fell on the town all day.\n\nX\x95")
    assert alone.body == "Rain fell on the town all day.\n\nX•\n"
    assert clean(alone.markdown).markdown == alone.markdown


def test_a_straightened_quote_that_completes_mojibake_is_repaired_at_once() -> None:
    """Found by Hypothesis (thorough profile): ftfy made a C1 control a curly quote, CA102
    straightened it, and the straight quote with the characters after it was mojibake that
    ftfy repaired only on a second cleaning. CA101 and CA102 now settle as a group."""
    first = clean("\x91\x9bß")
    assert first.body == "'ݧ\n"
    assert [e.code for e in first.edits] == ["CA101", "CA102", "CA101"]
    assert clean(first.markdown).markdown == first.markdown


def test_a_url_line_that_urlsplit_refuses_is_a_link_not_a_crash() -> None:
    """Found by the quality benchmark on a real page dump: a bare ``http://[…`` line made
    ``urlsplit`` raise ValueError ("Invalid IPv6 URL") out of CA304. URL paths are now
    read through ``urls.url_path``, which gives "" for such a URL."""
    first = clean("The council met on Monday.\n\nhttp://[oops/author/jane-doe\n")
    assert first.metadata.links == ("http://[oops/author/jane-doe",)
    assert first.body == "The council met on Monday.\n"
    assert clean(first.markdown).markdown == first.markdown


def test_entities_nested_past_the_decoding_rounds_settle_to_a_fixed_point() -> None:
    """Issue 15: entity decoding stops after a fixed number of rounds, so one pass leaves
    entities that the next pass decodes; clean() now cleans its output again until that
    changes nothing."""
    text = "Tom " + "&amp;" + "amp;" * 12 + "lt;b&gt; and Jerry went home late.\n"
    quick = clean(text, fast=True)
    assert clean(quick.markdown, fast=True).markdown != quick.markdown  # one pass: not yet
    settled = clean(text)
    assert settled.stable is True and settled.body == "Tom &lt;b&gt; and Jerry went home late.\n"
    assert clean(settled.markdown).markdown == settled.markdown


def test_english_dates_read_without_dateparser_are_the_dates_dateparser_reads() -> None:
    """The fast path for English month names gives what dateparser gives, on generated
    forms of every month name, day, weekday and ordinal, in any letter case."""
    import random

    import dateparser

    from cleanarticle.detect import date as dates

    rng = random.Random(3)
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    checked = 0
    for _ in range(400):
        month = rng.choice([*dates._MONTHS])
        month = rng.choice([month, month.capitalize(), month.upper()])
        day, year = rng.randint(1, 31), rng.randint(1990, 2030)
        ordinal = rng.choice(["", "", "st", "th"])
        weekday = rng.choice(["", "", "Friday, ", "Mon "])
        text = rng.choice(
            [f"{weekday}{month} {day}{ordinal}, {year}", f"{weekday}{day}{ordinal} {month} {year}"]
        )
        fast = dates._english_date(text)
        assert fast is not None, text
        found = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
        expected = found.date() if found is not None and found.day == day else None
        assert (fast or None) == expected, text
        checked += 1
    assert checked == 400


def test_mojibake_of_a_no_break_space_is_repaired_not_respaced() -> None:
    """CA104 used to make the no-break space of "Â\\xa0" a plain space before CA101 could
    read the pair as mojibake, and "Â" stayed in the text."""
    text = "Step 2:\u00c2\u00a0Appoint a registered agent in the state where you form it."
    assert (
        clean(text).body == "Step 2: Appoint a registered agent in the state where you form it.\n"
    )
