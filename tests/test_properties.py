"""Properties that hold for every input (Hypothesis).

The default profile is fast (CI); run the thorough one with
``HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py`` (10,000 examples each).
Every failure Hypothesis finds becomes a plain test in ``tests/test_regressions.py``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

import ftfy.chardata
import regex
from ftfy import fix_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanarticle import Article, Config, InputError, clean
from cleanarticle.api import check_stable
from cleanarticle.html import extract, looks_like_html
from cleanarticle.validate import problems
from tests.strategies import article_text, clean_article

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "medium", max_examples=2_000, deadline=None, suppress_health_check=list(HealthCheck)
)
# CI's thorough run (.ci/run): the thorough profile with a fixed seed, so that a CI run
# fails only for a change of the code, never for the luck of the draw
settings.register_profile("thorough-ci", settings.get_profile("thorough"), derandomize=True)
settings.register_profile("medium-ci", settings.get_profile("medium"), derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TEXTS = st.one_of(st.text(), article_text())


@given(TEXTS)
def test_never_raises_on_text(text: str) -> None:
    clean(text)


@given(st.binary())
def test_bytes_give_a_result_or_the_documented_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        clean(data)


@given(TEXTS)
def test_output_obeys_the_format(text: str) -> None:
    assert problems(clean(text).markdown) == []


@given(TEXTS)
def test_fixed_point_with_metadata(text: str) -> None:
    first = clean(text)
    second = clean(first.markdown)
    assert second.markdown == first.markdown
    assert second.metadata == first.metadata == Article.from_markdown(first.markdown).metadata


_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


@given(article_text())
def test_nothing_disappears_silently(text: str) -> None:
    article = clean(text)
    if looks_like_html(text):  # a page's words are those of its extracted text
        text = extract(text).markdown
    accounted = _words(article.body) | _words(article.markdown)
    for edit in article.edits:  # edits quote the input as it was, mojibake and all
        for said in (edit.before, edit.after, edit.reason):
            accounted |= _words(said) | _words(fix_text(said))

    missing = _words(fix_text(text)) - accounted
    assert not missing, missing


@given(clean_article())
def test_clean_text_has_no_body_edit(text: str) -> None:
    article = clean(text)
    assert article.body == text
    assert [e for e in article.edits if e.kind != "note"] == []


@settings(max_examples=5)
@given(article_text())
def test_same_output_in_a_new_process_with_another_hash_seed(text: str) -> None:
    code = (
        "import sys, cleanarticle\n"
        "sys.stdout.write(cleanarticle.clean(sys.stdin.buffer.read()).markdown)"
    )
    outputs = set()
    for seed in ("1", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", code],
            input=text.encode(),
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        outputs.add(result.stdout)
    assert outputs == {clean(text.encode()).markdown.encode()}


@given(article_text())
def test_junk_rules_back_off_when_they_would_take_too_much(text: str) -> None:
    """Property 6: the junk rules never take more than the guard allows (over 25% of the
    prose words and over 50 words); when they would, they remove nothing and say so. A
    pattern that matches every line is the worst case."""
    from cleanarticle.cleaners.junk import GUARD_MIN_WORDS, GUARD_SHARE
    from cleanarticle.model import Kind
    from cleanarticle.parse import normalize_newlines, parse

    config = Config.make(select=["CA401"], extra_boilerplate=(".+",))
    edits = [e for e in clean(text, config=config).edits if e.code == "CA401"]
    blocks = parse(normalize_newlines(text)).blocks
    prose = [b for b in blocks if b.kind in (Kind.PARAGRAPH, Kind.HEADING)]
    words = sum(len(line.text.split()) for b in prose for line in b.lines)
    removed = sum(len(e.before.split()) for e in edits if e.kind == "remove")
    assert removed <= max(GUARD_MIN_WORDS, GUARD_SHARE * words)
    if any(e.kind == "note" for e in edits):
        assert removed == 0 and "guard" in edits[0].reason


MOJIBAKE_POOLS = [
    "abc def",
    "éèàçœß",
    "“”‘’–—…€™",
    "привет",
    "日本語",
    "ﬁﬂ",
    "ＡＢ",
    "\u0301",
    "\u00a0",
]


@st.composite
def maybe_mojibake(draw: st.DrawFn) -> str:
    """Text in several scripts, often turned into mojibake through a wrong encoding."""
    pools = st.sampled_from(MOJIBAKE_POOLS)
    text = "".join(draw(st.lists(pools.flatmap(st.sampled_from), min_size=1, max_size=40)))
    encoding = draw(st.sampled_from([None, "cp1252", "latin-1", "cp1251", "mac_roman"]))
    if encoding:
        text = text.encode("utf-8").decode(encoding, errors="ignore")
    return text


@given(st.one_of(st.text(), maybe_mojibake()))
def test_lines_skipped_by_the_ftfy_gate_are_lines_ftfy_would_not_change(text: str) -> None:
    from cleanarticle.cleaners.unicode import _FTFY, needs_ftfy

    line = text.replace("\n", " ").replace("\r", " ")
    if not needs_ftfy(line):
        assert fix_text(line, _FTFY) == line


@given(
    st.text(alphabet="abc .,", max_size=80),
    st.one_of(st.text(), maybe_mojibake()),
    st.text(alphabet="xyz ,", max_size=80),
)
def test_windowed_badness_never_misses_what_ftfy_calls_bad(
    before: str, middle: str, after: str
) -> None:
    from ftfy.badness import is_bad

    from cleanarticle.cleaners.unicode import looks_bad

    text = before + middle + after
    if is_bad(text):
        assert looks_bad(text)


def _families_one_by_one(line: str) -> str | None:
    from cleanarticle.boilerplate import compile_patterns

    return next((name for name, p in compile_patterns() if p.fullmatch(line)), None)


JUNK_WORDS = st.sampled_from(
    [
        *["we use cookies", "©", "(c) 2024", "All rights reserved", "privacy", "consent"],
        *["Advert", "Subscribe now", "Read more", "cookie policy", "the", "news", "Copyright"],
        *["2024", "."],
    ]
)


@given(st.one_of(st.text(max_size=80), st.lists(JUNK_WORDS, max_size=8).map(" ".join)))
def test_combined_boilerplate_matching_equals_trying_each_family(line: str) -> None:
    from cleanarticle import boilerplate

    line = line.strip()
    if line and len(line) <= 400 and boilerplate.match(line) != "share-widget":
        assert boilerplate.match(line) == _families_one_by_one(line)


WORDY = st.text(
    alphabet=st.one_of(
        st.sampled_from("abcXYZ éüßçœ ,.;:'’-()«»\u0301\u200b\t\n2_/"), st.characters()
    ),
    max_size=120,
)


@given(st.one_of(st.text(), WORDY, maybe_mojibake()))
def test_fast_word_count_equals_the_pattern(text: str) -> None:
    from collections import Counter

    from cleanarticle.lexicon import LATIN_WORD, count_words

    assert count_words(text) == Counter(LATIN_WORD.findall(text))


FUNCTION_WORDY = st.lists(
    st.sampled_from(["the", "The", "THE", "tHe", "of", "Of", "\u212aey", "said", "rain", "x"])
    | st.text(st.sampled_from("theaoKk\u212a\u0130"), max_size=4),
    max_size=30,
)


@given(FUNCTION_WORDY)
def test_english_from_counts_is_the_share_of_function_words(words: list[str]) -> None:
    from collections import Counter

    from cleanarticle.lexicon import ENGLISH_FUNCTION_WORDS, counts_are_english

    counts = Counter(words)
    hits = sum(n for word, n in counts.items() if word.lower() in ENGLISH_FUNCTION_WORDS)
    total = sum(counts.values())
    assert counts_are_english(counts) == (hits >= 2 and hits / total >= 0.12)


def test_function_word_forms_are_every_string_that_lowers_to_one() -> None:
    import sys

    from cleanarticle.lexicon import _FUNCTION_WORD_FORMS, ENGLISH_FUNCTION_WORDS

    assert {form.lower() for form in _FUNCTION_WORD_FORMS} == ENGLISH_FUNCTION_WORDS
    lowers_to_ascii_letter = {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if not char.isascii() and len(low := char.lower()) == 1 and low.isascii() and low.isalpha()
    }
    assert lowers_to_ascii_letter == {"\u212a"}  # Kelvin sign -> k
    assert not any("k" in word for word in ENGLISH_FUNCTION_WORDS)


FTFY_TABLE_CHARS = st.sampled_from(
    sorted(
        {chr(c) for c in ftfy.chardata.WIDTH_MAP}
        | {chr(c) for c in ftfy.chardata.LIGATURES}
        | {chr(c) for c in ftfy.chardata.CONTROL_CHARS}
    )
)


@given(
    st.lists(st.one_of(maybe_mojibake(), FTFY_TABLE_CHARS, st.text(max_size=5)), max_size=6).map(
        "".join
    )
)
def test_gate_and_encoding_only_passes_give_what_all_fixes_give(text: str) -> None:
    from cleanarticle.cleaners.unicode import _FTFY, needs_ftfy, repair

    line = text.replace("\n", " ").replace("\r", " ")
    if not needs_ftfy(line):
        assert fix_text(line, _FTFY) == line
    fast, full = repair(line), repair(line, all_fixes=True)
    assert (fast and fast[0]) == (full and full[0])


WIDGET_PARTS = st.sampled_from(
    ["Share", "share this", "Tweet", "E-mail", "copy link", "X", "x", "print", "news", "Copy"]
)
WIDGET_SEPARATORS = st.sampled_from([" | ", "|", " · ", "•", " / ", ", ", "  ", " ", "\t\t", ""])


@given(
    st.one_of(
        st.text(max_size=60),
        st.text(alphabet="ſKİsharetwx |·", max_size=20),
        st.lists(st.tuples(WIDGET_SEPARATORS, WIDGET_PARTS), max_size=6).map(
            lambda pairs: "".join(sep + part for sep, part in pairs)
        ),
    )
)
def test_widget_line_pattern_equals_splitting_into_widget_words(line: str) -> None:
    from cleanarticle import boilerplate

    line = line.strip()
    parts = [p.lower() for p in boilerplate._SEPARATORS.split(line) if p]
    by_splitting = bool(parts) and all(p in boilerplate.WIDGET_WORDS for p in parts)
    assert (boilerplate._WIDGET_LINE.fullmatch(line.lower()) is not None) == by_splitting


@given(
    st.one_of(
        st.text(),
        st.text(alphabet="ab .,:1923()\n  #-*>`[]"),
        st.text(alphabet="# a\n\u00a0\x0c\x0b#\\"),
        st.lists(
            st.sampled_from(["# T", "## A ##", "# C#", "#x", "text", "", " ", "\u00a0", "   # H #"])
        ).map("\n".join),
        article_text(),
    )
)
def test_text_without_markdown_blocks_parses_as_markdown_it_reads_it(text: str) -> None:
    from cleanarticle.parse import _markdown_blocks, _may_hold_markdown_blocks, _plain_blocks

    body = text.replace("\r", "\n")
    source = body.split("\n")
    if not _may_hold_markdown_blocks(source, body):
        assert _plain_blocks(source, 1) == _markdown_blocks(source, body, 1)


@given(st.one_of(st.text(), st.text(alphabet="ab1 *_[]<>`\\&~!٣\t")))
def test_ascii_character_sets_find_what_their_patterns_find(text: str) -> None:
    import re

    from cleanarticle.chars import AsciiCharacters

    markup = AsciiCharacters("*_[]<>`\\&~!")
    digits = AsciiCharacters("0123456789", r"\d")
    assert markup.found_in(text) == (re.search(r"[*_\[\]<>`\\&~!]", text) is not None)
    assert digits.found_in(text) == (re.search(r"\d", text) is not None)


@given(
    st.one_of(
        st.text(),
        st.text(alphabet="PHOTOimagecreditBLDQUELéÉ*_[ \t:\u00a0İſ"),
        st.sampled_from(["Photo by Jane Doe", "**Credit** AFP", "[Image] x", "  crédit X"]),
    )
)
def test_the_caption_shortcut_never_skips_a_line_that_could_be_labelled(line: str) -> None:
    """CA306 skips the lines below the head when no paragraph could be a labelled caption;
    its document test must say yes whenever the line test does."""
    from cleanarticle.cleaners.images import _could_hold_labels
    from cleanarticle.detect import could_be_labelled
    from cleanarticle.model import Block, Document, Kind, Line

    line = line.replace("\n", " ").replace("\r", " ")
    doc = Document(
        [Block(Kind.PARAGRAPH, [Line("Rain fell.", 1)]), Block(Kind.PARAGRAPH, [Line(line, 2)])]
    )
    if could_be_labelled(line.strip()):
        assert _could_hold_labels(doc)


CALLER_URLS = st.sampled_from(
    [None, "https://example.org/2021/03/11/council-backs-bridge-plan", "https://example.org/news/a"]
)


@given(TEXTS, CALLER_URLS)
def test_the_run_time_stability_check_passes(text: str, url: str | None) -> None:
    """What --write, --check and batch check on every file (black's assert_stable)."""
    check_stable(clean(text, url=url))
    check_stable(clean(text, url=url, format="text"))
