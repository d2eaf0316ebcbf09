"""Shared afspraken that the single national actors answer differently. Pure: frames in,
frame out."""

from __future__ import annotations

import pandas as pd

from monitor.domain import ACTORTYPES, optie_label
from monitor.kengetallen.gereed import voortgang_score
from monitor.rechten import Zicht

ENKELE_ACTOREN = tuple(a.code for a in ACTORTYPES if not a.collectief)
KOLOMMEN = ["thema_nr", "afspraak_code", "afspraak", "actortype", "antwoord", "toelichting"]


def verschillen(
    *,
    zicht: Zicht,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    afspraken: pd.DataFrame,
) -> pd.DataFrame:
    """Per afspraak answered by two or more single actors whose progress differs, one row per
    actor with its answer (Dutch label) and toelichting, actors in the Hervormingsagenda order.

    Progress is compared on the voortgang score, so 'Ja' and 'Afgerond' count as the same.
    The single national actors' answers are the totals of their actortype (as in the published
    report); a toelichting only where the gate (``zicht``) shows the actor by its own name.
    """
    genoemd = zicht.genoemd
    eigen = vragen[vragen["actortype"].isin(ENKELE_ACTOREN) & vragen["afspraak_code"].notna()]
    frame = antwoorden.merge(
        eigen[["id", "actortype", "afspraak_code", "thema_nr"]], left_on="vraag_id", right_on="id"
    )
    frame = frame[frame["waarde"].notna()]
    frame = frame.assign(score=frame["waarde"].map(voortgang_score))
    volgorde = {code: i for i, code in enumerate(ENKELE_ACTOREN)}
    teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
    rijen = []
    for afspraak_code, groep in frame.groupby("afspraak_code", sort=True):
        if groep["actortype"].nunique() < 2 or groep["score"].nunique(dropna=False) < 2:
            continue
        for rij in sorted(groep.itertuples(), key=lambda r: volgorde[r.actortype]):
            rijen.append(
                (
                    int(rij.thema_nr),
                    afspraak_code,
                    teksten.get(afspraak_code, afspraak_code),
                    rij.actortype,
                    optie_label(rij.waarde),
                    (rij.toelichting or "") if rij.organisatie_code in genoemd else "",
                )
            )
    return (
        pd.DataFrame(rijen, columns=KOLOMMEN)
        .sort_values(["thema_nr", "afspraak_code"], kind="stable")
        .reset_index(drop=True)
    )
