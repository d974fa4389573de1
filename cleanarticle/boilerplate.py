"""The curated set of site-chrome patterns: lines that are never part of an article.

Each pattern is matched, case-insensitively, against a whole line (its plain text, with
Markdown markup removed). A pattern describes a family of sites, not one site; add your
own through ``Config.extra_boilerplate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleanarticle.chars import collapse_spaces
from cleanarticle.errors import ConfigError
from cleanarticle.markdown import plain_text
from cleanarticle.memo import BoundedDict

#: Share, print and comment widget words; a line made only of these is a widget.
# fmt: off
WIDGET_WORDS = frozenset(
    {
        "share", "share this", "share this article", "share this story", "share article",
        "share story", "share on", "tweet", "email", "e-mail", "print", "copy link",
        "copy url", "comments", "comment", "save", "bookmark", "gift article", "facebook",
        "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
        "messenger", "flipboard", "threads", "bluesky", "mastodon",
    }
)
# fmt: on
#: Widget words that are also the names of the services: alone on a line they may be an
#: article's section heading (a guide to social media has one called "Pinterest"), so
#: such a line is a share button only beside other chrome (see ``alone_needs_company``).
SERVICE_NAMES = frozenset(
    "facebook twitter x linkedin whatsapp telegram reddit pinterest messenger flipboard"
    " threads bluesky mastodon".split()
)


def alone_needs_company(text: str) -> bool:
    """Whether ``text`` (a line of Markdown) is one service's name and nothing else, which
    is chrome only beside other chrome.

    >>> alone_needs_company("Pinterest"), alone_needs_company("Share | Tweet")
    (True, False)
    """
    return plain_text(text).strip(" \t|•·:").casefold() in SERVICE_NAMES


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    example: str
    #: Lower-case strings of which every match holds one. A pattern that must scan a line
    #: for its words (``.{0,100}cookie...``) is tried only on lines that hold one of them.
    needs: tuple[str, ...] = ()


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "unsupported-browser",
        r"(?:(?:internet explorer|ie)\s*\d*|your (?:web )?browser|this browser)\b[^.!]{0,60}"
        r"\b(?:is|are)\s+(?:not|no longer)\s+supported\b.{0,160}",
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
    ),
    Pattern(
        "unsupported-browser",
        r"(?:for (?:an optimal|the best|a better) experience"
        r"|please (?:update|upgrade) your browser)"
        r"[^.!]{0,100}(?:browser|update|upgrade)[^.!]{0,40}[.!]?",
        "For the best experience, please update your browser.",
    ),
    Pattern(
        "app-promo",
        r"(?:download|get|install|try)\s+(?:the|our)\s+[^.!?]{0,50}?\bapps?\b[^.!?]{0,80}[.!]?",
        "Download the Daily Planet app for breaking news and politics",
    ),
    Pattern(
        "newsletter",
        r"(?:sign up|subscribe|register|join)\b[^.!?]{0,80}\b(?:newsletters?|briefing|updates"
        r"|alerts|e-?mails?|inbox|digest)\b[^.!?]{0,80}[.!]?",
        "Sign up for our morning newsletter to get the news in your inbox.",
    ),
    Pattern(
        "newsletter",
        r"(?:subscribe|subscribe now|subscribe today|subscribe here|already a subscriber\??"
        r"|become a (?:member|subscriber)|support (?:our|independent) journalism)"
        r"\b[^.!?]{0,80}[.!]?",  # "Subscribers, followers, ..." is no prompt
        "Subscribe now",
    ),
    Pattern(
        "cookie-notice",
        r".{0,100}\b(?:we use cookies|this (?:web)?site uses cookies|uses? cookies to"
        r"|cookie (?:policy|settings|preferences)|accept (?:all )?cookies"
        r"|manage (?:your )?(?:consent|privacy) (?:settings|preferences))\b.{0,300}",
        "We use cookies to improve your experience. Accept all cookies",
        needs=("cookie", "consent", "privacy"),
    ),
    Pattern(
        "advertisement",
        r"(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:content|post)"
        r"|anzeige|werbung|publicité|publicidad|pubblicità|story continues below"
        r"(?: advertisement)?|article continues (?:below|after (?:this )?advertisement))[.:]?",
        "Advertisement",
    ),
    Pattern(
        "skip-link",
        r"skip to (?:main )?(?:content|navigation|article|main|search)",
        "Skip to content",
    ),
    Pattern(
        "read-more",
        r"(?:read more|continue reading|keep reading|read the full (?:story|article)"
        r"|click here to read more|read on|weiterlesen|lire la suite|leer más|mehr lesen)"
        r"\s*[.…>»›→]*",  # not ":": a label with a colon introduces a teaser (CA305)
        "Continue reading",
    ),
    Pattern(
        "copyright",
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\b.{0,150}"
        r"|.{0,120}\ball rights reserved\b.{0,40}",
        "© 2024 Example Media Group. All rights reserved.",
        needs=("©", "(c)", "copyright", "all rights reserved"),
    ),
    Pattern(
        "audio-widget",
        r"(?:listen to (?:this|the) (?:article|story)|play audio|\d+\s*min(?:ute)?s?\s+read"
        r"|audio (?:version )?available)(?:\s*[.:·|]\s*.{0,40})?",
        "Listen to this article · 4 min read",
    ),
    Pattern(
        "follow-us",
        r"follow us on [\p{L} ,&]{1,60}[.!]?",
        "Follow us on Facebook and Instagram",
    ),
)

_SEPARATORS = regex.compile(r"\s*[|·•/,]\s*|\s{2,}")
#: A whole lower-cased line of widget words between separators (what splitting the line at
#: ``_SEPARATORS`` into ``WIDGET_WORDS`` finds, in one anchored pass that stops at the first
#: word that is not one).
_WIDGET_LINE = regex.compile(
    r"(?:{sep})*(?:{word})(?:(?:{sep})+(?:{word}))*(?:{sep})*".format(
        sep=_SEPARATORS.pattern,
        word="|".join(regex.escape(w) for w in sorted(WIDGET_WORDS, key=len, reverse=True)),
    )
)


@lru_cache(maxsize=64)
def compile_patterns(extra: tuple[str, ...] = ()) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """The built-in patterns plus ``extra`` ones, compiled as whole-line matchers."""
    compiled = []
    for pattern in PATTERNS:
        compiled.append((pattern.name, regex.compile(pattern.regex, regex.IGNORECASE)))
    for source in extra:
        try:
            compiled.append(("custom", regex.compile(source, regex.IGNORECASE)))
        except regex.error as exc:
            raise ConfigError(f"bad boilerplate pattern {source!r}: {exc}") from exc
    return tuple(compiled)


def match(text: str, extra: tuple[str, ...] = ()) -> str | None:
    """The name of the boilerplate family this whole line belongs to, or ``None``.

    >>> match("Download the Daily Planet app for breaking news")
    'app-promo'
    >>> match("Share | Tweet | Email"), match("Share this:")
    ('share-widget', 'share-widget')
    >>> match("She said she would download the app tomorrow.") is None
    True

    A line is also tried with each run of spaces made one, as CA103 will write it, so that
    a line kept now is not removed when the output is cleaned again:

    >>> match("Sign  up for our\tnewsletter")
    'newsletter'
    """
    line = text.strip()
    if not line or len(line) > 400:
        return None
    found = _match(line, extra)
    if found is None:
        collapsed = collapse_spaces(line)
        if collapsed != line:
            found = _match(collapsed, extra)
    return found


#: ``line_family`` answers, by line and extra patterns.
_FAMILY_OF_LINE: BoundedDict[tuple[str, tuple[str, ...]], str | None] = BoundedDict(8192)


def line_family(text: str, extra: tuple[str, ...] = ()) -> str | None:
    """``match`` of a line of Markdown: of its plain text, inline markup removed. Remembered,
    since unwrapping and the boilerplate cleaner ask about the same lines.

    >>> line_family("**Advertisement**"), line_family("Rain fell.")
    ('advertisement', None)
    """
    key = (text, extra)
    found = _FAMILY_OF_LINE.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        found = _FAMILY_OF_LINE[key] = match(plain_text(text), extra)
    return found  # type: ignore[return-value]


_UNKNOWN = object()


@lru_cache(maxsize=64)
def _combined(extra: tuple[str, ...]) -> tuple[regex.Pattern[str] | None, tuple[int, ...]]:
    """The patterns without ``needs`` in one alternation (one call per line instead of one
    per family), and the indexes (into ``compile_patterns``) of its alternatives. ``None``
    when they cannot be combined (a user pattern with global flags): then every pattern is
    tried one by one."""
    compiled = compile_patterns(extra)  # validates the extra patterns one by one
    plain = tuple(i for i in range(len(compiled)) if not _needs(i))
    alternation = "|".join(f"(?P<_ca{i}>{compiled[i][1].pattern})" for i in plain)
    try:
        return regex.compile(alternation, regex.IGNORECASE), plain
    except regex.error:
        return None, plain


def _needs(index: int) -> tuple[str, ...]:
    return PATTERNS[index].needs if index < len(PATTERNS) else ()


#: The families with ``needs``, by their index in ``PATTERNS``.
_WITH_NEEDS = tuple((i, p.needs) for i, p in enumerate(PATTERNS) if p.needs)
#: Any of their words (one search of the line instead of one per word).
_ANY_NEED = re.compile("|".join(re.escape(n) for _, needs in _WITH_NEEDS for n in needs))
#: Longest line that can be a row of share buttons (``Share | Tweet | Email | ...``).
_WIDGET_MAX = 200


def _match(line: str, extra: tuple[str, ...]) -> str | None:
    """``match`` for one stripped short line. The first family in ``PATTERNS`` order wins."""
    compiled = compile_patterns(extra)
    pattern, plain = _combined(extra)
    lower = line.lower()
    first = len(compiled)
    if pattern is None:
        first = next((i for i, (_, one) in enumerate(compiled) if one.fullmatch(line)), first)
    else:
        found = pattern.fullmatch(line)
        if found is not None:
            first = next(i for i in plain if found.group(f"_ca{i}") is not None)
        if _ANY_NEED.search(lower) is not None:
            for i, needs in _WITH_NEEDS:
                if i >= first:
                    break
                if any(n in lower for n in needs) and compiled[i][1].fullmatch(line):
                    first = i
                    break
    if first < len(compiled):
        return compiled[first][0]
    if len(line) <= _WIDGET_MAX and _WIDGET_LINE.fullmatch(_share_label(lower)):
        return "share-widget"
    return None


def _share_label(lower: str) -> str:
    """A lower-cased line without the colon of a share row's label (``Share this:``, before
    its buttons); other labels keep theirs (``Email:`` may introduce an address)."""
    return lower[:-1].rstrip() if lower.startswith("share") and lower.endswith(":") else lower
