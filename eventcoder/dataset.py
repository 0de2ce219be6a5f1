"""Open an eventcoder Parquet dataset for reading: check that it is one and read its provenance.

A dataset is the folder ``eventcoder code`` writes (docs/output.md): ``_eventcoder.json`` beside
hive-partitioned Parquet files. :func:`open_dataset` refuses anything else (a missing path, a
file, a folder without ``_eventcoder.json``, a CSV/JSONL output) with a
:class:`~eventcoder.errors.DatasetError` (``E700``) that names the path and the fix, so that the
commands reading datasets fail the same clean way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import DatasetError
from .writers import METADATA_FILE
from .writers.ids import _data_files

_FIX_CODE = "give the folder that `eventcoder code --output DIR` wrote (it holds _eventcoder.json)"


@dataclass(frozen=True)
class EventDataset:
    """A checked dataset: its folder, its Parquet files and its provenance (``_eventcoder.json``)."""

    path: Path
    files: tuple[Path, ...]
    provenance: dict

    @property
    def runs(self) -> list[dict]:
        """The metadata of every run that wrote the dataset (the first run of an old dataset
        without a ``runs`` list is the document itself)."""
        runs = self.provenance.get("runs")
        return [r for r in runs if isinstance(r, dict)] if isinstance(runs, list) else [self.provenance]

    @property
    def stories_read(self) -> int | None:
        """Stories read by all the runs together, or None when a run did not record its count."""
        counts = [(run.get("counts") or {}).get("stories_read") for run in self.runs]
        if not counts or not all(isinstance(c, int) and not isinstance(c, bool) for c in counts):
            return None
        return sum(counts)


def open_dataset(path: str | Path) -> EventDataset:
    """Check that ``path`` is an eventcoder Parquet dataset and return it; else raise E700."""
    path = Path(path)
    if not path.exists():
        raise DatasetError("dataset not found", file=path, fix=_FIX_CODE)
    if not path.is_dir():
        sidecar = path.with_name(f"{path.stem}.eventcoder.json")
        if sidecar.is_file():
            raise DatasetError(
                "this is a CSV or JSONL output; only Parquet datasets can be read here",
                file=path,
                fix="code the stories again with --format parquet (the default) and give that folder",
            )
        raise DatasetError("is a file, not a dataset folder", file=path, fix=_FIX_CODE)
    metadata = path / METADATA_FILE
    if not metadata.is_file():
        raise DatasetError(f"not an eventcoder dataset: no {METADATA_FILE} in the folder", file=path, fix=_FIX_CODE)
    try:
        provenance = json.loads(metadata.read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise DatasetError(
            f"cannot read the dataset's provenance: {err}", file=metadata,
            fix="repair the file from a copy, or code the stories again",
        ) from err
    if not isinstance(provenance, dict) or provenance.get("format", "parquet") != "parquet":
        raise DatasetError(
            "the provenance file does not describe a Parquet dataset", file=metadata, field="format",
            fix="give the folder of a Parquet dataset written by eventcoder",
        )
    files = tuple(_data_files(path))
    if not files:
        raise DatasetError(
            "the dataset folder holds no Parquet files", file=path,
            fix="code the stories again into this folder with --overwrite",
        )
    return EventDataset(path=path, files=files, provenance=provenance)
