"""``eventcoder report``: a first look at an event dataset, as one self-contained HTML file.

:func:`write_report` checks the dataset (:func:`eventcoder.dataset.open_dataset`), aggregates
it with DuckDB (:mod:`.aggregate`), draws the charts as Vega-Lite specs with altair
(:mod:`.charts`, the map over the bundled world outline of :mod:`.basemap`) and writes the page
with its scripts inlined (:mod:`.page`): it opens offline, nothing is fetched. docs/output.md
("Report") describes each chart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..dataset import open_dataset
from ..errors import OutputError
from .aggregate import ACTOR_LEVELS, ReportData, aggregate

__all__ = ["ACTOR_LEVELS", "ReportResult", "build_report", "write_report"]


@dataclass(frozen=True)
class ReportResult:
    """What was written: the page's path, its figures, and which charts were drawn."""

    output: Path
    data: ReportData
    charts: tuple[str, ...]  # ids of the charts drawn
    notes: tuple[str, ...]  # ids of the sections showing a note instead
    size: int  # bytes


def build_report(dataset: str | Path, *, actors: str = "country") -> tuple[str, ReportData, dict]:
    """The report page of ``dataset`` as HTML text, with its figures and chart specs."""
    from .charts import build_specs
    from .page import render

    data = aggregate(open_dataset(dataset), actors=actors)
    specs = build_specs(data)
    return render(data, specs, Path(dataset).name or str(dataset)), data, specs


def _check_output(output: Path, overwrite: bool) -> None:
    if output.is_dir():
        raise OutputError("the output is a folder; the report is one HTML file", file=output,
                          fix="give a file name such as report.html")
    if output.exists() and not overwrite:
        raise OutputError("output already exists", file=output, fix="pass --overwrite to replace it, or choose another name")


def write_report(dataset: str | Path, output: str | Path, *, overwrite: bool = False,
                 actors: str = "country") -> ReportResult:
    """Write the report of ``dataset`` to ``output`` (an HTML file), all or nothing."""
    output = Path(output)
    _check_output(output, overwrite)
    page, data, specs = build_report(dataset, actors=actors)
    encoded = page.encode("utf-8")
    temp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(encoded)
        os.replace(temp, output)
    except OSError as err:
        raise OutputError(f"cannot write the report: {err.strerror or err}", file=output,
                          fix="check that the folder exists and is writable") from err
    finally:
        temp.unlink(missing_ok=True)  # left only when writing or renaming failed
    drawn = tuple(name for name, spec in specs.items() if spec is not None)
    notes = tuple(name for name, spec in specs.items() if spec is None)
    return ReportResult(output=output, data=data, charts=drawn, notes=notes, size=len(encoded))
