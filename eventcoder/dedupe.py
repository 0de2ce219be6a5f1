"""Deduplicate an event dataset: one event a day per source, target and code (the one-a-day rule).

The same event is reported by many stories; event datasets count it once. :func:`dedupe` reads
an eventcoder Parquet dataset and writes a new one with one row per group of events that share

* the **key**: ``source``, ``target`` and ``event_code`` (``by="root"``: ``root_code``), a
  missing target (``--allow-no-target``) being a value like any other, and
* the **day**: the same ``date``; with ``window`` > 0, a chain of dates, each at most ``window``
  days after the one before (sorted by date within the key, an event starts a new group when its
  date is more than ``window`` days after the previous event's date). ``window=0`` is the
  one-a-day rule.

Each output row is the group's **first event**, the one with the smallest ``(date, story_id,
sentence_index, event_id)`` (then its place in the input files, for exact duplicates), with all
of its columns (so its ``event_code`` under ``by="root"`` and the first day under a window),
followed by :data:`~eventcoder.schema.DEDUPE_FIELDS`: ``n_mentions`` (events merged),
``n_stories`` (distinct stories), ``story_ids`` (those stories, sorted) and ``event_ids`` (the
merged events, sorted, one per mention). A deduplicated dataset is read back as the groups it
holds: ``n_mentions`` are summed and the id lists joined, so deduplicating again changes nothing,
and ``n_mentions`` always sums to the events originally coded. Rows are ordered by ``date``,
``source``, ``target``, ``event_code``, ``event_id``.

The work is one DuckDB query (a hash aggregation and sorts that spill to disk past
``memory_limit``, into a working folder beside the output), streamed into a
:class:`~eventcoder.writers.DatasetWriter` in batches, so a dataset larger than memory works.
:func:`code_deduped` is ``eventcoder code --dedupe``.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .dataset import open_dataset
from .errors import DatasetError, InputError, Interrupted, OutputError
from .schema import DEDUPE_FIELDS, DEDUPED_SCHEMA, EVENT_COLUMNS, SCHEMA_VERSION
from .writers import METADATA_FILE, REJECTED_FILE, DatasetWriter, scratch_folder

#: ``by`` -> the code column of the key.
KEYS = {"code": "event_code", "root": "root_code"}
#: The order that picks a group's first event, the one kept.
KEPT_ORDER = ("date", "story_id", "sentence_index", "event_id")
#: The order of the output's rows.
ROW_ORDER = ("date", "source", "target", "event_code", "event_id")
#: DuckDB's memory limit by default (it spills to disk past it); the process needs a few hundred
#: MB more (Python, pyarrow, the writer's batch).
MEMORY_LIMIT = "1GB"
BATCH_ROWS = 100_000
_MEMORY = re.compile(r"\s*\d+(\.\d+)?\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)\s*", re.IGNORECASE)


@dataclass
class DedupeSummary:
    output: str
    events_in: int  # rows read
    events_out: int  # rows written
    mentions: int  # sum of n_mentions written: the events originally coded
    by: str = "code"
    window: int = 0
    rejected: int = 0  # rejected records carried over from the input
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        days = "a day" if self.window == 0 else f"per chain of days at most {self.window} apart"
        merged = f" ({self.mentions:,} events)" if self.mentions != self.events_in else ""
        return (f"deduplicated, one event {days} per source, target and {KEYS[self.by].replace('_', ' ')}: "
                f"{self.events_in:,} rows{merged} -> {self.events_out:,}")


@dataclass
class SourceDataset:
    """An eventcoder Parquet dataset checked for :func:`dedupe`: its data files, provenance,
    rows, and whether it is deduplicated already (has the :data:`DEDUPE_FIELDS` columns)."""

    path: Path
    files: list[Path]
    metadata: dict
    rows: int
    deduplicated: bool


def check_key(by: str, window: int) -> None:
    """Refuse a ``by`` other than code/root and a negative window (E100, naming the option)."""
    if by not in KEYS:
        raise InputError(f"unknown key level '{by}'", field="--by", fix="use code (the full event code) or root")
    if window < 0:
        raise InputError(f"the window cannot be negative ({window})", field="--window",
                         fix="give a number of days: 0 merges the same day only, 1 also the next day")


def check_memory_limit(value: str) -> str:
    """A DuckDB memory size such as ``1GB`` or ``500MB`` (E100 naming the option otherwise)."""
    if not _MEMORY.fullmatch(value):
        raise InputError(f"'{value}' is not a memory size", field="--memory-limit", fix="write it as e.g. 1GB or 500MB")
    return value.strip()


def open_source(path: str | Path) -> SourceDataset:
    """Check that ``path`` is an eventcoder Parquet dataset (:func:`eventcoder.dataset.open_dataset`)
    of this schema version whose files all hold the event columns (and all or none the
    deduplicated ones); E700 naming what is not."""
    dataset = open_dataset(path)
    version = dataset.provenance.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DatasetError(f"the dataset has schema version {version!r}; this eventcoder reads version {SCHEMA_VERSION}",
                           file=dataset.path, fix="code the stories again with this eventcoder")
    rows, kinds = 0, set()
    for file in dataset.files:
        try:
            parquet = pq.ParquetFile(file)
        except (OSError, pa.ArrowException) as err:
            raise DatasetError(f"not a readable Parquet file: {err}", file=file, fix="repair or remove it") from None
        names = set(parquet.schema_arrow.names)
        missing = [name for name in EVENT_COLUMNS if name not in names]
        if missing:
            raise DatasetError(f"not an events file: missing column(s) {', '.join(missing)}", file=file,
                               fix="code the stories again with this eventcoder")
        kinds.add(all(f.name in names for f in DEDUPE_FIELDS))
        rows += parquet.metadata.num_rows
    if len(kinds) > 1:
        raise DatasetError("the dataset mixes deduplicated and raw event files", file=dataset.path,
                           fix="deduplicate the raw events into a dataset of their own")
    return SourceDataset(dataset.path, list(dataset.files), dataset.provenance, rows, kinds.pop())


def _writer(output: str | Path, *, overwrite: bool, inputs) -> DatasetWriter:
    """The writer of a deduplicated dataset, its refusals checked (nothing touched): an existing
    output needs ``overwrite`` (there is no appending to a deduplicated dataset)."""
    writer = DatasetWriter(output, schema=DEDUPED_SCHEMA, overwrite=overwrite, inputs=inputs)
    if not overwrite and (writer.path.exists() or writer.path.is_symlink()):
        raise OutputError("output already exists", file=writer.path,
                          fix="pass --overwrite to replace it, or choose another output path")
    writer.check()
    return writer


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _names(columns) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def dedupe_query(files: list[Path], *, by: str = "code", window: int = 0, deduplicated: bool = False) -> str:
    """The DuckDB query that deduplicates ``files`` (see the module docstring for the rules).

    Every input row gets an id ``_rid`` (file number << 40 | row number in the file). The groups
    are formed on a narrow scan (the key, the kept order, the merged columns); each keeps the
    ``_rid`` of its first event, and a second scan joins the full rows of those events back."""
    check_key(by, window)
    listed = "[" + ", ".join(_quote(str(f)) for f in files) + "]"
    scan = (f"(SELECT *, (list_position({listed}, filename)::BIGINT << 40) + file_row_number AS _rid "
            f"FROM read_parquet({listed}, filename = true, file_row_number = true, hive_partitioning = false))")
    key = _names(("source", "target", KEYS[by]))
    if deduplicated:
        merged_in = ", n_mentions, story_ids, event_ids"
        merged = ("sum(n_mentions) AS n_mentions, list_sort(list_distinct(flatten(list(story_ids)))) AS story_ids, "
                  "list_sort(flatten(list(event_ids))) AS event_ids")
    else:
        merged_in = ""
        merged = ("count(*) AS n_mentions, list(DISTINCT story_id ORDER BY story_id) AS story_ids, "
                  "list(event_id ORDER BY event_id) AS event_ids")
    narrow = f"SELECT _rid, {_names(KEPT_ORDER)}, {key}{merged_in} FROM {scan}"
    if window == 0:
        grouped = f'SELECT *, "date" AS _group FROM ({narrow})'
    else:
        # A group starts where the gap to the previous date of the key exceeds the window; the
        # running count of starts (RANGE frame: ties on a date share it) numbers the groups.
        gaps = (f'SELECT *, coalesce("date" - lag("date") OVER (PARTITION BY {key} ORDER BY "date") > {int(window)}, '
                f"true) AS _starts FROM ({narrow})")
        grouped = (f'SELECT *, sum(CASE WHEN _starts THEN 1 ELSE 0 END) OVER (PARTITION BY {key} ORDER BY "date") '
                   f"AS _group FROM ({gaps})")
    groups = f"SELECT arg_min(_rid, ({_names(KEPT_ORDER)}, _rid)) AS _rid, {merged} FROM ({grouped}) GROUP BY {key}, _group"
    columns = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS)
    order = ", ".join(f'e."{c}"' for c in ROW_ORDER)
    return (f"SELECT {columns}, g.n_mentions::INTEGER AS n_mentions, len(g.story_ids)::INTEGER AS n_stories, "
            f"g.story_ids, g.event_ids FROM ({groups}) AS g JOIN {scan} AS e USING (_rid) ORDER BY {order}, e._rid")


def _connect(memory_limit: str, spill: Path):
    import duckdb

    config = {
        "memory_limit": check_memory_limit(memory_limit),
        "temp_directory": str(spill),
        "preserve_insertion_order": False,
        "autoinstall_known_extensions": False,
    }
    try:
        return duckdb.connect(config=config)
    except duckdb.Error as err:
        raise InputError(f"cannot set up the query engine: {err}", field="--memory-limit",
                         fix="give a size such as 1GB or 500MB") from None


def _arrow_batches(relation, rows: int):
    to_reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader  # duckdb 2 / 1.x
    return to_reader(rows)


@contextmanager
def _interruptible(connection):
    """Ctrl-C or SIGTERM while the query runs: DuckDB's query is interrupted (DuckDB would
    otherwise swallow the signal into its own error) and :class:`Interrupted` raised, so the
    writer discards its output and the command line says so. Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def stop(signum, frame):
        received.append(signum)
        connection.interrupt()

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except Exception:
        if received:
            raise Interrupted(received[0]) from None
        raise
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    if received:
        raise Interrupted(received[0])


def write_deduplicated(writer: DatasetWriter, source: SourceDataset, *, by: str = "code", window: int = 0,
                       memory_limit: str = MEMORY_LIMIT) -> int:
    """Deduplicate ``source`` into an open ``writer`` (schema :data:`DEDUPED_SCHEMA`), batch by
    batch; returns the sum of ``n_mentions`` written. DuckDB spills into a working folder beside
    the output, removed at the end."""
    import duckdb

    query = dedupe_query(source.files, by=by, window=window, deduplicated=source.deduplicated)
    mentions = 0
    with scratch_folder(writer.path) as spill:
        connection = _connect(memory_limit, spill / "spill")
        try:
            with _interruptible(connection):
                for batch in _arrow_batches(connection.sql(query), BATCH_ROWS):
                    writer.write_table(batch)
                    mentions += pc.sum(batch.column("n_mentions")).as_py() or 0
        except (duckdb.Error, pa.ArrowException) as err:
            raise InputError(f"deduplication failed: {err}", file=source.path,
                             fix="check that the dataset's files are readable and that the disk beside the output "
                             "has room for the query's spill files") from None
        finally:
            connection.close()
    return mentions


def _metadata(source: SourceDataset, by: str, window: int, origin: str) -> dict:
    """The provenance of a deduplicated dataset: the coding's model and dictionaries, and how it
    was deduplicated."""
    meta = {k: source.metadata[k] for k in ("model", "dictionary_fingerprint") if k in source.metadata}
    meta["deduplicated"] = {
        "key": ["date", "source", "target", KEYS[by]],
        "by": by,
        "window_days": window,
        "kept": "the event with the smallest (" + ", ".join(KEPT_ORDER) + ")",
        "input": origin,
        "input_rows": source.rows,
    }
    return meta


def _dedupe_into(writer: DatasetWriter, source: SourceDataset, *, by: str, window: int, memory_limit: str,
                 started: float) -> DedupeSummary:
    with writer:
        notes = list(writer.notes)
        mentions = write_deduplicated(writer, source, by=by, window=window, memory_limit=memory_limit)
        rejected = source.path / REJECTED_FILE
        if rejected.is_file():
            writer.copy_rejected(rejected)
        writer.commit({"counts": {"rows_in": source.rows, "mentions": mentions}})
    return DedupeSummary(
        output=str(writer.path), events_in=source.rows, events_out=writer.events_written, mentions=mentions,
        by=by, window=window, rejected=writer.rejected_written, notes=notes, seconds=time.perf_counter() - started,
    )


def dedupe(dataset: str | Path, output: str | Path, *, by: str = "code", window: int = 0, overwrite: bool = False,
           memory_limit: str = MEMORY_LIMIT) -> DedupeSummary:
    """Write the deduplication of the eventcoder dataset ``dataset`` to the new dataset ``output``
    (replacing an existing eventcoder dataset only with ``overwrite``), all or nothing.

    Rejected input records of ``dataset`` (``_rejected.jsonl``) are carried over. The output
    never replaces the input, nor lies inside it (E400)."""
    started = time.perf_counter()
    check_key(by, window)
    check_memory_limit(memory_limit)
    source = open_source(dataset)
    out = Path(output)
    inside = Path(source.path).resolve()
    if inside == out.resolve() or inside in out.resolve().parents:
        raise OutputError("the output would replace the input dataset or lie inside it", file=out,
                          fix="give an --output path outside the input dataset")
    writer = _writer(out, overwrite=overwrite, inputs=[*source.files, source.path / METADATA_FILE])
    writer.metadata = {**_metadata(source, by, window, str(dataset)), "input": source.metadata}
    return _dedupe_into(writer, source, by=by, window=window, memory_limit=memory_limit, started=started)


def code_deduped(options, progress=None, coder=None):
    """``eventcoder code --dedupe``: code into a raw dataset in a working folder beside the output,
    then write its one-a-day deduplication (by code, same day) to ``options.output``; the raw
    dataset is removed. Returns the run's :class:`~eventcoder.summary.RunSummary`, its ``output`` the
    deduplicated dataset and its notes saying what deduplication did."""
    from .readers import resolve_inputs
    from .run import run
    from .summary import input_paths

    started = time.perf_counter()
    if options.output_format != "parquet":
        raise InputError(f"--dedupe writes a Parquet dataset, not {options.output_format}", field="--format",
                         fix="drop --format (or --dedupe, then the output holds every event)")
    if options.append:
        raise InputError("--dedupe and --append exclude each other", field="--append",
                         fix="code the new stories into a dataset of their own, or code them all again with --overwrite")
    sources = resolve_inputs(list(options.inputs), options.input_format, defer_errors=options.skip_bad)
    writer = _writer(options.output, overwrite=options.overwrite, inputs=input_paths(sources))  # before the model loads
    with scratch_folder(writer.path) as work:
        raw = replace(options, output=str(work / "raw"), output_format="parquet", overwrite=False, append=False,
                      dedupe=False)
        summary = run(raw, progress, coder)
        source = open_source(raw.output)
        meta = _metadata(source, "code", 0, "coded in this run")
        meta.update(options=options.to_metadata(), counts=dict(source.metadata.get("counts") or {}))
        writer.metadata = meta
        result = _dedupe_into(writer, source, by="code", window=0, memory_limit=MEMORY_LIMIT, started=started)
    summary.output = result.output
    summary.rejected_file = str(writer.rejected_path) if summary.stories_rejected else None
    summary.notes = [*result.notes, result.describe()]
    summary.seconds = result.seconds
    return summary
