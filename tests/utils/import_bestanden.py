"""Import files built in code: good ones and a catalogue of bad ones with the expected problem."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from openpyxl import Workbook

from monitor.uitwisseling.bestanden import OLE_KOP, WERKMAP_TYPE, Limieten

LANG = ["organisatiecode", "vraagcode", "antwoord", "toelichting"]


def xlsx(
    rijen: list[list[object]],
    *,
    titel: str = "Antwoorden",
    wijzig: Callable | None = None,
) -> bytes:
    """A workbook with one sheet holding ``rijen``; ``wijzig(werkmap, blad)`` may adjust it."""
    werkmap = Workbook()
    blad = werkmap.active
    blad.title = titel
    for rij in rijen:
        blad.append(rij)
    if wijzig is not None:
        wijzig(werkmap, blad)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def csv_bytes(rijen: list[list[object]], *, sep: str = ";", codering: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(
        [["" if c is None else c for c in r] for r in rijen]
    )
    return buffer.getvalue().encode(codering)


def herschrijf_zip(
    data: bytes, vervang: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None
) -> bytes:
    """A copy of a zip with some members replaced and some added."""
    vervang, extra = vervang or {}, extra or {}
    uit = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as bron,
        zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel,
    ):
        for info in bron.infolist():
            doel.writestr(info.filename, vervang.get(info.filename, bron.read(info.filename)))
        for naam, inhoud in extra.items():
            doel.writestr(naam, inhoud)
    return uit.getvalue()


def goed_lang() -> bytes:
    return xlsx([LANG, ["GM0363", "GEM.1.01", "Ja", None]])


def _met_inhoudstype(oud: str, nieuw: str) -> bytes:
    data = goed_lang()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        typen = z.read("[Content_Types].xml").decode().replace(oud, nieuw)
    return herschrijf_zip(data, vervang={"[Content_Types].xml": typen.encode()})


BILJOEN_LACHEN = b"""<?xml version="1.0"?>
<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>
<sheet name="&lol3;" sheetId="1"/></sheets></workbook>"""


def _docx() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", "<document/>")
    return uit.getvalue()


def _verborgen(werkmap, _blad) -> None:
    geheim = werkmap.create_sheet("Geheim")
    geheim.append(["organisatiecode", "vraagcode", "antwoord"])
    geheim.sheet_state = "hidden"


@dataclass(frozen=True)
class Slecht:
    """A bad file and the problem it must give: where (sheet, row, column) and what."""

    id: str
    naam: str
    maak: Callable[[], bytes]
    blad: str  # sheet name; the file name for refused files and CSV
    rij: int | None
    kolom: str | None  # exactly as reported, e.g. 'C (antwoord)'
    tekst: str  # a fragment of the Dutch message
    limieten: Limieten | None = None

    def __post_init__(self) -> None:
        # Built once per test process: the unit and database tests read the same catalogue
        # (three times per run), and the 15 MB files take seconds to build. Bytes are immutable.
        object.__setattr__(self, "maak", cache(self.maak))


def _lang(*rijen: list[object], kop: list[str] = LANG) -> Callable[[], bytes]:
    return lambda: xlsx([kop, *[list(r) for r in rijen]])


def _breed(kop: list[str], *rijen: list[object]) -> Callable[[], bytes]:
    return lambda: xlsx([kop, *[list(r) for r in rijen]])


A = "Antwoorden"
ANTW = "C (antwoord)"
SLECHTE_BESTANDEN: list[Slecht] = [
    # -- the file as a whole ------------------------------------------------------------------
    Slecht(
        "te_groot",
        "groot.csv",
        lambda: b"organisatiecode;vraagcode;antwoord\r\n" + b"GM0363;GEM.1.01;Ja\r\n" * 1_110_000,
        "groot.csv",
        None,
        None,
        "de grens is 20,0 MB",
    ),
    Slecht(
        "pdf_als_xlsx",
        "a.xlsx",
        lambda: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj",
        "a.xlsx",
        None,
        None,
        "de inhoud is geen Excel-werkmap",
    ),
    Slecht(
        "csv_als_xlsx",
        "a.xlsx",
        lambda: b"organisatiecode;vraagcode\nGM0363;GEM.1.01\n",
        "a.xlsx",
        None,
        None,
        "de inhoud is geen Excel-werkmap",
    ),
    Slecht(
        "xlsm_inhoudstype",
        "a.xlsx",
        lambda: _met_inhoudstype(
            WERKMAP_TYPE, "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        ),
        "a.xlsx",
        None,
        None,
        "macro's",
    ),
    Slecht(
        "vba_project",
        "a.xlsm",
        lambda: herschrijf_zip(goed_lang(), extra={"xl/vbaProject.bin": b"\x00" * 64}),
        "a.xlsm",
        None,
        None,
        "macro's",
    ),
    Slecht(
        "wachtwoord",
        "a.xlsx",
        lambda: OLE_KOP + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
        "a.xlsx",
        None,
        None,
        "wachtwoord",
    ),
    Slecht(
        "oud_xls",
        "a.xls",
        lambda: OLE_KOP + b"\x00" * 1024,
        "a.xls",
        None,
        None,
        "oud Excel-bestand (.xls)",
    ),
    Slecht(
        "zip_bom",
        "a.xlsx",
        lambda: herschrijf_zip(goed_lang(), extra={"xl/media/bom.bin": b"\x00" * 8 * 2**20}),
        "a.xlsx",
        None,
        None,
        "pakt uit tot meer dan",
    ),
    Slecht(
        "zip_bom_totaal",
        "a.xlsx",
        lambda: herschrijf_zip(goed_lang(), extra={"xl/media/groot.bin": b"ab" * 300_000}),
        "a.xlsx",
        None,
        None,
        "pakt uit tot meer dan",
        Limieten(max_uitgepakt=500_000),
    ),
    Slecht(
        "te_veel_rijen",
        "a.xlsx",
        _lang(*[["GM0363", "GEM.1.01", "Ja", None]] * 30),
        "a.xlsx",
        31,  # the highest row of the sheet, found before any row is read
        None,
        "te veel rijen of kolommen",
        Limieten(max_rijen=20),
    ),
    Slecht(
        "te_veel_kolommen",
        "a.csv",
        lambda: csv_bytes([[f"k{i}" for i in range(8)]]),
        "a.csv",
        None,
        None,
        "te veel rijen of kolommen",
        Limieten(max_kolommen=5),
    ),
    Slecht(
        "kapotte_zip",
        "a.xlsx",
        lambda: goed_lang()[:-300],
        "a.xlsx",
        None,
        None,
        "geen Excel-werkmap",
    ),
    Slecht("docx", "a.xlsx", _docx, "a.xlsx", None, None, "geen geldige Excel-werkmap"),
    Slecht("leeg_bestand", "a.csv", lambda: b"", "a.csv", None, None, "het bestand is leeg"),
    Slecht(
        "binair_als_csv",
        "a.csv",
        lambda: bytes(range(256)) * 4,
        "a.csv",
        None,
        None,
        "geen Excel-werkmap (.xlsx) en geen CSV",
    ),
    Slecht(
        "biljoen_lachen",
        "a.xlsx",
        lambda: herschrijf_zip(goed_lang(), vervang={"xl/workbook.xml": BILJOEN_LACHEN}),
        "a.xlsx",
        None,
        None,
        "DOCTYPE of ENTITY",
    ),
    # -- sheets and cells ---------------------------------------------------------------------
    Slecht(
        "verborgen_blad",
        "a.xlsx",
        lambda: xlsx([LANG, ["GM0363", "GEM.1.01", "Ja"]], wijzig=_verborgen),
        "Geheim",
        None,
        None,
        "verborgen",
    ),
    Slecht(
        "samengevoegde_cellen",
        "a.xlsx",
        lambda: xlsx(
            [LANG, ["GM0363", "GEM.1.01", "Ja"], ["GM0599", "GEM.1.01", None]],
            wijzig=lambda _w, b: b.merge_cells("C2:C3"),
        ),
        A,
        2,
        "C",
        "samengevoegde cellen (C2:C3)",
    ),
    Slecht("formule", "a.xlsx", _lang(["GM0363", "GEM.3.06", "=10*5"]), A, 2, ANTW, "formule"),
    Slecht(
        "formule_in_code",
        "a.xlsx",
        _lang(['=CONCAT("GM","0363")', "GEM.1.01", "Ja"]),
        A,
        2,
        "A (organisatiecode)",
        "formule",
    ),
    Slecht(
        "foutwaarde",
        "a.xlsx",
        _lang(["GM0363", "GEM.3.06", "#DIV/0!"]),
        A,
        2,
        ANTW,
        "Excel-fout #DIV/0!",
    ),
    Slecht("leeg_blad", "a.xlsx", lambda: xlsx([]), A, None, None, "het blad is leeg"),
    Slecht("lege_csv", "a.csv", lambda: b";;\r\n\r\n", "a.csv", None, None, "het bestand is leeg"),
    # -- organisations ------------------------------------------------------------------------
    Slecht(
        "onbekende_organisatiecode",
        "a.xlsx",
        _lang(["GM9999", "GEM.1.01", "Ja"]),
        A,
        2,
        "A (organisatiecode)",
        "organisatiecode 'GM9999' bestaat niet",
    ),
    Slecht(
        "onbekende_organisatienaam",
        "a.xlsx",
        _lang(["Gotham City", "GEM.1.01", "Ja"], kop=["organisatienaam", *LANG[1:]]),
        A,
        2,
        "A (organisatienaam)",
        "organisatienaam 'Gotham City' is onbekend",
    ),
    Slecht(
        "dubbelzinnige_naam",
        "a.xlsx",
        _lang(["Bergen", "GEM.1.01", "Ja"], kop=["organisatienaam", *LANG[1:]]),
        A,
        2,
        "A (organisatienaam)",
        "Bedoelt u Bergen (L.) (GM0893) of Bergen (NH.) (GM0373)",
    ),
    Slecht(
        "naam_past_niet_bij_code",
        "a.xlsx",
        _lang(
            ["GM0363", "Rotterdam", "GEM.1.01", "Ja"],
            kop=["organisatiecode", "organisatienaam", "vraagcode", "antwoord"],
        ),
        A,
        2,
        "B (organisatienaam)",
        "past niet bij organisatiecode GM0363",
    ),
    Slecht(
        "organisatie_ontbreekt",
        "a.xlsx",
        _lang([None, "GEM.1.01", "Ja"]),
        A,
        2,
        "A (organisatiecode)",
        "de organisatie ontbreekt",
    ),
    Slecht(
        "dubbele_organisatie_breed",
        "a.xlsx",
        _breed(["organisatiecode", "GEM.1.01"], ["GM0363", "Ja"], ["gm0363", "Nee"]),
        A,
        3,
        "A (organisatiecode)",
        "GM0363 staat ook in rij 2",
    ),
    # -- questions and columns ----------------------------------------------------------------
    Slecht(
        "onbekende_vraagcode",
        "a.xlsx",
        _lang(["GM0363", "GEM.9.99", "Ja"]),
        A,
        2,
        "B (vraagcode)",
        "vraagcode 'GEM.9.99' bestaat niet in ronde 2024",
    ),
    Slecht(
        "vraag_van_ander_actortype",
        "a.xlsx",
        _lang(["JZ01", "GEM.1.01", "Ja"]),
        A,
        2,
        "B (vraagcode)",
        "vraag GEM.1.01 is voor Gemeenten",
    ),
    Slecht(
        "extra_kolom_lang",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "Ja", None, "x"], kop=[*LANG, "opmerking"]),
        A,
        1,
        "E (opmerking)",
        "onbekende kolom",
    ),
    Slecht(
        "extra_kolom_breed",
        "a.xlsx",
        _breed(["organisatiecode", "GEM.1.01", "Kolom X"], ["GM0363", "Ja", 1]),
        A,
        1,
        "C (Kolom X)",
        "onbekende kolom",
    ),
    Slecht(
        "gemengde_indeling",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "Ja", None, "Ja"], kop=[*LANG, "GEM.1.01"]),
        A,
        1,
        "E (GEM.1.01)",
        "brede indeling",
    ),
    Slecht(
        "toelichting_zonder_antwoordkolom",
        "a.xlsx",
        _breed(["organisatiecode", "GEM.1.01", "GEM.2.01 toelichting"], ["GM0363", "Ja", "x"]),
        A,
        1,
        "C (GEM.2.01 toelichting)",
        "maar geen antwoordkolom",
    ),
    Slecht(
        "geen_antwoordkolom",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "x"], kop=["organisatiecode", "vraagcode", "toelichting"]),
        A,
        1,
        None,
        "er is geen kolom 'antwoord'",
    ),
    Slecht(
        "geen_organisatiekolom",
        "a.xlsx",
        _lang(["GEM.1.01", "Ja"], kop=["vraagcode", "antwoord"]),
        A,
        1,
        None,
        "er is geen kolom 'organisatiecode' of 'organisatienaam'",
    ),
    Slecht(
        "geen_herkenbare_kolommen",
        "a.xlsx",
        _lang(["GM0363", "Ja"], kop=["organisatiecode", "waarde"]),
        A,
        1,
        None,
        "er is geen kolom 'vraagcode' (lange indeling)",
    ),
    Slecht(
        "kolom_zonder_kopje",
        "a.xlsx",
        _lang(
            ["GM0363", "GEM.1.01", "Ja", "weg"],
            kop=["organisatiecode", "vraagcode", "antwoord", None],
        ),
        A,
        1,
        "D",
        "de kolom heeft gegevens maar geen kopje",
    ),
    Slecht(
        "dubbel_kopje",
        "a.xlsx",
        _lang(
            ["GM0363", "GEM.1.01", "Ja", "Nee"],
            kop=["organisatiecode", "vraagcode", "antwoord", "Antwoord "],
        ),
        A,
        1,
        "D (Antwoord)",
        "staat er twee keer",
    ),
    Slecht(
        "dubbele_rij",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "Ja"], ["GM0363", "gem.1.01", "Ja"]),
        A,
        3,
        ANTW,
        "staat ook in rij 2",
    ),
    Slecht(
        "verkeerde_ronde",
        "a.xlsx",
        _lang([2023, "GM0363", "GEM.1.01", "Ja"], kop=["ronde", *LANG[:3]]),
        A,
        2,
        "A (ronde)",
        "ronde '2023' hoort niet bij deze import (ronde 2024)",
    ),
    Slecht(
        "toelichting_zonder_antwoord",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", None, "Wij doen dit al jaren."]),
        A,
        2,
        "D (toelichting)",
        "er staat een toelichting bij GEM.1.01, maar geen antwoord",
    ),
    # -- values -------------------------------------------------------------------------------
    Slecht(
        "onbekende_optie",
        "a.xlsx",
        _lang(["GM0363", "GEM.4.01", "Misschien"]),
        A,
        2,
        ANTW,
        "'Misschien' is geen antwoord op deze vraag; kies uit 'Nog niet begonnen'",
    ),
    Slecht(
        "getal_bij_janee",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", 1]),
        A,
        2,
        ANTW,
        "'1' is geen antwoord op deze vraag",
    ),
    Slecht(
        "meerkeuze_deel_onbekend",
        "a.xlsx",
        _lang(["GM0363", "GEM.7.05", "Inspanningsgericht; iets anders"]),
        A,
        2,
        ANTW,
        "'iets anders' is geen antwoord",
    ),
    Slecht(
        "tekst_bij_getal",
        "a.xlsx",
        _lang(["GM0363", "GEM.3.06", "veel"]),
        A,
        2,
        ANTW,
        "'veel' is geen getal",
    ),
    Slecht(
        "getal_boven_maximum",
        "a.xlsx",
        _lang(["GM0363", "GEM.3.06", 150]),
        A,
        2,
        ANTW,
        "150 ligt buiten de grenzen van deze vraag (van 0 tot en met 100)",
    ),
    Slecht(
        "negatief_bedrag",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "GEM.3.09", "-1.000,50"]]),
        "a.csv",
        2,
        ANTW,
        "-1.000,5 ligt buiten de grenzen van deze vraag (minimaal 0)",
    ),
    Slecht(
        "datum_als_tekst",
        "a.xlsx",
        _lang(["GM0363", "GEM.2.03", "12-05-2024"]),
        A,
        2,
        ANTW,
        "'12-05-2024' lijkt een datum",
    ),
    Slecht(
        "datum_cel",
        "a.xlsx",
        _lang(["GM0363", "GEM.2.03", datetime(2024, 5, 12)]),
        A,
        2,
        ANTW,
        "de cel is een datum",
    ),
    Slecht(
        "punt_als_decimaalteken",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "GEM.3.06", "12.5"]]),
        "a.csv",
        2,
        ANTW,
        "'12.5' is dubbelzinnig",
    ),
    Slecht(
        "engelse_notatie",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "GEM.3.09", "1,234.50"]], sep=","),
        "a.csv",
        2,
        ANTW,
        "'1,234.50' is dubbelzinnig",
    ),
    Slecht(
        "waar_bij_getal",
        "a.xlsx",
        _lang(["GM0363", "GEM.2.03", True]),
        A,
        2,
        ANTW,
        "'WAAR' is geen getal",
    ),
    Slecht(
        "cp1252_csv_met_fout",
        "antwoorden.csv",
        lambda: csv_bytes(
            [
                ["organisatienaam", "vraagcode", "antwoord"],
                ["Súdwest-Fryslân", "GEM.4.01", "Half klaar"],
            ],
            codering="cp1252",
        ),
        "antwoorden.csv",
        2,
        ANTW,
        "'Half klaar' is geen antwoord",
    ),
]


# --------------------------------------------------------------------------------------------
# Hostile files (issue 13): what an attacker or a careless tool would send. Each is refused
# with a Dutch message naming file, row and column; tests/db/test_import_db.py checks that the
# database does not change, tests/unit/test_import_bestanden.py that each is read within the
# memory budget of the README (section Beveiliging).

D_TOELICHTING = "D (toelichting)"
_RIJ = ["GM0363", "GEM.1.01", "Ja", "PLAATS"]
_SS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _deel(data: bytes, pad: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(pad)


def _blad_met(vervang: Callable[[bytes], bytes]) -> bytes:
    """A good long-layout workbook whose sheet XML is changed by ``vervang``."""
    data = xlsx([LANG, _RIJ])
    blad = vervang(_deel(data, "xl/worksheets/sheet1.xml"))
    return herschrijf_zip(data, vervang={"xl/worksheets/sheet1.xml": blad})


def _plaats(inhoud: bytes) -> Callable[[], bytes]:
    """A workbook whose toelichting cell (D2) holds ``inhoud`` as raw XML text."""
    return lambda: _blad_met(lambda b: b.replace(b"PLAATS", inhoud))


def _met_gedeelde_tekst(tekst: bytes) -> bytes:
    """A workbook whose D2 is shared string 0, holding ``tekst`` (raw XML text)."""
    data = xlsx([LANG, _RIJ])
    blad = _deel(data, "xl/worksheets/sheet1.xml").replace(
        b'<c r="D2" t="inlineStr"><is><t>PLAATS</t></is></c>', b'<c r="D2" t="s"><v>0</v></c>'
    )
    rels = _deel(data, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        f'<Relationship Type="{_SS_REL}" Target="sharedStrings.xml" Id="rId9"/>'
        "</Relationships>".encode(),
    )
    typen = _deel(data, "[Content_Types].xml").replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SS_TYPE}"/></Types>'.encode(),
    )
    gedeeld = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>' + tekst + b"</t></si></sst>"
    )
    return herschrijf_zip(
        data,
        vervang={
            "xl/worksheets/sheet1.xml": blad,
            "xl/_rels/workbook.xml.rels": rels,
            "[Content_Types].xml": typen,
        },
        extra={"xl/sharedStrings.xml": gedeeld},
    )


def _onvoorspelbaar(aantal_tekens: int) -> bytes:
    """Letters that barely compress (so a big cell is not stopped as a zip bomb)."""
    import base64
    import random

    bron = random.Random(13).randbytes(aantal_tekens * 3 // 4 + 3)
    return base64.b64encode(bron)[:aantal_tekens].replace(b"+", b"a").replace(b"/", b"b")


BILJOEN_LACHEN_BLAD = BILJOEN_LACHEN.replace(b"<workbook", b"<worksheet").replace(
    b'<sheets>\n<sheet name="&lol3;" sheetId="1"/></sheets></workbook>',
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
    b"</sheetData></worksheet>",
)


def _extern(inhoud: bytes) -> bytes:
    return herschrijf_zip(goed_lang(), extra={"xl/externalLinks/externalLink1.xml": inhoud})


def _xlm_macroblad() -> bytes:
    data = _met_inhoudstype(
        "</Types>",
        '<Override PartName="/xl/macrosheets/sheet2.xml" '
        'ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>',
    )
    return herschrijf_zip(
        data, extra={"xl/macrosheets/sheet2.xml": b'<xm:macrosheet xmlns:xm="x"/>'}
    )


def _xlsb() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.'
            'sheet.binary.macroEnabled.main"/><Override PartName="/xl/workbook.bin" '
            'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
        )
        z.writestr("xl/workbook.bin", b"\x83\x01\x00" * 40)
    return uit.getvalue()


def _ods() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return uit.getvalue()


def _valse_groottes() -> bytes:
    """A member whose directory entries claim 100 bytes; it inflates to 5 MB."""
    data = herschrijf_zip(goed_lang(), extra={"xl/media/leugen.bin": b"\x00" * 5 * 2**20})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/media/leugen.bin")
    echt = info.file_size.to_bytes(4, "little")
    # local header and central directory both hold the size: patch every copy
    return data.replace(echt, (100).to_bytes(4, "little"))


def _duizenden_onderdelen() -> bytes:
    return herschrijf_zip(goed_lang(), extra={f"xl/media/d{i}.xml": b"<a/>" for i in range(2500)})


def _rels_buiten_werkmap() -> bytes:
    data = goed_lang()
    rels = _deel(data, "xl/_rels/workbook.xml.rels").replace(
        b'Target="/xl/worksheets/sheet1.xml"', b'Target="../../../../etc/passwd"'
    )
    return herschrijf_zip(data, vervang={"xl/_rels/workbook.xml.rels": rels})


def _csv_met_staart(cel: str, *, rijen: int = 700) -> bytes:
    """A CSV of well over 64 KB whose last row holds ``cel`` as toelichting (row rijen + 2)."""
    opvulling = [["GM0363", "GEM.1.01", "Ja", "x" * 100]] * rijen
    return csv_bytes([LANG, *opvulling, ["GM0599", "GEM.1.01", "Ja", cel]])


VIJANDIGE_BESTANDEN: list[Slecht] = [
    Slecht(
        "biljoen_lachen_in_blad",
        "a.xlsx",
        lambda: herschrijf_zip(
            goed_lang(), vervang={"xl/worksheets/sheet1.xml": BILJOEN_LACHEN_BLAD}
        ),
        "a.xlsx",
        None,
        None,
        "DOCTYPE of ENTITY",
    ),
    Slecht(
        "externe_koppeling",
        "a.xlsx",
        lambda: _extern(b'<externalLink><externalBook r:id="rId1"/></externalLink>'),
        "a.xlsx",
        None,
        None,
        "een koppeling naar een ander bestand",
    ),
    Slecht(
        "dde_koppeling",
        "a.xlsx",
        lambda: _extern(b'<externalLink><ddeLink ddeService="cmd" ddeTopic="/c calc"/>'),
        "a.xlsx",
        None,
        None,
        "DDE-koppeling",
    ),
    Slecht(
        "dde_formule_in_cel",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "Ja", "=cmd|' /C calc'!A0"]),
        A,
        2,
        D_TOELICHTING,
        "formule",
    ),
    Slecht("xlm_macroblad", "a.xlsx", _xlm_macroblad, "a.xlsx", None, None, "macro's"),
    Slecht("xlsb", "a.xlsb", _xlsb, "a.xlsb", None, None, "binaire Excel-werkmap (.xlsb)"),
    Slecht("ods", "a.ods", _ods, "a.ods", None, None, "OpenDocument-rekenblad (.ods"),
    Slecht(
        "utf16_met_bom",
        "a.csv",
        lambda: csv_bytes([LANG, _RIJ], codering="utf-16"),
        "a.csv",
        None,
        None,
        "UTF-16 (little-endian)",
    ),
    Slecht(
        "utf16_big_endian_zonder_bom",
        "a.csv",
        lambda: csv_bytes([LANG, _RIJ], codering="utf-16-be"),
        "a.csv",
        None,
        None,
        "UTF-16 (big-endian)",
    ),
    Slecht(
        "nul_na_64kb",
        "a.csv",
        lambda: _csv_met_staart("stuur\x00teken"),
        "a.csv",
        702,
        D_TOELICHTING,
        "stuurteken (U+0000) op positie 6",
    ),
    Slecht(
        "stuurteken_na_64kb",
        "a.csv",
        lambda: _csv_met_staart("stuur\x01teken\x0bhier"),
        "a.csv",
        702,
        D_TOELICHTING,
        "stuurteken (U+0001) op positie 6",
    ),
    Slecht(
        "stuurteken_in_gedeelde_tekst",
        "a.xlsx",
        lambda: _met_gedeelde_tekst(b"stuur\x1bteken"),  # not even valid XML
        "a.xlsx",
        None,
        None,
        "geen geldige Excel-werkmap",
    ),
    Slecht(
        "x0001_escape_gedeeld",
        "a.xlsx",
        lambda: _met_gedeelde_tekst(b"stuur_x0001_teken"),
        A,
        2,
        D_TOELICHTING,
        "de code _x0001_",
    ),
    Slecht(
        "x0001_escape_inline",
        "a.xlsx",
        _plaats(b"stuur_x0007_teken"),
        A,
        2,
        D_TOELICHTING,
        "_x0007_",
    ),
    Slecht(
        "miljoen_kolommen",
        "a.csv",
        lambda: b";" * 1_000_000 + b"x\r\n",
        "a.csv",
        None,
        None,
        "te veel rijen of kolommen",
    ),
    Slecht(
        "kolom_xfd",
        "a.xlsx",
        lambda: _blad_met(
            lambda b: b.replace(
                b"</row></sheetData>", b'<c r="XFD2"><v>1</v></c></row></sheetData>'
            )
        ),
        "a.xlsx",
        None,
        None,
        "te veel rijen of kolommen",
    ),
    Slecht(
        "cel_van_15_mb_xlsx",
        "a.xlsx",
        _plaats(_onvoorspelbaar(15 * 2**20)),
        A,
        2,
        D_TOELICHTING,
        "de cel is te lang: 15.728.640 tekens, hoogstens 5.000.",
    ),
    Slecht(
        "cel_van_15_mb_csv",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "GEM.1.01", "Ja", "y" * 15 * 2**20]]),
        "a.csv",
        2,
        D_TOELICHTING,
        "een veld is langer dan 131.072 tekens",
    ),
    Slecht(
        "enorme_gedeelde_tekst",
        "a.xlsx",
        lambda: _met_gedeelde_tekst(b"lol" * 50 * 2**20),
        "a.xlsx",
        None,
        None,
        "pakt uit tot meer dan",
    ),
    Slecht(
        "toelichting_net_te_lang",
        "a.xlsx",
        _lang(["GM0363", "GEM.1.01", "Ja", "t" * 5_001]),
        A,
        2,
        D_TOELICHTING,
        "de cel is te lang: 5.001 tekens",
    ),
    Slecht(
        "valse_groottes_in_zip",
        "a.xlsx",
        _valse_groottes,
        "a.xlsx",
        None,
        None,
        "geen geldige Excel-werkmap",
    ),
    Slecht(
        "duizenden_onderdelen",
        "a.xlsx",
        _duizenden_onderdelen,
        "a.xlsx",
        None,
        None,
        "te veel onderdelen",
    ),
    Slecht(
        "cel_in_rij_1048576",
        "a.xlsx",
        lambda: _blad_met(
            lambda b: b.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>',
            )
        ),
        "a.xlsx",
        1_048_576,
        None,
        "er staat iets in rij 1.048.576",
    ),
    Slecht(
        "padtraversal_in_relaties",
        "a.xlsx",
        _rels_buiten_werkmap,
        "a.xlsx",
        None,
        None,
        "buiten de werkmap",
    ),
    Slecht(
        "verborgen_rij",
        "a.xlsx",
        lambda: _blad_met(lambda b: b.replace(b'<row r="2">', b'<row r="2" hidden="1">')),
        A,
        2,
        None,
        "deze rij is verborgen",
    ),
    Slecht(
        "verborgen_kolom",
        "a.xlsx",
        lambda: _blad_met(
            lambda b: b.replace(
                b"<sheetData>", b'<cols><col min="4" max="4" hidden="1"/></cols><sheetData>'
            )
        ),
        A,
        None,
        "D",
        "deze kolom is verborgen",
    ),
    Slecht(
        "homoglief_organisatiecode",
        "a.xlsx",
        _lang(["G\u041c0363", "GEM.1.01", "Ja"]),
        A,
        2,
        "A (organisatiecode)",
        "U+041C, CYRILLIC CAPITAL LETTER EM",
    ),
    Slecht(
        "homoglief_vraagcode",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "G\u0415M.1.01", "Ja"]]),
        "a.csv",
        2,
        "B (vraagcode)",
        "U+0415",
    ),
    Slecht(
        "dubbel_via_alias",
        "a.xlsx",
        _lang(
            ["'s-Hertogenbosch", "GEM.1.01", "Ja"],
            ["Den Bosch", "GEM.1.01", "Nee"],
            kop=["organisatienaam", "vraagcode", "antwoord"],
        ),
        A,
        3,
        "C (antwoord)",
        "dubbel: het antwoord van GM0796 op GEM.1.01 staat ook in rij 2",
    ),
    Slecht(
        "getal_1e308",
        "a.xlsx",
        _lang(["GM0363", "GEM.2.03", 1e308]),
        A,
        2,
        ANTW,
        "ligt buiten de grenzen van deze vraag",
    ),
    Slecht(
        "arabisch_indische_cijfers",
        "a.csv",
        lambda: csv_bytes([LANG, ["GM0363", "GEM.2.03", "\u0661\u0662"]]),
        "a.csv",
        2,
        ANTW,
        "gebruik de cijfers 0–9",
    ),
]
SLECHTE_BESTANDEN += VIJANDIGE_BESTANDEN
