"""The benchmark on the demo database: 'Leer van anderen' for every gemeente, the stored
inwonersklassen, and the settings and submissions the benchmark reads."""

import pandas as pd
import pytest

from monitor import domain
from monitor.benchmark import groepen as groepen_mod
from monitor.benchmark import statistiek
from monitor.benchmark import vergelijking as bm
from monitor.db import read_session
from monitor.domain import Rol
from monitor.rechten import Gebruiker
from monitor.store import lezen as queries
from monitor.store.antwoorden import ingediende_organisaties
from monitor.store.peergroepen import ronde_instellingen

KIJKER = Gebruiker(Rol.KIJKER, "k")


@pytest.fixture(scope="module")
def demo(demo_engine):
    with read_session(demo_engine) as session:
        rondes = {r.jaar: r for r in queries.rondes(session)}
        frames = {
            jaar: (
                queries.vragen_frame(session, r.id),
                queries.antwoorden_frame(session, r.id),
                ronde_instellingen(session, r.id),
                ingediende_organisaties(session, r.id),
            )
            for jaar, r in rondes.items()
        }
        organisaties = queries.organisaties_frame(session)
    return organisaties, frames


def _verwacht(organisaties: pd.DataFrame, vragen: pd.DataFrame, antwoorden: pd.DataFrame):
    """(gemeente, vraag_id) → the peers in its jeugdregio that are done where it is not,
    computed straight from the raw frames."""
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"][["code", "jeugdregio_code"]]
    status = vragen[
        (vragen["actortype"] == "gemeente") & vragen["vraagtype"].isin(["status4", "janee"])
    ]["id"]
    ant = antwoorden[antwoorden["vraag_id"].isin(status)].merge(
        gemeenten, left_on="organisatie_code", right_on="code"
    )
    klaar = ant[ant["waarde"].isin(["afgerond", "ja"])]
    klaar_ingediend = klaar[klaar["status"] == "ingediend"]
    zelf_klaar = set(zip(klaar["organisatie_code"], klaar["vraag_id"], strict=True))
    verwacht: dict[tuple[str, int], set[str]] = {}
    for g, regio in zip(gemeenten["code"], gemeenten["jeugdregio_code"], strict=True):
        peers = klaar_ingediend[
            (klaar_ingediend["jeugdregio_code"] == regio)
            & (klaar_ingediend["organisatie_code"] != g)
        ]
        for vraag_id, groep in peers.groupby("vraag_id"):
            if (g, vraag_id) not in zelf_klaar:
                verwacht[(g, int(vraag_id))] = set(groep["organisatie_code"])
    return verwacht


@pytest.mark.parametrize("jaar", [2024, 2025])
def test_leer_van_anderen_names_a_done_regio_peer_for_every_gemeente(demo, jaar):
    organisaties, frames = demo
    vragen, antwoorden, _, _ = frames[jaar]
    verwacht = _verwacht(organisaties, vragen, antwoorden)
    assert len(verwacht) > 900  # the sweep is not empty by accident
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"]
    gevonden: dict[tuple[str, int], set[str]] = {}
    for _regio, in_regio in gemeenten.groupby("jeugdregio_code"):
        for code in in_regio["code"]:
            leden = tuple(c for c in in_regio["code"] if c != code)
            leer = bm.leer_van_anderen(code, leden, vragen, antwoorden, organisaties)
            for vraag_id, rijen in leer.groupby("vraag_id"):
                gevonden[(code, int(vraag_id))] = set(rijen["organisatie_code"])
    ontbreekt = [sleutel for sleutel in verwacht if not gevonden.get(sleutel)]
    assert not ontbreekt, f"{len(ontbreekt)} keer geen peer, bijvoorbeeld {ontbreekt[:5]}"
    # and nothing else: every listed peer is in the regio and done where the gemeente is not
    assert gevonden == verwacht


def test_the_page_lists_what_leer_van_anderen_finds(demo):
    """benchmark() (what the page shows) lists the same peers, by name, in the same order."""
    organisaties, frames = demo
    vragen, antwoorden, instellingen, ingediend = frames[2025]
    for code in ("GM0363", "GM1900", "GM0014"):
        groep = next(
            g for g in groepen_mod.standaardgroepen(code, organisaties) if g.sleutel == "jeugdregio"
        )
        leer = bm.leer_van_anderen(code, groep.leden, vragen, antwoorden, organisaties)
        pagina = bm.benchmark(
            gebruiker=KIJKER,
            code=code,
            groep=groep,
            instellingen=instellingen,
            organisaties=organisaties,
            vragen=vragen,
            antwoorden=antwoorden,
            ingediend=ingediend,
        ).leer
        assert not leer.empty
        assert pagina["organisatie_code"].tolist() == leer["organisatie_code"].tolist()
        namen = organisaties.set_index("code")["naam"]
        assert pagina["naam"].tolist() == leer["organisatie_code"].map(namen).tolist()


def test_stored_inwonersklasse_agrees_with_the_bounds_in_domain(demo):
    organisaties, _ = demo
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"]
    assert len(gemeenten) == 342
    berekend = gemeenten["inwoners"].map(lambda i: domain.inwonersklasse(int(i)))
    assert (berekend == gemeenten["inwonersklasse"]).all()


def test_demo_rounds_are_named_and_everyone_who_answered_submitted(demo):
    _, frames = demo
    for jaar in (2024, 2025):
        _, antwoorden, instellingen, ingediend = frames[jaar]
        assert instellingen.jaar == jaar
        assert instellingen.zichtbaarheid == "genoemd"
        assert instellingen.benchmark_na_indienen is True
        assert set(antwoorden["organisatie_code"]) == set(ingediend)


def test_amsterdam_against_its_regio_in_2025(demo):
    organisaties, frames = demo
    vragen, antwoorden, instellingen, ingediend = frames[2025]
    vorige_vragen, vorige_antwoorden, *_ = frames[2024]
    groep = next(
        g for g in groepen_mod.standaardgroepen("GM0363", organisaties) if g.sleutel == "jeugdregio"
    )
    assert groep.leden == ("GM0358", "GM0362", "GM0384", "GM0437", "GM0451")
    uit = bm.benchmark(
        gebruiker=KIJKER,
        code="GM0363",
        groep=groep,
        instellingen=instellingen,
        organisaties=organisaties,
        vragen=vragen,
        antwoorden=antwoorden,
        ingediend=ingediend,
        vorige_vragen=vorige_vragen,
        vorige_antwoorden=vorige_antwoorden,
    )
    assert uit.toegang.zichtbaar and not uit.toegang.anoniem
    # Every thema's figures can be recomputed from the peers' own indices
    index = bm.voortgangsindex(
        vragen[vragen["actortype"] == "gemeente"],
        antwoorden[antwoorden["organisatie_code"].isin(groep.leden)],
        per=("organisatie_code", "thema_nr"),
    )
    for rij in uit.themas.itertuples():
        waarden = sorted(index.loc[index["thema_nr"] == rij.thema_nr, "index"])
        assert rij.n == len(waarden)
        assert rij.mediaan == pytest.approx(statistiek.mediaan(waarden))
    # The 2025 questions all have a 2024 predecessor
    assert len(uit.veranderingen) == len(
        vragen[(vragen["actortype"] == "gemeente") & vragen["vraagtype"].isin(["status4", "janee"])]
    )
