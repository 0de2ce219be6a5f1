"""``eventcoder code`` as a user runs it: exit codes, messages, datasets, counts."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MINI, ROOT, needs_model

STORIES = [
    {"id": "s1", "date": "2017-12-08", "text": "Russia attacked Turkey. Germany condemned Russia."},
    {"id": "s2", "date": "2016-03-01", "text": "The United States resumed airstrikes against the Islamic State."},
    {"id": "s3", "date": "2016-03-02", "text": "Nothing happened today."},
]


#: Wide enough that rich never wraps a path in the summary or the help.
WIDE = {**os.environ, "COLUMNS": "400"}


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", *args], input=stdin, capture_output=True, text=True, cwd=cwd or ROOT,
        timeout=300, env=WIDE,
    )


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_every_command_has_help():
    from typer.main import get_command

    from eventcoder.cli import app

    root = get_command(app)
    names = []

    def walk(cmd, prefix):
        for name, sub in getattr(cmd, "commands", {}).items():
            assert (sub.help or "").strip(), f"'{prefix}{name}' has no help text"
            names.append(prefix + name)
            walk(sub, f"{prefix}{name} ")

    walk(root, "")
    assert {"code", "validate", "dictionaries"} <= set(names)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    leaves = [n for n in names if not getattr(root.commands.get(n), "commands", None)]
    for name in leaves:
        assert f"eventcoder {name}" in readme, f"README does not show 'eventcoder {name}'"


def test_help_exits_zero():
    out = run("code", "--help")
    assert out.returncode == 0 and "--skip-bad" in out.stdout


@needs_model
def test_code_jsonl_to_parquet_dataset(tmp_path):
    import pyarrow.dataset as ds

    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    out = run("code", str(src), "--output", str(tmp_path / "events"), "-d", str(MINI))
    assert out.returncode == 0, out.stderr
    assert re.search(r"stories read\s+3", out.stdout) and re.search(r"stories rejected\s+0", out.stdout)
    table = ds.dataset(tmp_path / "events", partitioning="hive").to_table()
    rows = table.to_pylist()
    assert {(r["source"], r["event_code"], r["target"]) for r in rows} == {
        ("RUS", "190", "TUR"), ("DEU", "111", "RUS"), ("USA", "195", "IMGMUSISI"),
    }
    assert table.schema.field("event_code").type == "string"
    assert str(table.schema.field("date").type) == "date32[day]"
    assert (tmp_path / "events" / "_eventcoder.json").is_file()


@needs_model
def test_bad_json_line_stops_with_file_and_line(tmp_path):
    src = write_jsonl(tmp_path / "bad.jsonl", [STORIES[0], '{"id": "x", "date": "2017-01-01", "text": ', STORIES[1]])
    out = run("code", str(src), "--output", str(tmp_path / "events"), "-d", str(MINI), "-q")
    assert out.returncode == 1
    assert f"{src}:2" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "events").exists()


@needs_model
def test_skip_bad_writes_rejected_records_and_counts_add_up(tmp_path):
    rows = [STORIES[0], '{"id": "x", "date": "2017-01-01", "text": ', {"id": "y", "date": "nope", "text": "x"},
            {"id": "z", "date": "2017-01-01"}, STORIES[1]]
    src = write_jsonl(tmp_path / "mixed.jsonl", rows)
    out = run("code", str(src), "--output", str(tmp_path / "events"), "-d", str(MINI), "--skip-bad")
    assert out.returncode == 0, out.stderr
    assert re.search(r"stories read\s+5", out.stdout)
    assert re.search(r"stories coded\s+2", out.stdout) and re.search(r"stories rejected\s+3", out.stdout)
    rejected = [json.loads(l) for l in (tmp_path / "events" / "_rejected.jsonl").read_text().splitlines()]
    assert [r["origin"] for r in rejected] == [f"{src}:2", f"{src}:3", f"{src}:4"]
    assert {r["field"] for r in rejected} >= {"date", "text"}


@needs_model
def test_existing_dataset_is_never_overwritten_unless_asked(tmp_path):
    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    dest = tmp_path / "events"
    assert run("code", str(src), "-o", str(dest), "-d", str(MINI), "-q").returncode == 0
    before = sorted(p.name for p in dest.rglob("*.parquet"))
    again = run("code", str(src), "-o", str(dest), "-d", str(MINI), "-q")
    assert again.returncode == 1 and "--overwrite" in again.stderr
    assert sorted(p.name for p in dest.rglob("*.parquet")) == before
    assert run("code", str(src), "-o", str(dest), "-d", str(MINI), "-q", "--overwrite").returncode == 0
    more = write_jsonl(tmp_path / "more.jsonl", [dict(s, id=s["id"] + "-b") for s in STORIES])
    assert run("code", str(more), "-o", str(dest), "-d", str(MINI), "-q", "--append").returncode == 0
    import pandas as pd

    assert len(pd.read_parquet(dest)) == 6  # two runs of three events


@needs_model
def test_stdin_and_jsonl_output(tmp_path):
    stdin = "".join(json.dumps(s) + "\n" for s in STORIES)
    out = run("code", "-", "-o", str(tmp_path / "ev.jsonl"), "--format", "jsonl", "-d", str(MINI), "-q", stdin=stdin)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(l) for l in (tmp_path / "ev.jsonl").read_text().splitlines()]
    assert len(rows) == 3 and all(isinstance(r["event_code"], str) for r in rows)


@needs_model
def test_text_file_takes_the_date_option(tmp_path):
    (tmp_path / "a.txt").write_text("Russia attacked Turkey on Thursday.", encoding="utf-8")
    out = run("code", str(tmp_path / "a.txt"), "--date", "2017-12-08", "-o", str(tmp_path / "ev.csv"),
              "--format", "csv", "-d", str(MINI), "-q")
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "ev.csv").read_text()
    assert "2017-12-07" in text and '"190"' in text


def test_bad_date_option_is_a_clean_error(tmp_path):
    out = run("code", "x.txt", "--date", "08/12/2017", "-q")
    assert out.returncode == 1 and "--date" in out.stderr and "Traceback" not in out.stderr


def test_missing_input_file_is_a_clean_error(tmp_path):
    out = run("code", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o"), "-q", "-d", str(MINI))
    assert out.returncode == 1 and "nope.jsonl" in out.stderr and "Traceback" not in out.stderr


# ------------------------------------------------------------------------------ help, packaging


def test_help_names_the_dask_extra_and_the_encoding_option():
    out = run("code", "--help")
    assert out.returncode == 0
    text = " ".join(re.sub(r"[│╭╮╰╯─]", " ", out.stdout).split())
    assert "pip install eventcoder[dask]" in text
    assert "--encoding" in text and "latin-1" in text


def test_spacy_finds_the_component_without_importing_eventcoder():
    from importlib.metadata import entry_points

    if "eventcoder" not in {ep.name for ep in entry_points(group="spacy_factories")}:
        pytest.skip("the spacy_factories entry point is not installed: reinstall with pip install -e '.[dev]'")
    code = (
        "import sys, spacy\n"
        "assert 'eventcoder' not in sys.modules\n"  # only spaCy's entry points bring it in
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('eventcoder')\n"
        "print(nlp.pipe_names)\n"
        "from eventcoder.errors import ModelError\n"
        "try:\n"
        "    nlp('Russia attacked Turkey.')\n"
        "except ModelError as err:\n"
        "    print(err)\n"  # a blank pipeline has no parser: a clear error, not a crash
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=300)
    assert out.returncode == 0, out.stderr
    assert "eventcoder" in out.stdout
    assert "without a dependency parse" in out.stdout and "after the parser" in out.stdout


# ------------------------------------------------------------------------------ unreadable files, encodings


def summary_row(stdout: str, name: str) -> str:
    match = re.search(rf"^{name}\s+(.*)$", stdout, re.M)
    assert match, stdout
    return match.group(1).strip()


@needs_model
def test_skip_bad_goes_past_an_unreadable_file(tmp_path):
    good = write_jsonl(tmp_path / "a.jsonl", STORIES[:2])
    locked = write_jsonl(tmp_path / "b.jsonl", [dict(STORIES[2], id="locked")])
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        locked.chmod(0o644)
        pytest.skip("chmod 000 does not make files unreadable here (running as root)")
    try:
        stopped = run("code", str(good), str(locked), "-o", str(tmp_path / "stop"), "-d", str(MINI), "-q")
        assert stopped.returncode == 1 and "[E100]" in stopped.stderr and str(locked) in stopped.stderr
        assert "Permission denied" in stopped.stderr and "Traceback" not in stopped.stderr
        assert not (tmp_path / "stop").exists()
        out = run("code", str(good), str(locked), "-o", str(tmp_path / "events"), "-d", str(MINI), "--skip-bad")
    finally:
        locked.chmod(0o644)
    assert out.returncode == 0, out.stderr
    assert summary_row(out.stdout, "stories read") == "3"
    assert summary_row(out.stdout, "stories coded").startswith("2 ")
    assert summary_row(out.stdout, "stories rejected").startswith("1 (incl. 1 unreadable file)")
    [rejected] = [json.loads(line) for line in (tmp_path / "events" / "_rejected.jsonl").read_text().splitlines()]
    assert rejected["origin"] == str(locked) and rejected["field"] is None and "Permission denied" in rejected["reason"]


@needs_model
def test_skip_bad_goes_past_files_that_cannot_be_read(tmp_path):
    """The same as root: a broken link in a folder and a .parquet file that is not Parquet."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", STORIES)
    (folder / "b.jsonl").symlink_to(tmp_path / "vanished.jsonl")
    garbage = tmp_path / "c.parquet"
    garbage.write_text("not parquet")
    stopped = run("code", str(folder), str(garbage), "-o", str(tmp_path / "stop"), "-d", str(MINI), "-q")
    assert stopped.returncode == 1 and "[E100]" in stopped.stderr and str(folder / "b.jsonl") in stopped.stderr
    assert "Traceback" not in stopped.stderr and not (tmp_path / "stop").exists()
    dest = tmp_path / "events.csv"
    out = run("code", str(folder), str(garbage), "-o", str(dest), "-f", "csv", "-d", str(MINI), "--skip-bad")
    assert out.returncode == 0, out.stderr
    assert summary_row(out.stdout, "stories read") == "5"
    assert summary_row(out.stdout, "stories rejected") == (
        f"2 (incl. 2 unreadable files)  -> {tmp_path / 'events.rejected.jsonl'}")
    rejected = [json.loads(line) for line in (tmp_path / "events.rejected.jsonl").read_text().splitlines()]
    assert [(r["origin"], r["field"]) for r in rejected] == [(str(folder / "b.jsonl"), None), (str(garbage), None)]
    assert "broken link" in rejected[0]["reason"] and "Parquet" in rejected[1]["reason"]
    meta = json.loads((tmp_path / "events.eventcoder.json").read_text())
    assert meta["counts"]["stories_read"] == meta["counts"]["stories_coded"] + meta["counts"]["stories_rejected"]


@needs_model
def test_encoding_option(tmp_path):
    src = tmp_path / "latin.jsonl"
    src.write_bytes(json.dumps(dict(STORIES[0], text="Russia attacked Turkey near Sanl\u0131urfa. Caf\u00e9."),
                               ensure_ascii=False).replace("\u0131", "i").encode("cp1252") + b"\n")
    stopped = run("code", str(src), "-o", str(tmp_path / "stop"), "-d", str(MINI), "-q")
    assert stopped.returncode == 1 and f"{src}:1" in stopped.stderr and "--encoding" in stopped.stderr
    out = run("code", str(src), "-o", str(tmp_path / "ev.jsonl"), "-f", "jsonl", "-d", str(MINI), "-q",
              "--encoding", "cp1252")
    assert out.returncode == 0, out.stderr
    [row] = [json.loads(line) for line in (tmp_path / "ev.jsonl").read_text("utf-8").splitlines()]
    assert "Caf\u00e9" in row["sentence_text"] or row["event_code"] == "190"
    bad = run("code", str(src), "-o", str(tmp_path / "x"), "-q", "--encoding", "utf-16")
    assert bad.returncode == 1 and "--encoding" in bad.stderr and "Traceback" not in bad.stderr


# ------------------------------------------------------------------------------ the output


@needs_model
def test_summary_names_the_files_actually_written(tmp_path):
    src = write_jsonl(tmp_path / "s.jsonl", [*STORIES, '{"broken": '])
    out = run("code", str(src), "-o", str(tmp_path / "out"), "--format", "csv", "-d", str(MINI), "--skip-bad")
    assert out.returncode == 0, out.stderr
    assert summary_row(out.stdout, "dataset") == str(tmp_path / "out.csv")
    assert summary_row(out.stdout, "stories rejected") == f"1  -> {tmp_path / 'out.rejected.jsonl'}"
    assert (tmp_path / "out.csv").is_file() and (tmp_path / "out.rejected.jsonl").is_file()


def test_output_that_is_an_input_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    before = src.read_bytes()
    for extra in ([], ["--overwrite"], ["--append"]):
        out = run("code", str(src), "-o", str(src), "-f", "jsonl", "-d", str(MINI), "-q", *extra)
        assert out.returncode == 1 and "refusing to write over an input" in out.stderr, out.stderr
        assert "Traceback" not in out.stderr
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "_eventcoder.json").write_text("{}")  # looks like a dataset: --overwrite would replace it
    write_jsonl(folder / "more.jsonl", STORIES)
    out = run("code", str(folder), "-o", str(folder), "-d", str(MINI), "-q", "--overwrite")
    assert out.returncode == 1 and "inside the output folder" in out.stderr
    assert src.read_bytes() == before and (folder / "more.jsonl").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "stories.jsonl"]


def test_overwrite_refuses_a_csv_eventcoder_did_not_write(tmp_path):
    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    mine = tmp_path / "budget.csv"
    mine.write_text("year,amount\n2017,12\n")
    for flag in ("--overwrite", "--append"):
        out = run("code", str(src), "-o", str(mine), "-f", "csv", "-d", str(MINI), "-q", flag)
        assert out.returncode == 1 and "eventcoder did not write" in out.stderr and str(mine) in out.stderr
    assert mine.read_text() == "year,amount\n2017,12\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.csv", "stories.jsonl"]


@needs_model
def test_appending_the_same_stories_twice_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    for dest, fmt in ((tmp_path / "events", "parquet"), (tmp_path / "events.jsonl", "jsonl")):
        assert run("code", str(src), "-o", str(dest), "-f", fmt, "-d", str(MINI), "-q").returncode == 0
        before = sorted((p.name, p.stat().st_size) for p in dest.parent.rglob("*"))
        again = run("code", str(src), "-o", str(dest), "-f", fmt, "-d", str(MINI), "-q", "--append")
        assert again.returncode == 1, again.stderr
        assert "3 of this run's 3 events are already in the output" in again.stderr and "--overwrite" in again.stderr
        assert sorted((p.name, p.stat().st_size) for p in dest.parent.rglob("*")) == before


# ------------------------------------------------------------------------------ interruptions, leftovers


@needs_model
@pytest.mark.slow
@pytest.mark.parametrize("sig, code, message", [(signal.SIGTERM, 143, "Terminated (SIGTERM)"),
                                                (signal.SIGINT, 130, "Interrupted (Ctrl-C)")])
def test_a_signal_stops_the_run_cleanly(tmp_path, sig, code, message):
    stories = [{"id": f"s{i}", "date": "2017-12-08", "text": "Russia attacked Turkey. Germany condemned Russia."}
               for i in range(20_000)]
    src = write_jsonl(tmp_path / "stories.jsonl", stories)
    dest = tmp_path / "events"
    proc = subprocess.Popen([sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(dest), "-d", str(MINI),
                             "-q"], cwd=ROOT, env=WIDE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".events.tmp-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    time.sleep(0.5)  # coding
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert message in stderr and "nothing was committed" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stories.jsonl"]


@needs_model
def test_a_run_removes_the_temporary_output_a_killed_run_left(tmp_path):
    src = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    stale = tmp_path / ".events.tmp-0badc0de"
    (stale / "year=2017").mkdir(parents=True)
    (stale / "year=2017" / "part-x.parquet").write_text("half")
    other = tmp_path / ".events.tmp-keep"
    other.write_text("not ours")
    out = run("code", str(src), "-o", str(tmp_path / "events"), "-d", str(MINI))
    assert out.returncode == 0, out.stderr
    assert not stale.exists() and other.read_text() == "not ours"
    assert f"removed {stale}" in summary_row(out.stdout, "note")
