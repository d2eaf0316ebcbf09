"""Beheer → Accounts: accounts, invitation links, lifting sign-in waits, reopening submitted
answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from monitor import invoer
from monitor.domain import ROL_LABELS, Rol
from monitor.errors import MonitorFout
from monitor.invullen import accounts
from monitor.invullen import antwoorden as invullen
from monitor.opmaak.tekst import datum_tijd
from monitor.rechten import Gebruiker
from monitor.store import antwoorden as antwoorden_store
from monitor.store import rondes as rondes_store
from monitor.store import schrijven, sessie
from monitor.store.sessie import Session
from monitor.ui import data, veilig


def uitnodiging_voor(token: str) -> str:
    """The organisation code of a valid invitation; MonitorFout (Dutch) when it is not."""
    with sessie.lees(data.engine()) as session:
        return accounts.uitnodiging_voor(session, token, datetime.now(UTC)).organisatie_code


def accepteer_uitnodiging(token: str, *, email: str, naam: str, wachtwoord: str) -> Gebruiker:
    """Make the invited organisation's invuller account, in one transaction."""
    with sessie.schrijf(data.engine()) as session:
        return accounts.accepteer_uitnodiging(
            session, token, email=email, naam=naam, wachtwoord=wachtwoord, nu=datetime.now(UTC)
        )


def toon_accounts(gebruiker: Gebruiker, versie: int) -> None:
    organisaties = data.organisaties(versie)
    namen = dict(zip(organisaties["code"], organisaties["naam"], strict=True))
    _lijst(gebruiker)
    _uitnodiging(gebruiker, namen)
    _nieuw_account(gebruiker, namen)
    _heropenen(gebruiker, namen)


def _lijst(gebruiker: Gebruiker) -> None:
    st.subheader("Accounts")
    with sessie.lees(data.engine()) as session:
        wachten = accounts.wacht_per_account(session, gebruiker, datetime.now(UTC))
        rijen = [
            {
                "E-mailadres": a.email,
                "Naam": a.naam,
                "Rol": ROL_LABELS[a.rol],
                "Organisatie": a.organisatie_code or "",
                "Inloggen wacht tot": datum_tijd(wachten[a.id]) if a.id in wachten else "",
                "Actief": "ja" if a.actief else "nee (geblokkeerd)",
                "Aangemaakt": datum_tijd(a.aangemaakt_op),
                "id": a.id,
            }
            for a in accounts.accounts(session, gebruiker)
        ]
    tabel = pd.DataFrame(rijen)
    if tabel.empty:
        st.caption("Nog geen accounts.")
        return
    veilig.tabel(tabel.drop(columns="id"), titel="Accounts", key="accounts", download=False)
    actief = tabel[(tabel["Actief"] == "ja") & (tabel["id"] != gebruiker.account_id)]
    _account_actie(
        gebruiker,
        actief,
        ("Account blokkeren", "Blokkeren"),
        accounts.blokkeer,
        "Het account kan niet meer inloggen; wie ermee is ingelogd, wordt overal uitgelogd.",
    )
    wachtend = tabel[tabel["Inloggen wacht tot"] != ""]
    _account_actie(
        gebruiker,
        wachtend,
        ("Account dat moet wachten na mislukte pogingen", "Wachttijd opheffen"),
        accounts.hef_wacht_op,
    )


def _account_actie(
    gebruiker: Gebruiker,
    rijen: pd.DataFrame,
    labels: tuple[str, str],
    actie: Callable[[Session, Gebruiker, int, datetime], None],
    uitleg: str | None = None,
) -> None:
    """Pick one of ``rijen`` (accounts) and apply ``actie`` to it with a button."""
    if rijen.empty:
        return
    kies, knop = labels
    keuze = st.selectbox(
        kies,
        rijen["id"],
        format_func=dict(zip(rijen["id"], rijen["E-mailadres"], strict=True)).get,
        help=uitleg,
    )
    if st.button(knop):
        with sessie.schrijf(data.engine()) as session:
            actie(session, gebruiker, int(keuze), datetime.now(UTC))
        st.rerun()


def _uitnodiging(gebruiker: Gebruiker, namen: dict[str, str]) -> None:
    st.subheader("Uitnodiging voor een organisatie")
    st.caption(
        "Een link die één keer werkt en 14 dagen geldig is. Wie hem opent, maakt een account "
        "als invuller voor die organisatie. De link wordt maar één keer getoond."
    )
    with st.form("uitnodiging_maken"):
        org = st.selectbox("Organisatie", list(namen), format_func=lambda c: f"{namen[c]} ({c})")
        gemaakt = st.form_submit_button("Uitnodigingslink maken")
    if gemaakt:
        try:
            with sessie.schrijf(data.engine()) as session:
                nieuw = accounts.maak_uitnodiging(session, gebruiker, org, datetime.now(UTC))
        except MonitorFout as fout:
            veilig.weigering(fout)
            return
        basis = str(getattr(st.context, "url", "") or "").split("/beheer")[0].rstrip("/")
        st.success(f"Uitnodiging voor {namen[org]}, geldig tot {datum_tijd(nieuw.verloopt_op)}:")
        st.code(f"{basis}/inloggen?uitnodiging={nieuw.token}", language=None)


def _nieuw_account(gebruiker: Gebruiker, namen: dict[str, str]) -> None:
    st.subheader("Account aanmaken")
    with st.form("account_maken", clear_on_submit=True):
        email = st.text_input("E-mailadres")
        naam = st.text_input("Naam", max_chars=invoer.ACCOUNTNAAM.max_tekens)
        rol = st.selectbox(
            "Rol", [Rol.KIJKER, Rol.BEHEERDER, Rol.INVULLER], format_func=ROL_LABELS.get
        )
        org = st.selectbox(
            "Organisatie (alleen voor een invuller)",
            [None, *namen],
            format_func=lambda c: "–" if c is None else f"{namen[c]} ({c})",
        )
        wachtwoord = st.text_input(
            "Tijdelijk wachtwoord",
            type="password",
            help=f"Minstens {accounts.MIN_WACHTWOORD_LENGTE} tekens, niet alleen letters.",
        )
        gemaakt = st.form_submit_button("Account aanmaken")
    if not gemaakt:
        return
    try:
        with sessie.schrijf(data.engine()) as session:
            accounts.maak_account(
                session,
                gebruiker,
                email=email,
                naam=naam,
                rol=rol,
                organisatie_code=org,
                wachtwoord=wachtwoord,
                nu=datetime.now(UTC),
            )
    except MonitorFout as fout:
        veilig.weigering(fout)
        return
    st.success(f"Account voor {email.strip().lower()} aangemaakt.")


def _heropenen(gebruiker: Gebruiker, namen: dict[str, str]) -> None:
    st.subheader("Ingediende antwoorden heropenen")
    with sessie.lees(data.engine()) as session:
        ronde = invullen.open_ronde(session)
        if ronde is None:
            st.caption("Er is geen open ronde.")
            return
        ingediend = antwoorden_store.ingediende_organisaties(session, ronde.id)
        ronde_id, jaar = ronde.id, ronde.jaar
    if not ingediend:
        st.caption(f"In ronde {jaar} heeft nog geen organisatie ingediend.")
        return
    org = st.selectbox(
        f"Organisatie (ingediend in ronde {jaar})",
        sorted(ingediend),
        format_func=lambda c: f"{namen.get(c, c)} ({c})",
    )
    if st.button("Heropenen"):
        try:
            with sessie.schrijf(data.engine()) as session:
                invullen.heropenen(
                    session,
                    gebruiker,
                    ronde=rondes_store.ronde(session, ronde_id),
                    organisatie_code=org,
                    nu=datetime.now(UTC),
                )
                schrijven.bump_data_versie(session=session)
        except MonitorFout as fout:
            veilig.weigering(fout)
            return
        st.success(f"De antwoorden van {namen.get(org, org)} kunnen weer worden gewijzigd.")
