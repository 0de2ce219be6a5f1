"""Read an eventcoder dataset with polars and print a first look at it.

    python examples/load_polars.py output/examples

The dataset folder holds hive-partitioned Parquet files (year=2017/...) beside eventcoder's
_eventcoder.json; polars reads the Parquet files through a glob (given the bare folder it would
also try the JSON file). Codes come back as strings ("010", never 10) and dates as pl.Date.
Needs polars (pip install polars, or eventcoder's dev extras).
"""

from __future__ import annotations

import sys

import polars as pl


def load(dataset: str) -> pl.LazyFrame:
    """The dataset as a lazy frame: nothing is read until .collect()."""
    return pl.scan_parquet(f"{dataset}/**/*.parquet", hive_partitioning=True)


def main(dataset: str = "output/examples") -> None:
    events = load(dataset)
    print(events.select(pl.len().alias("events"), pl.col("date").min().alias("first"), pl.col("date").max().alias("last")).collect())
    # Events per CAMEO root and quad class, most frequent first.
    print(events.group_by("root_code", "quad_class").len().sort(["len", "root_code"], descending=[True, False]).collect())
    # Top dyads: who did what to whom most often.
    print(events.drop_nulls("target").group_by("source", "target").len().sort(["len", "source", "target"], descending=[True, False, False]).head(10).collect())
    # PLOVER beside CAMEO (null for CAMEO statements and appeals, which PLOVER drops).
    print(events.group_by("plover_event").len().sort(["len", "plover_event"], descending=[True, False], nulls_last=True).collect())


if __name__ == "__main__":
    main(*sys.argv[1:2])
