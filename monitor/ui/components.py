"""Reusable page parts: a chart with its text alternative and Excel download, metric tiles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from pandas.io.formats.style import Styler

from monitor.opmaak import tekst
from monitor.opmaak.excel import XLSX_MIME
from monitor.ui import data

if TYPE_CHECKING:  # veilig builds on this module's download button
    from monitor.ui.veilig import SchermTabel

PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "nl",
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


# Key prefix of every expander built only while open (tests open them all by this prefix).
UITKLAP = "open_"


def widget_sleutel(titel: str) -> str:
    """A widget key (and file name) made from a title: lower case, letters and digits."""
    return re.sub(r"[^a-z0-9]+", "_", titel.lower()).strip("_")[:60]


def excel_knop(
    label: str, maak: Callable[[bool], bytes], *, bestandsnaam: str, key: str | None = None
) -> None:
    """A download button for a workbook of ``opmaak.excel``; ``maak(demo)`` runs only on click,
    told whether the database holds demo data (the workbook then says "Demodata" first)."""
    st.download_button(
        label,
        data=lambda: maak(demodatabase()),
        file_name=bestandsnaam,
        mime=XLSX_MIME,
        key=key,
    )


def demodatabase() -> bool:
    """Whether the database holds demo data (cached per data versie)."""
    return data.is_demo(data.data_versie())


def vast(fig: go.Figure) -> go.Figure:
    """Mark a cached figure as final: it is turned into a dict once, not on every rerun.

    ``st.plotly_chart`` calls ``fig.to_dict()`` (a deep copy of every trace, the map's
    geometry included) on each rerun; for a figure kept in ``st.cache_resource`` that work
    is the same every time. A figure passed through here must not be changed afterwards.
    """
    spec = fig.to_dict()
    fig.to_dict = lambda: spec  # instance attribute: plotly allows overriding existing names
    return fig


def figuur(
    maak: Callable[..., go.Figure], *args: Any, sleutel: tuple | None = None, **kwargs: Any
) -> go.Figure:
    """``maak(*args, **kwargs)`` built once per builder and input, then kept (``vast``).

    Building a plotly figure (validating every trace) is most of a warm rerun; Streamlit
    hashes the arguments (frames included), which is far cheaper. The key holds the data, so
    new data after a write gives a new figure without clearing anything.

    ``sleutel`` replaces the arguments as the key, so that no frame is hashed on a rerun: it
    must hold everything the arguments are made from (round, data versie, filter, viewer,
    title…), as the cached loader that made them is keyed.
    """
    naam = f"{maak.__module__}.{maak.__qualname__}"
    if sleutel is not None:
        return _figuur_per_sleutel(naam, sleutel, maak, args, kwargs)
    return _figuur(naam, maak, *args, **kwargs)


@st.cache_resource(max_entries=128, show_spinner=False)
def _figuur_per_sleutel(
    naam: str, sleutel: tuple, _maak: Callable[..., go.Figure], _args: tuple, _kwargs: dict
) -> go.Figure:
    return vast(_maak(*_args, **_kwargs))


@st.cache_resource(max_entries=128, show_spinner=False)
def _figuur(naam: str, _maak: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    return vast(_maak(*args, **kwargs))


@contextmanager
def uitklap(label: str, *, key: str) -> Iterator[bool]:
    """An expander whose content is built only while it is open; opening it reruns the page.

    Streamlit runs and sends a closed expander's content as well: for the tables under the
    charts that was most of a page's work on the server and its bytes to the browser. Yields
    whether the expander is open (the state is kept per session under ``UITKLAP + key``).
    """
    with st.expander(label, key=f"{UITKLAP}{key}", on_change="rerun") as blok:
        yield bool(blok.open)


def tabbladen(labels: Sequence[str], *, key: str = "blad") -> tuple[str, Any]:
    """Tabs of which only the open one is built; choosing another reruns the page.

    Streamlit runs and draws every tab's content otherwise: on Start that was three charts
    and a map for one look. The open tab is kept in the URL (``?blad=…``), so a link opens
    it again. Returns the open tab's label and its container.
    """
    bladen = st.tabs(list(labels), key=key, on_change="rerun", bind="query-params")
    open_ = next((i for i, blad in enumerate(bladen) if blad.open), 0)
    return labels[open_], bladen[open_]


def grafiek(
    fig: go.Figure,
    *,
    titel: str,
    alt: str,
    tabel: pd.DataFrame | SchermTabel | Callable[[], pd.DataFrame],
) -> None:
    """A chart with a text title, alt text, a 'toon als tabel' alternative and an Excel download.

    The table (or the function that makes it) is only shown once its expander is opened. The
    download holds the table with the chart's title above it (``tabel_naar_xlsx``).
    """
    st.plotly_chart(fig, config=PLOTLY_CONFIG, alt=alt, key=f"grafiek_{widget_sleutel(titel)}")
    from monitor.ui import veilig  # veilig builds on this module's download button

    sleutel = widget_sleutel(titel)
    with uitklap(f"Toon als tabel: {titel}", key=sleutel) as open_:
        if open_:
            veilig.tabel(tabel() if callable(tabel) else tabel, titel=titel, key=sleutel)


def nederlandse_getallen(tabel: pd.DataFrame) -> pd.DataFrame | Styler:
    """A table whose decimal columns show Dutch numbers ('2,4') and '–' where there is none,
    instead of Streamlit's '2.4' and 'None'; the values stay numbers, so a column still
    sorts as numbers."""
    decimaal = [k for k in tabel.columns if pd.api.types.is_float_dtype(tabel[k])]
    if not decimaal:
        return tabel
    return tabel.style.format(tekst.getal_exact, subset=decimaal)


def keuze_uit_url(
    label: str,
    opties: list[Any],
    *,
    key: str,
    standaard: Any,
    format_func: Callable[[Any], str] = str,
    help: str | None = None,
) -> Any:
    """A selectbox whose choice is kept in the URL (``?key=…``), so that a link reproduces it.

    A value in the URL that is not one of the options (a typo, an old link) is ignored and the
    default is shown instead.
    """
    per_tekst = {str(o): o for o in opties}
    gekozen = per_tekst.get(st.query_params.get(key, ""), standaard)
    waarde = st.selectbox(
        label,
        opties,
        index=opties.index(gekozen),
        format_func=format_func,
        key=key,
        help=help,
    )
    if st.query_params.get(key) != str(waarde):  # each write sends a message to the browser
        st.query_params[key] = str(waarde)
    return waarde
