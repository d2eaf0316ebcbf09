"""Numbers typed the Dutch way in a real browser: '2,5' and '1.234,5' stored as their values,
'-5' refused in Dutch with the allowed range (Streamlit's number field stored '2,5' as 25)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_harness import (
    AppServer,
    demo_server,
    new_context,
    new_page,
    open_page,
    rerun_and_wait,
    save_evidence,
    sign_in,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from sqlmodel import select

from monitor.db import make_engine, read_session
from monitor.invullen import antwoorden as invullen
from monitor.models import Antwoord, Vraag

pytestmark = pytest.mark.e2e
PERCENTAGE = "GEM.3.06"  # getal, 0 to 100
BEDRAG = "GEM.3.09"  # bedrag in euro, at least 0
MEERKEUZE = "GEM.3.05"  # several options


@pytest.fixture(scope="module")
def getal_server(
    demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppServer, str]]:
    """An app of its own: this test writes answers."""
    with demo_server(demo_db_template, tmp_path_factory.mktemp("getallen")) as server_en_url:
        yield server_en_url


def _opgeslagen(url: str) -> dict[str, str | None]:
    """Amsterdam's stored answers to the two number questions of the open round."""
    engine = make_engine(url)
    try:
        with read_session(engine) as session:
            ronde = invullen.open_ronde(session)
            rijen = session.exec(
                select(Vraag.code, Antwoord.waarde)
                .join(Antwoord, Antwoord.vraag_id == Vraag.id)
                .where(
                    Vraag.ronde_id == ronde.id,
                    Vraag.code.in_([PERCENTAGE, BEDRAG]),
                    Antwoord.organisatie_code == "GM0363",
                )
            ).all()
    finally:
        engine.dispose()
    return dict(rijen)


def _vraagtekst(url: str, code: str) -> str:
    engine = make_engine(url)
    try:
        with read_session(engine) as session:
            ronde = invullen.open_ronde(session)
            return session.exec(
                select(Vraag.tekst).where(Vraag.ronde_id == ronde.id, Vraag.code == code)
            ).one()
    finally:
        engine.dispose()


def test_numbers_typed_in_dutch_are_stored_and_out_of_range_is_refused_in_dutch(
    browser, getal_server, evidence_dir
) -> None:
    server, url = getal_server
    context = new_context(browser)
    page = new_page(context)
    try:
        open_page(page, server, "/invullen?stap=3")
        sign_in(page, "invuller")  # demo-inlog: Gemeente Amsterdam
        percentage = page.get_by_role("textbox", name=_vraagtekst(url, PERCENTAGE))
        bedrag = page.get_by_role("textbox", name=_vraagtekst(url, BEDRAG))

        percentage.fill("2,5")
        rerun_and_wait(page, lambda: percentage.press("Enter"))
        bedrag.fill("1.234,5")
        rerun_and_wait(page, lambda: bedrag.press("Enter"))
        assert _opgeslagen(url) == {PERCENTAGE: "2.5", BEDRAG: "1234.5"}

        percentage.fill("-5")
        rerun_and_wait(page, lambda: percentage.press("Enter"))
        melding = page.get_by_test_id("stAlert").filter(has_text="buiten het toegestane bereik")
        expect(melding).to_have_text(
            f"Niet bewaard. Vraag {PERCENTAGE}: -5 ligt buiten het toegestane bereik: "
            "van 0 tot en met 100."
        )
        assert _opgeslagen(url)[PERCENTAGE] == "2.5"  # the refused value changed nothing
        expect(page.get_by_text("outside the allowed range", exact=False)).to_have_count(0)
        save_evidence(page, evidence_dir, "invullen-getallen")

        keuzes = page.get_by_role("combobox", name=_vraagtekst(url, MEERKEUZE))
        optie = page.get_by_role("option").first
        for _ in range(5):  # the list does not always open on the first click (see choose())
            keuzes.click()
            try:
                optie.wait_for(state="visible", timeout=2_000)
                break
            except PlaywrightTimeoutError:
                continue
        expect(optie).to_be_visible()
        expect(page.get_by_text("Select all", exact=False)).to_have_count(0)
        page.keyboard.press("Escape")
    except Exception:
        save_evidence(page, evidence_dir, "invullen-getallen-fout")
        raise
    finally:
        context.close()
