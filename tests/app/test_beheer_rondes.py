"""The beheer page's round management in AppTest, on a private copy of the demo database
(these tests write; the shared demo database stays as it is)."""

import shutil
from datetime import date, timedelta

import pytest
import streamlit as st
from sqlmodel import select

from monitor.db import make_engine, read_session
from monitor.domain import Rol
from monitor.models import Vraag
from monitor.store import lezen as queries
from tests.app.conftest import open_page, page_text
from tests.e2e.browser_harness import sqlite_url
from tests.utils.apptest import getoond, open_tabblad, open_uitklappers


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
    """Beheer as a beheerder, its folded forms opened as a click would (built only when open)."""
    at = open_uitklappers(open_page("pages/beheer.py", Rol.BEHEERDER, **query))
    assert not at.exception, at.exception
    return at


def _jaren(engine) -> list[int]:
    with read_session(engine) as s:
        return [r.jaar for r in queries.rondes(s)]


def _maak_concept(engine, jaar: int) -> None:
    from monitor.db import write_session
    from monitor.rechten import Gebruiker
    from monitor.rondes import levensloop as rb

    with write_session(engine) as s:
        rb.maak_ronde(
            session=s,
            gebruiker=Gebruiker(rol=Rol.BEHEERDER, naam="t"),
            gegevens=rb.NieuweRonde(
                jaar, date(jaar, 6, 30), date(jaar, 4, 1), date(jaar, 6, 30), van_jaar=jaar - 1
            ),
        )


def test_beheer_shows_rounds_questionnaire_and_planning_tabs(eigen_db):
    at = _beheer()
    assert [t.label for t in at.tabs] == [
        "Rondes",
        "Vragenlijst",
        "Planning",
        "Import",
        "Export",
        "Accounts",
    ]
    rondes = at.dataframe[0].value.set_index("Ronde")
    assert list(rondes.index) == [str(j) for j in _jaren(eigen_db)]
    assert rondes.loc["2024", "Status"] == "Gepubliceerd"
    assert rondes.loc["2025", "Status"] == "Gesloten"
    assert rondes.loc["2024", "Peildatum"] == "30 juni 2024"
    # 2025 is closed: it can be reopened or published; publishing asks for confirmation first.
    at.selectbox(key="beheer_status_ronde").select(2025).run()
    assert _knop(at, "Publiceren").disabled and not _knop(at, "Heropenen").disabled
    # No demo round is in concept: the questionnaire says why it cannot change.
    assert "kan niet meer veranderen" in page_text(open_tabblad(at, "blad", "Vragenlijst"))


def test_creating_a_round_through_the_form_lists_it(eigen_db):
    jaren = _jaren(eigen_db)
    nieuw = max(jaren) + 1
    at = _beheer()
    assert at.number_input(key="nieuw_jaar").value == nieuw  # the year after the last round
    assert at.selectbox(key="nieuw_van").value == max(jaren)  # copy the latest round
    at.text_input(key="nieuw_titel").input(f"Monitor {nieuw}")
    at.date_input(key="nieuw_peildatum").set_value(date(nieuw, 10, 1))
    at.date_input(key="nieuw_open").set_value(date(nieuw, 9, 1))
    at.date_input(key="nieuw_sluit").set_value(date(nieuw, 11, 15))
    _knop(at, "Ronde aanmaken").click().run()
    assert not at.exception, at.exception
    melding = f"Ronde {nieuw} is aangemaakt (concept) met de vragenlijst van ronde {max(jaren)}."
    assert melding in [s.value for s in at.success]
    rondes = at.dataframe[0].value
    assert list(rondes["Ronde"]) == [str(j) for j in [*jaren, nieuw]]
    assert rondes["Status"].iloc[-1] == "Concept" and rondes["Vragen"].iloc[-1] == "123"
    with read_session(eigen_db) as s:
        ronde = queries.ronde_by_jaar(s, nieuw)
        vragen = s.exec(select(Vraag).where(Vraag.ronde_id == ronde.id)).all()
    assert ronde.titel == f"Monitor {nieuw}" and ronde.peildatum == date(nieuw, 10, 1)
    assert len(vragen) == 123 and all(v.voorganger_id for v in vragen)


def test_a_round_with_bad_dates_is_refused_on_the_page(eigen_db):
    jaren = _jaren(eigen_db)
    nieuw = max(jaren) + 1
    at = _beheer()
    at.date_input(key="nieuw_open").set_value(date(nieuw, 7, 1))  # after the sluitdatum: 30 June
    _knop(at, "Ronde aanmaken").click().run()
    assert not at.exception
    melding = f"sluitdatum (30 juni {nieuw}) ligt vóór de opendatum"
    assert any(melding in getoond(e.value) for e in at.error)
    assert list(at.dataframe[0].value["Ronde"]) == [str(j) for j in jaren]


def test_publishing_needs_confirmation_then_freezes_the_round(eigen_db):
    at = _beheer()
    at.selectbox(key="beheer_status_ronde").select(2025).run()
    at.checkbox(key="beheer_publiceren_zeker").check().run()
    _knop(at, "Publiceren").click().run()
    assert not at.exception, at.exception
    assert "Ronde 2025 staat nu op 'Gepubliceerd'." in [s.value for s in at.success]
    rondes = at.dataframe[0].value.set_index("Ronde")
    assert rondes.loc["2025", "Status"] == "Gepubliceerd"
    at.selectbox(key="beheer_status_ronde").select(2025).run()
    assert "Ronde 2025 is gepubliceerd; dat is definitief." in page_text(at)


def test_a_question_is_added_to_a_concept_round_on_the_page(eigen_db):
    nieuw = max(_jaren(eigen_db)) + 1
    _maak_concept(eigen_db, nieuw)
    at = _beheer(blad="Vragenlijst")
    assert at.selectbox(key="beheer_vragen_ronde").value == nieuw  # the concept round
    next(t for t in at.text_input if t.label == "Code").input("GEM.9.01")
    next(t for t in at.text_area if t.label == "Tekst").input("Een nieuwe vraag?")
    next(s for s in at.selectbox if s.label == "Vraagtype").select("janee")
    next(s for s in at.selectbox if s.label == "Actor").select("gemeente")
    _knop(at, "Vraag toevoegen").click().run()
    assert not at.exception, at.exception
    assert f"Vraag GEM.9.01 is toegevoegd aan ronde {nieuw}." in [s.value for s in at.success]
    with read_session(eigen_db) as s:
        vragen = queries.vragen_frame(s, queries.ronde_by_jaar(s, nieuw).id)
    assert len(vragen) == 124 and vragen["code"].iloc[-1] == "GEM.9.01"


def test_pages_do_not_default_to_a_round_in_concept(eigen_db):
    nieuw = max(_jaren(eigen_db)) + 1
    _maak_concept(eigen_db, nieuw)
    at = open_page("pages/start.py")
    assert not at.exception, at.exception
    assert str(nieuw) in at.selectbox(key="ronde").options
    assert at.selectbox(key="ronde").value != nieuw  # a concept round has no answers yet


def test_a_beheerder_sets_the_status_definitions_of_a_round_and_an_empty_one_is_refused(eigen_db):
    from monitor.rondes import statusdefinities

    at = _beheer()
    jaar = at.selectbox(key="beheer_definities_ronde").value
    veld = at.text_area(key=f"definitie_{jaar}_bijna_klaar")
    assert veld.value.startswith("Het meeste werk is gedaan")  # our standard wording
    assert at.text_input(key=f"definitie_bron_{jaar}_bijna_klaar").value.startswith(
        "Eigen formulering"
    )
    veld.input("   ")
    _knop(at, "Statusdefinities opslaan").click().run()
    assert [getoond(e.value) for e in at.error] == [
        "Statusdefinitie 'Bijna klaar': de betekenis is leeg."
    ]

    at.text_area(key=f"definitie_{jaar}_bijna_klaar").input("Alleen het besluit ontbreekt.")
    at.text_input(key=f"definitie_bron_{jaar}_bijna_klaar").input("Werkafspraak VWS/VNG 2025")
    _knop(at, "Statusdefinities opslaan").click().run()
    assert not at.exception, at.exception
    assert f"De statusdefinities van ronde {jaar} zijn opgeslagen." in [s.value for s in at.success]
    with read_session(eigen_db) as s:
        bijna = {d.optie: d for d in statusdefinities.van_ronde(s, queries.ronde_by_jaar(s, jaar))}[
            "bijna_klaar"
        ]
    assert (bijna.betekenis, bijna.bron) == (
        "Alleen het besluit ontbreekt.",
        "Werkafspraak VWS/VNG 2025",
    )


def test_a_refused_question_names_its_code_as_plain_text_and_adds_nothing(eigen_db):
    """A refusal repeats what the beheerder typed: Markdown in it must not become a link."""
    nieuw = max(_jaren(eigen_db)) + 1
    _maak_concept(eigen_db, nieuw)
    at = _beheer(blad="Vragenlijst")
    next(t for t in at.text_input if t.label == "Code").input("[klik](https://phish.example)")
    next(s for s in at.selectbox if s.label == "Vraagtype").select("janee")
    next(s for s in at.selectbox if s.label == "Actor").select("gemeente")
    _knop(at, "Vraag toevoegen").click().run()
    assert not at.exception, at.exception
    (melding,) = [e.value for e in at.error]
    assert "klik" in melding and "](" not in melding  # escaped: \[klik\]\(…
    with read_session(eigen_db) as s:
        assert len(queries.vragen_frame(s, queries.ronde_by_jaar(s, nieuw).id)) == 123


def test_the_folded_forms_are_built_only_when_opened():
    dicht = open_page("pages/beheer.py", Rol.BEHEERDER)
    kopjes = [e.label for e in dicht.expander]
    assert "Titel en data van een ronde wijzigen" in kopjes
    assert "Statusdefinities van een ronde" in kopjes
    open_ = _beheer()
    # opened: the six meanings to edit and the four fields of the round come along
    assert len(open_.text_area) >= len(dicht.text_area) + 6
    assert len(open_.date_input) >= len(dicht.date_input) + 3


def test_changing_a_round_in_its_fold_refuses_bad_dates_and_keeps_the_round(eigen_db):
    at = _beheer()  # the fold opened, as a click would
    (open_datum,) = [d for d in at.date_input if d.label == "Open vanaf" and d.key is None]
    (sluit,) = [d for d in at.date_input if d.label == "Sluitdatum" and d.key is None]
    jaar = int(at.selectbox(key="beheer_wijzig_ronde").value)
    with read_session(eigen_db) as s:
        voor = queries.ronde_by_jaar(s, jaar).sluit_datum
    sluit.set_value(open_datum.value - timedelta(days=1))
    _knop(at, "Wijzigingen opslaan").click().run()
    assert not at.exception
    assert any("vóór de opendatum" in getoond(e.value) for e in at.error)
    with read_session(eigen_db) as s:
        assert queries.ronde_by_jaar(s, jaar).sluit_datum == voor  # nothing written
