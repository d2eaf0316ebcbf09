"""The Beheer page as beheerder: tabs Import and Export with their controls."""

from monitor.domain import Rol
from tests.app.conftest import open_page


def test_beheer_shows_import_and_export_tabs_with_their_controls():
    at = open_page("pages/beheer.py", Rol.BEHEERDER)
    assert not at.exception
    assert [t.label for t in at.tabs][3:5] == ["Import", "Export"]
    knoppen = [b.label for b in at.button]
    assert "Export maken" in knoppen
    assert "Importeren" not in knoppen  # only after a file was uploaded and checked
    assert {"Indeling", "Formaat"} <= {r.label for r in at.radio}
    assert at.selectbox(key="sjabloon_actortype").value == "rijk"
    koppen = [s.value for s in at.subheader]
    assert any(k.startswith("Antwoorden importeren in ronde") for k in koppen)
    assert any(k.startswith("Ronde") and k.endswith("exporteren") for k in koppen)


def test_export_button_builds_a_download():
    at = open_page("pages/beheer.py", Rol.BEHEERDER)
    at.radio(key="export_formaat").set_value("csv")
    at.button(key="export_knop").click().run()
    assert not at.exception
    assert at.session_state["beheer_export"][1].startswith(b"\xef\xbb\xbfronde;organisatiecode")
