"""Benchmark in a real browser: a kijker types part of a gemeente's name without accents into
the searchable selector, picks it, and sees its profile and the peer comparison chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_harness import (
    AppServer,
    Visit,
    check_page,
    new_context,
    new_page,
    open_page,
    rerun_and_wait,
    save_evidence,
    sign_in,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

OPTIE = "Súdwest-Fryslân (GM1900) · Sudwest-Fryslan"


def test_kijker_finds_a_gemeente_without_accents_and_sees_its_benchmark(
    journey_server: AppServer, browser, evidence_dir: Path
) -> None:
    context = new_context(browser)
    page = new_page(context)
    try:
        open_page(page, journey_server, "/benchmark")
        sign_in(page, "kijker")
        combo = page.get_by_role("combobox", name="Gemeente of jeugdregio", exact=True)
        combo.click()
        page.keyboard.type("sudwest")
        optie = page.get_by_role("option", name=OPTIE, exact=True)
        expect(optie).to_be_visible()
        # Typing filtered the list of 384 gemeenten and regio's down to this one
        assert page.get_by_role("option").count() == 1
        rerun_and_wait(page, optie.click, runs=1)

        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name="Súdwest-Fryslân (GM1900)")).to_be_visible()
        expect(main.get_by_text("90.421 inwoners")).to_be_visible()
        assert "organisatie=GM1900" in page.url
        grafiek = main.get_by_role("figure", name="Doosdiagram per thema", exact=False).first
        expect(grafiek).to_be_visible()
        expect(grafiek.locator(".main-svg").first).to_be_visible()
        expect(
            main.get_by_text("Súdwest-Fryslân tegenover de vergelijkgroep", exact=False).first
        ).to_be_visible()
        visit = Visit("kijker", "pages/benchmark.py", "/benchmark", True)
        check_page(page, visit)
        assert not visit.problems, visit.problems
    except Exception:
        save_evidence(page, evidence_dir, "benchmark-zoeken")
        raise
    finally:
        context.close()
