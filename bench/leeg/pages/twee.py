"""Bench-only second empty page, so that browser navigation can be timed like in the app."""

import streamlit as st

st.page_link("leeg.py", label="Naar de eerste lege pagina")
st.page_link("pages/grafiek.py", label="Naar de grafiekpagina")
