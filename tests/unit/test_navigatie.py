"""The sidebar's page list per role (monitor.ui.navigation.paginas_voor), from the rights."""

from __future__ import annotations

from monitor.domain import Rol
from monitor.ui.navigation import PAGINAS, paginas_voor

OPENBAAR = [
    "Start",
    "Thema's",
    "Planning",
    "Beleving",
    "Verschillen tussen actoren",
    "Respons",
    "Reflectiesessie",
    "Rapportage",
    "Open data",
    "Inloggen",
    "Toegankelijkheid",
]


def _titels(rol: Rol) -> list[str]:
    return [p.titel for p in paginas_voor(rol)]


def test_the_public_sees_the_national_pages_only() -> None:
    assert _titels(Rol.PUBLIEK) == OPENBAAR


def test_an_invuller_gets_the_questionnaire_benchmark_and_actiepunten_but_not_beheer() -> None:
    extra = set(_titels(Rol.INVULLER)) - set(OPENBAAR)
    assert extra == {"Vragenlijst invullen", "Benchmark", "Actiepunten"}


def test_a_kijker_compares_and_reads_actiepunten_but_fills_in_nothing() -> None:
    assert set(_titels(Rol.KIJKER)) - set(OPENBAAR) == {"Benchmark", "Actiepunten"}


def test_a_beheerder_sees_every_page_in_the_apps_order() -> None:
    assert _titels(Rol.BEHEERDER) == [p.titel for p in PAGINAS]
