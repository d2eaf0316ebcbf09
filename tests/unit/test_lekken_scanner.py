"""The leak scanner (tests/utils/lekken.py) finds a planted leak and ignores names without values.

The leak test can only prove the absence of leaks if the scanner finds them where they are:
each case plants one organisation's name or code with a value in a table, a chart or a
download, next to the harmless forms (a name alone, a total, a group label).
"""

import io
import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import Workbook
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from tests.utils.lekken import Scanner

ORGANISATIES = pd.DataFrame(
    [
        ("GM0363", "Amsterdam", "gemeente", "JZ13", "PV27", "Noord-Holland", 931298, "5"),
        ("GM0384", "Diemen", "gemeente", "JZ13", "PV27", "Noord-Holland", 32000, "2"),
        ("GM0344", "Utrecht", "gemeente", "JZ26", "PV26", "Utrecht", 367984, "5"),
        ("JZ13", "Amsterdam-Amstelland", "regio", None, "PV27", "Noord-Holland", None, None),
        ("JZ26", "Utrecht Stad", "regio", None, "PV26", "Utrecht", None, None),
        ("VNG", "Vereniging Nederlandse Gemeenten", "vng", None, None, None, None, None),
    ],
    columns=[
        "code",
        "naam",
        "actortype",
        "jeugdregio_code",
        "provincie_code",
        "provincie_naam",
        "inwoners",
        "inwonersklasse",
    ],
)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(ORGANISATIES)


def _codes(vondsten) -> list[tuple[str, str]]:
    return sorted((v.code, v.soort) for v in vondsten)


# --------------------------------------------------------------------------------------------
# tables


def test_a_name_with_an_answer_in_a_table_is_found(scanner):
    tabel = pd.DataFrame({"Gemeente": ["Amsterdam", "Diemen"], "Antwoord": ["Ja", "Nee"]})
    vondsten = scanner.tabel(tabel, "tabel")
    assert _codes(vondsten) == [("GM0363", "waarde"), ("GM0384", "waarde")]
    assert vondsten[0].waarde == "Ja" and "rij 1" in vondsten[0].waar


def test_a_code_with_an_empty_value_is_found_as_non_response(scanner):
    tabel = pd.DataFrame({"Code": ["GM0363"], "Naam": ["Amsterdam"], "Index": [None]})
    assert _codes(scanner.tabel(tabel, "tabel")) == [("GM0363", "respons")]


def test_names_without_values_totals_and_groups_are_not_leaks(scanner):
    alleen_namen = pd.DataFrame(
        {
            "Naam": ["Amsterdam", "Diemen"],
            "Provincie": ["Noord-Holland", "Noord-Holland"],
            "Inwoners": [931298, 32000],
        }
    )
    per_provincie = pd.DataFrame({"Provincie": ["Utrecht"], "Ingevuld": [25], "Totaal": [26]})
    per_jeugdregio = pd.DataFrame({"Jeugdregio": ["Amsterdam-Amstelland"], "Ingevuld": [6]})
    totaal = pd.DataFrame({"Actor": ["Gemeenten"], "Percentage": [81.0]})
    for tabel in (alleen_namen, per_provincie, per_jeugdregio, totaal):
        assert scanner.tabel(tabel, "tabel") == []


def test_a_regio_answering_itself_in_a_group_table_is_found(scanner):
    tabel = pd.DataFrame(
        {"Jeugdregio": ["Amsterdam-Amstelland"], "Ingevuld": [6], "Regio zelf ingevuld": ["ja"]}
    )
    assert _codes(scanner.tabel(tabel, "tabel")) == [("JZ13", "respons")]


def test_the_landelijke_partijen_are_out_of_scope(scanner):
    tabel = pd.DataFrame({"Organisatie": ["VNG"], "Antwoord": ["Nee"]})
    assert scanner.tabel(tabel, "tabel") == []


# --------------------------------------------------------------------------------------------
# text


def test_a_name_with_an_answer_in_text_is_found_but_not_a_name_alone(scanner):
    assert _codes(scanner.tekst("**Diemen**: Afgerond · zelfde regio", "markdown")) == [
        ("GM0384", "waarde")
    ]
    assert scanner.tekst("Amsterdam (GM0363)", "header") == []
    assert scanner.tekst("Amsterdam tegenover de vergelijkgroep, ronde 2025", "titel") == []
    assert scanner.tekst("931.298 inwoners · Amsterdam", "caption") == []  # its own attribute
    assert scanner.tekst("Eigen jeugdregio (Amsterdam-Amstelland)", "caption") == []


# --------------------------------------------------------------------------------------------
# charts


def _spec(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def test_a_name_in_a_charts_customdata_with_a_value_is_found(scanner):
    fig = go.Figure(
        go.Bar(
            x=[40.0, 60.0],
            y=["Vraag 1", "Vraag 2"],
            customdata=[["Amsterdam", "Ja"], ["Amsterdam", "Nee"]],
            name="Ja",
        )
    )
    vondsten = scanner.plotly(_spec(fig), "grafiek")
    assert _codes(vondsten) == [("GM0363", "waarde"), ("GM0363", "waarde")]


def test_a_map_by_code_is_found_and_grey_areas_count_as_non_response(scanner):
    fig = go.Figure(
        [
            go.Choropleth(locations=["GM0363"], z=[67.0], text=["Amsterdam"]),
            go.Choropleth(
                locations=["GM0384"],
                z=[0],
                text=["Diemen"],
                hovertemplate="%{text}: geen antwoord<extra></extra>",
            ),
        ]
    )
    assert _codes(scanner.plotly(_spec(fig), "kaart")) == [
        ("GM0363", "waarde"),
        ("GM0384", "respons"),
    ]


def test_a_chart_of_totals_per_group_is_not_a_leak(scanner):
    fig = go.Figure(go.Bar(x=[96.2, 88.0], y=["Utrecht", "Amsterdam-Amstelland"], name="Respons"))
    assert scanner.plotly(_spec(fig), "grafiek") == []


# --------------------------------------------------------------------------------------------
# downloads


def _xlsx(rijen: list[list]) -> bytes:
    werkmap = Workbook()
    blad = werkmap.active
    blad.append(["Titel van de tabel"])  # a title row above the header, as the app writes
    for rij in rijen:
        blad.append(rij)
    uit = io.BytesIO()
    werkmap.save(uit)
    return uit.getvalue()


def test_a_name_with_a_value_in_an_excel_download_is_found(scanner):
    inhoud = _xlsx([["Code", "Gemeente", "Antwoord"], ["GM0384", "Diemen", "Mee bezig"]])
    vondsten = scanner.download(inhoud, "kaart.xlsx", "download")
    assert _codes(vondsten) == [("GM0384", "waarde")]
    assert vondsten[0].waarde == "Mee bezig"


def test_a_csv_download_is_read_as_a_table(scanner):
    inhoud = "\ufefforganisatiecode;vraagcode;antwoord\nGM0363;GEM.1.01;ja\n".encode()
    assert _codes(scanner.download(inhoud, "ronde.csv", "download")) == [("GM0363", "waarde")]


def test_an_excel_download_with_names_only_is_not_a_leak(scanner):
    inhoud = _xlsx([["Code", "Gemeente"], ["GM0363", "Amsterdam"], ["GM0384", "Diemen"]])
    assert scanner.download(inhoud, "leden.xlsx", "download") == []


def _pptx(met_waarde: bool) -> bytes:
    prs = Presentation()
    dia = prs.slides.add_slide(prs.slide_layouts[5])
    dia.shapes.title.text = "Benchmark gemeenten"
    data = CategoryChartData()
    data.categories = ["Amsterdam", "Diemen"]
    data.add_series("Index", (67, 50))
    if met_waarde:
        dia.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(1), Inches(4), Inches(3), data
        )
    dia.notes_slide.notes_text_frame.text = "Besproken met Amsterdam en Diemen."
    uit = io.BytesIO()
    prs.save(uit)
    return uit.getvalue()


def test_a_name_with_a_value_in_a_pptx_chart_is_found_but_not_names_in_notes(scanner):
    assert _codes(scanner.pptx(_pptx(met_waarde=True), "deck")) == [
        ("GM0363", "waarde"),
        ("GM0384", "waarde"),
    ]
    assert scanner.pptx(_pptx(met_waarde=False), "deck") == []
