"""Beleving: how far each actortype that was asked feels the intended movement has come, per
thema, and the differences between them."""

import streamlit as st

from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPES
from monitor.opmaak import tekst
from monitor.ui import beleving as ui
from monitor.ui import data, filters
from monitor.ui.components import tabbladen
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
# One actor at a time: two long charts were drawn on every visit.
if per_label := ui.bladen(gevraagd):
    blad, inhoud = tabbladen(list(per_label))
    with inhoud:
        if (actortype := per_label[blad]) is None:
            ui.verschillen(verschil)
        else:
            ui.per_actor(actortype, tabellen[actortype], ronde, versie, filter_)
