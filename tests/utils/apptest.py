"""AppTest helpers shared by the page tests and the leak test."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from monitor.ui.components import UITKLAP


def open_uitklappers(at: AppTest) -> AppTest:
    """Open every expander the page builds only while open (``components.uitklap``: the
    tables under the charts, the demo sign-in) and run the page again, as a user clicking
    each one open would; until none is left closed (an opened one may hold another)."""
    for _ in range(3):
        dicht = [
            sleutel
            for expander in at.expander
            if (sleutel := _sleutel(expander.proto.id)) and not at.session_state[sleutel]
        ]
        if not dicht:
            break
        for sleutel in dicht:
            at.session_state[sleutel] = True
        at.run()
    return at


def _sleutel(element_id: str) -> str | None:
    """The user key at the end of a keyed element id (``$$ID-<hash>-<key>``), if it is ours."""
    _, _, sleutel = element_id.partition("-")[2].partition("-")
    return sleutel if sleutel.startswith(UITKLAP) else None
