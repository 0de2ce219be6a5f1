"""What every way of running the coder shares: the run's counts (:class:`RunSummary`), the
provenance stored with its dataset, and the error that stops a run at a bad record.

``run.py`` (the local run) and ``engines/`` (the Dask engine) both import this module and neither
imports the other back, so the run flows one way: run -> engines -> this module.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ._version import __version__
from .errors import InputError
from .records import Event, Rejected


@dataclass
class RunSummary:
    stories_read: int = 0
    stories_coded: int = 0
    stories_rejected: int = 0
    files_rejected: int = 0  # of stories_rejected: whole input files that could not be read
    stories_with_events: int = 0
    sentences: int = 0
    events: int = 0
    by_quad: Counter = field(default_factory=Counter)
    by_root: Counter = field(default_factory=Counter)
    output: str = ""  # the path actually written (events.csv for -o events --format csv)
    rejected_file: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. leftovers of an earlier interrupted run
    seconds: float = 0.0
    setup_seconds: float = 0.0  # loading the model and dictionaries, part of ``seconds``
    model: str = ""
    fingerprint: str = ""

    def add(self, events: list[Event]) -> None:
        self.stories_coded += 1
        if events:
            self.stories_with_events += 1
        self.events += len(events)
        for e in events:
            self.by_quad[e.quad_class] += 1
            self.by_root[e.root_code] += 1

    def balanced(self) -> bool:
        return self.stories_read == self.stories_coded + self.stories_rejected


Progress = Callable[[int, int], None]  # (stories done, sentences done)


def run_metadata(options, summary: RunSummary) -> dict:
    """The provenance stored with the dataset (counts are added at the end); ``options``: the
    run's :class:`eventcoder.run.RunOptions`."""
    return {
        "eventcoder_version": __version__,
        "model": summary.model,
        "dictionary_fingerprint": summary.fingerprint,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "options": options.to_metadata(),
    }


def reject_error(item: Rejected) -> InputError:
    """The error that stops a run at a bad record (without --skip-bad), naming file and line."""
    file, _, line = item.origin.rpartition(":")
    return InputError(
        item.reason,
        file=file or item.origin,
        line=int(line) if line.isdigit() else None,
        field=item.field,
        fix="correct the record, or pass --skip-bad to write it to the rejected-records file and go on",
    )


def input_paths(sources) -> list[Path]:
    """The files a run reads (for the writer's check that it never writes over one of them)."""
    return [Path(s.path) for s in sources if s.path is not None and s.error is None]


def writer_notes(writer) -> list[str]:
    """What the writer found beside the output (leftovers of an interrupted earlier run)."""
    return list(writer.notes)
