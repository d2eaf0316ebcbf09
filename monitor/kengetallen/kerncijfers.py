"""The two headline figures per thema and actortype, as every surface shows them: the share
gereed (kengetallen.gereed) and the afspraak-vragen achter op planning (kengetallen.planning).

Pure: frames in, frames out. The Thema's and Planning pages, the PDF and the Excel report
read this table; the texts come from :func:`gereed_tekst` and ``planning.achter_tekst``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from monitor.domain import ACTORTYPES
from monitor.kengetallen import gereed
from monitor.kengetallen import planning as planning_mod
from monitor.opmaak.tekst import getal, procent

KOLOMMEN = ["thema_nr", "actortype", "gereed", "totaal", "percentage", "achter", "verstreken"]


def per_thema_actor(
    *,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    planning_overzicht: pd.DataFrame,
    peildatum: date | None,
) -> pd.DataFrame:
    """Per thema and actortype: ``gereed`` of ``totaal`` answers to status questions and the
    ``percentage`` (0–100, not rounded); ``achter`` of ``verstreken`` afspraak-vragen behind
    on planning (0 of 0 without a passed deadline). Thema's in order, actortypes in the
    Hervormingsagenda order; only pairs with answers or a passed deadline."""
    sleutel = ["thema_nr", "actortype"]
    aandeel = gereed.aandeel_gereed_per(vragen, antwoorden, per=sleutel)
    achter = planning_mod.achter_per(planning_overzicht, peildatum, per=sleutel)
    if aandeel.empty and achter.empty:
        return pd.DataFrame(columns=KOLOMMEN)
    for frame in (aandeel, achter):
        frame["thema_nr"] = frame["thema_nr"].astype("int64")
    samen = aandeel.merge(achter, on=sleutel, how="outer")
    samen = samen.fillna({"gereed": 0, "totaal": 0, "achter": 0, "verstreken": 0}).astype(
        {"gereed": "int64", "totaal": "int64", "achter": "int64", "verstreken": "int64"}
    )
    volgorde = {a.code: i for i, a in enumerate(ACTORTYPES)}
    samen = samen.assign(_actor=samen["actortype"].map(volgorde))
    samen = samen.sort_values(["thema_nr", "_actor"], kind="stable")
    samen["percentage"] = samen["percentage"].astype(float)
    return samen[KOLOMMEN].reset_index(drop=True)


def gereed_tekst(aandeel: gereed.Aandeel) -> str:
    """'81% (252 van 313 antwoorden)'; '–' without answers."""
    if not aandeel.totaal:
        return "–"
    aantallen = f"{getal(aandeel.aantal)} van {getal(aandeel.totaal)} antwoorden"
    return f"{procent(aandeel.percentage)} ({aantallen})"


def aandeel(rij: pd.Series) -> gereed.Aandeel:
    """The share gereed of one row of :func:`per_thema_actor`."""
    return gereed.Aandeel(int(rij["gereed"]), int(rij["totaal"]))


def regel(actor_label: str, rij: pd.Series) -> str:
    """One actor's line, the same on the Thema's page and in the PDF: 'Gemeenten: afgerond of
    ja 81% (252 van 313 antwoorden); achter op planning: 2 van de 5 afspraak-vragen met een
    verstreken deadline'."""
    achter = planning_mod.Achter(int(rij["achter"]), int(rij["verstreken"]))
    return (
        f"{actor_label}: afgerond of ja {gereed_tekst(aandeel(rij))}; "
        f"achter op planning: {planning_mod.achter_tekst(achter)}"
    )


def achter_kort(achter: int, verstreken: int) -> str:
    """'2 van 5' afspraak-vragen behind, of those with a passed deadline."""
    return f"{getal(achter)} van {getal(verstreken)}"
