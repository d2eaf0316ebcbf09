"""Page parts of Respons: one tab each (per actor, per provincie or jeugdregio, the question
count, who has not responded); only the open tab is built."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from monitor.kengetallen.filters import Filter
from monitor.opmaak import grafieken, tekst
from monitor.rechten import Recht, mag
from monitor.reflectie.dias import dia_titel
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek
from monitor.ui.page import PaginaContext

BLADEN = ("Per actor", "Per provincie", "Per jeugdregio", "Aantal vragen", "Nog niet gereageerd")
KOPPEN = {
    "label": "Actor",
    "ingevuld": "Ingevuld",
    "totaal": "Totaal",
    "percentage": "Respons (%)",
}


def _weergave(tabel: pd.DataFrame, koppen: dict[str, str]) -> pd.DataFrame:
    """The table as shown: the percentage with one decimal, rounded half up."""
    getoond = tabel.assign(percentage=tabel["percentage"].map(lambda p: tekst.afgerond(p, 1)))
    return getoond.rename(columns=koppen)


def uitleg(context: PaginaContext, ronde: data.RondeInfo) -> None:
    """What the rates count, above every tab."""
    st.caption(
        "Percentages zijn berekend op de indeling van dit jaar (bijvoorbeeld 342 gemeenten en 42 "
        "jeugdregio's in 2024)."
    )
    for zin in data.respons_uitleg(ronde.id, ronde.jaar, context.versie):
        st.caption(zin)
    voorlopig = data.voorlopig_ingediend(ronde.id, context.versie)
    st.caption(
        f"Waarvan voorlopig ingediend: {voorlopig}. Deze organisaties gaven bij het indienen aan "
        "dat hun antwoorden voorlopig zijn; ze tellen mee in de cijfers."
    )


def blad(naam: str, context: PaginaContext, ronde: data.RondeInfo, filter_: Filter) -> None:
    """The content of tab ``naam`` (one of :data:`BLADEN`)."""
    if naam == "Per actor":
        _per_actor(context, ronde, filter_)
    elif naam == "Per provincie":
        _per_groep(context, ronde, filter_, "provincie", "Provincie", "Jeugdregio's ingevuld")
    elif naam == "Per jeugdregio":
        _per_groep(context, ronde, filter_, "jeugdregio", "Jeugdregio", "Regio zelf ingevuld")
    elif naam == "Aantal vragen":
        _aantal_vragen(context, ronde)
    else:
        _nog_niet_gereageerd(context, ronde)


def _per_actor(context: PaginaContext, ronde: data.RondeInfo, filter_: Filter) -> None:
    tabel = data.respons_gefilterd(ronde.id, context.versie, filter_)
    titel = dia_titel("respons", ronde.jaar, data.themas(context.versie))  # as on the slide
    grafiek(
        figuur(
            grafieken.respons_staaf,
            tabel,
            titel,
            sleutel=(ronde.id, context.versie, filter_, titel),
        ),
        titel=titel,
        alt=f"Staafdiagram: {titel}",
        tabel=lambda: _weergave(tabel, KOPPEN).drop(columns=["actortype"]),
    )


def _per_groep(
    context: PaginaContext,
    ronde: data.RondeInfo,
    filter_: Filter,
    per: str,
    naam: str,
    regio_kop: str,
) -> None:
    """The gemeenten's respons per provincie or jeugdregio."""
    groepen = data.respons_per_groep(ronde.id, context.versie, per, filter_, context.gebruiker)
    if groepen.empty:
        st.info("Geen gemeenten met dit filter.")
        return
    titel = f"Respons van de gemeenten per {naam.lower()}, ronde {ronde.jaar}"
    grafiek(
        figuur(
            grafieken.respons_staaf,
            groepen,
            titel,
            hoogte=160 + 24 * len(groepen),
            sleutel=(ronde.id, context.versie, per, filter_, context.gebruiker, titel),
        ),
        titel=titel,
        alt=f"Staafdiagram: {titel}.",
        tabel=lambda: _weergave(groepen, {**KOPPEN, "label": naam, "regio_ingevuld": regio_kop}),
    )


def _aantal_vragen(context: PaginaContext, ronde: data.RondeInfo) -> None:
    telling = data.vragen_telling(ronde.id, ronde.jaar, context.versie)
    if telling.empty:
        st.info("Voor deze ronde is er geen telling van de vragen in het rapport.")
        return
    st.caption(
        "Het rapport telt per actor het aantal gestelde vragen; de monitor toont alleen vragen "
        "die het rapport ook laat zien."
    )
    veilig.tabel(
        telling.drop(columns=["actortype"]).rename(
            columns={
                "actor": "Actor",
                "rapport": "Vragen in het rapport",
                "monitor": "Vragen in de monitor",
                "toelichting": "Verschil",
            }
        ),
        titel="Aantal vragen: rapport en monitor",
        key="vragen_telling",
        download=False,
    )


def _nog_niet_gereageerd(context: PaginaContext, ronde: data.RondeInfo) -> None:
    """Who has not submitted; the data layer refuses it to anyone without the right, this only
    says so instead of asking."""
    if not mag(context.gebruiker, Recht.NIET_RESPONDENTEN):
        st.caption("Welke gemeenten en regio's niet reageerden, zien alleen beheerders en kijkers.")
        return
    ontbrekend = data.niet_gerespondeerd(ronde.id, context.gebruiker, context.versie)
    st.caption(
        f"{len(ontbrekend)} gemeenten en regio's hebben in ronde {ronde.jaar} niet ingediend."
    )
    veilig.tabel(
        ontbrekend.rename(
            columns={
                "code": "Code",
                "naam": "Naam",
                "actortype": "Soort",
                "jeugdregio_code": "Jeugdregio",
                "provincie_naam": "Provincie",
            }
        ),
        titel=f"Nog niet gereageerd, ronde {ronde.jaar}",
        key="niet_gereageerd",
        download=False,
    )
