"""Local accounts: sign-in with argon2 hashes, lockout, one-time invitations, demo accounts.

Every function works in the caller's session (one transaction). Messages are Dutch and never
tell whether an e-mail address exists (no account enumeration).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from monitor.config import get_settings
from monitor.domain import ROL_LABELS, Rol
from monitor.errors import MonitorFout
from monitor.models import Account, Uitnodiging
from monitor.opmaak.tekst import tijd
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import accounts as accounts_store
from monitor.store import lezen, schrijven, sessie
from monitor.store.sessie import Engine, Session

MAX_MISLUKTE_POGINGEN = 5
BLOKKADE = timedelta(minutes=15)
MIN_WACHTWOORD_LENGTE = 12
UITNODIGING_GELDIG = timedelta(days=14)
DEMO_DOMEIN = "demo.invalid"  # a reserved domain: demo accounts can never receive mail

# Production: argon2-cffi's defaults (RFC 9106 low-memory profile: 64 MiB, t=3, p=4).
_PRODUCTIE_HASHER = PasswordHasher()
# Tests only (MONITOR_ARGON2_TEST=1, set by tests/conftest.py): the cheapest argon2id the
# library allows, so that a test spends microseconds instead of ~100 ms per hash. A hash made
# this way is rehashed with the production parameters at the next sign-in without the variable.
_TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ONJUISTE_INLOG = "E-mailadres of wachtwoord onjuist."


class InlogFout(MonitorFout):
    """Sign-in refused; the message is safe to show."""


@dataclass(frozen=True)
class NieuweUitnodiging:
    token: str  # shown once to the beheerder, as part of the link; only its hash is stored
    organisatie_code: str
    verloopt_op: datetime


def _hasher() -> PasswordHasher:
    """The one argon2 hasher: production parameters unless the test variable is set."""
    return _TEST_HASHER if get_settings().argon2_test else _PRODUCTIE_HASHER


def hash_wachtwoord(wachtwoord: str) -> str:
    return _hasher().hash(wachtwoord)


def _wachtwoord_klopt(account: Account, wachtwoord: str) -> bool:
    if not account.password_hash:
        return False
    try:
        return _hasher().verify(account.password_hash, wachtwoord)
    except (VerificationError, InvalidHashError):
        return False


def controleer_wachtwoord_eisen(wachtwoord: str) -> None:
    """Refuse weak passwords with a message that says what is missing."""
    if len(wachtwoord) < MIN_WACHTWOORD_LENGTE:
        raise MonitorFout(
            f"Wachtwoord: gebruik minstens {MIN_WACHTWOORD_LENGTE} tekens (nu {len(wachtwoord)})."
        )
    if wachtwoord.isalpha() or wachtwoord.isdigit():
        raise MonitorFout("Wachtwoord: gebruik naast letters ook cijfers of leestekens.")


def normaliseer_email(email: str) -> str:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise MonitorFout(f"E-mailadres '{email}' is geen geldig e-mailadres.")
    return email


def als_gebruiker(account: Account) -> Gebruiker:
    return Gebruiker(
        rol=Rol(account.rol),
        naam=account.naam or account.email,
        organisatie_code=account.organisatie_code,
        account_id=account.id,
    )


def _audit(session: Session, door: str, sleutel: str, veld: str, oud, nieuw, nu: datetime) -> None:
    schrijven.audit(
        session=session,
        op=nu,
        door=door,
        bron="accounts",
        tabel="account",
        sleutel=sleutel,
        veld=veld,
        oud=oud,
        nieuw=nieuw,
    )


def inloggen(engine: Engine, email: str, wachtwoord: str, nu: datetime) -> Gebruiker:
    """Check e-mail and password; count failures and lock the account for a while after 5.

    Its own transaction: a failed attempt must be recorded even though the sign-in is refused.
    """
    with sessie.schrijf(engine) as session:
        gebruiker, fout = _controleer_inlog(session, email, wachtwoord, nu)
    if fout is not None:
        raise InlogFout(fout)
    return gebruiker


def _controleer_inlog(
    session: Session, email: str, wachtwoord: str, nu: datetime
) -> tuple[Gebruiker | None, str | None]:
    try:
        email = normaliseer_email(email)
    except MonitorFout:
        return None, ONJUISTE_INLOG
    account = accounts_store.account_by_email(session, email)
    if account is None or not account.actief:
        _hasher().hash(wachtwoord)  # same work as a real check: timing does not reveal accounts
        return None, ONJUISTE_INLOG
    if account.geblokkeerd_tot is not None and _aware(account.geblokkeerd_tot) > nu:
        return None, (
            "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. "
            f"Probeer het na {tijd(account.geblokkeerd_tot)} uur opnieuw, of "
            "vraag een beheerder om het te deblokkeren."
        )
    if not _wachtwoord_klopt(account, wachtwoord):
        account.mislukte_pogingen += 1
        if account.mislukte_pogingen >= MAX_MISLUKTE_POGINGEN:
            account.geblokkeerd_tot = nu + BLOKKADE
            account.mislukte_pogingen = 0
            _audit(session, email, email, "geblokkeerd_tot", None, account.geblokkeerd_tot, nu)
        return None, ONJUISTE_INLOG
    account.mislukte_pogingen = 0
    account.geblokkeerd_tot = None
    if _hasher().check_needs_rehash(account.password_hash or ""):
        account.password_hash = hash_wachtwoord(wachtwoord)
    return als_gebruiker(account), None


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; all stored times are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def maak_account(
    session: Session,
    gebruiker: Gebruiker,
    *,
    email: str,
    naam: str,
    rol: Rol,
    organisatie_code: str | None,
    wachtwoord: str | None,
    nu: datetime,
) -> Account:
    """A beheerder creates an account (invullers belong to exactly one organisation)."""
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "accounts aanmaken")
    return _nieuw_account(session, email, naam, rol, organisatie_code, wachtwoord, nu, gebruiker)


def _nieuw_account(
    session: Session,
    email: str,
    naam: str,
    rol: Rol,
    organisatie_code: str | None,
    wachtwoord: str | None,
    nu: datetime,
    door: Gebruiker,
) -> Account:
    email = normaliseer_email(email)
    if rol == Rol.PUBLIEK:
        raise MonitorFout("Rol: een account heeft de rol beheerder, kijker of invuller.")
    if rol == Rol.INVULLER:
        if not organisatie_code or lezen.organisatie(session, organisatie_code) is None:
            raise MonitorFout(
                f"Organisatie: '{organisatie_code or ''}' bestaat niet; een invuller hoort bij "
                "precies één organisatie."
            )
    else:
        organisatie_code = None
    if accounts_store.account_by_email(session, email) is not None:
        raise MonitorFout(f"E-mailadres: er bestaat al een account voor {email}.")
    if wachtwoord is not None:
        controleer_wachtwoord_eisen(wachtwoord)
    account = accounts_store.voeg_account_toe(
        session,
        Account(
            email=email,
            naam=naam.strip(),
            rol=rol.value,
            organisatie_code=organisatie_code,
            password_hash=hash_wachtwoord(wachtwoord) if wachtwoord is not None else None,
            aangemaakt_op=nu,
        ),
    )
    _audit(session, door.naam, email, "rol", None, ROL_LABELS[rol], nu)
    return account


def deblokkeer(session: Session, gebruiker: Gebruiker, account_id: int, nu: datetime) -> None:
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "accounts deblokkeren")
    account = accounts_store.account(session, account_id)
    if account is None:
        raise MonitorFout(f"Account {account_id} bestaat niet.")
    _audit(
        session, gebruiker.naam, account.email, "geblokkeerd_tot", account.geblokkeerd_tot, None, nu
    )
    account.geblokkeerd_tot = None
    account.mislukte_pogingen = 0


def accounts(session: Session, gebruiker: Gebruiker) -> list[Account]:
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "de lijst van accounts")
    return accounts_store.accounts(session)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def maak_uitnodiging(
    session: Session, gebruiker: Gebruiker, organisatie_code: str, nu: datetime
) -> NieuweUitnodiging:
    """A one-time link for an organisation's invuller; only the token's hash is stored."""
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "uitnodigingen maken")
    if lezen.organisatie(session, organisatie_code) is None:
        raise MonitorFout(f"Organisatie '{organisatie_code}' bestaat niet.")
    token = secrets.token_urlsafe(32)
    verloopt_op = nu + UITNODIGING_GELDIG
    accounts_store.voeg_uitnodiging_toe(
        session,
        Uitnodiging(
            token_hash=_token_hash(token),
            organisatie_code=organisatie_code,
            rol=Rol.INVULLER.value,
            verloopt_op=verloopt_op,
            aangemaakt_door=gebruiker.naam,
        ),
    )
    return NieuweUitnodiging(token, organisatie_code, verloopt_op)


def uitnodiging_voor(session: Session, token: str, nu: datetime) -> Uitnodiging:
    """The open invitation behind a token, or a refusal that says why."""
    uitnodiging = accounts_store.uitnodiging_by_hash(session, _token_hash(token.strip()))
    if uitnodiging is None:
        raise InlogFout("Deze uitnodigingslink is onbekend. Vraag een beheerder om een nieuwe.")
    if uitnodiging.gebruikt_op is not None:
        raise InlogFout("Deze uitnodigingslink is al gebruikt. Log in met uw e-mailadres.")
    if _aware(uitnodiging.verloopt_op) < nu:
        raise InlogFout("Deze uitnodigingslink is verlopen. Vraag een beheerder om een nieuwe.")
    return uitnodiging


def accepteer_uitnodiging(
    session: Session, token: str, *, email: str, naam: str, wachtwoord: str, nu: datetime
) -> Gebruiker:
    """Turn an invitation into an invuller account for its organisation (once)."""
    uitnodiging = uitnodiging_voor(session, token, nu)
    door = Gebruiker(rol=Rol.INVULLER, naam=f"uitnodiging {uitnodiging.id}")
    account = _nieuw_account(
        session,
        email,
        naam,
        Rol(uitnodiging.rol),
        uitnodiging.organisatie_code,
        wachtwoord,
        nu,
        door,
    )
    uitnodiging.gebruikt_op = nu
    return als_gebruiker(account)


def demo_account(
    session: Session, rol: Rol, organisatie_code: str | None, nu: datetime
) -> Gebruiker:
    """The password-less account behind a demo sign-in (created on first use)."""
    code = organisatie_code if rol == Rol.INVULLER else None
    email = f"{rol.value}{'-' + code.lower() if code else ''}@{DEMO_DOMEIN}"
    account = accounts_store.account_by_email(session, email)
    if account is None:
        naam = f"Demo {ROL_LABELS[rol].split(' ')[0].lower()}"
        door = Gebruiker(rol=Rol.BEHEERDER, naam="demo-inlog")
        account = _nieuw_account(session, email, naam, rol, code, None, nu, door)
    return als_gebruiker(account)


def gebruiker_voor_oidc(session: Session, email: str) -> Gebruiker | None:
    """Map a user signed in through OIDC (``st.login``) to an active local account."""
    try:
        account = accounts_store.account_by_email(session, normaliseer_email(email))
    except MonitorFout:
        return None
    if account is None or not account.actief:
        return None
    return als_gebruiker(account)


def sessie_verlopen(laatst_actief: datetime, nu: datetime, minuten: int) -> bool:
    """A sign-in lapses after ``minuten`` without any activity."""
    return nu - laatst_actief > timedelta(minutes=minuten)
