"""Read and check the reference data on gemeenten and jeugdregio's (``data/reference/``).

Pure: files in, organisation records out; problems raise :class:`InvoerFout`.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from monitor.domain import INWONERSKLASSEN, LANDELIJKE_ORGANISATIES
from monitor.errors import InvoerFout

GEMEENTE_KOLOMMEN = (
    "gemeentecode",
    "gemeentenaam",
    "provinciecode",
    "provincienaam",
    "jeugdregiocode",
    "inwoners",
    "inwonersklasse",
)
REGIO_KOLOMMEN = ("jeugdregiocode", "jeugdregionaam", "aantal_gemeenten", "inwoners")


@dataclass(frozen=True)
class OrganisatieRegel:
    code: str
    naam: str
    actortype: str
    jeugdregio_code: str | None = None
    provincie_code: str | None = None
    provincie_naam: str | None = None
    inwoners: int | None = None
    inwonersklasse: str | None = None


def _rows(pad: Path, kolommen: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not pad.exists():
        raise InvoerFout(pad.name, None, None, "bestand ontbreekt")
    with pad.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        kopjes = reader.fieldnames or []
        for kolom in kolommen:
            if kolom not in kopjes:
                raise InvoerFout(pad.name, 1, kolom, "kolom ontbreekt in de kopregel")
        return [
            (nr, {k: (v or "").strip() for k, v in r.items()}) for nr, r in enumerate(reader, 2)
        ]


def _inwoners(pad: Path, nr: int, waarde: str) -> int:
    try:
        aantal = int(waarde)
    except ValueError:
        raise InvoerFout(pad.name, nr, "inwoners", f"'{waarde}' is geen geheel getal") from None
    if aantal <= 0:
        raise InvoerFout(pad.name, nr, "inwoners", "moet groter dan 0 zijn")
    return aantal


def read_regios(pad: Path) -> list[OrganisatieRegel]:
    regios: dict[str, OrganisatieRegel] = {}
    for nr, rij in _rows(pad, REGIO_KOLOMMEN):
        code = rij["jeugdregiocode"]
        if not code.startswith("JZ"):
            raise InvoerFout(pad.name, nr, "jeugdregiocode", f"'{code}' is geen jeugdregiocode")
        if code in regios:
            raise InvoerFout(pad.name, nr, "jeugdregiocode", f"'{code}' komt dubbel voor")
        regios[code] = OrganisatieRegel(
            code=code,
            naam=rij["jeugdregionaam"],
            actortype="regio",
            inwoners=_inwoners(pad, nr, rij["inwoners"]),
        )
    return list(regios.values())


def read_gemeenten(pad: Path, regio_codes: set[str]) -> list[OrganisatieRegel]:
    gemeenten: dict[str, OrganisatieRegel] = {}
    for nr, rij in _rows(pad, GEMEENTE_KOLOMMEN):
        code = rij["gemeentecode"]
        if not code.startswith("GM"):
            raise InvoerFout(pad.name, nr, "gemeentecode", f"'{code}' is geen gemeentecode")
        if code in gemeenten:
            raise InvoerFout(pad.name, nr, "gemeentecode", f"'{code}' komt dubbel voor")
        if rij["jeugdregiocode"] not in regio_codes:
            raise InvoerFout(
                pad.name, nr, "jeugdregiocode", f"jeugdregio '{rij['jeugdregiocode']}' bestaat niet"
            )
        if not rij["provinciecode"]:
            raise InvoerFout(pad.name, nr, "provinciecode", "mag niet leeg zijn")
        klasse = rij["inwonersklasse"]
        if klasse not in INWONERSKLASSEN:
            raise InvoerFout(pad.name, nr, "inwonersklasse", f"klasse '{klasse}' onbekend")
        gemeenten[code] = OrganisatieRegel(
            code=code,
            naam=rij["gemeentenaam"],
            actortype="gemeente",
            jeugdregio_code=rij["jeugdregiocode"],
            provincie_code=rij["provinciecode"],
            provincie_naam=rij["provincienaam"],
            inwoners=_inwoners(pad, nr, rij["inwoners"]),
            inwonersklasse=klasse,
        )
    return list(gemeenten.values())


def landelijke_organisaties() -> list[OrganisatieRegel]:
    return [
        OrganisatieRegel(code=code, naam=naam, actortype=actortype)
        for code, (actortype, naam) in LANDELIJKE_ORGANISATIES.items()
    ]


def load_organisaties(map_: Path) -> list[OrganisatieRegel]:
    """All organisations: the national actors, the 42 jeugdregio's and the 342 gemeenten."""
    regios = read_regios(map_ / "jeugdregios_2024.csv")
    gemeenten = read_gemeenten(map_ / "gemeenten_2024.csv", {r.code for r in regios})
    return [*landelijke_organisaties(), *_met_provincie(regios, gemeenten), *gemeenten]


def _met_provincie(
    regios: list[OrganisatieRegel], gemeenten: list[OrganisatieRegel]
) -> list[OrganisatieRegel]:
    """A regio lies in the provincie of most of its inhabitants (three regio's cross a border)."""
    uitkomst = []
    for regio in regios:
        per_provincie: Counter[tuple[str | None, str | None]] = Counter()
        for gemeente in gemeenten:
            if gemeente.jeugdregio_code == regio.code:
                per_provincie[(gemeente.provincie_code, gemeente.provincie_naam)] += (
                    gemeente.inwoners or 0
                )
        code, naam = per_provincie.most_common(1)[0][0] if per_provincie else (None, None)
        uitkomst.append(replace(regio, provincie_code=code, provincie_naam=naam))
    return uitkomst
