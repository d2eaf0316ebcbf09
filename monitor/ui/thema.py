"""Page part of the Thema page: one actor's afspraken, as table or stacked bars."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor import charts, themaoverzicht
from monitor.domain import ACTORTYPE_BY_CODE
from monitor.ui.components import grafiek

KOPPEN = {
    "tekst": "Afspraak",
    "planning": "Planning",
    "planningstatus": "Stand t.o.v. planning",
    "n": "Antwoorden",
    "samenvatting": "Antwoord(en)",
}


def actor_sectie(actortype: str, groep: pd.DataFrame, verdeling: pd.DataFrame, titel_staaf: str):
    """A single actor as a table; gemeenten and regio's as bars plus informational answers."""
    actor = ACTORTYPE_BY_CODE[actortype]
    st.subheader(actor.label_meervoud)
    weergave = groep.rename(columns=KOPPEN)[list(KOPPEN.values())]
    if not actor.collectief:
        st.table(weergave.drop(columns=["Antwoorden"]), hide_index=True, border="horizontal")
        return
    staaf = themaoverzicht.verdeling_voor_grafiek(verdeling, groep)
    titel = f"{actor.label_meervoud}: antwoorden per afspraak, {titel_staaf}"
    if not staaf.empty:
        grafiek(
            charts.verdeling_staaf(staaf, titel),
            titel=titel,
            alt=f"Gestapeld staafdiagram: {titel}",
            tabel=weergave.drop(columns=["Stand t.o.v. planning"]),
        )
    informatie = groep["vraagtype"].isin(themaoverzicht.INFORMATIE_TYPES).to_numpy()
    if informatie.any():
        st.markdown("**Ter informatie gevraagd**")
        st.table(
            weergave[informatie].drop(columns=["Planning", "Stand t.o.v. planning"]),
            hide_index=True,
            border="horizontal",
        )
