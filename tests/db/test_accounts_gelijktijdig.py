"""Sign-in and invitations under attack (SQLite and PostgreSQL): parallel requests, and refusals
that reveal nothing.

Each test starts its threads together through a ``threading.Barrier``, the way an attacker
fires a batch of requests at once. Before the conditional updates, PostgreSQL made 8 accounts
from one invitation and checked every password of a batch while losing failure counts.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlmodel import select

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.invullen import accounts
from monitor.models import Account, InlogTeller
from tests.db.invul_fixtures import BEHEERDER, NU, WACHTWOORD, met_invulleraccount

THREADS = 8
POGINGEN = 20


class TellendeHasher(PasswordHasher):
    """A PasswordHasher that notes every hash it verifies (list.append is thread-safe)."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)  # the tests' cheap profile
        self.geverifieerd: list[str] = []

    def verify(self, hash, password):  # noqa: A002 - argon2's own parameter name
        self.geverifieerd.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch):
    tellend = TellendeHasher()
    monkeypatch.setattr(accounts, "_hasher", lambda: tellend)
    return tellend


@pytest.fixture
def met_account(engine):
    return met_invulleraccount(engine)


def _tegelijk(aantal, taak):
    """Run ``taak(i)`` in ``aantal`` threads released at the same moment; results or errors."""
    start = threading.Barrier(aantal)

    def na_start(i):
        start.wait()
        try:
            return taak(i)
        except Exception as fout:  # noqa: BLE001 - the test inspects what each thread got
            return fout

    with ThreadPoolExecutor(aantal) as pool:
        return list(pool.map(na_start, range(aantal)))


def test_eight_parallel_acceptances_of_one_invitation_make_exactly_one_account(met_account):
    with write_session(met_account) as session:
        uitnodiging = accounts.maak_uitnodiging(session, BEHEERDER, "GM0344", NU)

    def accepteer(i):
        with write_session(met_account) as session:
            return accounts.accepteer_uitnodiging(
                session,
                uitnodiging.token,
                email=f"persoon{i}@utrecht.nl",
                naam=f"Persoon {i}",
                wachtwoord=WACHTWOORD,
                nu=NU + timedelta(days=1),
            )

    uitkomsten = _tegelijk(THREADS, accepteer)
    gelukt = [u for u in uitkomsten if not isinstance(u, Exception)]
    geweigerd = [str(u) for u in uitkomsten if isinstance(u, Exception)]
    assert len(gelukt) == 1
    assert geweigerd == [accounts.GEBRUIKTE_UITNODIGING] * (THREADS - 1)
    with read_session(met_account) as session:
        utrecht = session.exec(select(Account).where(Account.organisatie_code == "GM0344")).all()
    assert [a.naam for a in utrecht] == [gelukt[0].naam]


def test_parallel_wrong_passwords_are_all_counted_and_none_checked_after_the_wait(
    met_account, hasher
):
    def probeer(i):
        return accounts.inloggen(met_account, "anna@amsterdam.nl", f"gok nummer {i:03d}", NU)

    uitkomsten = _tegelijk(POGINGEN, probeer)
    gewacht = [u for u in uitkomsten if u.wacht_seconden]
    onjuist = [u for u in uitkomsten if u.melding == accounts.ONJUISTE_INLOG]
    assert (len(onjuist), len(gewacht)) == (accounts.ADRES_VRIJ, POGINGEN - accounts.ADRES_VRIJ)
    assert len(hasher.geverifieerd) == accounts.ADRES_VRIJ  # the rest waited unchecked
    with read_session(met_account) as session:
        teller = session.get(InlogTeller, accounts._sleutel("adres", "anna@amsterdam.nl"))
    assert teller.pogingen == accounts.ADRES_VRIJ  # no lost updates


def _parameters(argon2_hash: str) -> str:
    """'$argon2id$v=19$m=65536,t=3,p=4': the part of a hash that decides the work."""
    return argon2_hash.rsplit("$", 2)[0]


@pytest.mark.parametrize(
    "email, wachtwoord",
    [
        ("anna@amsterdam.nl", "verkeerd wachtwoord 1"),  # wrong password
        ("niemand@amsterdam.nl", WACHTWOORD),  # unknown address
        ("geen e-mailadres", WACHTWOORD),  # not an address at all
        ("bram@amsterdam.nl", WACHTWOORD),  # inactive account, right password
        (f"invuller-gm0599@{accounts.DEMO_DOMEIN}", ""),  # demo account: no password
    ],
    ids=["fout-wachtwoord", "onbekend", "ongeldig", "inactief", "zonder-wachtwoord"],
)
def test_every_refusal_says_the_same_after_one_verification_of_equal_cost(
    met_account, hasher, email, wachtwoord
):
    with write_session(met_account) as session:
        bram = accounts.maak_account(
            session,
            BEHEERDER,
            email="bram@amsterdam.nl",
            naam="Bram",
            rol=Rol.INVULLER,
            organisatie_code="GM0363",
            wachtwoord=WACHTWOORD,
            nu=NU,
        )
        bram.actief = False
        accounts.demo_account(session, Rol.INVULLER, "GM0599", NU)
        echt = session.exec(select(Account).where(Account.email == "anna@amsterdam.nl")).one()
        echte_parameters = _parameters(echt.password_hash)
    resultaat = accounts.inloggen(met_account, email, wachtwoord, NU)
    assert (resultaat.gebruiker, resultaat.melding) == (None, accounts.ONJUISTE_INLOG)
    assert [_parameters(h) for h in hasher.geverifieerd] == [echte_parameters]


def test_a_waiting_address_is_refused_alike_known_or_not_without_any_verification(
    met_account, hasher
):
    meldingen = {}
    for email in ("anna@amsterdam.nl", "niemand@amsterdam.nl"):
        for _ in range(accounts.ADRES_VRIJ):
            accounts.inloggen(met_account, email, "verkeerd wachtwoord 1", NU)
        hasher.geverifieerd.clear()
        meldingen[email] = accounts.inloggen(met_account, email, WACHTWOORD, NU).melding
        assert hasher.geverifieerd == []
    assert meldingen["anna@amsterdam.nl"] == meldingen["niemand@amsterdam.nl"]
    assert "Probeer het over 1 seconde opnieuw." in meldingen["anna@amsterdam.nl"]
