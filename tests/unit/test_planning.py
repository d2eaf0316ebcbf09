"""Planning status against the peildatum, with hand-picked dates."""

from datetime import date

import pandas as pd
import pytest

from monitor.kengetallen import planning as p

PEIL = date(2024, 6, 30)


@pytest.mark.parametrize(
    ("soort", "deadline", "waarde", "peildatum", "verwacht"),
    [
        ("klaar", date(2024, 6, 30), "mee_bezig", PEIL, p.ACHTER),  # deadline on the peildatum
        ("klaar", date(2024, 3, 31), "bijna_klaar", PEIL, p.ACHTER),
        ("klaar", date(2024, 3, 31), "afgerond", PEIL, p.AFGEROND),
        ("in", date(2023, 12, 31), "nee", PEIL, p.ACHTER),
        ("in", date(2023, 12, 31), "ja", PEIL, p.AFGEROND),
        ("klaar", date(2024, 12, 31), "mee_bezig", PEIL, p.BINNENKORT),
        ("klaar", date(2025, 3, 31), "mee_bezig", PEIL, p.OP_SCHEMA),
        ("start", date(2024, 3, 31), "nog_niet_begonnen", PEIL, p.ACHTER),
        ("start", date(2024, 3, 31), "mee_bezig", PEIL, p.OP_SCHEMA),
        ("start", date(2024, 9, 30), "nog_niet_begonnen", PEIL, p.BINNENKORT),
        (None, None, "mee_bezig", PEIL, p.GEEN_PLANNING),
        ("klaar", date(2024, 6, 30), "mee_bezig", None, p.GEEN_PEILDATUM),
        ("klaar", date(2024, 6, 30), None, PEIL, p.ACHTER),  # no answer is not 'done'
    ],
)
def test_planning_status(soort, deadline, waarde, peildatum, verwacht):
    status = p.planning_status(soort=soort, deadline=deadline, waarde=waarde, peildatum=peildatum)
    assert status == verwacht


def test_the_version_in_force_at_the_peildatum_counts():
    planning = pd.DataFrame(
        [
            ("A6.01", "klaar", date(2024, 12, 31), "Klaar Q4 2024", "HA", date(2023, 6, 19)),
            ("A6.01", "klaar", date(2025, 6, 30), "Klaar Q2 2025", "Brief", date(2024, 6, 1)),
            ("A1.01", "in", date(2023, 12, 31), "In 2023", "HA", date(2023, 6, 19)),
        ],
        columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
    )
    voor = p.planning_in_kracht(planning, date(2024, 3, 31)).set_index("afspraak_code")
    na = p.planning_in_kracht(planning, date(2024, 6, 30)).set_index("afspraak_code")
    assert voor.loc["A6.01", "tekst"] == "Klaar Q4 2024"
    assert na.loc["A6.01", "tekst"] == "Klaar Q2 2025"
    assert na.loc["A1.01", "tekst"] == "In 2023"
    vroeg = p.planning_in_kracht(planning, date(2023, 1, 1)).set_index("afspraak_code")
    assert vroeg.loc["A6.01", "tekst"] == "Klaar Q4 2024"  # nothing in force yet: the oldest
    assert (
        p.planning_in_kracht(planning, None).set_index("afspraak_code").loc["A6.01", "tekst"]
        == "Klaar Q4 2024"
    )


def test_planning_overzicht_single_actor_status_and_share_behind_for_gemeenten():
    from monitor.store.lezen import ANTWOORD_KOLOMMEN, VRAAG_KOLOMMEN

    vragen = pd.DataFrame(
        [
            (1, "SBJ.1.01", "sbj", 1, "A1", "afspraak", "status4", "t", "", "", 1, None),
            (2, "GEM.1.01", "gemeente", 1, "A2", "afspraak", "status4", "t", "", "", 2, None),
            (3, "GEM.1.02", "gemeente", 1, "A3", "afspraak", "janee", "t", "", "", 3, None),
        ],
        columns=VRAAG_KOLOMMEN,
    )
    antwoorden = pd.DataFrame(
        [
            ("SBJ", 1, "mee_bezig", None, "ingediend", False),
            ("GM1", 2, "nog_niet_begonnen", None, "ingediend", False),
            ("GM2", 2, "mee_bezig", None, "ingediend", False),
            ("GM3", 2, "mee_bezig", None, "ingediend", False),
            ("GM4", 2, "afgerond", None, "ingediend", False),
        ],
        columns=ANTWOORD_KOLOMMEN,
    )
    planning = pd.DataFrame(
        [
            ("A1", "klaar", date(2023, 12, 31), "Klaar Q4 2023", "HA", date(2023, 6, 19)),
            ("A2", "start", date(2024, 3, 31), "Start in Q1 2024", "HA", date(2023, 6, 19)),
        ],
        columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
    )
    afspraken = pd.DataFrame({"code": ["A1", "A2", "A3"], "tekst": ["Lijst", "Start", "Geen"]})
    tabel = p.planning_overzicht(
        vragen=vragen,
        antwoorden=antwoorden,
        planning=planning,
        afspraken=afspraken,
        peildatum=PEIL,
    )
    assert tabel["afspraak_code"].tolist() == ["A1", "A2"]  # sorted by deadline; A3 has none
    sbj = tabel.iloc[0]
    assert sbj["status"] == p.ACHTER
    assert pd.isna(sbj["aandeel_achter"])  # a share is only given for gemeenten and regio's
    gemeenten = tabel.iloc[1]
    assert gemeenten["aandeel_achter"] == 25.0  # 1 of 4 had not started after Q1 2024
    assert gemeenten["status"] == p.OP_SCHEMA


def test_planning_slips_list_every_version_with_the_months_moved():
    planning = pd.DataFrame(
        [
            ("A6.01", "klaar", date(2025, 6, 30), "Klaar Q2 2025", "Kamerbrief", date(2024, 6, 1)),
            ("A6.01", "klaar", date(2024, 12, 31), "Klaar Q4 2024", "HA", date(2023, 6, 19)),
            ("A6.01", "klaar", date(2025, 3, 31), "Klaar Q1 2025", "Brief 2", date(2025, 1, 1)),
            ("A1.01", "in", date(2023, 12, 31), "In 2023", "HA", date(2023, 6, 19)),
        ],
        columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
    )
    slips = p.planning_verschuivingen(planning)
    assert slips["afspraak_code"].unique().tolist() == ["A6.01"]  # one version: no slip
    assert slips["tekst"].tolist() == ["Klaar Q4 2024", "Klaar Q2 2025", "Klaar Q1 2025"]
    assert slips["versie"].tolist() == [1, 2, 3]
    assert slips["bron"].tolist() == ["HA", "Kamerbrief", "Brief 2"]
    assert slips["maanden_verschoven"].tolist()[1:] == [6, -3]  # Q4 2024 → Q2 2025 → Q1 2025
    assert pd.isna(slips["maanden_verschoven"].iloc[0])
    assert p.planning_verschuivingen(planning.iloc[0:0]).empty


OVERZICHT = pd.DataFrame(
    {
        "thema_nr": [1, 1, 1, 2, 2],
        "afspraak_code": ["A1", "A1", "A2", "A3", "A4"],
        "actortype": ["rijk", "vng", "gemeente", "rijk", "kbl"],
        "deadline": [
            date(2024, 3, 31),
            date(2024, 3, 31),
            date(2023, 12, 31),
            date(2024, 6, 30),
            date(2025, 6, 30),  # not passed at PEIL
        ],
        "status": [p.ACHTER, p.ACHTER, p.AFGEROND, p.ACHTER, p.BINNENKORT],
    }
)


def test_achter_op_planning_counts_afspraak_vragen_with_a_passed_deadline():
    # afspraak A1 is behind for two actors: two afspraak-vragen, not one afspraak
    achter = p.achter_op_planning(OVERZICHT, PEIL)
    assert (achter.aantal, achter.verstreken) == (3, 4)
    assert p.achter_tekst(achter) == "3 van de 4 afspraak-vragen met een verstreken deadline"
    assert p.achter_op_planning(OVERZICHT, None) == p.Achter(0, 0)
    assert p.achter_tekst(p.Achter(0, 0)) == "geen afspraak-vragen met een verstreken deadline"
    assert p.achter_op_planning(OVERZICHT.iloc[0:0], PEIL) == p.Achter(0, 0)


def test_achter_per_thema_and_actor_adds_up_to_the_total():
    tabel = p.achter_per(OVERZICHT, PEIL, per=("thema_nr", "actortype"))
    rijen = {(r.thema_nr, r.actortype): (r.achter, r.verstreken) for r in tabel.itertuples()}
    assert rijen == {
        (1, "rijk"): (1, 1),
        (1, "vng"): (1, 1),
        (1, "gemeente"): (0, 1),
        (2, "rijk"): (1, 1),
    }  # KBL's deadline had not passed: not in the table
    assert sum(a for a, _ in rijen.values()) == p.achter_op_planning(OVERZICHT, PEIL).aantal


@pytest.mark.parametrize(
    ("soort", "datum", "peildatum", "verwacht"),
    [
        ("klaar", date(2023, 12, 31), date(2024, 6, 30), "Ja"),
        ("klaar", date(2024, 6, 30), date(2024, 6, 30), "Ja"),  # on the peildatum: passed
        ("klaar", date(2024, 9, 30), date(2024, 6, 30), "Nee"),
        ("start", date(2024, 3, 31), date(2024, 6, 30), "n.v.t. (startdatum)"),
        ("klaar", date(2024, 3, 31), None, "–"),
    ],
)
def test_deadline_verstreken_says_a_start_date_is_no_deadline(soort, datum, peildatum, verwacht):
    assert p.deadline_verstreken(soort=soort, datum=datum, peildatum=peildatum) == verwacht
