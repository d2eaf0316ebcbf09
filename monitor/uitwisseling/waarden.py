"""Reading the value of one cell of an import file: text normalisation, option labels and
codes, Dutch numbers and bounds. Pure: no files, no database.

A value that cannot be read raises :class:`CelFout` with a Dutch explanation for the import
report (``monitor.uitwisseling.importeren`` adds sheet, row and column).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from monitor import invoer
from monitor.domain import VRAAGTYPES_NUMERIEK, Optie, Vraagtype
from monitor.opmaak.excel import zonder_neutralisatie
from monitor.opmaak.tekst import GetalFout, bereik, getal_exact, ja_nee, schoon
from monitor.opmaak.tekst import lees_getal as lees_getypt_getal

MEERKEUZE_SCHEIDING = ";"


# --------------------------------------------------------------------------------------------
# Text normalisation


@functools.lru_cache(maxsize=4096)
def sleutel(tekst: str) -> str:
    """Comparison key: clean, lower case, without diacritics ('Súdwest' → 'sudwest')."""
    ontleed = unicodedata.normalize("NFKD", schoon(tekst))
    return "".join(c for c in ontleed if not unicodedata.combining(c)).casefold()


def naam_sleutel(naam: str) -> str:
    """Key for organisation names: also without apostrophes, hyphens, dots and brackets and
    without a leading 'gemeente'/'jeugdregio' ("'s-Hertogenbosch" → 's hertogenbosch')."""
    tekst = re.sub(r"[’‘`´']", "", sleutel(naam))
    tekst = " ".join(re.sub(r"[^0-9a-z]+", " ", tekst).split())
    return re.sub(r"^(?:gemeente|jeugdregio|regio)\s+", "", tekst)


def vreemd_teken(code: str) -> str:
    """A hint for a code with a non-ASCII character (a Cyrillic 'М' that looks like 'M'):
    codes are plain ASCII, so such a code is a homoglyph, not a typo. '' for plain codes."""
    teken = next((c for c in code if not c.isascii()), None)
    if teken is None:
        return ""
    naam = unicodedata.name(teken, "onbekend teken")
    return (
        f" Let op: het teken '{teken}' (U+{ord(teken):04X}, {naam}) lijkt op een gewone letter "
        "of cijfer maar is het niet; codes bestaan alleen uit gewone letters en cijfers."
    )


def cel_tekst(waarde: object) -> str:
    """A cell as clean text: whole floats without '.0', our formula quote undone."""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return zonder_neutralisatie(schoon(str(waarde)))


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class VraagInfo:
    """A question of the round as the import reads answers to it."""

    id: int
    code: str
    actortype: str
    vraagtype: str
    tekst: str
    opties: tuple[Optie, ...]
    minimum: float | None = None
    maximum: float | None = None


class CelFout(Exception):
    """A value that cannot be read; the message is Dutch and goes into the import report."""


class OptieSleutels(Protocol):
    """What reading an option needs from the import context: per vraag, the comparison key of
    every label and code → its option code (None when a key fits two options)."""

    def optie_sleutels(self, vraag: VraagInfo) -> dict[str, str | None]: ...


def _verwacht(vraag: VraagInfo) -> str:
    return ", ".join(f"'{o.label}'" for o in vraag.opties)


def lees_optie(waarde: object, vraag: VraagInfo, context: OptieSleutels) -> str:
    """The option code of a label or code in any case ('AFGEROND', 'mee bezig', 'ja')."""
    if isinstance(waarde, bool) and vraag.vraagtype == Vraagtype.JANEE:
        return ja_nee(waarde)
    if isinstance(waarde, datetime | date | time):
        raise CelFout(f"een datum is geen antwoord op deze vraag; kies uit {_verwacht(vraag)}.")
    if not isinstance(waarde, str):
        raise CelFout(f"'{waarde}' is geen antwoord op deze vraag; kies uit {_verwacht(vraag)}.")
    tekst = cel_tekst(waarde)
    sleutels = context.optie_sleutels(vraag)
    k = sleutel(tekst)
    if k not in sleutels:
        raise CelFout(f"'{tekst}' is geen antwoord op deze vraag; kies uit {_verwacht(vraag)}.")
    code = sleutels[k]
    if code is None:
        raise CelFout(f"'{tekst}' past bij meer dan één antwoord; gebruik de optiecode.")
    return code


def lees_ja_nee(waarde: object) -> bool:
    """A yes/no cell ('ja', 'Nee', WAAR/ONWAAR, 1/0); an empty cell is 'nee'."""
    if waarde is None or isinstance(waarde, bool):
        return bool(waarde)
    tekst = sleutel(cel_tekst(waarde))
    if tekst in ("ja", "j", "1", "waar", "true"):
        return True
    if tekst in ("", "nee", "n", "0", "onwaar", "false"):
        return False
    raise CelFout(f"'{cel_tekst(waarde)}' is geen ja of nee; vul 'ja' of 'nee' in.")


def lees_meerkeuze(waarde: object, vraag: VraagInfo, context: OptieSleutels) -> str:
    """Several options separated by ';' → their codes in questionnaire order, ';'-joined."""
    if not isinstance(waarde, str):
        return lees_optie(waarde, vraag, context)
    gekozen = {
        lees_optie(deel, vraag, context)
        for deel in waarde.split(MEERKEUZE_SCHEIDING)
        if schoon(deel)
    }
    return MEERKEUZE_SCHEIDING.join(o.code for o in vraag.opties if o.code in gekozen)


def lees_nl_getal(tekst: str) -> float:
    """Dutch notation ('1.234,56', '€ 1.200', '-3'), read by ``opmaak.tekst.lees_getal``."""
    try:
        return lees_getypt_getal(tekst)
    except GetalFout as fout:
        raise CelFout(str(fout)) from None


def getal_tekst(getal: float) -> str:
    """How a number is stored: '1234' for whole numbers, else '1234.56'."""
    return str(int(getal)) if float(getal).is_integer() else repr(float(getal))


def lees_getal(waarde: object, vraag: VraagInfo) -> str:
    """A number or amount, bounds checked; returned as stored (``getal_tekst``)."""
    if isinstance(waarde, bool):
        raise CelFout(f"'{'WAAR' if waarde else 'ONWAAR'}' is geen getal.")
    if isinstance(waarde, datetime | date | time):
        raise CelFout("de cel is een datum; hier hoort een getal.")
    getal = float(waarde) if isinstance(waarde, int | float) else lees_nl_getal(str(waarde))
    if getal != getal or getal in (float("inf"), float("-inf")):
        raise CelFout(f"'{waarde}' is geen getal.")
    onder, boven = invoer.getal_grenzen(vraag.minimum, vraag.maximum)
    if getal < onder or getal > boven:
        getoond = _nl(getal) if abs(getal) <= 1e15 else "het getal"  # 1e308 has no Dutch form
        raise CelFout(
            f"{getoond} ligt buiten de grenzen van deze vraag ({_grenzen(vraag, getal)})."
        )
    return getal_tekst(getal)


def _nl(getal: float) -> str:
    return getal_exact(getal)


def _grenzen(vraag: VraagInfo, getal: float) -> str:
    """The bounds in words: the question's own, unless ``getal`` broke the general cap."""
    eigen = bereik(vraag.minimum, vraag.maximum)
    if eigen and abs(getal) <= invoer.MAX_GETAL:
        return eigen
    return bereik(*invoer.getal_grenzen(vraag.minimum, vraag.maximum))


def lees_antwoord(waarde: object, vraag: VraagInfo, context: OptieSleutels) -> str:
    """The stored form of an answer to ``vraag``; raises CelFout with a Dutch explanation."""
    if vraag.vraagtype == Vraagtype.MEERKEUZE:
        return lees_meerkeuze(waarde, vraag, context)
    if vraag.vraagtype in VRAAGTYPES_NUMERIEK:
        return lees_getal(waarde, vraag)
    if vraag.vraagtype == Vraagtype.TEKST:
        if isinstance(waarde, datetime | date | time):
            raise CelFout("de cel is een datum; hier hoort tekst.")
        return cel_tekst(waarde)
    return lees_optie(waarde, vraag, context)
