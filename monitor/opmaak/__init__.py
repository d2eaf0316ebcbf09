"""Presentation: Dutch text and numbers, the Excel writer, plotly figures, geometry."""
