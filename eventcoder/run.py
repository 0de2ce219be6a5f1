"""A coding run: read stories, code them, write the dataset, count everything.

This is the library behind ``eventcoder code``. Counts always add up: every story read is either
coded (possibly with no events) or rejected; rejected records are never dropped silently (they
stop the run, or with ``skip_bad`` go to the rejected-records file). An input file that cannot be
read at all is, with ``skip_bad``, one rejected record (origin: the file) and counts as one story
read and one rejected (``files_rejected`` says how many of the rejected are whole files).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from . import __version__
from .errors import InputError
from .records import Event, Rejected, Story


@dataclass
class RunOptions:
    inputs: Sequence[str]
    output: str = "output/events"
    output_format: str = "parquet"
    input_format: str | None = None
    id_field: str = "id"
    date_field: str = "date"
    text_field: str = "text"
    default_date: dt.date | None = None
    encoding: str = "utf-8"
    dictionaries: Sequence[str] | None = None
    model: str | None = None
    skip_bad: bool = False
    overwrite: bool = False
    append: bool = False
    require_dyad: bool = True
    batch_size: int = 64
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None

    def to_metadata(self) -> dict:
        out = asdict(self)
        out["inputs"] = list(self.inputs)
        out["dictionaries"] = list(self.dictionaries) if self.dictionaries else None
        out["default_date"] = self.default_date.isoformat() if self.default_date else None
        return out


@dataclass
class RunSummary:
    stories_read: int = 0
    stories_coded: int = 0
    stories_rejected: int = 0
    files_rejected: int = 0  # of stories_rejected: whole input files that could not be read
    stories_with_events: int = 0
    sentences: int = 0
    events: int = 0
    by_quad: Counter = field(default_factory=Counter)
    by_root: Counter = field(default_factory=Counter)
    output: str = ""  # the path actually written (events.csv for -o events --format csv)
    rejected_file: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. leftovers of an earlier interrupted run
    seconds: float = 0.0
    setup_seconds: float = 0.0  # loading the model and dictionaries, part of ``seconds``
    model: str = ""
    fingerprint: str = ""

    def add(self, events: list[Event]) -> None:
        self.stories_coded += 1
        if events:
            self.stories_with_events += 1
        self.events += len(events)
        for e in events:
            self.by_quad[e.quad_class] += 1
            self.by_root[e.root_code] += 1

    def balanced(self) -> bool:
        return self.stories_read == self.stories_coded + self.stories_rejected


Progress = Callable[[int, int], None]  # (stories done, sentences done)


def run_metadata(options: RunOptions, summary: RunSummary) -> dict:
    """The provenance stored with the dataset (counts are added at the end)."""
    return {
        "eventcoder_version": __version__,
        "model": summary.model,
        "dictionary_fingerprint": summary.fingerprint,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "options": options.to_metadata(),
    }


def reject_error(item: Rejected) -> InputError:
    """The error that stops a run at a bad record (without --skip-bad), naming file and line."""
    file, _, line = item.origin.rpartition(":")
    return InputError(
        item.reason,
        file=file or item.origin,
        line=int(line) if line.isdigit() else None,
        field=item.field,
        fix="correct the record, or pass --skip-bad to write it to the rejected-records file and go on",
    )


def _stories(items: Iterable[Story | Rejected], summary: RunSummary, skip_bad: bool, on_reject) -> Iterator[Story]:
    from .readers import FileRejected

    for item in items:
        summary.stories_read += 1
        if isinstance(item, Rejected):
            if not skip_bad:
                if isinstance(item, FileRejected) and item.error is not None:
                    raise item.error
                raise reject_error(item)
            summary.stories_rejected += 1
            if isinstance(item, FileRejected):
                summary.files_rejected += 1
            on_reject(item)
            continue
        yield item


def input_paths(sources) -> list[Path]:
    """The files a run reads (for the writer's check that it never writes over one of them)."""
    return [Path(s.path) for s in sources if s.path is not None and s.error is None]


def writer_notes(writer) -> list[str]:
    """What the writer found beside the output (leftovers of an interrupted earlier run)."""
    return list(writer.notes)


def run(options: RunOptions, progress: Progress | None = None, coder=None) -> RunSummary:
    """Code ``options.inputs`` into ``options.output``; returns the summary.

    The dataset is committed only when every story is done; an error or interruption leaves no
    dataset behind (an existing one is left as it was)."""
    from .nlp import model_description
    from .pipeline import Coder
    from .readers import check_encoding, read_sources, resolve_inputs
    from .writers import DatasetWriter

    if options.engine == "dask":
        from .engines.dask_engine import run_dask

        return run_dask(options, progress, coder=coder)
    if options.engine != "local":
        from .errors import EngineError

        raise EngineError(f"unknown engine '{options.engine}'", field="--engine", fix="use local or dask")
    started = time.perf_counter()
    check_encoding(options.encoding)
    sources = resolve_inputs(list(options.inputs), options.input_format, defer_errors=options.skip_bad)
    writer = DatasetWriter(
        options.output, fmt=options.output_format, overwrite=options.overwrite, append=options.append,
        inputs=input_paths(sources),
    )
    writer.check()  # refuse a bad output before the model is loaded
    if coder is None:
        coder = Coder(options.dictionaries, options.model, require_dyad=options.require_dyad, batch_size=options.batch_size)
    summary = RunSummary(output=str(writer.path), model=model_description(coder.nlp), fingerprint=coder.fingerprint)
    summary.setup_seconds = time.perf_counter() - started
    writer.metadata = run_metadata(options, summary)
    items = read_sources(
        sources,
        id_field=options.id_field,
        date_field=options.date_field,
        text_field=options.text_field,
        default_date=options.default_date,
        encoding=options.encoding,
        skip_unreadable=options.skip_bad,
    )
    with writer:
        summary.notes = writer_notes(writer)
        stories = _stories(items, summary, options.skip_bad, writer.reject)
        before = coder.sentences  # a Coder may have coded other runs before this one
        for story, events in _code(coder, stories, options):
            summary.add(events)
            if events:
                writer.write(events)
            if progress is not None:
                progress(summary.stories_coded + summary.stories_rejected, coder.sentences - before)
        summary.sentences = coder.sentences - before
        summary.seconds = time.perf_counter() - started
        writer.metadata["counts"] = {
            "stories_read": summary.stories_read,
            "stories_coded": summary.stories_coded,
            "stories_rejected": summary.stories_rejected,
            "sentences": summary.sentences,
            "events": summary.events,
        }
        summary.rejected_file = str(writer.rejected_path) if summary.stories_rejected else None
        writer.commit()
    return summary


def _code(coder, stories: Iterable[Story], options: RunOptions):
    from .engines import resolve_workers

    if resolve_workers(options.workers) > 1:
        from .engines.local import code_in_processes

        return code_in_processes(coder, stories, options)
    return coder.code_stories(stories)


def default_output(name: str = "events") -> Path:
    return Path("output") / name
