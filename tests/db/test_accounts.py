"""Local accounts (SQLite and PostgreSQL): argon2, growing sign-in waits, invitations, demo
accounts."""

from datetime import timedelta

import pytest
from sqlmodel import select

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.invullen import accounts
from monitor.models import Account, InlogTeller, Uitnodiging
from monitor.rechten import Gebruiker
from tests.db.invul_fixtures import BEHEERDER, KIJKER, NU, WACHTWOORD, met_invulleraccount


@pytest.fixture
def met_account(engine):
    return met_invulleraccount(engine, email="Anna@Amsterdam.nl ")  # normalised on save


def _inloggen(engine, wachtwoord, nu=NU, email="anna@amsterdam.nl", client=None):
    """The signed-in Gebruiker; InlogFout with the shown message when refused."""
    resultaat = accounts.inloggen(engine, email, wachtwoord, nu, client=client)
    if resultaat.gebruiker is None:
        raise accounts.InlogFout(resultaat.melding)
    return resultaat.gebruiker


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


def _teller(engine, email):
    with read_session(engine) as session:
        return session.get(InlogTeller, accounts._sleutel("adres", email))


def _mislukt(engine, aantal, email="anna@amsterdam.nl", nu=NU, client=None):
    """Fail ``aantal`` times, each attempt after the previous wait: the messages shown."""
    meldingen = []
    for _ in range(aantal):
        resultaat = accounts.inloggen(engine, email, "verkeerd wachtwoord 1", nu, client=client)
        meldingen.append(resultaat.melding)
        nu += timedelta(seconds=max(resultaat.wacht_seconden, 1))
    return meldingen


def test_failures_bring_growing_waits_never_a_lockout(met_account):
    meldingen = _mislukt(met_account, accounts.ADRES_VRIJ)
    assert meldingen == [accounts.ONJUISTE_INLOG] * accounts.ADRES_VRIJ
    # the fifth failure set a wait of 1 s: even the right password is not checked before it ends
    with pytest.raises(accounts.InlogFout, match="Probeer het over 1 seconde opnieuw"):
        _inloggen(met_account, WACHTWOORD, nu=NU + timedelta(seconds=accounts.ADRES_VRIJ - 1))
    assert _inloggen(met_account, WACHTWOORD, nu=NU + timedelta(seconds=6)).naam == "Anna"


def test_an_attacker_trying_whenever_allowed_keeps_the_wait_at_most_a_minute(met_account):
    nu = NU
    while (teller := _teller(met_account, "anna@amsterdam.nl")) is None or teller.pogingen < 12:
        resultaat = accounts.inloggen(met_account, "anna@amsterdam.nl", "gok 1234567", nu)
        nu += timedelta(seconds=max(resultaat.wacht_seconden, 1))
    assert teller.wacht_tot - teller.laatste == accounts.MAX_WACHT
    # the owner gets in as soon as that minute is over
    assert _inloggen(met_account, WACHTWOORD, nu=teller.wacht_tot).naam == "Anna"


def test_wachttijd_grows_1_2_4_seconds_after_the_free_attempts_capped_at_a_minute():
    seconden = [accounts.wachttijd(n, 5).total_seconds() for n in range(1, 14)]
    assert seconden == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_unknown_and_existing_addresses_get_the_same_messages_and_waits(met_account):
    bestaand = _mislukt(met_account, 8, email="anna@amsterdam.nl")
    onbekend = _mislukt(met_account, 8, email="niemand@amsterdam.nl")
    assert bestaand == onbekend
    assert bestaand[0] == accounts.ONJUISTE_INLOG
    assert "Probeer het over 1 seconde opnieuw." in bestaand[6]  # between the 6th and 7th


def test_one_client_trying_many_addresses_is_slowed_down_other_clients_are_not(met_account):
    for i in range(accounts.CLIENT_VRIJ):
        _mislukt(met_account, 1, email=f"gok{i}@amsterdam.nl", client="10.0.0.66")
    with pytest.raises(accounts.InlogFout, match="Probeer het over 1 seconde"):
        _inloggen(met_account, WACHTWOORD, client="10.0.0.66")
    assert _inloggen(met_account, WACHTWOORD, client="10.0.0.7").naam == "Anna"


def test_a_beheerder_can_lift_the_wait_of_an_account(met_account):
    _mislukt(met_account, accounts.ADRES_VRIJ)
    nu = NU + timedelta(seconds=accounts.ADRES_VRIJ - 1)  # the fifth failure: wait 1 s
    with write_session(met_account) as session:
        account = session.exec(select(Account)).one()
        assert accounts.wacht_per_account(session, BEHEERDER, nu) == {
            account.id: nu + timedelta(seconds=1)
        }
        with pytest.raises(GeenToegang):
            accounts.hef_wacht_op(session, KIJKER, account.id, nu)
        accounts.hef_wacht_op(session, BEHEERDER, account.id, nu)
    assert _inloggen(met_account, WACHTWOORD, nu=nu).naam == "Anna"


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


def test_counters_of_addresses_not_tried_for_an_hour_are_cleared(met_account):
    _mislukt(met_account, 3, email="gespoten1@amsterdam.nl")
    _mislukt(met_account, 1, email="gespoten2@amsterdam.nl", nu=NU + timedelta(minutes=30))
    _mislukt(met_account, 1, nu=NU + accounts.VERGEET + timedelta(seconds=5))
    assert _teller(met_account, "gespoten1@amsterdam.nl") is None
    assert _teller(met_account, "gespoten2@amsterdam.nl").pogingen == 1
    assert _teller(met_account, "anna@amsterdam.nl").pogingen == 1
