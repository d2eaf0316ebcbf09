"""The beheer page's round management in AppTest, on a private copy of the demo database
(these tests write; the shared demo database stays as it is)."""

import shutil
from datetime import date

import pytest
import streamlit as st
from sqlmodel import select

from monitor import queries
from monitor.db import make_engine, read_session
from monitor.domain import Rol
from monitor.models import Vraag
from tests.app.conftest import open_page, page_text
from tests.e2e.browser_harness import sqlite_url


@pytest.fixture
def eigen_db(demo_database_file, tmp_path, monkeypatch):
    pad = tmp_path / "monitor.db"
    shutil.copyfile(demo_database_file, pad)
    monkeypatch.setenv("DATABASE_URL", sqlite_url(pad))
    st.cache_data.clear()
    st.cache_resource.clear()
    engine = make_engine(sqlite_url(pad))
    yield engine
    engine.dispose()


def _knop(at, label):
    return next(b for b in at.button if b.label == label)


def _beheer(**query):
    at = open_page("pages/beheer.py", Rol.BEHEERDER, **query)
    assert not at.exception, at.exception
    return at


def test_beheer_shows_rounds_questionnaire_and_planning_tabs(eigen_db):
    at = _beheer()
    assert [t.label for t in at.tabs] == ["Rondes", "Vragenlijst", "Planning"]
    rondes = at.dataframe[0].value
    assert list(rondes["Ronde"]) == ["2024", "2025"]
    assert list(rondes["Status"]) == ["Gepubliceerd", "Gesloten"]
    assert list(rondes["Peildatum"]) == ["30 juni 2024", "30 juni 2025"]
    # Neither demo round is in concept: the questionnaire says why it cannot change.
    assert "kan niet meer veranderen" in page_text(at)
    # 2025 is closed: it can be reopened or published; publishing asks for confirmation first.
    assert _knop(at, "Publiceren").disabled and not _knop(at, "Heropenen").disabled


def test_creating_a_round_through_the_form_lists_it(eigen_db):
    at = _beheer()
    assert at.number_input(key="nieuw_jaar").value == 2026  # the year after the last round
    assert at.selectbox(key="nieuw_van").value == 2025  # copy the latest round by default
    at.number_input(key="nieuw_jaar").set_value(2026)
    at.text_input(key="nieuw_titel").input("Monitor 2026")
    at.date_input(key="nieuw_peildatum").set_value(date(2026, 10, 1))
    at.date_input(key="nieuw_open").set_value(date(2026, 9, 1))
    at.date_input(key="nieuw_sluit").set_value(date(2026, 11, 15))
    _knop(at, "Ronde aanmaken").click().run()
    assert not at.exception, at.exception
    assert "Ronde 2026 is aangemaakt (concept) met de vragenlijst van ronde 2025." in [
        s.value for s in at.success
    ]
    rondes = at.dataframe[0].value
    assert list(rondes["Ronde"]) == ["2024", "2025", "2026"]
    assert rondes["Status"].iloc[-1] == "Concept" and rondes["Vragen"].iloc[-1] == "126"
    with read_session(eigen_db) as s:
        ronde = queries.ronde_by_jaar(s, 2026)
        vragen = s.exec(select(Vraag).where(Vraag.ronde_id == ronde.id)).all()
    assert ronde.titel == "Monitor 2026" and ronde.peildatum == date(2026, 10, 1)
    assert len(vragen) == 126 and all(v.voorganger_id for v in vragen)


def test_a_round_with_bad_dates_is_refused_on_the_page(eigen_db):
    at = _beheer()
    at.date_input(key="nieuw_open").set_value(date(2026, 7, 1))  # after the sluitdatum: 30 June
    _knop(at, "Ronde aanmaken").click().run()
    assert not at.exception
    assert any("sluitdatum (30 juni 2026) ligt vóór de opendatum" in e.value for e in at.error)
    assert list(at.dataframe[0].value["Ronde"]) == ["2024", "2025"]


def test_publishing_needs_confirmation_then_freezes_the_round(eigen_db):
    at = _beheer()
    at.checkbox(key="beheer_publiceren_zeker").check().run()
    _knop(at, "Publiceren").click().run()
    assert not at.exception, at.exception
    assert "Ronde 2025 staat nu op 'Gepubliceerd'." in [s.value for s in at.success]
    assert list(at.dataframe[0].value["Status"]) == ["Gepubliceerd", "Gepubliceerd"]
    assert "Ronde 2025 is gepubliceerd; dat is definitief." in page_text(at)


def test_a_question_is_added_to_a_concept_round_on_the_page(eigen_db):
    from monitor import rondebeheer as rb
    from monitor.autorisatie import Gebruiker
    from monitor.db import write_session

    with write_session(eigen_db) as s:
        rb.maak_ronde(
            session=s,
            gebruiker=Gebruiker(rol=Rol.BEHEERDER, naam="t"),
            gegevens=rb.NieuweRonde(
                2026, date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30), van_jaar=2025
            ),
        )
    at = _beheer()
    assert at.selectbox(key="beheer_vragen_ronde").value == 2026  # the concept round
    formulier = [t for t in at.text_input if t.label == "Code"][0]
    formulier.input("GEM.9.01")
    next(t for t in at.text_area if t.label == "Tekst").input("Een nieuwe vraag?")
    next(s for s in at.selectbox if s.label == "Vraagtype").select("janee")
    next(s for s in at.selectbox if s.label == "Actor").select("gemeente")
    _knop(at, "Vraag toevoegen").click().run()
    assert not at.exception, at.exception
    assert "Vraag GEM.9.01 is toegevoegd aan ronde 2026." in [s.value for s in at.success]
    with read_session(eigen_db) as s:
        ronde = queries.ronde_by_jaar(s, 2026)
        vragen = queries.vragen_frame(s, ronde.id)
    assert len(vragen) == 127 and vragen["code"].iloc[-1] == "GEM.9.01"


def test_pages_default_to_the_newest_round_past_concept(eigen_db):
    from monitor import rondebeheer as rb
    from monitor.autorisatie import Gebruiker
    from monitor.db import write_session

    with write_session(eigen_db) as s:
        rb.maak_ronde(
            session=s,
            gebruiker=Gebruiker(rol=Rol.BEHEERDER, naam="t"),
            gegevens=rb.NieuweRonde(2026, date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30)),
        )
    at = open_page("app.py")
    assert not at.exception, at.exception
    assert at.selectbox(key="ronde").options == ["2024", "2025", "2026"]
    assert at.selectbox(key="ronde").value == 2025  # 2026 is in concept: no answers yet
