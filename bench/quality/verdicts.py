"""Which edits of a clean control are right: defects of the article text itself, and lines
that the page's own metadata, or a reading by hand, says are not the article's body.

A clean control is an article's own text (the truth of a devdata page). That text is not
always clean: it can hold typos, mojibake and HTML entities, and the annotators kept some
lines that are metadata or chrome (the headline, the date line, "Read more: ..." teasers,
photo credits). Cleaning that mends or takes out such a line makes no false edit. So a
control is judged twice:

- **strict**: the output must have the words of the text as it is (``score.check_control``)
  and nothing may move to the metadata;
- **judged**: the same, against the text as a right cleaning leaves it (the *reference*):
  mojibake repaired (ftfy's encoding repair, asked only of lines ftfy's badness measure
  flags), HTML entities decoded, the misspellings listed in ``source-typos.json``
  mended as the output mends them, and without the lines the output moved or removed
  that are the page's metadata by its truth (the title; a date line of the truth's date; a
  byline of the truth's authors; a line that is a bare URL, which lands in ``links``) or
  that ``control-verdicts.json`` lists, each read in its page by hand with the reason. A
  move of any other line is a false edit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ftfy
import ftfy.badness

from bench.quality import score
from bench.quality.data import Page
from bench.quality.typos import SOURCE_TYPOS, TYPO_CODES
from cleanarticle.cleaners.remnants import decode_entities

VERDICTS = Path(__file__).with_name("control-verdicts.json")


@cache
def _load(path: Path) -> dict[str, list[str]]:
    found = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {key: value for key, value in found.items() if not key.startswith("_")}


def source_typos(key: str) -> list[str]:
    """The misspellings of a page's article text, listed by hand."""
    return _load(SOURCE_TYPOS).get(key, [])


def judged_lines(key: str) -> set[str]:
    """The lines of a page's article text that a reading by hand found to be chrome or
    metadata (folded, see ``_fold``)."""
    return {_fold(entry.split(" -- ", 1)[0]) for entry in _load(VERDICTS).get(key, [])}


def _fold(line: str) -> str:
    return " ".join(score.tokens(score.fold_title(line)))


@dataclass(frozen=True)
class Edit:
    """What the verdicts read of one edit: its code, kind, reason and the text it took."""

    code: str
    kind: str
    reason: str
    before: str
    after: str


def _repaired(line: str) -> str:
    if any(ord(c) > 127 for c in line) and ftfy.badness.is_bad(line):
        line = ftfy.fix_encoding(line)
    return decode_entities(line) if "&" in line else line


def _truth_metadata(page: Page, edit: Edit) -> bool:
    """Whether a line moved (or removed as a repeat of the title) is the page's title, its
    date line or its byline by the truth."""
    from cleanarticle import detect

    text = edit.before.strip()
    if page.title and score.fold_title(text) == score.fold_title(page.title):
        return True
    if edit.reason.startswith("URL line") and edit.after and text.strip("<>") == edit.after:
        return True  # a bare URL on a line of its own: it is in ``links`` (or ``url``)
    if page.date and edit.reason.startswith("date line"):
        day = detect.parse_date_line(text) or detect.parse_date(text)
        return day is not None and day.isoformat() == page.date[:10]
    if page.authors and edit.reason.startswith("byline"):
        found = detect.parse_byline(text)
        names = score.author_set(list(found.authors)) if found else frozenset()
        return bool(names) and names == score.author_set(page.authors)
    return False


def reference(page: Page, edits: Sequence[Edit]) -> tuple[str, list[Edit]]:
    """The page's article text as a right cleaning leaves it, and the moves to the metadata
    that nothing accounts for (each a false edit)."""
    assert page.body is not None
    judged = judged_lines(page.key)
    dropped: set[str] = set()
    unaccounted: list[Edit] = []
    for edit in edits:
        if edit.kind not in ("move", "remove"):
            continue
        folded = _fold(edit.before)
        if folded in judged or _truth_metadata(page, edit):
            dropped.add(folded)
        elif edit.kind == "move":
            unaccounted.append(edit)
    mended = {
        edit.before: edit.after
        for edit in edits
        if edit.code in TYPO_CODES and edit.before in source_typos(page.key)
    }
    lines = []
    for line in page.body.split("\n"):
        if line.strip() and _fold(line) in dropped:
            continue
        line = _repaired(line)
        for wrong, right in mended.items():
            line = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", right, line)
        lines.append(line)
    return "\n".join(lines), unaccounted


def judge(page: Page, output: str, edits: Sequence[Edit]) -> score.ControlResult:
    """The judged verdict on one control: its output against the reference, no move left
    unaccounted for."""
    text, unaccounted = reference(page, edits)
    check = score.check_control(text, output)
    if not check.ok:
        return check
    if unaccounted:
        return score.ControlResult(False, f"moved to the metadata: {unaccounted[0].before[:60]!r}")
    return check
