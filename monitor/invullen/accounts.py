"""Local accounts: sign-in with argon2 hashes and growing delays, one-time invitations, demo
accounts.

Functions work in the caller's session (one transaction), except ``inloggen``, which opens its
own. Messages are Dutch and never tell whether an e-mail address exists (no account
enumeration).
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from monitor import invoer
from monitor.config import get_settings
from monitor.domain import ROL_LABELS, Rol
from monitor.errors import MonitorFout
from monitor.models import Account, Uitnodiging
from monitor.rechten import Gebruiker, Recht, vereis
from monitor.store import accounts as accounts_store
from monitor.store import inlogsessies, lezen, schrijven, sessie
from monitor.store.sessie import Engine, Session

ADRES_VRIJ = 5  # failed sign-ins per e-mail address before the waits start
CLIENT_VRIJ = 20  # failed sign-ins per client (connection) before the waits start
MAX_WACHT = timedelta(seconds=60)  # the waits grow 1, 2, 4 … s up to this: never a lockout
VERGEET = timedelta(hours=1)  # failures older than this no longer count
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
GEBRUIKTE_UITNODIGING = "Deze uitnodigingslink is al gebruikt. Log in met uw e-mailadres."


class InlogFout(MonitorFout):
    """An invitation refused; the message is safe to show."""


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


@dataclass(frozen=True)
class InlogResultaat:
    """The outcome of one sign-in attempt; ``melding`` is Dutch and safe to show."""

    gebruiker: Gebruiker | None
    melding: str | None = None
    wacht_seconden: int = 0  # > 0: too many attempts, no password was checked

    @property
    def gelukt(self) -> bool:
        return self.gebruiker is not None


class _Wachten(Exception):
    """Internal: an attempt arrived during a wait; rolls back the counting transaction."""

    def __init__(self, tot: datetime | None) -> None:
        self.tot = tot


def wachttijd(pogingen: int, vrij: int) -> timedelta:
    """The wait after ``pogingen`` failed attempts: none for the first ``vrij - 1``, then 1, 2,
    4, 8 … seconds, never more than ``MAX_WACHT``."""
    if pogingen < vrij:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(pogingen - vrij, 16)), MAX_WACHT)


def inloggen(
    engine: Engine, email: str, wachtwoord: str, nu: datetime, *, client: str | None = None
) -> InlogResultaat:
    """Check e-mail and password, with growing delays per address and per client.

    Reveals nothing about accounts: an unknown address, a wrong password, an account without a
    password or an inactive one get the same message after the same work (one argon2
    verification, against a dummy hash when there is no real one); the delays count every
    address tried, known or not. The attempt is counted in its own transaction *before* the
    check, so parallel attempts are never lost and none is checked once a wait is set.
    ``client`` identifies the connection (e.g. the IP address); None counts the address only.
    """
    _dummy_hash()  # made once per process, before any check, whatever the address
    adres = email.strip().lower()
    adres_sleutel = _sleutel("adres", adres)
    sleutels = [(adres_sleutel, ADRES_VRIJ)]
    if client:
        sleutels.insert(0, (_sleutel("client", client), CLIENT_VRIJ))
    try:
        with sessie.schrijf(engine) as session:
            _tel_pogingen(session, sleutels, nu)
            account_id, opgeslagen_hash = _account_hash(session, adres)
    except _Wachten as wachten:
        return _wacht_resultaat(wachten.tot, nu)
    if not _verifieer(opgeslagen_hash, wachtwoord) or account_id is None:
        return InlogResultaat(None, ONJUISTE_INLOG)
    with sessie.schrijf(engine) as session:
        accounts_store.wis_teller(session=session, sleutel=adres_sleutel)
        account = accounts_store.account(session, account_id)
        if account is None or not account.actief:  # deactivated while checking
            return InlogResultaat(None, ONJUISTE_INLOG)
        if _hasher().check_needs_rehash(opgeslagen_hash or ""):
            account.password_hash = hash_wachtwoord(wachtwoord)
        return InlogResultaat(als_gebruiker(account))


def _sleutel(soort: str, waarde: str) -> str:
    return f"{soort}:{hashlib.sha256(waarde.encode()).hexdigest()}"


def _tel_pogingen(session: Session, sleutels: list[tuple[str, int]], nu: datetime) -> None:
    """Count the attempt for each key and set its wait; ``_Wachten`` when one must wait."""
    for sleutel, vrij in sleutels:
        pogingen = accounts_store.tel_poging(
            session=session, sleutel=sleutel, nu=nu, vergeten_voor=nu - VERGEET
        )
        if pogingen is None:
            raise _Wachten(accounts_store.wacht_tot(session=session, sleutel=sleutel))
        wacht = wachttijd(pogingen, vrij)
        if wacht:
            accounts_store.zet_wacht(session=session, sleutel=sleutel, wacht_tot=nu + wacht)
    accounts_store.ruim_tellers_op(session=session, vergeten_voor=nu - VERGEET)


def _account_hash(session: Session, adres: str) -> tuple[int | None, str | None]:
    """The id and password hash of the active account behind ``adres`` (None, None if none)."""
    try:
        account = accounts_store.account_by_email(session, normaliseer_email(adres))
    except MonitorFout:
        return None, None
    if account is None or not account.actief or not account.password_hash:
        return None, None
    return account.id, account.password_hash


def _wacht_resultaat(tot: datetime | None, nu: datetime) -> InlogResultaat:
    seconden = max(1, math.ceil(((_aware(tot) if tot else nu) - nu).total_seconds()))
    eenheid = "seconde" if seconden == 1 else "seconden"
    melding = (
        "Te veel mislukte pogingen met dit e-mailadres of vanaf deze verbinding. "
        f"Probeer het over {seconden} {eenheid} opnieuw."
    )
    return InlogResultaat(None, melding, seconden)


def _dummy_hash() -> str:
    """A hash of a random password, made with the same parameters as real ones."""
    return _dummy_hash_van(_hasher())


@cache
def _dummy_hash_van(hasher: PasswordHasher) -> str:
    return hasher.hash(secrets.token_urlsafe(16))


def _verifieer(opgeslagen_hash: str | None, wachtwoord: str) -> bool:
    """Exactly one argon2 verification per attempt, whether or not there is an account."""
    try:
        return _hasher().verify(opgeslagen_hash or _dummy_hash(), wachtwoord) and bool(
            opgeslagen_hash
        )
    except (VerificationError, InvalidHashError):
        return False


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
    invoer.controleer_tekst(naam.strip(), invoer.ACCOUNTNAAM, waar="Naam")
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


def wacht_per_account(session: Session, gebruiker: Gebruiker, nu: datetime) -> dict[int, datetime]:
    """Accounts whose address must wait before the next sign-in attempt: id → until when."""
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "de wachttijden van accounts")
    per_sleutel = {_sleutel("adres", a.email): a.id for a in accounts_store.accounts(session)}
    tellers = accounts_store.tellers(session=session, sleutels=per_sleutel)
    return {
        per_sleutel[s]: _aware(t.wacht_tot)
        for s, t in tellers.items()
        if t.wacht_tot is not None and _aware(t.wacht_tot) > nu
    }


def hef_wacht_op(session: Session, gebruiker: Gebruiker, account_id: int, nu: datetime) -> None:
    """A beheerder forgets the failed sign-ins of an account's address (its wait ends now)."""
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "wachttijden opheffen")
    account = accounts_store.account(session, account_id)
    if account is None:
        raise MonitorFout(f"Account {account_id} bestaat niet.")
    sleutel = _sleutel("adres", account.email)
    oud = accounts_store.wacht_tot(session=session, sleutel=sleutel)
    _audit(session, gebruiker.naam, account.email, "wacht_tot", oud, None, nu)
    accounts_store.wis_teller(session=session, sleutel=sleutel)


def blokkeer(session: Session, gebruiker: Gebruiker, account_id: int, nu: datetime) -> None:
    """A beheerder blocks an account: it can no longer sign in, and every open sign-in ends."""
    vereis(gebruiker, Recht.ACCOUNTS_BEHEREN, "accounts blokkeren")
    account = accounts_store.account(session, account_id)
    if account is None:
        raise MonitorFout(f"Account {account_id} bestaat niet.")
    if account.id == gebruiker.account_id:
        raise MonitorFout("U kunt uw eigen account niet blokkeren.")
    _audit(session, gebruiker.naam, account.email, "actief", account.actief, False, nu)
    account.actief = False
    inlogsessies.trek_in_voor_account(session, account_id, nu)


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
        raise InlogFout(GEBRUIKTE_UITNODIGING)
    if _aware(uitnodiging.verloopt_op) < nu:
        raise InlogFout("Deze uitnodigingslink is verlopen. Vraag een beheerder om een nieuwe.")
    return uitnodiging


def accepteer_uitnodiging(
    session: Session, token: str, *, email: str, naam: str, wachtwoord: str, nu: datetime
) -> Gebruiker:
    """Turn an invitation into an invuller account for its organisation (once)."""
    uitnodiging = uitnodiging_voor(session, token, nu)
    if not accounts_store.markeer_uitnodiging_gebruikt(
        session=session, uitnodiging_id=uitnodiging.id, nu=nu
    ):  # a parallel request was first; it held the row until it committed
        raise InlogFout(GEBRUIKTE_UITNODIGING)
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
