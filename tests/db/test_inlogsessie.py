"""The sign-in that survives reloads (SQLite and PostgreSQL): cookie, session row, timeouts.

A forged, expired, signed-out or blocked-account cookie must give the public view (``None``),
whatever process reads it.
"""

from datetime import timedelta

import pytest
from sqlmodel import select

from monitor.__main__ import main
from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.errors import GeenToegang
from monitor.invullen import accounts, inlogsessie
from monitor.models import Inlogsessie
from monitor.rondes.initialisatie import init_database
from tests.db.invul_fixtures import BEHEERDER, NU, WACHTWOORD, met_invulleraccount

GEHEIM = b"test-geheim-dat-niemand-kent"
TERMIJNEN = inlogsessie.Termijnen(idle=timedelta(minutes=60), absoluut=timedelta(hours=12))


@pytest.fixture
def anna(engine):
    """An invuller of Amsterdam, signed in with her password."""
    met_invulleraccount(engine)
    return accounts.inloggen(engine, "anna@amsterdam.nl", WACHTWOORD, NU).gebruiker


def _cookie(engine, gebruiker, nu=NU) -> str:
    _, code = inlogsessie.start(engine, gebruiker, nu, TERMIJNEN)
    waarde = inlogsessie.cookie_voor_overdracht(engine, code, nu, GEHEIM)
    assert waarde is not None
    return waarde


def _wie(engine, waarde, nu=NU, geheim=GEHEIM):
    ingelogd = inlogsessie.gebruiker_voor_cookie(engine, waarde, nu, geheim, TERMIJNEN.idle)
    return None if ingelogd is None else ingelogd.gebruiker


def test_the_cookie_signs_in_the_same_user_in_any_process(engine, anna):
    waarde = _cookie(engine, anna)
    gebruiker = _wie(engine, waarde, NU + timedelta(minutes=5))
    assert (gebruiker.rol, gebruiker.organisatie_code, gebruiker.account_id) == (
        Rol.INVULLER,
        "GM0363",
        anna.account_id,
    )


def test_the_handover_code_works_once_and_only_for_two_minutes(engine, anna):
    _, code = inlogsessie.start(engine, anna, NU, TERMIJNEN)
    assert inlogsessie.cookie_voor_overdracht(engine, code, NU, GEHEIM) is not None
    assert inlogsessie.cookie_voor_overdracht(engine, code, NU, GEHEIM) is None
    _, laat = inlogsessie.start(engine, anna, NU, TERMIJNEN)
    assert (
        inlogsessie.cookie_voor_overdracht(engine, laat, NU + timedelta(minutes=3), GEHEIM) is None
    )
    assert inlogsessie.cookie_voor_overdracht(engine, "verzonnen-code", NU, GEHEIM) is None


@pytest.mark.parametrize(
    "vervals",
    [
        lambda w: w.split(".")[0] + ".AAAA",  # signature made up
        lambda w: "x" + w,  # token changed, old signature
        lambda w: w.split(".")[0],  # signature left off
        lambda w: "",
        lambda w: w + "." + "a" * 300,
    ],
    ids=["handtekening", "token", "zonder", "leeg", "te-lang"],
)
def test_a_forged_cookie_gets_the_public_view(engine, anna, vervals):
    waarde = _cookie(engine, anna)
    assert _wie(engine, vervals(waarde)) is None


def test_a_cookie_signed_with_another_key_gets_the_public_view(engine, anna):
    waarde = _cookie(engine, anna)
    assert _wie(engine, waarde, geheim=b"een ander geheim") is None


def test_a_signed_token_without_session_row_gets_the_public_view(engine, anna):
    assert _wie(engine, inlogsessie.teken("bestaat-niet", GEHEIM)) is None


def test_idle_timeout_and_activity_keep_it_alive(engine, anna):
    waarde = _cookie(engine, anna)
    assert _wie(engine, waarde, NU + timedelta(minutes=61)) is None  # idle too long
    waarde = _cookie(engine, anna)
    for minuten in (50, 100, 150):  # each visit counts as activity
        assert _wie(engine, waarde, NU + timedelta(minutes=minuten)) is not None


def test_absolute_timeout_ends_even_an_active_sign_in(engine, anna):
    waarde = _cookie(engine, anna)
    moment = NU
    while moment < NU + timedelta(hours=11, minutes=30):
        moment += timedelta(minutes=45)
        assert _wie(engine, waarde, moment) is not None
    assert _wie(engine, waarde, NU + timedelta(hours=12, minutes=1)) is None


def test_sign_out_ends_the_session_everywhere(engine, anna):
    sessie_id, code = inlogsessie.start(engine, anna, NU, TERMIJNEN)
    waarde = inlogsessie.cookie_voor_overdracht(engine, code, NU, GEHEIM)
    andere_tab = _cookie(engine, anna)  # another device keeps its own sign-in
    inlogsessie.beeindig(engine, sessie_id, NU)
    assert _wie(engine, waarde) is None
    assert inlogsessie.gebruiker_voor_sessie(engine, sessie_id, NU, TERMIJNEN.idle) is None
    assert _wie(engine, andere_tab) is not None


def test_sign_out_by_cookie_at_the_route(engine, anna):
    waarde = _cookie(engine, anna)
    inlogsessie.beeindig_cookie(engine, waarde, NU, GEHEIM)
    assert _wie(engine, waarde) is None


def test_a_blocked_account_loses_every_sign_in_and_cannot_start_again(engine, anna):
    eerste, tweede = _cookie(engine, anna), _cookie(engine, anna)
    with write_session(engine) as session:
        accounts.blokkeer(session, BEHEERDER, anna.account_id, NU)
    assert _wie(engine, eerste) is None and _wie(engine, tweede) is None
    geweigerd = accounts.inloggen(engine, "anna@amsterdam.nl", WACHTWOORD, NU)
    assert geweigerd.gebruiker is None and geweigerd.melding == accounts.ONJUISTE_INLOG


def test_blocking_needs_the_right_to_manage_accounts(engine, anna):
    with write_session(engine) as session, pytest.raises(GeenToegang):
        accounts.blokkeer(session, anna, anna.account_id, NU)


def test_the_first_beheerder_comes_from_the_command_line(engine, monkeypatch, capsys):
    """Production has no demo sign-in: `python -m monitor beheerder` makes the first one."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    init_database(engine)
    monkeypatch.setenv("MONITOR_WACHTWOORD", WACHTWOORD)
    assert main(["beheerder", " Bea@VWS.nl", "--naam", "Bea"]) == 0
    gebruiker = accounts.inloggen(engine, "bea@vws.nl", WACHTWOORD, NU).gebruiker
    assert (gebruiker.rol, gebruiker.naam) == (Rol.BEHEERDER, "Bea")
    assert main(["beheerder", "bea@vws.nl"]) == 2  # the address exists: Dutch message, exit 2
    assert "bestaat al een account" in capsys.readouterr().err
    monkeypatch.setenv("MONITOR_WACHTWOORD", "kort")
    assert main(["beheerder", "ander@vws.nl"]) == 2
    assert "minstens 12 tekens" in capsys.readouterr().err


def test_ended_sessions_are_cleared_at_the_next_sign_in(engine, anna):
    """Signed-out and past-their-end rows do not pile up; live ones on other devices stay."""
    ander_apparaat = _cookie(engine, anna)
    uitgelogd, _ = inlogsessie.start(engine, anna, NU, TERMIJNEN)
    inlogsessie.beeindig(engine, uitgelogd, NU)
    _cookie(engine, anna, NU - timedelta(hours=13))  # began 13 hours ago: past its end
    _cookie(engine, anna, NU + timedelta(minutes=1))  # the next sign-in clears both
    with read_session(engine) as session:
        assert len(session.exec(select(Inlogsessie)).all()) == 2
    assert _wie(engine, ander_apparaat) is not None
