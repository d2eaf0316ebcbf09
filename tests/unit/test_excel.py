"""The one workbook writer: whatever text comes in, Excel and openpyxl can open the result."""

import io
from datetime import UTC, datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest

from monitor.domain import DEMO_REGEL
from monitor.opmaak.excel import Werkboek, bladnaam, tabel_naar_xlsx


def _laad(inhoud: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(inhoud))


def test_formula_like_text_is_neutralised_and_numbers_stay_numbers():
    tabel = pd.DataFrame(
        {
            "Organisatie": ['=HYPERLINK("http://x")', "+31 6 123", "@som", "Gewoon", "-1", "\tx"],
            "Waarde": [-0.5, 12, None, 3, np.int64(7), np.float64(1.5)],
        }
    )
    blad = _laad(tabel_naar_xlsx(tabel, "Test/blad")).active
    assert blad.title == "Test-blad"
    assert blad["A1"].value == "Test/blad"  # the title above the table, as the user wrote it
    assert [c.value for c in blad[2]] == ["Organisatie", "Waarde"]
    kolom_a = [blad.cell(row=r, column=1) for r in range(3, 9)]
    assert [c.data_type for c in kolom_a] == ["s"] * 6  # no formula cell ('f')
    assert [c.value for c in kolom_a] == [
        '\'=HYPERLINK("http://x")',
        "'+31 6 123",
        "'@som",
        "Gewoon",
        "'-1",
        "'\tx",
    ]
    assert [blad.cell(row=r, column=2).value for r in range(3, 9)] == [-0.5, 12, None, 3, 7, 1.5]
    assert blad.freeze_panes == "A3"  # the header stays in view


def test_control_characters_are_removed_so_a_toelichting_exports():
    tabel = pd.DataFrame(
        {"Toelichting": ["stuur\x01teken\x0bhier", "regel 1\nregel 2", "\x02=1+1"]}
    )
    blad = _laad(tabel_naar_xlsx(tabel, "Toelichtingen\x07")).active
    assert blad.title == "Toelichtingen"
    assert [blad.cell(r, 1).value for r in range(3, 6)] == [
        "stuurtekenhier",
        "regel 1\nregel 2",  # line breaks are allowed and stay
        "'=1+1",  # what remains after removing the control character is still neutralised
    ]


@pytest.mark.parametrize(
    ("titel", "verwacht"),
    [
        ("Kaart: antwoord op vraag [GEM.1.01]?", "Kaart- antwoord op vraag -GEM.1"),
        ("a/b\\c*d?e:f[g]h", "a-b-c-d-e-f-g-h"),
        ("x" * 40, "x" * 31),
        ("", "Blad"),
        ("   ", "Blad"),
        ("'quoted'", "quoted"),
        ("Thema's per actor", "Thema's per actor"),
    ],
)
def test_sheet_names_are_valid(titel, verwacht):
    naam = bladnaam(titel)
    assert naam == verwacht
    assert len(naam) <= 31


def test_sheet_names_are_unique_within_31_characters():
    werkboek = Werkboek("Dubbel")
    tabel = pd.DataFrame({"a": [1]})
    for titel in ["Beleving: gemeenten", "Beleving- gemeenten", "BELEVING: GEMEENTEN", "y" * 40]:
        werkboek.tabel(titel, tabel, kop=titel)
    werkboek.tabel("y" * 35, tabel)
    namen = _laad(werkboek.naar_bytes()).sheetnames
    assert namen == [
        "Beleving- gemeenten",
        "Beleving- gemeenten (2)",
        "BELEVING- GEMEENTEN (3)",
        "y" * 31,
        "y" * 27 + " (2)",
    ]


def test_captions_come_between_title_and_table_and_timezones_become_dutch_time():
    tabel = pd.DataFrame({"Moment": [datetime(2025, 5, 1, 12, 0, tzinfo=UTC)]})
    werkboek = Werkboek("Notities")
    werkboek.tabel("Notities", tabel, kop="Notities", regels=["Ronde 2025", "Zelfrapportage"])
    blad = _laad(werkboek.naar_bytes()).active
    waarden = [[c.value for c in rij] for rij in blad.iter_rows()]
    assert waarden == [
        ["Notities"],
        ["Ronde 2025"],
        ["Zelfrapportage"],
        [None],
        ["Moment"],
        [datetime(2025, 5, 1, 14, 0)],  # 12:00 UTC is 14:00 in Amsterdam in May
    ]
    assert blad.freeze_panes == "A6"


def test_an_empty_workbook_and_an_empty_table_still_open():
    assert _laad(Werkboek("Leeg").naar_bytes()).sheetnames == ["Blad"]
    blad = _laad(tabel_naar_xlsx(pd.DataFrame(columns=["Vraag", "Aantal"]), "")).active
    assert blad.title == "Blad"
    assert [c.value for c in blad[1]] == ["Vraag", "Aantal"]  # no title: the header is row 1


def test_a_demo_workbook_says_so_above_its_first_sheet_and_in_its_properties():
    tabel = pd.DataFrame({"a": [1]})
    gewoon = Werkboek("Export")
    gewoon.tabel("Eerste", tabel)
    gewoon.tabel("Tweede", tabel)
    assert gewoon.openpyxl.worksheets[0]["A1"].value == "a"  # header first: reads back
    assert gewoon.openpyxl.properties.keywords is None

    demo = Werkboek("Export", demo=True)
    demo.tabel("Eerste", tabel)
    demo.tabel("Tweede", tabel)
    eerste, tweede = demo.openpyxl.worksheets
    assert [c.value for c in eerste["A"]] == [DEMO_REGEL, "a", 1]
    assert eerste.freeze_panes == "A3"  # below the header, which moved down one row
    assert tweede["A1"].value == "a"  # only the first sheet carries the line
    assert demo.openpyxl.properties.title == "Demodata — Export"
    assert demo.openpyxl.properties.keywords == "Demodata"


def test_a_small_download_from_a_demo_database_says_demodata_first():
    tabel = pd.DataFrame({"Thema": ["Zorg"], "Aantal": [3]})
    gewoon = _laad(tabel_naar_xlsx(tabel, "Voortgang per thema")).active
    assert gewoon["A1"].value == "Voortgang per thema"

    demo = _laad(tabel_naar_xlsx(tabel, "Voortgang per thema", demo=True))
    blad = demo.active
    assert blad["A1"].value.startswith("Demodata:")
    assert [blad["A2"].value, blad["A3"].value, blad["B4"].value] == [
        "Voortgang per thema",
        "Thema",
        3,
    ]
    assert demo.properties.keywords == "Demodata"
