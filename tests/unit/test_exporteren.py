"""Export of a round: Dutch headers, formula injection neutralised, raw answers for beheerders."""

import csv
import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from monitor.domain import Rol
from monitor.errors import GeenToegang
from monitor.rechten import Gebruiker
from monitor.uitwisseling.exporteren import (
    RondeData,
    exporteer_csv,
    exporteer_xlsx,
    ruwe_antwoorden,
)

BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="b")
KIJKER = Gebruiker(rol=Rol.KIJKER, naam="k")
GEVAARLIJK = ['=HYPERLINK("http://x")', "+31 6 1234", "-geen", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def ronde() -> RondeData:
    vragen = pd.DataFrame(
        [
            (
                1,
                "GEM.1.01",
                "gemeente",
                1,
                None,
                "afspraak",
                "janee",
                "Vraag een",
                "",
                "",
                1,
                None,
                None,
                None,
            ),
            (
                2,
                "GEM.3.09",
                "gemeente",
                1,
                None,
                "informatie",
                "bedrag",
                "Hoeveel?",
                "",
                "",
                2,
                None,
                0.0,
                None,
            ),
        ],
        columns=[
            "id",
            "code",
            "actortype",
            "thema_nr",
            "afspraak_code",
            "soort",
            "vraagtype",
            "tekst",
            "opties",
            "toon_als",
            "volgorde",
            "voorganger_id",
            "minimum",
            "maximum",
        ],
    )
    codes = [f"GM{i:04d}" for i in range(len(GEVAARLIJK))]
    antwoorden = pd.DataFrame(
        [(c, 1, "ja", t, "ingediend") for c, t in zip(codes, GEVAARLIJK, strict=True)]
        + [(codes[0], 2, "1234.5", None, "ingediend")],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status"],
    )
    organisaties = pd.DataFrame(
        [(c, f"=Gemeente {c}", "gemeente") for c in codes], columns=["code", "naam", "actortype"]
    )
    return RondeData(
        jaar=2024,
        titel="Monitor 2024",
        peildatum=date(2024, 6, 30),
        vragen=vragen,
        antwoorden=antwoorden,
        organisaties=organisaties,
        themas=pd.DataFrame([(1, "Reikwijdte")], columns=["nr", "titel"]),
        planning=pd.DataFrame(
            columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"]
        ),
    )


def test_excel_export_has_the_report_sheets_and_neutralises_formula_like_text(ronde):
    werkmap = load_workbook(io.BytesIO(exporteer_xlsx(BEHEERDER, ronde)))
    assert werkmap.sheetnames == [
        "Over deze export",
        "Statusdefinities",
        "Respons",
        "1. Reikwijdte",
        "Beleving",
        "Antwoorden",
    ]
    legenda = list(werkmap["Statusdefinities"].iter_rows(values_only=True))
    assert legenda[0] == ("Antwoordoptie", "Betekenis", "Bron")
    assert [r[0] for r in legenda[1:]] == [
        "Nog niet begonnen", "Mee bezig", "Bijna klaar", "Afgerond", "Ja", "Nee",
    ]  # fmt: skip
    assert legenda[3][1].startswith("Het meeste werk is gedaan")
    assert all(r[2].startswith("Eigen formulering") for r in legenda[1:])  # marked as ours
    thema = list(werkmap["1. Reikwijdte"].iter_rows(values_only=True))
    assert thema[0][:3] == ("Actor", "Vraagcode", "Vraag")
    assert thema[1][:2] == ("Gemeenten", "GEM.1.01")
    ruw = werkmap["Antwoorden"]
    toelichtingen = [ruw.cell(r, 6) for r in range(2, ruw.max_row + 1)]
    assert all(c.data_type != "f" for row in ruw.iter_rows() for c in row)
    assert sorted(c.value for c in toelichtingen if c.value) == sorted("'" + t for t in GEVAARLIJK)
    assert ruw.cell(2, 3).value.startswith("'=Gemeente")
    bedrag = next(r for r in ruw.iter_rows(values_only=True) if r[3] == "GEM.3.09")
    assert bedrag[4] == 1234.5  # a number stays a number


def test_csv_export_is_dutch_and_neutralised(ronde):
    tekst = exporteer_csv(BEHEERDER, ronde).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0] == [
        "ronde",
        "organisatiecode",
        "organisatienaam",
        "vraagcode",
        "antwoord",
        "toelichting",
        "voorlopig",
    ]
    assert {r[5] for r in rijen[1:] if r[5]} == {"'" + t for t in GEVAARLIJK}
    assert ["2024", "GM0000", "'=Gemeente GM0000", "GEM.3.09", "1234,5", "", "nee"] in rijen


def test_raw_answers_are_for_beheerders_only(ronde):
    with pytest.raises(GeenToegang):
        ruwe_antwoorden(KIJKER, ronde)
    with pytest.raises(GeenToegang):
        exporteer_csv(KIJKER, ronde)
    werkmap = load_workbook(io.BytesIO(exporteer_xlsx(KIJKER, ronde)))
    assert "Antwoorden" not in werkmap.sheetnames
