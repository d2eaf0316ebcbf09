"""'Wacht op …': the prerequisites of an afspraak that are not done yet. Pure: frames in, out.

An afspraak names the afspraken it depends on (``afhankelijk_van`` in
``data/vragenlijst/afspraken.csv``). A prerequisite counts as **done** in a round when, for every
actortype that answers it, its share gereed (kengetallen.gereed) is more than 50%: more than
half of that actortype's answers are 'afgerond' or 'ja' (a single actor: its own answer). A
prerequisite nobody answered in the round is unknown and is not listed: the monitor cannot say
it is not done.
"""

from __future__ import annotations

import pandas as pd

from monitor.kengetallen.gereed import aandeel_gereed_per
from monitor.opmaak.tekst import afkorten


def afgeronde_afspraken(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> dict[str, bool]:
    """Per afspraak answered in the round: True when done (see module docstring)."""
    per_actor = aandeel_gereed_per(vragen, antwoorden, per=("afspraak_code", "actortype"))
    if per_actor.empty:
        return {}
    klaar = per_actor["percentage"] > 50
    return {
        str(code): bool(groep.all()) for code, groep in klaar.groupby(per_actor["afspraak_code"])
    }


def wacht_op(*, afhankelijkheden: pd.DataFrame, afgerond: dict[str, bool]) -> dict[str, list[str]]:
    """Per afspraak the codes of its prerequisites that are not done, in code order.

    ``afhankelijkheden`` has columns afspraak_code and hangt_af_van; ``afgerond`` comes from
    :func:`afgeronde_afspraken`. Afspraken waiting on nothing are left out.
    """
    uitkomst: dict[str, list[str]] = {}
    for rij in afhankelijkheden.sort_values(["afspraak_code", "hangt_af_van"]).itertuples():
        if afgerond.get(rij.hangt_af_van) is False:
            uitkomst.setdefault(rij.afspraak_code, []).append(rij.hangt_af_van)
    return uitkomst


AFGELEID_MERK = "[afgeleid]"


def is_afgeleid(bron: object) -> bool:
    """A dependency or planning whose source is our inference ('afgeleid: …'), not the report."""
    return isinstance(bron, str) and bron.strip().lower().startswith("afgeleid")


def afgeleid_per_afspraak(afhankelijkheden: pd.DataFrame) -> dict[str, set[str]]:
    """Per afspraak the prerequisites that are only inferred (see :func:`is_afgeleid`)."""
    uit: dict[str, set[str]] = {}
    if "bron" not in afhankelijkheden.columns:
        return uit
    for rij in afhankelijkheden[afhankelijkheden["bron"].map(is_afgeleid)].itertuples():
        uit.setdefault(rij.afspraak_code, set()).add(rij.hangt_af_van)
    return uit


def wacht_op_tekst(
    codes: list[str],
    teksten: dict[str, str],
    lengte: int = 60,
    afgeleid: set[str] | frozenset[str] = frozenset(),
) -> str:
    """'wacht op A7.01 (De standaarden…); A7.02 (…) [afgeleid]'; '' when waiting on nothing.

    A prerequisite in ``afgeleid`` is our inference, not the report's: it is marked so."""
    if not codes:
        return ""
    delen = [
        f"{c} ({afkorten(teksten.get(c, c), lengte)})"
        + (f" {AFGELEID_MERK}" if c in afgeleid else "")
        for c in codes
    ]
    return "wacht op " + "; ".join(delen)


def afhankelijkheden_tabel(afhankelijkheden: pd.DataFrame, teksten: dict[str, str]) -> pd.DataFrame:
    """Every dependency with its source, inferred ones marked: for the Planning page.

    Columns: afspraak ('A7.15 Specialistische…'), wacht_op ('A6.01 Het wetsvoorstel…'), bron
    ('[afgeleid] afgeleid: …' or the report's line).
    """
    rijen = [
        (
            f"{r.afspraak_code} {afkorten(teksten.get(r.afspraak_code, ''), 60)}",
            f"{r.hangt_af_van} {afkorten(teksten.get(r.hangt_af_van, ''), 60)}",
            f"{AFGELEID_MERK} {r.bron}" if is_afgeleid(r.bron) else (r.bron or "–"),
        )
        for r in afhankelijkheden.sort_values(["afspraak_code", "hangt_af_van"]).itertuples()
    ]
    return pd.DataFrame(rijen, columns=["afspraak", "wacht_op", "bron"])
