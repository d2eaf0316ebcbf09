"""Inloggen: with e-mail and password, through an invitation link, or via the organisation."""

from datetime import UTC, datetime

import streamlit as st

from monitor import invoer
from monitor.domain import ROL_LABELS, Rol
from monitor.errors import MonitorFout
from monitor.invullen import accounts
from monitor.rechten import Recht, mag
from monitor.ui import data, veilig
from monitor.ui.beheer_accounts import accepteer_uitnodiging, uitnodiging_voor
from monitor.ui.page import oidc_ingesteld, setup_page, zet_gebruiker

context = setup_page("pages/inloggen.py")
st.title("Inloggen")


def _uitnodiging(token: str) -> None:
    """An invitation link: make the organisation's invuller account, once."""
    try:
        organisatie_code = uitnodiging_voor(token)
        organisatie = (
            data.organisaties(context.versie).set_index("code").loc[organisatie_code, "naam"]
        )
    except MonitorFout as fout:
        veilig.weigering(fout)
        return
    st.subheader(f"Account aanmaken voor {organisatie}")
    st.caption(
        "U bent uitgenodigd om de monitor in te vullen voor uw organisatie. Deze link werkt één "
        f"keer. Kies een wachtwoord van minstens {accounts.MIN_WACHTWOORD_LENGTE} tekens."
    )
    with st.form("uitnodiging"):
        naam = st.text_input("Uw naam", max_chars=invoer.ACCOUNTNAAM.max_tekens)
        email = st.text_input("E-mailadres")
        wachtwoord = st.text_input("Wachtwoord", type="password")
        herhaling = st.text_input("Herhaal het wachtwoord", type="password")
        verstuurd = st.form_submit_button("Account aanmaken")
    if not verstuurd:
        return
    if wachtwoord != herhaling:
        st.error("Wachtwoord: de twee wachtwoorden zijn niet gelijk.")
        return
    try:
        gebruiker = accepteer_uitnodiging(token, email=email, naam=naam, wachtwoord=wachtwoord)
    except MonitorFout as fout:
        veilig.weigering(fout)
        return
    st.query_params.clear()
    zet_gebruiker(gebruiker)
    st.rerun()


gebruiker = context.gebruiker
if gebruiker.rol != Rol.PUBLIEK:
    org = f" voor {gebruiker.organisatie_code}" if gebruiker.organisatie_code else ""
    st.success(f"U bent ingelogd als {gebruiker.naam} ({ROL_LABELS[gebruiker.rol]}{org}).")
    if mag(gebruiker, Recht.INVULLEN):
        st.page_link("pages/invullen.py", label="Naar de vragenlijst", icon=":material/edit_note:")
    st.stop()

token = st.query_params.get("uitnodiging")
if token:
    _uitnodiging(token)
    st.stop()

if oidc_ingesteld():
    st.button("Inloggen via uw organisatie", on_click=st.login, type="primary")
    st.caption("Of log in met het e-mailadres en wachtwoord van uw account:")

with st.form("inloggen"):
    email = st.text_input("E-mailadres", autocomplete="username")
    wachtwoord = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
    verstuurd = st.form_submit_button("Inloggen")
if verstuurd:
    ip = st.context.ip_address  # None on localhost; spoofable, so the address counts as well
    resultaat = accounts.inloggen(
        data.engine(),
        email,
        wachtwoord,
        datetime.now(UTC),
        client=ip if isinstance(ip, str) else None,
    )
    if resultaat.gebruiker is None:
        st.error(resultaat.melding or accounts.ONJUISTE_INLOG)
    else:
        zet_gebruiker(resultaat.gebruiker)
        st.rerun()
st.caption(
    "Nog geen account? Uw organisatie krijgt een uitnodigingslink van de beheerder van de "
    "monitor. Zonder inloggen ziet u de openbare cijfers (alleen totalen)."
)
