"""Beleving: how far gemeenten and regio's feel the intended movement has come, per thema."""

import streamlit as st

from monitor.kengetallen import themaoverzicht
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.ui import data, filters
from monitor.ui.components import grafiek
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beleving.py")
st.title("Beleving van de beweging")
st.markdown(
    "Gemeenten en regio's gaven per thema aan in hoeverre volgens hen de beoogde beweging is "
    "gemaakt, van 'helemaal niet' tot 'volledig'. Het gaat om hun beleving, niet om de feitelijke "
    "voortgang. Links van de nul: 'helemaal niet' en 'enigszins'; rechts: 'grotendeels' en "
    "'volledig'; 'ongeveer halverwege' staat half links en half rechts van de nul."
)
ronde, versie = ronde_of_stop(context), context.versie
filter_ = filters.zijbalk(context, velden=("themas", "provincie", "jeugdregio", "inwoners"))
filters.toon_filter(filter_, versie)
vragen, _ = data.gefilterd(ronde.id, versie, filter_)
verdeling = data.verdeling_gefilterd(ronde.id, versie, filter_)
# One under the other, each the full width: the statements are long and must be read whole.
for actortype, naam in (("gemeente", "Gemeenten"), ("regio", "Jeugdregio's")):
    with st.container():
        tabel = themaoverzicht.beleving_tabel(
            vragen=vragen, verdeling=verdeling, actortype=actortype
        )
        titel = f"{naam}: beleving van de beweging per thema, ronde {ronde.jaar}"
        if tabel.empty or not tabel["percentage"].notna().any():
            st.info(f"Geen antwoorden van {naam.lower()} op de belevingsvragen (met dit filter).")
            continue
        grafiek(
            charts.beleving_divergerend(tabel, titel),
            titel=titel,
            alt=f"Divergerend staafdiagram: {titel}. Links minder, rechts meer beweging.",
            tabel=tabel.assign(percentage=tabel["percentage"].map(tekst.procent))
            .rename(columns={"vraag": "Stelling", "label": "Antwoord", "percentage": "Percentage"})
            .drop(columns=["optie"]),
        )
