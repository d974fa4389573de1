"""The article's head: title, standfirst, byline and date move from the body to metadata."""

from __future__ import annotations

from collections import Counter

import regex

from cleanarticle import detect, head, urls
from cleanarticle.cleaners._util import remove_block, remove_blocks
from cleanarticle.model import Block, Document, Kind, Line
from cleanarticle.pipeline import Context, cleaner


@cleaner(
    "CA309",
    "headline",
    "Move a page dump's headline (found by evidence), byline, date and standfirst.",
)
def headline(doc: Document, ctx: Context) -> None:
    """A page dump puts the headline after the menus, often with the page title (the
    first line) that repeats it, and the byline, date and standfirst around it. The
    headline is looked for in the first 400 blocks (``head.HEAD_SCAN``; nothing after
    them is read as the head) and taken only with evidence (see ``head.find_anchor``): it
    repeats the page title, the URL spells it, it is the level-1 heading, or a byline or
    date stands beside it where the prose starts. Around it, bylines, date lines
    (``Jun 8, 2023 • 5 min read``), a line that is only a name, repeats of the headline
    and the standfirst go to the metadata; short lines of page furniture between them
    (``Share``), and a photo's caption and credit between the headline and the byline
    (two one-line paragraphs at most), are left to the chrome and caption cleaners. It
    runs before them, as they would take the head for chrome.

    Example::

        Best Movers in NYC | Supermove
        Pricing
        Best Movers in NYC              ->  title: Best Movers in NYC
        By Jane Doe                         authors: [Jane Doe]
        Jun 8, 2023 • 5 min read            date: 2023-06-08
        Moving is stressful for ...
    """
    anchor = head.find_anchor(doc)
    if anchor is None:
        return
    blocks = doc.blocks
    title = detect.squash(blocks[anchor.title].text)
    changes: dict[str, object] = {"title": title}
    taken = [(blocks[anchor.title], "move", f"headline -> title ({anchor.evidence})")]
    if anchor.evidence == head.PAGE_TITLE:
        taken.append(_page_title(doc, changes, title))
    under = (anchor.dek if anchor.dek is not None else anchor.title) + 1  # a bare name's place
    lower = head.lower_case_words(doc)
    done = {id(block) for block, _, _ in taken}  # the headline and the page title
    stop = min(len(blocks), max(anchor.end, under + 1, anchor.title + 1 + head.ITEM_REACH))
    for index in range(anchor.start, min(len(blocks), max(anchor.end, under + 1))):
        block = blocks[index]
        if id(block) in done or not block.lines:
            continue
        text = block.text
        if head.lone_by(block) and index + 1 < stop and "byline" not in changes:
            names = detect.parse_byline(head.by_and_name(block, blocks[index + 1]))
            if names is not None and not head.not_people(names, lower):
                changes.update(byline=names.text, authors=names.authors)
                taken.append((block, "move", "byline -> byline ('By' on its own line)"))
                taken.append((blocks[index + 1], "move", "byline -> byline"))
                done.add(id(blocks[index + 1]))
        elif index == anchor.dek:
            if not doc.metadata.description:
                changes["description"] = detect.squash(text)
                taken.append((block, "move", "standfirst -> description"))
        elif head.fold(text) == head.fold(title) and len(block.lines) == 1:
            taken.append((block, "remove", "repeats the title"))
        elif (
            head.is_dated_or_signed(block, lower)
            and (fact := _head_fact(text, lower, blocks[index - 1] if index else None)) is not None
            and _take_fact(doc, changes, fact)
        ):
            taken.append((block, "move", fact[0]))
            if index and date_label(blocks[index - 1]) and id(blocks[index - 1]) not in done:
                taken.append((blocks[index - 1], "move", "the date line's label"))
    if "byline" not in changes and not doc.metadata.byline:
        _bare_byline(blocks, range(under, stop), lower, changes, taken, done, lower.english)
    doc.set_meta(**changes)
    remove_blocks(doc, ctx, taken)


def _bare_byline(
    blocks: list[Block],
    where: range,
    lower: head.DocWords,
    changes: dict[str, object],
    taken: list[_Taken],
    done: set[int],
    english: bool,
) -> None:
    """The first line under the headline that is only a name (``Jane Doe``, on English
    pages: German capitalises every noun), or a date and a name, either way round and
    with a reading time beside (``Dec 17, 2025 Jane Doe``, ``28. Jan. 2022 Paula Balov``,
    ``Faith Katunga • Oct 20, 2025``, ``Jane Doe July 13, 2025 — 7 minutes read``), is
    the byline."""
    for index in where:
        block = blocks[index]
        if id(block) in done or not block.is_paragraph or len(block.lines) != 1:
            continue
        # on English pages the date may stand on either side; elsewhere only before a name
        # ("28. Jan. 2022 Paula Balov"): German capitalises every noun
        if english:
            day, text = head.name_and_date(block.text)
        else:
            day, text = detect.split_leading_date(block.text) or (None, "")
        if not (day or english):
            continue
        names = head.bare_name(text, lower)
        if not names:
            continue
        changes.update(byline=names[0], authors=names)
        if day and not changes.get("date"):
            changes["date"] = day
        taken.append((block, "move", "name under the headline -> byline"))
        return


def _page_title(doc: Document, changes: dict[str, object], title: str) -> _Taken:
    """The first line, the page title that the headline repeats: the part beside the
    headline names the site (``Headline | Site`` -> ``site_name: Site``)."""
    block = doc.blocks[0]
    parts = head.page_title_parts(detect.squash(block.text))
    if len(parts) < 2 or doc.metadata.site_name:
        return block, "remove", "the page title: repeats the title"
    folded = [head.fold(p) for p in parts]
    site = parts[0] if folded[-1] == head.fold(title) else parts[-1]
    changes["site_name"] = site
    return block, "move", "the page title: the title and site_name"


_Taken = tuple[Block, str, str]
_HeadFact = tuple[str, dict[str, object]]


def _head_fact(text: str, lower: head.DocWords, above: Block | None = None) -> _HeadFact | None:
    """What a byline or date line of the head says, as metadata, with the edit's reason
    (``lower``: the words the document writes in lower case; a byline of them is none;
    ``above``: the block above, whose "Updated on" label makes a date line the update's)."""
    found = detect.parse_byline(text)
    if found is not None and head.not_people(found, lower):
        found = None
    if found is not None:
        fields: dict[str, object] = {"byline": found.text, "authors": found.authors}
        if found.affiliation:
            fields["byline_affiliation"] = found.affiliation
        if found.date:
            fields["date"] = found.date
        if found.updated:
            fields["updated"] = found.updated
        return "byline -> byline", fields
    date = detect.parse_date_line(text)
    if date is None:
        return None
    if detect.is_updated(text):
        return "date line -> updated", {"updated": date}
    if date_label(above, updated=True):
        return "date line -> updated (an 'Updated' label above it)", {"updated": date}
    stamp = detect.parse_timestamp(text)
    return "date line -> date", {"date": date, "timestamp": stamp} if stamp else {"date": date}


def date_label(block: Block | None, updated: bool = False) -> bool:
    """A line that is only a date's label (``Published on``, ``Last updated:``); with
    ``updated``, an "Updated" one only."""
    if block is None or len(block.lines) != 1 or not block.is_paragraph:
        return False
    return head.is_date_label(block.text, updated)


def _take_fact(doc: Document, changes: dict[str, object], fact: _HeadFact) -> bool:
    """Add a head fact to ``changes`` unless the metadata has that field already."""
    fields = fact[1]
    key = "byline" if "byline" in fields else next(iter(fields))
    if changes.get(key) or getattr(doc.metadata, key):
        return False
    for name, value in fields.items():
        if value and not changes.get(name) and not getattr(doc.metadata, name):
            changes[name] = value
    return True


@cleaner(
    "CA307",
    "standfirst",
    "Move the standfirst (the line under the title) to description.",
    group="head",
)
def standfirst(doc: Document, ctx: Context) -> None:
    """A short paragraph between the title and the byline, date or photo is the standfirst.

    Example::

        City Approves New Tram Line
        The agreement is a first, officials said.
        By Jane Doe
        ->  description: The agreement is a first, officials said.
    """
    if doc.metadata.description:
        return
    index = head.analyse(doc).dek
    if index is not None:
        block = doc.blocks[index]
        doc.set_meta(description=detect.squash(block.text))
        remove_block(doc, ctx, block, "move", "standfirst -> description")


@cleaner(
    "CA301",
    "title",
    "Move the title (a leading '# ' heading or headline line) to title.",
    group="head",
)
def title(doc: Document, ctx: Context) -> None:
    """The title is the first block of the head (only bylines, dates or captions may stand
    above it) when it is a level-1 heading or a short line without sentence punctuation.
    A body line that repeats the known title is removed.

    Example::

        # Planetary Pact: Two Nations Plan a Station   ->   title: 'Planetary Pact: ...'
    """
    index = head.analyse(doc).title
    if index is None:
        return
    text = detect.squash(doc.blocks[index].text)
    if doc.metadata.title and doc.metadata.title != text:
        return
    taken = []
    if not doc.metadata.title:
        doc.set_meta(title=text)
        taken.append((doc.blocks[index], "move", "title -> title"))
        index += 1
    for block in doc.blocks[index:]:  # repeats of the title, among bylines, dates, captions
        if head.is_title(block) and detect.squash(block.text) == text:
            taken.append((block, "remove", "repeats the title"))
        elif not head.is_header_item(block):
            break
    remove_blocks(doc, ctx, taken)


@cleaner(
    "CA302",
    "byline",
    "Move the byline ('By ...', 'source: ...') to byline and authors.",
    group="head",
)
def byline(doc: Document, ctx: Context) -> None:
    """Bylines in the head: ``By Jane Doe``, ``By Jane Doe and John Roe, Reuters``,
    ``By [Jane Doe for AFP](#)``, ``source: Name``, ``Von ...``, ``Par ...``, ``Por ...``.
    ``authors`` lists the names (agencies and ``for X`` dropped). A date after ``|`` goes
    to ``date``.

    When no byline is written but an author-page URL is known (``/author/jane-doe-for-afp``),
    the byline is spelled from its slug, taking each word's case from the article when the
    word occurs there (``AFP``), else capitalising names and keeping small words lower-case.

    Example::

        By Jane Doe and John Roe, Reuters   ->   byline: Jane Doe and John Roe, Reuters
                                                  authors: [Jane Doe, John Roe]
    """
    lower: head.DocWords | None = None
    for block in head.head(doc):
        found = detect.parse_byline(block.text)
        if found is None:
            continue
        lower = head.lower_case_words(doc) if lower is None else lower
        if head.not_people(found, lower):
            continue  # "By Event Type": words the article writes in lower case, not names
        meta = doc.metadata
        same_people = bool(found.authors) and set(found.authors) == set(meta.authors)
        if meta.byline and meta.byline != found.text and not same_people:
            continue  # someone else's byline (a quoted source, a second story)
        changes: dict[str, object] = {"byline": found.text}  # as written in the text
        if found.authors and not meta.authors:
            changes["authors"] = found.authors
        if found.affiliation and not meta.byline_affiliation:
            changes["byline_affiliation"] = found.affiliation
        if found.date and not meta.date:
            changes["date"] = found.date
        if found.updated and not meta.updated:
            changes["updated"] = found.updated
        doc.set_meta(**changes)
        remove_block(doc, ctx, block, "move", "byline -> byline")
    if not doc.metadata.byline:
        _closing_byline(doc, ctx)
    if not doc.metadata.byline and doc.metadata.author_url:
        _byline_from_slug(doc, ctx)


#: How many blocks at the end of an article are read for a closing byline.
CLOSING_BLOCKS = 3


def _closing_byline(doc: Document, ctx: Context) -> None:
    """``Written by Jane Doe`` as one of the last lines of the article (blogs sign at the
    end): the byline, when the head has none. Only a line that says "by" counts, and not
    a credit row of a list (``head.credit_rows``: ``Published by ...`` under each game of a
    roundup credits its entry, and none of them signs the article)."""
    lower: head.DocWords | None = None
    credits: set[int] | None = None
    for block in doc.blocks[-CLOSING_BLOCKS:]:
        text = detect.squash(block.text) if block.is_paragraph and len(block.lines) == 1 else ""
        found = detect.parse_byline(text) if head.SAYS_BY.match(text) else None
        if found is None or not found.authors:
            continue
        credits = head.credit_rows(doc.blocks) if credits is None else credits
        if id(block) in credits:
            continue  # one of a list's credits
        lower = head.lower_case_words(doc) if lower is None else lower
        if head.not_people(found, lower):
            continue
        changes: dict[str, object] = {"byline": found.text, "authors": found.authors}
        if found.affiliation:
            changes["byline_affiliation"] = found.affiliation
        doc.set_meta(**changes)
        remove_block(doc, ctx, block, "move", "closing byline -> byline")
        return


def _is_body_text(text: str) -> bool:
    """Text that, standing first, would start the body (not read as a title or head item)."""
    probe = Block(Kind.PARAGRAPH, [Line(text, 0)])
    return not head.is_title(probe) and not head.is_header_item(probe)


_SMALL_WORDS = frozenset(
    [
        "for",
        "and",
        "of",
        "the",
        "with",
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
    ]
)


def _byline_from_slug(doc: Document, ctx: Context) -> None:
    slug = urls.author_slug(doc.metadata.author_url)
    if not slug:
        return
    parts = [p for p in regex.split(r"[-_.+]+", slug) if p]
    if len(parts) < 2 or not all(regex.fullmatch(r"\p{L}+", p) for p in parts):
        return
    spelled = _spellings(doc)
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        after_for = i > 0 and parts[i - 1].lower() == "for"
        if low in spelled:
            out.append(spelled[low])
        elif low in _SMALL_WORDS and 0 < i < len(parts) - 1:
            out.append(low)
        elif after_for and len(low) <= 4:
            out.append(low.upper())
        else:
            out.append(low.capitalize())
    text = " ".join(out)
    authors, affiliation = detect.split_byline(text)
    doc.set_meta(
        byline=text,
        authors=doc.metadata.authors or authors,
        byline_affiliation=doc.metadata.byline_affiliation or affiliation,
    )
    ctx.record(
        "note",
        "byline spelled from the author-page URL",
        before=slug,
        after=text,
        line=doc.origins.get(doc.metadata.author_url, 0),
    )


def _spellings(doc: Document) -> dict[str, str]:
    """Each word's most common spelling in the body, for words not written in lower case."""
    counts: Counter[str] = Counter()
    for block in doc.blocks:
        if block.kind in (Kind.PARAGRAPH, Kind.HEADING):
            counts.update(regex.findall(r"\p{L}+", block.text))
    best: dict[str, str] = {}
    for word, _ in counts.most_common():
        if word != word.lower():
            best.setdefault(word.lower(), word)
    return best


@cleaner(
    "CA303",
    "date",
    "Move date lines and 'date 2021-03-11 ...' prefixes to date.",
    group="head",
)
def date(doc: Document, ctx: Context) -> None:
    """The publication date, from a date line in the head (``March 09, 2021``,
    ``Published: 9 March 2021 10:30 GMT``, ``2021-03-09T10:00:00Z``, ``9. März 2021``), or
    from a labelled or ISO date glued to the start of the first paragraph
    (``date 2021-03-11 Russia and ...``). Written dates are read with ``dateparser``.
    Failing those, a ``/YYYY/MM/DD/`` date in the article's own ``url`` (never in the URL of
    another page).

    Example::

        date 2021-03-11 Rain fell on Tuesday.   ->   date: 2021-03-11
                                                      Rain fell on Tuesday.
    """
    for block in head.head(doc):
        found = detect.parse_date_line(block.text)
        if found is None:
            continue
        field = "updated" if detect.is_updated(block.text) else "date"
        if getattr(doc.metadata, field) in (None, found):
            stamp = detect.parse_timestamp(block.text) if field == "date" else None
            extra = {"timestamp": stamp} if stamp and not doc.metadata.timestamp else {}
            doc.set_meta(**{field: found}, **extra)
            remove_block(doc, ctx, block, "move", f"date line -> {field}")
    found_head = head.analyse(doc)
    # the first paragraph of text: the standfirst when one is still in the head (whether a
    # paragraph is one can change when a caption below it leaves), else the body's first
    body_start = found_head.dek if found_head.dek is not None else found_head.length
    if body_start < len(doc.blocks) and doc.blocks[body_start].is_paragraph:
        block = doc.blocks[body_start]
        split = detect.split_date_prefix(block.text)
        if split is not None and _is_body_text(split[2]) and doc.metadata.date in (None, split[0]):
            doc.set_meta(date=split[0])
            ctx.record(
                "move",
                "date prefix -> date",
                before=split[1].strip(),
                after=split[2][:40],
                line=block.number,
            )
            block.set_text(split[2])
    if doc.metadata.date is None and doc.metadata.url:
        found = urls.date_in_url(doc.metadata.url)
        if found is not None:
            doc.set_meta(date=found)
            ctx.record(
                "note",
                "date taken from the article's own URL",
                before=doc.metadata.url,
                line=doc.origins.get(doc.metadata.url, 0),
            )
