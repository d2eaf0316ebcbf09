"""National aggregates: respons and the distribution of answers per vraag. Pure: frames in,
frames out; no database, no Streamlit."""

from __future__ import annotations

import math

import pandas as pd

from monitor.domain import (
    ACTORTYPES,
    VRAAGTYPES_MET_OPTIES,
    VRAAGTYPES_NUMERIEK,
    opties_voor,
    parse_opties,
)
from monitor.opmaak.tekst import afgerond, procent
from monitor.rechten import Gebruiker, Recht, vereis

VERDELING_KOLOMMEN = [
    "vraag_id",
    "optie",
    "label",
    "aantal",
    "n",
    "percentage",
    "vervolg",
    "respondenten",
    "percentage_respondenten",
]


def respondenten(antwoorden: pd.DataFrame) -> set[str]:
    """Organisations that submitted answers in the round (concept answers do not count)."""
    ingediend = antwoorden[antwoorden["status"] == "ingediend"]
    return set(ingediend["organisatie_code"])


def respons_percentage(ingevuld: int, totaal: int) -> float | None:
    """The share (0–100, not rounded) of ``totaal`` organisations that responded."""
    return 100 * ingevuld / totaal if totaal else None


def respons(organisaties: pd.DataFrame, antwoorden: pd.DataFrame) -> pd.DataFrame:
    """Per actortype: how many organisations responded, of how many, and the percentage.

    The denominator is the current division (e.g. 342 gemeenten, 42 regio's in 2024).
    """
    gedaan = respondenten(antwoorden)
    rijen = []
    for actortype in ACTORTYPES:
        codes = organisaties.loc[organisaties["actortype"] == actortype.code, "code"]
        totaal = len(codes)
        ingevuld = int(codes.isin(gedaan).sum())
        percentage = respons_percentage(ingevuld, totaal)
        rijen.append((actortype.code, actortype.label_meervoud, ingevuld, totaal, percentage))
    return pd.DataFrame(rijen, columns=["actortype", "label", "ingevuld", "totaal", "percentage"])


def respons_uitleg(respons_tabel: pd.DataFrame, rapport: dict[str, float]) -> list[str]:
    """Why a printed response rate (``rapport``: actortype → percentage as printed) differs
    from ours: the report does not name its denominator, we count on this year's division.

    One Dutch sentence per actortype whose printed figure differs at one decimal.
    """
    zinnen = []
    for rij in respons_tabel.itertuples():
        gedrukt = rapport.get(rij.actortype)
        if gedrukt is None or rij.percentage is None or pd.isna(rij.percentage):
            continue
        if afgerond(rij.percentage, 1) == afgerond(gedrukt, 1):
            continue
        zinnen.append(
            f"{rij.label}: het rapport noemt {procent(gedrukt, 1)} zonder te zeggen waarop; "
            f"de monitor rekent {rij.ingevuld} van {rij.totaal} = {procent(rij.percentage, 1)}, "
            "op de indeling van dit jaar."
        )
    return zinnen


def vragen_telling(vragen: pd.DataFrame, rapport: dict[str, tuple[int, str]]) -> pd.DataFrame:
    """Per actortype the number of questions the report counts beside ours, with the reason
    for a difference (``rapport``: actortype → (count, toelichting)).

    Columns: actortype, actor, rapport, monitor, toelichting.
    """
    per_actor = vragen["actortype"].value_counts()
    rijen = [
        (
            a.code,
            a.label_meervoud,
            rapport[a.code][0],
            int(per_actor.get(a.code, 0)),
            rapport[a.code][1],
        )
        for a in ACTORTYPES
        if a.code in rapport
    ]
    return pd.DataFrame(rijen, columns=["actortype", "actor", "rapport", "monitor", "toelichting"])


def split_waarde(waarde: str | None) -> list[str]:
    """The option codes in a stored answer ('a;b' for meerkeuze)."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return []
    return [deel for deel in str(waarde).split(";") if deel]


def respondenten_per_actortype(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> dict[str, int]:
    """Per actortype: how many organisations answered at least one of its vragen.

    This is the report's base for follow-up questions ("van alle 308 gemeenten").
    """
    if antwoorden.empty:
        return {}
    actor = vragen.set_index("id")["actortype"]
    per = antwoorden.assign(_actor=antwoorden["vraag_id"].map(actor)).dropna(subset=["_actor"])
    return {str(k): int(v) for k, v in per.groupby("_actor")["organisatie_code"].nunique().items()}


def is_vervolg(toon_als: object) -> bool:
    """A follow-up question is asked only after a given answer (``toon_als`` is set)."""
    return isinstance(toon_als, str) and toon_als.strip() != ""


def verdeling(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> pd.DataFrame:
    """Per vraag with options: count and percentage of each option.

    ``n`` is the number of organisations that answered the vraag; ``percentage`` (0–100, not
    rounded: round only when shown) is of ``n`` (for meerkeuze the percentages can add up to
    more than 100). ``respondenten`` is the number of organisations of the vraag's actortype
    that answered any vraag, and ``percentage_respondenten`` the share of them: the report's
    base for follow-up questions (``vervolg``), which are asked of only some. Options nobody
    chose are included with 0, so every vraag shows all its options in their order.
    """
    met_opties = vragen[vragen["vraagtype"].isin([str(t) for t in VRAAGTYPES_MET_OPTIES])]
    beantwoord = antwoorden[antwoorden["waarde"].notna() & (antwoorden["waarde"] != "")]
    per_vraag = {vraag_id: groep for vraag_id, groep in beantwoord.groupby("vraag_id")}
    basis = respondenten_per_actortype(vragen, beantwoord)
    rijen = []
    for vraag in met_opties.itertuples():
        groep = per_vraag.get(vraag.id)
        waarden = [] if groep is None else [split_waarde(w) for w in groep["waarde"]]
        n = len(waarden)
        tellingen: dict[str, int] = {}
        for codes in waarden:
            for code in codes:
                tellingen[code] = tellingen.get(code, 0) + 1
        vervolg = is_vervolg(getattr(vraag, "toon_als", None))
        alle = basis.get(vraag.actortype, 0)
        for optie in opties_voor(vraag.vraagtype, parse_opties(vraag.opties or "")):
            aantal = tellingen.get(optie.code, 0)
            percentage = 100 * aantal / n if n else None
            van_alle = 100 * aantal / alle if alle else None
            rijen.append(
                (vraag.id, optie.code, optie.label, aantal, n, percentage, vervolg, alle, van_alle)
            )
    return pd.DataFrame(rijen, columns=VERDELING_KOLOMMEN)


def voorlopig_vlag(antwoorden: pd.DataFrame) -> pd.Series:
    """Per answer whether the invuller marked it voorlopig (False for a frame without the
    column, such as one built by hand or by an older export)."""
    if "voorlopig" not in antwoorden:
        return pd.Series(False, index=antwoorden.index, dtype=bool)
    return antwoorden["voorlopig"].fillna(False).astype(bool)


def voorlopig_per_vraag(antwoorden: pd.DataFrame) -> dict[int, int]:
    """Per vraag id: how many of the answers counted in its ``n`` (with a value) the invuller
    marked voorlopig. The one count behind "waarvan voorlopig" in every export; vragen without
    a voorlopig answer are absent."""
    beantwoord = antwoorden["waarde"].notna() & (antwoorden["waarde"] != "")
    telling = antwoorden[beantwoord & voorlopig_vlag(antwoorden)].groupby("vraag_id").size()
    return {int(k): int(v) for k, v in telling.items()}


def rapport_percentage(rij) -> float | None:
    """The percentage shown first: of all respondents for a follow-up (as the report prints
    it), of those who answered the vraag otherwise."""
    return rij.percentage_respondenten if rij.vervolg else rij.percentage


def numerieke_samenvatting(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> pd.DataFrame:
    """Per getal/bedrag vraag: n, mean, median, min and max of the answers given."""
    numeriek = vragen[vragen["vraagtype"].isin([str(t) for t in VRAAGTYPES_NUMERIEK])]
    rijen = []
    for vraag in numeriek.itertuples():
        waarden = pd.to_numeric(
            antwoorden.loc[antwoorden["vraag_id"] == vraag.id, "waarde"], errors="coerce"
        ).dropna()
        if waarden.empty:
            rijen.append((vraag.id, 0, None, None, None, None))
            continue
        rijen.append(
            (
                vraag.id,
                len(waarden),
                float(waarden.mean()),
                float(waarden.median()),
                float(waarden.min()),
                float(waarden.max()),
            )
        )
    return pd.DataFrame(rijen, columns=["vraag_id", "n", "gemiddelde", "mediaan", "min", "max"])


def overzicht(
    *,
    jaar: int,
    peildatum: str | None,
    organisaties: pd.DataFrame,
    vragen: pd.DataFrame,
    antwoorden: pd.DataFrame,
) -> dict:
    """The national aggregates of a round as the stable JSON interface of ``overzicht``.

    Keys: ronde, peildatum, respons[{actortype, ingevuld, totaal, percentage}],
    vragen[{code, actortype, thema, soort, tekst, vraagtype, n, respondenten, verdeling[{optie,
    label, aantal, percentage, percentage_respondenten}] | gemiddelde, mediaan}].
    ``percentage`` is of ``n`` (those who answered the vraag), ``percentage_respondenten`` of
    ``respondenten`` (all organisations of the actortype that answered): the report's base
    for follow-up questions.
    """
    tabel = verdeling(vragen, antwoorden)
    per_vraag = {vraag_id: groep for vraag_id, groep in tabel.groupby("vraag_id")}
    numeriek = numerieke_samenvatting(vragen, antwoorden).set_index("vraag_id")
    vragen_uit = []
    for vraag in vragen.itertuples():
        item = {
            "code": vraag.code,
            "actortype": vraag.actortype,
            "thema": None if pd.isna(vraag.thema_nr) else int(vraag.thema_nr),
            "soort": vraag.soort,
            "tekst": vraag.tekst,
            "vraagtype": vraag.vraagtype,
        }
        if vraag.id in per_vraag:
            groep = per_vraag[vraag.id]
            item["n"] = int(groep["n"].iloc[0])
            item["respondenten"] = int(groep["respondenten"].iloc[0])
            item["verdeling"] = [
                {
                    "optie": r.optie,
                    "label": r.label,
                    "aantal": int(r.aantal),
                    "percentage": _een_decimaal(r.percentage),
                    "percentage_respondenten": _een_decimaal(r.percentage_respondenten),
                }
                for r in groep.itertuples()
            ]
        elif vraag.id in numeriek.index:
            rij = numeriek.loc[vraag.id]
            item["n"] = int(rij["n"])
            item["gemiddelde"] = None if pd.isna(rij["gemiddelde"]) else float(rij["gemiddelde"])
            item["mediaan"] = None if pd.isna(rij["mediaan"]) else float(rij["mediaan"])
        else:
            beantwoord = antwoorden[(antwoorden["vraag_id"] == vraag.id)]
            item["n"] = int(beantwoord["waarde"].notna().sum())
        vragen_uit.append(item)
    respons_tabel = respons(organisaties, antwoorden)
    return {
        "ronde": jaar,
        "peildatum": peildatum,
        "respons": [
            {
                "actortype": r.actortype,
                "ingevuld": int(r.ingevuld),
                "totaal": int(r.totaal),
                "percentage": _een_decimaal(r.percentage),
            }
            for r in respons_tabel.itertuples()
        ],
        "vragen": vragen_uit,
    }


def _een_decimaal(percentage: float | None) -> float | None:
    """Percentages in the JSON interface: one decimal, rounded half up like every shown figure."""
    return None if percentage is None or pd.isna(percentage) else afgerond(percentage, 1)


def index_per_thema_tabel(index: pd.DataFrame, themas: pd.DataFrame) -> pd.DataFrame:
    """Voortgangsindex per thema and actortype with Dutch labels, for charts and tables.

    ``index`` comes from ``gereed.voortgangsindex(..., per=("thema_nr", "actortype"))``.
    Columns out: thema ('1. Reikwijdte'), actor (short label: 'Gemeenten', 'BGZJ'), index
    (0–100, not rounded), aantal;
    ordered by thema and actortype as in the Hervormingsagenda.
    """
    if index.empty:
        return pd.DataFrame(columns=["thema", "actor", "index", "aantal"])
    titels = {int(t.nr): f"{int(t.nr)}. {t.titel}" for t in themas.itertuples()}
    volgorde = {a.code: i for i, a in enumerate(ACTORTYPES)}
    labels = {a.code: a.kort for a in ACTORTYPES}
    tabel = index.assign(
        _thema=index["thema_nr"].astype(int), _actor=index["actortype"].map(volgorde)
    ).sort_values(["_actor", "_thema"])
    return pd.DataFrame(
        {
            "thema": tabel["_thema"].map(titels),
            "actor": tabel["actortype"].map(labels),
            "index": tabel["index"],
            "aantal": tabel["aantal"],
        }
    ).reset_index(drop=True)


def niet_gerespondeerd(
    *, gebruiker: Gebruiker, organisaties: pd.DataFrame, antwoorden: pd.DataFrame
) -> pd.DataFrame:
    """Gemeenten and regio's that did not submit, by name: for beheerders and kijkers only.

    Raises GeenToegang for other roles (the names are not public).
    """
    vereis(gebruiker, Recht.NIET_RESPONDENTEN, "de lijst van wie niet heeft gereageerd")
    gedaan = respondenten(antwoorden)
    collectief = organisaties[organisaties["actortype"].isin(["gemeente", "regio"])]
    return (
        collectief[~collectief["code"].isin(gedaan)][
            ["code", "naam", "actortype", "jeugdregio_code", "provincie_naam"]
        ]
        .sort_values(["actortype", "naam"])
        .reset_index(drop=True)
    )
