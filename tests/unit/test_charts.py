"""Chart builders: what the user sees is complete and labelled."""

from datetime import date

import pandas as pd

from monitor.opmaak import grafieken as charts
from monitor.opmaak.geo import load_geojson


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
            "index": [100.0, 24.5, 50.5],  # 0–100; 50,5 shows as 51 (half up)
        }
    )
    fig = charts.voortgang_per_thema(index, "Heatmap")
    heatmap = fig.data[0]
    assert list(heatmap.y) == ["2. Twee", "10. Tien"]
    assert list(heatmap.x) == ["Rijk", "VNG"]
    assert heatmap.text.tolist() == [["25", "51"], ["100", ""]]


def _beleving(percentages: dict[str, float], vraag: str = "Stelling") -> pd.DataFrame:
    labels = {
        "helemaal_niet": "Helemaal niet",
        "enigszins": "Enigszins",
        "ongeveer_halverwege": "Ongeveer halverwege",
        "grotendeels": "Grotendeels",
        "volledig": "Volledig",
    }
    return pd.DataFrame(
        [(vraag, optie, labels[optie], p) for optie, p in percentages.items()],
        columns=["vraag", "optie", "label", "percentage"],
    )


def test_beleving_diverges_negative_left_positive_right_neutral_centred():
    tabel = _beleving(
        {
            "helemaal_niet": 10.0,
            "enigszins": 20.0,
            "ongeveer_halverwege": 30.0,
            "grotendeels": 25.0,
            "volledig": 15.0,
        }
    )
    fig = charts.beleving_divergerend(tabel, "Beleving")
    x = {(t.name, t.showlegend is not False): list(t.x) for t in fig.data}
    assert x[("Helemaal niet", True)] == [-10.0]
    assert x[("Enigszins", True)] == [-20.0]
    assert x[("Ongeveer halverwege", False)] == [-15.0]  # half left of zero …
    assert x[("Ongeveer halverwege", True)] == [15.0]  # … half right
    assert x[("Grotendeels", True)] == [25.0]
    assert x[("Volledig", True)] == [15.0]
    # stacked outwards from zero: the middle first, then enigszins, then helemaal niet
    links = [t.name for t in fig.data if t.x[0] < 0]
    assert links == ["Ongeveer halverwege", "Enigszins", "Helemaal niet"]
    assert fig.layout.barmode == "relative"
    # the text and hover show the share as a positive number
    enigszins = next(t for t in fig.data if t.name == "Enigszins")
    assert list(enigszins.text) == ["20%"] and list(enigszins.customdata) == ["20,0%"]
    legenda = sorted((t.legendrank, t.name) for t in fig.data if t.showlegend is not False)
    assert [n for _, n in legenda] == [
        "Helemaal niet",
        "Enigszins",
        "Ongeveer halverwege",
        "Grotendeels",
        "Volledig",
    ]


def test_status_per_thema_bars_use_the_status_palette():
    from monitor.domain import OPTIE_KLEUREN

    tabel = pd.DataFrame(
        [
            (1, "1. Een", "Rijk", "nog_niet_begonnen", "Nog niet begonnen of nee", 1, 25.0),
            (1, "1. Een", "Rijk", "afgerond", "Afgerond of ja", 3, 75.0),
        ],
        columns=["thema_nr", "thema", "actor", "optie", "label", "aantal", "percentage"],
    )
    fig = charts.status_per_thema_staaf(tabel, "Status")
    kleuren = {t.name: t.marker.color for t in fig.data}
    assert kleuren == {
        "Nog niet begonnen of nee": OPTIE_KLEUREN["nog_niet_begonnen"],
        "Afgerond of ja": OPTIE_KLEUREN["afgerond"],
    }
    assert [list(t.x) for t in fig.data] == [[25.0], [75.0]]


def test_categorical_map_has_one_legend_entry_per_option_given():
    geojson = load_geojson("regio")
    codes = [f["properties"]["code"] for f in geojson["features"]][:3]
    waarden = pd.DataFrame(
        {"code": codes, "naam": codes, "optie": ["ja", None, "ja"], "label": ["Ja", None, "Ja"]}
    )
    fig = charts.kaart_categorisch(geojson, waarden, "Kaart", [("ja", "Ja"), ("nee", "Nee")])
    assert [t.name for t in fig.data] == ["Ja", "Geen antwoord"]  # nobody said nee
    assert list(fig.data[0].locations) == [codes[0], codes[2]]
    assert list(fig.data[1].locations) == [codes[1]]


def test_planning_timeline_names_its_months_in_dutch():
    tabel = pd.DataFrame(
        {
            "deadline": pd.to_datetime(["2023-12-31", "2024-06-30", "2025-03-31"]),
            "actor": ["Rijk", "VNG", "SBJ"],
            "afspraak_code": ["A1.01", "A1.02", "A1.03"],
            "afspraak": ["a", "b", "c"],
            "status": ["Achter", "Op schema", "Achter"],
        }
    )
    fig = charts.planning_tijdlijn(tabel, date(2024, 10, 1), "Tijdlijn")
    # January 2024 to March 2025 is 15 months: a tick every two months keeps it at eight
    assert fig.layout.xaxis.ticktext == (
        "jan 2024",
        "mrt 2024",
        "mei 2024",
        "jul 2024",
        "sep 2024",
        "nov 2024",
        "jan 2025",
        "mrt 2025",
    )
    assert fig.layout.xaxis.tickvals[0] == "2024-01-01"


def test_beleving_statement_stands_whole_above_its_bar_so_bars_keep_the_full_width():
    lang = (
        "Versterken lokale teams met goed opgeleide professionals (die zelf basishulp kunnen "
        "bieden), in goede verbinding met specialisten."
    )
    fig = charts.beleving_divergerend(_beleving({"volledig": 100.0}, vraag=lang), "Beleving")
    assert not fig.layout.yaxis.showticklabels  # no label column beside the bars
    (label,) = [a for a in fig.layout.annotations if a.text.replace("<br>", " ") == lang]
    assert (label.xref, label.x, label.xanchor, label.yanchor) == ("paper", 0, "left", "bottom")
    assert "…" not in label.text
    # The legend sits under the axis title, not on it.
    assert fig.layout.legend.y < 0 and fig.layout.legend.yanchor == "top"


def test_start_heatmap_keeps_thema_names_whole_and_its_scale_under_the_chart():
    naam = "8. Verbeteren inzicht in het functioneren van het jeugdstelsel"
    index = pd.DataFrame(
        [(naam, "Rijk", 8.0), ("1. Reikwijdte", "Rijk", 44.0)], columns=["thema", "actor", "index"]
    )
    fig = charts.voortgang_per_thema(index, "Voortgangsindex")
    labels = [label.replace("<br>", " ") for label in fig.data[0].y]
    assert labels == ["1. Reikwijdte", naam]  # thema order, nothing cut off
    schaal = fig.data[0].colorbar
    # Horizontal under the plot: beside it, the scale took a fifth of a phone's width.
    assert schaal.orientation == "h" and schaal.y < 0
