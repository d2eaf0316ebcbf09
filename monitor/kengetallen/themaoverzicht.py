"""The per-thema table of the report: per actortype the afspraken, their planning and how the
answers are distributed. Pure: frames in, frames out."""

from __future__ import annotations

from datetime import date

import pandas as pd

from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPES
from monitor.kengetallen import planning as planning_mod
from monitor.kengetallen import voortgang
from monitor.opmaak import tekst
from monitor.rechten import Recht, Zicht, vereis

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


def basis_tekst(actortype: str, respondenten: int) -> str:
    """The base of a follow-up percentage, named: 'van alle 308 gemeenten'."""
    return f"van alle {respondenten} {ACTORTYPE_BY_CODE[actortype].label_meervoud.lower()}"


def _samenvatting(groep: pd.DataFrame, actortype: str) -> str:
    """'70% Ja · 30% Nee' (options nobody chose left out); one answer as its label ('Nee');
    '–' when nobody answered.

    A follow-up question first gives the report's base, all respondents of the actortype,
    named, and then the share of those who were asked: '23% Doorbraakmethode · … van alle
    308 gemeenten (van de 259 gevraagden: 27% Doorbraakmethode · …)'.
    """
    if groep.empty or groep["n"].iloc[0] == 0:
        return "–"
    if groep["n"].iloc[0] == 1:  # a single actor: its answer, not a percentage
        return ", ".join(groep.loc[groep["aantal"] > 0, "label"])
    gekozen = [r for r in groep.itertuples() if r.aantal > 0]
    van_n = " · ".join(f"{tekst.procent(r.percentage)} {r.label}" for r in gekozen)
    eerste = groep.iloc[0]
    if not eerste["vervolg"] or not eerste["respondenten"]:
        return van_n
    van_alle = " · ".join(f"{tekst.procent(r.percentage_respondenten)} {r.label}" for r in gekozen)
    basis = basis_tekst(actortype, int(eerste["respondenten"]))
    return f"{van_alle} {basis} (van de {int(eerste['n'])} gevraagden: {van_n})"


def _n(samenvatting) -> int:
    return int(samenvatting.n) if samenvatting is not None else 0


def _getal_samenvatting(samenvatting, vraagtype: str) -> str:
    """'gemiddeld 43' or 'gemiddeld € 1.200.000'; '–' when nobody answered."""
    if samenvatting is None or not samenvatting.n:
        return "–"
    if vraagtype == "bedrag":
        return f"gemiddeld {tekst.euro(samenvatting.gemiddelde)}"
    return f"gemiddeld {tekst.getal(samenvatting.gemiddelde, 1)}"


def thema_tabel(
    *,
    thema_nr: int,
    vragen: pd.DataFrame,
    verdeling: pd.DataFrame,
    planning: pd.DataFrame,
    peildatum: date | None,
    numeriek: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per vraag of the thema, ordered by actortype as in the report.

    ``numeriek`` (from ``voortgang.numerieke_samenvatting``) gives number and amount questions
    their mean as summary.

    ``planningstatus`` is judged for the actortype as a whole: the most common answer's status
    for gemeenten and regio's is not meaningful, so it is given for single actors only.
    """
    in_kracht = planning_mod.planning_in_kracht(planning, peildatum)
    per_afspraak = {r.afspraak_code: r for r in in_kracht.itertuples()} if len(in_kracht) else {}
    eigen = vragen[(vragen["thema_nr"] == thema_nr) & (vragen["soort"] != "beleving")]
    per_vraag = {vraag_id: groep for vraag_id, groep in verdeling.groupby("vraag_id")}
    getallen = {} if numeriek is None else {r.vraag_id: r for r in numeriek.itertuples()}
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
                int(groep["n"].iloc[0]) if len(groep) else _n(getallen.get(vraag.id)),
                _samenvatting(groep, vraag.actortype)
                if len(groep)
                else _getal_samenvatting(getallen.get(vraag.id), vraag.vraagtype),
            )
        )
    tabel = pd.DataFrame(rijen, columns=TABEL_KOLOMMEN)
    return tabel.sort_values("actortype", key=lambda s: s.map(volgorde), kind="stable")


def toelichtingen(
    *,
    zicht: Zicht,
    thema_nr: int,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
    organisaties: pd.DataFrame,
    zoekterm: str = "",
) -> pd.DataFrame:
    """The toelichtingen given on the thema's questions that the gate (``zicht``) lets through,
    optionally filtered (case-insensitive) on the shown name or the (masked) text.

    Columns: organisatie (shown name), actortype, vraag (code), antwoord (option code),
    toelichting, voorlopig (the invuller's mark). Raises GeenToegang for the public view
    (toelichtingen name organisations).
    """
    vereis(zicht.gebruiker, Recht.ANTWOORDEN_ANDEREN, "de toelichtingen")
    eigen = vragen.loc[vragen["thema_nr"] == thema_nr, ["id", "code", "actortype"]]
    antwoorden = antwoorden.assign(voorlopig=voortgang.voorlopig_vlag(antwoorden))
    met_tekst = antwoorden[antwoorden["toelichting"].fillna("").str.strip() != ""]
    tabel = zicht.rijen(met_tekst.merge(eigen, left_on="vraag_id", right_on="id"), organisaties)
    if zoekterm.strip():
        woord = zoekterm.strip().lower()
        tabel = tabel[
            tabel["toelichting"].str.lower().str.contains(woord, regex=False)
            | tabel["organisatie"].str.lower().str.contains(woord, regex=False)
        ]
    return (
        tabel.rename(columns={"code": "vraag", "waarde": "antwoord"})[
            ["organisatie", "actortype", "vraag", "antwoord", "toelichting", "voorlopig"]
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
    return tabel.assign(vraag=tabel["tekst"])[  # whole: charts wrap it
        ["vraag", "optie", "label", "percentage"]
    ]


def beleving_tabel(
    *, vragen: pd.DataFrame, verdeling: pd.DataFrame, actortype: str
) -> pd.DataFrame:
    """The beleving distributions of one actortype, labelled for a stacked bar chart."""
    eigen = vragen[(vragen["soort"] == "beleving") & (vragen["actortype"] == actortype)]
    tabel = verdeling.merge(eigen[["id", "tekst", "volgorde"]], left_on="vraag_id", right_on="id")
    if tabel.empty:
        return pd.DataFrame(columns=["vraag", "optie", "label", "percentage"])
    tabel = tabel.sort_values("volgorde", kind="stable")
    return tabel.assign(vraag=tabel["tekst"])[  # whole: charts wrap it
        ["vraag", "optie", "label", "percentage"]
    ]


VER_GEKOMEN = ("grotendeels", "volledig")  # 'the movement has (largely) been made'


def beleving_actortypes(vragen: pd.DataFrame) -> list[str]:
    """The actortypes the round asked beleving questions, in the Hervormingsagenda order
    (2024: gemeenten and regio's only; a later round may ask more)."""
    gevraagd = set(vragen.loc[vragen["soort"] == "beleving", "actortype"])
    return [a.code for a in ACTORTYPES if a.code in gevraagd]


def beleving_verschillen(*, vragen: pd.DataFrame, verdeling: pd.DataFrame) -> pd.DataFrame:
    """Per thema the share (0–100, not rounded) of each actortype that answered 'grotendeels'
    or 'volledig' on that thema's beleving statements: the differences between actors.

    Columns: thema_nr, then one column per actortype (short label, e.g. 'Gemeenten'); a thema
    an actortype was not asked about is NaN. With more statements per thema and actortype
    (thema 1 of the gemeenten), their answers are pooled.
    """
    eigen = vragen[vragen["soort"] == "beleving"][["id", "actortype", "thema_nr"]]
    tabel = verdeling.merge(eigen, left_on="vraag_id", right_on="id")
    if tabel.empty:
        return pd.DataFrame(columns=["thema_nr"])
    tabel = tabel.assign(ver=tabel["optie"].isin(VER_GEKOMEN) * tabel["aantal"])
    per_vraag = tabel.groupby(["thema_nr", "actortype", "vraag_id"]).agg(
        ver=("ver", "sum"), n=("n", "first")
    )
    som = per_vraag.groupby(["thema_nr", "actortype"]).sum()
    som = som[som["n"] > 0]
    aandeel = (100 * som["ver"] / som["n"]).unstack("actortype")
    volgorde = [a for a in ACTORTYPES if a.code in aandeel.columns]
    aandeel = aandeel[[a.code for a in volgorde]].rename(columns={a.code: a.kort for a in volgorde})
    aandeel.columns.name = None
    return aandeel.reset_index().assign(thema_nr=lambda t: t["thema_nr"].astype(int))
