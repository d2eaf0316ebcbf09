"""The rules for everything a user types or a file brings in: one table of limits, one rule for
control characters, one rule for numbers. Pure: no Streamlit, no database.

The form, the import, the notes, the comparison groups, the accounts and the data layer
(``monitor.store``) all ask these functions, so that no entry point knows other numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from monitor.errors import MonitorFout


@dataclass(frozen=True)
class Grens:
    """The limit of one kind of text: its Dutch name (for messages) and its maximum length."""

    naam: str
    max_tekens: int


TOELICHTING = Grens("de toelichting", 5_000)
ANTWOORD = Grens("het antwoord", 5_000)
NOTITIE = Grens("de notitie", 2_000)
BEVINDING = Grens("de bevindingen", 5_000)  # one thema's text, about a page
ACCOUNTNAAM = Grens("de naam", 100)
GROEPSNAAM = Grens("de naam van de vergelijkgroep", 80)
CEL = Grens("de cel", 5_000)  # any cell of an import file: nothing longer can be stored
GETAL = Grens("het getal", 30)  # a typed number: '-1.000.000.000.000,00' fits with room
KOPPELINGNAAM = Grens("de naam van de koppeling", 80)  # a survey platform's import mapping
STATUSBETEKENIS = Grens("de betekenis", 400)  # shown under each option while filling in
STATUSBRON = Grens("de bron", 500)

GRENZEN: tuple[Grens, ...] = (
    TOELICHTING,
    ANTWOORD,
    NOTITIE,
    BEVINDING,
    ACCOUNTNAAM,
    GROEPSNAAM,
    CEL,
    GETAL,
    KOPPELINGNAAM,
    STATUSBETEKENIS,
    STATUSBRON,
)

# C0 control characters except tab (\t) and newline (\n); CR is allowed too because browsers
# and spreadsheets send line ends as CR LF. DEL is not a C0 control but is just as invisible.
_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TekstFout(MonitorFout):
    """Text refused at an entry point: too long or with a control character (Dutch message)."""


def duizendtallen(aantal: int) -> str:
    """12345 → '12.345' (Dutch grouping; opmaak.tekst is a layer above this module)."""
    return f"{aantal:_}".replace("_", ".")


def stuurteken(tekst: str) -> int | None:
    """Position (1-based) of the first refused control character in ``tekst``, or None."""
    gevonden = _STUURTEKEN.search(tekst)
    return None if gevonden is None else gevonden.start() + 1


def stuurteken_melding(tekst: str, positie: int) -> str:
    """'een onzichtbaar stuurteken (U+0001) op positie 6': names it so a user can find it."""
    return (
        f"een onzichtbaar stuurteken (U+{ord(tekst[positie - 1]):04X}) op positie {positie}; "
        "verwijder het (tab en nieuwe regel mogen wel)"
    )


def controleer_tekst(tekst: str | None, grens: Grens, *, waar: str = "") -> str | None:
    """``tekst`` unchanged when it fits ``grens`` and has no refused control character.

    Raises TekstFout naming ``waar`` (e.g. 'Vraag GEM.1.01') and what is wrong. None stays None.
    """
    if tekst is None:
        return None
    voor = f"{waar}: " if waar else ""
    if len(tekst) > grens.max_tekens:
        raise TekstFout(
            f"{voor}{grens.naam} is te lang: {duizendtallen(len(tekst))} tekens, hoogstens "
            f"{duizendtallen(grens.max_tekens)}."
        )
    positie = stuurteken(tekst)
    if positie is not None:
        raise TekstFout(f"{voor}{grens.naam} bevat {stuurteken_melding(tekst, positie)}.")
    return tekst


def eindig_getal(waarde: float) -> bool:
    """False for NaN and ±Infinity: they are never stored, shown or written to JSON."""
    return not (math.isnan(waarde) or math.isinf(waarde))


# The largest number any question accepts when it names no maximum itself: more than any
# budget or count in the monitor, and far from float overflow when numbers are added up.
MAX_GETAL = 1e12


def getal_grenzen(minimum: float | None, maximum: float | None) -> tuple[float, float]:
    """The effective bounds of a number question: its own, else ±``MAX_GETAL``."""
    onder = minimum if minimum is not None else -MAX_GETAL
    boven = maximum if maximum is not None else MAX_GETAL
    return onder, boven
