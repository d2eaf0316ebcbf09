"""Accounts, invitations and sign-in counters: queries and writes. The rules (hashing, delays,
who may) live in ``monitor.invullen.accounts``; every function works in the caller's session.

The two writes that parallel requests race for are single conditional statements, so that the
database decides who wins on SQLite and PostgreSQL alike: an invitation is marked used by
``UPDATE … WHERE gebruikt_op IS NULL``, and a sign-in attempt is counted by
``INSERT … ON CONFLICT DO UPDATE SET pogingen = pogingen + 1 WHERE wacht_tot <= nu
RETURNING pogingen``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import case, delete, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from monitor.models import Account, InlogTeller, Uitnodiging


def account(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def account_by_email(session: Session, email: str) -> Account | None:
    return session.exec(select(Account).where(Account.email == email)).first()


def accounts(session: Session) -> list[Account]:
    """All accounts, by e-mail address."""
    return list(session.exec(select(Account).order_by(Account.email)))


def voeg_account_toe(session: Session, rij: Account) -> Account:
    """Store a new account; its id is set on return."""
    session.add(rij)
    session.flush()
    return rij


def uitnodiging_by_hash(session: Session, token_hash: str) -> Uitnodiging | None:
    stmt = select(Uitnodiging).where(Uitnodiging.token_hash == token_hash)
    return session.exec(stmt).first()


def voeg_uitnodiging_toe(session: Session, rij: Uitnodiging) -> None:
    session.add(rij)


def markeer_uitnodiging_gebruikt(*, session: Session, uitnodiging_id: int, nu: datetime) -> bool:
    """Mark an invitation used; False when another request already did (it waits for that one).

    On PostgreSQL a parallel request blocks on the row until the first commits and then finds
    ``gebruikt_op`` set; on SQLite the write transactions run one after the other.
    """
    resultaat = session.execute(
        update(Uitnodiging)
        .where(col(Uitnodiging.id) == uitnodiging_id, col(Uitnodiging.gebruikt_op).is_(None))
        .values(gebruikt_op=nu)
    )
    return resultaat.rowcount == 1


def tel_poging(
    *, session: Session, sleutel: str, nu: datetime, vergeten_voor: datetime
) -> int | None:
    """Count one sign-in attempt for ``sleutel``; the new count, or None while it must wait.

    One statement (an upsert with ``WHERE`` and ``RETURNING``), run before the password is
    checked, so parallel attempts are never lost and none gets through once the wait is set. A
    count whose latest attempt is older than ``vergeten_voor`` starts again at 1. The caller
    sets the wait (``zet_wacht``) in the same transaction; the row stays locked until then.
    """
    invoegen = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = invoegen(InlogTeller).values(sleutel=sleutel, pogingen=1, laatste=nu)
    bestaand = InlogTeller.__table__.c  # the row already stored (the conflict target)
    stmt = stmt.on_conflict_do_update(
        index_elements=["sleutel"],
        set_={
            "pogingen": case((bestaand.laatste < vergeten_voor, 1), else_=bestaand.pogingen + 1),
            "laatste": nu,
        },
        where=or_(bestaand.wacht_tot.is_(None), bestaand.wacht_tot <= nu),
    )
    return session.execute(stmt.returning(bestaand.pogingen)).scalar_one_or_none()


def ruim_tellers_op(*, session: Session, vergeten_voor: datetime) -> None:
    """Delete counters without attempts since ``vergeten_voor`` (they would start at 1 anyway),
    so addresses sprayed by an attacker do not pile up. Skips rows another attempt holds."""
    oud = (
        select(InlogTeller.sleutel)
        .where(col(InlogTeller.laatste) < vergeten_voor)
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(InlogTeller).where(col(InlogTeller.sleutel).in_(oud.scalar_subquery())))


def zet_wacht(*, session: Session, sleutel: str, wacht_tot: datetime | None) -> None:
    session.execute(
        update(InlogTeller).where(col(InlogTeller.sleutel) == sleutel).values(wacht_tot=wacht_tot)
    )


def wacht_tot(*, session: Session, sleutel: str) -> datetime | None:
    """Until when attempts for ``sleutel`` wait (None: no counter or no wait)."""
    teller = session.get(InlogTeller, sleutel)
    return teller.wacht_tot if teller is not None else None


def tellers(*, session: Session, sleutels: Iterable[str]) -> dict[str, InlogTeller]:
    stmt = select(InlogTeller).where(col(InlogTeller.sleutel).in_(list(sleutels)))
    return {t.sleutel: t for t in session.exec(stmt)}


def wis_teller(*, session: Session, sleutel: str) -> None:
    """Forget the attempts of ``sleutel`` (after a success, or a beheerder lifting the wait)."""
    session.execute(delete(InlogTeller).where(col(InlogTeller.sleutel) == sleutel))
