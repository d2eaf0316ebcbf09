"""An empty import file per actortype: the right headers, the organisations filled in, the
questions on a second sheet and drop-down lists for questions with options."""

from __future__ import annotations

import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from monitor.domain import ACTORTYPE_BY_CODE, Vraagtype, opties_voor, parse_opties
from monitor.errors import MonitorFout
from monitor.opmaak.excel import Werkboek, kopregel, veilige_tekst
from monitor.store import lezen, sessie
from monitor.store.sessie import Engine
from monitor.uitwisseling.importeren import (
    KOLOM_ANTWOORD,
    KOLOM_ORGANISATIECODE,
    KOLOM_ORGANISATIENAAM,
    KOLOM_TOELICHTING,
    KOLOM_VRAAGCODE,
    TOELICHTING_ACHTERVOEGSEL,
)

LAYOUTS = ("breed", "lang")
UITLEG = (
    "Vul per organisatie de antwoorden in op het blad 'Antwoorden' en importeer het bestand op de "
    "pagina Beheer (tab Import) of met: python -m monitor import BESTAND --ronde {jaar}.",
    "Antwoorden: het antwoord zoals op het blad 'Vragen' staat (hoofdletters maken niet uit) of "
    "de optiecode. Meerkeuze: meerdere antwoorden gescheiden door een puntkomma (;).",
    "Getallen en bedragen in Nederlandse notatie: 1.234,56. Een leeg antwoord wordt overgeslagen.",
    "Gebruik geen formules, samengevoegde cellen of verborgen bladen: die worden geweigerd.",
)


def _kop(blad, waarden: list[str]) -> None:
    kopregel(blad, waarden)
    blad.freeze_panes = "A2"


def maak_sjabloon(
    *, jaar: int, actortype: str, layout: str, vragen: pd.DataFrame, organisaties: pd.DataFrame
) -> bytes:
    """The template (.xlsx bytes) for ``actortype`` in round ``jaar``.

    ``vragen`` and ``organisaties`` are the frames of ``lezen.vragen_frame`` and
    ``lezen.organisaties_frame``. Raises MonitorFout for an unknown actortype or layout.
    """
    if actortype not in ACTORTYPE_BY_CODE:
        raise MonitorFout(
            f"Onbekend actortype '{actortype}'; kies uit {', '.join(ACTORTYPE_BY_CODE)}."
        )
    if layout not in LAYOUTS:
        raise MonitorFout(f"Onbekende indeling '{layout}'; kies breed of lang.")
    eigen = vragen[vragen["actortype"] == actortype].sort_values("volgorde", kind="stable")
    orgs = organisaties[organisaties["actortype"] == actortype].sort_values("naam")
    werkmap = Werkboek(f"Importsjabloon {ACTORTYPE_BY_CODE[actortype].label} {jaar}")
    antwoorden = werkmap.blad("Antwoorden")
    keuzes = werkmap.blad("Keuzelijsten")
    lijsten = _keuzelijsten(keuzes, eigen)
    if layout == "breed":
        _breed(antwoorden, eigen, orgs, lijsten)
    else:
        _lang(antwoorden, eigen, orgs, lijsten)
    _vragenblad(werkmap.blad("Vragen"), eigen)
    werkmap.tekst("Uitleg", [regel.format(jaar=jaar) for regel in UITLEG])
    werkmap.openpyxl.move_sheet("Keuzelijsten", offset=2)
    return werkmap.naar_bytes()


def _labels(vraag) -> list[str]:
    return [o.label for o in opties_voor(vraag.vraagtype, parse_opties(vraag.opties or ""))]


def _keuzelijsten(blad, vragen: pd.DataFrame) -> dict[str, str]:
    """One column of labels per single-choice question; vraagcode → range for a drop-down."""
    lijsten: dict[str, str] = {}
    kolom = 0
    for vraag in vragen.itertuples():
        labels = _labels(vraag)
        if not labels or vraag.vraagtype == Vraagtype.MEERKEUZE:
            continue
        kolom += 1
        letter = get_column_letter(kolom)
        blad.cell(1, kolom, vraag.code).font = Font(bold=True)
        for rij, label in enumerate(labels, start=2):
            blad.cell(rij, kolom, veilige_tekst(label))
        blad.column_dimensions[letter].width = max(12, max(len(x) for x in labels) + 2)
        lijsten[vraag.code] = f"Keuzelijsten!${letter}$2:${letter}${len(labels) + 1}"
    return lijsten


def _keuzelijst(blad, bron: str, bereik: str) -> None:
    validatie = DataValidation(type="list", formula1=bron, allow_blank=True)
    validatie.error = "Kies een antwoord uit de lijst (zie het blad 'Vragen')."
    validatie.errorTitle = "Onbekend antwoord"
    blad.add_data_validation(validatie)
    validatie.add(bereik)


def _breed(blad, vragen: pd.DataFrame, orgs: pd.DataFrame, lijsten: dict[str, str]) -> None:
    koppen = [KOLOM_ORGANISATIECODE, KOLOM_ORGANISATIENAAM]
    for vraag in vragen.itertuples():
        koppen += [vraag.code, vraag.code + TOELICHTING_ACHTERVOEGSEL]
    _kop(blad, koppen)
    for org in orgs.itertuples():
        blad.append([org.code, veilige_tekst(org.naam)])
    laatste = max(2, len(orgs) + 1)
    for i, vraag in enumerate(vragen.itertuples()):
        letter = get_column_letter(3 + 2 * i)
        blad.column_dimensions[letter].width = 16
        blad.column_dimensions[get_column_letter(4 + 2 * i)].width = 30
        if vraag.code in lijsten:
            _keuzelijst(blad, lijsten[vraag.code], f"{letter}2:{letter}{laatste}")
    blad.column_dimensions["B"].width = 32


def _lang(blad, vragen: pd.DataFrame, orgs: pd.DataFrame, lijsten: dict[str, str]) -> None:
    _kop(
        blad,
        [
            KOLOM_ORGANISATIECODE,
            KOLOM_ORGANISATIENAAM,
            KOLOM_VRAAGCODE,
            KOLOM_ANTWOORD,
            KOLOM_TOELICHTING,
        ],
    )
    rij = 2
    for vraag in vragen.itertuples():  # rows grouped per vraag: one drop-down range each
        begin = rij
        for org in orgs.itertuples():
            blad.append([org.code, veilige_tekst(org.naam), vraag.code])
            rij += 1
        if vraag.code in lijsten and rij > begin:
            _keuzelijst(blad, lijsten[vraag.code], f"D{begin}:D{rij - 1}")
    for letter, breedte in (("B", 32), ("C", 14), ("D", 22), ("E", 40)):
        blad.column_dimensions[letter].width = breedte


def _vragenblad(blad, vragen: pd.DataFrame) -> None:
    _kop(blad, ["vraagcode", "thema", "vraag", "soort antwoord", "mogelijke antwoorden", "let op"])
    for vraag in vragen.itertuples():
        labels = _labels(vraag)
        soort = {
            Vraagtype.MEERKEUZE: "meerkeuze (scheid met ;)",
            Vraagtype.GETAL: "getal",
            Vraagtype.BEDRAG: "bedrag in euro",
            Vraagtype.TEKST: "tekst",
        }.get(vraag.vraagtype, "één keuze")
        grenzen = []
        if pd.notna(getattr(vraag, "minimum", None)):
            grenzen.append(f"minimaal {vraag.minimum:g}")
        if pd.notna(getattr(vraag, "maximum", None)):
            grenzen.append(f"maximaal {vraag.maximum:g}")
        if vraag.toon_als:
            code, _, optie = vraag.toon_als.partition("=")
            grenzen.append(f"alleen als {code} = {optie}")
        blad.append(
            [
                vraag.code,
                None if pd.isna(vraag.thema_nr) else int(vraag.thema_nr),
                veilige_tekst(vraag.tekst),
                soort,
                veilige_tekst(" / ".join(labels)),
                "; ".join(grenzen),
            ]
        )
    for letter, breedte in (("A", 14), ("B", 8), ("C", 80), ("D", 22), ("E", 60), ("F", 28)):
        blad.column_dimensions[letter].width = breedte
    for (cel,) in blad.iter_rows(min_row=2, min_col=3, max_col=3):
        cel.alignment = Alignment(wrap_text=True, vertical="top")


def sjabloon_uit_database(engine: Engine, *, jaar: int, actortype: str, layout: str) -> bytes:
    """``maak_sjabloon`` for a round in the database; MonitorFout when it does not exist."""
    with sessie.lees(engine) as session:
        ronde = lezen.ronde_by_jaar(session, jaar)
        if ronde is None:
            raise MonitorFout(f"Ronde {jaar} bestaat niet.")
        vragen = lezen.vragen_frame(session, ronde.id, met_grenzen=True)
        organisaties = lezen.organisaties_frame(session)
    return maak_sjabloon(
        jaar=jaar, actortype=actortype, layout=layout, vragen=vragen, organisaties=organisaties
    )
