"""Chart builders: what the user sees is complete and labelled."""

import pandas as pd

from monitor import charts
from monitor.geo import load_geojson


def test_map_shows_every_gemeente_once_and_no_answer_apart():
    geojson = load_geojson("gemeente")
    codes = [f["properties"]["code"] for f in geojson["features"]]
    waarden = pd.DataFrame(
        {"code": codes, "naam": codes, "waarde": [None, 50.0] + [80.0] * (len(codes) - 2)}
    )
    fig = charts.kaart(geojson, waarden, "Kaart", "Index")
    grijs, kleur = fig.data
    assert list(grijs.locations) == [codes[0]]
    assert len(grijs.geojson["features"]) == 1  # each trace carries only its own geometry
    assert sorted(kleur.locations) == sorted(codes[1:])
    assert len(kleur.geojson["features"]) == len(codes) - 1
    assert fig.layout.title.text == "Kaart"


def test_heatmap_orders_themas_by_number_and_writes_the_values():
    index = pd.DataFrame(
        {
            "thema": ["10. Tien", "2. Twee", "2. Twee"],
            "actor": ["Rijk", "Rijk", "VNG"],
            "index": [1.0, 0.25, 0.5],
        }
    )
    fig = charts.voortgang_per_thema(index, "Heatmap")
    heatmap = fig.data[0]
    assert list(heatmap.y) == ["2. Twee", "10. Tien"]
    assert list(heatmap.x) == ["Rijk", "VNG"]
    assert heatmap.text.tolist() == [["25", "50"], ["100", ""]]
