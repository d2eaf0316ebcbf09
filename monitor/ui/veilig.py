"""User text on screen, safely: the one place that turns what users typed (toelichtingen,
names, notes, messages) into what Streamlit shows.

- ``platte_tekst``: text for any Streamlit call that renders Markdown (``st.warning``,
  ``st.markdown``, ``st.caption``): every ASCII punctuation mark is backslash-escaped, so that
  a user's ``[klik](https://…)``, ``![](https://…)``, ``**vet**`` or a bare web address shows
  as the characters typed, never as a link, an image that loads or formatting.
- ``tabel``: a table with free text. Streamlit's own toolbar download writes the cells raw to
  CSV, where ``=HYPERLINK(…)`` would run in Excel; the table therefore shows a copy in which
  such text is neutralised with a quote (the export rule of ``opmaak.excel``), and offers the
  app's own Excel download next to it.
"""

from __future__ import annotations

import re
import string

import pandas as pd
import streamlit as st

from monitor.opmaak.excel import tabel_naar_xlsx, veilige_cel
from monitor.ui.components import excel_knop

_LEESTEKEN = re.compile("([" + re.escape(string.punctuation) + "])")


def platte_tekst(tekst: object) -> str:
    """``tekst`` so that Markdown shows it literally (CommonMark allows a backslash before any
    ASCII punctuation). Line breaks stay line breaks."""
    if tekst is None:
        return ""
    regels = str(tekst).split("\n")
    return "  \n".join(_LEESTEKEN.sub(r"\\\1", regel) for regel in regels)


def geneutraliseerd(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are safe in a spreadsheet (formula quote, no control
    characters); numbers and dates unchanged."""
    kopie = frame.copy()
    for kolom in kopie.columns:
        if pd.api.types.is_object_dtype(kopie[kolom]) or pd.api.types.is_string_dtype(kopie[kolom]):
            kopie[kolom] = kopie[kolom].map(
                lambda w: veilige_cel(w, max_tekens=None) if isinstance(w, str) else w
            )
    return kopie


def tabel(frame: pd.DataFrame, *, titel: str, key: str, download: bool = True) -> None:
    """A table with free text: the neutralised copy on screen (so the toolbar download is safe
    too) and, with ``download``, the app's Excel download of it (off where the page already
    offers one)."""
    st.dataframe(geneutraliseerd(frame), hide_index=True, width="stretch", key=f"tabel_{key}")
    if not download:
        return
    excel_knop(
        "Download als Excel",
        lambda demo: tabel_naar_xlsx(frame, titel, demo=demo),
        bestandsnaam=f"{key}.xlsx",
        key=f"download_{key}",
    )
