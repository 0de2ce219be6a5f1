"""ICEWS-style events: the tab-separated columns of the ICEWS coded event data files.

Column by column (docs/output.md, "Exports"): the event id and date; the source's words, agent
code and country name; the CAMEO name and code; Goldstein as Intensity; the same three for the
target; story id, sentence number (from 1) and publisher; the place (City when it has
coordinates, as only cities do in eventcoder's gazetteer; Country from its country code) and its
coordinates. District and Province stay empty: eventcoder does not resolve them.
"""

from __future__ import annotations

import pyarrow.compute as pc

from . import tsv
from .names import Names
from .source import Batch

COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)
HEADER = tsv.header(COLUMNS)
#: The dataset columns these are made from (the only ones read).
READS = ("event_id", "date", "source_text", "source_agent", "source_country", "event_code", "goldstein",
         "target_text", "target_agent", "target_country", "story_id", "sentence_index", "publisher",
         "location_text", "location_country", "latitude", "longitude")


def render(batch: Batch, names: Names) -> tuple[str, int]:
    """The batch's lines and how many events they hold (all of them)."""
    c = batch.column
    rows = batch.table.num_rows
    city = pc.if_else(pc.is_valid(c("latitude")), c("location_text"), None)
    columns = [
        c("event_id"), c("date"), c("source_text"), c("source_agent"), names.country(c("source_country")),
        names.event(c("event_code")), c("event_code"), c("goldstein"),
        c("target_text"), c("target_agent"), names.country(c("target_country")),
        c("story_id"), pc.add(c("sentence_index"), 1), c("publisher"),
        city, None, None, names.country(c("location_country")), c("latitude"), c("longitude"),
    ]
    return tsv.lines(columns, rows), rows
