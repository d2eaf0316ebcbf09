"""The Benchmark page in AppTest on the demo database (2025: Groningen GM0014 did not submit)."""

import json
import re

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.models import Account, Inzending, PeerGroep, Ronde
from monitor.ui.benchmark import EIGEN_LEDEN
from monitor.ui.page import SESSIE_GEBRUIKER
from tests.app.conftest import APP, TIMEOUT, page_text
from tests.utils.apptest import getoond, open_tabblad, open_uitklappers

PAGINA = "pages/benchmark.py"


def _open(rol: Rol, *, login: str | None = None, account_id: int | None = None, **query) -> AppTest:
    """Like open_page, but ``organisatie`` is the URL parameter; ``login`` is the invuller's own
    organisation."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if rol != Rol.PUBLIEK:
        at.session_state[SESSIE_GEBRUIKER] = {
            "rol": rol.value,
            "naam": f"Test {rol.value}",
            "organisatie_code": login,
            "account_id": account_id,
        }
    for sleutel, waarde in query.items():
        at.query_params[sleutel] = waarde
    at.run()
    at.switch_page(PAGINA).run()
    return at


def _blad(at: AppTest, label: str) -> AppTest:
    """Open tab ``label`` of the page (only the open tab is built), as a click would."""
    return open_tabblad(at, "blad", label)


def _alle_bladen(at: AppTest) -> str:
    """The text of every tab, one after the other (for what must be absent everywhere)."""
    labels = [m.label for m in at.tabs] if at.tabs else []
    return "\n".join(_tekst(_blad(at, label)) for label in labels)


def _tekst(at) -> str:
    return page_text(at) + "\n" + "\n".join(str(s.value) for s in at.subheader)


def _grafiek_titels(at) -> list[str]:
    return [json.loads(g.proto.spec)["layout"]["title"]["text"] for g in at.get("plotly_chart")]


def _box_trace(at):
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [t for t in spec["data"] if t["type"] == "box"]


def test_invuller_sees_own_organisation_against_its_regio():
    at = open_uitklappers(_open(Rol.INVULLER, login="GM0363", ronde="2025"))
    assert not at.exception, at.exception
    tekst = _tekst(at)
    assert "Amsterdam (GM0363)" in tekst
    assert "931.298 inwoners (≥250.000)" in tekst  # Dutch thousands separator
    assert "Eigen jeugdregio (Amsterdam-Amstelland)" in tekst
    assert _grafiek_titels(at)[0] == "Amsterdam tegenover de vergelijkgroep, ronde 2025"
    assert _box_trace(at), "no peer distribution in the thema chart"
    assert not at.get("selectbox") or all(s.label != "Gemeente of jeugdregio" for s in at.selectbox)
    assert at.query_params["organisatie"] == "GM0363"
    kolommen = {k for df in at.dataframe for k in df.value.columns}
    assert {"Eigen index 2024", "Mediaan groep 2024", "Percentiel"} <= kolommen
    assert [t.label for t in at.tabs] == [
        "Per thema",
        "Per vraag",
        "Veranderingen",
        "Leer van anderen",
        "Regiobeeld",
    ]
    assert "Sinds 2024:" in _tekst(_blad(at, "Veranderingen"))
    assert any("verder" in e.label for e in _blad(at, "Leer van anderen").expander)


def test_kijker_chooses_rotterdam_by_url_and_sees_peers_and_regio_heatmap():
    at = open_uitklappers(_open(Rol.KIJKER, organisatie="GM0599", ronde="2025", groep="provincie"))
    assert not at.exception, at.exception
    assert at.selectbox(key="organisatie").value == "GM0599"
    tekst = _tekst(at)
    assert "Rotterdam (GM0599)" in tekst
    assert "Provincie Zuid-Holland" in tekst
    assert _box_trace(at)
    titels = _grafiek_titels(_blad(at, "Regiobeeld"))
    assert any(t.startswith("Antwoorden van de gemeenten in jeugdregio") for t in titels)
    regio = next(d.value for d in at.dataframe if "Gemeente" in d.value.columns)
    assert "Rotterdam" in set(regio["Gemeente"])
    koppen = [k for k in regio.columns if k != "Gemeente"]  # a code with its question text
    assert koppen and all(re.fullmatch(r"GEM\.[\w.]+: \S.+", k) for k in koppen), koppen
    # The round still being filled in is named, with why it is not the one shown.
    assert "wordt nog ingevuld. Hier ziet u ronde 2025" in tekst


def test_kijker_finds_a_gemeente_by_name_without_diacritics_in_the_url():
    at = _open(Rol.KIJKER, organisatie="sudwest", ronde="2025")
    assert not at.exception, at.exception
    assert at.selectbox(key="organisatie").value == "GM1900"
    assert "Súdwest-Fryslân (GM1900)" in _tekst(at)


def test_invuller_is_refused_another_organisation():
    at = _open(Rol.INVULLER, login="GM0363", organisatie="GM0599", ronde="2025")
    assert not at.exception, at.exception
    tekst = _tekst(at)
    assert "Geen toegang" in tekst and "eigen organisatie" in tekst
    assert "Rotterdam" not in tekst
    assert not at.get("plotly_chart")


@pytest.fixture
def amsterdam_niet_ingediend(demo_kopie):
    """Amsterdam's 2025 questionnaire back in concept (its answers stay)."""
    with write_session(demo_kopie) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        session.get(Inzending, (ronde.id, "GM0363")).status = "concept"


def test_before_submitting_an_invuller_sees_only_its_own_results(amsterdam_niet_ingediend):
    at = _open(Rol.INVULLER, login="GM0363", ronde="2025")
    assert not at.exception, at.exception
    tekst = _tekst(at)
    assert "nadat uw organisatie de antwoorden van ronde 2025 heeft ingediend" in tekst
    assert _grafiek_titels(at) == ["Amsterdam tegenover de vergelijkgroep, ronde 2025"]
    assert not _box_trace(at)  # only the own marker, no peers
    assert "Amstelveen" not in _alle_bladen(at)
    leer = _blad(at, "Leer van anderen")
    assert "Leer van anderen" in _tekst(leer)  # the tab is open ...
    assert not any("verder" in e.label for e in leer.expander)  # ... and names no one
    # After submitting (2024) the same invuller sees the peers
    ingediend = _open(Rol.INVULLER, login="GM0363", ronde="2024")
    assert _box_trace(ingediend)
    # A kijker always sees them
    kijker = _open(Rol.KIJKER, organisatie="GM0363", ronde="2025")
    assert _box_trace(kijker)
    assert any("verder" in e.label for e in _blad(kijker, "Leer van anderen").expander)


def test_a_custom_selection_for_this_session_only():
    at = _open(Rol.KIJKER, organisatie="GM0363", ronde="2025")
    assert "alleen voor deze sessie" in _tekst(at)  # demo-inlog: no account
    at.multiselect(key=EIGEN_LEDEN).select("GM0599").select("GM0518").run()
    at.selectbox(key="groep").select("eigen").run()
    assert not at.exception, at.exception
    assert "Vergelijkgroep: **Eigen selectie**, 2 andere organisaties." in _tekst(at)


def test_a_user_with_an_account_saves_and_deletes_a_custom_group(demo_kopie):
    with write_session(demo_kopie) as session:
        account = Account(email="kijker@example.org", rol="kijker")
        session.add(account)
        session.flush()
        account_id = account.id
    at = _open(Rol.KIJKER, account_id=account_id, organisatie="GM0363", ronde="2025")
    assert "alleen voor deze sessie" not in _tekst(at)
    at.multiselect(key=EIGEN_LEDEN).select("GM0599").select("GM0518").run()
    at.text_input(key="benchmark_eigen_naam").input("Grote steden").run()
    at.button(key="benchmark_eigen_bewaren").click().run()
    assert not at.exception, at.exception
    with read_session(demo_kopie) as session:
        (groep,) = session.exec(select(PeerGroep)).all()
    assert (groep.account_id, groep.naam, groep.leden) == (
        account_id,
        "Grote steden",
        "GM0518;GM0599",
    )
    assert at.selectbox(key="groep").value == f"eigen-{groep.id}"
    assert at.query_params["groep"] == f"eigen-{groep.id}"
    assert "Vergelijkgroep: **Eigen: Grote steden**, 2 andere organisaties." in _tekst(at)
    at.button(key=f"benchmark_verwijder_{groep.id}").click().run()
    assert not at.exception, at.exception
    with read_session(demo_kopie) as session:
        assert not session.exec(select(PeerGroep)).all()
    assert at.selectbox(key="groep").value == "jeugdregio"


def test_saving_without_a_name_says_why(demo_kopie):
    with write_session(demo_kopie) as session:
        account = Account(email="k2@example.org", rol="kijker")
        session.add(account)
        session.flush()
        account_id = account.id
    at = _open(Rol.KIJKER, account_id=account_id, organisatie="GM0363", ronde="2025")
    at.multiselect(key=EIGEN_LEDEN).select("GM0599").run()
    at.button(key="benchmark_eigen_bewaren").click().run()
    assert "Geef de vergelijkgroep een naam." in getoond(_tekst(at))


def test_a_regio_against_all_regios_with_its_gemeenten_side_by_side():
    at = _open(Rol.KIJKER, organisatie="JZ13", ronde="2025")
    assert not at.exception, at.exception
    tekst = _tekst(at)
    assert "Amsterdam-Amstelland (JZ13)" in tekst
    assert "Vergelijkgroep: **Alle jeugdregio's**, 41 andere organisaties." in tekst
    raster = next(
        json.loads(g.proto.spec)
        for g in _blad(at, "Regiobeeld").get("plotly_chart")
        if "gemeenten in jeugdregio" in json.loads(g.proto.spec)["layout"]["title"]["text"]
    )
    assert sorted(raster["data"][0]["y"]) == [
        "Aalsmeer",
        "Amstelveen",
        "Amsterdam",
        "Diemen",
        "Ouder-Amstel",
        "Uithoorn",
    ]


def test_an_anonymised_round_shows_no_peer_names(demo_kopie):
    with write_session(demo_kopie) as session:
        session.exec(select(Ronde).where(Ronde.jaar == 2025)).one().zichtbaarheid = "anoniem"
    # A kijker may not single out one organisation by name in an anonymous round ...
    kijker = _open(Rol.KIJKER, organisatie="GM0363", ronde="2025", groep="provincie")
    assert "toont organisaties anoniem" in _tekst(kijker)
    assert not kijker.get("plotly_chart") and "Amsterdam (GM0363)" not in _tekst(kijker)
    # ... Amsterdam's own invuller (submitted) compares with anonymised peers
    at = _open(Rol.INVULLER, login="GM0363", ronde="2025", groep="provincie")
    assert not at.exception, at.exception
    assert "Deze ronde toont anderen anoniem" in _tekst(at)
    _blad(at, "Leer van anderen")
    tekst = _tekst(at) + "\n".join(str(t.value) for t in at.text)
    leer = [e.label for e in at.expander if "verder" in e.label]
    assert leer, "no 'Leer van anderen' in a group of 43"
    namen = [m.value for m in at.markdown if m.value.startswith("**Gemeente ")]
    assert namen, "peers are not labelled 'Gemeente A, B, …'"
    elders = _alle_bladen(at) + "\n".join(str(t.value) for t in at.text)
    for echte in ("Amstelveen", "Haarlem", "Zaanstad", "Hilversum"):
        assert f"**{echte}**" not in tekst
        assert echte not in elders, f"{echte} named on a tab of an anonymous round"
    raster = next(
        json.loads(g.proto.spec)
        for g in _blad(at, "Regiobeeld").get("plotly_chart")
        if "gemeenten in jeugdregio" in json.loads(g.proto.spec)["layout"]["title"]["text"]
    )
    rijen = sorted(raster["data"][0]["y"])
    assert not at.exception
    assert "Amsterdam" in rijen[0] and rijen[1:] == [f"Gemeente {x}" for x in "ABCDE"], rijen
    # The 3 other gemeenten of ≥250.000 are too few to show anonymised
    klein = _open(Rol.INVULLER, login="GM0363", ronde="2025", groep="inwonersklasse")
    tekst = _tekst(klein)
    assert "Een groep van 3 is te klein om anoniem te tonen" in tekst
    assert not _box_trace(klein)
    assert not any("verder" in e.label for e in _blad(klein, "Leer van anderen").expander)


def test_per_vraag_says_what_an_afspraak_waits_for():
    """GEM.7.01 (inkoop op landelijke standaarden, A7.14) waits for A7.01–A7.03 in 2024."""
    at = _blad(_open(Rol.KIJKER, ronde="2024", organisatie="GM0363"), "Per vraag")
    assert not at.exception
    tabel = max((d.value for d in at.dataframe if "Wacht op" in d.value.columns), key=len)
    wacht = dict(zip(tabel["Code"], tabel["Wacht op"], strict=True))
    assert wacht["GEM.7.01"].startswith("wacht op A7.01 (")
    assert "A7.02" in wacht["GEM.7.01"] and "A7.03" in wacht["GEM.7.01"]
    assert wacht["GEM.1.01"] == ""


def test_an_unknown_organisation_in_the_link_is_named_not_silently_replaced():
    at = _open(Rol.KIJKER, organisatie="XYZ123", ronde="2025")
    assert not at.exception, at.exception
    assert any("'XYZ123' is niet gevonden" in w.value for w in at.warning)


def test_an_organisation_in_the_link_is_named_as_plain_text_not_as_a_link():
    at = _open(Rol.KIJKER, organisatie="[klik](https://example.org)", ronde="2025")
    assert not at.exception, at.exception
    (melding,) = [w.value for w in at.warning if "niet gevonden" in w.value]
    assert "[klik](" not in melding  # escaped: \[klik\]\(…
    assert "klik" in melding
