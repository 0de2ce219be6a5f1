"""``eventcoder dedupe``: one event a day per source, target and code, with how many were merged."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:  # the dedupe library imports pyarrow and DuckDB: only when the command runs
    from rich.console import Console

    from ..dedupe import DedupeSummary


def dedupe(
    dataset: Annotated[Path, typer.Argument(help="An eventcoder Parquet dataset (the folder `eventcoder code` wrote; a deduplicated one too).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the deduplicated dataset (a folder).")],
    by: Annotated[str, typer.Option("--by", help="code: merge events with the same event code; root: the same root code (the first event's code is kept).")] = "code",
    window: Annotated[int, typer.Option("--window", help="Days: also merge events of the same key whose dates form a chain, each at most this many days after the one before (0: the same day only).")] = 0,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output (only one eventcoder wrote).")] = False,
    memory_limit: Annotated[Optional[str], typer.Option("--memory-limit", help="Memory the query engine may use before it spills to disk beside the output, e.g. 500MB or 4GB (default: 1GB).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Deduplicate an event dataset: one event per day, source, target and event code.

    Each output row is the first event of its group (smallest date, story_id, sentence_index, event_id) with n_mentions, n_stories, story_ids and event_ids of the events merged into it. Deduplicating a deduplicated dataset changes nothing; n_mentions always sums to the events coded. docs/output.md, "Deduplication", gives the rules.

    Example: eventcoder dedupe output/events --output output/events-deduped
    """
    from rich.console import Console

    from ..dedupe import MEMORY_LIMIT
    from ..dedupe import dedupe as dedupe_dataset

    summary = dedupe_dataset(
        dataset, output, by=by, window=window, overwrite=overwrite, memory_limit=memory_limit or MEMORY_LIMIT
    )
    if not quiet:
        print_summary(summary, Console())


def print_summary(summary: DedupeSummary, console: Console) -> None:
    from rich.table import Table

    table = Table(title="eventcoder dedupe", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    merged = f" ({summary.mentions:,} events)" if summary.mentions != summary.events_in else ""
    table.add_row("rows in", f"{summary.events_in:,}{merged}")
    share = 100 * (1 - summary.events_out / summary.events_in) if summary.events_in else 0.0
    table.add_row("rows out", f"{summary.events_out:,} ({share:.0f} % fewer)")
    code = "event code" if summary.by == "code" else "root code"
    days = "the same day" if summary.window == 0 else f"dates chained at most {summary.window} day(s) apart"
    table.add_row("key", f"source, target, {code}; {days}")
    if summary.rejected:
        table.add_row("rejected records", f"{summary.rejected:,} carried over from the input")
    table.add_row("time", f"{summary.seconds:,.1f} s")
    table.add_row("dataset", summary.output)
    for note in summary.notes:
        table.add_row("note", note)
    console.print(table)
