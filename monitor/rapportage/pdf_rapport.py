"""The PDF report of a round: an overview and one section per thema, with chart pictures.

Charts become PNG pictures through kaleido, which drives the system's Chromium
(``/usr/bin/chromium``; ``BROWSER_PATH`` points elsewhere). Without a browser the build
stops with :class:`GeenBrowser`, a Dutch message, before anything is drawn.
"""

from __future__ import annotations

import io
import os
import shutil
import warnings
from functools import partial
from pathlib import Path

import pandas as pd
from fpdf import FPDF

from monitor.domain import ACTORTYPE_BY_CODE, DEMO_REGEL, statuslegenda
from monitor.errors import MonitorFout
from monitor.kengetallen import kerncijfers as kerncijfers_mod
from monitor.kengetallen import voortgang as voortgang_mod
from monitor.opmaak.tekst import datum
from monitor.progress import ProgressCallback, meld
from monitor.rapportage.bevindingen import ThemaBevinding
from monitor.rapportage.excel_tabellen import STATUS_KOPPEN, thema_rijen
from monitor.rapportage.figuren import dia_figuur
from monitor.rapportage.pptx_export import notitie_tekst
from monitor.reflectie.dias import (
    Bron,
    Dia,
    kopregels,
    planning_op_peildatum,
    planning_overzicht,
    thema_dia_sleutel,
    thema_titel,
)

LETTER_MAP = Path("/usr/share/fonts/truetype/dejavu")
BROWSER_NAMEN = ("chromium", "chromium-browser", "google-chrome")
KOP_RUIMTE = 25  # mm for a slide's title and key message above its chart
TABEL_MARGE = (0.8, 1.0)  # mm above/below and beside a cell's text: text never touches a line
PDF_BREEDTE = 1000  # px of a chart picture: 14 px letters end up about 7,5 pt on A4


class GeenBrowser(MonitorFout):
    """No Chromium to draw the chart pictures with."""


def browser_pad() -> Path:
    """The Chromium kaleido will use: ``BROWSER_PATH`` when set, else the first on PATH.

    Raises GeenBrowser (Dutch) when there is none or the file does not exist.
    """
    gezet = os.environ.get("BROWSER_PATH")
    pad = gezet or next((p for n in BROWSER_NAMEN if (p := shutil.which(n))), None)
    if not pad or not Path(pad).is_file():
        waar = f" (gezocht: {pad})" if pad else ""
        raise GeenBrowser(
            "Het PDF-rapport kan niet worden gemaakt: voor de grafieken is de browser Chromium "
            f"nodig en die is niet gevonden{waar}. Installeer Chromium (Debian: apt-get install "
            "chromium) of wijs hem aan met de omgevingsvariabele BROWSER_PATH. De PowerPoint- "
            "en Excel-export werken wel zonder Chromium."
        )
    return Path(pad)


def afbeeldingen(dias: list[Dia], melden: ProgressCallback, tot: float) -> dict[str, bytes]:
    """PNG per slide key, drawn by one kaleido Chromium for the whole batch."""
    import kaleido

    pad = browser_pad()
    os.environ["BROWSER_PATH"] = str(pad)  # kaleido (choreographer) reads it
    try:
        kaleido.start_sync_server(silence_warnings=True)
        uit = {}
        for i, dia in enumerate(dias):
            melden(tot * i / max(1, len(dias)), f"Grafiek {i + 1} van {len(dias)}")
            fig = dia_figuur(dia)
            with warnings.catch_warnings():  # 'kopts ignored when using a server': harmless
                warnings.simplefilter("ignore", UserWarning)
                uit[dia.sleutel] = fig.to_image(
                    format="png", width=PDF_BREEDTE, height=int(fig.layout.height), scale=2
                )
        return uit
    except Exception as fout:  # kaleido/choreographer raise many kinds when Chromium fails
        raise GeenBrowser(
            f"Het PDF-rapport kan niet worden gemaakt: Chromium ({pad}) kon de grafieken niet "
            f"tekenen ({type(fout).__name__}: {str(fout)[:200]})."
        ) from fout


class _Rapport(FPDF):
    def __init__(self, voet: str) -> None:
        super().__init__(orientation="P", format="A4")
        self.voet = voet
        if (LETTER_MAP / "DejaVuSans.ttf").is_file():
            self.add_font("dejavu", "", str(LETTER_MAP / "DejaVuSans.ttf"))
            self.add_font("dejavu", "B", str(LETTER_MAP / "DejaVuSans-Bold.ttf"))
            self.letter = "dejavu"
        else:
            self.letter = "helvetica"
        self.set_auto_page_break(auto=True, margin=18)

    def tekst(self, waarde: str) -> str:
        if self.letter == "helvetica":  # core fonts: Latin-1 only
            return waarde.encode("latin-1", "replace").decode("latin-1")
        return waarde

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(self.letter, size=8)
        self.cell(0, 6, self.tekst(f"{self.voet} · pagina {self.page_no()}"), align="C")

    def kop(self, tekst: str, grootte: int = 16) -> None:
        self.set_font(self.letter, "B", grootte)
        self.multi_cell(
            0, grootte * 0.5, self.tekst(tekst), new_x="LMARGIN", new_y="NEXT", align="L"
        )
        self.ln(2)

    def alinea(self, tekst: str, grootte: int = 10, vet: bool = False) -> None:
        self.set_font(self.letter, "B" if vet else "", grootte)
        self.multi_cell(
            0, grootte * 0.5, self.tekst(tekst), new_x="LMARGIN", new_y="NEXT", align="L"
        )
        self.ln(1.5)

    def dia(self, dia: Dia, png: bytes | None, notities: pd.DataFrame | None) -> None:
        """Title, key message and chart, kept on one page: a new page when they do not fit."""
        if png is not None:
            from PIL import Image

            with Image.open(io.BytesIO(png)) as plaatje:
                hoogte = self.epw * plaatje.height / plaatje.width
            if self.get_y() + KOP_RUIMTE + hoogte > self.page_break_trigger:
                self.add_page()
        self.kop(dia.titel, 13)
        self.alinea(dia.kernboodschap, 11, vet=True)
        if png is not None:
            self.image(png, w=self.epw, alt_text=dia.alt)
        if dia.toelichting:
            self.alinea(dia.toelichting, 8)
        if notities is not None and len(eigen := notities[notities["dia"] == dia.sleutel]):
            self.alinea("Uit de reflectiesessie:", 10, vet=True)
            self.alinea(notitie_tekst(eigen), 9)

    def kerncijfers(self, nr: int, tabel: pd.DataFrame) -> None:
        """Per actor of thema ``nr``: share gereed and afspraak-vragen behind on planning."""
        if tabel.empty:
            return
        self.alinea(f"Kerncijfers thema {nr} per actor:", 10, vet=True)
        for rij in tabel.to_dict("records"):
            actor = ACTORTYPE_BY_CODE[rij["actortype"]].label_meervoud
            self.alinea(kerncijfers_mod.regel(actor, pd.Series(rij)) + ".", 9)
        self.ln(2)

    def bevindingen(self, bevinding: ThemaBevinding | None) -> None:
        """The thema's bevindingen: the saved text, else the draft from the figures."""
        if bevinding is None:
            return
        soort = "" if bevinding.bewerkt else " (concept uit de cijfers)"
        self.alinea(f"Bevindingen{soort}:", 10, vet=True)
        self.alinea(bevinding.tekst, 10)
        self.ln(2)

    def antwoorden(self, rijen: list[list]) -> None:
        """The thema's table as in the report (chapter 3): per actor and afspraak-vraag the
        percentage per answer (gemeenten, regio's) or the answer (single actors), and n."""
        if not rijen:
            return
        self.alinea("Antwoorden per actor en afspraak:", 10, vet=True)
        self.set_font(self.letter, size=6.5)
        opties = [k.removesuffix(" (%)") for k in STATUS_KOPPEN]
        # mm, A4 portrait; 22 for the actor: 'SBJ (professionals)' on one line
        breedtes = (22, 53, 16, *([14] * (len(opties) - 1)), 19, 10)
        with self.table(
            col_widths=breedtes, text_align="LEFT", line_height=3, padding=TABEL_MARGE
        ) as tabel_pdf:
            tabel_pdf.row(["Actor", "Afspraak", *[f"{o} (%)" for o in opties], "Antwoord", "n"])
            for rij in rijen:
                actor, _code, afspraak = rij[0], rij[1], rij[2]
                procenten = rij[6 : 6 + len(opties)]
                antwoord, n = rij[6 + len(opties)], rij[7 + len(opties)]
                cellen = [actor, afspraak, *["" if p is None else str(p) for p in procenten]]
                tabel_pdf.row([self.tekst(c) for c in (*cellen, antwoord, str(n))])
        self.ln(3)

    def deadlines(self, tabel: pd.DataFrame) -> None:
        if tabel.empty:
            return
        self.alinea("Afspraken met een deadline en de stand op de peildatum:", 10, vet=True)
        self.set_font(self.letter, size=8)
        with self.table(
            col_widths=(100, 35, 28, 22), text_align="LEFT", padding=TABEL_MARGE
        ) as tabel_pdf:
            tabel_pdf.row(["Afspraak", "Actor(en)", "Planning", "Deadline verstreken"])
            for rij in tabel.itertuples():
                tabel_pdf.row(
                    [
                        self.tekst(str(w))
                        for w in (rij.afspraak, rij.actoren, rij.planning, rij.verstreken)
                    ]
                )
        self.ln(3)


def bouw_pdf(
    bron: Bron,
    dias: list[Dia],
    notities: pd.DataFrame | None = None,
    voortgang: ProgressCallback | None = None,
    bevindingen: list[ThemaBevinding] | None = None,
) -> bytes:
    """The report as PDF bytes: title page (round, peildatum, self-reported), overview (the
    slides that belong to no thema), one section per thema (its slide, its ``bevindingen``
    when given, its figures and its deadlines).

    Raises GeenBrowser when Chromium is missing (checked first, before any work).
    """
    melden = partial(meld, voortgang)
    browser_pad()
    plaatjes = afbeeldingen(dias, melden, 0.8)
    melden(0.85, "PDF opmaken")
    voet = f"Monitor Hervormingsagenda Jeugd · ronde {bron.jaar}"
    rapport = _Rapport(f"Demodata · {voet}" if bron.demo else voet)
    rapport.set_title(f"Rapport monitor ronde {bron.jaar}")
    if bron.demo:
        rapport.set_title(f"Demodata — Rapport monitor ronde {bron.jaar}")
        rapport.set_subject(DEMO_REGEL)
        rapport.set_keywords("Demodata")
    rapport.set_lang("nl")
    rapport.add_page()
    rapport.kop(f"Monitor Hervormingsagenda Jeugd — rapport ronde {bron.jaar}", 20)
    for regel in kopregels(bron):
        rapport.alinea(regel, 11)
    rapport.alinea("Wat de antwoordopties betekenen:", 10, vet=True)
    for regel in statuslegenda(list(bron.statusdefinities)):
        rapport.alinea(regel, 9)
    thema_dias = {d.sleutel: d for d in dias if d.sleutel.startswith("thema-")}
    overig = [d for d in dias if d.sleutel not in thema_dias]
    rapport.add_page()
    rapport.kop("Overzicht", 18)
    for dia in overig:
        rapport.dia(dia, plaatjes.get(dia.sleutel), notities)
    planning = planning_op_peildatum(bron)
    verstreken = dict(zip(planning["afspraak_code"], planning["verstreken"], strict=True))
    verdeling = voortgang_mod.verdeling(bron.vragen, bron.antwoorden)
    cijfers = kerncijfers_mod.per_thema_actor(
        vragen=bron.vragen,
        antwoorden=bron.antwoorden,
        planning_overzicht=planning_overzicht(bron),
        peildatum=bron.peildatum,
    )
    per_thema = {b.thema_nr: b for b in bevindingen or []}
    for nr in sorted(bron.themas["nr"].astype(int)):
        rapport.add_page()
        rapport.kop(f"Thema {thema_titel(bron, nr)}", 18)
        dia = thema_dias.get(thema_dia_sleutel(nr))
        if dia is not None:
            rapport.dia(dia, plaatjes.get(dia.sleutel), notities)
        rapport.bevindingen(per_thema.get(nr))
        rapport.kerncijfers(nr, cijfers[cijfers["thema_nr"] == nr])
        rapport.antwoorden(thema_rijen(bron, nr, verdeling, verstreken))
        rapport.deadlines(planning[planning["thema_nr"] == nr])
    rapport.alinea(f"Gemaakt op basis van ronde {bron.jaar}, peildatum {datum(bron.peildatum)}.", 8)
    melden(1.0, "Klaar")
    return bytes(rapport.output())
