"""GDELT-1.0-shaped events: the 58 tab-separated columns of a GDELT 1.0 daily event file.

What eventcoder has fills its column; what it does not have (tone, actor geography, ethnic and
religion codes, GeoNames feature ids) is left empty. The choices, column by column, are in
docs/output.md ("Exports"); in short:

* ``GLOBALEVENTID`` is an integer, as GDELT's, below 2**60 so that it fits a 64-bit integer
  column: the first 15 of the 16 hex digits of eventcoder's ``event_id`` read as a number
  (``int(event_id[:15], 16)``); an id of another form, the same of its BLAKE2b hash;
* ``FractionDate`` is the year plus the day of the year divided by 365, to four decimals;
* actor type codes are the 3-letter blocks of the agent code (``MIL``), or the first block of an
  international actor's code (``IGO``); ``---`` (country unknown) leaves the country code empty;
* ``IsRootEvent`` is 1 for events of a story's first sentence;
* ``NumMentions``/``NumArticles`` are 1, or ``n_mentions``/``n_stories`` of a deduplicated dataset;
* ``ActionGeo_*`` describe the event's place: type 4 (a world city) or 3 (a US city) when it has
  coordinates, else 1 (a country); its FIPS 10-4 country code, as GDELT 1.0 writes it;
* ``DATEADDED`` is the day the run that coded the event wrote its file (YYYYMMDD).
"""

from __future__ import annotations

import hashlib
import re

import pyarrow as pa
import pyarrow.compute as pc

from . import tsv
from .names import Names
from .source import Batch

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{name}" for name in _ACTOR)
    + tuple(f"Actor2{name}" for name in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{actor}Geo_{name}" for actor in ("Actor1", "Actor2", "Action") for name in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
HEADER = tsv.header(COLUMNS)
#: The dataset columns these are made from (the only ones read, with n_mentions and n_stories).
READS = ("event_id", "date", "source", "source_country", "source_agent", "source_text", "target", "target_country",
         "target_agent", "target_text", "sentence_index", "event_code", "root_code", "quad_class", "goldstein",
         "location_text", "location_country", "latitude", "longitude", "url")
_HEX_ID = re.compile(r"[0-9a-f]{16}")


def global_id(event_id: str) -> int:
    """``GLOBALEVENTID`` of an event id: its first 15 hex digits as an integer (an id that is not
    16 hex digits, as eventcoder writes them, is hashed first)."""
    if not _HEX_ID.fullmatch(event_id):
        event_id = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).hexdigest()
    return int(event_id[:15], 16)


def global_ids(event_ids: pa.Array) -> pa.Array:
    return pa.array([global_id(i) for i in event_ids.to_pylist()], pa.int64())


def _slice(column: pa.Array, start: int, stop: int | None = None) -> pa.Array:
    return pc.utf8_slice_codeunits(column, start, stop) if stop is not None else pc.utf8_slice_codeunits(column, start)


def _dates(date: pa.Array) -> list[pa.Array]:
    day = pc.replace_substring(date.cast(pa.string()), "-", "")
    fraction = pc.round(pc.divide(pc.multiply(pc.day_of_year(date).cast(pa.float64()), 10_000.0), 365.0))
    scaled = pc.add(pc.multiply(pc.year(date).cast(pa.int64()), 10_000), fraction.cast(pa.int64())).cast(pa.string())
    fraction_date = pc.binary_join_element_wise(_slice(scaled, 0, -4), _slice(scaled, -4), ".")
    return [day, _slice(day, 0, 6), _slice(day, 0, 4), fraction_date]


def _actor(batch: Batch, side: str) -> list[pa.Array | None]:
    code, country, agent = batch.column(side), batch.column(f"{side}_country"), batch.column(f"{side}_agent")
    known = pc.if_else(pc.equal(country, "---"), None, country)
    types = pc.if_else(pc.is_valid(country), agent, _slice(code, 0, 3))
    return [code, batch.column(f"{side}_text"), known, None, None, None, None,
            _slice(types, 0, 3), _slice(types, 3, 6), _slice(types, 6, 9)]


def _action_geo(batch: Batch, names: Names) -> list[pa.Array | None]:
    text, country = batch.column("location_text"), batch.column("location_country")
    name = names.country(country)
    kind = pc.if_else(
        pc.is_valid(batch.column("latitude")),
        pc.if_else(pc.equal(country, "USA"), "3", "4"),
        pc.if_else(pc.is_valid(country), "1", None),
    )
    full = pc.coalesce(pc.if_else(pc.equal(text, name), text, pc.binary_join_element_wise(text, name, ", ")), text, name)
    return [kind, full, names.fips(country), None, batch.column("latitude"), batch.column("longitude"), None]


def render(batch: Batch, names: Names) -> tuple[str, int]:
    """The batch's lines and how many events they hold (all of them)."""
    c = batch.column
    rows = batch.table.num_rows
    merged = pc.is_valid(c("n_mentions"))
    added = batch.created[:10].replace("-", "") if batch.created else None
    columns = [
        global_ids(c("event_id")), *_dates(c("date")), *_actor(batch, "source"), *_actor(batch, "target"),
        pc.if_else(pc.equal(c("sentence_index"), 0), "1", "0"), c("event_code"), _slice(c("event_code"), 0, 3),
        c("root_code"), c("quad_class"), c("goldstein"),
        pc.coalesce(c("n_mentions"), 1), pc.if_else(merged, None, "1"), pc.coalesce(c("n_stories"), 1), None,
        *[None] * (2 * len(_GEO)), *_action_geo(batch, names),
        pa.array([added] * rows, pa.string()), c("url"),
    ]
    return tsv.lines(columns, rows), rows
