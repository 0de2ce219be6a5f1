"""The CSV and JSONL formats: one file, with ``<stem>.rejected.jsonl`` and ``<stem>.eventcoder.json``
beside it, written into the run's temporary folder and renamed into place at the commit."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pyarrow as pa

from ..errors import OutputError
from ..testhooks import disk_point
from ..schema import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    SCHEMA_VERSION,
    table_to_rows,
)
from .common import (
    _FIX_EXISTS, _FIX_FOREIGN, _dumps, _write_json, _remove, _output_error, _unlock, _temp_sibling,
    _read_metadata, _merge_metadata, _try_lock, _append_file,
)
from .ids import csv_ids, jsonl_ids


class _FileSink:
    """One CSV or JSONL file, with ``<stem>.rejected.jsonl`` and ``<stem>.eventcoder.json`` beside.

    Everything is written into one hidden temporary folder beside the file (``data``,
    ``rejected.jsonl``, ``eventcoder.json``) and renamed into place at the end. The provenance
    file names the output file (``"file"``): that is the mark that eventcoder wrote it."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.temp = _temp_sibling(path)
        self._handle: IO[bytes] | None = None
        self._csv_writer = None
        self._lock_fd: int | None = None
        self._existed = False  # the output existed when checked (so append extends it)
        self._ours = False  # the sidecars beside the output were written for it
        self._base_size = 0  # bytes of the old content at the start of the temporary data file

    @property
    def rejected_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.rejected.jsonl")

    @property
    def metadata_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.eventcoder.json")

    @property
    def temp_data_path(self) -> Path:
        return self.temp / "data"

    @property
    def temp_rejected_path(self) -> Path:
        return self.temp / "rejected.jsonl"

    def owned_paths(self) -> list[Path]:
        return [self.path, self.rejected_path, self.metadata_path]

    @property
    def existing_ids(self) -> Callable[[], Iterator[pa.Array]] | None:
        if not (self._existed and self._base_size):
            return None
        return lambda: self._ids(self.path, 0)

    def new_ids(self) -> Iterator[pa.Array]:
        return self._ids(self.temp_data_path, self._base_size)

    def _ids(self, path: Path, start: int) -> Iterator[pa.Array]:
        return csv_ids(path, start) if self.fmt == "csv" else jsonl_ids(path, start)

    def _belongs(self, meta: dict) -> bool:
        """Whether a provenance document was written for this output file."""
        if "file" in meta:
            return meta.get("file") == self.path.name
        return meta.get("format") == self.fmt  # written before the file name was recorded

    def check(self, *, overwrite: bool, append: bool) -> None:
        if self.path.is_dir():
            raise OutputError(
                f"output is a folder, but --format {self.fmt} writes one file",
                file=self.path,
                fix=f"give a file name such as events.{self.fmt}, or use --format parquet",
            )
        exists = self.path.exists() or self.path.is_symlink()
        meta = _read_metadata(self.metadata_path) if self.metadata_path.is_file() else None
        if not isinstance(meta, dict) and meta is not None:
            meta = {}
        self._ours = meta is not None and self._belongs(meta)
        if not exists:
            if meta is not None and not self._ours:
                raise OutputError(
                    f"{self.metadata_path.name} beside the output holds the provenance of another output "
                    f"({meta.get('file') or 'format ' + str(meta.get('format'))}); writing would replace it",
                    file=self.path,
                    fix="choose another output name (csv and jsonl outputs with the same stem share these files)",
                )
            return  # a new output (appending to nothing creates it too)
        if not (overwrite or append):
            raise OutputError("output already exists", file=self.path, fix=_FIX_EXISTS)
        action = "replace" if overwrite else "append to"
        if not self._ours:
            reason = (f"no {self.metadata_path.name} beside it" if meta is None
                      else f"{self.metadata_path.name} beside it is for {meta.get('file') or 'another format'}")
            raise OutputError(
                f"refusing to {action} a file eventcoder did not write ({reason})",
                file=self.path,
                fix=_FIX_FOREIGN,
            )
        self._existed = True
        if append:
            if meta.get("format") != self.fmt or meta.get("schema_version") != SCHEMA_VERSION:
                raise OutputError(
                    f"cannot append: the output is {meta.get('format')} with schema version "
                    f"{meta.get('schema_version')!r}; this run writes {self.fmt} with schema version {SCHEMA_VERSION}",
                    file=self.path,
                    fix="write to a new output path (or --overwrite)",
                )
            if self.fmt == "csv":
                with open(self.path, encoding="utf-8", newline="") as handle:
                    header = handle.readline().strip().replace('"', "").split(",")
                if header != list(EVENT_COLUMNS):
                    raise OutputError(
                        "cannot append: the CSV header differs from the events schema",
                        file=self.path,
                        fix="write to a new output path (or --overwrite)",
                    )

    def start(self, *, append: bool, run_metadata: dict) -> None:
        appending = append and self._existed
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.temp.mkdir()
            self._lock_fd = _try_lock(self.temp)
            if appending:
                shutil.copyfile(self.path, self.temp_data_path)
                self._base_size = self.temp_data_path.stat().st_size
            self._handle = open(self.temp_data_path, "ab" if appending else "wb")
        except OSError as err:
            raise _output_error("create the output file", self.temp, err) from err
        if self.fmt == "csv":
            import pyarrow.csv as pacsv

            options = pacsv.WriteOptions(include_header=not appending)
            self._csv_writer = pacsv.CSVWriter(self._handle, EVENT_SCHEMA, write_options=options)

    def write(self, table: pa.Table) -> None:
        disk_point(self.temp_data_path)
        if self._csv_writer is not None:
            self._csv_writer.write_table(table.cast(EVENT_SCHEMA))
        else:
            lines = "".join(_dumps(row) + "\n" for row in table_to_rows(table))
            self._handle.write(lines.encode("utf-8"))

    def close_data(self) -> None:
        if self._csv_writer is not None:
            self._csv_writer.close()
            self._csv_writer = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def finish(self, run: dict, *, append: bool, overwrite: bool) -> None:
        self.close_data()
        appending = append and self._existed
        previous = _read_metadata(self.metadata_path) if appending else None
        metadata_temp = self.temp / "eventcoder.json"
        document = _merge_metadata(previous, run, self.fmt)
        document["file"] = self.path.name
        _write_json(metadata_temp, document)
        try:
            os.replace(self.temp_data_path, self.path)
        except OSError as err:
            raise _output_error("move the output into place", self.path, err) from err
        if self.temp_rejected_path.exists():
            if appending:
                _append_file(self.temp_rejected_path, self.rejected_path, self.temp / "rejected.appended")
            else:
                os.replace(self.temp_rejected_path, self.rejected_path)
        elif not appending and (self._existed or self._ours):
            _remove(self.rejected_path)  # a stale file from the replaced (or deleted) output
        os.replace(metadata_temp, self.metadata_path)
        _remove(self.temp)
        _unlock(self._lock_fd)
        self._lock_fd = None

    def discard(self) -> None:
        try:
            self.close_data()
        except Exception:  # noqa: BLE001 - cleaning up after another error
            pass
        _remove(self.temp)
        _unlock(self._lock_fd)
        self._lock_fd = None
