"""Write coded events as a Parquet dataset, a CSV file or a JSONL file, all or nothing.

Layout of a Parquet dataset (a folder)::

    events/
      _eventcoder.json              provenance: versions, model, dictionaries, options, counts
      _rejected.jsonl               rejected input records (only if there were any)
      year=2017/part-<run>-00000.parquet
      year=2018/part-<run>-00001.parquet
      part-<run>-empty.parquet      only for a run without events: carries the schema

Files starting with ``_`` are ignored by ``pyarrow.dataset``, pandas and DuckDB's
``read_parquet('events/**/*.parquet', hive_partitioning=true)``, so the folder loads as is.
Every Parquet file also carries the run's metadata (JSON) under the schema metadata key
``b"eventcoder"``.

A CSV or JSONL output is one file (``events.csv``); rejected records go to
``events.rejected.jsonl`` and the provenance to ``events.eventcoder.json`` beside it.

Atomicity: everything is written to a hidden temporary sibling (``.events.tmp-<random>``) and
renamed into place by :meth:`DatasetWriter.commit`. An exception inside the ``with`` block removes
the temporary files and leaves any existing output untouched. ``overwrite`` renames the old output
aside, the new one in, then deletes the old one. ``append`` moves the new part files into the
existing dataset and rewrites its metadata last (for CSV/JSONL the existing file is copied, extended
and renamed back, so append is atomic there too).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__
from .errors import OutputError
from .records import Event, Rejected
from .schema import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    PARTITION_FIELD,
    SCHEMA_VERSION,
    events_to_table,
    json_default,
    rejected_to_dict,
    table_to_rows,
    with_year,
)

FORMATS = ("parquet", "csv", "jsonl")
METADATA_FILE = "_eventcoder.json"
REJECTED_FILE = "_rejected.jsonl"
METADATA_KEY = b"eventcoder"
COMPRESSION = "zstd"

_FIX_EXISTS = "pass --overwrite to replace it or --append to add to it, or choose another output path"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def new_run_id() -> str:
    """A run id that sorts by time and is unique: ``20240101T120000-1a2b3c``."""
    return f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=json_default)


def _write_json(path: Path, value: object) -> None:
    """Write a JSON document (indented, UTF-8); dates become ISO strings."""
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, default=json_default) + "\n", "utf-8")


def _remove(path: Path) -> None:
    """Remove a file or folder if it exists (best effort: used when cleaning up)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _output_error(action: str, path: Path, err: OSError) -> OutputError:
    return OutputError(
        f"cannot {action}: {err.strerror or err}",
        file=path,
        fix="check that the folder exists and is writable, or choose another output path",
    )


class DatasetWriter:
    """Write events (and rejected records) to ``path``; commit at the end or leave nothing.

    Use as a context manager::

        with DatasetWriter("output/events", metadata={"model": "en_core_web_sm 3.8.0"}) as out:
            for story in stories:
                out.write(coder.code(story))
            out.commit()            # optional: a clean exit commits too

    ``metadata`` (any JSON-able dict, also reachable as ``writer.metadata`` until commit) is
    stored with the output; its ``counts`` entry is completed with the events and rejected records
    actually written. Memory is bounded: events are buffered ``batch_rows`` at a time, and a Parquet
    file is closed and a new one started after ``max_rows_per_file`` rows.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        fmt: str = "parquet",
        overwrite: bool = False,
        append: bool = False,
        metadata: dict | None = None,
        batch_rows: int = 50_000,
        max_rows_per_file: int = 1_000_000,
    ) -> None:
        if fmt not in FORMATS:
            raise OutputError(f"unknown output format '{fmt}'", fix=f"use one of: {', '.join(FORMATS)}")
        if overwrite and append:
            raise OutputError("--overwrite and --append exclude each other", fix="pass only one of them")
        self.fmt = fmt
        self.path = _output_path(Path(path), fmt)
        self.overwrite = overwrite
        self.append = append
        self.metadata: dict = dict(metadata or {})
        self.run_id = new_run_id()
        self.events_written = 0
        self.rejected_written = 0
        self._buffer: list[Event] = []
        self._batch_rows = batch_rows
        self._state = "new"  # new -> open -> committed | discarded
        self._rejected_handle: IO[str] | None = None
        self._sink = (
            _ParquetSink(self.path, self.run_id, max_rows_per_file)
            if fmt == "parquet"
            else _FileSink(self.path, fmt)
        )

    # ---------------------------------------------------------------- context manager

    def __enter__(self) -> DatasetWriter:
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is not None:
            self.discard()
        elif self._state == "open":
            self.commit()
        return False

    # ---------------------------------------------------------------- public API

    @property
    def rejected_path(self) -> Path:
        """Where rejected records end up once committed."""
        return self._sink.rejected_path

    @property
    def metadata_path(self) -> Path:
        """Where the provenance JSON ends up once committed."""
        return self._sink.metadata_path

    def open(self) -> None:
        """Check the output location and create the temporary output (called by ``with``)."""
        if self._state != "new":
            raise RuntimeError("DatasetWriter.open() called twice")
        self._sink.check(overwrite=self.overwrite, append=self.append)
        self._sink.start(append=self.append, run_metadata=self._file_metadata())
        self._state = "open"

    def write(self, events: Iterable[Event]) -> None:
        """Buffer events; full batches are written out at once."""
        self._require_open()
        self._buffer.extend(events)
        if len(self._buffer) >= self._batch_rows:
            self._flush()

    def reject(self, rejected: Rejected) -> None:
        """Record one rejected input record (one JSON line: origin, reason, field, raw)."""
        self._require_open()
        if self._rejected_handle is None:
            self._rejected_handle = open(self._sink.temp_rejected_path, "w", encoding="utf-8")
        self._rejected_handle.write(_dumps(rejected_to_dict(rejected)) + "\n")
        self.rejected_written += 1

    def commit(self, extra_metadata: dict | None = None) -> dict:
        """Write out what is buffered, finish the files and move them into place.

        Returns the run's metadata as stored. On any failure everything temporary is removed
        and the existing output (if any) is left as it was.
        """
        self._require_open()
        try:
            self._flush()
            self._close_rejected()
            run = self._run_metadata(extra_metadata)
            self._sink.finish(run, append=self.append, overwrite=self.overwrite)
        except BaseException:
            self.discard()
            raise
        self._state = "committed"
        return run

    def discard(self) -> None:
        """Drop everything written so far; the existing output (if any) is untouched."""
        if self._state in ("committed", "discarded"):
            return
        self._buffer.clear()
        try:
            self._close_rejected()
        except OSError:
            pass
        self._sink.discard()
        self._state = "discarded"

    # ---------------------------------------------------------------- internals

    def _require_open(self) -> None:
        if self._state != "open":
            raise RuntimeError(f"DatasetWriter is {self._state}: use it inside 'with' before commit")

    def _flush(self) -> None:
        if self._buffer:
            table = events_to_table(self._buffer)
            self._buffer = []
            self._sink.write(table)
            self.events_written += table.num_rows

    def _close_rejected(self) -> None:
        if self._rejected_handle is not None:
            self._rejected_handle.close()
            self._rejected_handle = None

    def _file_metadata(self) -> dict:
        """What each Parquet file carries: the run's metadata without counts (not known yet)."""
        meta = {key: value for key, value in self.metadata.items() if key != "counts"}
        meta.setdefault("eventcoder_version", __version__)
        meta.setdefault("created", _now())
        meta["run_id"] = self.run_id
        meta["schema_version"] = SCHEMA_VERSION
        return meta

    def _run_metadata(self, extra: dict | None) -> dict:
        run = self._file_metadata()
        run.update(extra or {})
        counts = dict(self.metadata.get("counts") or {})
        counts.update((extra or {}).get("counts") or {})
        counts["events_written"] = self.events_written
        counts["rejected_written"] = self.rejected_written
        run["counts"] = counts
        return run


def _output_path(path: Path, fmt: str) -> Path:
    """A CSV/JSONL output without extension gets one (``events`` -> ``events.csv``)."""
    if fmt != "parquet" and not path.suffix:
        return path.with_name(f"{path.name}.{fmt}")
    return path


def _temp_sibling(path: Path, kind: str = "tmp") -> Path:
    """A hidden sibling name: ``.events.tmp-1a2b3c4d``; same folder, so renames are atomic."""
    return path.with_name(f".{path.name}.{kind}-{secrets.token_hex(4)}")


def _read_metadata(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise OutputError(
            f"cannot read the dataset metadata: {err}", file=path, fix="repair or remove the file"
        ) from err


def _merge_metadata(previous: dict | None, run: dict, fmt: str) -> dict:
    """The provenance document: the latest run's metadata at the top, every run under ``runs``."""
    runs = list((previous or {}).get("runs") or [])
    runs.append(run)
    document = dict(run)
    document.update(
        format=fmt,
        schema_version=SCHEMA_VERSION,
        columns=list(EVENT_COLUMNS),
        dataset_created=(previous or {}).get("dataset_created", run["created"]),
        total_events=sum(r.get("counts", {}).get("events_written", 0) for r in runs),
        runs=runs,
    )
    if fmt == "parquet":
        document["partitioning"] = {"flavor": "hive", "field": PARTITION_FIELD.name, "type": "int16"}
    return document


def _append_file(source: Path, target: Path) -> None:
    """``target`` becomes its old content plus ``source``'s, atomically (copy, extend, rename)."""
    temp = _temp_sibling(target)
    try:
        if target.exists():
            shutil.copyfile(target, temp)
        with open(temp, "ab") as out, open(source, "rb") as extra:
            shutil.copyfileobj(extra, out)
        os.replace(temp, target)
    finally:
        _remove(temp)


class _ParquetSink:
    """A hive-partitioned (``year=YYYY/``) Parquet dataset folder."""

    def __init__(self, path: Path, run_id: str, max_rows_per_file: int) -> None:
        self.path = path
        self.run_id = run_id
        self.max_rows_per_file = max_rows_per_file
        self.temp = _temp_sibling(path)
        self.schema = EVENT_SCHEMA
        self._writers: dict[int, tuple[pq.ParquetWriter, int]] = {}  # year -> (writer, rows)
        self._files = 0

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

    def start(self, *, append: bool, run_metadata: dict) -> None:
        self.schema = EVENT_SCHEMA.with_metadata({METADATA_KEY: _dumps(run_metadata).encode("utf-8")})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.temp.mkdir()
        except OSError as err:
            raise _output_error("create the output folder", self.temp, err) from err

    def write(self, table: pa.Table) -> None:
        """Split a batch by year and append each part to that year's open file."""
        table = with_year(table)
        for year in sorted(pc.unique(table.column(PARTITION_FIELD.name)).to_pylist()):
            part = table.filter(pc.equal(table.column(PARTITION_FIELD.name), year))
            part = part.drop_columns([PARTITION_FIELD.name]).replace_schema_metadata(self.schema.metadata)
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
        _write_json(self.temp / METADATA_FILE, _merge_metadata(previous, run, "parquet"))
        if append and target_exists:
            self._move_into_existing(has_data)
        elif overwrite and target_exists:
            _replace_atomically(self.temp, self.path)
        else:
            _rename_into_place(self.temp, self.path)

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
            _append_file(self.temp_rejected_path, self.rejected_path)
        os.replace(self.temp / METADATA_FILE, self.metadata_path)
        shutil.rmtree(self.temp, ignore_errors=True)

    def discard(self) -> None:
        for writer, _ in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - cleaning up after another error
                pass
        self._writers = {}
        _remove(self.temp)


def _rename_into_place(temp: Path, target: Path) -> None:
    try:
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()  # an empty folder given as output
        os.rename(temp, target)
    except OSError as err:
        raise _output_error("move the output into place", target, err) from err


def _replace_atomically(temp: Path, target: Path) -> None:
    """Overwrite: old aside, new in, old deleted; if the new cannot go in, the old comes back."""
    old = _temp_sibling(target, "old")
    try:
        os.rename(target, old)
    except OSError as err:
        raise _output_error("move the old output aside", target, err) from err
    try:
        os.rename(temp, target)
    except OSError as err:
        os.rename(old, target)
        raise _output_error("move the output into place", target, err) from err
    _remove(old)


class _FileSink:
    """One CSV or JSONL file, with ``<stem>.rejected.jsonl`` and ``<stem>.eventcoder.json`` beside."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.temp = _temp_sibling(path)
        self.temp_rejected_path = _temp_sibling(self.rejected_path)
        self._handle: IO[bytes] | None = None
        self._csv_writer = None

    @property
    def rejected_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.rejected.jsonl")

    @property
    def metadata_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.eventcoder.json")

    def check(self, *, overwrite: bool, append: bool) -> None:
        if self.path.is_dir():
            raise OutputError(
                f"output is a folder, but --output-format {self.fmt} writes one file",
                file=self.path,
                fix=f"give a file name such as events.{self.fmt}, or use --output-format parquet",
            )
        if self.path.exists() and not (overwrite or append):
            raise OutputError("output already exists", file=self.path, fix=_FIX_EXISTS)
        if append and self.path.exists() and self.fmt == "csv":
            with open(self.path, encoding="utf-8", newline="") as handle:
                header = handle.readline().strip().replace('"', "").split(",")
            if header != list(EVENT_COLUMNS):
                raise OutputError(
                    "cannot append: the CSV header differs from the events schema",
                    file=self.path,
                    fix="write to a new output path (or --overwrite)",
                )

    def start(self, *, append: bool, run_metadata: dict) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            appending = append and self.path.exists()
            if appending:
                shutil.copyfile(self.path, self.temp)
            self._handle = open(self.temp, "ab" if appending else "wb")
        except OSError as err:
            raise _output_error("create the output file", self.temp, err) from err
        if self.fmt == "csv":
            import pyarrow.csv as pacsv

            options = pacsv.WriteOptions(include_header=not appending)
            self._csv_writer = pacsv.CSVWriter(self._handle, EVENT_SCHEMA, write_options=options)

    def write(self, table: pa.Table) -> None:
        if self._csv_writer is not None:
            self._csv_writer.write_table(table.cast(EVENT_SCHEMA))
        else:
            lines = "".join(_dumps(row) + "\n" for row in table_to_rows(table))
            self._handle.write(lines.encode("utf-8"))

    def _close(self) -> None:
        if self._csv_writer is not None:
            self._csv_writer.close()
            self._csv_writer = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def finish(self, run: dict, *, append: bool, overwrite: bool) -> None:
        self._close()
        previous = _read_metadata(self.metadata_path) if append and self.metadata_path.is_file() else None
        metadata_temp = _temp_sibling(self.metadata_path)
        _write_json(metadata_temp, _merge_metadata(previous, run, self.fmt))
        try:
            os.replace(self.temp, self.path)
        except OSError as err:
            _remove(metadata_temp)
            raise _output_error("move the output into place", self.path, err) from err
        if self.temp_rejected_path.exists():
            if append:
                _append_file(self.temp_rejected_path, self.rejected_path)
                _remove(self.temp_rejected_path)
            else:
                os.replace(self.temp_rejected_path, self.rejected_path)
        elif overwrite:
            _remove(self.rejected_path)  # a stale file from the replaced output
        os.replace(metadata_temp, self.metadata_path)

    def discard(self) -> None:
        try:
            self._close()
        except Exception:  # noqa: BLE001 - cleaning up after another error
            pass
        _remove(self.temp)
        _remove(self.temp_rejected_path)
