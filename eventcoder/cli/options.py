"""Option values shared by several commands, and the options of the commands that read stories."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from ..errors import InputError

# The options of commands that read stories as `eventcoder code` does (code, actors suggest).
InputFormatOpt = Annotated[Optional[str], typer.Option("--input-format", help="Input format when it cannot be told from the file name (jsonl, csv, parquet, txt, xml); stdin defaults to jsonl.")]
StoryDateOpt = Annotated[Optional[str], typer.Option("--date", help="Story date (YYYY-MM-DD) for inputs that have none, e.g. plain-text files.")]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="Name of the story id field.")]
DateFieldOpt = Annotated[str, typer.Option("--date-field", help="Name of the story date field.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="Name of the story text field.")]
EncodingOpt = Annotated[str, typer.Option("--encoding", help="Text encoding of JSONL, CSV, TXT and XML inputs, e.g. latin-1 or cp1252 (any ASCII-compatible Python codec).")]
MaxStoryCharsOpt = Annotated[int, typer.Option("--max-story-chars", min=1, help="Longest story coded, in characters; a longer one is a bad record. Stories over 100,000 characters are parsed in pieces cut at paragraphs and sentences.")]
DictionariesOpt = Annotated[Optional[list[str]], typer.Option("--dictionaries", "-d", help="Dictionary folder, or petrarch:DIR; repeatable, later ones override. Default: the bundled dictionaries.")]


def parse_day(value: str | None, option: str = "--date") -> dt.date | None:
    """An ISO day given on the command line, or None; a clean error naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'{value}' is not a date", field=option, fix="write it as YYYY-MM-DD, e.g. 2017-12-08") from None
