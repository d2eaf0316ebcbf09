from datetime import date

import pytest

from monitor.opmaak import tekst


@pytest.mark.parametrize(
    ("waarde", "decimalen", "verwacht"),
    [(1234567.8, 0, "1.234.568"), (1234567.85, 2, "1.234.567,85"), (0, 0, "0"), (None, 0, "–")],
)
def test_getal_uses_dutch_separators(waarde, decimalen, verwacht):
    assert tekst.getal(waarde, decimalen) == verwacht


def test_procent_euro_datum():
    assert tekst.procent(45.7, 1) == "45,7%"
    assert tekst.euro(1200000) == "€ 1.200.000"
    assert tekst.datum(date(2024, 6, 30)) == "30 juni 2024"


def test_datum_tijd_is_shown_in_dutch_time():
    from datetime import UTC, datetime

    from monitor.opmaak.tekst import datum_tijd

    assert datum_tijd(datetime(2025, 5, 1, 12, 0, tzinfo=UTC)) == "1 mei 2025 14:00"  # CEST
    assert datum_tijd(datetime(2025, 1, 1, 12, 0)) == "1 januari 2025 13:00"  # naive = UTC
    assert datum_tijd(None) == "–"


@pytest.mark.parametrize(
    ("waarde", "decimalen", "verwacht"),
    [
        (80.5, 0, "81"),  # half up, where round() and f-strings give 80 (half to even)
        (100 * 252 / 313, 0, "81"),  # 80,51…
        (100 * 252 / 313, 1, "80,5"),
        (2.5, 0, "3"),
        (0.125, 2, "0,13"),
        (2.675, 2, "2,68"),  # as written, not its binary value 2.67499…
        (-0.5, 0, "-1"),
        (1234567.85, 1, "1.234.567,9"),
        (float("nan"), 0, "–"),
    ],
)
def test_getal_rounds_half_up_everywhere(waarde, decimalen, verwacht):
    assert tekst.getal(waarde, decimalen) == verwacht


def test_procent_and_afronden_use_the_same_rule():
    assert tekst.procent(80.5) == "81%"
    assert tekst.procent(50.5) == "51%"
    assert tekst.afronden(50.5) == 51.0
    assert tekst.afronden(80.45, 1) == 80.5
