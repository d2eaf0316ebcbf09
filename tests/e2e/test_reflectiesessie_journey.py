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

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

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
