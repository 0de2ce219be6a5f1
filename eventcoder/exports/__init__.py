"""Export an eventcoder dataset in the shapes existing workflows read: ICEWS-style TSV,
GDELT-1.0-shaped TSV and PLOVER JSON records (``eventcoder export``; docs/output.md, "Exports").

The dataset is streamed a batch at a time (:mod:`.source`) and each batch is turned into lines by
the format's module (:mod:`.icews`, :mod:`.gdelt`, :mod:`.plover_json`). A file output is written
beside its final name and renamed into place when complete, so an interrupted or failed export
leaves no partial file and an existing file as it was; ``-`` writes to stdout.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError, OutputError
from . import gdelt, icews, plover_json
from .names import Names
from .source import batches, data_files

FORMATS = {"icews": icews, "gdelt": gdelt, "plover": plover_json}
STDOUT = "-"


@dataclass(frozen=True)
class ExportSummary:
    format: str
    output: str
    events: int  # events read from the dataset
    written: int  # lines (records) written
    left_out: int  # events without a line: no PLOVER category (plover format only)


def _check_output(path: Path, dataset: Path, overwrite: bool) -> None:
    if path.is_dir():
        raise OutputError("the output is a folder", file=path, fix="name a file to write, e.g. events.tsv")
    if path.exists() and not overwrite:
        raise OutputError("output exists", file=path, fix="pass --overwrite to replace it, or choose another output path")
    target, source = path.resolve(), dataset.resolve()
    if target == source or source in target.parents:
        raise OutputError(
            "the output would be written over or into the dataset being exported", file=path,
            fix="write the export outside the dataset folder",
        )


@contextmanager
def _opened(output: str, dataset: Path, overwrite: bool) -> Iterator[IO[str]]:
    if output == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(output)
    _check_output(path, dataset, overwrite)
    temp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(4)}")
    try:
        try:
            handle = open(temp, "w", encoding="utf-8", newline="\n")
        except OSError as err:
            raise OutputError(
                f"cannot write the output: {err.strerror or err}", file=path,
                fix="check that the folder exists and is writable, or choose another output path",
            ) from err
        with handle:
            yield handle
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def export(dataset: str | Path, fmt: str, output: str, *, overwrite: bool = False) -> ExportSummary:
    """Write the events of ``dataset`` (a dataset folder or one of its Parquet files) to ``output``
    (a file, or ``-`` for stdout) in format ``fmt``: ``icews``, ``gdelt`` or ``plover``."""
    module = FORMATS.get(fmt)
    if module is None:
        raise InputError(f"unknown export format '{fmt}'", field="--format", fix="use icews, gdelt or plover")
    files = data_files(dataset)
    names = Names()
    events = written = 0
    with _opened(output, Path(dataset), overwrite) as out:
        if module.HEADER:
            out.write(module.HEADER)
        for batch in batches(files, module.READS):
            text, rows = module.render(batch, names)
            out.write(text)
            events += batch.table.num_rows
            written += rows
    return ExportSummary(fmt, output, events, written, events - written)
