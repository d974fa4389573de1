"""Head forms injected into real article bodies, scored per form (not a test).

``python -m bench.quality.heads [--data DIR] [--limit N]``

Each form writes a title, byline, date, dateline or URL the way some site does, above (or
glued to, or below) the body of a devdata article whose text is known. A form scores a
document when cleaning finds exactly the metadata the form wrote and leaves the body as
cleaning the body alone leaves it (so the head's own effect is measured, not the body
cleaners'). Forms that write no evidence of a head check that nothing moves.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.quality import data, score

#: People's names from several languages (made up), written as bylines write them.
NAMES = [
    ("Jane Doe", "John Roe"),
    ("Anna Schmidt", "Jonas Weber"),
    ("Marie Dubois", "Luc Martin"),
    ("Ana García", "Luis Pérez"),
    ("Kwame Mensah", "Priya Raman"),
    ("Sofia Rossi", "Marco Bianchi"),
]
DAY = dt.date(2021, 3, 19)
CHROME = "Skip to content\n\nHome › News › World\n\n"


@dataclass(frozen=True)
class Form:
    """A head form: how it is written, and the metadata cleaning should find."""

    name: str
    write: Callable[[str, tuple[str, str], str], str]  # (title, names, body) -> text
    title: bool = True
    authors: int = 0  # how many of the names are the authors (0: none)
    date: dt.date | None = None
    updated: dt.date | None = None
    url: bool = False
    #: the body keeps the text the form glued to it (a dateline)
    extra_body: Callable[[str, tuple[str, str], str], str] | None = None


def _form(name: str, head: str, **expect: object) -> Form:
    def write(title: str, names: tuple[str, str], body: str) -> str:
        from cleanarticle.urls import slugify

        return head.format(title=title, a=names[0], b=names[1], body=body, slug=slugify(title))

    return Form(name, write, **expect)  # type: ignore[arg-type]


FORMS: list[Form] = [
    _form("title + By", "{title}\n\nBy {a}\n\n{body}", authors=1),
    _form("title + BY CAPS", "{title}\n\nBY {a}\n\n{body}", authors=1),
    _form("title + By two", "{title}\n\nBy {a} and {b}\n\n{body}", authors=2),
    _form("title + by: label", "{title}\n\nWritten by: {a}\n\n{body}", authors=1),
    _form("title + affiliation", "{title}\n\nBy {a}, Staff Writer\n\n{body}", authors=1),
    _form("title + agency after bar", "{title}\n\nBy {a} | Reuters\n\n{body}", authors=1),
    _form("title + correspondent", "{title}\n\n{a} in Geneva\n\n{body}", authors=1),
    _form("title + Von und", "{title}\n\nVon {a} und {b}\n\n{body}", authors=2),
    _form("title + Par et", "{title}\n\nPar {a} et {b}\n\n{body}", authors=2),
    _form("# title + date", "# {title}\n\nMarch 19, 2021\n\n{body}", date=DAY),
    _form("title + written date", "{title}\n\n19 March 2021\n\n{body}", date=DAY),
    _form(
        "title + Published label",
        "{title}\n\nPublished: 19 March 2021 10:30 GMT\n\n{body}",
        date=DAY,
    ),
    _form("title + Posted on", "{title}\n\nPosted on March 19, 2021\n\n{body}", date=DAY),
    _form("title + date • read time", "{title}\n\nMar 19, 2021 • 5 min read\n\n{body}", date=DAY),
    _form("title + d/m/y", "{title}\n\n19/03/2021\n\n{body}", date=DAY),
    _form("title + ISO", "{title}\n\n2021-03-19T10:00:00Z\n\n{body}", date=DAY),
    _form("title + German date", "{title}\n\n19. März 2021\n\n{body}", date=DAY),
    _form("title + French label", "{title}\n\nPublié le 19 mars 2021\n\n{body}", date=DAY),
    _form(
        "title + Spanish label", "{title}\n\nPublicado el 19 de marzo de 2021\n\n{body}", date=DAY
    ),
    _form(
        "title + byline + date",
        "{title}\n\nBy {a}\n\nMarch 19, 2021\n\n{body}",
        authors=1,
        date=DAY,
    ),
    _form(
        "title + byline | date", "{title}\n\nBy {a} | March 19, 2021\n\n{body}", authors=1, date=DAY
    ),
    _form(
        "date above title + byline",
        "March 19, 2021\n\n{title}\n\nBy {a}\n\n{body}",
        authors=1,
        date=DAY,
    ),
    _form(
        "Published <date> by <name>",
        "{title}\n\nPublished March 19, 2021 by {a}\n\n{body}",
        authors=1,
        date=DAY,
    ),
    _form(
        "published and updated",
        "{title}\n\nPublished 19 March 2021\n\nUpdated: 20 March 2021\n\n{body}",
        date=DAY,
        updated=dt.date(2021, 3, 20),
    ),
    _form("title + ISO glued", "{title}\n\nBy {a}\n\n2021-03-19 {body}", authors=1, date=DAY),
    _form(
        "title + label glued",
        "{title}\n\nBy {a}\n\nPublished March 19, 2021 — {body}",
        authors=1,
        date=DAY,
    ),
    Form(
        "chrome above title",
        lambda title, names, body: f"{CHROME}{title}\n\nBy {names[0]}\n\nMarch 19, 2021\n\n{body}",
        authors=1,
        date=DAY,
        extra_body=lambda title, names, body: f"{CHROME}{body}",  # left to the chrome cleaners
    ),
    _form(
        "title + bare name + date",
        "Subscribe\n\n{title}\n\n{a}\n\nMarch 19, 2021\n\n{body}",
        authors=1,
        date=DAY,
    ),
    _form(
        "url at the bottom",
        "{title}\n\nBy {a}\n\n{body}\n\nhttps://news.example.com/2021/03/19/{slug}",
        authors=1,
        date=DAY,  # the article's own URL gives its date
        url=True,
    ),
    # no evidence of a head: nothing may move
    Form(
        "bare first line (no evidence)",
        lambda title, names, body: f"{title}\n\n{body}",
        title=False,
        extra_body=lambda title, names, body: f"{title}\n\n{body}",
    ),
    Form(
        "dateline glued (stays in the body)",
        lambda title, names, body: f"{title}\n\nBy {names[0]}\n\nGENEVA, Switzerland — {body}",
        authors=1,
        extra_body=lambda title, names, body: f"GENEVA, Switzerland — {body}",
    ),
]


@dataclass
class Tally:
    documents: int = 0
    right: int = 0
    misses: dict[str, int] = field(default_factory=dict)

    def add(self, problems: list[str]) -> None:
        self.documents += 1
        self.right += not problems
        for problem in problems:
            self.misses[problem] = self.misses.get(problem, 0) + 1


def _check(form: Form, page_title: str, names: tuple[str, str], body: str) -> list[str]:
    import cleanarticle
    from cleanarticle import urls

    slug = urls.slugify(page_title)
    text = form.write(page_title, names, body)
    article = cleanarticle.clean(text, format="text")
    expected_body = cleanarticle.clean(
        form.extra_body(page_title, names, body) if form.extra_body else body, format="text"
    ).body
    meta = article.metadata
    problems = []
    if form.title and score.fold_title(meta.title) != score.fold_title(page_title):
        problems.append("title")
    if not form.title and meta.title:
        problems.append("invented title")
    if score.author_set(list(meta.authors)) != score.author_set(list(names[: form.authors])):
        problems.append("authors")
    if meta.date != form.date:
        problems.append("date")
    if meta.updated != form.updated:
        problems.append("updated")
    if form.url and not meta.url.endswith(slug):
        problems.append("url")
    if article.body != expected_body:
        problems.append("body")
    return problems


def run(pages: list[data.Page]) -> dict[str, Tally]:
    tallies = {form.name: Tally() for form in FORMS}
    for number, page in enumerate(pages):
        if not page.body or not page.title:
            continue
        names = NAMES[number % len(NAMES)]
        body = page.body.strip()
        for form in FORMS:
            tallies[form.name].add(_check(form, page.title.strip(), names, body))
    return tallies


def render(tallies: dict[str, Tally]) -> str:
    lines = ["| form | right | documents | misses |", "| --- | ---: | ---: | --- |"]
    for name, tally in tallies.items():
        misses = ", ".join(f"{k} {v}" for k, v in sorted(tally.misses.items(), key=lambda x: -x[1]))
        share = tally.right / tally.documents if tally.documents else 0
        lines.append(f"| {name} | {share:.3f} | {tally.documents} | {misses} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.quality.heads", description=__doc__)
    parser.add_argument("--data", type=Path, default=data.DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=60, help="WCXB articles to write into")
    options = parser.parse_args(argv)
    pages = sorted(data.load(options.data, ("wcxb",)), key=data.stable_rank)[: options.limit]
    print(render(run(pages)), end="")


if __name__ == "__main__":
    main()
