"""``eventcoder export``: ICEWS-style and GDELT-1.0-shaped TSV and PLOVER JSON from a dataset."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from eventcoder.errors import DatasetError, InputError, OutputError
from eventcoder.exports import export, gdelt, icews
from eventcoder.exports.source import batches, data_files
from eventcoder.schema import DEDUPE_FIELDS, events_to_table
from eventcoder.writers import METADATA_KEY, DatasetWriter

from test_schema import events as event_strategy
from test_schema import make_event

CREATED = "2024-05-06T10:00:00+00:00"
ATTACK = make_event(
    event_id="0123456789abcdef", story_id="s1", sentence_index=0, date=dt.date(2017, 12, 8),
    source="RUSMIL", source_country="RUS", source_agent="MIL", source_text="Russian troops",
    target="SYRREB", target_country="SYR", target_agent="REB", target_text="rebels",
    event_code="195", root_code="19", quad_class=4, goldstein=-10.0, verb_text="attacked",
    sentence_text="Russian troops attacked rebels in Aleppo on Saturday.", publisher="AFP", url="https://example.org/a",
    plover_event="ASSAULT", plover_mode="heavy-weapons",
    location_text="Aleppo", location_country="SYR", latitude=36.20124, longitude=37.16117,
)
RELEASE = make_event(
    event_id="fedcba9876543210", story_id="s2", sentence_index=2, date=dt.date(2016, 3, 1),
    source="IGOUNO", source_country=None, source_agent="IGOUNO", source_text="the United Nations",
    target=None, target_country=None, target_agent=None, target_text=None,
    event_code="0841", root_code="08", quad_class=2, goldstein=7.0, verb_text="released",
    sentence_text="The United Nations released the prisoners.", plover_event="RETREAT", plover_mode="release",
)
STATEMENT = make_event(event_id="00000000000000aa", story_id="s3", date=dt.date(2016, 3, 2), event_code="010", root_code="01")


def write_dataset(path: Path, events) -> Path:
    with DatasetWriter(path, metadata={"model": "test", "dictionary_fingerprint": "abc", "created": CREATED}) as out:
        out.write(events)
    return path


@pytest.fixture()
def dataset(tmp_path) -> Path:
    return write_dataset(tmp_path / "events", [ATTACK, RELEASE, STATEMENT])


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


# ------------------------------------------------------------------------------ formats


def test_icews_columns_and_a_known_row(dataset, tmp_path):
    out = tmp_path / "events.tsv"
    summary = export(dataset, "icews", str(out))
    assert (summary.events, summary.written, summary.left_out) == (3, 3, 0)
    assert out.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(icews.COLUMNS)
    by_id = {r["Event ID"]: r for r in rows(out)}
    assert by_id["0123456789abcdef"] == {
        "Event ID": "0123456789abcdef", "Event Date": "2017-12-08", "Source Name": "Russian troops",
        "Source Sectors": "MIL", "Source Country": "Russia", "Event Text": "Employ aerial weapons",
        "CAMEO Code": "195", "Intensity": "-10", "Target Name": "rebels", "Target Sectors": "REB",
        "Target Country": "Syria", "Story ID": "s1", "Sentence Number": "1", "Publisher": "AFP",
        "City": "Aleppo", "District": "", "Province": "", "Country": "Syria",
        "Latitude": "36.20124", "Longitude": "37.16117",
    }
    release = by_id["fedcba9876543210"]
    assert (release["CAMEO Code"], release["Source Country"], release["Target Name"], release["City"]) == ("0841", "", "", "")
    assert release["Event Text"] == "Return, release person(s)" and release["Sentence Number"] == "3"
    assert by_id["00000000000000aa"]["CAMEO Code"] == "010"


def test_gdelt_columns_and_a_known_row(dataset, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(dataset, "gdelt", str(out))
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == list(gdelt.COLUMNS) and len(header) == 58
    assert header[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    by_code = {r["EventCode"]: r for r in rows(out)}
    attack = by_code["195"]
    assert attack["GLOBALEVENTID"] == str(int("0123456789abcde", 16))
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"], attack["FractionDate"]) == ("20171208", "201712", "2017", "2017.9370")
    assert (attack["Actor1Code"], attack["Actor1Name"], attack["Actor1CountryCode"], attack["Actor1Type1Code"]) == ("RUSMIL", "Russian troops", "RUS", "MIL")
    assert (attack["Actor2Code"], attack["Actor2CountryCode"], attack["Actor2Type1Code"], attack["Actor2Type2Code"]) == ("SYRREB", "SYR", "REB", "")
    assert (attack["IsRootEvent"], attack["EventBaseCode"], attack["EventRootCode"], attack["QuadClass"]) == ("1", "195", "19", "4")
    assert (attack["GoldsteinScale"], attack["NumMentions"], attack["NumSources"], attack["NumArticles"], attack["AvgTone"]) == ("-10", "1", "1", "1", "")
    assert (attack["ActionGeo_Type"], attack["ActionGeo_FullName"], attack["ActionGeo_CountryCode"]) == ("4", "Aleppo, Syria", "SY")
    assert (attack["ActionGeo_Lat"], attack["ActionGeo_Long"]) == ("36.20124", "37.16117")
    assert all(attack[f"Actor{n}Geo_{f}"] == "" for n in (1, 2) for f in ("Type", "FullName", "Lat"))
    assert (attack["DATEADDED"], attack["SOURCEURL"]) == ("20240506", "https://example.org/a")
    release = by_code["0841"]
    assert (release["EventBaseCode"], release["EventRootCode"], release["IsRootEvent"]) == ("084", "08", "0")
    assert (release["Actor1CountryCode"], release["Actor1Type1Code"], release["Actor2Code"]) == ("", "IGO", "")
    assert release["ActionGeo_Type"] == "" and release["FractionDate"] == "2016.1671"
    assert "010" in by_code


def test_plover_records_and_left_out_statements(dataset, tmp_path):
    out = tmp_path / "events.jsonl"
    summary = export(dataset, "plover", str(out))
    assert (summary.events, summary.written, summary.left_out) == (3, 2, 1)
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {"0123456789abcdef", "fedcba9876543210"}  # 010: PLOVER drops statements
    attack = records["0123456789abcdef"]
    assert list(attack) == ["id", "date", "source", "recipient", "event", "mode", "context", "event_text",
                            "event_scale", "event_loc", "text", "text_info", "cite_info", "eventcoder"]
    assert attack["date"] == "2017-12-08"
    assert attack["source"] == [{"code": "RUS", "sector": "MIL", "actor_text": "Russian troops"}]
    assert attack["recipient"] == [{"code": "SYR", "sector": "REB", "actor_text": "rebels"}]
    assert (attack["event"], attack["mode"], attack["context"]) == (["ASSAULT"], "heavy-weapons", ["military"])
    assert attack["event_loc"] == {"name": "Aleppo", "cc3": "SYR", "latitude": 36.20124, "longitude": 37.16117}
    assert attack["cite_info"]["url"] == "https://example.org/a" and attack["cite_info"]["publication"] == "AFP"
    assert attack["eventcoder"]["event_code"] == "195" and attack["eventcoder"]["story_date"] == "2017-03-04"
    release = records["fedcba9876543210"]
    assert "recipient" not in release and "event_loc" not in release
    assert release["source"] == [{"code": "IGO", "sector": "UNO", "actor_text": "the United Nations"}]
    assert (release["event"], release["mode"], release["context"]) == (["RETREAT"], "release", ["legal"])
    assert release["eventcoder"]["event_code"] == "0841" and release["event_scale"] == 7.0


def test_global_event_ids_are_64_bit_integers():
    assert gdelt.global_id("0123456789abcdef") == 0x0123456789ABCDE
    other = gdelt.global_id("2017-story-7")  # not an id eventcoder writes: hashed, same every time
    assert other == gdelt.global_id("2017-story-7") != gdelt.global_id("2017-story-8")
    assert all(0 <= gdelt.global_id(i) < 2**60 for i in ("ffffffffffffffff", "x", ""))


def test_stdout_and_a_single_parquet_file(dataset, capsys):
    (one,) = [f for f in data_files(dataset) if "year=2017" in str(f)]
    summary = export(one, "icews", "-")
    lines = capsys.readouterr().out.splitlines()
    assert summary.events == 1 and len(lines) == 2 and lines[1].startswith("0123456789abcdef\t2017-12-08\t")


# ------------------------------------------------------------------------------ reading


def test_batches_stream_every_row_in_small_batches(tmp_path):
    many = [make_event(event_id=f"{i:016x}", sentence_index=i, date=dt.date(2015 + i % 2, 1, 1)) for i in range(7)]
    files = data_files(write_dataset(tmp_path / "events", many))
    sizes = [b.table.num_rows for b in batches(files, rows=2)]
    assert max(sizes) <= 2 and sum(sizes) == 7


def test_older_dataset_without_plover_columns_and_a_deduplicated_one(tmp_path):
    table = events_to_table([ATTACK, RELEASE])
    old = table.drop_columns(["plover_event", "plover_mode", "location_text", "location_country", "latitude", "longitude"])
    old = old.replace_schema_metadata({METADATA_KEY: json.dumps({"created": CREATED}).encode()})
    pq.write_table(old, tmp_path / "old.parquet")
    export(tmp_path / "old.parquet", "plover", str(tmp_path / "old.jsonl"))
    records = [json.loads(line) for line in (tmp_path / "old.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["event"], r.get("mode")) for r in records] == [(["ASSAULT"], "heavy-weapons"), (["RETREAT"], "release")]

    counts = [pa.array([3, 1], DEDUPE_FIELDS[0].type), pa.array([2, 1], DEDUPE_FIELDS[1].type)]
    merged = table.append_column(DEDUPE_FIELDS[0].name, counts[0]).append_column(DEDUPE_FIELDS[1].name, counts[1])
    pq.write_table(merged.replace_schema_metadata(old.schema.metadata), tmp_path / "merged.parquet")
    export(tmp_path / "merged.parquet", "gdelt", str(tmp_path / "merged.tsv"))
    got = [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows(tmp_path / "merged.tsv")]
    assert got == [("3", "", "2"), ("1", "", "1")]


# ------------------------------------------------------------------------------ errors


def test_missing_or_foreign_dataset_is_e700(tmp_path):
    with pytest.raises(DatasetError, match=r"E700.*dataset not found"):
        export(tmp_path / "nothing", "icews", str(tmp_path / "out.tsv"))
    (tmp_path / "folder").mkdir()
    with pytest.raises(DatasetError, match=r"E700.*_eventcoder.json"):
        export(tmp_path / "folder", "icews", str(tmp_path / "out.tsv"))
    pq.write_table(pa.table({"x": [1]}), tmp_path / "other.parquet")
    with pytest.raises(DatasetError, match=r"E700.*no eventcoder metadata"):
        export(tmp_path / "other.parquet", "gdelt", str(tmp_path / "out.tsv"))
    assert not (tmp_path / "out.tsv").exists()


def test_unknown_format_and_unsafe_outputs(dataset, tmp_path):
    with pytest.raises(InputError, match=r"E100.*--format"):
        export(dataset, "acled", str(tmp_path / "out.tsv"))
    existing = tmp_path / "out.tsv"
    existing.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match=r"E400.*output exists.*--overwrite"):
        export(dataset, "icews", str(existing))
    assert existing.read_text(encoding="utf-8") == "keep me"
    export(dataset, "icews", str(existing), overwrite=True)
    assert existing.read_text(encoding="utf-8").startswith("Event ID\t")
    with pytest.raises(OutputError, match=r"E400.*into the dataset"):
        export(dataset, "icews", str(dataset / "inside.tsv"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events", "out.tsv"]  # no temporary file left


def test_cli_export_and_its_errors(dataset, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "eventcoder", "export", *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=120)

    done = run(str(dataset), "--format", "plover", "--output", str(tmp_path / "e.jsonl"))
    assert done.returncode == 0, done.stderr
    assert "exported 2 of 3 events as plover" in done.stderr and "1 left out" in done.stderr
    piped = run(str(dataset), "--format", "gdelt", "--output", "-", "--quiet")
    assert piped.returncode == 0 and piped.stderr == "" and len(piped.stdout.splitlines()) == 4
    missing = run(str(tmp_path / "nothing"), "--format", "icews", "--output", str(tmp_path / "x.tsv"))
    assert missing.returncode == 1 and "[E700]" in missing.stderr and "Traceback" not in missing.stderr


# ------------------------------------------------------------------------------ properties

hex_ids = st.text("0123456789abcdef", min_size=16, max_size=16)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(event_strategy, hex_ids), min_size=1, max_size=12, unique_by=lambda pair: pair[1]))
def test_every_event_exported_once_with_its_codes(tmp_path_factory, pairs):
    from eventcoder import plover

    events = [e for e, _ in pairs]
    for event, event_id in pairs:
        event.event_id = event_id
        event.plover_event = plover.EVENTS.get(event.event_code)
    folder = write_dataset(tmp_path_factory.mktemp("prop") / "events", events)
    expected = sorted((e.event_id, e.event_code) for e in events)
    for fmt, id_column, code_column in (("icews", "Event ID", "CAMEO Code"), ("gdelt", "GLOBALEVENTID", "EventCode")):
        out = folder.parent / f"out.{fmt}"
        summary = export(folder, fmt, str(out))
        got = rows(out)
        assert summary.written == len(got) == len(events)
        ids = {e.event_id: e.event_id if fmt == "icews" else str(gdelt.global_id(e.event_id)) for e in events}
        assert sorted((r[id_column], r[code_column]) for r in got) == sorted((ids[i], c) for i, c in expected)
    summary = export(folder, "plover", str(folder.parent / "out.jsonl"))
    lines = (folder.parent / "out.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert summary.written == len(records) == sum(e.plover_event is not None for e in events)
    assert sorted((r["id"], r["eventcoder"]["event_code"]) for r in records) == sorted(
        (e.event_id, e.event_code) for e in events if e.plover_event is not None
    )
