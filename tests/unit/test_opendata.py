"""The open-data package built from a hand-written snapshot: files, schema, caveats."""

import csv
import io
import json
import zipfile
from datetime import UTC, datetime

from frictionless import validate

from monitor.domain import DEMO_REGEL, DISCLAIMER
from monitor.uitwisseling.opendata import RondeOpenData, als_zip, pakket, schrijf

OVERZICHT = {
    "ronde": 2030,
    "peildatum": "2030-05-01",
    "respons": [
        {"actortype": "gemeente", "ingevuld": 3, "totaal": 4, "percentage": 75.0},
        {"actortype": "rijk", "ingevuld": 0, "totaal": 1, "percentage": 0.0},
    ],
    "vragen": [
        {
            "code": "GEM.1.01",
            "actortype": "gemeente",
            "thema": 1,
            "soort": "afspraak",
            "tekst": 'Tekst met "aanhalingstekens", een komma en een ë.',
            "vraagtype": "janee",
            "n": 3,
            "respondenten": 3,
            "verdeling": [
                {
                    "optie": "ja",
                    "label": "Ja",
                    "aantal": 2,
                    "percentage": 66.7,
                    "percentage_respondenten": 66.7,
                },
                {
                    "optie": "nee",
                    "label": "Nee",
                    "aantal": 1,
                    "percentage": 33.3,
                    "percentage_respondenten": 33.3,
                },
            ],
        },
        {
            "code": "GEM.9.01",
            "actortype": "gemeente",
            "thema": None,
            "soort": "getal",
            "tekst": "Aantal fte",
            "vraagtype": "getal",
            "n": 2,
            "gemiddelde": 2.5,
            "mediaan": 2.5,
        },
    ],
}


def _ronde(demo: bool = False, zichtbaarheid: str = "genoemd") -> RondeOpenData:
    return RondeOpenData(
        jaar=2030,
        peildatum="2030-05-01",
        gepubliceerd_op=datetime(2030, 11, 1, 12, tzinfo=UTC),
        zichtbaarheid=zichtbaarheid,
        demo=demo,
        overzicht=OVERZICHT,
    )


def _rijen(bestanden: dict[str, bytes], naam: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(bestanden[naam].decode("utf-8"))))


def test_package_holds_the_snapshot_as_csv_json_and_a_dictionary():
    bestanden = pakket(_ronde())
    assert sorted(bestanden) == [
        "datapackage.json",
        "overzicht.json",
        "respons.csv",
        "verdeling.csv",
        "vragen.csv",
        "woordenboek.csv",
    ]
    assert _rijen(bestanden, "respons.csv")[0] == {
        "actortype": "gemeente",
        "ingevuld": "3",
        "totaal": "4",
        "percentage": "75.0",
    }
    verdeling = _rijen(bestanden, "verdeling.csv")
    assert [(r["vraag"], r["optie"], r["aantal"], r["percentage"]) for r in verdeling] == [
        ("GEM.1.01", "ja", "2", "66.7"),
        ("GEM.1.01", "nee", "1", "33.3"),
    ]
    vragen = _rijen(bestanden, "vragen.csv")
    assert vragen[0]["tekst"] == 'Tekst met "aanhalingstekens", een komma en een ë.'
    assert (vragen[1]["thema"], vragen[1]["gemiddelde"], vragen[1]["respondenten"]) == (
        "",
        "2.5",
        "",
    )
    woordenboek = _rijen(bestanden, "woordenboek.csv")
    assert {
        "bestand": "verdeling.csv",
        "kolom": "aantal",
        "type": "integer",
    }.items() <= woordenboek[[r["kolom"] for r in woordenboek].index("aantal")].items()
    assert json.loads(bestanden["overzicht.json"])["respons"] == OVERZICHT["respons"]


def test_descriptor_has_licence_source_peildatum_and_the_self_report_caveat():
    descriptor = json.loads(pakket(_ronde(zichtbaarheid="anoniem"))["datapackage.json"])
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["sources"][0]["title"].startswith("Monitor Hervormingsagenda Jeugd")
    assert descriptor["peildatum"] == "2030-05-01"
    assert descriptor["zichtbaarheid"] == "anoniem"
    assert DISCLAIMER in descriptor["description"]
    assert DEMO_REGEL not in descriptor["description"]
    assert descriptor["demodata"] is False


def test_demo_package_says_so_in_title_description_and_json():
    bestanden = pakket(_ronde(demo=True))
    descriptor = json.loads(bestanden["datapackage.json"])
    assert descriptor["title"].startswith("Demodata")
    assert descriptor["description"].startswith(DEMO_REGEL)
    assert json.loads(bestanden["overzicht.json"])["toelichting"].startswith(DEMO_REGEL)


def test_frictionless_validator_accepts_the_written_package(tmp_path):
    schrijf(tmp_path / "pakket", pakket(_ronde(demo=True)))
    rapport = validate(tmp_path / "pakket" / "datapackage.json")
    assert rapport.valid, rapport.flatten(["type", "note"])


def test_frictionless_validator_rejects_a_package_whose_csv_breaks_its_schema(tmp_path):
    """The validator really checks the data against our schema (so the test above can fail)."""
    bestanden = pakket(_ronde())
    bestanden["respons.csv"] = bestanden["respons.csv"].replace(b"75.0", b"veel")
    schrijf(tmp_path / "kapot", bestanden)
    assert not validate(tmp_path / "kapot" / "datapackage.json").valid


def test_zip_holds_the_same_files_and_is_the_same_every_time():
    bestanden = pakket(_ronde())
    assert als_zip(bestanden) == als_zip(pakket(_ronde()))
    with zipfile.ZipFile(io.BytesIO(als_zip(bestanden))) as archief:
        assert {n: archief.read(n) for n in archief.namelist()} == bestanden
