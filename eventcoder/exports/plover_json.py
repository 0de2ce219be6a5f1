"""PLOVER event records: one JSON object per line, with the field names of the PLOVER manual's
"JSON Data Fields" chapter, and eventcoder's own provenance under ``"eventcoder"``.

An event whose CAMEO code has no PLOVER category (roots 01 and 02, which PLOVER drops) has no
PLOVER record: it is counted as left out. The keys, in order (docs/output.md, "Exports"):
``id``, ``date``, ``source`` and ``recipient`` (lists of one actor object: ``code``, ``sector``,
``actor_text``; no ``recipient`` without a target), ``event`` (a list of one type), ``mode`` and
``context`` where the table gives them, ``event_text``, ``event_scale`` (Goldstein),
``event_loc`` where the event has a place, ``text``, ``text_info``, ``cite_info`` and ``eventcoder``
(the CAMEO coding and its provenance, with ``n_mentions``/``n_stories`` of a deduplicated dataset).
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.compute as pc

from .. import __version__
from ..plover import TABLE
from .names import Names
from .source import Batch

HEADER = None
# Line separators JSON leaves as they are but line-splitting readers (Python's splitlines) break
# lines at: written as JSON escapes, so each record stays on one line for every reader.
_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
CODEBOOK = "CAMEO 1.1b3 with the 2021 CAMEO-to-PLOVER table (PLOVER manual draft 0.8)"
_PROVENANCE = ("story_id", "sentence_index", "story_date", "event_code", "source", "target", "quad_class",
               "verb_text", "pattern", "trigger", "source_country_inferred", "target_country_inferred")
#: The dataset columns the records are made from (the only ones read, with n_mentions and n_stories).
READS = _PROVENANCE + ("event_id", "date", "source_text", "target_text", "plover_event", "plover_mode", "goldstein",
                       "location_text", "location_country", "latitude", "longitude", "sentence_text", "url", "publisher")


def _actor(code: str, text: str | None) -> dict:
    actor = {"code": code[:3]}
    if code[3:]:
        actor["sector"] = code[3:]
    if text:
        actor["actor_text"] = text
    return actor


def _place(row: dict) -> dict | None:
    if row["location_text"] is None and row["location_country"] is None:
        return None
    place = {"name": row["location_text"], "cc3": row["location_country"],
             "latitude": row["latitude"], "longitude": row["longitude"]}
    return {k: v for k, v in place.items() if v is not None}


def record(row: dict) -> dict | None:
    """The PLOVER record of one event row (a dict of the dataset's columns), or None."""
    if row["plover_event"] is None:
        return None
    out: dict = {"id": row["event_id"], "date": row["date"], "source": [_actor(row["source"], row["source_text"])]}
    if row["target"]:
        out["recipient"] = [_actor(row["target"], row["target_text"])]
    out["event"] = [row["plover_event"]]
    if row["plover_mode"]:
        out["mode"] = row["plover_mode"]
    known = TABLE.get(row["event_code"])
    if known is not None and known.contexts:
        out["context"] = list(known.contexts)
    out["event_text"] = [row["verb_text"]]
    if row["goldstein"] is not None:
        out["event_scale"] = row["goldstein"]
    place = _place(row)
    if place:
        out["event_loc"] = place
    out["text"] = row["sentence_text"]
    out["text_info"] = {"sequence": row["sentence_index"]}
    cite = {"url": row["url"], "publication": row["publisher"], "coder": f"eventcoder {__version__}", "codebook": CODEBOOK}
    out["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    out["eventcoder"] = {k: row[k] for k in _PROVENANCE}
    out["eventcoder"].update({k: row[k] for k in ("n_mentions", "n_stories") if row[k] is not None})
    return out


def _as_python(table: pa.Table) -> dict[str, list]:
    """The columns as Python lists, converted a column at a time: dates as YYYY-MM-DD text and
    Goldstein as the shortest decimal of its float32 (2.8, not 2.799999952316284)."""
    for name in ("date", "story_date"):
        table = table.set_column(table.schema.get_field_index(name), name, table.column(name).cast(pa.string()))
    goldstein = table.column("goldstein").cast(pa.string()).cast(pa.float64())
    return table.set_column(table.schema.get_field_index("goldstein"), "goldstein", goldstein).to_pydict()


def render(batch: Batch, names: Names) -> tuple[str, int]:
    """The batch's JSON lines and how many events they hold (those with a PLOVER category)."""
    table = batch.table.filter(pc.is_valid(batch.table.column("plover_event")))
    columns = _as_python(table)
    keys = list(columns)
    lines = []
    for values in zip(*columns.values()):
        line = json.dumps(record(dict(zip(keys, values))), ensure_ascii=False)
        if "\x85" in line or "\u2028" in line or "\u2029" in line:
            line = line.translate(_SEPARATORS)
        lines.append(line)
    return "".join(line + "\n" for line in lines), len(lines)
