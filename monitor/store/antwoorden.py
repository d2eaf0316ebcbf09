"""Answers and submissions (inzendingen): queries and writes, and the one "who submitted".

Every function works in the caller's session. The rules (who may write, whether the round is
open, optimistic versions) live in ``monitor.invullen.antwoorden``; the compare-and-swap that
makes a save safe between colleagues is here, as one UPDATE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from monitor import invoer
from monitor.domain import AntwoordStatus
from monitor.models import Antwoord, Inzending


def controleer_inhoud(waarde: str | None, toelichting: str | None, *, waar: str = "") -> None:
    """The last gate before an answer is stored, whatever wrote it (form, import, script):
    the limits and the control-character rule of ``monitor.invoer``. Raises TekstFout (Dutch),
    so that a NUL never reaches the database as a driver error."""
    invoer.controleer_tekst(waarde, invoer.ANTWOORD, waar=waar)
    invoer.controleer_tekst(toelichting, invoer.TOELICHTING, waar=waar)


def ingediende_organisaties(session: Session, ronde_id: int) -> frozenset[str]:
    """Codes of the organisations whose questionnaire of the round is submitted.

    The one definition of "who submitted": an Inzending with status 'ingediend'. A beheerder's
    reopening sets it back to concept, so a reopened organisation no longer counts.
    """
    stmt = select(Inzending.organisatie_code).where(
        Inzending.ronde_id == ronde_id, Inzending.status == AntwoordStatus.INGEDIEND.value
    )
    return frozenset(session.exec(stmt).all())


def aantal_voorlopig_ingediend(session: Session, ronde_id: int) -> int:
    """How many organisations submitted the round's questionnaire marked voorlopig."""
    stmt = (
        select(func.count())
        .select_from(Inzending)
        .where(
            Inzending.ronde_id == ronde_id,
            Inzending.status == AntwoordStatus.INGEDIEND.value,
            Inzending.voorlopig.is_(True),
        )
    )
    return session.exec(stmt).one()


def inzending(session: Session, *, ronde_id: int, organisatie_code: str) -> Inzending | None:
    return session.get(Inzending, (ronde_id, organisatie_code))


def bewaar_inzending(session: Session, rij: Inzending) -> None:
    session.add(rij)


def antwoorden_van(
    session: Session, *, ronde_id: int, organisatie_code: str
) -> dict[int, Antwoord]:
    """One organisation's stored answers of a round, per vraag id."""
    stmt = select(Antwoord).where(
        Antwoord.ronde_id == ronde_id, Antwoord.organisatie_code == organisatie_code
    )
    return {a.vraag_id: a for a in session.exec(stmt)}


def waarden_op_vragen(
    session: Session, *, organisatie_code: str, vraag_ids: Iterable[int]
) -> dict[int, str | None]:
    """One organisation's stored values for the given vraag ids (of any round)."""
    stmt = select(Antwoord.vraag_id, Antwoord.waarde).where(
        Antwoord.organisatie_code == organisatie_code, Antwoord.vraag_id.in_(list(vraag_ids))
    )
    return dict(session.exec(stmt).all())


def aantal_op_vraag(session: Session, vraag_id: int) -> int:
    stmt = select(func.count()).select_from(Antwoord).where(Antwoord.vraag_id == vraag_id)
    return session.exec(stmt).one()


def antwoord(
    session: Session, *, ronde_id: int, organisatie_code: str, vraag_id: int
) -> Antwoord | None:
    """The stored answer as it is in the database now (not as cached in the session)."""
    stmt = (
        select(Antwoord)
        .where(
            Antwoord.ronde_id == ronde_id,
            Antwoord.organisatie_code == organisatie_code,
            Antwoord.vraag_id == vraag_id,
        )
        .execution_options(populate_existing=True)
    )
    return session.exec(stmt).first()


def herlees(session: Session, rij: Antwoord) -> Antwoord | None:
    """``rij`` read again from the database (after someone else changed it)."""
    session.expire(rij)
    return session.get(Antwoord, rij.id)


def voeg_eerste_toe(session: Session, rij: Antwoord) -> bool:
    """Insert an organisation's first answer to a vraag; False when a colleague's insert of the
    same answer was first (the unique key refused it), leaving the transaction usable."""
    controleer_inhoud(rij.waarde, rij.toelichting)
    try:
        with session.begin_nested():
            session.add(rij)
    except IntegrityError:
        return False
    return True


def vervang_als_versie(
    session: Session,
    *,
    antwoord_id: int,
    basis_versie: int,
    waarde: str | None,
    toelichting: str | None,
    door: str,
    op: datetime,
    voorlopig: bool = False,
) -> bool:
    """Compare-and-swap: overwrite the answer as concept with versie + 1 only while its stored
    versie is still ``basis_versie``. False when someone else saved first (nothing changed)."""
    controleer_inhoud(waarde, toelichting)
    resultaat = session.execute(
        update(Antwoord)
        .where(Antwoord.id == antwoord_id, Antwoord.versie == basis_versie)
        .values(
            waarde=waarde,
            toelichting=toelichting,
            voorlopig=voorlopig,
            versie=basis_versie + 1,
            status=AntwoordStatus.CONCEPT,
            gewijzigd_op=op,
            gewijzigd_door=door,
        )
        .execution_options(synchronize_session=False)
    )
    return resultaat.rowcount == 1


def zet_status(
    session: Session, *, ronde_id: int, organisatie_code: str, status: AntwoordStatus
) -> int:
    """Set the status of all of one organisation's answers of a round; returns how many."""
    resultaat = session.execute(
        update(Antwoord)
        .where(Antwoord.ronde_id == ronde_id, Antwoord.organisatie_code == organisatie_code)
        .values(status=status)
        .execution_options(synchronize_session=False)
    )
    return resultaat.rowcount
