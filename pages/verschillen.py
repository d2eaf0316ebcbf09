"""Verschillen tussen actoren: shared afspraken that Rijk, VNG, BGZJ, SBJ or KBL answer
differently, with both answers and toelichtingen side by side."""

import streamlit as st

from monitor.rechten import Recht, mag
from monitor.ui.page import ronde_of_stop, setup_page
from monitor.ui.verschillen import toon, verschillen

context = setup_page("pages/verschillen.py")
st.title("Verschillen tussen actoren")
st.markdown(
    "Afspraken waar meerdere landelijke partijen voor aan de lat staan, en die zij verschillend "
    "beantwoorden. 'Ja' en 'afgerond' tellen als hetzelfde. Een verschil is een aanleiding voor "
    "het gesprek, geen oordeel."
)
ronde = ronde_of_stop(context)
lijst = verschillen(ronde.id, context.versie, context.gebruiker)
st.caption(f"Ronde {ronde.jaar}: {len(lijst)} afspraken met verschillen.")
if not lijst:
    st.info("In deze ronde beantwoorden de landelijke partijen hun gedeelde afspraken gelijk.")
met_toelichting = mag(context.gebruiker, Recht.ANTWOORDEN_ANDEREN)
for verschil in lijst:
    toon(verschil, met_toelichting)
if not met_toelichting and lijst:
    st.caption("Toelichtingen zijn zichtbaar na inloggen.")
