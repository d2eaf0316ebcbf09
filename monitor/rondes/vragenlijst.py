"""Read and check the questionnaire files in ``data/vragenlijst/``.

Pure: files in, checked records out. Any problem raises :class:`InvoerFout` naming the file,
the row (as a spreadsheet shows it: the header is row 1) and the field.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from monitor.domain import ACTORTYPE_CODES, Optie, PlanningSoort, Vraagtype, parse_opties
from monitor.errors import InvoerFout

THEMAS_KOLOMMEN = ("nr", "titel", "paragraaf", "ambitie")
AFSPRAKEN_KOLOMMEN = ("code", "thema", "tekst", "paragraaf", "afhankelijk_van")
PLANNING_KOLOMMEN = ("afspraak", "planning", "bron", "geldig_vanaf")
AFGELEID = "afgeleid"  # a source that starts with this word is our inference, not the report
BRON_ONTBREEKT = "bron ontbreekt (de regel in het rapport, of 'afgeleid: …')"
VRAGEN_KOLOMMEN = (
    "code",
    "actortype",
    "thema",
    "afspraak",
    "soort",
    "vraagtype",
    "tekst",
    "opties",
    "toon_als",
    "minimum",
    "maximum",
    "verplicht",
    "herkomst",
)
VRAAG_SOORTEN = ("afspraak", "informatie", "beleving")
HERKOMSTEN = ("tabel", "tekst", "gereconstrueerd", "")

_PLANNING_RE = re.compile(r"^(klaar|start|in)(?:\s+in)?\s+(?:q([1-4])\s+)?(\d{4})$", re.IGNORECASE)
_KWARTAAL_EINDE = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


@dataclass(frozen=True)
class ThemaRegel:
    nr: int
    titel: str
    paragraaf: str
    ambitie: str


@dataclass(frozen=True)
class AfspraakRegel:
    code: str
    thema: int
    tekst: str
    paragraaf: str
    afhankelijk_van: tuple[str, ...]
    afhankelijk_bron: str = ""  # the report's line for the dependencies, or 'afgeleid: …'


@dataclass(frozen=True)
class PlanningRegel:
    afspraak: str
    soort: PlanningSoort
    datum: date
    tekst: str
    bron: str
    geldig_vanaf: date
    bron_rapport: str = ""  # the report's line, or 'afgeleid: …'


@dataclass(frozen=True)
class VraagRegel:
    code: str
    actortype: str
    thema: int | None
    afspraak: str | None
    soort: str
    vraagtype: Vraagtype
    tekst: str
    opties: tuple[Optie, ...]
    toon_als: str
    minimum: float | None
    maximum: float | None
    verplicht: bool
    herkomst: str
    volgorde: int


@dataclass
class Vragenlijst:
    themas: list[ThemaRegel] = field(default_factory=list)
    afspraken: list[AfspraakRegel] = field(default_factory=list)
    planning: list[PlanningRegel] = field(default_factory=list)
    vragen: list[VraagRegel] = field(default_factory=list)


def parse_planning(tekst: str) -> tuple[PlanningSoort, date]:
    """'Klaar Q2 2024' → (klaar, 2024-06-30); 'In 2023' → (in, 2023-12-31).

    The date is the end of the quarter or year named: the moment the deadline has passed.
    Raises ValueError for text that does not follow that grammar.
    """
    match = _PLANNING_RE.match(" ".join(tekst.split()))
    if not match:
        raise ValueError(
            f"planning '{tekst}' niet herkend; gebruik bijvoorbeeld 'Klaar Q2 2024', "
            "'Start Q3 2024' of 'In 2023'"
        )
    soort, kwartaal, jaar = match.group(1).lower(), match.group(2), int(match.group(3))
    maand, dag = _KWARTAAL_EINDE[int(kwartaal)] if kwartaal else (12, 31)
    return PlanningSoort(soort), date(jaar, maand, dag)


def _read_csv(pad: Path, kolommen: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows as (spreadsheet row number, cells); checks that every column is there."""
    naam = pad.name
    if not pad.exists():
        raise InvoerFout(naam, None, None, "bestand ontbreekt")
    with pad.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        kopjes = [k.strip() for k in reader.fieldnames or []]
        ontbrekend = [k for k in kolommen if k not in kopjes]
        if ontbrekend:
            raise InvoerFout(naam, 1, ontbrekend[0], "kolom ontbreekt in de kopregel")
        rijen = []
        for nr, rij in enumerate(reader, start=2):
            rijen.append((nr, {(k or "").strip(): (v or "").strip() for k, v in rij.items()}))
        return rijen


def _int(naam: str, nr: int, veld: str, waarde: str) -> int:
    try:
        return int(waarde)
    except ValueError:
        raise InvoerFout(naam, nr, veld, f"'{waarde}' is geen geheel getal") from None


def _float_of_leeg(naam: str, nr: int, veld: str, waarde: str) -> float | None:
    if not waarde:
        return None
    try:
        return float(waarde.replace(",", "."))
    except ValueError:
        raise InvoerFout(naam, nr, veld, f"'{waarde}' is geen getal") from None


def _datum(naam: str, nr: int, veld: str, waarde: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise InvoerFout(naam, nr, veld, f"'{waarde}' is geen datum (JJJJ-MM-DD)") from None


def _verplicht_veld(naam: str, nr: int, rij: dict[str, str], veld: str) -> str:
    if not rij[veld]:
        raise InvoerFout(naam, nr, veld, "mag niet leeg zijn")
    return rij[veld]


def read_themas(pad: Path) -> list[ThemaRegel]:
    themas: list[ThemaRegel] = []
    for nr, rij in _read_csv(pad, THEMAS_KOLOMMEN):
        thema_nr = _int(pad.name, nr, "nr", rij["nr"])
        if any(t.nr == thema_nr for t in themas):
            raise InvoerFout(pad.name, nr, "nr", f"thema {thema_nr} komt dubbel voor")
        titel = _verplicht_veld(pad.name, nr, rij, "titel")
        themas.append(ThemaRegel(thema_nr, titel, rij["paragraaf"], rij["ambitie"]))
    return themas


def read_afspraken(pad: Path, thema_nrs: set[int]) -> list[AfspraakRegel]:
    afspraken: list[AfspraakRegel] = []
    codes: set[str] = set()
    for nr, rij in _read_csv(pad, AFSPRAKEN_KOLOMMEN):
        code = _verplicht_veld(pad.name, nr, rij, "code")
        if code in codes:
            raise InvoerFout(pad.name, nr, "code", f"afspraak '{code}' komt dubbel voor")
        codes.add(code)
        thema = _int(pad.name, nr, "thema", rij["thema"])
        if thema not in thema_nrs:
            raise InvoerFout(pad.name, nr, "thema", f"thema {thema} bestaat niet")
        tekst = _verplicht_veld(pad.name, nr, rij, "tekst")
        afhankelijk = tuple(c.strip() for c in rij["afhankelijk_van"].split(";") if c.strip())
        bron = rij.get("afhankelijk_bron", "")
        if afhankelijk and "afhankelijk_bron" in rij and not bron:
            raise InvoerFout(
                pad.name,
                nr,
                "afhankelijk_bron",
                BRON_ONTBREEKT,
            )
        afspraken.append(AfspraakRegel(code, thema, tekst, rij["paragraaf"], afhankelijk, bron))
    for regel_nr, afspraak in enumerate(afspraken, start=2):
        for andere in afspraak.afhankelijk_van:
            if andere not in codes or andere == afspraak.code:
                raise InvoerFout(
                    pad.name, regel_nr, "afhankelijk_van", f"afspraak '{andere}' bestaat niet"
                )
    return afspraken


def read_planning(pad: Path, afspraak_codes: set[str]) -> list[PlanningRegel]:
    regels: list[PlanningRegel] = []
    for nr, rij in _read_csv(pad, PLANNING_KOLOMMEN):
        afspraak = _verplicht_veld(pad.name, nr, rij, "afspraak")
        if afspraak not in afspraak_codes:
            raise InvoerFout(pad.name, nr, "afspraak", f"afspraak '{afspraak}' bestaat niet")
        try:
            soort, datum = parse_planning(rij["planning"])
        except ValueError as fout:
            raise InvoerFout(pad.name, nr, "planning", str(fout)) from None
        bron = _verplicht_veld(pad.name, nr, rij, "bron")
        geldig_vanaf = _datum(pad.name, nr, "geldig_vanaf", rij["geldig_vanaf"])
        bron_rapport = rij.get("bron_rapport", "")
        if "bron_rapport" in rij and not bron_rapport:
            raise InvoerFout(
                pad.name,
                nr,
                "bron_rapport",
                BRON_ONTBREEKT,
            )
        regels.append(
            PlanningRegel(afspraak, soort, datum, rij["planning"], bron, geldig_vanaf, bron_rapport)
        )
    return regels


def _vraag(pad: Path, nr: int, rij: dict[str, str], thema_nrs: set[int], afspraken: set[str]):
    naam = pad.name
    actortype = rij["actortype"]
    if actortype not in ACTORTYPE_CODES:
        raise InvoerFout(naam, nr, "actortype", f"onbekend actortype '{actortype}'")
    thema = _int(naam, nr, "thema", rij["thema"]) if rij["thema"] else None
    if thema is not None and thema not in thema_nrs:
        raise InvoerFout(naam, nr, "thema", f"thema {thema} bestaat niet")
    afspraak = rij["afspraak"] or None
    if afspraak is not None and afspraak not in afspraken:
        raise InvoerFout(naam, nr, "afspraak", f"afspraak '{afspraak}' bestaat niet")
    if rij["soort"] not in VRAAG_SOORTEN:
        raise InvoerFout(naam, nr, "soort", f"soort '{rij['soort']}' onbekend")
    if (rij["soort"] == "afspraak") != (afspraak is not None):
        raise InvoerFout(naam, nr, "afspraak", "alleen vragen van soort 'afspraak' hebben er een")
    try:
        vraagtype = Vraagtype(rij["vraagtype"])
    except ValueError:
        raise InvoerFout(
            naam, nr, "vraagtype", f"vraagtype '{rij['vraagtype']}' onbekend"
        ) from None
    try:
        opties = parse_opties(rij["opties"])
    except ValueError as fout:
        raise InvoerFout(naam, nr, "opties", str(fout)) from None
    if vraagtype in (Vraagtype.KEUZE, Vraagtype.MEERKEUZE) and not opties:
        raise InvoerFout(naam, nr, "opties", "een keuzevraag heeft opties nodig")
    if rij["herkomst"] not in HERKOMSTEN:
        raise InvoerFout(naam, nr, "herkomst", f"herkomst '{rij['herkomst']}' onbekend")
    return VraagRegel(
        code=_verplicht_veld(naam, nr, rij, "code"),
        actortype=actortype,
        thema=thema,
        afspraak=afspraak,
        soort=rij["soort"],
        vraagtype=vraagtype,
        tekst=_verplicht_veld(naam, nr, rij, "tekst"),
        opties=opties,
        toon_als=rij["toon_als"],
        minimum=_float_of_leeg(naam, nr, "minimum", rij["minimum"]),
        maximum=_float_of_leeg(naam, nr, "maximum", rij["maximum"]),
        verplicht=rij["verplicht"].lower() in ("ja", "1", "true", "waar"),
        herkomst=rij["herkomst"],
        volgorde=nr - 1,
    )


def read_vragen(pad: Path, thema_nrs: set[int], afspraken: set[str]) -> list[VraagRegel]:
    vragen: list[VraagRegel] = []
    codes: set[str] = set()
    for nr, rij in _read_csv(pad, VRAGEN_KOLOMMEN):
        vraag = _vraag(pad, nr, rij, thema_nrs, afspraken)
        if vraag.code in codes:
            raise InvoerFout(pad.name, nr, "code", f"vraagcode '{vraag.code}' komt dubbel voor")
        codes.add(vraag.code)
        vragen.append(vraag)
    for vraag in vragen:
        if vraag.toon_als:
            voorwaarde_code, _, optie = vraag.toon_als.partition("=")
            if voorwaarde_code not in codes or not optie:
                raise InvoerFout(
                    pad.name, vraag.volgorde + 1, "toon_als", f"'{vraag.toon_als}' klopt niet"
                )
    return vragen


def load_vragenlijst(map_: Path, jaar: int = 2024) -> Vragenlijst:
    """All questionnaire files of one round, checked against each other."""
    themas = read_themas(map_ / "themas.csv")
    thema_nrs = {t.nr for t in themas}
    afspraken = read_afspraken(map_ / "afspraken.csv", thema_nrs)
    codes = {a.code for a in afspraken}
    planning = read_planning(map_ / "planning.csv", codes)
    vragen = read_vragen(map_ / f"vragen_{jaar}.csv", thema_nrs, codes)
    return Vragenlijst(themas, afspraken, planning, vragen)


@dataclass(frozen=True)
class RapportTelling:
    """What the published report of a round says per actortype: the number of questions it
    counts, its printed response rate, and why our questionnaire differs (shown on screen)."""

    actortype: str
    vragen: int
    respons: float | None
    toelichting: str


def read_rapport_telling(map_: Path, jaar: int) -> list[RapportTelling]:
    """``rapport_<jaar>.csv`` in the questionnaire folder; empty when the round has none."""
    pad = map_ / f"rapport_{jaar}.csv"
    if not pad.exists():
        return []
    rijen = _read_csv(pad, ("actortype", "vragen_rapport", "respons_rapport", "toelichting"))
    uit = []
    for nr, rij in rijen:
        if rij["actortype"] not in ACTORTYPE_CODES:
            raise InvoerFout(pad.name, nr, "actortype", f"'{rij['actortype']}' onbekend")
        uit.append(
            RapportTelling(
                actortype=rij["actortype"],
                vragen=_int(pad.name, nr, "vragen_rapport", rij["vragen_rapport"]),
                respons=_float_of_leeg(pad.name, nr, "respons_rapport", rij["respons_rapport"]),
                toelichting=rij["toelichting"],
            )
        )
    return uit
