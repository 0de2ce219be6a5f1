"""Write coded events as a Parquet dataset, a CSV file or a JSONL file, all or nothing.

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

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__
from .errors import OutputError
from .testhooks import kill_point
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
_FIX_FOREIGN = "remove or rename it yourself if it is no longer needed, or choose another output path"
#: Event ids compared at a time when checking an append for duplicates (memory: ~40 bytes each).
ID_CHUNK = 1 << 21
#: The output most recently committed in this process (for the CLI's interruption message).
_LAST_COMMITTED: Path | None = None
#: The working folders (:func:`scratch_folder`) this process holds: not leftovers to report.
_SCRATCH: set[Path] = set()


def last_committed() -> Path | None:
    """The output path most recently committed in this process, or None."""
    return _LAST_COMMITTED


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


_HELD_SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the output is moved into place or cleaned up, then act on
    them: a half-done rename sequence would leave a dataset that looks complete but is not (or
    leave temporary files behind). Only in the main thread (where Python runs signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[tuple[int, object]] = []
    saved: dict[int, object] = {}
    for sig in _HELD_SIGNALS:
        try:
            saved[sig] = signal.signal(sig, lambda signum, frame: pending.append((signum, frame)))
        except (ValueError, OSError):  # pragma: no cover - not the main thread of the main interpreter
            pass
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        if pending:
            signum, frame = pending[0]
            handler = saved.get(signum)
            if callable(handler):
                handler(signum, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


def _lock(path: Path) -> int | None:
    """Take an exclusive, non-blocking ``flock`` on a file or folder; returns the descriptor that
    holds it (close it to release), or None if another process holds the lock. Raises OSError
    (or ImportError without fcntl) where locks are not supported."""
    import fcntl

    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError:
        os.close(fd)
        raise
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


def in_use(folder: Path) -> bool:
    """Whether a live process holds the lock on a run's temporary folder (False where locks are
    not supported)."""
    try:
        fd = _lock(folder)
    except (OSError, ImportError):
        return False
    _unlock(fd)
    return fd is None


def clean_stale(path: Path) -> list[str]:
    """Remove the temporary folders of ``path`` left by earlier runs that were killed, and report
    other leftovers. Returns one note per entry found.

    Only hidden siblings named exactly as the writer names them are considered:
    ``.NAME.tmp-<8 hex>`` is removed if no process holds its lock (a live run holds one on its
    own), ``.NAME.old-<8 hex>`` (the old output an interrupted ``--overwrite`` had moved aside) is
    only reported. Nothing else is touched."""
    pattern = re.compile(r"\." + re.escape(path.name) + r"\.(tmp|old)-[0-9a-f]{8}")
    notes: list[str] = []
    try:
        entries = sorted(e for e in os.listdir(path.parent) if pattern.fullmatch(e))
    except OSError:
        return notes
    for name in entries:
        entry = path.parent / name
        if entry in _SCRATCH:
            continue  # this process's own working folder (its lock would look like another run's)
        if (entry / "_resume" / "manifest.json").is_file():
            continue  # the checkpoints of a resumable run: only --resume or --overwrite deal with them
        if name[len(path.name) + 2 :].startswith("old-"):
            if path.exists():
                notes.append(f"{entry} is the old output an interrupted --overwrite had moved aside; remove it")
            else:
                notes.append(f"{entry} may be the only copy of the output an interrupted --overwrite replaced: "
                             f"rename it back to {path.name}")
            continue
        try:
            fd = _lock(entry)
        except (OSError, ImportError):
            notes.append(f"{entry} looks like the temporary output of an interrupted run (locks are not supported "
                         "here, so it was left alone): remove it if no other eventcoder run writes to this output")
            continue
        if fd is None:
            notes.append(f"{entry} is being written by another eventcoder run to the same output")
            continue
        try:
            _remove(entry)
        finally:
            _unlock(fd)
        notes.append(f"removed {entry}, the temporary output of an earlier run that was interrupted")
    return notes


@contextmanager
def scratch_folder(path: str | os.PathLike) -> Iterator[Path]:
    """A hidden working folder beside the output ``path`` for the duration of the block (for an
    intermediate dataset or a query engine's spill files), removed at the end, however it ends.

    It is named and locked as the writer's temporary folders are (``.NAME.tmp-<8 hex>``), so one
    left by a killed run is removed by the next run to the same output (:func:`clean_stale`).
    An output committed inside it is not the user's: :func:`last_committed` forgets it."""
    global _LAST_COMMITTED
    path = Path(path)
    folder = _temp_sibling(path)
    committed = _LAST_COMMITTED
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir()
    except OSError as err:
        raise _output_error("create a working folder beside the output", folder, err) from err
    fd = _try_lock(folder)
    _SCRATCH.add(folder)
    try:
        yield folder
    finally:
        with _signals_held():
            if _LAST_COMMITTED is not None and folder in _LAST_COMMITTED.parents:
                _LAST_COMMITTED = committed
            _remove(folder)
            _SCRATCH.discard(folder)
            _unlock(fd)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _refuse_inputs(sink, inputs: Iterable[Path]) -> None:
    """Refuse to write over one of the run's inputs: the output file or its sidecars (same file,
    by device and inode, so links count), or any file inside an existing output folder."""
    protected = []
    for target in sink.owned_paths():
        try:
            protected.append((target, os.stat(target)))
        except OSError:
            pass
    folder = Path(os.path.realpath(sink.path)) if sink.path.is_dir() else None
    if not protected and folder is None:
        return  # nothing there yet: nothing to write over
    parents: dict[str, Path] = {}
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            continue
        what = next((f"the output's {t.name}" if t != sink.path else "the output" for t, t_st in protected
                     if _same_file(st, t_st)), None)
        if what is None and folder is not None:
            key = os.path.dirname(os.path.abspath(path))
            if key not in parents:
                parents[key] = Path(os.path.realpath(key))
            if parents[key] == folder or folder in parents[key].parents:
                what = "inside the output folder"
        if what is not None:
            raise OutputError(
                f"refusing to write over an input of this run: {path} is {what}",
                file=sink.path,
                fix="choose an --output path that is not one of the inputs (nor holds any of them)",
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
    actually written. ``inputs`` are the files the run reads: the writer refuses to write over
    any of them. Memory is bounded: events are buffered ``batch_rows`` at a time, and a Parquet
    file is closed and a new one started after ``max_rows_per_file`` rows.

    ``schema`` is the Arrow schema of the rows (default :data:`EVENT_SCHEMA`); a Parquet dataset
    can be written in another one, such as the deduplicated schema, with :meth:`write_table`.
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
        inputs: Iterable[str | os.PathLike] = (),
        schema: pa.Schema = EVENT_SCHEMA,
        run_id: str | None = None,
        temp: Path | None = None,
    ) -> None:
        if fmt not in FORMATS:
            raise OutputError(f"unknown output format '{fmt}'", fix=f"use one of: {', '.join(FORMATS)}")
        if fmt != "parquet" and not schema.equals(EVENT_SCHEMA):
            raise OutputError(f"--format {fmt} only holds the event columns", fix="use --format parquet")
        self.schema = schema
        if overwrite and append:
            raise OutputError("--overwrite and --append exclude each other", fix="pass only one of them")
        self.fmt = fmt
        self.path = _output_path(Path(path), fmt)
        self.overwrite = overwrite
        self.append = append
        self.metadata: dict = dict(metadata or {})
        self.run_id = run_id or new_run_id()
        self.events_written = 0
        self.rejected_written = 0
        self._buffer: list[Event] = []
        self._batch_rows = batch_rows
        self._state = "new"  # new -> open -> committed | discarded
        self._inputs = [Path(p) for p in inputs]
        #: Leftovers of interrupted earlier runs found (and removed, or reported) by :meth:`open`.
        self.notes: list[str] = []
        self._rejected_handle: IO[str] | None = None
        self._sink = (
            _ParquetSink(self.path, self.run_id, max_rows_per_file, schema, temp)
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
        """Check the output location and create the temporary output (called by ``with``).

        Refuses (:class:`OutputError`, nothing touched) to write over one of ``inputs``, to
        replace an existing output without ``overwrite``, or to replace or extend something
        eventcoder did not write. Then removes temporary output of this output name left by
        killed earlier runs (see :func:`clean_stale`; reported in :attr:`notes`)."""
        if self._state != "new":
            raise RuntimeError("DatasetWriter.open() called twice")
        self.check()
        self.notes = clean_stale(self.path)
        try:
            self._sink.start(append=self.append, run_metadata=self._file_metadata())
        except BaseException:
            self._sink.discard()
            raise
        self._state = "open"

    def check(self) -> None:
        """The refusals of :meth:`open`, touching nothing: call it early to fail fast (before a
        model is loaded); :meth:`open` checks again."""
        _refuse_inputs(self._sink, self._inputs)
        self._sink.check(overwrite=self.overwrite, append=self.append)

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

    def write_table(self, table: pa.Table | pa.RecordBatch) -> None:
        """Write rows given as Arrow data with the writer's column names in order (each column
        is cast to the writer's schema type, e.g. a list's item name)."""
        self._require_open()
        self._flush()
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        table = table.cast(self.schema.remove_metadata())
        self._sink.write(table)
        self.events_written += table.num_rows

    def copy_rejected(self, path: Path) -> None:
        """Record every rejected record of another output's rejected-records file (JSON lines)."""
        self._require_open()
        if self._rejected_handle is None:
            self._rejected_handle = open(self._sink.temp_rejected_path, "w", encoding="utf-8")
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    self._rejected_handle.write(line if line.endswith("\n") else line + "\n")
                    self.rejected_written += 1

    @property
    def temp_folder(self) -> Path:
        """The hidden temporary folder the output is written into until :meth:`commit`."""
        return self._sink.temp

    @property
    def file_schema(self) -> pa.Schema:
        """The schema each data file is written with (carrying the run's metadata once open)."""
        return self._sink.schema if self.fmt == "parquet" else self.schema

    def add_written(self, *, events: int = 0, rejected: int = 0) -> None:
        """Count events and rejected records written into :attr:`temp_folder` directly (by the
        chunks of a resumable run, eventcoder/checkpoint.py)."""
        self.events_written += events
        self.rejected_written += rejected

    def commit(self, extra_metadata: dict | None = None) -> dict:
        """Write out what is buffered, finish the files and move them into place.

        Returns the run's metadata as stored. On any failure everything temporary is removed
        and the existing output (if any) is left as it was.
        """
        global _LAST_COMMITTED
        self._require_open()
        try:
            self._flush()
            self._close_rejected()
            self._sink.close_data()
            if self.append:
                self._refuse_duplicates()
            run = self._run_metadata(extra_metadata)
            with _signals_held():
                self._sink.finish(run, append=self.append, overwrite=self.overwrite)
                self._state = "committed"
                _LAST_COMMITTED = self.path
        except BaseException:
            self.discard()
            raise
        return run

    def discard(self) -> None:
        """Drop everything written so far; the existing output (if any) is untouched."""
        if self._state in ("committed", "discarded"):
            return
        with _signals_held():
            self._buffer.clear()
            try:
                self._close_rejected()
            except OSError:
                pass
            self._sink.discard()
            self._state = "discarded"

    def _refuse_duplicates(self) -> None:
        """``append``: refuse if any event id of this run is already in the output."""
        existing = self._sink.existing_ids
        if existing is None or self.events_written == 0:
            return
        try:
            shared, example = count_shared_ids(self._sink.new_ids, existing)
        except (OSError, ValueError, KeyError, pa.ArrowException) as err:
            raise OutputError(
                f"cannot read the event ids of the existing output to check for duplicates: {err}",
                file=self.path,
                fix="repair the output, or write to another --output path (or --overwrite it)",
            ) from err
        if shared:
            raise OutputError(
                f"cannot append: {shared:,} of this run's {self.events_written:,} events are already in the "
                f"output (same event_id, e.g. {example}); it looks like the same stories were coded before. "
                "Nothing was written.",
                file=self.path,
                fix="append only stories not coded before, or use --overwrite to replace the output, "
                "or write to another --output path",
            )

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


_FORMAT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}


def _output_path(path: Path, fmt: str) -> Path:
    """A CSV/JSONL output without extension gets one (``events`` -> ``events.csv``); an output
    whose extension names another format (``-o events.jsonl --format csv``) is refused."""
    named = _FORMAT_SUFFIXES.get(path.suffix.lower())
    if named is not None and named != fmt:
        raise OutputError(
            f"the output name ends in '{path.suffix}' but the format is {fmt}",
            file=path,
            field="--format",
            fix=f"pass --format {named}, or an output name for {fmt}" + (f" (e.g. {path.with_suffix('.' + fmt).name})" if fmt != "parquet" else " (a folder name)"),
        )
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


def _merge_metadata(previous: dict | None, run: dict, fmt: str, columns: Iterable[str] = EVENT_COLUMNS) -> dict:
    """The provenance document: the latest run's metadata at the top, every run under ``runs``."""
    runs = list((previous or {}).get("runs") or [])
    runs.append(run)
    document = dict(run)
    document.update(
        format=fmt,
        schema_version=SCHEMA_VERSION,
        columns=list(columns),
        dataset_created=(previous or {}).get("dataset_created", run["created"]),
        total_events=sum(r.get("counts", {}).get("events_written", 0) for r in runs),
        runs=runs,
    )
    if fmt == "parquet":
        document["partitioning"] = {"flavor": "hive", "field": PARTITION_FIELD.name, "type": "int16"}
    return document


def _append_file(source: Path, target: Path, temp: Path) -> None:
    """``target`` becomes its old content plus ``source``'s, atomically (copy to ``temp``, extend,
    rename; ``temp`` is in the run's temporary folder, on the same filesystem)."""
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

    def discard(self) -> None:
        for writer, _ in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - cleaning up after another error
                pass
        self._writers = {}
        _remove(self.temp)
        _unlock(self._lock_fd)
        self._lock_fd = None


def year_parts(table: pa.Table) -> Iterator[tuple[int, pa.Table]]:
    """The rows of an events table by year of their date (ascending), without the year column."""
    table = with_year(table)
    for year in sorted(pc.unique(table.column(PARTITION_FIELD.name)).to_pylist()):
        part = table.filter(pc.equal(table.column(PARTITION_FIELD.name), year))
        yield year, part.drop_columns([PARTITION_FIELD.name])


def _try_lock(path: Path) -> int | None:
    """Lock a run's own temporary folder (best effort: without lock support it stays unlocked,
    and other runs then only report it, never remove it)."""
    try:
        return _lock(path)
    except (OSError, ImportError):
        return None


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
