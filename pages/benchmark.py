"""Benchmark: a gemeente or jeugdregio against a group of peers, what changed since last round,
who to learn from, and the gemeenten of its jeugdregio side by side, each in a tab of which only
the open one is built (the page was the heaviest in bench (a) and (d))."""

import streamlit as st

from monitor.errors import MonitorFout
from monitor.ui import benchmark as ui
from monitor.ui import data, veilig
from monitor.ui.components import tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/benchmark.py")
st.title("Benchmark")
st.markdown(
    "Vergelijk een gemeente of jeugdregio met anderen en vind wie al verder is. Het is een "
    "zelfanalyse: de cijfers zijn een aanleiding voor het gesprek, geen oordeel."
)
ronde = ronde_of_stop(context)
ui.uitleg_open_ronde(context.rondes, ronde)
gebruiker, versie = context.gebruiker, context.versie
organisaties = data.organisaties(versie)
code = ui.kies_organisatie(gebruiker, organisaties)
anoniem = data.ronde_instellingen(ronde.id, versie).anoniem
groep = ui.kies_groep(gebruiker, code, organisaties, anoniem, versie)
ui.eigen_groep_samenstellen(gebruiker, code, organisaties, anoniem)
if groep is None:
    st.info("Voor deze organisatie is er geen vergelijkgroep.")
    st.stop()
sleutel = (ronde.id, ronde.vorige_ronde_id, code, groep, gebruiker, versie)
try:
    uitkomst = data.benchmark(*sleutel)
except MonitorFout as fout:  # GeenToegang included: the data layer decides
    veilig.weigering(fout)
    st.stop()
vorig_jaar = next((r.jaar for r in context.rondes if r.id == ronde.vorige_ronde_id), None)
themas = data.themas(versie)

ui.profiel(organisaties, uitkomst)
wacht_op = ui.wacht_op_per_vraag(
    data.vragen(ronde.id, versie), data.afspraken(versie), data.wacht_op(ronde.id, versie)
)
ui.download(
    uitkomst,
    ronde.jaar,
    ui.thema_weergave(ui.thema_tabel(uitkomst, themas), vorig_jaar),
    ui.vraag_weergave(uitkomst, wacht_op),
)
regio = (
    code
    if uitkomst.actortype == "regio"
    else organisaties.set_index("code").at[code, "jeugdregio_code"]
)
bladen = ["Per thema", "Per vraag", "Veranderingen", "Leer van anderen"]
if isinstance(regio, str) and regio:
    bladen.append("Regiobeeld")
blad, inhoud = tabbladen(bladen)
with inhoud:
    if blad == "Per thema":
        ui.per_thema(uitkomst, themas, ronde.jaar, vorig_jaar, sleutel)
    elif blad == "Per vraag":
        ui.per_vraag(uitkomst, themas, ronde.jaar, wacht_op, sleutel)
    elif blad == "Veranderingen":
        ui.veranderingen(uitkomst, vorig_jaar, ronde.jaar)
    elif blad == "Leer van anderen":
        ui.leer_van_anderen(uitkomst, wacht_op)
    else:
        ui.regio_beeld(gebruiker, regio, organisaties, ronde.id, ronde.jaar, versie)
