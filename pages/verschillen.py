"""Verschillen tussen actoren: shared afspraken that Rijk, VNG, BGZJ, SBJ or KBL answer
differently, with both answers and toelichtingen side by side."""

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE
from monitor.opmaak import tekst
from monitor.rechten import Recht, mag
from monitor.ui import data
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/verschillen.py")
st.title("Verschillen tussen actoren")
st.markdown(
    "Afspraken waar meerdere landelijke partijen voor aan de lat staan, en die zij verschillend "
    "beantwoorden. 'Ja' en 'afgerond' tellen als hetzelfde. Een verschil is een aanleiding voor "
    "het gesprek, geen oordeel."
)
ronde = ronde_of_stop(context)
tabel = data.verschillen(ronde.id, context.versie, context.gebruiker)
themas = data.themas(context.versie).set_index("nr")["titel"]
st.caption(f"Ronde {ronde.jaar}: {tabel['afspraak_code'].nunique()} afspraken met verschillen.")
if tabel.empty:
    st.info("In deze ronde beantwoorden de landelijke partijen hun gedeelde afspraken gelijk.")
for (thema_nr, _code, afspraak), groep in tabel.groupby(
    ["thema_nr", "afspraak_code", "afspraak"], sort=False
):
    with st.container(border=True):
        st.markdown(f"**{afspraak}**")
        st.caption(f"Thema {thema_nr}. {themas.get(thema_nr, '')}")
        for kolom, rij in zip(st.columns(len(groep)), groep.itertuples(), strict=True):
            kolom.markdown(f"**{ACTORTYPE_BY_CODE[rij.actortype].label}: {rij.antwoord}**")
            if mag(context.gebruiker, Recht.ANTWOORDEN_ANDEREN):
                # plain text, never HTML; no toelichting is said in words, never 'nan'
                kolom.text(tekst.tekst_of_leeg(rij.toelichting, "(geen toelichting)"))
if not mag(context.gebruiker, Recht.ANTWOORDEN_ANDEREN) and not tabel.empty:
    st.caption("Toelichtingen zijn zichtbaar na inloggen.")
