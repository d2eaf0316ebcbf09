"""Beleving: how far gemeenten and regio's feel the intended movement has come, per thema."""

import streamlit as st

from monitor import charts, themaoverzicht
from monitor.ui import data
from monitor.ui.components import grafiek
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beleving.py")
st.title("Beleving van de beweging")
st.markdown(
    "Gemeenten en regio's gaven per thema aan in hoeverre volgens hen de beoogde beweging is "
    "gemaakt, van 'helemaal niet' tot 'volledig'. Het gaat om hun beleving, niet om de feitelijke "
    "voortgang."
)
ronde, versie = ronde_of_stop(context), context.versie
vragen = data.vragen(ronde.id, versie)
verdeling = data.verdeling(ronde.id, versie)
for actortype, naam in (("gemeente", "Gemeenten"), ("regio", "Jeugdregio's")):
    tabel = themaoverzicht.beleving_tabel(vragen=vragen, verdeling=verdeling, actortype=actortype)
    titel = f"{naam}: beleving van de beweging per thema, ronde {ronde.jaar}"
    if tabel.empty:
        st.info(f"Geen belevingsvragen voor {naam.lower()} in deze ronde.")
        continue
    grafiek(
        charts.verdeling_staaf(tabel, titel),
        titel=titel,
        alt=f"Gestapeld staafdiagram: {titel}",
        tabel=tabel.rename(
            columns={"vraag": "Stelling", "label": "Antwoord", "percentage": "Percentage"}
        ).drop(columns=["optie"]),
    )
