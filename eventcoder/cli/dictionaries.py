"""`eventcoder dictionaries ...`: import, check, count and look up dictionary entries.

A thin layer over eventcoder.dictionaries; library errors (EventcoderError) propagate to the
top-level main(), which prints them as one line and exits 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import OutputError
from ..dictionaries import native
from ..dictionaries.lint import lint as lint_dictionaries
from ..dictionaries.lookup import lookup as lookup_phrase
from .options import parse_day

app = typer.Typer(
    help="Import, check, count and look up dictionaries (native folders or petrarch:DIR).",
    no_args_is_help=True,
    add_completion=False,
)
import_app = typer.Typer(help="Convert other dictionary formats into eventcoder's own.", no_args_is_help=True)
app.add_typer(import_app, name="import")

DictOpt = Annotated[
    Optional[list[str]],
    typer.Option("--dictionaries", "-d",
                 help="Dictionary folder, or petrarch:DIR (petrarch:F1,F2 or petrarch:'DIR/NAME.*' for chosen files); "
                      "repeatable, later ones override. Default: the bundled dictionaries."),
]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@import_app.command("petrarch")
def import_petrarch(
    source: Annotated[str, typer.Argument(help="Folder of PETRARCH-2 dictionaries (its PETR_config.ini's files, or the "
                                          "Phoenix set when it holds several), or files and globs: 'DIR/PETR.Validate.*', 'F1,F2'.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the native dictionaries to.")],
    include: Annotated[Optional[list[str]], typer.Option("--include", "-i", help="Only files matching this glob (repeatable), e.g. 'Phoenix.*' and 'CAMEO.2.0.txt'.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Write into a folder that is not empty.")] = False,
    details: Annotated[int, typer.Option("--details", help="List up to this many entries for each reason.")] = 0,
) -> None:
    """Convert PETRARCH-2 dictionaries to the native format and print what was converted."""
    from ..dictionaries.petrarch import import_petrarch as run_import

    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not overwrite:
        raise OutputError("exists and is not empty", file=output,
                          fix="choose a new folder, or pass --overwrite")
    if source.startswith("petrarch:"):
        source = source[len("petrarch:"):]
    report = run_import(source, output, include=include)
    typer.echo(report.render(details=details))


@app.command("check")
def check(
    dictionaries: DictOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too, not only on errors.")] = False,
    errors_only: Annotated[bool, typer.Option("--errors-only", help="Print errors only.")] = False,
    lint: Annotated[bool, typer.Option("--lint", hidden=True, help="Accepted for compatibility: lint always runs.")] = False,
) -> None:
    """Validate and lint dictionaries: print every error and warning with file:line and a fix; exit 1 on errors (--strict: on warnings too).

    Errors stop dictionaries from loading. Warnings are likely mistakes: duplicates, gaps in people's date ranges, agents that never compose, unknown CAMEO codes, PETRARCH entries or files left out."""
    d = native.load_dictionaries(dictionaries, strict=False)
    problems = list(d.warnings) + lint_dictionaries(d)
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        if errors_only and p.severity != "error":
            continue
        typer.echo(str(p))
    warnings = len(problems) - len(errors)
    typer.echo(f"{len(errors)} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command("stats")
def stats(dictionaries: DictOpt = None) -> None:
    """Count the entries of each kind."""
    d = native.load_dictionaries(dictionaries)
    table = Table(title="Dictionaries")
    table.add_column("kind")
    table.add_column("count", justify="right")
    for k, v in d.counts().items():
        table.add_row(k, str(v))
    console = _console()
    console.print(table)
    for line in d.summary().splitlines()[len(d.counts()):]:
        console.print(line)


@app.command("lookup")
def lookup(
    phrase: Annotated[str, typer.Argument(help="The phrase to look up, e.g. 'Barack Obama' or 'Syrian rebels'.")],
    date: Annotated[Optional[str], typer.Option("--date", help="Show the codes that apply on this day (YYYY-MM-DD); default: all codes with their ranges.")] = None,
    dictionaries: DictOpt = None,
) -> None:
    """Show the entries a phrase names and their codes (on --date), with file:line."""
    day = parse_day(date)
    d = native.load_dictionaries(dictionaries)
    hits = lookup_phrase(d, phrase, day)
    if not hits:
        typer.echo(f"no entry for '{phrase}'")
        raise typer.Exit(1)
    for h in hits:
        codes = ", ".join(h.codes) if h.codes else ("no code on " + day.isoformat() if day else "no code")
        agent = f" + agent '{h.agent}'" if h.agent else ""
        typer.echo(f"{h.kind}: '{h.entry}'{agent} -> {codes}  ({h.where})")
