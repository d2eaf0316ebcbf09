"""Bevindingen on the Thema's page in AppTest: the draft for everyone, editing and saving for
kijkers, no editor for roles without the right."""

from monitor.domain import Rol
from monitor.ui.bevindingen import CONCEPT_UITLEG
from monitor.ui.veilig import platte_tekst
from tests.app.conftest import open_page, page_text

CONCEPT_BEGIN = "KBL geeft aan 0 van de 4 afspraken in dit thema te hebben afgerond (0%)."


def _editor(at):
    return next(t for t in at.text_area if t.key and t.key.startswith("bevindingen_"))


def test_public_and_invuller_read_the_draft_but_get_no_editor():
    for rol in (Rol.PUBLIEK, Rol.INVULLER):
        at = open_page(
            "pages/thema.py", rol, organisatie="GM0363", ronde="2025", thema="5", blad="Bevindingen"
        )
        assert not at.exception
        assert not [t for t in at.text_area if (t.key or "").startswith("bevindingen_")]
        assert not [b for b in at.button if (b.key or "").endswith("_bewaar")]
        assert "KBL geeft aan 0 van de 4 afspraken" in page_text(at)
        assert CONCEPT_UITLEG in [c.value for c in at.caption]
        assert "afhankelijkheden.wacht_op(thema_nr=5): afspraken=1" in at.text[-1].value


def test_kijker_edits_saves_and_restores_the_draft(demo_kopie):
    at = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="5", blad="Bevindingen")
    assert not at.exception
    editor = _editor(at)
    assert editor.value.startswith(CONCEPT_BEGIN)
    editor.input("KBL loopt achter; **bespreken** in het BO.").run()
    at.button(key=f"{editor.key}_bewaar").click().run()
    assert not at.exception
    assert _editor(at).value == "KBL loopt achter; **bespreken** in het BO."
    assert "Bewerkt en bewaard voor deze ronde." in [c.value for c in at.caption]

    # another visitor sees the saved text, as plain text (no bold)
    publiek = open_page("pages/thema.py", ronde="2025", thema="5", blad="Bevindingen")
    getoond = page_text(publiek)
    assert platte_tekst("KBL loopt achter; **bespreken** in het BO.") in getoond
    assert r"\*\*bespreken\*\*" in getoond

    at.button(key=f"{editor.key}_herstel").click().run()
    assert _editor(at).value.startswith(CONCEPT_BEGIN)


def test_a_control_character_is_refused_and_nothing_is_saved(demo_kopie):
    at = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="5", blad="Bevindingen")
    editor = _editor(at)
    editor.input("tekst\x01").run()
    at.button(key=f"{editor.key}_bewaar").click().run()
    assert any("stuurteken" in w.value for w in at.warning)
    opnieuw = open_page("pages/thema.py", ronde="2025", thema="5", blad="Bevindingen")
    assert "KBL geeft aan 0 van de 4 afspraken" in page_text(opnieuw)


def test_reflectiesessie_shows_a_themas_bevindingen_under_its_slide_only():
    thema = open_page("pages/reflectiesessie.py", ronde="2025", dia="2")
    assert not thema.exception
    assert thema.header[0].value.startswith("Thema 1.")
    assert [e.label for e in thema.expander if e.label.startswith("Bevindingen")] == [
        "Bevindingen thema 1"
    ]
    assert "Het Rijk geeft aan 1 van de 9 afspraken in dit thema" in page_text(thema)
    respons = open_page("pages/reflectiesessie.py", ronde="2025", dia="1")
    assert not [e for e in respons.expander if e.label.startswith("Bevindingen")]
