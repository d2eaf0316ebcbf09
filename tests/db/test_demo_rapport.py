"""The demo round 2024 reproduces the published national figures of the 2024 report.

The expected figures are kept, as printed in the report, in tests/data/rapport_2024.csv and
tests/data/respons_2024.csv; the actual figures come from `python -m monitor overzicht --json`.
"""

import contextlib
import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from monitor.__main__ import main
from monitor.db import read_session
from monitor.store import lezen as queries

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(naam: str) -> list[dict[str, str]]:
    with (DATA / naam).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def overzicht_json(demo_engine):
    """What a script gets from the CLI on the demo database."""
    url = demo_engine.url.render_as_string(hide_password=False)
    oud = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    uit = io.StringIO()
    try:
        with contextlib.redirect_stdout(uit):
            code = main(["overzicht", "--ronde", "2024", "--json"])
    finally:
        if oud is None:
            os.environ.pop("DATABASE_URL")
        else:
            os.environ["DATABASE_URL"] = oud
    assert code == 0
    return json.loads(uit.getvalue())


def test_respons_per_actortype_is_exactly_the_reports(overzicht_json):
    respons = {r["actortype"]: r for r in overzicht_json["respons"]}
    for rij in _rows("respons_2024.csv"):
        assert respons[rij["actortype"]]["ingevuld"] == int(rij["ingevuld"]), rij["actortype"]
    assert respons["gemeente"]["totaal"] == 342
    assert respons["regio"]["totaal"] == 42


# Where our questionnaire differs from the report's count, data/README.md and the Respons page
# say why: gemeenten have one more (two percentages of huisartspraktijken are two questions);
# Rijk, BGZJ and SBJ one fewer and KBL three fewer: the report counts questions it never shows,
# and we do not invent them.
AFWIJKING_AANTAL_VRAGEN = {"gemeente": +1, "rijk": -1, "bgzj": -1, "sbj": -1, "kbl": -3}


def test_question_counts_match_the_report_except_documented(overzicht_json):
    per_actor = pd.Series([v["actortype"] for v in overzicht_json["vragen"]]).value_counts()
    for rij in _rows("respons_2024.csv"):
        verwacht = int(rij["aantal_vragen_rapport"]) + AFWIJKING_AANTAL_VRAGEN.get(
            rij["actortype"], 0
        )
        assert per_actor.get(rij["actortype"], 0) == verwacht, rij["actortype"]


def _groep_percentage(demo_engine, vraag_code: str, optie: str, groep: str) -> float:
    """Share of a size group (e.g. 'inwoners>100000') that gave ``optie``."""
    with read_session(demo_engine) as session:
        ronde = queries.ronde_by_jaar(session, 2024)
        vragen = queries.vragen_frame(session, ronde.id)
        antwoorden = queries.antwoorden_frame(session, ronde.id)
        organisaties = queries.organisaties_frame(session)
    vraag_id = int(vragen.loc[vragen["code"] == vraag_code, "id"].iloc[0])
    frame = antwoorden[antwoorden["vraag_id"] == vraag_id].merge(
        organisaties, left_on="organisatie_code", right_on="code"
    )
    grens = 100_000
    frame = (
        frame[frame["inwoners"] > grens]
        if ">" in groep and "<=" not in groep
        else frame[frame["inwoners"] <= grens]
    )
    return 100 * (frame["waarde"] == optie).sum() / len(frame)


def test_every_published_percentage_within_one_point(overzicht_json, demo_engine):
    vragen = {v["code"]: v for v in overzicht_json["vragen"]}
    respondenten = {r["actortype"]: r["ingevuld"] for r in overzicht_json["respons"]}
    afwijkingen = []
    rijen = _rows("rapport_2024.csv")
    assert len(rijen) >= 100  # chapters 3 and 4 print well over a hundred figures
    for rij in rijen:
        vraag = vragen[rij["vraag"]]
        verdeling = {d["optie"]: d for d in vraag.get("verdeling", [])}
        verwacht = float(rij["percentage"])
        if rij["basis"] == "vraag":
            werkelijk = verdeling[rij["optie"]]["percentage"]
        elif rij["basis"] == "gemiddelde":
            werkelijk = vraag["gemiddelde"]
        elif rij["basis"] == "respondenten":
            assert vraag["respondenten"] == respondenten[rij["actortype"]]
            werkelijk = verdeling[rij["optie"]]["percentage_respondenten"]
        else:
            groep = rij["basis"].removeprefix("groep:")
            werkelijk = _groep_percentage(demo_engine, rij["vraag"], rij["optie"], groep)
        if abs(werkelijk - verwacht) > 1.0:
            afwijkingen.append((rij["vraag"], rij["optie"], rij["basis"], verwacht, werkelijk))
    assert not afwijkingen


def _vervolg_rijen(code: str) -> list[dict[str, str]]:
    return [r for r in _rows("rapport_2024.csv") if r["vraag"] == code]


@pytest.mark.parametrize("code", ["GEM.2.02", "GEM.3.02", "GEM.7.02", "REG.7.02"])
def test_follow_up_question_on_the_reports_base(overzicht_json, code):
    """The report prints a follow-up's shares of all respondents of the actortype (308
    gemeenten, 41 regio's), not of those who were asked; the JSON gives both."""
    vraag = next(v for v in overzicht_json["vragen"] if v["code"] == code)
    verdeling = {d["optie"]: d for d in vraag["verdeling"]}
    rijen = _vervolg_rijen(code)
    assert rijen and all(r["basis"] == "respondenten" for r in rijen)
    assert vraag["respondenten"] == {"gemeente": 308, "regio": 41}[vraag["actortype"]]
    assert vraag["n"] < vraag["respondenten"]  # only some were asked
    for rij in rijen:
        optie = verdeling[rij["optie"]]
        assert abs(optie["percentage_respondenten"] - float(rij["percentage"])) <= 1.0, rij
        assert optie["percentage"] > optie["percentage_respondenten"]


def test_gem_7_02_hand_computed(overzicht_json):
    """80 of 308 gemeenten = 26,0% (of all), 80 of the 139 asked = 57,6%."""
    vraag = next(v for v in overzicht_json["vragen"] if v["code"] == "GEM.7.02")
    optie = next(d for d in vraag["verdeling"] if d["optie"] == "oude_aanbesteding")
    assert (optie["aantal"], vraag["n"], vraag["respondenten"]) == (80, 139, 308)
    assert optie["percentage_respondenten"] == 26.0
    assert optie["percentage"] == 57.6


def test_questionnaire_holds_no_reconstructed_question(overzicht_json):
    codes = {v["code"] for v in overzicht_json["vragen"]}
    assert not codes & {"RIJK.3.01", "BGZJ.3.02", "SBJ.3.05"}
    with (Path(__file__).resolve().parents[2] / "data" / "vragenlijst" / "vragen_2024.csv").open(
        encoding="utf-8"
    ) as handle:
        herkomsten = {r["herkomst"] for r in csv.DictReader(handle)}
    assert herkomsten <= {"tabel", "tekst"}


@pytest.fixture(scope="module")
def bronnen(demo_engine):
    with read_session(demo_engine) as session:
        return queries.planning_frame(session), queries.afhankelijkheden_frame(session)


def test_every_planning_row_and_dependency_names_its_source(bronnen):
    """Each points to the report's line ('rapport §3.4 tabel, regel 342') or says that it is
    our inference ('afgeleid: …')."""
    planning, afhankelijkheden = bronnen
    assert len(planning) == 38 and len(afhankelijkheden) >= 15
    for bron in [*planning["bron_rapport"], *afhankelijkheden["bron"]]:
        assert bron.startswith(("rapport §", "afgeleid: ")), bron
    assert (planning["geldig_vanaf"].astype(str) == "2024-04-08").all()  # not 2023-06-19


def test_dependencies_the_report_states_and_the_inferred_ones(bronnen):
    _, afhankelijkheden = bronnen
    bron = {(r.afspraak_code, r.hangt_af_van): r.bron for r in afhankelijkheden.itertuples()}
    assert bron[("A4.04", "A7.11")].startswith("rapport §3.4 tabel")  # amvb reële prijzen
    assert bron[("A4.06", "A4.03")].startswith("rapport §3.4.2 tekst")  # VNG's afspraken
    for paar in [("A3.10", "A3.07"), ("A5.04", "A5.01"), ("A7.15", "A6.01")]:
        assert bron[paar].startswith("afgeleid: "), paar


def test_deadlines_from_the_reports_text(bronnen):
    planning, _ = bronnen
    per_afspraak = planning.groupby("afspraak_code")["tekst"].agg(list).to_dict()
    assert per_afspraak["A6.04"] == ["Klaar Q4 2024"]  # governance landelijke inkoop
    assert per_afspraak["A6.08"] == ["Klaar Q4 2025"]  # implementatie en inkoop aanbod
    assert per_afspraak["A6.01"] == ["Klaar Q3 2024"]  # one version, no invented Kamerbrief
    a601 = planning.loc[planning["afspraak_code"] == "A6.01", "bron_rapport"].iloc[0]
    assert a601.startswith("afgeleid: ") and "regel 416" in a601
