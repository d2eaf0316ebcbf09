"""Beheer: the rounds, the accounts and the state of the database (beheerders only)."""

import streamlit as st

from monitor import format
from monitor.ui import data
from monitor.ui.beheer_accounts import toon_accounts
from monitor.ui.page import setup_page

context = setup_page("pages/beheer.py")
st.title("Beheer")
rondes_tab, accounts_tab = st.tabs(["Rondes", "Accounts"])

with rondes_tab:
    st.caption("De rondes in de database; beheer ze ook via de opdrachtregel (python -m monitor).")
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

with accounts_tab:
    toon_accounts(context.gebruiker, context.versie)
