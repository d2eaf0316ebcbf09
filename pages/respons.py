"""Respons: how many organisations filled in the questionnaire, per actortype, provincie and
jeugdregio, and (for beheerders and kijkers) who has not."""

import streamlit as st

from monitor.opmaak import grafieken, tekst
from monitor.rechten import Recht, mag
from monitor.ui import data, filters, veilig
from monitor.ui.components import figuur, grafiek, tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

KOPPEN = {
    "label": "Actor",
    "ingevuld": "Ingevuld",
    "totaal": "Totaal",
    "percentage": "Respons (%)",
}


def _weergave(tabel, koppen: dict[str, str]):
    """The table as shown: the percentage with one decimal, rounded half up."""
    getoond = tabel.assign(percentage=tabel["percentage"].map(lambda p: tekst.afgerond(p, 1)))
    return getoond.rename(columns=koppen)


context = setup_page("pages/respons.py")
st.title("Respons")
ronde = ronde_of_stop(context)
filter_ = filters.zijbalk(context, velden=("actor", "provincie", "jeugdregio", "inwoners"))
filters.toon_filter(filter_, context.versie)
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


def per_actor() -> None:
    tabel = data.respons_gefilterd(ronde.id, context.versie, filter_)
    titel = f"Respons per actor, ronde {ronde.jaar}"
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


def per_groep(per: str, naam: str, regio_kop: str) -> None:
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


def aantal_vragen() -> None:
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


def nog_niet_gereageerd() -> None:
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


# One chart at a time: the three charts (one with a bar per jeugdregio) and the tables were
# drawn together on every visit.
blad, inhoud = tabbladen(
    ["Per actor", "Per provincie", "Per jeugdregio", "Aantal vragen", "Nog niet gereageerd"]
)
with inhoud:
    if blad == "Per actor":
        per_actor()
    elif blad == "Per provincie":
        per_groep("provincie", "Provincie", "Jeugdregio's ingevuld")
    elif blad == "Per jeugdregio":
        per_groep("jeugdregio", "Jeugdregio", "Regio zelf ingevuld")
    elif blad == "Aantal vragen":
        aantal_vragen()
    else:
        nog_niet_gereageerd()
