"""Deterministic demo data: round 2024 reproduces the published national figures of the 2024
report; later rounds evolve from it with plausible progress.

Pure: the generator takes the questionnaire and the organisations and returns answers; the
CLI stores them (``python -m monitor demo``). The targets live in ``data/demo/``:

- ``landelijk_2024.csv``: the answers of Rijk, VNG, BGZJ, SBJ and KBL (from the report where it
  says them, else marked as an assumption), with toelichtingen in our own words;
- ``verdelingen_2024.csv``: per gemeente/regio vraag the counts per option that reproduce the
  report's percentages (``groep`` narrows to a size class);
- ``toelichtingen.csv``: a pool of fictitious toelichtingen.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from monitor.domain import VOORTGANG_SCORE, Vraagtype, opties_voor, parse_opties

DEMO_SEED = 2024
NIET_RESPONDERENDE_GROTE_GEMEENTEN = 1  # the report's size split implies 31 of 32 responded
RESPONDENTEN_2024 = {"gemeente": 308, "regio": 41}
GROOT = 100_000  # the report's split for the domeinoverstijgende aanpak
TOELICHTING_KANS = 0.35
VERVOLG_UITVAL = {"gemeente": 7, "regio": 1}  # respondents of a round that skip the next
VERVOLG_NIEUW = {"gemeente": 12, "regio": 1}  # non-respondents that join the next round

ORDINALE_TYPES = (Vraagtype.STATUS4, Vraagtype.JANEE, Vraagtype.LIKERT5)


@dataclass(frozen=True)
class DemoVraag:
    code: str
    actortype: str
    vraagtype: str
    soort: str
    opties: tuple[str, ...]  # option codes in order (empty for numbers and text)
    toon_als: str = ""
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Verdeling:
    vraag: str
    groep: str
    n: int
    aantallen: dict[str, int] = field(default_factory=dict)
    gemiddelde: float | None = None


@dataclass(frozen=True)
class LandelijkAntwoord:
    vraag: str
    waarde: str
    toelichting: str


@dataclass
class DemoDoelen:
    landelijk: list[LandelijkAntwoord]
    verdelingen: list[Verdeling]
    toelichtingen: dict[tuple[str, str], list[str]]


@dataclass(frozen=True)
class DemoAntwoord:
    organisatie_code: str
    vraag_code: str
    waarde: str | None
    toelichting: str | None


def _csv_rows(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(handle)]


def _parse_verdeling(rij: dict[str, str]) -> Verdeling:
    aantallen: dict[str, int] = {}
    gemiddelde = None
    for deel in filter(None, rij["verdeling"].split("|")):
        sleutel, _, waarde = deel.partition("=")
        if sleutel.strip() == "gemiddelde":
            gemiddelde = float(waarde)
        else:
            aantallen[sleutel.strip()] = int(waarde)
    return Verdeling(rij["vraag"], rij["groep"], int(rij["n"]), aantallen, gemiddelde)


def load_doelen(map_: Path) -> DemoDoelen:
    landelijk = [
        LandelijkAntwoord(r["vraag"], r["waarde"], r["toelichting"])
        for r in _csv_rows(map_ / "landelijk_2024.csv")
    ]
    verdelingen = [_parse_verdeling(r) for r in _csv_rows(map_ / "verdelingen_2024.csv")]
    toelichtingen: dict[tuple[str, str], list[str]] = {}
    for rij in _csv_rows(map_ / "toelichtingen.csv"):
        toelichtingen.setdefault((rij["soort"], rij["optie"]), []).append(rij["tekst"])
    return DemoDoelen(landelijk, verdelingen, toelichtingen)


def demo_vragen(vragen: pd.DataFrame) -> list[DemoVraag]:
    """The questionnaire of a round (``queries.vragen_frame``) as the generator needs it."""
    uitkomst = []
    for v in vragen.itertuples():
        opties = tuple(o.code for o in opties_voor(v.vraagtype, parse_opties(v.opties or "")))
        uitkomst.append(
            DemoVraag(
                code=v.code,
                actortype=v.actortype,
                vraagtype=v.vraagtype,
                soort=v.soort,
                opties=opties,
                toon_als=v.toon_als or "",
                minimum=_getal_of_none(getattr(v, "minimum", None)),
                maximum=_getal_of_none(getattr(v, "maximum", None)),
            )
        )
    return uitkomst


def _getal_of_none(waarde: object) -> float | None:
    """Bounds come from a frame: an empty cell is NaN there, and means 'no bound'."""
    return None if waarde is None or pd.isna(waarde) else float(waarde)


# --- round 2024 -------------------------------------------------------------------------------


def kies_respondenten(organisaties: pd.DataFrame, rng: random.Random) -> dict[str, list[str]]:
    """Who responded in 2024, per collectief actortype: 308 gemeenten, 41 regio's.

    31 of the 32 gemeenten above 100.000 inwoners respond (the report's size split implies it).
    """
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"]
    groot = sorted(gemeenten.loc[gemeenten["inwoners"] > GROOT, "code"])
    klein = sorted(gemeenten.loc[gemeenten["inwoners"] <= GROOT, "code"])
    groot_mee = rng.sample(groot, len(groot) - NIET_RESPONDERENDE_GROTE_GEMEENTEN)
    klein_mee = rng.sample(klein, RESPONDENTEN_2024["gemeente"] - len(groot_mee))
    regios = sorted(organisaties.loc[organisaties["actortype"] == "regio", "code"])
    return {
        "gemeente": sorted(groot_mee + klein_mee),
        "regio": sorted(rng.sample(regios, RESPONDENTEN_2024["regio"])),
    }


def _neiging(codes: Sequence[str], rng: random.Random) -> dict[str, float]:
    """A latent 'how far along' per organisation, so that answers hang together."""
    return {code: rng.gauss(0, 1) for code in codes}


def _oplopend(opties: tuple[str, ...]) -> tuple[str, ...]:
    """Options from least to most progress ('nee' before 'ja'; status and beleving as listed)."""
    if all(o in VOORTGANG_SCORE for o in opties):
        return tuple(sorted(opties, key=lambda o: VOORTGANG_SCORE[o]))
    return opties


def _verdeel_ordinaal(
    kandidaten: list[str], verdeling: Verdeling, opties: tuple[str, ...], neiging, rng
) -> dict[str, str]:
    """Exact counts per option; organisations further along get the higher options."""
    volgorde = sorted(kandidaten, key=lambda c: neiging[c] + rng.gauss(0, 0.9))
    waarden = [o for o in _oplopend(opties) for _ in range(verdeling.aantallen.get(o, 0))]
    return dict(zip(volgorde, waarden, strict=True))


def _verdeel_keuze(kandidaten: list[str], verdeling: Verdeling, opties, rng) -> dict[str, str]:
    waarden = [o for o in opties for _ in range(verdeling.aantallen.get(o, 0))]
    rng.shuffle(waarden)
    return dict(zip(kandidaten, waarden, strict=True))


def _verdeel_meerkeuze(kandidaten: list[str], verdeling: Verdeling, opties, rng) -> dict[str, str]:
    """Each option ticked by exactly its count; nobody ends up with an empty answer."""
    gekozen: dict[str, set[str]] = {c: set() for c in kandidaten}
    for optie in opties:
        for code in rng.sample(kandidaten, verdeling.aantallen.get(optie, 0)):
            gekozen[code].add(optie)
    for leeg in [c for c in kandidaten if not gekozen[c]]:
        donor = next((c for c in kandidaten if len(gekozen[c]) > 1), None)
        if donor is None:
            break
        optie = sorted(gekozen[donor])[0]
        gekozen[donor].discard(optie)
        gekozen[leeg].add(optie)
    return {c: ";".join(o for o in opties if o in s) for c, s in gekozen.items() if s}


def _verdeel_getal(kandidaten: list[str], vraag: DemoVraag, verdeling: Verdeling, rng):
    """Skewed numbers whose mean equals the target (to the unit)."""
    doel = verdeling.gemiddelde or 0.0
    ruw = [rng.lognormvariate(0, 0.7) for _ in kandidaten]
    schaal = doel / (sum(ruw) / len(ruw)) if ruw else 0
    bovengrens = vraag.maximum if vraag.maximum is not None else float("inf")
    waarden = [min(bovengrens, round(w * schaal)) for w in ruw]
    verschil = round(doel * len(waarden) - sum(waarden))
    stap = 1 if verschil > 0 else -1
    index = 0
    while verschil and waarden:
        i = index % len(waarden)
        nieuw = waarden[i] + stap
        if 0 <= nieuw <= bovengrens:
            waarden[i] = nieuw
            verschil -= stap
        index += 1
    return {c: str(int(w)) for c, w in zip(kandidaten, waarden, strict=True)}


def _in_groep(groep: str, inwoners: dict[str, int], code: str) -> bool:
    if not groep:
        return True
    if groep == f"inwoners>{GROOT}":
        return inwoners.get(code, 0) > GROOT
    if groep == f"inwoners<={GROOT}":
        return inwoners.get(code, 0) <= GROOT
    raise ValueError(f"groep '{groep}' onbekend")


def _kandidaten(
    vraag: DemoVraag, verdeling: Verdeling, respondenten, inwoners, gegeven, rng
) -> list[str]:
    """Who answers this vraag: n of the respondents in the group (and meeting toon_als)."""
    pool = [c for c in respondenten if _in_groep(verdeling.groep, inwoners, c)]
    if vraag.toon_als:
        voorwaarde, _, optie = vraag.toon_als.partition("=")
        pool = [c for c in pool if optie in gegeven.get((c, voorwaarde), "").split(";")]
    if verdeling.n > len(pool):
        raise ValueError(f"{vraag.code}: n={verdeling.n}, maar er zijn maar {len(pool)} kandidaten")
    return sorted(rng.sample(pool, verdeling.n))


def _toelichting(vraag: DemoVraag, waarde: str, doelen: DemoDoelen, rng) -> str | None:
    if rng.random() > TOELICHTING_KANS:
        return None
    soort = {
        Vraagtype.STATUS4: "status",
        Vraagtype.JANEE: "janee",
        Vraagtype.LIKERT5: "beleving",
    }.get(Vraagtype(vraag.vraagtype), "informatie")
    optie = waarde.split(";")[0]
    pool = doelen.toelichtingen.get((soort, optie)) or doelen.toelichtingen.get((soort, "*"))
    return rng.choice(pool) if pool else None


def generate_2024(
    *,
    vragen: list[DemoVraag],
    organisaties: pd.DataFrame,
    doelen: DemoDoelen,
    seed: int = DEMO_SEED,
) -> list[DemoAntwoord]:
    """All answers of the demo round 2024."""
    rng = random.Random(seed)
    respondenten = kies_respondenten(organisaties, rng)
    inwoners = dict(zip(organisaties["code"], organisaties["inwoners"].fillna(0), strict=True))
    neiging = _neiging([c for codes in respondenten.values() for c in codes], rng)
    per_vraag: dict[str, list[Verdeling]] = {}
    for verdeling in doelen.verdelingen:
        per_vraag.setdefault(verdeling.vraag, []).append(verdeling)
    gegeven: dict[tuple[str, str], str] = {}
    antwoorden: list[DemoAntwoord] = []
    for vraag in vragen:  # questionnaire order: a follow-up comes after its condition
        for verdeling in per_vraag.get(vraag.code, []):
            groep = respondenten[vraag.actortype]
            kandidaten = _kandidaten(vraag, verdeling, groep, inwoners, gegeven, rng)
            toegekend = _verdeel(vraag, verdeling, kandidaten, neiging, rng)
            for code, waarde in toegekend.items():
                gegeven[(code, vraag.code)] = waarde
                toelichting = _toelichting(vraag, waarde, doelen, rng)
                antwoorden.append(DemoAntwoord(code, vraag.code, waarde, toelichting))
    antwoorden.extend(_landelijk(vragen, organisaties, doelen))
    return antwoorden


def _verdeel(vraag: DemoVraag, verdeling: Verdeling, kandidaten, neiging, rng) -> dict[str, str]:
    vraagtype = Vraagtype(vraag.vraagtype)
    if vraagtype in ORDINALE_TYPES:
        return _verdeel_ordinaal(kandidaten, verdeling, vraag.opties, neiging, rng)
    if vraagtype == Vraagtype.KEUZE:
        return _verdeel_keuze(kandidaten, verdeling, vraag.opties, rng)
    if vraagtype == Vraagtype.MEERKEUZE:
        return _verdeel_meerkeuze(kandidaten, verdeling, vraag.opties, rng)
    if vraagtype in (Vraagtype.GETAL, Vraagtype.BEDRAG):
        return _verdeel_getal(kandidaten, vraag, verdeling, rng)
    return {}


def _landelijk(vragen, organisaties: pd.DataFrame, doelen: DemoDoelen) -> list[DemoAntwoord]:
    """The answers of the single national actors, as the report gives them."""
    org_per_actortype = dict(zip(organisaties["actortype"], organisaties["code"], strict=False))
    actortype = {v.code: v.actortype for v in vragen}
    return [
        DemoAntwoord(
            org_per_actortype[actortype[a.vraag]], a.vraag, a.waarde or None, a.toelichting or None
        )
        for a in doelen.landelijk
        if a.vraag in actortype
    ]


# --- later rounds -----------------------------------------------------------------------------


def _volgende_ordinaal(waarde: str, opties: tuple[str, ...], rng: random.Random) -> str:
    """One step forward often, backward now and then (a regression), else unchanged."""
    opties = _oplopend(opties)
    i = opties.index(waarde)
    kans = rng.random()
    if kans < 0.35 and i + 1 < len(opties):
        return opties[i + 1]
    if kans > 0.985 and i > 0:
        return opties[i - 1]
    return waarde


def evolve(
    *,
    vorige: list[DemoAntwoord],
    vragen: list[DemoVraag],
    organisaties: pd.DataFrame,
    doelen: DemoDoelen,
    seed: int,
) -> list[DemoAntwoord]:
    """The next round: most respondents again, a few drop out, a few join; answers move on.

    Newcomers start from the answers of a random earlier respondent of their kind. A follow-up
    answer is dropped when its condition no longer holds.
    """
    rng = random.Random(seed)
    vraag_per_code = {v.code: v for v in vragen}
    per_org: dict[str, dict[str, DemoAntwoord]] = {}
    for antwoord in vorige:
        per_org.setdefault(antwoord.organisatie_code, {})[antwoord.vraag_code] = antwoord
    actortype_van = dict(zip(organisaties["code"], organisaties["actortype"], strict=True))
    deelnemers = _volgende_deelnemers(per_org, organisaties, actortype_van, rng)
    uitkomst: list[DemoAntwoord] = []
    for code, voorbeeld in deelnemers:
        nieuw: dict[str, DemoAntwoord] = {}
        for vraag_code, antwoord in sorted(per_org[voorbeeld].items()):
            vraag = vraag_per_code.get(vraag_code)
            if vraag is None:
                continue
            waarde = _volgende_waarde(vraag, antwoord.waarde, rng)
            toelichting = antwoord.toelichting if code == voorbeeld else None
            if toelichting is None and waarde is not None:
                toelichting = _toelichting(vraag, waarde, doelen, rng)
            nieuw[vraag_code] = DemoAntwoord(code, vraag_code, waarde, toelichting)
        uitkomst += [
            a for a in nieuw.values() if _voorwaarde_klopt(vraag_per_code[a.vraag_code], nieuw)
        ]
    return uitkomst


def _voorwaarde_klopt(vraag: DemoVraag, antwoorden: dict[str, DemoAntwoord]) -> bool:
    if not vraag.toon_als:
        return True
    voorwaarde, _, optie = vraag.toon_als.partition("=")
    gegeven = antwoorden.get(voorwaarde)
    return gegeven is not None and optie in (gegeven.waarde or "").split(";")


def _volgende_deelnemers(per_org, organisaties, actortype_van, rng) -> list[tuple[str, str]]:
    """(organisation, whose previous answers it starts from) for the next round."""
    deelnemers = []
    for actortype in ("gemeente", "regio"):
        vorig = sorted(c for c in per_org if actortype_van[c] == actortype)
        alle = sorted(organisaties.loc[organisaties["actortype"] == actortype, "code"])
        nieuw_pool = [c for c in alle if c not in per_org]
        weg = set(rng.sample(vorig, min(VERVOLG_UITVAL[actortype], len(vorig))))
        nieuw = rng.sample(nieuw_pool, min(VERVOLG_NIEUW[actortype], len(nieuw_pool)))
        deelnemers += [(c, c) for c in vorig if c not in weg]
        deelnemers += [(c, rng.choice(vorig)) for c in sorted(nieuw)]
    deelnemers += [(c, c) for c in sorted(per_org) if actortype_van[c] not in ("gemeente", "regio")]
    return deelnemers


def _volgende_waarde(vraag: DemoVraag, waarde: str | None, rng: random.Random) -> str | None:
    if waarde is None:
        return None
    vraagtype = Vraagtype(vraag.vraagtype)
    if vraagtype in ORDINALE_TYPES and waarde in vraag.opties:
        return _volgende_ordinaal(waarde, vraag.opties, rng)
    if vraagtype in (Vraagtype.GETAL, Vraagtype.BEDRAG):
        nieuw = max(0, round(float(waarde) * rng.uniform(0.85, 1.2)))
        if vraag.maximum is not None:
            nieuw = min(nieuw, int(vraag.maximum))
        return str(nieuw)
    return waarde
