"""The texts ``eventcoder actors suggest`` reads: the stories of a corpus, or the distinct
sentences of an events dataset.

An input is an events dataset when it is a folder holding ``_eventcoder.json`` (what
``eventcoder code`` writes, checked by :func:`eventcoder.dataset.open_dataset`); each distinct
``sentence_text`` is then one text, dated by the first event of it read. Anything else is a story
corpus, read as ``eventcoder code`` reads it (eventcoder.readers), except that a story without a
date is read undated rather than rejected: a date only decides which dated dictionary entries
apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from .records import Rejected

# Given to the reader as the default date, and read back as "no date": no news story is that old.
_UNDATED = dt.date(1, 1, 1)


@dataclass(frozen=True)
class Text:
    """One text to read for actors: a story, or a sentence of a dataset."""

    text: str
    date: dt.date | None


@dataclass
class ReadCounts:
    """What was read: stories (or dataset sentences) and bad records skipped with ``skip_bad``."""

    texts: int = 0
    skipped: int = 0


def is_events_output(path: str | Path) -> bool:
    """Whether ``path`` is something ``eventcoder code`` wrote (a dataset folder, or a CSV/JSONL
    output with its ``.eventcoder.json`` beside it) rather than stories."""
    from .writers import METADATA_FILE

    p = Path(path)
    if p.is_dir():
        return (p / METADATA_FILE).is_file()
    return p.with_name(f"{p.stem}.eventcoder.json").is_file()


def dataset_sentences(path: str | Path, seen: set[str] | None = None) -> Iterator[Text]:
    """The distinct sentences of an events dataset, read one record batch at a time (memory
    holds the set of sentences already given, ``seen``)."""
    import pyarrow.parquet as pq

    from .dataset import open_dataset

    seen = set() if seen is None else seen
    for file in open_dataset(path).files:
        for batch in pq.ParquetFile(file).iter_batches(columns=["sentence_text", "date"], batch_size=8192):
            texts, dates = batch.column(0).to_pylist(), batch.column(1).to_pylist()
            for text, day in zip(texts, dates):
                if text and text not in seen:
                    seen.add(text)
                    yield Text(text, day)


def corpus_texts(inputs: Sequence[str], counts: ReadCounts, *, skip_bad: bool = False, **read_options) -> Iterator[Text]:
    """The stories of a corpus (``read_options``: those of :func:`eventcoder.readers.read_stories`).
    A bad record stops the reading with its error, or with ``skip_bad`` is counted and skipped."""
    from .readers import FileRejected, read_stories
    from .run import reject_error

    if read_options.get("default_date") is None:
        read_options = {**read_options, "default_date": _UNDATED}
    for item in read_stories(list(inputs), skip_unreadable=skip_bad, **read_options):
        if isinstance(item, Rejected):
            if not skip_bad:
                raise item.error if isinstance(item, FileRejected) and item.error is not None else reject_error(item)
            counts.skipped += 1
            continue
        yield Text(item.text, None if item.date == _UNDATED else item.date)


def read_texts(inputs: Sequence[str], counts: ReadCounts | None = None, *, skip_bad: bool = False, **read_options) -> Iterator[Text]:
    """Every text of ``inputs`` in order: dataset sentences (each distinct sentence once over all
    datasets) and corpus stories; ``counts`` is updated as they are read."""
    counts = ReadCounts() if counts is None else counts
    seen: set[str] = set()
    stories: list[str] = []

    def flush() -> Iterator[Text]:
        if stories:
            yield from corpus_texts(stories, counts, skip_bad=skip_bad, **read_options)
            stories.clear()

    for name in inputs:
        if name != "-" and is_events_output(name):
            yield from _counted(flush(), counts)
            yield from _counted(dataset_sentences(name, seen), counts)
        else:
            stories.append(name)
    yield from _counted(flush(), counts)


def _counted(texts: Iterator[Text], counts: ReadCounts) -> Iterator[Text]:
    for t in texts:
        counts.texts += 1
        yield t
