# Read an eventcoder dataset in R: with the arrow package (and dplyr), or with DuckDB.
#
#   Rscript examples/load.R output/examples
#
# Once: install.packages(c("arrow", "dplyr", "duckdb", "DBI"))
#
# A dataset is a folder of hive-partitioned Parquet files (year=2017/part-....parquet) beside
# eventcoder's provenance file _eventcoder.json. arrow skips files whose names start with "_";
# DuckDB is given a glob that matches only the Parquet files. Either way the codes come back as
# character ("010", never 10), dates as Date, and the partition folder as a `year` column.

args <- commandArgs(trailingOnly = TRUE)
dataset <- if (length(args) >= 1) args[[1]] else "output/examples"

# --- 1. arrow + dplyr ----------------------------------------------------------------------
# open_dataset() reads nothing yet; dplyr verbs run inside Arrow, collect() brings the result
# into R as a tibble.
library(arrow)
library(dplyr)

events <- open_dataset(dataset)            # detects the year=... partitioning
print(events$schema)                        # event_code: string, date: date32[day], ...

by_root <- events |>
  count(root_code, quad_class, sort = TRUE) |>
  collect()
print(by_root)

# PLOVER beside CAMEO (NA for CAMEO statements and appeals, which PLOVER drops).
by_plover <- events |>
  count(plover_event, sort = TRUE) |>
  collect()
print(by_plover)

all_events <- collect(events)
stopifnot(is.character(all_events$event_code), inherits(all_events$date, "Date"))

# --- 2. DuckDB -----------------------------------------------------------------------------
# SQL straight over the Parquet files, without loading them into R first.
library(DBI)

con <- dbConnect(duckdb::duckdb())
files <- dbQuoteString(con, file.path(dataset, "**", "*.parquet"))
top_dyads <- dbGetQuery(con, paste0(
  "SELECT source, target, count(*) AS events ",
  "FROM read_parquet(", files, ", hive_partitioning = true) ",
  "WHERE target IS NOT NULL ",
  "GROUP BY source, target ",
  "ORDER BY events DESC, source, target ",
  "LIMIT 10"
))
print(top_dyads)
dbDisconnect(con)
