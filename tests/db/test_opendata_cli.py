"""`python -m monitor opendata DIR --ronde J` on the demo database: a valid Frictionless
package of the published round, and nothing of organisations for an anonymous round."""

import csv
import io
import json
import re
import shutil

import pytest
from frictionless import validate

from monitor.__main__ import main
from monitor.db import make_engine
from monitor.domain import DEMO_REGEL, RondeStatus
from monitor.rechten import CLI
from monitor.rondes import levensloop
from monitor.store import lezen, sessie
from monitor.uitwisseling.opendata import lees_ronde, pakket, schrijf
from tests.db.test_rondebeheer_db import _bouw
from tests.e2e.browser_harness import sqlite_url


@pytest.fixture
def demo_db(demo_database_file, tmp_path, monkeypatch):
    """A private copy of the demo database (2024 published, 2025 closed), used by the CLI."""
    pad = tmp_path / "monitor.db"
    shutil.copyfile(demo_database_file, pad)
    monkeypatch.setenv("DATABASE_URL", sqlite_url(pad))
    engine = make_engine(sqlite_url(pad))
    yield engine
    engine.dispose()


def test_2024_package_is_valid_and_holds_the_published_figures(demo_db, tmp_path, capsys):
    doel = tmp_path / "open" / "2024"
    assert main(["opendata", str(doel), "--ronde", "2024"]) == 0
    assert "Open data van ronde 2024: 6 bestanden" in capsys.readouterr().out
    rapport = validate(doel / "datapackage.json")
    assert rapport.valid, rapport.flatten(["type", "note"])
    descriptor = json.loads((doel / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["description"].startswith(DEMO_REGEL)
    with sessie.lees(demo_db) as session:
        ronde = lezen.ronde_by_jaar(session, 2024)
        assert descriptor["peildatum"] == ronde.peildatum.isoformat()
        snapshot = levensloop.snapshot_overzicht(session, ronde)
    with (doel / "respons.csv").open(encoding="utf-8") as f:
        respons = {r["actortype"]: r for r in csv.DictReader(f)}
    regio = next(r for r in snapshot["respons"] if r["actortype"] == "regio")
    # by hand: 41 of the 42 jeugdregio's submitted in the demo 2024 round: 97.619… → 97.6
    assert (regio["ingevuld"], regio["totaal"], regio["percentage"]) == (41, 42, 97.6)
    assert respons["regio"] == {
        "actortype": "regio",
        "ingevuld": "41",
        "totaal": "42",
        "percentage": "97.6",
    }


def _publiceer_anoniem(engine, jaar: int) -> None:
    with sessie.schrijf(engine) as session:
        levensloop.wijzig_ronde(
            session=session, gebruiker=CLI, jaar=jaar, wijzigingen={"zichtbaarheid": "anoniem"}
        )
        levensloop.publiceer(session=session, gebruiker=CLI, jaar=jaar)


def test_anonymous_round_package_holds_no_organisation_names_or_codes(demo_db, tmp_path):
    _publiceer_anoniem(demo_db, 2025)
    doel = tmp_path / "2025"
    assert main(["opendata", str(doel), "--ronde", "2025"]) == 0
    assert validate(doel / "datapackage.json").valid
    assert json.loads((doel / "datapackage.json").read_text())["zichtbaarheid"] == "anoniem"
    tekst = "\n".join(p.read_text(encoding="utf-8") for p in sorted(doel.iterdir()))
    with sessie.lees(demo_db) as session:
        organisaties = lezen.organisaties_frame(session)
        ingediend = set(
            lezen.antwoorden_frame(
                session, lezen.ronde_by_jaar(session, 2025).id, alleen_ingediend=True
            )["organisatie_code"]
        )
    collectief = organisaties[organisaties["actortype"].isin(["gemeente", "regio"])]
    assert len(ingediend & set(collectief["code"])) > 300  # the round has their answers
    for code in collectief["code"]:
        assert not re.search(rf"\b{re.escape(code)}\b", tekst), code
    for naam in collectief["naam"]:
        assert not re.search(rf"(?<!\w){re.escape(naam)}(?!\w)", tekst), naam


def test_unpublished_round_is_refused_in_dutch_and_writes_nothing(demo_db, tmp_path, capsys):
    with sessie.lees(demo_db) as session:
        assert lezen.ronde_by_jaar(session, 2025).status == RondeStatus.GESLOTEN
    doel = tmp_path / "2025"
    assert main(["opendata", str(doel), "--ronde", "2025"]) == 2
    assert "Ronde 2025 is niet gepubliceerd" in capsys.readouterr().err
    assert not doel.exists()
    assert main(["opendata", str(doel), "--ronde", "1999"]) == 2
    assert "Ronde 1999 bestaat niet." in capsys.readouterr().err


def test_small_anonymous_round_package_on_both_databases(engine, tmp_path):
    """The hand-made monitor of test_rondebeheer_db (SQLite and PostgreSQL): gemeenten Aadorp
    and Beedorp both submitted; GEM.1 'afgerond' once and 'mee bezig' once."""
    _bouw(engine)
    _publiceer_anoniem(engine, 2024)
    with sessie.lees(engine) as session:
        bestanden = pakket(lees_ronde(session, 2024))
    schrijf(tmp_path, bestanden)
    assert validate(tmp_path / "datapackage.json").valid
    respons = {r["actortype"]: r for r in _csv(bestanden["respons.csv"])}
    assert (respons["gemeente"]["ingevuld"], respons["gemeente"]["totaal"]) == ("2", "2")
    assert respons["gemeente"]["percentage"] == "100.0"
    gem1 = {r["optie"]: r for r in _csv(bestanden["verdeling.csv"]) if r["vraag"] == "GEM.1"}
    assert (gem1["afgerond"]["aantal"], gem1["afgerond"]["percentage"]) == ("1", "50.0")
    assert (gem1["mee_bezig"]["aantal"], gem1["mee_bezig"]["percentage"]) == ("1", "50.0")
    tekst = b"".join(bestanden.values()).decode("utf-8")
    for naam_of_code in ("Aadorp", "Beedorp", "GM0001", "GM0002"):
        assert naam_of_code not in tekst
    assert DEMO_REGEL not in tekst


def _csv(inhoud: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(inhoud.decode("utf-8"))))
