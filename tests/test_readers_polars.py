"""A dataset eventcoder wrote, read back by other tools as docs/output.md shows: polars (and R,
where it is installed), with typed columns: codes as strings, dates as dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess

import pytest

from conftest import ROOT
from eventcoder.writers import DatasetWriter

from test_schema import make_event

pl = pytest.importorskip("polars", reason="polars is a dev dependency (pip install -e '.[dev]')")

EVENTS = [
    make_event(event_id="a1", event_code="010", root_code="01", date=dt.date(2017, 12, 8), plover_event=None),
    make_event(event_id="a2", event_code="0841", root_code="08", quad_class=2, date=dt.date(2016, 3, 1),
               plover_event="RETREAT", plover_mode="release"),
    make_event(event_id="a3", event_code="195", root_code="19", quad_class=4, goldstein=-10.0,
               date=dt.date(2017, 1, 2), plover_event="ASSAULT", latitude=36.2, longitude=37.16),
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("polars") / "events"
    with DatasetWriter(path, metadata={"model": "test"}) as out:
        out.write(EVENTS)
    return path


def load_example():
    spec = importlib.util.spec_from_file_location("load_polars", ROOT / "examples" / "load_polars.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polars_reads_typed_columns(dataset):
    events = pl.read_parquet(f"{dataset}/**/*.parquet", hive_partitioning=True).sort("event_id")
    schema = events.schema
    assert schema["event_code"] == pl.String and schema["root_code"] == pl.String
    assert schema["date"] == pl.Date and schema["story_date"] == pl.Date
    assert schema["quad_class"] == pl.Int8 and schema["goldstein"] == pl.Float32
    assert schema["plover_event"] == pl.String and schema["latitude"] == pl.Float64
    assert events["event_code"].to_list() == ["010", "0841", "195"]
    assert events["root_code"].to_list() == ["01", "08", "19"]
    assert events["date"].to_list() == [dt.date(2017, 12, 8), dt.date(2016, 3, 1), dt.date(2017, 1, 2)]
    assert events["year"].to_list() == [2017, 2016, 2017]
    assert events["plover_event"].to_list() == [None, "RETREAT", "ASSAULT"]


def test_the_polars_example_reads_the_dataset(dataset, capsys):
    example = load_example()
    events = example.load(str(dataset)).collect()
    assert events.height == 3 and events.schema["event_code"] == pl.String
    example.main(str(dataset))
    printed = capsys.readouterr().out
    assert "RETREAT" in printed and "2016-03-01" in printed and "2017-12-08" in printed


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed here (examples/load.R needs Rscript with arrow, dplyr, duckdb)")
def test_the_r_example_reads_the_dataset(dataset):
    done = subprocess.run(["Rscript", str(ROOT / "examples" / "load.R"), str(dataset)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "RETREAT" in done.stdout
