"""The national picture of a round: tile figures, status per thema and actor, map values and
respons per provincie or jeugdregio. Pure: frames in, frames out."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from monitor.domain import (
    ACTORTYPES,
    GEREED_OPTIES,
    STATUS_GROEP,
    STATUS_GROEP_LABELS,
    Vraagtype,
    optie_label,
)
from monitor.kengetallen.planning import ACHTER
from monitor.kengetallen.voortgang import respondenten, split_waarde
from monitor.rondes.vragenlijst import parse_opties

STATUS_TYPES = (str(Vraagtype.STATUS4), str(Vraagtype.JANEE))
KAART_TYPES = (str(Vraagtype.STATUS4), str(Vraagtype.JANEE), str(Vraagtype.LIKERT5), "keuze")


@dataclass(frozen=True)
class Aandeel:
    aantal: int
    totaal: int

    @property
    def percentage(self) -> float | None:
        return 100 * self.aantal / self.totaal if self.totaal else None


def _afspraak_antwoorden(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> pd.DataFrame:
    """Answers to afspraak vragen of type status or ja/nee, with thema and actortype."""
    eigen = vragen[(vragen["soort"] == "afspraak") & vragen["vraagtype"].isin(STATUS_TYPES)]
    frame = antwoorden[antwoorden["status"] == "ingediend"].merge(
        eigen[["id", "thema_nr", "actortype"]], left_on="vraag_id", right_on="id"
    )
    return frame[frame["waarde"].isin(STATUS_GROEP.keys())]


def aandeel_afgerond(vragen: pd.DataFrame, antwoorden: pd.DataFrame) -> Aandeel:
    """Of all submitted answers to afspraak vragen (status or ja/nee) in the round: how many
    are 'afgerond' or 'ja'. Every answer counts once, so the 308 gemeenten weigh more than the
    single Rijk."""
    frame = _afspraak_antwoorden(vragen, antwoorden)
    return Aandeel(int(frame["waarde"].isin(GEREED_OPTIES).sum()), len(frame))


def aantal_achter(planning_overzicht: pd.DataFrame) -> int:
    """Afspraken of which at least one actor (for gemeenten and regio's: the majority of their
    respondents) is behind on planning at the peildatum."""
    achter = planning_overzicht[planning_overzicht["status"] == ACHTER]
    return int(achter["afspraak_code"].nunique())


STATUS_THEMA_KOLOMMEN = ["thema_nr", "thema", "actor", "optie", "label", "aantal", "percentage"]


def status_per_thema(
    vragen: pd.DataFrame, antwoorden: pd.DataFrame, themas: pd.DataFrame
) -> pd.DataFrame:
    """Per thema and actortype the distribution of the status answers of its afspraken.

    'Ja' counts as 'afgerond of ja', 'nee' as 'nog niet begonnen of nee' (domain.STATUS_GROEP).
    Percentages (0–100) are of all answers of that actortype in that thema; every option is
    present (0 when nobody chose it). Thema's and actors in the Hervormingsagenda order.
    """
    frame = _afspraak_antwoorden(vragen, antwoorden)
    if frame.empty:
        return pd.DataFrame(columns=STATUS_THEMA_KOLOMMEN)
    frame = frame.assign(groep=frame["waarde"].map(STATUS_GROEP))
    titels = dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))
    rijen = []
    for thema_nr in sorted(frame["thema_nr"].dropna().astype(int).unique()):
        per_thema = frame[frame["thema_nr"] == thema_nr]
        for actor in ACTORTYPES:
            groep = per_thema[per_thema["actortype"] == actor.code]
            if groep.empty:
                continue
            tellingen = groep["groep"].value_counts()
            for optie, label in STATUS_GROEP_LABELS.items():
                aantal = int(tellingen.get(optie, 0))
                rijen.append(
                    (
                        thema_nr,
                        f"{thema_nr}. {titels.get(thema_nr, '')}",
                        actor.kort,
                        optie,
                        label,
                        aantal,
                        100 * aantal / len(groep),
                    )
                )
    return pd.DataFrame(rijen, columns=STATUS_THEMA_KOLOMMEN)


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
    percentage = round(100 * ingevuld / totaal, 1) if totaal else None
    return (label, ingevuld, totaal, percentage, regio_tekst)
