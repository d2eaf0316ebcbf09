"""The per-thema table of the report: per actortype the afspraken, their planning and how the
answers are distributed. Pure: frames in, frames out."""

from __future__ import annotations

from datetime import date

import pandas as pd

from monitor import planning as planning_mod
from monitor.domain import ACTORTYPES

STAAF_TYPES = ("status4", "janee", "likert5")  # ordinal answers: one 100% stacked bar each
INFORMATIE_TYPES = ("keuze", "meerkeuze", "getal", "bedrag", "tekst")

TABEL_KOLOMMEN = [
    "actortype",
    "vraag_id",
    "code",
    "tekst",
    "vraagtype",
    "planning",
    "planningstatus",
    "n",
    "samenvatting",
]


def _samenvatting(groep: pd.DataFrame) -> str:
    """'70% Ja · 30% Nee' (options nobody chose left out); one answer as its label ('Nee');
    '–' when nobody answered."""
    if groep.empty or groep["n"].iloc[0] == 0:
        return "–"
    if groep["n"].iloc[0] == 1:  # a single actor: its answer, not a percentage
        return ", ".join(groep.loc[groep["aantal"] > 0, "label"])
    delen = [f"{r.percentage:.0f}% {r.label}" for r in groep.itertuples() if r.aantal > 0]
    return " · ".join(delen)


def thema_tabel(
    *,
    thema_nr: int,
    vragen: pd.DataFrame,
    verdeling: pd.DataFrame,
    planning: pd.DataFrame,
    peildatum: date | None,
) -> pd.DataFrame:
    """One row per vraag of the thema, ordered by actortype as in the report.

    ``planningstatus`` is judged for the actortype as a whole: the most common answer's status
    for gemeenten and regio's is not meaningful, so it is given for single actors only.
    """
    in_kracht = planning_mod.planning_in_kracht(planning, peildatum)
    per_afspraak = {r.afspraak_code: r for r in in_kracht.itertuples()} if len(in_kracht) else {}
    eigen = vragen[(vragen["thema_nr"] == thema_nr) & (vragen["soort"] != "beleving")]
    per_vraag = {vraag_id: groep for vraag_id, groep in verdeling.groupby("vraag_id")}
    volgorde = {a.code: i for i, a in enumerate(ACTORTYPES)}
    rijen = []
    for vraag in eigen.sort_values("volgorde").itertuples():
        groep = per_vraag.get(vraag.id, pd.DataFrame(columns=verdeling.columns))
        plan = per_afspraak.get(vraag.afspraak_code)
        enkel = not next(a for a in ACTORTYPES if a.code == vraag.actortype).collectief
        status = ""
        if enkel and len(groep) and groep["n"].iloc[0]:
            gekozen = groep.loc[groep["aantal"] > 0, "optie"]
            status = planning_mod.planning_status(
                soort=plan.soort if plan else None,
                deadline=plan.datum if plan else None,
                waarde=gekozen.iloc[0] if len(gekozen) else None,
                peildatum=peildatum,
            )
        rijen.append(
            (
                vraag.actortype,
                vraag.id,
                vraag.code,
                vraag.tekst,
                vraag.vraagtype,
                plan.tekst if plan else "",
                status,
                int(groep["n"].iloc[0]) if len(groep) else 0,
                _samenvatting(groep),
            )
        )
    tabel = pd.DataFrame(rijen, columns=TABEL_KOLOMMEN)
    return tabel.sort_values("actortype", key=lambda s: s.map(volgorde), kind="stable")


def toelichtingen(
    *,
    thema_nr: int,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    organisaties: pd.DataFrame,
    zoekterm: str = "",
) -> pd.DataFrame:
    """The toelichtingen given on the thema's questions, optionally filtered (case-insensitive).

    Columns: organisatie, actortype, vraag (code), antwoord (option code), toelichting.
    """
    eigen = vragen.loc[vragen["thema_nr"] == thema_nr, ["id", "code", "actortype"]]
    met_tekst = antwoorden[antwoorden["toelichting"].fillna("").str.strip() != ""]
    tabel = met_tekst.merge(eigen, left_on="vraag_id", right_on="id").merge(
        organisaties[["code", "naam"]].rename(columns={"code": "organisatie_code"}),
        on="organisatie_code",
    )
    if zoekterm.strip():
        woord = zoekterm.strip().lower()
        tabel = tabel[
            tabel["toelichting"].str.lower().str.contains(woord, regex=False)
            | tabel["naam"].str.lower().str.contains(woord, regex=False)
        ]
    return (
        tabel.rename(columns={"naam": "organisatie", "code": "vraag", "waarde": "antwoord"})[
            ["organisatie", "actortype", "vraag", "antwoord", "toelichting"]
        ]
        .sort_values(["vraag", "organisatie"])
        .reset_index(drop=True)
    )


def verdeling_voor_grafiek(verdeling: pd.DataFrame, vragen_tabel: pd.DataFrame) -> pd.DataFrame:
    """The distributions of the option questions in ``vragen_tabel``, labelled for a chart.

    Only status, ja/nee and beleving questions that someone answered (their shares add up to
    100%); the vraag label is shortened so that it fits on an axis.
    """
    staafbaar = (vragen_tabel["n"] > 0) & vragen_tabel["vraagtype"].isin(STAAF_TYPES)
    met_opties = vragen_tabel[staafbaar][["vraag_id", "tekst"]]
    tabel = verdeling.merge(met_opties, on="vraag_id")
    if tabel.empty:
        return pd.DataFrame(columns=["vraag", "optie", "label", "percentage"])
    kort = tabel["tekst"].map(lambda t: t if len(t) <= 70 else t[:69].rstrip() + "…")
    return tabel.assign(vraag=kort)[["vraag", "optie", "label", "percentage"]]


def beleving_tabel(
    *, vragen: pd.DataFrame, verdeling: pd.DataFrame, actortype: str
) -> pd.DataFrame:
    """The beleving distributions of one actortype, labelled for a stacked bar chart."""
    eigen = vragen[(vragen["soort"] == "beleving") & (vragen["actortype"] == actortype)]
    tabel = verdeling.merge(eigen[["id", "tekst", "volgorde"]], left_on="vraag_id", right_on="id")
    if tabel.empty:
        return pd.DataFrame(columns=["vraag", "optie", "label", "percentage"])
    tabel = tabel.sort_values("volgorde", kind="stable")
    kort = tabel["tekst"].map(lambda t: t if len(t) <= 70 else t[:69].rstrip() + "…")
    return tabel.assign(vraag=kort)[["vraag", "optie", "label", "percentage"]]
