"""The table of rights and the one gate (rechten.zicht), on hand-built frames."""

import math

import pandas as pd
import pytest

from monitor.domain import Rol
from monitor.errors import GeenToegang
from monitor.kengetallen import kaart, themaoverzicht
from monitor.rechten import (
    PUBLIEK,
    RECHTEN,
    Gebruiker,
    Recht,
    RondeInstellingen,
    alleen_totalen,
    mag,
    veilige_groepen,
    vereis,
    vereis_organisatie,
    zicht,
    zicht_per_actortype,
)

KIJKER = Gebruiker(Rol.KIJKER, "k")
BEHEERDER = Gebruiker(Rol.BEHEERDER, "b")
INVULLER_GM1 = Gebruiker(Rol.INVULLER, "i", organisatie_code="GM1")

# Six gemeenten in two jeugdregio's; GM6 does not want to be named.
ORGANISATIES = pd.DataFrame(
    {
        "code": ["GM1", "GM2", "GM3", "GM4", "GM5", "GM6", "JZ1", "JZ2"],
        "naam": ["Aa", "Bee", "Cee", "Dee", "Ee", "Amsterdam", "Regio Een", "Regio Twee"],
        "actortype": ["gemeente"] * 6 + ["regio"] * 2,
        "niet_noemen": [False, False, False, False, False, True, False, False],
        "jeugdregio_code": ["JZ1", "JZ1", "JZ1", "JZ1", "JZ1", "JZ2", None, None],
        "provincie_code": ["PV1"] * 8,
        "provincie_naam": ["Eenland"] * 8,
    }
)
GEMEENTEN = ORGANISATIES[ORGANISATIES["actortype"] == "gemeente"]
ALLE_INGEDIEND = {"GM1", "GM2", "GM3", "GM4", "GM5", "GM6"}
GENOEMD = RondeInstellingen(1, 2025, "genoemd", True)
ANONIEM = RondeInstellingen(1, 2025, "anoniem", True)


def _gate(gebruiker, instellingen=GENOEMD, ingediend=ALLE_INGEDIEND, leden=None, sleutel="alle"):
    return zicht(
        gebruiker,
        instellingen=instellingen,
        organisaties=ORGANISATIES,
        ingediend=ingediend,
        leden=GEMEENTEN["code"] if leden is None else leden,
        sleutel=sleutel,
    )


# --- The table of rights ---------------------------------------------------------------------


def test_the_public_has_totals_only():
    assert RECHTEN[Rol.PUBLIEK] == frozenset({Recht.TOTALEN})


@pytest.mark.parametrize(
    ("recht", "rollen"),
    [
        (Recht.NIET_RESPONDENTEN, {Rol.BEHEERDER, Rol.KIJKER}),
        (Recht.ANTWOORDEN_ANDEREN, {Rol.BEHEERDER, Rol.KIJKER, Rol.INVULLER}),
        (Recht.ALTIJD_ANDEREN, {Rol.BEHEERDER, Rol.KIJKER}),
        (Recht.INVULLEN, {Rol.BEHEERDER, Rol.INVULLER}),
        (Recht.INVULLEN_VOOR_ALLE, {Rol.BEHEERDER}),
        (Recht.RONDES_BEHEREN, {Rol.BEHEERDER}),
        (Recht.ACCOUNTS_BEHEREN, {Rol.BEHEERDER}),
        (Recht.RUWE_EXPORT, {Rol.BEHEERDER}),
        (Recht.NOTITIES_LEZEN, {Rol.BEHEERDER, Rol.KIJKER, Rol.INVULLER}),
        (Recht.NOTITIES_SCHRIJVEN, {Rol.BEHEERDER, Rol.KIJKER}),
        (Recht.BENCHMARK, {Rol.BEHEERDER, Rol.KIJKER, Rol.INVULLER}),
    ],
)
def test_each_right_belongs_to_the_roles_the_readme_names(recht, rollen):
    assert {r for r in Rol if mag(Gebruiker(r, "x"), recht)} == rollen


def test_vereis_refuses_in_dutch():
    with pytest.raises(GeenToegang, match="Geen toegang: de ruwe antwoorden is niet"):
        vereis(KIJKER, Recht.RUWE_EXPORT, "de ruwe antwoorden")
    vereis(BEHEERDER, Recht.RUWE_EXPORT, "de ruwe antwoorden")


def test_own_organisation_check_for_invullers_any_for_kijkers_reading():
    kwargs = {"recht": Recht.INVULLEN, "recht_alle": Recht.LEZEN_VOOR_ALLE, "wat": "lezen"}
    vereis_organisatie(INVULLER_GM1, "GM1", **kwargs)
    vereis_organisatie(KIJKER, "GM2", **kwargs)
    with pytest.raises(GeenToegang, match="eigen organisatie \\(GM1\\), niet voor GM2"):
        vereis_organisatie(INVULLER_GM1, "GM2", **kwargs)
    schrijven = {"recht": Recht.INVULLEN, "recht_alle": Recht.INVULLEN_VOOR_ALLE, "wat": "x"}
    with pytest.raises(GeenToegang):
        vereis_organisatie(KIJKER, "GM2", **schrijven)
    vereis_organisatie(BEHEERDER, "GM2", **schrijven)


# --- The gate --------------------------------------------------------------------------------


def test_public_sees_no_organisation():
    gezien = _gate(PUBLIEK)
    assert gezien.namen == {}
    assert not gezien.toegang.zichtbaar


def test_invuller_sees_only_the_own_organisation_until_it_submitted():
    gezien = _gate(INVULLER_GM1, ingediend={"GM2", "GM3", "GM4", "GM5", "GM6"})
    assert dict(gezien.namen) == {"GM1": "Aa"}
    assert "nadat uw organisatie" in gezien.melding
    # without the round's rule the peers are there
    zonder_regel = RondeInstellingen(1, 2025, "genoemd", False)
    assert len(_gate(INVULLER_GM1, zonder_regel, ingediend=set()).namen) == 6


def test_submitted_invuller_sees_names_but_not_of_an_opt_out_organisation():
    namen = _gate(INVULLER_GM1).namen
    assert namen["GM2"] == "Bee"
    assert namen["GM6"].startswith("Gemeente ")  # niet_noemen: labelled, group of 5 peers


def test_opt_out_organisation_is_left_out_of_a_small_named_group():
    gezien = _gate(KIJKER, leden=["GM2", "GM3", "GM6"])
    assert set(gezien.namen) == {"GM2", "GM3"}
    assert gezien.weggelaten == 1


def test_anonymous_round_labels_every_peer_and_keeps_the_own_name():
    gezien = _gate(INVULLER_GM1, ANONIEM)
    assert gezien.namen["GM1"] == "Aa"
    peers = {c: n for c, n in gezien.namen.items() if c != "GM1"}
    assert sorted(peers) == ["GM2", "GM3", "GM4", "GM5", "GM6"]
    assert sorted(peers.values()) == [f"Gemeente {x}" for x in "ABCDE"]


def test_anonymous_group_smaller_than_five_is_not_shown():
    gezien = _gate(KIJKER, ANONIEM, leden=["GM2", "GM3", "GM4", "GM5"])
    assert gezien.namen == {}
    assert "te klein" in gezien.melding


def test_gate_rows_mask_names_and_codes_of_anonymised_organisations():
    antwoorden = pd.DataFrame(
        {
            "organisatie_code": ["GM1", "GM6"],
            "waarde": ["ja", "nee"],
            "toelichting": ["Eigen tekst", "Amsterdam belt 020 123 4567"],
        }
    )
    rijen = _gate(INVULLER_GM1).rijen(antwoorden, ORGANISATIES)
    amsterdam = rijen[rijen["waarde"] == "nee"].iloc[0]
    assert amsterdam["organisatie"].startswith("Gemeente ")
    assert amsterdam["organisatie_code"] == amsterdam["organisatie"]  # the code is gone too
    assert amsterdam["toelichting"] == "[naam] belt [telefoonnummer]"
    assert rijen[rijen["waarde"] == "ja"].iloc[0]["organisatie"] == "Aa"


def test_gate_per_actortype_labels_regios_as_regios():
    gezien = zicht_per_actortype(
        INVULLER_GM1, instellingen=ANONIEM, organisaties=ORGANISATIES, ingediend=ALLE_INGEDIEND
    )
    assert "JZ1" not in gezien.namen  # two regio's: too few to show anonymously
    assert gezien.namen["GM2"].startswith("Gemeente ")


# --- The differencing attack -----------------------------------------------------------------


class _Groep:
    def __init__(self, sleutel, leden):
        self.sleutel, self.leden = sleutel, tuple(leden)


def test_no_custom_groups_in_an_anonymous_round():
    gezien = _gate(INVULLER_GM1, ANONIEM, sleutel="eigen-7")
    assert gezien.namen == {"GM1": "Aa"}
    assert "Eigen vergelijkgroepen" in gezien.melding
    assert len(_gate(INVULLER_GM1, GENOEMD, sleutel="eigen-7").namen) == 6


def test_anonymous_round_drops_a_fixed_group_that_differs_by_fewer_than_five():
    alle = _Groep("alle", [f"G{i}" for i in range(20)])
    bijna = _Groep("grootte", [f"G{i}" for i in range(16)])  # 4 fewer: would reveal those 4
    ver = _Groep("provincie", [f"G{i}" for i in range(10)])
    eigen = _Groep("eigen-1", ["G1", "G2", "G3", "G4", "G5"])
    gekozen = veilige_groepen([alle, bijna, ver, eigen], anoniem=True)
    assert [g.sleutel for g in gekozen] == ["alle", "provincie"]
    assert len(veilige_groepen([alle, bijna, ver, eigen], anoniem=False)) == 4


# --- Toelichtingen on the Thema page ---------------------------------------------------------

VRAGEN = pd.DataFrame({"id": [1], "code": ["GEM.1.01"], "actortype": ["gemeente"], "thema_nr": 1})
TOELICHTINGEN = pd.DataFrame(
    {
        "organisatie_code": ["GM1", "GM6"],
        "vraag_id": [1, 1],
        "waarde": ["ja", "nee"],
        "toelichting": ["Wij zijn klaar", "Amsterdam wacht"],
        "status": "ingediend",
    }
)


def _toelichtingen(gezien, zoekterm=""):
    return themaoverzicht.toelichtingen(
        zicht=gezien,
        thema_nr=1,
        vragen=VRAGEN,
        antwoorden=TOELICHTINGEN,
        organisaties=ORGANISATIES,
        zoekterm=zoekterm,
    )


def test_searching_a_name_finds_nothing_before_the_own_submission():
    gezien = _gate(INVULLER_GM1, ingediend={"GM6"})
    assert _toelichtingen(gezien, "Amsterdam").empty
    assert _toelichtingen(gezien)["organisatie"].tolist() == ["Aa"]


def test_opt_out_organisation_is_not_found_by_its_name():
    gezien = _gate(KIJKER, ANONIEM)
    assert _toelichtingen(gezien, "Amsterdam").empty
    alle = _toelichtingen(gezien)
    assert "Amsterdam" not in " ".join(alle["organisatie"].tolist() + alle["toelichting"].tolist())


# --- The map ---------------------------------------------------------------------------------

INDEX = pd.DataFrame(
    {"code": GEMEENTEN["code"], "naam": GEMEENTEN["naam"], "waarde": [10, 20, 30, 40, 50, 90]}
)
GEPUBLICEERD = RondeInstellingen(1, 2025, "genoemd", True, "gepubliceerd")
OPEN = RondeInstellingen(1, 2025, "genoemd", True, "open")


def _kaart(gebruiker, instellingen=GEPUBLICEERD, waarden=INDEX, opties=None):
    gezien = zicht_per_actortype(
        gebruiker, instellingen=instellingen, organisaties=ORGANISATIES, ingediend=ALLE_INGEDIEND
    )
    return kaart.kaart_rijen(
        gezien,
        instellingen=instellingen,
        waarden=waarden,
        organisaties=ORGANISATIES,
        laag="gemeente",
        opties=opties,
    )


def test_public_map_of_an_unpublished_round_is_empty_with_a_reason():
    uitkomst = _kaart(PUBLIEK, OPEN)
    assert uitkomst.rijen.empty
    assert "gepubliceerde rondes" in uitkomst.melding


def test_public_map_shows_jeugdregio_means_of_at_least_five_gemeenten():
    uitkomst = _kaart(PUBLIEK)
    assert not uitkomst.per_organisatie and uitkomst.laag == "regio"
    rijen = uitkomst.rijen.set_index("code")
    assert rijen.at["JZ1", "waarde"] == 30  # (10 + 20 + 30 + 40 + 50) / 5
    assert rijen.at["JZ1", "n"] == 5
    assert math.isnan(rijen.at["JZ2", "waarde"])  # one gemeente: not shown
    assert "Amsterdam" not in uitkomst.rijen.to_string()


def test_invuller_gets_aggregates_too():
    assert not _kaart(INVULLER_GM1).per_organisatie


def test_kijker_map_per_gemeente_hides_the_opt_out_organisation():
    uitkomst = _kaart(KIJKER)
    assert uitkomst.per_organisatie
    rijen = uitkomst.rijen.set_index("code")
    assert rijen.at["GM2", "waarde"] == 20
    assert "GM6" not in rijen.index  # not even as 'no answer'
    assert "niet op de kaart" in uitkomst.melding


def test_kijker_map_in_an_anonymous_round_is_aggregated():
    anoniem = RondeInstellingen(1, 2025, "anoniem", True, "gepubliceerd")
    assert not _kaart(KIJKER, anoniem).per_organisatie


def test_aggregated_answer_map_shows_the_most_chosen_option():
    waarden = pd.DataFrame(
        {
            "code": GEMEENTEN["code"],
            "naam": GEMEENTEN["naam"],
            "optie": ["ja", "ja", "nee", "ja", "nee", "ja"],
            "label": ["Ja", "Ja", "Nee", "Ja", "Nee", "Ja"],
        }
    )
    uitkomst = _kaart(PUBLIEK, waarden=waarden, opties=[("ja", "Ja"), ("nee", "Nee")])
    rij = uitkomst.rijen.set_index("code").loc["JZ1"]
    assert (rij["optie"], rij["verdeling"], rij["n"]) == ("ja", "60% Ja · 40% Nee", 5)
    assert pd.isna(uitkomst.rijen.set_index("code").loc["JZ2", "optie"])


def test_a_filter_narrowed_to_fewer_than_five_gemeenten_shows_no_gemeente_totals():
    organisaties = pd.concat(
        [ORGANISATIES, pd.DataFrame({"code": ["RIJK"], "naam": ["Rijk"], "actortype": ["rijk"]})]
    )

    def antwoorden(codes):
        return pd.DataFrame({"organisatie_code": codes, "vraag_id": 1, "waarde": "ja"})

    vier = alleen_totalen(antwoorden(["GM1", "GM2", "GM3", "GM4", "RIJK"]), organisaties)
    assert vier["organisatie_code"].tolist() == ["RIJK"]  # a single national actor stays
    vijf = alleen_totalen(antwoorden(["GM1", "GM2", "GM3", "GM4", "GM5"]), organisaties)
    assert len(vijf) == 5
