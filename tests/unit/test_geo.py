"""Map geometry: simplified without gaps between neighbours, and framed to the filter."""

from __future__ import annotations

import json

import pytest

from monitor.opmaak import geo
from monitor.opmaak.geo import omkadering


def _vierkant(code: str, ring: list[tuple[float, float]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "naam": code.lower()},
        "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
    }


def _ringen(geojson: dict) -> dict[str, list[list[tuple[float, float]]]]:
    uit = {}
    for f in geojson["features"]:
        polygonen = f["geometry"]["coordinates"]
        if f["geometry"]["type"] == "Polygon":
            polygonen = [polygonen]
        uit[f["properties"]["code"]] = [
            [tuple(p) for p in ring] for poly in polygonen for ring in poly
        ]
    return uit


def test_a_shared_border_is_simplified_the_same_for_both_neighbours():
    # Two unit squares A and B side by side on a rectangle C. The border of A and B (x=1) has
    # a kink of 0,001 at (1.001, 0.5); A's left side one of 0,001 too, B's right side a bump
    # of 0,3. Where three of them meet, (0,0), (1,0), (2,0) and (1,1), is a junction.
    a = [(0, 0), (1, 0), (1.001, 0.5), (1, 1), (0, 1), (0.001, 0.5), (0, 0)]
    b = [(1, 0), (2, 0), (2.3, 0.5), (2, 1), (1, 1), (1.001, 0.5), (1, 0)]
    c = [(0, -1), (2, -1), (2, 0), (1, 0), (0, 0), (0, -1)]
    features = [_vierkant("A", a), _vierkant("B", b), _vierkant("C", c)]
    bron = {"type": "FeatureCollection", "features": features}

    uit = geo.vereenvoudig(bron, tolerantie=0.01)

    # The kinks of 0,001 go, on both sides of the shared border alike; the bump of 0,3 and
    # every junction stay. Each ring starts at its first junction.
    assert _ringen(uit) == {
        "A": [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]],
        "B": [[(1, 0), (2, 0), (2.3, 0.5), (2, 1), (1, 1), (1, 0)]],
        "C": [[(2, 0), (1, 0), (0, 0), (0, -1), (2, -1), (2, 0)]],
    }
    assert [f["properties"] for f in uit["features"]] == [{"code": k} for k in "ABC"]


def test_an_island_keeps_at_least_a_triangle():
    eiland = [(5, 5), (5.001, 5.0005), (5.002, 5), (5.001, 4.9995), (5, 5)]
    bron = {"type": "FeatureCollection", "features": [_vierkant("E", eiland)]}

    (ring,) = _ringen(geo.vereenvoudig(bron, tolerantie=1.0))["E"]

    assert ring[0] == ring[-1] and len(set(ring)) >= 3


def test_the_map_keeps_every_gemeente_and_only_source_vertices_and_is_much_smaller():
    bron = geo.load_geojson("gemeente")
    kaart = geo.kaart_geojson("gemeente")
    bron_punten = {tuple(p) for r in _ringen(bron).values() for ring in r for p in ring}
    kaart_ringen = _ringen(kaart)

    assert list(kaart_ringen) == [f["properties"]["code"] for f in bron["features"]]
    assert all(len(set(ring)) >= 3 for r in kaart_ringen.values() for ring in r)
    assert {p for r in kaart_ringen.values() for ring in r for p in ring} <= bron_punten
    grootte = len(json.dumps(kaart, separators=(",", ":")))
    assert grootte < 0.75 * len(json.dumps(bron, separators=(",", ":")))


def _vierkant_rond(code: str, lon: float, lat: float, maat: float = 1.0) -> dict:
    ring = [[lon, lat], [lon + maat, lat], [lon + maat, lat + maat], [lon, lat + maat], [lon, lat]]
    return {
        "type": "Feature",
        "properties": {"code": code},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    }


GEO = {
    "type": "FeatureCollection",
    "features": [_vierkant_rond("GM1", 5.0, 52.0), _vierkant_rond("GM2", 3.0, 50.0, 0.1)],
}


def test_zooms_to_the_features_of_the_filter():
    kader = omkadering(GEO, {"GM1"}, breedte=800, hoogte=540)
    # 52°–53° N is 0,02867 Mercator radians: log2(540·2π / (512·0,02867)) − 0,25 = 7,60 (the
    # height limits; the 1° width would allow 9,14). The centre is the Mercator middle.
    assert kader["zoom"] == pytest.approx(7.60, abs=0.01)
    assert kader["center"]["lon"] == pytest.approx(5.5)
    assert kader["center"]["lat"] == pytest.approx(52.503, abs=0.001)


def test_nothing_found_shows_the_whole_country():
    assert omkadering(GEO, {"GM9"}) == {"center": {"lon": 5.3, "lat": 52.2}, "zoom": 6.0}


def test_a_tiny_feature_is_not_zoomed_in_past_street_level():
    assert omkadering(GEO, {"GM2"})["zoom"] <= 10.0
