"""Every page, for every role, in a real browser: no exceptions, refusals where due, axe clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_harness import AppServer, Walk, format_report

from monitor.domain import Rol

ROLLEN = [r.value for r in Rol]

# One xdist worker runs all browser tests: they share the server and the walks.
pytestmark = pytest.mark.e2e


def test_first_request_is_a_deep_link(walks: Callable[[str], Walk], app_server: AppServer) -> None:
    """The first page request after the server started went to a page URL, and it worked."""
    walks(ROLLEN[0])
    visits = [v for w in walks.done.values() for v in w.visits if v.first_request]  # type: ignore[attr-defined]
    assert app_server.page_requests, "no page was opened"
    assert len(visits) == 1, "the first request of this server was not made by a walk"
    first = visits[0]
    assert first.path != "/", "the first request went to the home page, not a deep link"
    assert app_server.page_requests[0] == first.path
    assert not first.problems, format_report(first.problems, first.evidence)


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_runs_without_errors(walks: Callable[[str], Walk], rol: str) -> None:
    result = walks(rol)
    assert result.visits, "no pages visited"
    assert not result.problems, format_report(result.problems, result.evidence)


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_has_no_serious_axe_violations(walks: Callable[[str], Walk], rol: str) -> None:
    result = walks(rol)
    assert not result.axe_violations, format_report(result.axe_violations, result.evidence)


def test_html_lang_is_dutch(walks: Callable[[str], Walk]) -> None:
    """serve.py's middleware turns Streamlit's <html lang="en"> into lang="nl"."""
    result = walks(ROLLEN[0])
    langs = {v.path: v.lang for v in result.visits if v.lang is not None}
    assert langs, "no full page load recorded"
    assert set(langs.values()) == {"nl"}, langs


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_fits_desktop_projector_and_phone(
    walks: Callable[[str], Walk], rol: str, evidence_dir: Path
) -> None:
    """No horizontal overflow at 1440×900, 1280×720 or 390×844 (screenshots kept)."""
    result = walks(rol)
    toegestaan = [v for v in result.visits if v.toegestaan]
    schermen = list((evidence_dir / "schermen").glob(f"{rol}-*.png"))
    assert len(schermen) == 3 * len(toegestaan), "a page was not seen at every screen size"
    problemen = result.scherm_problems("overflow")
    assert not problemen, format_report(problemen, result.evidence)


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_screen_shows_dutch_text_and_labelled_headers(
    walks: Callable[[str], Walk], rol: str
) -> None:
    """No 'nan', 'None', 'NaN', 'inf' or English month, and no raw column name as a header."""
    result = walks(rol)
    problemen = result.scherm_problems("text") + result.scherm_problems("raw column name")
    assert not problemen, format_report(problemen, result.evidence)
