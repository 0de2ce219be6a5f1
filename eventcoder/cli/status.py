"""``eventcoder status``: show what a finished or interrupted run of ``eventcoder code`` did."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table


def status(
    output: Annotated[Path, typer.Argument(help="The --output path of an `eventcoder code` run (a Parquet dataset folder).")],
) -> None:
    """Show a finished or partial coding run: stories read, coded, rejected, events written, chunks done / total, options, versions, elapsed time.

    A partial run (killed before it finished) shows the command that resumes it.

    Example: eventcoder status output/events
    """
    from ..status import SHOWN, run_status

    console = Console(width=200)
    for run in run_status(output):
        table = Table(title=f"eventcoder run: {run.state}", show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        table.add_row("output", str(run.path) + (f" (partial, in {run.where.name})" if run.where else ""))
        for name, label in SHOWN:
            if name in run.counts:
                table.add_row(label, f"{run.counts[name]:,}")
        if run.chunks_done is not None:
            total = f"{run.chunks_total:,}" if run.chunks_total else "?"
            table.add_row("chunks done", f"{run.chunks_done:,} / {total}"
                          + (" (total estimated from the inputs)" if run.state != "complete" and run.chunks_total else ""))
        if run.elapsed_seconds is not None:
            table.add_row("elapsed", f"{run.elapsed_seconds:,.1f} s")
        for name, value in run.versions.items():
            table.add_row(name, str(value))
        options = ", ".join(f"{k}={v}" for k, v in sorted(run.options.items()) if v not in (None, False, [], ""))
        table.add_row("options", options or "-")
        for note in run.notes:
            table.add_row("note", note)
        if run.resume and run.state == "partial":
            table.add_row("resume with", run.resume)
        console.print(table)
