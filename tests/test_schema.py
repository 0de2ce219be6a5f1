"""The events schema: column order and types, and the Event <-> Arrow table round trip."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.records import Event, Rejected
from eventcoder.schema import (
    DATASET_SCHEMA,
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    REJECTED_FIELDS,
    events_to_table,
    float32_value,
    rejected_to_dict,
    table_to_events,
    with_year,
)

EXPECTED = [
    ("event_id", pa.string(), False),
    ("story_id", pa.string(), False),
    ("sentence_index", pa.int32(), False),
    ("date", pa.date32(), False),
    ("story_date", pa.date32(), True),
    ("source", pa.string(), False),
    ("source_country", pa.string(), True),
    ("source_agent", pa.string(), True),
    ("source_text", pa.string(), True),
    ("target", pa.string(), True),
    ("target_country", pa.string(), True),
    ("target_agent", pa.string(), True),
    ("target_text", pa.string(), True),
    ("event_code", pa.string(), False),
    ("root_code", pa.string(), False),
    ("quad_class", pa.int8(), False),
    ("goldstein", pa.float32(), True),
    ("verb_text", pa.string(), False),
    ("pattern", pa.string(), False),
    ("sentence_text", pa.string(), False),
    ("publisher", pa.string(), True),
    ("url", pa.string(), True),
    ("source_country_inferred", pa.bool_(), False),
    ("target_country_inferred", pa.bool_(), False),
    ("trigger", pa.string(), False),
    ("plover_event", pa.string(), True),
    ("plover_mode", pa.string(), True),
    ("location_text", pa.string(), True),
    ("location_country", pa.string(), True),
    ("latitude", pa.float64(), True),
    ("longitude", pa.float64(), True),
]


def make_event(**changes) -> Event:
    values = dict(
        event_id="e1", story_id="s1", sentence_index=0, date=dt.date(2017, 3, 4), story_date=dt.date(2017, 3, 4),
        source="USAGOV", source_country="USA", source_agent="GOV", source_text="Washington",
        target="RUS", target_country="RUS", target_agent=None, target_text="Moscow",
        event_code="010", root_code="01", quad_class=1, goldstein=0.0, verb_text="said",
        pattern="* SAY", sentence_text="Washington said Moscow was wrong.", publisher="AFP", url=None,
    )
    values.update(changes)
    return Event(**values)


def test_schema_columns_types_and_nullability_in_order():
    assert [(f.name, f.type, f.nullable) for f in EVENT_SCHEMA] == EXPECTED
    assert list(EVENT_COLUMNS) == [name for name, _, _ in EXPECTED]


def test_schema_covers_every_stored_event_field():
    stored = [name for name in Event.__dataclass_fields__ if name not in ("source_entry", "target_entry")]
    assert stored == list(EVENT_COLUMNS)


def test_dataset_schema_adds_int16_year():
    assert DATASET_SCHEMA.names == [*EVENT_COLUMNS, "year"]
    assert DATASET_SCHEMA.field("year").type == pa.int16()


def test_events_to_table_keeps_codes_as_strings_and_dates_as_dates():
    table = events_to_table([make_event(event_code="010", root_code="01")])
    assert table.schema.equals(EVENT_SCHEMA)
    row = table.to_pylist()[0]
    assert row["event_code"] == "010" and row["root_code"] == "01"
    assert row["date"] == dt.date(2017, 3, 4)


def test_events_to_table_empty():
    table = events_to_table([])
    assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA)


def test_required_column_none_is_an_error_naming_the_column():
    with pytest.raises(ValueError, match="'date'"):
        events_to_table([make_event(), make_event(event_id="e2", date=None)])


def test_with_year_derives_int16_year_from_date():
    table = with_year(events_to_table([make_event(date=dt.date(1999, 12, 31))]))
    assert table.schema.field("year").type == pa.int16()
    assert table.column("year").to_pylist() == [1999]


def test_goldstein_reads_back_as_written_decimal():
    assert float32_value(2.8) == 2.8
    assert float32_value(-7.2) == -7.2
    assert float32_value(None) is None
    [event] = table_to_events(events_to_table([make_event(goldstein=2.8)]))
    assert event.goldstein == 2.8


def test_table_to_events_ignores_extra_columns():
    events = [make_event()]
    assert table_to_events(with_year(events_to_table(events))) == events


def test_rejected_fields_match_the_record():
    assert list(REJECTED_FIELDS) == list(Rejected.__dataclass_fields__)
    assert rejected_to_dict(Rejected("f.jsonl:3", "bad", "text", "{}")) == {
        "origin": "f.jsonl:3", "reason": "bad", "field": "text", "raw": "{}",
    }


# ------------------------------------------------------------------------------ Hypothesis

codes = st.from_regex(r"[0-9]{2,4}", fullmatch=True)
texts = st.text(max_size=30)
maybe = lambda strategy: st.none() | strategy  # noqa: E731
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
# Goldstein scores are decimals with one digit in [-10, 10]; float32 keeps them exactly as written.
goldsteins = st.integers(-100, 100).map(lambda tenths: tenths / 10)

events = st.builds(
    Event,
    event_id=texts, story_id=texts, sentence_index=st.integers(0, 2**31 - 1), date=dates,
    story_date=maybe(dates), source=texts, source_country=maybe(texts), source_agent=maybe(texts),
    source_text=maybe(texts), target=maybe(texts), target_country=maybe(texts), target_agent=maybe(texts),
    target_text=maybe(texts), event_code=codes, root_code=codes, quad_class=st.integers(-128, 127),
    goldstein=maybe(goldsteins), verb_text=texts, pattern=texts, sentence_text=texts,
    publisher=maybe(texts), url=maybe(texts), source_entry=st.none(), target_entry=st.none(),
    source_country_inferred=st.booleans(), target_country_inferred=st.booleans(),
    trigger=st.sampled_from(["verb", "noun"]),
    plover_event=maybe(texts), plover_mode=maybe(texts), location_text=maybe(texts),
    location_country=maybe(texts),
    latitude=maybe(st.floats(-90, 90, allow_nan=False)), longitude=maybe(st.floats(-180, 180, allow_nan=False)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(events, max_size=20))
def test_events_survive_table_round_trip(batch):
    assert table_to_events(events_to_table(batch)) == batch


@settings(max_examples=200, deadline=None)
@given(st.lists(events, max_size=20))
def test_events_table_equals_pyarrows_own_conversion(batch):
    """events_to_table builds its columns from buffers (without pa.array, which imports pandas):
    the table equals the one pa.array builds, column for column."""
    import pyarrow as pa

    from eventcoder.schema import EVENT_SCHEMA, events_to_table

    expected = pa.Table.from_arrays(
        [pa.array([getattr(e, f.name) for e in batch], type=f.type) for f in EVENT_SCHEMA], schema=EVENT_SCHEMA)
    assert events_to_table(batch).equals(expected)


def test_writing_events_does_not_import_pandas():
    import subprocess
    import sys

    code = ("import sys, datetime as dt; from eventcoder.records import Event; from eventcoder.schema import "
            "events_to_table; import pyarrow.parquet as pq, io; "
            "e = Event(event_id='a', story_id='s', sentence_index=0, date=dt.date(2020, 1, 2), story_date=None, "
            "source='RUS', source_country='RUS', source_agent=None, source_text='Russia', target='UKR', "
            "target_country='UKR', target_agent=None, target_text='Ukraine', event_code='190', root_code='19', "
            "quad_class=4, goldstein=-10.0, verb_text='attacked', pattern='x', sentence_text='t', publisher=None, "
            "url=None, source_entry=None, target_entry=None, source_country_inferred=False, "
            "target_country_inferred=False, trigger='verb', plover_event=None, plover_mode=None, "
            "location_text=None, location_country=None, latitude=None, longitude=None); "
            "pq.write_table(events_to_table([e]), io.BytesIO()); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
