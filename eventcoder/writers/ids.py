"""Event ids of an output, streamed in chunks: an append is refused when it would add events the
output already holds (the same stories coded twice)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..schema import (
    EVENT_COLUMNS,
    PARTITION_FIELD,
)
from .common import ID_CHUNK


def _rechunk(arrays: Iterable[pa.Array], size: int) -> Iterator[pa.Array]:
    """Concatenate string arrays into chunks of about ``size`` values."""
    buffer: list[pa.Array] = []
    count = 0
    for array in arrays:
        if len(array) == 0:
            continue
        buffer.append(array.cast(pa.string()))
        count += len(array)
        if count >= size:
            yield pa.concat_arrays(buffer)
            buffer, count = [], 0
    if buffer:
        yield pa.concat_arrays(buffer)


def count_shared_ids(
    new: Callable[[], Iterable[pa.Array]], existing: Callable[[], Iterable[pa.Array]], chunk: int = ID_CHUNK
) -> tuple[int, str | None]:
    """How many ids of ``new()`` also occur in ``existing()``, and one of them.

    Both are streams of string arrays (re-opened by calling them). Memory holds one chunk of
    each side: every chunk of new ids is compared with the existing ids, streamed chunk by chunk."""
    shared, example = 0, None
    for ids in _rechunk(new(), chunk):
        hit = None
        for block in _rechunk(existing(), chunk):
            found = pc.is_in(ids, value_set=block)
            hit = found if hit is None else pc.or_(hit, found)
        if hit is None:
            return 0, None  # the existing output has no events
        count = pc.sum(pc.cast(hit, pa.int64())).as_py() or 0
        if count and example is None:
            example = ids.filter(hit)[0].as_py()
        shared += count
    return shared, example


def _data_files(folder: Path) -> list[Path]:
    """The Parquet files of a dataset folder, as the loaders see them (no hidden or ``_`` files)."""
    files = list(folder.glob(f"{PARTITION_FIELD.name}=*/*.parquet")) + list(folder.glob("*.parquet"))
    return sorted(f for f in files if not f.name.startswith((".", "_")))


def parquet_ids(folder: Path) -> Iterator[pa.Array]:
    """The ``event_id`` column of a dataset folder, read one row group at a time."""
    for file in _data_files(folder):
        parquet = pq.ParquetFile(file)
        for group in range(parquet.metadata.num_row_groups):
            yield parquet.read_row_group(group, columns=["event_id"]).column(0).combine_chunks()


def csv_ids(path: Path, start: int = 0) -> Iterator[pa.Array]:
    """The ``event_id`` column of an eventcoder CSV file, streamed; from byte ``start`` (a record
    start after the header) if given."""
    import pyarrow.csv as pacsv

    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() <= start:
            return
        handle.seek(start)
        reader = pacsv.open_csv(
            handle,
            read_options=pacsv.ReadOptions(column_names=list(EVENT_COLUMNS) if start else None, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(include_columns=["event_id"], column_types={"event_id": pa.string()}),
        )
        for batch in reader:
            yield batch.column(0)


_JSONL_ID = re.compile(rb'\{"event_id": "([^"\\]*)"')


def jsonl_ids(path: Path, start: int = 0, batch: int = 65_536) -> Iterator[pa.Array]:
    """The ``event_id`` of each line of an eventcoder JSONL file, streamed (from byte ``start``)."""
    ids: list[str] = []
    with open(path, "rb") as handle:
        handle.seek(start)
        for line in handle:
            match = _JSONL_ID.match(line)
            if match:
                ids.append(match.group(1).decode("utf-8"))
            elif line.strip():
                ids.append(str(json.loads(line)["event_id"]))
            if len(ids) >= batch:
                yield pa.array(ids, pa.string())
                ids = []
    if ids:
        yield pa.array(ids, pa.string())
