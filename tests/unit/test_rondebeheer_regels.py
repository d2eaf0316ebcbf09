"""Pure rules of round management: date checks, status order, the open-round guard."""

from dataclasses import dataclass
from datetime import date

import pytest

from monitor.domain import RondeStatus
from monitor.errors import BeheerFout, RondeNietOpen
from monitor.rondes import levensloop as rb

GOED = {
    "jaar": 2026,
    "peildatum": date(2026, 10, 1),
    "open_datum": date(2026, 9, 1),
    "sluit_datum": date(2026, 11, 15),
}


def test_ordered_dates_pass():
    rb.controleer_data(**GOED)
    rb.controleer_data(**{**GOED, "peildatum": date(2026, 11, 15)})  # peildatum = sluitdatum
    rb.controleer_data(**{**GOED, "open_datum": date(2026, 11, 15)})  # open = sluit: one day


@pytest.mark.parametrize(
    ("wijziging", "veld", "in_melding"),
    [
        ({"sluit_datum": date(2026, 8, 31)}, "sluit_datum", "31 augustus 2026"),
        ({"peildatum": date(2025, 12, 31)}, "peildatum", "niet in het jaar van de ronde (2026)"),
        ({"peildatum": date(2026, 11, 16)}, "peildatum", "na de sluitdatum"),
        ({"open_datum": None}, "open_datum", "opendatum ontbreekt"),
        ({"peildatum": None}, "peildatum", "peildatum ontbreekt"),
    ],
    ids=[
        "sluit-before-open",
        "peildatum-other-year",
        "peildatum-after-sluit",
        "no-open",
        "no-peil",
    ],
)
def test_bad_dates_are_refused_naming_the_field(wijziging, veld, in_melding):
    with pytest.raises(BeheerFout) as fout:
        rb.controleer_data(**{**GOED, **wijziging})
    assert fout.value.veld == veld
    assert in_melding in str(fout.value)


def test_status_order_allows_reopening_and_ends_at_publication():
    assert rb.toegestane_overgangen("concept") == (RondeStatus.OPEN,)
    assert rb.toegestane_overgangen("open") == (RondeStatus.GESLOTEN,)
    assert rb.toegestane_overgangen("gesloten") == (RondeStatus.OPEN, RondeStatus.GEPUBLICEERD)
    assert rb.toegestane_overgangen("gepubliceerd") == ()


@dataclass
class R:
    jaar: int
    status: str
    sluit_datum: date | None


SLUIT = date(2026, 11, 15)


@pytest.mark.parametrize(
    ("status", "vandaag", "open_", "in_melding"),
    [
        ("open", date(2026, 11, 15), True, ""),  # the sluitdatum itself still counts
        ("open", date(2026, 11, 16), False, "sluitdatum (15 november 2026) is verstreken"),
        ("concept", date(2026, 10, 1), False, "nog niet open"),
        ("gesloten", date(2026, 10, 1), False, "is gesloten"),
        ("gepubliceerd", date(2026, 10, 1), False, "gepubliceerd"),
    ],
)
def test_answers_only_while_the_round_is_open_and_not_past_its_sluitdatum(
    status, vandaag, open_, in_melding
):
    ronde = R(2026, status, SLUIT)
    assert rb.ronde_open_voor_invullen(ronde, vandaag) is open_
    if open_:
        rb.vereis_open_ronde(ronde, vandaag)
        return
    with pytest.raises(RondeNietOpen) as fout:
        rb.vereis_open_ronde(ronde, vandaag)
    assert in_melding in str(fout.value) and "Ronde 2026" in str(fout.value)
