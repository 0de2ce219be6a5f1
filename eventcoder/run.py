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
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .checkpoint import CHUNK_STORIES
from .readers import MAX_STORY_CHARS
from .records import Rejected, Story
# Shared with the engines (which import summary, never this module); importable from here too.
from .summary import Progress, RunSummary, input_paths, reject_error, run_metadata, writer_notes  # noqa: F401


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
    max_story_chars: int = MAX_STORY_CHARS  # a longer story is rejected (readers.MAX_STORY_CHARS)
    dedupe: bool = False  # write the one-a-day deduplication instead of every event (eventcoder/dedupe.py)
    resume: bool = False  # continue the interrupted run of the same output (eventcoder/chunked.py)
    chunk_stories: int = CHUNK_STORIES  # records per checkpoint of a resumable run (eventcoder/checkpoint.py)
    command: str | None = None  # the command line that started the run (told to the user to resume it)

    def to_metadata(self) -> dict:
        out = asdict(self)
        out["inputs"] = list(self.inputs)
        out["dictionaries"] = list(self.dictionaries) if self.dictionaries else None
        out["default_date"] = self.default_date.isoformat() if self.default_date else None
        return out


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


def run(options: RunOptions, progress: Progress | None = None, coder=None) -> RunSummary:
    """Code ``options.inputs`` into ``options.output``; returns the summary.

    The dataset is committed only when every story is done; an error or interruption leaves no
    dataset behind (an existing one is left as it was). A Parquet run from input files commits
    its work in chunks as it goes, so that a killed run can be resumed (eventcoder/chunked.py);
    other runs are all or nothing."""
    from .chunked import run_chunked, why_not_resumable
    from .engines.executor import executor
    from .nlp import model_description
    from .pipeline import Coder
    from .readers import check_encoding, read_sources, resolve_inputs
    from .writers import DatasetWriter

    if options.engine == "dask":
        from .engines.dask_engine import _import_distributed

        _import_distributed()  # a missing Dask stops the run before anything is loaded
    elif options.engine != "local":
        from .errors import EngineError

        raise EngineError(f"unknown engine '{options.engine}'", field="--engine", fix="use local or dask")
    started = time.perf_counter()
    check_encoding(options.encoding)
    sources = resolve_inputs(list(options.inputs), options.input_format, defer_errors=options.skip_bad)
    why_not = why_not_resumable(options, sources)
    if why_not is None:
        return run_chunked(options, sources, coder, progress, started)
    if options.resume:
        from .errors import ResumeError

        raise ResumeError(f"--resume {why_not}", field="--resume", fix="run without --resume (the run is all or nothing)")
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
        max_story_chars=options.max_story_chars,
        skip_unreadable=options.skip_bad,
    )
    try:
        with writer, executor(options) as code:
            summary.notes = writer_notes(writer)
            stories = _stories(items, summary, options.skip_bad, writer.reject)
            before = coder.sentences  # a Coder may have coded other runs before this one
            for story, events in code(coder, stories):
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
    except OSError as err:  # a full disk: all or nothing, so nothing is left
        from .chunked import WRITE_ERRNOS, write_failed

        if err.errno not in WRITE_ERRNOS:
            raise
        raise write_failed(err, writer.path) from None
    return summary


def default_output(name: str = "events") -> Path:
    return Path("output") / name
