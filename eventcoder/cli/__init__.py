"""The eventcoder command line: a thin layer over the library.

Each command group lives in its own module; library errors (EventcoderError) become one clean
line on stderr and exit code 1, never a traceback. Ctrl-C and SIGTERM stop a run the same clean
way: the unfinished output is removed, a message says so, and the exit code is 130 (Ctrl-C) or
143 (SIGTERM).
"""

from __future__ import annotations

import os
import signal
import sys

import typer

from .. import __version__
from ..errors import EventcoderError, Interrupted
from . import actors as actors_cmd
from . import code as code_cmd
from . import dedupe as dedupe_cmd
from . import dictionaries as dictionaries_cmd
from . import export as export_cmd
from . import report as report_cmd
from . import status as status_cmd
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
app.command("dedupe")(dedupe_cmd.dedupe)
app.command("export")(export_cmd.export)
app.add_typer(dictionaries_cmd.app, name="dictionaries")
app.add_typer(actors_cmd.app, name="actors")
app.command("validate")(validate_cmd.validate)
app.command("report")(report_cmd.report)
app.command("status")(status_cmd.status)


def _interrupt(signum: int, frame) -> None:
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    """Ctrl-C and SIGTERM raise :class:`Interrupted` (not KeyboardInterrupt, which Typer would
    turn into a silent exit), so every ``with``/``finally`` cleans up and :func:`main` reports."""
    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, _interrupt)


def interruption_message(err: Interrupted) -> str:
    from ..writers import last_committed

    what = "Interrupted (Ctrl-C)" if err.signal_name == "SIGINT" else f"Terminated ({err.signal_name})"
    committed = last_committed()
    if committed is not None:
        return f"{what} after the output was committed: {committed} is complete."
    return f"{what}: nothing was committed; the unfinished output was removed and any existing output left as it was."


def main() -> None:
    # One BLAS thread per process (eventcoder.nlp.matrix_products): --workers uses more cores.
    # Set before numpy is first imported, which the command line does only when a command runs.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    install_signal_handlers()
    try:
        app()
    except EventcoderError as err:
        typer.secho(f"Error: {err}", err=True, fg="red")
        sys.exit(1)
    except (Interrupted, KeyboardInterrupt) as err:
        if not isinstance(err, Interrupted):
            err = Interrupted(signal.SIGINT)
        typer.secho(interruption_message(err), err=True, fg="yellow")
        sys.exit(err.exit_code)
