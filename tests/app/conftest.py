"""AppTest fixtures: every page runs in-process against the demo database."""

import os
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from monitor.db import make_engine
from monitor.domain import Rol
from monitor.ui.page import SESSIE_GEBRUIKER
from tests.utils.apptest import open_uitklappers

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 60  # seconds: a cold first run builds every cached aggregate on 2 cores


@pytest.fixture
def demo_kopie(demo_database_file, tmp_path, monkeypatch):
    """A private copy of the demo database that the test may change; the app uses it.

    A fixture that points the app at another database clears the caches itself (their keys
    hold the data versie, not the file); ``_app_database`` clears them again afterwards."""
    pad = tmp_path / "monitor.db"
    shutil.copyfile(demo_database_file, pad)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{pad}")
    st.cache_data.clear()
    st.cache_resource.clear()
    engine = make_engine(f"sqlite:///{pad}")
    yield engine
    engine.dispose()


# The database whose aggregates the Streamlit caches hold now (None: unknown, clear first).
_GECACHET: dict[str, str | None] = {"url": None}


@pytest.fixture(autouse=True)
def _app_database(demo_engine, monkeypatch):
    """The app reads the shared demo database. Its cached aggregates stay warm from one test
    to the next, as in one server process serving many users (so a cache key that forgets
    the user would show up here); they are cleared when a test ran the app on another
    database (a copy it may change), because the keys hold the data versie, not the file."""
    url = demo_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    if _GECACHET["url"] != url:
        st.cache_data.clear()
        st.cache_resource.clear()
        _GECACHET["url"] = url
    yield
    if os.environ.get("DATABASE_URL") != url:
        st.cache_data.clear()
        st.cache_resource.clear()
        _GECACHET["url"] = None


def open_page(pad: str, rol: Rol = Rol.PUBLIEK, organisatie: str | None = None, **query) -> AppTest:
    """Open ``pad`` as the given role, as a browser opening its address would: one run.

    The page is chosen by its file name before the first run (our pages have no custom
    ``url_path``); a page the role may not see falls back to Start, as in the browser."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if rol != Rol.PUBLIEK:
        at.session_state[SESSIE_GEBRUIKER] = {
            "rol": rol.value,
            "naam": f"Test {rol.value}",
            "organisatie_code": organisatie,
        }
    for sleutel, waarde in query.items():
        at.query_params[sleutel] = waarde
    if pad != "pages/start.py":
        at.switch_page(pad)
    return at.run()


def open_met_tabellen(
    pad: str, rol: Rol = Rol.PUBLIEK, organisatie: str | None = None, **query
) -> AppTest:
    """``open_page``, then every table under the charts opened, as a user clicking
    'Toon als tabel' would (they are built only while open)."""
    return open_uitklappers(open_page(pad, rol, organisatie, **query))


def page_text(at: AppTest) -> str:
    delen = (
        [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    )
    delen += (
        [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    )
    delen += [c.value for c in at.caption]
    return "\n".join(str(d) for d in delen)
