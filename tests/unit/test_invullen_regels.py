"""The one rule for filling in: when answers can change, and the reason shown when not."""

from dataclasses import dataclass
from datetime import date

import pytest

from monitor.domain import Rol
from monitor.invullen.antwoorden import waarom_alleen_lezen
from monitor.rechten import Gebruiker

SLUIT = date(2026, 11, 15)
INVULLER = Gebruiker(Rol.INVULLER, "Anna", organisatie_code="GM0363")
BEHEERDER = Gebruiker(Rol.BEHEERDER, "Bea")


@dataclass
class R:
    jaar: int
    status: str
    sluit_datum: date | None


@dataclass
class I:  # noqa: E742  (an Inzending as the rule reads it)
    status: str
    heropend_door: str | None = None


@pytest.mark.parametrize(
    ("status", "vandaag", "gebruiker", "inzending", "in_melding"),
    [
        ("open", date(2026, 11, 15), INVULLER, None, None),  # the sluitdatum itself counts
        ("open", date(2026, 11, 16), INVULLER, None, "sluitdatum (15-11-2026) is voorbij"),
        ("open", date(2026, 11, 16), BEHEERDER, None, None),  # a beheerder may still correct
        ("open", date(2026, 11, 16), INVULLER, I("concept", "Bea"), None),  # reopened
        ("open", date(2026, 10, 1), INVULLER, I("ingediend"), "zijn ingediend"),
        ("open", date(2026, 10, 1), BEHEERDER, I("ingediend"), "zijn ingediend"),
        ("concept", date(2026, 10, 1), BEHEERDER, None, "nog in voorbereiding"),
        ("gesloten", date(2026, 10, 1), BEHEERDER, None, "is gesloten"),
        ("gepubliceerd", date(2026, 10, 1), BEHEERDER, None, "is gepubliceerd"),
    ],
    ids=[
        "on-sluitdatum",
        "past-sluitdatum",
        "beheerder-past-sluitdatum",
        "reopened-past-sluitdatum",
        "submitted",
        "submitted-beheerder",
        "concept",
        "gesloten",
        "gepubliceerd",
    ],
)
def test_answers_change_only_in_an_open_round_before_submitting_and_the_sluitdatum(
    status, vandaag, gebruiker, inzending, in_melding
):
    reden = waarom_alleen_lezen(R(2026, status, SLUIT), inzending, gebruiker, vandaag)
    if in_melding is None:
        assert reden is None
        return
    assert reden is not None and in_melding in reden
    if status != "open":
        assert reden.startswith("Ronde 2026 is niet open voor invullen")
