"""Planning status of afspraken against a round's peildatum. Pure: frames in, frames out.

A deadline counts as passed when it lies on or before the peildatum: 'Klaar Q2 2024' ends on
30 June 2024, and a round with peildatum 30 June 2024 judges it as due.

**Achter op planning** is counted in *afspraak-vragen*: one per afspraak and actortype that
answers it (a row of :func:`planning_overzicht`). An afspraak-vraag is behind when its status
at the peildatum is 'achter op planning' (for gemeenten and regio's: the status of the majority
of their respondents). It is shown as "n van de N afspraak-vragen met een verstreken deadline"
(:func:`achter_tekst`), N being the afspraak-vragen whose deadline had passed. Start, Planning,
the slides, PDF, PPTX and the Excel report all use :func:`achter_op_planning`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from monitor.domain import NIET_BEGONNEN_OPTIES, PlanningSoort, PlanningStatus
from monitor.kengetallen.gereed import is_gereed
from monitor.opmaak.tekst import getal

ACHTER = PlanningStatus.ACHTER
BINNENKORT = PlanningStatus.BINNENKORT
OP_SCHEMA = PlanningStatus.OP_SCHEMA
AFGEROND = PlanningStatus.AFGEROND
GEEN_PLANNING = PlanningStatus.GEEN_PLANNING
GEEN_PEILDATUM = PlanningStatus.GEEN_PEILDATUM
BINNENKORT_DAGEN = 184  # half a year: from 30 June up to and including 31 December


def planning_in_kracht(planning: pd.DataFrame, peildatum: date | None) -> pd.DataFrame:
    """Per afspraak the planning version in force at the peildatum.

    That is the newest version with ``geldig_vanaf`` on or before the peildatum; when every
    version is newer (or there is no peildatum), the oldest known version.
    """
    if planning.empty:
        return planning.copy()
    gesorteerd = planning.sort_values(["afspraak_code", "geldig_vanaf"])
    if peildatum is None:
        return gesorteerd.groupby("afspraak_code", as_index=False).first()
    geldig = gesorteerd[gesorteerd["geldig_vanaf"] <= peildatum]
    laatste = geldig.groupby("afspraak_code", as_index=False).last()
    ontbrekend = gesorteerd[~gesorteerd["afspraak_code"].isin(laatste["afspraak_code"])]
    eerste = ontbrekend.groupby("afspraak_code", as_index=False).first()
    return pd.concat([laatste, eerste], ignore_index=True).sort_values("afspraak_code")


def deadline_verstreken(*, soort: str, datum: date, peildatum: date | None) -> str:
    """'Ja'/'Nee': had the deadline passed at the peildatum? A start date is no deadline:
    'n.v.t. (startdatum)'; '–' without peildatum."""
    if peildatum is None:
        return "–"
    if soort == PlanningSoort.START:
        return "n.v.t. (startdatum)"
    return "Ja" if datum <= peildatum else "Nee"


def planning_status(
    *, soort: str | None, deadline: date | None, waarde: str | None, peildatum: date | None
) -> str:
    """Where one answer stands against its deadline (see module docstring for 'passed')."""
    if is_gereed(waarde):
        return AFGEROND
    if soort is None or deadline is None:
        return GEEN_PLANNING
    if peildatum is None:
        return GEEN_PEILDATUM
    verstreken = deadline <= peildatum
    if soort == PlanningSoort.START:
        if verstreken and (waarde in NIET_BEGONNEN_OPTIES or waarde is None):
            return ACHTER
        return OP_SCHEMA if verstreken else _nog_niet_verstreken(deadline, peildatum)
    if verstreken:
        return ACHTER
    return _nog_niet_verstreken(deadline, peildatum)


def _nog_niet_verstreken(deadline: date, peildatum: date) -> str:
    binnenkort = deadline <= peildatum + timedelta(days=BINNENKORT_DAGEN)
    return BINNENKORT if binnenkort else OP_SCHEMA


OVERZICHT_KOLOMMEN = [
    "thema_nr",
    "afspraak_code",
    "afspraak",
    "actortype",
    "planning",
    "deadline",
    "status",
    "aandeel_achter",
    "n",
]


def planning_overzicht(
    *,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    planning: pd.DataFrame,
    afspraken: pd.DataFrame,
    peildatum: date | None,
    collectief: frozenset[str] = frozenset({"gemeente", "regio"}),
) -> pd.DataFrame:
    """Per afspraak-vraag with a planning: the deadline in force and where the actor stands.

    Single actors get their own status. For gemeenten and regio's ``status`` is the status of
    the majority and ``aandeel_achter`` the percentage (0–100, not rounded) of respondents
    that are behind.
    Sorted by deadline.
    """
    in_kracht = planning_in_kracht(planning, peildatum)
    if in_kracht.empty:
        return pd.DataFrame(columns=OVERZICHT_KOLOMMEN)
    eigen = vragen[vragen["afspraak_code"].isin(in_kracht["afspraak_code"])]
    per_vraag = {vraag_id: groep for vraag_id, groep in antwoorden.groupby("vraag_id")}
    plannen = {r.afspraak_code: r for r in in_kracht.itertuples()}
    teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
    rijen = []
    for vraag in eigen.itertuples():
        plan = plannen[vraag.afspraak_code]
        waarden = per_vraag.get(vraag.id, pd.DataFrame(columns=["waarde"]))["waarde"].tolist()
        statussen = [
            planning_status(soort=plan.soort, deadline=plan.datum, waarde=w, peildatum=peildatum)
            for w in waarden
        ]
        if not statussen:
            continue
        achter = 100 * statussen.count(ACHTER) / len(statussen)
        status = Counter(statussen).most_common(1)[0][0]  # ties: the first seen, stable
        rijen.append(
            (
                int(vraag.thema_nr),
                vraag.afspraak_code,
                teksten.get(vraag.afspraak_code, vraag.afspraak_code),
                vraag.actortype,
                plan.tekst,
                plan.datum,
                status,
                achter if vraag.actortype in collectief else None,
                len(statussen),
            )
        )
    return (
        pd.DataFrame(rijen, columns=OVERZICHT_KOLOMMEN)
        .sort_values(["deadline", "thema_nr", "afspraak_code"], kind="stable")
        .reset_index(drop=True)
    )


@dataclass(frozen=True)
class Achter:
    """``aantal`` afspraak-vragen behind on planning, of ``verstreken`` with a passed
    deadline (see module docstring)."""

    aantal: int
    verstreken: int


def achter_per(
    overzicht: pd.DataFrame, peildatum: date | None, per: Sequence[str] = ()
) -> pd.DataFrame:
    """Afspraak-vragen behind on planning per group of ``per`` (columns of
    :func:`planning_overzicht`, e.g. thema_nr, actortype): ``achter`` and ``verstreken``.
    Groups without a passed deadline are absent; without ``per`` one row (the total)."""
    kolommen = list(per)
    if peildatum is None or overzicht.empty:
        verstreken = overzicht.iloc[0:0]
    else:
        verstreken = overzicht[overzicht["deadline"] <= peildatum]
    verstreken = verstreken.assign(achter=verstreken["status"] == ACHTER)
    if not kolommen:
        return pd.DataFrame(
            {"achter": [int(verstreken["achter"].sum())], "verstreken": [len(verstreken)]}
        )
    if verstreken.empty:
        return pd.DataFrame(columns=[*kolommen, "achter", "verstreken"])
    uit = verstreken.groupby(kolommen, as_index=False).agg(
        achter=("achter", "sum"), verstreken=("achter", "size")
    )
    return uit.astype({"achter": "int64", "verstreken": "int64"})


def achter_op_planning(overzicht: pd.DataFrame, peildatum: date | None) -> Achter:
    """The afspraak-vragen behind on planning at the peildatum, of those whose deadline had
    passed. ``overzicht`` comes from :func:`planning_overzicht` for the same peildatum."""
    rij = achter_per(overzicht, peildatum).iloc[0]
    return Achter(int(rij["achter"]), int(rij["verstreken"]))


def achter_tekst(achter: Achter) -> str:
    """'23 van de 47 afspraak-vragen met een verstreken deadline' (the one wording)."""
    if not achter.verstreken:
        return "geen afspraak-vragen met een verstreken deadline"
    return (
        f"{getal(achter.aantal)} van de {getal(achter.verstreken)} afspraak-vragen met een "
        "verstreken deadline"
    )


VERSCHUIVING_KOLOMMEN = [
    "afspraak_code",
    "versie",
    "tekst",
    "bron",
    "geldig_vanaf",
    "deadline",
    "maanden_verschoven",
]


def maanden_tussen(van: date, naar: date) -> int:
    """Whole calendar months from ``van`` to ``naar`` (negative when earlier): Q4 2024 → Q2
    2025 is 6."""
    return (naar.year - van.year) * 12 + (naar.month - van.month)


def planning_verschuivingen(planning: pd.DataFrame) -> pd.DataFrame:
    """Every version of the afspraken whose deadline has more than one version.

    One row per version, oldest first (by ``geldig_vanaf``), numbered from 1; ``deadline`` is
    the version's date and ``maanden_verschoven`` how many months it moved against the previous
    version (None for the first). Afspraken with a single version are left out.
    """
    if planning.empty:
        return pd.DataFrame(columns=VERSCHUIVING_KOLOMMEN)
    rijen = []
    gesorteerd = planning.sort_values(["afspraak_code", "geldig_vanaf"], kind="stable")
    for code, groep in gesorteerd.groupby("afspraak_code", sort=True):
        if len(groep) < 2:
            continue
        vorige = None
        for nr, versie in enumerate(groep.itertuples(), start=1):
            verschoven = None if vorige is None else maanden_tussen(vorige, versie.datum)
            rijen.append(
                (code, nr, versie.tekst, versie.bron, versie.geldig_vanaf, versie.datum, verschoven)
            )
            vorige = versie.datum
    return pd.DataFrame(rijen, columns=VERSCHUIVING_KOLOMMEN)
