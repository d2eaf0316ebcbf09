"""Plotly figure builders. Pure: small aggregated frames in, figures out; colours and labels
come from monitor.domain. Every figure has a Dutch title (also the basis of its alt text)."""

from __future__ import annotations

import plotly.graph_objects as go
import pandas as pd

from monitor.domain import CATEGORISCHE_KLEUREN, GEEN_ANTWOORD_KLEUR

LETTERTYPE = {"family": "Arial, sans-serif", "size": 14, "color": "#000000"}


def _opmaak(fig: go.Figure, titel: str, hoogte: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": titel, "x": 0, "xanchor": "left"},
        font=LETTERTYPE,
        height=hoogte,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        separators=",.",  # Dutch: decimal comma, thousands dot
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.25, "x": 0},
    )
    return fig


def respons_staaf(respons: pd.DataFrame, titel: str) -> go.Figure:
    """Horizontal bars: percentage responded per actortype, with 'n van N' as text."""
    fig = go.Figure(
        go.Bar(
            x=respons["percentage"],
            y=respons["label"],
            orientation="h",
            marker_color=CATEGORISCHE_KLEUREN[0],
            text=[f"{i} van {t}" for i, t in zip(respons["ingevuld"], respons["totaal"], strict=True)],
            textposition="auto",
            hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
        )
    )
    fig.update_xaxes(title="Respons (%)", range=[0, 100], ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    return _opmaak(fig, titel, hoogte=360)


def voortgang_per_thema(index: pd.DataFrame, titel: str) -> go.Figure:
    """Grouped bars: voortgangsindex (0–100) per thema, one colour per actortype.

    ``index`` has columns thema (label), actor (label) and index (0–1).
    """
    fig = go.Figure()
    for i, (actor, groep) in enumerate(index.groupby("actor", sort=False)):
        fig.add_bar(
            name=actor,
            x=groep["thema"],
            y=(groep["index"] * 100).round(0),
            marker_color=CATEGORISCHE_KLEUREN[i % len(CATEGORISCHE_KLEUREN)],
            hovertemplate=f"{actor}<br>%{{x}}: %{{y:.0f}}<extra></extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title="Voortgangsindex (0–100)", range=[0, 100])
    return _opmaak(fig, titel, hoogte=460)


def kaart(
    geojson: dict, waarden: pd.DataFrame, titel: str, kleurtitel: str, hover_naam: str = "naam"
) -> go.Figure:
    """Choropleth of the Netherlands; ``waarden`` has code, naam and waarde (NaN = grey)."""
    met = waarden.dropna(subset=["waarde"])
    zonder = waarden[waarden["waarde"].isna()]
    fig = go.Figure()
    if not zonder.empty:
        fig.add_choropleth(
            geojson=geojson,
            featureidkey="properties.code",
            locations=zonder["code"],
            z=[0] * len(zonder),
            colorscale=[[0, GEEN_ANTWOORD_KLEUR], [1, GEEN_ANTWOORD_KLEUR]],
            showscale=False,
            text=zonder[hover_naam],
            hovertemplate="%{text}: geen antwoord<extra></extra>",
            marker_line_color="#7F7F7F",
            marker_line_width=0.3,
        )
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.code",
        locations=met["code"],
        z=met["waarde"],
        zmin=0,
        zmax=100,
        colorscale="Cividis",
        colorbar={"title": {"text": kleurtitel}},
        text=met[hover_naam],
        hovertemplate="%{text}: %{z:.0f}<extra></extra>",
        marker_line_color="#FFFFFF",
        marker_line_width=0.3,
    )
    fig.update_geos(fitbounds="locations", visible=False)
    return _opmaak(fig, titel, hoogte=560)
