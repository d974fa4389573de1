"""The quality benchmark's scorers on small hand-made cases (bench/quality/score.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality import report, score, verdicts
from bench.quality.data import Page

ARTICLE = (
    "The council approved the new budget on Monday after a long debate.\n\n"
    "Residents had asked for more money for parks and for the two libraries.\n\n"
    "The mayor said the plan would be reviewed again in the spring."
)


def summary(true: str, predicted: str, source: str | None = None) -> score.Summary:
    return score.summarise([score.match(true, predicted, source)])


def test_identity_scores_one() -> None:
    result = summary(ARTICLE, ARTICLE, source=ARTICLE)
    assert (result.precision, result.recall, result.f1, result.kept) == (1.0, 1.0, 1.0, 1.0)


def test_empty_output_has_recall_zero_and_no_precision() -> None:
    match = score.match(ARTICLE, "")
    assert match.recall == 0.0 and match.precision is None
    # precision is averaged over documents with output only; recall over all of them
    both = score.summarise([match, score.match(ARTICLE, ARTICLE)])
    assert both.precision == 1.0 and both.recall == 0.5


def test_deleted_paragraph_lowers_recall_and_kept() -> None:
    shorter = ARTICLE.rsplit("\n\n", 1)[0]
    result = summary(ARTICLE, shorter, source=ARTICLE)
    assert result.precision == 1.0
    assert result.recall < 1.0 and result.kept is not None and result.kept < 1.0
    assert result.kept == pytest.approx(result.recall)  # the source held the whole article


def test_kept_counts_only_what_the_source_held() -> None:
    dump = ARTICLE.rsplit("\n\n", 1)[0]  # the converter already lost the last paragraph
    result = summary(ARTICLE, dump, source=dump)
    assert result.kept == 1.0 and result.recall < 1.0


def test_kept_junk_line_lowers_precision_only() -> None:
    junk = "Sign up for our newsletter to get the best stories every morning"
    result = summary(ARTICLE, ARTICLE + "\n\n" + junk)
    assert result.recall == 1.0 and result.precision < 1.0


def test_shingles_keep_case_and_count_repeats() -> None:
    assert score.shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert score.shingles("One two") == {("One", "two"): 1}
    assert score.match("Word word word word", "word word word word").tp == 0


def test_link_destinations_are_markup_not_words() -> None:
    markdown = "The [council report](https://example.org/council-report-2024) is out."
    assert score.reader_text(markdown) == "The council report is out."
    assert score.match("The council report is out.", score.reader_text(markdown)).precision == 1


def test_snippets_found_in_the_source_then_in_the_output() -> None:
    source = "Share this article\nThe council approved the budget.\nSubscribe now"
    output = "The council approved the **budget**."
    assert score.snippet_counts(["Share this", "Subscribe now", "not there"], source, output) == (
        2,
        0,
    )
    assert score.snippet_counts(["council approved the budget"], source, output) == (1, 1)


class TestControl:
    def test_same_text_passes(self) -> None:
        assert score.check_control(ARTICLE, ARTICLE).ok

    def test_forgives_quotes_invisible_characters_and_heading_markers(self) -> None:
        original = "Intro\n\nHe said \u201cyes\u201d to the plan.\n\nIt's done."
        output = '## Intro\n\nHe said "yes" to the\u00ad plan.\n\nIt\u2019s done.'
        assert score.check_control(original, output).ok

    def test_forgives_how_a_thematic_break_is_written(self) -> None:
        original = "The launch is set for May.\n\n___\n\nThis version corrects a name."
        output = "The launch is set for May.\n\n---\n\nThis version corrects a name."
        assert score.check_control(original, output).ok
        assert not score.check_control(original, output.replace("---", "-- x --")).ok

    def test_forgives_a_split_at_the_texts_own_line_break(self) -> None:
        original = "First line of a verse\nSecond line of it\n\nNext paragraph."
        split = "First line of a verse\n\nSecond line of it\n\nNext paragraph."
        joined = "First line of a verse Second line of it\n\nNext paragraph."
        assert score.check_control(original, split).ok
        assert score.check_control(original, joined).ok

    def test_a_line_separator_is_a_line_break(self) -> None:
        original = "Better work\u2028travel starts now.\n\nNext paragraph."
        assert score.check_control(original, "Better work travel starts now.\n\nNext paragraph.").ok
        assert not score.check_control(
            original, "Better worktravel starts now.\n\nNext paragraph."
        ).ok

    def test_a_changed_word_fails(self) -> None:
        result = score.check_control(ARTICLE, ARTICLE.replace("Monday", "Tuesday"))
        assert not result.ok and "Monday" in result.why

    def test_a_lost_line_fails(self) -> None:
        assert not score.check_control("Title\n\n" + ARTICLE, ARTICLE).ok

    def test_joined_paragraphs_fail(self) -> None:
        result = score.check_control(ARTICLE, ARTICLE.replace("\n\n", " ", 1))
        assert not result.ok and "joined" in result.why

    def test_a_split_inside_a_line_fails(self) -> None:
        wrapped = score.hard_wrap(ARTICLE, 40)
        assert wrapped != ARTICLE
        result = score.check_control(ARTICLE, wrapped)
        assert not result.ok and "split" in result.why

    def test_does_not_forgive_case_or_punctuation_words(self) -> None:
        assert not score.check_control("The plan.", "the plan.").ok


def test_hard_wrap_keeps_words_and_blank_lines() -> None:
    wrapped = score.hard_wrap(ARTICLE, 30)
    assert max(len(line) for line in wrapped.split("\n")) <= 30
    assert wrapped.count("\n\n") == ARTICLE.count("\n\n")
    assert score.tokens(wrapped) == score.tokens(ARTICLE)


def test_metadata_folding() -> None:
    assert score.fold_title(" The  \u201cBig\u201d Day \u2014 now ") == 'The "Big" Day - now'
    assert score.author_set("By Jane Doe and John Smith") == {"jane doe", "john smith"}
    assert score.author_set(["José Núñez", "A. Writer"]) == {"jose nunez", "a writer"}
    assert score.author_set("") == frozenset()
    # credentials after a name are not names, on either side; capitals are names
    assert score.author_set("Jillian Kubala, MS, RD") == {"jillian kubala"}
    assert score.author_set(["Genevieve Carlton", "Ph D"]) == {"genevieve carlton"}
    assert score.author_set("JWU") == {"jwu"}
    assert score.author_set("ANA SOUZA & LUIS PEREZ") == {"ana souza", "luis perez"}
    assert score.same_date("2024-05-01", "2024-05-01") and not score.same_date(None, "x")


def test_gate_and_update_never_lower_a_floor() -> None:
    floors = {"wcxb/html/f1": 0.9}
    assert report.gate({"wcxb/html/f1": 0.91}, floors) == []
    assert report.gate({"wcxb/html/f1": 0.89}, floors)
    assert report.gate({}, floors)  # a missing figure fails too
    new, refused = report.updated_floors({"wcxb/html/f1": 0.8, "x/y/z": 0.5678}, floors, False)
    assert new == {"wcxb/html/f1": 0.9, "x/y/z": 0.567} and refused
    new, _ = report.updated_floors({"wcxb/html/f1": 0.8}, floors, True)
    assert new == {"wcxb/html/f1": 0.8}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Posted on March 9, 2021 by Jane", True),
        ("9. März 2021", True),
        ("2021-03-09T10:00", True),
        ("09/03/2021", True),
        ("Tuesday 9 Mar 2021 | News", True),
        ("March 2021: 9 things to do", True),  # the day and month are near the year
        ("In 2021 the council met 12 times.", False),
        ("March 10, 2021", False),
        ("", False),
    ],
)
def test_shows_date(text: str, shown: bool) -> None:
    assert score.shows_date(text, "2021-03-09") is shown


def test_shows_date_of_a_malformed_truth_date_is_false() -> None:
    assert not score.shows_date("2019-00-00 and 2019", "2019-00-00")
    assert not score.shows_date("March 2019", "2019-13-40")


def test_shows_title_and_authors() -> None:
    dump = "Menu\n# Rain Falls – Again\nBy José Pérez and Ann Lee\n"
    assert score.shows_title(dump, "Rain Falls - Again")
    assert not score.shows_title(dump, "Rain Falls")
    assert score.shows_authors(dump, "Jose Perez, Ann Lee")
    assert not score.shows_authors(dump, "Jose Perez, Kim Roe")


def test_typo_generator_makes_one_slip_never_at_the_first_letter() -> None:
    import random

    from bench.quality import typos
    from cleanarticle.cleaners.typos import slip

    rng = random.Random(7)
    for kind in typos.KINDS:
        for word in ("Volkswagen", "Roscosmos", "Okonkwo"):
            typo = typos.misspell(word, kind, rng)
            assert typo is not None and typo != word and typo[0] == word[0]
            assert slip(typo, word) is not None, (kind, typo)  # the cleaner's own reading
    assert typos.NEIGHBOURS["g"] == "fhtyvb"
    body = "Volkswagen said so. Engineers at Volkswagen agree. The rest said nothing."
    assert typos.proper_nouns(body) == ["Volkswagen"]


class TestVerdicts:
    """A clean control judged against its text as a right cleaning leaves it."""

    @staticmethod
    def page(body: str, **truth: str) -> Page:
        fields = {"title": None, "authors": None, "date": None} | truth
        return Page("wcxb", "x1", "e.org", "https://e.org/a", Path("."), body, **fields)

    @staticmethod
    def cleaned(page: Page) -> tuple[str, list[verdicts.Edit]]:
        import cleanarticle

        article = cleanarticle.clean(page.body or "")
        edits = [verdicts.Edit(e.code, e.kind, e.reason, e.before, e.after) for e in article.edits]
        return article.body, edits

    def test_the_truths_own_date_line_and_title_may_move(self) -> None:
        head = "Council Backs Budget\n\nMay 20, 2025\n\n"
        page = self.page(head + ARTICLE, title="Council Backs Budget", date="2025-05-20")
        body, edits = self.cleaned(page)
        assert not score.check_control(page.body or "", body).ok  # strictly: a false edit
        assert verdicts.judge(page, body, edits).ok
        other_day = self.page(head + ARTICLE, title="Council Backs Budget", date="2025-05-21")
        assert not verdicts.judge(other_day, body, edits).ok

    def test_mojibake_and_entities_of_the_truth_may_be_mended(self) -> None:
        page = self.page("It\u00e2\u0080\u0099s done &amp; dusted, the mayor said on Monday.")
        body, edits = self.cleaned(page)
        assert body == "It's done & dusted, the mayor said on Monday.\n"
        assert verdicts.judge(page, body, edits).ok

    def test_lines_read_by_hand(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        page = self.page(f"{ARTICLE}\n\nRead more: Parks get a new budget\n\n{ARTICLE}")
        body, edits = self.cleaned(page)
        assert not verdicts.judge(page, body, edits).ok
        listed = tmp_path / "verdicts.json"
        listed.write_text('{"wcxb/x1": ["Read more: Parks get a new budget -- a teaser"]}')
        monkeypatch.setattr(verdicts, "VERDICTS", listed)
        assert verdicts.judge(page, body, edits).ok
