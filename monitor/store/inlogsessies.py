"""Sign-in sessions (the rows behind the session cookie): queries and writes.

The rules (signing, timeouts, who is signed in) live in ``monitor.invullen.inlogsessie``; every
function works in the caller's session.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, delete, select, update

from monitor.models import Inlogsessie


def voeg_toe(session: Session, rij: Inlogsessie) -> Inlogsessie:
    session.add(rij)
    session.flush()
    return rij


def sessie(session: Session, sessie_id: int) -> Inlogsessie | None:
    return session.get(Inlogsessie, sessie_id)


def by_token_hash(session: Session, token_hash: str) -> Inlogsessie | None:
    return session.exec(select(Inlogsessie).where(Inlogsessie.token_hash == token_hash)).first()


def by_overdracht_hash(session: Session, overdracht_hash: str) -> Inlogsessie | None:
    stmt = select(Inlogsessie).where(Inlogsessie.overdracht_hash == overdracht_hash)
    return session.exec(stmt).first()


def trek_in_voor_account(session: Session, account_id: int, nu: datetime) -> int:
    """Revoke every open session of an account; returns how many were open."""
    stmt = (
        update(Inlogsessie)
        .where(Inlogsessie.account_id == account_id, Inlogsessie.ingetrokken_op.is_(None))
        .values(ingetrokken_op=nu)
    )
    return session.exec(stmt).rowcount


def verwijder_beeindigd(session: Session, account_id: int, nu: datetime) -> None:
    """Delete an account's ended sessions (revoked or past their absolute end): housekeeping."""
    stmt = delete(Inlogsessie).where(
        Inlogsessie.account_id == account_id,
        or_(Inlogsessie.ingetrokken_op.is_not(None), Inlogsessie.verloopt_op < nu),
    )
    session.exec(stmt)
