"""A slide's chart as a plotly figure (page and PDF). Pure: a Dia in, a figure out."""

from __future__ import annotations

import plotly.graph_objects as go

from monitor.opmaak.grafieken import LETTERTYPE
from monitor.opmaak.tekst import afkorten, getal, procent
from monitor.reflectie.dias import GEGROEPEERD, GESTAPELD, GESTAPELD_AANTAL, STAAF, Dia, kleur


def dia_figuur(dia: Dia, *, groot: bool = False) -> go.Figure:
    """Horizontal bars of the slide's tidy table: stacked (GESTAPELD*), one series (STAAF) or
    clustered (GEGROEPEERD). Values are written in the bars, so colour is never the only cue.
    ``groot`` uses larger fonts (the reflectiesessie page)."""
    als_procent = dia.soort in (GESTAPELD, STAAF)
    categorieen = dia.categorieen
    labels = [afkorten(c, 60) for c in categorieen]
    fig = go.Figure()
    for i, (code, naam) in enumerate(dia.reeksen):
        waarden = dia.waarden(code)
        tekst = [
            (procent(w) if als_procent else getal(w))
            if w >= (4 if als_procent else 1) or dia.soort == GEGROEPEERD
            else ""
            for w in waarden
        ]
        fig.add_bar(
            name=naam,
            y=labels,
            x=waarden,
            orientation="h",
            marker_color=kleur(code, i),
            text=tekst,
            textposition="inside" if dia.soort != GEGROEPEERD else "auto",
            insidetextanchor="middle",
            customdata=[procent(w, 1) if als_procent else getal(w, 1) for w in waarden],
            hovertemplate=f"{naam}: %{{customdata}}<extra></extra>",
        )
    stapel = dia.soort in (GESTAPELD, GESTAPELD_AANTAL)
    fig.update_layout(
        barmode="stack" if stapel else "group",
        font={**LETTERTYPE, "size": 20 if groot else 14},
        height=max(360, 150 + (60 if groot else 44) * len(categorieen) * (1 if stapel else 2)),
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        separators=",.",
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "traceorder": "normal",
        },
        showlegend=len(dia.reeksen) > 1,
    )
    if dia.soort == GESTAPELD:
        fig.update_xaxes(range=[0, 100], ticksuffix="%")
    elif dia.soort != GESTAPELD_AANTAL:
        fig.update_xaxes(range=[0, 105])
    fig.update_xaxes(title=dia.as_titel)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed",
        tickfont={"color": "#000000"},
    )
    return fig
