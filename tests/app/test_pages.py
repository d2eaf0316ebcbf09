"""Every page × every role in AppTest: allowed pages render, others refuse."""

import pytest

from monitor.domain import DEMO_BANNER, Rol
from monitor.ui.navigation import PAGINAS
from tests.app.conftest import open_page, page_text

GEVALLEN = [(p, r) for p in PAGINAS for r in Rol]


@pytest.mark.parametrize(
    ("pagina", "rol"), GEVALLEN, ids=[f"{p.url_pad or 'start'}-{r.value}" for p, r in GEVALLEN]
)
def test_page_renders_for_allowed_roles_and_refuses_others(pagina, rol):
    at = open_page(pagina.pad, rol, organisatie="GM0363" if rol == Rol.INVULLER else None)
    assert not at.exception, at.exception
    tekst = page_text(at)
    assert DEMO_BANNER in tekst
    if rol in pagina.rollen:
        assert "Geen toegang" not in tekst
        assert at.title and at.title[0].value
    else:
        assert "Geen toegang" in tekst
        assert not at.get("plotly_chart")


def test_home_shows_the_2024_respons_and_charts():
    at = open_page("app.py", ronde="2024")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respons gemeenten"] == "308 van 342"
    assert metrics["Respons jeugdregio's"] == "41 van 42"
    assert metrics["Landelijke partijen"] == "5 van 5"
    assert len(at.get("plotly_chart")) == 2


def test_round_selector_switches_the_figures():
    at = open_page("app.py", ronde="2024")
    at.selectbox(key="ronde").select(2025).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respons gemeenten"] != "308 van 342"
