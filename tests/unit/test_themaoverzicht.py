"""The per-thema table, with hand-computed figures."""

from datetime import date

import pandas as pd
import pytest

from monitor.domain import Rol
from monitor.errors import GeenToegang
from monitor.kengetallen import themaoverzicht
from monitor.kengetallen.planning import ACHTER, AFGEROND
from monitor.kengetallen.voortgang import VERDELING_KOLOMMEN
from monitor.rechten import PUBLIEK, Gebruiker, RondeInstellingen, zicht
from monitor.store.lezen import VRAAG_KOLOMMEN

KIJKER = Gebruiker(rol=Rol.KIJKER, naam="k")

VRAGEN = pd.DataFrame(
    [
        (1, "RIJK.1.01", "rijk", 1, "A1", "afspraak", "janee", "Rijk doet X.", "", "", 1, None),
        (2, "VNG.1.01", "vng", 1, "A1", "afspraak", "janee", "Rijk doet X.", "", "", 2, None),
        (
            3,
            "GEM.1.01",
            "gemeente",
            1,
            "A2",
            "afspraak",
            "status4",
            "Gemeente doet Y.",
            "",
            "",
            3,
            None,
        ),
        (4, "GEM.B.1", "gemeente", 1, None, "beleving", "likert5", "Beweging?", "", "", 4, None),
        (5, "GEM.2.01", "gemeente", 2, "A3", "afspraak", "janee", "Ander thema.", "", "", 5, None),
    ],
    columns=VRAAG_KOLOMMEN,
)
PLANNING = pd.DataFrame(
    [("A1", "klaar", date(2024, 6, 30), "Klaar Q2 2024", "HA", date(2023, 6, 19))],
    columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
)


def _verdeling(rijen):
    """Rows (vraag_id, optie, label, aantal, n, percentage) of questions that are no follow-up;
    a row may add (vervolg, respondenten, percentage_respondenten)."""
    volledig = [r if len(r) == 9 else (*r, False, r[4], r[5]) for r in rijen]
    return pd.DataFrame(volledig, columns=VERDELING_KOLOMMEN)


VERDELING = _verdeling(
    [
        (1, "ja", "Ja", 1, 1, 100.0),
        (1, "nee", "Nee", 0, 1, 0.0),
        (2, "ja", "Ja", 0, 1, 0.0),
        (2, "nee", "Nee", 1, 1, 100.0),
        (3, "nog_niet_begonnen", "Nog niet begonnen", 0, 4, 0.0),
        (3, "mee_bezig", "Mee bezig", 3, 4, 75.0),
        (3, "bijna_klaar", "Bijna klaar", 0, 4, 0.0),
        (3, "afgerond", "Afgerond", 1, 4, 25.0),
    ]
)


def test_thema_table_rows_per_actor_with_planning_and_summary():
    tabel = themaoverzicht.thema_tabel(
        thema_nr=1,
        vragen=VRAGEN,
        verdeling=VERDELING,
        planning=PLANNING,
        peildatum=date(2024, 6, 30),
    ).set_index("code")
    assert list(tabel.index) == ["RIJK.1.01", "VNG.1.01", "GEM.1.01"]  # no beleving, no thema 2
    assert tabel.loc["RIJK.1.01", "samenvatting"] == "Ja"
    assert tabel.loc["RIJK.1.01", "planningstatus"] == AFGEROND
    assert tabel.loc["VNG.1.01", "planningstatus"] == ACHTER  # Klaar Q2 2024, still 'nee'
    assert tabel.loc["GEM.1.01", "samenvatting"] == "75% Mee bezig · 25% Afgerond"
    assert tabel.loc["GEM.1.01", "planningstatus"] == ""  # not judged for gemeenten as a whole


def test_follow_up_summary_names_the_base_of_all_respondents_first():
    """GEM.2.02 asked of the 259 gemeenten that said ja: 71 doorbraakmethode = 23% of all 308
    gemeenten (27% of the 259 asked)."""
    vragen = pd.DataFrame(
        [
            (
                9,
                "GEM.2.02",
                "gemeente",
                1,
                None,
                "informatie",
                "keuze",
                "Welke methode?",
                "a=Doorbraakmethode|b=Anders",
                "GEM.2.01=ja",
                9,
                None,
            )
        ],
        columns=VRAAG_KOLOMMEN,
    )
    verdeling = _verdeling(
        [
            (9, "a", "Doorbraakmethode", 71, 259, 100 * 71 / 259, True, 308, 100 * 71 / 308),
            (9, "b", "Anders", 188, 259, 100 * 188 / 259, True, 308, 100 * 188 / 308),
        ]
    )
    tabel = themaoverzicht.thema_tabel(
        thema_nr=1, vragen=vragen, verdeling=verdeling, planning=PLANNING, peildatum=None
    )
    assert tabel["samenvatting"].iloc[0] == (
        "23% Doorbraakmethode · 61% Anders van alle 308 gemeenten "
        "(van de 259 gevraagden: 27% Doorbraakmethode · 73% Anders)"
    )


def test_chart_rows_only_for_ordinal_questions():
    tabel = themaoverzicht.thema_tabel(
        thema_nr=1, vragen=VRAGEN, verdeling=VERDELING, planning=PLANNING, peildatum=None
    )
    staaf = themaoverzicht.verdeling_voor_grafiek(
        VERDELING, tabel[tabel["actortype"] == "gemeente"]
    )
    assert staaf["percentage"].sum() == 100.0
    assert set(staaf["vraag"]) == {"Gemeente doet Y."}


def test_toelichtingen_search_is_case_insensitive():
    antwoorden = pd.DataFrame(
        [
            ("GM1", 3, "mee_bezig", "Wij wachten op het Rijk", "ingediend"),
            ("GM2", 3, "afgerond", "Klaar met de pilot", "ingediend"),
            ("GM3", 3, "afgerond", None, "ingediend"),
        ],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status"],
    )
    organisaties = pd.DataFrame(
        {
            "code": ["GM1", "GM2", "GM3"],
            "naam": ["Aa", "Bee", "Cee"],
            "actortype": "gemeente",
            "niet_noemen": False,
        }
    )
    instellingen = RondeInstellingen(1, 2025)

    def gate(gebruiker):
        return zicht(
            gebruiker, instellingen=instellingen, organisaties=organisaties, ingediend=set()
        )

    alle = themaoverzicht.toelichtingen(
        zicht=gate(KIJKER),
        thema_nr=1,
        vragen=VRAGEN,
        antwoorden=antwoorden,
        organisaties=organisaties,
    )
    assert list(alle["organisatie"]) == ["Aa", "Bee"]
    gevonden = themaoverzicht.toelichtingen(
        zicht=gate(KIJKER),
        thema_nr=1,
        vragen=VRAGEN,
        antwoorden=antwoorden,
        organisaties=organisaties,
        zoekterm="PILOT",
    )
    assert list(gevonden["organisatie"]) == ["Bee"]

    with pytest.raises(GeenToegang):
        themaoverzicht.toelichtingen(
            zicht=gate(PUBLIEK),
            thema_nr=1,
            vragen=VRAGEN,
            antwoorden=antwoorden,
            organisaties=organisaties,
        )


def test_number_questions_are_summarised_by_their_mean():
    vragen = pd.concat(
        [
            VRAGEN,
            pd.DataFrame(
                [
                    (
                        9,
                        "GEM.1.09",
                        "gemeente",
                        1,
                        None,
                        "informatie",
                        "bedrag",
                        "Hoeveel euro?",
                        "",
                        "",
                        9,
                        None,
                    )
                ],
                columns=VRAAG_KOLOMMEN,
            ),
        ]
    )
    numeriek = pd.DataFrame(
        [(9, 2, 1200000.0, 1200000.0, 1000000.0, 1400000.0)],
        columns=["vraag_id", "n", "gemiddelde", "mediaan", "min", "max"],
    )
    tabel = themaoverzicht.thema_tabel(
        thema_nr=1,
        vragen=vragen,
        verdeling=VERDELING,
        planning=PLANNING,
        peildatum=None,
        numeriek=numeriek,
    ).set_index("code")
    assert tabel.loc["GEM.1.09", "samenvatting"] == "gemiddeld € 1.200.000"
    assert tabel.loc["GEM.1.09", "n"] == 2


def test_beleving_is_asked_of_the_actortypes_that_have_statements():
    assert themaoverzicht.beleving_actortypes(VRAGEN) == ["gemeente"]


def test_beleving_differences_between_actors_per_thema():
    """Thema 1: gemeenten 3 of 4 (75%) grotendeels/volledig, regio's 1 of 2 (50%); thema 2 was
    asked of gemeenten only."""
    vragen = pd.DataFrame(
        [
            (4, "GEM.B.1", "gemeente", 1, None, "beleving", "likert5", "B1", "", "", 4, None),
            (6, "GEM.B.2", "gemeente", 2, None, "beleving", "likert5", "B2", "", "", 6, None),
            (7, "REG.B.1", "regio", 1, None, "beleving", "likert5", "R1", "", "", 7, None),
        ],
        columns=VRAAG_KOLOMMEN,
    )
    verdeling = _verdeling(
        [
            (4, "enigszins", "Enigszins", 1, 4, 25.0),
            (4, "grotendeels", "Grotendeels", 2, 4, 50.0),
            (4, "volledig", "Volledig", 1, 4, 25.0),
            (6, "volledig", "Volledig", 0, 3, 0.0),
            (6, "enigszins", "Enigszins", 3, 3, 100.0),
            (7, "helemaal_niet", "Helemaal niet", 1, 2, 50.0),
            (7, "volledig", "Volledig", 1, 2, 50.0),
        ]
    )
    tabel = themaoverzicht.beleving_verschillen(vragen=vragen, verdeling=verdeling)
    assert list(tabel.columns) == ["thema_nr", "Regio's", "Gemeenten"]
    rijen = tabel.set_index("thema_nr")
    assert rijen.loc[1, "Gemeenten"] == 75.0 and rijen.loc[1, "Regio's"] == 50.0
    assert rijen.loc[2, "Gemeenten"] == 0.0 and pd.isna(rijen.loc[2, "Regio's"])
