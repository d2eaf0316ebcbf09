"""A slide's chart as a plotly figure (page and PDF). Pure: a Dia in, a figure out.

Category labels (actors, thema's, afspraken) are never shortened: long ones wrap over lines
(:func:`omloop`), and the y-axis has automatic margins, so plotly makes room for the longest
label. :func:`afgesneden_labels` checks that before a picture is exported.
"""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go

from monitor.kengetallen.koers import grafiek_einde
from monitor.opmaak.grafieken import LETTERTYPE, koers_bereik
from monitor.opmaak.tekst import getal, omloop, procent
from monitor.reflectie.dias import BEREIK, GEGROEPEERD, GESTAPELD, STAAF, Dia, kleur

ARIAL = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
LABEL_BREEDTE = 60  # characters per line of a wrapped category label (PDF)


def _regels(dia: Dia, breedte: int) -> int:
    """The most lines any wrapped category label of the slide takes."""
    return max((omloop(c, breedte).count("<br>") + 1 for c in dia.categorieen), default=1)


def _hoogte(dia: Dia, groot: bool, breedte: int) -> int:
    """Height in px: enough per row for its bar and every line of its label."""
    grootte = 20 if groot else 14
    if dia.soort == GEGROEPEERD:
        rijen = len(dia.tabel)
        per_rij = 40 if groot else 32
        extra = max(0, _regels(dia, breedte) * grootte * 1.3 - 2 * per_rij) * len(dia.categorieen)
    else:
        rijen = len(dia.categorieen)
        per_rij = max(60 if groot else 44, _regels(dia, breedte) * grootte * 1.3 + 10)
        extra = 0
    return int(max(360, 170 + per_rij * rijen + extra))


def dia_figuur(dia: Dia, *, groot: bool = False, hoogte: int | None = None) -> go.Figure:
    """Horizontal bars of the slide's tidy table: stacked (GESTAPELD*), one series (STAAF) or
    one bar per (category, series) pair (GEGROEPEERD). Values are written in or next to the
    bars, so colour is never the only cue. ``groot`` uses larger fonts (the reflectiesessie
    page); ``hoogte`` fixes the height in px (the presentatiemodus: wider labels, smaller
    letters when they have many lines), else the height follows the rows and label lines."""
    if dia.soort == BEREIK:
        return _bereik(dia, groot=groot, hoogte=hoogte)
    breedte = 90 if hoogte else (45 if groot else LABEL_BREEDTE)
    grootte = 20 if groot else 14
    if hoogte and _regels(dia, breedte) > 2:  # long labels: wider lines, smaller letters
        breedte, grootte = 110, 12
    elif hoogte:
        grootte = 16
    fig = _gegroepeerd(dia, breedte) if dia.soort == GEGROEPEERD else _staven(dia, breedte)
    fig.update_layout(
        font={**LETTERTYPE, "size": grootte},
        height=hoogte or _hoogte(dia, groot, breedte),
        margin={"l": 10, "r": 30, "t": 70, "b": 10},  # r: room for the last tick, '100%'
        separators=",.",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
        showlegend=len(dia.reeksen) > 1,
    )
    fig.update_xaxes(title=omloop(dia.as_titel, 50), automargin=True)  # centred, so short
    # standoff: the last letter of a label does not touch its bar (automargin makes room for it)
    fig.update_yaxes(automargin=True, tickfont={"color": "#000000"}, ticklabelstandoff=8)
    return fig


def _bereik(dia: Dia, *, groot: bool, hoogte: int | None) -> go.Figure:
    """The Op koers? range chart (opmaak.grafieken.koers_bereik) from the slide's dates."""
    bereik = dia.bereik
    peildatum = bereik["peildatum"].iloc[0]
    tot = grafiek_einde(bereik["deadline"].tolist())
    grootte = 20 if groot else 14
    if hoogte:  # the presentatiemodus: every row must fit the fixed height
        grootte = max(9, min(grootte, int((hoogte - 220) / max(1, len(bereik)) / 1.25)))
    fig = koers_bereik(bereik, peildatum, "", tot=tot, hoogte=hoogte, grootte=grootte)
    return fig.update_layout(title=None)


def _staven(dia: Dia, breedte: int) -> go.Figure:
    als_procent = dia.soort in (GESTAPELD, STAAF)
    labels = [omloop(c, breedte) for c in dia.categorieen]
    fig = go.Figure()
    for i, (code, naam) in enumerate(dia.reeksen):
        waarden = dia.waarden(code)
        tekst = [
            (procent(w) if als_procent else getal(w)) if w >= (4 if als_procent else 1) else ""
            for w in waarden
        ]
        fig.add_bar(
            name=naam,
            y=labels,
            x=waarden,
            orientation="h",
            marker_color=kleur(code, i),
            text=tekst,
            textposition="inside",
            insidetextanchor="middle",
            customdata=[procent(w, 1) if als_procent else getal(w, 1) for w in waarden],
            hovertemplate=f"{naam}: %{{customdata}}<extra></extra>",
        )
    fig.update_layout(barmode="stack" if dia.soort != STAAF else "group")
    if dia.soort == GESTAPELD:
        fig.update_xaxes(range=[0, 100], ticksuffix="%")
    elif dia.soort == STAAF:
        fig.update_xaxes(range=[0, 105])
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    return fig


def _gegroepeerd(dia: Dia, breedte: int) -> go.Figure:
    """One row per (category, series) pair that has a value: the category on the outer axis
    label, the series (actor) on the inner one, so every bar sits next to its own label. Each
    value also gets a dot with its number, so a score of 0 is drawn too."""
    fig = go.Figure()
    for i, (code, naam) in enumerate(dia.reeksen):
        deel = dia.tabel[dia.tabel["reeks_code"] == code]
        y = [[omloop(c, breedte) for c in deel["categorie"]], [naam] * len(deel)]
        waarden = deel["waarde"].astype(float).tolist()
        fig.add_bar(
            name=naam,
            y=y,
            x=waarden,
            orientation="h",
            marker_color=kleur(code, i),
            legendgroup=code,
            hovertemplate=f"{naam}: %{{x}}<extra></extra>",
        )
        fig.add_scatter(
            y=y,
            x=waarden,
            mode="markers+text",
            marker={"color": kleur(code, i), "size": 12, "line": {"color": "#000000", "width": 1}},
            text=[getal(w) for w in waarden],
            textposition="middle right",
            legendgroup=code,
            showlegend=False,
            hoverinfo="skip",
        )
    volgorde = [
        (omloop(c, breedte), naam)
        for c in dia.categorieen
        for code, naam in dia.reeksen
        if ((dia.tabel["categorie"] == c) & (dia.tabel["reeks_code"] == code)).any()
    ]
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=volgorde,
        autorange="reversed",
        dividercolor="#777777",
    )
    fig.update_xaxes(range=[-4, 112])
    return fig


def afgesneden_labels(fig: go.Figure, svg: str) -> list[str]:
    """Category labels that are not drawn whole in ``svg`` (the figure as plotly drew it):
    shortened with '…', or wider than the room left of where plotly anchors them (their
    right end: a wider label starts left of the picture's edge).

    Widths are measured with the font Chromium draws Arial with (Liberation Sans, the same
    metrics); for a two-level axis the outer and inner labels sit side by side."""
    ankers = re.findall(r'class="ytick"><text text-anchor="end" x="([\d.]+)"', svg)
    links = max((float(x) for x in ankers), default=0.0)
    grootte = float(fig.layout.font.size or 14)
    fout = []
    for trace in fig.data:
        niveaus = _niveaus(trace.y)
        nodig = sum(max(_breedte(label, grootte) for label in niveau) for niveau in niveaus)
        for niveau in niveaus:
            fout += [label for label in niveau if "…" in label or nodig > links]
    return list(dict.fromkeys(fout))


def _breedte(label: str, grootte: float) -> float:
    """Width in px of the widest line of a label, in Arial (Liberation Sans) at ``grootte``."""
    from PIL import ImageFont

    letter = ImageFont.truetype(str(ARIAL), size=int(grootte)) if ARIAL.is_file() else None
    if letter is None:  # no font file: a generous estimate
        return max(len(regel) for regel in label.split("<br>")) * 0.55 * grootte
    return max(letter.getlength(regel) for regel in label.split("<br>"))


def _niveaus(y) -> list[list[str]]:
    """The category labels of a trace per axis level (one level, or outer and inner)."""
    if y is None or not len(y):
        return []
    if isinstance(y[0], (list, tuple)):
        return [[str(label) for label in niveau] for niveau in y]
    return [[str(label) for label in y]]
