"""What a figure about the afspraken is, defined once. Pure: frames in, frames out.

- **Status question**: a vraag of soort 'afspraak' answered with a status (status4) or with
  ja/nee (janee). Only these count towards "gereed" and the voortgangsindex.
- **Status group**: status and ja/nee answers on one scale (``domain.STATUS_GROEP``): 'ja'
  counts as afgerond, 'nee' as nog niet begonnen. Labels and colours come from domain.
- **Gereed**: a single answer 'afgerond' or 'ja' (``domain.GEREED_OPTIES``).
- **Share gereed**: of the answers to status questions with a valid status or ja/nee value,
  how many are gereed. Every answer counts once (308 gemeenten weigh more than one Rijk).
  Percentages are 0–100 and never rounded here; rounding happens only when a figure is shown,
  through ``monitor.opmaak.tekst``.
- **Voortgangsindex**: the mean voortgang score (``domain.VOORTGANG_SCORE``) of the answers to
  status questions, on 0–100.

Only submitted answers count: an antwoorden frame with a ``status`` column is limited to
'ingediend' (frames loaded with ``alleen_ingediend=True`` have nothing else).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from monitor.domain import (
    GEREED_OPTIES,
    OPTIE_KLEUREN,
    STATUS_GROEP,
    STATUS_GROEP_LABELS,
    VOORTGANG_SCORE,
    Vraagtype,
)

STATUS_VRAAGTYPES: tuple[str, ...] = (str(Vraagtype.STATUS4), str(Vraagtype.JANEE))
STATUS_GROEPEN: tuple[str, ...] = tuple(STATUS_GROEP_LABELS)
STATUS_GROEP_KLEUREN: dict[str, str] = {groep: OPTIE_KLEUREN[groep] for groep in STATUS_GROEPEN}
VRAAG_KOLOMMEN = ("thema_nr", "actortype", "afspraak_code", "vraagtype")


@dataclass(frozen=True)
class Aandeel:
    """``aantal`` of ``totaal`` answers; ``percentage`` 0–100 (None without answers)."""

    aantal: int
    totaal: int

    @property
    def percentage(self) -> float | None:
        return 100 * self.aantal / self.totaal if self.totaal else None


def _codes(waarde: object) -> list[str]:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return []
    return [deel for deel in str(waarde).split(";") if deel]


def status_vragen(vragen: pd.DataFrame) -> pd.DataFrame:
    """The afspraak status questions (status4 or janee) among ``vragen``."""
    return vragen[(vragen["soort"] == "afspraak") & vragen["vraagtype"].isin(STATUS_VRAAGTYPES)]


def status_groep(waarde: object) -> str | None:
    """The status group of one stored answer; None when it is no single status or ja/nee."""
    codes = _codes(waarde)
    return STATUS_GROEP.get(codes[0]) if len(codes) == 1 else None


def is_gereed(waarde: object) -> bool:
    """True for a single answer 'afgerond' or 'ja'."""
    codes = _codes(waarde)
    return len(codes) == 1 and codes[0] in GEREED_OPTIES


def voortgang_score(waarde: object) -> float | None:
    """0 (nog niet begonnen / nee) … 100 (afgerond / ja); None for other answers."""
    codes = _codes(waarde)
    score = VOORTGANG_SCORE.get(codes[0]) if len(codes) == 1 else None
    return None if score is None else 100 * score


def status_antwoorden(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> pd.DataFrame:
    """The submitted answers to status questions that hold a status or ja/nee value.

    The antwoorden columns plus the vraag's thema_nr, actortype, afspraak_code and vraagtype,
    and ``groep`` (status group), ``gereed`` (bool) and ``score`` (0–100).
    """
    if "status" in antwoorden.columns:
        antwoorden = antwoorden[antwoorden["status"] == "ingediend"]
    vraag_kolommen = [k for k in VRAAG_KOLOMMEN if k in vragen.columns]
    eigen = status_vragen(vragen)[["id", *vraag_kolommen]].rename(columns={"id": "vraag_id"})
    eigen = eigen.astype({"vraag_id": "int64"})
    basis = antwoorden.drop(columns=[k for k in vraag_kolommen if k in antwoorden.columns])
    frame = basis.astype({"vraag_id": "int64"}).merge(eigen, on="vraag_id")
    # Each distinct stored value is parsed once (a round holds a handful of values, but tens
    # of thousands of answers; 20 rounds for Op koers? made this the slow part).
    waarden = frame["waarde"].dropna().unique()
    groep = frame["waarde"].map({w: status_groep(w) for w in waarden})
    frame = frame.assign(groep=groep)[groep.notna()]
    return frame.assign(
        gereed=frame["waarde"].map({w: is_gereed(w) for w in waarden}).astype(bool),
        score=frame["waarde"].map({w: voortgang_score(w) for w in waarden}).astype(float),
    ).reset_index(drop=True)


def aandeel_gereed(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> Aandeel:
    """The share gereed of all answers to status questions in ``antwoorden``."""
    frame = status_antwoorden(vragen, antwoorden)
    return Aandeel(int(frame["gereed"].sum()), len(frame))


def aandeel_gereed_per(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, per: Sequence[str]
) -> pd.DataFrame:
    """The share gereed per group of ``per`` (columns of the answers or thema_nr, actortype,
    afspraak_code, vraag_id): ``gereed`` and ``totaal`` (answers), ``percentage`` (0–100, not
    rounded). Groups without answers are absent."""
    kolommen = list(per)
    frame = status_antwoorden(vragen, antwoorden)
    if frame.empty:
        return pd.DataFrame(columns=[*kolommen, "gereed", "totaal", "percentage"])
    uit = frame.groupby(kolommen, as_index=False).agg(
        gereed=("gereed", "sum"), totaal=("gereed", "size")
    )
    uit = uit.astype({"gereed": "int64", "totaal": "int64"})
    return uit.assign(percentage=100 * uit["gereed"] / uit["totaal"])


def status_verdeling(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, per: Sequence[str]
) -> pd.DataFrame:
    """Per group of ``per`` the answers in each status group, every group present (0 when
    nobody chose it), in the order of ``domain.STATUS_GROEP_LABELS``.

    Columns: the ``per`` columns, ``groep``, ``label``, ``aantal``, ``totaal`` and
    ``percentage`` (0–100 of ``totaal``, not rounded). The 'afgerond' row of a group is its
    share gereed.
    """
    kolommen = list(per)
    uit_kolommen = [*kolommen, "groep", "label", "aantal", "totaal", "percentage"]
    frame = status_antwoorden(vragen, antwoorden)
    if frame.empty:
        return pd.DataFrame(columns=uit_kolommen)
    rijen = []
    for sleutel, groep in frame.groupby(kolommen, sort=True):
        waarden = sleutel if isinstance(sleutel, tuple) else (sleutel,)
        tellingen = groep["groep"].value_counts()
        for code, label in STATUS_GROEP_LABELS.items():
            aantal = int(tellingen.get(code, 0))
            rijen.append((*waarden, code, label, aantal, len(groep), 100 * aantal / len(groep)))
    return pd.DataFrame(rijen, columns=uit_kolommen)


def voortgangsindex(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, per: Sequence[str] = ("organisatie_code",)
) -> pd.DataFrame:
    """Mean voortgang score over the answers to status questions, grouped by ``per``.

    Columns: the ``per`` columns, ``index`` (0–100, not rounded) and ``aantal`` (answers
    counted). Indicative only: self-reported.
    """
    kolommen = list(per)
    frame = status_antwoorden(vragen, antwoorden)
    if frame.empty:
        return pd.DataFrame(columns=[*kolommen, "index", "aantal"])
    return frame.groupby(kolommen, as_index=False).agg(
        index=("score", "mean"), aantal=("score", "size")
    )
