"""Beheer of rounds: create, open, close, publish; moved deadlines. No Streamlit. The
questionnaire of a concept round is edited in ``monitor.rondes.vragen``.

Every write function runs inside the caller's write session (``store.sessie.schrijf``), so that a
whole action commits or rolls back as one; it refuses anyone but a beheerder, writes an
AuditRegel per change (bron 'beheer') and bumps the data versie. Refusals raise
:class:`monitor.errors.BeheerFout` with a Dutch message naming the field.

Whether answers may be given is decided by ``monitor.invullen.antwoorden.waarom_alleen_lezen``
(the one rule of the write path); a published round is frozen by ``monitor.store.bevriezing``
for every write, not only those made here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

from monitor.domain import RondeStatus, Zichtbaarheid
from monitor.errors import BeheerFout
from monitor.kengetallen.voortgang import overzicht
from monitor.models import Planning, Ronde, RondeSnapshot
from monitor.opmaak.tekst import datum as datum_tekst
from monitor.opmaak.tekst import json_tekst
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.rondes import statusdefinities
from monitor.rondes.vragenlijst import parse_planning
from monitor.store import lezen, schrijven
from monitor.store import rondes as rondes_store
from monitor.store.sessie import Session

BRON = "beheer"
EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100

# Which status may follow which. Publishing goes through publiceer() (it stores the snapshot);
# a published round is final.
OVERGANGEN: dict[RondeStatus, tuple[RondeStatus, ...]] = {
    RondeStatus.CONCEPT: (RondeStatus.OPEN,),
    RondeStatus.OPEN: (RondeStatus.GESLOTEN,),
    RondeStatus.GESLOTEN: (RondeStatus.OPEN, RondeStatus.GEPUBLICEERD),
    RondeStatus.GEPUBLICEERD: (),
}
VELD_LABELS = {
    "jaar": "jaar",
    "titel": "titel",
    "peildatum": "peildatum",
    "open_datum": "opendatum",
    "sluit_datum": "sluitdatum",
    "van_jaar": "kopiëren van",
    "status": "status",
}


# --------------------------------------------------------------------------------------------
# Shared helpers


def _nu(nu: datetime | None) -> datetime:
    return nu if nu is not None else datetime.now(UTC)


def _vereis_beheerder(gebruiker: Gebruiker, wat: str) -> None:
    vereis(gebruiker, Recht.RONDES_BEHEREN, wat)


def _audit(
    session: Session,
    gebruiker: Gebruiker,
    moment: datetime,
    *,
    tabel: str,
    sleutel: str,
    veld: str,
    oud: object,
    nieuw: object,
) -> None:
    schrijven.audit(
        session=session,
        op=moment,
        door=gebruiker.naam,
        bron=BRON,
        tabel=tabel,
        sleutel=sleutel,
        veld=veld,
        oud=oud,
        nieuw=nieuw,
    )


def haal_ronde(session: Session, jaar: int) -> Ronde:
    """The round of ``jaar``; BeheerFout when there is none."""
    ronde = lezen.ronde_by_jaar(session, jaar)
    if ronde is None:
        raise BeheerFout(f"Ronde {jaar} bestaat niet.", veld="jaar")
    return ronde


# --------------------------------------------------------------------------------------------
# Creating and changing a round


@dataclass(frozen=True)
class NieuweRonde:
    jaar: int
    peildatum: date | None
    open_datum: date | None
    sluit_datum: date | None
    titel: str = ""  # empty: 'Monitor van de afspraken <jaar>'
    zichtbaarheid: Zichtbaarheid = Zichtbaarheid.GENOEMD
    benchmark_na_indienen: bool = True
    van_jaar: int | None = None  # copy the questionnaire of this earlier round


def controleer_data(
    *, jaar: int, peildatum: date | None, open_datum: date | None, sluit_datum: date | None
) -> None:
    """Refuse missing or out-of-order dates: open ≤ sluit, peildatum in the round's year and
    not after the sluitdatum (the peildatum is the moment the answers describe)."""
    for veld, waarde in (
        ("peildatum", peildatum),
        ("open_datum", open_datum),
        ("sluit_datum", sluit_datum),
    ):
        if waarde is None:
            raise BeheerFout(f"De {VELD_LABELS[veld]} ontbreekt.", veld=veld)
    assert peildatum and open_datum and sluit_datum
    if sluit_datum < open_datum:
        raise BeheerFout(
            f"De sluitdatum ({datum_tekst(sluit_datum)}) ligt vóór de opendatum "
            f"({datum_tekst(open_datum)}).",
            veld="sluit_datum",
        )
    if peildatum.year != jaar:
        raise BeheerFout(
            f"De peildatum ({datum_tekst(peildatum)}) ligt niet in het jaar van de ronde ({jaar}).",
            veld="peildatum",
        )
    if peildatum > sluit_datum:
        raise BeheerFout(
            f"De peildatum ({datum_tekst(peildatum)}) ligt na de sluitdatum "
            f"({datum_tekst(sluit_datum)}): de antwoorden beschrijven de stand op de peildatum.",
            veld="peildatum",
        )


def maak_ronde(
    *,
    session: Session,
    gebruiker: Gebruiker,
    gegevens: NieuweRonde,
    nu: datetime | None = None,
) -> Ronde:
    """A new round in concept, optionally with a copy of an earlier round's questionnaire.

    Each copied vraag links to its predecessor (``voorganger_id``), so trends survive changed
    wording. ``vorige_ronde_id`` is the round copied from, else the latest earlier round.
    """
    _vereis_beheerder(gebruiker, "een ronde aanmaken")
    jaar = gegevens.jaar
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise BeheerFout(
            f"Jaar {jaar} is geen geldig jaar ({EERSTE_JAAR}–{LAATSTE_JAAR}).", veld="jaar"
        )
    if lezen.ronde_by_jaar(session, jaar) is not None:
        raise BeheerFout(f"Ronde {jaar} bestaat al; elk jaar heeft één ronde.", veld="jaar")
    controleer_data(
        jaar=jaar,
        peildatum=gegevens.peildatum,
        open_datum=gegevens.open_datum,
        sluit_datum=gegevens.sluit_datum,
    )
    zichtbaarheid = _zichtbaarheid(gegevens.zichtbaarheid)
    van = _bron_ronde(session, gegevens.van_jaar, jaar)
    vorige = van or rondes_store.vorige_ronde(session, voor_jaar=jaar)
    ronde = Ronde(
        jaar=jaar,
        titel=gegevens.titel.strip() or f"Monitor van de afspraken {jaar}",
        peildatum=gegevens.peildatum,
        open_datum=gegevens.open_datum,
        sluit_datum=gegevens.sluit_datum,
        status=RondeStatus.CONCEPT.value,
        zichtbaarheid=zichtbaarheid.value,
        benchmark_na_indienen=gegevens.benchmark_na_indienen,
        vorige_ronde_id=vorige.id if vorige else None,
    )
    rondes_store.voeg_ronde_toe(session, ronde)
    moment = _nu(nu)
    _audit(
        session,
        gebruiker,
        moment,
        tabel="ronde",
        sleutel=str(jaar),
        veld="aangemaakt",
        oud=None,
        nieuw=ronde.titel,
    )
    statusdefinities.kopieer(session, vorige, ronde)
    if van is not None:
        aantal = schrijven.copy_vragen(session=session, van=van, naar=ronde)
        _audit(
            session,
            gebruiker,
            moment,
            tabel="vraag",
            sleutel=str(jaar),
            veld="gekopieerd",
            oud=None,
            nieuw=f"{aantal} vragen uit ronde {van.jaar}",
        )
    schrijven.bump_data_versie(session=session)
    return ronde


def _zichtbaarheid(waarde: str) -> Zichtbaarheid:
    try:
        return Zichtbaarheid(waarde)
    except ValueError:
        keuzes = ", ".join(z.value for z in Zichtbaarheid)
        raise BeheerFout(
            f"Zichtbaarheid '{waarde}' bestaat niet; kies uit {keuzes}.", veld="zichtbaarheid"
        ) from None


def _bron_ronde(session: Session, van_jaar: int | None, jaar: int) -> Ronde | None:
    if van_jaar is None:
        return None
    van = lezen.ronde_by_jaar(session, van_jaar)
    if van is None:
        raise BeheerFout(
            f"Ronde {van_jaar} om de vragenlijst van te kopiëren bestaat niet.", veld="van_jaar"
        )
    if van.jaar >= jaar:
        raise BeheerFout(
            f"Kopieer de vragenlijst van een eerdere ronde; {van_jaar} is niet eerder dan {jaar}.",
            veld="van_jaar",
        )
    return van


WIJZIGBARE_RONDEVELDEN = (
    "titel",
    "peildatum",
    "open_datum",
    "sluit_datum",
    "zichtbaarheid",
    "benchmark_na_indienen",
)


def wijzig_ronde(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    wijzigingen: Mapping[str, object],
    nu: datetime | None = None,
) -> Ronde:
    """Change a not yet published round's title, dates or benchmark settings (e.g. a later
    sluitdatum before reopening). Dates are checked as for a new round."""
    _vereis_beheerder(gebruiker, "een ronde wijzigen")
    ronde = haal_ronde(session, jaar)
    if ronde.status == RondeStatus.GEPUBLICEERD:
        raise BeheerFout(f"Ronde {jaar} is gepubliceerd en kan niet meer veranderen.")
    onbekend = set(wijzigingen) - set(WIJZIGBARE_RONDEVELDEN)
    if onbekend:
        raise BeheerFout(f"Onbekend veld: {', '.join(sorted(onbekend))}.", veld=min(onbekend))
    nieuw = {veld: wijzigingen.get(veld, getattr(ronde, veld)) for veld in WIJZIGBARE_RONDEVELDEN}
    controleer_data(
        jaar=jaar,
        peildatum=nieuw["peildatum"],  # type: ignore[arg-type]
        open_datum=nieuw["open_datum"],  # type: ignore[arg-type]
        sluit_datum=nieuw["sluit_datum"],  # type: ignore[arg-type]
    )
    nieuw["zichtbaarheid"] = _zichtbaarheid(str(nieuw["zichtbaarheid"])).value
    nieuw["titel"] = str(nieuw["titel"]).strip() or ronde.titel
    moment = _nu(nu)
    for veld, waarde in nieuw.items():
        oud = getattr(ronde, veld)
        if oud != waarde:
            setattr(ronde, veld, waarde)
            _audit(
                session,
                gebruiker,
                moment,
                tabel="ronde",
                sleutel=str(jaar),
                veld=veld,
                oud=oud,
                nieuw=waarde,
            )
    schrijven.bump_data_versie(session=session)
    return ronde


# --------------------------------------------------------------------------------------------
# Status: concept → open → gesloten → gepubliceerd (gesloten → open reopens)


def toegestane_overgangen(status: str) -> tuple[RondeStatus, ...]:
    """The statuses a round with ``status`` may move to next."""
    return OVERGANGEN[RondeStatus(status)]


def zet_status(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    status: str,
    vandaag: date,
    nu: datetime | None = None,
) -> Ronde:
    """Move a round to ``status``; refuses a step the order does not allow.

    Opening needs questions, a sluitdatum not yet passed and no other open round (the
    invullen page offers one open round). Publishing stores the snapshot (see publiceer).
    """
    _vereis_beheerder(gebruiker, "de status van een ronde wijzigen")
    try:
        doel = RondeStatus(status)
    except ValueError:
        keuzes = ", ".join(s.value for s in RondeStatus)
        raise BeheerFout(f"Status '{status}' bestaat niet; kies uit {keuzes}.", "status") from None
    ronde = haal_ronde(session, jaar)
    huidig = RondeStatus(ronde.status)
    if huidig == RondeStatus.GEPUBLICEERD:
        raise BeheerFout(
            f"Ronde {jaar} is gepubliceerd; dat is definitief en kan niet worden teruggedraaid.",
            veld="status",
        )
    if doel not in OVERGANGEN[huidig]:
        mogelijk = " of ".join(f"'{s.value}'" for s in OVERGANGEN[huidig])
        raise BeheerFout(
            f"Ronde {jaar} staat op '{huidig.value}' en kan niet naar '{doel.value}'; "
            f"de volgende stap is {mogelijk}.",
            veld="status",
        )
    if doel == RondeStatus.GEPUBLICEERD:
        publiceer(session=session, gebruiker=gebruiker, jaar=jaar, nu=nu)
        return ronde
    if doel == RondeStatus.OPEN:
        _controleer_openen(session, ronde, vandaag)
    ronde.status = doel.value
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="ronde",
        sleutel=str(jaar),
        veld="status",
        oud=huidig.value,
        nieuw=doel.value,
    )
    schrijven.bump_data_versie(session=session)
    return ronde


def _controleer_openen(session: Session, ronde: Ronde, vandaag: date) -> None:
    if rondes_store.aantal_vragen(session, ronde.id) == 0:
        raise BeheerFout(
            f"Ronde {ronde.jaar} heeft nog geen vragen; voeg eerst vragen toe.", veld="status"
        )
    if ronde.sluit_datum is None or ronde.sluit_datum < vandaag:
        raise BeheerFout(
            f"De sluitdatum van ronde {ronde.jaar} ({datum_tekst(ronde.sluit_datum)}) is "
            "verstreken; zet eerst een latere sluitdatum.",
            veld="sluit_datum",
        )
    andere = rondes_store.open_ronde(session, behalve_id=ronde.id)
    if andere is not None:
        raise BeheerFout(
            f"Ronde {andere.jaar} is al open; sluit die eerst (er is één open ronde tegelijk).",
            veld="status",
        )


def publiceer(
    *, session: Session, gebruiker: Gebruiker, jaar: int, nu: datetime | None = None
) -> RondeSnapshot:
    """Publish a closed round: store its overzicht as a dated snapshot and freeze it."""
    _vereis_beheerder(gebruiker, "een ronde publiceren")
    ronde = haal_ronde(session, jaar)
    if ronde.status != RondeStatus.GESLOTEN:
        raise BeheerFout(
            f"Alleen een gesloten ronde kan worden gepubliceerd; ronde {jaar} staat op "
            f"'{ronde.status}'.",
            veld="status",
        )
    moment = _nu(nu)
    snapshot = rondes_store.bewaar_snapshot(
        session,
        ronde_id=ronde.id,
        gemaakt_op=moment,
        inhoud=json_tekst(overzicht_van_ronde(session, ronde)),
    )
    oud = ronde.status
    ronde.status = RondeStatus.GEPUBLICEERD.value
    ronde.gepubliceerd_op = moment
    _audit(
        session,
        gebruiker,
        moment,
        tabel="ronde",
        sleutel=str(jaar),
        veld="status",
        oud=oud,
        nieuw=ronde.status,
    )
    schrijven.bump_data_versie(session=session)
    return snapshot


def overzicht_van_ronde(session: Session, ronde: Ronde) -> dict:
    """The live national aggregates, as ``python -m monitor overzicht --ronde J --json``."""
    return overzicht(
        jaar=ronde.jaar,
        peildatum=ronde.peildatum.isoformat() if ronde.peildatum else None,
        organisaties=lezen.organisaties_frame(session),
        vragen=lezen.vragen_frame(session, ronde.id),
        antwoorden=lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True),
    )


def snapshot_overzicht(session: Session, ronde: Ronde) -> dict | None:
    """The aggregates frozen at publication, or None for a round not published."""
    snapshot = rondes_store.snapshot(session, ronde.id)
    return None if snapshot is None else json.loads(snapshot.inhoud)


# --------------------------------------------------------------------------------------------
# Planning: a moved deadline is a new version, never an overwrite


def verplaats_deadline(
    *,
    session: Session,
    gebruiker: Gebruiker,
    afspraak_code: str,
    planning: str,
    bron: str,
    geldig_vanaf: date,
    nu: datetime | None = None,
) -> Planning:
    """Record a new deadline for an afspraak ('Klaar Q4 2025', with its source) in force from
    ``geldig_vanaf``. Earlier versions stay; ``planning.planning_in_kracht`` picks the one in
    force at a round's peildatum. Refused when it would change a published round (a
    ``geldig_vanaf`` on or before its peildatum)."""
    _vereis_beheerder(gebruiker, "de planning wijzigen")
    if lezen.afspraak(session, afspraak_code) is None:
        raise BeheerFout(f"Afspraak '{afspraak_code}' bestaat niet.", veld="afspraak_code")
    try:
        soort, deadline = parse_planning(planning)
    except ValueError as fout:
        raise BeheerFout(f"Afspraak {afspraak_code}: {fout}.", veld="planning") from None
    bron = bron.strip()
    if not bron:
        raise BeheerFout(
            f"Afspraak {afspraak_code}: vermeld de bron van de nieuwe deadline (bijvoorbeeld "
            "een kamerbrief of een besluit van de stuurgroep).",
            veld="bron",
        )
    versies = rondes_store.planning_versies(session, afspraak_code)
    if any(v.geldig_vanaf == geldig_vanaf for v in versies):
        raise BeheerFout(
            f"Afspraak {afspraak_code} heeft al een planning die geldt vanaf "
            f"{datum_tekst(geldig_vanaf)}; kies een andere datum 'geldig vanaf'.",
            veld="geldig_vanaf",
        )
    gepubliceerd = rondes_store.laatste_gepubliceerde_vanaf(session, geldig_vanaf)
    if gepubliceerd is not None:
        raise BeheerFout(
            f"Een planning die geldt vanaf {datum_tekst(geldig_vanaf)} zou de gepubliceerde "
            f"ronde {gepubliceerd.jaar} (peildatum {datum_tekst(gepubliceerd.peildatum)}) "
            "veranderen; kies een latere datum 'geldig vanaf'.",
            veld="geldig_vanaf",
        )
    eerder = [v for v in versies if v.geldig_vanaf < geldig_vanaf]
    vorige = max(eerder, key=lambda v: v.geldig_vanaf) if eerder else None
    versie = Planning(
        afspraak_code=afspraak_code,
        soort=soort.value,
        datum=deadline,
        tekst=" ".join(planning.split()),
        bron=bron,
        geldig_vanaf=geldig_vanaf,
    )
    rondes_store.voeg_planning_toe(session, versie)
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="planning",
        sleutel=afspraak_code,
        veld=f"deadline vanaf {geldig_vanaf.isoformat()}",
        oud=vorige.tekst if vorige else None,
        nieuw=f"{versie.tekst} ({bron})",
    )
    schrijven.bump_data_versie(session=session)
    return versie


# --------------------------------------------------------------------------------------------
# Reads for the beheer page and the CLI

RONDE_KOLOMMEN = [
    "jaar",
    "titel",
    "status",
    "peildatum",
    "open_datum",
    "sluit_datum",
    "zichtbaarheid",
    "benchmark_na_indienen",
    "vorige_jaar",
    "vragen",
    "antwoorden",
    "gepubliceerd_op",
]


def rondes_tabel(session: Session) -> pd.DataFrame:
    """All rounds with their dates, status and counts of vragen and antwoorden, by year."""
    vragen, antwoorden = rondes_store.aantal_per_ronde(session)
    rondes = lezen.rondes(session)
    jaren = {r.id: r.jaar for r in rondes}
    rijen = [
        (
            r.jaar,
            r.titel,
            r.status,
            r.peildatum,
            r.open_datum,
            r.sluit_datum,
            r.zichtbaarheid,
            r.benchmark_na_indienen,
            jaren.get(r.vorige_ronde_id),
            vragen.get(r.id, 0),
            antwoorden.get(r.id, 0),
            r.gepubliceerd_op,
        )
        for r in rondes
    ]
    return pd.DataFrame(rijen, columns=RONDE_KOLOMMEN)
