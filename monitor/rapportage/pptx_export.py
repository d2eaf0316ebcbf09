"""The reflectiesessie as a PowerPoint file with native (editable) charts.

One title slide (round, peildatum, self-reported, no factual check), one slide per deck slide
with its title, chart and key message and its notes in the slide notes, and at the end the
afspraken with a deadline and whether it had passed at the peildatum.
"""

from __future__ import annotations

import io
from functools import partial

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches, Pt

from monitor.domain import DEMO_REGEL, statuslegenda
from monitor.kengetallen.bevindingen import bronnen_tekst
from monitor.opmaak.tekst import afkorten, datum, datum_tijd_kort
from monitor.progress import ProgressCallback, meld
from monitor.rapportage.bevindingen import ThemaBevinding
from monitor.reflectie.dias import (
    BEREIK,
    GEGROEPEERD,
    GESTAPELD,
    GESTAPELD_AANTAL,
    VERBORGEN,
    Bron,
    Dia,
    kleur,
    kopregels,
    planning_op_peildatum,
    thema_dia_sleutel,
)

TITEL_LAYOUT = 0
ALLEEN_TITEL = 5
PLANNING_RIJEN_PER_DIA = 12
CHART_TYPES = {
    GESTAPELD: XL_CHART_TYPE.BAR_STACKED_100,
    GESTAPELD_AANTAL: XL_CHART_TYPE.BAR_STACKED,
    GEGROEPEERD: XL_CHART_TYPE.BAR_CLUSTERED,
    BEREIK: XL_CHART_TYPE.BAR_STACKED,  # an invisible offset series, then the range
}


def notitie_tekst(notities: pd.DataFrame) -> str:
    """The notes of one slide as plain text for the slide notes (actiepunten marked)."""
    regels = []
    for n in notities.itertuples():
        regel = f"[{datum_tijd_kort(n.aangemaakt_op)}] {n.tekst}"
        if n.is_actiepunt:
            regel += f" — ACTIEPUNT voor {n.eigenaar}"
            if n.deadline is not None and not pd.isna(n.deadline):
                regel += f", deadline {datum(n.deadline)}"
        regels.append(regel)
    return "\n".join(regels)


def _tekstvak(dia, tekst: str, links, boven, breedte, hoogte, grootte: int, vet=False) -> None:
    vak = dia.shapes.add_textbox(links, boven, breedte, hoogte)
    kader = vak.text_frame
    kader.word_wrap = True
    for i, regel in enumerate(tekst.split("\n")):
        alinea = kader.paragraphs[0] if i == 0 else kader.add_paragraph()
        alinea.text = regel
        alinea.font.size = Pt(grootte)
        alinea.font.bold = vet


def _getalnotatie(dia: Dia) -> str:
    return {GESTAPELD: '0"%"', BEREIK: "0.0"}.get(dia.soort, "0")


def _grafiek(slide, dia: Dia) -> None:
    gegevens = CategoryChartData(number_format=_getalnotatie(dia))
    gegevens.categories = [afkorten(c, 60) for c in dia.categorieen]
    for _code, naam in dia.reeksen:
        gegevens.add_series(naam, dia.waarden(_code))
    soort = CHART_TYPES.get(dia.soort, XL_CHART_TYPE.BAR_CLUSTERED)
    kader = slide.shapes.add_chart(
        soort, Inches(0.5), Inches(1.9), Inches(12.3), Inches(5.3), gegevens
    )
    grafiek = kader.chart
    grafiek.has_legend = len(dia.reeksen) > 1
    if grafiek.has_legend:
        grafiek.legend.position = XL_LEGEND_POSITION.TOP
        grafiek.legend.include_in_layout = False
        grafiek.legend.font.size = Pt(14)
    grafiek.font.size = Pt(14)
    for i, (reeks, (code, _naam)) in enumerate(zip(grafiek.series, dia.reeksen, strict=True)):
        if code == VERBORGEN:
            reeks.format.fill.background()  # the offset of a range: not drawn
            continue
        reeks.format.fill.solid()
        reeks.format.fill.fore_color.rgb = RGBColor.from_string(kleur(code, i).lstrip("#"))
    plot = grafiek.plots[0]
    if dia.soort == BEREIK:  # lengths in years say nothing: the axis gives the timing
        grafiek.value_axis.has_title = True
        grafiek.value_axis.axis_title.text_frame.text = dia.as_titel
        plot.has_data_labels = False
        grafiek.category_axis.reverse_order = True
        kader._element.nvGraphicFramePr.cNvPr.set("descr", dia.alt)
        return
    plot.has_data_labels = True
    plot.data_labels.number_format = _getalnotatie(dia)
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(12)
    categorie_as = grafiek.category_axis
    categorie_as.reverse_order = True  # first category on top, as on the page
    kader._element.nvGraphicFramePr.cNvPr.set("descr", dia.alt)  # alt text


def _titeldia(prs, bron: Bron) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITEL_LAYOUT])
    slide.shapes.title.text = "Reflectiesessie Monitor Hervormingsagenda Jeugd"
    slide.placeholders[1].text = "\n".join(kopregels(bron)[: 4 if bron.demo else 3])
    slide.notes_slide.notes_text_frame.text = "\n".join(kopregels(bron))


def _legendadia(prs, bron: Bron) -> None:
    """What each status and ja/nee option means in this round, and where that comes from."""
    slide = prs.slides.add_slide(prs.slide_layouts[ALLEEN_TITEL])
    slide.shapes.title.text = "Wat de antwoordopties betekenen"
    regels = statuslegenda(list(bron.statusdefinities))
    _tekstvak(slide, "\n".join(regels), Inches(0.5), Inches(1.5), Inches(12.3), Inches(5.3), 16)


def _demo_voetregels(prs, bron: Bron) -> None:
    """From a demo database: a footer on every slide that says so."""
    if not bron.demo:
        return
    for slide in prs.slides:
        _tekstvak(
            slide, DEMO_REGEL, Inches(0.4), Inches(7.05), Inches(12.5), Inches(0.35), 11, True
        )


def _planning_dias(prs, bron: Bron) -> None:
    tabel = planning_op_peildatum(bron)
    for start in range(0, len(tabel), PLANNING_RIJEN_PER_DIA):
        deel = tabel.iloc[start : start + PLANNING_RIJEN_PER_DIA]
        slide = prs.slides.add_slide(prs.slide_layouts[ALLEEN_TITEL])
        slide.shapes.title.text = (
            f"Deadlines op de peildatum ({datum(bron.peildatum)}) "
            f"{start // PLANNING_RIJEN_PER_DIA + 1}/{-(-len(tabel) // PLANNING_RIJEN_PER_DIA)}"
        )
        vorm = slide.shapes.add_table(
            len(deel) + 1, 4, Inches(0.4), Inches(1.5), Inches(12.5), Inches(0.4)
        ).table
        koppen = ("Afspraak", "Actor(en)", "Planning", "Deadline verstreken")
        breedtes = (Inches(7.3), Inches(2.4), Inches(1.6), Inches(1.2))
        for j, (kop, breedte) in enumerate(zip(koppen, breedtes, strict=True)):
            vorm.columns[j].width = breedte
            vorm.cell(0, j).text = kop
        for i, rij in enumerate(deel.itertuples(), start=1):
            waarden = (afkorten(rij.afspraak, 110), rij.actoren, rij.planning, rij.verstreken)
            for j, waarde in enumerate(waarden):
                vorm.cell(i, j).text = str(waarde)
        for cel in (c for r in vorm.rows for c in r.cells):
            for alinea in cel.text_frame.paragraphs:
                alinea.font.size = Pt(11)


def bevinding_notitie(bevinding: ThemaBevinding) -> str:
    """The speaker notes of a findings slide: the text, whether it was edited, the sources."""
    soort = "bewerkt en bewaard" if bevinding.bewerkt else "concept uit de cijfers"
    return "\n".join(
        [
            f"Bevindingen thema {bevinding.thema_nr} ({soort}):",
            bevinding.tekst,
            "",
            "Bronnen van het concept (kengetallen):",
            bronnen_tekst(list(bevinding.zinnen)),
        ]
    )


def _bevindingen_dias(prs, bevindingen: list[ThemaBevinding]) -> None:
    for bevinding in bevindingen:
        slide = prs.slides.add_slide(prs.slide_layouts[ALLEEN_TITEL])
        slide.shapes.title.text = f"Bevindingen thema {bevinding.thema_nr}. {bevinding.titel}"
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        _tekstvak(slide, bevinding.tekst, Inches(0.5), Inches(1.4), Inches(12.3), Inches(5.5), 16)
        slide.notes_slide.notes_text_frame.text = bevinding_notitie(bevinding)


def bouw_pptx(
    bron: Bron,
    dias: list[Dia],
    notities: pd.DataFrame | None = None,
    voortgang: ProgressCallback | None = None,
    bevindingen: list[ThemaBevinding] | None = None,
) -> bytes:
    """The deck as .pptx bytes. ``notities`` (columns of reflectie_opslag.notities) go into
    the slide notes of their slide; pass None to leave notes out (the public view).
    ``bevindingen`` add a findings slide per thema (text on the slide, text and sources in
    its notes) and their text to the notes of the thema's own slide."""
    per_dia = {thema_dia_sleutel(b.thema_nr): b for b in bevindingen or []}
    melden = partial(meld, voortgang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    prs.core_properties.title = f"Reflectiesessie monitor ronde {bron.jaar}"
    if bron.demo:
        prs.core_properties.title = f"Demodata — {prs.core_properties.title}"
        prs.core_properties.subject = DEMO_REGEL
        prs.core_properties.keywords = "Demodata"
    _titeldia(prs, bron)
    for i, dia in enumerate(dias):
        melden(i / (len(dias) + 1), f"Dia {i + 1} van {len(dias)}: {dia.titel}")
        slide = prs.slides.add_slide(prs.slide_layouts[ALLEEN_TITEL])
        slide.shapes.title.text = dia.titel
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(30)
        _tekstvak(
            slide, dia.kernboodschap, Inches(0.5), Inches(1.2), Inches(12.3), Inches(0.7), 20, True
        )
        _grafiek(slide, dia)
        eigen = notities[notities["dia"] == dia.sleutel] if notities is not None else pd.DataFrame()
        tekst = [dia.toelichting, f"Ronde {bron.jaar}, peildatum {datum(bron.peildatum)}."]
        if len(eigen):
            tekst += ["", "Notities uit de reflectiesessie:", notitie_tekst(eigen)]
        if dia.sleutel in per_dia:
            tekst += ["", "Bevindingen:", per_dia[dia.sleutel].tekst]
        slide.notes_slide.notes_text_frame.text = "\n".join(tekst)
    _bevindingen_dias(prs, bevindingen or [])
    _legendadia(prs, bron)
    melden(len(dias) / (len(dias) + 1), "Deadlines op de peildatum")
    _planning_dias(prs, bron)
    _demo_voetregels(prs, bron)
    buffer = io.BytesIO()
    prs.save(buffer)
    melden(1.0, "Klaar")
    return buffer.getvalue()
