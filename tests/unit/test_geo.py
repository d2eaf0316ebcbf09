"""The map frames what the filter leaves (opmaak.geo.omkadering)."""

from __future__ import annotations

import pytest

from monitor.opmaak.geo import omkadering


def _vierkant(code: str, lon: float, lat: float, maat: float = 1.0) -> dict:
    ring = [[lon, lat], [lon + maat, lat], [lon + maat, lat + maat], [lon, lat + maat], [lon, lat]]
    return {
        "type": "Feature",
        "properties": {"code": code},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    }


GEO = {
    "type": "FeatureCollection",
    "features": [_vierkant("GM1", 5.0, 52.0), _vierkant("GM2", 3.0, 50.0, 0.1)],
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
