"""User text on screen, safely: the one place that turns what users typed (toelichtingen,
names, notes, messages) into what Streamlit shows.

- ``platte_tekst``: text for any Streamlit call that renders Markdown (``st.warning``,
  ``st.markdown``, ``st.caption``): every ASCII punctuation mark is backslash-escaped, so that
  a user's ``[klik](https://…)``, ``![](https://…)``, ``**vet**`` or a bare web address shows
  as the characters typed, never as a link, an image that loads or formatting.
- ``tabel``: every table that shows data (no page calls st.dataframe/st.table itself).
  Streamlit's own toolbar download writes the cells raw to CSV, where ``=HYPERLINK(…)`` would
  run in Excel; the table therefore shows a copy in which such text is neutralised with a
  quote (the export rule of ``opmaak.excel``), with Dutch numbers and labelled headers, and
  can offer the app's own Excel download next to it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from monitor.opmaak.excel import tabel_naar_xlsx, veilige_cel
from monitor.opmaak.tekst import LEEG, RUWE_KOP
from monitor.ui.components import excel_knop, nederlandse_getallen, widget_sleutel

_LEESTEKEN = re.compile("([" + re.escape(string.punctuation) + "])")
# A signed difference the app formats itself ('+10', '+1,5'): a spreadsheet reads it as a
# number, nothing runs, so it is shown as it is instead of with a formula quote.
_GETAL_MET_TEKEN = re.compile(r"[+-]\d[\d.,]*", re.ASCII)


def platte_tekst(tekst: object) -> str:
    """``tekst`` so that Markdown shows it literally (CommonMark allows a backslash before any
    ASCII punctuation). Line breaks stay line breaks."""
    if tekst is None:
        return ""
    regels = str(tekst).split("\n")
    return "  \n".join(_LEESTEKEN.sub(r"\\\1", regel) for regel in regels)


def weigering(fout: object, *, voor: str = "", waarschuwing: bool = False) -> None:
    """A refusal from the domain (``MonitorFout`` and kin) on screen: its Dutch message as plain
    text. Messages name what the user typed (a code, a name, an e-mail address), so Markdown in
    them must not become a link or formatting. ``voor`` goes before it ('Niet bewaard: ')."""
    (st.warning if waarschuwing else st.error)(platte_tekst(f"{voor}{fout}"))


def geneutraliseerd(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are safe in a spreadsheet (formula quote, no control
    characters); numbers and dates unchanged."""
    kopie = frame.copy()
    for kolom in kopie.columns:
        if pd.api.types.is_object_dtype(kopie[kolom]) or pd.api.types.is_string_dtype(kopie[kolom]):
            kopie[kolom] = kopie[kolom].map(
                lambda w: _veilig_op_scherm(w) if isinstance(w, str) else w
            )
    return kopie


def _veilig_op_scherm(tekst: str) -> object:
    return tekst if _GETAL_MET_TEKEN.fullmatch(tekst) else veilige_cel(tekst, max_tekens=None)


@dataclass(frozen=True)
class SchermTabel:
    """A table already made ready to show (:func:`voor_scherm`): made inside a cached view
    model, a rerun shows it without passing every cell through the guard again (a tenth of the
    Thema page's runs). ``bron`` is the table as given, for its Excel download."""

    bron: pd.DataFrame
    frame: pd.DataFrame


def voor_scherm(frame: pd.DataFrame) -> SchermTabel:
    """``frame`` as :func:`tabel` shows it, made once: free text neutralised, '–' for none."""
    return SchermTabel(frame, _leeg_als_streep(geneutraliseerd(frame)))


def tabel(
    frame: pd.DataFrame | SchermTabel,
    *,
    titel: str,
    key: str | None = None,
    download: bool = True,
    vast: bool = False,
    kolommen: dict[str, Any] | None = None,
) -> None:
    """Every table that shows data, in one way: headers are labels (a raw column name of the
    code is refused), decimal numbers Dutch and '–' where there is none, free text neutralised
    (so Streamlit's toolbar download is safe too). ``vast`` shows a static table whose text
    wraps (narrow screens, long afspraak texts) instead of the scrolling grid; ``download`` adds
    the app's Excel download (off where the page already offers one); ``kolommen`` is
    Streamlit's column_config for the grid. A :class:`SchermTabel` was made ready before."""
    klaar = frame if isinstance(frame, SchermTabel) else voor_scherm(frame)
    frame = klaar.bron
    ruw = [str(k) for k in frame.columns if RUWE_KOP.match(str(k))]
    if ruw:
        raise ValueError(f"Tabel '{titel}': kolomnaam zonder label als kop: {', '.join(ruw)}")
    weergave = nederlandse_getallen(klaar.frame)
    if vast:
        st.table(weergave, hide_index=True, border="horizontal")
    else:
        st.dataframe(
            weergave,
            hide_index=True,
            width="stretch",
            key=f"tabel_{key}" if key else None,
            column_config=kolommen,
        )
    if not download:
        return
    excel_knop(
        "Download als Excel",
        lambda demo: tabel_naar_xlsx(frame, titel, demo=demo),
        bestandsnaam=f"{key or widget_sleutel(titel)}.xlsx",
        key=f"download_{key or widget_sleutel(titel)}",
    )


def _leeg_als_streep(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns with '–' where a value is missing, instead of Streamlit's 'None'/'nan'."""
    for kolom in frame.columns:
        tekst = pd.api.types.is_object_dtype(frame[kolom]) or pd.api.types.is_string_dtype(
            frame[kolom]
        )
        if tekst and frame[kolom].isna().any():
            frame[kolom] = frame[kolom].where(frame[kolom].notna(), LEEG)
    return frame
