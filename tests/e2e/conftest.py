"""Fixtures for the browser tests: Debian chromium, a demo database, a served app, walks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCHERMEN,
    AppServer,
    Walk,
    copy_sqlite,
    sqlite_url,
    walk,
)

EVIDENCE_DIR = ROOT / "test-output" / "e2e"


STARTED = time.time()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium: Playwright's own browser download does not work here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def evidence_dir() -> Path:
    """test-output/e2e, without the files of earlier runs (they would mislead)."""
    EVIDENCE_DIR.mkdir(parents=True, exist_ok=True)
    for old in EVIDENCE_DIR.iterdir():
        if old.is_file() and old.stat().st_mtime < STARTED:
            old.unlink()
    return EVIDENCE_DIR


@pytest.fixture(scope="session")
def demo_db_template(demo_database_file: Path) -> Path:
    """A SQLite file made by `python -m monitor init` and `python -m monitor demo`."""
    return demo_database_file


@pytest.fixture(scope="session")
def app_server(
    demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """`streamlit run serve.py` on a free port with its own copy of the demo database."""
    tmp = tmp_path_factory.mktemp("app-server")
    db = copy_sqlite(demo_db_template, tmp / "monitor.db")
    server = AppServer(
        env={"DATABASE_URL": sqlite_url(db), "MONITOR_DEMO": "1"}, log_path=tmp / "streamlit.log"
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def journey_server(
    demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """A second app with its own database copy, for the user journeys (some of them write).

    The smoke walks keep ``app_server`` to themselves: their first request after the start
    must be a deep link.
    """
    tmp = tmp_path_factory.mktemp("journey-server")
    db = copy_sqlite(demo_db_template, tmp / "monitor.db")
    server = AppServer(
        env={"DATABASE_URL": sqlite_url(db), "MONITOR_DEMO": "1"}, log_path=tmp / "streamlit.log"
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def paginas() -> tuple:
    from monitor.ui.navigation import PAGINAS

    return PAGINAS


@pytest.fixture(scope="session")
def walks(
    app_server: AppServer, browser, paginas: tuple, evidence_dir: Path
) -> Callable[[str], Walk]:
    """One smoke walk per role, done once and shared by the tests that look at it; each allowed
    page is also checked at 1440×900, 1280×720 and 390×844 (test-output/e2e/schermen)."""
    done: dict[str, Walk] = {}

    def get(rol: str) -> Walk:
        if rol not in done:
            done[rol] = walk(
                browser, app_server, rol, paginas, out_dir=evidence_dir, schermen=SCHERMEN
            )
        return done[rol]

    get.done = done  # type: ignore[attr-defined]
    return get
