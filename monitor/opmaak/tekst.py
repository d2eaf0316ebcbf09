"""Dutch number and date formats for the UI and exports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

NL_TIJD = ZoneInfo("Europe/Amsterdam")

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


def afronden(waarde: float | int, decimalen: int = 0) -> float:
    """The one rounding rule of every shown figure: half up (away from zero), on the decimal
    value as written (80.5 → 81, 2.675 → 2.68), unlike Python's round() (half to even on the
    binary value: round(80.5) == 80). Use it where a number is stored rounded for display,
    such as whole percentages in an Excel report."""
    stap = Decimal(1).scaleb(-decimalen)
    return float(Decimal(repr(float(waarde))).quantize(stap, rounding=ROUND_HALF_UP))


def getal(waarde: float | int | None, decimalen: int = 0) -> str:
    """1234567.8 → '1.234.568' (0 decimals) or '1.234.567,8'; None or NaN → '–'.

    Rounded half up (see :func:`afronden`): 80.5 → '81'."""
    if waarde is None or waarde != waarde:
        return "–"
    tekst = f"{afronden(waarde, decimalen):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(waarde: float | None, decimalen: int = 0) -> str:
    """45.7 → '45,7%' (with 1 decimal) or '46%'; a percentage is 0–100, rounded half up."""
    return "–" if waarde is None or waarde != waarde else f"{getal(waarde, decimalen)}%"


def euro(waarde: float | None) -> str:
    return "–" if waarde is None else f"€ {getal(waarde, 0)}"


def datum(waarde: date | None) -> str:
    """date(2024, 6, 30) → '30 juni 2024'."""
    return "–" if waarde is None else f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


def datum_tijd(waarde: datetime | None) -> str:
    """A moment in Dutch time: '1 mei 2025 14:00'; naive values are taken as UTC."""
    if waarde is None:
        return "–"
    if waarde.tzinfo is None:
        waarde = waarde.replace(tzinfo=UTC)
    lokaal = waarde.astimezone(NL_TIJD)
    return f"{datum(lokaal.date())} {lokaal:%H:%M}"


def afkorten(tekst: str, lengte: int = 70) -> str:
    """Shorten a long text for a chart axis: 'Een lange vraag…' (at most ``lengte`` characters)."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"
