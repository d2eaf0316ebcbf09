"""Every chart title the reflectiesessie and the reports build goes through the one workbook
writer and comes out as a workbook openpyxl can load (demo rounds 2024 and 2025)."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from monitor.db import read_session
from monitor.opmaak.excel import tabel_naar_xlsx
from monitor.rapportage.bron import laad_bron
from monitor.rapportage.excel_tabellen import bouw_xlsx
from monitor.reflectie import dias as reflectie

ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")


@pytest.fixture(scope="module", params=[2024, 2025])
def bron(request, demo_engine):
    with read_session(demo_engine) as session:
        return laad_bron(session, request.param)


def test_every_slide_title_and_table_makes_a_workbook(bron):
    dias = reflectie.catalogus(bron)  # every slide the page and the PPTX/PDF build
    titels = [d.titel for d in dias]
    assert len(titels) >= 8
    assert sum(":" in t for t in titels) >= 6  # thema, beleving and spreiding slides
    for dia in dias:
        # the table as the page offers it under 'Toon als tabel' (ui.reflectie.toon_dia)
        tabel = dia.tabel.drop(columns=["reeks_code"])
        werkboek = load_workbook(io.BytesIO(tabel_naar_xlsx(tabel, dia.titel)))
        blad = werkboek.active
        assert blad["A1"].value == dia.titel
        assert len(blad.title) <= 31 and not ONGELDIG_IN_BLADNAAM.search(blad.title)
        assert blad.max_row == len(tabel) + 2  # title, header, one row per value


def test_report_tables_have_valid_unique_sheet_names(bron):
    werkboek = load_workbook(io.BytesIO(bouw_xlsx(bron)))
    namen = werkboek.sheetnames
    assert len({n.casefold() for n in namen}) == len(namen)
    assert all(len(n) <= 31 and not ONGELDIG_IN_BLADNAAM.search(n) for n in namen)
    assert namen[0] == "Over deze tabellen" and "Deadlines" in namen
