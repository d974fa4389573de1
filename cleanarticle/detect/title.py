"""Headlines: a short line that reads as a title."""

from __future__ import annotations

import regex

from cleanarticle.detect.text import CLOSERS, SENTENCE_END, short_cache, words
from cleanarticle.markdown import plain_text

#: A sentence ending inside a line; not after ``vs.``, ``etc.`` and the like (``Group
#: Classes vs. Private Lessons`` is one headline).
_INTERNAL_SENTENCE = regex.compile(
    rf"(?:\p{{Ll}}|\p{{Lo}}{{2}})(?<!\b(?:vs|etc|ca|approx|feat|incl|cf))"
    rf"{SENTENCE_END}{CLOSERS}\s+\S|[。！？]{CLOSERS}\s*\S"
)
_URL_SCHEME = regex.compile(r"https?://")

_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lo}\p{N}\p{P}]{4,}")
_TITLE_START = regex.compile(r"^[\"'“‘«(\[]*[\p{Lu}\p{Lo}\p{N}]")


def has_inner_sentence(text: str) -> bool:
    """Whether a sentence ends inside the line (a headline holds one sentence at most).

    >>> has_inner_sentence("It rained. Then it stopped."), has_inner_sentence("Vote: Yes or No?")
    (True, False)
    """
    return bool(_INTERNAL_SENTENCE.search(text))


@short_cache
def word_count(text: str) -> int:
    """How many words ``text`` has; a run of Chinese, Japanese or Thai (written without
    spaces) counts as one word per two characters.

    >>> word_count("Rain in Spain"), word_count("東京で大雨が続く")
    (3, 4)
    """
    n = len(words(text))
    if n == 1 and _UNSPACED.fullmatch(text):
        n = len(text) // 2
    return n


def is_title_like(text: str) -> bool:
    """A short line that reads as a headline: no sentence inside, no closing full stop.

    >>> is_title_like("Planetary Pact: Two Nations to Build a Station")
    True
    >>> is_title_like("Group Music Classes vs. Private Instruction")
    True
    >>> is_title_like("It rained. Then it stopped.")
    False
    """
    text = plain_text(text).strip()
    if len(text) > 200 or "\n" in text:
        return False
    n = word_count(text)
    if not 2 <= n <= 30:
        return False
    core = text.rstrip("\"'”’»)]」』")
    if not _TITLE_START.match(text) or core.endswith((".", ",", ";", ":", "。", "，", "：")):
        return False
    return not _INTERNAL_SENTENCE.search(text) and not _URL_SCHEME.search(text)


#: A teaser for another article: ``Related article: <headline>``, ``Read more:``, ``Lire
#: aussi :`` ... (the headline, when on the same line, is the group ``title``).
TEASER = regex.compile(
    r"^(?:related(?:\s+(?:article|story|stories|content|reading|coverage|news|link))?"
    r"|read (?:more|also)|also read|see also|more on this(?: story)?|recommended(?: reading)?"
    r"|further reading|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|leer más|lee también"
    r"|leia também|leggi anche)\s*:(?:\s*(?P<title>\S.{0,250}))?$",
    regex.IGNORECASE,
)


def is_teaser(text: str) -> bool:
    """A line that announces another article.

    >>> is_teaser("Related article: Mars Rover Finds Water"), is_teaser("Mars: A Plan")
    (True, False)
    """
    return TEASER.match(plain_text(text).strip()) is not None
