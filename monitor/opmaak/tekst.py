"""Dutch numbers, percentages, dates and times for the UI and exports: the one place they are made.

Every figure shown to a user is rounded here, with one rule: half up, away from zero
(80,5 → 81; −80,5 → −81), on the decimal value as written (2,675 → 2,68), not on its binary
float. Times are shown in Europe/Amsterdam; naive datetimes (SQLite hands those back) are UTC.
"""

from __future__ import annotations

import math
import textwrap
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real
from zoneinfo import ZoneInfo

NL_TIJD = ZoneInfo("Europe/Amsterdam")
LEEG = "–"

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _ontbreekt(waarde: object) -> bool:
    """None, NaN and pandas' NA/NaT: nothing to show."""
    if waarde is None:
        return True
    try:
        return bool(waarde != waarde)  # NaN, pd.NA (raises), NaT
    except TypeError:
        return True


def afronden(waarde: Real | Decimal, decimalen: int = 0) -> Decimal:
    """``waarde`` rounded half up (away from zero) to ``decimalen`` places, as a Decimal.

    The float goes in through its shortest repr, so 0.05 is 0,05 and rounds to 0,1.
    """
    if isinstance(waarde, Decimal):
        exact = waarde
    elif isinstance(waarde, int):
        exact = Decimal(waarde)
    else:
        exact = Decimal(repr(float(waarde)))
    afgerond = exact.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return afgerond + 0  # '+ 0' turns -0 into 0


def afgerond(waarde: float | int | None, decimalen: int = 0) -> float:
    """A figure for a table column that stays numeric (sortable, a number in Excel), rounded
    half up like ``getal``: 80.5 → 81.0 (pandas' ``round`` gives 80.0); missing → NaN."""
    if _ontbreekt(waarde):
        return math.nan
    return float(afronden(waarde, decimalen))


def getal(waarde: float | int | Decimal | None, decimalen: int = 0) -> str:
    """1234567.8 → '1.234.568' (0 decimals) or '1.234.567,8'; None or NaN → '–'."""
    if _ontbreekt(waarde) or (isinstance(waarde, float) and math.isinf(waarde)):
        return LEEG
    tekst = f"{afronden(waarde, decimalen):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def getal_exact(waarde: float | int | None, *, duizendtallen: bool = True) -> str:
    """A number with every decimal it has, unrounded: 1234.25 → '1.234,25', 1234.0 → '1.234'.

    For values a user typed or a bound of a question; ``duizendtallen=False`` gives '1234,25'
    (CSV for Dutch Excel).
    """
    if _ontbreekt(waarde):
        return LEEG
    exact = Decimal(waarde) if isinstance(waarde, int) else Decimal(repr(float(waarde)))
    decimalen = max(0, -exact.normalize().as_tuple().exponent)
    tekst = getal(exact, decimalen)
    return tekst if duizendtallen else tekst.replace(".", "")


def procent(waarde: float | None, decimalen: int = 0) -> str:
    """A share in 0–100 as text: 45.7 → '46%', or '45,7%' with 1 decimal; None → '–'."""
    return LEEG if _ontbreekt(waarde) else f"{getal(waarde, decimalen)}%"


def euro(waarde: float | None) -> str:
    """1200000 → '€ 1.200.000' (whole euros)."""
    return LEEG if _ontbreekt(waarde) else f"€ {getal(waarde, 0)}"


def _lokaal(waarde: datetime) -> datetime:
    if waarde.tzinfo is None:
        waarde = waarde.replace(tzinfo=UTC)
    return waarde.astimezone(NL_TIJD)


def _dag(waarde: date | datetime) -> date:
    """The calendar day in Dutch time (a datetime is converted first, a date is a date)."""
    return _lokaal(waarde).date() if isinstance(waarde, datetime) else waarde


def datum(waarde: date | datetime | None) -> str:
    """date(2024, 6, 30) → '30 juni 2024'; a datetime gives its day in Dutch time."""
    if _ontbreekt(waarde):
        return LEEG
    dag = _dag(waarde)
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def datum_kort(waarde: date | datetime | None) -> str:
    """date(2024, 6, 30) → '30-06-2024', for tables; a datetime gives its day in Dutch time."""
    return LEEG if _ontbreekt(waarde) else f"{_dag(waarde):%d-%m-%Y}"


def tijd(waarde: datetime | None) -> str:
    """The clock time in Dutch time: '14:05'; naive values are taken as UTC."""
    return LEEG if _ontbreekt(waarde) else f"{_lokaal(waarde):%H:%M}"


def datum_tijd(waarde: datetime | None) -> str:
    """A moment in Dutch time: '1 mei 2025 14:00'; naive values are taken as UTC."""
    if _ontbreekt(waarde):
        return LEEG
    return f"{datum(waarde)} {tijd(waarde)}"


def datum_tijd_kort(waarde: datetime | None) -> str:
    """A moment in Dutch time for lists and notes: '01-05-2025 14:00'; naive = UTC."""
    if _ontbreekt(waarde):
        return LEEG
    return f"{datum_kort(waarde)} {tijd(waarde)}"


def megabytes(aantal_bytes: int) -> str:
    """A file size: 1572864 → '1,5 MB'."""
    return f"{getal(aantal_bytes / 2**20, 1)} MB"


def afkorten(tekst: str, lengte: int = 70) -> str:
    """Shorten a long text for a chart axis: 'Een lange vraag…' (at most ``lengte`` characters)."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def omloop(tekst: str, breedte: int = 60) -> str:
    """A long label over several lines (``<br>`` between them, for plotly), never cut off."""
    return "<br>".join(textwrap.wrap(tekst, breedte)) or tekst
