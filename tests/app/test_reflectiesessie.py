"""Reflectiesessie, Actiepunten and Rapportage pages in AppTest."""

import json
import re
import shutil

import pytest
import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, Rol
from tests.app.conftest import open_page, page_text


@pytest.fixture
def eigen_database(demo_database_file, tmp_path, monkeypatch):
    """A private copy of the demo database: these tests write notes."""
    pad = tmp_path / "monitor.db"
    shutil.copyfile(demo_database_file, pad)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{pad}")
    st.cache_data.clear()
    st.cache_resource.clear()
    return pad


KBL = ACTORTYPE_BY_CODE["kbl"].label_meervoud  # the label, not the code 'kbl'


def _titel(at) -> str:
    return at.header[0].value


def test_next_and_previous_walk_the_deck_and_keep_the_number_in_the_url():
    at = open_page("pages/reflectiesessie.py", ronde="2024")
    assert not at.exception
    assert _titel(at) == "Respons per actor, ronde 2024"
    assert at.button(key="vorige_dia").disabled
    at.button(key="volgende_dia").click().run()
    assert at.query_params["dia"] == "2"
    assert _titel(at).startswith("Thema 1. Reikwijdte")
    at.button(key="vorige_dia").click().run()
    assert at.query_params["dia"] == "1"


def test_deep_link_to_slide_5_shows_thema_4_with_its_key_message():
    at = open_page("pages/reflectiesessie.py", ronde="2024", dia="5")
    assert _titel(at).startswith("Thema 4.")
    assert "51% van de jeugdregio's antwoordt 'afgerond'" in page_text(at)
    assert len(at.get("plotly_chart")) == 1


def test_nonsense_slide_number_shows_the_first_slide():
    at = open_page("pages/reflectiesessie.py", ronde="2024", dia="99x")
    assert not at.exception
    assert _titel(at) == "Respons per actor, ronde 2024"


def test_public_and_invuller_see_slides_but_cannot_write_notes():
    publiek = open_page("pages/reflectiesessie.py", ronde="2024")
    assert "zichtbaar na inloggen" in page_text(publiek)
    assert not publiek.text_area
    invuller = open_page("pages/reflectiesessie.py", Rol.INVULLER, organisatie="GM0363")
    assert "kunnen beheerders en kijkers" in page_text(invuller)
    assert not invuller.text_area


def test_kijker_adds_an_actiepunt_that_shows_under_the_slide_and_in_the_overview(eigen_database):
    at = open_page("pages/reflectiesessie.py", Rol.KIJKER, ronde="2024", dia="5")
    at.text_area(key="notitie_tekst").input("Regio's wachten op de landsdelen.")
    at.checkbox(key="notitie_actiepunt").check()
    at.selectbox(key="notitie_eigenaar").select("vng")
    at.button(key="FormSubmitter:notitie_formulier-Notitie bewaren").click().run()
    assert not at.exception
    assert "Regio's wachten op de landsdelen." in [t.value for t in at.text]
    assert any("actiepunt** voor VNG" in m.value for m in at.markdown)

    overzicht = open_page("pages/actiepunten.py", Rol.KIJKER, ronde="2024")
    tabel = overzicht.dataframe[0].value
    assert tabel["Actiepunt"].tolist() == ["Regio's wachten op de landsdelen."]
    assert tabel["Eigenaar"].tolist() == ["VNG"]
    volgend = open_page("pages/actiepunten.py", Rol.KIJKER, ronde="2025")
    assert "actiepunten van ronde 2024" in page_text(volgend)
    vorige = volgend.dataframe[0].value  # the kijker follows them up in an editor
    assert vorige["Actiepunt"].tolist() == ["Regio's wachten op de landsdelen."]
    # the slide by its title, not by its key
    assert tabel["Dia"].tolist() == [
        "Thema 4. Terugdringen residentiële jeugdhulp: voortgang per actor"
    ]
    assert vorige["Dia"].tolist() == tabel["Dia"].tolist()


def test_a_note_heading_is_its_dutch_time_without_a_dangling_dot(eigen_database):
    at = open_page("pages/reflectiesessie.py", Rol.KIJKER, ronde="2024", dia="5")
    at.text_area(key="notitie_tekst").input("Het gesprek liep goed.")
    at.button(key="FormSubmitter:notitie_formulier-Notitie bewaren").click().run()
    assert not at.exception
    kop = next(
        m.value for m in at.markdown if re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d.*", m.value)
    )
    assert kop == kop.rstrip(" ·") and "·" not in kop  # a plain note: only the moment
    at.text_area(key="notitie_tekst").input("Regio's wachten op de landsdelen.")
    at.checkbox(key="notitie_actiepunt").check()
    at.selectbox(key="notitie_eigenaar").select("kbl")
    at.button(key="FormSubmitter:notitie_formulier-Notitie bewaren").click().run()
    assert any(m.value.endswith(" · **actiepunt** voor " + KBL) for m in at.markdown)


def test_a_note_with_a_phone_number_is_refused_with_a_warning(eigen_database):
    at = open_page("pages/reflectiesessie.py", Rol.BEHEERDER, ronde="2024")
    at.text_area(key="notitie_tekst").input("Bel 06-12345678")
    at.button(key="FormSubmitter:notitie_formulier-Notitie bewaren").click().run()
    assert any("telefoonnummer" in w.value for w in at.warning)
    assert "Nog geen notities bij deze dia." in page_text(at)


def test_saved_deck_decides_the_slides_and_their_order(eigen_database):
    at = open_page("pages/reflectiesessie.py", Rol.BEHEERDER, ronde="2024")
    sleutels = at.data_editor(key="deck_tabel").value["Sleutel"].tolist()
    bewerkingen = {i: {"Tonen": False} for i, s in enumerate(sleutels) if s != "respons"}
    bewerkingen[sleutels.index("verschillen")] = {"Tonen": True, "Volgorde": 0}
    at.session_state["deck_tabel"] = {
        "edited_rows": bewerkingen,
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="deck_bewaren").click().run()
    assert not at.exception
    assert _titel(at) == "Verschillen tussen actoren, ronde 2024"
    assert "Dia 1 van 2" in page_text(at)


def test_rapportage_builds_an_excel_file_to_download():
    at = open_page("pages/rapportage.py", ronde="2024")
    at.radio(key="rapport_formaat").set_value("Excel: rapportagetabellen (.xlsx)").run()
    at.button(key="rapport_maken").click().run()
    assert not at.exception
    assert any("is klaar" in s.value for s in at.success)
    assert "Zonder inlog gaan er geen notities" in page_text(at)


def test_presentatiemodus_drops_the_page_title_fixes_the_chart_height_and_keeps_the_slide():
    gewoon = open_page("pages/reflectiesessie.py", ronde="2024", dia="11")
    assert [t.value for t in gewoon.title] == ["Reflectiesessie"]
    gewoon.button(key="presentatie_knop").click().run()
    assert gewoon.query_params["presentatie"] == "1"
    assert gewoon.query_params["dia"] == "11"

    at = open_page("pages/reflectiesessie.py", ronde="2024", dia="11", presentatie="1")
    assert not at.exception
    assert not at.title  # the slide's own title is the only heading
    assert _titel(at) == "Verschillen tussen actoren, ronde 2024"
    figuur = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figuur["layout"]["height"] == 480  # fits under title and key message at 720 px
    at.button(key="presentatie_knop").click().run()
    assert "presentatie" not in at.query_params
