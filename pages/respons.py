"""Respons: how many organisations filled in the questionnaire, per actortype, provincie and
jeugdregio, and (for beheerders and kijkers) who has not."""

import streamlit as st

from monitor.opmaak import grafieken, tekst
from monitor.rechten import Recht, mag
from monitor.ui import data, filters, veilig
from monitor.ui.components import figuur, grafiek
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
tabel = data.respons_gefilterd(ronde.id, context.versie, filter_)
titel = f"Respons per actor, ronde {ronde.jaar}"
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
grafiek(
    figuur(
        grafieken.respons_staaf, tabel, titel, sleutel=(ronde.id, context.versie, filter_, titel)
    ),
    titel=titel,
    alt=f"Staafdiagram: {titel}",
    tabel=lambda: _weergave(tabel, KOPPEN).drop(columns=["actortype"]),
)

for per, naam, regio_kop in (
    ("provincie", "Provincie", "Jeugdregio's ingevuld"),
    ("jeugdregio", "Jeugdregio", "Regio zelf ingevuld"),
):
    st.subheader(f"Respons van de gemeenten per {naam.lower()}")
    groepen = data.respons_per_groep(ronde.id, context.versie, per, filter_, context.gebruiker)
    if groepen.empty:
        st.info("Geen gemeenten met dit filter.")
        continue
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
        tabel=lambda groepen=groepen, naam=naam, regio_kop=regio_kop: _weergave(
            groepen, {**KOPPEN, "label": naam, "regio_ingevuld": regio_kop}
        ),
    )

telling = data.vragen_telling(ronde.id, ronde.jaar, context.versie)
if not telling.empty:
    st.subheader("Aantal vragen: rapport en monitor")
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

st.subheader("Nog niet gereageerd")
if not mag(context.gebruiker, Recht.NIET_RESPONDENTEN):
    st.caption("Welke gemeenten en regio's niet reageerden, zien alleen beheerders en kijkers.")
    st.stop()
ontbrekend = data.niet_gerespondeerd(ronde.id, context.gebruiker, context.versie)
st.caption(f"{len(ontbrekend)} gemeenten en regio's hebben in ronde {ronde.jaar} niet ingediend.")
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
