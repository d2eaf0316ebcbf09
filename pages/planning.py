"""Planning: the afspraken by deadline, what is behind on planning per actor (and what it waits
for), and the deadlines that moved."""

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPE_CODES
from monitor.kengetallen.filters import GEEN_FILTER
from monitor.kengetallen.planning import ACHTER, achter_op_planning, achter_tekst
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek, tabbladen
from monitor.ui.koers import planning_koers_sectie
from monitor.ui.page import ronde_of_stop, setup_page
from monitor.ui.planning import (
    achter_per_thema_sectie,
    planning_bronnen_sectie,
    planning_met_wacht_op,
    tijdlijn_tabel,
    verschoven_sectie,
    wacht_op_sectie,
)

context = setup_page("pages/planning.py")
st.title("Planning")
ronde = ronde_of_stop(context)
st.markdown(
    f"Elke afspraak met een deadline uit de Hervormingsagenda of het Implementatieplan, zoals die "
    f"op de peildatum ({tekst.datum(ronde.peildatum)}) gold. **Achter op planning**: de deadline "
    "is verstreken en de afspraak is niet afgerond (bij een startdatum: nog niet begonnen). De "
    "planning was bij het opstellen van de vragenlijst 2024 nog niet bekend bij de respondenten."
)
tabel = planning_met_wacht_op(ronde.id, ronde.peildatum, context.versie)
if tabel.empty:
    st.info("Geen afspraken met een planning in deze ronde.")
    st.stop()
afspraken = data.afspraken(context.versie)
teksten = dict(zip(afspraken["code"], afspraken["tekst"], strict=True))
blad, inhoud = tabbladen(
    ["Tijdlijn", "Achter op planning", "Op koers?", "Wacht op", "Verschoven", "Bronnen"]
)
with inhoud:
    if blad == "Tijdlijn":
        titel = f"Afspraken op de tijdlijn, ronde {ronde.jaar}"
        grafiek(
            figuur(
                charts.planning_tijdlijn,
                tabel,
                ronde.peildatum,
                titel,
                sleutel=(ronde.id, ronde.peildatum, context.versie, titel),
            ),
            titel=titel,
            alt=f"Tijdlijn: {titel}; kleur en vorm geven de stand ten opzichte van de planning.",
            tabel=lambda: tijdlijn_tabel(tabel),
        )
    elif blad == "Achter op planning":
        st.header("Achter op planning")
        st.markdown(
            f"Op de peildatum stonden "
            f"**{achter_tekst(achter_op_planning(tabel, ronde.peildatum))}** achter op planning. "
            "Een afspraak-vraag is een afspraak per actor die hem beantwoordt; bij gemeenten en "
            "regio's telt de stand van de meerderheid."
        )
        cijfers = data.kerncijfers_per_thema_actor(
            ronde.id, ronde.peildatum, context.versie, GEEN_FILTER
        )
        achter_per_thema_sectie(cijfers)
        achter = tabel[(tabel["status"] == ACHTER) & tabel["aandeel_achter"].isna()]
        for actortype in [a for a in ACTORTYPE_CODES if a in set(achter["actortype"])]:
            groep = achter[achter["actortype"] == actortype]
            st.subheader(ACTORTYPE_BY_CODE[actortype].label_meervoud)
            for rij in groep.itertuples():
                wacht = f" — {rij.wacht_op}" if rij.wacht_op else ""
                st.markdown(f"- {rij.afspraak} *(planning: {rij.planning})*{wacht}")
        gedeeld = tabel[tabel["aandeel_achter"].notna() & (tabel["aandeel_achter"] > 0)]
        if not gedeeld.empty:
            st.subheader("Gemeenten en regio's: aandeel achter op planning")
            veilig.tabel(
                gedeeld.assign(aandeel_achter=gedeeld["aandeel_achter"].map(tekst.procent)).rename(
                    columns={
                        "afspraak": "Afspraak",
                        "actor": "Actor",
                        "planning": "Planning",
                        "aandeel_achter": "Achter (%)",
                        "n": "Respondenten",
                        "wacht_op": "Wacht op",
                    }
                )[["Afspraak", "Actor", "Planning", "Achter (%)", "Respondenten", "Wacht op"]],
                titel="Gemeenten en regio's: aandeel achter op planning",
                key="aandeel_achter",
                download=False,
                vast=True,
            )
    elif blad == "Op koers?":
        planning_koers_sectie(ronde, context.versie)
    elif blad == "Wacht op":
        wacht_op_sectie(
            data.wacht_op(ronde.id, context.versie), teksten, data.afhankelijkheden(context.versie)
        )
    elif blad == "Verschoven":
        verschoven_sectie(data.planning(context.versie), teksten)
    else:
        planning_bronnen_sectie(data.planning(context.versie), teksten)
