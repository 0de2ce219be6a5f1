"""Writing events: Parquet dataset layout and loaders, atomicity, overwrite/append, CSV/JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import signal
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
from eventcoder.writers import DatasetWriter, clean_stale, count_shared_ids, csv_ids, jsonl_ids

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
    write(out, [make_event(event_id=f"n{i}") for i in range(3)], fmt=fmt, append=True)
    lines = out.read_text().splitlines()
    assert len(lines) == 2 + 3 + (1 if fmt == "csv" else 0)
    write(out, sample(1), fmt=fmt, overwrite=True)
    assert len(out.read_text().splitlines()) == 1 + (1 if fmt == "csv" else 0)
    assert leftovers(tmp_path) == []


def fresh(n: int, prefix: str = "n") -> list[Event]:
    """Events with ids no other sample has."""
    return [make_event(event_id=f"{prefix}{i}", sentence_index=i) for i in range(n)]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("mode", ["overwrite", "append"])
def test_file_output_refuses_a_file_eventcoder_did_not_write(tmp_path, fmt, mode):
    out = tmp_path / f"precious.{fmt}"
    out.write_text("my own notes\n")
    with pytest.raises(OutputError, match="eventcoder did not write") as err:
        write(out, sample(2), fmt=fmt, **{mode: True})
    assert str(out) in str(err.value) and "precious.eventcoder.json" in str(err.value) and err.value.fix
    assert snapshot(tmp_path) == {f"precious.{fmt}": b"my own notes\n"}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_file_output_written_by_eventcoder_carries_its_mark(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    write(out, sample(2), fmt=fmt)
    assert json.loads((tmp_path / "events.eventcoder.json").read_text())["file"] == out.name
    write(out, sample(1), fmt=fmt, overwrite=True)  # marked: may be replaced
    (tmp_path / "events.eventcoder.json").unlink()  # the mark gone: no longer replaced
    with pytest.raises(OutputError, match="eventcoder did not write"):
        write(out, sample(1), fmt=fmt, overwrite=True)


def test_csv_and_jsonl_of_the_same_stem_do_not_take_each_other_s_provenance(tmp_path):
    write(tmp_path / "events.csv", sample(2), fmt="csv")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match="provenance of another output") as err:
        write(tmp_path / "events.jsonl", sample(2), fmt="jsonl")
    assert "events.csv" in str(err.value)
    assert snapshot(tmp_path) == before
    with pytest.raises(OutputError, match="eventcoder did not write"):  # the jsonl is not marked by the csv's file
        (tmp_path / "events.jsonl").write_text("")
        write(tmp_path / "events.jsonl", sample(2), fmt="jsonl", overwrite=True)


@pytest.mark.parametrize("mode", [{}, {"overwrite": True}, {"append": True}])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_output_that_is_an_input_is_refused(tmp_path, fmt, mode):
    out = tmp_path / f"events.{fmt}"
    write(out, sample(2), fmt=fmt)
    os.link(out, tmp_path / "link.jsonl")
    before = snapshot(tmp_path)
    for given in (out, tmp_path / "link.jsonl", tmp_path / "events.rejected.jsonl.missing", tmp_path / "events.eventcoder.json"):
        if not given.exists():
            continue
        with pytest.raises(OutputError, match="refusing to write over an input") as err:
            write(out, fresh(2), fmt=fmt, inputs=[tmp_path / "other.jsonl", given], **mode)
        assert str(given) in str(err.value)
    assert snapshot(tmp_path) == before
    write(out, fresh(1), fmt=fmt, overwrite=True, inputs=[tmp_path / "stories.jsonl"])  # other inputs are fine


def test_parquet_output_holding_an_input_is_refused(tmp_path):
    out = tmp_path / "events"
    write(out, sample(2))
    (out / "stories").mkdir()
    story_file = out / "stories" / "s.jsonl"
    story_file.write_text("{}\n")
    before = snapshot(out)
    for mode in ({"overwrite": True}, {"append": True}):
        with pytest.raises(OutputError, match="inside the output folder"):
            write(out, fresh(2), inputs=[story_file], **mode)
    assert snapshot(out) == before and leftovers(tmp_path) == []


def test_append_refuses_event_ids_already_in_the_dataset(tmp_path):
    out = tmp_path / "events"
    write(out, sample(6))
    before = snapshot(out)
    with pytest.raises(OutputError, match=r"2 of this run's 3 events are already in the output") as err:
        write(out, sample(2) + fresh(1), append=True)
    assert "--overwrite" in err.value.fix
    assert snapshot(out) == before and leftovers(tmp_path) == []
    write(out, fresh(3), append=True)  # new ids: appended
    assert load(out).num_rows == 9


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_file_append_refuses_event_ids_already_in_the_file(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    tricky = [make_event(event_id=f"t{i}", sentence_text='He said "no",\nthen left.') for i in range(3)]
    write(out, tricky, fmt=fmt)
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match="1 of this run's 2 events are already"):
        write(out, [tricky[1], make_event(event_id="other")], fmt=fmt, append=True)
    assert snapshot(tmp_path) == before and leftovers(tmp_path) == []
    write(out, [make_event(event_id="other", sentence_text="x,\ny")], fmt=fmt, append=True)
    read_ids = csv_ids if fmt == "csv" else jsonl_ids
    assert [i for a in read_ids(out) for i in a.to_pylist()] == ["t0", "t1", "t2", "other"]


def test_count_shared_ids_streams_in_chunks():
    import pyarrow as pa

    new = lambda: iter([pa.array(["a", "b"]), pa.array(["c", "d", "e"])])  # noqa: E731
    old = lambda: iter([pa.array(["x", "d"]), pa.array([], pa.string()), pa.array(["b", "y", "d"])])  # noqa: E731
    for chunk in (1, 2, 3, 100):
        assert count_shared_ids(new, old, chunk=chunk) == (2, "b")
    assert count_shared_ids(new, lambda: iter([]), chunk=2) == (0, None)


# ------------------------------------------------------------------------------ leftovers, signals


def test_a_run_removes_only_the_temporary_output_of_its_own_name(tmp_path):
    out = tmp_path / "events"
    stale = tmp_path / ".events.tmp-0123abcd"
    (stale / "year=2015").mkdir(parents=True)
    (stale / "year=2015" / "part.parquet").write_text("half written")
    stale_file = tmp_path / ".events.tmp-89abcdef"
    stale_file.write_text("an old-style temporary file")
    keep = [".events.tmp-0123abcd.keep", ".events.tmp-xyz", ".other.tmp-01234567", "events.tmp-01234567",
            ".events.tmp-0123ABCD", ".events.csv.tmp-01234567", "notes.txt"]
    for name in keep:
        (tmp_path / name).write_text("not eventcoder's")
    old = tmp_path / ".events.old-fedcba98"
    old.mkdir()
    (old / "_eventcoder.json").write_text("{}")
    with DatasetWriter(out, metadata={}) as writer:
        writer.write(sample(2))
    assert not stale.exists() and not stale_file.exists()
    assert all((tmp_path / name).read_text() == "not eventcoder's" for name in keep)
    assert old.is_dir()  # only reported: it may be the only copy of a replaced output
    notes = "\n".join(writer.notes)
    assert f"removed {stale}" in notes and f"removed {stale_file}" in notes and str(old) in notes


def test_a_live_run_s_temporary_output_is_left_alone(tmp_path):
    pytest.importorskip("fcntl")
    out = tmp_path / "events"
    with DatasetWriter(out, metadata={}) as first:
        first.write(sample(2))
        with DatasetWriter(tmp_path / "events", metadata={}, overwrite=True) as second:
            second.write(sample(1))
            assert first._sink.temp.is_dir()
            assert any("being written by another eventcoder run" in n for n in second.notes)
            second.discard()
    assert load(out).num_rows == 2 and leftovers(tmp_path) == []


def test_clean_stale_reports_a_lone_old_output_as_the_only_copy(tmp_path):
    (tmp_path / ".events.old-00000000").mkdir()
    [note] = clean_stale(tmp_path / "events")
    assert "only copy" in note and "rename it back to events" in note


def test_signals_are_held_while_the_output_is_moved_into_place(tmp_path, monkeypatch):
    from eventcoder.errors import Interrupted
    from eventcoder.writers.common import _signals_held

    def interrupt(signum, frame):
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        done = []
        with pytest.raises(Interrupted):
            with _signals_held():
                os.kill(os.getpid(), signal.SIGTERM)
                done.append("finished")  # not interrupted half-way
        assert done == ["finished"]
        assert signal.getsignal(signal.SIGTERM) is interrupt  # handler restored

        # in a commit: the output is complete, then the interruption goes on
        import eventcoder.writers as writers
        from eventcoder.writers.parquet import _ParquetSink

        real_finish = _ParquetSink.finish

        def finish(self, *args, **kwargs):
            os.kill(os.getpid(), signal.SIGTERM)
            return real_finish(self, *args, **kwargs)

        monkeypatch.setattr(_ParquetSink, "finish", finish)
        with pytest.raises(Interrupted):
            with DatasetWriter(tmp_path / "events", metadata={}) as writer:
                writer.write(sample(3))
        assert load(tmp_path / "events").num_rows == 3 and leftovers(tmp_path) == []
        assert writers.last_committed() == tmp_path / "events"
    finally:
        signal.signal(signal.SIGTERM, previous)


# ------------------------------------------------------------------------------ property


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(event_strategy, max_size=15))
def test_any_events_survive_parquet_write_and_read(tmp_path_factory, events):
    out = tmp_path_factory.mktemp("prop") / "events"
    with DatasetWriter(out, metadata={}, batch_rows=4) as writer:
        writer.write(events)
    assert by_id(table_to_events(load(out))) == by_id(events)


@pytest.mark.parametrize("name, fmt", [("events.jsonl", "csv"), ("events.csv", "jsonl"), ("events.csv", "parquet"), ("events.parquet", "csv")])
def test_an_output_named_for_another_format_is_refused(tmp_path, name, fmt):
    from eventcoder.errors import OutputError
    from eventcoder.writers import DatasetWriter

    with pytest.raises(OutputError, match="--format"):
        DatasetWriter(tmp_path / name, fmt=fmt)
    assert list(tmp_path.iterdir()) == []
