"""Beheer: the rounds and the state of the database (beheerders only)."""

import streamlit as st

from monitor import format
from monitor.ui import beheer_import, data
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beheer.py")
st.title("Beheer")
st.caption(
    "Overzicht van de rondes in de database. Rondes aanmaken, openen, sluiten en publiceren "
    "volgen in een volgende versie; tot dan via de opdrachtregel (python -m monitor --help)."
)
rijen = [
    {
        "Ronde": r.jaar,
        "Titel": r.titel,
        "Peildatum": format.datum(r.peildatum),
        "Status": r.status,
        "Antwoorden": format.getal(data.aantal_antwoorden(r.id, context.versie)),
    }
    for r in context.rondes
]
st.dataframe(rijen, hide_index=True, width="stretch")
st.metric(
    "Dataversie", context.versie, help="Elke wijziging verhoogt dit getal; caches volgen het."
)
if context.demo:
    st.info("Deze database bevat demodata.")

tab_import, tab_export = st.tabs(["Import", "Export"])
with tab_import:
    beheer_import.import_sectie(context, ronde_of_stop(context))
with tab_export:
    beheer_import.export_sectie(context, ronde_of_stop(context))
