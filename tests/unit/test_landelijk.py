"""National picture: status per thema and actor, respons per group. (The share gereed is
tested in test_gereed.py, achter op planning in test_planning.py.)"""

import pandas as pd
import pytest

from monitor.kengetallen import landelijk
from tests.utils.frames import antwoorden_frame

VRAGEN = pd.DataFrame(
    [
        (1, "rijk", 1, "afspraak", "status4"),
        (2, "gemeente", 1, "afspraak", "janee"),
        (3, "gemeente", 1, "informatie", "keuze"),  # not an afspraak: not counted
        (4, "gemeente", 2, "afspraak", "status4"),
    ],
    columns=["id", "actortype", "thema_nr", "soort", "vraagtype"],
)
THEMAS = pd.DataFrame({"nr": [1, 2], "titel": ["Een", "Twee"]})


ANTWOORDEN = antwoorden_frame(
    [
        ("RIJK", 1, "afgerond"),
        ("G1", 2, "ja"),
        ("G2", 2, "nee"),
        ("G3", 2, "nee"),
        ("G1", 3, "ja"),
        ("G1", 4, "mee_bezig"),
    ]
)


def test_status_per_thema_groups_ja_with_afgerond_and_nee_with_not_begun():
    tabel = landelijk.status_per_thema(VRAGEN, ANTWOORDEN, THEMAS)
    gemeenten_1 = tabel[(tabel["thema_nr"] == 1) & (tabel["actor"] == "Gemeenten")]
    per_optie = dict(zip(gemeenten_1["optie"], gemeenten_1["percentage"], strict=True))
    assert per_optie["afgerond"] == pytest.approx(100 / 3)
    assert per_optie["nog_niet_begonnen"] == pytest.approx(200 / 3)
    assert per_optie["mee_bezig"] == 0
    assert tabel[tabel["thema_nr"] == 1]["actor"].unique().tolist() == ["Rijk", "Gemeenten"]
    assert tabel["thema"].iloc[0] == "1. Een"
    assert landelijk.status_per_thema(VRAGEN, ANTWOORDEN.iloc[0:0], THEMAS).empty


ORGANISATIES = pd.DataFrame(
    [
        ("JZ01", "Regio Noord", "regio", None, "Groningen"),
        ("JZ02", "Regio Midden", "regio", None, "Utrecht"),
        ("GM1", "Een", "gemeente", "JZ01", "Groningen"),
        ("GM2", "Twee", "gemeente", "JZ01", "Groningen"),
        ("GM3", "Drie", "gemeente", "JZ02", "Utrecht"),
    ],
    columns=["code", "naam", "actortype", "jeugdregio_code", "provincie_naam"],
)


def test_respons_per_provincie_and_per_jeugdregio():
    antwoorden = antwoorden_frame([("GM1", 1, "ja"), ("JZ02", 1, "ja"), ("GM3", 1, "ja")])
    provincie = landelijk.respons_per_groep(ORGANISATIES, antwoorden, per="provincie")
    assert provincie.to_dict("records") == [
        {"label": "Groningen", "ingevuld": 1, "totaal": 2, "percentage": 50.0,
         "regio_ingevuld": "0 van 1"},
        {"label": "Utrecht", "ingevuld": 1, "totaal": 1, "percentage": 100.0,
         "regio_ingevuld": "1 van 1"},
    ]  # fmt: skip
    regio = landelijk.respons_per_groep(ORGANISATIES, antwoorden, per="jeugdregio")
    assert regio["label"].tolist() == ["Regio Midden", "Regio Noord"]
    assert regio["regio_ingevuld"].tolist() == ["ja", "nee"]
    assert regio["percentage"].tolist() == [100.0, 50.0]


def test_answer_per_organisation_for_the_map():
    vraag = next(
        pd.DataFrame([(2, "janee", "")], columns=["id", "vraagtype", "opties"]).itertuples()
    )
    gemeenten = ORGANISATIES[ORGANISATIES["actortype"] == "gemeente"]
    antwoorden = antwoorden_frame([("GM1", 2, "ja"), ("GM3", 2, "nee")])
    antwoorden.loc[1, "status"] = "concept"  # not submitted: not shown
    waarden = landelijk.antwoord_per_organisatie(gemeenten, antwoorden, vraag)
    assert waarden["optie"].fillna("–").tolist() == ["ja", "–", "–"]
    assert waarden["label"].fillna("–").tolist() == ["Ja", "–", "–"]
