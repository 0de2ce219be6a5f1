"""``eventcoder code`` as a user runs it: exit codes, messages, datasets, counts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path


from conftest import MINI, ROOT, needs_model

STORIES = [
    {"id": "s1", "date": "2017-12-08", "text": "Russia attacked Turkey. Germany condemned Russia."},
    {"id": "s2", "date": "2016-03-01", "text": "The United States resumed airstrikes against the Islamic State."},
    {"id": "s3", "date": "2016-03-02", "text": "Nothing happened today."},
]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", *args], input=stdin, capture_output=True, text=True, cwd=cwd or ROOT,
        timeout=300,
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
    assert run("code", str(src), "-o", str(dest), "-d", str(MINI), "-q", "--append").returncode == 0
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
