"""Benchmark output a user takes away or looks at: the Excel profile and the two charts."""

import io

import numpy as np
import openpyxl
import pandas as pd

from monitor.benchmark.profiel import profiel_xlsx
from monitor.domain import GEEN_ANTWOORD_KLEUR, OPTIE_KLEUREN
from monitor.opmaak import grafieken as charts


def test_profile_is_one_sheet_with_header_and_both_tables_and_no_formulas():
    thema = pd.DataFrame({"Thema": ["1. Reikwijdte"], "Eigen index": ["50"], "Percentiel": [75.0]})
    vragen = pd.DataFrame(
        {"Code": ["GEM.1.01"], "Eigen antwoord": ["=1+1"], "Antwoorden groep": [4]}
    )
    inhoud = profiel_xlsx(
        titel="Benchmarkprofiel Amsterdam, ronde 2025",
        kop=[("Organisatie", "Amsterdam (GM0363)"), ("Vergelijkgroep", "+ Eigen selectie")],
        tabellen=[("Per thema", thema), ("Per vraag", vragen)],
    )
    werkboek = openpyxl.load_workbook(io.BytesIO(inhoud))
    assert werkboek.sheetnames == ["Benchmarkprofiel"]
    rijen = [[c.value for c in rij] for rij in werkboek.active.iter_rows()]
    rijen = [[w for w in rij if w is not None] for rij in rijen]
    assert rijen == [
        ["Benchmarkprofiel Amsterdam, ronde 2025"],
        ["Organisatie", "Amsterdam (GM0363)"],
        ["Vergelijkgroep", "'+ Eigen selectie"],
        [],
        ["Per thema"],
        ["Thema", "Eigen index", "Percentiel"],
        ["1. Reikwijdte", "50", 75],
        [],
        ["Per vraag"],
        ["Code", "Eigen antwoord", "Antwoorden groep"],
        ["GEM.1.01", "'=1+1", 4],
    ]
    assert all(c.data_type != "f" for rij in werkboek.active.iter_rows() for c in rij)


def _array(waarden) -> list:
    return np.asarray(waarden).tolist()


def test_thema_chart_draws_boxes_only_where_there_are_peers_and_marks_the_organisation():
    tabel = pd.DataFrame(
        {
            "thema": ["1. Reikwijdte", "2. Twee"],
            "eigen": [50.0, 100.0],
            "minimum": [0.0, None],
            "q1": [25.0, None],
            "mediaan": [50.0, None],
            "q3": [58.3, None],
            "maximum": [66.7, None],
        }
    )
    fig = charts.benchmark_thema(tabel, "Titel", "Amsterdam")
    box, eigen = fig.data
    assert list(box.y) == ["1. Reikwijdte"]
    assert (_array(box.q1), _array(box.median), _array(box.q3)) == ([25.0], [50.0], [58.3])
    assert list(eigen.y) == ["1. Reikwijdte", "2. Twee"]
    assert list(eigen.text) == ["50", "100"]  # the value is written, not only drawn
    assert eigen.name == "Amsterdam"


def test_status_heatmap_uses_the_status_colours_and_writes_an_abbreviation_in_each_cell():
    raster = pd.DataFrame(
        {
            "gemeente": ["A", "A", "B", "B"],
            "vraag": ["Q1", "Q2", "Q1", "Q2"],
            "waarde": ["afgerond", "nee", None, "mee_bezig"],
            "antwoord": ["Afgerond", "Nee", "", "Mee bezig"],
        }
    )
    fig = charts.status_heatmap(raster, "Titel")
    kaart = fig.data[0]
    assert np.asarray(kaart.text).tolist() == [["A", "N"], ["–", "MB"]]
    # z numbers the options present in OPTIE_KLEUREN order (mee_bezig 1, afgerond 2, nee 3;
    # 0 = no answer); each number gets its colour in the flat-band colour scale
    assert np.asarray(kaart.z).tolist() == [[2, 3], [0, 1]]
    kleuren = [kaart.colorscale[2 * i][1] for i in range(4)]
    assert kleuren == [
        GEEN_ANTWOORD_KLEUR,
        OPTIE_KLEUREN["mee_bezig"],
        OPTIE_KLEUREN["afgerond"],
        OPTIE_KLEUREN["nee"],
    ]


def test_profile_from_a_demo_database_says_demodata_above_its_title():
    inhoud = profiel_xlsx(
        titel="Benchmarkprofiel Amsterdam, ronde 2024",
        kop=[("Organisatie", "Amsterdam (GM0363)")],
        tabellen=[],
        demo=True,
    )
    blad = openpyxl.load_workbook(io.BytesIO(inhoud)).active
    assert blad["A1"].value.startswith("Demodata:")
    assert blad["A2"].value == "Benchmarkprofiel Amsterdam, ronde 2024"
