"""Dates in many languages, read by dateparser in the languages that know their words."""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest

from cleanarticle.detect.date import dateparser_languages, parse_date, parse_timestamp

MARCH_9 = dt.date(2021, 3, 9)

WRITTEN = [
    "le 9 mars 2021",
    "Dienstag, 9. März 2021",
    "martes, 9 de marzo de 2021",
    "martedì 9 marzo 2021",
    "9 de março de 2021",
    "dinsdag 9 maart 2021",
    "9 marca 2021",
    "9 марта 2021 г.",
    "9 березня 2021",
    "9. března 2021",
    "9 Mart 2021 Salı",  # Turkish: "Mart" is also the name of a time zone
    "9 maaliskuuta 2021",
    "9. marts 2021",
    "9 Μαρτίου 2021",
    "9 martie 2021",
    "9 març 2021",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_written_dates_in_many_languages(text: str) -> None:
    assert parse_date(text) == MARCH_9


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("9 March 2021 10:30 CET", "2021-03-09T10:30+01:00"),
        ("Mar. 9, 2021 10:30 p.m. ET", "2021-03-09T22:30-05:00"),
        ("mardi 9 mars 2021 à 10h30", "2021-03-09T10:30"),
        ("9. März 2021 um 10:30 Uhr", "2021-03-09T10:30"),
    ],
)
def test_timestamps_with_zones_and_other_languages(text: str, stamp: str) -> None:
    assert parse_timestamp(text) == stamp


@pytest.mark.parametrize(
    "text",
    [
        "9 mars 2021 kl. 10.30",
        "Mar. 9, 2021 10:30 p.m. ET",
        "9 Mart 2021",
        "Dienstag, 9. März 2021",
    ],
)
def test_the_languages_read_as_dateparser_reads_unaided(text: str) -> None:
    assert dateparser.parse(text, languages=dateparser_languages(text)) == dateparser.parse(text)


def test_a_text_no_language_reads_is_not_given_to_dateparser() -> None:
    assert dateparser_languages("9 März mayo 2021") == []
    assert parse_date("9 März mayo 2021") is None
