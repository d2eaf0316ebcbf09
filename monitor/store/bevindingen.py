"""The edited bevindingen per thema and round, with the authorisation checked here.

The draft is computed from the figures (``kengetallen.bevindingen``) and never stored; only a
text that a facilitator (beheerder or kijker, ``Recht.BEVINDINGEN_SCHRIJVEN``) saved is kept,
with the time and the role of the writer, never a personal name. Saving an empty text removes
the saved text, so that the draft shows again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from monitor import invoer
from monitor.domain import ROL_LABELS
from monitor.errors import MonitorFout
from monitor.models import Bevinding, Ronde, Thema
from monitor.rechten import Gebruiker, Recht, vereis


def bevindingen(*, session: Session, ronde_id: int) -> dict[int, str]:
    """Per thema nr the saved text of the round (thema's without a saved text are absent)."""
    rijen = session.exec(select(Bevinding).where(Bevinding.ronde_id == ronde_id)).all()
    return {r.thema_nr: r.tekst for r in rijen}


def save_bevinding(
    *,
    session: Session,
    gebruiker: Gebruiker,
    ronde_id: int,
    thema_nr: int,
    tekst: str,
    moment: datetime | None = None,
) -> None:
    """Save the text of one thema in the round (replacing an earlier one); an empty text
    removes it. Raises GeenToegang for roles without the right, MonitorFout (Dutch, naming
    the thema) for a text too long or with a control character, or an unknown round or thema.
    """
    vereis(gebruiker, Recht.BEVINDINGEN_SCHRIJVEN, "het bewaren van bevindingen")
    schoon = (tekst or "").strip()
    invoer.controleer_tekst(schoon, invoer.BEVINDING, waar=f"Bevindingen thema {thema_nr}")
    if session.get(Ronde, ronde_id) is None:
        raise MonitorFout(f"Ronde {ronde_id} bestaat niet.")
    if session.get(Thema, thema_nr) is None:
        raise MonitorFout(f"Thema {thema_nr} bestaat niet.")
    rij = session.exec(
        select(Bevinding).where(Bevinding.ronde_id == ronde_id, Bevinding.thema_nr == thema_nr)
    ).first()
    if not schoon:
        if rij is not None:
            session.delete(rij)
        return
    bewaard = moment or datetime.now(UTC)
    if rij is None:
        rij = Bevinding(ronde_id=ronde_id, thema_nr=thema_nr, tekst=schoon, bewaard_op=bewaard)
    rij.tekst = schoon
    rij.bewaard_op = bewaard
    rij.door = ROL_LABELS[gebruiker.rol]
    session.add(rij)
