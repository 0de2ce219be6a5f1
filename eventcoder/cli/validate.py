"""`eventcoder validate`: score the coder against a gold-standard file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..gold import load_gold
from ..readers import MAX_STORY_CHARS
from ..validate import run_validation
from .options import MaxStoryCharsOpt


def _make_coder(dictionaries: list[str] | None, model: str | None) -> Any:
    """Build the Coder (a seam: tests replace this with a fake coder)."""
    from ..pipeline import Coder

    return Coder(dictionaries=dictionaries, model=model)


def validate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold file: PETRARCH validation XML (*.xml) or eventcoder JSONL gold (*.jsonl).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    dictionaries: Annotated[
        list[str] | None,
        typer.Option(
            "--dictionaries",
            "-d",
            help="Dictionary folder or spec, repeatable (default: the bundled dictionaries). "
            "'petrarch:DIR' imports a PETRARCH folder; 'petrarch:FILE,FILE,...' imports just those files.",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline name or path (default: the bundled choice).")
    ] = None,
    show_failures: Annotated[
        bool,
        typer.Option(
            "--show-failures",
            help="Print every failed record: sentence, expected and produced events, and the "
            "dictionary entries that fired.",
        ),
    ] = False,
    records_out: Annotated[
        bool,
        typer.Option(
            "--records",
            help="Also list every record, one line each: id, category, PASS or FAIL and, for a failure, "
            "its cause and the expected -> produced events.",
        ),
    ] = False,
    json_out: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print one JSON object instead of tables: the scores and tables, 'failures', and 'results' "
            "with every record (id, category, passed, cause, expected, produced).",
        ),
    ] = False,
    min_pass: Annotated[
        int | None,
        typer.Option("--min-pass", help="Exit with status 1 when fewer records than this pass (for CI)."),
    ] = None,
    max_story_chars: MaxStoryCharsOpt = MAX_STORY_CHARS,
) -> None:
    """Score the coder against a gold-standard file.

    Every record's text is coded on its date and the set of (source, target, code) produced is compared with the expected set. A record passes when the sets are equal; a no-event record passes when nothing is coded; an error record passes when nothing is coded or the input is rejected.

    Prints the pass count, event-level precision/recall/F1 at three levels (exact; actor roots and event root; event root only), tables per category (spelling variants such as AGENTS folded into AGENT) and per root code, a root confusion table (expected root rows x produced root columns, 'none' for missed and extra events), the failures grouped by cause, and the <Config> options the coder cannot apply with the reason. --records adds one line per record; --show-failures the details of each failure.

    The format follows the extension: .xml is PETRARCH's validation suite (its <Config> records are applied where the coder supports them); .jsonl is eventcoder's gold format (docs/gold-format.md).

    PETRARCH's suite with its own dictionaries (D = ../shared/petrarch2/dictionaries):

    eventcoder validate ../shared/petrarch2/text/PETR.UnitTest.records.expected-2.0.xml --dictionaries petrarch:D/PETR.Validate.actors.txt,D/PETR.Validate.agents.txt,D/PETR.Validate.discards.txt,D/PETR.Validate.verbs.2.0.txt
    """
    records = load_gold(gold)  # read (and check) the gold before loading the model
    coder = _make_coder(dictionaries, model)
    coder.max_story_chars = max_story_chars  # a longer record is rejected (an error record passes)
    report = run_validation(gold, coder, records=records)
    if json_out:
        data = report.to_dict()
        if not show_failures:
            data["failures"] = [{k: f[k] for k in ("id", "origin", "cause", "expected", "produced")}
                                for f in data["failures"]]
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        report.render(Console(soft_wrap=True), show_failures=show_failures, records=records_out)
    if min_pass is not None and report.passed < min_pass:
        typer.secho(f"{report.passed} records pass, fewer than --min-pass {min_pass}.", err=True, fg="red")
        raise typer.Exit(1)
