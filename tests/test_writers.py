"""Writing events: Parquet dataset layout and loaders, atomicity, overwrite/append, CSV/JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import OutputError
from eventcoder.records import Event, Rejected
from eventcoder.schema import EVENT_COLUMNS, EVENT_SCHEMA, table_to_events
from eventcoder.writers import DatasetWriter

from test_schema import events as event_strategy
from test_schema import make_event


def sample(n: int = 6) -> list[Event]:
    return [
        make_event(event_id=f"e{i}", sentence_index=i, date=dt.date(2015 + i % 3, 1 + i % 12, 1),
                   goldstein=[-7.2, 2.8, None][i % 3], event_code=["010", "0231", "190"][i % 3],
                   root_code=["01", "02", "19"][i % 3])
        for i in range(n)
    ]


def by_id(events):
    return sorted(events, key=repr)


def load(path: Path) -> pa.Table:
    return pads.dataset(path, partitioning="hive").to_table()


def leftovers(parent: Path) -> list[str]:
    """Temporary files or folders left next to the output."""
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


def write(path, events, **options) -> DatasetWriter:
    options.setdefault("metadata", {"model": "test-model 1.0", "dictionary_fingerprint": "abc"})
    with DatasetWriter(path, **options) as writer:
        writer.write(events)
    return writer


# ------------------------------------------------------------------------------ parquet


def test_parquet_layout_is_hive_partitioned_by_year(tmp_path):
    out = tmp_path / "events"
    write(out, sample())
    assert sorted(p.name for p in out.iterdir()) == ["_eventcoder.json", "year=2015", "year=2016", "year=2017"]
    assert all(p.name.startswith("part-") for p in out.glob("year=*/*.parquet"))
    assert leftovers(tmp_path) == []


def test_parquet_round_trip_with_pyarrow_dataset(tmp_path):
    out = tmp_path / "events"
    events = sample()
    write(out, events)
    table = load(out)
    assert table.schema.field("event_code").type == pa.string()
    assert table.schema.field("date").type == pa.date32()
    assert by_id(table_to_events(table)) == by_id(events)
    assert sorted(set(table.column("year").to_pylist())) == [2015, 2016, 2017]


def test_parquet_round_trip_with_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events"
    write(out, sample())
    df = pd.read_parquet(out).sort_values("event_id")
    assert list(df["event_code"]) == ["010", "0231", "190", "010", "0231", "190"]
    assert isinstance(df["date"].iloc[0], dt.date)
    assert df["date"].iloc[0] == dt.date(2015, 1, 1)


def test_parquet_round_trip_with_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "events"
    write(out, sample())
    rows = duckdb.sql(
        f"select event_code, root_code, date, year from read_parquet('{out}/**/*.parquet', hive_partitioning=true) "
        "order by event_id"
    ).fetchall()
    assert rows[0] == ("010", "01", dt.date(2015, 1, 1), 2015)
    assert len(rows) == 6


def test_metadata_file_and_per_file_schema_metadata(tmp_path):
    out = tmp_path / "events"
    with DatasetWriter(out, metadata={"model": "m 1.0", "dictionary_fingerprint": "abc"}) as writer:
        writer.write(sample())
        writer.reject(Rejected("in.jsonl:3", "missing text", "text", "{}"))
        writer.metadata["counts"] = {"stories_read": 4}
    meta = json.loads((out / "_eventcoder.json").read_text())
    assert meta["model"] == "m 1.0" and meta["dictionary_fingerprint"] == "abc"
    assert meta["eventcoder_version"] and meta["created"] and meta["run_id"] == writer.run_id
    assert meta["counts"] == {"stories_read": 4, "events_written": 6, "rejected_written": 1}
    assert meta["columns"] == list(EVENT_COLUMNS) and len(meta["runs"]) == 1
    for part in out.glob("year=*/*.parquet"):
        file_meta = json.loads(pq.read_schema(part).metadata[b"eventcoder"])
        assert file_meta["model"] == "m 1.0" and file_meta["run_id"] == writer.run_id


def test_rejected_records_inside_dataset_are_not_data(tmp_path):
    out = tmp_path / "events"
    with DatasetWriter(out, metadata={}) as writer:
        writer.write(sample(2))
        writer.reject(Rejected("in.jsonl:3", "missing text", "text", '{"id": 1}'))
    assert writer.rejected_path == out / "_rejected.jsonl"
    lines = (out / "_rejected.jsonl").read_text().splitlines()
    assert json.loads(lines[0]) == {"origin": "in.jsonl:3", "reason": "missing text", "field": "text", "raw": '{"id": 1}'}
    assert load(out).num_rows == 2


def test_empty_run_writes_a_readable_dataset_with_the_schema(tmp_path):
    out = tmp_path / "events"
    write(out, [])
    table = load(out)
    assert table.num_rows == 0
    assert table.schema.remove_metadata().equals(EVENT_SCHEMA.remove_metadata())
    duckdb = pytest.importorskip("duckdb")
    assert duckdb.sql(f"select count(*) from read_parquet('{out}/**/*.parquet', hive_partitioning=true)").fetchall() == [(0,)]


def test_batches_and_file_rollover(tmp_path):
    out = tmp_path / "events"
    events = [make_event(event_id=f"e{i}", date=dt.date(2020, 1, 1)) for i in range(25)]
    with DatasetWriter(out, metadata={}, batch_rows=4, max_rows_per_file=10) as writer:
        for event in events:
            writer.write([event])
    files = sorted(out.glob("year=2020/*.parquet"))
    assert len(files) == 3
    assert all(pq.read_metadata(f).num_rows <= 10 for f in files)
    assert by_id(table_to_events(load(out))) == by_id(events)


# ------------------------------------------------------------------------------ atomicity


def test_exception_inside_with_leaves_nothing(tmp_path):
    out = tmp_path / "events"
    with pytest.raises(RuntimeError, match="boom"):
        with DatasetWriter(out, metadata={}, batch_rows=1) as writer:
            writer.write(sample())
            writer.reject(Rejected("x:1", "bad"))
            raise RuntimeError("boom")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_existing_dataset_is_refused_and_untouched(tmp_path):
    out = tmp_path / "events"
    write(out, sample(2))
    before = sorted(str(p) for p in out.rglob("*"))
    with pytest.raises(OutputError) as err:
        write(out, sample())
    assert str(out) in str(err.value) and "--overwrite" in str(err.value) and "--append" in str(err.value)
    assert sorted(str(p) for p in out.rglob("*")) == before
    assert leftovers(tmp_path) == []


def test_failed_overwrite_keeps_the_old_dataset(tmp_path):
    out = tmp_path / "events"
    write(out, sample(2))
    with pytest.raises(RuntimeError):
        with DatasetWriter(out, overwrite=True, metadata={}) as writer:
            writer.write(sample(6))
            raise RuntimeError("interrupted")
    assert load(out).num_rows == 2
    assert leftovers(tmp_path) == []


def test_overwrite_replaces(tmp_path):
    out = tmp_path / "events"
    with DatasetWriter(out, metadata={}) as writer:
        writer.write(sample(6))
        writer.reject(Rejected("x:1", "bad"))
    write(out, sample(2), overwrite=True)
    assert load(out).num_rows == 2
    assert not (out / "_rejected.jsonl").exists()
    assert leftovers(tmp_path) == []


def test_overwrite_refuses_a_folder_that_is_not_a_dataset(tmp_path):
    out = tmp_path / "documents"
    (out / "keep.txt").parent.mkdir()
    (out / "keep.txt").write_text("precious")
    with pytest.raises(OutputError, match="not an eventcoder dataset"):
        write(out, sample(), overwrite=True)
    assert (out / "keep.txt").read_text() == "precious"


def test_append_adds_part_files_and_records_both_runs(tmp_path):
    out = tmp_path / "events"
    first, second = sample(6), [make_event(event_id="new", date=dt.date(2015, 5, 5))]
    w1 = write(out, first)
    with DatasetWriter(out, append=True, metadata={"model": "m2"}) as w2:
        w2.write(second)
        w2.reject(Rejected("x:1", "bad"))
    assert by_id(table_to_events(load(out))) == by_id(first + second)
    assert len(list(out.glob("year=2015/*.parquet"))) == 2
    meta = json.loads((out / "_eventcoder.json").read_text())
    assert [r["run_id"] for r in meta["runs"]] == [w1.run_id, w2.run_id]
    assert meta["model"] == "m2" and meta["total_events"] == 7
    assert len((out / "_rejected.jsonl").read_text().splitlines()) == 1
    assert leftovers(tmp_path) == []


def test_append_to_an_empty_dataset_drops_the_placeholder(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "events"
    write(out, [])
    write(out, sample(3), append=True)
    assert list(out.glob("part-*-empty.parquet")) == []
    query = f"select count(*) from read_parquet('{out}/**/*.parquet', hive_partitioning=true)"
    assert duckdb.sql(query).fetchall() == [(3,)]


def test_append_to_nothing_creates_the_dataset(tmp_path):
    out = tmp_path / "events"
    write(out, sample(2), append=True)
    assert load(out).num_rows == 2


def test_overwrite_and_append_together_is_an_error(tmp_path):
    with pytest.raises(OutputError):
        DatasetWriter(tmp_path / "x", overwrite=True, append=True)


def test_write_after_commit_is_an_error(tmp_path):
    with DatasetWriter(tmp_path / "events", metadata={}) as writer:
        writer.commit()
        with pytest.raises(RuntimeError):
            writer.write(sample(1))


# ------------------------------------------------------------------------------ csv / jsonl


def test_csv_output_keeps_codes_and_iso_dates(tmp_path):
    out = tmp_path / "events.csv"
    with DatasetWriter(out, fmt="csv", metadata={"model": "m"}) as writer:
        writer.write(sample(3))
        writer.reject(Rejected("x:1", "bad", None, "raw"))
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [r["event_code"] for r in rows] == ["010", "0231", "190"]
    assert rows[0]["date"] == "2015-01-01" and rows[0]["goldstein"] == "-7.2"
    assert json.loads((tmp_path / "events.rejected.jsonl").read_text())["origin"] == "x:1"
    assert json.loads((tmp_path / "events.eventcoder.json").read_text())["model"] == "m"
    assert leftovers(tmp_path) == []


def test_csv_reads_back_with_pyarrow(tmp_path):
    import pyarrow.csv as pacsv

    out = tmp_path / "events.csv"
    events = sample(3)
    write(out, events, fmt="csv")
    options = pacsv.ConvertOptions(column_types=EVENT_SCHEMA, strings_can_be_null=True, quoted_strings_can_be_null=False)
    assert table_to_events(pacsv.read_csv(out, convert_options=options)) == events


def test_jsonl_output(tmp_path):
    out = tmp_path / "events"  # no extension: .jsonl is added
    write(out, sample(3), fmt="jsonl")
    rows = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0]["event_code"] == "010" and rows[0]["date"] == "2015-01-01" and rows[0]["goldstein"] == -7.2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_file_output_atomic_refuse_overwrite_append(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    with pytest.raises(RuntimeError):
        with DatasetWriter(out, fmt=fmt, metadata={}) as writer:
            writer.write(sample(2))
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
    write(out, sample(2), fmt=fmt)
    before = out.read_bytes()
    with pytest.raises(OutputError, match="--overwrite"):
        write(out, sample(3), fmt=fmt)
    assert out.read_bytes() == before
    write(out, sample(3), fmt=fmt, append=True)
    lines = out.read_text().splitlines()
    assert len(lines) == 2 + 3 + (1 if fmt == "csv" else 0)
    write(out, sample(1), fmt=fmt, overwrite=True)
    assert len(out.read_text().splitlines()) == 1 + (1 if fmt == "csv" else 0)
    assert leftovers(tmp_path) == []


# ------------------------------------------------------------------------------ property


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(event_strategy, max_size=15))
def test_any_events_survive_parquet_write_and_read(tmp_path_factory, events):
    out = tmp_path_factory.mktemp("prop") / "events"
    with DatasetWriter(out, metadata={}, batch_rows=4) as writer:
        writer.write(events)
    assert by_id(table_to_events(load(out))) == by_id(events)
