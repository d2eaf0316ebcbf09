"""The exports of demo round 2024: PowerPoint with native charts, the report tables in Excel,
the PDF report, and the `rapport` command."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Inches

from monitor.__main__ import main
from monitor.db import read_session
from monitor.domain import parse_opties
from monitor.rapportage import pdf_rapport
from monitor.rapportage.bron import laad_bron
from monitor.rapportage.excel_tabellen import bouw_xlsx
from monitor.rapportage.pptx_export import PLANNING_RIJEN_PER_DIA, bouw_pptx
from monitor.reflectie import dias as reflectie
from monitor.store.reflectie import NOTITIE_KOLOMMEN

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def bron(demo_engine):
    with read_session(demo_engine) as session:
        return laad_bron(session, 2024)


@pytest.fixture(scope="module")
def dias(bron):
    return reflectie.catalogus(bron)


def _notities(*rijen) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (
                i,
                dia,
                tekst,
                eigenaar is not None,
                eigenaar or "",
                None,
                "",
                datetime(2024, 9, 12, 14, 0),
                "Kijker",
            )
            for i, (dia, tekst, eigenaar) in enumerate(rijen, start=1)
        ],
        columns=NOTITIE_KOLOMMEN,
    )


@pytest.fixture(scope="module")
def pptx(bron, dias):
    notities = _notities(
        ("thema-4-voortgang", "Regio's wachten op de landsdelen.", None),
        ("thema-4-voortgang", "Tarieven kleinschalig bespreken.", "VNG"),
    )
    return Presentation(io.BytesIO(bouw_pptx(bron, dias, notities)))


def test_pptx_of_a_demo_database_says_demodata_on_the_title_slide_and_every_footer(pptx):
    teksten = [
        [vorm.text_frame.text for vorm in slide.shapes if vorm.has_text_frame]
        for slide in pptx.slides
    ]
    assert "Demodata" in " ".join(teksten[0])
    assert all(any(t.startswith("Demodata:") for t in dia) for dia in teksten)
    assert pptx.core_properties.title.startswith("Demodata")


def test_the_catalogue_has_the_expected_slides(dias):
    sleutels = [d.sleutel for d in dias]
    assert sleutels[0] == "respons"
    assert [s for s in sleutels if s.startswith("thema-")] == [
        f"thema-{n}-voortgang" for n in range(1, 9)
    ]
    assert {"planning-stand", "verschillen", "beleving-gemeente", "beleving-regio"} <= set(sleutels)
    assert len(sleutels) == 15
    thema4 = next(d for d in dias if d.sleutel == "thema-4-voortgang")
    assert thema4.kernboodschap.startswith("51% van de jeugdregio's antwoordt 'afgerond'")


def test_differences_slide_counts_the_reports_two_afspraken(dias):
    dia = next(d for d in dias if d.sleutel == "verschillen")
    assert dia.kernboodschap.startswith("Bij 2 gedeelde afspraken antwoorden")


def test_slides_name_no_gemeente_or_regio(bron, dias):
    namen = bron.organisaties.loc[
        bron.organisaties["actortype"].isin(["gemeente", "regio"]), "naam"
    ]
    tekst = " ".join(
        [d.titel + " " + d.kernboodschap + " " + " ".join(d.categorieen) for d in dias]
    )
    genoemd = [n for n in namen if re.search(rf"\b{re.escape(n)}\b", tekst)]
    assert not genoemd


def test_pptx_has_title_slide_one_per_slide_and_the_deadline_tables(pptx, bron, dias):
    planning = reflectie.planning_op_peildatum(bron)
    tabel_dias = -(-len(planning) // PLANNING_RIJEN_PER_DIA)
    assert len(pptx.slides) == 1 + len(dias) + 1 + tabel_dias  # title, slides, legend, tables
    assert pptx.slide_width == Inches(13.333)
    titel = pptx.slides[0]
    tekst = " ".join(s.text_frame.text for s in titel.shapes if s.has_text_frame)
    assert "Ronde 2024" in tekst and "30 juni 2024" in tekst and "zelfrapportage" in tekst
    laatste = pptx.slides[len(pptx.slides) - 1]
    tabel = next(s for s in laatste.shapes if s.has_table).table
    assert tabel.cell(0, 3).text == "Deadline verstreken"


def test_pptx_charts_are_native_and_hold_the_compute_layers_numbers(pptx, dias):
    for slide, dia in zip(list(pptx.slides)[1 : 1 + len(dias)], dias, strict=True):
        assert slide.shapes.title.text == dia.titel
        grafieken = [s for s in slide.shapes if s.has_chart]
        assert len(grafieken) == 1, dia.sleutel  # a chart object, not a picture
        assert not [s for s in slide.shapes if s.shape_type == 13]  # no pictures
        grafiek = grafieken[0].chart
        assert [s.name for s in grafiek.series] == [naam for _c, naam in dia.reeksen]
        for reeks, (code, _naam) in zip(grafiek.series, dia.reeksen, strict=True):
            assert list(reeks.values) == pytest.approx(dia.waarden(code)), dia.sleutel
        teksten = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert dia.kernboodschap in teksten


def test_pptx_thema_4_holds_the_reports_51_percent(pptx, dias):
    index = next(i for i, d in enumerate(dias) if d.sleutel == "thema-4-voortgang")
    dia = dias[index]
    assert "51%" in dia.kernboodschap
    notities = pptx.slides[1 + index].notes_slide.notes_text_frame.text
    assert "Regio's wachten op de landsdelen." in notities
    assert "ACTIEPUNT voor VNG" in notities


# --------------------------------------------------------------------------------------------
# Excel: the tables of chapters 3 and 4

KOLOM = {
    "ja": "Ja (%)",
    "nee": "Nee (%)",
    "nog_niet_begonnen": "Nog niet begonnen (%)",
    "mee_bezig": "Mee bezig (%)",
    "bijna_klaar": "Bijna klaar (%)",
    "afgerond": "Afgerond (%)",
    "helemaal_niet": "Helemaal niet (%)",
    "enigszins": "Enigszins (%)",
    "ongeveer_halverwege": "Ongeveer halverwege (%)",
    "grotendeels": "Grotendeels (%)",
    "volledig": "Volledig (%)",
}


@pytest.fixture(scope="module")
def werkboek(bron):
    return load_workbook(io.BytesIO(bouw_xlsx(bron)))


def _cellen(werkboek) -> dict[tuple[str, str], object]:
    """(vraag code, column header) → cell value, over all table sheets (header in row 2)."""
    cellen = {}
    for blad in werkboek.worksheets[1:]:
        rijen = list(blad.iter_rows(values_only=True))
        for rij in rijen[2:]:
            for kop, waarde in zip(rijen[1], rij, strict=False):
                cellen[(rij[1], kop)] = waarde
    return cellen


def _haalbaar(percentage: int, n: int) -> bool:
    """Can a whole percentage be printed from some count out of ``n`` (half up)?"""
    return any(int(100 * k / n + 0.5) == percentage for k in range(n + 1))


ONGELIJK_GENOEMD = {
    ("REG.6.01", "afgerond"),
    ("REG.B.2", "enigszins"),
    ("REG.7.01", "ja"),
    ("REG.7.01", "nee"),
    ("REG.7.04", "ja"),
}


def test_excel_tables_equal_the_reports_tables_of_chapters_3_and_4(werkboek):
    cellen = _cellen(werkboek)
    with (DATA / "rapport_2024.csv").open(encoding="utf-8") as handle:
        rijen = [r for r in csv.DictReader(handle) if "tabel" in r["bron"]]
    assert len(rijen) == 138  # every figure printed in the report's tables
    afwijkend = []
    ongelijk = set()
    for rij in rijen:
        verwacht = round(float(rij["percentage"]))
        werkelijk = cellen[(rij["vraag"], KOLOM[rij["optie"]])]
        n = cellen.get((rij["vraag"], "Antwoorden (n)")) or cellen[(rij["vraag"], "n")]
        # Equal, unless no count out of the n who answered prints as the report's figure
        # (the report used another denominator); then the nearest, within 1 point.
        if werkelijk != verwacht and (_haalbaar(verwacht, n) or abs(werkelijk - verwacht) > 1):
            afwijkend.append((rij["vraag"], rij["optie"], verwacht, werkelijk, n))
        if werkelijk != verwacht:
            ongelijk.add((rij["vraag"], rij["optie"]))
    assert not afwijkend
    # The cells that data/README.md names, each with its reason ('Check result').
    assert ongelijk == ONGELIJK_GENOEMD


def test_excel_follow_up_questions_on_the_reports_base(werkboek, bron):
    """The follow-ups the report describes in its text (GEM.2.02, GEM.3.02, GEM.7.02,
    REG.7.02): whole percentages of all respondents, the base named, within 1 point."""
    labels = {
        (v.code, o.code): o.label
        for v in bron.vragen.itertuples()
        for o in parse_opties(v.opties or "")
    }
    blad = list(werkboek["Informatievragen"].iter_rows(min_row=3, values_only=True))
    cellen = {(r[1], r[3]): r for r in blad}
    with (DATA / "rapport_2024.csv").open(encoding="utf-8") as handle:
        rijen = [r for r in csv.DictReader(handle) if r["basis"] == "respondenten"]
    assert {r["vraag"] for r in rijen} == {"GEM.2.02", "GEM.3.02", "GEM.7.02", "REG.7.02"}
    for rij in rijen:
        cel = cellen[(rij["vraag"], labels[(rij["vraag"], rij["optie"])])]
        assert abs(cel[4] - float(rij["percentage"])) <= 1, rij
        basis = {"gemeente": "van alle 308 gemeenten", "regio": "van alle 41 jeugdregio's"}
        assert cel[5] == basis[rij["actortype"]]
        assert cel[6] > cel[4]  # of those asked: a larger share


def test_excel_of_a_demo_database_says_demodata_first(werkboek):
    eerste = werkboek.worksheets[0]
    assert eerste["A1"].value.startswith("Demodata:")
    assert werkboek.properties.title.startswith("Demodata")
    assert werkboek.properties.keywords == "Demodata"


def test_excel_states_round_peildatum_self_reporting_and_deadlines(werkboek):
    over = " ".join(str(c.value) for c in werkboek["Over deze tabellen"]["A"] if c.value)
    assert "Ronde 2024" in over and "30 juni 2024" in over and "zonder feitelijke controle" in over
    blad = werkboek["Deadlines"]
    rijen = {r[1]: r for r in blad.iter_rows(min_row=3, values_only=True)}
    assert rijen["A1.11"][4] == "Klaar Q4 2023" and rijen["A1.11"][6] == "Ja"  # SBJ's list
    assert rijen["A6.01"][6] == "Nee"  # Klaar Q3 2024: after the peildatum
    assert rijen["A6.06"][4] == "Start Q3 2024"
    assert rijen["A6.06"][6] == "n.v.t. (startdatum)"  # a start date is no deadline
    thema4 = werkboek["3.4 Terugdringen residentiële j"]
    kop = [c.value for c in thema4[2]]
    assert "Deadline verstreken op peildatum" in kop


# --------------------------------------------------------------------------------------------
# The command line, and the PDF (built once: kaleido starts a Chromium)


@contextlib.contextmanager
def _database(engine):
    oud = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = engine.url.render_as_string(hide_password=False)
    try:
        yield
    finally:
        if oud is None:
            os.environ.pop("DATABASE_URL")
        else:
            os.environ["DATABASE_URL"] = oud


def _cli(demo_engine, *args) -> tuple[int, str]:
    fout = io.StringIO()
    with (
        _database(demo_engine),
        contextlib.redirect_stderr(fout),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        code = main(["rapport", *args])
    return code, fout.getvalue()


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["uit.docx", "--ronde", "2024"], "onbekend bestandsformaat '.docx'"),
        (["uit", "--ronde", "2024"], "onbekend bestandsformaat '(geen)'"),
        (["uit.pptx", "--ronde", "1999"], "Ronde 1999 bestaat niet"),
    ],
)
def test_cli_refuses_unknown_format_or_round_with_exit_2(demo_engine, tmp_path, args, melding):
    code, fout = _cli(demo_engine, str(tmp_path / args[0]), *args[1:])
    assert code == 2
    assert melding in fout
    assert not list(tmp_path.iterdir())


def test_cli_writes_the_pptx(demo_engine, tmp_path, dias):
    code, _ = _cli(demo_engine, str(tmp_path / "sessie.pptx"), "--ronde", "2024")
    assert code == 0
    assert len(Presentation(str(tmp_path / "sessie.pptx")).slides) > len(dias)


def test_pdf_without_chromium_is_a_dutch_message_not_a_crash(demo_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    code, fout = _cli(demo_engine, str(tmp_path / "rapport.pdf"), "--ronde", "2024")
    assert code == 2
    assert "Chromium nodig" in fout and "geen-chromium" in fout
    assert not (tmp_path / "rapport.pdf").exists()


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_pdf_report_has_an_overview_and_a_section_per_thema(bron, dias, tmp_path):
    stappen = []
    inhoud = pdf_rapport.bouw_pdf(bron, dias, voortgang=lambda f, t: stappen.append(f))
    assert inhoud.startswith(b"%PDF")
    paginas = len(re.findall(rb"/Type\s*/Page\b", inhoud))
    assert paginas >= 1 + 1 + 8  # title, overview, one per thema
    assert len(re.findall(rb"/Subtype\s*/Image", inhoud)) == len(dias)  # one picture per chart
    assert stappen == sorted(stappen) and stappen[-1] == 1.0  # progress only moves forward
    pad = tmp_path / "rapport.pdf"
    pad.write_bytes(inhoud)
    eerste = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pad), "-"], capture_output=True, text=True
    ).stdout
    assert "Demodata:" in eerste  # the cover line
    platte = " ".join(eerste.split())
    assert "Wat de antwoordopties betekenen:" in platte  # the legend on the cover
    assert "Bijna klaar: Het meeste werk is gedaan" in platte
    pagina_teksten = subprocess.run(
        ["pdftotext", str(pad), "-"], capture_output=True, text=True
    ).stdout.split("\f")
    assert all("Demodata · Monitor" in p for p in pagina_teksten if p.strip())  # every footer


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_no_pdf_chart_cuts_off_an_actor_or_thema_name(dias):
    """Drawn as for the PDF; the same check fails once the axis stops making room."""
    import warnings

    import kaleido

    from monitor.rapportage.figuren import afgesneden_labels, dia_figuur

    kaleido.start_sync_server(silence_warnings=True)

    def svg(fig) -> str:
        with warnings.catch_warnings():  # 'kopts ignored when using a server': harmless
            warnings.simplefilter("ignore", UserWarning)
            return fig.to_image(
                format="svg", width=pdf_rapport.PDF_BREEDTE, height=int(fig.layout.height)
            ).decode()

    for dia in dias:
        fig = dia_figuur(dia)
        assert afgesneden_labels(fig, svg(fig)) == [], dia.sleutel
    krap = dia_figuur(dias[0]).update_yaxes(automargin=False)
    assert afgesneden_labels(krap, svg(krap))  # the check can fail


def test_the_legends_say_what_each_option_means_and_that_the_wording_is_ours(pptx, werkboek, dias):
    legenda = pptx.slides[1 + len(dias)]
    assert legenda.shapes.title.text == "Wat de antwoordopties betekenen"
    tekst = " ".join(s.text_frame.text for s in legenda.shapes if s.has_text_frame)
    assert "Bijna klaar: Het meeste werk is gedaan" in tekst
    assert "Nee: Op de peildatum is er nog niet" in tekst
    assert "Bron van de definities: Eigen formulering van de monitor" in tekst
    over = [c.value for c in werkboek["Over deze tabellen"]["A"] if c.value]
    assert "Wat de antwoordopties betekenen:" in over
    assert "Mee bezig: Er wordt aan de afspraak gewerkt; het grootste deel moet nog gebeuren." in (
        over
    )
