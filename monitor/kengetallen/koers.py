"""Op koers? The pace of the share gereed between rounds and where it leads. Pure: frames in,
frames out.

For a series (an afspraak or a thema, per actortype) the share gereed of each round
(:func:`monitor.kengetallen.gereed.aandeel_gereed_per`, 0–100) is placed at the round's
peildatum. Two paces, in percentage points per day:

- **trend**: from the first to the last round (the trend over all rounds);
- **laatst**: between the last two rounds.

With two rounds they are the same. At each pace the date on which the share reaches 100% is
extrapolated from the last round; the two dates give a range (``vroegst``–``laatst``) rather
than one date. A pace of zero or less never reaches 100% (None). Assumptions: linear,
self-reported answers; a projection, no forecast.

The outcome (:data:`UITKOMSTEN`), judged at the last round's peildatum against the deadline
in force then (:func:`monitor.kengetallen.planning.planning_in_kracht`; a deadline on or
before the peildatum has passed, as in planning.py):

1. share 100% → **gereed**;
2. deadline passed → **deadline verstreken**;
3. fewer than two rounds → **te weinig rondes**;
4. both dates on or before the deadline → **op koers**;
5. neither → **haalt deadline niet bij dit tempo**;
6. one of the two → **onzeker: hangt af van het tempo**.

The projection is computed for every series with two rounds that is not gereed, also when
its deadline has passed (when it would be done at this pace). A series without a deadline gets
the projection and the outcome **geen deadline**. A thema is judged against the end of the
Hervormingsagenda (:data:`EINDE_AGENDA`, "het is de ambitie dat in 2028 …"), or a later
deadline of one of its afspraken.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from monitor.domain import KoersUitkomst, PlanningSoort
from monitor.kengetallen.gereed import aandeel_gereed_per
from monitor.kengetallen.planning import planning_in_kracht
from monitor.opmaak.tekst import LEEG, maand

GEREED = KoersUitkomst.GEREED
VERSTREKEN = KoersUitkomst.VERSTREKEN
TE_WEINIG = KoersUitkomst.TE_WEINIG
OP_KOERS = KoersUitkomst.OP_KOERS
NIET_HAALBAAR = KoersUitkomst.NIET_HAALBAAR
ONZEKER = KoersUitkomst.ONZEKER
GEEN_DEADLINE = KoersUitkomst.GEEN_DEADLINE
UITKOMSTEN: tuple[str, ...] = tuple(KoersUitkomst)
AANNAMES = (
    "Aannames: de voortgang gaat in een rechte lijn door (lineair) en berust op zelfrapportage "
    "van de actoren. Het tempo is het aandeel gereed (afgerond of ja) per jaar: over alle "
    "rondes (eerste tot laatste) en tussen de laatste twee rondes. Die twee tempo's geven een "
    "bandbreedte voor de datum waarop 100% gereed bereikt wordt, geen voorspelling."
)
DAGEN_PER_JAAR = 365.25
EINDE_AGENDA = date(2028, 12, 31)  # Hervormingsagenda Jeugd 2023–2028

KOERS_KOLOMMEN = [
    "rondes",
    "eerste_jaar",
    "percentage_eerst",
    "percentage",
    "peildatum",
    "deadline",
    "tempo_trend",
    "tempo_laatst",
    "vroegst",
    "laatst",
    "uitkomst",
]


@dataclass(frozen=True)
class Meting:
    """One round's frames: its answers count at its peildatum."""

    jaar: int
    peildatum: date
    vragen: pd.DataFrame
    antwoorden: pd.DataFrame


@dataclass(frozen=True)
class Koers:
    """The pace of one series. ``tempo_*`` in percentage points per year (None with fewer than
    two rounds); ``vroegst``/``laatst`` the dates 100% is reached at the faster/slower pace
    (``laatst`` None: never at the slower pace; both None: never or not computed)."""

    uitkomst: str
    rondes: int
    percentage: float
    peildatum: date
    deadline: date | None
    tempo_trend: float | None = None
    tempo_laatst: float | None = None
    vroegst: date | None = None
    laatst: date | None = None


def _tempo(van: tuple[date, float], naar: tuple[date, float]) -> float:
    """Percentage points per day from ``van`` to ``naar``."""
    dagen = (naar[0] - van[0]).days
    return (naar[1] - van[1]) / dagen if dagen > 0 else 0.0


def _bereikt(vanaf: tuple[date, float], tempo: float) -> date | None:
    """The date 100% is reached from ``vanaf`` at ``tempo`` per day; None when never."""
    if tempo <= 0:
        return None
    return vanaf[0] + timedelta(days=math.ceil((100 - vanaf[1]) / tempo - 1e-9))


def koers(punten: Sequence[tuple[date, float]], deadline: date | None) -> Koers:
    """The course of one series: ``punten`` are (peildatum, share gereed 0–100) per round."""
    punten = sorted(punten)
    laatste = punten[-1]
    basis = {
        "rondes": len(punten),
        "percentage": laatste[1],
        "peildatum": laatste[0],
        "deadline": deadline,
    }
    if laatste[1] >= 100:
        return Koers(GEREED, **basis)
    if len(punten) < 2:
        verstreken = deadline is not None and deadline <= laatste[0]
        return Koers(VERSTREKEN if verstreken else TE_WEINIG, **basis)
    tempos = (_tempo(punten[0], laatste), _tempo(punten[-2], laatste))
    datums = [_bereikt(laatste, t) for t in tempos]
    bekend = sorted(d for d in datums if d is not None)
    projectie = {
        "tempo_trend": tempos[0] * DAGEN_PER_JAAR,
        "tempo_laatst": tempos[1] * DAGEN_PER_JAAR,
        "vroegst": bekend[0] if bekend else None,
        "laatst": bekend[-1] if len(bekend) == len(datums) else None,
    }
    return Koers(_uitkomst(datums, deadline, laatste[0]), **basis, **projectie)


def _uitkomst(datums: list[date | None], deadline: date | None, peildatum: date) -> str:
    if deadline is None:
        return GEEN_DEADLINE
    if deadline <= peildatum:
        return VERSTREKEN
    op_tijd = [d is not None and d <= deadline for d in datums]
    if all(op_tijd):
        return OP_KOERS
    return ONZEKER if any(op_tijd) else NIET_HAALBAAR


def gereed_per_ronde(metingen: Sequence[Meting], per: Sequence[str]) -> pd.DataFrame:
    """The share gereed per group of ``per`` in every round: the columns of
    ``aandeel_gereed_per`` plus ``jaar`` and ``peildatum``."""
    delen = [
        aandeel_gereed_per(m.vragen, m.antwoorden, per).assign(jaar=m.jaar, peildatum=m.peildatum)
        for m in metingen
    ]
    delen = [d for d in delen if not d.empty]
    if not delen:
        return pd.DataFrame(columns=[*per, "gereed", "totaal", "percentage", "jaar", "peildatum"])
    return pd.concat(delen, ignore_index=True)


def deadlines(planning: pd.DataFrame, peildatum: date | None) -> dict[str, date]:
    """Per afspraak the deadline in force at the peildatum; start dates are no deadline."""
    in_kracht = planning_in_kracht(planning, peildatum)
    if in_kracht.empty:
        return {}
    klaar = in_kracht[in_kracht["soort"] != PlanningSoort.START]
    return dict(zip(klaar["afspraak_code"], klaar["datum"], strict=True))


def _tabel(reeksen: pd.DataFrame, per: list[str], deadline_van) -> pd.DataFrame:
    rijen = []
    for sleutel, groep in reeksen.groupby(per, sort=True):
        waarden = sleutel if isinstance(sleutel, tuple) else (sleutel,)
        groep = groep.sort_values("peildatum")
        uit = koers(
            list(zip(groep["peildatum"], groep["percentage"].astype(float), strict=True)),
            deadline_van(waarden),
        )
        eerste = groep.iloc[0]
        rijen.append(
            (
                *waarden,
                uit.rondes,
                int(eerste["jaar"]),
                float(eerste["percentage"]),
                uit.percentage,
                uit.peildatum,
                uit.deadline,
                uit.tempo_trend,
                uit.tempo_laatst,
                uit.vroegst,
                uit.laatst,
                uit.uitkomst,
            )
        )
    return pd.DataFrame(rijen, columns=[*per, *KOERS_KOLOMMEN])


def koers_per_afspraak(
    metingen: Sequence[Meting], planning: pd.DataFrame, afspraken: pd.DataFrame
) -> pd.DataFrame:
    """Per afspraak with a deadline and actortype: the course (columns ``KOERS_KOLOMMEN``)
    plus thema_nr and afspraak (text). The last of ``metingen`` is the round judged; only
    series that have an answer in that round count."""
    if not metingen:
        return pd.DataFrame(columns=["afspraak_code", "actortype", *KOERS_KOLOMMEN])
    per = ["afspraak_code", "actortype"]
    reeksen = _lopend(gereed_per_ronde(metingen, per), metingen[-1].jaar, per)
    termijnen = deadlines(planning, metingen[-1].peildatum)
    reeksen = reeksen[reeksen["afspraak_code"].isin(termijnen)]
    tabel = _tabel(reeksen, per, lambda w: termijnen.get(w[0]))
    themas = dict(zip(afspraken["code"], afspraken["thema_nr"], strict=True))
    teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
    return tabel.assign(
        thema_nr=tabel["afspraak_code"].map(lambda c: int(themas.get(c, 0))),
        afspraak=tabel["afspraak_code"].map(lambda c: teksten.get(c, c)),
    )


def koers_per_thema(
    metingen: Sequence[Meting], planning: pd.DataFrame, afspraken: pd.DataFrame
) -> pd.DataFrame:
    """Per thema and actortype: the course of the thema's share gereed (all its status
    answers) against the end of the agenda or a later deadline of its afspraken."""
    if not metingen:
        return pd.DataFrame(columns=["thema_nr", "actortype", *KOERS_KOLOMMEN])
    per = ["thema_nr", "actortype"]
    reeksen = _lopend(gereed_per_ronde(metingen, per), metingen[-1].jaar, per)
    termijnen = deadlines(planning, metingen[-1].peildatum)
    per_thema: dict[int, date] = {}
    for code, thema_nr in zip(afspraken["code"], afspraken["thema_nr"], strict=True):
        nr = int(thema_nr)
        per_thema[nr] = max(per_thema.get(nr, EINDE_AGENDA), termijnen.get(code, EINDE_AGENDA))
    return _tabel(reeksen, per, lambda w: per_thema.get(int(w[0]), EINDE_AGENDA))


def _lopend(reeksen: pd.DataFrame, jaar: int, per: list[str]) -> pd.DataFrame:
    """Only the series answered in round ``jaar`` (the judged round)."""
    if reeksen.empty:
        return reeksen
    nu = reeksen.loc[reeksen["jaar"] == jaar, per].drop_duplicates()
    return reeksen.merge(nu, on=per)


def telling(tabel: pd.DataFrame) -> dict[str, int]:
    """How many series have each outcome, in the order of UITKOMSTEN (zeros left out)."""
    aantallen = tabel["uitkomst"].value_counts()
    return {u: int(aantallen[u]) for u in UITKOMSTEN if u in aantallen.index}


def grafiek_einde(deadlines: Sequence[date | None]) -> date:
    """The right edge of an Op koers? chart: 31 December two years past the last deadline
    (the end of the agenda at least); later projections are drawn as 'na <jaar> of nooit'."""
    laatste = max([EINDE_AGENDA, *[d for d in deadlines if isinstance(d, date)]])
    return date(laatste.year + 2, 12, 31)


def verwacht_tekst(*, vroegst: date | None, laatst: date | None, tempo: float | None) -> str:
    """When 100% is reached, as a month or a range of months: 'rond maart 2027', 'tussen juli
    2027 en juni 2030', 'niet bij dit tempo'; '–' when no pace was computed (``tempo``)."""
    if tempo is None or (isinstance(tempo, float) and math.isnan(tempo)):
        return LEEG
    if vroegst is None or pd.isna(vroegst):
        return "niet bij dit tempo"
    if laatst is None or pd.isna(laatst):
        return f"op zijn vroegst {maand(vroegst)}; bij het tempo van de laatste rondes niet"
    if maand(vroegst) == maand(laatst):
        return f"rond {maand(vroegst)}"
    return f"tussen {maand(vroegst)} en {maand(laatst)}"
