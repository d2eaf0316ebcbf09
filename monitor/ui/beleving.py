"""Page parts of Beleving: a tab per actortype that was asked, and one that puts them side by
side; only the open tab is built."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.kengetallen.filters import Filter
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.reflectie.dias import dia_titel
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek

VERSCHILLEN = "Verschillen tussen actoren"


def bladen(gevraagd: list[str]) -> dict[str, str | None]:
    """Tab label → actortype (None: the differences), in the order of ``gevraagd``; the
    differences only when more than one actortype was asked."""
    labels: dict[str, str | None] = {ACTORTYPE_BY_CODE[a].label_meervoud: a for a in gevraagd}
    if len(gevraagd) > 1:
        labels[VERSCHILLEN] = None
    return labels


def per_actor(
    actortype: str, tabel: pd.DataFrame, ronde: data.RondeInfo, versie: int, filter_: Filter
) -> None:
    """One actortype's statements, the full width: they are long and must be read whole."""
    naam = ACTORTYPE_BY_CODE[actortype].label_meervoud
    titel = dia_titel(f"beleving-{actortype}", ronde.jaar, data.themas(versie))  # as the slide
    if tabel.empty or not tabel["percentage"].notna().any():
        st.info(f"Geen antwoorden van {naam.lower()} op de belevingsvragen (met dit filter).")
        return
    grafiek(
        figuur(
            charts.beleving_divergerend, tabel, titel, sleutel=(ronde.id, versie, filter_, titel)
        ),
        titel=titel,
        alt=f"Divergerend staafdiagram: {titel}. Links minder, rechts meer beweging.",
        tabel=lambda: (
            tabel.assign(percentage=tabel["percentage"].map(tekst.procent))
            .rename(columns={"vraag": "Stelling", "label": "Antwoord", "percentage": "Percentage"})
            .drop(columns=["optie"])
        ),
    )


def verschillen(verschil: pd.DataFrame) -> None:
    st.caption("Per thema het aandeel dat de beweging 'grotendeels' of 'volledig' gemaakt vindt.")
    veilig.tabel(
        verschil.assign(thema_nr=verschil["thema_nr"].map(lambda n: f"Thema {n}"))
        .rename(columns={"thema_nr": "Thema"})
        .apply(lambda k: k.map(tekst.procent) if k.name != "Thema" else k),
        titel="Beleving: verschillen tussen actoren",
        key="beleving_verschillen",
        download=False,
    )
