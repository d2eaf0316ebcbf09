"""Journey of an invuller in a real browser: fill in a thema, reload, find it kept, submit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from browser_harness import (
    AppServer,
    choose,
    demo_server,
    new_context,
    new_page,
    open_page,
    rerun_and_wait,
    save_evidence,
    sign_in,
    wait_until_ready,
)
from playwright.sync_api import expect

from monitor.db import make_engine, write_session
from monitor.domain import Rol
from monitor.invullen import antwoorden as invullen
from monitor.rechten import Gebruiker

pytestmark = pytest.mark.e2e
IN_BROWSER = {"GEM.1.01", "GEM.B.1", "GEM.B.3"}  # thema 1: answered through the page


@pytest.fixture(scope="module")
def schrijf_server(
    demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppServer, str]]:
    """An app of its own: this journey writes answers."""
    with demo_server(demo_db_template, tmp_path_factory.mktemp("invullen")) as server_en_url:
        yield server_en_url


def _vul_de_andere_themas_in(url: str) -> None:
    """Everything outside thema 1 is filled in beforehand, to keep the journey short."""
    engine = make_engine(url)
    wie = Gebruiker(Rol.INVULLER, "Voorbereiding", "GM0363")
    try:
        with write_session(engine) as session:
            ronde = invullen.open_ronde(session)
            vragen = invullen.lees_vragenlijst(session, wie, ronde, "GM0363")
            for vraag in invullen.ontbrekend(vragen):
                if vraag.code in IN_BROWSER:
                    continue
                invullen.save_antwoord(
                    session,
                    wie,
                    ronde=ronde,
                    organisatie_code="GM0363",
                    vraag_id=vraag.vraag_id,
                    waarde=vraag.opties[0].code if vraag.opties else 10,
                    toelichting=None,
                    basis_versie=vraag.versie,
                    nu=datetime.now(UTC),
                )
    finally:
        engine.dispose()


def test_invuller_fills_in_reloads_finds_answers_kept_and_submits(
    browser, schrijf_server, evidence_dir
) -> None:
    server, url = schrijf_server
    _vul_de_andere_themas_in(url)
    context = new_context(browser)
    page = new_page(context)
    try:
        open_page(page, server, "/invullen?stap=1")
        sign_in(page, "invuller")  # demo-inlog: Gemeente Amsterdam by default
        expect(
            page.get_by_text("Amsterdam · Monitor van de afspraken", exact=False)
        ).to_be_visible()
        groepen = page.get_by_role("radiogroup")
        rerun_and_wait(page, lambda: groepen.nth(0).get_by_text("Ja", exact=True).click())
        rerun_and_wait(page, lambda: groepen.nth(1).get_by_text("Grotendeels", exact=True).click())
        rerun_and_wait(page, lambda: groepen.nth(2).get_by_text("Enigszins", exact=True).click())
        toelichting = page.get_by_label("Toelichting bij GEM.1.01 (optioneel)")
        toelichting.fill("Dialoog gestart met jongeren en scholen.")
        rerun_and_wait(page, lambda: toelichting.press("Control+Enter"))
        save_evidence(page, evidence_dir, "invullen-thema-1")

        page.reload()
        wait_until_ready(page)
        # The session cookie keeps the sign-in across the reload.
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        groepen = page.get_by_role("radiogroup")
        expect(groepen.nth(0).get_by_role("radio", name="Ja")).to_be_checked()
        expect(groepen.nth(1).get_by_role("radio", name="Grotendeels", exact=True)).to_be_checked()
        expect(page.get_by_label("Toelichting bij GEM.1.01 (optioneel)")).to_have_value(
            "Dialoog gestart met jongeren en scholen."
        )

        choose(page, "Stap", "Controleren en indienen")
        bevestig = page.get_by_text("Ik heb de antwoorden gecontroleerd", exact=False)
        rerun_and_wait(page, bevestig.click)
        rerun_and_wait(page, page.get_by_role("button", name="Indienen").click)
        expect(page.get_by_text("Ingediend op", exact=False)).to_be_visible()
        save_evidence(page, evidence_dir, "invullen-ingediend")

        choose(page, "Stap", next(t for t in _stap_labels(page) if t.startswith("1.")))
        expect(
            page.get_by_role("radiogroup").nth(0).get_by_role("radio", name="Ja")
        ).to_be_disabled()
        expect(page.get_by_label("Toelichting bij GEM.1.01 (optioneel)")).to_be_disabled()
    except Exception:
        save_evidence(page, evidence_dir, "invullen-fout")
        raise
    finally:
        context.close()


def _stap_labels(page) -> list[str]:
    combo = page.get_by_role("combobox", name="Stap", exact=True)
    combo.click()
    labels = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return labels
