"""Accounts and invitations: queries and writes. The rules (hashing, lockout, who may) live
in ``monitor.invullen.accounts``; every function works in the caller's session."""

from __future__ import annotations

from sqlmodel import Session, select

from monitor.models import Account, Uitnodiging


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
