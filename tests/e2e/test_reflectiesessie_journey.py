"""A facilitator walks through the reflectiesessie in a real browser and keeps a note."""

from __future__ import annotations

import re

import pytest
from browser_harness import (
    AppServer,
    new_context,
    new_page,
    open_page,
    rerun_and_wait,
    sign_in,
    wait_until_ready,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

NOTITIE = "Regio's herkennen het beeld; de landsdelen werken het plan uit."


def _dia(page) -> int:
    match = re.search(r"[?&]dia=(\d+)", page.url)
    return int(match.group(1)) if match else 1


def test_walk_five_slides_add_a_note_reload_and_find_it(browser, journey_server: AppServer) -> None:
    context = new_context(browser)
    page = new_page(context)
    try:
        open_page(page, journey_server, "/reflectiesessie?ronde=2024")
        sign_in(page, "kijker")
        titels = [page.get_by_role("heading", level=2).first.inner_text()]
        volgende = page.get_by_role("button", name="Volgende →")
        for stap in range(2, 7):  # five times 'next': slides 2 to 6
            rerun_and_wait(page, volgende.click)
            page.wait_for_url(re.compile(rf"[?&]dia={stap}\b"))
            titels.append(page.get_by_role("heading", level=2).first.inner_text())
        assert _dia(page) == 6
        assert len(set(titels)) == 6, titels  # every slide has its own title
        titel = titels[-1]

        page.get_by_label(re.compile("^Notitie: het verhaal")).fill(NOTITIE)
        knop = page.get_by_role("button", name="Notitie bewaren")
        rerun_and_wait(page, knop.click)
        expect(page.get_by_text(NOTITIE)).to_be_visible()

        page.reload()  # a new session: the cookie keeps the sign-in, the note is in the database
        wait_until_ready(page)
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        assert _dia(page) == 6
        expect(page.get_by_role("heading", level=2).first).to_have_text(titel)
        expect(page.get_by_text(NOTITIE)).to_be_visible()
    finally:
        context.close()


def _chart_inside(page, breedte: int, hoogte: int) -> None:
    box = page.get_by_test_id("stPlotlyChart").first.bounding_box()
    assert box is not None
    binnen = box["x"] >= 0 and box["y"] >= 0
    binnen = binnen and box["x"] + box["width"] <= breedte and box["y"] + box["height"] <= hoogte
    assert binnen, f"dia {_dia(page)}: chart {box} not inside {breedte}×{hoogte}"


def test_presentatiemodus_pages_with_pagedown_and_pageup_and_every_chart_fits_720(
    browser, journey_server: AppServer, evidence_dir
) -> None:
    """A projector at 1280×720 and a clicker: PageDown through every slide, PageUp back."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    page = new_page(context)
    try:
        open_page(page, journey_server, "/reflectiesessie?ronde=2024&presentatie=1")
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        expect(page.get_by_test_id("stHeader")).to_be_hidden()
        totaal = int(
            re.search(r"van (\d+)", page.get_by_text(re.compile(r"^Dia 1 van")).inner_text())[1]
        )
        for nummer in range(1, totaal + 1):
            _chart_inside(page, 1280, 720)
            page.screenshot(path=str(evidence_dir / f"presentatie-1280x720-dia-{nummer:02d}.png"))
            if nummer < totaal:
                rerun_and_wait(page, lambda: page.keyboard.press("PageDown"))
                page.wait_for_url(re.compile(rf"[?&]dia={nummer + 1}\b"))
        page.keyboard.press("PageDown")  # on the last slide: nothing happens
        assert _dia(page) == totaal
        rerun_and_wait(page, lambda: page.keyboard.press("PageUp"))
        page.wait_for_url(re.compile(rf"[?&]dia={totaal - 1}\b"))
        rerun_and_wait(page, lambda: page.keyboard.press("ArrowLeft"))
        page.wait_for_url(re.compile(rf"[?&]dia={totaal - 2}\b"))
        assert "presentatie=1" in page.url
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    finally:
        context.close()
