"""Which lines of a document are the article: a trained line classifier and span decoding.

``LineClassifier`` is the interface (a probability of being article text for each judged
line); ``TreeLineClassifier`` is the shipped one, gradient-boosted trees over shallow text
features (``features``), trained by ``bench/train_lines.py`` on the development pages and
stored as ``model.json``. ``best_span`` decodes a document rather than lines: the one
contiguous run of lines that is the article.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Protocol

from cleanarticle.classify.features import NAMES, TERMINAL, Unit, features, units
from cleanarticle.classify.trees import TreeModel
from cleanarticle.errors import ConfigError


class LineClassifier(Protocol):
    """Anything that says, for each judged line of a document, how likely it is article."""

    #: The span threshold the classifier was tuned with (see ``best_span``).
    threshold: float

    def probabilities(self, found: Sequence[Unit]) -> list[float]: ...


class TreeLineClassifier:
    """The shipped classifier: a tree ensemble over ``features.NAMES``."""

    def __init__(self, model: TreeModel) -> None:
        if model.names != NAMES:
            raise ConfigError(
                "line model was trained on other features than this version computes; "
                "retrain it with bench/train_lines.py"
            )
        self.model = model
        self.threshold = float(model.info.get("threshold", 0.5))

    def probabilities(self, found: Sequence[Unit]) -> list[float]:
        return self.model.probabilities(features(found)) if found else []


MODEL_FILE = "model.json"


@cache
def load_classifier(path: str = "") -> TreeLineClassifier:
    """The classifier in ``path`` (a model JSON file), or the shipped one for ``""``.

    Loaded once per path and process: the model is data of the package, like wordfreq's
    word lists.
    """
    try:
        if path:
            model = TreeModel.load(Path(path))
        else:
            model = TreeModel.load(Path(str(files(__package__).joinpath(MODEL_FILE))))
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot load line model {path or MODEL_FILE!r}: {exc}") from None
    return TreeLineClassifier(model)


def votes(words: Sequence[int], probabilities: Sequence[float], threshold: float) -> list[float]:
    """Each line's vote for the span, from its word count: √words · (p − θ)."""
    return [math.sqrt(w) * (p - threshold) for w, p in zip(words, probabilities, strict=True)]


def best_span(votes: Sequence[float]) -> tuple[int, int] | None:
    """The contiguous run ``[start, end)`` with the largest sum of votes (Kadane), or
    ``None`` when every vote is negative.

    >>> best_span([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0])
    (1, 4)
    >>> best_span([-1.0, -2.0]) is None
    True
    """
    best, best_span_ = 0.0, None
    total, start = 0.0, 0
    for i, vote in enumerate(votes):
        if total <= 0.0:
            total, start = vote, i
        else:
            total += vote
        if total > best:
            best, best_span_ = total, (start, i + 1)
    return best_span_


@dataclass(frozen=True)
class Decision:
    """What span decoding made of a document: the article's lines ``[start, end)``, or
    ``None`` with the reason the document is kept whole."""

    span: tuple[int, int] | None
    reason: str = ""
    #: a page dump all the same, whose span the guard refused (too few words): worth a note
    guarded: bool = False
    #: the lines to remove: those outside the span, but for any the model is sure are
    #: article text (``p >= keep_p``): when unsure, keep the text
    remove: tuple[int, ...] = ()


def decide(
    texts: Sequence[str],
    probabilities: Sequence[float],
    threshold: float,
    *,
    junk_lines: int = 10,
    junk_p: float = 0.05,
    each_side: int = 3,
    one_side: int = 0,
    chrome: Callable[[int], bool] | None = None,
    heading_words: int = 0,
    min_kept: float = 0.1,
    keep_p: float = 0.7,
    also_keep: float = 0.1,
) -> Decision:
    """The article span of a document, with the gates that keep a clean article whole.

    The span is ``best_span`` of the votes. It is used only when the lines outside it
    hold at least ``junk_lines`` lines with words that the model is sure are not article
    (``p < junk_p``), at least ``each_side`` of them before it and after it (a page has a
    header and a footer; an article that ends in a long list of names has neither), or at
    least ``one_side`` (when set) on one side, one of which ``chrome`` (when given)
    recognises (a page whose header the scraper left out, with a footer that a copyright or
    cookie line shows to be one); then only that side loses lines, from its sure-junk line
    nearest the span outward (what lies between ends the article as much as it starts the
    chrome). And only when it keeps at least ``min_kept`` of the words. Outside
    the span, a further run of lines whose votes add up to at least ``also_keep`` of the
    span's (the end of an article after a long table or list) is kept too, and so is any
    line the model holds to be article (``p >= keep_p``): when unsure, keep the text.
    When sure junk follows the span, the span's last lines of at most ``heading_words``
    words that end no sentence (``Related Articles``, ``You may also like``) head that
    junk, not the article, and leave the span (``_headings_off``).
    """
    words = [max(1, len(t.split())) for t in texts]
    vote = votes(words, probabilities, threshold)
    span = best_span(vote)
    if span is None:
        return Decision(None, "no line is likely article text")
    start, end = span
    # a blank line (between list items) is sure junk to the model, and no evidence at all
    sure = [p < junk_p and bool(t.strip()) for t, p in zip(texts, probabilities, strict=True)]
    before, after = sum(sure[:start]), sum(sure[end:])
    two_sided = min(before, after) >= each_side
    # one side only: the chrome is that side's, from its sure-junk line nearest the span,
    # when one of its sure-junk lines is a chrome line; the other side is the article's
    sided = None
    if not two_sided and 0 < one_side <= max(before, after):
        side = [i for i in (range(start) if before >= after else range(end, len(texts))) if sure[i]]
        if chrome is None or any(chrome(i) for i in side):
            sided = range(side[-1] + 1) if before >= after else range(side[0], len(texts))
    if before + after < junk_lines or (not two_sided and sided is None):
        alone = f", or {one_side} or more on one with a chrome line" if one_side > 0 else ""
        return Decision(
            None,
            f"{before} sure-junk lines before the article and {after} after it (a page dump "
            f"has {junk_lines} or more, {each_side} or more on each side{alone})",
        )
    kept, total = sum(words[start:end]), sum(words)
    if kept < min_kept * total:
        return Decision(None, f"the article span would keep {kept} of {total} words", True)
    if after:
        end = _headings_off(texts, start, end, heading_words)
    kept_lines = set(range(start, end))
    strong = also_keep * sum(vote[start:end])
    pending = [(0, start), (end, len(vote))]
    while pending:  # each round keeps a run (at least a tenth of the span's votes) or stops
        lo, hi = pending.pop()
        run = best_span(vote[lo:hi]) if hi > lo else None
        if run is not None and sum(vote[lo + run[0] : lo + run[1]]) >= strong:
            kept_lines.update(range(lo + run[0], lo + run[1]))
            pending += [(lo, lo + run[0]), (lo + run[1], hi)]
    remove = tuple(
        i
        for i, p in enumerate(probabilities)
        if i not in kept_lines and p < keep_p and (sided is None or i in sided)
    )
    return Decision(span, remove=remove)


def _headings_off(texts: Sequence[str], start: int, end: int, most_words: int) -> int:
    """The span's end without its last lines that are headings of what follows: of at most
    ``most_words`` words, with no digit (a figure is the article's: ``Cost per day: £6.81``),
    ending no sentence (the article's own lines end in one). The span keeps its first line.

    >>> _headings_off(["Text.", "The end.", "Related Articles", "You may also like"], 0, 4, 6)
    2
    >>> _headings_off(["Text.", "The end."], 0, 2, 6), _headings_off(["Title", "More"], 0, 2, 6)
    (2, 1)
    >>> _headings_off(["Text.", "Cost per day: £6.81"], 0, 2, 6)
    2
    """
    while end - 1 > start:
        text = texts[end - 1].strip()
        if text and (
            len(text.split()) > most_words or text[-1] in TERMINAL or any(c.isdigit() for c in text)
        ):
            break
        end -= 1
    return end


__all__ = [
    "Decision",
    "LineClassifier",
    "TreeLineClassifier",
    "Unit",
    "best_span",
    "decide",
    "features",
    "load_classifier",
    "units",
    "votes",
]
