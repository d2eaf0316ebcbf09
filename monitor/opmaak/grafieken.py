"""Plotly figure builders. Pure: small aggregated frames in, figures out; colours and labels
come from monitor.domain. Every figure has a Dutch title (also the basis of its alt text)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from monitor.domain import (
    BELEVING_NEGATIEF,
    BELEVING_NEUTRAAL,
    BELEVING_POSITIEF,
    CATEGORISCHE_KLEUREN,
    GEEN_ANTWOORD_KLEUR,
    KOERS_KLEUREN,
    OPTIE_KLEUREN,
    PLANNING_KLEUREN,
    PLANNING_SYMBOLEN,
)
from monitor.opmaak.geo import omkadering
from monitor.opmaak.tekst import afkorten, getal, maand_as, omloop, procent

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
    fig.update_yaxes(ticklabelstandoff=6)  # a label's last letter does not touch its bar
    return fig


def respons_staaf(respons: pd.DataFrame, titel: str, hoogte: int | None = None) -> go.Figure:
    """Horizontal bars: percentage responded per row (``label``), with 'n van N' as text."""
    fig = go.Figure(
        go.Bar(
            x=respons["percentage"],
            y=respons["label"],
            orientation="h",
            marker_color=CATEGORISCHE_KLEUREN[0],
            text=[
                f"{i} van {t}" for i, t in zip(respons["ingevuld"], respons["totaal"], strict=True)
            ],
            textposition="auto",
            hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
        )
    )
    fig.update_xaxes(title="Respons (%)", range=[0, 100], ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    return _opmaak(fig, titel, hoogte=hoogte or 360)


def voortgang_per_thema(index: pd.DataFrame, titel: str) -> go.Figure:
    """Heatmap thema × actor of the voortgangsindex (0–100), the number written in each cell.

    ``index`` has columns thema (label), actor (label) and index (0–100, not rounded), in
    display order; the number written is rounded by ``opmaak.tekst.getal``.
    Empty cells: that actor has no afspraken in that thema.
    """
    themas = list(dict.fromkeys(sorted(index["thema"], key=_thema_nr)))
    actoren = list(dict.fromkeys(index["actor"]))
    raster = (
        index.assign(waarde=index["index"].astype(float))
        .pivot_table(index="thema", columns="actor", values="waarde", aggfunc="first")
        .reindex(index=themas, columns=actoren)
    )
    tekst = raster.map(lambda w: "" if pd.isna(w) else getal(w))
    # Whole thema names over lines of 24 characters: on a phone the columns keep their room.
    labels = [omloop(t, 24) for t in themas]
    regels = max((label.count("<br>") + 1 for label in labels), default=1)
    per_rij = max(52, 16 * regels + 14)
    plot = per_rij * len(themas)
    fig = go.Figure(
        go.Heatmap(
            z=raster.to_numpy(),
            x=actoren,
            y=labels,
            text=tekst.to_numpy(),
            texttemplate="%{text}",
            textfont={"size": 13},
            zmin=0,
            zmax=100,
            colorscale="Cividis",
            # A horizontal scale under the chart: beside it, it took a fifth of a phone's width.
            colorbar={
                "title": {"text": "Index", "side": "top"},
                "orientation": "h",
                "y": -105 / plot,
                "yanchor": "top",
                "thickness": 12,
                "len": 1,
                "lenmode": "fraction",
            },
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont={"color": "#000000"})
    # tickangle left to plotly: level on a desktop, turned when the columns get narrow.
    fig.update_xaxes(side="bottom", tickfont={"color": "#000000", "size": 12})
    fig = _opmaak(fig, omloop(titel, 45), hoogte=plot + 60 + 180)
    return fig.update_layout(margin={"b": 180})


def _thema_nr(label: str) -> int:
    return int(label.split(".")[0]) if label.split(".")[0].isdigit() else 99


def kaart(
    geojson: dict, waarden: pd.DataFrame, titel: str, kleurtitel: str, hover_naam: str = "naam"
) -> go.Figure:
    """Choropleth of the Netherlands; ``waarden`` has code, naam and waarde (NaN = grey)."""
    met = waarden.dropna(subset=["waarde"])
    zonder = waarden[waarden["waarde"].isna()]
    fig = go.Figure()
    # Each trace gets only its own features, so the geometry is sent to the browser once.
    if not zonder.empty:
        fig.add_choroplethmap(
            geojson=_deel(geojson, set(zonder["code"])),
            featureidkey="properties.code",
            locations=zonder["code"],
            z=[0] * len(zonder),
            colorscale=[[0, GEEN_ANTWOORD_KLEUR], [1, GEEN_ANTWOORD_KLEUR]],
            showscale=False,
            text=zonder[hover_naam],
            hovertemplate="%{text}: geen antwoord<extra></extra>",
            marker_line_color="#4D4D4D",
            marker_line_width=0.8,
        )
    fig.add_choroplethmap(
        geojson=_deel(geojson, set(met["code"])),
        featureidkey="properties.code",
        locations=met["code"],
        z=met["waarde"],
        zmin=0,
        zmax=100,
        colorscale="Cividis",
        colorbar={"title": {"text": kleurtitel}},
        text=met[hover_naam],
        customdata=[getal(w) for w in met["waarde"]],
        hovertemplate="%{text}: %{customdata}<extra></extra>",
        marker_line_color="#FFFFFF",
        marker_line_width=0.3,
    )
    # MapLibre with a blank style: no tiles or fonts from the internet are needed. (Plotly's
    # 'geo' subplot fetches a world topojson from a CDN and stays empty offline.)
    fig.update_layout(
        map={"style": "white-bg", **omkadering(geojson, set(waarden["code"]))},  # the filter
        dragmode=False,
    )
    return _opmaak(fig, titel, hoogte=620)


def verdeling_staaf(tabel: pd.DataFrame, titel: str) -> go.Figure:
    """100% stacked horizontal bars: per vraag the share of each answer option.

    ``tabel`` has columns vraag (label), optie (code), label and percentage, with the options
    of each vraag in their order. Colours come from domain.OPTIE_KLEUREN; the percentage is
    written in each bar, so colour is never the only cue.
    """
    fig = go.Figure()
    vragen = list(dict.fromkeys(tabel["vraag"]))
    for i, ((optie, label), groep) in enumerate(tabel.groupby(["optie", "label"], sort=False)):
        fig.add_bar(
            name=label,
            y=groep["vraag"],
            x=groep["percentage"],
            orientation="h",
            marker_color=OPTIE_KLEUREN.get(optie, CATEGORISCHE_KLEUREN[i % 8]),
            text=[procent(p) if p and p >= 4 else "" for p in groep["percentage"]],
            textposition="inside",
            insidetextanchor="middle",
            customdata=[procent(p, 1) for p in groep["percentage"]],
            hovertemplate=f"{label}: %{{customdata}}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
    )
    fig.update_xaxes(range=[0, 100], ticksuffix="%", title="Aandeel van de antwoorden")
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=vragen,
        autorange="reversed",
        tickfont={"color": "#000000", "size": 12},
    )
    fig = _opmaak(fig, titel, hoogte=190 + 44 * len(vragen))
    fig.update_layout(legend={"y": 1.0, "yanchor": "bottom"}, margin={"t": 100})
    return fig


def _deel(geojson: dict, codes: set[str]) -> dict:
    """The features of ``geojson`` whose ``properties.code`` is in ``codes``."""
    features = [f for f in geojson["features"] if f["properties"]["code"] in codes]
    return {"type": "FeatureCollection", "features": features}


def _met_wacht_op(groep: pd.DataFrame) -> list[str]:
    """The afspraak text for the hover, with 'wacht op …' on a second line when present."""
    if "wacht_op" not in groep:
        return groep["afspraak"].tolist()
    return [
        f"{a}<br><i>{w}</i>" if w else a
        for a, w in zip(groep["afspraak"], groep["wacht_op"].fillna(""), strict=True)
    ]


def planning_tijdlijn(tabel: pd.DataFrame, peildatum, titel: str) -> go.Figure:
    """One row per afspraak × actor, grouped by actor (outer label) with the afspraak code as
    row label; the marker at the deadline has the status in colour and shape. Every afspraak
    has its own row, so none hides behind another and each hover is its own.

    ``tabel`` has columns deadline, actor (label), afspraak_code, afspraak and status, and
    optionally wacht_op ('wacht op …', shown in the hover). A dashed line marks the peildatum,
    labelled above the plot, beside the line.
    """
    volgorde = tabel.drop_duplicates(["actor", "afspraak_code"])
    rijen = list(zip(volgorde["actor"], volgorde["afspraak_code"], strict=True))
    fig = go.Figure()
    for status, groep in tabel.groupby("status", sort=False):
        fig.add_scatter(
            x=groep["deadline"],
            y=[groep["actor"].tolist(), groep["afspraak_code"].tolist()],
            mode="markers",
            name=status,
            marker={
                "size": 12,
                "color": PLANNING_KLEUREN.get(status, GEEN_ANTWOORD_KLEUR),
                "symbol": PLANNING_SYMBOLEN.get(status, "circle-open"),
                "line": {"width": 1, "color": "#000000"},
            },
            text=_met_wacht_op(groep),
            customdata=groep["actor"],
            hovertemplate="%{customdata} · %{x|%d-%m-%Y}<br>%{text}<extra>" + status + "</extra>",
        )
    _peildatum_lijn(fig, peildatum)
    fig.update_yaxes(
        tickfont={"color": "#000000"},
        categoryorder="array",
        categoryarray=rijen,
        autorange="reversed",
        automargin=True,
        dividercolor="#777777",
    )
    fig.update_xaxes(title="Deadline (Hervormingsagenda of Implementatieplan)")
    _nederlandse_maanden(fig, [*tabel["deadline"], peildatum])
    hoogte = max(420, 200 + 22 * len(rijen))
    fig = _opmaak(fig, titel, hoogte=hoogte)
    # Legend under the axis title: 70 px below the plot area, whatever the number of rows.
    onder = -70 / (hoogte - 90 - 110)
    return fig.update_layout(
        legend={"orientation": "h", "y": onder, "yanchor": "top", "x": 0},
        margin={"t": 90, "b": 110},
    )


def _peildatum_lijn(fig: go.Figure, peildatum: date | None) -> None:
    """A dashed vertical line at the peildatum, its label above the plot beside the line."""
    if peildatum is None:
        return
    fig.add_vline(x=peildatum, line_dash="dash", line_color="#000000")
    fig.add_annotation(
        x=peildatum,
        y=1.0,
        yref="paper",
        yanchor="bottom",
        xanchor="left",
        text="peildatum",
        showarrow=False,
        bgcolor="#FFFFFF",
    )


def _nederlandse_maanden(fig: go.Figure, datums: list) -> None:
    """Month ticks in Dutch ('okt 2024') on the x axis: plotly's own are English."""
    dagen = pd.to_datetime(pd.Series(datums), errors="coerce").dropna()
    if dagen.empty:
        return
    waarden, teksten = maand_as(dagen.min().date(), dagen.max().date())
    fig.update_xaxes(tickvals=[d.isoformat() for d in waarden], ticktext=teksten)


def status_per_thema_staaf(tabel: pd.DataFrame, titel: str) -> go.Figure:
    """Per thema (one panel each) a 100% stacked bar per actor: the share of each (grouped)
    status answer.

    ``tabel`` comes from ``landelijk.status_per_thema`` (thema, actor, optie, label, aantal,
    percentage), thema's and actors in display order. The percentage is written in each bar
    segment, so colour is never the only cue; one legend entry per option.
    """
    themas = list(dict.fromkeys(tabel["thema"]))
    actoren = [tabel[tabel["thema"] == t]["actor"].drop_duplicates().tolist() for t in themas]
    fig = make_subplots(
        rows=len(themas),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.35 / max(len(themas), 1) if len(themas) > 1 else 0,
        row_heights=[len(a) for a in actoren],
        subplot_titles=[afkorten(t, 80) for t in themas],
    )
    for rij, thema in enumerate(themas, start=1):
        per_thema = tabel[tabel["thema"] == thema]
        for (optie, label), groep in per_thema.groupby(["optie", "label"], sort=False):
            fig.add_bar(
                name=label,
                legendgroup=optie,
                showlegend=rij == 1,
                y=groep["actor"],
                x=groep["percentage"],
                orientation="h",
                marker_color=OPTIE_KLEUREN[optie],
                text=[procent(p) if p >= 6 else "" for p in groep["percentage"]],
                textposition="inside",
                insidetextanchor="middle",
                customdata=[
                    f"{procent(p)} ({getal(a)})"
                    for p, a in zip(groep["percentage"], groep["aantal"], strict=True)
                ],
                hovertemplate=f"%{{y}}<br>{label}: %{{customdata}}<extra></extra>",
                row=rij,
                col=1,
            )
        fig.update_yaxes(
            categoryorder="array",
            categoryarray=actoren[rij - 1],
            autorange="reversed",
            tickfont={"color": "#000000", "size": 12},
            row=rij,
            col=1,
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    fig.update_xaxes(title="Aandeel van de antwoorden", row=len(themas), col=1)
    fig.update_annotations(font={"size": 13, "color": "#000000"}, x=0, xanchor="left")
    balken = len(tabel[["thema", "actor"]].drop_duplicates())
    hoogte = 170 + 26 * balken + 30 * len(themas)
    fig = _opmaak(fig, titel, hoogte=hoogte)
    # The legend above the first panel's title: 35 px above the plot area, in paper units.
    fig.update_layout(
        legend={"y": 1 + 35 / (hoogte - 140), "yanchor": "bottom", "traceorder": "normal"},
        margin={"t": 130},
    )
    return fig


def kaart_categorisch(
    geojson: dict, waarden: pd.DataFrame, titel: str, opties: list[tuple[str, str]]
) -> go.Figure:
    """Choropleth of the answer to one vraag: one colour per option, grey without an answer.

    ``waarden`` has code, naam and optie (None = no answer); ``opties`` the (code, label) pairs
    in their order. Colours from domain.OPTIE_KLEUREN (status, ja/nee, beleving), otherwise
    the categorical palette. Each option is a legend entry, so the label goes with the colour.
    """
    fig = go.Figure()
    for i, (code, label) in enumerate([*opties, (None, "Geen antwoord")]):
        deel = (
            waarden[waarden["optie"].isna()] if code is None else waarden[waarden["optie"] == code]
        )
        if deel.empty:
            continue
        kleur = (
            GEEN_ANTWOORD_KLEUR
            if code is None
            else OPTIE_KLEUREN.get(code, CATEGORISCHE_KLEUREN[i % len(CATEGORISCHE_KLEUREN)])
        )
        fig.add_choroplethmap(
            geojson=_deel(geojson, set(deel["code"])),
            featureidkey="properties.code",
            locations=deel["code"],
            z=[1] * len(deel),
            colorscale=[[0, kleur], [1, kleur]],
            showscale=False,
            showlegend=True,
            name=label,
            text=deel["naam"],
            hovertemplate=f"%{{text}}: {label}<extra></extra>",
            marker_line_color="#4D4D4D" if code is None else "#FFFFFF",
            marker_line_width=0.8 if code is None else 0.3,
        )
    fig.update_layout(
        map={"style": "white-bg", **omkadering(geojson, set(waarden["code"]))},  # the filter
        dragmode=False,
    )
    fig = _opmaak(fig, titel, hoogte=620)
    fig.update_layout(legend={"orientation": "v", "y": 0.98, "yanchor": "top", "x": 0.01})
    return fig


def beleving_divergerend(tabel: pd.DataFrame, titel: str) -> go.Figure:
    """Diverging bars: per statement the negative options left of zero, the positive right,
    and the middle option ('ongeveer halverwege') split in two halves around zero.

    ``tabel`` has vraag, optie, label and percentage (0–100). Left bars have negative x; the
    text in each segment and the hover show the share as a positive percentage.
    """
    tabel = tabel.assign(vraag=tabel["vraag"].map(lambda v: omloop(v, 55)))  # whole, wrapped
    vragen = list(dict.fromkeys(tabel["vraag"]))
    per_optie = {optie: groep for optie, groep in tabel.groupby("optie", sort=False)}
    volgorde = (*BELEVING_NEGATIEF, BELEVING_NEUTRAAL, *BELEVING_POSITIEF)
    fig = go.Figure()

    def staaf(optie: str, teken: int, deel: float = 1.0, legenda: bool = True) -> None:
        groep = per_optie.get(optie)
        if groep is None:
            return
        waarde = groep["percentage"].fillna(0)
        fig.add_bar(
            name=groep["label"].iloc[0],
            legendgroup=optie,
            legendrank=100 + volgorde.index(optie),  # legend in option order, left to right
            showlegend=legenda,
            y=groep["vraag"],
            x=teken * deel * waarde,
            orientation="h",
            marker_color=OPTIE_KLEUREN[optie],
            text=[procent(p) if p >= 8 and legenda else "" for p in waarde],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
            customdata=[procent(p, 1) for p in waarde],
            hovertemplate=f"{groep['label'].iloc[0]}: %{{customdata}}<extra></extra>",
        )

    # barmode 'relative' stacks negative values leftwards from zero in trace order, so the
    # options nearest the middle come first on each side.
    staaf(BELEVING_NEUTRAAL, -1, 0.5, legenda=False)
    for optie in reversed(BELEVING_NEGATIEF):
        staaf(optie, -1)
    staaf(BELEVING_NEUTRAAL, 1, 0.5)
    for optie in BELEVING_POSITIEF:
        staaf(optie, 1)
    fig.update_layout(barmode="relative")
    fig.add_vline(x=0, line_color="#000000", line_width=1)
    fig.update_xaxes(
        range=[-100, 100],
        tickvals=[-100, -50, 0, 50, 100],
        ticktext=["100%", "50%", "0", "50%", "100%"],
        tickangle=0,
        title="← minder beweging · meer beweging →",
    )
    # Each statement whole above its own bar, from the left edge: the bars keep the full width,
    # on a phone too (labels beside the bars left them about 30 px).
    regels = max((v.count("<br>") + 1 for v in vragen), default=1)
    per_rij = 16 * regels + 40
    for vraag in vragen:
        fig.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=vraag,
            yanchor="bottom",
            yshift=15,
            text=vraag,
            align="left",
            showarrow=False,
            font={"size": 12, "color": "#000000"},
        )
    fig.update_layout(bargap=1 - 28 / per_rij)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=vragen,
        autorange="reversed",
        showticklabels=False,
        range=[len(vragen) - 0.5, -0.5 - (16 * regels + 10) / per_rij],
    )
    plot = per_rij * len(vragen) + 16 * regels
    fig = _opmaak(fig, omloop(titel, 45), hoogte=plot + 60 + 150)  # two lines fit a phone
    # Legend under the axis title (80 px below the plot area, in paper units), so it never
    # covers the title; it wraps on a phone.
    fig.update_layout(
        legend={"y": -80 / plot, "yanchor": "top", "traceorder": "normal"}, margin={"b": 150}
    )
    return fig


def benchmark_thema(tabel: pd.DataFrame, titel: str, eigen_naam: str) -> go.Figure:
    """Per thema the peers' spread as a box (min, Q1, mediaan, Q3, max) and the organisation
    as a marker with its index written next to it.

    ``tabel`` has columns thema (label), eigen, minimum, q1, mediaan, q3, maximum (0–100); rows
    without peer figures show only the marker.
    """
    labels = [afkorten(t, 42) for t in tabel["thema"]]
    fig = go.Figure()
    peers = tabel["mediaan"].notna().to_numpy()
    if peers.any():
        fig.add_box(
            y=[label for label, p in zip(labels, peers, strict=True) if p],
            q1=tabel.loc[peers, "q1"],
            median=tabel.loc[peers, "mediaan"],
            q3=tabel.loc[peers, "q3"],
            lowerfence=tabel.loc[peers, "minimum"],
            upperfence=tabel.loc[peers, "maximum"],
            orientation="h",
            name="Vergelijkgroep (min, kwartielen, mediaan, max)",
            marker_color=CATEGORISCHE_KLEUREN[4],
            line_color="#3A6E8F",
            fillcolor="rgba(86,180,233,0.35)",
            hoverinfo="x",
        )
    eigen = tabel["eigen"].notna().to_numpy()
    fig.add_scatter(
        y=[label for label, e in zip(labels, eigen, strict=True) if e],
        x=tabel.loc[eigen, "eigen"],
        mode="markers+text",
        name=eigen_naam,
        marker={"symbol": "diamond", "size": 15, "color": CATEGORISCHE_KLEUREN[5]},
        marker_line={"width": 1, "color": "#000000"},
        text=[getal(w) for w in tabel.loc[eigen, "eigen"]],
        textposition="top center",
        hovertemplate=f"{eigen_naam}: %{{text}}<extra>%{{y}}</extra>",
    )
    fig.update_xaxes(range=[-3, 103], title="Voortgangsindex (0–100)")
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed",
        tickfont={"color": "#000000"},
    )
    fig = _opmaak(fig, titel, hoogte=170 + 62 * len(labels))
    fig.update_layout(legend={"y": 1.0, "yanchor": "bottom"}, margin={"t": 100})
    return fig


def afkorting(label: str) -> str:
    """Short cell text for an option: 'Nog niet begonnen' → 'NNB', 'Afgerond' → 'A'."""
    return "".join(woord[0].upper() for woord in label.split())


def status_heatmap(raster: pd.DataFrame, titel: str) -> go.Figure:
    """Organisations × vragen in the status colours (domain.OPTIE_KLEUREN), each cell also
    carrying the option's abbreviation, so colour is never the only cue.

    ``raster`` has columns gemeente, vraag, waarde (option code or None) and antwoord (label).
    """
    codes = [c for c in OPTIE_KLEUREN if c in set(raster["waarde"].dropna())]
    kleuren = [GEEN_ANTWOORD_KLEUR, *(OPTIE_KLEUREN[c] for c in codes)]
    positie = {c: i + 1 for i, c in enumerate(codes)}
    rijen = list(dict.fromkeys(raster["gemeente"]))
    kolommen = list(dict.fromkeys(raster["vraag"]))
    z = raster.pivot(index="gemeente", columns="vraag", values="waarde").reindex(
        index=rijen, columns=kolommen
    )
    labels = raster.pivot(index="gemeente", columns="vraag", values="antwoord").reindex(
        index=rijen, columns=kolommen
    )
    n = len(kleuren)
    schaal = []
    for i, kleur in enumerate(kleuren):  # one flat band per option
        schaal += [[i / n, kleur], [(i + 1) / n, kleur]]
    fig = go.Figure(
        go.Heatmap(
            z=z.map(lambda w: 0 if pd.isna(w) else positie[w]).to_numpy(),
            x=kolommen,
            y=rijen,
            zmin=-0.5,
            zmax=n - 0.5,
            colorscale=schaal,
            showscale=False,
            text=labels.map(lambda t: afkorting(t) if isinstance(t, str) and t else "–").to_numpy(),
            customdata=labels.fillna("geen antwoord").replace("", "geen antwoord").to_numpy(),
            texttemplate="%{text}",
            textfont={"size": 11, "color": "#000000"},
            hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont={"color": "#000000"})
    fig.update_xaxes(side="top", tickangle=-60, tickfont={"color": "#000000", "size": 11})
    fig = _opmaak(fig, titel, hoogte=200 + 30 * len(rijen))
    fig.update_layout(margin={"t": 140})
    return fig


def koers_bereik(
    tabel: pd.DataFrame,
    peildatum,
    titel: str,
    *,
    tot: date,
    hoogte: int | None = None,
    grootte: int = 14,
) -> go.Figure:
    """Op koers?: one row per series (``rij``, a full label, wrapped), a thick bar from the
    earliest to the latest date 100% gereed is reached at its pace (``vroegst``, ``laatst``;
    a dot when they fall together), coloured and named by ``uitkomst``, and a black tick at
    the ``deadline``.

    A projection past ``tot`` (or never: ``laatst`` None) ends in a triangle at the right
    edge, so far-off dates do not squash the rest. ``hoogte`` fixes the height (px; else it
    follows the rows), ``grootte`` the font size. Rows without a projection (gereed, too
    few rounds) belong in the table beside the chart, not here.
    """
    labels = [omloop(r, 28) for r in tabel["rij"]]
    fig = go.Figure()
    for uitkomst in dict.fromkeys(tabel["uitkomst"]):
        deel = tabel[tabel["uitkomst"] == uitkomst]
        kleur = KOERS_KLEUREN.get(uitkomst, GEEN_ANTWOORD_KLEUR)
        x: list = []
        y: list = []
        verder: list[str] = []
        for rij, label in zip(deel.itertuples(), [labels[i] for i in deel.index], strict=True):
            if not (isinstance(rij.laatst, date) and rij.laatst <= tot):
                verder.append(label)
            if isinstance(rij.vroegst, date) and rij.vroegst <= tot:
                eind = rij.laatst if label not in verder else tot
                x += [rij.vroegst, eind, None]
                y += [label, label, None]
        fig.add_scatter(
            x=x,
            y=y,
            mode="lines+markers",
            name=str(uitkomst),
            legendgroup=str(uitkomst),
            line={"width": 10, "color": kleur},
            marker={"size": 14, "color": kleur, "line": {"width": 1, "color": "#000000"}},
            cliponaxis=False,
            hovertemplate="%{y}: %{x|%d-%m-%Y}<extra>" + str(uitkomst) + "</extra>",
        )
        fig.add_scatter(
            x=[tot] * len(verder),
            y=verder,
            mode="markers",
            name=str(uitkomst),
            legendgroup=str(uitkomst),
            showlegend=not x,  # no bar of this outcome: its legend entry is the triangle
            marker={
                "size": 14,
                "symbol": "triangle-right",
                "color": kleur,
                "line": {"width": 1, "color": "#000000"},
            },
            cliponaxis=False,
            hovertemplate=f"%{{y}}: na {tot.year} of nooit<extra>{uitkomst}</extra>",
        )
    fig.add_scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=f"na {tot.year} of nooit",
        marker={
            "size": 14,
            "symbol": "triangle-right",
            "color": "#FFFFFF",
            "line": {"width": 1, "color": "#000000"},
        },
    )
    met_deadline = tabel[tabel["deadline"].notna()]
    fig.add_scatter(
        x=met_deadline["deadline"],
        y=[labels[i] for i in met_deadline.index],
        mode="markers",
        name="deadline",
        marker={"size": 22, "symbol": "line-ns-open", "color": "#000000", "line": {"width": 3}},
        hovertemplate="deadline %{x|%d-%m-%Y}<extra></extra>",
    )
    _peildatum_lijn(fig, peildatum)
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed",
        automargin=True,
        tickfont={"color": "#000000"},
    )
    fig.update_xaxes(title="100% gereed bij dit tempo", range=[peildatum, tot])
    _nederlandse_maanden(fig, [peildatum, tot])
    regels = sum(label.count("<br>") + 1 for label in labels)
    hoogte = hoogte or max(360, 220 + int(1.7 * grootte) * regels)
    fig = _opmaak(fig, titel, hoogte=hoogte)
    fig.update_layout(font={**LETTERTYPE, "size": grootte})
    onder = -70 / (hoogte - 90 - 110)
    return fig.update_layout(
        legend={"orientation": "h", "y": onder, "yanchor": "top", "x": 0},
        margin={"t": 90, "b": 110},
    )
