"""The leaks of issue 12, reproduced on the demo data in AppTest: each now finds nothing."""

import json
import re

from sqlalchemy import update
from sqlmodel import select

from monitor.db import write_session
from monitor.domain import Rol
from monitor.models import Antwoord, Inzending, Organisatie, Ronde
from tests.app.conftest import open_met_tabellen, open_page, page_text
from tests.utils.apptest import tabellen_op_elk_blad

T = "Toelichtingen"  # the tab of the Thema page with the toelichtingen


def _ronde_2025(session) -> Ronde:
    return session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()


def _tabellen(at) -> str:
    """Every dataframe on the page as text (what 'Toon als tabel' and its download hold)."""
    return "\n".join(df.value.to_csv(index=False) for df in at.dataframe)


def _noemt_amsterdam(tekst: str) -> bool:
    """The gemeente Amsterdam or its code (not the jeugdregio Amsterdam-Amstelland)."""
    return bool(re.search(r"Amsterdam(?![-\w])|GM0363", tekst))


def _kaart_locaties(at) -> list[str]:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["data"] and spec["data"][0].get("type") == "choroplethmap":
            return [loc for trace in spec["data"] for loc in trace.get("locations", [])]
    return []


def _zoek_toelichting(at, term: str):
    at.text_input(key="zoek_toelichting").input(term).run()
    assert not at.exception, at.exception
    return at


def test_invuller_before_submitting_does_not_find_amsterdam_in_toelichtingen(demo_kopie):
    with write_session(demo_kopie) as session:
        session.get(Inzending, (_ronde_2025(session).id, "GM0599")).status = "concept"
    at = open_page(
        "pages/thema.py", Rol.INVULLER, organisatie="GM0599", ronde="2025", thema="1", blad=T
    )
    at = _zoek_toelichting(at, "Amsterdam")
    assert not _noemt_amsterdam(_tabellen(at))
    assert "nadat uw organisatie de antwoorden van ronde 2025 heeft ingediend" in page_text(at)
    # A kijker does find Amsterdam's toelichtingen (the search itself works)
    kijker = _zoek_toelichting(
        open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="1", blad=T), "Amsterdam"
    )
    assert _noemt_amsterdam(_tabellen(kijker))


def test_anonymous_round_and_niet_noemen_hide_amsterdam_on_themas(demo_kopie):
    with write_session(demo_kopie) as session:
        _ronde_2025(session).zichtbaarheid = "anoniem"
        session.get(Organisatie, "GM0363").niet_noemen = True
    for rol, organisatie in ((Rol.KIJKER, None), (Rol.INVULLER, "GM0599")):
        per_actor = open_met_tabellen(
            "pages/thema.py", rol, organisatie=organisatie, ronde="2025", thema="1"
        )
        assert not per_actor.exception and per_actor.get("plotly_chart")  # the per actor tab
        assert not _noemt_amsterdam(_tabellen(per_actor))
        at = open_page(
            "pages/thema.py", rol, organisatie=organisatie, ronde="2025", thema="1", blad=T
        )
        assert not _noemt_amsterdam(_tabellen(at))
        assert not _noemt_amsterdam(_tabellen(_zoek_toelichting(at, "Amsterdam")))


def test_niet_noemen_alone_hides_amsterdam_on_themas(demo_kopie):
    with write_session(demo_kopie) as session:
        session.get(Organisatie, "GM0363").niet_noemen = True
    at = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="1", blad=T)
    tabellen = _tabellen(at)
    assert not _noemt_amsterdam(tabellen)
    assert "Rotterdam" in tabellen  # others are still named


def test_public_map_per_vraag_gives_no_gemeente_by_name():
    at = open_page("pages/start.py", ronde="2024", blad="Kaart", kaart="gemeente", kleur="vraag")
    assert not at.exception, at.exception
    tabellen = _tabellen(at)
    assert not _noemt_amsterdam(tabellen)
    locaties = _kaart_locaties(at)
    assert locaties and not any(c.startswith("GM") for c in locaties)
    assert "Totalen per jeugdregio" in page_text(at)


def test_public_map_of_an_unpublished_round_says_why(demo_kopie):
    with write_session(demo_kopie) as session:
        _ronde_2025(session).status = "gesloten"
    at = open_page("pages/start.py", ronde="2025", blad="Kaart", kaart="gemeente", kleur="vraag")
    assert not at.exception, at.exception
    assert "alleen voor gepubliceerde rondes" in page_text(at)
    assert not _kaart_locaties(at)


def test_index_map_lists_no_non_respondents_for_an_invuller():
    at = open_met_tabellen(
        "pages/start.py", Rol.INVULLER, organisatie="GM0363", ronde="2024", blad="Kaart"
    )
    assert not at.exception, at.exception
    assert "GM0014" not in _tabellen(at)
    assert not any(c.startswith("GM") for c in _kaart_locaties(at))


def test_index_map_lists_non_respondents_for_a_kijker():
    at = open_met_tabellen("pages/start.py", Rol.KIJKER, ronde="2024", blad="Kaart")
    assert not at.exception, at.exception
    kaart = next(df.value for df in at.dataframe if "Code" in df.value.columns)
    assert kaart["Index (0–100)"].isna().any()  # the kijker sees who did not respond
    assert any(c.startswith("GM") for c in _kaart_locaties(at))


def test_public_respons_does_not_say_which_regio_responded():
    at = open_met_tabellen("pages/respons.py", ronde="2024")
    assert not at.exception, at.exception
    kolommen = {k for tabel in tabellen_op_elk_blad(at) for k in tabel.columns}
    assert "Regio zelf ingevuld" not in kolommen
    assert "Jeugdregio's ingevuld" not in kolommen
    kijker = open_met_tabellen("pages/respons.py", Rol.KIJKER, ronde="2024")
    assert "Regio zelf ingevuld" in {k for t in tabellen_op_elk_blad(kijker) for k in t.columns}


def test_no_custom_groups_in_an_anonymous_round(demo_kopie):
    with write_session(demo_kopie) as session:
        _ronde_2025(session).zichtbaarheid = "anoniem"
    at = open_page(
        "pages/benchmark.py", Rol.INVULLER, organisatie="GM0363", ronde="2025", groep="eigen"
    )
    assert not at.exception, at.exception
    assert "Eigen vergelijkgroepen zijn dan niet beschikbaar" in page_text(at)
    assert not any(e.label == "Eigen vergelijkgroep samenstellen" for e in at.expander)
    groepen = at.selectbox(key="groep").options
    assert groepen and not any(g.startswith(("Eigen:", "Eigen selectie")) for g in groepen)


def _markeer_amsterdam_voorlopig(engine) -> None:
    """Amsterdam's answers of round 2025 with a toelichting marked voorlopig."""
    with engine.begin() as verbinding:
        ronde_id = verbinding.execute(select(Ronde.id).where(Ronde.jaar == 2025)).scalar_one()
        verbinding.execute(
            update(Antwoord)
            .where(
                Antwoord.ronde_id == ronde_id,
                Antwoord.organisatie_code == "GM0363",
                Antwoord.toelichting.is_not(None),
            )
            .values(voorlopig=True)
        )


def test_thema_shows_voorlopig_beside_an_answer_only_to_who_may_see_that_answer(demo_kopie):
    _markeer_amsterdam_voorlopig(demo_kopie)
    with write_session(demo_kopie) as session:  # Rotterdam has not submitted round 2025
        session.get(Inzending, (_ronde_2025(session).id, "GM0599")).status = "concept"
    kijker = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="1", blad=T)
    tabel = kijker.dataframe[-1].value  # the toelichtingen
    amsterdam = tabel[tabel["Organisatie"] == "Amsterdam"]
    assert len(amsterdam) > 0 and set(amsterdam["Voorlopig"]) == {"Ja"}
    assert set(tabel.loc[tabel["Organisatie"] != "Amsterdam", "Voorlopig"]) == {"Nee"}
    # Rotterdam's invuller sees no answer of Amsterdam, nor its mark
    invuller = open_page(
        "pages/thema.py", Rol.INVULLER, organisatie="GM0599", ronde="2025", thema="1"
    )
    assert not invuller.exception
    assert not _noemt_amsterdam(_tabellen(invuller))
    assert "Ja" not in {v for df in invuller.dataframe for v in df.value.get("Voorlopig", [])}


def test_respons_counts_the_submissions_marked_voorlopig_without_naming_them(demo_kopie):
    with demo_kopie.begin() as verbinding:
        ronde_id = verbinding.execute(select(Ronde.id).where(Ronde.jaar == 2025)).scalar_one()
        verbinding.execute(
            update(Inzending)
            .where(
                Inzending.ronde_id == ronde_id,
                Inzending.organisatie_code.in_(["GM0363", "JZ01"]),
            )
            .values(voorlopig=True)
        )
    for rol in (Rol.PUBLIEK, Rol.KIJKER):
        at = open_page("pages/respons.py", rol, ronde="2025")
        assert not at.exception
        assert "Waarvan voorlopig ingediend: 2." in " ".join(c.value for c in at.caption)
