"""Parsing the questionnaire files: planning grammar, options, and Dutch error messages."""

from datetime import date
from pathlib import Path

import pytest

from monitor.domain import Optie, PlanningSoort, parse_opties
from monitor.errors import InvoerFout
from monitor.rondes.vragenlijst import load_vragenlijst, parse_planning


@pytest.mark.parametrize(
    ("tekst", "soort", "datum"),
    [
        ("Klaar Q2 2024", PlanningSoort.KLAAR, date(2024, 6, 30)),
        ("Klaar in Q2 2024", PlanningSoort.KLAAR, date(2024, 6, 30)),
        ("Klaar Q4 2023", PlanningSoort.KLAAR, date(2023, 12, 31)),
        ("In 2023", PlanningSoort.IN, date(2023, 12, 31)),
        ("Start Q3 2024", PlanningSoort.START, date(2024, 9, 30)),
        ("Start in Q1 2024", PlanningSoort.START, date(2024, 3, 31)),
        ("Start 2023", PlanningSoort.START, date(2023, 12, 31)),
        ("start  in 2023", PlanningSoort.START, date(2023, 12, 31)),
    ],
)
def test_planning_text_becomes_kind_and_end_date(tekst, soort, datum):
    assert parse_planning(tekst) == (soort, datum)


@pytest.mark.parametrize("tekst", ["", "Klaar Q5 2024", "Binnenkort", "Klaar 24", "Q2 2024"])
def test_unreadable_planning_is_refused_with_an_example(tekst):
    with pytest.raises(ValueError, match="Klaar Q2 2024"):
        parse_planning(tekst)


def test_options_are_code_label_pairs():
    assert parse_opties("a=Eerste|b=Tweede") == (Optie("a", "Eerste"), Optie("b", "Tweede"))
    with pytest.raises(ValueError, match="code=Label"):
        parse_opties("alleen_code")


THEMAS = "nr,titel,paragraaf,ambitie\n1,Reikwijdte,2.1,Toegankelijk\n2,Domeinen,2.2,Verbinden\n"
AFSPRAKEN = (
    "code,thema,tekst,paragraaf,afhankelijk_van\n"
    "A1.01,1,Het Rijk doet iets,2.1,\nA2.01,2,Gemeenten doen iets,2.2,A1.01\n"
)
PLANNING = "afspraak,planning,bron,geldig_vanaf\nA1.01,Klaar Q2 2024,HA,2023-06-19\n"
VRAGEN = (
    "code,actortype,thema,afspraak,soort,vraagtype,tekst,opties,toon_als,minimum,maximum,"
    "verplicht,herkomst\n"
    "RIJK.1.01,rijk,1,A1.01,afspraak,status4,Het Rijk heeft iets gedaan.,,,,,ja,tabel\n"
    "GEM.2.01,gemeente,2,A2.01,afspraak,janee,Onze gemeente doet iets.,,,,,ja,tabel\n"
    "GEM.2.02,gemeente,2,,informatie,keuze,Welke?,a=A|b=B,GEM.2.01=ja,,,nee,tekst\n"
)


def _schrijf(map_: Path, **inhoud: str) -> Path:
    bestanden = {
        "themas.csv": THEMAS,
        "afspraken.csv": AFSPRAKEN,
        "planning.csv": PLANNING,
        "vragen_2024.csv": VRAGEN,
    }
    bestanden.update({f"{naam}.csv": tekst for naam, tekst in inhoud.items()})
    for naam, tekst in bestanden.items():
        (map_ / naam).write_text(tekst, encoding="utf-8")
    return map_


def test_a_correct_questionnaire_loads(tmp_path):
    lijst = load_vragenlijst(_schrijf(tmp_path))
    assert [v.code for v in lijst.vragen] == ["RIJK.1.01", "GEM.2.01", "GEM.2.02"]
    assert lijst.afspraken[1].afhankelijk_van == ("A1.01",)
    assert lijst.planning[0].datum == date(2024, 6, 30)


@pytest.mark.parametrize(
    ("bestanden", "bestand", "rij", "veld", "melding"),
    [
        (
            {"vragen_2024": VRAGEN + VRAGEN.splitlines()[1] + "\n"},
            "vragen_2024.csv",
            5,
            "code",
            "dubbel",
        ),
        (
            {"afspraken": AFSPRAKEN.replace("A2.01,2,", "A2.01,9,")},
            "afspraken.csv",
            3,
            "thema",
            "thema 9 bestaat niet",
        ),
        (
            {"planning": PLANNING.replace("Klaar Q2 2024", "Ooit")},
            "planning.csv",
            2,
            "planning",
            "niet herkend",
        ),
        (
            {"vragen_2024": VRAGEN.replace(",herkomst\n", "\n", 1)},
            "vragen_2024.csv",
            1,
            "herkomst",
            "kolom ontbreekt",
        ),
        (
            {"vragen_2024": VRAGEN.replace("rijk,1,A1.01", "rijk,1,A7.77")},
            "vragen_2024.csv",
            2,
            "afspraak",
            "bestaat niet",
        ),
        (
            {"vragen_2024": VRAGEN.replace("status4,", "schuifje,")},
            "vragen_2024.csv",
            2,
            "vraagtype",
            "onbekend",
        ),
    ],
    ids=[
        "duplicate-code",
        "unknown-thema",
        "bad-planning",
        "missing-column",
        "unknown-afspraak",
        "unknown-vraagtype",
    ],
)
def test_a_broken_file_names_file_row_and_field(tmp_path, bestanden, bestand, rij, veld, melding):
    with pytest.raises(InvoerFout) as fout:
        load_vragenlijst(_schrijf(tmp_path, **bestanden))
    assert (fout.value.bestand, fout.value.rij, fout.value.veld) == (bestand, rij, veld)
    assert melding in str(fout.value)
    assert str(fout.value).startswith(f"{bestand}, rij {rij}, veld '{veld}'")
