"""Removal of page chrome by a trained line classifier: what lies outside the article."""

from __future__ import annotations

from cleanarticle import boilerplate, detect, head
from cleanarticle.classify import decide, load_classifier, units
from cleanarticle.classify.features import Unit
from cleanarticle.cleaners._util import drop_empty
from cleanarticle.model import RAW_KINDS, Document, Kind, Line
from cleanarticle.parse import LIST_MARKER
from cleanarticle.pipeline import Context, Option, cleaner

#: Act only on a page dump: at least this many lines the model is sure are not article...
JUNK_LINES = 10
#: ... sure meaning a probability of being article below this.
JUNK_P = 0.05
#: ... and at least this many of them before the article and after it.
EACH_SIDE = 3
#: ... or at least this many on one side alone, one of them of a family in
#: :data:`PAGE_EDGE_FAMILIES` (0: never).
ONE_SIDE = 10
#: CA401's boilerplate families that stand at a page's edge, once, and never inside an
#: article (an advertisement slot, a share row or a newsletter box do): the evidence that
#: the lines around them are a page's header or footer.
PAGE_EDGE_FAMILIES = frozenset({"copyright", "cookie-notice", "skip-link", "unsupported-browser"})
#: The span's last lines of at most this many words that end no sentence, with chrome after
#: them, head that chrome ("Related Articles") and go with it.
HEADING_WORDS = 6
#: A line the model holds to be article at or above this is kept even outside the span.
KEEP_P = 0.7
#: Keep everything when the article span would hold less than this share of the words.
MIN_KEPT = 0.1


@cleaner(
    "CA402",
    "page-chrome",
    "Remove the page chrome around the article: menus, related lists, footers.",
    group="lines",  # judged again on what it leaves, until it removes nothing more
    options=(
        Option("model", "", "a line model JSON file (default: the shipped one)"),
        Option("threshold", -1.0, "span threshold θ (default: the model's own)"),
        Option("junk-lines", JUNK_LINES, "act only with at least this many sure-junk lines"),
        Option("junk-p", JUNK_P, "a line is sure junk below this probability"),
        Option("each-side", EACH_SIDE, "... with at least this many before and after the span"),
        Option("one-side", ONE_SIDE, "... or this many on one side with a page-edge line"),
        Option("heading-words", HEADING_WORDS, "the span's last short lines head the chrome"),
        Option("keep-p", KEEP_P, "never remove a line at or above this probability"),
        Option("min-kept", MIN_KEPT, "back off when the span keeps a smaller share of words"),
    ),
)
def page_chrome(doc: Document, ctx: Context) -> None:
    """Keep the article of a whole-page text dump and remove what surrounds it.

    A trained classifier (``cleanarticle.classify``: gradient-boosted trees over shallow
    text features of each line and its neighbours, after boilerpipe) gives each line a
    probability ``p`` of being article text. The document is decoded as a whole: the
    article is the one contiguous run of lines with the largest sum of ``√words · (p − θ)``,
    and the lines before and after it (navigation, related headlines, share rows, footers)
    are removed, each with its probability in the report. When unsure, the text stays: a
    line outside the run with ``p >= 0.7`` (``keep-p``) is kept, and so is a further run
    of lines whose votes add up to a tenth of the article's (the end of an article after a
    long table or list). The run's last lines of at most 6 words, without a digit, that
    end no sentence, right above the chrome after it (``Related Articles``, ``Read next``),
    head that chrome and go with it (option ``heading-words``).

    Gates, so that an article that is not a page dump is never touched: nothing happens
    unless the lines outside the run hold at least 10 with words that are sure junk
    (``p < 0.05``), at least 3 of them before it and 3 after it (a page has a header and a
    footer; an article that ends in a long list has not; options ``junk-lines``,
    ``junk-p`` and ``each-side``) or at least 10 on one side, one of them a copyright,
    cookie, skip-to-content or unsupported-browser line (the page's footer or header, when
    the scraper left the other out; option ``one-side``), nor when the run would keep
    under a tenth of the words (``min-kept``). On one side only, only that side loses
    lines, and only from its sure-junk line nearest the article outward.

    Example::

        Home
        World
        ...  (a menu of 12 lines)
        The council approved the budget on Monday after a long debate. ...
        ...
        About us
        Contact
        ...  (a footer of 12 lines)
        ->  (menu and footer removed; the article kept)
    """
    found = units(doc)
    least = int(ctx.option("junk-lines"))
    if len(found) <= least:
        return
    classifier = load_classifier(str(ctx.option("model")))
    probabilities = classifier.probabilities(found)
    threshold = float(ctx.option("threshold"))
    decision = decide(
        [unit.text for unit in found],
        probabilities,
        classifier.threshold if threshold < 0 else threshold,
        junk_lines=least,
        junk_p=float(ctx.option("junk-p")),
        each_side=int(ctx.option("each-side")),
        one_side=int(ctx.option("one-side")),
        heading_words=int(ctx.option("heading-words")),
        chrome=lambda i: boilerplate.match(found[i].text) in PAGE_EDGE_FAMILIES,
        min_kept=float(ctx.option("min-kept")),
        keep_p=float(ctx.option("keep-p")),
    )
    if decision.span is None:
        noted = any(e.code == ctx.cleaner.code and e.kind == "note" for e in doc.edits)
        if decision.guarded and not noted:  # once: the group must settle
            ctx.record("note", f"guard: {decision.reason}; nothing removed")
        return
    start, end = decision.span
    chosen = {id(found[i].line) for i in decision.remove}
    gone = {id(line) for line in removable(doc, chosen)}
    dated = _article_date(doc, found, decision.span, set(decision.remove), gone)
    signed = _article_byline(doc, found, decision.span, gone, dated)
    for i in decision.remove:
        unit, p = found[i], probabilities[i]
        if id(unit.line) not in gone:
            continue
        where = "before" if i < start else "after"
        run = start if i < start else len(found) - end
        why = f"page chrome (p={p:.2f}, {where} the article, in a run of {run} lines)"
        if i == dated:
            why = f"date line -> date: the article's, in its {why}"
        elif i == signed:
            why = f"byline -> byline: the article's, in its {why}"
        ctx.record(
            "move" if i in (dated, signed) else "remove",
            why,
            before=unit.line.text,
            line=unit.line.number,
        )
    for block in doc.blocks:
        block.lines = [line for line in block.lines if id(line) not in gone]
    drop_empty(doc)


#: How many lines beside the article a removed date line may stand and be the article's
#: (its head: headline, byline, reading time, share row, date; or its closing line).
DATE_REACH = 12


def _article_date(
    doc: Document, found: list[Unit], span: tuple[int, int], removed: set[int], gone: set[int]
) -> int | None:
    """Of the removed lines, the index of the article's date line, which lands in the
    metadata rather than the bin: the date line nearest above the article, or the first
    labelled one (``Published ...``, or a ``Published`` line above it) after it, within
    :data:`DATE_REACH` lines; never an "Updated" date. None when the metadata has a date."""
    if doc.metadata.date is not None:
        return None
    start, end = span
    above = range(start - 1, max(-1, start - 1 - DATE_REACH), -1)
    below = range(end, min(len(found), end + DATE_REACH))
    for labelled, indices in ((False, above), (True, below)):
        for i in indices:
            text = found[i].line.text
            if i not in removed or id(found[i].line) not in gone or len(text) > 160:
                continue
            day = detect.parse_date_line(text)
            if day is None:
                continue
            above_text = found[i - 1].line.text if i else ""
            read = f"{above_text} {text}" if len(above_text) <= 30 else text  # with its label
            if detect.is_updated(read) or detect.is_updated(text):
                continue
            if labelled and not (detect.has_date_label(text) or detect.has_date_label(read)):
                continue
            stamp = None if doc.metadata.timestamp else detect.parse_timestamp(text)
            doc.set_meta(date=day, **({"timestamp": stamp} if stamp else {}))
            return i
    return None


#: How many lines above the article its byline may stand (headline, standfirst, share
#: row, date, a short table of contents between them and the text).
BYLINE_REACH = 20


def _article_byline(
    doc: Document, found: list[Unit], span: tuple[int, int], gone: set[int], dated: int | None
) -> int | None:
    """Of the removed lines, the index of the article's byline, which lands in the
    metadata rather than the bin: the one line within :data:`BYLINE_REACH` lines above the
    article that says "By" and names people (``By Jane Doe``; with another such line
    within that reach above or below the article's start, they are a list's, other
    stories' bylines, and none is taken); else, on an English page, a line that is only a
    name right beside the article's date line (``dated``, see ``_article_date``). None
    when the metadata has a byline."""
    if doc.metadata.byline:
        return None
    start = span[0]
    signed = [
        (i, byline)
        for i in range(max(0, start - BYLINE_REACH), min(len(found), start + BYLINE_REACH))
        if head.SAYS_BY.match(found[i].line.text.lstrip("*_ "))
        and (byline := detect.parse_byline(found[i].line.text)) is not None
        and byline.authors
    ]
    if not signed:
        return _name_beside_date(doc, found, start, gone, dated)
    if len(signed) != 1 or signed[0][0] >= start or id(found[signed[0][0]].line) not in gone:
        return None
    i, byline = signed[0]
    if head.not_people(byline, head.lower_case_words(doc)):
        return None
    changes: dict[str, object] = {"byline": byline.text, "authors": byline.authors}
    if byline.affiliation:
        changes["byline_affiliation"] = byline.affiliation
    if byline.date and doc.metadata.date is None:
        changes["date"] = byline.date
    if byline.updated and doc.metadata.updated is None:
        changes["updated"] = byline.updated
    doc.set_meta(**changes)
    return i


def _name_beside_date(
    doc: Document, found: list[Unit], start: int, gone: set[int], dated: int | None
) -> int | None:
    """The removed line right above or below the article's date line that is only a name
    (``head.bare_name``, English pages only), when exactly one of them is. The date line
    is the one taken from the chrome (``dated``) or the article's first or second line."""
    if dated is None:
        firsts = (i for i in (start, start + 1) if i < len(found))
        dated = next((i for i in firsts if detect.parse_date_line(found[i].line.text)), None)
        if dated is None:
            return None
    lower = head.lower_case_words(doc)
    if not lower.english:
        return None
    named = [
        (i, names)
        for i in (dated - 1, dated + 1)
        if 0 <= i < len(found)
        and id(found[i].line) in gone
        and (names := head.bare_name(found[i].line.text, lower))
    ]
    if len(named) != 1:
        return None
    i, names = named[0]
    doc.set_meta(byline=names[0], authors=names)
    return i


def removable(doc: Document, chosen: set[int]) -> list[Line]:
    """The chosen lines (by ``id``) that can go without changing what the rest says: a
    paragraph or heading line; a whole list item (its marker line and its continuation
    lines, all chosen); a whole quote or table. Removing part of an item, or a table's
    header, would make the lines left read as other Markdown.

    >>> from cleanarticle.model import Block
    >>> doc = Document([Block(Kind.LIST, [Line("- a", 1), Line("  b", 2), Line("- c", 3)])])
    >>> lines = doc.blocks[0].lines
    >>> [x.text for x in removable(doc, {id(lines[0]), id(lines[2])})]
    ['- c']
    """
    out: list[Line] = []
    for block in doc.blocks:
        if block.kind not in RAW_KINDS:
            out.extend(line for line in block.lines if id(line) in chosen)
            continue
        atoms: list[list[Line]] = []
        for line in block.lines:
            starts_item = block.kind is Kind.LIST and LIST_MARKER.match(line.text) is not None
            if not atoms or starts_item:
                atoms.append([line])
            else:
                atoms[-1].append(line)
        for atom in atoms:
            if all(id(line) in chosen or not line.text.strip() for line in atom):
                out.extend(atom)
    return out
