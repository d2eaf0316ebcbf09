"""Beheer: rounds, questionnaire, planning, import/export and accounts (beheerders only)."""

import streamlit as st

from monitor.ui import beheer_import, beheer_rondes
from monitor.ui.beheer_accounts import toon_accounts
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beheer.py")
st.title("Beheer")
beheer_rondes.toon_melding()
tab_rondes, tab_vragen, tab_planning, tab_import, tab_export, tab_accounts = st.tabs(
    ["Rondes", "Vragenlijst", "Planning", "Import", "Export", "Accounts"]
)
with tab_rondes:
    beheer_rondes.rondes(context)
with tab_vragen:
    beheer_rondes.vragenlijst(context)
with tab_planning:
    beheer_rondes.planning(context)
with tab_import:
    beheer_import.import_sectie(context, ronde_of_stop(context))
with tab_export:
    beheer_import.export_sectie(context, ronde_of_stop(context))
with tab_accounts:
    toon_accounts(context.gebruiker, context.versie)
st.metric(
    "Dataversie", context.versie, help="Elke wijziging verhoogt dit getal; caches volgen het."
)
if context.demo:
    st.info("Deze database bevat demodata.")
