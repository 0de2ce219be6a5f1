"""The Parquet format: a hive-partitioned dataset folder (``year=YYYY/part-<run>-NNNNN.parquet``),
written into the run's temporary folder and moved into place at the commit."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import OutputError
from ..testhooks import kill_point
from ..schema import (
    EVENT_SCHEMA,
    PARTITION_FIELD,
    SCHEMA_VERSION,
    with_year,
)
from .common import (
    METADATA_FILE, REJECTED_FILE, METADATA_KEY, COMPRESSION, _FIX_EXISTS, _dumps, _write_json, _remove,
    _output_error, _unlock, _temp_sibling, _read_metadata, _merge_metadata, _try_lock, _rename_into_place,
    _replace_atomically, _append_file,
)
from .ids import parquet_ids


class _ParquetSink:
    """A hive-partitioned (``year=YYYY/``) Parquet dataset folder."""

    def __init__(self, path: Path, run_id: str, max_rows_per_file: int, schema: pa.Schema = EVENT_SCHEMA,
                 temp: Path | None = None) -> None:
        self.path = path
        self.run_id = run_id
        self.max_rows_per_file = max_rows_per_file
        self._adopted = temp is not None  # continue in the temporary folder of an interrupted run
        self.temp = temp or _temp_sibling(path)
        self.schema = schema
        self._writers: dict[int, tuple[pq.ParquetWriter, int]] = {}  # year -> (writer, rows)
        self._files = 0
        self._lock_fd: int | None = None
        self._existed = False

    def owned_paths(self) -> list[Path]:
        return [self.path]

    @property
    def existing_ids(self) -> Callable[[], Iterator[pa.Array]] | None:
        """The ids already in the output (appending to a dataset with data), else None."""
        if not self._existed:
            return None
        return lambda: parquet_ids(self.path)

    def new_ids(self) -> Iterator[pa.Array]:
        return parquet_ids(self.temp)

    def close_data(self) -> None:
        self._close_writers()

    @property
    def rejected_path(self) -> Path:
        return self.path / REJECTED_FILE

    @property
    def metadata_path(self) -> Path:
        return self.path / METADATA_FILE

    @property
    def temp_rejected_path(self) -> Path:
        return self.temp / REJECTED_FILE

    def check(self, *, overwrite: bool, append: bool) -> None:
        """Refuse to clobber: an existing output needs overwrite/append, and must be a dataset."""
        if not self.path.exists() and not self.path.is_symlink():
            return  # a new dataset (appending to nothing creates it too)
        self._existed = append and self.path.is_dir() and (self.path / METADATA_FILE).is_file()
        if not (overwrite or append):
            raise OutputError("output already exists", file=self.path, fix=_FIX_EXISTS)
        is_dataset = self.path.is_dir() and (self.path / METADATA_FILE).is_file()
        is_empty_dir = self.path.is_dir() and not any(self.path.iterdir())
        if overwrite and not (is_dataset or is_empty_dir):
            raise OutputError(
                "output exists and is not an eventcoder dataset (no _eventcoder.json); refusing to replace it",
                file=self.path,
                fix="remove it yourself or choose another output path",
            )
        if append:
            self._check_appendable(is_dataset, is_empty_dir)

    def _check_appendable(self, is_dataset: bool, is_empty_dir: bool) -> None:
        if is_empty_dir:
            return
        if not is_dataset:
            raise OutputError(
                "cannot append: output exists and is not an eventcoder Parquet dataset",
                file=self.path,
                fix="choose another output path, or --overwrite an eventcoder dataset",
            )
        previous = _read_metadata(self.path / METADATA_FILE)
        if previous.get("format", "parquet") != "parquet" or previous.get("schema_version") != SCHEMA_VERSION:
            raise OutputError(
                f"cannot append: the dataset has schema version {previous.get('schema_version')!r}, "
                f"this eventcoder writes version {SCHEMA_VERSION}",
                file=self.path,
                fix="write to a new output path (or --overwrite)",
            )
        if previous.get("columns", self.schema.names) != self.schema.names:
            raise OutputError(
                "cannot append: the dataset's columns differ from this run's "
                "(a deduplicated dataset cannot take raw events, nor the other way round)",
                file=self.path,
                fix="write to a new output path (or --overwrite)",
            )

    def start(self, *, append: bool, run_metadata: dict) -> None:
        self.schema = self.schema.with_metadata({METADATA_KEY: _dumps(run_metadata).encode("utf-8")})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.temp.mkdir(exist_ok=self._adopted)
        except OSError as err:
            raise _output_error("create the output folder", self.temp, err) from err
        self._lock_fd = _try_lock(self.temp)

    def write(self, table: pa.Table) -> None:
        """Split a batch by year and append each part to that year's open file."""
        for year, part in year_parts(table):
            part = part.replace_schema_metadata(self.schema.metadata)
            self._writer_for(year, part.num_rows).write_table(part)
            writer, rows = self._writers[year]
            self._writers[year] = (writer, rows + part.num_rows)

    def _writer_for(self, year: int, incoming: int) -> pq.ParquetWriter:
        """The open file of ``year``, rolled over to a new file when it would grow too big."""
        if year in self._writers:
            writer, rows = self._writers[year]
            if rows == 0 or rows + incoming <= self.max_rows_per_file:
                return writer
            writer.close()
        folder = self.temp / f"{PARTITION_FIELD.name}={year}"
        folder.mkdir(exist_ok=True)
        writer = pq.ParquetWriter(folder / self._part_name(), self.schema, compression=COMPRESSION)
        self._writers[year] = (writer, 0)
        return writer

    def _part_name(self, suffix: str | None = None) -> str:
        name = f"part-{self.run_id}-{suffix or f'{self._files:05d}'}.parquet"
        self._files += 1
        return name

    def _close_writers(self) -> None:
        writers, self._writers = self._writers, {}
        for writer, _ in writers.values():
            writer.close()

    def finish(self, run: dict, *, append: bool, overwrite: bool) -> None:
        self._close_writers()
        target_exists = self.path.exists()
        has_data = any(self.temp.glob(f"{PARTITION_FIELD.name}=*/*.parquet"))
        previous = _read_metadata(self.metadata_path) if append and self.metadata_path.is_file() else None
        if not has_data and not (append and previous is not None):
            # An empty run still yields a readable dataset: one empty file with the schema.
            pq.write_table(self.schema.empty_table(), self.temp / self._part_name("empty"), compression=COMPRESSION)
        _write_json(self.temp / METADATA_FILE, _merge_metadata(previous, run, "parquet", self.schema.names))
        kill_point("in-commit")
        if append and target_exists:
            self._move_into_existing(has_data)
            return
        if overwrite and target_exists:
            _replace_atomically(self.temp, self.path)
        else:
            _rename_into_place(self.temp, self.path)
        _unlock(self._lock_fd)
        self._lock_fd = None

    def _move_into_existing(self, has_data: bool) -> None:
        """Append: move the new part files in, then the rejected records, then the metadata."""
        for part in sorted(self.temp.glob(f"{PARTITION_FIELD.name}=*/*.parquet")):
            folder = self.path / part.parent.name
            folder.mkdir(exist_ok=True)
            os.rename(part, folder / part.name)
        for empty in self.temp.glob("part-*-empty.parquet"):
            os.rename(empty, self.path / empty.name)
        if has_data:
            # a placeholder from an empty run would give DuckDB files without the year key
            for placeholder in self.path.glob("part-*-empty.parquet"):
                placeholder.unlink()
        if self.temp_rejected_path.exists():
            _append_file(self.temp_rejected_path, self.rejected_path, self.temp / "rejected.appended")
        os.replace(self.temp / METADATA_FILE, self.metadata_path)
        shutil.rmtree(self.temp, ignore_errors=True)
        _unlock(self._lock_fd)
        self._lock_fd = None

    def release(self) -> None:
        """Close what is open and unlock the temporary folder, leaving its files in place."""
        self._stop(remove=False)

    def discard(self) -> None:
        self._stop(remove=True)

    def _stop(self, remove: bool) -> None:
        """After another error: close the open files (ignoring their errors), remove the
        temporary folder if asked, then unlock it."""
        for writer, _ in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - stopping after another error
                pass
        self._writers = {}
        if remove:
            _remove(self.temp)
        _unlock(self._lock_fd)
        self._lock_fd = None


def year_parts(table: pa.Table) -> Iterator[tuple[int, pa.Table]]:
    """The rows of an events table by year of their date (ascending), without the year column."""
    table = with_year(table)
    years = np.array(table.column(PARTITION_FIELD.name).to_pylist(), dtype=np.int16)
    for year in sorted(pc.unique(table.column(PARTITION_FIELD.name)).to_pylist()):
        # The mask built from its bits: comparing with a Python int (pc.equal) would make pyarrow
        # import pandas to look at the int, a fifth of a second of start-up.
        mask = pa.Array.from_buffers(pa.bool_(), len(years), [None, pa.py_buffer(np.packbits(years == year, bitorder="little"))])
        yield year, table.filter(mask).drop_columns([PARTITION_FIELD.name])
