"""``eventcoder export``: write a dataset as ICEWS-style TSV, GDELT-1.0-shaped TSV or PLOVER JSON."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer


def export(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder written by `eventcoder code`, or one of its .parquet files.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="icews (ICEWS-style TSV), gdelt (GDELT 1.0 event TSV) or plover (PLOVER JSON, one record per line).")],
    output: Annotated[str, typer.Option("--output", "-o", help="The file to write; '-' writes to stdout.")],
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output file.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")] = False,
) -> None:
    """Export a dataset in the shape of another event dataset: ICEWS, GDELT 1.0 or PLOVER.

    The columns of each format are listed in docs/output.md ("Exports"). The dataset is read a batch at a time, so any size exports in little memory; a file is written whole or not at all.

    Example: eventcoder export output/events --format icews --output events.icews.tsv
    """
    from ..exports import STDOUT, export as export_dataset  # pyarrow: imported only when exporting

    try:
        summary = export_dataset(dataset, output_format, output, overwrite=overwrite)
    except BrokenPipeError:
        # The reader of stdout stopped early (`| head`): not an error; silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if quiet:
        return
    where = "stdout" if output == STDOUT else output
    line = f"exported {summary.written:,} of {summary.events:,} events as {summary.format} to {where}"
    if summary.left_out:
        line += f" ({summary.left_out:,} left out: CAMEO statements (01) and appeals (02) have no PLOVER category)"
    typer.echo(line, err=True)
