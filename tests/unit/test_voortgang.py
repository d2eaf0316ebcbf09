"""National aggregates, checked against hand-computed figures."""

import pandas as pd
import pytest

from monitor.kengetallen import gereed, voortgang
from monitor.store.lezen import VRAAG_KOLOMMEN

VRAGEN = pd.DataFrame(
    [
        (1, "GEM.1.01", "gemeente", 1, "A1", "afspraak", "status4", "Status?", "", "", 1, None),
        (2, "GEM.1.02", "gemeente", 1, "A2", "afspraak", "janee", "Ja of nee?", "", "", 2, None),
        (
            3,
            "GEM.1.03",
            "gemeente",
            1,
            None,
            "informatie",
            "meerkeuze",
            "Welke?",
            "x=Iks|y=IJ",
            "",
            3,
            None,
        ),
        (4, "GEM.1.04", "gemeente", 1, None, "informatie", "bedrag", "Hoeveel?", "", "", 4, None),
        (5, "REG.1.01", "regio", 1, "A1", "afspraak", "status4", "Status?", "", "", 5, None),
    ],
    columns=VRAAG_KOLOMMEN,
)


def _antwoorden(rijen):
    return pd.DataFrame(
        [(org, vraag, waarde, None, "ingediend") for org, vraag, waarde in rijen],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status"],
    )


ANTWOORDEN = _antwoorden(
    [
        ("GM1", 1, "afgerond"),
        ("GM2", 1, "mee_bezig"),
        ("GM3", 1, "mee_bezig"),
        ("GM1", 2, "ja"),
        ("GM2", 2, "nee"),
        ("GM3", 2, None),
        ("GM1", 3, "x;y"),
        ("GM2", 3, "y"),
        ("GM1", 4, "100"),
        ("GM2", 4, "300"),
    ]
)


def test_distribution_counts_percentages_of_those_who_answered():
    tabel = voortgang.verdeling(VRAGEN, ANTWOORDEN)
    status = tabel[tabel["vraag_id"] == 1].set_index("optie")
    assert status["aantal"].to_dict() == {
        "nog_niet_begonnen": 0,
        "mee_bezig": 2,
        "bijna_klaar": 0,
        "afgerond": 1,
    }
    assert status.loc["mee_bezig", "percentage"] == pytest.approx(200 / 3)  # not rounded
    assert status.loc["afgerond", "percentage"] == pytest.approx(100 / 3)
    janee = tabel[tabel["vraag_id"] == 2].set_index("optie")
    assert janee["n"].iloc[0] == 2  # GM3 left it empty
    assert janee["percentage"].to_dict() == {"ja": 50.0, "nee": 50.0}


def test_multiple_choice_percentages_may_exceed_100():
    tabel = voortgang.verdeling(VRAGEN, ANTWOORDEN)
    meer = tabel[tabel["vraag_id"] == 3].set_index("optie")
    assert meer["percentage"].to_dict() == {"x": 50.0, "y": 100.0}
    assert meer["label"].to_dict() == {"x": "Iks", "y": "IJ"}


def test_a_question_nobody_answered_has_no_percentages():
    tabel = voortgang.verdeling(VRAGEN, ANTWOORDEN)
    regio = tabel[tabel["vraag_id"] == 5]
    assert len(regio) == 4
    assert (regio["n"] == 0).all() and regio["percentage"].isna().all()


def test_numbers_are_summarised():
    samenvatting = voortgang.numerieke_samenvatting(VRAGEN, ANTWOORDEN).set_index("vraag_id")
    assert samenvatting.loc[4, "n"] == 2
    assert samenvatting.loc[4, "gemiddelde"] == 200.0


def test_respons_counts_only_submitted_organisations_over_the_whole_division():
    organisaties = pd.DataFrame(
        {"code": ["GM1", "GM2", "GM3", "GM4", "JZ1"], "actortype": ["gemeente"] * 4 + ["regio"]}
    )
    antwoorden = ANTWOORDEN.copy()
    antwoorden.loc[antwoorden["organisatie_code"] == "GM3", "status"] = "concept"
    tabel = voortgang.respons(organisaties, antwoorden).set_index("actortype")
    assert tabel.loc["gemeente", ["ingevuld", "totaal", "percentage"]].tolist() == [2, 4, 50.0]
    assert tabel.loc["regio", "ingevuld"] == 0
    assert pd.isna(tabel.loc["rijk", "percentage"])  # no rijk organisation in this division


def test_voortgangsindex_averages_status_and_janee_scores():
    index = gereed.voortgangsindex(VRAGEN, ANTWOORDEN).set_index("organisatie_code")
    # 0–100. GM1: afgerond (100) and ja (100) → 100; GM2: mee_bezig (100/3) and nee (0) → 100/6
    assert index.loc["GM1", "index"] == 100.0
    assert index.loc["GM2", "index"] == pytest.approx(100 / 6)
    assert index.loc["GM3", "aantal"] == 1  # the empty janee answer is not counted


def test_empty_round_gives_empty_frames():
    leeg = _antwoorden([])
    assert gereed.voortgangsindex(VRAGEN, leeg).empty
    assert voortgang.verdeling(VRAGEN, leeg)["aantal"].sum() == 0


def test_overzicht_json_shape():
    organisaties = pd.DataFrame({"code": ["GM1", "GM2", "GM3"], "actortype": ["gemeente"] * 3})
    uit = voortgang.overzicht(
        jaar=2024,
        peildatum="2024-06-30",
        organisaties=organisaties,
        vragen=VRAGEN,
        antwoorden=ANTWOORDEN,
    )
    assert uit["ronde"] == 2024
    gemeente = next(r for r in uit["respons"] if r["actortype"] == "gemeente")
    assert (gemeente["ingevuld"], gemeente["totaal"]) == (3, 3)
    janee = next(v for v in uit["vragen"] if v["code"] == "GEM.1.02")
    assert janee["n"] == 2
    assert janee["respondenten"] == 3
    assert janee["verdeling"] == [
        {
            "optie": "ja",
            "label": "Ja",
            "aantal": 1,
            "percentage": 50.0,
            "percentage_respondenten": 33.3,
        },
        {
            "optie": "nee",
            "label": "Nee",
            "aantal": 1,
            "percentage": 50.0,
            "percentage_respondenten": 33.3,
        },
    ]
    bedrag = next(v for v in uit["vragen"] if v["code"] == "GEM.1.04")
    assert bedrag["gemiddelde"] == 200.0


def test_names_of_non_respondents_only_for_beheerder_and_kijker():
    from monitor.domain import Rol
    from monitor.errors import GeenToegang
    from monitor.rechten import Gebruiker

    organisaties = pd.DataFrame(
        {
            "code": ["GM1", "GM2", "GM9", "JZ1", "RIJK"],
            "naam": ["Aa", "Bee", "Zee", "Regio", "Rijk"],
            "actortype": ["gemeente", "gemeente", "gemeente", "regio", "rijk"],
            "jeugdregio_code": ["JZ1", "JZ1", "JZ1", None, None],
            "provincie_naam": ["P", "P", "P", "P", None],
        }
    )
    kijker = Gebruiker(rol=Rol.KIJKER, naam="k")
    lijst = voortgang.niet_gerespondeerd(
        gebruiker=kijker, organisaties=organisaties, antwoorden=ANTWOORDEN
    )
    assert list(lijst["code"]) == ["GM9", "JZ1"]  # GM3 answered; national actors are not listed
    for rol in (Rol.INVULLER, Rol.PUBLIEK):
        with pytest.raises(GeenToegang):
            voortgang.niet_gerespondeerd(
                gebruiker=Gebruiker(rol=rol, naam="x", organisatie_code="GM1"),
                organisaties=organisaties,
                antwoorden=ANTWOORDEN,
            )


def test_respons_is_unrounded_and_the_json_interface_shows_one_decimal_half_up():
    """2 of 3 is 66,666…%: figures stay exact, the stable JSON prints 66.7 (one decimal, as
    README promises), rounded by the one rule of opmaak.tekst."""
    organisaties = pd.DataFrame(
        {"code": ["GM1", "GM2", "GM3", "GM9"], "actortype": ["gemeente"] * 4}
    )
    antwoorden = ANTWOORDEN[ANTWOORDEN["organisatie_code"] != "GM3"]
    tabel = voortgang.respons(organisaties, antwoorden).set_index("actortype")
    assert tabel.loc["gemeente", "percentage"] == pytest.approx(200 / 4)
    assert voortgang.respons_percentage(2, 3) == pytest.approx(200 / 3)
    assert voortgang.respons_percentage(0, 0) is None
    uit = voortgang.overzicht(
        jaar=2024,
        peildatum="2024-06-30",
        organisaties=organisaties.iloc[:3],
        vragen=VRAGEN,
        antwoorden=antwoorden,
    )
    gemeente = next(r for r in uit["respons"] if r["actortype"] == "gemeente")
    assert (gemeente["ingevuld"], gemeente["totaal"], gemeente["percentage"]) == (2, 3, 66.7)


def _met_vervolg() -> pd.DataFrame:
    """VRAGEN with GEM.1.03 asked only after GEM.1.02 = ja (a follow-up)."""
    vragen = VRAGEN.copy()
    vragen.loc[vragen["id"] == 3, "toon_als"] = "GEM.1.02=ja"
    return vragen


def test_follow_up_percentage_of_all_respondents_of_the_actortype():
    """Three gemeenten answered something; one of them (GM1) was asked GEM.1.03 and ticked x:
    1 of 1 asked = 100%, 1 of all 3 gemeenten = 33,3%."""
    extra = _antwoorden([("GM1", 3, "x")])
    antwoorden = pd.concat([ANTWOORDEN[ANTWOORDEN["vraag_id"] != 3], extra], ignore_index=True)
    tabel = voortgang.verdeling(_met_vervolg(), antwoorden)
    x = tabel[(tabel["vraag_id"] == 3) & (tabel["optie"] == "x")].iloc[0]
    assert bool(x["vervolg"]) is True
    assert (x["n"], x["respondenten"]) == (1, 3)
    assert x["percentage"] == pytest.approx(100.0)
    assert x["percentage_respondenten"] == pytest.approx(100 / 3)
    regio = tabel[tabel["vraag_id"] == 5]
    assert not regio["vervolg"].any() and set(regio["respondenten"]) == {0}


def test_overzicht_json_gives_both_bases():
    vragen = _met_vervolg()
    organisaties = pd.DataFrame({"code": ["GM1", "GM2", "GM3"], "actortype": "gemeente"})
    uit = voortgang.overzicht(
        jaar=2024, peildatum=None, organisaties=organisaties, vragen=vragen, antwoorden=ANTWOORDEN
    )
    vraag = next(v for v in uit["vragen"] if v["code"] == "GEM.1.03")
    assert (vraag["n"], vraag["respondenten"]) == (2, 3)
    y = next(d for d in vraag["verdeling"] if d["optie"] == "y")
    assert (y["percentage"], y["percentage_respondenten"]) == (100.0, 66.7)


def test_response_explanation_names_the_printed_and_our_figure():
    tabel = pd.DataFrame(
        [("gemeente", "Gemeenten", 308, 342, 100 * 308 / 342), ("rijk", "Rijk", 1, 1, 100.0)],
        columns=["actortype", "label", "ingevuld", "totaal", "percentage"],
    )
    zinnen = voortgang.respons_uitleg(tabel, {"gemeente": 89.2, "rijk": 100.0})
    assert zinnen == [
        "Gemeenten: het rapport noemt 89,2% zonder te zeggen waarop; de monitor rekent 308 van "
        "342 = 90,1%, op de indeling van dit jaar."
    ]


def test_waarvan_voorlopig_counts_the_marked_answers_with_a_value_per_vraag():
    antwoorden = pd.DataFrame(
        [
            ("GM1", 1, "ja", None, "ingediend", True),
            ("GM2", 1, "nee", None, "ingediend", True),
            ("GM3", 1, "ja", None, "ingediend", False),
            ("GM1", 2, "afgerond", None, "ingediend", True),
            ("GM2", 2, None, "nog niets", "ingediend", True),  # no value: not in n, not counted
            ("GM1", 3, "ja", None, "ingediend", False),
        ],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status", "voorlopig"],
    )
    # vraag 1: GM1 and GM2 marked (2 of 3); vraag 2: only GM1 has a value; vraag 3: none
    assert voortgang.voorlopig_per_vraag(antwoorden) == {1: 2, 2: 1}
    assert voortgang.voorlopig_per_vraag(antwoorden.drop(columns="voorlopig")) == {}
