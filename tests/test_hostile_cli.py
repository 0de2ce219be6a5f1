"""``eventcoder code`` on hostile input, as a user runs it: every bad input stops the run with a
numbered error naming the file (and line) and the fix, exit code 1, no traceback; with --skip-bad
the bad records go to the rejected-records file with their reason, the rest is coded, the exit code
is 0 and read = coded + rejected.

The command runs in this process through :func:`eventcoder.cli.main` (the entry point, with its
error handling), with the spaCy model loaded once for all cases; two cases also run as a
subprocess, exactly as a user types them."""

from __future__ import annotations

import io
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import MINI, ROOT, needs_model

GOOD = [
    {"id": "g1", "date": "2017-12-08", "text": "Russia attacked Turkey. Germany condemned Russia."},
    {"id": "g2", "date": "2016-03-01", "text": "The United States resumed airstrikes against the Islamic State."},
]


def line(record) -> bytes:
    return (record if isinstance(record, bytes) else json.dumps(record).encode()) + b"\n"


def jsonl(path: Path, *records) -> Path:
    path.write_bytes(b"".join(line(r) for r in records))
    return path


def good_file(folder: Path) -> Path:
    return jsonl(folder / "good.jsonl", *GOOD)


def noise(seed: int, size: int) -> bytes:
    """Random bytes without a line break, starting with a byte no text format starts with."""
    rng = random.Random(seed)
    return b"\xfb" + bytes(rng.choice([b for b in range(256) if b != 10]) for _ in range(size))


def parquet_bytes(rows: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), sink)
    return sink.getvalue()


@dataclass
class Case:
    """A hostile input: the files it is made of; what the error says and where (the first input
    at ``line``, None for a whole file without lines); the counts with --skip-bad."""

    name: str
    make: Callable[[Path], list[Path]]
    message: str | None  # a regex the error matches; None: not an error at all
    line: int | None
    counts: tuple[int, int, int]  # read, coded, rejected


CASES = [
    Case("a 10 MB story", lambda d: [jsonl(d / "big.jsonl", GOOD[0], {"id": "big", "date": "2017-01-01", "text": "Russia attacked Turkey. " * 440_000}, GOOD[1])],
         r"story 'big' has 10,560,000 characters, more than --max-story-chars \(1,000,000\)", 2, (3, 2, 1)),
    Case("a JSON line nested 100,000 levels deep", lambda d: [jsonl(d / "deep.jsonl", GOOD[0], b"[" * 100_000 + b"]" * 100_000, GOOD[1])],
         r"malformed JSON: a field is nested too deep", 2, (3, 2, 1)),
    Case("a field nested 100,000 levels deep", lambda d: [jsonl(d / "deepfield.jsonl", GOOD[0], b'{"id": "d", "date": "2017-01-01", "text": "x", "title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", GOOD[1])],
         r"nested too deep", 2, (3, 2, 1)),
    Case("binary noise", lambda d: [jsonl(d / "noise.jsonl", GOOD[0], noise(1, 3000), GOOD[1])],
         r"invalid utf-8 at byte 1 of the line", 2, (3, 2, 1)),
    Case("NUL bytes", lambda d: [jsonl(d / "nul.jsonl", GOOD[0], b'{"id": "n", "date": "2017-01-01", "text": "Russia\x00 attacked"}', b"\x00\x00\x00", GOOD[1])],
         r"malformed JSON: Invalid control character", 2, (4, 2, 2)),
    Case("invalid UTF-8", lambda d: [jsonl(d / "latin1.jsonl", GOOD[0], b'{"id": "u", "date": "2017-01-01", "text": "caf\xe9 cr\xe8me"}', GOOD[1])],
         r"invalid utf-8 at byte 47 of the line .*--encoding", 2, (3, 2, 1)),
    Case("a byte-order mark, at the start and after joining files", lambda d: [jsonl(d / "bom.jsonl", b"\xef\xbb\xbf" + line(GOOD[0])[:-1], b"\xef\xbb\xbf" + line(GOOD[1])[:-1])],
         None, None, (2, 2, 0)),
    Case("UTF-16 text", lambda d: [_write(d / "utf16.jsonl", (json.dumps(GOOD[0]) + "\n").encode("utf-16"))],
         r"expected JSON lines, but the file is UTF-16 text .*iconv", 1, (1, 0, 1)),
    Case("wrong types", lambda d: [jsonl(d / "types.jsonl", GOOD[0], {"id": "t", "date": "2017-01-01", "text": 5}, {"id": ["a"], "date": "2017-01-01", "text": "x"},
                                         {"id": "o", "date": {"y": 2017}, "text": "x"}, GOOD[1])],
         r"field 'text': text is not a string \(got int\)", 2, (5, 2, 3)),
    Case("missing fields", lambda d: [jsonl(d / "missing.jsonl", GOOD[0], {"id": "m", "date": "2017-01-01"}, {"id": "m2", "text": "Russia attacked Turkey."}, {}, GOOD[1])],
         r"field 'text': missing text", 2, (5, 2, 3)),
    Case("an unpaired surrogate escape", lambda d: [jsonl(d / "surrogate.jsonl", GOOD[0], b'{"id": "s", "date": "2017-01-01", "text": "Russia \\ud800 attacked"}', GOOD[1])],
         r"unpaired surrogate", 2, (3, 2, 1)),
    Case("a truncated XML", lambda d: [_write(d / "cut.xml", '<Sentences>\n<Sentence date="20171208" id="A-1"><Text>Russia attacked Turkey.</Text></Sentence>\n<Sentence date="2017')],
         r"malformed XML: .*truncated\?", 3, (2, 1, 1)),
    Case("a truncated CSV", lambda d: [_write(d / "cut.csv", 'id,date,text\ng1,2017-12-08,Russia attacked Turkey.\ng2,2016-03-01,"The United States resumed airstr')],
         r"a quoted field is never closed: the file ends inside it", 3, (2, 1, 1)),
    Case("a PNG named .jsonl", lambda d: [_write(d / "photo.jsonl", b"\x89PNG\r\n\x1a\n" + noise(2, 2000)), good_file(d)],
         r"expected JSON lines, but the file is a PNG image", 1, (3, 2, 1)),
    Case("JSONL named .csv", lambda d: [jsonl(d / "stories.csv", *GOOD), good_file(d)],
         r"not a CSV file: its first line is a JSON object .*--input-format jsonl", 1, (3, 2, 1)),
    Case("a .parquet file that is not Parquet", lambda d: [jsonl(d / "stories.parquet", *GOOD), good_file(d)],
         r"cannot read Parquet: .*\(the file looks like JSON lines\)", None, (3, 2, 1)),
    Case("a truncated Parquet file", lambda d: [_write(d / "cut.parquet", parquet_bytes(GOOD)[:300]), good_file(d)],
         r"cannot read Parquet", None, (3, 2, 1)),
]


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def cli(nlp, monkeypatch, capsys):
    """Run ``eventcoder ARGS`` through the entry point; returns (exit code, stdout, stderr). An
    exception other than the exit itself (a traceback for a user) fails the test."""
    import eventcoder.cli as cli_module
    import eventcoder.nlp

    monkeypatch.setattr(eventcoder.nlp, "load_model", lambda name=None, **kw: nlp)
    monkeypatch.setattr(cli_module, "install_signal_handlers", lambda: None)
    monkeypatch.setenv("COLUMNS", "400")

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["eventcoder", *args])
        with pytest.raises(SystemExit) as stop:
            cli_module.main()
        out = capsys.readouterr()
        return stop.value.code or 0, out.out, out.err

    return invoke


def summary_counts(stdout: str) -> tuple[int, int, int]:
    found = [re.search(rf"stories {what}\s+([\d,]+)", stdout) for what in ("read", "coded", "rejected")]
    assert all(found), stdout
    return tuple(int(m.group(1).replace(",", "")) for m in found)


@needs_model
@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_a_clean_error_or_a_rejected_record(case, tmp_path, cli):
    inputs = [str(p) for p in case.make(tmp_path)]
    out = tmp_path / "events"
    args = ["code", *inputs, "--output", str(out), "-d", str(MINI), "--workers", "1"]

    code, stdout, stderr = cli(*args, "-q")
    if case.message is None:
        assert code == 0, stderr
    else:
        assert code == 1 and "Traceback" not in stderr
        assert re.search(rf"\[E\d{{3}}\] {re.escape(inputs[0])}{':' + str(case.line) if case.line else ''}\b", stderr), stderr
        assert re.search(case.message, stderr) and "Fix:" in stderr, stderr
        assert not out.exists()  # nothing that looks like a dataset

    code, stdout, stderr = cli(*args, "--skip-bad", "--overwrite")
    assert code == 0 and "Traceback" not in stderr, stderr
    read, coded, rejected = summary_counts(stdout)
    assert (read, coded, rejected) == case.counts and read == coded + rejected
    counts = json.loads((out / "_eventcoder.json").read_text(encoding="utf-8"))["counts"]
    assert (counts["stories_read"], counts["stories_coded"], counts["stories_rejected"]) == case.counts
    lines = (out / "_rejected.jsonl").read_text(encoding="utf-8").splitlines() if rejected else []
    assert len(lines) == rejected
    for record in map(json.loads, lines):
        assert record["origin"].startswith(inputs[0]) and record["reason"]


@needs_model
@pytest.mark.model
def test_a_longer_story_is_coded_in_pieces_under_a_raised_limit(tmp_path, cli):
    """Over --max-story-chars a story is refused; with the limit raised it is coded, in pieces of
    at most 100,000 characters (eventcoder.longtext), with the events of every sentence."""
    paragraph = "Russia attacked Turkey. Germany condemned Russia.\n\n"
    story = {"id": "long", "date": "2017-12-08", "text": paragraph * 2_500}  # 127,500 characters
    src = jsonl(tmp_path / "long.jsonl", story, GOOD[1])
    out = tmp_path / "events"
    code, _, stderr = cli("code", str(src), "-o", str(out), "-d", str(MINI), "-w", "1", "-q", "--max-story-chars", "100000")
    assert code == 1 and "--max-story-chars (100,000)" in stderr and f"{src}:1" in stderr
    code, stdout, stderr = cli("code", str(src), "-o", str(out), "-d", str(MINI), "-w", "1", "--max-story-chars", "200000")
    assert code == 0, stderr
    assert summary_counts(stdout) == (2, 2, 0) and re.search(r"sentences\s+5,001", stdout)
    import pyarrow.dataset as ds

    rows = ds.dataset(out, partitioning="hive").to_table(columns=["story_id", "sentence_index", "event_code"]).to_pylist()
    long_rows = [r for r in rows if r["story_id"] == "long"]
    assert len(long_rows) == 5_000  # one event in each of its 5,000 sentences
    assert sorted(r["sentence_index"] for r in long_rows) == list(range(5_000))


@needs_model
@pytest.mark.model
@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("a 10 MB story", "a JSON line nested 100,000 levels deep")], ids=lambda c: c.name)
def test_the_two_reported_tracebacks_as_a_user_runs_them(case, tmp_path):
    import subprocess

    inputs = [str(p) for p in case.make(tmp_path)]
    for extra in ([], ["--skip-bad"]):
        out = subprocess.run(
            [sys.executable, "-m", "eventcoder", "code", *inputs, "--output", str(tmp_path / "x"), "--overwrite", "-q", *extra],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
        )
        assert "Traceback" not in out.stderr
        assert out.returncode == (0 if extra else 1), out.stderr


@needs_model
@pytest.mark.model
def test_validate_takes_the_limit_too(tmp_path, cli):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "short", "date": "2017-12-08", "text": "Russia attacked Turkey.", "events": [{"source": "RUS", "code": "190", "target": "TUR"}]},
        {"id": "long", "date": "2017-12-08", "text": "Russia attacked Turkey. " * 20, "events": []},
        {"id": "long-error", "date": "2017-12-08", "text": "Russia attacked Turkey. " * 20, "events": [], "error": "too long"},
    ]
    jsonl(gold, *records)
    code, stdout, stderr = cli("validate", str(gold), "-d", str(MINI), "--json", "--show-failures", "--max-story-chars", "200")
    assert code == 0 and "Traceback" not in stderr, stderr
    report = json.loads(stdout)
    assert {r["id"]: r["passed"] for r in report["results"]} == {"short": True, "long": False, "long-error": True}
    (failure,) = report["failures"]  # a rejected error record passes; the other long one fails, saying why
    assert failure["id"] == "long" and "more than --max-story-chars (200)" in failure["crash"]
