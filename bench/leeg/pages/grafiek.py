"""Bench-only reference page: an empty page with one small plotly chart (eight bars), the least
a page with a chart can cost in the browser; bench (d) reports it beside the app's pages."""

import plotly.graph_objects as go
import streamlit as st

st.page_link("leeg.py", label="Naar de eerste lege pagina")
st.plotly_chart(go.Figure(go.Bar(x=list(range(1, 9)), y=[3, 1, 4, 1, 5, 9, 2, 6])))
