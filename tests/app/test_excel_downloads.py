"""Every 'Download als Excel' of the app gives a workbook that opens.

AppTest (Streamlit 1.67) lists download buttons (``at.download_button``), but their data is
built on click (a callable: ``deferred_file_id`` in the proto) and AppTest's runtime is a mock
that is thrown away after each run. So the test records the callables Streamlit registers
(``MediaFileManager.add_deferred``, the same call a click in the browser executes) and runs
each one, as the click would, and also presses the button in AppTest.

The app tests run on the demo database, so every download says "Demodata" in its first row
(``DEMO_REGEL``) and carries its title in the row below.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from monitor.domain import DEMO_REGEL, Rol
from tests.app.conftest import open_met_tabellen, open_page
from tests.utils.apptest import open_uitklappers

TOON_ALS_TABEL = "Toon als tabel: "
ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")


@pytest.fixture
def knoppen(monkeypatch) -> dict[str, object]:
    """file id → the callable behind a download button, for every button rendered."""
    gezien: dict[str, object] = {}
    origineel = MediaFileManager.add_deferred

    def onthoud(self, data_callable, *args, **kwargs):
        file_id = origineel(self, data_callable, *args, **kwargs)
        gezien[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", onthoud)
    return gezien


def _werkboeken(at, knoppen) -> dict[str, object]:
    """label/key → the loaded workbook of every download button on the page."""
    uit = {}
    for knop in at.download_button:
        file_id = knop.proto.deferred_file_id
        assert file_id in knoppen, f"download '{knop.label}' has no data"
        inhoud = knoppen[file_id]()
        assert isinstance(inhoud, bytes) and inhoud.startswith(b"PK")
        werkboek = load_workbook(io.BytesIO(inhoud))  # raises on a broken file
        for blad in werkboek.worksheets:
            assert 0 < len(blad.title) <= 31 and not ONGELDIG_IN_BLADNAAM.search(blad.title)
        assert werkboek.worksheets[0]["A1"].value == DEMO_REGEL, f"'{knop.label}': no demo mark"
        assert werkboek.properties.keywords == "Demodata"
        uit[knop.key or knop.label] = werkboek
    return uit


def _grafiek_titels(at) -> list[str]:
    return [
        e.label.removeprefix(TOON_ALS_TABEL)
        for e in at.expander
        if e.label.startswith(TOON_ALS_TABEL)
    ]


# (page, query, whether a chart title has a ':' — those downloads failed before, with an
# English openpyxl error, because the title went straight into the sheet name)
PAGINAS = [
    pytest.param(
        "pages/start.py",
        {"blad": "Kaart", "kaart": "gemeente", "kleur": "vraag"},
        True,
        id="start-kaart-vraag",
    ),
    pytest.param(
        "pages/start.py",
        {"blad": "Kaart", "kaart": "regio", "kleur": "vraag"},
        True,
        id="start-kaart-regio",
    ),
    pytest.param("pages/thema.py", {"ronde": "2024", "thema": "1"}, True, id="themas-per-actor"),
    pytest.param("pages/thema.py", {"ronde": "2025", "thema": "4"}, True, id="themas-thema-4"),
    pytest.param("pages/beleving.py", {"ronde": "2024"}, True, id="beleving"),
    pytest.param("pages/respons.py", {"ronde": "2024"}, False, id="respons"),
    pytest.param(
        "pages/respons.py",
        {"ronde": "2024", "blad": "Per jeugdregio"},
        False,
        id="respons-jeugdregio",
    ),
    pytest.param("pages/planning.py", {"ronde": "2024"}, False, id="planning"),
]


@pytest.mark.parametrize(("pagina", "query", "dubbele_punt"), PAGINAS)
def test_every_chart_download_on_the_page_is_a_workbook_with_the_chart_title(
    pagina, query, dubbele_punt, knoppen
):
    at = open_met_tabellen(pagina, Rol.BEHEERDER, **query)
    assert not at.exception
    titels = _grafiek_titels(at)
    assert titels, "no chart with a table and download on this page"
    assert any(":" in t for t in titels) == dubbele_punt
    werkboeken = _werkboeken(at, knoppen)
    gevonden = {wb.active["A2"].value for wb in werkboeken.values()}
    assert set(titels) <= gevonden  # every chart's download, with its title above the table
    at.download_button[0].click().run()  # pressing it reruns the page without an error
    assert not at.exception


def test_every_slide_of_the_reflectiesessie_downloads(knoppen):
    at = open_met_tabellen("pages/reflectiesessie.py", Rol.BEHEERDER, ronde="2024")
    titels = []
    while True:
        assert not at.exception
        dia_titel = at.header[0].value
        werkboeken = _werkboeken(at, knoppen)
        assert [wb.active["A2"].value for wb in werkboeken.values()] == [dia_titel]
        titels.append(dia_titel)
        volgende = at.button(key="volgende_dia")
        if volgende.disabled:
            break
        open_uitklappers(volgende.click().run())
    assert len(titels) >= 8
    assert any(t.startswith("Thema ") and ": voortgang per actor" in t for t in titels)


def test_benchmark_profile_and_charts_download(knoppen):
    at = open_met_tabellen("pages/benchmark.py", Rol.BEHEERDER, ronde="2024", organisatie="GM0363")
    assert not at.exception
    werkboeken = _werkboeken(at, knoppen)
    assert "benchmark_download" in werkboeken
    assert werkboeken["benchmark_download"].sheetnames == ["Benchmarkprofiel"]
    assert len(werkboeken) >= 2  # the profile and at least one chart


def test_the_invullers_own_answers_download(knoppen):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="0")
    assert not at.exception
    (werkboek,) = _werkboeken(at, knoppen).values()
    blad = werkboek.active
    assert blad["A2"].value.startswith("Antwoorden GM0363")
    assert blad.max_row > 4  # the demo line, the title, the header and the answers
