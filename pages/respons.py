"""Respons: how many organisations of each actortype filled in the questionnaire."""

import streamlit as st

from monitor import charts
from monitor.ui import data
from monitor.ui.components import grafiek
from monitor.ui.page import setup_page

context = setup_page("pages/respons.py")
st.title("Respons")
if context.ronde is None:
    st.info("Er is nog geen ronde.")
    st.stop()

ronde = context.ronde
tabel = data.respons(ronde.id, context.versie)
titel = f"Respons per actor, ronde {ronde.jaar}"
st.caption(
    "Percentages zijn berekend op de indeling van dit jaar (bijvoorbeeld 342 gemeenten en 42 "
    "jeugdregio's in 2024)."
)
grafiek(
    charts.respons_staaf(tabel, titel),
    titel=titel,
    alt=f"Staafdiagram: {titel}",
    tabel=tabel.rename(
        columns={
            "label": "Actor",
            "ingevuld": "Ingevuld",
            "totaal": "Totaal",
            "percentage": "Respons (%)",
        }
    ).drop(columns=["actortype"]),
)
