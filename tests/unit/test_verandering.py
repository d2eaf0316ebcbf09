"""Change since the previous round: followed through voorganger_id, also after a rename."""

import math

import pandas as pd

from monitor.kengetallen.verandering import verandering_per_thema, verandering_per_vraag
from monitor.kengetallen.voortgang import verdeling

VRAAG_KOLOMMEN = [
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
]

VORIG = pd.DataFrame(
    [
        (1, "GEM.1.01", "gemeente", 1, "A1.10", "afspraak", "janee", "Oude tekst", "", "", 1, None),
        (2, "GEM.1.02", "gemeente", 1, "A1.11", "afspraak", "status4", "Status", "", "", 2, None),
    ],
    columns=VRAAG_KOLOMMEN,
)
NU = pd.DataFrame(
    [
        # renamed and reworded in the new round, linked to vraag 1
        (11, "GEM.1.10", "gemeente", 1, "A1.10", "afspraak", "janee", "Nieuwe tekst", "", "", 1, 1),
        (12, "GEM.1.02", "gemeente", 1, "A1.11", "afspraak", "status4", "Status", "", "", 2, 2),
        (13, "GEM.1.03", "gemeente", 1, "A1.12", "afspraak", "janee", "Nieuw", "", "", 3, None),
    ],
    columns=VRAAG_KOLOMMEN,
)


def _antwoorden(rijen):
    return pd.DataFrame(rijen, columns=["organisatie_code", "vraag_id", "waarde"])


def test_a_renamed_vraag_is_compared_with_its_predecessor():
    vorig = _antwoorden([("G1", 1, "ja"), ("G2", 1, "nee"), ("G3", 1, "nee"), ("G4", 1, "nee")])
    nu = _antwoorden([("G1", 11, "ja"), ("G2", 11, "ja"), ("G3", 11, "ja"), ("G4", 11, "nee")])
    tabel = verandering_per_vraag(
        vragen=NU,
        verdeling=verdeling(NU, nu),
        antwoorden=nu,
        vragen_vorig=VORIG,
        verdeling_vorig=verdeling(VORIG, vorig),
        antwoorden_vorig=vorig,
    ).set_index("code")
    rij = tabel.loc["GEM.1.10"]
    assert rij["code_vorig"] == "GEM.1.01"
    assert bool(rij["tekst_gewijzigd"])
    assert rij["afgerond_vorig"] == 25.0  # 1 of 4 said ja
    assert rij["afgerond"] == 75.0  # 3 of 4
    assert rij["verschil"] == 50.0  # percentage points
    assert rij["verdeling_vorig"] == "25% Ja · 75% Nee"
    assert rij["verdeling"] == "75% Ja · 25% Nee"
    assert "GEM.1.03" not in tabel.index  # new this round: nothing to compare with
    # GEM.1.02 nobody answered, then or now
    leeg = tabel.loc["GEM.1.02"]
    assert leeg["n"] == 0 and leeg["verdeling"] == "–"
    assert pd.isna(leeg["afgerond"]) and pd.isna(leeg["verschil"])


def test_status_answers_count_only_afgerond_as_done():
    vorig = _antwoorden([("G1", 2, "bijna_klaar"), ("G2", 2, "afgerond")])
    nu = _antwoorden([("G1", 12, "afgerond"), ("G2", 12, "afgerond")])
    tabel = verandering_per_vraag(
        vragen=NU,
        verdeling=verdeling(NU, nu),
        antwoorden=nu,
        vragen_vorig=VORIG,
        verdeling_vorig=verdeling(VORIG, vorig),
        antwoorden_vorig=vorig,
    ).set_index("code")
    assert tabel.loc["GEM.1.02", "afgerond_vorig"] == 50.0
    assert tabel.loc["GEM.1.02", "verschil"] == 50.0
    assert not tabel.loc["GEM.1.02", "tekst_gewijzigd"]


def test_first_round_has_nothing_to_compare():
    tabel = verandering_per_vraag(
        vragen=VORIG,
        verdeling=verdeling(VORIG, _antwoorden([("G1", 1, "ja")])),
        antwoorden=_antwoorden([("G1", 1, "ja")]),
        vragen_vorig=VORIG.iloc[0:0],
        verdeling_vorig=verdeling(VORIG.iloc[0:0], _antwoorden([])),
        antwoorden_vorig=_antwoorden([]),
    )
    assert tabel.empty


def test_thema_change_per_actortype():
    index = pd.DataFrame(
        [(1, "gemeente", 60.0, 10), (1, "rijk", 50.0, 3), (2, "vng", 100.0, 1)],
        columns=["thema_nr", "actortype", "index", "aantal"],
    )
    vorig = pd.DataFrame(
        [(1, "gemeente", 45.0, 10), (1, "rijk", 50.0, 3)],
        columns=["thema_nr", "actortype", "index", "aantal"],
    )
    tabel = verandering_per_thema(index, vorig).set_index(["thema_nr", "actortype"])
    assert math.isclose(tabel.loc[(1, "gemeente"), "verschil"], 15.0)  # index points (0–100)
    assert tabel.loc[(1, "rijk"), "verschil"] == 0.0
    assert math.isnan(tabel.loc[(2, "vng"), "verschil"])  # no previous figure
    assert math.isnan(tabel.loc[(2, "vng"), "index_vorig"])
