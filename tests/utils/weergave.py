"""Render a page in AppTest as a given viewer and collect everything it shows, for the scanner.

``render`` runs one page (with query parameters; ``verder`` then acts on it) and returns a
``Weergave``: the AppTest, with every expander that is built only while open opened, plus
every download button's payload, captured by wrapping
``st.download_button`` for the duration of the run (deferred payloads are built afterwards,
as a click would). ``scan`` hands every text, table, chart and download to a ``Scanner``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit
from streamlit.testing.v1 import AppTest

from monitor.domain import Rol
from monitor.ui.page import SESSIE_GEBRUIKER
from tests.utils.apptest import getoond, knopen, open_tabblad, open_uitklappers, tabbladen
from tests.utils.lekken import Scanner, Vondst, uniek

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 120  # seconds: cold runs build every cached aggregate on 2 shared cores

TEKST_TYPES = {
    "markdown",
    "caption",
    "text",
    "title",
    "header",
    "subheader",
    "info",
    "warning",
    "error",
    "success",
    "exception",
    "code",
    "latex",
}


@dataclass(frozen=True)
class Kijker:
    """A viewer: the role and, for an invuller, the organisation it acts for."""

    naam: str
    rol: Rol
    organisatie: str | None = None


@dataclass
class Download:
    label: str
    bestand: str
    data: Any  # bytes, str or a callable (deferred)


@dataclass
class Weergave:
    at: AppTest
    downloads: list[Download] = field(default_factory=list)


@contextmanager
def downloads_opvangen(opgevangen: list[Download]) -> Iterator[None]:
    """Record every st.download_button call (label, file name, data) while the page runs."""
    origineel = streamlit.download_button

    def download_button(label, data=None, file_name=None, *args, **kwargs):
        opgevangen.append(Download(str(label), str(file_name or ""), data))
        return origineel(label, data, file_name, *args, **kwargs)

    streamlit.download_button = download_button
    try:
        yield
    finally:
        streamlit.download_button = origineel


def render(
    pad: str,
    kijker: Kijker,
    query: dict[str, str] | None = None,
) -> Weergave:
    """Run ``pad`` as ``kijker`` (a deep link: the page is the first script that runs)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if kijker.rol != Rol.PUBLIEK:
        at.session_state[SESSIE_GEBRUIKER] = {
            "rol": kijker.rol.value,
            "naam": f"Test {kijker.rol.value}",
            "organisatie_code": kijker.organisatie,
        }
    for sleutel, waarde in (query or {}).items():
        at.query_params[sleutel] = waarde
    if pad != "pages/start.py":
        at.switch_page(pad)
    weergave = Weergave(at)
    with downloads_opvangen(weergave.downloads):
        at.run()
    _alles_open(weergave)
    return weergave


def _alles_open(weergave: Weergave) -> None:
    """Open what the page builds only on request (the tables under the charts), keeping the
    downloads of the last run."""
    opnieuw: list[Download] = []
    with downloads_opvangen(opnieuw):
        open_uitklappers(weergave.at)
    if opnieuw:
        weergave.downloads[:] = opnieuw


def verder(weergave: Weergave, actie: Callable[[AppTest], None]) -> Weergave:
    """Act on the page (type, click; the action runs it) and keep what the new run shows."""
    weergave.downloads.clear()
    with downloads_opvangen(weergave.downloads):
        actie(weergave.at)
    _alles_open(weergave)
    return weergave


def andere_tabbladen(weergave: Weergave) -> Iterator[str]:
    """Switch to every other tab of the page's tab groups that build only the open tab
    (``components.tabbladen``), one after the other, yielding ``"key=label"`` each time the
    weergave shows that tab (its expanders opened, its downloads captured)."""
    at = weergave.at
    for sleutel, labels in tabbladen(at):
        eerste = at.session_state[sleutel]
        for label in labels:
            if label == eerste:
                continue
            weergave.downloads.clear()
            with downloads_opvangen(weergave.downloads):
                open_tabblad(at, sleutel, label)
            yield f"{sleutel}={label}"


def _payload(download: Download) -> bytes | str | None:
    data = download.data
    if callable(data):
        try:
            data = data()
        except Exception:  # noqa: BLE001 - a broken download leaks nothing; other tests own it
            return None
    if hasattr(data, "getvalue"):
        data = data.getvalue()
    return data if isinstance(data, bytes | str) else None


def scan(weergave: Weergave, scanner: Scanner) -> list[Vondst]:
    """Every organisation the page shows with a value: text, tables, charts and downloads."""
    vondsten: list[Vondst] = []
    for node in knopen(weergave.at._tree):
        soort = getattr(node, "type", None)
        if soort in ("dataframe", "table", "arrow_data_frame", "arrow_table", "data_editor"):
            vondsten += scanner.tabel(node.value, f"tabel ({soort})")
        elif soort == "plotly_chart":
            vondsten += scanner.plotly(json.loads(node.proto.spec), "grafiek")
        elif soort == "metric":
            tekst = f"{node.label}: {node.value}"
            vondsten += scanner.tekst(tekst, "tegel")
            if node.proto.help:
                vondsten += scanner.tekst(f"{node.label}: {node.proto.help}", "tegel (uitleg)")
        elif soort in TEKST_TYPES:
            # as read: text that veilig.platte_tekst escaped ('s\-Hertogenbosch) hides no name
            vondsten += scanner.tekst(getoond(str(node.value)), soort)
        elif soort in ("expander", "tab"):
            vondsten += scanner.tekst(str(node.label), soort)
    for download in weergave.downloads:
        inhoud = _payload(download)
        if inhoud is not None:
            vondsten += scanner.download(inhoud, download.bestand, f"download '{download.label}'")
    return uniek(vondsten)
