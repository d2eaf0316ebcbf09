"""Benchmark logic against hand-computed expectations: statistics, peer groups, comparisons,
'Leer van anderen', visibility, anonymising and masking, and the organisation search."""

import numpy as np
import pandas as pd
import pytest

from monitor import domain, rechten
from monitor.benchmark import groepen as groepen_mod
from monitor.benchmark import statistiek
from monitor.benchmark import vergelijking as bm
from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.rechten import Gebruiker
from monitor.store.lezen import ORGANISATIE_KOLOMMEN, VRAAG_KOLOMMEN

KIJKER = Gebruiker(Rol.KIJKER, "k")
BEHEERDER = Gebruiker(Rol.BEHEERDER, "b")
INVULLER_GM1 = Gebruiker(Rol.INVULLER, "i", organisatie_code="GM1")

# --------------------------------------------------------------------------------------------
# Statistics


def test_empty_group_has_no_statistics():
    assert statistiek.mediaan([]) is None
    assert statistiek.kwartielen([]) is None
    assert statistiek.percentiel(0.5, []) is None


def test_group_of_one_all_quartiles_equal_its_value():
    assert statistiek.kwartielen([0.4]) == (0.4, 0.4, 0.4)
    assert statistiek.percentiel(0.4, [0.4]) == 50.0  # a tie counts half
    assert statistiek.percentiel(0.5, [0.4]) == 100.0
    assert statistiek.percentiel(0.3, [0.4]) == 0.0


def test_group_of_two_interpolates():
    q1, med, q3 = statistiek.kwartielen([0.6, 0.2])
    # positions (n-1)·p = 0.25, 0.5, 0.75 between 0.2 and 0.6
    assert (q1, med, q3) == pytest.approx((0.3, 0.4, 0.5))
    assert statistiek.percentiel(0.6, [0.2, 0.6]) == 75.0  # 1 lower + half of 1 tie, of 2


def test_quartiles_of_four_and_three_values():
    assert statistiek.kwartielen([4, 1, 3, 2]) == pytest.approx((1.75, 2.5, 3.25))
    assert statistiek.kwartielen([5, 1, 3]) == pytest.approx((2.0, 3.0, 4.0))
    # Same definition as numpy's default (and Excel's KWARTIEL.INC)
    waarden = [0.1, 0.9, 0.35, 0.5, 0.5, 0.72, 0.05]
    assert statistiek.kwartielen(waarden) == pytest.approx(
        tuple(np.quantile(waarden, [0.25, 0.5, 0.75]))
    )


def test_ties_in_the_middle():
    waarden = [0, 1 / 3, 1 / 3, 1 / 3, 1]
    assert statistiek.kwartielen(waarden) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert statistiek.percentiel(1 / 3, waarden) == pytest.approx(50.0)  # (1 + 3/2) / 5
    assert statistiek.percentiel(1, waarden) == pytest.approx(90.0)  # (4 + 1/2) / 5
    assert statistiek.percentiel(0.5, [0.5, 0.5, 0.5, 0.5]) == 50.0  # equal to everyone: the middle


# --------------------------------------------------------------------------------------------
# Inwonersklassen


@pytest.mark.parametrize(
    ("inwoners", "klasse", "grootte"),
    [
        (972, "<20.000", "<100.000"),
        (19_999, "<20.000", "<100.000"),
        (20_000, "20.000–50.000", "<100.000"),
        (99_999, "50.000–100.000", "<100.000"),
        (100_000, "100.000–250.000", "≥100.000"),
        (250_000, ">=250.000", "≥100.000"),
    ],
)
def test_inwonersklasse_bounds_open_the_next_class(inwoners, klasse, grootte):
    assert domain.inwonersklasse(inwoners) == klasse
    assert domain.grootteklasse(inwoners) == grootte


# --------------------------------------------------------------------------------------------
# A small world: six gemeenten in three regio's and three provincies


def _organisaties(niet_noemen=()):
    rijen = [
        ("GM1", "Eerstedam", "gemeente", "R1", "P1", "Een", 10_000),
        ("GM2", "Súdwest-Twee", "gemeente", "R1", "P1", "Een", 20_000),
        ("GM3", "Drie", "gemeente", "R1", "P2", "Twee", 40_000),
        ("GM4", "Vierhuizen", "gemeente", "R2", "P1", "Een", 120_000),
        ("GM5", "Vijfburg", "gemeente", "R2", "P2", "Twee", 300_000),
        ("GM6", "Zeshoven", "gemeente", "R3", "P3", "Drie", 11_000),
        ("R1", "Regio Een", "regio", None, "P1", "Een", 70_000),
        ("R2", "Regio Twee", "regio", None, "P1", "Een", 420_000),
        ("RIJK", "Rijk", "rijk", None, None, None, None),
    ]
    return pd.DataFrame(
        [
            (
                code,
                naam,
                soort,
                regio,
                prov,
                provnaam,
                inw,
                domain.inwonersklasse(inw) if soort == "gemeente" else None,
                code in niet_noemen,
            )
            for code, naam, soort, regio, prov, provnaam, inw in rijen
        ],
        columns=ORGANISATIE_KOLOMMEN,
    )


ORGANISATIES = _organisaties()


def test_standard_groups_of_a_gemeente():
    groepen = {g.sleutel: g.leden for g in groepen_mod.standaardgroepen("GM1", ORGANISATIES)}
    assert groepen == {
        "alle": ("GM2", "GM3", "GM4", "GM5", "GM6"),
        "jeugdregio": ("GM2", "GM3"),
        "inwonersklasse": ("GM6",),  # <20.000
        "grootte": ("GM2", "GM3", "GM6"),  # <100.000
        "provincie": ("GM2", "GM4"),
        # same provincie or regio: GM2 (×2), GM3 (×4), GM4 (×12), nearest first
        "vergelijkbaar": ("GM2", "GM3", "GM4"),
    }


def test_vergelijkbaar_takes_the_k_nearest_by_ratio():
    assert groepen_mod.vergelijkbaar("GM1", ORGANISATIES, k=2) == ("GM2", "GM3")
    # GM4 (120.000, P1, R2): GM5 (R2, ×2.5), GM2 (P1, ×6), GM1 (P1, ×12); GM3 (×3) shares
    # neither provincie nor regio
    assert groepen_mod.vergelijkbaar("GM4", ORGANISATIES, k=2) == ("GM5", "GM2")


def test_regio_compares_with_all_regios_and_national_actors_have_no_groups():
    assert [(g.sleutel, g.leden) for g in groepen_mod.standaardgroepen("R1", ORGANISATIES)] == [
        ("alle", ("R2",))
    ]
    assert groepen_mod.standaardgroepen("RIJK", ORGANISATIES) == []


def test_custom_group_keeps_only_same_actortype_and_never_itself():
    groep = groepen_mod.eigen_groep(
        "eigen", "Mijn", ["GM1", "GM5", "R1", "GM9", "GM2"], "GM1", ORGANISATIES
    )
    assert groep.leden == ("GM2", "GM5")


# --------------------------------------------------------------------------------------------
# Comparisons

VRAGEN = pd.DataFrame(
    [
        (1, "G.1.01", "gemeente", 1, "A1", "afspraak", "status4", "Plan?", "", "", 1, None),
        (2, "G.1.02", "gemeente", 1, "A2", "afspraak", "janee", "Team?", "", "", 2, None),
        (3, "G.2.01", "gemeente", 2, "A3", "afspraak", "status4", "Inkoop?", "", "", 3, None),
        (4, "G.2.02", "gemeente", 2, None, "informatie", "getal", "Hoeveel?", "", "", 4, None),
        (5, "R.1.01", "regio", 1, "A1", "afspraak", "status4", "Regio?", "", "", 5, None),
    ],
    columns=VRAAG_KOLOMMEN,
)


def _antwoorden(rijen):
    return pd.DataFrame(
        [(org, vraag, waarde, toel, status) for org, vraag, waarde, toel, status in rijen],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status"],
    )


ING = "ingediend"
ANTWOORDEN = _antwoorden(
    [
        ("GM1", 1, "afgerond", None, ING),
        ("GM1", 2, "nee", None, ING),
        ("GM1", 3, "mee_bezig", None, ING),
        ("GM1", 4, "7", None, ING),
        ("GM2", 1, "mee_bezig", None, ING),
        ("GM2", 2, "ja", "Bel Piet: 06-12345678 of piet@eerstedam.nl", ING),
        ("GM2", 3, "afgerond", "In Súdwest-Twee kochten we samen in.", ING),
        ("GM2", 4, "10", None, ING),
        ("GM3", 1, "nog_niet_begonnen", None, ING),
        ("GM3", 2, "nee", None, ING),
        ("GM3", 3, "bijna_klaar", None, ING),
        ("GM3", 4, "20", None, ING),
        ("GM4", 1, "afgerond", None, ING),
        ("GM4", 2, "nee", None, ING),
        ("GM4", 3, "afgerond", "nog niet ingediend", "concept"),  # concept: never counted
    ]
)
PEERS = ("GM2", "GM3", "GM4")


def test_thema_index_against_the_peers():
    tabel = bm.thema_vergelijking("GM1", "gemeente", PEERS, VRAGEN, ANTWOORDEN).set_index(
        "thema_nr"
    )
    # index 0–100. thema 1: GM1 (100 + 0)/2 = 50; peers GM2 (100/3 + 100)/2 = 200/3, GM3 0,
    # GM4 (100 + 0)/2 = 50
    een = tabel.loc[1]
    assert een["eigen"] == 50.0
    assert een["n"] == 3
    assert (een["minimum"], een["q1"], een["mediaan"], een["q3"], een["maximum"]) == pytest.approx(
        (0.0, 25.0, 50.0, 700 / 12, 200 / 3)
    )
    assert een["percentiel"] == pytest.approx(50.0)  # 1 lower (GM3), 1 tie (GM4): 1.5 of 3
    # thema 2: GM1 100/3; GM2 100, GM3 200/3 (GM4's answer is a concept)
    twee = tabel.loc[2]
    assert twee["n"] == 2
    assert twee["mediaan"] == pytest.approx(500 / 6)
    assert twee["percentiel"] == 0.0


def test_vraag_shows_own_answer_next_to_the_peer_distribution():
    tabel, lang = bm.vraag_vergelijking("GM1", "gemeente", PEERS, VRAGEN, ANTWOORDEN)
    tabel = tabel.set_index("code")
    assert tabel.loc["G.1.01", "eigen"] == "Afgerond"
    assert (
        tabel.loc["G.1.01", "verdeling"] == "Nog niet begonnen 33% · Mee bezig 33% · Afgerond 33%"
    )
    assert tabel.loc["G.1.01", "gereed_pct"] == pytest.approx(100 / 3)
    assert tabel.loc["G.1.02", "eigen"] == "Nee"
    assert tabel.loc["G.1.02", "n"] == 3
    assert tabel.loc["G.2.01", "n"] == 2  # the concept of GM4 is left out
    assert tabel.loc["G.2.02", "peer_mediaan"] == 15.0  # 10 and 20
    assert "R.1.01" not in tabel.index  # a regio question is not a gemeente's
    assert set(lang["vraag_id"]) == {1, 2, 3}


def test_changes_since_the_previous_round_follow_voorganger():
    vorige_vragen = VRAGEN.assign(id=VRAGEN["id"] + 100)
    nu = VRAGEN.assign(voorganger_id=VRAGEN["id"] + 100)
    vorig = _antwoorden(
        [
            ("GM1", 101, "mee_bezig", None, ING),
            ("GM1", 102, "ja", None, ING),
            ("GM2", 101, "mee_bezig", None, ING),
            ("GM3", 101, "afgerond", None, ING),
        ]
    )
    tabel = bm.veranderingen("GM1", "gemeente", PEERS, nu, ANTWOORDEN, vorige_vragen, vorig)
    tabel = tabel.set_index("code")
    assert tabel.loc["G.1.01", ["eigen_vorig", "eigen_nu", "richting"]].tolist() == [
        "Mee bezig",
        "Afgerond",
        "vooruit",
    ]
    assert tabel.loc["G.1.02", "richting"] == "achteruit"  # ja → nee
    assert tabel.loc["G.2.01", "eigen_vorig"] == "geen antwoord"
    # group on G.1.01: then GM2 mee_bezig, GM3 afgerond → 50%; now 1 of 3 afgerond
    assert tabel.loc["G.1.01", "groep_gereed_vorig"] == 50.0
    assert tabel.loc["G.1.01", "groep_gereed_nu"] == pytest.approx(100 / 3)
    assert "G.2.02" not in tabel.index  # number questions have no 'gereed'
    # Per thema (index 0–100), the same group a round earlier: GM1 thema 1 (100/3 + 100)/2 =
    # 200/3; peers GM2 100/3 (mee_bezig) and GM3 100 (afgerond) → mediaan 200/3
    themas = bm.met_vorige_ronde(
        bm.thema_vergelijking("GM1", "gemeente", PEERS, nu, ANTWOORDEN),
        bm.thema_vergelijking("GM1", "gemeente", PEERS, vorige_vragen, vorig),
    ).set_index("thema_nr")
    assert themas.loc[1, "eigen"] == 50.0
    assert themas.loc[1, ["eigen_vorig", "mediaan_vorig"]].tolist() == pytest.approx(
        [200 / 3, 200 / 3]
    )
    assert pd.isna(themas.loc[2, "eigen_vorig"])  # no answers on thema 2 in the earlier round


def test_leer_van_anderen_lists_done_peers_most_alike_first():
    antwoorden = _antwoorden(
        [
            ("GM1", 2, "nee", None, ING),
            ("GM6", 2, "ja", "Zes", ING),  # other regio, 11.000 (×1.1)
            ("GM4", 2, "ja", "", ING),  # other regio, 120.000 (×12)
            ("GM3", 2, "ja", None, ING),  # same regio, 40.000 (×4)
            ("GM2", 2, "ja", "Twee", ING),  # same regio, 20.000 (×2)
            ("GM5", 2, "nee", None, ING),  # not done: not listed
        ]
    )
    leden = ("GM2", "GM3", "GM4", "GM5", "GM6")
    leer = bm.leer_van_anderen("GM1", leden, VRAGEN, antwoorden, ORGANISATIES)
    tweede = leer[leer["vraag"] == "G.1.02"]
    assert tweede["organisatie_code"].tolist() == ["GM2", "GM3", "GM6", "GM4"]
    assert tweede["zelfde_regio"].tolist() == [True, True, False, False]
    assert tweede["toelichting"].tolist() == ["Twee", "", "Zes", ""]
    # no answer at all on G.1.01 and G.2.01 is 'not done', but nobody there is done either
    assert set(leer["vraag"]) == {"G.1.02"}


def test_leer_van_anderen_skips_questions_the_organisation_finished():
    leer = bm.leer_van_anderen("GM1", PEERS, VRAGEN, ANTWOORDEN, ORGANISATIES)
    # GM1: G.1.01 afgerond (skipped), G.1.02 nee (GM2 ja), G.2.01 mee_bezig (GM2 afgerond)
    assert leer[["vraag", "organisatie_code"]].values.tolist() == [
        ["G.1.02", "GM2"],
        ["G.2.01", "GM2"],
    ]


# --------------------------------------------------------------------------------------------
# Who may see what


@pytest.mark.parametrize(
    ("gebruiker", "na_indienen", "ingediend", "zichtbaar"),
    [
        (INVULLER_GM1, True, set(), False),
        (INVULLER_GM1, True, {"GM1"}, True),
        (INVULLER_GM1, False, set(), True),
        (KIJKER, True, set(), True),
        (BEHEERDER, True, set(), True),
    ],
)
def test_peers_visible_to_invullers_only_after_submitting(
    gebruiker, na_indienen, ingediend, zichtbaar
):
    instellingen = rechten.RondeInstellingen(1, 2025, "genoemd", na_indienen)
    toegang = rechten.peer_toegang(gebruiker, "GM1", instellingen, ingediend, 5)
    assert toegang.zichtbaar is zichtbaar
    assert ("ingediend" in toegang.melding) is (not zichtbaar)


def test_anonymised_groups_smaller_than_five_are_not_shown():
    instellingen = rechten.RondeInstellingen(1, 2025, "anoniem", False)
    klein = rechten.peer_toegang(KIJKER, "GM1", instellingen, set(), 4)
    assert not klein.zichtbaar and "te klein" in klein.melding
    genoeg = rechten.peer_toegang(KIJKER, "GM1", instellingen, set(), 5)
    assert genoeg.zichtbaar and genoeg.anoniem
    assert not rechten.peer_toegang(KIJKER, "GM1", instellingen, set(), 0).zichtbaar


def test_who_may_benchmark_which_organisation():
    rechten.controleer_organisatie(INVULLER_GM1, "GM1", ORGANISATIES)
    rechten.controleer_organisatie(KIJKER, "R2", ORGANISATIES)
    with pytest.raises(GeenToegang, match="eigen organisatie"):
        rechten.controleer_organisatie(INVULLER_GM1, "GM2", ORGANISATIES)
    with pytest.raises(GeenToegang):
        rechten.controleer_organisatie(Gebruiker(Rol.PUBLIEK, "p"), "GM1", ORGANISATIES)
    with pytest.raises(MonitorFout, match="gemeenten en jeugdregio"):
        rechten.controleer_organisatie(KIJKER, "RIJK", ORGANISATIES)


def _bench(
    gebruiker=KIJKER, zichtbaarheid="genoemd", organisaties=ORGANISATIES, leden=PEERS, ingediend=()
):
    return bm.benchmark(
        gebruiker=gebruiker,
        code="GM1",
        groep=groepen_mod.Vergelijkgroep("test", "Test", leden),
        instellingen=rechten.RondeInstellingen(1, 2025, zichtbaarheid, True),
        organisaties=organisaties,
        vragen=VRAGEN,
        antwoorden=ANTWOORDEN,
        ingediend=set(ingediend),
    )


# In an anonymous round a submitted invuller looks at its own organisation: kijkers may not
# pick one organisation there (see test_a_kijker_cannot_single_out_an_organisation_…).
INGEDIEND_GM1 = {"gebruiker": INVULLER_GM1, "ingediend": {"GM1"}}


def test_before_submitting_an_invuller_sees_only_own_results():
    uit = _bench(INVULLER_GM1)
    assert not uit.toegang.zichtbaar
    assert uit.themas.set_index("thema_nr").loc[1, "eigen"] == 50.0
    assert (uit.themas["n"] == 0).all() and uit.themas["mediaan"].isna().all()
    assert uit.leer.empty and uit.verdeling.empty and not uit.namen
    assert (uit.vragen["n"] == 0).all()


def test_named_view_shows_names_and_plain_toelichtingen():
    uit = _bench()
    assert uit.namen == {"GM2": "Súdwest-Twee", "GM3": "Drie", "GM4": "Vierhuizen"}
    assert "06-12345678" in uit.leer["toelichting"].iloc[0]


def test_anonymised_view_labels_peers_and_masks_toelichtingen():
    leden = ("GM2", "GM3", "GM4", "GM5", "GM6")
    uit = _bench(zichtbaarheid="anoniem", leden=leden, **INGEDIEND_GM1)
    assert sorted(uit.namen.values()) == [f"Gemeente {x}" for x in "ABCDE"]
    assert uit.namen == _bench(zichtbaarheid="anoniem", leden=leden, **INGEDIEND_GM1).namen
    toelichtingen = dict(zip(uit.leer["vraag"], uit.leer["toelichting"], strict=True))
    assert toelichtingen["G.1.02"] == "Bel Piet: [telefoonnummer] of [e-mailadres]"
    assert toelichtingen["G.2.01"] == "In [naam] kochten we samen in."
    assert set(uit.leer["naam"]) == {uit.namen["GM2"]}
    assert uit.leer["inwoners"].isna().all()


def test_anonymised_small_group_shows_no_peer_results():
    uit = _bench(zichtbaarheid="anoniem", **INGEDIEND_GM1)  # 3 peers
    assert not uit.toegang.zichtbaar and "te klein" in uit.toegang.melding
    assert uit.leer.empty and (uit.themas["n"] == 0).all()


def test_opt_out_peer_is_labelled_and_masked_in_a_named_view():
    organisaties = _organisaties(niet_noemen={"GM2"})
    leden = ("GM2", "GM3", "GM4", "GM5", "GM6")
    uit = _bench(organisaties=organisaties, leden=leden)
    assert uit.namen["GM2"].startswith("Gemeente ") and uit.namen["GM3"] == "Drie"
    rij = uit.leer[uit.leer["organisatie_code"] == "GM2"].iloc[0]
    assert rij["naam"] == uit.namen["GM2"]
    assert "[telefoonnummer]" in rij["toelichting"]


def test_opt_out_peer_is_left_out_of_a_small_named_group():
    uit = _bench(organisaties=_organisaties(niet_noemen={"GM2"}))  # 3 peers
    assert "GM2" not in uit.namen and uit.weggelaten == 1
    assert "GM2" not in set(uit.leer["organisatie_code"])


def test_invuller_may_not_benchmark_another_organisation():
    with pytest.raises(GeenToegang):
        bm.benchmark(
            gebruiker=Gebruiker(Rol.INVULLER, "i", organisatie_code="GM2"),
            code="GM1",
            groep=groepen_mod.Vergelijkgroep("t", "T", PEERS),
            instellingen=rechten.RondeInstellingen(1, 2025),
            organisaties=ORGANISATIES,
            vragen=VRAGEN,
            antwoorden=ANTWOORDEN,
            ingediend={"GM2"},
        )


def test_regio_grid_refuses_invullers_from_elsewhere():
    kwargs = {
        "regio_code": "R1",
        "instellingen": rechten.RondeInstellingen(1, 2025, "genoemd", False),
        "organisaties": ORGANISATIES,
        "vragen": VRAGEN,
        "antwoorden": ANTWOORDEN,
        "ingediend": set(),
    }
    raster, _ = bm.regio_raster(gebruiker=INVULLER_GM1, **kwargs)
    assert set(raster["gemeente"]) == {"Eerstedam", "Súdwest-Twee", "Drie"}
    assert len(raster) == 3 * 3  # 3 gemeenten × 3 status/janee questions
    with pytest.raises(GeenToegang):
        bm.regio_raster(gebruiker=Gebruiker(Rol.INVULLER, "i", organisatie_code="GM4"), **kwargs)


# --------------------------------------------------------------------------------------------
# Anonymous labels and masking


def test_letters_continue_after_z():
    assert [rechten._letters(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_anonymous_names_are_deterministic_given_the_list():
    codes = ["GM3", "GM1", "GM2"]
    a = rechten.anonieme_namen(codes, "gemeente", "2025|GM9|alle")
    assert a == rechten.anonieme_namen(list(reversed(codes)), "gemeente", "2025|GM9|alle")
    assert sorted(a.values()) == ["Gemeente A", "Gemeente B", "Gemeente C"]
    assert rechten.anonieme_namen(["JZ01"], "regio") == {"JZ01": "Jeugdregio A"}


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Mail j.jansen@amsterdam.nl voor info", "Mail [e-mailadres] voor info"),
        ("Bel 06-12345678.", "Bel [telefoonnummer]."),
        ("Bel 06 12345678 of 0612345678", "Bel [telefoonnummer] of [telefoonnummer]"),
        ("Tel. 020 123 4567, of 020-1234567", "Tel. [telefoonnummer], of [telefoonnummer]"),
        ("(020) 123 45 67", "[telefoonnummer]"),
        ("+31 6 12345678 of +31 (0)20 123 4567", "[telefoonnummer] of [telefoonnummer]"),
        ("0031 20 1234567", "[telefoonnummer]"),
        ("In 2024 hielpen we 1234 jongeren met 0,5 fte", None),
        ("Budget 1.250.000 euro, 12 gemeenten", None),
    ],
)
def test_mask_email_and_dutch_phone_numbers(tekst, verwacht):
    assert rechten.maskeer(tekst) == (tekst if verwacht is None else verwacht)


def test_mask_own_name_with_and_without_diacritics():
    naam = "Súdwest-Fryslân"
    assert rechten.maskeer("In Súdwest-Fryslân en sudwest-fryslan", [naam]) == "In [naam] en [naam]"
    assert (
        rechten.maskeer("Gemeente Bergen werkt samen", ["Bergen (NH.)"])
        == "Gemeente [naam] werkt samen"
    )
    assert rechten.maskeer("Amsterdammers", ["Amsterdam"]) == "Amsterdammers"  # whole words only


# --------------------------------------------------------------------------------------------
# Searching organisations


ZOEK = pd.DataFrame(
    {
        "code": ["GM0400", "GM0484", "GM0546", "GM1900", "GM0796", "GM0228"],
        "naam": [
            "Den Helder",
            "Alphen aan den Rijn",
            "Leiden",
            "Súdwest-Fryslân",
            "'s-Hertogenbosch",
            "Ede",
        ],
    }
)


def test_search_ranks_prefix_then_word_then_substring():
    assert groepen_mod.zoek_organisaties("den", ZOEK)["naam"].tolist() == [
        "Den Helder",  # name starts with it
        "Alphen aan den Rijn",  # a word starts with it
        "Leiden",  # contains it
    ]


@pytest.mark.parametrize(
    ("term", "code"),
    [
        ("sudwest", "GM1900"),
        ("Súdwest", "GM1900"),
        ("fryslan", "GM1900"),
        ("gm1900", "GM1900"),
        ("GM 0796", "GM0796"),
        ("hertogenbosch", "GM0796"),
        ("s-hertogenbosch", "GM0796"),
        ("ede", "GM0228"),  # exact name beats 'Leiden'… which does not start with it
    ],
)
def test_search_finds_by_name_without_diacritics_and_by_code(term, code):
    assert groepen_mod.zoek_organisaties(term, ZOEK)["code"].iloc[0] == code


def test_search_without_match_or_term_is_empty():
    assert groepen_mod.zoek_organisaties("xyz", ZOEK).empty
    assert groepen_mod.zoek_organisaties("  ", ZOEK).empty


def test_select_label_carries_the_spelling_without_accents():
    assert (
        groepen_mod.zoeklabel("Súdwest-Fryslân", "GM1900")
        == "Súdwest-Fryslân (GM1900) · Sudwest-Fryslan"
    )
    assert groepen_mod.zoeklabel("Amsterdam", "GM0363") == "Amsterdam (GM0363)"


def test_a_custom_group_in_an_anonymous_round_shows_no_peers_even_past_the_page():
    """The differencing attack: the comparison itself refuses custom groups, whatever page or
    URL asks for one."""
    leden = ("GM2", "GM3", "GM4", "GM5", "GM6")
    for sleutel, zichtbaar in (("eigen-3", False), ("eigen", False), ("alle", True)):
        uit = bm.benchmark(
            gebruiker=INVULLER_GM1,
            code="GM1",
            groep=groepen_mod.Vergelijkgroep(sleutel, "Test", leden),
            instellingen=rechten.RondeInstellingen(1, 2025, "anoniem", True),
            organisaties=ORGANISATIES,
            vragen=VRAGEN,
            antwoorden=ANTWOORDEN,
            ingediend={"GM1"},
        )
        assert uit.toegang.zichtbaar is zichtbaar, sleutel
        if not zichtbaar:
            assert (uit.themas["n"] == 0).all() and uit.leer.empty and not uit.namen


def test_a_kijker_cannot_single_out_an_organisation_in_an_anonymous_round():
    """Picking Gemeente X by name would show its results next to its name; beheerders keep the
    right to unmasked data, and the own organisation is always the invuller's."""
    with pytest.raises(GeenToegang, match="anoniem"):
        _bench(KIJKER, zichtbaarheid="anoniem")
    beheerder = _bench(
        BEHEERDER, zichtbaarheid="anoniem", leden=("GM2", "GM3", "GM4", "GM5", "GM6")
    )
    assert beheerder.themas.set_index("thema_nr").loc[1, "eigen"] == 50.0
    assert sorted(beheerder.namen.values()) == [f"Gemeente {x}" for x in "ABCDE"]


def test_answers_of_others_marked_voorlopig_say_so_in_leer_van_anderen_and_the_regio_grid():
    antwoorden = _antwoorden(
        [
            ("GM1", 2, "nee", None, ING),
            ("GM2", 2, "ja", "Twee", ING),
            ("GM3", 2, "ja", None, ING),
        ]
    ).assign(voorlopig=[False, True, False])
    leer = bm.leer_van_anderen("GM1", ("GM2", "GM3"), VRAGEN, antwoorden, ORGANISATIES)
    assert dict(zip(leer["organisatie_code"], leer["antwoord"], strict=True)) == {
        "GM2": "Ja (voorlopig)",
        "GM3": "Ja",
    }
    raster, _ = bm.regio_raster(
        gebruiker=INVULLER_GM1,
        regio_code="R1",
        instellingen=rechten.RondeInstellingen(1, 2025, "genoemd", False),
        organisaties=ORGANISATIES,
        vragen=VRAGEN,
        antwoorden=antwoorden,
        ingediend={"GM1", "GM2", "GM3"},
    )
    team = raster[raster["vraag"] == "G.1.02"].set_index("gemeente")["antwoord"]
    assert team.to_dict() == {"Eerstedam": "Nee", "Súdwest-Twee": "Ja (voorlopig)", "Drie": "Ja"}
