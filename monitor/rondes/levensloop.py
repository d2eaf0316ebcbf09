"""Beheer of rounds: create, open, close, publish; the questionnaire of a concept round; moved
deadlines. No Streamlit.

Every write function runs inside the caller's write session (``db.write_session``), so that a
whole action commits or rolls back as one; it refuses anyone but a beheerder, writes an
AuditRegel per change (bron 'beheer') and bumps the data versie. Refusals raise
:class:`monitor.errors.BeheerFout` with a Dutch message naming the field.

The write path of answers calls :func:`vereis_open_ronde`; a published round is frozen by
``monitor.store.bevriezing`` for every write, not only those made here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Protocol

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, select

from monitor.domain import (
    ACTORTYPE_CODES,
    VRAAGTYPES_MET_VASTE_OPTIES,
    VRAAGTYPES_NUMERIEK,
    RondeStatus,
    Vraagtype,
    Zichtbaarheid,
)
from monitor.errors import BeheerFout, RondeNietOpen
from monitor.kengetallen.voortgang import overzicht
from monitor.models import (
    Afspraak,
    Antwoord,
    Planning,
    Ronde,
    RondeSnapshot,
    Thema,
    Vraag,
)
from monitor.opmaak.tekst import datum as datum_tekst
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.rondes.vragenlijst import VRAAG_SOORTEN, format_opties, parse_opties, parse_planning
from monitor.store import lezen as queries
from monitor.store import schrijven as crud

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
    crud.audit(
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
    ronde = queries.ronde_by_jaar(session, jaar)
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
    if queries.ronde_by_jaar(session, jaar) is not None:
        raise BeheerFout(f"Ronde {jaar} bestaat al; elk jaar heeft één ronde.", veld="jaar")
    controleer_data(
        jaar=jaar,
        peildatum=gegevens.peildatum,
        open_datum=gegevens.open_datum,
        sluit_datum=gegevens.sluit_datum,
    )
    zichtbaarheid = _zichtbaarheid(gegevens.zichtbaarheid)
    van = _bron_ronde(session, gegevens.van_jaar, jaar)
    vorige = (
        van
        or session.exec(select(Ronde).where(Ronde.jaar < jaar).order_by(Ronde.jaar.desc())).first()
    )
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
    session.add(ronde)
    session.flush()
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
    if van is not None:
        aantal = crud.copy_vragen(session=session, van=van, naar=ronde)
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
    crud.bump_data_versie(session=session)
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
    van = queries.ronde_by_jaar(session, van_jaar)
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
    crud.bump_data_versie(session=session)
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
    crud.bump_data_versie(session=session)
    return ronde


def _controleer_openen(session: Session, ronde: Ronde, vandaag: date) -> None:
    aantal = session.exec(
        select(func.count()).select_from(Vraag).where(Vraag.ronde_id == ronde.id)
    ).one()
    if aantal == 0:
        raise BeheerFout(
            f"Ronde {ronde.jaar} heeft nog geen vragen; voeg eerst vragen toe.", veld="status"
        )
    if ronde.sluit_datum is None or ronde.sluit_datum < vandaag:
        raise BeheerFout(
            f"De sluitdatum van ronde {ronde.jaar} ({datum_tekst(ronde.sluit_datum)}) is "
            "verstreken; zet eerst een latere sluitdatum.",
            veld="sluit_datum",
        )
    andere = session.exec(
        select(Ronde).where(Ronde.status == RondeStatus.OPEN.value, Ronde.id != ronde.id)
    ).first()
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
    snapshot = RondeSnapshot(
        ronde_id=ronde.id,
        gemaakt_op=moment,
        inhoud=json.dumps(overzicht_van_ronde(session, ronde), ensure_ascii=False),
    )
    session.add(snapshot)
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
    crud.bump_data_versie(session=session)
    session.flush()
    return snapshot


def overzicht_van_ronde(session: Session, ronde: Ronde) -> dict:
    """The live national aggregates, as ``python -m monitor overzicht --ronde J --json``."""
    return overzicht(
        jaar=ronde.jaar,
        peildatum=ronde.peildatum.isoformat() if ronde.peildatum else None,
        organisaties=queries.organisaties_frame(session),
        vragen=queries.vragen_frame(session, ronde.id),
        antwoorden=queries.antwoorden_frame(session, ronde.id, alleen_ingediend=True),
    )


def snapshot_overzicht(session: Session, ronde: Ronde) -> dict | None:
    """The aggregates frozen at publication, or None for a round not published."""
    snapshot = session.get(RondeSnapshot, ronde.id)
    return None if snapshot is None else json.loads(snapshot.inhoud)


# --------------------------------------------------------------------------------------------
# Guards for the write path of answers


class RondeLike(Protocol):
    jaar: int
    status: str
    sluit_datum: date | None


def ronde_open_voor_invullen(ronde: RondeLike, vandaag: date) -> bool:
    """True while answers may be given: the round is open and the sluitdatum not passed."""
    return ronde.status == RondeStatus.OPEN and (
        ronde.sluit_datum is None or vandaag <= ronde.sluit_datum
    )


def vereis_open_ronde(ronde: RondeLike, vandaag: date) -> None:
    """Raise RondeNietOpen (Dutch message) unless answers may be given in ``ronde`` today."""
    if ronde_open_voor_invullen(ronde, vandaag):
        return
    if ronde.status == RondeStatus.OPEN:
        raise RondeNietOpen(
            f"Ronde {ronde.jaar} is gesloten: de sluitdatum ({datum_tekst(ronde.sluit_datum)}) "
            "is verstreken. Vraag een beheerder om de ronde te verlengen.",
            veld="sluit_datum",
        )
    redenen = {
        RondeStatus.CONCEPT: "is nog in voorbereiding en nog niet open",
        RondeStatus.GESLOTEN: "is gesloten",
        RondeStatus.GEPUBLICEERD: "is gepubliceerd; antwoorden kunnen niet meer veranderen",
    }
    reden = redenen.get(RondeStatus(ronde.status), f"staat op '{ronde.status}'")
    raise RondeNietOpen(f"Ronde {ronde.jaar} {reden}.", veld="status")


# --------------------------------------------------------------------------------------------
# The questionnaire of a concept round


@dataclass(frozen=True)
class VraagInvoer:
    code: str
    tekst: str
    vraagtype: str
    actortype: str
    thema_nr: int | None = None
    afspraak_code: str | None = None
    soort: str = ""  # empty: 'afspraak' with an afspraak, else 'informatie'
    opties: str = ""  # own options of keuze/meerkeuze: 'code=Label|code=Label'
    minimum: float | None = None
    maximum: float | None = None
    verplicht: bool = True
    toon_als: str = ""


VRAAG_VELDEN = tuple(VraagInvoer.__dataclass_fields__)


def _concept_ronde(session: Session, jaar: int) -> Ronde:
    ronde = haal_ronde(session, jaar)
    if ronde.status != RondeStatus.CONCEPT:
        raise BeheerFout(
            f"De vragenlijst van ronde {jaar} kan niet meer veranderen: de ronde staat op "
            f"'{ronde.status}'. Alleen een ronde in concept is te bewerken.",
            veld="status",
        )
    return ronde


def _vragen(session: Session, ronde: Ronde) -> list[Vraag]:
    stmt = select(Vraag).where(Vraag.ronde_id == ronde.id).order_by(Vraag.volgorde, Vraag.id)
    return list(session.exec(stmt).all())


def controleer_vraag(session: Session, vraag: VraagInvoer) -> VraagInvoer:
    """The vraag checked and normalised (trimmed, soort and thema filled in); BeheerFout
    naming the field otherwise."""
    code, tekst = vraag.code.strip(), vraag.tekst.strip()
    if not code:
        raise BeheerFout("De vraagcode ontbreekt.", veld="code")
    if not tekst:
        raise BeheerFout(f"Vraag {code}: de tekst ontbreekt.", veld="tekst")
    try:
        vraagtype = Vraagtype(vraag.vraagtype)
    except ValueError:
        keuzes = ", ".join(t.value for t in Vraagtype)
        raise BeheerFout(
            f"Vraag {code}: vraagtype '{vraag.vraagtype}' bestaat niet; kies uit {keuzes}.",
            veld="vraagtype",
        ) from None
    if vraag.actortype not in ACTORTYPE_CODES:
        raise BeheerFout(
            f"Vraag {code}: actortype '{vraag.actortype}' bestaat niet.", veld="actortype"
        )
    afspraak_code = (vraag.afspraak_code or "").strip() or None
    thema_nr = vraag.thema_nr
    if afspraak_code is not None:
        afspraak = session.get(Afspraak, afspraak_code)
        if afspraak is None:
            raise BeheerFout(
                f"Vraag {code}: afspraak '{afspraak_code}' bestaat niet.", veld="afspraak_code"
            )
        if thema_nr is None:
            thema_nr = afspraak.thema_nr
        elif thema_nr != afspraak.thema_nr:
            raise BeheerFout(
                f"Vraag {code}: afspraak {afspraak_code} hoort bij thema {afspraak.thema_nr}, "
                f"niet bij thema {thema_nr}.",
                veld="thema_nr",
            )
    if thema_nr is not None and session.get(Thema, thema_nr) is None:
        raise BeheerFout(f"Vraag {code}: thema {thema_nr} bestaat niet.", veld="thema_nr")
    soort = vraag.soort or ("afspraak" if afspraak_code else "informatie")
    if soort not in VRAAG_SOORTEN:
        raise BeheerFout(f"Vraag {code}: soort '{soort}' bestaat niet.", veld="soort")
    if (soort == "afspraak") != (afspraak_code is not None):
        raise BeheerFout(
            f"Vraag {code}: alleen een vraag van soort 'afspraak' hoort bij een afspraak.",
            veld="afspraak_code",
        )
    opties = _controleer_opties(code, vraagtype, vraag.opties)
    if vraagtype in VRAAGTYPES_NUMERIEK:
        if (
            vraag.minimum is not None
            and vraag.maximum is not None
            and vraag.minimum > vraag.maximum
        ):
            raise BeheerFout(
                f"Vraag {code}: het minimum ({vraag.minimum:g}) is groter dan het maximum "
                f"({vraag.maximum:g}).",
                veld="minimum",
            )
    elif vraag.minimum is not None or vraag.maximum is not None:
        raise BeheerFout(
            f"Vraag {code}: alleen een getal- of bedragvraag heeft een minimum of maximum.",
            veld="minimum",
        )
    return replace(
        vraag,
        code=code,
        tekst=tekst,
        vraagtype=vraagtype.value,
        afspraak_code=afspraak_code,
        thema_nr=thema_nr,
        soort=soort,
        opties=opties,
        toon_als=vraag.toon_als.strip(),
    )


def _controleer_opties(code: str, vraagtype: Vraagtype, tekst: str) -> str:
    try:
        opties = parse_opties(tekst or "")
    except ValueError as fout:
        raise BeheerFout(f"Vraag {code}: {fout}.", veld="opties") from None
    if vraagtype in (Vraagtype.KEUZE, Vraagtype.MEERKEUZE):
        if len(opties) < 2:
            raise BeheerFout(
                f"Vraag {code}: een keuzevraag heeft ten minste twee opties nodig "
                "('code=Label|code=Label').",
                veld="opties",
            )
        codes = [o.code for o in opties]
        if len(set(codes)) != len(codes):
            raise BeheerFout(f"Vraag {code}: een optiecode komt dubbel voor.", veld="opties")
    elif opties:
        soort = "vaste opties" if vraagtype in VRAAGTYPES_MET_VASTE_OPTIES else "geen opties"
        raise BeheerFout(
            f"Vraag {code}: vraagtype '{vraagtype.value}' heeft {soort}; laat de opties leeg.",
            veld="opties",
        )
    return format_opties(opties)


def _controleer_toon_als(vraag: VraagInvoer, codes: set[str]) -> None:
    if not vraag.toon_als:
        return
    voorwaarde, _, optie = vraag.toon_als.partition("=")
    if voorwaarde not in codes or voorwaarde == vraag.code or not optie:
        raise BeheerFout(
            f"Vraag {vraag.code}: voorwaarde '{vraag.toon_als}' klopt niet; gebruik "
            "'VRAAGCODE=optie' met een andere vraag van deze ronde.",
            veld="toon_als",
        )


def voeg_vraag_toe(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    vraag: VraagInvoer,
    nu: datetime | None = None,
) -> Vraag:
    """Add a vraag at the end of a concept round's questionnaire."""
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = controleer_vraag(session, vraag)
    bestaande = _vragen(session, ronde)
    codes = {v.code for v in bestaande}
    if vraag.code in codes:
        raise BeheerFout(
            f"Vraagcode {vraag.code} bestaat al in ronde {jaar}; kies een andere code.",
            veld="code",
        )
    _controleer_toon_als(vraag, codes)
    volgorde = max((v.volgorde for v in bestaande), default=-1) + 1
    nieuw = Vraag(ronde_id=ronde.id, volgorde=volgorde, herkomst="", **_vraag_waarden(vraag))
    session.add(nieuw)
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="vraag",
        sleutel=f"{jaar}/{vraag.code}",
        veld="toegevoegd",
        oud=None,
        nieuw=vraag.tekst,
    )
    crud.bump_data_versie(session=session)
    session.flush()
    return nieuw


def _vraag_waarden(vraag: VraagInvoer) -> dict[str, object]:
    return {veld: getattr(vraag, veld) for veld in VRAAG_VELDEN}


def _vraag_in_ronde(session: Session, ronde: Ronde, code: str) -> Vraag:
    vraag = session.exec(
        select(Vraag).where(Vraag.ronde_id == ronde.id, Vraag.code == code)
    ).first()
    if vraag is None:
        raise BeheerFout(f"Vraag {code} bestaat niet in ronde {ronde.jaar}.", veld="code")
    return vraag


def wijzig_vraag(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    code: str,
    wijzigingen: Mapping[str, object],
    nu: datetime | None = None,
) -> Vraag:
    """Change fields of a vraag of a concept round (tekst, opties, thema, …; not its code).

    The link to its predecessor stays: a reworded vraag still continues the trend.
    """
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = _vraag_in_ronde(session, ronde, code)
    onbekend = set(wijzigingen) - set(VRAAG_VELDEN) | ({"code"} & set(wijzigingen))
    if onbekend:
        raise BeheerFout(
            f"Vraag {code}: veld {', '.join(sorted(onbekend))} kan hier niet veranderen.",
            veld=min(onbekend),
        )
    huidig = VraagInvoer(**{veld: getattr(vraag, veld) for veld in VRAAG_VELDEN})
    gewenst = controleer_vraag(session, replace(huidig, **wijzigingen))  # type: ignore[arg-type]
    codes = {v.code for v in _vragen(session, ronde)}
    _controleer_toon_als(gewenst, codes)
    moment = _nu(nu)
    for veld, waarde in _vraag_waarden(gewenst).items():
        oud = getattr(vraag, veld)
        if oud != waarde:
            setattr(vraag, veld, waarde)
            _audit(
                session,
                gebruiker,
                moment,
                tabel="vraag",
                sleutel=f"{jaar}/{code}",
                veld=veld,
                oud=oud,
                nieuw=waarde,
            )
    crud.bump_data_versie(session=session)
    return vraag


def verwijder_vraag(
    *, session: Session, gebruiker: Gebruiker, jaar: int, code: str, nu: datetime | None = None
) -> None:
    """Remove a vraag of a concept round; refused when answers, a later copy or a condition
    of another vraag depend on it."""
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vraag = _vraag_in_ronde(session, ronde, code)
    antwoorden = session.exec(
        select(func.count()).select_from(Antwoord).where(Antwoord.vraag_id == vraag.id)
    ).one()
    if antwoorden:
        raise BeheerFout(
            f"Vraag {code} heeft al {antwoorden} antwoord(en) en kan niet worden verwijderd.",
            veld="code",
        )
    opvolger = session.exec(select(Vraag).where(Vraag.voorganger_id == vraag.id)).first()
    if opvolger is not None:
        latere = session.get(Ronde, opvolger.ronde_id)
        raise BeheerFout(
            f"Vraag {code} is de voorganger van een vraag in ronde {latere.jaar if latere else '?'}"
            " en kan niet worden verwijderd.",
            veld="code",
        )
    afhankelijk = [v.code for v in _vragen(session, ronde) if v.toon_als.partition("=")[0] == code]
    if afhankelijk:
        raise BeheerFout(
            f"Vraag {code} kan niet worden verwijderd: vraag {', '.join(afhankelijk)} wordt "
            "alleen gesteld na een antwoord op deze vraag.",
            veld="code",
        )
    session.delete(vraag)
    _audit(
        session,
        gebruiker,
        _nu(nu),
        tabel="vraag",
        sleutel=f"{jaar}/{code}",
        veld="verwijderd",
        oud=vraag.tekst,
        nieuw=None,
    )
    crud.bump_data_versie(session=session)
    session.flush()


def herorden_vragen(
    *,
    session: Session,
    gebruiker: Gebruiker,
    jaar: int,
    codes: Sequence[str],
    nu: datetime | None = None,
) -> int:
    """Put a concept round's vragen in the order of ``codes`` (all of them, each once).

    Returns how many vragen moved.
    """
    _vereis_beheerder(gebruiker, "de vragenlijst wijzigen")
    ronde = _concept_ronde(session, jaar)
    vragen = {v.code: v for v in _vragen(session, ronde)}
    dubbel = sorted({c for c in codes if list(codes).count(c) > 1})
    if dubbel:
        raise BeheerFout(f"Vraag {', '.join(dubbel)} staat dubbel in de volgorde.", veld="code")
    onbekend = [c for c in codes if c not in vragen]
    if onbekend:
        raise BeheerFout(f"Vraag {', '.join(onbekend)} bestaat niet in ronde {jaar}.", veld="code")
    ontbrekend = [c for c in vragen if c not in set(codes)]
    if ontbrekend:
        raise BeheerFout(
            f"De volgorde mist vraag {', '.join(ontbrekend)}; geef alle vragen een plaats.",
            veld="code",
        )
    moment = _nu(nu)
    verplaatst = 0
    for plek, code in enumerate(codes):
        vraag = vragen[code]
        if vraag.volgorde != plek:
            _audit(
                session,
                gebruiker,
                moment,
                tabel="vraag",
                sleutel=f"{jaar}/{code}",
                veld="volgorde",
                oud=vraag.volgorde,
                nieuw=plek,
            )
            vraag.volgorde = plek
            verplaatst += 1
    if verplaatst:
        crud.bump_data_versie(session=session)
    return verplaatst


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
    if session.get(Afspraak, afspraak_code) is None:
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
    versies = list(
        session.exec(select(Planning).where(Planning.afspraak_code == afspraak_code)).all()
    )
    if any(v.geldig_vanaf == geldig_vanaf for v in versies):
        raise BeheerFout(
            f"Afspraak {afspraak_code} heeft al een planning die geldt vanaf "
            f"{datum_tekst(geldig_vanaf)}; kies een andere datum 'geldig vanaf'.",
            veld="geldig_vanaf",
        )
    gepubliceerd = session.exec(
        select(Ronde)
        .where(Ronde.status == RondeStatus.GEPUBLICEERD.value, Ronde.peildatum >= geldig_vanaf)
        .order_by(Ronde.jaar.desc())
    ).first()
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
    session.add(versie)
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
    crud.bump_data_versie(session=session)
    session.flush()
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
    vragen = dict(session.exec(select(Vraag.ronde_id, func.count()).group_by(Vraag.ronde_id)).all())
    antwoorden = dict(
        session.exec(select(Antwoord.ronde_id, func.count()).group_by(Antwoord.ronde_id)).all()
    )
    rondes = queries.rondes(session)
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
