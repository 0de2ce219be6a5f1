"""What the writers share: output names and constants, provenance documents, locks on temporary
folders, atomic renames, and Ctrl-C held back while they run."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError
from ..schema import (
    EVENT_COLUMNS,
    PARTITION_FIELD,
    SCHEMA_VERSION,
    json_default,
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
        except OSError:  # missing, or a folder that cannot be written (read-only): nothing to clean
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


_HELD: set[int] = set()  # descriptors holding this process's locks


def _drop_inherited_locks() -> None:
    """In a forked child (a ``--workers`` process): close the parent's lock descriptors, so that
    the lock is the parent's alone and ends with it, even while the child is still exiting."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)


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
    _HELD.add(fd)
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None:
        _HELD.discard(fd)
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


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


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
