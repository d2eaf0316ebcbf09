"""Bench-only empty page: the baseline the app's pages are compared with (not part of the app)."""

import streamlit as st

st.page_link("pages/twee.py", label="Naar de tweede lege pagina")
