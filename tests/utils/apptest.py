"""AppTest helpers shared by the page tests and the leak test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

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


def tabbladen(at: AppTest) -> list[tuple[str, list[str]]]:
    """Every tab group the page builds only for its open tab (``components.tabbladen``): its
    key and its labels."""
    groepen = []
    for node in knopen(at._tree):
        if getattr(node, "type", None) != "tab_container":
            continue
        sleutel = node.proto.id.partition("-")[2].partition("-")[2] if node.proto.id else ""
        if sleutel:
            groepen.append((sleutel, [kind.label for kind in node.children.values()]))
    return groepen


def tabellen_op_elk_blad(at: AppTest) -> list[Any]:
    """The tables (frames) of every tab of the page's tab group ``blad``, one tab after the
    other, as a user clicking through them would (only the open tab is built)."""
    labels = next((labels for sleutel, labels in tabbladen(at) if sleutel == "blad"), [None])
    frames = []
    for label in labels:
        if label is not None:
            open_tabblad(at, "blad", label)
        frames += [d.value for d in at.dataframe]
    return frames


def open_tabblad(at: AppTest, sleutel: str, label: str) -> AppTest:
    """Choose tab ``label`` of group ``sleutel`` as a click would, then open its expanders."""
    at.session_state[sleutel] = label
    if sleutel in at.query_params:  # the browser's URL follows the tab (bind="query-params")
        at.query_params[sleutel] = label
    return open_uitklappers(at.run())


def knopen(node) -> Iterator[Any]:
    """``node`` and every element below it in an AppTest tree (``at._tree``)."""
    yield node
    kinderen = getattr(node, "children", None)
    if isinstance(kinderen, dict):
        for kind in kinderen.values():
            yield from knopen(kind)


def getoond(markdown: str) -> str:
    """The text a user reads of Markdown that ``veilig.platte_tekst`` escaped."""
    return re.sub(r"\\(.)", r"\1", markdown)
