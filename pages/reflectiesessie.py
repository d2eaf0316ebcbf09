"""Reflectiesessie: the round's figures as slides, one at a time, with notes under each."""

import streamlit as st

from monitor.reflectie import dias as reflectie
from monitor.ui import bevindingen, data
from monitor.ui import reflectie as ui
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/reflectiesessie.py")
presentatie = ui.presentatiemodus()
if not presentatie:
    st.title("Reflectiesessie")
ronde = ronde_of_stop(context)
catalogus = data.dia_catalogus(ronde, context.versie)
if not catalogus:
    st.info("Voor deze ronde zijn nog geen cijfers om te bespreken.")
    st.stop()
per_sleutel = {d.sleutel: d for d in catalogus}
deck = ui.opgeslagen_deck(ronde.id, list(per_sleutel))
nummer = ui.dia_nummer(len(deck))
dia = per_sleutel[deck[nummer - 1]]

ui.toon_dia(dia, sleutel=(ronde, context.versie), presentatie=presentatie)
ui.bladeren(nummer, len(deck), toetsen=presentatie)
ui.presentatie_knop(presentatie)
st.caption(f"Ronde {ronde.jaar}. {reflectie.ZELFRAPPORTAGE}")
if not presentatie:
    bevindingen.bij_dia(ronde, dia.sleutel, context.versie)
ui.notities_onder_dia(context.gebruiker, ronde.id, dia)
ui.deck_editor(context.gebruiker, ronde.id, catalogus, deck)
