"""The one explicit Arrow schema of the events output, and conversions to and from it.

Every writer (Parquet, CSV, JSONL) goes through :func:`events_to_table`, so all output formats
share the same column names, order and types:

* codes (``event_code``, ``root_code``) are strings, never numbers: ``"010"`` stays ``"010"``;
* dates (``date``, ``story_date``) are ``date32`` (calendar days, no time, no time zone);
* ``quad_class`` is ``int8`` and ``goldstein`` is ``float32``.

A written Parquet dataset carries one more column, :data:`PARTITION_FIELD` (``year``, int16),
derived from ``date``: it only exists as the hive folder name (``year=2017/``), never inside the
files, and is ignored by :func:`table_to_events`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .records import Event, Rejected

#: Bumped whenever a column is added, removed, renamed or retyped.
SCHEMA_VERSION = 3  # 2: source/target_country_inferred, trigger; 3: plover_*, location_*, latitude/longitude

EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("story_id", pa.string(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("date", pa.date32(), nullable=False),
        pa.field("story_date", pa.date32()),
        pa.field("source", pa.string(), nullable=False),
        pa.field("source_country", pa.string()),
        pa.field("source_agent", pa.string()),
        pa.field("source_text", pa.string()),
        pa.field("target", pa.string()),
        pa.field("target_country", pa.string()),
        pa.field("target_agent", pa.string()),
        pa.field("target_text", pa.string()),
        pa.field("event_code", pa.string(), nullable=False),
        pa.field("root_code", pa.string(), nullable=False),
        pa.field("quad_class", pa.int8(), nullable=False),
        pa.field("goldstein", pa.float32()),
        pa.field("verb_text", pa.string(), nullable=False),
        pa.field("pattern", pa.string(), nullable=False),
        pa.field("sentence_text", pa.string(), nullable=False),
        pa.field("publisher", pa.string()),
        pa.field("url", pa.string()),
        pa.field("source_country_inferred", pa.bool_(), nullable=False),
        pa.field("target_country_inferred", pa.bool_(), nullable=False),
        pa.field("trigger", pa.string(), nullable=False),
        pa.field("plover_event", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("location_text", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
    ]
)

#: Column names of the events output, in order.
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_SCHEMA.names)

#: The hive partition column of a written Parquet dataset (``year=2017/``), derived from ``date``.
PARTITION_FIELD = pa.field("year", pa.int16(), nullable=False)

#: The schema a reader sees when it loads a written dataset with its partition column.
DATASET_SCHEMA = EVENT_SCHEMA.append(PARTITION_FIELD)

#: Keys of one line of ``rejected.jsonl``, in order (the fields of :class:`Rejected`).
REJECTED_FIELDS: tuple[str, ...] = ("origin", "reason", "field", "raw")

_DATE_COLUMNS = frozenset(f.name for f in EVENT_SCHEMA if pa.types.is_date(f.type))
_FLOAT32_COLUMNS = frozenset(f.name for f in EVENT_SCHEMA if pa.types.is_float32(f.type))


def events_to_table(events: Sequence[Event]) -> pa.Table:
    """Build an Arrow table in :data:`EVENT_SCHEMA` from events, one column at a time.

    Raises ``ValueError`` naming the column if a non-nullable column holds ``None`` (for example
    an Event without a ``date``): such a table would be silently invalid in Parquet.
    """
    arrays = [_array([getattr(event, f.name) for event in events], f.type) for f in EVENT_SCHEMA]
    for f, array in zip(EVENT_SCHEMA, arrays):
        if not f.nullable and array.null_count:
            first = next(i for i, ok in enumerate(array.is_valid().to_pylist()) if not ok)
            raise ValueError(
                f"event {events[first].event_id!r}: column '{f.name}' is required but is None"
            )
    return pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)


_EPOCH = dt.date(1970, 1, 1).toordinal()
_NUMPY_TYPES = {pa.int8(): np.int8, pa.int16(): np.int16, pa.int32(): np.int32, pa.int64(): np.int64,
                pa.float32(): np.float32, pa.float64(): np.float64}


def _array(values: list, type_: pa.DataType) -> pa.Array:
    """``pa.array(values, type_)`` built from its buffers with numpy. ``pa.array`` asks pyarrow's
    pandas shim whether the values are a pandas object, which imports pandas: a fifth of a
    second of every run's start-up, for nothing. The arrays are equal to ``pa.array``'s."""
    n = len(values)
    present = np.fromiter((v is not None for v in values), dtype=np.bool_, count=n)
    nulls = n - int(present.sum())
    validity = pa.py_buffer(np.packbits(present, bitorder="little")) if nulls else None
    if pa.types.is_string(type_):
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=n), out=offsets[1:])
        if offsets[-1] >= 2**31:
            return pa.array(values, type=type_, from_pandas=False)  # over 2 GB of text: pyarrow's own way
        buffers = [validity, pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(b"".join(encoded))]
    elif pa.types.is_boolean(type_):
        bits = np.fromiter((bool(v) for v in values), dtype=np.bool_, count=n)
        buffers = [validity, pa.py_buffer(np.packbits(bits, bitorder="little"))]
    elif pa.types.is_date32(type_):
        days = np.fromiter((0 if v is None else v.toordinal() - _EPOCH for v in values), dtype=np.int32, count=n)
        buffers = [validity, pa.py_buffer(days)]
    elif type_ in _NUMPY_TYPES:
        zero = 0.0 if pa.types.is_floating(type_) else 0
        data = np.array([zero if v is None else v for v in values], dtype=_NUMPY_TYPES[type_])
        buffers = [validity, pa.py_buffer(data)]
    else:
        return pa.array(values, type=type_, from_pandas=False)
    return pa.Array.from_buffers(type_, n, buffers, null_count=nulls)


def with_year(table: pa.Table) -> pa.Table:
    """Return ``table`` plus the ``year`` partition column (int16) derived from ``date``."""
    year = pc.year(table.column("date")).cast(pa.int16())
    return table.append_column(PARTITION_FIELD, year)


def conform(table: pa.Table) -> pa.Table:
    """Select and cast the event columns of any table read back (extra columns such as ``year``
    are dropped; a dictionary-encoded or differently-typed column is cast to the schema type)."""
    missing = [name for name in EVENT_COLUMNS if name not in table.column_names]
    if missing:
        raise ValueError(f"not an events table: missing column(s) {', '.join(missing)}")
    columns = [table.column(f.name).cast(f.type) for f in EVENT_SCHEMA]
    return pa.Table.from_arrays(columns, schema=EVENT_SCHEMA.remove_metadata())


def float32_value(value: float | None) -> float | None:
    """The shortest decimal that reads back as the same float32: 2.8, not 2.799999952316284.

    Goldstein scores are stored as float32; this is how they are shown in CSV/JSONL output and
    returned by :func:`table_to_events`, so a score written as 2.8 reads back as 2.8.
    """
    if value is None:
        return None
    return float(str(np.float32(value)))


def table_to_rows(table: pa.Table) -> Iterable[dict]:
    """Yield one plain dict per row, in schema order, with float32 values shown as decimals."""
    table = conform(table)
    for batch in table.to_batches():
        for row in batch.to_pylist():
            for name in _FLOAT32_COLUMNS:
                row[name] = float32_value(row[name])
            yield row


def table_to_events(table: pa.Table) -> list[Event]:
    """Turn a table read back (from Parquet, a dataset, or :func:`events_to_table`) into Events.

    The inverse of :func:`events_to_table` for events whose ``goldstein`` is a short decimal
    (float32 precision); ``source_entry``/``target_entry`` are not stored and come back ``None``.
    """
    return [Event(**row) for row in table_to_rows(table)]


def rejected_to_dict(rejected: Rejected) -> dict:
    """One line of ``rejected.jsonl``: the keys of :data:`REJECTED_FIELDS`, in order."""
    return {name: getattr(rejected, name) for name in REJECTED_FIELDS}


def json_default(value: object) -> str:
    """``json.dumps(default=...)`` for output rows and metadata: dates as ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


#: The columns ``eventcoder dedupe`` adds after the event columns (docs/output.md, Deduplication):
#: how many events were merged into the row, from how many distinct stories, and which ones
#: (``story_ids`` distinct and sorted, ``event_ids`` one per merged event, sorted). The lists'
#: item is named ``element``, as Parquet names it, so a dataset reads back with this schema.
DEDUPE_FIELDS: tuple[pa.Field, ...] = (
    pa.field("n_mentions", pa.int32(), nullable=False),
    pa.field("n_stories", pa.int32(), nullable=False),
    pa.field("story_ids", pa.list_(pa.field("element", pa.string())), nullable=False),
    pa.field("event_ids", pa.list_(pa.field("element", pa.string())), nullable=False),
)

#: The schema of a deduplicated dataset: the event columns in order, then :data:`DEDUPE_FIELDS`.
DEDUPED_SCHEMA = pa.schema(list(EVENT_SCHEMA) + list(DEDUPE_FIELDS))

#: Column names of a deduplicated dataset, in order.
DEDUPED_COLUMNS: tuple[str, ...] = tuple(DEDUPED_SCHEMA.names)
