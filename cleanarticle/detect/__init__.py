"""Pure functions that recognise the shapes of head lines, one field per module: titles,
bylines, dates, captions.

They look at one line of text and nothing else, so that the cleaners built on them give the
same answer however often they run (the fixed point).
"""

from cleanarticle.detect.byline import (
    CONNECTORS,
    Byline,
    parse_byline,
    split_authors,
    split_byline,
)
from cleanarticle.detect.caption import (
    COLONLESS_LABELS,
    CREDIT_LABELS,
    Caption,
    could_be_labelled,
    is_credit,
    parse_caption,
    strip_credit_label,
)
from cleanarticle.detect.date import (
    DATE_LABEL,
    PART_SEPARATORS,
    has_date_label,
    is_date_shaped,
    is_trivia,
    is_updated,
    parse_date,
    parse_date_line,
    parse_timestamp,
    split_date_prefix,
    split_leading_date,
    split_trailing_date,
    strip_reading_time,
)
from cleanarticle.detect.text import CLOSERS, SENTENCE_END, short_cache, squash, words
from cleanarticle.detect.title import (
    TEASER,
    has_inner_sentence,
    is_teaser,
    is_title_like,
    word_count,
)

__all__ = [
    "CLOSERS",
    "COLONLESS_LABELS",
    "CONNECTORS",
    "CREDIT_LABELS",
    "DATE_LABEL",
    "PART_SEPARATORS",
    "SENTENCE_END",
    "TEASER",
    "Byline",
    "Caption",
    "could_be_labelled",
    "has_date_label",
    "has_inner_sentence",
    "is_credit",
    "is_date_shaped",
    "is_teaser",
    "is_title_like",
    "is_trivia",
    "is_updated",
    "parse_byline",
    "parse_caption",
    "parse_date",
    "parse_date_line",
    "parse_timestamp",
    "short_cache",
    "split_authors",
    "split_byline",
    "split_date_prefix",
    "split_leading_date",
    "split_trailing_date",
    "squash",
    "strip_credit_label",
    "strip_reading_time",
    "word_count",
    "words",
]
