"""Beheer: rounds, questionnaire, planning, import/export and accounts (beheerders only)."""

import streamlit as st

from monitor.ui import beheer_import, beheer_rondes
from monitor.ui.beheer_accounts import toon_accounts
from monitor.ui.components import tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beheer.py")
st.title("Beheer")
beheer_rondes.toon_melding()
blad, inhoud = tabbladen(["Rondes", "Vragenlijst", "Planning", "Import", "Export", "Accounts"])
with inhoud:
    if blad == "Rondes":
        beheer_rondes.rondes(context)
    elif blad == "Vragenlijst":
        beheer_rondes.vragenlijst(context)
    elif blad == "Planning":
        beheer_rondes.planning(context)
    elif blad == "Import":
        beheer_import.import_sectie(context, ronde_of_stop(context))
    elif blad == "Export":
        beheer_import.export_sectie(context, ronde_of_stop(context))
    else:
        toon_accounts(context.gebruiker, context.versie)
st.metric(
    "Dataversie", context.versie, help="Elke wijziging verhoogt dit getal; caches volgen het."
)
if context.demo:
    st.info("Deze database bevat demodata.")
