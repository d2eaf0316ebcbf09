"""Exports of a round: PowerPoint with native charts, the report tables in Excel, a PDF report.

Pure (no Streamlit). Every export states the round, its peildatum, that the answers are
self-reported without factual check, and per afspraak whether its deadline had passed.
"""
