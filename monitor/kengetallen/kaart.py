"""The rows of the map of the Netherlands, as far as the gate lets a user see them.

Pure: frames in, frames out. A map per gemeente or jeugdregio names every organisation by its
place, so it is a per-organisation view only for users who may see every organisation's
result by name and who did not respond (kijkers and beheerders) in a named round; an
organisation on ``niet_noemen`` stays grey there. Everyone else sees aggregates: gemeenten per
jeugdregio, jeugdregio's per provincie, each only when at least MIN_ANONIEM organisations
answered. The public sees a map only for published rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from monitor.domain import RondeStatus
from monitor.opmaak.tekst import procent
from monitor.rechten import MIN_ANONIEM, Recht, RondeInstellingen, Zicht, mag

# layer → (geometry layer of its aggregate, the organisations' column that groups them)
AGGREGAAT = {"gemeente": ("regio", "jeugdregio_code"), "regio": ("provincie", "provincie_code")}
NIET_GEPUBLICEERD = (
    "De kaart toont openbare cijfers alleen voor gepubliceerde rondes. Kies een gepubliceerde "
    "ronde, of log in."
)


@dataclass(frozen=True)
class Kaart:
    laag: str  # the geometry: gemeente, regio or provincie
    rijen: pd.DataFrame  # code, naam, waarde (0–100) or optie/label; aggregates add n, totaal
    per_organisatie: bool
    melding: str = ""  # Dutch: what the map shows and why


def per_organisatie_toegestaan(zicht: Zicht) -> bool:
    """A map per organisation: only named rounds, for users who may see every organisation's
    result and who did not respond."""
    gebruiker = zicht.gebruiker
    return (
        zicht.toegang.zichtbaar
        and not zicht.anoniem
        and mag(gebruiker, Recht.NAMEN_ANDEREN)
        and mag(gebruiker, Recht.NIET_RESPONDENTEN)
    )


def kaart_rijen(
    zicht: Zicht,
    *,
    instellingen: RondeInstellingen,
    waarden: pd.DataFrame,
    organisaties: pd.DataFrame,
    laag: str,
    opties: list[tuple[str, str]] | None = None,
) -> Kaart:
    """The map's rows for ``laag`` (gemeente or regio) as the gate allows.

    ``waarden`` has one row per organisation of the layer: code, naam and either ``waarde``
    (index 0–100, NaN without answer) or ``optie``/``label`` (None without answer; then
    ``opties`` gives the (code, label) pairs in their order).
    """
    if per_organisatie_toegestaan(zicht):
        verborgen = ~waarden["code"].isin(zicht.genoemd)
        rijen = waarden[~verborgen]  # not even 'no answer': that would say something too
        niet_noemen = (verborgen & waarden["code"].isin(zicht.namen)).any()
        melding = (
            "Organisaties die niet met naam genoemd willen worden, staan niet op de kaart."
            if niet_noemen
            else ""
        )
        return Kaart(laag, rijen.reset_index(drop=True), True, melding)
    if not mag(zicht.gebruiker, Recht.ANTWOORDEN_ANDEREN) and (
        instellingen.status != RondeStatus.GEPUBLICEERD
    ):
        return Kaart(AGGREGAAT[laag][0], pd.DataFrame(), False, NIET_GEPUBLICEERD)
    return aggregaat(waarden, organisaties, laag=laag, opties=opties)


def aggregaat(
    waarden: pd.DataFrame,
    organisaties: pd.DataFrame,
    *,
    laag: str,
    opties: list[tuple[str, str]] | None = None,
) -> Kaart:
    """Gemeenten per jeugdregio, jeugdregio's per provincie: the mean index (0–100, not rounded)
    or the most chosen option, only where at least MIN_ANONIEM organisations answered."""
    geometrie, kolom = AGGREGAAT[laag]
    leden = organisaties[organisaties["actortype"] == laag][["code", kolom]]
    frame = leden.merge(waarden.drop(columns="naam"), on="code", how="left")
    namen = _groepnamen(organisaties, geometrie)
    rijen = []
    for groep_code, groep in frame.groupby(kolom, sort=True):
        if opties is None:
            beantwoord = groep["waarde"].dropna()
            n = len(beantwoord)
            waarde = float(beantwoord.mean()) if n >= MIN_ANONIEM else float("nan")
            rijen.append((groep_code, namen.get(groep_code, groep_code), waarde, n, len(groep)))
        else:
            beantwoord = groep["optie"].dropna()
            n = len(beantwoord)
            optie, verdeling = (
                _meest_gekozen(beantwoord, opties) if n >= MIN_ANONIEM else (None, "")
            )
            label = dict(opties).get(optie) if optie else None
            rijen.append(
                (
                    groep_code,
                    namen.get(groep_code, groep_code),
                    optie,
                    label,
                    verdeling,
                    n,
                    len(groep),
                )
            )
    kolommen = (
        ["code", "naam", "waarde", "n", "totaal"]
        if opties is None
        else ["code", "naam", "optie", "label", "verdeling", "n", "totaal"]
    )
    eenheid = "jeugdregio" if geometrie == "regio" else "provincie"
    soort = "gemeenten" if laag == "gemeente" else "jeugdregio's"
    melding = (
        f"Totalen per {eenheid}: de {soort} samen, alleen waar minstens {MIN_ANONIEM} "
        f"{soort} antwoordden (anders grijs). Cijfers van afzonderlijke {soort} zijn er voor "
        "kijkers en beheerders."
    )
    return Kaart(geometrie, pd.DataFrame(rijen, columns=kolommen), False, melding)


def _groepnamen(organisaties: pd.DataFrame, geometrie: str) -> dict[str, str]:
    if geometrie == "regio":
        regios = organisaties[organisaties["actortype"] == "regio"]
        return dict(zip(regios["code"], regios["naam"], strict=True))
    paren = organisaties[["provincie_code", "provincie_naam"]].dropna().drop_duplicates()
    return dict(zip(paren["provincie_code"], paren["provincie_naam"], strict=True))


def _meest_gekozen(gekozen: pd.Series, opties: list[tuple[str, str]]) -> tuple[str, str]:
    """The most chosen option (ties: the first in the option order) and the distribution as
    text ('60% Ja · 40% Nee')."""
    tellingen = gekozen.value_counts()
    volgorde = [code for code, _ in opties if code in tellingen]
    beste = max(volgorde, key=lambda c: (tellingen[c], -volgorde.index(c)))
    labels = dict(opties)
    verdeling = " · ".join(
        f"{procent(100 * tellingen[c] / len(gekozen))} {labels[c]}" for c in volgorde
    )
    return beste, verdeling
