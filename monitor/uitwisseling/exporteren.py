"""A round leaves the app as Excel (tables as in the report) or as CSV (the raw answers).

The workbook has a sheet 'Over deze export', 'Respons', one sheet per thema with the table of
the report, 'Beleving', and for beheerders 'Antwoorden': the raw answers in the long layout of
the import, so that an export is also a backup (import it into an empty database to restore).
Every text cell that Excel could run as a formula is neutralised (``excel_export``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import pandas as pd

from monitor.domain import (
    ACTORTYPE_BY_CODE,
    DISCLAIMER,
    VRAAGTYPES_NUMERIEK,
    StatusDefinitie,
    standaard_statusdefinities,
)
from monitor.errors import MonitorFout
from monitor.kengetallen import themaoverzicht, voortgang
from monitor.opmaak import tekst
from monitor.opmaak.excel import Werkboek, veilige_cel
from monitor.progress import ProgressCallback, meld
from monitor.rechten import Gebruiker, Recht, mag, vereis
from monitor.store import lezen, sessie
from monitor.store import rondes as rondes_store
from monitor.store.sessie import Engine

RUWE_KOLOMMEN = [
    "ronde",
    "organisatiecode",
    "organisatienaam",
    "vraagcode",
    "antwoord",
    "toelichting",
    "voorlopig",
]
RUW_BLAD = "Antwoorden"


@dataclass(frozen=True)
class RondeData:
    """Everything an export of one round is built from (frames as in ``queries``)."""

    jaar: int
    titel: str
    peildatum: date | None
    vragen: pd.DataFrame
    antwoorden: pd.DataFrame
    organisaties: pd.DataFrame
    themas: pd.DataFrame  # nr, titel
    planning: pd.DataFrame
    demo: bool = False  # from a demo database: the workbook says so first
    # what each status and ja/nee option means this round (standard: our wording, marked so)
    statusdefinities: tuple[StatusDefinitie, ...] = tuple(standaard_statusdefinities())


def laad_ronde(engine: Engine, jaar: int) -> RondeData:
    """Read a round from the database; MonitorFout when it does not exist."""
    with sessie.lees(engine) as session:
        ronde = lezen.ronde_by_jaar(session, jaar)
        if ronde is None:
            raise MonitorFout(f"Ronde {jaar} bestaat niet.")
        themas = pd.DataFrame(
            [(t.nr, t.titel) for t in lezen.themas(session)], columns=["nr", "titel"]
        )
        return RondeData(
            jaar=ronde.jaar,
            titel=ronde.titel,
            peildatum=ronde.peildatum,
            vragen=lezen.vragen_frame(session, ronde.id),
            antwoorden=lezen.antwoorden_frame(session, ronde.id),
            organisaties=lezen.organisaties_frame(session),
            themas=themas,
            planning=lezen.planning_frame(session),
            demo=lezen.is_demo(session),
            statusdefinities=tuple(rondes_store.statusdefinities_van(session, ronde)),
        )


# --------------------------------------------------------------------------------------------
# Tables with Dutch headers


def statusdefinities_tabel(definities: tuple[StatusDefinitie, ...]) -> pd.DataFrame:
    """The legend of the answer options: what each means this round, and where that comes from."""
    return pd.DataFrame(
        [(d.label, d.betekenis, d.bron) for d in definities],
        columns=["Antwoordoptie", "Betekenis", "Bron"],
    )


def respons_tabel(data: RondeData) -> pd.DataFrame:
    tabel = voortgang.respons(data.organisaties, data.antwoorden)
    return pd.DataFrame(
        {
            "Actor": tabel["label"],
            "Ingevuld": tabel["ingevuld"],
            "Totaal": tabel["totaal"],
            "Percentage": tabel["percentage"],
        }
    )


def thema_tabel(data: RondeData, thema_nr: int) -> pd.DataFrame:
    """The report's table of one thema (``themaoverzicht.thema_tabel``) with Dutch headers."""
    tabel = themaoverzicht.thema_tabel(
        thema_nr=thema_nr,
        vragen=data.vragen,
        verdeling=voortgang.verdeling(data.vragen, data.antwoorden),
        planning=data.planning,
        peildatum=data.peildatum,
        numeriek=voortgang.numerieke_samenvatting(data.vragen, data.antwoorden),
    )
    return pd.DataFrame(
        {
            "Actor": tabel["actortype"].map(lambda a: ACTORTYPE_BY_CODE[a].label_meervoud),
            "Vraagcode": tabel["code"],
            "Vraag": tabel["tekst"],
            "Planning": tabel["planning"],
            "Stand t.o.v. planning": tabel["planningstatus"],
            "Aantal antwoorden": tabel["n"],
            "Antwoorden": tabel["samenvatting"],
        }
    )


def beleving_tabel(data: RondeData) -> pd.DataFrame:
    verdeling = voortgang.verdeling(data.vragen, data.antwoorden)
    leeg = pd.DataFrame(columns=["vraag", "optie", "label", "percentage", "actor"])
    delen = [leeg]  # a round without beleving questions: an empty sheet with its headers
    for actortype in themaoverzicht.beleving_actortypes(data.vragen):
        tabel = themaoverzicht.beleving_tabel(
            vragen=data.vragen, verdeling=verdeling, actortype=actortype
        )
        delen.append(tabel.assign(actor=ACTORTYPE_BY_CODE[actortype].label_meervoud))
    tabel = pd.concat(delen, ignore_index=True)
    return pd.DataFrame(
        {
            "Actor": tabel["actor"],
            "Stelling": tabel["vraag"],
            "Antwoord": tabel["label"],
            "Percentage": tabel["percentage"],
        }
    )


def ruwe_antwoorden(gebruiker: Gebruiker, data: RondeData) -> pd.DataFrame:
    """Every answer of the round in the long import layout (beheerders only).

    Numbers and amounts come out as numbers, options as their codes ('a;b' for meerkeuze).
    Raises GeenToegang for other roles: the toelichtingen name organisations.
    """
    vereis(gebruiker, Recht.RUWE_EXPORT, "de ruwe antwoorden")
    vragen = data.vragen[["id", "code", "vraagtype", "volgorde"]].rename(columns={"id": "vraag_id"})
    namen = data.organisaties[["code", "naam"]].rename(columns={"code": "organisatie_code"})
    tabel = (
        data.antwoorden.merge(vragen, on="vraag_id")
        .merge(namen, on="organisatie_code", how="left")
        .sort_values(["organisatie_code", "volgorde", "code"], kind="stable")
    )
    numeriek = tabel["vraagtype"].isin([str(t) for t in VRAAGTYPES_NUMERIEK])
    antwoord = [
        _als_getal(w) if is_getal else w
        for w, is_getal in zip(tabel["waarde"], numeriek, strict=True)
    ]
    return pd.DataFrame(
        {
            "ronde": data.jaar,
            "organisatiecode": tabel["organisatie_code"].to_numpy(),
            "organisatienaam": tabel["naam"].to_numpy(),
            "vraagcode": tabel["code"].to_numpy(),
            "antwoord": antwoord,
            "toelichting": tabel["toelichting"].to_numpy(),
            "voorlopig": voortgang.voorlopig_vlag(tabel).map(tekst.ja_nee).to_numpy(),
        },
        columns=RUWE_KOLOMMEN,
    )


def _als_getal(waarde: object) -> object:
    """'1234' → 1234, '12.5' → 12.5; anything else as it is."""
    try:
        getal = float(str(waarde))
    except ValueError:
        return waarde
    return int(getal) if getal.is_integer() else getal


# --------------------------------------------------------------------------------------------
# Files


def exporteer_xlsx(
    gebruiker: Gebruiker, data: RondeData, *, voortgang: ProgressCallback | None = None
) -> bytes:
    """The round as a workbook; the raw answers sheet only for beheerders."""
    werkmap = Werkboek(f"{data.titel} (export)", demo=data.demo)
    met_ruw = mag(gebruiker, Recht.RUWE_EXPORT)
    themas = list(data.themas.itertuples())
    stappen = 3 + len(themas) + (3 if met_ruw else 0)  # the calls of verder() below
    stap = 0

    def verder(tekst: str, aantal: int = 1) -> None:
        nonlocal stap
        stap += aantal
        meld(voortgang, stap / stappen, tekst)

    over = pd.DataFrame(
        {
            "Onderdeel": ["Ronde", "Titel", "Peildatum", "Let op"],
            "Waarde": [str(data.jaar), data.titel, tekst.datum(data.peildatum), DISCLAIMER],
        }
    )
    werkmap.tabel("Over deze export", over)
    werkmap.tabel("Statusdefinities", statusdefinities_tabel(data.statusdefinities))
    werkmap.tabel("Respons", respons_tabel(data))
    verder("Respons")
    for thema in themas:
        werkmap.tabel(f"{int(thema.nr)}. {thema.titel}", thema_tabel(data, int(thema.nr)))
        verder(f"Thema {int(thema.nr)}")
    werkmap.tabel("Beleving", beleving_tabel(data))
    verder("Beleving")
    if met_ruw:
        ruw = ruwe_antwoorden(gebruiker, data)
        totaal = max(1, len(ruw))
        werkmap.tabel(
            RUW_BLAD,
            ruw,
            rijen_geschreven=lambda n: meld(
                voortgang, (stap + 3 * n / totaal) / stappen, f"{n} antwoorden geschreven"
            ),
        )
        verder("Antwoorden", 3)
    inhoud = werkmap.naar_bytes()
    verder("Klaar")
    return inhoud


def ruwe_antwoorden_xlsx(gebruiker: Gebruiker, data: RondeData) -> bytes:
    """Only the raw answers as a workbook with one sheet 'Antwoorden' (beheerders): the file
    the import reads back, as the benchmark (bench/bench.py, part c) uses it."""
    werkmap = Werkboek(f"{data.titel} (ruwe antwoorden)")
    werkmap.tabel(RUW_BLAD, ruwe_antwoorden(gebruiker, data))
    return werkmap.naar_bytes()


def csv_getal(waarde: object) -> object:
    """Numbers in Dutch notation for CSV ('1234,5'); other values unchanged."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return waarde
    return tekst.getal_exact(waarde, duizendtallen=False)


def exporteer_csv(
    gebruiker: Gebruiker, data: RondeData, *, voortgang: ProgressCallback | None = None
) -> bytes:
    """The raw answers as CSV for Dutch Excel: ';'-separated, UTF-8 with BOM (beheerders)."""
    ruw = ruwe_antwoorden(gebruiker, data)
    buffer = io.StringIO(newline="")
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(RUWE_KOLOMMEN)
    totaal = max(1, len(ruw))
    for nr, rij in enumerate(ruw.itertuples(index=False, name=None), start=1):
        schrijver.writerow(
            ["" if (c := veilige_cel(w, max_tekens=None)) is None else csv_getal(c) for w in rij]
        )
        if nr % 500 == 0:
            meld(voortgang, nr / totaal, f"{nr} antwoorden geschreven")
    meld(voortgang, 1.0, "Klaar")
    return buffer.getvalue().encode("utf-8-sig")


def exporteer(
    engine: Engine,
    *,
    gebruiker: Gebruiker,
    jaar: int,
    formaat: str,
    voortgang: ProgressCallback | None = None,
) -> bytes:
    """A round as 'xlsx' or 'csv' bytes (see ``exporteer_xlsx`` and ``exporteer_csv``)."""
    data = laad_ronde(engine, jaar)
    if formaat == "csv":
        return exporteer_csv(gebruiker, data, voortgang=voortgang)
    if formaat == "xlsx":
        return exporteer_xlsx(gebruiker, data, voortgang=voortgang)
    raise MonitorFout(f"Onbekend exportformaat '{formaat}': kies .xlsx of .csv.")
