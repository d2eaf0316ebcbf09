"""Op koers? in a real browser: Planning of round 2025 shows the range chart per thema and
actor, fits a projector and a phone, and keeps screenshots of the chart in test-output/e2e."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_harness import (
    AppServer,
    Visit,
    check_page,
    check_screen,
    new_context,
    new_page,
    open_page,
    save_evidence,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TITEL = "Op koers per thema en actor, ronde 2025"


def test_planning_shows_the_op_koers_range_chart(
    journey_server: AppServer, browser, evidence_dir: Path
) -> None:
    context = new_context(browser)
    page = new_page(context)
    try:
        open_page(page, journey_server, "/planning?ronde=2025&blad=Op+koers%3F")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name="Op koers?")).to_be_visible()
        grafiek = main.get_by_role("figure", name=f"Bereikdiagram: {TITEL}", exact=False).first
        grafiek.scroll_into_view_if_needed()
        expect(grafiek.locator(".main-svg").first).to_be_visible()
        expect(grafiek.get_by_text("op koers", exact=True).first).to_be_visible()  # legend
        expect(grafiek.get_by_text("Gemeenten, thema 1", exact=True)).to_be_visible()
        visit = Visit("publiek", "pages/planning.py", "/planning", True)
        check_page(page, visit)
        for breedte, hoogte in ((1280, 720), (390, 844)):
            page.set_viewport_size({"width": breedte, "height": hoogte})
            grafiek.scroll_into_view_if_needed()
            expect(grafiek.locator(".main-svg").first).to_be_visible()
            # plotly redraws after a resize: wait for its axis and legend
            expect(grafiek.locator(".xtick text").first).to_be_visible()
            expect(grafiek.locator(".legend").get_by_text("deadline", exact=True)).to_be_visible()
            page.wait_for_timeout(500)
            check_screen(page, visit, breedte, hoogte)
            # What the user sees: the lower half of the chart with axis and legend.
            grafiek.locator(".legend").scroll_into_view_if_needed()
            page.screenshot(path=str(evidence_dir / f"op-koers-{breedte}x{hoogte}.png"))
        assert not visit.problems, visit.problems
        assert not visit.scherm, visit.scherm
    except Exception:
        save_evidence(page, evidence_dir, "op-koers")
        raise
    finally:
        context.close()
