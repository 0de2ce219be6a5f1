"""``--engine dask``: code on a Dask distributed cluster; every task writes its own part files.

The inputs are split into partitions: one per file, byte ranges aligned to line starts for large
(uncompressed) JSONL files, one per row group for Parquet files with several. Each task reads its
partition, codes it with a Coder built once per worker thread (same model and dictionary
fingerprint as the parent, checked), and writes its events as Parquet part files
(``year=YYYY/part-<run>-p<partition>-<n>.parquet``) and its rejected records
(``_rejected-p<partition>.jsonl``) straight into the run's temporary dataset folder. The parent only
plans, waits and counts; the dataset is committed (renamed into place, by
:class:`eventcoder.writers.DatasetWriter`) only when every partition is done. Any failure removes
the temporary folder and leaves no dataset behind.

Events are those of the local engine (same ids); their order within the dataset follows the
partitions, so compare datasets sorted by ``event_id``. Two differences, both documented in
docs/performance.md: duplicate story ids are only detected within a partition, and the output
must be a Parquet dataset on a filesystem the workers share with the parent.

Dask is an optional extra: it is imported only here, and a missing Dask is an :class:`EngineError`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from .. import errors
from ..errors import EngineError, EventcoderError
from ..records import Event, Rejected, Story
from . import resolve_workers
from .local import WorkerSpec, build_coder, worker_spec

#: Target size of a JSONL partition (bytes); ``EVENTCODER_PARTITION_MB`` overrides it.
PARTITION_BYTES = 64 * 2**20
#: Events buffered by a task before they are written out.
TASK_BATCH_ROWS = 50_000


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: a whole file, a byte range of a JSONL file, or a row group."""

    index: int
    source: object  # readers.Source, with an absolute path
    start: int | None = None  # byte range [start, end) of a JSONL file, starting at line first_line
    end: int | None = None
    first_line: int = 1
    row_group: int | None = None  # Parquet row group, whose first row is first_row
    first_row: int = 0

    def describe(self) -> str:
        name = self.source.name
        if self.start is not None:
            return f"{name} bytes {self.start}-{self.end} (from line {self.first_line})"
        if self.row_group is not None:
            return f"{name} row group {self.row_group}"
        return name


@dataclass(frozen=True)
class TaskSpec:
    worker: WorkerSpec
    context: object  # readers._Context: field names, default date, encoding
    temp: str  # the run's temporary dataset folder (absolute)
    output: str
    run_id: str
    schema_metadata: dict
    skip_bad: bool
    max_rows_per_file: int = 1_000_000


# ------------------------------------------------------------------------------------------------
# Planning


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask distributed, which is not installed",
            field="--engine",
            fix="pip install eventcoder[dask]",
        ) from None
    return distributed


def partition_bytes() -> int:
    env = os.environ.get("EVENTCODER_PARTITION_MB")
    return int(float(env) * 2**20) if env else PARTITION_BYTES


def line_ranges(path: Path, target: int) -> list[tuple[int, int, int]]:
    """Split a file into byte ranges of about ``target`` bytes, each starting at a line start:
    ``[(start, end, first_line)]`` (line numbers from 1). One sequential pass, 1 MiB at a time."""
    ranges: list[tuple[int, int, int]] = []
    start, start_line = 0, 1
    offset, lines = 0, 0  # offset of the current chunk; newlines before it
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            pos = 0
            while True:
                at = max(start + target - 1 - offset, pos)
                if at >= len(chunk):
                    break
                nl = chunk.find(b"\n", at)
                if nl < 0:
                    break
                end = offset + nl + 1
                ranges.append((start, end, start_line))
                start, start_line = end, lines + chunk.count(b"\n", 0, nl + 1) + 1
                pos = nl + 1
            lines += chunk.count(b"\n")
            offset += len(chunk)
    if start < offset or not ranges:
        ranges.append((start, offset, start_line))
    return ranges


def plan_partitions(sources: list, ctx, target: int) -> list[Partition]:
    """Partitions in input order (the order of their stories in a local run)."""
    from ..readers import _require_columns

    import pyarrow as pa

    from ..errors import InputError

    parts: list[Partition] = []
    for source in sources:
        if source.path is None:
            raise EngineError(
                "--engine dask cannot read stdin", field="inputs", fix="save the input to a file, or use the local engine"
            )
        source = replace(source, path=Path(source.path).resolve())
        if source.error is not None:
            parts.append(Partition(len(parts), source))  # its task reports it (or, skipping, rejects it)
            continue
        try:
            size = source.path.stat().st_size
        except OSError:
            size = 0  # unreadable: one partition, whose reading reports the file
        if source.fmt == "jsonl" and not source.gzipped and size > target:
            try:
                ranges = line_ranges(source.path, target)
            except OSError:
                ranges = []
            for start, end, first_line in ranges:
                parts.append(Partition(len(parts), source, start=start, end=end, first_line=first_line))
            if ranges:
                continue
        if source.fmt == "parquet":
            import pyarrow.parquet as pq

            try:
                meta = pq.ParquetFile(source.path).metadata
                _require_columns(source, meta.schema.to_arrow_schema().names, ctx, line=None)
            except (OSError, pa.ArrowException, InputError):
                meta = None  # one partition, whose reading reports the problem with its file and fix
            if meta is not None and meta.num_row_groups > 1:
                first = 0
                for rg in range(meta.num_row_groups):
                    parts.append(Partition(len(parts), source, row_group=rg, first_row=first))
                    first += meta.row_group(rg).num_rows
                continue
        parts.append(Partition(len(parts), source))
    return parts


# ------------------------------------------------------------------------------------------------
# Reading a partition (the same records, origins and rejections as eventcoder.readers)


def _read_jsonl_range(part: Partition, ctx) -> Iterator[Story | Rejected]:
    from ..readers import jsonl_item

    source = part.source
    with open(source.path, "rb") as fh:
        fh.seek(part.start)
        pos, lineno = part.start, part.first_line - 1
        for raw in fh:
            if pos >= part.end:
                break
            pos += len(raw)
            lineno += 1
            item = jsonl_item(raw, f"{source.name}:{lineno}", ctx, lineno == 1)
            if item is not None:
                yield item


def _read_row_group(part: Partition, ctx) -> Iterator[Story | Rejected]:
    import pyarrow.parquet as pq

    from ..readers import _story_or_rejected

    source = part.source
    parquet = pq.ParquetFile(source.path)
    names = parquet.schema_arrow.names
    f = ctx.fields
    wanted = [c for c in dict.fromkeys((f.id, f.date, f.text, f.title, f.publisher, f.url)) if c in names]
    row = part.first_row
    for batch in parquet.iter_batches(batch_size=1024, row_groups=[part.row_group], columns=wanted):
        for record in batch.to_pylist():
            yield _story_or_rejected(f"{source.name}:row {row}", record, ctx)
            row += 1


def read_partition(part: Partition, ctx, skip_unreadable: bool = False) -> Iterator[Story | Rejected]:
    """The records of a partition, as :func:`eventcoder.readers.read_source` gives them: a file
    that cannot be read raises InputError, or with ``skip_unreadable`` is one FileRejected."""
    from ..readers import _clip, read_source

    if part.start is not None:
        items = read_source(
            part.source, ctx, skip_unreadable, lambda source, ctx: _read_jsonl_range(part, ctx), check_kind=part.start == 0
        )
    elif part.row_group is not None:
        items = read_source(part.source, ctx, skip_unreadable, lambda source, ctx: _read_row_group(part, ctx))
    else:
        items = read_source(part.source, ctx, skip_unreadable)
    seen: set[tuple[str, int]] = set()  # duplicates within the partition, as readers._stream does
    for item in items:
        if isinstance(item, Story):
            key = (item.id, item.sentence_offset)
            if key in seen:
                yield Rejected(
                    item.origin or part.source.name,
                    f"duplicate id '{item.id}' (an earlier record in this run has it)",
                    ctx.fields.id,
                    _clip(item.text),
                )
                continue
            seen.add(key)
        yield item


# ------------------------------------------------------------------------------------------------
# The task (runs on a Dask worker)

_local = threading.local()


def _coder_for(spec: WorkerSpec):
    """One Coder per worker thread and spec (spaCy pipelines are not shared across threads)."""
    coders = getattr(_local, "coders", None)
    if coders is None:
        coders = _local.coders = {}
    if spec not in coders:
        coders[spec] = build_coder(spec)
    return coders[spec]


def _part_sink(spec: TaskSpec, part: Partition):
    """A writer of this task's part files inside the run's temporary folder (the dataset writer's
    own Parquet sink, pointed at the shared temporary folder with the run's schema metadata)."""
    import pyarrow as pa

    from ..schema import EVENT_SCHEMA
    from ..writers.parquet import _ParquetSink

    sink = _ParquetSink(Path(spec.output), f"{spec.run_id}-p{part.index:05d}", spec.max_rows_per_file)
    sink.temp = Path(spec.temp)
    sink.schema = EVENT_SCHEMA.with_metadata(spec.schema_metadata)
    assert isinstance(sink.schema, pa.Schema)
    return sink


def rejected_part(temp: str | Path, index: int) -> Path:
    return Path(temp) / f"_rejected-p{index:05d}.jsonl"


def code_partition(spec: TaskSpec, part: Partition) -> dict:
    """Read, code and write one partition; returns its counts (never raises for a user error:
    the error is returned so the parent can raise it with its file and line)."""
    result = {
        "index": part.index, "read": 0, "coded": 0, "rejected": 0, "with_events": 0, "sentences": 0,
        "events": 0, "by_quad": Counter(), "by_root": Counter(), "bad": None, "failure": None, "files_rejected": 0,
    }
    try:
        _code_partition(spec, part, result)
    except _Cancelled:
        result["failure"] = ("EngineError", "cancelled", {})
    except EventcoderError as err:
        result["failure"] = (type(err).__name__, err.message, {
            "file": err.file, "line": err.line, "field": err.field, "entry": err.entry, "fix": err.fix,
        })
    return result


class _Cancelled(Exception):
    """The run failed elsewhere and this task was cancelled: stop writing at once."""


def _cancel_check():
    """A cheap test whether this task has been cancelled (the run failed in another task)."""
    try:
        from distributed import get_worker
        from distributed.worker import thread_state

        worker, key = get_worker(), thread_state.key
    except (ImportError, ValueError, AttributeError):
        return lambda: False

    def cancelled() -> bool:
        ts = worker.state.tasks.get(key)
        return ts is None or ts.state in ("cancelled", "released", "forgotten")

    return cancelled


def _still_running(prefix: str, dask_worker=None) -> list:
    """Run on each worker by the parent after a failure: this run's tasks still executing there."""
    return [
        str(ts.key) for ts in list(dask_worker.state.tasks.values())
        if str(ts.key).startswith(prefix) and (ts in dask_worker.state.executing or ts.state in ("cancelled", "executing"))
    ]


def _code_partition(spec: TaskSpec, part: Partition, result: dict) -> None:
    from ..readers import FileRejected
    from ..schema import events_to_table, json_default, rejected_to_dict

    if not Path(spec.temp).is_dir():
        raise EngineError(
            f"the worker cannot see the run's temporary folder {spec.temp}",
            fix="workers must share the output filesystem with the machine running eventcoder "
            "(use an --output path on a shared filesystem)",
        )
    coder = _coder_for(spec.worker)
    sink = _part_sink(spec, part)
    rejected_fh = None
    buffer: list[Event] = []

    cancelled = _cancel_check()

    def stories() -> Iterator[Story]:
        nonlocal rejected_fh
        for item in read_partition(part, spec.context, spec.skip_bad):
            if result["read"] % 64 == 0 and cancelled():
                raise _Cancelled
            result["read"] += 1
            if isinstance(item, Rejected):
                if not spec.skip_bad:
                    result["bad"] = item
                    return
                result["rejected"] += 1
                if isinstance(item, FileRejected):
                    result["files_rejected"] += 1
                if rejected_fh is None:
                    rejected_fh = open(rejected_part(spec.temp, part.index), "w", encoding="utf-8")
                rejected_fh.write(json.dumps(rejected_to_dict(item), ensure_ascii=False, default=json_default) + "\n")
                continue
            yield item

    def flush() -> None:
        if buffer:
            sink.write(events_to_table(buffer))
            buffer.clear()

    before = coder.sentences
    try:
        for _, events in coder.code_stories(stories()):
            result["coded"] += 1
            if events:
                result["with_events"] += 1
                result["events"] += len(events)
                for e in events:
                    result["by_quad"][e.quad_class] += 1
                    result["by_root"][e.root_code] += 1
                buffer.extend(events)
                if len(buffer) >= TASK_BATCH_ROWS:
                    flush()
        flush()
    finally:
        sink._close_writers()
        if rejected_fh is not None:
            rejected_fh.close()
        result["sentences"] = coder.sentences - before


# ------------------------------------------------------------------------------------------------
# The parent


@contextmanager
def _client(options, distributed):
    if options.scheduler:
        try:
            client = distributed.Client(options.scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(
                f"cannot connect to the Dask scheduler at {options.scheduler}: {err}",
                field="--scheduler",
                fix="check the address (tcp://HOST:PORT) and that the scheduler is running, or leave --scheduler "
                "out for a local cluster",
            ) from None
        with client:
            yield client
        return
    with distributed.LocalCluster(
        n_workers=resolve_workers(options.workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def _failure(failure: tuple) -> EventcoderError:
    name, message, where = failure
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, EventcoderError)):
        cls = EngineError
    return cls(message, **where)


def _wait(client, distributed, spec: TaskSpec, parts: list[Partition], progress, counts: dict) -> dict[int, dict]:
    """Run every partition; returns results by index. Fails like the local engine would: at the
    first bad record (or error) in input order, once every partition before it is done."""
    from ..summary import reject_error

    futures = {
        client.submit(code_partition, spec, part, key=f"eventcoder-{spec.run_id}-{part.index}", pure=False): part
        for part in parts
    }
    results: dict[int, dict] = {}
    first_bad: int | None = None
    try:
        for future in distributed.as_completed(futures):
            part = futures[future]
            try:
                res = future.result()
            except Exception as err:  # a crashed worker, a lost connection, a bug: the run fails
                raise EngineError(
                    f"the task for {part.describe()} failed: {type(err).__name__}: {err}",
                    fix="see the Dask worker logs; rerun, or use the local engine to see the error directly",
                ) from err
            results[part.index] = res
            if res["bad"] is not None or res["failure"] is not None:
                first_bad = part.index if first_bad is None else min(first_bad, part.index)
            counts["done"] += res["read"]
            counts["sentences"] += res["sentences"]
            if progress is not None:
                progress(counts["done"], counts["sentences"])
            if first_bad is not None and all(i in results for i in range(first_bad)):
                res = results[first_bad]
                if res["failure"] is not None:
                    raise _failure(res["failure"])
                raise reject_error(res["bad"])
    finally:
        pending = [f for f in futures if not f.done()]
        if pending:
            client.cancel(pending)
            _drain(client, f"eventcoder-{spec.run_id}-")
    return results


def _drain(client, prefix: str, timeout: float = 120.0) -> None:
    """After a failure: wait until no task of this run still runs (cancelled tasks stop at their
    next check), so none writes into the temporary folder while it is being removed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            busy = client.run(_still_running, prefix)
        except Exception:  # noqa: BLE001 - the cluster is going away anyway
            return
        if not any(busy.values()):
            return
        time.sleep(0.2)
    logging.getLogger(__name__).warning("eventcoder: tasks of the failed run still running after %.0f s", timeout)


def run_dask(options, progress=None, coder=None, *, partition_size: int | None = None):
    """``eventcoder.run.run`` for ``--engine dask``: returns the RunSummary (counts add up)."""
    from ..nlp import model_description
    from ..pipeline import Coder
    from ..readers import make_context, resolve_inputs
    from ..summary import RunSummary, input_paths, run_metadata, writer_notes
    from ..writers import DatasetWriter

    started = time.perf_counter()
    distributed = _import_distributed()
    if options.output_format != "parquet":
        raise EngineError(
            f"--engine dask writes Parquet datasets, not {options.output_format}",
            field="--format",
            fix="use --format parquet (the default), or the local engine",
        )
    ctx = make_context(
        id_field=options.id_field, date_field=options.date_field, text_field=options.text_field,
        default_date=options.default_date, encoding=options.encoding, max_story_chars=options.max_story_chars,
    )
    sources = resolve_inputs(list(options.inputs), options.input_format, defer_errors=options.skip_bad)
    writer = DatasetWriter(
        options.output, fmt="parquet", overwrite=options.overwrite, append=options.append, inputs=input_paths(sources)
    )
    writer.check()  # refuse a bad output before planning and loading the model
    parts = plan_partitions(sources, ctx, partition_size or partition_bytes())
    if coder is None:
        coder = Coder(options.dictionaries, options.model, require_dyad=options.require_dyad, batch_size=options.batch_size)
    summary = RunSummary(output=str(writer.path), model=model_description(coder.nlp), fingerprint=coder.fingerprint)
    writer.metadata = run_metadata(options, summary)
    with writer:
        summary.notes = writer_notes(writer)
        temp = _temp_folder(writer)
        spec = TaskSpec(
            worker=worker_spec(coder, options),
            context=ctx,
            temp=str(temp.resolve()),
            output=str(Path(options.output).resolve()),
            run_id=writer.run_id,
            schema_metadata=dict(_schema_metadata(writer)),
            skip_bad=options.skip_bad,
        )
        with _client(options, distributed) as client:
            results = _wait(client, distributed, spec, parts, progress, {"done": 0, "sentences": 0})
        for index in range(len(parts)):
            res = results[index]
            summary.stories_read += res["read"]
            summary.stories_coded += res["coded"]
            summary.stories_rejected += res["rejected"]
            summary.files_rejected += res["files_rejected"]
            summary.stories_with_events += res["with_events"]
            summary.sentences += res["sentences"]
            summary.events += res["events"]
            summary.by_quad.update(res["by_quad"])
            summary.by_root.update(res["by_root"])
            part_file = rejected_part(temp, index)
            if part_file.exists():
                with part_file.open(encoding="utf-8") as fh:
                    for line in fh:
                        writer.reject(Rejected(**json.loads(line)))
                part_file.unlink()
        if not summary.balanced():
            raise EngineError(
                f"counts do not add up: {summary.stories_read} read, {summary.stories_coded} coded, "
                f"{summary.stories_rejected} rejected",
                fix="this is a bug in eventcoder; please report it",
            )
        writer.events_written += summary.events  # written by the tasks, not through the writer
        summary.seconds = time.perf_counter() - started
        writer.metadata["counts"] = {
            "stories_read": summary.stories_read,
            "stories_coded": summary.stories_coded,
            "stories_rejected": summary.stories_rejected,
            "sentences": summary.sentences,
            "events": summary.events,
        }
        summary.rejected_file = str(writer.rejected_path) if summary.stories_rejected else None
        writer.commit({"engine": {"name": "dask", "partitions": len(parts), "scheduler": options.scheduler or "local"}})
    return summary


# Small accessors for the DatasetWriter internals the tasks need (eventcoder.writers has no public API
# for "the temporary folder" and "the Parquet schema metadata of this run").


def _temp_folder(writer) -> Path:
    return Path(writer._sink.temp)


def _schema_metadata(writer) -> dict:
    return writer._sink.schema.metadata
