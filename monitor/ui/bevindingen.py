"""Page part: the bevindingen of a thema, as a draft from the figures or as saved, editable
by facilitators (``Recht.BEVINDINGEN_SCHRIJVEN``)."""

from __future__ import annotations

import streamlit as st

from monitor import invoer
from monitor.errors import MonitorFout
from monitor.kengetallen.bevindingen import bronnen_tekst, concept_tekst
from monitor.rapportage.bevindingen import ThemaBevinding, laad_bevindingen
from monitor.rechten import Gebruiker, Recht, mag
from monitor.reflectie.dias import Bron, thema_van_dia
from monitor.store import bevindingen as opslag
from monitor.store import sessie
from monitor.ui import data, veilig

CONCEPT_UITLEG = (
    "Concept, met vaste regels geschreven uit de landelijke cijfers van deze ronde (geen "
    "taalmodel; het filter in de zijbalk geldt hier niet). Elke zin noemt zijn bron onder "
    "'Bronnen van het concept'."
)


def bewaarde_tekst(ronde_id: int, thema_nr: int) -> str | None:
    """The saved text of the thema in the round, or None (read fresh: it changes on save)."""
    with sessie.lees(data.engine()) as session:
        return opslag.bevindingen(session=session, ronde_id=ronde_id).get(thema_nr)


def export_bevindingen(bron: Bron) -> list[ThemaBevinding]:
    """The bevindingen per thema for the PPTX and PDF of ``bron``'s round."""
    with sessie.lees(data.engine()) as session:
        return laad_bevindingen(session, bron)


def _bewaar(gebruiker: Gebruiker, ronde_id: int, thema_nr: int, tekst: str) -> None:
    try:
        with sessie.schrijf(data.engine()) as session:
            opslag.save_bevinding(
                session=session,
                gebruiker=gebruiker,
                ronde_id=ronde_id,
                thema_nr=thema_nr,
                tekst=tekst,
            )
    except MonitorFout as fout:
        veilig.weigering(fout, voor="Niet bewaard: ", waarschuwing=True)
        return
    st.session_state.pop(f"bevindingen_{ronde_id}_{thema_nr}", None)
    st.rerun()


def bevindingen_sectie(gebruiker: Gebruiker, ronde, thema_nr: int, versie: int) -> None:
    """The bevindingen of the thema: the saved text, else the draft; an editor for those who
    may save, plain text for everyone else."""
    st.subheader("Bevindingen")
    zinnen = data.bevindingen_concept(
        ronde.id, ronde.vorige_ronde_id, ronde.peildatum, thema_nr, versie
    )
    concept = concept_tekst(zinnen)
    bewaard = bewaarde_tekst(ronde.id, thema_nr)
    st.caption("Bewerkt en bewaard voor deze ronde." if bewaard else CONCEPT_UITLEG)
    if mag(gebruiker, Recht.BEVINDINGEN_SCHRIJVEN):
        sleutel = f"bevindingen_{ronde.id}_{thema_nr}"
        tekst = st.text_area(
            "Bevindingen (bewerkbaar)",
            value=bewaard or concept,
            max_chars=invoer.BEVINDING.max_tekens,
            height=220,
            key=sleutel,
        )
        links, rechts = st.columns(2)
        if links.button("Bevindingen bewaren", key=f"{sleutel}_bewaar", type="primary"):
            _bewaar(gebruiker, ronde.id, thema_nr, tekst)
        if bewaard and rechts.button("Terug naar het concept", key=f"{sleutel}_herstel"):
            _bewaar(gebruiker, ronde.id, thema_nr, "")
    else:
        st.markdown(veilig.platte_tekst(bewaard or concept))
    with st.expander("Bronnen van het concept"):
        st.text(bronnen_tekst(zinnen))


def bij_dia(ronde, dia_sleutel: str, versie: int) -> None:
    """Under a thema's slide of the reflectiesessie: its bevindingen, read-only (they are
    edited on the Thema's page); nothing under other slides."""
    thema_nr = thema_van_dia(dia_sleutel)
    if thema_nr is None:
        return
    tekst = bewaarde_tekst(ronde.id, thema_nr) or concept_tekst(
        data.bevindingen_concept(ronde.id, ronde.vorige_ronde_id, ronde.peildatum, thema_nr, versie)
    )
    with st.expander(f"Bevindingen thema {thema_nr}"):
        st.markdown(veilig.platte_tekst(tekst))
        st.caption("Te bewerken op de pagina Thema's.")
