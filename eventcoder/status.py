"""``eventcoder status``: what a finished or interrupted coding run did, read from its files.

A finished Parquet dataset says it in ``_eventcoder.json`` (counts, options, versions, elapsed
time); an interrupted resumable run in the manifest of its temporary folder
(eventcoder/checkpoint.py): the chunks done, their counts, and the command that resumes it. A
temporary folder whose lock a process holds is a run still going on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .checkpoint import partial_outputs, resume_command, totals
from .errors import DatasetError
from .writers import METADATA_FILE, in_use

#: The counts shown, in order, with their labels.
SHOWN = (("stories_read", "stories read"), ("stories_coded", "stories coded"), ("stories_rejected", "stories rejected"),
         ("sentences", "sentences"), ("events", "events written"))


@dataclass
class RunStatus:
    path: Path
    state: str  # complete | partial | running
    counts: dict
    options: dict
    versions: dict
    chunks_done: int | None = None
    chunks_total: int | None = None  # estimated from the inputs' record count when the run is not finished
    elapsed_seconds: float | None = None
    resume: str | None = None  # the command that resumes a partial run
    where: Path | None = None  # the temporary folder of a partial run
    notes: list[str] = field(default_factory=list)


def run_status(path: str | Path) -> list[RunStatus]:
    """The finished dataset at ``path`` (if any) and every partial run of it, oldest first."""
    path = Path(path)
    found: list[RunStatus] = []
    if (path / METADATA_FILE).is_file():
        try:
            meta = json.loads((path / METADATA_FILE).read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise DatasetError(f"cannot read the run's metadata: {err}", file=path / METADATA_FILE,
                               fix="repair or remove the file") from err
        chunks = meta.get("chunks") or {}
        found.append(RunStatus(
            path=path, state="complete", counts=meta.get("counts") or {}, options=meta.get("options") or {},
            versions={"eventcoder": meta.get("eventcoder_version"), "model": meta.get("model"),
                      "dictionaries": meta.get("dictionary_fingerprint")},
            chunks_done=chunks.get("done"), chunks_total=chunks.get("done"), elapsed_seconds=meta.get("elapsed_seconds"),
        ))
    for folder, manifest in partial_outputs(path):
        key = manifest.get("key", {})
        done = totals(manifest)
        expected = manifest.get("stories_expected")
        size = manifest.get("chunk_stories") or 1
        found.append(RunStatus(
            path=path, state="running" if in_use(folder) else "partial",
            counts={name: done[name] for name, _ in SHOWN}, options=key.get("options", {}),
            versions={"eventcoder": key.get("eventcoder_version"), "model": key.get("model"),
                      "dictionaries": key.get("dictionary_fingerprint")},
            chunks_done=len(manifest.get("chunks", [])),
            chunks_total=-(-expected // size) if expected else None,
            elapsed_seconds=manifest.get("elapsed_seconds"), resume=resume_command(manifest), where=folder,
            notes=[f"{len(manifest.get('attempts', []))} attempt(s); state {manifest.get('state')}"],
        ))
    if not found:
        raise DatasetError("no eventcoder run here: neither a dataset (_eventcoder.json) nor the partial output of an "
                           "interrupted run", file=path, fix="give the --output path of an `eventcoder code` run "
                           "(Parquet format)")
    return found
