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


def test_maand_names_only_month_and_year():
    assert tekst.maand(date(2027, 3, 1)) == "maart 2027"
    assert tekst.maand(None) == "–"


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
    ("getypt", "verwacht"),
    [
        ("2,5", 2.5),
        ("1.234,5", 1234.5),
        ("1234,5", 1234.5),
        ("-5", -5.0),
        ("\u22125", -5.0),  # the minus sign our own texts use
        ("€ 1.200", 1200.0),
        (" 42\u00a0", 42.0),
        ("0,125", 0.125),
    ],
)
def test_a_number_typed_in_dutch_is_read_as_its_value(getypt, verwacht):
    assert tekst.lees_getal(getypt) == verwacht


@pytest.mark.parametrize(
    ("getypt", "melding"),
    [
        ("2.5", "'2.5' is dubbelzinnig"),
        ("1,234.5", "dubbelzinnig"),
        ("12-05-2024", "lijkt een datum"),
        ("twee", "'twee' is geen getal"),
        ("", "is geen getal"),
    ],
)
def test_text_that_is_not_a_dutch_number_is_refused_in_dutch(getypt, melding):
    with pytest.raises(tekst.GetalFout, match=melding):
        tekst.lees_getal(getypt)


@pytest.mark.parametrize(
    ("minimum", "maximum", "verwacht"),
    [
        (0, 100, "van 0 tot en met 100"),
        (0.5, 1234.5, "van 0,5 tot en met 1.234,5"),
        (0, None, "minimaal 0"),
        (None, 10, "maximaal 10"),
        (None, None, ""),
    ],
)
def test_bereik_names_the_allowed_range(minimum, maximum, verwacht):
    assert tekst.bereik(minimum, maximum) == verwacht


@pytest.mark.parametrize(
    ("nu", "vorig", "decimalen", "verwacht"),
    [
        (80.6, 70.4, 0, "+11"),  # shown as 70 and 81: the difference shown is 11, not 10
        (2.4, 5.0, 0, "\u22123"),  # 2 and 5: a real minus sign
        (70.2, 69.8, 0, "0"),  # both shown as 70: no '+0' or '−0'
        (1234.5, 0.0, 0, "+1.235"),
        (45.66, 45.0, 1, "+0,7"),
        (None, 50.0, 0, "–"),
        (50.0, float("nan"), 0, "–"),
    ],
)
def test_verschil_is_signed_and_matches_the_figures_as_shown(nu, vorig, decimalen, verwacht):
    assert tekst.verschil(nu, vorig, decimalen) == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("Gesprekken lopen.", "Gesprekken lopen."),
        (None, "(geen toelichting)"),
        (float("nan"), "(geen toelichting)"),
        (pd.NA, "(geen toelichting)"),
        ("   ", "(geen toelichting)"),
    ],
)
def test_tekst_of_leeg_never_shows_nan_or_none(waarde, verwacht):
    assert tekst.tekst_of_leeg(waarde, "(geen toelichting)") == verwacht


def test_maand_as_gives_dutch_month_ticks_at_most_eight():
    dagen, teksten = tekst.maand_as(date(2024, 10, 1), date(2025, 3, 31))
    assert teksten == ["okt 2024", "nov 2024", "dec 2024", "jan 2025", "feb 2025", "mrt 2025"]
    assert dagen[0] == date(2024, 10, 1)
    # 19 June 2023 to 31 December 2026 (43 months): every six months, from July 2023
    dagen, teksten = tekst.maand_as(date(2023, 6, 19), date(2026, 12, 31))
    assert teksten == [
        "jul 2023",
        "jan 2024",
        "jul 2024",
        "jan 2025",
        "jul 2025",
        "jan 2026",
        "jul 2026",
    ]
    assert all(d.day == 1 for d in dagen)


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
