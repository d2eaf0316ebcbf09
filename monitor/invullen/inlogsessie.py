"""A sign-in that survives reloads and process changes: a signed cookie and a session row.

The cookie holds a random token and its HMAC signature (key: ``config.sessie_geheim``, the same
in every process); the database holds only the token's hash, in an ``Inlogsessie`` row. So every
app process behind the proxy can tell who is signed in, and ending the row (sign-out, a blocked
account) ends the sign-in in every tab and process at once.

How a sign-in gets its cookie: the Streamlit page checks the password (``accounts.inloggen``),
the invitation or the demo choice, then :func:`start` makes the row with a one-time handover
code that lives two minutes. The page hands that code to the browser, which posts it to our own
route in ``serve.py``; :func:`cookie_voor_overdracht` redeems it once and returns the cookie
value. An attacker cannot sign a victim in with his own account (login CSRF): the code only
reaches the tab that signed in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from monitor.invullen import accounts
from monitor.models import Inlogsessie
from monitor.rechten import Gebruiker
from monitor.store import accounts as accounts_store
from monitor.store import inlogsessies, sessie
from monitor.store.sessie import Engine, Session

COOKIE = "monitor_sessie"
ROUTE_SESSIE = "/api/sessie"  # POST code=…: sets the cookie (serve.py)
ROUTE_UITLOGGEN = "/api/uitloggen"  # POST: ends the cookie's session and deletes the cookie
CSRF_KOP = "X-Monitor-Csrf"  # a cross-site form cannot send a custom header
OVERDRACHT_GELDIG = timedelta(minutes=2)
AANRAAK_INTERVAL = timedelta(minutes=1)  # note activity at most this often (one write a minute)
MAX_COOKIE_LENGTE = 200


@dataclass(frozen=True)
class Termijnen:
    """How long a sign-in lasts: ``idle`` without activity, ``absoluut`` since it began."""

    idle: timedelta
    absoluut: timedelta


@dataclass(frozen=True)
class Ingelogd:
    gebruiker: Gebruiker
    sessie_id: int


def _hash(waarde: str) -> str:
    return hashlib.sha256(waarde.encode()).hexdigest()


def _handtekening(token: str, geheim: bytes) -> str:
    digest = hmac.new(geheim, token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def teken(token: str, geheim: bytes) -> str:
    """The cookie value for ``token``: ``token.signature``."""
    return f"{token}.{_handtekening(token, geheim)}"


def token_uit_cookie(waarde: str | None, geheim: bytes) -> str | None:
    """The token of a correctly signed cookie value; ``None`` for anything else."""
    if not waarde or len(waarde) > MAX_COOKIE_LENGTE or waarde.count(".") != 1:
        return None
    token, handtekening = waarde.split(".")
    if not token or not hmac.compare_digest(handtekening, _handtekening(token, geheim)):
        return None
    return token


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; all stored times are UTC."""
    if moment is None or moment.tzinfo:
        return moment
    return moment.replace(tzinfo=UTC)


def start(
    engine: Engine, gebruiker: Gebruiker, nu: datetime, termijnen: Termijnen
) -> tuple[int, str]:
    """Open a session row for a user who just signed in.

    Returns ``(sessie_id, overdracht_code)``: the code is shown once to this tab, which trades
    it for the cookie at the route in ``serve.py``.
    """
    if gebruiker.account_id is None:
        raise ValueError("Alleen een account kan een inlogsessie hebben.")
    code = secrets.token_urlsafe(32)
    with sessie.schrijf(engine) as session:
        inlogsessies.verwijder_beeindigd(session, gebruiker.account_id, nu)
        rij = inlogsessies.voeg_toe(
            session,
            Inlogsessie(
                token_hash=_hash(secrets.token_urlsafe(32)),  # replaced when the code is redeemed
                account_id=gebruiker.account_id,
                aangemaakt_op=nu,
                laatst_actief=nu,
                verloopt_op=nu + termijnen.absoluut,
                overdracht_hash=_hash(code),
                overdracht_verloopt_op=nu + OVERDRACHT_GELDIG,
            ),
        )
        sessie_id = rij.id
    return sessie_id, code


def cookie_voor_overdracht(engine: Engine, code: str, nu: datetime, geheim: bytes) -> str | None:
    """Redeem a handover code once: the signed cookie value, or ``None`` when it is not valid."""
    if not code or len(code) > MAX_COOKIE_LENGTE:
        return None
    with sessie.schrijf(engine) as session:
        rij = inlogsessies.by_overdracht_hash(session, _hash(code))
        if rij is None:
            return None
        verloopt = _aware(rij.overdracht_verloopt_op)
        rij.overdracht_hash = None  # once, even when it came too late
        rij.overdracht_verloopt_op = None
        if rij.ingetrokken_op is not None or verloopt is None or verloopt < nu:
            return None
        token = secrets.token_urlsafe(32)
        rij.token_hash = _hash(token)
    return teken(token, geheim)


def _geldig(
    session: Session, rij: Inlogsessie | None, nu: datetime, idle: timedelta
) -> Gebruiker | None:
    """The signed-in user of a live row, or ``None`` (revoked, idle, past its end, blocked)."""
    if rij is None or rij.ingetrokken_op is not None:
        return None
    if nu > _aware(rij.verloopt_op) or accounts.sessie_verlopen(
        _aware(rij.laatst_actief), nu, int(idle.total_seconds() // 60)
    ):
        return None
    account = accounts_store.account(session, rij.account_id)
    if account is None or not account.actief:
        return None
    return accounts.als_gebruiker(account)


def _aanraken(engine: Engine, sessie_id: int, laatst: datetime, nu: datetime) -> None:
    if nu - laatst < AANRAAK_INTERVAL:
        return
    with sessie.schrijf(engine) as session:
        rij = inlogsessies.sessie(session, sessie_id)
        if rij is not None:
            rij.laatst_actief = nu


def gebruiker_voor_cookie(
    engine: Engine, waarde: str | None, nu: datetime, geheim: bytes, idle: timedelta
) -> Ingelogd | None:
    """Who a cookie signs in, noting the activity; ``None`` (the public view) otherwise."""
    token = token_uit_cookie(waarde, geheim)
    if token is None:
        return None
    with sessie.lees(engine) as session:
        rij = inlogsessies.by_token_hash(session, _hash(token))
        gebruiker = _geldig(session, rij, nu, idle)
        if gebruiker is None:
            return None
        sessie_id, laatst = rij.id, _aware(rij.laatst_actief)
    _aanraken(engine, sessie_id, laatst, nu)
    return Ingelogd(gebruiker, sessie_id)


def gebruiker_voor_sessie(
    engine: Engine, sessie_id: int, nu: datetime, idle: timedelta
) -> Gebruiker | None:
    """The user of a tab's own session row, while it lives (checked on every rerun)."""
    with sessie.lees(engine) as session:
        rij = inlogsessies.sessie(session, sessie_id)
        gebruiker = _geldig(session, rij, nu, idle)
        if gebruiker is None:
            return None
        laatst = _aware(rij.laatst_actief)
    _aanraken(engine, sessie_id, laatst, nu)
    return gebruiker


def beeindig(engine: Engine, sessie_id: int, nu: datetime) -> None:
    """Sign out: the row ends, so the cookie opens nothing anywhere any more."""
    with sessie.schrijf(engine) as session:
        rij = inlogsessies.sessie(session, sessie_id)
        if rij is not None and rij.ingetrokken_op is None:
            rij.ingetrokken_op = nu


def beeindig_cookie(engine: Engine, waarde: str | None, nu: datetime, geheim: bytes) -> None:
    """Sign out by cookie (the route): ends its row, if the cookie is genuine."""
    token = token_uit_cookie(waarde, geheim)
    if token is None:
        return
    with sessie.schrijf(engine) as session:
        rij = inlogsessies.by_token_hash(session, _hash(token))
        if rij is not None and rij.ingetrokken_op is None:
            rij.ingetrokken_op = nu
