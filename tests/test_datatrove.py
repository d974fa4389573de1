"""The datatrove step, run for real: LocalPipelineExecutor over .jsonl.gz shards."""

from __future__ import annotations

import gzip
import json
import pickle
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "datatrove",
    reason="datatrove is not installed (pip install -e '.[datatrove]' runs these tests)",
)
pytest.importorskip("orjson", reason="datatrove's JSONL reader and writer need orjson")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import cleanarticle
from cleanarticle.errors import ConfigError
from cleanarticle.evidence import Evidence
from cleanarticle.integrations.datatrove import (
    ERROR_KEY,
    CleanArticle,
    load_evidence,
)
from tests.conftest import GOLDEN, ROOT

PAGE = ROOT / "tests" / "fixtures" / "html" / "fr_jsonld.html"
TYPO = (
    "Launch Delayed\n\nBy Jane Doe\n\nThe Roscomos agency said the launch would wait a week."
    "\n\nEngineers found a fault in the second stage.\n"
)
BAD_FRONT_MATTER = "---\ntitle: [unclosed\n---\n\nThe body of a story.\n"


def _shards() -> list[list[Document]]:
    """Two shards: real scrapes, an HTML page (the record says so), a typo, a failure."""
    goldens = sorted((GOLDEN / "inputs").glob("*.txt"))
    first = [Document(p.read_text(encoding="utf-8"), f"golden-{p.stem}") for p in goldens[:3]]
    first.append(Document(TYPO, "typo", metadata={"url": "https://example.org/2024/05/02/x"}))
    second = [Document(p.read_text(encoding="utf-8"), f"golden-{p.stem}") for p in goldens[3:]]
    second.append(Document(PAGE.read_text(encoding="utf-8"), "page", metadata={"format": "html"}))
    second.append(Document(BAD_FRONT_MATTER, "bad"))
    return [first, second]


def _write_shards(folder: Path) -> dict[str, Document]:
    for rank, docs in enumerate(_shards()):
        with JsonlWriter(str(folder), output_filename="shard_${rank}.jsonl") as writer:
            for doc in docs:
                writer.write(doc, rank=rank)
    return {doc.id: doc for docs in _shards() for doc in docs}


def _read(folder: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                records[record["id"]] = record
    return records


def _run(tmp_path: Path, step: CleanArticle, logs: str = "logs") -> None:
    LocalPipelineExecutor(
        [
            JsonlReader(str(tmp_path / "raw")),
            step,
            JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl"),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / logs),
    ).run()


def _expected(doc: Document, evidence: Evidence) -> cleanarticle.Article:
    return cleanarticle.clean(
        doc.text,
        format=doc.metadata.get("format", "auto"),
        url=doc.metadata.get("url"),
        evidence=evidence,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[dict[str, Document], Path, Evidence]:
    inputs = _write_shards(tmp_path / "raw")
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == [
        "shard_00000.jsonl.gz",
        "shard_00001.jsonl.gz",
    ]
    evidence = Evidence({"Roscosmos": 6})
    evidence.save(tmp_path / "corpus.cae")
    return inputs, tmp_path / "corpus.cae", evidence


def test_cleans_shards_with_evidence_drops_failures_and_writes_stats(
    tmp_path: Path, corpus: tuple[dict[str, Document], Path, Evidence]
) -> None:
    inputs, evidence_file, evidence = corpus
    excluded = JsonlWriter(str(tmp_path / "excluded"), output_filename="${rank}.jsonl")
    _run(tmp_path, CleanArticle(evidence=str(evidence_file), exclusion_writer=excluded))

    out = _read(tmp_path / "out")
    assert sorted(out) == sorted(set(inputs) - {"bad"})
    edits: Counter[str] = Counter()
    for ident, record in out.items():
        article = _expected(inputs[ident], evidence)
        edits.update(f"edits_{edit.code}" for edit in article.edits)
        assert record["text"] == article.body, ident
        meta = json.loads(json.dumps(article.metadata.to_dict(), default=str))
        assert record["metadata"]["cleanarticle"] == meta, ident
        assert ERROR_KEY not in record["metadata"]
    assert "Roscosmos agency" in out["typo"]["text"]  # the saved evidence was read
    assert out["typo"]["metadata"]["cleanarticle"]["date"] == "2024-05-02"  # from the url
    assert out["page"]["metadata"]["cleanarticle"]["title"]  # read as the HTML page it is

    dropped = _read(tmp_path / "excluded")  # a dropped document is not lost
    assert list(dropped) == ["bad"]
    assert dropped["bad"]["text"] == BAD_FRONT_MATTER
    assert "front matter is not valid YAML" in dropped["bad"]["metadata"][ERROR_KEY]
    assert dropped["bad"]["metadata"]["filter_reason"] == "cleanarticle_input"

    logs = tmp_path / "logs"
    assert sorted(p.name for p in (logs / "completions").iterdir()) == ["00000", "00001"]
    assert sorted(p.name for p in (logs / "stats").iterdir()) == ["00000.json", "00001.json"]
    steps = json.loads((logs / "stats.json").read_text())
    stats = next(step["stats"] for step in steps if "cleanarticle" in step["name"])
    assert stats["total"] == len(inputs)
    assert stats["cleaned"] == len(inputs) - 1
    assert stats["failed"] == stats["failed_input"] == stats["dropped"] == 1
    totals = {k: v["total"] if isinstance(v, dict) else v for k, v in stats.items()}
    assert {k: v for k, v in totals.items() if k.startswith("edits_")} == edits
    assert edits["edits_CA501"] >= 1  # Roscomos -> Roscosmos among them


def test_keeps_a_failure_unchanged_with_its_error(
    tmp_path: Path, corpus: tuple[dict[str, Document], Path, Evidence]
) -> None:
    inputs, _, _ = corpus
    _run(tmp_path, CleanArticle(on_error="keep", metadata_key=None, edits_key="edits"))
    out = _read(tmp_path / "out")
    assert sorted(out) == sorted(inputs)
    assert out["bad"]["text"] == BAD_FRONT_MATTER
    assert "front matter is not valid YAML" in out["bad"]["metadata"][ERROR_KEY]
    article = cleanarticle.clean(TYPO, url="https://example.org/2024/05/02/x")
    assert out["typo"]["text"] == article.body  # no evidence given: the typo stays
    assert out["typo"]["metadata"]["title"] == "Launch Delayed"  # merged, not under a key
    assert [e["code"] for e in out["typo"]["metadata"]["edits"]] == [e.code for e in article.edits]


def test_a_rerun_skips_completed_tasks(
    tmp_path: Path, corpus: tuple[dict[str, Document], Path, Evidence]
) -> None:
    _run(tmp_path, CleanArticle())
    out = tmp_path / "out"
    first = _read(out)
    # Task 0 is complete: mark its output, so that redoing it would show. Task 1 "died":
    # no completion marker, no output.
    marked = out / "00000.jsonl.gz"
    marked.write_bytes(gzip.compress(b'{"id": "marker", "text": "not redone"}\n', mtime=0))
    (out / "00001.jsonl.gz").unlink()
    (tmp_path / "logs" / "completions" / "00001").unlink()

    _run(tmp_path, CleanArticle())
    again = _read(out)
    assert again["marker"]["text"] == "not redone"  # task 0 was skipped
    ids_of_task_1 = {"golden-003_7adf00eecd9603fc", "golden-004_874f975c85c112d9", "page"}
    assert {i: again[i] for i in ids_of_task_1} == {i: first[i] for i in ids_of_task_1}
    assert sorted(p.name for p in (tmp_path / "logs" / "completions").iterdir()) == [
        "00000",
        "00001",
    ]


def test_evidence_is_loaded_once_per_process_and_never_pickled(tmp_path: Path) -> None:
    path = tmp_path / "corpus.cae"
    Evidence({"Roscosmos": 6}).save(path)
    assert load_evidence(str(path)) is load_evidence(str(path))
    step = CleanArticle(evidence=path)
    [doc] = step.run(iter([Document(TYPO, "typo")]))
    assert "Roscosmos agency" in doc.text
    assert step.evidence == Evidence({"Roscosmos": 6})
    copy = pickle.loads(pickle.dumps(step))
    assert copy.evidence is None and copy.evidence_path == path
    Evidence({"Roscosmos": 6, "Bundestag": 2}).save(path)  # a changed file is read again
    assert load_evidence(str(path)) == Evidence({"Roscosmos": 6, "Bundestag": 2})


def test_a_bad_format_in_the_record_fails_that_document() -> None:
    step = CleanArticle(on_error="keep")
    [doc] = step.run(iter([Document("Some text here.\n", "x", metadata={"format": "pdf"})]))
    assert doc.text == "Some text here.\n"
    assert doc.metadata[ERROR_KEY] == "metadata 'format' is 'pdf'; expected one of auto, text, html"
    assert step.stats["failed_input"].total == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"format": "pdf"}, "format must be one of auto, text, html, not 'pdf'"),
        ({"on_error": "raise"}, "on_error must be 'drop' or 'keep', not 'raise'"),
    ],
)
def test_bad_options_are_one_line_errors(options: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        CleanArticle(**options)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_without_datatrove_the_import_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib
    import sys

    monkeypatch.delitem(sys.modules, "cleanarticle.integrations.datatrove")
    monkeypatch.setitem(sys.modules, "datatrove.data", None)  # import datatrove.data fails
    with pytest.raises(ImportError) as caught:
        importlib.import_module("cleanarticle.integrations.datatrove")
    assert str(caught.value).endswith("install it with: pip install 'cleanarticle[datatrove]'")
