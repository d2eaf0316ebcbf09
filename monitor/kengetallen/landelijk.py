"""The national picture of a round: status per thema and actor, map values and respons per
provincie or jeugdregio. Pure: frames in, frames out. The tile figures (share gereed, achter
op planning) are kengetallen.gereed and kengetallen.planning."""

from __future__ import annotations

import pandas as pd

from monitor.domain import ACTORTYPES, Vraagtype, optie_label, parse_opties
from monitor.kengetallen import gereed
from monitor.kengetallen.voortgang import respondenten, respons_percentage, split_waarde

KAART_TYPES = (str(Vraagtype.STATUS4), str(Vraagtype.JANEE), str(Vraagtype.LIKERT5), "keuze")

STATUS_THEMA_KOLOMMEN = ["thema_nr", "thema", "actor", "optie", "label", "aantal", "percentage"]


def status_per_thema(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, themas: pd.DataFrame
) -> pd.DataFrame:
    """Per thema and actortype the distribution of the status answers of its afspraken over the
    status groups (kengetallen.gereed): the 'afgerond' row is the share gereed.

    Percentages (0–100, not rounded) are of all answers of that actortype in that thema; every
    group is present (0 when nobody chose it). Thema's and actors in the Hervormingsagenda
    order.
    """
    verdeling = gereed.status_verdeling(vragen, antwoorden, per=("thema_nr", "actortype"))
    if verdeling.empty:
        return pd.DataFrame(columns=STATUS_THEMA_KOLOMMEN)
    titels = dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))
    volgorde = {a.code: i for i, a in enumerate(ACTORTYPES)}
    kort = {a.code: a.kort for a in ACTORTYPES}
    verdeling = verdeling.assign(
        thema_nr=verdeling["thema_nr"].astype(int),
        _actor=verdeling["actortype"].map(volgorde),
    ).sort_values(["thema_nr", "_actor"], kind="stable")
    return pd.DataFrame(
        {
            "thema_nr": verdeling["thema_nr"],
            "thema": verdeling["thema_nr"].map(lambda nr: f"{nr}. {titels.get(nr, '')}"),
            "actor": verdeling["actortype"].map(kort),
            "optie": verdeling["groep"],
            "label": verdeling["label"],
            "aantal": verdeling["aantal"].astype(int),
            "percentage": verdeling["percentage"].astype(float),
        }
    ).reset_index(drop=True)


def kaart_vragen(vragen: pd.DataFrame, actortype: str) -> pd.DataFrame:
    """The vragen of an actortype that can colour a map: one answer from a fixed list."""
    return vragen[(vragen["actortype"] == actortype) & vragen["vraagtype"].isin(KAART_TYPES)]


def antwoord_per_organisatie(
    organisaties: pd.DataFrame, antwoorden: pd.DataFrame, vraag
) -> pd.DataFrame:
    """Per organisation (code, naam) its answer to ``vraag`` (a row of the vragen frame):
    ``optie`` code and Dutch ``label``; both None without a submitted answer."""
    eigen = antwoorden[(antwoorden["vraag_id"] == vraag.id) & (antwoorden["status"] == "ingediend")]
    waarden = dict(zip(eigen["organisatie_code"], eigen["waarde"], strict=True))
    eigen_opties = parse_opties(vraag.opties or "")
    rijen = []
    for org in organisaties.itertuples():
        codes = split_waarde(waarden.get(org.code))
        optie = codes[0] if len(codes) == 1 else None
        rijen.append(
            (org.code, org.naam, optie, optie_label(optie, eigen_opties) if optie else None)
        )
    return pd.DataFrame(rijen, columns=["code", "naam", "optie", "label"])


RESPONS_GROEP_KOLOMMEN = ["label", "ingevuld", "totaal", "percentage", "regio_ingevuld"]


def respons_per_groep(
    organisaties: pd.DataFrame, antwoorden: pd.DataFrame, *, per: str
) -> pd.DataFrame:
    """Respons of the gemeenten per provincie (``per="provincie"``) or per jeugdregio
    (``per="jeugdregio"``): label, ingevuld, totaal, percentage (0–100, 1 decimal).

    ``regio_ingevuld``: per provincie 'n van N' jeugdregio's (a regio lies in the provincie of
    most of its inhabitants); per jeugdregio 'ja' or 'nee' for the regio itself. Sorted by
    label.
    """
    gedaan = respondenten(antwoorden)
    gemeenten = organisaties[organisaties["actortype"] == "gemeente"]
    regios = organisaties[organisaties["actortype"] == "regio"]
    rijen = []
    if per == "provincie":
        for naam, groep in gemeenten.groupby("provincie_naam", sort=True):
            eigen_regios = regios[regios["provincie_naam"] == naam]
            regio_tekst = f"{int(eigen_regios['code'].isin(gedaan).sum())} van {len(eigen_regios)}"
            rijen.append(_respons_rij(str(naam), groep, gedaan, regio_tekst))
    elif per == "jeugdregio":
        namen = dict(zip(regios["code"], regios["naam"], strict=True))
        for code, groep in gemeenten.groupby("jeugdregio_code", sort=True):
            regio_tekst = "ja" if code in gedaan else "nee"
            rijen.append(_respons_rij(namen.get(code, str(code)), groep, gedaan, regio_tekst))
    else:
        raise ValueError(f"onbekende indeling '{per}'")
    return (
        pd.DataFrame(rijen, columns=RESPONS_GROEP_KOLOMMEN)
        .sort_values("label")
        .reset_index(drop=True)
    )


def _respons_rij(label: str, groep: pd.DataFrame, gedaan: set[str], regio_tekst: str) -> tuple:
    ingevuld = int(groep["code"].isin(gedaan).sum())
    totaal = len(groep)
    percentage = respons_percentage(ingevuld, totaal)
    return (label, ingevuld, totaal, percentage, regio_tekst)
