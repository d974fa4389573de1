"""Bylines: who wrote the article, as the line names them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from cleanarticle.detect.date import (
    DATE_LABEL,
    PART_SEPARATORS,
    is_trivia,
    is_updated,
    parse_date,
    split_trailing_date,
)
from cleanarticle.detect.text import short_cache, squash, words
from cleanarticle.lexicon import zipf

_CAPITAL_START = regex.compile(r"^[\p{Lu}\p{Lt}]")
_FOR_OUTLET = regex.compile(r"\s+(?:for|with|für|pour|para|per)\s+")

_BYLINE = regex.compile(
    r"^(?:(?:written|posted|published|authored|words|reporting|text|story|report"
    r"|photos?(?: and words)?)\s+by"
    r"|by|von|par|por|di|door|av|af|przez)\s*:?\s+(?P<rest>.+)$"
    r"|^(?:authors?|byline|source|autor(?:in|en)?|auteur|writer|reporter)\s*:\s*(?P<rest>.+)$",
    regex.IGNORECASE,
)
#: Words that may stand in lower case between the names of a byline.
CONNECTORS = frozenset(
    [
        "and",
        "&",
        "for",
        "of",
        "with",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "e",
        "et",
        "und",
        "en",
        "i",
        "och",
        "og",
    ]
)
_SEPARATORS = regex.compile(r"\s+[|·•]\s+")
_AUTHOR_SPLIT = regex.compile(r"\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\sy\s)\s*")
_INITIAL = regex.compile(r"^\p{Lu}\.(?:\p{Lu}\.)*$")


@dataclass(frozen=True)
class Byline:
    """A parsed byline: the text as written, the author names split out of it, what it says
    of their employer or role (``Reuters``, ``Staff Writer``) and a date it carries (an
    "Updated" one apart: ``By Jane Doe | Updated May 6, 2025``)."""

    text: str
    authors: tuple[str, ...]
    date: dt.date | None = None
    affiliation: str = ""
    updated: dt.date | None = None
    #: read from the shape ``Jane Doe in Paris`` alone, with no "By"
    correspondent: bool = False


#: Words that make a name an organisation's (``Staff``, ``News Desk``, ``Reuters Editors``).
ORGANISATION_WORDS = frozenset(
    """staff team editors editorial desk newsroom news media press agency agencies group
    inc ltd llc gmbh corp company co. network magazine journal times post daily weekly forum
    online official admin administrator webmaster user redaktion redacción rédaction redazione
    contributors contributor writers reporters bureau service services wire
    university institute foundation association society council department
    kg ag eg e.v pc pllc llp plc www com presse verein verband partei amt magazin noticias
    kitchens""".split()
)
#: ``Published August 7, 2023 by Nicole Burke``: a date line that names the author.
#: An e-mail address, a URL or a handle beside the names: how to reach them, not who.
_CONTACT = regex.compile(r"@|://|^www\.")
_BY_BY = regex.compile(r"\b(by)\s+by\b", regex.IGNORECASE)
#: A reading time or a count glued to the names by a space (``Jane Doe 6 Comments``,
#: ``Jane Doe —10 min read``), as a dump writes what the page set apart.
_TRIVIA_TAIL = regex.compile(r"\s+[—–-]?\s*(?P<trivia>\d[^\s]*\s*\p{L}+(?:\s+\p{L}+)?)$")
#: ``Jane Doe in Paris``, ``Jane Doe in Festivals & Events``: where the names write from,
#: or the section they write in, after the names.
_IN_PLACE = regex.compile(r"(?<=\S\s+\S+)\s+(?:in|im|en|dans)\s+\p{Lu}.*$")
_DATED_BYLINE = regex.compile(
    rf"^(?:{DATE_LABEL}\s*:?\s*)?(?P<date>.+?)\s+by\s*:?\s+(?P<rest>.+)$", regex.IGNORECASE
)


@short_cache
def parse_byline(text: str) -> Byline | None:
    """The byline in ``text``, if the whole line is one.

    >>> parse_byline("By Jane Doe and John Roe, Reuters").authors
    ('Jane Doe', 'John Roe')
    >>> found = parse_byline("By: Kathryn Giuffrida Mar 5, 2025 | 6 comments")
    >>> found.text, found.date
    ('Kathryn Giuffrida', datetime.date(2025, 3, 5))
    >>> parse_byline("By Jane Doe, Staff Writer").affiliation
    'Staff Writer'
    >>> parse_byline("Published August 7, 2023 by Nicole Burke").date
    datetime.date(2023, 8, 7)
    >>> parse_byline("By contrast, the rest of the world waited.") is None
    True
    """
    line = squash(text)  # with single spaces, as CA103 will write the line
    if len(line) > 200:
        return None
    line = _BY_BY.sub(r"\1", line)  # "Written by by Jane Doe": a template's slip
    line = line.removesuffix(".") if not line.endswith("..") else line
    dated = _DATED_BYLINE.match(line)
    if dated is not None:
        found = parse_date(dated["date"])
        if found is not None:
            inner = _byline_rest(dated["rest"])
            return (
                None
                if inner is None
                else Byline(inner.text, inner.authors, found, inner.affiliation)
            )
    match = _BYLINE.match(line)
    if match is None:
        return _correspondent(line)
    return _byline_rest(match.group("rest"))


def _byline_rest(rest: str) -> Byline | None:
    """What follows ``By``: names, with an affiliation, a date and page furniture beside.
    What follows the date is furniture too (``by Jane Doe | Mar 11, 2023 | Brakes, Repair |
    0 comments``: the post's categories), never names."""
    names: list[str] = []
    date = updated = None
    for part in PART_SEPARATORS.split(rest.strip()):
        if date is not None and names:
            break  # after "names | date": categories, comment counts
        tail = _TRIVIA_TAIL.search(part)
        if tail and is_trivia(tail["trivia"]):
            part = part[: tail.start()]
        if not names and "," not in part:  # "Jane Doe, Editor in Chief" keeps its role
            part = _IN_PLACE.sub("", part)  # the place or the section the names write in
        found = parse_date(part) if date is None else None
        if found is None and date is None and (split := split_trailing_date(part)):
            part, found = split
            if part:
                names.append(part)
        if found is not None and is_updated(part):
            updated, date = found, None  # "Updated May 6, 2025": the last change
            if names:
                break
        elif found is not None:
            date = found
        elif part and not is_trivia(part) and not _CONTACT.search(part):
            names.append(part)
    if not names or not _looks_like_names(names[0]):
        return None
    # what follows the names and does not read as names says who they work for
    extra = [n for n in names[1:] if not _looks_like_names(n)]
    names = [n for n in names if n not in extra]
    text = ", ".join(names).strip()
    if not _looks_like_names(text):
        return None
    authors, affiliation = split_byline(text)
    affiliation = ", ".join([a for a in (affiliation, *extra) if a])
    return Byline(", ".join([text, *extra]), authors, date, affiliation, updated)


_NAME = r"\p{Lu}[\p{L}'’-]+"
_CORRESPONDENT = regex.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s+and\s+{_NAME}(?:\s+{_NAME}){{1,3}})?)"
    rf"\s+in\s+{_NAME}(?:\s+{_NAME}){{0,2}}$"
)


def _correspondent(line: str) -> Byline | None:
    """``Jane Doe in Paris``: a correspondent's byline (no "By"), as British papers write it.

    >>> _correspondent("Kim Lee in Seoul").authors, _correspondent("Protests in Paris")
    (('Kim Lee',), None)
    """
    match = _CORRESPONDENT.match(line)
    if match is None:
        return None
    return Byline(line, split_authors(match.group("names")), correspondent=True)


def _looks_like_names(text: str) -> bool:
    tokens = words(text)
    if not 1 <= len(tokens) <= 16 or text.endswith((":", ";")):
        return False
    capitals = 0
    for token in tokens:
        bare = token.strip(",;()")
        if not bare:
            continue
        if bare.lower() in CONNECTORS:
            continue
        if not _CAPITAL_START.match(bare):
            return False
        if bare[-1] in ".!?" and not _INITIAL.match(bare) and len(bare) > 3:
            return False
        capitals += 1
    return capitals >= 1


def split_authors(text: str) -> tuple[str, ...]:
    """Person names in a byline: agencies and outlets (single words), ``for X`` and roles
    dropped.

    >>> split_authors("Jane Doe for AFP")
    ('Jane Doe',)
    >>> split_authors("Ana García y Luis Pérez")
    ('Ana García', 'Luis Pérez')
    """
    return split_byline(text)[0]


_LIST_JOIN = regex.compile(r"\s(?:and|und|et|y|e|en|i|och|og)\s|\s&\s", regex.IGNORECASE)


def split_byline(text: str) -> tuple[tuple[str, ...], str]:
    """The person names of a byline and what it says of their employer or role.

    A comma after the names starts an affiliation when what follows is one word (an agency),
    ``for X``, or words too common to be a name (``Staff Writer``, ``Senior Correspondent``,
    by their frequency in ``wordfreq``); names joined by ``and`` are all people.

    >>> split_byline("Jane Doe, Staff Writer")
    (('Jane Doe',), 'Staff Writer')
    >>> split_byline("Jane Doe and John Roe, Reuters")
    (('Jane Doe', 'John Roe'), 'Reuters')
    >>> split_byline("Jane Doe, John Roe and Ann Poe")
    (('Jane Doe', 'John Roe', 'Ann Poe'), '')
    >>> split_byline("Multimedia Redaktion"), split_byline("U.S. CUSTOMS AND BORDER PROTECTION")
    (((), 'Multimedia Redaktion'), ((), 'U.S. CUSTOMS AND BORDER PROTECTION'))
    """
    names: list[str] = []
    affiliations: list[str] = []
    segments = [s.strip(" ,;()") for s in regex.split(r"\s*[,;]\s*", text)]
    segments = [s for s in segments if s]
    listed = len(segments) > 1 and any(_LIST_JOIN.search(s) for s in segments[1:])
    for index, segment in enumerate(segments):
        if affiliations:
            affiliations.append(segment)
            continue
        people = [p.strip(" ,;()") for p in _AUTHOR_SPLIT.split(segment)]
        for person in people:
            person, *outlet = _FOR_OUTLET.split(person, maxsplit=1)
            person = person.strip(" ,;()")
            if len(person.split()) < 2:  # an agency or a site, not a person
                if person and index > 0:
                    affiliations.append(person)
            elif index > 0 and not listed and len(people) == 1 and _reads_as_role(person):
                affiliations.append(person)
            elif _organisation(person):
                affiliations.append(person)  # "Multimedia Redaktion": who, not a person
            elif person not in names:
                names.append(person)
            affiliations.extend(o.strip() for o in outlet if o.strip())
    return tuple(names), ", ".join(affiliations)


#: Words that join an organisation's name, never a person's (``Customs and Border
#: Protection``, ``Institute of Physics``).
JOINING_WORDS = frozenset("and of for the und für et pour".split())


def _organisation(name: str) -> bool:
    """Whether a name is an organisation's: it has a word of one (``Redaktion``, ``Staff``)
    or, inside it, a word that joins one's (``and``, ``of``)."""
    words = [w.lower().strip(".,") for w in name.split()]
    return any(w in ORGANISATION_WORDS for w in words) or any(
        w in JOINING_WORDS for w in words[1:-1]
    )


def _reads_as_role(text: str) -> bool:
    """Words too common to be a person's name (``Staff Writer``), by ``wordfreq``."""
    tokens = [t.strip(".").lower() for t in text.split() if t.lower() not in CONNECTORS]
    if not tokens:
        return True
    scores = [zipf(t) for t in tokens]
    return min(scores) >= 3.7 and sum(scores) / len(scores) >= 4.3
