"""Hypothesis strategies: arbitrary text and bytes, and article-like text built from parts."""

from __future__ import annotations

import textwrap

from hypothesis import strategies as st

WORDS = {
    "en": "the council said on monday that it would build new homes near river station "
    "after years of delay and protest from residents who wanted parks".split(),
    "de": "der rat sagte am montag dass er neue wohnungen am fluss bauen werde nach "
    "jahren der verzögerung und protesten von anwohnern".split(),
    "fr": "le conseil a déclaré lundi qu'il construirait de nouveaux logements près de "
    "la gare après des années de retard".split(),
    "ru": "совет заявил в понедельник что построит новые дома у реки после лет задержек".split(),
    "zh": "市议会 周一 表示 将 在 河边 建造 新 住房 经过 多年 拖延".split(),
    "ar": "قال المجلس يوم الاثنين إنه سيبني منازل جديدة قرب النهر".split(),
}
NAMES = ["Jane Doe", "John Roe", "Ana García", "Kim Lee", "Jean-Luc Martin", "Priya Natarajan"]
JUNK = [
    "Advertisement",
    "IE 11 is not supported. For an optimal experience visit our site on another browser.",
    "Download the Example News app for breaking news",
    "Sign up for our newsletter",
    "Share | Tweet | Email",
    "Skip to content",
    "Continue reading",
    "© 2024 Example Media. All rights reserved.",
]


@st.composite
def sentence(draw: st.DrawFn, lang: str | None = None) -> str:
    lang = lang or draw(st.sampled_from(sorted(WORDS)))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=4, max_size=18))
    joiner = "" if lang == "zh" else " "
    text = joiner.join(words)
    end = "。" if lang == "zh" else draw(st.sampled_from([".", ".", ".", "?", "!"]))
    return text[:1].upper() + text[1:] + end


@st.composite
def paragraph(draw: st.DrawFn, lang: str | None = None) -> str:
    lang = lang or draw(st.sampled_from(sorted(WORDS)))
    return " ".join(draw(st.lists(sentence(lang), min_size=1, max_size=5)))


def title_case(words: list[str]) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words)


@st.composite
def part(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            [
                "para",
                "para",
                "para",
                "junk",
                "byline",
                "date",
                "date_prefix",
                "url",
                "heading",
                "markdown",
                "wrapped",
                "related",
                "caption",
                "list",
                "html",
            ]
        )
    )
    if kind == "para":
        return draw(paragraph())
    if kind == "junk":
        return draw(st.sampled_from(JUNK))
    if kind == "byline":
        return "By " + " and ".join(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=2)))
    if kind == "date":
        return draw(
            st.sampled_from(
                [
                    "March 9, 2021",
                    "Published: 9 March 2021 10:30 GMT",
                    "2021-03-09T10:00:00Z",
                    "9. März 2021",
                ]
            )
        )
    if kind == "date_prefix":
        return "date 2022-01-05 " + draw(paragraph("en"))
    if kind == "url":
        return draw(
            st.sampled_from(
                [
                    "https://example.com/2020/01/01/some-story",
                    "<https://example.org/author/jane-doe>",
                    "Original url: https://example.net/a/b",
                ]
            )
        )
    if kind == "heading":
        words = draw(st.lists(st.sampled_from(WORDS["en"]), min_size=1, max_size=5))
        return draw(st.sampled_from(["", "## ", "## **"])) + title_case(words)
    if kind == "markdown":
        return draw(
            st.sampled_from(
                [
                    "By [Jane Doe](#)",
                    "**Bold** text [link](#) here.",
                    "> A quote from someone.",
                    "A [real](https://e.com) link.",
                ]
            )
        )
    if kind == "wrapped":
        width = draw(st.integers(min_value=40, max_value=100))
        return "\n".join(textwrap.wrap(draw(paragraph("en")), width))
    if kind == "related":
        return "Related article: " + title_case(
            draw(st.lists(st.sampled_from(WORDS["en"]), min_size=3, max_size=8))
        )
    if kind == "caption":
        return "Image: " + draw(sentence("en"))
    if kind == "html":  # bits of HTML left in a text scrape
        one, two = draw(sentence()), draw(sentence())
        return draw(
            st.sampled_from(
                [
                    f"<p>{one}</p><p>{two}</p>",
                    f"{one}<br>{two}",
                    f"{one} &amp; {two} &#8217;&nbsp;&lt;b&gt;",
                    f'<a href="https://e.com/x">{one}</a> <b>{two}</b>',
                    f'<div class="x">{one}<script>x()</script></div>',
                    f"<html><body><p>{one}</p></body></html>",
                ]
            )
        )
    return "\n".join("- " + draw(sentence("en")) for _ in range(draw(st.integers(1, 3))))


NOISE = ["\r\n", "\t", "\u00a0", "\u200b", "  ", "\u2019", "â€™", "&amp;", "<br>", "</p>"]


@st.composite
def article_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(part(), min_size=1, max_size=12))
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"]))
    text = separator.join(parts)
    if draw(st.booleans()):
        noise = draw(st.sampled_from(NOISE))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + noise + text[at:]
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@st.composite
def clean_article(draw: st.DrawFn) -> str:
    """Clean article-like text: paragraphs (one line each) and headings, no junk, no typos."""
    lang = draw(st.sampled_from(sorted(WORDS)))
    lede = " ".join(draw(st.lists(sentence(lang), min_size=2, max_size=4)))  # not a headline
    blocks = [lede]
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 4)) == 0:
            blocks.append(
                "## "
                + title_case(draw(st.lists(st.sampled_from(WORDS["en"]), min_size=1, max_size=4)))
            )
        blocks.append(draw(paragraph(lang)))
    return "\n\n".join(blocks) + "\n"
