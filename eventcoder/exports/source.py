"""Read an eventcoder dataset for export: a batch of rows at a time, never the whole dataset.

The input is the folder ``eventcoder code`` writes (checked by :func:`eventcoder.dataset.open_dataset`)
or one Parquet file of it (checked here: it must carry eventcoder's schema metadata). Files are
read in path order and each file batch by batch, so an export is deterministic and its memory does
not grow with the dataset.

Datasets written before schema version 3 lack the PLOVER and location columns (and version 1 the
inferred-country flags and ``trigger``): those columns come back null (``trigger`` "verb", the
flags false), and the PLOVER columns are looked up from ``event_code``. ``n_mentions`` and
``n_stories``, written by ``eventcoder dedupe``, are read when present.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from ..dataset import open_dataset
from ..errors import DatasetError
from ..plover import EVENTS, MODES
from ..schema import DEDUPE_FIELDS, EVENT_SCHEMA
from ..writers import METADATA_KEY
from .names import Lookup

BATCH_ROWS = 16_384
#: Columns a dataset of an older schema version may lack, with the value they take then (its
#: PLOVER columns are looked up from ``event_code`` instead).
_DEFAULTS = {
    "location_text": None, "location_country": None, "latitude": None, "longitude": None,
    "source_country_inferred": False, "target_country_inferred": False, "trigger": "verb",
}
#: The counts of a deduplicated dataset (``n_mentions``, ``n_stories``), null when absent.
MERGE_COLUMNS = tuple(pa.field(f.name, f.type) for f in DEDUPE_FIELDS if f.name in ("n_mentions", "n_stories"))
_FIX_FILE = "give the dataset folder `eventcoder code --output DIR` wrote, or one of its .parquet files"


@dataclass(frozen=True)
class Batch:
    """Rows of one file: the event columns asked for (in :data:`~eventcoder.schema.EVENT_SCHEMA`
    order and types), then the merge columns (null when absent); with the ``created`` time of the
    run that wrote the file (or None)."""

    table: pa.Table
    created: str | None

    def column(self, name: str) -> pa.Array:
        return self.table.column(name).combine_chunks()


def data_files(path: str | Path) -> tuple[Path, ...]:
    """The Parquet files of a dataset folder, or the one file given; E700 when it is neither."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".parquet":
        try:
            metadata = pq.read_schema(path).metadata or {}
        except (OSError, pa.ArrowInvalid) as err:
            raise DatasetError(f"cannot read the Parquet file: {err}", file=path, fix=_FIX_FILE) from err
        if METADATA_KEY not in metadata:
            raise DatasetError("not a file eventcoder wrote: no eventcoder metadata in its schema", file=path, fix=_FIX_FILE)
        return (path,)
    return open_dataset(path).files


def _created(schema: pa.Schema) -> str | None:
    try:
        run = json.loads((schema.metadata or {}).get(METADATA_KEY, b"{}"))
    except ValueError:
        return None
    created = run.get("created") if isinstance(run, dict) else None
    return created if isinstance(created, str) else None


def _complete(table: pa.Table, path: Path, fields: list[pa.Field], plover: tuple[Lookup, Lookup]) -> pa.Table:
    """The batch's ``fields`` (in EVENT_SCHEMA order and types), then the merge columns."""
    rows = table.num_rows
    columns = []
    for f in fields:
        if f.name in table.column_names:
            columns.append(table.column(f.name).cast(f.type))
        elif f.name == "plover_event" or f.name == "plover_mode":
            columns.append(plover[f.name == "plover_mode"](table.column("event_code")))
        elif f.name in _DEFAULTS:
            columns.append(pa.array([_DEFAULTS[f.name]] * rows, f.type))
        else:
            raise DatasetError(
                f"not an events table: no '{f.name}' column", file=path, field=f.name,
                fix="give a dataset written by `eventcoder code`",
            )
    for f in MERGE_COLUMNS:
        present = f.name in table.column_names
        columns.append(table.column(f.name).cast(f.type) if present else pa.nulls(rows, f.type))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields + list(MERGE_COLUMNS)))


def batches(files: tuple[Path, ...], columns: Collection[str] | None = None, rows: int = BATCH_ROWS) -> Iterator[Batch]:
    """Every row of the files, in order, ``rows`` at a time, with the event ``columns`` asked for
    (default: all) and the merge columns. Only those columns are read, and only one batch is read
    ahead, so memory holds about two batches whatever the dataset's size."""
    plover = (Lookup(EVENTS), Lookup(MODES))
    fields = [f for f in EVENT_SCHEMA.remove_metadata() if columns is None or f.name in columns]
    wanted = {f.name for f in fields} | {f.name for f in MERGE_COLUMNS} | {"event_code"}  # PLOVER of an old dataset
    for path in files:
        part = pads.dataset(path, format="parquet")
        read = [name for name in part.schema.names if name in wanted]
        created = _created(part.schema)
        for batch in part.to_batches(columns=read, batch_size=rows, batch_readahead=1, fragment_readahead=1):
            if batch.num_rows:
                yield Batch(_complete(pa.Table.from_batches([batch]), path, fields, plover), created)
