"""The pipeline: order, enable/disable, select/ignore, and third-party cleaners."""

from __future__ import annotations

import pytest

import cleanarticle
from cleanarticle import Cleaner, Config, ConfigError, Context, Pipeline, clean, cleaner
from cleanarticle.cleaners import BUILTIN
from cleanarticle.model import Document

TEXT = "Advertisement\n\nThe mayorâ€™s  plan was approved on Monday by the council.\n"


def test_builtin_codes_and_names_are_unique_and_documented() -> None:
    assert len({c.code for c in BUILTIN}) == len(BUILTIN)
    assert len({c.name for c in BUILTIN}) == len(BUILTIN)
    for item in BUILTIN:
        assert item.summary and len(item.summary) <= 80
        assert "Example" in item.doc or ">>>" in item.doc, item.code


def test_ignore_by_code_name_and_prefix() -> None:
    assert clean(TEXT, config=Config.make(ignore=["CA401"])).body.startswith("Advertisement")
    assert clean(TEXT, config=Config.make(ignore=["boilerplate"])).body.startswith("Advert")
    body = clean(TEXT, config=Config.make(ignore=["CA1"])).body
    assert "â€™" in body and "  " in body


def test_select_runs_only_the_selected() -> None:
    article = clean(TEXT, config=Config.make(select=["CA101"]))
    assert {e.code for e in article.edits} == {"CA101"}
    assert article.body.startswith("Advertisement")


def test_unknown_cleaner_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="CA999"):
        clean(TEXT, config=Config.make(ignore=["CA999"]))


def test_enable_and_disable() -> None:
    pipeline = cleanarticle.default_pipeline().disable("boilerplate")
    assert clean(TEXT, pipeline=pipeline).body.startswith("Advertisement")
    pipeline.enable("CA401")
    assert not clean(TEXT, pipeline=pipeline).body.startswith("Advertisement")


def _upper(doc: Document, ctx: Context) -> None:
    """Upper-case every paragraph (a test cleaner).

    Example::

        abc -> ABC
    """
    for block in doc.blocks:
        for line in block.lines:
            new = line.text.upper()
            if new != line.text:
                ctx.record("replace", "shouting", before=line.text, after=new, line=line.number)
                line.text = new


SHOUT = Cleaner("XYZ001", "shout", "Upper-case everything.", _upper)


def test_third_party_cleaner_through_the_api() -> None:
    pipeline = cleanarticle.default_pipeline().after("collapse-whitespace", SHOUT)
    article = clean("the plan was approved by the council on monday.", pipeline=pipeline)
    assert article.body == "THE PLAN WAS APPROVED BY THE COUNCIL ON MONDAY.\n"
    assert [e.code for e in article.edits] == ["XYZ001"]
    assert article.edits[0].name == "shout"
    ignored = clean(
        "quiet text stays as it is.", pipeline=pipeline, config=Config.make(ignore=["XYZ"])
    )
    assert ignored.body == "quiet text stays as it is.\n"


def test_register_adds_to_the_default_pipeline_and_rules() -> None:
    first = cleanarticle.default_pipeline().codes[0]
    cleanarticle.register(SHOUT, before=first)
    try:
        assert cleanarticle.default_pipeline().codes[0] == "XYZ001"
        assert "XYZ001" in [c.code for c in cleanarticle.rules()]
        assert clean("words here are quiet.").body == "WORDS HERE ARE QUIET.\n"
    finally:
        cleanarticle.unregister("shout")
    assert clean("words here are quiet.").body == "words here are quiet.\n"


def test_order_matters_and_is_kept() -> None:
    seen: list[str] = []

    @cleaner("XYZ010", "first-probe", "Record the order.")
    def first(doc: Document, ctx: Context) -> None:
        seen.append("first")

    @cleaner("XYZ011", "second-probe", "Record the order.")
    def second(doc: Document, ctx: Context) -> None:
        seen.append("second")

    pipeline = Pipeline([second]).before("second-probe", first)
    clean("text", pipeline=pipeline, fast=True)  # one pass (no settling round)
    assert seen == ["first", "second"]
    assert pipeline.codes == ["XYZ010", "XYZ011"]


def test_clashing_and_malformed_cleaners_are_rejected() -> None:
    with pytest.raises(ConfigError):
        Pipeline(BUILTIN).push(Cleaner("CA101", "new-name", "clash", _upper))
    with pytest.raises(ConfigError):
        Cleaner("bad", "name", "summary", _upper)
    with pytest.raises(ConfigError):
        Cleaner("XYZ002", "Bad Name", "summary", _upper)
    with pytest.raises(ConfigError):
        Pipeline(BUILTIN).after("no-such-cleaner", SHOUT)


def test_bytes_are_decoded_and_the_guess_recorded() -> None:
    article = clean("Le café était fermé ce matin, a dit le maire.".encode("cp1252"))
    assert article.body == "Le café était fermé ce matin, a dit le maire.\n"
    assert article.edits[0].kind == "decode" and "cp1252" in article.edits[0].reason


def test_utf8_bom_is_removed() -> None:
    article = clean(b"\xef\xbb\xbfText with a byte order mark in front of it.")
    assert article.body == "Text with a byte order mark in front of it.\n"


def test_binary_input_is_an_input_error() -> None:
    with pytest.raises(cleanarticle.InputError, match="PNG image"):
        clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_edits_carry_input_line_numbers() -> None:
    text = "\n\nFirst paragraph is here and it is long enough.\n\nAdvertisement\n"
    [edit] = [e for e in clean(text).edits if e.code == "CA401"]
    assert edit.line == 5


NOT_A_CLEANER = "just a string"


def test_load_plugins_checks_what_entry_points_give() -> None:
    from importlib.metadata import EntryPoint

    from cleanarticle.api import PLUGIN_GROUP, load_plugins
    from cleanarticle.cleaners.junk import remove_boilerplate

    good = EntryPoint("b", "cleanarticle.cleaners.junk:remove_boilerplate", PLUGIN_GROUP)
    listed = EntryPoint("a", "cleanarticle.cleaners:BUILTIN", PLUGIN_GROUP)
    loaded = load_plugins([good, listed])
    assert loaded[0].code == BUILTIN[0].code and loaded[-1] is remove_boilerplate  # name order
    wrong = EntryPoint("odd", "tests.test_pipeline:NOT_A_CLEANER", PLUGIN_GROUP)
    with pytest.raises(ConfigError, match=r"'odd'.*is not a Cleaner"):
        load_plugins([wrong])
    missing = EntryPoint("gone", "no_such_module_xyz:thing", PLUGIN_GROUP)
    with pytest.raises(ConfigError, match=r"'gone'.*ModuleNotFoundError.*fix or uninstall"):
        load_plugins([missing])


def test_register_uses_the_cleaners_own_placement() -> None:
    placed = cleaner("XY010", "placed", "Runs before the title cleaner.", before="title")(_upper)
    cleanarticle.register(placed)
    try:
        codes = [c.code for c in cleanarticle.rules()]
        assert codes.index("XY010") + 1 == codes.index("CA301")
    finally:
        cleanarticle.unregister("placed")
    assert "XY010" not in [c.code for c in cleanarticle.rules()]


def test_options_default_config_and_type_check() -> None:
    from cleanarticle import Option

    seen: list[object] = []

    def probe(doc: Document, ctx: Context) -> None:
        """Example: records its option."""
        seen.append(ctx.option("depth"))

    item = cleaner("XY020", "probe", "Reads an option.", options=(Option("depth", 2.5, "x"),))(
        probe
    )
    pipeline = Pipeline([item])
    clean("Text.", pipeline=pipeline, fast=True)
    clean(
        "Text.", pipeline=pipeline, config=Config.make(options={"probe": {"depth": 4}}), fast=True
    )
    clean(
        "Text.", pipeline=pipeline, config=Config.make(options={"XY020": {"depth": 1.0}}), fast=True
    )
    assert seen == [2.5, 4, 1.0]
    with pytest.raises(ConfigError, match="expected a number, got a string"):
        clean("Text.", pipeline=pipeline, config=Config.make(options={"probe": {"depth": "x"}}))
    with pytest.raises(ConfigError, match="no option 'width'"):
        clean("Text.", pipeline=pipeline, config=Config.make(options={"probe": {"width": 1}}))


def test_an_empty_pipeline_runs_no_cleaner() -> None:
    """An empty Pipeline is falsy; it was taken for "no pipeline given" and ran them all."""
    from cleanarticle import Pipeline, clean

    article = clean("Advertisement\n\nThe deal  was signed.\n", pipeline=Pipeline([]))
    assert article.edits == ()
    assert article.body == "Advertisement\n\nThe deal  was signed.\n"


def _relay(group: str | None) -> Pipeline:
    """Two cleaners where the first has work only after the second ran: ``take-second``
    moves the second paragraph to description once ``take-first`` has taken the title."""

    @cleaner("XY030", "take-second", "Move the second block to description.", group=group)
    def take_second(doc: Document, ctx: Context) -> None:
        if doc.metadata.title and not doc.metadata.description and len(doc.blocks) > 1:
            doc.set_meta(description=doc.blocks[1].text)
            ctx.record("move", "second", before=doc.blocks[1].text)
            del doc.blocks[1]

    @cleaner("XY031", "take-first", "Move the first block to title.", group=group)
    def take_first(doc: Document, ctx: Context) -> None:
        if not doc.metadata.title:
            doc.set_meta(title=doc.blocks[0].text)
            ctx.record("move", "first", before=doc.blocks[0].text)
            del doc.blocks[0]

    return Pipeline([take_second, take_first])


TEXT_OF_FOUR = "One.\n\nTwo.\n\nThree.\n\nFour.\n"


def test_a_group_of_cleaners_runs_again_until_it_changes_nothing() -> None:
    once = clean(TEXT_OF_FOUR, pipeline=_relay(None), fast=True)
    assert once.body == "Two.\n\nThree.\n\nFour.\n"  # take-second ran before there was work
    settled = clean(TEXT_OF_FOUR, pipeline=_relay("head"), fast=True)
    assert settled.body == "Two.\n\nFour.\n"
    assert [e.reason for e in settled.edits] == ["first", "second"]
    assert clean(settled.markdown, pipeline=_relay("head")).markdown == settled.markdown


def test_a_group_stops_when_each_has_run_once_since_the_last_edit() -> None:
    calls: list[str] = []

    @cleaner("XY033", "count-calls", "Counts its calls.", group="head")
    def count_calls(doc: Document, ctx: Context) -> None:
        calls.append("count")

    pipeline = _relay("head").push(count_calls)
    clean(TEXT_OF_FOUR, pipeline=pipeline, fast=True)
    # take-second (no work), take-first (edit), count, take-second (edit), take-first,
    # count, take-second: three runs in a row without an edit, and the group stops
    assert len(calls) == 2


def test_a_cleaner_of_another_group_between_them_splits_a_group() -> None:
    pipeline = _relay("head").after("take-second", SHOUT)
    assert clean(TEXT_OF_FOUR, pipeline=pipeline, fast=True).body == "TWO.\n\nTHREE.\n\nFOUR.\n"


def test_a_group_that_never_settles_stops_after_max_rounds() -> None:
    from cleanarticle.pipeline import MAX_ROUNDS

    @cleaner("XY032", "restless", "Records an edit every time.", group="g")
    def restless(doc: Document, ctx: Context) -> None:
        ctx.record("note", "again")

    assert len(clean("Text.", pipeline=Pipeline([restless]), fast=True).edits) == MAX_ROUNDS


@pytest.mark.parametrize(
    ("group", "members"),
    [
        ("head", ["CA307", "CA301", "CA302", "CA303", "CA306"]),
        ("lines", ["CA101", "CA102", "CA402"]),
    ],
)
def test_the_builtin_groups_are_neighbours(group: str, members: list[str]) -> None:
    assert [c.code for c in BUILTIN if c.group == group] == members
    codes = [c.code for c in BUILTIN]
    assert codes[codes.index(members[0]) : codes.index(members[-1]) + 1] == members


def _order_dependent_pipeline() -> Pipeline:
    """A first cleaner that takes line "b" only once line "a" is gone, and a second that
    takes "a": one pass leaves "b", which the output cleaned again loses."""
    from cleanarticle.cleaners._util import remove_block

    def first(doc: Document, ctx: Context) -> None:
        texts = [b.text for b in doc.blocks]
        if "a" not in texts and "b" in texts:
            remove_block(doc, ctx, doc.blocks[texts.index("b")], "remove", "b without a")

    def second(doc: Document, ctx: Context) -> None:
        texts = [b.text for b in doc.blocks]
        if "a" in texts:
            remove_block(doc, ctx, doc.blocks[texts.index("a")], "remove", "a")

    return Pipeline(
        [Cleaner("XY001", "first", "1", first), Cleaner("XY002", "second", "2", second)]
    )


def test_clean_settles_its_output_to_a_fixed_point() -> None:
    from cleanarticle.api import check_stable

    text = "a\n\nb\n\nThe body stays.\n"
    quick = clean(text, pipeline=_order_dependent_pipeline(), fast=True)
    assert quick.body == "b\n\nThe body stays.\n" and quick.stable is None
    settled = clean(text, pipeline=_order_dependent_pipeline())
    assert settled.body == "The body stays.\n" and settled.stable is True
    late = [e for e in settled.edits if e.code == "XY001"]
    assert len(late) == 1 and late[0].line == 0 and "settling" in late[0].reason
    check_stable(settled, pipeline=_order_dependent_pipeline())  # no error


def test_an_output_cleaned_again_is_not_cleaned_a_third_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cleaning an article that comes out as it went in (a file cleaned before, as a
    pre-commit run sees most files) is itself the check that the output is stable."""
    from cleanarticle import api

    first = clean("Pact Signed\n\nBy Jane Doe\n\nThe deal was signed on Tuesday.\n")
    assert first.stable is True

    def no_second_pass(*args: object, **kwargs: object) -> None:
        raise AssertionError("settled again")

    monkeypatch.setattr(api, "_settle", no_second_pass)
    again = clean(first.markdown)
    assert (again.markdown, again.metadata, again.stable) == (
        first.markdown,
        first.metadata,
        True,
    )
    with pytest.raises(AssertionError, match="settled again"):
        clean(first.markdown + "\nAdvertisement\n")  # changed by the run: settled as before
