"""The production set-up in a real browser: `deploy/cluster.sh` with 2 app processes behind
HAProxy, on PostgreSQL (the steps of deploy/README.md, on one machine).

An invuller signs in, answers, reloads (still signed in, answer kept), loses the process that
served her (killed), goes on at the other one still signed in with nothing lost, and signs
out, after which her old cookie opens nothing. A forged cookie gets the public view too.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest
from browser_harness import (
    Cluster,
    new_context,
    new_page,
    rerun_and_wait,
    save_evidence,
    sign_in,
    stream_socket,
    wait_for_app,
    wait_until_ready,
)
from playwright.sync_api import BrowserContext, Page, WebSocket, expect

from monitor.invullen.inlogsessie import COOKIE

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """`deploy/cluster.sh` with 2 processes and its own throwaway PostgreSQL database."""
    cluster = Cluster(2, tmp_path_factory.mktemp("cluster")).start()
    try:
        yield cluster.info
    finally:
        cluster.stop()


def _proces(context: BrowserContext) -> str:
    """The app process HAProxy keeps this browser on (its sticky cookie: app1, app2)."""
    return next(c["value"] for c in context.cookies() if c["name"] == "MONITOR_PROCES")


def _sessie_cookie(context: BrowserContext) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == COOKIE), None)


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_until_ready(page)


def _uitloggen_zichtbaar(page: Page) -> None:
    expect(page.get_by_test_id("stSidebar").get_by_role("button", name="Uitloggen")).to_be_visible()


def _publiek(page: Page) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("U bekijkt de openbare cijfers", exact=False)).to_be_visible()
    expect(sidebar.get_by_role("button", name="Uitloggen")).to_have_count(0)


def _radio(page: Page, vraag: int, optie: str):
    return page.get_by_role("radiogroup").nth(vraag).get_by_role("radio", name=optie, exact=True)


def _wacht_op_cookie(context: BrowserContext, timeout: float = 30) -> dict:
    """The page hands its one-time code to our route, which sets the session cookie."""
    deadline = time.monotonic() + timeout
    while (cookie := _sessie_cookie(context)) is None:
        assert time.monotonic() < deadline, "no session cookie after signing in"
        time.sleep(0.2)
    return cookie


def _wacht_op_nieuwe_verbinding(page: Page, oud: WebSocket, timeout: float = 120) -> None:
    """Until the tab has opened a new Streamlit websocket in place of ``oud``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if stream_socket(page) is not oud:
                return
        except RuntimeError:  # closed, the new one not open yet
            pass
        assert time.monotonic() < deadline, "the tab did not reconnect"
        page.wait_for_timeout(200)  # lets Playwright deliver the websocket events


def test_sign_in_survives_reload_and_a_killed_process_and_sign_out_ends_it(
    browser, cluster, evidence_dir
) -> None:
    url = cluster["URL"] + "/invullen?stap=1"
    pids = dict(zip(("app1", "app2"), map(int, cluster["APP_PIDS"].split()), strict=True))
    context = new_context(browser)
    page = new_page(context)
    try:
        _open(page, url)
        sign_in(page, "invuller")  # demo-inlog: Gemeente Amsterdam
        expect(
            page.get_by_text("Amsterdam · Monitor van de afspraken", exact=False)
        ).to_be_visible()
        rerun_and_wait(
            page,
            lambda: page.get_by_role("radiogroup").nth(0).get_by_text("Ja", exact=True).click(),
        )
        cookie = _wacht_op_cookie(context)
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

        page.reload()
        wait_until_ready(page)
        _uitloggen_zichtbaar(page)
        expect(_radio(page, 0, "Ja")).to_be_checked()

        eerste = _proces(context)
        oude_verbinding = stream_socket(page)
        os.kill(pids[eerste], signal.SIGKILL)  # the process that served her is gone
        # No reload: the open tab reconnects by itself, HAProxy sends it to the other process,
        # which starts a new session from the cookie.
        _wacht_op_nieuwe_verbinding(page, oude_verbinding)
        wait_for_app(page, timeout=120_000)
        _uitloggen_zichtbaar(page)
        expect(_radio(page, 0, "Ja")).to_be_checked()
        _open(page, url)  # and a full page load lands there too
        assert _proces(context) != eerste
        _uitloggen_zichtbaar(page)
        expect(_radio(page, 0, "Ja")).to_be_checked()
        rerun_and_wait(
            page,
            lambda: (
                page.get_by_role("radiogroup").nth(1).get_by_text("Grotendeels", exact=True).click()
            ),
        )
        page.reload()
        wait_until_ready(page)
        expect(_radio(page, 1, "Grotendeels")).to_be_checked()
        save_evidence(page, evidence_dir, "cluster-na-wissel")

        sidebar = page.get_by_test_id("stSidebar")
        rerun_and_wait(page, lambda: sidebar.get_by_role("button", name="Uitloggen").click())
        _publiek(page)
        deadline = time.monotonic() + 30
        while _sessie_cookie(context) is not None:  # the route deletes the cookie
            assert time.monotonic() < deadline, "the session cookie stayed after signing out"
            time.sleep(0.2)
    except Exception:
        save_evidence(page, evidence_dir, "cluster-fout")
        raise
    finally:
        context.close()

    # The old cookie, replayed in a fresh browser, opens nothing; nor does a forged one.
    for naam, waarde in (
        ("oud", cookie["value"]),
        ("vervalst", cookie["value"].split(".")[0] + ".vervalst"),
    ):
        context = new_context(browser)
        context.add_cookies([{**cookie, "value": waarde}])
        page = new_page(context)
        try:
            _open(page, url)
            _publiek(page)
        except Exception:
            save_evidence(page, evidence_dir, f"cluster-cookie-{naam}")
            raise
        finally:
            context.close()
