"""``eventcoder dedupe`` and ``code --dedupe``: the one-a-day rule, its options, its invariants.

Most tests build small datasets from synthetic events (no spaCy model); the Hypothesis tests
compare every output with a plain-Python reading of the rules (docs/output.md, Deduplication).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, needs_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder import dedupe as dedupe_module
from eventcoder.dedupe import dedupe, open_source
from eventcoder.errors import DatasetError, InputError, OutputError
from eventcoder.records import Rejected
from eventcoder.schema import DEDUPED_COLUMNS, DEDUPED_SCHEMA, EVENT_COLUMNS, SCHEMA_VERSION
from eventcoder.writers import DatasetWriter, last_committed, scratch_folder

from test_cli_code import WIDE, write_jsonl
from test_schema import make_event

DAY = dt.date(2017, 3, 4)
MERGED = ["n_mentions", "n_stories", "story_ids", "event_ids"]


def write_dataset(path: Path, events, *, rows_per_file: int = 1_000_000, rejected=()) -> Path:
    """An eventcoder dataset of ``events`` (several files with a small ``rows_per_file``)."""
    with DatasetWriter(path, batch_rows=rows_per_file, max_rows_per_file=rows_per_file) as out:
        for start in range(0, len(events), rows_per_file):
            out.write(events[start:start + rows_per_file])
        for item in rejected:
            out.reject(item)
    return path


def read(path: Path) -> pa.Table:
    """A dataset's rows in file order (year folders sorted), without the partition column."""
    files = sorted(Path(path).glob("year=*/*.parquet")) + sorted(Path(path).glob("*.parquet"))
    return pa.concat_tables([pq.read_table(f, partitioning=None) for f in files]).replace_schema_metadata(None)


def rows(path: Path, *columns: str) -> list[tuple]:
    table = read(path)
    return list(zip(*(table.column(c).to_pylist() for c in columns)))


def event(i: int, **changes):
    return make_event(event_id=f"e{i:02d}", sentence_index=i, **changes)


# ------------------------------------------------------------------------------ examples


def test_one_a_day_merges_the_same_key_on_the_same_day(tmp_path):
    events = [
        event(1, story_id="s2"),
        event(2, story_id="s1"),  # same key, same day, another story: merged, and it comes first
        event(3, story_id="s1"),  # the same story again
        event(4, story_id="s3", date=DAY + dt.timedelta(days=1)),  # next day: its own row
        event(5, story_id="s3", event_code="012"),  # another code
        event(6, story_id="s3", source="RUS"),  # another source
        event(7, story_id="s4", target=None, target_country=None),  # no target ...
        event(8, story_id="s5", target=None, target_country=None),  # ... is a key value like any other
    ]
    summary = dedupe(write_dataset(tmp_path / "raw", events), tmp_path / "out")
    assert (summary.events_in, summary.events_out, summary.mentions) == (8, 5, 8)
    assert rows(tmp_path / "out", "date", "source", "target", "event_code", "event_id", *MERGED) == [
        (DAY, "RUS", "RUS", "010", "e06", 1, 1, ["s3"], ["e06"]),
        (DAY, "USAGOV", "RUS", "010", "e02", 3, 2, ["s1", "s2"], ["e01", "e02", "e03"]),
        (DAY, "USAGOV", "RUS", "012", "e05", 1, 1, ["s3"], ["e05"]),
        (DAY, "USAGOV", None, "010", "e07", 2, 2, ["s4", "s5"], ["e07", "e08"]),
        (DAY + dt.timedelta(days=1), "USAGOV", "RUS", "010", "e04", 1, 1, ["s3"], ["e04"]),
    ]


def test_the_kept_event_is_the_smallest_date_story_sentence_event_id(tmp_path):
    events = [
        make_event(event_id="a", story_id="s2", sentence_index=0, sentence_text="from s2"),
        make_event(event_id="z", story_id="s1", sentence_index=4, sentence_text="s1, sentence 4, z"),
        make_event(event_id="y", story_id="s1", sentence_index=4, sentence_text="s1, sentence 4, y", publisher="AP"),
        make_event(event_id="b", story_id="s1", sentence_index=7, sentence_text="s1, sentence 7"),
    ]
    dedupe(write_dataset(tmp_path / "raw", events), tmp_path / "out")
    [row] = read(tmp_path / "out").to_pylist()
    kept = {k: v for k, v in row.items() if k not in MERGED}
    raw = read(tmp_path / "raw")
    assert kept == raw.filter(pc.equal(raw["event_id"], "y")).to_pylist()[0]
    assert row["sentence_text"] == "s1, sentence 4, y" and row["publisher"] == "AP"
    assert (row["n_mentions"], row["story_ids"], row["event_ids"]) == (4, ["s1", "s2"], ["a", "b", "y", "z"])


def test_output_is_a_dataset_in_the_deduplicated_schema(tmp_path):
    events = [event(1), event(2, date=dt.date(2018, 1, 2)), event(3, date=dt.date(2018, 1, 2))]
    dedupe(write_dataset(tmp_path / "raw", events), tmp_path / "out")
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["_eventcoder.json", "year=2017", "year=2018"]
    assert read(out).schema.equals(DEDUPED_SCHEMA)
    assert list(DEDUPED_COLUMNS) == [*EVENT_COLUMNS, *MERGED]
    import pandas as pd

    frame = pd.read_parquet(out)
    assert list(frame.columns) == [*DEDUPED_COLUMNS, "year"] and frame["n_mentions"].sum() == 3
    meta = json.loads((out / "_eventcoder.json").read_text())
    assert meta["columns"] == list(DEDUPED_COLUMNS) and meta["schema_version"] == SCHEMA_VERSION
    assert meta["deduplicated"]["key"] == ["date", "source", "target", "event_code"]
    assert meta["deduplicated"]["input"] == str(tmp_path / "raw") and meta["input"]["counts"]["events_written"] == 3
    assert meta["counts"] == {"rows_in": 3, "mentions": 3, "events_written": 2, "rejected_written": 0}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no working folder left


def test_deduplicating_again_changes_nothing_and_carries_the_counts(tmp_path):
    events = [event(i, story_id=f"s{i % 3}", date=DAY + dt.timedelta(days=i % 2)) for i in range(9)]
    dedupe(write_dataset(tmp_path / "raw", events), tmp_path / "once")
    summary = dedupe(tmp_path / "once", tmp_path / "twice")
    assert read(tmp_path / "twice").equals(read(tmp_path / "once"))
    assert (summary.events_in, summary.events_out, summary.mentions) == (2, 2, 9)
    assert sorted(rows(tmp_path / "twice", "n_mentions")) == [(4,), (5,)]


def test_by_root_merges_codes_of_one_root_and_keeps_the_first_code(tmp_path):
    events = [
        event(1, story_id="s2", event_code="010", root_code="01"),
        event(2, story_id="s1", event_code="013", root_code="01"),
        event(3, story_id="s1", event_code="190", root_code="19"),
    ]
    dedupe(write_dataset(tmp_path / "raw", events), tmp_path / "out", by="root")
    assert rows(tmp_path / "out", "event_code", "root_code", "n_mentions", "event_ids") == [
        ("013", "01", 2, ["e01", "e02"]), ("190", "19", 1, ["e03"]),
    ]
    assert json.loads((tmp_path / "out" / "_eventcoder.json").read_text())["deduplicated"]["key"][-1] == "root_code"


def test_window_merges_chains_of_dates_at_most_window_days_apart(tmp_path):
    offsets = [0, 2, 4, 7, 20]
    events = [event(i, story_id=f"s{i}", date=DAY + dt.timedelta(days=d)) for i, d in enumerate(offsets)]
    raw = write_dataset(tmp_path / "raw", events)

    def groups(window):
        dedupe(raw, tmp_path / f"w{window}", window=window)
        return [((d - DAY).days, ids) for d, ids in rows(tmp_path / f"w{window}", "date", "event_ids")]

    assert groups(0) == groups(1) == [(d, [f"e{i:02d}"]) for i, d in enumerate(offsets)]
    assert groups(2) == [(0, ["e00", "e01", "e02"]), (7, ["e03"]), (20, ["e04"])]
    assert groups(3) == [(0, ["e00", "e01", "e02", "e03"]), (20, ["e04"])]  # a chain may span more than the window


def test_rejected_records_are_carried_over(tmp_path):
    raw = write_dataset(tmp_path / "raw", [event(1)], rejected=[Rejected("in.jsonl:3", "bad date", "date", "{}")])
    summary = dedupe(raw, tmp_path / "out")
    assert summary.rejected == 1
    assert (tmp_path / "out" / "_rejected.jsonl").read_text() == (raw / "_rejected.jsonl").read_text()


def test_an_empty_dataset_gives_an_empty_deduplicated_dataset(tmp_path):
    summary = dedupe(write_dataset(tmp_path / "raw", []), tmp_path / "out")
    assert (summary.events_in, summary.events_out) == (0, 0)
    assert read(tmp_path / "out").num_rows == 0 and read(tmp_path / "out").schema.equals(DEDUPED_SCHEMA)


def test_output_is_streamed_in_batches(tmp_path, monkeypatch):
    events = [event(i, story_id=f"s{i % 4}", date=DAY + dt.timedelta(days=i % 5)) for i in range(40)]
    raw = write_dataset(tmp_path / "raw", events, rows_per_file=7)
    dedupe(raw, tmp_path / "whole")
    monkeypatch.setattr(dedupe_module, "BATCH_ROWS", 2)
    dedupe(raw, tmp_path / "batched")
    assert read(tmp_path / "batched").equals(read(tmp_path / "whole"))
    assert len(open_source(raw).files) > 1


def test_a_failure_leaves_no_output_and_no_working_folder(tmp_path, monkeypatch):
    raw = write_dataset(tmp_path / "raw", [event(1), event(2)])

    def broken(self, table):
        raise OSError("disk full")

    monkeypatch.setattr(DatasetWriter, "write_table", broken)
    with pytest.raises(OSError):
        dedupe(raw, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_a_signal_during_the_query_interrupts_it_and_raises_interrupted():
    import os
    import signal

    from eventcoder.errors import Interrupted

    class Connection:
        interrupted = 0

        def interrupt(self):
            self.interrupted += 1

    connection = Connection()
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Interrupted) as info:
        with dedupe_module._interruptible(connection):
            os.kill(os.getpid(), signal.SIGTERM)
            raise RuntimeError("Query interrupted")  # what DuckDB raises once interrupted
    assert info.value.signum == signal.SIGTERM and connection.interrupted == 1
    assert signal.getsignal(signal.SIGTERM) is before


# ------------------------------------------------------------------------------ refusals


def test_refusals_are_numbered_errors(tmp_path):
    raw = write_dataset(tmp_path / "raw", [event(1)])
    (tmp_path / "file.parquet").write_bytes(b"")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("not a dataset")
    cases = [
        (lambda: dedupe(tmp_path / "missing", tmp_path / "o"), DatasetError, "dataset not found"),
        (lambda: dedupe(tmp_path / "file.parquet", tmp_path / "o"), DatasetError, "not a dataset folder"),
        (lambda: dedupe(tmp_path / "plain", tmp_path / "o"), DatasetError, "no _eventcoder.json"),
        (lambda: dedupe(raw, tmp_path / "o", by="actor"), InputError, "unknown key level"),
        (lambda: dedupe(raw, tmp_path / "o", window=-1), InputError, "cannot be negative"),
        (lambda: dedupe(raw, tmp_path / "o", memory_limit="lots"), InputError, "not a memory size"),
        (lambda: dedupe(raw, raw), OutputError, "replace the input"),
        (lambda: dedupe(raw, raw / "inside"), OutputError, "lie inside it"),
        (lambda: dedupe(raw, tmp_path / "plain"), OutputError, "already exists"),
        (lambda: dedupe(raw, tmp_path / "plain", overwrite=True), OutputError, "not an eventcoder dataset"),
    ]
    for call, error, message in cases:
        with pytest.raises(error, match=message) as info:
            call()
        assert info.value.render().startswith(f"[{error.code}]") and info.value.fix
    assert not (tmp_path / "o").exists()


def test_an_old_schema_version_or_a_foreign_file_is_refused(tmp_path):
    raw = write_dataset(tmp_path / "raw", [event(1)])
    meta = json.loads((raw / "_eventcoder.json").read_text())
    (raw / "_eventcoder.json").write_text(json.dumps({**meta, "schema_version": 1}))
    with pytest.raises(DatasetError, match="schema version 1"):
        dedupe(raw, tmp_path / "o")
    (raw / "_eventcoder.json").write_text(json.dumps(meta))
    pq.write_table(pa.table({"event_id": ["x"]}), raw / "year=2017" / "stray.parquet")
    with pytest.raises(DatasetError, match="missing column"):
        dedupe(raw, tmp_path / "o")


def test_overwrite_replaces_a_deduplicated_dataset(tmp_path):
    raw = write_dataset(tmp_path / "raw", [event(1), event(2, event_code="012")])
    dedupe(raw, tmp_path / "out")
    dedupe(raw, tmp_path / "out", by="root", overwrite=True)
    assert read(tmp_path / "out").num_rows == 1


def test_raw_events_cannot_be_appended_to_a_deduplicated_dataset(tmp_path):
    dedupe(write_dataset(tmp_path / "raw", [event(1)]), tmp_path / "out")
    with pytest.raises(OutputError, match="columns differ"):
        with DatasetWriter(tmp_path / "out", append=True) as out:
            out.write([event(2)])
    assert read(tmp_path / "out").num_rows == 1


def test_scratch_folder_is_removed_and_not_taken_for_a_leftover(tmp_path):
    with scratch_folder(tmp_path / "out") as work:
        assert work.is_dir() and work.name.startswith(".out.tmp-")
        with DatasetWriter(work / "raw") as raw:
            raw.write([event(1)])
        assert last_committed() == work / "raw"
        writer = DatasetWriter(tmp_path / "out")
        writer.open()
        assert writer.notes == []  # our own working folder is not reported as another run's
        writer.discard()
    assert not work.exists() and last_committed() != work / "raw"


# ------------------------------------------------------------------------------ Hypothesis

story_ids = st.sampled_from(["s1", "s2", "s10", "S3", "é4", "文5"])  # sorted as Python sorts them
# Few keys and days, so that most lists hold groups to merge (and chains for the windows).
synthetic_events = st.lists(
    st.tuples(
        st.sampled_from([0, 0, 0, 1, 1, 2, 4, 7]),  # day
        st.sampled_from(["USA", "RUS"]),
        st.sampled_from(["RUS", None]),
        st.sampled_from(["010", "012", "190"]),
        story_ids,
        st.integers(0, 3),
    ),
    max_size=30,
).map(lambda specs: [
    make_event(event_id=f"e{i:03d}", date=DAY + dt.timedelta(days=day), source=source, target=target,
               event_code=code, root_code=code[:2], story_id=story, sentence_index=sentence)
    for i, (day, source, target, code, story, sentence) in enumerate(specs)
])
keys = st.sampled_from(["code", "root"])
windows = st.sampled_from([0, 0, 1, 2, 5])
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expected(events, by: str = "code", window: int = 0) -> list[tuple]:
    """The rules in plain Python: (kept event id, date, n_mentions, n_stories, story_ids, event_ids)
    per group, in the output's row order."""
    by_key = defaultdict(list)
    for e in events:
        by_key[(e.source, e.target, e.event_code if by == "code" else e.root_code)].append(e)
    out = []
    for group in by_key.values():
        group.sort(key=lambda e: e.date)
        chains, previous = [], None
        for e in group:
            if previous is None or (e.date - previous).days > window:
                chains.append([])
            chains[-1].append(e)
            previous = e.date
        for chain in chains:
            kept = min(chain, key=lambda e: (e.date, e.story_id, e.sentence_index, e.event_id))
            stories = sorted({e.story_id for e in chain})
            out.append((kept, len(chain), len(stories), stories, sorted(e.event_id for e in chain)))
    out.sort(key=lambda r: (r[0].date, r[0].source, r[0].target is None, r[0].target or "", r[0].event_code, r[0].event_id))
    return [(kept.event_id, kept.date, *merged) for kept, *merged in out]


def dedupe_rows(folder: Path, events, by: str = "code", window: int = 0, rows_per_file: int = 1_000_000) -> list[tuple]:
    raw = write_dataset(folder / "raw", events, rows_per_file=rows_per_file)
    dedupe(raw, folder / "out", by=by, window=window)
    return rows(folder / "out", "event_id", "date", *MERGED)


@SETTINGS
@given(synthetic_events, keys, windows)
def test_property_output_follows_the_rules(events, by, window):
    with tempfile.TemporaryDirectory() as folder:
        assert dedupe_rows(Path(folder), events, by, window) == expected(events, by, window)


@SETTINGS
@given(synthetic_events, keys, windows)
def test_property_mentions_sum_to_the_events_and_keys_never_mix(events, by, window):
    with tempfile.TemporaryDirectory() as folder:
        out = dedupe_rows(Path(folder), events, by, window)
    assert sum(r[2] for r in out) == len(events)
    merged_ids = [i for r in out for i in r[5]]
    assert sorted(merged_ids) == sorted(e.event_id for e in events)  # each event in exactly one row
    code = (lambda e: e.event_code) if by == "code" else (lambda e: e.root_code)
    by_id = {e.event_id: e for e in events}
    for kept_id, date, n_mentions, n_stories, stories, ids in out:
        merged = [by_id[i] for i in ids]
        assert len({(e.source, e.target, code(e)) for e in merged}) == 1
        assert n_mentions == len(ids) and n_stories == len(stories) == len({e.story_id for e in merged})
        assert date == min(e.date for e in merged) and (window or {e.date for e in merged} == {date})


@SETTINGS
@given(synthetic_events, keys, windows)
def test_property_idempotent(events, by, window):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        dedupe(write_dataset(folder / "raw", events), folder / "once", by=by, window=window)
        dedupe(folder / "once", folder / "twice", by=by, window=window)
        assert read(folder / "twice").equals(read(folder / "once"))


@SETTINGS
@given(synthetic_events, st.randoms(use_true_random=False), st.integers(1, 6))
def test_property_deterministic_whatever_the_order_and_files_of_the_input(events, random, rows_per_file):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        dedupe(write_dataset(folder / "a", events), folder / "a-out")
        dedupe(folder / "a", folder / "a-again")
        shuffled = list(events)
        random.shuffle(shuffled)
        dedupe(write_dataset(folder / "b", shuffled, rows_per_file=rows_per_file), folder / "b-out")
        assert read(folder / "a-again").equals(read(folder / "a-out"))
        assert read(folder / "b-out").equals(read(folder / "a-out"))


@SETTINGS
@given(synthetic_events, windows)
def test_property_coarser_keys_only_merge_further(events, window):
    """Root level and a window merge whole one-a-day groups: deduplicating the one-a-day output
    with them gives what deduplicating the raw events with them gives."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        raw = write_dataset(folder / "raw", events)
        dedupe(raw, folder / "daily")
        dedupe(raw, folder / "direct", by="root", window=window)
        dedupe(folder / "daily", folder / "staged", by="root", window=window)
        assert read(folder / "staged").equals(read(folder / "direct"))


# ------------------------------------------------------------------------------ command line


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600, env=WIDE)


def test_cli_dedupe_prints_a_summary_and_refuses_cleanly(tmp_path):
    raw = write_dataset(tmp_path / "raw", [event(1), event(2), event(3, event_code="012")])
    out = run("dedupe", str(raw), "--output", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert "rows in   3" in out.stdout and "rows out  2 (33 % fewer)" in out.stdout
    again = run("dedupe", str(raw), "--output", str(tmp_path / "out"))
    assert again.returncode == 1 and again.stderr.startswith("Error: [E400]") and "--overwrite" in again.stderr
    bad = run("dedupe", str(raw), "--output", str(tmp_path / "other"), "--by", "actor")
    assert bad.returncode == 1 and "[E100]" in bad.stderr and "--by" in bad.stderr
    assert "Traceback" not in again.stderr + bad.stderr
    assert run("dedupe", "--help").returncode == 0


def test_cli_code_dedupe_refuses_csv_and_append(tmp_path):
    src = write_jsonl(tmp_path / "s.jsonl", [{"id": "s1", "date": "2017-12-08", "text": "Russia attacked Turkey."}])
    csv = run("code", str(src), "--output", str(tmp_path / "o"), "--format", "csv", "--dedupe")
    append = run("code", str(src), "--output", str(tmp_path / "o"), "--append", "--dedupe")
    for out, option in ((csv, "--format"), (append, "--append")):
        assert out.returncode == 1 and "[E100]" in out.stderr and option in out.stderr, out.stderr
    assert not (tmp_path / "o").exists() and not (tmp_path / "o.csv").exists()


@pytest.mark.model
@needs_model
def test_cli_code_dedupe_on_the_examples_equals_code_then_dedupe(tmp_path):
    """The example stories plus wire copies of some of them (same day, same text, new ids): each
    copied event is one row with two stories; `code --dedupe` equals `code` then `dedupe`."""
    stories = [json.loads(line) for line in (ROOT / "examples" / "stories.jsonl").read_text().splitlines() if line.strip()]
    copies = [{**s, "id": f"{s['id']}-wire"} for s in stories[::4]]
    src = write_jsonl(tmp_path / "stories.jsonl", stories + copies)
    coded = run("code", str(src), "--output", str(tmp_path / "raw"), "--workers", "1")
    assert coded.returncode == 0, coded.stderr
    both = run("code", str(src), "--output", str(tmp_path / "direct"), "--workers", "1", "--dedupe")
    assert both.returncode == 0, both.stderr
    assert "deduplicated, one event a day" in both.stdout
    staged = run("dedupe", str(tmp_path / "raw"), "--output", str(tmp_path / "staged"))
    assert staged.returncode == 0, staged.stderr
    assert read(tmp_path / "direct").equals(read(tmp_path / "staged"))
    raw, deduped = read(tmp_path / "raw"), read(tmp_path / "direct")
    assert sum(deduped.column("n_mentions").to_pylist()) == raw.num_rows > deduped.num_rows
    originals = {s["id"] for s in stories[::4]}
    for row in deduped.to_pylist():
        for story in originals.intersection(row["story_ids"]):
            assert f"{story}-wire" in row["story_ids"] and row["n_stories"] >= 2
    meta = json.loads((tmp_path / "direct" / "_eventcoder.json").read_text())
    assert meta["deduplicated"]["input"] == "coded in this run" and meta["options"]["dedupe"] is True
    assert meta["counts"]["events"] == raw.num_rows and meta["model"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
