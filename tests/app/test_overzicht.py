"""Overzicht, Planning, Thema, Respons and Beleving as a user sees them, with figures computed
independently from the demo database's frames."""

import json

import pytest

from monitor.db import read_session
from monitor.domain import Rol
from monitor.store import lezen as queries
from tests.app.conftest import open_met_tabellen, open_page, page_text
from tests.app.test_pages import _array
from tests.utils.apptest import open_tabblad


@pytest.fixture(scope="module")
def frames_2024(demo_engine):
    with read_session(demo_engine) as session:
        ronde = queries.ronde_by_jaar(session, 2024)
        return (
            queries.vragen_frame(session, ronde.id),
            queries.antwoorden_frame(session, ronde.id),
            queries.organisaties_frame(session),
        )


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _figuur(at, titel_begin: str) -> dict:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"].startswith(titel_begin):
            return spec
    raise AssertionError(f"geen grafiek '{titel_begin}'")


def test_home_tiles_for_2024(frames_2024):
    vragen, antwoorden, _ = frames_2024
    afspraak = vragen[
        (vragen["soort"] == "afspraak") & vragen["vraagtype"].isin(["status4", "janee"])
    ]
    gegeven = antwoorden[
        antwoorden["vraag_id"].isin(afspraak["id"])
        & antwoorden["waarde"].isin(
            ["ja", "nee", "nog_niet_begonnen", "mee_bezig", "bijna_klaar", "afgerond"]
        )
    ]
    klaar = int(gegeven["waarde"].isin(["ja", "afgerond"]).sum())
    verwacht = (200 * klaar + len(gegeven)) // (2 * len(gegeven))  # whole percent, half up
    at = open_page("pages/start.py", ronde="2024")
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Afgerond of ja"] == f"{verwacht}%"
    # the report names at least these behind: SBJ beter-niet-doen-lijst, KBL kwaliteitskaders,
    # VNG convenant Stevige lokale teams; shown as 'n van N' afspraak-vragen
    achter, van = metrics["Achter op planning"].split(" van ")
    assert int(achter) >= 3 and int(van) >= int(achter)
    # the report's examples: volwassen-GGZ (Rijk ja, VNG nee) and 'Stoppen met tijdschrijven'
    assert int(metrics["Verschillen tussen actoren"]) >= 2
    assert "zelfanalyse" in page_text(at) and "niet dat er niets is" in page_text(at)


def test_home_tile_shows_change_against_the_previous_round():
    at = open_page("pages/start.py", ronde="2025")
    delta = next(m.delta for m in at.metric if m.label == "Afgerond of ja")
    assert "procentpunt t.o.v. vorige ronde" in delta
    eerste = open_page("pages/start.py", ronde="2024")
    assert not next(m.delta for m in eerste.metric if m.label == "Afgerond of ja")


def test_status_bars_use_the_status_palette_and_add_up_to_100():
    at = open_page("pages/start.py", ronde="2024", blad="Antwoorden per thema")
    spec = _figuur(at, "Antwoorden op de afspraken per thema en actor")
    namen = [t["name"] for t in spec["data"] if t.get("showlegend", True)]
    assert namen == ["Nog niet begonnen of nee", "Mee bezig", "Bijna klaar", "Afgerond of ja"]
    totaal: dict[tuple[str, str], float] = {}  # (panel, actor) → sum of the segments
    for trace in spec["data"]:
        for actor, x in zip(trace["y"], _array(trace["x"]), strict=True):
            sleutel = (trace.get("yaxis", "y"), actor)
            totaal[sleutel] = totaal.get(sleutel, 0) + x
    assert len(totaal) > 8 and all(round(t, 6) == 100 for t in totaal.values())
    assert len({t["name"] for t in spec["data"] if t.get("showlegend", True)}) == 4


def test_map_switches_to_jeugdregio_and_to_one_vraag_by_url():
    # per jeugdregio by name: a kijker (the public gets totals per provincie, test_rechten_paginas)
    at = open_page(
        "pages/start.py",
        Rol.KIJKER,
        ronde="2024",
        blad="Kaart",
        kaart="regio",
        kleur="vraag",
        vraag_regio="REG.7.01",
    )
    assert not at.exception
    spec = _figuur(at, "REG.7.01: antwoord per jeugdregio")
    per_optie = {t["name"]: len(t["locations"]) for t in spec["data"]}
    # the report: 40% ja / 60% nee of 41 responding regio's (demo: 16 ja, 25 nee), 1 no answer
    assert per_optie == {"Ja": 16, "Nee": 25, "Geen antwoord": 1}


def test_filter_in_the_url_narrows_the_view(frames_2024):
    _, _, organisaties = frames_2024
    utrecht = organisaties[
        (organisaties["actortype"] == "gemeente") & (organisaties["provincie_naam"] == "Utrecht")
    ]
    at = open_met_tabellen("pages/respons.py", ronde="2024", provincie="Utrecht", actor="gemeente")
    assert not at.exception
    assert "Filter: Gemeenten; provincie Utrecht" in page_text(at)
    tabel = at.dataframe[0].value
    assert tabel["Actor"].tolist() == ["Gemeenten"]
    assert tabel["Totaal"].tolist() == [len(utrecht)]
    assert at.multiselect(key="filter_provincie").value == ["Utrecht"]


def test_respons_per_provincie_adds_up_to_the_national_figure():
    # whether each regio responded itself is for kijkers and beheerders only
    at = open_met_tabellen("pages/respons.py", Rol.KIJKER, ronde="2024", blad="Per provincie")
    provincies = at.dataframe[0].value
    assert provincies["Ingevuld"].sum() == 308 and provincies["Totaal"].sum() == 342
    assert len(provincies) == 12
    regios = open_tabblad(at, "blad", "Per jeugdregio").dataframe[0].value
    assert len(regios) == 42 and (regios["Regio zelf ingevuld"] == "ja").sum() == 41


def test_planning_shows_wacht_op_and_no_invented_moved_deadline():
    """The report prints no moved deadline (the move of A6.01 is only in a toelichting), so
    the demo has none; moving a deadline is tested in tests/db/test_rondebeheer_db.py."""
    at = open_page("pages/planning.py", ronde="2024", blad="Verschoven")
    assert not at.exception
    assert "Geen afspraak heeft een gewijzigde deadline." in page_text(at)
    # gemeenten' inkoop on national standards waits for the standards of Rijk/VNG (A7.01-A7.03)
    at = open_tabblad(at, "blad", "Wacht op")
    inkoop = next(m.value for m in at.markdown if "landelijke standaarden en eisen" in m.value)
    assert "wacht op A7.01" in inkoop
    at = open_tabblad(at, "blad", "Tijdlijn")
    tijdlijn = next(d.value for d in at.dataframe if "Wacht op" in d.value.columns)
    assert tijdlijn["Wacht op"].str.len().gt(0).all()  # no empty cells: '– (niets)' or what
    assert tijdlijn["Wacht op"].str.startswith("wacht op").any()


def test_thema_page_shows_change_or_says_there_is_no_previous_round():
    eerste = open_page("pages/thema.py", ronde="2024", thema="7", blad="Verandering")
    assert "geen vorige ronde" in page_text(eerste)
    at = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="7", blad="Verandering")
    assert not at.exception
    per_vraag = next(d.value for d in at.dataframe if "Afgerond deze ronde (%)" in d.value.columns)
    assert "GEM.7.01" in per_vraag["Vraag"].tolist()
    assert per_vraag["Vraag"].str.startswith(("RIJK", "VNG", "REG", "GEM", "BGZJ")).all()


def test_beleving_diverges_and_puts_gemeenten_next_to_regios():
    at = open_page("pages/beleving.py", ronde="2024", blad="Gemeenten")
    assert not at.exception
    spec = _figuur(at, "Gemeenten")
    _figuur(open_tabblad(at, "blad", "Jeugdregio's"), "Jeugdregio's")
    per_naam: dict[str, list[float]] = {}
    for trace in spec["data"]:
        per_naam.setdefault(trace["name"], []).extend(_array(trace["x"]))
    assert all(x <= 0 for x in per_naam["Helemaal niet"] + per_naam["Enigszins"])
    assert all(x >= 0 for x in per_naam["Grotendeels"] + per_naam["Volledig"])
    assert min(per_naam["Ongeveer halverwege"]) < 0 < max(per_naam["Ongeveer halverwege"])


def test_start_map_says_so_when_the_filter_leaves_nothing_and_zooms_to_utrecht():
    leeg = open_page(
        "pages/start.py", ronde="2024", actor="gemeente", blad="Kaart", kaart="regio", kleur="vraag"
    )
    assert not leeg.exception
    assert any(
        "Geen kaart: met dit filter blijven er geen jeugdregio's over" in i.value for i in leeg.info
    )
    utrecht = open_page("pages/start.py", ronde="2024", provincie="Utrecht", blad="Kaart")
    kaart = next(
        json.loads(c.proto.spec)
        for c in utrecht.get("plotly_chart")
        if '"choroplethmap"' in c.proto.spec
    )
    assert kaart["layout"]["map"]["zoom"] > 8  # the whole country is zoom 6
