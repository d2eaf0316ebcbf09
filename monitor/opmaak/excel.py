"""The one Excel workbook writer of the app: every .xlsx the app hands out is made here.

What it guarantees, for any text that comes in (chart titles, toelichtingen, names):

- sheet names Excel accepts: no ``[]:*?/\\``, at most 31 characters, unique in the workbook
  (case-insensitive, as Excel compares them), never empty;
- no formulas: text that Excel would run (starting with ``= + - @``, tab or CR) gets a ``'``;
- no control characters that make openpyxl refuse the cell (``\\x01``, ``\\x0b``, …);
- no silent cut: text over Excel's 32,767 characters per cell ends in a visible note;
- tables with a styled header row, frozen below it, and column widths from the content;
  optionally a title and caption lines in rows above the table.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from monitor.domain import DEMO_REGEL
from monitor.opmaak.tekst import NL_TIJD

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
KOP_KLEUR = "01689B"
MAX_BLADNAAM = 31
MAX_CELTEKENS = 32_767  # Excel's limit per cell
STANDAARD_BLADNAAM = "Blad"
_ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")
KOP_LETTER = Font(bold=True, color="FFFFFF")
KOP_VULLING = PatternFill("solid", fgColor=KOP_KLEUR)
TERUGLOOP = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------------------------
# Cells


def zonder_stuurtekens(tekst: str) -> str:
    """``tekst`` without the control characters openpyxl refuses (tab, CR and LF stay)."""
    return ILLEGAL_CHARACTERS_RE.sub("", tekst)


def lijkt_formule(tekst: str) -> bool:
    """Text Excel would run, also behind our own quotes: "'=1+1" gets a second quote on export,
    so that the import, which takes one quote off, gives back "'=1+1"."""
    return tekst.lstrip("'").startswith(FORMULE_BEGIN)


def zonder_neutralisatie(tekst: str) -> str:
    """Undo the quote ``veilige_tekst`` puts before formula-like text (a round trip is exact)."""
    if len(tekst) > 1 and tekst[0] == "'" and lijkt_formule(tekst[1:]):
        return tekst[1:]
    return tekst


def ingekort(tekst: str, max_tekens: int = MAX_CELTEKENS) -> str:
    """``tekst`` cut to fit one Excel cell, with a visible note at the end saying so (never a
    silent cut: Excel holds at most 32,767 characters in a cell)."""
    if len(tekst) <= max_tekens:
        return tekst
    noot = (
        f" […] [INGEKORT: de tekst heeft {len(tekst):_} tekens, een Excel-cel hoogstens "
        f"{max_tekens:_}; de CSV-export bevat de volledige tekst]"
    ).replace("_", ".")
    return tekst[: max_tekens - len(noot)] + noot


def veilige_tekst(waarde: object, *, max_tekens: int | None = MAX_CELTEKENS) -> object:
    """Text as a safe cell: control characters removed, formula-like text prefixed with a quote,
    text over ``max_tekens`` cut with a visible note (None: never cut, for CSV).

    Anything that is not text is returned as it is.
    """
    if not isinstance(waarde, str):
        return waarde
    tekst = zonder_stuurtekens(waarde)
    tekst = "'" + tekst if lijkt_formule(tekst) else tekst
    return tekst if max_tekens is None else ingekort(tekst, max_tekens)


def veilige_cel(waarde: object, *, max_tekens: int | None = MAX_CELTEKENS) -> object:
    """A DataFrame value as an Excel cell: NaN empty, numpy scalars plain, text made safe.

    A datetime with a time zone becomes Dutch wall-clock time (Excel has no time zones).
    """
    if waarde is None or (not isinstance(waarde, str) and pd.isna(waarde) is True):
        return None
    if isinstance(waarde, pd.Timestamp):
        waarde = waarde.to_pydatetime()
    elif hasattr(waarde, "item"):  # numpy scalars
        waarde = waarde.item()
    if isinstance(waarde, datetime) and waarde.tzinfo is not None:
        waarde = waarde.astimezone(NL_TIJD).replace(tzinfo=None)
    return veilige_tekst(waarde, max_tekens=max_tekens)


# --------------------------------------------------------------------------------------------
# Sheet names


def bladnaam(tekst: str, bestaande: Iterable[str] = ()) -> str:
    """A sheet name Excel accepts, made from ``tekst`` and unique among ``bestaande``.

    '3.1 Thema: zorg [ja/nee]?' → '3.1 Thema- zorg -ja-nee--'; cut to 31 characters; an
    empty result becomes 'Blad'; a name already taken gets ' (2)', ' (3)', … within the 31.
    """
    schoon = _ONGELDIG_IN_BLADNAAM.sub("-", zonder_stuurtekens(str(tekst)))
    schoon = " ".join(schoon.split()).strip("'")  # Excel refuses a leading or trailing quote
    basis = schoon[:MAX_BLADNAAM].rstrip() or STANDAARD_BLADNAAM
    bezet = {b.casefold() for b in bestaande}
    naam, volgnummer = basis, 1
    while naam.casefold() in bezet:
        volgnummer += 1
        achtervoegsel = f" ({volgnummer})"
        naam = basis[: MAX_BLADNAAM - len(achtervoegsel)].rstrip() + achtervoegsel
    return naam


# --------------------------------------------------------------------------------------------
# Rows on a sheet


def titelregel(blad: Worksheet, tekst: str, *, grootte: int = 14) -> None:
    """A bold title line below what is on ``blad``."""
    blad.append([veilige_tekst(tekst)])
    blad.cell(blad.max_row, 1).font = Font(bold=True, size=grootte)


def kopregel(blad: Worksheet, koppen: Sequence[object], *, terugloop: bool = True) -> None:
    """The styled header row of a table (white on blue, bold) below what is on ``blad``."""
    blad.append([veilige_tekst(str(k)) for k in koppen])
    for cel in blad[blad.max_row]:
        cel.font = KOP_LETTER
        cel.fill = KOP_VULLING
        if terugloop:
            cel.alignment = TERUGLOOP


def _breedte(kolom: object, waarden: pd.Series) -> int:
    return max([len(str(kolom))] + [len(str(w)) for w in waarden.head(200)])


def schrijf_tabel(
    blad: Worksheet,
    tabel: pd.DataFrame,
    *,
    breedtes: Mapping[str, int] | None = None,
    max_breedte: int = 60,
    terugloop: bool = False,
    rijen_geschreven: Callable[[int], None] | None = None,
) -> None:
    """Write ``tabel`` (header row and values) below what is on ``blad``.

    Column widths follow the content (10 to ``max_breedte`` characters) unless ``breedtes``
    names a column; a column keeps the widest width asked for on this sheet. ``terugloop``
    wraps long text in the cells. ``rijen_geschreven`` is called with the row count every 500 rows.
    """
    kopregel(blad, list(tabel.columns))
    for nr, rij in enumerate(tabel.itertuples(index=False, name=None), start=1):
        blad.append([veilige_cel(w) for w in rij])
        if terugloop:
            for cel in blad[blad.max_row]:
                cel.alignment = TERUGLOOP
        if rijen_geschreven is not None and nr % 500 == 0:
            rijen_geschreven(nr)
    vast = breedtes or {}
    for i, kolom in enumerate(tabel.columns, start=1):
        gewenst = vast.get(str(kolom)) or min(
            max_breedte, max(10, _breedte(kolom, tabel[kolom]) + 2)
        )
        letter = get_column_letter(i)
        eerder = blad.column_dimensions[letter].width if letter in blad.column_dimensions else 0
        blad.column_dimensions[letter].width = max(eerder, gewenst)


# --------------------------------------------------------------------------------------------
# The workbook


class Werkboek:
    """A workbook under construction; sheets get safe, unique names; ``naar_bytes`` at the end."""

    def __init__(self, titel: str, *, demo: bool = False) -> None:
        """``demo``: the workbook comes from a demo database; ``DEMO_REGEL`` then goes into the
        document properties (title, subject, keywords) and above the first sheet's content.
        Every workbook of the app gets its demo mark here and nowhere else."""
        self._werkboek = Workbook()
        self._leeg: Worksheet | None = self._werkboek.active  # reused by the first sheet
        demo_regel = DEMO_REGEL if demo else None
        self._demo_regel = demo_regel
        self._voorblad: Worksheet | None = None  # the first sheet, when it has the demo line
        eigenschappen = self._werkboek.properties
        eigenschappen.title = zonder_stuurtekens(titel)
        if demo_regel:
            eigenschappen.title = zonder_stuurtekens(f"Demodata — {titel}")
            eigenschappen.subject = zonder_stuurtekens(demo_regel)
            eigenschappen.keywords = "Demodata"

    @property
    def bladnamen(self) -> list[str]:
        return [b.title for b in self._werkboek.worksheets if b is not self._leeg]

    def blad(self, naam: str) -> Worksheet:
        """A new, empty sheet named after ``naam`` (made valid and unique)."""
        titel = bladnaam(naam, self.bladnamen)
        if self._leeg is not None:
            blad, self._leeg = self._leeg, None
            blad.title = titel
            if self._demo_regel:  # the first sheet: the cover line
                titelregel(blad, self._demo_regel, grootte=12)
                self._voorblad = blad
            return blad
        return self._werkboek.create_sheet(titel)

    def tabel(
        self,
        naam: str,
        tabel: pd.DataFrame,
        *,
        kop: str | None = None,
        regels: Sequence[str] = (),
        breedtes: Mapping[str, int] | None = None,
        max_breedte: int = 60,
        terugloop: bool = False,
        rijen_geschreven: Callable[[int], None] | None = None,
    ) -> Worksheet:
        """A sheet with ``tabel``; ``kop`` (bold) and ``regels`` (captions, then a blank row)
        in rows above it.

        Without ``kop`` and ``regels`` the header is row 1, so the sheet reads back as a table
        (the import reads the raw answers sheet that way). The panes freeze below the header.
        """
        blad = self.blad(naam)
        boven = 1 if blad is self._voorblad else 0  # rows above the header (the demo line)
        if kop:
            titelregel(blad, kop, grootte=13)
            boven += 1
        for regel in regels:
            blad.append([veilige_tekst(regel)])
            boven += 1
        if regels:  # a blank row between the captions and the table
            blad.append([])
            boven += 1
        schrijf_tabel(
            blad,
            tabel,
            breedtes=breedtes,
            max_breedte=max_breedte,
            terugloop=terugloop,
            rijen_geschreven=rijen_geschreven,
        )
        blad.freeze_panes = f"A{boven + 2}"
        return blad

    def tekst(self, naam: str, regels: Sequence[str], *, kop: str | None = None) -> Worksheet:
        """A sheet of text lines ('Over deze …', 'Uitleg'), wrapped in one wide column."""
        blad = self.blad(naam)
        if kop:
            titelregel(blad, kop)
        for regel in regels:
            blad.append([veilige_tekst(regel)])
            blad.cell(blad.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        blad.column_dimensions["A"].width = 120
        return blad

    def naar_bytes(self) -> bytes:
        """The workbook as .xlsx bytes (an empty workbook gets one empty sheet 'Blad')."""
        if self._leeg is not None:
            self._leeg.title = STANDAARD_BLADNAAM
        buffer = io.BytesIO()
        self._werkboek.save(buffer)
        return buffer.getvalue()

    @property
    def openpyxl(self) -> Workbook:
        """The openpyxl workbook, for what only one file needs (data validation, sheet order)."""
        return self._werkboek


def tabel_naar_xlsx(
    tabel: pd.DataFrame, titel: str, *, regels: Sequence[str] = (), demo: bool = False
) -> bytes:
    """One table as a workbook: the title (and captions) above it, the sheet named after it;
    from a demo database (``demo``) the demo line first.

    This is what every 'Download als Excel' of a chart or table builds.
    """
    werkboek = Werkboek(titel, demo=demo)
    werkboek.tabel(titel, tabel, kop=titel, regels=regels)
    return werkboek.naar_bytes()
