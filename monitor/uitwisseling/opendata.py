"""Open data of published rounds: the frozen snapshot as CSV and JSON, with a data dictionary
and a Frictionless ``datapackage.json``.

What goes in is what an anonymous visitor may see (:data:`monitor.rechten.PUBLIEK`, asked
through :func:`monitor.rechten.vereis`): the national aggregates frozen at publication
(``RondeSnapshot``), never organisation-level rows. So a package holds no organisation names or
codes, whatever the round's visibility; the round's visibility is stated in the package.

:func:`pakket` is pure (snapshot in, files out); :func:`lees_pakket` reads the snapshot.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from monitor.domain import DEMO_REGEL, DISCLAIMER, RondeStatus
from monitor.errors import MonitorFout
from monitor.opmaak.tekst import json_tekst
from monitor.rechten import PUBLIEK, Gebruiker, Recht, vereis
from monitor.rondes import levensloop
from monitor.store import lezen
from monitor.store.sessie import Session

LICENTIE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
BRON = "Monitor Hervormingsagenda Jeugd"
ZIPNAAM = "datapackage.zip"


@dataclass(frozen=True)
class Veld:
    naam: str
    type: str  # Frictionless Table Schema type: string, integer, number
    omschrijving: str


@dataclass(frozen=True)
class Tabel:
    naam: str  # resource name and file name without .csv
    titel: str
    velden: tuple[Veld, ...]


# The one description of every column: the Table Schema and the data dictionary both come from it.
TABELLEN: tuple[Tabel, ...] = (
    Tabel(
        "respons",
        "Respons per actortype",
        (
            Veld("actortype", "string", "Code van de soort actor (bijv. gemeente, regio)."),
            Veld("ingevuld", "integer", "Aantal organisaties van deze soort dat indiende."),
            Veld("totaal", "integer", "Aantal organisaties van deze soort in de indeling."),
            Veld("percentage", "number", "ingevuld / totaal × 100, één decimaal."),
        ),
    ),
    Tabel(
        "vragen",
        "Vragen van de ronde, met aantallen en (bij getallen) gemiddelde en mediaan",
        (
            Veld("code", "string", "Code van de vraag, stabiel binnen de ronde."),
            Veld("actortype", "string", "De soort actor aan wie de vraag is gesteld."),
            Veld("thema", "integer", "Nummer van het thema van de Hervormingsagenda (leeg: geen)."),
            Veld("soort", "string", "Soort vraag (bijv. status, planning, beleving)."),
            Veld("tekst", "string", "De vraag zoals gesteld."),
            Veld("vraagtype", "string", "Antwoordvorm (bijv. enkelvoudig, meerkeuze, getal)."),
            Veld("n", "integer", "Aantal organisaties dat de vraag beantwoordde."),
            Veld(
                "respondenten",
                "integer",
                "Aantal organisaties van deze soort dat de vragenlijst indiende (basis van "
                "percentage_respondenten).",
            ),
            Veld("gemiddelde", "number", "Gemiddelde (alleen bij getalvragen)."),
            Veld("mediaan", "number", "Mediaan (alleen bij getalvragen)."),
        ),
    ),
    Tabel(
        "verdeling",
        "Verdeling van de antwoorden per vraag en antwoordoptie",
        (
            Veld("vraag", "string", "Code van de vraag (zie vragen.csv)."),
            Veld("optie", "string", "Code van de antwoordoptie."),
            Veld("label", "string", "De antwoordoptie zoals getoond."),
            Veld("aantal", "integer", "Aantal organisaties dat deze optie koos."),
            Veld("percentage", "number", "aantal / n × 100 (n: zie vragen.csv), één decimaal."),
            Veld(
                "percentage_respondenten",
                "number",
                "aantal / respondenten × 100, één decimaal: de basis van het rapport bij "
                "vervolgvragen.",
            ),
        ),
    ),
)
WOORDENBOEK = Tabel(
    "woordenboek",
    "Datawoordenboek: elke kolom van elk CSV-bestand",
    (
        Veld("bestand", "string", "Het CSV-bestand."),
        Veld("kolom", "string", "De kolom."),
        Veld("type", "string", "Het type (Frictionless Table Schema)."),
        Veld("omschrijving", "string", "Wat de kolom bevat."),
    ),
)


@dataclass(frozen=True)
class RondeOpenData:
    """What a package is made of: the frozen snapshot and the facts about its round."""

    jaar: int
    peildatum: str | None
    gepubliceerd_op: datetime | None
    zichtbaarheid: str
    demo: bool
    overzicht: Mapping


def _tabel_frames(overzicht: Mapping) -> dict[str, pd.DataFrame]:
    """The snapshot as one frame per table of :data:`TABELLEN`, columns in schema order."""
    verdeling = [
        {"vraag": v["code"], **optie}
        for v in overzicht["vragen"]
        for optie in v.get("verdeling", [])
    ]
    rijen = {"respons": overzicht["respons"], "vragen": overzicht["vragen"], "verdeling": verdeling}
    frames = {}
    for tabel in TABELLEN:
        kolommen = [v.naam for v in tabel.velden]
        frame = pd.DataFrame(rijen[tabel.naam]).reindex(columns=kolommen)
        for veld in tabel.velden:
            if veld.type == "integer":
                frame[veld.naam] = frame[veld.naam].astype("Int64")
        frames[tabel.naam] = frame
    return frames


def _woordenboek() -> pd.DataFrame:
    rijen = [(f"{t.naam}.csv", v.naam, v.type, v.omschrijving) for t in TABELLEN for v in t.velden]
    return pd.DataFrame(rijen, columns=[v.naam for v in WOORDENBOEK.velden])


def _csv(frame: pd.DataFrame) -> bytes:
    """UTF-8, comma-separated, decimal point, empty cell for a missing value."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _resource(tabel: Tabel) -> dict:
    return {
        "name": tabel.naam,
        "title": tabel.titel,
        "path": f"{tabel.naam}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": v.naam, "type": v.type, "description": v.omschrijving}
                for v in tabel.velden
            ]
        },
    }


def beschrijving(ronde: RondeOpenData) -> str:
    """The package's description: what it is, the self-report caveat, and (demo) the notice."""
    delen = [DEMO_REGEL] if ronde.demo else []
    delen += [
        f"Landelijke cijfers van ronde {ronde.jaar} van de {BRON}, zoals bevroren bij "
        f"publicatie (peildatum {ronde.peildatum or 'onbekend'}). Alleen totalen per soort "
        "actor: geen gegevens van afzonderlijke organisaties.",
        DISCLAIMER,
    ]
    return " ".join(delen)


def datapackage(ronde: RondeOpenData) -> dict:
    """The Frictionless Data Package descriptor (``datapackage.json``)."""
    titel = f"{BRON}, ronde {ronde.jaar}"
    return {
        "name": f"monitor-hervormingsagenda-jeugd-{ronde.jaar}",
        "title": f"Demodata — {titel}" if ronde.demo else titel,
        "description": beschrijving(ronde),
        "licenses": [LICENTIE],
        "sources": [{"title": f"{titel}: zelfrapportage van de actoren"}],
        "created": ronde.gepubliceerd_op.isoformat() if ronde.gepubliceerd_op else None,
        "keywords": [
            "jeugd",
            "hervormingsagenda",
            "monitor",
            *(["demodata"] if ronde.demo else []),
        ],
        "peildatum": ronde.peildatum,
        "zichtbaarheid": ronde.zichtbaarheid,
        "demodata": ronde.demo,
        "resources": [
            *(_resource(t) for t in (*TABELLEN, WOORDENBOEK)),
            {
                "name": "overzicht",
                "title": "Alle cijfers in één JSON-bestand (zelfde inhoud als de CSV-bestanden)",
                "path": "overzicht.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
        ],
    }


def pakket(ronde: RondeOpenData) -> dict[str, bytes]:
    """Every file of the package by name (pure)."""
    bestanden = {f"{n}.csv": _csv(f) for n, f in _tabel_frames(ronde.overzicht).items()}
    bestanden["woordenboek.csv"] = _csv(_woordenboek())
    bestanden["overzicht.json"] = json_tekst(
        {"toelichting": beschrijving(ronde), **ronde.overzicht}, indent=2
    ).encode("utf-8")
    descriptor = {k: v for k, v in datapackage(ronde).items() if v is not None}
    bestanden["datapackage.json"] = json_tekst(descriptor, indent=2).encode("utf-8")
    return bestanden


def als_zip(bestanden: Mapping[str, bytes]) -> bytes:
    """The files as a zip, byte for byte the same for the same files (fixed entry dates), so
    that a round's stable URL always serves the same download."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in sorted(bestanden.items()):
            archief.writestr(zipfile.ZipInfo(naam, date_time=(1980, 1, 1, 0, 0, 0)), inhoud)
    return buffer.getvalue()


def gepubliceerde_jaren(session: Session) -> list[int]:
    """The years of the published rounds, newest first: the rounds with open data."""
    return sorted(
        (r.jaar for r in lezen.rondes(session) if r.status == RondeStatus.GEPUBLICEERD),
        reverse=True,
    )


def lees_ronde(session: Session, jaar: int, gebruiker: Gebruiker = PUBLIEK) -> RondeOpenData:
    """The frozen snapshot of a published round; MonitorFout (Dutch) for any other round."""
    vereis(gebruiker, Recht.TOTALEN, "open data")
    ronde = lezen.ronde_by_jaar(session, jaar)
    if ronde is None:
        raise MonitorFout(f"Ronde {jaar} bestaat niet.")
    overzicht = levensloop.snapshot_overzicht(session, ronde)
    if ronde.status != RondeStatus.GEPUBLICEERD or overzicht is None:
        raise MonitorFout(
            f"Ronde {jaar} is niet gepubliceerd; open data is er alleen van gepubliceerde rondes."
        )
    return RondeOpenData(
        jaar=ronde.jaar,
        peildatum=ronde.peildatum.isoformat() if ronde.peildatum else None,
        gepubliceerd_op=ronde.gepubliceerd_op,
        zichtbaarheid=ronde.zichtbaarheid,
        demo=lezen.is_demo(session),
        overzicht=overzicht,
    )


def schrijf(map_: Path, bestanden: Mapping[str, bytes]) -> list[Path]:
    """Write the package's files into ``map_`` (created when missing); returns their paths."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, inhoud in sorted(bestanden.items()):
        pad = map_ / naam
        pad.write_bytes(inhoud)
        paden.append(pad)
    return paden


def zip_van_ronde(session: Session, jaar: int) -> bytes:
    """The package of a published round as a zip, as an anonymous visitor may download it."""
    return als_zip(pakket(lees_ronde(session, jaar)))
