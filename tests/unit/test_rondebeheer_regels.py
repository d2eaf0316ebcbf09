"""Pure rules of round management: date checks and status order."""

from datetime import date

import pytest

from monitor.domain import RondeStatus
from monitor.errors import BeheerFout
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
