"""After a reload (a new Streamlit session) the session cookie keeps the sign-in on every page.

AppTest cannot send cookies (``st.context.cookies`` comes from the browser's request), so the
one reader of the cookie, ``page.sessie_cookie``, is given the value a browser would send.
The browser test tests/e2e/test_cluster.py sends the real cookie.
"""

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from monitor.db import write_session
from monitor.domain import Rol
from monitor.invullen import accounts, inlogsessie
from monitor.rechten import Gebruiker
from monitor.ui import page as pagina_setup
from monitor.ui.navigation import paginas_voor
from tests.app.conftest import APP, TIMEOUT
from tests.utils.apptest import open_tabblad

GEHEIM = "app-test-geheim"
INVULLER_PAGINAS = paginas_voor(Rol.INVULLER)


@pytest.fixture
def cookie_van_invuller(demo_kopie, monkeypatch):
    """A signed-in invuller of Amsterdam: the cookie value her browser would send."""
    monkeypatch.setenv("MONITOR_SESSIE_GEHEIM", GEHEIM)
    nu = datetime.now(UTC)
    with write_session(demo_kopie) as session:
        gebruiker = accounts.demo_account(session, Rol.INVULLER, "GM0363", nu)
    termijnen = inlogsessie.Termijnen(timedelta(hours=1), timedelta(hours=12))
    _, code = inlogsessie.start(demo_kopie, gebruiker, nu, termijnen)
    waarde = inlogsessie.cookie_voor_overdracht(demo_kopie, code, nu, GEHEIM.encode())
    return gebruiker, waarde


def _open_met_cookie(monkeypatch, waarde: str, pad: str) -> AppTest:
    monkeypatch.setattr(pagina_setup, "sessie_cookie", lambda: waarde)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if pad != "pages/start.py":
        at.switch_page(pad).run()
    return at


def _ingelogd(at: AppTest) -> bool:
    return any(b.label == "Uitloggen" for b in at.button)


@pytest.mark.parametrize(
    "pagina", INVULLER_PAGINAS, ids=[p.url_pad or "start" for p in INVULLER_PAGINAS]
)
def test_the_cookie_keeps_the_invuller_signed_in_on_every_page(
    cookie_van_invuller, monkeypatch, pagina
):
    _, waarde = cookie_van_invuller
    at = _open_met_cookie(monkeypatch, waarde, pagina.pad)
    assert not at.exception
    assert _ingelogd(at), pagina.pad
    assert not any("Geen toegang" in e.value for e in at.error)


@pytest.mark.parametrize("geval", ["vervalst", "geblokkeerd", "uitgelogd"])
def test_a_dead_cookie_gets_the_public_view(cookie_van_invuller, demo_kopie, monkeypatch, geval):
    gebruiker, waarde = cookie_van_invuller
    nu = datetime.now(UTC)
    if geval == "vervalst":
        waarde = waarde.split(".")[0] + ".vervalst"
    elif geval == "geblokkeerd":
        beheerder = Gebruiker(Rol.BEHEERDER, "Beheer", account_id=None)
        with write_session(demo_kopie) as session:
            accounts.blokkeer(session, beheerder, gebruiker.account_id, nu)
    else:
        inlogsessie.beeindig_cookie(demo_kopie, waarde, nu, GEHEIM.encode())
    at = _open_met_cookie(monkeypatch, waarde, "pages/invullen.py")
    assert not _ingelogd(at)
    assert any("Geen toegang" in e.value for e in at.error)


def test_a_beheerder_blocks_an_account_in_beheer_and_its_cookie_opens_nothing(
    cookie_van_invuller, demo_kopie, monkeypatch
):
    gebruiker, waarde = cookie_van_invuller
    with write_session(demo_kopie) as session:
        beheerder = accounts.demo_account(session, Rol.BEHEERDER, None, datetime.now(UTC))
    monkeypatch.setattr(pagina_setup, "sessie_cookie", lambda: None)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[pagina_setup.SESSIE_GEBRUIKER] = {
        "rol": beheerder.rol.value,
        "naam": beheerder.naam,
        "organisatie_code": None,
        "account_id": beheerder.account_id,
    }
    at.run()
    at.switch_page("pages/beheer.py").run()
    open_tabblad(at, "blad", "Accounts")
    kies = next(s for s in at.selectbox if s.label == "Account blokkeren")
    assert "invuller-gm0363@demo.invalid" in kies.options
    assert "beheerder@demo.invalid" not in kies.options  # not one's own account
    kies.select(gebruiker.account_id).run()
    next(b for b in at.button if b.label == "Blokkeren").click().run()
    assert not at.exception

    at = _open_met_cookie(monkeypatch, waarde, "pages/invullen.py")
    assert not _ingelogd(at)


def test_a_tab_signed_in_loses_its_sign_in_on_the_next_run_once_ended_elsewhere(
    cookie_van_invuller, demo_kopie, monkeypatch
):
    """app.py's navigation checks the tab's session row on every run, before any page."""
    _, waarde = cookie_van_invuller
    at = _open_met_cookie(monkeypatch, waarde, "pages/invullen.py")
    assert _ingelogd(at)
    opgeslagen = dict(at.session_state[pagina_setup.SESSIE_GEBRUIKER])

    inlogsessie.beeindig_cookie(demo_kopie, waarde, datetime.now(UTC), GEHEIM.encode())
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)  # the same tab's sign-in, next run
    at.session_state[pagina_setup.SESSIE_GEBRUIKER] = opgeslagen
    at.run()
    assert not at.exception
    assert not _ingelogd(at)
    assert any("Uw sessie is beëindigd" in w.value for w in at.warning)
