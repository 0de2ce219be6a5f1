"""The world outline under the report's map, bundled so that the map draws offline.

``world_land.json`` beside this module is a GeoJSON ``MultiPolygon`` of the land of the world:
Natural Earth's 1:110m land boundaries (public domain, naturalearthdata.com), rounded to 0.01
degree, about 80 KB. It was made from the TopoJSON of those boundaries that the ``world-atlas``
npm package (version 2.0.2) redistributes, with this module's converter::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m eventcoder.report.basemap package/land-110m.json eventcoder/report/world_land.json

Nothing is fetched when a report is written: :func:`world_land` reads the bundled file.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

WORLD_LAND = Path(__file__).with_name("world_land.json")
DECIMALS = 2


@lru_cache(maxsize=1)
def world_land() -> dict:
    """The bundled world land outline, a GeoJSON ``MultiPolygon`` in longitude/latitude degrees."""
    return json.loads(WORLD_LAND.read_text("utf-8"))


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as absolute positions: quantized arcs are delta-encoded (each position after
    the first is the difference from the previous one) and mapped through ``transform``."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring from its arc indexes (``~i``, i.e. ``-i - 1``, is arc ``i`` reversed); the
    first position of each arc after the first repeats the last one of the arc before and is
    dropped; positions are rounded and consecutive repeats left out."""
    ring: list[list[float]] = []
    for position, index in enumerate(indexes):
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        for x, y in points[1:] if position else points:
            point = [round(x, DECIMALS), round(y, DECIMALS)]
            if not ring or ring[-1] != point:
                ring.append(point)
    return ring


def land_from_topojson(topology: dict, name: str = "land") -> dict:
    """The polygons of the TopoJSON object ``name`` as one GeoJSON ``MultiPolygon``; rings that
    rounding reduces to fewer than four positions (specks of land) are left out."""
    arcs = _decode_arcs(topology)
    obj = topology["objects"][name]
    geometries = obj.get("geometries", [obj])
    polygons = []
    for geometry in geometries:
        if geometry["type"] == "Polygon":
            parts = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            parts = geometry["arcs"]
        else:
            continue
        for polygon in parts:
            rings = [_ring(ring, arcs) for ring in polygon]
            if len(rings[0]) >= 4:
                polygons.append([ring for ring in rings if len(ring) >= 4])
    return {"type": "MultiPolygon", "coordinates": polygons}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m eventcoder.report.basemap LAND_TOPOJSON OUTPUT_GEOJSON", file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text("utf-8"))
    land = land_from_topojson(topology)
    Path(argv[1]).write_text(json.dumps(land, separators=(",", ":")) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
