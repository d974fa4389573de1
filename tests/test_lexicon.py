"""The English word list read straight from wordfreq's data gives wordfreq's own answers."""

from __future__ import annotations

import string

import wordfreq
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanarticle import lexicon


def test_every_hundredth_listed_word_has_wordfreqs_zipf() -> None:
    words = list(lexicon.english_zipf())[::100]
    assert len(words) > 3000
    assert [lexicon.zipf(w) for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.ascii_letters + "'’-éßİ.", min_size=1, max_size=12))
def test_any_word_has_wordfreqs_zipf(word: str) -> None:
    assert lexicon.zipf(word) == wordfreq.zipf_frequency(word, "en")


def test_capitalised_words_and_names() -> None:
    for word in ["The", "RUSSIA", "Roscosmos", "O'Brien", "naïve", "Zürich", "iPhone"]:
        assert lexicon.zipf(word) == wordfreq.zipf_frequency(word, "en"), word


def test_commonest_words_are_wordfreqs_top_list() -> None:
    assert lexicon.commonest_words(50_000) == wordfreq.top_n_list("en", 50_000)
