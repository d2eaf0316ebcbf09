"""The shared set-up of every run: the navigation (``app.py``), then the page's own start.

:func:`navigatie` runs first on every run: it keeps the sign-in up to date and gives
``st.navigation`` every page, showing only those the role may open. Streamlit draws that list
in the sidebar itself, from one message, instead of a page rebuilding fifteen links on every
run. Every page then calls :func:`setup_page`: page config, the refusal for a role that may not
open it (a deep link to a hidden page), the round chooser and the sign-in box.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import streamlit as st

from monitor.config import get_settings, sessie_geheim
from monitor.domain import DEMO_BANNER, ROL_LABELS, Rol, RondeStatus
from monitor.invullen import accounts, inlogsessie
from monitor.rechten import PUBLIEK, Gebruiker, mag
from monitor.store import sessie
from monitor.ui import data
from monitor.ui.components import keuze_uit_url, uitklap
from monitor.ui.navigation import PAGINA_BY_PAD, PAGINAS, START, Pagina, paginas_voor

SESSIE_GEBRUIKER = "gebruiker"
OVERDRACHT = "inlogsessie_overdracht"  # one-time code, handed to the browser on the next run
COOKIE_WISSEN = "inlogsessie_cookie_wissen"
# Set by navigatie() when it brought the sign-in up to date in this run, so that setup_page does
# not check it a second time. A page can also run without app.py: Streamlit's older mode for a
# pages/ directory, which AppTest uses for a page it opens directly.
_SESSIE_GECONTROLEERD = "_sessie_gecontroleerd"
APP_TITEL = "Monitor Hervormingsagenda Jeugd"

# Streamlit writes "Press Enter to apply" under a text field and has no option to change it;
# the first hint span is replaced by Dutch text (the character counter after it stays). Also
# the titles' size on a phone.
NL_INVOER_CSS = """
<style>
[data-testid="InputInstructions"] > span:first-child { font-size: 0; }
[data-testid="InputInstructions"] > span:first-child::after {
  font-size: 0.75rem; content: "Enter: toepassen";
}
[data-testid="stTextArea"] [data-testid="InputInstructions"] > span:first-child::after {
  content: "Ctrl+Enter: toepassen";
}
[data-testid="stForm"] [data-testid="InputInstructions"] > span:first-child::after {
  content: "Enter: formulier versturen";
}
[data-testid="stForm"] [data-testid="stTextArea"] [data-testid="InputInstructions"]
  > span:first-child::after { content: "Ctrl+Enter: formulier versturen"; }
/* A phone (390 px): Streamlit's 2.75rem title breaks 'Hervormingsagenda' inside the word. */
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 1.75rem; }
  [data-testid="stMain"] h2 { font-size: 1.4rem; }
}
</style>
"""


@dataclass(frozen=True)
class PaginaContext:
    gebruiker: Gebruiker
    ronde: data.RondeInfo | None
    rondes: list[data.RondeInfo]
    versie: int
    demo: bool


def current_user() -> Gebruiker:
    """The signed-in user of this tab, or the public visitor.

    In order: this tab's own sign-in (kept in session state, its session row checked on every
    rerun by :func:`_sessie_bijhouden`), the session cookie (a reload, another tab, another
    process), OIDC, else the public view.
    """
    opgeslagen = st.session_state.get(SESSIE_GEBRUIKER)
    if not opgeslagen:
        return _cookie_gebruiker() or _oidc_gebruiker() or PUBLIEK
    return Gebruiker(
        rol=Rol(opgeslagen["rol"]),
        naam=opgeslagen.get("naam", ""),
        organisatie_code=opgeslagen.get("organisatie_code"),
        account_id=opgeslagen.get("account_id"),
    )


def _termijnen() -> inlogsessie.Termijnen:
    settings = get_settings()
    return inlogsessie.Termijnen(
        idle=timedelta(minutes=settings.sessie_minuten),
        absoluut=timedelta(hours=settings.sessie_max_uren),
    )


def _bewaar(gebruiker: Gebruiker, sessie_id: int | None) -> None:
    st.session_state[SESSIE_GEBRUIKER] = {
        "rol": gebruiker.rol.value,
        "naam": gebruiker.naam,
        "organisatie_code": gebruiker.organisatie_code,
        "account_id": gebruiker.account_id,
        "sessie_id": sessie_id,
        "laatst_actief": datetime.now(UTC).isoformat(),
    }


def zet_gebruiker(gebruiker: Gebruiker) -> None:
    """Sign this tab in as ``gebruiker`` (a fresh session: nothing of the previous user stays).

    An account also gets a session row; the next run hands its one-time code to the browser,
    which trades it for the session cookie (``serve.py``), so the sign-in survives a reload.
    """
    st.session_state.clear()
    sessie_id = None
    if gebruiker.account_id is not None:
        sessie_id, code = inlogsessie.start(
            data.engine(), gebruiker, datetime.now(UTC), _termijnen()
        )
        st.session_state[OVERDRACHT] = code
    _bewaar(gebruiker, sessie_id)


def sessie_cookie() -> str | None:
    """The session cookie the browser sent with this tab's websocket (``st.context.cookies``)."""
    try:
        return st.context.cookies.get(inlogsessie.COOKIE)
    except (AttributeError, RuntimeError):  # no browser behind this run
        return None


def _cookie_gebruiker() -> Gebruiker | None:
    """The user the session cookie signs in (a reload or a new tab), noted in this tab."""
    waarde = sessie_cookie()
    if not waarde:
        return None
    ingelogd = inlogsessie.gebruiker_voor_cookie(
        data.engine(), waarde, datetime.now(UTC), sessie_geheim(), _termijnen().idle
    )
    if ingelogd is None:
        return None
    _bewaar(ingelogd.gebruiker, ingelogd.sessie_id)
    return ingelogd.gebruiker


def _sessie_bijhouden() -> None:
    """End this tab's sign-in when its session row ended (sign-out elsewhere, blocked, timed
    out); otherwise note this moment as activity."""
    opgeslagen = st.session_state.get(SESSIE_GEBRUIKER)
    if not opgeslagen or "laatst_actief" not in opgeslagen:
        return
    nu = datetime.now(UTC)
    sessie_id = opgeslagen.get("sessie_id")
    if sessie_id is not None:
        verlopen = (
            inlogsessie.gebruiker_voor_sessie(data.engine(), sessie_id, nu, _termijnen().idle)
            is None
        )
    else:  # a sign-in without account row: this tab only
        laatst = datetime.fromisoformat(opgeslagen["laatst_actief"])
        verlopen = accounts.sessie_verlopen(laatst, nu, get_settings().sessie_minuten)
    if verlopen:
        st.session_state.clear()
        st.session_state["sessie_verlopen"] = True
        st.session_state[COOKIE_WISSEN] = True
        return
    opgeslagen["laatst_actief"] = nu.isoformat()


def _cookie_bijwerken() -> None:
    """Let the browser fetch or drop the session cookie at our route (``serve.py``)."""
    code = st.session_state.pop(OVERDRACHT, None)
    if code:
        _post_script(inlogsessie.ROUTE_SESSIE, {"code": code})
    if st.session_state.pop(COOKIE_WISSEN, False):
        _post_script(inlogsessie.ROUTE_UITLOGGEN, {})


def _post_script(pad: str, velden: dict[str, str]) -> None:
    """A same-origin POST from the page; the custom header is the route's CSRF check."""
    body = json.dumps(urlencode(velden))
    st.html(
        f"<script>fetch({json.dumps(pad)}, {{method: 'POST', credentials: 'same-origin', "
        f"headers: {{'Content-Type': 'application/x-www-form-urlencoded', "
        f"'{inlogsessie.CSRF_KOP}': '1'}}, body: {body}}});</script>",
        unsafe_allow_javascript=True,
    )


@st.cache_resource(show_spinner=False)
def oidc_ingesteld() -> bool:
    """Whether ``secrets.toml`` configures OIDC, read once per process: without the file
    Streamlit looks for it again on every call, on every rerun."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _oidc_gebruiker() -> Gebruiker | None:
    """A user signed in through the organisation's identity provider, mapped by e-mail."""
    if not oidc_ingesteld() or not getattr(st.user, "is_logged_in", False):
        return None
    with sessie.lees(data.engine()) as session:
        gebruiker = accounts.gebruiker_voor_oidc(session, str(st.user.get("email", "")))
    if gebruiker is not None:
        zet_gebruiker(gebruiker)
    return gebruiker


def navigatie() -> st.Page:
    """The page this run shows, from Streamlit's navigation for this visitor's role.

    Every page is registered, so that a deep link to one the role may not open still reaches
    the page and its refusal; only the role's own pages are listed. One flat list: Streamlit
    puts section headers inside the list's markup (a <div> in a <ul>), which screen readers
    cannot follow (axe: list, listitem)."""
    _sessie_bijhouden()
    st.session_state[_SESSIE_GECONTROLEERD] = True
    zichtbaar = set(paginas_voor(current_user().rol))
    paginas = [
        st.Page(
            pagina.pad,
            title=pagina.titel,
            icon=pagina.icoon or None,
            default=pagina.pad == START,
            visibility="visible" if pagina in zichtbaar else "hidden",
        )
        for pagina in PAGINAS
    ]
    return st.navigation(paginas, expanded=True)


def setup_page(pad: str, *, rondekiezer: bool = True) -> PaginaContext:
    """Start a page: config, sidebar, and a refusal (then stop) when the role may not see it.

    ``rondekiezer=False`` leaves out the sidebar's round of the figures, for a page that works
    on one round of its own (Invullen: the open round), so that the two cannot disagree."""
    pagina = PAGINA_BY_PAD[pad]
    st.set_page_config(page_title=f"{pagina.titel} · {APP_TITEL}", page_icon="📊", layout="wide")
    st.html(NL_INVOER_CSS)  # style only: Streamlit adds it without taking space
    if not data.database_klaar():
        st.error(
            "De database is nog leeg. Voer eerst `make run` uit, of "
            "`python -m monitor init` en `python -m monitor demo`."
        )
        st.stop()
    if not st.session_state.pop(_SESSIE_GECONTROLEERD, False):
        _sessie_bijhouden()  # a page run without app.py (see _SESSIE_GECONTROLEERD)
    gebruiker = current_user()
    _cookie_bijwerken()
    versie = data.data_versie()
    demo = data.is_demo(versie)
    rondes = data.rondes(versie)
    ronde = _sidebar(pagina, gebruiker, rondes if rondekiezer else None, demo, versie)
    if demo:
        st.info(f"**{DEMO_BANNER}**: alle antwoorden en toelichtingen zijn verzonnen.", icon="ℹ️")
    if st.session_state.pop("sessie_verlopen", False):
        st.warning(
            "Uw sessie is beëindigd: verlopen na een tijd zonder activiteit, elders "
            "uitgelogd of door een beheerder geblokkeerd. Log opnieuw in."
        )
    if not mag(gebruiker, pagina.recht):
        st.error(
            f"Geen toegang: de pagina '{pagina.titel}' is niet beschikbaar voor uw rol "
            f"({ROL_LABELS[gebruiker.rol]}). Log in met een rol die deze pagina mag zien."
        )
        st.stop()
    return PaginaContext(gebruiker, ronde, rondes, versie, demo)


def _sidebar(
    pagina: Pagina,
    gebruiker: Gebruiker,
    rondes: list[data.RondeInfo] | None,
    demo: bool,
    versie: int,
) -> data.RondeInfo | None:
    with st.sidebar:
        ronde = _ronde_kiezer(rondes) if rondes is not None else None
        st.divider()
        _inlog(gebruiker, demo, versie)
    return ronde


def _ronde_kiezer(rondes: list[data.RondeInfo]) -> data.RondeInfo | None:
    if not rondes:
        st.caption("Nog geen rondes.")
        return None
    jaren = [r.jaar for r in rondes]
    afgesloten = [
        r.jaar for r in rondes if r.status in (RondeStatus.GESLOTEN, RondeStatus.GEPUBLICEERD)
    ]
    jaar = keuze_uit_url(
        "Ronde",
        jaren,
        key="ronde",
        standaard=(afgesloten or jaren)[-1],  # a round still being filled in is not the default
        help="De jaarlijkse ronde van de monitor waarvan u de cijfers ziet.",
    )
    return next(r for r in rondes if r.jaar == jaar)


def _inlog(gebruiker: Gebruiker, demo: bool, versie: int) -> None:
    if gebruiker.rol != Rol.PUBLIEK:
        org = f" — {gebruiker.organisatie_code}" if gebruiker.organisatie_code else ""
        st.caption(f"Ingelogd als **{gebruiker.naam}** ({ROL_LABELS[gebruiker.rol]}{org})")
        if st.button("Uitloggen", key="uitloggen"):
            sessie_id = st.session_state.get(SESSIE_GEBRUIKER, {}).get("sessie_id")
            if sessie_id is not None:
                inlogsessie.beeindig(data.engine(), sessie_id, datetime.now(UTC))
            st.session_state.clear()
            st.session_state[COOKIE_WISSEN] = True
            if oidc_ingesteld() and getattr(st.user, "is_logged_in", False):
                st.logout()
            st.rerun()
        return
    st.caption("U bekijkt de openbare cijfers (alleen totalen).")
    if demo and get_settings().demo_toegestaan:
        _demo_inlog(versie)


def _demo_inlog(versie: int) -> None:
    """Sign in as any role without password: only while the database holds demo data only."""
    with uitklap("Demo-inlog", key="demo_inlog") as open_:
        if not open_:  # the list of 389 organisations travels only to who opens it
            return
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
            with sessie.schrijf(data.engine()) as session:
                gebruiker = accounts.demo_account(session, rol, organisatie, datetime.now(UTC))
            zet_gebruiker(gebruiker)
            st.rerun()


def ronde_of_stop(context: PaginaContext) -> data.RondeInfo:
    """The chosen round; without any round the page says so and stops."""
    if context.ronde is None:
        st.info("Er is nog geen ronde. Een beheerder maakt de eerste ronde aan.")
        st.stop()
    return context.ronde
