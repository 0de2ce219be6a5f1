"""``eventcoder report``: write a dataset's one-file HTML report (charts and a summary table)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError

#: Why a section shows a note instead of its chart.
WHY_NOT = {"plover": "no event has a PLOVER category", "map": "no event has coordinates"}


def report(
    dataset: Annotated[Path, typer.Argument(help="The dataset folder `eventcoder code` wrote (it holds _eventcoder.json).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output file.")] = False,
    actors: Annotated[str, typer.Option("--actors", help="Name actors in the dyads and balance charts by 'country' (the country block of the code, or the whole code of an actor without one) or by full 'code'.")] = "country",
) -> None:
    """Write a one-file HTML report of an event dataset: events over time by quad class, top dyads, CAMEO root and PLOVER distributions, the conflict-cooperation balance of the top actors, a map of located events, and a summary table.

    The file is self-contained (scripts, styles and the world map inlined): it opens offline in any web browser. docs/output.md ("Report") describes each chart.

    Example: eventcoder report output/events --output report.html
    """
    from ..report import ACTOR_LEVELS, write_report

    if actors not in ACTOR_LEVELS:
        raise InputError(f"unknown actor naming '{actors}'", field="--actors", fix=f"use {' or '.join(ACTOR_LEVELS)}")
    result = write_report(dataset, output, overwrite=overwrite, actors=actors)
    summary = result.data.summary
    drawn = ", ".join(result.charts) or "none"
    typer.echo(f"{summary.events:,} events from {summary.stories:,} stories -> {result.output} "
               f"({result.size / 1e6:.1f} MB; charts: {drawn})")
    for name in result.notes:
        typer.echo(f"note: no {name} chart: {WHY_NOT.get(name, 'no events')} (the report shows a note)")
