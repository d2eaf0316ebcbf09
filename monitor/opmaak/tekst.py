"""Dutch numbers, percentages, dates and times for the UI and exports: the one place they are made.

Every figure shown to a user is rounded here, with one rule: half up, away from zero
(80,5 → 81; −80,5 → −81), on the decimal value as written (2,675 → 2,68), not on its binary
float. Times are shown in Europe/Amsterdam; naive datetimes (SQLite hands those back) are UTC.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real
from zoneinfo import ZoneInfo

NL_TIJD = ZoneInfo("Europe/Amsterdam")
LEEG = "–"

# Unicode spaces that spreadsheets and browsers carry in from web pages and Word (no-break,
# thin, zero width).
_SPATIES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\r\n"), " ")
_ONZICHTBAAR = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_NL_GETAL = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$", re.ASCII)
_PUNT_DECIMAAL = re.compile(r"^[+-]?\d+\.\d+$", re.ASCII)
_EN_GETAL = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", re.ASCII)
_DATUM = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$", re.ASCII)
MINTEKEN = "\u2212"
# A table header that is a column name of the code ('actortype', 'aandeel_achter'), not a label
# for people; tables (ui.veilig.tabel) refuse one, the browser walk looks for them on screen.
RUWE_KOP = re.compile(r"^[a-z]+(_[a-z0-9]+)+$|^(organisatie|actortype|waarde|code|naam|n)$")

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


MAANDEN_KORT = tuple(m[:3] if m != "maart" else "mrt" for m in MAANDEN)


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
    if abs(waarde) >= 1e15:  # beyond what a person reads digit by digit (and 1e308 has 309)
        return f"{float(waarde):.3e}".replace(".", ",")
    exact = Decimal(waarde) if isinstance(waarde, int) else Decimal(repr(float(waarde)))
    decimalen = max(0, -exact.normalize().as_tuple().exponent)
    tekst = getal(exact, decimalen)
    return tekst if duizendtallen else tekst.replace(".", "")


def verschil(nu: float | None, vorig: float | None, decimalen: int = 0) -> str:
    """The change between two figures as shown, signed: 70,4 → 80,6 is '+11' (81 − 70), 5 → 2
    is '−3' (a real minus sign), no change '0'; a missing figure gives '–'.

    Each figure is rounded once, as it is shown next to the difference, and the difference is
    taken of those, so that a reader who subtracts the two shown figures finds the shown one.
    """
    if _ontbreekt(nu) or _ontbreekt(vorig):
        return LEEG
    delta = afronden(nu, decimalen) - afronden(vorig, decimalen)
    tekst = getal(abs(delta), decimalen)
    return "0" if delta == 0 else ("+" if delta > 0 else MINTEKEN) + tekst


def tekst_of_leeg(waarde: object, leeg: str = LEEG) -> str:
    """Text to show as it is, or ``leeg`` for None, NaN and blank (never 'nan' or 'None')."""
    if _ontbreekt(waarde):
        return leeg
    tekst = str(waarde).strip()
    return tekst or leeg


def ja_nee(waarde: bool) -> str:
    """A yes/no fact in Dutch, as in the exports and imports: 'ja' or 'nee'."""
    return "ja" if waarde else "nee"


def met_voorlopig(antwoord: str, voorlopig: bool) -> str:
    """An answer as shown beside others', marked when the invuller called it voorlopig."""
    return f"{antwoord} (voorlopig)" if voorlopig and antwoord else antwoord


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


def maand(waarde: date | None) -> str:
    """date(2027, 3, 1) → 'maart 2027': a projected date, no more precise than its month."""
    return LEEG if _ontbreekt(waarde) else f"{MAANDEN[waarde.month - 1]} {waarde.year}"


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


def maand_as(begin: date, eind: date, *, hoogstens: int = 8) -> tuple[list[date], list[str]]:
    """Tick positions and Dutch labels for a date axis from ``begin`` to ``eind``: the first
    of a month every 1, 2, 3, 6, 12, … months ('okt 2024'), at most ``hoogstens`` ticks.

    Plotly names months in English whatever its locale setting, so a chart with dates on an
    axis sets these as ``tickvals``/``ticktext``."""
    if eind < begin:
        begin, eind = eind, begin
    eerste = begin.year * 12 + begin.month - 1 + (begin.day > 1)  # months since year 0
    laatste = eind.year * 12 + eind.month - 1
    stap = 1
    while (laatste - eerste) // stap + 1 > hoogstens:
        stap = {1: 2, 2: 3, 3: 6}.get(stap, stap * 2)
    maanden = [m for m in range(eerste, laatste + 1) if m % stap == 0]
    dagen = [date(m // 12, m % 12 + 1, 1) for m in maanden]
    return dagen, [f"{MAANDEN_KORT[d.month - 1]} {d.year}" for d in dagen]


def megabytes(aantal_bytes: int) -> str:
    """A file size: 1572864 → '1,5 MB'."""
    return f"{getal(aantal_bytes / 2**20, 1)} MB"


def afkorten(tekst: str, lengte: int = 70) -> str:
    """Shorten a long text for a chart axis: 'Een lange vraag…' (at most ``lengte`` characters)."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def zonder_nan(waarde: object) -> object:
    """``waarde`` with every NaN or ±Infinity inside (dicts, lists) replaced by None."""
    if isinstance(waarde, float) and not math.isfinite(waarde):
        return None
    if isinstance(waarde, dict):
        return {k: zonder_nan(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [zonder_nan(v) for v in waarde]
    return waarde


def json_tekst(waarde: object, **opties: object) -> str:
    """Valid JSON, always: NaN and Infinity (which ``json.dumps`` writes bare) become null."""
    return json.dumps(zonder_nan(waarde), ensure_ascii=False, allow_nan=False, **opties)


# --------------------------------------------------------------------------------------------
# Reading what a person typed


class GetalFout(ValueError):
    """Text that is not a number in Dutch notation; the message is Dutch and names the text."""


def schoon(tekst: str) -> str:
    """Text with odd spaces made plain, runs of spaces collapsed, and trimmed."""
    if tekst.isascii() and tekst.isprintable() and "  " not in tekst and tekst == tekst.strip():
        return tekst  # the common case, quickly
    return " ".join(tekst.translate(_ONZICHTBAAR).translate(_SPATIES).split())


def lees_getal(tekst: str) -> float:
    """Dutch notation: '1.234,56', '1234,5', '2,5', '€ 1.200', '-3' (or '−3'); else GetalFout.

    The one reader of typed and imported numbers. A point as decimal sign ('1.5') or English
    grouping ('1,234.5') is ambiguous and refused, as are dates ('12-05-2024')."""
    t = schoon(tekst).replace("€", "").replace(" ", "").replace(MINTEKEN, "-")
    if any(teken.isdigit() and not teken.isascii() for teken in t):
        raise GetalFout(f"'{tekst}' bevat andere cijfers dan 0–9: gebruik de cijfers 0–9.")
    if _DATUM.match(t):
        raise GetalFout(f"'{tekst}' lijkt een datum; hier hoort een getal.")
    if _NL_GETAL.match(t):
        return float(t.replace(".", "").replace(",", "."))
    if _PUNT_DECIMAAL.match(t) or _EN_GETAL.match(t):
        raise GetalFout(
            f"'{tekst}' is dubbelzinnig: gebruik de Nederlandse notatie met een komma als "
            "decimaalteken en punten tussen duizendtallen (bijvoorbeeld 1.234,5)."
        )
    raise GetalFout(f"'{tekst}' is geen getal.")


def bereik(minimum: float | None, maximum: float | None) -> str:
    """The allowed range of a number in words: 'van 0 tot en met 100', 'minimaal 0', ''."""
    if minimum is not None and maximum is not None:
        return f"van {getal_exact(minimum)} tot en met {getal_exact(maximum)}"
    if minimum is not None:
        return f"minimaal {getal_exact(minimum)}"
    if maximum is not None:
        return f"maximaal {getal_exact(maximum)}"
    return ""


def opsomming(delen: list[str]) -> str:
    """A Dutch enumeration: ['a'] → 'a'; ['a', 'b', 'c'] → 'a, b en c'; [] → ''."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"


def omloop(tekst: str, breedte: int = 60) -> str:
    """A long label over several lines (``<br>`` between them, for plotly), never cut off."""
    return "<br>".join(textwrap.wrap(tekst, breedte)) or tekst
