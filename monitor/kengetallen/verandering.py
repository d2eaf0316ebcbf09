"""What changed since the previous round, per vraag and per thema. Pure: frames in, frames out.

A vraag of a round is compared with the vraag it continues (``voorganger_id``), also when its
code or wording changed between the rounds. A vraag without a predecessor in the previous round
(new this round) is left out.
"""

from __future__ import annotations

import pandas as pd

from monitor.kengetallen import gereed
from monitor.opmaak.tekst import procent

VRAAG_KOLOMMEN = [
    "vraag_id",
    "code",
    "code_vorig",
    "tekst",
    "tekst_gewijzigd",
    "thema_nr",
    "actortype",
    "vraagtype",
    "n_vorig",
    "n",
    "verdeling_vorig",
    "verdeling",
    "afgerond_vorig",
    "afgerond",
    "verschil",
]
THEMA_KOLOMMEN = ["thema_nr", "actortype", "index_vorig", "index", "verschil"]


def verdeling_tekst(groep: pd.DataFrame) -> str:
    """'70% Ja · 30% Nee' (options nobody chose left out); '–' when nobody answered."""
    if groep.empty or not groep["n"].iloc[0]:
        return "–"
    return " · ".join(f"{procent(r.percentage)} {r.label}" for r in groep.itertuples() if r.aantal)


def _gereed_per_vraag(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> dict[int, float]:
    tabel = gereed.aandeel_gereed_per(vragen, antwoorden, per=("vraag_id",))
    return {int(v): float(p) for v, p in zip(tabel["vraag_id"], tabel["percentage"], strict=True)}


def verandering_per_vraag(
    *,
    vragen: pd.DataFrame,
    verdeling: pd.DataFrame,
    antwoorden: pd.DataFrame,
    vragen_vorig: pd.DataFrame,
    verdeling_vorig: pd.DataFrame,
    antwoorden_vorig: pd.DataFrame,
) -> pd.DataFrame:
    """Per vraag with options that continues a vraag of the previous round: both distributions
    and, for afspraak status questions, the share gereed (kengetallen.gereed, 0–100) then and
    now and the change in percentage points (``verschil``; NaN when either round has no
    answers)."""
    gereed_nu = _gereed_per_vraag(vragen, antwoorden)
    gereed_toen = _gereed_per_vraag(vragen_vorig, antwoorden_vorig)
    vorige = {int(r.id): r for r in vragen_vorig.itertuples()}
    nu_per_vraag = {v: g for v, g in verdeling.groupby("vraag_id")}
    vorig_per_vraag = {v: g for v, g in verdeling_vorig.groupby("vraag_id")}
    leeg = pd.DataFrame(columns=verdeling.columns)
    rijen = []
    for vraag in vragen.itertuples():
        if pd.isna(vraag.voorganger_id) or int(vraag.voorganger_id) not in vorige:
            continue
        if vraag.id not in nu_per_vraag:  # no options: number or text questions
            continue
        oud = vorige[int(vraag.voorganger_id)]
        nu, toen = nu_per_vraag[vraag.id], vorig_per_vraag.get(oud.id, leeg)
        afgerond = gereed_nu.get(int(vraag.id))
        afgerond_vorig = gereed_toen.get(int(oud.id))
        verschil = None if afgerond is None or afgerond_vorig is None else afgerond - afgerond_vorig
        rijen.append(
            (
                vraag.id,
                vraag.code,
                oud.code,
                vraag.tekst,
                vraag.tekst != oud.tekst,
                vraag.thema_nr,
                vraag.actortype,
                vraag.vraagtype,
                int(toen["n"].iloc[0]) if len(toen) else 0,
                int(nu["n"].iloc[0]),
                verdeling_tekst(toen),
                verdeling_tekst(nu),
                afgerond_vorig,
                afgerond,
                verschil,
            )
        )
    return pd.DataFrame(rijen, columns=VRAAG_KOLOMMEN)


def verandering_per_thema(index: pd.DataFrame, index_vorig: pd.DataFrame) -> pd.DataFrame:
    """Per thema and actortype the mean voortgangsindex (0–100) then and now and the change
    (points on that scale).

    Both inputs come from ``gereed.voortgangsindex(..., per=("thema_nr", "actortype"))``.
    A thema/actortype present in only one round gets NaN for the other and for ``verschil``.
    """
    sleutel = ["thema_nr", "actortype"]
    samen = index[[*sleutel, "index"]].merge(
        index_vorig[[*sleutel, "index"]].rename(columns={"index": "index_vorig"}),
        on=sleutel,
        how="outer",
    )
    samen = samen.astype({"index": "float64", "index_vorig": "float64"})
    samen["verschil"] = samen["index"] - samen["index_vorig"]
    return samen[THEMA_KOLOMMEN].sort_values(sleutel, kind="stable").reset_index(drop=True)
