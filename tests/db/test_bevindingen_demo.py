"""Bevindingen of demo round 2025: every number in the draft is the one its source figure
gives, each sentence's source figure is read again, and an edited text reaches the PPTX
(speaker notes and a findings slide) and the PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from pptx import Presentation

from monitor.db import make_engine, read_session, write_session
from monitor.domain import ACTORTYPE_BY_CODE, Rol
from monitor.kengetallen import afhankelijkheden, gereed, verandering
from monitor.kengetallen import bevindingen as bev
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen.verschillen import verschillen
from monitor.opmaak.tekst import afgerond, lees_getal
from monitor.rapportage import cli as rapport_cli
from monitor.rapportage.bevindingen import laad_bevindingen
from monitor.rapportage.bron import laad_bron
from monitor.rechten import GEEN_ZICHT, Gebruiker
from monitor.store import bevindingen as opslag
from monitor.store import lezen

CODE = re.compile(r"\b[A-Z]\d+\.\d+\b")  # afspraak codes such as A3.10: names, not numbers
GETAL = re.compile(r"[+\u2212]?\d{1,3}(?:\.\d{3})*(?:,\d+)?")
TELLINGEN = {"gereed", "totaal", "achter", "verstreken", "afspraken"}


@pytest.fixture(scope="module")
def ronde(demo_engine):
    """Bron of 2025, the frames of 2024, the dependencies and the bevindingen of 2025."""
    with read_session(demo_engine) as session:
        bron = laad_bron(session, 2025)
        vorig = lezen.ronde_by_jaar(session, 2024)
        return {
            "bron": bron,
            "vragen_vorig": lezen.vragen_frame(session, vorig.id),
            "antwoorden_vorig": lezen.antwoorden_frame(session, vorig.id, alleen_ingediend=True),
            "afhankelijkheden": lezen.afhankelijkheden_frame(session),
            "bevindingen": laad_bevindingen(session, bron),
        }


def getallen(tekst: str) -> list[float]:
    """The numbers a reader sees in a sentence (codes and the index's scale left out)."""
    tekst = CODE.sub("", tekst.replace(bev.SCHAAL, ""))
    return [lees_getal(g) for g in GETAL.findall(tekst)]


def getoond(waarden: dict[str, float]) -> list[float]:
    """The source values as the sentence must show them: counts whole, shares and indexes
    rounded by the one rule, a change as the difference of the two shown figures."""
    uit = []
    for naam, waarde in waarden.items():
        if naam in TELLINGEN:
            uit.append(float(waarde))
        elif naam == "verschil":
            uit.append(afgerond(waarden["index"]) - afgerond(waarden["index_vorig"]))
        else:
            uit.append(afgerond(waarde))
    return uit


def bron_waarden(zin: bev.Zin, ronde: dict) -> dict[str, float]:
    """Read the sentence's source figure again, by its name and parameters."""
    bron, par = ronde["bron"], dict(zin.herkomst.parameters)
    thema = par["thema_nr"]
    if zin.herkomst.figuur == bev.GEREED:
        eigen = bron.vragen[bron.vragen["thema_nr"] == thema]
        tabel = gereed.aandeel_gereed_per(eigen, bron.antwoorden, per=("actortype",))
        rij = tabel.set_index("actortype").loc[par["actortype"]]
        return {"gereed": rij["gereed"], "totaal": rij["totaal"], "percentage": rij["percentage"]}
    if zin.herkomst.figuur == bev.ACHTER:
        overzicht = planning_mod.planning_overzicht(
            vragen=bron.vragen,
            antwoorden=bron.antwoorden,
            planning=bron.planning,
            afspraken=bron.afspraken,
            peildatum=bron.peildatum,
        )
        per = ("thema_nr", "actortype") if "actortype" in par else ("thema_nr",)
        tabel = planning_mod.achter_per(overzicht, bron.peildatum, per=per)
        sleutel = (thema, par["actortype"]) if "actortype" in par else thema
        rij = tabel.set_index(list(per)).loc[sleutel]
        if not rij["verstreken"]:
            return {}
        return {"achter": rij["achter"], "verstreken": rij["verstreken"]}
    if zin.herkomst.figuur == bev.VERANDERING:
        per = ("thema_nr", "actortype")
        tabel = verandering.verandering_per_thema(
            gereed.voortgangsindex(bron.vragen, bron.antwoorden, per=per),
            gereed.voortgangsindex(ronde["vragen_vorig"], ronde["antwoorden_vorig"], per=per),
        ).set_index(list(per))
        rij = tabel.loc[(thema, par["actortype"])]
        if afgerond(rij["index"]) == afgerond(rij["index_vorig"]):
            return {"index": rij["index"]}
        return {k: rij[k] for k in ("index_vorig", "index", "verschil")}
    if zin.herkomst.figuur == bev.WACHT_OP:
        wacht = afhankelijkheden.wacht_op(
            afhankelijkheden=ronde["afhankelijkheden"],
            afgerond=afhankelijkheden.afgeronde_afspraken(bron.vragen, bron.antwoorden),
        )
        eigen = set(bron.afspraken.loc[bron.afspraken["thema_nr"] == thema, "code"])
        codes = [c for c in wacht if c in eigen]
        for code in codes:  # each waiting afspraak and what it waits on is named
            assert all(c in zin.tekst for c in [code, *wacht[code]]), zin.tekst
        return {"afspraken": len(codes)}
    assert zin.herkomst.figuur == bev.VERSCHILLEN, zin.herkomst
    tabel = verschillen(
        zicht=GEEN_ZICHT, vragen=bron.vragen, antwoorden=bron.antwoorden, afspraken=bron.afspraken
    )
    rijen = tabel[tabel["afspraak_code"] == par["afspraak_code"]]
    assert len(rijen) >= 2
    for rij in rijen.itertuples():
        assert f"{ACTORTYPE_BY_CODE[rij.actortype].label} '{rij.antwoord}'" in zin.tekst
    return {}


def test_every_number_in_the_draft_of_2025_is_its_source_figures(ronde):
    zinnen = [z for b in ronde["bevindingen"] for z in b.zinnen]
    figuren = {z.herkomst.figuur for z in zinnen}
    assert figuren == {bev.GEREED, bev.ACHTER, bev.VERSCHILLEN, bev.VERANDERING, bev.WACHT_OP}
    for zin in zinnen:
        waarden = dict(zin.herkomst.waarden)
        gelezen = bron_waarden(zin, ronde)
        assert set(gelezen) == set(waarden), zin
        for naam, waarde in gelezen.items():
            assert waarden[naam] == pytest.approx(float(waarde)), (zin.tekst, naam)
        assert getallen(zin.tekst) == getoond(waarden), zin.tekst


def test_each_thema_says_what_is_done_and_what_is_behind(ronde):
    assert len(ronde["bevindingen"]) == len(ronde["bron"].themas)
    for bevinding in ronde["bevindingen"]:
        figuren = [z.herkomst.figuur for z in bevinding.zinnen]
        assert bev.GEREED in figuren and bev.ACHTER in figuren, bevinding.thema_nr
        assert not bevinding.bewerkt
        assert bevinding.tekst == " ".join(z.tekst for z in bevinding.zinnen)


def test_thema_5_of_2025_reads_as_hand_checked(ronde):
    """Thema 5 has one actor (KBL): 0 of 4 done, 3 of 3 behind, index 33 → 58 in 2025."""
    vijf = next(b for b in ronde["bevindingen"] if b.thema_nr == 5)
    assert vijf.tekst.startswith(
        "KBL geeft aan 0 van de 4 afspraken in dit thema te hebben afgerond (0%). "
        "Op de peildatum zijn 3 van de 3 afspraak-vragen met een verstreken deadline achter op "
        "planning."
    )
    assert "van KBL ging van 33 in de vorige ronde naar 58 (+25)." in vijf.tekst
    assert "A5.04 (wacht op A5.01)" in vijf.tekst


@pytest.fixture
def bewerkte_demo(demo_database_file, tmp_path):
    """A private copy of the demo database in which a kijker saved thema 2's text."""
    pad = tmp_path / "monitor.db"
    shutil.copyfile(demo_database_file, pad)
    engine = make_engine(f"sqlite:///{pad}")
    with write_session(engine) as session:
        ronde_id = lezen.ronde_by_jaar(session, 2025).id
        opslag.save_bevinding(
            session=session,
            gebruiker=Gebruiker(rol=Rol.KIJKER, naam="Kijker"),
            ronde_id=ronde_id,
            thema_nr=2,
            tekst="Het onderwijs en de jeugdhulp werken in 2025 zichtbaar beter samen.",
        )
    yield engine
    engine.dispose()


def test_saved_text_goes_into_the_pptx_notes_and_findings_slide(bewerkte_demo):
    prs = Presentation(io.BytesIO(rapport_cli.bouw(bewerkte_demo, 2025, ".pptx")))
    per_titel = {s.shapes.title.text: s for s in prs.slides if s.shapes.title is not None}
    dia = per_titel["Bevindingen thema 2. Jeugdhulp steviger verbinden aan aanpalende domeinen"]
    op_dia = " ".join(v.text_frame.text for v in dia.shapes if v.has_text_frame)
    assert "zichtbaar beter samen" in op_dia
    notities = dia.notes_slide.notes_text_frame.text
    assert "Bevindingen thema 2 (bewerkt en bewaard):" in notities
    assert "gereed.aandeel_gereed_per(thema_nr=2, actortype=rijk)" in notities  # the sources
    # an unedited thema carries its draft, on its slide and in the notes
    drie = per_titel["Bevindingen thema 3. Stevige lokale teams en toegang"]
    assert "(concept uit de cijfers)" in drie.notes_slide.notes_text_frame.text
    assert "VNG geeft aan 2 van de 7 afspraken" in drie.notes_slide.notes_text_frame.text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) missing")
def test_saved_text_goes_into_the_pdf(bewerkte_demo):
    pdf = rapport_cli.bouw(bewerkte_demo, 2025, ".pdf")
    tekst = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    platte = " ".join(tekst.split())
    assert "zichtbaar beter samen" in platte
    assert "Bevindingen (concept uit de cijfers):" in platte  # the other thema's drafts
    assert "VNG geeft aan 2 van de 7 afspraken in dit thema te hebben afgerond (29%)" in platte


def test_peildatum_is_a_parameter_of_the_planning_sentences(ronde):
    achter = [z for b in ronde["bevindingen"] for z in b.zinnen if z.herkomst.figuur == bev.ACHTER]
    assert all(dict(z.herkomst.parameters)["peildatum"] == date(2025, 6, 30) for z in achter)
