"""Excel downloads: text that Excel would run as a formula stays text."""

import io

import openpyxl
import pandas as pd

from monitor.opmaak.excel import tabel_naar_xlsx


def test_formula_like_text_is_neutralised_and_numbers_stay_numbers():
    tabel = pd.DataFrame(
        {
            "Organisatie": ['=HYPERLINK("http://x")', "+31 6 123", "@som", "Gewoon"],
            "Waarde": [-0.5, 12, None, 3],
        }
    )
    blad = openpyxl.load_workbook(io.BytesIO(tabel_naar_xlsx(tabel, "Test/blad"))).active
    assert blad.title == "Test-blad"
    assert [c.value for c in blad[1]] == ["Organisatie", "Waarde"]
    kolom_a = [blad.cell(row=r, column=1) for r in range(2, 6)]
    assert [c.data_type for c in kolom_a] == ["s"] * 4  # no formula cell ('f')
    assert kolom_a[0].value == '\'=HYPERLINK("http://x")'
    assert kolom_a[3].value == "Gewoon"
    assert [blad.cell(row=r, column=2).value for r in range(2, 6)] == [-0.5, 12, None, 3]
