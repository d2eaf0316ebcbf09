"""The Beheer page as beheerder: tabs Import and Export with their controls."""

from monitor.domain import Rol
from tests.app.conftest import open_page
from tests.utils.apptest import open_tabblad


def test_beheer_shows_import_and_export_tabs_with_their_controls():
    at = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Import")
    assert not at.exception
    assert [t.label for t in at.tabs][3:5] == ["Import", "Export"]
    assert "Importeren" not in [b.label for b in at.button]  # only after a checked upload
    assert at.selectbox(key="sjabloon_actortype").value == "rijk"
    assert "Indeling" in {r.label for r in at.radio}  # of the template
    assert any(k.value.startswith("Antwoorden importeren in ronde") for k in at.subheader)
    at = open_tabblad(at, "blad", "Export")  # only the open tab is built
    assert not at.exception
    assert "Export maken" in [b.label for b in at.button]
    assert "Formaat" in {r.label for r in at.radio}
    koppen = [s.value for s in at.subheader]
    assert any(k.startswith("Ronde") and k.endswith("exporteren") for k in koppen)


def test_export_button_builds_a_download():
    at = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Export")
    at.radio(key="export_formaat").set_value("csv")
    at.button(key="export_knop").click().run()
    assert not at.exception
    assert at.session_state["beheer_export"][1].startswith(b"\xef\xbb\xbfronde;organisatiecode")


def test_platform_file_is_mapped_once_confirmed_and_the_next_file_imports_directly(demo_kopie):
    from tests.utils.import_bestanden import csv_bytes

    at = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Import")
    eerste = csv_bytes(
        [
            ["submitdate", "Naam organisatie", "Eigen vraag over de aanpak"],
            ["2025-06-01", "Amsterdam", "Nee"],  # the demo data has ja
        ],
        sep=",",
    )
    at.file_uploader(key="import_bestand").set_value(("lime.csv", eerste, "text/csv")).run()
    assert not at.exception
    assert "niet die van de monitor" in _meldingen(at.warning)
    assert "Importeren" not in [b.label for b in at.button]  # not before the mapping is saved
    kolommen = [at.selectbox(key=f"koppeling_kolom_{i}") for i in range(3)]
    assert [k.value for k in kolommen] == [None, "organisatienaam", None]  # the proposal
    assert kolommen[0].format_func(None) == "(negeren)"

    kolommen[2].set_value("GEM.2.01")  # the user corrects the column nobody recognised
    at.text_input(key="koppeling_kolom_naam").input("LimeSurvey")
    at.button(key="koppeling_knop").click().run()
    assert not at.exception
    assert "Koppeling 'LimeSurvey' herkend" in _meldingen(at.info)
    assert [(m.label, m.value) for m in at.metric][:2] == [("Nieuw", "0"), ("Gewijzigd", "1")]
    at.button(key="import_knop").click().run()
    assert "Geïmporteerd: 0 nieuwe en 1 gewijzigde antwoorden van 1 organisaties" in (
        at.success[0].value
    )

    tweede = csv_bytes(
        [
            ["Eigen vraag over de aanpak", "submitdate", "Naam organisatie"],
            ["Nee", "2025-06-02", "Rotterdam"],  # the demo data has ja
        ],
        sep=",",
    )
    at.file_uploader(key="import_bestand").set_value(("lime2.csv", tweede, "text/csv")).run()
    assert not at.exception
    assert "niet die van de monitor" not in _meldingen(at.warning)
    assert not [s for s in at.selectbox if str(s.key).startswith("koppeling_")]
    assert "Koppeling 'LimeSurvey' herkend" in _meldingen(at.info)
    assert at.button(key="import_knop").disabled is False

    at.button(key="koppeling_aanpassen").click().run()  # the saved mapping, to correct
    assert [at.selectbox(key=f"koppeling_kolom_{i}").value for i in range(3)] == [
        "GEM.2.01",
        None,
        "organisatienaam",
    ]
    assert at.text_input(key="koppeling_kolom_naam").value == "LimeSurvey"
    at.selectbox(key="koppeling_kolom_0").set_value("organisatienaam")
    at.button(key="koppeling_knop").click().run()
    assert "allebei gekoppeld aan 'organisatienaam'" in _meldingen(at.error)


def test_file_with_our_own_headers_goes_straight_to_the_dry_run(demo_kopie):
    from tests.utils.import_bestanden import LANG, csv_bytes

    at = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Import")
    bestand = csv_bytes([LANG, ["GM0363", "GEM.2.01", "Nee", None]])
    at.file_uploader(key="import_bestand").set_value(("eigen.csv", bestand, "text/csv")).run()
    assert not at.exception
    assert "niet die van de monitor" not in _meldingen(at.warning)
    assert "koppeling_knop" not in [b.key for b in at.button]
    assert [(m.label, m.value) for m in at.metric][:2] == [("Nieuw", "0"), ("Gewijzigd", "1")]


def _meldingen(elementen) -> str:
    """The text of info/warning boxes, without the escapes of plain-text display."""
    return "\n".join(str(e.value) for e in elementen).replace("\\", "")
