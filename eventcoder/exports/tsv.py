"""Tab-separated lines as ICEWS and GDELT files are written: a header, then one line per event,
no quoting. Tabs and line breaks inside a value (any character a reader may split lines at:
vertical tab, form feed, U+001C-U+001E, U+0085, U+2028, U+2029) become one space; a missing value
is empty. Lines are built a whole Arrow column at a time."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pyarrow.compute as pc

_BREAKS = "[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+"


def as_text(column: pa.Array | None, rows: int) -> pa.Array:
    """The column as strings: numbers in their shortest form (a float32 2.8 as "2.8"), dates as
    YYYY-MM-DD, null for missing; ``None`` is an empty column."""
    if column is None:
        return pa.nulls(rows, pa.string())
    if not pa.types.is_string(column.type):
        return column.cast(pa.string())
    return pc.replace_substring_regex(column, _BREAKS, " ")


def lines(columns: Sequence[pa.Array | None], rows: int) -> str:
    """The rows as tab-separated lines, each ending in a newline."""
    if not rows:
        return ""
    joined = pc.binary_join_element_wise(
        *(as_text(c, rows) for c in columns), "\t", null_handling="replace", null_replacement=""
    )
    return "\n".join(joined.to_pylist()) + "\n"


def header(names: Sequence[str]) -> str:
    return "\t".join(names) + "\n"
