"""Tables to Excel bytes, safe to open: text that Excel would run as a formula is neutralised."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
KOP_KLEUR = "01689B"


def veilige_tekst(waarde: object) -> object:
    """Prefix text that starts like a formula with a quote; numbers stay numbers."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde


def veilige_cel(waarde: object) -> object:
    """A DataFrame value as an Excel cell: NaN empty, numpy scalars plain, text neutralised."""
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return None
    if hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    return veilige_tekst(waarde)


def tabel_naar_xlsx(tabel: pd.DataFrame, titel: str) -> bytes:
    """One sheet with a bold header row, frozen panes and sensible column widths."""
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = (titel[:31] or "Tabel").replace("/", "-")
    blad.append([str(k) for k in tabel.columns])
    for rij in tabel.itertuples(index=False):
        blad.append([veilige_cel(w) for w in rij])
    for cel in blad[1]:
        cel.font = Font(bold=True, color="FFFFFF")
        cel.fill = PatternFill("solid", fgColor=KOP_KLEUR)
    for i, kolom in enumerate(tabel.columns, start=1):
        breedte = max([len(str(kolom))] + [len(str(w)) for w in tabel[kolom].head(200)])
        blad.column_dimensions[get_column_letter(i)].width = min(60, max(10, breedte + 2))
    blad.freeze_panes = "A2"
    werkboek.properties.title = titel
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()
