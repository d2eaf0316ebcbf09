"""Start page: what the monitor is (and is not), and the national picture at a glance."""

import streamlit as st

from monitor.domain import DISCLAIMER
from monitor.opmaak import tekst
from monitor.ui import filters, landelijk
from monitor.ui.components import tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/start.py")

st.title("Monitor Hervormingsagenda Jeugd")
st.markdown(
    "Elk jaar geven Rijk, VNG, de jeugdregio's, de gemeenten, aanbieders (BGZJ), "
    "professionals (SBJ) en KBL aan hoe het staat met de afspraken van de **Hervormingsagenda "
    "Jeugd 2023–2028**. Deze omgeving laat het landelijke beeld zien, laat gemeenten en regio's "
    "zich vergelijken met anderen en ondersteunt de reflectiesessies."
)
st.warning(DISCLAIMER, icon="⚠️")

ronde = ronde_of_stop(context)
filter_ = filters.zijbalk(context)

st.header(f"{ronde.titel}")
st.caption(f"Peildatum {tekst.datum(ronde.peildatum)} · status: {ronde.status}")
landelijk.respons_tegels(ronde, context.versie)
landelijk.voortgang_tegels(ronde, context.versie, filter_)
filters.toon_filter(filter_, context.versie)
blad, inhoud = tabbladen(["Voortgang per thema", "Antwoorden per thema", "Kaart"])
with inhoud:
    if blad == "Voortgang per thema":
        landelijk.voortgang_per_thema(ronde, context.versie, filter_)
    elif blad == "Antwoorden per thema":
        landelijk.status_per_thema(ronde, context.versie, filter_)
    else:
        landelijk.kaart(ronde, context.versie, filter_, context.gebruiker)
