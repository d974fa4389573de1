"""Issue 15's contract, through the real command: never damage a file, never lose a
document, never crash. Exit codes are black's and ruff's: 0 clean, 1 would change,
2 usage or input error, 123 internal error; each failure is one line on standard error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleanarticle import clean
from cleanarticle.cleaners.remnants import convert
from tests.conftest import run_cli

STORY = (
    "Bridge Reopens After Repairs\n\n"
    "By Ann Lee\n\n"
    "Advertisement\n\n"
    "The bridge reopened on Monday after six months of repairs, the city said.\n"
)
CANONICAL = clean(STORY).markdown


def error_lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    """The ``cleanarticle: error:`` lines of a run; there is never a traceback."""
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if line.startswith("cleanarticle: error:")]


# --- internal errors: a cleaner or plugin that raises ------------------------------------

BOOM_PLUGIN = """
from cleanarticle import cleaner


@cleaner("XYZ001", "explode", "Raise on documents that say BOOM.")
def explode(doc, ctx):
    if any("BOOM" in block.text for block in doc.blocks):
        raise ValueError("the plugin's bug")


@cleaner("XYZ002", "grow", "Add a word to documents that say GROW: never a fixed point.")
def grow(doc, ctx):
    for block in doc.blocks:
        for line in block.lines:
            if "GROW" in line.text:
                ctx.record("replace", "grows", before=line.text, after=line.text + " more")
                line.text += " more"


@cleaner("XYZ003", "die", "Kill the process on KILLME; hang on HANG (workers' deaths).")
def die(doc, ctx):
    import os, signal, time

    text = " ".join(block.text for block in doc.blocks)
    if "KILLME" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "HANG" in text:
        with open(os.environ["HANG_PIDS"], "a") as pids:
            pids.write(str(os.getpid()) + " ")
        time.sleep(3600)
"""


@pytest.fixture
def boom_plugin(tmp_path: Path) -> dict[str, str]:
    """A plugin whose cleaner raises, found by entry point as an installed package is."""
    site = tmp_path / "site"
    info = site / "boom_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "boom_plugin.py").write_text(BOOM_PLUGIN, "utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: boom-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[cleanarticle.cleaners]\nexplode = boom_plugin:explode\ngrow = boom_plugin:grow\n"
        "die = boom_plugin:die\n",
        "utf-8",
    )
    return {"PYTHONPATH": str(site)}


def test_a_raising_plugin_is_an_internal_error_for_that_file_only(
    tmp_path: Path, boom_plugin: dict[str, str]
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    boom = files / "a_boom.txt"
    boom.write_text(STORY + "\nBOOM\n", "utf-8")
    good = files / "b_good.txt"
    good.write_text(STORY, "utf-8")
    result = run_cli("--write", str(boom), str(good), env=boom_plugin)
    assert result.returncode == 123
    [line] = error_lines(result)
    assert str(boom) in line and "XYZ001 explode" in line and "ValueError" in line
    assert "--ignore XYZ001" in line and "the file is unchanged" in line
    assert boom.read_text("utf-8") == STORY + "\nBOOM\n"
    assert good.read_text("utf-8") == CANONICAL  # the run went on
    assert run_cli("--check", "--ignore", "XYZ001", str(boom), env=boom_plugin).returncode == 1


def test_verbose_shows_the_traceback(tmp_path: Path, boom_plugin: dict[str, str]) -> None:
    boom = tmp_path / "boom.txt"
    boom.write_text("BOOM\n", "utf-8")
    result = run_cli("--check", "-v", str(boom), env=boom_plugin)
    assert result.returncode == 123
    err = result.stderr.decode()
    assert "Traceback" in err and "boom_plugin.py" in err and "the plugin's bug" in err


def test_batch_counts_a_raising_plugin_as_an_internal_error(
    tmp_path: Path, boom_plugin: dict[str, str]
) -> None:
    records = tmp_path / "in.jsonl"
    lines = [{"id": "boom", "text": "BOOM\n"}, {"id": "good", "text": STORY}]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(records), "--out", str(out), "-j", "1", env=boom_plugin)
    assert result.returncode == 123
    written = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert "XYZ001 explode raised ValueError" in written[0]["error"]
    assert written[1]["markdown"] == CANONICAL


# --- the classes of crash found by hostile testing ---------------------------------------


def test_deeply_nested_inline_tags_are_read_without_recursion(tmp_path: Path) -> None:
    depth = 20_000
    paragraphs, _ = convert("<p>" + "<b>" * depth + "deep text" + "</b>" * depth + "</p>")
    assert paragraphs == [[(0, "deep text")]]
    path = tmp_path / "nested.txt"
    path.write_text(
        "The council met on Monday.\n\n<p>" + "<i>" * 5000 + "deep" + "</i>" * 5000 + "</p>\n",
        "utf-8",
    )
    result = run_cli("--write", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == "The council met on Monday.\n\ndeep\n"


def test_lone_surrogates_never_reach_a_jsonl_or_md_file(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    text = "The mayor \ud800 spoke on Monday about the new bridge."
    records.write_text(
        json.dumps({"id": "s\udc80", "text": text})
        + "\n"
        + json.dumps({"id": "page", "html": f"<title>T\udfff</title><p>{text}</p>"})
        + "\n",
        "utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(records), "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
    assert written[0]["markdown"] == "The mayor \ufffd spoke on Monday about the new bridge.\n"
    assert written[0]["id"] == "s\udc80"  # the caller's id, escaped in the JSON
    folder = tmp_path / "md"
    assert run_cli("batch", str(records), "--out", str(folder)).returncode == 0
    assert "\ufffd" in (folder / "s_.md").read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"tool = 1\n", "'tool' must be a table"),
        (b'[tool]\ncleanarticle = "strict"\n', "tool.cleanarticle must be a table"),
        ("[tool.cleanarticle]\nquotes = 'preserve'\n".encode("utf-16"), "not UTF-8"),
        (b"[tool.cleanarticle]\nignore = ['CA5\xff']\n", "not UTF-8"),
    ],
)
def test_config_files_of_unexpected_shape_or_encoding(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    result = run_cli("--write", str(story))
    assert result.returncode == 2
    [line] = error_lines(result)
    assert str(tmp_path / "pyproject.toml") in line and message in line
    assert story.read_text("utf-8") == STORY


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="macOS refuses such names")
def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    path.write_text(STORY, "utf-8")
    result = run_cli("--json", str(path))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["path"] == str(tmp_path / "caf\\xe9.txt")
    result = run_cli("--check", str(tmp_path))
    assert result.returncode == 1 and b"would clean" in result.stderr
    assert "caf\\xe9.txt" in result.stderr.decode()
    assert run_cli("--write", str(tmp_path)).returncode == 0
    assert path.read_text("utf-8") == CANONICAL
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(path), "--out", str(out)).returncode == 0
    assert json.loads(out.read_text("utf-8"))["markdown"] == CANONICAL


def test_every_failure_of_a_multi_file_run_is_listed_at_the_end(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01")
    good = tmp_path / "good.txt"
    good.write_text(STORY, "utf-8")
    result = run_cli("--write", str(missing), str(binary), str(good))
    assert result.returncode == 2
    lines = error_lines(result)
    assert [line.split(": ")[2] for line in lines] == [str(missing), str(binary)]
    assert good.read_text("utf-8") == CANONICAL
    summary = result.stderr.decode().splitlines()[-1]
    assert summary == "1 of 1 file(s) cleaned, 2 failed"


def test_an_empty_path_is_a_usage_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    result = run_cli("--write", "", cwd=tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "empty path" in line
    assert story.read_text("utf-8") == STORY


# --- nothing lost silently ---------------------------------------------------------------

BODY_TAG = "<body>The council met on Monday and agreed on the plan to build a bridge.\n"
BAD_YAML = "---\ntitle: Vote\nbyline: By: Ann Lee\n---\nThe council voted on Monday.\n"


def test_an_article_that_comes_back_empty_is_a_warning_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "body.txt"
    path.write_text(BODY_TAG, "utf-8")
    result = run_cli(str(path))
    assert result.returncode == 1
    assert f"cleanarticle: warning: {path}: the article came back empty" in result.stderr.decode()
    junk = tmp_path / "junk.txt"
    junk.write_text("Advertisement\n", "utf-8")
    result = run_cli("--write", str(junk))
    assert result.returncode == 1 and junk.read_text("utf-8") == "Advertisement\n"
    assert result.stderr.decode().splitlines()[-1] == "0 of 1 file(s) cleaned, 1 came back empty"
    assert run_cli("-", input=b"").returncode == 0  # nothing in, nothing lost


def test_batch_lists_what_it_cannot_take(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    (tree / "sub").mkdir(parents=True)
    (tree / "good.txt").write_text(STORY, "utf-8")
    (tree / "body.txt").write_text(BODY_TAG, "utf-8")
    (tree / "yaml.md").write_text(BAD_YAML, "utf-8")
    os.mkfifo(tree / "pipe.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text("The secret plan was agreed on Monday by the board.\n", "utf-8")
    (tree / "link.txt").symlink_to(outside)
    (tree / "sub" / "inside.txt").symlink_to(tree / "good.txt")
    (tree / "dirlink").symlink_to(tmp_path)
    result = run_cli("batch", str(tree), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert f"{tree / 'body.txt'}: the article came back empty" in err
    assert f"{tree / 'yaml.md'}: front matter line 3: mapping values are not allowed" in err
    assert f"{tree / 'pipe.txt'}: a FIFO, not a regular file" in err
    assert f"{tree / 'link.txt'}: a symbolic link out of the input tree" in err
    assert f"{tree / 'dirlink'}: a symbolic link to a directory, not followed" in err
    assert "cleaned 2 of 7 documents" in err  # good.txt and the link inside the tree
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.md")) == ["good.md", "inside.md"]


def test_a_fifo_named_as_batch_input_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "records.jsonl"
    os.mkfifo(fifo)
    result = run_cli("batch", str(fifo), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert b"a FIFO, not a regular file; pipe it to 'cleanarticle batch -'" in result.stderr


def test_front_matter_that_is_not_valid_yaml_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(BAD_YAML, "utf-8")
    for mode in ("--write", "--check", "--json"):
        result = run_cli(mode, str(path))
        assert result.returncode == 2
        [line] = error_lines(result)
        assert "front matter line 3" in line and "not valid YAML" in line
    assert path.read_text("utf-8") == BAD_YAML


def test_inputs_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100, "utf-8")
    result = run_cli("--write", "--max-size", "1KB", str(path))
    assert result.returncode == 2 and "over the size limit of 1 KiB" in error_lines(result)[0]
    assert path.read_text("utf-8") == STORY * 100
    (tmp_path / "pyproject.toml").write_text("[tool.cleanarticle]\nmax-size = '2KB'\n", "utf-8")
    result = run_cli("--check", str(path))
    assert result.returncode == 2 and b"over the size limit of 2 KiB" in result.stderr
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(path), "--out", str(out)).returncode == 1
    assert "over the size limit of 2 KiB" in json.loads(out.read_text("utf-8"))["error"]
    result = run_cli("--max-size", "lots", "-", input=b"x")
    assert result.returncode == 2 and b"expected a size such as 100MB" in result.stderr


def test_devices_are_refused_and_standard_input_stops_at_the_limit(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import console_script

    result = run_cli("/dev/zero")
    assert result.returncode == 2 and "a device, not a regular file" in error_lines(result)[0]
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            [*console_script(), "-", "--max-size", "1MB"],
            stdin=zeros,
            capture_output=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 2 and b"over the size limit of 1 MiB" in result.stderr


# --- the run-time stability check ---------------------------------------------------------


def test_an_unstable_output_is_an_internal_error_and_is_not_written(
    tmp_path: Path, boom_plugin: dict[str, str]
) -> None:
    path = tmp_path / "grow.txt"
    text = "The council said GROW on Monday.\n"
    path.write_text(text, "utf-8")
    for mode in ("--write", "--check", "--diff"):
        result = run_cli(mode, str(path), env=boom_plugin)
        assert result.returncode == 123, result.stderr
        [line] = error_lines(result)
        assert "the output is not stable" in line and "line 1:" in line
        assert path.read_text("utf-8") == text
    result = run_cli("--write", "--fast", str(path), env=boom_plugin)  # no check
    assert result.returncode == 0
    assert path.read_text("utf-8") == "The council said GROW on Monday. more\n"
    out = tmp_path / "out"
    result = run_cli("batch", str(path), "--out", str(out), env=boom_plugin)
    assert result.returncode == 123 and b"the output is not stable" in result.stderr
    assert not (out / "grow.md").exists()
    result = run_cli("batch", str(path), "--out", str(out), "--fast", env=boom_plugin)
    assert result.returncode == 0 and (out / "grow.md").exists()


def test_a_callers_url_is_on_the_document_before_the_cleaners_run(tmp_path: Path) -> None:
    url = "https://example.org/2021/03/11/council-backs-bridge-plan"
    article = clean("The council met on Monday to agree the plan for a bridge.\n", url=url)
    assert article.metadata.date is not None and article.metadata.date.isoformat() == "2021-03-11"
    assert clean(article.markdown).markdown == article.markdown
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "a", "text": "The council met.", "url": url}) + "\n")
    result = run_cli("batch", str(records), "--out", "-")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["metadata"]["date"] == "2021-03-11"


# --- files: metadata, links, permissions ---------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file another owner needs root")
def test_write_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    os.chown(path, 1234, 5678)
    path.chmod(0o640)
    assert run_cli("--write", str(path)).returncode == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (1234, 5678, 0o640)
    assert path.read_text("utf-8") == CANONICAL


def test_write_keeps_hard_links(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    twin = tmp_path / "twin.txt"
    os.link(path, twin)
    inode = path.stat().st_ino
    assert run_cli("--write", str(path)).returncode == 0
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert twin.read_text("utf-8") == CANONICAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt", "twin.txt"]


def test_a_full_disk_never_truncates_a_hard_linked_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    os.link(path, tmp_path / "twin.txt")
    code = (
        "import errno, os, sys\n"
        "def full(fd):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
        "from cleanarticle.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--write", str(path)], capture_output=True, check=False
    )
    assert result.returncode == 2 and b"No space left on device" in result.stderr
    assert path.read_text("utf-8") == STORY and path.stat().st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt", "twin.txt"]


def test_batch_never_follows_a_symlink_out_of_its_output(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "world").mkdir(parents=True)
    (source / "a.txt").write_text(STORY, "utf-8")
    (source / "world" / "b.txt").write_text(STORY, "utf-8")
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(victim)
    (out / "world").symlink_to(elsewhere)
    result = run_cli("batch", str(source), "--out", str(out))
    assert result.returncode == 1
    assert b"leads out of --out through a symbolic link" in result.stderr
    assert victim.read_text("utf-8") == "keep me\n"  # the link was replaced, not followed
    assert not (out / "a.md").is_symlink() and (out / "a.md").read_text("utf-8") == CANONICAL
    assert list(elsewhere.iterdir()) == []


def test_outputs_follow_the_umask(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import console_script

    source = tmp_path / "a.txt"
    source.write_text(STORY, "utf-8")
    command = " ".join(console_script())
    for umask, mode in (("022", 0o644), ("027", 0o640)):
        out = tmp_path / f"out-{umask}.jsonl"
        folder = tmp_path / f"out-{umask}"
        subprocess.run(
            f"umask {umask} && {command} batch {source} --out {out} -q"
            f" && {command} batch {source} --out {folder} -q",
            shell=True,
            check=True,
        )
        assert out.stat().st_mode & 0o777 == mode
        assert (folder / "a.md").stat().st_mode & 0o777 == mode


# --- processes: killed workers, interrupted runs ------------------------------------------


def _records(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        "utf-8",
    )
    return path


def test_a_killed_worker_costs_its_document_not_the_batch(
    tmp_path: Path, boom_plugin: dict[str, str]
) -> None:
    texts = [f"Story {i} says the council met on Monday." for i in range(40)]
    texts[5] = "This story says KILLME to its worker."
    records = _records(tmp_path / "in.jsonl", texts)
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(records), "--out", str(out), "-j", "2", env=boom_plugin)
    assert result.returncode == 123, result.stderr
    assert "Traceback" not in result.stderr.decode()
    written = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [w["id"] for w in written] == [f"r{i}" for i in range(40)]
    assert "worker process cleaning it died" in written[5]["error"]
    assert all("markdown" in w for i, w in enumerate(written) if i != 5)
    assert b"r5: internal error: the worker process cleaning it died" in result.stderr


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.mark.parametrize("signum", ["SIGTERM", "SIGINT"])
def test_an_interrupted_batch_stops_its_workers_and_leaves_no_temp_files(
    tmp_path: Path, boom_plugin: dict[str, str], signum: str
) -> None:
    import signal
    import subprocess
    import time

    from tests.conftest import console_script

    pids = tmp_path / "pids"
    temp = tmp_path / "tmp"
    temp.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    texts = [f"Story {i} says the council met." for i in range(20)] + ["It says HANG."]
    data = _records(tmp_path / "in.jsonl", texts).read_bytes()
    env = {**os.environ, **boom_plugin, "HANG_PIDS": str(pids), "TMPDIR": str(temp)}
    process = subprocess.Popen(
        [*console_script(), "batch", "-", "--out", str(out_dir / "out.jsonl"), "-j", "2"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # a test run in the background ignores SIGINT, and its children would inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdin is not None
    process.stdin.write(data)
    process.stdin.close()
    deadline = time.monotonic() + 120  # a bound on waiting, not a measurement
    while not (pids.exists() and pids.read_text().strip()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    worker = int(pids.read_text().split()[0])
    process.send_signal(getattr(signal, signum))
    assert process.wait(timeout=120) == 130
    assert process.stderr is not None
    err = process.stderr.read().decode()
    assert "interrupted" in err and "Traceback" not in err
    while _alive(worker):  # terminated, then joined by the batch before it exits
        assert time.monotonic() < deadline, "the worker was left running"
        time.sleep(0.05)
    # no JSONL and no temporary file: only the partial output and its state, kept for
    # 'batch --resume' (docs/batch.md, "Resuming")
    kept = sorted(p.name for p in out_dir.iterdir())
    assert kept == ["out.jsonl.partial", "out.jsonl.partial.cae", "out.jsonl.partial.json"]
    assert list(temp.iterdir()) == []  # the copy of standard input is gone


def test_an_interrupted_write_leaves_no_temp_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    code = (
        "import os, signal, sys\n"
        "real = os.replace\n"
        "def interrupted(*args):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "os.replace = interrupted\n"
        "from cleanarticle.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--write", str(path)], capture_output=True, check=False
    )
    assert result.returncode == 130 and b"interrupted" in result.stderr
    assert path.read_text("utf-8") == STORY
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]
