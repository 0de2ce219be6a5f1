"""The two records that flow through eventcoder: a Story in, Events out."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Story:
    id: str
    date: dt.date | None
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    # Where the story came from, for error messages and rejected records: "file:line".
    origin: str | None = None
    # PETRARCH-style sentence records already split: one story per sentence, index given.
    sentence_offset: int = 0


@dataclass(frozen=True)
class Rejected:
    """A record that could not become a Story; written to rejected.jsonl with --skip-bad."""

    origin: str  # "file:line"
    reason: str
    field: str | None = None
    raw: str | None = None


@dataclass
class Event:
    """One coded event: the fields of the output schema (eventcoder.schema)."""

    event_id: str
    story_id: str
    sentence_index: int
    date: dt.date | None
    story_date: dt.date | None
    source: str
    source_country: str | None
    source_agent: str | None
    source_text: str
    target: str | None
    target_country: str | None
    target_agent: str | None
    target_text: str | None
    event_code: str
    root_code: str
    quad_class: int
    goldstein: float | None
    verb_text: str
    pattern: str
    sentence_text: str
    publisher: str | None = None
    url: str | None = None
    # Whether an actor's country was inferred from places or the story (country_inference.py)
    # rather than named in its own phrase; what carried the event: "verb" or "noun".
    source_country_inferred: bool = False
    target_country_inferred: bool = False
    trigger: str = "verb"
    # PLOVER category and mode of event_code (the 2021 CAMEO->PLOVER table, eventcoder/plover.py).
    plover_event: str | None = None
    plover_mode: str | None = None
    # Where the event happened: the place phrase attached to its verb or clause (locations.py).
    location_text: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # Provenance of the actors (dictionary entries that matched), kept for --show-failures.
    source_entry: str | None = field(default=None, compare=False)
    target_entry: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return asdict(self)


def event_id(story_id: str, sentence_index: int, verb_index: int, source: str, target: str | None, code: str) -> str:
    """Stable id: the same story, sentence, verb and coding always give the same id."""
    key = f"{story_id}\x1f{sentence_index}\x1f{verb_index}\x1f{source}\x1f{target or ''}\x1f{code}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
