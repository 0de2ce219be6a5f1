"""The figures of the report, aggregated from an event dataset with DuckDB.

Every figure is one ``GROUP BY`` over the dataset's Parquet files, never a Python loop over rows:
only the columns a query names are read, and the results are a few hundred rows at most, so a
dataset of millions of events is summarised in seconds within DuckDB's memory limit
(:data:`MEMORY_LIMIT`). Ties are broken by name, so the same dataset always gives the same
figures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..dataset import EventDataset
from ..errors import DatasetError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
#: Columns the report cannot do without (every eventcoder dataset has them).
REQUIRED = ("story_id", "date", "source", "target", "root_code", "quad_class", "goldstein")
#: Columns added by later schema versions: read as null when a dataset predates them.
OPTIONAL = {
    "source_country": "VARCHAR",
    "target_country": "VARCHAR",
    "plover_event": "VARCHAR",
    "location_text": "VARCHAR",
    "location_country": "VARCHAR",
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
}
TOP_DYADS = 15
TOP_ACTORS = 6
MAX_PLACES = 2000
MAX_PERIODS = 60
MEMORY_LIMIT = "1GB"
#: How actors are named in the dyads and the balance chart: by country (the country block of
#: the code, or the whole code of an actor without one: ``IGOUNO``, ``IMGMUSISI``) or by code.
ACTOR_LEVELS = ("country", "code")
#: Calendar units for the time axis, shortest first, with their length in days.
PERIODS = (("day", 1), ("week", 7), ("month", 30.44), ("quarter", 91.31), ("year", 365.25))


@dataclass
class Summary:
    """The dataset at a glance (the report's table)."""

    events: int = 0
    stories: int = 0  # stories with at least one event
    stories_read: int | None = None  # from the provenance, when every run recorded it
    actors: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    located: int = 0
    plover: int = 0
    runs: int = 0
    provenance: dict = field(default_factory=dict)

    @property
    def coded_share(self) -> float | None:
        """Stories with at least one event / stories read, when the stories read are known."""
        if not self.stories_read:
            return None
        return self.stories / self.stories_read


@dataclass
class ReportData:
    """Everything the charts draw, as small lists of plain records."""

    summary: Summary
    actors: str = "country"
    period: str = "month"
    over_time: list[dict] = field(default_factory=list)  # period, period_end, quad_class, events
    dyads: list[dict] = field(default_factory=list)  # source, target, quad_class, events, total
    roots: list[dict] = field(default_factory=list)  # root, name, quad_class, events
    plover: list[dict] = field(default_factory=list)  # category, events
    balance: list[dict] = field(default_factory=list)  # actor, period, goldstein, events, total
    places: list[dict] = field(default_factory=list)  # place, country, latitude, longitude, events, goldstein
    places_total: int = 0


def choose_period(first: dt.date, last: dt.date) -> str:
    """The shortest calendar unit that cuts ``first``..``last`` into at most :data:`MAX_PERIODS`
    bars (years when even quarters are too many)."""
    days = (last - first).days + 1
    for unit, length in PERIODS:
        if days / length <= MAX_PERIODS:
            return unit
    return PERIODS[-1][0]


@lru_cache(maxsize=1)
def root_names() -> dict[str, str]:
    """CAMEO root code -> name (``"19"`` -> ``"Fight"``), from the bundled ``cameo.txt``."""
    from ..dictionaries.native import bundled_dictionaries_path

    pattern = re.compile(r"^(\d\d)\s*\|[^|]*\|\s*(.+?)\s*$")
    text = (bundled_dictionaries_path() / "cameo.txt").read_text("utf-8")
    return {m.group(1): m.group(2) for m in map(pattern.match, text.splitlines()) if m}


def root_quad(root: str) -> int | None:
    """The quad class of a root code (01-05: 1, 06-09: 2, 10-14: 3, 15-20: 4)."""
    if not root.isdigit():
        return None
    number = int(root)
    return next((quad for quad, top in ((1, 5), (2, 9), (3, 14), (4, 20)) if number <= top), None)


def _actor_expression(role: str, level: str) -> str:
    if level == "code":
        return f"{role}_code"
    return f"coalesce(NULLIF({role}_country, ''), {role}_code)"


def _connect(dataset: EventDataset, actors: str):
    import duckdb

    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT})
    files = [str(f) for f in dataset.files]
    con.read_parquet(files, hive_partitioning=False, union_by_name=True).create_view("raw")
    columns = set(con.table("raw").columns)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise DatasetError(
            f"not an events dataset: missing column(s) {', '.join(missing)}", file=dataset.path,
            fix="give a dataset written by eventcoder code",
        )
    optional = ", ".join(name if name in columns else f"NULL::{kind} AS {name}" for name, kind in OPTIONAL.items())
    con.execute(
        f"CREATE VIEW coded AS SELECT story_id, date, source AS source_code, NULLIF(target, '') AS target_code, "
        f"root_code, quad_class, goldstein, {optional} FROM raw"
    )
    con.execute(
        f"CREATE VIEW events AS SELECT *, {_actor_expression('source', actors)} AS source, "
        f"{_actor_expression('target', actors)} AS target FROM coded"
    )
    return con


def aggregate(dataset: EventDataset, actors: str = "country") -> ReportData:
    """Compute every figure of the report from ``dataset``, naming actors by ``actors``
    (:data:`ACTOR_LEVELS`)."""
    if actors not in ACTOR_LEVELS:
        raise ValueError(f"actors must be one of {ACTOR_LEVELS}, not {actors!r}")
    con = _connect(dataset, actors)
    try:
        summary = _summary(con, dataset)
        data = ReportData(summary=summary, actors=actors)
        if summary.events == 0:
            return data
        data.period = choose_period(summary.first, summary.last)
        con.execute(f"CREATE VIEW dated AS SELECT *, date_trunc('{data.period}', date)::DATE AS period FROM events")
        data.over_time = _records(
            con,
            f"SELECT period, (period + INTERVAL '1 {data.period}')::DATE AS period_end, quad_class, "
            "count(*) AS events FROM dated GROUP BY ALL ORDER BY ALL",
        )
        data.dyads = _dyads(con)
        data.roots = _roots(con)
        data.plover = _records(
            con,
            "SELECT plover_event AS category, count(*) AS events FROM events WHERE plover_event IS NOT NULL "
            "GROUP BY 1 ORDER BY events DESC, category",
        )
        data.balance = _balance(con)
        data.places, data.places_total = _places(con)
        return data
    finally:
        con.close()


def _records(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _summary(con, dataset: EventDataset) -> Summary:
    (row,) = _records(
        con,
        "SELECT count(*) AS events, count(DISTINCT story_id) AS stories, min(date) AS first, "
        "max(date) AS last, count(*) FILTER (latitude IS NOT NULL AND longitude IS NOT NULL) AS located, "
        "count(plover_event) AS plover FROM events",
    )
    (actors,) = con.execute("SELECT count(DISTINCT actor) FROM (SELECT unnest([source_code, target_code]) AS actor FROM events)").fetchone()
    return Summary(
        stories_read=dataset.stories_read, actors=actors, runs=len(dataset.runs),
        provenance=dataset.provenance, **row,
    )


def _dyads(con) -> list[dict]:
    """The :data:`TOP_DYADS` (source, target) pairs with the most events, by quad class."""
    return _records(
        con,
        f"""
        WITH top AS (
            SELECT source, target, count(*) AS total FROM events GROUP BY ALL
            ORDER BY total DESC, source, target NULLS LAST LIMIT {TOP_DYADS}
        )
        SELECT e.source, e.target, e.quad_class, count(*) AS events, any_value(top.total) AS total
        FROM events AS e JOIN top ON e.source = top.source AND e.target IS NOT DISTINCT FROM top.target
        GROUP BY ALL ORDER BY total DESC, e.source, e.target NULLS LAST, e.quad_class
        """,
    )


def _roots(con) -> list[dict]:
    """Every CAMEO root, with zero for those without events, and any other root found."""
    counts = dict(con.execute("SELECT root_code, count(*) FROM events GROUP BY 1").fetchall())
    names = root_names()
    roots = sorted(set(names) | set(counts))
    return [
        {"root": r, "name": names.get(r, "not a CAMEO root"), "quad_class": root_quad(r), "events": counts.get(r, 0)}
        for r in roots
    ]


def _balance(con) -> list[dict]:
    """Mean Goldstein score per period of the events each top actor took part in (as source or
    target); the top actors are those in the most events (``total``), first."""
    return _records(
        con,
        f"""
        WITH involved AS (
            SELECT unnest(list_distinct([source, target])) AS actor, period, goldstein FROM dated
        ),
        top AS (
            SELECT actor, count(*) AS n FROM involved GROUP BY actor ORDER BY n DESC, actor LIMIT {TOP_ACTORS}
        )
        SELECT actor, period, avg(goldstein) AS goldstein, count(*) AS events, any_value(n) AS total
        FROM involved JOIN top USING (actor)
        GROUP BY actor, period ORDER BY total DESC, actor, period
        """,
    )


def _places(con) -> tuple[list[dict], int]:
    """Located events per place (coordinates to 0.01 degree and country), the most frequent
    :data:`MAX_PLACES`, and how many places there are in all."""
    con.execute(
        "CREATE VIEW places AS SELECT round(latitude, 2) AS latitude, round(longitude, 2) AS longitude, "
        "location_country AS country, min(location_text) AS place, count(*) AS events, "
        "avg(goldstein) AS goldstein FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3"
    )
    (total,) = con.execute("SELECT count(*) FROM places").fetchone()
    places = _records(
        con,
        f"SELECT * FROM places ORDER BY events DESC, latitude, longitude, country NULLS LAST LIMIT {MAX_PLACES}",
    )
    return places, total
