"""The one definition of status questions, status groups, 'gereed', the share gereed and the
voortgangsindex (kengetallen.gereed), on hand-made frames with hand-computed expectations."""

import pandas as pd
import pytest

from monitor.domain import OPTIE_KLEUREN
from monitor.kengetallen import gereed
from monitor.opmaak.tekst import procent
from tests.utils.frames import antwoorden_frame

VRAGEN = pd.DataFrame(
    [
        # id, actortype, thema_nr, afspraak_code, soort, vraagtype
        (1, "rijk", 1, "A1.01", "afspraak", "status4"),
        (2, "gemeente", 1, "A1.02", "afspraak", "janee"),
        (3, "gemeente", 1, None, "informatie", "keuze"),  # not an afspraak: never counted
        (4, "gemeente", 2, "A2.01", "afspraak", "status4"),
        (5, "gemeente", 2, None, "beleving", "likert5"),  # beleving: never counted
        (6, "gemeente", 2, "A2.02", "afspraak", "getal"),  # afspraak, but no status question
    ],
    columns=["id", "actortype", "thema_nr", "afspraak_code", "soort", "vraagtype"],
)


ANTWOORDEN = antwoorden_frame(
    [
        ("RIJK", 1, "afgerond"),
        ("G1", 2, "ja"),
        ("G2", 2, "nee"),
        ("G3", 2, "nee"),
        ("G4", 2, ""),  # empty: no answer
        ("G1", 3, "ja"),  # an option code 'ja' on a keuze question: not a status answer
        ("G1", 4, "mee_bezig"),
        ("G2", 4, "bijna_klaar"),
        ("G3", 4, "afgerond"),
        ("G1", 5, "volledig"),
        ("G1", 6, "12"),
    ]
)


def test_only_afspraak_status_and_janee_questions_are_status_questions():
    assert gereed.status_vragen(VRAGEN)["id"].tolist() == [1, 2, 4]


@pytest.mark.parametrize(
    ("waarde", "groep", "klaar", "score"),
    [
        ("nog_niet_begonnen", "nog_niet_begonnen", False, 0.0),
        ("nee", "nog_niet_begonnen", False, 0.0),
        ("mee_bezig", "mee_bezig", False, 100 / 3),
        ("bijna_klaar", "bijna_klaar", False, 200 / 3),
        ("afgerond", "afgerond", True, 100.0),
        ("ja", "afgerond", True, 100.0),
        ("volledig", None, False, None),  # beleving
        ("ja;nee", None, False, None),  # more than one code is no status answer
        (None, None, False, None),
        ("", None, False, None),
    ],
)
def test_status_group_gereed_and_score_of_one_answer(waarde, groep, klaar, score):
    assert gereed.status_groep(waarde) == groep
    assert gereed.is_gereed(waarde) is klaar
    if score is None:
        assert gereed.voortgang_score(waarde) is None
    else:
        assert gereed.voortgang_score(waarde) == pytest.approx(score)


def test_status_groups_have_one_set_of_labels_and_the_domain_colours():
    assert gereed.STATUS_GROEPEN == ("nog_niet_begonnen", "mee_bezig", "bijna_klaar", "afgerond")
    assert gereed.STATUS_GROEP_KLEUREN["afgerond"] == OPTIE_KLEUREN["afgerond"]
    verdeling = gereed.status_verdeling(VRAGEN, ANTWOORDEN, per=("actortype",))
    assert verdeling["label"].drop_duplicates().tolist() == [
        "Nog niet begonnen of nee",
        "Mee bezig",
        "Bijna klaar",
        "Afgerond of ja",
    ]


def test_share_gereed_counts_every_status_answer_once():
    # status answers: RIJK afgerond; G1 ja, G2 nee, G3 nee; G1 mee_bezig, G2 bijna_klaar,
    # G3 afgerond → 3 gereed (afgerond, ja, afgerond) of 7
    aandeel = gereed.aandeel_gereed(VRAGEN, ANTWOORDEN)
    assert (aandeel.aantal, aandeel.totaal) == (3, 7)
    assert aandeel.percentage == pytest.approx(300 / 7)


def test_share_gereed_per_thema_and_actortype_is_not_rounded():
    tabel = gereed.aandeel_gereed_per(VRAGEN, ANTWOORDEN, per=("thema_nr", "actortype"))
    rijen = {
        (int(r.thema_nr), r.actortype): (r.gereed, r.totaal, r.percentage)
        for r in tabel.itertuples()
    }
    assert rijen[(1, "rijk")] == (1, 1, 100.0)
    assert rijen[(1, "gemeente")][:2] == (1, 3)  # ja of ja/nee/nee; the keuze 'ja' is left out
    assert rijen[(1, "gemeente")][2] == pytest.approx(100 / 3)
    assert rijen[(2, "gemeente")][:2] == (1, 3)  # only the status question of thema 2
    assert set(rijen) == {(1, "rijk"), (1, "gemeente"), (2, "gemeente")}


def test_share_gereed_per_vraag_and_the_252_of_313_case():
    antwoorden = antwoorden_frame(
        [(f"G{i}", 2, "ja") for i in range(252)] + [(f"G{i}", 2, "nee") for i in range(252, 313)]
    )
    tabel = gereed.aandeel_gereed_per(VRAGEN, antwoorden, per=("vraag_id",))
    assert tabel[["vraag_id", "gereed", "totaal"]].values.tolist() == [[2, 252, 313]]
    assert tabel["percentage"].iloc[0] == pytest.approx(25200 / 313)  # 80,51…%, not rounded
    assert procent(tabel["percentage"].iloc[0]) == "81%"


def test_mixed_janee_and_status_answers_in_one_distribution():
    verdeling = gereed.status_verdeling(VRAGEN, ANTWOORDEN, per=("thema_nr", "actortype"))
    gemeenten_2 = verdeling[(verdeling["thema_nr"] == 2) & (verdeling["actortype"] == "gemeente")]
    assert dict(zip(gemeenten_2["groep"], gemeenten_2["aantal"], strict=True)) == {
        "nog_niet_begonnen": 0,
        "mee_bezig": 1,
        "bijna_klaar": 1,
        "afgerond": 1,
    }
    gemeenten_1 = verdeling[(verdeling["thema_nr"] == 1) & (verdeling["actortype"] == "gemeente")]
    per_groep = dict(zip(gemeenten_1["groep"], gemeenten_1["percentage"], strict=True))
    assert per_groep["nog_niet_begonnen"] == pytest.approx(200 / 3)  # two 'nee' of three
    assert per_groep["afgerond"] == pytest.approx(100 / 3)  # the 'ja'
    assert gemeenten_1["totaal"].unique().tolist() == [3]


def test_voortgangsindex_is_0_to_100_and_averages_the_status_answers():
    index = gereed.voortgangsindex(VRAGEN, ANTWOORDEN, per=("thema_nr", "actortype"))
    waarden = {(int(r.thema_nr), r.actortype): (r.index, r.aantal) for r in index.itertuples()}
    assert waarden[(1, "rijk")] == (100.0, 1)
    assert waarden[(1, "gemeente")] == (pytest.approx(100 / 3), 3)  # (100 + 0 + 0) / 3
    assert waarden[(2, "gemeente")] == (pytest.approx(200 / 3), 3)  # (33⅓ + 66⅔ + 100) / 3
    per_organisatie = gereed.voortgangsindex(VRAGEN, ANTWOORDEN).set_index("organisatie_code")
    assert per_organisatie.loc["G1", "index"] == pytest.approx((100 + 100 / 3) / 2)


def test_concept_answers_do_not_count():
    concept = antwoorden_frame([("RIJK", 1, "afgerond")], status="concept")
    assert gereed.aandeel_gereed(VRAGEN, concept).totaal == 0
    assert gereed.aandeel_gereed(VRAGEN, concept).percentage is None
    assert gereed.voortgangsindex(VRAGEN, concept).empty


@pytest.mark.parametrize(
    "antwoorden",
    [
        antwoorden_frame([]),  # no answers at all
        antwoorden_frame([("G1", 3, "ja"), ("G1", 5, "volledig"), ("G1", 6, "3")]),  # only others
    ],
    ids=["no answers", "only non-status questions"],
)
def test_no_status_answers_give_no_figures(antwoorden):
    aandeel = gereed.aandeel_gereed(VRAGEN, antwoorden)
    assert (aandeel.aantal, aandeel.totaal, aandeel.percentage) == (0, 0, None)
    assert gereed.aandeel_gereed_per(VRAGEN, antwoorden, per=("thema_nr",)).empty
    assert gereed.status_verdeling(VRAGEN, antwoorden, per=("actortype",)).empty
    assert gereed.voortgangsindex(VRAGEN, antwoorden, per=("thema_nr",)).empty
