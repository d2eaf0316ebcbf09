"""Respons: how many organisations of each actortype filled in the questionnaire."""

import streamlit as st

from monitor import charts, voortgang
from monitor.ui import data
from monitor.ui.components import grafiek
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/respons.py")
st.title("Respons")
ronde = ronde_of_stop(context)
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

st.subheader("Nog niet gereageerd")
if context.gebruiker.rol not in voortgang.NAMEN_ROLLEN:
    st.caption("Welke gemeenten en regio's niet reageerden, zien alleen beheerders en kijkers.")
    st.stop()
ontbrekend = voortgang.niet_gerespondeerd(
    gebruiker=context.gebruiker,
    organisaties=data.organisaties(context.versie),
    antwoorden=data.antwoorden(ronde.id, context.versie),
)
st.caption(f"{len(ontbrekend)} gemeenten en regio's hebben in ronde {ronde.jaar} niet ingediend.")
st.dataframe(
    ontbrekend.rename(
        columns={
            "code": "Code",
            "naam": "Naam",
            "actortype": "Soort",
            "jeugdregio_code": "Jeugdregio",
            "provincie_naam": "Provincie",
        }
    ),
    hide_index=True,
    width="stretch",
)
