"""Respons: how many organisations filled in the questionnaire, per actortype, provincie and
jeugdregio, and (for beheerders and kijkers) who has not."""

import streamlit as st

from monitor.ui import filters
from monitor.ui import respons as ui
from monitor.ui.components import tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/respons.py")
st.title("Respons")
ronde = ronde_of_stop(context)
filter_ = filters.zijbalk(context, velden=("actor", "provincie", "jeugdregio", "inwoners"))
filters.toon_filter(filter_, context.versie)
ui.uitleg(context, ronde)
# One chart at a time: the three charts (one with a bar per jeugdregio) and the tables were
# drawn together on every visit.
blad, inhoud = tabbladen(ui.BLADEN)
with inhoud:
    ui.blad(blad, context, ronde, filter_)
