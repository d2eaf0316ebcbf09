"""Thema: the ambitie, then per actor the afspraken with planning and answer distribution."""

import streamlit as st

from monitor.opmaak import tekst
from monitor.ui import data, filters
from monitor.ui.bevindingen import bevindingen_sectie
from monitor.ui.components import keuze_uit_url, tabbladen
from monitor.ui.koers import thema_koers_sectie
from monitor.ui.page import ronde_of_stop, setup_page
from monitor.ui.thema import (
    actor_blokken,
    actor_sectie,
    toelichtingen_sectie,
    verandering_sectie,
)

context = setup_page("pages/thema.py")
st.title("Thema's")
ronde, versie = ronde_of_stop(context), context.versie
themas = data.themas(versie)
nummers = themas["nr"].astype(int).tolist()
titels = dict(zip(nummers, themas["titel"], strict=True))
nr = keuze_uit_url(
    "Thema", nummers, key="thema", standaard=nummers[0], format_func=lambda n: f"{n}. {titels[n]}"
)
thema = themas.set_index("nr").loc[nr]
st.header(f"{nr}. {thema['titel']}")
st.markdown(f"**Ambitie:** {thema['ambitie']}")
st.caption(
    f"Ronde {ronde.jaar}, peildatum {tekst.datum(ronde.peildatum)}. Planning volgens "
    "Hervormingsagenda of Implementatieplan, zoals die op de peildatum gold."
)

filter_ = filters.zijbalk(context, velden=("actor", "provincie", "jeugdregio", "inwoners"))
filters.toon_filter(filter_, versie)
blad, inhoud = tabbladen(["Per actor", "Verandering", "Op koers?", "Bevindingen", "Toelichtingen"])
with inhoud:
    if blad == "Per actor":
        sleutel = (ronde.id, ronde.peildatum, nr, versie, filter_)
        blokken = actor_blokken(*sleutel)
        if not blokken:
            st.info("Dit thema heeft in deze ronde geen vragen.")
        for blok in blokken:
            actor_sectie(blok, titel_staaf=f"thema {nr}, ronde {ronde.jaar}", sleutel=sleutel)
    elif blad == "Verandering":
        verandering_sectie(ronde, nr, versie, filter_.actortypes)
    elif blad == "Op koers?":
        thema_koers_sectie(ronde, versie, nr)
    elif blad == "Bevindingen":
        bevindingen_sectie(context.gebruiker, ronde, nr, versie)
    else:
        toelichtingen_sectie(context.gebruiker, ronde, nr, versie)
