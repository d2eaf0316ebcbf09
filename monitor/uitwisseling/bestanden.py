"""Uploaded spreadsheet files judged by their content, not by their name (untrusted input).

``lees_tabel`` turns the bytes of an .xlsx or .csv file into the rows of one sheet, or refuses
the file with an ``InvoerFout`` (a Dutch message naming the file). It refuses macro workbooks,
password-protected and old binary Excel files, files over the size limit, zip bombs (checked
by inflating every part with a cap before openpyxl sees the file), too many rows or columns and
anything that is not a workbook or a text table. XML is parsed with defusedxml. Formulas are
never evaluated: a formula cell, a merged range, a hidden sheet and an empty sheet are reported
as problems with sheet, row and column.
"""

from __future__ import annotations

import csv
import io
import itertools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

import defusedxml.ElementTree as SafeET
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from monitor import invoer
from monitor.config import get_settings
from monitor.errors import InvoerFout
from monitor.opmaak.tekst import megabytes
from monitor.progress import ProgressCallback

OLE_KOP = bytes.fromhex("D0CF11E0A1B11AE1")  # Compound File Binary: old .xls or encrypted OOXML
WERKMAP_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
EXCEL_EXTENSIES = (".xlsx", ".xlsm", ".xls", ".xltx", ".xltm")
CSV_CODERINGEN = ("utf-8-sig", "cp1252")  # utf-8-sig also reads UTF-8 without a BOM
SCHEIDINGSTEKENS = (";", ",", "\t")
VOORKEUR_BLAD = "antwoorden"
_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
# A formula (<f>) or an error value (t="e") somewhere in a sheet's XML: then every cell is read
# with its type, to say which cells; otherwise values only (faster).
_FORMULE_RE = re.compile(rb"<(?:\w+:)?f[\s>/]|\st=\"e\"")
_VERBORGEN_RIJ_RE = re.compile(rb"<(?:\w+:)?row\s[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_VERBORGEN_KOLOM_RE = re.compile(rb"<(?:\w+:)?col\s[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_RIJNUMMER_RE = re.compile(rb"<(?:\w+:)?row\s[^>]*?\br=\"(\d+)\"")
_ESCAPE_STUURTEKEN = re.compile(r"_x00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])_")
_ATTRIBUUT_RE = re.compile(rb"\b(r|min|max)=\"(\d+)\"")
_LEESBLOK = 1 << 16
_RATIO_VANAF = 2**20


@dataclass(frozen=True)
class Limieten:
    """What an uploaded file may be: sizes in bytes, counts of rows, columns and zip parts."""

    max_bytes: int = 20 * 2**20
    max_uitgepakt: int = 64 * 2**20  # all parts of a workbook together, inflated
    max_ratio: float = 200.0  # inflated / compressed size of one part
    max_onderdelen: int = 2_000
    max_rijen: int = 100_000
    max_kolommen: int = 1_000

    @classmethod
    def uit_instellingen(cls) -> Limieten:
        """The defaults, with the size limit from the settings (``MONITOR_MAX_UPLOAD_MB``)."""
        return cls(max_bytes=get_settings().max_upload_bytes)


@dataclass(frozen=True)
class Probleem:
    """One problem in a file, where a user can find it: sheet, row number and column."""

    blad: str
    rij: int | None
    kolom: str | None
    melding: str

    def als_tekst(self) -> str:
        plaats = f"Blad '{self.blad}'"
        if self.rij is not None:
            plaats += f", rij {self.rij}"
        if self.kolom:
            plaats += f", kolom {self.kolom}"
        return f"{plaats}: {self.melding}"


@dataclass
class Tabel:
    """The non-empty rows of one sheet: (row number as in the spreadsheet, cell values).

    Text cells are str (CSV: always str); Excel cells may also be int, float, bool, date or
    datetime. Empty cells are None; trailing empty cells are dropped.
    """

    soort: str  # 'xlsx' | 'csv'
    blad: str
    rijen: list[tuple[int, tuple[object, ...]]]
    problemen: list[Probleem] = field(default_factory=list)
    # the file's own header row when a Koppeling rewrote it: reports name the file's columns
    weergave_kop: tuple[object, ...] | None = None


def kolom_naam(index: int, kop: object = None) -> str:
    """'C (antwoord)' for the third column with header 'antwoord'; 'C' without a header."""
    letter = get_column_letter(index + 1)
    tekst = str(kop).strip() if kop is not None else ""
    return f"{letter} ({tekst})" if tekst else letter


def lees_tabel(
    data: bytes,
    bestandsnaam: str,
    *,
    limieten: Limieten | None = None,
    voortgang: ProgressCallback | None = None,
) -> Tabel:
    """The rows of the sheet to import from an .xlsx or .csv file.

    Of a workbook, the sheet named 'Antwoorden' is read, else the first sheet. Raises
    InvoerFout when the file as a whole is refused; problems inside the sheet are returned in
    ``Tabel.problemen``.
    """
    limieten = limieten or Limieten.uit_instellingen()
    if len(data) > limieten.max_bytes:
        raise InvoerFout(
            bestandsnaam,
            None,
            None,
            f"het bestand is {megabytes(len(data))}; de grens is {megabytes(limieten.max_bytes)}.",
        )
    if not data:
        raise InvoerFout(bestandsnaam, None, None, "het bestand is leeg.")
    if data.startswith(OLE_KOP):
        raise InvoerFout(bestandsnaam, None, None, _ole_melding(data))
    if zipfile.is_zipfile(io.BytesIO(data)):
        if data[30:38] == b"mimetype" and b"opendocument" in data[38:120]:
            raise InvoerFout(bestandsnaam, None, None, _ODS_MELDING)
        return _lees_xlsx(data, bestandsnaam, limieten, voortgang)
    if bestandsnaam.lower().endswith(EXCEL_EXTENSIES):
        raise InvoerFout(
            bestandsnaam,
            None,
            None,
            "de naam eindigt op een Excel-extensie, maar de inhoud is geen Excel-werkmap. "
            "Sla het bestand in Excel opnieuw op als .xlsx.",
        )
    return _lees_csv(data, bestandsnaam, limieten, voortgang)


def _ole_melding(data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "het bestand is met een wachtwoord beveiligd (versleuteld). Verwijder de beveiliging "
            "in Excel (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op als .xlsx."
        )
    return (
        "dit is een oud Excel-bestand (.xls) of een ander Office-bestand. Sla het in Excel op als "
        "Excel-werkmap (.xlsx) of als CSV."
    )


# --------------------------------------------------------------------------------------------
# Excel


def _lees_xlsx(
    data: bytes, naam: str, limieten: Limieten, voortgang: ProgressCallback | None
) -> Tabel:
    delen = _uitgepakte_delen(data, naam, limieten)
    _controleer_inhoudstypen(delen, naam)
    bladen = _bladen(delen, naam)
    problemen = [
        Probleem(
            blad,
            None,
            None,
            "dit blad is verborgen. Maak het zichtbaar of verwijder het: een import leest geen "
            "gegevens die u niet ziet.",
        )
        for blad, status, _ in bladen
        if status != "visible"
    ]
    zichtbaar = [b for b in bladen if b[1] == "visible"] or bladen
    gekozen = next((b for b in zichtbaar if b[0].strip().lower() == VOORKEUR_BLAD), zichtbaar[0])
    blad, _, pad = gekozen
    for bereik in _MERGE_RE.findall(delen.get(pad, b"")):
        links = bereik.decode().split(":")[0]
        rij, kolom = _cel_plaats(links)
        problemen.append(
            Probleem(
                blad,
                rij,
                get_column_letter(kolom),
                f"samengevoegde cellen ({bereik.decode()}). Maak de samenvoeging ongedaan en vul "
                "elke cel zelf in.",
            )
        )
    _controleer_rijnummers(delen.get(pad, b""), naam, limieten)
    problemen.extend(_verborgen_rijen_kolommen(delen.get(pad, b""), blad))
    met_cellen = bool(_FORMULE_RE.search(delen.get(pad, b"")))
    rijen, cel_problemen = _lees_blad(data, naam, blad, limieten, voortgang, met_cellen)
    problemen.extend(cel_problemen)
    if not rijen:
        problemen.append(Probleem(blad, None, None, "het blad is leeg: er staan geen gegevens in."))
    return Tabel("xlsx", blad, rijen, problemen)


def _controleer_rijnummers(xml: bytes, naam: str, limieten: Limieten) -> None:
    """A single cell in row 1,048,576 would make a reader walk a million empty rows: the
    highest row number in the sheet is checked before any row is read."""
    hoogste = max((int(r) for r in _RIJNUMMER_RE.findall(xml)), default=0)
    if hoogste > limieten.max_rijen:
        raise InvoerFout(
            naam,
            hoogste,
            None,
            f"er staat iets in rij {invoer.duizendtallen(hoogste)}; " + _te_groot_melding(limieten),
        )


def _verborgen_rijen_kolommen(xml: bytes, blad: str) -> list[Probleem]:
    """A problem per hidden row and per hidden column range: an import reads only what a user
    can see, so hidden cells are refused rather than imported unseen."""
    problemen = []
    uitleg = (
        "is verborgen. Maak het zichtbaar of verwijder het: een import leest geen gegevens die "
        "u niet ziet."
    )
    for gevonden in _VERBORGEN_RIJ_RE.finditer(xml):
        attrs = dict(_ATTRIBUUT_RE.findall(gevonden.group(0)))
        rij = int(attrs[b"r"]) if b"r" in attrs else None
        problemen.append(Probleem(blad, rij, None, f"deze rij {uitleg}"))
    for gevonden in _VERBORGEN_KOLOM_RE.finditer(xml):
        attrs = dict(_ATTRIBUUT_RE.findall(gevonden.group(0)))
        van, tot = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
        kolom = get_column_letter(min(van, 16_384))
        if tot > van:
            kolom += f"–{get_column_letter(min(tot, 16_384))}"
        problemen.append(Probleem(blad, None, kolom, f"deze kolom {uitleg}"))
    return problemen


def _te_lange_of_vreemde_tekst(waarde: str) -> str | None:
    """The Dutch problem with one text cell (over the cell limit, a control character), or None."""
    try:
        invoer.controleer_tekst(waarde, invoer.CEL)
    except invoer.TekstFout as fout:
        return str(fout)
    if escape := _ESCAPE_STUURTEKEN.search(waarde):
        return (
            f"de cel bevat de code {escape.group(0)}, die Excel als onzichtbaar stuurteken "
            "leest; verwijder die."
        )
    return None


def _gewoon(tekst: str) -> bool:
    """The common case, quickly: short printable text."""
    return len(tekst) <= invoer.CEL.max_tekens and tekst.isprintable() and "_x" not in tekst


def _controleer_cellen(
    cellen: tuple[object, ...], blad: str, rij: int, kop: tuple, problemen: list[Probleem]
) -> tuple[object, ...]:
    """Every text cell checked against the cell limit and the control-character rule; a bad
    cell becomes None plus a problem naming sheet, row and column (the text itself stays out
    of the report: it may be megabytes long)."""
    if all(not isinstance(c, str) or _gewoon(c) for c in cellen):
        return cellen
    uit = list(cellen)
    for index, waarde in enumerate(cellen):
        if isinstance(waarde, str) and (melding := _te_lange_of_vreemde_tekst(waarde)):
            kolom = kolom_naam(index, kop[index] if index < len(kop) else None)
            problemen.append(Probleem(blad, rij, kolom, melding))
            uit[index] = None
    return tuple(uit)


def _uitgepakte_delen(data: bytes, naam: str, limieten: Limieten) -> dict[str, bytes]:
    """Inflate every part with a cap (a zip bomb is stopped before openpyxl reads it).

    The sizes in a zip directory can lie, so the bytes are counted while inflating. Returns the
    XML parts (small for a normal workbook; bounded by ``max_uitgepakt``).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            infos = archief.infolist()
            if len(infos) > limieten.max_onderdelen:
                raise InvoerFout(naam, None, None, "het bestand bestaat uit te veel onderdelen.")
            if sum(i.file_size for i in infos) > limieten.max_uitgepakt:
                raise InvoerFout(naam, None, None, _bom_melding(limieten))
            totaal, delen = 0, {}
            for info in infos:
                if info.filename.lower().endswith("vbaproject.bin"):
                    raise InvoerFout(naam, None, None, _MACRO_MELDING)
                # the ratio only counts for parts over 1 MB: small XML parts may shrink a lot
                grens = max(info.compress_size * limieten.max_ratio, _RATIO_VANAF)
                if info.file_size > grens:
                    raise InvoerFout(naam, None, None, _bom_melding(limieten))
                stukken, dit_deel = [], 0
                with archief.open(info) as bron:
                    while blok := bron.read(_LEESBLOK):
                        totaal += len(blok)
                        dit_deel += len(blok)
                        if totaal > limieten.max_uitgepakt or dit_deel > grens:
                            raise InvoerFout(naam, None, None, _bom_melding(limieten))
                        stukken.append(blok)
                if info.filename.endswith((".xml", ".rels")):
                    delen[info.filename] = b"".join(stukken)
                    _controleer_deel(info.filename, delen[info.filename], naam)
            return delen
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP) from None
    except RuntimeError:  # an encrypted zip member
        raise InvoerFout(naam, None, None, "het bestand is met een wachtwoord beveiligd.") from None


def _controleer_deel(pad: str, inhoud: bytes, naam: str) -> None:
    """Refuse what Excel never writes in a plain workbook and what reaches outside the file:
    DTDs and entities (XML bombs), links to other workbooks and DDE, XLM macro sheets."""
    kop = inhoud[:4096]
    if b"<!DOCTYPE" in kop or b"<!ENTITY" in kop:
        raise InvoerFout(
            naam,
            None,
            None,
            f"het onderdeel {pad} bevat een XML-declaratie (DOCTYPE of ENTITY) die Excel nooit "
            "schrijft; het bestand wordt niet geopend.",
        )
    laag = pad.lower()
    if laag.startswith("xl/macrosheets/") or laag.startswith("xl/dialogsheets/"):
        raise InvoerFout(naam, None, None, _MACRO_MELDING)
    if laag.startswith("xl/externallinks/"):
        soort = (
            "een DDE-koppeling" if b"ddeLink" in inhoud else "een koppeling naar een ander bestand"
        )
        raise InvoerFout(
            naam,
            None,
            None,
            f"de werkmap bevat {soort} (externe koppeling). Verwijder de koppelingen (in Excel: "
            "Gegevens > Koppelingen bewerken > Koppeling verbreken) en sla opnieuw op.",
        )


_GEEN_WERKMAP = (
    "het bestand is geen geldige Excel-werkmap (.xlsx). Sla het in Excel opnieuw op als "
    "Excel-werkmap of als CSV."
)
_MACRO_MELDING = (
    "het bestand bevat macro's (.xlsm). Macrobestanden worden niet geaccepteerd; sla het op als "
    "Excel-werkmap (.xlsx) zonder macro's."
)


_XLSB_MELDING = (
    "dit is een binaire Excel-werkmap (.xlsb); die wordt niet gelezen. Sla het bestand in Excel "
    "op als Excel-werkmap (.xlsx) of als CSV."
)
_ODS_MELDING = (
    "dit is een OpenDocument-rekenblad (.ods, LibreOffice); dat wordt niet gelezen. Sla het op "
    "als Excel-werkmap (.xlsx) of als CSV (UTF-8)."
)


def _bom_melding(limieten: Limieten) -> str:
    return (
        "het bestand pakt uit tot meer dan de grens van "
        f"{megabytes(limieten.max_uitgepakt)} of is verdacht sterk gecomprimeerd; het wordt niet "
        "geopend."
    )


def _xml(delen: dict[str, bytes], pad: str, naam: str):
    inhoud = delen.get(pad)
    if inhoud is None:
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP)
    try:
        return SafeET.fromstring(inhoud)
    except Exception:  # defusedxml refusals and malformed XML alike
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP) from None


def _controleer_inhoudstypen(delen: dict[str, bytes], naam: str) -> None:
    typen = _xml(delen, "[Content_Types].xml", naam)
    soorten = [el.get("ContentType", "") for el in typen.iter()]
    if any("macrosheet" in s.lower() for s in soorten):
        raise InvoerFout(naam, None, None, _MACRO_MELDING)
    if any("sheet.binary" in s.lower() for s in soorten):
        raise InvoerFout(naam, None, None, _XLSB_MELDING)
    if any("macroenabled" in s.lower() or "vbaproject" in s.lower() for s in soorten):
        raise InvoerFout(naam, None, None, _MACRO_MELDING)
    overrides = {
        el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
        for el in typen.iter(f"{NS_TYPES}Override")
    }
    if overrides.get("xl/workbook.xml") != WERKMAP_TYPE or "xl/workbook.xml" not in delen:
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP)


def _bladen(delen: dict[str, bytes], naam: str) -> list[tuple[str, str, str]]:
    """(name, state, part path) of every sheet, in workbook order."""
    werkmap = _xml(delen, "xl/workbook.xml", naam)
    relaties = _xml(delen, "xl/_rels/workbook.xml.rels", naam)
    doelen = {r.get("Id"): r.get("Target", "") for r in relaties.iter(f"{NS_PKG_REL}Relationship")}
    bladen = []
    for blad in werkmap.iter(f"{NS_MAIN}sheet"):
        doel = doelen.get(blad.get(NS_REL_ID), "")
        pad = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(f"xl/{doel}")
        if pad.startswith("../") or "://" in doel or doel.startswith("\\"):
            raise InvoerFout(
                naam,
                None,
                None,
                f"blad '{blad.get('name', '')}' verwijst naar '{doel[:80]}', buiten de werkmap; "
                "het bestand wordt niet geopend.",
            )
        bladen.append((blad.get("name", ""), blad.get("state", "visible"), pad))
    if not bladen:
        raise InvoerFout(naam, None, None, "de werkmap heeft geen werkbladen.")
    return bladen


def _cel_plaats(ref: str) -> tuple[int, int]:
    """'C12' → (12, 3)."""
    letters = "".join(c for c in ref if c.isalpha())
    kolom = 0
    for letter in letters:
        kolom = kolom * 26 + ord(letter) - 64
    return int(ref[len(letters) :]), kolom


def _lees_blad(
    data: bytes,
    naam: str,
    blad: str,
    limieten: Limieten,
    voortgang: ProgressCallback | None,
    met_cellen: bool,
) -> tuple[list[tuple[int, tuple[object, ...]]], list[Probleem]]:
    """The non-empty rows of a sheet. ``met_cellen`` looks at every cell's type (to find
    formulas and error values); without it only values are read, which is faster."""
    try:
        werkmap = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds on broken or hostile input
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP) from None
    try:
        werkblad = werkmap[blad]
        geschat = max(1, min(werkblad.max_row or 1, limieten.max_rijen))
        werkblad.reset_dimensions()  # the file's own <dimension> would pad every row
        rijen: list[tuple[int, tuple[object, ...]]] = []
        problemen: list[Probleem] = []
        kop: tuple[object, ...] = ()
        for nr, cellen in enumerate(werkblad.iter_rows(values_only=not met_cellen), start=1):
            if nr > limieten.max_rijen or len(cellen) > limieten.max_kolommen:
                raise InvoerFout(naam, None, None, _te_groot_melding(limieten))
            if met_cellen:
                cellen = tuple(_celwaarde(c, blad, nr, kop, problemen) for c in cellen)
            cellen = _controleer_cellen(tuple(cellen), blad, nr, kop, problemen)
            while cellen and cellen[-1] is None:
                cellen = cellen[:-1]
            if cellen:
                kop = kop or cellen
                rijen.append((nr, tuple(cellen)))
            if voortgang and nr % 500 == 0:
                voortgang(min(1.0, nr / geschat), f"{nr} rijen gelezen")
        return rijen, problemen
    except InvoerFout:
        raise
    except Exception:
        raise InvoerFout(naam, None, None, _GEEN_WERKMAP) from None
    finally:
        werkmap.close()


def _te_groot_melding(limieten: Limieten) -> str:
    return (
        f"het bestand heeft te veel rijen of kolommen (hoogstens {limieten.max_rijen} rijen en "
        f"{limieten.max_kolommen} kolommen)."
    )


_GEWOON = (str, int, float, date, datetime, time)


def _celwaarde(cel, blad: str, rij: int, kop: tuple, problemen: list[Probleem]) -> object:
    """The value of a cell; formulas and error values become None plus a problem."""
    soort = getattr(cel, "data_type", None)
    waarde = getattr(cel, "value", None)
    if waarde is None or (soort not in ("f", "e") and isinstance(waarde, _GEWOON)):
        return waarde
    index = cel.column - 1
    kolom = kolom_naam(index, kop[index] if index < len(kop) else None)
    if soort == "f" or not isinstance(waarde, str | int | float | date | datetime | time):
        problemen.append(
            Probleem(
                blad,
                rij,
                kolom,
                "de cel bevat een formule; formules worden niet uitgerekend. Zet er de waarde "
                "zelf in (in Excel: kopiëren, plakken als waarden).",
            )
        )
        return None
    if soort == "e":
        problemen.append(Probleem(blad, rij, kolom, f"de cel bevat de Excel-fout {waarde}."))
        return None
    return waarde


# --------------------------------------------------------------------------------------------
# CSV

# Longest field the csv module reads before it stops with an error (Python's default). Set on
# every read: the limit is process-wide, and other libraries (frictionless) raise it, which
# would let a 15 MB cell through into memory before our cell limit refuses it.
CSV_VELDGRENS = 131_072


def _lees_csv(
    data: bytes, naam: str, limieten: Limieten, voortgang: ProgressCallback | None = None
) -> Tabel:
    tekst = _decodeer(data, naam)
    csv.field_size_limit(CSV_VELDGRENS)
    eerste = next((r for r in _regels(tekst) if r.strip()), "")
    scheiding = max(SCHEIDINGSTEKENS, key=eerste.count)
    # lines one at a time: a StringIO would hold the whole text again, four bytes a character
    lezer = csv.reader(_regels(tekst), delimiter=scheiding)
    aantal_regels = max(1, tekst.count("\n"))
    rijen: list[tuple[int, tuple[object, ...]]] = []
    cel_problemen: list[Probleem] = []
    kop: tuple[object, ...] = ()
    try:
        for nr, cellen in enumerate(lezer, start=1):
            if nr > limieten.max_rijen or len(cellen) > limieten.max_kolommen:
                raise InvoerFout(naam, None, None, _te_groot_melding(limieten))
            waarden = tuple(c if c.strip() else None for c in cellen)
            waarden = _controleer_cellen(waarden, naam, nr, kop, cel_problemen)
            while waarden and waarden[-1] is None:
                waarden = waarden[:-1]
            if waarden:
                kop = kop or waarden
                rijen.append((nr, waarden))
            if voortgang and nr % 500 == 0:
                voortgang(min(1.0, nr / aantal_regels), f"{nr} rijen gelezen")
    except csv.Error as fout:
        rij = lezer.line_num
        kolom = _lange_kolom(tekst, rij, scheiding, kop)
        raise InvoerFout(naam, rij, kolom, _csv_melding(fout)) from None
    problemen = cel_problemen if rijen else [Probleem(naam, None, None, "het bestand is leeg.")]
    return Tabel("csv", naam, rijen, problemen)


_REGEL_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _regels(tekst: str) -> Iterator[str]:
    """The lines of ``tekst`` with their line ends (CR LF, LF or CR), one at a time."""
    return (gevonden.group(0) for gevonden in _REGEL_RE.finditer(tekst))


def _lange_kolom(tekst: str, rij: int, scheiding: str, kop: tuple) -> str | None:
    """The column of the over-long field on line ``rij`` (for csv's field-limit error)."""
    regel = next(itertools.islice(_regels(tekst), rij - 1, None), None) if rij > 0 else None
    if regel is None:
        return None
    delen = regel.split(scheiding)
    index = next((i for i, d in enumerate(delen) if len(d) > invoer.CEL.max_tekens), None)
    if index is None:
        return None
    return kolom_naam(index, kop[index] if index < len(kop) else None)


def _csv_melding(fout: csv.Error) -> str:
    """Python's English csv errors in Dutch."""
    if "field larger than field limit" in str(fout):
        return (
            f"een veld is langer dan {invoer.duizendtallen(CSV_VELDGRENS)} tekens; een "
            f"cel mag hoogstens {invoer.duizendtallen(invoer.CEL.max_tekens)} tekens hebben."
        )
    if "NUL" in str(fout):
        return "het CSV-bestand bevat een NUL-teken (binaire inhoud)."
    return (
        "het CSV-bestand is kapot (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten). "
        "Sla het opnieuw op als CSV."
    )


_UTF16_BOMS = {b"\xff\xfe": "UTF-16 (little-endian)", b"\xfe\xff": "UTF-16 (big-endian)"}


def _utf16(data: bytes) -> str | None:
    """The name of the UTF-16 variant a file is in (by BOM or by NULs between ASCII), or None."""
    for bom, soort in _UTF16_BOMS.items():
        if data.startswith(bom):
            return soort
    begin = data[:4096]
    if len(begin) >= 4 and begin[1::2].count(0) > 0.4 * len(begin[1::2]) and begin[0] != 0:
        return "UTF-16 (little-endian)"
    if len(begin) >= 4 and begin[0::2].count(0) > 0.4 * len(begin[0::2]) and begin[1] != 0:
        return "UTF-16 (big-endian)"
    return None


def _decodeer(data: bytes, naam: str) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), else Windows-1252; binary is refused."""
    if soort := _utf16(data):
        raise InvoerFout(
            naam,
            None,
            None,
            f"het CSV-bestand is gecodeerd als {soort}. Sla het op als 'CSV UTF-8 (door "
            "komma's gescheiden)' en probeer het opnieuw.",
        )
    if b"\x00" in data[:65536]:
        raise InvoerFout(naam, None, None, _GEEN_TABEL)
    for codering in CSV_CODERINGEN:
        try:
            tekst = data.decode(codering)
        except UnicodeDecodeError:
            continue
        stuurtekens = sum(1 for c in tekst[:65536] if ord(c) < 32 and c not in "\r\n\t")
        if stuurtekens:
            raise InvoerFout(naam, None, None, _GEEN_TABEL)
        return tekst
    raise InvoerFout(naam, None, None, _GEEN_TABEL)


_GEEN_TABEL = (
    "het bestand is geen Excel-werkmap (.xlsx) en geen CSV-bestand. Lever de antwoorden aan als "
    ".xlsx of als CSV (gescheiden door puntkomma's of komma's)."
)
