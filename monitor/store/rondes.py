"""Rounds, their questionnaires, snapshots and planning versions: queries and writes.

Every function works in the caller's session; the services in ``monitor.rondes`` keep the
rules (who may, which status may follow which) and call these.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from monitor.domain import RondeStatus, statusdefinities_aangevuld
from monitor.domain import StatusDefinitie as DomeinStatusDefinitie
from monitor.models import Antwoord, Planning, Ronde, RondeSnapshot, StatusDefinitie, Vraag


def ronde(session: Session, ronde_id: int) -> Ronde | None:
    return session.get(Ronde, ronde_id)


def vorige_ronde(session: Session, *, voor_jaar: int) -> Ronde | None:
    """The latest round before ``voor_jaar``, or None."""
    stmt = select(Ronde).where(Ronde.jaar < voor_jaar).order_by(Ronde.jaar.desc())
    return session.exec(stmt).first()


def open_ronde(session: Session, *, behalve_id: int | None = None) -> Ronde | None:
    """The newest round with status open (other than ``behalve_id``), or None."""
    stmt = select(Ronde).where(Ronde.status == RondeStatus.OPEN.value)
    if behalve_id is not None:
        stmt = stmt.where(Ronde.id != behalve_id)
    return session.exec(stmt.order_by(Ronde.jaar.desc())).first()


def laatste_gepubliceerde_vanaf(session: Session, peildatum: date) -> Ronde | None:
    """The latest published round whose peildatum is on or after ``peildatum``."""
    stmt = (
        select(Ronde)
        .where(Ronde.status == RondeStatus.GEPUBLICEERD.value, Ronde.peildatum >= peildatum)
        .order_by(Ronde.jaar.desc())
    )
    return session.exec(stmt).first()


def voeg_ronde_toe(session: Session, ronde: Ronde) -> Ronde:
    """Store a new round; its id is set on return."""
    session.add(ronde)
    session.flush()
    return ronde


def aantal_per_ronde(session: Session) -> tuple[dict[int, int], dict[int, int]]:
    """Per ronde id the number of vragen and the number of antwoorden."""
    vragen = session.exec(select(Vraag.ronde_id, func.count()).group_by(Vraag.ronde_id)).all()
    antwoorden = session.exec(
        select(Antwoord.ronde_id, func.count()).group_by(Antwoord.ronde_id)
    ).all()
    return dict(vragen), dict(antwoorden)


# --------------------------------------------------------------------------------------------
# Snapshots of published rounds


def snapshot(session: Session, ronde_id: int) -> RondeSnapshot | None:
    return session.get(RondeSnapshot, ronde_id)


def bewaar_snapshot(
    session: Session, *, ronde_id: int, gemaakt_op: datetime, inhoud: str
) -> RondeSnapshot:
    rij = RondeSnapshot(ronde_id=ronde_id, gemaakt_op=gemaakt_op, inhoud=inhoud)
    session.add(rij)
    session.flush()
    return rij


# --------------------------------------------------------------------------------------------
# Questions of a round


def vraag(session: Session, vraag_id: int) -> Vraag | None:
    return session.get(Vraag, vraag_id)


def aantal_vragen(session: Session, ronde_id: int) -> int:
    stmt = select(func.count()).select_from(Vraag).where(Vraag.ronde_id == ronde_id)
    return session.exec(stmt).one()


def vragen(session: Session, ronde_id: int) -> list[Vraag]:
    """The round's questions in their order (ties by id: the order they were added)."""
    stmt = select(Vraag).where(Vraag.ronde_id == ronde_id).order_by(Vraag.volgorde, Vraag.id)
    return list(session.exec(stmt).all())


def vragen_voor_actortype(session: Session, *, ronde_id: int, actortype: str) -> list[Vraag]:
    """The questions one actortype is asked, by thema and then in questionnaire order."""
    stmt = (
        select(Vraag)
        .where(Vraag.ronde_id == ronde_id, Vraag.actortype == actortype)
        .order_by(Vraag.thema_nr, Vraag.volgorde, Vraag.code)
    )
    return list(session.exec(stmt).all())


def vraag_ids(session: Session, ronde_id: int) -> dict[str, int]:
    """Per vraag code its id, for one round."""
    stmt = select(Vraag.code, Vraag.id).where(Vraag.ronde_id == ronde_id)
    return dict(session.exec(stmt).all())


def vraag_in_ronde(session: Session, *, ronde_id: int, code: str) -> Vraag | None:
    stmt = select(Vraag).where(Vraag.ronde_id == ronde_id, Vraag.code == code)
    return session.exec(stmt).first()


def opvolger(session: Session, vraag_id: int) -> Vraag | None:
    """A vraag of a later round that continues this one (``voorganger_id``), or None."""
    return session.exec(select(Vraag).where(Vraag.voorganger_id == vraag_id)).first()


def voeg_vraag_toe(session: Session, vraag: Vraag) -> Vraag:
    session.add(vraag)
    session.flush()
    return vraag


def verwijder_vraag(session: Session, vraag: Vraag) -> None:
    session.delete(vraag)
    session.flush()


# --------------------------------------------------------------------------------------------
# Planning versions


def planning_versies(session: Session, afspraak_code: str) -> list[Planning]:
    stmt = select(Planning).where(Planning.afspraak_code == afspraak_code)
    return list(session.exec(stmt).all())


def voeg_planning_toe(session: Session, versie: Planning) -> Planning:
    session.add(versie)
    session.flush()
    return versie


def statusdefinities(session: Session, ronde_id: int) -> dict[str, tuple[str, str]]:
    """optie → (betekenis, bron) stored for the round (empty when none)."""
    rijen = session.exec(select(StatusDefinitie).where(StatusDefinitie.ronde_id == ronde_id))
    return {r.optie: (r.betekenis, r.bron) for r in rijen}


def statusdefinities_van(session: Session, ronde: Ronde) -> list[DomeinStatusDefinitie]:
    """The definitions that hold for ``ronde``: its own, else those of the latest earlier round
    that has any, else the standard wording (marked as ours)."""
    opgeslagen = statusdefinities(session, ronde.id) or laatste_statusdefinities_voor(
        session, voor_jaar=ronde.jaar
    )
    return statusdefinities_aangevuld(opgeslagen or {})


def laatste_statusdefinities_voor(
    session: Session, *, voor_jaar: int
) -> dict[str, tuple[str, str]] | None:
    """The definitions of the latest round before ``voor_jaar`` that has any, or None."""
    ronde_id = session.exec(
        select(Ronde.id)
        .join(StatusDefinitie, StatusDefinitie.ronde_id == Ronde.id)
        .where(Ronde.jaar < voor_jaar)
        .order_by(Ronde.jaar.desc())
        .limit(1)
    ).first()
    return statusdefinities(session, ronde_id) if ronde_id is not None else None


def zet_statusdefinities(
    session: Session, ronde_id: int, definities: dict[str, tuple[str, str]]
) -> None:
    """Replace the round's definitions by ``definities`` (optie → (betekenis, bron))."""
    for rij in session.exec(select(StatusDefinitie).where(StatusDefinitie.ronde_id == ronde_id)):
        session.delete(rij)
    session.flush()
    for optie, (betekenis, bron) in definities.items():
        session.add(StatusDefinitie(ronde_id=ronde_id, optie=optie, betekenis=betekenis, bron=bron))
    session.flush()
