"""Page parts of the reflectiesessie: the slide, the notes under it, the deck editor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from monitor import invoer
from monitor.domain import ACTORTYPE_BY_CODE, ACTORTYPES
from monitor.errors import MonitorFout
from monitor.opmaak.tekst import datum, datum_tijd_kort
from monitor.rapportage.figuren import dia_figuur
from monitor.rechten import Gebruiker, Recht, mag
from monitor.reflectie.dias import Dia
from monitor.store import reflectie, sessie
from monitor.ui import data, veilig
from monitor.ui.components import figuur, grafiek
from monitor.ui.koers import koers_weergave
from monitor.ui.veilig import platte_tekst

# Large fonts for the slide area only (a projector in a meeting room).
DIA_CSS = """
<style>
.st-key-dia h2 { font-size: 2.6rem !important; line-height: 1.2; }
.st-key-dia .st-key-kernboodschap p { font-size: 1.7rem; font-weight: 600; }
.st-key-dia p, .st-key-dia li { font-size: 1.25rem; }
</style>
"""

# Presentatiemodus (?presentatie=1): no sidebar or header, tight padding, a compact demo banner,
# so that at 1280×720 the title, the key message and the whole chart fit without scrolling.
PRESENTATIE_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] { display: none !important; }
.stMainBlockContainer, [data-testid="stMainBlockContainer"] {
  padding: 0.75rem 2rem 2rem 2rem !important; max-width: 100% !important; }
[data-testid="stAlertContainer"] { padding: 0.2rem 0.75rem !important; }
[data-testid="stAlertContainer"] p { font-size: 0.8rem !important; }
.st-key-dia h2 { font-size: 2rem !important; padding: 0 !important; }
.st-key-dia .st-key-kernboodschap p { font-size: 1.35rem !important; margin: 0 !important; }
</style>
"""

# Chart height in the presentatiemodus: what is left of 720 px under banner, title, message.
PRESENTATIE_HOOGTE = 480

# Keys that presentation clickers send: PageDown/PageUp, and the left/right arrows. In the
# presentatiemodus the listener is added to the page once; it acts only while the URL says
# ?presentatie=1 and clicks the slide buttons, so the URL (?dia=) follows as usual. Up/down
# arrows keep scrolling (to the notes).
TOETSEN_JS = """
<script>
if (!window.__diaToetsen) {
  window.__diaToetsen = true;
  document.addEventListener("keydown", (e) => {
    const invoer = "input, textarea, select, [contenteditable=true]";
    if (new URLSearchParams(location.search).get("presentatie") !== "1") return;
    if (e.target?.closest?.(invoer) || e.altKey || e.ctrlKey || e.metaKey) return;
    const knop = {PageDown: "volgende_dia", ArrowRight: "volgende_dia",
                  PageUp: "vorige_dia", ArrowLeft: "vorige_dia"}[e.key];
    if (!knop) return;
    const element = document.querySelector(".st-key-" + knop + " button");
    if (!element) return;
    e.preventDefault();
    if (!element.disabled) element.click();
  });
}
</script>
"""


def opgeslagen_deck(ronde_id: int, beschikbaar: list[str]) -> list[str]:
    """The round's deck: the saved slides that still exist, or every slide."""
    with sessie.lees(data.engine()) as session:
        return reflectie.load_deck(session=session, ronde_id=ronde_id, beschikbaar=beschikbaar)


def actiepunten(gebruiker: Gebruiker, ronde_id: int) -> pd.DataFrame:
    """The round's actiepunten as the user may read them (store.reflectie checks the right)."""
    with sessie.lees(data.engine()) as session:
        return reflectie.actiepunten(session=session, gebruiker=gebruiker, ronde_id=ronde_id)


def notities_van_ronde(gebruiker: Gebruiker, ronde_id: int) -> pd.DataFrame:
    """Every note of the round, for the speaker notes of the PPTX and the PDF."""
    with sessie.lees(data.engine()) as session:
        return reflectie.notities(session=session, gebruiker=gebruiker, ronde_id=ronde_id)


def bewaar_opvolging(gebruiker: Gebruiker, opvolging: dict[int, str]) -> None:
    """Save the changed opvolging per notitie id, all or nothing (one transaction)."""
    with sessie.schrijf(data.engine()) as session:
        for notitie_id, tekst in opvolging.items():
            reflectie.set_opvolging(
                session=session, gebruiker=gebruiker, notitie_id=notitie_id, opvolging=tekst
            )


def dia_nummer(aantal: int) -> int:
    """The slide number (1-based) from ``?dia=``; anything else is slide 1."""
    tekst = st.query_params.get("dia", "1")
    nummer = int(tekst) if tekst.isdigit() else 1
    return nummer if 1 <= nummer <= aantal else 1


def presentatiemodus() -> bool:
    """True with ``?presentatie=1``: the slide fills the screen (projector)."""
    return st.query_params.get("presentatie") == "1"


def _zet_presentatie(aan: bool) -> None:
    if aan:
        st.query_params["presentatie"] = "1"
    else:
        st.query_params.pop("presentatie", None)


def presentatie_knop(aan: bool) -> None:
    """Switch the presentatiemodus on or off; in it, hide sidebar and header."""
    if aan:
        st.markdown(PRESENTATIE_CSS, unsafe_allow_html=True)
    st.button(
        "Presentatiemodus sluiten" if aan else "Presentatiemodus (volledig scherm)",
        key="presentatie_knop",
        on_click=_zet_presentatie,
        args=(not aan,),
        help="Volgende en vorige dia met PageDown en PageUp of de pijltjestoetsen.",
    )


def _naar(nummer: int) -> None:
    st.query_params["dia"] = str(nummer)


def bladeren(nummer: int, aantal: int, *, toetsen: bool = False) -> None:
    """Previous / next buttons; the slide number lives in the URL (``?dia=3``). With
    ``toetsen`` (presentatiemodus) PageDown/PageUp and the left/right arrows press them."""
    if toetsen:
        st.html(TOETSEN_JS, unsafe_allow_javascript=True)
    links, midden, rechts = st.columns([1, 2, 1], vertical_alignment="center")
    links.button(
        "← Vorige",
        key="vorige_dia",
        disabled=nummer <= 1,
        on_click=_naar,
        args=(nummer - 1,),
        width="stretch",
    )
    midden.markdown(
        f"<p style='text-align:center'>Dia {nummer} van {aantal}</p>", unsafe_allow_html=True
    )
    rechts.button(
        "Volgende →",
        key="volgende_dia",
        disabled=nummer >= aantal,
        on_click=_naar,
        args=(nummer + 1,),
        width="stretch",
    )


def dia_tabel(dia: Dia) -> pd.DataFrame:
    """The slide's figures as a table: the Op koers? table for a range slide."""
    if dia.bereik is not None:
        return koers_weergave(dia.bereik, dia.bereik["rij"], "Actor en thema")
    return dia.tabel.drop(columns=["reeks_code"]).rename(
        columns={"categorie": "Categorie", "reeks": "Reeks", "waarde": "Waarde"}
    )


def toon_dia(dia: Dia, *, sleutel: tuple, presentatie: bool = False) -> None:
    """The slide: title, key message, chart. In the presentatiemodus the chart has a fixed
    height (:data:`PRESENTATIE_HOOGTE`) so the whole slide fits a 1280×720 projector.
    ``sleutel``: what the slide catalogue was made from (round, data versie), the chart's key
    together with the slide's own key."""
    st.markdown(DIA_CSS, unsafe_allow_html=True)
    with st.container(key="dia"):
        st.header(dia.titel)
        with st.container(key="kernboodschap"):
            st.markdown(dia.kernboodschap)
        grafiek(
            figuur(
                dia_figuur,
                dia,
                groot=True,
                hoogte=PRESENTATIE_HOOGTE if presentatie else None,
                sleutel=(*sleutel, dia.sleutel, presentatie),
            ),
            titel=dia.titel,
            alt=dia.alt,
            tabel=lambda: dia_tabel(dia),
        )
        if dia.toelichting:
            st.caption(dia.toelichting)


def notities_onder_dia(gebruiker: Gebruiker, ronde_id: int, dia: Dia) -> None:
    """The notes of this slide (signed-in users) and a form to add one (facilitators)."""
    st.subheader("Notities bij deze dia")
    if not mag(gebruiker, Recht.NOTITIES_LEZEN):
        st.caption("Notities en actiepunten zijn zichtbaar na inloggen.")
        return
    with sessie.lees(data.engine()) as session:
        tabel = reflectie.notities(
            session=session, gebruiker=gebruiker, ronde_id=ronde_id, dia=dia.sleutel
        )
    if tabel.empty:
        st.caption("Nog geen notities bij deze dia.")
    for rij in tabel.itertuples():
        kop = datum_tijd_kort(rij.aangemaakt_op)
        if rij.is_actiepunt:
            eigenaar = ACTORTYPE_BY_CODE.get(rij.eigenaar)
            naam = eigenaar.label_meervoud if eigenaar else platte_tekst(rij.eigenaar)
            kop += f" · **actiepunt** voor {naam}"
            if rij.deadline is not None and not pd.isna(rij.deadline):
                kop += f", deadline {datum(rij.deadline)}"
        st.markdown(kop)
        st.text(rij.tekst)  # plain text, never HTML
    if mag(gebruiker, Recht.NOTITIES_SCHRIJVEN):
        _notitie_formulier(gebruiker, ronde_id, dia)
    else:
        st.caption("Notities maken kunnen beheerders en kijkers (de begeleiders van de sessie).")


def _notitie_formulier(gebruiker: Gebruiker, ronde_id: int, dia: Dia) -> None:
    with st.form("notitie_formulier", clear_on_submit=True):
        tekst = st.text_area(
            "Notitie: het verhaal achter de cijfers (zonder namen of contactgegevens)",
            key="notitie_tekst",
            max_chars=invoer.NOTITIE.max_tekens,
        )
        actiepunt = st.checkbox("Dit is een actiepunt", key="notitie_actiepunt")
        kolom1, kolom2 = st.columns(2)
        eigenaar = kolom1.selectbox(
            "Eigenaar (actor)",
            [a.code for a in ACTORTYPES],
            format_func=lambda c: next(a.label_meervoud for a in ACTORTYPES if a.code == c),
            key="notitie_eigenaar",
        )
        deadline = kolom2.date_input(
            "Deadline (dag-maand-jaar)", value=None, format="DD-MM-YYYY", key="notitie_deadline"
        )
        if st.form_submit_button("Notitie bewaren"):
            _bewaar(
                gebruiker,
                ronde_id,
                dia,
                tekst,
                eigenaar if actiepunt else None,
                deadline if actiepunt else None,
            )


def _bewaar(
    gebruiker: Gebruiker,
    ronde_id: int,
    dia: Dia,
    tekst: str,
    eigenaar: str | None,
    deadline: date | None,
) -> None:
    try:
        with sessie.schrijf(data.engine()) as session:
            reflectie.add_notitie(
                session=session,
                gebruiker=gebruiker,
                ronde_id=ronde_id,
                dia=dia.sleutel,
                tekst=tekst,
                eigenaar=eigenaar,
                deadline=deadline,
            )
    except MonitorFout as fout:
        veilig.weigering(fout, voor="Niet bewaard: ", waarschuwing=True)
        return
    st.rerun()


def deck_editor(
    gebruiker: Gebruiker, ronde_id: int, catalogus: Sequence[Dia], deck: list[str]
) -> None:
    """Choose and order the slides (facilitators only); saved as the round's deck."""
    if not mag(gebruiker, Recht.NOTITIES_SCHRIJVEN):
        return
    titels = {d.sleutel: d.titel for d in catalogus}
    with st.expander("Deck samenstellen: dia's kiezen en ordenen"):
        positie = {s: i + 1 for i, s in enumerate(deck)}
        tabel = pd.DataFrame(
            {
                "Tonen": [d.sleutel in positie for d in catalogus],
                "Volgorde": [
                    positie.get(d.sleutel, len(deck) + i + 1) for i, d in enumerate(catalogus)
                ],
                "Dia": [d.titel for d in catalogus],
                "Sleutel": [d.sleutel for d in catalogus],
            }
        ).sort_values("Volgorde")
        bewerkt = st.data_editor(
            tabel,
            hide_index=True,
            disabled=["Dia", "Sleutel"],
            key="deck_tabel",
            column_config={"Volgorde": st.column_config.NumberColumn(min_value=1, step=1)},
        )
        if st.button("Deck bewaren", key="deck_bewaren"):
            gekozen = bewerkt[bewerkt["Tonen"]].sort_values("Volgorde", kind="stable")
            try:
                with sessie.schrijf(data.engine()) as session:
                    reflectie.save_deck(
                        session=session,
                        gebruiker=gebruiker,
                        ronde_id=ronde_id,
                        dias=gekozen["Sleutel"].tolist(),
                    )
            except MonitorFout as fout:
                veilig.weigering(fout, voor="Niet bewaard: ", waarschuwing=True)
                return
            st.query_params["dia"] = "1"
            st.rerun()
        st.caption(f"{len(deck)} van de {len(titels)} dia's in het deck.")
