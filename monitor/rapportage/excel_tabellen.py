"""'Rapportagetabellen': the tables of chapters 3 and 4 of the yearly report as an Excel file.

Chapter 3: per thema, per actor the afspraken with their planning, whether the deadline had
passed at the peildatum, and the answers — for gemeenten and regio's the percentage per
answer (whole percentages, as the report prints them), for single actors their answer.
Chapter 4: the beleving statements of gemeenten and regio's, percentage per answer.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from monitor.domain import (
    ACTORTYPE_BY_CODE,
    BELEVING_OPTIES,
    JANEE_OPTIES,
    STATUS_OPTIES,
    statuslegenda,
)
from monitor.kengetallen import gereed, kerncijfers, themaoverzicht, voortgang
from monitor.kengetallen import planning as planning_mod
from monitor.opmaak.excel import Werkboek
from monitor.opmaak.tekst import afronden
from monitor.progress import ProgressCallback, meld
from monitor.reflectie.dias import (
    Bron,
    kopregels,
    planning_op_peildatum,
    planning_overzicht,
    thema_titel,
)

STATUS_KOPPEN = [f"{o.label} (%)" for o in (*STATUS_OPTIES, *JANEE_OPTIES)]
THEMA_KOPPEN = [
    "Actor",
    "Code",
    "Afspraak",
    "Planning HA/IP",
    "Deadline verstreken op peildatum",
    "Ja/Nee-vraag",
    *STATUS_KOPPEN,
    "Antwoord (enkele actor)",
    "Antwoorden (n)",
    "Waarvan voorlopig (n)",
]
BELEVING_KOPPEN = ["Actor", "Code", "Stelling", *[f"{o.label} (%)" for o in BELEVING_OPTIES], "n"]


def _procent(waarde: float | None) -> int | None:
    """Whole percentages, as the report prints them, rounded by the one rule of
    ``opmaak.tekst.afronden`` (half up: 50,5 → 51)."""
    if waarde is None or pd.isna(waarde):
        return None
    return int(afronden(float(waarde)))


KERNCIJFER_KOPPEN = [
    "Thema",
    "Actor",
    "Afgerond of ja (%)",
    "Afgerond of ja (antwoorden)",
    "Antwoorden op afspraken",
    "Achter op planning (afspraak-vragen)",
    "Afspraak-vragen met verstreken deadline",
]


def kerncijfer_rijen(bron: Bron) -> list[list]:
    """Per thema and actor the share gereed and the afspraak-vragen behind on planning
    (kengetallen.kerncijfers), the percentage whole as on every other surface."""
    tabel = kerncijfers.per_thema_actor(
        vragen=bron.vragen,
        antwoorden=bron.antwoorden,
        planning_overzicht=planning_overzicht(bron),
        peildatum=bron.peildatum,
    )
    return [
        [
            thema_titel(bron, int(r.thema_nr)),
            ACTORTYPE_BY_CODE[r.actortype].label_meervoud,
            _procent(r.percentage) if r.totaal else None,
            int(r.gereed),
            int(r.totaal),
            int(r.achter),
            int(r.verstreken),
        ]
        for r in tabel.itertuples()
    ]


def thema_rijen(
    bron: Bron, thema_nr: int, verdeling: pd.DataFrame, verstreken: dict[str, str]
) -> list[list]:
    """The rows of one thema's table (chapter 3), actors in the Hervormingsagenda order, each
    with how many of its answers were marked voorlopig."""
    voorlopig = voortgang.voorlopig_per_vraag(bron.antwoorden)
    tabel = themaoverzicht.thema_tabel(
        thema_nr=thema_nr,
        vragen=bron.vragen,
        verdeling=verdeling,
        planning=bron.planning,
        peildatum=bron.peildatum,
    )
    afspraak_vragen = bron.vragen.set_index("id")
    per_vraag = {vraag_id: groep for vraag_id, groep in verdeling.groupby("vraag_id")}
    rijen = []
    for rij in tabel.itertuples():
        vraag = afspraak_vragen.loc[rij.vraag_id]
        if vraag["soort"] != "afspraak":
            continue
        actor = ACTORTYPE_BY_CODE[rij.actortype]
        groep = per_vraag.get(rij.vraag_id, pd.DataFrame(columns=verdeling.columns))
        procenten: dict[str, int | None] = {}
        antwoord = ""
        if actor.collectief:
            procenten = {g.optie: _procent(g.percentage) for g in groep.itertuples()}
        elif len(groep):
            antwoord = ", ".join(groep.loc[groep["aantal"] > 0, "label"]) or "–"
        opties = [o.code for o in (*STATUS_OPTIES, *JANEE_OPTIES)]
        rijen.append(
            [
                actor.label_meervoud,
                rij.code,
                rij.tekst,
                rij.planning,
                verstreken.get(vraag["afspraak_code"], "") if rij.planning else "",
                "X" if rij.vraagtype == "janee" else "",
                *[procenten.get(code) for code in opties],
                antwoord,
                int(rij.n),
                voorlopig.get(int(rij.vraag_id), 0),
            ]
        )
    return rijen


INFORMATIE_KOPPEN = [
    "Actor",
    "Code",
    "Vraag",
    "Antwoord",
    "Percentage (%)",
    "Basis",
    "Percentage van wie de vraag kreeg (%)",
    "Antwoorden (n)",
]


def informatie_rijen(bron: Bron, verdeling: pd.DataFrame) -> list[list]:
    """The option questions outside the status tables that the report describes in its text
    (gemeenten and regio's): per option the percentage on the report's base, named. For a
    follow-up that is all respondents of the actortype, with the share of those asked beside."""
    tabel = verdeling.merge(
        bron.vragen[["id", "code", "actortype", "tekst", "soort", "volgorde"]],
        left_on="vraag_id",
        right_on="id",
    )
    tabel = tabel[
        (tabel["soort"] == "informatie")
        & tabel["actortype"].map(lambda a: ACTORTYPE_BY_CODE[a].collectief)
    ].sort_values("volgorde", kind="stable")
    rijen = []
    for r in tabel.itertuples():
        if r.vervolg:
            basis = themaoverzicht.basis_tekst(r.actortype, int(r.respondenten))
            van_gevraagden = _procent(r.percentage)
        else:
            basis = f"van de {int(r.n)} die de vraag beantwoordden"
            van_gevraagden = None
        rijen.append(
            [
                ACTORTYPE_BY_CODE[r.actortype].label_meervoud,
                r.code,
                r.tekst,
                r.label,
                _procent(voortgang.rapport_percentage(r)),
                basis,
                van_gevraagden,
                int(r.n),
            ]
        )
    return rijen


def beleving_rijen(bron: Bron, verdeling: pd.DataFrame) -> list[list]:
    """The rows of chapter 4: per beleving statement of every actortype asked (2024: gemeenten
    and regio's)."""
    rijen = []
    for actortype in themaoverzicht.beleving_actortypes(bron.vragen):
        eigen = bron.vragen[
            (bron.vragen["soort"] == "beleving") & (bron.vragen["actortype"] == actortype)
        ].sort_values("volgorde", kind="stable")
        for vraag in eigen.itertuples():
            groep = verdeling[verdeling["vraag_id"] == vraag.id]
            procenten = {g.optie: _procent(g.percentage) for g in groep.itertuples()}
            n = int(groep["n"].iloc[0]) if len(groep) else 0
            rijen.append(
                [
                    ACTORTYPE_BY_CODE[actortype].label_meervoud,
                    vraag.code,
                    vraag.tekst,
                    *[procenten.get(o.code) for o in BELEVING_OPTIES],
                    n,
                ]
            )
    return rijen


def _blad(werkboek: Werkboek, titel: str, kop: str, koppen: list[str], rijen: list[list]) -> None:
    """A report table: its heading in row 1, the header in row 2, long texts wrapped."""
    werkboek.tabel(
        titel,
        pd.DataFrame(rijen, columns=koppen, dtype=object),
        kop=kop,
        breedtes={naam: max(10, min(22, len(naam) + 2)) for naam in koppen}
        | {"Afspraak": 70, "Stelling": 70},
        terugloop=True,
    )


def bouw_xlsx(bron: Bron, voortgang_cb: ProgressCallback | None = None) -> bytes:
    """The report tables of chapters 3 and 4 (and the deadlines) of the round as .xlsx bytes."""
    melden = partial(meld, voortgang_cb)
    verdeling = voortgang.verdeling(bron.vragen, bron.antwoorden)
    achter = planning_mod.achter_op_planning(planning_overzicht(bron), bron.peildatum)
    werkboek = Werkboek(f"Rapportagetabellen ronde {bron.jaar}", demo=bron.demo)
    werkboek.tekst(
        "Over deze tabellen",
        [
            *kopregels(bron),
            "",
            "Percentages van de organisaties die de vraag beantwoordden, afgerond op hele "
            "procenten zoals in het rapport; enkele actoren met hun antwoord. Bij een "
            "vervolgvraag (alleen gesteld na een bepaald antwoord) is het percentage, zoals in "
            "het rapport, van alle respondenten van de actor; het blad Informatievragen noemt "
            "de basis en geeft het percentage van wie de vraag kreeg ernaast.",
            "Waarvan voorlopig: hoeveel van de antwoorden de invullers als voorlopig markeerden.",
            "Afgerond of ja: "
            + kerncijfers.gereed_tekst(gereed.aandeel_gereed(bron.vragen, bron.antwoorden))
            + " op afspraken (status of ja/nee).",
            f"Achter op planning: {planning_mod.achter_tekst(achter)}.",
            "",
            "Wat de antwoordopties betekenen:",
            *statuslegenda(list(bron.statusdefinities)),
        ],
        kop="Rapportagetabellen Monitor Hervormingsagenda Jeugd",
    )
    planning = planning_op_peildatum(bron)
    verstreken = dict(zip(planning["afspraak_code"], planning["verstreken"], strict=True))
    nummers = sorted(bron.themas["nr"].astype(int))
    for i, nr in enumerate(nummers):
        melden(i / (len(nummers) + 2), f"Tabel thema {nr}")
        rijen = thema_rijen(bron, nr, verdeling, verstreken)
        if rijen:
            titel = f"3.{nr} {thema_titel(bron, nr).split('. ', 1)[-1]}"
            kop = f"3.{nr} {thema_titel(bron, nr).split('. ', 1)[-1]} — ronde {bron.jaar}"
            _blad(werkboek, titel, kop, THEMA_KOPPEN, rijen)
    _blad(
        werkboek,
        "Kerncijfers",
        f"Afgerond of ja en achter op planning per thema en actor — ronde {bron.jaar}",
        KERNCIJFER_KOPPEN,
        kerncijfer_rijen(bron),
    )
    _blad(
        werkboek,
        "Informatievragen",
        f"Informatievragen van gemeenten en regio's — ronde {bron.jaar}",
        INFORMATIE_KOPPEN,
        informatie_rijen(bron, verdeling),
    )
    melden(len(nummers) / (len(nummers) + 2), "Tabel beleving")
    _blad(
        werkboek,
        "4 Beleving",
        f"4 Beleving van de beweging — ronde {bron.jaar}",
        BELEVING_KOPPEN,
        beleving_rijen(bron, verdeling),
    )
    _blad(
        werkboek,
        "Deadlines",
        f"Deadlines op de peildatum — ronde {bron.jaar}",
        ["Thema", "Code", "Afspraak", "Actor(en)", "Planning", "Deadline", "Verstreken"],
        [list(r) for r in planning.itertuples(index=False)],
    )
    inhoud = werkboek.naar_bytes()
    melden(1.0, "Klaar")
    return inhoud
