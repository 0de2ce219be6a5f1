"""Write coded events as a Parquet dataset, a CSV file or a JSONL file, all or nothing.

The package: :mod:`.commit` (:class:`DatasetWriter`, the commit, stale and scratch folders),
:mod:`.parquet` and :mod:`.files` (the formats), :mod:`.ids` (duplicate checks for ``append``),
:mod:`.common` (what they share). The names below are the public API; import them from here.

Layout of a Parquet dataset (a folder)::

    events/
      _eventcoder.json              provenance: versions, model, dictionaries, options, counts
      _rejected.jsonl               rejected input records (only if there were any)
      year=2017/part-<run>-00000.parquet
      year=2018/part-<run>-00001.parquet   (a resumable run: part-<run>-c<chunk>.parquet, eventcoder/checkpoint.py)
      part-<run>-empty.parquet      only for a run without events: carries the schema

Files starting with ``_`` are ignored by ``pyarrow.dataset``, pandas and DuckDB's
``read_parquet('events/**/*.parquet', hive_partitioning=true)``, so the folder loads as is.
Every Parquet file also carries the run's metadata (JSON) under the schema metadata key
``b"eventcoder"``.

A CSV or JSONL output is one file (``events.csv``); rejected records go to
``events.rejected.jsonl`` and the provenance to ``events.eventcoder.json`` beside it. That
provenance file, naming the output file, is eventcoder's mark: an existing CSV/JSONL file is only
replaced (``overwrite``) or extended (``append``) when it carries the mark, as a Parquet folder is
only replaced when it holds ``_eventcoder.json``.

Atomicity: everything is written into one hidden temporary folder beside the output
(``.events.tmp-<8 hex>``, for a file output too) and renamed into place by
:meth:`DatasetWriter.commit`, with Ctrl-C and SIGTERM held back while the renames run. An
exception (or interruption) inside the ``with`` block removes the temporary folder and leaves any
existing output untouched. ``overwrite`` renames the old output aside (``.events.old-<8 hex>``),
the new one in, then deletes the old one. ``append`` moves the new part files into the existing
dataset and rewrites its metadata last (for CSV/JSONL the existing file is copied, extended and
renamed back, so append is atomic there too); it is refused if any of the run's event ids is
already in the output (the same stories coded twice).

A run holds a lock (``flock``) on its temporary folder. When it opens, it removes the temporary
folders of its own output name left by an earlier run that was killed (``.events.tmp-<8 hex>``
entries nobody holds a lock on and that hold no checkpoints, ``_resume/``; nothing else is ever
removed) and reports ``.events.old-<8 hex>``
entries, which may hold the only copy of a replaced output; see :attr:`DatasetWriter.notes`.
A writer never writes over one of the run's inputs (``inputs``). :func:`scratch_folder` is a
working folder of the same kind for a command's intermediate files (``eventcoder dedupe``).
"""

from .commit import DatasetWriter, clean_stale, last_committed, scratch_folder
from .common import COMPRESSION, FORMATS, ID_CHUNK, METADATA_FILE, METADATA_KEY, REJECTED_FILE, in_use, new_run_id
from .ids import count_shared_ids, csv_ids, jsonl_ids, parquet_ids
from .parquet import year_parts

__all__ = [
    "COMPRESSION", "FORMATS", "ID_CHUNK", "METADATA_FILE", "METADATA_KEY", "REJECTED_FILE", "DatasetWriter",
    "clean_stale", "count_shared_ids", "csv_ids", "in_use", "jsonl_ids", "last_committed", "new_run_id",
    "parquet_ids", "scratch_folder", "year_parts",
]
