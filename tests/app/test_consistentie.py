"""The consistency test: per round, thema and actor, the share gereed and the count achter op
planning are the same number, with the same rounding, on Start, Thema's, Planning, the slides,
PPTX, PDF and the Excel report.

Every number is read off the surface as a user sees it (page text, chart text and hover data,
slide headlines and chart data, Excel cells, PDF text). The demo database is changed so that
gemeenten, thema 1 (one ja/nee question) answer 'ja' 252 times of 313: 80,51…%, which once
showed as 81% on Start and 80% on Thema's and in the PDF.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import text

from monitor.db import make_engine, read_session
from monitor.domain import ACTORTYPES
from monitor.rapportage import pdf_rapport
from monitor.rapportage.bron import laad_bron
from monitor.rapportage.excel_tabellen import bouw_xlsx
from monitor.rapportage.pptx_export import bouw_pptx
from monitor.reflectie import dias as reflectie
from monitor.store import lezen as queries
from tests.app.conftest import open_page, page_text
from tests.e2e.browser_harness import sqlite_url

RONDES = (2024, 2025)
STATUS_CODES = {"ja", "nee", "nog_niet_begonnen", "mee_bezig", "bijna_klaar", "afgerond"}
ACTOR_CODE = {a.label_meervoud: a.code for a in ACTORTYPES} | {a.kort: a.code for a in ACTORTYPES}
ACTOREN = "|".join(re.escape(a.label_meervoud) for a in ACTORTYPES)
GETAL = r"(\d{1,3}(?:\.\d{3})*)"  # Dutch: 1.370
REGEL = re.compile(
    rf"({ACTOREN}): afgerond of ja (\d+)% \({GETAL} van {GETAL} antwoorden\); achter op "
    rf"planning: (?:{GETAL} van de {GETAL}|geen) afspraak-vragen met een verstreken deadline"
)
ACHTER = re.compile(rf"{GETAL} van de {GETAL} afspraak-vragen met een verstreken deadline")


def _int(tekst: str | None) -> int:
    """A Dutch whole number as shown ('1.370'); None (not shown) is 0."""
    return int(tekst.replace(".", "")) if tekst else 0


def _procent(gereed: int, totaal: int) -> str:
    """Whole percentage, half up, by integer arithmetic (independent of the app's formatter)."""
    return f"{(200 * gereed + totaal) // (2 * totaal)}%"


@pytest.fixture(scope="module")
def demo_engine(demo_database_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo database with gemeenten, thema 1 of 2024, at 252 'ja' of 313 answers: five
    more gemeenten submit that question, then the first 252 (by code) answer 'ja'."""
    path = tmp_path_factory.mktemp("consistentie") / "monitor.db"
    shutil.copyfile(demo_database_file, path)
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        ronde_id, vraag_id = conn.execute(
            text(
                "SELECT r.id, v.id FROM ronde r JOIN vraag v ON v.ronde_id = r.id "
                "WHERE r.jaar = 2024 AND v.actortype = 'gemeente' AND v.thema_nr = 1 "
                "AND v.soort = 'afspraak'"
            )
        ).one()
        nieuw = conn.execute(
            text(
                "SELECT code FROM organisatie WHERE actortype = 'gemeente' AND code NOT IN "
                "(SELECT organisatie_code FROM antwoord WHERE vraag_id = :v) ORDER BY code LIMIT 5"
            ),
            {"v": vraag_id},
        ).scalars()
        for code in list(nieuw):
            conn.execute(
                text(
                    "INSERT INTO antwoord (ronde_id, organisatie_code, vraag_id, waarde, status, "
                    "versie) VALUES (:r, :c, :v, 'nee', 'ingediend', 1)"
                ),
                {"r": ronde_id, "c": code, "v": vraag_id},
            )
        codes = conn.execute(
            text(
                "SELECT organisatie_code FROM antwoord WHERE vraag_id = :v AND status = "
                "'ingediend' ORDER BY organisatie_code"
            ),
            {"v": vraag_id},
        ).scalars()
        codes = list(codes)
        assert len(codes) == 313
        for i, code in enumerate(codes):
            conn.execute(
                text(
                    "UPDATE antwoord SET waarde = :w WHERE vraag_id = :v AND organisatie_code = :c"
                ),
                {"w": "ja" if i < 252 else "nee", "v": vraag_id, "c": code},
            )
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def verwacht(demo_engine) -> dict[int, dict]:
    """Per round, computed here from the raw frames: (thema, actortype) → (percentage text,
    gereed, totaal) over the submitted answers to afspraak status questions."""
    uit = {}
    with read_session(demo_engine) as session:
        for jaar in RONDES:
            ronde = queries.ronde_by_jaar(session, jaar)
            vragen = queries.vragen_frame(session, ronde.id)
            antwoorden = queries.antwoorden_frame(session, ronde.id, alleen_ingediend=True)
            status = vragen[
                (vragen["soort"] == "afspraak") & vragen["vraagtype"].isin(["status4", "janee"])
            ]
            frame = antwoorden.merge(status, left_on="vraag_id", right_on="id")
            frame = frame[frame["waarde"].isin(STATUS_CODES)]
            per = {}
            for (nr, actor), groep in frame.groupby(["thema_nr", "actortype"]):
                klaar = int(groep["waarde"].isin(["ja", "afgerond"]).sum())
                per[(int(nr), actor)] = (_procent(klaar, len(groep)), klaar, len(groep))
            uit[jaar] = per
    return uit


@pytest.fixture(scope="module")
def exports(demo_engine) -> dict[int, dict]:
    """Per round the slides, the PPTX, the Excel report and (with Chromium) the PDF text."""
    uit = {}
    for jaar in RONDES:
        with read_session(demo_engine) as session:
            bron = laad_bron(session, jaar)
        dias = reflectie.catalogus(bron)
        gekozen = [
            d for d in dias if d.sleutel.startswith("thema-") or d.sleutel == "planning-stand"
        ]
        pdf = None
        if Path("/usr/bin/chromium").exists() and shutil.which("pdftotext"):
            inhoud = pdf_rapport.bouw_pdf(bron, gekozen)
            pdf = subprocess.run(
                ["pdftotext", "-", "-"], input=inhoud, capture_output=True, check=True
            ).stdout.decode()
        uit[jaar] = {
            "dias": {d.sleutel: d for d in dias},
            "pptx": Presentation(io.BytesIO(bouw_pptx(bron, gekozen))),
            "xlsx": load_workbook(io.BytesIO(bouw_xlsx(bron))),
            "pdf": pdf,
        }
    return uit


# --------------------------------------------------------------------------------------------
# Reading each surface: (thema, actortype) → (percentage text, gereed[, totaal]); achter as
# (thema, actortype) → (achter, verstreken) and the round's total (achter, verstreken)


def _start(jaar: int):
    at = open_page("pages/start.py", ronde=str(jaar), blad="Antwoorden per thema")
    assert not at.exception
    spec = next(
        json.loads(e.proto.spec)
        for e in at.get("plotly_chart")
        if json.loads(e.proto.spec)["layout"]["title"]["text"].startswith("Antwoorden op de")
    )
    themas = [int(a["text"].split(".")[0]) for a in spec["layout"]["annotations"]]
    sporen = [t for t in spec["data"] if t["name"] == "Afgerond of ja"]
    assert len(sporen) == len(themas)
    gereed = {}
    for nr, spoor in zip(themas, sporen, strict=True):
        for actor, hover in zip(spoor["y"], spoor["customdata"], strict=True):
            pct, aantal = re.fullmatch(rf"(\d+%) \({GETAL}\)", hover).groups()
            gereed[(nr, ACTOR_CODE[actor])] = (pct, _int(aantal))
    tegels = {m.label: m.value for m in at.metric}
    achter, verstreken = (_int(d) for d in tegels["Achter op planning"].split(" van "))
    return gereed, (achter, verstreken), tegels["Afgerond of ja"]


def _regels(tekst: str) -> tuple[dict, dict]:
    gereed, achter = {}, {}
    for m in REGEL.finditer(" ".join(tekst.split())):
        actor = ACTOR_CODE[m.group(1)]
        gereed[actor] = (f"{m.group(2)}%", _int(m.group(3)), _int(m.group(4)))
        achter[actor] = (_int(m.group(5)), _int(m.group(6)))
    return gereed, achter


def _themas(jaar: int, nummers: list[int]):
    gereed, achter = {}, {}
    for nr in nummers:
        at = open_page("pages/thema.py", ronde=str(jaar), thema=str(nr))
        assert not at.exception
        g, a = _regels(page_text(at))
        gereed |= {(nr, actor): w for actor, w in g.items()}
        achter |= {(nr, actor): w for actor, w in a.items() if w[1]}
    return gereed, achter


def _planning(jaar: int):
    at = open_page("pages/planning.py", ronde=str(jaar), blad="Achter op planning")
    assert not at.exception
    totaal = ACHTER.search(page_text(at).replace("**", ""))
    kolom = "Achter op planning (afspraak-vragen)"
    tabel = next(t.value for t in at.table if kolom in t.value.columns)
    per = {
        (int(r["Thema"]), ACTOR_CODE[r["Actor"]]): tuple(_int(d) for d in r[kolom].split(" van "))
        for _, r in tabel.iterrows()
    }
    return per, (_int(totaal.group(1)), _int(totaal.group(2)))


def _dias(dias: dict):
    gereed = {}
    for sleutel, dia in dias.items():
        if m := re.fullmatch(r"thema-(\d+)-voortgang", sleutel):
            tabel = dia.tabel[dia.tabel["reeks_code"] == "afgerond"]
            for r in tabel.itertuples():
                gereed[(int(m.group(1)), ACTOR_CODE[r.categorie])] = r.waarde
    totaal = ACHTER.search(dias["planning-stand"].kernboodschap)
    return gereed, (_int(totaal.group(1)), _int(totaal.group(2)))


def _pptx(prs) -> tuple[dict, tuple[int, int]]:
    """Chart data of the thema slides (PowerPoint shows them with the format '0"%"', which
    rounds half away from zero) and the planning slide's key message."""
    gereed, totaal = {}, None
    for slide in prs.slides:
        titel = slide.shapes.title.text if slide.shapes.title is not None else ""
        teksten = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if m := re.match(r"Thema (\d+)\. .*: voortgang per actor", titel):
            grafiek = next(s.chart for s in slide.shapes if s.has_chart)
            plot = grafiek.plots[0]
            reeks = next(r for r in plot.series if r.name == "Afgerond of ja")
            for actor, waarde in zip(plot.categories, reeks.values, strict=True):
                gereed[(int(m.group(1)), ACTOR_CODE[actor])] = waarde
        if titel.startswith("Stand ten opzichte van de planning"):
            gevonden = next(ACHTER.search(t) for t in teksten if ACHTER.search(t))
            totaal = (_int(gevonden.group(1)), _int(gevonden.group(2)))
    return gereed, totaal


def _excel(werkboek) -> tuple[dict, dict, tuple[int, int]]:
    blad = werkboek["Kerncijfers"]
    rijen = list(blad.iter_rows(min_row=3, values_only=True))
    gereed, achter = {}, {}
    for thema, actor, pct, klaar, totaal, a, v in rijen:
        sleutel = (int(str(thema).split(".")[0]), ACTOR_CODE[actor])
        if totaal:
            gereed[sleutel] = (f"{pct}%", klaar, totaal)
        if v:
            achter[sleutel] = (a, v)
    over = " ".join(str(c.value) for c in werkboek["Over deze tabellen"]["A"] if c.value)
    m = ACHTER.search(over)
    return gereed, achter, (_int(m.group(1)), _int(m.group(2)))


def _pdf(tekst: str) -> tuple[dict, dict, tuple[int, int]]:
    platte = " ".join(tekst.split())
    delen = re.split(r"Kerncijfers thema (\d+) per actor:", platte)
    gereed, achter = {}, {}
    for nr, deel in zip(delen[1::2], delen[2::2], strict=True):
        g, a = _regels(deel.split("Afspraken met een deadline")[0])
        gereed |= {(int(nr), actor): w for actor, w in g.items()}
        achter |= {(int(nr), actor): w for actor, w in a.items() if w[1]}
    m = re.search(rf"stonden {GETAL} van de {GETAL} afspraak-vragen met een verstreken", platte)
    return gereed, achter, (_int(m.group(1)), _int(m.group(2)))


# --------------------------------------------------------------------------------------------


def _procent_tekst(waarde: float) -> str:
    """How PowerPoint and Excel show a number with format '0"%"': half away from zero."""
    return f"{int(waarde + 0.5)}%"


@pytest.mark.parametrize("jaar", RONDES)
def test_share_gereed_and_achter_op_planning_agree_on_every_surface(jaar, verwacht, exports):
    eigen = verwacht[jaar]
    export = exports[jaar]
    if jaar == 2024:  # the case of the issue: 252 of 313 is 80,51…%, shown as 81% everywhere
        assert eigen[(1, "gemeente")] == ("81%", 252, 313)

    # Excel: the report's Kerncijfers sheet holds the independent figures, and the total
    excel_gereed, excel_achter, excel_totaal = _excel(export["xlsx"])
    assert excel_gereed == eigen

    # Start: the status chart per thema and actor (hover text), and the tiles
    start_gereed, start_totaal, start_tegel = _start(jaar)
    assert start_gereed == {k: (pct, klaar) for k, (pct, klaar, _) in eigen.items()}
    klaar = sum(g for _, g, _ in eigen.values())
    alle = sum(t for _, _, t in eigen.values())
    assert start_tegel == _procent(klaar, alle)
    assert start_totaal == excel_totaal

    # Thema's: one line per actor
    thema_gereed, thema_achter = _themas(jaar, sorted({nr for nr, _ in eigen}))
    assert thema_gereed == eigen
    assert thema_achter == excel_achter

    # Planning: the total and the table per thema and actor
    planning_achter, planning_totaal = _planning(jaar)
    assert planning_achter == excel_achter
    assert planning_totaal == excel_totaal
    assert (sum(a for a, _ in excel_achter.values()), sum(v for _, v in excel_achter.values())) == (
        excel_totaal
    )

    # Slides: chart data of each thema slide and the planning slide's key message
    dia_gereed, dia_totaal = _dias(export["dias"])
    assert {k: _procent_tekst(w) for k, w in dia_gereed.items()} == {
        k: pct for k, (pct, _, _) in eigen.items()
    }
    assert dia_totaal == excel_totaal

    # PPTX: the native charts' data and the planning slide
    pptx_gereed, pptx_totaal = _pptx(export["pptx"])
    assert {k: _procent_tekst(w) for k, w in pptx_gereed.items()} == {
        k: pct for k, (pct, _, _) in eigen.items()
    }
    assert pptx_totaal == excel_totaal

    # PDF: per thema one line per actor, and the planning slide's key message
    if export["pdf"] is None:
        pytest.skip("the PDF needs Chromium and pdftotext (poppler-utils)")
    pdf_gereed, pdf_achter, pdf_totaal = _pdf(export["pdf"])
    assert pdf_gereed == eigen
    assert pdf_achter == excel_achter
    assert pdf_totaal == excel_totaal


def test_the_252_of_313_headline_reads_81_percent_on_the_slide(exports):
    dia = exports[2024]["dias"]["thema-1-voortgang"]
    assert dia.kernboodschap.startswith("81% van de gemeenten antwoordt 'ja'")
    rij = dia.tabel[
        (dia.tabel["categorie"] == "Gemeenten") & (dia.tabel["reeks_code"] == "afgerond")
    ]
    assert rij["waarde"].iloc[0] == pytest.approx(100 * 252 / 313)


def test_planning_rows_behind_are_afspraak_vragen_not_afspraken(exports):
    """The tile once counted afspraken (20) and the slide afspraak-vragen (23 of 47): now
    both count afspraak-vragen, and say so."""
    dia = exports[2024]["dias"]["planning-stand"]
    assert "afspraak-vragen met een verstreken deadline achter op planning" in dia.kernboodschap
    achter, verstreken = (_int(d) for d in ACHTER.search(dia.kernboodschap).groups())
    assert 0 < achter <= verstreken


def test_the_252_of_313_question_reads_81_percent_on_the_thema_page():
    """Once 80% there: the distribution was rounded to 80,5 first, then to 80 (half to even)."""
    at = open_page("pages/thema.py", ronde="2024", thema="1")
    assert not at.exception
    spec = next(
        json.loads(e.proto.spec)
        for e in at.get("plotly_chart")
        if json.loads(e.proto.spec)["layout"]["title"]["text"].startswith("Gemeenten")
    )
    ja = next(t for t in spec["data"] if t["name"] == "Ja")
    assert list(ja["text"]) == ["81%"] and list(ja["customdata"]) == ["80,5%"]
    assert "Gemeenten: afgerond of ja 81% (252 van 313 antwoorden)" in page_text(at)
