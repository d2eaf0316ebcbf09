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


Punt = tuple[float, float]

# Half a screen pixel at the map's zoom 6 (360° / (512 px · 2⁶) ≈ 0,011° per pixel).
KAART_TOLERANTIE = 0.006


def kaart_geojson(laag: str, tolerantie: float = KAART_TOLERANTIE) -> dict:
    """The geometry the interactive map sends to the browser: simplified without gaps or
    overlaps between neighbours, and only ``code`` per feature (about a third smaller)."""
    return vereenvoudig(load_geojson(laag), tolerantie)


def vereenvoudig(geojson: dict, tolerantie: float) -> dict:
    """Topology-preserving Douglas–Peucker on the arcs between junctions.

    A border shared by two polygons is one arc, simplified once (in a fixed direction), so both
    neighbours keep exactly the same vertices; junctions (where three or more polygons meet, or
    a shared border starts) are always kept. An arc of a ring with fewer than three junctions
    keeps its farthest vertex, and a ring without junctions at least three, so no polygon
    collapses. Returns a new FeatureCollection with only ``code`` per feature (the map takes
    names from its table).
    """
    features = [(f["properties"], _polygonen(f)) for f in geojson["features"]]
    ringen = [ring for _, polygonen in features for poly in polygonen for ring in poly]
    knopen = _knopen(ringen)
    gesplitst = {id(ring): _bogen(ring, knopen) for ring in ringen}
    verplicht = {
        min(boog, boog[::-1]) for bogen_ in gesplitst.values() if len(bogen_) < 3 for boog in bogen_
    }
    klaar: dict[tuple[Punt, ...], list[Punt]] = {}
    uit = []
    for properties, polygonen in features:
        coordinates = [
            [_ring(gesplitst[id(ring)], verplicht, klaar, tolerantie) for ring in poly]
            for poly in polygonen
        ]
        uit.append(
            {
                "type": "Feature",
                "properties": {"code": properties["code"]},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": uit}


def _polygonen(feature: dict) -> list[list[list[Punt]]]:
    geometry = feature["geometry"]
    polygonen = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygonen = [polygonen]
    return [[[(x, y) for x, y in ring] for ring in poly] for poly in polygonen]


def _knopen(ringen: list[list[Punt]]) -> set[Punt]:
    """Vertices with other than two distinct neighbours over all rings: junctions."""
    buren: dict[Punt, set[Punt]] = {}
    for ring in ringen:
        punten = ring[:-1] if ring[0] == ring[-1] else ring
        for i, punt in enumerate(punten):
            buren.setdefault(punt, set()).update((punten[i - 1], punten[(i + 1) % len(punten)]))
    return {punt for punt, naast in buren.items() if len(naast) != 2}


def _bogen(ring: list[Punt], knopen: set[Punt]) -> list[tuple[Punt, ...]]:
    """The ring cut at its junctions into arcs (each from one junction to the next); a ring
    without junctions is one closed arc from its smallest vertex."""
    punten = ring[:-1] if ring[0] == ring[-1] else list(ring)
    start = next((i for i, p in enumerate(punten) if p in knopen), None)
    if start is None:
        i = punten.index(min(punten))
        punten = punten[i:] + punten[:i]
        if punten[1] > punten[-1]:  # a fixed direction, whichever ring holds it
            punten = [punten[0], *reversed(punten[1:])]
        return [(*punten, punten[0])]
    punten = punten[start:] + punten[:start]
    bogen, boog = [], [punten[0]]
    for punt in [*punten[1:], punten[0]]:
        boog.append(punt)
        if punt in knopen:
            bogen.append(tuple(boog))
            boog = [punt]
    return bogen


def _ring(
    bogen: list[tuple[Punt, ...]],
    verplicht: set[tuple[Punt, ...]],
    klaar: dict[tuple[Punt, ...], list[Punt]],
    tol: float,
) -> list[list[float]]:
    uit = [bogen[0][0]]
    for boog in bogen:
        sleutel = min(boog, boog[::-1])
        if sleutel not in klaar:
            klaar[sleutel] = _boog(sleutel, tol, sleutel in verplicht)
        kort = klaar[sleutel] if sleutel == boog else klaar[sleutel][::-1]
        uit.extend(kort[1:])
    return [list(p) for p in uit]


def _boog(boog: tuple[Punt, ...], tol: float, minstens_een: bool) -> list[Punt]:
    """The simplified arc; a closed arc keeps at least two vertices besides its start."""
    if boog[0] != boog[-1]:
        return _douglas_peucker(list(boog), tol, minstens_een)
    if len(boog) <= 4:
        return list(boog)
    verste = max(range(1, len(boog) - 1), key=lambda i: _afstand(boog[i], boog[0], boog[0]))
    eerste = _douglas_peucker(list(boog[: verste + 1]), tol, minstens_een=True)
    return eerste + _douglas_peucker(list(boog[verste:]), tol, minstens_een=True)[1:]


def _douglas_peucker(punten: list[Punt], tol: float, minstens_een: bool = False) -> list[Punt]:
    if len(punten) <= 2:
        return punten
    afstanden = [_afstand(p, punten[0], punten[-1]) for p in punten[1:-1]]
    grootste = max(afstanden)
    if grootste <= tol and not minstens_een:
        return [punten[0], punten[-1]]
    i = afstanden.index(grootste) + 1
    links = _douglas_peucker(punten[: i + 1], tol)
    return links + _douglas_peucker(punten[i:], tol)[1:]


def _afstand(p: Punt, a: Punt, b: Punt) -> float:
    """Distance from ``p`` to the segment ``a``–``b`` (in degrees; only compared to a tolerance)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    lengte = dx * dx + dy * dy
    t = 0.0 if lengte == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / lengte))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


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
