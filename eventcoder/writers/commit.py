"""The commit: :class:`DatasetWriter` writes events and rejected records through a format's sink
into a hidden temporary folder and moves them into place all or nothing; temporary folders left by
killed runs are cleaned (:func:`clean_stale`); :func:`scratch_folder` gives a command a working
folder of the same kind."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyarrow as pa

from .. import __version__
from ..errors import OutputError
from ..records import Event, Rejected
from ..schema import (
    EVENT_SCHEMA,
    SCHEMA_VERSION,
    events_to_table,
    rejected_to_dict,
)
from .common import (
    FORMATS, _now, new_run_id, _dumps, _remove, _output_error, _signals_held, _lock, _unlock, _same_file,
    _output_path, _temp_sibling, _try_lock,
)
from .ids import count_shared_ids
from .parquet import _ParquetSink
from .files import _FileSink


#: The output most recently committed in this process (for the CLI's interruption message).
_LAST_COMMITTED: Path | None = None
#: The working folders (:func:`scratch_folder`) this process holds: not leftovers to report.
_SCRATCH: set[Path] = set()


def last_committed() -> Path | None:
    """The output path most recently committed in this process, or None."""
    return _LAST_COMMITTED


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
        self._state = "new"  # new -> open -> committed | discarded | kept
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
        if self._state in ("committed", "discarded", "kept"):
            return
        self._stop(self._sink.discard, "discarded")

    def keep(self) -> None:
        """Leave the temporary folder as it is, unlocked, for ``--resume`` (a resumable run whose
        checkpoints are there, stopped by a full disk); nothing is committed or removed."""
        if self._state != "open":
            return
        release = getattr(self._sink, "release", None)
        self._stop(release or (lambda: None), "kept")

    def _stop(self, finish_sink, state: str) -> None:
        """Drop the buffer, close the rejected file, then let the sink finish (discard or release)."""
        with _signals_held():
            self._buffer.clear()
            try:
                self._close_rejected()
            except OSError:
                pass
            finish_sink()
            self._state = state

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
