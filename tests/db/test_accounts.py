"""Local accounts (SQLite and PostgreSQL): argon2, lockout, invitations, demo accounts."""

from datetime import timedelta

import pytest
from sqlmodel import select

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.invullen import accounts
from monitor.models import Account, Uitnodiging
from monitor.rechten import Gebruiker
from monitor.rondes.initialisatie import init_database
from tests.db.invul_fixtures import BEHEERDER, KIJKER, NU

WACHTWOORD = "correct paard batterij 7"


@pytest.fixture
def met_account(engine):
    init_database(engine)
    with write_session(engine) as session:
        accounts.maak_account(
            session,
            BEHEERDER,
            email="Anna@Amsterdam.nl ",
            naam="Anna",
            rol=Rol.INVULLER,
            organisatie_code="GM0363",
            wachtwoord=WACHTWOORD,
            nu=NU,
        )
    return engine


def _inloggen(engine, wachtwoord, nu=NU, email="anna@amsterdam.nl"):
    return accounts.inloggen(engine, email, wachtwoord, nu)


def test_passwords_are_stored_as_argon2_hashes_and_sign_in_gives_the_organisation(met_account):
    with read_session(met_account) as session:
        account = session.exec(select(Account)).one()
    assert account.email == "anna@amsterdam.nl"
    assert (
        account.password_hash.startswith("$argon2id$") and WACHTWOORD not in account.password_hash
    )
    gebruiker = _inloggen(met_account, WACHTWOORD)
    assert (gebruiker.rol, gebruiker.organisatie_code, gebruiker.account_id) == (
        Rol.INVULLER,
        "GM0363",
        account.id,
    )


def test_production_uses_full_argon2_cost_and_upgrades_a_cheap_test_hash(met_account, monkeypatch):
    """The one run at production cost: without MONITOR_ARGON2_TEST a sign-in rehashes the
    cheap hash made under the test variable with 64 MiB, three passes and four lanes."""
    with read_session(met_account) as session:
        goedkoop = session.exec(select(Account)).one().password_hash
    assert goedkoop.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    monkeypatch.delenv("MONITOR_ARGON2_TEST")
    assert _inloggen(met_account, WACHTWOORD).naam == "Anna"
    with read_session(met_account) as session:
        productie = session.exec(select(Account)).one().password_hash
    assert productie.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert _inloggen(met_account, WACHTWOORD).naam == "Anna"
    assert accounts.hash_wachtwoord(WACHTWOORD).startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_wrong_password_and_unknown_address_get_the_same_message(met_account):
    with pytest.raises(accounts.InlogFout) as fout_wachtwoord:
        _inloggen(met_account, "verkeerd wachtwoord 1")
    with pytest.raises(accounts.InlogFout) as fout_onbekend:
        _inloggen(met_account, WACHTWOORD, email="niemand@example.nl")
    assert str(fout_wachtwoord.value) == str(fout_onbekend.value) == accounts.ONJUISTE_INLOG


def test_five_failures_lock_the_account_for_fifteen_minutes(met_account):
    for _ in range(accounts.MAX_MISLUKTE_POGINGEN):
        with pytest.raises(accounts.InlogFout, match="onjuist"):
            _inloggen(met_account, "verkeerd wachtwoord 1")
    with pytest.raises(accounts.InlogFout, match="tijdelijk geblokkeerd"):
        _inloggen(met_account, WACHTWOORD, nu=NU + timedelta(minutes=14))
    assert _inloggen(met_account, WACHTWOORD, nu=NU + timedelta(minutes=16)).naam == "Anna"


def test_a_beheerder_can_unlock_an_account(met_account):
    for _ in range(accounts.MAX_MISLUKTE_POGINGEN):
        with pytest.raises(accounts.InlogFout):
            _inloggen(met_account, "verkeerd wachtwoord 1")
    with write_session(met_account) as session:
        account = session.exec(select(Account)).one()
        with pytest.raises(GeenToegang):
            accounts.deblokkeer(session, KIJKER, account.id, NU)
        accounts.deblokkeer(session, BEHEERDER, account.id, NU)
    assert _inloggen(met_account, WACHTWOORD).naam == "Anna"


def test_only_a_beheerder_creates_accounts_and_weak_passwords_are_refused(met_account):
    with write_session(met_account) as session:
        with pytest.raises(GeenToegang):
            accounts.maak_account(
                session,
                KIJKER,
                email="x@y.nl",
                naam="X",
                rol=Rol.KIJKER,
                organisatie_code=None,
                wachtwoord=WACHTWOORD,
                nu=NU,
            )
        with pytest.raises(MonitorFout, match="minstens 12 tekens"):
            accounts.maak_account(
                session,
                BEHEERDER,
                email="x@y.nl",
                naam="X",
                rol=Rol.KIJKER,
                organisatie_code=None,
                wachtwoord="kort1",
                nu=NU,
            )
        with pytest.raises(MonitorFout, match="bestaat al een account"):
            accounts.maak_account(
                session,
                BEHEERDER,
                email="anna@amsterdam.nl",
                naam="A",
                rol=Rol.KIJKER,
                organisatie_code=None,
                wachtwoord=WACHTWOORD,
                nu=NU,
            )
        with pytest.raises(MonitorFout, match="Organisatie: 'GM9999' bestaat niet"):
            accounts.maak_account(
                session,
                BEHEERDER,
                email="z@y.nl",
                naam="Z",
                rol=Rol.INVULLER,
                organisatie_code="GM9999",
                wachtwoord=WACHTWOORD,
                nu=NU,
            )


def test_an_invitation_link_makes_one_invuller_account_once(met_account):
    with write_session(met_account) as session:
        with pytest.raises(GeenToegang):
            accounts.maak_uitnodiging(session, KIJKER, "GM0344", NU)
        uitnodiging = accounts.maak_uitnodiging(session, BEHEERDER, "GM0344", NU)
    with read_session(met_account) as session:
        opgeslagen = session.exec(select(Uitnodiging)).one()
    assert uitnodiging.token not in opgeslagen.token_hash  # only the hash is stored
    with write_session(met_account) as session:
        gebruiker = accounts.accepteer_uitnodiging(
            session,
            uitnodiging.token,
            email="carla@utrecht.nl",
            naam="Carla",
            wachtwoord=WACHTWOORD,
            nu=NU + timedelta(days=1),
        )
    assert (gebruiker.rol, gebruiker.organisatie_code) == (Rol.INVULLER, "GM0344")
    with (
        write_session(met_account) as session,
        pytest.raises(accounts.InlogFout, match="al gebruikt"),
    ):
        accounts.accepteer_uitnodiging(
            session,
            uitnodiging.token,
            email="dirk@utrecht.nl",
            naam="Dirk",
            wachtwoord=WACHTWOORD,
            nu=NU + timedelta(days=2),
        )
    assert _inloggen(met_account, WACHTWOORD, email="carla@utrecht.nl").naam == "Carla"


def test_an_expired_or_unknown_invitation_is_refused(met_account):
    with write_session(met_account) as session:
        uitnodiging = accounts.maak_uitnodiging(session, BEHEERDER, "GM0344", NU)
    with read_session(met_account) as session:
        with pytest.raises(accounts.InlogFout, match="verlopen"):
            accounts.uitnodiging_voor(session, uitnodiging.token, NU + timedelta(days=15))
        with pytest.raises(accounts.InlogFout, match="onbekend"):
            accounts.uitnodiging_voor(session, "geen-echt-token", NU)


def test_demo_sign_in_reuses_one_passwordless_account_per_role_and_organisation(met_account):
    with write_session(met_account) as session:
        eerste = accounts.demo_account(session, Rol.INVULLER, "GM0599", NU)
        tweede = accounts.demo_account(session, Rol.INVULLER, "GM0599", NU)
        kijker = accounts.demo_account(session, Rol.KIJKER, "GM0599", NU)
    assert eerste.account_id == tweede.account_id != kijker.account_id
    assert (eerste.organisatie_code, kijker.organisatie_code) == ("GM0599", None)
    with pytest.raises(accounts.InlogFout):  # no password: never a password sign-in
        _inloggen(met_account, "", email=f"invuller-gm0599@{accounts.DEMO_DOMEIN}")


def test_oidc_maps_to_an_active_account_by_email(met_account):
    with read_session(met_account) as session:
        assert (
            accounts.gebruiker_voor_oidc(session, "ANNA@amsterdam.nl").organisatie_code == "GM0363"
        )
        assert accounts.gebruiker_voor_oidc(session, "onbekend@example.nl") is None


def test_a_session_lapses_after_the_idle_time():
    assert not accounts.sessie_verlopen(NU, NU + timedelta(minutes=59), 60)
    assert accounts.sessie_verlopen(NU, NU + timedelta(minutes=61), 60)
    assert isinstance(Gebruiker(Rol.PUBLIEK, "x").account_id, type(None))
