"""The one-page benchmarkprofiel of an organisation as an Excel file (safe to open: text that
Excel would run as a formula is neutralised, see excel_export.veilige_tekst)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from monitor.opmaak.excel import KOP_KLEUR, veilige_cel, veilige_tekst


def profiel_xlsx(
    *, titel: str, kop: Sequence[tuple[str, str]], tabellen: Sequence[tuple[str, pd.DataFrame]]
) -> bytes:
    """One sheet: a title, ``kop`` as label/value lines, then each table with a bold header."""
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = "Benchmarkprofiel"
    blad.append([veilige_tekst(titel)])
    blad["A1"].font = Font(bold=True, size=14)
    for label, waarde in kop:
        blad.append([label, veilige_cel(waarde)])
        blad.cell(blad.max_row, 1).font = Font(bold=True)
    breedtes: dict[int, int] = {1: 22}
    for naam, tabel in tabellen:
        blad.append([])
        blad.append([veilige_tekst(naam)])
        blad.cell(blad.max_row, 1).font = Font(bold=True, size=12)
        blad.append([str(k) for k in tabel.columns])
        for cel in blad[blad.max_row]:
            cel.font = Font(bold=True, color="FFFFFF")
            cel.fill = PatternFill("solid", fgColor=KOP_KLEUR)
            cel.alignment = Alignment(wrap_text=True, vertical="top")
        for rij in tabel.itertuples(index=False):
            blad.append([veilige_cel(w) for w in rij])
        for i, kolom in enumerate(tabel.columns, start=1):
            breedte = max([len(str(kolom))] + [len(str(w)) for w in tabel[kolom].head(200)])
            breedtes[i] = max(breedtes.get(i, 10), min(60, breedte + 2))
    for i, breedte in breedtes.items():
        blad.column_dimensions[get_column_letter(i)].width = breedte
    werkboek.properties.title = titel
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()
