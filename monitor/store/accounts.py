"""Accounts, invitations and sign-in counters: queries and writes. The rules (hashing, delays,
who may) live in ``monitor.invullen.accounts``; every function works in the caller's session.

The two writes that parallel requests race for are single conditional statements, so that the
database decides who wins on SQLite and PostgreSQL alike: an invitation is marked used by
``UPDATE … WHERE gebruikt_op IS NULL``, and a sign-in attempt is counted by
``UPDATE … SET pogingen = pogingen + 1 WHERE wacht_tot <= nu RETURNING pogingen``.
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

    Counted before the password is checked, in one statement, so parallel attempts are never
    lost and none gets through once the wait is set. A count whose latest attempt is older than
    ``vergeten_voor`` starts again at 1. The caller sets the wait (``zet_wacht``) in the same
    transaction; the row stays locked until then.
    """
    invoegen = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        invoegen(InlogTeller)
        .values(sleutel=sleutel, pogingen=0, laatste=nu)
        .on_conflict_do_nothing(index_elements=["sleutel"])
    )
    nieuw = session.execute(
        update(InlogTeller)
        .where(
            col(InlogTeller.sleutel) == sleutel,
            or_(col(InlogTeller.wacht_tot).is_(None), col(InlogTeller.wacht_tot) <= nu),
        )
        .values(
            pogingen=case(
                (col(InlogTeller.laatste) < vergeten_voor, 1),
                else_=col(InlogTeller.pogingen) + 1,
            ),
            laatste=nu,
        )
        .returning(col(InlogTeller.pogingen))
    ).scalar_one_or_none()
    return nieuw


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
