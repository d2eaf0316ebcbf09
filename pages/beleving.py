"""Beleving: how far each actortype that was asked feels the intended movement has come, per
thema, and the differences between them."""

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPES
from monitor.opmaak import grafieken as charts
from monitor.opmaak import tekst
from monitor.ui import data, filters, veilig
from monitor.ui.components import figuur, grafiek, tabbladen
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/beleving.py")
st.title("Beleving van de beweging")
ronde, versie = ronde_of_stop(context), context.versie
filter_ = filters.zijbalk(context, velden=("themas", "provincie", "jeugdregio", "inwoners"))
tabellen, verschil = data.beleving(ronde.id, versie, filter_)
gevraagd = list(tabellen)
namen = [ACTORTYPE_BY_CODE[a].label_meervoud.lower() for a in gevraagd]
st.markdown(
    "Per thema gaven de actoren aan in hoeverre volgens hen de beoogde beweging is gemaakt, van "
    "'helemaal niet' tot 'volledig'. Het gaat om hun beleving, niet om de feitelijke voortgang. "
    "Links van de nul: 'helemaal niet' en 'enigszins'; rechts: 'grotendeels' en 'volledig'; "
    "'ongeveer halverwege' staat half links en half rechts van de nul."
)
niet_gevraagd = [a.label_meervoud for a in ACTORTYPES if a.code not in gevraagd]
if niet_gevraagd:
    st.caption(
        f"De vragenlijst {ronde.jaar} vroeg alleen {tekst.opsomming(namen) or 'niemand'} naar "
        f"hun beleving; {tekst.opsomming(niet_gevraagd)} kregen geen belevingsvragen. Een ronde "
        "die hen wel vraagt, verschijnt hier vanzelf."
    )
filters.toon_filter(filter_, versie)
VERSCHILLEN = "Verschillen tussen actoren"


def per_actor(actortype: str) -> None:
    """One actortype's statements, the full width: they are long and must be read whole."""
    tabel = tabellen[actortype]
    naam = ACTORTYPE_BY_CODE[actortype].label_meervoud
    titel = f"{naam}: beleving van de beweging per thema, ronde {ronde.jaar}"
    if tabel.empty or not tabel["percentage"].notna().any():
        st.info(f"Geen antwoorden van {naam.lower()} op de belevingsvragen (met dit filter).")
        return
    grafiek(
        figuur(
            charts.beleving_divergerend, tabel, titel, sleutel=(ronde.id, versie, filter_, titel)
        ),
        titel=titel,
        alt=f"Divergerend staafdiagram: {titel}. Links minder, rechts meer beweging.",
        tabel=lambda: (
            tabel.assign(percentage=tabel["percentage"].map(tekst.procent))
            .rename(columns={"vraag": "Stelling", "label": "Antwoord", "percentage": "Percentage"})
            .drop(columns=["optie"])
        ),
    )


def verschillen() -> None:
    st.caption("Per thema het aandeel dat de beweging 'grotendeels' of 'volledig' gemaakt vindt.")
    veilig.tabel(
        verschil.assign(thema_nr=verschil["thema_nr"].map(lambda n: f"Thema {n}"))
        .rename(columns={"thema_nr": "Thema"})
        .apply(lambda k: k.map(tekst.procent) if k.name != "Thema" else k),
        titel="Beleving: verschillen tussen actoren",
        key="beleving_verschillen",
        download=False,
    )


# One actor at a time: two long charts were drawn on every visit.
per_label = {ACTORTYPE_BY_CODE[a].label_meervoud: a for a in gevraagd}
if per_label:
    blad, inhoud = tabbladen([*per_label, *([VERSCHILLEN] if len(gevraagd) > 1 else [])])
    with inhoud:
        if blad == VERSCHILLEN:
            verschillen()
        else:
            per_actor(per_label[blad])
