"""The eventcoder command line: a thin layer over the library.

Each command group lives in its own module; library errors (EventcoderError) become one clean
line on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from .. import __version__
from ..errors import EventcoderError
from . import code as code_cmd
from . import dictionaries as dictionaries_cmd
from . import validate as validate_cmd

app = typer.Typer(
    name="eventcoder",
    help="Code news stories into CAMEO event data (who did what to whom, and when).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventcoder {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Code news stories into CAMEO event data (who did what to whom, and when)."""


app.command("code")(code_cmd.code)
app.add_typer(dictionaries_cmd.app, name="dictionaries")
app.command("validate")(validate_cmd.validate)


def main() -> None:
    try:
        app()
    except EventcoderError as err:
        typer.secho(f"Error: {err}", err=True, fg="red")
        sys.exit(1)
    except KeyboardInterrupt:
        typer.secho("Interrupted: nothing was committed.", err=True, fg="yellow")
        sys.exit(130)
