"""Dutch numbers, percentages, dates and times: one rounding rule and Dutch time everywhere."""

from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from monitor.opmaak import tekst


@pytest.mark.parametrize(
    ("waarde", "decimalen", "verwacht"),
    [
        (1234567.8, 0, "1.234.568"),
        (1234567.8, 1, "1.234.567,8"),
        (1234567.85, 2, "1.234.567,85"),
        (0, 0, "0"),
        (0.05, 1, "0,1"),  # half up on the decimal value, not on the float 0.05000000000000000277
        (2.675, 2, "2,68"),  # the float is 2.67499999…; shown as written it rounds up
        (80.5, 0, "81"),
        (79.5, 0, "80"),  # not banker's rounding (which gives 80 for both)
        (-80.5, 0, "-81"),  # half away from zero
        (-1234.56, 1, "-1.234,6"),
        (-0.4, 0, "0"),  # no '-0'
        (np.float64(80.5), 0, "81"),
        (np.int64(1000), 0, "1.000"),
        (None, 0, "–"),
        (float("nan"), 1, "–"),
        (pd.NA, 0, "–"),
    ],
)
def test_getal_uses_dutch_separators_and_rounds_half_up(waarde, decimalen, verwacht):
    assert tekst.getal(waarde, decimalen) == verwacht


def test_252_of_313_is_81_percent_everywhere_it_is_shown():
    # 252/313 = 80.51…%; the issue saw 80% on some surfaces
    assert tekst.procent(100 * 252 / 313) == "81%"
    assert tekst.procent(80.5) == "81%"
    assert tekst.procent(45.7, 1) == "45,7%"
    assert tekst.procent(0.05, 1) == "0,1%"
    assert tekst.procent(-12.5) == "-13%"
    assert tekst.procent(None) == "–"


def test_euro_and_megabytes():
    assert tekst.euro(1200000) == "€ 1.200.000"
    assert tekst.euro(1234.5) == "€ 1.235"
    assert tekst.euro(None) == "–"
    assert tekst.megabytes(3 * 2**20 // 2) == "1,5 MB"


def test_dates_long_and_short():
    assert tekst.datum(date(2024, 6, 30)) == "30 juni 2024"
    assert tekst.datum_kort(date(2024, 6, 30)) == "30-06-2024"
    assert tekst.datum(None) == tekst.datum_kort(None) == "–"
    assert tekst.datum_kort(pd.NaT) == "–"


def test_datum_tijd_is_shown_in_dutch_time():
    assert tekst.datum_tijd(datetime(2025, 5, 1, 12, 0, tzinfo=UTC)) == "1 mei 2025 14:00"  # CEST
    assert tekst.datum_tijd(datetime(2025, 1, 1, 12, 0)) == "1 januari 2025 13:00"  # naive = UTC
    assert tekst.datum_tijd(None) == "–"


@pytest.mark.parametrize(
    ("utc", "verwacht"),
    [
        # spring forward: 30 March 2025, 02:00 CET becomes 03:00 CEST at 01:00 UTC
        (datetime(2025, 3, 30, 0, 59), "30-03-2025 01:59"),
        (datetime(2025, 3, 30, 1, 0), "30-03-2025 03:00"),
        # fall back: 26 October 2025, 03:00 CEST becomes 02:00 CET at 01:00 UTC
        (datetime(2025, 10, 26, 0, 30), "26-10-2025 02:30"),
        (datetime(2025, 10, 26, 1, 30), "26-10-2025 02:30"),
        # late in the evening UTC is already the next day in Amsterdam
        (datetime(2024, 6, 30, 22, 30), "01-07-2024 00:30"),
    ],
)
def test_short_datum_tijd_around_daylight_saving_time(utc, verwacht):
    assert tekst.datum_tijd_kort(utc) == verwacht  # naive = UTC
    assert tekst.datum_tijd_kort(utc.replace(tzinfo=UTC)) == verwacht


def test_aware_times_in_another_zone_are_converted():
    new_york = timezone(timedelta(hours=-4))
    moment = datetime(2025, 5, 1, 8, 0, tzinfo=new_york)  # 12:00 UTC
    assert tekst.tijd(moment) == "14:00"
    assert tekst.datum_kort(datetime(2024, 12, 31, 23, 30, tzinfo=UTC)) == "01-01-2025"


def test_afgerond_keeps_table_figures_numeric_and_rounds_half_up():
    assert tekst.afgerond(80.5) == 81.0
    assert tekst.afgerond(12.25, 1) == 12.3  # pandas' round gives 12.2
    reeks = pd.Series([80.5, None, 0.05]).map(lambda w: tekst.afgerond(w, 1))
    assert reeks.dtype == float
    assert reeks.tolist()[0] == 80.5 and pd.isna(reeks[1]) and reeks[2] == 0.1


@pytest.mark.parametrize(
    ("delen", "verwacht"),
    [
        ([], ""),
        (["Rijk"], "Rijk"),
        (["Rijk", "VNG"], "Rijk en VNG"),
        (["a", "b", "c"], "a, b en c"),
    ],
)
def test_opsomming_in_dutch(delen, verwacht):
    assert tekst.opsomming(delen) == verwacht
