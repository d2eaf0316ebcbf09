from datetime import date

import pytest

from monitor.opmaak import tekst as format


@pytest.mark.parametrize(
    ("waarde", "decimalen", "verwacht"),
    [(1234567.8, 0, "1.234.568"), (1234567.85, 2, "1.234.567,85"), (0, 0, "0"), (None, 0, "–")],
)
def test_getal_uses_dutch_separators(waarde, decimalen, verwacht):
    assert format.getal(waarde, decimalen) == verwacht


def test_procent_euro_datum():
    assert format.procent(45.7, 1) == "45,7%"
    assert format.euro(1200000) == "€ 1.200.000"
    assert format.datum(date(2024, 6, 30)) == "30 juni 2024"


def test_datum_tijd_is_shown_in_dutch_time():
    from datetime import UTC, datetime

    from monitor.opmaak.tekst import datum_tijd

    assert datum_tijd(datetime(2025, 5, 1, 12, 0, tzinfo=UTC)) == "1 mei 2025 14:00"  # CEST
    assert datum_tijd(datetime(2025, 1, 1, 12, 0)) == "1 januari 2025 13:00"  # naive = UTC
    assert datum_tijd(None) == "–"
