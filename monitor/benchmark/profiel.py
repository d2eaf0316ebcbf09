"""The one-page benchmarkprofiel of an organisation as an Excel file (made safe by the one
workbook writer, ``opmaak.excel``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from openpyxl.styles import Font

from monitor.opmaak.excel import Werkboek, schrijf_tabel, titelregel, veilige_cel, veilige_tekst


def profiel_xlsx(
    *,
    titel: str,
    kop: Sequence[tuple[str, str]],
    tabellen: Sequence[tuple[str, pd.DataFrame]],
    demo: bool = False,
) -> bytes:
    """One sheet: a title, ``kop`` as label/value lines, then each table with a bold header;
    from a demo database (``demo``) the demo line above it all."""
    werkboek = Werkboek(titel, demo=demo)
    blad = werkboek.blad("Benchmarkprofiel")
    titelregel(blad, titel)
    for label, waarde in kop:
        blad.append([veilige_tekst(label), veilige_cel(waarde)])
        blad.cell(blad.max_row, 1).font = Font(bold=True)
    blad.column_dimensions["A"].width = 22
    for naam, tabel in tabellen:
        blad.append([])
        titelregel(blad, naam, grootte=12)
        schrijf_tabel(blad, tabel)
    return werkboek.naar_bytes()
