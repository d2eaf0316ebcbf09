"""Thema: the ambitie, then per actor the afspraken with planning and answer distribution."""

import streamlit as st

from monitor import charts, format, themaoverzicht
from monitor.autorisatie import mag_namen_zien
from monitor.domain import ACTORTYPE_BY_CODE
from monitor.ui import data
from monitor.ui.components import grafiek
from monitor.ui.page import ronde_of_stop, setup_page

context = setup_page("pages/thema.py")
st.title("Thema's")
ronde, versie = ronde_of_stop(context), context.versie
themas = data.themas(versie)
nummers = themas["nr"].astype(int).tolist()
titels = dict(zip(nummers, themas["titel"], strict=True))
gevraagd = st.query_params.get("thema", "1")
nr = st.selectbox(
    "Thema",
    nummers,
    index=nummers.index(int(gevraagd)) if gevraagd.isdigit() and int(gevraagd) in nummers else 0,
    format_func=lambda n: f"{n}. {titels[n]}",
    key="thema",
)
st.query_params["thema"] = str(nr)
thema = themas.set_index("nr").loc[nr]
st.header(f"{nr}. {thema['titel']}")
st.markdown(f"**Ambitie:** {thema['ambitie']}")
st.caption(
    f"Ronde {ronde.jaar}, peildatum {format.datum(ronde.peildatum)}. Planning volgens "
    "Hervormingsagenda of Implementatieplan, zoals die op de peildatum gold."
)

vragen = data.vragen(ronde.id, versie)
verdeling = data.verdeling(ronde.id, versie)
tabel = data.thema_tabel(ronde.id, ronde.peildatum, nr, versie)
if tabel.empty:
    st.info("Dit thema heeft in deze ronde geen vragen.")
for actortype, groep in tabel.groupby("actortype", sort=False):
    actor = ACTORTYPE_BY_CODE[actortype]
    st.subheader(actor.label_meervoud)
    weergave = groep.rename(
        columns={
            "tekst": "Afspraak",
            "planning": "Planning",
            "planningstatus": "Stand t.o.v. planning",
            "n": "Antwoorden",
            "samenvatting": "Antwoord(en)",
        }
    )[["Afspraak", "Planning", "Stand t.o.v. planning", "Antwoorden", "Antwoord(en)"]]
    if not actor.collectief:
        st.table(weergave.drop(columns=["Antwoorden"]), hide_index=True, border="horizontal")
        continue
    staaf = themaoverzicht.verdeling_voor_grafiek(verdeling, groep)
    titel = f"{actor.label_meervoud}: antwoorden per afspraak, thema {nr}, ronde {ronde.jaar}"
    if not staaf.empty:
        grafiek(
            charts.verdeling_staaf(staaf, titel),
            titel=titel,
            alt=f"Gestapeld staafdiagram: {titel}",
            tabel=weergave.drop(columns=["Stand t.o.v. planning"]),
        )
    informatie = groep["vraagtype"].isin(themaoverzicht.INFORMATIE_TYPES)
    if informatie.any():
        st.markdown("**Ter informatie gevraagd**")
        st.table(
            weergave[informatie.to_numpy()].drop(columns=["Planning", "Stand t.o.v. planning"]),
            hide_index=True,
            border="horizontal",
        )

st.subheader("Toelichtingen")
if not mag_namen_zien(context.gebruiker):
    st.caption("Toelichtingen zijn zichtbaar na inloggen.")
    st.stop()
zoekterm = st.text_input("Zoek in de toelichtingen", key="zoek_toelichting")
toelichtingen = themaoverzicht.toelichtingen(
    thema_nr=nr,
    vragen=vragen,
    antwoorden=data.antwoorden(ronde.id, versie),
    organisaties=data.organisaties(versie),
    zoekterm=zoekterm,
)
st.caption(f"{len(toelichtingen)} toelichtingen")
st.dataframe(toelichtingen, hide_index=True, width="stretch")
