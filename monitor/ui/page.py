"""The shared set-up every page starts with: page config, sign-in and role check, sidebar.

Classic ``pages/`` mode: every page calls :func:`setup_page` itself, so a deep link works on
the very first request after a restart. Streamlit's own page list is hidden
(``client.showSidebarNavigation = false``); the sidebar shows only the pages the role may see.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from monitor.autorisatie import PUBLIEK, Gebruiker
from monitor.config import get_settings
from monitor.domain import DEMO_BANNER, ROL_LABELS, Rol, RondeStatus
from monitor.ui import data
from monitor.ui.components import keuze_uit_url
from monitor.ui.navigation import PAGINA_BY_PAD, Pagina, paginas_voor

SESSIE_GEBRUIKER = "gebruiker"
APP_TITEL = "Monitor Hervormingsagenda Jeugd"


@dataclass(frozen=True)
class PaginaContext:
    gebruiker: Gebruiker
    ronde: data.RondeInfo | None
    rondes: list[data.RondeInfo]
    versie: int
    demo: bool


def current_user() -> Gebruiker:
    """The signed-in user of this tab, or the public visitor."""
    opgeslagen = st.session_state.get(SESSIE_GEBRUIKER)
    if not opgeslagen:
        return PUBLIEK
    return Gebruiker(
        rol=Rol(opgeslagen["rol"]),
        naam=opgeslagen.get("naam", ""),
        organisatie_code=opgeslagen.get("organisatie_code"),
        account_id=opgeslagen.get("account_id"),
    )


def setup_page(pad: str) -> PaginaContext:
    """Start a page: config, sidebar, and a refusal (then stop) when the role may not see it."""
    pagina = PAGINA_BY_PAD[pad]
    st.set_page_config(page_title=f"{pagina.titel} · {APP_TITEL}", page_icon="📊", layout="wide")
    if not data.database_klaar():
        st.error(
            "De database is nog leeg. Voer eerst `make run` uit, of "
            "`python -m monitor init` en `python -m monitor demo`."
        )
        st.stop()
    gebruiker = current_user()
    versie = data.data_versie()
    demo = data.is_demo(versie)
    rondes = data.rondes(versie)
    ronde = _sidebar(pagina, gebruiker, rondes, demo, versie)
    if demo:
        st.info(f"**{DEMO_BANNER}**: alle antwoorden en toelichtingen zijn verzonnen.", icon="ℹ️")
    if gebruiker.rol not in pagina.rollen:
        st.error(
            f"Geen toegang: de pagina '{pagina.titel}' is niet beschikbaar voor uw rol "
            f"({ROL_LABELS[gebruiker.rol]}). Log in met een rol die deze pagina mag zien."
        )
        st.stop()
    return PaginaContext(gebruiker, ronde, rondes, versie, demo)


def _sidebar(
    pagina: Pagina,
    gebruiker: Gebruiker,
    rondes: list[data.RondeInfo],
    demo: bool,
    versie: int,
) -> data.RondeInfo | None:
    with st.sidebar:
        st.markdown(f"### {APP_TITEL}")
        _navigatie(gebruiker)
        ronde = _ronde_kiezer(rondes)
        st.divider()
        _inlog(gebruiker, demo, versie)
    return ronde


def _navigatie(gebruiker: Gebruiker) -> None:
    sectie = None
    for pagina in paginas_voor(gebruiker.rol):
        if pagina.sectie != sectie:
            sectie = pagina.sectie
            st.markdown(f"**{sectie}**")
        st.page_link(pagina.pad, label=pagina.titel, icon=pagina.icoon or None)


def _ronde_kiezer(rondes: list[data.RondeInfo]) -> data.RondeInfo | None:
    if not rondes:
        st.caption("Nog geen rondes.")
        return None
    jaren = [r.jaar for r in rondes]
    # A round in concept has no answers yet: the newest round past concept is the default.
    met_cijfers = [r.jaar for r in rondes if r.status != RondeStatus.CONCEPT] or jaren
    jaar = keuze_uit_url(
        "Ronde",
        jaren,
        key="ronde",
        standaard=met_cijfers[-1],
        help="De jaarlijkse ronde van de monitor waarvan u de cijfers ziet.",
    )
    return next(r for r in rondes if r.jaar == jaar)


def _inlog(gebruiker: Gebruiker, demo: bool, versie: int) -> None:
    if gebruiker.rol != Rol.PUBLIEK:
        org = f" — {gebruiker.organisatie_code}" if gebruiker.organisatie_code else ""
        st.caption(f"Ingelogd als **{gebruiker.naam}** ({ROL_LABELS[gebruiker.rol]}{org})")
        if st.button("Uitloggen", key="uitloggen"):
            st.session_state.clear()
            st.rerun()
        return
    if demo and get_settings().demo_toegestaan:
        _demo_inlog(versie)
    else:
        st.caption("U bekijkt de openbare cijfers (alleen totalen).")


def _demo_inlog(versie: int) -> None:
    """Sign in as any role without password: only while the database holds demo data only."""
    with st.expander("Demo-inlog", expanded=False):
        rollen = [Rol.BEHEERDER, Rol.KIJKER, Rol.INVULLER]
        rol = st.selectbox("Rol", rollen, format_func=lambda r: ROL_LABELS[r], key="demo_rol")
        organisaties = data.organisaties(versie)
        codes = organisaties["code"].tolist()
        namen = dict(zip(organisaties["code"], organisaties["naam"], strict=True))
        organisatie = st.selectbox(
            "Organisatie",
            codes,
            index=codes.index("GM0363") if "GM0363" in codes else 0,
            format_func=lambda c: f"{namen[c]} ({c})",
            key="demo_organisatie",
            help="Alleen van belang voor de rol invuller.",
        )
        if st.button("Inloggen als demo-gebruiker", key="demo_inloggen"):
            st.session_state.clear()
            st.session_state[SESSIE_GEBRUIKER] = {
                "rol": rol.value,
                "naam": f"Demo {ROL_LABELS[rol].split(' ')[0].lower()}",
                "organisatie_code": organisatie if rol == Rol.INVULLER else None,
            }
            st.rerun()


def ronde_of_stop(context: PaginaContext) -> data.RondeInfo:
    """The chosen round; without any round the page says so and stops."""
    if context.ronde is None:
        st.info("Er is nog geen ronde. Een beheerder maakt de eerste ronde aan.")
        st.stop()
    return context.ronde
