"""Simplified geometries of gemeenten, jeugdregio's and provincies (2024 division)."""

from __future__ import annotations

import json
import math
from pathlib import Path

from monitor.config import REFERENCE_DIR

LAGEN = {
    "gemeente": "gemeente_2024.geojson",
    "regio": "jeugdregio_2024.geojson",
    "provincie": "provincie_2024.geojson",
}


DECIMALEN = 3  # about 100 m: the precision of the simplified source, and a third less to send


def load_geojson(laag: str, map_: Path = REFERENCE_DIR) -> dict:
    """A FeatureCollection whose features carry ``properties.code`` (GM…, JZ…)."""
    with (map_ / LAGEN[laag]).open(encoding="utf-8") as handle:
        return json.load(handle, parse_float=lambda tekst: round(float(tekst), DECIMALEN))


def _punten(geometrie: dict):
    """Every (lon, lat) of a Polygon or MultiPolygon."""
    ringen = geometrie["coordinates"]
    if geometrie["type"] == "Polygon":
        ringen = [ringen]
    for polygoon in ringen:
        for ring in polygoon:
            yield from ring


def omkadering(
    geojson: dict, codes: set[str], *, breedte: int = 800, hoogte: int = 540
) -> dict[str, object]:
    """Centre and zoom (MapLibre, 512 px tiles, Web Mercator) that fit the features whose
    ``properties.code`` is in ``codes`` in a map of ``breedte`` × ``hoogte`` px, with a little
    room around; the whole Netherlands when none is found. Zoom at most 10."""
    punten = [
        p
        for f in geojson["features"]
        if f["properties"]["code"] in codes
        for p in _punten(f["geometry"])
    ]
    if not punten:
        return {"center": {"lon": 5.3, "lat": 52.2}, "zoom": 6.0}
    lons = [p[0] for p in punten]
    lats = [p[1] for p in punten]

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    breedte_graden = max(max(lons) - min(lons), 0.01)
    hoogte_mercator = max(mercator(max(lats)) - mercator(min(lats)), 0.0002)
    zoom = min(
        math.log2(breedte * 360 / (512 * breedte_graden)),
        math.log2(hoogte * 2 * math.pi / (512 * hoogte_mercator)),
    )
    midden_y = (mercator(max(lats)) + mercator(min(lats))) / 2
    midden_lat = math.degrees(2 * math.atan(math.exp(midden_y)) - math.pi / 2)
    return {
        "center": {"lon": (max(lons) + min(lons)) / 2, "lat": midden_lat},
        "zoom": round(min(zoom - 0.25, 10.0), 2),
    }
