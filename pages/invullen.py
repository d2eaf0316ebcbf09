"""Invullen: the organisation's questionnaire of the open round, per thema, then indienen."""

import streamlit as st

from monitor.domain import AntwoordStatus
from monitor.invullen import antwoorden as invullen
from monitor.opmaak import tekst
from monitor.opmaak.excel import tabel_naar_xlsx
from monitor.rechten import Recht, mag
from monitor.ui import data, veilig
from monitor.ui.components import excel_knop, keuze_uit_url
from monitor.ui.invullen import (
    benchmark_na_indienen,
    dien_in,
    lees_stand,
    ontbrekende_vragen,
    stap_knoppen,
    toon_vraag,
)
from monitor.ui.page import setup_page

CONTROLE = 0  # the last step: review and submit

context = setup_page("pages/invullen.py", rondekiezer=False)
gebruiker = context.gebruiker
st.title("Vragenlijst invullen")

organisaties = data.organisaties(context.versie)
namen = dict(zip(organisaties["code"], organisaties["naam"], strict=True))
if not mag(gebruiker, Recht.LEZEN_VOOR_ALLE):
    org = gebruiker.organisatie_code
else:  # a beheerder can fill in or correct for any organisation (the write path checks)
    codes = organisaties["code"].tolist()
    org = keuze_uit_url(
        "Organisatie",
        codes,
        key="organisatie",
        standaard="GM0363" if "GM0363" in codes else codes[0],
        format_func=lambda c: f"{namen[c]} ({c})",
    )

stand = lees_stand(gebruiker, org)
if stand is None:
    st.info("Er is op dit moment geen ronde open om in te vullen.")
    st.stop()

ronde = stand.ronde
st.sidebar.markdown(f"**U vult ronde {ronde.jaar} in.**")
st.markdown(
    f"**{namen[org]}** · {ronde.titel} · peildatum {tekst.datum(ronde.peildatum)} · "
    f"sluitdatum {tekst.datum(ronde.sluit_datum)}"
)
ingediend = stand.inzending is not None and stand.inzending.status == AntwoordStatus.INGEDIEND
if ingediend:
    st.success(
        f"Ingediend op {tekst.datum_tijd(stand.inzending.ingediend_op)}"
        f"{' als voorlopig' if stand.inzending.voorlopig else ''}. Dank u wel! "
        "De antwoorden zijn nu alleen te lezen."
    )
    st.info(benchmark_na_indienen(ronde))
elif stand.alleen_lezen:
    st.warning(stand.alleen_lezen)
else:
    st.caption(
        "Elk antwoord wordt bewaard zodra u het geeft (als concept). U kunt stoppen en later "
        "verder gaan; pas na 'Indienen' telt het mee in de monitor."
    )

voortgang = invullen.invulvoortgang(stand.vragen)
beantwoord = sum(t.beantwoord for t in voortgang)
totaal = sum(t.totaal for t in voortgang)
st.progress(
    beantwoord / totaal if totaal else 0.0, text=f"{beantwoord} van {totaal} vragen beantwoord"
)

themas = data.themas(context.versie)
titels = dict(zip(themas["nr"].astype(int), themas["titel"], strict=True))
per_thema = {t.thema_nr: t for t in voortgang}
stappen = [t.thema_nr for t in voortgang if t.thema_nr is not None] + [CONTROLE]


def _stap_label(nr: int) -> str:
    if nr == CONTROLE:
        return "Controleren en indienen"
    t = per_thema[nr]
    klaar = " ✓" if t.beantwoord == t.totaal else ""
    return f"{nr}. {titels.get(nr, '')} ({t.beantwoord}/{t.totaal}){klaar}"


stap = keuze_uit_url("Stap", stappen, key="stap", standaard=stappen[0], format_func=_stap_label)
waarden = {v.code: v.waarde for v in stand.vragen}

if stap != CONTROLE:
    st.header(f"{stap}. {titels.get(stap, '')}")
    for vraag in stand.vragen:
        if vraag.thema_nr == stap and invullen.zichtbaar(vraag, waarden):
            toon_vraag(gebruiker, stand, vraag)
    stap_knoppen(stappen, stap, _stap_label)
    st.stop()

st.header("Controleren en indienen")
tabel = invullen.antwoorden_tabel(stand.vragen)
veilig.tabel(tabel, titel=f"Antwoorden {org} {ronde.jaar}", key="eigen_antwoorden", download=False)
excel_knop(
    "Download uw antwoorden (Excel)",
    lambda demo: tabel_naar_xlsx(tabel, f"Antwoorden {org} {ronde.jaar}", demo=demo),
    bestandsnaam=f"antwoorden-{org}-{ronde.jaar}.xlsx",
)
open_vragen = invullen.ontbrekend(stand.vragen)
if open_vragen:
    ontbrekende_vragen(open_vragen, titels)
if not ingediend and not stand.alleen_lezen:
    bevestigd = st.checkbox(
        "Ik heb de antwoorden gecontroleerd; na indienen kan ik ze niet meer wijzigen."
    )
    voorlopig = st.checkbox(
        "Deze indiening is voorlopig",
        help="Kruis aan als de antwoorden nog niet definitief zijn; wie uw antwoorden mag zien, "
        "ziet dat ze voorlopig zijn.",
    )
    if st.button("Indienen", type="primary", disabled=bool(open_vragen) or not bevestigd):
        fout = dien_in(gebruiker, stand, voorlopig=voorlopig)
        if fout:
            veilig.weigering(fout)
        else:
            st.rerun()
stap_knoppen(stappen, stap, _stap_label)
